//! The norms of an agreement as the coverage check reads them: once per clause, with the lead-in a point
//! inherits, and shaped as evidence a lawyer can read.

use std::cell::OnceCell;

use pakta_norms::{Norm, Reader, lexicon};

use crate::coverage::Scanned;
use crate::units::{Unit, UnitKind};

/// A norm as evidence: who must, may or must not do what, so a lawyer can see why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormEvidence {
    /// The bearer as written, and its role.
    pub bearer: Option<String>,
    pub role: Option<String>,
    pub modality: String,
    pub modal: String,
    pub action: Option<String>,
    pub object: String,
    pub beneficiary: Option<String>,
    pub conditions: Vec<String>,
    pub negated: bool,
    pub passive: bool,
    pub hedge: Option<String>,
    /// The clause whose list lead-in gave the bearer and modality.
    pub inherited_from: Option<String>,
    /// One line: "Sponsor (employer) — obligation — hold — the Worker's passport; …".
    pub summary: String,
}

impl NormEvidence {
    pub(crate) fn of(norm: &Norm, lead_in: Option<&str>) -> NormEvidence {
        let mut summary = norm.describe();
        if let (true, Some(from)) = (norm.inherited, lead_in) {
            summary = summary.replace(
                "inherited from the lead-in",
                &format!("inherited from the lead-in of {from}"),
            );
        }
        NormEvidence {
            bearer: norm.bearer.as_ref().map(|a| a.words.clone()),
            role: norm.bearer_role().map(|r| r.name().to_string()),
            modality: norm.modality.as_str().to_string(),
            modal: norm.modal.clone(),
            action: norm.action.as_ref().map(|a| a.words.clone()),
            object: norm.object.clone(),
            beneficiary: norm.beneficiary.as_ref().map(|a| a.words.clone()),
            conditions: norm
                .conditions
                .iter()
                .map(|c| {
                    let denied = if c.denied { " (denied)" } else { "" };
                    format!("{}{denied}: {}", c.kind.as_str(), c.text)
                })
                .collect(),
            negated: norm.negated,
            passive: norm.passive,
            hedge: norm.hedge.clone(),
            inherited_from: norm
                .inherited
                .then(|| lead_in.map(str::to_string))
                .flatten(),
            summary,
        }
    }
}

/// The norm of `norms` that holds the byte at `at` in `sentence`: the one whose span contains it, else
/// the last that starts before it in the sentence, else the sentence's first.
pub(crate) fn norm_at(norms: &[Norm], at: usize, sentence: usize) -> Option<&Norm> {
    // Spans overlap (a later norm's subject may stand in an earlier one's words), so of the norms that
    // hold the byte, the one whose modal comes last before it.
    norms
        .iter()
        .filter(|n| n.span.contains(&at))
        .max_by_key(|n| {
            (
                n.at <= at,
                if n.at <= at { n.at } else { usize::MAX - n.at },
            )
        })
        .or_else(|| {
            norms
                .iter()
                .rev()
                .find(|n| n.sentence == sentence && n.span.start <= at)
        })
        .or_else(|| norms.iter().find(|n| n.sentence == sentence))
}

/// The norms of each unit, read once per check and only for the units a requirement looks at.
pub(crate) struct NormCache<'a> {
    pub(crate) reader: Reader<'a>,
    pub(crate) units: &'a [Unit<'a>],
    pub(crate) scanned: &'a [Scanned<'a>],
    pub(crate) cells: Vec<OnceCell<Vec<Norm>>>,
    /// Why each norm of a unit qualifies a protection (`qualifications::qualification`), read once for
    /// every requirement whose articles hold the unit.
    pub(crate) qualified: Vec<OnceCell<Vec<Option<crate::qualifications::Qualification>>>>,
}

impl NormCache<'_> {
    /// The qualification of each norm of unit `u`, in the order of [`NormCache::of`].
    pub(crate) fn qualifications(
        &self,
        u: usize,
    ) -> &[Option<crate::qualifications::Qualification>] {
        self.qualified[u].get_or_init(|| {
            self.of(u)
                .iter()
                .map(crate::qualifications::qualification)
                .collect()
        })
    }

    /// The norms of unit `u`. A point inherits the last norm of its enclosing clause when that clause
    /// leads into a list ("The Sponsor shall:").
    pub(crate) fn of(&self, u: usize) -> &[Norm] {
        self.cells[u].get_or_init(|| {
            let unit = &self.units[u];
            if unit.kind != UnitKind::Clause {
                return Vec::new();
            }
            let lead = unit.parent.and_then(|p| {
                let last = self.of(p).last()?;
                (leads_in(self.units[p].text) || last.action.is_none()).then_some(last)
            });
            // The parent's text is read from the tokens the scan made of it, not tokenised again.
            let parent = unit
                .parent
                .map(|p| (self.units[p].text, &self.scanned[p].tokens[..]));
            // A point under "… may change employer where:" is a condition of its lead-in's norm.
            let conditional = parent
                .is_some_and(|(text, tokens)| lexicon::leads_into_conditions_tokens(text, tokens));
            // "ensure that domestic workers: (c) are entitled to …": the points' subject is the actor
            // the lead-in ends on. Not where the lead-in ends on a condition: in "may change Employer
            // without the consent of the current Employer where:" the worker still bears the right.
            let trailing = lead
                .and(parent)
                .filter(|_| !conditional)
                .and_then(|(text, tokens)| self.reader.trailing_actor_tokens(text, tokens));
            let renamed = lead.zip(trailing).map(|(lead, actor)| {
                let mut lead = lead.clone();
                lead.bearer = Some(actor);
                lead
            });
            let lead = renamed.as_ref().or(lead);
            if let (Some(lead), Some((text, tokens))) = (lead, parent)
                && conditional
            {
                let mut norm = lead.clone();
                // A point under "… with the employer's release, except where:" is a case in which the
                // lead-in's conditions do not apply: it holds free of them.
                if lexicon::leads_into_exceptions_tokens(text, tokens) {
                    norm.conditions.clear();
                }
                // The condition is the point's first sentence. What follows it ("(c) the Worker has been
                // deported. In those cases the Worker shall pay for the return.") is the list's closing
                // words, drafted after the last point, and says what it says on its own.
                let tokens = &self.scanned[u].tokens;
                let cut = tokens
                    .iter()
                    .find(|t| t.sentence != tokens[0].sentence)
                    .map_or(unit.text.len(), |t| t.start);
                norm.conditions
                    .push(self.reader.condition(&unit.text[..cut]));
                // The evidence quotes the point, which is where the condition is written.
                norm.span = 0..cut;
                norm.inherited = true;
                let mut norms = vec![norm];
                if cut < unit.text.len() {
                    norms.extend(
                        self.reader
                            .read_tokens(unit.text, tokens, None)
                            .into_iter()
                            .filter(|n| n.span.start >= cut),
                    );
                }
                return norms;
            }
            let mut norms = self
                .reader
                .read_tokens(unit.text, &self.scanned[u].tokens, lead);
            // "(2) The worker shall contribute towards this cost …": a sum the paragraph points back to
            // and does not name is the last one the paragraph before it names.
            if norms.iter().any(Norm::points_back_to_sum)
                && let Some(before) = u.checked_sub(1).filter(|&b| {
                    let previous = &self.units[b];
                    previous.kind == UnitKind::Clause
                        && previous.parent == unit.parent
                        && previous.article == unit.article
                })
                && let Some(antecedent) = self.of(before).iter().rev().find(|n| n.names_a_sum())
            {
                for norm in norms.iter_mut().filter(|n| n.points_back_to_sum()) {
                    norm.read_sum_back(antecedent);
                }
            }
            norms
        })
    }

    /// A norm of unit `u` as evidence, naming the clause it inherited from.
    pub(crate) fn evidence(&self, u: usize, norm: &Norm) -> NormEvidence {
        let lead_in = self.units[u].parent.map(|p| self.units[p].id);
        NormEvidence::of(norm, lead_in)
    }
}

/// Whether a clause leads into a list of points: it ends with a colon or a dash.
fn leads_in(text: &str) -> bool {
    let text = text.trim_end();
    text.ends_with(':') || text.ends_with('\u{2014}') || text.ends_with("berikut")
}

/// The norms of `norm`'s sentence among `norms` (the clause's), itself among them: what keeps a rule out
/// may stand anywhere in the sentence.
pub(crate) fn sentence_of<'n>(norms: &'n [Norm], norm: &Norm) -> Vec<&'n Norm> {
    norms
        .iter()
        .filter(|n| n.sentence == norm.sentence)
        .collect()
}
