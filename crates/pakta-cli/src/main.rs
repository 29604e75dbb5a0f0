//! The `pakta` binary: parses the command line and hands each subcommand to its module in `commands/`.
//! Exit codes: 0 success, 1 findings (`lint` problems, `diff` differences, `check` under `--fail-under`),
//! 2 trouble (bad input, bad catalogue, I/O).

mod commands;
mod shared;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

// Reading an agreement into norms makes many small strings and vectors; mimalloc serves them with about
// half the work of the system allocator (BENCHMARKS.md, "The allocator").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "pakta",
    version,
    about = "Parse, check, redline and draft bilateral labour migration agreements.",
    long_about = "Parse, check, redline and draft bilateral labour migration agreements.\n\nEvery command that reads an agreement reads Markdown, Word (.docx), PDF (through pdftotext), plain text and ToTA treaty XML, decided by the content."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Outline(commands::outline::Args),
    Lint(commands::lint::Args),
    Check(commands::check::Args),
    Matrix(commands::matrix::Args),
    #[command(visible_alias = "redline")]
    Diff(commands::diff::Args),
    Parallel(commands::parallel::Args),
    Draft(commands::draft::Args),
    Clause(commands::clause::Args),
    Import(commands::import::Args),
    Export(commands::export::Args),
    Schema(commands::schema::Args),
    Standards(commands::standards::Args),
    Serve(commands::serve::Args),
    Completions(commands::completions::Args),
    Man(commands::man::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Outline(args) => commands::outline::run(args),
        Command::Lint(args) => commands::lint::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Matrix(args) => commands::matrix::run(args),
        Command::Diff(args) => commands::diff::run(args),
        Command::Parallel(args) => commands::parallel::run(args),
        Command::Draft(args) => commands::draft::run(args),
        Command::Clause(args) => commands::clause::run(args),
        Command::Import(args) => commands::import::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Schema(args) => commands::schema::run(args),
        Command::Standards(args) => commands::standards::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Completions(args) => commands::completions::run(args),
        Command::Man(args) => commands::man::run(args),
    };
    result.unwrap_or_else(|err| {
        shared::terminal::report(&err);
        ExitCode::from(2)
    })
}
