//! Assembling drafts: the term sheet becomes a template context, each requirement of the profile becomes a
//! numbered article rendered from its model clause, and the skeleton wraps them into a whole agreement.
//!
//! Articles are numbered here, in profile order, so that a change of profile or sectors renumbers
//! everything, and `{{ref "joint-committee"}}` in any template resolves to the final number.

use miette::Diagnostic;
use pakta_standards::{Catalogue, ModelClauses, Profile, Requirement, TemplateError};
use serde_json::{Map, Value, json};
use thiserror::Error;

use crate::termsheet::{Costs, Kind, Party, Renewal, Role, Sector, TermSheet};

#[derive(Debug, Error, Diagnostic)]
pub enum DraftError {
    #[error(
        "{name}:{line}:{column}: standards.profile: unknown profile `{profile}` (profiles: {known})"
    )]
    #[diagnostic(code(pakta::draft::profile))]
    UnknownProfile {
        name: String,
        line: u32,
        column: u32,
        profile: String,
        known: String,
    },
    /// A draft in a language the term sheet did not ask for, missing a name pakta cannot translate.
    #[error(
        "{name}: parties.{field}: a draft in `{language}` needs the {role} party's name in that language (pakta does not translate names)"
    )]
    #[diagnostic(code(pakta::draft::untranslated))]
    Untranslated {
        name: String,
        language: String,
        role: &'static str,
        field: String,
    },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Template(#[from] TemplateError),
}

/// One generated agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// `en` or `id`.
    pub language: String,
    pub markdown: String,
    /// (requirement id, article number) in article order.
    pub articles: Vec<(String, u32)>,
}

/// A drafting's language versions parsed, with the requirement each article implements: what a page
/// showing them side by side needs, so that its renderer formats rather than parses.
#[derive(Debug)]
pub struct SideBySide {
    /// (language, the parsed draft), in the term sheet's order.
    pub versions: Vec<(String, pakta_core::Agreement)>,
    /// (requirement id, article number) in article order; the same in every language.
    pub articles: Vec<(String, u32)>,
}

impl SideBySide {
    pub fn of(drafts: &[Draft]) -> SideBySide {
        SideBySide {
            versions: drafts
                .iter()
                .map(|d| (d.language.clone(), pakta_core::parse(&d.markdown)))
                .collect(),
            articles: drafts
                .first()
                .map(|d| d.articles.clone())
                .unwrap_or_default(),
        }
    }
}

/// Makes a term-sheet string safe to put into Markdown: one line, and no character that could start
/// Markdown or HTML structure (a party called "# X" or "<script>" stays text).
pub fn markdown_safe(text: &str) -> String {
    pakta_core::text::escape_markdown(&pakta_core::text::collapse_whitespace(text))
}

fn party(p: &Party, language: &str) -> Value {
    let names = p.names_or_english(language);
    json!({
        "signatory": markdown_safe(&names.signatory),
        "country": markdown_safe(&names.country),
        "short": markdown_safe(&names.short),
        "national": markdown_safe(&names.national),
        "nationals": markdown_safe(&names.nationals),
        "authority": markdown_safe(&names.authority),
        "authority_to_be_notified": !names.authority_named,
    })
}

fn agreement_name(kind: Kind, language: &str) -> &'static str {
    match (kind, language) {
        (Kind::Mou, "id") => "Nota Kesepahaman",
        (Kind::Agreement, "id") => "Persetujuan",
        (Kind::Protocol, "id") => "Protokol",
        (Kind::Mou, _) => "Memorandum",
        (Kind::Agreement, _) => "Agreement",
        (Kind::Protocol, _) => "Protocol",
    }
}

fn sector_words(sector: Sector, language: &str) -> &'static str {
    match (sector, language) {
        (Sector::DomesticWork, "id") => "Pekerjaan Rumah Tangga",
        (Sector::CareWork, "id") => "Perawatan",
        (Sector::Manufacturing, "id") => "Manufaktur",
        (Sector::Construction, "id") => "Konstruksi",
        (Sector::Agriculture, "id") => "Pertanian",
        (Sector::Fishing, "id") => "Perikanan",
        (Sector::Other, "id") => "Lainnya",
        (Sector::DomesticWork, _) => "Domestic Work",
        (Sector::CareWork, _) => "Care Work",
        (Sector::Manufacturing, _) => "Manufacturing",
        (Sector::Construction, _) => "Construction",
        (Sector::Agriculture, _) => "Agriculture",
        (Sector::Fishing, _) => "Fishing",
        (Sector::Other, _) => "Other Sectors",
    }
}

/// "A and B", "A, B and C"; Indonesian puts a comma before the last item of three or more, as in
/// "Perekrutan, Penempatan, dan Pelindungan".
fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [first, second] => format!("{first} {and} {second}"),
        [rest @ .., last] if and == "dan" => format!("{}, {and} {last}", rest.join(", ")),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// The title: the term sheet's, else derived from the kind, the parties and the sectors.
pub fn title(sheet: &TermSheet, language: &str) -> String {
    if let Some(title) = &sheet.agreement.title {
        return markdown_safe(title);
    }
    let origin = party(&sheet.origin, language);
    let destination = party(&sheet.destination, language);
    let country = |p: &Value| p["signatory"].as_str().unwrap_or_default().to_string();
    let mut sectors: Vec<Sector> = sheet.workers.sectors.clone();
    sectors.sort();
    sectors.dedup();
    let names: Vec<String> = sectors
        .iter()
        .filter(|s| **s != Sector::Other)
        .map(|s| sector_words(*s, language).to_string())
        .collect();
    if language == "id" {
        let kind = match sheet.agreement.kind {
            Kind::Mou => "Nota Kesepahaman",
            Kind::Agreement => "Persetujuan",
            Kind::Protocol => "Protokol",
        };
        let sector = if names.is_empty() {
            String::new()
        } else {
            format!(" pada Sektor {}", join(&names, "dan"))
        };
        format!(
            "{kind} antara {} dan {} tentang Perekrutan, Penempatan, dan Pelindungan Pekerja Migran{sector}",
            country(&origin),
            country(&destination)
        )
    } else {
        let kind = match sheet.agreement.kind {
            Kind::Mou => "Memorandum of Understanding",
            Kind::Agreement => "Agreement",
            Kind::Protocol => "Protocol",
        };
        let sector = if names.is_empty() {
            String::new()
        } else {
            format!(" in {}", join(&names, "and"))
        };
        format!(
            "{kind} between {} and {} on the Recruitment, Placement and Protection of Migrant Workers{sector}",
            country(&origin),
            country(&destination)
        )
    }
}

/// The template context for `language` (see templates/README.md), without `article` and `refs`.
pub fn context(sheet: &TermSheet, language: &str) -> Value {
    let covers = |s: Sector| sheet.covers(s);
    let terms = &sheet.terms;
    let number = |v: &Option<i64>| v.map_or(Value::Null, |v| json!(v));
    json!({
        "lang": language,
        "refs": {},
        "agreement": {
            "name": agreement_name(sheet.agreement.kind, language),
            "kind": match sheet.agreement.kind { Kind::Mou => "mou", Kind::Agreement => "agreement", Kind::Protocol => "protocol" },
            "place": sheet.agreement.place.as_deref().map(markdown_safe),
            "duration_years": number(&sheet.agreement.duration_years),
            "renewal": sheet.agreement.renewal.map(|r| match r { Renewal::Automatic => "automatic", Renewal::ByAgreement => "by-agreement" }),
            "termination_notice_months": number(&sheet.agreement.termination_notice_months),
        },
        "origin": party(&sheet.origin, language),
        "destination": party(&sheet.destination, language),
        "sectors": {
            "domestic_work": covers(Sector::DomesticWork),
            "care_work": covers(Sector::CareWork),
            "household": covers(Sector::DomesticWork) || covers(Sector::CareWork),
            "manufacturing": covers(Sector::Manufacturing),
            "construction": covers(Sector::Construction),
            "agriculture": covers(Sector::Agriculture),
            "fishing": covers(Sector::Fishing),
            "other": covers(Sector::Other),
        },
        "terms": {
            "minimum_monthly_wage": terms.minimum_monthly_wage.as_ref().map(|m| json!({ "amount": m.amount, "currency": markdown_safe(&m.currency) })),
            "recruitment_costs": terms.recruitment_costs.map(Costs::name),
            "contract_years": number(&terms.contract_years),
            "weekly_rest_days": number(&terms.weekly_rest_days),
            "annual_leave_days": number(&terms.annual_leave_days),
            "wage_payment": terms.wage_payment.map(|_| "bank-transfer"),
            "joint_committee_meets": terms.joint_committee_meets,
        },
    })
}

/// The requirements a term sheet's agreement implements, in profile order: the profile's, less those for
/// sectors the agreement does not cover.
pub fn requirements<'c>(
    sheet: &TermSheet,
    sheet_name: &str,
    catalogue: &'c Catalogue,
) -> Result<Vec<&'c Requirement>, DraftError> {
    let profile = profile(sheet, sheet_name, catalogue)?;
    let sectors: Vec<&str> = sheet.workers.sectors.iter().map(|s| s.name()).collect();
    Ok(profile
        .requirements
        .iter()
        .filter_map(|id| catalogue.requirement(id))
        .filter(|r| r.sectors.is_empty() || r.sectors.iter().any(|s| sectors.contains(&s.as_str())))
        .collect())
}

/// The catalogue profile a term sheet names, in any case and with spaces or underscores for hyphens
/// ("Domestic Work" is `domestic-work`).
pub fn profile<'c>(
    sheet: &TermSheet,
    sheet_name: &str,
    catalogue: &'c Catalogue,
) -> Result<&'c Profile, DraftError> {
    let written = &sheet.standards.profile;
    let wanted = crate::vocabulary::normalise(written);
    catalogue
        .profile(written)
        .or_else(|| {
            catalogue
                .profiles
                .keys()
                .find(|name| crate::vocabulary::normalise(name) == wanted)
                .and_then(|name| catalogue.profile(name))
        })
        .ok_or_else(|| DraftError::UnknownProfile {
            name: sheet_name.to_string(),
            line: sheet.standards.line,
            column: sheet.standards.column,
            profile: written.clone(),
            known: catalogue
                .profiles
                .keys()
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
        })
}

fn article_word(language: &str) -> &'static str {
    if language == "id" { "Pasal" } else { "Article" }
}

/// The provenance comment under an article's heading: which requirement, which instrument articles.
fn provenance(requirement: &Requirement) -> String {
    let sources: Vec<String> = requirement.sources.iter().map(|s| s.citation()).collect();
    // "--" cannot appear inside an HTML comment; catalogue text never has it, but a custom catalogue might.
    let body =
        format!("{} — implements {}", requirement.id, sources.join("; ")).replace("--", "\u{2013}");
    format!("<!-- pakta: {body} -->")
}

/// Renders every requested language of the agreement.
pub fn draft(
    sheet: &TermSheet,
    sheet_name: &str,
    catalogue: &Catalogue,
    models: &ModelClauses,
    languages: &[String],
) -> Result<Vec<Draft>, DraftError> {
    let requirements = requirements(sheet, sheet_name, catalogue)?;
    for language in languages {
        for p in [&sheet.origin, &sheet.destination] {
            if p.names(language).is_none() {
                return Err(DraftError::Untranslated {
                    name: sheet_name.to_string(),
                    language: language.clone(),
                    role: if p.role == Role::Origin {
                        "origin"
                    } else {
                        "destination"
                    },
                    field: p.untranslated.clone().unwrap_or_default(),
                });
            }
        }
    }
    let mut out = Vec::new();
    for language in languages {
        let mut ctx = context(sheet, language);
        let refs: Map<String, Value> = requirements
            .iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    r.id.clone(),
                    Value::from(format!("{} {}", article_word(language), i + 1)),
                )
            })
            .collect();
        ctx["refs"] = Value::Object(refs);
        let mut articles = Vec::new();
        let mut numbers = Vec::new();
        for (i, requirement) in requirements.iter().enumerate() {
            let number = (i + 1) as u32;
            ctx["article"] = Value::from(format!("{} {number}", article_word(language)));
            let text = models.render(&requirement.model_clause, language, &ctx)?;
            let text = text.trim();
            let (heading, body) = text.split_once('\n').unwrap_or((text, ""));
            articles.push(format!(
                "{heading}\n\n{}\n\n{}",
                provenance(requirement),
                body.trim()
            ));
            numbers.push((requirement.id.clone(), number));
        }
        let mut instruments: Vec<String> = Vec::new();
        for instrument in &catalogue.instruments {
            let cited = requirements
                .iter()
                .any(|r| r.sources.iter().any(|s| s.instrument == instrument.id));
            let for_sector = instrument.sectors.is_empty()
                || instrument
                    .sectors
                    .iter()
                    .any(|s| sheet.workers.sectors.iter().any(|w| w.name() == s));
            if cited && for_sector && instrument.kind == "convention" {
                let title = if language == "id" {
                    instrument.title_id.as_ref().unwrap_or(&instrument.title)
                } else {
                    &instrument.title
                };
                instruments.push(title.clone());
            }
        }
        let languages_phrase = {
            let names: Vec<String> = languages
                .iter()
                .map(|l| match (language.as_str(), l.as_str()) {
                    ("id", "id") => "bahasa Indonesia".to_string(),
                    ("id", _) => "bahasa Inggris".to_string(),
                    (_, "id") => "Indonesian".to_string(),
                    _ => "English".to_string(),
                })
                .collect();
            if language == "id" {
                join(&names, "dan")
            } else {
                format!(
                    "{} language{}",
                    join(&names, "and"),
                    if names.len() > 1 { "s" } else { "" }
                )
            }
        };
        ctx["title"] = Value::from(title(sheet, language));
        ctx["instruments"] = json!(instruments);
        ctx["articles"] = json!(articles);
        ctx["languages"] = Value::from(languages_phrase);
        ctx["signed_by_governments"] =
            Value::from(sheet.origin.government && sheet.destination.government);
        let body = models.render("agreement", language, &ctx)?;
        let markdown = format!(
            "{}{}",
            front_matter(sheet, sheet_name, language, catalogue),
            body.trim_start()
        );
        out.push(Draft {
            language: language.clone(),
            markdown,
            articles: numbers,
        });
    }
    Ok(out)
}

fn front_matter(
    sheet: &TermSheet,
    sheet_name: &str,
    language: &str,
    catalogue: &Catalogue,
) -> String {
    // JSON strings are valid YAML double-quoted scalars, so every value is written through serde_json.
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string());
    let party = |p: &Party, role: &str| {
        let names = p.names_or_english(language);
        let short = names
            .signatory_short
            .as_deref()
            .map(|s| format!("    short: {}\n", quote(s)))
            .unwrap_or_default();
        format!(
            "  - name: {}\n{short}    role: {role}\n",
            quote(&names.signatory)
        )
    };
    let sectors: Vec<String> = sheet
        .workers
        .sectors
        .iter()
        .map(|s| quote(s.name()))
        .collect();
    format!(
        "---\ntitle: {}\nlanguage: {language}\nparties:\n{}{}sectors: [{}]\nstatus: draft\ngenerated-from: {}\ncatalogue: {}\n---\n\n",
        // Front matter is not Markdown: the title's Markdown escapes are undone, and JSON quoting keeps it
        // a plain string (a title "MoU <b>" stays those characters, not "&lt;b&gt;").
        quote(&pakta_core::text::collapse_whitespace(
            &title(sheet, language)
                .replace('\\', "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        )),
        party(&sheet.origin, "origin"),
        party(&sheet.destination, "destination"),
        sectors.join(", "),
        quote(sheet_name),
        quote(&format!(
            "pakta {} ({} requirements)",
            env!("CARGO_PKG_VERSION"),
            catalogue.requirements.len()
        )),
    )
}
