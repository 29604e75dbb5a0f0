//! The term sheet: what a government wants in an agreement, typed and validated.
//!
//! Term sheets are written by negotiators, so every problem names the file, the line and column, and the
//! field ("terms.weekly_rest_days: expected an integer ≥ 1, found \"one\""). Unknown fields are errors: a
//! misspelt `anual_leave_days` silently ignored would draft an agreement without the leave the delegation
//! asked for.

use miette::Diagnostic;
use pakta_core::LineIndex;
use serde::Deserialize;
use thiserror::Error;
use toml::Spanned;

/// A problem in a term sheet.
#[derive(Debug, Error, Diagnostic)]
#[error("{name}:{line}:{column}: {message}")]
#[diagnostic(code(pakta::termsheet))]
pub struct TermSheetError {
    pub name: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

fn error(name: &str, text: &str, offset: usize, message: impl Into<String>) -> TermSheetError {
    let (line, column) = LineIndex::new(text).line_col(text, offset.min(text.len()));
    TermSheetError {
        name: name.to_string(),
        line,
        column,
        message: message.into(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Mou,
    Agreement,
    Protocol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Renewal {
    Automatic,
    ByAgreement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Origin,
    Destination,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WagePayment {
    BankTransfer,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementTerms {
    pub title: Option<String>,
    pub kind: Kind,
    pub languages: Vec<String>,
    pub place: Option<String>,
    pub duration_years: Option<Spanned<i64>>,
    pub renewal: Option<Renewal>,
    pub termination_notice_months: Option<Spanned<i64>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyTerms {
    pub role: Role,
    pub country: String,
    pub short: String,
    pub authority: String,
    /// The same names in Bahasa Indonesia, for the Indonesian draft (the English ones are used when absent).
    pub country_id: Option<String>,
    pub short_id: Option<String>,
    pub authority_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workers {
    pub sectors: Vec<Sector>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Money {
    pub amount: Spanned<i64>,
    pub currency: String,
}

/// Meetings of the joint committee: a number per year, or a word for the usual rhythms.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Meetings {
    PerYear(i64),
    Rhythm(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    pub minimum_monthly_wage: Option<Money>,
    pub recruitment_costs: Option<Costs>,
    pub contract_years: Option<Spanned<i64>>,
    pub weekly_rest_days: Option<Spanned<i64>>,
    pub annual_leave_days: Option<Spanned<i64>>,
    pub wage_payment: Option<WagePayment>,
    pub joint_committee_meets: Option<Spanned<Meetings>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standards {
    pub profile: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    agreement: AgreementTerms,
    parties: Vec<PartyTerms>,
    workers: Workers,
    #[serde(default)]
    terms: Terms,
    standards: Standards,
}

/// A validated term sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermSheet {
    pub agreement: AgreementTerms,
    pub origin: PartyTerms,
    pub destination: PartyTerms,
    pub workers: Workers,
    pub terms: Terms,
    pub standards: Standards,
    /// Joint committee meetings per year, from a number or "annually" / "twice-a-year" / "quarterly".
    pub meetings_per_year: Option<i64>,
}

impl TermSheet {
    /// Parses and validates a term sheet; `name` is how messages call the file.
    pub fn parse(name: &str, text: &str) -> Result<TermSheet, TermSheetError> {
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            error(
                name,
                text,
                offset,
                readable(text, offset, e.message().trim()),
            )
        })?;
        let at = |offset: usize, message: String| error(name, text, offset, message);
        let find = |key: &str| text.find(key).unwrap_or(0);

        for (field, value, min, max) in [
            (
                "agreement.duration_years",
                &raw.agreement.duration_years,
                1,
                99,
            ),
            (
                "agreement.termination_notice_months",
                &raw.agreement.termination_notice_months,
                1,
                60,
            ),
            ("terms.contract_years", &raw.terms.contract_years, 1, 10),
            ("terms.weekly_rest_days", &raw.terms.weekly_rest_days, 1, 7),
            (
                "terms.annual_leave_days",
                &raw.terms.annual_leave_days,
                1,
                365,
            ),
        ] {
            if let Some(v) = value
                && !(min..=max).contains(v.get_ref())
            {
                return Err(at(
                    v.span().start,
                    format!(
                        "{field}: expected an integer from {min} to {max}, found {}",
                        v.get_ref()
                    ),
                ));
            }
        }
        if let Some(wage) = &raw.terms.minimum_monthly_wage {
            if *wage.amount.get_ref() < 1 {
                return Err(at(
                    wage.amount.span().start,
                    format!(
                        "terms.minimum_monthly_wage.amount: expected a positive amount, found {}",
                        wage.amount.get_ref()
                    ),
                ));
            }
            let currency_ok = (3..=4).contains(&wage.currency.len())
                && wage.currency.chars().all(|c| c.is_ascii_uppercase());
            if !currency_ok {
                return Err(at(
                    find("currency"),
                    format!(
                        "terms.minimum_monthly_wage.currency: expected an ISO 4217 code such as \"TWD\", found {:?}",
                        wage.currency
                    ),
                ));
            }
        }
        let meetings_per_year = match &raw.terms.joint_committee_meets {
            None => None,
            Some(m) => Some(match m.get_ref() {
                Meetings::PerYear(n) if (1..=12).contains(n) => *n,
                Meetings::Rhythm(word) if word == "annually" => 1,
                Meetings::Rhythm(word) if word == "twice-a-year" => 2,
                Meetings::Rhythm(word) if word == "quarterly" => 4,
                other => {
                    return Err(at(
                        m.span().start,
                        format!(
                            "terms.joint_committee_meets: expected \"annually\", \"twice-a-year\", \"quarterly\" or a number of meetings a year from 1 to 12, found {}",
                            match other {
                                Meetings::PerYear(n) => n.to_string(),
                                Meetings::Rhythm(w) => format!("{w:?}"),
                            }
                        ),
                    ));
                }
            }),
        };
        if raw.agreement.languages.is_empty() {
            return Err(at(
                find("languages"),
                "agreement.languages: name at least one of \"en\", \"id\"".into(),
            ));
        }
        for language in &raw.agreement.languages {
            if language != "en" && language != "id" {
                return Err(at(
                    find("languages"),
                    format!(
                        "agreement.languages: pakta drafts in \"en\" and \"id\", found {language:?}"
                    ),
                ));
            }
        }
        if raw.workers.sectors.is_empty() {
            return Err(at(
                find("sectors"),
                "workers.sectors: name at least one sector".into(),
            ));
        }
        if raw.parties.len() != 2 {
            return Err(at(
                find("[[parties]]"),
                format!("parties: expected exactly two, found {}", raw.parties.len()),
            ));
        }
        let origin = raw.parties.iter().find(|p| p.role == Role::Origin).cloned();
        let destination = raw
            .parties
            .iter()
            .find(|p| p.role == Role::Destination)
            .cloned();
        let (Some(origin), Some(destination)) = (origin, destination) else {
            return Err(at(
                find("[[parties]]"),
                "parties: one party needs role = \"origin\" and the other role = \"destination\""
                    .into(),
            ));
        };
        for (field, value) in [
            (
                "agreement.title",
                raw.agreement.title.as_deref().unwrap_or("x"),
            ),
            (
                "agreement.place",
                raw.agreement.place.as_deref().unwrap_or("x"),
            ),
            ("parties.country", origin.country.as_str()),
            ("parties.country", destination.country.as_str()),
            ("parties.short", origin.short.as_str()),
            ("parties.short", destination.short.as_str()),
            ("parties.authority", origin.authority.as_str()),
            ("parties.authority", destination.authority.as_str()),
        ] {
            if value.trim().is_empty() {
                return Err(at(
                    find(field.rsplit('.').next().unwrap_or(field)),
                    format!("{field}: must not be empty"),
                ));
            }
        }
        Ok(TermSheet {
            agreement: raw.agreement,
            origin,
            destination,
            workers: raw.workers,
            terms: raw.terms,
            standards: raw.standards,
            meetings_per_year,
        })
    }

    pub fn covers(&self, sector: Sector) -> bool {
        self.workers.sectors.contains(&sector)
    }
}

/// The dotted name of the field at `offset` ("terms.weekly_rest_days"), from the key on that line and the
/// table header above it.
fn field_at(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or_default();
    let key = line
        .split_once('=')
        .map(|(k, _)| k.trim().to_string())
        .filter(|k| !k.is_empty() && !k.starts_with('['));
    let table = text[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    match (table, key) {
        (Some(t), Some(k)) => Some(format!("{t}.{k}")),
        (None, Some(k)) => Some(k),
        (Some(t), None) => Some(t),
        (None, None) => None,
    }
}

/// A TOML/serde message in the words a negotiator reads: the field first, then what was expected and found
/// ("terms.weekly_rest_days: expected an integer, found the string \"one\"").
fn readable(text: &str, offset: usize, message: &str) -> String {
    let field = field_at(text, offset);
    let message = match message
        .strip_prefix("invalid type: ")
        .and_then(|m| m.split_once(", expected "))
    {
        Some((found, expected)) => {
            let expected = match expected {
                "i64" | "u64" | "i32" | "u32" => "an integer",
                "a boolean" => "true or false",
                other => other,
            };
            format!("expected {expected}, found {found}")
        }
        None => message.to_string(),
    };
    match field {
        Some(field) if !message.starts_with("unknown field") => format!("{field}: {message}"),
        _ => message,
    }
}
