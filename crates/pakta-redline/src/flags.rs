//! The negotiator's change flags: what a change means, read from the words that changed.
//!
//! A generic diff says "a word changed". A negotiator needs to know that "shall" became "may", that RM 1,500
//! became RM 1,200, or that a cost the employer bore is now the worker's. The flags are a fixed vocabulary;
//! each is decided from the deleted and inserted words of an aligned pair of clauses, using the shared
//! lexicon, so English and Indonesian read alike.

use pakta_core::crossref::Reference;
use pakta_core::diff::{Change, ChangeOp};
use pakta_core::lexicon::{self, Modality, Party};
use pakta_core::quantity::{self, Quantity};

/// A change flag, in the fixed vocabulary of the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flag {
    ModalWeakened,
    ModalStrengthened,
    NegationAdded,
    NegationRemoved,
    NumberChanged,
    DateChanged,
    PartyChanged,
    HeadingChanged,
    CrossReferenceChanged,
}

impl Flag {
    pub const ALL: [Flag; 9] = [
        Flag::ModalWeakened,
        Flag::ModalStrengthened,
        Flag::NegationAdded,
        Flag::NegationRemoved,
        Flag::NumberChanged,
        Flag::DateChanged,
        Flag::PartyChanged,
        Flag::HeadingChanged,
        Flag::CrossReferenceChanged,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Flag::ModalWeakened => "modal-weakened",
            Flag::ModalStrengthened => "modal-strengthened",
            Flag::NegationAdded => "negation-added",
            Flag::NegationRemoved => "negation-removed",
            Flag::NumberChanged => "number-changed",
            Flag::DateChanged => "date-changed",
            Flag::PartyChanged => "party-changed",
            Flag::HeadingChanged => "heading-changed",
            Flag::CrossReferenceChanged => "cross-reference-changed",
        }
    }
}

/// An old → new value behind a flag ("30 days" → "45 days", "shall" → "may", "employer" → "worker").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueChange {
    pub flag: Flag,
    pub old: String,
    pub new: String,
}

/// The flags and values of one aligned clause pair.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    pub flags: Vec<Flag>,
    pub values: Vec<ValueChange>,
}

impl Findings {
    pub fn add(&mut self, flag: Flag, old: impl Into<String>, new: impl Into<String>) {
        if !self.flags.contains(&flag) {
            self.flags.push(flag);
        }
        let value = ValueChange {
            flag,
            old: old.into(),
            new: new.into(),
        };
        if (!value.old.is_empty() || !value.new.is_empty()) && !self.values.contains(&value) {
            self.values.push(value);
        }
    }

    pub fn extend(&mut self, other: Findings) {
        for flag in other.flags {
            if !self.flags.contains(&flag) {
                self.flags.push(flag);
            }
        }
        for value in other.values {
            if !self.values.contains(&value) {
                self.values.push(value);
            }
        }
    }
}

/// Strength of a modal word, for comparing old and new: hedges and permissions are weaker than binding.
fn strength(modality: Modality) -> u8 {
    match modality {
        Modality::Binding => 3,
        Modality::Neutral => 2,
        Modality::Permissive => 1,
        Modality::Hedged => 0,
    }
}

/// The modality of each segment of a text that carries a modal, with its words.
fn modals(text: &str) -> Vec<(Modality, String)> {
    let tokens = lexicon::tokenize(text);
    let mut out = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let segment = tokens[start].segment;
        let end = tokens[start..]
            .iter()
            .position(|t| t.segment != segment)
            .map_or(tokens.len(), |p| start + p);
        let (modality, word, _) = lexicon::segment_modality(&tokens[start..end], end - start);
        if modality != Modality::Neutral {
            out.push((modality, word));
        }
        start = end;
    }
    out
}

/// A modal of one strength lost and one of another strength gained, counting the segments of each
/// strength before and after: weakened when the strongest loss is stronger than the gain, strengthened
/// the other way round. `None` when the counts of every strength are the same on both sides, or when
/// only one side moved (segments added or removed: the rules below read those).
fn modal_shift(
    before: &[(Modality, String)],
    after: &[(Modality, String)],
) -> Option<(Flag, String, String)> {
    let count =
        |list: &[(Modality, String)], s: u8| list.iter().filter(|(m, _)| strength(*m) == s).count();
    let word = |list: &[(Modality, String)], s: u8| {
        list.iter()
            .find(|(m, _)| strength(*m) == s)
            .map(|(_, w)| w.clone())
            .unwrap_or_default()
    };
    let levels = [3u8, 2, 1, 0];
    let lost = levels
        .iter()
        .copied()
        .find(|&s| count(after, s) < count(before, s))?;
    let gained = levels
        .iter()
        .copied()
        .find(|&s| count(after, s) > count(before, s))?;
    let flag = if gained < lost {
        Flag::ModalWeakened
    } else {
        Flag::ModalStrengthened
    };
    Some((flag, word(before, lost), word(after, gained)))
}

fn changed_words(changes: &[Change], op: ChangeOp) -> Vec<String> {
    changes
        .iter()
        .filter(|c| c.op == op)
        .flat_map(|c| lexicon::tokenize(&c.text).into_iter().map(|t| t.folded))
        .collect()
}

fn is_strict_negator(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "no"
            | "never"
            | "nor"
            | "cannot"
            | "tidak"
            | "tak"
            | "bukan"
            | "dilarang"
            | "tanpa"
            | "without"
    ) || word.starts_with("prohibit")
}

/// Flags for one clause whose text changed from `old` to `new` (`changes` is their word diff).
///
/// `references` are the cross-references of `old` and `new`, read in each draft's own vocabulary ("Section
/// 4.2" in a contract numbered in sections): numbers inside them are not quantities.
pub fn clause_findings(
    old: &str,
    new: &str,
    changes: &[Change],
    references: (&[Reference], &[Reference]),
) -> Findings {
    let mut findings = Findings::default();
    let deleted = changed_words(changes, ChangeOp::Delete);
    let inserted = changed_words(changes, ChangeOp::Insert);
    if deleted.is_empty() && inserted.is_empty() {
        return findings;
    }

    // Modals: compare the clause's weakest modal segment before and after, when a modal word changed.
    let modal_changed = deleted.iter().chain(&inserted).any(|w| {
        let tokens = lexicon::tokenize(w);
        let (m, _, _) = lexicon::segment_modality(&tokens, tokens.len());
        m != Modality::Neutral
    }) || deleted
        .iter()
        .chain(&inserted)
        .any(|w| is_strict_negator(w));
    if modal_changed {
        let (before, after) = (modals(old), modals(new));
        let weakest =
            |list: &[(Modality, String)]| list.iter().min_by_key(|(m, _)| strength(*m)).cloned();
        if let Some((flag, bw, aw)) = modal_shift(&before, &after) {
            // One segment's modal changed while another segment already had the weaker one ("shall be
            // effected" → "may be effected" beside "may be carried out"): the weakest alone would not move.
            findings.add(flag, bw, aw);
        } else if let (Some((b, bw)), Some((a, aw))) = (weakest(&before), weakest(&after)) {
            if strength(a) < strength(b) {
                findings.add(Flag::ModalWeakened, bw, aw);
            } else if strength(a) > strength(b) {
                findings.add(Flag::ModalStrengthened, bw, aw);
            } else if b == a && b == Modality::Binding {
                // "shall not deduct" → "may deduct": the weakest is no longer binding in the same segment.
                let strongest =
                    |list: &[(Modality, String)]| list.iter().map(|(m, _)| strength(*m)).max();
                if strongest(&after) < strongest(&before) {
                    findings.add(Flag::ModalWeakened, bw, aw);
                }
            }
        } else if let (Some((b, bw)), None) = (weakest(&before), weakest(&after)) {
            if b == Modality::Binding {
                findings.add(Flag::ModalWeakened, bw, "");
            }
        } else if let (None, Some((a, aw))) = (weakest(&before), weakest(&after))
            && a == Modality::Binding
        {
            findings.add(Flag::ModalStrengthened, "", aw);
        }
    }

    // Negation. "Without undue delay" and "without prejudice" are formulas, not negations.
    let negators = |words: &[String]| -> Vec<String> {
        words
            .iter()
            .enumerate()
            .filter(|(i, w)| {
                is_strict_negator(w)
                    && !(matches!(w.as_str(), "without" | "tanpa")
                        && words.get(i + 1).is_some_and(|n| {
                            matches!(n.as_str(), "undue" | "delay" | "prejudice" | "mengurangi")
                        }))
            })
            .map(|(_, w)| w.clone())
            .collect()
    };
    let (removed, added) = (negators(&deleted), negators(&inserted));
    if removed.len() > added.len() {
        findings.add(Flag::NegationRemoved, removed[0].clone(), "");
    } else if added.len() > removed.len() {
        findings.add(Flag::NegationAdded, "", added[0].clone());
    }

    // Numbers and dates.
    numbers((old, references.0), (new, references.1), &mut findings);
    dates(old, new, &mut findings);

    // Who bears it: a party word replaced by another in the same change.
    parties(changes, &mut findings);
    findings
}

/// Quantities present on one side only, paired by unit in order.
fn numbers(
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
        spans.extend(references.iter().map(|r| (r.range.start, r.range.end)));
        quantities
            .into_iter()
            .filter(|q| !spans.iter().any(|(s, e)| q.start < *e && *s < q.end))
            .collect::<Vec<_>>()
    };
    let (before, after) = (
        outside_dates(old, old_references),
        outside_dates(new, new_references),
    );
    let keys_after: Vec<String> = after.iter().map(Quantity::key).collect();
    let keys_before: Vec<String> = before.iter().map(Quantity::key).collect();
    let mut gone: Vec<&Quantity> = before
        .iter()
        .filter(|q| !keys_after.contains(&q.key()))
        .collect();
    let mut came: Vec<&Quantity> = after
        .iter()
        .filter(|q| !keys_before.contains(&q.key()))
        .collect();
    gone.dedup_by(|a, b| a.key() == b.key());
    came.dedup_by(|a, b| a.key() == b.key());
    let mut used = vec![false; came.len()];
    for q in &gone {
        match came
            .iter()
            .enumerate()
            .position(|(i, c)| !used[i] && c.unit == q.unit)
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

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januari",
    "februari",
    "maret",
    "mei",
    "juni",
    "juli",
    "agustus",
    "oktober",
    "desember",
];

/// Dates written as "12 June 2025", "June 12, 2025", "12 Juni 2025" or "2025-06-12".
pub fn find_dates(text: &str) -> Vec<String> {
    date_spans(text)
        .into_iter()
        .map(|(s, e)| text[s..e].to_string())
        .collect()
}

fn date_spans(text: &str) -> Vec<(usize, usize)> {
    // Every form has a day or a year in ASCII digits; most clauses have none, and tokenising them all
    // was a sixth of a redline's time.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let tokens = lexicon::tokenize(text);
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if MONTHS.contains(&t.folded.as_str()) && t.folded != "may"
            || (t.folded == "may"
                && i > 0
                && tokens[i - 1].folded.chars().all(|c| c.is_ascii_digit()))
        {
            let day_before = i > 0
                && tokens[i - 1].folded.len() <= 2
                && tokens[i - 1].folded.chars().all(|c| c.is_ascii_digit());
            let year_after = tokens.get(i + 1).is_some_and(|y| {
                y.folded.len() == 4 && y.folded.chars().all(|c| c.is_ascii_digit())
            });
            let day_after = tokens.get(i + 1).is_some_and(|d| {
                d.folded.len() <= 2 && d.folded.chars().all(|c| c.is_ascii_digit())
            });
            if day_before && year_after {
                out.push((tokens[i - 1].start, tokens[i + 1].end));
            } else if day_after && tokens.get(i + 2).is_some_and(|y| y.folded.len() == 4) {
                out.push((t.start, tokens[i + 2].end));
            }
        }
        // ISO 8601: four digits, two, two, with hyphens between.
        if t.folded.len() == 4
            && t.folded.chars().all(|c| c.is_ascii_digit())
            && let (Some(m), Some(d)) = (tokens.get(i + 1), tokens.get(i + 2))
        {
            let glued = text[t.end..m.start] == *"-" && text[m.end..d.start] == *"-";
            if glued && m.folded.len() == 2 && d.folded.len() == 2 {
                out.push((t.start, d.end));
            }
        }
    }
    out
}

fn dates(old: &str, new: &str, findings: &mut Findings) {
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

/// A deletion followed by an insertion that swaps one party for another ("employer" → "domestic worker").
fn parties(changes: &[Change], findings: &mut Findings) {
    for pair in changes.windows(2) {
        if pair[0].op != ChangeOp::Delete || pair[1].op != ChangeOp::Insert {
            continue;
        }
        let party_of = |text: &str| {
            lexicon::tokenize(text)
                .into_iter()
                .find_map(|t| Party::of(&t.folded).map(|p| (p, t.folded)))
        };
        if let (Some((a, aw)), Some((b, bw))) = (party_of(&pair[0].text), party_of(&pair[1].text))
            && a != b
        {
            let _ = (aw, bw);
            findings.add(
                Flag::PartyChanged,
                pair[0].text.trim().to_string(),
                pair[1].text.trim().to_string(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pakta_core::diff::word_diff;

    fn flags(old: &str, new: &str) -> Vec<&'static str> {
        let changes = word_diff(old, new);
        clause_findings(
            old,
            new,
            &changes,
            (
                &pakta_core::crossref::find(old),
                &pakta_core::crossref::find(new),
            ),
        )
        .flags
        .iter()
        .map(|f| f.as_str())
        .collect()
    }

    #[test]
    fn a_weakened_modal_beside_a_weak_one_is_still_weakened() {
        assert!(flags(
            "Transfers shall be effected in the currency agreed; exchange may be carried out at the bank.",
            "Transfers may be effected in the currency agreed; exchange may be carried out at the bank."
        )
        .contains(&"modal-weakened"));
        assert!(flags(
            "Pembayaran dapat dilakukan di bank; pemindahan wajib dilaksanakan dalam satu minggu.",
            "Pembayaran dapat dilakukan di bank; pemindahan dapat dilaksanakan dalam satu minggu."
        )
        .contains(&"modal-weakened"));
    }

    #[test]
    fn reads_what_changed() {
        assert_eq!(
            flags(
                "The Group shall meet every year.",
                "The Group may meet as necessary."
            ),
            ["modal-weakened"]
        );
        assert_eq!(
            flags(
                "The authority shall facilitate exit.",
                "The authority shall endeavour to facilitate exit."
            ),
            ["modal-weakened"]
        );
        assert_eq!(
            flags("The Parties may meet.", "The Parties shall meet."),
            ["modal-strengthened"]
        );
        assert!(
            flags(
                "The employer shall not deduct any amount.",
                "The employer may deduct amounts."
            )
            .contains(&"negation-removed")
        );
        assert!(
            flags(
                "The employer shall not deduct any amount.",
                "The employer may deduct amounts."
            )
            .contains(&"modal-weakened")
        );
        assert_eq!(
            flags("notice of ninety days", "notice of sixty days"),
            ["number-changed"]
        );
        assert_eq!(
            flags(
                "costs shall be borne by the employer.",
                "costs shall be borne by the domestic worker."
            ),
            ["party-changed"]
        );
        assert_eq!(
            flags(
                "Pemberi kerja wajib membayar",
                "Pemberi kerja dapat membayar"
            ),
            ["modal-weakened"]
        );
        assert_eq!(
            flags("signed on 12 June 2025", "signed on 14 June 2025"),
            ["date-changed"]
        );
    }
}
