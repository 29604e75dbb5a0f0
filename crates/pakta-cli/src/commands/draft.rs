//! `pakta draft`: a whole agreement from a term sheet, one file per language.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::ValueEnum;

use crate::shared::{CatalogueArgs, Input, Output};

/// Draft a whole agreement from a term sheet (TOML): one file per language, each article the model
/// clause of a requirement of the term sheet's profile, citing the standards it implements.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The term sheet (see agreements/termsheets/README.md).
    pub termsheet: String,
    /// The folder to write `<term sheet name>.<lang>.md` into (created when missing).
    #[arg(short, long, value_name = "DIR", default_value = ".")]
    pub output: PathBuf,
    /// Which languages: `en`, `id`, or `all` (those the term sheet names).
    #[arg(long, value_enum, default_value_t = DraftLang::All)]
    pub lang: DraftLang,
    /// Replace files that exist.
    #[arg(long)]
    pub force: bool,
    /// `md` (Markdown, pakta's own format), `docx` (a clean Word document), or `html` (one web page with
    /// the languages side by side, each article under the requirement it implements).
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    #[command(flatten)]
    pub catalogue: CatalogueArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DraftLang {
    En,
    Id,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Docx,
    Html,
}

/// One file per language in the folder, written atomically, never over an existing file without `--force`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let input = Input::read_text(&args.termsheet)?;
    let sheet = pakta_draft::TermSheet::parse(&input.name, &input.text)?;
    let languages: Vec<String> = match args.lang {
        DraftLang::All => sheet.agreement.languages.clone(),
        DraftLang::En => vec!["en".to_string()],
        DraftLang::Id => vec!["id".to_string()],
    };
    let dir = &args.output;
    if dir.exists() && !dir.is_dir() {
        anyhow::bail!(
            "{}: not a folder (-o names the folder the drafts go into)",
            dir.display()
        );
    }
    let catalogue = args.catalogue.catalogue()?;
    let models = args.catalogue.models(&catalogue)?;
    let drafts = pakta_draft::draft(&sheet, &input.name, &catalogue, &models, &languages)?;
    let stem = input
        .path
        .as_deref()
        .and_then(|p| p.file_stem())
        .and_then(|s| s.to_str())
        .unwrap_or("draft")
        .to_string();
    if args.format == Format::Html {
        // One page for all the languages: the page the workbench's Draft page shows.
        let drafted = pakta_draft::SideBySide::of(&drafts);
        let page = pakta_html::draft::report(&input.name, &drafted, &catalogue);
        let path = dir.join(format!("{stem}.html"));
        Output::new(Some(path.clone()), args.force).write(&page, &[&input])?;
        eprintln!(
            "wrote {} ({} articles)",
            path.display(),
            drafted.articles.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    for d in &drafts {
        let extension = match args.format {
            Format::Md => "md",
            Format::Docx | Format::Html => "docx",
        };
        let path = dir.join(format!("{stem}.{}.{extension}", d.language));
        let output = Output::new(Some(path.clone()), args.force);
        match args.format {
            Format::Md => output.write(&d.markdown, &[&input])?,
            Format::Docx | Format::Html => {
                let agreement = pakta_core::parse(&d.markdown);
                let docx = pakta_docx::clean(&agreement, None).with_context(|| {
                    format!("{}: cannot build the Word document", path.display())
                })?;
                output.write_binary("a .docx", &docx, &[&input])?;
            }
        }
        eprintln!("wrote {} ({} articles)", path.display(), d.articles.len());
    }
    Ok(ExitCode::SUCCESS)
}
