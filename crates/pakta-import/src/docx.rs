//! Reading a .docx: the paragraphs of `word/document.xml` with their styles, numbering levels and text,
//! with tracked changes accepted or rejected — Word's own semantics, including deleted paragraph marks
//! that join a paragraph to the next.
//!
//! A .docx is untrusted input. The main part is read through a size cap (a zip bomb stops at the cap, not
//! at the end of memory), and a document type declaration is refused outright, so no entity can expand.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

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

/// One paragraph of the document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocxParagraph {
    /// The paragraph style id (`Heading1`, `Title`, `ListParagraph`).
    pub style: Option<String>,
    /// The numbering level (`w:ilvl`) when the paragraph is in a numbered or bulleted list.
    pub list_level: Option<u32>,
    pub text: String,
    pub cell: Option<Cell>,
}

/// The text of a .docx.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocxText {
    pub paragraphs: Vec<DocxParagraph>,
    /// Tracked insertions and deletions in the file (each `w:ins`/`w:del`, paragraph marks included).
    pub insertions: usize,
    pub deletions: usize,
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
}

/// The most uncompressed XML pakta reads from one .docx part: 256 MiB, far beyond any real agreement.
pub const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// Reads the main document part of a .docx.
pub fn read(bytes: &[u8], changes: Changes) -> Result<DocxText, ReadError> {
    read_with_limit(bytes, changes, MAX_PART_BYTES)
}

/// [`read`] with a different size cap (for tests of the cap).
pub fn read_with_limit(bytes: &[u8], changes: Changes, limit: u64) -> Result<DocxText, ReadError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::NotZip(e.to_string()))?;
    let part = archive
        .by_name("word/document.xml")
        .map_err(|_| ReadError::NoDocument)?;
    let mut xml = Vec::new();
    part.take(limit + 1)
        .read_to_end(&mut xml)
        .map_err(|e| ReadError::NotZip(e.to_string()))?;
    if xml.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    parse_document(&xml, changes)
}

fn val(e: &BytesStart) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"val")
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
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
    mark_inserted: bool,
    mark_deleted: bool,
    table_depth: usize,
    tables: usize,
    cell: Option<Cell>,
}

/// Parses `word/document.xml`.
pub fn parse_document(xml: &[u8], changes: Changes) -> Result<DocxText, ReadError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut out = DocxText::default();
    let mut state = State::default();
    let mut current = DocxParagraph::default();
    // Text carried from a paragraph whose mark the chosen side removes.
    let mut carried = String::new();
    let mut buf = Vec::new();
    let skipping = |s: &State| match changes {
        Changes::Accept => s.deleted > 0,
        Changes::Reject => s.inserted > 0,
    };
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| ReadError::Xml {
                offset: reader.buffer_position(),
                message: e.to_string(),
            })?;
        match event {
            Event::DocType(_) => return Err(ReadError::DocType),
            Event::Start(e) => match e.local_name().as_ref() {
                b"p" => {
                    current = DocxParagraph {
                        text: std::mem::take(&mut carried),
                        cell: state.cell,
                        ..DocxParagraph::default()
                    };
                    state.mark_inserted = false;
                    state.mark_deleted = false;
                }
                b"pPr" => state.in_ppr = true,
                b"rPr" if state.in_ppr => state.in_ppr_rpr = true,
                b"pPrChange" => state.in_ppr_change += 1,
                b"ins" | b"moveTo" if !state.in_ppr_rpr => {
                    state.inserted += 1;
                    out.insertions += 1;
                }
                b"del" | b"moveFrom" if !state.in_ppr_rpr => {
                    state.deleted += 1;
                    out.deletions += 1;
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
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"pStyle" if state.in_ppr && state.in_ppr_change == 0 => current.style = val(&e),
                b"ilvl" if state.in_ppr && state.in_ppr_change == 0 => {
                    current.list_level = val(&e).and_then(|v| v.parse().ok());
                }
                b"numId"
                    if state.in_ppr && state.in_ppr_change == 0 && current.list_level.is_none() =>
                {
                    current.list_level = Some(0);
                }
                b"ins" if state.in_ppr_rpr => {
                    state.mark_inserted = true;
                    out.insertions += 1;
                }
                b"del" if state.in_ppr_rpr => {
                    state.mark_deleted = true;
                    out.deletions += 1;
                }
                b"tab" if !state.in_ppr && !skipping(&state) => current.text.push('\t'),
                b"br" | b"cr" if !skipping(&state) => current.text.push('\n'),
                b"noBreakHyphen" if !skipping(&state) => current.text.push('-'),
                _ => {}
            },
            Event::Text(t) if state.in_text && !skipping(&state) => {
                let text = t.xml10_content().map_err(|e| ReadError::Xml {
                    offset: reader.buffer_position(),
                    message: e.to_string(),
                })?;
                current.text.push_str(&text);
            }
            Event::GeneralRef(r) if state.in_text && !skipping(&state) => {
                let text = crate::xml::resolve(&r).map_err(|message| ReadError::Xml {
                    offset: reader.buffer_position(),
                    message,
                })?;
                current.text.push_str(&text);
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"p" => {
                    let removed = match changes {
                        Changes::Accept => state.mark_deleted,
                        Changes::Reject => state.mark_inserted,
                    };
                    if removed {
                        carried = std::mem::take(&mut current.text);
                    } else {
                        out.paragraphs.push(std::mem::take(&mut current));
                    }
                }
                b"pPr" => {
                    state.in_ppr = false;
                    state.in_ppr_rpr = false;
                }
                b"rPr" if state.in_ppr => state.in_ppr_rpr = false,
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
                b"tr" if state.table_depth == 1 => {
                    if let Some(c) = &mut state.cell {
                        c.row += 1;
                    }
                }
                b"tbl" => {
                    state.table_depth = state.table_depth.saturating_sub(1);
                    if state.table_depth == 0 {
                        state.cell = None;
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !carried.is_empty() {
        out.paragraphs.push(DocxParagraph {
            text: carried,
            ..DocxParagraph::default()
        });
    }
    Ok(out)
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

/// A Word document as Markdown: headings from heading styles, list paragraphs as list items (their labels,
/// when typed, stay in the text), tables as Markdown tables, everything else a paragraph.
pub fn markdown(document: &DocxText) -> String {
    use crate::markdown::{body_paragraph, paragraph, table};
    let mut out = String::new();
    let mut i = 0;
    let paragraphs = &document.paragraphs;
    while i < paragraphs.len() {
        let p = &paragraphs[i];
        if let Some(cell) = p.cell {
            // Collect the table: one row per (table, row), cells joined with pipes.
            let mut rows: Vec<Vec<String>> = Vec::new();
            let mut j = i;
            while j < paragraphs.len() && paragraphs[j].cell.is_some_and(|c| c.table == cell.table)
            {
                let c = paragraphs[j].cell.unwrap_or(cell);
                while rows.len() <= c.row {
                    rows.push(Vec::new());
                }
                let row = &mut rows[c.row];
                while row.len() <= c.cell {
                    row.push(String::new());
                }
                let text = paragraphs[j].text.trim();
                if !text.is_empty() {
                    if !row[c.cell].is_empty() {
                        row[c.cell].push(' ');
                    }
                    row[c.cell].push_str(text);
                }
                j += 1;
            }
            out.push_str(&table(&rows));
            out.push('\n');
            i = j;
            continue;
        }
        i += 1;
        if p.text.trim().is_empty() {
            continue;
        }
        match (p.style.as_deref().and_then(heading_level), p.list_level) {
            (Some(level), _) => {
                out.push_str(&"#".repeat(level));
                out.push(' ');
                out.push_str(&paragraph(&p.text));
            }
            (None, Some(level)) => {
                let text = body_paragraph(&p.text);
                out.push_str(&"  ".repeat(level.min(8) as usize));
                // A typed label ("(a)", "1.") is the item's label; otherwise a bullet.
                if pakta_core::label::split_label(&p.text).is_some() {
                    out.push_str(&text);
                } else {
                    out.push_str("- ");
                    out.push_str(&text);
                }
            }
            (None, None) => out.push_str(&body_paragraph(&p.text)),
        }
        out.push_str("\n\n");
    }
    out
}
