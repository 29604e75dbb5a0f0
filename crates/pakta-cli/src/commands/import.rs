//! `pakta import`: another format in, the Markdown pakta parses out — for a person to review and keep.

use std::process::ExitCode;

use anyhow::anyhow;
use clap::ValueEnum;
use pakta_import::Format as Detected;

use crate::shared::input::{Input, import, read_bytes};
use crate::shared::{OutputArgs, UsageError};

/// Import an agreement from another format as Markdown pakta parses: plain text or a PDF (page headers,
/// footers and hyphenation undone; articles found), a Word document (.docx) or ToTA treaty XML (chapters
/// and articles, with the treaty's metadata as front matter). Every other command reads these formats
/// directly; import is for keeping the Markdown.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file to import; `-` reads standard input.
    pub file: String,
    /// The input format; `auto` decides from the content.
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    pub from: Format,
    /// Of a Word document with tracked changes, take the text with every change accepted (the default).
    #[arg(long, conflicts_with = "reject_changes")]
    pub accept_changes: bool,
    /// Of a Word document with tracked changes, take the text as it was before the changes.
    #[arg(long)]
    pub reject_changes: bool,
    /// Do not print what the importer did (on standard error).
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Auto,
    /// Plain text, such as `pdftotext -layout` output: page furniture dropped, lines re-joined.
    Txt,
    /// A PDF, through poppler's `pdftotext -layout` (which must be installed), then as plain text.
    Pdf,
    /// A Word document (.docx).
    Docx,
    /// Texts of Trade Agreements (ToTA) treaty XML.
    Tota,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (name, path, bytes) = read_bytes(&args.file)?;
    let format = match args.from {
        Format::Auto => pakta_import::detect(&name, &bytes)
            .map_err(|e| anyhow!(UsageError::new(format!("{name}: {e}"), e.help())))?,
        Format::Txt => Detected::Text,
        Format::Pdf => Detected::Pdf,
        Format::Docx => Detected::Docx,
        Format::Tota => Detected::Tota,
    };
    if format == Detected::Markdown {
        return Err(anyhow!(UsageError::new(
            format!("{name}: Markdown needs no import"),
            "pakta reads Markdown agreements directly; to read it as plain text anyway, use --from txt",
        )));
    }
    // The Markdown a person keeps notes which file it came from.
    let source = path
        .as_deref()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or(&name)
        .to_string();
    let imported = import(
        &name,
        path.as_deref(),
        bytes,
        format,
        args.reject_changes,
        &source,
    )?;
    if let Some(summary) = &imported.summary
        && !args.quiet
    {
        eprintln!("{name}: {summary}");
    }
    let input = Input {
        name,
        path,
        text: String::new(),
        format,
        source_map: None,
    };
    args.output.output().write(&imported.markdown, &[&input])?;
    Ok(ExitCode::SUCCESS)
}
