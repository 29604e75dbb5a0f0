//! The norm layer through the real binary: for each way a draft takes a protection away (a harmful point
//! under a duty's lead-in, a passive whose agent is the employer side, a group excluded, a cost moved to
//! the worker, a right left to the employer's or a relative's consent or judgement, a protection that waits
//! for years of service, the worker's silence taken for consent, an escape clause), in English and
//! Indonesian, `pakta check` reports the requirement `weaker` and names the norm; compliant negations
//! are not reported `weaker`. A qualification no rule can judge (something counted as wage, a doctor the
//! employer appoints, an approval to obtain) makes the requirement `uncertain`, with the clause to read.
//!
//! Each fixture in `tests/fixtures/norms/` is named `<requirement>.<expected status>.<pattern>.<lang>.md`;
//! the texts are written for these tests.

use pakta_tests::{pakta, repo};
use serde_json::Value;

#[test]
fn every_drafting_pattern_in_both_languages() {
    let dir = repo().join("tests/fixtures/norms");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let mut patterns = std::collections::BTreeMap::<(String, String), usize>::new();
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        let parts: Vec<&str> = name.split('.').collect();
        let [requirement, expected, pattern, lang, "md"] = parts[..] else {
            panic!("{name}: name it <requirement>.<status>.<pattern>.<lang>.md");
        };
        *patterns
            .entry((expected.to_string(), pattern.to_string()))
            .or_insert(0) += 1;
        let output = pakta()
            .arg("check")
            .arg(path)
            .args(["--profile", "all", "--format", "json"])
            .output()
            .expect("run");
        assert_eq!(output.status.code(), Some(0), "{name}");
        let report: Value = serde_json::from_slice(&output.stdout).expect("json");
        let result = report["results"]
            .as_array()
            .expect("results")
            .iter()
            .find(|r| r["requirement"] == requirement)
            .unwrap_or_else(|| panic!("{name}: no result for {requirement}"));
        let status = result["status"].as_str().expect("status");
        let evidence = result["evidence"].as_array().expect("evidence");
        match expected {
            "weaker" => {
                // Weaker, and the lawyer sees why: a contradiction that names its norm, or the hedge.
                let explained = evidence.iter().any(|e| {
                    (e["kind"] == "contradiction" && e["norm"]["summary"].is_string())
                        || e["kind"] == "hedge"
                });
                if status != "weaker" || !explained {
                    failures.push(format!("{name}: {status}, evidence {evidence:#?}"));
                }
            }
            "uncertain" => {
                // Not covered, and the reader sees which clause to read and why.
                let explained = evidence.iter().any(|e| {
                    e["kind"] == "qualification"
                        && e["norm"]["summary"].is_string()
                        && e["pattern"]
                            .as_str()
                            .is_some_and(|p| p.starts_with("qualifies: "))
                });
                if status != "uncertain" || !explained {
                    failures.push(format!("{name}: {status}, evidence {evidence:#?}"));
                }
            }
            "covered" => {
                if status == "weaker" {
                    failures.push(format!(
                        "{name}: a compliant clause reported weaker: {evidence:#?}"
                    ));
                }
            }
            other => {
                panic!("{name}: expected status `{other}` is not weaker, uncertain or covered")
            }
        }
        assert!(["en", "id"].contains(&lang), "{name}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every pattern is tested in both languages.
    for ((expected, pattern), count) in &patterns {
        if expected == "weaker" || expected == "uncertain" {
            assert_eq!(
                *count, 2,
                "{pattern}: one English and one Indonesian fixture"
            );
        }
    }
    assert!(patterns.len() >= 9, "{patterns:?}");
}

#[test]
fn the_text_report_says_why_weaker_with_the_norm() {
    let path = repo().join("tests/fixtures/norms/identity-documents.weaker.list-lead-in.en.md");
    let output = pakta()
        .arg("check")
        .arg(&path)
        .args(["--profile", "bla-core"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&output.stdout);
    let why = text
        .split("Why weaker")
        .nth(1)
        .expect("a Why weaker section");
    assert!(why.contains("identity-documents"), "{why}");
    assert!(why.contains("Principal (employer)"), "{why}");
    assert!(why.contains("inherited from the lead-in"), "{why}");
}
