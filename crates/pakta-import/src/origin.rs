//! Where imported lines came from, so that a diagnostic about the Markdown can point into the original
//! file: a page and line of a PDF's text, a paragraph of a Word document, a line of a text or XML file.
//!
//! Every importer returns a [`SourceMap`] beside its Markdown. It holds one entry per Markdown line: the
//! [`Origin`] of the text on that line, or `None` for what the importer wrote itself (front matter, blank
//! lines, a table's `| --- |` row). A Markdown line made from several source lines (a paragraph re-joined
//! from a PDF's lines) points at the first of them.

use std::fmt;

/// A place in an imported file. All numbers count from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// A line of a plain-text or XML file.
    Line(usize),
    /// A line of a page of a PDF's text: pages are separated by form feeds, and lines count from the top
    /// of their page, blank lines and page headers included (as `pdftotext -layout` prints them).
    Page { page: usize, line: usize },
    /// A paragraph of a Word document's body, counted as Word shows them with all markup: every paragraph
    /// counts, empty ones and those in table cells too.
    Paragraph(usize),
}

impl fmt::Display for Origin {
    /// `line 7`, `page 3, line 14`, `paragraph 12`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Line(line) => write!(f, "line {line}"),
            Origin::Page { page, line } => write!(f, "page {page}, line {line}"),
            Origin::Paragraph(paragraph) => write!(f, "paragraph {paragraph}"),
        }
    }
}

/// The origin of each line of an importer's Markdown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// Entry `i` is Markdown line `i + 1`.
    lines: Vec<Option<Origin>>,
}

impl SourceMap {
    /// Where Markdown line `markdown_line` (1-based, as in a diagnostic) came from; `None` for a line the
    /// importer generated, and for a line number beyond the Markdown.
    pub fn origin(&self, markdown_line: usize) -> Option<Origin> {
        markdown_line
            .checked_sub(1)
            .and_then(|i| self.lines.get(i).copied().flatten())
    }

    /// How many Markdown lines the map covers (the Markdown's line count).
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Each Markdown line's number (1-based) with its origin, in order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, Option<Origin>)> + '_ {
        self.lines.iter().enumerate().map(|(i, o)| (i + 1, *o))
    }
}

/// What an importer made: the Markdown and where each of its lines came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    pub markdown: String,
    pub source_map: SourceMap,
}

/// Markdown written line by line, each line with its origin, so the text and the map cannot drift apart.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    text: String,
    map: SourceMap,
}

impl Writer {
    /// Appends `text` as one or more lines (split at `\n`), each with `origin`.
    pub(crate) fn line(&mut self, text: &str, origin: Option<Origin>) {
        for piece in text.split('\n') {
            self.text.push_str(piece);
            self.text.push('\n');
            self.map.lines.push(origin);
        }
    }

    /// Appends an empty line.
    pub(crate) fn blank(&mut self) {
        self.line("", None);
    }

    /// Appends a block (a heading, a paragraph, a table row) and the blank line that ends it.
    pub(crate) fn block(&mut self, text: &str, origin: Option<Origin>) {
        self.line(text, origin);
        self.blank();
    }

    /// The Markdown and its map as written, trailing blank lines included.
    pub(crate) fn finish_untrimmed(self) -> Imported {
        Imported {
            markdown: self.text,
            source_map: self.map,
        }
    }

    /// The Markdown and its map. Trailing blank lines are dropped, so the text ends with one newline
    /// (or is empty).
    pub(crate) fn finish(mut self) -> Imported {
        while self.text.ends_with("\n\n") {
            self.text.pop();
            self.map.lines.pop();
        }
        Imported {
            markdown: self.text,
            source_map: self.map,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display() {
        assert_eq!(Origin::Line(7).to_string(), "line 7");
        assert_eq!(
            Origin::Page { page: 3, line: 14 }.to_string(),
            "page 3, line 14"
        );
        assert_eq!(Origin::Paragraph(12).to_string(), "paragraph 12");
    }

    #[test]
    fn one_entry_per_markdown_line() {
        let mut w = Writer::default();
        w.line("---", None);
        w.line("title: x", None);
        w.line("---", None);
        w.blank();
        w.block("## Article 1", Some(Origin::Line(3)));
        w.block("| a |\n| --- |", Some(Origin::Page { page: 1, line: 5 }));
        w.block("Text.", Some(Origin::Paragraph(4)));
        let imported = w.finish();
        let map = &imported.source_map;
        assert_eq!(imported.markdown.lines().count(), map.len());
        assert!(imported.markdown.ends_with("Text.\n"));
        assert_eq!(map.origin(0), None);
        assert_eq!(map.origin(1), None);
        assert_eq!(map.origin(5), Some(Origin::Line(3)));
        assert_eq!(map.origin(6), None);
        assert_eq!(map.origin(7), Some(Origin::Page { page: 1, line: 5 }));
        assert_eq!(map.origin(8), Some(Origin::Page { page: 1, line: 5 }));
        assert_eq!(map.origin(10), Some(Origin::Paragraph(4)));
        assert_eq!(map.origin(11), None);
        assert_eq!(map.iter().filter(|(_, o)| o.is_some()).count(), 4);
    }

    #[test]
    fn an_empty_writer_is_empty_markdown() {
        let imported = Writer::default().finish();
        assert_eq!(imported.markdown, "");
        assert!(imported.source_map.is_empty());
    }
}
