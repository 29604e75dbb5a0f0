//! pakta-docx: tracked-change round trips (accept all gives NEW, reject all gives OLD) on the bundled
//! version pair and on mutated real treaties, clean drafts, and the reader's guards.

mod comments;
mod guards;
mod round_trip;
