//! Akoma Ntoso export: well-formed XML with unique eIds matching pakta's ids, for every bundled example,
//! every text of the shared corpus, and hostile input.

use std::collections::HashSet;

use pakta_akn::{Options, export};
use quick_xml::events::Event;

/// Parses the XML completely (end tags must match) and returns every eId, in order.
fn well_formed(name: &str, xml: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut ids = Vec::new();
    let mut depth = 0usize;
    let mut roots = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if depth == 0 {
                    roots += 1;
                    assert_eq!(e.name().as_ref(), b"akomaNtoso", "{name}: root element");
                }
                depth += 1;
                ids.extend(eid(&e));
            }
            Ok(Event::Empty(e)) => ids.extend(eid(&e)),
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "{name}: not well-formed at byte {}: {e}",
                reader.buffer_position()
            ),
        }
    }
    assert_eq!(depth, 0, "{name}: unclosed elements");
    assert_eq!(roots, 1, "{name}: one root");
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{name}: eIds are not unique");
    ids
}

fn eid(e: &quick_xml::events::BytesStart) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == b"eId")
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn check_file(name: &str, text: &str) -> usize {
    let agreement = pakta_core::parse(text);
    let xml = export(&agreement, &Options::default());
    let ids = well_formed(name, &xml);
    for article in &agreement.articles {
        assert!(
            ids.contains(&article.id),
            "{name}: article {} has no eId",
            article.id
        );
        for clause in article.clauses_flat() {
            assert!(
                ids.contains(&clause.id),
                "{name}: clause {} has no eId",
                clause.id
            );
        }
    }
    assert_eq!(
        xml.matches("<article ").count(),
        agreement.articles.len(),
        "{name}"
    );
    agreement.articles.len()
}

#[test]
fn every_bundled_example() {
    let dir = pakta_tests::repo().join("agreements/examples");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).expect("examples") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(&path).expect("read");
            assert!(check_file(&path.display().to_string(), &text) > 10);
            files += 1;
        }
    }
    assert!(files >= 5);
}

#[test]
fn every_markdown_text_of_the_shared_corpus() {
    let Some(corpus) = pakta_tests::corpus("Akoma Ntoso export") else {
        return;
    };
    let mut files = 0;
    for entry in std::fs::read_dir(corpus.join("nl-bwb-treaties")).expect("corpus") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "md") && !path.ends_with("PROVENANCE.md") {
            let text = std::fs::read_to_string(&path).expect("read");
            check_file(&path.display().to_string(), &text);
            files += 1;
        }
    }
    assert!(files >= 16, "{files} corpus texts");
}

#[test]
fn every_tota_treaty_of_the_shared_corpus() {
    let Some(corpus) = pakta_tests::corpus("Akoma Ntoso export of ToTA treaties") else {
        return;
    };
    let mut files = 0;
    for entry in std::fs::read_dir(corpus.join("tota/xml")).expect("corpus") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "xml") {
            let xml = std::fs::read_to_string(&path).expect("read");
            let treaty = pakta_import::tota::read(&xml).expect("ToTA");
            let markdown = pakta_import::tota::markdown(&treaty, "corpus");
            assert_eq!(
                check_file(&path.display().to_string(), &markdown),
                treaty.article_count()
            );
            files += 1;
        }
    }
    assert!(files >= 20, "{files} ToTA treaties");
}

#[test]
fn metadata_and_structure() {
    let text = "---\ntitle: Agreement between A & B\nparties:\n  - name: Republic of A\n  - name: Kingdom of B\nsigned:\n  date: 2025-06-12\n---\n\nThe Parties, <desiring> cooperation,\n\n## Chapter I — General\n\n### Article 1 — Scope\n\n1. This applies to workers.\n   (a) domestic workers;\n   (b) fishers.\n\n### Article 2\n\nText & more.\n\nDone at X.\n";
    let xml = export(&pakta_core::parse(text), &Options::default());
    well_formed("inline", &xml);
    for expected in [
        "<FRBRdate date=\"2025-06-12\" name=\"signature\"/>",
        "<FRBRlanguage language=\"eng\"/>",
        "showAs=\"Republic of A\"",
        "<longTitle><p>Agreement between A &amp; B</p></longTitle>",
        "&lt;desiring&gt;",
        "<chapter eId=\"chp_1\">",
        "<article eId=\"art_1\">",
        "<paragraph eId=\"art_1__para_1\">",
        "<point eId=\"art_1__para_1__point_a\">",
        "<heading>Scope</heading>",
    ] {
        assert!(xml.contains(expected), "lacks {expected}:\n{xml}");
    }
}

#[test]
fn hostile_text_stays_text() {
    let text = "# T ]]> <!-- \u{1}\n\n## Article 1 — <x>&amp;\n\n1. <script>alert(1)</script> \"quoted\" \u{7}bell\n";
    let xml = export(&pakta_core::parse(text), &Options::default());
    well_formed("hostile", &xml);
    assert!(!xml.contains("<script>"));
    assert!(!xml.contains('\u{7}'));
}
