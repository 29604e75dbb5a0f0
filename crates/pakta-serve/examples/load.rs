//! A bounded load test of the workbench on 127.0.0.1: N operations (default 500), C at a time (default
//! 16), taking turns: a comparison (upload two drafts, then the redline page), a check (upload one
//! agreement, then the coverage page) and a draft (submit the term-sheet form filled from the bundled
//! `id-tw.toml`, then the drafts' page), on the bundled examples. Prints throughput, latency percentiles
//! and the process's peak memory (server and client share it; the client's part is small).
//!
//! `cargo run --release -p pakta-serve --example load -- [OPERATIONS] [CONCURRENCY]`

#[path = "../tests/support/http.rs"]
mod http;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use http::Part;
use pakta_draft::form::{BUNDLED, FormValues};

/// However the run goes, it stops after this.
const WALL_LIMIT: Duration = Duration::from_secs(600);

fn example(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../agreements/examples")
            .join(name),
    )
    .expect("a bundled example")
}

/// What one operation does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Compare,
    Check,
    Draft,
}

const KINDS: [Kind; 3] = [Kind::Compare, Kind::Check, Kind::Draft];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_owned())
        })
        .unwrap_or_else(|| "unknown (no /proc)".to_owned())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let operations: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(500);
    let concurrency: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(16);

    let config = pakta_serve::Config::local(Arc::new(|name: &str, _: &[u8]| {
        Err(anyhow::anyhow!("{name}: no PDFs in the load test"))
    }));
    let server = pakta_serve::Server::bind(config).expect("the workbench starts");
    let addr = server.local_addr().expect("address");
    let token = server.url().split("?t=").nth(1).expect("token").to_owned();
    std::thread::spawn(move || server.run());

    let v1 = Arc::new(example("id-my-domestic.v1.md"));
    let v2 = Arc::new(example("id-my-domestic.v2.md"));
    let en = Arc::new(example("id-tw-mou.en.md"));
    let next = Arc::new(AtomicUsize::new(0));
    let sheet = Arc::new(
        BUNDLED
            .iter()
            .find(|(name, _)| *name == "id-tw.toml")
            .and_then(|(_, text)| FormValues::from_toml(text))
            .expect("the bundled id-tw.toml"),
    );
    let results: Arc<Mutex<Vec<(Kind, Duration, bool)>>> = Arc::default();
    let start = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|_| {
            let (v1, v2, en, sheet, next, results, token) = (
                Arc::clone(&v1),
                Arc::clone(&v2),
                Arc::clone(&en),
                Arc::clone(&sheet),
                Arc::clone(&next),
                Arc::clone(&results),
                token.clone(),
            );
            std::thread::spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= operations || start.elapsed() > WALL_LIMIT {
                        break;
                    }
                    let kind = KINDS[i % KINDS.len()];
                    let began = Instant::now();
                    let posted = match kind {
                        Kind::Compare => http::post(
                            addr,
                            &format!("/compare?t={token}"),
                            &[
                                Part::file("old", "v1.md", &v1),
                                Part::file("new", "v2.md", &v2),
                            ],
                        ),
                        Kind::Check => http::post(
                            addr,
                            &format!("/check?t={token}"),
                            &[
                                Part::file("file", "mou.md", &en),
                                Part::text("profile", "bla-core"),
                            ],
                        ),
                        Kind::Draft => {
                            let parts: Vec<Part> = sheet
                                .values
                                .iter()
                                .map(|(name, value)| Part::Text { name, value })
                                .collect();
                            http::post(addr, &format!("/draft?t={token}"), &parts)
                        }
                    };
                    let ok = posted.status == 303
                        && posted.header("location").is_some_and(|location| {
                            let page = http::get(addr, location);
                            page.status == 200 && page.body.len() > 10_000
                        });
                    let took = began.elapsed();
                    results
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((kind, took, ok));
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
    let wall = start.elapsed();
    let results = results.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let failed = results.iter().filter(|(_, _, ok)| !ok).count();
    println!(
        "{} operations ({} HTTP requests: upload + page), {concurrency} at a time, in {:.2} s: {:.1} operations/s; {failed} failed",
        results.len(),
        2 * results.len(),
        wall.as_secs_f64(),
        results.len() as f64 / wall.as_secs_f64()
    );
    for (name, which) in [
        ("all", None),
        ("compare", Some(Kind::Compare)),
        ("check", Some(Kind::Check)),
        ("draft", Some(Kind::Draft)),
    ] {
        let mut times: Vec<Duration> = results
            .iter()
            .filter(|(kind, _, _)| which.is_none_or(|w| w == *kind))
            .map(|(_, took, _)| *took)
            .collect();
        times.sort();
        println!(
            "{name:>8}: n={:<4} p50 {:>7.1} ms  p90 {:>7.1} ms  p99 {:>7.1} ms  max {:>7.1} ms",
            times.len(),
            percentile(&times, 50.0).as_secs_f64() * 1e3,
            percentile(&times, 90.0).as_secs_f64() * 1e3,
            percentile(&times, 99.0).as_secs_f64() * 1e3,
            times.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
        );
    }
    println!("peak memory (VmHWM): {}", peak_memory());
    if failed > 0 {
        std::process::exit(1);
    }
}
