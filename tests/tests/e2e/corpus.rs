//! The real treaty texts in `../shared/corpus`: every Markdown file parses, the English part of each ILO
//! and Council of Europe convention has exactly its articles, numbered in order, every ToTA treaty imports
//! with all its articles, and a matrix over the whole corpus is one deterministic command.

use pakta_tests::{corpus, outline_json, pakta};
use serde_json::Value;

/// (file prefix, articles in the English main text, articles of each annex).
const CONVENTIONS: &[(&str, usize, &[usize])] = &[
    ("BWBV0005977-ilo-c189", 27, &[]),
    ("BWBV0005528-ilo-c097", 23, &[8, 13, 2]),
    ("BWBV0001411-ilo-c181", 24, &[]),
    ("BWBV0005397-ilo-c188", 54, &[]),
    ("BWBV0001031-coe-european-convention", 38, &[]),
    ("BWBV0001750-un-protocol-smuggling", 25, &[]),
];

fn markdown_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_markdown_file_parses() {
    let Some(corpus) = corpus("every_corpus_markdown_file_parses") else {
        return;
    };
    let files = markdown_files(&corpus.join("nl-bwb-treaties"));
    assert!(
        files.len() >= 16,
        "expected the 16 BWB texts, found {}",
        files.len()
    );
    for file in files {
        let json = outline_json(&file);
        assert!(json["articles"].is_array(), "{}", file.display());
    }
}

/// Numbers of the English articles, one list per numbering sequence (main text, then each annex).
fn english_sequences(json: &Value) -> Vec<Vec<String>> {
    let mut sequences: std::collections::BTreeMap<u64, Vec<String>> = Default::default();
    for article in json["articles"].as_array().expect("articles") {
        if article["language"] == "en" {
            let sequence = article["sequence"].as_u64().expect("sequence");
            let number = article["number"].as_str().expect("number").to_owned();
            sequences.entry(sequence).or_default().push(number);
        }
    }
    sequences.into_values().collect()
}

#[test]
fn conventions_english_parts_have_every_article() {
    let Some(corpus) = corpus("conventions_english_parts_have_every_article") else {
        return;
    };
    let files = markdown_files(&corpus.join("nl-bwb-treaties"));
    for (prefix, main, annexes) in CONVENTIONS {
        let file = files.iter().find(|f| {
            f.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        });
        let file = file.unwrap_or_else(|| panic!("{prefix} not in the corpus"));
        let sequences = english_sequences(&outline_json(file));
        let expected: Vec<usize> = std::iter::once(*main)
            .chain(annexes.iter().copied())
            .collect();
        let found: Vec<usize> = sequences.iter().map(Vec::len).collect();
        assert_eq!(
            found, expected,
            "{prefix}: English article counts (main text, then annexes)"
        );
        for sequence in &sequences {
            let numbers: Vec<String> = (1..=sequence.len()).map(|n| n.to_string()).collect();
            assert_eq!(
                sequence,
                &numbers,
                "{prefix}: articles numbered 1..{}",
                sequence.len()
            );
        }
    }
}

#[test]
fn bilingual_treaties_split_into_language_versions() {
    let Some(corpus) = corpus("bilingual_treaties_split_into_language_versions") else {
        return;
    };
    let file = corpus.join("nl-bwb-treaties/BWBV0004588-bla-nl-greece-1966.md");
    let json = outline_json(&file);
    let count = |lang: &str| {
        json["articles"]
            .as_array()
            .expect("a")
            .iter()
            .filter(|a| a["language"] == lang)
            .count()
    };
    assert_eq!((count("fr"), count("nl")), (23, 23));
}

/// Imports every ToTA treaty through the binary into `dir`; returns (file, XML article count) pairs.
fn import_tota(
    corpus: &std::path::Path,
    dir: &std::path::Path,
) -> Vec<(std::path::PathBuf, usize)> {
    let mut xml_files: Vec<_> = std::fs::read_dir(corpus.join("tota/xml"))
        .expect("tota/xml")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    xml_files.sort();
    let mut out = Vec::new();
    for xml in xml_files {
        let md = dir.join(xml.with_extension("md").file_name().expect("name"));
        let run = pakta()
            .arg("import")
            .arg(&xml)
            .arg("-o")
            .arg(&md)
            .output()
            .expect("run");
        assert!(
            run.status.success(),
            "{}: {}",
            xml.display(),
            String::from_utf8_lossy(&run.stderr)
        );
        let source = std::fs::read_to_string(&xml).expect("xml");
        out.push((md, pakta_tests::tota_body_articles(&source)));
    }
    out
}

#[test]
fn every_tota_treaty_imports_with_all_its_articles() {
    let Some(corpus) = corpus("every_tota_treaty_imports_with_all_its_articles") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let imported = import_tota(&corpus, dir.path());
    assert!(imported.len() >= 20, "{} ToTA treaties", imported.len());
    for (md, xml_articles) in &imported {
        let json = outline_json(md);
        assert_eq!(
            json["articles"].as_array().map(Vec::len),
            Some(*xml_articles),
            "{}",
            md.display()
        );
        let errors = json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["severity"] == "error")
            .count();
        assert_eq!(errors, 0, "{}", md.display());
    }
}

#[test]
fn a_matrix_over_the_whole_corpus_is_deterministic() {
    let Some(corpus) = corpus("a_matrix_over_the_whole_corpus_is_deterministic") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    import_tota(&corpus, dir.path());
    let run = |jobs: &str| {
        let out = pakta()
            .arg("matrix")
            .arg(corpus.join("nl-bwb-treaties"))
            .arg(dir.path())
            .args(["--format", "csv", "-j", jobs])
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let one = run("1");
    let two = run("2");
    assert!(one == two, "the matrix differs between 1 and 2 threads");
    assert!(one == run("2"), "the matrix differs between runs");
    let header = String::from_utf8_lossy(&one)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        header.split(',').count() >= 16 + 25,
        "a column per corpus text: {header}"
    );
}
