//! Hours counted over a period: "10 hours of rest in any 24-hour period", "a minimum of eight hours in each
//! period of twenty-four hours", *77 jam dalam setiap periode tujuh hari*, "a weekly rest of 12 hours".
//!
//! A standard of rest is a number of hours within a period, and a text that names both ("10 hours in any
//! 24-hour period and 77 hours in any seven-day period") must pair each figure with its own period: the
//! check compares "77 hours" with the weekly floor, not with the daily one.

use super::terms::period_word;
use super::{Bound, Quantity, Unit};

/// A number of hours, and the length in hours of the period it is counted in where the text names one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HoursWithin {
    pub hours: f64,
    pub period: Option<f64>,
    /// Written as a ceiling ("up to", "shall not exceed"): a limit on work, not a floor of rest.
    pub ceiling: bool,
    /// The index among the quantities of the one that names the period, where one does: "seven-day" of
    /// "77 hours in any seven-day period" is no duration of its own.
    pub period_at: Option<usize>,
}

/// The figures in hours of `quantities` (read from `text`), each with its period: the period named right
/// after it ("in any 24-hour period", "within any period of 7 days", *dalam 24 jam*), the period it is
/// counted per ("a day", *sehari*), or a period word just before it ("a weekly rest of 12 hours", *istirahat
/// harian 8 jam*). A quantity read as another figure's period is not a figure of its own.
pub fn hours_within(quantities: &[Quantity], text: &str) -> Vec<HoursWithin> {
    let mut figures = Vec::new();
    let mut skip = None;
    for (i, quantity) in quantities.iter().enumerate() {
        if skip == Some(i) || quantity.unit != Unit::Hour || quantity.age {
            continue;
        }
        let named_after = quantities
            .get(i + 1)
            .filter(|next| names_period_of(quantity, next, text))
            .and_then(Quantity::hours);
        if named_after.is_some() {
            skip = Some(i + 1);
        }
        let period = named_after
            .or_else(|| quantity.per.and_then(Unit::hours))
            .or_else(|| period_word_before(text, quantity.phrase.start));
        figures.push(HoursWithin {
            hours: quantity.value,
            period,
            ceiling: quantity.bound == Some(Bound::AtMost),
            period_at: named_after.map(|_| i + 1),
        });
    }
    figures
}

/// Whether `next` is the period `figure` is counted in: a whole day or longer, named within six words
/// after it and in the same sentence ("of rest in any", "within any period of", *dalam setiap periode*).
fn names_period_of(figure: &Quantity, next: &Quantity, text: &str) -> bool {
    let Some(between) = text.get(figure.end..next.start) else {
        return false;
    };
    next.hours().is_some_and(|h| h >= 24.0)
        && between.split_whitespace().count() <= 6
        && !between.contains(['.', ';', ':'])
}

/// A period word among the four words before byte `start`: "a weekly rest of", *istirahat harian*.
fn period_word_before(text: &str, start: usize) -> Option<f64> {
    text.get(..start)?
        .split_whitespace()
        .rev()
        .take(4)
        .find_map(|word| {
            let word = crate::lexicon::fold(word.trim_matches(|c: char| !c.is_alphanumeric()));
            period_word(&word).and_then(Unit::hours)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::quantities;

    fn figures(text: &str) -> Vec<(f64, Option<f64>, bool)> {
        hours_within(&quantities(text), text)
            .into_iter()
            .map(|f| (f.hours, f.period, f.ceiling))
            .collect()
    }

    #[test]
    fn each_figure_keeps_its_own_period() {
        assert_eq!(
            figures(
                "at least 10 hours of rest in any 24-hour period and 77 hours of rest in any seven-day period"
            ),
            [(10.0, Some(24.0), false), (77.0, Some(168.0), false)]
        );
        assert_eq!(
            figures("a minimum of eight hours of rest in each period of twenty-four hours"),
            [(8.0, Some(24.0), false)]
        );
        assert_eq!(
            figures(
                "istirahat paling sedikit 10 (sepuluh) jam dalam setiap periode 24 (dua puluh empat) jam"
            ),
            [(10.0, Some(24.0), false)]
        );
        assert_eq!(
            figures("rest of not less than 56 hours within any period of 7 days"),
            [(56.0, Some(168.0), false)]
        );
    }

    #[test]
    fn a_period_word_before_the_figure_counts() {
        assert_eq!(
            figures("a weekly rest of at least 12 consecutive hours"),
            [(12.0, Some(168.0), false)]
        );
    }

    #[test]
    fn a_split_period_and_a_ceiling_are_no_floors_of_their_own() {
        // Six hours is one of two periods; fourteen hours bounds the gap between them. Neither names a
        // period of a day or more.
        assert_eq!(
            figures(
                "divided into two periods, one of which is at least six hours long, with no more than 14 hours between them"
            ),
            [(6.0, None, false), (14.0, None, true)]
        );
    }
}
