//! The `pakta` binary: parses arguments, reads and writes files, and hands everything else to the library
//! crates. Exit codes: 0 success, 1 findings (`lint` problems, `check` under `--fail-under`), 2 trouble
//! (bad input, bad catalogue, I/O).

mod catalogue;
mod commands;
mod io;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use catalogue::CatalogueArgs;
use io::{Input, Output};

#[derive(Debug, Parser)]
#[command(
    name = "pakta",
    version,
    about = "Parse, check, redline and draft bilateral labour migration agreements."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show an agreement's structure: divisions, articles, paragraphs and points with their ids.
    Outline {
        /// The agreement (Markdown); `-` reads standard input.
        file: String,
        #[arg(long, value_enum, default_value_t = OutlineFormat::Text)]
        format: OutlineFormat,
        /// Only the articles of this language version (e.g. `en` for the English part of a bilingual treaty).
        #[arg(long)]
        lang: Option<String>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Report structural problems: duplicate or skipped article numbers, empty articles, broken
    /// cross-references. Exits 1 when it finds any.
    Lint {
        /// The agreement (Markdown); `-` reads standard input.
        file: String,
        #[arg(long, value_enum, default_value_t = LintFormat::Text)]
        format: LintFormat,
    },
    /// Check an agreement against the standards catalogue: for each requirement of a profile, whether the
    /// agreement covers it, covers part of it, dilutes it (weaker) or misses it, with evidence.
    Check {
        /// The agreement (Markdown); `-` reads standard input.
        file: String,
        /// The catalogue profile: all, bla-core, domestic-work, fishing, recruitment, icrmw (see
        /// `pakta standards list`).
        #[arg(long, default_value = "all")]
        profile: String,
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Exit 1 when the overall score (0-100) is below this.
        #[arg(long, value_name = "SCORE")]
        fail_under: Option<f64>,
        /// Add a word diff of each matched article against the requirement's model clause.
        #[arg(long)]
        show_diff: bool,
        /// Compare coverage with a newer draft: which requirements improved, regressed or moved.
        #[arg(long, value_name = "NEW")]
        against: Option<String>,
        /// Which language version of a multilingual text to check (default: English or Indonesian, the
        /// one with more articles).
        #[arg(long)]
        lang: Option<String>,
        #[command(flatten)]
        catalogue: CatalogueArgs,
        #[command(flatten)]
        report: ReportArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Check many agreements at once and print a requirements × agreements grid. Folders are read for
    /// their `*.md` files.
    Matrix {
        /// Agreements (Markdown) or folders of them.
        #[arg(required = true)]
        files: Vec<String>,
        #[arg(long, default_value = "all")]
        profile: String,
        #[arg(long, value_enum, default_value_t = MatrixFormat::Text)]
        format: MatrixFormat,
        /// Worker threads (default: one per core).
        #[arg(long, short = 'j')]
        jobs: Option<usize>,
        #[command(flatten)]
        catalogue: CatalogueArgs,
        #[command(flatten)]
        report: ReportArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Redline two drafts: articles matched by identity (renumbered and moved articles recognised), word
    /// diffs inside them, and the negotiator's flags (shall → may, changed amounts, a cost moved to the
    /// worker). Exits 0 when the drafts are the same, 1 when they differ, 2 on trouble.
    Diff {
        /// The earlier draft (Markdown).
        old: String,
        /// The later draft (Markdown).
        new: String,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Differences in letter case alone do not count.
        #[arg(long)]
        ignore_case: bool,
        /// Differences in spacing alone do not count.
        #[arg(long)]
        ignore_whitespace: bool,
        /// Differences in punctuation alone do not count.
        #[arg(long)]
        ignore_punctuation: bool,
        /// Paragraph labels, and cross-references that only follow their target's new number, do not count.
        #[arg(long)]
        ignore_numbering: bool,
        /// Unchanged paragraphs shown around each change (text format).
        #[arg(long, default_value_t = 1)]
        context: usize,
        /// The author of the tracked changes in a .docx.
        #[arg(long, default_value = "pakta")]
        author: String,
        #[command(flatten)]
        report: ReportArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Compare two language versions of one agreement (e.g. English and Bahasa Indonesia): missing articles
    /// or paragraphs, numbers and amounts in one version only, cross-references to different articles.
    /// Exits 1 when it finds inconsistencies.
    Parallel {
        a: String,
        b: String,
        #[arg(long, value_enum, default_value_t = ParallelFormat::Text)]
        format: ParallelFormat,
        #[command(flatten)]
        report: ReportArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Draft a whole agreement from a term sheet (TOML): one Markdown file per language, each article the
    /// model clause of a requirement of the term sheet's profile, citing the standards it implements.
    Draft {
        /// The term sheet (see agreements/termsheets/README.md).
        termsheet: String,
        /// The folder to write `<term sheet name>.<lang>.md` into.
        #[arg(short, long, value_name = "DIR", default_value = ".")]
        output: std::path::PathBuf,
        /// Which languages: `en`, `id`, or `all` (those the term sheet names).
        #[arg(long, default_value = "all")]
        lang: String,
        /// Replace files that exist.
        #[arg(long)]
        force: bool,
        /// `md` (Markdown, pakta's own format) or `docx` (a clean Word document).
        #[arg(long, value_enum, default_value_t = DraftFormat::Md)]
        format: DraftFormat,
        #[command(flatten)]
        catalogue: CatalogueArgs,
    },
    /// Print one model clause, with neutral wording or the values of a term sheet and `--set`.
    Clause {
        /// The requirement id (see `pakta standards list`).
        id: String,
        /// `en` or `id`.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Fill the clause from this term sheet.
        #[arg(long, value_name = "FILE")]
        termsheet: Option<String>,
        /// Set a context value, e.g. `--set terms.weekly_rest_days=2` or `--set destination.short=Taiwan`.
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
        #[command(flatten)]
        catalogue: CatalogueArgs,
    },
    /// Import an agreement from another format as Markdown pakta parses: plain text or a PDF (page headers,
    /// footers and hyphenation undone; articles found), a Word document (.docx) or ToTA treaty XML (chapters
    /// and articles, with the treaty's metadata as front matter).
    Import {
        /// The file to import.
        file: String,
        /// The input format; `auto` decides from the content.
        #[arg(long, value_enum, default_value_t = ImportFormat::Auto)]
        from: ImportFormat,
        /// Of a Word document with tracked changes, take the text with every change accepted (the default).
        #[arg(long, conflicts_with = "reject_changes")]
        accept_changes: bool,
        /// Of a Word document with tracked changes, take the text as it was before the changes.
        #[arg(long)]
        reject_changes: bool,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Export the parsed agreement for other tools: Akoma Ntoso 3.0 XML with pakta's ids as eIds.
    Export {
        /// The agreement (Markdown); `-` reads standard input.
        file: String,
        #[arg(long, value_enum, default_value_t = ExportFormat::Akn)]
        format: ExportFormat,
        /// The work's name in FRBR URIs (default: from the title).
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Print the JSON Schema of a command's `--format json` output.
    Schema {
        #[arg(value_enum)]
        output: SchemaName,
    },
    /// Browse the standards catalogue.
    Standards {
        #[command(subcommand)]
        action: StandardsAction,
    },
}

#[derive(Debug, Subcommand)]
enum StandardsAction {
    /// List the requirements (of a profile).
    List {
        #[arg(long)]
        profile: Option<String>,
        /// `en` or `id`.
        #[arg(long, default_value = "en")]
        lang: String,
        #[arg(long, value_enum, default_value_t = LintFormat::Text)]
        format: LintFormat,
        #[command(flatten)]
        catalogue: CatalogueArgs,
    },
    /// Show one requirement: summary, sources, cues and its model clause.
    Show {
        id: String,
        /// `en` or `id`.
        #[arg(long, default_value = "en")]
        lang: String,
        #[arg(long, value_enum, default_value_t = LintFormat::Text)]
        format: LintFormat,
        #[command(flatten)]
        catalogue: CatalogueArgs,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Md,
    /// A self-contained web page (inline CSS; prints on A4).
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    /// Markdown with CriticMarkup.
    Md,
    Json,
    /// A self-contained web page (inline CSS; prints on A4).
    Html,
    /// A Word document of NEW with the differences from OLD as tracked changes (needs -o FILE.docx).
    Docx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MatrixFormat {
    Text,
    Csv,
    Json,
    Md,
    /// A heat-map table in a self-contained web page.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Auto,
    /// Plain text, such as `pdftotext -layout` output: page furniture dropped, lines re-joined.
    Txt,
    /// A PDF, through poppler's `pdftotext -layout` (which must be installed), then as plain text.
    Pdf,
    /// A Word document (.docx).
    Docx,
    /// Texts of Trade Agreements (ToTA) treaty XML.
    Tota,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Akoma Ntoso 3.0 XML.
    Akn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaName {
    Outline,
    Check,
    Diff,
    Parallel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DraftFormat {
    Md,
    Docx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParallelFormat {
    Text,
    Json,
    /// A self-contained web page.
    Html,
}

/// What a report for people says about itself.
#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    /// A date to print in the report's header (and to stamp tracked changes with), e.g. 2026-03-01.
    /// Reports carry no date unless given one, so the same inputs always give the same bytes.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Write to this file instead of standard output (atomically).
    #[arg(short, long)]
    pub output: Option<std::path::PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OutlineFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            report(&err);
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Outline {
            file,
            format,
            lang,
            output,
        } => {
            let input = Input::read(&file)?;
            let agreement = pakta_core::parse(&input.text);
            let language = lang.as_deref().map(pakta_core::Language::from_code);
            let articles = pakta_report::outline::select(&agreement, language.as_ref());
            let rendered = match format {
                OutlineFormat::Json => pakta_report::outline::json(&agreement, &articles),
                OutlineFormat::Text => {
                    let mut text =
                        pakta_report::outline::text(&agreement, &articles, terminal_width());
                    text.push_str(&pakta_report::diagnostics::lines(
                        &input.name,
                        &agreement.diagnostics,
                    ));
                    text
                }
            };
            Output::new(output.output, output.force).write(&rendered, &[&input])?;
            exit_without_freeing((agreement, rendered));
            Ok(ExitCode::SUCCESS)
        }
        Command::Lint { file, format } => {
            let input = Input::read(&file)?;
            let agreement = pakta_core::parse(&input.text);
            let problems = pakta_core::lint::lint(&agreement, &input.text);
            let rendered = match format {
                LintFormat::Json => pakta_report::diagnostics::json(&problems),
                LintFormat::Text => {
                    let mut text = pakta_report::diagnostics::lines(&input.name, &problems);
                    if problems.is_empty() {
                        text.push_str(&format!(
                            "{}: no problems found ({} articles)\n",
                            input.name,
                            agreement.articles.len()
                        ));
                    }
                    text
                }
            };
            Output::stdout().write(&rendered, &[])?;
            Ok(if problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Check {
            file,
            profile,
            format,
            fail_under,
            show_diff,
            against,
            lang,
            catalogue,
            report,
            output,
        } => commands::check(commands::CheckArgs {
            file,
            profile,
            format,
            fail_under,
            show_diff,
            against,
            lang,
            catalogue,
            report,
            output,
        }),
        Command::Matrix {
            files,
            profile,
            format,
            jobs,
            catalogue,
            report,
            output,
        } => commands::matrix(&files, &profile, format, jobs, &catalogue, &report, output),
        Command::Diff {
            old,
            new,
            format,
            ignore_case,
            ignore_whitespace,
            ignore_punctuation,
            ignore_numbering,
            context,
            author,
            report,
            output,
        } => {
            let options = pakta_redline::Options {
                ignore_case,
                ignore_whitespace,
                ignore_punctuation,
                ignore_numbering,
            };
            let look = commands::DiffLook {
                context,
                author,
                date: report.date,
            };
            commands::diff(&old, &new, format, &options, &look, output)
        }
        Command::Parallel {
            a,
            b,
            format,
            report,
            output,
        } => commands::parallel(&a, &b, format, &report, output),
        Command::Draft {
            termsheet,
            output,
            lang,
            force,
            format,
            catalogue,
        } => commands::draft(&termsheet, &output, &lang, force, format, &catalogue),
        Command::Clause {
            id,
            lang,
            termsheet,
            set,
            catalogue,
        } => commands::clause(&id, &lang, termsheet.as_deref(), &set, &catalogue),
        Command::Import {
            file,
            from,
            accept_changes: _,
            reject_changes,
            output,
        } => commands::import(&file, from, reject_changes, output),
        Command::Export {
            file,
            format: ExportFormat::Akn,
            name,
            output,
        } => {
            let input = Input::read(&file)?;
            let agreement = pakta_core::parse(&input.text);
            let xml = pakta_akn::export(
                &agreement,
                &pakta_akn::Options {
                    name: name.as_deref(),
                },
            );
            Output::new(output.output, output.force).write(&xml, &[&input])?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { output } => {
            let schema = match output {
                SchemaName::Outline => pakta_report::schema::OUTLINE,
                SchemaName::Check => pakta_report::schema::CHECK,
                SchemaName::Diff => pakta_report::schema::DIFF,
                SchemaName::Parallel => pakta_report::schema::PARALLEL,
            };
            Output::stdout().write(schema, &[])?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Standards { action } => match action {
            StandardsAction::List {
                profile,
                lang,
                format,
                catalogue,
            } => commands::standards_list(profile.as_deref(), &lang, format, &catalogue),
            StandardsAction::Show {
                id,
                lang,
                format,
                catalogue,
            } => commands::standards_show(&id, &lang, format, &catalogue),
        },
    }
}

/// Leaves a large value for the operating system to reclaim when the process ends, which it is about to.
/// Freeing it string by string is work for nothing: 2 % of `outline`'s instructions on a 5 MB agreement,
/// 10 % of `check`'s on the bundled MoU (the catalogue and its pattern index), by callgrind.
pub fn exit_without_freeing<T>(value: T) {
    std::mem::forget(value);
}

/// Whether to colour what goes to standard output.
pub fn stdout_style() -> pakta_report::Style {
    pakta_report::Style {
        colour: std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}

/// Prints an error as one `error:` line (the message already names the file, and line:column where one
/// applies), followed by the help text of a diagnostic when it has one.
fn report(err: &anyhow::Error) {
    let colour = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let prefix = if colour {
        "\x1b[1;31merror\x1b[0m"
    } else {
        "error"
    };
    eprintln!("{prefix}: {err:#}");
    if let Some(diagnostic) = err.downcast_ref::<pakta_core::SourceError>()
        && let Some(help) = miette::Diagnostic::help(diagnostic)
    {
        eprintln!("  help: {help}");
    }
    if let Some(help) = commands::help_for(err) {
        eprintln!("  help: {help}");
    }
}
