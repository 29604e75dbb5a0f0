//! The Markdown parser: from source text to an [`Agreement`] with ids, spans and diagnostics.
//!
//! **It never fails.** Whatever the input, it returns the best structure it can find plus diagnostics.
//! Only decoding bytes into text ([`crate::source::decode`]) can refuse an input.
//!
//! This file builds the tree block by block. What follows once it stands is in submodules: numbering
//! sequences and languages (`sequence`), ids (`ids`); `lines` reads what a line of text announces (a
//! closing formula, a title).

mod ids;
mod lines;
mod sequence;

use crate::blocks::{self, ListItem, RawBlock};
use crate::frontmatter;
use crate::heading::{self, HeadingKind};
use crate::label::{self, Family, Label};
use crate::model::{
    Agreement, Article, Block, Clause, ClauseKind, Diagnostic, Division, DivisionKind, Language,
    Severity, Span,
};
use crate::numbering::ArticleNumber;
use crate::provision::{self, ProvisionWord, Scan, clean_title};
use crate::source::LineIndex;
use crate::text::{collapse_whitespace, normalize};
use ids::{assign_article_ids, assign_clause_ids, assign_division_ids};
pub(crate) use lines::{is_caps_title, is_closing_cue, is_plain_title};
use lines::{is_closing_heading, is_closing_sentence, is_testimonium, title_line};
use sequence::{assign_languages, check_sequence, lift_restarted_sequences, number_sequences};

/// Clauses nested deeper than this are attached at this depth (with a warning) instead: no real agreement
/// goes this deep, and a bounded tree keeps every later recursive walk safe.
pub const MAX_CLAUSE_DEPTH: usize = 32;

/// Parses a Markdown agreement.
pub fn parse(source: &str) -> Agreement {
    let index = LineIndex::new(source);
    let mut diagnostics = Vec::new();
    let (meta, body_start) = match frontmatter::split(source) {
        Some(front) => (
            frontmatter::read(&front, source, &index, &mut diagnostics),
            front.body_start,
        ),
        None => (Default::default(), 0),
    };
    let scan = provision::scan(&source[body_start..]);
    let raw = blocks::collect(source, body_start, scan);
    let mut builder = Builder::new(source, &index, &raw, scan);
    for (i, block) in raw.iter().enumerate() {
        builder.block(i, block);
    }
    let mut agreement = builder.finish();
    agreement.meta = meta;
    agreement.title_line = agreement.title.clone();
    if let Some(title) = agreement.meta.title.clone() {
        agreement.title = Some(title);
    }
    diagnostics.append(&mut agreement.diagnostics);
    agreement.diagnostics = diagnostics;
    assign_article_ids(&mut agreement);
    if agreement.provision_word.is_none() && !agreement.articles.is_empty() {
        agreement.provision_word =
            provision::referred_word(&agreement.articles).map(|w| w.as_str().to_owned());
    }
    assign_languages(&mut agreement);
    if agreement.articles.is_empty() {
        agreement.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            code: "no-articles",
            message: "no article headings found (expected e.g. `## Article 1`, `## Pasal 1` or `## 1. Title`)".into(),
            span: index.span(source, body_start, body_start),
        });
    }
    agreement
        .diagnostics
        .sort_by_key(|d| (d.span.start, d.code));
    agreement
}

struct OpenArticle {
    number: ArticleNumber,
    heading: Option<String>,
    heading_level: u8,
    division: Option<usize>,
    start: usize,
    end: usize,
    clauses: Vec<Clause>,
    /// Path of open clauses: indices from the root list down, with each one's family and list depth.
    open: Vec<OpenClause>,
    /// The list depth of the titled list item that opened the article (`1. Wages and Deductions`): the
    /// item's further paragraphs are the article's paragraphs, not continuations of one clause.
    list_level: Option<usize>,
}

#[derive(Clone, Copy)]
struct OpenClause {
    index: usize,
    family: Option<Family>,
    /// The list depth the clause sits at: a list item's own depth, or the depth of the item its text is
    /// written in (0 outside lists).
    level: usize,
    /// The clause's own label when it is a single lower-case letter (to tell `(i)` the letter from `(i)` the
    /// numeral).
    letter: Option<u8>,
    /// The clause's number when it is a numbered paragraph, so that `2.` after `1.`'s points closes back
    /// to `1.` even when the points were written as text between two Markdown lists.
    number: Option<u32>,
}

struct Builder<'a> {
    source: &'a str,
    index: &'a LineIndex,
    /// Whether the document introduces articles with a word; if not, plain numbered headings are articles.
    word_mode: bool,
    /// Where no article word appears: the word that numbers the provisions instead (`SECTION 1.`,
    /// `Clause 4`, `Paragraph 2`); `None` where plain numbers do.
    provision_word: Option<ProvisionWord>,
    /// Per first-pass block: whether it is a titled top-level list item that opens a provision. Empty
    /// unless the document is written as such a list (no article word, no provision word, no numbered
    /// headings).
    titled_items: Vec<bool>,
    title: Option<String>,
    preamble: Vec<Block>,
    divisions: Vec<Division>,
    open_divisions: Vec<usize>,
    articles: Vec<(ArticleNumber, Article)>,
    article: Option<OpenArticle>,
    closing: Vec<Block>,
    in_closing: bool,
    diagnostics: Vec<Diagnostic>,
    warned_depth: bool,
    warned_preamble: bool,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str, index: &'a LineIndex, raw: &[RawBlock], scan: Scan) -> Builder<'a> {
        let (mut word_mode, mut numbered) = (false, false);
        for block in raw {
            if let RawBlock::Heading {
                text, item_number, ..
            } = block
            {
                match heading::classify(text) {
                    HeadingKind::Article { .. } => word_mode = true,
                    HeadingKind::Numbered { .. } => numbered = true,
                    _ => numbered |= item_number.is_some(),
                }
            }
        }
        // The scan reads lines, this pass reads Markdown: where they disagree, an article word wins.
        let provision_word = match scan {
            Scan::Word(word) if !word_mode => Some(word),
            _ => None,
        };
        let titled_items = if word_mode || provision_word.is_some() || numbered {
            Vec::new()
        } else {
            provision::titled_items(raw)
        };
        Builder {
            source,
            index,
            word_mode,
            provision_word,
            titled_items,
            title: None,
            preamble: Vec::new(),
            divisions: Vec::new(),
            open_divisions: Vec::new(),
            articles: Vec::new(),
            article: None,
            closing: Vec::new(),
            in_closing: false,
            diagnostics: Vec::new(),
            warned_depth: false,
            warned_preamble: false,
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        self.index.span(self.source, start, end)
    }

    fn warn(&mut self, code: &'static str, message: String, start: usize, end: usize) {
        let span = self.span(start, end);
        self.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            code,
            message,
            span,
        });
    }

    /// The word messages name a provision with: "Article", or "Section", "Clause", "Paragraph".
    fn noun(&self) -> &'static str {
        self.provision_word
            .map_or(ProvisionWord::Article.noun(), ProvisionWord::noun)
    }

    fn block(&mut self, i: usize, block: &RawBlock) {
        match block {
            RawBlock::Heading {
                text,
                range,
                provision_line: true,
                ..
            } if self.provision_word.is_none() => {
                // Split out for a provision word the document turned out not to use: text after all.
                let text = RawBlock::Text {
                    text: text.clone(),
                    range: range.clone(),
                    item: None,
                    continuation: false,
                    within: 0,
                    emphasised: false,
                    bold_first_line: false,
                };
                self.text(i, &text);
            }
            RawBlock::Heading {
                level,
                text,
                range,
                item_number,
                ..
            } => self.heading(*level, text, range.start, range.end, *item_number),
            RawBlock::Text { .. } => self.text(i, block),
        }
    }

    fn heading(
        &mut self,
        level: u8,
        text: &str,
        start: usize,
        end: usize,
        item_number: Option<u64>,
    ) {
        let text = normalize(text);
        if let Some(word) = self.provision_word
            && let Some(found) = provision::read(&text).filter(|p| p.word == word)
        {
            return self.open_article(found.number, found.title, level, start, end);
        }
        let bare = !self.word_mode && self.provision_word.is_none();
        let kind = match heading::classify(&text) {
            // `1. ## Wages`: the list item numbers the heading.
            HeadingKind::Other if bare => item_number
                .and_then(|n| ArticleNumber::parse(&n.to_string()))
                .map_or(HeadingKind::Other, |number| HeadingKind::Numbered {
                    number,
                    title: clean_title(&text),
                }),
            kind => kind,
        };
        match kind {
            HeadingKind::Article { number, title } => {
                self.open_article(number, title, level, start, end)
            }
            HeadingKind::Numbered { number, title } if bare => {
                self.open_article(number, title, level, start, end)
            }
            HeadingKind::Division {
                kind,
                number,
                title,
            } => self.open_division(kind, number, title, start, end),
            _ => self.other_heading(level, &text, start, end),
        }
    }

    fn open_article(
        &mut self,
        number: ArticleNumber,
        heading: Option<String>,
        level: u8,
        start: usize,
        end: usize,
    ) {
        self.close_article();
        self.in_closing = false;
        self.article = Some(OpenArticle {
            number,
            // Titles are kept as written, without the punctuation and emphasis around them.
            heading: heading.as_deref().and_then(clean_title),
            heading_level: level,
            division: self.open_divisions.last().copied(),
            start,
            end,
            clauses: Vec::new(),
            open: Vec::new(),
            list_level: None,
        });
    }

    fn open_division(
        &mut self,
        kind: DivisionKind,
        number: Option<String>,
        heading: Option<String>,
        start: usize,
        end: usize,
    ) {
        self.close_article();
        self.in_closing = false;
        // Divisions nest by rank (Annex > Title > Part > Chapter > Section > plain heading), not by the
        // Markdown heading level, which real texts use inconsistently.
        while let Some(&open) = self.open_divisions.last() {
            if self.divisions[open].kind >= kind || kind == DivisionKind::Annex {
                self.open_divisions.pop();
            } else {
                break;
            }
        }
        let parent = self.open_divisions.last().copied();
        let span = self.span(start, end);
        self.divisions.push(Division {
            id: String::new(),
            kind,
            number,
            heading,
            parent,
            intro: Vec::new(),
            span,
        });
        self.open_divisions.push(self.divisions.len() - 1);
    }

    fn other_heading(&mut self, level: u8, text: &str, start: usize, end: usize) {
        let text = collapse_whitespace(text);
        if text.is_empty() {
            return;
        }
        // `## Article 5` followed by `### Wages`: the second heading names the article.
        if let Some(article) = &mut self.article
            && article.heading.is_none()
            && article.clauses.is_empty()
            && level >= article.heading_level
        {
            article.heading = Some(clean_title(&text).unwrap_or(text));
            article.end = end;
            return;
        }
        if self.title.is_none()
            && self.articles.is_empty()
            && self.article.is_none()
            && self.divisions.is_empty()
        {
            self.title = Some(text);
            return;
        }
        // A Word file with a Title paragraph and the same words again as Heading 1 (as pandoc writes front
        // matter's title above the body's own): the repeat is the title, and what follows is the preamble,
        // not a division's intro. A repeat that differs is a heading of its own, so no change can hide here.
        if self.articles.is_empty()
            && self.article.is_none()
            && self.divisions.is_empty()
            && self
                .title
                .as_deref()
                .is_some_and(|title| title.eq_ignore_ascii_case(&text))
        {
            return;
        }
        // `## CHAPTER I` followed by `## GENERAL PROVISIONS`: the second heading names the chapter.
        if self.article.is_none()
            && let Some(&open) = self.open_divisions.last()
            && open + 1 == self.divisions.len()
            && self.divisions[open].heading.is_none()
            && self.divisions[open].intro.is_empty()
            && self.divisions[open].kind != DivisionKind::Heading
            && self
                .articles
                .last()
                .is_none_or(|(_, a)| a.division != Some(open))
        {
            self.divisions[open].heading = Some(text);
            return;
        }
        if is_closing_heading(&text) {
            self.open_closing(text, start, end);
            return;
        }
        self.open_division(DivisionKind::Heading, None, Some(text), start, end);
    }

    fn text(&mut self, i: usize, block: &RawBlock) {
        let RawBlock::Text {
            text,
            range,
            item,
            continuation,
            within,
            emphasised,
            bold_first_line,
        } = block
        else {
            return;
        };
        let (start, end, item, within) = (range.start, range.end, item.as_ref(), *within);
        let (emphasised, bold_first_line) = (*emphasised, *bold_first_line);
        // A further paragraph of the list item that opened the article is a paragraph of the article.
        let continuation = *continuation
            && self
                .article
                .as_ref()
                .is_none_or(|a| a.list_level != Some(within));
        let text = normalize(text);
        if self.in_closing {
            self.closing.push(Block {
                text: collapse_whitespace(&text),
                span: self.span(start, end),
            });
            return;
        }
        if self.titled_items.get(i) == Some(&true)
            && let Some(item) = item
            && let Some(number) = item
                .number
                .and_then(|n| ArticleNumber::parse(&n.to_string()))
        {
            // `1. Wages and Deductions`: the item's first line is the title, the rest its text.
            let (title, rest) = text.split_once('\n').unwrap_or((text.as_ref(), ""));
            let rest_start = self.next_line(start, end);
            self.open_article(
                number,
                Some(title.to_owned()),
                0,
                start,
                rest_start.unwrap_or(end),
            );
            if let Some(article) = &mut self.article {
                article.list_level = Some(item.depth);
            }
            if let Some(rest_start) = rest_start.filter(|_| !rest.trim().is_empty()) {
                self.article_text(rest, rest_start, end, None, false, within);
            }
            return;
        }
        if self.article.is_some() {
            if item.is_none() && !continuation && is_closing_sentence(&text) {
                self.open_closing(collapse_whitespace(&text), start, end);
                return;
            }
            // `## ARTICLE 2` then `**Scope**` (or `SCOPE`), alone or as the first line of the text: the line
            // names the article.
            if item.is_none()
                && self
                    .article
                    .as_ref()
                    .is_some_and(|a| a.heading.is_none() && a.clauses.is_empty())
                && let Some((title, rest)) = title_line(&text, emphasised, bold_first_line)
            {
                let rest_start = self.next_line(start, end).filter(|_| !rest.is_empty());
                if let Some(article) = &mut self.article {
                    article.heading = Some(title);
                    article.end = rest_start.unwrap_or(end);
                }
                if let Some(rest_start) = rest_start {
                    self.article_text(rest, rest_start, end, None, false, within);
                }
                return;
            }
            self.article_text(&text, start, end, item, continuation, within);
            return;
        }
        // "Done at Jakarta on …" after the last annex, where many memoranda place it, is the closing formula,
        // not the annex's text. A model contract in an annex has its own "Signed at …" lines, so only the
        // formulas that close a treaty count here, and only once the agreement has articles.
        if item.is_none() && !continuation && !self.articles.is_empty() && is_testimonium(&text) {
            self.open_closing(collapse_whitespace(&text), start, end);
            return;
        }
        // `BAB I` then `KETENTUAN UMUM` (or `**General Provisions**`): the line names the division.
        if let Some(&open) = self.open_divisions.last()
            && item.is_none()
            && open + 1 == self.divisions.len()
            && self.divisions[open].heading.is_none()
            && self.divisions[open].intro.is_empty()
            && (emphasised || is_caps_title(&text))
        {
            let title = text.trim().trim_matches(['*', '_']).trim();
            self.divisions[open].heading = Some(collapse_whitespace(title));
            return;
        }
        let labelled = item.is_some()
            || label::split_label(&text).is_some_and(|(l, _)| l.family != Family::Bullet);
        // A numbered list item outside the articles (an annex's points, an exchange of notes made of
        // numbered paragraphs) keeps the number a reader sees, so that a renumbering is a difference.
        let number = item
            .as_ref()
            .filter(|_| !continuation)
            .and_then(|i| Some((i.number?, i.marker.ends_with(')'))));
        let text = match number {
            Some((n, true)) => format!("{n}) {}", collapse_whitespace(&text)),
            Some((n, false)) => format!("{n}. {}", collapse_whitespace(&text)),
            None => collapse_whitespace(&text),
        };
        let block = Block {
            text,
            span: self.span(start, end),
        };
        if let Some(&division) = self.open_divisions.last() {
            self.divisions[division].intro.push(block);
        } else {
            if labelled && !self.warned_preamble {
                self.warned_preamble = true;
                self.warn(
                    "text-before-first-article",
                    "numbered text before the first article: is an article heading missing?".into(),
                    start,
                    end,
                );
            }
            self.preamble.push(block);
        }
    }

    /// Where the source line after the one at `start` begins, if it is before `end`.
    fn next_line(&self, start: usize, end: usize) -> Option<usize> {
        let within = self.source.get(start..end.min(self.source.len()))?;
        within.find('\n').map(|offset| start + offset + 1)
    }

    /// Adds text to the open article, splitting it into clauses at every line that starts with a label.
    fn article_text(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        item: Option<&ListItem>,
        continuation: bool,
        within: usize,
    ) {
        // Split into units: each starts at a labelled line; unlabelled lines continue the unit before them.
        let mut units: Vec<(Option<Label>, String, usize)> = Vec::new();
        let mut offset = start;
        for (i, line) in text.split('\n').enumerate() {
            let line_start = if i == 0 {
                start
            } else {
                self.source[..end.min(self.source.len())][offset..]
                    .find(line.trim())
                    .map_or(offset, |o| offset + o)
            };
            // A further paragraph of a list item continues the item's text, unless it opens with a point's
            // label: "2. The contract shall specify:" then, indented under it, "(a) the name …".
            let continues_item = i == 0 && item.is_some() && continuation;
            match label::split_label(line) {
                Some((label, rest))
                    if !continues_item
                        || !matches!(label.family, Family::Number | Family::Bullet) =>
                {
                    units.push((Some(label), rest.to_owned(), line_start));
                }
                _ if i == 0 || units.is_empty() => units.push((None, line.to_owned(), line_start)),
                _ => {
                    if let Some(last) = units.last_mut() {
                        last.1.push(' ');
                        last.1.push_str(line);
                    }
                }
            }
            offset = line_start;
        }
        for (n, (label, body, unit_start)) in units.into_iter().enumerate() {
            let first = n == 0;
            if first && continuation && label.is_none() {
                // A second paragraph inside a list item belongs to that item.
                self.append_to_current(&body, unit_start, end);
                continue;
            }
            let list = if first && !continuation { item } else { None };
            self.add_clause(label, &body, unit_start, end, list, within);
        }
    }

    fn append_to_current(&mut self, body: &str, start: usize, end: usize) {
        let span = self.span(start, end);
        let Some(article) = &mut self.article else {
            return;
        };
        let Some(clause) = current_clause(&mut article.clauses, &article.open) else {
            article.clauses.push(unlabelled(body, span));
            return;
        };
        clause.text = collapse_whitespace(&format!("{} {}", clause.text, body));
        clause.span.end = clause.span.end.max(end);
        article.end = article.end.max(end);
    }

    fn add_clause(
        &mut self,
        label: Option<Label>,
        body: &str,
        start: usize,
        end: usize,
        item: Option<&ListItem>,
        within: usize,
    ) {
        let span = self.span(start, end);
        let mut depth_warning = false;
        let Some(article) = &mut self.article else {
            return;
        };
        article.end = article.end.max(end);

        // The label: a list item's number, or the label written at the start of its text.
        let mut label = match (item, label) {
            (
                Some(ListItem {
                    number: Some(n),
                    marker,
                    ..
                }),
                _,
            ) => Some(Label {
                family: if marker.ends_with(')') {
                    Family::HalfNumber
                } else {
                    Family::Number
                },
                token: n.to_string(),
                marker: marker.clone(),
            }),
            (Some(ListItem { marker, .. }), None) => Some(Label {
                family: Family::Bullet,
                token: String::new(),
                marker: marker.clone(),
            }),
            (_, label) => label,
        };
        // A list item sits at its own list depth; other text at the depth of the item it is written in.
        // Deeper clauses close first; among clauses at the same depth, numbering families decide.
        let level = item.map_or(within, |i| i.depth);
        if item.is_some() {
            while article.open.last().is_some_and(|o| o.level > level) {
                article.open.pop();
            }
        } else {
            // Text outside a list that has ended: the list's items stay open at this text's level, so
            // unindented points after `1. …` still belong to paragraph 1 (as real treaty Markdown writes them).
            for open in article.open.iter_mut().filter(|o| o.level > level) {
                open.level = level;
            }
        }
        // `(i)` right after `(h)` is a letter; otherwise a Roman numeral.
        if let Some(l) = &label
            && l.ambiguous_roman()
        {
            let previous_letter = l.token.as_bytes()[0].to_ascii_lowercase().wrapping_sub(1);
            if article
                .open
                .iter()
                .any(|o| o.letter == Some(previous_letter))
            {
                label = Some(l.as_letter());
            }
        }
        let family = label.as_ref().map(|l| l.family);
        // A label of a family already open closes back to that sibling; a new family nests inside the clause
        // before it (points under their paragraph, whether written as text or as a list after it).
        let movable = article
            .open
            .iter()
            .rposition(|o| o.level < level)
            .map_or(0, |p| p + 1);
        match family {
            Some(f) => {
                if let Some(pos) = article.open[movable..]
                    .iter()
                    .rposition(|o| o.family == Some(f))
                {
                    article.open.truncate(movable + pos);
                } else if let Some(pos) = (f == Family::Number && item.is_some())
                    .then(|| label.as_ref().and_then(|l| l.token.parse::<u32>().ok()))
                    .flatten()
                    .and_then(|n| {
                        article
                            .open
                            .iter()
                            .rposition(|o| o.number.is_some_and(|m| m + 1 == n))
                    })
                {
                    // `1. …` `(a) …` `(b) …` `2. …` where the points are text and each numbered paragraph
                    // its own list: the successor of an open paragraph is its sibling, not a sub-point.
                    article.open.truncate(pos);
                } else if f == Family::Number && item.is_none() {
                    // `(3)` written lazily inside a `1)` sub-point list still closes back to `(2)`; and a
                    // numbered paragraph never nests inside an unlabelled sentence before it.
                    match article
                        .open
                        .iter()
                        .rposition(|o| o.family == Some(Family::Number))
                    {
                        Some(pos) => article.open.truncate(pos),
                        None => {
                            while article.open.last().is_some_and(|o| o.family.is_none()) {
                                article.open.pop();
                            }
                        }
                    }
                }
            }
            None => {
                // Unlabelled text after points wraps up the enclosing paragraph.
                while article.open.len() > movable
                    && article
                        .open
                        .last()
                        .is_some_and(|o| o.family != Some(Family::Number))
                {
                    article.open.pop();
                }
            }
        }
        if article.open.len() >= MAX_CLAUSE_DEPTH {
            article.open.truncate(MAX_CLAUSE_DEPTH - 1);
            depth_warning = true;
        }
        // `1)` is a point under a lettered point, but a paragraph when it opens the article's structure.
        if family == Some(Family::HalfNumber)
            && article.open.is_empty()
            && let Some(l) = &mut label
        {
            l.family = Family::Number;
        }
        let family = label.as_ref().map(|l| l.family);
        let kind = match family {
            Some(Family::Number) => ClauseKind::Paragraph,
            Some(_) => ClauseKind::Point,
            None => ClauseKind::Subparagraph,
        };
        let clause = Clause {
            id: String::new(),
            kind,
            label: label.as_ref().map(Label::canonical),
            marker: label.as_ref().map(|l| l.marker.clone()),
            text: collapse_whitespace(body),
            children: Vec::new(),
            span,
        };
        let letter = label
            .as_ref()
            .filter(|l| l.family == Family::Lower && l.token.len() == 1)
            .map(|l| l.token.as_bytes()[0]);
        let number = label
            .as_ref()
            .filter(|l| l.family == Family::Number)
            .and_then(|l| l.token.parse().ok());
        // The open path always points at existing clauses; an empty path yields the article's own list.
        let Some(siblings) = children_at(&mut article.clauses, &article.open) else {
            return;
        };
        siblings.push(clause);
        let index = siblings.len() - 1;
        article.open.push(OpenClause {
            index,
            family,
            level,
            letter,
            number,
        });
        if depth_warning && !self.warned_depth {
            self.warned_depth = true;
            self.warn(
                "nesting-too-deep",
                format!("points nested deeper than {MAX_CLAUSE_DEPTH} levels were attached at level {MAX_CLAUSE_DEPTH}"),
                start,
                end,
            );
        }
    }

    /// Ends the article, if one is open, and opens the closing part with its first block: everything
    /// after it is closing formula or signatures.
    fn open_closing(&mut self, text: String, start: usize, end: usize) {
        self.close_article();
        self.in_closing = true;
        self.closing.push(Block {
            text,
            span: self.span(start, end),
        });
    }

    fn close_article(&mut self) {
        let Some(open) = self.article.take() else {
            return;
        };
        let span = self.span(open.start, open.end);
        let article = Article {
            id: String::new(),
            number: open.number.as_printed().to_owned(),
            heading: open.heading,
            clauses: open.clauses,
            division: open.division,
            sequence: 0,
            language: Language::Und,
            span,
        };
        self.articles.push((open.number, article));
    }

    fn finish(mut self) -> Agreement {
        self.close_article();
        let noun = self.noun();
        let provision_word = if self.word_mode {
            Some(ProvisionWord::Article)
        } else {
            self.provision_word
        };
        let mut agreement = Agreement {
            provision_word: provision_word.map(|w| w.as_str().to_owned()),
            title: self.title,
            preamble: self.preamble,
            divisions: self.divisions,
            closing: self.closing,
            diagnostics: self.diagnostics,
            ..Agreement::default()
        };
        lift_restarted_sequences(&mut agreement.divisions, &self.articles);
        number_sequences(&mut self.articles);
        check_sequence(
            &self.articles,
            &mut agreement,
            self.source,
            self.index,
            noun,
        );
        agreement.articles = self.articles.into_iter().map(|(_, a)| a).collect();
        for article in &mut agreement.articles {
            if article
                .clauses
                .iter()
                .all(|c| c.text.trim().is_empty() && c.children.is_empty())
            {
                let message = format!("{noun} {} is empty", article.number);
                let span = article.span;
                agreement.diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    code: "empty-article",
                    message,
                    span,
                });
            }
            assign_clause_ids(&mut article.clauses);
        }
        assign_division_ids(&mut agreement.divisions);
        agreement
    }
}

fn unlabelled(text: &str, span: Span) -> Clause {
    Clause {
        id: String::new(),
        kind: ClauseKind::Subparagraph,
        label: None,
        marker: None,
        text: collapse_whitespace(text),
        children: Vec::new(),
        span,
    }
}

/// The children list of the innermost open clause.
fn children_at<'c>(roots: &'c mut Vec<Clause>, path: &[OpenClause]) -> Option<&'c mut Vec<Clause>> {
    let mut list = roots;
    for step in path {
        list = &mut list.get_mut(step.index)?.children;
    }
    Some(list)
}

fn current_clause<'c>(roots: &'c mut [Clause], path: &[OpenClause]) -> Option<&'c mut Clause> {
    let (first, rest) = path.split_first()?;
    let mut clause = roots.get_mut(first.index)?;
    for step in rest {
        clause = clause.children.get_mut(step.index)?;
    }
    Some(clause)
}
