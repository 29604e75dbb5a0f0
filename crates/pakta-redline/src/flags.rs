//! The negotiator's change flags: what a change means, read from the norms and words that changed.
//!
//! A generic diff says "a word changed". A negotiator needs to know that "shall" became "may", that RM 1,500
//! became RM 1,200, that a cost the employer bore is now the worker's, or that a right gained "provided the
//! employer agrees". The flags are a fixed vocabulary. Modals, negation, parties and conditions are decided
//! by comparing the norms (`pakta-norms`) of an aligned pair of clauses, so the redline and the standards
//! check read obligations the same way; numbers, dates and cross-references are read from the words.

use pakta_core::Language;
use pakta_core::crossref::Reference;
use pakta_core::diff::{Change, ChangeOp};
use pakta_norms::lexicon;
use pakta_norms::texts::authentic_texts;
use pakta_norms::{Definitions, Modality, Norm, Reader};

pub(crate) mod borne;
pub(crate) mod words;
use words::{consents, costs, dates, definitions, numbers, reasonableness, reversals};

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
    ConditionAdded,
    ConditionRemoved,
    /// Whether something is free, or at whose expense, changed: "free of charge" struck out, "paid leave"
    /// that became "unpaid leave", *berbayar* → *tidak berbayar*.
    CostChanged,
    /// Which language versions are authentic, or which prevails where they diverge, changed: "in the
    /// English language" → "in the English and Malay languages … the Malay text shall prevail".
    AuthenticTextsChanged,
    /// A defined term's definition changed, was added or was struck: "'Worker' means … a domestic worker"
    /// → "… a live-out domestic worker … registered with the Ministry" narrows every article that says
    /// "Worker".
    DefinitionChanged,
    /// A word replaced by its opposite: "before" → "after" departure, grounds joined by "or" → "and",
    /// "any" → "all" of the following, *sukarela* → *wajib* (the lexicon's `[grammar] opposites`).
    MeaningReversed,
    /// A group of workers left out of the agreement or a protection: "'Migrant Worker' shall not include
    /// persons employed in private households", *tidak berlaku bagi Pekerja Migran yang bekerja di rumah
    /// tangga*, "caregivers are excluded".
    ScopeNarrowed,
    /// Such an exclusion struck out, or narrowed: workers it left out are in again.
    ScopeWidened,
    /// A duty or ban put on the worker by a paragraph added: "During the complaint the Worker shall remain
    /// in the Employer's household". Not a strengthened modal: the "shall" binds the one protected.
    WorkerDutyAdded,
    /// A duty or ban of the worker's struck out with its paragraph.
    WorkerDutyRemoved,
}

impl Flag {
    pub const ALL: [Flag; 19] = [
        Flag::ModalWeakened,
        Flag::ModalStrengthened,
        Flag::NegationAdded,
        Flag::NegationRemoved,
        Flag::NumberChanged,
        Flag::DateChanged,
        Flag::PartyChanged,
        Flag::HeadingChanged,
        Flag::CrossReferenceChanged,
        Flag::ConditionAdded,
        Flag::ConditionRemoved,
        Flag::CostChanged,
        Flag::AuthenticTextsChanged,
        Flag::DefinitionChanged,
        Flag::MeaningReversed,
        Flag::ScopeNarrowed,
        Flag::ScopeWidened,
        Flag::WorkerDutyAdded,
        Flag::WorkerDutyRemoved,
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
            Flag::ConditionAdded => "condition-added",
            Flag::ConditionRemoved => "condition-removed",
            Flag::CostChanged => "cost-changed",
            Flag::AuthenticTextsChanged => "authentic-texts-changed",
            Flag::DefinitionChanged => "definition-changed",
            Flag::MeaningReversed => "meaning-reversed",
            Flag::ScopeNarrowed => "scope-narrowed",
            Flag::ScopeWidened => "scope-widened",
            Flag::WorkerDutyAdded => "worker-duty-added",
            Flag::WorkerDutyRemoved => "worker-duty-removed",
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

/// The norms of a clause, read without the agreement's definitions (the lexicon's roles suffice to see a
/// party change) and in the clause's own language.
pub(crate) fn norms(text: &str, indonesian: bool) -> Vec<Norm> {
    let definitions = Definitions::default();
    Reader::new(&definitions, indonesian).read(text, None)
}

/// The norms of a point under its list lead-in ("The Employer shall bear the cost of:" … "(c) the medical
/// examination"): a point with no subject of its own takes the lead-in's.
fn norms_under(text: &str, lead_in: Option<&str>, indonesian: bool) -> Vec<Norm> {
    let definitions = Definitions::default();
    let reader = Reader::new(&definitions, indonesian);
    let lead = lead_in.and_then(|l| reader.read(l, None).pop());
    reader.read(text, lead.as_ref())
}

/// Strengths of the norms that carry a modal, with their modal words, for comparing old and new.
fn modals(norms: &[Norm]) -> Vec<(u8, String)> {
    norms
        .iter()
        .filter(|n| n.modality != Modality::Statement || n.hedge.is_some())
        .map(|n| {
            let mut word = n.hedge.clone().unwrap_or_else(|| n.modal.clone());
            // *tidak wajib*, "not obliged": the value shows the negator the modal lost its force to.
            if n.modality == Modality::Obligation && n.negated && n.hedge.is_none() {
                let terms: Vec<&str> = n.words().split(' ').collect();
                let first = lexicon::fold(n.modal.split_whitespace().next().unwrap_or_default());
                if let Some(at) = terms.iter().position(|t| *t == first)
                    && at > 0
                    && lexicon::is_strict_negator(terms[at - 1])
                {
                    word = format!("{} {word}", terms[at - 1]);
                }
            }
            // "shall not be required to keep", *tidak diwajibkan*: no duty binds as little as a permission,
            // so a ban that became one is weakened.
            let strength = if n.modality == Modality::Obligation && n.negated {
                Modality::Permission.strength()
            } else {
                n.modality.strength()
            };
            // Twice the modality's strength, one less for an intention ("will", *akan*): "shall" that
            // became "will" is weaker, and still stronger than "may".
            let intention = n.modality == Modality::Obligation && lexicon::is_intention(&n.modal);
            (strength * 2 - u8::from(intention && strength > 0), word)
        })
        .collect()
}

/// A modal of one strength lost and one of another strength gained, counting the norms of each
/// strength before and after: weakened when the strongest loss is stronger than the gain, strengthened
/// the other way round. `None` when the counts of every strength are the same on both sides, or when
/// only one side moved (norms added or removed: the rules below read those).
fn modal_shift(before: &[(u8, String)], after: &[(u8, String)]) -> Option<(Flag, String, String)> {
    let count = |list: &[(u8, String)], s: u8| list.iter().filter(|(m, _)| *m == s).count();
    let word = |list: &[(u8, String)], s: u8| {
        list.iter()
            .find(|(m, _)| *m == s)
            .map(|(_, w)| w.clone())
            .unwrap_or_default()
    };
    let levels = [6u8, 5, 4, 3, 2, 1, 0];
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

/// Pairs the norms of two versions of a clause: by the action's words where they match, then by the same
/// bearer doing an act of the same class ("The Employer shall bear the costs" → "… costs shall be borne by
/// the Employer", beside a new "the worker shall not be required to pay"), else in order.
fn pair_norms<'a>(old: &'a [Norm], new: &'a [Norm]) -> Vec<(&'a Norm, &'a Norm)> {
    let key = |n: &Norm| {
        n.action
            .as_ref()
            .map(|a| lexicon::fold(&a.words))
            .unwrap_or_default()
    };
    let same_act = |a: &Norm, b: &Norm| {
        a.bearer_role().is_some()
            && a.bearer_role() == b.bearer_role()
            && a.action.as_ref().is_some_and(|x| {
                b.action
                    .as_ref()
                    .is_some_and(|y| x.classes.iter().any(|c| y.classes.contains(c)))
            })
    };
    let mut used = vec![false; new.len()];
    let mut pairs = Vec::new();
    for (i, o) in old.iter().enumerate() {
        let by_action = (0..new.len()).find(|&j| !used[j] && key(&new[j]) == key(o));
        let by_bearer = || (0..new.len()).find(|&j| !used[j] && same_act(o, &new[j]));
        let by_order = (!used.get(i).copied().unwrap_or(true)).then_some(i);
        if let Some(j) = by_action.or_else(by_bearer).or(by_order) {
            used[j] = true;
            pairs.push((o, &new[j]));
        }
    }
    pairs
}

/// Folded words of a condition, for telling one condition from another across drafts.
fn condition_key(text: &str) -> String {
    // Numbers are left out: "under Article 5" → "under Article 6" is a renumbered reference, which the
    // cross-reference flag reports, not a new condition.
    lexicon::tokenize(text)
        .iter()
        .filter(|t| !t.stem.chars().all(|c| c.is_ascii_digit()))
        .map(|t| t.stem.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a norm lets the employer side act against the worker: keep, deduct, charge, restrict,
/// terminate, postpone or decide, or pay only a share ("may pay seventy per cent (70%) of the wage").
fn employer_power(norm: &Norm) -> bool {
    let employer = norm
        .bearer_role()
        .is_some_and(pakta_norms::Role::is_employer_side);
    let share = || {
        pakta_norms::quantity::quantities(norm.words())
            .iter()
            .any(|q| q.unit == pakta_norms::quantity::Unit::Percent && q.value < 100.0)
    };
    employer
        && norm.modality == Modality::Permission
        && !norm.denied()
        && (norm.acts(&[
            "keep",
            "deduct",
            "charge",
            "restrict",
            "terminate",
            "postpone",
            "decide",
            "repay",
            "advance",
        ]) || (norm.acts(&["pay"]) && share()))
}

/// `scope-narrowed` and `scope-widened`: a group of workers left out that was not before, or no longer.
/// Exclusions are told apart by what they leave out; one that leaves out other words is both, each with
/// its own words.
fn scope(old: (&str, &[Norm]), new: (&str, &[Norm]), findings: &mut Findings) {
    left_out(
        old,
        new,
        (
            Norm::excludes_workers,
            Flag::ScopeNarrowed,
            Flag::ScopeWidened,
        ),
        findings,
    );
}

/// `condition-added` / `condition-removed` for a provision that has something taken out of it ("Paragraph 1
/// shall not apply to the residence permit", "this prohibition does not extend to …", *larangan … tidak
/// berlaku untuk izin tinggal*), told apart by what they take out.
fn carve_outs(old: (&str, &[Norm]), new: (&str, &[Norm]), findings: &mut Findings) {
    left_out(
        old,
        new,
        (
            Norm::carves_out,
            Flag::ConditionAdded,
            Flag::ConditionRemoved,
        ),
        findings,
    );
}

/// The norms of either version that leave something out (`leaves`), told apart by what they leave out:
/// one only in NEW is `added` with its words, one only in OLD `removed`.
fn left_out(
    (old, before): (&str, &[Norm]),
    (new, after): (&str, &[Norm]),
    (leaves, added, removed): (fn(&Norm) -> bool, Flag, Flag),
    findings: &mut Findings,
) {
    let out = |norms: &[Norm]| -> Vec<(String, std::ops::Range<usize>)> {
        norms
            .iter()
            .filter(|n| leaves(n))
            .map(|n| (condition_key(n.object_terms()), n.span.clone()))
            .collect()
    };
    let (was, now) = (out(before), out(after));
    // A quoted term the span starts inside ("Migrant Worker" shall not include …) keeps its opening quote.
    let show = |text: &str, span: &std::ops::Range<usize>| {
        let start = text[..span.start]
            .char_indices()
            .next_back()
            .filter(|(_, c)| matches!(c, '"' | '\u{201c}' | '\'' | '\u{2018}'))
            .map_or(span.start, |(i, _)| i);
        pakta_core::text::collapse_whitespace(&text[start..span.end])
    };
    for (key, span) in &now {
        if !was.iter().any(|(k, _)| k == key) {
            findings.add(added, "", show(new, span));
        }
    }
    for (key, span) in &was {
        if !now.iter().any(|(k, _)| k == key) {
            findings.add(removed, show(old, span), "");
        }
    }
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
    if !changes.iter().any(|c| c.op != ChangeOp::Equal) {
        return findings;
    }
    let indonesian =
        pakta_core::text::detect_language(&format!("{old}\n{new}")).language == Language::Id;
    let (texts_before, texts_after) = (authentic_texts(old), authentic_texts(new));
    if (
        &texts_before.languages,
        &texts_before.prevailing,
        &texts_before.translations,
    ) != (
        &texts_after.languages,
        &texts_after.prevailing,
        &texts_after.translations,
    ) {
        findings.add(
            Flag::AuthenticTextsChanged,
            texts_before.to_string(),
            texts_after.to_string(),
        );
    }
    // "The Malay text shall prevail" binds nobody: it says which words bind, and the flag above names it.
    let outside = |at: &Option<std::ops::Range<usize>>, norm: &Norm| {
        at.as_ref()
            .is_none_or(|at| norm.span.end <= at.start || norm.span.start >= at.end)
    };
    let mut before = norms(old, indonesian);
    before.retain(|n| outside(&texts_before.prevailing_at, n));
    let mut after = norms(new, indonesian);
    after.retain(|n| outside(&texts_after.prevailing_at, n));
    // An exclusion of workers is a change of scope, not a ban ("shall not include") or a new negation.
    scope((old, &before), (new, &after), &mut findings);
    carve_outs((old, &before), (new, &after), &mut findings);
    before.retain(|n| !n.excludes_workers() && !n.carves_out());
    after.retain(|n| !n.excludes_workers() && !n.carves_out());
    norm_findings((old, &before), (new, &after), &mut findings);
    costs((old, &before), (new, &after), &mut findings);
    borne::changed((old, &before), (new, &after), &mut findings);
    definitions(Some(old), Some(new), &mut findings);
    reversals(changes, &mut findings);
    consents(changes, &after, &mut findings);
    reasonableness(changes, (&before, &after), &mut findings);

    // Numbers and dates.
    numbers((old, references.0), (new, references.1), &mut findings);
    dates(old, new, &mut findings);
    findings
}

/// Flags for a clause deleted or inserted whole inside a matched article (`inserted`: which). A
/// paragraph struck out takes its duties, bans and the worker's rights with it ("No recruitment agency
/// shall charge the worker any fee."); one added brings duties, bans and conditions, and one that opens
/// by setting the others aside ("Notwithstanding paragraphs 1 and 2, …") is a condition on them. Numbers
/// and dates are not read: every number of a new paragraph is new.
///
/// `lead_in` is the text of the list lead-in the clause is a point of, if any.
pub fn whole_clause_findings(text: &str, lead_in: Option<&str>, inserted: bool) -> Findings {
    let mut findings = Findings::default();
    let indonesian =
        pakta_core::text::detect_language(&format!("{}\n{text}", lead_in.unwrap_or(""))).language
            == Language::Id;
    let read = norms_under(text, lead_in, indonesian);
    let none: &[Norm] = &[];
    if inserted {
        scope(("", none), (text, &read), &mut findings);
        carve_outs(("", none), (text, &read), &mut findings);
    } else {
        scope((text, &read), ("", none), &mut findings);
        carve_outs((text, &read), ("", none), &mut findings);
    }
    borne::whole(text, &read, inserted, &mut findings);
    for norm in read
        .iter()
        .filter(|n| n.modality != Modality::Statement || n.hedge.is_some())
        .filter(|n| !n.excludes_workers() && !n.carves_out())
    {
        whole_norm(text, norm, inserted, &mut findings);
        if inserted {
            for condition in norm.conditions.iter().filter(|c| !c.denied) {
                findings.add(Flag::ConditionAdded, "", condition.text.clone());
            }
        }
    }
    if inserted {
        definitions(None, Some(text), &mut findings);
    } else {
        definitions(Some(text), None, &mut findings);
    }
    // "The written no-objection of the current Employer is required", *Pemberi Kerja baru harus mendapat
    // persetujuan dari Pemberi Kerja saat ini*: a consent of the employer side, or a relative's, that the
    // paragraph asks for, whatever its verb.
    if inserted
        && !findings.flags.contains(&Flag::ConditionAdded)
        && lexicon::consent_of(text)
            .is_some_and(|r| r.is_employer_side() || r == pakta_norms::Role::Family)
    {
        findings.add(
            Flag::ConditionAdded,
            "",
            pakta_core::text::collapse_whitespace(text),
        );
    }
    if inserted && lexicon::speaks_of(lexicon::Qualifier::Derogation, text) {
        let opening = text.split([',', ';', ':']).next().unwrap_or(text).trim();
        findings.add(Flag::ConditionAdded, "", opening.to_string());
    }
    findings
}

/// The flags one norm of a paragraph added (`inserted`) or struck out brings.
fn whole_norm(text: &str, norm: &Norm, inserted: bool, findings: &mut Findings) {
    let modal = norm.hedge.clone().unwrap_or_else(|| norm.modal.clone());
    let words = || pakta_core::text::collapse_whitespace(&text[norm.span.clone()]);
    let binding = matches!(
        norm.modality,
        Modality::Obligation | Modality::Prohibition | Modality::HedgedDuty
    );
    let workers = norm
        .bearer_role()
        .is_some_and(pakta_norms::Role::is_worker_side);
    // A sum the worker is to pay or repay is `cost-changed` (`borne::whole`), and nothing more.
    if workers && norm.acts(&["pay", "repay"]) && !norm.denied() {
        return;
    }
    // A duty or ban on the worker ("the Worker shall remain in the household", "shall not leave the house
    // at night") binds the one protected: no strengthened modal, no protection added or lost. "No worker
    // shall be required to …" takes a duty away and is read as the negation it is.
    let worker_duty = workers
        && match norm.modality {
            Modality::Obligation | Modality::HedgedDuty => !norm.negated,
            Modality::Prohibition => true,
            _ => false,
        };
    match (inserted, worker_duty) {
        (true, true) => findings.add(Flag::WorkerDutyAdded, "", words()),
        (false, true) => findings.add(Flag::WorkerDutyRemoved, words(), ""),
        (true, false) => {
            if norm.denied() {
                findings.add(Flag::NegationAdded, "", negation_words(text, norm));
            } else if norm.awaits_approval() {
                // "The new employer must be approved by the current Employer": not a duty of the
                // employer's but its consent, written in as a paragraph of its own.
                findings.add(Flag::ConditionAdded, "", words());
            } else if binding {
                findings.add(Flag::ModalStrengthened, "", modal);
            } else if employer_power(norm) {
                // "The Employer may, however, keep these documents", "may deduct up to fifty per cent":
                // a paragraph that lets the employer side do what the article protects against is an
                // exception to it.
                findings.add(Flag::ConditionAdded, "", words());
            }
        }
        (false, false) => {
            if norm.denied() {
                findings.add(Flag::NegationRemoved, negation_words(text, norm), "");
            }
            // A permission of the employer side that went takes nothing from the worker.
            if binding || workers {
                findings.add(Flag::ModalWeakened, modal, "");
            }
        }
    }
}

/// `party-changed` for a table row: a row has no verb for the norm reader, but a "Paid by" column says who
/// bears the cost. A cell names its party ("Air fare | Employer" → "Air fare | Worker"), or a tick in it
/// names the party its column's `header` names ("Paid by Employer | Paid by Worker" with "☑ | ☐" → "☐ |
/// ☑"). The row's parties, in either way, are compared as a set.
pub fn table_parties(header: Option<&str>, old: &str, new: &str) -> Findings {
    let mut findings = Findings::default();
    // Empty cells keep their place: a tick moved from the first "Paid by" column to a blank second one is
    // told by its column.
    let cells =
        |row: &str| -> Vec<String> { row.split('|').map(|c| c.trim().to_string()).collect() };
    let (was, now) = (cells(old), cells(new));
    if was.len() < 2 || was.len() != now.len() {
        return findings;
    }
    let heads = header.map(cells).filter(|h| h.len() == was.len());
    let role = cell_role;
    // Each cell's party with the words that name it: its own, or its column's for a tick.
    let parties = |row: &[String]| -> Vec<(pakta_norms::Role, String)> {
        row.iter()
            .enumerate()
            .filter_map(|(i, cell)| match role(cell) {
                Some(r) => Some((r, cell.clone())),
                None if ticked(cell) => {
                    let head = heads.as_ref()?.get(i)?;
                    role(head).map(|r| (r, format!("{cell} {head}")))
                }
                None => None,
            })
            .collect()
    };
    let (before, after) = (parties(&was), parties(&now));
    let roles = |list: &[(pakta_norms::Role, String)]| {
        let mut roles: Vec<_> = list.iter().map(|(r, _)| *r).collect();
        roles.sort();
        roles.dedup();
        roles
    };
    if !before.is_empty() && !after.is_empty() && roles(&before) != roles(&after) {
        let show = |list: &[(pakta_norms::Role, String)]| {
            list.iter()
                .map(|(_, words)| words.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        };
        findings.add(Flag::PartyChanged, show(&before), show(&after));
    }
    findings
}

/// `party-changed` for a table's header row whose columns now name other parties: "Item | Paid by
/// Employer | Paid by Worker" → "Item | Paid by Worker | Paid by Employer" moves every tick below it to the
/// other party, though no row changed.
pub fn header_parties(old: &str, new: &str) -> Findings {
    let mut findings = Findings::default();
    let cells =
        |row: &str| -> Vec<Option<pakta_norms::Role>> { row.split('|').map(cell_role).collect() };
    let (was, now) = (cells(old), cells(new));
    if was.len() == now.len()
        && was
            .iter()
            .zip(&now)
            .any(|(a, b)| a.is_some() && b.is_some() && a != b)
    {
        findings.add(
            Flag::PartyChanged,
            pakta_core::text::collapse_whitespace(old),
            pakta_core::text::collapse_whitespace(new),
        );
    }
    findings
}

/// The party a table cell names ("Employer", "Paid by Worker", *Pengguna*), if any.
fn cell_role(cell: &str) -> Option<pakta_norms::Role> {
    lexicon::tokenize(cell)
        .iter()
        .find_map(|t| pakta_norms::Role::of_word(&t.folded))
}

/// A cell that marks its column: a tick, a checked box, a cross, or "yes" (*ya*).
fn ticked(cell: &str) -> bool {
    matches!(
        cell,
        "\u{2611}"
            | "\u{2612}"
            | "\u{2713}"
            | "\u{2714}"
            | "\u{2717}"
            | "\u{2718}"
            | "x"
            | "X"
            | "\u{25A0}"
    ) || matches!(cell.to_lowercase().as_str(), "yes" | "ya")
}

/// Modals, negation, parties and conditions, from the norms of both versions.
fn norm_findings(
    (old, before): (&str, &[Norm]),
    (new, after): (&str, &[Norm]),
    findings: &mut Findings,
) {
    // Modals: compare the clause's norms strength by strength; when the counts agree, the weakest.
    let (old_modals, new_modals) = (modals(before), modals(after));
    let weakest = |list: &[(u8, String)]| list.iter().min_by_key(|(m, _)| *m).cloned();
    if let Some((flag, bw, aw)) = modal_shift(&old_modals, &new_modals) {
        // One norm's modal changed while another already had the weaker one ("shall be effected" → "may
        // be effected" beside "may be carried out"): the weakest alone would not move.
        findings.add(flag, bw, aw);
    } else {
        match (weakest(&old_modals), weakest(&new_modals)) {
            (Some((b, bw)), Some((a, aw))) if a < b => findings.add(Flag::ModalWeakened, bw, aw),
            (Some((b, bw)), Some((a, aw))) if a > b => {
                findings.add(Flag::ModalStrengthened, bw, aw)
            }
            (Some((5..=6, bw)), None) => findings.add(Flag::ModalWeakened, bw, ""),
            (None, Some((5..=6, aw))) => findings.add(Flag::ModalStrengthened, "", aw),
            _ => {}
        }
    }

    let pairs = pair_norms(before, after);
    for (o, n) in &pairs {
        // Negation: the same act now forbidden, or no longer.
        if o.denied() && !n.denied() {
            findings.add(Flag::NegationRemoved, negation_words(old, o), "");
        } else if !o.denied() && n.denied() {
            findings.add(Flag::NegationAdded, "", negation_words(new, n));
        }
        // Who bears it, or whom it is for.
        for (was, now) in [
            (o.bearer.as_ref(), n.bearer.as_ref()),
            (o.beneficiary.as_ref(), n.beneficiary.as_ref()),
        ] {
            if let (Some(was), Some(now)) = (was, now)
                && was.role != now.role
            {
                findings.add(Flag::PartyChanged, was.words.clone(), now.words.clone());
            }
        }
        // Conditions and exceptions that appeared or went.
        let live = |norm: &Norm| -> Vec<(String, String)> {
            norm.conditions
                .iter()
                .filter(|c| !c.denied)
                .map(|c| (condition_key(&c.text), c.text.clone()))
                .collect()
        };
        let (was, now) = (live(o), live(n));
        for (key, text) in &now {
            if !was.iter().any(|(k, _)| k == key) {
                findings.add(Flag::ConditionAdded, "", text.clone());
            }
        }
        for (key, text) in &was {
            if !now.iter().any(|(k, _)| k == key) {
                findings.add(Flag::ConditionRemoved, text.clone(), "");
            }
        }
        // "shall not charge any fee" → "… any unreasonable fee": a word that narrows what the act is
        // about (the lexicon's `[grammar] narrowing`) lets the rest through, as an exception would.
        let narrowing = |norm: &Norm| -> Vec<String> {
            let words: Vec<&str> = norm.object_terms().split(' ').collect();
            (0..words.len())
                .filter_map(|i| lexicon::narrowing_at(&words, i).map(|end| words[i..end].join(" ")))
                .collect()
        };
        let (was, now) = (narrowing(o), narrowing(n));
        for word in now.iter().filter(|w| !was.contains(w)) {
            findings.add(Flag::ConditionAdded, "", word.clone());
        }
        for word in was.iter().filter(|w| !now.contains(w)) {
            findings.add(Flag::ConditionRemoved, word.clone(), "");
        }
        // "one rest day each week" → "… on a day chosen by the employer": the employer side now decides.
        let chosen = |norm: &Norm| {
            norm.chosen_by
                .as_ref()
                .filter(|a| a.role.is_employer_side())
                .map(|a| a.words.clone())
        };
        if let (None, Some(by)) = (chosen(o), chosen(n)) {
            findings.add(Flag::ConditionAdded, "", format!("chosen by {by}"));
        }
    }
    // A negated norm that appeared or went with no counterpart ("no fee shall be charged" deleted).
    let paired_old = pairs.len();
    if before.len() > paired_old || after.len() > paired_old {
        let denied = |list: &[Norm]| list.iter().filter(|n| n.denied()).count();
        let lost = denied(before).saturating_sub(denied(after));
        let gained = denied(after).saturating_sub(denied(before));
        if lost > 0 && !findings.flags.contains(&Flag::NegationRemoved) {
            findings.add(Flag::NegationRemoved, "", "");
        } else if gained > 0 && !findings.flags.contains(&Flag::NegationAdded) {
            findings.add(Flag::NegationAdded, "", "");
        }
    }
}

/// The words that deny a norm in `text`, its clause, for the value shown beside a negation flag: the
/// modal of a prohibition, else the first negator of the norm's words as written ("not", *tidak*).
fn negation_words(text: &str, norm: &Norm) -> String {
    // "shall not", *dilarang*: the modal says it; "No agency shall charge": the negator before it does.
    let modal_denies = lexicon::negators(&lexicon::tokenize(&norm.modal)) > 0
        || lexicon::fold(&norm.modal).starts_with("dilarang");
    if norm.modality == Modality::Prohibition && modal_denies {
        return norm.modal.clone();
    }
    let words = text.get(norm.span.clone()).unwrap_or(text);
    lexicon::tokenize(words)
        .iter()
        .find(|t| lexicon::is_strict_negator(&t.folded))
        .map_or_else(|| "not".to_string(), |t| words[t.start..t.end].to_string())
}

#[cfg(test)]
mod tests;
