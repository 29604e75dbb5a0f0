//! Importers: plain text typeset as a PDF would be, Word documents and ToTA treaty XML import to the same
//! hostile and malformed XML get clear errors.

mod docx;
mod text;
mod tota;
