//! The requirements × agreements grid of `pakta matrix`: text, CSV, JSON and Markdown.

use std::fmt::Write as _;

use pakta_standards::{Coverage, Status};
use serde::Serialize;

use crate::coverage::{Subject, to_json};
use crate::style::{Style, escape_markdown, truncate};

/// One column of the grid: an agreement and its coverage.
#[derive(Debug)]
pub struct Column<'a> {
    pub subject: Subject<'a>,
    pub coverage: &'a Coverage,
}

fn short(status: Option<Status>) -> &'static str {
    match status {
        Some(Status::Covered) => "C",
        Some(Status::Partial) => "P",
        Some(Status::Uncertain) => "U",
        Some(Status::Weaker) => "W",
        Some(Status::Missing) => ".",
        Some(Status::NotApplicable) => "-",
        None => "?",
    }
}

fn status_of(column: &Column, requirement: &str) -> Option<Status> {
    column.coverage.result(requirement).map(|r| r.status)
}

/// A compact grid: one row per requirement, one column per agreement (numbered; the legend names them).
pub fn text(requirements: &[String], columns: &[Column], style: Style) -> String {
    let mut out = String::new();
    out.push_str(
        "C covered · P partial · U uncertain · W weaker · . missing · - not applicable\n\n",
    );
    for (i, column) in columns.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:>3}  {:>5.1}  {}",
            i + 1,
            column.coverage.summary.score,
            truncate(column.subject.path, 90)
        );
    }
    out.push('\n');
    let id_width = requirements
        .iter()
        .map(String::len)
        .max()
        .unwrap_or(11)
        .max(11);
    let _ = write!(out, "{:<id_width$} ", "REQUIREMENT");
    for i in 0..columns.len() {
        let _ = write!(out, "{:>3}", i + 1);
    }
    out.push('\n');
    for requirement in requirements {
        let _ = write!(out, "{requirement:<id_width$} ");
        for column in columns {
            let status = status_of(column, requirement);
            let cell = format!("{:>3}", short(status));
            let sgr = match status {
                Some(Status::Covered) => "32",
                Some(Status::Partial) => "33",
                Some(Status::Weaker) => "1;31",
                Some(Status::Missing) => "31",
                _ => "2",
            };
            out.push_str(&style.paint(sgr, &cell));
        }
        out.push('\n');
    }
    out
}

fn csv_field(field: &str) -> String {
    // A leading =, +, - or @ would be read as a formula by spreadsheet programs; quote it as text.
    let guarded = if field.starts_with(['=', '+', '-', '@']) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// CSV: a header row of agreement paths, one row per requirement, then a score row.
pub fn csv(requirements: &[String], columns: &[Column]) -> String {
    let mut out = String::from("requirement");
    for column in columns {
        out.push(',');
        out.push_str(&csv_field(column.subject.path));
    }
    out.push('\n');
    for requirement in requirements {
        out.push_str(&csv_field(requirement));
        for column in columns {
            out.push(',');
            out.push_str(status_of(column, requirement).map_or("", Status::as_str));
        }
        out.push('\n');
    }
    out.push_str("score");
    for column in columns {
        let _ = write!(out, ",{:.1}", column.coverage.summary.score);
    }
    out.push('\n');
    out
}

#[derive(Serialize)]
struct MatrixJson<'a> {
    profile: &'a str,
    agreements: Vec<AgreementJson<'a>>,
    rows: Vec<RowJson<'a>>,
}

#[derive(Serialize)]
struct AgreementJson<'a> {
    path: &'a str,
    title: Option<&'a str>,
    language: &'a str,
    score: f64,
}

#[derive(Serialize)]
struct RowJson<'a> {
    requirement: &'a str,
    statuses: Vec<&'static str>,
}

/// JSON: the agreements, then one row of statuses per requirement (same order as `agreements`).
pub fn json(profile: &str, requirements: &[String], columns: &[Column]) -> String {
    to_json(&MatrixJson {
        profile,
        agreements: columns
            .iter()
            .map(|c| AgreementJson {
                path: c.subject.path,
                title: c.subject.title,
                language: c.coverage.language.code(),
                score: c.coverage.summary.score,
            })
            .collect(),
        rows: requirements
            .iter()
            .map(|r| RowJson {
                requirement: r,
                statuses: columns
                    .iter()
                    .map(|c| status_of(c, r).map_or("unknown", Status::as_str))
                    .collect(),
            })
            .collect(),
    })
}

/// Markdown: a table with numbered columns and a legend of the agreements.
pub fn markdown(requirements: &[String], columns: &[Column]) -> String {
    let mut out = String::from("| Requirement |");
    for i in 0..columns.len() {
        let _ = write!(out, " {} |", i + 1);
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(columns.len()));
    out.push('\n');
    for requirement in requirements {
        let _ = write!(out, "| {requirement} |");
        for column in columns {
            let _ = write!(
                out,
                " {} |",
                status_of(column, requirement).map_or("", Status::as_str)
            );
        }
        out.push('\n');
    }
    out.push('\n');
    for (i, column) in columns.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {} — score {:.1}",
            i + 1,
            escape_markdown(column.subject.title.unwrap_or(column.subject.path)),
            column.coverage.summary.score
        );
    }
    out
}
