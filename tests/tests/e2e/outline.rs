//! `pakta outline`: the JSON contract, the text listing, stdin, language filters and output files.

use pakta_tests::{example, fixture, outline_json, pakta};
use serde_json::Value;

#[test]
fn json_contract_holds_for_every_article_and_clause() {
    let json = outline_json(&example("id-tw-mou.en.md"));
    assert!(json["title"].is_string());
    assert_eq!(json["language"], "en");
    let articles = json["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 22);
    for article in articles {
        assert!(article["number"].is_string());
        assert!(article["id"].as_str().expect("id").starts_with("art_"));
        assert!(article["heading"].is_string() || article["heading"].is_null());
        assert!(!article["text"].as_str().expect("text").is_empty());
        assert!(article["line"].as_u64().expect("line") >= 1);
        check_clauses(&article["clauses"], article["id"].as_str().expect("id"));
    }
    assert!(
        json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .is_empty()
    );
    assert_eq!(articles[8]["id"], "art_9");
    assert_eq!(articles[8]["heading"], "Wages");
}

fn check_clauses(clauses: &Value, parent: &str) {
    for clause in clauses.as_array().expect("clauses") {
        let id = clause["id"].as_str().expect("clause id");
        assert!(
            id.starts_with(&format!("{parent}__")),
            "{id} under {parent}"
        );
        assert!(clause["label"].is_string() || clause["label"].is_null());
        assert!(clause["text"].is_string());
        assert!(clause["line"].as_u64().expect("line") >= 1);
        check_clauses(&clause["clauses"], id);
    }
}

#[test]
fn diagnostics_in_json_have_severity_message_line_and_column() {
    let json = outline_json(&fixture("lint-broken.md"));
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    assert!(!diagnostics.is_empty());
    for d in diagnostics {
        assert!(d["severity"] == "warning" || d["severity"] == "error");
        assert!(d["message"].is_string());
        assert!(
            d["line"].as_u64().expect("line") >= 1 && d["column"].as_u64().expect("column") >= 1
        );
    }
}

#[test]
fn text_outline_of_plain_numbered_agreement() {
    let output = pakta()
        .args(["outline"])
        .arg(example("ph-sa-domestic.en.md"))
        .env("COLUMNS", "80")
        .output()
        .expect("run");
    assert!(output.status.success());
    insta::assert_snapshot!("outline_ph_sa", String::from_utf8_lossy(&output.stdout));
}

#[test]
fn reads_standard_input() {
    let text = std::fs::read_to_string(example("id-tw-mou.id.md")).expect("read");
    let output = pakta()
        .args(["outline", "--format", "json", "-"])
        .write_stdin(text)
        .output()
        .expect("run");
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["language"], "id");
    assert_eq!(json["articles"].as_array().expect("articles").len(), 22);
}

#[test]
fn lang_filter_takes_one_language_version() {
    let text = "# T\n\n## Article 1\n\nThe Parties shall cooperate in the recruitment of workers and shall exchange information on the labour market.\n\n# Terjemahan\n\n## Pasal 1\n\nPara Pihak wajib bekerja sama dalam perekrutan pekerja dan saling bertukar informasi tentang pasar kerja.\n";
    let output = pakta()
        .args(["outline", "--format", "json", "--lang", "id", "-"])
        .write_stdin(text)
        .output()
        .expect("run");
    let json: Value = serde_json::from_slice(&output.stdout).expect("json");
    let articles = json["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["id"], "hcontainer_1__art_1");
}

#[test]
fn output_file_is_written_once_and_replaced_only_with_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("outline.json");
    let input = example("ph-sa-domestic.en.md");
    pakta()
        .args(["outline", "--format", "json", "-o"])
        .arg(&out)
        .arg(&input)
        .assert()
        .success();
    let first = std::fs::read_to_string(&out).expect("written");
    assert!(first.contains("\"articles\""));
    let again = pakta()
        .args(["outline", "-o"])
        .arg(&out)
        .arg(&input)
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&again.get_output().stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&out).expect("unchanged"), first);
    pakta()
        .args(["outline", "--force", "-o"])
        .arg(&out)
        .arg(&input)
        .assert()
        .success();
    assert_ne!(std::fs::read_to_string(&out).expect("replaced"), first);
}

#[test]
fn never_writes_over_its_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("draft.md");
    std::fs::copy(example("ph-sa-domestic.en.md"), &copy).expect("copy");
    let before = std::fs::read(&copy).expect("read");
    pakta()
        .args(["outline", "--force", "-o"])
        .arg(&copy)
        .arg(&copy)
        .assert()
        .code(2);
    assert_eq!(std::fs::read(&copy).expect("read"), before);
}

#[test]
fn output_is_deterministic() {
    let a = pakta()
        .args(["outline", "--format", "json"])
        .arg(example("id-my-domestic.v2.md"))
        .output()
        .expect("run");
    let b = pakta()
        .args(["outline", "--format", "json"])
        .arg(example("id-my-domestic.v2.md"))
        .output()
        .expect("run");
    assert_eq!(a.stdout, b.stdout);
}
