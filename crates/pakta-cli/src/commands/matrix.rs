//! `pakta matrix`: many agreements checked at once, as a requirements × agreements grid.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::ValueEnum;
use pakta_core::Agreement;
use pakta_standards::{Checker, Coverage};
use rayon::prelude::*;

use super::check::subject;
use crate::shared::terminal::style_for;
use crate::shared::usage::profile;
use crate::shared::{CatalogueArgs, Input, OutputArgs, ReadArgs, ReportArgs};

/// Check many agreements at once and print a requirements × agreements grid. Folders are read for the
/// agreements in them: `*.md`, `*.docx`, `*.pdf`, `*.txt` and ToTA `*.xml`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Agreements (any format pakta reads) or folders of them.
    #[arg(required = true)]
    pub files: Vec<String>,
    #[arg(long, default_value = "all")]
    pub profile: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub jobs: Option<u64>,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub catalogue: CatalogueArgs,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Csv,
    Json,
    Md,
    /// A heat-map table in a self-contained web page.
    Html,
}

/// The extensions a folder is read for.
const AGREEMENT_EXTENSIONS: &[&str] = &["md", "markdown", "docx", "pdf", "txt", "xml"];

/// Expands folders into the agreements in them (sorted), keeping files as given.
fn expand(files: &[String]) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    for file in files {
        let path = PathBuf::from(file);
        if !path.is_dir() {
            out.push(file.clone());
            continue;
        }
        let mut found: Vec<String> = std::fs::read_dir(&path)
            .with_context(|| format!("{file}: cannot list the folder"))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| is_agreement(p))
            .map(|p| p.display().to_string())
            .collect();
        found.sort();
        if found.is_empty() {
            bail!(
                "{file}: the folder has no agreements (*.md, *.docx, *.pdf, *.txt or ToTA *.xml)"
            );
        }
        out.extend(found);
    }
    Ok(out)
}

/// Whether a file in a folder is an agreement to read: a known extension, not hidden, not a Word lock
/// file (`~$draft.docx`), and for `.xml` a ToTA treaty — a folder of reports may hold other XML.
fn is_agreement(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let known = extension
        .as_deref()
        .is_some_and(|e| AGREEMENT_EXTENSIONS.contains(&e));
    if !known || name.starts_with('.') || name.starts_with("~$") || !path.is_file() {
        return false;
    }
    if extension.as_deref() == Some("xml") {
        let head = std::fs::read(path).unwrap_or_default();
        return pakta_import::detect(name, &head) == Ok(pakta_import::Format::Tota);
    }
    true
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let catalogue = args.catalogue.catalogue()?;
    let profile = profile(&catalogue, &args.profile)?;
    let checker = Checker::new(&catalogue);
    let files = expand(&args.files)?;
    if files.iter().any(|f| f == "-") {
        bail!("-: matrix reads files, not standard input");
    }

    let progress = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(files.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    progress.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let work = || -> Vec<anyhow::Result<(Input, Agreement, Coverage)>> {
        files
            .par_iter()
            .map(|file| {
                let input = Input::read(file, &args.read)?;
                let agreement = pakta_core::parse(&input.text);
                let coverage = checker.check(&agreement, profile, None);
                progress.inc(1);
                Ok((input, agreement, coverage))
            })
            .collect()
    };
    let results = match args.jobs {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(usize::try_from(n).unwrap_or(1))
            .build()
            .context("cannot start worker threads")?
            .install(work),
        None => work(),
    };
    progress.finish_and_clear();
    let checked: Vec<(Input, Agreement, Coverage)> =
        results.into_iter().collect::<anyhow::Result<_>>()?;

    let columns: Vec<pakta_report::matrix::Column> = checked
        .iter()
        .map(
            |(input, agreement, coverage)| pakta_report::matrix::Column {
                subject: subject(input, agreement),
                coverage,
            },
        )
        .collect();
    let requirements = &profile.requirements;
    let output = args.output.output();
    let rendered = match args.format {
        Format::Text => pakta_report::matrix::text(requirements, &columns, style_for(&output)),
        Format::Csv => pakta_report::matrix::csv(requirements, &columns),
        Format::Json => pakta_report::matrix::json(&profile.name, requirements, &columns),
        Format::Md => pakta_report::matrix::markdown(requirements, &columns),
        Format::Html => pakta_html::matrix::report(
            &profile.name,
            requirements,
            &columns,
            args.report.date.as_deref(),
        ),
    };
    let inputs: Vec<&Input> = checked.iter().map(|(input, _, _)| input).collect();
    output.write(&rendered, &inputs)?;
    Ok(ExitCode::SUCCESS)
}
