//! What the ignore options leave out, and what they never hide.

use pakta_redline::{Options, Status, redline};

#[test]
fn ignoring_punctuation_never_hides_an_amount_or_a_comparison() {
    let article = |text: &str| pakta_core::parse(&format!("## Article 1\n\n{text}\n"));
    let ignoring = Options {
        ignore_punctuation: true,
        ..Options::default()
    };
    // (old, new, whether the change is more than punctuation)
    for (old, new, differs) in [
        (
            "The fee is 15% of one month's wage.",
            "The fee is 15 of one month's wage.",
            true,
        ),
        ("The bond is $250.", "The bond is 250.", true),
        ("Rest is ≥ 10 hours a day.", "Rest is 10 hours a day.", true),
        (
            "The employer pays; the worker does not.",
            "The employer pays, the worker does not",
            false,
        ),
        ("The \"Employer\" pays.", "The Employer pays.", false),
        // A separator inside a number is part of it: in English "1.500" is one and a half.
        ("The wage is USD 1,500.", "The wage is USD 1.500.", true),
        ("The wage is USD 1,500.", "The wage is USD 1,500", false),
    ] {
        let r = redline(&article(old), &article(new), &ignoring);
        let modified = r.articles().any(|x| x.status == Status::Modified);
        assert_eq!(modified, differs, "{old} → {new}");
    }
}
