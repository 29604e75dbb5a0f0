//! `pakta check`, `pakta matrix` and `pakta standards` through the real binary: the JSON contract, exit
//! codes, the coverage diff between drafts, catalogue errors and escaping.

use std::path::Path;

use pakta_tests::{corpus, example, outline_json, pakta, repo};
use serde_json::Value;

fn check_json(path: &Path, extra: &[&str]) -> Value {
    let output = pakta()
        .arg("check")
        .arg(path)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("run");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("check prints JSON")
}

fn status<'a>(report: &'a Value, requirement: &str) -> &'a Value {
    report["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["requirement"] == requirement)
        .unwrap_or_else(|| panic!("no result for {requirement}"))
}

#[test]
fn json_contract_on_the_taiwan_example() {
    let path = example("id-tw-mou.en.md");
    let report = check_json(&path, &["--profile", "bla-core"]);
    assert_eq!(report["profile"], "bla-core");
    assert_eq!(report["agreement"]["path"], path.display().to_string());
    assert!(
        report["agreement"]["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Memorandum of Understanding"))
    );
    let results = report["results"].as_array().expect("results");
    assert_eq!(results.len(), 42);
    let numbers: Vec<String> = outline_json(&path)["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| a["number"].as_str().expect("number").to_string())
        .collect();
    let mut tally = std::collections::BTreeMap::new();
    for result in results {
        let status = result["status"].as_str().expect("status");
        assert!(
            [
                "covered",
                "partial",
                "uncertain",
                "weaker",
                "missing",
                "not-applicable"
            ]
            .contains(&status)
        );
        *tally.entry(status.replace('-', "_")).or_insert(0u64) += 1;
        let score = result["score"].as_f64().expect("score");
        assert!((0.0..=1.0).contains(&score));
        for article in result["articles"].as_array().expect("articles") {
            assert!(
                numbers.contains(&article.as_str().expect("printed token").to_string()),
                "{article}"
            );
        }
        assert!(result["clauses"].is_array() && result["evidence"].is_array());
        let sources = result["sources"].as_array().expect("sources");
        assert!(!sources.is_empty());
        assert!(
            sources
                .iter()
                .all(|s| s["instrument"].is_string() && s["verified"].is_boolean())
        );
        if status == "missing" {
            assert!(result["articles"].as_array().is_some_and(Vec::is_empty));
        }
    }
    let summary = &report["summary"];
    for (key, n) in &tally {
        assert_eq!(summary[key].as_u64(), Some(*n), "summary.{key}");
    }
    let score = summary["score"].as_f64().expect("score");
    assert!((0.0..=100.0).contains(&score));

    // What the example was written to show.
    let fees = status(&report, "no-recruitment-fees");
    assert_eq!(fees["status"], "covered");
    assert!(
        fees["articles"]
            .as_array()
            .expect("articles")
            .contains(&Value::from("6"))
    );
    assert!(
        fees["clauses"]
            .as_array()
            .expect("clauses")
            .iter()
            .any(|c| c.as_str().is_some_and(|c| c.starts_with("art_6")))
    );
    assert_eq!(
        status(&report, "identity-documents")["articles"],
        serde_json::json!(["11"])
    );
    assert_eq!(status(&report, "family-rights")["status"], "missing");
}

#[test]
fn the_indonesian_version_reads_like_the_english() {
    let en = check_json(&example("id-tw-mou.en.md"), &["--profile", "bla-core"]);
    let id = check_json(&example("id-tw-mou.id.md"), &["--profile", "bla-core"]);
    assert_eq!(id["language"], "id");
    let addressed = |report: &Value| -> Vec<String> {
        report["results"]
            .as_array()
            .expect("results")
            .iter()
            .filter(|r| r["status"] != "missing")
            .map(|r| r["requirement"].as_str().expect("id").to_string())
            .collect()
    };
    let (en, id) = (addressed(&en), addressed(&id));
    let differ: Vec<&String> = en
        .iter()
        .filter(|r| !id.contains(r))
        .chain(id.iter().filter(|r| !en.contains(r)))
        .collect();
    assert!(differ.len() <= 2, "en and id versions differ on {differ:?}");
}

#[test]
fn checks_every_bundled_example_and_the_corpus() {
    for name in [
        "id-tw-mou.en.md",
        "id-tw-mou.id.md",
        "id-my-domestic.v1.md",
        "id-my-domestic.v2.md",
        "ph-sa-domestic.en.md",
    ] {
        let output = pakta()
            .arg("check")
            .arg(example(name))
            .output()
            .expect("run");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            text.contains("Score ") && text.contains("no-recruitment-fees"),
            "{name}: {text}"
        );
    }
    let Some(corpus) = corpus("checks_every_bundled_example_and_the_corpus") else {
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(corpus.join("nl-bwb-treaties"))
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let mut english = 0;
    for file in &files {
        let report = check_json(file, &[]);
        if report["language"] == "en" {
            english += 1;
            let addressed = report["results"]
                .as_array()
                .expect("results")
                .iter()
                .filter(|r| r["status"] != "missing")
                .count();
            assert!(
                addressed >= 3,
                "{}: only {addressed} requirements found in an English text",
                file.display()
            );
        }
    }
    assert!(
        english >= 6,
        "the ILO, CoE and UN texts are checked in English ({english})"
    );
}

#[test]
fn fail_under_sets_the_exit_code() {
    let path = example("id-tw-mou.en.md");
    let code = |limit: &str| {
        pakta()
            .arg("check")
            .arg(&path)
            .args(["--fail-under", limit])
            .output()
            .expect("run")
            .status
            .code()
    };
    assert_eq!(code("10"), Some(0));
    assert_eq!(code("99.5"), Some(1));
    assert_eq!(code("150"), Some(2));
}

#[test]
fn a_language_the_agreement_is_not_in_is_refused_not_reported_as_all_missing() {
    // A mistyped or absent language would otherwise give a report that every requirement is missing.
    let path = example("id-tw-mou.en.md");
    for (command, lang, code) in [
        ("check", "en", 0),
        ("check", "fr", 2),
        ("check", "xx", 2),
        ("outline", "id", 2),
    ] {
        let out = pakta()
            .arg(command)
            .arg(&path)
            .args(["--lang", lang])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(code), "{command} --lang {lang}");
        if code == 2 {
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                stderr.contains("id-tw-mou.en.md") && stderr.contains(&format!("`{lang}`")),
                "{stderr}"
            );
        }
    }
}

#[test]
fn against_as_a_web_page_lists_each_change_as_json_does() {
    let run = |format: &str| {
        pakta()
            .arg("check")
            .arg(example("id-my-domestic.v1.md"))
            .arg("--against")
            .arg(example("id-my-domestic.v2.md"))
            .args(["--format", format])
            .output()
            .expect("run")
    };
    let html = run("html");
    assert_eq!(
        html.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&html.stderr)
    );
    let page = String::from_utf8_lossy(&html.stdout);
    let json: Value = serde_json::from_slice(&run("json").stdout).expect("json");
    let changes = json["changes"].as_array().expect("changes");
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("Content-Security-Policy"));
    assert_eq!(
        page.matches("<tr data-status=").count(),
        changes.len(),
        "{page}"
    );
    for change in changes {
        let row = format!(
            "<tr data-status=\"{0}\"><td><span class=\"badge\">{0}</span></td><td><code>{1}</code>",
            change["direction"].as_str().expect("direction"),
            change["requirement"].as_str().expect("requirement")
        );
        assert!(page.contains(&row), "{row}");
    }
}

#[test]
fn against_reports_what_the_new_draft_changed() {
    let output = pakta()
        .arg("check")
        .arg(example("id-my-domestic.v1.md"))
        .arg("--against")
        .arg(example("id-my-domestic.v2.md"))
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&output.stdout).expect("json");
    let change = |id: &str| {
        report["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .find(|c| c["requirement"] == id)
            .cloned()
    };
    // v2 lets the employer deduct from wages, makes the working group's meetings optional, and moves the
    // medical examination's cost to the worker (agreements/README.md).
    for id in ["wage-payment", "joint-committee", "medical-examination"] {
        let c = change(id).unwrap_or_else(|| panic!("{id} changed"));
        assert_eq!(c["direction"], "regressed", "{id}: {c}");
        assert_eq!(c["new"], "weaker", "{id}: {c}");
    }
    assert_eq!(
        change("no-recruitment-fees").map(|c| c["direction"].clone()),
        Some(Value::from("moved"))
    );
    assert!(
        report["new"]["summary"]["score"].as_f64() < report["old"]["summary"]["score"].as_f64()
    );
}

#[test]
fn matrix_is_a_deterministic_grid() {
    let run = |format: &str| {
        let output = pakta()
            .arg("matrix")
            .arg(repo().join("agreements/examples"))
            .args(["--format", format, "--profile", "bla-core"])
            .output()
            .expect("run");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    };
    let csv = run("csv");
    assert_eq!(csv, run("csv"), "two runs give the same bytes");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines.len(),
        1 + 42 + 1,
        "header, one row per requirement, scores"
    );
    assert_eq!(lines[0].split(',').count(), 1 + 5, "one column per example");
    assert!(lines[1].starts_with("scope-definitions,"));
    let json: Value = serde_json::from_str(&run("json")).expect("json");
    assert_eq!(json["agreements"].as_array().map(Vec::len), Some(5));
    assert!(
        json["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .all(|r| r["statuses"].as_array().map(Vec::len) == Some(5))
    );
    assert!(run("md").starts_with("| Requirement |"));
}

#[test]
fn standards_are_browsable_in_both_languages() {
    let output = pakta().args(["standards", "list"]).output().expect("run");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.lines()
            .filter(|l| l.starts_with("no-recruitment-fees "))
            .count()
            == 1,
        "{text}"
    );
    let output = pakta()
        .args(["standards", "show", "no-recruitment-fees", "--lang", "id"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("C181 Art. 7(1)") && text.contains("Pasal 1"),
        "{text}"
    );
    let output = pakta()
        .args(["standards", "show", "recruitment-fees"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("unknown requirement `recruitment-fees`")
            && err.contains("did you mean:")
            && err.contains("no-recruitment-fees"),
        "{err}"
    );
}

#[test]
fn bad_catalogues_and_profiles_exit_2_with_the_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in std::fs::read_dir(repo().join("agreements/standards")).expect("catalogue") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    let profiles = dir.path().join("profiles.toml");
    let text = std::fs::read_to_string(&profiles).expect("profiles");
    std::fs::write(&profiles, text.replacen("\"taxation\",", "\"taxes\",", 1)).expect("write");
    let output = pakta()
        .arg("check")
        .arg(example("id-tw-mou.en.md"))
        .arg("--catalogue")
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("profiles.toml:") && err.contains("unknown requirement `taxes`"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");

    let output = pakta()
        .arg("check")
        .arg(example("id-tw-mou.en.md"))
        .args(["--profile", "everything"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("unknown profile `everything`") && err.contains("bla-core"),
        "{err}"
    );
}

#[test]
fn agreement_text_never_becomes_markup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("evil.md");
    std::fs::write(
        &path,
        "# <script>alert(1)</script> MoU\n\n## Article 1 — Fees <img src=x onerror=alert(1)>\n\n(1) No recruitment fee shall be charged to workers <script>alert(2)</script>; the employer shall bear all recruitment costs.\n",
    )
    .expect("write");
    let output = pakta()
        .arg("check")
        .arg(&path)
        .args(["--format", "md", "--show-diff"])
        .output()
        .expect("run");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let md = String::from_utf8_lossy(&output.stdout);
    assert!(!md.contains("<script") && !md.contains("<img"), "{md}");
    assert!(md.contains("&lt;script&gt;"), "{md}");
}

#[test]
fn a_catalogue_with_a_duplicate_id_is_refused_with_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let standards = pakta_tests::repo().join("agreements/standards");
    for entry in std::fs::read_dir(&standards).expect("catalogue") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let name = path.file_name().expect("name");
            std::fs::copy(&path, dir.path().join(name)).expect("copy");
        }
    }
    let c181 = dir.path().join("c181.toml");
    let text = std::fs::read_to_string(&c181).expect("read");
    let edited = text.replacen(
        "id = \"data-protection\"",
        "id = \"no-recruitment-fees\"",
        1,
    );
    assert_ne!(text, edited, "the fixture edit applies");
    std::fs::write(&c181, &edited).expect("write");
    let line = edited
        .match_indices("id = \"no-recruitment-fees\"")
        .nth(1)
        .map(|(i, _)| edited[..i].lines().count() + 1)
        .expect("two definitions");
    let output = pakta()
        .arg("check")
        .arg(pakta_tests::example("id-tw-mou.en.md"))
        .arg("--catalogue")
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains(&format!("c181.toml:{line}:")), "{err}");
    assert!(
        err.contains("duplicate requirement id `no-recruitment-fees`"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn the_markdown_report_marks_unverified_citations() {
    // The catalogue marks a citation it could not verify against the instrument; every report says so.
    let output = pakta()
        .arg("check")
        .arg(example("id-tw-mou.en.md"))
        .args(["--format", "md"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0));
    let report = String::from_utf8(output.stdout).expect("utf-8");
    let scope = report
        .lines()
        .find(|l| l.contains("| scope-definitions |"))
        .expect("a row for scope-definitions");
    assert!(scope.contains("(unverified)"), "{scope}");
}
