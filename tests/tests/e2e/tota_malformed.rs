//! ToTA XML that is not well-formed, through the real binary: a truncated treaty, an unclosed body and a
//! Markdown file read with `--from tota` are refused with one message naming the file and the line and
//! column, exit 2, by every reading command; never read as a shorter treaty, and never compared as an
//! empty one.

use std::path::{Path, PathBuf};

use pakta_tests::pakta;

/// A small well-formed treaty written for this test (not a real one).
const TREATY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<treaty>
  <meta>
    <name>Nusantara - Selatan Labour Mobility</name>
    <language>en</language>
  </meta>
  <body>
    <chapter number="CHAPTER ONE" name="General Provisions">
      <article number="ARTICLE 1" name="Objective">The objective of this Agreement is
to protect workers who move between the Parties.</article>
      <article number="ARTICLE 2" name="Wages">The employer shall pay wages within 30 days.</article>
      <article number="ARTICLE 3" name="Rest">Every worker shall have one day of rest a week.</article>
    </chapter>
  </body>
</treaty>
"#;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs `args` and checks the refusal: exit 2, one `error:` line that starts with the file's name and
/// the line and column, containing `says`; nothing on standard output, and no panic.
fn assert_refused(args: &[&str], file: &Path, line_col: &str, says: &str) {
    let output = pakta().args(args).output().expect("run");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.lines().count(), 1, "one clear message: {err}");
    let prefix = format!("error: {}: {line_col}: ", file.display());
    assert!(
        err.starts_with(&prefix),
        "{args:?}: expected {prefix:?}…: {err}"
    );
    assert!(err.contains(says), "{args:?}: {err}");
    assert!(output.stdout.is_empty(), "{args:?}: wrote a result");
}

#[test]
fn the_complete_treaty_reads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "treaty.xml", TREATY);
    let output = pakta().arg("outline").arg(&path).output().expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(out.contains("3 articles"), "{out}");
}

#[test]
fn a_truncated_treaty_is_refused_by_every_reading_command() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Cut inside the third article, as a download cut short would be: two articles so far.
    let cut = TREATY.find("one day of rest").expect("article 3");
    let path = write(dir.path(), "trunc.xml", &TREATY[..cut]);
    let file = path.to_str().expect("utf-8 path");
    let md = dir.path().join("trunc.md");
    let md = md.to_str().expect("utf-8 path");
    let says = "the file ends inside <article> (opened at line 12) and 3 more open elements: it is truncated";
    for args in [
        vec!["outline", file],
        vec!["import", file, "-o", md],
        vec!["check", file],
        vec!["lint", file],
    ] {
        assert_refused(&args, &path, "line 12, column 70", says);
    }
    assert!(!Path::new(md).exists(), "import wrote a shorter treaty");
    // Forcing the format changes nothing.
    assert_refused(
        &["outline", file, "--from", "tota"],
        &path,
        "line 12, column 70",
        says,
    );
}

#[test]
fn an_unclosed_body_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "bad.xml",
        "<treaty><meta><name>x</name></meta><body>unclosed",
    );
    let file = path.to_str().expect("utf-8 path");
    assert_refused(
        &["check", file],
        &path,
        "line 1, column 50",
        "the file ends inside <body>",
    );
}

#[test]
fn a_mismatched_tag_and_text_after_the_root_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mismatched = TREATY.replacen("</chapter>", "</body>", 1);
    let path = write(dir.path(), "mismatched.xml", &mismatched);
    let file = path.to_str().expect("utf-8 path");
    assert_refused(
        &["outline", file],
        &path,
        "line 13, column 5",
        "expected `</chapter>`, but `</body>` was found",
    );
    let trailing = format!("{TREATY}<treaty><body/></treaty>\n");
    let path = write(dir.path(), "two-roots.xml", &trailing);
    let file = path.to_str().expect("utf-8 path");
    assert_refused(
        &["outline", file],
        &path,
        "line 16, column 1",
        "element <treaty> after the end of the root element <treaty>",
    );
}

#[test]
fn diff_refuses_markdown_read_as_tota_instead_of_finding_no_differences() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(
        dir.path(),
        "a.md",
        "# MoU\n\n## Article 1\n\nWages are paid within 30 days.\n",
    );
    let b = write(
        dir.path(),
        "b.md",
        "# MoU\n\n## Article 1\n\nWages are paid within 60 days.\n",
    );
    let (a_file, b_file) = (
        a.to_str().expect("utf-8 path"),
        b.to_str().expect("utf-8 path"),
    );
    assert_refused(
        &["diff", a_file, b_file, "--from", "tota"],
        &a,
        "line 1, column 1",
        "text before the root element (\u{201c}# MoU\u{201d}): this is not XML",
    );
    // Read as what they are, the two drafts differ.
    let output = pakta()
        .args(["diff", a_file, b_file])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
}

#[test]
fn a_truncated_corpus_treaty_is_refused() {
    let Some(corpus) = pakta_tests::corpus("ToTA truncation e2e") else {
        return;
    };
    let xml = std::fs::read(corpus.join("tota/xml/pta_352.xml")).expect("pta_352.xml");
    let dir = tempfile::tempdir().expect("tempdir");
    // The first 70,000 bytes, cut in memory: the middle of an article.
    let path = dir.path().join("trunc.xml");
    std::fs::write(&path, &xml[..xml.len().min(70_000)]).expect("write");
    let output = pakta().arg("outline").arg(&path).output().expect("run");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with(&format!("error: {}: line ", path.display()))
            && err.contains("the file ends inside <article>"),
        "{err}"
    );
}
