//! Any input pakta reads, as bytes and a decided [`Format`], made the Markdown the parser reads, with the
//! one-line summary a person checks against the original ("Word document, 212 paragraphs; 46 articles").
//!
//! Both front ends — the `pakta` command line and the `pakta serve` workbench — read through [`import`],
//! so a file uploaded in the browser reads exactly as the same file named on the command line. The one
//! step that is not Rust, extracting a PDF's text (poppler's `pdftotext`), is the caller's: it is passed
//! in as a function, so this crate still does no I/O.

use crate::Format;
use crate::docx::Changes;
use crate::origin::SourceMap;

/// An input made Markdown, with what the importer did when there was one.
#[derive(Debug, Clone)]
pub struct AsMarkdown {
    /// The agreement as Markdown: the input itself, or what its importer made of it.
    pub markdown: String,
    /// What the importer did, one line (none for Markdown, which needs no import).
    pub summary: Option<String>,
    /// Where each line of an imported input's Markdown came from in the original.
    pub source_map: Option<SourceMap>,
}

/// Why an input could not be made Markdown. Each message starts with the input's name.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Not text pakta can read (binary, bad UTF-8, empty, too large); boxed, as it carries the text
    /// up to the bad byte.
    #[error(transparent)]
    Source(Box<pakta_core::SourceError>),
    #[error("{name}: not a PDF (it does not start with %PDF-)")]
    NotPdf { name: String },
    #[error(
        "{name}: the PDF has no text layer (a scanned image?); run OCR first, e.g. ocrmypdf, then read it again"
    )]
    NoTextLayer { name: String },
    #[error("{name}: {reason}")]
    Docx {
        name: String,
        reason: crate::docx::ReadError,
    },
    #[error("{name}: {reason}")]
    Tota {
        name: String,
        reason: crate::tota::TotaError,
    },
}

/// Makes Markdown of `bytes` in `format`. `name` is what messages call the input; `source` is the file
/// name the importers note in the front matter (empty for none, so two imports of two files differ only
/// where their content does). `pdf_text` extracts a PDF's text (it is called only for a PDF, after the
/// bytes were checked to start like one) and returns it as bytes, which are then decoded as any text is.
pub fn import<E: From<ImportError>>(
    name: &str,
    bytes: Vec<u8>,
    format: Format,
    changes: Changes,
    source: &str,
    pdf_text: impl FnOnce(&[u8]) -> Result<Vec<u8>, E>,
) -> Result<AsMarkdown, E> {
    match format {
        Format::Markdown => Ok(AsMarkdown {
            markdown: decode(name, bytes)?,
            summary: None,
            source_map: None,
        }),
        Format::Text => {
            let text = decode(name, bytes)?;
            Ok(plain_text(&text, "plain text", source))
        }
        Format::Pdf => {
            if !bytes.starts_with(b"%PDF-") {
                return Err(ImportError::NotPdf {
                    name: name.to_owned(),
                }
                .into());
            }
            let extracted = pdf_text(&bytes)?;
            // Only page breaks and spaces: pictures of pages, not text (decoding would call it empty).
            if extracted.iter().all(u8::is_ascii_whitespace) {
                return Err(ImportError::NoTextLayer {
                    name: name.to_owned(),
                }
                .into());
            }
            let text = decode(name, extracted)?;
            Ok(plain_text(&text, "PDF", source))
        }
        Format::Docx => {
            let document =
                crate::docx::read(&bytes, changes).map_err(|reason| ImportError::Docx {
                    name: name.to_owned(),
                    reason,
                })?;
            let tracked = document.insertions + document.deletions;
            let mut summary = format!(
                "Word document, {} paragraph{}",
                document.paragraphs.len(),
                plural(document.paragraphs.len())
            );
            if tracked > 0 {
                summary.push_str(&format!(
                    "; {} tracked insertion{} and {} deletion{} read {}",
                    document.insertions,
                    plural(document.insertions),
                    document.deletions,
                    plural(document.deletions),
                    match changes {
                        Changes::Reject => "rejected (--reject-changes: the text before them)",
                        Changes::Accept => "accepted (--reject-changes reads the text before them)",
                    }
                ));
            }
            // Text the file holds but pakta does not read is said, so that nobody takes the comparison
            // for complete.
            let them = |n: usize| if n == 1 { "it" } else { "them" };
            if document.embedded > 0 {
                let n = document.embedded;
                summary.push_str(&format!(
                    "; warning: {n} embedded document{} (altChunk) not read, so {} text is not compared: open and save the file in Word to merge {}",
                    plural(n),
                    if n == 1 { "its" } else { "their" },
                    them(n),
                ));
            }
            if document.hidden > 0 {
                let n = document.hidden;
                summary.push_str(&format!(
                    "; warning: {n} run{} of hidden text (Word's \"Hidden\" font setting) not read, as Word neither shows nor prints {}",
                    plural(n),
                    them(n),
                ));
            }
            if document.struck > 0 {
                let n = document.struck;
                summary.push_str(&format!(
                    "; warning: {n} run{} struck through by hand (not a tracked change), read as text marked ~~…~~: if {} proposed deletion{}, the comparison shows the marks but does not apply {}",
                    plural(n),
                    if n == 1 { "it is a" } else { "they are" },
                    plural(n),
                    them(n),
                ));
            }
            let imported = crate::docx::import(&document);
            summary.push_str(&articles_found(&imported.markdown));
            Ok(AsMarkdown {
                markdown: imported.markdown,
                summary: Some(summary),
                source_map: Some(imported.source_map),
            })
        }
        Format::Tota => {
            let text = decode(name, bytes)?;
            let treaty = crate::tota::read(&text).map_err(|reason| ImportError::Tota {
                name: name.to_owned(),
                reason,
            })?;
            let imported = crate::tota::import(&treaty, source);
            Ok(AsMarkdown {
                markdown: imported.markdown,
                source_map: Some(imported.source_map),
                summary: Some(format!(
                    "ToTA treaty XML, {} chapter{}, {} article{}",
                    treaty.chapters.len(),
                    plural(treaty.chapters.len()),
                    treaty.article_count(),
                    plural(treaty.article_count())
                )),
            })
        }
    }
}

fn decode(name: &str, bytes: Vec<u8>) -> Result<String, ImportError> {
    pakta_core::decode(name, bytes).map_err(|e| ImportError::Source(Box::new(e)))
}

/// Imports plain text, with the summary a person checks against the original.
fn plain_text(text: &str, what: &str, source: &str) -> AsMarkdown {
    let imported = crate::text::import(text, source);
    let r = &imported.report;
    let summary = format!(
        "{what}, {} page{}, {} header/footer/page-number line{} dropped, {} hyphenated word{} joined; {} division{}, {} article{}{}",
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
    // A join that may have reversed a meaning ("resign" for "re-sign") is named with its place, as a
    // warning a person acts on, not a count.
    let summary = r.ambiguous_joins.iter().fold(summary, |summary, join| {
        format!(
            "{summary}; warning: {}: \"{}\" at the end of the line read as \"{}\"; check the original, as \"{}\" means something else",
            join.at,
            join.other.replace('-', "-\" + \""),
            join.read,
            join.other,
        )
    });
    AsMarkdown {
        markdown: imported.markdown,
        summary: Some(summary),
        source_map: Some(imported.source_map),
    }
}

/// "; N articles" as the parser finds them in imported Markdown, so the summary says what was read.
fn articles_found(markdown: &str) -> String {
    let count = pakta_core::parse(markdown).articles.len();
    format!("; {count} article{}", plural(count))
}

/// "" for one, "s" for any other count.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_pdf(_: &[u8]) -> Result<Vec<u8>, ImportError> {
        panic!("not a PDF: pdftotext must not be called")
    }

    #[test]
    fn markdown_passes_through_and_text_is_summarised() {
        let md = import(
            "a.md",
            b"# T\n\n## Article 1\n\nText.\n".to_vec(),
            Format::Markdown,
            Changes::Accept,
            "",
            no_pdf,
        )
        .expect("markdown");
        assert!(md.summary.is_none());
        assert!(md.markdown.contains("## Article 1"));
        let txt = import(
            "a.txt",
            b"Article 1\nText.\n".to_vec(),
            Format::Text,
            Changes::Accept,
            "",
            no_pdf,
        )
        .expect("text");
        assert!(
            txt.summary
                .expect("summary")
                .starts_with("plain text, 1 page")
        );
    }

    #[test]
    fn bad_inputs_say_which_and_why_in_one_line() {
        let not_pdf = import(
            "x.pdf",
            b"hello".to_vec(),
            Format::Pdf,
            Changes::Accept,
            "",
            no_pdf,
        )
        .expect_err("not a PDF");
        assert_eq!(
            not_pdf.to_string(),
            "x.pdf: not a PDF (it does not start with %PDF-)"
        );
        let scanned = import(
            "s.pdf",
            b"%PDF-1.7".to_vec(),
            Format::Pdf,
            Changes::Accept,
            "",
            |_| Ok::<_, ImportError>(b" \n\x0c".to_vec()),
        )
        .expect_err("no text");
        assert!(
            scanned
                .to_string()
                .starts_with("s.pdf: the PDF has no text layer")
        );
        let docx = import(
            "b.docx",
            b"PK\x03\x04broken".to_vec(),
            Format::Docx,
            Changes::Accept,
            "",
            no_pdf,
        )
        .expect_err("broken docx");
        assert!(docx.to_string().starts_with("b.docx: "), "{docx}");
        assert!(!docx.to_string().contains('\n'));
        let binary = import(
            "z.md",
            vec![0, 1, 2, 3, 0, 0],
            Format::Markdown,
            Changes::Accept,
            "",
            no_pdf,
        )
        .expect_err("binary");
        assert!(binary.to_string().starts_with("z.md"), "{binary}");
    }
}
