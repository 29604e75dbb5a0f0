//! The standards catalogue: instruments, requirements and profiles, loaded from TOML text and validated.
//!
//! The catalogue is data (`agreements/standards/*.toml`), so a ministry can extend it without touching code.
//! Loading takes file names and texts, never paths to read: the caller does the I/O. Every problem is
//! reported with the file, line and column, because the people who edit these files are lawyers, not
//! programmers, and "invalid catalogue" alone would leave them guessing.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use miette::Diagnostic;
use pakta_core::LineIndex;
use serde::Deserialize;
use thiserror::Error;
use toml::Spanned;

use crate::norms::{NormRule, RawNormRule};
use crate::pattern::Pattern;

/// A catalogue file handed to [`Catalogue::load`]: a display name (path) and its text.
#[derive(Debug, Clone)]
pub struct CatalogueFile {
    pub name: String,
    pub text: String,
}

/// A problem in catalogue data, located in its file.
#[derive(Debug, Error, Diagnostic)]
#[error("{name}:{line}:{column}: {message}")]
#[diagnostic(code(pakta::catalogue))]
pub struct CatalogueError {
    pub name: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl CatalogueError {
    fn at(file: &CatalogueFile, offset: usize, message: impl Into<String>) -> CatalogueError {
        let offset = offset.min(file.text.len());
        let (line, column) = LineIndex::new(&file.text).line_col(&file.text, offset);
        CatalogueError {
            name: file.name.clone(),
            line,
            column,
            message: message.into(),
        }
    }
}

/// A text in English and Bahasa Indonesia.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub en: String,
    pub id: String,
}

impl Localized {
    /// The Indonesian text for `id`, the English one for every other language.
    pub fn get(&self, language: &str) -> &str {
        if language == "id" { &self.id } else { &self.en }
    }
}

/// An instrument that sources cite.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: String,
    pub title: String,
    /// The title in Bahasa Indonesia, for Indonesian drafts' preambles.
    #[serde(default)]
    pub title_id: Option<String>,
    /// Sectors the instrument is specific to (C188: fishing); drafts cite it only for those.
    #[serde(default)]
    pub sectors: Vec<String>,
    pub year: u32,
    pub body: String,
    pub kind: String,
}

/// Where in an instrument a requirement comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub instrument: String,
    /// As a lawyer cites it: `Art. 15(1)(e)`, `Annex I, Art. 5`, `General Principle 7`.
    pub at: String,
    /// Whether the citation was checked against the instrument's text.
    pub verified: bool,
    pub note: Option<String>,
}

impl Source {
    /// `C189 Art. 15(1)(e)`.
    pub fn citation(&self) -> String {
        format!("{} {}", self.instrument, self.at)
    }

    /// The citation, marked `(unverified)` where its text could not be checked.
    pub fn marked_citation(&self) -> String {
        let mark = if self.verified { "" } else { " (unverified)" };
        format!("{}{mark}", self.citation())
    }
}

/// Every source of a requirement, marked, in one line: "C189 Art. 15; ICRMW Art. 6 (unverified)".
pub fn cited_sources(sources: &[Source]) -> String {
    sources
        .iter()
        .map(Source::marked_citation)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Pattern lists in each language, as written in the catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    pub en: Vec<String>,
    pub id: Vec<String>,
    /// Every pattern of `en` then `id`, compiled once by the loader (which has to compile them to check
    /// them) so that a checker does not compile them again.
    compiled: Vec<Pattern>,
    /// An Indonesian pattern written with one word for a party, with each other word for it (the
    /// lexicon's `[grammar] interchangeable`): matched as the pattern itself, never listed.
    variants: Vec<(String, Pattern)>,
}

impl Lexicon {
    /// Every pattern, English first.
    pub fn all(&self) -> impl Iterator<Item = &String> {
        self.en.iter().chain(&self.id)
    }

    /// Every pattern with its compiled form, English first, then the party-word variants.
    pub(crate) fn compiled(&self) -> impl Iterator<Item = (&String, &Pattern)> {
        self.all()
            .zip(&self.compiled)
            .chain(self.variants.iter().map(|(text, pattern)| (text, pattern)))
    }
}

/// The patterns `text` stands for with the other words for the parties it names (none when it names
/// none). Each party's word is replaced on its own, not in combination, wherever it stands as whole words.
fn party_variants(text: &str) -> Vec<String> {
    // Compared word by word: every check compiles the two thousand Indonesian patterns, and a substring
    // search per party word was a fiftieth of a check.
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for group in party_groups() {
        let found = |phrase: &[&str]| words.windows(phrase.len()).any(|window| window == phrase);
        let Some(used) = group.iter().find(|phrase| found(phrase)) else {
            continue;
        };
        for other in group.iter().filter(|phrase| *phrase != used) {
            let mut variant: Vec<&str> = Vec::with_capacity(words.len() + other.len());
            let mut i = 0;
            while i < words.len() {
                if words[i..].starts_with(used) {
                    variant.extend(other);
                    i += used.len();
                } else {
                    variant.push(words[i]);
                    i += 1;
                }
            }
            out.push(variant.join(" "));
        }
    }
    out
}

/// The lexicon's `[grammar] interchangeable` groups with each party's name split into its words, split
/// once: splitting them again for each of the catalogue's two thousand Indonesian patterns was most of
/// what [`party_variants`] cost.
fn party_groups() -> &'static [Vec<Vec<&'static str>>] {
    static GROUPS: OnceLock<Vec<Vec<Vec<&'static str>>>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        pakta_norms::lexicon::interchangeable()
            .iter()
            .map(|group| group.iter().map(|name| name.split(' ').collect()).collect())
            .collect()
    })
}

/// A part of a complete clause (e.g. overtime pay within working time and rest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub patterns: Lexicon,
}

/// What a standard asks a bilateral agreement to address.
#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    pub id: String,
    pub topic: String,
    pub title: Localized,
    pub summary: Localized,
    pub sources: Vec<Source>,
    /// The stem of its model clause templates: `templates/clauses/<model_clause>.<lang>.hbs`.
    pub model_clause: String,
    /// Whether "may"/"should" from a party dilutes it (false for procedural clauses such as termination).
    pub obligation: bool,
    /// Whether it grants workers something, so that a denied cue ("no minimum wage shall apply", "shall
    /// not join trade unions") contradicts it. Prohibitions (no fees, no confiscation) are not entitlements:
    /// for them a negated cue is compliance.
    pub entitlement: bool,
    /// Whether it protects workers, so that the rules every protection shares apply to it (an exclusion,
    /// a consent condition, a waiver take it away). False for the framework: scope, authorities, committees.
    pub protects_workers: bool,
    /// Whether its standard gives what it protects free of charge ("free of charge", "the costs are not
    /// passed on to the fisher"), so that a cost laid on the worker in its own clauses takes it back
    /// rather than leaving a reader's question.
    pub free_to_worker: bool,
    /// Which norms satisfy or contradict it, in role terms (see [`crate::norms`]).
    pub norms: Vec<NormRule>,
    /// Sectors it applies to; empty means every agreement.
    pub sectors: Vec<String>,
    pub cues: Lexicon,
    /// Names of the topic that count as a cue only in an article's heading ("Taxation", *Pajak*,
    /// "Protection against Abuse"): a whole article headed so is about the topic, though the word alone
    /// in a clause says little.
    pub headings: Lexicon,
    pub context: Lexicon,
    pub contradicts: Lexicon,
    pub elements: Vec<Element>,
    /// The catalogue file it came from.
    pub file: String,
}

/// A named selection of requirements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    pub description: String,
    /// Requirement ids, in catalogue order.
    pub requirements: Vec<String>,
    /// Sectors the profile assumes the agreement covers (sector-specific requirements then apply).
    pub sectors: Vec<String>,
}

/// The whole catalogue.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub instruments: Vec<Instrument>,
    /// In file-name order, then file order.
    pub requirements: Vec<Requirement>,
    pub profiles: BTreeMap<String, Profile>,
    /// Words that show an agreement covers a sector (`domestic-work`: "domestic worker", "pekerja rumah tangga").
    pub sectors: BTreeMap<String, Lexicon>,
}

// ---- raw file shapes -------------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInstruments {
    #[serde(default)]
    instrument: Vec<Spanned<Instrument>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequirements {
    #[serde(default)]
    requirement: Vec<Spanned<RawRequirement>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequirement {
    id: Spanned<String>,
    topic: String,
    model_clause: Spanned<String>,
    #[serde(default = "yes")]
    obligation: bool,
    #[serde(default)]
    entitlement: bool,
    #[serde(default = "yes")]
    protects_workers: bool,
    #[serde(default)]
    free_to_worker: bool,
    #[serde(default)]
    norms: Vec<Spanned<RawNormRule>>,
    #[serde(default)]
    sectors: Vec<Spanned<String>>,
    title: Localized,
    summary: Localized,
    sources: Vec<Spanned<RawSource>>,
    #[serde(default)]
    cues: RawLexicon,
    #[serde(default)]
    context: RawLexicon,
    #[serde(default)]
    contradicts: RawLexicon,
    #[serde(default)]
    headings: RawLexicon,
    #[serde(default)]
    elements: Vec<RawElement>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    instrument: Spanned<String>,
    at: String,
    verified: bool,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    #[serde(default)]
    en: Vec<Spanned<String>>,
    #[serde(default)]
    id: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawElement {
    name: String,
    #[serde(default)]
    en: Vec<Spanned<String>>,
    #[serde(default)]
    id: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfiles {
    /// The order reports list requirements in; unlisted ones follow in file order.
    #[serde(default)]
    order: Vec<Spanned<String>>,
    #[serde(default)]
    profile: BTreeMap<String, Spanned<RawProfile>>,
    #[serde(default)]
    sector: BTreeMap<String, RawLexicon>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    description: String,
    /// Every requirement in the catalogue.
    #[serde(default)]
    all: bool,
    /// Other profiles whose requirements this one includes.
    #[serde(default)]
    extends: Vec<Spanned<String>>,
    /// Every requirement citing one of these instruments.
    #[serde(default)]
    instruments: Vec<Spanned<String>>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    sectors: Vec<Spanned<String>>,
}

const INSTRUMENTS_FILE: &str = "instruments.toml";
const PROFILES_FILE: &str = "profiles.toml";

fn parse_toml<'de, T: Deserialize<'de>>(file: &'de CatalogueFile) -> Result<T, CatalogueError> {
    // A file of the embedded catalogue is read from the form the build script parsed it into, with the
    // same spans: parsing the TOML was a third of a short check. Should that form not fit the types, the
    // TOML is parsed, for the error with its line and column.
    if let Some(parsed) = crate::encoded_catalogue_file(&file.text)
        .and_then(|encoded| pakta_prebuilt::from_slice(encoded).ok())
    {
        return Ok(parsed);
    }
    toml::from_str(&file.text).map_err(|err| {
        let offset = err.span().map_or(0, |s| s.start);
        let message = err.message().trim().to_string();
        CatalogueError::at(file, offset, format!("malformed catalogue TOML: {message}"))
    })
}

/// [`parse_toml`] for several files, on as many threads as there are cores: parsing the TOML is most of the
/// time it takes to load the catalogue, which every `pakta check` does before reading the agreement.
fn parse_all<'de, T: Deserialize<'de> + Send>(
    files: &[&'de CatalogueFile],
) -> Vec<Result<T, CatalogueError>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || files.len() < 2 {
        return files.iter().map(|file| parse_toml(file)).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|file| parse_toml(file)).collect::<Vec<_>>())
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| match worker.join() {
                Ok(parsed) => parsed,
                // Parsing does not panic on any input; if it ever did, the panic belongs to the caller.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

impl Catalogue {
    /// Loads and validates a catalogue from its files: `instruments.toml`, `profiles.toml`, and any number of
    /// requirement files. Stops at the first problem, naming its file, line and column.
    pub fn load(files: &[CatalogueFile]) -> Result<Catalogue, CatalogueError> {
        let mut files: Vec<&CatalogueFile> = files.iter().collect();
        files.sort_by(|a, b| base_name(&a.name).cmp(base_name(&b.name)));
        let instruments_file = files
            .iter()
            .find(|f| base_name(&f.name) == INSTRUMENTS_FILE)
            .ok_or_else(|| missing_file(&files, INSTRUMENTS_FILE))?;
        let profiles_file = files
            .iter()
            .find(|f| base_name(&f.name) == PROFILES_FILE)
            .ok_or_else(|| missing_file(&files, PROFILES_FILE))?;

        let mut instruments = Vec::new();
        let mut instrument_ids = BTreeSet::new();
        for entry in parse_toml::<RawInstruments>(instruments_file)?.instrument {
            let offset = entry.span().start;
            let instrument = entry.into_inner();
            if !instrument_ids.insert(instrument.id.clone()) {
                return Err(CatalogueError::at(
                    instruments_file,
                    offset,
                    format!("duplicate instrument id `{}`", instrument.id),
                ));
            }
            instruments.push(instrument);
        }

        let mut requirements: Vec<Requirement> = Vec::new();
        let mut seen: BTreeMap<String, (&CatalogueFile, usize)> = BTreeMap::new();
        let requirement_files: Vec<&CatalogueFile> = files
            .iter()
            .copied()
            .filter(|f| {
                let base = base_name(&f.name);
                base != INSTRUMENTS_FILE && base != PROFILES_FILE
            })
            .collect();
        // Errors are still reported for the first bad file in name order: the files are parsed together
        // but looked at in order.
        for (file, parsed) in requirement_files
            .iter()
            .zip(parse_all::<RawRequirements>(&requirement_files))
        {
            for raw in parsed?.requirement {
                let offset = raw.get_ref().id.span().start;
                let requirement = requirement(file, raw.into_inner(), &instrument_ids)?;
                if let Some((other, other_offset)) = seen.get(&requirement.id) {
                    let (other_line, _) =
                        LineIndex::new(&other.text).line_col(&other.text, *other_offset);
                    return Err(CatalogueError::at(
                        file,
                        offset,
                        format!(
                            "duplicate requirement id `{}` (first defined at {}:{other_line})",
                            requirement.id, other.name
                        ),
                    ));
                }
                seen.insert(requirement.id.clone(), (file, offset));
                requirements.push(requirement);
            }
        }
        if requirements.is_empty() {
            return Err(CatalogueError::at(
                profiles_file,
                0,
                "the catalogue has no requirements (no `[[requirement]]` in any file beside profiles.toml)",
            ));
        }

        let raw_profiles = parse_toml::<RawProfiles>(profiles_file)?;
        let mut rank: BTreeMap<&str, usize> = BTreeMap::new();
        for (position, id) in raw_profiles.order.iter().enumerate() {
            if !requirements.iter().any(|r| &r.id == id.get_ref()) {
                return Err(CatalogueError::at(
                    profiles_file,
                    id.span().start,
                    format!("`order` names unknown requirement `{}`", id.get_ref()),
                ));
            }
            rank.entry(id.get_ref()).or_insert(position);
        }
        let mut ranked: Vec<(usize, Requirement)> = requirements
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    rank.get(r.id.as_str())
                        .copied()
                        .unwrap_or(usize::MAX / 2 + i),
                    r,
                )
            })
            .collect();
        ranked.sort_by_key(|(key, _)| *key);
        let requirements: Vec<Requirement> = ranked.into_iter().map(|(_, r)| r).collect();
        let mut sectors = BTreeMap::new();
        for (name, lexicon) in raw_profiles.sector {
            sectors.insert(name, lexicon_of(profiles_file, lexicon)?);
        }
        let profiles = profiles(profiles_file, raw_profiles.profile, &requirements, &sectors)?;
        for requirement in &requirements {
            for sector in &requirement.sectors {
                if !sectors.contains_key(sector) {
                    let file = files
                        .iter()
                        .find(|f| f.name == requirement.file)
                        .copied()
                        .unwrap_or(profiles_file);
                    return Err(CatalogueError::at(
                        file,
                        find_id(&file.text, &requirement.id),
                        format!(
                            "requirement `{}` names sector `{sector}`, which profiles.toml does not define (known: {})",
                            requirement.id,
                            sectors.keys().cloned().collect::<Vec<_>>().join(", ")
                        ),
                    ));
                }
            }
        }
        Ok(Catalogue {
            instruments,
            requirements,
            profiles,
            sectors,
        })
    }

    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    pub fn instrument(&self, id: &str) -> Option<&Instrument> {
        self.instruments.iter().find(|i| i.id == id)
    }

    pub fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.get(name)
    }
}

fn missing_file(files: &[&CatalogueFile], wanted: &str) -> CatalogueError {
    let name = files
        .first()
        .map(|f| match f.name.rfind(['/', '\\']) {
            Some(i) => format!("{}/{wanted}", &f.name[..i]),
            None => wanted.to_string(),
        })
        .unwrap_or_else(|| wanted.to_string());
    CatalogueError {
        name,
        line: 1,
        column: 1,
        message: format!("the catalogue has no {wanted}"),
    }
}

/// The offset of `id = "<id>"` in a file, for messages about a whole requirement.
fn find_id(text: &str, id: &str) -> usize {
    let quoted = format!("\"{id}\"");
    text.match_indices(&quoted)
        .find(|(i, _)| {
            text[..*i].trim_end().ends_with('=')
                && text[..*i]
                    .trim_end()
                    .trim_end_matches('=')
                    .trim_end()
                    .ends_with("id")
        })
        .map_or(0, |(i, _)| i)
}

fn requirement(
    file: &CatalogueFile,
    raw: RawRequirement,
    instruments: &BTreeSet<String>,
) -> Result<Requirement, CatalogueError> {
    let id_offset = raw.id.span().start;
    let id = raw.id.into_inner();
    if !is_kebab(&id) {
        return Err(CatalogueError::at(
            file,
            id_offset,
            format!(
                "requirement id `{id}` is not kebab-case (lower-case letters, digits and single hyphens)"
            ),
        ));
    }
    if !is_kebab(&raw.topic) {
        return Err(CatalogueError::at(
            file,
            id_offset,
            format!(
                "requirement `{id}`: topic `{}` is not kebab-case",
                raw.topic
            ),
        ));
    }
    let model_offset = raw.model_clause.span().start;
    let model_clause = raw.model_clause.into_inner();
    if !is_kebab(&model_clause) {
        return Err(CatalogueError::at(
            file,
            model_offset,
            format!("requirement `{id}`: model_clause `{model_clause}` is not a template stem"),
        ));
    }
    for (what, text) in [
        ("title.en", &raw.title.en),
        ("title.id", &raw.title.id),
        ("summary.en", &raw.summary.en),
        ("summary.id", &raw.summary.id),
    ] {
        if text.trim().is_empty() {
            return Err(CatalogueError::at(
                file,
                id_offset,
                format!("requirement `{id}`: {what} is empty"),
            ));
        }
    }
    if raw.sources.is_empty() {
        return Err(CatalogueError::at(
            file,
            id_offset,
            format!("requirement `{id}` cites no sources"),
        ));
    }
    let mut sources = Vec::new();
    for source in raw.sources {
        let source = source.into_inner();
        let offset = source.instrument.span().start;
        let instrument = source.instrument.into_inner();
        if !instruments.contains(&instrument) {
            return Err(CatalogueError::at(
                file,
                offset,
                format!(
                    "requirement `{id}` cites unknown instrument `{instrument}` (known: {})",
                    instruments.iter().cloned().collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        if !source.verified && source.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
            return Err(CatalogueError::at(
                file,
                offset,
                format!(
                    "requirement `{id}`: an unverified source ({instrument} {}) needs a `note` saying what is uncertain",
                    source.at
                ),
            ));
        }
        sources.push(Source {
            instrument,
            at: source.at,
            verified: source.verified,
            note: source.note,
        });
    }
    let cues = lexicon_of(file, raw.cues)?;
    let context = lexicon_of(file, raw.context)?;
    let contradicts = lexicon_of(file, raw.contradicts)?;
    let headings = lexicon_of(file, raw.headings)?;
    let mut elements = Vec::new();
    for element in raw.elements {
        elements.push(Element {
            name: element.name,
            patterns: lexicon_of(
                file,
                RawLexicon {
                    en: element.en,
                    id: element.id,
                },
            )?,
        });
    }
    if cues.all().next().is_none() && elements.iter().all(|e| e.patterns.all().next().is_none()) {
        return Err(CatalogueError::at(
            file,
            id_offset,
            format!("requirement `{id}` has no cues, so nothing could ever match it"),
        ));
    }
    let mut norms = Vec::new();
    for rule in raw.norms {
        let offset = rule.span().start;
        norms.push(NormRule::from_raw(rule.into_inner()).map_err(|why| {
            CatalogueError::at(file, offset, format!("requirement `{id}`: {why}"))
        })?);
    }
    Ok(Requirement {
        id,
        topic: raw.topic,
        title: raw.title,
        summary: raw.summary,
        sources,
        model_clause,
        obligation: raw.obligation,
        entitlement: raw.entitlement,
        protects_workers: raw.protects_workers,
        free_to_worker: raw.free_to_worker,
        norms,
        sectors: raw.sectors.into_iter().map(Spanned::into_inner).collect(),
        cues,
        context,
        contradicts,
        headings,
        elements,
        file: file.name.clone(),
    })
}

/// Checks every pattern compiles and returns the plain lists.
fn lexicon_of(file: &CatalogueFile, raw: RawLexicon) -> Result<Lexicon, CatalogueError> {
    let mut compiled = Vec::with_capacity(raw.en.len() + raw.id.len());
    let mut check = |list: Vec<Spanned<String>>| -> Result<Vec<String>, CatalogueError> {
        list.into_iter()
            .map(|pattern| {
                let offset = pattern.span().start;
                let text = pattern.into_inner();
                let pattern =
                    Pattern::compile(&text).map_err(|why| CatalogueError::at(file, offset, why))?;
                compiled.push(pattern);
                Ok(text)
            })
            .collect()
    };
    let en = check(raw.en)?;
    let id = check(raw.id)?;
    let variants = id
        .iter()
        .flat_map(|text| party_variants(text))
        .filter(|variant| !id.contains(variant))
        .filter_map(|variant| Pattern::compile(&variant).ok().map(|p| (variant, p)))
        .collect();
    Ok(Lexicon {
        en,
        id,
        compiled,
        variants,
    })
}

fn profiles(
    file: &CatalogueFile,
    raw: BTreeMap<String, Spanned<RawProfile>>,
    requirements: &[Requirement],
    sectors: &BTreeMap<String, Lexicon>,
) -> Result<BTreeMap<String, Profile>, CatalogueError> {
    let known: BTreeSet<&str> = requirements.iter().map(|r| r.id.as_str()).collect();
    let mut resolved: BTreeMap<String, Profile> = BTreeMap::new();
    // Resolve in dependency order; a profile may extend one defined later in the file.
    let mut pending: Vec<(String, Spanned<RawProfile>)> = raw.into_iter().collect();
    while !pending.is_empty() {
        let before = pending.len();
        let mut still = Vec::new();
        for (name, profile) in pending {
            if profile
                .get_ref()
                .extends
                .iter()
                .all(|e| resolved.contains_key(e.get_ref()))
            {
                let built = profile_of(
                    file,
                    &name,
                    profile.into_inner(),
                    requirements,
                    &known,
                    &resolved,
                    sectors,
                )?;
                resolved.insert(name, built);
            } else {
                still.push((name, profile));
            }
        }
        if still.len() == before {
            let (name, profile) = &still[0];
            let missing = profile
                .get_ref()
                .extends
                .iter()
                .find(|e| !resolved.contains_key(e.get_ref()))
                .map_or(profile.span().start, |e| e.span().start);
            return Err(CatalogueError::at(
                file,
                missing,
                format!(
                    "profile `{name}` extends a profile that does not exist or extends it back"
                ),
            ));
        }
        pending = still;
    }
    if resolved.is_empty() {
        return Err(CatalogueError::at(
            file,
            0,
            "profiles.toml defines no `[profile.<name>]`",
        ));
    }
    Ok(resolved)
}

fn profile_of(
    file: &CatalogueFile,
    name: &str,
    raw: RawProfile,
    requirements: &[Requirement],
    known: &BTreeSet<&str>,
    resolved: &BTreeMap<String, Profile>,
    sectors: &BTreeMap<String, Lexicon>,
) -> Result<Profile, CatalogueError> {
    let mut chosen: BTreeSet<String> = BTreeSet::new();
    let mut profile_sectors: BTreeSet<String> = BTreeSet::new();
    if raw.all {
        chosen.extend(requirements.iter().map(|r| r.id.clone()));
    }
    for parent in &raw.extends {
        if let Some(parent) = resolved.get(parent.get_ref()) {
            chosen.extend(parent.requirements.iter().cloned());
            profile_sectors.extend(parent.sectors.iter().cloned());
        }
    }
    for instrument in &raw.instruments {
        let cited: Vec<&Requirement> = requirements
            .iter()
            .filter(|r| {
                r.sources
                    .iter()
                    .any(|s| &s.instrument == instrument.get_ref())
            })
            .collect();
        if cited.is_empty() {
            return Err(CatalogueError::at(
                file,
                instrument.span().start,
                format!(
                    "profile `{name}`: no requirement cites instrument `{}`",
                    instrument.get_ref()
                ),
            ));
        }
        chosen.extend(cited.into_iter().map(|r| r.id.clone()));
    }
    for (list, add) in [(&raw.include, true), (&raw.exclude, false)] {
        for member in list {
            if !known.contains(member.get_ref().as_str()) {
                return Err(CatalogueError::at(
                    file,
                    member.span().start,
                    format!(
                        "profile `{name}` names unknown requirement `{}`",
                        member.get_ref()
                    ),
                ));
            }
            if add {
                chosen.insert(member.get_ref().clone());
            } else {
                chosen.remove(member.get_ref());
            }
        }
    }
    for sector in &raw.sectors {
        if !sectors.contains_key(sector.get_ref()) {
            return Err(CatalogueError::at(
                file,
                sector.span().start,
                format!(
                    "profile `{name}` names unknown sector `{}`",
                    sector.get_ref()
                ),
            ));
        }
        profile_sectors.insert(sector.get_ref().clone());
    }
    Ok(Profile {
        name: name.to_string(),
        description: raw.description,
        requirements: requirements
            .iter()
            .filter(|r| chosen.contains(&r.id))
            .map(|r| r.id.clone())
            .collect(),
        sectors: profile_sectors.into_iter().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::party_variants;

    #[test]
    fn a_party_word_is_swapped_for_each_other_word_of_its_group() {
        assert_eq!(
            party_variants("paspor .. disimpan oleh pemberi kerja"),
            vec![
                "paspor .. disimpan oleh pengguna",
                "paspor .. disimpan oleh majikan"
            ]
        );
        assert_eq!(
            party_variants("majikan menahan paspor majikan"),
            vec![
                "pemberi kerja menahan paspor pemberi kerja",
                "pengguna menahan paspor pengguna"
            ]
        );
    }

    #[test]
    fn only_whole_words_are_party_words() {
        assert!(party_variants("penggunaan dokumen").is_empty());
        assert!(party_variants("pemberi kerja*").is_empty());
        assert!(party_variants("biaya penempatan").is_empty());
    }
}
