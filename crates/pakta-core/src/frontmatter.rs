//! Front matter: YAML between `---` lines (the Pandoc/Jekyll convention) or TOML between `+++` lines.
//!
//! Bad front matter never stops a parse: the agreement keeps empty metadata and a diagnostic says what was
//! wrong and where.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::model::{Diagnostic, Meta, Party, Severity, Signed};
use crate::source::LineIndex;

/// Where front matter sits in the source, and where the body begins.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter<'a> {
    pub format: Format,
    /// The text between the fences.
    pub content: &'a str,
    /// Byte offset of `content` in the source.
    pub content_start: usize,
    /// Byte offset of the first byte after the closing fence line.
    pub body_start: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
}

/// Finds front matter at the very start of `text`. An opening fence without a closing one is not front
/// matter (it is a thematic break in Markdown).
pub fn split(text: &str) -> Option<FrontMatter<'_>> {
    let (format, fence) = if text.starts_with("---") {
        (Format::Yaml, "---")
    } else if text.starts_with("+++") {
        (Format::Toml, "+++")
    } else {
        return None;
    };
    let first_line_end = text.find('\n')?;
    if text[..first_line_end].trim_end() != fence {
        return None;
    }
    let content_start = first_line_end + 1;
    let mut offset = content_start;
    for line in text[content_start..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == fence || (format == Format::Yaml && bare == "...") {
            return Some(FrontMatter {
                format,
                content: &text[content_start..offset],
                content_start,
                body_start: offset + line.len(),
            });
        }
        offset += line.len();
    }
    None
}

/// The keys pakta reads, as written in front matter. Anything else is reported and ignored.
#[derive(Debug, Deserialize)]
struct RawMeta {
    title: Option<String>,
    #[serde(default)]
    parties: Vec<RawParty>,
    signed: Option<RawSigned>,
    language: Option<String>,
    version: Option<Scalar>,
    supersedes: Option<String>,
    status: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sectors: Vec<String>,
    #[serde(rename = "generated-from")]
    generated_from: Option<String>,
    catalogue: Option<String>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawParty {
    Name(String),
    Full {
        name: String,
        short: Option<String>,
        role: Option<String>,
    },
}

#[derive(Debug, Deserialize)]
struct RawSigned {
    date: Option<Scalar>,
    place: Option<String>,
}

/// A value that may be written as a string, a number or a TOML date, read as text.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Scalar {
    Text(String),
    Integer(i64),
    Float(f64),
    Date(toml::value::Datetime),
}

impl Scalar {
    fn into_string(self) -> String {
        match self {
            Scalar::Text(s) => s,
            Scalar::Integer(i) => i.to_string(),
            Scalar::Float(f) => f.to_string(),
            Scalar::Date(d) => d.to_string(),
        }
    }
}

/// Reads the metadata in `front`, appending a diagnostic for each problem.
pub fn read(
    front: &FrontMatter<'_>,
    source: &str,
    index: &LineIndex,
    diagnostics: &mut Vec<Diagnostic>,
) -> Meta {
    let content = front.content;
    let result: Result<RawMeta, (String, Option<usize>)> = match front.format {
        Format::Yaml if content.trim().is_empty() => return Meta::default(),
        Format::Yaml => serde_saphyr::from_str(content).map_err(|e| {
            let offset = e.location().and_then(|loc| {
                let line = usize::try_from(loc.line()).ok()?.max(1);
                let column = usize::try_from(loc.column()).ok()?.max(1);
                let line_start = content
                    .split_inclusive('\n')
                    .take(line - 1)
                    .map(str::len)
                    .sum::<usize>();
                Some(line_start + column - 1)
            });
            (first_line(&e.to_string()), offset)
        }),
        Format::Toml => toml::from_str(content)
            .map_err(|e| (first_line(e.message()), e.span().map(|s| s.start))),
    };
    let raw = match result {
        Ok(raw) => raw,
        Err((message, offset)) => {
            let at = front.content_start + offset.unwrap_or(0).min(content.len());
            let at = floor_char_boundary(source, at);
            let kind = if front.format == Format::Yaml {
                "YAML"
            } else {
                "TOML"
            };
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                code: "front-matter",
                message: format!("front matter is not valid {kind}, so it was ignored: {message}"),
                span: index.span(source, at, at),
            });
            return Meta::default();
        }
    };
    for key in raw.unknown.keys() {
        let at = find_key(content, key).map_or(front.content_start, |o| front.content_start + o);
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            code: "unknown-front-matter-key",
            message: format!(
                "unknown front-matter key `{key}` (known: title, parties, signed, language, version, supersedes, status, note, sectors, generated-from, catalogue)"
            ),
            span: index.span(source, at, at + key.len()),
        });
    }
    Meta {
        title: raw.title,
        parties: raw
            .parties
            .into_iter()
            .map(|p| match p {
                RawParty::Name(name) => Party {
                    name,
                    short: None,
                    role: None,
                },
                RawParty::Full { name, short, role } => Party { name, short, role },
            })
            .collect(),
        signed: raw.signed.map(|s| Signed {
            date: s.date.map(Scalar::into_string),
            place: s.place,
        }),
        language: raw.language,
        version: raw.version.map(Scalar::into_string),
        supersedes: raw.supersedes,
        status: raw.status,
        note: raw.note,
        sectors: raw.sectors,
        generated_from: raw.generated_from,
        catalogue: raw.catalogue,
    }
}

fn first_line(message: &str) -> String {
    message
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or(message)
        .trim()
        .to_owned()
}

/// Where a top-level `key` is written, for pointing at it.
fn find_key(content: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in content.split_inclusive('\n') {
        if line.starts_with(key) && line[key.len()..].trim_start().starts_with([':', '=']) {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(text: &str) -> (Meta, Vec<Diagnostic>) {
        let front = split(text).expect("front matter");
        let mut diagnostics = Vec::new();
        let meta = read(&front, text, &LineIndex::new(text), &mut diagnostics);
        (meta, diagnostics)
    }

    #[test]
    fn reads_yaml_and_toml() {
        let (yaml, d) = meta(
            "---\ntitle: MoU\nsigned:\n  date: 2025-06-12\n  place: Jakarta\nversion: 2\n---\n# Body\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(yaml.title.as_deref(), Some("MoU"));
        assert_eq!(yaml.version.as_deref(), Some("2"));
        assert_eq!(
            yaml.signed.and_then(|s| s.date).as_deref(),
            Some("2025-06-12")
        );
        let (toml, d) =
            meta("+++\ntitle = \"MoU\"\nlanguage = \"id\"\n[signed]\ndate = 2025-06-12\n+++\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(toml.language.as_deref(), Some("id"));
        assert_eq!(
            toml.signed.and_then(|s| s.date).as_deref(),
            Some("2025-06-12")
        );
    }

    #[test]
    fn reports_unknown_keys_and_bad_syntax_with_positions() {
        let (_, d) = meta("---\ntitle: x\nsignatories: 2\n---\n");
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].code, d[0].span.line), ("unknown-front-matter-key", 3));
        let (m, d) = meta("---\ntitle: [unclosed\n---\n");
        assert_eq!(m, Meta::default());
        assert_eq!(d[0].code, "front-matter");
    }

    #[test]
    fn unclosed_fence_is_not_front_matter() {
        assert!(split("---\ntitle: x\n").is_none());
        assert!(split("--- not a fence\n---\n").is_none());
    }
}
