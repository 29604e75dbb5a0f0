//! pakta-standards' integration tests: the catalogue's data, the model clauses, and the evaluation against
//! hand-labelled agreements. One binary, one module per feature.

mod against;
mod catalogue;
mod clauses;
mod evaluation;
mod lead_ins;
mod models;
mod preamble;
mod qualifications;

use pakta_standards::Catalogue;
pub use pakta_tests::{corpus, repo};

/// The embedded catalogue, which every test starts from.
pub fn catalogue() -> Catalogue {
    Catalogue::load(&pakta_standards::embedded_catalogue()).expect("the built-in catalogue loads")
}
