//! pakta-norms: the norm layer between the parsed agreement and the analyses.
//!
//! A check that reads phrases calls "the Sponsor shall: (c) hold the passport" covered, because
//! "passport" and "shall" are there. This crate reads who must, may or must not do what, for whom, on what
//! condition ([`Norm`]), in English and Bahasa Indonesia, so that the standards check and the redline judge
//! obligations rather than words. It also holds what both of them share about words: the legal-language
//! [`lexicon`] (modals, negators, clause openers, roles, actions — all in `data/lexicon.toml`), the
//! [`quantity`] reader, the [`date`] reader and what a closing formula says about its language versions
//! ([`texts`]).
//!
//! Like every analysis crate, it does no I/O and never fails: text the reader cannot place gives fewer
//! norms, not an error.

pub mod date;
pub mod lexicon;
mod lists;
pub mod norm;
pub mod quantity;
pub mod roles;
pub mod texts;

pub use lists::{ActionSet, Starts, action_classes};
pub use norm::{Action, Condition, ConditionKind, Modality, Norm, Reader};
pub use roles::{Actor, Definitions, Role, definition};
