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

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};

use pakta_core::{Agreement, Language};
use pakta_norms::lexicon::{self, Token};
use pakta_norms::{Definitions, Modality, Norm, Reader, Role as NormRole};

use crate::catalogue::{Catalogue, Profile, Requirement};
use crate::negation::{cue_denied, phrase_negated};
use crate::norms::{Effect, judge};
use crate::pattern::{Hit, Pattern, PatternIndex};
pub use crate::reading::NormEvidence;
use crate::reading::{NormCache, norm_at};
pub use crate::units::checked_language;
use crate::units::{Layout, Unit, UnitKind, units};

/// A requirement's status in an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Covered,
    Partial,
    /// Found, but a clause of its articles qualifies it in a way the rules cannot judge (an exception, a
    /// cost on the worker, a power of the employer, a consent to obtain): a reader must decide. Said
    /// instead of `covered` or `partial`, because a wrong "covered" is the answer a negotiator relies on,
    /// and a qualification matters more than a missing element.
    Uncertain,
    Weaker,
    Missing,
    NotApplicable,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Covered,
        Status::Partial,
        Status::Uncertain,
        Status::Weaker,
        Status::Missing,
        Status::NotApplicable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Covered => "covered",
            Status::Partial => "partial",
            Status::Uncertain => "uncertain",
            Status::Weaker => "weaker",
            Status::Missing => "missing",
            Status::NotApplicable => "not-applicable",
        }
    }

    /// What the status contributes to the overall score; `None` when it is left out of it.
    pub fn weight(self) -> Option<f64> {
        match self {
            Status::Covered => Some(1.0),
            Status::Partial | Status::Uncertain => Some(0.5),
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
    /// A norm that satisfies the requirement by the catalogue's norm rules (a prohibition of confiscation,
    /// the worker's right to keep the passport).
    Compliance,
    /// A norm that qualifies the protection in a way the rules cannot judge: why the result is uncertain.
    Qualification,
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
            EvidenceKind::Compliance => "compliance",
            EvidenceKind::Qualification => "qualification",
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
    /// The catalogue pattern that found them (for elements: `element-name: pattern`; for a norm rule:
    /// `norm: <why>`).
    pub pattern: String,
    /// The norm the words belong to, as the norm layer read it.
    pub norm: Option<NormEvidence>,
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
    /// An object word of a `topic` norm rule: the clause may hold a norm that finds the requirement.
    TopicWord,
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
    /// The requirements' patterns (`roles` says whose), then the sector words' (`sector_of` says which
    /// sector's): one index, so each clause is scanned once for both.
    index: PatternIndex,
    roles: Vec<PatternRole>,
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
            // Found with the cues, in the one pass over each clause's tokens.
            let words: BTreeSet<&String> = requirement
                .norms
                .iter()
                .filter(|rule| rule.topic)
                .flat_map(|rule| &rule.object)
                .collect();
            for word in words {
                let text = format!("{word}*");
                if let Ok(pattern) = Pattern::compile(&text) {
                    add((&text, &pattern), r, Role::TopicWord);
                }
            }
        }
        let mut sector_of = Vec::new();
        for (sector, lexicon) in &catalogue.sectors {
            for (_, pattern) in lexicon.compiled() {
                index.add_compiled(pattern.clone());
                sector_of.push(sector.clone());
            }
        }
        Checker {
            catalogue,
            index,
            roles,
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
        // The sector words found in the same scan, by their place in `sector_of`.
        let mut sector_hits: Vec<usize> = Vec::new();
        let scanned: Vec<Scanned> = units
            .iter()
            .map(|unit| {
                let tokens = lexicon::tokenize(unit.text);
                let mut hits = self.index.find(&tokens);
                sector_hits.extend(self.sector_hits(&hits));
                hits.retain(|hit| hit.pattern < self.roles.len());
                let (numbers, preceding) = lexicon::pointed_paragraphs(&tokens);
                let pointers = Pointers {
                    numbers: numbers.into_iter().map(str::to_string).collect(),
                    preceding,
                };
                Scanned {
                    tokens,
                    hits,
                    pointers,
                }
            })
            .collect();
        let sectors = self.sectors(agreement, profile, &sector_hits);
        let layout = Layout::of(&units);
        // Which units each requirement's patterns hit, found in one pass: a requirement then reads only
        // its own units, not every hit of the agreement.
        let mut units_hit: Vec<Vec<usize>> = vec![Vec::new(); self.catalogue.requirements.len()];
        for (u, scan) in scanned.iter().enumerate() {
            for hit in &scan.hits {
                let list = &mut units_hit[self.roles[hit.pattern].requirement];
                if list.last() != Some(&u) {
                    list.push(u);
                }
            }
        }
        let definitions = Definitions::of_agreement(agreement);
        let reader = Reader::new(&definitions, language == Language::Id);
        let norms = NormCache {
            reader,
            units: &units,
            scanned: &scanned,
            cells: (0..units.len()).map(|_| OnceCell::new()).collect(),
            qualified: (0..units.len()).map(|_| OnceCell::new()).collect(),
        };

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
            results.push(self.assess(
                r,
                requirement,
                (&units, &scanned, &units_hit[r]),
                &layout,
                &norms,
            ));
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

    /// The sector words among `hits`, by their place in `sector_of`.
    fn sector_hits<'h>(&self, hits: &'h [Hit]) -> impl Iterator<Item = usize> + 'h {
        let first = self.roles.len();
        hits.iter()
            .filter(move |hit| hit.pattern >= first)
            .map(move |hit| hit.pattern - first)
    }

    fn sectors(
        &self,
        agreement: &Agreement,
        profile: &Profile,
        sector_hits: &[usize],
    ) -> BTreeSet<String> {
        let mut sectors: BTreeSet<String> = profile.sectors.iter().cloned().collect();
        if !agreement.meta.sectors.is_empty() {
            sectors.extend(agreement.meta.sectors.iter().cloned());
            return sectors;
        }
        // Two mentions make a sector: one passing reference ("other than domestic work") should not.
        let mut mentions: BTreeMap<&str, usize> = BTreeMap::new();
        let title = lexicon::tokenize(agreement.title.as_deref().unwrap_or_default());
        let title_hits = self.index.find(&title);
        for s in self
            .sector_hits(&title_hits)
            .chain(sector_hits.iter().copied())
        {
            *mentions.entry(self.sector_of[s].as_str()).or_insert(0) += 1;
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
        (units, scanned, hit_units): (&[Unit], &[Scanned], &[usize]),
        layout: &Layout,
        norms: &NormCache,
    ) -> RequirementResult {
        let mut topic_units: Vec<usize> = Vec::new();
        let mut per_unit: Vec<UnitMatch> = Vec::new();
        for &u in hit_units {
            let scan = &scanned[u];
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
                    Role::TopicWord => m.topic_words = true,
                }
            }
            if !m.cues.is_empty() || m.context_words.len() >= 2 {
                m.matched = true;
            }
            if m.matched || !m.contradictions.is_empty() || !m.elements.is_empty() {
                per_unit.push(m);
            } else if m.topic_words {
                topic_units.push(u);
            }
        }
        // A norm the requirement's rules speak of finds the topic too, in words no cue lists ("the
        // passports of the deckhands are to be held by the captain").
        let object_rules: Vec<_> = requirement.norms.iter().filter(|rule| rule.topic).collect();
        if !object_rules.is_empty() {
            // Only a clause with one of the rules' object words can hold such a norm: reading the others
            // would cost a norm reading of every clause of the agreement.
            let worded: Vec<usize> = per_unit
                .iter()
                .filter(|m| m.topic_words)
                .map(|m| m.unit)
                .chain(topic_units.iter().copied())
                .filter(|&u| units[u].kind == UnitKind::Clause)
                .collect();
            for u in worded {
                let speaks = norms
                    .of(u)
                    .iter()
                    .any(|n| object_rules.iter().any(|rule| rule.matches(n, false)));
                if !speaks {
                    continue;
                }
                match per_unit.iter_mut().find(|m| m.unit == u) {
                    Some(m) => {
                        m.matched = true;
                        m.by_norm = true;
                    }
                    None => per_unit.push(UnitMatch {
                        unit: u,
                        matched: true,
                        by_norm: true,
                        ..UnitMatch::default()
                    }),
                }
            }
            per_unit.sort_by_key(|m| m.unit);
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
        if matched.iter().any(|m| !m.cues.is_empty() || m.by_norm) {
            matched.retain(|m| !m.cues.is_empty() || m.by_norm);
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

        // "Paragraph (1) does not apply to …", *ketentuan sebagaimana dimaksud pada ayat (1) tidak
        // berlaku …*: a clause of the same article that points back at a paragraph is about what that
        // paragraph is about, though it names nothing of it. A paragraph that also names another
        // requirement's topic ("equal treatment in pay, hours and safety") is that one's to take back.
        let mut referring: BTreeSet<usize> = BTreeSet::new();
        for m in matched.iter().filter(|m| {
            !m.cues.is_empty()
                && !units[m.unit].secondary
                && !self.names_topic(&scanned[m.unit], r, false, false)
        }) {
            let siblings = units[m.unit]
                .article
                .and_then(|a| layout.by_article.get(a))
                .into_iter()
                .flatten();
            // The matched paragraph's own number: the end of its id ("art_12__para_1").
            let number = units[m.unit]
                .id
                .rsplit(['_', '-'])
                .next()
                .unwrap_or_default();
            for &u in siblings {
                if u == m.unit || units[u].kind != UnitKind::Clause {
                    continue;
                }
                let pointers = &scanned[u].pointers;
                if pointers.numbers.iter().any(|n| n == number)
                    || (pointers.preceding && m.unit < u)
                {
                    referring.insert(u);
                }
            }
        }
        scope.extend(&referring);
        // "(1) Each Worker shall have a written employment contract … (2) The contract shall be signed
        // within ten days of arrival": a paragraph of the same article that speaks of the topic in its
        // words, though it repeats no cue, and names no other requirement's, is read with it.
        let cue_articles: BTreeSet<&str> = matched
            .iter()
            .filter(|m| !m.cues.is_empty() && !units[m.unit].secondary)
            .filter_map(|m| units[m.unit].article)
            .collect();
        let speaking: Vec<usize> = cue_articles
            .iter()
            .flat_map(|a| layout.by_article.get(a).into_iter().flatten().copied())
            .filter(|&u| {
                units[u].kind == UnitKind::Clause
                    && !units[u].secondary
                    && scanned[u].hits.iter().any(|h| {
                        let role = &self.roles[h.pattern];
                        role.requirement == r && role.role == Role::Context
                    })
                    && !self.names_topic(&scanned[u], r, false, false)
            })
            .collect();
        scope.extend(speaking);
        // A provision between the Parties (a joint committee, amendment, information exchange) is one
        // article's business: its other paragraphs ("The annexes may be amended by the Second Party")
        // are read with, and on the topic of, the one that names it.
        // Only a requirement with norm rules of its own has anything to read there.
        // A rule that only qualifies (a group left out of the whole agreement) is read where the topic is
        // named, not article-wide.
        let parties_articles: BTreeSet<&str> = if requirement.protects_workers
            || !requirement
                .norms
                .iter()
                .any(|rule| rule.effect == Effect::Contradicts)
        {
            BTreeSet::new()
        } else {
            matched
                .iter()
                .filter(|m| !units[m.unit].secondary)
                .filter_map(|m| units[m.unit].article)
                .collect()
        };
        for article in &parties_articles {
            scope.extend(layout.by_article.get(article).into_iter().flatten());
        }

        let mut evidence = Vec::new();
        let mut elements: BTreeSet<usize> = BTreeSet::new();
        let mut contradicted = false;
        // A rule of the requirement's own found a norm only a reader can judge.
        let mut qualified = false;
        // Elements count wherever the agreement states them: a scope article and the definitions article
        // together make a complete scope clause.
        for m in per_unit.iter().filter(|m| m.matched) {
            elements.extend(&m.elements);
        }
        for m in per_unit.iter().filter(|m| scope.contains(&m.unit)) {
            let scan = &scanned[m.unit];
            elements.extend(&m.elements);
            if requirement.entitlement && m.matched {
                for hit in m.cues.iter().filter(|h| cue_denied(&scan.tokens, h)) {
                    contradicted = true;
                    let mut denial = self.evidence(EvidenceKind::Contradiction, m.unit, hit, norms);
                    denial.pattern = format!("denied: {}", denial.pattern);
                    evidence.push(denial);
                }
            }
            for hit in &m.contradictions {
                // The norm the harmful words belong to decides whether they are forbidden ("no employer
                // shall keep …") or done; a pattern that carries its own negator ("shall not join")
                // already says which.
                let own = lexicon::negators(&lexicon::tokenize(&self.roles[hit.pattern].text)) > 0;
                // The words around the phrase deny it ("not lower than", *tidak dikenai … lebih
                // tinggi*), or the norm that governs it does, from a lead-in or across a segment.
                let negated = phrase_negated(&scan.tokens, hit, &self.roles[hit.pattern].text)
                    || norm_at(
                        norms.of(m.unit),
                        hit.start,
                        scan.tokens[hit.first_token].sentence,
                    )
                    // A phrase with its own negator ("is not working time") is negated again only by a
                    // prohibition over it ("No employer shall: …"), not by a "without" elsewhere in
                    // its sentence.
                    .is_some_and(|n| {
                        (n.denied()
                            && (!own || (n.at < hit.start && n.modality == Modality::Prohibition))
                            && !n.conditions.iter().any(|c| c.span.contains(&hit.start)))
                            || crate::negation::undone(
                                n,
                                &scan.tokens,
                                hit,
                                &self.roles[hit.pattern].text,
                            )
                    });
                contradicted |= !negated;
                evidence.push(self.evidence(
                    if negated {
                        EvidenceKind::NegatedContradiction
                    } else {
                        EvidenceKind::Contradiction
                    },
                    m.unit,
                    hit,
                    norms,
                ));
            }
        }
        // The norms of the scope, judged by the requirement's norm rules and the rules every protection
        // shares. A whole article is on the topic its heading names; a point inherits its lead-in's topic.
        let heading_articles: BTreeSet<&str> = matched
            .iter()
            .filter(|m| units[m.unit].kind == UnitKind::Heading)
            .filter_map(|m| units[m.unit].article)
            .collect();
        let spoken: BTreeSet<usize> = per_unit
            .iter()
            .filter(|m| !m.cues.is_empty() || !m.context.is_empty())
            .map(|m| m.unit)
            .collect();
        for &u in &scope {
            if units[u].kind != UnitKind::Clause {
                continue;
            }
            let on_topic: BTreeSet<usize> = per_unit
                .iter()
                .filter(|m| m.unit == u)
                .flat_map(|m| m.cues.iter().chain(&m.context).chain(&m.contradictions))
                .map(|hit| scanned[u].tokens[hit.first_token].sentence)
                .collect();
            let heading_on_topic = units[u]
                .article
                .is_some_and(|a| heading_articles.contains(a));
            let parties_on_topic = units[u]
                .article
                .is_some_and(|a| parties_articles.contains(a));
            let parent_on_topic = units[u].parent.is_some_and(|p| spoken.contains(&p));
            // A clause that is in scope only as part of its paragraph or article, and holds no word any
            // rule looks for, can give no finding: its norms are not read.
            let may_act =
                parties_on_topic && crate::norms::may_act(&requirement.norms, &scanned[u].tokens);
            if on_topic.is_empty()
                && !heading_on_topic
                && !parent_on_topic
                && !referring.contains(&u)
                && !may_act
                && !crate::norms::may_speak(
                    &requirement.norms,
                    scanned[u].tokens.iter().map(|t| t.folded.as_str()),
                )
            {
                continue;
            }
            let unit_norms = norms.of(u);
            for norm in unit_norms {
                let sentence: Vec<&Norm> = unit_norms
                    .iter()
                    .filter(|n| n.sentence == norm.sentence)
                    .collect();
                let Some(judgement) = judge(
                    &requirement.norms,
                    requirement.protects_workers,
                    norm,
                    &sentence,
                    on_topic.contains(&norm.sentence)
                        || heading_on_topic
                        || parties_on_topic
                        || (norm.inherited && parent_on_topic),
                ) else {
                    continue;
                };
                let kind = match judgement.effect {
                    Effect::Contradicts => {
                        contradicted = true;
                        EvidenceKind::Contradiction
                    }
                    Effect::Qualifies => {
                        qualified = true;
                        EvidenceKind::Qualification
                    }
                    Effect::Satisfies => EvidenceKind::Compliance,
                };
                evidence.push(Evidence {
                    kind,
                    clause: units[u].id.clone(),
                    article: units[u].article_number.clone(),
                    text: pakta_core::text::collapse_whitespace(&units[u].text[norm.span.clone()]),
                    pattern: norm_pattern(kind, &judgement.why),
                    norm: Some(norms.evidence(u, norm)),
                });
            }
        }

        // Dilution: one operative clause with an escape ("where feasible", *sedapat mungkin*, "shall
        // endeavour") is enough, since that element is then not owed; a mere "may" dilutes only when
        // every matched clause says it.
        let mut diluted_units = Vec::new();
        let mut firm = false;
        let mut escaped = false;
        for m in matched
            .iter()
            .filter(|m| units[m.unit].kind == UnitKind::Clause && !units[m.unit].secondary)
        {
            match self.unit_modality(scanned, m, requirement, norms) {
                Some((hedge, escape)) => {
                    // An escape counts where the clause, or its article, names the topic, not where
                    // it only shares words with it.
                    let article = units[m.unit].article;
                    escaped |= escape
                        && (!m.cues.is_empty()
                            || matched
                                .iter()
                                .any(|o| units[o.unit].article == article && !o.cues.is_empty()));
                    diluted_units.push((m.unit, hedge));
                }
                None => firm = true,
            }
        }
        if !firm && diluted_units.is_empty() {
            // Where only a heading matched, the clauses of its article say how firmly.
            let clauses: Vec<UnitMatch> = if matched
                .iter()
                .all(|m| units[m.unit].kind != UnitKind::Clause)
            {
                scope
                    .iter()
                    .filter(|&&u| units[u].kind == UnitKind::Clause)
                    .map(|&u| {
                        per_unit.iter().find(|m| m.unit == u).map_or_else(
                            || UnitMatch {
                                unit: u,
                                ..UnitMatch::default()
                            },
                            UnitMatch::clone,
                        )
                    })
                    .collect()
            } else {
                Vec::new()
            };
            for m in matched
                .iter()
                .copied()
                .chain(clauses.iter())
                .filter(|m| units[m.unit].kind == UnitKind::Clause)
            {
                match self.unit_modality(scanned, m, requirement, norms) {
                    Some((hedge, _)) => diluted_units.push((m.unit, hedge)),
                    None => firm = true,
                }
            }
        }
        let diluted = escaped || (!firm && !diluted_units.is_empty());

        for m in &matched {
            for hit in &m.cues {
                let kind = if self.roles[hit.pattern].role == Role::Cue {
                    EvidenceKind::Cue
                } else {
                    EvidenceKind::Element
                };
                evidence.push(self.evidence(kind, m.unit, hit, norms));
            }
            for hit in &m.context {
                evidence.push(self.evidence(EvidenceKind::Context, m.unit, hit, norms));
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
                    norm: None,
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
        // A protection found covered or partial is read once more for what qualifies it; a qualification
        // the standards call a taking back makes it weaker, any other makes it uncertain, as does a norm
        // one of its own rules only qualifies.
        let mut uncertain = qualified;
        let status = if matches!(status, Status::Covered | Status::Partial)
            && requirement.protects_workers
        {
            let found = self.qualifications(r, &matched, units, scanned, layout, norms);
            let takes_back = found.iter().any(|e| e.kind == EvidenceKind::Contradiction);
            uncertain |= !found.is_empty();
            evidence.extend(found);
            evidence.sort_by(|a, b| {
                (position(a), a.kind, &a.text).cmp(&(position(b), b.kind, &b.text))
            });
            if takes_back { Status::Weaker } else { status }
        } else {
            status
        };
        let status = if uncertain && matches!(status, Status::Covered | Status::Partial) {
            Status::Uncertain
        } else {
            status
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
            Status::Covered | Status::Uncertain => 0.5 + 0.5 * confidence,
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

    /// The norms that qualify a protection found covered or partial, read in every clause of the articles
    /// where the requirement's cues are: the paragraph that takes a protection back is seldom the one that
    /// names it. A clause that speaks only of another requirement is left to that one.
    fn qualifications(
        &self,
        r: usize,
        matched: &[&UnitMatch],
        units: &[Unit],
        scanned: &[Scanned],
        layout: &Layout,
        norms: &NormCache,
    ) -> Vec<Evidence> {
        let articles: BTreeSet<&str> = matched
            .iter()
            .filter(|m| !m.cues.is_empty() && !units[m.unit].secondary)
            .filter_map(|m| units[m.unit].article)
            .collect();
        let names_topic = |u: usize, own: bool| self.names_topic(&scanned[u], r, own, true);
        // A clause that names no topic speaks of its lead-in's ("where all agree to the transfer").
        let elsewhere = |u: usize| {
            let topical = |u: usize| names_topic(u, false) || names_topic(u, true);
            let speaker = if topical(u) {
                Some(u)
            } else {
                units[u].parent.filter(|&p| topical(p))
            };
            speaker.is_some_and(|s| names_topic(s, false) && !names_topic(s, true))
        };
        let headed: BTreeSet<&str> = matched
            .iter()
            .filter(|m| units[m.unit].kind == UnitKind::Heading)
            .filter_map(|m| units[m.unit].article)
            .collect();
        let own = |u: usize| {
            names_topic(u, true)
                || units[u].parent.is_some_and(|p| names_topic(p, true))
                || units[u].article.is_some_and(|a| headed.contains(a))
        };
        crate::qualifications::find(&articles, units, layout, norms, elsewhere, own)
    }

    /// Whether a unit names requirement `r`'s topic (`own`) or another's: by a cue, or also by an element
    /// when `elements`.
    fn names_topic(&self, scan: &Scanned, r: usize, own: bool, elements: bool) -> bool {
        scan.hits.iter().any(|h| {
            let role = &self.roles[h.pattern];
            (role.requirement == r) == own
                && (matches!(role.role, Role::Cue)
                    || (elements && matches!(role.role, Role::Element(_))))
        })
    }

    fn evidence(&self, kind: EvidenceKind, u: usize, hit: &Hit, norms: &NormCache) -> Evidence {
        let unit = &norms.units[u];
        let sentence = norms.scanned[u].tokens[hit.first_token].sentence;
        Evidence {
            kind,
            clause: unit.id.clone(),
            article: unit.article_number.clone(),
            text: pakta_core::text::collapse_whitespace(&unit.text[hit.start..hit.end]),
            pattern: self.roles[hit.pattern].text.clone(),
            // Context words are supporting evidence; the norm is shown where the words decide.
            norm: (kind != EvidenceKind::Context)
                .then(|| norm_at(norms.of(u), hit.start, sentence).map(|n| norms.evidence(u, n)))
                .flatten(),
        }
    }

    /// `Some(modal)` when the unit's hits all sit in norms that are hedged or, for an obligation, merely
    /// permitted to someone other than the worker.
    fn unit_modality(
        &self,
        scanned: &[Scanned],
        m: &UnitMatch,
        requirement: &Requirement,
        norms: &NormCache,
    ) -> Option<(String, bool)> {
        let scan = &scanned[m.unit];
        let hits: Vec<&Hit> = if m.cues.is_empty() {
            m.context.iter().collect()
        } else {
            m.cues.iter().collect()
        };
        let unit_norms = norms.of(m.unit);
        let mut hedge = None;
        let mut escape = false;
        for hit in hits {
            let sentence = scan.tokens[hit.first_token].sentence;
            let norm = norm_at(unit_norms, hit.start, sentence)?;
            let worker = norm.bearer_role().is_some_and(NormRole::is_worker_side);
            let dilutes = match norm.modality {
                // A recommendation to the worker ("workers should register") binds nobody else.
                Modality::HedgedDuty => norm.hedge.is_some() || !worker,
                Modality::Permission => requirement.obligation && norm.bearer.is_some() && !worker,
                _ => false,
            };
            if !dilutes {
                return None;
            }
            escape |= norm.modality == Modality::HedgedDuty && (norm.hedge.is_some() || !worker);
            hedge.get_or_insert_with(|| norm.hedge.clone().unwrap_or_else(|| norm.modal.clone()));
        }
        hedge.map(|h| (h, escape))
    }
}

#[derive(Debug, Default, Clone)]
struct UnitMatch {
    unit: usize,
    matched: bool,
    /// Matched by a norm the requirement's rules speak of, not (only) by a cue.
    by_norm: bool,
    /// Holds an object word of a `topic` norm rule.
    topic_words: bool,
    cues: Vec<Hit>,
    context: Vec<Hit>,
    context_words: BTreeSet<String>,
    elements: BTreeSet<usize>,
    contradictions: Vec<Hit>,
}

/// A unit's tokens and the catalogue patterns found in them.
pub(crate) struct Scanned<'a> {
    pub(crate) tokens: Vec<Token<'a>>,
    pub(crate) hits: Vec<Hit>,
    /// The paragraphs the unit points back at, read once for every requirement.
    pub(crate) pointers: Pointers,
}

/// The paragraphs a unit points at ("paragraph 1", *ayat (1)*) and whether it points at the one before.
#[derive(Default)]
pub(crate) struct Pointers {
    pub(crate) numbers: Vec<String>,
    pub(crate) preceding: bool,
}

/// How evidence from a norm names its finding: `norm: why` for a contradiction or a compliance,
/// `qualifies: why` for a qualification a reader must judge.
pub(crate) fn norm_pattern(kind: EvidenceKind, why: &str) -> String {
    if kind == EvidenceKind::Qualification {
        format!("qualifies: {why}")
    } else {
        format!("norm: {why}")
    }
}

fn round(value: f64, places: i32) -> f64 {
    let factor = 10f64.powi(places);
    (value * factor).round() / factor
}
