//! The countries and territories of labour migration and their names in English and Bahasa Indonesia
//! (`data/countries.toml`): the formal name, the short name the clauses use for the place, its people
//! ("nationals of the Republic of Korea" / "warga negara Republik Korea"; "warga Taiwan"), and its
//! government as the default signatory. A term sheet names a country by any of these, its ISO codes or
//! an alias, and may override each name.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::vocabulary::distance;

/// The embedded list (`crates/pakta-draft/data/countries.toml`).
pub const COUNTRIES_TOML: &str = include_str!("../data/countries.toml");

/// A state, or a territory that is not one (Taiwan, Hong Kong).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    State,
    Territory,
}

/// A country's names in one language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// The formal name: "the Republic of Korea" / "Republik Korea".
    pub name: String,
    /// The name clauses use for the place: "the territory of {short}", "wilayah {short}".
    pub short: String,
    /// One of its people, in a definition: "a national of the Republic of Korea" (English only; Indonesian
    /// uses `nationals` for both).
    pub national: Option<String>,
    /// Its people, in a comparison: "nationals of the Republic of Korea" / "warga negara Republik Korea".
    pub nationals: String,
    /// The default signatory: "the Government of the Republic of Korea" / "Pemerintah Republik Korea".
    pub government: Option<String>,
}

impl Names {
    /// One of its people ("a national of …"; in Indonesian the same words as `nationals`).
    pub fn national(&self) -> &str {
        self.national.as_deref().unwrap_or(&self.nationals)
    }
}

/// One country or territory.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// ISO 3166-1 alpha-3.
    pub iso3: String,
    pub kind: Kind,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub en: Names,
    pub id: Names,
}

impl Country {
    /// The names in `language` (`id`, else English).
    pub fn names(&self, language: &str) -> &Names {
        if language == "id" { &self.id } else { &self.en }
    }

    /// Every spelling a term sheet may name it by.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        [
            self.code.as_str(),
            self.iso3.as_str(),
            self.en.name.as_str(),
            self.en.short.as_str(),
            self.id.name.as_str(),
            self.id.short.as_str(),
        ]
        .into_iter()
        .chain(self.aliases.iter().map(String::as_str))
    }
}

/// How a name is compared: lower case, letters and digits only (apostrophes dropped, other marks as
/// spaces), a leading "the" and "Government of" / "Pemerintah" left out, so "the Government of the
/// Republic of Korea", "Republic of Korea" and "republic-of-korea" are one key.
pub fn key(text: &str) -> String {
    let mut words = String::with_capacity(text.len());
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            words.extend(ch.to_lowercase());
        } else if !matches!(ch, '\'' | '\u{2019}') {
            words.push(' ');
        }
    }
    let mut key = words.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let before = key.len();
        for prefix in [
            "the ",
            "government of ",
            "royal government of ",
            "pemerintah ",
        ] {
            if let Some(rest) = key.strip_prefix(prefix) {
                key = rest.to_string();
            }
        }
        if key.len() == before {
            return key;
        }
    }
}

/// Whether a signatory's name is a government's ("the Government of …", "Pemerintah …").
pub fn is_government(signatory: &str) -> bool {
    let words = signatory
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>();
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .skip_while(|w| *w == "the")
        .collect();
    matches!(
        words.as_slice(),
        ["government", "of", ..] | ["royal", "government", "of", ..] | ["pemerintah", ..]
    )
}

/// The list, with an index by [`key`].
#[derive(Debug)]
pub struct Countries {
    list: Vec<Country>,
    index: BTreeMap<String, usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    country: Vec<Country>,
}

/// The list built into pakta.
pub fn countries() -> &'static Countries {
    static COUNTRIES: OnceLock<Countries> = OnceLock::new();
    COUNTRIES.get_or_init(|| {
        Countries::parse(COUNTRIES_TOML)
            .unwrap_or_else(|e| panic!("data/countries.toml is broken (a test checks it): {e}"))
    })
}

impl Countries {
    /// Reads a list and checks it: every spelling names one country only; a state has a government in
    /// both languages; a territory's people are never "warga negara"; every English entry has `national`.
    pub fn parse(text: &str) -> Result<Countries, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut index = BTreeMap::new();
        for (i, country) in file.country.iter().enumerate() {
            let code = &country.code;
            if country.en.national.is_none() {
                return Err(format!("{code}: en.national is missing"));
            }
            if country.en.government.is_some() != country.id.government.is_some() {
                return Err(format!("{code}: a government in one language only"));
            }
            match country.kind {
                Kind::State if country.en.government.is_none() => {
                    return Err(format!("{code}: a state without its government"));
                }
                Kind::Territory if country.id.nationals.starts_with("warga negara") => {
                    return Err(format!(
                        "{code}: a territory's people are not \"warga negara\" (citizens of a state)"
                    ));
                }
                _ => {}
            }
            for spelling in country.spellings() {
                let key = key(spelling);
                if let Some(&other) = index.get(&key)
                    && other != i
                {
                    let other: &Country = &file.country[other];
                    return Err(format!("{spelling:?} names both {} and {code}", other.code));
                }
                index.insert(key, i);
            }
        }
        Ok(Countries {
            list: file.country,
            index,
        })
    }

    /// Every country and territory, in the file's order.
    pub fn all(&self) -> &[Country] {
        &self.list
    }

    /// The country a term sheet names ("Korea", "KR", "the Government of the Republic of Korea").
    pub fn find(&self, name: &str) -> Option<&Country> {
        self.index.get(&key(name)).map(|&i| &self.list[i])
    }

    /// The known spelling nearest to an unknown one, when it looks like a slip ("Indonesa").
    pub fn nearest(&self, name: &str) -> Option<&str> {
        let wanted = key(name);
        if wanted.chars().count() < 4 {
            return None;
        }
        let limit = if wanted.chars().count() < 8 { 1 } else { 2 };
        self.list
            .iter()
            .flat_map(|c| [c.en.short.as_str(), c.en.name.as_str()])
            .map(|spelling| (distance(&wanted, &key(spelling)), spelling))
            .filter(|(d, _)| *d <= limit)
            .min_by_key(|(d, _)| *d)
            .map(|(_, spelling)| spelling)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_loads_and_every_spelling_finds_its_country() {
        let countries = countries();
        assert!(countries.all().len() >= 31);
        for country in countries.all() {
            for spelling in country.spellings() {
                assert_eq!(
                    countries.find(spelling).map(|c| &c.code),
                    Some(&country.code),
                    "{spelling}"
                );
            }
        }
        for (written, code) in [
            ("the Government of the Republic of Indonesia", "ID"),
            ("Pemerintah Republik Indonesia", "ID"),
            ("republic-of-korea", "KR"),
            ("South Korea", "KR"),
            ("KSA", "SA"),
            ("Viet Nam", "VN"),
            ("Vietnam", "VN"),
            ("Hong Kong SAR", "HK"),
            ("taiwan", "TW"),
            ("the Royal Government of Cambodia", "KH"),
            ("People's Republic of Bangladesh", "BD"),
        ] {
            assert_eq!(
                countries.find(written).map(|c| c.code.as_str()),
                Some(code),
                "{written}"
            );
        }
        assert!(
            countries
                .find("the Taipei Economic and Trade Office in Jakarta")
                .is_none()
        );
        assert_eq!(countries.nearest("Indonesa"), Some("Indonesia"));
    }

    #[test]
    fn territories_are_not_states() {
        for code in ["TW", "HK"] {
            let c = countries().find(code).expect(code);
            assert_eq!(c.kind, Kind::Territory);
            assert!(!c.id.nationals.contains("negara"), "{}", c.id.nationals);
        }
        assert!(
            countries()
                .find("TW")
                .and_then(|c| c.en.government.as_ref())
                .is_none()
        );
        let broken = "[[country]]\ncode = \"XX\"\niso3 = \"XXX\"\nkind = \"territory\"\nen = { name = \"X\", short = \"X\", national = \"a national of X\", nationals = \"nationals of X\" }\nid = { name = \"X\", short = \"X\", nationals = \"warga negara X\" }\n";
        assert!(Countries::parse(broken).is_err());
    }

    #[test]
    fn governments_are_recognised() {
        assert!(is_government("the Government of Malaysia"));
        assert!(is_government("Pemerintah Malaysia"));
        assert!(is_government("the Royal Government of Cambodia"));
        assert!(!is_government(
            "the Taipei Economic and Trade Office in Jakarta"
        ));
        assert!(!is_government("the Ministry of Manpower"));
    }
}
