//! pakta-report: renderers that turn analysis results into text for people and JSON for programs.
//!
//! Renderers take results, never re-analyse, and never do I/O: they return strings the binary writes.

pub mod coverage;
pub mod diagnostics;
pub mod matrix;
pub mod notes;
pub mod outline;
pub mod redline;
pub mod schema;
pub mod standards;
pub mod style;

pub use style::Style;
