//! What the reader gives: a norm, its modality and action, and the conditions and exceptions on it.

use std::ops::Range;

use crate::roles::{Actor, Role};

/// How a norm binds its bearer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Modality {
    /// Must: "shall", "must", *wajib*.
    Obligation,
    /// May: "may", *dapat*, "is allowed to".
    Permission,
    /// Must not: "shall not", "no … shall", *tidak boleh*, *dilarang*.
    Prohibition,
    /// Is entitled: "has the right to", *berhak*.
    Right,
    /// An effort, a recommendation or a duty with an escape: "shall endeavour", "should", "where
    /// feasible", *sedapat mungkin*.
    HedgedDuty,
    /// No modal: a statement the text makes binding by saying it ("the costs are borne by the worker").
    Statement,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Obligation => "obligation",
            Modality::Permission => "permission",
            Modality::Prohibition => "prohibition",
            Modality::Right => "right",
            Modality::HedgedDuty => "hedged-duty",
            Modality::Statement => "statement",
        }
    }

    /// How firmly the norm commits, for comparing two drafts: a duty binds more than a statement, a
    /// statement more than a permission, a permission more than a hedged duty.
    pub fn strength(self) -> u8 {
        match self {
            Modality::Obligation | Modality::Prohibition => 3,
            Modality::Right | Modality::Statement => 2,
            Modality::Permission => 1,
            Modality::HedgedDuty => 0,
        }
    }
}

/// What the bearer is to do, as written, with the lexicon's classes for it (`keep`, `pay`, `deduct` …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub words: String,
    pub classes: Vec<&'static str>,
}

impl Action {
    pub fn is(&self, class: &str) -> bool {
        self.classes.contains(&class)
    }
}

/// Whether a qualifying clause is a condition ("if", "provided", *apabila*) or an exception ("unless",
/// "except", *kecuali*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ConditionKind {
    Condition,
    Exception,
}

impl ConditionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ConditionKind::Condition => "condition",
            ConditionKind::Exception => "exception",
        }
    }
}

/// A condition or exception on a norm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub kind: ConditionKind,
    /// The words as written, opener included.
    pub text: String,
    /// The roles it names.
    pub roles: Vec<Role>,
    /// It asks for someone's consent, approval, permission or release.
    pub consent: bool,
    /// It leaves the matter to someone's judgement ("when the household requires").
    pub discretion: bool,
    /// It opens on a judgement with no one but a pronoun before it ("if it considers it necessary",
    /// *apabila dipandang perlu*); whether anyone is named in it, `roles` say.
    pub judgement: bool,
    /// It is denied: "without needing the employer's consent" is no condition at all.
    pub denied: bool,
    /// Who gives the consent it asks for, where the text says ("once the current Employer has issued a
    /// release", "the approval of the Sponsor").
    pub giver: Option<Role>,
    /// It asks both sides to agree ("by mutual agreement", "agreed between the employer and the worker"):
    /// no one side holds it.
    pub mutual: bool,
    /// It is a request ("at the worker's written request", *atas permintaan Pekerja*).
    pub request: bool,
    /// Byte range in the clause text.
    pub span: Range<usize>,
    /// The folded words, space-separated: read the first time a rule asks, then kept. Most conditions
    /// are never asked about.
    pub(super) terms: std::cell::OnceCell<String>,
}

impl Condition {
    /// The folded words of the condition, space-separated (see [`crate::lexicon::terms_speak_of`]).
    pub fn words(&self) -> &str {
        self.terms.get_or_init(|| {
            crate::lexicon::tokenize(&self.text)
                .iter()
                .map(|t| t.folded.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
    }

    /// The worker's own request: the act is done for the worker, at the worker's initiative.
    pub fn workers_request(&self) -> bool {
        !self.denied && self.request && self.roles.iter().any(|r| r.is_worker_side())
    }
}

impl Condition {
    /// A live condition that puts the norm in the employer side's hands: their consent, or their judgement.
    pub fn in_employer_hands(&self) -> bool {
        // Where the text says who gives the consent, that settles it ("has released the Worker").
        if let Some(giver) = self
            .giver
            .filter(|_| self.consent && !self.denied && !self.mutual)
        {
            return giver.is_employer_side();
        }
        !self.denied
            && !self.mutual
            && (self.consent || self.discretion || self.request)
            && self.roles.iter().any(|r| r.is_employer_side())
            && !(self.request && !self.consent && self.roles.iter().any(|r| r.is_worker_side()))
            && !self
                .roles
                .iter()
                .any(|r| *r == Role::Worker && self.consent && !self.discretion)
    }
}

/// One norm of a clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Norm {
    /// Who must, may or must not; `None` when the text does not say (a passive without an agent).
    pub bearer: Option<Actor>,
    pub modality: Modality,
    /// The modal words as written ("shall endeavour", *tidak boleh*); empty for a statement.
    pub modal: String,
    pub action: Option<Action>,
    /// The words the action applies to, as written.
    pub object: String,
    /// Whom the action is for, to or from ("to the worker", *dari Pekerja*), or who ends up holding.
    pub beneficiary: Option<Actor>,
    pub conditions: Vec<Condition>,
    /// The action is denied within the norm ("shall pay no fee", "is not required to", *tidak menanggung*).
    pub negated: bool,
    /// The hedge that weakens it, as written.
    pub hedge: Option<String>,
    pub passive: bool,
    /// "only", *hanya* stands between the modal and the action: the norm is narrowed to its conditions.
    pub narrowed: bool,
    /// Bearer and modality come from the list lead-in of the enclosing clause.
    pub inherited: bool,
    /// The purpose its sentence opens with, as written ("For the worker's own safety", *Demi keselamatan
    /// PMI*): no part of the norm, but a restriction made in the name of protection is still one.
    pub purpose: Option<String>,
    /// Who makes the bearer act ("the Employer shall not require the worker to pay"): the subject of the
    /// causative verb, who is also the subject a joined modal shares ("… and shall not keep …").
    pub causer: Option<Actor>,
    /// Its bearer is the one a causative or preventive verb makes act or keeps from acting ("shall not
    /// restrict the intern's use"), not the sentence's subject.
    pub(super) made_to_act: bool,
    /// Who its words say chooses, sets or controls what it is about ("a doctor appointed by the
    /// employer", "the allowance set by the Employer", "whichever scheme the Employer elects").
    pub chosen_by: Option<Actor>,
    /// Which sentence of the clause it is in (0-based).
    pub sentence: usize,
    /// Byte offset of its modal (or, for a statement, its action) in the clause text.
    pub at: usize,
    /// Byte range in the clause text.
    pub span: Range<usize>,
    /// The folded words of the span, space-separated, for matching requirement data against it (one
    /// string, not one per word: a check reads thousands of norms).
    pub(super) terms: String,
    /// The folded words of the object (for a passive, its subject), space-separated.
    pub(super) object_terms: String,
    /// The roles the norm's words name, whoever bears it.
    pub mentioned: Vec<Role>,
    /// The object of the norm that named the sum this one's object points back to, as written, once its
    /// words are read in (see [`Norm::points_back_to_sum`]).
    pub sum_named_before: Option<String>,
}

impl Norm {
    /// Whether the norm says the action does not happen: a prohibition, or a denied action.
    pub fn denied(&self) -> bool {
        self.modality == Modality::Prohibition || self.negated
    }

    /// The role of the bearer, if the text names one.
    pub fn bearer_role(&self) -> Option<Role> {
        self.bearer.as_ref().map(|a| a.role)
    }

    /// The folded words of the norm's span, space-separated.
    pub fn words(&self) -> &str {
        &self.terms
    }

    /// Whether any word of the norm starts with one of `prefixes` (folded).
    pub fn mentions<S: AsRef<str>>(&self, prefixes: &[S]) -> bool {
        self.terms
            .split(' ')
            .any(|t| prefixes.iter().any(|p| t.starts_with(p.as_ref())))
    }

    /// The object's folded words, one space between them.
    pub fn object_terms(&self) -> &str {
        &self.object_terms
    }

    /// Whether the object is a sum the text named before and the norm does not name ("its cost", "such
    /// expenses", "the amount thereof", *biaya tersebut*, *biayanya*): which cost it is, only the norm
    /// that named it says. Not once that norm's words are read in ([`Norm::read_sum_back`]).
    pub fn points_back_to_sum(&self) -> bool {
        if self.sum_named_before.is_some() {
            return false;
        }
        // The head of the object: a sum further in ("the worker's share of its cost") is another's.
        // *biayanya*: the particle is gone from the object's words but not from its text.
        // Asked of every norm read, so the head is read into a fixed buffer.
        let mut head = [""; 5];
        let mut n = 0;
        let terms = self.object_terms.as_str();
        let mut start = 0;
        // Split by hand: the words are separated by single spaces, and this runs for every norm.
        for (at, byte) in terms.bytes().enumerate() {
            if byte == b' ' {
                head[n] = &terms[start..at];
                n += 1;
                start = at + 1;
                if n == head.len() {
                    break;
                }
            }
        }
        if n < head.len() && start <= terms.len() && !terms.is_empty() {
            head[n] = &terms[start..];
            n += 1;
        }
        match crate::lexicon::sum_named(&head[..n]) {
            Some(true) => return true,
            Some(false) if self.sum_by_paragraph() => return true,
            _ => {}
        }
        // Asked of every norm read: the object's text is folded only where a particle may stand.
        if !self.object.contains("nya") {
            return false;
        }
        let folded = crate::lexicon::fold(&self.object);
        let written: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(5)
            .collect();
        crate::lexicon::points_back_to_sum(&written)
    }

    /// "Amounts paid in advance under paragraph 2": an object that opens with a sum names the paragraph
    /// that named it. Kept out of [`Self::points_back_to_sum`], which every norm asks.
    #[inline(never)]
    fn sum_by_paragraph(&self) -> bool {
        if !self.object_terms.bytes().any(|b| b.is_ascii_digit()) {
            return false;
        }
        let mut before = "";
        self.object_terms.split(' ').skip(1).take(8).any(|word| {
            let pointed = crate::lexicon::points_at_paragraph(before, word);
            before = word;
            pointed
        })
    }

    /// Whether the norm can be the one a later "its cost" points back to: it names a sum or a thing
    /// charged for ("the cost of the journey", "the air ticket", *biaya kursus*), or pays for one ("bought
    /// by the Employer", "shall first pay for the training course"), and points back to nothing itself.
    pub fn names_a_sum(&self) -> bool {
        !self.object_terms.is_empty()
            && !self.points_back_to_sum()
            && (self.acts(&["pay", "advance"])
                || crate::lexicon::terms_speak_of(
                    crate::lexicon::Qualifier::Money,
                    &self.object_terms,
                ))
    }

    /// Reads the sum this norm points back to as `antecedent`'s object: a rule on travel costs must see
    /// "air ticket" in "its cost shall be repaid by the Worker".
    pub fn read_sum_back(&mut self, antecedent: &Norm) {
        let named = crate::lexicon::sum_phrase(&antecedent.object_terms);
        self.object_terms = format!("{named} {}", self.object_terms);
        self.sum_named_before = Some(named.to_string());
    }

    /// Whether a word of the object (for a passive, its subject) starts with one of `prefixes`.
    pub fn object_mentions<S: AsRef<str>>(&self, prefixes: &[S]) -> bool {
        self.object_terms
            .split(' ')
            .any(|t| prefixes.iter().any(|p| t.starts_with(p.as_ref())))
    }

    /// Whether the action is one of `classes`.
    pub fn acts(&self, classes: &[impl AsRef<str>]) -> bool {
        self.action
            .as_ref()
            .is_some_and(|a| classes.iter().any(|c| a.is(c.as_ref())))
    }

    /// Whether the norm leaves a group of workers out of the agreement or a protection: "this Agreement does
    /// not apply to domestic workers", "caregivers fall outside the minimum wage", *Pekerja rumah tangga
    /// dikecualikan*, "'Migrant Worker' shall not include persons employed in households". A curfew or a
    /// penalty that does not apply to workers protects them, and so does being exempt from a charge, a
    /// cost or a tax.
    pub fn excludes_workers(&self) -> bool {
        use crate::lexicon::{Qualifier, speaks_of, terms_speak_of};
        let worker =
            |actor: &Option<Actor>| actor.as_ref().is_some_and(|a| a.role.is_worker_side());
        // A term for workers that "shall not include" some of them is narrowed.
        let narrowed_term = self.denied() && self.acts(&["include"]) && worker(&self.bearer);
        // "Pekerja berhak berada di luar rumah Majikan", "the worker may stay outside the household": a
        // worker's right or freedom to be outside something is no exclusion from it.
        // "A worker … may be exempted from the orientation", a passive, is still done to the worker.
        let own_choice =
            matches!(self.modality, Modality::Right | Modality::Permission) && !self.passive;
        let excluded = self.acts(&["exclude"])
            && ((worker(&self.bearer) && !own_choice)
                || worker(&self.beneficiary)
                // "Domestic workers are excluded", *Pekerja rumah tangga dikecualikan*.
                || (self.passive && self.bearer.is_none() && self.object_names_workers()));
        // "Articles 6 to 10 shall apply to domestic workers only to the extent provided by the laws of
        // Kuwait", "… governed by the Domestic Workers Law in lieu of Articles 6 to 10", *berlaku bagi
        // pekerja rumah tangga hanya sepanjang diatur dalam peraturan perundang-undangan*: the protections
        // reach the group only as far as a national law lets them, or not at all. Read only where the
        // cheaper tests fail: every requirement asks it of every norm it judges.
        let left_to_law = || {
            !self.denied()
                && self
                    .action
                    .as_ref()
                    .is_some_and(|a| speaks_of(Qualifier::Application, &a.words))
                && (self.narrowed || terms_speak_of(Qualifier::SoFarOnly, self.words()))
                && terms_speak_of(Qualifier::NationalLaw, self.words())
                && (worker(&self.bearer)
                    || worker(&self.beneficiary)
                    || self.mentioned.iter().any(|r| r.is_worker_side()))
        };
        if !(narrowed_term || excluded || left_to_law()) {
            return false;
        }
        // For a passive the object is the workers, and what they are exempt from comes after the verb.
        let exempt_from = if self.passive {
            self.words()
        } else {
            self.object.as_str()
        };
        !terms_speak_of(Qualifier::Burden, self.words())
            && !speaks_of(Qualifier::Money, exempt_from)
            && !speaks_of(Qualifier::LawfulCost, exempt_from)
    }

    /// Whether the norm declares workers ineligible: "Workers who left early shall not be eligible", "…
    /// shall not be entitled to reintegration services". The modal took the negator ("shall not"), so the
    /// act left is "eligible" or "entitled": a prohibition in form, an exclusion in effect.
    pub fn ineligible(&self) -> bool {
        let eligibility = &crate::lists::lists().eligibility;
        let named = |words: &str| {
            words
                .split(' ')
                .any(|t| eligibility.contains(&crate::lexicon::fold_phrase(t)))
        };
        self.modality == Modality::Prohibition
            && self.bearer_role().is_some_and(Role::is_worker_side)
            && (named(&self.modal) || self.action.as_ref().is_some_and(|a| named(&a.words)))
    }

    /// Whether the norm takes something out of a provision of the text, or the provision itself:
    /// "Paragraph 1 shall not apply to the residence permit", "… in which case paragraphs 2 and 3 shall not
    /// apply", "this prohibition does not extend to the residence permit", *larangan
    /// sebagaimana dimaksud pada ayat (1) tidak berlaku untuk izin tinggal*. What it leaves out is no
    /// group of workers (that is [`Norm::excludes_workers`]) but a thing, a case or a sum the provision
    /// covered.
    pub fn carves_out(&self) -> bool {
        use crate::lexicon::{Qualifier, terms_speak_of};
        // A passive's object is its subject ("Worksites … shall be excluded from inspection"): the
        // provision is then no subject, and the sentence is read as the active form only.
        if !self.acts(&["exclude"])
            || self.passive
            || self.bearer.is_some()
            || self.object_names_workers()
            || self.excludes_workers()
        {
            return false;
        }
        // The provision is named before what it leaves out; with nothing after it ("…, in which case
        // paragraphs 2 and 3 shall not apply"), the whole provision is left out.
        let head = self
            .terms
            .strip_suffix(self.object_terms.as_str())
            .unwrap_or(&self.terms);
        terms_speak_of(Qualifier::Provision, head)
    }

    /// The norm left to its bearer's own judgement: a live condition of judgement that names
    /// nobody ("Each Party may, if it considers it necessary, designate …", "the Employer shall, where it
    /// deems fit, provide …", *apabila dipandang perlu*). A judgement both sides share ("where the
    /// Parties consider it necessary") or someone else's is not the bearer's alone.
    /// The condition that leaves it so, where one does (the evidence quotes it).
    pub fn own_judgement(&self) -> Option<&Condition> {
        self.bearer.as_ref()?;
        self.conditions
            .iter()
            .find(|c| c.judgement && !c.denied && !c.mutual && !c.request && c.roles.is_empty())
    }

    /// Whether the norm acts for an emergency ("suspends the rest for the immediate safety of the vessel",
    /// *dalam keadaan darurat*): a suspension the standards allow, not one that takes the rest away.
    pub fn for_emergency(&self) -> bool {
        crate::lexicon::terms_speak_of(crate::lexicon::Qualifier::Emergency, self.words())
    }

    /// Whether the norm makes a person, or the worker's move, wait on the employer side's or a relative's
    /// approval: a passive of consenting whose agent is one of them and whose subject names a party ("The
    /// new employer must be approved by the current Employer", "the Worker's transfer shall be authorised
    /// by the Sponsor", *Pemberi Kerja baru harus disetujui oleh Pemberi Kerja sebelumnya*). An employer's
    /// duty to approve, in the active voice, is none, and nor is "Overtime must be approved by the
    /// Employer": what waits is no person's.
    pub fn awaits_approval(&self) -> bool {
        let approver = self
            .bearer_role()
            .is_some_and(|r| r.is_employer_side() || r == Role::Family);
        let words: Vec<&str> = self.object_terms.split(' ').collect();
        let definitions = crate::Definitions::default();
        let names_party =
            (0..words.len()).any(|i| crate::roles::role_at(&words, i, &definitions).is_some());
        self.passive && !self.denied() && self.acts(&["consent"]) && approver && names_party
    }

    /// Whether the object's head is a worker ("domestic workers", *Pekerja rumah tangga*), not a thing said
    /// of them ("changes less favourable to the worker").
    fn object_names_workers(&self) -> bool {
        let words: Vec<&str> = self.object_terms.split(' ').collect();
        let definitions = crate::Definitions::default();
        // The head stands in the first words, before any "of", "to", *dari*, *kepada*.
        words
            .iter()
            .take_while(|w| {
                !matches!(
                    **w,
                    "of" | "to" | "for" | "from" | "dari" | "kepada" | "bagi" | "untuk"
                )
            })
            .take(4)
            .enumerate()
            .any(|(i, _)| {
                crate::roles::role_at(&words, i, &definitions).is_some_and(|r| r.is_worker_side())
            })
    }

    /// A live condition or exception that puts the norm in the employer side's hands.
    pub fn employer_condition(&self) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.in_employer_hands())
    }

    /// One line a lawyer can read: "Sponsor (employer) — obligation — hold — the Worker's passport".
    pub fn describe(&self) -> String {
        let bearer = match &self.bearer {
            Some(actor) => format!("{} ({})", actor.words, actor.role.name()),
            None => "(no bearer named)".to_string(),
        };
        let mut modality = self.modality.as_str().to_string();
        if self.negated {
            modality.push_str(", negated");
        }
        if self.passive {
            modality.push_str(", passive");
        }
        let mut parts = vec![bearer, modality];
        if let Some(action) = &self.action {
            parts.push(action.words.clone());
        }
        if !self.object.is_empty() {
            match &self.sum_named_before {
                // "its cost (of: The air ticket)": a lawyer sees which sum the words point back to.
                Some(named) => parts.push(format!("{} (of: {named})", self.object)),
                None => parts.push(self.object.clone()),
            }
        }
        let mut line = parts.join(" — ");
        if let Some(beneficiary) = &self.beneficiary {
            line.push_str(&format!(
                " — for/with {} ({})",
                beneficiary.words,
                beneficiary.role.name()
            ));
        }
        for condition in &self.conditions {
            let denied = if condition.denied { " (denied)" } else { "" };
            let giver = match condition.giver {
                Some(role) if condition.consent && !condition.denied => {
                    format!(" ({}'s consent)", role.name())
                }
                _ => String::new(),
            };
            line.push_str(&format!(
                "; {}{denied}{giver}: {}",
                condition.kind.as_str(),
                condition.text
            ));
        }
        if let Some(hedge) = &self.hedge {
            line.push_str(&format!("; hedged: {hedge}"));
        }
        if let Some(chooser) = &self.chosen_by {
            line.push_str(&format!(
                "; chosen or set by {} ({})",
                chooser.words,
                chooser.role.name()
            ));
        }
        if let Some(purpose) = &self.purpose {
            line.push_str(&format!("; purpose: {purpose}"));
        }
        if self.inherited {
            line.push_str("; bearer and modality inherited from the lead-in");
        }
        line
    }
}
