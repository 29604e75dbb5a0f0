//! `pakta check`: an agreement against the standards catalogue, or two drafts' coverage side by side.

use std::process::ExitCode;

use clap::ValueEnum;
use pakta_core::Agreement;
use pakta_report::coverage::Subject;
use pakta_standards::{Checker, Coverage};

use crate::shared::terminal::{exit_without_freeing, stdout_style, style_for, terminal_width};
use crate::shared::usage::{language_version, parse_score, profile};
use crate::shared::{CatalogueArgs, Input, OutputArgs, ReadArgs, ReportArgs, findings};

/// Check an agreement against the standards catalogue: for each requirement of a profile, whether the
/// agreement covers it, covers part of it, dilutes it (weaker) or misses it, with evidence.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The agreement (Markdown, .docx, PDF, plain text or ToTA XML); `-` reads standard input.
    pub file: String,
    /// The catalogue profile: all, bla-core, domestic-work, fishing, recruitment, icrmw (see
    /// `pakta standards list`).
    #[arg(long, default_value = "all")]
    pub profile: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Exit 1 when the overall score (0-100) is below this.
    #[arg(long, value_name = "SCORE", value_parser = parse_score)]
    pub fail_under: Option<f64>,
    /// Add a word diff of each matched article against the requirement's model clause.
    #[arg(long)]
    pub show_diff: bool,
    /// Compare coverage with a newer draft: which requirements improved, regressed or moved.
    #[arg(long, value_name = "NEW")]
    pub against: Option<String>,
    /// Which language version of a multilingual text to check (default: English or Indonesian, the
    /// one with more articles).
    #[arg(long)]
    pub lang: Option<String>,
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
    Json,
    Md,
    /// A self-contained web page (inline CSS; prints on A4).
    Html,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // The agreement is read and parsed while the catalogue loads, the lexicon's word lists compile and
    // the catalogue's patterns are indexed: neither side needs the other, and on a long treaty each takes
    // about a tenth of a check. Errors keep their order: the catalogue's first.
    let document = std::thread::spawn({
        let (file, read) = (args.file.clone(), args.read.clone());
        move || -> anyhow::Result<(Input, pakta_core::Agreement)> {
            let input = Input::read(&file, &read)?;
            let agreement = pakta_core::parse(&input.text);
            Ok((input, agreement))
        }
    });
    let catalogue = args.catalogue.catalogue()?;
    pakta_norms::lexicon::prepare();
    let checker = Checker::new(&catalogue);
    let (input, agreement) = document
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
    // The web page always shows the model wording beside the agreement's.
    let models = if args.show_diff || args.format == Format::Html {
        Some(args.catalogue.models(&catalogue)?)
    } else {
        None
    };
    let profile = profile(&catalogue, &args.profile)?;
    let language = language_version(&agreement, &args.file, args.lang.as_deref())?;

    let coverage = checker.check(&agreement, profile, language.as_ref());
    let output = args.output.output();
    // Every requirement of an agreement with no article found is missing: say why where the report does
    // not (the text report lists the agreement's diagnostics at its end).
    if args.format != Format::Text {
        let no_articles: Vec<_> = agreement
            .diagnostics
            .iter()
            .filter(|d| d.code == "no-articles")
            .cloned()
            .collect();
        if !no_articles.is_empty() {
            eprint!("{}", input.diagnostics(&no_articles));
        }
    }

    if let Some(new_file) = &args.against {
        let new_input = Input::read(new_file, &args.read)?;
        let new_agreement = pakta_core::parse(&new_input.text);
        language_version(&new_agreement, new_file, args.lang.as_deref())?;
        let new_coverage = checker.check(&new_agreement, profile, language.as_ref());
        let changes = pakta_standards::compare(&coverage, &new_coverage);
        let old = subject(&input, &agreement);
        let new = subject(&new_input, &new_agreement);
        let rendered = match args.format {
            Format::Json => {
                pakta_report::coverage::against_json(&old, &new, &coverage, &new_coverage, &changes)
            }
            Format::Html => pakta_html::check::against(
                &old,
                &new,
                &coverage,
                &new_coverage,
                &changes,
                &catalogue,
                args.report.date.as_deref(),
            ),
            Format::Text | Format::Md => pakta_report::coverage::against_text(
                &old,
                &new,
                &coverage,
                &new_coverage,
                &changes,
                if args.format == Format::Text {
                    stdout_style()
                } else {
                    pakta_report::Style::PLAIN
                },
            ),
        };
        output.write(&rendered, &[&input, &new_input])?;
        return Ok(findings(!passes(&new_coverage, args.fail_under)));
    }

    let comparisons = match &models {
        Some(models) => Some(pakta_standards::model_comparisons(
            &agreement, &coverage, &catalogue, models,
        )?),
        None => None,
    };
    let subject = subject(&input, &agreement);
    let rendered = match args.format {
        Format::Json => {
            pakta_report::coverage::json(&subject, &coverage, &catalogue, comparisons.as_deref())
        }
        Format::Md => pakta_report::coverage::markdown(
            &subject,
            &coverage,
            &catalogue,
            comparisons.as_deref(),
        ),
        Format::Html => pakta_html::check::report(
            &subject,
            &coverage,
            &catalogue,
            comparisons.as_deref(),
            args.report.date.as_deref(),
        ),
        Format::Text => {
            let mut text = pakta_report::coverage::text(
                &subject,
                &coverage,
                comparisons.as_deref(),
                style_for(&output),
                terminal_width(),
            );
            text.push_str(&input.diagnostics(&agreement.diagnostics));
            text
        }
    };
    output.write(&rendered, &[&input])?;
    let passed = passes(&coverage, args.fail_under);
    exit_without_freeing((checker, coverage, agreement, rendered));
    exit_without_freeing(catalogue);
    Ok(findings(!passed))
}

fn passes(coverage: &Coverage, fail_under: Option<f64>) -> bool {
    fail_under.is_none_or(|limit| coverage.summary.score >= limit)
}

pub fn subject<'a>(input: &'a Input, agreement: &'a Agreement) -> Subject<'a> {
    Subject {
        title: agreement.title.as_deref(),
        path: &input.name,
    }
}
