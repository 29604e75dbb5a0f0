//! Conditions and exceptions: "provided the employer agrees", "unless", *kecuali*, *dengan persetujuan*,
//! with their extent in the sentence and what they ask for (consent, judgement, a request).

use std::ops::Range;

use super::anchors::{anchors, negative_actions};
use super::verbs::{action_at, is_consent_noun, is_document, is_treaty_name, needed};
use super::{Condition, ConditionKind, Reader};
use crate::lexicon::{Token, tokenize};
use crate::lists::{Lists, lists};
use crate::roles::{Role, role_at};

/// A condition or exception found in a sentence, before it is given to a norm.
#[derive(Debug, Clone)]
pub(super) struct Span {
    pub(super) range: Range<usize>,
    pub(super) condition: Condition,
}

impl Reader<'_> {
    /// A whole text read as one condition: a point under a lead-in that ends "where:" or *apabila:*.
    pub fn condition(&self, text: &str) -> Condition {
        let lists = lists();
        let tokens = tokenize(text);
        let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
        let consent_word = |k: usize| {
            asks_consent(&words, k, self)
                && (!is_consent_noun(&words, k) || needed(&words, k, lists))
        };
        let (consent, giver) = consent_and_giver(&words, 0..words.len(), consent_word, self);
        Condition {
            kind: ConditionKind::Condition,
            text: text.trim().to_string(),
            roles: (0..words.len())
                .filter_map(|k| role_at(&words, k, self.definitions))
                .collect(),
            consent,
            giver,
            discretion: (0..words.len()).any(|k| {
                (lists.discretion.match_at(&words, k).is_some()
                    || lists.permissive.match_at(&words, k).is_some())
                    && (k.saturating_sub(3)..k).any(|j| {
                        role_at(&words, j, self.definitions).is_some_and(Role::is_employer_side)
                    })
            }),
            judgement: judgement(&words, 0..words.len()),
            denied: false,
            mutual: (0..words.len()).any(|k| lists.mutual.match_at(&words, k).is_some()),
            request: words.iter().any(|w| lists.requests.contains(w)),
            span: 0..text.len(),
            terms: std::cell::OnceCell::new(),
        }
    }

    /// The conditions and exceptions of a sentence, with their extent: to the next comma, the end of the
    /// sentence, or (for one that opens the sentence) the main clause.
    pub(super) fn conditions(
        &self,
        text: &str,
        tokens: &[Token],
        words: &[&str],
        sentence: &Range<usize>,
        lists: &'static Lists,
    ) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        let mut i = sentence.start;
        while i < sentence.end {
            let opener = lists
                .conditions
                .match_at(words, i)
                .map(|e| (e, ConditionKind::Condition))
                .or_else(|| {
                    lists
                        .exceptions
                        .match_at(words, i)
                        .map(|e| (e, ConditionKind::Exception))
                });
            let denial = lists.condition_denials.match_at(words, i).filter(|&e| {
                (e..sentence.end.min(e + 5)).any(|k| {
                    action_at(words, k, lists).is_some_and(|(_, c)| c.contains(&"consent"))
                })
            });
            let (open_end, kind, denied) = match (opener, denial) {
                (_, Some(e)) => (e, ConditionKind::Condition, true),
                (Some((e, kind)), None) => {
                    // "with another employer without the consent of the first": a denial inside what
                    // looks like "with … consent" is where the condition starts, and it asks nothing.
                    if let Some(k) =
                        (i + 1..e).find(|&k| lists.condition_denials.match_at(words, k).is_some())
                    {
                        i = k;
                        continue;
                    }
                    // "with another approved employer": an approved employer is an actor, not an
                    // approval; and "with another employer, and no consent …" is no "with … consent"
                    // across the comma.
                    if e > i + 1
                        && ((words[e - 1].ends_with("ed")
                            && role_at(words, e, self.definitions).is_some())
                            || (i + 1..e).any(|k| tokens[k].comma_before))
                    {
                        i += 1;
                        continue;
                    }
                    // "dalam hal apa pun" (in any case) opens nothing; "dalam hal upah" (as to wages),
                    // "the place where" and "the day when" inside a phrase open nothing either: these
                    // open a condition at the start of a clause or after a comma.
                    let relative = matches!(words[i], "where" | "when")
                        && i > sentence.start
                        && !tokens[i].comma_before
                        && lists.places_and_times.iter().any(|w| w == words[i - 1]);
                    let regarding =
                        words[i] == "dalam" && i > sentence.start && !tokens[i].comma_before;
                    // "dalam hal demikian" (in that case) points back; it opens nothing. Nor does *dengan
                    // ketentuan yang berlaku bagi warga negara* (with the provisions that apply to
                    // nationals): "provided that" is *dengan ketentuan bahwa*, or the bare phrase.
                    let anaphoric = matches!(words.get(e), Some(&"demikian"))
                        || (words[i] == "dengan" && matches!(words.get(e), Some(&"yang")));
                    // "shall be provided by the employer" is a passive, not "provided that"; "shall not be
                    // subject to a penalty" says what the bearer is liable to, not "subject to the law".
                    let participle = matches!(words[i], "provided" | "subject")
                        && i > sentence.start
                        && matches!(
                            words[i - 1],
                            "be" | "been" | "being" | "is" | "are" | "was" | "were"
                        );
                    // *sesuai dengan ketentuan* (in accordance with the provisions), *bertentangan dengan
                    // syarat* (contrary to the terms): "dengan" governed by the word before it is no
                    // proviso.
                    let governed = words[i] == "dengan"
                        && i > sentence.start
                        && matches!(
                            words[i - 1],
                            "sesuai"
                                | "bertentangan"
                                | "berdasarkan"
                                | "selaras"
                                | "sejalan"
                                | "menurut"
                                | "seiring"
                                | "bersamaan"
                        );
                    // "While the vessel is at sea, …" opens the sentence with a condition of time;
                    // "works on board only while holding a certificate" is the norm's own limit.
                    let inner_while = words[i] == "while" && i > sentence.start;
                    // "meet at least once a year": how often, not "once the worker arrives".
                    let frequency = words[i] == "once"
                        && matches!(
                            words.get(i + 1).copied(),
                            Some(
                                "a" | "an"
                                    | "every"
                                    | "each"
                                    | "per"
                                    | "annually"
                                    | "monthly"
                                    | "weekly"
                                    | "yearly"
                                    | "daily"
                            )
                        );
                    if (words[i] == "dalam" && words.get(i + 2) == Some(&"apa"))
                        || frequency
                        || inner_while
                        || anaphoric
                        || participle
                        || relative
                        || regarding
                        || governed
                    {
                        i += 1;
                        continue;
                    }
                    (e, kind, false)
                }
                (None, None) => {
                    i += 1;
                    continue;
                }
            };
            // A condition in the subject ("Nobody other than the worker shall …") ends where the main
            // clause's modal begins, as one that opens the sentence does.
            // A main clause without a modal before the opener ("Sanctions are imposed if the worker can
            // prove …", *Sanksi … dijatuhkan apabila PMI dapat membuktikan …*) makes it a trailing
            // condition, which holds whatever modal comes after it.
            let owned_here = negative_actions(words, sentence, lists);
            let verb_before = (sentence.start..i).any(|k| match self.order {
                crate::roles::Order::HeadFirst => super::indonesian_verb(words[k], lists),
                crate::roles::Order::HeadLast => {
                    matches!(words[k], "is" | "are" | "was" | "were") && k + 1 < i
                }
            });
            let leading = i == sentence.start
                || (!verb_before
                    && anchors(words, &(sentence.start..i), &owned_here, lists).is_empty());
            // An opener of several words that opens the sentence and is the whole condition ("At the
            // Employer's request, the wage …", *Atas permintaan Pemberi Kerja, upah …*) ends at the comma
            // right after it, before the subject; a comma after a one-word opener ("If, however, …") is
            // the adverb's.
            let whole = i == sentence.start && open_end > i + 1;
            let mut end = (open_end..sentence.end)
                .find(|&k| tokens[k].comma_before && (k > open_end || whole))
                .unwrap_or(sentence.end);
            // A leading condition with its own comma ends there, whatever modal it holds ("Apabila
            // Kelompok Kerja tidak dapat menyelesaikannya, …"); one without a comma ends at the main
            // clause's modal. So does one inside the subject, whatever comma comes later: in
            // *Pemeriksaan kesehatan setelah kedatangan dilakukan oleh dokter …, dan …* the main verb
            // follows "setelah kedatangan".
            // An Indonesian statement needs no modal: a verb before the opener ("… ditempatkan di rumah
            // aman setelah …") is the main clause's, and the condition follows it.
            let in_subject = i > sentence.start
                && !tokens[i].comma_before
                && lists.time_openers.iter().any(|w| w == words[i])
                && !(self.order == crate::roles::Order::HeadFirst
                    && (sentence.start..i).any(|k| super::indonesian_verb(words[k], lists)));
            if leading && (end == sentence.end || in_subject) {
                // A condition that opens the sentence ends where the main clause's modal begins.
                let owned = negative_actions(words, sentence, lists);
                if let Some(anchor) = anchors(words, &(open_end..end), &owned, lists).first() {
                    // An exception in the subject ("Nobody other than the worker shall") runs to the
                    // modal; a condition without a comma ("If the worker leaves the employer shall")
                    // to the main clause's subject.
                    let subject = match kind {
                        ConditionKind::Exception => anchor.at,
                        ConditionKind::Condition => (open_end..anchor.at)
                            .rev()
                            .find(|&k| role_at(words, k, self.definitions).is_some())
                            .unwrap_or(anchor.at),
                    };
                    end = end.min(subject.max(open_end + 1));
                }
            }
            // Inside the subject, an Indonesian passive is the main clause's verb though no modal comes
            // before it: *Pemeriksaan kesehatan setelah kedatangan dilakukan oleh dokter*.
            if leading
                && in_subject
                && let Some(k) = (open_end + 1..end).find(|&k| {
                    words[k].starts_with("di") && super::indonesian_verb(words[k], lists)
                })
            {
                end = k;
            }
            let range = i..end.max(open_end);
            // "… except where:", *kecuali dalam hal:* at the end of a lead-in says nothing yet: its
            // points are the cases, each read as a condition of its own.
            let bare =
                |e: usize| e >= range.end || lists.conditions.match_at(words, e) == Some(range.end);
            let colon = range.end == sentence.end
                && range.end > 0
                && text[tokens[range.end - 1].end..]
                    .trim_start()
                    .starts_with(':');
            if colon && bare(open_end) {
                i = range.end.max(i + 1);
                continue;
            }
            let roles = range
                .clone()
                .filter_map(|k| role_at(words, k, self.definitions))
                .collect();
            // A consent noun counts when something asks for it ("with the Sponsor's prior permission")
            // or when it can mean nothing else ("no objection", "authorisation"); "where a collective
            // agreement applies" asks for none.
            let consent_word = |k: usize| {
                asks_consent(words, k, self)
                    && (!is_consent_noun(words, k)
                        || needed(words, k, lists)
                        || k == range.start
                        // the opener's own consent word: "with the Employer's agreement"
                        || k < open_end
                        || !matches!(
                            words[k],
                            "agreement" | "agreements" | "kesepakatan" | "persetujuan" | "izin"
                        ))
            };
            let (consent, giver) = consent_and_giver(words, range.clone(), consent_word, self);
            // Judgement is the employer side's only when they are named just before the word ("when
            // the household requires", *apabila Pengguna memerlukan*).
            // … just before ("when the household requires") or, in Indonesian, just after the word
            // (*sesuai dengan kebutuhan Pengguna*, *dianggap perlu oleh Pengguna*).
            let discretion = range.clone().any(|k| {
                (lists.discretion.match_at(words, k).is_some()
                    || lists.permissive.match_at(words, k).is_some())
                    && (k.saturating_sub(3).max(range.start)..(k + 4).min(range.end))
                        .filter(|&j| j != k)
                        .any(|j| {
                            role_at(words, j, self.definitions).is_some_and(Role::is_employer_side)
                        })
            });
            // A relative approval (*yang disetujui oleh …*) is a say only for a private party: an
            // authority approving a contract, or the Parties agreeing a form, is a safeguard.
            let private = |r: Role| r.is_employer_side() || r == Role::Family;
            if words[i] == "yang" && !giver.is_some_and(private) {
                i = range.end.max(i + 1);
                continue;
            }
            let request = range.clone().any(|k| lists.requests.contains(words[k]));
            let last = range.end.max(range.start + 1) - 1;
            spans.push(Span {
                condition: Condition {
                    kind,
                    text: text[tokens[range.start].start..tokens[last].end].to_string(),
                    roles,
                    consent,
                    discretion,
                    judgement: kind == ConditionKind::Condition && judgement(words, range.clone()),
                    denied,
                    giver,
                    mutual: range
                        .clone()
                        .any(|k| lists.mutual.match_at(words, k).is_some()),
                    request,
                    span: tokens[range.start].start..tokens[last].end,
                    terms: std::cell::OnceCell::new(),
                },
                range: range.clone(),
            });
            i = range.end.max(i + 1);
        }
        spans
    }
}

/// Whether the word at `k` asks for a consent: a consent word that is neither what was agreed ("as
/// agreed", *sebagaimana disepakati*), nor a treaty's name, nor an adjective of an actor ("an Approved
/// Employer", "the authorised agency").
fn asks_consent(words: &[&str], k: usize, reader: &Reader<'_>) -> bool {
    let as_agreed = k > 0 && matches!(words[k - 1], "as" | "sebagaimana" | "seperti");
    let adjective = words[k].ends_with("ed") && role_at(words, k + 1, reader.definitions).is_some();
    // "no consent of the former employer shall be required", "does not require the employer's consent",
    // *tidak diperlukan persetujuan Pengguna*: a consent said not to be needed is not asked. ("No
    // objection" is the name of a consent.)
    let not_needed = (k > 0 && words[k - 1] == "no" && words[k] != "objection")
        || ((k.saturating_sub(4)..k)
            .any(|j| matches!(words[j], "not" | "tidak" | "never" | "bukan"))
            && needed(words, k, lists()));
    action_at(words, k, lists()).is_some_and(|(_, c)| c.contains(&"consent"))
        && !not_needed
        && !as_agreed
        && !adjective
        && !is_treaty_name(words, k)
        && !is_document(words, k, lists())
}

/// Whether the words in `range` ask for a consent, and who gives it: the first consent word with a giver,
/// past an adjective that merely looks like one ("where the original Approved Employer has released the
/// Worker").
fn consent_and_giver(
    words: &[&str],
    range: Range<usize>,
    consent_word: impl Fn(usize) -> bool,
    reader: &Reader<'_>,
) -> (bool, Option<Role>) {
    let mut at = range.clone().filter(|&k| consent_word(k)).peekable();
    let consent = at.peek().is_some();
    (
        consent,
        at.find_map(|k| giver(words, k, range.clone(), reader)),
    )
}

/// Who gives the consent whose word stands at `k`: the actor just before it ("once the current Employer
/// has issued a release", "the Sponsor's approval", *Pengguna menyetujui*), or the one it comes from ("the
/// approval of the Sponsor", "a release signed by the master", *persetujuan dari Pengguna*). A worker who
/// is the object ("has released the Worker") gives nothing.
fn giver(words: &[&str], k: usize, range: Range<usize>, reader: &Reader<'_>) -> Option<Role> {
    let lists = lists();
    // Going back, a preposition ends the giver's reach ("the approval of the Sponsor to the Worker").
    let linked = |j: usize| lists.agent.contains(words[j]) || lists.recipient.contains(words[j]);
    let before = (range.start.max(k.saturating_sub(5))..k)
        .rev()
        .take_while(|&j| !linked(j))
        .find(|&j| role_at(words, j, reader.definitions).is_some());
    // "once the current employer has confirmed in writing that it releases the worker": a pronoun just
    // before the word stands for the actor named before it in the condition.
    let pronoun = || {
        let at = (range.start.max(k.saturating_sub(3))..k).rev().find(|&j| {
            matches!(
                words[j],
                "it" | "they" | "he" | "she" | "ia" | "dia" | "mereka"
            )
        })?;
        (range.start.max(at.saturating_sub(10))..at)
            .rev()
            .find(|&j| role_at(words, j, reader.definitions).is_some())
    };
    let at = before.or_else(pronoun).or_else(|| {
        let after = k + 1..range.end.min(k + 7);
        let first = after
            .clone()
            .find(|&j| role_at(words, j, reader.definitions).is_some())?;
        // *izin Nakhoda*, *persetujuan Pengguna*: an Indonesian consent noun's owner follows it.
        let owner_next = first == k + 1 && is_consent_noun(words, k);
        (owner_next
            || (k + 1..first)
                .any(|j| lists.agent.contains(words[j]) || lists.issuers.contains(words[j])))
        .then_some(first)
    })?;
    // "the employer and the worker agree", *PMI dan Pemberi Kerja sepakat*: both give it, so no one side.
    let joint = (range.start.max(at.saturating_sub(4))..range.end.min(at + 5)).any(|j| {
        matches!(words[j], "and" | "dan" | "serta" | "with" | "dengan")
            // A list of givers reaches back further: "Pekerja Migran Indonesia, Pemberi Kerja, dan
            // Otoritas Berwenang … menyetujui".
            && (range.start.max(j.saturating_sub(6))..range.end.min(j + 4))
                .filter(|&w| w != at)
                .any(|w| role_at(words, w, reader.definitions).is_some_and(Role::is_worker_side))
    });
    let role = role_at(words, at, reader.definitions)?;
    (!joint || role.is_worker_side()).then_some(role)
}

/// Whether the condition in `range` of `words` is a judgement left to the norm's own bearer: a judgement
/// word among its first words, with nobody before it but its opener and a pronoun ("if it considers it
/// necessary", "as they see fit", *apabila dipandang perlu*). One further on is about something else ("if
/// an issue arises that a Party considers would merit …"); one someone else makes ("if the doctor
/// considers") is theirs.
fn judgement(words: &[&str], range: std::ops::Range<usize>) -> bool {
    const OPENING: usize = 4;
    let lists = lists();
    (range.start..range.end.min(range.start + OPENING)).any(|k| {
        lists.judgement.match_at(words, k).is_some()
            && words[range.start..k]
                .iter()
                .filter(|w| !lists.own_judges.contains(w))
                .count()
                <= 1
    })
}
