//! The norm reader on sentences written for these tests, in English and Indonesian.

use super::*;

fn norms(text: &str) -> Vec<Norm> {
    let definitions = Definitions::default();
    Reader::new(&definitions, false).read(text, None)
}

fn norms_id(text: &str) -> Vec<Norm> {
    let definitions = Definitions::default();
    Reader::new(&definitions, true).read(text, None)
}

/// The norms of `text`, read as Indonesian or English.
fn norms_in(text: &str, indonesian: bool) -> Vec<Norm> {
    if indonesian {
        norms_id(text)
    } else {
        norms(text)
    }
}

/// The first norm whose action has `class`.
fn with_action(list: &[Norm], class: &str) -> Norm {
    list.iter()
        .find(|n| n.acts(&[class]))
        .cloned()
        .unwrap_or_else(|| panic!("no `{class}` norm in {list:#?}"))
}

fn role(norm: &Norm) -> Option<&'static str> {
    norm.bearer_role().map(Role::name)
}

#[test]
fn active_duties_permissions_and_prohibitions() {
    let n = with_action(
        &norms("The Employer shall pay the wage into the worker's account."),
        "pay",
    );
    assert_eq!(
        (role(&n), n.modality, n.denied()),
        (Some("employer"), Modality::Obligation, false)
    );

    let n = with_action(
        &norms("An agency may retain the travel documents of an applicant."),
        "keep",
    );
    assert_eq!(
        (role(&n), n.modality),
        (Some("agency"), Modality::Permission)
    );

    let n = with_action(
        &norms("The employer shall not confiscate any identity card."),
        "keep",
    );
    assert_eq!(n.modality, Modality::Prohibition);

    let n = with_action(
        &norms("No sponsor may hold on to a helper's passport."),
        "keep",
    );
    assert_eq!(
        (role(&n), n.modality),
        (Some("employer"), Modality::Prohibition)
    );

    let n = with_action(
        &norms_id("Pemberi Kerja tidak boleh menahan paspor Pekerja."),
        "keep",
    );
    assert_eq!(
        (role(&n), n.modality),
        (Some("employer"), Modality::Prohibition)
    );

    let n = with_action(
        &norms_id("Majikan dilarang menyimpan dokumen perjalanan pekerja."),
        "keep",
    );
    assert_eq!(
        (role(&n), n.modality),
        (Some("employer"), Modality::Prohibition)
    );

    let n = with_action(
        &norms("It shall be unlawful for a recruiter to levy a placement fee."),
        "charge",
    );
    assert_eq!(n.modality, Modality::Prohibition);

    let n = with_action(
        &norms("Under no circumstances shall the Employer confiscate the worker's passport."),
        "keep",
    );
    assert_eq!(
        (role(&n), n.modality),
        (Some("employer"), Modality::Prohibition)
    );

    // No duty is no prohibition on the worker.
    let n = norms("No worker shall be required to work on the weekly rest day.");
    assert_eq!(
        (n[0].modality, n[0].negated),
        (Modality::Obligation, true),
        "{n:#?}"
    );
}

#[test]
fn passives_find_their_agent_or_holder() {
    // (sentence, Indonesian, who keeps the papers, whether it is read as a passive where that matters)
    let cases: &[(&str, bool, Option<&str>, Option<bool>)] = &[
        (
            "The crew member's discharge book shall be kept by the skipper during the voyage.",
            false,
            Some("employer"),
            Some(true),
        ),
        (
            "Identity papers of the crew are to remain with the vessel's captain.",
            false,
            Some("employer"),
            None,
        ),
        (
            "The passport shall remain with the worker at all times.",
            false,
            Some("worker"),
            None,
        ),
        (
            "Paspor Pekerja dipegang oleh Majikan selama masa kontrak.",
            true,
            Some("employer"),
            Some(true),
        ),
        (
            "Kartu identitas Pekerja dititipkan kepada Pengguna.",
            true,
            Some("employer"),
            None,
        ),
        // The possessive before a keeping noun holds the papers.
        (
            "The passport shall be kept in the Sponsor's custody until the contract ends.",
            false,
            Some("employer"),
            None,
        ),
        // A verb that puts the papers somewhere, then a keeping phrase that names their holder.
        (
            "For the voyage, the crew's papers shall be put in a locked drawer in the custody of the skipper.",
            false,
            Some("employer"),
            Some(true),
        ),
        // The holder's name may run past the keeping noun's reach: "the licensed agency".
        (
            "At the worker's election, the passport may be placed in the custody of the licensed agency.",
            false,
            Some("agency"),
            Some(true),
        ),
        (
            "Dokumen perjalanan Pekerja disimpan selama kontrak berlangsung.",
            true,
            None,
            None,
        ),
    ];
    for &(sentence, indonesian, keeper, passive) in cases {
        let read = norms_in(sentence, indonesian);
        let n = with_action(&read, "keep");
        assert_eq!((role(&n), n.denied()), (keeper, false), "{sentence}");
        assert!(passive.is_none_or(|p| p == n.passive), "{sentence}");
    }

    // The possessive after a keeping phrase owns the papers: the point inherits its lead-in's bearer.
    let lead = norms("The Sponsor shall:\n").last().cloned();
    let definitions = Definitions::default();
    let reader = Reader::new(&definitions, false);
    let n = with_action(
        &reader.read(
            "take custody of the Worker's passport on arrival;",
            lead.as_ref(),
        ),
        "keep",
    );
    assert_eq!((role(&n), n.inherited), (Some("employer"), true));
}

#[test]
fn points_inherit_their_lead_in() {
    let definitions = Definitions::default();
    let reader = Reader::new(&definitions, false);
    let lead = reader.read("The Principal shall:", None);
    let n = with_action(
        &reader.read(
            "(d) look after the worker's passport until the work ends;",
            lead.last(),
        ),
        "keep",
    );
    assert_eq!(
        (role(&n), n.modality, n.inherited),
        (Some("employer"), Modality::Obligation, true)
    );

    let lead = reader.read("The Employer shall not:", None);
    let n = with_action(
        &reader.read("withhold any part of the wage;", lead.last()),
        "keep",
    );
    assert_eq!(n.modality, Modality::Prohibition);
}

#[test]
fn exclusions_and_cost_shifts() {
    let n = with_action(
        &norms("Farm hands are outside the scope of the minimum wage order."),
        "exclude",
    );
    assert!(!n.denied());
    let n = with_action(
        &norms("The statutory pay floor does not apply to live-in carers."),
        "exclude",
    );
    assert!(!n.denied(), "{n:#?}");
    let n = with_action(
        &norms_id("Pekerja musiman dikecualikan dari jaminan sosial."),
        "exclude",
    );
    assert!(!n.denied());
    let n = with_action(
        &norms("No category of worker shall be excluded from social insurance."),
        "exclude",
    );
    assert!(n.denied());

    let n = with_action(
        &norms(
            "The cost of the outbound flight is recovered from the worker's first two salaries.",
        ),
        "charge",
    );
    assert!(!n.denied());
    let n = with_action(
        &norms("Workers shall pay no placement fee of any kind."),
        "pay",
    );
    assert!(n.denied());
    let n = with_action(
        &norms_id("Pekerja tidak menanggung biaya pemeriksaan kesehatan."),
        "pay",
    );
    assert!(n.denied());
    let n = with_action(
        &norms_id("Biaya pelatihan dipotong dari upah bulanan Pekerja."),
        "deduct",
    );
    assert!(n.passive && !n.denied());
    let n = with_action(
        &norms("Any fee charged to the worker shall not exceed one week's pay."),
        "cap",
    );
    assert!(!n.denied(), "{n:#?}");
}

#[test]
fn conditions_that_hand_a_right_to_the_employer() {
    let n = norms(
        "The worker may take up another job, on condition that the current employer agrees in writing.",
    );
    let right = &n[0];
    assert_eq!(role(right), Some("worker"));
    assert!(right.employer_condition().is_some(), "{right:#?}");

    let n = norms(
        "The worker may take up another job without needing the current employer's agreement.",
    );
    assert!(n[0].employer_condition().is_none(), "{:#?}", n[0]);

    let n =
        norms_id("Pekerja dapat pindah Pengguna hanya dengan persetujuan tertulis Pengguna lama.");
    assert!(n[0].employer_condition().is_some(), "{:#?}", n[0]);

    let n = norms(
        "Staff are entitled to one free day a week, except when the hotel judges that demand requires otherwise.",
    );
    assert!(n[0].employer_condition().is_some(), "{:#?}", n[0]);
}

#[test]
fn a_consent_said_not_to_be_needed_is_no_condition() {
    // The denial stands inside what looks like "with … consent": the consent is not asked.
    for text in [
        "After recognition, the nurse may take up employment with another employer in the region without the consent of the first employer.",
        "A worker whose contract ends early may remain in the country until the end of the permit period to take up employment with another approved employer, and no consent of the former employer shall be required for that transfer.",
        "A worker may move to another employer, and the move does not require the consent of the current employer.",
    ] {
        let n = norms(text);
        assert!(
            n.iter().all(|n| n.employer_condition().is_none()),
            "{text}: {n:#?}"
        );
    }
    let n = norms_id(
        "Pekerja dapat pindah ke Pengguna lain dan untuk itu tidak diperlukan persetujuan Pengguna lama.",
    );
    assert!(n.iter().all(|n| n.employer_condition().is_none()), "{n:#?}");
    // An approved employer is an actor, not an approval: "with another approved employer" asks none.
    let n = norms("The worker may take up employment with another approved employer.");
    assert!(
        n.iter().all(|n| n.conditions.iter().all(|c| !c.consent)),
        "{n:#?}"
    );
    // The same words with the consent asked still make a condition in the employer's hands.
    let n = norms(
        "The worker may take up work with another employer only with the consent of the first employer.",
    );
    assert!(n[0].employer_condition().is_some(), "{n:#?}");
}

#[test]
fn the_treaty_and_third_parties_are_not_parties_to_a_condition() {
    let n = norms("The worker may resign if the Employer breaches this Agreement.");
    assert!(n[0].employer_condition().is_none(), "{n:#?}");
    let n = norms("Personal data shall not be passed on to third parties.");
    assert!(n[0].beneficiary.is_none(), "{n:#?}");
    let n = norms("The Receiving Party shall ensure that workers may keep their own passports.");
    let keep = with_action(&n, "keep");
    assert_eq!(role(&keep), Some("worker"), "{n:#?}");
}

#[test]
fn hedges_turn_duties_into_efforts() {
    let n = norms(
        "The receiving State shall provide shelters within the limits of available resources.",
    );
    assert_eq!(n[0].modality, Modality::HedgedDuty);
    let n = norms_id("Para Pihak menyediakan rumah singgah apabila memungkinkan.");
    assert_eq!(n[0].modality, Modality::HedgedDuty, "{n:#?}");
    let n = norms("The Parties shall exchange data every quarter.");
    assert_eq!(n[0].modality, Modality::Obligation);
}

#[test]
fn definitions_give_roles_to_the_agreement_s_own_names() {
    let definitions =
        Definitions::read(["\"Engaging Unit\" means the undertaking that hires the Worker."]);
    let reader = Reader::new(&definitions, false);
    let n = with_action(
        &reader.read("The Engaging Unit shall retain the residence card.", None),
        "keep",
    );
    assert_eq!(role(&n), Some("employer"));
}

#[test]
fn a_condition_between_modal_and_verb_leaves_the_verb_the_action() {
    let list = norms(
        "The Parties may, whenever either of them thinks it useful, convene the Joint Committee.",
    );
    let n = &list[0];
    assert_eq!(
        (
            role(n),
            n.modality,
            n.action.as_ref().map(|a| a.words.as_str())
        ),
        (Some("state"), Modality::Permission, Some("convene"))
    );
    assert_eq!(n.conditions.len(), 1, "{n:#?}");
}

#[test]
fn an_indonesian_relative_verb_is_not_the_main_verb() {
    let list = norms_id(
        "Sengketa yang menyangkut penafsiran Perjanjian ini diselesaikan oleh Komite Bersama.",
    );
    let n = &list[0];
    assert_eq!(
        (n.action.as_ref().map(|a| a.words.as_str()), n.passive),
        (Some("diselesaikan"), true)
    );
}

#[test]
fn a_joined_modal_shares_the_causatives_subject() {
    let list = norms_id(
        "Pemberi Kerja tidak boleh mewajibkan Pekerja membeli barang di toko tertentu dan tidak boleh menahan buku tabungan Pekerja.",
    );
    let n = with_action(&list, "keep");
    assert_eq!(
        (role(&n), n.modality),
        (Some("employer"), Modality::Prohibition)
    );
    let forced = &list[0];
    assert_eq!(
        forced.causer.as_ref().map(|a| a.role.name()),
        Some("employer")
    );
}

#[test]
fn an_opening_purpose_is_kept_apart_from_the_norm() {
    let list =
        norms("To avoid unlawful transfers, the worker shall send money home only through a bank.");
    let n = with_action(&list, "remit");
    assert_eq!(role(&n), Some("worker"));
    assert_eq!(n.purpose.as_deref(), Some("To avoid unlawful transfers"));
    let list = norms_id("Demi kesehatan Pekerja, Pengguna menyediakan makanan tiga kali sehari.");
    let n = with_action(&list, "provide");
    assert_eq!(role(&n), Some("employer"));
    assert_eq!(n.purpose.as_deref(), Some("Demi kesehatan Pekerja"));
}

#[test]
fn who_chooses_or_sets_what_a_norm_gives() {
    let n = &norms("The worker shall be paid an allowance fixed by the Employer.")[0];
    assert_eq!(
        n.chosen_by.as_ref().map(|a| a.role.name()),
        Some("employer")
    );
    let n = &norms("Meals shall be provided from a menu the Worker chooses.")[0];
    assert_eq!(n.chosen_by.as_ref().map(|a| a.role.name()), Some("worker"));
    let n =
        &norms("The rest day shall be a day approved by the employer and the worker together.")[0];
    assert_eq!(n.chosen_by, None);
}

#[test]
fn a_modal_in_a_purpose_clause_is_not_the_norms() {
    let definitions = Definitions::default();
    let reader = Reader::new(&definitions, false);
    let lead = reader.read("The Sponsor shall:", None);
    let list = reader.read(
        "(b) retain the worker's passport in the site office so that visas can be renewed on time;",
        lead.first(),
    );
    let n = with_action(&list, "keep");
    assert_eq!(
        (role(&n), n.modality, n.inherited),
        (Some("employer"), Modality::Obligation, true)
    );
    let list = norms_id("Pengguna menyimpan paspor Pekerja agar izin tinggal dapat diperpanjang.");
    let n = with_action(&list, "keep");
    assert_eq!(role(&n), Some("employer"));
}

#[test]
fn an_actor_inside_the_subjects_phrase_is_not_the_bearer() {
    let list =
        norms("Visits of inspectors to a household shall be arranged with the employer's consent.");
    assert_eq!(role(&list[0]), None, "{:#?}", list[0]);
    let list = norms("The employer shall keep a register of working hours.");
    assert_eq!(role(&list[0]), Some("employer"));
}

#[test]
fn a_passive_of_provide_is_no_proviso() {
    let n = &norms("Lodging shall be provided by the employer at no charge.")[0];
    assert_eq!(
        (role(n), n.passive, n.conditions.len()),
        (Some("employer"), true, 0)
    );
    let n =
        &norms("The worker may travel home, provided that the travel is booked a month ahead.")[0];
    assert_eq!(n.conditions.len(), 1);
}

#[test]
fn being_subject_to_something_is_no_condition() {
    let n =
        &norms("An agency that corrects the advert shall not be subject to any further penalty.")
            [0];
    assert_eq!(
        (role(n), n.denied(), n.conditions.len()),
        (Some("agency"), true, 0),
        "{n:#?}"
    );
    let n = &norms("Overtime may be worked subject to the worker's written agreement.")[0];
    assert_eq!(n.conditions.len(), 1, "{n:#?}");
}

#[test]
fn a_nullity_denies_what_it_voids() {
    let n = with_action(
        &norms("Any promise by a worker to repay the placement fee is void."),
        "repay",
    );
    assert!(n.denied(), "{n:#?}");
    let n = with_action(
        &norms_id(
            "Setiap perjanjian yang mewajibkan Pekerja membayar biaya penempatan batal demi hukum.",
        ),
        "pay",
    );
    assert!(n.denied(), "{n:#?}");
}

#[test]
fn a_modal_in_a_relative_clause_leaves_the_main_verb_its_norm() {
    let n = with_action(
        &norms(
            "This Section does not apply to kitchen workers hired for a single season, whose terms shall be those of their contracts.",
        ),
        "exclude",
    );
    assert!(!n.denied(), "{n:#?}");
    assert!(n.mentioned.iter().any(|r| r.is_worker_side()), "{n:#?}");
}

#[test]
fn the_owner_of_an_expense_or_funds_pays() {
    let n = with_action(
        &norms("Any medical bills beyond the cover shall be met from the Worker's own funds."),
        "pay",
    );
    assert_eq!(role(&n), Some("worker"), "{n:#?}");
    let n = with_action(
        &norms("The flight home is paid at the trainee's own expense."),
        "pay",
    );
    assert_eq!(role(&n), Some("worker"), "{n:#?}");
    // A request is no expense: the worker asks, someone else acts.
    let n = with_action(
        &norms("The passport shall be kept at the Worker's request."),
        "keep",
    );
    assert_eq!(role(&n), None, "{n:#?}");
}

#[test]
fn a_claim_that_lapses_is_lost() {
    let n = with_action(
        &norms("A claim for unpaid overtime shall lapse unless it is made within thirty days."),
        "lapse",
    );
    assert!(!n.denied());
    let n = with_action(
        &norms_id("Klaim atas santunan dinyatakan gugur apabila tidak diajukan dalam dua minggu."),
        "lapse",
    );
    assert!(!n.denied(), "{n:#?}");
}

#[test]
fn how_far_a_duty_goes_is_its_condition() {
    let n =
        norms("The Parties shall apply these Conventions in so far as their national laws permit.");
    assert!(
        n.iter().any(|n| n
            .conditions
            .iter()
            .any(|c| c.text.starts_with("in so far as"))),
        "{n:#?}"
    );
}

#[test]
fn a_condition_says_who_gives_its_consent() {
    let giver = |text: &str, id: bool| {
        let list = norms_in(text, id);
        list.iter()
            .flat_map(|n| n.conditions.iter())
            .find(|c| c.consent)
            .and_then(|c| c.giver)
    };
    // The worker named as the one released gives nothing; the employer before the verb does.
    assert_eq!(
        giver(
            "A Worker may change jobs where the Approved Employer has released the Worker in writing.",
            false
        ),
        Some(Role::Employer)
    );
    assert_eq!(
        giver(
            "The transfer takes effect upon the written release of the current Sponsor.",
            false
        ),
        Some(Role::Employer)
    );
    // Both sides agreeing is no one side's consent.
    assert_eq!(
        giver(
            "The contract may be renewed by agreement of the employer and the worker.",
            false
        ),
        None
    );
    assert_eq!(
        giver(
            "Dalam hal Pekerja dan Pengguna sepakat, Pekerja dapat tinggal di luar rumah Pengguna.",
            true
        ),
        None
    );
}

#[test]
fn nothing_requiring_the_worker_is_a_freedom() {
    let n = with_action(
        &norms(
            "Nothing in this Memorandum shall oblige a Worker to send any part of the wage home.",
        ),
        "remit",
    );
    assert_eq!(n.modality, Modality::Obligation, "{n:#?}");
    assert!(n.negated, "{n:#?}");
}

#[test]
fn someone_recruited_under_the_agreement_is_a_worker() {
    let definitions = Definitions::read([
        "\"Rider\" means a Nepali national recruited under this Memorandum to deliver goods by motorcycle.",
    ]);
    let n = Reader::new(&definitions, false).read("The Rider shall carry a valid licence.", None);
    assert_eq!(n.first().and_then(role), Some("worker"), "{n:#?}");
}

#[test]
fn a_long_subject_and_a_pronoun_keep_their_cost_words() {
    let list = norms_id(
        "Biaya pengurusan visa serta biaya penginapan dan makan calon pekerja selama menunggu di tempat penampungan ditalangi oleh agensi dan dikembalikan oleh pekerja melalui potongan upah.",
    );
    let n = with_action(&list, "repay");
    assert!(n.object_mentions(&["biaya"]), "{n:#?}");
    let list = norms(
        "The Employer shall pay that advance to the agency and shall recover it from the Worker's wages.",
    );
    let n = with_action(&list, "charge");
    assert!(n.object_mentions(&["advance"]), "{n:#?}");
}

#[test]
fn a_party_s_short_name_is_that_party_acting() {
    let mut definitions = Definitions::default();
    definitions.name_party("MBIE", Role::DestinationAuthority);
    // A short name the lexicon already reads keeps the lexicon's reading.
    definitions.name_party("Employer", Role::State);
    let reader = Reader::new(&definitions, false);
    let n = with_action(
        &reader.read("MBIE may revise the annexes by written notice.", None),
        "amend",
    );
    assert_eq!(role(&n), Some(Role::DestinationAuthority.name()), "{n:#?}");
    let n = with_action(
        &reader.read("The Employer shall pay the wage monthly.", None),
        "pay",
    );
    assert_eq!(role(&n), Some("employer"));
}

#[test]
fn a_time_in_the_subject_leaves_the_main_verb_outside() {
    let list = norms_id(
        "Pemeriksaan kesehatan setelah kedatangan dilakukan oleh dokter yang ditunjuk oleh Pengguna, dan hasilnya disampaikan kepada Pengguna.",
    );
    let n = list
        .iter()
        .find(|n| n.action.as_ref().is_some_and(|a| a.words == "dilakukan"))
        .unwrap_or_else(|| panic!("no norm on the examination: {list:#?}"));
    assert_eq!(
        n.chosen_by.as_ref().map(|a| a.role),
        Some(Role::Employer),
        "{n:#?}"
    );
}

#[test]
fn nobody_but_the_worker_has_the_right_denies_it_to_the_rest() {
    let n = with_action(
        &norms_id("Tidak seorang pun selain Pekerja berhak menyimpan paspor Pekerja."),
        "keep",
    );
    assert!(n.denied(), "{n:#?}");
    let n = with_action(
        &norms("No person other than the worker is entitled to keep the worker's passport."),
        "keep",
    );
    assert!(n.denied(), "{n:#?}");
}

#[test]
fn a_ban_denied_is_a_freedom() {
    for (list, class) in [
        (
            norms("Workers shall not be prohibited from leaving the dormitory on rest days."),
            "leave",
        ),
        (
            norms_id("Pekerja tidak boleh dilarang meninggalkan akomodasi pada hari libur."),
            "leave",
        ),
        (
            norms("Workers are not prohibited from leaving the dormitory on rest days."),
            "leave",
        ),
        (
            norms_id("Pekerja tidak dilarang meninggalkan akomodasi pada hari libur."),
            "leave",
        ),
    ] {
        let n = with_action(&list, class);
        assert_eq!(
            (role(&n), n.modality, n.denied()),
            (Some("worker"), Modality::Permission, false),
            "{n:#?}"
        );
    }
    // The one who forbids, actively, is still forbidden to.
    let n = norms_id("Pengguna tidak boleh melarang Pekerja berkomunikasi dengan keluarga.");
    assert!(
        n.iter().all(|n| n.modality != Modality::Permission),
        "{n:#?}"
    );
    let n = with_action(
        &norms("Workers are prohibited from leaving the dormitory."),
        "leave",
    );
    assert_eq!(n.modality, Modality::Prohibition);
}

/// Being prevented, barred or kept from an act is a ban, in either language; denied, by a negator or by a
/// negative subject, it is a freedom: "The Employer shall not be prevented from keeping the passport"
/// lets the employer keep it.
#[test]
fn a_prevention_denied_is_a_freedom() {
    for (list, class, bearer) in [
        (
            norms("The Employer shall not be prevented from keeping the Worker's passport."),
            "keep",
            "employer",
        ),
        (
            norms("No Agency shall be prevented from charging the Worker a placement fee."),
            "charge",
            "agency",
        ),
        (
            norms("No worker shall be prohibited from joining a trade union."),
            "join",
            "worker",
        ),
        (
            norms_id("Pengguna tidak dapat dicegah untuk menahan paspor Pekerja."),
            "keep",
            "employer",
        ),
    ] {
        let n = with_action(&list, class);
        assert_eq!(
            (role(&n), n.modality, n.denied()),
            (Some(bearer), Modality::Permission, false),
            "{n:#?}"
        );
    }
    for (list, class) in [
        (
            norms("The worker shall be prevented from leaving the house at night."),
            "leave",
        ),
        (
            norms_id("Pekerja dicegah meninggalkan rumah pada malam hari."),
            "leave",
        ),
        (norms("No employer shall keep a worker's passport."), "keep"),
    ] {
        let n = with_action(&list, class);
        assert_eq!(n.modality, Modality::Prohibition, "{n:#?}");
    }
}

#[test]
fn the_one_kept_from_an_act_bears_it() {
    for (list, free) in [
        (
            norms("Nothing in this Agreement shall prevent workers from joining a trade union."),
            true,
        ),
        (
            norms_id(
                "Pengguna tidak boleh menghalangi Pekerja untuk bergabung dengan serikat pekerja.",
            ),
            true,
        ),
        (
            norms("The Employer shall prevent workers from leaving the premises at night."),
            false,
        ),
    ] {
        let n = list
            .iter()
            .find(|n| n.bearer_role() == Some(Role::Worker))
            .unwrap_or_else(|| panic!("no worker norm in {list:#?}"));
        let expected = if free {
            Modality::Permission
        } else {
            Modality::Prohibition
        };
        assert_eq!((n.modality, n.negated), (expected, false), "{n:#?}");
    }
}

#[test]
fn an_actor_inside_a_relative_clause_is_not_the_subject() {
    let n = norms_id("Perubahan yang merugikan PMI tidak berlaku.");
    assert!(n.iter().all(|n| n.bearer.is_none()), "{n:#?}");
    // An adjective that looks like an approval names an actor, not a consent to obtain.
    let n =
        norms("Where an Approved Employer fails to do so, the Ministry shall arrange the return.");
    assert!(
        n.iter().flat_map(|n| &n.conditions).all(|c| !c.consent),
        "{n:#?}"
    );
}

#[test]
fn what_may_not_be_done_on_a_ground_is_denied() {
    let n = with_action(
        &norms_id(
            "Kehamilan atau cuti melahirkan bukan merupakan alasan untuk memutuskan hubungan kerja.",
        ),
        "terminate",
    );
    assert!(n.denied(), "{n:#?}");
    let n = with_action(
        &norms("Lodging a complaint is not a ground for dismissing the worker."),
        "terminate",
    );
    assert!(n.denied(), "{n:#?}");
}

#[test]
fn a_permit_the_worker_owns_is_what_ends() {
    let n = with_action(
        &norms(
            "On the date employment ends, the Worker's residence permit shall cease to be valid.",
        ),
        "terminate",
    );
    assert_eq!(role(&n), None, "{n:#?}");
    assert!(n.object.contains("residence permit"), "{n:#?}");
    let n = with_action(
        &norms("On termination the Worker's residence permit shall be cancelled."),
        "terminate",
    );
    assert!(n.object.contains("residence permit"), "{n:#?}");
}

#[test]
fn a_bound_set_off_by_commas_describes_the_subject() {
    let n = with_action(
        &norms_id(
            "Sebagian upah, paling banyak tiga puluh persen, disisihkan setiap bulan sebagai tabungan.",
        ),
        "keep",
    );
    assert!(n.object.starts_with("Sebagian upah"), "{n:#?}");
}

#[test]
fn a_document_that_remains_valid_is_a_statement() {
    let list =
        norms("The medical certificate remains valid for three years from the date of issue.");
    assert!(
        list.iter()
            .any(|n| n.acts(&["valid"]) && n.object.contains("three years")),
        "{list:#?}"
    );
}

#[test]
fn an_adverb_after_the_modal_is_not_the_verb() {
    for (text, verb) in [
        (
            "The employment contract may nevertheless set other terms.",
            "set",
        ),
        ("Embassy staff may then visit the detained worker.", "visit"),
        (
            "The employer shall instead lodge a yearly report with the ministry.",
            "lodge",
        ),
    ] {
        let list = norms(text);
        let action = list[0].action.as_ref().map(|a| a.words.as_str());
        assert_eq!(action, Some(verb), "{text}: {list:#?}");
    }
}

#[test]
fn a_permit_held_is_a_document_not_a_consent() {
    let list =
        norms("A spouse may join the worker once the worker has held a permit for two years.");
    assert!(list[0].conditions.iter().all(|c| !c.consent), "{list:#?}");
    let list = norms_id("Perjanjian kerja tetap berlaku sampai izin tinggal Pekerja berakhir.");
    assert!(list.iter().all(|n| !n.acts(&["consent"])), "{list:#?}");
}

#[test]
fn staff_act_for_their_institution_and_a_prospective_employer_is_an_employer() {
    let n = &norms("Embassy staff may visit the detained worker.")[0];
    assert_eq!(role(n), Some("authority"));
    let n = &norms("Hotel staff shall receive two days of rest each week.")[0];
    assert_eq!(role(n), Some("worker"));
    let n = &norms_id("Laporan kesehatan dikirimkan kepada calon Pemberi Kerja.")[0];
    assert_eq!(
        n.beneficiary.as_ref().map(|a| a.role.name()),
        Some("employer"),
        "{n:#?}"
    );
    // The noun that opens the clause is its subject; the prefixed verb is the action.
    assert_eq!(
        n.action.as_ref().map(|a| a.words.as_str()),
        Some("dikirimkan")
    );
}

#[test]
fn a_duty_joined_to_a_passive_falls_on_the_passive_s_subject() {
    let list = norms(
        "Female workers may only be employed by day and shall carry written permission from a parent.",
    );
    let carry = list
        .iter()
        .find(|n| n.modality == Modality::Obligation)
        .expect("the joined duty");
    assert_eq!(role(carry), Some("worker"), "{list:#?}");
    let list = norms_id(
        "Pekerja perempuan hanya dapat dipekerjakan pada siang hari dan wajib membawa izin tertulis dari orang tuanya.",
    );
    let carry = list
        .iter()
        .find(|n| n.modality == Modality::Obligation)
        .expect("the joined duty");
    assert_eq!(role(carry), Some("worker"), "{list:#?}");
}

#[test]
fn a_modal_inside_a_relative_clause_describes_the_subject() {
    let list = norms("Workers who may not leave the vessel shall receive shore leave pay.");
    assert!(
        list.iter().all(|n| n.modality != Modality::Prohibition),
        "{list:#?}"
    );
    let list = norms_id(
        "Sengketa yang tidak dapat diselesaikan oleh Komite Bersama dibawa ke pertemuan tahunan.",
    );
    assert!(
        list.iter().all(|n| n.modality != Modality::Prohibition),
        "{list:#?}"
    );
    // Set off by a comma, it states a norm of its own.
    let list = norms(
        "The agency shall not demand any payment other than a processing charge, which shall not exceed one week's wage.",
    );
    assert_eq!(list.len(), 2, "{list:#?}");
}

#[test]
fn no_less_favourable_is_a_floor_not_a_denial() {
    let list =
        norms("Workers receive pay no less favourable than that given to other migrant workers.");
    assert!(list.iter().all(|n| !n.denied()), "{list:#?}");
}

#[test]
fn a_purchase_by_the_worker_is_a_cost_on_the_worker() {
    let n = with_action(
        &norms_id("Sepatu kerja pengganti dibeli sendiri oleh Pekerja dengan harga pasar."),
        "pay",
    );
    assert_eq!(role(&n), Some("worker"), "{n:#?}");
}

#[test]
fn a_condition_after_a_main_verb_holds_its_own_modal() {
    let list = norms(
        "Sanctions are imposed on the agency only if the worker can prove that the advert was false.",
    );
    assert_eq!(list.len(), 1, "{list:#?}");
    assert!(
        list[0].conditions[0].text.ends_with("the advert was false"),
        "{list:#?}"
    );
    let list = norms_id(
        "Sanksi dijatuhkan kepada agen apabila Pekerja dapat membuktikan bahwa iklan itu palsu.",
    );
    assert!(
        list.iter().all(|n| n.modality != Modality::Permission),
        "{list:#?}"
    );
}

#[test]
fn a_statement_s_verb_is_not_a_relative_clause_s() {
    let list = norms_id(
        "Atas permintaan Pihak lain, setiap Pihak menyampaikan daftar kapal dan perusahaan yang mempekerjakan awak kapal.",
    );
    assert_eq!(
        list[0].action.as_ref().map(|a| a.words.as_str()),
        Some("menyampaikan"),
        "{list:#?}"
    );
}

#[test]
fn a_purpose_at_the_end_says_why() {
    let list = norms(
        "The helper shall leave the house only with a member of the family, so that the helper stays safe.",
    );
    assert_eq!(
        list[0].purpose.as_deref(),
        Some("so that the helper stays safe"),
        "{list:#?}"
    );
    let list = norms_id(
        "Pekerja wajib keluar rumah bersama anggota keluarga Pengguna, agar keselamatan Pekerja terjaga.",
    );
    assert!(
        list[0]
            .purpose
            .as_deref()
            .is_some_and(|p| p.starts_with("agar")),
        "{list:#?}"
    );
}

#[test]
fn an_approval_in_a_relative_clause_is_a_consent_and_its_agent_is_not_the_verb_s() {
    let list = norms_id(
        "Kunjungan pengawas dilakukan pada waktu yang disetujui oleh Pengguna, dengan menghormati privasi.",
    );
    let n = &list[0];
    assert_eq!(role(n), None, "{list:#?}");
    assert!(
        n.conditions
            .iter()
            .any(|c| c.consent && c.giver == Some(Role::Employer)),
        "{list:#?}"
    );
}

#[test]
fn a_legal_remedy_is_no_hedge() {
    let list = norms_id("Pekerja berhak menempuh upaya hukum atas pemutusan hubungan kerja.");
    assert!(list.iter().all(|n| n.hedge.is_none()), "{list:#?}");
    let list = norms_id("Para Pihak melakukan upaya untuk mempercepat proses pengaduan.");
    assert!(list.iter().any(|n| n.hedge.is_some()), "{list:#?}");
}

#[test]
fn a_clause_joined_after_a_comma_with_its_own_subject_has_its_own_verb() {
    let list = norms_id(
        "Pemeriksaan terbatas pada kelayakan kerja, dan Calon Pekerja tidak menjalani tes HIV.",
    );
    let test = list
        .iter()
        .find(|n| n.action.as_ref().is_some_and(|a| a.words == "menjalani"))
        .expect("the joined clause's verb");
    assert!(test.denied(), "{list:#?}");
    assert_eq!(role(test), Some("worker"), "{list:#?}");
    // "tidak meliputi" excludes what follows.
    let list = norms_id("Pemeriksaan kesehatan bersifat rahasia dan tidak meliputi tes HIV.");
    assert!(list.iter().any(|n| n.acts(&["exclude"])), "{list:#?}");
}

#[test]
fn that_after_an_actor_opens_a_relative_clause() {
    let n = with_action(
        &norms(
            "The recruitment agency that deployed the worker shall bear the cost of the return.",
        ),
        "pay",
    );
    assert_eq!(role(&n), Some("agency"), "{n:#?}");
}

#[test]
fn a_noun_that_opens_a_clause_is_not_its_verb_where_a_verb_follows() {
    let list = norms("Payment in kind is excluded.");
    assert!(list[0].acts(&["exclude"]), "{list:#?}");
    // A point that is only a noun keeps it.
    let list = norms("Payment of wages on time.");
    assert!(list[0].acts(&["pay"]), "{list:#?}");
}

#[test]
fn an_indonesian_consent_noun_s_owner_follows_it() {
    let list = norms_id("Awak Kapal dapat turun ke darat setelah memperoleh izin Nakhoda.");
    assert!(
        list[0]
            .conditions
            .iter()
            .any(|c| c.consent && c.giver == Some(Role::Employer)),
        "{list:#?}"
    );
}

#[test]
fn a_modal_that_is_a_light_verb_is_the_verb_when_no_action_follows() {
    let list = norms("The Grower shall guarantee each Worker thirty hours of paid work a week.");
    assert_eq!(role(&list[0]), Some("employer"), "{list:#?}");
    assert_eq!(
        list[0].action.as_ref().map(|a| a.words.as_str()),
        Some("guarantee"),
        "{list:#?}"
    );
    // With an action after it, the action is the verb.
    assert!(norms("The employer shall ensure the payment of wages.")[0].acts(&["pay"]));
}

#[test]
fn an_english_passive_without_a_modal_is_a_statement() {
    let list = norms(
        "A seafarer who complains of ill-treatment is moved ashore once the skipper has agreed.",
    );
    assert_eq!(list.len(), 1, "{list:#?}");
    assert_eq!(list[0].modality, Modality::Statement, "{list:#?}");
    assert_eq!(
        list[0].action.as_ref().map(|a| a.words.as_str()),
        Some("moved"),
        "{list:#?}"
    );
    assert_eq!(list[0].conditions.len(), 1, "{list:#?}");
}

#[test]
fn a_relative_clause_with_its_own_actor_keeps_its_modal() {
    // "during which a live-in carer must …" describes the period; the sentence's "No … shall" forbids.
    let list = norms(
        "No night during which a live-in carer must answer calls from the family shall be treated as rest.",
    );
    assert_eq!(list.len(), 1, "{list:#?}");
    assert_eq!(list[0].modality, Modality::Prohibition, "{list:#?}");
}

#[test]
fn a_clause_joined_after_a_comma_has_its_own_verb_and_words() {
    // The joined clause's subject is a noun phrase, so its verb comes further on; its words start at the
    // conjunction, not in the clause before it.
    let list = norms(
        "The operator pays for care on board up to a fixed sum, and any cost beyond that sum is met by the crew member.",
    );
    let joined = list.last().expect("norms");
    assert_eq!(joined.bearer_role(), Some(Role::Worker), "{list:#?}");
    assert!(!joined.words().contains("operator"), "{list:#?}");
    let list =
        norms_id("Pemeriksaan tidak meliputi tes HIV, dan sisanya dibiayai oleh Awak Kapal.");
    let joined = list.last().expect("norms");
    assert_eq!(joined.bearer_role(), Some(Role::Worker), "{list:#?}");
    assert!(!joined.words().contains("hiv"), "{list:#?}");
}

#[test]
fn after_a_possessive_the_verb_follows_what_the_actor_has() {
    let list =
        norms("The crew member's seaman book remains with the skipper until the vessel returns.");
    assert_eq!(list.len(), 1, "{list:#?}");
    assert!(list[0].acts(&["keep"]), "{list:#?}");
    assert_eq!(list[0].bearer_role(), Some(Role::Employer), "{list:#?}");
    let list = norms("The worker's residence card expires on the day the contract ends.");
    assert_eq!(
        list.first()
            .and_then(|n| n.action.as_ref())
            .map(|a| a.words.as_str()),
        Some("expires"),
        "{list:#?}"
    );
}

#[test]
fn a_noun_that_looks_like_a_verb_gives_way_to_the_passive() {
    // "pay" and "leave" are nouns of the subject here; the verb is the passive after "is".
    let n = norms(
        "Overtime pay earned in the first two months is paid in one sum with the third month's wage.",
    );
    assert!(n[0].passive && n[0].acts(&["pay"]), "{n:#?}");
    assert!(n[0].object_mentions(&["overtime"]), "{n:#?}");
    let n = norms("Annual leave is granted after one year of service.");
    assert!(n[0].passive, "{n:#?}");
    // A denied verb stays the verb, and a passive of another clause does not take its place.
    let n = norms(
        "The examination does not include pregnancy testing, and its cost is borne by the employer.",
    );
    assert!(
        !n[0].passive
            && n[0]
                .action
                .as_ref()
                .is_some_and(|a| a.words == "does not include"),
        "{n:#?}"
    );
}

#[test]
fn a_time_clause_that_opens_the_sentence_and_a_without_before_a_noun() {
    // "While …," is a condition; the main clause's actor and verb are the norm's.
    let n = norms(
        "While the boat is at sea and during its port calls, the skipper keeps the crew's passports in the safe.",
    );
    assert!(
        n.iter()
            .any(|n| role(n) == Some("employer") && n.acts(&["keep"])),
        "{n:#?}"
    );
    // *tanpa pemberitahuan* denies the notice, not the verb after it.
    let n = norms_id(
        "Pekerja yang tidak hadir empat hari berturut-turut tanpa pemberitahuan dianggap mengundurkan diri.",
    );
    assert!(!n[0].denied(), "{n:#?}");
}

#[test]
fn an_opening_phrase_of_time_is_no_part_of_the_norm() {
    // The verb comes after "On …, ": "work" in "the work agreement" is no verb.
    let n = norms(
        "On the closing of accounts at the end of the work agreement, the vessel owner sets off against the pay any goods taken from the store.",
    );
    assert!(
        n.iter()
            .any(|n| role(n) == Some("employer") && n.acts(&["deduct"])),
        "{n:#?}"
    );
}

#[test]
fn a_joined_clause_with_its_own_subject_keeps_it() {
    // *dan biaya … menjadi tanggungan Pekerja*: the cost is the worker's, and the clause's subject is
    // the cost, not the treatment of the clause before it.
    let n = norms_id(
        "Perawatan diberikan melalui asuransi dengan batas pertanggungan, dan biaya perawatan yang melebihi batas tersebut menjadi tanggungan Pekerja.",
    );
    let cost = n
        .iter()
        .find(|n| role(n) == Some("worker"))
        .expect("the worker's norm");
    assert!(cost.object.starts_with("biaya"), "{n:#?}");
    // A debt bondage named as a harm is no loan: "protect workers from debt bondage".
    let n =
        norms_id("Para Pihak melindungi Pekerja dari kekerasan, kerja paksa, dan jeratan utang.");
    assert!(n.iter().all(|n| !n.acts(&["advance"])), "{n:#?}");
}

#[test]
fn nouns_after_a_determiner_and_requirements_declared_no_bar() {
    // "a substitute contract": the verb is the ban after it ("is barred from").
    let n =
        norms("An agency that presents a substitute contract is barred from further recruitment.");
    assert!(
        n[0].modality == Modality::Prohibition && !n[0].acts(&["change"]),
        "{n:#?}"
    );
    // "… is no bar": the consent is not required.
    let n = norms("The absence of the current employer's consent is no bar to the change.");
    assert!(n.iter().all(|n| n.denied()), "{n:#?}");
    // *PRT* is the worker, and keeping the passport oneself is the worker's act.
    let n = norms_id("Paspor dan dokumen identitas lainnya dipegang sendiri oleh PRT.");
    assert_eq!(role(&n[0]), Some("worker"), "{n:#?}");
    // The authority that repatriates is the one that recovers the cost.
    let n = norms(
        "Where the owner fails to act, the Department repatriates the fisher and recovers the cost from the owner.",
    );
    assert!(n.iter().all(|n| role(n) == Some("authority")), "{n:#?}");
}

#[test]
fn an_action_phrase_that_runs_past_its_norm_does_not_panic() {
    // A joined clause after a repatriation once made the object's range run backwards.
    let n = norms_id(
        "Pekerja perempuan yang diketahui hamil dipulangkan ke daerah asal, dan Perjanjian Kerjanya dianggap berakhir sejak hari itu.",
    );
    assert!(!n.is_empty());
}

/// A statement whose own verb keeps someone from an act ("Nothing in paragraph 1 prevents the Employer
/// from keeping …", "Paragraph 1 does not prevent …") leaves them free to do it, with no modal written;
/// one not denied bans it ("The Employer prevents the Worker from leaving the house").
#[test]
fn a_statement_that_prevents_names_who_is_kept_from_the_act() {
    for (text, class, bearer, modality) in [
        (
            "Nothing in paragraph 1 prevents the Employer from keeping the residence permit.",
            "keep",
            "employer",
            Modality::Permission,
        ),
        (
            "Paragraph 1 does not prevent the Sponsor from retaining the work permit in the household's files.",
            "keep",
            "employer",
            Modality::Permission,
        ),
        (
            "The Employer prevents the Worker from leaving the house after dark.",
            "leave",
            "worker",
            Modality::Prohibition,
        ),
    ] {
        let n = with_action(&norms(text), class);
        assert_eq!(
            (role(&n), n.modality, n.denied()),
            (Some(bearer), modality, modality == Modality::Prohibition),
            "{text}: {n:#?}"
        );
    }
}

/// A sum put on someone without a verb of paying: "payable by", "for the Worker's account", "responsible
/// for" a fee, *bertanggung jawab atas* or *merupakan tanggung jawab* a party. The subject of "is,
/// however, payable" is the fee, not the adverb.
#[test]
fn a_sum_someone_answers_for_is_theirs_to_pay() {
    for (list, bearer, object) in [
        (
            norms("The placement fee of the agency is, however, payable by the Worker."),
            "worker",
            "The placement fee of the agency",
        ),
        (
            norms("The costs of the agency's service are for the Worker's account."),
            "worker",
            "The costs of the agency's service",
        ),
        (
            norms("The Worker is responsible for the agency's placement fee."),
            "worker",
            "the agency's placement fee",
        ),
        (
            norms_id("Pekerja bertanggung jawab atas biaya jasa agensi."),
            "worker",
            "biaya jasa agensi",
        ),
        (
            norms_id("Biaya jasa agensi merupakan tanggung jawab Pekerja."),
            "worker",
            "Biaya jasa agensi",
        ),
    ] {
        let n = with_action(&list, "pay");
        assert_eq!(
            (role(&n), n.denied(), n.object.as_str()),
            (Some(bearer), false, object),
            "{n:#?}"
        );
    }
    // Being responsible for something that is no sum is a duty of care, not a payment.
    assert!(
        !norms("The Employer is responsible for the safety of the Worker.")
            .iter()
            .any(|n| n.acts(&["pay"]))
    );
    // *Bertanggung jawab* before a verb is the modal of that verb.
    let list = norms_id("P3MI bertanggung jawab menempatkan Pekerja.");
    let n = &list[0];
    assert_eq!(
        (role(n), n.action.as_ref().map(|a| a.words.as_str())),
        (Some("agency"), Some("menempatkan")),
        "{n:#?}"
    );
}

/// A point with no verb of its own ("(c) the medical examination;") does what its lead-in does, to it.
/// A lead-in that ends by naming an actor before "including:" lists items of its object: the actor is
/// no subject of the points.
#[test]
fn a_verbless_point_takes_its_lead_ins_act() {
    let definitions = Definitions::default();
    for (indonesian, lead, point, object) in [
        (
            false,
            "The Employer shall bear the cost of:",
            "the medical examination;",
            "the medical examination",
        ),
        (
            true,
            "Pemberi Kerja wajib menanggung biaya:",
            "pemeriksaan kesehatan.",
            "pemeriksaan kesehatan",
        ),
    ] {
        let reader = Reader::new(&definitions, indonesian);
        let lead = reader.read(lead, None).pop();
        let n = with_action(&reader.read(point, lead.as_ref()), "pay");
        assert_eq!(
            (role(&n), n.modality, n.inherited, n.object.as_str()),
            (Some("employer"), Modality::Obligation, true, object),
            "{n:#?}"
        );
    }
    let reader = Reader::new(&definitions, false);
    let text = "Approved Employers shall pay the recruitment costs of each Worker, including:";
    assert!(
        reader
            .trailing_actor_tokens(text, &crate::lexicon::tokenize(text))
            .is_none()
    );
    let text = "The Parties shall ensure that domestic workers:";
    assert!(
        reader
            .trailing_actor_tokens(text, &crate::lexicon::tokenize(text))
            .is_some()
    );
}

/// A sentence that takes something out of a part of an article or a ban is a carve-out; one that says a
/// whole article does not reach a matter, or leaves workers out, is not.
#[test]
fn a_carve_out_takes_a_thing_out_of_a_provision() {
    for (list, carves) in [
        (
            norms("This prohibition does not extend to the residence permit."),
            true,
        ),
        (
            norms("Paragraph 1 shall not apply to the work permit."),
            true,
        ),
        (
            norms_id(
                "Larangan sebagaimana dimaksud pada ayat (1) tidak berlaku untuk izin tinggal.",
            ),
            true,
        ),
        (
            norms(
                "This Article does not apply to individual disputes between a worker and an employer.",
            ),
            false,
        ),
        (
            norms("Paragraph 1 shall not apply to domestic workers."),
            false,
        ),
        (
            norms(
                "Worksites classified as strategic shall be excluded from inspection under paragraph 2.",
            ),
            false,
        ),
    ] {
        assert_eq!(list.iter().any(Norm::carves_out), carves, "{list:#?}");
    }
}

/// A condition opener of several words set off by a comma is the whole condition: the subject after the
/// comma is the norm's ("At the Employer's request, the monthly wage may be paid to the agency").
#[test]
fn a_leading_condition_ends_at_its_comma() {
    let n = with_action(
        &norms("At the Employer's request, the monthly wage may be paid to the placement agency."),
        "pay",
    );
    assert_eq!(
        (
            n.object.as_str(),
            n.conditions.first().map(|c| c.text.as_str())
        ),
        ("the monthly wage", Some("At the Employer's request")),
        "{n:#?}"
    );
}

#[test]
fn a_time_of_day_stays_in_its_sentence() {
    // "21:00" and "9 p.m." are no sentence ends: the exception after them stays with the duty.
    let n = norms("Workers shall be back at the hostel by 21:00, unless the Employer has agreed.");
    assert_eq!(n.len(), 2, "{n:#?}");
    assert_eq!(role(&n[0]), Some("worker"));
    assert!(n[0].object.contains("21:00"), "{n:#?}");
    assert!(!n[0].conditions.is_empty(), "{n:#?}");
    let n = norms("Workers shall return to the hostel by 9 p.m. on rest days.");
    assert_eq!(n.len(), 1, "{n:#?}");
    assert!(n[0].object.contains("rest days"), "{n:#?}");
    // A full stop before a capital still ends the sentence.
    assert_eq!(
        norms("The Employer shall pay by 5 p.m. The Worker may leave.").len(),
        2
    );
}

#[test]
fn a_participle_after_an_actor_opens_a_reduced_relative_clause() {
    let n = norms(
        "Workers living in Employer accommodation may leave it only with a pass signed by the supervisor.",
    );
    assert_eq!(
        (role(&n[0]), n[0].modality),
        (Some("worker"), Modality::Permission)
    );
    let n = norms("Employers hiring domestic workers shall register each contract.");
    assert_eq!(role(&n[0]), Some("employer"));
}

#[test]
fn is_to_be_binds() {
    let n = norms("The worker's passport is to be kept by the employer.");
    assert_eq!(
        (role(&n[0]), n[0].modality),
        (Some("employer"), Modality::Obligation)
    );
}

#[test]
fn pengusaha_is_the_employer() {
    // Indonesia's Manpower Act calls the employer *Pengusaha*; a draft may use it undefined.
    let n = norms_id("Pengusaha wajib membayar upah Pekerja setiap bulan.");
    assert_eq!(role(&n[0]), Some("employer"));
}

#[test]
fn a_recruitment_company_is_an_agency() {
    // A lexicon phrase is one name: "company" inside "recruitment company" is no employer.
    let n = norms("The recruitment company may charge the worker a service fee.");
    assert_eq!(role(&n[0]), Some("agency"));
    let n = norms("The placement firm shall refund the fee to the worker.");
    assert_eq!(role(&n[0]), Some("agency"));
    let n = norms_id("Mitra Usaha wajib mengembalikan biaya kepada Pekerja.");
    assert_eq!(role(&n[0]), Some("agency"));
    // The employer's own company is still the employer.
    let n = norms("The company shall pay the worker monthly.");
    assert_eq!(role(&n[0]), Some("employer"));
}

#[test]
fn may_before_a_right_only_allows_it() {
    let n = norms("Workers may be free to leave the workplace.");
    assert_eq!(n[0].modality, Modality::Permission);
    let n = norms("Workers shall be free to leave the workplace.");
    assert_eq!(n[0].modality, Modality::Right);
}

#[test]
fn an_actor_before_a_joined_modal_is_its_own_subject() {
    // Run 10: "…, and Workers may communicate" had made the employer the one who may.
    let n = norms("The Employer shall pay the wage, and Workers may keep their phones.");
    assert_eq!(role(&n[1]), Some("worker"), "{n:#?}");
    let n = norms(
        "The Worker shall keep his or her own passport, and no Employer or agency shall hold them.",
    );
    assert_eq!(
        (role(&n[1]), n[1].modality),
        (Some("agency"), Modality::Prohibition),
        "{n:#?}"
    );
    // Without an actor of its own the second modal still shares the first one's subject.
    let n =
        norms("The Sending Party shall register the agencies and shall not clear unlicensed ones.");
    assert_eq!(role(&n[1]), Some("origin-authority"), "{n:#?}");
}

#[test]
fn a_sum_named_before_is_read_as_the_one_that_named_it() {
    // In the sentence, in a later sentence, and with *tersebut*.
    let list = norms(
        "The return ticket shall be bought by the Employer, and its cost shall be set off against the \
         Worker's last wages.",
    );
    let n = with_action(&list, "deduct");
    assert_eq!(n.sum_named_before.as_deref(), Some("the return ticket"));
    assert!(n.object_mentions(&["ticket"]));

    // (clause, Indonesian, the act of the norm that points back, a word of the sum it points back to):
    // in a later sentence, with *tersebut*, and by a reference to where the sum was named.
    let cases: &[(&str, bool, &str, &str)] = &[
        (
            "The Employer shall first pay for the training course. The Worker shall repay such costs \
             in six instalments.",
            false,
            "repay",
            "training",
        ),
        (
            "Biaya kursus bahasa ditalangi oleh Pemberi Kerja. Biaya tersebut dipotong dari upah \
             Pekerja.",
            true,
            "deduct",
            "kursus",
        ),
        (
            "The Employer shall first pay the airfare to the worksite. The costs referred to above \
             shall be deducted from the Worker's wages.",
            false,
            "deduct",
            "airfare",
        ),
        (
            "Tiket pesawat ke tempat kerja dibayar terlebih dahulu oleh Mitra Usaha. Biaya \
             sebagaimana dimaksud di atas diperhitungkan dengan upah Pekerja.",
            true,
            "deduct",
            "tiket",
        ),
        (
            "The agency shall pay the visa fee on the Worker's behalf. Amounts paid in advance under \
             paragraph 2 shall be deducted from the Worker's wages.",
            false,
            "deduct",
            "visa",
        ),
    ];
    for &(clause, indonesian, act, named) in cases {
        let list = norms_in(clause, indonesian);
        let n = with_action(&list, act);
        assert!(n.object_mentions(&[named]), "{clause}: {n:#?}");
    }

    // The phrase that named the sum ends where its own modifiers begin.
    let list = norms(
        "Applicants shall first pay for a medical examination at a clinic designated by both Parties. \
         The Employer shall bear its cost.",
    );
    let n = list
        .iter()
        .find(|n| n.sum_named_before.is_some())
        .unwrap_or_else(|| panic!("{list:#?}"));
    assert_eq!(
        n.sum_named_before.as_deref(),
        Some("for a medical examination")
    );
    assert!(!n.object_mentions(&["designated"]));
    // Only a sum, or a thing paid for, is what "its cost" points back to.
    let list = norms(
        "Applicants shall undergo a medical examination at a clinic designated by both Parties. The \
         Employer shall bear its cost.",
    );
    assert!(
        list.iter().all(|n| n.sum_named_before.is_none()),
        "{list:#?}"
    );

    // A sum the norm names itself points back to nothing.
    let n = with_action(
        &norms("The Employer shall bear the cost of the air ticket."),
        "pay",
    );
    assert_eq!(n.sum_named_before, None);
}

#[test]
fn a_void_term_replaced_by_a_better_one_is_no_power_to_replace() {
    let list = norms(
        "Any term of a contract that is less favourable than paragraph 1 shall be void and replaced by \
         the condition that applies to nationals.",
    );
    assert!(!list.iter().any(|n| n.acts(&["postpone"])), "{list:#?}");
    let list = norms_id(
        "Syarat yang lebih rendah daripada ayat (1) batal demi hukum dan digantikan dengan ketentuan \
         yang berlaku bagi warga negara penempatan.",
    );
    assert!(!list.iter().any(|n| n.acts(&["postpone"])), "{list:#?}");
    // *Dengan ketentuan yang berlaku* is "with the provisions that apply", no proviso; *dengan
    // ketentuan bahwa* is one.
    let n = with_action(
        &norms_id("Upah dibayarkan dengan ketentuan yang berlaku bagi warga negara penempatan."),
        "pay",
    );
    assert!(n.conditions.is_empty(), "{n:#?}");
    let n = with_action(
        &norms_id(
            "Upah dibayarkan dengan ketentuan bahwa Pekerja telah menyerahkan laporan kerja.",
        ),
        "pay",
    );
    assert_eq!(n.conditions.len(), 1, "{n:#?}");
}

#[test]
fn a_negated_relative_clause_of_the_subject_does_not_deny_the_verb() {
    // *yang tidak tepat* describes the deductions; the sentence says they are refunded.
    let read =
        norms_id("Potongan upah yang tidak tepat dikembalikan kepada Pekerja dalam tujuh hari.");
    let n = read.first().expect("a norm");
    assert!(!n.negated, "{n:#?}");
    // With a verb between, *yang tidak* still denies: the worker is not made to pay.
    let read =
        norms_id("Pekerja yang tidak diwajibkan membayar biaya dipulangkan oleh Pemberi Kerja.");
    assert!(read.iter().any(|n| n.negated), "{read:#?}");
    // A *tidak* right before the verb denies it.
    let read = norms_id("Biaya penempatan tidak dibebankan kepada Pekerja.");
    assert!(read.first().is_some_and(|n| n.negated), "{read:#?}");
}

#[test]
fn the_means_named_after_the_verb_is_done_too() {
    let n = with_action(
        &norms("The advance shall be settled by way of deductions from the Worker's monthly wage."),
        "deduct",
    );
    assert!(n.acts(&["deduct"]) && !n.denied());
    let n = with_action(
        &norms_id("Pinjaman tersebut dilunasi melalui pemotongan upah Pekerja setiap bulan."),
        "deduct",
    );
    assert!(!n.denied());
}

#[test]
fn a_right_to_be_outside_is_no_exclusion_but_an_exemption_is() {
    let n = with_action(
        &norms_id("Pada hari libur, Pekerja berhak berada di luar rumah Majikan sepanjang hari."),
        "exclude",
    );
    assert!(!n.excludes_workers(), "{n:#?}");
    // A phrase of the lexicon that opens with its auxiliary ("be exempted") is a passive.
    let n = with_action(
        &norms("A worker who has worked abroad before may be exempted from the briefing."),
        "exclude",
    );
    assert!(n.passive && n.excludes_workers(), "{n:#?}");
}

#[test]
fn a_framing_verb_reads_the_act_it_frames() {
    // (sentence, Indonesian, the act framed, the frame's class kept)
    let cases = [
        (
            "The Worker may agree in writing to waive the ticket home for a cash sum.",
            false,
            "waive",
            Some("consent"),
        ),
        (
            "The Worker may elect to forgo the ticket home and take its value in cash.",
            false,
            "waive",
            None,
        ),
        (
            "Pekerja dapat menyatakan secara tertulis melepaskan haknya atas tiket pulang.",
            true,
            "waive",
            None,
        ),
    ];
    for (text, indonesian, act, frame) in cases {
        let list = norms_in(text, indonesian);
        let n = with_action(&list, act);
        assert_eq!(role(&n), Some("worker"), "{text}");
        assert_eq!(n.modality, Modality::Permission, "{text}");
        if let Some(frame) = frame {
            assert!(n.acts(&[frame]), "{text}: {n:#?}");
        }
    }
}

#[test]
fn a_noun_after_an_indonesian_relative_verb_stays_in_the_relative_clause() {
    let list = norms_id(
        "Pekerja yang mengakhiri perjanjian kerja sebelum berakhirnya jangka waktu dianggap telah \
         melepaskan haknya atas pengembalian iuran.",
    );
    let n = with_action(&list, "waive");
    assert_eq!(role(&n), Some("worker"));
    // A clause-opening noun in -an is its subject, not its verb, even when short.
    let list = norms_id(
        "Iuran bagian Pemberi Kerja ditalangi oleh Pemberi Kerja dan dikembalikan oleh Pekerja.",
    );
    let n = with_action(&list, "repay");
    assert_eq!((role(&n), n.passive), (Some("worker"), true));
}

#[test]
fn a_relative_clause_acts_on_the_noun_before_which() {
    // "a seminar fee, which the worker shall pay": the fee is what the worker pays.
    for sentence in [
        "The agency collects a service fee, which the worker pays before departure.",
        "The agencies may charge a seminar fee, which the worker shall pay before clearance.",
    ] {
        let n = with_action(
            &norms(sentence)
                .into_iter()
                .filter(|n| role(n) == Some("worker"))
                .collect::<Vec<_>>(),
            "pay",
        );
        assert!(
            n.object_mentions(&["fee".to_string()]),
            "{sentence}: {n:#?}"
        );
    }
    // "that" may open what is said: the fare is still what the employer pays.
    let n = with_action(
        &norms("The Parties agree that the employer shall pay the fare."),
        "pay",
    );
    assert_eq!(n.object, "the fare");
}

#[test]
fn a_joined_modal_passive_shares_the_first_passives_subject() {
    // "… shall be paid in advance by the agency and shall be recovered from the Worker": what is
    // recovered is the fee, not the words of the first verb.
    let read = norms(
        "The fee for the screening shall be paid in advance by the placement agency and shall be recovered from the Worker by deductions from the wages.",
    );
    let n = with_action(&read, "charge");
    assert_eq!(n.object, "The fee for the screening");
    assert!(n.passive);
}

#[test]
fn an_act_left_to_its_bearers_own_judgement() {
    // The bearer's own judgement, in either language, leaves the act to it.
    for (sentence, indonesian) in [
        (
            "Each Party may, if it considers it necessary, designate an implementing agency.",
            false,
        ),
        (
            "The Employer shall, where it deems fit, provide a mobile telephone.",
            false,
        ),
        (
            "Masing-masing Pihak dapat, apabila dipandang perlu, menunjuk instansi pelaksana.",
            true,
        ),
    ] {
        let read = norms_in(sentence, indonesian);
        assert!(read[0].own_judgement().is_some(), "{sentence}: {read:#?}");
    }
    // A judgement both sides share, someone else's, a need rather than a judgement, or one about
    // something else further on in the condition is not the bearer's own.
    for sentence in [
        "Where the Parties consider it necessary, each Party shall designate a liaison officer.",
        "The Employer shall, if the doctor considers it necessary, give the Worker sick leave.",
        "The Employer shall, if required, provide protective equipment.",
        "If an issue arises in any proceeding that any Party considers would merit its intervention, that Party may submit its views.",
    ] {
        let read = norms(sentence);
        assert!(
            read.iter().all(|n| n.own_judgement().is_none()),
            "{sentence}: {read:#?}"
        );
    }
}

#[test]
fn taking_into_account_is_no_hedge() {
    // *dengan mempertimbangkan* is "taking into account"; *mempertimbangkan* alone is "shall consider".
    let read = norms_id(
        "Para Pihak melakukan peninjauan setiap tiga tahun dengan mempertimbangkan laporan Kelompok Kerja Bersama.",
    );
    assert!(read.iter().all(|n| n.hedge.is_none()), "{read:#?}");
    let read = norms_id("Para Pihak akan mempertimbangkan pemberian bantuan hukum.");
    assert!(read.iter().any(|n| n.hedge.is_some()), "{read:#?}");
}

#[test]
fn a_clause_joined_after_a_comma_is_no_part_of_the_norm_before() {
    // The wage is what may not be withheld, not what may be withdrawn.
    let read = norms(
        "Such an authorisation may be withdrawn at any time, and no part of the wage shall be withheld by the Employer.",
    );
    assert_eq!(read[0].object, "at any time", "{read:#?}");
    assert_eq!(read[1].modality, Modality::Prohibition, "{read:#?}");
    // *Departemen Tenaga Kerja* is a department, not the workforce.
    let read = norms_id("Departemen Tenaga Kerja dapat mencabut lisensi Agensi tersebut.");
    assert_eq!(role(&read[0]), Some("authority"), "{read:#?}");
}
