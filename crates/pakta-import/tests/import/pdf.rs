//! A real round trip through a PDF: an agreement written in Markdown for this test is turned into a Word
//! document by pandoc, printed to PDF by LibreOffice, read back with `pdftotext -layout` and imported; the
//! articles, preamble and closing must come back as written. The headings are printed as Word headings
//! (`Pasal 1 Tujuan dan Ruang Lingkup`, number and title on one line), which is how real MoUs reach pakta.
//! Skipped, with a message, when pandoc, LibreOffice or pdftotext is missing. Everything generated lives in
//! a temporary folder that is removed afterwards.

use std::path::{Path, PathBuf};
use std::process::Command;

use pakta_core::{Agreement, parse};
use pakta_import::origin::Origin;
use pakta_import::text::import;

/// Title, preamble, divisions, each article's number, heading and clauses, and the closing.
fn structure(agreement: &Agreement) -> Vec<String> {
    let mut out = vec![format!(
        "title: {}",
        agreement.title.as_deref().unwrap_or("")
    )];
    out.extend(
        agreement
            .preamble
            .iter()
            .map(|b| format!("preamble: {}", b.text)),
    );
    out.extend(agreement.divisions.iter().map(|d| {
        format!(
            "division {} | {}",
            d.number.as_deref().unwrap_or(""),
            d.heading.as_deref().unwrap_or("")
        )
    }));
    for article in &agreement.articles {
        out.push(format!(
            "article {} | {}",
            article.number,
            article.heading.as_deref().unwrap_or("")
        ));
        for clause in article.clauses_flat() {
            out.push(format!("  {} {}", clause.id, clause.text));
        }
    }
    out.extend(
        agreement
            .closing
            .iter()
            .map(|b| format!("closing: {}", b.text)),
    );
    out
}

fn run(program: &Path, args: &[&std::ffi::OsStr]) {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
    assert!(
        output.status.success(),
        "{} {args:?}: {}",
        program.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A temporary folder removed when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_pdf_printed_from_word_headings_imports_to_the_same_articles() {
    let (Some(pandoc), Some(soffice), Some(pdftotext)) = (
        pakta_tests::program("pandoc"),
        pakta_tests::program("soffice").or_else(|| pakta_tests::program("libreoffice")),
        pakta_tests::program("pdftotext"),
    ) else {
        eprintln!(
            "SKIPPED PDF round trip: needs pandoc, LibreOffice and pdftotext (apt-get install pandoc libreoffice-writer-nogui poppler-utils)"
        );
        return;
    };
    let dir = TempDir(std::env::temp_dir().join(format!(
        "pakta-import-pdf-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    )));
    std::fs::create_dir_all(&dir.0).expect("temporary folder");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let names = ["mou-roundtrip.id", "agreement-roundtrip.en"];
    let mut docx = Vec::new();
    for name in names {
        let out = dir.0.join(format!("{name}.docx"));
        // `-smart`: quotes and dashes stay as written, so the texts compare.
        run(
            &pandoc,
            &[
                "-f".as_ref(),
                "markdown-smart".as_ref(),
                fixtures.join(format!("{name}.md")).as_os_str(),
                "-o".as_ref(),
                out.as_os_str(),
            ],
        );
        docx.push(out);
    }
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.0.join("profile").display()
    );
    let mut args: Vec<&std::ffi::OsStr> = vec![
        profile.as_ref(),
        "--headless".as_ref(),
        "--convert-to".as_ref(),
        "pdf".as_ref(),
        "--outdir".as_ref(),
        dir.0.as_os_str(),
    ];
    args.extend(docx.iter().map(|d| d.as_os_str()));
    run(&soffice, &args);
    for name in names {
        let pdf = dir.0.join(format!("{name}.pdf"));
        let txt = dir.0.join(format!("{name}.txt"));
        run(
            &pdftotext,
            &[
                "-layout".as_ref(),
                "-enc".as_ref(),
                "UTF-8".as_ref(),
                pdf.as_os_str(),
                txt.as_os_str(),
            ],
        );
        let text = std::fs::read_to_string(&txt).expect("pdftotext output");
        let original =
            parse(&std::fs::read_to_string(fixtures.join(format!("{name}.md"))).expect("fixture"));
        let imported = import(&text, "");
        let back = parse(&imported.markdown);
        let (want, got) = (structure(&original), structure(&back));
        for (w, g) in want.iter().zip(&got) {
            assert_eq!(
                w, g,
                "{name}\n--- pdftotext ---\n{text}\n--- markdown ---\n{}",
                imported.markdown
            );
        }
        assert_eq!(want.len(), got.len(), "{name}: {want:#?}\n{got:#?}");
        assert!(original.articles.len() >= 5);
        assert_eq!(imported.report.articles, original.articles.len());
        // Each article heading points at the PDF line that prints it.
        let pages: Vec<Vec<&str>> = text.split('\u{c}').map(|p| p.lines().collect()).collect();
        let md: Vec<&str> = imported.markdown.lines().collect();
        for article in &back.articles {
            let heading_line = article.span.line as usize;
            let Some(Origin::Page { page, line }) = imported.source_map.origin(heading_line) else {
                panic!("{name}: article {} has no page", article.number);
            };
            let printed = pages[page - 1][line - 1];
            assert!(
                printed.contains(&format!(" {}", article.number))
                    || printed.trim_start().starts_with(&article.number),
                "{name}: {} → page {page}, line {line}: {printed}",
                md[heading_line - 1]
            );
        }
    }
}
