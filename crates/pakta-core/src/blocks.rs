//! First pass of the parser: the Markdown event stream flattened into headings and text blocks.
//!
//! Real treaty Markdown is irregular: `###Article 1` without the space CommonMark requires, article headings
//! written as bold paragraphs, several labelled points in one paragraph. This pass undoes that, so the
//! second pass ([`crate::parse`]) sees one block per heading and one per labelled unit of text.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::heading;
use crate::provision::{self, ProvisionWord, Scan};

/// The one place that decides which Markdown extensions pakta's parser understands.
///
/// Tables and footnotes appear in real agreements; smart punctuation stays off so that the text pakta shows
/// is the text the author typed. Front matter is split off before the Markdown parser runs.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// One unit of the document after the first pass.
#[derive(Debug, Clone, PartialEq)]
pub enum RawBlock {
    Heading {
        /// 1–6 for `#` headings; 0 for a heading written as a paragraph line of its own.
        level: u8,
        text: String,
        range: Range<usize>,
        /// `1. ## Wages`: the number of the list item the heading opens (only where the document numbers
        /// its provisions with bare numbers, [`Scan::Bare`]).
        item_number: Option<u64>,
        /// A line split out of its paragraph only because the document was expected to number its
        /// provisions with the word it starts with ([`Scan::Word`]); text again if that turns out wrong.
        provision_line: bool,
    },
    Text {
        text: String,
        range: Range<usize>,
        /// Set when the text is (the start of) a Markdown list item.
        item: Option<ListItem>,
        /// True for text that continues the previous list item (a second paragraph in it).
        continuation: bool,
        /// How many list items the text sits inside (0 outside lists).
        within: usize,
        /// The block is one line, wholly bold (`**Scope**`): a title when it follows an article heading.
        emphasised: bool,
        /// The block's first line is wholly bold (`**Scope**` and then the text on the next line).
        bold_first_line: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    /// 1 for a top-level list, 2 for a list inside a list item, …
    pub depth: usize,
    /// The item's number for ordered lists (`start + index`); `None` for bullets.
    pub number: Option<u64>,
    /// The marker as printed: `1.`, `3)`, `-`.
    pub marker: String,
}

/// A line of collected text and where it starts in the source.
#[derive(Debug, Default)]
struct Lines {
    lines: Vec<(String, usize)>,
    start: Option<usize>,
    end: usize,
}

impl Lines {
    fn push_text(&mut self, text: &str, at: Range<usize>) {
        if self.lines.is_empty() {
            self.lines.push((String::new(), at.start));
        }
        self.start.get_or_insert(at.start);
        self.end = self.end.max(at.end);
        if let Some(last) = self.lines.last_mut() {
            last.0.push_str(text);
        }
    }

    fn newline(&mut self, at: usize) {
        if !self.lines.is_empty() {
            self.lines.push((String::new(), at));
        }
    }

    fn is_empty(&self) -> bool {
        self.lines.iter().all(|(l, _)| l.trim().is_empty())
    }
}

#[derive(Debug)]
enum Container {
    /// `next` is the position-based number; `last_printed` the number printed on the previous item.
    List {
        next: Option<u64>,
        last_printed: Option<u64>,
    },
    Item {
        pending: Option<ListItem>,
        had_text: bool,
        /// The item opens with a heading (`1. ## Wages`): its paragraphs are the provision's text, not
        /// continuations of one list item.
        holds_heading: bool,
    },
    Other,
}

/// Runs the Markdown parser over `text[body_start..]` and returns the blocks with absolute byte ranges.
/// `scan` is how the document numbers its provisions ([`provision::scan`]): it decides whether provision
/// lines are split out of their paragraphs and whether a heading takes the number of its list item.
pub fn collect(text: &str, body_start: usize, scan: Scan) -> Vec<RawBlock> {
    let body = &text[body_start..];
    let mut blocks = Vec::new();
    let mut stack: Vec<Container> = Vec::new();
    let mut lines = Lines::default();
    let mut heading_level: Option<u8> = None;
    let mut heading_item: Option<u64> = None;
    let split = match scan {
        Scan::Word(word) => Some(word),
        _ => None,
    };
    let mut table_row: Vec<String> = Vec::new();
    let mut in_table_cell = false;

    let shift = |r: Range<usize>| (r.start + body_start)..(r.end + body_start);

    for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        let range = shift(range);
        match event {
            Event::Start(Tag::Heading { .. }) | Event::Start(Tag::Paragraph) => {
                if !lines.is_empty() {
                    flush(text, &mut lines, &mut stack, &mut blocks, split);
                }
                lines = Lines::default();
                if let Event::Start(Tag::Heading { level, .. }) = event {
                    heading_level = Some(heading_number(level));
                    if scan == Scan::Bare {
                        heading_item = item_heading(&mut stack);
                    }
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let level = heading_level.take().unwrap_or(1);
                let joined: Vec<&str> = lines.lines.iter().map(|(l, _)| l.as_str()).collect();
                let heading_text = crate::text::collapse_whitespace(&joined.join(" "));
                let start = lines.start.unwrap_or(range.start);
                blocks.push(RawBlock::Heading {
                    level,
                    text: heading_text,
                    range: start.min(range.start)..range.end,
                    item_number: heading_item.take(),
                    provision_line: false,
                });
                lines = Lines::default();
            }
            Event::End(TagEnd::Paragraph) => {
                flush(text, &mut lines, &mut stack, &mut blocks, split)
            }
            Event::Start(Tag::List(first)) => {
                if !lines.is_empty() {
                    flush(text, &mut lines, &mut stack, &mut blocks, split);
                }
                stack.push(Container::List {
                    next: first,
                    last_printed: None,
                });
            }
            Event::End(TagEnd::List(_)) => {
                stack.pop();
            }
            Event::Start(Tag::Item) => {
                let depth = stack
                    .iter()
                    .filter(|c| matches!(c, Container::List { .. }))
                    .count();
                let marker = item_marker(&text[range.clone()]);
                let printed: Option<u64> = marker.trim_end_matches(['.', ')']).parse().ok();
                let list = stack
                    .iter_mut()
                    .rev()
                    .find(|c| matches!(c, Container::List { .. }));
                let number = match list {
                    Some(Container::List {
                        next: Some(n),
                        last_printed,
                    }) => {
                        let position = *n;
                        *n = n.saturating_add(1);
                        // The printed number wins (a draft that skips `3.` after deleting a paragraph keeps
                        // `4.`), unless the author numbered lazily (`1.` `1.` `1.`), as Markdown allows.
                        let number = match (printed, *last_printed) {
                            (Some(p), None) => p,
                            (Some(p), Some(last)) if p > last => p,
                            _ => position,
                        };
                        *last_printed = Some(number);
                        Some(number)
                    }
                    _ => None,
                };
                stack.push(Container::Item {
                    pending: Some(ListItem {
                        depth,
                        number,
                        marker,
                    }),
                    had_text: false,
                    holds_heading: false,
                });
            }
            Event::End(TagEnd::Item) => {
                if !lines.is_empty() {
                    flush(text, &mut lines, &mut stack, &mut blocks, split);
                }
                stack.pop();
            }
            Event::Start(Tag::BlockQuote(_)) | Event::Start(Tag::FootnoteDefinition(_)) => {
                stack.push(Container::Other)
            }
            Event::End(TagEnd::BlockQuote(_)) | Event::End(TagEnd::FootnoteDefinition) => {
                if !lines.is_empty() {
                    flush(text, &mut lines, &mut stack, &mut blocks, split);
                }
                stack.pop();
            }
            Event::Start(Tag::CodeBlock(_)) if !lines.is_empty() => {
                flush(text, &mut lines, &mut stack, &mut blocks, split);
            }
            Event::End(TagEnd::CodeBlock) => {
                flush(text, &mut lines, &mut stack, &mut blocks, split)
            }
            Event::Start(Tag::TableCell) => in_table_cell = true,
            Event::End(TagEnd::TableCell) => {
                in_table_cell = false;
                let cell: Vec<&str> = lines.lines.iter().map(|(l, _)| l.as_str()).collect();
                table_row.push(crate::text::collapse_whitespace(&cell.join(" ")));
                let (start, end) = (lines.start, lines.end);
                lines = Lines::default();
                lines.start = start;
                lines.end = end;
            }
            Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => {
                let row = table_row.join(" | ");
                table_row.clear();
                if !row.trim().is_empty() {
                    blocks.push(RawBlock::Text {
                        text: row,
                        range,
                        item: None,
                        continuation: false,
                        within: 0,
                        emphasised: false,
                        bold_first_line: false,
                    });
                }
            }
            // Text struck through ("~~…~~") is a counter-draft's proposed deletion: its marks stay in the
            // text, so that striking a clause through is a difference a redline shows.
            Event::Start(Tag::Strikethrough) => {
                lines.push_text("~~", range.start..(range.start + 2).min(range.end));
            }
            Event::End(TagEnd::Strikethrough) => {
                lines.push_text(
                    "~~",
                    range.end.saturating_sub(2).max(range.start)..range.end,
                );
            }
            Event::Text(t) | Event::Code(t) => {
                if in_table_cell {
                    lines.push_text(&t, range);
                } else {
                    // Code blocks and HTML blocks hand over several lines in one event.
                    let mut offset = range.start;
                    for (i, part) in t.split('\n').enumerate() {
                        if i > 0 {
                            lines.newline(offset);
                        }
                        lines.push_text(part, offset..offset + part.len());
                        offset += part.len() + 1;
                    }
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                // Markup is not agreement text: a `<meta>` line or a comment carries nothing a reader needs.
                // Other HTML is kept as literal text (renderers escape it), so no words are lost.
                let trimmed = html.trim_start().to_ascii_lowercase();
                let markup_only = trimmed.starts_with("<meta")
                    || trimmed.starts_with("<!--")
                    || trimmed.starts_with("<link")
                    || trimmed.starts_with("<br")
                    || trimmed.starts_with("</br");
                if !markup_only {
                    lines.push_text(html.trim_end_matches('\n'), range.clone());
                }
                if trimmed.starts_with("<br") {
                    lines.newline(range.end);
                }
            }
            Event::SoftBreak | Event::HardBreak => lines.newline(range.end),
            Event::FootnoteReference(label) => lines.push_text(&format!("[^{label}]"), range),
            Event::TaskListMarker(done) => {
                lines.push_text(if done { "[x] " } else { "[ ] " }, range)
            }
            Event::Rule if !lines.is_empty() => {
                flush(text, &mut lines, &mut stack, &mut blocks, split);
            }
            _ => {}
        }
    }
    if !lines.is_empty() {
        flush(text, &mut lines, &mut stack, &mut blocks, split);
    }
    blocks
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn item_marker(source: &str) -> String {
    let trimmed = source.trim_start();
    let end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
    trimmed[..end].to_owned()
}

/// `1. ## Wages`: a heading that opens a numbered list item takes the item's number, and the item's
/// paragraphs after it are the provision's own (not continuations of one list item).
fn item_heading(stack: &mut [Container]) -> Option<u64> {
    let Some(Container::Item {
        pending,
        had_text,
        holds_heading,
    }) = stack.last_mut()
    else {
        return None;
    };
    if *had_text || pending.as_ref().is_none_or(|p| p.number.is_none()) {
        return None;
    }
    *had_text = true;
    *holds_heading = true;
    pending.take().and_then(|p| p.number)
}

/// Turns the collected lines into blocks: lines that are really headings become headings, the rest text.
/// With `split`, a line that is a provision heading of that word ([`provision::standalone`]) is one too,
/// even inside a paragraph (`SEC. 2. DEFINITIONS.` and `In this Act:` on the next line).
fn flush(
    source: &str,
    lines: &mut Lines,
    stack: &mut [Container],
    blocks: &mut Vec<RawBlock>,
    split: Option<ProvisionWord>,
) {
    let mut taken = std::mem::take(lines);
    let end = taken.end;
    let within = stack
        .iter()
        .filter(|c| matches!(c, Container::Item { .. }))
        .count();
    // The innermost list item this text belongs to, if any, and whether it already has text.
    let item = stack.iter_mut().rev().find_map(|c| match c {
        Container::Item {
            pending,
            had_text,
            holds_heading,
        } => Some((pending, had_text, *holds_heading)),
        _ => None,
    });
    let (mut pending_item, continuation) = match item {
        Some((pending, had_text, holds_heading)) => {
            let continuation = *had_text && !holds_heading;
            *had_text = true;
            (pending.take(), continuation)
        }
        None => (None, false),
    };

    let mut run: Vec<(String, usize)> = Vec::new();
    let mut run_is_first = true;
    let emit_run = |run: &mut Vec<(String, usize)>,
                    until: usize,
                    blocks: &mut Vec<RawBlock>,
                    item: Option<ListItem>,
                    continuation: bool| {
        if run.iter().all(|(l, _)| l.trim().is_empty()) {
            run.clear();
            return;
        }
        let start = run[0].1;
        let text = match run.as_mut_slice() {
            [(only, _)] => std::mem::take(only),
            lines => lines
                .iter()
                .map(|(l, _)| l.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        };
        let bold_first_line = heading::is_bold_line(raw_line_at(source, start));
        blocks.push(RawBlock::Text {
            text,
            range: start..until.max(start),
            item,
            continuation,
            within,
            emphasised: run.len() == 1 && bold_first_line,
            bold_first_line,
        });
        run.clear();
    };

    let single_line = taken.lines.len() == 1;
    for i in 0..taken.lines.len() {
        let next_start = taken.lines.get(i + 1).map_or(end, |(_, s)| *s);
        // A heading typed as the first line of a paragraph is a heading too: with its title on the next
        // line ("Pasal 1" then "Tujuan", "BAB I" then "KETENTUAN UMUM"), or bare ("Pasal 3" then the
        // article's first sentence). No sentence breaks its line right after "Article 3" and starts there.
        let first_of_many = (i == 0 && !single_line)
            .then(|| heading::standalone_line(raw_line_at(source, taken.lines[0].1)))
            .flatten()
            .filter(|kind| {
                matches!(kind, heading::HeadingKind::Article { title: None, .. })
                    || taken.lines.len() == 2
                        && (crate::parse::is_caps_title(&taken.lines[1].0)
                            || crate::parse::is_plain_title(&taken.lines[1].0))
            })
            .is_some();
        let (line, at) = &mut taken.lines[i];
        let raw_line = raw_line_at(source, *at);
        if let Some(level) =
            hash_heading_level(raw_line).filter(|_| pending_item.is_none() && !continuation)
        {
            emit_run(
                &mut run,
                *at,
                blocks,
                pending_item.take(),
                continuation && run_is_first,
            );
            run_is_first = false;
            let text = line.trim_start_matches('#');
            blocks.push(RawBlock::Heading {
                level,
                text: crate::text::collapse_whitespace(text),
                range: *at..next_start,
                item_number: None,
                provision_line: false,
            });
            continue;
        }
        // The cheap conditions first: classifying a line is the expensive part.
        let standalone = pending_item.is_none()
            && (first_of_many
                || (single_line
                    || raw_line.trim().starts_with("**")
                    || raw_line.trim().starts_with("__"))
                    && heading::standalone_line(raw_line).is_some());
        // A heading line inside a paragraph, or a provision line ("SEC. 2. DEFINITIONS.") in a document
        // that numbers its provisions with that word: split out of the paragraph as a heading.
        let provision_line = !standalone
            && pending_item.is_none()
            && split.is_some_and(|word| {
                provision::standalone(raw_line).is_some_and(|p| p.word == word)
            });
        if standalone || provision_line {
            emit_run(&mut run, *at, blocks, None, continuation && run_is_first);
            run_is_first = false;
            blocks.push(RawBlock::Heading {
                level: 0,
                text: crate::text::collapse_whitespace(line),
                range: *at..next_start,
                item_number: None,
                provision_line,
            });
            continue;
        }
        run.push((std::mem::take(line), *at));
    }
    let item = pending_item.take();
    emit_run(&mut run, end, blocks, item, continuation && run_is_first);
}

/// The whole source line that contains `at`.
fn raw_line_at(source: &str, at: usize) -> &str {
    let at = at.min(source.len());
    let start = source[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = source[at..].find('\n').map_or(source.len(), |i| at + i);
    &source[start..end]
}

/// `###Article 1` (no space after the hashes) is a heading in treaty Markdown even though CommonMark
/// reads it as a paragraph.
fn hash_heading_level(raw_line: &str) -> Option<u8> {
    let trimmed = raw_line.trim_start();
    if raw_line.len() - trimmed.len() > 3 {
        return None;
    }
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    let rest = &trimmed[hashes..];
    let starts_word = rest.chars().next().is_some_and(|c| c.is_alphanumeric());
    ((1..=6).contains(&hashes) && starts_word).then_some(hashes as u8)
}
