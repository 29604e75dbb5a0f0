//! pakta-standards: the standards catalogue and the coverage check.
//!
//! A [`Catalogue`] of requirements (loaded from `agreements/standards/*.toml`, embedded by default) is
//! compiled once into a [`Checker`], which tells for each requirement of a [`Profile`] whether an agreement
//! covers, partly covers, dilutes or misses it, with evidence. [`ModelClauses`] renders the model wording
//! the check diffs against. Like every analysis crate, this one does no I/O: callers pass file texts in.

pub mod catalogue;
pub mod compare;
pub mod coverage;
pub mod models;
mod negation;
pub mod norms;
pub mod pattern;
pub mod qualifications;
mod reading;
mod units;

pub use catalogue::{Catalogue, CatalogueError, CatalogueFile, Profile, Requirement, Source};
pub use compare::{
    CoverageChange, Direction, ModelComparison, compare, model_comparison, model_comparisons,
};
pub use coverage::{Checker, Coverage, Evidence, EvidenceKind, RequirementResult, Status, Summary};
pub use models::{ModelClauses, TemplateError};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The catalogue files built into pakta (`agreements/standards/*.toml`), named as in the repository.
pub fn embedded_catalogue() -> Vec<CatalogueFile> {
    embedded::CATALOGUE_FILES
        .iter()
        .map(|(name, text)| CatalogueFile {
            name: format!("agreements/standards/{name}"),
            text: (*text).to_string(),
        })
        .collect()
}

/// The form `build.rs` parsed an embedded catalogue file into, for a file whose text is exactly that
/// file's (under any name: `--catalogue agreements/standards` too); `None` for any other text, or when the
/// TOML did not parse at build time.
pub(crate) fn encoded_catalogue_file(text: &str) -> Option<&'static [u8]> {
    embedded::CATALOGUE_FILES
        .iter()
        .zip(embedded::CATALOGUE_ENCODED)
        .find(|((_, embedded), _)| *embedded == text)
        .map(|(_, encoded)| *encoded)
        .filter(|encoded| !encoded.is_empty())
}

/// The model clause templates built into pakta (`templates/clauses/*.hbs`).
pub fn embedded_templates() -> Vec<(String, String)> {
    embedded::CLAUSE_TEMPLATES
        .iter()
        .map(|(name, text)| (format!("templates/clauses/{name}"), (*text).to_string()))
        .collect()
}

/// The agreement skeletons built into pakta (`templates/agreement.<lang>.hbs`).
pub fn embedded_skeletons() -> Vec<(String, String)> {
    embedded::SKELETON_TEMPLATES
        .iter()
        .map(|(name, text)| (format!("templates/{name}"), (*text).to_string()))
        .collect()
}
