//! `pakta serve`: the local web workbench (crate `pakta-serve`), started from the command line.

use std::io::Write as _;
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use crate::shared::input::pdf_text;

/// Open a local web workbench in the browser: compare two drafts (the redline, with Word, Markdown, JSON
/// and HTML downloads), check an agreement against the standards (or against an earlier draft), draft an
/// agreement from a term-sheet form, compare two language versions, and, with --watch, follow two files
/// through a meeting. Offline; reachable only from this computer and only with the key in the printed
/// address. Stop it with Ctrl-C.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Open the workbench in the default browser (or with the program named by PAKTA_OPEN).
    #[arg(long)]
    pub open: bool,
    /// Meeting mode: show the redline of OLD → NEW and refresh it whenever either file is saved.
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"])]
    pub watch: Option<Vec<PathBuf>>,
    /// Listen on this address instead of 127.0.0.1 (this computer only). Any other address lets other
    /// machines reach the workbench, over plain HTTP: pakta warns.
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub bind: IpAddr,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let watch = args.watch.map(|files| {
        let mut files = files.into_iter();
        (
            files.next().unwrap_or_default(),
            files.next().unwrap_or_default(),
        )
    });
    let config = pakta_serve::Config {
        bind: args.bind,
        port: args.port,
        watch,
        pdf_text: Arc::new(|name: &str, bytes: &[u8]| pdf_text(name, None, bytes)),
        budget: pakta_serve::TIME_BUDGET,
    };
    if let Some(warning) = pakta_serve::exposure_warning(args.bind) {
        eprintln!("{warning}");
    }
    let server = pakta_serve::Server::bind(config)?;
    // Printed without panicking when nobody reads standard output any more: the server goes on.
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "pakta workbench: {}", server.url());
    let _ = writeln!(
        stdout,
        "Open that address in a browser on this computer; stop with Ctrl-C."
    );
    let _ = stdout.flush();
    if args.open {
        open(server.url());
    }
    server.run()?;
    Ok(ExitCode::SUCCESS)
}

/// Opens `url` in the default browser; says so when it cannot (the address is printed anyway).
/// `PAKTA_OPEN` names another program to open it with (a particular browser; the tests' recorder).
fn open(url: &str) {
    let chosen = std::env::var("PAKTA_OPEN")
        .ok()
        .filter(|p| !p.trim().is_empty());
    let command = if let Some(program) = chosen.as_deref() {
        (program, vec![url])
    } else if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let started = std::process::Command::new(command.0)
        .args(&command.1)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(e) = started {
        eprintln!(
            "could not open a browser ({}: {e}); open the address above yourself",
            command.0
        );
    }
}
