//! `cost-changed` read from norms: who bears what. A paragraph added that puts a sum on the worker ("The
//! placement fee is, however, payable by the Worker", *biaya jasa agensi merupakan tanggung jawab
//! Pekerja*), one struck out that had the employer side bear a cost, and an item struck from what the
//! employer side bears ("the air ticket, the visa and the medical examination" → "the air ticket and the
//! visa"). The phrase flags of `words::costs` see none of these: no "free of charge" or "at the expense
//! of" is written or struck.

use pakta_norms::Norm;
use pakta_norms::lexicon::{self, Qualifier};

use super::{Findings, Flag};

/// Which side bears the cost a norm speaks of: someone must, may or does pay, bear, fund or repay it, and
/// it is not denied. The redline's cost flags and the parallel check's `cost` read it.
pub(crate) fn bearer(norm: &Norm) -> Option<Side> {
    if norm.denied() || !norm.acts(&["pay", "repay"]) {
        return None;
    }
    let role = norm.bearer_role()?;
    if role.is_worker_side() {
        Some(Side::Worker)
    } else if role.is_employer_side() {
        Some(Side::Employer)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Worker,
    Employer,
}

/// The norm's words as written, one line.
fn shown(text: &str, norm: &Norm) -> String {
    pakta_core::text::collapse_whitespace(&text[norm.span.clone()])
}

/// A whole paragraph added (`inserted`) or struck out: a cost it puts on the worker, or one it had the
/// employer side bear.
pub(super) fn whole(text: &str, norms: &[Norm], inserted: bool, findings: &mut Findings) {
    for norm in norms {
        match (bearer(norm), inserted) {
            (Some(Side::Worker), true) => findings.add(Flag::CostChanged, "", shown(text, norm)),
            (Some(Side::Employer), false) => findings.add(Flag::CostChanged, shown(text, norm), ""),
            _ => {}
        }
    }
}

/// The items of what a norm has someone pay for: its object cut at commas, semicolons and "and"/"or"
/// (*dan*, *serta*, *atau*), each with the folded words that say it.
fn items(norm: &Norm) -> Vec<(String, Vec<String>)> {
    norm.object
        .split([',', ';'])
        .flat_map(|part| {
            let mut out = Vec::new();
            let mut rest = part;
            loop {
                let cut = [" and ", " or ", " dan ", " serta ", " atau "]
                    .iter()
                    .filter_map(|sep| rest.find(sep).map(|at| (at, sep.len())))
                    .min();
                match cut {
                    Some((at, len)) => {
                        out.push(&rest[..at]);
                        rest = &rest[at + len..];
                    }
                    None => {
                        out.push(rest);
                        break;
                    }
                }
            }
            out
        })
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            let words = lexicon::tokenize(item)
                .iter()
                .filter(|t| !t.stopword)
                .map(|t| t.stem.to_string())
                .collect();
            (item.to_string(), words)
        })
        .collect()
}

/// A clause changed: an item the employer side bore that is gone from the new text altogether (its words
/// stand nowhere in it), and an item put on the worker that the old text never named. Items reworded
/// but still there are for the other flags.
pub(super) fn changed(
    (old, before): (&str, &[Norm]),
    (new, after): (&str, &[Norm]),
    findings: &mut Findings,
) {
    let stems = |text: &str| -> Vec<String> {
        lexicon::tokenize(text)
            .iter()
            .map(|t| t.stem.to_string())
            .collect()
    };
    let (old_stems, new_stems) = (stems(old), stems(new));
    let absent = |words: &[String], from: &[String]| {
        !words.is_empty() && words.iter().all(|w| !from.contains(w))
    };
    // Only an item that names a sum or a thing paid for: "the costs of the agency's service", "the air
    // ticket"; a clause's "within seven days" is no item.
    let costly = |item: &str| {
        lexicon::speaks_of(Qualifier::Money, item) || lexicon::speaks_of(Qualifier::Papers, item)
    };
    for norm in before.iter().filter(|n| bearer(n) == Some(Side::Employer)) {
        for (item, words) in items(norm) {
            if absent(&words, &new_stems) {
                findings.add(Flag::CostChanged, item, "");
            }
        }
    }
    for norm in after.iter().filter(|n| bearer(n) == Some(Side::Worker)) {
        for (item, words) in items(norm) {
            if costly(&item) && absent(&words, &old_stems) {
                findings.add(Flag::CostChanged, "", item);
            }
        }
    }
}
