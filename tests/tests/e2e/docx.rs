//! Word output through the real binary: `pakta diff --format docx` (tracked changes, author and date,
//! byte-identical across runs), `pakta draft --format docx`, and — when LibreOffice is installed — proof
//! that an independent office suite opens both.

use std::path::Path;

use pakta_tests::{bundled_redline_docx, pakta};

fn document_xml(path: &Path) -> String {
    let file = std::fs::File::open(path).expect("docx");
    let mut archive = zip::ZipArchive::new(file).expect("a zip archive");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").expect("main part"),
        &mut xml,
    )
    .expect("utf-8");
    xml
}

#[test]
fn diff_docx_has_tracked_changes_and_is_reproducible() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = dir.path().join("first.docx");
    let second = dir.path().join("second.docx");
    for out in [&first, &second] {
        let run = bundled_redline_docx(out, &["--author", "Biro Hukum", "--date", "2026-03-01"]);
        assert_eq!(
            run.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    let (a, b) = (
        std::fs::read(&first).expect("a"),
        std::fs::read(&second).expect("b"),
    );
    assert!(a == b, "two runs gave different bytes");
    let xml = document_xml(&first);
    assert!(xml.matches("<w:ins ").count() > 10);
    assert!(xml.matches("<w:del ").count() > 10);
    assert!(xml.contains("w:author=\"Biro Hukum\""));
    assert!(xml.contains("w:date=\"2026-03-01T00:00:00Z\""));
    assert!(
        xml.contains("w:val=\"Heading"),
        "articles are Word headings"
    );

    // Refusals: overwriting without --force, and a date that is not one.
    let again = bundled_redline_docx(&first, &[]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    let bad_date = bundled_redline_docx(&dir.path().join("x.docx"), &["--date", "1 March"]);
    assert_eq!(bad_date.status.code(), Some(2));
    let message = String::from_utf8_lossy(&bad_date.stderr);
    assert!(
        message.contains("'1 March'")
            && message.contains("--date")
            && message.contains("not a date"),
        "{message}"
    );
}

#[test]
fn draft_docx_is_a_clean_word_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = pakta()
        .arg("draft")
        .arg(pakta_tests::repo().join("agreements/termsheets/id-tw.toml"))
        .args(["--format", "docx", "-o"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for lang in ["en", "id"] {
        let xml = document_xml(&dir.path().join(format!("id-tw.{lang}.docx")));
        assert!(
            !xml.contains("<w:ins ") && !xml.contains("<w:del "),
            "a draft has no tracked changes"
        );
        assert!(
            xml.contains(if lang == "en" {
                ">Article 1"
            } else {
                ">Pasal 1"
            }),
            "{lang}"
        );
    }
}

#[test]
fn libreoffice_opens_the_documents() {
    let Some(soffice) =
        pakta_tests::program("soffice").or_else(|| pakta_tests::program("libreoffice"))
    else {
        eprintln!(
            "SKIPPED LibreOffice check: soffice is not installed (apt-get install libreoffice-writer-nogui)"
        );
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = dir.path().join("redline.docx");
    bundled_redline_docx(&docx, &[]);
    let profile = dir.path().join("profile");
    let out = std::process::Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "txt:Text", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .expect("soffice runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text =
        std::fs::read_to_string(dir.path().join("redline.txt")).expect("LibreOffice wrote text");
    // LibreOffice's text export keeps tracked changes pending, so OLD's and NEW's words are both there
    // ("Custody of Passport" became "Travel and Identity Documents").
    assert!(text.contains("Article 1 \u{2014} Definitions"), "{text}");
    for word in ["Passport", "Travel", "Identity Documents"] {
        assert!(text.contains(word), "LibreOffice lost {word}");
    }
    let pdf = std::process::Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .expect("soffice runs");
    assert!(pdf.status.success());
    let size = std::fs::metadata(dir.path().join("redline.pdf"))
        .map(|m| m.len())
        .unwrap_or(0);
    assert!(size > 10_000, "LibreOffice's PDF is only {size} bytes");
}
