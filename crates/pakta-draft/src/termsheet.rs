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

/// "\"a\", \"b\" or \"c\"".
fn listed(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

impl Reader<'_> {
    fn at(&self, offset: usize, message: impl Into<String>) -> TermSheetError {
        error(self.name, self.text, offset, message)
    }

    fn find(&self, key: &str) -> usize {
        self.text.find(key).unwrap_or(0)
    }

    /// A word of a closed vocabulary: its canonical value, or a located error listing what is accepted.
    fn word<'v>(
        &self,
        field: &str,
        table: &str,
        value: &Text,
        canonical: &[&'v str],
    ) -> Result<&'v str, TermSheetError> {
        let vocabulary = vocabulary().table(table);
        if let Some(found) = vocabulary.lookup(value.get_ref())
            && let Some(canonical) = canonical.iter().find(|c| **c == found)
        {
            return Ok(canonical);
        }
        let example = canonical
            .iter()
            .find_map(|c| vocabulary.spellings.get(*c).and_then(|s| s.first()))
            .map(|s| format!(" such as {s:?}"))
            .unwrap_or_default();
        let hint = vocabulary
            .nearest(value.get_ref())
            .map(|(spelling, _)| format!(" (did you mean {spelling:?}?)"))
            .unwrap_or_default();
        Err(self.at(
            value.span().start,
            format!(
                "{field}: expected {} (or another spelling{example} listed in {SPELLINGS}), found {:?}{hint}",
                listed(canonical),
                value.get_ref()
            ),
        ))
    }

    fn nonempty(
        &self,
        field: &str,
        value: &Option<Text>,
    ) -> Result<Option<String>, TermSheetError> {
        match value {
            Some(v) if v.get_ref().trim().is_empty() => {
                Err(self.at(v.span().start, format!("{field}: must not be empty")))
            }
            Some(v) => Ok(Some(v.get_ref().trim().to_string())),
            None => Ok(None),
        }
    }

    fn range(
        &self,
        field: &str,
        value: &Option<Spanned<i64>>,
    ) -> Result<Option<i64>, TermSheetError> {
        // The range is the schema's, so the form and the reader cannot disagree.
        let (min, max) = crate::form::range(field);
        match value {
            Some(v) if !(min..=max).contains(v.get_ref()) => Err(self.at(
                v.span().start,
                format!(
                    "{field}: expected an integer from {min} to {max}, found {}",
                    v.get_ref()
                ),
            )),
            Some(v) => Ok(Some(*v.get_ref())),
            None => Ok(None),
        }
    }

    fn money(&self, raw: &Spanned<RawMoney>) -> Result<Money, TermSheetError> {
        const FIELD: &str = "terms.minimum_monthly_wage";
        let vocabulary = vocabulary();
        let (amount, currency) = match raw.get_ref() {
            RawMoney::Text(text) => vocabulary.money(text).map_err(|problem| {
                self.at(
                    raw.span().start,
                    format!(
                        "{FIELD}: expected an amount with its currency, such as \"SAR 1,500\", \"1500 SAR\", \"Rp 4.500.000\" or {{ amount = 1500, currency = \"SAR\" }}, found {text:?}: {problem}"
                    ),
                )
            })?,
            RawMoney::Table { amount, currency } => {
                let number = match amount.get_ref() {
                    Word::Number(n) => *n,
                    Word::Text(text) => crate::vocabulary::amount(text.trim()).map_err(|problem| {
                        self.at(
                            amount.span().start,
                            format!("{FIELD}.amount: expected a whole amount such as 1500 or \"1,500\": {problem}"),
                        )
                    })?,
                };
                let code = vocabulary.currency(currency.get_ref()).ok_or_else(|| {
                    let why = vocabulary
                        .ambiguity(currency.get_ref())
                        .map(|why| format!(", which is ambiguous: {why}"))
                        .unwrap_or_default();
                    self.at(
                        currency.span().start,
                        format!(
                            "{FIELD}.currency: expected an ISO 4217 code such as \"TWD\", or a sign or name of one currency only such as \"Rp\", \"RM\" or \"NT$\" (listed in {SPELLINGS}), found {:?}{why}",
                            currency.get_ref()
                        ),
                    )
                })?;
                if number < 1 {
                    return Err(self.at(
                        amount.span().start,
                        format!("{FIELD}.amount: expected a positive amount, found {number}"),
                    ));
                }
                (number, code)
            }
        };
        if amount < 1 {
            return Err(self.at(
                raw.span().start,
                format!("{FIELD}: expected a positive amount, found {amount}"),
            ));
        }
        Ok(Money { amount, currency })
    }

    fn meetings(&self, raw: &Spanned<Word>) -> Result<i64, TermSheetError> {
        let n = match raw.get_ref() {
            Word::Number(n) => Some(*n),
            Word::Text(text) => vocabulary().meetings_per_year(text),
        };
        match n {
            Some(n) if (1..=12).contains(&n) => Ok(n),
            _ => {
                let found = match raw.get_ref() {
                    Word::Number(n) => n.to_string(),
                    Word::Text(w) => format!("{w:?}"),
                };
                let hint = match raw.get_ref() {
                    Word::Text(w) => match vocabulary().ambiguity(w) {
                        Some(why) => format!(", which pakta does not guess: {why}"),
                        None => vocabulary()
                            .table("joint_committee_meets")
                            .nearest(w)
                            .map(|(spelling, _)| format!(" (did you mean {spelling:?}?)"))
                            .unwrap_or_default(),
                    },
                    Word::Number(_) => String::new(),
                };
                Err(self.at(
                    raw.span().start,
                    format!(
                        "terms.joint_committee_meets: expected a number of meetings a year from 1 to 12, or \"annually\", \"twice a year\", \"quarterly\", \"monthly\" (or another spelling such as \"semi-annually\" listed in {SPELLINGS}), found {found}{hint}"
                    ),
                ))
            }
        }
    }

    fn party(&self, raw: &RawParty, languages: &[String]) -> Result<Party, TermSheetError> {
        let role = match self.word("parties.role", "role", &raw.role, crate::form::ROLES)? {
            "origin" => Role::Origin,
            _ => Role::Destination,
        };
        let field = |name: &str| format!("parties.{name}");
        let get = |name: &str, value: &Option<Text>| self.nonempty(&field(name), value);
        let signatory = get("signatory", &raw.signatory)?;
        let signatory_id = match (
            get("signatory_id", &raw.signatory_id)?,
            get("country_id", &raw.country_id)?,
        ) {
            (Some(_), Some(_)) => {
                return Err(self.at(
                    raw.country_id.as_ref().map_or(0, |v| v.span().start),
                    "parties.country_id: the signatory's Indonesian name is given twice; keep signatory_id",
                ));
            }
            (a, b) => a.or(b),
        };
        let signatory_short = get("signatory_short", &raw.signatory_short)?;
        let signatory_short_id = get("signatory_short_id", &raw.signatory_short_id)?;
        let authority = get("authority", &raw.authority)?;
        let authority_id = get("authority_id", &raw.authority_id)?;
        let country_name = get("country_name", &raw.country_name)?;
        let country_name_id = get("country_name_id", &raw.country_name_id)?;
        let short = get("short", &raw.short)?;
        let short_id = get("short_id", &raw.short_id)?;
        let national = get("national", &raw.national)?;
        let nationals = get("nationals", &raw.nationals)?;
        let nationals_id = get("nationals_id", &raw.nationals_id)?;
        let written = raw.country.get_ref().trim();
        if written.is_empty() {
            return Err(self.at(
                raw.country.span().start,
                "parties.country: must not be empty",
            ));
        }
        if authority.is_none()
            && let Some(v) = &raw.authority_id
        {
            return Err(self.at(
                v.span().start,
                "parties.authority_id: name the authority in English too (authority = \"…\"), or leave both out",
            ));
        }

        let known: Option<&Country> = countries().find(written);
        let Some(signatory_en) = signatory
            .clone()
            .or_else(|| known.and_then(|c| c.en.government.clone()))
        else {
            let message = match known {
                Some(c) => format!(
                    "parties.signatory: {} is a territory with no government in pakta's list of countries, so name who signs for it (signatory = \"…\", and signatory_id in Bahasa Indonesia)",
                    c.en.short
                ),
                None => {
                    let hint = countries()
                        .nearest(written)
                        .map(|s| format!("did you mean {s:?}? "))
                        .unwrap_or_default();
                    format!(
                        "parties.country: {written:?} is not a country or territory in pakta's list (crates/pakta-draft/data/countries.toml); {hint}`country` names the country or territory whose nationals and territory the clauses speak of (\"Indonesia\", \"Taiwan\"), and the office or ministry that signs goes in `signatory`. For a country not on the list, give `signatory` and, for an Indonesian draft, `country_name_id` and `signatory_id`"
                    )
                }
            };
            return Err(self.at(raw.country.span().start, message));
        };
        let government = is_government(&signatory_en);
        // The list's government is the default signatory; naming it again keeps its Indonesian name.
        let default_signatory = known.is_some_and(|c| {
            signatory.is_none()
                || c.en
                    .government
                    .as_deref()
                    .is_some_and(|g| countries::key(g) == countries::key(&signatory_en))
        });

        // English names: the list's, or the term sheet's own.
        let (name_en, short_en, national_en, nationals_en) = match known {
            Some(c) => (
                country_name.clone().unwrap_or_else(|| c.en.name.clone()),
                short.clone().unwrap_or_else(|| c.en.short.clone()),
                national
                    .clone()
                    .unwrap_or_else(|| c.en.national().to_string()),
                nationals.clone().unwrap_or_else(|| c.en.nationals.clone()),
            ),
            None => {
                let name = country_name.clone().unwrap_or_else(|| written.to_string());
                (
                    name.clone(),
                    short.clone().unwrap_or_else(|| name.clone()),
                    national
                        .clone()
                        .unwrap_or_else(|| format!("a national of {name}")),
                    nationals
                        .clone()
                        .unwrap_or_else(|| format!("nationals of {name}")),
                )
            }
        };
        let en = PartyNames {
            signatory: signatory_en.clone(),
            signatory_short: signatory_short.clone().or_else(|| {
                government.then(|| {
                    short_en
                        .strip_prefix("the ")
                        .unwrap_or(&short_en)
                        .to_string()
                })
            }),
            country: name_en,
            short: short_en.clone(),
            national: national_en,
            nationals: nationals_en,
            authority: authority
                .clone()
                .unwrap_or_else(|| format!("the Competent Authority of {short_en}")),
            authority_named: authority.is_some(),
        };

        // Indonesian names: the list's or the term sheet's; a name pakta cannot know is reported.
        let mut untranslated: Option<(&str, usize)> = None;
        let mut missing = |field: &'static str, at: usize| {
            untranslated.get_or_insert((field, at));
        };
        let country_at = raw.country.span().start;
        let (name_id, short_id_value, nationals_id_value) = match known {
            Some(c) => (
                Some(country_name_id.clone().unwrap_or_else(|| c.id.name.clone())),
                Some(short_id.clone().unwrap_or_else(|| c.id.short.clone())),
                Some(
                    nationals_id
                        .clone()
                        .unwrap_or_else(|| c.id.nationals.clone()),
                ),
            ),
            None => match &country_name_id {
                Some(name) => (
                    Some(name.clone()),
                    Some(short_id.clone().unwrap_or_else(|| name.clone())),
                    Some(
                        nationals_id
                            .clone()
                            .unwrap_or_else(|| format!("warga negara {name}")),
                    ),
                ),
                None => {
                    missing("country_name_id", country_at);
                    (None, None, None)
                }
            },
        };
        let signatory_at = raw
            .signatory
            .as_ref()
            .map_or(country_at, |v| v.span().start);
        let signatory_id_value = signatory_id.clone().or_else(|| {
            default_signatory
                .then(|| known.and_then(|c| c.id.government.clone()))
                .flatten()
        });
        if signatory_id_value.is_none() {
            missing("signatory_id", signatory_at);
        }
        let authority_id_value = match (&authority, &authority_id) {
            (_, Some(id)) => Some(id.clone()),
            (None, None) => short_id_value
                .as_ref()
                .map(|s| format!("Otoritas Berwenang {s}")),
            (Some(_), None) => {
                missing(
                    "authority_id",
                    raw.authority
                        .as_ref()
                        .map_or(country_at, |v| v.span().start),
                );
                None
            }
        };
        let id = match (
            name_id,
            short_id_value,
            nationals_id_value,
            signatory_id_value,
            authority_id_value,
        ) {
            (Some(name), Some(short), Some(nationals), Some(signatory), Some(authority)) => {
                Some(PartyNames {
                    signatory,
                    signatory_short: signatory_short_id
                        .clone()
                        .or_else(|| signatory_short.clone())
                        .or_else(|| government.then(|| short.clone())),
                    country: name,
                    short,
                    national: nationals.clone(),
                    nationals,
                    authority,
                    authority_named: en.authority_named,
                })
            }
            _ => None,
        };
        if let Some((field, at)) = untranslated
            && languages.iter().any(|l| l == "id")
        {
            let english = match field {
                "authority_id" => en.authority.clone(),
                "signatory_id" => en.signatory.clone(),
                _ => written.to_string(),
            };
            let advice = match field {
                "authority_id" => {
                    " Give authority_id, or leave authority out to write \"Otoritas Berwenang …\" and notify the authority's name after signature."
                }
                "signatory_id" => " Give signatory_id.",
                _ => {
                    " Give country_name_id (and, where they differ from it, short_id and nationals_id)."
                }
            };
            return Err(self.at(
                at,
                format!(
                    "parties.{field}: the Indonesian draft needs {english:?} in Bahasa Indonesia, and pakta does not translate names.{advice}"
                ),
            ));
        }
        Ok(Party {
            role,
            code: known.map(|c| c.code.clone()),
            territory: known.is_some_and(|c| c.kind == countries::Kind::Territory),
            government,
            en,
            id,
            untranslated: untranslated.map(|(field, _)| field.to_string()),
        })
    }
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
