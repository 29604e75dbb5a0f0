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
