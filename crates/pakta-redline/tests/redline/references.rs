//! Cross-references in NEW that no longer name what they named in OLD: the target renumbered, deleted with
//! its number given to another provision, or deleted with its number gone.

use pakta_redline::{Options, ReferenceFault, redline};

/// Five provisions in the document's own word; the fourth refers to the second. `omit` drops a provision and
/// renumbers the rest, while the reference keeps the number it had.
fn contract(word: &str, omit: Option<usize>) -> String {
    let bodies = [
        (
            "Scope",
            "1. This agreement covers workers in household service.",
        ),
        (
            "Wages",
            "1. The employer shall pay the wage into the worker's own account each month.",
        ),
        (
            "Passports",
            "1. The worker shall keep his passport and work permit.",
        ),
        (
            "Review",
            "1. The joint committee shall review the payment of wages under WORD 2 every year.",
        ),
        ("Final", "1. This agreement enters into force on signature."),
    ];
    bodies
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != omit)
        .enumerate()
        .map(|(n, (_, (title, body)))| {
            format!(
                "## {word} {} — {title}\n\n{}\n\n",
                n + 1,
                body.replace("WORD", word)
            )
        })
        .collect()
}

/// Deleting the provision a clause refers to, and renumbering the rest, leaves the reference naming whatever
/// took over the number: the redline says so, whichever word numbers the provisions.
#[test]
fn a_reference_to_a_deleted_provision_is_reported_when_its_number_is_reused() {
    for word in ["Article", "Section", "Pasal"] {
        let old = pakta_core::parse(&contract(word, None));
        let new = pakta_core::parse(&contract(word, Some(1)));
        let report = redline(&old, &new, &Options::default());
        let problems: Vec<_> = report
            .references
            .iter()
            .map(|r| (r.target.as_str(), r.problem, r.article.as_str()))
            .collect();
        assert_eq!(
            problems,
            [("2", ReferenceFault::Reused, "3")],
            "{word}: {:?}",
            report.references
        );
    }
}

/// When nothing took over the deleted provision's number, the reference names a provision that was deleted,
/// not one that never existed.
#[test]
fn a_reference_to_a_deleted_provision_without_a_successor_says_it_was_deleted() {
    let old = pakta_core::parse(&contract("Article", None));
    // Article 2 deleted and the others keep their numbers: "Article 2" now names nothing.
    let new = pakta_core::parse(
        &contract("Article", None).replace(
            "## Article 2 — Wages\n\n1. The employer shall pay the wage into the worker's own account each month.\n\n",
            "",
        ),
    );
    let report = redline(&old, &new, &Options::default());
    let problems: Vec<_> = report
        .references
        .iter()
        .map(|r| (r.target.as_str(), r.problem))
        .collect();
    assert_eq!(problems, [("2", ReferenceFault::Deleted)]);
}

/// A reference that follows its renumbered target is not a problem; one that kept the old number is.
#[test]
fn a_reference_that_kept_a_renumbered_target_is_reported_as_renumbered() {
    let old = pakta_core::parse(&contract("Article", None));
    // Article 1 deleted: Wages becomes Article 1, and "Article 2" in Review now names Passports.
    let new = pakta_core::parse(&contract("Article", Some(0)));
    let report = redline(&old, &new, &Options::default());
    let problems: Vec<_> = report
        .references
        .iter()
        .map(|r| (r.target.as_str(), r.meant.as_deref(), r.problem))
        .collect();
    assert_eq!(problems, [("2", Some("1"), ReferenceFault::Renumbered)]);
}

/// A reference to a paragraph of an article that was renumbered, and whose paragraphs moved down under a
/// new paragraph (1), names the paragraph it meant as well as the article, in either language: following
/// "now Article 4" alone would land on the new paragraph (1).
#[test]
fn a_reference_to_a_paragraph_of_a_renumbered_article_names_the_paragraph_too() {
    for (word, para) in [
        ("Article", "paragraph 1 of Article 3"),
        ("Pasal", "Pasal 3 ayat (1)"),
    ] {
        let doc = |inserted: bool| {
            let mut text =
                String::from("## W 1 — Scope\n\n1. This agreement covers household workers.\n\n");
            if inserted {
                text.push_str(
                    "## W 2 — Definitions\n\n1. Terms have the meaning given in the law.\n\n",
                );
            }
            let n = if inserted { 3 } else { 2 };
            text.push_str(&format!(
                "## W {n} — Wages\n\n1. The employer shall pay the wage monthly.\n\n"
            ));
            let n = n + 1;
            let first = if inserted {
                "1. The worker may keep a copy of any document.\n\n2. The employer shall not hold the passport.\n\n"
            } else {
                "1. The employer shall not hold the passport.\n\n"
            };
            text.push_str(&format!("## W {n} — Documents\n\n{first}"));
            text.push_str(&format!(
                "## W {} — Complaints\n\n1. A breach of REF may be reported to the labour office.\n",
                n + 1
            ));
            text.replace("## W", &format!("## {word}"))
                .replace("REF", para)
        };
        let report = redline(
            &pakta_core::parse(&doc(false)),
            &pakta_core::parse(&doc(true)),
            &Options::default(),
        );
        let problems: Vec<_> = report
            .references
            .iter()
            .map(|r| {
                (
                    r.target.as_str(),
                    r.meant.as_deref(),
                    r.meant_paragraph.as_deref(),
                )
            })
            .collect();
        assert_eq!(problems, [("3", Some("4"), Some("2"))], "{word}");
    }
}
