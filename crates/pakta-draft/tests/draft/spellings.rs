//! Term sheets as people write them: every spelling in `data/vocabulary.toml` (and its upper-case,
//! hyphenated and underscored forms) put into a real term sheet reads as its canonical value, and the
//! brief's own examples read as they should.

use pakta_draft::TermSheet;
use pakta_draft::termsheet::{Costs, Kind, Renewal, Role, Sector, WagePayment};
use pakta_draft::vocabulary::vocabulary;
use pakta_tests::repo;

fn base() -> String {
    std::fs::read_to_string(repo().join("agreements/termsheets/id-my.toml")).expect("id-my")
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string")
}

fn parse_with(from: &str, to: &str) -> TermSheet {
    let text = base();
    assert!(text.contains(from), "{from}");
    let changed = text.replacen(from, to, 1);
    TermSheet::parse("sheet.toml", &changed).unwrap_or_else(|e| panic!("{to}: {e}"))
}

/// The spelling as written, in capitals, with hyphens and with underscores for its spaces.
fn variants(spelling: &str) -> Vec<String> {
    vec![
        spelling.to_string(),
        spelling.to_uppercase(),
        spelling.replace(' ', "-"),
        spelling.replace(' ', "_"),
        format!(" {spelling} "),
    ]
}

/// What a parsed term sheet says for one vocabulary's field, as the canonical word.
fn read(table: &str, sheet: &TermSheet) -> String {
    match table {
        "kind" => match sheet.agreement.kind {
            Kind::Mou => "mou",
            Kind::Agreement => "agreement",
            Kind::Protocol => "protocol",
        }
        .to_string(),
        "renewal" => match sheet.agreement.renewal {
            Some(Renewal::Automatic) => "automatic",
            Some(Renewal::ByAgreement) => "by-agreement",
            None => "",
        }
        .to_string(),
        "languages" => sheet.agreement.languages.join(","),
        "sectors" => sheet
            .workers
            .sectors
            .iter()
            .map(|s| s.name())
            .collect::<Vec<_>>()
            .join(","),
        "recruitment_costs" => sheet
            .terms
            .recruitment_costs
            .map(Costs::name)
            .unwrap_or_default()
            .to_string(),
        "wage_payment" => match sheet.terms.wage_payment {
            Some(WagePayment::BankTransfer) => "bank-transfer".to_string(),
            None => String::new(),
        },
        "joint_committee_meets" => sheet
            .terms
            .joint_committee_meets
            .map(|n| n.to_string())
            .unwrap_or_default(),
        "currency" => sheet
            .terms
            .minimum_monthly_wage
            .as_ref()
            .map(|m| format!("{} {}", m.currency, m.amount))
            .unwrap_or_default(),
        other => panic!("no test for the vocabulary [{other}]"),
    }
}

#[test]
fn every_spelling_in_the_vocabulary_reads_as_its_value() {
    let mut tested = 0;
    for (table, words) in vocabulary().tables() {
        for (value, spellings) in &words.spellings {
            for spelling in std::iter::once(value).chain(spellings) {
                for written in variants(spelling) {
                    let q = quoted(&written);
                    let edits: Vec<(&str, String, String)> = match table {
                        "kind" => vec![("kind = \"mou\"", format!("kind = {q}"), value.clone())],
                        "renewal" => vec![(
                            "renewal = \"by-agreement\"",
                            format!("renewal = {q}"),
                            value.clone(),
                        )],
                        "role" => vec![if value == "origin" {
                            ("role = \"origin\"", format!("role = {q}"), value.clone())
                        } else {
                            (
                                "role = \"destination\"",
                                format!("role = {q}"),
                                value.clone(),
                            )
                        }],
                        "languages" => vec![(
                            "languages = [\"en\", \"id\"]",
                            format!("languages = [{q}]"),
                            value.clone(),
                        )],
                        "sectors" => vec![(
                            "sectors = [\"domestic-work\"]",
                            format!("sectors = [{q}]"),
                            value.clone(),
                        )],
                        "recruitment_costs" => vec![(
                            "recruitment_costs = \"employer\"",
                            format!("recruitment_costs = {q}"),
                            value.clone(),
                        )],
                        "wage_payment" => vec![(
                            "wage_payment = \"bank-transfer\"",
                            format!("wage_payment = {q}"),
                            value.clone(),
                        )],
                        "joint_committee_meets" => vec![(
                            "joint_committee_meets = \"twice-a-year\"",
                            format!("joint_committee_meets = {q}"),
                            value.clone(),
                        )],
                        "currency" => {
                            let wage =
                                "minimum_monthly_wage = { amount = 1500, currency = \"MYR\" }";
                            let expected = format!("{value} 1500");
                            vec![
                                (
                                    wage,
                                    format!(
                                        "minimum_monthly_wage = {}",
                                        quoted(&format!("{written} 1,500"))
                                    ),
                                    expected.clone(),
                                ),
                                (
                                    wage,
                                    format!(
                                        "minimum_monthly_wage = {}",
                                        quoted(&format!("1.500 {written}"))
                                    ),
                                    expected.clone(),
                                ),
                                (
                                    wage,
                                    format!(
                                        "minimum_monthly_wage = {{ amount = 1500, currency = {q} }}"
                                    ),
                                    expected,
                                ),
                            ]
                        }
                        other => panic!("no test for the vocabulary [{other}]"),
                    };
                    for (from, to, expected) in edits {
                        let sheet = parse_with(from, &to);
                        if table == "role" {
                            let role = if value == "origin" {
                                Role::Origin
                            } else {
                                Role::Destination
                            };
                            assert!(sheet.origin.role == role || sheet.destination.role == role);
                            assert_eq!(sheet.origin.code.as_deref(), Some("ID"), "{to}");
                        } else {
                            assert_eq!(read(table, &sheet), expected, "{to}");
                        }
                        tested += 1;
                    }
                }
            }
        }
    }
    assert!(tested > 1000, "{tested} spellings tried");
}

#[test]
fn the_spellings_negotiators_use_read_as_meant() {
    for (written, meetings) in [
        ("\"twice a year\"", 2),
        ("\"twice-a-year\"", 2),
        ("\"Twice A Year\"", 2),
        ("\"semi-annually\"", 2),
        ("\"biannually\"", 2),
        ("\"2\"", 2),
        ("2", 2),
        ("\"2 times a year\"", 2),
        ("\"once a year\"", 1),
        ("\"annually\"", 1),
        ("\"yearly\"", 1),
        ("1", 1),
        ("4.0", 4),
        ("\"quarterly\"", 4),
        ("\"every three months\"", 4),
        ("\"monthly\"", 12),
        ("\"12\"", 12),
    ] {
        let sheet = parse_with(
            "joint_committee_meets = \"twice-a-year\"",
            &format!("joint_committee_meets = {written}"),
        );
        assert_eq!(
            sheet.terms.joint_committee_meets,
            Some(meetings),
            "{written}"
        );
    }
    for written in [
        "bank transfer",
        "bank-transfer",
        "Bank_Transfer",
        "BANK TRANSFER",
    ] {
        let sheet = parse_with(
            "wage_payment = \"bank-transfer\"",
            &format!("wage_payment = {}", quoted(written)),
        );
        assert_eq!(sheet.terms.wage_payment, Some(WagePayment::BankTransfer));
    }
    let wage = "minimum_monthly_wage = { amount = 1500, currency = \"MYR\" }";
    for (written, amount, currency) in [
        ("\"SAR 1,500\"", 1500, "SAR"),
        ("\"1500 SAR\"", 1500, "SAR"),
        ("\"Rp 4.500.000\"", 4_500_000, "IDR"),
        ("\"RM 1,500 per month\"", 1500, "MYR"),
        ("\"NT$20,000\"", 20000, "TWD"),
        ("{ amount = 1500, currency = \"SAR\" }", 1500, "SAR"),
        ("{ amount = \"1,500\", currency = \"sar\" }", 1500, "SAR"),
        ("{ amount = 4500000, currency = \"Rp\" }", 4_500_000, "IDR"),
    ] {
        let sheet = parse_with(wage, &format!("minimum_monthly_wage = {written}"));
        let money = sheet.terms.minimum_monthly_wage.expect("a wage");
        assert_eq!(
            (money.amount, money.currency.as_str()),
            (amount, currency),
            "{written}"
        );
    }
    let sheet = parse_with(
        "sectors = [\"domestic-work\"]",
        "sectors = [\"Domestic Work\", \"care_work\", \"fisheries\"]",
    );
    assert_eq!(
        sheet.workers.sectors,
        [Sector::DomesticWork, Sector::CareWork, Sector::Fishing]
    );
    let sheet = parse_with("kind = \"mou\"", "kind = \"MoU\"");
    assert_eq!(sheet.agreement.kind, Kind::Mou);
    let sheet = parse_with(
        "languages = [\"en\", \"id\"]",
        "languages = [\"English\", \"Bahasa Indonesia\", \"EN\"]",
    );
    assert_eq!(sheet.agreement.languages, ["en", "id"]);
}

#[test]
fn a_wage_is_drafted_in_each_languages_way_whatever_its_spelling() {
    let (catalogue, models) = crate::library();
    let text = base().replacen(
        "minimum_monthly_wage = { amount = 1500, currency = \"MYR\" }",
        "minimum_monthly_wage = \"RM 1,500\"",
        1,
    );
    let (_, drafts) = crate::drafts("sheet.toml", &text, &catalogue, &models);
    assert!(drafts[0].markdown.contains("MYR 1,500"));
    assert!(drafts[1].markdown.contains("MYR 1.500"));
}
