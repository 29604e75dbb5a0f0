//! Ordinals that fix a day or a period: "the seventh day of each month", "the 27th day", "the third
//! month", *hari ketujuh*, *bulan ke-3*, *hari kedua puluh tujuh*. A pay day moved from the seventh to the
//! twenty-seventh is a changed number, and a language version that says *hari ketujuh* agrees with
//! "the seventh day".

use super::terms::period_after;
use super::{Quantity, Unit, Word, unit_of, word_value, words_value};

/// English ordinal words and their values; "second" is left out, being also a unit of time.
fn english(word: &str) -> Option<f64> {
    Some(match word {
        "first" => 1.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        _ => return None,
    })
}

/// Digits with an ordinal ending: "7th", "21st", "2nd", "3rd".
fn digit_ordinal(word: &str) -> Option<f64> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    (!digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th"))
    .then(|| digits.parse().ok())
    .flatten()
}

/// The nouns an ordinal fixes a place in: a day, week, month or year. Indonesian writes them first
/// (*hari ketujuh*, *tanggal 7*), English after ("the seventh day").
fn period(word: &str) -> Option<Unit> {
    unit_of(word).filter(|u| matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year))
}

/// The ordinal that starts at word `i` as a quantity ("seventh day", *hari ketujuh*), with the index
/// after its last word.
pub(super) fn ordinal_quantity(
    text: &str,
    words: &[Word],
    folded: &[String],
    i: usize,
) -> Option<(Quantity, usize)> {
    let found = ordinal_at(folded, i)?;
    let (start, end) = (words[found.first].start, words[found.end - 1].end);
    let per = period_after(text, end);
    // "no later than the seventh day", *paling lambat tanggal 7*: a deadline; "no earlier than", "not
    // before", *paling cepat*: a waiting time. The article between bound and ordinal is no obstacle.
    let article = if found.first > 0 && folded[found.first - 1] == "the" {
        words[found.first - 1].start
    } else {
        start
    };
    // "by the 7th day", "on or before the seventh day", *sebelum tanggal 7*: a deadline too, though "by"
    // and "before" bound no amount elsewhere.
    let before = |k: usize| k > 0 && matches!(folded[k - 1].as_str(), "by" | "before" | "sebelum");
    let deadline_word = if article < start {
        before(found.first - 1)
    } else {
        before(found.first)
    };
    let bound = super::terms::bound_before(text, article).or_else(|| {
        deadline_word.then(|| {
            let k = if article < start {
                found.first - 1
            } else {
                found.first
            };
            (super::Bound::AtMost, words[k - 1].start)
        })
    });
    let quantity = Quantity {
        value: found.value,
        unit: Unit::Ordinal,
        unit_text: found.period.map_or("", Unit::as_str).to_string(),
        text: text[start..end].to_string(),
        start,
        end,
        age: false,
        spelled: None,
        bound: bound.map(|(b, _)| b),
        per: per.map(|(p, _)| p),
        phrase: bound.map_or(start, |(_, at)| at)..per.map_or(end, |(_, at)| at),
        currency_in_words: None,
    };
    Some((quantity, found.end))
}

/// An ordinal found at a word: its value, the index after its last word, and the period it fixes a place
/// in with the index range of the words to show ("seventh day", *hari ketujuh*).
struct Ordinal {
    value: f64,
    period: Option<Unit>,
    /// Indices of the first and one past the last word shown.
    first: usize,
    end: usize,
}

/// The ordinal that starts at word `i` of `folded`, if there is one. An ordinal in words counts only where
/// it fixes a day or a period ("the first month", *bulan pertama*): "the first Party" is no number.
fn ordinal_at(folded: &[String], i: usize) -> Option<Ordinal> {
    let word = folded[i].as_str();
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let (value, next, written_in_words) = if let Some(v) = digit_ordinal(word) {
        (v, i + 1, false)
    } else if digits(word)
        && i > 0
        && folded[i - 1] == "tanggal"
        && !folded
            .get(i + 1)
            .is_some_and(|m| crate::date::MONTHS.contains(&m.as_str()))
    {
        // *tanggal 7*: the seventh day of the month; *tanggal 7 Mei 2026* is a date, read as the English
        // "7 May 2026" is.
        (word.parse().ok()?, i + 1, false)
    } else if word == "ke"
        && let Some(v) = folded
            .get(i + 1)
            .filter(|w| digits(w))
            .and_then(|w| w.parse::<f64>().ok())
    {
        // *ke-7*, which the word reader splits at the hyphen; "ke" alone is also "to", so a period must
        // stand beside it as beside a word.
        (v, i + 2, true)
    } else if word == "pertama" || word == "kesatu" {
        (1.0, i + 1, true)
    } else if let Some(rest) = word.strip_prefix("ke").filter(|r| word_value(r).is_some()) {
        // *ketujuh*, *kedua puluh tujuh*, *kesebelas*: "ke" joined to the first number word.
        let mut j = i + 1;
        while j < folded.len() && word_value(&folded[j]).is_some() {
            j += 1;
        }
        let mut run: Vec<&str> = vec![rest];
        run.extend(folded[i + 1..j].iter().map(String::as_str));
        (words_value(&run)?, j, true)
    } else {
        // "seventh", "twenty-seventh" (read as "twenty" "seventh").
        let mut j = i;
        while j < folded.len() && word_value(&folded[j]).is_some() {
            j += 1;
        }
        let last = english(folded.get(j)?)?;
        let tens = if j > i {
            words_value(&folded[i..j].iter().map(String::as_str).collect::<Vec<_>>())?
        } else {
            0.0
        };
        (tens + last, j + 1, true)
    };
    // *tanggal 7 bulan berikutnya*: the date names the day; the month after it is another matter.
    let dated = i > 0 && folded[i - 1] == "tanggal";
    let after = folded.get(next).and_then(|w| period(w)).filter(|_| !dated);
    let before = i
        .checked_sub(1)
        .and_then(|b| period(&folded[b]).or((folded[b] == "tanggal").then_some(Unit::Day)));
    if written_in_words && after.is_none() && before.is_none() {
        return None;
    }
    Some(match (after, before) {
        (Some(unit), _) => Ordinal {
            value,
            period: Some(unit),
            first: i,
            end: next + 1,
        },
        (None, Some(unit)) => Ordinal {
            value,
            period: Some(unit),
            first: i - 1,
            end: next,
        },
        (None, None) => Ordinal {
            value,
            period: None,
            first: i,
            end: next,
        },
    })
}
