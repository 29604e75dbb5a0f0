//! pakta-redline's integration tests: the bundled v1 → v2 pair against its oracle (agreements/README.md),
//! an insertion near the top, a real convention mutated by the test itself, and language versions.

mod examples;
mod mutations;
mod parallel;

use std::path::PathBuf;

use pakta_core::Agreement;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn parse(path: &str) -> Agreement {
    pakta_core::parse(&read(path))
}

/// `../shared/corpus`, or `None` with a notice (an error under CI).
pub fn corpus(test: &str) -> Option<PathBuf> {
    let dir = repo().join("../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: ../shared/corpus is missing, and CI requires it"
    );
    eprintln!("NOTICE: {test}: ../shared/corpus is absent; skipping");
    None
}
