//! pakta-import: agreements in other formats, turned into the Markdown pakta parses: plain text (and the
//! text `pdftotext -layout` extracts from a PDF), Word documents (tracked changes accepted or rejected) and
//! ToTA treaty XML.
//!
//! Importers return Markdown text, never an [`pakta_core::Agreement`]: the Markdown is what a person
//! reviews, corrects and keeps under version control, and parsing it is the one way into pakta's model.
//! Like the analysis crates, importers do no I/O.

pub mod bytes;
pub mod docx;
pub mod format;
pub mod markdown;
mod numbering;
pub mod origin;
pub mod text;
pub mod tota;
mod xml;

pub use format::{Format, FormatError, detect};
