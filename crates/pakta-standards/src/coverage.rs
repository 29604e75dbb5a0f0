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
use pakta_norms::{Definitions, Reader};

use crate::catalogue::{Catalogue, Profile};
use crate::pattern::{Hit, Pattern, PatternIndex};
pub use crate::reading::NormEvidence;
use crate::reading::{NormCache, norm_at};
pub use crate::units::checked_language;
use crate::units::{Layout, Unit, UnitKind, units};

mod assess;

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

impl RequirementResult {
    /// A result that rests on no clause: not applicable to the agreement's sectors, or missing.
    pub(crate) fn without_clauses(
        requirement: &str,
        status: Status,
        score: f64,
    ) -> RequirementResult {
        RequirementResult {
            requirement: requirement.to_string(),
            status,
            score,
            articles: Vec::new(),
            clauses: Vec::new(),
            evidence: Vec::new(),
            elements_found: Vec::new(),
            elements_missing: Vec::new(),
            best_article: None,
        }
    }
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
    /// A name of the topic that is a cue in an article's heading, and nothing in a clause.
    Heading,
}

#[derive(Debug, Clone)]
struct PatternRole<'c> {
    requirement: usize,
    role: Role,
    /// As the catalogue writes it (a topic word's pattern is made here).
    text: std::borrow::Cow<'c, str>,
}

/// The catalogue compiled for matching: built once per process, used for every agreement.
#[derive(Debug)]
pub struct Checker<'c> {
    catalogue: &'c Catalogue,
    /// The requirements' patterns (`roles` says whose), then the sector words' (`sector_of` says which
    /// sector's): one index, so each clause is scanned once for both.
    index: PatternIndex<'c>,
    roles: Vec<PatternRole<'c>>,
    sector_of: Vec<String>,
}

impl<'c> Checker<'c> {
    pub fn new(catalogue: &'c Catalogue) -> Checker<'c> {
        let mut index = PatternIndex::default();
        let mut roles = Vec::new();
        let mut add =
            |(text, pattern): (std::borrow::Cow<'c, str>, std::borrow::Cow<'c, Pattern>),
             requirement: usize,
             role: Role| {
                index.add_compiled(pattern);
                roles.push(PatternRole {
                    requirement,
                    role,
                    text,
                });
            };
        for (r, requirement) in catalogue.requirements.iter().enumerate() {
            let lists = [
                (&requirement.cues, Role::Cue),
                (&requirement.context, Role::Context),
                (&requirement.headings, Role::Heading),
                (&requirement.contradicts, Role::Contradiction),
            ]
            .into_iter()
            .chain(
                (requirement.elements.iter().enumerate())
                    .map(|(e, element)| (&element.patterns, Role::Element(e))),
            );
            for (lexicon, role) in lists {
                for (text, pattern) in lexicon.compiled() {
                    add(
                        (
                            std::borrow::Cow::Borrowed(text.as_str()),
                            std::borrow::Cow::Borrowed(pattern),
                        ),
                        r,
                        role,
                    );
                }
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
                    add(
                        (
                            std::borrow::Cow::Owned(text),
                            std::borrow::Cow::Owned(pattern),
                        ),
                        r,
                        Role::TopicWord,
                    );
                }
            }
        }
        let mut sector_of = Vec::new();
        for (sector, lexicon) in &catalogue.sectors {
            for (_, pattern) in lexicon.compiled() {
                index.add_compiled(std::borrow::Cow::Borrowed(pattern));
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
        let (scanned, sector_hits) = self.scan(&units, agreement.provision_word.as_deref());
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
                results.push(RequirementResult::without_clauses(
                    &requirement.id,
                    Status::NotApplicable,
                    1.0,
                ));
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

    /// Every unit tokenised and its patterns found, in unit order, with the sector words of the scan by
    /// their place in `sector_of`. Units are independent of each other, so a long treaty's units are
    /// scanned on all the machine's cores; the result does not depend on how they are split.
    fn scan<'u>(
        &self,
        units: &[Unit<'u>],
        provision_word: Option<&str>,
    ) -> (Vec<Scanned<'u>>, Vec<usize>) {
        // Below this many units per thread, starting a thread costs more than it saves.
        const UNITS_PER_THREAD: usize = 200;
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(units.len() / UNITS_PER_THREAD)
            .max(1);
        let part = units.len().div_ceil(threads).max(1);
        let mut parts = units.chunks(part);
        let first = parts.next().unwrap_or_default();
        std::thread::scope(|scope| {
            let others: Vec<_> = parts
                .map(|units| scope.spawn(move || self.scan_part(units, provision_word)))
                .collect();
            let mut scan = self.scan_part(first, provision_word);
            for other in others {
                let (scanned, sector_hits) = other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                scan.0.extend(scanned);
                scan.1.extend(sector_hits);
            }
            scan
        })
    }

    fn scan_part<'u>(
        &self,
        units: &[Unit<'u>],
        provision_word: Option<&str>,
    ) -> (Vec<Scanned<'u>>, Vec<usize>) {
        let mut sector_hits = Vec::new();
        let scanned = units
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
                    excludes: excluded_articles(unit.text, &tokens, provision_word),
                };
                Scanned {
                    tokens,
                    hits,
                    pointers,
                    actions: std::cell::OnceCell::new(),
                    points_back: std::cell::OnceCell::new(),
                    refers_back: std::cell::OnceCell::new(),
                }
            })
            .collect();
        (scanned, sector_hits)
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
        // "The inspection referred to in paragraph 1 is carried out only …", *Pemeriksaan sebagaimana
        // dimaksud pada ayat (1) hanya …*: a paragraph that points at another of its article speaks of
        // that one's topic (as the scope reads it).
        let refers_to = |u: usize, own: &dyn Fn(usize) -> bool| {
            units[u]
                .article
                .and_then(|a| layout.by_article.get(a))
                .into_iter()
                .flatten()
                .any(|&p| {
                    p != u
                        && units[p].kind == UnitKind::Clause
                        && scanned[u]
                            .pointers
                            .point_at(u, p, paragraph_number(units[p].id))
                        && own(p)
                })
        };
        let named_own = |u: usize| {
            names_topic(u, true)
                || units[u].parent.is_some_and(|p| names_topic(p, true))
                || units[u].article.is_some_and(|a| headed.contains(a))
        };
        let own = |u: usize| named_own(u) || refers_to(u, &named_own);
        let mut found = crate::qualifications::find(
            self.catalogue.requirements[r].free_to_worker,
            &articles,
            units,
            layout,
            norms,
            elsewhere,
            own,
        );
        found.extend(self.carve_outs(r, units, scanned, norms));
        found
    }

    /// The agreement's definitions that take something out of a term naming requirement `r`'s topic (a
    /// cue of `r` inside the defined term): wherever the definition stands, the protection reaches no
    /// further than the term.
    fn carve_outs(
        &self,
        r: usize,
        units: &[Unit],
        scanned: &[Scanned],
        norms: &NormCache,
    ) -> Vec<Evidence> {
        let mut found = Vec::new();
        for (u, unit) in units.iter().enumerate() {
            let Some(term) = unit.carved_term.clone() else {
                continue;
            };
            let names_term = scanned[u].hits.iter().any(|h| {
                self.roles[h.pattern].requirement == r
                    && matches!(self.roles[h.pattern].role, Role::Cue)
                    && term.contains(&h.start)
            });
            if !names_term {
                continue;
            }
            // A cost taken out of the costs the worker must not bear ("visa fees do not form part of
            // recruitment costs") may then be charged: the standards call that weaker. What else a
            // definition leaves out, a reader weighs.
            let (kind, why) = if lexicon::speaks_of(lexicon::Qualifier::Money, &unit.text[term]) {
                (
                    EvidenceKind::Contradiction,
                    "the definition takes a cost out of the costs the worker must not bear",
                )
            } else {
                (
                    EvidenceKind::Qualification,
                    "the definition leaves something out of the term",
                )
            };
            found.push(Evidence {
                kind,
                clause: unit.id.to_string(),
                article: unit.article_number.map(str::to_string),
                text: pakta_core::text::collapse_whitespace(unit.text),
                pattern: norm_pattern(kind, why),
                norm: norms.of(u).first().map(|n| norms.evidence(u, n)),
            });
        }
        found
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
            clause: unit.id.to_string(),
            article: unit.article_number.map(str::to_string),
            text: pakta_core::text::collapse_whitespace(&unit.text[hit.start..hit.end]),
            pattern: self.roles[hit.pattern].text.to_string(),
            // Context words are supporting evidence; the norm is shown where the words decide.
            norm: (kind != EvidenceKind::Context)
                .then(|| norm_at(norms.of(u), hit.start, sentence).map(|n| norms.evidence(u, n)))
                .flatten(),
        }
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
    /// The action classes the unit names, read when a rule first asks.
    actions: std::cell::OnceCell<pakta_norms::ActionSet>,
    /// Whether it points back to a sum another clause named, read when first asked.
    points_back: std::cell::OnceCell<bool>,
    /// Whether a word refers to another clause ("paragraph", *ayat*), read when first asked.
    refers_back: std::cell::OnceCell<bool>,
}

impl Scanned<'_> {
    /// Whether a word of the unit refers to another clause ([`lexicon::refers_back`]): asked by every
    /// requirement whose scope the unit is in.
    pub(crate) fn refers_back(&self) -> bool {
        *self.refers_back.get_or_init(|| {
            self.tokens
                .iter()
                .any(|t| lexicon::refers_back(t.folded.as_str()))
        })
    }

    /// Whether the unit points back to a sum another clause named ("The worker shall contribute towards
    /// this cost …"): the words a rule looks for are in that clause, and the reader lends them to this
    /// one.
    pub(crate) fn points_back_to_sum(&self) -> bool {
        *self.points_back.get_or_init(|| {
            let words: Vec<&str> = self.tokens.iter().map(|t| t.folded.as_str()).collect();
            lexicon::points_back_to_sum(&words)
        })
    }

    /// The action classes the unit's words name (see [`pakta_norms::ActionSet::of_words`]).
    pub(crate) fn actions(&self) -> pakta_norms::ActionSet {
        *self.actions.get_or_init(|| {
            let words: Vec<&str> = self.tokens.iter().map(|t| t.folded.as_str()).collect();
            pakta_norms::ActionSet::of_words(&words)
        })
    }
}

/// The paragraphs a unit points at ("paragraph 1", *ayat (1)*) and whether it points at the one before.
#[derive(Default)]
pub(crate) struct Pointers {
    pub(crate) numbers: Vec<String>,
    pub(crate) preceding: bool,
    /// The articles an exclusion in the unit names ("Articles 3 to 6 do not apply to …"), as printed.
    pub(crate) excludes: Vec<String>,
}

impl Pointers {
    /// Whether the unit these pointers were read from (at `from`) points at the paragraph `target` of its
    /// own article, numbered `number` ("paragraph 1", *ayat (1)*; or "the preceding paragraph", at one
    /// before it).
    pub(crate) fn point_at(&self, from: usize, target: usize, number: &str) -> bool {
        self.numbers.iter().any(|n| n == number) || (self.preceding && target < from)
    }
}

/// A paragraph's own number: the end of its id (`art_12__para_1`).
pub(crate) fn paragraph_number(id: &str) -> &str {
    id.rsplit(['_', '-']).next().unwrap_or_default()
}

/// The articles an exclusion in a unit names: "Articles 3 to 6 do not apply to …" takes from each of
/// them, wherever it stands. Asked of every unit, most of which name no provision by number: that is
/// looked for first, in the words already read, then the exclusion, then the references.
fn excluded_articles(text: &str, tokens: &[Token], provision_word: Option<&str>) -> Vec<String> {
    // The exclusion follows the articles it names, within a sentence's reach ("Articles 3 to 6 shall
    // not apply", *Pasal 3 sampai dengan Pasal 6 tidak berlaku*).
    const REACH: usize = 10;
    // A number after the word is rare, and cheaper to ask first.
    let reference = |j: usize| {
        tokens[j + 1]
            .folded
            .starts_with(|c: char| c.is_ascii_digit())
            && pakta_core::crossref::is_provision_noun(&tokens[j].folded, provision_word)
    };
    let Some(first) = (0..tokens.len().saturating_sub(1)).find(|&j| reference(j)) else {
        return Vec::new();
    };
    let mut words: Vec<&str> = Vec::with_capacity(tokens.len());
    words.extend(tokens.iter().map(|t| t.folded.as_str()));
    let excludes = (first..tokens.len() - 1)
        .filter(|&j| reference(j))
        .any(|j| lexicon::names_action_within(&words, j + 2..j + 2 + REACH, &["exclude"]));
    if !excludes {
        return Vec::new();
    }
    pakta_core::crossref::articles_named(text, provision_word)
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
