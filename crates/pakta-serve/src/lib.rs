//! pakta-serve: `pakta serve`, a local web workbench for negotiators who never open a terminal. Compare two
//! drafts (the redline), watch two files through a meeting (the redline refreshes as either is saved),
//! check one agreement against a profile of the standards (or against an earlier draft), draft an agreement
//! from a term-sheet form, and compare two language versions, with the downloads the command line writes.
//!
//! It is a front end beside `pakta-cli`: it reads uploads through [`pakta_import::bytes::import`] (as the
//! command line reads files), analyses with the same library calls and shows `pakta-html`'s pages. It adds
//! no analysis and no renderer of its own, only the forms, the toolbar over a report and the meeting page.
//!
//! *Architecture Invariant:* every request must carry the random token of the printed URL; uploads live
//! only in memory (never on disk); routes take no path parameters and serve no files but the two watched
//! ones; agreement text reaches a page only through `pakta_html::escape` or a `pakta-html` report, under a
//! Content-Security-Policy that allows no external resource and only scripts named by their hash.

mod drafting;
mod meeting;
mod pages;
mod routes;
mod store;
mod work;

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, anyhow};

/// Extracts a PDF's text (the command line passes poppler's `pdftotext`): the input's name and bytes in,
/// the text as bytes out.
pub type PdfText = Arc<dyn Fn(&str, &[u8]) -> anyhow::Result<Vec<u8>> + Send + Sync>;

/// The most one request may upload (all its files together).
pub const MAX_UPLOAD: usize = 50 * 1024 * 1024;

/// The most one request may take, waiting for its turn included; the redline has its own deadlines inside.
pub const TIME_BUDGET: Duration = Duration::from_secs(30);

/// What `pakta serve` was asked for.
#[derive(Clone)]
pub struct Config {
    /// The address to listen on: loopback unless the user named another with `--bind`.
    pub bind: IpAddr,
    /// 0 for any free port.
    pub port: u16,
    /// Meeting mode: the two drafts to watch (OLD, NEW).
    pub watch: Option<(PathBuf, PathBuf)>,
    /// How to read a PDF's text.
    pub pdf_text: PdfText,
    /// The most one request may take: [`TIME_BUDGET`] (tests set less, to see the page that says so).
    pub budget: Duration,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("bind", &self.bind)
            .field("port", &self.port)
            .field("watch", &self.watch)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// Loopback, any free port, no meeting.
    pub fn local(pdf_text: PdfText) -> Config {
        Config {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            watch: None,
            pdf_text,
            budget: TIME_BUDGET,
        }
    }
}

/// The warning to print when the server is reachable from other machines, or none for a loopback address.
pub fn exposure_warning(bind: IpAddr) -> Option<String> {
    (!bind.is_loopback()).then(|| {
        format!(
            "warning: --bind {bind}: the workbench is reachable from other machines on the network, over plain HTTP; anyone with the printed address (it holds the key) can upload drafts and read them"
        )
    })
}

/// A bound, not yet running, workbench.
pub struct Server {
    listener: TcpListener,
    state: Arc<routes::State>,
    url: String,
}

impl fmt::Debug for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Server")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl Server {
    /// Listens on the configured address, makes the token, loads the catalogue and, in meeting mode,
    /// reads the two drafts once and starts watching them.
    pub fn bind(config: Config) -> anyhow::Result<Server> {
        if let Some((old, new)) = &config.watch {
            for path in [old, new] {
                if !path.is_file() {
                    return Err(anyhow!(
                        "{}: --watch needs two files that exist (this one does not, or is a folder)",
                        path.display()
                    ));
                }
            }
        }
        let listener = TcpListener::bind((config.bind, config.port))
            .with_context(|| format!("cannot listen on {}:{}", config.bind, config.port))?;
        let address = listener.local_addr()?;
        let token = random_hex(16)?;
        let page = if config.watch.is_some() {
            "meeting"
        } else {
            ""
        };
        let shown = if address.ip().is_unspecified() {
            SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), address.port())
        } else {
            address
        };
        let url = format!("http://{shown}/{page}?t={token}");
        let state = routes::State::new(config, token)?;
        Ok(Server {
            listener,
            state: Arc::new(state),
            url,
        })
    }

    /// The address to open, token included.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The address it listens on.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until the process ends.
    pub fn run(self) -> anyhow::Result<()> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .context("cannot start the server's runtime")?;
        runtime.block_on(async move {
            self.listener.set_nonblocking(true)?;
            let listener = tokio::net::TcpListener::from_std(self.listener)?;
            axum::serve(listener, routes::router(self.state))
                .await
                .context("the server stopped")
        })
    }
}

/// `bytes` random bytes as lowercase hex, from the operating system's generator.
pub(crate) fn random_hex(bytes: usize) -> anyhow::Result<String> {
    let mut buffer = vec![0u8; bytes];
    getrandom::fill(&mut buffer).map_err(|e| anyhow!("no random numbers for the key: {e}"))?;
    Ok(buffer.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_is_quiet() {
        assert!(exposure_warning("127.0.0.1".parse().expect("ip")).is_none());
        assert!(exposure_warning("::1".parse().expect("ip")).is_none());
        let warning = exposure_warning("0.0.0.0".parse().expect("ip")).expect("warning");
        assert!(
            warning.contains("reachable from other machines"),
            "{warning}"
        );
        assert!(exposure_warning("192.0.2.7".parse().expect("ip")).is_some());
    }

    #[test]
    fn keys_are_random_and_long() {
        let (a, b) = (random_hex(16).expect("key"), random_hex(16).expect("key"));
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }
}
