//! End-to-end tests: the real `pakta` binary against fixtures, the bundled examples and the shared corpus.
//! One module per feature.

mod bad_input;
mod check;
mod corpus;
mod diff;
mod draft;
mod examples;
mod lint;
mod outline;
