//! One requirement assessed in one agreement, phase by phase: the units that match it, the scope where its
//! elements and contradictions count (`scope`), what the scope's phrases and norms say against it and
//! whether its clauses dilute it (`findings`), and the status and score that follow.

use std::collections::BTreeSet;

use crate::catalogue::Requirement;
use crate::coverage::{
    Checker, Evidence, EvidenceKind, RequirementResult, Role, Scanned, Status, UnitMatch, round,
};
use crate::reading::NormCache;
use crate::units::{Layout, Unit, UnitKind};

mod findings;
mod scope;

use findings::Findings;
use scope::Scope;

/// The agreement as every phase reads it: its units, what the scan found in each, where each sits, and
/// their norms.
#[derive(Clone, Copy)]
struct Text<'a> {
    units: &'a [Unit<'a>],
    scanned: &'a [Scanned<'a>],
    layout: &'a Layout<'a>,
    norms: &'a NormCache<'a>,
}

impl Checker<'_> {
    /// The result for requirement `r`, read in the units its patterns hit (`hit_units`).
    pub(super) fn assess(
        &self,
        r: usize,
        requirement: &Requirement,
        (units, scanned, hit_units): (&[Unit], &[Scanned], &[usize]),
        layout: &Layout,
        norms: &NormCache,
    ) -> RequirementResult {
        let text = Text {
            units,
            scanned,
            layout,
            norms,
        };
        let (per_unit, topic_units) = self.unit_matches(r, hit_units, units, scanned);
        let per_unit = with_topic_norms(requirement, per_unit, &topic_units, text);
        let matched = matched(&per_unit, units);
        if matched.is_empty() {
            return missing(requirement, &per_unit);
        }
        let scope = self.scope(r, requirement, &matched, &per_unit, text);

        let elements = elements(&per_unit, &scope);
        let mut findings = self.phrase_contradictions(requirement, &per_unit, &scope, text);
        findings.extend(self.norm_findings(r, requirement, &per_unit, &scope, text));
        let hedges = self.hedges(requirement, &matched, &per_unit, &scope, text);
        let diluted = !hedges.is_empty();

        let Findings {
            mut evidence,
            contradicted,
            qualified,
        } = findings;
        evidence.extend(self.match_evidence(&matched, norms));
        evidence.extend(hedge_evidence(&hedges, units));
        sort_evidence(&mut evidence, layout);
        evidence.dedup_by(|a, b| {
            a.kind == b.kind && a.clause == b.clause && a.text.eq_ignore_ascii_case(&b.text)
        });

        let (elements_found, elements_missing) = element_names(requirement, &elements);
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
            sort_evidence(&mut evidence, layout);
            if takes_back { Status::Weaker } else { status }
        } else {
            status
        };
        let status = if uncertain && matches!(status, Status::Covered | Status::Partial) {
            Status::Uncertain
        } else {
            status
        };

        let score = score(
            status,
            requirement,
            confidence(&matched, units),
            elements_found.len(),
            &evidence,
        );
        let (articles, clauses) = articles_and_clauses(&matched, text);
        RequirementResult {
            requirement: requirement.id.clone(),
            status,
            score: round(score, 2),
            articles,
            clauses,
            evidence,
            elements_found,
            elements_missing,
            best_article: best_article(&matched, units),
        }
    }

    /// Requirement `r`'s hits in each unit of `hit_units`, by the role each pattern plays; and the units
    /// that hold nothing of it but an object word of a `topic` norm rule.
    fn unit_matches(
        &self,
        r: usize,
        hit_units: &[usize],
        units: &[Unit],
        scanned: &[Scanned],
    ) -> (Vec<UnitMatch>, Vec<usize>) {
        let mut topic_units: Vec<usize> = Vec::new();
        let mut per_unit: Vec<UnitMatch> = Vec::new();
        for &u in hit_units {
            let scan = &scanned[u];
            let mut m = UnitMatch {
                unit: u,
                ..UnitMatch::default()
            };
            let mut places = BTreeSet::new();
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
                        m.context_words.insert(role.text.to_string());
                        // Where in the text: "Organisasi", which both "organi*" and "organisasi" match,
                        // is one context word, not two.
                        places.insert(hit.start);
                        m.context.push(hit.clone());
                    }
                    Role::Contradiction => m.contradictions.push(hit.clone()),
                    Role::TopicWord => m.topic_words = true,
                    Role::Heading if units[u].kind == UnitKind::Heading => {
                        m.cues.push(hit.clone());
                    }
                    Role::Heading => {}
                }
            }
            if !m.cues.is_empty() || (m.context_words.len() >= 2 && places.len() >= 2) {
                m.matched = true;
            }
            if m.matched || !m.contradictions.is_empty() || !m.elements.is_empty() {
                per_unit.push(m);
            } else if m.topic_words {
                topic_units.push(u);
            }
        }
        (per_unit, topic_units)
    }

    /// The cues, elements and context words of the matched units, as evidence.
    fn match_evidence(&self, matched: &[&UnitMatch], norms: &NormCache) -> Vec<Evidence> {
        let mut evidence = Vec::new();
        for m in matched {
            for hit in &m.cues {
                let kind = if matches!(self.roles[hit.pattern].role, Role::Cue | Role::Heading) {
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
        evidence
    }
}

/// `per_unit` with the units a norm the requirement's `topic` rules speak of finds, in unit order.
fn with_topic_norms(
    requirement: &Requirement,
    mut per_unit: Vec<UnitMatch>,
    topic_units: &[usize],
    text: Text,
) -> Vec<UnitMatch> {
    // A norm the requirement's rules speak of finds the topic too, in words no cue lists ("the
    // passports of the deckhands are to be held by the captain").
    let object_rules: Vec<_> = requirement.norms.iter().filter(|rule| rule.topic).collect();
    if object_rules.is_empty() {
        return per_unit;
    }
    // Only a clause with one of the rules' object words can hold such a norm: reading the others
    // would cost a norm reading of every clause of the agreement.
    let worded: Vec<usize> = per_unit
        .iter()
        .filter(|m| m.topic_words)
        .map(|m| m.unit)
        .chain(topic_units.iter().copied())
        .filter(|&u| text.units[u].kind == UnitKind::Clause)
        .collect();
    for u in worded {
        // Reading a clause's norms is the dear part: only a clause that holds a word of each of some
        // topic rule's lists (object, `also`, `together`) can hold a norm that rule speaks of.
        let words: Vec<&str> = text.scanned[u]
            .tokens
            .iter()
            .map(|t| t.folded.as_str())
            .collect();
        if !object_rules
            .iter()
            .any(|rule| rule.may_judge(&words, || text.scanned[u].actions()))
        {
            continue;
        }
        let unit_norms = text.norms.of(u);
        let speaks = unit_norms.iter().any(|n| {
            let sentence = crate::reading::sentence_of(unit_norms, n);
            object_rules
                .iter()
                .any(|rule| rule.matches(n, &sentence, false))
        });
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
    per_unit
}

/// The matched units that decide the requirement.
fn matched<'m>(per_unit: &'m [UnitMatch], units: &[Unit]) -> Vec<&'m UnitMatch> {
    // Operative clauses first; definitions, purposes and the preamble only when nothing else speaks.
    let primary: Vec<&UnitMatch> = per_unit
        .iter()
        .filter(|m| m.matched && !units[m.unit].secondary)
        .collect();
    // The preamble says what the Parties have in mind, not what they agree: a mention there ("the principles
    // of the International Labour Organisation") addresses no requirement.
    let mut matched: Vec<&UnitMatch> = if primary.is_empty() {
        per_unit
            .iter()
            .filter(|m| m.matched && units[m.unit].kind != UnitKind::Preamble)
            .collect()
    } else {
        primary
    };
    // Two context words are a weak signal: they stand in only where no cue speaks.
    if matched.iter().any(|m| !m.cues.is_empty() || m.by_norm) {
        matched.retain(|m| !m.cues.is_empty() || m.by_norm);
    }
    matched
}

/// The result for a requirement no unit matches: surer when not even a context word was seen.
fn missing(requirement: &Requirement, per_unit: &[UnitMatch]) -> RequirementResult {
    let context_seen = per_unit
        .iter()
        .map(|m| m.context_words.len())
        .max()
        .unwrap_or(0);
    RequirementResult::without_clauses(
        &requirement.id,
        Status::Missing,
        if context_seen > 0 { 0.7 } else { 0.95 },
    )
}

/// The elements the agreement states.
fn elements(per_unit: &[UnitMatch], scope: &Scope) -> BTreeSet<usize> {
    // Elements count wherever the agreement states them: a scope article and the definitions article
    // together make a complete scope clause.
    per_unit
        .iter()
        .filter(|m| m.matched || scope.units.contains(&m.unit))
        .flat_map(|m| m.elements.iter().copied())
        .collect()
}

/// The hedge of each diluting clause, as evidence.
fn hedge_evidence(hedges: &[(usize, String)], units: &[Unit]) -> Vec<Evidence> {
    hedges
        .iter()
        .map(|(u, hedge)| Evidence {
            kind: EvidenceKind::Hedge,
            clause: units[*u].id.to_string(),
            article: units[*u].article_number.map(str::to_string),
            text: hedge.clone(),
            pattern: String::new(),
            norm: None,
        })
        .collect()
}

/// Sorts evidence into document order, then by kind and words.
fn sort_evidence(evidence: &mut [Evidence], layout: &Layout) {
    let position = |e: &Evidence| {
        layout
            .order
            .get(e.clause.as_str())
            .copied()
            .unwrap_or(usize::MAX)
    };
    evidence.sort_by(|a, b| (position(a), a.kind, &a.text).cmp(&(position(b), b.kind, &b.text)));
}

/// The names of the requirement's elements found and missing.
fn element_names(
    requirement: &Requirement,
    elements: &BTreeSet<usize>,
) -> (Vec<String>, Vec<String>) {
    let found: Vec<String> = elements
        .iter()
        .map(|&e| requirement.elements[e].name.clone())
        .collect();
    let missing: Vec<String> = requirement
        .elements
        .iter()
        .enumerate()
        .filter(|(e, _)| !elements.contains(e))
        .map(|(_, el)| el.name.clone())
        .collect();
    (found, missing)
}

/// How strongly the matched units speak of the requirement, 0–1: each distinct cue counts most, a matched
/// heading nearly as much, each distinct context word a little.
fn confidence(matched: &[&UnitMatch], units: &[Unit]) -> f64 {
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
    1.0 - (-0.7 * strength).exp()
}

/// The confidence in `status`, before rounding.
fn score(
    status: Status,
    requirement: &Requirement,
    confidence: f64,
    elements_found: usize,
    evidence: &[Evidence],
) -> f64 {
    match status {
        Status::Covered | Status::Uncertain => 0.5 + 0.5 * confidence,
        Status::Partial => {
            let total = requirement.elements.len().max(1) as f64;
            0.4 + 0.3 * confidence + 0.2 * (elements_found as f64 / total)
        }
        Status::Weaker => {
            let contradictions = evidence
                .iter()
                .filter(|e| e.kind == EvidenceKind::Contradiction)
                .count();
            (0.55 + 0.1 * contradictions as f64 + 0.2 * confidence).min(0.99)
        }
        _ => confidence,
    }
}

/// The printed numbers of the matched articles and the ids of the matched clauses, in document order.
fn articles_and_clauses(matched: &[&UnitMatch], text: Text) -> (Vec<String>, Vec<String>) {
    let Text { units, layout, .. } = text;
    let mut article_ids: Vec<usize> = Vec::new();
    let mut clauses: Vec<String> = Vec::new();
    for m in matched {
        let unit = &units[m.unit];
        if let Some(a) = unit.article_index
            && !article_ids.contains(&a)
        {
            article_ids.push(a);
        }
        if unit.kind != UnitKind::Heading && !clauses.iter().any(|c| c == unit.id) {
            clauses.push(unit.id.to_string());
        }
    }
    let articles = article_ids
        .iter()
        .filter_map(|&a| {
            let first = *layout.first_of_article.get(&a)?;
            units[first].article_number.map(str::to_string)
        })
        .collect();
    (articles, clauses)
}

/// The article of the matched unit with most cues and context words, the earliest of equals.
fn best_article(matched: &[&UnitMatch], units: &[Unit]) -> Option<String> {
    matched
        .iter()
        .max_by_key(|m| {
            (
                m.cues.len() * 4 + m.context_words.len(),
                std::cmp::Reverse(m.unit),
            )
        })
        .and_then(|m| units[m.unit].article_id.map(str::to_string))
}
