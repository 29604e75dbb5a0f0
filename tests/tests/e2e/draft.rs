//! `pakta draft` and `pakta clause` through the real binary: files per language, never overwritten without
//! `--force`, located term-sheet errors, and single clauses filled from `--set`.

use pakta_tests::{pakta, repo};

#[test]
fn draft_writes_one_file_per_language_and_keeps_existing_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sheet = repo().join("agreements/termsheets/id-kr-fishing.toml");
    let output = pakta()
        .arg("draft")
        .arg(&sheet)
        .arg("-o")
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for lang in ["en", "id"] {
        let path = dir.path().join(format!("id-kr-fishing.{lang}.md"));
        let text = std::fs::read_to_string(&path).expect("draft written");
        assert!(text.starts_with("---\ntitle: "));
        assert!(text.contains(&format!("language: {lang}")) && text.contains("generated-from: "));
        let lint = pakta().arg("lint").arg(&path).output().expect("lint");
        assert_eq!(
            lint.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&lint.stdout)
        );
        let check = pakta()
            .arg("check")
            .arg(&path)
            .args(["--profile", "fishing", "--fail-under", "100"])
            .output()
            .expect("check");
        assert_eq!(
            check.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
    let again = pakta()
        .arg("draft")
        .arg(&sheet)
        .arg("-o")
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    let forced = pakta()
        .arg("draft")
        .arg(&sheet)
        .arg("-o")
        .arg(dir.path())
        .arg("--force")
        .output()
        .expect("run");
    assert_eq!(forced.status.code(), Some(0));
}

#[test]
fn bad_term_sheet_names_file_line_and_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text =
        std::fs::read_to_string(repo().join("agreements/termsheets/id-my.toml")).expect("sheet");
    let sheet = dir.path().join("bad.toml");
    std::fs::write(
        &sheet,
        text.replacen("weekly_rest_days = 1", "weekly_rest_days = \"one\"", 1),
    )
    .expect("write");
    let output = pakta()
        .arg("draft")
        .arg(&sheet)
        .arg("-o")
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("bad.toml:") && err.contains("terms.weekly_rest_days: expected an integer"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");

    // Two bad values: both are reported, one `error:` line each, in the order of the file.
    std::fs::write(
        &sheet,
        text.replacen("weekly_rest_days = 1", "weekly_rest_days = 9", 1)
            .replacen("kind = \"mou\"", "kind = \"treaty\"", 1),
    )
    .expect("write");
    let output = pakta()
        .arg("draft")
        .arg(&sheet)
        .arg("-o")
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with("error: ") && lines[0].contains("agreement.kind: expected"),
        "{err}"
    );
    assert!(
        lines[1].starts_with("error: ")
            && lines[1]
                .contains("terms.weekly_rest_days: expected an integer from 1 to 7, found 9"),
        "{err}"
    );
}

#[test]
fn clause_prints_neutral_or_filled_wording() {
    let neutral = pakta()
        .args(["clause", "working-time-rest"])
        .output()
        .expect("run");
    assert_eq!(neutral.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&neutral.stdout).starts_with("### Article 1 — "));
    let filled = pakta()
        .args([
            "clause",
            "working-time-rest",
            "--lang",
            "id",
            "--set",
            "terms.weekly_rest_days=2",
            "--set",
            "destination.short=Taiwan",
        ])
        .output()
        .expect("run");
    assert_eq!(
        filled.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&filled.stderr)
    );
    let text = String::from_utf8_lossy(&filled.stdout);
    assert!(
        text.starts_with("### Pasal 1 — ") && text.contains("2 (dua) hari"),
        "{text}"
    );
    let unknown = pakta()
        .args(["clause", "no-such-requirement"])
        .output()
        .expect("run");
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn draft_creates_the_output_folder_as_the_readme_shows() {
    // The README's example, `pakta draft agreements/termsheets/id-tw.toml -o drafts/`, on a fresh checkout.
    let dir = tempfile::tempdir().expect("tempdir");
    let drafts = dir.path().join("drafts/");
    let termsheet = pakta_tests::repo().join("agreements/termsheets/id-tw.toml");
    let out = pakta()
        .arg("draft")
        .arg(&termsheet)
        .arg("-o")
        .arg(&drafts)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for lang in ["en", "id"] {
        assert!(drafts.join(format!("id-tw.{lang}.md")).is_file(), "{lang}");
    }
    // A file where the folder should be is named in the error.
    let file = dir.path().join("taken");
    std::fs::write(&file, "x").expect("write");
    let out = pakta()
        .arg("draft")
        .arg(&termsheet)
        .arg("-o")
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(&format!("{}: not a folder", file.display())),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn flags_are_checked_before_any_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("report.txt");
    let out = pakta()
        .arg("check")
        .arg(pakta_tests::example("id-tw-mou.en.md"))
        .args(["--fail-under", "150", "-o"])
        .arg(&report)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0-100"));
    assert!(!report.exists(), "no report is written for a bad flag");
    for (args, needle) in [
        (
            &["clause", "no-recruitment-fees", "--lang", "fr"][..],
            "'fr'",
        ),
        (&["matrix", "agreements/examples", "-j", "0"][..], "'0'"),
        (
            &["draft", "agreements/termsheets/id-tw.toml", "--lang", "de"][..],
            "'de'",
        ),
    ] {
        let out = pakta()
            .current_dir(pakta_tests::repo())
            .args(args)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(needle),
            "{args:?}"
        );
    }
}

#[test]
fn completions_and_man_pages_generate() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = pakta().args(["completions", shell]).output().expect("run");
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(script.contains("pakta"), "{shell}");
        for command in ["check", "diff", "draft", "reject-changes"] {
            assert!(script.contains(command), "{shell}: {command}");
        }
    }
    let out = pakta().arg("man").output().expect("run");
    assert!(out.status.success());
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains(".TH pakta 1"), "{page}");
    assert!(
        page.contains("pakta\\-diff(1)"),
        "the page lists the commands: {page}"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let man = dir.path().join("man1");
    let out = pakta()
        .arg("man")
        .arg("--dir")
        .arg(&man)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for page in [
        "pakta.1",
        "pakta-check.1",
        "pakta-diff.1",
        "pakta-completions.1",
    ] {
        let text = std::fs::read_to_string(man.join(page)).expect(page);
        assert!(text.contains(".TH"), "{page}");
    }
    // Pages are not replaced without --force.
    let again = pakta()
        .arg("man")
        .arg("--dir")
        .arg(&man)
        .output()
        .expect("run");
    assert_eq!(again.status.code(), Some(2));
}
