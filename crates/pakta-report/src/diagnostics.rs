//! Diagnostics as compiler-style lines (`file:line:col: warning: message [code]`) and as JSON.

use std::fmt::Write;

use pakta_core::Diagnostic;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct DiagnosticJson<'a> {
    pub severity: pakta_core::Severity,
    pub code: &'a str,
    pub message: &'a str,
    pub line: u32,
    pub column: u32,
}

impl<'a> From<&'a Diagnostic> for DiagnosticJson<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        DiagnosticJson {
            severity: d.severity,
            code: d.code,
            message: &d.message,
            line: d.span.line,
            column: d.span.column,
        }
    }
}

/// One line per diagnostic, in the `file:line:col:` form editors and CI logs link to.
pub fn lines(file: &str, diagnostics: &[Diagnostic]) -> String {
    located(diagnostics, |d| {
        format!("{file}:{}:{}", d.span.line, d.span.column)
    })
}

/// [`lines`] with each place written by `locate`: for an imported file, the page and line or the
/// paragraph of the original that the diagnostic's line came from.
pub fn located(diagnostics: &[Diagnostic], locate: impl Fn(&Diagnostic) -> String) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let _ = writeln!(
            out,
            "{}: {}: {} [{}]",
            locate(d),
            d.severity,
            d.message,
            d.code
        );
    }
    out
}

/// The diagnostics as a JSON array.
pub fn json(diagnostics: &[Diagnostic]) -> String {
    let list: Vec<DiagnosticJson<'_>> = diagnostics.iter().map(DiagnosticJson::from).collect();
    let mut out = serde_json::to_string_pretty(&list).unwrap_or_default();
    out.push('\n');
    out
}
