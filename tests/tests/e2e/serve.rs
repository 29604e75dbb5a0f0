//! `pakta serve` as a person starts it: the printed address (loopback, with a key), the warning for any
//! other address, one line for a --watch file that is not there, `--open` (through the `PAKTA_OPEN`
//! opener), and a draft made on the Draft page that `pakta draft` makes again from the page's term sheet.
//! The workbench itself is tested in crates/pakta-serve.

#[path = "../../../crates/pakta-serve/tests/support/http.rs"]
mod http;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use pakta_tests::{binary, example};

struct Serving(Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(args: &[&str]) -> Serving {
    serve_with(args, &[])
}

fn serve_with(args: &[&str], env: &[(&str, &std::path::Path)]) -> Serving {
    Serving(
        Command::new(binary())
            .arg("serve")
            .args(args)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("pakta serve starts"),
    )
}

/// The first line of `stream`; the rest is read (and dropped) on a thread, so the server never writes
/// into a closed pipe.
fn first_line(stream: impl Read + Send + 'static) -> String {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).expect("a line");
    std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
    line.trim_end().to_owned()
}

fn status(address: &str, target: &str) -> String {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("request");
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.lines().next().unwrap_or("").to_owned()
}

#[test]
fn serve_prints_a_loopback_address_with_a_key_and_refuses_requests_without_it() {
    let mut server = serve(&["--port", "0"]);
    let line = first_line(server.0.stdout.take().expect("stdout"));
    let url = line
        .strip_prefix("pakta workbench: http://127.0.0.1:")
        .unwrap_or_else(|| panic!("{line}"));
    let (port, key) = url.split_once("/?t=").expect("a key in the address");
    assert_eq!(key.len(), 32, "{key}");
    assert!(key.chars().all(|c| c.is_ascii_hexdigit()), "{key}");
    let address = format!("127.0.0.1:{port}");
    assert!(status(&address, "/").contains(" 403 "));
    assert!(status(&address, &format!("/?t={key}")).contains(" 200 "));
}

#[test]
fn an_address_other_than_loopback_needs_bind_and_is_warned_about() {
    let mut server = serve(&["--bind", "0.0.0.0", "--port", "0"]);
    let warning = first_line(server.0.stderr.take().expect("stderr"));
    assert!(
        warning
            .starts_with("warning: --bind 0.0.0.0: the workbench is reachable from other machines"),
        "{warning}"
    );
    let line = first_line(server.0.stdout.take().expect("stdout"));
    assert!(line.starts_with("pakta workbench: http://"), "{line}");
}

#[test]
fn watch_needs_two_files_that_exist() {
    let output = Command::new(binary())
        .args(["serve", "--watch"])
        .arg(example("id-my-domestic.v1.md"))
        .arg("no-such-draft.docx")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no-such-draft.docx: --watch needs two files that exist"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// The address `pakta serve` printed, and the socket address in it.
fn address(server: &mut Serving) -> (String, std::net::SocketAddr) {
    let line = first_line(server.0.stdout.take().expect("stdout"));
    let url = line
        .strip_prefix("pakta workbench: ")
        .unwrap_or_else(|| panic!("{line}"))
        .to_owned();
    let socket = url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .and_then(|a| a.parse().ok())
        .expect("host:port");
    (url, socket)
}

#[test]
fn open_hands_the_address_to_the_opener() {
    let dir = tempfile::tempdir().expect("tempdir");
    let opened = dir.path().join("opened.txt");
    let opener = dir.path().join("opener.sh");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display()),
    )
    .expect("write the opener");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let mut server = serve_with(&["--open"], &[("PAKTA_OPEN", &opener)]);
    let (url, _) = address(&mut server);
    let start = std::time::Instant::now();
    while !opened.exists() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(
        std::fs::read_to_string(&opened).expect("the opener ran"),
        url,
        "--open hands the printed address, key included, to the opener"
    );
}

/// The `href` of the link whose words start with `words`, unescaped.
fn link(page: &str, words: &str) -> String {
    let at = page
        .find(&format!(">{words}"))
        .unwrap_or_else(|| panic!("no link {words:?} in {page}"));
    let start = page[..at].rfind("href=\"").expect("href") + 6;
    let end = start + page[start..].find('"').expect("end of href");
    page[start..end].replace("&amp;", "&")
}

#[test]
fn pakta_draft_makes_the_draft_pages_drafts_from_its_term_sheet() {
    let mut server = serve(&[]);
    let (url, socket) = address(&mut server);
    let key = url.split("?t=").nth(1).expect("key").to_owned();
    let form = [
        ("agreement.kind", "agreement"),
        ("agreement.languages", "en"),
        ("agreement.languages", "id"),
        ("agreement.place", "Riyadh"),
        ("agreement.duration_years", "5"),
        ("parties[0].country", "Indonesia"),
        ("parties[1].country", "KSA"),
        ("workers.sectors", "domestic-work"),
        ("workers.sectors", "care-work"),
        ("terms.minimum_monthly_wage", "SAR 1,500"),
        ("terms.weekly_rest_days", "1"),
        ("terms.joint_committee_meets", "twice a year"),
        ("standards.profile", "domestic-work"),
    ];
    let parts: Vec<http::Part> = form
        .iter()
        .map(|(name, value)| http::Part::Text { name, value })
        .collect();
    let posted = http::post(socket, &format!("/draft?t={key}"), &parts);
    assert_eq!(posted.status, 303, "{}", posted.text());
    let page = http::get(socket, posted.header("location").expect("redirect")).text();
    let download = |words: &str| http::get(socket, &link(&page, words)).body;

    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("termsheet.toml"),
        download("the term sheet"),
    )
    .expect("write");
    // `pakta draft termsheet.toml --format <format>`, into a folder named after the format.
    let draft = |format: &str| {
        let output = Command::new(binary())
            .current_dir(dir.path())
            .args(["draft", "termsheet.toml", "-o", format, "--format", format])
            .output()
            .expect("run pakta draft");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    // The page itself: `pakta draft --format html` writes the same bytes.
    draft("html");
    assert!(
        std::fs::read(dir.path().join("html/termsheet.html")).expect("written")
            == download("this page (HTML)"),
        "termsheet.html: the page's download and pakta draft's differ"
    );
    for format in ["md", "docx"] {
        draft(format);
        for (language, words) in [("en", "English"), ("id", "Bahasa Indonesia")] {
            let kind = if format == "md" { "Markdown" } else { "Word" };
            let written = std::fs::read(
                dir.path()
                    .join(format!("{format}/termsheet.{language}.{format}")),
            )
            .expect("pakta draft wrote it");
            assert!(
                written == download(&format!("{words}: {kind}")),
                "termsheet.{language}.{format}: the page's download and pakta draft's differ"
            );
        }
    }
}
