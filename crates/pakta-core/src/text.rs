//! Text helpers shared by every phase: NFC normalisation, whitespace, Markdown escaping and language detection.
//!
//! Every later phase (coverage matching, redline, drafting checks) must see text the same way, so these
//! helpers live in one place and nowhere else.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::model::Language;

/// Returns `text` in Unicode Normalization Form C, borrowing when it already is.
///
/// Treaty texts arrive from PDFs and Word files with decomposed accents ("e" + combining acute); comparing
/// them with composed text would report false differences.
pub fn normalize(text: &str) -> Cow<'_, str> {
    // Every character below U+0300 is NFC as it stands, and UTF-8 encodes those with bytes below 0xCC
    // only. Checking bytes is many times faster than the per-character quick check, and most treaty text
    // (English, Bahasa Indonesia) passes it, or has its first such character (a curly quote) late.
    let Some(first) = text.bytes().position(|b| b >= 0xCC) else {
        return Cow::Borrowed(text);
    };
    // The quick check can start at that character: everything before it is a starter.
    match is_nfc_quick(text[first..].chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// Escapes text for Markdown so it renders as the same characters and never as markup or HTML: the
/// CommonMark punctuation that can start syntax is backslash-escaped, `<`, `>`, `&` become entities, and
/// line breaks become spaces. The parser reads escaped text back as the original characters.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '{' | '}' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// Bytes that can start a whitespace character: ASCII whitespace, and the lead bytes of U+0085, U+00A0,
/// U+1680, U+2000–U+205F and U+3000.
const MAY_START_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = matches!(i, 0x09..=0x0D | 0x20 | 0xC2 | 0xE1 | 0xE2 | 0xE3);
        i += 1;
    }
    table
};

/// The length of the whitespace character at byte `i` of `text` (a character boundary), if there is one.
fn space_at(text: &str, i: usize) -> Option<usize> {
    let byte = text.as_bytes()[i];
    if !MAY_START_SPACE[byte as usize] {
        None
    } else if byte.is_ascii() {
        Some(1)
    } else {
        text[i..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map(char::len_utf8)
    }
}

/// Collapses every run of whitespace (including non-breaking spaces) to one ASCII space and trims the ends.
pub fn collapse_whitespace(text: &str) -> String {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // Text that is already collapsed is copied in long segments, not word by word, and the scan skips
    // runs of bytes that cannot start whitespace: the parser calls this for every block.
    let mut out = String::with_capacity(n);
    let mut segment: Option<usize> = None;
    let mut i = 0;
    while i < n {
        if !MAY_START_SPACE[bytes[i] as usize] {
            segment.get_or_insert(i);
            i += 1;
            // Words and the single spaces between them, the common case, in one tight loop.
            while i < n {
                if !MAY_START_SPACE[bytes[i] as usize] {
                    i += 1;
                } else if bytes[i] == b' ' && i + 1 < n && !MAY_START_SPACE[bytes[i + 1] as usize] {
                    i += 2;
                } else {
                    break;
                }
            }
            continue;
        }
        let Some(len) = space_at(text, i) else {
            // A lead byte of a character that is not whitespace; its continuation bytes follow.
            segment.get_or_insert(i);
            i += 1;
            continue;
        };
        // One ASCII space between two words stays as it is: the segment runs on.
        if bytes[i] == b' ' && segment.is_some() && i + 1 < n && space_at(text, i + 1).is_none() {
            i += 1;
            continue;
        }
        if let Some(start) = segment.take() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&text[start..i]);
        }
        i += len;
    }
    if let Some(start) = segment {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[start..]);
    }
    out
}

/// The outcome of [`detect_language`]: the most likely language and how clearly it won.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    pub language: Language,
    /// Share of the counted function words that only the winning language explains, in `0.0..=1.0`.
    pub confidence: f32,
}

/// Function words per language. Short, frequent, and distinctive enough that a few sentences decide.
///
/// English and Bahasa Indonesia are the languages pakta drafts in; Dutch, French, Spanish and German are
/// here because real corpora (the Dutch treaty database, ILO texts) mix them with English.
const FUNCTION_WORDS: &[(Language, &[&str])] = &[
    (
        Language::En,
        &[
            "the", "of", "and", "to", "in", "shall", "be", "for", "by", "with", "or", "any",
            "this", "that", "which", "on", "as", "are", "such", "their", "its", "from", "is", "an",
            "all", "other", "may", "has", "have", "who", "not", "each",
        ],
    ),
    (
        Language::Id,
        &[
            "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "pada", "dalam", "ini", "itu",
            "atau", "tidak", "akan", "oleh", "sebagai", "para", "pihak", "wajib", "adalah",
            "serta", "bagi", "setiap", "tersebut", "dapat", "harus", "sesuai", "kepada", "antara",
            "telah", "apabila",
        ],
    ),
    (
        Language::Nl,
        &[
            "de",
            "het",
            "een",
            "van",
            "en",
            "is",
            "op",
            "te",
            "dat",
            "die",
            "voor",
            "met",
            "zijn",
            "worden",
            "wordt",
            "aan",
            "bij",
            "niet",
            "deze",
            "tot",
            "door",
            "hun",
            "zal",
            "zullen",
            "welke",
            "overeenkomst",
            "verdrag",
        ],
    ),
    (
        Language::Fr,
        &[
            "le",
            "la",
            "les",
            "des",
            "du",
            "et",
            "un",
            "une",
            "est",
            "que",
            "qui",
            "dans",
            "par",
            "pour",
            "sur",
            "au",
            "aux",
            "ne",
            "pas",
            "sont",
            "ou",
            "leur",
            "ces",
            "cette",
            "être",
            "sera",
            "seront",
            "travailleurs",
            "accord",
        ],
    ),
    (
        Language::Es,
        &[
            "el",
            "los",
            "las",
            "del",
            "y",
            "que",
            "por",
            "para",
            "con",
            "una",
            "su",
            "sus",
            "se",
            "lo",
            "como",
            "será",
            "serán",
            "trabajadores",
            "acuerdo",
        ],
    ),
    (
        Language::De,
        &[
            "der", "die", "das", "und", "zu", "den", "von", "mit", "sich", "des", "auf", "für",
            "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "werden", "wird", "sind",
        ],
    ),
];

/// Fewer counted function words than this and the text is too short to call.
const MIN_EVIDENCE: u32 = 3;

/// Guesses the language of `text` from the function words it uses.
///
/// Returns [`Language::Und`] with confidence 0 when the text is too short or no language stands out.
/// Only the first few thousand words are read: a language shows itself long before that.
pub fn detect_language(text: &str) -> Detection {
    let mut scores = [0u32; FUNCTION_WORDS.len()];
    let mut total = 0u32;
    // Longer than any function word ("overeenkomst"): cannot count, so not worth lower-casing.
    const LONGEST: usize = 16;
    let mut lower = String::new();
    for (_, word) in crate::words::words(text).take(4000) {
        if word.len() > LONGEST {
            continue;
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        let mut hit = false;
        for (i, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
            if list.contains(&lower.as_str()) {
                scores[i] += 1;
                hit = true;
            }
        }
        if hit {
            total += 1;
        }
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].cmp(&scores[a]).then(a.cmp(&b)));
    let (best, second) = (scores[order[0]], scores[order[1]]);
    if best < MIN_EVIDENCE || best == second {
        return Detection {
            language: Language::Und,
            confidence: 0.0,
        };
    }
    Detection {
        language: FUNCTION_WORDS[order[0]].0.clone(),
        confidence: (best - second) as f32 / total.max(1) as f32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_decomposed_accents() {
        assert_eq!(normalize("re\u{301}sume\u{301}"), "résumé");
        assert!(matches!(normalize("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn detects_english_and_indonesian() {
        let en =
            "The Parties shall ensure that the costs of recruitment are borne by the employer.";
        let id = "Para Pihak wajib memastikan bahwa biaya penempatan ditanggung oleh Pemberi Kerja dan tidak dibebankan kepada pekerja.";
        assert_eq!(detect_language(en).language, Language::En);
        assert_eq!(detect_language(id).language, Language::Id);
        assert_eq!(detect_language("Pasal 5").language, Language::Und);
    }

    #[test]
    fn collapses_whitespace() {
        assert_eq!(collapse_whitespace("  Article \u{a0} 1  "), "Article 1");
    }

    #[test]
    fn collapsing_agrees_with_the_unicode_definition_of_whitespace() {
        let reference = |text: &str| {
            text.split(char::is_whitespace)
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        for text in [
            "",
            " ",
            "one",
            "\u{b}vertical\u{c}feed\r\n",
            "para\u{2028}line\u{2029}end\u{85}next",
            "ideographic\u{3000}space, thin\u{2009}space, \u{202f}narrow",
            "pekerja’s café — naïve\t\tupah",
        ] {
            assert_eq!(collapse_whitespace(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn normalises_past_the_byte_fast_path() {
        // U+0340 is the first character the byte check cannot pass: it must still be normalised (to
        // U+0300, which then composes with the `a` before it).
        assert_eq!(normalize("a\u{340}"), "\u{e0}");
        assert_eq!(normalize("Cafe\u{301} “pekerja”"), "Café “pekerja”");
        assert!(matches!(normalize("café pekerja"), Cow::Borrowed(_)));
    }
}
