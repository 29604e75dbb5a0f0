//! pakta-core: the agreement model, the text helpers every phase shares, and the Markdown parser.
//!
//! Data flows one way through pakta: parse → analyse → render. This crate is the first step and the
//! vocabulary of the rest. It does no I/O: callers read bytes, [`source::decode`] turns them into text,
//! and [`parse`] turns text into an [`Agreement`], never failing.

mod blocks;
pub mod crossref;
pub mod diff;
pub mod frontmatter;
pub mod heading;
pub mod label;

pub mod lint;
pub mod model;
pub mod numbering;
pub mod paragraphs;
mod parse;
pub mod provision;

pub mod source;
pub mod text;
pub mod words;

pub use blocks::markdown_options;
pub use model::*;
pub use parse::{MAX_CLAUSE_DEPTH, parse};
pub use source::{LineIndex, SourceError, decode};
