//! ToTA (Texts of Trade Agreements) treaty XML: `<treaty><meta>…</meta><body><chapter><article>` into
//! Markdown with the treaty's metadata as front matter and one Markdown article per XML `<article>` of the
//! body. ToTA's unnumbered "Preamble" and "Conclusion" chapters are not articles: the preamble is written
//! as plain paragraphs after the title and the conclusion (testimonium and signatures) as plain paragraphs
//! after the last article, which pakta's parser reads as the preamble and the closing formula.
//!
//! [`import`] also returns the XML line each Markdown line came from. The file name given as `source`
//! appears only in the front matter (its note, and the title when the treaty has no name); an empty
//! `source` names no file.
//!
//! ToTA texts come from OCR of the WTO's copies: lines are broken where the page broke them and
//! paragraphs are separated by blank lines. Lines inside a paragraph are joined; a paragraph that starts
//! with a label (`1.`, `(a)`) becomes a numbered clause when pakta parses the Markdown.

use std::fmt::Write as _;

use quick_xml::events::{BytesStart, Event};

use crate::markdown::{body_paragraph, paragraph, yaml_string};
use crate::origin::{Imported, Origin, Writer};

/// Why a ToTA file could not be imported.
///
/// A file that is not well-formed XML is refused, never read as far as it goes: a truncated download
/// would otherwise become a shorter treaty that every later phase takes for the whole one.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TotaError {
    /// XML that is not well-formed (or not XML at all), where the problem was found: 1-based line and
    /// column, in characters, as an editor counts them.
    #[error("line {line}, column {column}: {message}")]
    Xml {
        line: u32,
        column: u32,
        message: String,
    },
    #[error("not a ToTA treaty: the root element is <{0}>, not <treaty>")]
    NotTota(String),
    #[error("the file declares a document type; refused (entity expansion)")]
    DocType,
}

/// A treaty read from ToTA XML.
///
/// ToTA puts a treaty's preamble and its closing formula (testimonium and signatures) in chapters of their
/// own, named "Preamble" and "Conclusion", whose one `<article>` has no number. They are kept apart from
/// [`Treaty::chapters`] in [`Treaty::preamble`] and [`Treaty::conclusion`], because they are not articles:
/// [`markdown`] writes them as the preamble and the closing formula pakta's parser reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Treaty {
    pub name: Option<String>,
    /// The XML line of the `<name>` element the name came from (0 when unknown).
    pub name_line: usize,
    pub date_signed: Option<String>,
    pub date_into_force: Option<String>,
    pub status: Option<String>,
    pub kind: Option<String>,
    pub language: Option<String>,
    pub identifier: Option<String>,
    pub wto_rta_id: Option<String>,
    /// ISO 3166-1 alpha-3 codes of the current parties.
    pub parties: Vec<String>,
    /// The first chapter, when it is ToTA's unnumbered "Preamble" chapter and none of its articles has an
    /// article number.
    pub preamble: Option<Chapter>,
    /// The chapters of the treaty's body, in document order.
    pub chapters: Vec<Chapter>,
    /// The last chapter, when it is ToTA's unnumbered "Conclusion" chapter and none of its articles has an
    /// article number.
    pub conclusion: Option<Chapter>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chapter {
    pub number: Option<String>,
    pub name: Option<String>,
    pub articles: Vec<TotaArticle>,
    /// The XML line where the `<chapter>` element starts (0 when unknown).
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TotaArticle {
    pub number: Option<String>,
    pub name: Option<String>,
    pub text: String,
    /// The XML line where the `<article>` element starts (0 when unknown).
    pub line: usize,
    /// The XML line where the article's text starts (0 when unknown): line `text_line + k` of the file
    /// holds line `k` of [`TotaArticle::text`].
    pub text_line: usize,
}

impl Treaty {
    /// Starts an article from its `<article>` tag, in the current chapter (or an unnamed one).
    fn open_article(&mut self, tag: &BytesStart, line: usize) {
        if self.chapters.is_empty() {
            self.chapters.push(Chapter::default());
        }
        if let Some(chapter) = self.chapters.last_mut() {
            chapter.articles.push(TotaArticle {
                number: attribute(tag, b"number"),
                name: attribute(tag, b"name"),
                text: String::new(),
                line,
                text_line: line,
            });
        }
    }

    /// The articles of the body ([`Treaty::chapters`]): the articles pakta reads from the treaty.
    pub fn article_count(&self) -> usize {
        self.chapters.iter().map(|c| c.articles.len()).sum()
    }

    /// Every `<article>` element of the file: the body's, the preamble's and the conclusion's.
    pub fn xml_article_count(&self) -> usize {
        self.article_count()
            + [&self.preamble, &self.conclusion]
                .into_iter()
                .flatten()
                .map(|c| c.articles.len())
                .sum::<usize>()
    }

    /// Moves ToTA's "Preamble" and "Conclusion" chapters out of the body, when they are where a preamble
    /// and a closing stand (first and last) and hold no numbered article.
    fn set_apart_preamble_and_conclusion(&mut self) {
        let is = |chapter: &Chapter, name: &str| {
            chapter.number.is_none()
                && chapter
                    .name
                    .as_deref()
                    .is_some_and(|n| n.trim().eq_ignore_ascii_case(name))
                && chapter
                    .articles
                    .iter()
                    .all(|a| a.number.as_deref().and_then(article_number).is_none())
        };
        if self.chapters.len() >= 2 && is(&self.chapters[0], "preamble") {
            self.preamble = Some(self.chapters.remove(0));
        }
        if self.chapters.len() >= 2 && self.chapters.last().is_some_and(|c| is(c, "conclusion")) {
            self.conclusion = self.chapters.pop();
        }
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

/// Line numbers of byte offsets that only move forward: each newline is counted once.
struct Lines<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: usize,
}

impl Lines<'_> {
    /// The 1-based line of byte `offset` (at or after the last one asked for).
    fn at(&mut self, offset: u64) -> usize {
        let offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        if offset > self.offset {
            self.line += self.bytes[self.offset..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.offset = offset;
        }
        self.line
    }
}

/// Reads a ToTA XML file.
///
/// The file must be well-formed XML with a `<treaty>` root. quick-xml checks tags and end-tag names; what
/// it leaves to its caller is checked here: nothing but white space, comments and processing instructions
/// before or after the root element (text there means the file is not XML, as a Markdown file read with
/// `--from tota` is not), one root only, and every element closed when the input ends (a truncated file).
pub fn read(xml: &str) -> Result<Treaty, TotaError> {
    // quick-xml skips a byte-order mark without counting it; dropping it here keeps its offsets this
    // text's, for line numbers.
    let xml = xml.strip_prefix('\u{feff}').unwrap_or(xml);
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut lines = Lines {
        bytes: xml.as_bytes(),
        offset: 0,
        line: 1,
    };
    let mut treaty = Treaty::default();
    // The open elements, innermost last, each with the line its start tag is on.
    let mut path: Vec<(String, usize)> = Vec::new();
    // The root element, once its end tag has been read: only white space and comments may follow.
    let mut closed_root: Option<String> = None;
    let mut text = String::new();
    // The line where the text being collected starts, and where the open element starts.
    let mut text_line = 0;
    let mut element_line = 0;
    let error = |offset: u64, message: String| {
        let (line, column) = crate::xml::line_col(xml, offset);
        TotaError::Xml {
            line,
            column,
            message,
        }
    };
    // Text, a reference or a CDATA section at byte `offset`, outside the root element.
    let outside = |offset: u64, closed_root: &Option<String>| {
        let found = crate::xml::excerpt(xml, usize::try_from(offset).unwrap_or(usize::MAX));
        let message = match closed_root {
            None => format!(
                "text before the root element (\u{201c}{found}\u{201d}): this is not XML; ToTA treaty XML starts with <?xml \u{2026}?> or <treaty>"
            ),
            Some(root) => format!(
                "text after the end of the root element <{root}> (\u{201c}{found}\u{201d}): not well-formed XML"
            ),
        };
        error(offset, message)
    };
    loop {
        let before = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| error(reader.error_position(), e.to_string()))?;
        match event {
            Event::DocType(_) => return Err(TotaError::DocType),
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if path.is_empty() {
                    if let Some(root) = &closed_root {
                        return Err(error(before, second_root(&name, root)));
                    }
                    if name != "treaty" {
                        return Err(TotaError::NotTota(name));
                    }
                }
                let line = lines.at(before);
                match name.as_str() {
                    "chapter" => treaty.chapters.push(Chapter {
                        number: attribute(&e, b"number"),
                        name: attribute(&e, b"name"),
                        articles: Vec::new(),
                        line,
                    }),
                    "article" => treaty.open_article(&e, line),
                    _ => {}
                }
                path.push((name, line));
                text.clear();
                element_line = line;
            }
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if path.is_empty() {
                    if let Some(root) = &closed_root {
                        return Err(error(before, second_root(&name, root)));
                    }
                    if name != "treaty" {
                        return Err(TotaError::NotTota(name));
                    }
                    // `<treaty/>`: well-formed, and a treaty with nothing in it.
                    closed_root = Some(name);
                    continue;
                }
                if name == "article" {
                    treaty.open_article(&e, lines.at(before));
                }
            }
            Event::Text(t) => {
                if path.is_empty() {
                    // White space between the prolog's parts and after the root is not the treaty's.
                    if let Some(at) = crate::xml::first_non_space(&t) {
                        return Err(outside(before + at as u64, &closed_root));
                    }
                    continue;
                }
                let content = t
                    .xml10_content()
                    .map_err(|e| error(before, e.to_string()))?;
                if text.is_empty() {
                    text_line = lines.at(before);
                }
                text.push_str(&content);
            }
            Event::CData(t) => {
                if path.is_empty() {
                    return Err(outside(before, &closed_root));
                }
                if text.is_empty() {
                    text_line = lines.at(before);
                }
                text.push_str(&String::from_utf8_lossy(&t));
            }
            Event::GeneralRef(r) => {
                if path.is_empty() {
                    return Err(outside(before, &closed_root));
                }
                if text.is_empty() {
                    text_line = lines.at(before);
                }
                text.push_str(&crate::xml::resolve(&r).map_err(|message| error(before, message))?);
            }
            Event::End(e) => {
                // quick-xml refuses an end tag that no start tag opened; should one get through, it is
                // an error here too, never the end of the treaty.
                let Some((name, _)) = path.pop() else {
                    let tag = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                    return Err(error(
                        before,
                        format!("close tag </{tag}> does not match any open tag"),
                    ));
                };
                if path.is_empty() {
                    closed_root = Some(name.clone());
                }
                let value = std::mem::take(&mut text);
                let parents: Vec<&str> = path.iter().map(|(p, _)| p.as_str()).collect();
                treaty.close_element(&name, value, &parents, (text_line, element_line));
            }
            Event::Eof => {
                // The end of the last thing written, not of trailing line breaks: where an editor shows
                // the file stopping.
                let end = xml.trim_end().len() as u64;
                if let Some((name, line)) = path.last() {
                    return Err(error(end, unclosed(name, *line, path.len() - 1)));
                }
                if closed_root.is_none() {
                    return Err(error(
                        end,
                        "no root element: the file holds no <treaty>; it is not ToTA treaty XML"
                            .to_string(),
                    ));
                }
                break;
            }
            _ => {}
        }
    }
    treaty.set_apart_preamble_and_conclusion();
    Ok(treaty)
}

impl Treaty {
    /// Keeps what an element that just closed holds: an article's text, a metadata field, a party.
    /// `parents` are the elements still open around it, outermost first; `lines` are where the text
    /// and the element start.
    fn close_element(
        &mut self,
        name: &str,
        value: String,
        parents: &[&str],
        (text_line, element_line): (usize, usize),
    ) {
        let inside_meta = parents.contains(&"meta");
        let clean = value.trim().to_string();
        let set = |field: &mut Option<String>| {
            if !clean.is_empty() {
                *field = Some(clean.clone());
            }
        };
        match name {
            "article" => {
                if let Some(article) = self.chapters.last_mut().and_then(|c| c.articles.last_mut())
                {
                    if !value.is_empty() {
                        article.text_line = text_line;
                    }
                    article.text = value;
                }
            }
            "name" if inside_meta && parents.len() == 2 => {
                set(&mut self.name);
                self.name_line = element_line;
            }
            "date_signed" if inside_meta => set(&mut self.date_signed),
            "date_into_force" if inside_meta => set(&mut self.date_into_force),
            "status" if inside_meta => set(&mut self.status),
            "type" if inside_meta => set(&mut self.kind),
            "language" if inside_meta => set(&mut self.language),
            "treaty_identifier" if inside_meta => set(&mut self.identifier),
            "wto_rta_id" if inside_meta => set(&mut self.wto_rta_id),
            "partyisocode" if parents.last() == Some(&"parties") && !clean.is_empty() => {
                self.parties.push(clean);
            }
            _ => {}
        }
    }
}

/// The message for an element that follows the root element: XML has one root.
fn second_root(name: &str, root: &str) -> String {
    format!("element <{name}> after the end of the root element <{root}>: not well-formed XML")
}

/// The message for input that ends inside element `name` (opened at `line`), which `around` more open
/// elements enclose: what a download cut short looks like.
fn unclosed(name: &str, line: usize, around: usize) -> String {
    let more = match around {
        0 => String::new(),
        1 => " and 1 more open element".to_string(),
        n => format!(" and {n} more open elements"),
    };
    format!(
        "the file ends inside <{name}> (opened at line {line}){more}: it is truncated or not well-formed XML"
    )
}

/// The number of an article heading: "ARTICLE 1.1" → "1.1", "Art. 5" → "5".
fn article_number(number: &str) -> Option<String> {
    let trimmed = number.trim();
    let lower = trimmed.to_lowercase();
    // "ARTICLES 7.3" is a typist's plural.
    let rest = ["articles", "article", "art."]
        .iter()
        .find_map(|word| {
            lower
                .starts_with(word)
                .then(|| trimmed[word.len()..].trim())
        })
        .unwrap_or(trimmed);
    let rest = rest.trim_end_matches(['.', ':']).trim();
    // "140 (A)": an article inserted after 140, which the parser reads as 140A.
    let inserted = rest.split_once(" (").and_then(|(number, letter)| {
        let letter = letter.strip_suffix(')')?;
        (letter.chars().count() == 1 && letter.chars().all(char::is_alphabetic))
            .then(|| format!("{number}{letter}"))
    });
    let rest = inserted.as_deref().unwrap_or(rest);
    // The parser decides what an article number is; a number it would not read is not used.
    pakta_core::numbering::ArticleNumber::parse(rest).map(|_| rest.to_string())
}

/// Paragraphs of an article's text as written, each with the line of the text it starts on (0-based):
/// blank lines separate them; layout line breaks inside are joined with a space.
fn raw_paragraphs(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut first = 0;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push((first, current.join(" ")));
                current.clear();
            }
        } else {
            if current.is_empty() {
                first = n;
            }
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push((first, current.join(" ")));
    }
    out
}

/// The Markdown paragraphs of an article's text, each with the XML line it starts on. A paragraph that
/// looks like an article heading stays text: ToTA's article boundaries are the source's.
fn paragraphs(article: &TotaArticle) -> Vec<(Option<Origin>, String)> {
    raw_paragraphs(&article.text)
        .into_iter()
        .map(|(k, p)| {
            let origin = (article.text_line > 0).then_some(Origin::Line(article.text_line + k));
            (origin, body_paragraph(&p))
        })
        .filter(|(_, p)| !p.is_empty())
        .collect()
}

/// A line of the XML file, when it is known.
fn at(line: usize) -> Option<Origin> {
    (line > 0).then_some(Origin::Line(line))
}

/// The paragraphs of a chapter's articles, each with the XML line it starts on.
fn chapter_paragraphs(chapter: &Chapter) -> Vec<(Option<Origin>, String)> {
    chapter.articles.iter().flat_map(paragraphs).collect()
}

/// Markdown for a treaty; `source` names the file it came from, for the provenance note in the front
/// matter (and for the title when the treaty has no name). An empty `source` names no file anywhere, so
/// two files with the same content import to the same Markdown.
pub fn markdown(treaty: &Treaty, source: &str) -> String {
    import(treaty, source).markdown
}

/// [`markdown`] with the XML line each Markdown line came from: for a heading, the line of its
/// `<chapter>` or `<article>` tag (the title: the `<name>` element's); for text, the line of the text node
/// where the paragraph starts. The front matter and blank lines have none.
///
/// The treaty's [`Treaty::preamble`] is written as plain paragraphs between the title and the first
/// heading, which pakta reads as the preamble; its [`Treaty::conclusion`] as plain paragraphs after the last
/// article, which pakta reads as the closing formula and signature block because the first opens with a
/// testimonium ("IN WITNESS WHEREOF", "Done at …"). A conclusion that does not, or that no article
/// precedes, gets a `## Signatures` heading first (pakta's word for a closing block); no treaty of the
/// shared corpus needs it.
pub fn import(treaty: &Treaty, source: &str) -> Imported {
    let mut w = Writer::default();
    let title = treaty.name.clone().unwrap_or_else(|| source.to_string());
    let title_at = if treaty.name.is_some() {
        at(treaty.name_line)
    } else {
        None
    };
    w.line("---", None);
    if !title.is_empty() {
        w.line(&format!("title: {}", yaml_string(&title)), None);
    }
    if !treaty.parties.is_empty() {
        w.line("parties:", None);
        for party in &treaty.parties {
            w.line(&format!("  - name: {}", yaml_string(party)), None);
        }
    }
    if let Some(date) = &treaty.date_signed {
        w.line(&format!("signed:\n  date: {}", yaml_string(date)), None);
    }
    let language = treaty.language.as_deref().unwrap_or("en");
    w.line(&format!("language: {}", yaml_string(language)), None);
    if let Some(status) = &treaty.status {
        w.line(&format!("status: {}", yaml_string(status)), None);
    }
    let mut provenance: Vec<String> = Vec::new();
    if !source.is_empty() {
        provenance.push(source.to_string());
    }
    if let Some(id) = &treaty.identifier {
        provenance.push(format!("treaty {id}"));
    }
    if let Some(id) = &treaty.wto_rta_id {
        provenance.push(format!("WTO RTA {id}"));
    }
    let mut note = String::from("Imported by pakta from ToTA");
    if !provenance.is_empty() {
        let _ = write!(note, " ({})", provenance.join(", "));
    }
    if let Some(kind) = &treaty.kind {
        let _ = write!(note, "; {kind}");
    }
    if let Some(date) = &treaty.date_into_force {
        let _ = write!(note, "; in force {date}");
    }
    w.line(&format!("note: {}", yaml_string(&note)), None);
    w.line("---", None);
    w.blank();
    if !title.is_empty() {
        w.block(&format!("# {}", paragraph(&title)), title_at);
    }

    // The preamble: text before any heading.
    if let Some(preamble) = &treaty.preamble {
        for (origin, p) in chapter_paragraphs(preamble) {
            w.block(&p, origin);
        }
    }

    // Articles without a number pakta can read (OCR damage such as "S 7.3") are numbered 0.1, 0.2 … and
    // say so in their heading, so every XML article stays one article and none takes a real article's
    // number.
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
            w.block(&format!("## {heading}"), at(chapter.line));
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
            w.block(&format!("### Article {number}{name}"), at(article.line));
            for (origin, p) in paragraphs(article) {
                w.block(&p, origin);
            }
        }
    }

    // The closing formula and signature block: text after the last article.
    if let Some(conclusion) = &treaty.conclusion {
        let closing = chapter_paragraphs(conclusion);
        let first_is_formula = conclusion
            .articles
            .iter()
            .flat_map(|a| raw_paragraphs(&a.text))
            .find(|(_, p)| !p.trim().is_empty())
            .is_some_and(|(_, p)| pakta_core::heading::is_closing_formula(&p));
        let read_as_closing = first_is_formula && treaty.article_count() > 0;
        if !closing.is_empty() && !read_as_closing {
            w.block("## Signatures", at(conclusion.line));
        }
        for (origin, p) in closing {
            w.block(&p, origin);
        }
    }
    w.finish()
}
