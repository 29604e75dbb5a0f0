//! Front matter: YAML between `---` lines (the Pandoc/Jekyll convention) or TOML between `+++` lines.
//!
//! Bad front matter never stops a parse: the agreement keeps empty metadata and a diagnostic says what was
//! wrong and where.

use std::collections::BTreeMap;

use serde::Deserialize;

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
    #[serde(rename = "running-heads", default)]
    running_heads: Vec<String>,
    #[serde(flatten)]
    unknown: BTreeMap<String, RawValue>,
}

/// Any front-matter value, kept as written so that a key pakta does not read is still compared.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawValue {
    Scalar(Scalar),
    Bool(bool),
    List(Vec<RawValue>),
    Map(BTreeMap<String, RawValue>),
    /// A YAML null (`key:` with nothing after it).
    Nothing(()),
}

impl RawValue {
    /// The value as one line: lists and tables are flattened to `a, b` and `key: value; …`.
    fn into_text(self) -> String {
        match self {
            RawValue::Scalar(scalar) => scalar.into_string(),
            RawValue::Bool(b) => b.to_string(),
            RawValue::List(items) => items
                .into_iter()
                .map(RawValue::into_text)
                .collect::<Vec<_>>()
                .join(", "),
            RawValue::Map(map) => map
                .into_iter()
                .map(|(k, v)| format!("{k}: {}", v.into_text()))
                .collect::<Vec<_>>()
                .join("; "),
            RawValue::Nothing(()) => String::new(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawParty {
    Name(String),
    Full {
        name: String,
        short: Option<String>,
        role: Option<String>,
        #[serde(flatten)]
        unknown: BTreeMap<String, RawValue>,
    },
}

#[derive(Debug, Deserialize)]
struct RawSigned {
    date: Option<Scalar>,
    place: Option<String>,
    #[serde(flatten)]
    unknown: BTreeMap<String, RawValue>,
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
    let mut other = BTreeMap::new();
    let mut unknown = |path: String, values: BTreeMap<String, RawValue>| {
        for (key, value) in values {
            other.insert(format!("{path}{key}"), value.into_text());
        }
    };
    unknown(String::new(), raw.unknown);
    let parties = raw
        .parties
        .into_iter()
        .enumerate()
        .map(|(i, p)| match p {
            RawParty::Name(name) => Party {
                name,
                short: None,
                role: None,
            },
            RawParty::Full {
                name,
                short,
                role,
                unknown: rest,
            } => {
                unknown(format!("parties.{}.", i + 1), rest);
                Party { name, short, role }
            }
        })
        .collect();
    let signed = raw.signed.map(|s| {
        unknown("signed.".to_string(), s.unknown);
        Signed {
            date: s.date.map(Scalar::into_string),
            place: s.place,
        }
    });
    // Every key pakta does not read is reported where it is written, a nested one (`signed.witness`)
    // as the top-level ones are.
    for key in other.keys() {
        let (last, known) = match key.rsplit_once('.') {
            Some((_, last)) => (
                last,
                "in signed: date, place; in a party: name, short, role",
            ),
            None => (
                key.as_str(),
                "title, parties, signed, language, version, supersedes, status, note, sectors, generated-from, catalogue, running-heads",
            ),
        };
        let at = find_key(content, last, key.contains('.'))
            .map_or(front.content_start, |o| front.content_start + o);
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            code: "unknown-front-matter-key",
            message: format!("unknown front-matter key `{key}` (known: {known})"),
            span: index.span(source, at, at + last.len()),
        });
    }
    Meta {
        title: raw.title,
        parties,
        signed,
        language: raw.language,
        version: raw.version.map(Scalar::into_string),
        supersedes: raw.supersedes,
        status: raw.status,
        note: raw.note,
        sectors: raw.sectors,
        generated_from: raw.generated_from,
        catalogue: raw.catalogue,
        running_heads: raw.running_heads,
        other,
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

/// Where `key` is written, for pointing at it: at the start of a line, or for a `nested` key (under
/// `signed:`, in a party, in a `[signed]` table) after its indentation or list dash.
fn find_key(content: &str, key: &str, nested: bool) -> Option<usize> {
    let mut offset = 0;
    for line in content.split_inclusive('\n') {
        let bare = if nested {
            line.trim_start_matches([' ', '\t', '-'])
        } else {
            line
        };
        if bare.starts_with(key) && bare[key.len()..].trim_start().starts_with([':', '=']) {
            return Some(offset + (line.len() - bare.len()));
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
    fn keys_pakta_does_not_read_are_kept_for_the_redline() {
        let (yaml, d) = meta(
            "---\ntitle: MoU\neffective: 2025-07-01\nsigned:\n  date: 2025-06-12\n  witness: UN\nparties:\n  - name: A\n    seat: Jakarta\nannexes: [I, II]\n---\n",
        );
        assert_eq!(
            yaml.other.get("effective").map(String::as_str),
            Some("2025-07-01")
        );
        assert_eq!(
            yaml.other.get("signed.witness").map(String::as_str),
            Some("UN")
        );
        assert_eq!(
            yaml.other.get("parties.1.seat").map(String::as_str),
            Some("Jakarta")
        );
        assert_eq!(yaml.other.get("annexes").map(String::as_str), Some("I, II"));
        assert_eq!(d.len(), 4, "{d:?}");
        let (toml, d) = meta("+++\ntitle = \"MoU\"\n[signed]\nwitness = \"UN\"\n+++\n");
        assert_eq!(
            toml.other.get("signed.witness").map(String::as_str),
            Some("UN")
        );
        assert_eq!(d.len(), 1, "{d:?}");
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
