//! An article merged into another or split out of one carries the flags of what its text became: the
//! concession hidden in the move is flagged where the negotiator looks.

use pakta_redline::{Flag, Options, Status, redline};

const OLD: &str = "## Article 1 — Wages\n\n1. Wages are paid monthly into the worker's own account.\n\n2. Overtime shall be paid at 150 percent of the hourly rate.\n\n## Article 2 — Rest\n\n1. The worker shall have one rest day each week.\n\n## Article 3 — Change of Employer\n\n1. The worker may change employer without the consent of the current employer.\n\n## Article 4 — Final Provisions\n\n1. This Agreement enters into force on signature.\n";

/// Article 3 merged into Article 2 with its consent condition turned around: the deleted article says
/// what it became.
#[test]
fn an_article_merged_into_another_carries_the_flags_of_what_it_became() {
    let new = OLD.replace(
        "## Article 2 — Rest\n\n1. The worker shall have one rest day each week.\n\n## Article 3 — Change of Employer\n\n1. The worker may change employer without the consent of the current employer.\n\n## Article 4",
        "## Article 2 — Rest and Mobility\n\n1. The worker shall have one rest day each week.\n\n2. The worker may change employer with the consent of the current employer.\n\n## Article 3",
    );
    let report = redline(
        &pakta_core::parse(OLD),
        &pakta_core::parse(&new),
        &Options::default(),
    );
    let merged = report
        .articles()
        .find(|a| a.status == Status::Deleted)
        .expect("a deleted article");
    assert_eq!(merged.merged_into.as_deref(), Some("2"));
    assert!(
        merged.flags.contains(&Flag::ConditionAdded),
        "{:?}",
        merged.flags
    );
}

/// Overtime split out of the wage article as "may be paid at 125 percent": the added article says what
/// changed on the way.
#[test]
fn an_article_split_from_another_carries_the_flags_of_what_it_came_from() {
    let new = OLD.replace(
        "\n\n2. Overtime shall be paid at 150 percent of the hourly rate.\n\n## Article 2 — Rest",
        "\n\n## Article 1A — Overtime\n\n1. Overtime may be paid at 125 percent of the hourly rate.\n\n## Article 2 — Rest",
    );
    let report = redline(
        &pakta_core::parse(OLD),
        &pakta_core::parse(&new),
        &Options::default(),
    );
    let split = report
        .articles()
        .find(|a| a.status == Status::Added)
        .expect("an added article");
    assert_eq!(split.split_from.as_deref(), Some("1"));
    for flag in [Flag::ModalWeakened, Flag::NumberChanged] {
        assert!(split.flags.contains(&flag), "{:?}", split.flags);
    }
}
