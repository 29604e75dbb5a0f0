//! pakta-draft: whole agreements and single model clauses from a typed term sheet.
//!
//! A [`TermSheet`] (TOML, validated with located errors; closed vocabularies read in the spellings people
//! use, from `data/vocabulary.toml`) becomes a template context; each party's signatory is kept apart from
//! the country or territory the clauses speak of, whose names in English and Bahasa Indonesia come from
//! `data/countries.toml`. [`draft`] renders the model clause of every requirement in the term sheet's
//! profile as a numbered article and wraps them in the agreement skeleton, in each language asked for. No
//! I/O: callers pass texts in and write drafts out.

pub mod countries;
pub mod draft;
pub mod form;
pub mod termsheet;
mod validation;
pub mod vocabulary;

pub use draft::{
    Draft, DraftError, SideBySide, context, draft, markdown_safe, profile, requirements,
};
pub use termsheet::{Party, PartyNames, TermSheet, TermSheetError, TermSheetErrors};
