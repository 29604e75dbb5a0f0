//! The flags read from words rather than norms: numbers and dates, costs, definitions, a word swapped
//! for its opposite, and a consent written in where no condition opener stands.

use pakta_core::crossref::Reference;
use pakta_core::diff::{Change, ChangeOp};
use pakta_norms::Norm;
use pakta_norms::date::{date_spans, find_dates};
use pakta_norms::lexicon;
use pakta_norms::quantity::{self, Quantity};

use super::{Findings, Flag};

/// Quantities present on one side only, paired by unit in order.
pub(super) fn numbers(
    (old, old_references): (&str, &[Reference]),
    (new, new_references): (&str, &[Reference]),
    findings: &mut Findings,
) {
    // Numbers inside dates and cross-references are the business of those flags.
    let outside_dates = |text: &str, references: &[Reference]| {
        let quantities = quantity::quantities(text);
        if quantities.is_empty() {
            return quantities;
        }
        let mut spans = date_spans(text);
        spans.extend(references.iter().map(|r| r.range.clone()));
        // Each is shown with its floor or ceiling and its period: "not less than USD 500 per month".
        quantities
            .into_iter()
            .filter(|q| !spans.iter().any(|s| q.start < s.end && s.start < q.end))
            .map(|mut q| {
                q.text = text[q.phrase.clone()].to_string();
                q
            })
            .collect::<Vec<_>>()
    };
    let (before, after) = (
        outside_dates(old, old_references),
        outside_dates(new, new_references),
    );
    // Counted, not merely present: "five years, … further five-year periods" that becomes "three years,
    // … five-year periods" lost one five years, though another remains.
    // Each quantity is matched to one on the other side, the same words first ("five-year" to
    // "five-year"), then the same value.
    let mut kept = vec![false; after.len()];
    let mut matched = vec![false; before.len()];
    // A sum keeps its value only in the same currency: "USD 250" that becomes "IDR 250" changed.
    let same_currency = |a: &Quantity, b: &Quantity| {
        a.unit != quantity::Unit::Money || a.unit_text.eq_ignore_ascii_case(&b.unit_text)
    };
    for same_words in [true, false] {
        for (b, q) in before.iter().enumerate() {
            let key = q.key();
            let twin = (0..after.len()).find(|&i| {
                !matched[b]
                    && !kept[i]
                    && after[i].key() == key
                    && same_currency(q, &after[i])
                    && (!same_words || after[i].text == q.text)
            });
            if let Some(i) = twin {
                kept[i] = true;
                matched[b] = true;
                // "USD 1,500" that became "USD 1.500" reads as the same sum in Indonesian, but as one and
                // a half in English: a separator swapped inside a number is a change to show.
                let (was, now) = (separators(&q.text), separators(&after[i].text));
                // "USD 1,500 (… United States dollars)" that became "(… Singapore dollars)": the words
                // now name another sum.
                let currency = match (&q.currency_in_words, &after[i].currency_in_words) {
                    (Some(a), Some(b)) => a != b,
                    _ => false,
                };
                if (!was.is_empty() && !now.is_empty() && was != now) || currency {
                    findings.add(Flag::NumberChanged, q.text.clone(), after[i].text.clone());
                }
            }
        }
    }
    let mut gone: Vec<&Quantity> = before
        .iter()
        .zip(&matched)
        .filter(|(_, matched)| !**matched)
        .map(|(q, _)| q)
        .collect();
    let mut came: Vec<&Quantity> = after
        .iter()
        .zip(&kept)
        .filter(|(_, kept)| !**kept)
        .map(|(q, _)| q)
        .collect();
    gone.dedup_by(|a, b| a.key() == b.key() && same_currency(a, b));
    came.dedup_by(|a, b| a.key() == b.key() && same_currency(a, b));
    // The same measure in other words ("five (5) years" → "sixty (60) months", "once a year" → "once every
    // twelve (12) months") is no change of number.
    let mut used = vec![false; came.len()];
    gone.retain(
        |q| match (0..came.len()).find(|&i| !used[i] && q.same_measure(came[i])) {
            Some(i) => {
                used[i] = true;
                false
            }
            None => true,
        },
    );
    // What is left is paired by what it measures, so that "within thirty (30) days" → "within one (1)
    // month" is one change, not a period struck and another added.
    let alike = |q: &Quantity, c: &Quantity| {
        c.unit == q.unit && c.per.is_some() == q.per.is_some() || (c.is_period() && q.is_period())
    };
    for q in &gone {
        match came
            .iter()
            .enumerate()
            .position(|(i, c)| !used[i] && alike(q, c))
        {
            Some(i) => {
                used[i] = true;
                findings.add(Flag::NumberChanged, q.text.clone(), came[i].text.clone());
            }
            None => findings.add(Flag::NumberChanged, q.text.clone(), ""),
        }
    }
    for (i, c) in came.iter().enumerate() {
        if !used[i] {
            findings.add(Flag::NumberChanged, "", c.text.clone());
        }
    }
}

/// `meaning-reversed`: within one small edit (a few words struck, a few put in), a word struck and its
/// opposite put in: "before" → "after", "or" → "and", *sukarela* → *wajib*. A rewritten sentence is no
/// swap of one word for another, so edits of more than four words a side are left to the other flags.
pub(super) fn reversals(changes: &[Change], findings: &mut Findings) {
    let words = |text: &str| -> Vec<String> {
        lexicon::tokenize(text)
            .iter()
            .map(|t| t.folded.to_string())
            .collect()
    };
    // "No agency or employer shall" → "No agency and no employer shall", "Agencies and employers shall not":
    // where the edit moves a negator, "or" and "and" say the same under it, so their swap is no reversal.
    let negator = |w: &String| lexicon::is_strict_negator(w) || w == "no";
    let negated = changes
        .iter()
        .filter(|c| c.op != ChangeOp::Equal)
        .any(|c| words(&c.text).iter().any(negator));
    let conjunction = |w: &str| {
        matches!(
            w,
            "or" | "and" | "atau" | "dan" | "any" | "all" | "either" | "both"
        )
    };
    let mut i = 0;
    while i < changes.len() {
        if changes[i].op == ChangeOp::Equal {
            i += 1;
            continue;
        }
        let (mut struck, mut put) = (Vec::new(), Vec::new());
        while i < changes.len() && changes[i].op != ChangeOp::Equal {
            match changes[i].op {
                ChangeOp::Delete => struck.extend(words(&changes[i].text)),
                ChangeOp::Insert => put.extend(words(&changes[i].text)),
                ChangeOp::Equal => {}
            }
            i += 1;
        }
        if struck.is_empty() || put.is_empty() || struck.len() > 4 || put.len() > 4 {
            continue;
        }
        let (struck, put) = (
            format!(" {} ", struck.join(" ")),
            format!(" {} ", put.join(" ")),
        );
        let has = |text: &str, word: &str| text.contains(&format!(" {word} "));
        for [a, b] in lexicon::opposites() {
            if negated && conjunction(a) {
                continue;
            }
            for (was, now) in [(a, b), (b, a)] {
                if has(&struck, was) && has(&put, now) && !has(&struck, now) && !has(&put, was) {
                    findings.add(Flag::MeaningReversed, was.clone(), now.clone());
                }
            }
        }
    }
}

/// `condition-added` / `condition-removed` for someone's consent written into, or struck from, a clause
/// whose norms did not read it as a condition: "within fourteen days of the date on which the current
/// Employer gives its consent", *sejak Pemberi Kerja memberikan persetujuan*. The words put in must name
/// both a consent and a party. A consent denied ("without the consent of the worker") is a way around a
/// prohibition ("shall not, without the consent of the worker: …") and no condition on anything else.
pub(super) fn consents(changes: &[Change], after: &[Norm], findings: &mut Findings) {
    if findings.flags.contains(&Flag::ConditionAdded)
        || findings.flags.contains(&Flag::ConditionRemoved)
    {
        return;
    }
    let prohibition = after.iter().any(Norm::denied);
    for change in changes.iter().filter(|c| c.op != ChangeOp::Equal) {
        let tokens = lexicon::tokenize(&change.text);
        let words: Vec<&str> = tokens.iter().map(lexicon::read_word).collect();
        if words.len() > 15 {
            continue;
        }
        let Some(at) = (0..words.len())
            .find(|&k| lexicon::names_action_within(&words, k..k + 1, &["consent"]))
        else {
            continue;
        };
        let party = words
            .iter()
            .any(|w| pakta_norms::Role::of_word(w).is_some());
        let denied = (at.saturating_sub(6)..at).any(|k| lexicon::denies_condition(words[k]));
        // A consent denied is a way round a ban whoever gives it ("without his or her written consent");
        // one asked for must name whose it is.
        if (denied && !prohibition) || (!denied && !party) {
            continue;
        }
        let text = change
            .text
            .trim()
            .trim_start_matches(',')
            .trim()
            .to_string();
        match change.op {
            ChangeOp::Insert => findings.add(Flag::ConditionAdded, "", text),
            ChangeOp::Delete => findings.add(Flag::ConditionRemoved, text, ""),
            ChangeOp::Equal => {}
        }
    }
}

/// `condition-added` / `condition-removed` for a ban narrowed to the unreasonable act, or widened back:
/// "shall not withhold the passport" → "shall not *unreasonably* withhold", "… without good cause",
/// *tanpa alasan yang sah* (the lexicon's `[qualifiers] reasonableness`). Only where a ban stands on that
/// side: "reasonable accommodation" in a duty is no such limit.
pub(super) fn reasonableness(
    changes: &[Change],
    (before, after): (&[Norm], &[Norm]),
    findings: &mut Findings,
) {
    for change in changes.iter().filter(|c| c.op != ChangeOp::Equal) {
        let banned = if change.op == ChangeOp::Insert {
            after
        } else {
            before
        };
        if !banned.iter().any(Norm::denied)
            || !lexicon::speaks_of(lexicon::Qualifier::Reasonableness, &change.text)
        {
            continue;
        }
        let text = change.text.trim().trim_matches(',').trim().to_string();
        match change.op {
            ChangeOp::Insert => findings.add(Flag::ConditionAdded, "", text),
            ChangeOp::Delete => findings.add(Flag::ConditionRemoved, text, ""),
            ChangeOp::Equal => {}
        }
    }
}

/// `definition-changed`: a definition whose term or defining words changed, or a definition added or struck
/// (`None` for the side without the clause). Case and punctuation alone change no definition, nor do
/// numbers: a renumbered reference in it is `cross-reference-changed`, a changed amount `number-changed`.
pub(super) fn definitions(old: Option<&str>, new: Option<&str>, findings: &mut Findings) {
    let read = |text: Option<&str>| text.and_then(pakta_norms::definition);
    // As a bag of content words: "natural or legal person" → "legal or natural person", or an article
    // added, changes nothing; numbers are left to the other flags.
    let words = |text: &str| {
        let mut words: Vec<String> = lexicon::tokenize(text)
            .iter()
            .filter(|t| !t.stopword && !t.stem.chars().all(|c| c.is_ascii_digit()))
            .map(|t| t.stem.to_string())
            .collect();
        words.sort();
        words
    };
    let show = |(term, defining): &(String, String)| format!("\u{201c}{term}\u{201d}: {defining}");
    match (read(old), read(new)) {
        (Some(was), Some(now))
            if words(&was.0) != words(&now.0) || words(&was.1) != words(&now.1) =>
        {
            findings.add(Flag::DefinitionChanged, show(&was), show(&now));
        }
        (Some(was), None) if new.is_none() => findings.add(Flag::DefinitionChanged, show(&was), ""),
        (None, Some(now)) if old.is_none() => findings.add(Flag::DefinitionChanged, "", show(&now)),
        _ => {}
    }
}

/// `cost-changed`: a phrase that says something is free or at someone's expense ("free of charge", "at
/// the Employer's expense", "paid leave", *tanpa biaya*, *berbayar*) in one version and not the other, or
/// denied in it ("unpaid", *tidak berbayar*). The phrases are the lexicon's `[grammar] costs`.
pub(super) fn costs(
    (old, old_norms): (&str, &[Norm]),
    (new, new_norms): (&str, &[Norm]),
    findings: &mut Findings,
) {
    let (before, after) = (cost_terms(old, old_norms), cost_terms(new, new_norms));
    for term in before.iter().filter(|t| !after.contains(t)) {
        findings.add(Flag::CostChanged, term.clone(), "");
    }
    for term in after.iter().filter(|t| !before.contains(t)) {
        findings.add(Flag::CostChanged, "", term.clone());
    }
}

/// The cost phrases standing in a text, as written, each with a negator before it kept ("tidak
/// berbayar"): "unpaid" and *tidak berbayar* are other terms than "paid" and *berbayar*. A phrase inside
/// a ban ("… and may not be deducted from wages", *tidak boleh dipotong dari upah*) moves no cost: the
/// ban forbids it.
pub(crate) fn cost_terms(text: &str, norms: &[Norm]) -> Vec<String> {
    let tokens = lexicon::tokenize(text);
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    let banned = |at: usize| norms.iter().any(|n| n.denied() && n.span.contains(&at));
    let mut out = Vec::new();
    for i in 0..words.len() {
        if let Some(end) = lexicon::cost_term_at(&words, i)
            && !banned(tokens[i].start)
        {
            let start = if i > 0 && lexicon::is_strict_negator(words[i - 1]) {
                i - 1
            } else {
                i
            };
            out.push(text[tokens[start].start..tokens[end - 1].end].to_lowercase());
        }
    }
    out
}

/// The commas and points written between digits ("1,500.50" gives ",."): which convention the number is
/// written in.
fn separators(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    (1..chars.len().saturating_sub(1))
        .filter(|&i| {
            matches!(chars[i], ',' | '.')
                && chars[i - 1].is_ascii_digit()
                && chars[i + 1].is_ascii_digit()
        })
        .map(|i| chars[i])
        .collect()
}

/// `date-changed`: dates on one side only, as written, paired in order.
pub(super) fn dates(old: &str, new: &str, findings: &mut Findings) {
    let (before, after) = (find_dates(old), find_dates(new));
    let gone: Vec<&String> = before.iter().filter(|d| !after.contains(d)).collect();
    let came: Vec<&String> = after.iter().filter(|d| !before.contains(d)).collect();
    for i in 0..gone.len().max(came.len()) {
        findings.add(
            Flag::DateChanged,
            gone.get(i).map(|s| s.to_string()).unwrap_or_default(),
            came.get(i).map(|s| s.to_string()).unwrap_or_default(),
        );
    }
}
