//! JSON Schemas (draft 2020-12) of the `--format json` contracts, published with `pakta schema NAME`.
//!
//! The schemas are written by hand as the contract; the end-to-end tests validate real outputs against
//! them, and every object forbids unknown properties, so a change to an output struct that the schema
//! does not describe fails the tests.

/// `pakta outline --format json`.
pub const OUTLINE: &str = include_str!("../schemas/outline.schema.json");
/// `pakta check --format json` (without `--against`).
pub const CHECK: &str = include_str!("../schemas/check.schema.json");
/// `pakta diff --format json`.
pub const DIFF: &str = include_str!("../schemas/diff.schema.json");
/// `pakta parallel --format json`.
pub const PARALLEL: &str = include_str!("../schemas/parallel.schema.json");
