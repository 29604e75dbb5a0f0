//! Importers: ToTA treaty XML from the shared corpus keeps every article; metadata becomes front matter;
//! hostile and malformed XML get clear errors.

mod docx;
mod tota;
