//! `pakta parallel`: two language versions of one agreement, compared for consistency.

use std::process::ExitCode;

use clap::ValueEnum;

use super::check::subject;
use super::diff::parse_both;
use crate::shared::terminal::style_for;
use crate::shared::{Input, OutputArgs, ReadArgs, ReportArgs, findings};

/// Compare two language versions of one agreement (e.g. English and Bahasa Indonesia): missing articles
/// or paragraphs, numbers and amounts in one version only, cross-references to different articles.
/// Exits 1 when it finds inconsistencies.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// One language version (Markdown, .docx, PDF, plain text or ToTA XML).
    pub a: String,
    /// The other language version.
    pub b: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    /// A self-contained web page.
    Html,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let a_input = Input::read(&args.a, &args.read)?;
    let b_input = Input::read(&args.b, &args.read)?;
    let (a, b) = parse_both(&a_input.text, &b_input.text);
    let result = pakta_redline::parallel::parallel(&a, &b);
    let (sa, sb) = (subject(&a_input, &a), subject(&b_input, &b));
    let output = args.output.output();
    let rendered = match args.format {
        Format::Text => pakta_report::redline::parallel_text(&sa, &sb, &result, style_for(&output)),
        Format::Json => pakta_report::redline::parallel_json(&sa, &sb, &result),
        Format::Html => {
            pakta_html::parallel::report(&sa, &sb, &result, args.report.date.as_deref())
        }
    };
    output.write(&rendered, &[&a_input, &b_input])?;
    Ok(findings(!result.inconsistencies.is_empty()))
}
