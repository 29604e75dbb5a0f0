//! Clauses read as norms: who must, may or must not do what, to what, for whom, on what condition.
//!
//! A phrase cannot see that "(c) hold the Worker's passport" inherits "The Sponsor shall:", that "the
//! seafarer books are to remain with the master" makes the master keep them, or that "provided the
//! present employer releases him" empties a right. The reader here sees those things, deterministically,
//! from the word lists of `data/lexicon.toml`:
//!
//! 1. a sentence's *anchors* are its modals ("shall", *wajib*, "may not", "is entitled to", "dilarang");
//!    a sentence without one is a *statement* when it holds an action word ("the costs are borne by …");
//! 2. each anchor's bearer is the actor named before it, unless the verb is passive ("be kept by",
//!    *disimpan oleh*, "remain with"), when the agent or holder after it bears the norm;
//! 3. the action is the first action word after the anchor, the object the words after the action;
//! 4. conditions and exceptions ("provided", "unless", *kecuali*, *dengan persetujuan*) and hedges
//!    ("where feasible", *apabila memungkinkan*) attach to the norms of their sentence;
//! 5. a point with no subject of its own inherits its list lead-in's bearer and modality.

use std::ops::Range;

use crate::lexicon::{Token, tokenize};
use crate::lists::{Lists, lists};
use crate::roles::{Actor, Definitions, Order, Role, actor_at, role_at};

/// Reads clauses into norms in one agreement's vocabulary.
#[derive(Debug, Clone)]
pub struct Reader<'d> {
    definitions: &'d Definitions,
    order: Order,
}

/// Auxiliaries between a modal and a passive participle ("shall be kept", "are to remain").
pub(crate) const AUXILIARIES: &[&str] = &[
    "be", "been", "being", "is", "are", "was", "were", "to", "also", "only", "remain", "remains",
];

/// Irregular participles of the verbs the lexicon knows, for telling "shall be kept" from "shall keep".
const PARTICIPLES: &[&str] = &[
    // "The fee is payable by the Worker": an adjective that takes its agent as a participle does.
    "payable",
    "repaid",
    "kept",
    "held",
    "borne",
    "paid",
    "withheld",
    "made",
    "given",
    "taken",
    "done",
    "sent",
    "lent",
    "met",
    "left",
    "set",
    "laid",
    "put",
    "bound",
    "chosen",
    "forbidden",
    "known",
    "shown",
    "seen",
    "exempt",
    "bought",
    "sold",
    "brought",
];

impl<'d> Reader<'d> {
    /// A reader for text in an agreement with these definitions; `indonesian` reads compounds head first.
    pub fn new(definitions: &'d Definitions, indonesian: bool) -> Reader<'d> {
        Reader {
            definitions,
            order: if indonesian {
                Order::HeadFirst
            } else {
                Order::HeadLast
            },
        }
    }

    /// The norms of one clause. `lead_in` is the last norm of the enclosing clause when that clause leads
    /// into a list ("The Sponsor shall:"): a point without its own subject inherits it.
    pub fn read(&self, text: &str, lead_in: Option<&Norm>) -> Vec<Norm> {
        self.read_tokens(text, &tokenize(text), lead_in)
    }

    /// [`Reader::read`] over tokens the caller already has (from [`tokenize`] of `text`).
    pub fn read_tokens(&self, text: &str, tokens: &[Token], lead_in: Option<&Norm>) -> Vec<Norm> {
        let lists = lists();
        // Indonesian "-nya" ("menundanya", "melunasinya") is read without its particle, as the stem has it.
        let words: Vec<&str> = tokens.iter().map(crate::lexicon::read_word).collect();
        let mut norms: Vec<Norm> = Vec::new();
        // A lead-in inside the clause ("The Principal shall: (a) pay …; (b) keep …") leads the items
        // after its colon, up to the full stop.
        let mut inline: Option<Norm> = None;
        for std::ops::Range { start: a, end: b } in crate::lexicon::sentences(tokens) {
            let lead = if a == 0 { lead_in } else { inline.as_ref() };
            let before = norms.len();
            self.read_sentence(text, tokens, &words, a..b, lead, lists, &mut norms);
            // "The ticket is bought by the Employer, and its cost is repaid by the Worker": the sum a
            // norm points back to is the last one named before it in the clause, or by its lead-in.
            for k in before..norms.len() {
                if norms[k].points_back_to_sum()
                    && let Some(antecedent) = norms[..k]
                        .iter()
                        .rev()
                        .chain(lead_in)
                        .find(|n| n.names_a_sum())
                        .cloned()
                {
                    norms[k].read_sum_back(&antecedent);
                }
            }
            let gap_end = tokens.get(b).map_or(text.len(), |t| t.start);
            let terminator = text[tokens[b - 1].end..gap_end]
                .chars()
                .find(|c| matches!(c, '.' | ';' | ':' | '?' | '!'));
            inline = match terminator {
                Some(':') => norms[before..].last().cloned().or(inline),
                Some(';') => inline,
                _ => None,
            };
        }
        norms
    }

    #[allow(clippy::too_many_arguments)]
    fn read_sentence(
        &self,
        text: &str,
        tokens: &[Token],
        words: &[&str],
        sentence: Range<usize>,
        lead_in: Option<&Norm>,
        lists: &'static Lists,
        norms: &mut Vec<Norm>,
    ) {
        // The hedge may stand in an opening purpose ("To the extent resources allow, …"): it is looked
        // for in the whole sentence.
        let whole = sentence.clone();
        // "To prevent illicit transfers, …", *Demi keselamatan PMI, …*: a purpose before the main clause
        // is no part of its norm; it is kept on the norm to say why.
        let purpose = lists
            .purposes
            .match_at(words, sentence.start)
            .and_then(|open| {
                (open..sentence.end.min(sentence.start + 24)).find(|&k| tokens[k].comma_before)
            })
            .filter(|&end| end + 1 < sentence.end);
        let sentence = purpose.map_or(sentence.clone(), |end| end..sentence.end);
        // "…, so that the worker becomes familiar with the area in safety", *…, agar …*: a purpose set
        // off at the end says why as well.
        let trailing = || {
            (sentence.start + 1..sentence.end)
                .find(|&k| {
                    tokens[k].comma_before && lists.purpose_clauses.match_at(words, k).is_some()
                })
                .map(|k| text[tokens[k].start..tokens[sentence.end - 1].end].to_string())
        };
        let purpose = purpose
            .map(|end| text[tokens[whole.start].start..tokens[end - 1].end].to_string())
            .or_else(trailing);
        let owned = negative_actions(words, &sentence, lists);
        let spans = self.conditions(text, tokens, words, &sentence, lists);
        let inside = |i: usize| spans.iter().any(|s| s.range.contains(&i));
        // "… keep the passport so that permits can be processed": from a purpose opener to the next
        // comma, a modal is the purpose's.
        let in_purpose = |at: usize| {
            (sentence.start + 1..at)
                .rev()
                .take_while(|&k| !tokens[k + 1].comma_before)
                .any(|k| lists.purpose_clauses.match_at(words, k).is_some())
        };
        let mut anchors = anchors(words, &sentence, &owned, lists);
        anchors.retain(|a| !inside(a.at) && !in_purpose(a.at));
        // "Disputes which cannot be settled by the Committee shall be referred …", *Sengketa yang tidak
        // dapat diselesaikan … dibawa ke …*: a modal inside a relative clause describes the subject. It is
        // no norm when the sentence has a modal of its own after it, or when it says what cannot be. One
        // set off by a comma (", which shall not exceed …") adds a norm of its own.
        let opener = |k: usize| crate::lexicon::opens_relative(words[k]) && !tokens[k].comma_before;
        // "… during which the Worker must remain …": the relative clause may name its own actor first.
        let actor_between = |k: usize, at: usize| {
            (k + 1..at).any(|j| role_at(words, j, self.definitions).is_some())
                && (k + 1..at).all(|j| {
                    !tokens[j].comma_before && !crate::lexicon::is_strict_negator(words[j])
                })
        };
        // "Pekerja yang hamil dan tidak dapat lagi bekerja …", "a worker who is ill and cannot work":
        // the relative clause joins a second predicate, with its modal, to the first. ("for that purpose
        // and shall not …": "that" there is no relative pronoun.)
        let coordinated = |k: usize, at: usize| {
            words[k] != "that"
                && (k + 1..at).any(|j| matches!(words[j], "dan" | "and" | "atau" | "or" | "serta"))
                && (k + 1..at).all(|j| !tokens[j].comma_before)
        };
        let relative = |a: &Anchor| {
            a.at > sentence.start
                && (opener(a.at - 1)
                    || (a.at > sentence.start + 1
                        && opener(a.at - 2)
                        && crate::lexicon::is_strict_negator(words[a.at - 1]))
                    || (a.at.saturating_sub(5).max(sentence.start)..a.at.saturating_sub(1))
                        .any(|k| opener(k) && (actor_between(k, a.at) || coordinated(k, a.at))))
        };
        let relatives: Vec<bool> = anchors.iter().map(relative).collect();
        let describes = |k: usize| {
            let a = &anchors[k];
            relatives[k]
                && (a.negated
                    || a.modality == Modality::Prohibition
                    || relatives[k + 1..].iter().any(|r| !r))
        };
        let kept: Vec<Anchor> = (0..anchors.len())
            .filter(|&k| !describes(k))
            .map(|k| anchors[k])
            .collect();
        let mut anchors = kept;
        // "… shall be advanced by the agency and repaid by the worker", *dibebankan … dan dipotong dari
        // upah*: a passive verb joined to a modal's clause is a norm of its own under the same modal.
        let mut joined = Vec::new();
        for (k, anchor) in anchors.iter().enumerate() {
            let limit = anchors.get(k + 1).map_or(sentence.end, |n| n.at);
            for j in anchor.end + 2..limit {
                let passive_verb = (words[j].starts_with("di") && words[j].len() > 4)
                    || statements::is_participle(words[j]);
                // "…, any replacement being paid for by the worker": an absolute participle is one too.
                if matches!(words[j - 1], "and" | "dan" | "serta" | "being")
                    && passive_verb
                    && !inside(j)
                    && action_at(words, j, lists).is_some()
                {
                    joined.push(Anchor {
                        at: j,
                        end: j,
                        modality: anchor.modality,
                        negated: anchor.negated,
                        statement: true,
                        by_word: false,
                        antecedent: None,
                    });
                }
            }
        }
        // "… may agree in writing to work longer, and in that case paragraph 1 does not apply to them": a
        // phrase with its own negator after the last modal, in a main clause of its own (", and …"),
        // states a norm of its own; one inside ", including where …" does not.
        if let Some(last) = anchors.last().copied() {
            for r in &owned {
                let after = r.start > last.end + 1
                    && !inside(r.start)
                    && (last.end..r.start).any(|k| {
                        tokens[k].comma_before && matches!(words[k], "and" | "dan" | "serta")
                    });
                if after {
                    joined.push(Anchor::statement(r.start));
                }
            }
        }
        // "This Article does not apply to workers in guesthouses, whose pay shall be as agreed": the
        // first modal is the relative clause's, and the phrase with its own negator before it is the
        // main clause's verb.
        if let Some(first) = anchors.first().copied() {
            for r in &owned {
                let main = r.end <= first.at
                    && !inside(r.start)
                    && (r.end..first.at).any(|k| lists.relatives.contains(words[k]));
                if main {
                    joined.push(Anchor::statement(r.start));
                }
            }
        }
        if !joined.is_empty() {
            anchors.extend(joined);
            anchors.sort_by_key(|a| a.at);
        }
        // A point with no verb of its own ("(c) the medical examination;" under "The Employer shall bear
        // the cost of:"): what its lead-in does, it does to this point.
        let mut verbless = false;
        if anchors.is_empty() {
            let action = self.statement_verb(tokens, words, &sentence, &owned, &inside, lead_in);
            match (action, lead_in) {
                (Some(at), _) => {
                    anchors.push(Anchor::statement(at));
                    self.joined_statements(tokens, words, &sentence, at, &inside, &mut anchors);
                    anchors.sort_by_key(|a| a.at);
                }
                (None, Some(_)) => {
                    anchors.push(Anchor::statement(sentence.start));
                    verbless = true;
                }
                (None, None) => return,
            }
        }
        // "… protective clothing, which the Driver purchases from the Employer at cost": a relative clause
        // whose subject is an actor and whose verb is an action is a norm of its own.
        let mut relatives = Vec::new();
        for r in
            (sentence.start..sentence.end).filter(|&r| crate::lexicon::opens_relative(words[r]))
        {
            // "which the worker buys", "yang Pekerja beli": the relative, perhaps an article, the actor.
            let Some(actor) = (r + 1..sentence.end.min(r + 3))
                .find(|&k| !tokens[k].stopword)
                .filter(|&k| role_at(words, k, self.definitions).is_some())
            else {
                continue;
            };
            let i = (actor + 1..sentence.end.min(actor + 3))
                .find(|&k| role_at(words, k, self.definitions).is_none());
            let Some(i) = i.filter(|&i| !inside(i)) else {
                continue;
            };
            let antecedent = self.antecedent(tokens, words, r, sentence.start, lists);
            // "which the worker shall pay": the modal found there is the clause's.
            if let Some(found) = anchors.iter_mut().find(|a| a.at == i) {
                found.antecedent = found.antecedent.or(antecedent);
            } else if action_at(words, i, lists).is_some() {
                let mut anchor = Anchor::statement(i);
                anchor.antecedent = antecedent;
                relatives.push(anchor);
            }
        }
        if !relatives.is_empty() {
            anchors.extend(relatives);
            anchors.sort_by_key(|a| a.at);
        }
        // "preferably, where possible, in writing" prefers a means; it does not excuse the duty.
        let hedge = (whole.start..whole.end).find_map(|i| {
            let end = lists.hedges.match_at(words, i)?;
            // A phrase of `[hedges] not` may start at the hedge word (*upaya hukum*) or the word before
            // it (*dengan mempertimbangkan*, "taking into account").
            let not_hedge = |k: usize| lists.not_hedges.match_at(words, k).is_some_and(|e| e > i);
            if not_hedge(i) || (i > 0 && not_hedge(i - 1)) {
                return None;
            }
            let preference = (i.saturating_sub(2)..i).any(|k| lists.preferences.contains(words[k]));
            (!preference).then(|| text[tokens[i].start..tokens[end - 1].end].to_string())
        });
        let first = norms.len();
        // "…, tidak mencakup tes kehamilan, dan hasilnya dijaga kerahasiaannya": a clause joined after a
        // comma starts at its conjunction; the words before it are the earlier norm's, and the words
        // from it are not ("may be withdrawn at any time, and no part of the wage shall be withheld": the
        // wage is not what is withdrawn).
        let joined: Vec<Option<usize>> = (0..anchors.len())
            .map(|k| {
                let after = anchors[k.checked_sub(1)?].end.max(anchors[k - 1].at + 1);
                (after..anchors[k].at).rev().find(|&i| {
                    tokens[i].comma_before && matches!(words[i], "and" | "dan" | "serta")
                })
            })
            .collect();
        for k in 0..anchors.len() {
            let anchor = anchors[k];
            let window = if k == 0 {
                sentence.start
            } else {
                joined[k].unwrap_or_else(|| anchors[k - 1].end.max(anchors[k - 1].at + 1))
            };
            let limit = anchors
                .get(k + 1)
                .map_or(sentence.end, |n| joined[k + 1].unwrap_or(n.at));
            let mut norm = self.norm(
                text,
                tokens,
                words,
                (window, anchor, limit),
                &owned,
                &spans,
                lists,
            );
            // "The Sending Party shall register … and shall not clear …": the second modal shares the
            // first one's subject.
            // "…, and Workers may keep their phones": an actor right before the modal is its own subject.
            if k > 0
                && !norm.passive
                && anchor.at > 0
                && (anchor.at.saturating_sub(2)..anchor.at)
                    .any(|j| matches!(words[j], "and" | "dan" | "serta" | "or" | "atau" | "but"))
                && role_at(words, anchor.at - 1, self.definitions).is_none()
                && let Some(previous) = norms.last()
            {
                // "… shall not require the worker to buy … and shall not keep …": the causative's subject.
                let shared = previous.causer.clone().or_else(|| previous.bearer.clone());
                // "… and shall not restrict the intern's use of a phone": a joined modal whose own verb
                // names the one made to act, or kept from it, keeps that bearer; the shared subject is
                // who makes them.
                if norm.made_to_act {
                    norm.causer = norm.causer.take().or(shared);
                } else {
                    norm.bearer = shared;
                }
                // "The processing charge … shall be agreed with the worker and shall not exceed …": a
                // passive's subject is the joined modal's too, and a rule must see its words. "Female
                // workers may only be employed by day and shall carry a parent's permission": that
                // subject, not the passive's agent, bears the joined duty.
                if previous.passive {
                    norm.terms = format!("{} {}", previous.object_terms, norm.terms);
                    let before = anchors[k - 1];
                    let from = if k == 1 {
                        sentence.start
                    } else {
                        anchors[k - 2].end.max(anchors[k - 2].at + 1)
                    };
                    norm.bearer = (from..before.at)
                        .rev()
                        .filter(|&i| !spans.iter().any(|s| s.range.contains(&i)))
                        .find(|&i| role_at(words, i, self.definitions).is_some())
                        .filter(|&i| !possessive(words, i))
                        .and_then(|i| actor_at(tokens, text, i, self.definitions, self.order));
                }
            }
            // "… shall settle that advance and shall recover it from the Worker's wages": a pronoun object
            // stands for the object before it, and a rule must see that one's words.
            if let Some(previous) = norms[first..].last()
                && !norm.points_back_to_sum()
                && norm
                    .object_terms
                    .split(' ')
                    .next()
                    .is_some_and(|w| matches!(w, "it" | "them" | "this" | "these" | "those"))
            {
                norm.object_terms = format!("{} {}", previous.object_terms, norm.object_terms);
            }
            norm.hedge = hedge.clone();
            norm.purpose = purpose.clone();
            if norm.hedge.is_some()
                && matches!(
                    norm.modality,
                    Modality::Obligation | Modality::Statement | Modality::Right
                )
            {
                norm.modality = Modality::HedgedDuty;
            }
            if k == 0
                && let Some(lead) = lead_in
                && norm.bearer.is_none()
                && !norm.passive
            {
                norm.bearer = lead.bearer.clone();
                if anchor.statement {
                    norm.modality = lead.modality;
                    norm.modal = lead.modal.clone();
                    norm.negated |= lead.negated;
                    if norm.hedge.is_none() {
                        norm.hedge = lead.hedge.clone();
                    }
                }
                if verbless && lead.action.is_some() {
                    norm.action = lead.action.clone();
                    norm.object = text[tokens[sentence.start].start..tokens[sentence.end - 1].end]
                        .to_string();
                    norm.object_terms = words[sentence.clone()].join(" ");
                }
                norm.inherited = true;
            }
            // "… is advanced by the agency and repaid by the worker through deductions": a joined passive
            // shares the first one's subject, unless it has its own ("…, dan biaya yang melebihi batas
            // tersebut menjadi tanggungan Pekerja").
            // "… shall be paid in advance by the agency and shall be recovered from the Worker": a joined
            // modal with no word between the conjunction and itself has no subject of its own either.
            let joined = |j: usize| matches!(words[j], "and" | "dan" | "serta" | "or" | "atau");
            if k > 0
                && norm.passive
                && if anchor.statement {
                    (anchor.at.saturating_sub(2)..anchor.at).any(joined)
                } else {
                    anchor.at > 0 && joined(anchor.at - 1)
                }
                && let Some(first_norm) = norms.get(first)
                && first_norm.passive
            {
                norm.object = first_norm.object.clone();
                norm.object_terms = first_norm.object_terms.clone();
            }
            norms.push(norm);
        }
        // An exception is a norm of its own ("… except the passport fee, which is borne by the worker"):
        // its verb is read as a statement.
        for span in spans
            .iter()
            .filter(|s| s.condition.kind == ConditionKind::Exception && !s.condition.denied)
        {
            let none = |_: usize| true;
            if let Some((at, _, _)) = verb_action(
                words,
                tokens,
                span.range.clone(),
                &none,
                lists,
                self.definitions,
            )
            .filter(|(at, _, _)| *at > span.range.start)
            {
                let anchor = Anchor::statement(at);
                let norm = self.norm(
                    text,
                    tokens,
                    words,
                    (span.range.start + 1, anchor, span.range.end),
                    &owned,
                    &[],
                    lists,
                );
                norms.push(norm);
            }
        }
        // "Any undertaking by the worker to repay the costs is void": what stands before a nullity has no
        // force.
        if let Some(std::ops::Range { start: void, end }) =
            crate::lexicon::nullity_in(&words[sentence.clone()])
                .map(|r| r.start + sentence.start..r.end + sentence.start)
        {
            let void_at = tokens[void].start;
            for norm in norms[first..].iter_mut().filter(|n| n.at < void_at) {
                norm.negated = true;
            }
            // "… shall be void and replaced by the condition applicable to nationals", *batal demi hukum
            // dan digantikan dengan …*: the replacement is the nullity's remedy, not a power to replace
            // what the clause grants.
            let remedy_from = tokens.get(end).map_or(usize::MAX, |t| t.start);
            let remedy_to = tokens
                .get((end + 3).min(sentence.end))
                .map_or(usize::MAX, |t| t.start);
            let mut k = first;
            while k < norms.len() {
                let n = &norms[k];
                if n.at >= remedy_from && n.at <= remedy_to && n.acts(&["postpone"]) {
                    norms.remove(k);
                } else {
                    k += 1;
                }
            }
        }
        // "Pregnancy is not a ground for dismissal or for cancelling the permit", *bukan merupakan alasan
        // untuk memutuskan hubungan kerja*: what may not be done on that ground is denied. Found, like a
        // nullity, by its last word.
        if let Some(from) = (sentence.start..sentence.end)
            .filter(|&i| lists.no_ground_tails.iter().any(|t| t == words[i]))
            .find(|&i| {
                (i.saturating_sub(5).max(sentence.start)..=i)
                    .any(|j| lists.no_grounds.match_at(words, j) == Some(i + 1))
            })
            .map(|i| tokens.get(i + 1).map_or(usize::MAX, |t| t.start))
        {
            for norm in norms[first..].iter_mut().filter(|n| n.at >= from) {
                norm.negated = true;
            }
        }
        // Conditions before the first anchor belong to the first norm; the rest to the norm whose modal
        // they follow.
        for span in spans {
            let owner = norms[first..]
                .iter()
                .rposition(|n| n.at <= tokens[span.range.start].start)
                .unwrap_or(0);
            norms[first + owner].conditions.push(span.condition);
        }
    }

    /// The norm of one anchor: `window` is where its subject may start, `limit` where its words end.
    #[allow(clippy::too_many_arguments)]
    fn norm(
        &self,
        text: &str,
        tokens: &[Token],
        words: &[&str],
        (window, anchor, limit): (usize, Anchor, usize),
        owned: &[Range<usize>],
        spans: &[Span],
        lists: &'static Lists,
    ) -> Norm {
        let inside = |i: usize| spans.iter().any(|s| s.range.contains(&i));
        let free = |i: usize| !inside(i);
        // The subject: the actor named nearest before the anchor, outside conditions.
        // "A worker who leaves the service of the Sponsor … shall pay": the subject stands before the
        // relative pronoun, not nearest the modal.
        // "The recruitment agency that deployed the worker shall bear …": "that" or "which" after an
        // actor opens a relative clause too ("ensure that workers may" does not).
        // A participle after an actor opens a reduced relative clause in English ("Workers living in
        // Employer accommodation may leave", "the worker employed by the Sponsor shall"): the subject is
        // the actor before it, not the one inside it.
        let participle = |i: usize| {
            self.order == Order::HeadLast
                && words[i].len() > 5
                && (words[i].ends_with("ing") || words[i].ends_with("ed"))
                && !tokens[i].comma_before
        };
        let relative = (window..anchor.at).filter(|&i| free(i)).rfind(|&i| {
            lists.relatives.contains(words[i])
                || ((matches!(words[i], "that" | "which") || participle(i))
                    && i > window
                    && role_at(words, i - 1, self.definitions).is_some())
        });
        let before_relative = relative.and_then(|r| {
            (window.max(r.saturating_sub(4))..r)
                .rev()
                .find(|&i| role_at(words, i, self.definitions).is_some())
        });
        // "Inspection visits to a household shall …": an actor inside a prepositional phrase after a noun
        // that is no actor is not the subject; the subject is that noun, and names no bearer.
        let in_phrase = |i: usize| {
            let link = (i.saturating_sub(3).max(window)..i)
                .rev()
                .find(|&k| !tokens[k].stopword)
                .filter(|&k| lists.recipient.contains(words[k]) || lists.holder.contains(words[k]));
            link.is_some_and(|k| {
                (window..k).any(|j| {
                    !tokens[j].stopword
                        && role_at(words, j, self.definitions).is_none()
                        && !lists.recipient.contains(words[j])
                })
            })
        };
        // *Perubahan yang merugikan PMI tidak berlaku*: an actor inside the relative clause is its
        // object, not the subject; a subject that is no actor names no bearer.
        // "The Worker's residence permit shall cease to be valid": the worker owns the subject and is
        // not it.
        let subject_at = before_relative.or_else(|| {
            (window..anchor.at)
                .rev()
                .filter(|&i| free(i) && relative.is_none_or(|r| i < r))
                .find(|&i| role_at(words, i, self.definitions).is_some())
                .filter(|&i| !in_phrase(i))
        });
        let possessed_subject = subject_at.is_some_and(|i| possessive(words, i));
        let mut subject = subject_at
            .filter(|_| !possessed_subject)
            .and_then(|i| actor_at(tokens, text, i, self.definitions, self.order));
        let mut modality = anchor.modality;
        let mut negated = anchor.negated;
        // "No employer shall", "nobody may", "tidak ada … yang boleh": the subject forbids. "Nobody
        // other than the worker is entitled to keep it", *tidak seorang pun selain Pekerja berhak*: the
        // subject denies the right.
        if matches!(
            modality,
            Modality::Obligation | Modality::Permission | Modality::Right
        ) || anchor.statement
        {
            let forbidding = (window..anchor.at)
                .filter(|&i| free(i))
                .any(|i| lists.negative_subject.match_at(words, i).is_some());
            // "No worker shall be required to …" takes a duty away: it is no prohibition on the worker.
            let passive_duty = !anchor.statement
                && [
                    "required",
                    "obliged",
                    "obligated",
                    "diwajibkan",
                    "compelled",
                ]
                .iter()
                .any(|w| words[anchor.at..anchor.end].contains(w));
            if forbidding {
                if anchor.statement || passive_duty || modality == Modality::Right {
                    negated = true;
                } else {
                    modality = Modality::Prohibition;
                }
            }
        } else if modality == Modality::Prohibition
            && anchor.by_word
            && (window..anchor.at)
                .filter(|&i| free(i))
                .any(|i| lists.negative_subject.match_at(words, i).is_some())
        {
            // "No worker shall be prohibited from joining", "No agency shall be prevented from charging":
            // the subject denies the ban, which leaves the act free.
            modality = Modality::Permission;
        }
        // The action: the first action word after the anchor (the anchor itself for a statement).
        let mut search = if anchor.statement {
            anchor.at
        } else {
            anchor.end
        };
        // "Under no circumstances shall the Employer confiscate …": after a negative adverbial the
        // subject follows the modal.
        // "Nothing shall require a Worker to …" is no such adverbial: the worker is the one made to act.
        // "The Employer may require the Worker to …", "Nothing shall prevent a worker from …": a verb whose
        // object is the one who acts, or is kept from acting.
        let preventive = |k: usize| lists.preventives.iter().any(|w| w == words[k]);
        let causative = |k: usize| lists.causatives.iter().any(|w| w == words[k]) || preventive(k);
        let causative_next = (anchor.end..limit.min(anchor.end + 2)).any(causative);
        if subject.is_none()
            && !anchor.statement
            && modality == Modality::Prohibition
            && !causative_next
            && let Some(k) = (anchor.end..limit.min(anchor.end + 3))
                .find(|&k| role_at(words, k, self.definitions).is_some())
            && let Some(actor) = actor_at(tokens, text, k, self.definitions, self.order)
        {
            let after = (k..limit)
                .find(|&j| tokens[j].start >= tokens[k].start + actor.words.len())
                .unwrap_or(k + 1);
            subject = Some(actor);
            search = after;
        }
        // "The Employer may require the Worker to lodge a deposit": the one made to act is the bearer of
        // the act.
        // "Nothing shall prevent a worker from joining a union": the one kept from the act bears it.
        let mut causer = None;
        let mut made_to_act = false;
        if !anchor.statement
            && let Some(c) = (search..limit.min(search + 2)).find(|&k| causative(k))
            && let Some(k) =
                (c + 1..limit.min(c + 4)).find(|&k| role_at(words, k, self.definitions).is_some())
            && let Some(actor) = actor_at(tokens, text, k, self.definitions, self.order)
        {
            causer = subject.replace(actor);
            made_to_act = true;
            search = k + 1;
            if preventive(c) {
                // Forbidding to keep someone from an act leaves them free to do it; keeping them from
                // it forbids it.
                modality = if modality == Modality::Prohibition || negated {
                    Modality::Permission
                } else {
                    Modality::Prohibition
                };
                negated = false;
            } else if modality == Modality::Prohibition {
                // Forbidding to require is no duty for the one who would have been made to act; allowing
                // or ordering it is a duty.
                modality = Modality::Obligation;
                negated = true;
            } else {
                modality = Modality::Obligation;
            }
        }
        // "Nothing in paragraph 1 prevents the Employer from keeping …", "Paragraph 1 does not prevent the
        // Employer from …", *ayat (1) tidak menghalangi Pemberi Kerja untuk menyimpan …*: a statement whose
        // own verb keeps someone from an act bans it for them, and, denied, leaves them free to do it.
        if anchor.statement
            && causer.is_none()
            && preventive(anchor.at)
            && let Some(k) = (anchor.at + 1..limit.min(anchor.at + 4))
                .find(|&k| free(k) && role_at(words, k, self.definitions).is_some())
            && let Some(actor) = actor_at(tokens, text, k, self.definitions, self.order)
        {
            let denied = negated
                || (anchor.at.saturating_sub(2).max(window)..anchor.at)
                    .any(|i| crate::lexicon::is_strict_negator(words[i]));
            let after = (k..limit)
                .find(|&j| tokens[j].start >= tokens[k].start + actor.words.len())
                .unwrap_or(k + 1);
            causer = subject.replace(actor);
            made_to_act = true;
            search = after;
            modality = if denied {
                Modality::Permission
            } else {
                Modality::Prohibition
            };
            negated = false;
        }
        let found = if anchor.statement {
            verb_action(words, tokens, search..limit, &free, lists, self.definitions)
        } else {
            main_action(words, tokens, search..limit, &free, lists, self.definitions)
        };
        let (action, action_range) = match found {
            Some((i, end, classes)) => (
                Some(Action {
                    words: text[tokens[i].start..tokens[end - 1].end].to_string(),
                    classes,
                }),
                i..end,
            ),
            // "The Grower shall guarantee each Worker thirty hours of work": a modal that is itself a
            // light verb, with no action after it, is the verb.
            None if !anchor.statement
                && anchor.end > anchor.at
                && lists.light_verbs.iter().any(|w| w == words[anchor.end - 1]) =>
            {
                let i = anchor.end - 1;
                (
                    Some(Action {
                        words: text[tokens[i].start..tokens[i].end].to_string(),
                        classes: Vec::new(),
                    }),
                    i..i + 1,
                )
            }
            // "The Worker is responsible for the agency's placement fee", "liable for the costs": a duty
            // for a sum with no verb is a duty to bear it.
            None if !anchor.statement
                && anchor.end > anchor.at
                && matches!(words[anchor.end - 1], "for" | "atas")
                && crate::lexicon::speaks_of(
                    crate::lexicon::Qualifier::Money,
                    &words[search..limit.min(search + 6)].join(" "),
                ) =>
            {
                (
                    Some(Action {
                        words: text[tokens[anchor.at].start..tokens[anchor.end - 1].end]
                            .to_string(),
                        classes: vec!["pay"],
                    }),
                    anchor.end..anchor.end,
                )
            }
            None => {
                // "The Parties may, whenever either of them considers it necessary, convene …": the
                // action follows a condition set between the modal and the verb.
                let i = (search..limit).find(|&i| {
                    free(i)
                        && !tokens[i].stopword
                        && !AUXILIARIES.contains(&words[i])
                        && !lists.adverbs.iter().any(|w| w == words[i])
                        && !crate::lexicon::is_strict_negator(words[i])
                });
                match i {
                    Some(i) => (
                        Some(Action {
                            words: text[tokens[i].start..tokens[i].end].to_string(),
                            classes: Vec::new(),
                        }),
                        i..i + 1,
                    ),
                    None => (None, search..search),
                }
            }
        };
        // A negator between the anchor and the action, or just before a statement's action, denies it;
        // one that belongs to the action's own phrase ("not apply") does not.
        let own = |i: usize| owned.iter().any(|r| r.contains(&i));
        let from = if anchor.statement {
            action_range.start.saturating_sub(3).max(window)
        } else {
            anchor.end
        };
        // Before a statement's verb, *yang tidak* with a word between that is no verb, auxiliary or
        // adverb is a relative clause of the subject (*informasi yang tidak benar dikenakan sanksi*:
        // "false information is sanctioned"), not a denial of the verb (*yang tidak diwajibkan membayar*
        // still denies).
        let next_to_action = |i: usize| {
            !anchor.statement
                || !matches!(words[i], "tidak" | "tak")
                || i == window
                || words[i - 1] != "yang"
                || (i + 1..action_range.start).all(|k| {
                    let word = words[k];
                    AUXILIARIES.contains(&word)
                        || lists.adverbs.iter().any(|w| w == word)
                        || crate::lexicon::is_negator_bridge(word)
                        || indonesian_verb(word, lists)
                })
        };
        if (from..action_range.start)
            .filter(|&i| free(i) && !own(i))
            .any(|i| {
                crate::lexicon::is_strict_negator(words[i])
                    && next_to_action(i)
                    && lists.formulas.match_at(words, i).is_none()
                    // "… tanpa pemberitahuan tertulis dianggap mengundurkan diri": "without" denies the
                    // noun after it, and only a verb right after it is denied.
                    && !(matches!(words[i], "tanpa" | "without")
                        && (i + 1..action_range.start).any(|k| {
                            !matches!(
                                words[k],
                                "perlu" | "harus" | "need" | "needing" | "having" | "being" | "to"
                            )
                        }))
            })
        {
            negated = true;
        }
        // "shall pay no fee", "charge nothing".
        // "pay no less favourable than …" is a floor, not a denial.
        if let Some(next) = words.get(action_range.end)
            && matches!(*next, "no" | "nothing" | "none")
            && !words
                .get(action_range.end + 1)
                .is_some_and(|w| crate::lexicon::is_comparative(w))
            && action_range.end < limit
            && !action_at(words, action_range.end, lists).is_some_and(|(_, c)| c.contains(&"cap"))
        {
            negated = true;
        }
        let passive =
            action.is_some() && action_range.start > 0 && action_range.start < words.len() && {
                // "may be exempted from": a phrase of the lexicon that opens with its auxiliary has
                // its participle next.
                let first = if matches!(words[action_range.start], "be" | "been" | "being")
                    && action_range.start + 1 < action_range.end
                {
                    action_range.start + 1
                } else {
                    action_range.start
                };
                let word = words[first];
                let indonesian_passive = word.starts_with("di") && word.len() > 4;
                let participle =
                    word.ends_with("ed") || word.ends_with("en") || PARTICIPLES.contains(&word);
                let after_be = first > 0
                    && (first.saturating_sub(3)..first).any(|k| {
                        matches!(
                            words[k],
                            "be" | "been" | "being" | "is" | "are" | "was" | "were"
                        )
                    });
                // "… advanced by the agency and repaid by the worker": a joined participle keeps the voice.
                let joined = anchor.statement
                    && first > 0
                    && matches!(words[first - 1], "and" | "dan" | "serta");
                indonesian_passive || (participle && (after_be || joined))
            };
        let end = (action_range.end..limit)
            .find(|&i| {
                inside(i)
                    || (i > action_range.end && tokens[i].comma_before && i - action_range.end > 6)
            })
            .unwrap_or(limit)
            .min(action_range.end + 14);
        // The agent of a passive ("by the Employer", *oleh Pengguna*, *dipotong Pengguna*) and the holder
        // of a keeping phrase ("remain with the master", *dititipkan kepada Pengguna*).
        let after_role = |from: usize, to: usize, link: &crate::lists::WordSet| -> Option<Actor> {
            (from..to).find_map(|i| {
                let link_end = link.match_at(words, i)?;
                (link_end..to.min(link_end + 3))
                    .find(|&k| role_at(words, k, self.definitions).is_some())
                    .and_then(|k| actor_at(tokens, text, k, self.definitions, self.order))
            })
        };
        // A passive modal with its agent ("diupayakan oleh Perusahaan") is borne by that agent; one with
        // its subject before it ("Pemberi Kerja dilarang menahan") is an ordinary modal.
        let modal_passive = !anchor.statement
            && words[anchor.at].starts_with("di")
            && words[anchor.at].len() > 4
            && words
                .get(anchor.end..end.max(anchor.end).min(anchor.end + 3))
                .is_some_and(|after| after.contains(&"oleh"));
        let passive = passive || modal_passive;
        let agent = if modal_passive {
            after_role(anchor.end, end.max(anchor.end), &lists.agent)
        } else if passive {
            // "… dilakukan pada waktu yang disetujui oleh Pengguna": an agent after a relative clause's
            // verb is that verb's, not this one's.
            let relative_agent =
                |i: usize| i > action_range.end + 1 && verbs::in_relative(words, i - 1, lists);
            (action_range.end..end)
                .find(|&i| lists.agent.match_at(words, i).is_some())
                .filter(|&i| !relative_agent(i))
                .and_then(|i| after_role(i, end, &lists.agent))
                .or_else(|| {
                    let next = action_range.end;
                    (words[action_range.start].starts_with("di") && next < end)
                        .then(|| actor_at(tokens, text, next, self.definitions, self.order))
                        .flatten()
                })
        } else {
            None
        };
        // "at the discretion of the Business Owner", "menjadi tanggungan PMI": the owner acts; "for the
        // Worker's account": the owner stands, possessive, inside the phrase.
        let owned_by = (action_range.end > action_range.start
            && lists.owner_nouns.contains(words[action_range.end - 1]))
        .then(|| {
            (action_range.start + 1..action_range.end - 1)
                .find(|&k| possessive(words, k) && role_at(words, k, self.definitions).is_some())
                .or_else(|| {
                    (action_range.end..limit.min(action_range.end + 4))
                        .find(|&k| role_at(words, k, self.definitions).is_some())
                })
                .and_then(|k| actor_at(tokens, text, k, self.definitions, self.order))
        })
        .flatten();
        // "paid at the Worker's own expense", "met from the crew member's own funds": the owner of the
        // owner noun acts.
        // The owner noun is looked for first: it is rare, and reading roles is not free.
        let owned_by = owned_by.or_else(|| {
            (passive && agent.is_none())
                .then(|| {
                    (action_range.end + 2..end).find_map(|j| {
                        if !lists.owner_nouns.contains(words[j]) {
                            return None;
                        }
                        let s = if words[j - 1] == "own" { j - 2 } else { j - 1 };
                        (s > action_range.end && possessive(words, s - 1))
                            .then(|| s - 1)
                            .filter(|&k| role_at(words, k, self.definitions).is_some())
                    })
                })
                .flatten()
                .and_then(|k| actor_at(tokens, text, k, self.definitions, self.order))
        });
        let passive = passive || owned_by.is_some();
        let agent = agent.or(owned_by);
        // "The loan is repaid through deductions from the wage", *dilunasi melalui pemotongan upah*: the
        // means named right after the verb is what the act does too.
        let action = action.map(|mut action| {
            // Only a sum's settling has a means that matters ("settled by deduction"); asked of money
            // acts alone, since every norm passes here.
            if ["pay", "repay", "charge", "advance"]
                .iter()
                .any(|class| action.is(class))
                && let Some(means_end) = (action_range.end..end.min(action_range.end + 2))
                    .find_map(|i| lists.means.match_at(words, i))
                && means_end < end
                && let Some((_, classes)) = verbs::action_at(words, means_end, lists)
            {
                for class in classes {
                    if !action.classes.contains(&class) {
                        action.classes.push(class);
                    }
                }
            }
            action
        });
        let keeps = action.as_ref().is_some_and(|a| a.is("keep"));
        // "take custody of the Worker's passport" names the owner of the papers kept, not their holder;
        // "keep them in the Employer's custody" names the holder before the keeping noun.
        let kept_by = |k: usize| {
            words
                .get(k + 2)
                .is_some_and(|w| lists.custody_nouns.contains(w))
        };
        // "with the Employer's office" is still the employer side; only the owner of the papers kept
        // is no holder.
        let owns_papers = |k: usize| {
            words.get(k + 2).is_some_and(|w| {
                crate::lexicon::words_speak_of(crate::lexicon::Qualifier::Papers, &[w])
            })
        };
        let holder_from = |from: usize, to: usize| {
            (from..to)
                .find(|&k| {
                    role_at(words, k, self.definitions).is_some()
                        && (!possessive(words, k) || kept_by(k) || !owns_papers(k))
                })
                .and_then(|k| actor_at(tokens, text, k, self.definitions, self.order))
        };
        // Who holds what the keeping phrase at `phrase` keeps: the role right after a phrase that ends in
        // its own link ("remain with", *dititipkan kepada*), or after a link within `reach` words of it.
        let holder_after = |phrase: std::ops::Range<usize>, reach: usize| {
            if phrase.end > phrase.start && lists.holder.contains(words[phrase.end - 1]) {
                holder_from(phrase.end, end.min(phrase.end + 3))
            } else {
                let to = end.min(phrase.end + reach);
                // "in the custody of the licensed agency": after a noun of keeping, the holder's name may
                // run past the reach of the phrase; after a verb, a later role ("with the consent of the
                // worker") is no holder.
                let custody_noun = phrase.end > phrase.start
                    && lists.custody_nouns.contains(words[phrase.end - 1]);
                (phrase.end..to).find_map(|i| {
                    let link_end = lists.holder.match_at(words, i)?;
                    let (limit, name_length) = if custody_noun { (end, 4) } else { (to, 3) };
                    holder_from(link_end, limit.min(link_end + name_length))
                })
            }
        };
        let holder = keeps
            .then(|| {
                holder_after(action_range.clone(), 6).or_else(|| {
                    (action_range.end..end.min(action_range.end + 8))
                        .find(|&k| {
                            possessive(words, k)
                                && kept_by(k)
                                && role_at(words, k, self.definitions).is_some()
                        })
                        .and_then(|k| actor_at(tokens, text, k, self.definitions, self.order))
                })
            })
            .flatten();
        // "These documents shall be placed in the vessel's locked box in the custody of the master",
        // *diletakkan di bawah penguasaan Nakhoda*: a passive that puts a thing somewhere, then a keeping
        // phrase that names its holder. The holder keeps it, whatever the verb that put it there.
        let custody = (passive && !keeps && agent.is_none())
            .then(|| {
                let keeping = lists.action_list("keep")?;
                (action_range.end..end.min(action_range.end + 12))
                    .find_map(|k| holder_after(k..keeping.match_at(words, k)?, 3))
            })
            .flatten();
        let (action, holder) = match (action, custody) {
            (Some(mut action), Some(custodian)) => {
                action.classes.push("keep");
                (Some(action), Some(custodian))
            }
            (action, _) => (action, holder),
        };
        // "charge the Worker a fee", "pay each worker the allowance", "advance the worker the fare": a
        // role right after the verb, before what is paid, is whom it is charged to or paid to. "keep the
        // worker's passport" names an owner, not a recipient.
        let indirect = || {
            let acts = action
                .as_ref()
                .is_some_and(|a| a.is("charge") || a.is("pay") || a.is("advance"));
            let k = (action_range.end..end.min(action_range.end + 3))
                .find(|&k| !matches!(words[k], "the" | "a" | "an" | "each" | "every" | "any"))?;
            (acts
                && !passive
                && !possessive(words, k)
                && role_at(words, k, self.definitions).is_some())
            .then(|| actor_at(tokens, text, k, self.definitions, self.order))
            .flatten()
        };
        let recipient = after_role(action_range.end, end, &lists.recipient).or_else(indirect);
        // Whose consent a consent noun asks for: "the employer's approval", "persetujuan Pemberi Kerja",
        // "the permission of the master". Mutual agreement ("of the employer and the worker", "between
        // the parties") is no one side's.
        let consent_noun = action.as_ref().is_some_and(|a| a.is("consent"))
            && !passive
            && is_consent_noun(words, action_range.start)
            && !verbs::is_treaty_name(words, action_range.start)
            && needed(words, action_range.start, lists);
        let consenter = consent_noun
            .then(|| {
                let reach = action_range.end..end.min(action_range.end + 8);
                let mutual = reach
                    .clone()
                    .any(|k| lists.mutual.match_at(words, k).is_some())
                    || (action_range.start.saturating_sub(2)..action_range.start)
                        .any(|k| lists.mutual.match_at(words, k).is_some());
                let sides: Vec<Role> = reach
                    .clone()
                    .filter_map(|k| role_at(words, k, self.definitions))
                    .collect();
                let both = sides.iter().any(|r| r.is_worker_side())
                    && sides.iter().any(|r| r.is_employer_side());
                if mutual || both {
                    return None;
                }
                (action_range.end..end.min(action_range.end + 4))
                    .chain((action_range.start.saturating_sub(3)..action_range.start).rev())
                    .filter(|&k| k >= window)
                    .find(|&k| role_at(words, k, self.definitions).is_some())
                    .and_then(|k| actor_at(tokens, text, k, self.definitions, self.order))
            })
            .flatten();
        let recipient = if action.as_ref().is_some_and(|a| a.is("consent")) {
            consenter
        } else {
            recipient
        };
        // "borne by the employer and the worker", *ditanggung oleh Pemberi Kerja dan Pekerja*: a share
        // falls on the worker, who is then the bearer a rule must see.
        let shared_with_worker = passive
            && agent.is_some()
            && (action_range.end..end.min(action_range.end + 10)).any(|k| {
                k >= 1
                    && matches!(words[k - 1], "and" | "dan" | "serta")
                    && role_at(words, k.min(words.len() - 1), self.definitions)
                        .or_else(|| {
                            words
                                .get(k + 1)
                                .and_then(|_| role_at(words, k + 1, self.definitions))
                        })
                        .is_some_and(Role::is_worker_side)
            });
        let agent = if shared_with_worker {
            (action_range.end..end.min(action_range.end + 10))
                .filter(|&k| role_at(words, k, self.definitions).is_some_and(Role::is_worker_side))
                .find_map(|k| actor_at(tokens, text, k, self.definitions, self.order))
                .or(agent)
        } else {
            agent
        };
        let (bearer, beneficiary) = if passive {
            (
                agent.or_else(|| holder.clone()),
                recipient.filter(|_| holder.is_none()).or(None),
            )
        } else {
            match (subject.clone(), holder) {
                // "The worker shall deposit the passport with the employer": the worker acts, the
                // employer ends up holding.
                (Some(s), Some(h)) if !anchor.statement => (Some(s), Some(h)),
                // "The papers are to remain with the captain": the holder keeps.
                (_, Some(h)) => (Some(h), recipient),
                (s, None) => (s, recipient),
            }
        };
        // The object of a passive is the noun phrase just before its verb ("dokumen … yang disimpan
        // oleh Pemberi Kerja", "the remainder shall be retained"): back to a comma, a relative pronoun's
        // antecedent, or ten words.
        // "The Worker's permit shall cease to be valid": what ends is the subject, as in a passive.
        let subject_ends = possessed_subject
            && subject.is_none()
            && action
                .as_ref()
                .is_some_and(|a| a.is("terminate") || a.is("lapse"));
        let object_range = if passive || subject_ends {
            let verb = if anchor.statement {
                action_range.start
            } else {
                anchor.at
            };
            let relative = (verb.saturating_sub(2).max(window)..verb)
                .rev()
                .find(|&i| matches!(words[i], "yang" | "that" | "which"));
            // The auxiliary before the participle ("Annual leave is granted") is no part of it, nor is an
            // adverb beside it ("The fee is, however, payable by the Worker").
            let mut end = relative.unwrap_or(verb);
            while end > window
                && (matches!(words[end - 1], "is" | "are" | "was" | "were" | "be" | "to")
                    || lists.adverbs.iter().any(|w| w == words[end - 1]))
            {
                end -= 1;
            }
            // Twenty words reach the head of a long subject ("Biaya pembuatan paspor serta biaya
            // akomodasi dan konsumsi … ditalangi"); a comma still ends it.
            let mut start = end.saturating_sub(20).max(window);
            let floor = start;
            if let Some(comma) = (start + 1..end).rev().find(|&i| tokens[i].comma_before) {
                start = comma;
                // "Sebagian upah, paling banyak tiga puluh persen, disisihkan": past a bound set off by
                // commas to the noun it describes.
                if is_bound(words, comma, lists) {
                    start = (floor + 1..comma)
                        .rev()
                        .find(|&i| tokens[i].comma_before)
                        .unwrap_or(floor);
                }
            }
            // The conjunction that joins the clause ("…, dan biaya … menjadi tanggungan Pekerja") is no
            // part of its subject.
            let start = (start..end)
                .find(|&i| free(i) && !matches!(words[i], "and" | "dan" | "serta"))
                .unwrap_or(end);
            start..end.max(start)
        } else if let Some(antecedent) = anchor.antecedent {
            // "a seminar fee, which the worker pays before departure": the fee is what is paid.
            antecedent..end.max(action_range.end)
        } else {
            // An action phrase may run past the norm's last word; the object is then empty.
            action_range.end..end.max(action_range.end)
        };
        let object_terms = words[object_range.clone()].join(" ");
        let object = if object_range.is_empty() {
            String::new()
        } else {
            text[tokens[object_range.start].start..tokens[object_range.end - 1].end].to_string()
        };
        let span_start = (window..anchor.at)
            .find(|&i| free(i))
            .unwrap_or(anchor.at.min(action_range.start));
        let span_end = end.max(action_range.end).max(anchor.end).min(tokens.len());
        let span = tokens[span_start].start..tokens[span_end.max(span_start + 1) - 1].end;
        let mentioned = (span_start..span_end.max(span_start + 1).min(words.len()))
            .filter_map(|k| role_at(words, k, self.definitions))
            .collect();
        // The words a rule may look for run to the end of the norm's clause, conditions included
        // ("… may be given to third parties without the worker's consent").
        let terms =
            words[span_start..limit.max(span_end).max(span_start + 1).min(words.len())].join(" ");
        let chosen_by = self.chosen_by(
            tokens,
            text,
            words,
            (
                span_start..span_end.max(span_start + 1).min(words.len()),
                action_range.start.max(window),
            ),
            lists,
        );
        let modal = if anchor.statement || anchor.end <= anchor.at {
            String::new()
        } else {
            text[tokens[anchor.at].start..tokens[anchor.end - 1].end].to_string()
        };
        Norm {
            bearer,
            modality,
            modal,
            action,
            object,
            beneficiary,
            conditions: Vec::new(),
            negated,
            hedge: None,
            passive,
            narrowed: (anchor.at.saturating_sub(2)..action_range.start.max(anchor.at))
                .any(|k| lists.only.contains(words[k]))
                // "may terminate the contract only for a valid reason": "only" before the ground.
                || (action_range.end..limit.saturating_sub(1)).any(|k| {
                    lists.grounds.contains(words[k + 1]) && lists.only.contains(words[k])
                })
                || spans.iter().any(|s| {
                    s.range.start > anchor.at
                        && s.range.start < limit
                        && (lists.only.contains(words[s.range.start - 1])
                            || lists.only.contains(words[s.range.start]))
                }),
            inherited: false,
            purpose: None,
            causer,
            made_to_act,
            chosen_by,
            sentence: tokens[anchor.at.min(tokens.len() - 1)].sentence,
            at: tokens[anchor.at.min(tokens.len() - 1)].start,
            span,
            terms,
            object_terms,
            mentioned,
            sum_named_before: None,
        }
    }

    /// Who the words in `range` say chooses, sets or controls something: the actor after "appointed by",
    /// "set by", *ditunjuk oleh* (`[qualifiers] appointed`), or the one named just before "elects",
    /// "chooses", *memilih* (`[links] chooses`) from `after` on, past the norm's own subject. Both sides
    /// named together ("agreed by the employer and the worker") is no one side's choice.
    /// Where the noun before "which" begins ("a seminar fee, which the worker pays"): back to a comma
    /// or its article, at most four words and no actor or act of its own. It is what the relative
    /// clause acts on. "That" may open what is said rather than a relative clause ("agree that the
    /// employer pays"), so only "which" and "whom" are read.
    fn antecedent(
        &self,
        tokens: &[Token],
        words: &[&str],
        relative: usize,
        sentence_start: usize,
        lists: &'static Lists,
    ) -> Option<usize> {
        if !matches!(words[relative], "which" | "whom") {
            return None;
        }
        let mut start = relative;
        while start > sentence_start
            && relative - start < 4
            && (start == relative || !tokens[start].comma_before)
            && role_at(words, start - 1, self.definitions).is_none()
            && action_at(words, start - 1, lists).is_none()
        {
            start -= 1;
            if lists.determiners.iter().any(|d| d == words[start]) {
                break;
            }
        }
        (start < relative).then_some(start)
    }

    fn chosen_by(
        &self,
        tokens: &[Token],
        text: &str,
        words: &[&str],
        (range, after): (Range<usize>, usize),
        lists: &'static Lists,
    ) -> Option<Actor> {
        let appointed = &lists.qualifiers[crate::lexicon::Qualifier::Appointed as usize];
        let role = |k: usize| role_at(words, k, self.definitions);
        range.clone().find_map(|i| {
            // "shall be recognised by Employers": the norm's own verb names its bearer, not a chooser.
            let at = if let Some(end) = appointed.match_at(words, i).filter(|_| i != after) {
                let k = (end..range.end.min(end + 3)).find(|&k| role(k).is_some())?;
                let worker_too = (k + 1..range.end.min(k + 5))
                    .any(|j| role(j).is_some_and(Role::is_worker_side));
                (!worker_too).then_some(k)?
            } else {
                // A choosing word first (rare), then its actor just before it.
                lists.chooses.match_at(words, i)?;
                (i.saturating_sub(3).max(after).max(range.start)..i).find(|&k| role(k).is_some())?
            };
            actor_at(tokens, text, at, self.definitions, self.order)
        })
    }

    /// The actor a lead-in ends on ("ensure that domestic workers:", *menjamin bahwa Pekerja:*): the
    /// subject of points that go on with a verb ("(c) are entitled to keep …").
    pub fn trailing_actor(&self, text: &str) -> Option<Actor> {
        let body = text.trim_end().strip_suffix(':')?;
        self.trailing_actor_tokens(text, &tokenize(body))
    }

    /// [`Reader::trailing_actor`] over tokens the caller already has (from [`tokenize`] of `text`): the
    /// colon and the space around it hold no word, so the text's tokens are its body's.
    pub fn trailing_actor_tokens(&self, text: &str, tokens: &[Token]) -> Option<Actor> {
        text.trim_end().strip_suffix(':')?;
        let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
        let last = words.len().checked_sub(1)?;
        // "… the recruitment costs of each Worker, including:", *biaya … Pekerja, meliputi:*: the points
        // are items of the object, and the actor ending it is no subject of theirs.
        if crate::lexicon::words_open_with(crate::lexicon::Qualifier::Inclusion, &words[last..])
            || matches!(words[last], "include" | "namely" | "yaitu" | "yakni")
        {
            return None;
        }
        (last.saturating_sub(1)..=last)
            .rev()
            .find(|&k| role_at(&words, k, self.definitions).is_some())
            .and_then(|k| actor_at(tokens, text, k, self.definitions, self.order))
    }
}

mod anchors;
mod conditions;
mod model;
mod statements;
mod verbs;

use anchors::{Anchor, anchors, negative_actions};
use conditions::Span;
pub use model::{Action, Condition, ConditionKind, Modality, Norm};
use verbs::{action_at, is_consent_noun, main_action, needed, verb_action};

#[cfg(test)]
mod tests;

/// Whether the words at `i` bound a quantity and say nothing else ("paling banyak", "not less than"):
/// such a phrase set off by commas describes a noun, it is no verb.
fn is_bound(words: &[&str], i: usize, lists: &'static Lists) -> bool {
    action_at(words, i, lists).is_some_and(|(_, c)| c.iter().all(|c| matches!(*c, "cap" | "floor")))
}

/// Whether the word at `i` is followed by a possessive "'s" ("the Worker's permit"): the tokenizer
/// keeps the "s" as a word of its own.
fn possessive(words: &[&str], i: usize) -> bool {
    words.get(i + 1) == Some(&"s")
}

/// Whether an Indonesian word is a verb by its prefix (me-, di-), and not one of the prefixed words that
/// are prepositions or references (`[grammar] not_verbs`: "melalui", "mengenai", "dimaksud").
pub(super) fn indonesian_verb(word: &str, lists: &Lists) -> bool {
    // ber- verbs ("berlaku", "berakhir") state too; "berhak" is a modal and found before this is asked.
    let prefixed = ["meng", "meny", "mem", "men", "me", "di", "ber"]
        .iter()
        .any(|p| word.starts_with(p) && word.len() >= p.len() + 4);
    prefixed && !lists.not_verbs.iter().any(|w| w == word)
}
