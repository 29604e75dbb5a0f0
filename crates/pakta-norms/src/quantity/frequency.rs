//! How often: "twice a year", "once every two years", "two times a month", *dua kali setahun*, a number
//! of times counted per its period. "At least twice a year" that became "at most once a year" is a
//! changed number.

use super::terms::{bound_before, period_after};
use super::{Quantity, Unit, Word, digits_value, unit_of, word_value, words_value};

/// The frequency that starts at word `i`, with the index after it: a number of times followed by its
/// period. "Once" with no period after it ("once the worker arrives") is no number.
pub(super) fn frequency_quantity(
    text: &str,
    words: &[Word],
    folded: &[String],
    i: usize,
) -> Option<(Quantity, usize)> {
    let (times, after_times) = times_at(folded, i)?;
    let (value, next, per, phrase_end) = match every_few(folded, words, after_times) {
        Some((n, unit, next)) => (times / n, next, unit, words[next - 1].end),
        None => {
            let (per, at) = period_after(text, words[after_times - 1].end)?;
            (times, after_times, per, at)
        }
    };
    let (start, end) = (words[i].start, words[next - 1].end);
    let bound = bound_before(text, start);
    let quantity = Quantity {
        value,
        unit: Unit::Count,
        unit_text: "times".to_string(),
        text: text[start..end].to_string(),
        start,
        end,
        age: false,
        spelled: None,
        bound: bound.map(|(b, _)| b),
        per: Some(per),
        phrase: bound.map_or(start, |(_, at)| at)..phrase_end,
        currency_in_words: None,
    };
    // A period read after the words ("a year") is not a word of the frequency: reading goes on there.
    Some((quantity, next))
}

/// A number of times at word `i`: "once", "twice", "thrice", or a number followed by "times" or *kali*;
/// its value and the index after its last word.
fn times_at(folded: &[String], i: usize) -> Option<(f64, usize)> {
    match folded[i].as_str() {
        "once" => return Some((1.0, i + 1)),
        "twice" => return Some((2.0, i + 1)),
        "thrice" => return Some((3.0, i + 1)),
        _ => {}
    }
    let digits = digits_value(&folded[i]);
    let value = digits.or_else(|| words_value(&[folded[i].as_str()]))?;
    // "1 (satu) kali", "2 (two) times": digits repeated in words before the word for times.
    let mut j = i + 1;
    if digits.is_some() {
        while j < folded.len() && j < i + 4 && word_value(&folded[j]).is_some() {
            j += 1;
        }
    }
    // "1 (one) time a year" is written too.
    matches!(
        folded.get(j).map(String::as_str),
        Some("times" | "time" | "kali")
    )
    .then_some((value, j + 1))
}

/// "every two years", *setiap dua tahun* after a number of times (the lexicon's `[grammar] intervals`),
/// from word `at`: how many periods, the period, and the index after it. "Once every two years" is half
/// a time a year.
fn every_few(folded: &[String], words: &[Word], at: usize) -> Option<(f64, Unit, usize)> {
    if !folded
        .get(at)
        .is_some_and(|w| crate::lexicon::is_interval_word(w))
    {
        return None;
    }
    let n = digits_value(folded.get(at + 1)?)
        .or_else(|| words_value(&[folded.get(at + 1)?.as_str()]))?;
    // "every twelve (12) months": the number repeated in digits is the same number.
    let at = if folded
        .get(at + 2)
        .and_then(|w| digits_value(w))
        .is_some_and(|d| d == n)
    {
        at + 1
    } else {
        at
    };
    let unit = unit_of(words.get(at + 2)?.text)
        .filter(|u| matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year))?;
    (n > 0.0).then_some((n, unit, at + 3))
}
