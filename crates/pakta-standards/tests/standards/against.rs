//! `check --against`: a protection that a later draft qualifies is `qualified`, never `improved`.

use pakta_core::Language;
use pakta_standards::Checker;
use pakta_standards::compare::{Direction, compare};

use crate::catalogue;

#[test]
fn a_protection_the_later_draft_qualifies_is_not_an_improvement() {
    let catalogue = catalogue();
    let checker = Checker::new(&catalogue);
    let profile = catalogue.profile("all").expect("all");
    let draft = |clause: &str| {
        pakta_core::parse(&format!(
            "---\nlanguage: en\n---\n\n# Test\n\n## Article 5 — Identity Documents\n\n1. {clause}\n"
        ))
    };
    let earlier = draft("The Employer shall not hold the passport or identity card of the Worker.");
    let later = draft(
        "The Employer shall not hold the passport or identity card of the Worker, except with the \
         consent of the Worker for safekeeping.",
    );
    let en = Language::from_code("en");
    let changes = compare(
        &checker.check(&earlier, profile, Some(&en)),
        &checker.check(&later, profile, Some(&en)),
    );
    let change = changes
        .iter()
        .find(|c| c.requirement == "identity-documents")
        .expect("identity documents changed");
    assert_eq!(change.direction, Direction::Qualified, "{change:?}");
}

/// A requirement the earlier draft missed that the later one addresses only with a qualification (missing
/// → uncertain) is `qualified` too: a clause hostile to the worker must not read as an improvement.
#[test]
fn a_missing_protection_addressed_with_a_qualification_is_not_an_improvement() {
    let catalogue = catalogue();
    let checker = Checker::new(&catalogue);
    let profile = catalogue.profile("all").expect("all");
    let draft = |clause: &str| {
        pakta_core::parse(&format!(
            "---\nlanguage: en\n---\n\n# Test\n\n## Article 1 — Scope\n\n1. This Agreement applies to workers placed in households.\n{clause}"
        ))
    };
    let earlier = draft("");
    let later = draft(
        "\n## Article 5 — Identity Documents\n\n1. The Employer shall not hold the passport or identity card of the Worker, except with the consent of the Worker for safekeeping.\n",
    );
    let en = Language::from_code("en");
    let (before, after) = (
        checker.check(&earlier, profile, Some(&en)),
        checker.check(&later, profile, Some(&en)),
    );
    let status = |c: &pakta_standards::Coverage| c.result("identity-documents").map(|r| r.status);
    assert_eq!(
        (status(&before), status(&after)),
        (
            Some(pakta_standards::Status::Missing),
            Some(pakta_standards::Status::Uncertain)
        )
    );
    let change = compare(&before, &after)
        .into_iter()
        .find(|c| c.requirement == "identity-documents")
        .expect("identity documents changed");
    assert_eq!(change.direction, Direction::Qualified, "{change:?}");
}
