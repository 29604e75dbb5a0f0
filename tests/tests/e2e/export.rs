//! `pakta import` (ToTA XML) and `pakta export --format akn` through the real binary.

use pakta_tests::{example, pakta};
use serde_json::Value;

#[test]
fn export_akn_of_an_example() {
    let out = pakta()
        .arg("export")
        .arg(example("id-tw-mou.id.md"))
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let xml = String::from_utf8(out.stdout).expect("utf-8");
    assert!(xml.starts_with("<?xml"));
    assert!(xml.contains("<FRBRlanguage language=\"ind\"/>"));
    assert!(xml.contains("<article eId=\"art_1\">"));
    assert!(xml.contains("<num>Pasal 1</num>"));
}

#[test]
fn import_a_tota_treaty_then_outline_it() {
    let Some(corpus) = pakta_tests::corpus("pakta import of ToTA") else {
        return;
    };
    let xml = corpus.join("tota/xml/pta_156.xml");
    let dir = tempfile::tempdir().expect("tempdir");
    let md = dir.path().join("us-peru.md");
    let out = pakta()
        .arg("import")
        .arg(&xml)
        .arg("-o")
        .arg(&md)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let outline = pakta()
        .arg("outline")
        .arg(&md)
        .args(["--format", "json"])
        .output()
        .expect("run");
    let value: Value = serde_json::from_slice(&outline.stdout).expect("json");
    let source = std::fs::read_to_string(&xml).expect("xml");
    assert_eq!(
        value["articles"].as_array().expect("articles").len(),
        source.matches("<article ").count()
    );
    assert_eq!(value["meta"]["signed"]["date"], "2006-04-12");
    // Importing again over the output needs --force; a non-ToTA file is refused with exit 2.
    let again = pakta()
        .arg("import")
        .arg(&xml)
        .arg("-o")
        .arg(&md)
        .output()
        .expect("run");
    assert_eq!(again.status.code(), Some(2));
    let wrong = pakta()
        .arg("import")
        .arg(example("id-tw-mou.en.md"))
        .output()
        .expect("run");
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("id-tw-mou.en.md"));
}
