//! "Accept all" must give NEW's text and "reject all" OLD's, paragraph by paragraph, read back from the
//! .docx bytes with Word's semantics (a deleted paragraph mark joins a paragraph to the next).

use pakta_core::diff::ChangeOp;
use pakta_core::paragraphs::paragraphs;
use pakta_core::{Agreement, parse};
use pakta_docx::{Revision, clean, tracked};
use pakta_import::docx::{Changes, read};
use pakta_redline::document::tracked as tracked_document;
use pakta_redline::{Options, redline};

fn texts(agreement: &Agreement) -> Vec<String> {
    paragraphs(agreement).into_iter().map(|p| p.text).collect()
}

fn read_texts(bytes: &[u8], changes: Changes) -> Vec<String> {
    read(bytes, changes)
        .expect("pakta's own .docx reads back")
        .paragraphs
        .into_iter()
        .map(|p| p.text)
        .collect()
}

/// Builds the tracked .docx of OLD → NEW and checks both directions; returns the number of tracked changes.
fn round_trip(name: &str, old_text: &str, new_text: &str) -> usize {
    let (old, new) = (parse(old_text), parse(new_text));
    let redline = redline(&old, &new, &Options::default());
    let document = tracked_document(&old, &new, &redline);
    assert_eq!(
        document.texts(ChangeOp::Insert),
        texts(&new),
        "{name}: tracked document, accepted"
    );
    assert_eq!(
        document.texts(ChangeOp::Delete),
        texts(&old),
        "{name}: tracked document, rejected"
    );
    let bytes = tracked(
        &document,
        &redline,
        &Revision {
            author: "pakta",
            date: Some("2026-03-01"),
        },
    )
    .expect("docx builds");
    let accepted = read_texts(&bytes, Changes::Accept);
    let rejected = read_texts(&bytes, Changes::Reject);
    // A changed front matter (a signing date, a party) comes first, as tracked lines, then the page.
    let with_front_matter = |side: ChangeOp, agreement: &pakta_core::Agreement| {
        let mut expected = document.front_matter_texts(side);
        expected.extend(texts(agreement));
        expected
    };
    assert_eq!(
        accepted,
        with_front_matter(ChangeOp::Insert, &new),
        "{name}: accept all"
    );
    assert_eq!(
        rejected,
        with_front_matter(ChangeOp::Delete, &old),
        "{name}: reject all"
    );
    let info = read(&bytes, Changes::Accept).expect("reads");
    info.insertions + info.deletions
}

#[test]
fn bundled_version_pair() {
    let old = std::fs::read_to_string(pakta_tests::example("id-my-domestic.v1.md")).expect("v1");
    let new = std::fs::read_to_string(pakta_tests::example("id-my-domestic.v2.md")).expect("v2");
    let changes = round_trip("id-my-domestic v1 → v2", &old, &new);
    assert!(
        changes >= 20,
        "the pair differs in many places, yet only {changes} tracked changes"
    );
    // And backwards, where every insertion becomes a deletion.
    round_trip("id-my-domestic v2 → v1", &new, &old);
}

#[test]
fn identical_drafts_have_no_tracked_changes() {
    let text = std::fs::read_to_string(pakta_tests::example("id-tw-mou.en.md")).expect("example");
    assert_eq!(round_trip("id-tw-mou same", &text, &text), 0);
}

#[test]
fn tracked_changes_carry_author_and_date() {
    let old = parse("# A\n\n## Article 1\n\nThe employer shall pay 30 days.\n");
    let new = parse("# A\n\n## Article 1\n\nThe employer may pay 45 days.\n");
    let redline = redline(&old, &new, &Options::default());
    let document = tracked_document(&old, &new, &redline);
    let bytes = tracked(
        &document,
        &redline,
        &Revision {
            author: "Legal Bureau",
            date: Some("2026-03-01"),
        },
    )
    .expect("docx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").expect("part"),
        &mut xml,
    )
    .expect("utf-8");
    assert!(xml.contains("<w:ins "), "{xml}");
    assert!(xml.contains("<w:del "), "{xml}");
    assert!(xml.contains("w:author=\"Legal Bureau\""));
    assert!(xml.contains("w:date=\"2026-03-01T00:00:00Z\""));
    assert!(
        xml.contains("<w:delText"),
        "deleted words must be w:delText"
    );
}

/// Mutations a negotiator makes: a modal softened, an amount changed, an article deleted, one moved, one
/// added. Applied to article spans of a real treaty from the shared corpus.
fn mutate(text: &str) -> String {
    let agreement = parse(text);
    let articles = &agreement.articles;
    assert!(
        articles.len() >= 12,
        "the corpus text has too few articles to mutate"
    );
    let span = |i: usize| articles[i].span.start..articles[i].span.end;
    let piece = |i: usize| text[span(i)].to_string();
    let mut pieces: Vec<String> = Vec::new();
    pieces.push(text[..articles[0].span.start].to_string());
    for i in 0..articles.len() {
        let mut p = piece(i);
        if !p.ends_with('\n') {
            p.push('\n');
        }
        match i {
            2 => p = p.replacen("shall", "may", 1),
            3 => {
                if let Some(pos) = p.find(|c: char| c.is_ascii_digit() && c != '0') {
                    p.replace_range(pos..=pos, "9");
                }
                p = p.replacen("the ", "a ", 2);
            }
            5 => continue,
            _ => {}
        }
        pieces.push(p);
        if i == 8 {
            pieces.push(
                "## Article 8bis\n\nThe parties may agree on further measures for the protection of workers.\n\n"
                    .to_string(),
            );
        }
    }
    // Move the article after 9 to the end of the main text.
    let moved = pieces.remove(10);
    pieces.insert(12, moved);
    let mut out: String = pieces.concat();
    out.push_str(&text[articles[articles.len() - 1].span.end..]);
    out
}

#[test]
fn mutated_real_treaties_from_the_corpus() {
    let Some(corpus) = pakta_tests::corpus("docx round trip") else {
        return;
    };
    let mut tried = 0;
    for name in [
        "BWBV0005977-ilo-c189-domestic-workers-2011.md",
        "BWBV0001411-ilo-c181-private-employment-agencies-1997.md",
        "BWBV0004587-bla-nl-turkey-1964.md",
    ] {
        let path = corpus.join("nl-bwb-treaties").join(name);
        let text = std::fs::read_to_string(&path).expect("corpus file");
        let mutated = mutate(&text);
        assert_ne!(text, mutated);
        let changes = round_trip(name, &text, &mutated);
        assert!(
            changes > 5,
            "{name}: only {changes} tracked changes after five mutations"
        );
        tried += 1;
    }
    assert_eq!(tried, 3);
}

#[test]
fn a_clean_draft_reads_back_as_its_paragraphs() {
    let text = std::fs::read_to_string(pakta_tests::example("id-tw-mou.id.md")).expect("example");
    let agreement = parse(&text);
    let bytes = clean(&agreement, None).expect("docx");
    let read = read(&bytes, Changes::Accept).expect("reads");
    assert_eq!(read.insertions + read.deletions, 0);
    let styles: Vec<Option<String>> = read.paragraphs.iter().map(|p| p.style.clone()).collect();
    assert_eq!(
        read.paragraphs
            .into_iter()
            .map(|p| p.text)
            .collect::<Vec<_>>(),
        texts(&agreement)
    );
    assert_eq!(styles[0].as_deref(), Some("Title"));
    assert!(
        styles
            .iter()
            .any(|s| s.as_deref().is_some_and(|s| s.starts_with("Heading")))
    );
}
