//! Footnotes and endnotes of a Word draft, through the real binary: `pakta diff` reports a draft whose
//! only change is in a note as a difference (exit 1, the note's article modified), never "no
//! differences"; `pakta import` writes the notes as Markdown footnotes; and a text box Word stores twice
//! (`mc:AlternateContent`) is read once. The drafts are built from the parts in pakta-import's .docx
//! fixtures (written for its tests, not a real agreement).

use std::io::Write;
use std::path::{Path, PathBuf};

use pakta_tests::{pakta, repo};

/// A .docx of the parts in pakta-import's fixture folder `case`, with `edit` applied to each part's text.
fn docx(case: &str, out: &Path, edit: impl Fn(&str) -> String) -> PathBuf {
    let word = repo()
        .join("crates/pakta-import/tests/fixtures/docx")
        .join(case)
        .join("word");
    let mut names: Vec<String> = std::fs::read_dir(&word)
        .expect("fixture")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let path = out.join(format!("{case}.docx"));
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).expect("create"));
    for name in names {
        let text = std::fs::read_to_string(word.join(&name)).expect("part");
        zip.start_file(
            format!("word/{name}"),
            zip::write::SimpleFileOptions::default(),
        )
        .expect("start");
        zip.write_all(edit(&text).as_bytes()).expect("write");
    }
    zip.finish().expect("finish");
    path
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_draft_changed_only_in_a_footnote_is_a_different_draft() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (old_dir, new_dir) = (dir.path().join("old"), dir.path().join("new"));
    std::fs::create_dir_all(&old_dir).expect("mkdir");
    std::fs::create_dir_all(&new_dir).expect("mkdir");
    let old = docx("notes", &old_dir, str::to_string);
    let new = docx("notes", &new_dir, |text| text.replace("Sunday", "Friday"));
    let diff = pakta()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .output()
        .expect("runs");
    let report = stdout(&diff);
    assert_eq!(diff.status.code(), Some(1), "{report}");
    assert!(report.contains("1 modified"), "{report}");
    assert!(report.contains("Article 1"), "{report}");
    assert!(report.contains("[-Sunday-]{+Friday+}"), "{report}");
    // The same draft on both sides has no differences.
    let same = pakta()
        .arg("diff")
        .arg(&old)
        .arg(&old)
        .output()
        .expect("runs");
    assert_eq!(same.status.code(), Some(0), "{}", stdout(&same));
}

#[test]
fn import_writes_notes_as_markdown_footnotes_and_text_boxes_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = docx("notes", dir.path(), str::to_string);
    let imported = pakta().arg("import").arg(&notes).output().expect("runs");
    assert!(imported.status.success());
    let md = stdout(&imported);
    assert!(
        md.contains("The worker shall have one rest day[^2] per week."),
        "{md}"
    );
    assert!(
        md.contains("\n[^2]: The rest day shall be Sunday, "),
        "{md}"
    );
    assert!(md.contains("\n[^5]: Article 5 — Before tax."), "{md}");
    assert!(
        !md.contains("SEPARATOR") && !md.contains("Referred to nowhere"),
        "{md}"
    );
    let boxed = docx("alternate-content", dir.path(), str::to_string);
    let imported = pakta().arg("import").arg(&boxed).output().expect("runs");
    let md = stdout(&imported);
    assert_eq!(md.matches("Wages are paid monthly.").count(), 1, "{md}");
    assert!(
        md.contains("The employer shall pay the wage in full."),
        "{md}"
    );
}
