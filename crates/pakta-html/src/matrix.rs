//! The requirements × agreements heat map of `pakta matrix`: one row per requirement, one column per
//! agreement, each cell coloured by status and lettered, so the grid also reads in black and white.

use std::fmt::Write as _;

use pakta_report::matrix::Column;
use pakta_standards::Status;

use crate::page::{Head, document, escape, token};

fn letter(status: Status) -> &'static str {
    match status {
        Status::Covered => "C",
        Status::Partial => "P",
        Status::Uncertain => "U",
        Status::Weaker => "W",
        Status::Missing => "\u{b7}",
        Status::NotApplicable => "\u{2013}",
    }
}

/// The matrix as a self-contained HTML page.
pub fn report(
    profile: &str,
    requirements: &[String],
    columns: &[Column],
    date: Option<&str>,
) -> String {
    let mut body = String::new();
    body.push_str("<header>\n<p class=\"report-kind\">Coverage matrix</p>\n");
    let _ = writeln!(
        body,
        "<h1>{} agreements \u{d7} {} requirements</h1>\n<p class=\"files\">profile <code>{}</code>{}</p>\n</header>",
        columns.len(),
        requirements.len(),
        escape(profile),
        date.map(|d| format!(" \u{b7} {}", escape(d)))
            .unwrap_or_default()
    );
    body.push_str("<p class=\"legend\">");
    for status in Status::ALL {
        let _ = write!(
            body,
            "<span class=\"status status-{}\">{} {}</span> ",
            token(status.as_str()),
            letter(status),
            status.as_str()
        );
    }
    body.push_str("</p>\n<h2>Agreements</h2>\n<ol class=\"agreements\">\n");
    for column in columns {
        let _ = writeln!(
            body,
            "<li>{} <code>{}</code> \u{2014} score {:.1}</li>",
            escape(column.subject.title.unwrap_or(column.subject.path)),
            escape(column.subject.path),
            column.coverage.summary.score
        );
    }
    body.push_str("</ol>\n<table class=\"heat\">\n<thead><tr><th>Requirement</th>");
    for (i, column) in columns.iter().enumerate() {
        let _ = write!(
            body,
            "<th class=\"agreement\" title=\"{}\">{}</th>",
            escape(column.subject.path),
            i + 1
        );
    }
    body.push_str("</tr></thead>\n<tbody>\n");
    for requirement in requirements {
        let _ = write!(body, "<tr><th><code>{}</code></th>", escape(requirement));
        for column in columns {
            match column.coverage.result(requirement) {
                Some(result) => {
                    let _ = write!(
                        body,
                        "<td class=\"cell status-{0}\" title=\"{1}: {0}\">{2}</td>",
                        token(result.status.as_str()),
                        escape(requirement),
                        letter(result.status)
                    );
                }
                None => body.push_str("<td class=\"cell\">?</td>"),
            }
        }
        body.push_str("</tr>\n");
    }
    body.push_str("<tr class=\"score\"><th>score</th>");
    for column in columns {
        let _ = write!(
            body,
            "<td class=\"cell\">{:.0}</td>",
            column.coverage.summary.score
        );
    }
    body.push_str("</tr>\n</tbody>\n</table>\n");
    document(
        &Head {
            title: "Coverage matrix",
            lang: "en",
            date,
        },
        &body,
    )
}
