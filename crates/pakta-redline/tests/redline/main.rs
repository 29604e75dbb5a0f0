//! pakta-redline's integration tests: the bundled v1 → v2 pair against its oracle (agreements/README.md),
//! an insertion near the top, a real convention mutated by the test itself, language versions, documents
//! structured otherwise, and what the ignore options never hide.

mod examples;
mod merges;
mod mutations;
mod options;
mod parallel;
mod references;
mod structures;
mod whole;

use pakta_core::Agreement;
pub use pakta_tests::{corpus, repo};

pub fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn parse(path: &str) -> Agreement {
    pakta_core::parse(&read(path))
}
