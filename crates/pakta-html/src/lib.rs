//! pakta-html: self-contained HTML reports for review meetings — one file with inline CSS, no external
//! fonts, scripts or URLs, readable with JavaScript off and printable on A4 in black and white.
//!
//! Like every renderer, it takes analysis results and returns a string; it never re-analyses or does I/O.

pub mod check;
pub mod diff;
pub mod draft;
pub mod matrix;
mod page;
pub mod parallel;

pub use page::{Head, escape};
