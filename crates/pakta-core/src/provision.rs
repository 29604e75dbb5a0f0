//! Provisions that are not introduced by an article word (`SECTION 1. SHORT TITLE.`, `SEC. 2.`, `Clause 4:
//! Wages`, `Paragraph 1`, `§ 4`, a titled top-level list item) and the one decision of which word a
//! document numbers its top-level provisions with.
//!
//! Where a document uses an article word (`Article`, `Pasal`, `Art.` …), "Section" stays a division and
//! "Paragraph" a paragraph, exactly as before. Only where no article word appears do these words number the
//! provisions themselves, and then only the word used most often for headings (`scan`).

use std::collections::HashSet;

use crate::blocks::RawBlock;
use crate::heading::{self, HeadingKind};
use crate::model::Article;
use crate::numbering::ArticleNumber;
use crate::text::collapse_whitespace;
use crate::words::fold;

/// The word a document uses for its top-level provisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProvisionWord {
    Article,
    Section,
    Clause,
    Paragraph,
}

impl ProvisionWord {
    /// Lower case, as stored in [`crate::Agreement::provision_word`]: `article`, `section`, `clause`, `paragraph`.
    pub fn as_str(self) -> &'static str {
        match self {
            ProvisionWord::Article => "article",
            ProvisionWord::Section => "section",
            ProvisionWord::Clause => "clause",
            ProvisionWord::Paragraph => "paragraph",
        }
    }

    /// Reads the lower-case name back (any case); `None` for anything else.
    pub fn from_name(name: &str) -> Option<ProvisionWord> {
        [
            ProvisionWord::Article,
            ProvisionWord::Section,
            ProvisionWord::Clause,
            ProvisionWord::Paragraph,
        ]
        .into_iter()
        .find(|w| w.as_str().eq_ignore_ascii_case(name.trim()))
    }

    /// The word as a message names a provision: `Article`, `Section`, `Clause`, `Paragraph`.
    pub fn noun(self) -> &'static str {
        match self {
            ProvisionWord::Article => "Article",
            ProvisionWord::Section => "Section",
            ProvisionWord::Clause => "Clause",
            ProvisionWord::Paragraph => "Paragraph",
        }
    }
}

/// Words that introduce a provision other than an article, as they start a heading (lower case). The
/// table decides what is recognised; the code below only reads `word number title`. A word ending in `.`
/// or `§` may be glued to its number (`Sec.2`, `§4`).
const WORDS: &[(&str, ProvisionWord)] = &[
    ("section", ProvisionWord::Section),
    ("sect.", ProvisionWord::Section),
    ("sec.", ProvisionWord::Section),
    ("§", ProvisionWord::Section),
    // Indonesian drafts without a *Pasal* number their parts *Bagian 1*, *BAGIAN 2*: there the part is the
    // provision, as "Section" is in an English contract.
    ("bagian", ProvisionWord::Section),
    ("clause", ProvisionWord::Clause),
    ("cl.", ProvisionWord::Clause),
    ("paragraph", ProvisionWord::Paragraph),
    ("para.", ProvisionWord::Paragraph),
];

/// Words that make a list item's first line a sentence rather than a title.
const SENTENCE_WORDS: &[&str] = &[
    "shall", "must", "will", "may", "should", "can", "is", "are", "be", "has", "have", "means",
    "agree", "agrees",
];

/// A provision heading: its word, its number and its title as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Provision {
    pub word: ProvisionWord,
    pub number: ArticleNumber,
    pub title: Option<String>,
}

/// Reads `SECTION 1. SHORT TITLE.`, `SEC. 2. DEFINITIONS.`, `Section 3 — Wages`, `§ 4`, `Clause 4: Title`,
/// `Paragraph 1` (the text of a heading, or of a line). The title is cleaned with [`clean_title`]. Any
/// text after the number is taken as the title: whether a line of body text is a heading at all is
/// [`standalone`]'s question.
pub fn read(text: &str) -> Option<Provision> {
    let text = text.trim().trim_matches(['*', '_']).trim();
    for &(word, kind) in WORDS {
        let Some(rest) = text
            .get(..word.len())
            .filter(|head| head.eq_ignore_ascii_case(word))
            .map(|_| &text[word.len()..])
        else {
            continue;
        };
        let glued =
            (word.ends_with('.') || word == "§") && rest.starts_with(|c: char| c.is_ascii_digit());
        if !(glued || rest.starts_with(char::is_whitespace)) {
            continue;
        }
        let (number, title) = heading::number_and_title(rest)?;
        // `Section C` or `Exhibit D` is lettered, not the Roman numeral 100 or 500.
        let printed = number.as_printed();
        if number.is_roman()
            && printed.len() == 1
            && !matches!(printed, "I" | "V" | "X" | "i" | "v" | "x")
        {
            return None;
        }
        return Some(Provision {
            word: kind,
            number,
            title: title.as_deref().and_then(clean_title),
        });
    }
    None
}

/// Whether a line of body text is a provision heading written as a paragraph of its own: bold
/// (`**Clause 4 Wages**`), a word and a number alone (`Section 3`, `§ 4`), or a separator and a short
/// title that reads as one (`Section 3 — Wages`, `SEC. 2. DEFINITIONS.`, `Sec. 2. Definitions.`).
/// "Section 3 of the Act applies to seafarers." and "Clause 4. The Employer shall pay." are sentences.
pub fn standalone(line: &str) -> Option<Provision> {
    let trimmed = line.trim();
    // Every line of a document is asked this; only a few start with a provision word.
    if trimmed.len() > 240
        || !trimmed.starts_with(['s', 'S', 'c', 'C', 'p', 'P', 'b', 'B', '§', '*', '_'])
    {
        return None;
    }
    let provision = read(trimmed)?;
    if heading::is_bold_line(trimmed) || provision.title.is_none() {
        return Some(provision);
    }
    let unwrapped = trimmed.trim_matches(['*', '_']).trim();
    let after_number = unwrapped
        .split_once(provision.number.as_printed())
        .map_or("", |(_, rest)| rest.trim_start());
    // A title in brackets is separated by them: `Paragraph 2 (Costs)`.
    let bracketed = after_number
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'));
    let separated = bracketed.is_some() || after_number.starts_with(['—', '–', ':', '-', '.', '|']);
    let raw_title = bracketed.unwrap_or_else(|| {
        after_number
            .trim_start_matches(['—', '–', ':', '-', '.', '|'])
            .trim()
    });
    (separated && reads_as_heading(raw_title)).then_some(provision)
}

/// A title after a separator: short, and in capitals, or without closing punctuation, or title-cased
/// with a closing full stop (`Sec. 2. Definitions.`, as bills print it).
fn reads_as_heading(title: &str) -> bool {
    let words = title.split_whitespace().count();
    if words == 0 || words > 12 {
        return false;
    }
    if !title.chars().any(char::is_lowercase) {
        return true;
    }
    if !title.ends_with(['.', ';', ',']) {
        return true;
    }
    title.ends_with('.') && words <= 6 && title_cased(title)
}

/// Every word longer than three letters starts with a capital ("Wages and Deductions").
fn title_cased(text: &str) -> bool {
    text.split_whitespace()
        .all(|w| w.chars().count() <= 3 || !w.starts_with(char::is_lowercase))
}

/// Whether the first line of a numbered list item reads as a title ("Wages and Deductions", "HOURS OF
/// WORK", "Termination") rather than the start of a sentence ("The Employer shall pay the Worker a").
pub fn is_item_title(line: &str) -> bool {
    let t = line.trim().trim_matches(['*', '_']).trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 || !t.starts_with(char::is_uppercase) {
        return false;
    }
    // "Basic wage: RM 1,800" is an entry, not a title.
    if t.contains([':', ';']) || t.ends_with(',') {
        return false;
    }
    let caps = !t.chars().any(char::is_lowercase);
    if t.ends_with('.') && !caps {
        return false;
    }
    let sentence = words
        .iter()
        .any(|w| SENTENCE_WORDS.contains(&w.to_lowercase().as_str()));
    // Titles are short or title-cased ("Rest days and public holidays", "Termination of the Contract of
    // Employment by Either Party").
    caps || !sentence && (words.len() <= 6 || title_cased(t))
}

/// A title as written, trimmed of what surrounds it: separators before it (`— Wages`), emphasis
/// (`**Wages**`), brackets (`(Wages)`) and closing punctuation (`SHORT TITLE.`, `Definitions:`). The case
/// is kept. `None` when nothing is left.
pub fn clean_title(title: &str) -> Option<String> {
    let mut t = title.trim();
    loop {
        let before = t;
        t = t
            .trim_start_matches(['—', '–', '-', ':', '.', '|'])
            .trim()
            .trim_matches(['*', '_'])
            .trim()
            .trim_end_matches(['.', ':', ';', ','])
            .trim();
        for (open, close) in [('(', ')'), ('[', ']')] {
            if let Some(inner) = t.strip_prefix(open).and_then(|s| s.strip_suffix(close)) {
                t = inner.trim();
            }
        }
        if t == before {
            break;
        }
    }
    (!t.is_empty()).then(|| collapse_whitespace(t))
}

/// How a document numbers its top-level provisions, decided once from its lines before the Markdown is
/// parsed (so that the first pass can split a provision line out of the paragraph it is written in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scan {
    /// A heading line uses an article word: nothing else numbers provisions.
    Article,
    /// No article word; more heading lines use this word than plain numbers.
    Word(ProvisionWord),
    /// No article word; plain numbered headings (`## 5. Wages`, `1. ## Wages`), or nothing at all.
    Bare,
}

/// Reads every line once and counts the heading lines of each provision word. A line that could be an
/// article heading in either pass makes the document article-structured, so this never says `Word` or
/// `Bare` for a document whose articles the parser would find (the parser checks that again).
pub(crate) fn scan(body: &str) -> Scan {
    // Counts in the order ties are broken: plain numbers first (what the parser always did), then the
    // finer-grained words, since a coarser word that ties groups the finer one.
    let mut counts = [0usize; 4];
    let order = [
        None,
        Some(ProvisionWord::Paragraph),
        Some(ProvisionWord::Clause),
        Some(ProvisionWord::Section),
    ];
    for raw in body.lines() {
        let mut line = raw.trim_start();
        while let Some(rest) = line.strip_prefix('>') {
            line = rest.trim_start();
        }
        let (line, numbered_item) = strip_list_marker(line);
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        let text = line[hashes..].trim();
        if text.is_empty() {
            continue;
        }
        let found = if (1..=6).contains(&hashes) {
            match heading::classify(text) {
                HeadingKind::Article { .. } => return Scan::Article,
                HeadingKind::Numbered { .. } => Some(None),
                _ if numbered_item => Some(None),
                _ => read(text).map(|p| Some(p.word)),
            }
        } else {
            if heading::may_start_with_article_word(line)
                && heading::standalone_article_line(line).is_some()
            {
                return Scan::Article;
            }
            standalone(line).map(|p| Some(p.word))
        };
        if let Some(word) = found
            && let Some(i) = order.iter().position(|w| *w == word)
        {
            counts[i] += 1;
        }
    }
    let mut best = 0;
    for i in 1..counts.len() {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    match order[best] {
        Some(word) if counts[best] > 0 => Scan::Word(word),
        _ => Scan::Bare,
    }
}

/// How a document numbered with bare numbers (`## 5. Wages`) refers to its own provisions in its text:
/// "Section 5" or "Clause 5", whichever its clauses use more often for a number it has; `None` when it
/// names them neither way. Its cross-references are then read in that word, so that a reference left
/// behind by a renumbering is found as in any other document.
pub(crate) fn referred_word(articles: &[Article]) -> Option<ProvisionWord> {
    let numbers: HashSet<String> = articles.iter().map(|a| fold(&a.number)).collect();
    // On a tie the later word wins: sections before clauses.
    [ProvisionWord::Clause, ProvisionWord::Section]
        .into_iter()
        .map(|word| {
            let uses: usize = articles
                .iter()
                .flat_map(Article::clauses_flat)
                .map(|c| {
                    crate::crossref::find_in(&c.text, Some(word.as_str()))
                        .iter()
                        .filter(|r| {
                            r.article
                                .as_deref()
                                .is_some_and(|n| numbers.contains(&fold(n)))
                        })
                        .count()
                })
                .sum();
            (word, uses)
        })
        .filter(|(_, uses)| *uses > 0)
        .max_by_key(|(_, uses)| *uses)
        .map(|(word, _)| word)
}

/// A list marker at the start of a line (`1. `, `2) `, `- `, `* `, `+ `): the rest, and whether it was
/// numbered.
fn strip_list_marker(line: &str) -> (&str, bool) {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits)
        && let Some(rest) = line[digits..].strip_prefix(['.', ')'])
        && rest.starts_with([' ', '\t'])
    {
        return (rest.trim_start(), true);
    }
    if let Some(rest) = line.strip_prefix(['-', '*', '+'])
        && rest.starts_with([' ', '\t'])
    {
        return (rest.trim_start(), false);
    }
    (line, false)
}

/// Which first-pass blocks are top-level numbered list items that open a provision: the item's first
/// line is a title ([`is_item_title`]) and a body follows it (more lines, paragraphs or a list inside the
/// item). Fewer than two such items are not a structure: the result is then empty.
pub(crate) fn titled_items(raw: &[RawBlock]) -> Vec<bool> {
    let mut out = vec![false; raw.len()];
    let mut count = 0;
    for (i, block) in raw.iter().enumerate() {
        let RawBlock::Text {
            text,
            item: Some(item),
            continuation: false,
            ..
        } = block
        else {
            continue;
        };
        if item.depth != 1 || item.number.is_none() {
            continue;
        }
        let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
        if !is_item_title(first) {
            continue;
        }
        let body = if rest.trim().is_empty() {
            matches!(
                raw.get(i + 1),
                Some(RawBlock::Text { within, item, .. })
                    if *within >= 1 && item.as_ref().is_none_or(|it| it.depth >= 2)
            )
        } else {
            // A second line in lower case continues a sentence broken over two lines.
            !rest.trim_start().starts_with(char::is_lowercase)
        };
        if body {
            out[i] = true;
            count += 1;
        }
    }
    if count < 2 {
        out.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provision(text: &str) -> Option<(ProvisionWord, String, Option<String>)> {
        read(text).map(|p| (p.word, p.number.as_printed().to_owned(), p.title))
    }

    #[test]
    fn reads_provision_headings() {
        use ProvisionWord::*;
        let cases = [
            ("SECTION 1. SHORT TITLE.", Section, "1", Some("SHORT TITLE")),
            ("SEC. 2. DEFINITIONS.", Section, "2", Some("DEFINITIONS")),
            ("Sec.2 Definitions", Section, "2", Some("Definitions")),
            ("Section 3 — Wages", Section, "3", Some("Wages")),
            ("§ 4", Section, "4", None),
            ("§4. Rest days", Section, "4", Some("Rest days")),
            ("Clause 4: Title", Clause, "4", Some("Title")),
            ("**Clause 9**", Clause, "9", None),
            ("Paragraph 1", Paragraph, "1", None),
            (
                "Paragraph 2 (Selection of workers)",
                Paragraph,
                "2",
                Some("Selection of workers"),
            ),
            ("PARAGRAPH IV – Costs", Paragraph, "IV", Some("Costs")),
            ("BAGIAN 2", Section, "2", None),
            ("Bagian 3 — Konsultasi", Section, "3", Some("Konsultasi")),
        ];
        for (text, word, number, title) in cases {
            assert_eq!(
                provision(text),
                Some((word, number.to_owned(), title.map(str::to_owned))),
                "{text}"
            );
        }
        assert_eq!(provision("Sections 3 and 4"), None);
        assert_eq!(provision("Section C"), None);
        assert_eq!(provision("Sectional interests"), None);
        assert_eq!(provision("Clauses"), None);
    }

    #[test]
    fn standalone_lines_need_to_look_like_headings() {
        assert!(standalone("SEC. 2. DEFINITIONS.").is_some());
        assert!(standalone("Sec. 2. Definitions.").is_some());
        assert!(standalone("Section 3 — Wages").is_some());
        assert!(standalone("Clause 7").is_some());
        assert!(standalone("**Clause 7 Overtime**").is_some());
        assert!(standalone("Paragraph 2 (Costs)").is_some());
        assert!(standalone("Paragraph 2 (see below) applies to all.").is_none());
        assert!(standalone("Section 3 of the Act applies to seafarers.").is_none());
        assert!(standalone("Clause 4. The Employer shall pay the wage in full.").is_none());
        assert!(standalone("Paragraph 2 applies to every agency.").is_none());
        assert!(standalone("Sectors covered").is_none());
    }

    #[test]
    fn tells_item_titles_from_sentences() {
        assert!(is_item_title("Wages and Deductions"));
        assert!(is_item_title("HOURS OF WORK"));
        assert!(is_item_title("DEFINITIONS."));
        assert!(is_item_title("Termination"));
        assert!(is_item_title("Annual leave"));
        assert!(is_item_title("Rest days and public holidays"));
        assert!(!is_item_title(
            "The Employer shall pay the Worker a monthly"
        ));
        assert!(!is_item_title("Wages are paid monthly."));
        assert!(!is_item_title("Basic wage: RM 1,800"));
        assert!(!is_item_title("the worker"));
        assert!(!is_item_title("Leave is granted"));
    }

    #[test]
    fn cleans_titles_without_changing_their_case() {
        assert_eq!(clean_title(" — SHORT TITLE. "), Some("SHORT TITLE".into()));
        assert_eq!(
            clean_title("**Use of  employment services**"),
            Some("Use of employment services".into())
        );
        assert_eq!(clean_title("(Wages)"), Some("Wages".into()));
        assert_eq!(
            clean_title("Wages (monthly)"),
            Some("Wages (monthly)".into())
        );
        assert_eq!(clean_title("Definitions:"), Some("Definitions".into()));
        assert_eq!(clean_title(" .* "), None);
    }

    #[test]
    fn scans_for_the_provision_word() {
        assert_eq!(
            scan("# T\n\n## Article 1\n\nText.\n\n## Section 2\n"),
            Scan::Article
        );
        assert_eq!(
            scan("SECTION 1. SHORT TITLE.\n\nText.\n\nSEC. 2. DEFINITIONS.\n"),
            Scan::Word(ProvisionWord::Section)
        );
        assert_eq!(
            scan("## Section A — General\n\n## Clause 1\n\nText.\n\n## Clause 2\n"),
            Scan::Word(ProvisionWord::Clause)
        );
        assert_eq!(
            scan("## 1. Scope\n\n## 2. Wages\n\n## Section 3\n"),
            Scan::Bare
        );
        assert_eq!(scan("1. ## Scope\n\n2. ## Wages\n"), Scan::Bare);
        assert_eq!(scan("Section 3 of the Act applies.\n"), Scan::Bare);
        assert_eq!(
            scan("## Paragraph 1 — Purpose\n\n## Paragraph 2\n"),
            Scan::Word(ProvisionWord::Paragraph)
        );
    }
}
