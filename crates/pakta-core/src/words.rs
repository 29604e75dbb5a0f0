//! Words as pakta compares them: runs of letters and digits, lower-cased, accent-folded and lightly stemmed.
//!
//! Fingerprints, provision words and the norm layer's tokenizer (in `pakta-norms`) all start from these
//! functions, so "Régime" and "regime", "workers" and "worker" are the same word everywhere in pakta.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Words that patterns skip on both sides, so "borne by the worker" and "borne by workers" meet.
const STOPWORDS: &[&str] = &["the", "a", "an", "s", "yang", "para", "sang", "si"];

/// The words of `text` with their byte offsets: maximal runs of letters and digits (Unicode
/// `is_alphanumeric`). ASCII is classified byte by byte, which makes this several times faster than
/// splitting on a `char` predicate; every word-level analysis (tokens, fingerprints, language) starts here.
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// The iterator of [`words`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

/// Characters that print nothing inside a word: a soft hyphen (a PDF's or Word's optional break), zero-width
/// spaces and joiners. "n\u{AD}ot" is "not"; split there, a clause would lose its negation.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

impl<'a> Words<'a> {
    /// Whether the non-ASCII character at byte `i` is a letter or digit (or, inside a word, prints
    /// nothing), and its length.
    fn wide_at(&self, i: usize, inside: bool) -> (bool, usize) {
        match self.text[i..].chars().next() {
            Some(c) => (
                c.is_alphanumeric() || (inside && is_invisible(c)),
                c.len_utf8(),
            ),
            None => (false, 1),
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let bytes = self.text.as_bytes();
        let len = bytes.len();
        let mut i = self.at;
        while i < len {
            let byte = bytes[i];
            if byte.is_ascii() {
                if byte.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let (word, step) = self.wide_at(i, false);
                if word {
                    break;
                }
                i += step;
            }
        }
        if i >= len {
            self.at = len;
            return None;
        }
        let start = i;
        while i < len {
            let byte = bytes[i];
            if byte.is_ascii() {
                if !byte.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let (word, step) = self.wide_at(i, true);
                if !word {
                    break;
                }
                i += step;
            }
        }
        self.at = i;
        Some((start, &self.text[start..i]))
    }
}

/// Calls `f` with the stem of every word of `text` that is not a stop-word: the same words and stems as
/// [`tokenize`], without positions or segments and without allocating per word (for fingerprinting whole
/// documents).
pub fn for_each_stem(text: &str, mut f: impl FnMut(&str)) {
    let mut folded = String::new();
    for (_, raw) in words(text) {
        folded.clear();
        fold_into(raw, &mut folded);
        let stem = stem_str(&folded);
        if !is_stopword(&stem) {
            f(&stem);
        }
    }
}

/// Lower-cases and removes accents ("Régime" → "regime"), so spelling variants from PDFs still match.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] borrowing `word` when folding leaves it as it is (lower-case ASCII, nine words in ten of an
/// agreement), so a tokenizer pays for a string only where the text differs from its folded form.
pub fn fold_str(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(fold(word))
    }
}

/// [`fold`] appending to `out`, for callers that reuse one buffer over many words (fingerprinting
/// whole documents).
pub fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    // An ASCII character decomposes to itself and ends any run of combining marks that canonical
    // ordering could reorder, so only the runs of other characters need normalising: a clause with one
    // curly quote no longer sends every letter through it.
    let mut rest = word;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let wide = rest
            .bytes()
            .position(|b| b.is_ascii())
            .unwrap_or(rest.len());
        out.extend(
            rest[..wide]
                .nfd()
                .filter(|c| !is_combining_mark(*c) && !is_invisible(*c))
                .flat_map(char::to_lowercase),
        );
        rest = &rest[wide..];
    }
}

/// Whether a stem is a stop-word that carries no meaning for matching.
pub fn is_stopword(stem: &str) -> bool {
    STOPWORDS.contains(&stem)
}

/// A light, language-neutral stemmer for already folded words: English plurals and the Indonesian
/// possessive/emphatic particles. It is deliberately conservative: pakta's patterns name the derived forms
/// they mean (`dipotong`, `pemotongan`) rather than rely on an aggressive stemmer that would also merge
/// `pekerja` (worker) with `pemberi kerja` (employer) — the one distinction a BLA check cannot lose.
pub fn stem(word: &str) -> String {
    stem_str(word).into_owned()
}

/// [`stem`] without allocating when the stem is a slice of the word (all cases but `-ies` → `-y`).
pub fn stem_str(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    // Nearly every word is ASCII, whose length in characters is its length in bytes.
    let len = if word.is_ascii() {
        word.len()
    } else {
        word.chars().count()
    };
    if len > 5
        && let Some(base) = word.strip_suffix("nya")
        // "pekerjanya" → "pekerja", but not "bunyinya"-style short roots.
        && base.chars().count() >= 4
    {
        return Cow::Borrowed(base);
    }
    if len > 4 && word.ends_with("ies") {
        return Cow::Owned(format!("{}y", &word[..word.len() - 3]));
    }
    if len > 4 && word.ends_with("sses") {
        return Cow::Borrowed(&word[..word.len() - 2]);
    }
    if len > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && word.is_ascii()
    {
        return Cow::Borrowed(&word[..word.len() - 1]);
    }
    Cow::Borrowed(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_the_runs_of_letters_and_digits() {
        for text in [
            "",
            "  ",
            "Article 5(2): the worker's 30-day notice.",
            "Pekerja Migran Indonesia—upah Rp1.500.000,00; café naïve",
            "日本語 text, Ελληνικά λέξεις and ١٢٣ digits",
            "end",
        ] {
            let expected: Vec<(usize, &str)> = text
                .char_indices()
                .filter(|&(i, c)| {
                    c.is_alphanumeric()
                        && !text[..i]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphanumeric)
                })
                .map(|(i, _)| {
                    let end = text[i..]
                        .find(|c: char| !c.is_alphanumeric())
                        .map_or(text.len(), |n| i + n);
                    (i, &text[i..end])
                })
                .collect();
            assert_eq!(words(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn folding_by_runs_equals_folding_the_whole_word() {
        for text in [
            "R\u{e9}gime",
            "\u{201c}Employer\u{201d} MEANS",
            "Cafe\u{301}\u{327} na\u{ef}ve",
            "\u{212a}elvin \u{130}stanbul",
            "a\u{323}\u{302}b\u{302}\u{323}",
            "",
        ] {
            let whole: String = text
                .nfd()
                .filter(|c| !is_combining_mark(*c))
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(fold(text), whole, "{text:?}");
        }
    }

    #[test]
    fn stems_plurals_and_particles() {
        assert_eq!(stem("workers"), "worker");
        assert_eq!(stem("countries"), "country");
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("access"), "access");
        assert_eq!(stem("pekerjanya"), "pekerja");
        assert_eq!(fold("Régime"), "regime");
    }
}
