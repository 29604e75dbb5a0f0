//! Reading a .docx: the paragraphs of `word/document.xml` with their styles, numbering levels and text,
//! with tracked changes accepted or rejected — Word's own semantics, including deleted paragraph marks
//! that join a paragraph to the next. Each paragraph keeps its number in the document
//! ([`DocxParagraph::number`]), and [`import`] gives each Markdown line the paragraph it came from.
//!
//! A .docx is untrusted input. The main part is read through a size cap (a zip bomb stops at the cap, not
//! at the end of memory), and a document type declaration is refused outright, so no entity can expand.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use crate::origin::{Imported, Origin, Writer};

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
    /// The list instance (`w:numId`) of a numbered or bulleted paragraph.
    pub num_id: Option<String>,
    /// The label Word shows before an auto-numbered paragraph ("1.", "(a)"), from `word/numbering.xml`;
    /// `None` for bullets and paragraphs outside a list.
    pub label: Option<String>,
    pub text: String,
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
    let xml = read_part(&mut archive, "word/document.xml", limit)?.ok_or(ReadError::NoDocument)?;
    let mut document = parse_document(&xml, changes)?;
    // The numbers of auto-numbered paragraphs live in their own part; a document without it has none.
    if let Some(numbering) = read_part(&mut archive, "word/numbering.xml", limit)? {
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
    Ok(document)
}

/// One part of the archive, read through the size cap; `None` when the archive has no such part.
fn read_part<R: std::io::Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, ReadError> {
    let Ok(part) = archive.by_name(name) else {
        return Ok(None);
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
    /// Paragraphs seen so far (`w:p` elements).
    paragraphs: usize,
}

/// Parses `word/document.xml`.
pub fn parse_document(xml: &[u8], changes: Changes) -> Result<DocxText, ReadError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut out = DocxText::default();
    let mut state = State::default();
    let mut current = DocxParagraph::default();
    // Text carried from a paragraph whose mark the chosen side removes, and that paragraph's number.
    let mut carried = String::new();
    let mut carried_number = None;
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
                    state.paragraphs += 1;
                    current = DocxParagraph {
                        text: std::mem::take(&mut carried),
                        cell: state.cell,
                        number: carried_number.take().unwrap_or(state.paragraphs),
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
                // An empty paragraph (`<w:p/>`) has no text, but Word counts it.
                b"p" => state.paragraphs += 1,
                b"pStyle" if state.in_ppr && state.in_ppr_change == 0 => current.style = val(&e),
                b"ilvl" if state.in_ppr && state.in_ppr_change == 0 => {
                    current.list_level = val(&e).and_then(|v| v.parse().ok());
                }
                b"numId" if state.in_ppr && state.in_ppr_change == 0 => {
                    current.num_id = val(&e);
                    if current.list_level.is_none() {
                        current.list_level = Some(0);
                    }
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
                        carried_number = (!carried.is_empty()).then_some(current.number);
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
            number: carried_number.unwrap_or(state.paragraphs),
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
/// when typed, stay in the text), tables as Markdown tables, everything else a paragraph. The document's
/// file name is not needed and never written.
pub fn markdown(document: &DocxText) -> String {
    import(document).markdown
}

/// [`markdown`] with the paragraph each Markdown line came from ([`Origin::Paragraph`], numbered as
/// [`DocxParagraph::number`]); a table row points at the first paragraph of its row, and the table's
/// `| --- |` row and blank lines at none.
pub fn import(document: &DocxText) -> Imported {
    use crate::markdown::{body_paragraph, paragraph, table_lines};
    let mut w = Writer::default();
    let mut i = 0;
    let paragraphs = &document.paragraphs;
    let origin = |p: &DocxParagraph| (p.number > 0).then_some(Origin::Paragraph(p.number));
    while i < paragraphs.len() {
        let p = &paragraphs[i];
        if let Some(cell) = p.cell {
            // Collect the table: one row per (table, row), cells joined with pipes.
            let mut rows: Vec<Vec<String>> = Vec::new();
            let mut row_origins: Vec<Option<Origin>> = Vec::new();
            let mut j = i;
            while j < paragraphs.len() && paragraphs[j].cell.is_some_and(|c| c.table == cell.table)
            {
                let c = paragraphs[j].cell.unwrap_or(cell);
                while rows.len() <= c.row {
                    rows.push(Vec::new());
                    row_origins.push(None);
                }
                if row_origins[c.row].is_none() {
                    row_origins[c.row] = origin(&paragraphs[j]);
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
            let origins = row_origins
                .iter()
                .take(1)
                .copied()
                .chain(std::iter::once(None))
                .chain(row_origins.iter().skip(1).copied());
            for (line, origin) in table_lines(&rows).iter().zip(origins) {
                w.line(line, origin);
            }
            w.blank();
            i = j;
            continue;
        }
        i += 1;
        if p.text.trim().is_empty() {
            continue;
        }
        let text = match (p.style.as_deref().and_then(heading_level), p.list_level) {
            (Some(level), _) => format!("{} {}", "#".repeat(level), paragraph(&p.text)),
            (None, Some(level)) => {
                let indent = "  ".repeat(level.min(8) as usize);
                // A typed label ("(a)", "1.") is the item's label, then the one Word numbers it with;
                // otherwise a bullet.
                if pakta_core::label::split_label(&p.text).is_some() {
                    format!("{indent}{}", body_paragraph(&p.text))
                } else if let Some(label) = &p.label {
                    format!(
                        "{indent}{}",
                        body_paragraph(&format!("{label} {}", p.text.trim_start()))
                    )
                } else {
                    format!("{indent}- {}", body_paragraph(&p.text))
                }
            }
            (None, None) => body_paragraph(&p.text),
        };
        w.block(&text, origin(p));
    }
    // Every block, the last one included, ends with a blank line, as this importer has always written.
    w.finish_untrimmed()
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
}
