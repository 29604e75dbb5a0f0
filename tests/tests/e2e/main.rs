//! End-to-end tests: the real `pakta` binary against fixtures, the bundled examples and the shared corpus.
//! One module per feature.

mod bad_input;
mod check;
mod corpus;
mod diff;
mod docx;
mod docx_notes;
mod draft;
mod examples;
mod export;
mod formats;
mod html;
mod import;
mod lint;
mod norms;
mod outline;
mod schema;
mod serve;
mod tota_malformed;
mod whole;
