//! `pakta lint`: structural problems — duplicate or skipped numbers, empty articles, broken cross-references —
//! and amounts whose digits and words disagree.

use std::process::ExitCode;

use crate::shared::usage::findings;
use crate::shared::{Input, Output, ReadArgs};

/// Report structural problems: duplicate or skipped article numbers, empty articles, broken
/// cross-references. Exits 1 when it finds any.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The agreement (Markdown, .docx, PDF, plain text or ToTA XML); `-` reads standard input.
    pub file: String,
    #[arg(long, value_enum, default_value_t = super::TextOrJson::Text)]
    pub format: super::TextOrJson,
    #[command(flatten)]
    pub read: ReadArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let input = Input::read(&args.file, &args.read)?;
    let agreement = pakta_core::parse(&input.text);
    let mut problems = pakta_core::lint::lint(&agreement, &input.text);
    problems.extend(pakta_norms::quantity::lint::disagreements(
        &agreement,
        &input.text,
    ));
    problems.sort_by_key(|d| (d.span.start, d.code));
    let rendered = match args.format {
        super::TextOrJson::Json => pakta_report::diagnostics::json(&problems),
        super::TextOrJson::Text => {
            let mut text = input.diagnostics(&problems);
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
    Ok(findings(!problems.is_empty()))
}
