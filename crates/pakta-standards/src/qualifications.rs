//! The `uncertain` finding: norms that qualify a worker protection in a way no rule can judge.
//!
//! A protection the check found covered or partial is read once more, clause by clause, in the articles
//! where its cues are. A norm that may take it back, or may be harmless, and only a reader can tell which
//! (an exception, a cost on the worker, a power of the employer side, a consent to obtain, a waiver,
//! something counted as wage, a hedge, someone the employer appoints), makes the requirement `uncertain`
//! and is shown as `qualification` evidence. What is harmless is the lexicon's `[qualifiers]` data.

use std::collections::BTreeSet;

use pakta_norms::{Modality, Norm, Role};

use crate::coverage::{Evidence, EvidenceKind};
use crate::reading::NormCache;
use crate::units::{Layout, Unit, UnitKind};

/// The qualifications in the clauses of `articles`, leaving out the clauses `elsewhere` says belong to
/// another requirement, definitions and purposes, in document order.
pub(crate) fn find(
    articles: &BTreeSet<&str>,
    units: &[Unit],
    layout: &Layout,
    norms: &NormCache,
    elsewhere: impl Fn(usize) -> bool,
) -> Vec<Evidence> {
    let mut found = Vec::new();
    for article in articles {
        for &u in layout.by_article.get(article).into_iter().flatten() {
            if units[u].kind != UnitKind::Clause || units[u].secondary || elsewhere(u) {
                continue;
            }
            for norm in norms.of(u) {
                let Some(why) = qualification(norm) else {
                    continue;
                };
                found.push(Evidence {
                    kind: EvidenceKind::Qualification,
                    clause: units[u].id.clone(),
                    article: units[u].article_number.clone(),
                    text: pakta_core::text::collapse_whitespace(&units[u].text[norm.span.clone()]),
                    pattern: format!("qualifies: {why}"),
                    norm: Some(norms.evidence(u, norm)),
                });
            }
        }
    }
    found
}

/// Why a norm qualifies a protection in a way the rules cannot judge: it may take the protection back, or
/// it may be harmless, and only a reader can tell. A check that cannot tell says so rather than call the
/// requirement covered.
pub fn qualification(norm: &Norm) -> Option<&'static str> {
    use pakta_norms::lexicon::{Qualifier, opens_with, speaks_of};
    let bearer = norm.bearer_role();
    let worker = bearer.is_some_and(Role::is_worker_side);
    let employer = bearer.is_some_and(Role::is_employer_side);
    let benign = |text: &str| speaks_of(Qualifier::Benign, text);
    // Conditions that could take something back: not denied ("without the employer's consent"), not the
    // worker's own request, and not a harmless deferral to the law, a court or equal terms.
    let live: Vec<_> = norm
        .conditions
        .iter()
        .filter(|c| !c.denied && !c.workers_request() && !benign(&c.text))
        .collect();
    if norm.denied() && live.is_empty() {
        return None;
    }
    let what = format!(
        "{} {}",
        norm.action.as_ref().map_or("", |a| a.words.as_str()),
        norm.object
    );
    if norm.modality == Modality::HedgedDuty && !worker && !benign(&what) {
        return Some("a hedge on what is owed");
    }
    // "No worker shall be deployed unless the contract is registered": what must happen first. A
    // prohibition lifted only by the worker's own consent is the worker's choice, in either language
    // ("unless the Worker has agreed in writing", *kecuali Pekerja telah menyetujuinya*).
    let precondition = |c: &pakta_norms::Condition| {
        norm.denied()
            && (opens_with(Qualifier::Precondition, &c.text)
                || (c.consent && c.roles.contains(&Role::Worker)))
    };
    // "Give particular attention to women workers, apart from other workers": besides, not except.
    let addition =
        |c: &pakta_norms::Condition| !norm.denied() && opens_with(Qualifier::Addition, &c.text);
    if live.iter().any(|c| {
        c.kind == pakta_norms::ConditionKind::Exception && !precondition(c) && !addition(c)
    }) {
        return Some("an exception to the protection");
    }
    // A consent asked of anyone but the worker: the employer, a skipper, a husband or a guardian.
    if live
        .iter()
        .any(|c| c.consent && !c.mutual && !c.roles.contains(&Role::Worker))
        && (worker || norm.mentioned.iter().any(|r| r.is_worker_side()))
    {
        return Some("it depends on someone else's consent or approval");
    }
    if norm.narrowed
        && !norm.denied()
        && !live.is_empty()
        && norm.mentioned.iter().any(|r| r.is_worker_side())
    {
        return Some("it holds only on a condition");
    }
    if worker && !norm.denied() && !benign(&what) {
        let verb = norm.action.as_ref().map_or("", |a| a.words.as_str());
        // "may elect in writing to work on the rest day", *dapat menyatakan kesediaan*: a permission to
        // agree to less. "Shall be free to agree whether or not to live in" is a right, and no waiver.
        if norm.modality == Modality::Permission
            && norm.acts(&["waive", "consent", "surrender"])
            && !speaks_of(Qualifier::ConsentNoun, verb)
        {
            return Some("the worker may give the protection up or agree to less");
        }
        // A cost needs money named somewhere in the norm ("menggantinya" replaces worn equipment; it
        // repays nothing), and a right to credit is no debt.
        let money = speaks_of(Qualifier::Money, norm.words())
            && !speaks_of(Qualifier::LawfulCost, norm.words());
        if money && norm.modality != Modality::Right {
            if norm.acts(&["repay", "advance", "deduct"]) {
                return Some("the worker repays, is advanced or has deducted a cost");
            }
            if norm.acts(&["pay", "charge"]) {
                return Some("the worker pays a cost");
            }
        }
    }
    if worker && matches!(norm.modality, Modality::Right | Modality::Permission) {
        if live
            .iter()
            .any(|c| c.discretion && !c.roles.iter().all(|r| r.is_worker_side()))
        {
            return Some("the worker's right depends on someone else's judgement");
        }
        return None;
    }
    if !norm.denied() && speaks_of(Qualifier::Offset, norm.words()) {
        return Some("something else is counted as wage");
    }
    // The one chosen does the act: "certified by a doctor appointed by the employer". An employer who
    // pays "the part designated by the worker" (active) chooses nothing.
    if !norm.denied()
        && norm.passive
        && norm.mentioned.iter().any(|r| r.is_employer_side())
        && speaks_of(Qualifier::Appointed, norm.words())
    {
        return Some("someone the employer side chooses does it");
    }
    // A power bounded by "only" ("may terminate only for a valid reason") is a limit on the employer.
    if employer
        && !norm.denied()
        && norm.modality == Modality::Permission
        && !norm.narrowed
        && !benign(&what)
        && !norm.conditions.iter().any(|c| benign(&c.text))
    {
        return Some("the employer side may act: a power, not a duty");
    }
    if !norm.denied()
        && !worker
        && norm.mentioned.iter().any(|r| r.is_employer_side())
        && norm.acts(&["keep", "deduct", "postpone", "decide", "restrict"])
        && norm.modality != Modality::Obligation
        && (norm.passive || employer)
        && !norm.narrowed
        && !norm.conditions.iter().any(|c| benign(&c.text))
    {
        return Some("the employer side keeps, deducts, postpones or decides");
    }
    None
}
