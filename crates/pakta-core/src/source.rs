//! Turning the bytes of an input into text pakta can parse, and mapping byte offsets back to lines.
//!
//! This is where the few hard errors of the parse phase live: input that is not UTF-8 text at all. Reading
//! the bytes is the caller's job; this module does no I/O.

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

use crate::model::Span;

/// Inputs larger than this are refused rather than parsed: no agreement is a quarter of a gigabyte.
pub const MAX_INPUT_BYTES: usize = 256 * 1024 * 1024;

/// Why some bytes cannot be parsed as an agreement.
#[derive(Debug, Error, Diagnostic)]
pub enum SourceError {
    #[error("{name}:{line}:{column}: the file is not valid UTF-8 (invalid byte 0x{byte:02X})")]
    #[diagnostic(
        code(pakta::invalid_utf8),
        help("convert it to UTF-8 first, e.g. `iconv -f WINDOWS-1252 -t UTF-8`")
    )]
    InvalidUtf8 {
        name: String,
        line: u32,
        column: u32,
        byte: u8,
        #[source_code]
        src: NamedSource<String>,
        #[label("not UTF-8")]
        at: SourceSpan,
    },
    #[error("{name}: this looks like a binary file ({what}), not an agreement text")]
    #[diagnostic(
        code(pakta::binary_input),
        help("for PDF or Word files, convert them to text or Markdown first")
    )]
    Binary { name: String, what: &'static str },
    #[error(
        "{name}: byte {offset}: the file starts with a UTF-16 byte-order mark but is not valid UTF-16"
    )]
    #[diagnostic(
        code(pakta::invalid_utf16),
        help("convert it to UTF-8 first, e.g. `iconv -f UTF-16 -t UTF-8`")
    )]
    InvalidUtf16 { name: String, offset: usize },
    #[error("{name}: the file is empty")]
    #[diagnostic(code(pakta::empty_input))]
    Empty { name: String },
    #[error("{name}: the file has {bytes} bytes; pakta reads at most {max} bytes")]
    #[diagnostic(code(pakta::input_too_large))]
    TooLarge {
        name: String,
        bytes: usize,
        max: usize,
    },
}

/// Decodes UTF-16 code units (after the byte-order mark); `offset` in errors counts from the file's start.
fn utf16(name: &str, bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, SourceError> {
    if bytes.len() % 2 == 1 {
        return Err(SourceError::InvalidUtf16 {
            name: name.to_owned(),
            offset: bytes.len() + 1,
        });
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, decoded) in char::decode_utf16(units).enumerate() {
        match decoded {
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(SourceError::InvalidUtf16 {
                    name: name.to_owned(),
                    offset: 2 + 2 * i,
                });
            }
        }
    }
    Ok(out)
}

/// Checks that `bytes` are a text pakta can parse and returns them as a string (without a byte-order mark).
///
/// `name` is what messages call the input: a path, or `<stdin>`.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, SourceError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(SourceError::TooLarge {
            name: name.to_owned(),
            bytes: bytes.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    // Windows tools save "Unicode" text as UTF-16 with a byte-order mark; it is text, not binary.
    let bytes = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => utf16(name, &bytes[2..], u16::from_le_bytes)?.into_bytes(),
        Some([0xFE, 0xFF]) => utf16(name, &bytes[2..], u16::from_be_bytes)?.into_bytes(),
        _ => bytes,
    };
    if let Some(what) = binary_signature(&bytes) {
        return Err(SourceError::Binary {
            name: name.to_owned(),
            what,
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid_up_to = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let byte = bytes[valid_up_to];
            // Show the valid text up to the bad byte so the message can point at it.
            let shown = String::from_utf8_lossy(&bytes[..valid_up_to]).into_owned();
            let index = LineIndex::new(&shown);
            let (line, column) = index.line_col(&shown, valid_up_to);
            return Err(SourceError::InvalidUtf8 {
                name: name.to_owned(),
                line,
                column,
                byte,
                src: NamedSource::new(name, shown),
                at: SourceSpan::from((valid_up_to, 0)),
            });
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if text.trim().is_empty() {
        return Err(SourceError::Empty {
            name: name.to_owned(),
        });
    }
    Ok(text)
}

/// Recognises binary files by their magic numbers, or by NUL bytes near the start (as git and grep do).
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"%PDF", "PDF document; run `pdftotext -layout` first"),
        (b"PK\x03\x04", "ZIP archive or Word .docx file"),
        (b"\xd0\xcf\x11\xe0", "legacy Word .doc file"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"\x7fELF", "executable"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(what);
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0).then_some("contains NUL bytes")
}

/// Maps byte offsets to 1-based line and column numbers (columns count characters).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { line_starts }
    }

    /// The line and column of `offset` in `text` (the text this index was built from).
    pub fn line_col(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        (line as u32 + 1, column as u32)
    }

    /// A [`Span`] for `start..end` with its start position filled in.
    pub fn span(&self, text: &str, start: usize, end: usize) -> Span {
        let (line, column) = self.line_col(text, start);
        Span {
            start,
            end,
            line,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\nçd\nef";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, 3), (2, 1));
        assert_eq!(index.line_col(text, 5), (2, 2));
        assert_eq!(index.line_col(text, 7), (3, 1));
    }

    #[test]
    fn invalid_utf8_points_at_the_byte() {
        let err = decode("x.md", b"ok\nab\xffcd".to_vec()).expect_err("invalid UTF-8");
        assert!(
            err.to_string()
                .starts_with("x.md:2:3: the file is not valid UTF-8"),
            "{err}"
        );
    }

    #[test]
    fn refuses_binary_and_empty_input() {
        assert!(matches!(
            decode("a.png", b"\x89PNG\r\n".to_vec()),
            Err(SourceError::Binary { .. })
        ));
        assert!(matches!(
            decode("e.md", b" \n\t ".to_vec()),
            Err(SourceError::Empty { .. })
        ));
        assert_eq!(
            decode("b.md", "\u{feff}# T".as_bytes().to_vec()).expect("valid"),
            "# T"
        );
    }
}
