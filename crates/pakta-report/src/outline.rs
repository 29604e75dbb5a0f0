//! `pakta outline`: the article tree as an indented terminal listing or as the JSON contract.
//!
//! The JSON shape is a contract later tooling depends on: `title`, `language`, `articles` (each with
//! `number`, `id`, `heading`, `text`, `clauses`, `line`) and `diagnostics` (`severity`, `message`, `line`,
//! `column`). Fields may be added; none of these may change.

use std::fmt::Write;

use pakta_core::{Agreement, Article, Clause, Division, DivisionKind, Language};
use serde::Serialize;

#[derive(Serialize)]
struct OutlineJson<'a> {
    title: Option<&'a str>,
    language: &'a str,
    meta: &'a pakta_core::Meta,
    preamble: Vec<&'a str>,
    divisions: Vec<DivisionJson<'a>>,
    articles: Vec<ArticleJson<'a>>,
    closing: Vec<&'a str>,
    diagnostics: Vec<crate::diagnostics::DiagnosticJson<'a>>,
}

#[derive(Serialize)]
struct DivisionJson<'a> {
    id: &'a str,
    kind: pakta_core::DivisionKind,
    number: Option<&'a str>,
    heading: Option<&'a str>,
    parent: Option<&'a str>,
    line: u32,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    number: &'a str,
    id: &'a str,
    heading: Option<&'a str>,
    text: String,
    clauses: Vec<ClauseJson<'a>>,
    division: Option<&'a str>,
    /// 0 for the main text; one more for each restarted numbering (annex, language version).
    sequence: usize,
    language: &'a str,
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct ClauseJson<'a> {
    id: &'a str,
    kind: pakta_core::ClauseKind,
    label: Option<&'a str>,
    text: &'a str,
    clauses: Vec<ClauseJson<'a>>,
    line: u32,
}

fn clause_json(clause: &Clause) -> ClauseJson<'_> {
    ClauseJson {
        id: &clause.id,
        kind: clause.kind,
        label: clause.label.as_deref(),
        text: &clause.text,
        clauses: clause.children.iter().map(clause_json).collect(),
        line: clause.span.line,
    }
}

/// Which articles to show: all, or those of one language version.
pub fn select<'a>(
    agreement: &'a Agreement,
    language: Option<&'a pakta_core::Language>,
) -> Vec<&'a Article> {
    agreement
        .articles
        .iter()
        .filter(|a| language.is_none_or(|l| &a.language == l))
        .collect()
}

/// The outline as pretty-printed JSON (the contract above), ending in a newline.
pub fn json(agreement: &Agreement, articles: &[&Article]) -> String {
    let division_id = |i: Option<usize>| {
        i.and_then(|i| agreement.divisions.get(i))
            .map(|d| d.id.as_str())
    };
    let outline = OutlineJson {
        title: agreement.title.as_deref(),
        language: agreement.language.code(),
        meta: &agreement.meta,
        preamble: agreement.preamble.iter().map(|b| b.text.as_str()).collect(),
        divisions: agreement
            .divisions
            .iter()
            .map(|d: &Division| DivisionJson {
                id: &d.id,
                kind: d.kind,
                number: d.number.as_deref(),
                heading: d.heading.as_deref(),
                parent: division_id(d.parent),
                line: d.span.line,
            })
            .collect(),
        articles: articles
            .iter()
            .map(|a| ArticleJson {
                number: &a.number,
                id: &a.id,
                heading: a.heading.as_deref(),
                text: a.text(),
                clauses: a.clauses.iter().map(clause_json).collect(),
                division: division_id(a.division),
                sequence: a.sequence,
                language: a.language.code(),
                line: a.span.line,
                column: a.span.column,
            })
            .collect(),
        closing: agreement.closing.iter().map(|b| b.text.as_str()).collect(),
        diagnostics: agreement
            .diagnostics
            .iter()
            .map(crate::diagnostics::DiagnosticJson::from)
            .collect(),
    };
    // Serialising plain structs of strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(&outline).unwrap_or_default();
    out.push('\n');
    out
}

/// The outline as an indented listing: divisions, articles with their ids and lines, and the clause labels
/// with the start of each clause's text.
pub fn text(agreement: &Agreement, articles: &[&Article], width: usize) -> String {
    text_located(agreement, articles, width, |line| format!("line {line}"))
}

/// [`text`], with each article located by `locate` from its Markdown line: an imported Word file or PDF
/// says "paragraph 41" or "page 3, line 14", where the reader can find it in the original.
pub fn text_located(
    agreement: &Agreement,
    articles: &[&Article],
    width: usize,
    locate: impl Fn(u32) -> String,
) -> String {
    let mut out = String::new();
    let title = agreement.title.as_deref().unwrap_or("(untitled)");
    let _ = writeln!(
        out,
        "{title}  [{}; {} articles]",
        agreement.language,
        articles.len()
    );
    let mut shown_division: Option<usize> = None;
    for article in articles {
        if article.division != shown_division {
            // Print the chain of divisions this article opens, outermost first, skipping those shown.
            let mut chain = Vec::new();
            let mut d = article.division;
            while let Some(i) = d {
                if shown_chain_contains(agreement, shown_division, i) {
                    break;
                }
                chain.push(i);
                d = agreement.divisions[i].parent;
            }
            for &i in chain.iter().rev() {
                let division = &agreement.divisions[i];
                let depth = depth_of(agreement, i);
                let mut label = String::new();
                if let Some(number) = &division.number {
                    let _ = write!(
                        label,
                        "{} {number}",
                        kind_word(division.kind, &article.language)
                    );
                }
                if let Some(heading) = &division.heading {
                    if !label.is_empty() {
                        label.push_str(" — ");
                    }
                    label.push_str(heading);
                }
                let _ = writeln!(out, "{}{}", "  ".repeat(depth), truncate(&label, width));
            }
            shown_division = article.division;
        }
        let depth = article.division.map_or(0, |d| depth_of(agreement, d) + 1);
        let indent = "  ".repeat(depth);
        let heading = article
            .heading
            .as_deref()
            .map(|h| format!(" — {h}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{indent}{} {}{heading}  [{}, {}]",
            pakta_core::paragraphs::provision_word(agreement, article),
            article.number,
            article.id,
            locate(article.span.line)
        );
        for clause in &article.clauses {
            write_clause(&mut out, clause, depth + 1, width);
        }
    }
    out
}

fn shown_chain_contains(agreement: &Agreement, shown: Option<usize>, target: usize) -> bool {
    let mut d = shown;
    while let Some(i) = d {
        if i == target {
            return true;
        }
        d = agreement.divisions[i].parent;
    }
    false
}

fn depth_of(agreement: &Agreement, division: usize) -> usize {
    let mut depth = 0;
    let mut d = agreement.divisions[division].parent;
    while let Some(i) = d {
        depth += 1;
        d = agreement.divisions[i].parent;
    }
    depth
}

fn kind_word(kind: DivisionKind, language: &Language) -> &'static str {
    match (kind, language) {
        (DivisionKind::Chapter, Language::Id) => "BAB",
        (DivisionKind::Section, Language::Id) => "Bagian",
        (DivisionKind::Annex, Language::Id) => "Lampiran",
        (DivisionKind::Annex, _) => "Annex",
        (DivisionKind::Title, _) => "Title",
        (DivisionKind::Part, _) => "Part",
        (DivisionKind::Chapter, _) => "Chapter",
        (DivisionKind::Section, _) => "Section",
        (DivisionKind::Heading, _) => "",
    }
}

fn write_clause(out: &mut String, clause: &Clause, depth: usize, width: usize) {
    let label = clause.label.as_deref().unwrap_or("¶");
    let line = format!("{}{label} {}", "  ".repeat(depth), clause.text);
    let _ = writeln!(out, "{}", truncate(&line, width));
    for child in &clause.children {
        write_clause(out, child, depth + 1, width);
    }
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}
