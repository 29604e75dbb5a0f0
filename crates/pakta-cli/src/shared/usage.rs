//! What every command shares about its contract with the caller: exit codes, errors that carry help, and
//! the option values clap checks before any work is done (dates, scores, languages).

use std::process::ExitCode;

use anyhow::anyhow;
use clap::ValueEnum;
use pakta_standards::{Catalogue, Profile};

/// Exit 0: done, nothing to report. 1: findings (drafts differ, problems found, score under the limit).
/// 2: trouble (bad input or options, I/O) — `main` maps every error to it.
pub fn findings(found: bool) -> ExitCode {
    if found {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// An error about the user's choice of profile, requirement, option or input, with what to do as help.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct UsageError {
    message: String,
    help: String,
}

impl UsageError {
    pub fn new(message: impl Into<String>, help: impl Into<String>) -> UsageError {
        UsageError {
            message: message.into(),
            help: help.into(),
        }
    }
}

/// The help line for errors that carry one.
pub fn help_for(err: &anyhow::Error) -> Option<String> {
    err.downcast_ref::<UsageError>().map(|e| e.help.clone())
}

/// What a report for people says about itself.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReportArgs {
    /// A date to print in the report's header (and to stamp tracked changes with), e.g. 2026-03-01.
    /// Reports carry no date unless given one, so the same inputs always give the same bytes.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<String>,
}

/// A `--date` value: a calendar date `YYYY-MM-DD`, optionally with a time (`THH:MM:SSZ`).
pub fn parse_date(date: &str) -> Result<String, String> {
    if is_date(date) {
        Ok(date.to_string())
    } else {
        Err(
            "not a date: write it as YYYY-MM-DD (e.g. 2026-03-01) or YYYY-MM-DDTHH:MM:SSZ"
                .to_string(),
        )
    }
}

pub fn is_date(date: &str) -> bool {
    let b = date.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let day_ok = b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && {
            let year = date[0..4].parse::<u32>().unwrap_or(0);
            let month = date[5..7].parse::<u32>().unwrap_or(0);
            let day = date[8..10].parse::<u32>().unwrap_or(0);
            (1..=days_in_month(year, month)).contains(&day)
        };
    let time_ok = b.len() == 10
        || (b.len() == 20
            && b[10] == b'T'
            && digits(11..13)
            && b[13] == b':'
            && digits(14..16)
            && b[16] == b':'
            && digits(17..19)
            && b[19] == b'Z');
    day_ok && time_ok
}

/// The days of `month` (1-12) in `year`; none for a month that is not one. A "2025-02-30" stamped on tracked
/// changes is a date Word cannot show.
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// The language version a `--lang` value asks for, refused when the agreement has no article in it: a
/// report that every requirement is missing, because the code was mistyped or names a language the text
/// is not in, would mislead.
pub fn language_version(
    agreement: &pakta_core::Agreement,
    file: &str,
    code: Option<&str>,
) -> anyhow::Result<Option<pakta_core::Language>> {
    let Some(code) = code else {
        return Ok(None);
    };
    let language = pakta_core::Language::from_code(code);
    if agreement.articles.is_empty() || agreement.articles_in(&language).next().is_some() {
        return Ok(Some(language));
    }
    let present: std::collections::BTreeSet<String> = agreement
        .articles
        .iter()
        .map(|a| a.language.to_string())
        .collect();
    Err(anyhow!(UsageError::new(
        format!("{file}: no article is in language `{code}`"),
        format!(
            "the agreement's articles are in: {}",
            present.into_iter().collect::<Vec<_>>().join(", ")
        ),
    )))
}

/// A `--fail-under` value: a score from 0 to 100.
pub fn parse_score(value: &str) -> Result<f64, String> {
    match value.trim().parse::<f64>() {
        Ok(score) if (0.0..=100.0).contains(&score) => Ok(score),
        Ok(_) => Err("the score is 0-100".to_string()),
        Err(_) => Err("not a number: the score is 0-100".to_string()),
    }
}

/// A language the catalogue and the model clauses are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    En,
    Id,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
        }
    }
}

/// The profile `name` of the catalogue, or an error listing the profiles there are.
pub fn profile<'c>(catalogue: &'c Catalogue, name: &str) -> anyhow::Result<&'c Profile> {
    catalogue.profile(name).ok_or_else(|| {
        anyhow!(UsageError::new(
            format!("unknown profile `{name}`"),
            format!(
                "profiles: {}",
                catalogue
                    .profiles
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ))
    })
}

/// The requirement `id`, or an error naming those with a similar id.
pub fn requirement<'c>(
    catalogue: &'c Catalogue,
    id: &str,
) -> anyhow::Result<&'c pakta_standards::Requirement> {
    catalogue.requirement(id).ok_or_else(|| {
        let close: Vec<&str> = catalogue
            .requirements
            .iter()
            .map(|r| r.id.as_str())
            .filter(|r| {
                r.contains(id)
                    || id.contains(r)
                    || r.split('-').any(|w| w.len() > 3 && id.contains(w))
            })
            .collect();
        anyhow!(UsageError::new(
            format!("unknown requirement `{id}`"),
            if close.is_empty() {
                "`pakta standards list` shows every requirement".to_string()
            } else {
                format!("did you mean: {}", close.join(", "))
            },
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_scores() {
        assert!(is_date("2026-03-01"));
        assert!(is_date("2026-03-01T10:00:00Z"));
        assert!(is_date("2024-02-29"));
        for bad in [
            "2026-13-01",
            "2026-3-1",
            "yesterday",
            "2026-03-01T10:00",
            "2025-02-30",
            "2025-02-29",
            "2026-04-31",
            "2026-00-10",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
        assert_eq!(parse_score("80"), Ok(80.0));
        assert!(parse_score("150").is_err());
        assert!(parse_score("-1").is_err());
        assert!(parse_score("high").is_err());
    }
}
