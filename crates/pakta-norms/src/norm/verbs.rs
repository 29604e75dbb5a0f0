//! The verb of a norm: the action word after its modal, or in a clause without one, the action word in
//! verb position; and the reading of consent words (noun or verb, asked for or not).

use std::ops::Range;

use super::AUXILIARIES;
use crate::lexicon::Token;
use crate::lists::Lists;
use crate::roles::{Definitions, role_at};

/// Prepositions that open a phrase before the verb ("shall, at its own cost, provide"): the verb is found
/// past them.
const PREPOSITIONS: &[&str] = &[
    "at", "in", "on", "by", "for", "from", "within", "during", "upon", "under", "with", "dalam",
    "pada", "di", "untuk", "selama", "atas", "dengan",
];

/// The action of a modal: its verb. The first word after the modal (past auxiliaries and adverbs) is the
/// verb; when it is a word of the lexicon it gives the classes, when it carries a clause ("ensure that") the
/// clause's verb does, and otherwise the verb has no class (a noun deeper in the object, "make the
/// retention of passports an offence", is not the action).
pub(super) fn main_action(
    words: &[&str],
    tokens: &[Token],
    range: Range<usize>,
    free: &dyn Fn(usize) -> bool,
    lists: &'static Lists,
    definitions: &Definitions,
) -> Option<(usize, usize, Vec<&'static str>)> {
    let mut first = None;
    for i in range.clone().filter(|&i| free(i)) {
        // "shall not exceed": a phrase that starts on a skipped word is the verb.
        if let Some((end, mut classes)) = action_at(words, i, lists) {
            // "may agree in writing to waive": a framing verb of the lexicon reads the act it frames too.
            if lists.framing.contains(words[i])
                && let Some((act_end, act_classes)) = framed_act(words, end, range.end, free, lists)
            {
                for c in act_classes {
                    if !classes.contains(&c) {
                        classes.push(c);
                    }
                }
                return Some((i, act_end, classes));
            }
            return Some((i, end, classes));
        }
        let skipped = tokens[i].stopword
            || AUXILIARIES.contains(&words[i])
            || lists.adverbs.iter().any(|w| w == words[i])
            || (words[i].ends_with("ly") && words[i].len() > 4);
        if !skipped {
            first = Some(i);
            break;
        }
    }
    let first = first?;
    // "may elect to forgo": a framing verb with no class of its own is the act it frames.
    if lists.framing.contains(words[first])
        && let Some((act_end, classes)) = framed_act(words, first + 1, range.end, free, lists)
    {
        return Some((first, act_end, classes));
    }
    if lists.light_verbs.iter().any(|w| w == words[first]) {
        // "shall guarantee each Worker thirty hours of work": with no action after it, the light verb is
        // the verb itself.
        return verb_action(
            words,
            tokens,
            first + 1..range.end,
            free,
            lists,
            definitions,
        )
        .or(Some((first, first + 1, Vec::new())));
    }
    if PREPOSITIONS.contains(&words[first]) {
        return actions_in(words, range, free, lists).next();
    }
    None
}

/// The act a framing verb ending at `after` frames ("may agree in writing to waive the ticket", *dapat
/// menyatakan melepaskan haknya*), past the words that may link them: its end and classes.
fn framed_act(
    words: &[&str],
    after: usize,
    end: usize,
    free: &dyn Fn(usize) -> bool,
    lists: &'static Lists,
) -> Option<(usize, Vec<&'static str>)> {
    (after..end.min(after + 5))
        .take_while(|&k| free(k))
        .find(|&k| !lists.framing_links.contains(words[k]))
        .and_then(|k| action_at(words, k, lists))
}

/// Every action word of `range` outside conditions, with its end and classes, in order.
fn actions_in<'a>(
    words: &'a [&str],
    range: Range<usize>,
    free: &'a dyn Fn(usize) -> bool,
    lists: &'static Lists,
) -> impl Iterator<Item = (usize, usize, Vec<&'static str>)> + 'a {
    range
        .filter(move |&i| free(i))
        .filter_map(move |i| action_at(words, i, lists).map(|(end, classes)| (i, end, classes)))
}

/// The verb of a clause without a modal ("the costs are borne by …", *paspor disimpan oleh …*,
/// "retained documents are returned"): an action word in verb position — after a form of "be", a *di-*
/// passive, after "to" or a subject — before any other action word of the lexicon.
pub(super) fn verb_action(
    words: &[&str],
    tokens: &[Token],
    range: Range<usize>,
    free: &dyn Fn(usize) -> bool,
    lists: &'static Lists,
    definitions: &Definitions,
) -> Option<(usize, usize, Vec<&'static str>)> {
    let candidates: Vec<(usize, usize, Vec<&'static str>)> =
        actions_in(words, range.clone(), free, lists).collect();
    let verbal = |i: usize| {
        let word = words[i];
        let before = |k: usize| {
            i >= k && {
                let w = words[i - k];
                matches!(
                    w,
                    "is" | "are"
                        | "be"
                        | "been"
                        | "was"
                        | "were"
                        | "to"
                        | "agar"
                        | "untuk"
                        | "supaya"
                        | "will"
                        | "shall"
                        | "must"
                        | "may"
                        | "does"
                        | "do"
                        | "did"
                        | "has"
                        | "have"
                        | "had"
                        | "not"
                        | "tidak"
                        | "menjadi"
                        | "remain"
                        | "remains"
                ) || role_at(words, i - k, definitions).is_some()
                    || (k == 1
                        && tokens[i - 1].stopword
                        && i >= 2
                        && role_at(words, i - 2, definitions).is_some())
            }
        };
        (word.starts_with("di") && word.len() > 4) || before(1) || before(2)
    };
    // A word that starts the clause is its verb ("(c) hold the passport"); one deeper in a list of
    // nouns ("the safe sending of remittances") is not.
    let opening = (range.start..range.end)
        .find(|&i| !tokens[i].stopword && free(i))
        .unwrap_or(range.start);
    let relative = |i: usize| in_relative(words, i, lists);
    // *Laporan kesehatan dikirimkan …*, "Payment in kind is excluded": a noun that opens the clause
    // (Indonesian in *-an* without a verb's prefix, *Iuran* too, English in *-ment*, *-tion*) is its
    // subject where a verb follows; a phrase of the lexicon that starts with one ("perjanjian kerja …
    // berakhir") is still an action, and a point that is only a noun ("(c) payment of wages on time")
    // keeps it.
    let nominal = |w: &str| {
        w.len() >= 5
            && ((w.ends_with("an") && !["di", "me", "ber", "ter"].iter().any(|p| w.starts_with(p)))
                || ["ment", "tion", "sion"].iter().any(|s| w.ends_with(s)))
    };
    let find = |skip_nouns: bool| {
        candidates
            .iter()
            .find(|(i, end, _)| {
                !relative(*i)
                    && (verbal(*i)
                        || (*i <= opening + 1
                            && (*end > *i + 1 || !skip_nouns || !nominal(words[*i])))
                        || crate::lexicon::is_strict_negator(words[*i]))
            })
            .cloned()
    };
    find(true).or_else(|| find(false))
}

/// Whether the verb at `i` opens a relative clause ("Workers who work on fishing vessels are excluded",
/// "yang sedang berjalan", "which has expired"): it describes a noun and is not the clause's verb.
pub(super) fn in_relative(words: &[&str], i: usize, lists: &Lists) -> bool {
    let relative_word = |k: usize| crate::lexicon::opens_relative(words[k]);
    (i > 0 && relative_word(i - 1))
        || (i > 1
            && relative_word(i - 2)
            && (AUXILIARIES.contains(&words[i - 1])
                || lists.adverbs.iter().any(|w| w == words[i - 1])
                || matches!(
                    words[i - 1],
                    "sedang"
                        | "telah"
                        | "sudah"
                        | "masih"
                        | "akan"
                        | "has"
                        | "have"
                        | "had"
                        // "Perawatan yang tidak ditanggung …": a denied verb of a relative clause.
                        | "tidak"
                        | "belum"
                        | "not"
                )))
}

/// Whether a word asking for consent ("requires", "subject to", "prior", *memerlukan*) stands within
/// three words before `i`.
pub(super) fn needed(words: &[&str], i: usize, lists: &Lists) -> bool {
    (i.saturating_sub(3)..i).any(|k| lists.needs.contains(words[k]))
}

/// Whether the consent word at `i` is a noun ("approval", *persetujuan*), whose owner is the one who
/// consents, rather than a verb ("permits", *mengizinkan*), whose subject is.
pub(super) fn is_consent_noun(words: &[&str], i: usize) -> bool {
    let word = words[i];
    let english_noun = matches!(
        word,
        "consent"
            | "approval"
            | "permission"
            | "authorization"
            | "authorisation"
            | "agreement"
            | "release"
            | "clearance"
            | "objection"
            | "no"
    ) && !(i > 0
        && matches!(words[i - 1], "to" | "shall" | "may" | "will" | "must"));
    let indonesian_noun = [
        "persetujuan",
        "perizinan",
        "pelepasan",
        "kesepakatan",
        "rekomendasi",
    ]
    .contains(&word)
        || matches!(word, "izin" | "ijin" | "restu");
    english_noun || indonesian_noun || words.get(i + 1) == Some(&"of")
}

/// Whether the word at `i` names the treaty ("this Agreement", *Persetujuan ini*), which a consent word
/// can also mean: it asks nobody's consent.
pub(super) fn is_treaty_name(words: &[&str], i: usize) -> bool {
    matches!(words.get(i + 1), Some(&"ini") | Some(&"tersebut"))
        || (i > 0
            && matches!(words[i - 1], "this" | "the")
            && matches!(words[i], "agreement" | "memorandum" | "arrangement"))
}

/// The action at `i`: the end of the longest action phrase starting there, with every class it belongs
/// to.
/// A treaty's name ("this Agreement", *Persetujuan ini*) and a document ("the residence permit", *izin
/// tinggal*) look like consent words and are no action.
pub(super) fn action_at(
    words: &[&str],
    i: usize,
    lists: &'static Lists,
) -> Option<(usize, Vec<&'static str>)> {
    lists
        .action_at(words, i)
        .filter(|_| !is_treaty_name(words, i) && !is_document(words, i, lists))
}

/// Whether the consent word at `i` names a document: a permit of some kind ("a work permit", "the
/// residence permit", *izin tinggal*), not a permission anyone gives.
pub(super) fn is_document(words: &[&str], i: usize, lists: &Lists) -> bool {
    let kind = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| lists.permit_kinds.iter().any(|p| p == w))
    };
    matches!(words[i], "permit" | "permits" | "izin" | "ijin")
        && ((i > 0 && kind(i - 1)) || kind(i + 1))
}
