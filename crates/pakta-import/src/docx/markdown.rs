//! Writing a read Word document as Markdown: headings from heading styles, list paragraphs as list items,
//! tables as Markdown tables, and footnotes and endnotes as Markdown footnotes in the article that refers
//! to them, each line keeping the paragraph it came from.

use super::*;
/// A Word document as Markdown: headings from heading styles, list paragraphs as list items (their labels,
/// when typed, stay in the text), tables as Markdown tables, everything else a paragraph; footnotes and
/// endnotes as Markdown footnotes. The document's file name is not needed and never written.
pub fn markdown(document: &DocxText) -> String {
    import(document).markdown
}

/// [`markdown`] with the paragraph each Markdown line came from ([`Origin::Paragraph`], numbered as
/// [`DocxParagraph::number`]); a table row points at the first paragraph of its row, and the table's
/// `| --- |` row and blank lines at none. A note's definition points at the paragraph that refers to it.
///
/// A note is written as a Markdown footnote: `[^N]` where Word shows its number (at the end of a
/// heading, where pakta's parser still reads the heading's number), and `[^N]: text` after the
/// paragraph, table or list that refers to it (a heading's note at the end of the heading's article),
/// inside the same article, so that the parser reads the note with the article and a redline compares
/// it there. Footnotes are numbered from 1 in the order they are referred to, endnotes after them, so
/// that the two never share a number. A note the body does not refer to is not shown by Word and is
/// not written.
pub fn import(document: &DocxText) -> Imported {
    use crate::markdown::{body_paragraph, paragraph};
    let mut w = Writer::default();
    // The page headers and footers are no part of the body, but a delegation reads them ("DRAFT — without
    // prejudice", "AGREED TEXT"): the front matter carries them, where every field is compared, under the
    // name the PDF importer gives a PDF's running heads.
    let mut heads: Vec<&String> = Vec::new();
    for text in document.headers.iter().chain(&document.footers) {
        if !heads.contains(&text) {
            heads.push(text);
        }
    }
    if !heads.is_empty() {
        w.line("---", None);
        w.line("running-heads:", None);
        for head in heads {
            w.line(&format!("  - {}", crate::markdown::yaml_string(head)), None);
        }
        w.line("---", None);
        w.blank();
    }
    let mut notes = Notes::new(document);
    let mut i = 0;
    let paragraphs = &document.paragraphs;
    // Where the heading styles carry the articles or divisions, a body paragraph that reads like a heading
    // ("Article 23.4: Entry into Force" quoted in a clause) stays body text. Most ministry drafts type their
    // headings as plain or bold paragraphs, with no heading style at all: there the parser reads them as
    // it reads a Markdown paragraph of its own, or the document had no articles.
    let styled_structure = paragraphs.iter().any(|p| {
        p.heading.is_some()
            && pakta_core::heading::standalone_line(&numbered(p, paragraph(&marked(p)))).is_some()
    });
    let body = |text: &str| {
        if styled_structure {
            body_paragraph(text)
        } else {
            paragraph(text)
        }
    };
    while i < paragraphs.len() {
        let p = &paragraphs[i];
        if let Some(cell) = p.cell {
            notes.flush(&mut w);
            i = table(&paragraphs[i..], cell.table, &mut notes, &mut w) + i;
            continue;
        }
        i += 1;
        let text = marked(p);
        if text.trim().is_empty() {
            continue;
        }
        let text = match (p.heading, p.list_level) {
            (Some(level), _) => {
                // A reference right after the number ("Article 5[^1]") would keep the parser from
                // reading the heading, so the heading's references go at its end, apart.
                let marks = text.matches(NOTE_MARK).count();
                let bare = numbered(p, paragraph(&text.replace(NOTE_MARK, "")));
                let marks = format!(" {NOTE_MARK}").repeat(marks);
                notes.flush_all(&mut w);
                let heading = format!("{} {bare}{marks}", "#".repeat(level));
                w.block(&notes.resolve(&heading, origin(p)), origin(p));
                // Written after the heading, a note would read as the article's first paragraph, the
                // lead-in of the points after it; at the article's end it is only one more paragraph.
                notes.hold();
                continue;
            }
            (None, Some(level)) => {
                let indent = "  ".repeat(level.min(8) as usize);
                // A typed label ("(a)", "1.") is the item's label, then the one Word numbers it with;
                // otherwise a bullet. Notes wait for the end of the list: a definition between two
                // items would end the list, and take the next items out of the list they are nested in.
                if pakta_core::label::split_label(&text).is_some() {
                    format!("{indent}{}", body_paragraph(&text))
                } else if let Some(label) = &p.label {
                    format!(
                        "{indent}{}",
                        body_paragraph(&format!("{label} {}", text.trim_start()))
                    )
                } else {
                    format!("{indent}- {}", body_paragraph(&text))
                }
            }
            (None, None) => {
                notes.flush(&mut w);
                body(&text)
            }
        };
        let origin = origin(p);
        w.block(&notes.resolve(&text, origin), origin);
    }
    notes.flush_all(&mut w);
    // Every block, the last one included, ends with a blank line, as this importer has always written.
    w.finish_untrimmed()
}

/// A heading's text with the number Word shows before it, which is not in its text ("Article 1" from a
/// template's "Article %1"): a heading "Purpose" is "Article 1 — Purpose".
fn numbered(p: &DocxParagraph, heading: String) -> String {
    use crate::markdown::paragraph;
    match p.label.as_deref().map(str::trim) {
        Some(label) if !label.is_empty() && !heading.starts_with(label) => {
            if label.ends_with(['.', ')', ':']) {
                format!("{} {heading}", paragraph(label))
            } else {
                format!("{} — {heading}", paragraph(label))
            }
        }
        _ => heading,
    }
}

/// The Markdown line of a paragraph points at the paragraph (a paragraph made by hand, numbered 0, at
/// nothing).
fn origin(p: &DocxParagraph) -> Option<Origin> {
    (p.number > 0).then_some(Origin::Paragraph(p.number))
}

/// Writes the table that starts `paragraphs` (the paragraphs of table `table`, one row per row, cells
/// joined with pipes); returns how many paragraphs it took.
fn table(paragraphs: &[DocxParagraph], table: usize, notes: &mut Notes, w: &mut Writer) -> usize {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row_origins: Vec<Option<Origin>> = Vec::new();
    let mut taken = 0;
    for p in paragraphs {
        let Some(c) = p.cell.filter(|c| c.table == table) else {
            break;
        };
        taken += 1;
        while rows.len() <= c.row {
            rows.push(Vec::new());
            row_origins.push(None);
        }
        if row_origins[c.row].is_none() {
            row_origins[c.row] = origin(p);
        }
        let row = &mut rows[c.row];
        while row.len() <= c.cell {
            row.push(String::new());
        }
        let text = marked(p);
        let text = text.trim();
        if !text.is_empty() {
            if !row[c.cell].is_empty() {
                row[c.cell].push(' ');
            }
            row[c.cell].push_str(text);
        }
    }
    let origins = row_origins
        .iter()
        .take(1)
        .copied()
        .chain(std::iter::once(None))
        .chain(row_origins.iter().skip(1).copied());
    for (line, origin) in crate::markdown::table_lines(&rows).iter().zip(origins) {
        w.line(&notes.resolve(line, origin), origin);
    }
    w.blank();
    taken
}

/// Stands for a note reference in text on its way to Markdown, so that the text around it is escaped
/// as a whole, exactly as text without notes is. It is a Unicode noncharacter, which Unicode reserves
/// for a program's internal use: escaping passes it through, and agreement text has no use for it (one
/// that a file does hold anyway is replaced, so every mark is a reference).
const NOTE_MARK: char = '\u{FDD0}';

/// A paragraph's text with a [`NOTE_MARK`] where each of its note references stands.
fn marked(p: &DocxParagraph) -> String {
    let clean = |s: &str| s.replace(NOTE_MARK, "\u{FFFD}");
    let mut out = String::with_capacity(p.text.len() + 3 * p.notes.len());
    let mut from = 0;
    for (at, _) in &p.notes {
        // The reader's offsets are in order and on character boundaries; a paragraph made by hand may
        // have others, which move back to the character they are in, or up to the reference before.
        let at = p.text.floor_char_boundary((*at).max(from));
        out.push_str(&clean(p.text.get(from..at).unwrap_or_default()));
        out.push(NOTE_MARK);
        from = at;
    }
    out.push_str(&clean(p.text.get(from..).unwrap_or_default()));
    out
}

/// The notes of a document on their way into its Markdown.
struct Notes<'a> {
    /// The text of each note, by kind and id.
    texts: HashMap<(NoteKind, &'a str), &'a str>,
    /// The number of each note the body refers to.
    numbers: HashMap<(NoteKind, &'a str), usize>,
    /// The body's references in document order, the order their marks reach [`Notes::resolve`].
    references: std::vec::IntoIter<&'a NoteRef>,
    /// Whether a note's definition has been queued, by number (index 0 unused).
    defined: Vec<bool>,
    /// Definitions waiting to be written, with the origin of the paragraph that refers to them.
    pending: Vec<(usize, &'a str, Option<Origin>)>,
    /// The definitions of a heading's notes, which wait for the next heading.
    held: Vec<(usize, &'a str, Option<Origin>)>,
}

impl<'a> Notes<'a> {
    fn new(document: &'a DocxText) -> Self {
        let texts: HashMap<(NoteKind, &str), &str> = document
            .notes
            .iter()
            .map(|n| ((n.kind, n.id.as_str()), n.text.as_str()))
            .collect();
        let references: Vec<&NoteRef> = document
            .paragraphs
            .iter()
            .flat_map(|p| p.notes.iter().map(|(_, r)| r))
            .collect();
        // Footnotes first, endnotes after, each in the order the body refers to them; a reference to
        // a note the file does not hold gets no number, as there is no text to show.
        let mut numbers = HashMap::new();
        for kind in [NoteKind::Footnote, NoteKind::Endnote] {
            for r in references.iter().filter(|r| r.kind == kind) {
                let key = (kind, r.id.as_str());
                if texts.contains_key(&key) && !numbers.contains_key(&key) {
                    numbers.insert(key, numbers.len() + 1);
                }
            }
        }
        Notes {
            texts,
            defined: vec![false; numbers.len() + 1],
            numbers,
            references: references.into_iter(),
            pending: Vec::new(),
            held: Vec::new(),
        }
    }

    /// `markdown` with each [`NOTE_MARK`] made the reference `[^N]` of the next note referred to, whose
    /// definition is then queued for [`Notes::flush`].
    fn resolve(&mut self, markdown: &str, origin: Option<Origin>) -> String {
        if !markdown.contains(NOTE_MARK) {
            return markdown.to_string();
        }
        let mut out = String::with_capacity(markdown.len() + 8);
        for ch in markdown.chars() {
            if ch != NOTE_MARK {
                out.push(ch);
                continue;
            }
            let Some(r) = self.references.next() else {
                continue;
            };
            let key = (r.kind, r.id.as_str());
            let (Some(&number), Some(&text)) = (self.numbers.get(&key), self.texts.get(&key))
            else {
                continue;
            };
            out.push_str(&format!("[^{number}]"));
            if let Some(defined) = self.defined.get_mut(number)
                && !*defined
            {
                *defined = true;
                self.pending.push((number, text, origin));
            }
        }
        out
    }

    /// Writes the definitions queued so far, each a block of its own (the held ones wait).
    fn flush(&mut self, w: &mut Writer) {
        for (number, text, origin) in self.pending.drain(..) {
            define(w, number, text, origin);
        }
    }

    /// Writes every definition queued, the held ones first, as they were referred to first.
    fn flush_all(&mut self, w: &mut Writer) {
        for (number, text, origin) in self.held.drain(..) {
            define(w, number, text, origin);
        }
        self.flush(w);
    }

    /// Holds the definitions queued so far until [`Notes::flush_all`].
    fn hold(&mut self) {
        self.held.append(&mut self.pending);
    }
}

/// Writes a note's definition. The text is escaped as body text is, so a note's words never become
/// markup or a heading.
fn define(w: &mut Writer, number: usize, text: &str, origin: Option<Origin>) {
    let definition = format!("[^{number}]: {}", crate::markdown::body_paragraph(text));
    w.block(definition.trim_end(), origin);
}
