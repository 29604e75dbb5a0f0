//! The term sheet's closed vocabularies as negotiators write them.
//!
//! `data/vocabulary.toml` lists, for each closed field, the spellings that mean each canonical value
//! ("semi-annually" → 2 meetings a year, "bank transfer" → `bank-transfer`, "Rp" → `IDR`). Every spelling
//! is compared after [`normalise`], so case, spaces, hyphens and underscores never matter. Amounts of money
//! are read from "SAR 1,500", "1500 SAR", "Rp 4.500.000" or "RM1,500 per month" by [`Vocabulary::money`].

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The embedded word lists (`crates/pakta-draft/data/vocabulary.toml`).
pub const VOCABULARY_TOML: &str = include_str!("../data/vocabulary.toml");

/// A spelling as compared: lower case; hyphens, underscores, dashes and runs of white space as one space;
/// surrounding space and a final full stop left out ("Twice-a-Year." → "twice a year").
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for ch in text.trim().chars() {
        if ch.is_whitespace() || matches!(ch, '-' | '_' | '\u{2010}'..='\u{2015}') {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(ch.to_lowercase());
    }
    while out.ends_with('.') {
        out.pop();
    }
    out.trim_end().to_string()
}

/// Edit distance between two short strings (for "did you mean").
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[derive(Debug, Deserialize)]
struct Words {
    words: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct File {
    meetings_per_year_words: Words,
    wage_per_month_words: Words,
    ambiguous: BTreeMap<String, String>,
    #[serde(flatten)]
    tables: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

/// One closed vocabulary: canonical values and the spellings that mean them.
#[derive(Debug, Default)]
pub struct Table {
    /// Canonical value → spellings as written in the data file.
    pub spellings: BTreeMap<String, Vec<String>>,
    /// Normalised spelling (canonical values included) → canonical value.
    index: BTreeMap<String, String>,
}

impl Table {
    /// The canonical value a spelling means.
    pub fn lookup(&self, text: &str) -> Option<&str> {
        self.index.get(&normalise(text)).map(String::as_str)
    }

    /// The canonical value of the known spelling nearest to a misspelt one ("anually" → 1), if it is
    /// close enough to be a slip of the keyboard.
    pub fn nearest(&self, text: &str) -> Option<(&str, &str)> {
        let wanted = normalise(text);
        let limit = match wanted.chars().count() {
            0..=3 => return None,
            4..=7 => 1,
            _ => 2,
        };
        self.index
            .iter()
            .map(|(spelling, value)| (distance(&wanted, spelling), spelling, value))
            .filter(|(d, _, _)| *d <= limit)
            .min_by_key(|(d, spelling, _)| (*d, spelling.len()))
            .map(|(_, spelling, value)| (spelling.as_str(), value.as_str()))
    }
}

/// Every word list of the term sheet.
#[derive(Debug)]
pub struct Vocabulary {
    tables: BTreeMap<String, Table>,
    meetings_words: Vec<String>,
    per_month_words: Vec<String>,
    /// Normalised word → why it is refused.
    ambiguous: BTreeMap<String, String>,
}

/// The vocabulary built into pakta.
pub fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        Vocabulary::parse(VOCABULARY_TOML)
            .unwrap_or_else(|e| panic!("data/vocabulary.toml is broken (a test checks it): {e}"))
    })
}

impl Vocabulary {
    /// Reads a vocabulary file; a spelling given to two values of one table is refused.
    pub fn parse(text: &str) -> Result<Vocabulary, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut tables = BTreeMap::new();
        for (name, values) in file.tables {
            let mut table = Table::default();
            for (value, spellings) in &values {
                for spelling in std::iter::once(value).chain(spellings) {
                    let key = normalise(spelling);
                    if key.is_empty() {
                        return Err(format!("[{name}] {value}: an empty spelling"));
                    }
                    if let Some(other) = table.index.insert(key.clone(), value.clone())
                        && other != *value
                    {
                        return Err(format!(
                            "[{name}]: {spelling:?} spells both {other:?} and {value:?}"
                        ));
                    }
                }
            }
            table.spellings = values;
            tables.insert(name, table);
        }
        let words = |list: Words| {
            let mut list: Vec<String> = list.words.iter().map(|w| normalise(w)).collect();
            // Longest first, so "times a year" is cut before "a year".
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
            list
        };
        let ambiguous: BTreeMap<String, String> = file
            .ambiguous
            .into_iter()
            .map(|(word, why)| (normalise(&word), why))
            .collect();
        for word in ambiguous.keys() {
            if let Some((name, _)) = tables.iter().find(|(_, t)| t.index.contains_key(word)) {
                return Err(format!(
                    "[ambiguous] {word:?} is also a spelling in [{name}]"
                ));
            }
        }
        Ok(Vocabulary {
            tables,
            meetings_words: words(file.meetings_per_year_words),
            per_month_words: words(file.wage_per_month_words),
            ambiguous,
        })
    }

    /// The table for a field (`kind`, `renewal`, `role`, `languages`, `sectors`, `recruitment_costs`,
    /// `wage_payment`, `joint_committee_meets`, `currency`).
    pub fn table(&self, name: &str) -> &Table {
        static EMPTY: OnceLock<Table> = OnceLock::new();
        self.tables
            .get(name)
            .unwrap_or_else(|| EMPTY.get_or_init(Table::default))
    }

    /// Every table, by name.
    pub fn tables(&self) -> impl Iterator<Item = (&str, &Table)> {
        self.tables.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The words that may follow a number of meetings ("times a year") and a wage ("per month"), as
    /// written after normalisation.
    pub fn extra_words(&self) -> (&[String], &[String]) {
        (&self.meetings_words, &self.per_month_words)
    }

    /// Why a word that means more than one thing ("bimonthly", "$", "riyal") is refused.
    pub fn ambiguity(&self, text: &str) -> Option<&str> {
        self.ambiguous.get(&normalise(text)).map(String::as_str)
    }

    /// The words refused as ambiguous, normalised, with the reason.
    pub fn ambiguous_words(&self) -> impl Iterator<Item = (&str, &str)> {
        self.ambiguous.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Meetings a year from a word: "twice a year", "semi-annually", "2", "2 times a year", "4 kali
    /// setahun". Numbers are returned as read; the caller checks the range.
    pub fn meetings_per_year(&self, text: &str) -> Option<i64> {
        let text = normalise(text);
        if let Some(value) = self.table("joint_committee_meets").lookup(&text) {
            return value.parse().ok();
        }
        let digits_end = text
            .char_indices()
            .find(|(_, c)| !c.is_ascii_digit())
            .map_or(text.len(), |(i, _)| i);
        let (number, rest) = text.split_at(digits_end);
        let number: i64 = number.parse().ok()?;
        let rest = rest.trim();
        (rest.is_empty() || self.meetings_words.iter().any(|w| w == rest)).then_some(number)
    }

    /// An ISO 4217 code from a code in any case ("sar"), or a sign or name that belongs to one currency
    /// only ("Rp", "RM", "NT$", "ringgit").
    pub fn currency(&self, text: &str) -> Option<String> {
        if let Some(code) = self.table("currency").lookup(text) {
            return Some(code.to_string());
        }
        let text = text.trim();
        let letters = text.chars().all(|c| c.is_ascii_alphabetic());
        match text.len() {
            3 if letters => Some(text.to_ascii_uppercase()),
            // Four capitals were accepted before spellings were (kept for old term sheets).
            4 if text.chars().all(|c| c.is_ascii_uppercase()) => Some(text.to_string()),
            _ => None,
        }
    }

    /// An amount of money written as people write it: "SAR 1,500", "1500 SAR", "Rp 4.500.000",
    /// "RM1,500 per month", "USD 400.00". Returns the whole amount and the ISO code, or what is wrong.
    pub fn money(&self, text: &str) -> Result<(i64, String), String> {
        let mut rest = text.trim().to_string();
        let lower = rest.to_lowercase();
        for word in &self.per_month_words {
            let trimmed = lower.trim_end().trim_end_matches('.');
            if let Some(before) = trimmed.strip_suffix(word.as_str()) {
                let boundary = word.starts_with('/')
                    || before.is_empty()
                    || before.ends_with(|c: char| c.is_whitespace() || c.is_ascii_digit());
                if boundary && !before.trim().is_empty() && rest.is_char_boundary(before.len()) {
                    rest.truncate(before.len());
                    break;
                }
            }
        }
        let Some(start) = rest.find(|c: char| c.is_ascii_digit()) else {
            return Err("no amount in it".to_string());
        };
        let mut end = start;
        let mut chars = rest[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let separator = matches!(
                c,
                '.' | ',' | ' ' | '\'' | '\u{2019}' | '\u{a0}' | '\u{202f}' | '\u{2009}'
            );
            if c.is_ascii_digit() {
                end = start + i + c.len_utf8();
            } else if !(separator && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit())) {
                break;
            }
        }
        let (before, number, after) = (rest[..start].trim(), &rest[start..end], rest[end..].trim());
        let symbol = match (before.is_empty(), after.is_empty()) {
            (false, true) => before,
            (true, false) => after,
            (true, true) => return Err("no currency in it".to_string()),
            (false, false) => {
                return Err(format!(
                    "the currency goes either before or after the amount, found {before:?} and {after:?}"
                ));
            }
        };
        let currency = self
            .currency(symbol)
            .ok_or_else(|| match self.ambiguity(symbol) {
                Some(why) => format!("the currency {symbol:?} is ambiguous: {why}"),
                None => format!("unknown currency {symbol:?}"),
            })?;
        let amount = amount(number)?;
        Ok((amount, currency))
    }
}

/// A whole amount from digits with thousands separators ("1,500", "4.500.000", "1 500", "1,500.00").
/// A "." or "," followed by three digits groups thousands; the last separator is a decimal mark when it
/// differs from the ones before it or is followed by one or two digits, and its decimals must be zero.
pub fn amount(text: &str) -> Result<i64, String> {
    let mut groups: Vec<String> = vec![String::new()];
    let mut separators: Vec<char> = Vec::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            if let Some(last) = groups.last_mut() {
                last.push(c);
            }
        } else {
            let c = if matches!(c, '\'' | '\u{2019}' | '\u{a0}' | '\u{202f}' | '\u{2009}') {
                ' '
            } else {
                c
            };
            separators.push(c);
            groups.push(String::new());
        }
    }
    if groups.iter().any(String::is_empty) {
        return Err(format!("cannot read the amount {text:?}"));
    }
    if let (Some(&last), Some(group)) = (separators.last(), groups.last()) {
        let earlier = &separators[..separators.len() - 1];
        let decimal = matches!(last, '.' | ',')
            && (group.len() <= 2 || earlier.iter().any(|s| *s != last) && !earlier.is_empty());
        if decimal {
            if group.chars().any(|c| c != '0') {
                return Err(format!(
                    "pakta drafts whole amounts of money, found {text:?}"
                ));
            }
            groups.pop();
            separators.pop();
        }
    }
    let grouped = separators.windows(2).all(|w| w[0] == w[1])
        && groups.iter().skip(1).all(|g| g.len() == 3)
        && (separators.is_empty() || groups[0].len() <= 3);
    if !grouped {
        return Err(format!("cannot read the amount {text:?}"));
    }
    groups
        .concat()
        .parse::<i64>()
        .map_err(|_| format!("the amount {text:?} is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_lists_load_and_no_spelling_means_two_things() {
        let v = vocabulary();
        for table in [
            "kind",
            "renewal",
            "role",
            "languages",
            "sectors",
            "recruitment_costs",
            "wage_payment",
            "joint_committee_meets",
            "currency",
        ] {
            assert!(!v.table(table).spellings.is_empty(), "{table}");
        }
        let broken = "[meetings_per_year_words]\nwords = []\n[wage_per_month_words]\nwords = []\n[ambiguous]\n[kind]\nmou = [\"x\"]\nagreement = [\"X\"]\n";
        assert!(Vocabulary::parse(broken).is_err());
    }

    #[test]
    fn spellings_are_normalised() {
        assert_eq!(normalise("  Twice-a_Year. "), "twice a year");
        assert_eq!(normalise("bank\u{2013}transfer"), "bank transfer");
        let v = vocabulary();
        for spelling in [
            "twice a year",
            "twice-a-year",
            "Semi-Annually",
            "biannually",
            "2",
            "2 times a year",
            "dua kali setahun",
        ] {
            assert_eq!(v.meetings_per_year(spelling), Some(2), "{spelling}");
        }
        for spelling in ["annually", "Yearly", "once a year", "1"] {
            assert_eq!(v.meetings_per_year(spelling), Some(1), "{spelling}");
        }
        assert_eq!(v.meetings_per_year("quarterly"), Some(4));
        assert_eq!(v.meetings_per_year("13"), Some(13));
        assert_eq!(v.meetings_per_year("often"), None);
        assert_eq!(v.meetings_per_year("bimonthly"), None);
        assert_eq!(
            v.table("wage_payment").lookup("Bank Transfer"),
            Some("bank-transfer")
        );
        assert_eq!(
            v.table("sectors").lookup("domestic_work"),
            Some("domestic-work")
        );
        assert_eq!(
            v.table("joint_committee_meets")
                .nearest("anually")
                .map(|n| n.1),
            Some("1")
        );
    }

    #[test]
    fn amounts_are_read_as_people_write_them() {
        let v = vocabulary();
        for (text, amount, currency) in [
            ("SAR 1,500", 1500, "SAR"),
            ("1500 SAR", 1500, "SAR"),
            ("1,500 sar", 1500, "SAR"),
            ("Rp 4.500.000", 4_500_000, "IDR"),
            ("Rp4.500.000,00", 4_500_000, "IDR"),
            ("RM1,500 per month", 1500, "MYR"),
            ("NT$ 20,000/month", 20000, "TWD"),
            ("KRW 2,060,740", 2_060_740, "KRW"),
            ("USD 400.00", 400, "USD"),
            ("1 500 PLN", 1500, "PLN"),
            ("€1.500,00", 1500, "EUR"),
            ("Rp 4.500.000 sebulan", 4_500_000, "IDR"),
            ("HK$4,990", 4990, "HKD"),
        ] {
            assert_eq!(v.money(text), Ok((amount, currency.to_string())), "{text}");
        }
        for text in [
            "lots",
            "SAR",
            "1500",
            "$ 400",
            "SAR 1,500.50",
            "SAR 1,50,0",
            "SAR 1500 SAR",
            "SAR 99999999999999999999",
        ] {
            assert!(v.money(text).is_err(), "{text}: {:?}", v.money(text));
        }
    }
}
