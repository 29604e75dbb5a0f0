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
        pakta_tests::tota_body_articles(&source)
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

#[test]
fn import_a_tracked_word_document_either_way() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = dir.path().join("redline.docx");
    pakta_tests::bundled_redline_docx(&docx, &[]);
    let articles = |md: &std::path::Path| {
        let out = pakta()
            .arg("outline")
            .arg(md)
            .args(["--format", "json"])
            .output()
            .expect("run");
        let value: Value = serde_json::from_slice(&out.stdout).expect("json");
        value["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .map(|a| format!("{} {}", a["number"], a["heading"]))
            .collect::<Vec<_>>()
    };
    let accepted = dir.path().join("accepted.md");
    let run = pakta()
        .arg("import")
        .arg(&docx)
        .arg("-o")
        .arg(&accepted)
        .output()
        .expect("run");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("tracked insertions"),
        "changes are reported"
    );
    assert_eq!(
        articles(&accepted),
        articles(&example("id-my-domestic.v2.md"))
    );
    let rejected = dir.path().join("rejected.md");
    let run = pakta()
        .arg("import")
        .arg(&docx)
        .arg("--reject-changes")
        .arg("-o")
        .arg(&rejected)
        .output()
        .expect("run");
    assert!(run.status.success());
    assert_eq!(
        articles(&rejected),
        articles(&example("id-my-domestic.v1.md"))
    );
    // A file that is a zip but not a Word document gets one clear error.
    let fake = dir.path().join("fake.docx");
    std::fs::write(&fake, b"PK\x03\x04 not really a zip").expect("write");
    let bad = pakta().arg("import").arg(&fake).output().expect("run");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("fake.docx: not a Word document"));
}
