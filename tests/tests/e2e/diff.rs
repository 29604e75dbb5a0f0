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

/// `pakta redline` is the diff under the name negotiators use: the same report, the same exit code.
#[test]
fn redline_is_the_diff_by_another_name() {
    let v1 = example("id-my-domestic.v1.md");
    let v2 = example("id-my-domestic.v2.md");
    let run = |command: &str| {
        pakta()
            .arg(command)
            .arg(&v1)
            .arg(&v2)
            .output()
            .expect("run")
    };
    let (diff, redline) = (run("diff"), run("redline"));
    assert_eq!(redline.status.code(), Some(1));
    assert_eq!(diff.stdout, redline.stdout);
}

#[test]
fn a_front_matter_key_pakta_does_not_read_is_still_compared() {
    // An `effective` date or a witness under `signed` is the negotiators' text like any other.
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = |name: &str, effective: &str, witness: &str| {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            format!(
                "---\ntitle: Arrangement\neffective: {effective}\nsigned:\n  date: 2025-06-12\n  witness: {witness}\n---\n\n# Arrangement\n\n## Article 1\n\nThe Parties cooperate.\n"
            ),
        )
        .expect("write");
        path
    };
    let old = draft("old.md", "2025-07-01", "UN");
    for (new, changed) in [
        (draft("effective.md", "2026-07-01", "UN"), "effective"),
        (draft("witness.md", "2025-07-01", "ILO"), "signed.witness"),
    ] {
        let out = pakta()
            .arg("diff")
            .arg(&old)
            .arg(&new)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1), "{changed}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(changed),
            "{changed}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
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
            .any(|v| v["old"]
                == "not less than RM 1,500 (one thousand five hundred ringgit) per month"
                && v["new"]
                    == "not less than RM 1,200 (one thousand two hundred ringgit) per month")
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
    assert_eq!(report["references"][0]["problem"], "renumbered");
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

/// Pseudo-random words from a fixed vocabulary (an LCG, so the files are the same on every run).
fn words(seed: u64, vocabulary: &str, count: usize, size: u64) -> Vec<String> {
    let mut state = seed;
    (0..count)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            format!("{vocabulary}{}", (state >> 33) % size)
        })
        .collect()
}

fn diff_json(dir: &std::path::Path, old: &str, new: &str) -> (Value, String) {
    let (a, b) = (dir.join("old.md"), dir.join("new.md"));
    std::fs::write(&a, old).expect("write");
    std::fs::write(&b, new).expect("write");
    let json = pakta()
        .arg("diff")
        .arg(&a)
        .arg(&b)
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert_eq!(
        json.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    let text = pakta().arg("diff").arg(&a).arg(&b).output().expect("run");
    assert_eq!(text.status.code(), Some(1));
    (
        serde_json::from_slice(&json.stdout).expect("json"),
        String::from_utf8_lossy(&text.stdout).into_owned(),
    )
}

#[test]
fn two_megabyte_drafts_with_nothing_in_common_are_all_added_and_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let document = |seed: u64, vocabulary: &str| {
        let mut out = String::from("# Agreement\n\n");
        for n in 1..=200 {
            out.push_str(&format!("## Article {n}\n\n"));
            for p in 1..=5 {
                let text = words(seed * 1000 + n * 10 + p, vocabulary, 120, 3000).join(" ");
                out.push_str(&format!("{p}. {text}.\n\n"));
            }
        }
        out
    };
    let (old, new) = (document(1, "alpha"), document(2, "beta"));
    assert!(old.len() > 1_000_000 && new.len() > 1_000_000);
    let (json, _) = diff_json(dir.path(), &old, &new);
    let summary = &json["summary"];
    assert_eq!(summary["added"], 200);
    assert_eq!(summary["deleted"], 200);
    assert_eq!(summary["modified"], 0);
    assert_eq!(summary["cut_short"], 0);
}

#[test]
fn a_one_megabyte_paragraph_is_diffed_within_its_deadline_and_says_so() {
    // 140,000 words from a 5,000-word vocabulary, and the same paragraph with its 70 blocks of 2,000 words
    // in reverse order: patience diff has no unique words to anchor on, so the diff is quadratic and only
    // the deadline ends it.
    let dir = tempfile::tempdir().expect("tempdir");
    let old_words = words(7, "w", 140_000, 5000);
    let new_words: Vec<String> = old_words.chunks(2000).rev().flatten().cloned().collect();
    let old = format!("# X\n\n## Article 1\n\n{}\n", old_words.join(" "));
    let new = format!("# X\n\n## Article 1\n\n{}\n", new_words.join(" "));
    assert!(old.len() > 800_000);
    let (json, text) = diff_json(dir.path(), &old, &new);
    assert_eq!(json["summary"]["modified"], 1);
    assert_eq!(json["summary"]["cut_short"], 1, "{}", json["summary"]);
    assert!(
        text.contains("precision: a deadline") && text.contains("in Article 1;"),
        "{}",
        &text[..text.len().min(600)]
    );
    // Coarser, but still a correct redline: deleted + equal text is OLD, inserted + equal text is NEW.
    let changes = json["articles"][0]["changes"]
        .as_array()
        .expect("changes")
        .clone();
    let side = |keep: &str| -> String {
        changes
            .iter()
            .filter(|c| c["op"] == "equal" || c["op"] == keep)
            .map(|c| c["text"].as_str().unwrap_or_default())
            .collect()
    };
    assert_eq!(side("delete"), old_words.join(" "));
    assert_eq!(side("insert"), new_words.join(" "));
}

/// Found by the redline fuzz target: a draft compared with itself must exit 0 (diff(1)), even when it
/// names an article it does not have; the broken reference is still reported.
#[test]
fn an_identical_draft_with_a_broken_reference_has_no_differences() {
    let dir = tempfile::tempdir().expect("tempdir");
    let draft = dir.path().join("a.md");
    std::fs::write(
        &draft,
        "# T\n\n## Article 1 — A\n\n1. As set out in Article 9, wages are paid.\n\n## Article 2 — B\n\nText.\n",
    )
    .expect("write");
    let out = pakta()
        .arg("diff")
        .arg(&draft)
        .arg(&draft)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Article 9"), "{text}");
}

/// Two plain-text drafts whose only difference is the running head on every page ("DRAFT — AD
/// REFERENDUM" that became "AGREED TEXT"): the importer takes heads off the pages, but keeps them as the
/// draft's status, and the redline says they changed.
#[test]
fn a_changed_running_head_is_a_difference() {
    let dir = tempfile::tempdir().expect("temp");
    let draft = |head: &str| -> String {
        (1..=3)
            .map(|n| {
                format!(
                    "{head}\n\nArticle {n}\n\nThe Parties shall cooperate on matter number {n} of this Agreement.\n\nPage {n} of 3\n\u{c}"
                )
            })
            .collect()
    };
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&old, draft("DRAFT - AD REFERENDUM - NOT FOR SIGNATURE")).expect("write");
    std::fs::write(&new, draft("AGREED TEXT - INITIALLED 14 MARCH 2025")).expect("write");
    let same = pakta()
        .arg("diff")
        .arg(&old)
        .arg(&old)
        .output()
        .expect("run");
    assert_eq!(same.status.code(), Some(0));
    let changed = pakta()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&changed.stdout);
    assert_eq!(changed.status.code(), Some(1), "{text}");
    assert!(text.contains("running heads"), "{text}");
}

/// A paragraph moved to another article and reworded on the way, through every redline format: the
/// terminal and Markdown say where it went and came from, JSON lists the move (and validates against its
/// schema), and HTML links the two places without letting the text become markup.
#[test]
fn a_paragraph_moved_between_articles_is_shown_as_a_move_in_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = "## Article 1 — Wages\n\n1. Wages are paid monthly into the worker's own account.\n\n2. The employer shall pay overtime at 150 percent <b>of</b> the hourly rate.\n\n## Article 2 — Hours\n\n1. Normal hours shall not exceed eight a day.\n";
    let new = "## Article 1 — Wages\n\n1. Wages are paid monthly into the worker's own account.\n\n## Article 2 — Hours\n\n1. Normal hours shall not exceed eight a day.\n\n2. The employer may pay overtime at 150 percent <b>of</b> the hourly rate.\n";
    let (json, text) = diff_json(dir.path(), old, new);
    assert!(
        text.contains("1 paragraph moved between articles"),
        "{text}"
    );
    assert!(text.contains("(moved to Article 2 (2))"), "{text}");
    assert!(
        text.contains("(moved from Article 1 (2), reworded)"),
        "{text}"
    );
    assert!(!text.contains("negation"), "{text}");
    assert_eq!(json["summary"]["moved_lines"], 1);
    let hours = &json["articles"][1];
    assert_eq!(hours["flags"], serde_json::json!(["modal-weakened"]));
    let moved = &hours["moved_lines"][0];
    assert_eq!(
        (
            &moved["direction"],
            &moved["article"],
            &moved["other_clause"]
        ),
        (
            &Value::from("from"),
            &Value::from("1"),
            &Value::from("art_1__para_2")
        )
    );
    let schema: Value = serde_json::from_slice(
        &pakta()
            .args(["schema", "diff"])
            .output()
            .expect("run")
            .stdout,
    )
    .expect("schema");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    assert!(validator.is_valid(&json), "{json}");

    let (a, b) = (dir.path().join("old.md"), dir.path().join("new.md"));
    let run = |format: &str| {
        let out = pakta()
            .arg("diff")
            .arg(&a)
            .arg(&b)
            .args(["--format", format])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let markdown = run("md");
    assert!(
        markdown.contains("{>>moved from Article 1 (2), reworded<<}"),
        "{markdown}"
    );
    assert!(markdown.contains("{~~shall~>may~~}"), "{markdown}");
    let html = run("html");
    assert!(html.contains("class=\"moved-note\""), "{html}");
    assert!(!html.contains("<b>of</b>"), "agreement text became markup");
}
