//! The Word redline carries the redline's findings as comments on the paragraphs they are about: the
//! summary, an article's flags, a paragraph moved between articles (both places), a stale reference.

use pakta_core::parse;
use pakta_docx::{Revision, tracked};
use pakta_redline::document::tracked as tracked_document;
use pakta_redline::{Options, redline};

fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(name).expect("part"), &mut xml)
        .expect("utf-8");
    xml
}

/// The values of `<tag …>value</tag>` in `xml`, in order (`tag` ends at a space or `>`).
fn texts(xml: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        if !after.starts_with([' ', '>']) {
            rest = after;
            continue;
        }
        let Some(body) = after.find('>') else { break };
        let Some(end) = after.find(&close) else { break };
        out.push(after[body + 1..end].to_string());
        rest = &after[end..];
    }
    out
}

/// The value of attribute `w:id` of each `<w:commentRangeStart` in `xml`.
fn comment_ids(xml: &str) -> Vec<String> {
    xml.split("<w:commentRangeStart w:id=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap_or(0)].to_string())
        .collect()
}

/// Each comment as "on: <the paragraph's text after accepting all, or its deleted text> / <the comment's
/// lines>".
fn comments_in(bytes: &[u8]) -> String {
    let document = part(bytes, "word/document.xml");
    let comments = part(bytes, "word/comments.xml");
    let bodies: Vec<(String, String)> = comments
        .split("<w:comment w:id=\"")
        .skip(1)
        .map(|c| {
            let id = c[..c.find('"').unwrap_or(0)].to_string();
            // Each line of the comment is a run; a line break starts the next.
            let lines = c
                .split("<w:br ")
                .map(|piece| texts(piece, "w:t").concat())
                .collect::<Vec<_>>()
                .join("\n    ");
            (id, lines)
        })
        .collect();
    let mut out = String::new();
    for paragraph in document.split("</w:p>") {
        for id in comment_ids(paragraph) {
            let on = match texts(paragraph, "w:t").concat() {
                kept if kept.is_empty() => {
                    format!("(deleted) {}", texts(paragraph, "w:delText").concat())
                }
                kept => kept,
            };
            let body = bodies
                .iter()
                .find(|(i, _)| *i == id)
                .map_or("(no comment body)", |(_, b)| b.as_str());
            out.push_str(&format!("on: {on}\n    {body}\n"));
        }
    }
    out
}

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/comments")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn findings_are_comments_on_their_paragraphs() {
    let (old, new) = (parse(&fixture("old.md")), parse(&fixture("new.md")));
    let redline = redline(&old, &new, &Options::default());
    let document = tracked_document(&old, &new, &redline);
    let bytes = tracked(
        &document,
        &redline,
        &Revision {
            author: "Legal Bureau",
            date: Some("2026-03-01"),
        },
    )
    .expect("docx builds");
    let document_xml = part(&bytes, "word/document.xml");
    // Every comment opened is closed and referenced once, and the agreement's angle brackets stay text.
    let opened = comment_ids(&document_xml);
    assert_eq!(
        opened.len(),
        document_xml.matches("<w:commentRangeEnd").count()
    );
    assert_eq!(
        opened.len(),
        document_xml.matches("<w:commentReference").count()
    );
    assert!(!document_xml.contains("<script>"));
    assert_eq!(fixture("expected.txt"), comments_in(&bytes));
}
