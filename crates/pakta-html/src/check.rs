//! The coverage report as a web page: the table a meeting reads (status as colour and as a word), then per
//! requirement the evidence quoted from the agreement, the cited sources and the word diff against the
//! model clause.

use std::fmt::Write as _;

use pakta_report::coverage::{Comparisons, Subject, articles_cell, headline, summary_line};
use pakta_standards::{Catalogue, Coverage, EvidenceKind, RequirementResult, Status};

use crate::diff::changes_html;
use crate::page::{Head, anchor, document, escape, filters, token};

pub(crate) fn status_cell(status: Status) -> String {
    format!(
        "<span class=\"status status-{}\">{}</span>",
        token(status.as_str()),
        status.as_str()
    )
}

fn evidence_label(kind: EvidenceKind) -> &'static str {
    match kind {
        EvidenceKind::Cue => "found",
        EvidenceKind::Context => "context",
        EvidenceKind::Element => "element",
        EvidenceKind::Contradiction => "contradicts",
        EvidenceKind::NegatedContradiction => "negated (complies)",
        EvidenceKind::Hedge => "diluted by",
        EvidenceKind::Compliance => "complies",
        EvidenceKind::Qualification => "read: qualifies it",
    }
}

fn requirement_section(
    result: &RequirementResult,
    catalogue: &Catalogue,
    language: &str,
    comparison: Option<&pakta_standards::ModelComparison>,
) -> String {
    let mut out = String::new();
    let requirement = catalogue.requirement(&result.requirement);
    let title = requirement.map_or("", |r| r.title.get(language));
    let _ = writeln!(
        out,
        "<section class=\"requirement\" id=\"{}\" data-status=\"{}\">",
        anchor("r", &result.requirement),
        token(result.status.as_str())
    );
    let _ = writeln!(
        out,
        "<h3>{} <code>{}</code> {}</h3>",
        status_cell(result.status),
        escape(&result.requirement),
        escape(title)
    );
    if let Some(r) = requirement {
        let _ = writeln!(out, "<p>{}</p>", escape(r.summary.get(language)));
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">Articles: {} \u{b7} score {:.2}</p>",
        escape(&articles_cell(result)),
        result.score
    );
    if !result.elements_found.is_empty() || !result.elements_missing.is_empty() {
        let _ = writeln!(
            out,
            "<p>Elements present: {} \u{b7} lacking: {}</p>",
            escape(&or_dash(&result.elements_found.join(", "))),
            escape(&or_dash(&result.elements_missing.join(", ")))
        );
    }
    if !result.evidence.is_empty() {
        out.push_str("<ul class=\"evidence\">\n");
        for e in &result.evidence {
            let place = match &e.article {
                Some(a) => format!("Article {}", escape(a)),
                None => escape(&e.clause),
            };
            // The norm is shown where it decides the status: a contradiction or a compliance finding.
            let norm = match (&e.norm, e.kind) {
                (
                    Some(norm),
                    EvidenceKind::Contradiction
                    | EvidenceKind::NegatedContradiction
                    | EvidenceKind::Compliance
                    | EvidenceKind::Qualification,
                ) => format!(
                    "<br><small class=\"norm\">norm: {}{}</small>",
                    escape(&norm.summary),
                    match e.pattern.split_once(": ") {
                        Some(("norm" | "qualifies", why)) => format!(" \u{b7} {}", escape(why)),
                        _ => String::new(),
                    }
                ),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "<li><span class=\"badge\">{}</span> {place} <code>{}</code>: <q>{}</q>{norm}</li>",
                evidence_label(e.kind),
                escape(&e.clause),
                escape(&e.text)
            );
        }
        out.push_str("</ul>\n");
    }
    if let Some(r) = requirement {
        out.push_str("<p class=\"sources\">Sources: ");
        let cited: Vec<String> = r
            .sources
            .iter()
            .map(|s| {
                let title = catalogue
                    .instrument(&s.instrument)
                    .map(|i| format!(" title=\"{}\"", escape(&i.title)))
                    .unwrap_or_default();
                if s.verified {
                    format!("<cite{title}>{}</cite>", escape(&s.citation()))
                } else {
                    format!(
                        "<cite{title}>{}</cite> <span class=\"unverified\">(unverified{})</span>",
                        escape(&s.citation()),
                        s.note
                            .as_deref()
                            .map(|n| format!(": {}", escape(n)))
                            .unwrap_or_default()
                    )
                }
            })
            .collect();
        out.push_str(&cited.join("; "));
        out.push_str("</p>\n");
    }
    if let Some(c) = comparison {
        let _ = writeln!(
            out,
            "<details open><summary>Article {} against the model clause <code>{}</code> (similarity {:.2}; \
             <del>struck</del> only in the agreement, <ins>underlined</ins> only in the model)</summary>\n\
             <div class=\"quote\">{}</div></details>",
            escape(&c.article),
            escape(requirement.map_or("", |r| r.model_clause.as_str())),
            c.similarity,
            changes_html(&c.changes).replace('\n', "<br>\n")
        );
    }
    out.push_str("</section>\n");
    out
}

fn or_dash(text: &str) -> String {
    if text.is_empty() {
        "\u{2013}".into()
    } else {
        text.into()
    }
}

/// The coverage report of one agreement as a self-contained HTML page.
pub fn report(
    subject: &Subject,
    coverage: &Coverage,
    catalogue: &Catalogue,
    comparisons: Option<&Comparisons>,
    date: Option<&str>,
) -> String {
    let language = coverage.language.code();
    let title = subject.title.unwrap_or(subject.path);
    let mut body = String::new();
    body.push_str("<header>\n<p class=\"report-kind\">Coverage against the standards</p>\n");
    let _ = writeln!(body, "<h1>{}</h1>", escape(title));
    let _ = writeln!(
        body,
        "<p class=\"files\"><code>{}</code> \u{b7} profile <code>{}</code> \u{b7} language <code>{}</code>{}</p>\n</header>",
        escape(subject.path),
        escape(&coverage.profile),
        escape(language),
        date.map(|d| format!(" \u{b7} {}", escape(d)))
            .unwrap_or_default()
    );
    body.push_str("<section class=\"summary\" aria-label=\"Summary\">\n<h2>Summary</h2>\n<dl class=\"counts\">\n");
    let _ = writeln!(
        body,
        "<div class=\"count-score\"><dt>score</dt><dd>{:.1}/100</dd></div>",
        coverage.summary.score
    );
    for status in Status::ALL {
        let _ = writeln!(
            body,
            "<div class=\"count-{0}\"><dt>{1}</dt><dd>{2}</dd></div>",
            token(status.as_str()),
            status.as_str(),
            coverage.summary.count(status)
        );
    }
    let _ = writeln!(
        body,
        "</dl>\n<p class=\"meta\">{}</p>\n</section>",
        escape(&summary_line(coverage))
    );
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    body.push_str(&filters(&statuses, &[]));
    body.push_str(
        "<h2>Requirements</h2>\n<table class=\"coverage\">\n<thead><tr><th>Status</th><th>Requirement</th>\
         <th>Articles</th><th>Evidence</th><th>Sources</th></tr></thead>\n<tbody>\n",
    );
    for result in &coverage.results {
        let requirement = catalogue.requirement(&result.requirement);
        let sources = requirement
            .map(|r| pakta_standards::catalogue::cited_sources(&r.sources))
            .unwrap_or_default();
        let _ = writeln!(
            body,
            "<tr data-status=\"{}\"><td class=\"status-{0}\">{}</td><td><a href=\"#{}\"><code>{}</code></a><br>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td></tr>",
            token(result.status.as_str()),
            status_cell(result.status),
            anchor("r", &result.requirement),
            escape(&result.requirement),
            escape(requirement.map_or("", |r| r.title.get(language))),
            escape(&articles_cell(result)),
            escape(&headline(result)),
            escape(&sources),
        );
    }
    body.push_str("</tbody>\n</table>\n<main>\n<h2>Details</h2>\n");
    for (i, result) in coverage.results.iter().enumerate() {
        let comparison = comparisons.and_then(|c| c.get(i)).and_then(Option::as_ref);
        body.push_str(&requirement_section(
            result, catalogue, language, comparison,
        ));
    }
    body.push_str("</main>\n");
    let page_title = format!("Coverage: {title}");
    document(
        &Head {
            title: &page_title,
            lang: "en",
            date,
        },
        &body,
    )
}

/// The coverage of two drafts compared (`pakta check OLD --against NEW`) as a self-contained HTML page:
/// both scores, then each requirement that improved, regressed or moved, with its articles before and after.
pub fn against(
    old: &Subject,
    new: &Subject,
    before: &Coverage,
    after: &Coverage,
    changes: &[pakta_standards::CoverageChange],
    catalogue: &Catalogue,
    date: Option<&str>,
) -> String {
    let language = after.language.code();
    let title = new.title.unwrap_or(new.path);
    let mut body = String::new();
    body.push_str(
        "<header>\n<p class=\"report-kind\">Coverage compared with an earlier draft</p>\n",
    );
    let _ = writeln!(body, "<h1>{}</h1>", escape(title));
    let _ = writeln!(
        body,
        "<p class=\"files\">earlier <code>{}</code> \u{2192} later <code>{}</code> \u{b7} profile <code>{}</code>{}</p>\n</header>",
        escape(old.path),
        escape(new.path),
        escape(&after.profile),
        date.map(|d| format!(" \u{b7} {}", escape(d)))
            .unwrap_or_default()
    );
    body.push_str("<section class=\"summary\" aria-label=\"Summary\">\n<h2>Summary</h2>\n<dl class=\"counts\">\n");
    for direction in pakta_standards::compare::Direction::ALL.map(|d| d.as_str()) {
        let _ = writeln!(
            body,
            "<div class=\"count-{direction}\"><dt>{direction}</dt><dd>{}</dd></div>",
            changes
                .iter()
                .filter(|c| c.direction.as_str() == direction)
                .count()
        );
    }
    let _ = writeln!(
        body,
        "</dl>\n<p class=\"meta\">earlier: {}</p>\n<p class=\"meta\">later: {}</p>\n</section>",
        escape(&summary_line(before)),
        escape(&summary_line(after))
    );
    if changes.is_empty() {
        body.push_str("<p class=\"consistent\">No requirement changed status or articles.</p>\n");
    } else {
        body.push_str(&filters(
            &pakta_standards::compare::Direction::ALL.map(|d| d.as_str()),
            &[],
        ));
        body.push_str(
            "<table class=\"against\">\n<thead><tr><th>Change</th><th>Requirement</th><th>Earlier</th>\
             <th>Later</th><th>Articles earlier</th><th>Articles later</th></tr></thead>\n<tbody>\n",
        );
        let articles = |list: &[String]| or_dash(&list.join(", "));
        for change in changes {
            let requirement = catalogue.requirement(&change.requirement);
            let _ = writeln!(
                body,
                "<tr data-status=\"{0}\"><td><span class=\"badge\">{0}</span></td><td><code>{1}</code><br>{2}</td>\
                 <td>{3}</td><td>{4}</td><td>{5}</td><td>{6}</td></tr>",
                change.direction.as_str(),
                escape(&change.requirement),
                escape(requirement.map_or("", |r| r.title.get(language))),
                status_cell(change.old),
                status_cell(change.new),
                escape(&articles(&change.old_articles)),
                escape(&articles(&change.new_articles)),
            );
        }
        body.push_str("</tbody>\n</table>\n");
    }
    let page_title = format!("Coverage compared: {title}");
    document(
        &Head {
            title: &page_title,
            lang: "en",
            date,
        },
        &body,
    )
}
