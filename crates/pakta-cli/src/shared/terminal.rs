//! The terminal: whether to colour, how wide to wrap, and how errors are printed.

use std::io::IsTerminal;

/// Whether to colour what goes to standard output: only a terminal, and never under `NO_COLOR`.
pub fn stdout_style() -> pakta_report::Style {
    pakta_report::Style {
        colour: std::io::stdout().is_terminal() && !no_colour(),
    }
}

/// The style of a report: coloured for a terminal, plain for a file.
pub fn style_for(output: &super::output::Output) -> pakta_report::Style {
    if output.path().is_none() {
        stdout_style()
    } else {
        pakta_report::Style::PLAIN
    }
}

fn no_colour() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}

/// Prints an error as one `error:` line (the message already names the file, and line:column where one
/// applies), followed by the help text of a diagnostic when it has one.
pub fn report(err: &anyhow::Error) {
    let colour = std::io::stderr().is_terminal() && !no_colour();
    let prefix = if colour {
        "\x1b[1;31merror\x1b[0m"
    } else {
        "error"
    };
    // A term sheet's problems come all at once, one `error:` line each.
    match err.downcast_ref::<pakta_draft::TermSheetErrors>() {
        Some(problems) => {
            for problem in &problems.errors {
                eprintln!("{prefix}: {problem}");
            }
        }
        None => eprintln!("{prefix}: {err:#}"),
    }
    if let Some(diagnostic) = err.downcast_ref::<pakta_core::SourceError>()
        && let Some(help) = miette::Diagnostic::help(diagnostic)
    {
        eprintln!("  help: {help}");
    }
    if let Some(help) = super::usage::help_for(err) {
        eprintln!("  help: {help}");
    }
}

/// Leaves a large value for the operating system to reclaim when the process ends, which it is about to.
/// Freeing it string by string is work for nothing: 2 % of `outline`'s instructions on a 5 MB agreement,
/// 10 % of `check`'s on the bundled MoU (the catalogue and its pattern index), by callgrind.
pub fn exit_without_freeing<T>(value: T) {
    std::mem::forget(value);
}
