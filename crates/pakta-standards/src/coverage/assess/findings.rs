//! What the scope says against a requirement: the catalogue's contradiction phrases and an entitlement's
//! denied cues, the norms its rules judge, and the hedges and escapes that dilute it.

use std::collections::BTreeSet;

use pakta_norms::lexicon;
use pakta_norms::{Modality, Role as NormRole};

use super::Text;
use super::scope::Scope;
use crate::catalogue::Requirement;
use crate::coverage::{Checker, Evidence, EvidenceKind, Scanned, UnitMatch, norm_pattern};
use crate::negation::{cue_denied, phrase_negated};
use crate::norms::{Effect, judge, judge_in_article};
use crate::pattern::Hit;
use crate::reading::{NormCache, norm_at};
use crate::units::UnitKind;

/// What the scope's phrases and norms say of the requirement.
#[derive(Debug, Default)]
pub(super) struct Findings {
    pub(super) evidence: Vec<Evidence>,
    /// A phrase or norm contradicts the requirement.
    pub(super) contradicted: bool,
    /// A rule of the requirement's own found a norm only a reader can judge.
    pub(super) qualified: bool,
}

impl Findings {
    /// Records what a norm of unit `u` does to the requirement.
    fn record(
        &mut self,
        judgement: crate::norms::Judgement,
        u: usize,
        norm: &pakta_norms::Norm,
        text: Text,
    ) {
        let kind = match judgement.effect {
            Effect::Contradicts => {
                self.contradicted = true;
                EvidenceKind::Contradiction
            }
            Effect::Qualifies => {
                self.qualified = true;
                EvidenceKind::Qualification
            }
            Effect::Satisfies => EvidenceKind::Compliance,
        };
        let unit = &text.units[u];
        self.evidence.push(Evidence {
            kind,
            clause: unit.id.to_string(),
            article: unit.article_number.map(str::to_string),
            text: pakta_core::text::collapse_whitespace(&unit.text[norm.span.clone()]),
            pattern: norm_pattern(kind, &judgement.why),
            norm: Some(text.norms.evidence(u, norm)),
        });
    }

    pub(super) fn extend(&mut self, other: Findings) {
        self.evidence.extend(other.evidence);
        self.contradicted |= other.contradicted;
        self.qualified |= other.qualified;
    }
}

impl Checker<'_> {
    /// The catalogue's contradiction phrases found in the scope, each negated or not, and the cues of an
    /// entitlement that the clause denies.
    pub(super) fn phrase_contradictions(
        &self,
        requirement: &Requirement,
        per_unit: &[UnitMatch],
        scope: &Scope,
        text: Text,
    ) -> Findings {
        let norms = text.norms;
        let mut findings = Findings::default();
        for m in per_unit.iter().filter(|m| scope.units.contains(&m.unit)) {
            let scan = &text.scanned[m.unit];
            if requirement.entitlement && m.matched {
                for hit in m.cues.iter().filter(|h| cue_denied(&scan.tokens, h)) {
                    findings.contradicted = true;
                    let mut denial = self.evidence(EvidenceKind::Contradiction, m.unit, hit, norms);
                    denial.pattern = format!("denied: {}", denial.pattern);
                    findings.evidence.push(denial);
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
                findings.contradicted |= !negated;
                findings.evidence.push(self.evidence(
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
        findings
    }

    /// What the norms of the scope's clauses say of the requirement.
    pub(super) fn norm_findings(
        &self,
        requirement_index: usize,
        requirement: &Requirement,
        per_unit: &[UnitMatch],
        scope: &Scope,
        text: Text,
    ) -> Findings {
        let Text {
            units,
            scanned,
            norms,
            ..
        } = text;
        let mut findings = Findings::default();
        let article_rules = crate::norms::has_article_rules(&requirement.norms);
        // The norms of the scope, judged by the requirement's norm rules and the rules every protection
        // shares. A whole article is on the topic its heading names; a point inherits its lead-in's topic.
        for &u in &scope.units {
            if units[u].kind != UnitKind::Clause {
                continue;
            }
            let hits: Vec<&Hit> = per_unit
                .iter()
                .filter(|m| m.unit == u)
                .flat_map(|m| m.cues.iter().chain(&m.context).chain(&m.contradictions))
                .collect();
            let on_topic: BTreeSet<usize> = hits
                .iter()
                .map(|hit| scanned[u].tokens[hit.first_token].sentence)
                .collect();
            // "Workers living in Employer accommodation may leave it only with a pass": a topic word
            // that only describes who acts puts the sentence on another topic (movement, not housing).
            let topic_beside_bearer = |norm: &pakta_norms::Norm| {
                // The subject runs from the bearer's words to the modal. A statement's subject is often a
                // thing its first role word only describes ("Tunjangan keluarga … tidak berlaku").
                let subject = norm
                    .bearer
                    .as_ref()
                    .filter(|_| !norm.passive && norm.modality != Modality::Statement)
                    .and_then(|b| units[u].text.get(..norm.at)?.rfind(b.words.as_str()))
                    .map(|from| from..norm.at);
                hits.iter().any(|hit| {
                    scanned[u].tokens[hit.first_token].sentence == norm.sentence
                        && !subject
                            .as_ref()
                            .is_some_and(|s| s.start <= hit.start && hit.end <= s.end)
                })
            };
            let heading_on_topic = units[u]
                .article
                .is_some_and(|a| scope.heading_articles.contains(a));
            let parties_on_topic = units[u]
                .article
                .is_some_and(|a| scope.parties_articles.contains(a));
            let parent_on_topic = units[u].parent.is_some_and(|p| scope.spoken.contains(&p));
            // A paragraph of the article that names another requirement's topic is that one's to judge.
            // Asked only of a norm no rule judged on its sentence: naming a topic is read off every hit.
            let in_cue_article = std::cell::OnceCell::new();
            let in_cue_article = || {
                *in_cue_article.get_or_init(|| {
                    article_rules
                        && units[u]
                            .article
                            .is_some_and(|a| scope.cue_articles.contains(a))
                        && !self.names_topic(&scanned[u], requirement_index, false, false)
                        && crate::norms::may_speak_in_article(
                            &requirement.norms,
                            &scanned[u].tokens,
                            || scanned[u].actions(),
                        )
                })
            };
            // A clause that is in scope only as part of its paragraph or article, and holds no word any
            // rule looks for, can give no finding: its norms are not read. An article read whole (its
            // heading named the topic, or it is a provision between the Parties) is read where a rule
            // may act; under a heading only a heading name matched, the name puts the article on the
            // topic but does not make every paragraph of it one to weigh.
            let named_only = units[u]
                .article
                .is_some_and(|a| scope.named_articles.contains(a));
            let may_act = || crate::norms::may_act(&requirement.norms, || scanned[u].actions());
            let article_read = if named_only {
                may_act()
            } else {
                heading_on_topic || (parties_on_topic && may_act())
            };
            if on_topic.is_empty()
                && !article_read
                && !parent_on_topic
                && !scope.referring.contains(&u)
                && !crate::norms::may_speak(
                    &requirement.norms,
                    scanned[u].tokens.iter().map(|t| t.folded.as_str()),
                    scanned[u].refers_back(),
                )
            {
                continue;
            }
            let unit_norms = norms.of(u);
            let rules = unit_rules(requirement, unit_norms, &scanned[u]);
            for norm in unit_norms {
                let sentence = crate::reading::sentence_of(unit_norms, norm);
                let sentence_on_topic = (on_topic.contains(&norm.sentence)
                    && topic_beside_bearer(norm))
                    || heading_on_topic
                    || parties_on_topic
                    || (norm.inherited && parent_on_topic);
                // On topic, the requirement's own rules were asked already.
                let Some(judgement) = judge(
                    &rules,
                    requirement.protects_workers,
                    norm,
                    &sentence,
                    sentence_on_topic,
                )
                .or_else(|| {
                    (article_rules && !sentence_on_topic && in_cue_article())
                        .then(|| judge_in_article(&rules, norm, &sentence))
                        .flatten()
                }) else {
                    continue;
                };
                findings.record(judgement, u, norm, text);
            }
        }
        for &u in scope.siblings.iter().filter(|_| article_rules) {
            if self.names_topic(&scanned[u], requirement_index, false, false)
                || !crate::norms::may_speak_in_article(
                    &requirement.norms,
                    &scanned[u].tokens,
                    || scanned[u].actions(),
                )
            {
                continue;
            }
            let unit_norms = norms.of(u);
            let rules = unit_rules(requirement, unit_norms, &scanned[u]);
            for norm in unit_norms {
                let sentence = crate::reading::sentence_of(unit_norms, norm);
                if let Some(judgement) = judge_in_article(&rules, norm, &sentence) {
                    findings.record(judgement, u, norm, text);
                }
            }
        }
        findings
    }

    /// The clauses that dilute the requirement, each with the modal or hedge that does; empty when the
    /// requirement is not diluted.
    pub(super) fn hedges(
        &self,
        requirement: &Requirement,
        matched: &[&UnitMatch],
        per_unit: &[UnitMatch],
        scope: &Scope,
        text: Text,
    ) -> Vec<(usize, String)> {
        let Text {
            units,
            scanned,
            norms,
            ..
        } = text;
        // Dilution: one operative clause with an escape ("where feasible", *sedapat mungkin*, "shall
        // endeavour") is enough, since that element is then not owed; a mere "may" dilutes only when
        // every matched clause says it.
        let mut diluted_units = Vec::new();
        let mut firm = false;
        let mut escaped = false;
        // Where an article's heading gives it to the topic ("Article 21 — Labour Inspection"), its clauses
        // say how firmly the agreement holds to it: a firm mention elsewhere ("the committee examines
        // inspection reports") does not make "inspectors may board vessels" a duty.
        let in_home = |m: &UnitMatch| {
            units[m.unit]
                .article
                .is_some_and(|a| scope.heading_articles.contains(a))
        };
        let has_home = matched
            .iter()
            .any(|m| units[m.unit].kind == UnitKind::Clause && in_home(m));
        let home = |m: &&&UnitMatch| !has_home || in_home(m);
        for m in matched
            .iter()
            .filter(|m| units[m.unit].kind == UnitKind::Clause && !units[m.unit].secondary)
            .filter(home)
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
                    .units
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
                    Some((hedge, escape)) => {
                        escaped |= escape;
                        diluted_units.push((m.unit, hedge));
                    }
                    None => firm = true,
                }
            }
        }
        let diluted = escaped || (!firm && !diluted_units.is_empty());
        if diluted { diluted_units } else { Vec::new() }
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
        // A clause read only because its article's heading names the topic says how firmly by its
        // first norm.
        let read: Vec<&pakta_norms::Norm> = if hits.is_empty() {
            unit_norms.iter().take(1).collect()
        } else {
            hits.iter()
                .map(|hit| norm_at(unit_norms, hit.start, scan.tokens[hit.first_token].sentence))
                .collect::<Option<_>>()?
        };
        for norm in read {
            let worker = norm.bearer_role().is_some_and(NormRole::is_worker_side);
            // "Each Party may, if it considers it necessary, designate …": an escape however the duty
            // is worded.
            let own_judgement = crate::norms::left_to_own_judgement(norm);
            let dilutes = own_judgement.is_some()
                || match norm.modality {
                    // A recommendation to the worker ("workers should register") binds nobody else.
                    Modality::HedgedDuty => norm.hedge.is_some() || !worker,
                    // "The Employer may deduct income tax and social-security contributions": a power to
                    // deduct what the law levies is how the levy is paid, not a duty made optional.
                    // A subject the lexicon does not know ("Labour attachés may take part", *wakil SEFOPE
                    // dapat ikut memantau*) is someone given leave all the same; a passive without its
                    // agent ("wages may be paid by transfer") says how, not who.
                    Modality::Permission => {
                        requirement.obligation
                            && (norm.bearer.is_some() || !norm.passive)
                            && !worker
                            && !(norm.acts(&["deduct"])
                                && pakta_norms::lexicon::speaks_of(
                                    pakta_norms::lexicon::Qualifier::LawfulCost,
                                    &norm.object,
                                ))
                    }
                    _ => false,
                };
            if !dilutes {
                return None;
            }
            escape |= own_judgement.is_some()
                || (norm.modality == Modality::HedgedDuty && (norm.hedge.is_some() || !worker));
            hedge.get_or_insert_with(|| {
                norm.hedge.clone().unwrap_or_else(|| {
                    own_judgement.map_or_else(|| norm.modal.clone(), |c| c.text.clone())
                })
            });
        }
        hedge.map(|h| (h, escape))
    }
}

/// The requirement's rules that may judge the norms of a clause (see [`crate::norms::rules_for`]); all of
/// them where a norm inherits from a lead-in, or reads a sum another clause named, whose words the clause
/// does not hold.
fn unit_rules<'r>(
    requirement: &'r Requirement,
    unit_norms: &[pakta_norms::Norm],
    scanned: &crate::coverage::Scanned,
) -> Vec<&'r crate::norms::NormRule> {
    if unit_norms.iter().any(|n| n.inherited) {
        return requirement.norms.iter().collect();
    }
    // "Its cost shall be repaid by the Worker": the words of the sum it points back to count as the
    // clause's own.
    let lent: Vec<&str> = unit_norms
        .iter()
        .filter_map(|n| n.sum_named_before.as_deref())
        .flat_map(|named| named.split(' '))
        .collect();
    if lent.is_empty() {
        crate::norms::rules_for(&requirement.norms, &scanned.tokens, || scanned.actions())
    } else {
        let words: Vec<&str> = scanned
            .tokens
            .iter()
            .map(|t| t.folded.as_str())
            .chain(lent)
            .collect();
        let actions = pakta_norms::ActionSet::of_words(&words);
        requirement
            .norms
            .iter()
            .filter(|rule| rule.may_judge(&words, || actions))
            .collect()
    }
}
