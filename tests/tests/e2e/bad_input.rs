//! Bad input through the real binary: one clear message naming the file, exit 2, never a panic; or a
//! graceful result for inputs that are strange but still text.

use pakta_tests::pakta;

fn run_on(bytes: &[u8], name: &str) -> std::process::Output {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    pakta().args(["outline"]).arg(&path).output().expect("run")
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_no_panic(output: &std::process::Output) {
    let err = stderr(output);
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
}

#[test]
fn empty_and_whitespace_only_files() {
    for (bytes, name) in [(&b""[..], "empty.md"), (&b" \n\t\n  "[..], "blank.md")] {
        let output = run_on(bytes, name);
        assert_eq!(output.status.code(), Some(2));
        let err = stderr(&output);
        assert!(
            err.contains(name) && err.contains("the file is empty"),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "one clear message: {err}");
    }
}

#[test]
fn binary_files() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let output = run_on(png, "scan.md");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("scan.md: this looks like a binary file (PNG image)"),
        "{}",
        stderr(&output)
    );
    let output = run_on(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "mou.pdf");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("pdftotext"));
}

#[test]
fn invalid_utf8_names_line_and_column() {
    let output = run_on(
        b"# MoU\n\n## Article 1\n\nWages of RM 1\xa0500 shall be paid.\n",
        "latin1.md",
    );
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("latin1.md:5:14: the file is not valid UTF-8 (invalid byte 0xA0)"),
        "{err}"
    );
    assert!(err.contains("help: convert it to UTF-8"), "{err}");
}

#[test]
fn missing_file_and_directory() {
    let output = pakta()
        .args(["outline", "no/such/agreement.md"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no/such/agreement.md: cannot read"),
        "{}",
        stderr(&output)
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let output = pakta().arg("lint").arg(dir.path()).output().expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is a directory"));
}

#[test]
fn a_fifty_megabyte_file_parses() {
    let example = std::fs::read_to_string(pakta_tests::example("id-tw-mou.en.md")).expect("read");
    let body = example.splitn(3, "---").nth(2).expect("body");
    let mut text = String::with_capacity(51 << 20);
    while text.len() < 50 << 20 {
        text.push_str(body);
    }
    let output = run_on(text.as_bytes(), "big.md");
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let listing = String::from_utf8_lossy(&output.stdout);
    assert!(
        listing
            .lines()
            .next()
            .expect("first line")
            .contains(" articles]")
    );
}

#[test]
fn five_thousand_deep_nested_list() {
    let mut text = String::from("# Deep\n\n## Article 1\n\n");
    for depth in 0..5000 {
        text.push_str(&"  ".repeat(depth));
        text.push_str("- level\n");
    }
    let output = run_on(text.as_bytes(), "deep.md");
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("[nesting-too-deep]"));
    let quotes = format!("## Article 1\n\n{} deep\n", ">".repeat(5000));
    let output = run_on(quotes.as_bytes(), "quotes.md");
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn text_that_is_no_agreement_still_gets_an_outline() {
    let output = run_on(b"Just a shopping list.\n\n* milk\n* rice\n", "notes.md");
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("[no-articles]"));
}

#[test]
fn bad_front_matter_is_a_warning_not_a_failure() {
    let output = run_on(
        b"---\ntitle: [unclosed\n---\n\n## Article 1\n\nText.\n",
        "front.md",
    );
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("front.md:2:") && stdout.contains("[front-matter]"),
        "{stdout}"
    );
}
