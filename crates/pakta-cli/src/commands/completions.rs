//! `pakta completions`: shell completion scripts, generated from the same clap definitions the binary parses.

use std::process::ExitCode;

use clap::CommandFactory;

use crate::shared::Output;

/// Print a completion script for a shell. Bash: `pakta completions bash > ~/.local/share/bash-completion/completions/pakta`;
/// zsh: into a folder of `$fpath` as `_pakta`; fish: `~/.config/fish/completions/pakta.fish`;
/// PowerShell: add the output to `$PROFILE`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut command = crate::Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "pakta", &mut script);
    let script = String::from_utf8(script)?;
    Output::stdout().write(&script, &[])?;
    Ok(ExitCode::SUCCESS)
}
