//! Every reading command on Word files made by another program (pandoc, from the bundled examples) and on
//! PDFs printed from them by LibreOffice, against the Markdown they came from: the same articles, the same
//! check results, the same redline — allowing what the format loses (pakta's front matter, typographic
//! quotes). And the redline as a Word file read back with Word's accept/reject semantics, by pakta and by
//! pandoc.
//!
//! Needs pandoc, soffice and pdftotext. Without them the tests say so and skip, except in CI (`CI` set),
//! where `.ci/run` installs them and a missing one fails the run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use pakta_tests::{example, pakta, program};
use serde_json::Value;

const EXAMPLES: &[&str] = &[
    "id-tw-mou.en",
    "id-tw-mou.id",
    "id-my-domestic.v1",
    "id-my-domestic.v2",
];

/// The folder holding `<example>.docx` (pandoc) and `<example>.pdf` (LibreOffice) for every example,
/// made once per test run; `None` when the tools are missing outside CI.
fn converted() -> Option<&'static Path> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        let tools = ["pandoc", "soffice", "pdftotext"];
        let missing: Vec<&str> = tools
            .into_iter()
            .filter(|t| program(t).is_none())
            .collect();
        if !missing.is_empty() {
            assert!(
                std::env::var_os("CI").is_none(),
                "{missing:?} missing, and CI requires them (.ci/run installs them)"
            );
            eprintln!(
                "NOTICE formats: skipped, {missing:?} not installed (apt-get install pandoc libreoffice-writer-nogui poppler-utils)"
            );
            return None;
        }
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("formats");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the folder");
        for name in EXAMPLES {
            // pakta's front matter is its own metadata, not text a Word document would carry.
            let markdown = std::fs::read_to_string(example(&format!("{name}.md"))).expect("read");
            let body = strip_front_matter(&markdown);
            let source = dir.join(format!("{name}.body.md"));
            std::fs::write(&source, body).expect("write");
            let docx = dir.join(format!("{name}.docx"));
            run(std::process::Command::new("pandoc")
                .arg(&source)
                .args(["-f", "gfm", "-o"])
                .arg(&docx));
        }
        let mut soffice = std::process::Command::new("soffice");
        soffice
            .arg(format!(
                "-env:UserInstallation=file://{}",
                dir.join("profile").display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&dir);
        for name in EXAMPLES {
            soffice.arg(dir.join(format!("{name}.docx")));
        }
        run(&mut soffice);
        Some(dir)
    })
    .as_deref()
}

fn strip_front_matter(markdown: &str) -> &str {
    markdown
        .strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|end| &rest[end + 5..]))
        .unwrap_or(markdown)
}

fn run(command: &mut std::process::Command) {
    let out = command.output().expect("the program runs");
    assert!(
        out.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `pakta <args>` → (exit code, standard output as JSON).
fn json(args: &[&str], files: &[&Path]) -> (i32, Value) {
    let out = pakta()
        .args(args)
        .args(files)
        .args(["--format", "json", "--quiet"])
        .output()
        .expect("pakta runs");
    let code = out.status.code().unwrap_or(-1);
    assert!(
        code == 0 || code == 1,
        "pakta {args:?} {files:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("pakta {args:?} {files:?}: not JSON: {e}");
    });
    (code, value)
}

/// Text as a reader compares it: typographic quotes and dashes as typed, spacing collapsed.
fn plain(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| match c {
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Title, preamble, each article's number and heading, and every clause's id and text.
fn structure(outline: &Value) -> Vec<String> {
    let mut out = vec![format!(
        "title: {}",
        plain(outline["title"].as_str().unwrap_or(""))
    )];
    for p in outline["preamble"].as_array().into_iter().flatten() {
        out.push(format!("preamble: {}", plain(p.as_str().unwrap_or(""))));
    }
    fn clauses(list: &Value, out: &mut Vec<String>) {
        for clause in list.as_array().into_iter().flatten() {
            out.push(format!(
                "  {} {}",
                clause["id"].as_str().unwrap_or(""),
                plain(clause["text"].as_str().unwrap_or(""))
            ));
            clauses(&clause["clauses"], out);
        }
    }
    for article in outline["articles"].as_array().into_iter().flatten() {
        out.push(format!(
            "article {} | {}",
            article["number"].as_str().unwrap_or(""),
            plain(article["heading"].as_str().unwrap_or(""))
        ));
        clauses(&article["clauses"], &mut out);
    }
    out
}

fn assert_same_lines(expected: &[String], actual: &[String], what: &str) {
    let first = expected.iter().zip(actual).position(|(e, a)| e != a);
    if let Some(i) = first {
        panic!(
            "{what}: line {i} differs\n  expected: {}\n  actual:   {}",
            expected[i], actual[i]
        );
    }
    assert_eq!(expected.len(), actual.len(), "{what}: line counts differ");
}

fn converted_file(dir: &Path, name: &str, ext: &str) -> PathBuf {
    dir.join(format!("{name}.{ext}"))
}

#[test]
fn outline_reads_word_and_pdf_as_the_markdown() {
    let Some(dir) = converted() else { return };
    for name in EXAMPLES {
        let markdown = example(&format!("{name}.md"));
        let (_, expected) = json(&["outline"], &[&markdown]);
        let expected = structure(&expected);
        for ext in ["docx", "pdf"] {
            let file = converted_file(dir, name, ext);
            let (_, actual) = json(&["outline"], &[&file]);
            assert_same_lines(&expected, &structure(&actual), &format!("{name}.{ext}"));
        }
    }
}

#[test]
fn the_outline_tree_locates_articles_in_the_word_file_and_the_pdf() {
    let Some(dir) = converted() else { return };
    for (ext, place) in [("docx", ", paragraph "), ("pdf", ", page ")] {
        let file = converted_file(dir, EXAMPLES[0], ext);
        let output = pakta().arg("outline").arg(&file).output().expect("run");
        assert_eq!(output.status.code(), Some(0));
        let text = String::from_utf8_lossy(&output.stdout);
        let articles: Vec<&str> = text.lines().filter(|l| l.contains("[art_")).collect();
        assert!(!articles.is_empty(), "{text}");
        for line in articles {
            // "[art_1, paragraph 10]", "[art_1, page 1, line 14]": never the Markdown's own line.
            assert!(line.contains(place), "{ext}: {line}");
            assert!(!line.contains("Markdown"), "{ext}: {line}");
        }
    }
}

/// Each requirement's status and best article.
fn statuses(check: &Value) -> BTreeMap<String, String> {
    check["results"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            (
                r["requirement"].as_str().unwrap_or("").to_string(),
                format!("{} {}", r["status"], r["best_article"]),
            )
        })
        .collect()
}

#[test]
fn check_gives_the_same_results_on_word_and_pdf() {
    let Some(dir) = converted() else { return };
    for name in EXAMPLES {
        let markdown = example(&format!("{name}.md"));
        let (_, expected) = json(&["check"], &[&markdown]);
        for ext in ["docx", "pdf"] {
            let file = converted_file(dir, name, ext);
            let (_, actual) = json(&["check"], &[&file]);
            assert_eq!(
                statuses(&expected),
                statuses(&actual),
                "{name}.{ext}: check results"
            );
            assert_eq!(
                expected["summary"]["score"], actual["summary"]["score"],
                "{name}.{ext}: score"
            );
        }
    }
    // `--against`: a Word draft against a PDF counter-draft moves as the Markdown pair does.
    let changes = |v: &Value| v["changes"].to_string();
    let (_, expected) = json(
        &["check", "--against"],
        &[
            &example("id-my-domestic.v2.md"),
            &example("id-my-domestic.v1.md"),
        ],
    );
    let (_, actual) = json(
        &["check", "--against"],
        &[
            &converted_file(dir, "id-my-domestic.v2", "pdf"),
            &converted_file(dir, "id-my-domestic.v1", "docx"),
        ],
    );
    assert_eq!(changes(&expected), changes(&actual), "check --against");
    assert_ne!(changes(&expected), "null", "the comparison has changes");
}

/// Each article's match, status and flags; and the parts that changed, without the front matter.
fn redline(diff: &Value) -> Vec<String> {
    let mut out: Vec<String> = diff["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| {
            format!(
                "{} -> {} {} {}",
                a["old_number"], a["new_number"], a["status"], a["flags"]
            )
        })
        .collect();
    for part in diff["parts"].as_array().into_iter().flatten() {
        if part["kind"] != "meta" {
            out.push(format!(
                "{} {} {}",
                part["kind"], part["status"], part["flags"]
            ));
        }
    }
    out
}

#[test]
fn diff_gives_the_same_redline_across_formats() {
    let Some(dir) = converted() else { return };
    let (old, new) = ("id-my-domestic.v1", "id-my-domestic.v2");
    let (code, expected) = json(
        &["diff"],
        &[
            &example(&format!("{old}.md")),
            &example(&format!("{new}.md")),
        ],
    );
    assert_eq!(code, 1, "the drafts differ");
    let expected = redline(&expected);
    let pairs = [
        ("docx", "docx"),
        ("pdf", "pdf"),
        ("docx", "pdf"),
        ("md", "docx"),
    ];
    for (a, b) in pairs {
        let a_file = if a == "md" {
            example(&format!("{old}.md"))
        } else {
            converted_file(dir, old, a)
        };
        let (code, actual) = json(&["diff"], &[&a_file, &converted_file(dir, new, b)]);
        assert_eq!(code, 1, "{a} → {b}: the drafts differ");
        if a == "md" {
            // Markdown against Word: the front matter is only on one side, and the articles still match.
            let articles: Vec<String> = redline(&actual)
                .into_iter()
                .filter(|l| !l.starts_with(['t', 'd', 'p', 'c', 's']))
                .collect();
            let expected_articles: Vec<String> = expected
                .iter()
                .filter(|l| !l.starts_with(['t', 'd', 'p', 'c', 's']))
                .cloned()
                .collect();
            assert_same_lines(&expected_articles, &articles, "md → docx");
        } else {
            assert_same_lines(&expected, &redline(&actual), &format!("{a} → {b}"));
        }
    }
    // The same file in two formats is no difference at all.
    let (code, same) = json(
        &["diff"],
        &[
            &converted_file(dir, old, "docx"),
            &converted_file(dir, old, "pdf"),
        ],
    );
    assert_eq!(code, 0, "docx → pdf of one draft: {:#}", same["summary"]);
}

#[test]
fn lint_parallel_export_and_matrix_read_word_and_pdf() {
    let Some(dir) = converted() else { return };
    // parallel: the two language versions agree in every format.
    let (code, expected) = json(
        &["parallel"],
        &[&example("id-tw-mou.en.md"), &example("id-tw-mou.id.md")],
    );
    for ext in ["docx", "pdf"] {
        let (actual_code, actual) = json(
            &["parallel"],
            &[
                &converted_file(dir, "id-tw-mou.en", ext),
                &converted_file(dir, "id-tw-mou.id", ext),
            ],
        );
        assert_eq!(code, actual_code, "parallel {ext}");
        assert_eq!(
            expected["inconsistencies"], actual["inconsistencies"],
            "parallel {ext}"
        );
    }
    for name in EXAMPLES {
        let markdown = example(&format!("{name}.md"));
        let (code, expected) = json(&["lint"], &[&markdown]);
        let codes = |v: &Value| -> Vec<String> {
            v.as_array()
                .into_iter()
                .flatten()
                .map(|d| d["code"].to_string())
                .collect()
        };
        for ext in ["docx", "pdf"] {
            let file = converted_file(dir, name, ext);
            let (actual_code, actual) = json(&["lint"], &[&file]);
            assert_eq!(code, actual_code, "lint {name}.{ext}");
            assert_eq!(codes(&expected), codes(&actual), "lint {name}.{ext}");
            let akn = pakta()
                .args(["export", "--quiet"])
                .arg(&file)
                .output()
                .expect("pakta runs");
            assert!(akn.status.success(), "export {name}.{ext}");
            let articles = String::from_utf8_lossy(&akn.stdout)
                .matches("<article ")
                .count();
            let expected_articles = pakta()
                .arg("export")
                .arg(&markdown)
                .output()
                .expect("pakta runs");
            assert_eq!(
                String::from_utf8_lossy(&expected_articles.stdout)
                    .matches("<article ")
                    .count(),
                articles,
                "export {name}.{ext}"
            );
        }
    }
    // matrix: a folder of Word files and PDFs gives the columns the Markdown gives.
    let folder = tempfile::tempdir().expect("tempdir");
    for name in ["id-tw-mou.en", "id-my-domestic.v2"] {
        for ext in ["docx", "pdf"] {
            std::fs::copy(
                converted_file(dir, name, ext),
                folder.path().join(format!("{name}.{ext}")),
            )
            .expect("copy");
        }
    }
    std::fs::write(folder.path().join("~$id-tw-mou.en.docx"), b"lock").expect("write");
    let (_, grid) = json(&["matrix"], &[folder.path()]);
    let (_, markdown_grid) = json(
        &["matrix"],
        &[
            &example("id-my-domestic.v2.md"),
            &example("id-tw-mou.en.md"),
        ],
    );
    let columns = |v: &Value| -> Vec<String> {
        v["agreements"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| format!("{}", c["score"]))
            .collect()
    };
    let scores = columns(&grid);
    assert_eq!(scores.len(), 4, "two Word files and two PDFs, no lock file");
    let expected = columns(&markdown_grid);
    assert_eq!(
        scores,
        vec![
            expected[0].clone(),
            expected[0].clone(),
            expected[1].clone(),
            expected[1].clone()
        ]
    );
}

/// The text of a Word file as pandoc reads it with its tracked changes accepted or rejected, parsed by
/// pakta: an independent reader of Word's semantics.
fn pandoc_outline(docx: &Path, changes: &str, dir: &Path) -> Vec<String> {
    let markdown = dir.join(format!("pandoc-{changes}.md"));
    run(std::process::Command::new("pandoc")
        .arg(docx)
        .arg(format!("--track-changes={changes}"))
        // Unwrapped, so no line of pandoc's begins with a number that pakta would read as a label.
        .args(["-t", "markdown", "--wrap=none", "-o"])
        .arg(&markdown));
    let (_, outline) = json(&["outline"], &[&markdown]);
    structure(&outline)
}

#[test]
fn a_word_redline_of_two_word_drafts_round_trips() {
    let Some(dir) = converted() else { return };
    let out = tempfile::tempdir().expect("tempdir");
    let redline = out.path().join("redline.docx");
    let (old, new) = (
        converted_file(dir, "id-my-domestic.v1", "docx"),
        converted_file(dir, "id-my-domestic.v2", "pdf"),
    );
    let run_diff = pakta()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--format", "docx", "--quiet", "-o"])
        .arg(&redline)
        .output()
        .expect("pakta runs");
    assert_eq!(
        run_diff.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run_diff.stderr)
    );
    let articles = |lines: Vec<String>| -> Vec<String> {
        lines
            .into_iter()
            .skip_while(|l| !l.starts_with("article "))
            .collect()
    };
    let (_, old_outline) = json(&["outline"], &[&old]);
    let (_, new_outline) = json(&["outline"], &[&new]);
    // Reading a file with tracked changes says so, and how it was read.
    let told = pakta()
        .arg("outline")
        .arg(&redline)
        .output()
        .expect("pakta runs");
    let told = String::from_utf8_lossy(&told.stderr);
    assert!(
        told.contains("tracked insertion")
            && told.contains("accepted (--reject-changes reads the text before them)"),
        "{told}"
    );
    // pakta reads the redline back: accepted is NEW, rejected is OLD.
    let (_, accepted) = json(&["outline"], &[&redline]);
    assert_same_lines(
        &articles(structure(&new_outline)),
        &articles(structure(&accepted)),
        "redline accepted (pakta)",
    );
    let (_, rejected) = json(&["outline", "--reject-changes"], &[&redline]);
    assert_same_lines(
        &articles(structure(&old_outline)),
        &articles(structure(&rejected)),
        "redline rejected (pakta)",
    );
    // pandoc reads it the same way.
    assert_same_lines(
        &articles(structure(&new_outline)),
        &articles(pandoc_outline(&redline, "accept", out.path())),
        "redline accepted (pandoc)",
    );
    assert_same_lines(
        &articles(structure(&old_outline)),
        &articles(pandoc_outline(&redline, "reject", out.path())),
        "redline rejected (pandoc)",
    );
}

#[test]
fn diagnostics_point_into_the_word_file_and_the_pdf() {
    let Some(dir) = converted() else { return };
    // A draft whose Article 3 was lost: lint names the paragraph of the Word file and the page and line
    // of the PDF where Article 4 stands.
    let out = tempfile::tempdir().expect("tempdir");
    let markdown = std::fs::read_to_string(dir.join("id-tw-mou.en.body.md")).expect("read");
    let start = markdown.find("### Article 3").expect("Article 3");
    let end = markdown.find("### Article 4").expect("Article 4");
    let broken = format!("{}{}", &markdown[..start], &markdown[end..]);
    let source = out.path().join("broken.md");
    std::fs::write(&source, broken).expect("write");
    let docx = out.path().join("broken.docx");
    run(std::process::Command::new("pandoc")
        .arg(&source)
        .args(["-f", "gfm", "-o"])
        .arg(&docx));
    run(std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            out.path().join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out.path())
        .arg(&docx));
    let lint = |file: &Path| -> String {
        let run = pakta().arg("lint").arg(file).output().expect("pakta runs");
        assert_eq!(run.status.code(), Some(1), "lint finds the gap");
        String::from_utf8_lossy(&run.stdout).into_owned()
    };
    let word = lint(&docx);
    assert!(
        word.lines().any(
            |l| l.starts_with(&format!("{}: paragraph ", docx.display()))
                && l.contains("skipped-number")
        ),
        "{word}"
    );
    let pdf = out.path().join("broken.pdf");
    let printed = lint(&pdf);
    assert!(
        printed
            .lines()
            .any(|l| l.starts_with(&format!("{}: page ", pdf.display()))
                && l.contains(", line ")
                && l.contains("skipped-number")),
        "{printed}"
    );
}
