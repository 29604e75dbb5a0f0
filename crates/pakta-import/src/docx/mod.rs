//! Reading a .docx: the paragraphs of `word/document.xml` with their styles, numbering levels and text,
//! with tracked changes accepted or rejected — Word's own semantics, including deleted paragraph marks
//! that join a paragraph to the next. Each paragraph keeps its number in the document
//! ([`DocxParagraph::number`]), and [`import`] gives each Markdown line the paragraph it came from.
//!
//! Footnotes and endnotes (`word/footnotes.xml`, `word/endnotes.xml`) are agreement text too: a changed
//! footnote is a changed agreement. They are read the way the body is, and [`import`] writes them as
//! Markdown footnotes. Of the alternatives of `mc:AlternateContent` (a text box stored twice) one is read
//! when they give the same text, as Word shows only one (`PartReader::end_alternative` says why both are
//! read when they do not). A text box's paragraphs are read apart from the paragraph they sit in, which
//! keeps its own text.
//!
//! A .docx is untrusted input. Each part is read through a size cap (a zip bomb stops at the cap, not
//! at the end of memory), and a document type declaration is refused outright, so no entity can expand.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

use crate::origin::{Imported, Origin, Writer};

mod embedded;
mod markdown;
mod styles;
pub(crate) mod symbols;

pub use markdown::{import, markdown};

/// Which text of a document with tracked changes to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changes {
    /// As if every change were accepted (the proposed text).
    Accept,
    /// As if every change were rejected (the text before the changes).
    Reject,
}

/// Where a table paragraph sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// The table's index in the document (0-based), its row and its cell.
    pub table: usize,
    pub row: usize,
    pub cell: usize,
}

/// A footnote or an endnote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteKind {
    /// A note of `word/footnotes.xml`, referred to by `w:footnoteReference`.
    Footnote,
    /// A note of `word/endnotes.xml`, referred to by `w:endnoteReference`.
    Endnote,
}

/// A reference to a note: the note's kind and its `w:id`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NoteRef {
    pub kind: NoteKind,
    pub id: String,
}

/// One footnote or endnote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxNote {
    pub kind: NoteKind,
    /// The note's `w:id`, which the body's references name.
    pub id: String,
    /// The note's text, read as the body is (tracked changes chosen the same way); its paragraphs are
    /// separated by newlines.
    pub text: String,
}

/// One paragraph of the document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocxParagraph {
    /// The paragraph style id (`Heading1`, `Title`, `ListParagraph`).
    pub style: Option<String>,
    /// The Markdown heading level of a heading paragraph: its style is a heading by id or name ("heading
    /// 1", "Title"), by outline level, or by the style it is based on.
    pub heading: Option<usize>,
    /// The numbering level (`w:ilvl`) when the paragraph is in a numbered or bulleted list.
    pub list_level: Option<u32>,
    /// The list instance (`w:numId`) of a numbered or bulleted paragraph.
    pub num_id: Option<String>,
    /// The label Word shows before an auto-numbered paragraph ("1.", "(a)"), from `word/numbering.xml`;
    /// `None` for bullets and paragraphs outside a list.
    pub label: Option<String>,
    pub text: String,
    /// The notes the paragraph refers to, in order: where each reference stands in `text` (a byte
    /// offset) and the note it names. The text itself holds no mark of them.
    pub notes: Vec<(usize, NoteRef)>,
    pub cell: Option<Cell>,
    /// Where the paragraph is in the document body, from 1: every `w:p` of `word/document.xml` counts, in
    /// document order, as Word shows them with all markup (empty paragraphs, those in table cells, and
    /// those a tracked change inserts or deletes). A paragraph joined to the next by a deleted (or, with
    /// [`Changes::Reject`], inserted) paragraph mark keeps the number of the paragraph it starts in.
    pub number: usize,
}

/// The text of a .docx.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocxText {
    pub paragraphs: Vec<DocxParagraph>,
    /// The footnotes, then the endnotes, in the order of their parts; Word's separator pseudo-notes
    /// (the rule above the notes and its continuation) are not notes and are left out.
    pub notes: Vec<DocxNote>,
    /// Tracked insertions and deletions in the file (each `w:ins`/`w:del`, paragraph marks included),
    /// in the body and in the notes.
    pub insertions: usize,
    pub deletions: usize,
    /// Embedded documents (`w:altChunk`: RTF or another .docx that Word merges when it opens the file)
    /// that could not be read: their text is neither imported nor compared. HTML chunks are read.
    pub embedded: usize,
    /// Runs of hidden text (`w:vanish`): Word neither shows nor prints them, so they are not read; a
    /// "not" hidden in one draft is a "not" the page does not say.
    pub hidden: usize,
    /// Runs struck through by hand (`w:strike`, `w:dstrike`), outside tracked changes: read as ordinary
    /// text, though a counter-draft may mean them as proposed deletions.
    pub struck: usize,
    /// The text of the page headers and footers (`word/header*.xml`, `word/footer*.xml`), each distinct
    /// paragraph once, in part order, page numbers left out: "DRAFT — without prejudice" that became
    /// "AGREED TEXT" changes what a delegation signs off.
    pub headers: Vec<String>,
    pub footers: Vec<String>,
    /// Where each embedded document stands (an index into `paragraphs`) and its relationship id.
    chunks: Vec<(usize, String)>,
}

/// Why a .docx could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReadError {
    #[error("not a Word document (not a zip archive: {0})")]
    NotZip(String),
    #[error("not a Word document (no word/document.xml)")]
    NoDocument,
    #[error(
        "word/document.xml is larger than {limit} bytes uncompressed; refusing it as a possible zip bomb"
    )]
    TooLarge { limit: u64 },
    #[error("word/document.xml, byte {offset}: {message}")]
    Xml { offset: u64, message: String },
    #[error("word/document.xml declares a document type; refused (entity expansion)")]
    DocType,
    /// The document has no text at all: an empty Word file is an empty input, as an empty text file is.
    #[error("the Word document holds no text")]
    NoText,
    /// A part beside the main document (the footnotes, the endnotes, the list numbering) could not be
    /// read. The variants above are about `word/document.xml`; this one names its part, for the same
    /// reasons.
    #[error("{part}: {problem}")]
    Part { part: String, problem: String },
}

impl ReadError {
    /// The error as it is about `part` rather than `word/document.xml`: a corrupt footnotes part must
    /// say so, not blame the main document.
    fn in_part(self, part: &str) -> ReadError {
        let problem = match self {
            ReadError::TooLarge { limit } => format!(
                "larger than {limit} bytes uncompressed; refusing it as a possible zip bomb"
            ),
            ReadError::Xml { offset, message } => format!("byte {offset}: {message}"),
            ReadError::DocType => "declares a document type; refused (entity expansion)".into(),
            ReadError::NotZip(message) => format!("cannot be unpacked ({message})"),
            ReadError::NoDocument => "missing".into(),
            ReadError::NoText => "holds no text".into(),
            already @ ReadError::Part { .. } => return already,
        };
        ReadError::Part {
            part: part.to_string(),
            problem,
        }
    }
}

/// The most uncompressed XML pakta reads from one .docx part: 256 MiB, far beyond any real agreement.
pub const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// The parts that hold notes, with the kind of note each holds. Word, LibreOffice, Google Docs and
/// pandoc all write them under these names, as they write the main part as `word/document.xml`.
const NOTE_PARTS: [(&str, NoteKind); 2] = [
    ("word/footnotes.xml", NoteKind::Footnote),
    ("word/endnotes.xml", NoteKind::Endnote),
];

/// Reads the main document part of a .docx, its list numbering and its notes.
pub fn read(bytes: &[u8], changes: Changes) -> Result<DocxText, ReadError> {
    read_with_limit(bytes, changes, MAX_PART_BYTES)
}

/// [`read`] with a different size cap (for tests of the cap).
pub fn read_with_limit(bytes: &[u8], changes: Changes, limit: u64) -> Result<DocxText, ReadError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::NotZip(e.to_string()))?;
    let xml = read_part(&mut archive, "word/document.xml", limit)?.ok_or(ReadError::NoDocument)?;
    let mut document = parse_document(&xml, changes)?;
    // A paragraph style may number its paragraphs (a heading template's "Article %1"): a paragraph with
    // no numbering of its own takes its style's.
    const STYLES: &str = "word/styles.xml";
    let styles = read_part(&mut archive, STYLES, limit)
        .map_err(|e| e.in_part(STYLES))?
        .map(|xml| styles::Styles::parse(&xml))
        .unwrap_or_default();
    for p in &mut document.paragraphs {
        let Some(style) = p.style.as_deref() else {
            continue;
        };
        p.heading = styles.heading_level(style);
        if p.num_id.is_none()
            && let Some((num_id, level)) = styles.numbering(style)
        {
            p.num_id = Some(num_id);
            p.list_level = Some(level);
        }
    }
    read_embedded(&mut archive, &mut document, limit)?;
    // The numbers of auto-numbered paragraphs live in their own part; a document without it has none.
    const NUMBERING: &str = "word/numbering.xml";
    let numbering = read_part(&mut archive, NUMBERING, limit).map_err(|e| e.in_part(NUMBERING))?;
    if let Some(numbering) = numbering {
        let numbering = crate::numbering::Numbering::parse(&numbering);
        let lists: Vec<(Option<&str>, usize)> = document
            .paragraphs
            .iter()
            .map(|p| (p.num_id.as_deref(), p.list_level.unwrap_or(0) as usize))
            .collect();
        let labels = numbering.labels(&lists);
        for (p, label) in document.paragraphs.iter_mut().zip(labels) {
            p.label = label;
        }
    }
    for (part, kind) in NOTE_PARTS {
        let Some(xml) = read_part(&mut archive, part, limit).map_err(|e| e.in_part(part))? else {
            continue;
        };
        let notes = parse_notes(&xml, changes, kind).map_err(|e| e.in_part(part))?;
        document.notes.extend(notes.notes);
        document.insertions += notes.insertions;
        document.deletions += notes.deletions;
    }
    let (headers, footers) = page_furniture(&mut archive, changes, limit)?;
    document.headers = headers;
    document.footers = footers;
    let blank = |text: &str| text.trim().is_empty();
    if document.paragraphs.iter().all(|p| blank(&p.text))
        && document.notes.is_empty()
        && document.embedded == 0
        && document.insertions + document.deletions == 0
    {
        return Err(ReadError::NoText);
    }
    Ok(document)
}

/// The distinct paragraphs of the page headers and of the page footers, in part order. A paragraph that
/// is only a page number ("Page 3 of 12", *Halaman 3 dari 12*, "- 3 -") is left out: it differs between
/// two drafts of different length without anything in the agreement changing.
fn page_furniture<R: std::io::Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    changes: Changes,
    limit: u64,
) -> Result<(Vec<String>, Vec<String>), ReadError> {
    let mut names: Vec<String> = archive
        .file_names()
        .filter(|n| {
            (n.starts_with("word/header") || n.starts_with("word/footer")) && n.ends_with(".xml")
        })
        .map(str::to_string)
        .collect();
    // header1, header2 … header10 in their number's order.
    names.sort_by_key(|n| {
        let digits: String = n.chars().filter(char::is_ascii_digit).collect();
        (n.contains("footer"), digits.parse::<u32>().unwrap_or(0))
    });
    let (mut headers, mut footers) = (Vec::new(), Vec::new());
    for name in names {
        let Some(xml) = read_part(archive, &name, limit).map_err(|e| e.in_part(&name))? else {
            continue;
        };
        let part = parse_document(&xml, changes).map_err(|e| e.in_part(&name))?;
        let list = if name.contains("footer") {
            &mut footers
        } else {
            &mut headers
        };
        for p in part.paragraphs {
            let text = pakta_core::text::collapse_whitespace(&p.text);
            if !page_number(&text) && !list.contains(&text) {
                list.push(text);
            }
        }
    }
    Ok((headers, footers))
}

/// Whether a header or footer paragraph says nothing but a page number.
fn page_number(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w.to_lowercase().as_str(),
                    "page" | "of" | "halaman" | "dari" | "hal" | "p"
                )
        })
}

/// Reads the HTML documents embedded with `w:altChunk` into paragraphs where they stand, and counts the
/// others in [`DocxText::embedded`].
fn read_embedded<R: std::io::Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    document: &mut DocxText,
    limit: u64,
) -> Result<(), ReadError> {
    if document.chunks.is_empty() {
        return Ok(());
    }
    const RELATIONSHIPS: &str = "word/_rels/document.xml.rels";
    let targets = read_part(archive, RELATIONSHIPS, limit)
        .map_err(|e| e.in_part(RELATIONSHIPS))?
        .map(|xml| embedded::targets(&xml))
        .unwrap_or_default();
    // From the last, so that the places of the earlier ones stay right.
    for (at, id) in std::mem::take(&mut document.chunks).into_iter().rev() {
        let name = targets.get(&id).map(|t| embedded::part_name(t));
        let html = match name.filter(|n| embedded::is_html(n)) {
            Some(name) => read_part(archive, &name, limit)
                .map_err(|e| e.in_part("an embedded document (altChunk)"))?,
            None => None,
        };
        match html {
            Some(bytes) => {
                let at = at.min(document.paragraphs.len());
                document
                    .paragraphs
                    .splice(at..at, embedded::html_paragraphs(&bytes));
            }
            None => document.embedded += 1,
        }
    }
    Ok(())
}

/// One part of the archive, read through the size cap; `None` when the archive has no such part. A part
/// that is there but cannot be opened (an unsupported compression, encryption) is an error, not an
/// absent part: leaving out its text would hide it.
fn read_part<R: std::io::Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, ReadError> {
    let part = match archive.by_name(name) {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ReadError::NotZip(e.to_string())),
    };
    let mut xml = Vec::new();
    part.take(limit + 1)
        .read_to_end(&mut xml)
        .map_err(|e| ReadError::NotZip(e.to_string()))?;
    if xml.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(Some(xml))
}

/// The value of the attribute whose local name is `name` (`w:val`, `w:id`, `w:type`).
fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn val(e: &BytesStart) -> Option<String> {
    attr(e, b"val")
}

#[derive(Default)]
struct State {
    /// Depth of content inside `w:ins`/`w:moveTo` and `w:del`/`w:moveFrom`.
    inserted: usize,
    deleted: usize,
    in_ppr: bool,
    in_ppr_rpr: bool,
    in_ppr_change: usize,
    in_text: bool,
    /// Inside a run's own properties (`w:r/w:rPr`), and whether they hide the run.
    in_run_rpr: bool,
    run_hidden: bool,
    /// The run is struck through by hand, and whether its "~~" mark has been written.
    run_struck: bool,
    strike_open: bool,
    /// Inside a tracked change of run properties (`w:rPrChange`), which holds the properties before it.
    in_rpr_change: usize,
    /// Inside a table row's properties (`w:trPr`), where `w:ins`/`w:del` mark the whole row as inserted
    /// or deleted.
    in_trpr: bool,
    /// The table depth of a row that the changes being read remove: its paragraphs are not read.
    row_removed: Option<usize>,
    mark_inserted: bool,
    mark_deleted: bool,
    table_depth: usize,
    tables: usize,
    cell: Option<Cell>,
    /// Paragraphs seen so far (`w:p` elements).
    paragraphs: usize,
}

/// Parses `word/document.xml`.
pub fn parse_document(xml: &[u8], changes: Changes) -> Result<DocxText, ReadError> {
    parse_part(xml, changes, None)
}

/// Parses a notes part (`word/footnotes.xml` for [`NoteKind::Footnote`], `word/endnotes.xml` for
/// [`NoteKind::Endnote`]): each note's text, read as the body's paragraphs are, in [`DocxText::notes`]
/// (its paragraphs are left empty). Errors speak of `word/document.xml`; [`read`] names the part.
pub fn parse_notes(xml: &[u8], changes: Changes, kind: NoteKind) -> Result<DocxText, ReadError> {
    parse_part(xml, changes, Some(kind))
}

/// Reads the paragraphs of a part; of a notes part (`notes` names the kind of its notes), the notes.
fn parse_part(
    xml: &[u8],
    changes: Changes,
    notes: Option<NoteKind>,
) -> Result<DocxText, ReadError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut part = PartReader::new(changes, notes);
    let mut buf = Vec::new();
    let mut skipped = Vec::new();
    let xml_error = |reader: &quick_xml::Reader<&[u8]>, message: String| ReadError::Xml {
        offset: reader.buffer_position(),
        message,
    };
    // Elements open at the end of the part: a part cut off by a broken download or an interrupted save
    // ends inside its body, and reading what came before as the whole text would hide the rest.
    let mut open = 0usize;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(&reader, e.to_string()))?;
        match event {
            Event::DocType(_) => return Err(ReadError::DocType),
            Event::Start(e) => match part.start(&e) {
                Element::Read => open += 1,
                Element::Skip => {
                    // The whole element goes unread: its end tag included, so no end handler runs.
                    let name = e.name().as_ref().to_vec();
                    reader
                        .read_to_end_into(QName(&name), &mut skipped)
                        .map_err(|e| xml_error(&reader, e.to_string()))?;
                    skipped.clear();
                }
            },
            Event::Empty(e) => part.empty(&e),
            Event::Text(t) if part.reading_text() => {
                let text = t
                    .xml10_content()
                    .map_err(|e| xml_error(&reader, e.to_string()))?;
                part.push(&text);
            }
            Event::GeneralRef(r) if part.reading_text() => {
                let text =
                    crate::xml::resolve(&r).map_err(|message| xml_error(&reader, message))?;
                part.push(&text);
            }
            Event::End(e) => {
                open = open.saturating_sub(1);
                part.end(e.local_name().as_ref());
            }
            Event::Eof if open > 0 => {
                return Err(xml_error(
                    &reader,
                    format!(
                        "the part ends inside {open} open element(s): the file is cut off or damaged"
                    ),
                ));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(part.finish())
}

/// What to do with an element just opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element {
    Read,
    /// Skip it and everything in it: a separator pseudo-note.
    Skip,
}

/// A paragraph being read, with what its own mark says about tracked changes.
#[derive(Default)]
struct OpenParagraph {
    paragraph: DocxParagraph,
    mark_inserted: bool,
    mark_deleted: bool,
}

/// An open `mc:AlternateContent`: what its first alternative read, and where the one being read began.
#[derive(Default)]
struct Alternates {
    first: Option<String>,
    at: Option<Snapshot>,
}

/// Where reading stood when an alternative began.
#[derive(Debug, Clone, Copy)]
struct Snapshot {
    /// Paragraphs read and paragraphs counted.
    paragraphs: usize,
    counted: usize,
    /// The current paragraph's text length and note references.
    text: usize,
    notes: usize,
    insertions: usize,
    deletions: usize,
}

/// The reader of one part's events, element by element.
struct PartReader {
    changes: Changes,
    /// The kind of notes the part holds; `None` for the main document, which holds none.
    notes: Option<NoteKind>,
    state: State,
    out: DocxText,
    current: DocxParagraph,
    /// Paragraphs the current one sits inside: a text box's paragraphs are inside a run of a paragraph
    /// of the body, and the text that paragraph has before the text box must not be lost.
    outer: Vec<OpenParagraph>,
    /// Text (and note references) carried from a paragraph whose mark the chosen side removes, and that
    /// paragraph's number.
    carried: DocxParagraph,
    carried_number: Option<usize>,
    /// The note being read (in a notes part): its id and its first paragraph in `out.paragraphs`.
    note: Option<(String, usize)>,
    /// The open `mc:AlternateContent` elements, innermost last.
    alternates: Vec<Alternates>,
    /// How many paragraphs are open (more than one inside a text box).
    open: usize,
}

impl PartReader {
    fn new(changes: Changes, notes: Option<NoteKind>) -> Self {
        PartReader {
            changes,
            notes,
            state: State::default(),
            out: DocxText::default(),
            current: DocxParagraph::default(),
            outer: Vec::new(),
            carried: DocxParagraph::default(),
            carried_number: None,
            note: None,
            alternates: Vec::new(),
            open: 0,
        }
    }

    /// Whether the content at this point is on the side of the tracked changes not being read.
    fn skipping(&self) -> bool {
        match self.changes {
            Changes::Accept => self.state.deleted > 0,
            Changes::Reject => self.state.inserted > 0,
        }
    }

    fn reading_text(&self) -> bool {
        self.state.in_text && !self.state.run_hidden && !self.skipping()
    }

    /// A run's `w:vanish`: the run is hidden unless the property is switched off (`w:val="0"`), and a
    /// hidden run on the side of the changes being read is counted.
    fn hide(&mut self, e: &BytesStart) {
        let on = !matches!(val(e).as_deref(), Some("0" | "false" | "off"));
        self.state.run_hidden = on;
        if on && !self.skipping() {
            self.out.hidden += 1;
        }
    }

    /// A run's `w:strike` or `w:dstrike`, unless switched off, counted once on the side being read.
    fn strike(&mut self, e: &BytesStart) {
        let on = !matches!(val(e).as_deref(), Some("0" | "false" | "off"));
        self.state.run_struck = on;
        if on && !self.skipping() {
            self.out.struck += 1;
        }
    }

    /// Adds text to the current paragraph. Text struck through by hand is marked, and written "~~…~~" as
    /// Markdown strikes text through, so that a clause struck through in a counter-draft is a difference.
    fn push(&mut self, text: &str) {
        if self.state.run_struck && !self.state.strike_open && !text.trim().is_empty() {
            self.current.text.push(crate::markdown::STRIKE_OPEN);
            self.state.strike_open = true;
        }
        self.current.text.push_str(text);
    }

    /// Closes the "~~" mark of a struck run at the run's end.
    fn end_run(&mut self) {
        if self.state.strike_open {
            self.current.text.push(crate::markdown::STRIKE_CLOSE);
        }
        self.state.run_hidden = false;
        self.state.run_struck = false;
        self.state.strike_open = false;
    }

    fn start(&mut self, e: &BytesStart) -> Element {
        let state = &mut self.state;
        match e.local_name().as_ref() {
            b"p" => self.open_paragraph(),
            b"pPr" => state.in_ppr = true,
            b"rPr" if state.in_ppr => state.in_ppr_rpr = true,
            b"rPr" => state.in_run_rpr = true,
            b"r" => {
                state.run_hidden = false;
                state.run_struck = false;
            }
            b"rPrChange" => state.in_rpr_change += 1,
            b"vanish" if state.in_run_rpr && state.in_rpr_change == 0 => self.hide(e),
            b"strike" | b"dstrike" if state.in_run_rpr && state.in_rpr_change == 0 => {
                self.strike(e)
            }
            b"pPrChange" => {
                state.in_ppr_change += 1;
                // A tracked change of the paragraph's properties (a heading restyled as body text) holds
                // the properties before it: rejected, those are the paragraph's, a style of none included.
                if self.changes == Changes::Reject {
                    let current = &mut self.current;
                    (current.style, current.heading) = (None, None);
                    (current.list_level, current.num_id) = (None, None);
                }
            }
            b"ins" | b"moveTo" if !state.in_ppr_rpr => {
                state.inserted += 1;
                self.out.insertions += 1;
            }
            b"del" | b"moveFrom" if !state.in_ppr_rpr => {
                state.deleted += 1;
                self.out.deletions += 1;
            }
            b"t" | b"delText" => state.in_text = true,
            b"tbl" => {
                state.table_depth += 1;
                if state.table_depth == 1 {
                    state.cell = Some(Cell {
                        table: state.tables,
                        row: 0,
                        cell: 0,
                    });
                    state.tables += 1;
                }
            }
            b"tr" if state.table_depth == 1 => {
                if let Some(c) = &mut state.cell {
                    c.cell = 0;
                }
            }
            b"trPr" => state.in_trpr = true,
            b"footnoteReference" | b"endnoteReference" => self.reference(e),
            b"footnote" | b"endnote" if self.notes.is_some() => return self.open_note(e),
            b"AlternateContent" => self.alternates.push(Alternates::default()),
            b"Choice" | b"Fallback" => self.begin_alternative(),
            _ => {}
        }
        Element::Read
    }

    fn empty(&mut self, e: &BytesStart) {
        let skipping = self.skipping();
        // Rejected, a tracked property change gives back the properties it holds.
        let reject = self.changes == Changes::Reject;
        let (state, current) = (&mut self.state, &mut self.current);
        let hidden = state.run_hidden;
        match e.local_name().as_ref() {
            // An empty paragraph (`<w:p/>`) has no text, but Word counts it.
            b"p" => state.paragraphs += 1,
            b"vanish" if state.in_run_rpr && state.in_rpr_change == 0 => self.hide(e),
            b"strike" | b"dstrike" if state.in_run_rpr && state.in_rpr_change == 0 => {
                self.strike(e)
            }
            b"pStyle" if state.in_ppr && (state.in_ppr_change == 0 || reject) => {
                current.style = val(e);
                current.heading = current.style.as_deref().and_then(heading_level);
            }
            b"ilvl" if state.in_ppr && (state.in_ppr_change == 0 || reject) => {
                current.list_level = val(e).and_then(|v| v.parse().ok());
            }
            b"numId" if state.in_ppr && (state.in_ppr_change == 0 || reject) => {
                current.num_id = val(e);
                if current.list_level.is_none() {
                    current.list_level = Some(0);
                }
            }
            b"ins" | b"del" if state.in_trpr => {
                let inserted = e.local_name().as_ref() == b"ins";
                if inserted {
                    self.out.insertions += 1;
                } else {
                    self.out.deletions += 1;
                }
                let removed = match self.changes {
                    Changes::Accept => !inserted,
                    Changes::Reject => inserted,
                };
                if removed && state.row_removed.is_none() {
                    state.row_removed = Some(state.table_depth);
                }
            }
            b"ins" if state.in_ppr_rpr => {
                state.mark_inserted = true;
                self.out.insertions += 1;
            }
            b"del" if state.in_ppr_rpr => {
                state.mark_deleted = true;
                self.out.deletions += 1;
            }
            b"altChunk" if !skipping => {
                let at = self.out.paragraphs.len();
                self.out
                    .chunks
                    .push((at, attr(e, b"id").unwrap_or_default()));
            }
            b"tab" if !state.in_ppr && !skipping && !hidden => self.push("\t"),
            b"br" | b"cr" if !skipping && !hidden => self.push("\n"),
            b"noBreakHyphen" if !skipping && !hidden => self.push("-"),
            b"sym" if !skipping && !hidden => {
                let symbol =
                    symbols::character(attr(e, b"font").as_deref(), attr(e, b"char").as_deref());
                self.push(&symbol);
            }
            b"footnoteReference" | b"endnoteReference" => self.reference(e),
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        let state = &mut self.state;
        match name {
            b"p" => self.close_paragraph(),
            b"pPr" => {
                state.in_ppr = false;
                state.in_ppr_rpr = false;
            }
            b"rPr" if state.in_ppr => state.in_ppr_rpr = false,
            b"rPr" if state.in_rpr_change == 0 => state.in_run_rpr = false,
            b"rPrChange" => state.in_rpr_change = state.in_rpr_change.saturating_sub(1),
            b"r" => self.end_run(),
            b"pPrChange" => state.in_ppr_change = state.in_ppr_change.saturating_sub(1),
            b"ins" | b"moveTo" if !state.in_ppr_rpr => {
                state.inserted = state.inserted.saturating_sub(1);
            }
            b"del" | b"moveFrom" if !state.in_ppr_rpr => {
                state.deleted = state.deleted.saturating_sub(1);
            }
            b"t" | b"delText" => state.in_text = false,
            b"tc" if state.table_depth == 1 => {
                if let Some(c) = &mut state.cell {
                    c.cell += 1;
                }
            }
            b"trPr" => state.in_trpr = false,
            b"tr" => {
                let removed = state.row_removed == Some(state.table_depth);
                if removed {
                    state.row_removed = None;
                }
                // A removed row takes no place in the table.
                if state.table_depth == 1
                    && !removed
                    && let Some(c) = &mut state.cell
                {
                    c.row += 1;
                }
            }
            b"tbl" => {
                state.table_depth = state.table_depth.saturating_sub(1);
                if state.table_depth == 0 {
                    state.cell = None;
                }
            }
            b"footnote" | b"endnote" if self.notes.is_some() => self.close_note(),
            b"Choice" | b"Fallback" => self.end_alternative(),
            b"AlternateContent" => {
                self.alternates.pop();
            }
            _ => {}
        }
    }

    fn open_paragraph(&mut self) {
        self.state.paragraphs += 1;
        let carried = std::mem::take(&mut self.carried);
        let opened = DocxParagraph {
            text: carried.text,
            notes: carried.notes,
            cell: self.state.cell,
            number: self.carried_number.take().unwrap_or(self.state.paragraphs),
            ..DocxParagraph::default()
        };
        let outer = std::mem::replace(&mut self.current, opened);
        // A paragraph opened inside another (in a text box) is read on its own; the outer one waits
        // for it, with its text so far.
        if self.open > 0 {
            self.outer.push(OpenParagraph {
                paragraph: outer,
                mark_inserted: self.state.mark_inserted,
                mark_deleted: self.state.mark_deleted,
            });
        }
        self.open += 1;
        self.state.mark_inserted = false;
        self.state.mark_deleted = false;
    }

    fn close_paragraph(&mut self) {
        let removed = match self.changes {
            Changes::Accept => self.state.mark_deleted,
            Changes::Reject => self.state.mark_inserted,
        };
        let mut closed = std::mem::take(&mut self.current);
        if self.state.row_removed.is_some() {
            // A paragraph of a table row the changes being read remove is not text of the document.
        } else if removed {
            let joins = !closed.text.is_empty() || !closed.notes.is_empty();
            self.carried_number = joins.then_some(closed.number);
            self.carried.text = std::mem::take(&mut closed.text);
            self.carried.notes = std::mem::take(&mut closed.notes);
        } else {
            self.out.paragraphs.push(closed);
        }
        self.open = self.open.saturating_sub(1);
        if let Some(outer) = self.outer.pop() {
            self.current = outer.paragraph;
            self.state.mark_inserted = outer.mark_inserted;
            self.state.mark_deleted = outer.mark_deleted;
        }
    }

    /// A `w:footnoteReference` or `w:endnoteReference`: the note is referred to here, unless the
    /// reference is on the side of a tracked change not being read.
    fn reference(&mut self, e: &BytesStart) {
        if self.skipping() {
            return;
        }
        let kind = match e.local_name().as_ref() {
            b"endnoteReference" => NoteKind::Endnote,
            _ => NoteKind::Footnote,
        };
        let id = attr(e, b"id").unwrap_or_default();
        let at = self.current.text.len();
        self.current.notes.push((at, NoteRef { kind, id }));
    }

    /// A `w:footnote` or `w:endnote` of a notes part. Word's separator, continuation separator and
    /// continuation notice are pseudo-notes (the rule above the notes, and what is printed where notes
    /// run on to the next page), not text of the agreement.
    fn open_note(&mut self, e: &BytesStart) -> Element {
        let kind = attr(e, b"type").unwrap_or_default();
        if matches!(
            kind.as_str(),
            "separator" | "continuationSeparator" | "continuationNotice"
        ) {
            return Element::Skip;
        }
        let id = attr(e, b"id").unwrap_or_default();
        self.note = Some((id, self.out.paragraphs.len()));
        Element::Read
    }

    /// The end of a note: its paragraphs become its text.
    fn close_note(&mut self) {
        let (Some(kind), Some((id, first))) = (self.notes, self.note.take()) else {
            return;
        };
        let mut texts: Vec<String> = self
            .out
            .paragraphs
            .drain(first.min(self.out.paragraphs.len())..)
            .map(|p| p.text)
            .collect();
        // A note's last paragraph mark, deleted, has no next paragraph in the note to join.
        if !self.carried.text.is_empty() {
            texts.push(std::mem::take(&mut self.carried.text));
        }
        self.carried = DocxParagraph::default();
        self.carried_number = None;
        self.out.notes.push(DocxNote {
            kind,
            id,
            text: texts.join("\n"),
        });
    }

    /// Where reading stands, so that an alternative can be taken back.
    fn snapshot(&self) -> Snapshot {
        Snapshot {
            paragraphs: self.out.paragraphs.len(),
            counted: self.state.paragraphs,
            text: self.current.text.len(),
            notes: self.current.notes.len(),
            insertions: self.out.insertions,
            deletions: self.out.deletions,
        }
    }

    /// The start of an `mc:Choice` or `mc:Fallback` (see [`PartReader::end_alternative`]).
    fn begin_alternative(&mut self) {
        let at = self.snapshot();
        let Some(alternates) = self.alternates.last_mut() else {
            return;
        };
        alternates.at = Some(at);
        // A later alternative kept beside the first must not run into its words.
        if alternates.first.is_some() && !self.current.text.is_empty() {
            self.current.text.push(' ');
        }
    }

    /// The end of an `mc:Choice` or `mc:Fallback`. The alternatives of `mc:AlternateContent` are, in
    /// every file Word writes, the same content in two markups (a text box as DrawingML in the Choice,
    /// as VML in the Fallback), and Word shows only one of them: reading both doubled the text. Which
    /// one an application shows depends on what it understands, though, and a file can make them
    /// differ. So the first alternative is read, and a later one is taken back when it gives the same
    /// text; one that differs (a Choice that is only a picture and a Fallback with text, or a Fallback
    /// edited apart from its Choice) is kept, as a redline must not hide text some reader is shown.
    fn end_alternative(&mut self) {
        let Some(at) = self.alternates.last_mut().and_then(|a| a.at.take()) else {
            return;
        };
        let mut texts: Vec<&str> = self
            .out
            .paragraphs
            .get(at.paragraphs..)
            .unwrap_or_default()
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        texts.push(self.current.text.get(at.text..).unwrap_or_default());
        let text = pakta_core::text::collapse_whitespace(&texts.join(" "));
        let Some(alternates) = self.alternates.last_mut() else {
            return;
        };
        match &alternates.first {
            None => alternates.first = Some(text),
            Some(first) if *first == text => self.take_back(at),
            Some(_) => {}
        }
    }

    /// Forgets what was read since `at`: its paragraphs (they are not counted either, as Word does not
    /// show them), its text and note references, and its tracked changes.
    fn take_back(&mut self, at: Snapshot) {
        self.out.paragraphs.truncate(at.paragraphs);
        self.state.paragraphs = at.counted;
        if self.current.text.is_char_boundary(at.text) {
            self.current.text.truncate(at.text);
        }
        self.current.notes.truncate(at.notes);
        self.out.insertions = at.insertions;
        self.out.deletions = at.deletions;
    }

    /// Ends the part: a paragraph still carried (the document's last mark removed) stands on its own.
    fn finish(mut self) -> DocxText {
        if !self.carried.text.is_empty() || !self.carried.notes.is_empty() {
            let number = self.carried_number.unwrap_or(self.state.paragraphs);
            self.out.paragraphs.push(DocxParagraph {
                number,
                ..std::mem::take(&mut self.carried)
            });
        }
        self.out
    }
}

/// The heading level a paragraph style stands for: `Title` 1, `Heading1` 2, `Heading2` 3 … (Word's
/// built-in ids; localised Word writes the same ids). `None` for body styles.
fn heading_level(style: &str) -> Option<usize> {
    let lower = style.to_ascii_lowercase().replace([' ', '_', '-'], "");
    if lower == "title" {
        return Some(1);
    }
    let rest = lower.strip_prefix("heading")?;
    let level: usize = rest.parse().ok()?;
    (1..=9).contains(&level).then_some((level + 1).min(6))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCUMENT: &str = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Agreement</w:t></w:r></w:p>
<w:p/>
<w:p></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Article 1</w:t></w:r></w:p>
<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">The Parties </w:t></w:r></w:p>
<w:p><w:r><w:t>shall cooperate.</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>For A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>For B</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Name A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Name B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>Done.</w:t></w:r></w:p>
</w:body></w:document>"#;

    fn numbers(document: &DocxText) -> Vec<(usize, &str)> {
        document
            .paragraphs
            .iter()
            .map(|p| (p.number, p.text.as_str()))
            .collect()
    }

    #[test]
    fn paragraphs_are_numbered_as_word_shows_them() {
        let accepted = parse_document(DOCUMENT.as_bytes(), Changes::Accept).expect("reads");
        assert_eq!(
            numbers(&accepted),
            [
                (1, "Agreement"),
                (3, ""),
                (4, "Article 1"),
                // Joined by the deleted paragraph mark: where it starts.
                (5, "The Parties shall cooperate."),
                (7, "For A"),
                (8, "For B"),
                (9, "Name A"),
                (10, "Name B"),
                (11, "Done.")
            ]
        );
        let rejected = parse_document(DOCUMENT.as_bytes(), Changes::Reject).expect("reads");
        assert_eq!(
            numbers(&rejected)[3..5],
            [(5, "The Parties "), (6, "shall cooperate.")]
        );
    }

    #[test]
    fn every_markdown_line_knows_its_paragraph() {
        let document = parse_document(DOCUMENT.as_bytes(), Changes::Accept).expect("reads");
        let imported = import(&document);
        assert_eq!(imported.markdown, markdown(&document));
        assert_eq!(
            imported.markdown,
            "# Agreement\n\n## Article 1\n\nThe Parties shall cooperate.\n\n| For A | For B |\n| --- | --- |\n| Name A | Name B |\n\nDone.\n\n"
        );
        let map = &imported.source_map;
        assert_eq!(map.len(), imported.markdown.lines().count());
        let origins: Vec<Option<usize>> = (1..=map.len())
            .map(|n| match map.origin(n) {
                Some(Origin::Paragraph(p)) => Some(p),
                None => None,
                Some(other) => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            origins,
            [
                Some(1),
                None,
                Some(4),
                None,
                Some(5),
                None,
                Some(7),
                None,
                Some(9),
                None,
                Some(11),
                None
            ]
        );
        assert_eq!(
            map.origin(11).map(|o| o.to_string()).as_deref(),
            Some("paragraph 11")
        );
    }

    #[test]
    fn note_references_made_by_hand_never_panic() {
        // Offsets inside a character, out of order and past the end move to a place that is one; a
        // mark character in the text itself is not taken for a reference.
        let reference = |id: &str| NoteRef {
            kind: NoteKind::Footnote,
            id: id.to_string(),
        };
        let document = DocxText {
            paragraphs: vec![DocxParagraph {
                text: "Hari libur\u{FDD0} é [^1]".to_string(),
                notes: vec![
                    (12, reference("1")),
                    (3, reference("2")),
                    (99, reference("3")),
                ],
                number: 1,
                ..DocxParagraph::default()
            }],
            notes: ["1", "2", "3"]
                .map(|id| DocxNote {
                    kind: NoteKind::Footnote,
                    id: id.to_string(),
                    text: format!("Note {id}."),
                })
                .to_vec(),
            ..DocxText::default()
        };
        assert_eq!(
            markdown(&document),
            "Hari libur[^1][^2]\u{FFFD} é \\[^1\\][^3]\n\n[^1]: Note 1.\n\n[^2]: Note 2.\n\n[^3]: Note 3.\n\n"
        );
    }
}
