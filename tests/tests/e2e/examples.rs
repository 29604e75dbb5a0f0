//! The bundled examples: the Indonesian MoU parses its `Pasal` headings, the English and Indonesian
//! versions share one structure, and the redline demo pair parses.

use pakta_tests::{example, outline_json};
use serde_json::Value;

/// Every id in the outline (articles and clauses), in document order.
fn ids(json: &Value) -> Vec<String> {
    fn walk(clauses: &Value, out: &mut Vec<String>) {
        for c in clauses.as_array().expect("clauses") {
            out.push(c["id"].as_str().expect("id").to_owned());
            walk(&c["clauses"], out);
        }
    }
    let mut out = Vec::new();
    for a in json["articles"].as_array().expect("articles") {
        out.push(a["id"].as_str().expect("id").to_owned());
        walk(&a["clauses"], &mut out);
    }
    out
}

#[test]
fn indonesian_version_parses_pasal_headings() {
    let json = outline_json(&example("id-tw-mou.id.md"));
    assert_eq!(json["language"], "id");
    let articles = json["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 22);
    assert_eq!(articles[0]["heading"], "Tujuan");
    let divisions = json["divisions"].as_array().expect("divisions");
    assert_eq!(divisions.len(), 6);
    assert!(divisions.iter().all(|d| d["kind"] == "chapter"));
}

#[test]
fn english_and_indonesian_versions_share_one_structure() {
    let en = outline_json(&example("id-tw-mou.en.md"));
    let id = outline_json(&example("id-tw-mou.id.md"));
    assert_eq!(ids(&en), ids(&id));
    assert!(ids(&en).len() > 100);
}

#[test]
fn every_example_parses_without_diagnostics() {
    let dir = pakta_tests::repo().join("agreements/examples");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).expect("examples") {
        let path = entry.expect("entry").path();
        let json = outline_json(&path);
        assert!(
            json["articles"].as_array().expect("articles").len() >= 15,
            "{}",
            path.display()
        );
        assert_eq!(
            json["diagnostics"],
            Value::Array(vec![]),
            "{}",
            path.display()
        );
        assert_eq!(
            json["meta"]["status"],
            "illustrative",
            "{} must say it is illustrative",
            path.display()
        );
        count += 1;
    }
    assert!(count >= 5);
}
