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
        pakta_docx::tracked(&document, &revision).expect("docx"),
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
