//! `pakta diff`: the redline of two drafts, articles matched by identity, with the negotiator's flags.

use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::ValueEnum;
use pakta_core::Agreement;

use super::check::subject;
use crate::shared::terminal::{exit_without_freeing, style_for};
use crate::shared::usage::is_date;
use crate::shared::{Input, OutputArgs, ReadArgs, ReportArgs, findings};

/// Redline two drafts: articles matched by identity (renumbered and moved articles recognised), word
/// diffs inside them, and the negotiator's flags (shall → may, changed amounts, a cost moved to the
/// worker). Exits 0 when the drafts are the same, 1 when they differ, 2 on trouble.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The earlier draft (Markdown, .docx, PDF, plain text or ToTA XML).
    pub old: String,
    /// The later draft (any of the same formats).
    pub new: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Differences in letter case alone do not count.
    #[arg(long)]
    pub ignore_case: bool,
    /// Differences in spacing alone do not count.
    #[arg(long)]
    pub ignore_whitespace: bool,
    /// Differences in punctuation alone do not count.
    #[arg(long)]
    pub ignore_punctuation: bool,
    /// Paragraph labels, and cross-references that only follow their target's new number, do not count.
    #[arg(long)]
    pub ignore_numbering: bool,
    /// Unchanged paragraphs shown around each change (text format).
    #[arg(long, default_value_t = 1)]
    pub context: usize,
    /// The author of the tracked changes in a .docx.
    #[arg(long, default_value = "pakta")]
    pub author: String,
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
    /// Markdown with CriticMarkup.
    Md,
    Json,
    /// A self-contained web page (inline CSS; prints on A4).
    Html,
    /// A Word document of NEW with the differences from OLD as tracked changes (needs -o FILE.docx).
    Docx,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.old == "-" && args.new == "-" {
        bail!("-: only one of OLD and NEW can be standard input");
    }
    let options = pakta_redline::Options {
        ignore_case: args.ignore_case,
        ignore_whitespace: args.ignore_whitespace,
        ignore_punctuation: args.ignore_punctuation,
        ignore_numbering: args.ignore_numbering,
    };
    let date = args.report.date.as_deref();
    let old_input = Input::read(&args.old, &args.read)?;
    let new_input = Input::read(&args.new, &args.read)?;
    let (old, new) = parse_both(&old_input.text, &new_input.text);
    let redline = pakta_redline::redline(&old, &new, &options);
    let (old_subject, new_subject) = (subject(&old_input, &old), subject(&new_input, &new));
    let output = args.output.output();
    let rendered = match args.format {
        Format::Text => pakta_report::redline::text(
            &old_subject,
            &new_subject,
            &redline,
            style_for(&output),
            args.context,
        ),
        Format::Md => pakta_report::redline::markdown(&old_subject, &new_subject, &redline),
        Format::Json => pakta_report::redline::json(&old_subject, &new_subject, &redline),
        Format::Html => pakta_html::diff::report(
            &old_subject,
            &new_subject,
            &redline,
            &pakta_html::diff::Options { date },
        ),
        Format::Docx => {
            let tracked = pakta_redline::document::tracked(&old, &new, &redline);
            let date = date.map(str::to_string).or_else(|| signing_date(&new));
            let docx = pakta_docx::tracked(
                &tracked,
                &redline,
                &pakta_docx::Revision {
                    author: &args.author,
                    date: date.as_deref(),
                },
            )
            .with_context(|| format!("{}: cannot build the Word document", new_input.name))?;
            output.write_binary("a .docx", &docx, &[&old_input, &new_input])?;
            return Ok(findings(redline.has_differences()));
        }
    };
    output.write(&rendered, &[&old_input, &new_input])?;
    let differ = redline.has_differences();
    exit_without_freeing((old, new, redline, rendered));
    Ok(findings(differ))
}

/// Parses two drafts side by side: they are independent until they are aligned, and parsing is a fifth
/// of a redline's work.
pub fn parse_both(old: &str, new: &str) -> (Agreement, Agreement) {
    std::thread::scope(|scope| {
        let old = scope.spawn(|| pakta_core::parse(old));
        let new = pakta_core::parse(new);
        match old.join() {
            Ok(old) => (old, new),
            // The parser does not panic on any input (it is fuzzed); if it ever did, the panic stands.
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// The date a tracked change is stamped with when `--date` is not given: NEW's signing date from its
/// front matter, when that is an ISO date. Otherwise none, which Word accepts and keeps output reproducible.
fn signing_date(agreement: &Agreement) -> Option<String> {
    let date = agreement.meta.signed.as_ref()?.date.as_deref()?;
    is_date(date).then(|| date.to_string())
}
