//! Quantities in agreement text: amounts, durations, percentages and counts, written in digits or in words
//! (English and Indonesian), with their units.
//!
//! Drafters write "30 (thirty) days", "RM 1,500 (one thousand five hundred ringgit)", "tiga puluh hari" and
//! "90 days" for the same kind of thing. The redline needs to see that "ninety days" became "sixty days";
//! the parallel check needs to see that "30 (thirty) days" and "30 (tiga puluh) hari" agree. Both read
//! quantities here.

use std::ops::Range;

use crate::lexicon::fold;

mod figures;
mod frequency;
pub mod lint;
mod numbers;
mod ordinal;
mod terms;
pub use figures::{HoursWithin, hours_within};
use numbers::{fraction_at, word_value};
pub(crate) use numbers::{is_number_word, words_value};
pub use terms::Bound;
use terms::{bound_before, period_after};

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
    Hour,
    Percent,
    /// Money in a currency (the code or word as written is kept in [`Quantity::unit_text`]).
    Money,
    /// A bare number: a count or an amount without a recognised unit.
    Count,
    /// A place in order that fixes a day or a period: "the seventh day", *bulan ketiga*, "the 27th". The
    /// period it counts in is kept in [`Quantity::unit_text`] ("day").
    Ordinal,
}

impl Unit {
    /// Its length in hours, for the units of a day or shorter and the week.
    pub fn hours(self) -> Option<f64> {
        match self {
            Unit::Hour => Some(1.0),
            Unit::Day => Some(24.0),
            Unit::Week => Some(168.0),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
            Unit::Hour => "hour",
            Unit::Percent => "percent",
            Unit::Money => "money",
            Unit::Count => "count",
            Unit::Ordinal => "ordinal",
        }
    }
}

/// A quantity found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub unit: Unit,
    /// The currency as written ("RM", "TWD", "ringgit"), for money.
    pub unit_text: String,
    /// The words as they stand in the text ("ninety days", "RM 1,500").
    pub text: String,
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// It is someone's age ("under the age of 18", "aged 21 years", *berusia 18 tahun*), not a period.
    pub age: bool,
    /// The number the words beside the digits say, when it is another one: "60 (tiga puluh) hari".
    pub spelled: Option<f64>,
    /// A floor or a ceiling written before it: "not less than", "up to", *paling sedikit*.
    pub bound: Option<Bound>,
    /// The period it is counted per: "USD 500 per month", "one rest day each week", *setiap bulan*.
    pub per: Option<Unit>,
    /// Byte range of the quantity with its bound and period: "not less than USD 500 per month".
    pub phrase: Range<usize>,
    /// The currency its repetition in words names, lower-cased ("united states dollars" of "USD 1,500
    /// (one thousand five hundred United States dollars)"): a sum whose words came to name another
    /// currency changed, though its figure did not.
    pub currency_in_words: Option<String>,
}

impl Quantity {
    /// Whether this quantity, read in `text`, is the interval at which something repeats: "once in every
    /// three months", "at intervals of two months", *setiap tiga bulan*, *tiga bulan sekali* (the
    /// lexicon's `[grammar] intervals` within three words before it, or right after it); not the length
    /// of a contract or a period of service in the same sentence.
    pub fn is_interval(&self, text: &str) -> bool {
        let before = text[..self.start.min(text.len())]
            .split_whitespace()
            .rev()
            .take(3);
        let after = text[self.end.min(text.len())..].split_whitespace().next();
        before
            .chain(after)
            .any(|w| crate::lexicon::is_interval_word(&crate::lexicon::fold(w)))
    }

    /// The length of a period in days (a month is 30, a year 365), if the quantity is one and not an age.
    pub fn days(&self) -> Option<f64> {
        let per = match self.unit {
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Month => 30.0,
            Unit::Year => 365.0,
            _ => return None,
        };
        (!self.age).then_some(self.value * per)
    }

    /// The length of a period in hours (a day is 24, a week 168), if the quantity is one that short
    /// and not an age.
    pub fn hours(&self) -> Option<f64> {
        self.unit
            .hours()
            .filter(|_| !self.age)
            .map(|per| self.value * per)
    }

    /// Whether two quantities measure the same thing in other words: "five (5) years" and "sixty (60)
    /// months", "once a year" and "once every twelve (12) months", "two weeks" and "fourteen days", with
    /// the same floor or ceiling. Days and months are not converted into each other: thirty days is not
    /// a month.
    pub fn same_measure(&self, other: &Quantity) -> bool {
        // A period as (value, unit) in months or in days, where the conversion is exact.
        fn exact(value: f64, unit: Unit) -> (f64, Unit) {
            match unit {
                Unit::Year => (value * 12.0, Unit::Month),
                Unit::Week => (value * 7.0, Unit::Day),
                unit => (value, unit),
            }
        }
        if self.bound != other.bound || self.age != other.age || self.unit_text != other.unit_text {
            return false;
        }
        // Digits and words that disagree ("30 (enam puluh) hari") are neither number alone.
        if self.spelled.is_some() || other.spelled.is_some() {
            return self.key() == other.key();
        }
        let (a, b) = (exact(self.value, self.unit), exact(other.value, other.unit));
        match (self.per, other.per) {
            // So many times per period: times per month (or per day), a period of twelve months being a year.
            (Some(p), Some(q)) => {
                let (pa, pu) = exact(1.0, p);
                let (qa, qu) = exact(1.0, q);
                self.unit == other.unit
                    && pu == qu
                    && (self.value / pa - other.value / qa).abs() < 1e-9
            }
            (None, None) => a.1 == b.1 && (a.0 - b.0).abs() < 1e-9,
            _ => false,
        }
    }

    /// Whether the quantity is a period of time (days, weeks, months, years), not an age.
    pub fn is_period(&self) -> bool {
        !self.age && matches!(self.unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
    }

    /// A normalised rendering of the amount alone, to compare language versions: "30 day", "1500 money".
    /// Floors, ceilings and periods are left out, because the languages put them differently ("at least
    /// three months before" is *paling lambat tiga bulan sebelum*).
    pub fn amount_key(&self) -> String {
        let value = if self.value.fract() == 0.0 {
            format!("{}", self.value as i64)
        } else {
            format!("{}", self.value)
        };
        // Money's unit text is its currency, compared on its own; a period's is which days count. An
        // ordinal's is the period it counts in, which one language names and another leaves to the
        // reader ("the 7th of each month", *setiap tanggal 7*).
        let unit = if matches!(self.unit, Unit::Money | Unit::Ordinal) || self.unit_text.is_empty()
        {
            self.unit.as_str().to_string()
        } else {
            format!("{} {}", self.unit_text, self.unit.as_str())
        };
        match self.spelled {
            // Written two ways at once, it is neither number alone.
            Some(spelled) => format!("{value} ({spelled}) {unit}"),
            None => format!("{value} {unit}"),
        }
    }

    /// [`Quantity::amount_key`] with its floor or ceiling and its period, to compare two drafts of one
    /// text: "≥ 500 money per month".
    pub fn key(&self) -> String {
        let mut key = self.amount_key(); // A floor that became a ceiling, or a month's pay that became a year's, is another quantity.
        match self.bound {
            Some(Bound::AtLeast) => key.insert_str(0, "≥ "),
            Some(Bound::AtMost) => key.insert_str(0, "≤ "),
            None => {}
        }
        if let Some(per) = self.per {
            key.push_str(" per ");
            key.push_str(per.as_str());
        }
        key
    }
}

fn unit_of(word: &str) -> Option<Unit> {
    let w = fold(word);
    Some(match w.as_str() {
        "day" | "days" | "hari" | "working-day" => Unit::Day,
        "week" | "weeks" | "minggu" | "pekan" => Unit::Week,
        "month" | "months" | "bulan" => Unit::Month,
        "year" | "years" | "tahun" => Unit::Year,
        "hour" | "hours" | "jam" => Unit::Hour,
        "percent" | "per" | "persen" | "%" => Unit::Percent,
        _ if is_currency(&w) => Unit::Money,
        _ => return None,
    })
}

fn is_currency(folded: &str) -> bool {
    // "$", "US$", "HK$", "NT$", "S$".
    folded.ends_with('$')
        || matches!(
            folded,
            "rm" | "ringgit"
                | "twd"
                | "nt"
                | "ntd"
                | "usd"
                | "us"
                | "dollar"
                | "dollars"
                | "dolar"
                | "idr"
                | "rp"
                | "rupiah"
                | "sar"
                | "riyal"
                | "riyals"
                | "qar"
                | "aed"
                | "dirham"
                | "dirhams"
                | "krw"
                | "won"
                | "jpy"
                | "yen"
                | "php"
                | "peso"
                | "pesos"
                | "eur"
                | "euro"
                | "euros"
                | "hkd"
                | "sgd"
                | "myr"
                | "lkr"
                | "npr"
                | "bdt"
                | "taka"
                | "rupee"
                | "rupees"
                | "bhd"
                | "omr"
                | "kwd"
                | "gbp"
                | "pound"
                | "pounds"
                | "dinar"
                | "dinars"
                | "jod"
                | "baht"
                | "thb"
                | "vnd"
                | "yuan"
                | "cny"
                | "rmb"
                | "$"
        )
}

#[derive(Debug)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices() {
        let part_of_word = ch.is_alphanumeric() || ch == '%' || ch == '$';
        // Keep digit groups with separators together: "1,500", "1.500", "12.5".
        let joins_digits = (ch == ',' || ch == '.')
            && start.is_some()
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit())
            && text[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit());
        if part_of_word || joins_digits {
            if ch == '%' {
                if let Some(s) = start.take() {
                    out.push(Word {
                        text: &text[s..i],
                        start: s,
                        end: i,
                    });
                }
                out.push(Word {
                    text: &text[i..i + 1],
                    start: i,
                    end: i + 1,
                });
                continue;
            }
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Word {
                text: &text[s..i],
                start: s,
                end: i,
            });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            text: &text[s..],
            start: s,
            end: text.len(),
        });
    }
    // A currency written against its amount ("$500", "US$500", "RM1,500", "Rp4.500.000") is two words, as
    // "RM 1,500" is.
    let mut i = 0;
    while i < out.len() {
        let word = out[i].text;
        let digits = word.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
        let amount = &word[digits..];
        if digits > 0
            && is_currency(&fold(&word[..digits]))
            && amount
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        {
            let (start, end) = (out[i].start, out[i].end);
            out[i] = Word {
                text: &word[..digits],
                start,
                end: start + digits,
            };
            out.insert(
                i + 1,
                Word {
                    text: amount,
                    start: start + digits,
                    end,
                },
            );
            i += 1;
        }
        i += 1;
    }
    join_spaced_thousands(text, &mut out);
    out
}

/// A space that groups the thousands of an amount: "MYR 1 500", "Rp 4 500 000", with a no-break or thin
/// space as typesetting puts one.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Joins the digit groups of an amount written with spaces between its thousands, after a currency: read
/// apart, "MYR 1 500" was an amount of 1 and a stray 500.
fn join_spaced_thousands<'a>(text: &'a str, out: &mut Vec<Word<'a>>) {
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let mut i = 1;
    while i + 1 < out.len() {
        if is_currency(&fold(out[i - 1].text)) && digits(out[i].text) && out[i].text.len() <= 3 {
            let mut last = i;
            while last + 1 < out.len()
                && out[last + 1].text.len() == 3
                && digits(out[last + 1].text)
                && {
                    let mut gap = text[out[last].end..out[last + 1].start].chars();
                    gap.next().is_some_and(is_group_space) && gap.next().is_none()
                }
            {
                last += 1;
            }
            if last > i {
                let (start, end) = (out[i].start, out[last].end);
                out[i] = Word {
                    text: &text[start..end],
                    start,
                    end,
                };
                out.drain(i + 1..=last);
            }
        }
        i += 1;
    }
}

fn digits_value(word: &str) -> Option<f64> {
    // Spaces stand only between thousands groups (see `join_spaced_thousands`).
    let spaced: String;
    let word = if word.contains(is_group_space) {
        spaced = word.chars().filter(|c| !is_group_space(*c)).collect();
        spaced.as_str()
    } else {
        word
    };
    if !word.chars().next()?.is_ascii_digit()
        || !word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    // A separator followed by exactly three digits groups thousands ("1,500", "1.500"); otherwise it is a
    // decimal point ("12.5").
    let mut cleaned = String::new();
    let bytes: Vec<char> = word.chars().collect();
    for (i, c) in bytes.iter().enumerate() {
        if *c == ',' || *c == '.' {
            let rest = &bytes[i + 1..];
            let group = rest.iter().take_while(|d| d.is_ascii_digit()).count();
            let thousands = group == 3 && (rest.len() == 3 || !rest[3].is_ascii_digit());
            if !thousands {
                cleaned.push('.');
            }
        } else {
            cleaned.push(*c);
        }
    }
    cleaned.parse().ok()
}

/// Every quantity in `text`, in order. A number in digits followed by the same number in words, in
/// parentheses ("30 (thirty) days"), is one quantity.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let words = words(text);
    let folded: Vec<String> = words.iter().map(|w| fold(w.text)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // "the seventh day", "twice a year": places and frequencies, read before amounts.
        if let Some((quantity, next)) = ordinal::ordinal_quantity(text, &words, &folded, i)
            .or_else(|| frequency::frequency_quantity(text, &words, &folded, i))
        {
            out.push(quantity);
            i = next;
            continue;
        }
        let (value, mut end_index) = if let Some(v) = digits_value(&folded[i]) {
            (v, i + 1)
        } else {
            let mut j = i;
            while j < words.len()
                && (word_value(&folded[j]).is_some() || (j > i && folded[j] == "and"))
            {
                j += 1;
            }
            while j > i && folded[j - 1] == "and" {
                j -= 1;
            }
            // "se" alone is not a number; "one" as a pronoun ("one of the Parties") is not a quantity unless a
            // unit follows, which is checked below.
            match (j > i)
                .then(|| words_value(&folded[i..j].iter().map(String::as_str).collect::<Vec<_>>()))
                .flatten()
            {
                // "one and a half", *satu koma lima*: a fraction after the whole.
                Some(v) if folded[i] != "se" => match fraction_at(&folded, j) {
                    Some((part, after)) => (v + part, after),
                    None => (v, j),
                },
                _ => {
                    i += 1;
                    continue;
                }
            }
        };
        let from_words = digits_value(&folded[i]).is_none();
        // Words first, digits in parentheses: "thirty (30) days", *empat belas (14) hari*. The words belong
        // to the quantity, shown with it, and a pair that disagrees ("four (14) days") is kept as for
        // digits first.
        let mut words_first = None;
        // A percentage names its unit on both sides of the parenthesis: "one hundred and twenty-four
        // percent (134%)", *seratus persen (100%)*.
        let percent_word = |w: &str| matches!(w, "%" | "percent" | "persen");
        let digits_close = text[words[i].end..].trim_start().starts_with(')')
            || (folded.get(i + 1).is_some_and(|w| w == "%")
                && text[words[i + 1].end..].trim_start().starts_with(')'));
        if !from_words
            && i > 0
            && text[words[i - 1].end..words[i].start].contains('(')
            && digits_close
        {
            let top = if i > 1 && percent_word(&folded[i - 1]) {
                i - 1
            } else {
                i
            };
            let mut k = top;
            while k > 0
                && (word_value(&folded[k - 1]).is_some() || (k < top && folded[k - 1] == "and"))
                && (k == top || !text[words[k - 1].end..words[k].start].contains([',', '.', ';']))
            {
                k -= 1;
            }
            while k < top && folded[k] == "and" {
                k += 1;
            }
            if k < top {
                words_first = words_value(
                    &folded[k..top]
                        .iter()
                        .map(String::as_str)
                        .collect::<Vec<_>>(),
                )
                .map(|v| (k, v));
            }
        }
        let core_end = words[end_index - 1].end;
        // "134% (one hundred and twenty-four percent)", "134 per cent (…)": the sign or word of a
        // percentage stands before its repetition in words.
        let percent_words = match folded.get(end_index).map(String::as_str) {
            Some("%" | "percent" | "persen") => 1,
            Some("per") if folded.get(end_index + 1).is_some_and(|w| w == "cent") => 2,
            _ => 0,
        };
        let percent_words = if percent_words > 0
            && words.get(end_index + percent_words).is_some_and(|next| {
                text[words[end_index + percent_words - 1].end..next.start].contains('(')
            }) {
            percent_words
        } else {
            0
        };
        let digits_end = end_index;
        end_index += percent_words;
        // Skip a repetition in words: "30 (thirty)", "RM 1,500 (one thousand five hundred ringgit)".
        let mut spelled = None;
        let mut k = end_index;
        // "(one hundred and twenty-four percent)": "and" joins number words.
        while k < words.len()
            && (word_value(&folded[k]).is_some()
                || (k > end_index
                    && folded[k] == "and"
                    && folded.get(k + 1).is_some_and(|w| word_value(w).is_some())))
        {
            k += 1;
        }
        if k > end_index {
            let mut repeated = words_value(
                &folded[end_index..k]
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
            );
            if let Some((part, after)) = fraction_at(&folded, k) {
                repeated = repeated.map(|whole| whole + part);
                k = after;
            }
            // Words in parentheses that say another number ("60 (tiga puluh) hari") are the slip a reviewer
            // must catch: the quantity keeps both, so that a change to either side is a changed number.
            // Only words that fill the parentheses say a number; "(dua kali dua puluh empat)" says more
            // than one.
            let in_parentheses =
                text[words[end_index - 1].end..words[end_index].start].contains('(');
            // The currency or unit may be repeated inside: "(one thousand two hundred ringgit)", "(three
            // hundred US dollars)".
            // … or a currency of several words: "(… seventy New Taiwan Dollars)", *(… dolar Taiwan Baru)*.
            let close = (k - 1..(k + 3).min(words.len()))
                .find(|&w| text[words[w].end..].trim_start().starts_with(')'));
            let filled = close.is_some_and(|c| {
                c == k - 1
                    || (k..=c).any(|w| unit_of(&folded[w]).is_some() || is_currency(&folded[w]))
            });
            if repeated == Some(value) {
                end_index = k;
            } else if in_parentheses && filled && !from_words {
                spelled = repeated;
                end_index = k;
            }
        }
        // Without words after it, the sign is the unit read below as ever.
        let percent_repeated = percent_words > 0 && end_index > digits_end + percent_words;
        if percent_words > 0 && !percent_repeated {
            end_index = digits_end;
        }
        let before = i.checked_sub(1).map(|b| folded[b].as_str());
        // "eight consecutive hours", "three working days", "one full day", "one (1) full rest day": one
        // or two qualifiers may stand between the number and its unit.
        let is_qualifier = |w: &String| {
            matches!(
                w.as_str(),
                "consecutive"
                    | "working"
                    | "calendar"
                    | "full"
                    | "clear"
                    | "continuous"
                    | "uninterrupted"
                    | "successive"
                    | "business"
                    | "additional"
                    | "further"
                    | "rest"
                    | "free"
            )
        };
        let qualifiers = (0..2)
            .take_while(|&k| folded.get(end_index + k).is_some_and(is_qualifier))
            .count();
        // The last qualifier stands right before the unit; an earlier one ("full" of "full rest day")
        // goes with it.
        let qualifiers = (1..=qualifiers)
            .rev()
            .find(|&n| {
                folded
                    .get(end_index + n)
                    .and_then(|w| unit_of(w))
                    .is_some_and(|u| u != Unit::Money)
            })
            .unwrap_or(0);
        if qualifiers == 2 {
            end_index += 1;
        }
        let qualifier = qualifiers > 0;
        // Which days count is part of the period: "30 working days" is not "30 days", *30 hari kerja* is
        // not *30 hari*.
        let mut kind = String::new();
        if qualifier {
            // Only for days: "three working weeks" of leave are three weeks.
            let days = folded
                .get(end_index + 1)
                .is_some_and(|w| unit_of(w) == Some(Unit::Day));
            kind = match folded[end_index].as_str() {
                "working" | "business" if days => "working",
                "calendar" if days => "calendar",
                "clear" if days => "clear",
                _ => "",
            }
            .to_string();
            end_index += 1;
        }
        // The same in both languages, so that a parallel text's "three working days" is *tiga hari kerja*.
        // The word after *hari* is part of the quantity's text, so that a redline shows *hari* → *hari
        // kerja*.
        let mut kind_after = false;
        if folded.get(end_index).is_some_and(|w| w == "hari") {
            match folded.get(end_index + 1).map(String::as_str) {
                Some("kerja") => kind = "working".to_string(),
                Some("kalender") => kind = "calendar".to_string(),
                _ => {}
            }
            kind_after = !kind.is_empty();
        }
        let after = folded.get(end_index).map(String::as_str);
        // "under the age of 18" is a number of years, as "di bawah 18 tahun" says.
        let age_of = i >= 2 && folded[i - 1] == "of" && folded[i - 2] == "age";
        // "aged 21 years", "21 years of age", "21 years old", *berusia di bawah 18 tahun*: an age, not a
        // period.
        let age = age_of
            || folded[i.saturating_sub(3)..i].iter().any(|b| {
                matches!(
                    b.as_str(),
                    "aged" | "age" | "usia" | "berusia" | "umur" | "berumur"
                )
            })
            || folded.get(end_index + 1).is_some_and(|w| {
                w == "old" || (w == "of" && folded.get(end_index + 2).is_some_and(|n| n == "age"))
            });
        // "1.5 times the hourly rate", *1,5 (satu koma lima) kali upah per jam*: a rate, the same as "150
        // per cent of the hourly rate". "Two times a year" is a frequency.
        let multiplier = matches!(after, Some("times" | "kali"))
            && folded.get(end_index + 1).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "the" | "their" | "his" | "her" | "its" | "upah" | "gaji" | "tarif" | "rate"
                )
            });
        let value = if multiplier { value * 100.0 } else { value };
        let spelled = spelled.map(|s| if multiplier { s * 100.0 } else { s });
        let (unit, unit_text, start, end) =
            match (before.filter(|b| is_currency(b)), after.and_then(unit_of)) {
                _ if percent_repeated => (
                    Unit::Percent,
                    String::new(),
                    words[i].start,
                    words[digits_end + percent_words - 1].end,
                ),
                _ if multiplier => (
                    Unit::Percent,
                    String::new(),
                    words[i].start,
                    words[end_index].end,
                ),
                (None, None) if age_of => (Unit::Year, String::new(), words[i].start, core_end),
                (Some(currency), _) => (
                    Unit::Money,
                    currency.to_string(),
                    words[i - 1].start,
                    core_end,
                ),
                (None, Some(unit)) => {
                    let unit_text = if unit == Unit::Money {
                        after.unwrap_or_default().to_string()
                    } else {
                        kind.clone()
                    };
                    let last = end_index + usize::from(kind_after);
                    (unit, unit_text, words[i].start, words[last].end)
                }
                (None, None) => (Unit::Count, String::new(), words[i].start, core_end),
            };
        let (start, spelled) = match words_first {
            Some((k, v)) if unit != Unit::Money || start == words[i].start => {
                (words[k].start, spelled.or((v != value).then_some(v)))
            }
            _ => (start, spelled),
        };
        let bound = bound_before(text, start);
        // After the number's repetition in words, where the period is written: "RM 1,500 (one thousand five
        // hundred ringgit) a month".
        let words_end = end.max(words[end_index - 1].end);
        let per = period_after(text, words_end);
        // "USD 500 (three hundred US dollars)": words that say another sum are shown too.
        // The currency named in the words' parentheses, for a sum repeated in words.
        let repeated_in_words = !from_words && words_end > end;
        let currency_in_words = (unit == Unit::Money && repeated_in_words)
            .then(|| closing_parenthesis(text, words_end))
            .flatten()
            .map(|close| text[words_end..close - 1].trim().to_lowercase())
            .filter(|c| !c.is_empty());
        let shown_end = match (per, spelled) {
            (Some((_, at)), _) => at,
            (None, Some(_)) => closing_parenthesis(text, words_end).unwrap_or(words_end),
            (None, None) if currency_in_words.is_some() => {
                closing_parenthesis(text, words_end).unwrap_or(end)
            }
            (None, None) => end,
        };
        // A number word with no unit is usually prose ("one of the Parties"), not a quantity; an age is
        // one ("workers aged eighteen or over").
        // Words with their digits after them in parentheses ("one hundred and twenty-four percent (134%)")
        // are read with the digits, as one quantity.
        let digits_follow = from_words
            && text[end..]
                .trim_start()
                .strip_prefix('(')
                .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()));
        if (!(from_words && unit == Unit::Count) || age) && !digits_follow {
            out.push(Quantity {
                value,
                unit,
                unit_text,
                text: text[start..end].to_string(),
                start,
                end,
                age,
                spelled,
                bound: bound.map(|(b, _)| b),
                per: per.map(|(p, _)| p),
                phrase: bound.map_or(start, |(_, at)| at)..shown_end,
                currency_in_words,
            });
        }
        i = end_index.max(i + 1);
    }
    out
}

/// Where the parenthesis that closes words in parentheses ends, when it is near `from` and nothing opens
/// or ends a sentence first: "(three hundred US dollars)".
fn closing_parenthesis(text: &str, from: usize) -> Option<usize> {
    text[from..]
        .char_indices()
        .take(40)
        .find(|(_, c)| matches!(c, ')' | '(' | '.' | ';'))
        .filter(|(_, c)| *c == ')')
        .map(|(at, _)| from + at + 1)
}

/// Spells a whole number in words, in English (`en`) or Indonesian (`id`), as drafters write it beside
/// the digits: "3 (three) years", "3 (tiga) tahun". Numbers from one million up stay in digits.
pub fn spell(n: u64, language: &str) -> String {
    if language == "id" {
        spell_id(n)
    } else {
        spell_en(n)
    }
}

fn spell_en(n: u64) -> String {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    match n {
        0..=19 => SMALL[n as usize].to_string(),
        20..=99 => {
            let tens = TENS[(n / 10) as usize];
            if n.is_multiple_of(10) {
                tens.to_string()
            } else {
                format!("{tens}-{}", SMALL[(n % 10) as usize])
            }
        }
        100..=999 => {
            let rest = n % 100;
            let head = format!("{} hundred", SMALL[(n / 100) as usize]);
            if rest == 0 {
                head
            } else {
                format!("{head} and {}", spell_en(rest))
            }
        }
        1000..=999_999 => {
            let rest = n % 1000;
            let head = format!("{} thousand", spell_en(n / 1000));
            match rest {
                0 => head,
                1..=99 => format!("{head} and {}", spell_en(rest)),
                _ => format!("{head} {}", spell_en(rest)),
            }
        }
        _ => n.to_string(),
    }
}

fn spell_id(n: u64) -> String {
    const SMALL: [&str; 12] = [
        "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
        "sepuluh", "sebelas",
    ];
    let join = |head: String, rest: u64| {
        if rest == 0 {
            head
        } else {
            format!("{head} {}", spell_id(rest))
        }
    };
    match n {
        0..=11 => SMALL[n as usize].to_string(),
        12..=19 => format!("{} belas", SMALL[(n - 10) as usize]),
        20..=99 => join(format!("{} puluh", SMALL[(n / 10) as usize]), n % 10),
        100..=199 => join("seratus".to_string(), n % 100),
        200..=999 => join(format!("{} ratus", SMALL[(n / 100) as usize]), n % 100),
        1000..=1999 => join("seribu".to_string(), n % 1000),
        2000..=999_999 => join(format!("{} ribu", spell_id(n / 1000)), n % 1000),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        quantities(text).iter().map(Quantity::key).collect()
    }

    #[test]
    fn a_currency_written_against_its_amount_is_money() {
        for (text, amount) in [
            ("a wage of $500 a month", "$500"),
            ("a wage of US$500 a month", "US$500"),
            ("a wage of HK$4,630 a month", "HK$4,630"),
            ("a wage of RM1,500 a month", "RM1,500"),
            (
                "upah paling sedikit Rp4.500.000 setiap bulan",
                "Rp4.500.000",
            ),
        ] {
            let found = quantities(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(
                (found[0].unit, found[0].text.as_str()),
                (Unit::Money, amount)
            );
        }
    }

    #[test]
    fn an_ordinal_that_fixes_a_day_or_a_period_is_a_number() {
        let ordinals = |text: &str| {
            quantities(text)
                .iter()
                .filter(|q| q.unit == Unit::Ordinal)
                .map(|q| (q.value, q.unit_text.clone(), q.text.clone()))
                .collect::<Vec<_>>()
        };
        let day = |v: f64, text: &str| (v, "day".to_string(), text.to_string());
        assert_eq!(
            ordinals("no later than the seventh day of each month"),
            [day(7.0, "seventh day")]
        );
        assert_eq!(
            ordinals("no later than the twenty-seventh day of each month"),
            [day(27.0, "twenty-seventh day")]
        );
        assert_eq!(
            ordinals("by the 27th day of the month"),
            [day(27.0, "27th day")]
        );
        assert_eq!(
            ordinals("paling lambat hari ketujuh setiap bulan"),
            [day(7.0, "hari ketujuh")]
        );
        assert_eq!(
            ordinals("paling lambat hari kedua puluh tujuh setiap bulan"),
            [day(27.0, "hari kedua puluh tujuh")]
        );
        assert_eq!(
            ordinals("mulai bulan ke-3 masa kerja")[0].0,
            3.0,
            "bulan ke-3"
        );
        // The language versions agree.
        assert_eq!(
            keys("the seventh day of each month"),
            keys("hari ketujuh setiap bulan")
        );
        assert_eq!(keys("on the 7th"), keys("pada tanggal 7"));
        assert_eq!(
            ordinals("paling lambat tanggal 7 bulan berikutnya"),
            [day(7.0, "tanggal 7")]
        );
        assert_eq!(
            keys("signed on 7 May 2026"),
            keys("ditandatangani pada tanggal 7 Mei 2026")
        );
        assert_ne!(keys("the seventh day"), keys("the twenty-seventh day"));
        // An ordinal that fixes no day or period is prose.
        assert!(ordinals("the first Party shall inform the second Party").is_empty());
        assert!(ordinals("Pihak Pertama memberitahukan").is_empty());
        // It is no period of seven days.
        assert_eq!(quantities("the seventh day")[0].days(), None);
    }

    /// A percentage repeated in words, before or after its digits, in both languages: words that say
    /// another number are kept beside the digits; words that agree are the same number.
    #[test]
    fn a_percentage_in_digits_and_words_is_one_number() {
        for (text, value, spelled) in [
            (
                "at not less than one hundred and twenty-four percent (134%) of the rate",
                134.0,
                Some(124.0),
            ),
            (
                "at not less than 134% (one hundred and twenty-four percent) of the rate",
                134.0,
                Some(124.0),
            ),
            (
                "at not less than 134 per cent (one hundred and twenty-four per cent) of the rate",
                134.0,
                Some(124.0),
            ),
            (
                "paling sedikit 134% (seratus dua puluh empat persen) dari upah",
                134.0,
                Some(124.0),
            ),
            (
                "at not less than 150% (one hundred and fifty percent) of the rate",
                150.0,
                None,
            ),
            (
                "sebesar seratus lima puluh persen (150%) dari upah",
                150.0,
                None,
            ),
            ("at 150% of the rate (see Annex 2)", 150.0, None),
        ] {
            let found = quantities(text);
            let q = found.first().expect(text);
            assert_eq!(
                (q.value, q.unit, q.spelled),
                (value, Unit::Percent, spelled),
                "{text}"
            );
        }
    }

    #[test]
    fn digits_and_words_that_disagree_are_linted() {
        let text = "## Article 3 — Wages\n\n1. The wage is not less than MYR 1,500 (one thousand two hundred ringgit) a month.\n2. Leave is 14 (fourteen) days.\n3. Notice is 60 (tiga puluh) hari.\n";
        let agreement = pakta_core::parse(text);
        let found = lint::disagreements(&agreement, text);
        let messages: Vec<(&str, String, u32)> = found
            .iter()
            .map(|d| (d.code, d.message.clone(), d.span.line))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    "number-words-disagree",
                    "\u{201c}not less than MYR 1,500 (one thousand two hundred ringgit) a month\u{201d}: the digits say 1500 but the words say 1200".to_string(),
                    3
                ),
                (
                    "number-words-disagree",
                    "\u{201c}60 (tiga puluh) hari\u{201d}: the digits say 60 but the words say 30".to_string(),
                    5
                ),
            ]
        );
    }

    /// Words first and digits in parentheses ("within four (14) days"), a currency of several words
    /// ("New Taiwan Dollars", *dolar Taiwan Baru*) and *hari kerja* are read as one quantity.
    #[test]
    fn words_before_digits_and_long_currency_names_are_read() {
        let q = &quantities("to be decided within thirty (30) working days")[0];
        assert_eq!(
            (q.text.as_str(), q.spelled),
            ("thirty (30) working days", None)
        );
        assert_eq!(quantities("within four (14) days")[0].spelled, Some(4.0));
        assert_eq!(
            quantities("paling lama 14 (empat belas) hari kerja")[0].text,
            "14 (empat belas) hari kerja"
        );
        for text in [
            "NTD 27,470 (twenty-four thousand four hundred seventy New Taiwan Dollars)",
            "NTD 27.470 (dua puluh empat ribu empat ratus tujuh puluh dolar Taiwan Baru)",
        ] {
            assert_eq!(quantities(text)[0].spelled, Some(24470.0), "{text}");
        }
    }

    #[test]
    fn a_rate_in_words_or_as_a_multiple_is_a_percentage() {
        for (text, key) in [
            ("paid at 150 percent of the hourly rate", "150 percent"),
            (
                "paid at one and a half times the hourly rate",
                "150 percent",
            ),
            ("paid at 1.5 times the hourly rate", "150 percent"),
            (
                "paid at one and a quarter times the hourly rate",
                "125 percent",
            ),
            (
                "dibayar 1,5 (satu koma lima) kali upah per jam",
                "150 percent",
            ),
            (
                "dibayar 1,5 (satu setengah) kali upah per jam",
                "150 percent",
            ),
            (
                "dibayar satu koma dua lima kali upah per jam",
                "125 percent",
            ),
        ] {
            assert_eq!(
                quantities(text)
                    .iter()
                    .map(Quantity::amount_key)
                    .collect::<Vec<_>>(),
                [key],
                "{text}"
            );
        }
        // A frequency is no rate.
        assert!(
            quantities("the committee meets two times a year")
                .iter()
                .all(|q| q.unit != Unit::Percent)
        );
    }

    #[test]
    fn the_currency_a_sum_names_in_words_is_read() {
        let currency = |text: &str| quantities(text)[0].currency_in_words.clone();
        assert_eq!(
            currency("USD 1,500 (one thousand five hundred United States dollars)").as_deref(),
            Some("united states dollars")
        );
        assert_eq!(
            currency("RM 1,500 (one thousand five hundred ringgit) a month").as_deref(),
            Some("ringgit")
        );
        assert_eq!(currency("USD 1,500 a month"), None);
    }

    #[test]
    fn how_often_is_a_number_per_its_period() {
        let keys = |text: &str| {
            quantities(text)
                .iter()
                .map(Quantity::key)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            keys("meet at least twice a year"),
            ["≥ 2 times count per year"]
        );
        assert_eq!(
            keys("meet at most once a year"),
            ["≤ 1 times count per year"]
        );
        assert_eq!(
            keys("bertemu paling sedikit dua kali setahun"),
            ["≥ 2 times count per year"]
        );
        assert_eq!(keys("meet two times a year"), keys("meet twice a year"));
        assert_eq!(
            keys("meet once every two years"),
            ["0.5 times count per year"]
        );
        assert_ne!(keys("meet once every two years"), keys("meet once a year"));
        // "once" that opens a condition counts nothing.
        assert!(keys("once the worker arrives").is_empty());
    }

    #[test]
    fn which_days_count_is_part_of_a_period() {
        assert_ne!(keys("within 30 days"), keys("within 30 working days"));
        assert_ne!(keys("dalam 30 hari"), keys("dalam 30 hari kerja"));
        assert_eq!(keys("dalam 30 hari kerja"), keys("within 30 working days"));
        assert_eq!(keys("eight consecutive hours"), keys("eight hours"));
        assert_eq!(keys("three working weeks"), keys("three weeks"));
        assert_eq!(quantities("within 30 working days")[0].days(), Some(30.0));
    }

    #[test]
    fn thousands_grouped_by_spaces_are_one_amount() {
        for text in [
            "a wage of MYR 1 500 a month",
            "a wage of MYR 1\u{a0}500 a month",
            "a wage of MYR 1,500 a month",
        ] {
            assert_eq!(keys(text), keys("a wage of MYR 1500 a month"), "{text}");
        }
        assert_eq!(
            quantities("upah Rp 4 500 000 setiap bulan")[0].value,
            4_500_000.0
        );
        // Without a currency before them, numbers beside each other stay apart.
        assert!(
            quantities("Articles 3 500 and 7")
                .iter()
                .all(|q| q.value != 3500.0)
        );
    }

    #[test]
    fn a_period_has_days_and_an_age_has_none() {
        let days = |text: &str| {
            quantities(text)
                .iter()
                .map(|q| q.days())
                .collect::<Vec<_>>()
        };
        assert_eq!(days("valid for five years"), [Some(1825.0)]);
        assert_eq!(
            days("berlaku selama 48 (empat puluh delapan) bulan"),
            [Some(1440.0)]
        );
        assert_eq!(days("a fisher under the age of 18"), [None]);
        assert_eq!(days("workers aged 21 years"), [None]);
        assert_eq!(days("a worker of 17 years of age"), [None]);
        assert_eq!(days("pekerja berusia 18 tahun"), [None]);
        assert_eq!(days("yang berusia di bawah 18 tahun"), [None]);
        assert_eq!(days("twenty per cent"), [None]);
    }

    #[test]
    fn a_floor_a_ceiling_and_a_period_are_part_of_the_quantity() {
        for (text, key) in [
            (
                "a wage of not less than USD 500 per month",
                "≥ 500 money per month",
            ),
            (
                "a wage of not more than USD 500 per month",
                "≤ 500 money per month",
            ),
            (
                "upah paling sedikit Rp 4.500.000 setiap bulan",
                "≥ 4500000 money per month",
            ),
            (
                "upah paling banyak Rp 4.500.000 sebulan",
                "≤ 4500000 money per month",
            ),
            ("deductions shall not exceed 10 percent", "≤ 10 percent"),
            (
                "working time not exceeding 8 hours a day",
                "≤ 8 hour per day",
            ),
            ("diselesaikan paling lama 30 (tiga puluh) hari", "≤ 30 day"),
            (
                "a minimum of 24 hours of rest each week",
                "≥ 24 hour per week",
            ),
            ("one day of rest each week", "1 day per week"),
            ("1 (satu) hari libur setiap minggu", "1 day per week"),
            ("30 days of paid leave a year", "30 day per year"),
            ("within 30 days, each Party", "≤ 30 day"),
            ("USD 500 to a worker", "500 money"),
        ] {
            assert_eq!(keys(text), [key], "{text}");
        }
    }

    #[test]
    fn reads_digits_words_and_units() {
        assert_eq!(keys("within 30 (thirty) days"), ["≤ 30 day"]);
        assert_eq!(keys("dalam waktu 30 (tiga puluh) hari"), ["≤ 30 day"]);
        // A deadline that became a waiting period is another quantity.
        assert_ne!(
            keys("within 60 days of"),
            keys("no earlier than 60 days after")
        );
        assert_ne!(keys("dalam waktu 60 hari"), keys("paling cepat 60 hari"));
        assert_eq!(
            keys("RM 1,500 (one thousand five hundred ringgit) a month"),
            ["1500 money per month"]
        );
        assert_eq!(keys("ninety days' notice"), ["90 day"]);
        assert_eq!(keys("for two years"), ["2 year"]);
        assert_eq!(keys("seribu lima ratus ringgit"), ["1500 money"]);
        assert_eq!(keys("dua puluh lima persen"), ["25 percent"]);
        assert_eq!(keys("12.5% of the wage"), ["12.5 percent"]);
        assert_eq!(keys("Rp 1.500.000"), ["1500000 money"]);
        assert_eq!(keys("one of the Parties"), Vec::<String>::new());
        assert_eq!(keys("sebelas bulan"), ["11 month"]);
        assert_eq!(keys("at least eight consecutive hours"), ["≥ 8 hour"]);
        assert_eq!(keys("within three working days"), ["≤ 3 working day"]);
        assert_eq!(
            keys("a fisher under the age of 18"),
            keys("di bawah 18 tahun")
        );
    }

    #[test]
    fn spells_numbers_and_reads_them_back() {
        for n in [
            1, 3, 7, 11, 12, 19, 20, 25, 90, 100, 115, 999, 1000, 1500, 20_000, 123_456,
        ] {
            for language in ["en", "id"] {
                let words = spell(n, language);
                let read = quantities(&format!("{words} days"));
                assert_eq!(
                    read.first().map(|q| q.value),
                    Some(n as f64),
                    "{n} in {language}: {words}"
                );
            }
        }
        assert_eq!(spell(3, "id"), "tiga");
        assert_eq!(spell(1500, "en"), "one thousand five hundred");
        assert_eq!(
            quantities("RM 1,200 (one thousand two hundred ringgit)")[0].text,
            "RM 1,200"
        );
        assert_eq!(
            quantities("within 30 (thirty) days")[0].text,
            "30 (thirty) days"
        );
    }
}
