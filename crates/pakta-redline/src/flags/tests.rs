//! The flags' unit tests: pairs of clause versions written for them, in both languages, and the flags
//! each pair must (or must not) raise.

use super::*;
use pakta_core::diff::word_diff;

fn flags(old: &str, new: &str) -> Vec<&'static str> {
    let changes = word_diff(old, new);
    clause_findings(
        old,
        new,
        &changes,
        (
            &pakta_core::crossref::find(old),
            &pakta_core::crossref::find(new),
        ),
    )
    .flags
    .iter()
    .map(|f| f.as_str())
    .collect()
}

/// The flags of some findings, by name.
fn names(findings: &Findings) -> Vec<&'static str> {
    findings.flags.iter().map(|f| f.as_str()).collect()
}

/// The (old, new) values of the clause's `number-changed` findings.
fn number_changes(old: &str, new: &str) -> Vec<String> {
    let changes = word_diff(old, new);
    clause_findings(old, new, &changes, (&[], &[]))
        .values
        .iter()
        .filter(|v| v.flag == Flag::NumberChanged)
        .map(|v| format!("{} → {}", v.old, v.new))
        .collect()
}

/// A header row whose party columns swapped moves every tick below it; a header reworded for the same
/// parties moves none.
#[test]
fn a_table_header_whose_columns_name_other_parties_is_a_party_change() {
    let flags = |old: &str, new: &str| names(&header_parties(old, new));
    assert_eq!(
        flags(
            "Item | Paid by Employer | Paid by Worker",
            "Item | Paid by Worker | Paid by Employer"
        ),
        ["party-changed"]
    );
    assert_eq!(
        flags(
            "Biaya | Ditanggung Pengguna | Ditanggung Pekerja",
            "Biaya | Ditanggung Pekerja | Ditanggung Pengguna"
        ),
        ["party-changed"]
    );
    assert!(
        flags(
            "Item | Paid by Employer | Paid by Worker",
            "Cost item | Employer pays | Worker pays"
        )
        .is_empty()
    );
    assert!(
        flags(
            "Item | Employer | Worker",
            "Item | Employer | Worker | Note"
        )
        .is_empty()
    );
}

#[test]
fn a_table_cell_that_names_another_party_is_a_party_change() {
    let flags =
        |header: Option<&str>, old: &str, new: &str| names(&table_parties(header, old, new));
    assert_eq!(
        flags(
            None,
            "Air fare | Employer | USD 400",
            "Air fare | Worker | USD 400"
        ),
        ["party-changed"]
    );
    assert_eq!(
        flags(None, "Tiket pesawat | Pengguna", "Tiket pesawat | Pekerja"),
        ["party-changed"]
    );
    // The other cell blank, as such tables are filled in.
    assert_eq!(
        flags(
            Some("Item | Paid by Employer | Paid by Worker"),
            "Placement fee | \u{2713} | ",
            "Placement fee |  | \u{2713}"
        ),
        ["party-changed"]
    );
    assert!(
        flags(
            None,
            "Air fare | Employer | USD 400",
            "Air ticket | Employer | USD 400"
        )
        .is_empty()
    );
    // A tick that moved to another party's column.
    let header = Some("Cost item | Paid by Employer | Paid by Worker");
    assert_eq!(
        flags(
            header,
            "Air fare | \u{2611} | \u{2610}",
            "Air fare | \u{2610} | \u{2611}"
        ),
        ["party-changed"]
    );
    assert_eq!(
        flags(
            Some("Biaya | Pengguna | Pekerja"),
            "Tiket | ya | tidak",
            "Tiket | tidak | ya"
        ),
        ["party-changed"]
    );
    assert!(
        flags(
            header,
            "Air fare | \u{2611} | \u{2610}",
            "Air ticket | \u{2611} | \u{2610}"
        )
        .is_empty()
    );
    // A tick added beside the one that stays is the cost shared, not moved: both parties now.
    assert_eq!(
        flags(
            header,
            "Air fare | \u{2611} | \u{2610}",
            "Air fare | \u{2611} | \u{2611}"
        ),
        ["party-changed"]
    );
}

#[test]
fn shall_that_became_will_is_weaker_and_still_stronger_than_may() {
    let (shall, will, may) = (
        "The employer shall bear all recruitment costs.",
        "The employer will bear all recruitment costs.",
        "The employer may bear all recruitment costs.",
    );
    assert_eq!(flags(shall, will), ["modal-weakened"]);
    assert_eq!(flags(will, may), ["modal-weakened"]);
    assert_eq!(flags(will, shall), ["modal-strengthened"]);
    assert_eq!(
        flags(
            "Pemberi Kerja wajib membayar biaya.",
            "Pemberi Kerja akan membayar biaya."
        ),
        ["modal-weakened"]
    );
}

#[test]
fn a_right_that_only_may_be_had_is_weaker() {
    // Run 10: "shall be free to" → "may be free to" read as a right on both sides.
    assert_eq!(
        flags(
            "Workers shall be free to leave the workplace outside working hours.",
            "Workers may be free to leave the workplace outside working hours."
        ),
        ["modal-weakened"]
    );
    assert_eq!(
        flags(
            "Workers shall have the right to keep their own mobile phone.",
            "Workers may have the right to keep their own mobile phone."
        ),
        ["modal-weakened"]
    );
}

#[test]
fn a_paragraph_struck_or_added_whole_carries_its_norms() {
    let whole = |text: &str, inserted: bool| -> Vec<String> {
        let found = whole_clause_findings(text, None, inserted);
        found
            .values
            .iter()
            .map(|v| format!("{} {} → {}", v.flag.as_str(), v.old, v.new))
            .collect()
    };
    assert_eq!(
        whole(
            "No recruitment agency shall charge the worker any fee.",
            false
        ),
        ["negation-removed No → ", "modal-weakened shall → "]
    );
    assert_eq!(
        whole("Pemberi Kerja dilarang memotong upah Pekerja.", false),
        ["negation-removed dilarang → ", "modal-weakened dilarang → "]
    );
    assert_eq!(
        whole(
            "Notwithstanding paragraphs 1 and 2, the worker shall reimburse the air fare if the contract ends early.",
            true
        ),
        [
            "cost-changed  → Notwithstanding paragraphs 1 and 2, the worker shall reimburse the air fare",
            "condition-added  → if the contract ends early",
            "condition-added  → Notwithstanding paragraphs 1 and 2"
        ]
    );
    // A duty or ban put on the worker is no strengthened modal; struck, no weakened one.
    assert_eq!(
        whole(
            "During the complaint the Worker shall remain in the Employer's household.",
            true
        ),
        [
            "worker-duty-added  → During the complaint the Worker shall remain in the Employer's household"
        ]
    );
    assert_eq!(
        whole("Pekerja dilarang keluar rumah pada malam hari.", false),
        ["worker-duty-removed Pekerja dilarang keluar rumah pada malam hari → "]
    );
    // A consent of the employer side written as its own sentence is a condition.
    assert_eq!(
        whole(
            "The new employer must be approved by the current Employer.",
            true
        ),
        ["condition-added  → The new employer must be approved by the current Employer"]
    );
    // The employer's permission that went takes nothing from the worker; a statement is no norm.
    assert!(whole("The employer may deduct the cost of meals.", false).is_empty());
    assert!(whole("This Memorandum is signed in two originals.", false).is_empty());
}

/// A period or a frequency written in another unit: the same measure is no change, another measure is
/// one change from the old words to the new, never a period struck and another added.
#[test]
fn a_period_in_other_words_is_one_change_or_none() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "refunded within thirty (30) days",
            "refunded within one (1) month",
            &["within thirty (30) days → within one (1) month"],
        ),
        (
            "dikembalikan paling lama 30 (tiga puluh) hari",
            "dikembalikan paling lama 1 (satu) bulan",
            &["paling lama 30 (tiga puluh) hari → paling lama 1 (satu) bulan"],
        ),
        (
            "in force for five (5) years",
            "in force for sixty (60) months",
            &[],
        ),
        (
            "berlaku selama 2 (dua) tahun",
            "berlaku selama 24 (dua puluh empat) bulan",
            &[],
        ),
        ("rest of two weeks", "rest of fourteen days", &[]),
        (
            "shall meet at least once a year",
            "shall meet at least once every twelve (12) months",
            &[],
        ),
        (
            "shall meet at least once a year",
            "shall meet at least once every two years",
            &["at least once a year → at least once every two years"],
        ),
        (
            "in force for five (5) years",
            "in force for fifty (50) months",
            &["five (5) years → fifty (50) months"],
        ),
    ];
    for (old, new, expected) in cases {
        assert_eq!(number_changes(old, new), expected.to_vec(), "{old} → {new}");
    }
}

/// A group of workers left out, or let back in, is a change of scope in both languages; an exemption
/// from a cost or a burden is none, and neither is a ban that names workers.
#[test]
fn a_group_of_workers_left_out_is_a_change_of_scope() {
    let base = "This Memorandum applies to all Migrant Workers placed in Taiwan.";
    let dasar =
        "Nota Kesepahaman ini berlaku bagi seluruh Pekerja Migran yang ditempatkan di Taiwan.";
    let cases: &[(&str, String, &[&str])] = &[
        (
            base,
            format!(
                "{base} For the purposes of this Memorandum, \"Migrant Worker\" shall not include persons employed in private households."
            ),
            &["scope-narrowed"],
        ),
        (
            base,
            format!("{base} Caregivers are excluded from this Memorandum."),
            &["scope-narrowed"],
        ),
        (
            base,
            format!(
                "{base} Articles 6 to 10 shall apply to domestic workers only to the extent provided by the laws of Taiwan."
            ),
            &["scope-narrowed"],
        ),
        (
            dasar,
            format!(
                "{dasar} Pasal 6 sampai dengan Pasal 10 berlaku bagi pekerja rumah tangga hanya sepanjang diatur dalam peraturan perundang-undangan Taiwan."
            ),
            &["scope-narrowed"],
        ),
        (
            dasar,
            format!(
                "{dasar} Nota Kesepahaman ini tidak berlaku bagi Pekerja Migran yang bekerja di rumah tangga."
            ),
            &["scope-narrowed"],
        ),
        (
            &format!("{base} This Memorandum does not apply to domestic workers."),
            base.to_string(),
            &["scope-widened"],
        ),
        (
            base,
            format!("{base} Migrant Workers are exempt from the levy on foreign employment."),
            &[],
        ),
        (
            base,
            format!(
                "{base} The curfew of the dormitory does not apply to Migrant Workers on leave."
            ),
            &[],
        ),
    ];
    for (old, new, expected) in cases {
        let got: Vec<&str> = flags(old, new)
            .into_iter()
            .filter(|f| {
                f.starts_with("scope") || f.starts_with("negation") || f.starts_with("modal")
            })
            .collect();
        assert_eq!(got, expected.to_vec(), "{old} → {new}");
    }
}

/// A ban narrowed to the unreasonable act lets the "reasonable" one: a condition added, in both
/// languages.
#[test]
fn a_ban_narrowed_to_the_unreasonable_act_is_a_condition_added() {
    for (old, new) in [
        (
            "The Employer shall not withhold the passport of the Migrant Worker.",
            "The Employer shall not unreasonably withhold the passport of the Migrant Worker.",
        ),
        (
            "The Employer shall not withhold the passport of the Migrant Worker.",
            "The Employer shall not withhold the passport of the Migrant Worker without good cause.",
        ),
        (
            "Pemberi Kerja dilarang menahan paspor Pekerja Migran.",
            "Pemberi Kerja dilarang menahan paspor Pekerja Migran tanpa alasan yang sah.",
        ),
    ] {
        assert!(flags(old, new).contains(&"condition-added"), "{new}");
        assert!(flags(new, old).contains(&"condition-removed"), "{old}");
    }
}

/// A paragraph added that lets the employer side do what its article protects against is an exception
/// to it, in both languages; one that lets the worker do something, or the employer pay in full, is not.
#[test]
fn a_paragraph_added_to_undo_its_article_is_a_condition_added() {
    let added = |text: &str| names(&whole_clause_findings(text, None, true));
    for text in [
        "The Employer may, however, keep these documents for safekeeping.",
        "Namun demikian, Pemberi Kerja dapat menyimpan dokumen tersebut untuk tujuan pengamanan.",
        "The Employer may deduct up to fifty per cent (50%) of the monthly wage for accommodation and food.",
        "During a probationary period of six months, the Employer may pay seventy per cent (70%) of the wage.",
    ] {
        assert_eq!(added(text), ["condition-added"], "{text}");
    }
    for text in [
        "The Worker may keep a copy of the contract.",
        "The Employer may pay the wage into the Worker's bank account.",
    ] {
        assert!(added(text).is_empty(), "{text}");
    }
}

/// A cost phrase a ban forbids ("may not be deducted from wages", *tidak boleh dipotong dari upah*)
/// moves no cost to the worker; the same phrase allowed does.
#[test]
fn a_cost_phrase_under_a_ban_moves_no_cost() {
    let cost = |old: &str, new: &str| flags(old, new).contains(&"cost-changed");
    assert!(!cost(
        "Such costs shall be borne by the Employer.",
        "Such costs shall be borne by the Employer and may not be deducted from wages."
    ));
    assert!(!cost(
        "Biaya tersebut ditanggung oleh Pemberi Kerja.",
        "Biaya tersebut ditanggung oleh Pemberi Kerja dan tidak boleh dipotong dari upah."
    ));
    assert!(cost(
        "Such costs shall be borne by the Employer.",
        "Such costs shall be borne by the Employer and may be deducted from wages."
    ));
}

/// A ban rewritten with the worker's own duty put first is paired with the ban it replaces, not with
/// the first norm in order: the worker keeping the passport is no party change, and the ban that
/// stays is no negation removed.
#[test]
fn norms_pair_by_bearer_and_act_before_order() {
    let got = flags(
        "The Employer shall not withhold or retain the passport of the Migrant Worker.",
        "The passport of the Migrant Worker shall remain in the Migrant Worker's possession. The Employer may not keep it, even for safekeeping.",
    );
    for wrong in ["negation-removed", "party-changed", "modal-weakened"] {
        assert!(!got.contains(&wrong), "{got:?}");
    }
}

#[test]
fn a_number_that_stays_elsewhere_in_the_clause_is_still_a_change() {
    // Five years become three; "five-year periods" remains, so the five years that went is counted.
    let (old, new) = (
        "The Arrangement remains in effect for five years and is extended for further five-year periods.",
        "The Arrangement remains in effect for three years and is extended for further five-year periods.",
    );
    assert_eq!(number_changes(old, new), ["five years → three years"]);
}

/// A ban turned into a freedom by denying that anyone may prevent the act: the negation is gone and
/// the duty with it, in either language.
#[test]
fn a_ban_that_became_a_protected_freedom_is_weakened() {
    for (old, new) in [
        (
            "The Employer shall not keep the Worker's passport.",
            "The Employer shall not be prevented from keeping the Worker's passport.",
        ),
        (
            "No Agency shall charge the Worker any fee.",
            "No Agency shall be prevented from charging the Worker a fee.",
        ),
        (
            "Pemberi Kerja dilarang menahan paspor Pekerja.",
            "Pemberi Kerja tidak dapat dicegah untuk menahan paspor Pekerja.",
        ),
    ] {
        let found = flags(old, new);
        assert!(
            found.contains(&"negation-removed") && found.contains(&"modal-weakened"),
            "{old} → {new}: {found:?}"
        );
    }
}

/// A cost moved by striking "free of charge" or "at the Employer's expense", or by making paid leave
/// unpaid, in either language; rewording around a cost phrase that stays is no cost change.
#[test]
fn a_cost_struck_or_denied_is_a_cost_change() {
    for (old, new) in [
        (
            "Workers may complain free of charge within 60 days.",
            "Workers may complain within 60 days.",
        ),
        (
            "The Employer shall provide health insurance at the Employer's expense.",
            "The Employer shall provide health insurance.",
        ),
        (
            "The Worker is entitled to 12 days of paid annual leave.",
            "The Worker is entitled to 12 days of unpaid annual leave.",
        ),
        (
            "Pekerja berhak atas cuti tahunan berbayar selama 12 hari.",
            "Pekerja berhak atas cuti tahunan tidak berbayar selama 12 hari.",
        ),
        (
            "Migrant Workers shall be exempt from court fees in labour disputes.",
            "Migrant Workers shall bear court fees in labour disputes.",
        ),
        (
            "Pekerja Migran dibebaskan dari biaya perkara dalam perselisihan ketenagakerjaan.",
            "Pekerja Migran menanggung biaya perkara dalam perselisihan ketenagakerjaan.",
        ),
    ] {
        assert!(flags(old, new).contains(&"cost-changed"), "{old} → {new}");
    }
    assert!(
        !flags(
            "Wages shall be paid monthly, free of charge to the worker.",
            "Wages shall be paid each month, free of charge to the worker."
        )
        .contains(&"cost-changed")
    );
}

/// A closing formula that adds a language version or makes one prevail changes which words bind; it
/// is no new duty.
#[test]
fn a_new_prevailing_text_is_named_not_read_as_a_duty() {
    for (old, new) in [
        (
            "Done at Kathmandu on 12 June 2025 in two originals in the English language.",
            "Done at Kathmandu on 12 June 2025 in two originals in the English and Malay languages. In \
             case of divergence the Malay text shall prevail.",
        ),
        (
            "Dibuat dalam rangkap dua dalam bahasa Indonesia dan bahasa Inggris. Apabila terjadi \
             perbedaan penafsiran, naskah bahasa Indonesia yang berlaku.",
            "Dibuat dalam rangkap dua dalam bahasa Indonesia dan bahasa Inggris. Apabila terjadi \
             perbedaan penafsiran, naskah bahasa Inggris yang berlaku.",
        ),
    ] {
        let flags = flags(old, new);
        assert_eq!(flags, ["authentic-texts-changed"], "{old} → {new}");
    }
}

/// A definition that gained or lost words changes every article that uses its term.
#[test]
fn a_changed_definition_is_flagged() {
    for (old, new) in [
        (
            "(a) \"Worker\" means a national of Indonesia employed as a domestic worker in Cambodia;",
            "(a) \"Worker\" means a national of Indonesia employed as a live-out domestic worker in \
             Cambodia and registered with the Ministry;",
        ),
        (
            "\"Pemberi Kerja\" adalah orang perseorangan atau badan hukum yang mempekerjakan Pekerja;",
            "\"Pemberi Kerja\" adalah badan hukum yang mempekerjakan Pekerja;",
        ),
    ] {
        assert!(
            flags(old, new).contains(&"definition-changed"),
            "{old} → {new}"
        );
    }
    assert!(
        !flags(
            "\"Worker\" means a national of Indonesia employed in Cambodia;",
            "\"Worker\" Means a national of Indonesia employed in Cambodia.",
        )
        .contains(&"definition-changed")
    );
}

/// A word swapped for its opposite reverses the clause; a sentence rewritten around both words does
/// not count as a swap.
#[test]
fn a_word_swapped_for_its_opposite_is_flagged() {
    for (old, new) in [
        (
            "The contract shall be signed before the worker departs.",
            "The contract shall be signed after the worker departs.",
        ),
        (
            "Pekerja dapat pindah apabila upah tidak dibayar atau Pekerja mengalami kekerasan.",
            "Pekerja dapat pindah apabila upah tidak dibayar dan Pekerja mengalami kekerasan.",
        ),
        (
            "The worker may change employer where any of the following occurs:",
            "The worker may change employer where all of the following occur:",
        ),
    ] {
        assert!(
            flags(old, new).contains(&"meaning-reversed"),
            "{old} → {new}"
        );
    }
    assert!(
        !flags(
            "Wages are settled before the close of each calendar month.",
            "Each worker receives wages through a bank account opened after arrival.",
        )
        .contains(&"meaning-reversed")
    );
}

/// A consent written in where no condition opener stands, or a cost put on the worker's wages, is
/// read though the clause's norms did not change.
#[test]
fn a_consent_or_a_payer_slipped_in_is_flagged() {
    for (old, new, flag) in [
        (
            "The authority shall decide within fourteen (14) days.",
            "The authority shall decide within fourteen (14) days of the date on which the current \
             Employer gives its consent.",
            "condition-added",
        ),
        (
            "Keputusan diberikan paling lama 14 (empat belas) hari.",
            "Keputusan diberikan paling lama 14 (empat belas) hari sejak Pemberi Kerja memberikan \
             persetujuan.",
            "condition-added",
        ),
        (
            "The return ticket shall be borne by the Employer.",
            "The return ticket shall be paid out of the Worker's wages by the Employer.",
            "cost-changed",
        ),
        (
            "The premiums shall be paid by the Employer.",
            "The premiums shall be shared equally between the Employer and the Worker.",
            "cost-changed",
        ),
        (
            "The visa fee shall be borne by the Employer.",
            "The visa fee shall be advanced by the Employer and repaid by the Worker in instalments.",
            "cost-changed",
        ),
        (
            "Biaya visa wajib dibayar oleh Pemberi Kerja.",
            "Biaya visa wajib ditalangi oleh Pemberi Kerja dan dikembalikan oleh Pekerja.",
            "cost-changed",
        ),
        (
            "Perjanjian kerja ditandatangani sebelum Pekerja berangkat.",
            "Perjanjian kerja ditandatangani setibanya Pekerja di Taiwan.",
            "meaning-reversed",
        ),
    ] {
        assert!(flags(old, new).contains(&flag), "{old} → {new}");
    }
    // A worker's right that no longer needs anyone's consent gains no condition.
    assert!(
        !flags(
            "The worker may change employer.",
            "The worker may change employer without the consent of the current Employer.",
        )
        .contains(&"condition-added")
    );
}

/// "Or" and "and" under a negator that the edit moves say the same; a consent denied after a ban is a
/// way round it; a definition reordered is the same definition.
#[test]
fn de_morgan_consent_denied_and_reordered_definitions() {
    assert!(
        !flags(
            "No Placement Agency or Employer shall charge any fee.",
            "Placement Agencies and Employers shall not charge any fee.",
        )
        .contains(&"meaning-reversed")
    );
    assert!(
        flags(
            "The Employer shall not hold the passport of the Worker.",
            "The Employer shall not hold the passport of the Worker without his or her written consent.",
        )
        .contains(&"condition-added")
    );
    assert!(
        !flags(
            "\"Employer\" means any natural or legal person who employs a Worker;",
            "\"Employer\" means any legal or natural person who employs a Worker;",
        )
        .contains(&"definition-changed")
    );
}

/// A ban narrowed to some of what it covered, or a day the employer now chooses, is a condition added.
#[test]
fn a_narrowed_ban_and_an_employer_chosen_day_are_conditions_added() {
    for (old, new) in [
        (
            "No agency shall charge the worker any fee.",
            "No agency shall charge the worker any unreasonable fee.",
        ),
        (
            "Agensi dilarang memungut biaya dari Pekerja.",
            "Agensi dilarang memungut biaya yang tidak wajar dari Pekerja.",
        ),
        (
            "The worker shall have one rest day each week.",
            "The worker shall have one rest day each week, on a day chosen by the employer.",
        ),
    ] {
        assert!(
            flags(old, new).contains(&"condition-added"),
            "{old} → {new}: {:?}",
            flags(old, new)
        );
    }
}

/// A duty that lost its force to a negator shows the negator: *wajib* → *tidak wajib*, not *wajib* →
/// *wajib*.
#[test]
fn a_negated_duty_shows_its_negator() {
    let old = "Pemberi Kerja wajib menanggung biaya penempatan.";
    let new = "Pemberi Kerja tidak wajib menanggung biaya penempatan.";
    let found = clause_findings(old, new, &word_diff(old, new), (&[], &[]));
    let weakened: Vec<String> = found
        .values
        .iter()
        .filter(|v| v.flag == Flag::ModalWeakened)
        .map(|v| format!("{} → {}", v.old, v.new))
        .collect();
    assert_eq!(weakened, ["wajib → tidak wajib"]);
}

/// A sum whose words came to name another currency changed, though its figure did not.
#[test]
fn a_currency_changed_in_the_words_is_a_changed_number() {
    let old = "The wage is USD 1,500 (one thousand five hundred United States dollars) a month.";
    let new = old.replace("United States", "Singapore");
    assert_eq!(
        number_changes(old, &new),
        [
            "USD 1,500 (one thousand five hundred United States dollars) a month → USD 1,500 (one thousand five hundred Singapore dollars) a month"
        ]
    );
    let dropped = "The wage is USD 1,500 a month.";
    assert!(number_changes(old, dropped).is_empty());
}

/// A thousands separator swapped for a decimal point reads differently by convention: shown.
#[test]
fn a_separator_swapped_inside_a_number_is_a_changed_number() {
    assert_eq!(
        number_changes(
            "The wage is USD 1,500 a month.",
            "The wage is USD 1.500 a month."
        ),
        ["USD 1,500 a month → USD 1.500 a month"]
    );
    assert!(number_changes("The wage is USD 1,500.", "The wage is USD 1 500.").is_empty());
}

/// A pay day moved within the month, in words or digits, in either language.
#[test]
fn a_day_fixed_by_an_ordinal_that_moved_is_a_changed_number() {
    for (old, new, change) in [
        (
            "Wages are paid no later than the seventh day of each month.",
            "Wages are paid no later than the twenty-seventh day of each month.",
            "no later than the seventh day of each month → no later than the twenty-seventh day of each month",
        ),
        (
            "Wages are paid by the 7th day of the month.",
            "Wages are paid by the 27th day of the month.",
            "by the 7th day → by the 27th day",
        ),
        (
            "Upah dibayarkan paling lambat hari ketujuh setiap bulan.",
            "Upah dibayarkan paling lambat hari kedua puluh tujuh setiap bulan.",
            "paling lambat hari ketujuh setiap bulan → paling lambat hari kedua puluh tujuh setiap bulan",
        ),
    ] {
        assert_eq!(number_changes(old, new), [change], "{old}");
    }
    assert!(
        flags(
            "The first Party informs the other.",
            "The first Party informs the other."
        )
        .is_empty()
    );
}

#[test]
fn a_sum_in_another_currency_is_a_changed_number() {
    for (old, new, change) in [
        (
            "The wage is not less than USD 250 a month.",
            "The wage is not less than IDR 250 a month.",
            "not less than USD 250 a month → not less than IDR 250 a month",
        ),
        (
            "Upah paling sedikit USD 250 per bulan.",
            "Upah paling sedikit IDR 250 per bulan.",
            "paling sedikit USD 250 per bulan → paling sedikit IDR 250 per bulan",
        ),
    ] {
        assert_eq!(number_changes(old, new), [change], "{old}");
    }
    assert!(flags("The fee is USD 250.", "The fee is usd 250.").is_empty());
}

#[test]
fn a_weakened_modal_beside_a_weak_one_is_still_weakened() {
    assert!(flags(
        "Transfers shall be effected in the currency agreed; exchange may be carried out at the bank.",
        "Transfers may be effected in the currency agreed; exchange may be carried out at the bank."
    )
    .contains(&"modal-weakened"));
    assert!(
        flags(
            "Pembayaran dapat dilakukan di bank; pemindahan wajib dilaksanakan dalam satu minggu.",
            "Pembayaran dapat dilakukan di bank; pemindahan dapat dilaksanakan dalam satu minggu."
        )
        .contains(&"modal-weakened")
    );
}

#[test]
fn compares_the_norms_of_both_versions() {
    for (old, new, expected) in [
        (
            "The worker may move to a new employer.",
            "The worker may move to a new employer, provided the present employer releases him in writing.",
            &["condition-added"][..],
        ),
        (
            "Pekerja dapat berpindah Pemberi Kerja apabila Pemberi Kerja lama menyetujuinya.",
            "Pekerja dapat berpindah Pemberi Kerja.",
            &["condition-removed"][..],
        ),
        (
            "The employer shall bear the fare.",
            "The fare shall be borne by the worker.",
            &["party-changed"][..],
        ),
        (
            "Biaya tiket ditanggung oleh Pemberi Kerja.",
            "Biaya tiket ditanggung oleh Pekerja.",
            &["party-changed"][..],
        ),
        (
            "No employer shall keep the passport.",
            "The employer may keep the passport.",
            &["modal-weakened", "negation-removed"][..],
        ),
        // A renumbered reference inside a condition is not a new condition (the redline reports it
        // as a cross-reference change).
        (
            "Where Article 5 applies, the worker may leave.",
            "Where Article 6 applies, the worker may leave.",
            &[][..],
        ),
    ] {
        let mut got = flags(old, new);
        got.sort_unstable();
        let mut want = expected.to_vec();
        want.sort_unstable();
        assert_eq!(got, want, "{old} → {new}");
    }
}

#[test]
fn reads_what_changed() {
    assert_eq!(
        flags(
            "The Group shall meet every year.",
            "The Group may meet as necessary."
        ),
        ["modal-weakened"]
    );
    assert_eq!(
        flags(
            "The authority shall facilitate exit.",
            "The authority shall endeavour to facilitate exit."
        ),
        ["modal-weakened"]
    );
    assert_eq!(
        flags("The Parties may meet.", "The Parties shall meet."),
        ["modal-strengthened"]
    );
    assert!(
        flags(
            "The employer shall not deduct any amount.",
            "The employer may deduct amounts."
        )
        .contains(&"negation-removed")
    );
    assert!(
        flags(
            "The employer shall not deduct any amount.",
            "The employer may deduct amounts."
        )
        .contains(&"modal-weakened")
    );
    assert_eq!(
        flags("notice of ninety days", "notice of sixty days"),
        ["number-changed"]
    );
    assert_eq!(
        flags(
            "costs shall be borne by the employer.",
            "costs shall be borne by the domestic worker."
        ),
        ["party-changed"]
    );
    assert_eq!(
        flags(
            "Pemberi kerja wajib membayar",
            "Pemberi kerja dapat membayar"
        ),
        ["modal-weakened"]
    );
    assert_eq!(
        flags("signed on 12 June 2025", "signed on 14 June 2025"),
        ["date-changed"]
    );
}

#[test]
fn a_floor_that_became_a_ceiling_or_a_pay_period_that_changed_is_a_changed_number() {
    for (old, new) in [
        (
            "The employer pays not less than USD 500.",
            "The employer pays not more than USD 500.",
        ),
        (
            "Upah paling sedikit Rp 4.500.000 setiap bulan.",
            "Upah paling banyak Rp 4.500.000 setiap bulan.",
        ),
        (
            "The employer pays USD 500 per month.",
            "The employer pays USD 500 per year.",
        ),
        (
            "Pekerja berhak atas 1 (satu) hari libur setiap minggu.",
            "Pekerja berhak atas 1 (satu) hari libur setiap bulan.",
        ),
    ] {
        assert_eq!(flags(old, new), ["number-changed"], "{old}");
    }
}

#[test]
fn a_ban_lifted_or_turned_into_no_duty_is_weakened() {
    for (old, new) in [
        (
            "The employer is prohibited from keeping the worker's passport.",
            "The employer is not prohibited from keeping the worker's passport.",
        ),
        (
            "Pengguna dilarang menahan paspor Pekerja.",
            "Pengguna tidak dilarang menahan paspor Pekerja.",
        ),
        (
            "The employer shall not keep the worker's passport.",
            "The employer shall not be required to keep the worker's passport.",
        ),
    ] {
        assert!(flags(old, new).contains(&"modal-weakened"), "{old}");
    }
}

#[test]
fn digits_and_words_that_stop_agreeing_are_a_changed_number_with_both_sides() {
    let old = "Upah dibayarkan paling lambat 30 (tiga puluh) hari setelah akhir bulan.";
    assert_eq!(
        number_changes(old, &old.replace("30 (", "60 (")),
        ["paling lambat 30 (tiga puluh) hari → paling lambat 60 (tiga puluh) hari"]
    );
    assert_eq!(
        number_changes(old, &old.replace("tiga puluh", "enam puluh")),
        ["paling lambat 30 (tiga puluh) hari → paling lambat 30 (enam puluh) hari"]
    );
    let old = "The employer pays a wage of USD 500 (five hundred US dollars).";
    assert_eq!(
        number_changes(old, &old.replace("five", "three")),
        ["USD 500 (five hundred US dollars) → USD 500 (three hundred US dollars)"]
    );
}

#[test]
fn a_soft_hyphen_inside_a_word_changes_no_meaning() {
    assert!(
        flags(
            "The employer shall not keep the passport.",
            "The employer shall n\u{AD}ot keep the pass\u{200B}port."
        )
        .is_empty()
    );
}

#[test]
fn an_age_in_words_is_a_number() {
    assert_eq!(
        number_changes(
            "Workers aged eighteen or over may be recruited.",
            "Workers aged sixteen or over may be recruited."
        ),
        ["eighteen → sixteen"]
    );
}

#[test]
fn a_negation_flag_quotes_the_negator_as_written() {
    let findings = |old: &str, new: &str| {
        clause_findings(old, new, &word_diff(old, new), (&[], &[]))
            .values
            .iter()
            .map(|v| format!("{} {} → {}", v.flag.as_str(), v.old, v.new))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        findings(
            "Pekerja tidak dikenakan biaya penempatan.",
            "Pekerja dikenakan biaya penempatan."
        ),
        ["negation-removed tidak → "]
    );
}

#[test]
fn a_signing_date_in_any_of_its_forms_is_a_changed_date_not_a_number() {
    for (old, new) in [
        (
            "Done at Jakarta on the twelfth day of June 2025.",
            "Done at Jakarta on the thirteenth day of June 2025.",
        ),
        (
            "Done at Geneva this 24th day of November 1977.",
            "Done at Geneva this 25th day of November 1977.",
        ),
        (
            "Done at Jakarta on 12/06/2025.",
            "Done at Jakarta on 13/06/2025.",
        ),
        (
            "Dibuat di Jakarta pada tanggal dua belas Juni tahun dua ribu dua puluh lima.",
            "Dibuat di Jakarta pada tanggal tiga belas Juni tahun dua ribu dua puluh lima.",
        ),
    ] {
        assert_eq!(flags(old, new), ["date-changed"], "{old}");
    }
}

/// Who bears a cost, read from norms: a paragraph added that puts a sum on the worker, one struck that
/// had the employer side bear it (a point included, read under its lead-in), and an item struck from
/// what the employer side bears are `cost-changed`, with the words; a reworded list is not.
#[test]
fn a_cost_put_on_the_worker_or_struck_from_the_employer_is_a_cost_change() {
    let values = |found: &Findings| -> Vec<String> {
        found
            .values
            .iter()
            .filter(|v| v.flag == Flag::CostChanged)
            .map(|v| format!("{} → {}", v.old, v.new))
            .collect()
    };
    for text in [
        "The placement fee of the agency is, however, payable by the Worker.",
        "The costs of the agency's service are for the Worker's account.",
        "Biaya jasa agensi di Indonesia merupakan tanggung jawab Pekerja.",
    ] {
        assert_eq!(
            values(&whole_clause_findings(text, None, true)).len(),
            1,
            "{text}"
        );
    }
    assert_eq!(
        values(&whole_clause_findings(
            "pemeriksaan kesehatan.",
            Some("Pemberi Kerja wajib menanggung biaya:"),
            false
        )),
        ["pemeriksaan kesehatan → "]
    );
    assert!(
        values(&whole_clause_findings(
            "The Worker may keep a copy of the contract.",
            None,
            true
        ))
        .is_empty()
    );
    let changed =
        |old: &str, new: &str| values(&clause_findings(old, new, &word_diff(old, new), (&[], &[])));
    assert_eq!(
        changed(
            "The Employer shall bear the cost of the air ticket, the visa and the medical examination.",
            "The Employer shall bear the cost of the air ticket and the visa."
        ),
        ["the medical examination → "]
    );
    assert!(
        changed(
            "The Employer shall bear the cost of the air ticket, the visa and the medical examination.",
            "The Employer shall bear the costs of the visa, the medical examination and the air ticket."
        )
        .is_empty()
    );
}

/// A paragraph that takes something out of a ban is a condition added to it, with its words; struck,
/// a condition removed. A whole article that does not reach a matter is not.
#[test]
fn a_carve_out_from_a_ban_is_a_condition() {
    for text in [
        "This prohibition does not extend to the residence permit.",
        "Larangan sebagaimana dimaksud pada ayat (1) tidak berlaku untuk izin tinggal.",
        "Nothing in paragraph 1 prevents the Employer from keeping the residence permit.",
    ] {
        assert!(
            names(&whole_clause_findings(text, None, true)).contains(&"condition-added"),
            "{text}"
        );
    }
    assert!(
        names(&whole_clause_findings(
            "This prohibition does not extend to the residence permit.",
            None,
            false
        ))
        .contains(&"condition-removed")
    );
    assert!(
        !names(&whole_clause_findings(
            "This Article does not apply to individual disputes between a worker and an employer.",
            None,
            true
        ))
        .contains(&"condition-added")
    );
}

/// A pay day fixed by an ordinal keeps its bound: a deadline that became a waiting time ("no later than"
/// → "no earlier than" or "not before" the seventh day, *paling lambat* → *paling cepat tanggal 7*) is a
/// changed number though the day is the same.
#[test]
fn an_ordinal_deadline_that_became_a_waiting_time_is_a_number_change() {
    for (old, new, value) in [
        (
            "The wage shall be paid no later than the seventh day of each month.",
            "The wage shall be paid no earlier than the seventh day of each month.",
            "no later than the seventh day of each month → no earlier than the seventh day of each month",
        ),
        (
            "The wage shall be paid no later than the seventh day of each month.",
            "The wage shall be paid not before the seventh day of each month.",
            "no later than the seventh day of each month → not before the seventh day of each month",
        ),
        (
            "Upah dibayarkan paling lambat tanggal 7 setiap bulan.",
            "Upah dibayarkan paling cepat tanggal 7 setiap bulan.",
            "paling lambat tanggal 7 setiap bulan → paling cepat tanggal 7 setiap bulan",
        ),
    ] {
        assert_eq!(number_changes(old, new), [value], "{new}");
    }
    // "by the 7th day", *sebelum tanggal 7*: the same deadline in other words.
    for (old, new) in [
        (
            "The wage shall be paid no later than the seventh day of each month.",
            "The wage shall be paid not later than the seventh day of each month.",
        ),
        (
            "The wage shall be paid no later than the seventh day of each month.",
            "The wage shall be paid by the 7th day of each month.",
        ),
        (
            "Upah dibayarkan paling lambat tanggal 7 setiap bulan.",
            "Upah dibayarkan sebelum tanggal 7 setiap bulan.",
        ),
    ] {
        assert!(number_changes(old, new).is_empty(), "{new}");
    }
}

/// A paragraph added that asks for the employer side's consent, whatever its verb ("The written
/// no-objection of the current Employer is required", *harus mendapat persetujuan dari Pemberi Kerja*, "a
/// release letter from the present sponsor must accompany …"), is a condition added; one that has the
/// employer obtain the worker's consent is not.
#[test]
fn a_paragraph_that_asks_the_employers_consent_is_a_condition_added() {
    let added = |text: &str| names(&whole_clause_findings(text, None, true));
    for text in [
        "The written no-objection of the current Employer is required.",
        "Pemberi Kerja baru harus mendapat persetujuan dari Pemberi Kerja saat ini.",
        "A release letter from the present sponsor must accompany the application.",
    ] {
        assert!(added(text).contains(&"condition-added"), "{text}");
    }
    assert!(
        !added("The Employer shall obtain the Worker's consent before any deduction.")
            .contains(&"condition-added")
    );
}
