//! Documents whose provisions are not "Article N": numbered lists of titled sections, bills of `SEC.`
//! sections, memoranda of `Paragraph`s, contracts of `Clause`s, list items that hold headings; and article
//! titles written in every way the parser reads. Each fixture's outline is also snapshotted by
//! `fixtures_match_snapshots`; these tests name the facts that matter.

use std::path::Path;

use pakta_core::{Agreement, ClauseKind, DivisionKind, crossref, lint, parse};

fn fixture(name: &str) -> (String, Agreement) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.md"));
    let text = std::fs::read_to_string(path).expect("fixture");
    let agreement = parse(&text);
    (text, agreement)
}

fn numbers(agreement: &Agreement) -> Vec<&str> {
    agreement
        .articles
        .iter()
        .map(|a| a.number.as_str())
        .collect()
}

fn headings(agreement: &Agreement) -> Vec<&str> {
    agreement
        .articles
        .iter()
        .map(|a| a.heading.as_deref().unwrap_or("-"))
        .collect()
}

fn clause_ids(agreement: &Agreement) -> Vec<String> {
    agreement
        .articles
        .iter()
        .flat_map(|a| a.clauses_flat().into_iter().map(|c| c.id.clone()))
        .collect()
}

fn one_to(n: usize) -> Vec<String> {
    (1..=n).map(|i| i.to_string()).collect()
}

/// Every reference in the document resolves: lint reports no broken reference.
fn no_broken_references(text: &str, agreement: &Agreement) {
    let broken: Vec<String> = lint::lint(agreement, text)
        .into_iter()
        .filter(|d| d.code == "broken-reference")
        .map(|d| d.message)
        .collect();
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn a_numbered_list_of_titled_sections() {
    let (text, agreement) = fixture("numbered-sections");
    assert_eq!(agreement.provision_word, None);
    assert_eq!(numbers(&agreement), one_to(12));
    assert_eq!(
        headings(&agreement),
        [
            "Term of Employment",
            "Duties",
            "Wages and Deductions",
            "Hours of Work",
            "Rest Days and Leave",
            "ACCOMMODATION AND MEALS",
            "Medical Care",
            "Identity Documents",
            "Communication",
            "Termination",
            "Disputes",
            "Governing Law",
        ]
    );
    let ids = clause_ids(&agreement);
    for id in [
        "art_1__para_1-2",
        "art_2__para_2-2__point_c",
        "art_3__para_3__point_b",
        "art_10__para_10-3__para_2",
        "art_12__subpara_1",
    ] {
        assert!(ids.iter().any(|i| i == id), "{id} missing from {ids:?}");
    }
    // The title line is the heading, not a clause.
    assert!(
        agreement.articles[0].clauses[0]
            .text
            .starts_with("The contract runs")
    );
    let schedules: Vec<(DivisionKind, Option<&str>, Option<&str>)> = agreement
        .divisions
        .iter()
        .map(|d| (d.kind, d.number.as_deref(), d.heading.as_deref()))
        .collect();
    assert_eq!(
        schedules,
        [
            (DivisionKind::Annex, Some("1"), Some("Particulars")),
            (DivisionKind::Annex, Some("2"), Some("Household Tasks")),
        ]
    );
    assert!(agreement.closing[0].text.starts_with("IN WITNESS WHEREOF"));
    assert!(
        agreement.diagnostics.is_empty(),
        "{:?}",
        agreement.diagnostics
    );
    no_broken_references(&text, &agreement);
}

#[test]
fn a_bill_of_sections() {
    let (text, agreement) = fixture("bill-sections");
    assert_eq!(agreement.provision_word.as_deref(), Some("section"));
    assert_eq!(numbers(&agreement), one_to(9));
    assert_eq!(
        headings(&agreement),
        [
            "SHORT TITLE",
            "DEFINITIONS",
            "REGISTRATION OF RECRUITERS",
            "PROHIBITED PRACTICES",
            "DISCLOSURE",
            "ENFORCEMENT",
            "PROTECTION AGAINST RETALIATION",
            "Rules",
            "EFFECTIVE DATE",
        ]
    );
    let ids = clause_ids(&agreement);
    for id in [
        "art_2__subpara_1",
        "art_2__para_3",
        "art_3__point_b__para_2",
        "art_4__point_b__para_3",
        "art_6__point_b",
    ] {
        assert!(ids.iter().any(|i| i == id), "{id} missing from {ids:?}");
    }
    // `SEC. 2. DEFINITIONS.` and `In this Act:` share a paragraph in the source; the title is not a clause.
    assert_eq!(agreement.articles[1].clauses[0].text, "In this Act:");
    assert!(agreement.divisions.is_empty());
    // References in the bill's own vocabulary.
    let article = |n: usize| &agreement.articles[n - 1];
    let found = |n: usize, clause: usize| {
        crossref::find_in(&article(n).clauses_flat()[clause].text, Some("section"))
            .into_iter()
            .map(|r| (r.article, r.paragraph, r.point))
            .collect::<Vec<_>>()
    };
    let s = |v: &str| Some(v.to_owned());
    assert_eq!(found(2, 3), [(s("4"), s("b"), s("2"))]);
    assert_eq!(found(6, 0), [(s("3"), None, None), (s("4"), None, None)]);
    assert_eq!(found(6, 1), [(s("4"), s("a"), None)]);
    assert_eq!(found(9, 0), [(s("3"), s("a"), None)]);
    no_broken_references(&text, &agreement);
}

#[test]
fn a_memorandum_of_paragraphs() {
    let (text, agreement) = fixture("mou-paragraphs");
    assert_eq!(agreement.provision_word.as_deref(), Some("paragraph"));
    assert_eq!(numbers(&agreement), one_to(10));
    assert_eq!(
        headings(&agreement),
        [
            "Purpose",
            "Definitions",
            "Sending Agency",
            "Selection of Job Seekers",
            "Costs",
            "Pre-departure and Arrival Training",
            "Protection of Workers",
            "Return",
            "Joint Committee",
            "Entry into Effect and Termination",
        ]
    );
    let ids = clause_ids(&agreement);
    for id in ["art_4__para_3", "art_5__para_2__point_c", "art_7__para_2"] {
        assert!(ids.iter().any(|i| i == id), "{id} missing from {ids:?}");
    }
    // "item 2 of Paragraph 5" is paragraph 2 of provision 5; "Paragraphs 5 to 7" names provisions.
    let costs = &agreement.articles[4].clauses[2].text;
    let found: Vec<_> = crossref::find_in(costs, Some("paragraph"))
        .into_iter()
        .map(|r| (r.article, r.paragraph))
        .collect();
    assert_eq!(found, [(Some("5".to_owned()), Some("2".to_owned()))]);
    assert!(agreement.closing[0].text.starts_with("Done at"));
    no_broken_references(&text, &agreement);
}

#[test]
fn a_contract_of_clauses_with_an_exhibit() {
    let (text, agreement) = fixture("clauses-exhibit");
    assert_eq!(agreement.provision_word.as_deref(), Some("clause"));
    assert_eq!(numbers(&agreement), one_to(9));
    assert_eq!(
        headings(&agreement),
        [
            "Definitions",
            "Scope of Services",
            "Recruitment Standards",
            "Fees Payable by the Grower",
            "Wages and Working Conditions",
            "Accommodation",
            "Complaints",
            "Term and Termination",
            "Governing Law",
        ]
    );
    let ids = clause_ids(&agreement);
    for id in [
        "art_1__para_1-1",
        "art_2__para_2-2",
        "art_5__para_5-2__point_b",
        "art_7__para_7-1__point_c__point_ii",
        "art_7__para_7-2",
    ] {
        assert!(ids.iter().any(|i| i == id), "{id} missing from {ids:?}");
    }
    let exhibit = &agreement.divisions[0];
    assert_eq!(
        (
            exhibit.kind,
            exhibit.number.as_deref(),
            exhibit.heading.as_deref()
        ),
        (DivisionKind::Annex, Some("A"), Some("Fee Schedule"))
    );
    assert_eq!(exhibit.id, "annex_a");
    // "clause 4.1" resolves to paragraph 4.1 of Clause 4, "clause 5.2(c)" to its point (c).
    no_broken_references(&text, &agreement);
    let broken = text.replace("clause 5.2(c)", "clause 5.4(c)");
    let messages: Vec<String> = lint::lint(&parse(&broken), &broken)
        .into_iter()
        .filter(|d| d.code == "broken-reference")
        .map(|d| d.message)
        .collect();
    assert_eq!(
        messages,
        ["reference to point (c) of paragraph 4 of Clause 5: Clause 5 has no paragraph 4"]
    );
}

#[test]
fn list_items_that_hold_headings() {
    let (text, agreement) = fixture("list-headings");
    assert_eq!(agreement.provision_word, None);
    assert_eq!(numbers(&agreement), one_to(8));
    assert_eq!(
        headings(&agreement),
        [
            "Objective",
            "Scope",
            "Assessment",
            "Certificates",
            "Costs",
            "Languages",
            "Review",
            "Entry into Effect",
        ]
    );
    // The paragraphs of an item are the provision's paragraphs, not one run-on clause.
    let scope: Vec<&str> = agreement.articles[1]
        .clauses
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(
        scope,
        [
            "This Arrangement covers workers in construction, care work and hospitality.",
            "It does not cover regulated professions."
        ]
    );
    let ids = clause_ids(&agreement);
    for id in ["art_3__para_2", "art_6__para_2__point_b"] {
        assert!(ids.iter().any(|i| i == id), "{id} missing from {ids:?}");
    }
    assert_eq!(agreement.closing.len(), 1);
    no_broken_references(&text, &agreement);
}

#[test]
fn article_titles_wherever_they_are_written() {
    let (text, agreement) = fixture("title-styles");
    assert_eq!(agreement.provision_word.as_deref(), Some("article"));
    assert_eq!(numbers(&agreement), one_to(9));
    assert_eq!(
        headings(&agreement),
        [
            "Definitions",
            "Scope of application",
            "Use of employment services",
            "Recruitment costs",
            "Wages",
            "REST PERIODS",
            "ANNUAL LEAVE",
            "Repatriation",
            "Settlement of disputes",
        ]
    );
    // No title is also a clause: each article starts with its own text.
    let first: Vec<String> = agreement
        .articles
        .iter()
        .map(|a| {
            a.clauses[0]
                .text
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(
        first,
        [
            "In this Agreement,",
            "This Agreement applies",
            "The Parties shall",
            "No worker shall",
            "Wages shall be",
            "Workers are entitled",
            "Workers are entitled",
            "The employer shall",
            "Disputes shall be",
        ]
    );
    assert_eq!(agreement.articles[2].clauses.len(), 2);
    assert_eq!(agreement.articles[2].clauses[0].kind, ClauseKind::Paragraph);
    no_broken_references(&text, &agreement);
}

/// In a document that uses "Article", "Section" is a division and "paragraph 2 of Article 3" a reference to
/// an article's paragraph, as they always were.
#[test]
fn article_documents_keep_sections_and_paragraphs() {
    let text = "# Agreement on Seasonal Work

## Section 1 — General Provisions

### Article 1

(1) This Agreement applies to seasonal workers.

(2) It applies for as long as both Parties remain members of the Joint Committee.

### Article 2

Paragraph 2 of Article 1 applies also to the annex. Section 3 of the Immigration Act is not affected.

## Section 2 — Recruitment

### Article 3

Paragraph 1

Recruitment is free of charge, as provided in paragraph 2 of Article 1.
";
    let agreement = parse(text);
    assert_eq!(agreement.provision_word.as_deref(), Some("article"));
    assert_eq!(numbers(&agreement), ["1", "2", "3"]);
    let divisions: Vec<(DivisionKind, Option<&str>)> = agreement
        .divisions
        .iter()
        .map(|d| (d.kind, d.number.as_deref()))
        .collect();
    assert_eq!(
        divisions,
        [
            (DivisionKind::Section, Some("1")),
            (DivisionKind::Section, Some("2"))
        ]
    );
    // `Paragraph 1` is a line of Article 3, neither a heading nor a provision.
    assert_eq!(agreement.articles[2].clauses[0].text, "Paragraph 1");
    for article in &agreement.articles {
        for clause in article.clauses_flat() {
            let old = crossref::find(&clause.text);
            assert_eq!(crossref::find_in(&clause.text, Some("article")), old);
            assert_eq!(crossref::find_in(&clause.text, None), old);
        }
    }
    let references = crossref::find(&agreement.articles[1].clauses[0].text);
    assert_eq!(references.len(), 1);
    assert_eq!(
        (
            references[0].article.as_deref(),
            references[0].paragraph.as_deref()
        ),
        (Some("1"), Some("2"))
    );
    no_broken_references(text, &agreement);
}

/// A line the scan took for a provision heading is text again when the Markdown turns out to use
/// articles (here an article number written as code, which only the Markdown pass reads).
#[test]
fn a_wrong_guess_loses_no_text() {
    let text = "# T\n\n## Article `1`\n\nSEC. 2. DEFINITIONS.\nIn this Act: words.\n";
    let agreement = parse(text);
    assert_eq!(agreement.provision_word.as_deref(), Some("article"));
    assert_eq!(numbers(&agreement), ["1"]);
    let all = agreement.articles[0].text();
    assert!(all.contains("SEC. 2. DEFINITIONS."), "{all}");
    assert!(all.contains("In this Act: words."), "{all}");
}

/// Provision lines written as text, not Markdown headings, with titles after the number, in brackets, or
/// on the next line; lettered sections stay divisions; messages name sections.
#[test]
fn provision_lines_in_plain_text() {
    let text = "# Placement Rules

## Section A — General

Section 1 — Scope
These rules apply to every licensed placement agency.

§ 2
**Definitions**
In these rules, \"agency\" means a licensed placement agency.

Section 2. Licences.

(a) An agency needs a licence.

## Appendix — Forms

Form 1 is the licence application.
";
    let agreement = parse(text);
    assert_eq!(agreement.provision_word.as_deref(), Some("section"));
    assert_eq!(numbers(&agreement), ["1", "2", "2"]);
    assert_eq!(headings(&agreement), ["Scope", "Definitions", "Licences"]);
    assert_eq!(
        agreement.articles[1].clauses[0].text,
        "In these rules, \"agency\" means a licensed placement agency."
    );
    let divisions: Vec<(DivisionKind, Option<&str>)> = agreement
        .divisions
        .iter()
        .map(|d| (d.kind, d.number.as_deref()))
        .collect();
    assert_eq!(
        divisions,
        [
            (DivisionKind::Section, Some("A")),
            (DivisionKind::Annex, None)
        ]
    );
    let messages: Vec<&str> = agreement
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(messages, ["duplicate section number 2 (also at line 8)"]);

    let memorandum = "Paragraph 1 (Purpose)
The Sides will cooperate on the sending of workers.

Paragraph 2 (Costs)
Workers pay no fee, except as provided in subparagraph 2 of Paragraph 1.
";
    let agreement = parse(memorandum);
    assert_eq!(agreement.provision_word.as_deref(), Some("paragraph"));
    assert_eq!(headings(&agreement), ["Purpose", "Costs"]);
    let contract =
        "Clause 1\nWAGES\nThe wage is paid monthly.\n\nClause 2: Leave\nLeave is paid.\n";
    let agreement = parse(contract);
    assert_eq!(agreement.provision_word.as_deref(), Some("clause"));
    assert_eq!(headings(&agreement), ["WAGES", "Leave"]);
    assert_eq!(
        agreement.articles[0].clauses[0].text,
        "The wage is paid monthly."
    );
}

/// Numbered lists whose items are sentences, not titles, stay what they were: text before any article.
#[test]
fn numbered_sentences_are_not_sections() {
    let text = "The Parties agree:

1. The Employer shall pay the Worker a monthly
   wage of 1,500 on the last day of the month.
2. Wages are paid into the Worker's account.

   (a) The account is in the Worker's name.
";
    let agreement = parse(text);
    assert!(agreement.articles.is_empty());
    assert_eq!(agreement.provision_word, None);
    assert!(
        agreement
            .diagnostics
            .iter()
            .any(|d| d.code == "no-articles")
    );
}

/// A reference to paragraph 2 of a named article with a single unnumbered paragraph names nothing
/// ("Pasal 2 ayat (2)" after a new Pasal 2 was inserted); a reference to its paragraph 1, or a bare
/// "paragraph 2" in a text numbered in paragraphs, is left alone.
#[test]
fn a_paragraph_an_unnumbered_article_cannot_have_is_a_broken_reference() {
    let text = "## Pasal 1 — Ruang Lingkup\n\nPersetujuan ini berlaku bagi Pekerja.\n\n## Pasal 2 — Dokumen\n\nPemberi Kerja dilarang menahan paspor.\n\n## Pasal 3 — Pengaduan\n\nPelanggaran Pasal 2 ayat (REF) dapat diadukan.\n";
    let broken = |n: &str| -> Vec<String> {
        let text = text.replace("REF", n);
        lint::lint(&parse(&text), &text)
            .into_iter()
            .filter(|d| d.code == "broken-reference")
            .map(|d| d.message)
            .collect()
    };
    assert_eq!(
        broken("2"),
        ["reference to paragraph 2 of Article 2: Article 2 has no paragraph 2"]
    );
    assert!(broken("1").is_empty());
}
