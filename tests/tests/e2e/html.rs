//! HTML reports in a real browser: `pakta diff|check|matrix|parallel --format html` rendered by headless
//! Chromium, asserting on the DOM it built (flags and statuses present, pakta's script ran, an agreement's
//! injected script and event handlers did not), plus a screenshot and an A4 PDF to look at.
//!
//! Chromium comes from Debian's `chromium` package; `.ci/run` installs it. Without it the tests say so and
//! skip, except in CI, where a missing browser fails the run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pakta_tests::{chromium, example, pakta};

/// Runs headless Chromium with a fresh profile and no network chatter; returns its standard output.
fn run_chromium(browser: &Path, profile: &Path, args: &[String]) -> String {
    let mut child = Command::new(browser)
        .args(pakta_tests::CHROMIUM_FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut out);
        out
    });
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().expect("reader")
}

fn url(path: &Path) -> String {
    format!("file://{}", path.canonicalize().expect("path").display())
}

/// The DOM after scripts ran.
fn dom(browser: &Path, page: &Path, work: &Path) -> String {
    let profile = tempfile::tempdir_in(work).expect("profile");
    run_chromium(
        browser,
        profile.path(),
        &["--dump-dom".to_string(), url(page)],
    )
}

/// A screenshot and an A4 PDF beside the report, for a person to look at (`target/html-reports/`).
fn pictures(browser: &Path, page: &Path, work: &Path) {
    let profile = tempfile::tempdir_in(work).expect("profile");
    let png = page.with_extension("png");
    let pdf = page.with_extension("pdf");
    run_chromium(
        browser,
        profile.path(),
        &[
            "--window-size=1200,1600".to_string(),
            format!("--screenshot={}", png.display()),
            url(page),
        ],
    );
    let profile = tempfile::tempdir_in(work).expect("profile");
    run_chromium(
        browser,
        profile.path(),
        &[
            "--no-pdf-header-footer".to_string(),
            format!("--print-to-pdf={}", pdf.display()),
            url(page),
        ],
    );
    for file in [&png, &pdf] {
        let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        assert!(
            size > 1000,
            "{} was not rendered ({size} bytes)",
            file.display()
        );
    }
}

fn out_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| pakta_tests::repo().join("target"), PathBuf::from);
    let dir = target.join("html-reports");
    std::fs::create_dir_all(&dir).expect("report dir");
    dir
}

fn render(args: &[&std::ffi::OsStr], out: &Path) {
    let _ = std::fs::remove_file(out);
    let status = pakta()
        .args(args)
        .args(["--format", "html", "-o"])
        .arg(out)
        .output()
        .expect("run");
    assert!(
        matches!(status.status.code(), Some(0 | 1)),
        "pakta {args:?} failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// Structural facts every report must have: complete document, self-contained, script ran.
fn assert_self_contained(name: &str, html: &str, dom: &str) {
    assert!(html.starts_with("<!DOCTYPE html>"), "{name}");
    for external in ["src=\"http", "href=\"http", "@import", "url(", "<link"] {
        assert!(
            !html.contains(external),
            "{name}: refers to an external resource ({external})"
        );
    }
    assert!(
        dom.contains("data-script=\"ran\""),
        "{name}: pakta's own script did not run (is the CSP hash right?)"
    );
}

#[test]
fn reports_for_the_bundled_examples_render_in_chromium() {
    let Some(browser) = chromium("HTML reports in Chromium") else {
        return;
    };
    let dir = out_dir();
    let work = tempfile::tempdir().expect("tempdir");
    let v1 = example("id-my-domestic.v1.md");
    let v2 = example("id-my-domestic.v2.md");
    let en = example("id-tw-mou.en.md");
    let id = example("id-tw-mou.id.md");

    let diff = dir.join("diff.html");
    render(&["diff".as_ref(), v1.as_os_str(), v2.as_os_str()], &diff);
    let html = std::fs::read_to_string(&diff).expect("diff report");
    let page = dom(&browser, &diff, work.path());
    assert_self_contained("diff", &html, &page);
    for expected in [
        "modal-weakened",
        "number-changed",
        "party-changed",
        "data-status=\"modified\"",
        "data-status=\"added\"",
        "data-status=\"deleted\"",
        "class=\"badge moved\"",
        "class=\"badge renumbered\"",
        "<ins>",
        "<del>",
        "Cross-references to fix",
    ] {
        assert!(page.contains(expected), "diff report lacks {expected}");
    }
    pictures(&browser, &diff, work.path());

    let check = dir.join("check.html");
    render(&["check".as_ref(), en.as_os_str()], &check);
    let html = std::fs::read_to_string(&check).expect("check report");
    let page = dom(&browser, &check, work.path());
    assert_self_contained("check", &html, &page);
    for expected in [
        "status status-covered\">covered",
        "status status-missing\">missing",
        "no-recruitment-fees",
        "C181 Art. 7(1)",
        "against the model clause",
    ] {
        assert!(page.contains(expected), "check report lacks {expected}");
    }
    pictures(&browser, &check, work.path());

    let matrix = dir.join("matrix.html");
    render(&["matrix".as_ref(), example("").as_os_str()], &matrix);
    let html = std::fs::read_to_string(&matrix).expect("matrix report");
    let page = dom(&browser, &matrix, work.path());
    assert_self_contained("matrix", &html, &page);
    assert_eq!(
        page.matches("<tr").count(),
        48 + 2,
        "a row per requirement, a header and a score row"
    );
    assert!(page.contains("class=\"cell status-covered\""));
    pictures(&browser, &matrix, work.path());

    let parallel = dir.join("parallel.html");
    render(
        &["parallel".as_ref(), en.as_os_str(), id.as_os_str()],
        &parallel,
    );
    let html = std::fs::read_to_string(&parallel).expect("parallel report");
    let page = dom(&browser, &parallel, work.path());
    assert_self_contained("parallel", &html, &page);
    assert!(page.contains("articles in A"));
    pictures(&browser, &parallel, work.path());
}

const HOSTILE_TITLE: &str =
    "Hostile </title><script>document.body.setAttribute('data-pwned','title')</script>";

fn hostile(version: u32) -> String {
    format!(
        "---\ntitle: \"{HOSTILE_TITLE} v{version}\"\n---\n\n\
         ## Article 1 — Wages <img src=x onerror=\"document.body.setAttribute('data-pwned','heading')\">\n\n\
         1. The employer shall pay wages of {} days <script>document.body.setAttribute('data-pwned','clause')</script>.\n\
         2. \"><img src=x onerror=\"document.body.setAttribute('data-pwned','attr')\"> the worker shall not pay recruitment fees.\n\n\
         ## Article 2 — <b onmouseover=alert(1)>Rest</b>\n\n\
         Workers {} have one rest day a week. <a href=\"javascript:alert(1)\">link</a> <style>body{{display:none}}</style>\n",
        30 + version * 15,
        if version == 1 { "shall" } else { "may" },
    )
}

#[test]
fn agreement_text_never_becomes_markup_or_script() {
    let Some(browser) = chromium("HTML injection") else {
        return;
    };
    let work = tempfile::tempdir().expect("tempdir");
    let old = work.path().join("hostile-v1.md");
    let new = work.path().join("hostile-v2.md");
    std::fs::write(&old, hostile(1)).expect("write");
    std::fs::write(&new, hostile(2)).expect("write");
    let reports: Vec<(&str, Vec<&std::ffi::OsStr>)> = vec![
        (
            "diff",
            vec!["diff".as_ref(), old.as_os_str(), new.as_os_str()],
        ),
        ("check", vec!["check".as_ref(), new.as_os_str()]),
        (
            "matrix",
            vec!["matrix".as_ref(), old.as_os_str(), new.as_os_str()],
        ),
        (
            "parallel",
            vec!["parallel".as_ref(), old.as_os_str(), new.as_os_str()],
        ),
    ];
    for (name, args) in reports {
        let page = work.path().join(format!("{name}.html"));
        render(&args, &page);
        let html = std::fs::read_to_string(&page).expect("report");
        let dom = dom(&browser, &page, work.path());
        assert_self_contained(name, &html, &dom);
        // The payloads are visible as text; what must never appear is the attribute they would set.
        let body = &dom[dom.find("<body").expect("body")..];
        let body_tag = &body[..body.find('>').expect("tag")];
        assert!(
            !body_tag.contains("data-pwned"),
            "{name}: an agreement's script or handler ran: {body_tag}"
        );
        assert!(
            !dom.contains("data-pwned=\""),
            "{name}: an agreement's script or handler ran"
        );
        for element in ["<img", "<b ", "<a href=\"javascript", "<style>body"] {
            assert!(
                !dom.contains(element),
                "{name}: agreement markup {element} became an element"
            );
        }
        assert_eq!(
            dom.matches("<script").count(),
            1,
            "{name}: only pakta's own script"
        );
        if name != "matrix" {
            assert!(
                dom.contains("&lt;script&gt;") || dom.contains("&lt;/title&gt;"),
                "{name}: text shown as text"
            );
        }
    }
}
