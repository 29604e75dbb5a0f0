//! The verb of a sentence without a modal: the statement's own verb, found in either language, and the
//! verbs of the clauses joined to it.

use std::ops::Range;

use super::verbs::{self, action_at};
use super::{AUXILIARIES, Anchor, PARTICIPLES, Reader, indonesian_verb, is_bound};
use crate::lexicon::Token;
use crate::lists::{Lists, lists};
use crate::roles::{Definitions, Order, role_at};

impl Reader<'_> {
    /// The verb of a sentence that has no modal: a phrase with its own negator, an action word outside a
    /// relative clause, then, by language, the first *me-*/*di-* verb, a present-tense verb after the
    /// subject or the participle of the main clause's passive. `owned` are the spans of phrases that carry
    /// their own negator; `lead_in` is the list lead-in a point inherits.
    pub(super) fn statement_verb(
        &self,
        tokens: &[Token],
        words: &[&str],
        sentence: &Range<usize>,
        owned: &[Range<usize>],
        inside: &dyn Fn(usize) -> bool,
        lead_in: Option<&crate::norm::Norm>,
    ) -> Option<usize> {
        let lists = lists();
        let sentence = sentence.clone();
        // A phrase that carries its own negator ("does not apply") is the statement's verb before
        // any noun that happens to be an action word ("the pay floor").
        owned
            .iter()
            .map(|r| r.start)
            .find(|&i| !inside(i))
            .or_else(|| {
                // "Sebagian upah, paling banyak tiga puluh persen, disisihkan …": a bound set off
                // by commas describes the subject; the verb comes after it.
                let appositive = |i: usize| {
                    tokens[i].comma_before
                        && is_bound(words, i, lists)
                        && (i + 1..sentence.end.min(i + 8)).any(|k| tokens[k].comma_before)
                };
                // "On the settlement of accounts at the end of the work agreement, the vessel owner
                // sets off …": an English phrase that opens with a preposition and ends at a comma
                // names when or where; the verb comes after it.
                let opening = if self.order != Order::HeadFirst
                    && matches!(
                        words.get(sentence.start).copied(),
                        Some(
                            "on" | "at"
                                | "in"
                                | "during"
                                | "after"
                                | "before"
                                | "upon"
                                | "for"
                                | "under"
                                | "within"
                                | "by"
                                | "from"
                        )
                    ) {
                    (sentence.start + 1..sentence.end.min(sentence.start + 16))
                        .find(|&k| tokens[k].comma_before)
                        .unwrap_or(sentence.start)
                } else {
                    sentence.start
                };
                // A verb of a relative clause ("… Pemilik Kapal yang mempekerjakan AKP") is not it.
                // "An agency that presents a substitute contract": after a determiner an English
                // action word is a noun's, not the verb.
                let determined = |i: usize| {
                    self.order != Order::HeadFirst
                        && i > 0
                        && lists.determiners.iter().any(|d| d == words[i - 1])
                };
                // *Pekerja yang mengakhiri perjanjian kerja sebelum waktunya dianggap …*: an Indonesian
                // phrase that opens on a noun right after a relative clause's verb is that verb's object,
                // still inside the clause.
                let relative_object = |i: usize| {
                    self.order == Order::HeadFirst
                        && !indonesian_verb(words[i], lists)
                        && (i.saturating_sub(6).max(sentence.start)..i).any(|r| {
                            verbs::in_relative(words, r, lists)
                                && (r + 1..=i).all(|k| !tokens[k].comma_before)
                        })
                };
                let candidates: Vec<usize> = (opening..sentence.end)
                    .filter(|&i| {
                        !inside(i) && !verbs::in_relative(words, i, lists) && !relative_object(i)
                    })
                    .filter(|&i| action_at(words, i, lists).is_some() && !appositive(i))
                    .collect();
                // Where every action word follows a determiner ("The transfer takes effect upon …"),
                // the first stands for the clause's act.
                let mut actions = candidates
                    .iter()
                    .copied()
                    .filter(|&i| !determined(i))
                    .peekable();
                // A passive after them ("… a substitute contract is barred …") is the verb instead.
                let first = match actions.peek() {
                    Some(_) => actions.next()?,
                    None => {
                        let first = *candidates.first()?;
                        let passive_after = (first + 1..sentence.end.saturating_sub(1)).any(|k| {
                            matches!(words[k], "is" | "are" | "was" | "were")
                                && is_participle(words[k + 1])
                        });
                        if self.order != Order::HeadFirst && passive_after {
                            return None;
                        }
                        first
                    }
                };
                // "Overtime pay earned in the first months is paid in one sum": an English action
                // word right after a noun of the subject is a noun too when a passive with "is"
                // follows; the passive is the verb.
                let before = words[first.max(1) - 1];
                let after_noun = self.order != Order::HeadFirst
                    && first > sentence.start
                    && !tokens[first - 1].stopword
                    && !AUXILIARIES.contains(&before)
                    && !crate::lexicon::is_negator(before)
                    && !lists.adverbs.iter().any(|w| w == before)
                    && !before.ends_with("ly")
                    && role_at(words, first - 1, self.definitions).is_none();
                // The passive of the same clause: no comma or "and" between, but for an adverb set off
                // after the auxiliary ("The service charge … is, however, payable by the Worker").
                let be = |w: &str| matches!(w, "is" | "are" | "was" | "were");
                let adverb = |w: &str| lists.adverbs.iter().any(|a| a == w);
                let mut passive = || {
                    actions
                        .find(|&i| {
                            be(words[i - 1]) || (i >= 2 && adverb(words[i - 1]) && be(words[i - 2]))
                        })
                        .filter(|&i| {
                            let set_off = if be(words[i - 1]) { i } else { i - 1 };
                            (first + 1..i).all(|k| {
                                (!tokens[k].comma_before || k >= set_off) && words[k] != "and"
                            })
                        })
                };
                Some(if after_noun {
                    passive().unwrap_or(first)
                } else {
                    first
                })
            })
            // Indonesian states duties without a modal ("Agensi menjemput PMI di bandara",
            // "Pengawasan tidak dilakukan di rumah tangga"): its first verb, by its me-/di- prefix,
            // is the statement's verb even where the lexicon has no class for it.
            // A verb in a relative clause ("Perbedaan … yang menyangkut syarat kerja diselesaikan …")
            // describes the subject; the main verb is the first one outside it.
            .or_else(|| {
                (self.order == Order::HeadFirst)
                    .then(|| {
                        let verbs = (sentence.start + 1..sentence.end)
                            .filter(|&i| !inside(i) && indonesian_verb(words[i], lists));
                        verbs
                            .clone()
                            .find(|&i| words[i - 1] != "yang")
                            .or_else(|| verbs.clone().next())
                    })
                    .flatten()
            })
            // English states duties in the present too ("The Care Worker receives four rest days",
            // "workers remain on the premises"): the word after the subject's actor phrase, in the
            // third person or after a plural actor, is the statement's verb.
            .or_else(|| {
                (self.order != Order::HeadFirst)
                    .then(|| self.present_verb(tokens, words, &sentence, &inside))
                    .flatten()
            })
            // And in the passive, as Indonesian does with *di-* ("a worker who reports abuse is
            // placed in a shelter", "such sites are exempt from inspection"): the participle after
            // the main clause's "is" or "are" is the statement's verb, whatever the lexicon knows.
            // A point under a lead-in takes the lead-in's verb instead.
            .or_else(|| {
                (self.order != Order::HeadFirst && lead_in.is_none())
                    .then(|| {
                        english_passive(tokens, words, self.definitions, &sentence, &inside, lists)
                    })
                    .flatten()
            })
    }

    /// The statements joined to the one whose verb is at `at`, added to `anchors`.
    pub(super) fn joined_statements(
        &self,
        tokens: &[Token],
        words: &[&str],
        sentence: &Range<usize>,
        at: usize,
        inside: &dyn Fn(usize) -> bool,
        anchors: &mut Vec<Anchor>,
    ) {
        let lists = lists();
        let sentence = sentence.clone();
        // "… is advanced by the agency and repaid by the worker": each joined verb is a
        // statement of its own.
        for k in at + 1..sentence.end {
            let joined = matches!(words[k - 1], "and" | "dan" | "serta" | "then" | "kemudian")
                || (words[k - 1] == "being" && is_participle(words[k]));
            if joined && !inside(k) && action_at(words, k, lists).is_some() {
                anchors.push(Anchor::statement(k));
            }
        }
        // "…, terbatas pada kelayakan kerja, dan Calon PMI tidak menjalani tes kehamilan": a
        // clause joined after a comma, with its own subject or negator, has its own verb.
        for k in at + 1..sentence.end {
            if !tokens[k].comma_before || !matches!(words[k], "and" | "dan" | "serta") {
                continue;
            }
            // The subject's own relative clause ("dan Pekerja yang berpindah tidak dianggap melarikan
            // diri") holds no verb of the joined clause: the search stops at it, and the verb is found
            // further on.
            let mut j = k + 1;
            while j < sentence.end
                && j < k + 5
                && !crate::lexicon::opens_relative(words[j])
                && (role_at(words, j, self.definitions).is_some() || tokens[j].stopword)
            {
                j += 1;
            }
            if j < sentence.end && crate::lexicon::is_strict_negator(words[j]) {
                j += 1;
            }
            let verb = j < sentence.end
                && j > k + 1
                && !inside(j)
                && (action_at(words, j, lists).is_some()
                    || (self.order == Order::HeadFirst && indonesian_verb(words[j], lists)));
            // "…, and any cost above that amount is paid by the worker", *dan selebihnya
            // dibayar oleh Pekerja*: a joined clause whose subject is a noun phrase has its
            // verb further on, before the next comma.
            let further = || {
                let end = (k + 2..sentence.end.min(k + 10))
                    .find(|&i| tokens[i].comma_before)
                    .unwrap_or(sentence.end.min(k + 10));
                if self.order == Order::HeadFirst {
                    // … or an action phrase of the lexicon outside a relative clause: *dan biaya yang
                    // melebihi batas tersebut menjadi tanggungan Pekerja*.
                    (k + 2..end).find(|&i| {
                        !inside(i)
                            && words[i - 1] != "yang"
                            && ((words[i].starts_with("di") && indonesian_verb(words[i], lists))
                                || (action_at(words, i, lists).is_some()
                                    && !verbs::in_relative(words, i, lists)
                                    && words[i].starts_with("menjadi")))
                    })
                } else {
                    (k + 2..end.saturating_sub(1))
                        .find(|&i| {
                            matches!(words[i], "is" | "are")
                                && !inside(i + 1)
                                && is_participle(words[i + 1])
                        })
                        .map(|i| i + 1)
                }
            };
            let at = if verb { Some(j) } else { further() };
            if let Some(j) = at
                && !anchors.iter().any(|a| a.at == j)
            {
                anchors.push(Anchor::statement(j));
            }
        }
    }

    /// The verb of an English statement in the present ("the Worker receives", "workers remain"): the
    /// first word after the first actor phrase outside a condition, when it can be a finite verb.
    fn present_verb(
        &self,
        tokens: &[Token],
        words: &[&str],
        sentence: &Range<usize>,
        inside: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let role = |k: usize| role_at(words, k, self.definitions).is_some();
        let i = (sentence.start..sentence.end).find(|&i| !inside(i) && role(i))?;
        let j = (i + 1..sentence.end).find(|&j| !role(j))?;
        // "The worker's residence permit ends with the employment": after a possessive the subject is
        // what the actor has, and the verb comes after it; only a word that ends or keeps something, or
        // an action, is taken for that verb.
        if words[j] == "s" {
            return (j + 1..sentence.end.min(j + 5))
                .take_while(|&k| !tokens[k].comma_before && !inside(k))
                .find(|&k| {
                    lists().state_verbs.iter().any(|v| v == words[k])
                        || (k > j + 1 && action_at(words, k, lists()).is_some())
                });
        }
        let word = words[j];
        let finite = word.len() >= 4
            && word.chars().all(|c| c.is_ascii_alphabetic())
            && !word.ends_with("ed")
            && !word.ends_with("ing")
            && (word.ends_with('s') || words[j - 1].ends_with('s'));
        (finite
            && !inside(j)
            && !tokens[j].stopword
            && !tokens[j].comma_before
            && !matches!(word, "were" | "been" | "being" | "have" | "does" | "must")
            && !crate::lexicon::is_strict_negator(word)
            && !lists().relatives.contains(word))
        .then_some(j)
    }
}

/// The participle of the first passive ("is placed", "are exempt") outside a relative clause.
fn english_passive(
    tokens: &[Token],
    words: &[&str],
    definitions: &Definitions,
    sentence: &Range<usize>,
    inside: &dyn Fn(usize) -> bool,
    lists: &Lists,
) -> Option<usize> {
    // "the capacity in which the fisher is engaged": a relative clause whose own subject comes straight
    // before "is" has no other verb, so the passive is the relative clause's.
    let relatives_own = |k: usize| {
        (sentence.start..k)
            .rev()
            .take_while(|&j| !tokens[j + 1].comma_before)
            .find(|&j| crate::lexicon::opens_relative(words[j]))
            .is_some_and(|j| {
                (j + 1..k).all(|i| tokens[i].stopword || role_at(words, i, definitions).is_some())
            })
    };
    (sentence.start + 1..sentence.end.saturating_sub(1))
        .filter(|&k| matches!(words[k], "is" | "are") && !inside(k) && !inside(k + 1))
        .filter(|&k| {
            !verbs::in_relative(words, k, lists) && !verbs::in_relative(words, k + 1, lists)
        })
        .filter(|&k| !relatives_own(k))
        .map(|k| k + 1)
        .find(|&j| is_participle(words[j]))
}

/// Whether a word is a past participle: a regular one ("placed", "used") or one of the irregular ones the
/// reader knows ("paid", "kept", "exempt").
pub(super) fn is_participle(word: &str) -> bool {
    word.ends_with("ed") || PARTICIPLES.contains(&word)
}
