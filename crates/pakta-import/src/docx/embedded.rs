//! Embedded documents (`w:altChunk`): HTML that document-assembly tools put in a .docx and Word merges into
//! the text when it opens the file. Their text is the agreement's as much as any paragraph, so an HTML
//! chunk is read into paragraphs where it stands; one in another format (RTF, another .docx) is counted
//! and reported as not read.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::{DocxParagraph, attr};

/// The targets of a part's relationships (`word/_rels/document.xml.rels`), by relationship id.
pub(super) fn targets(xml: &[u8]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, b"Id"), attr(&e, b"Target")) {
                    out.insert(id, target);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    out
}

/// Where a relationship target of `word/document.xml` lives in the archive.
pub(super) fn part_name(target: &str) -> String {
    match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("word/{target}"),
    }
}

/// Whether a part name is an HTML document.
pub(super) fn is_html(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".htm", ".html", ".xhtml"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// The paragraphs of an HTML chunk: its text, one paragraph per block element, tags dropped and character
/// references decoded. The text is plain text from here on; the Markdown writer escapes it.
pub(super) fn html_paragraphs(bytes: &[u8]) -> Vec<DocxParagraph> {
    const BLOCKS: &[&str] = &[
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "ul",
        "ol",
        "blockquote",
        "td",
        "th",
    ];
    let html = String::from_utf8_lossy(bytes);
    let mut paragraphs = Vec::new();
    let mut text = String::new();
    let mut rest = html.as_ref();
    let mut hidden: Option<&str> = None;
    while let Some(open) = rest.find('<') {
        if hidden.is_none() {
            text.push_str(&rest[..open]);
        }
        let after = &rest[open + 1..];
        let close = after.find('>').map_or(after.len(), |c| c + 1);
        let tag = &after[..close.saturating_sub(1)];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match hidden {
            Some(h) if tag.starts_with('/') && name == h => hidden = None,
            Some(_) => {}
            None if matches!(name.as_str(), "script" | "style" | "head" | "title")
                && !tag.starts_with('/') =>
            {
                hidden = Some(match name.as_str() {
                    "script" => "script",
                    "style" => "style",
                    "head" => "head",
                    _ => "title",
                });
            }
            None if BLOCKS.contains(&name.as_str()) => {
                push_paragraph(&mut paragraphs, &text);
                text.clear();
            }
            None if name == "td" || name == "th" => text.push(' '),
            None => {}
        }
        rest = &after[close.min(after.len())..];
    }
    if hidden.is_none() {
        text.push_str(rest);
    }
    push_paragraph(&mut paragraphs, &text);
    paragraphs
}

fn push_paragraph(paragraphs: &mut Vec<DocxParagraph>, html_text: &str) {
    let text = decode_references(html_text);
    let text = pakta_core::text::collapse_whitespace(&text);
    if !text.is_empty() {
        paragraphs.push(DocxParagraph {
            text,
            ..DocxParagraph::default()
        });
    }
}

/// `&amp;`, `&lt;`, `&nbsp;`, `&#8212;`, `&#x2014;`; an unknown reference stays as written.
fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            ch.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_chunks_become_paragraphs_of_text() {
        let html = b"<html><head><title>x</title><style>p{}</style></head><body><p>Monthly wage: USD&nbsp;500</p><p>Fees &amp; costs &#8212; none</p><script>alert(1)</script><table><tr><td>A</td><td>B</td></tr></table></body></html>";
        let texts: Vec<String> = html_paragraphs(html).into_iter().map(|p| p.text).collect();
        assert_eq!(
            texts,
            [
                "Monthly wage: USD 500",
                "Fees & costs \u{2014} none",
                "A",
                "B"
            ]
        );
    }
}
