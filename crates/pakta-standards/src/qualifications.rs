//! The `uncertain` finding: norms that qualify a worker protection in a way no rule can judge.
//!
//! A protection the check found covered or partial is read once more, clause by clause, in the articles
//! where its cues are. A norm that may take it back, or may be harmless, and only a reader can tell which
//! (an exception, a cost on the worker, a power of the employer side, a consent to obtain, a waiver,
//! something counted as wage, a hedge, someone the employer appoints), makes the requirement `uncertain`
//! and is shown as `qualification` evidence. What is harmless is the lexicon's `[qualifiers]` data.

use std::collections::BTreeSet;

use pakta_norms::{Modality, Norm, Role};

use crate::coverage::{Evidence, EvidenceKind};
use crate::reading::NormCache;
use crate::units::{Layout, Unit, UnitKind};

/// The qualifications in the clauses of `articles`, leaving out the clauses `elsewhere` says belong to
/// another requirement, definitions and purposes, in document order. A taking back is a contradiction
/// only in a clause that is the requirement's `own` (it, its lead-in or its article's heading names the
/// topic): in a neighbour's paragraph of a shared article it may be the neighbour's, and a reader decides.
/// A cost on the worker takes back a protection that is `free` to the worker.
pub(crate) fn find(
    free: bool,
    articles: &BTreeSet<&str>,
    units: &[Unit],
    layout: &Layout,
    norms: &NormCache,
    elsewhere: impl Fn(usize) -> bool,
    own: impl Fn(usize) -> bool,
) -> Vec<Evidence> {
    let mut found = Vec::new();
    for article in articles {
        for &u in layout.by_article.get(article).into_iter().flatten() {
            if units[u].kind != UnitKind::Clause || units[u].secondary {
                continue;
            }
            // A clause that names another requirement's topic is that one's, unless it is this one's own
            // too (it, its lead-in or its article's heading names this topic): there it is read, but what
            // it takes back may be the neighbour's, and a reader decides, save a cost on the worker where
            // this protection is free.
            let (own, neighbour) = (own(u), elsewhere(u));
            if neighbour && !own {
                continue;
            }
            for (norm, found_here) in norms.of(u).iter().zip(norms.qualifications(u)) {
                let Some(Qualification {
                    why,
                    takes_back,
                    cost,
                }) = *found_here
                else {
                    continue;
                };
                let kind = if own && ((takes_back && !neighbour) || (free && cost)) {
                    EvidenceKind::Contradiction
                } else {
                    EvidenceKind::Qualification
                };
                found.push(Evidence {
                    kind,
                    clause: units[u].id.to_string(),
                    article: units[u].article_number.map(str::to_string),
                    text: pakta_core::text::collapse_whitespace(&units[u].text[norm.span.clone()]),
                    pattern: crate::coverage::norm_pattern(kind, why),
                    norm: Some(norms.evidence(u, norm)),
                });
            }
        }
    }
    found
}

/// How a norm qualifies a protection: why, and whether the standards themselves call that a taking back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Qualification {
    /// Why, in a lawyer's words.
    pub why: &'static str,
    /// The standards call this weaker whatever the rest of the clause says: a right on the employer's or a
    /// relative's consent, a protection put off on a condition the worker does not control or until a
    /// period of service, a worker agreeing to less, a share of a floor, a restriction made in the name of
    /// protecting the worker. The other qualifications may be harmless, and only a reader can tell.
    pub takes_back: bool,
    /// A cost laid on the worker: a taking back in a requirement whose standard keeps what it gives free
    /// of charge (`free_to_worker`), only a reader's question elsewhere.
    pub cost: bool,
}

impl Qualification {
    fn uncertain(why: &'static str) -> Qualification {
        Qualification {
            why,
            takes_back: false,
            cost: false,
        }
    }

    fn takes_back(why: &'static str) -> Qualification {
        Qualification {
            why,
            takes_back: true,
            cost: false,
        }
    }

    fn cost(why: &'static str) -> Qualification {
        Qualification {
            why,
            takes_back: false,
            cost: true,
        }
    }
}

/// Why a norm qualifies a protection. Most qualifications may take the protection back, or may be
/// harmless, and only a reader can tell: a check that cannot tell says so (`uncertain`) rather than call the
/// requirement covered. The few the standards themselves call weaker say so (`takes_back`).
pub fn qualification(norm: &Norm) -> Option<Qualification> {
    use pakta_norms::lexicon::{Qualifier, opens_with, speaks_of, terms_open_with, terms_speak_of};
    let bearer = norm.bearer_role();
    let worker = bearer.is_some_and(Role::is_worker_side);
    let employer = bearer.is_some_and(Role::is_employer_side);
    // The norm's words, split once for the many questions below.
    let terms: Vec<&str> = norm.words().split(' ').collect();
    let says = |q: Qualifier| pakta_norms::lexicon::words_speak_of(q, &terms);
    // A cost needs money named somewhere in the norm ("menggantinya" replaces worn equipment; it repays
    // nothing), not a levy the law asks of everyone, and not a sum the worker is spared ("… free of
    // charge", *tanpa dipungut biaya*).
    let names_a_cost =
        || says(Qualifier::Money) && !says(Qualifier::LawfulCost) && !says(Qualifier::Free);
    let benign = |text: &str| speaks_of(Qualifier::Benign, text);
    let benign_condition =
        |c: &pakta_norms::Condition| terms_speak_of(Qualifier::Benign, c.words());
    // "The employer shall not keep the passport, except at the worker's request for safekeeping", *dilarang
    // menahan paspor, kecuali atas permintaan Pekerja*: the usual way a passport stays with the employer side.
    // Whether the request is free is for a reader to judge; elsewhere the worker's own request is no loss.
    // The worker's consent is the same way round ("shall not hold the passport, except with the consent of
    // the worker for safekeeping"): a consent taken at recruitment, when the worker cannot refuse.
    if norm.denied()
        && !worker
        && norm.acts(&["keep"])
        && norm.conditions.iter().any(|c| {
            (c.kind == pakta_norms::ConditionKind::Exception && c.workers_request())
                // "except with the consent of the worker", and "without his or her written consent",
                // *tanpa persetujuan Pekerja*, which says the same of a ban: with it, the papers may be kept.
                || (c.consent
                    && (c.kind == pakta_norms::ConditionKind::Exception || c.denied)
                    && (c.roles.is_empty() || c.roles.iter().any(|r| r.is_worker_side()))
                    && speaks_of(Qualifier::Papers, &norm.object))
        })
    {
        return Some(Qualification::uncertain(
            "the worker's request or consent lets the employer side keep it",
        ));
    }
    // "The Employer shall not unreasonably withhold the passport", "shall not deduct … without good cause",
    // *tidak boleh menahan paspor tanpa alasan yang sah*: the ban reaches only the unreasonable or
    // arbitrary act, so the employer side keeps, deducts or restricts whenever it finds a reason. Data
    // "not kept longer than necessary" is the storage limit data protection asks for: of what is kept,
    // only the worker's papers count here.
    let kept_papers = norm.acts(&["keep"]) && says(Qualifier::Papers);
    if norm.denied()
        && !worker
        && (kept_papers || norm.acts(&["deduct", "charge", "restrict"]))
        && says(Qualifier::Reasonableness)
    {
        return Some(Qualification::takes_back(
            "the ban reaches only the unreasonable or arbitrary act",
        ));
    }
    // Conditions that could take something back: not denied ("without the employer's consent"), not the
    // worker's own request, and not a harmless deferral to the law, a court or equal terms.
    let live: Vec<_> = norm
        .conditions
        .iter()
        .filter(|c| !c.denied && !c.workers_request() && !benign_condition(c))
        .collect();
    // "Unless the employment contract provides otherwise", *sepanjang tidak diatur lain dalam Perjanjian
    // Kerja*: the floor holds only until the contract says something else.
    // "… the employment contract shall prevail" says the same of the whole norm, unless what prevails is
    // only the more favourable term; "no contract may provide otherwise" forbids the override.
    if live
        .iter()
        .any(|c| terms_speak_of(Qualifier::Override, c.words()))
        || (says(Qualifier::Override)
            && !norm.denied()
            && !says(Qualifier::Benign)
            && !norm.conditions.iter().any(benign_condition))
    {
        return Some(Qualification::uncertain(
            "the contract or its parties may set the protection aside",
        ));
    }
    // "Notwithstanding paragraph 1, …", *menyimpang dari ayat (1)*: what follows sets the protection
    // aside. It takes it back where it frees the employer side (a permission: "the employer may pay
    // seventy per cent of the minimum wage"; a duty lifted: "shall not be required to report") or binds
    // the worker ("Pekerja dikenakan pungutan tambahan", *hanya dapat meninggalkan rumah … bersama*); a
    // further duty of the employer side may be a gain, and a reader judges it.
    if pakta_norms::lexicon::words_open_with(Qualifier::Derogation, &terms) {
        let frees_employer = !worker && (norm.modality == Modality::Permission || norm.denied());
        let binds_worker = worker
            && (norm.denied()
                || norm.narrowed
                || matches!(
                    norm.modality,
                    Modality::Obligation | Modality::Statement | Modality::Prohibition
                ));
        let why = "it sets aside the provision before it (\"notwithstanding\")";
        return Some(if frees_employer || binds_worker {
            Qualification::takes_back(why)
        } else {
            Qualification::uncertain(why)
        });
    }
    // "Paragraph 1 shall not apply to the residence permit", "this prohibition does not extend to …",
    // *larangan … tidak berlaku untuk izin tinggal*: part of what the provision covered is taken out of
    // it, and only a reader can say whether that part mattered.
    if norm.carves_out() {
        return Some(Qualification::uncertain(
            "it takes something out of the provision",
        ));
    }
    // "For their own safety, women under 25 are not placed in night work", *demi keselamatan PMI, PMI
    // wajib tinggal di rumah Pengguna*: a restriction on the worker made in the name of protecting them.
    // A ban on harming the worker ("to protect workers, passports shall not be kept") restricts no worker.
    if norm
        .purpose
        .as_deref()
        .is_some_and(|p| speaks_of(Qualifier::Protective, p))
    {
        let restricts_worker = if worker {
            matches!(
                norm.modality,
                Modality::Obligation | Modality::Statement | Modality::Prohibition
            ) || norm.denied()
        } else {
            bearer.is_none()
                && norm.denied()
                && norm.mentioned.iter().any(|r| r.is_worker_side())
                && !norm.acts(&[
                    "keep",
                    "charge",
                    "deduct",
                    "pay",
                    "terminate",
                    "restrict",
                    "disclose",
                    "postpone",
                ])
        };
        if restricts_worker {
            return Some(Qualification::takes_back(
                "a restriction on the worker, made in the name of protecting them",
            ));
        }
    }
    // "No worker shall be deployed unless the contract is registered": what must happen first. A
    // prohibition lifted only by the worker's own consent is the worker's choice, in either language
    // ("unless the Worker has agreed in writing", *kecuali Pekerja telah menyetujuinya*).
    let precondition = |c: &pakta_norms::Condition| {
        norm.denied()
            && (terms_open_with(Qualifier::Precondition, c.words())
                || (c.consent && c.roles.contains(&Role::Worker)))
    };
    // "Give particular attention to women workers, apart from other workers": besides, not except.
    let addition = |c: &pakta_norms::Condition| {
        !norm.denied() && terms_open_with(Qualifier::Addition, c.words())
    };
    // "… is deemed accepted unless the worker objects in writing within five days", "a worker who does not
    // object is regarded as having agreed", *dianggap menyetujui apabila Pekerja tidak mengajukan
    // keberatan*: the worker's silence is taken for consent, and the protection is given up by default.
    if silence_as_consent(norm, &live, worker, &says) {
        return Some(Qualification::takes_back(
            "the worker's silence is taken for consent",
        ));
    }
    // "By signing the job application, a worker consents to the disclosure …", *dengan menandatangani
    // Perjanjian Kerja, Pekerja dianggap telah memberikan persetujuan …*: a consent taken from a signature
    // given for something else is no free consent to this.
    if !norm.denied()
        && worker
        && (norm.acts(&["consent", "waive"]) || says(Qualifier::Deeming))
        && says(Qualifier::ConsentDocument)
        && says(Qualifier::Signature)
    {
        return Some(Qualification::takes_back(
            "the worker's consent is taken from a signature given for something else",
        ));
    }
    // "Nobody other than the worker shall hold the card", *tidak seorang pun selain Pekerja berhak
    // menyimpan paspor*: the exception in the subject leaves the thing with the worker alone. One after
    // the verb ("shall be void, except where the Worker signs …") is a way out.
    let exclusive = |c: &pakta_norms::Condition| {
        norm.denied()
            && c.span.start < norm.at
            && !c.roles.is_empty()
            && c.roles.iter().all(|r| r.is_worker_side())
    };
    if live.iter().any(|c| {
        c.kind == pakta_norms::ConditionKind::Exception
            && !precondition(c)
            && !addition(c)
            && !exclusive(c)
            && !worker_may_refuse(norm, c)
    }) {
        return Some(Qualification::uncertain("an exception to the protection"));
    }
    if norm.denied() && live.is_empty() {
        return None;
    }
    // "A complaint is registered only where documentary evidence accompanies it", "admitted to a shelter
    // on presentation of a police report": the worker must prove the wrong before the protection works.
    if !norm.denied()
        && live
            .iter()
            .any(|c| terms_speak_of(Qualifier::Proof, c.words()))
    {
        return Some(Qualification::uncertain(
            "the worker must prove the wrong first",
        ));
    }
    let what = format!(
        "{} {}",
        norm.action.as_ref().map_or("", |a| a.words.as_str()),
        norm.object
    );
    if norm.modality == Modality::HedgedDuty && !worker && !benign(&what) {
        return Some(Qualification::uncertain("a hedge on what is owed"));
    }
    // "Paragraph 1 does not apply to workers on family farms", "may be exempted from the briefing": a
    // group is left out. Being exempted from a cost or a tax is no loss.
    if !norm.denied()
        && norm.excludes_workers()
        && !says(Qualifier::Money)
        && !says(Qualifier::LawfulCost)
    {
        return Some(Qualification::uncertain(
            "a group of workers is left out of the protection",
        ));
    }
    // "A worker who has completed five years with the same facility may apply to be joined by the
    // family", *diberikan kepada PMI yang telah menyelesaikan paling singkat 24 bulan masa kerja*: the
    // protection waits for a long period of service.
    // *Ganti rugi … diberikan apabila Pekerja … telah menjalani masa kerja paling sedikit 36 bulan*: the
    // worker may stand only in the condition.
    let worker_in_condition = live
        .iter()
        .any(|c| c.roles.iter().any(|r| r.is_worker_side()));
    if !norm.denied()
        && !employer
        && (worker || norm.mentioned.iter().any(|r| r.is_worker_side()) || worker_in_condition)
        && qualifying_service(norm.words(), &terms)
    {
        return Some(Qualification::takes_back(
            "it holds only after a period of service",
        ));
    }
    // "Membership of trade unions shall be reserved to citizens", *hanya terbuka bagi warga negara*: the
    // protection is kept for the country's own people, and migrant workers are left out of it.
    // Most norms name no citizens and no number: the words are looked for before the phrases.
    let names_citizens = || {
        terms
            .iter()
            .any(|t| t.starts_with("citizen") || t.starts_with("national") || *t == "warga")
    };
    if !norm.denied() && names_citizens() && says(Qualifier::NationalsOnly) {
        return Some(Qualification::takes_back(
            "it is kept for the country's own citizens",
        ));
    }
    // "The minimum wage applies to workers in establishments having fifty (50) or more employees",
    // *pemeriksaan hanya dilakukan terhadap tempat kerja yang mempekerjakan paling sedikit 10 orang
    // pekerja*: the protection reaches only larger workplaces, and households and small employers fall
    // outside it. A duty laid on larger employers ("employers with fifty or more employees shall set up a
    // safety committee") is an addition, not a limit.
    let names_number = || {
        terms
            .iter()
            .any(|t| t.as_bytes().first().is_some_and(u8::is_ascii_digit))
    };
    if !norm.denied() && !employer && names_number() && headcount(norm.words(), &terms) {
        return Some(Qualification::takes_back(
            "it reaches only workplaces with a number of workers",
        ));
    }
    // "Borne by the Employer only where the worker completes the full term", *ditanggung oleh Pemberi Kerja
    // sepanjang Pekerja tidak mengakhiri perjanjian kerja sebelum waktunya*, "provided the worker remains
    // with a valid residence permit, the worker may bring claims": what the worker is owed holds only if
    // they stay, serve out the term or keep a permit; a worker who leaves an abusive employer loses it.
    let owed = (employer && norm.acts(&["pay"]))
        || (worker && matches!(norm.modality, Modality::Right | Modality::Permission));
    if owed
        && !norm.denied()
        && live.iter().any(|c| {
            c.kind == pakta_norms::ConditionKind::Condition
                && c.roles.iter().any(|r| r.is_worker_side())
                && (terms_speak_of(Qualifier::Stay, c.words())
                    // A period of service before a right may be one ground among others ("after
                    // twelve months of service" beside abuse and unpaid wages); before a cost the
                    // employer owes, it shifts the cost to whoever leaves sooner.
                    || (employer && terms_speak_of(Qualifier::Service, c.words())))
        })
    {
        return Some(Qualification::takes_back(
            "it holds only if the worker stays, completes the term or keeps a permit",
        ));
    }
    // "A claim not filed within fourteen days shall be deemed settled", *dianggap gugur*: lost by a
    // deadline or a deeming, whoever gives it up.
    // A worker's leave to give it up ("may elect in writing to give up the leave") is agreeing to less,
    // read below.
    let workers_leave = worker && norm.modality == Modality::Permission;
    if !norm.denied()
        && (norm.acts(&["lapse"]) || (norm.acts(&["waive"]) && !employer && !workers_leave))
    {
        return Some(Qualification::uncertain(
            "the worker may give the protection up, or lose it by a deadline or a deeming",
        ));
    }
    // "Married women attach a letter of permission from the husband", "shall present a release letter from
    // the present employer": the worker must bring someone else's consent.
    if worker
        && !norm.denied()
        && matches!(norm.modality, Modality::Obligation | Modality::Statement)
        && says(Qualifier::ConsentDocument)
        && pakta_norms::lexicon::consent_of(&format!(
            "{} {}",
            norm.action.as_ref().map_or("", |a| a.words.as_str()),
            norm.object
        ))
        .is_some_and(|r| r.is_employer_side() || r == Role::Family)
    {
        return Some(Qualification::takes_back(
            "it depends on someone else's consent or approval",
        ));
    }
    // "The new employer must be approved by the current Employer", *harus disetujui oleh Pemberi Kerja*:
    // a consent of the employer side or a relative written as a sentence of its own, not as a condition.
    if norm.awaits_approval() {
        return Some(Qualification::takes_back(
            "it depends on someone else's consent or approval",
        ));
    }
    // A consent asked of anyone but the worker: the employer, a skipper, a husband or a guardian. Theirs
    // empties the worker's right; an authority's approval ("only with the approval of the Ministry") may be
    // the very supervision a standard asks for, and one the text does not place is for a reader to place.
    let private = |r: Role| r.is_employer_side() || r == Role::Family;
    let consents: Vec<_> = live
        .iter()
        // The worker named as the one released ("it releases the worker") gives no consent; where the
        // text names the giver, that settles whose consent it is.
        .filter(|c| {
            c.consent
                && !c.mutual
                && c.giver.map_or(!c.roles.contains(&Role::Worker), |g| {
                    g != Role::Worker && (!c.roles.contains(&Role::Worker) || private(g))
                })
        })
        .collect();
    if !consents.is_empty() && (worker || norm.mentioned.iter().any(|r| r.is_worker_side())) {
        let why = "it depends on someone else's consent or approval";
        return Some(
            if consents.iter().any(|c| match c.giver {
                Some(giver) => private(giver),
                None => c.roles.iter().copied().any(private),
            }) {
                Qualification::takes_back(why)
            } else {
                Qualification::uncertain(why)
            },
        );
    }
    // "Personal data shall be collected only to the extent necessary" holds the act in.
    if norm.narrowed
        && !employer
        && !norm.denied()
        && live
            .iter()
            .any(|c| !terms_open_with(Qualifier::Extent, c.words()))
        && norm.mentioned.iter().any(|r| r.is_worker_side())
    {
        return Some(Qualification::uncertain("it holds only on a condition"));
    }
    // "Leave may be deferred where the order book so requires", *kunjungan … dapat dilakukan setelah
    // penyidikan selesai*: no one named may do it, once a time comes or a need arises that neither the
    // worker nor both sides hold.
    // *Kunjungan pejabat konsuler diizinkan setelah berkas perkara dilimpahkan*: an official's access,
    // once a stage is over, is a protection put off just the same.
    if (bearer.is_none() && norm.passive || bearer.is_some_and(Role::is_public))
        && norm.modality == Modality::Permission
        && !norm.denied()
        && live.iter().any(|c| {
            !c.mutual
                && !c.roles.iter().any(|r| r.is_worker_side())
                && terms_speak_of(Qualifier::Deferral, c.words())
        })
    {
        return Some(Qualification::takes_back(
            "it may be done, or put off, on a condition the worker does not control",
        ));
    }
    // "Weekly rest may, by arrangement between the Employer and the site management, be accumulated": an
    // agreement among the employer side alone is no agreement of the worker's.
    if !worker
        && !norm.denied()
        && norm.modality == Modality::Permission
        && live.iter().any(|c| {
            (c.mutual || c.consent)
                && !c.roles.is_empty()
                && c.roles.iter().all(|r| r.is_employer_side())
        })
    {
        return Some(Qualification::uncertain(
            "the employer side chooses, sets or controls it",
        ));
    }
    // "The Employer shall: (d) decide whether an accident needs to be reported", *menentukan apakah*: a
    // duty to decide whether is a choice.
    if employer
        && !norm.denied()
        && norm.acts(&["decide"])
        && opens_with(Qualifier::Whether, &norm.object)
    {
        return Some(Qualification::uncertain(
            "the employer side chooses, sets or controls it",
        ));
    }
    // "The master shall suspend the rest schedule during hauling", *menangguhkan cuti*: the employer side
    // puts off what the worker is owed. "Only when the safety of the vessel requires it" holds it in, and
    // so does an emergency (*dalam keadaan darurat*), which the standards allow.
    if employer
        && !norm.denied()
        && !norm.narrowed
        && norm.acts(&["postpone"])
        && speaks_of(Qualifier::Entitlement, &norm.object)
        && !norm.for_emergency()
    {
        return Some(Qualification::uncertain(
            "the employer side keeps, deducts, postpones or decides",
        ));
    }
    // "The wage may be set at 85 per cent of the statutory minimum wage": a fraction of the floor is
    // below it. A cap or a deduction of such a share takes nothing from the floor.
    if !norm.denied() && !norm.acts(&["deduct", "cap"]) && below_floor(norm.words(), &terms) {
        return Some(Qualification::takes_back(
            "a share of the floor, which is below it",
        ));
    }
    // "Wages are paid monthly, provided the Worker has met the production quota set by the Employer",
    // *asalkan Pekerja memenuhi target yang ditetapkan oleh Pemberi Kerja*: what is owed waits on a
    // condition whose measure the employer side sets.
    let owed = match norm.modality {
        Modality::Obligation | Modality::Statement => {
            employer || (bearer.is_none() && norm.passive)
        }
        Modality::Right => worker,
        _ => false,
    };
    if owed
        && !norm.denied()
        && live.iter().any(|c| {
            c.kind == pakta_norms::ConditionKind::Condition
                && c.roles.iter().any(|r| r.is_employer_side())
                && terms_speak_of(Qualifier::Appointed, c.words())
        })
    {
        return Some(Qualification::takes_back(
            "it holds only on a condition the employer side sets",
        ));
    }
    // The employer side chooses, sets or controls it: "certified by a doctor appointed by the employer",
    // "the allowance set by the Employer", "whichever scheme the Employer elects". An employer who pays
    // "the part designated by the worker" chooses nothing.
    if !norm.denied()
        && norm
            .chosen_by
            .as_ref()
            .is_some_and(|a| a.role.is_employer_side())
    {
        return Some(Qualification::uncertain(
            "the employer side chooses, sets or controls it",
        ));
    }
    if worker && !norm.denied() && !benign(&what) {
        let verb = norm.action.as_ref().map_or("", |a| a.words.as_str());
        // "may elect in writing to work on the rest day", *dapat menyatakan kesediaan*: a permission to
        // agree to less. "Shall be free to agree whether or not to live in" is a right, and no waiver.
        if norm.modality == Modality::Permission
            && norm.acts(&["waive", "consent", "surrender"])
            && !speaks_of(Qualifier::ConsentNoun, verb)
        {
            return Some(Qualification::takes_back(
                "the worker may give the protection up or agree to less",
            ));
        }
        // A right to credit is no debt.
        if names_a_cost() && norm.modality != Modality::Right {
            if norm.acts(&["repay", "advance", "deduct"]) {
                return Some(Qualification::cost(
                    "the worker repays, is advanced or has deducted a cost",
                ));
            }
            if norm.acts(&["pay", "charge"]) {
                return Some(Qualification::cost("the worker pays a cost"));
            }
        }
    }
    // "The Employer may recover the airfare from the worker by deductions from pay", *Pemberi Kerja dapat
    // memotong biaya tiket dari upah Pekerja*: the same cost, said from the employer's side. Its duty
    // to deduct what the law levies is how a levy is paid.
    if employer
        && !norm.denied()
        && matches!(
            norm.modality,
            Modality::Permission | Modality::Obligation | Modality::Statement | Modality::Right
        )
        && norm.acts(&["charge", "deduct"])
        && norm.mentioned.iter().any(|r| r.is_worker_side())
        && names_a_cost()
        && !benign(&what)
    {
        return Some(Qualification::cost(
            "the employer side recovers a cost from the worker",
        ));
    }
    if worker && matches!(norm.modality, Modality::Right | Modality::Permission) {
        if live
            .iter()
            .any(|c| c.discretion && !c.roles.iter().all(|r| r.is_worker_side()))
        {
            return Some(Qualification::uncertain(
                "the worker's right depends on someone else's judgement",
            ));
        }
        return None;
    }
    // "Protect victims instead of punishing them": what is replaced is a burden, and that is no loss.
    if !norm.denied()
        && says(Qualifier::Offset)
        && !says(Qualifier::Benign)
        && !says(Qualifier::Burden)
    {
        return Some(Qualification::uncertain(
            "something else is counted as wage, or stands in for what the protection gives",
        ));
    }
    // The employer side's own duty measured on average ("an average of at least thirty hours of paid
    // work a week") is a guarantee, not a limit taken back.
    if !norm.denied() && says(Qualifier::Average) && (!employer || norm.passive) {
        return Some(Qualification::uncertain(
            "it is measured on average, so a single day, week or worker may fall short",
        ));
    }
    // A power bounded by "only" ("may terminate only for a valid reason") is a limit on the employer.
    if employer
        && !norm.denied()
        && norm.modality == Modality::Permission
        && !norm.narrowed
        && !benign(&what)
        && !norm.conditions.iter().any(benign_condition)
    {
        return Some(Qualification::uncertain(
            "the employer side may act: a power, not a duty",
        ));
    }
    if !norm.denied()
        && !worker
        && norm.mentioned.iter().any(|r| r.is_employer_side())
        && norm.acts(&["keep", "deduct", "postpone", "decide", "restrict"])
        && !(norm.acts(&["postpone"]) && norm.for_emergency())
        && norm.modality != Modality::Obligation
        && (norm.passive || employer)
        && !norm.narrowed
        && !norm.conditions.iter().any(benign_condition)
    {
        return Some(Qualification::uncertain(
            "the employer side keeps, deducts, postpones or decides",
        ));
    }
    None
}

/// Whether a norm takes the worker's silence for consent: a consent deemed ("is deemed accepted",
/// *dianggap menyetujui*) where the worker is the one consenting or is named, or a norm that holds unless
/// the worker objects ("unless the worker objects", "if the worker has not objected").
fn silence_as_consent(
    norm: &Norm,
    live: &[&pakta_norms::Condition],
    worker: bool,
    says: &dyn Fn(pakta_norms::lexicon::Qualifier) -> bool,
) -> bool {
    use pakta_norms::lexicon::{Qualifier, terms_speak_of};
    if norm.denied() {
        return false;
    }
    let worker_named = worker || norm.mentioned.iter().any(|r| r.is_worker_side());
    // "Deemed settled" gives a claim up by a deadline; "deemed accepted" takes a consent.
    let deemed = norm.acts(&["consent", "waive"])
        && says(Qualifier::Deeming)
        && norm.action.as_ref().is_some_and(|a| {
            pakta_norms::lexicon::names_action(
                &pakta_norms::lexicon::tokenize(&a.words),
                &["consent"],
            )
        });
    let unless_objects = live.iter().any(|c| {
        matches!(c.kind, pakta_norms::ConditionKind::Exception) || c.roles.contains(&Role::Worker)
    }) && live.iter().any(|c| {
        c.roles.iter().any(|r| r.is_worker_side())
            && terms_speak_of(Qualifier::Objection, c.words())
            && (c.kind == pakta_norms::ConditionKind::Exception
                || pakta_norms::lexicon::negators(&pakta_norms::lexicon::tokenize(&c.text)) > 0)
            && !worker_may_refuse(norm, c)
    });
    (deemed && (worker_named || norm.bearer_role().is_none())) || unless_objects
}

/// Whether the words hold a percentage under a hundred of a floor ("85 per cent of the statutory minimum
/// wage", *delapan puluh persen dari upah minimum*).
fn below_floor(words: &str, terms: &[&str]) -> bool {
    use pakta_norms::lexicon::{Qualifier, terms_speak_of, words_speak_of};
    // Most norms name no share and no floor; reading quantities is the dear part.
    if !(words.contains("per") || words.contains('%')) || !words_speak_of(Qualifier::Floor, terms) {
        return false;
    }
    pakta_norms::quantity::quantities(words).iter().any(|q| {
        q.unit == pakta_norms::quantity::Unit::Percent
            && q.value < 100.0
            && words
                .get(q.end..)
                .map(|rest| {
                    rest.split_whitespace()
                        .take(5)
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .is_some_and(|after| terms_speak_of(Qualifier::Floor, &after))
    })
}

/// Whether `c` is the worker's objection to a public authority's act for the worker ("consular officers
/// may visit a detained worker, unless the worker objects", *kecuali Pekerja menolaknya*): the worker's
/// choice kept, neither a consent taken by silence nor an exception to the protection.
fn worker_may_refuse(norm: &Norm, c: &pakta_norms::Condition) -> bool {
    use pakta_norms::lexicon::{Qualifier, terms_speak_of};
    norm.bearer_role().is_some_and(Role::is_public)
        && !c.roles.is_empty()
        && c.roles.iter().all(|r| r.is_worker_side())
        && terms_speak_of(Qualifier::Objection, c.words())
}

/// Whether the words limit a protection to workplaces with at least some number (two or more) of workers.
fn headcount(words: &str, terms: &[&str]) -> bool {
    use pakta_norms::lexicon::{Qualifier, words_speak_of};
    words_speak_of(Qualifier::Headcount, terms)
        && pakta_norms::quantity::quantities(words)
            .iter()
            .any(|q| q.unit == pakta_norms::quantity::Unit::Count && q.value >= 2.0 && !q.age)
}

/// Whether the words make a protection wait for at least six months of service ("who has completed five
/// years with the same employer", *telah menyelesaikan paling singkat 24 bulan masa kerja*).
fn qualifying_service(words: &str, terms: &[&str]) -> bool {
    use pakta_norms::lexicon::{Qualifier, words_speak_of};
    words_speak_of(Qualifier::Service, terms)
        && pakta_norms::quantity::quantities(words)
            .iter()
            .any(|q| q.days().is_some_and(|d| d >= 180.0))
}
