//! pakta-standards' integration tests: the catalogue's data, the model clauses, and the evaluation against
//! hand-labelled agreements. One binary, one module per feature.

mod catalogue;
mod evaluation;
mod models;

use std::path::PathBuf;

use pakta_standards::Catalogue;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The embedded catalogue, which every test starts from.
pub fn catalogue() -> Catalogue {
    Catalogue::load(&pakta_standards::embedded_catalogue()).expect("the built-in catalogue loads")
}

/// `../shared/corpus`, or `None` with a notice when it is absent (an error under CI, where it must be there).
pub fn corpus(test: &str) -> Option<PathBuf> {
    let dir = repo().join("../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: ../shared/corpus is missing, and CI requires it"
    );
    eprintln!("NOTICE: {test}: ../shared/corpus is absent; skipping the corpus part of this test");
    None
}
