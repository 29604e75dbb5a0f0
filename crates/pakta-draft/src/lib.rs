//! pakta-draft: whole agreements and single model clauses from a typed term sheet.
//!
//! A [`TermSheet`] (TOML, validated with located errors) becomes a template context; [`draft`] renders
//! the model clause of every requirement in the term sheet's profile as a numbered article and wraps them
//! in the agreement skeleton, in each language asked for. No I/O: callers pass texts in and write drafts out.

pub mod draft;
pub mod termsheet;

pub use draft::{Draft, DraftError, context, draft, markdown_safe, requirements};
pub use termsheet::{TermSheet, TermSheetError};
