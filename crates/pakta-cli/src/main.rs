//! The `pakta` binary: parses arguments, reads and writes files, and hands everything else to the library
//! crates. Exit codes: 0 success, 1 findings (`lint` problems), 2 trouble (bad input, I/O).

mod io;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use io::{Input, Output};

#[derive(Debug, Parser)]
#[command(
    name = "pakta",
    version,
    about = "Parse, check, redline and draft bilateral labour migration agreements."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show an agreement's structure: divisions, articles, paragraphs and points with their ids.
    Outline {
        /// The agreement (Markdown); `-` reads standard input.
        file: String,
        #[arg(long, value_enum, default_value_t = OutlineFormat::Text)]
        format: OutlineFormat,
        /// Only the articles of this language version (e.g. `en` for the English part of a bilingual treaty).
        #[arg(long)]
        lang: Option<String>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Report structural problems: duplicate or skipped article numbers, empty articles, broken
    /// cross-references. Exits 1 when it finds any.
    Lint {
        /// The agreement (Markdown); `-` reads standard input.
        file: String,
        #[arg(long, value_enum, default_value_t = LintFormat::Text)]
        format: LintFormat,
    },
}

#[derive(Debug, Clone, clap::Args)]
struct OutputArgs {
    /// Write to this file instead of standard output (atomically).
    #[arg(short, long)]
    output: Option<std::path::PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OutlineFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LintFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            report(&err);
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Outline {
            file,
            format,
            lang,
            output,
        } => {
            let input = Input::read(&file)?;
            let agreement = pakta_core::parse(&input.text);
            let language = lang.as_deref().map(pakta_core::Language::from_code);
            let articles = pakta_report::outline::select(&agreement, language.as_ref());
            let rendered = match format {
                OutlineFormat::Json => pakta_report::outline::json(&agreement, &articles),
                OutlineFormat::Text => {
                    let mut text =
                        pakta_report::outline::text(&agreement, &articles, terminal_width());
                    text.push_str(&pakta_report::diagnostics::lines(
                        &input.name,
                        &agreement.diagnostics,
                    ));
                    text
                }
            };
            Output::new(output.output, output.force).write(&rendered, &[&input])?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Lint { file, format } => {
            let input = Input::read(&file)?;
            let agreement = pakta_core::parse(&input.text);
            let problems = pakta_core::lint::lint(&agreement, &input.text);
            let rendered = match format {
                LintFormat::Json => pakta_report::diagnostics::json(&problems),
                LintFormat::Text => {
                    let mut text = pakta_report::diagnostics::lines(&input.name, &problems);
                    if problems.is_empty() {
                        text.push_str(&format!(
                            "{}: no problems found ({} articles)\n",
                            input.name,
                            agreement.articles.len()
                        ));
                    }
                    text
                }
            };
            Output::stdout().write(&rendered, &[])?;
            Ok(if problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}

/// Prints an error as one `error:` line (the message already names the file, and line:column where one
/// applies), followed by the help text of a diagnostic when it has one.
fn report(err: &anyhow::Error) {
    let colour = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let prefix = if colour {
        "\x1b[1;31merror\x1b[0m"
    } else {
        "error"
    };
    eprintln!("{prefix}: {err:#}");
    if let Some(diagnostic) = err.downcast_ref::<pakta_core::SourceError>()
        && let Some(help) = miette::Diagnostic::help(diagnostic)
    {
        eprintln!("  help: {help}");
    }
}
