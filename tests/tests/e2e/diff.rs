//! `pakta diff` and `pakta parallel` through the real binary: exit codes like diff(1), the JSON contract,
//! CriticMarkup that agreement text cannot break, and a planted mismatch between language versions.

use pakta_tests::{example, pakta};
use serde_json::Value;

#[test]
fn diff_exit_codes_follow_diff1() {
    let v1 = example("id-my-domestic.v1.md");
    let v2 = example("id-my-domestic.v2.md");
    assert_eq!(
        pakta()
            .arg("diff")
            .arg(&v1)
            .arg(&v1)
            .output()
            .expect("run")
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        pakta()
            .arg("diff")
            .arg(&v1)
            .arg(&v2)
            .output()
            .expect("run")
            .status
            .code(),
        Some(1)
    );
    let missing = pakta()
        .arg("diff")
        .arg(&v1)
        .arg("no-such-draft.md")
        .output()
        .expect("run");
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-draft.md"));
}

#[test]
fn diff_json_contract() {
    let output = pakta()
        .arg("diff")
        .arg(example("id-my-domestic.v1.md"))
        .arg(example("id-my-domestic.v2.md"))
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(report["old"]["articles"], 17);
    assert_eq!(report["new"]["articles"], 17);
    let articles = report["articles"].as_array().expect("articles");
    for a in articles {
        assert!(
            ["unchanged", "modified", "added", "deleted"]
                .contains(&a["status"].as_str().expect("status"))
        );
        assert!(a["renumbered"].is_boolean() && a["moved"].is_boolean());
        assert!(a["old_number"].is_string() || a["old_number"].is_null());
        for change in a["changes"].as_array().expect("changes") {
            assert!(["equal", "insert", "delete"].contains(&change["op"].as_str().expect("op")));
        }
    }
    let wages = articles
        .iter()
        .find(|a| a["old_number"] == "7")
        .expect("wages");
    assert_eq!(wages["new_number"], "8");
    assert!(
        wages["flags"]
            .as_array()
            .expect("flags")
            .contains(&Value::from("number-changed"))
    );
    assert!(
        wages["values"]
            .as_array()
            .expect("values")
            .iter()
            .any(|v| v["old"] == "RM 1,500" && v["new"] == "RM 1,200")
    );
    let summary = &report["summary"];
    assert_eq!(
        (
            summary["added"].as_u64(),
            summary["deleted"].as_u64(),
            summary["moved"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(report["references"][0]["meant"], "7");
    // Accepting every change gives NEW's text; rejecting every change gives OLD's.
    for a in articles.iter().filter(|a| a["status"] == "modified") {
        let text = |skip: &str| -> String {
            a["changes"]
                .as_array()
                .expect("changes")
                .iter()
                .filter(|c| c["op"] != skip)
                .map(|c| c["text"].as_str().expect("text"))
                .collect()
        };
        assert!(!text("delete").is_empty() && !text("insert").is_empty());
    }
}

#[test]
fn critic_markup_is_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.md");
    let new = dir.path().join("new.md");
    std::fs::write(
        &old,
        "## Article 1 — Wages\n\n(1) The employer shall pay wages monthly.\n",
    )
    .expect("write");
    std::fs::write(&new, "## Article 1 — Wages\n\n(1) The employer may pay wages --}} <script>alert(1)</script> monthly.\n").expect("write");
    let output = pakta()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--format", "md"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let md = String::from_utf8_lossy(&output.stdout);
    assert!(md.contains("{~~shall~>may~~}"), "{md}");
    assert!(
        !md.contains("<script>") && md.contains("&lt;script&gt;"),
        "{md}"
    );
    assert!(
        !md.contains("--}} "),
        "agreement text cannot close CriticMarkup: {md}"
    );
    assert!(md.contains("modal-weakened"), "{md}");
}

#[test]
fn parallel_flags_a_planted_amount_mismatch() {
    let en = example("id-tw-mou.en.md");
    let id = example("id-tw-mou.id.md");
    assert_eq!(
        pakta()
            .arg("parallel")
            .arg(&en)
            .arg(&id)
            .output()
            .expect("run")
            .status
            .code(),
        Some(0)
    );
    let text = std::fs::read_to_string(&id).expect("read");
    assert!(text.contains("delapan jam"), "the Indonesian rest period");
    let dir = tempfile::tempdir().expect("tempdir");
    let planted = dir.path().join("id-tw-mou.id.md");
    std::fs::write(&planted, text.replacen("delapan jam", "tujuh jam", 1)).expect("write");
    let output = pakta()
        .arg("parallel")
        .arg(&en)
        .arg(&planted)
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).expect("json");
    let found = report["inconsistencies"].as_array().expect("list");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["kind"], "quantity");
    assert_eq!(found[0]["article"], "10");
    assert!(
        found[0]["a"].as_str().is_some_and(|a| a.contains("eight")) && found[0]["b"] == "tujuh jam",
        "{found:?}"
    );
}
