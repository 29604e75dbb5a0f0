//! Word documents → Markdown → pakta's parser: a .docx written by pakta imports back to the same article
//! structure, and a tracked-change .docx to NEW's (changes accepted) or OLD's (rejected).

use pakta_core::{Agreement, parse};
use pakta_import::docx::{Changes, import, markdown, read};
use pakta_import::origin::Origin;

/// What must survive the round trip: each article's number and heading, and each clause's label and text.
fn structure(agreement: &Agreement) -> Vec<String> {
    let mut out = Vec::new();
    for article in &agreement.articles {
        out.push(format!(
            "Article {} | {}",
            article.number,
            article.heading.as_deref().unwrap_or("")
        ));
        for clause in article.clauses_flat() {
            out.push(format!(
                "  {} {}",
                clause.label.as_deref().unwrap_or("·"),
                clause.text
            ));
        }
    }
    out
}

fn example(name: &str) -> String {
    std::fs::read_to_string(pakta_tests::example(name)).expect("example")
}

#[test]
fn a_docx_written_by_pakta_imports_to_the_same_structure() {
    for name in [
        "id-tw-mou.en.md",
        "id-tw-mou.id.md",
        "id-my-domestic.v2.md",
        "ph-sa-domestic.en.md",
    ] {
        let original = parse(&example(name));
        let bytes = pakta_docx::clean(&original, None).expect("docx");
        let imported = parse(&markdown(&read(&bytes, Changes::Accept).expect("reads")));
        assert_eq!(structure(&imported), structure(&original), "{name}");
        assert_eq!(imported.title, original.title, "{name}");
        assert_eq!(
            imported.divisions.len(),
            original.divisions.len(),
            "{name}: divisions"
        );
    }
}

#[test]
fn tracked_changes_choose_the_text() {
    let (old, new) = (
        parse(&example("id-my-domestic.v1.md")),
        parse(&example("id-my-domestic.v2.md")),
    );
    let redline = pakta_redline::redline(&old, &new, &pakta_redline::Options::default());
    let document = pakta_redline::document::tracked(&old, &new, &redline);
    let bytes = pakta_docx::tracked(
        &document,
        &redline,
        &pakta_docx::Revision {
            author: "pakta",
            date: None,
        },
    )
    .expect("docx");
    let accepted = read(&bytes, Changes::Accept).expect("reads");
    assert!(
        accepted.insertions > 10 && accepted.deletions > 10,
        "the changes are reported"
    );
    assert_eq!(
        structure(&parse(&markdown(&accepted))),
        structure(&new),
        "accept all gives NEW"
    );
    let rejected = read(&bytes, Changes::Reject).expect("reads");
    assert_eq!(
        structure(&parse(&markdown(&rejected))),
        structure(&old),
        "reject all gives OLD"
    );
}

#[test]
fn word_features_become_markdown() {
    // Heading styles, a list paragraph without a typed label, a table, and markup-like text.
    let xml = r#"<w:document xmlns:w="x"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Agreement on Workers</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Article 1 — Wages</w:t></w:r></w:p>
<w:p><w:r><w:t>1. The employer shall pay &lt;b&gt;wages&lt;/b&gt; monthly.</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>in cash or by transfer;</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Item</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Amount | RM</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Wage</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1,500</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Article 2 — Rest</w:t></w:r></w:p>
<w:p><w:r><w:t>Workers shall have one rest day a week.</w:t></w:r></w:p>
</w:body></w:document>"#;
    let document =
        pakta_import::docx::parse_document(xml.as_bytes(), Changes::Accept).expect("parses");
    let md = markdown(&document);
    assert!(md.contains("| Item | Amount \\| RM |"), "{md}");
    let agreement = parse(&md);
    assert_eq!(agreement.title.as_deref(), Some("Agreement on Workers"));
    assert_eq!(agreement.articles.len(), 2, "{md}");
    assert_eq!(
        agreement.articles[0].clauses[0].text,
        "The employer shall pay <b>wages</b> monthly."
    );
    assert_eq!(agreement.articles[1].heading.as_deref(), Some("Rest"));
}

#[test]
fn every_markdown_line_points_at_the_paragraph_it_came_from() {
    let mut documents: Vec<(&str, Vec<u8>)> = ["id-tw-mou.id.md", "ph-sa-domestic.en.md"]
        .into_iter()
        .map(|name| {
            let bytes = pakta_docx::clean(&parse(&example(name)), None).expect("docx");
            (name, bytes)
        })
        .collect();
    // Tracked changes, deleted and inserted paragraph marks included.
    let (old, new) = (
        parse(&example("id-my-domestic.v1.md")),
        parse(&example("id-my-domestic.v2.md")),
    );
    let redline = pakta_redline::redline(&old, &new, &pakta_redline::Options::default());
    let document = pakta_redline::document::tracked(&old, &new, &redline);
    let revision = pakta_docx::Revision {
        author: "pakta",
        date: None,
    };
    documents.push((
        "tracked",
        pakta_docx::tracked(&document, &redline, &revision).expect("docx"),
    ));
    for (name, bytes) in &documents {
        for changes in [Changes::Accept, Changes::Reject] {
            let document = read(bytes, changes).expect("reads");
            let imported = import(&document);
            assert_eq!(imported.markdown, markdown(&document), "{name}");
            let lines: Vec<&str> = imported.markdown.lines().collect();
            assert_eq!(lines.len(), imported.source_map.len(), "{name}");
            let mut numbers = Vec::new();
            for (n, line) in lines.iter().enumerate() {
                let origin = imported.source_map.origin(n + 1);
                if line.is_empty() || line.starts_with("| ---") {
                    assert_eq!(origin, None, "{name}: line {}", n + 1);
                    continue;
                }
                let Some(Origin::Paragraph(number)) = origin else {
                    panic!("{name}: line {} ({line}) has no paragraph", n + 1);
                };
                let paragraph = document
                    .paragraphs
                    .iter()
                    .find(|p| p.number == number)
                    .expect("a paragraph with that number");
                // The line holds the paragraph's first words (escaped and re-spaced in Markdown).
                let first_word = paragraph.text.split_whitespace().next().unwrap_or("");
                let first_word = first_word.trim_matches(|c: char| !c.is_alphanumeric());
                assert!(
                    line.contains(first_word),
                    "{name}: line {} ({line}) → paragraph {number} ({})",
                    n + 1,
                    paragraph.text
                );
                numbers.push(number);
            }
            assert!(
                numbers.windows(2).all(|w| w[0] < w[1]),
                "{name}: paragraphs in document order"
            );
        }
    }
}

/// The folder of the .docx fixtures: each folder in it holds the parts of one .docx (`word/document.xml`,
/// `word/footnotes.xml` …), and beside it `<case>.md` is the Markdown it imports to with its tracked
/// changes accepted, `<case>.rejected.md` with them rejected, or `<case>.error` the error it gives.
fn docx_fixtures() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docx")
}

/// A .docx of the parts in fixture folder `case`, each part's text first passed through `edit` with
/// its name.
fn fixture_docx(case: &str, edit: impl Fn(&str, String) -> String) -> Vec<u8> {
    use std::io::Write;
    let dir = docx_fixtures().join(case);
    let mut parts = Vec::new();
    let mut folders = vec![dir.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("fixture folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let name = path.strip_prefix(&dir).expect("inside").to_string_lossy();
                let name = name.replace('\\', "/");
                let text = std::fs::read_to_string(&path).expect("part");
                parts.push((name.clone(), edit(&name, text)));
            }
        }
    }
    parts.sort();
    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut bytes);
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start");
        zip.write_all(text.as_bytes()).expect("write");
    }
    zip.finish().expect("finish");
    bytes.into_inner()
}

#[test]
fn docx_fixtures_import_to_their_markdown_or_error() {
    let mut cases: Vec<String> = std::fs::read_dir(docx_fixtures())
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert!(cases.len() >= 4, "{cases:?}");
    for case in cases {
        let bytes = fixture_docx(&case, |_, text| text);
        let expected = |suffix: &str| {
            std::fs::read_to_string(docx_fixtures().join(case.clone() + suffix)).ok()
        };
        let mut checked = 0;
        for (changes, suffix) in [(Changes::Accept, ".md"), (Changes::Reject, ".rejected.md")] {
            let result = read(&bytes, changes).map(|d| markdown(&d));
            if let Some(md) = expected(suffix) {
                assert_eq!(result.as_deref(), Ok(md.as_str()), "{case}{suffix}");
                checked += 1;
            }
        }
        if let Some(error) = expected(".error") {
            let got = read(&bytes, Changes::Accept).expect_err("an error");
            assert_eq!(got.to_string(), error.trim_end(), "{case}");
            checked += 1;
        }
        assert!(
            checked > 0,
            "{case}: no expected output; it imports to\n{:?}",
            read(&bytes, Changes::Accept).map(|d| markdown(&d))
        );
    }
}

#[test]
fn a_changed_note_is_a_changed_article() {
    // Two drafts that differ only in a footnote and an endnote: the redline shows the articles that
    // refer to them as modified, and nothing else.
    let read_md = |bytes: Vec<u8>| parse(&markdown(&read(&bytes, Changes::Accept).expect("reads")));
    let old = read_md(fixture_docx("notes", |_, text| text));
    let new = read_md(fixture_docx("notes", |name, text| match name {
        "word/footnotes.xml" => text.replace("Sunday", "Friday"),
        "word/endnotes.xml" => text.replace("Before tax", "After tax"),
        _ => text,
    }));
    let redline = pakta_redline::redline(&old, &new, &pakta_redline::Options::default());
    assert!(redline.has_differences());
    let status: Vec<(String, &str)> = redline
        .articles()
        .map(|a| (a.new_number.clone().unwrap_or_default(), a.status.as_str()))
        .collect();
    assert_eq!(
        status,
        [
            ("1".to_string(), "modified"),
            ("2".to_string(), "unchanged"),
            ("3".to_string(), "modified")
        ]
    );
    // Each note's text is read once, in the article that first refers to it; the closing formula,
    // which refers to a footnote again, has only its number.
    let notes_in_articles: Vec<&str> = new
        .articles
        .iter()
        .flat_map(|a| a.clauses_flat())
        .map(|c| c.text.as_str())
        .filter(|t| t.contains("Friday") || t.contains("After tax"))
        .collect();
    assert_eq!(notes_in_articles.len(), 2, "{notes_in_articles:?}");
}

#[test]
fn alternatives_read_once_count_their_changes_once() {
    let document = read(
        &fixture_docx("alternate-content", |_, t| t),
        Changes::Accept,
    )
    .expect("reads");
    assert_eq!((document.insertions, document.deletions), (1, 0));
    // Word counts the paragraphs it shows: the Fallback's copy of the text box is not one of them.
    let numbers: Vec<usize> = document.paragraphs.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [1, 3, 2, 4, 5]);
}

#[test]
fn headings_typed_as_plain_paragraphs_are_articles() {
    // With no heading style anywhere, "Article 1 — Purpose", a bold "Article 2" over "Wages" and "PASAL 3"
    // are the draft's article headings; escaping them left a draft of no articles.
    let bytes = fixture_docx("plain-headings", |_, text| text);
    let agreement = parse(&markdown(&read(&bytes, Changes::Accept).expect("reads")));
    let headings: Vec<String> = agreement
        .articles
        .iter()
        .map(|a| format!("{} {}", a.number, a.heading.as_deref().unwrap_or("-")))
        .collect();
    assert_eq!(headings, ["1 Purpose", "2 Wages", "3 -"]);
}

#[test]
fn an_embedded_html_document_is_read_and_another_is_counted() {
    let bytes = fixture_docx("embedded-html", |_, text| text);
    let document = read(&bytes, Changes::Accept).expect("reads");
    assert!(
        document
            .paragraphs
            .iter()
            .any(|p| p.text == "Monthly wage: USD 500")
    );
    assert_eq!(document.embedded, 1);
}

/// Text that Word shows but a counter-draft may mean otherwise is counted for the import summary: a run
/// struck through by hand (a proposed deletion outside tracked changes) and, for comparison, a hidden run.
#[test]
fn runs_struck_through_by_hand_and_hidden_runs_are_counted() {
    let document =
        |case: &str| read(&fixture_docx(case, |_, text| text), Changes::Accept).expect("reads");
    let symbols = document("symbols");
    assert_eq!((symbols.struck, symbols.hidden), (1, 0));
    // The struck text is marked as Markdown marks it, so that striking a clause through is a difference.
    assert_eq!(
        symbols
            .paragraphs
            .iter()
            .filter(|p| p.text.contains(pakta_import::markdown::STRIKE_OPEN))
            .count(),
        1,
        "{:?}",
        symbols.paragraphs
    );
    let hidden = document("hidden-text");
    assert_eq!((hidden.struck, hidden.hidden), (0, 1));
}
