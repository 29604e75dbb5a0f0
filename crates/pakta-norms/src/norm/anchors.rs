//! The modals of a sentence ("shall", *wajib*, "may not", "is entitled to", *dilarang*), merged where they
//! stand together, and the action phrases that carry their own negator ("not apply", *tidak berlaku*).

use std::ops::Range;

use super::Modality;
use super::verbs::action_at;
use crate::lists::Lists;

/// A modal found in a sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Anchor {
    pub(super) at: usize,
    pub(super) end: usize,
    pub(super) modality: Modality,
    pub(super) negated: bool,
    /// A statement: no modal, anchored on its action word.
    pub(super) statement: bool,
    /// It forbids by a passive word of its own ("prohibited from", "prevented from", *dilarang*,
    /// *dicegah*), which a negative subject denies: "No worker shall be prevented from joining" frees.
    pub(super) by_word: bool,
    /// Where a relative clause with its own actor ("a seminar fee, which the worker pays") begins the
    /// noun it refers back to: that noun is what the relative clause's verb acts on.
    pub(super) antecedent: Option<usize>,
}

impl Anchor {
    /// A statement's anchor: no modal, on its action word at `at`.
    pub(super) fn statement(at: usize) -> Anchor {
        Anchor {
            at,
            end: at,
            modality: Modality::Statement,
            negated: false,
            statement: true,
            by_word: false,
            antecedent: None,
        }
    }
}

/// Action phrases that begin with their own negator ("not apply", *tidak berlaku*, "tidak boleh
/// melebihi"): the negator is the action's, not the norm's.
pub(super) fn negative_actions(
    words: &[&str],
    sentence: &Range<usize>,
    lists: &'static Lists,
) -> Vec<Range<usize>> {
    (sentence.start..sentence.end)
        .filter(|&i| crate::lexicon::is_strict_negator(words[i]))
        .filter_map(|i| {
            let (end, _) = action_at(words, i, lists)?;
            (end > i + 1).then_some(i..end)
        })
        .collect()
}

/// The modals of a sentence, merged when they stand together ("shall have the right to", "wajib
/// berupaya", "may not").
pub(super) fn anchors(
    words: &[&str],
    sentence: &Range<usize>,
    owned: &[Range<usize>],
    lists: &'static Lists,
) -> Vec<Anchor> {
    let own = |i: usize| owned.iter().any(|r| r.contains(&i));
    let strict = |i: usize| {
        words.get(i).is_some_and(|w| {
            crate::lexicon::is_strict_negator(w) && !matches!(*w, "without" | "tanpa")
        }) && !own(i)
    };
    let mut found: Vec<Anchor> = Vec::new();
    // Which of `found` forbid by a word of their own ("prohibited", *dilarang*) rather than by a negated
    // modal ("shall not", *tidak boleh*).
    let mut by_word: Vec<bool> = Vec::new();
    let mut i = sentence.start;
    while i < sentence.end {
        if own(i) {
            i += 1;
            continue;
        }
        let before = i > sentence.start && strict(i - 1);
        let after = |end: usize| end < sentence.end && strict(end);
        // One lookup says which modal lists have an entry here, in the order they are read.
        let kinds = lists.modal_at(words, i);
        let at = |kind: crate::lists::ModalKind| {
            kinds
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, end)| *end)
                .max()
        };
        use crate::lists::ModalKind as K;
        // The anchor then starts at the negator before it, so that its modal reads "not prohibited",
        // *tidak boleh*.
        let mut denied_ban = false;
        let hit = if kinds.is_empty() {
            None
        } else if let Some(end) = at(K::Prohibitive) {
            // "is not prohibited from keeping", *tidak dilarang menahan*: a ban denied is a freedom. The
            // active *tidak melarang* (does not forbid) is read as before.
            if before && !words[i].starts_with("me") {
                denied_ban = true;
                Some((end, Modality::Permission, false))
            } else {
                Some((end, Modality::Prohibition, false))
            }
        } else if let Some(end) = at(K::Right) {
            Some((end, Modality::Right, before))
        } else if let Some(end) = at(K::Recommendation) {
            Some(if after(end) {
                (end + 1, Modality::Prohibition, false)
            } else {
                (end, Modality::HedgedDuty, false)
            })
        } else if let Some(end) = at(K::Binding) {
            Some(if after(end) {
                (end + 1, Modality::Prohibition, false)
            } else {
                (end, Modality::Obligation, before)
            })
        } else if let Some(end) = at(K::Permissive) {
            // *tidak boleh dilarang* (may not be forbidden): a ban denied is a freedom.
            // The active *melarang* (to forbid) keeps its subject the one who forbids.
            let banned_next = after(end)
                && !words[end].starts_with("me")
                && lists
                    .modal_at(words, end)
                    .iter()
                    .any(|(k, _)| *k == K::Prohibitive);
            Some(if before && banned_next {
                (end + 1, Modality::Permission, false)
            } else if after(end) || before {
                // *tidak boleh*: the anchor starts at the negator, so that its modal reads so.
                denied_ban = before;
                (
                    end.max(i + 1) + usize::from(after(end)),
                    Modality::Prohibition,
                    false,
                )
            } else {
                (end, Modality::Permission, false)
            })
        } else {
            at(K::Hedge)
                .filter(|&e| e == i + 1)
                .map(|e| (e, Modality::HedgedDuty, false))
        };
        let Some((end, modality, negated)) = hit else {
            i += 1;
            continue;
        };
        // A passive ban ("prohibited", *dilarang*); the active *melarang* keeps its subject the forbidder.
        let forbidding_word = at(K::Prohibitive).is_some() && !words[i].starts_with("me");
        let anchor = Anchor {
            at: if denied_ban { i - 1 } else { i },
            end: end.min(sentence.end),
            modality,
            negated,
            statement: false,
            by_word: forbidding_word && !denied_ban,
            antecedent: None,
        };
        match found.last_mut() {
            // "shall ensure that workers may keep": the second modal belongs to the clause "that" opens.
            // "Workers who may not leave the vessel shall receive …": a verb between two modals makes
            // them two.
            Some(previous)
                if anchor.at <= previous.end + 3
                    && !words[previous.end.min(anchor.at)..anchor.at]
                        .iter()
                        .any(|w| matches!(*w, "that" | "bahwa" | "agar" | "supaya"))
                    && !(previous.end.min(anchor.at)..anchor.at)
                        .any(|k| action_at(words, k, lists).is_some() && !own(k)) =>
            {
                previous.end = anchor.end.max(previous.end);
                let previous_by_word = by_word.last().copied().unwrap_or(false);
                if previous.modality == Modality::Prohibition
                    && !previous_by_word
                    && forbidding_word
                {
                    // "shall not be prohibited from leaving", *tidak boleh dilarang*: a ban denied is a
                    // freedom.
                    previous.modality = Modality::Permission;
                    previous.negated = false;
                } else if previous.modality == Modality::Prohibition
                    && anchor.modality == Modality::Obligation
                {
                    // "shall not be obliged to", *tidak diwajibkan*: no duty, which is a freedom.
                    previous.modality = Modality::Obligation;
                    previous.negated = true;
                } else if previous.modality == Modality::Permission
                    && anchor.modality == Modality::Right
                {
                    // "Workers may be free to leave", "may have the right to": the text only allows
                    // the right, it does not grant it; a "shall" that became this "may" is weakened.
                } else {
                    previous.modality = merge(previous.modality, anchor.modality);
                    previous.negated |= anchor.negated;
                    previous.by_word |= anchor.by_word;
                }
            }
            _ => {
                found.push(anchor);
                by_word.push(forbidding_word);
            }
        }
        i = end.max(i + 1);
    }
    found
}

/// Two modals standing together: a prohibition or a hedge wins, then a right ("shall have the right").
pub(super) fn merge(a: Modality, b: Modality) -> Modality {
    use Modality::*;
    for winner in [Prohibition, HedgedDuty, Right, Obligation, Permission] {
        if a == winner || b == winner {
            return winner;
        }
    }
    a
}
