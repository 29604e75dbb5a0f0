//! Dates in agreement text, written the ways treaties write them, so that a changed signing date or
//! deadline is flagged as a date whatever its form.
//!
//! "12 June 2025", "June 12, 2025", "24th November 1977", "the twelfth day of June 2025", "this 24th day of
//! November, 1977", "12/06/2025", "12.06.2025", "2025-06-12", "June 2025", and Indonesian "12 Juni 2025" or
//! "tanggal dua belas Juni tahun dua ribu dua puluh lima". Numbers inside a date belong to the date, not to
//! the quantities of the clause.

use std::ops::Range;

use crate::lexicon::{Token, tokenize};
use crate::quantity::{is_number_word, words_value};

pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januari",
    "februari",
    "maret",
    "mei",
    "juni",
    "juli",
    "agustus",
    "oktober",
    "desember",
];

/// Ordinal words a day can be written in ("the twelfth day of", "the thirty-first day of").
const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
];

/// The byte ranges of the dates in `text`, in order.
pub fn date_spans(text: &str) -> Vec<Range<usize>> {
    // Most clauses hold no date; tokenising them all was a sixth of a redline's time.
    if !might_hold_date(text) {
        return Vec::new();
    }
    let tokens = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match written_date(&tokens, i).or_else(|| numeric_date(text, &tokens, i)) {
            Some((first, last)) => {
                out.push(tokens[first].start..tokens[last].end);
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// The dates in `text` as written.
pub fn find_dates(text: &str) -> Vec<String> {
    date_spans(text)
        .into_iter()
        .map(|span| text[span].to_string())
        .collect()
}

/// Every date has a digit, or a month's name and a number in words.
fn might_hold_date(text: &str) -> bool {
    let mut words = text.split(|c: char| !c.is_alphabetic());
    text.bytes().any(|b| b.is_ascii_digit())
        || words.any(|w| MONTHS.iter().any(|m| w.eq_ignore_ascii_case(m)))
            && text
                .split(|c: char| !c.is_alphabetic())
                .map(str::to_lowercase)
                .any(|w| ORDINALS.contains(&w.as_str()) || is_number_word(&w))
}

fn word<'t>(tokens: &'t [Token<'_>], i: usize) -> &'t str {
    tokens.get(i).map_or("", |t| t.folded.as_str())
}

fn is_digits(word: &str, lengths: Range<usize>) -> bool {
    lengths.contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// "12", "24th", "1st", "twelfth", "dua", "belas": a word a day of the month is written with.
fn is_day_word(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    (is_digits(digits, 1..3) && ["", "st", "nd", "rd", "th"].contains(&suffix))
        || ORDINALS.contains(&word)
        || is_number_word(word)
}

/// A date around the month name at `i`, as its first and last tokens.
fn written_date(tokens: &[Token], i: usize) -> Option<(usize, usize)> {
    let month = word(tokens, i);
    if !MONTHS.contains(&month) {
        return None;
    }
    // "June 12, 2025": the day after the month, then the year.
    let day_after = is_digits(word(tokens, i + 1), 1..3).then_some(i + 1);
    let day = day_before(tokens, i);
    let year = year_after(tokens, day_after.map_or(i + 1, |d| d + 1));
    let first = day.unwrap_or(i);
    match (day, day_after, year) {
        (Some(_), _, Some(year)) => Some((first, year)),
        (None, Some(_), Some(year)) => Some((i, year)),
        // "by 12 June each year"; "the twelfth day of May": a day makes the month a date, even "May".
        (Some(_), _, None) => Some((first, i)),
        // "from June 2025"; "May 2025" is a date too, but "may 2025 …" rarely is anything else.
        (None, None, Some(year)) => Some((i, year)),
        _ => None,
    }
}

/// The first token of the day written before the month at `i`: "12 June", "24th November", "the twelfth
/// day of June", "1st of May", *dua belas Juni*.
fn day_before(tokens: &[Token], i: usize) -> Option<usize> {
    let mut j = i;
    if word(tokens, j.wrapping_sub(1)) == "of" {
        j -= 1;
        if word(tokens, j.wrapping_sub(1)) == "day" {
            j -= 1;
        }
    }
    let mut k = j;
    // "thirty-first" is two words, *dua puluh satu* three.
    while k > 0 && j - k < 3 && is_day_word(word(tokens, k - 1)) {
        k -= 1;
    }
    (k < j).then_some(k)
}

/// The last token of the year written from token `j`: "2025", "tahun 2025", *tahun dua ribu dua puluh
/// lima*, "two thousand and twenty-five", "in the year nineteen hundred and seventy-seven".
fn year_after(tokens: &[Token], j: usize) -> Option<usize> {
    let mut j = j;
    if word(tokens, j) == "tahun" {
        j += 1;
    } else if word(tokens, j) == "in"
        && word(tokens, j + 1) == "the"
        && word(tokens, j + 2) == "year"
    {
        j += 3;
    }
    if is_digits(word(tokens, j), 4..5) {
        return Some(j);
    }
    let mut end = j;
    let mut words = Vec::new();
    while words.len() < 8 {
        let w = word(tokens, end);
        let joins = w == "and" && is_number_word(word(tokens, end + 1));
        if !(is_number_word(w) || joins) {
            break;
        }
        words.push(w);
        end += 1;
    }
    let value = words_value(&words)?;
    ((1000.0..3000.0).contains(&value)).then_some(end - 1)
}

/// "12/06/2025", "12.06.2025", "12-06-2025" (day and month in either order) and ISO "2025-06-12", as the
/// first and last tokens.
fn numeric_date(text: &str, tokens: &[Token], i: usize) -> Option<(usize, usize)> {
    let (a, b, c) = (word(tokens, i), word(tokens, i + 1), word(tokens, i + 2));
    let gap = |k: usize| &text[tokens[k].end..tokens[k + 1].start];
    if tokens.len() < i + 3 {
        return None;
    }
    let separator = gap(i);
    if !["/", ".", "-"].contains(&separator) || gap(i + 1) != separator {
        return None;
    }
    let value = |w: &str| w.parse::<u32>().unwrap_or(0);
    let day_month = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
    let european = is_digits(a, 1..3)
        && is_digits(b, 1..3)
        && is_digits(c, 4..5)
        && (day_month(value(a), value(b)) || day_month(value(b), value(a)));
    let iso = separator == "-"
        && is_digits(a, 4..5)
        && is_digits(b, 2..3)
        && is_digits(c, 2..3)
        && day_month(value(c), value(b));
    (european || iso).then_some((i, i + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_treaties_write_dates_in() {
        for (text, date) in [
            (
                "Done at Jakarta on 12 June 2025, in two originals.",
                "12 June 2025",
            ),
            ("signed on June 12, 2025 at Manila", "June 12, 2025"),
            (
                "Done at Strasbourg, this 24th day of November 1977, in English",
                "24th day of November 1977",
            ),
            (
                "on the twelfth day of June 2025",
                "twelfth day of June 2025",
            ),
            (
                "on the thirty-first day of May, two thousand and twenty-five",
                "thirty-first day of May, two thousand and twenty-five",
            ),
            ("in the year nineteen hundred and seventy-seven", ""),
            (
                "Dibuat di Jakarta pada tanggal dua belas Juni tahun dua ribu dua puluh lima",
                "dua belas Juni tahun dua ribu dua puluh lima",
            ),
            (
                "Dibuat di Jakarta pada tanggal 12 Juni 2025",
                "12 Juni 2025",
            ),
            ("Signed on 12/06/2025.", "12/06/2025"),
            ("Signed on 12.06.2025.", "12.06.2025"),
            ("in force from 2025-06-12", "2025-06-12"),
            ("reported by 31 January each year", "31 January"),
            ("from June 2025 onwards", "June 2025"),
            ("on the first day of May", "first day of May"),
        ] {
            let found = find_dates(text);
            if date.is_empty() {
                assert!(found.is_empty(), "{text}: {found:?}");
            } else {
                assert_eq!(found, [date], "{text}");
            }
        }
    }

    #[test]
    fn numbers_and_modals_that_are_not_dates() {
        for text in [
            "The worker may 2 days later return.",
            "The Parties may review this Agreement.",
            "within 30 (tiga puluh) hari",
            "a wage of 1.500 ringgit",
            "paragraphs 3.1.2 and 4",
            "Article 12/3",
        ] {
            assert!(
                find_dates(text).is_empty(),
                "{text}: {:?}",
                find_dates(text)
            );
        }
    }
}
