//! `pakta serve` as a person starts it: the printed address (loopback, with a key), the warning for any
//! other address, and one line for a --watch file that is not there. The workbench itself is tested in
//! crates/pakta-serve.

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
    Serving(
        Command::new(binary())
            .arg("serve")
            .args(args)
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
