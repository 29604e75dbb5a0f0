//! `pakta export`: the parsed agreement for other tools, as Akoma Ntoso 3.0 XML.

use std::process::ExitCode;

use clap::ValueEnum;

use crate::shared::{Input, OutputArgs, ReadArgs};

/// Export the parsed agreement for other tools: Akoma Ntoso 3.0 XML with pakta's ids as eIds.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The agreement (Markdown, .docx, PDF, plain text or ToTA XML); `-` reads standard input.
    pub file: String,
    #[arg(long, value_enum, default_value_t = Format::Akn)]
    pub format: Format,
    /// The work's name in FRBR URIs (default: from the title).
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Akoma Ntoso 3.0 XML.
    Akn,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let input = Input::read(&args.file, &args.read)?;
    let agreement = pakta_core::parse(&input.text);
    let xml = match args.format {
        Format::Akn => pakta_akn::export(
            &agreement,
            &pakta_akn::Options {
                name: args.name.as_deref(),
            },
        ),
    };
    args.output.output().write(&xml, &[&input])?;
    Ok(ExitCode::SUCCESS)
}
