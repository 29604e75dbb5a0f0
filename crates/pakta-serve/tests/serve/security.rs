//! The workbench over plain HTTP: the token, uploads in every bad shape, escaping, and the downloads.

use crate::http::{self, Part, Reply};
use crate::{Running, example, read, start};

/// Uploads two drafts to the compare form; returns the answer (a redirect to the redline on success).
fn compare(server: &Running, old: (&str, &[u8]), new: (&str, &[u8])) -> Reply {
    http::post(
        server.addr,
        &server.at("/compare"),
        &[
            Part::file("old", old.0, old.1),
            Part::file("new", new.0, new.1),
        ],
    )
}

/// A comparison of the bundled drafts, followed to its redline page.
fn good_comparison(server: &Running) -> Reply {
    let (v1, v2) = (
        read(&example("id-my-domestic.v1.md")),
        read(&example("id-my-domestic.v2.md")),
    );
    let posted = compare(server, ("v1.md", &v1), ("v2.md", &v2));
    assert_eq!(posted.status, 303, "{}", posted.text());
    let location = posted.header("location").expect("redirect");
    assert!(location.starts_with("/redline?t="), "{location}");
    let page = http::get(server.addr, location);
    assert_eq!(page.status, 200, "{}", page.text());
    page
}

fn assert_error_page(reply: &Reply, status: u16, message: &str) {
    assert_eq!(reply.status, status, "{}", reply.text());
    let page = reply.text();
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(
        page.contains(&format!("<p class=\"error\" role=\"alert\">{message}")),
        "expected the error {message:?} on the page:\n{page}"
    );
    assert!(
        !page.contains("panicked")
            && !page.contains("RUST_BACKTRACE")
            && !page.contains("backtrace"),
        "{page}"
    );
    assert!(page.contains("<form"), "the form is offered again: {page}");
}

#[test]
fn every_address_without_the_token_is_refused() {
    let server = start(None);
    let wrong = format!("?t={}", "0".repeat(server.token.len()));
    for target in [
        "/".to_owned(),
        "/?t=".to_owned(),
        format!("/{wrong}"),
        format!("/?t={}x", server.token),
        "/compare".to_owned(),
        "/redline?r=abc".to_owned(),
        "/download?r=abc&as=docx".to_owned(),
        "/check".to_owned(),
        "/against?r=abc".to_owned(),
        "/draft".to_owned(),
        "/draft?from=id-tw.toml".to_owned(),
        "/drafted?r=abc".to_owned(),
        "/versions".to_owned(),
        "/parallel?r=abc".to_owned(),
        "/events".to_owned(),
        "/meeting/redline".to_owned(),
        "/etc/passwd".to_owned(),
        "/../Cargo.toml".to_owned(),
    ] {
        let reply = http::get(server.addr, &target);
        assert_eq!(reply.status, 403, "{target}: {}", reply.text());
        assert!(
            reply.text().contains("This address needs its key"),
            "{target}"
        );
        assert!(!reply.text().contains(&server.token), "{target}");
        assert!(!reply.text().contains("<form"), "{target}");
    }
    let v1 = read(&example("id-my-domestic.v1.md"));
    let posted = http::post(server.addr, "/compare", &[Part::file("old", "v1.md", &v1)]);
    assert_eq!(posted.status, 403);
    let posted = http::post(
        server.addr,
        "/draft",
        &[Part::text("agreement.kind", "mou")],
    );
    assert_eq!(posted.status, 403);
    // With the token: the forms, with the strict policy and no caching of pages that hold the token.
    let home = http::get(server.addr, &server.at("/"));
    assert_eq!(home.status, 200);
    assert!(home.text().contains("<input type=\"file\" name=\"old\""));
    let policy = home.header("content-security-policy").expect("CSP header");
    assert!(policy.starts_with("default-src 'none';"), "{policy}");
    assert_eq!(home.header("cache-control"), Some("no-store"));
    assert_eq!(home.header("referrer-policy"), Some("no-referrer"));
    // No other files are served, with or without the token.
    for target in ["/Cargo.toml", "/agreements/examples/", "/src/lib.rs"] {
        assert_eq!(
            http::get(server.addr, &server.at(target)).status,
            404,
            "{target}"
        );
    }
}

#[test]
fn compare_shows_the_redline_and_offers_every_download() {
    let server = start(None);
    let reply = good_comparison(&server);
    let policy = reply.header("content-security-policy").expect("CSP header");
    assert!(
        policy.starts_with("default-src 'none';") && policy.contains("script-src 'sha256-"),
        "{policy}"
    );
    let page = reply.text();
    for expected in [
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';",
        "class=\"workbench\"",
        "modal-weakened",
        "data-status=\"modified\"",
        "<ins>",
        "<del>",
        "v1.md: Markdown",
    ] {
        assert!(page.contains(expected), "the redline page lacks {expected}");
    }
    let link = |format: &str| {
        let start = page
            .find(&format!("&amp;as={format}\""))
            .unwrap_or_else(|| panic!("no {format} download"));
        let href_start = page[..start].rfind("href=\"").expect("href") + 6;
        page[href_start..start + format!("&amp;as={format}").len()].replace("&amp;", "&")
    };
    let docx = http::get(server.addr, &link("docx"));
    assert_eq!(docx.status, 200);
    assert!(docx.body.starts_with(b"PK\x03\x04"), "a .docx is a zip");
    assert!(
        docx.header("content-disposition")
            .is_some_and(|d| d.contains("redline.docx"))
    );
    let md = http::get(server.addr, &link("md")).text();
    assert!(md.starts_with("# Redline:") && md.contains("{++"), "{md}");
    let json: serde_json::Value =
        serde_json::from_slice(&http::get(server.addr, &link("json")).body).expect("JSON");
    assert!(
        json["summary"]["modified"].as_u64().expect("count") > 0,
        "{json}"
    );
    let html = http::get(server.addr, &link("html")).text();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("data-status=\"modified\""));

    // The .docx downloaded reads back as the later draft: uploading it gives a redline too.
    let v1 = read(&example("id-my-domestic.v1.md"));
    let posted = compare(&server, ("v1.md", &v1), ("redline.docx", &docx.body));
    assert_eq!(posted.status, 303, "{}", posted.text());
    let again = http::get(server.addr, posted.header("location").expect("redirect")).text();
    assert!(again.contains("redline.docx: Word document, "), "{again}");
}

#[test]
fn check_shows_the_coverage_and_offers_downloads() {
    let server = start(None);
    let en = read(&example("id-tw-mou.en.md"));
    let posted = http::post(
        server.addr,
        &server.at("/check"),
        &[
            Part::file("file", "mou.md", &en),
            Part::text("profile", "bla-core"),
        ],
    );
    assert_eq!(posted.status, 303, "{}", posted.text());
    let location = posted.header("location").expect("redirect");
    let page = http::get(server.addr, location).text();
    for expected in [
        "status status-covered\">covered",
        "class=\"workbench\"",
        "bla-core",
    ] {
        assert!(
            page.contains(expected),
            "the coverage page lacks {expected}"
        );
    }
    let json_link = format!("{}&as=json", location.replace("/coverage?", "/download?"));
    let json: serde_json::Value =
        serde_json::from_slice(&http::get(server.addr, &json_link).body).expect("JSON");
    assert_eq!(json["profile"], "bla-core", "{json}");
}

#[test]
fn bad_inputs_show_paktas_error_and_the_server_keeps_serving() {
    let server = start(None);
    let good = read(&example("id-my-domestic.v2.md"));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "scan.md",
            png,
            "scan.md: this looks like a binary file (PNG image)",
        ),
        ("empty.md", b"", "empty.md: the file is empty"),
        ("blank.txt", b" \n\t\n ", "blank.txt: the file is empty"),
        (
            "broken.docx",
            b"PK\x03\x04 this is not really a Word file",
            "broken.docx: ",
        ),
    ];
    for (name, bytes, message) in cases {
        let reply = compare(&server, (name, bytes), ("v2.md", &good));
        assert_error_page(&reply, 422, message);
        assert_eq!(
            reply.text().matches("class=\"error\"").count(),
            1,
            "one message"
        );
        good_comparison(&server);
    }
    // No file chosen at all.
    let reply = http::post(
        server.addr,
        &server.at("/compare"),
        &[Part::file("old", "", b"")],
    );
    assert_error_page(&reply, 422, "Choose the earlier draft.");
    // Not a form.
    let reply = http::get(server.addr, &server.at("/redline?r=nonsense"));
    assert_error_page(&reply, 404, "This result is no longer in memory");
    good_comparison(&server);
}

#[test]
fn an_oversized_upload_is_refused_with_a_clear_message() {
    let server = start(None);
    let big = vec![b'a'; pakta_serve::MAX_UPLOAD + 1024];
    let good = read(&example("id-my-domestic.v2.md"));
    let reply = compare(&server, ("huge.md", &big), ("v2.md", &good));
    assert_error_page(
        &reply,
        413,
        "The upload is too large (50.0 MB): pakta serve reads at most 50 MB",
    );
    good_comparison(&server);
}

#[test]
fn a_script_in_a_clause_or_a_file_name_is_text() {
    let server = start(None);
    let old = "# Agreement\n\n## Article 1\n\nWorkers shall be paid monthly.\n";
    let new = "# Agreement <script>alert(1)</script>\n\n## Article 1\n\nWorkers shall be paid <script>alert('x')</script> monthly <img src=x onerror=alert(2)>.\n";
    let posted = compare(
        &server,
        ("<img src=y onerror=alert(3)>.md", old.as_bytes()),
        ("new<i>x</i>.md", new.as_bytes()),
    );
    assert_eq!(posted.status, 303, "{}", posted.text());
    let page = http::get(server.addr, posted.header("location").expect("redirect")).text();
    assert!(
        page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        "{page}"
    );
    assert!(page.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert!(page.contains("&lt;img src=y onerror=alert(3)&gt;.md"));
    assert!(
        !page.contains("<script>alert")
            && !page.contains("<img src=x")
            && !page.contains("<img src=y")
    );
    // The only scripts are pakta's own, named by hash in the policy.
    assert_eq!(page.matches("<script>").count(), 1, "{page}");
}
