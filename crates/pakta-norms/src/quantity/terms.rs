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

/// The bound written right before byte `start` of `text`, and where it starts: a phrase of the lexicon's
/// `floor` or `cap` actions or its `number_floors` or `number_caps` ("not less than", "up to", *paling
/// lama*) that ends where the number's words begin, perhaps before "of" or *sebesar* ("a minimum of",
/// *paling sedikit sebesar*).
pub(super) fn bound_before(text: &str, start: usize) -> Option<(Bound, usize)> {
    let before = &text[..start];
    let tail = &before[before.floor_char_boundary(before.len().saturating_sub(64))..];
    let offset = before.len() - tail.len();
    let tokens = crate::lexicon::tokenize(tail);
    // Only spaces and an opening parenthesis may stand between the bound and the number.
    let last = tokens.last()?;
    if tail[last.end..].contains(|c: char| !c.is_whitespace() && c != '(') {
        return None;
    }
    let mut words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    if matches!(
        words.last().copied(),
        Some("of" | "sebesar" | "senilai" | "sejumlah")
    ) {
        words.pop();
    }
    let lists = crate::lists::lists();
    let action = |name: &str| {
        lists
            .actions
            .iter()
            .find(|(class, _)| class == name)
            .map(|(_, set)| set)
    };
    let sets = [
        (Bound::AtLeast, action("floor")),
        (Bound::AtLeast, Some(&lists.number_floors)),
        (Bound::AtMost, action("cap")),
        (Bound::AtMost, Some(&lists.number_caps)),
    ];
    // The longest phrase that ends at the last word: it starts earliest.
    (0..words.len()).find_map(|k| {
        sets.iter()
            .find(|(_, set)| set.and_then(|s| s.match_at(&words, k)) == Some(words.len()))
            .map(|(bound, _)| (*bound, offset + tokens[k].start))
    })
}

/// The period one word names by itself: "daily", *sehari*, "weekly", *sebulan*, "annually".
pub(super) fn period_word(word: &str) -> Option<Unit> {
    match word {
        "sehari" | "daily" | "harian" => Some(Unit::Day),
        "seminggu" | "sepekan" | "weekly" | "mingguan" => Some(Unit::Week),
        "sebulan" | "monthly" | "bulanan" => Some(Unit::Month),
        "setahun" | "yearly" | "annually" | "tahunan" => Some(Unit::Year),
        _ => None,
    }
}

/// The period written right after byte `end` of `text` ("per month", "a week", "each year", *setiap
/// bulan*, *sebulan*), perhaps after a few words of what is counted ("one day of rest each week", *1 (satu)
/// hari libur setiap minggu*), and where it ends. Punctuation ends the search.
pub(super) fn period_after(text: &str, end: usize) -> Option<(Unit, usize)> {
    let mut words = Vec::new();
    let mut at = end;
    while words.len() < 7 {
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
        if let Some(unit) = period_word(word) {
            return Some((unit, *word_end));
        }
        if matches!(
            word.as_str(),
            "per" | "a" | "an" | "each" | "every" | "setiap" | "tiap"
        ) {
            let (next, next_end) = words.get(i + 1)?;
            return unit_of_period(next).map(|unit| (unit, *next_end));
        }
        // What is counted: "of rest", "libur", "of paid annual leave"; a number or a capital is something else.
        if i >= 4 || !word.chars().all(char::is_alphabetic) {
            return None;
        }
    }
    None
}
