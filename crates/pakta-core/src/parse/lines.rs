//! What a line of text announces inside or after an article: the closing formula, a title in capitals or
//! in bold.

use crate::label;
use crate::provision::clean_title;
use crate::text::collapse_whitespace;

/// Formulas that open the closing part of a treaty: the testimonium. Whole formulas, not first words, so
/// that "Sebagai bukti pembayaran upah …" or "Signatures on the contract …" stay in their article. "Done in"
/// and "signed in" count only before a capitalised place name ("Done in Astana on 29 May 2014", "Signed in
/// Jakarta on …"), not in "done in accordance with …".
pub(crate) fn is_closing_cue(text: &str) -> bool {
    const CUES: &[&str] = &[
        "done at ",
        "done in duplicate",
        "done in triplicate",
        "done in two ",
        "in witness whereof",
        "in witness thereof",
        "in faith whereof",
        "signed at ",
        "signed in duplicate",
        "signed in two ",
        "dibuat di ",
        "ditandatangani di ",
        "ditandatangani dalam rangkap",
        "dibuat dalam rangkap",
        "sebagai bukti, yang bertanda tangan",
        "sebagai bukti yang sah, yang bertanda tangan",
        "dengan disaksikan oleh",
        "fait à ",
        "gedaan te ",
        "ten blijke waarvan",
        "en foi de quoi",
        "hecho en ",
    ];
    // Only the first characters can match a cue; lower-casing a whole article would be wasted work, and
    // most blocks are ruled out by their first letter.
    let start = text.trim_start().trim_start_matches(['*', '_']);
    let first = start.bytes().next().map(|b| b.to_ascii_lowercase());
    if !first.is_some_and(|b| CUES.iter().any(|cue| cue.as_bytes()[0] == b)) {
        return false;
    }
    let head = start
        .char_indices()
        .nth(48)
        .map_or(start, |(end, _)| &start[..end]);
    let lower = head.to_lowercase();
    CUES.iter().any(|cue| lower.starts_with(cue)) || done_in_place(head)
}

/// A closing formula written as a sentence, with a capital ("Done at", "DONE at"): "… on Social Security,
/// done at Amman on 21 June 2009, and affirm …" cites another treaty.
pub(super) fn is_closing_sentence(text: &str) -> bool {
    text.trim_start()
        .trim_start_matches(['*', '_'])
        .starts_with(char::is_uppercase)
        && is_closing_cue(text)
}

/// A closing sentence that only a treaty's testimonium uses: not the "Signed at … on …" line of a model
/// contract an annex may hold.
pub(super) fn is_testimonium(text: &str) -> bool {
    let start = text.trim_start().trim_start_matches(['*', '_']);
    let head = start
        .get(..start.len().min(24))
        .unwrap_or(start)
        .to_lowercase();
    is_closing_sentence(text)
        && !head.starts_with("signed ")
        && !head.starts_with("ditandatangani ")
}

/// "Done in Astana …", "DONE IN JAKARTA …", "Signed in Jakarta on 3 March 2026": "done in" or "signed in"
/// and a capitalised word that is not a manner ("Done in accordance with …" is a sentence of an article).
fn done_in_place(head: &str) -> bool {
    let mut words = head.split_whitespace();
    let (Some(done), Some(inn), Some(place)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let place = place.trim_matches(|c: char| !c.is_alphanumeric());
    (done.eq_ignore_ascii_case("done") || done.eq_ignore_ascii_case("signed"))
        && inn.eq_ignore_ascii_case("in")
        && place.starts_with(char::is_uppercase)
        && !["accordance", "conformity", "compliance", "good"]
            .iter()
            .any(|w| place.eq_ignore_ascii_case(w))
}

/// A heading that opens the signature block.
pub(super) fn is_closing_heading(text: &str) -> bool {
    let lower = text
        .trim()
        .trim_matches(['*', '_', ':'])
        .trim()
        .to_lowercase();
    is_closing_cue(text)
        || matches!(
            lower.as_str(),
            "signatures" | "signature" | "tanda tangan" | "signatories"
        )
}

/// The title a text block opens with after a bare article heading: a line that is the whole block and is
/// bold or in capitals, or a first line that is (and not a label, and not a sentence that goes on in lower
/// case on the next line). Returns the title and the rest of the text.
pub(super) fn title_line(
    text: &str,
    emphasised: bool,
    bold_first_line: bool,
) -> Option<(String, &str)> {
    let clean = |line: &str| {
        clean_title(line)
            .unwrap_or_else(|| collapse_whitespace(line.trim().trim_matches(['*', '_']).trim()))
    };
    match text.split_once('\n') {
        None => {
            (emphasised || is_caps_title(text) || is_plain_title(text)).then(|| (clean(text), ""))
        }
        Some((first, rest)) => {
            let titled = (bold_first_line || is_caps_title(first) || is_plain_title(first))
                && label::split_label(first).is_none()
                && !rest.trim_start().starts_with(char::is_lowercase);
            titled.then(|| (clean(first), rest))
        }
    }
}

/// A short line in title case with no verb of obligation and no closing punctuation ("Purpose", "Mulai
/// Berlaku", "Entry into Force", "Hak dan Kewajiban Pekerja"): how drafters who type their headings as
/// plain paragraphs title an article on the line below its number. "Wages of the" (a sentence broken
/// across lines) ends in a small word, and is not one.
pub(crate) fn is_plain_title(text: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "in", "into", "of", "on", "or", "the", "to",
        "with", "atas", "atau", "bagi", "dalam", "dan", "dari", "di", "ke", "oleh", "pada",
        "serta", "tentang", "terhadap", "untuk", "yang",
    ];
    const MODALS: &[&str] = &[
        "shall", "must", "may", "will", "should", "wajib", "harus", "dapat", "berhak", "dilarang",
    ];
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
    !t.contains('\n')
        && (1..=8).contains(&words.len())
        && words.first().is_some_and(capitalised)
        && words.last().is_some_and(capitalised)
        && words
            .iter()
            .all(|w| capitalised(w) || SMALL.contains(&w.to_lowercase().as_str()))
        && !words
            .iter()
            .any(|w| MODALS.contains(&w.to_lowercase().as_str()))
        && !t.ends_with(['.', ';', ',', ':'])
        && label::split_label(t).is_none()
}

/// A short line in capitals ("SCOPE", "KETENTUAN UMUM"): a title, not a sentence.
pub(crate) fn is_caps_title(text: &str) -> bool {
    let t = text.trim();
    !t.contains('\n')
        && t.chars().any(char::is_alphabetic)
        && !t.chars().any(char::is_lowercase)
        && t.split_whitespace().count() <= 10
        && !t.ends_with(['.', ';', ',', ':'])
}
