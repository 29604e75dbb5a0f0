//! Cross-references inside an agreement's own text: "Article 12", "Articles 3 and 4", "paragraph 2 of
//! Article 7", "Article 7(2)", "Pasal 12", "Pasal 6 ayat (3)", "ayat (2) Pasal 7"; and, in a document
//! whose provisions are sections, clauses or paragraphs ([`find_in`]), "Section 4.2", "section 4(b)(2)",
//! "subsection (b) of section 5", "Clause 7", "Paragraph 3".
//!
//! References to other instruments ("Article 3 of ILO Convention No. 189", "Pasal 5 Undang-Undang …") are
//! recognised as external and left out.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::provision::ProvisionWord;

/// One reference to an article (and optionally a paragraph and point of it) of the same agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The article number as written: "12", "V", "5bis"; `None` for the article the reference is written
    /// in ("paragraph 2", "paragraph 1 of this Article", "ayat (3)"). In a document of sections or clauses,
    /// the provision's number ("4" of "Section 4.2").
    pub article: Option<String>,
    pub paragraph: Option<String>,
    /// The point label without brackets: "a".
    pub point: Option<String>,
    /// Byte range of the reference in the text it was found in.
    pub range: Range<usize>,
}

const ARTICLE_WORDS: &[&str] = &["article", "articles", "art", "pasal", "artikel"];
const PARAGRAPH_WORDS: &[&str] = &["paragraph", "paragraphs", "para", "ayat"];
const POINT_WORDS: &[&str] = &["point", "points", "subparagraph", "huruf", "item"];
const LIST_WORDS: &[&str] = &[
    "and", "or", "to", "dan", "atau", "sampai", "hingga", "through",
];
/// Words after "of the …" that mean the agreement itself. "The Convention" is left out: in a labour MoU it
/// is nearly always an ILO or UN instrument, and a convention calls itself "this Convention".
const SELF_NAMES: &[&str] = &[
    "agreement",
    "memorandum",
    "mou",
    "arrangement",
    "overeenkomst",
    "accord",
    "persetujuan",
];
/// The same, for documents numbered by sections, clauses or paragraphs: contracts and bills also call
/// themselves "the Contract", "the Act". In an article-structured agreement "the Contract" is the
/// employment contract, another instrument, so these are not in [`SELF_NAMES`].
const DOCUMENT_NAMES: &[&str] = &[
    "agreement",
    "memorandum",
    "mou",
    "arrangement",
    "contract",
    "act",
    "bill",
    "deed",
];
/// "of" in the languages of the corpus, and the articles that may follow it.
const OF_WORDS: &[&str] = &["of", "van", "de", "du", "des", "del", "della"];
const THE_WORDS: &[&str] = &["the", "het", "de", "la", "le", "les", "l", "der", "el"];
const THIS_WORDS: &[&str] = &[
    "this",
    "these",
    "present",
    "deze",
    "dit",
    "présent",
    "présente",
    "ini",
];
/// Words right after a reference that mean another instrument (Indonesian legislation, conventions).
const EXTERNAL_WORDS: &[&str] = &[
    "undang",
    "uu",
    "konvensi",
    "peraturan",
    "keputusan",
    "kitab",
    "ilo",
];

/// The words a document's references are written with, by the word that numbers its provisions.
struct Vocabulary {
    /// Words for a top-level provision, lower case.
    provisions: &'static [&'static str],
    /// Those of them that are abbreviations and must be followed by a full stop (`Art.`, `Sec.`).
    abbreviations: &'static [&'static str],
    /// Words for the level below a provision (`paragraph`, `ayat`; `subsection`; `subclause`).
    paragraphs: &'static [&'static str],
    /// Words that, alone, name a paragraph of the provision they are written in (`paragraph 2`).
    local: &'static [&'static str],
    points: &'static [&'static str],
    /// Words after "of the …" that mean the document itself.
    self_names: &'static [&'static str],
    /// Whether `4.2` is provision 4, paragraph 2, `4(b)(2)` reads the second bracket as the point, and a
    /// local paragraph may be lettered: sections and clauses are subdivided that way, while articles are
    /// numbered `19.3` themselves.
    subdivided: bool,
    /// Whole words one of which a text must contain to hold a reference (the cheap test before
    /// segmentation); prefixes of the words above.
    cues: &'static [&'static str],
}

const ARTICLES: Vocabulary = Vocabulary {
    provisions: ARTICLE_WORDS,
    abbreviations: &["art"],
    paragraphs: PARAGRAPH_WORDS,
    local: &["paragraph", "ayat"],
    points: POINT_WORDS,
    self_names: SELF_NAMES,
    subdivided: false,
    cues: &["art", "pasal", "paragraph", "ayat"],
};

/// A contract headed in sections names its numbered provisions "Clause 6.1" as often as "Section 6.1".
const SECTIONS: Vocabulary = Vocabulary {
    provisions: &[
        "section", "sections", "sec", "secs", "§", "clause", "clauses",
    ],
    abbreviations: &["sec", "secs"],
    paragraphs: &["subsection", "subsections"],
    local: &["subsection"],
    points: &["paragraph", "paragraphs", "point", "points", "item"],
    self_names: DOCUMENT_NAMES,
    subdivided: true,
    cues: &["sec", "§", "subsection", "clause"],
};

const CLAUSES: Vocabulary = Vocabulary {
    provisions: &["clause", "clauses", "cl"],
    abbreviations: &["cl"],
    paragraphs: &["subclause", "subclauses", "paragraph", "paragraphs"],
    local: &["subclause", "paragraph"],
    points: POINT_WORDS,
    self_names: DOCUMENT_NAMES,
    subdivided: true,
    cues: &["clause", "cl", "subclause", "paragraph"],
};

const PARAGRAPHS: Vocabulary = Vocabulary {
    provisions: &["paragraph", "paragraphs", "para"],
    abbreviations: &["para"],
    paragraphs: &["subparagraph", "subparagraphs", "item", "items"],
    local: &["subparagraph", "item"],
    points: &["point", "points", "subitem"],
    self_names: DOCUMENT_NAMES,
    subdivided: true,
    cues: &["para", "subparagraph", "item"],
};

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Finds the references in `text` to articles of the same agreement.
pub fn find(text: &str) -> Vec<Reference> {
    find_with(text, &ARTICLES)
}

/// Finds the references in `text` to provisions of the same document, read in the vocabulary the
/// document numbers its provisions with ([`crate::Agreement::provision_word`]): `Some("section")` reads
/// "Section 4.2", "section 4(2)" and "§ 4" as article 4 (paragraph 2); `Some("clause")` "Clause 7";
/// `Some("paragraph")` "Paragraph 3" as article 3. `Some("article")`, `None` (bare numbers) and any other
/// word read as [`find`] does.
pub fn find_in(text: &str, provision_word: Option<&str>) -> Vec<Reference> {
    let vocabulary = match provision_word.and_then(ProvisionWord::from_name) {
        Some(ProvisionWord::Section) => &SECTIONS,
        Some(ProvisionWord::Clause) => &CLAUSES,
        Some(ProvisionWord::Paragraph) => &PARAGRAPHS,
        Some(ProvisionWord::Article) | None => &ARTICLES,
    };
    find_with(text, vocabulary)
}

/// Whether a lower-cased word is one a reference to a provision starts with, in the document's
/// vocabulary ("article", "articles", *pasal*; "section" in a contract of sections).
pub fn is_provision_noun(word: &str, provision_word: Option<&str>) -> bool {
    ARTICLE_WORDS.contains(&word)
        || provision_word.is_some_and(|p| word == p || word.strip_suffix('s') == Some(p))
}

/// The articles `text` names, in order, with a range written out: "Articles 3 to 6" names 3, 4, 5 and 6,
/// *Pasal 3 sampai dengan Pasal 6* as well. Numbers that are not plain integers are named as written.
pub fn articles_named(text: &str, provision_word: Option<&str>) -> Vec<String> {
    let found = find_in(text, provision_word);
    let mut out: Vec<String> = Vec::new();
    for (i, reference) in found.iter().enumerate() {
        let Some(number) = &reference.article else {
            continue;
        };
        // A range: the words between this number and the one before are a range word ("3 to 6",
        // *Pasal 3 sampai dengan Pasal 6*). One list of references shares its range.
        let ranged = i.checked_sub(1).and_then(|p| {
            let previous = &found[p];
            let from: u32 = previous.article.as_deref()?.parse().ok()?;
            let to: u32 = number.parse().ok()?;
            let start = previous.range.start.min(reference.range.start);
            let end = previous.range.end.max(reference.range.end);
            let span = text.get(start..end)?;
            let from_end = span.find(&from.to_string())? + from.to_string().len();
            let to_start = from_end + span[from_end..].find(&to.to_string())?;
            let between: Vec<String> = span[from_end..to_start]
                .split_whitespace()
                .map(str::to_lowercase)
                .filter(|w| {
                    !ARTICLE_WORDS.contains(&w.as_str()) && w != "section" && w != "sections"
                })
                .collect();
            let range_word = matches!(
                between.join(" ").as_str(),
                "to" | "through"
                    | "-"
                    | "\u{2013}"
                    | "sampai"
                    | "sampai dengan"
                    | "hingga"
                    | "s.d."
                    | "s/d"
            );
            (range_word && from < to && to - from <= 50).then_some((from, to))
        });
        if let Some((from, to)) = ranged {
            out.extend((from + 1..to).map(|n| n.to_string()));
        }
        out.push(number.clone());
    }
    out
}

fn find_with(text: &str, vocabulary: &Vocabulary) -> Vec<Reference> {
    // Every reference starts with a provision word or a paragraph word; most clauses have neither, and
    // word segmentation is the costly part, so look for the words first (redlines run this on every clause).
    // Only whole words count: "art" inside "Parties" or "particular", which nearly every treaty clause
    // has, must not send the clause to segmentation. Word segmentation never splits two ASCII letters or
    // digits, so a word can only start where the byte before is not one of them.
    let lower = text.to_ascii_lowercase();
    let starts_word = |at: usize| at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric();
    if !vocabulary
        .cues
        .iter()
        .any(|w| lower.match_indices(w).any(|(at, _)| starts_word(at)))
    {
        return Vec::new();
    }
    let tokens: Vec<Token<'_>> = text
        .split_word_bound_indices()
        .filter(|(_, t)| !t.trim().is_empty())
        .map(|(start, t)| Token {
            text: t,
            start,
            end: start + t.len(),
        })
        .collect();
    let lower: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // `sub-clause 2` is not Clause 2 (articles keep their old reading: "sub-article" is not written).
        let prefixed = vocabulary.subdivided && i >= 1 && glued_hyphen(&tokens, i);
        if !vocabulary.provisions.contains(&lower[i].as_str()) || prefixed {
            match local_paragraph(&tokens, &lower, i, vocabulary) {
                Some((reference, next)) => {
                    out.push(reference);
                    i = next;
                }
                None => i += 1,
            }
            continue;
        }
        match provision_reference(&tokens, &lower, i, vocabulary) {
            Some((mut found, next)) => {
                out.append(&mut found);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// Whether the token at `i` is glued to a hyphen before it (`sub-paragraph`).
fn glued_hyphen(tokens: &[Token<'_>], i: usize) -> bool {
    tokens[i - 1].text == "-" && tokens[i - 1].end == tokens[i].start
}

/// The references that start with the provision word at `i` (`Articles 3 and 4`, `Article 7(2)`,
/// `paragraph 2 of Article 7`), empty when they name another instrument; and where reading goes on.
fn provision_reference(
    tokens: &[Token<'_>],
    lower: &[String],
    i: usize,
    vocabulary: &Vocabulary,
) -> Option<(Vec<Reference>, usize)> {
    let word_start = tokens[i].start;
    let mut j = i + 1;
    if vocabulary.abbreviations.contains(&lower[i].as_str()) {
        if tokens.get(j).map(|t| t.text) != Some(".") {
            return None;
        }
        j += 1;
    }
    // Numbers: `Articles 3, 4 and 5`, `Articles 3 to 5`.
    let mut numbers: Vec<(String, usize)> = Vec::new();
    // Whether the list's numbers are hyphenated ones (`5-1`), so that the last one is too.
    let mut compounds = false;
    while let Some(token) = tokens.get(j) {
        if is_article_number(token.text) {
            numbers.push((token.text.to_owned(), token.end));
            j += 1;
            // `5 bis`
            if tokens
                .get(j)
                .is_some_and(|t| crate::numbering::ArticleNumber::is_latin_suffix(t.text))
            {
                if let Some(last) = numbers.last_mut() {
                    last.0.push_str(&lower[j]);
                    last.1 = tokens[j].end;
                }
                j += 1;
            }
            // `Article 1-2` of a treaty numbered by chapter (1-1, 1-2 …) is one article: a hyphen glued to
            // both numbers after the singular. `Articles 3-5` is a range.
            // So is each of `Articles 5-1 and 5-2`, where another hyphenated number follows.
            let glued_at = |k: usize| {
                tokens.get(k).is_some_and(|t| t.text == "-")
                    && tokens.get(k + 1).is_some_and(|t| is_article_number(t.text))
                    && k >= 1
                    && tokens[k - 1].end == tokens[k].start
                    && tokens[k].end == tokens[k + 1].start
            };
            let listed_compound = tokens
                .get(j + 2)
                .is_some_and(|t| t.text == "," || LIST_WORDS.contains(&lower[j + 2].as_str()))
                && tokens.get(j + 3).is_some_and(|t| is_article_number(t.text))
                && glued_at(j + 4);
            if glued_at(j) && (!lower[i].ends_with('s') || listed_compound || compounds) {
                compounds = true;
                if let Some(last) = numbers.last_mut() {
                    last.0 = format!("{}-{}", last.0, tokens[j + 1].text);
                    last.1 = tokens[j + 1].end;
                }
                j += 2;
            }
            let continues = tokens.get(j + 1).is_some_and(|t| is_article_number(t.text))
                && (tokens[j].text == ","
                    || LIST_WORDS.contains(&lower[j].as_str())
                    || tokens[j].text == "-");
            if continues {
                j += 1;
                continue;
            }
        }
        break;
    }
    if numbers.is_empty() {
        return None;
    }
    // Forward: `Article 7(2)`, `Article 7, paragraph 2`, `Pasal 6 ayat (3) huruf a`, `Section 4.2(a)`,
    // `section 4(b)(2)`.
    let mut paragraph = None;
    let mut point = None;
    let mut end = numbers.last().map_or(tokens[i].end, |n| n.1);
    if numbers.len() == 1 {
        if vocabulary.subdivided
            && let Some((number, p, pt)) = split_dotted(&numbers[0].0)
        {
            numbers[0].0 = number;
            paragraph = Some(p);
            point = pt;
        }
        if paragraph.is_none() {
            if let Some((p, next)) = bracketed(tokens, j) {
                paragraph = Some(p);
                end = tokens[next - 1].end;
                j = next;
            } else if let Some((p, next)) = paragraph_phrase(tokens, lower, j, vocabulary) {
                paragraph = Some(p);
                end = tokens[next - 1].end;
                j = next;
            }
        }
        if paragraph.is_some() && point.is_none() {
            let chained = if vocabulary.subdivided {
                bracketed(tokens, j)
            } else {
                None
            };
            if let Some((pt, next)) = chained.or_else(|| point_phrase(tokens, lower, j, vocabulary))
            {
                point = Some(pt);
                end = tokens[next - 1].end;
                j = next;
            }
        }
    }
    // Backward: `paragraph 2 of Article 7`, `point (a) of paragraph 1 of Article 7`, `ayat (2) Pasal 7`.
    let mut start = word_start;
    if numbers.len() == 1 && paragraph.is_none() {
        let mut k = i;
        if k >= 1 && lower[k - 1] == "of" {
            k -= 1;
        }
        if let Some((p, from)) = paragraph_before(tokens, lower, k, vocabulary) {
            paragraph = Some(p);
            start = tokens[from].start;
            let mut m = from;
            if m >= 1 && lower[m - 1] == "of" {
                m -= 1;
            }
            if let Some((pt, from)) = point_before(tokens, lower, m, vocabulary) {
                point = Some(pt);
                start = tokens[from].start;
            }
        }
    }
    if is_external(tokens, lower, j, vocabulary) {
        return Some((Vec::new(), j));
    }
    // `Sections 3.1 and 4.2`: in a document subdivided that way each listed number is a provision and
    // its paragraph, as a single one is.
    let listed = numbers.len() > 1 && vocabulary.subdivided;
    let found = numbers
        .into_iter()
        .map(
            |(number, _)| match split_dotted(&number).filter(|_| listed) {
                Some((number, p, pt)) => Reference {
                    article: Some(number),
                    paragraph: Some(p),
                    point: pt,
                    range: start..end,
                },
                None => Reference {
                    article: Some(number),
                    paragraph: paragraph.clone(),
                    point: point.clone(),
                    range: start..end,
                },
            },
        )
        .collect();
    Some((found, j))
}

/// `4.2` as provision 4, paragraph 2 (and `4.2.1` with point 1), in documents subdivided that way.
fn split_dotted(number: &str) -> Option<(String, String, Option<String>)> {
    let mut parts = number.split('.');
    let (first, second) = (parts.next()?, parts.next()?);
    let third = parts.next().map(str::to_owned);
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    (digits(first)
        && digits(second)
        && third.as_deref().is_none_or(digits)
        && parts.next().is_none())
    .then(|| (first.to_owned(), second.to_owned(), third))
}

/// `paragraph 2`, `paragraph 1 of this Article`, `ayat (3) huruf a` at `i`, when it names no other article.
fn local_paragraph(
    tokens: &[Token<'_>],
    lower: &[String],
    i: usize,
    vocabulary: &Vocabulary,
) -> Option<(Reference, usize)> {
    if !vocabulary.local.contains(&lower[i].as_str()) {
        return None;
    }
    // Only a whole word: not the `paragraph` of `sub-paragraph`.
    if i >= 1 && glued_hyphen(tokens, i) {
        return None;
    }
    let (paragraph, mut j) = bracketed(tokens, i + 1).or_else(|| {
        let t = tokens.get(i + 1)?;
        Some((t.text.to_owned(), i + 2))
    })?;
    // Sections and clauses letter their subsections: `subsection (b)`.
    let lettered = vocabulary.subdivided
        && paragraph.len() <= 2
        && paragraph.bytes().all(|b| b.is_ascii_lowercase());
    if !(paragraph.bytes().all(|b| b.is_ascii_digit()) || lettered) {
        return None;
    }
    let mut end = tokens[j - 1].end;
    // `paragraph 7 (b) of …`: a point written right after the number.
    let mut point = None;
    if let Some((pt, next)) = bracketed(tokens, j) {
        point = Some(pt);
        end = tokens[next - 1].end;
        j = next;
    }
    // `paragraphs 2 and 3`, `paragraph 2 of Article 7`, `ayat (2) Pasal 7`, `paragraph 2 of the Annex`:
    // another article's paragraph, or not one this check can resolve.
    let next = lower.get(j).map(String::as_str);
    if next.is_some_and(|w| vocabulary.provisions.contains(&w)) {
        return None;
    }
    if next == Some("of") {
        let this_article = lower.get(j + 1).map(String::as_str) == Some("this")
            && lower
                .get(j + 2)
                .is_some_and(|w| vocabulary.provisions.contains(&w.as_str()));
        if !this_article {
            return None;
        }
        end = tokens[j + 2].end;
        j += 3;
    } else if next == Some("ini")
        || lower.get(j + 1).is_some_and(|w| w == "ini") && next == Some("pasal")
    {
        return None;
    }
    if let Some((pt, next)) = point_phrase(tokens, lower, j, vocabulary) {
        point = Some(pt);
        end = tokens[next - 1].end;
        j = next;
    }
    let reference = Reference {
        article: None,
        paragraph: Some(paragraph),
        point,
        range: tokens[i].start..end,
    };
    Some((reference, j))
}

fn is_article_number(token: &str) -> bool {
    let starts_digit = token.starts_with(|c: char| c.is_ascii_digit());
    let roman = token.len() <= 6 && token.chars().all(|c| "IVXLC".contains(c));
    (starts_digit || roman) && crate::numbering::ArticleNumber::parse(token).is_some()
}

/// `(2)` at `j`: returns the token inside and the index after `)`.
fn bracketed(tokens: &[Token<'_>], j: usize) -> Option<(String, usize)> {
    let open = tokens.get(j)?;
    let inner = tokens.get(j + 1)?;
    let close = tokens.get(j + 2)?;
    (open.text == "(" && close.text == ")" && open.end == inner.start && inner.text.len() <= 4)
        .then(|| (inner.text.to_owned(), j + 3))
}

/// `, paragraph 2` or `ayat (2)` at `j`.
fn paragraph_phrase(
    tokens: &[Token<'_>],
    lower: &[String],
    mut j: usize,
    vocabulary: &Vocabulary,
) -> Option<(String, usize)> {
    if tokens.get(j).is_some_and(|t| t.text == ",") {
        j += 1;
    }
    if !vocabulary.paragraphs.contains(&lower.get(j)?.as_str()) {
        return None;
    }
    bracketed(tokens, j + 1).or_else(|| {
        let t = tokens.get(j + 1)?;
        t.text
            .chars()
            .all(|c| c.is_ascii_digit())
            .then(|| (t.text.to_owned(), j + 2))
    })
}

/// `point (a)` or `huruf a` at `j`.
fn point_phrase(
    tokens: &[Token<'_>],
    lower: &[String],
    mut j: usize,
    vocabulary: &Vocabulary,
) -> Option<(String, usize)> {
    if tokens.get(j).is_some_and(|t| t.text == ",") {
        j += 1;
    }
    if !vocabulary.points.contains(&lower.get(j)?.as_str()) {
        return None;
    }
    bracketed(tokens, j + 1).or_else(|| {
        let t = tokens.get(j + 1)?;
        (t.text.len() <= 3 && t.text.chars().all(|c| c.is_ascii_alphanumeric()))
            .then(|| (t.text.to_owned(), j + 2))
    })
}

/// A paragraph phrase ending just before index `k`: `paragraph 2` / `ayat (2)`; returns its first index.
fn paragraph_before(
    tokens: &[Token<'_>],
    lower: &[String],
    k: usize,
    vocabulary: &Vocabulary,
) -> Option<(String, usize)> {
    if k >= 2
        && tokens[k - 1].text.chars().all(|c| c.is_ascii_digit())
        && vocabulary.paragraphs.contains(&lower[k - 2].as_str())
    {
        return Some((tokens[k - 1].text.to_owned(), k - 2));
    }
    if k >= 4
        && tokens[k - 1].text == ")"
        && tokens[k - 3].text == "("
        && vocabulary.paragraphs.contains(&lower[k - 4].as_str())
    {
        return Some((tokens[k - 2].text.to_owned(), k - 4));
    }
    None
}

fn point_before(
    tokens: &[Token<'_>],
    lower: &[String],
    k: usize,
    vocabulary: &Vocabulary,
) -> Option<(String, usize)> {
    if k >= 4
        && tokens[k - 1].text == ")"
        && tokens[k - 3].text == "("
        && vocabulary.points.contains(&lower[k - 4].as_str())
    {
        return Some((tokens[k - 2].text.to_owned(), k - 4));
    }
    if k >= 2 && tokens[k - 1].text.len() <= 3 && vocabulary.points.contains(&lower[k - 2].as_str())
    {
        return Some((tokens[k - 1].text.to_owned(), k - 2));
    }
    None
}

/// Whether the words after a reference name another instrument: "of ILO Convention No. 95", "of the
/// Constitution", "van het Statuut", "Undang-Undang Nomor 18".
fn is_external(tokens: &[Token<'_>], lower: &[String], j: usize, vocabulary: &Vocabulary) -> bool {
    let Some(next) = lower.get(j) else {
        return false;
    };
    if EXTERNAL_WORDS.contains(&next.as_str()) {
        return true;
    }
    if !OF_WORDS.contains(&next.as_str()) {
        return false;
    }
    let mut k = j + 1;
    if lower
        .get(k)
        .is_some_and(|w| THE_WORDS.contains(&w.as_str()))
    {
        k += 1;
    }
    let Some(word) = lower.get(k) else {
        return false;
    };
    if THIS_WORDS.contains(&word.as_str()) || vocabulary.self_names.contains(&word.as_str()) {
        return false;
    }
    tokens[k].text.starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_range_of_articles_names_every_article_in_it() {
        assert_eq!(
            super::articles_named(
                "Articles 3 to 6 do not apply to workers hired directly.",
                None
            ),
            ["3", "4", "5", "6"]
        );
        assert_eq!(
            super::articles_named(
                "Pasal 3 sampai dengan Pasal 5 tidak berlaku bagi pekerja harian.",
                None
            ),
            ["3", "4", "5"]
        );
        assert_eq!(
            super::articles_named("Articles 3 and 6 do not apply.", None),
            ["3", "6"]
        );
    }

    use super::*;

    fn refs(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        refs_in(None, text)
    }

    /// References in a document that numbers its provisions with `word` (`None`: articles).
    fn refs_in(word: Option<&str>, text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        find_in(text, word)
            .into_iter()
            .map(|r| {
                (
                    r.article.unwrap_or_else(|| "this".into()),
                    r.paragraph,
                    r.point,
                )
            })
            .collect()
    }

    fn r(a: &str, p: Option<&str>, pt: Option<&str>) -> (String, Option<String>, Option<String>) {
        (a.into(), p.map(Into::into), pt.map(Into::into))
    }

    #[test]
    fn finds_internal_references() {
        assert_eq!(
            refs("as referred to in Article 12."),
            vec![r("12", None, None)]
        );
        assert_eq!(
            refs("under Articles 3 and 4"),
            vec![r("3", None, None), r("4", None, None)]
        );
        assert_eq!(
            refs("in paragraph 2 of Article 7 of this Agreement"),
            vec![r("7", Some("2"), None)]
        );
        assert_eq!(
            refs("point (a) of paragraph 1 of Article 3"),
            vec![r("3", Some("1"), Some("a"))]
        );
        assert_eq!(refs("see Article 7(2)"), vec![r("7", Some("2"), None)]);
        assert_eq!(
            refs("sebagaimana dimaksud dalam Pasal 6 ayat (3) huruf a"),
            vec![r("6", Some("3"), Some("a"))]
        );
        assert_eq!(refs("ayat (2) Pasal 7"), vec![r("7", Some("2"), None)]);
        assert_eq!(refs("Art. 5bis applies"), vec![r("5bis", None, None)]);
        // A treaty numbered by chapter names one article with a hyphen; the plural is a range.
        assert_eq!(
            refs("the procedures set out in Article 1-2."),
            vec![r("1-2", None, None)]
        );
        assert_eq!(
            refs("under Articles 3-5"),
            vec![r("3", None, None), r("5", None, None)]
        );
        assert_eq!(
            refs("the requirements of Articles 5-1 and 5-2."),
            vec![r("5-1", None, None), r("5-2", None, None)]
        );
    }

    #[test]
    fn finds_references_within_the_same_article() {
        assert_eq!(
            refs("the costs listed in paragraph 2."),
            vec![r("this", Some("2"), None)]
        );
        assert_eq!(
            refs("under paragraph 1 of this Article"),
            vec![r("this", Some("1"), None)]
        );
        assert_eq!(
            refs("sebagaimana dimaksud pada ayat (1) huruf b"),
            vec![r("this", Some("1"), Some("b"))]
        );
        assert_eq!(
            refs("paragraph 2 of Article 7"),
            vec![r("7", Some("2"), None)]
        );
        assert!(refs("paragraph 2 of the Annex").is_empty());
        assert!(refs("sub-paragraph 2").is_empty());
        assert!(refs("paragraph 7 (b) of Article 19 of the Constitution").is_empty());
    }

    #[test]
    fn skips_other_instruments() {
        assert!(refs("Article 3 of ILO Convention No. 189").is_empty());
        assert!(refs("Article 3 of the Vienna Convention").is_empty());
        assert!(refs("Article 7 of the Convention shall apply").is_empty());
        assert!(refs("lid 2 van artikel 35 van het Statuut").is_empty());
        assert_eq!(
            refs("Article 3 of the present Agreement"),
            vec![r("3", None, None)]
        );
        assert!(refs("Pasal 5 Undang-Undang Nomor 18 Tahun 2017").is_empty());
        assert_eq!(refs("Article 3 of the Agreement"), vec![r("3", None, None)]);
        assert!(refs("the articles of association").is_empty());
    }

    #[test]
    fn reads_sections_in_a_document_of_sections() {
        let s = |t: &str| refs_in(Some("section"), t);
        assert_eq!(s("see Section 4.2"), vec![r("4", Some("2"), None)]);
        assert_eq!(s("under section 4(2)"), vec![r("4", Some("2"), None)]);
        assert_eq!(s("in section 4(b)(2)"), vec![r("4", Some("b"), Some("2"))]);
        assert_eq!(
            s("Section 4.2(a) applies"),
            vec![r("4", Some("2"), Some("a"))]
        );
        assert_eq!(
            s("subsection (b) of section 5"),
            vec![r("5", Some("b"), None)]
        );
        assert_eq!(
            s("Sections 3 and 4"),
            vec![r("3", None, None), r("4", None, None)]
        );
        // Listed, each dotted number is a section and its subsection, as a single one is.
        assert_eq!(
            s("due under Sections 3.1 and 4.2"),
            vec![r("3", Some("1"), None), r("4", Some("2"), None)]
        );
        // A contract headed in sections names them "Clause" too.
        assert_eq!(
            s("the return passage under Clause 6.1"),
            vec![r("6", Some("1"), None)]
        );
        assert_eq!(s("as § 7 provides"), vec![r("7", None, None)]);
        assert_eq!(s("Sec. 9 of this Act"), vec![r("9", None, None)]);
        assert_eq!(s("under subsection (c)"), vec![r("this", Some("c"), None)]);
        assert!(s("section 3 of the Immigration Act").is_empty());
        // A document of sections does not number articles.
        assert!(s("Article 3 applies").is_empty());
    }

    #[test]
    fn reads_clauses_and_paragraphs_in_their_documents() {
        let c = |t: &str| refs_in(Some("clause"), t);
        assert_eq!(c("breaks Clause 7"), vec![r("7", None, None)]);
        assert_eq!(c("the fees in clause 4.1"), vec![r("4", Some("1"), None)]);
        assert_eq!(c("under clause 5.2(c)"), vec![r("5", Some("2"), Some("c"))]);
        assert_eq!(c("Clause 3 of this Contract"), vec![r("3", None, None)]);
        assert_eq!(c("under paragraph (b)"), vec![r("this", Some("b"), None)]);
        assert!(c("sub-clause 3 applies").is_empty());
        let p = |t: &str| refs_in(Some("paragraph"), t);
        assert_eq!(p("named in Paragraph 3"), vec![r("3", None, None)]);
        assert_eq!(
            p("listed in item 2 of Paragraph 5"),
            vec![r("5", Some("2"), None)]
        );
        assert_eq!(
            p("the matters in Paragraphs 5 to 7"),
            vec![r("5", None, None), r("7", None, None)]
        );
        assert_eq!(
            p("as set out in subparagraph 2"),
            vec![r("this", Some("2"), None)]
        );
    }

    #[test]
    fn articles_and_bare_numbers_read_as_before() {
        for text in [
            "in paragraph 2 of Article 7 of this Agreement",
            "see Article 19.3(2)(a)",
            "Section 4.2 and paragraph 3",
            "Pasal 6 ayat (3) huruf a",
        ] {
            assert_eq!(find_in(text, Some("article")), find(text), "{text}");
            assert_eq!(find_in(text, None), find(text), "{text}");
            assert_eq!(find_in(text, Some("chapter")), find(text), "{text}");
        }
        // Articles are numbered `19.3` themselves; only sections and clauses are subdivided that way.
        assert_eq!(refs("see Article 19.3"), vec![r("19.3", None, None)]);
    }
}
