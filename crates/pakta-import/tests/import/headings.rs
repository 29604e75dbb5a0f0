//! Text as `pdftotext -layout` prints a PDF (page heads and feet, form feeds), with the heading styles of
//! real agreements: `Pasal 1 Tujuan dan Ruang Lingkup` (number and title on one line), `Pasal 2` over its
//! title, `PASAL 3`, `Pasal 4 — Upah`, `BAB I KETENTUAN UMUM`, `Article 1 Purpose and Scope`, `ARTICLE 2`,
//! `Section 1. Duties`; sentences that begin with an article reference stay text. The fixtures were
//! written for these tests.

use pakta_core::{Agreement, parse};
use pakta_import::origin::Origin;
use pakta_import::text::import;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .expect("fixture")
}

fn headings(agreement: &Agreement) -> Vec<String> {
    agreement
        .articles
        .iter()
        .map(|a| format!("{} {}", a.number, a.heading.as_deref().unwrap_or("")))
        .collect()
}

fn texts(agreement: &Agreement, number: &str) -> Vec<String> {
    agreement
        .articles
        .iter()
        .find(|a| a.number == number)
        .expect("article")
        .clauses_flat()
        .iter()
        .map(|c| c.text.clone())
        .collect()
}

/// Where `needle` first stands in paginated text: (page, line), both from 1.
fn place(text: &str, needle: &str) -> Origin {
    for (p, page) in text.split('\u{c}').enumerate() {
        if let Some(i) = page.lines().position(|l| l.contains(needle)) {
            return Origin::Page {
                page: p + 1,
                line: i + 1,
            };
        }
    }
    panic!("{needle} not in the text")
}

#[test]
fn pasal_headings_with_the_title_on_the_same_line() {
    let text = fixture("mou-pasal.layout.txt");
    let imported = import(&text, "mou.pdf");
    let md = &imported.markdown;
    let agreement = parse(md);
    assert_eq!(
        headings(&agreement),
        [
            "1 Tujuan dan Ruang Lingkup",
            "2 Definisi",
            "3 PERJANJIAN KERJA",
            "4 Upah",
            "5 Biaya Penempatan",
            "6 Penyelesaian Perselisihan",
            "7 Mulai Berlaku"
        ],
        "{md}"
    );
    assert_eq!(imported.report.articles, 7);
    assert_eq!(imported.report.divisions, 3);
    assert!(
        md.contains("\n### Pasal 1 \u{2014} Tujuan dan Ruang Lingkup\n"),
        "{md}"
    );
    assert!(
        md.contains("\n### PASAL 3 \u{2014} PERJANJIAN KERJA\n"),
        "{md}"
    );
    let divisions: Vec<_> = agreement
        .divisions
        .iter()
        .map(|d| d.heading.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        divisions,
        ["KETENTUAN UMUM", "HAK DAN KEWAJIBAN", "KETENTUAN PENUTUP"]
    );
    // Sentences that begin with "Pasal 5 ayat (2)" or "Pasal 3 Undang-Undang …" stay in their article.
    assert_eq!(
        texts(&agreement, "5"),
        [
            "Pasal 5 ayat (2) mengatur pengecualian atas pemotongan upah yang disepakati secara tertulis oleh Pekerja Migran.",
            "Pasal 3 Undang-Undang Nomor 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia tetap berlaku bagi Pekerja Migran selama masa penempatan dan setelah kembali ke daerah asal."
        ]
    );
    // Page heads and feet are gone from the text; the running head, the draft's name, is kept in the
    // front matter, and preamble and closing are found.
    let body = md
        .split_once("\n---\n\n")
        .map_or(md.as_str(), |(_, body)| body);
    assert!(
        !body.contains("Halaman") && !body.contains("RI - NUSANTARA"),
        "{md}"
    );
    assert_eq!(
        agreement.meta.running_heads,
        ["NOTA KESEPAHAMAN RI - NUSANTARA"]
    );
    assert_eq!(agreement.preamble.len(), 3);
    assert!(agreement.closing[0].text.starts_with("Dibuat di Jakarta"));
    assert_eq!(
        agreement.title.as_deref(),
        Some(
            "NOTA KESEPAHAMAN ANTARA PEMERINTAH REPUBLIK INDONESIA DAN PEMERINTAH NEGARA NUSANTARA TENTANG PENEMPATAN DAN PELINDUNGAN PEKERJA MIGRAN"
        )
    );
    assert!(
        agreement
            .diagnostics
            .iter()
            .all(|d| d.code != "text-before-first-article"),
        "{:?}",
        agreement.diagnostics
    );
}

#[test]
fn article_and_section_headings_in_english() {
    let text = fixture("agreement-article.layout.txt");
    let imported = import(&text, "");
    let agreement = parse(&imported.markdown);
    assert_eq!(
        headings(&agreement),
        [
            "1 Purpose and Scope",
            "2 DEFINITIONS",
            "3 Equality of Treatment",
            "4 Wages",
            "5 Entry into Force"
        ],
        "{}",
        imported.markdown
    );
    assert_eq!(
        texts(&agreement, "3")[1],
        "Article 3 of the Convention provides that the Parties shall inform each other of their laws on employment."
    );
    assert_eq!(
        texts(&agreement, "4")[1],
        "Article 3 of the Convention provides that wages are paid in legal tender only, and the Parties shall apply it."
    );
    assert_eq!(agreement.closing.len(), 2);

    let text = fixture("contract-sections.layout.txt");
    let imported = import(&text, "");
    let agreement = parse(&imported.markdown);
    assert_eq!(
        headings(&agreement),
        ["1 Duties", "2 Hours of Work and Rest", "3 Wages"],
        "{}",
        imported.markdown
    );
    // The report counts what the parser sees: these sections are the contract's articles.
    assert_eq!(
        (imported.report.articles, imported.report.divisions),
        (3, 0)
    );
}

#[test]
fn markdown_lines_point_at_pages_and_lines_of_the_pdf_text() {
    let text = fixture("mou-pasal.layout.txt");
    let imported = import(&text, "mou.pdf");
    let map = &imported.source_map;
    let md: Vec<&str> = imported.markdown.lines().collect();
    assert_eq!(md.len(), map.len());
    let origin = |prefix: &str| {
        let n = md
            .iter()
            .position(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("{prefix}"));
        map.origin(n + 1)
    };
    assert_eq!(origin("title:"), None);
    assert_eq!(origin("# NOTA"), Some(Origin::Page { page: 1, line: 3 }));
    assert_eq!(origin("### Pasal 1"), Some(place(&text, "Pasal 1 Tujuan")));
    assert_eq!(origin("## BAB II"), Some(place(&text, "BAB II")));
    assert_eq!(
        origin("### PASAL 3"),
        Some(Origin::Page { page: 2, line: 5 })
    );
    assert_eq!(
        origin("### PASAL 3").map(|o| o.to_string()).as_deref(),
        Some("page 2, line 5")
    );
    // A paragraph re-joined from two lines points at its first.
    assert_eq!(
        origin("(2) Perjanjian kerja"),
        Some(place(&text, "(2) Perjanjian kerja"))
    );
    assert_eq!(
        origin("| Untuk Pemerintah"),
        Some(place(&text, "Untuk Pemerintah"))
    );
    assert_eq!(origin("| --- |"), None);
    assert_eq!(
        origin("| Republik Indonesia"),
        Some(place(&text, "Republik Indonesia    "))
    );
    for (n, line) in md.iter().enumerate() {
        if line.is_empty() {
            assert_eq!(map.origin(n + 1), None);
        }
    }
}

#[test]
fn text_without_form_feeds_is_placed_by_line() {
    let text = "AGREEMENT\n\nThe Parties agree as follows:\n\nArticle 1 Scope\n\nIt applies to all workers.\n";
    let imported = import(text, "a.txt");
    let md: Vec<&str> = imported.markdown.lines().collect();
    let n = md
        .iter()
        .position(|l| l.starts_with("## Article 1"))
        .expect("heading");
    assert_eq!(imported.source_map.origin(n + 1), Some(Origin::Line(5)));
    let n = md
        .iter()
        .position(|l| l.starts_with("It applies"))
        .expect("text");
    assert_eq!(imported.source_map.origin(n + 1), Some(Origin::Line(7)));
}

#[test]
fn an_empty_source_names_no_file() {
    let text = fixture("agreement-article.layout.txt");
    let named = import(&text, "draft-3.pdf").markdown;
    let anonymous = import(&text, "").markdown;
    assert!(named.contains("draft-3.pdf"));
    assert!(
        !anonymous.contains(".pdf") && !anonymous.contains(" from "),
        "{anonymous}"
    );
    // Read on the fly, the import carries no front matter but the running heads, which are the draft's
    // status: the text, and what every page says it is.
    assert!(named.starts_with("---\n"), "{named}");
    let body = |md: &str| {
        md.split_once("\n---\n\n")
            .map_or("", |(_, body)| body)
            .to_string()
    };
    assert_eq!(body(&named), body(&anonymous), "the rest is the same");
    assert_eq!(
        parse(&anonymous).meta,
        pakta_core::Meta {
            running_heads: vec!["Selatan-Utara Agreement Draft 3 (restricted)".to_string()],
            ..pakta_core::Meta::default()
        }
    );
    // Two files with the same text import to the same Markdown.
    assert_eq!(anonymous, import(&text, "").markdown);
}
