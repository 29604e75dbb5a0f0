//! Reading an agreement in any format pakta knows — Markdown, .docx, PDF, plain text, ToTA XML — into the
//! Markdown the parser reads, with the importer's one-line summary on standard error.
//!
//! Every reading command goes through [`Input::read`], so `check mou.docx` reads exactly what
//! `import mou.docx` writes. The format is decided by `pakta_import::detect`; this module only does the
//! I/O the importers must not do (reading the file, running `pdftotext`).

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use clap::ValueEnum;
use pakta_import::Format;
use pakta_import::origin::SourceMap;

use super::usage::UsageError;

/// The format to read an input as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum InputFormat {
    /// Decide from the content (and, between Markdown and plain text, the file name).
    #[default]
    Auto,
    /// Markdown, pakta's own format.
    Md,
    /// Plain text, such as `pdftotext -layout` output: page furniture dropped, lines re-joined.
    Txt,
    /// A PDF, through poppler's `pdftotext -layout` (which must be installed), then as plain text.
    Pdf,
    /// A Word document (.docx).
    Docx,
    /// Texts of Trade Agreements (ToTA) treaty XML.
    Tota,
}

/// How the reading commands read their inputs.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReadArgs {
    /// The input format; `auto` decides from the content: Markdown, .docx, PDF, plain text or ToTA XML.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto, value_name = "FORMAT")]
    pub from: InputFormat,
    /// Of a Word document with tracked changes, read the text as it was before them (by default every
    /// change is accepted, as Word shows the document with "No Markup").
    #[arg(long)]
    pub reject_changes: bool,
    /// Do not print what the importer did with a .docx, PDF, text or XML input (on standard error).
    #[arg(long, short)]
    pub quiet: bool,
}

/// A decoded input: the Markdown the parser reads and the name messages call it by.
#[derive(Debug)]
pub struct Input {
    pub name: String,
    pub path: Option<PathBuf>,
    /// The agreement as Markdown: the file itself, or what its importer made of it.
    pub text: String,
    /// The format the file was in.
    pub format: Format,
    /// Where each line of an imported file's Markdown came from in the original.
    pub source_map: Option<SourceMap>,
}

impl Input {
    /// Reads `file` (`-` for standard input) in the format `args` names or the one its content shows,
    /// importing it to Markdown when it is not Markdown already.
    pub fn read(file: &str, args: &ReadArgs) -> anyhow::Result<Input> {
        let (name, path, bytes) = read_bytes(file)?;
        let format = match args.from {
            InputFormat::Auto => pakta_import::detect(&name, &bytes).map_err(|e| {
                anyhow!(UsageError::new(
                    format!("{name}: {e}"),
                    format!("{}; or name the format with --from", e.help())
                ))
            })?,
            InputFormat::Md => Format::Markdown,
            InputFormat::Txt => Format::Text,
            InputFormat::Pdf => Format::Pdf,
            InputFormat::Docx => Format::Docx,
            InputFormat::Tota => Format::Tota,
        };
        let imported = import(
            &name,
            path.as_deref(),
            bytes,
            format,
            args.reject_changes,
            "",
        )?;
        if let Some(summary) = &imported.summary
            && !args.quiet
        {
            eprintln!("{name}: {summary}");
        }
        Ok(Input {
            name,
            path,
            text: imported.markdown,
            format,
            source_map: imported.source_map,
        })
    }

    /// Diagnostics about the parsed agreement, one line each, located in this input. An imported file's
    /// lines are those of the Markdown made of it, and the location says so.
    pub fn diagnostics(&self, diagnostics: &[pakta_core::Diagnostic]) -> String {
        let Some(map) = &self.source_map else {
            return pakta_report::diagnostics::lines(&self.name, diagnostics);
        };
        pakta_report::diagnostics::located(diagnostics, |d| {
            match map.origin(d.span.line as usize) {
                Some(origin) => format!("{}: {origin}", self.name),
                // A line the importer wrote itself (front matter, a heading it made): the Markdown's line.
                None => format!(
                    "{} (line {} of the Markdown made of this {})",
                    self.name, d.span.line, self.format
                ),
            }
        })
    }

    /// Reads `file` as text as it is (a term sheet, a catalogue file): no format detection, no import.
    pub fn read_text(file: &str) -> anyhow::Result<Input> {
        let (name, path, bytes) = read_bytes(file)?;
        let text = pakta_core::decode(&name, bytes)?;
        Ok(Input {
            name,
            path,
            text,
            format: Format::Markdown,
            source_map: None,
        })
    }
}

/// An input made Markdown, with what the importer did when there was one.
pub use pakta_import::bytes::AsMarkdown as Imported;

/// Makes Markdown of `bytes` in `format` (through [`pakta_import::bytes::import`], as `pakta serve` does),
/// with `pdftotext` for a PDF. `source` is the file name the importers note in the front matter; the
/// reading commands pass none, so two imports of two files differ only where their content does.
pub fn import(
    name: &str,
    path: Option<&Path>,
    bytes: Vec<u8>,
    format: Format,
    reject_changes: bool,
    source: &str,
) -> anyhow::Result<Imported> {
    let changes = if reject_changes {
        pakta_import::docx::Changes::Reject
    } else {
        pakta_import::docx::Changes::Accept
    };
    pakta_import::bytes::import(name, bytes, format, changes, source, |bytes| {
        pdf_text(name, path, bytes)
    })
    // A decoding error stays itself, so the terminal can show its help and the excerpt it points into.
    .map_err(
        |err| match err.downcast::<pakta_import::bytes::ImportError>() {
            Ok(pakta_import::bytes::ImportError::Source(source)) => anyhow::Error::new(*source),
            Ok(other) => anyhow::Error::new(other),
            Err(err) => err,
        },
    )
}

/// The text of a PDF, from poppler's `pdftotext -layout` (a PDF engine is not something to vendor). The
/// bytes go to its standard input, so a PDF read from a pipe (or uploaded to `pakta serve`) works as well
/// as one on disk. Returns what it printed; the importer decodes it and refuses a PDF without text.
pub fn pdf_text(name: &str, path: Option<&Path>, bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    use std::io::Write;
    let mut command = std::process::Command::new("pdftotext");
    command.args(["-layout", "-enc", "UTF-8"]);
    match path {
        Some(path) => command.arg(path),
        None => command.arg("-"),
    };
    command
        .arg("-")
        .stdin(if path.is_some() {
            std::process::Stdio::null()
        } else {
            std::process::Stdio::piped()
        })
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let child = match command.spawn() {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(anyhow!(UsageError::new(
                format!("{name}: reading a PDF needs pdftotext, which is not installed"),
                "install poppler-utils (Debian/Ubuntu: apt install poppler-utils; Fedora: dnf install poppler-utils; macOS: brew install poppler), or convert the PDF to text yourself and read it with --from txt"
            )));
        }
        Err(e) => return Err(anyhow!("{name}: could not run pdftotext: {e}")),
    };
    let mut child = child;
    if path.is_none()
        && let Some(mut stdin) = child.stdin.take()
    {
        // pdftotext reads the whole PDF before it writes, so writing first cannot deadlock on its output.
        stdin
            .write_all(bytes)
            .map_err(|e| anyhow!("{name}: could not pass the PDF to pdftotext: {e}"))?;
    }
    let output = child
        .wait_with_output()
        .map_err(|e| anyhow!("{name}: could not run pdftotext: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let reason = stderr
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no reason given");
        bail!(
            "{name}: pdftotext could not read the PDF: {}",
            reason.trim()
        );
    }
    Ok(output.stdout)
}

/// Reads `file` (`-` for standard input) as bytes: the name messages use, the path, and the bytes.
pub fn read_bytes(file: &str) -> anyhow::Result<(String, Option<PathBuf>, Vec<u8>)> {
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| anyhow!("<stdin>: cannot read standard input: {e}"))?;
        return Ok(("<stdin>".to_owned(), None, bytes));
    }
    let path = PathBuf::from(file);
    if path.is_dir() {
        bail!("{file}: is a directory, not a file");
    }
    let bytes = std::fs::read(&path).map_err(|e| anyhow!("{file}: cannot read: {e}"))?;
    Ok((file.to_owned(), Some(path), bytes))
}
