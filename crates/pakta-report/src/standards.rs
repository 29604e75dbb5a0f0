//! Browsing the catalogue: `pakta standards list` and `pakta standards show ID`, in English or Indonesian.

use std::fmt::Write as _;

use pakta_standards::{Catalogue, Requirement};
use serde::Serialize;

use crate::coverage::to_json;
use crate::style::truncate;

/// One line per requirement: id, topic, title and the leading citation.
pub fn list(
    catalogue: &Catalogue,
    requirements: &[&Requirement],
    language: &str,
    width: usize,
) -> String {
    let mut out = String::new();
    let id_width = requirements.iter().map(|r| r.id.len()).max().unwrap_or(2);
    let topic_width = requirements
        .iter()
        .map(|r| r.topic.len())
        .max()
        .unwrap_or(5);
    for r in requirements {
        let cite = r.sources.first().map(|s| s.citation()).unwrap_or_default();
        let line = format!(
            "{:<id_width$}  {:<topic_width$}  {} [{}]",
            r.id,
            r.topic,
            r.title.get(language),
            cite
        );
        let _ = writeln!(out, "{}", truncate(&line, width));
    }
    let _ = writeln!(
        out,
        "\n{} requirements · profiles: {}",
        requirements.len(),
        catalogue
            .profiles
            .keys()
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    );
    out
}

#[derive(Serialize)]
struct RequirementJson<'a> {
    id: &'a str,
    topic: &'a str,
    title: &'a str,
    summary: &'a str,
    sources: Vec<SourceJson<'a>>,
    model_clause: &'a str,
    obligation: bool,
    sectors: &'a [String],
    profiles: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    model_text: Option<&'a str>,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    instrument: &'a str,
    instrument_title: Option<&'a str>,
    at: &'a str,
    verified: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

fn requirement_json<'a>(
    catalogue: &'a Catalogue,
    r: &'a Requirement,
    language: &str,
    model_text: Option<&'a str>,
) -> RequirementJson<'a> {
    RequirementJson {
        id: &r.id,
        topic: &r.topic,
        title: r.title.get(language),
        summary: r.summary.get(language),
        sources: r
            .sources
            .iter()
            .map(|s| SourceJson {
                instrument: &s.instrument,
                instrument_title: catalogue
                    .instrument(&s.instrument)
                    .map(|i| i.title.as_str()),
                at: &s.at,
                verified: s.verified,
                note: s.note.as_deref(),
            })
            .collect(),
        model_clause: &r.model_clause,
        obligation: r.obligation,
        sectors: &r.sectors,
        profiles: catalogue
            .profiles
            .values()
            .filter(|p| p.requirements.contains(&r.id))
            .map(|p| p.name.as_str())
            .collect(),
        model_text,
    }
}

/// The list as JSON.
pub fn list_json(catalogue: &Catalogue, requirements: &[&Requirement], language: &str) -> String {
    let items: Vec<RequirementJson> = requirements
        .iter()
        .map(|r| requirement_json(catalogue, r, language, None))
        .collect();
    to_json(&items)
}

/// One requirement in full: summary, sources (with verification notes), cues and the model clause.
pub fn show(
    catalogue: &Catalogue,
    r: &Requirement,
    language: &str,
    model_text: Option<&str>,
    width: usize,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", r.id, r.title.get(language));
    let _ = writeln!(
        out,
        "topic: {}{}",
        r.topic,
        if r.sectors.is_empty() {
            String::new()
        } else {
            format!(" · sectors: {}", r.sectors.join(", "))
        }
    );
    out.push('\n');
    for line in wrap(r.summary.get(language), width) {
        let _ = writeln!(out, "{line}");
    }
    out.push_str("\nSources:\n");
    for s in &r.sources {
        let title = catalogue
            .instrument(&s.instrument)
            .map(|i| i.title.as_str())
            .unwrap_or_default();
        let mark = if s.verified { "" } else { "  (unverified)" };
        let _ = writeln!(
            out,
            "  {} {}{} — {}",
            s.instrument,
            s.at,
            mark,
            truncate(title, width.saturating_sub(20))
        );
        if let Some(note) = &s.note {
            let _ = writeln!(out, "    note: {note}");
        }
    }
    let lexicon = |l: &pakta_standards::catalogue::Lexicon| {
        if language == "id" {
            l.id.join("; ")
        } else {
            l.en.join("; ")
        }
    };
    let _ = writeln!(out, "\nCues: {}", lexicon(&r.cues));
    if !r.elements.is_empty() {
        let names: Vec<&str> = r.elements.iter().map(|e| e.name.as_str()).collect();
        let _ = writeln!(out, "Elements: {}", names.join(", "));
    }
    let contradictions = lexicon(&r.contradicts);
    if !contradictions.is_empty() {
        let _ = writeln!(out, "Contradicted by: {contradictions}");
    }
    if let Some(text) = model_text {
        let _ = writeln!(out, "\nModel clause ({}.{language}.hbs):\n", r.model_clause);
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

/// One requirement as JSON, with the model clause text when given.
pub fn show_json(
    catalogue: &Catalogue,
    r: &Requirement,
    language: &str,
    model_text: Option<&str>,
) -> String {
    to_json(&requirement_json(catalogue, r, language, model_text))
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
