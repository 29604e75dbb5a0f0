//! The catalogue commands: `check`, `matrix` and `standards`. Each reads its inputs, calls the analysis,
//! and hands the result to a renderer; nothing here decides what a result means.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use pakta_core::{Agreement, Language};
use pakta_report::coverage::Subject;
use pakta_standards::{
    Catalogue, Checker, Coverage, ModelClauses, ModelComparison, Profile, Status,
};
use rayon::prelude::*;

use crate::catalogue::CatalogueArgs;
use crate::io::{Input, Output};
use crate::{
    CheckFormat, DiffFormat, DraftFormat, ImportFormat, LintFormat, MatrixFormat, OutputArgs,
    ParallelFormat, ReportArgs, stdout_style, terminal_width,
};

#[derive(Debug)]
pub struct CheckArgs {
    pub file: String,
    pub profile: String,
    pub format: CheckFormat,
    pub fail_under: Option<f64>,
    pub show_diff: bool,
    pub against: Option<String>,
    pub lang: Option<String>,
    pub catalogue: CatalogueArgs,
    pub report: ReportArgs,
    pub output: OutputArgs,
}

/// How `pakta diff` presents its result, beyond the format.
#[derive(Debug)]
pub struct DiffLook {
    /// Unchanged paragraphs around each change (text).
    pub context: usize,
    /// Author of tracked changes (docx).
    pub author: String,
    pub date: Option<String>,
}

/// The `--date` value, checked: a calendar date `YYYY-MM-DD`, optionally with a time (`THH:MM:SSZ`).
fn report_date(date: Option<&str>) -> anyhow::Result<Option<&str>> {
    let Some(date) = date else { return Ok(None) };
    let b = date.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let day_ok = b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && (1..=12).contains(&date[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&date[8..10].parse::<u32>().unwrap_or(0));
    let time_ok = b.len() == 10
        || (b.len() == 20
            && b[10] == b'T'
            && digits(11..13)
            && b[13] == b':'
            && digits(14..16)
            && b[16] == b':'
            && digits(17..19)
            && b[19] == b'Z');
    if day_ok && time_ok {
        Ok(Some(date))
    } else {
        Err(anyhow!(UsageError {
            message: format!("--date {date}: not a date"),
            help: "write it as YYYY-MM-DD (e.g. 2026-03-01) or YYYY-MM-DDTHH:MM:SSZ".to_string(),
        }))
    }
}

/// An error about the user's choice of profile, requirement or option, with the valid choices as help.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct UsageError {
    message: String,
    help: String,
}

/// The help line for errors that carry one.
pub fn help_for(err: &anyhow::Error) -> Option<String> {
    err.downcast_ref::<UsageError>().map(|e| e.help.clone())
}

fn profile<'c>(catalogue: &'c Catalogue, name: &str) -> anyhow::Result<&'c Profile> {
    catalogue.profile(name).ok_or_else(|| {
        anyhow!(UsageError {
            message: format!("unknown profile `{name}`"),
            help: format!(
                "profiles: {}",
                catalogue
                    .profiles
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })
    })
}

fn fail_under_ok(coverage: &Coverage, fail_under: Option<f64>) -> anyhow::Result<bool> {
    match fail_under {
        Some(limit) if !(0.0..=100.0).contains(&limit) => {
            bail!("--fail-under {limit}: the score is 0-100")
        }
        Some(limit) => Ok(coverage.summary.score >= limit),
        None => Ok(true),
    }
}

fn subject<'a>(input: &'a Input, agreement: &'a Agreement) -> Subject<'a> {
    Subject {
        title: agreement.title.as_deref(),
        path: &input.name,
    }
}

/// `pakta check`.
pub fn check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let date = report_date(args.report.date.as_deref())?;
    let catalogue = args.catalogue.catalogue()?;
    // The web page always shows the model wording beside the agreement's.
    let models = if args.show_diff || args.format == CheckFormat::Html {
        Some(args.catalogue.models(&catalogue)?)
    } else {
        None
    };
    let profile = profile(&catalogue, &args.profile)?;
    let checker = Checker::new(&catalogue);
    let language = args.lang.as_deref().map(Language::from_code);

    let input = Input::read(&args.file)?;
    let agreement = pakta_core::parse(&input.text);
    let coverage = checker.check(&agreement, profile, language.as_ref());
    let output = Output::new(args.output.output, args.output.force);

    if let Some(new_file) = &args.against {
        let new_input = Input::read(new_file)?;
        let new_agreement = pakta_core::parse(&new_input.text);
        let new_coverage = checker.check(&new_agreement, profile, language.as_ref());
        let changes = pakta_standards::compare(&coverage, &new_coverage);
        let old = subject(&input, &agreement);
        let new = subject(&new_input, &new_agreement);
        let rendered = match args.format {
            CheckFormat::Json => {
                pakta_report::coverage::against_json(&old, &new, &coverage, &new_coverage, &changes)
            }
            CheckFormat::Html => {
                return Err(anyhow!(UsageError {
                    message: "--against --format html: the comparison of two drafts has no web page yet"
                        .to_string(),
                    help: "use --format text, md or json with --against, or `pakta diff OLD NEW --format html`"
                        .to_string(),
                }));
            }
            CheckFormat::Text | CheckFormat::Md => pakta_report::coverage::against_text(
                &old,
                &new,
                &coverage,
                &new_coverage,
                &changes,
                if args.format == CheckFormat::Text {
                    stdout_style()
                } else {
                    pakta_report::Style::PLAIN
                },
            ),
        };
        output.write(&rendered, &[&input, &new_input])?;
        return Ok(if fail_under_ok(&new_coverage, args.fail_under)? {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }

    let comparisons = match &models {
        Some(models) => Some(comparisons(&agreement, &coverage, &catalogue, models)?),
        None => None,
    };
    let subject = subject(&input, &agreement);
    let rendered = match args.format {
        CheckFormat::Json => {
            pakta_report::coverage::json(&subject, &coverage, &catalogue, comparisons.as_deref())
        }
        CheckFormat::Md => pakta_report::coverage::markdown(
            &subject,
            &coverage,
            &catalogue,
            comparisons.as_deref(),
        ),
        CheckFormat::Html => pakta_html::check::report(
            &subject,
            &coverage,
            &catalogue,
            comparisons.as_deref(),
            date,
        ),
        CheckFormat::Text => {
            let mut text = pakta_report::coverage::text(
                &subject,
                &coverage,
                comparisons.as_deref(),
                if output.path().is_none() {
                    stdout_style()
                } else {
                    pakta_report::Style::PLAIN
                },
                terminal_width(),
            );
            text.push_str(&pakta_report::diagnostics::lines(
                &input.name,
                &agreement.diagnostics,
            ));
            text
        }
    };
    output.write(&rendered, &[&input])?;
    let passed = fail_under_ok(&coverage, args.fail_under)?;
    crate::exit_without_freeing((checker, coverage, agreement, rendered));
    crate::exit_without_freeing(catalogue);
    Ok(if passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The model-clause diff for every requirement the agreement addresses, in result order.
fn comparisons(
    agreement: &Agreement,
    coverage: &Coverage,
    catalogue: &Catalogue,
    models: &ModelClauses,
) -> anyhow::Result<Vec<Option<ModelComparison>>> {
    let language = if coverage.language == Language::Id {
        "id"
    } else {
        "en"
    };
    coverage
        .results
        .iter()
        .map(|result| {
            let (Some(article), Some(requirement)) = (
                &result.best_article,
                catalogue.requirement(&result.requirement),
            ) else {
                return Ok(None);
            };
            if result.status == Status::Missing {
                return Ok(None);
            }
            let model = models.neutral(&requirement.model_clause, language)?;
            Ok(pakta_standards::model_comparison(
                agreement, article, &model,
            ))
        })
        .collect()
}

/// Expands folders into their `*.md` files (sorted), keeping files as given.
fn expand(files: &[String]) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    for file in files {
        let path = PathBuf::from(file);
        if path.is_dir() {
            let mut found: Vec<String> = std::fs::read_dir(&path)
                .with_context(|| format!("{file}: cannot list the folder"))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().and_then(|e| e.to_str()) == Some("md"))
                .map(|p| p.display().to_string())
                .collect();
            found.sort();
            if found.is_empty() {
                bail!("{file}: the folder has no .md agreements");
            }
            out.extend(found);
        } else {
            out.push(file.clone());
        }
    }
    Ok(out)
}

/// `pakta matrix`.
pub fn matrix(
    files: &[String],
    profile_name: &str,
    format: MatrixFormat,
    jobs: Option<usize>,
    catalogue_args: &CatalogueArgs,
    report: &ReportArgs,
    output: OutputArgs,
) -> anyhow::Result<ExitCode> {
    let date = report_date(report.date.as_deref())?;
    let catalogue = catalogue_args.catalogue()?;
    let profile = profile(&catalogue, profile_name)?;
    let checker = Checker::new(&catalogue);
    let files = expand(files)?;
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
                let input = Input::read(file)?;
                let agreement = pakta_core::parse(&input.text);
                let coverage = checker.check(&agreement, profile, None);
                progress.inc(1);
                Ok((input, agreement, coverage))
            })
            .collect()
    };
    let results = match jobs {
        Some(0) => bail!("--jobs 0: at least one thread is needed"),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
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
    let rendered = match format {
        MatrixFormat::Text => pakta_report::matrix::text(
            requirements,
            &columns,
            if output.output.is_none() {
                stdout_style()
            } else {
                pakta_report::Style::PLAIN
            },
        ),
        MatrixFormat::Csv => pakta_report::matrix::csv(requirements, &columns),
        MatrixFormat::Json => pakta_report::matrix::json(&profile.name, requirements, &columns),
        MatrixFormat::Md => pakta_report::matrix::markdown(requirements, &columns),
        MatrixFormat::Html => {
            pakta_html::matrix::report(&profile.name, requirements, &columns, date)
        }
    };
    let inputs: Vec<&Input> = checked.iter().map(|(input, _, _)| input).collect();
    Output::new(output.output, output.force).write(&rendered, &inputs)?;
    Ok(ExitCode::SUCCESS)
}

/// `pakta standards list`.
pub fn standards_list(
    profile_name: Option<&str>,
    lang: &str,
    format: LintFormat,
    args: &CatalogueArgs,
) -> anyhow::Result<ExitCode> {
    let language = catalogue_language(lang)?;
    let catalogue = args.catalogue()?;
    let requirements: Vec<_> = match profile_name {
        Some(name) => {
            let profile = profile(&catalogue, name)?;
            catalogue
                .requirements
                .iter()
                .filter(|r| profile.requirements.contains(&r.id))
                .collect()
        }
        None => catalogue.requirements.iter().collect(),
    };
    let rendered = match format {
        LintFormat::Text => {
            pakta_report::standards::list(&catalogue, &requirements, language, terminal_width())
        }
        LintFormat::Json => pakta_report::standards::list_json(&catalogue, &requirements, language),
    };
    Output::stdout().write(&rendered, &[])?;
    Ok(ExitCode::SUCCESS)
}

/// `pakta standards show ID`.
pub fn standards_show(
    id: &str,
    lang: &str,
    format: LintFormat,
    args: &CatalogueArgs,
) -> anyhow::Result<ExitCode> {
    let language = catalogue_language(lang)?;
    let catalogue = args.catalogue()?;
    let Some(requirement) = catalogue.requirement(id) else {
        let close: Vec<&str> = catalogue
            .requirements
            .iter()
            .map(|r| r.id.as_str())
            .filter(|r| {
                r.contains(id)
                    || id.contains(r)
                    || r.split('-').any(|w| w.len() > 3 && id.contains(w))
            })
            .collect();
        return Err(anyhow!(UsageError {
            message: format!("unknown requirement `{id}`"),
            help: if close.is_empty() {
                "`pakta standards list` shows every requirement".to_string()
            } else {
                format!("did you mean: {}", close.join(", "))
            },
        }));
    };
    let models = args.models(&catalogue)?;
    let model_text = models.render(
        &requirement.model_clause,
        language,
        &pakta_standards::models::neutral_context(language),
    )?;
    let rendered = match format {
        LintFormat::Text => pakta_report::standards::show(
            &catalogue,
            requirement,
            language,
            Some(&model_text),
            terminal_width(),
        ),
        LintFormat::Json => {
            pakta_report::standards::show_json(&catalogue, requirement, language, Some(&model_text))
        }
    };
    Output::stdout().write(&rendered, &[])?;
    Ok(ExitCode::SUCCESS)
}

fn catalogue_language(lang: &str) -> anyhow::Result<&'static str> {
    match lang {
        "en" => Ok("en"),
        "id" => Ok("id"),
        other => Err(anyhow!(UsageError {
            message: format!("--lang {other}: the catalogue is written in en and id"),
            help: "use --lang en or --lang id".to_string(),
        })),
    }
}

/// `pakta diff`: exit 0 when the drafts are the same, 1 when they differ.
pub fn diff(
    old_file: &str,
    new_file: &str,
    format: DiffFormat,
    options: &pakta_redline::Options,
    look: &DiffLook,
    output: OutputArgs,
) -> anyhow::Result<ExitCode> {
    let date = report_date(look.date.as_deref())?;
    if old_file == "-" && new_file == "-" {
        bail!("-: only one of OLD and NEW can be standard input");
    }
    let old_input = Input::read(old_file)?;
    let new_input = Input::read(new_file)?;
    let (old, new) = parse_both(&old_input.text, &new_input.text);
    let redline = pakta_redline::redline(&old, &new, options);
    let (old_subject, new_subject) = (subject(&old_input, &old), subject(&new_input, &new));
    let output = Output::new(output.output, output.force);
    let rendered = match format {
        DiffFormat::Text => pakta_report::redline::text(
            &old_subject,
            &new_subject,
            &redline,
            if output.path().is_none() {
                stdout_style()
            } else {
                pakta_report::Style::PLAIN
            },
            look.context,
        ),
        DiffFormat::Md => pakta_report::redline::markdown(&old_subject, &new_subject, &redline),
        DiffFormat::Json => pakta_report::redline::json(&old_subject, &new_subject, &redline),
        DiffFormat::Html => pakta_html::diff::report(
            &old_subject,
            &new_subject,
            &redline,
            &pakta_html::diff::Options { date },
        ),
        DiffFormat::Docx => {
            let tracked = pakta_redline::document::tracked(&old, &new, &redline);
            let date = date.map(str::to_string).or_else(|| metadata_date(&new));
            let docx = pakta_docx::tracked(
                &tracked,
                &pakta_docx::Revision {
                    author: &look.author,
                    date: date.as_deref(),
                },
            )
            .with_context(|| format!("{}: cannot build the Word document", new_input.name))?;
            output.write_binary("a .docx", &docx, &[&old_input, &new_input])?;
            return Ok(if redline.has_differences() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            });
        }
    };
    output.write(&rendered, &[&old_input, &new_input])?;
    let code = if redline.has_differences() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    crate::exit_without_freeing((old, new, redline, rendered));
    Ok(code)
}

/// Parses two drafts side by side: they are independent until they are aligned, and parsing is a fifth
/// of a redline's work.
fn parse_both(old: &str, new: &str) -> (Agreement, Agreement) {
    std::thread::scope(|scope| {
        let old = scope.spawn(|| pakta_core::parse(old));
        let new = pakta_core::parse(new);
        match old.join() {
            Ok(old) => (old, new),
            // The parser does not panic on any input (it is fuzzed); if it ever did, the panic stands.
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// The date a tracked change is stamped with when `--date` is not given: NEW's signing date from its
/// front matter, when that is an ISO date. Otherwise none, which Word accepts and keeps output reproducible.
fn metadata_date(agreement: &Agreement) -> Option<String> {
    let date = agreement.meta.signed.as_ref()?.date.as_deref()?;
    report_date(Some(date)).ok().flatten().map(str::to_string)
}

/// `pakta parallel`: exit 1 when the language versions are inconsistent.
pub fn parallel(
    a_file: &str,
    b_file: &str,
    format: ParallelFormat,
    report: &ReportArgs,
    output: OutputArgs,
) -> anyhow::Result<ExitCode> {
    let date = report_date(report.date.as_deref())?;
    let a_input = Input::read(a_file)?;
    let b_input = Input::read(b_file)?;
    let (a, b) = parse_both(&a_input.text, &b_input.text);
    let result = pakta_redline::parallel::parallel(&a, &b);
    let (sa, sb) = (subject(&a_input, &a), subject(&b_input, &b));
    let rendered = match format {
        ParallelFormat::Text => {
            let style = if output.output.is_none() {
                stdout_style()
            } else {
                pakta_report::Style::PLAIN
            };
            pakta_report::redline::parallel_text(&sa, &sb, &result, style)
        }
        ParallelFormat::Json => pakta_report::redline::parallel_json(&sa, &sb, &result),
        ParallelFormat::Html => pakta_html::parallel::report(&sa, &sb, &result, date),
    };
    Output::new(output.output, output.force).write(&rendered, &[&a_input, &b_input])?;
    Ok(if result.inconsistencies.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `pakta draft`: one file per language in `dir`, written atomically, never over an existing file without
/// `--force`.
pub fn draft(
    termsheet: &str,
    dir: &std::path::Path,
    lang: &str,
    force: bool,
    format: DraftFormat,
    args: &CatalogueArgs,
) -> anyhow::Result<ExitCode> {
    let input = Input::read(termsheet)?;
    let sheet = pakta_draft::TermSheet::parse(&input.name, &input.text)?;
    let languages: Vec<String> = match lang {
        "all" => sheet.agreement.languages.clone(),
        "en" | "id" => vec![lang.to_string()],
        other => {
            return Err(anyhow!(UsageError {
                message: format!("--lang {other}: pakta drafts in en and id"),
                help: "use --lang en, --lang id or --lang all".to_string(),
            }));
        }
    };
    if !dir.is_dir() {
        bail!("{}: not a folder (create it first)", dir.display());
    }
    let catalogue = args.catalogue()?;
    let models = args.models(&catalogue)?;
    let drafts = pakta_draft::draft(&sheet, &input.name, &catalogue, &models, &languages)?;
    let stem = input
        .path
        .as_deref()
        .and_then(|p| p.file_stem())
        .and_then(|s| s.to_str())
        .unwrap_or("draft")
        .to_string();
    for d in &drafts {
        let extension = match format {
            DraftFormat::Md => "md",
            DraftFormat::Docx => "docx",
        };
        let path = dir.join(format!("{stem}.{}.{extension}", d.language));
        let output = Output::new(Some(path.clone()), force);
        match format {
            DraftFormat::Md => output.write(&d.markdown, &[&input])?,
            DraftFormat::Docx => {
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

/// `pakta clause`: one model clause, neutral or filled from a term sheet and `--set` values.
pub fn clause(
    id: &str,
    lang: &str,
    termsheet: Option<&str>,
    set: &[String],
    args: &CatalogueArgs,
) -> anyhow::Result<ExitCode> {
    let language = catalogue_language(lang)?;
    let catalogue = args.catalogue()?;
    let Some(requirement) = catalogue.requirement(id) else {
        return Err(anyhow!(UsageError {
            message: format!("unknown requirement `{id}`"),
            help: "`pakta standards list` shows every requirement".to_string(),
        }));
    };
    let models = args.models(&catalogue)?;
    let mut context = match termsheet {
        Some(file) => {
            let input = Input::read(file)?;
            let sheet = pakta_draft::TermSheet::parse(&input.name, &input.text)?;
            pakta_draft::context(&sheet, language)
        }
        None => pakta_standards::models::neutral_context(language),
    };
    context["article"] = serde_json::Value::from(if language == "id" {
        "Pasal 1"
    } else {
        "Article 1"
    });
    for assignment in set {
        let Some((key, value)) = assignment.split_once('=') else {
            bail!("--set {assignment}: expected KEY=VALUE, e.g. terms.weekly_rest_days=2");
        };
        let parsed: serde_json::Value = match serde_json::from_str(value) {
            Ok(
                v @ (serde_json::Value::Number(_)
                | serde_json::Value::Bool(_)
                | serde_json::Value::Null),
            ) => v,
            _ => serde_json::Value::from(pakta_draft::markdown_safe(value)),
        };
        let mut slot = &mut context;
        for part in key.split('.') {
            if !slot.get(part).is_some_and(|_| true) && !slot.is_object() {
                bail!(
                    "--set {key}: `{part}` is not a field of the context (see templates/README.md)"
                );
            }
            slot = slot
                .as_object_mut()
                .map(|o| o.entry(part.to_string()).or_insert(serde_json::Value::Null))
                .ok_or_else(|| anyhow!("--set {key}: `{part}` is not a field of the context"))?;
        }
        *slot = parsed;
    }
    let text = models.render(&requirement.model_clause, language, &context)?;
    Output::stdout().write(&format!("{}\n", text.trim_end()), &[])?;
    Ok(ExitCode::SUCCESS)
}

/// `pakta import`: another format in, Markdown out.
pub fn import(
    file: &str,
    from: ImportFormat,
    reject_changes: bool,
    output: OutputArgs,
) -> anyhow::Result<ExitCode> {
    let (name, path, bytes) = crate::io::read_bytes(file)?;
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let is_pdf = bytes.starts_with(b"%PDF-");
    let format = match from {
        ImportFormat::Auto if is_zip => ImportFormat::Docx,
        ImportFormat::Auto if is_pdf => ImportFormat::Pdf,
        other => other,
    };
    let source = path
        .as_deref()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or(&name)
        .to_string();
    let markdown = match format {
        ImportFormat::Pdf => {
            let Some(path) = path.as_deref() else {
                return Err(anyhow!(UsageError {
                    message: format!("{name}: a PDF cannot be read from standard input"),
                    help: "give the PDF's path; pdftotext reads the file itself".to_string(),
                }));
            };
            if !is_pdf {
                return Err(anyhow!("{name}: not a PDF (it does not start with %PDF-)"));
            }
            let text = pdf_text(&name, path)?;
            plain_text(&name, &text, &source)
        }
        ImportFormat::Txt => {
            let text = pakta_core::decode(&name, bytes)?;
            plain_text(&name, &text, &source)
        }
        ImportFormat::Docx => {
            let changes = if reject_changes {
                pakta_import::docx::Changes::Reject
            } else {
                pakta_import::docx::Changes::Accept
            };
            let document =
                pakta_import::docx::read(&bytes, changes).map_err(|e| anyhow!("{name}: {e}"))?;
            if document.insertions + document.deletions > 0 {
                eprintln!(
                    "{name}: {} tracked insertions and {} deletions; imported with every change {}",
                    document.insertions,
                    document.deletions,
                    if reject_changes {
                        "rejected (--reject-changes)"
                    } else {
                        "accepted (--reject-changes takes the text before them)"
                    }
                );
            }
            pakta_import::docx::markdown(&document)
        }
        _ => {
            let text = pakta_core::decode(&name, bytes)?;
            let start = text.trim_start();
            let looks_like_xml = start.starts_with("<?xml") || start.starts_with('<');
            let looks_like_tota = looks_like_xml && text.contains("<treaty");
            let markdown_file = path.as_deref().is_some_and(|p| {
                p.extension().is_some_and(|e| {
                    e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown")
                })
            });
            if from == ImportFormat::Auto && markdown_file {
                return Err(anyhow!(UsageError {
                    message: format!("{name}: Markdown needs no import"),
                    help: "pakta reads Markdown agreements directly; to read it as plain text anyway, use --from txt"
                        .to_string(),
                }));
            }
            if from == ImportFormat::Auto && looks_like_xml && !looks_like_tota {
                return Err(anyhow!(UsageError {
                    message: format!("{name}: XML that is not a ToTA treaty"),
                    help: "pakta imports ToTA treaty XML (<treaty> root); Akoma Ntoso is an export format; use --from txt to read the file as plain text"
                        .to_string(),
                }));
            }
            if from == ImportFormat::Auto && !looks_like_tota {
                plain_text(&name, &text, &source)
            } else {
                tota(&Input {
                    name,
                    path: path.clone(),
                    text,
                })?
            }
        }
    };
    let input = Input {
        name: file.to_string(),
        path,
        text: String::new(),
    };
    Output::new(output.output, output.force).write(&markdown, &[&input])?;
    Ok(ExitCode::SUCCESS)
}

/// Imports plain text and says on stderr what the importer did, for the person checking the result.
fn plain_text(name: &str, text: &str, source: &str) -> String {
    let imported = pakta_import::text::import(text, source);
    let r = &imported.report;
    eprintln!(
        "{name}: {} page{}, {} header/footer/page-number line{} dropped, {} hyphenated word{} joined; {} division{}, {} article{}{}",
        r.pages,
        plural(r.pages),
        r.furniture,
        plural(r.furniture),
        r.dehyphenated,
        plural(r.dehyphenated),
        r.divisions,
        plural(r.divisions),
        r.articles,
        plural(r.articles),
        if r.title { "" } else { "; no title recognised" }
    );
    imported.markdown
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The text of a PDF, from poppler's `pdftotext -layout` (a PDF engine is not something to vendor).
fn pdf_text(name: &str, path: &std::path::Path) -> anyhow::Result<String> {
    let run = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output();
    let output = match run {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(anyhow!(UsageError {
                message: format!("{name}: importing a PDF needs pdftotext, which is not installed"),
                help: "install poppler-utils (Debian/Ubuntu: apt install poppler-utils; Fedora: dnf install poppler-utils; macOS: brew install poppler), or convert the PDF to text yourself and use --from txt"
                    .to_string(),
            }));
        }
        Err(e) => return Err(anyhow!("{name}: could not run pdftotext: {e}")),
    };
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let reason = stderr
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no reason given");
        return Err(anyhow!(
            "{name}: pdftotext could not read the PDF: {}",
            reason.trim()
        ));
    }
    let text = pakta_core::decode(name, output.stdout)?;
    if text.trim().is_empty() {
        return Err(anyhow!(
            "{name}: the PDF has no text layer (a scanned image?); run OCR first, e.g. ocrmypdf, then import again"
        ));
    }
    Ok(text)
}

fn tota(input: &Input) -> anyhow::Result<String> {
    let treaty =
        pakta_import::tota::read(&input.text).map_err(|e| anyhow!("{}: {e}", input.name))?;
    let source = input
        .path
        .as_deref()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or(&input.name);
    let markdown = pakta_import::tota::markdown(&treaty, source);
    eprintln!(
        "{}: {} chapters, {} articles",
        input.name,
        treaty.chapters.len(),
        treaty.article_count()
    );
    Ok(markdown)
}
