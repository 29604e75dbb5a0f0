//! The coverage check: for each requirement of a profile, which clauses address it and how well.
//!
//! The method, in order (ARCHITECTURE.md explains why):
//! 1. The agreement becomes *units*: every clause, every article heading, the preamble. Definitions,
//!    purpose articles and the preamble are *secondary*: they count only when no operative clause matches.
//! 2. Each unit is tokenised once and every catalogue pattern is found through one index.
//! 3. A requirement matches a unit on one cue, or on two different context words.
//! 4. Its status comes from what the matched units say: an un-negated contradiction → `weaker`; every
//!    matched unit hedged ("shall endeavour") or merely permitted ("the Parties may") → `weaker`; some
//!    elements missing → `partial`; else `covered`. Nothing matched → `missing`; a sector the agreement
//!    does not cover → `not-applicable`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use pakta_core::lexicon::{self, Actor, Modality, Token};
use pakta_core::{Agreement, Article, Clause, Language};

use crate::catalogue::{Catalogue, Profile, Requirement};
use crate::pattern::{Hit, Pattern, PatternIndex};

/// A requirement's status in an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Covered,
    Partial,
    Weaker,
    Missing,
    NotApplicable,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Covered,
        Status::Partial,
        Status::Weaker,
        Status::Missing,
        Status::NotApplicable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Covered => "covered",
            Status::Partial => "partial",
            Status::Weaker => "weaker",
            Status::Missing => "missing",
            Status::NotApplicable => "not-applicable",
        }
    }

    /// What the status contributes to the overall score; `None` when it is left out of it.
    pub fn weight(self) -> Option<f64> {
        match self {
            Status::Covered => Some(1.0),
            Status::Partial => Some(0.5),
            Status::Weaker | Status::Missing => Some(0.0),
            Status::NotApplicable => None,
        }
    }
}

/// Why a pattern was found: the roles a catalogue pattern can play.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EvidenceKind {
    Cue,
    Context,
    Element,
    Contradiction,
    /// A contradiction pattern that a negator turned into compliance.
    NegatedContradiction,
    /// The modal that diluted the clause ("endeavour", "may").
    Hedge,
}

impl EvidenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Cue => "cue",
            EvidenceKind::Context => "context",
            EvidenceKind::Element => "element",
            EvidenceKind::Contradiction => "contradiction",
            EvidenceKind::NegatedContradiction => "negated-contradiction",
            EvidenceKind::Hedge => "hedge",
        }
    }
}

/// One piece of evidence: what was found, where.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub kind: EvidenceKind,
    /// The clause id (`art_6__para_1`), the article id for a heading, or `preamble`.
    pub clause: String,
    /// The article's printed number, if the evidence is in an article.
    pub article: Option<String>,
    /// The words as they stand in the agreement.
    pub text: String,
    /// The catalogue pattern that found them (for elements: `element-name: pattern`).
    pub pattern: String,
}

/// The result for one requirement.
#[derive(Debug, Clone, PartialEq)]
pub struct RequirementResult {
    pub requirement: String,
    pub status: Status,
    /// Confidence in the status, 0–1, rounded to two decimals.
    pub score: f64,
    /// Printed numbers of the articles that address it, in document order.
    pub articles: Vec<String>,
    /// Ids of the clauses that address it, in document order.
    pub clauses: Vec<String>,
    pub evidence: Vec<Evidence>,
    /// Element names found and missing (empty when the requirement defines no elements).
    pub elements_found: Vec<String>,
    pub elements_missing: Vec<String>,
    /// The id of the article that best addresses it (for the model-clause diff).
    pub best_article: Option<String>,
}

/// Counts per status and the overall score.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub counts: BTreeMap<Status, usize>,
    /// 0–100: covered = 1, partial = 0.5, weaker and missing = 0, not-applicable left out.
    pub score: f64,
}

impl Summary {
    pub fn count(&self, status: Status) -> usize {
        self.counts.get(&status).copied().unwrap_or(0)
    }
}

/// The outcome of checking one agreement against one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub profile: String,
    /// The language version that was checked.
    pub language: Language,
    /// Sectors the agreement covers: from front matter, else detected in the text, plus the profile's.
    pub sectors: Vec<String>,
    pub results: Vec<RequirementResult>,
    pub summary: Summary,
}

impl Coverage {
    pub fn result(&self, requirement: &str) -> Option<&RequirementResult> {
        self.results.iter().find(|r| r.requirement == requirement)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Cue,
    Context,
    Element(usize),
    Contradiction,
}

#[derive(Debug, Clone)]
struct PatternRole {
    requirement: usize,
    role: Role,
    text: String,
}

/// The catalogue compiled for matching: built once per process, used for every agreement.
#[derive(Debug)]
pub struct Checker<'c> {
    catalogue: &'c Catalogue,
    index: PatternIndex,
    roles: Vec<PatternRole>,
    sector_index: PatternIndex,
    sector_of: Vec<String>,
}

impl<'c> Checker<'c> {
    pub fn new(catalogue: &'c Catalogue) -> Checker<'c> {
        let mut index = PatternIndex::default();
        let mut roles = Vec::new();
        let mut add = |(text, pattern): (&String, &Pattern), requirement: usize, role: Role| {
            index.add_compiled(pattern.clone());
            roles.push(PatternRole {
                requirement,
                role,
                text: text.clone(),
            });
        };
        for (r, requirement) in catalogue.requirements.iter().enumerate() {
            requirement
                .cues
                .compiled()
                .for_each(|p| add(p, r, Role::Cue));
            requirement
                .context
                .compiled()
                .for_each(|p| add(p, r, Role::Context));
            requirement
                .contradicts
                .compiled()
                .for_each(|p| add(p, r, Role::Contradiction));
            for (e, element) in requirement.elements.iter().enumerate() {
                element
                    .patterns
                    .compiled()
                    .for_each(|p| add(p, r, Role::Element(e)));
            }
        }
        let mut sector_index = PatternIndex::default();
        let mut sector_of = Vec::new();
        for (sector, lexicon) in &catalogue.sectors {
            for (_, pattern) in lexicon.compiled() {
                sector_index.add_compiled(pattern.clone());
                sector_of.push(sector.clone());
            }
        }
        Checker {
            catalogue,
            index,
            roles,
            sector_index,
            sector_of,
        }
    }

    pub fn catalogue(&self) -> &'c Catalogue {
        self.catalogue
    }

    /// Checks `agreement` against `profile`. `language` picks the language version of a multilingual text;
    /// by default the one with most articles among English and Indonesian, else the document's.
    pub fn check(
        &self,
        agreement: &Agreement,
        profile: &Profile,
        language: Option<&Language>,
    ) -> Coverage {
        let language = language
            .cloned()
            .unwrap_or_else(|| checked_language(agreement));
        let units = units(agreement, &language);
        let scanned: Vec<Scanned> = units
            .iter()
            .map(|unit| {
                let tokens = lexicon::tokenize(unit.text);
                let hits = self.index.find(&tokens);
                Scanned { tokens, hits }
            })
            .collect();
        let sectors = self.sectors(agreement, profile, &scanned);
        let layout = Layout::of(&units);

        let mut results = Vec::new();
        for id in &profile.requirements {
            let Some((r, requirement)) = self
                .catalogue
                .requirements
                .iter()
                .enumerate()
                .find(|(_, q)| &q.id == id)
            else {
                continue;
            };
            if !requirement.sectors.is_empty()
                && !requirement.sectors.iter().any(|s| sectors.contains(s))
            {
                results.push(RequirementResult {
                    requirement: requirement.id.clone(),
                    status: Status::NotApplicable,
                    score: 1.0,
                    articles: Vec::new(),
                    clauses: Vec::new(),
                    evidence: Vec::new(),
                    elements_found: Vec::new(),
                    elements_missing: Vec::new(),
                    best_article: None,
                });
                continue;
            }
            results.push(self.assess(r, requirement, &units, &scanned, &layout));
        }

        let mut counts = BTreeMap::new();
        let (mut earned, mut possible) = (0.0, 0.0);
        for result in &results {
            *counts.entry(result.status).or_insert(0) += 1;
            if let Some(weight) = result.status.weight() {
                earned += weight;
                possible += 1.0;
            }
        }
        let score = if possible > 0.0 {
            round(100.0 * earned / possible, 1)
        } else {
            0.0
        };
        Coverage {
            profile: profile.name.clone(),
            language,
            sectors: sectors.into_iter().collect(),
            results,
            summary: Summary { counts, score },
        }
    }

    fn sectors(
        &self,
        agreement: &Agreement,
        profile: &Profile,
        scanned: &[Scanned],
    ) -> BTreeSet<String> {
        let mut sectors: BTreeSet<String> = profile.sectors.iter().cloned().collect();
        if !agreement.meta.sectors.is_empty() {
            sectors.extend(agreement.meta.sectors.iter().cloned());
            return sectors;
        }
        // Two mentions make a sector: one passing reference ("other than domestic work") should not.
        let mut mentions: BTreeMap<&str, usize> = BTreeMap::new();
        let title = lexicon::tokenize(agreement.title.as_deref().unwrap_or_default());
        for tokens in std::iter::once(&title).chain(scanned.iter().map(|s| &s.tokens)) {
            for hit in self.sector_index.find(tokens) {
                *mentions
                    .entry(self.sector_of[hit.pattern].as_str())
                    .or_insert(0) += 1;
            }
        }
        sectors.extend(
            mentions
                .into_iter()
                .filter(|(_, n)| *n >= 2)
                .map(|(s, _)| s.to_string()),
        );
        sectors
    }

    fn assess(
        &self,
        r: usize,
        requirement: &Requirement,
        units: &[Unit],
        scanned: &[Scanned],
        layout: &Layout,
    ) -> RequirementResult {
        let mut per_unit: Vec<UnitMatch> = Vec::new();
        for (u, scan) in scanned.iter().enumerate() {
            let mut m = UnitMatch {
                unit: u,
                ..UnitMatch::default()
            };
            for hit in &scan.hits {
                let role = &self.roles[hit.pattern];
                if role.requirement != r {
                    continue;
                }
                match role.role {
                    Role::Cue => m.cues.push(hit.clone()),
                    Role::Element(e) => {
                        m.cues.push(hit.clone());
                        m.elements.insert(e);
                    }
                    Role::Context => {
                        m.context_words.insert(role.text.clone());
                        m.context.push(hit.clone());
                    }
                    Role::Contradiction => m.contradictions.push(hit.clone()),
                }
            }
            if !m.cues.is_empty() || m.context_words.len() >= 2 {
                m.matched = true;
            }
            if m.matched || !m.contradictions.is_empty() || !m.elements.is_empty() {
                per_unit.push(m);
            }
        }

        // Operative clauses first; definitions, purposes and the preamble only when nothing else speaks.
        let primary: Vec<&UnitMatch> = per_unit
            .iter()
            .filter(|m| m.matched && !units[m.unit].secondary)
            .collect();
        let mut matched: Vec<&UnitMatch> = if primary.is_empty() {
            per_unit.iter().filter(|m| m.matched).collect()
        } else {
            primary
        };
        // Two context words are a weak signal: they stand in only where no cue speaks.
        if matched.iter().any(|m| !m.cues.is_empty()) {
            matched.retain(|m| !m.cues.is_empty());
        }
        if matched.is_empty() {
            let context_seen = per_unit
                .iter()
                .map(|m| m.context_words.len())
                .max()
                .unwrap_or(0);
            return RequirementResult {
                requirement: requirement.id.clone(),
                status: Status::Missing,
                score: if context_seen > 0 { 0.7 } else { 0.95 },
                articles: Vec::new(),
                clauses: Vec::new(),
                evidence: Vec::new(),
                elements_found: Vec::new(),
                elements_missing: Vec::new(),
                best_article: None,
            };
        }

        // The scope where elements and contradictions count: the matched units, the whole article when its
        // heading matched, and the numbered paragraph around each matched clause.
        let mut scope: BTreeSet<usize> = BTreeSet::new();
        for m in &matched {
            let unit = &units[m.unit];
            scope.insert(m.unit);
            if unit.kind == UnitKind::Heading {
                if let Some(members) = unit.article.and_then(|a| layout.by_article.get(a)) {
                    scope.extend(members);
                }
            } else if let Some(members) = unit.top.and_then(|top| layout.by_top.get(&top)) {
                scope.extend(members);
            }
        }

        let mut evidence = Vec::new();
        let mut elements: BTreeSet<usize> = BTreeSet::new();
        let mut contradicted = false;
        // Elements count wherever the agreement states them: a scope article and the definitions article
        // together make a complete scope clause.
        for m in per_unit.iter().filter(|m| m.matched) {
            elements.extend(&m.elements);
        }
        for m in per_unit.iter().filter(|m| scope.contains(&m.unit)) {
            let unit = &units[m.unit];
            let scan = &scanned[m.unit];
            elements.extend(&m.elements);
            if requirement.entitlement && m.matched {
                for hit in m.cues.iter().filter(|h| cue_denied(&scan.tokens, h)) {
                    contradicted = true;
                    let mut denial = self.evidence(EvidenceKind::Contradiction, unit, hit);
                    denial.pattern = format!("denied: {}", denial.pattern);
                    evidence.push(denial);
                }
            }
            for hit in &m.contradictions {
                let negated =
                    contradiction_negated(&scan.tokens, hit, &self.roles[hit.pattern].text);
                contradicted |= !negated;
                evidence.push(self.evidence(
                    if negated {
                        EvidenceKind::NegatedContradiction
                    } else {
                        EvidenceKind::Contradiction
                    },
                    unit,
                    hit,
                ));
            }
        }

        // Dilution: every operative matched clause hedged or merely permissive.
        let mut diluted_units = Vec::new();
        let mut firm = false;
        for m in matched
            .iter()
            .filter(|m| units[m.unit].kind == UnitKind::Clause)
        {
            match self.unit_modality(units, scanned, m, requirement) {
                Some(hedge) => diluted_units.push((m.unit, hedge)),
                None => firm = true,
            }
        }
        let diluted = !firm && !diluted_units.is_empty();

        for m in &matched {
            let unit = &units[m.unit];
            for hit in &m.cues {
                let kind = if self.roles[hit.pattern].role == Role::Cue {
                    EvidenceKind::Cue
                } else {
                    EvidenceKind::Element
                };
                evidence.push(self.evidence(kind, unit, hit));
            }
            for hit in &m.context {
                evidence.push(self.evidence(EvidenceKind::Context, unit, hit));
            }
        }
        if diluted {
            for (u, hedge) in &diluted_units {
                evidence.push(Evidence {
                    kind: EvidenceKind::Hedge,
                    clause: units[*u].id.clone(),
                    article: units[*u].article_number.clone(),
                    text: hedge.clone(),
                    pattern: String::new(),
                });
            }
        }
        let position = |e: &Evidence| {
            layout
                .order
                .get(e.clause.as_str())
                .copied()
                .unwrap_or(usize::MAX)
        };
        evidence
            .sort_by(|a, b| (position(a), a.kind, &a.text).cmp(&(position(b), b.kind, &b.text)));
        evidence.dedup_by(|a, b| {
            a.kind == b.kind && a.clause == b.clause && a.text.eq_ignore_ascii_case(&b.text)
        });

        let elements_found: Vec<String> = elements
            .iter()
            .map(|&e| requirement.elements[e].name.clone())
            .collect();
        let elements_missing: Vec<String> = requirement
            .elements
            .iter()
            .enumerate()
            .filter(|(e, _)| !elements.contains(e))
            .map(|(_, el)| el.name.clone())
            .collect();

        let status = if contradicted || diluted {
            Status::Weaker
        } else if !elements_missing.is_empty() {
            Status::Partial
        } else {
            Status::Covered
        };

        let distinct_cues: BTreeSet<usize> = matched
            .iter()
            .flat_map(|m| m.cues.iter().map(|h| h.pattern))
            .collect();
        let distinct_context: BTreeSet<&String> = matched
            .iter()
            .flat_map(|m| m.context_words.iter())
            .collect();
        let heading = matched
            .iter()
            .any(|m| units[m.unit].kind == UnitKind::Heading);
        let strength = distinct_cues.len() as f64
            + 0.3 * distinct_context.len() as f64
            + if heading { 0.8 } else { 0.0 };
        let confidence = 1.0 - (-0.7 * strength).exp();
        let score = match status {
            Status::Covered => 0.5 + 0.5 * confidence,
            Status::Partial => {
                let total = requirement.elements.len().max(1) as f64;
                0.4 + 0.3 * confidence + 0.2 * (elements_found.len() as f64 / total)
            }
            Status::Weaker => {
                let contradictions = evidence
                    .iter()
                    .filter(|e| e.kind == EvidenceKind::Contradiction)
                    .count();
                (0.55 + 0.1 * contradictions as f64 + 0.2 * confidence).min(0.99)
            }
            _ => confidence,
        };

        let mut article_ids: Vec<usize> = Vec::new();
        let mut clauses: Vec<String> = Vec::new();
        for m in &matched {
            let unit = &units[m.unit];
            if let Some(a) = unit.article_index
                && !article_ids.contains(&a)
            {
                article_ids.push(a);
            }
            if unit.kind != UnitKind::Heading && !clauses.contains(&unit.id) {
                clauses.push(unit.id.clone());
            }
        }
        let best = matched
            .iter()
            .max_by_key(|m| {
                (
                    m.cues.len() * 4 + m.context_words.len(),
                    std::cmp::Reverse(m.unit),
                )
            })
            .and_then(|m| units[m.unit].article_id.clone());
        RequirementResult {
            requirement: requirement.id.clone(),
            status,
            score: round(score, 2),
            articles: article_ids
                .iter()
                .filter_map(|&a| {
                    let first = *layout.first_of_article.get(&a)?;
                    units[first].article_number.clone()
                })
                .collect(),
            clauses,
            evidence,
            elements_found,
            elements_missing,
            best_article: best,
        }
    }

    fn evidence(&self, kind: EvidenceKind, unit: &Unit, hit: &Hit) -> Evidence {
        Evidence {
            kind,
            clause: unit.id.clone(),
            article: unit.article_number.clone(),
            text: pakta_core::text::collapse_whitespace(&unit.text[hit.start..hit.end]),
            pattern: self.roles[hit.pattern].text.clone(),
        }
    }

    /// `Some(modal)` when the unit's hits all sit in hedged or (for an obligation) permissive segments.
    fn unit_modality(
        &self,
        units: &[Unit],
        scanned: &[Scanned],
        m: &UnitMatch,
        requirement: &Requirement,
    ) -> Option<String> {
        let scan = &scanned[m.unit];
        let hits: Vec<&Hit> = if m.cues.is_empty() {
            m.context.iter().collect()
        } else {
            m.cues.iter().collect()
        };
        let mut hedge = None;
        for hit in hits {
            let segment = scan.tokens[hit.first_token].segment;
            let tokens: Vec<Token> = scan
                .tokens
                .iter()
                .filter(|t| t.segment == segment)
                .cloned()
                .collect();
            let focus = scan.tokens[..hit.first_token]
                .iter()
                .filter(|t| t.segment == segment)
                .count();
            let (mut modality, mut word, mut subject) = lexicon::segment_modality(&tokens, focus);
            // A point without a modal takes its paragraph's ("The Employer shall: (a) pay …").
            let mut parent = units[m.unit].parent;
            while modality == Modality::Neutral {
                let Some(p) = parent else { break };
                let tokens = &scanned[p].tokens;
                if let Some(last) = tokens.last() {
                    let tail: Vec<Token> = tokens
                        .iter()
                        .filter(|t| t.segment == last.segment)
                        .cloned()
                        .collect();
                    (modality, word, subject) = lexicon::segment_modality(&tail, tail.len());
                }
                parent = units[p].parent;
            }
            let dilutes = match modality {
                Modality::Hedged => true,
                Modality::Permissive => {
                    requirement.obligation
                        && (subject == Some(Actor::Obligor)
                            || (lexicon::is_recommendation(&word)
                                && subject != Some(Actor::Beneficiary)))
                }
                Modality::Binding | Modality::Neutral => false,
            };
            if !dilutes {
                return None;
            }
            hedge.get_or_insert(word);
        }
        hedge
    }
}

/// A contradiction is negated by a negator earlier in its segment, or by one inside the match that the
/// pattern itself does not contain ("no fee .. shall be charged to workers"; but the pattern
/// "shall not join .. union*" carries its own "not").
fn contradiction_negated(tokens: &[Token], hit: &Hit, pattern: &str) -> bool {
    let segment = tokens[hit.first_token].segment;
    let before: Vec<Token> = tokens[..hit.first_token]
        .iter()
        .filter(|t| t.segment == segment)
        .cloned()
        .collect();
    // A negator inside a condition ("where the employer has no spare room, the worker may sleep in the
    // kitchen") does not reach the main clause.
    let conditioned =
        |at: usize| (at.saturating_sub(4)..at).any(|k| lexicon::opens_condition(&before, k));
    let negating = before
        .iter()
        .enumerate()
        .filter(|(at, t)| lexicon::negators(std::slice::from_ref(*t)) > 0 && !conditioned(*at))
        .count();
    let inside = lexicon::negators(&tokens[hit.first_token..=hit.last_token]);
    let own = lexicon::negators(&lexicon::tokenize(pattern));
    negating > 0 || inside > own
}

/// For an entitlement, a cue that is denied: "no minimum wage shall apply", "the minimum wage does not
/// apply", "shall not form or join trade unions", *dilarang menjadi anggota serikat*. A negator near the cue
/// is not enough on its own: "no social security contribution shall be deducted" and "not lower than the
/// minimum wage" comply. The negator must deny access (a verb such as join, receive, *menjadi* between it
/// and the cue) or applicability ("apply", *berlaku* after the cue).
fn cue_denied(tokens: &[Token], hit: &Hit) -> bool {
    let segment = tokens[hit.first_token].segment;
    // Words before the cue, back to the start of its sub-clause (a comma) and at most four.
    let mut before: Vec<&Token> = Vec::new();
    let mut next_has_comma = tokens[hit.first_token].comma_before;
    for t in tokens[..hit.first_token].iter().rev() {
        if next_has_comma || t.segment != segment || before.len() == 4 {
            break;
        }
        next_has_comma = t.comma_before;
        if !t.stopword {
            before.push(t);
        }
    }
    let after: Vec<&Token> = tokens[hit.last_token + 1..]
        .iter()
        .take_while(|t| t.segment == segment)
        .take(6)
        .collect();
    let applies = |t: &&Token| {
        matches!(
            t.folded.as_str(),
            "apply" | "applies" | "extend" | "extends" | "berlaku" | "diberlakukan"
        )
    };
    let strict_negator = |t: &Token| {
        matches!(
            t.folded.as_str(),
            "not" | "no" | "never" | "cannot" | "nor" | "tidak" | "tak" | "bukan" | "dilarang"
        ) || t.folded.starts_with("prohibit")
    };
    // A negator answering an earlier one ("no employer shall … make employment conditional on a worker not
    // joining a union") or opening a condition ("where no minimum wage applies, the Parties shall fix one")
    // does not deny the entitlement.
    let earlier_negator = |from: usize| {
        tokens[..from]
            .iter()
            .rev()
            .take_while(|t| t.segment == segment)
            .any(strict_negator)
    };
    let conditional = |at: usize| {
        let start = tokens[..at]
            .iter()
            .rposition(|t| t.segment != segment)
            .map_or(0, |p| p + 1);
        (start.max(at.saturating_sub(2))..at).any(|k| lexicon::opens_condition(tokens, k))
    };
    if let Some(position) = before.iter().position(|t| strict_negator(t)) {
        let between = &before[..position];
        let negator_at = tokens[..hit.first_token]
            .iter()
            .rposition(|t| std::ptr::eq(t, before[position]))
            .unwrap_or(0);
        let comparative = between.iter().any(|t| {
            let w = t.folded.as_str();
            [
                "lower", "less", "below", "exceed", "more", "higher", "fewer", "rendah", "kurang",
                "melebihi", "lebih",
            ]
            .iter()
            .any(|v| w.starts_with(v))
        });
        if comparative || earlier_negator(negator_at) || conditional(negator_at) {
            return false;
        }
        let access = between.iter().any(|t| {
            let w = t.folded.as_str();
            [
                "join",
                "form",
                "access",
                "enjoy",
                "receiv",
                "obtain",
                "becom",
                "participat",
                "establish",
                "affiliat",
                "menjadi",
                "bergabung",
                "membentuk",
                "mengakses",
                "menerima",
                "memperoleh",
                "mendapat",
                "mendirikan",
                "ikut",
            ]
            .iter()
            .any(|v| w.starts_with(v))
        });
        if access || after.iter().any(applies) {
            return true;
        }
    }
    after
        .windows(2)
        .any(|pair| strict_negator(pair[0]) && applies(&pair[1]))
}

#[derive(Debug, Default)]
struct UnitMatch {
    unit: usize,
    matched: bool,
    cues: Vec<Hit>,
    context: Vec<Hit>,
    context_words: BTreeSet<String>,
    elements: BTreeSet<usize>,
    contradictions: Vec<Hit>,
}

struct Scanned {
    tokens: Vec<Token>,
    hits: Vec<Hit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    Heading,
    Clause,
    Preamble,
}

/// Where each unit sits, computed once per check: every requirement looks units up by clause id (to list
/// evidence in document order), by article and by top-level paragraph (to widen a match to its scope), and
/// the first unit of an article (for its number).
/// Scanning all units for each match instead made a check quadratic in the agreement's length.
struct Layout<'u> {
    order: HashMap<&'u str, usize>,
    by_article: HashMap<&'u str, Vec<usize>>,
    by_top: HashMap<usize, Vec<usize>>,
    /// The first unit of each article (by index in the agreement).
    first_of_article: HashMap<usize, usize>,
}

impl<'u> Layout<'u> {
    fn of(units: &'u [Unit]) -> Layout<'u> {
        let mut layout = Layout {
            order: HashMap::with_capacity(units.len()),
            by_article: HashMap::new(),
            by_top: HashMap::new(),
            first_of_article: HashMap::new(),
        };
        for (i, unit) in units.iter().enumerate() {
            layout.order.insert(unit.id.as_str(), i);
            if let Some(article) = unit.article {
                layout.by_article.entry(article).or_default().push(i);
            }
            if let Some(top) = unit.top {
                layout.by_top.entry(top).or_default().push(i);
            }
            if let Some(a) = unit.article_index {
                layout.first_of_article.entry(a).or_insert(i);
            }
        }
        layout
    }
}

/// A piece of the agreement that is matched on its own.
#[derive(Debug)]
struct Unit<'a> {
    kind: UnitKind,
    id: String,
    text: &'a str,
    article: Option<&'a str>,
    article_index: Option<usize>,
    article_id: Option<String>,
    article_number: Option<String>,
    /// The enclosing clause's unit.
    parent: Option<usize>,
    /// The top-level clause (numbered paragraph) this unit sits in.
    top: Option<usize>,
    secondary: bool,
}

/// The language version to check when none is asked for.
pub fn checked_language(agreement: &Agreement) -> Language {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for article in &agreement.articles {
        *counts.entry(article.language.code()).or_insert(0) += 1;
    }
    if counts.len() > 1 {
        let en = counts.get("en").copied().unwrap_or(0);
        let id = counts.get("id").copied().unwrap_or(0);
        if en > 0 || id > 0 {
            return if id > en { Language::Id } else { Language::En };
        }
    }
    agreement
        .articles
        .first()
        .map_or_else(|| agreement.language.clone(), |a| a.language.clone())
}

fn units<'a>(agreement: &'a Agreement, language: &Language) -> Vec<Unit<'a>> {
    let mut units = Vec::new();
    for block in &agreement.preamble {
        units.push(Unit {
            kind: UnitKind::Preamble,
            id: "preamble".to_string(),
            text: &block.text,
            article: None,
            article_index: None,
            article_id: None,
            article_number: None,
            parent: None,
            top: None,
            secondary: true,
        });
    }
    for (a, article) in agreement.articles.iter().enumerate() {
        if &article.language != language {
            continue;
        }
        let secondary_article = article.heading.as_deref().is_some_and(is_framing_heading);
        if let Some(heading) = &article.heading {
            units.push(Unit {
                kind: UnitKind::Heading,
                id: article.id.clone(),
                text: heading,
                article: Some(&article.id),
                article_index: Some(a),
                article_id: Some(article.id.clone()),
                article_number: Some(article.number.clone()),
                parent: None,
                top: None,
                secondary: secondary_article,
            });
        }
        for clause in &article.clauses {
            let top = units.len();
            push_clause(&mut units, article, a, clause, None, top, secondary_article);
        }
    }
    units
}

fn push_clause<'a>(
    units: &mut Vec<Unit<'a>>,
    article: &'a Article,
    a: usize,
    clause: &'a Clause,
    parent: Option<usize>,
    top: usize,
    secondary_article: bool,
) {
    let index = units.len();
    units.push(Unit {
        kind: UnitKind::Clause,
        id: clause.id.clone(),
        text: &clause.text,
        article: Some(&article.id),
        article_index: Some(a),
        article_id: Some(article.id.clone()),
        article_number: Some(article.number.clone()),
        parent,
        top: Some(top),
        secondary: secondary_article || is_definition(&clause.text),
    });
    for child in &clause.children {
        push_clause(
            units,
            article,
            a,
            child,
            Some(index),
            top,
            secondary_article,
        );
    }
}

/// Headings of articles that frame the agreement rather than regulate: purposes and definitions. Their
/// mentions of a topic ("to shield workers from recruitment fees") are not the operative clause.
fn is_framing_heading(heading: &str) -> bool {
    let folded = lexicon::fold(heading);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let framing = [
        "purpose",
        "purposes",
        "objective",
        "objectives",
        "aim",
        "aims",
        "definitions",
        "definition",
        "tujuan",
        "maksud",
        "definisi",
        "pengertian",
        "istilah",
    ];
    !words.is_empty()
        && words.len() <= 4
        && words.iter().any(|w| framing.contains(w))
        && !words.iter().any(|w| *w == "scope" || *w == "lingkup")
}

/// A definition: `"Employer" means …`, `… berarti …`, `yang dimaksud dengan …`.
fn is_definition(text: &str) -> bool {
    let head: String = text.chars().take(160).collect();
    let folded = lexicon::fold(&head);
    (folded.contains("\u{201d} means")
        || folded.contains("\" means")
        || folded.contains("' means")
        || folded.contains("\u{2019} means"))
        || folded.contains(" means any ")
        || (folded.contains('"') || folded.contains('\u{201c}'))
            && (folded.contains(" berarti ") || folded.contains(" adalah "))
        || folded.contains("yang dimaksud dengan")
}

fn round(value: f64, places: i32) -> f64 {
    let factor = 10f64.powi(places);
    (value * factor).round() / factor
}
