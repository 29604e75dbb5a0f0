//! Article numbers as printed ("5", "V", "19.3", "5bis", "1er") and the order they imply.
//!
//! The printed token is kept for display; the parsed value decides sequence checks (duplicates, gaps) and
//! ids, so `Article V` and `Pasal 5` in two language versions share the id `art_5`.

use std::fmt;

/// Latin suffixes for inserted articles, in order.
const LATIN_SUFFIXES: &[&str] = &[
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleNumber {
    printed: String,
    /// Dotted parts: `19.3` is `[19, 3]`; Roman numerals are converted.
    parts: Vec<u32>,
    /// `bis` = 1, `ter` = 2 …; a letter suffix `5a` = 1, `5b` = 2; 0 for none.
    suffix: u32,
    roman: bool,
}

impl ArticleNumber {
    /// Parses a number token; `None` when it is not one.
    pub fn parse(token: &str) -> Option<ArticleNumber> {
        let token = token.trim();
        if token.is_empty() || token.len() > 24 {
            return None;
        }
        // Parts are separated by dots ("19.3") or, in some treaty families, hyphens ("1-1").
        let digits_end = token
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .unwrap_or(token.len());
        if digits_end > 0 {
            let (num, suffix) = token.split_at(digits_end);
            let separator = |c: char| c == '.' || c == '-';
            if num.starts_with(separator)
                || num.ends_with(separator)
                || num.contains("..")
                || num.contains("--")
                || (num.contains('.') && num.contains('-'))
            {
                return None;
            }
            let parts: Vec<u32> = num
                .split(separator)
                .map(|p| p.parse().ok())
                .collect::<Option<_>>()?;
            let lower = suffix.to_lowercase();
            let suffix = match lower.as_str() {
                "" | "er" | "st" | "nd" | "rd" | "th" | "°" | "º" => 0,
                s if s.len() == 1 && s.chars().all(|c| c.is_ascii_lowercase()) => {
                    s.as_bytes()[0] as u32 - b'a' as u32 + 1
                }
                s => LATIN_SUFFIXES.iter().position(|l| *l == s)? as u32 + 1,
            };
            return Some(ArticleNumber {
                printed: token.to_owned(),
                parts,
                suffix,
                roman: false,
            });
        }
        roman(token).or_else(|| word_number(token))
    }

    pub fn is_latin_suffix(word: &str) -> bool {
        LATIN_SUFFIXES.contains(&word.to_lowercase().as_str())
    }

    pub fn as_printed(&self) -> &str {
        &self.printed
    }

    pub fn is_roman(&self) -> bool {
        self.roman
    }

    /// The first (main) number: 19 for `19.3`, 5 for `V`.
    pub fn main(&self) -> u32 {
        self.parts[0]
    }

    pub fn suffix(&self) -> u32 {
        self.suffix
    }

    /// Sort key: parts, then suffix.
    pub fn key(&self) -> (Vec<u32>, u32) {
        (self.parts.clone(), self.suffix)
    }

    /// The id fragment: `5`, `19-3`, `5bis`, `5a`; Roman numerals as Arabic so translations share ids.
    pub fn id_fragment(&self) -> String {
        let mut out = self
            .parts
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join("-");
        if self.suffix > 0 {
            let lower = self.printed.to_lowercase();
            match LATIN_SUFFIXES.iter().find(|s| lower.ends_with(*s)) {
                Some(latin) => out.push_str(latin),
                None => out.push(char::from(b'a' + (self.suffix - 1).min(25) as u8)),
            }
        }
        out
    }
}

/// Roman numerals, all upper or all lower case, optionally with a Latin suffix (`IVbis`).
fn roman(token: &str) -> Option<ArticleNumber> {
    let roman_end = token
        .find(|c: char| !"IVXLCDMivxlcdm".contains(c))
        .unwrap_or(token.len());
    let (numeral, suffix) = token.split_at(roman_end);
    let same_case = numeral.chars().all(|c| c.is_ascii_uppercase())
        || numeral.chars().all(|c| c.is_ascii_lowercase());
    if numeral.is_empty() || !same_case {
        return None;
    }
    let value = roman_value(numeral)?;
    let suffix = match suffix.to_lowercase().as_str() {
        "" => 0,
        s => LATIN_SUFFIXES.iter().position(|l| *l == s)? as u32 + 1,
    };
    Some(ArticleNumber {
        printed: token.to_owned(),
        parts: vec![value],
        suffix,
        roman: true,
    })
}

/// A number written as a word: "One", "TWENTY-FIRST", *Kesatu*, *Kedua* ("Article One", "ARTICLE TWO",
/// "Pasal Kesatu"). `None` when the word is no number.
fn word_number(token: &str) -> Option<ArticleNumber> {
    // Most tokens asked are no number word: only letters and a hyphen, of a number word's length.
    if !(3..=20).contains(&token.len())
        || !token.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
    {
        return None;
    }
    let lower = token.to_ascii_lowercase();
    let value = match lower.split_once('-') {
        Some((tens, units)) => {
            let tens = word_value(tens).filter(|t| *t >= 20 && t % 10 == 0)?;
            tens + word_value(units).filter(|u| (1..10).contains(u))?
        }
        None => word_value(&lower)?,
    };
    Some(ArticleNumber {
        printed: token.to_owned(),
        parts: vec![value],
        suffix: 0,
        roman: false,
    })
}

/// English cardinals and ordinals to fifty, and Indonesian ones to eleven, by value.
const NUMBER_WORDS: &[(&str, &str, u32)] = &[
    ("one", "first", 1),
    ("two", "second", 2),
    ("three", "third", 3),
    ("four", "fourth", 4),
    ("five", "fifth", 5),
    ("six", "sixth", 6),
    ("seven", "seventh", 7),
    ("eight", "eighth", 8),
    ("nine", "ninth", 9),
    ("ten", "tenth", 10),
    ("eleven", "eleventh", 11),
    ("twelve", "twelfth", 12),
    ("thirteen", "thirteenth", 13),
    ("fourteen", "fourteenth", 14),
    ("fifteen", "fifteenth", 15),
    ("sixteen", "sixteenth", 16),
    ("seventeen", "seventeenth", 17),
    ("eighteen", "eighteenth", 18),
    ("nineteen", "nineteenth", 19),
    ("twenty", "twentieth", 20),
    ("thirty", "thirtieth", 30),
    ("forty", "fortieth", 40),
    ("fifty", "fiftieth", 50),
    ("satu", "kesatu", 1),
    ("dua", "kedua", 2),
    ("tiga", "ketiga", 3),
    ("empat", "keempat", 4),
    ("lima", "kelima", 5),
    ("enam", "keenam", 6),
    ("tujuh", "ketujuh", 7),
    ("delapan", "kedelapan", 8),
    ("sembilan", "kesembilan", 9),
    ("sepuluh", "kesepuluh", 10),
    ("sebelas", "kesebelas", 11),
];

fn word_value(word: &str) -> Option<u32> {
    if word == "pertama" {
        return Some(1);
    }
    NUMBER_WORDS
        .iter()
        .find(|(cardinal, ordinal, _)| *cardinal == word || *ordinal == word)
        .map(|(_, _, value)| *value)
}

impl fmt::Display for ArticleNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.printed)
    }
}

/// The value of a Roman numeral in canonical form (`IV`, not `IIII`), up to 3999.
pub fn roman_value(numeral: &str) -> Option<u32> {
    let digit = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let values: Vec<u32> = numeral.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(&next) if next > v => total -= v as i64,
            _ => total += v as i64,
        }
    }
    let total = u32::try_from(total)
        .ok()
        .filter(|&t| (1..4000).contains(&t))?;
    // Reject non-canonical spellings such as `IIII` or `VX` by round-tripping.
    (to_roman(total).eq_ignore_ascii_case(numeral)).then_some(total)
}

/// A number in upper-case Roman numerals (`14` → `XIV`); importers print list labels with it.
pub fn to_roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for &(value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_printed_numbers() {
        let n = |t: &str| ArticleNumber::parse(t).map(|n| (n.key(), n.id_fragment()));
        assert_eq!(n("5"), Some(((vec![5], 0), "5".into())));
        assert_eq!(n("V"), Some(((vec![5], 0), "5".into())));
        assert_eq!(n("xiv"), Some(((vec![14], 0), "14".into())));
        assert_eq!(n("19.3"), Some(((vec![19, 3], 0), "19-3".into())));
        assert_eq!(n("5bis"), Some(((vec![5], 1), "5bis".into())));
        assert_eq!(n("5A"), Some(((vec![5], 1), "5a".into())));
        assert_eq!(n("1er"), Some(((vec![1], 0), "1".into())));
        assert_eq!(n("IIII"), None);
        assert_eq!(n("Vi"), None);
        assert_eq!(n("Wages"), None);
        assert_eq!(n("5.."), None);
    }
}
