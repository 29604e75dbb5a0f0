//! The term sheet: what a government wants in an agreement, typed and validated.
//!
//! Term sheets are written by negotiators, so every problem names the file, the line and column, and the
//! field ("terms.weekly_rest_days: expected an integer ≥ 1, found \"one\""). Unknown fields are errors: a
//! misspelt `anual_leave_days` silently ignored would draft an agreement without the leave the delegation
//! asked for. Closed vocabularies accept the spellings people use ("twice a year", "semi-annually",
//! "bank transfer", "SAR 1,500"; see `data/vocabulary.toml`), and each party separates who signs from the
//! country or territory the clauses speak of, whose names come from `data/countries.toml`.

use pakta_core::LineIndex;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use crate::countries::{self, Country, countries, is_government};

mod tables;
mod values;
use crate::validation::{Problems, error, readable};
pub use crate::validation::{TermSheetError, TermSheetErrors};
use crate::vocabulary::vocabulary;

/// Where the accepted spellings are listed for people.
const SPELLINGS: &str = "agreements/termsheets/README.md";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Mou,
    Agreement,
    Protocol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renewal {
    Automatic,
    ByAgreement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Origin,
    Destination,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sector {
    DomesticWork,
    CareWork,
    Manufacturing,
    Construction,
    Agriculture,
    Fishing,
    Other,
}

impl Sector {
    pub const ALL: [Sector; 7] = [
        Sector::DomesticWork,
        Sector::CareWork,
        Sector::Manufacturing,
        Sector::Construction,
        Sector::Agriculture,
        Sector::Fishing,
        Sector::Other,
    ];

    /// The catalogue's sector name (`domestic-work`).
    pub fn name(self) -> &'static str {
        match self {
            Sector::DomesticWork => "domestic-work",
            Sector::CareWork => "care-work",
            Sector::Manufacturing => "manufacturing",
            Sector::Construction => "construction",
            Sector::Agriculture => "agriculture",
            Sector::Fishing => "fishing",
            Sector::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Costs {
    Employer,
    Shared,
    Worker,
}

impl Costs {
    pub fn name(self) -> &'static str {
        match self {
            Costs::Employer => "employer",
            Costs::Shared => "shared",
            Costs::Worker => "worker",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WagePayment {
    BankTransfer,
}

/// `[agreement]`, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementTerms {
    pub title: Option<String>,
    pub kind: Kind,
    /// `en` and/or `id`, in the term sheet's order, each once.
    pub languages: Vec<String>,
    pub place: Option<String>,
    pub duration_years: Option<i64>,
    pub renewal: Option<Renewal>,
    pub termination_notice_months: Option<i64>,
}

/// Everything a draft in one language calls a party by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyNames {
    /// Who signs: "the Government of the Republic of Indonesia", "Kantor Dagang dan Ekonomi Indonesia di
    /// Taipei". The title, the preamble's opening and the signature block name the party so.
    pub signatory: String,
    /// The signatory's short name for the front matter ("KDEI"; the country's short name for a government).
    pub signatory_short: Option<String>,
    /// The country's or territory's formal name: "the Republic of Korea" / "Republik Korea".
    pub country: String,
    /// The name clauses use for the place: "the territory of Taiwan" / "wilayah Taiwan".
    pub short: String,
    /// One of its people: "a national of the Republic of Korea" / "warga negara Republik Korea".
    pub national: String,
    /// Its people: "nationals of the Republic of Korea" / "warga negara Republik Korea".
    pub nationals: String,
    /// The competent authority: named in the term sheet, or "the Competent Authority of Taiwan" /
    /// "Otoritas Berwenang Taiwan" when the term sheet names none.
    pub authority: String,
    /// Whether the term sheet named the authority (else the party notifies it after signature).
    pub authority_named: bool,
}

/// One party: the signatory and the country or territory it signs for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub role: Role,
    /// The ISO 3166-1 alpha-2 code when the country is in `data/countries.toml`.
    pub code: Option<String>,
    /// Taiwan, Hong Kong: a territory that is not a state.
    pub territory: bool,
    /// Whether the signatory is the country's government ("the Government of …").
    pub government: bool,
    pub en: PartyNames,
    /// The Indonesian names, when every one is known (from the list or the term sheet).
    pub id: Option<PartyNames>,
    /// When `id` is missing: the term-sheet field that would give the missing Indonesian name.
    pub untranslated: Option<String>,
}

impl Party {
    /// The names for a draft in `language`, when all are known.
    pub fn names(&self, language: &str) -> Option<&PartyNames> {
        if language == "id" {
            self.id.as_ref()
        } else {
            Some(&self.en)
        }
    }

    /// The names in `language`, or the English ones where an Indonesian name is missing (for showing one
    /// clause; a whole draft refuses instead).
    pub fn names_or_english(&self, language: &str) -> &PartyNames {
        self.names(language).unwrap_or(&self.en)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workers {
    pub sectors: Vec<Sector>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Money {
    pub amount: i64,
    /// ISO 4217.
    pub currency: String,
}

/// `[terms]`, read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Terms {
    pub minimum_monthly_wage: Option<Money>,
    pub recruitment_costs: Option<Costs>,
    pub contract_years: Option<i64>,
    pub weekly_rest_days: Option<i64>,
    pub annual_leave_days: Option<i64>,
    pub wage_payment: Option<WagePayment>,
    /// Joint committee meetings a year, 1–12.
    pub joint_committee_meets: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standards {
    /// The profile as written; `draft::profile` finds it in the catalogue, spelling normalised.
    pub profile: String,
    /// Where the profile is written, for messages.
    pub line: u32,
    pub column: u32,
}

/// A validated term sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermSheet {
    pub agreement: AgreementTerms,
    pub origin: Party,
    pub destination: Party,
    pub workers: Workers,
    pub terms: Terms,
    pub standards: Standards,
}

// ── The TOML as written ───────────────────────────────────────────────────────────────────────────────

type Text = Spanned<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAgreement {
    title: Option<Text>,
    kind: Text,
    languages: Spanned<Vec<Text>>,
    place: Option<Text>,
    duration_years: Option<Spanned<i64>>,
    renewal: Option<Text>,
    termination_notice_months: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParty {
    role: Text,
    country: Text,
    signatory: Option<Text>,
    signatory_id: Option<Text>,
    signatory_short: Option<Text>,
    signatory_short_id: Option<Text>,
    authority: Option<Text>,
    authority_id: Option<Text>,
    /// The signatory's Indonesian name, as term sheets wrote it before `signatory_id`.
    country_id: Option<Text>,
    country_name: Option<Text>,
    country_name_id: Option<Text>,
    short: Option<Text>,
    short_id: Option<Text>,
    national: Option<Text>,
    nationals: Option<Text>,
    nationals_id: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWorkers {
    sectors: Spanned<Vec<Text>>,
}

/// A value that may be written as a number or as words ("2", 2, 2.0, "twice a year").
#[derive(Debug)]
enum Word {
    Number(i64),
    Text(String),
}

impl<'de> Deserialize<'de> for Word {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WordVisitor;
        impl Visitor<'_> for WordVisitor {
            type Value = Word;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number, or words such as \"twice a year\"")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Word, E> {
                Ok(Word::Number(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Word, E> {
                i64::try_from(v)
                    .map(Word::Number)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Word, E> {
                if v.fract() == 0.0 && v.abs() < 1e15 {
                    Ok(Word::Number(v as i64))
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(v), &self))
                }
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Word, E> {
                Ok(Word::Text(v.to_string()))
            }
        }
        deserializer.deserialize_any(WordVisitor)
    }
}

/// A wage as "SAR 1,500" or `{ amount = 1500, currency = "SAR" }`.
#[derive(Debug)]
enum RawMoney {
    Text(String),
    Table {
        amount: Spanned<Word>,
        currency: Text,
    },
}

impl<'de> Deserialize<'de> for RawMoney {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MoneyVisitor;
        impl<'de> Visitor<'de> for MoneyVisitor {
            type Value = RawMoney;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "an amount with its currency, such as \"SAR 1,500\", or { amount = 1500, currency = \"SAR\" }",
                )
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawMoney, E> {
                Ok(RawMoney::Text(v.to_string()))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawMoney, A::Error> {
                let (mut amount, mut currency) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "amount" => amount = Some(map.next_value()?),
                        "currency" => currency = Some(map.next_value()?),
                        other => {
                            return Err(de::Error::unknown_field(other, &["amount", "currency"]));
                        }
                    }
                }
                Ok(RawMoney::Table {
                    amount: amount.ok_or_else(|| de::Error::missing_field("amount"))?,
                    currency: currency.ok_or_else(|| de::Error::missing_field("currency"))?,
                })
            }
        }
        deserializer.deserialize_any(MoneyVisitor)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerms {
    minimum_monthly_wage: Option<Spanned<RawMoney>>,
    recruitment_costs: Option<Text>,
    contract_years: Option<Spanned<i64>>,
    weekly_rest_days: Option<Spanned<i64>>,
    annual_leave_days: Option<Spanned<i64>>,
    wage_payment: Option<Text>,
    joint_committee_meets: Option<Spanned<Word>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStandards {
    profile: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    agreement: RawAgreement,
    parties: Vec<RawParty>,
    workers: RawWorkers,
    #[serde(default)]
    terms: RawTerms,
    standards: RawStandards,
}

/// Reads one term sheet's text, with the file's name for messages.
struct Reader<'a> {
    name: &'a str,
    text: &'a str,
}

impl TermSheet {
    /// Parses and validates a term sheet; `name` is how messages call the file. Every field is read even
    /// after a bad one, so the problems come all at once (a TOML syntax or type error stops the reading,
    /// and is the one problem then).
    pub fn parse(name: &str, text: &str) -> Result<TermSheet, TermSheetErrors> {
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            error(
                name,
                text,
                offset,
                readable(text, offset, e.message().trim()),
            )
        })?;
        let r = Reader { name, text };
        let mut problems = Problems::default();
        let (agreement, languages) = r.agreement(&raw.agreement, &mut problems);
        let workers = r.workers(&raw.workers, &mut problems);
        let terms = r.terms(&raw.terms, &mut problems);
        let parties = r.parties(&raw.parties, &languages, &mut problems);
        problems.finish()?;
        let (Some(agreement), Some(workers), Some(terms), Some((origin, destination))) =
            (agreement, workers, terms, parties)
        else {
            // Every `None` above came with a problem, so `finish` has returned already.
            return Err(error(name, text, 0, "the term sheet could not be read").into());
        };

        let profile = &raw.standards.profile;
        let (line, column) =
            LineIndex::new(text).line_col(text, profile.span().start.min(text.len()));
        Ok(TermSheet {
            agreement,
            origin,
            destination,
            workers,
            terms,
            standards: Standards {
                profile: profile.get_ref().trim().to_string(),
                line,
                column,
            },
        })
    }

    pub fn covers(&self, sector: Sector) -> bool {
        self.workers.sectors.contains(&sector)
    }
}
