//! The workbench end to end: over plain HTTP (the token, uploads, bad inputs, escaping, downloads, the
//! term-sheet form, the time budget) and in real headless Chromium over the DevTools protocol (compare,
//! check, draft and language versions through the pages' forms and file inputs, meeting mode refreshing as
//! a watched file is saved). Screenshots land in `target/serve-screenshots/`.

mod browser;
mod cdp;
mod forms;
#[path = "../support/http.rs"]
mod http;
mod security;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A running in-process workbench: its printed URL, address and token.
#[derive(Debug)]
pub struct Running {
    pub url: String,
    pub addr: SocketAddr,
    pub token: String,
}

impl Running {
    /// `path` with this server's token (`path` may already have a query).
    pub fn at(&self, path: &str) -> String {
        let sep = if path.contains('?') { '&' } else { '?' };
        format!("{path}{sep}t={}", self.token)
    }

    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// Starts a workbench on a free loopback port (meeting mode when `watch` is given), serving on a thread
/// of its own until the test process ends.
pub fn start(watch: Option<(PathBuf, PathBuf)>) -> Running {
    start_with(watch, pakta_serve::TIME_BUDGET)
}

/// [`start`] with another time budget for one request.
pub fn start_with(watch: Option<(PathBuf, PathBuf)>, budget: std::time::Duration) -> Running {
    let mut config = pakta_serve::Config::local(Arc::new(|name: &str, _: &[u8]| {
        Err(anyhow::anyhow!("{name}: the tests read no PDF"))
    }));
    config.watch = watch;
    config.budget = budget;
    let server = pakta_serve::Server::bind(config).expect("the workbench starts");
    let url = server.url().to_owned();
    let addr = server.local_addr().expect("address");
    assert!(addr.ip().is_loopback(), "{addr}");
    let token = url
        .split("?t=")
        .nth(1)
        .expect("token in the URL")
        .to_owned();
    std::thread::spawn(move || server.run());
    Running { url, addr, token }
}

pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../agreements/examples")
        .join(name)
}

/// The bundled term sheet `name` (`id-tw.toml`) as a form's values.
pub fn bundled_values(name: &str) -> pakta_draft::form::FormValues {
    let (_, text) = pakta_draft::form::BUNDLED
        .iter()
        .find(|(n, _)| *n == name)
        .expect("a bundled term sheet");
    pakta_draft::form::FormValues::from_toml(text).expect("TOML")
}

pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("example")
}

/// `target/serve-screenshots/`, created.
pub fn screenshots() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"),
        PathBuf::from,
    );
    let dir = target.join("serve-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}
