//! The term sheet as a form: the fields a term sheet has ([`SCHEMA`], the same ranges and values
//! [`TermSheet::parse`](crate::TermSheet::parse) checks), a form's values written as term-sheet TOML (so
//! the command line drafts exactly what the form asked for), a term sheet read back into a form's values,
//! and the bundled term sheets to start from.
//!
//! The form never validates anything itself: its TOML goes through `TermSheet::parse`, and the problems
//! found there come back with the path of the field they concern ([`crate::TermSheetErrors`]).

use std::fmt::Write as _;

/// Which table of the term sheet a field is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Agreement,
    /// Each of the two `[[parties]]`; the form has the origin first, then the destination.
    Party,
    Workers,
    Terms,
    Standards,
}

impl Table {
    pub fn name(self) -> &'static str {
        match self {
            Table::Agreement => "agreement",
            Table::Party => "parties",
            Table::Workers => "workers",
            Table::Terms => "terms",
            Table::Standards => "standards",
        }
    }
}

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Free text (a name, a place, an amount with its currency, a frequency in words).
    Text,
    /// A whole number in a range; words are passed on for the term sheet's reader to judge.
    Integer { min: i64, max: i64 },
    /// One canonical value of a closed vocabulary.
    OneOf(&'static [&'static str]),
    /// Any of the canonical values of a closed vocabulary, at least one.
    SomeOf(&'static [&'static str]),
    /// A profile of the catalogue (the caller lists them).
    Profile,
}

/// One field of a term sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub table: Table,
    pub key: &'static str,
    pub label: &'static str,
    pub input: Input,
    pub required: bool,
    /// An example or what an empty field means, for the person filling in the form.
    pub hint: &'static str,
    /// Rarely needed (names pakta's list already knows): a form may fold these away.
    pub advanced: bool,
}

impl Field {
    /// The field's path, as [`crate::TermSheetError::field`] names it; `party` is the index for a party's
    /// field (0 origin, 1 destination).
    pub fn path(&self, party: usize) -> String {
        match self.table {
            Table::Party => format!("parties[{party}].{}", self.key),
            table => format!("{}.{}", table.name(), self.key),
        }
    }
}

pub const KINDS: &[&str] = &["mou", "agreement", "protocol"];
pub const RENEWALS: &[&str] = &["automatic", "by-agreement"];
pub const LANGUAGES: &[&str] = &["en", "id"];
pub const ROLES: &[&str] = &["origin", "destination"];
pub const COSTS: &[&str] = &["employer", "shared", "worker"];
pub const WAGE_PAYMENTS: &[&str] = &["bank-transfer"];
pub const SECTORS: &[&str] = &[
    "domestic-work",
    "care-work",
    "manufacturing",
    "construction",
    "agriculture",
    "fishing",
    "other",
];

const fn field(
    table: Table,
    key: &'static str,
    label: &'static str,
    input: Input,
    required: bool,
    hint: &'static str,
) -> Field {
    Field {
        table,
        key,
        label,
        input,
        required,
        hint,
        advanced: false,
    }
}

const fn advanced(
    table: Table,
    key: &'static str,
    label: &'static str,
    hint: &'static str,
) -> Field {
    Field {
        table,
        key,
        label,
        input: Input::Text,
        required: false,
        hint,
        advanced: true,
    }
}

/// Every field a term sheet has but a party's `role` (the form's two parties are origin and destination),
/// in the order of agreements/termsheets/README.md.
#[rustfmt::skip]
pub const SCHEMA: &[Field] = &[
    field(Table::Agreement, "title", "Title", Input::Text, false, "empty: derived from the kind, the signatories and the sectors"),
    field(Table::Agreement, "kind", "Kind", Input::OneOf(KINDS), true, ""),
    field(Table::Agreement, "languages", "Languages", Input::SomeOf(LANGUAGES), true, ""),
    field(Table::Agreement, "place", "Place of signature", Input::Text, false, "Jakarta"),
    field(Table::Agreement, "duration_years", "Duration (years)", Input::Integer { min: 1, max: 99 }, false, "empty: an indefinite period"),
    field(Table::Agreement, "renewal", "Renewal", Input::OneOf(RENEWALS), false, ""),
    field(Table::Agreement, "termination_notice_months", "Notice of termination (months)", Input::Integer { min: 1, max: 60 }, false, "empty: six months"),
    field(Table::Party, "country", "Country or territory", Input::Text, true, "Indonesia, Taiwan, Republic of Korea, KSA …"),
    field(Table::Party, "signatory", "Signatory", Input::Text, false, "empty: the country's government"),
    field(Table::Party, "signatory_id", "Signatory in Bahasa Indonesia", Input::Text, false, "needed for an Indonesian draft when the signatory is not the government"),
    field(Table::Party, "signatory_short", "Signatory's short name", Input::Text, false, "KDEI"),
    field(Table::Party, "authority", "Competent authority", Input::Text, false, "empty: “the Competent Authority of …”, notified after signature"),
    field(Table::Party, "authority_id", "Competent authority in Bahasa Indonesia", Input::Text, false, "needed for an Indonesian draft when the authority is named"),
    advanced(Table::Party, "signatory_short_id", "Signatory's short name in Bahasa Indonesia", ""),
    advanced(Table::Party, "country_name", "Formal name of the country", "the Republic of Korea"),
    advanced(Table::Party, "country_name_id", "Formal name in Bahasa Indonesia", "Republik Korea"),
    advanced(Table::Party, "short", "Name the clauses use for the place", "“the territory of …”"),
    advanced(Table::Party, "short_id", "… in Bahasa Indonesia", "“wilayah …”"),
    advanced(Table::Party, "national", "One of its people", "a national of …"),
    advanced(Table::Party, "nationals", "Its people", "nationals of …"),
    advanced(Table::Party, "nationals_id", "Its people in Bahasa Indonesia", "warga negara …"),
    field(Table::Workers, "sectors", "Sectors", Input::SomeOf(SECTORS), true, ""),
    field(Table::Terms, "minimum_monthly_wage", "Minimum monthly wage", Input::Text, false, "SAR 1,500 · 1500 SAR · Rp 4.500.000"),
    field(Table::Terms, "recruitment_costs", "Recruitment costs are borne by", Input::OneOf(COSTS), false, ""),
    field(Table::Terms, "contract_years", "Employment contract (years)", Input::Integer { min: 1, max: 10 }, false, ""),
    field(Table::Terms, "weekly_rest_days", "Rest days a week", Input::Integer { min: 1, max: 7 }, false, ""),
    field(Table::Terms, "annual_leave_days", "Paid annual leave (working days)", Input::Integer { min: 1, max: 365 }, false, ""),
    field(Table::Terms, "wage_payment", "Wages paid by", Input::OneOf(WAGE_PAYMENTS), false, ""),
    field(Table::Terms, "joint_committee_meets", "Joint committee meetings a year", Input::Text, false, "1–12, or “annually”, “twice a year”, “quarterly”"),
    field(Table::Standards, "profile", "Standards to meet (profile)", Input::Profile, true, ""),
];

/// The range the schema gives an integer field (`terms.weekly_rest_days`), which the reader enforces.
pub(crate) fn range(path: &str) -> (i64, i64) {
    SCHEMA
        .iter()
        .find(|f| f.path(0) == path)
        .and_then(|f| match f.input {
            Input::Integer { min, max } => Some((min, max)),
            _ => None,
        })
        .unwrap_or((i64::MIN, i64::MAX))
}

/// A form's values: `(path, value)` pairs; a field with several values (languages, sectors) repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormValues {
    pub values: Vec<(String, String)>,
}

impl FormValues {
    pub fn get(&self, path: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, v)| v.as_str())
    }

    pub fn all<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a str> {
        self.values
            .iter()
            .filter(move |(p, _)| p == path)
            .map(|(_, v)| v.as_str())
    }

    pub fn push(&mut self, path: impl Into<String>, value: impl Into<String>) {
        self.values.push((path.into(), value.into()));
    }

    /// The term sheet these values describe, as TOML. Empty optional fields are left out; an empty
    /// required one is written empty, so the reader says what it needs beside that field. A number field
    /// holding words is written as a string, for the reader to refuse in its own words.
    pub fn to_toml(&self) -> String {
        let mut out = String::from(
            "# A term sheet written by pakta serve's Draft page; `pakta draft` reads it.\n",
        );
        // The form's parties in order: the origin, then the destination.
        let mut parties = 0;
        for table in [
            Table::Agreement,
            Table::Party,
            Table::Party,
            Table::Workers,
            Table::Terms,
            Table::Standards,
        ] {
            let party = parties;
            match table {
                Table::Party => {
                    let _ = write!(out, "\n[[parties]]\nrole = {}\n", quote(ROLES[party]));
                    parties += 1;
                }
                _ => {
                    let _ = writeln!(out, "\n[{}]", table.name());
                }
            }
            for field in SCHEMA.iter().filter(|f| f.table == table) {
                let path = field.path(party);
                let line = match field.input {
                    Input::SomeOf(_) => {
                        let items: Vec<String> = self.all(&path).map(|v| quote(v.trim())).collect();
                        Some(format!("[{}]", items.join(", ")))
                    }
                    Input::Integer { .. } => self
                        .get(&path)
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(|v| {
                            v.parse::<i64>()
                                .map_or_else(|_| quote(v), |n| n.to_string())
                        }),
                    // A number of meetings may be written as a number or in words; both are read.
                    Input::Text if field.key == "joint_committee_meets" => self
                        .get(&path)
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(|v| {
                            v.parse::<i64>()
                                .map_or_else(|_| quote(v), |n| n.to_string())
                        }),
                    Input::Text | Input::OneOf(_) | Input::Profile => {
                        match self.get(&path).map(str::trim).filter(|v| !v.is_empty()) {
                            Some(v) => Some(quote(v)),
                            None if field.required => Some(quote("")),
                            None => None,
                        }
                    }
                };
                if let Some(value) = line {
                    let _ = writeln!(out, "{} = {value}", field.key);
                }
            }
        }
        out
    }

    /// The values of a term sheet's TOML, for a form to start from: the origin party first. A value the
    /// form has no field for is left out; `None` when the text is not TOML.
    pub fn from_toml(text: &str) -> Option<FormValues> {
        let table: toml::Table = toml::from_str(text).ok()?;
        let mut values = FormValues::default();
        let mut parties: Vec<&toml::Table> = table
            .get("parties")
            .and_then(|p| p.as_array())
            .map(|a| a.iter().filter_map(|p| p.as_table()).collect())
            .unwrap_or_default();
        // The form's first party is the origin.
        parties.sort_by_key(|p| p.get("role").and_then(|r| r.as_str()) != Some("origin"));
        for field in SCHEMA {
            let sources: Vec<(usize, Option<&toml::Value>)> = match field.table {
                Table::Party => parties
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (i, p.get(field.key)))
                    .collect(),
                t => vec![(
                    0,
                    table
                        .get(t.name())
                        .and_then(|v| v.as_table())
                        .and_then(|v| v.get(field.key)),
                )],
            };
            for (party, value) in sources {
                let path = field.path(party);
                match value {
                    Some(toml::Value::Array(items)) => {
                        for item in items {
                            values.push(&path, scalar(item));
                        }
                    }
                    Some(toml::Value::Table(money)) => {
                        let amount = money.get("amount").map(scalar).unwrap_or_default();
                        let currency = money.get("currency").map(scalar).unwrap_or_default();
                        values.push(&path, format!("{currency} {amount}"));
                    }
                    Some(value) => values.push(&path, scalar(value)),
                    None => {}
                }
            }
        }
        Some(values)
    }
}

fn scalar(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => s.clone(),
        toml::Value::Integer(n) => n.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        other => format!("{other:?}"),
    }
}

/// A TOML basic string holding `text` exactly.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The term sheets bundled with pakta (agreements/termsheets/), by file name, to start a form from.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "id-tw.toml",
        include_str!("../../../agreements/termsheets/id-tw.toml"),
    ),
    (
        "id-my.toml",
        include_str!("../../../agreements/termsheets/id-my.toml"),
    ),
    (
        "id-kr-fishing.toml",
        include_str!("../../../agreements/termsheets/id-kr-fishing.toml"),
    ),
    (
        "id-sa.toml",
        include_str!("../../../agreements/termsheets/id-sa.toml"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TermSheet;

    #[test]
    fn strings_round_trip_through_toml() {
        for text in [
            "plain",
            "a \"quoted\" \\ back",
            "line\nbreak\ttab",
            "\u{7f}\u{1}<script>",
        ] {
            let table: toml::Table = toml::from_str(&format!("v = {}", quote(text))).expect("TOML");
            assert_eq!(table["v"].as_str(), Some(text));
        }
    }

    #[test]
    fn every_bundled_term_sheet_survives_the_form() {
        for (name, text) in BUNDLED {
            let values = FormValues::from_toml(text).expect("TOML");
            let again = values.to_toml();
            let original = TermSheet::parse(name, text).expect("bundled");
            let mut through_form =
                TermSheet::parse(name, &again).unwrap_or_else(|e| panic!("{e}\n{again}"));
            // Only where the profile is written differs.
            through_form.standards.line = original.standards.line;
            through_form.standards.column = original.standards.column;
            assert_eq!(original, through_form, "{name}:\n{again}");
        }
    }

    #[test]
    fn values_that_look_like_toml_stay_values() {
        let (name, text) = BUNDLED[0];
        let mut values = FormValues::from_toml(text).expect("TOML");
        values.values.retain(|(p, _)| p != "agreement.place");
        values.push("agreement.place", "[[parties]]\nrole = \"origin\"\n[terms]");
        let sheet = TermSheet::parse(name, &values.to_toml()).expect("still one term sheet");
        assert_eq!(
            sheet.agreement.place.as_deref(),
            Some("[[parties]]\nrole = \"origin\"\n[terms]")
        );
    }

    #[test]
    fn the_schema_ranges_are_the_readers() {
        let (_, text) = BUNDLED[0];
        let mut values = FormValues::from_toml(text).expect("TOML");
        values.values.retain(|(p, _)| p != "terms.weekly_rest_days");
        values.push("terms.weekly_rest_days", "8");
        let problems = TermSheet::parse("s.toml", &values.to_toml()).expect_err("8 rest days");
        assert_eq!(problems.errors[0].field, "terms.weekly_rest_days");
        assert!(
            problems.errors[0].message.ends_with("from 1 to 7, found 8"),
            "{problems}"
        );
        values.values.retain(|(p, _)| p != "terms.weekly_rest_days");
        values.push("terms.weekly_rest_days", "seven");
        let problems = TermSheet::parse("s.toml", &values.to_toml()).expect_err("words");
        assert!(
            problems
                .to_string()
                .contains("terms.weekly_rest_days: expected an integer"),
            "{problems}"
        );
    }
}
