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

/// One English text, its faithful Indonesian translation, and Indonesian versions that each diverge in
/// one place a translator must not change: who bears a cost, whom the wage is paid to, a consent asked
/// where the English needs none, leave paid or unpaid, a free service at the worker's expense, an
/// exemption from fees turned into a duty to pay, a deadline turned into a waiting time, a group left out,
/// and a period per week against per month. Each is found, in its article and of its kind, and nothing
/// elsewhere; the faithful text has no finding (and "one (1) full rest day" agrees with *1 (satu) hari istirahat penuh*).
#[test]
fn each_divergence_of_meaning_between_versions_is_found() {
    let en = pakta_core::parse(
        "## Article 1 — Costs\n\nThe Employer shall bear the cost of the air ticket and the visa.\n\n\
         ## Article 2 — Wages\n\nThe wage shall be paid to the Worker no later than the seventh day of each month.\n\n\
         ## Article 3 — Rest\n\nThe Worker shall be entitled to one (1) full rest day each week and to thirty (30) days of paid annual leave per year.\n\n\
         ## Article 4 — Complaints\n\nThe Worker may lodge a complaint with the labour office without the consent of the Employer, and shall be exempt from court fees.\n\n\
         ## Article 5 — Health\n\nThe Employer shall provide medical care to the Worker free of charge.\n\n\
         ## Article 6 — Definitions\n\n\"Worker\" means a national of Indonesia employed in Qatar, including domestic workers.\n",
    );
    let articles = [
        "## Pasal 1 — Biaya\n\nPemberi Kerja wajib menanggung biaya tiket pesawat dan visa.",
        "## Pasal 2 — Upah\n\nUpah dibayarkan kepada Pekerja paling lambat tanggal 7 setiap bulan.",
        "## Pasal 3 — Istirahat\n\nPekerja berhak atas 1 (satu) hari istirahat penuh setiap minggu dan 30 (tiga puluh) hari cuti tahunan berbayar setiap tahun.",
        "## Pasal 4 — Pengaduan\n\nPekerja dapat menyampaikan pengaduan kepada kantor ketenagakerjaan tanpa persetujuan Pemberi Kerja, dan dibebaskan dari biaya perkara.",
        "## Pasal 5 — Kesehatan\n\nPemberi Kerja wajib memberikan perawatan kesehatan kepada Pekerja tanpa biaya.",
        "## Pasal 6 — Definisi\n\n\"Pekerja\" adalah warga negara Indonesia yang bekerja di Qatar, termasuk pekerja rumah tangga.",
    ];
    let id = |replace: Option<(&str, &str)>| {
        let text = articles.join("\n\n");
        let text = match replace {
            Some((from, to)) => {
                assert!(text.contains(from), "{from}");
                text.replace(from, to)
            }
            None => text,
        };
        pakta_core::parse(&text)
    };
    let found = parallel(&en, &id(None)).inconsistencies;
    assert!(found.is_empty(), "{found:#?}");
    for (from, to, kind, article) in [
        (
            "Pemberi Kerja wajib menanggung",
            "Pekerja wajib menanggung",
            Kind::Party,
            "1",
        ),
        (
            "kepada Pekerja paling",
            "kepada agensi paling",
            Kind::Party,
            "2",
        ),
        (
            "paling lambat tanggal 7",
            "paling cepat tanggal 7",
            Kind::Quantity,
            "2",
        ),
        ("setiap minggu", "setiap bulan", Kind::Quantity, "3"),
        (
            "cuti tahunan berbayar",
            "cuti tahunan tidak berbayar",
            Kind::Cost,
            "3",
        ),
        (
            "tanpa persetujuan Pemberi Kerja",
            "dengan persetujuan Pemberi Kerja",
            Kind::Condition,
            "4",
        ),
        (
            "dibebaskan dari biaya perkara",
            "wajib membayar biaya perkara",
            Kind::Cost,
            "4",
        ),
        ("tanpa biaya.", "atas biaya Pekerja.", Kind::Cost, "5"),
        (
            "termasuk pekerja rumah tangga",
            "tidak termasuk pekerja rumah tangga",
            Kind::Condition,
            "6",
        ),
    ] {
        let found: Vec<(Kind, String)> = parallel(&en, &id(Some((from, to))))
            .inconsistencies
            .into_iter()
            .map(|i| (i.kind, i.article))
            .collect();
        // Found, and nothing found elsewhere (one divergence may show as two kinds in its article).
        assert!(
            found.contains(&(kind, article.to_string())),
            "{from} → {to}: {found:?}"
        );
        assert!(
            found.iter().all(|(_, a)| a == article),
            "{from} → {to}: {found:?}"
        );
    }
}
