//! The Draft, Versions and Check-against pages over plain HTTP: the term-sheet form's problems beside
//! their fields in `pakta draft`'s words, term-sheet text that stays text, the downloads, and the time
//! budget's page.

use std::time::Duration;

use pakta_draft::form::FormValues;

use crate::http::{self, Part, Reply};
use crate::{Running, bundled_values, example, read, start, start_with};

/// Submits the term-sheet form with `values`.
pub fn submit(server: &Running, values: &FormValues) -> Reply {
    let parts: Vec<Part> = values
        .values
        .iter()
        .map(|(name, value)| Part::Text { name, value })
        .collect();
    http::post(server.addr, &server.at("/draft"), &parts)
}

fn with(mut values: FormValues, path: &str, value: &str) -> FormValues {
    values.values.retain(|(p, _)| p != path);
    values.push(path, value);
    values
}

/// The `href` of the download link whose words contain `words`, unescaped.
pub fn link(page: &str, words: &str) -> String {
    let at = page
        .find(&format!(">{words}"))
        .unwrap_or_else(|| panic!("no link {words:?}"));
    let start = page[..at].rfind("href=\"").expect("href") + 6;
    let end = start + page[start..].find('"').expect("end of href");
    page[start..end].replace("&amp;", "&")
}

#[test]
fn a_bad_term_sheet_field_gets_paktas_words_beside_it() {
    let server = start(None);
    let values = with(
        with(bundled_values("id-tw.toml"), "terms.weekly_rest_days", "9"),
        "terms.annual_leave_days",
        "many",
    );
    let reply = submit(&server, &values);
    assert_eq!(reply.status, 422, "{}", reply.text());
    let page = reply.text();
    // The same words `pakta draft` prints after `file:line:column: `.
    let toml = values.to_toml();
    let expected = pakta_draft::TermSheet::parse("termsheet.toml", &toml).expect_err("refused");
    assert_eq!(
        expected.errors.len(),
        1,
        "a type error stops the reading: {expected}"
    );
    let rest = with(values.clone(), "terms.annual_leave_days", "7");
    let reply = submit(&server, &rest);
    assert_eq!(reply.status, 422);
    let page_one = reply.text();
    let field = |page: &str, path: &str| {
        let start = page
            .find(&format!("data-field=\"{path}\""))
            .unwrap_or_else(|| panic!("no field {path}"));
        let end = start + page[start..].find("</div>").expect("end of field");
        page[start..end].to_owned()
    };
    assert!(
        field(&page_one, "terms.weekly_rest_days").contains(
            "<p class=\"field-error\" id=\"e-f-terms-weekly_rest_days\">terms.weekly_rest_days: expected an integer from 1 to 7, found 9</p>"
        ),
        "{page_one}"
    );
    assert_eq!(page_one.matches("class=\"field-error\"").count(), 1);
    assert!(
        !field(&page_one, "terms.annual_leave_days").contains("field-error"),
        "{page_one}"
    );
    // The words typed stay in the form.
    assert!(page_one.contains("name=\"parties[1].country\" value=\"Taiwan\""));
    // Words where a number goes: the reader's own message, beside that field.
    assert!(
        field(&page, "terms.annual_leave_days").contains(
            "terms.annual_leave_days: expected an integer, found string &quot;many&quot;"
        ),
        "{page}"
    );
    // Two bad values at once: both, each beside its own field.
    let two = with(rest, "agreement.kind", "treaty");
    let page = submit(&server, &two).text();
    assert_eq!(page.matches("class=\"field-error\"").count(), 2, "{page}");
    assert!(field(&page, "agreement.kind").contains("agreement.kind: expected &quot;mou&quot;"));
    assert!(page.contains("The term sheet has 2 problems; each is shown beside its field."));
}

#[test]
fn term_sheet_text_with_markup_stays_text() {
    let server = start(None);
    let script = "<script>alert(1)</script>";
    let values = with(
        with(bundled_values("id-sa.toml"), "agreement.place", script),
        "agreement.title",
        "MoU <img src=x onerror=alert(2)>",
    );
    // A bad field too: the form comes back with the values typed, escaped.
    let refused = submit(&server, &with(values.clone(), "terms.contract_years", "0"));
    assert_eq!(refused.status, 422);
    let page = refused.text();
    assert!(
        page.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""),
        "{page}"
    );
    assert!(!page.contains("<script>alert") && !page.contains("<img src=x"));
    // Drafted: the page and the downloads hold the text, never the markup.
    let posted = submit(&server, &values);
    assert_eq!(posted.status, 303, "{}", posted.text());
    let page = http::get(server.addr, posted.header("location").expect("redirect")).text();
    assert!(
        page.contains("MoU &lt;img src=x onerror=alert(2)&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>alert") && !page.contains("<img src=x"));
    assert_eq!(
        page.matches("<script>").count(),
        1,
        "only pakta's own script"
    );
    let toml = http::get(server.addr, &link(&page, "the term sheet")).text();
    assert!(
        toml.contains("place = \"<script>alert(1)</script>\""),
        "{toml}"
    );
}

#[test]
fn a_draft_offers_the_term_sheet_and_both_languages() {
    let server = start(None);
    let posted = submit(&server, &bundled_values("id-tw.toml"));
    assert_eq!(posted.status, 303, "{}", posted.text());
    let page = http::get(server.addr, posted.header("location").expect("redirect")).text();
    assert!(page.contains("<div class=\"version\" lang=\"en\">"));
    assert!(page.contains("<div class=\"version\" lang=\"id\">"));
    assert!(page.contains("<h3>Pasal 1"), "{page}");
    let provenance = page.matches("class=\"provenance\"").count();
    assert!(provenance > 40, "one line per article: {provenance}");
    let toml = http::get(server.addr, &link(&page, "the term sheet"));
    assert_eq!(
        toml.header("content-disposition"),
        Some("attachment; filename=\"termsheet.toml\"")
    );
    let docx = http::get(server.addr, &link(&page, "Bahasa Indonesia: Word"));
    assert!(docx.body.starts_with(b"PK\x03\x04"), "a .docx is a zip");
    assert_eq!(
        docx.header("content-disposition"),
        Some("attachment; filename=\"termsheet.id.docx\"")
    );
    let md = http::get(server.addr, &link(&page, "English: Markdown")).text();
    assert!(md.starts_with("---\ntitle:") && md.contains("generated-from: \"termsheet.toml\""));
    // The prefilled form is the bundled term sheet: the same drafts as drafting it directly.
    let form = http::get(server.addr, &server.at("/draft?from=id-tw.toml")).text();
    assert!(
        form.contains("name=\"parties[0].signatory_short\" value=\"KDEI\""),
        "{form}"
    );
    let missing = http::get(server.addr, &server.at("/draft?from=nothing.toml"));
    assert_eq!(missing.status, 422);
    assert!(
        missing
            .text()
            .contains("no bundled term sheet is called `nothing.toml`")
    );
}

#[test]
fn versions_and_check_against_offer_what_the_commands_write() {
    let server = start(None);
    let (en, id) = (
        read(&example("id-tw-mou.en.md")),
        read(&example("id-tw-mou.id.md")),
    );
    let posted = http::post(
        server.addr,
        &server.at("/versions"),
        &[Part::file("a", "en.md", &en), Part::file("b", "id.md", &id)],
    );
    assert_eq!(posted.status, 303, "{}", posted.text());
    let page = http::get(server.addr, posted.header("location").expect("redirect")).text();
    assert!(page.contains("Language versions") && page.contains("class=\"workbench\""));
    let json: serde_json::Value =
        serde_json::from_slice(&http::get(server.addr, &link(&page, "JSON")).body).expect("JSON");
    assert!(json["aligned"].as_u64() > Some(0), "{json}");
    let text = http::get(server.addr, &link(&page, "text")).text();
    assert!(text.starts_with("A: en.md\nB: id.md\n"), "{text}");

    let (v1, v2) = (
        read(&example("id-my-domestic.v1.md")),
        read(&example("id-my-domestic.v2.md")),
    );
    let posted = http::post(
        server.addr,
        &server.at("/check"),
        &[
            Part::file("file", "v2.md", &v2),
            Part::file("earlier", "v1.md", &v1),
            Part::text("profile", "domestic-work"),
        ],
    );
    assert_eq!(posted.status, 303, "{}", posted.text());
    let location = posted.header("location").expect("redirect");
    assert!(location.starts_with("/against?"), "{location}");
    let page = http::get(server.addr, location).text();
    assert!(
        page.contains("Coverage compared with an earlier draft"),
        "{page}"
    );
    assert!(page.contains("<tr data-status=\"regressed\">"), "{page}");
    let json: serde_json::Value =
        serde_json::from_slice(&http::get(server.addr, &link(&page, "JSON")).body).expect("JSON");
    assert_eq!(json["old"]["path"], "v1.md", "{json}");
    assert!(
        json["changes"]
            .as_array()
            .is_some_and(|c| c.iter().any(|c| c["direction"] == "regressed")),
        "{json}"
    );
}

#[test]
fn the_time_budget_gives_the_pages_message_and_the_server_goes_on() {
    let server = start_with(None, Duration::ZERO);
    let (v1, v2) = (
        read(&example("id-my-domestic.v1.md")),
        read(&example("id-my-domestic.v2.md")),
    );
    let reply = http::post(
        server.addr,
        &server.at("/compare"),
        &[
            Part::file("old", "v1.md", &v1),
            Part::file("new", "v2.md", &v2),
        ],
    );
    assert_eq!(reply.status, 503, "{}", reply.text());
    let page = reply.text();
    assert!(
        page.contains(
            "<p class=\"error\" role=\"alert\">This took longer than 0 seconds, pakta serve&#39;s limit for one request, and was stopped."
        ),
        "{page}"
    );
    assert!(
        page.contains("<form") && !page.contains("panicked"),
        "{page}"
    );
    // The Draft page says so above the form, with the values typed kept.
    let reply = submit(&server, &bundled_values("id-tw.toml"));
    assert_eq!(reply.status, 503);
    assert!(reply.text().contains("This took longer than 0 seconds"));
    assert!(reply.text().contains("value=\"Taiwan\""));
    assert_eq!(http::get(server.addr, &server.at("/")).status, 200);
}

#[test]
fn bad_files_on_the_versions_and_check_pages_get_paktas_message_there() {
    let server = start(None);
    let en = read(&example("id-tw-mou.en.md"));
    let reply = http::post(
        server.addr,
        &server.at("/versions"),
        &[
            Part::file("a", "en.md", &en),
            Part::file("b", "empty.md", b""),
        ],
    );
    assert_eq!(reply.status, 422, "{}", reply.text());
    let page = reply.text();
    assert!(
        page.contains("<p class=\"error\" role=\"alert\">empty.md: the file is empty</p>"),
        "{page}"
    );
    assert!(
        page.contains("<h1>Compare language versions</h1>"),
        "the Versions form again"
    );
    let reply = http::post(
        server.addr,
        &server.at("/versions"),
        &[Part::file("a", "en.md", &en)],
    );
    assert_eq!(reply.status, 422);
    assert!(reply.text().contains("Choose the other language version."));
    let reply = http::post(
        server.addr,
        &server.at("/check"),
        &[
            Part::file("file", "en.md", &en),
            Part::file("earlier", "old.docx", b"PK\x03\x04 not Word"),
            Part::text("profile", "bla-core"),
        ],
    );
    assert_eq!(reply.status, 422);
    let page = reply.text();
    assert!(
        page.contains("<p class=\"error\" role=\"alert\">old.docx: "),
        "{page}"
    );
    assert!(page.contains("<h1>Check against the standards</h1>") && !page.contains("panicked"));
    // A download in a format the command does not write is refused in words, not with a 500.
    let posted = http::post(
        server.addr,
        &server.at("/versions"),
        &[
            Part::file("a", "en.md", &en),
            Part::file("b", "en2.md", &en),
        ],
    );
    let location = posted.header("location").expect("redirect");
    let docx = http::get(
        server.addr,
        &format!("{}&as=docx", location.replace("/parallel?", "/download?")),
    );
    assert_eq!(docx.status, 422);
    assert!(
        docx.text()
            .contains("the comparison of language versions has no docx version"),
        "{}",
        docx.text()
    );
}
