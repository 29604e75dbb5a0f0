//! Helpers for pakta's end-to-end tests: the real `pakta` binary, fixture and corpus paths.

use std::path::{Path, PathBuf};

/// A command for the real `pakta` binary built by this workspace.
///
/// `cargo test --workspace` builds it before any test runs. Testing this crate alone does not rebuild it,
/// so a binary older than the sources is refused rather than silently tested.
pub fn pakta() -> assert_cmd::Command {
    let path = binary();
    let mut cmd = assert_cmd::Command::new(path);
    cmd.env("NO_COLOR", "1").env_remove("COLUMNS");
    cmd
}

/// The path of the `pakta` binary, checked to be newer than the sources (for running it under another
/// program, such as `/usr/bin/time`).
pub fn binary() -> PathBuf {
    static CHECKED: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    CHECKED
        .get_or_init(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| repo().join("target"), PathBuf::from);
            let path = target.join("debug").join(format!("pakta{}", std::env::consts::EXE_SUFFIX));
            let built = std::fs::metadata(&path).and_then(|m| m.modified()).unwrap_or_else(|_| {
                panic!("{} does not exist: run `cargo test --workspace` (or `cargo build -p pakta-cli`)", path.display())
            });
            let newest = newest_source(&path);
            assert!(
                built >= newest,
                "{} is older than the sources: run `cargo test --workspace` (or `cargo build -p pakta-cli`)",
                path.display()
            );
            path
        })
        .clone()
}

/// The newest modification time among the sources the binary was built from, as listed in the dep-info
/// file cargo writes beside it (`pakta.d`), so editing an unrelated crate (a benchmark) is not mistaken
/// for a stale binary. Without that file, every `.rs` file under `crates/` counts.
fn newest_source(binary: &Path) -> std::time::SystemTime {
    let dep_info = binary.with_extension("d");
    let listed: Vec<PathBuf> = std::fs::read_to_string(&dep_info)
        .ok()
        .and_then(|text| {
            let (_, sources) = text.split_once(": ")?;
            Some(sources.split_whitespace().map(PathBuf::from).collect())
        })
        .unwrap_or_default();
    if listed.is_empty() {
        return newest_in(&repo().join("crates"));
    }
    listed
        .iter()
        .filter_map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
        .max()
        .unwrap_or(std::time::SystemTime::UNIX_EPOCH)
}

fn newest_in(dir: &Path) -> std::time::SystemTime {
    let mut newest = std::time::SystemTime::UNIX_EPOCH;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return newest;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "tests") {
                newest = newest.max(newest_in(&path));
            }
        } else if path.extension().is_some_and(|e| e == "rs")
            && let Ok(modified) = entry.metadata().and_then(|m| m.modified())
        {
            newest = newest.max(modified);
        }
    }
    newest
}

/// `pakta diff` of the bundled v1 → v2 pair as a tracked-change .docx at `path`, with extra arguments.
pub fn bundled_redline_docx(path: &Path, extra: &[&str]) -> std::process::Output {
    pakta()
        .arg("diff")
        .arg(example("id-my-domestic.v1.md"))
        .arg(example("id-my-domestic.v2.md"))
        .args(["--format", "docx"])
        .args(extra)
        .arg("-o")
        .arg(path)
        .output()
        .expect("pakta runs")
}

/// A program on `PATH` (`chromium`, `soffice`), for tests that use one when it is installed.
pub fn program(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// The Chromium binary, or `None` (the test says it skips) — except in CI, where it must be there.
pub fn chromium(test: &str) -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Some(path) = program(name) {
            return Some(path);
        }
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: chromium is not installed; .ci/run installs Debian's chromium package"
    );
    eprintln!("SKIPPED {test}: chromium is not installed (apt-get install chromium)");
    None
}

/// The flags every browser test starts headless Chromium with: no sandbox (containers), no GPU, and no
/// network chatter of its own, so a page's requests are the only ones; each test adds its own profile.
pub const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
];

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repo root")
        .to_path_buf()
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

pub fn example(name: &str) -> PathBuf {
    repo().join("agreements/examples").join(name)
}

/// `../shared/corpus` beside the repository, or `None` with a visible notice when it is absent.
///
/// In CI (`CI` set) the corpus must be there: a missing corpus fails the run instead of skipping silently.
pub fn corpus(test: &str) -> Option<PathBuf> {
    let dir = repo().join("../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: ../shared/corpus is missing, and CI requires it"
    );
    eprintln!("NOTICE {test}: skipped, ../shared/corpus is not beside the repository");
    None
}

/// Runs `pakta outline --format json` on `path` and returns the parsed JSON.
pub fn outline_json(path: &Path) -> serde_json::Value {
    let output = pakta()
        .args(["outline", "--format", "json"])
        .arg(path)
        .output()
        .expect("run pakta");
    assert!(
        output.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("outline JSON")
}

/// The articles of a ToTA treaty's body: every `<article>` outside its Preamble and Conclusion chapters,
/// which pakta imports as the preamble and the closing formula.
pub fn tota_body_articles(xml: &str) -> usize {
    xml.split("<chapter")
        .enumerate()
        .filter(|(i, chapter)| {
            *i == 0
                || !(chapter.starts_with(" name=\"Preamble\"")
                    || chapter.starts_with(" name=\"Conclusion\""))
        })
        .map(|(_, chapter)| {
            chapter.matches("<article ").count() + chapter.matches("<article>").count()
        })
        .sum()
}
