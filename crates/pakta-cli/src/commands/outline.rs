//! `pakta outline`: an agreement's structure — divisions, articles, paragraphs and points with their ids.

use std::process::ExitCode;

use clap::ValueEnum;

use crate::shared::terminal::{exit_without_freeing, terminal_width};
use crate::shared::usage::language_version;
use crate::shared::{Input, OutputArgs, ReadArgs};

/// Show an agreement's structure: divisions, articles, paragraphs and points with their ids.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The agreement (Markdown, .docx, PDF, plain text or ToTA XML); `-` reads standard input.
    pub file: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Only the articles of this language version (e.g. `en` for the English part of a bilingual treaty).
    #[arg(long)]
    pub lang: Option<String>,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let input = Input::read(&args.file, &args.read)?;
    let agreement = pakta_core::parse(&input.text);
    let language = language_version(&agreement, &args.file, args.lang.as_deref())?;
    let articles = pakta_report::outline::select(&agreement, language.as_ref());
    let rendered = match args.format {
        Format::Json => pakta_report::outline::json(&agreement, &articles),
        Format::Text => {
            let mut text = match &input.source_map {
                // An imported file's articles are located in the original, as its diagnostics are.
                Some(map) => pakta_report::outline::text_located(
                    &agreement,
                    &articles,
                    terminal_width(),
                    |line| match map.origin(line as usize) {
                        Some(origin) => origin.to_string(),
                        None => {
                            format!("line {line} of the Markdown made of this {}", input.format)
                        }
                    },
                ),
                None => pakta_report::outline::text(&agreement, &articles, terminal_width()),
            };
            text.push_str(&input.diagnostics(&agreement.diagnostics));
            text
        }
    };
    args.output.output().write(&rendered, &[&input])?;
    exit_without_freeing((agreement, rendered));
    Ok(ExitCode::SUCCESS)
}
