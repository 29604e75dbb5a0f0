//! What a redline compares: a document cut into units — its front matter, title, preamble, division
//! headings, articles, closing formula and signature block — each a list of lines.
//!
//! Every word a reader can see belongs to exactly one unit, so a redline built over units sees every word
//! of both drafts. Articles and the parts outside them are the same kind of thing here, and go through the
//! same alignment and the same word diff.

use std::borrow::Cow;

use pakta_core::paragraphs::{
    Paragraph, Role, article_heading, clause_line, division_heading, division_level, page_title,
    provision_word,
};
use pakta_core::{Agreement, Article, Block, Clause, Division, Meta};

use crate::align::Fingerprint;

/// What a unit (and so a redline entry) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryKind {
    /// Front matter fields: title, parties, signing date and place, version, language …
    Meta,
    /// The agreement's title line.
    Title,
    /// Recitals and any other text before the first article.
    Preamble,
    /// A Part, Chapter, Section, Annex or Schedule heading, with the text before its first article.
    Division,
    /// A top-level block of a document that has no articles at all.
    Text,
    Article,
    /// The closing formula ("In witness whereof …", "Done at …", the authentic languages).
    Closing,
    /// The signature block after the closing formula.
    Signatures,
}

impl EntryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Meta => "meta",
            EntryKind::Title => "title",
            EntryKind::Preamble => "preamble",
            EntryKind::Division => "division",
            EntryKind::Text => "text",
            EntryKind::Article => "article",
            EntryKind::Closing => "closing",
            EntryKind::Signatures => "signatures",
        }
    }

    /// How a reader names the part: "Front matter", "Preamble", "Closing formula".
    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Meta => "Front matter",
            EntryKind::Title => "Title",
            EntryKind::Preamble => "Preamble",
            EntryKind::Division => "Division",
            EntryKind::Text => "Text",
            EntryKind::Article => "Article",
            EntryKind::Closing => "Closing formula",
            EntryKind::Signatures => "Signature block",
        }
    }

    /// Units of these kinds occur once per document and pair with each other by kind alone.
    pub(crate) fn single(self) -> bool {
        matches!(
            self,
            EntryKind::Meta
                | EntryKind::Title
                | EntryKind::Preamble
                | EntryKind::Closing
                | EntryKind::Signatures
        )
    }
}

/// One line of a unit: a clause of an article, a recital, a front-matter field, a line of the closing.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    pub id: Cow<'a, str>,
    /// A clause's label ("(1)", "(a)") or a front-matter field's name ("signed.date").
    pub label: Option<Cow<'a, str>>,
    pub text: Cow<'a, str>,
    pub depth: usize,
    /// The clause behind the line, for reading cross-references; `None` outside articles.
    pub clause: Option<&'a Clause>,
}

/// A unit of one side of the redline.
#[derive(Debug)]
pub(crate) struct Unit<'a> {
    pub kind: EntryKind,
    pub id: String,
    /// An article's number ("5"), a division's ("Chapter II").
    pub number: Option<String>,
    pub heading: Option<String>,
    /// The article's numbering sequence (0 for the main text); 0 elsewhere.
    pub sequence: usize,
    /// Byte offset in the source, for document order.
    pub at: usize,
    pub lines: Vec<Line<'a>>,
    /// The article behind an article unit; the index of the division behind a division unit.
    pub article: Option<&'a Article>,
    pub division: Option<usize>,
    /// The fingerprint of [`Unit::text`], for matching by content.
    pub print: Fingerprint,
}

impl Unit<'_> {
    /// The unit as paragraphs on the page ([`pakta_core::paragraphs::paragraphs`] is every unit's page in
    /// order, front matter aside): its heading paragraph (`None`), then one paragraph per line (`Some(i)`).
    pub fn page(&self, agreement: &Agreement) -> Vec<(Option<usize>, Paragraph)> {
        let mut out = Vec::new();
        let line_role = |depth: usize| match self.kind {
            EntryKind::Meta => None,
            EntryKind::Title => Some(Role::Title),
            EntryKind::Preamble | EntryKind::Division | EntryKind::Text => Some(Role::Body),
            EntryKind::Article => Some(Role::Clause { depth }),
            EntryKind::Closing | EntryKind::Signatures => Some(Role::Closing),
        };
        if let Some(article) = self.article {
            let text = article_heading(provision_word(agreement, article), article);
            out.push((
                None,
                Paragraph {
                    role: Role::ArticleHeading,
                    text,
                },
            ));
        }
        if let Some(index) = self.division {
            let text = division_heading(&agreement.divisions[index], &agreement.language);
            if !text.is_empty() {
                let level = division_level(agreement, index);
                out.push((
                    None,
                    Paragraph {
                        role: Role::Division { level },
                        text,
                    },
                ));
            }
        }
        for (i, line) in self.lines.iter().enumerate() {
            let Some(role) = line_role(line.depth) else {
                continue;
            };
            let text = line
                .clause
                .map_or_else(|| line.text.to_string(), clause_line);
            out.push((Some(i), Paragraph { role, text }));
        }
        out
    }

    /// The unit's text for content matching: every line with its label, indented by depth, one per line
    /// (for an article, the same text as [`Article::text`]).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            for _ in 0..line.depth {
                out.push_str("  ");
            }
            if let Some(label) = &line.label {
                out.push_str(label);
                out.push(' ');
            }
            out.push_str(&line.text);
            out.push('\n');
        }
        out
    }
}

/// Every unit of `agreement`, in document order.
pub(crate) fn units(agreement: &Agreement) -> Vec<Unit<'_>> {
    let mut out = Vec::new();
    let meta = meta_lines(&agreement.meta);
    if !meta.is_empty() {
        out.push(part(EntryKind::Meta, "meta", 0, meta));
    }
    if let Some(title) = page_title(agreement) {
        let line = plain_line("title", title);
        out.push(part(EntryKind::Title, "title", 1, vec![line]));
    }
    if agreement.articles.is_empty() {
        // Without articles, the redline matches the document's blocks by content, so a moved or
        // renumbered paragraph is found as it would be for an article.
        // They stay together where the first one starts, as the page keeps them (the sort is stable).
        let at = agreement.preamble.first().map_or(0, |b| b.span.start);
        for (i, block) in agreement.preamble.iter().enumerate() {
            let id = format!("text_{}", i + 1);
            let line = block_line(&id, block);
            out.push(part(EntryKind::Text, &id, at, vec![line]));
        }
    } else if !agreement.preamble.is_empty() {
        let lines = blocks_lines("preamble", &agreement.preamble);
        let at = agreement.preamble[0].span.start;
        out.push(part(EntryKind::Preamble, "preamble", at, lines));
    }
    for (index, division) in agreement.divisions.iter().enumerate() {
        out.push(division_unit(index, division, agreement));
    }
    for article in &agreement.articles {
        out.push(article_unit(article));
    }
    // The closing's blocks may come from more than one place (a testimonium before the annexes, signatures
    // at the end); like the page, the redline keeps them together where the closing starts.
    let closing_at = agreement.closing.first().map_or(0, |b| b.span.start);
    let (closing, signatures) = split_signatures(&agreement.closing);
    if !closing.is_empty() {
        let at = closing_at;
        let lines = blocks_lines("closing", closing);
        out.push(part(EntryKind::Closing, "closing", at, lines));
    }
    if !signatures.is_empty() {
        let at = closing_at;
        let lines = blocks_lines("signatures", signatures);
        out.push(part(EntryKind::Signatures, "signatures", at, lines));
    }
    // Front matter and title first, then the body in source order; the sort is stable, so parts that
    // start at the same offset keep the order above.
    out.sort_by_key(|u| u.at);
    for unit in &mut out {
        unit.print = Fingerprint::of(&unit.text());
    }
    out
}

fn part<'a>(kind: EntryKind, id: &str, at: usize, lines: Vec<Line<'a>>) -> Unit<'a> {
    Unit {
        kind,
        id: id.to_string(),
        number: None,
        heading: None,
        sequence: 0,
        at,
        lines,
        article: None,
        division: None,
        print: Fingerprint::default(),
    }
}

fn plain_line<'a>(id: &str, text: &'a str) -> Line<'a> {
    Line {
        id: Cow::Owned(id.to_string()),
        label: None,
        text: Cow::Borrowed(text),
        depth: 0,
        clause: None,
    }
}

fn block_line<'a>(id: &str, block: &'a Block) -> Line<'a> {
    plain_line(id, &block.text)
}

fn blocks_lines<'a>(prefix: &str, blocks: &'a [Block]) -> Vec<Line<'a>> {
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| block_line(&format!("{prefix}_{}", i + 1), b))
        .collect()
}

fn article_unit(article: &Article) -> Unit<'_> {
    let mut lines = Vec::new();
    let mut stack: Vec<(&Clause, usize)> = article.clauses.iter().rev().map(|c| (c, 0)).collect();
    while let Some((clause, depth)) = stack.pop() {
        lines.push(Line {
            id: Cow::Borrowed(&clause.id),
            label: clause.label.as_deref().map(Cow::Borrowed),
            text: Cow::Borrowed(&clause.text),
            depth,
            clause: Some(clause),
        });
        stack.extend(clause.children.iter().rev().map(|c| (c, depth + 1)));
    }
    Unit {
        kind: EntryKind::Article,
        id: article.id.clone(),
        number: Some(article.number.clone()),
        heading: article.heading.clone(),
        sequence: article.sequence,
        at: article.span.start,
        lines,
        article: Some(article),
        division: None,
        print: Fingerprint::default(),
    }
}

fn division_unit<'a>(index: usize, division: &'a Division, agreement: &Agreement) -> Unit<'a> {
    // The number as a reader names it ("Chapter II"), so "Part II" → "Chapter II" is a changed number.
    let number = division.number.as_ref().map(|_| {
        let bare = Division {
            heading: None,
            intro: Vec::new(),
            ..division.clone()
        };
        division_heading(&bare, &agreement.language)
    });
    Unit {
        kind: EntryKind::Division,
        id: division.id.clone(),
        number,
        heading: division.heading.clone(),
        sequence: 0,
        at: division.span.start,
        lines: blocks_lines(&division.id, &division.intro),
        article: None,
        division: Some(index),
        print: Fingerprint::default(),
    }
}

/// Front matter as `field: value` lines, in a fixed order, so that every field a negotiator set is
/// compared (a signing date, a party's name, the version, the authentic language).
fn meta_lines(meta: &Meta) -> Vec<Line<'static>> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut push = |name: String, value: Option<&String>| {
        if let Some(value) = value {
            fields.push((name, value.clone()));
        }
    };
    push("title".into(), meta.title.as_ref());
    for (i, party) in meta.parties.iter().enumerate() {
        let n = i + 1;
        push(format!("party {n} name"), Some(&party.name));
        push(format!("party {n} short name"), party.short.as_ref());
        push(format!("party {n} role"), party.role.as_ref());
    }
    if let Some(signed) = &meta.signed {
        push("signing date".into(), signed.date.as_ref());
        push("signing place".into(), signed.place.as_ref());
    }
    push("language".into(), meta.language.as_ref());
    push("version".into(), meta.version.as_ref());
    push("supersedes".into(), meta.supersedes.as_ref());
    push("status".into(), meta.status.as_ref());
    push("note".into(), meta.note.as_ref());
    if !meta.sectors.is_empty() {
        push("sectors".into(), Some(&meta.sectors.join(", ")));
    }
    push("generated from".into(), meta.generated_from.as_ref());
    if !meta.running_heads.is_empty() {
        push("running heads".into(), Some(&meta.running_heads.join("; ")));
    }
    push("catalogue".into(), meta.catalogue.as_ref());
    for (key, value) in &meta.other {
        push(key.clone(), Some(value));
    }
    fields
        .into_iter()
        .map(|(name, value)| Line {
            id: Cow::Owned(format!("meta_{}", name.replace(' ', "_"))),
            label: Some(Cow::Owned(format!("{name}:"))),
            text: Cow::Owned(value),
            depth: 0,
            clause: None,
        })
        .collect()
}

/// Splits the closing into the formula and the signature block: the block starts at the first line that
/// signs for a party ("For the Government of …", *Untuk Pemerintah …*, "On behalf of …") or at a table of
/// signatories, whichever comes first after the formula's first line.
fn split_signatures(closing: &[Block]) -> (&[Block], &[Block]) {
    let at = closing
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, b)| is_signature_line(&b.text))
        .map_or(closing.len(), |(i, _)| i);
    closing.split_at(at)
}

fn is_signature_line(text: &str) -> bool {
    let lower = text.trim_start_matches(['*', '_', ' ']).to_lowercase();
    const OPENERS: &[&str] = &[
        "for the ",
        "for and on behalf of",
        "on behalf of",
        "untuk pemerintah",
        "untuk kementerian",
        "untuk ",
        "atas nama",
        "signed",
        "(signed)",
        "(ttd",
        "ttd",
        "name:",
        "nama:",
        "signature",
        "tanda tangan",
    ];
    text.trim_start().starts_with('|') || OPENERS.iter().any(|o| lower.starts_with(o))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(markdown: &str) -> Vec<(&'static str, String)> {
        let agreement = pakta_core::parse(markdown);
        units(&agreement)
            .iter()
            .map(|u| (u.kind.as_str(), u.text()))
            .collect()
    }

    #[test]
    fn every_part_of_a_document_is_a_unit_in_document_order() {
        let units = kinds(
            "---\ntitle: Pact\nsigned:\n  date: 2025-06-12\n---\n\n# Pact\n\nWhereas the Parties agree;\n\n\
             ## Chapter I\n\n## General\n\n### Article 1 — Scope\n\nThis applies.\n\n\
             Done at Jakarta in two originals; the English text shall prevail.\n\n\
             For the Republic of Indonesia\n\nFor the Other Party\n",
        );
        let names: Vec<&str> = units.iter().map(|u| u.0).collect();
        assert_eq!(
            names,
            [
                "meta",
                "title",
                "preamble",
                "division",
                "article",
                "closing",
                "signatures"
            ]
        );
        assert!(units[0].1.contains("2025-06-12"));
        assert!(units[5].1.contains("English text shall prevail"));
        assert!(units[6].1.contains("For the Other Party"));
    }

    #[test]
    fn a_document_without_articles_is_cut_into_blocks() {
        let units = kinds("First paragraph of a note.\n\nSecond paragraph.\n");
        assert_eq!(units.iter().filter(|u| u.0 == "text").count(), 2);
    }
}
