//! What binds a quantity besides its number: a floor or a ceiling written before it ("not less than",
//! *paling banyak*) and the period it is counted per after it ("per month", *setiap minggu*). A wage floor
//! that became a ceiling, or a month's pay that became a year's, is a changed quantity.

use super::Unit;

/// Which way a quantity binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bound {
    /// A floor: "not less than", "at least", "a minimum of", *paling sedikit*, *sekurang-kurangnya*.
    AtLeast,
    /// A ceiling: "not more than", "up to", "shall not exceed", *paling banyak*, *paling lama*.
    AtMost,
}

/// Bound phrases as they end right before a number, lower case; the longest that matches wins.
const BOUNDS: &[(&str, Bound)] = &[
    ("not less than", Bound::AtLeast),
    ("no less than", Bound::AtLeast),
    ("not lower than", Bound::AtLeast),
    ("not below", Bound::AtLeast),
    ("at least", Bound::AtLeast),
    ("a minimum of", Bound::AtLeast),
    ("minimum of", Bound::AtLeast),
    ("minimum", Bound::AtLeast),
    ("paling sedikit", Bound::AtLeast),
    ("paling rendah", Bound::AtLeast),
    ("paling singkat", Bound::AtLeast),
    ("sekurang-kurangnya", Bound::AtLeast),
    ("setidak-tidaknya", Bound::AtLeast),
    ("setidaknya", Bound::AtLeast),
    ("tidak kurang dari", Bound::AtLeast),
    ("minimal", Bound::AtLeast),
    ("not more than", Bound::AtMost),
    ("no more than", Bound::AtMost),
    ("not higher than", Bound::AtMost),
    ("not exceeding", Bound::AtMost),
    ("not exceed", Bound::AtMost),
    ("at most", Bound::AtMost),
    ("up to", Bound::AtMost),
    ("a maximum of", Bound::AtMost),
    ("maximum of", Bound::AtMost),
    ("maximum", Bound::AtMost),
    ("paling banyak", Bound::AtMost),
    ("paling tinggi", Bound::AtMost),
    ("paling lama", Bound::AtMost),
    ("selama-lamanya", Bound::AtMost),
    ("sebanyak-banyaknya", Bound::AtMost),
    ("tidak lebih dari", Bound::AtMost),
    ("tidak melebihi", Bound::AtMost),
    ("maksimal", Bound::AtMost),
];

/// The bound written right before byte `start` of `text`, and where it starts.
pub(super) fn bound_before(text: &str, start: usize) -> Option<(Bound, usize)> {
    let mut before = text[..start].trim_end_matches(|c: char| c.is_whitespace() || c == '(');
    // "paling sedikit sebesar TWD 20.000", "not less than the sum of USD 500".
    for filler in [
        "sebesar",
        "senilai",
        "sejumlah",
        "the sum of",
        "the amount of",
        "an amount of",
    ] {
        let lower_end = before.len().saturating_sub(filler.len());
        if before.is_char_boundary(lower_end) && before[lower_end..].eq_ignore_ascii_case(filler) {
            before = before[..lower_end].trim_end();
            break;
        }
    }
    let tail = &before[before.floor_char_boundary(before.len().saturating_sub(24))..];
    let lower = tail.to_lowercase();
    BOUNDS
        .iter()
        .filter(|(phrase, _)| {
            lower.ends_with(phrase)
                && !lower[..lower.len() - phrase.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
        .max_by_key(|(phrase, _)| phrase.len())
        .map(|(phrase, bound)| (*bound, before.len() - phrase.len()))
}

/// The period written right after byte `end` of `text` ("per month", "a week", "each year", *setiap
/// bulan*, *sebulan*), perhaps after a few words of what is counted ("one day of rest each week", *1 (satu)
/// hari libur setiap minggu*), and where it ends. Punctuation ends the search.
pub(super) fn period_after(text: &str, end: usize) -> Option<(Unit, usize)> {
    let mut words = Vec::new();
    let mut at = end;
    while words.len() < 6 {
        let rest = &text[at..];
        // Spaces, and the parenthesis that closes a number written in words, are no punctuation here.
        let gap = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_whitespace() || c == ')')
                .len();
        let len = rest[gap..]
            .find(|c: char| !c.is_alphanumeric() && c != '-')
            .unwrap_or(rest.len() - gap);
        if len == 0 {
            break;
        }
        words.push((rest[gap..gap + len].to_lowercase(), at + gap + len));
        at += gap + len;
    }
    let unit_of_period = |word: &str| match word {
        "day" | "hari" => Some(Unit::Day),
        "week" | "minggu" | "pekan" => Some(Unit::Week),
        "month" | "bulan" => Some(Unit::Month),
        "year" | "tahun" => Some(Unit::Year),
        "hour" | "jam" => Some(Unit::Hour),
        _ => None,
    };
    for (i, (word, word_end)) in words.iter().enumerate() {
        let single = match word.as_str() {
            "sehari" | "daily" => Some(Unit::Day),
            "seminggu" | "sepekan" | "weekly" => Some(Unit::Week),
            "sebulan" | "monthly" => Some(Unit::Month),
            "setahun" | "yearly" | "annually" => Some(Unit::Year),
            _ => None,
        };
        if let Some(unit) = single {
            return Some((unit, *word_end));
        }
        if matches!(
            word.as_str(),
            "per" | "a" | "an" | "each" | "every" | "setiap" | "tiap"
        ) {
            let (next, next_end) = words.get(i + 1)?;
            return unit_of_period(next).map(|unit| (unit, *next_end));
        }
        // What is counted: "of rest", "libur", "of paid leave"; a number or a capital is something else.
        if i >= 3 || !word.chars().all(char::is_alphabetic) {
            return None;
        }
    }
    None
}
