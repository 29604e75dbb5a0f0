//! `pakta import` of plain text and PDFs through the binary: a real PDF (made by LibreOffice from a
//! drafted agreement, read by poppler's pdftotext) imports to the draft's structure; a missing pdftotext
//! gets a message saying what to install; Markdown is not imported.

use std::path::Path;

use pakta_tests::{example, outline_json, pakta, program};
use serde_json::Value;

/// Title, preamble, and for each article its number, heading and every clause's id and text.
fn structure(outline: &Value) -> Vec<String> {
    let mut out = vec![format!("title: {}", outline["title"])];
    if let Some(preamble) = outline["preamble"].as_array() {
        out.extend(preamble.iter().map(|p| format!("preamble: {p}")));
    }
    fn clauses(list: &Value, out: &mut Vec<String>) {
        for clause in list.as_array().into_iter().flatten() {
            out.push(format!("  {} {}", clause["id"], clause["text"]));
            clauses(&clause["clauses"], out);
        }
    }
    for article in outline["articles"].as_array().into_iter().flatten() {
        out.push(format!(
            "article {} | {}",
            article["number"], article["heading"]
        ));
        clauses(&article["clauses"], &mut out);
    }
    out
}

fn soffice_pdf(soffice: &Path, docx: &Path, dir: &Path) {
    let out = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("soffice runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_pdf_printed_by_libreoffice_imports_to_the_drafts_structure() {
    let (Some(soffice), Some(_)) = (
        program("soffice").or_else(|| program("libreoffice")),
        program("pdftotext"),
    ) else {
        eprintln!(
            "SKIPPED PDF import check: needs soffice and pdftotext (apt-get install libreoffice-writer-nogui poppler-utils)"
        );
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let termsheet = pakta_tests::repo().join("agreements/termsheets/id-my.toml");
    for format in ["md", "docx"] {
        pakta()
            .arg("draft")
            .arg(&termsheet)
            .args(["--format", format, "-o"])
            .arg(dir.path())
            .assert()
            .success();
    }
    for lang in ["en", "id"] {
        let docx = dir.path().join(format!("id-my.{lang}.docx"));
        soffice_pdf(&soffice, &docx, dir.path());
        let pdf = dir.path().join(format!("id-my.{lang}.pdf"));
        let imported = dir.path().join(format!("imported.{lang}.md"));
        let out = pakta()
            .arg("import")
            .arg(&pdf)
            .arg("-o")
            .arg(&imported)
            .output()
            .expect("pakta runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let summary = String::from_utf8_lossy(&out.stderr);
        assert!(summary.contains("45 articles"), "{summary}");
        let want = structure(&outline_json(&dir.path().join(format!("id-my.{lang}.md"))));
        let got = structure(&outline_json(&imported));
        for (w, g) in want.iter().zip(&got) {
            assert_eq!(w, g, "{lang}");
        }
        assert_eq!(want.len(), got.len(), "{lang}");
    }
}

#[test]
fn pdf_import_without_pdftotext_says_what_to_install() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("scan.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n").expect("write");
    let empty_path = dir.path().join("bin");
    std::fs::create_dir(&empty_path).expect("mkdir");
    let out = pakta()
        .env("PATH", &empty_path)
        .arg("import")
        .arg(&pdf)
        .output()
        .expect("pakta runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("scan.pdf"), "{stderr}");
    assert!(stderr.contains("poppler-utils"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_broken_pdf_is_named_with_pdftotexts_reason() {
    if program("pdftotext").is_none() {
        eprintln!(
            "SKIPPED broken PDF check: pdftotext is not installed (apt-get install poppler-utils)"
        );
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("broken.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\nthis is not really a PDF\n").expect("write");
    let out = pakta()
        .arg("import")
        .arg(&pdf)
        .output()
        .expect("pakta runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.pdf"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
}

#[test]
fn plain_text_is_imported_by_default_and_markdown_is_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = dir.path().join("mou.txt");
    std::fs::write(
        &text,
        "MEMORANDUM OF UNDERSTANDING\n\nThe Parties have agreed as follows:\n\nARTICLE I\nSCOPE\n\n1. This Memorandum applies to workers.\n\nARTICLE II\nWAGES\n\n1. Wages shall be paid monthly.\n\n\u{c}             - 2 -\n",
    )
    .expect("write");
    let out = pakta()
        .arg("import")
        .arg(&text)
        .output()
        .expect("pakta runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let markdown = String::from_utf8_lossy(&out.stdout);
    assert!(markdown.contains("## ARTICLE I — SCOPE"), "{markdown}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 articles"));

    let out = pakta()
        .arg("import")
        .arg(example("id-tw-mou.en.md"))
        .output()
        .expect("pakta runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Markdown needs no import"));
}
