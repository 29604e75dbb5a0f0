//! `pakta lint`: planted problems are found with file:line:col, clean files exit 0.

use pakta_tests::{example, fixture, pakta};

#[test]
fn finds_planted_problems() {
    let output = pakta()
        .arg("lint")
        .arg(fixture("lint-broken.md"))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let path = fixture("lint-broken.md").display().to_string();
    let report = stdout.replace(&path, "lint-broken.md");
    // The broken reference to Article 12, the missing paragraph 4 of Article 2, the duplicate Article 3 and
    // the gap before Article 5; the reference to ILO Convention No. 95 is external and not reported.
    assert!(report.contains("lint-broken.md:16:64: warning: reference to Article 12: there is no Article 12 [broken-reference]"), "{report}");
    assert!(report.contains("[duplicate-number]"), "{report}");
    assert!(report.contains("Article 2 has no paragraph 4"), "{report}");
    assert!(report.contains("[skipped-number]"), "{report}");
    assert!(
        report.contains("reference to paragraph 3 of this article: Article 5 has no paragraph 3"),
        "{report}"
    );
    assert!(!report.contains("Convention"), "{report}");
    insta::assert_snapshot!("lint_broken", report);
}

#[test]
fn json_format_lists_the_same_problems() {
    let output = pakta()
        .args(["lint", "--format", "json"])
        .arg(fixture("lint-broken.md"))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let codes: Vec<&str> = json
        .as_array()
        .expect("array")
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect();
    assert_eq!(
        codes,
        [
            "broken-reference",
            "broken-reference",
            "duplicate-number",
            "skipped-number",
            "broken-reference"
        ]
    );
}

#[test]
fn clean_examples_exit_zero() {
    for name in [
        "id-tw-mou.en.md",
        "id-tw-mou.id.md",
        "ph-sa-domestic.en.md",
        "id-my-domestic.v1.md",
        "id-my-domestic.v2.md",
    ] {
        pakta().arg("lint").arg(example(name)).assert().code(0);
    }
}

#[test]
fn indonesian_references_are_checked() {
    let text = "# Nota\n\n## Pasal 1\n\nSebagaimana dimaksud dalam Pasal 2 ayat (3) dan Pasal 7.\n\n## Pasal 2\n\n(1) Satu.\n\n(2) Dua.\n";
    let output = pakta()
        .args(["lint", "-"])
        .write_stdin(text)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("<stdin>:5:28: warning: reference to paragraph 3 of Article 2: Article 2 has no paragraph 3"), "{stdout}");
    assert!(
        stdout.contains("reference to Article 7: there is no Article 7"),
        "{stdout}"
    );
}
