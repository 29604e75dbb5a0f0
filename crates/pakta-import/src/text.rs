//! Plain text, including what `pdftotext -layout` makes of a PDF, into Markdown: page headers, footers and
//! page numbers dropped, lines re-joined into paragraphs, hyphenated words mended, and the title, divisions,
//! articles, preamble and signature block found.
//!
//! Text carries no markup, so every decision here is a reading of layout: a form feed ends a page, a line
//! that recurs at the edge of most pages is furniture, a blank line or a short line ending a sentence ends a
//! paragraph, a label (`1.`, `(a)`) starts one, and a line that names an article and nothing else is a
//! heading. The headings are recognised by `pakta_core::heading`, the same code that reads Markdown, so an
//! imported text and a hand-written Markdown agreement agree on what an article is.
//!
//! Headings: `Article 5`, `ARTICLE V`, `PASAL 5`, `Pasal 5 — Upah`, `BAB I KETENTUAN UMUM`, `Section 1.
//! Duties`, with a title on the next line (`Pasal 5` / `Upah`) or continued there; and, because a PDF loses
//! the heading's style, a number and title with no separator (`Pasal 1 Tujuan dan Ruang Lingkup`, `Article
//! 1 Purpose and Scope`) when the line stands alone and reads as a heading, not a sentence ("Pasal 5 ayat
//! (2) mengatur …" and "Article 3 of the Convention provides …" stay text). Such a heading is written with
//! a dash: `### Pasal 1 — Tujuan dan Ruang Lingkup`.
//!
//! [`TextImport::source_map`] says where each Markdown line came from: page and line for text with form
//! feeds (a PDF's text), line for text without. An empty `source` (the reading commands import on the fly)
//! writes no front matter, so nothing in the Markdown depends on the file's name or on pakta's note.

use std::collections::{HashMap, HashSet};

use pakta_core::heading::{HeadingKind, classify, standalone_line};
use pakta_core::label::split_label;

use crate::markdown::{body_paragraph, paragraph, table_lines, yaml_string};
use crate::origin::{Imported, Origin, SourceMap, Writer};

/// What the importer did, for the summary a person checks against the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextReport {
    /// Pages, counted by form feeds (1 for text without them).
    pub pages: usize,
    /// Lines dropped as page headers, footers or page numbers.
    pub furniture: usize,
    /// The running heads and feet among them, other than page numbers, each once in page order as first
    /// printed: written to the front matter (`running-heads`), so that "DRAFT — AD REFERENDUM" that
    /// became "AGREED TEXT" is a difference.
    pub running_heads: Vec<String>,
    /// Words hyphenated across a line break that were joined again.
    pub dehyphenated: usize,
    /// Joins across a line break where the hyphen decides the meaning ("re-" + "sign": *resign* or
    /// *re-sign*) and the document gave no evidence either way, each with where the break is, the word as
    /// read and the other reading: the summary names each one for a person to check against the original.
    pub ambiguous_joins: Vec<AmbiguousJoin>,
    /// Divisions (Part, Chapter, Bab, Section …) and articles pakta's parser finds in the Markdown.
    pub divisions: usize,
    pub articles: usize,
    /// Whether a title was recognised at the top.
    pub title: bool,
}

/// A word broken at a line break after a hyphen that both joined and hyphenated would make a word of
/// different meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmbiguousJoin {
    /// Where the line with the hyphen is in the input.
    pub at: Origin,
    /// The word as the Markdown has it.
    pub read: String,
    /// The word with the other reading.
    pub other: String,
}

/// Words that change their meaning when written with a hyphen after "re": *resign* (leave a job) and
/// *re-sign* (sign again), *release* and *re-lease*. A typesetter breaks both at the same place, so a
/// line break after "re-" cannot tell them apart.
const MEANING_HYPHENS: &[&str] = &[
    "act", "claim", "collect", "count", "cover", "creat", "dress", "form", "lease", "mark",
    "press", "present", "sent", "serve", "sign", "solve", "sort", "treat",
];

/// Markdown made from plain text, with the report of what was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextImport {
    pub markdown: String,
    pub report: TextReport,
    /// Where each Markdown line came from: [`Origin::Page`] (page and line within it) for text with form
    /// feeds, as `pdftotext` prints a PDF; [`Origin::Line`] for text without them. A paragraph re-joined
    /// from several lines points at its first line.
    pub source_map: SourceMap,
}

/// One line of the source: its text without trailing whitespace, the column where it starts, and where
/// it is in the input.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    indent: usize,
    at: Origin,
}

impl Line<'_> {
    fn body(&self) -> &str {
        self.text.trim_start()
    }
    fn end_column(&self) -> usize {
        self.text.chars().count()
    }
}

/// A run of lines read as one unit of the document, with the place of its first line.
#[derive(Debug)]
enum Block {
    Paragraph {
        text: String,
        at: Origin,
    },
    /// Lines laid out in columns (signature blocks): one row per line, cells split at wide gaps.
    Table(Vec<(Origin, Vec<String>)>),
    Article {
        heading: String,
        at: Origin,
    },
    Division {
        heading: String,
        at: Origin,
    },
}

/// Imports plain text. `source` (a file name) goes into the front matter's note; an empty `source` gives
/// no front matter at all, so two files with the same text import to the same Markdown.
pub fn import(text: &str, source: &str) -> TextImport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = &*symbol_characters(text);
    let mut report = TextReport::default();
    let pages: Vec<Vec<&str>> = text
        .split('\u{c}')
        .map(|page| page.lines().map(str::trim_end).collect())
        .collect();
    // A trailing form feed leaves an empty last "page".
    let pages: Vec<Vec<&str>> = {
        let mut pages = pages;
        while pages.len() > 1 && pages.last().is_some_and(|p| p.iter().all(|l| l.is_empty())) {
            pages.pop();
        }
        pages
    };
    report.pages = pages.len();
    // Text with form feeds is a PDF's text layer: places are pages and lines within them.
    let paged = text.contains('\u{c}');
    let furniture = Furniture::find(&pages);
    report.running_heads = furniture.running_heads(&pages);
    let mut lines: Vec<Option<Line>> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let kept: Vec<(usize, &str)> = page
            .iter()
            .enumerate()
            .filter(|&(i, _)| {
                let drop = furniture.is_furniture(p, i);
                report.furniture += usize::from(drop && !page[i].is_empty());
                !drop
            })
            .map(|(i, l)| (i, *l))
            .collect();
        // Blank lines at a page's edges say nothing about paragraphs: a paragraph may run on.
        let first = kept.iter().position(|(_, l)| !l.is_empty());
        let last = kept.iter().rposition(|(_, l)| !l.is_empty());
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        for &(i, l) in &kept[first..=last] {
            if l.is_empty() {
                lines.push(None);
            } else {
                let text = l.trim_end();
                let indent = text.chars().take_while(|c| c.is_whitespace()).count();
                // A list glyph standing alone is the layout's, not the text's.
                if is_list_glyph(text.trim_start()) {
                    continue;
                }
                let text = without_list_glyph(text).unwrap_or(text);
                let at = if paged {
                    Origin::Page {
                        page: p + 1,
                        line: i + 1,
                    }
                } else {
                    Origin::Line(i + 1)
                };
                lines.push(Some(Line { text, indent, at }));
            }
        }
    }
    let vocabulary = Vocabulary::of(&lines);
    let blocks = blocks(&lines, &vocabulary, &mut report);
    let Imported {
        markdown,
        source_map,
    } = markdown(&blocks, source, &mut report);
    // What pakta will see: the parser decides whether `Section 1.` is an article or a division.
    let agreement = pakta_core::parse(&markdown);
    report.articles = agreement.articles.len();
    report.divisions = agreement.divisions.len();
    TextImport {
        markdown,
        report,
        source_map,
    }
}

/// A PDF's text layer gives a tick or a box from a symbol font as a private-use character (U+F0FE for
/// Wingdings' checked box): read as the symbol Word would insert (the usual font, Wingdings), so that a
/// tick moved to another column is a visible change, as it is in the .docx.
fn symbol_characters(text: &str) -> std::borrow::Cow<'_, str> {
    let symbol = |c: char| ('\u{f020}'..='\u{f0ff}').contains(&c);
    if !text.contains(symbol) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if symbol(c) {
            let code = format!("{:04X}", u32::from(c));
            out.push_str(&crate::docx::symbols::character(
                Some("Wingdings"),
                Some(&code),
            ));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The glyphs word processors draw before list items; `pdftotext` prints them as text.
const LIST_GLYPHS: &[char] = &[
    '•', '◦', '▪', '▫', '●', '○', '■', '□', '‣', '⁃', '∙', '·', '–', '—', '-', '*',
];

fn is_list_glyph(body: &str) -> bool {
    let mut chars = body.chars();
    chars.next().is_some_and(|c| LIST_GLYPHS.contains(&c)) && chars.next().is_none()
}

/// A line whose list glyph stands before a label of its own ("•   (a) ensure …"), from the label on:
/// the label numbers the item, the glyph only decorates it.
fn without_list_glyph(line: &str) -> Option<&str> {
    let body = line.trim_start();
    let mut chars = body.char_indices();
    let (_, glyph) = chars.next()?;
    let (space, next) = chars.next()?;
    if !LIST_GLYPHS.contains(&glyph) || !next.is_whitespace() {
        return None;
    }
    let rest = body[space..].trim_start();
    split_label(rest)
        .is_some_and(|(label, _)| label.family != pakta_core::label::Family::Bullet)
        .then_some(rest)
}

/// Which lines of which pages are headers, footers and page numbers.
struct Furniture {
    /// (page, line) pairs to drop.
    lines: HashSet<(usize, usize)>,
}

/// How many non-blank lines at the top and at the bottom of a page can be furniture.
const EDGE: usize = 3;

impl Furniture {
    /// The furniture lines that are not page numbers, each form once ("Page 3" and "Page 4" are one
    /// form), in page order, as first printed, spaces collapsed.
    fn running_heads(&self, pages: &[Vec<&str>]) -> Vec<String> {
        let mut dropped: Vec<&(usize, usize)> = self.lines.iter().collect();
        dropped.sort();
        let mut seen = HashSet::new();
        dropped
            .into_iter()
            .map(|&(p, i)| pages[p][i])
            .filter(|line| !is_page_number(line, true))
            .filter(|line| furniture_key(line).is_some_and(|key| seen.insert(key)))
            .map(|line| without_page_number(&collapse(line)))
            .filter(|line| !line.is_empty())
            .collect()
    }

    fn find(pages: &[Vec<&str>]) -> Furniture {
        let mut lines = HashSet::new();
        let edges: Vec<Vec<usize>> = pages.iter().map(|page| edge_lines(page)).collect();
        // A page number alone on a line at a page's edge, where it moves with the pages: a figure that a
        // wrapped clause left alone at the foot of a page ("not less than" / "30" / "days") is text, and
        // dropping it hid a changed notice period. A page that prints "Page 1 of 3" needs no other.
        if pages.len() > 1 {
            lines.extend(bare_page_numbers(pages, &edges));
        }
        // A line that recurs at the same edge of at least half the pages (three at least, or both of two),
        // its numbers the same on every page or counting the pages: running heads, document references,
        // "Page 3 of 12". A clause that happens to end two pages ("… shall not exceed 10 percent." and
        // "… 50 percent.") is text, and dropping it hid a changed number.
        if pages.len() > 1 {
            let mut seen: HashMap<(bool, String), Vec<Occurrence>> = HashMap::new();
            for (p, edge) in edges.iter().enumerate() {
                for &i in edge {
                    if let Some(key) = furniture_key(pages[p][i]) {
                        let occurrences = seen.entry((top(pages[p].len(), i), key)).or_default();
                        if occurrences.last().is_none_or(|(page, _)| *page != p) {
                            occurrences.push((p, numbers(pages[p][i])));
                        }
                    }
                }
            }
            let needed = (pages.len().div_ceil(2)).max(2);
            for (p, edge) in edges.iter().enumerate() {
                for &i in edge {
                    let recurs = furniture_key(pages[p][i]).is_some_and(|k| {
                        let occurrences = &seen[&(top(pages[p].len(), i), k)];
                        occurrences.len() >= needed && numbers_count_pages(occurrences)
                    });
                    if recurs {
                        lines.insert((p, i));
                    }
                }
            }
        }
        // Text without form feeds: explicit page numbers ("Page 3", "- 3 -") anywhere, and the lines right
        // beside them that recur beside other page numbers.
        if pages.len() == 1 {
            let page = &pages[0];
            let numbers: Vec<usize> = (0..page.len())
                .filter(|&i| is_page_number(page[i], false))
                .collect();
            if numbers.len() >= 2 {
                let mut near: HashMap<String, Vec<usize>> = HashMap::new();
                for &n in &numbers {
                    lines.insert((0, n));
                    for i in neighbours(page, n, 1) {
                        if let Some(key) = furniture_key(page[i]) {
                            near.entry(key).or_default().push(i);
                        }
                    }
                }
                for found in near.values().filter(|v| v.len() >= 2) {
                    lines.extend(found.iter().map(|&i| (0, i)));
                }
            }
        }
        Furniture { lines }
    }

    fn is_furniture(&self, page: usize, line: usize) -> bool {
        self.lines.contains(&(page, line))
    }
}

/// The page numbers at the pages' edges: "Page 3 of 12" always; a bare one ("12", "- 12 -", "iv") in
/// digits only where another page's keeps the same distance from its page index, so that they count the
/// pages, and only on a page without a page number in words.
fn bare_page_numbers(pages: &[Vec<&str>], edges: &[Vec<usize>]) -> Vec<(usize, usize)> {
    let mut by_offset: HashMap<i64, Vec<(usize, usize)>> = HashMap::new();
    let mut found = Vec::new();
    for (p, edge) in edges.iter().enumerate() {
        // "Page 3 of 12", "Halaman 3": a page number in words is one wherever it stands at the edge.
        let explicit: Vec<(usize, usize)> = edge
            .iter()
            .filter(|&&i| is_page_number(pages[p][i], false))
            .map(|&i| (p, i))
            .collect();
        if !explicit.is_empty() {
            found.extend(explicit);
            continue;
        }
        for &i in edge {
            if !is_page_number(pages[p][i], true) {
                continue;
            }
            match numbers(pages[p][i]).first() {
                Some(&n) => by_offset
                    .entry(n as i64 - p as i64)
                    .or_default()
                    .push((p, i)),
                // A roman numeral counts front matter; no clause ends on one alone.
                None => found.push((p, i)),
            }
        }
    }
    found.extend(
        by_offset
            .into_values()
            .filter(|at| at.iter().map(|(p, _)| p).collect::<HashSet<_>>().len() >= 2)
            .flatten(),
    );
    found
}

/// The indices of the first and last few non-blank lines of a page.
fn edge_lines(page: &[&str]) -> Vec<usize> {
    let filled: Vec<usize> = (0..page.len()).filter(|&i| !page[i].is_empty()).collect();
    let mut edge: Vec<usize> = filled.iter().take(EDGE).copied().collect();
    edge.extend(filled.iter().rev().take(EDGE).copied());
    edge.sort_unstable();
    edge.dedup();
    edge
}

/// Up to `count` non-blank lines before and after line `at`.
fn neighbours(page: &[&str], at: usize, count: usize) -> Vec<usize> {
    let before = (0..at).rev().filter(|&i| !page[i].is_empty()).take(count);
    let after = (at + 1..page.len())
        .filter(|&i| !page[i].is_empty())
        .take(count);
    before.chain(after).collect()
}

/// A recurring line's page and the numbers written in it there.
type Occurrence = (usize, Vec<u64>);

/// Whether line `i` of a page of `len` lines is in its top half: a running head stays at the top, a
/// footer at the foot.
fn top(len: usize, i: usize) -> bool {
    i < len.div_ceil(2)
}

/// The numbers written in digits in a line, in order.
fn numbers(line: &str) -> Vec<u64> {
    line.split(|c: char| !c.is_ascii_digit())
        .filter_map(|run| run.parse().ok())
        .collect()
}

/// Whether the numbers of a recurring line, page by page, are furniture's: each one the same on every
/// page, or moving with the page ("Page 3 of 12" on page three, "Page 4 of 12" on page four).
fn numbers_count_pages(occurrences: &[Occurrence]) -> bool {
    let Some((first_page, first)) = occurrences.first() else {
        return false;
    };
    occurrences.iter().all(|(page, numbers)| {
        numbers.len() == first.len()
            && numbers.iter().zip(first).enumerate().all(|(j, (n, f))| {
                n == f
                    || occurrences.iter().all(|(p, ns)| {
                        ns.get(j).is_some_and(|v| {
                            (*v as i64 - *p as i64) == (first[j] as i64 - *first_page as i64)
                        })
                    }) && *page != *first_page
            })
    })
}

/// The form of a line compared across pages: lower case, digits as `#`, spaces collapsed. Headings,
/// labelled lines and sentences are never furniture ("Article #" may well open several pages; "Paragraph 1
/// does not apply to domestic workers." may end two).
fn furniture_key(line: &str) -> Option<String> {
    let trimmed = line.trim();
    if trimmed.is_empty() || is_heading_line(trimmed) || split_label(trimmed).is_some() {
        return None;
    }
    if trimmed.ends_with(['.', ';']) && trimmed.split_whitespace().count() >= 6 {
        return None;
    }
    let mut key = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_lowercase().next().unwrap_or(c)
            }
        }));
    }
    Some(key)
}

/// A running head without the page number it ends or starts with ("Fishers Agreement — Page 1 of 3"): the
/// page count is no part of the draft's status, and it changes with every added page.
fn without_page_number(line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let page = |part: &[&str]| is_page_number(&part.join(" "), true);
    let end = (1..words.len())
        .find(|&k| page(&words[k..]))
        .unwrap_or(words.len());
    let start = (1..end).rev().find(|&k| page(&words[..k])).unwrap_or(0);
    words[start..end]
        .join(" ")
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '|' | ',') || c.is_whitespace())
        .to_string()
}

/// Whether a line is only a page number: `12`, `- 12 -`, `Page 12`, `Page 12 of 40`, `Halaman 3 dari 9`,
/// `12/40`. A bare number counts only at a page's edge (`bare`), where nothing else puts one.
fn is_page_number(line: &str, bare: bool) -> bool {
    let t = line.trim().trim_matches(|c: char| {
        matches!(c, '-' | '–' | '—' | '[' | ']' | '|') || c.is_whitespace()
    });
    if t.is_empty() {
        return false;
    }
    let number = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    let roman = |s: &str| {
        !s.is_empty() && s.len() <= 6 && s.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
    };
    let words: Vec<&str> = t.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let page_word = |w: &str| {
        matches!(
            w.trim_end_matches(['.', ':']),
            "page" | "pg" | "p" | "halaman" | "hal" | "hlm" | "pagina" | "página" | "seite"
        )
    };
    match lower.as_slice() {
        [n] if bare => {
            number(n)
                || roman(n)
                || n.split_once('/')
                    .is_some_and(|(a, b)| number(a) && number(b))
        }
        [w, n] => page_word(w) && (number(n) || roman(n)),
        [w, n, of, m] => {
            page_word(w)
                && number(n)
                && matches!(of.as_str(), "of" | "dari" | "de" | "di" | "van")
                && number(m)
        }
        _ => false,
    }
}

/// Whether a line is an article or division heading on its own.
fn is_heading_line(line: &str) -> bool {
    heading_of(line).is_some()
}

/// The heading a line announces, if it is one: `Article 5`, `ARTICLE V — WAGES`, `Pasal 5`, `BAB II`,
/// `CHAPTER 3`, `ANNEX`. A trailing dot (`Article 5.`) is a typist's habit, not a sentence.
fn heading_of(line: &str) -> Option<HeadingKind> {
    let t = line.trim();
    let t = t.strip_suffix('.').unwrap_or(t);
    if t.is_empty() || t.split_whitespace().count() > 16 {
        return None;
    }
    standalone_line(t).or_else(|| {
        // On a line of its own, "Chapter I — General Provisions" is a heading even in title case
        // (which Markdown text would not be trusted with); "Section 3 of the Act applies." is not.
        // "Annex — Schedule of Costs", *Lampiran — Daftar Biaya*: an annex needs no number.
        let kind = classify(t);
        let HeadingKind::Division {
            number,
            title,
            kind: division,
            ..
        } = &kind
        else {
            return None;
        };
        if number.is_none() && *division != pakta_core::DivisionKind::Annex {
            return None;
        }
        let headline = title.as_deref().is_none_or(|title| {
            title.split_whitespace().count() <= 10
                && !title.ends_with(['.', ';', ','])
                && !title.starts_with(char::is_lowercase)
        });
        headline.then_some(kind)
    })
}

/// `Pasal 1 Tujuan dan Ruang Lingkup`, `Article 1 Purpose and Scope`: an article word, a number and a title
/// with no separator between them, which a line of Markdown text would not be trusted with. A PDF prints
/// headings so (the heading's style is lost), and on a line of its own such a line is a heading when it
/// looks like one: a title of at most ten words that starts with a capital, has no sentence punctuation
/// and no modal verb, on a line that ends before the margin (or is set in capitals) and that the next line
/// does not continue in lower case. "Pasal 5 ayat (2) mengatur …" and "Article 3 of the Convention
/// provides …" are sentences. Returns the heading with a dash after the number (`Pasal 1 — Tujuan dan
/// Ruang Lingkup`), as a title found on the next line is written.
fn titled_article_line(
    line: &Line,
    next: Option<&Line>,
    width: usize,
) -> Option<(HeadingKind, String)> {
    let body = line.body().trim();
    let kind = classify(body);
    let HeadingKind::Article {
        number,
        title: Some(title),
    } = &kind
    else {
        return None;
    };
    let words: Vec<String> = title.split_whitespace().map(|w| w.to_lowercase()).collect();
    let modal = words
        .iter()
        .any(|w| matches!(w.as_str(), "shall" | "must" | "wajib" | "harus"));
    let sentence = title.ends_with(['.', ';', ',', ':', '!', '?'])
        || [". ", "; ", ": "].iter().any(|p| title.contains(p));
    let capitals = !body.chars().any(char::is_lowercase);
    let short = line.end_column() * 10 < width * 8;
    let continued = next.is_some_and(|n| n.body().starts_with(char::is_lowercase));
    let heading = words.len() <= 10
        && title.starts_with(char::is_uppercase)
        && !modal
        && !sentence
        && (short || capitals)
        && !continued;
    if !heading {
        return None;
    }
    let printed = number.as_printed();
    let text = match body.find(printed) {
        Some(i) => format!("{} \u{2014} {title}", body[..i + printed.len()].trim_end()),
        None => collapse(body),
    };
    Some((kind, text))
}

/// Words of the document, to decide whether `employ-` + `ment` was one word broken by typesetting or a
/// hyphenated compound broken at its hyphen.
struct Vocabulary {
    words: HashSet<String>,
}

impl Vocabulary {
    fn of(lines: &[Option<Line>]) -> Vocabulary {
        let mut words = HashSet::new();
        for line in lines.iter().flatten() {
            let body = line.body();
            for word in body.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
                let word = word.trim_matches('-');
                if word.len() > 1 {
                    words.insert(word.to_lowercase());
                }
            }
        }
        Vocabulary { words }
    }

    /// What to do with the hyphen at the end of `head` (a word fragment without it) before `tail` (the
    /// next line's first word).
    fn hyphen(&self, head: &str, tail: &str) -> Hyphen {
        if self.keeps(head, tail) {
            return Hyphen::Keep;
        }
        // "re-" + "sign": the document writing "resign" or "resigned" and never "re-sign…" settles it,
        // and the other way round; otherwise the common word is read and the break is reported.
        let (head_word, tail_word) = (
            last_word(head).to_lowercase(),
            first_word(tail).to_lowercase(),
        );
        let Some(stem) = MEANING_HYPHENS
            .iter()
            .find(|stem| head_word == "re" && tail_word.starts_with(*stem))
        else {
            return Hyphen::Join;
        };
        let written = |form: String| self.words.iter().any(|word| word.starts_with(&form));
        match (written(format!("re-{stem}")), written(format!("re{stem}"))) {
            (true, false) => Hyphen::Keep,
            (false, true) => Hyphen::Join,
            _ => Hyphen::JoinUncertain,
        }
    }

    /// Whether the hyphen is a real one: a compound, a name, reduplication.
    fn keeps(&self, head: &str, tail: &str) -> bool {
        let tail_word: String = tail
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        if tail_word.is_empty() {
            return true;
        }
        // `Indonesia-` `Malaysia`, `ILO-` `C189`: a capital or a digit after the break is a real hyphen.
        if !tail.starts_with(char::is_lowercase) {
            return true;
        }
        let head_word: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let last_part = head_word
            .rsplit('-')
            .next()
            .unwrap_or(&head_word)
            .to_lowercase();
        let tail_lower = tail_word.to_lowercase();
        // Indonesian reduplication: `pekerja-` `pekerja`.
        if last_part == tail_lower {
            return true;
        }
        let hyphenated = format!("{}-{}", head_word.to_lowercase(), tail_lower);
        let joined = format!("{}{}", head_word.to_lowercase(), tail_lower);
        if self.words.contains(&hyphenated) && !self.words.contains(&joined) {
            return true;
        }
        if self.words.contains(&joined) {
            return false;
        }
        // "forty-" / "eight (48)": a compound number is written with its hyphen.
        let tens = matches!(
            last_part.as_str(),
            "twenty" | "thirty" | "forty" | "fifty" | "sixty" | "seventy" | "eighty" | "ninety"
        );
        let unit = matches!(
            tail_lower.as_str(),
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
        );
        if tens && unit {
            return true;
        }
        // No evidence either way: a few prefixes are nearly always written with a hyphen in legal English.
        matches!(
            last_part.as_str(),
            "self" | "non" | "quasi" | "cross" | "semi" | "anti" | "ex" | "so" | "well"
        ) && head_word.len() == last_part.len()
    }
}

/// What a line-end hyphen becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hyphen {
    Keep,
    Join,
    /// Joined, though the hyphenated word means something else and nothing in the document says which.
    JoinUncertain,
}

/// The word a fragment of text ends with.
fn last_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..]
}

/// The word a fragment of text starts with.
fn first_word(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// The sentence- or clause-ending punctuation after which a short line ends its paragraph.
fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .ends_with(['.', ';', ':', '!', '?'])
}

/// Whether a line ends a sentence and then a footnote mark, as a PDF prints a superscript: "… per week.1",
/// "… per week.¹". The punctuation follows a word, never a number: "… Article 5.1" ends no sentence.
fn ends_sentence_before_note(text: &str) -> bool {
    let text = text.trim_end();
    let mark = text.trim_end_matches(|c: char| c.is_ascii_digit() || "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c));
    let digits = text.len() - mark.len();
    let Some(before) = mark.strip_suffix(['.', ';', ':']) else {
        return false;
    };
    (1..=6).contains(&digits) && before.ends_with(char::is_alphabetic)
}

/// Whether a line ends with a word that joins list items: "; and", ", or", "; dan", "; atau".
fn ends_with_conjunction(text: &str) -> bool {
    let last = text.split_whitespace().last().unwrap_or("").to_lowercase();
    matches!(
        last.as_str(),
        "and" | "or" | "dan" | "atau" | "and/or" | "dan/atau"
    )
}

/// The cells of a line laid out in columns (two or more runs of text separated by wide gaps), if it is.
#[cfg(test)]
fn columns(line: &str) -> Option<Vec<String>> {
    placed_columns(line).map(|cells| cells.into_iter().map(|(_, cell)| cell).collect())
}

/// [`columns`] with the character column each cell starts at, so that a row with an empty cell can be
/// set under its header's columns.
fn placed_columns(line: &str) -> Option<Vec<(usize, String)>> {
    let mut cells: Vec<(usize, String)> = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let mut gap = 0;
    let mut seen = false;
    for (column, c) in line.chars().enumerate() {
        if c == ' ' {
            gap += 1;
            continue;
        }
        if !seen {
            seen = true;
            start = column;
        } else if gap >= COLUMN_GAP {
            cells.push((start, std::mem::take(&mut current)));
            start = column;
        } else if gap > 0 {
            current.push(' ');
        }
        gap = 0;
        current.push(c);
    }
    cells.push((start, current));
    // "1.      No recruitment agency …": a paragraph's label set off by its tab is one cell of text, not a
    // column; how wide the tab prints depends on the page (a longer footer shifts the whole layout).
    let label_tab = cells.len() == 2
        && split_label(&format!("{} x", cells[0].1)).is_some_and(|(_, rest)| rest == "x");
    (cells.len() >= 2 && cells.len() <= 4 && !label_tab).then_some(cells)
}

/// A line of a table whose first row is `header`, cut where its text starts at one of the header's
/// columns after at least two spaces: "Air ticket to Kuwait    ✓" under "Item   Paid by Employer   Paid by
/// Worker" is two cells, the tick in the second column. `None` when no text starts at a column but the
/// first.
fn under_header(line: &str, header: &[(usize, String)]) -> Option<Vec<(usize, String)>> {
    let chars: Vec<char> = line.chars().collect();
    let blank = |k: usize| chars.get(k).is_none_or(|c| *c == ' ');
    let mut cuts: Vec<usize> = header
        .iter()
        .skip(1)
        .filter_map(|(start, _)| {
            // The text may start a column off, as proportional fonts place it.
            (start.saturating_sub(1)..=start + 1)
                .find(|&k| k >= 2 && !blank(k) && blank(k - 1) && blank(k - 2) && k < chars.len())
        })
        .collect();
    cuts.dedup();
    if cuts.is_empty() {
        return None;
    }
    let mut cells = Vec::new();
    let mut from = 0;
    for cut in cuts.iter().copied().chain(std::iter::once(chars.len())) {
        let text: String = chars[from..cut].iter().collect();
        let trimmed = text.trim();
        if !trimmed.is_empty() {
            let lead = text.chars().take_while(|c| *c == ' ').count();
            cells.push((from + lead, collapse(trimmed)));
        }
        from = cut;
    }
    Some(cells)
}

/// The rows of a column table, each set under the first row's columns: a cell goes to the column whose
/// start is nearest its own, and a column a row leaves empty stays empty ("Air ticket | | ✓"), so that a
/// tick keeps the column ("Paid by Worker") it was printed in.
fn aligned_rows(rows: Vec<(Origin, Vec<(usize, String)>)>) -> Vec<(Origin, Vec<String>)> {
    let Some(header) = rows
        .first()
        .map(|(_, cells)| cells.iter().map(|(at, _)| *at).collect::<Vec<_>>())
    else {
        return Vec::new();
    };
    rows.into_iter()
        .map(|(at, cells)| {
            if cells.len() >= header.len() {
                return (at, cells.into_iter().map(|(_, cell)| cell).collect());
            }
            let mut row = vec![String::new(); header.len()];
            for (start, cell) in cells {
                let nearest = (0..header.len())
                    .min_by_key(|&k| header[k].abs_diff(start))
                    .unwrap_or(0);
                if row[nearest].is_empty() {
                    row[nearest] = cell;
                } else {
                    row[nearest].push(' ');
                    row[nearest].push_str(&cell);
                }
            }
            (at, row)
        })
        .collect()
}

/// Spaces that separate columns rather than words (justified text rarely stretches a gap this wide).
const COLUMN_GAP: usize = 5;

/// Groups lines into blocks: headings, paragraphs and column tables.
fn blocks(lines: &[Option<Line>], vocabulary: &Vocabulary, report: &mut TextReport) -> Vec<Block> {
    let width = typical_width(lines);
    let double_spaced = double_spaced(lines);
    let mut out: Vec<Block> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    let mut table: Vec<(Origin, Vec<(usize, String)>)> = Vec::new();
    // The last heading waits for its title, or the rest of a long title, on the next line
    // (`Article 5` / `Wages`; `Article 9 — Recruitment and Placement through Licensed` / `Agencies`).
    let mut heading_open: Option<bool> = None;
    let mut blank_run = 0;

    let flush = |current: &mut Vec<Line>, out: &mut Vec<Block>, report: &mut TextReport| {
        if let Some(first) = current.first() {
            out.push(Block::Paragraph {
                text: join(current, vocabulary, report),
                at: first.at,
            });
            current.clear();
        }
    };
    let flush_table = |table: &mut Vec<(Origin, Vec<(usize, String)>)>, out: &mut Vec<Block>| {
        match table.as_slice() {
            [] => {}
            [(at, cells)] => out.push(Block::Paragraph {
                text: cells
                    .iter()
                    .map(|(_, cell)| cell.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                at: *at,
            }),
            _ => out.push(Block::Table(aligned_rows(std::mem::take(table)))),
        }
        table.clear();
    };

    // A heading wrapped after a comma ("Article 42 — Prevention of Irregular Migration," / "Trafficking in
    // Persons …") is read as one line; the line it took is then skipped.
    let mut taken = None;
    for (n, line) in lines.iter().enumerate() {
        let Some(line) = line else {
            blank_run += 1;
            continue;
        };
        if taken.take() == Some(n) {
            continue;
        }
        let hard_break = if double_spaced {
            blank_run >= 2
        } else {
            blank_run >= 1
        };
        let soft_blank = blank_run > 0 && !hard_break;
        blank_run = 0;
        let mut body = line.body();
        let wrapped;
        let titled;
        let mut kind = heading_of(body);
        if kind.is_none()
            && let Some((found, heading)) =
                titled_article_line(line, lines.get(n + 1).copied().flatten().as_ref(), width)
        {
            kind = Some(found);
            titled = heading;
            body = &titled;
        }
        let mut wrapped_next = None;
        if kind.is_none()
            && body.trim_end().ends_with(',')
            && let Some(Some(next)) = lines.get(n + 1)
            && split_label(next.body()).is_none()
            && next.body().starts_with(char::is_uppercase)
        {
            wrapped = format!("{} {}", body.trim_end(), next.body().trim());
            if let Some(found) =
                heading_of(&wrapped).filter(|k| matches!(k, HeadingKind::Article { .. }))
            {
                kind = Some(found);
                body = &wrapped;
                wrapped_next = Some(n + 1);
            }
        }

        // Headings stand alone. A bare "Article 15." ending in punctuation after a line that stops on a
        // word ("… established under") is the end of that sentence, however short the line was.
        if let Some(kind) = kind {
            let bare_reference = matches!(kind, HeadingKind::Article { title: None, .. })
                && body.trim_end().ends_with(['.', ';', ','])
                && current
                    .last()
                    .is_some_and(|prev| prev.body().ends_with(char::is_alphabetic));
            let after_boundary = hard_break
                || current.is_empty()
                || !bare_reference
                    && current.last().is_some_and(|prev| {
                        ends_sentence(prev.body())
                            || ends_sentence_before_note(prev.body())
                            || prev.end_column() * 10 < width * 8
                    });
            if after_boundary {
                taken = wrapped_next;
                flush(&mut current, &mut out, report);
                flush_table(&mut table, &mut out);
                let heading = collapse(body.strip_suffix('.').unwrap_or(body));
                let titled = matches!(
                    kind,
                    HeadingKind::Article { title: Some(_), .. }
                        | HeadingKind::Division { title: Some(_), .. }
                );
                heading_open = Some(titled);
                let at = line.at;
                out.push(match kind {
                    HeadingKind::Article { .. } => Block::Article { heading, at },
                    _ => Block::Division { heading, at },
                });
                continue;
            }
        }
        // A title on the line after a bare heading.
        if let Some(titled) = heading_open.take() {
            let next = lines.get(n + 1).copied().flatten();
            let continues = if titled {
                // Only a short remainder (or a centred or capitalised one), never the text's first line;
                // or one or two title-like lines that run straight into the first clause ("(1) …"): a
                // heading set in a larger type wraps well before the text's margin.
                body.split_whitespace().count() <= 8
                    && (line.end_column() * 10 < width * 6
                        || line.indent >= 4
                        || !body.chars().any(char::is_lowercase))
                    || title_runs_into_body(lines, n, width)
            } else {
                true
            };
            // A long title's remainder follows on the very next line; a bare heading's title may follow
            // a blank line.
            if current.is_empty()
                && !(titled && hard_break)
                && continues
                && is_title_line(line, next.as_ref(), width, titled)
                && let Some(Block::Article { heading, .. } | Block::Division { heading, .. }) =
                    out.last_mut()
            {
                if !titled {
                    heading.push_str(" —");
                }
                heading.push(' ');
                heading.push_str(&collapse(body));
                // A long title may take a third line.
                heading_open = Some(true);
                continue;
            }
        }
        // Columns (signature blocks, two-language tables); under a table's first row, a line whose text
        // stands at that row's columns, however narrow its gaps ("Air ticket to Kuwait    ✓").
        let under = table
            .first()
            .and_then(|(_, header)| under_header(line.text, header));
        if let Some(cells) = under.or_else(|| placed_columns(line.text)) {
            flush(&mut current, &mut out, report);
            table.push((line.at, cells));
            continue;
        }
        flush_table(&mut table, &mut out);

        let starts_new = match current.last() {
            None => true,
            Some(_) if hard_break => true,
            Some(prev) => starts_paragraph(prev, line, soft_blank, width),
        };
        if starts_new {
            flush(&mut current, &mut out, report);
        }
        current.push(*line);
    }
    flush(&mut current, &mut out, report);
    flush_table(&mut table, &mut out);
    out
}

/// Whether `line` starts a new paragraph after `prev`, with no (hard) blank line between them.
fn starts_paragraph(prev: &Line, line: &Line, soft_blank: bool, width: usize) -> bool {
    let prev_body = prev.body();
    let body = line.body();
    let prev_ends = ends_sentence(prev_body);
    // A label after the end of a clause, or after "; and", opens the next clause; after a blank line of
    // double-spaced text it does so whatever the line before was ("Agreement on …" / "1. Purpose").
    if split_label(body).is_some_and(|(label, _)| {
        label.family != pakta_core::label::Family::Bullet || body.starts_with(['•', '·'])
    }) && (prev_ends
        || soft_blank
        || ends_with_conjunction(prev_body)
        || prev_body.ends_with(','))
    {
        return true;
    }
    // "25. Joint Committee and Exchange of Information" / "25.1 A Joint Committee …": a numbered
    // heading's own first paragraph starts on the next line, however far the heading reaches.
    if let HeadingKind::Numbered {
        number,
        title: Some(_),
    } = classify(prev_body)
        && !prev_ends
        && body.starts_with(&format!("{}.", number.main()))
        && split_label(body).is_some()
    {
        return true;
    }
    // A word broken across the lines is never a paragraph's end.
    if prev_body.ends_with(['-', '\u{ad}']) {
        return false;
    }
    // After a semicolon, a capital starts the next recital or item; a clause that runs on after a
    // semicolon does so in lower case ("; and"). Not after a line that reaches the margin: there the
    // semicolon fell at the end of the line by chance, and the capital may be a defined term that runs
    // on ("… Pemberi Kerja;" / "Pekerja Migran yang tinggal …").
    if prev_body.ends_with(';')
        && body.starts_with(char::is_uppercase)
        && (prev.end_column() * 10 < width * 10 - width / 2 || opens_recital(body))
    {
        return true;
    }
    // The closing formula and the signature block: after a sentence, "Done in duplicate …" and a line in
    // capitals ("FOR THE GOVERNMENT OF …") start paragraphs of their own, and a line in capitals without
    // a sentence end is one ("Name: …" follows it on its own line).
    if prev_ends && (in_capitals(body) || pakta_core::heading::is_closing_formula(body))
        || in_capitals(prev_body) && !ends_sentence(prev_body) && !in_capitals(body)
    {
        return true;
    }
    // A line starting in lower case continues the sentence before it.
    if !body.starts_with(|c: char| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '(' | '[')
    }) {
        return false;
    }
    // Proportional fonts make line lengths vary, so only a clearly short line is taken as ended on purpose:
    // the last line of a paragraph, or (without punctuation) a title or address line.
    let end = prev.end_column();
    if prev_ends && end * 10 < width * 8 || !prev_ends && end * 10 < width * 6 {
        return true;
    }
    // A first-line indent, or a blank line in double-spaced text, after a sentence end.
    let indented = line.indent > prev.indent + 1;
    prev_ends && (indented || soft_blank)
}

/// Whether a line is set in capitals (a signature block's party line, a heading): at least eight letters
/// and no lower-case one.
fn in_capitals(body: &str) -> bool {
    body.chars().filter(|c| c.is_alphabetic()).count() >= 8 && !body.chars().any(char::is_lowercase)
}

/// Whether a line opens a recital of a preamble: a participle in English ("Affirming", "Recognising"),
/// a verb of the me-/ber- classes in Indonesian ("Menyadari", "Berkeinginan"). After a semicolon these
/// start the next recital even where the line before reached the margin.
fn opens_recital(body: &str) -> bool {
    let word: String = body.chars().take_while(|c| c.is_alphabetic()).collect();
    let lower = word.to_lowercase();
    word.starts_with(char::is_uppercase)
        && word.chars().count() >= 6
        && (lower.ends_with("ing") || lower.starts_with("me") || lower.starts_with("ber"))
}

/// Whether the lines from `n` are one or two title-like lines followed at once by a labelled clause.
fn title_runs_into_body(lines: &[Option<Line>], n: usize, width: usize) -> bool {
    let mut k = n;
    while let Some(Some(line)) = lines.get(k) {
        if split_label(line.body()).is_some() {
            return k > n;
        }
        let next = lines.get(k + 1).copied().flatten();
        if k - n >= 2 || !is_title_line(line, next.as_ref(), width, true) {
            return false;
        }
        k += 1;
    }
    false
}

/// Whether a line after a bare heading is its title: short, not a sentence, not a clause, and not the
/// first line of a paragraph that runs on (a line reaching the margin, or followed by a lower-case line).
/// A `continuation` (the rest of a title begun on the heading line) may start in lower case, as Indonesian
/// titles do ("… Pemutusan Hubungan Kerja" / "yang Tidak Adil …").
fn is_title_line(line: &Line, next: Option<&Line>, width: usize, continuation: bool) -> bool {
    let body = line.body();
    let words = body.split_whitespace().count();
    let capitals = !body.chars().any(char::is_lowercase);
    let runs_on = next.is_some_and(|n| n.body().starts_with(char::is_lowercase));
    // A centred line is a heading's, however long.
    let full = line.end_column() * 10 >= width * 8 && line.indent < 4;
    words <= 12
        && !body.trim_end().ends_with(['.', ';', ',', ':'])
        && split_label(body).is_none()
        && (continuation || body.starts_with(char::is_uppercase))
        && !runs_on
        && (capitals || !full)
}

/// The right margin: the line length that nine in ten lines do not exceed.
fn typical_width(lines: &[Option<Line>]) -> usize {
    let mut ends: Vec<usize> = lines.iter().flatten().map(Line::end_column).collect();
    if ends.is_empty() {
        return 80;
    }
    ends.sort_unstable();
    ends[(ends.len() * 9 / 10).min(ends.len() - 1)].max(20)
}

/// Whether the text is double-spaced: most lines are followed by exactly one blank line and then text, so
/// one blank line separates lines, not paragraphs.
fn double_spaced(lines: &[Option<Line>]) -> bool {
    let mut single = 0;
    let mut text = 0;
    for i in 0..lines.len() {
        if lines[i].is_none() {
            continue;
        }
        text += 1;
        if lines.get(i + 1).is_some_and(Option::is_none)
            && lines.get(i + 2).is_some_and(Option::is_some)
        {
            single += 1;
        }
    }
    text >= 10 && single * 10 >= text * 7
}

/// Joins a paragraph's lines: a hyphen at a line's end mends the word unless it is a real hyphen.
fn join(lines: &[Line], vocabulary: &Vocabulary, report: &mut TextReport) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let body = line.body();
        if out.is_empty() {
            out.push_str(body);
            continue;
        }
        if let Some(head) = out.strip_suffix('\u{ad}') {
            // A soft hyphen is typesetting by definition.
            out.truncate(head.len());
            report.dehyphenated += 1;
            out.push_str(body);
            continue;
        }
        let hyphen_after_letter = out.ends_with('-')
            && out[..out.len() - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
        if hyphen_after_letter {
            let head = &out[..out.len() - 1];
            let hyphen = vocabulary.hyphen(head, body);
            if hyphen == Hyphen::JoinUncertain {
                let (head_word, tail_word) = (last_word(head), first_word(body));
                report.ambiguous_joins.push(AmbiguousJoin {
                    at: lines[i - 1].at,
                    read: format!("{head_word}{tail_word}"),
                    other: format!("{head_word}-{tail_word}"),
                });
            }
            if hyphen == Hyphen::Keep {
                out.push_str(body);
            } else {
                out.truncate(out.len() - 1);
                out.push_str(body);
                report.dehyphenated += 1;
            }
            continue;
        }
        out.push(' ');
        out.push_str(body);
    }
    collapse(&out)
}

fn collapse(text: &str) -> String {
    pakta_core::text::collapse_whitespace(text)
}

/// Whether a block of leading text reads as (part of) the title: set in capitals, or short and not a
/// sentence.
fn is_title_block(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return false;
    }
    let capitals = letters.iter().all(|c| !c.is_lowercase());
    let words = text.split_whitespace().count();
    let preamble_word = matches!(
        text.trim().trim_end_matches(':').to_lowercase().as_str(),
        "preamble" | "pembukaan" | "mukadimah" | "mukaddimah"
    );
    let end = text.trim_end();
    !preamble_word
        && split_label(text).is_none()
        && !end.ends_with([';', ':'])
        && words <= 40
        && (capitals || !end.ends_with('.'))
}

/// Writes the blocks as Markdown, each line with the place its text came from.
fn markdown(blocks: &[Block], source: &str, report: &mut TextReport) -> Imported {
    let uses_article_words = blocks.iter().any(|b| matches!(b, Block::Article { .. }));
    let has_divisions = blocks.iter().any(|b| matches!(b, Block::Division { .. }));
    let article_level = if has_divisions { "###" } else { "##" };

    // The title: leading blocks that read as one, before any heading or sentence.
    let mut title_parts: Vec<(&str, Origin)> = Vec::new();
    let mut start = 0;
    for block in blocks {
        match block {
            Block::Paragraph { text, at } if is_title_block(text) && title_parts.len() < 8 => {
                title_parts.push((text, *at));
                start += 1;
            }
            _ => break,
        }
    }
    // A title may run over several lines ("… on the Recruitment," / "Placement and …"), but it does not end
    // with a comma: that is the preamble's opening ("THE GOVERNMENT OF …,").
    while title_parts
        .last()
        .is_some_and(|(t, _)| t.trim_end().ends_with(','))
    {
        title_parts.pop();
        start -= 1;
    }
    // One short line alone is a title only when something follows it.
    if start == blocks.len() {
        title_parts.clear();
        start = 0;
    }
    let title_at = title_parts.first().map(|(_, at)| *at);
    let title = title_parts
        .iter()
        .map(|(t, _)| *t)
        .collect::<Vec<_>>()
        .join(" ");

    // Plain numbered headings (`5. Wages`) stand for articles only in a text with no article word, and
    // only when they count up from 1 in order; otherwise they are numbered paragraphs.
    let numbered: HashSet<usize> = if uses_article_words {
        HashSet::new()
    } else {
        numbered_headings(&blocks[start..])
            .into_iter()
            .map(|i| i + start)
            .collect()
    };

    let mut w = Writer::default();
    // Markdown a person keeps says where it came from and what to check. Read on the fly (no source),
    // it carries nothing the text does not: a redline of two imports shows only their differences.
    // The running heads are the draft's status ("DRAFT — AD REFERENDUM"): kept either way.
    if !source.is_empty() || !report.running_heads.is_empty() {
        w.line("---", None);
        if !title.is_empty() && !source.is_empty() {
            w.line(&format!("title: {}", yaml_string(&collapse(&title))), None);
        }
        if !source.is_empty() {
            let note = format!(
                "Imported from {source} by pakta import (plain text); check headings, paragraph breaks \
                 and the signature block against the original."
            );
            w.line(&format!("note: {}", yaml_string(&note)), None);
        }
        if !report.running_heads.is_empty() {
            w.line("running-heads:", None);
            for head in &report.running_heads {
                w.line(&format!("  - {}", yaml_string(head)), None);
            }
        }
        w.line("---", None);
        w.blank();
    }
    if !title.is_empty() {
        report.title = true;
        w.block(&format!("# {}", paragraph(&title)), title_at);
    }
    for (i, block) in blocks.iter().enumerate().skip(start) {
        match block {
            Block::Paragraph { text, at } if numbered.contains(&i) => {
                w.block(&format!("{article_level} {}", paragraph(text)), Some(*at));
            }
            Block::Paragraph { text, at } => w.block(&body_paragraph(text), Some(*at)),
            Block::Article { heading, at } => {
                w.block(
                    &format!("{article_level} {}", paragraph(heading)),
                    Some(*at),
                );
            }
            Block::Division { heading, at } => {
                w.block(&format!("## {}", paragraph(heading)), Some(*at));
            }
            Block::Table(rows) => {
                let cells: Vec<Vec<String>> = rows.iter().map(|(_, cells)| cells.clone()).collect();
                // Line 2 is the `| --- |` row, which no source line holds.
                let origins = rows
                    .iter()
                    .take(1)
                    .map(|(at, _)| Some(*at))
                    .chain(std::iter::once(None))
                    .chain(rows.iter().skip(1).map(|(at, _)| Some(*at)));
                for (line, origin) in table_lines(&cells).iter().zip(origins) {
                    w.line(line, origin);
                }
                w.blank();
            }
        }
    }
    w.finish()
}

/// Indices of one-line blocks that are plain numbered headings counting 1, 2, 3 …: short, not sentences.
fn numbered_headings(blocks: &[Block]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut expected = 1;
    for (i, block) in blocks.iter().enumerate() {
        let Block::Paragraph { text, .. } = block else {
            continue;
        };
        let HeadingKind::Numbered { number, title } = classify(text) else {
            continue;
        };
        let Some(title) = title else { continue };
        let heading_like = title.split_whitespace().count() <= 8
            && !title.ends_with(['.', ';', ',', ':'])
            && title.starts_with(char::is_uppercase);
        if heading_like && number.main() == expected && number.suffix() == 0 {
            found.push(i);
            expected += 1;
        }
    }
    if found.len() >= 2 { found } else { Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closing_formula_and_signature_lines_are_paragraphs_of_their_own() {
        let text = "AGREEMENT\n\nArticle 1 \u{2014} Scope\n(1) This applies to all workers of either Party in the sectors listed.\n\
                    IN WITNESS WHEREOF, the undersigned, being duly authorised by their Governments, have signed it.\n\
                    Done in duplicate at Jakarta on this day of the month in the year, in English and Indonesian.\n\
                    FOR THE GOVERNMENT OF THE REPUBLIC OF INDONESIA\nName: Title:\n";
        let markdown = import(text, "").markdown;
        for paragraph in [
            "\n\nDone in duplicate at Jakarta",
            "\n\nFOR THE GOVERNMENT OF THE REPUBLIC OF INDONESIA\n\n",
            "\n\nName: Title:",
        ] {
            assert!(markdown.contains(paragraph), "{paragraph:?} in {markdown}");
        }
    }

    #[test]
    fn recitals_after_a_full_line_are_paragraphs_of_their_own() {
        let text = "AGREEMENT\n\nThe Parties,\nDesiring to ensure that recruitment is orderly, safe, fair and transparent for all;\n\
                    Affirming that workers are entitled to decent conditions of work in either country;\n\
                    Menyadari pentingnya pelindungan pekerja migran;\nHave agreed as follows:\n\n\
                    Article 1 \u{2014} Scope\n(1) This applies to all workers.\n";
        let agreement = pakta_core::parse(&import(text, "").markdown);
        assert_eq!(agreement.preamble.len(), 5, "{:?}", agreement.preamble);
    }

    /// The numbers of the articles the parser finds in `text` once imported.
    fn article_numbers(text: &str) -> Vec<String> {
        pakta_core::parse(&import(text, "").markdown)
            .articles
            .into_iter()
            .map(|a| a.number)
            .collect()
    }

    #[test]
    fn a_long_numbered_heading_does_not_swallow_its_first_paragraph() {
        // As pdftotext gives a Word document whose sections are "N. Title" with paragraphs "N.M".
        let text = "MEMORANDUM\n\n1. Purpose\n1.1 This Memorandum governs the recruitment of workers.\n\
                    2. Personal Data\n2.1 Personal data are processed only for this Memorandum and kept\n\
                    secure under the law of each Party, and disclosed only with consent.\n\
                    3. Joint Committee and Exchange of Information\n3.1 A Joint Committee meets once a\n\
                    year and reviews the implementation of this Memorandum.\n4. Settlement of Differences\n\
                    4.1 Differences are settled by consultation between the Parties.\n";
        assert_eq!(article_numbers(text), ["1", "2", "3", "4"]);
    }

    #[test]
    fn a_reference_wrapped_onto_its_own_line_is_not_a_heading() {
        let text = "AGREEMENT\n\nArticle 1 \u{2014} Definitions\n(1) \"Group\" means the body established under\n\
                    Article 15.\n(2) Other terms have their usual meaning.\n\nArticle 2 \u{2014} Scope\n\
                    (1) This applies to all workers.\n";
        assert_eq!(article_numbers(text), ["1", "2"]);
    }

    #[test]
    fn list_glyphs_before_labels_are_the_layouts() {
        let text = "AGREEMENT\n\nArticle 1 \u{2014} Duties\n(1) The Employer shall:\n \u{2022}   (a) pay wages monthly;\n\
                    \u{2013}\n    (b) provide rest; and\n \u{2022}   keep records.\n";
        let markdown = import(text, "").markdown;
        assert!(markdown.contains("(a) pay wages monthly;"), "{markdown}");
        assert!(!markdown.contains("\u{2022} (a)"), "{markdown}");
        assert!(
            !markdown.contains('\u{2013}'),
            "a lone glyph line is dropped: {markdown}"
        );
        // A glyph without a label of its own stays: it is the item's only mark.
        assert!(markdown.contains("keep records"), "{markdown}");
    }

    #[test]
    fn a_heading_after_a_footnote_mark_still_opens_its_article() {
        // A PDF prints a footnote's superscript as a digit after the full stop; the page's lines run to
        // the margin, so only the sentence end says the heading stands alone.
        let line =
            "2. The worker shall be entitled to at least one rest day in every week of work.";
        for mark in ["1", "\u{b9}"] {
            let text = format!(
                "MEMORANDUM\n\nArticle 5 \u{2014} Rest\n1. The employer shall keep a register of the hours of work and rest.\n\
                 {line}{mark}\nArticle 6 \u{2014} Identity Documents\n1. The worker keeps the passport.\n"
            );
            let markdown = import(&text, "notes.txt").markdown;
            assert_eq!(pakta_core::parse(&markdown).articles.len(), 2, "{markdown}");
        }
        assert!(!ends_sentence_before_note("in accordance with Article 5.1"));
        assert!(ends_sentence_before_note("one rest day per week.1"));
    }

    #[test]
    fn a_figure_alone_at_a_page_foot_is_text_unless_it_counts_the_pages() {
        // The wrapped figure of "not less than / 30 / days" ends page one, above the page's own footer.
        let page = |n: usize, foot: &str, body: &str| {
            format!("Draft MoU\n\n{body}\n{foot}\n\nPage {n} of 2")
        };
        let text = format!(
            "{}\u{c}{}",
            page(
                1,
                "30",
                "Article 1\nNotice\n\nThe employer shall give notice of not less than"
            ),
            page(
                2,
                "",
                "days to the worker.\n\nArticle 2\nLeave\n\nThe worker has leave."
            )
        );
        let markdown = import(&text, "wrapped.txt").markdown;
        assert!(markdown.contains("not less than 30 days"), "{markdown}");
        // Bare numbers that move with the pages are page numbers; one that does not is text.
        let text = "Article 1\nNotice\n\nThe employer shall give notice.\n\n1\u{c}                    Article 2\nLeave\n\nThe worker has leave of\n14\u{c}                    days a year.\n\n3";
        let markdown = import(text, "numbers.txt").markdown;
        assert!(markdown.contains("leave of 14 days"), "{markdown}");
        assert!(
            !markdown.contains("notice. 1") && !markdown.contains("\n1\n"),
            "{markdown}"
        );
    }

    #[test]
    fn double_spaced_numbered_sections_are_not_swallowed_by_the_title() {
        let sections = ["Purpose", "Fees", "Wages", "Passport", "Duration"]
            .iter()
            .enumerate()
            .map(|(i, t)| {
                format!(
                    "{}. {t}\n\nThe Parties agree on {}.\n\n",
                    i + 1,
                    t.to_lowercase()
                )
            })
            .collect::<String>();
        let text = format!("Agreement on the Employment of Workers\n\n{sections}");
        let markdown = import(&text, "sections.txt").markdown;
        assert!(
            markdown.contains("# Agreement on the Employment of Workers\n"),
            "{markdown}"
        );
        assert_eq!(pakta_core::parse(&markdown).articles.len(), 5, "{markdown}");
    }

    #[test]
    fn a_heading_wrapped_after_a_comma_is_one_heading() {
        let text = "MEMORANDUM\n\nArticle 41 \u{2014} Return\n(1) The Parties shall cooperate on return.\n\n\
                    Article 42 \u{2014} Prevention of Irregular Migration,\n\
                    Trafficking in Persons and Smuggling of Migrants\n\
                    (1) The Parties shall cooperate to prevent trafficking.\n";
        let markdown = import(text, "wrapped.txt").markdown;
        assert!(
            markdown.contains(
                "## Article 42 \u{2014} Prevention of Irregular Migration, Trafficking in Persons and Smuggling of Migrants\n"
            ),
            "{markdown}"
        );
        assert_eq!(pakta_core::parse(&markdown).articles.len(), 2, "{markdown}");
    }

    #[test]
    fn a_title_in_large_type_wraps_over_lines_into_the_first_clause() {
        // The heading's lines end well before the text's margin, as a larger type makes them.
        let body = "(1) Pemberi Kerja dilarang mengakhiri Perjanjian Kerja Pekerja\n\
                    Migran sebelum jangka waktunya berakhir, kecuali atas alasan\n\
                    yang sah dan telah diberitahukan secara tertulis kepadanya.\n";
        let text = format!(
            "NOTA KESEPAHAMAN\n\nPasal 25 \u{2014} Pelindungan terhadap Pemutusan\n\
             Hubungan Kerja yang Tidak Adil dan Pengakhiran\nLebih Awal\n{body}"
        );
        let markdown = import(&text, "wrapped.txt").markdown;
        assert!(
            markdown.contains(
                "## Pasal 25 \u{2014} Pelindungan terhadap Pemutusan Hubungan Kerja yang Tidak Adil dan Pengakhiran Lebih Awal\n"
            ),
            "{markdown}"
        );
    }

    #[test]
    fn article_lines_with_a_title_and_no_separator() {
        fn line(text: &str) -> Line<'_> {
            Line {
                text,
                indent: 0,
                at: Origin::Line(1),
            }
        }
        let heading = |text: &str, next: Option<&str>| {
            let next = next.map(line);
            titled_article_line(&line(text), next.as_ref(), 78).map(|(_, h)| h)
        };
        for (text, want) in [
            (
                "Pasal 1 Tujuan dan Ruang Lingkup",
                "Pasal 1 \u{2014} Tujuan dan Ruang Lingkup",
            ),
            (
                "Article 1 Purpose and Scope",
                "Article 1 \u{2014} Purpose and Scope",
            ),
            (
                "ARTICLE 12 ENTRY INTO FORCE",
                "ARTICLE 12 \u{2014} ENTRY INTO FORCE",
            ),
            (
                "Article 19.3 Labour Rights",
                "Article 19.3 \u{2014} Labour Rights",
            ),
        ] {
            assert_eq!(
                heading(text, Some("(1) The Parties …")).as_deref(),
                Some(want),
                "{text}"
            );
        }
        for (text, next) in [
            // Sentences: lower case after the number, a modal, sentence punctuation.
            ("Pasal 5 ayat (2) mengatur pengecualian", None),
            ("Article 3 of the Convention provides that", None),
            ("Article 7 Wages shall be paid monthly", None),
            ("Article 7 Wages. The employer pays them", None),
            ("Article 7 Wages and Hours.", None),
            // A line the next one continues in lower case.
            ("Article 4 The Parties", Some("shall cooperate.")),
            // A line that runs to the margin is the first line of a paragraph.
            (
                "Pasal 3 Undang-Undang Nomor 18 Tahun 2017 tentang Pelindungan Pekerja Migran",
                Some("Indonesia tetap berlaku."),
            ),
            // Titles that are too long to be headings.
            (
                "Article 9 One Two Three Four Five Six Seven Eight Nine Ten Eleven",
                None,
            ),
            // Already a heading with a separator, or no title: other rules read these.
            ("Pasal 2", None),
        ] {
            assert_eq!(heading(text, next), None, "{text}");
        }
    }

    #[test]
    fn page_numbers() {
        for line in [
            "12",
            "- 12 -",
            "Page 3",
            "Page 3 of 12",
            "Halaman 2 dari 9",
            "3/12",
            "– iv –",
        ] {
            assert!(is_page_number(line, true), "{line}");
        }
        assert!(!is_page_number("12", false));
        assert!(is_page_number("Page 3 of 12", false));
        for line in [
            "Article 3",
            "1. The Parties",
            "(a)",
            "Page three of the annex is blank",
        ] {
            assert!(!is_page_number(line, true), "{line}");
        }
    }

    #[test]
    fn hyphens() {
        let lines = [Some(Line {
            text: "self-employed non-discrimination employment pekerja-pekerja",
            indent: 0,
            at: Origin::Line(1),
        })];
        let v = Vocabulary::of(&lines);
        assert!(!v.keeps("employ", "ment"));
        assert!(v.keeps("non", "discrimination"));
        assert!(v.keeps("pekerja", "pekerja"));
        assert!(v.keeps("Indonesia", "Malaysia"));
        assert!(!v.keeps("recruit", "ment"));
        assert!(v.keeps("self", "governing"));
    }

    /// "re-" + "sign" at a line break is *resign* or *re-sign*: read as the common word and named in the
    /// report, unless the document writes one of them elsewhere.
    #[test]
    fn hyphens_that_decide_a_meaning_are_reported() {
        let text =
            "Article 1\n\nThe Worker may re-\nsign the contract at the end of the first year.\n";
        let imported = import(text, "t.txt");
        assert!(imported.markdown.contains("may resign the contract"));
        assert_eq!(
            imported.report.ambiguous_joins,
            vec![AmbiguousJoin {
                at: Origin::Line(3),
                read: "resign".into(),
                other: "re-sign".into(),
            }]
        );
        let evidence =
            format!("{text}\nArticle 2\n\nA contract that is re-signed is registered.\n");
        let imported = import(&evidence, "t.txt");
        assert!(imported.markdown.contains("may re-sign the contract"));
        assert!(imported.report.ambiguous_joins.is_empty());
        // "recruit-" + "ment" decides nothing.
        let plain = import(
            "Article 1\n\nThe recruit-\nment of workers is free.\n",
            "t.txt",
        );
        assert!(plain.markdown.contains("recruitment of workers"));
        assert!(plain.report.ambiguous_joins.is_empty());
    }

    #[test]
    fn columns_split_at_wide_gaps() {
        assert_eq!(
            columns("For the Government of          For the Government of"),
            Some(vec![
                "For the Government of".to_string(),
                "For the Government of".to_string()
            ])
        );
        assert_eq!(columns("a justified  line  of text"), None);
        assert_eq!(
            columns("1.      No recruitment agency shall charge the Migrant Worker"),
            None
        );
        assert_eq!(columns("(a)      the visa;"), None);
    }
}
