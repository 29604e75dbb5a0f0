//! Recognising what a heading line announces: an article, a grouping level (Part, Chapter, Bab, Annex …),
//! or nothing pakta knows.
//!
//! Real treaty texts spell the same thing many ways (`ARTICLE V`, `Art. 5`, `Article 5 — Wages`,
//! `Pasal 5`, `Artikel  1`, `Article 1er`), so recognition works on words, not on one fixed pattern.

use crate::model::DivisionKind;
use crate::numbering::ArticleNumber;

/// What a heading announces.
#[derive(Debug, Clone, PartialEq)]
pub enum HeadingKind {
    /// An article introduced by a word (`Article`, `Pasal`, `Art.` …).
    Article {
        number: ArticleNumber,
        title: Option<String>,
    },
    /// A plain numbered heading (`5. Wages`): an article only in documents that never use an article word.
    Numbered {
        number: ArticleNumber,
        title: Option<String>,
    },
    Division {
        kind: DivisionKind,
        number: Option<String>,
        title: Option<String>,
    },
    Other,
}

/// Words that introduce an article, lower-cased, in the languages of the agreements pakta reads.
const ARTICLE_WORDS: &[&str] = &[
    "article",
    "articles",
    "art",
    "art.",
    "artikel",
    "pasal",
    // Malay (Bahasa Melayu) drafts, such as Malaysia's memoranda, number their articles *Perkara*.
    "perkara",
    "artículo",
    "articulo",
    "articolo",
    "artigo",
    "madde",
];

/// Words that introduce a grouping level, lower-cased.
const DIVISION_WORDS: &[(&str, DivisionKind)] = &[
    ("part", DivisionKind::Part),
    ("partie", DivisionKind::Part),
    ("deel", DivisionKind::Part),
    ("parte", DivisionKind::Part),
    ("chapter", DivisionKind::Chapter),
    ("chapitre", DivisionKind::Chapter),
    ("hoofdstuk", DivisionKind::Chapter),
    ("capítulo", DivisionKind::Chapter),
    ("capitolo", DivisionKind::Chapter),
    ("bab", DivisionKind::Chapter),
    ("section", DivisionKind::Section),
    ("afdeling", DivisionKind::Section),
    ("sección", DivisionKind::Section),
    ("bagian", DivisionKind::Section),
    ("title", DivisionKind::Title),
    ("titre", DivisionKind::Title),
    ("titel", DivisionKind::Title),
    ("título", DivisionKind::Title),
    ("annex", DivisionKind::Annex),
    ("annexe", DivisionKind::Annex),
    ("anexo", DivisionKind::Annex),
    ("allegato", DivisionKind::Annex),
    ("bijlage", DivisionKind::Annex),
    ("lampiran", DivisionKind::Annex),
    ("appendix", DivisionKind::Annex),
    ("schedule", DivisionKind::Annex),
    ("exhibit", DivisionKind::Annex),
    ("protocol", DivisionKind::Annex),
    ("protocole", DivisionKind::Annex),
];

/// Words that number a division and are no number `ArticleNumber` reads ("Chapitre premier", "Titre
/// unique"); numbers written as words ("Part One", "Bagian Kesatu", "CHAPTER ELEVEN") it reads itself.
const NUMBER_WORDS: &[&str] = &["premier", "première", "unique"];

/// Separators between a number and a title: `Article 5 — Wages`, `Article 5: Wages`, `5. Wages`.
const SEPARATORS: &[char] = &['—', '–', '-', ':', '.', ')', '|'];

/// Classifies the text of a heading (already stripped of `#` marks and surrounding emphasis).
pub fn classify(text: &str) -> HeadingKind {
    let text = text
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_')
        .trim();
    let (first, rest) = split_word(text);
    let lower = first.to_lowercase();
    if ARTICLE_WORDS.contains(&lower.as_str()) || lower.starts_with("art.") && first.len() > 4 {
        // `Art.5` glues the number to the abbreviation.
        let rest = if lower.starts_with("art.") && first.len() > 4 {
            &text[4..]
        } else {
            rest
        };
        if let Some((number, title)) = number_and_title(rest.trim_start()) {
            return HeadingKind::Article { number, title };
        }
        return HeadingKind::Other;
    }
    if let Some(&(_, kind)) = DIVISION_WORDS.iter().find(|(word, _)| *word == lower) {
        let rest = rest.trim_start();
        let (token, after) = split_word(rest);
        let token_clean = token.trim_end_matches(SEPARATORS);
        let numbered = !token_clean.is_empty()
            && (ArticleNumber::parse(token_clean).is_some()
                || token_clean.chars().count() == 1
                    && token_clean.chars().all(char::is_alphabetic)
                || NUMBER_WORDS.contains(&token_clean.to_lowercase().as_str()));
        if numbered {
            return HeadingKind::Division {
                kind,
                number: Some(token_clean.to_owned()),
                title: title_of(after),
            };
        }
        // An unnumbered "Annex" or "Protocol" is still an annex; an unnumbered "Part" is just a word.
        if kind == DivisionKind::Annex && (rest.is_empty() || rest.starts_with(SEPARATORS)) {
            return HeadingKind::Division {
                kind,
                number: None,
                title: title_of(rest),
            };
        }
        return HeadingKind::Other;
    }
    // A plain numbered heading: `5. Wages`, `5 Wages`, `12.`.
    if first.starts_with(|c: char| c.is_ascii_digit())
        && let Some((number, title)) = number_and_title(text)
    {
        return HeadingKind::Numbered { number, title };
    }
    HeadingKind::Other
}

/// Whether `line` could start with an article word: a cheap test on its first letter (after emphasis), for
/// callers that look at every line of a document.
pub(crate) fn may_start_with_article_word(line: &str) -> bool {
    let first = line
        .trim_start()
        .trim_start_matches(['*', '_'])
        .chars()
        .next()
        .map(|c| c.to_lowercase().next().unwrap_or(c));
    first.is_some_and(|c| ARTICLE_WORDS.iter().any(|w| w.starts_with(c)))
}

/// Whether a paragraph opens the closing part of a treaty, the testimonium ("IN WITNESS WHEREOF, the
/// undersigned …", "Done at Jakarta …", "Dibuat di …"): after an article, the parser reads such a paragraph
/// and everything up to the next heading as the closing formula and signature block, not as the article's
/// text. Importers use it to see whether a closing they write will be read as one.
pub fn is_closing_formula(text: &str) -> bool {
    crate::parse::is_closing_cue(text)
}

/// Whether a whole line is set in bold (`**Scope**`, `__Article 5__`).
pub fn is_bold_line(line: &str) -> bool {
    let t = line.trim();
    t.len() > 4
        && (t.starts_with("**") && t.ends_with("**") || t.starts_with("__") && t.ends_with("__"))
}

/// Whether a line of body text is an article heading written as a paragraph of its own
/// (`**Article 5**`, `Article 5 — Wages`). Sentences that merely mention an article are not.
pub fn standalone_article_line(line: &str) -> Option<HeadingKind> {
    let trimmed = line.trim();
    article_headline(trimmed, classify(trimmed))
}

/// Whether a line of body text is an article or a division heading written as a paragraph of its own:
/// [`standalone_article_line`] or [`standalone_division_line`], classifying the line once.
pub fn standalone_line(line: &str) -> Option<HeadingKind> {
    let trimmed = line.trim();
    match classify(trimmed) {
        kind @ HeadingKind::Article { .. } => article_headline(trimmed, kind),
        kind @ HeadingKind::Division { .. } => division_headline(trimmed, kind),
        _ => None,
    }
}

fn article_headline(trimmed: &str, kind: HeadingKind) -> Option<HeadingKind> {
    let bold = is_bold_line(trimmed);
    let HeadingKind::Article { number, title } = kind else {
        return None;
    };
    if bold {
        return Some(HeadingKind::Article { number, title });
    }
    match &title {
        None => Some(HeadingKind::Article { number, title }),
        // Without emphasis, only an explicit separator and a short, unpunctuated title make a heading.
        Some(t) => {
            let after_number = trimmed
                .split_once(number.as_printed())
                .map(|(_, r)| r.trim_start())
                .unwrap_or("");
            let separated = after_number.starts_with(['—', '–', ':', '-', '.']);
            let short = t.split_whitespace().count() <= 12;
            let unpunctuated = !t.ends_with(['.', ';', ',']);
            (separated && short && unpunctuated).then_some(HeadingKind::Article { number, title })
        }
    }
}

/// Whether a line of body text is a division heading written as a paragraph of its own: bold
/// (`**ANNEX — MODEL CONTRACT**`), or a numbered line in capitals (`BAB II`, `CHAPTER 3 — WAGES`) or without
/// a title (`Bagian Kesatu`). "Section 3 of the Act applies." stays text.
pub fn standalone_division_line(line: &str) -> Option<HeadingKind> {
    let trimmed = line.trim();
    division_headline(trimmed, classify(trimmed))
}

fn division_headline(trimmed: &str, kind: HeadingKind) -> Option<HeadingKind> {
    let bold = is_bold_line(trimmed);
    let HeadingKind::Division { number, title, .. } = &kind else {
        return None;
    };
    if bold {
        return Some(kind);
    }
    let first_word_upper = trimmed
        .split_whitespace()
        .next()
        .is_some_and(|w| !w.chars().any(char::is_lowercase));
    let headline = match title {
        None => number.is_some(),
        Some(t) => {
            first_word_upper && t.split_whitespace().count() <= 10 && !t.ends_with(['.', ';', ','])
        }
    };
    headline.then_some(kind)
}

fn split_word(text: &str) -> (&str, &str) {
    match text.find(char::is_whitespace) {
        Some(i) => (&text[..i], &text[i..]),
        None => (text, ""),
    }
}

/// Reads `5 — Wages`, `V`, `19.3 Labour Rights`, `5bis`, `5 bis: Title`, `1er`.
pub(crate) fn number_and_title(text: &str) -> Option<(ArticleNumber, Option<String>)> {
    let text = text.trim();
    let token_end = text
        .find(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | ':' | '|' | ')'))
        .unwrap_or(text.len());
    let mut token = &text[..token_end];
    let mut rest = &text[token_end..];
    // `5.` ends with the separator dot; `19.3` keeps its inner dot.
    let mut trailing_dot = false;
    if let Some(stripped) = token.strip_suffix('.') {
        token = stripped;
        trailing_dot = true;
    }
    let mut number = ArticleNumber::parse(token)?;
    // A Latin suffix written apart: `5 bis`.
    let (next, after) = split_word(rest.trim_start());
    if !trailing_dot && ArticleNumber::is_latin_suffix(next) {
        number = ArticleNumber::parse(&format!("{token}{next}"))?;
        rest = after;
    }
    Some((number, title_of(rest)))
}

fn title_of(rest: &str) -> Option<String> {
    let title = rest.trim().trim_start_matches(SEPARATORS).trim();
    let title = title.trim_matches(|c: char| c == '*' || c == '_').trim();
    (!title.is_empty()).then(|| crate::text::collapse_whitespace(title))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Option<(String, Option<String>)> {
        match classify(text) {
            HeadingKind::Article { number, title } => Some((number.as_printed().to_owned(), title)),
            _ => None,
        }
    }

    #[test]
    fn recognises_article_heading_styles() {
        let cases = [
            ("Article 5", "5", None),
            ("ARTICLE 5", "5", None),
            ("Article V", "V", None),
            ("Art. 5", "5", None),
            ("Art.5", "5", None),
            ("Article 5 — Wages", "5", Some("Wages")),
            ("Article 5: Wages", "5", Some("Wages")),
            ("Article 19.3 Labour Rights", "19.3", Some("Labour Rights")),
            ("Pasal 5", "5", None),
            ("Pasal 5 — Upah", "5", Some("Upah")),
            ("Perkara 5 — Gaji", "5", Some("Gaji")),
            ("Article 5bis", "5bis", None),
            ("Article 5 bis", "5bis", None),
            ("Article  1  ", "1", None),
            ("Article 1er", "1er", None),
            ("Artikel 12", "12", None),
            ("**Article 7**", "7", None),
            ("ARTICLE ONE", "ONE", None),
            (
                "Article Twenty-First — Final Provisions",
                "Twenty-First",
                Some("Final Provisions"),
            ),
            ("Pasal Kedua", "Kedua", None),
        ];
        for (text, number, title) in cases {
            assert_eq!(
                article(text),
                Some((number.to_owned(), title.map(str::to_owned))),
                "{text}"
            );
        }
        assert_eq!(article("Article about wages"), None);
        assert_eq!(article("Articles of association"), None);
        assert_eq!(article("Perkara yang diatur"), None);
    }

    #[test]
    fn recognises_divisions_and_plain_numbers() {
        assert!(matches!(
            classify("CHAPTER I — GENERAL PROVISIONS"),
            HeadingKind::Division {
                kind: DivisionKind::Chapter,
                ..
            }
        ));
        assert!(matches!(
            classify("BAB II"),
            HeadingKind::Division {
                kind: DivisionKind::Chapter,
                ..
            }
        ));
        assert!(matches!(
            classify("Bagian Kesatu"),
            HeadingKind::Division {
                kind: DivisionKind::Section,
                ..
            }
        ));
        assert!(matches!(
            classify("ANNEX III"),
            HeadingKind::Division {
                kind: DivisionKind::Annex,
                ..
            }
        ));
        assert!(matches!(
            classify("Protocol"),
            HeadingKind::Division {
                kind: DivisionKind::Annex,
                number: None,
                ..
            }
        ));
        assert!(matches!(classify("Part of the deal"), HeadingKind::Other));
        assert!(matches!(classify("5. Wages"), HeadingKind::Numbered { .. }));
        assert!(matches!(
            classify("Recruitment and placement"),
            HeadingKind::Other
        ));
    }

    #[test]
    fn standalone_lines_need_to_look_like_headings() {
        assert!(standalone_article_line("Article 7").is_some());
        assert!(standalone_article_line("**Article 7 Wages**").is_some());
        assert!(standalone_article_line("Article 7 — Wages").is_some());
        assert!(standalone_article_line("Article 7 shall apply to seasonal workers.").is_none());
        assert!(standalone_article_line("Article 7 — as amended, applies.").is_none());
        assert!(standalone_article_line("Article 7. Wages").is_some());
        assert!(
            standalone_article_line("Article 7. The Employer shall keep records of hours worked.")
                .is_none()
        );
        assert!(standalone_division_line("BAB II").is_some());
        assert!(standalone_division_line("Bagian Kesatu").is_some());
        assert!(standalone_division_line("**ANNEX — MODEL CONTRACT**").is_some());
        assert!(standalone_division_line("Section 3 of the Act applies to seafarers.").is_none());
        assert!(standalone_division_line("Part of the wages").is_none());
    }

    #[test]
    fn closing_formulas() {
        for text in [
            "IN WITNESS WHEREOF, the undersigned have signed this Agreement.",
            "In faith whereof the undersigned have appended their signatures.",
            "Done in Astana on 29 May 2014, signed in a single copy.",
            "DONE IN JAKARTA on 1 May 2025.",
            "Signed in Jakarta on 3 March 2026, in two originals in English.",
            "Dibuat di Jakarta pada tanggal 10 Maret 2025.",
        ] {
            assert!(is_closing_formula(text), "{text}");
        }
        for text in [
            "Done in accordance with Article 5, the notice shall be given.",
            "done in the presence of a notary",
            "Signed in accordance with the procedure of Article 4, the contract binds both parties.",
            "Sebagai bukti pembayaran upah, Pemberi Kerja memberikan slip gaji.",
        ] {
            assert!(!is_closing_formula(text), "{text}");
        }
    }
}
