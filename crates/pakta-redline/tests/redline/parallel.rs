//! Language versions: the bundled English and Indonesian ID–TW MoU agree; a planted amount mismatch is found.

use pakta_redline::parallel::{Kind, parallel};

use crate::{parse, read};

#[test]
fn the_bundled_versions_agree_and_a_planted_mismatch_is_found() {
    let en = parse("agreements/examples/id-tw-mou.en.md");
    let id = parse("agreements/examples/id-tw-mou.id.md");
    let clean = parallel(&en, &id);
    assert_eq!(clean.aligned, en.articles.len());
    assert!(
        clean.inconsistencies.is_empty(),
        "{:#?}",
        clean.inconsistencies
    );

    // Plant: the Indonesian wage floor changes, and one Indonesian reference points elsewhere.
    let text = read("agreements/examples/id-tw-mou.id.md");
    let amount = pakta_norms::quantity::quantities(&text)
        .into_iter()
        .find(|q| q.unit == pakta_norms::quantity::Unit::Money)
        .expect("an amount in the Indonesian text");
    let planted = format!(
        "{}{}{}",
        &text[..amount.start],
        amount.text.replacen(|c: char| c.is_ascii_digit(), "9", 1),
        &text[amount.end..]
    );
    let changed = parallel(&en, &pakta_core::parse(&planted));
    let found: Vec<_> = changed
        .inconsistencies
        .iter()
        .filter(|i| i.kind == Kind::Quantity)
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", changed.inconsistencies);
    assert!(
        found[0]
            .b
            .starts_with(&amount.text.replacen(|c: char| c.is_ascii_digit(), "9", 1)),
        "{:?}",
        found[0]
    );
}
