//! ToTA (Texts of Trade Agreements) treaty XML: `<treaty><meta>…</meta><body><chapter><article>` into
//! Markdown with the treaty's metadata as front matter, one Markdown article per XML `<article>`.
//!
//! ToTA texts come from OCR of the WTO's copies: lines are broken where the page broke them and
//! paragraphs are separated by blank lines. Lines inside a paragraph are joined; a paragraph that starts
//! with a label (`1.`, `(a)`) becomes a numbered clause when pakta parses the Markdown.

use std::fmt::Write as _;

use quick_xml::events::{BytesStart, Event};

use crate::markdown::{body_paragraph, paragraph, yaml_string};

/// Why a ToTA file could not be imported.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TotaError {
    #[error("byte {offset}: {message}")]
    Xml { offset: u64, message: String },
    #[error("not a ToTA treaty: the root element is <{0}>, not <treaty>")]
    NotTota(String),
    #[error("the file declares a document type; refused (entity expansion)")]
    DocType,
}

/// A treaty read from ToTA XML.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Treaty {
    pub name: Option<String>,
    pub date_signed: Option<String>,
    pub date_into_force: Option<String>,
    pub status: Option<String>,
    pub kind: Option<String>,
    pub language: Option<String>,
    pub identifier: Option<String>,
    pub wto_rta_id: Option<String>,
    /// ISO 3166-1 alpha-3 codes of the current parties.
    pub parties: Vec<String>,
    pub chapters: Vec<Chapter>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chapter {
    pub number: Option<String>,
    pub name: Option<String>,
    pub articles: Vec<TotaArticle>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TotaArticle {
    pub number: Option<String>,
    pub name: Option<String>,
    pub text: String,
}

impl Treaty {
    /// Starts an article from its `<article>` tag, in the current chapter (or an unnamed one).
    fn open_article(&mut self, tag: &BytesStart) {
        if self.chapters.is_empty() {
            self.chapters.push(Chapter::default());
        }
        if let Some(chapter) = self.chapters.last_mut() {
            chapter.articles.push(TotaArticle {
                number: attribute(tag, b"number"),
                name: attribute(tag, b"name"),
                text: String::new(),
            });
        }
    }

    /// Every article, in document order.
    pub fn article_count(&self) -> usize {
        self.chapters.iter().map(|c| c.articles.len()).sum()
    }
}

fn attribute(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            let raw = String::from_utf8_lossy(&a.value).into_owned();
            quick_xml::escape::unescape(&raw)
                .ok()
                .map(|v| v.trim().to_string())
        })
        .filter(|v| !v.is_empty())
}

/// Reads a ToTA XML file.
pub fn read(xml: &str) -> Result<Treaty, TotaError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut treaty = Treaty::default();
    let mut path: Vec<String> = Vec::new();
    let mut text = String::new();
    let error = |reader: &quick_xml::Reader<&[u8]>, message: String| TotaError::Xml {
        offset: reader.buffer_position(),
        message,
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| error(&reader, e.to_string()))?;
        match event {
            Event::DocType(_) => return Err(TotaError::DocType),
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if path.is_empty() && name != "treaty" {
                    return Err(TotaError::NotTota(name));
                }
                match name.as_str() {
                    "chapter" => treaty.chapters.push(Chapter {
                        number: attribute(&e, b"number"),
                        name: attribute(&e, b"name"),
                        articles: Vec::new(),
                    }),
                    "article" => treaty.open_article(&e),
                    _ => {}
                }
                path.push(name);
                text.clear();
            }
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if path.is_empty() {
                    return Err(TotaError::NotTota(name));
                }
                if name == "article" {
                    treaty.open_article(&e);
                }
            }
            Event::Text(t) => {
                let content = t
                    .xml10_content()
                    .map_err(|e| error(&reader, e.to_string()))?;
                text.push_str(&content);
            }
            Event::CData(t) => text.push_str(&String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) => {
                text.push_str(&crate::xml::resolve(&r).map_err(|message| error(&reader, message))?);
            }
            Event::End(_) => {
                let Some(name) = path.pop() else { break };
                let value = std::mem::take(&mut text);
                let inside_meta = path.iter().any(|p| p == "meta");
                let clean = value.trim().to_string();
                let set = |field: &mut Option<String>| {
                    if !clean.is_empty() {
                        *field = Some(clean.clone());
                    }
                };
                match name.as_str() {
                    "article" => {
                        if let Some(article) = treaty
                            .chapters
                            .last_mut()
                            .and_then(|c| c.articles.last_mut())
                        {
                            article.text = value;
                        }
                    }
                    "name" if inside_meta && path.len() == 2 => set(&mut treaty.name),
                    "date_signed" if inside_meta => set(&mut treaty.date_signed),
                    "date_into_force" if inside_meta => set(&mut treaty.date_into_force),
                    "status" if inside_meta => set(&mut treaty.status),
                    "type" if inside_meta => set(&mut treaty.kind),
                    "language" if inside_meta => set(&mut treaty.language),
                    "treaty_identifier" if inside_meta => set(&mut treaty.identifier),
                    "wto_rta_id" if inside_meta => set(&mut treaty.wto_rta_id),
                    "partyisocode"
                        if path.last().is_some_and(|p| p == "parties") && !clean.is_empty() =>
                    {
                        treaty.parties.push(clean);
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(treaty)
}

/// The number of an article heading: "ARTICLE 1.1" → "1.1", "Art. 5" → "5".
fn article_number(number: &str) -> Option<String> {
    let trimmed = number.trim();
    let lower = trimmed.to_lowercase();
    let rest = ["article", "art."]
        .iter()
        .find_map(|word| {
            lower
                .starts_with(word)
                .then(|| trimmed[word.len()..].trim())
        })
        .unwrap_or(trimmed);
    let rest = rest.trim_end_matches(['.', ':']).trim();
    // The parser decides what an article number is; a number it would not read is not used.
    pakta_core::numbering::ArticleNumber::parse(rest).map(|_| rest.to_string())
}

/// Paragraphs of an article's text: blank lines separate them; layout line breaks inside are joined. A
/// paragraph that looks like an article heading stays text: ToTA's article boundaries are the source's.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(body_paragraph(&current.join(" ")));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(body_paragraph(&current.join(" ")));
    }
    out.retain(|p| !p.is_empty());
    out
}

/// Markdown for a treaty; `source` names the file it came from, for the provenance note.
pub fn markdown(treaty: &Treaty, source: &str) -> String {
    let mut out = String::from("---\n");
    let title = treaty.name.clone().unwrap_or_else(|| source.to_string());
    let _ = writeln!(out, "title: {}", yaml_string(&title));
    if !treaty.parties.is_empty() {
        out.push_str("parties:\n");
        for party in &treaty.parties {
            let _ = writeln!(out, "  - name: {}", yaml_string(party));
        }
    }
    if let Some(date) = &treaty.date_signed {
        let _ = writeln!(out, "signed:\n  date: {}", yaml_string(date));
    }
    let language = treaty.language.as_deref().unwrap_or("en");
    let _ = writeln!(out, "language: {}", yaml_string(language));
    if let Some(status) = &treaty.status {
        let _ = writeln!(out, "status: {}", yaml_string(status));
    }
    let mut note = format!("Imported by pakta from ToTA ({source}");
    if let Some(id) = &treaty.identifier {
        let _ = write!(note, ", treaty {id}");
    }
    if let Some(id) = &treaty.wto_rta_id {
        let _ = write!(note, ", WTO RTA {id}");
    }
    note.push(')');
    if let Some(kind) = &treaty.kind {
        let _ = write!(note, "; {kind}");
    }
    if let Some(date) = &treaty.date_into_force {
        let _ = write!(note, "; in force {date}");
    }
    let _ = writeln!(out, "note: {}", yaml_string(&note));
    out.push_str("---\n\n");
    let _ = writeln!(out, "# {}\n", paragraph(&title));

    // Articles without a number pakta can read (a preamble, OCR damage such as "S 7.3") are numbered 0.1,
    // 0.2 … and say so in their heading, so every XML article stays one article and none takes a real
    // article's number.
    let mut unnumbered = 0usize;
    for chapter in &treaty.chapters {
        let heading = match (&chapter.number, &chapter.name) {
            (Some(number), Some(name)) => {
                format!("{} \u{2014} {}", paragraph(number), paragraph(name))
            }
            (Some(number), None) => paragraph(number),
            (None, Some(name)) => paragraph(name),
            (None, None) => String::new(),
        };
        if !heading.is_empty() {
            let _ = writeln!(out, "## {heading}\n");
        }
        for article in &chapter.articles {
            let mut name = article.name.as_deref().map(paragraph).unwrap_or_default();
            let number = match article.number.as_deref().and_then(article_number) {
                Some(n) => paragraph(&n),
                None => {
                    unnumbered += 1;
                    let note = match &article.number {
                        Some(printed) => format!(
                            "(numbered \u{201c}{}\u{201d} in the source)",
                            paragraph(printed)
                        ),
                        None => "(unnumbered in the source)".to_string(),
                    };
                    name = if name.is_empty() {
                        note
                    } else {
                        format!("{name} {note}")
                    };
                    format!("0.{unnumbered}")
                }
            };
            let name = if name.is_empty() {
                String::new()
            } else {
                format!(" \u{2014} {name}")
            };
            let _ = writeln!(out, "### Article {number}{name}\n");
            for p in paragraphs(&article.text) {
                let _ = writeln!(out, "{p}\n");
            }
        }
    }
    out
}
