//! The workbench in real headless Chromium, driven as a person would: files chosen in the page's file
//! inputs, the form submitted, the report read from the DOM (compare, check, draft, language versions);
//! meeting mode followed as a file is saved.

use std::path::Path;
use std::time::Duration;

use crate::cdp::{Browser, chromium};
use crate::{example, screenshots, start};

const PAGE_LOAD: Duration = Duration::from_secs(30);

#[test]
fn compare_two_drafts_through_the_page() {
    let Some(binary) = chromium("compare in Chromium") else {
        return;
    };
    let server = start(None);
    let mut browser = Browser::launch(&binary);
    browser.goto(&server.url);
    assert_eq!(
        browser.text("document.querySelector('h1').textContent"),
        "Compare two drafts"
    );
    browser.set_files("input[name=old]", &[&example("id-my-domestic.v1.md")]);
    browser.set_files("input[name=new]", &[&example("id-my-domestic.v2.md")]);
    browser.eval("document.querySelector('form button[type=submit]').click(); true");
    browser.wait_for(
        "location.pathname === '/redline' && document.readyState === 'complete'",
        PAGE_LOAD,
    );
    // pakta-html's report, its own script run under its policy, the toolbar above it.
    browser.wait_for("document.body.dataset.script === 'ran'", PAGE_LOAD);
    let counts = browser.eval(
        "({modified: document.querySelectorAll('section[data-status=modified]').length, \
          added: document.querySelectorAll('section[data-status=added]').length, \
          ins: document.querySelectorAll('ins').length, \
          weakened: Array.from(document.querySelectorAll('.flag')).filter(f => f.textContent === 'modal-weakened').length, \
          downloads: Array.from(document.querySelectorAll('.workbench a[download]')).map(a => a.textContent)})",
    );
    assert!(counts["modified"].as_u64() > Some(0), "{counts}");
    assert!(counts["added"].as_u64() > Some(0), "{counts}");
    assert!(counts["ins"].as_u64() > Some(0), "{counts}");
    assert!(counts["weakened"].as_u64() > Some(0), "{counts}");
    assert_eq!(
        counts["downloads"].as_array().map(Vec::len),
        Some(4),
        "{counts}"
    );
    assert!(
        browser
            .text("document.querySelector('.workbench').innerText")
            .contains("v1.md: Markdown")
    );
    browser.screenshot(&screenshots().join("compare.png"));
    // The picture in the README (docs/workbench-compare.png) is this one.
    browser.thumbnail(&screenshots().join("compare-small.png"), 1000);

    // An ignore option is a switch: the redline is made again with it on.
    browser.eval(
        "Array.from(document.querySelectorAll('.workbench a[data-ignore]')).find(a => a.textContent.includes('numbering')).click(); true",
    );
    browser.wait_for(
        "location.search.includes('&i=n') && document.readyState === 'complete' && \
         document.querySelector('.workbench a[aria-checked=true]') !== null",
        PAGE_LOAD,
    );

    // A bad file: pakta's message on the form, and the next comparison works.
    let work = tempfile::tempdir().expect("tempdir");
    let broken = work.path().join("broken.docx");
    std::fs::write(&broken, b"PK\x03\x04 not really a Word file").expect("write");
    browser.goto(&server.url);
    browser.set_files("input[name=old]", &[&broken]);
    browser.set_files("input[name=new]", &[&example("id-my-domestic.v2.md")]);
    browser.eval("document.querySelector('form button[type=submit]').click(); true");
    browser.wait_for(
        "document.readyState === 'complete' && document.querySelector('.error') !== null",
        PAGE_LOAD,
    );
    let error = browser.text("document.querySelector('.error').textContent");
    assert!(error.starts_with("broken.docx: "), "{error}");
    browser.screenshot(&screenshots().join("compare-error.png"));
}

#[test]
fn check_an_agreement_through_the_page() {
    let Some(binary) = chromium("check in Chromium") else {
        return;
    };
    let server = start(None);
    let mut browser = Browser::launch(&binary);
    browser.goto(&server.url);
    browser.eval(
        "Array.from(document.querySelectorAll('nav a')).find(a => a.textContent.includes('Check')).click(); true",
    );
    browser.wait_for(
        "location.pathname === '/check' && document.readyState === 'complete'",
        PAGE_LOAD,
    );
    browser.set_files("input[name=file]", &[&example("id-tw-mou.en.md")]);
    browser.eval("document.querySelector('select[name=profile]').value = 'domestic-work'; true");
    browser.eval("document.querySelector('form button[type=submit]').click(); true");
    browser.wait_for(
        "location.pathname === '/coverage' && document.readyState === 'complete' && \
         document.body.dataset.script === 'ran'",
        PAGE_LOAD,
    );
    let found = browser.eval(
        "({covered: document.querySelectorAll('.status-covered').length, \
          missing: document.querySelectorAll('.status-missing').length, \
          profile: document.querySelector('.files').textContent, \
          downloads: document.querySelectorAll('.workbench a[download]').length})",
    );
    assert!(found["covered"].as_u64() > Some(0), "{found}");
    assert!(found["missing"].as_u64() > Some(0), "{found}");
    assert!(
        found["profile"]
            .as_str()
            .is_some_and(|p| p.contains("domestic-work")),
        "{found}"
    );
    assert_eq!(found["downloads"], 3, "{found}");
    browser.screenshot(&screenshots().join("check.png"));

    // With an earlier draft: the coverage compared, as `pakta check EARLIER --against AGREEMENT`.
    browser.eval("document.querySelector('.workbench a').click(); true");
    browser.wait_for(
        "location.pathname === '/check' && document.readyState === 'complete'",
        PAGE_LOAD,
    );
    browser.set_files("input[name=file]", &[&example("id-my-domestic.v2.md")]);
    browser.set_files("input[name=earlier]", &[&example("id-my-domestic.v1.md")]);
    browser.eval("document.querySelector('select[name=profile]').value = 'domestic-work'; true");
    browser.eval("document.querySelector('form button[type=submit]').click(); true");
    browser.wait_for(
        "location.pathname === '/against' && document.readyState === 'complete' && \
         document.body.dataset.script === 'ran'",
        PAGE_LOAD,
    );
    let compared = browser.eval(
        "({kind: document.querySelector('.report-kind').textContent, \
          regressed: Array.from(document.querySelectorAll('tr[data-status=regressed] code')).map(c => c.textContent), \
          files: document.querySelector('.files').textContent, \
          downloads: Array.from(document.querySelectorAll('.workbench a[download]')).map(a => a.textContent)})",
    );
    assert_eq!(
        compared["kind"], "Coverage compared with an earlier draft",
        "{compared}"
    );
    // v2 makes wage deductions, the joint committee and the medical examination's cost weaker.
    for requirement in ["wage-payment", "joint-committee", "medical-examination"] {
        assert!(
            compared["regressed"]
                .as_array()
                .is_some_and(|r| r.iter().any(|c| c == requirement)),
            "{requirement}: {compared}"
        );
    }
    assert!(
        compared["files"]
            .as_str()
            .is_some_and(|f| f.contains("id-my-domestic.v1.md") && f.contains("domestic-work")),
        "{compared}"
    );
    assert_eq!(
        compared["downloads"],
        serde_json::json!(["text", "JSON", "this page (HTML)"]),
        "{compared}"
    );
    browser.screenshot(&screenshots().join("check-against.png"));
}

#[test]
fn a_script_in_an_uploaded_clause_does_not_run() {
    let Some(binary) = chromium("escaping in Chromium") else {
        return;
    };
    let server = start(None);
    let work = tempfile::tempdir().expect("tempdir");
    let old = work.path().join("old.md");
    let new = work.path().join("new.md");
    std::fs::write(&old, "# A\n\n## Article 1\n\nWorkers shall be paid.\n").expect("write");
    std::fs::write(
        &new,
        "# A\n\n## Article 1\n\nWorkers shall be paid <script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">.\n",
    )
    .expect("write");
    let mut browser = Browser::launch(&binary);
    browser.goto(&server.url);
    browser.set_files("input[name=old]", &[&old]);
    browser.set_files("input[name=new]", &[&new]);
    browser.eval("document.querySelector('form button[type=submit]').click(); true");
    browser.wait_for(
        "location.pathname === '/redline' && document.readyState === 'complete'",
        PAGE_LOAD,
    );
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(browser.eval("typeof window.pwned"), "undefined");
    assert_eq!(browser.eval("document.querySelectorAll('img').length"), 0);
    assert!(
        browser
            .text("document.body.innerText")
            .contains("<script>window.pwned = 1</script>")
    );
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write the watched file");
}

#[test]
fn meeting_mode_follows_saves_and_survives_a_half_saved_file() {
    let Some(binary) = chromium("meeting mode in Chromium") else {
        return;
    };
    let work = tempfile::tempdir().expect("tempdir");
    let old = work.path().join("old.md");
    let new = work.path().join("new.md");
    let v2 = std::fs::read_to_string(example("id-my-domestic.v2.md")).expect("example");
    std::fs::copy(example("id-my-domestic.v1.md"), &old).expect("copy");
    write(&new, &v2);
    let server = start(Some((old.clone(), new.clone())));
    assert!(server.url.contains("/meeting?t="), "{}", server.url);
    let mut browser = Browser::launch(&binary);
    browser.goto(&server.url);
    browser.wait_for("document.body.dataset.script === 'ran'", PAGE_LOAD);
    let frame = "document.getElementById('redline').contentDocument";
    browser.wait_for(
        &format!("{frame} && {frame}.querySelectorAll('section[data-status=modified]').length > 0"),
        PAGE_LOAD,
    );
    browser.screenshot(&screenshots().join("meeting.png"));

    // A save: the new article shows in the redline without anyone touching the browser.
    write(
        &new,
        &format!("{v2}\n## Article 99\n\nThe parties shall meet each quarter in Zanzibar.\n"),
    );
    let took = browser.wait_for(
        &format!("{frame} && {frame}.body.innerText.includes('Zanzibar')"),
        Duration::from_secs(10),
    );
    eprintln!("meeting mode: the saved change was on screen after {took:?}");
    assert!(took < Duration::from_secs(5), "too slow: {took:?}");

    // Half-way through a save (empty), then a broken file: the last good redline stays, with a notice.
    for (content, message) in [
        ("", "new.md: the file is empty"),
        ("\u{0}\u{1}\u{2}binary\u{0}", "new.md: "),
    ] {
        write(&new, content);
        browser.wait_for(
            &format!(
                "!document.getElementById('notice').hidden && \
                 document.getElementById('notice').textContent.startsWith({})",
                serde_json::json!(message)
            ),
            Duration::from_secs(10),
        );
        assert_eq!(
            browser.eval(&format!("{frame}.body.innerText.includes('Zanzibar')")),
            true,
            "the last good redline stays on screen"
        );
    }
    browser.screenshot(&screenshots().join("meeting-notice.png"));

    // Saved properly again: the notice goes, the redline follows.
    write(&new, &v2);
    browser.wait_for(
        &format!(
            "document.getElementById('notice').hidden && {frame} && \
             {frame}.readyState === 'complete' && !{frame}.body.innerText.includes('Zanzibar') && \
             {frame}.querySelectorAll('section[data-status=modified]').length > 0"
        ),
        Duration::from_secs(10),
    );
}

/// The term-sheet form in the page: started from a bundled term sheet, one bad field and its message
/// beside it, then the drafts side by side with each article's provenance.
#[test]
fn draft_from_a_term_sheet_through_the_page() {
    let Some(binary) = chromium("draft in Chromium") else {
        return;
    };
    let server = start(None);
    let mut browser = Browser::launch(&binary);
    browser.goto(&server.url);
    browser.eval(
        "Array.from(document.querySelectorAll('nav a')).find(a => a.textContent.includes('Draft')).click(); true",
    );
    browser.wait_for(
        "location.pathname === '/draft' && document.readyState === 'complete'",
        PAGE_LOAD,
    );
    browser.eval(
        "document.querySelector('select[name=from]').value = 'id-tw.toml'; \
         document.querySelector('form.inline button').click(); true",
    );
    let field = |path: &str| format!("document.querySelector('[name=\"{path}\"]')");
    browser.wait_for(
        &format!(
            "location.search.includes('from=id-tw.toml') && document.readyState === 'complete' && \
             {}.value === 'Taiwan'",
            field("parties[1].country")
        ),
        PAGE_LOAD,
    );
    // One bad value: the page comes back with pakta draft's words beside that field, and only there.
    browser.eval(&format!(
        "{}.value = '9'; {}.value = '<script>window.pwned = 1</script>Taipei'; \
         document.querySelector('form.termsheet button[type=submit]').click(); true",
        field("terms.weekly_rest_days"),
        field("agreement.place")
    ));
    browser.wait_for(
        "document.readyState === 'complete' && document.querySelector('.field-error') !== null",
        PAGE_LOAD,
    );
    let found = browser.eval(
        "({errors: Array.from(document.querySelectorAll('.field-error')).map(e => \
            [e.closest('.field').dataset.field, e.textContent]), \
          invalid: document.querySelector('[name=\"terms.weekly_rest_days\"]').getAttribute('aria-invalid'), \
          place: document.querySelector('[name=\"agreement.place\"]').value})",
    );
    assert_eq!(
        found["errors"],
        serde_json::json!([[
            "terms.weekly_rest_days",
            "terms.weekly_rest_days: expected an integer from 1 to 7, found 9"
        ]]),
        "{found}"
    );
    assert_eq!(found["invalid"], "true", "{found}");
    assert_eq!(
        found["place"], "<script>window.pwned = 1</script>Taipei",
        "the values typed stay: {found}"
    );
    browser.eval("document.querySelector('.field-error').scrollIntoView({block: 'center'}); true");
    browser.screenshot(&screenshots().join("draft-error.png"));

    // Corrected: both language versions, each article under its requirement and sources.
    browser.eval(&format!(
        "{}.value = '1'; document.querySelector('form.termsheet button[type=submit]').click(); true",
        field("terms.weekly_rest_days")
    ));
    browser.wait_for(
        "location.pathname === '/drafted' && document.readyState === 'complete' && \
         document.body.dataset.script === 'ran'",
        PAGE_LOAD,
    );
    let drafted = browser.eval(
        "({articles: document.querySelectorAll('section.drafted').length, \
          en: document.querySelectorAll('section.drafted .version[lang=en] h3').length, \
          id: document.querySelectorAll('section.drafted .version[lang=id] h3').length, \
          first: document.querySelector('section.drafted .provenance').textContent, \
          pasal: document.querySelector('section.drafted .version[lang=id] h3').textContent, \
          side: (() => { const [a, b] = document.querySelectorAll('section.drafted .version'); \
                  return a.getBoundingClientRect().top === b.getBoundingClientRect().top && \
                         a.getBoundingClientRect().left < b.getBoundingClientRect().left; })(), \
          closing: document.querySelector('section.closing').innerText, \
          downloads: Array.from(document.querySelectorAll('.workbench a[download]')).map(a => a.textContent)})",
    );
    let articles = drafted["articles"].as_u64().expect("count");
    assert!(articles > 40, "{drafted}");
    assert_eq!(drafted["en"].as_u64(), Some(articles), "{drafted}");
    assert_eq!(drafted["id"].as_u64(), Some(articles), "{drafted}");
    assert_eq!(
        drafted["side"], true,
        "the versions side by side: {drafted}"
    );
    let first = drafted["first"].as_str().unwrap_or_default();
    assert!(
        first.starts_with("Article 1 implements ") && first.contains("Article"),
        "{first}"
    );
    assert!(
        drafted["pasal"]
            .as_str()
            .is_some_and(|p| p.starts_with("Pasal 1")),
        "{drafted}"
    );
    assert!(
        drafted["closing"]
            .as_str()
            .is_some_and(|c| c.contains("<script>window.pwned = 1</script>Taipei")),
        "the place is text: {drafted}"
    );
    assert_eq!(browser.eval("typeof window.pwned"), "undefined");
    assert_eq!(
        drafted["downloads"].as_array().map(Vec::len),
        Some(6),
        "term sheet, Word and Markdown per language, the page: {drafted}"
    );
    browser.screenshot(&screenshots().join("draft.png"));
    // The picture in the README (docs/workbench-draft.png) is this one.
    browser.thumbnail(&screenshots().join("draft-small.png"), 1300);
}

#[test]
fn language_versions_through_the_page() {
    let Some(binary) = chromium("versions in Chromium") else {
        return;
    };
    let server = start(None);
    let mut browser = Browser::launch(&binary);
    browser.goto(&server.url.replace("/?t=", "/versions?t="));
    assert_eq!(
        browser.text("document.querySelector('h1').textContent"),
        "Compare language versions"
    );
    browser.set_files("input[name=a]", &[&example("id-tw-mou.en.md")]);
    browser.set_files("input[name=b]", &[&example("id-tw-mou.id.md")]);
    browser.eval("document.querySelector('form button[type=submit]').click(); true");
    browser.wait_for(
        "location.pathname === '/parallel' && document.readyState === 'complete' && \
         document.body.dataset.script === 'ran'",
        PAGE_LOAD,
    );
    let found = browser.eval(
        "({kind: document.querySelector('.report-kind').textContent, \
          counts: Object.fromEntries(Array.from(document.querySelectorAll('.counts div')).map(d => [d.querySelector('dt').textContent, d.querySelector('dd').textContent])), \
          files: document.querySelector('.files').textContent, \
          read: document.querySelector('.workbench').innerText, \
          downloads: Array.from(document.querySelectorAll('.workbench a[download]')).map(a => a.textContent)})",
    );
    assert_eq!(found["kind"], "Language versions", "{found}");
    assert_eq!(found["counts"]["articles in A"], "22", "{found}");
    assert_eq!(found["counts"]["aligned"], "22", "{found}");
    assert!(
        found["files"]
            .as_str()
            .is_some_and(|f| f.contains("id-tw-mou.en.md") && f.contains("id-tw-mou.id.md")),
        "{found}"
    );
    assert!(
        found["read"]
            .as_str()
            .is_some_and(|r| r.contains("id-tw-mou.id.md: Markdown")),
        "{found}"
    );
    assert_eq!(
        found["downloads"],
        serde_json::json!(["text", "JSON", "this page (HTML)"]),
        "{found}"
    );
    browser.screenshot(&screenshots().join("versions.png"));
}
