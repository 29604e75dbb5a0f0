//! Negation read at the level of a catalogue phrase: whether the words around a matched phrase deny it
//! ("not lower than the minimum wage") or deny the worker a protection ("no minimum wage shall apply").
//! The norm layer reads prohibitions across segments and lead-ins; these readings keep the phrase's own.

use pakta_norms::lexicon::{self, Token};
use pakta_norms::{Modality, Norm};

use crate::pattern::Hit;

/// The phrase-level reading of a contradiction: negated by a negator earlier in its segment, or by one inside the match that the
/// pattern itself does not contain ("no fee .. shall be charged to workers"; but the pattern
/// "shall not join .. union*" carries its own "not").
pub(crate) fn phrase_negated(tokens: &[Token], hit: &Hit, pattern: &str) -> bool {
    let segment = tokens[hit.first_token].segment;
    let before: Vec<Token> = tokens[..hit.first_token]
        .iter()
        .filter(|t| t.segment == segment)
        .cloned()
        .collect();
    // A negator inside a condition ("where the employer has no spare room, the worker may sleep in the
    // kitchen") does not reach the main clause.
    let conditioned =
        |at: usize| (at.saturating_sub(4)..at).any(|k| lexicon::opens_condition(&before, k));
    let own = lexicon::negators(&lexicon::tokenize(pattern));
    // A phrase that carries its own negator ("is not working time") is not negated again by a "without"
    // phrase set off before it: "time spent in the household without being called upon, is not working
    // time" still says it.
    let clause_start = if own > 0 {
        let mut from = before.len();
        let mut cut = tokens[hit.first_token].comma_before;
        while from > 0 && !cut {
            from -= 1;
            cut = before[from].comma_before;
        }
        if cut { from } else { 0 }
    } else {
        0
    };
    // A negator in a relative clause of the subject ("a worker who does not understand the language may be
    // assisted by an interpreter at own expense", *Pekerja yang tidak memahami*) describes the person; it
    // does not deny what is said of them. "That" is left out: "ensure that no fee is charged" denies.
    // The negator must open the relative clause, after its pronoun and at most an auxiliary ("who does
    // not"): "the same work and not lower than", *yang sama dan tidak*, is the main clause again.
    let is_relative =
        |k: usize| before[k].folded != "that" && lexicon::opens_relative(before[k].folded.as_str());
    let auxiliary = |k: usize| {
        matches!(
            before[k].folded.as_str(),
            "does" | "do" | "did" | "is" | "are" | "was" | "were" | "has" | "have" | "had"
        )
    };
    // And the main clause's modal must follow it before the phrase: in "wages that are not lower than the
    // minimum", *upah yang tidak lebih rendah*, the phrase is the relative clause's own.
    let words: Vec<&str> = before.iter().map(|t| t.folded.as_str()).collect();
    let relative = |at: usize| {
        ((at >= 1 && is_relative(at - 1)) || (at >= 2 && auxiliary(at - 1) && is_relative(at - 2)))
            && (at + 1..words.len()).any(|k| lexicon::modal_at(&words, k))
    };
    // "Not less than sixteen years of age", *tidak kurang dari 16 tahun*: a negator that denies a
    // comparison right before a number the phrase names sets that number as a floor; it does not deny it.
    // Asked only of a negator, and the phrase read for a number only after a comparison is found.
    let numeric = || {
        let phrase: Vec<&str> = tokens[hit.first_token..=hit.last_token]
            .iter()
            .map(|t| t.folded.as_str())
            .collect();
        !pakta_norms::quantity::quantities(&phrase.join(" ")).is_empty()
    };
    let floor = |at: usize| {
        before.len() - at <= 4
            && (at + 1..(at + 3).min(before.len()))
                .any(|k| lexicon::is_comparative(&before[k].folded))
            && numeric()
    };
    let negating = before
        .iter()
        .enumerate()
        .filter(|(at, t)| {
            let answered = *at < clause_start && lexicon::denies_condition(t.folded.as_str());
            lexicon::negators(std::slice::from_ref(*t)) > 0
                && !(conditioned(*at) || relative(*at) || answered || floor(*at))
        })
        .count();
    let inside = lexicon::negators(&tokens[hit.first_token..=hit.last_token]);
    // "A contract that sets a wage below the minimum wage is void", *… di bawah upah minimum batal demi
    // hukum*: what the phrase describes is declared to have no force.
    let after: Vec<&str> = tokens[hit.last_token + 1..]
        .iter()
        .take_while(|t| t.segment == segment)
        .map(|t| t.folded.as_str())
        .collect();
    negating > 0 || inside > own || lexicon::nullity_in(&after).is_some()
}

/// For an entitlement, a cue that is denied: "no minimum wage shall apply", "the minimum wage does not
/// apply", "shall not form or join trade unions", *dilarang menjadi anggota serikat*. A negator near the cue
/// is not enough on its own: "no social security contribution shall be deducted" and "not lower than the
/// minimum wage" comply. The negator must deny access (a verb such as join, receive, *menjadi* between it
/// and the cue) or applicability ("apply", *berlaku* after the cue).
pub(crate) fn cue_denied(tokens: &[Token], hit: &Hit) -> bool {
    let segment = tokens[hit.first_token].segment;
    // Words before the cue, back to the start of its sub-clause (a comma) and at most four.
    let mut before: Vec<&Token> = Vec::new();
    let mut next_has_comma = tokens[hit.first_token].comma_before;
    for t in tokens[..hit.first_token].iter().rev() {
        if next_has_comma || t.segment != segment || before.len() == 4 {
            break;
        }
        next_has_comma = t.comma_before;
        if !t.stopword {
            before.push(t);
        }
    }
    let after: Vec<&Token> = tokens[hit.last_token + 1..]
        .iter()
        .take_while(|t| t.segment == segment)
        .take(6)
        .collect();
    let applies = |t: &&Token| {
        matches!(
            t.folded.as_str(),
            "apply"
                | "applies"
                | "extend"
                | "extends"
                | "berlaku"
                | "diberlakukan"
                | "carried"
                | "conducted"
                | "performed"
                | "undertaken"
                | "dilakukan"
                | "dilaksanakan"
                | "diadakan"
        )
    };
    let strict_negator = |t: &Token| {
        matches!(
            t.folded.as_str(),
            "not" | "no" | "never" | "cannot" | "nor" | "tidak" | "tak" | "bukan" | "dilarang"
        ) || t.folded.starts_with("prohibit")
    };
    // A negator answering an earlier one ("no employer shall … make employment conditional on a worker not
    // joining a union") or opening a condition ("where no minimum wage applies, the Parties shall fix one")
    // does not deny the entitlement.
    let earlier_negator = |from: usize| {
        tokens[..from]
            .iter()
            .rev()
            .take_while(|t| t.segment == segment)
            .any(strict_negator)
    };
    let conditional = |at: usize| {
        let start = tokens[..at]
            .iter()
            .rposition(|t| t.segment != segment)
            .map_or(0, |p| p + 1);
        (start.max(at.saturating_sub(2))..at).any(|k| lexicon::opens_condition(tokens, k))
    };
    if let Some(position) = before.iter().position(|t| strict_negator(t)) {
        let between = &before[..position];
        let negator_at = tokens[..hit.first_token]
            .iter()
            .rposition(|t| std::ptr::eq(t, before[position]))
            .unwrap_or(0);
        // A comparison denied, before the cue or in it ("not lower than", *tidak boleh menerima upah
        // … yang lebih rendah*), is a floor; a charge denied ("not charged court fees", *tidak dikenai
        // biaya perkara*) is a protection.
        let comparative = |t: &&Token| lexicon::is_comparative(t.folded.as_str());
        let charged = |t: &&Token| {
            lexicon::names_action(std::slice::from_ref(*t), &["charge", "pay", "deduct"])
        };
        let compared = between.iter().any(comparative)
            || tokens[hit.first_token..=hit.last_token]
                .iter()
                .any(|t| comparative(&t));
        // "A worker who does not find a new employer is repatriated", *Pekerja yang tidak memperoleh
        // Pemberi Kerja baru*: the negator is in a relative clause that picks out some workers.
        let relative = (negator_at.saturating_sub(2)..negator_at)
            .any(|k| tokens[k].segment == segment && lexicon::opens_relative(&tokens[k].folded));
        if compared
            || relative
            || between.iter().any(charged)
            || earlier_negator(negator_at)
            || conditional(negator_at)
        {
            return false;
        }
        let access = between.iter().any(|t| {
            let w = t.folded.as_str();
            [
                "join",
                "form",
                "access",
                "enjoy",
                "receiv",
                "obtain",
                "becom",
                "participat",
                "establish",
                "affiliat",
                "menjadi",
                "bergabung",
                "membentuk",
                "mengakses",
                "menerima",
                "memperoleh",
                "mendapat",
                "mendirikan",
                "ikut",
            ]
            .iter()
            .any(|v| w.starts_with(v))
        });
        if access || after.iter().any(applies) {
            return true;
        }
    }
    after
        .windows(2)
        .any(|pair| strict_negator(pair[0]) && applies(&pair[1]))
}

/// Whether the norm that governs a harmful phrase puts it right rather than doing it: a refund of what was
/// taken ("any sum collected from a worker … shall be refunded", *P3MI yang memungut biaya … wajib
/// mengembalikannya*), an exclusion of it (*Tes kehamilan tidak termasuk dalam pemeriksaan*), or a cost
/// the bearer meets itself ("the Employer shall repatriate the Worker at its own expense").
/// So does a phrase that names the worker as the actor ("@worker .. bear* .. cost*", "dibayar oleh ..
/// @worker") where the reader finds another actor ("…the worker, the employer shall bear the cost";
/// "dibayar oleh Pemilik Kapal, yang juga menjemput Awak"), and a permission narrowed to what the law
/// requires ("Only taxes and social insurance contributions required by law may be deducted").
pub(crate) fn undone(norm: &Norm, tokens: &[Token], hit: &Hit, pattern: &str) -> bool {
    use pakta_norms::lexicon::{Qualifier, speaks_of};
    let worker_acts = pattern.starts_with("@worker")
        || [
            "by .. @worker",
            "oleh .. @worker",
            "by @worker",
            "oleh @worker",
        ]
        .iter()
        .any(|p| pattern.contains(p));
    let other_actor = worker_acts
        && norm
            .bearer_role()
            .is_some_and(|r| !r.is_worker_side() && r != pakta_norms::Role::Family);
    let only = norm.narrowed
        || norm
            .object
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("only") || w.eq_ignore_ascii_case("hanya"));
    let lawful_only = only
        && norm.modality == Modality::Permission
        && !norm.denied()
        && (speaks_of(Qualifier::LawfulCost, norm.words())
            || speaks_of(Qualifier::Benign, norm.words()));
    let bearer_not_worker = norm.bearer_role().is_none_or(|r| !r.is_worker_side());
    let refund = norm.acts(&["repay"])
        && !norm.denied()
        && matches!(norm.modality, Modality::Obligation | Modality::Statement)
        && bearer_not_worker
        && !norm.mentioned.is_empty();
    let excluded = norm.acts(&["exclude"]) && !norm.denied() && hit.start < norm.at;
    // "its" is never a person: the expense is the acting body's.
    let its_own = hit.first_token > 0
        && tokens[hit.first_token].folded == "own"
        && tokens[hit.first_token - 1].folded == "its"
        && !norm.passive
        && norm.bearer_role().is_some_and(|r| !r.is_worker_side());
    refund || excluded || its_own || other_actor || lawful_only
}
