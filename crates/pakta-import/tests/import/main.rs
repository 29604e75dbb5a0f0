//! Importers: plain text typeset as a PDF would be, PDFs printed by LibreOffice, Word documents and ToTA
//! treaty XML import to the same structure as their source; every Markdown line knows where it came from;
//! hostile and malformed XML get clear errors.

mod docx;
mod headings;
mod pdf;
mod text;
mod tota;
