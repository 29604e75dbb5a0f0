//! `pakta man`: manual pages (roff), generated from the same clap definitions the binary parses.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::shared::Output;

/// Print pakta's manual page (roff; `pakta man | man -l -`), or with `--dir` write `pakta.1` and one
/// `pakta-<command>.1` per command into a folder (e.g. `~/.local/share/man/man1`).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write every page into this folder (created when missing) instead of printing `pakta.1`.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Replace pages that exist.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let command = crate::Cli::command();
    let Some(dir) = args.dir else {
        Output::stdout().write(&page(command)?, &[])?;
        return Ok(ExitCode::SUCCESS);
    };
    let mut pages = vec![("pakta.1".to_string(), page(command.clone())?)];
    for sub in command.get_subcommands() {
        let name = format!("pakta-{}", sub.get_name());
        let sub = sub.clone().name(name.clone());
        pages.push((format!("{name}.1"), page(sub)?));
    }
    for (file, roff) in &pages {
        Output::new(Some(dir.join(file)), args.force).write(roff, &[])?;
    }
    eprintln!("wrote {} manual pages into {}", pages.len(), dir.display());
    Ok(ExitCode::SUCCESS)
}

fn page(command: clap::Command) -> anyhow::Result<String> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(command).render(&mut roff)?;
    Ok(String::from_utf8(roff)?)
}
