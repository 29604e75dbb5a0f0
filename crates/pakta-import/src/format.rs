//! What format an input is, decided from its first bytes, and for text from its Markdown headings or name.
//!
//! Every reading command and `pakta import --from auto` ask this one function, so a file is never read as
//! one format by `import` and as another by `check`.

use std::fmt;

/// The formats pakta reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// pakta's own format: Markdown, read by the parser as it is.
    Markdown,
    /// Plain text, such as `pdftotext -layout` output: page furniture dropped, lines re-joined.
    Text,
    /// A PDF: its text layer (extracted outside this crate), then as plain text.
    Pdf,
    /// A Word document (.docx, Office Open XML).
    Docx,
    /// Texts of Trade Agreements (ToTA) treaty XML.
    Tota,
}

impl Format {
    /// The name messages use.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Text => "plain text",
            Format::Pdf => "PDF",
            Format::Docx => "Word document",
            Format::Tota => "ToTA treaty XML",
        }
    }

    /// Whether the parser reads the input as it is (no importer in between).
    pub fn is_markdown(self) -> bool {
        self == Format::Markdown
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An input that is none of the formats pakta reads, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("a Word 97-2003 document (.doc); pakta reads .docx")]
    LegacyWord,
    #[error("an OpenDocument file (.odt); pakta reads Word .docx")]
    OpenDocument,
    #[error("a Rich Text Format (.rtf) file; pakta reads .docx, PDF, plain text and Markdown")]
    Rtf,
    #[error("XML that is not a ToTA treaty")]
    OtherXml,
    /// Named as a binary format (`.docx`, `.pdf`) its bytes are not: reading it as text would compare or
    /// check something other than the document the user meant.
    #[error("named .{0}, but it is not a {1} (no {1} signature at its start)")]
    Misnamed(String, &'static str),
}

impl FormatError {
    /// What the reader can do about it.
    pub fn help(&self) -> &'static str {
        match self {
            FormatError::LegacyWord | FormatError::Rtf | FormatError::OpenDocument => {
                "open it in Word or LibreOffice and save it as a Word document (.docx), or export it as PDF"
            }
            FormatError::OtherXml => {
                "pakta reads ToTA treaty XML (<treaty> root); Akoma Ntoso is an export format; import the file with --from txt to read it as plain text"
            }
            FormatError::Misnamed(..) => {
                "save it again from Word or print it to PDF again; if it is text, give it a .md or .txt name"
            }
        }
    }
}

/// Decides the format of `bytes`, named `name` (a path, or `<stdin>`).
///
/// Binary formats are known by their signature. Text is XML when it opens with a tag, Markdown when its
/// name says so or it has Markdown headings or front matter, and plain text otherwise: an agreement saved
/// from a PDF or an e-mail has neither, and needs the text importer to find its articles.
pub fn detect(name: &str, bytes: &[u8]) -> Result<Format, FormatError> {
    if bytes.starts_with(b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // An OpenDocument file says so in its first entry, `mimetype`; any other ZIP is read as a .docx,
        // whose reader says clearly when it is not one.
        let head = &bytes[..bytes.len().min(256)];
        return if contains(head, b"application/vnd.oasis.opendocument") {
            Err(FormatError::OpenDocument)
        } else {
            Ok(Format::Docx)
        };
    }
    if bytes.starts_with(b"\xd0\xcf\x11\xe0") {
        return Err(FormatError::LegacyWord);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(FormatError::Rtf);
    }
    let extension = extension(name);
    match extension.as_deref() {
        Some(e @ "docx") => return Err(FormatError::Misnamed(e.to_string(), "Word document")),
        Some(e @ "pdf") => return Err(FormatError::Misnamed(e.to_string(), "PDF")),
        Some("md" | "markdown") => return Ok(Format::Markdown),
        Some("txt" | "text") => return Ok(Format::Text),
        _ => {}
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let head = String::from_utf8_lossy(head);
    let start = head.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with("<?xml") || start.starts_with('<') && starts_tag(&start[1..]) {
        return if head.contains("<treaty") {
            Ok(Format::Tota)
        } else if extension.as_deref() == Some("xml") || start.starts_with("<?xml") {
            Err(FormatError::OtherXml)
        } else {
            // An HTML fragment or a stray tag at the top of a text file: let the text be read.
            Ok(text_kind(&head))
        };
    }
    Ok(text_kind(&head))
}

/// Markdown when the text has a Markdown heading or opens with front matter; plain text otherwise.
fn text_kind(head: &str) -> Format {
    let start = head.trim_start_matches('\u{feff}');
    if start.starts_with("---\n") || start.starts_with("---\r\n") {
        return Format::Markdown;
    }
    let heading = head.lines().any(|line| {
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        (1..=6).contains(&hashes) && line[hashes..].starts_with(' ')
    });
    if heading {
        Format::Markdown
    } else {
        Format::Text
    }
}

fn starts_tag(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
}

fn extension(name: &str) -> Option<String> {
    let file = name.rsplit(['/', '\\']).next()?;
    let (stem, ext) = file.rsplit_once('.')?;
    (!stem.is_empty()).then(|| ext.to_ascii_lowercase())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_content_and_name() {
        let cases: &[(&str, &[u8], Result<Format, FormatError>)] = &[
            ("a.pdf", b"%PDF-1.7\n...", Ok(Format::Pdf)),
            ("<stdin>", b"%PDF-1.4", Ok(Format::Pdf)),
            (
                "a.docx",
                b"PK\x03\x04....word/document.xml",
                Ok(Format::Docx),
            ),
            (
                "a.odt",
                b"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.text",
                Err(FormatError::OpenDocument),
            ),
            ("a.zip", b"PK\x03\x04 not a docx", Ok(Format::Docx)),
            (
                "a.doc",
                b"\xd0\xcf\x11\xe0rest",
                Err(FormatError::LegacyWord),
            ),
            ("a.rtf", b"{\\rtf1\\ansi", Err(FormatError::Rtf)),
            (
                "a.md",
                b"Article 1\nThe parties agree.",
                Ok(Format::Markdown),
            ),
            ("a.txt", b"# not a heading in a .txt", Ok(Format::Text)),
            ("a", b"---\ntitle: x\n---\n", Ok(Format::Markdown)),
            ("a", b"Intro\n\n## Article 1\n", Ok(Format::Markdown)),
            ("a", b"AGREEMENT\n\nArticle 1\nScope\n", Ok(Format::Text)),
            ("a", b"#hashtag is not a heading", Ok(Format::Text)),
            (
                "t.xml",
                b"<?xml version='1.0'?><treaty id='1'>",
                Ok(Format::Tota),
            ),
            ("t", b"  <treaty>", Ok(Format::Tota)),
            ("a.xml", b"<akomaNtoso>", Err(FormatError::OtherXml)),
            (
                "a",
                b"<?xml version='1.0'?><akomaNtoso>",
                Err(FormatError::OtherXml),
            ),
            (
                "a",
                b"<b>Article 1</b>\n\n## Article 1",
                Ok(Format::Markdown),
            ),
            ("a", b"<!-- note -->\nArticle 1", Ok(Format::Text)),
            ("dir.v2/file", b"Article 1", Ok(Format::Text)),
            (
                "draft.docx",
                b"## Article 1\n\nThe parties agree.",
                Err(FormatError::Misnamed("docx".into(), "Word document")),
            ),
            (
                "draft.pdf",
                b"Article 1\nThe parties agree.",
                Err(FormatError::Misnamed("pdf".into(), "PDF")),
            ),
        ];
        for (name, bytes, expected) in cases {
            assert_eq!(&detect(name, bytes), expected, "{name}");
        }
    }
}
