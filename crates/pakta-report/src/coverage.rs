//! Coverage reports for `pakta check`: a table for the meeting room, JSON for programs, Markdown for minutes.
//!
//! The JSON shape is a contract other tools depend on (see the README); it is built from dedicated structs so
//! that a change to the analysis types cannot change it by accident.

use std::fmt::Write as _;

use pakta_standards::coverage::NormEvidence;
use pakta_standards::{
    Catalogue, Coverage, CoverageChange, EvidenceKind, ModelComparison, RequirementResult, Status,
};
use serde::Serialize;

use crate::style::{Style, escape_markdown, truncate};

/// What a report is about: the agreement's title and where it was read from.
#[derive(Debug, Clone)]
pub struct Subject<'a> {
    pub title: Option<&'a str>,
    pub path: &'a str,
}

#[derive(Serialize)]
struct CoverageJson<'a> {
    agreement: AgreementJson<'a>,
    profile: &'a str,
    language: &'a str,
    sectors: &'a [String],
    results: Vec<ResultJson<'a>>,
    summary: SummaryJson,
}

#[derive(Serialize)]
struct AgreementJson<'a> {
    title: Option<&'a str>,
    path: &'a str,
}

#[derive(Serialize)]
struct ResultJson<'a> {
    requirement: &'a str,
    title: &'a str,
    status: &'static str,
    articles: &'a [String],
    clauses: &'a [String],
    score: f64,
    evidence: Vec<EvidenceJson<'a>>,
    elements: ElementsJson<'a>,
    sources: Vec<SourceJson<'a>>,
    model_clause: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    model_diff: Option<ModelDiffJson<'a>>,
}

#[derive(Serialize)]
struct EvidenceJson<'a> {
    kind: &'static str,
    clause: &'a str,
    article: Option<&'a str>,
    text: &'a str,
    pattern: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    norm: Option<NormJson<'a>>,
}

/// The norm behind a piece of evidence, as the norm layer read it.
#[derive(Serialize)]
struct NormJson<'a> {
    summary: &'a str,
    bearer: Option<&'a str>,
    role: Option<&'a str>,
    modality: &'a str,
    modal: &'a str,
    action: Option<&'a str>,
    object: &'a str,
    beneficiary: Option<&'a str>,
    conditions: &'a [String],
    negated: bool,
    passive: bool,
    hedge: Option<&'a str>,
    inherited_from: Option<&'a str>,
}

impl<'a> NormJson<'a> {
    fn of(norm: &'a NormEvidence) -> NormJson<'a> {
        NormJson {
            summary: &norm.summary,
            bearer: norm.bearer.as_deref(),
            role: norm.role.as_deref(),
            modality: &norm.modality,
            modal: &norm.modal,
            action: norm.action.as_deref(),
            object: &norm.object,
            beneficiary: norm.beneficiary.as_deref(),
            conditions: &norm.conditions,
            negated: norm.negated,
            passive: norm.passive,
            hedge: norm.hedge.as_deref(),
            inherited_from: norm.inherited_from.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct ElementsJson<'a> {
    found: &'a [String],
    missing: &'a [String],
}

#[derive(Serialize)]
struct SourceJson<'a> {
    instrument: &'a str,
    at: &'a str,
    citation: String,
    verified: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct ModelDiffJson<'a> {
    article: &'a str,
    similarity: f64,
    changes: Vec<ChangeJson<'a>>,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    op: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct SummaryJson {
    covered: usize,
    partial: usize,
    uncertain: usize,
    weaker: usize,
    missing: usize,
    not_applicable: usize,
    score: f64,
}

fn summary_json(coverage: &Coverage) -> SummaryJson {
    let s = &coverage.summary;
    SummaryJson {
        covered: s.count(Status::Covered),
        partial: s.count(Status::Partial),
        uncertain: s.count(Status::Uncertain),
        weaker: s.count(Status::Weaker),
        missing: s.count(Status::Missing),
        not_applicable: s.count(Status::NotApplicable),
        score: s.score,
    }
}

/// Model-clause comparisons, one per result (same order), when `--show-diff` asked for them.
pub type Comparisons = [Option<ModelComparison>];

/// The JSON contract of `pakta check --format json`.
pub fn json(
    subject: &Subject,
    coverage: &Coverage,
    catalogue: &Catalogue,
    comparisons: Option<&Comparisons>,
) -> String {
    let results = coverage
        .results
        .iter()
        .enumerate()
        .map(|(i, result)| {
            let requirement = catalogue.requirement(&result.requirement);
            ResultJson {
                requirement: &result.requirement,
                title: requirement.map_or("", |r| r.title.get(coverage.language.code())),
                status: result.status.as_str(),
                articles: &result.articles,
                clauses: &result.clauses,
                score: result.score,
                evidence: result
                    .evidence
                    .iter()
                    .map(|e| EvidenceJson {
                        kind: e.kind.as_str(),
                        clause: &e.clause,
                        article: e.article.as_deref(),
                        text: &e.text,
                        pattern: &e.pattern,
                        norm: e.norm.as_ref().map(NormJson::of),
                    })
                    .collect(),
                elements: ElementsJson {
                    found: &result.elements_found,
                    missing: &result.elements_missing,
                },
                sources: requirement
                    .map(|r| {
                        r.sources
                            .iter()
                            .map(|s| SourceJson {
                                instrument: &s.instrument,
                                at: &s.at,
                                citation: s.citation(),
                                verified: s.verified,
                                note: s.note.as_deref(),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                model_clause: requirement.map_or("", |r| r.model_clause.as_str()),
                model_diff: comparisons
                    .and_then(|c| c.get(i))
                    .and_then(Option::as_ref)
                    .map(|c| ModelDiffJson {
                        article: &c.article,
                        similarity: c.similarity,
                        changes: c
                            .changes
                            .iter()
                            .map(|ch| ChangeJson {
                                op: ch.op.as_str(),
                                text: &ch.text,
                            })
                            .collect(),
                    }),
            }
        })
        .collect();
    let report = CoverageJson {
        agreement: AgreementJson {
            title: subject.title,
            path: subject.path,
        },
        profile: &coverage.profile,
        language: coverage.language.code(),
        sectors: &coverage.sectors,
        results,
        summary: summary_json(coverage),
    };
    to_json(&report)
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> String {
    let mut out =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

/// The one-line evidence a person reads in the table.
pub fn headline(result: &RequirementResult) -> String {
    let quote = |kind: EvidenceKind| {
        result
            .evidence
            .iter()
            .find(|e| e.kind == kind)
            .map(|e| format!("\u{201c}{}\u{201d}", e.text))
    };
    match result.status {
        Status::Weaker => {
            if let Some(q) = quote(EvidenceKind::Contradiction) {
                format!("contradicts: {q}")
            } else if let Some(q) = quote(EvidenceKind::Hedge) {
                format!("diluted by {q}")
            } else {
                String::new()
            }
        }
        Status::Partial => format!("lacks {}", result.elements_missing.join(", ")),
        Status::Uncertain => quote(EvidenceKind::Qualification)
            .map(|q| format!("read {q}: it may take the protection back"))
            .unwrap_or_default(),
        Status::Covered => {
            let mut quotes: Vec<String> = Vec::new();
            for e in &result.evidence {
                if matches!(e.kind, EvidenceKind::Cue | EvidenceKind::Element) {
                    let q = format!("\u{201c}{}\u{201d}", e.text);
                    if !quotes.iter().any(|x| x.eq_ignore_ascii_case(&q)) {
                        quotes.push(q);
                    }
                }
                if quotes.len() == 2 {
                    break;
                }
            }
            if quotes.is_empty() {
                quote(EvidenceKind::Context).unwrap_or_default()
            } else {
                quotes.join(", ")
            }
        }
        Status::Missing => String::new(),
        Status::NotApplicable => "sector not covered by the agreement".to_string(),
    }
}

fn status_style(status: Status) -> &'static str {
    match status {
        Status::Covered => "32",
        Status::Partial => "33",
        Status::Uncertain => "1;35",
        Status::Weaker => "1;31",
        Status::Missing => "31",
        Status::NotApplicable => "2",
    }
}

pub fn articles_cell(result: &RequirementResult) -> String {
    if result.articles.is_empty() {
        if result.clauses.iter().any(|c| c == "preamble") {
            "preamble".into()
        } else {
            "\u{2013}".into()
        }
    } else {
        result.articles.join(", ")
    }
}

/// The coverage table with a summary line, for the terminal.
pub fn text(
    subject: &Subject,
    coverage: &Coverage,
    comparisons: Option<&Comparisons>,
    style: Style,
    width: usize,
) -> String {
    let mut out = String::new();
    let title = subject.title.unwrap_or(subject.path);
    let _ = writeln!(out, "{}", style.paint("1", &truncate(title, width)));
    let sectors = if coverage.sectors.is_empty() {
        "none detected".to_string()
    } else {
        coverage.sectors.join(", ")
    };
    let _ = writeln!(
        out,
        "{} · profile {} · language {} · sectors: {}",
        subject.path, coverage.profile, coverage.language, sectors
    );
    let _ = writeln!(out, "{}", summary_line(coverage));
    out.push('\n');
    let id_width = coverage
        .results
        .iter()
        .map(|r| r.requirement.len())
        .max()
        .unwrap_or(11)
        .max(11);
    let art_width = coverage
        .results
        .iter()
        .map(|r| articles_cell(r).chars().count())
        .max()
        .unwrap_or(8)
        .clamp(8, 16);
    let _ = writeln!(
        out,
        "{:<14} {:<id_width$}  {:<art_width$}  EVIDENCE",
        "STATUS", "REQUIREMENT", "ARTICLES"
    );
    for result in &coverage.results {
        let status = format!("{:<14}", result.status.as_str());
        let articles = truncate(&articles_cell(result), art_width);
        let used = 14 + 1 + id_width + 2 + art_width + 2;
        let evidence = truncate(&headline(result), width.saturating_sub(used).max(20));
        let line = format!(
            "{} {:<id_width$}  {:<art_width$}  {}",
            style.paint(status_style(result.status), &status),
            result.requirement,
            articles,
            evidence
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    for (status, heading) in EXPLAINED {
        let results = results_with(coverage, status);
        if !results.is_empty() {
            let _ = writeln!(out, "\n{}", style.paint("1", heading));
        }
        for result in results {
            let _ = writeln!(out, "{}", result.requirement);
            for reason in reasons(result) {
                let _ = writeln!(out, "  {reason}");
            }
        }
    }
    if let Some(comparisons) = comparisons {
        for (result, comparison) in coverage.results.iter().zip(comparisons) {
            let Some(c) = comparison else { continue };
            let _ = writeln!(
                out,
                "\n{} — article {} against the model clause (similarity {:.2}); [-agreement only-] {{+model only+}}",
                style.paint("1", &result.requirement),
                c.article,
                c.similarity
            );
            let _ = writeln!(out, "{}", crate::style::inline_diff(&c.changes, style));
        }
    }
    out
}

/// The statuses whose findings a report explains, with the heading it gives them.
const EXPLAINED: [(Status, &str); 2] = [
    (Status::Weaker, "Why weaker"),
    (Status::Uncertain, "Why uncertain (read these clauses)"),
];

/// The requirements reported with `status`, in catalogue order.
fn results_with(coverage: &Coverage, status: Status) -> Vec<&RequirementResult> {
    coverage
        .results
        .iter()
        .filter(|r| r.status == status)
        .collect()
}

/// Why a weaker requirement is weaker, or an uncertain one uncertain, one line per finding: where, the
/// words, the norm read from them and the rule it breaks or the qualification it makes ("Article 7 ·
/// “hold the Worker's passport” · Sponsor (employer) — obligation — hold — …").
pub fn reasons(result: &RequirementResult) -> Vec<String> {
    let kinds: &[EvidenceKind] = match result.status {
        Status::Weaker => &[EvidenceKind::Contradiction, EvidenceKind::Hedge],
        Status::Uncertain => &[EvidenceKind::Qualification],
        _ => return Vec::new(),
    };
    result
        .evidence
        .iter()
        .filter(|e| kinds.contains(&e.kind))
        .map(|e| {
            let place = e
                .article
                .as_deref()
                .map_or_else(|| e.clause.clone(), |a| format!("Article {a}"));
            let mut line = format!("{place} \u{b7} \u{201c}{}\u{201d}", e.text);
            if let Some(norm) = &e.norm {
                line.push_str(&format!(" \u{b7} norm: {}", norm.summary));
            }
            if !e.pattern.is_empty() {
                line.push_str(&format!(" \u{b7} {}", e.pattern));
            }
            line
        })
        .collect()
}

/// "Score 71.4/100 — 28 covered, 4 partial, 3 weaker, 7 missing, 3 not applicable".
pub fn summary_line(coverage: &Coverage) -> String {
    let s = &coverage.summary;
    let mut parts = vec![
        format!("{} covered", s.count(Status::Covered)),
        format!("{} partial", s.count(Status::Partial)),
        format!("{} weaker", s.count(Status::Weaker)),
        format!("{} missing", s.count(Status::Missing)),
    ];
    if s.count(Status::Uncertain) > 0 {
        parts.insert(2, format!("{} uncertain", s.count(Status::Uncertain)));
    }
    if s.count(Status::NotApplicable) > 0 {
        parts.push(format!("{} not applicable", s.count(Status::NotApplicable)));
    }
    format!("Score {:.1}/100 — {}", s.score, parts.join(", "))
}

/// A Markdown report: summary, table, and (with comparisons) CriticMarkup diffs against the model clauses.
pub fn markdown(
    subject: &Subject,
    coverage: &Coverage,
    catalogue: &Catalogue,
    comparisons: Option<&Comparisons>,
) -> String {
    let mut out = String::new();
    let title = subject.title.unwrap_or(subject.path);
    let _ = writeln!(out, "# Coverage: {}\n", escape_markdown(title));
    let _ = writeln!(
        out,
        "`{}` · profile `{}` · language `{}`\n\n**{}**\n",
        subject.path.replace('`', "'"),
        coverage.profile,
        coverage.language,
        summary_line(coverage)
    );
    out.push_str(
        "| Status | Requirement | Articles | Evidence | Sources |\n|---|---|---|---|---|\n",
    );
    for result in &coverage.results {
        // Citations nobody has checked against the instrument say so, as in every other report.
        let sources = catalogue
            .requirement(&result.requirement)
            .map(|r| pakta_standards::catalogue::cited_sources(&r.sources))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "| **{}** | {} | {} | {} | {} |",
            result.status.as_str(),
            result.requirement,
            escape_markdown(&articles_cell(result)),
            escape_markdown(&headline(result)).replace('|', "\\|"),
            escape_markdown(&sources).replace('|', "\\|"),
        );
    }
    for (status, heading) in EXPLAINED {
        let results = results_with(coverage, status);
        if !results.is_empty() {
            let _ = writeln!(out, "\n## {heading}");
        }
        for result in results {
            let _ = writeln!(out, "\n**{}**\n", result.requirement);
            for reason in reasons(result) {
                let _ = writeln!(out, "- {}", escape_markdown(&reason));
            }
        }
    }
    if let Some(comparisons) = comparisons {
        out.push_str("\n## Against the model clauses\n");
        for (result, comparison) in coverage.results.iter().zip(comparisons) {
            let Some(c) = comparison else { continue };
            let _ = writeln!(
                out,
                "\n### {} — Article {} (similarity {:.2})\n\n{}\n",
                result.requirement,
                escape_markdown(&c.article),
                c.similarity,
                crate::style::critic_markup(&c.changes)
            );
        }
    }
    out
}

/// `pakta check OLD --against NEW`: what changed in coverage between two drafts.
pub fn against_text(
    old: &Subject,
    new: &Subject,
    before: &Coverage,
    after: &Coverage,
    changes: &[CoverageChange],
    style: Style,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} → {}", old.path, new.path);
    let _ = writeln!(out, "old: {}", summary_line(before));
    let _ = writeln!(out, "new: {}", summary_line(after));
    if changes.is_empty() {
        out.push_str("\nNo requirement changed status or articles.\n");
        return out;
    }
    out.push('\n');
    for change in changes {
        let colour = match change.direction.as_str() {
            "improved" => "32",
            "regressed" => "1;31",
            "qualified" => "33",
            _ => "2",
        };
        let _ = writeln!(
            out,
            "{} {:<28} {} → {}   (articles {} → {})",
            style.paint(colour, &format!("{:<9}", change.direction.as_str())),
            change.requirement,
            change.old.as_str(),
            change.new.as_str(),
            list_or_dash(&change.old_articles),
            list_or_dash(&change.new_articles),
        );
    }
    out
}

fn list_or_dash(list: &[String]) -> String {
    if list.is_empty() {
        "\u{2013}".into()
    } else {
        list.join(", ")
    }
}

#[derive(Serialize)]
struct AgainstJson<'a> {
    old: SideJson<'a>,
    new: SideJson<'a>,
    changes: Vec<ChangeRowJson<'a>>,
}

#[derive(Serialize)]
struct SideJson<'a> {
    title: Option<&'a str>,
    path: &'a str,
    summary: SummaryJson,
}

#[derive(Serialize)]
struct ChangeRowJson<'a> {
    requirement: &'a str,
    direction: &'static str,
    old: &'static str,
    new: &'static str,
    old_articles: &'a [String],
    new_articles: &'a [String],
}

/// JSON for `--against`.
pub fn against_json(
    old: &Subject,
    new: &Subject,
    before: &Coverage,
    after: &Coverage,
    changes: &[CoverageChange],
) -> String {
    to_json(&AgainstJson {
        old: SideJson {
            title: old.title,
            path: old.path,
            summary: summary_json(before),
        },
        new: SideJson {
            title: new.title,
            path: new.path,
            summary: summary_json(after),
        },
        changes: changes
            .iter()
            .map(|c| ChangeRowJson {
                requirement: &c.requirement,
                direction: c.direction.as_str(),
                old: c.old.as_str(),
                new: c.new.as_str(),
                old_articles: &c.old_articles,
                new_articles: &c.new_articles,
            })
            .collect(),
    })
}
