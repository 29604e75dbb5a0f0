//! The reader's guards against hostile files: a zip bomb stops at the cap, a DTD is refused, a file that
//! is not a zip or has no document part gets a clear error.

use std::io::Write;

use pakta_import::docx::{Changes, ReadError, read, read_with_limit};

fn zip_with(name: &str, content: &[u8]) -> Vec<u8> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut bytes);
    let options = zip::write::SimpleFileOptions::default();
    writer.start_file(name, options).expect("start");
    writer.write_all(content).expect("write");
    writer.finish().expect("finish");
    bytes.into_inner()
}

#[test]
fn a_zip_bomb_stops_at_the_cap() {
    // 8 MiB of one byte compresses to a few KiB; with a 1 MiB cap the reader must refuse it.
    let bomb = zip_with("word/document.xml", &vec![b' '; 8 * 1024 * 1024]);
    assert!(
        bomb.len() < 100_000,
        "the test bomb should compress well: {} bytes",
        bomb.len()
    );
    assert_eq!(
        read_with_limit(&bomb, Changes::Accept, 1024 * 1024),
        Err(ReadError::TooLarge { limit: 1024 * 1024 })
    );
}

#[test]
fn a_document_type_declaration_is_refused() {
    let xml = br#"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#;
    assert_eq!(
        read(&zip_with("word/document.xml", xml), Changes::Accept),
        Err(ReadError::DocType)
    );
}

#[test]
fn not_a_zip_and_no_document_part() {
    assert!(matches!(
        read(b"\x89PNG\r\n\x1a\n", Changes::Accept),
        Err(ReadError::NotZip(_))
    ));
    assert_eq!(
        read(&zip_with("other.xml", b"<x/>"), Changes::Accept),
        Err(ReadError::NoDocument)
    );
}

#[test]
fn paragraph_marks_join_paragraphs_when_removed() {
    // Word's semantics: a deleted paragraph mark, once accepted, joins the paragraph to the next one.
    let xml = br#"<w:document xmlns:w="x"><w:body>
<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">first </w:t></w:r></w:p>
<w:p><w:r><w:t>second</w:t></w:r><w:ins w:id="2" w:author="a"><w:r><w:t xml:space="preserve"> &amp; more</w:t></w:r></w:ins><w:del w:id="3" w:author="a"><w:r><w:delText xml:space="preserve"> &lt;old&gt;</w:delText></w:r></w:del></w:p>
</w:body></w:document>"#;
    let file = zip_with("word/document.xml", xml);
    let accepted = read(&file, Changes::Accept).expect("reads");
    let rejected = read(&file, Changes::Reject).expect("reads");
    let texts = |d: pakta_import::docx::DocxText| {
        d.paragraphs.into_iter().map(|p| p.text).collect::<Vec<_>>()
    };
    assert_eq!(texts(accepted), vec!["first second & more".to_string()]);
    assert_eq!(
        texts(rejected),
        vec!["first ".to_string(), "second <old>".to_string()]
    );
}
