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

/// Two versions that agree on every number but not on what they allow: the English forbids keeping the
/// passport, the Indonesian allows it; the English counts leave per year, the Indonesian per month.
#[test]
fn a_ban_that_the_other_version_allows_and_a_changed_period_are_found() {
    let en = pakta_core::parse(
        "## Article 1 — Leave\n\nThe caregiver is entitled to 10 (ten) days of paid leave per year.\n\n## Article 2 — Documents\n\nThe employer shall not hold the caregiver's passport.\n\n## Article 3 — Wages\n\nThe employer shall pay the wage monthly.\n",
    );
    let id = |leave: &str, documents: &str| {
        pakta_core::parse(&format!(
            "## Pasal 1 — Cuti\n\n{leave}\n\n## Pasal 2 — Dokumen\n\n{documents}\n\n## Pasal 3 — Upah\n\nPemberi kerja wajib membayar upah setiap bulan.\n"
        ))
    };
    let faithful = id(
        "Pengasuh berhak atas cuti berbayar selama 10 (sepuluh) hari setiap tahun.",
        "Pemberi kerja dilarang menyimpan paspor pengasuh.",
    );
    let found = parallel(&en, &faithful).inconsistencies;
    assert!(found.is_empty(), "{found:#?}");
    let unfaithful = id(
        "Pengasuh berhak atas cuti berbayar selama 10 (sepuluh) hari setiap bulan.",
        "Pemberi kerja boleh menyimpan paspor pengasuh.",
    );
    let kinds: Vec<(Kind, String)> = parallel(&en, &unfaithful)
        .inconsistencies
        .into_iter()
        .map(|i| (i.kind, i.article))
        .collect();
    assert_eq!(
        kinds,
        [
            (Kind::Quantity, "1".to_string()),
            (Kind::Modality, "2".to_string())
        ]
    );
}

/// Each version of the bundled MoU says the English text prevails; an Indonesian version that says its
/// own text prevails disagrees with the English one, in the closing formula.
#[test]
fn versions_that_each_declare_a_different_prevailing_text_are_found() {
    let en = parse("agreements/examples/id-tw-mou.en.md");
    let text = read("agreements/examples/id-tw-mou.id.md");
    let planted = text.replace(
        "naskah dalam bahasa Inggris yang berlaku",
        "naskah dalam bahasa Indonesia yang berlaku",
    );
    assert_ne!(
        planted, text,
        "the Indonesian closing formula names the prevailing text"
    );
    let found = parallel(&en, &pakta_core::parse(&planted));
    let texts: Vec<_> = found
        .inconsistencies
        .iter()
        .filter(|i| i.kind == Kind::AuthenticTexts)
        .collect();
    assert_eq!(texts.len(), 1, "{:#?}", found.inconsistencies);
    assert_eq!(texts[0].clause.as_deref(), Some("closing formula"));
    assert_eq!(texts[0].a, "English, Indonesian; English prevails");
    assert_eq!(texts[0].b, "English, Indonesian; Indonesian prevails");
}
