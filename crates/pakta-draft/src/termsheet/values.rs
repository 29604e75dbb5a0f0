//! Reading one value of a term sheet (a word from a closed vocabulary, a number in range, an amount of
//! money, a country), each problem named by the file, line and column where the value stands.

use super::*;

/// "\"a\", \"b\" or \"c\"".
pub(super) fn listed(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

impl Reader<'_> {
    pub(super) fn at(&self, offset: usize, message: impl Into<String>) -> TermSheetError {
        error(self.name, self.text, offset, message)
    }

    pub(super) fn find(&self, key: &str) -> usize {
        self.text.find(key).unwrap_or(0)
    }

    /// A word of a closed vocabulary: its canonical value, or a located error listing what is accepted.
    pub(super) fn word<'v>(
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

    pub(super) fn nonempty(
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

    pub(super) fn range(
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

    pub(super) fn money(&self, raw: &Spanned<RawMoney>) -> Result<Money, TermSheetError> {
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

    pub(super) fn meetings(&self, raw: &Spanned<Word>) -> Result<i64, TermSheetError> {
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

    pub(super) fn party(
        &self,
        raw: &RawParty,
        languages: &[String],
    ) -> Result<Party, TermSheetError> {
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
