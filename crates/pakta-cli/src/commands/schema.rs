//! `pakta schema`: the JSON Schema of a command's `--format json` output.

use std::process::ExitCode;

use clap::ValueEnum;

use crate::shared::Output;

/// Print the JSON Schema of a command's `--format json` output.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_enum)]
    pub output: Name,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Name {
    Outline,
    Check,
    Diff,
    Parallel,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let schema = match args.output {
        Name::Outline => pakta_report::schema::OUTLINE,
        Name::Check => pakta_report::schema::CHECK,
        Name::Diff => pakta_report::schema::DIFF,
        Name::Parallel => pakta_report::schema::PARALLEL,
    };
    Output::stdout().write(schema, &[])?;
    Ok(ExitCode::SUCCESS)
}
