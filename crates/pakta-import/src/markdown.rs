//! Writing imported text as Markdown that reads back as the same text and structure.

use pakta_core::text::{collapse_whitespace, escape_markdown};

/// One paragraph of body text: its lines joined, escaped so that nothing in it becomes markup, and kept
/// from turning into a heading, thematic break or code block. A leading clause label (`1.`, `(a)`) stays
/// as it is, so the parser sees the paragraph's number.
pub fn paragraph(text: &str) -> String {
    let one_line = collapse_whitespace(text);
    let escaped = strike_marks(&escape_markdown(&one_line));
    // A paragraph made only of `-`, `=` or `*` would be a rule or a setext underline.
    if escaped
        .chars()
        .all(|c| matches!(c, '-' | '=' | '*' | '_' | ' ' | '\\'))
        && !escaped.is_empty()
    {
        return format!("\\{escaped}");
    }
    escaped
}

/// Where a reader of another format marks text struck through by hand: it is written `~~…~~`, as
/// Markdown strikes text through. Private-use characters, so that no text can hold them by chance and
/// escaping leaves them alone.
pub const STRIKE_OPEN: char = '\u{E000}';
pub const STRIKE_CLOSE: char = '\u{E001}';

/// The strike marks as Markdown's `~~`, with the spaces at the edges of the struck text moved outside
/// (Markdown strikes "~~not~~ keep", not "~~not ~~keep"); a mark around nothing is dropped.
fn strike_marks(text: &str) -> String {
    if !text.contains(STRIKE_OPEN) {
        return text.replace(STRIKE_CLOSE, "");
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find(STRIKE_OPEN) {
        out.push_str(&rest[..open]);
        let after = &rest[open + STRIKE_OPEN.len_utf8()..];
        let (struck, next) = match after.find(STRIKE_CLOSE) {
            Some(close) => (&after[..close], &after[close + STRIKE_CLOSE.len_utf8()..]),
            None => (after, ""),
        };
        let inner = struck.trim();
        if inner.is_empty() {
            out.push_str(struck);
        } else {
            let lead = &struck[..struck.len() - struck.trim_start().len()];
            let trail = &struck[struck.trim_end().len()..];
            out.push_str(lead);
            out.push_str("~~");
            out.push_str(inner);
            out.push_str("~~");
            out.push_str(trail);
        }
        rest = next;
    }
    out.push_str(rest);
    out.replace(STRIKE_CLOSE, "")
}

/// A paragraph of body text that must stay body text: when it would read as an article or division
/// heading on its own line ("Article 23.4: Entry into Force"), its first letter is written as a character
/// reference, which the parser reads back as the same letter but not as the start of a heading.
pub fn body_paragraph(text: &str) -> String {
    let escaped = paragraph(text);
    let looks_like_heading = pakta_core::heading::standalone_line(&escaped).is_some();
    match escaped.chars().next() {
        Some(first) if looks_like_heading && first.is_alphanumeric() => {
            format!("&#{};{}", first as u32, &escaped[first.len_utf8()..])
        }
        _ => escaped,
    }
}

/// A Markdown table of plain cell texts (each escaped like a paragraph), the first row as its header, every
/// row padded to the widest; ends with a newline.
pub fn table(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for line in table_lines(rows) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The lines of [`table`]: the header row, the `| --- |` row, then the other rows.
pub(crate) fn table_lines(rows: &[Vec<String>]) -> Vec<String> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let mut out = Vec::new();
    for (n, row) in rows.iter().enumerate() {
        let mut line = String::from("|");
        for k in 0..width {
            line.push(' ');
            line.push_str(&paragraph(row.get(k).map_or("", String::as_str)));
            line.push_str(" |");
        }
        out.push(line);
        if n == 0 {
            out.push(format!("|{}", " --- |".repeat(width)));
        }
    }
    out
}

/// A YAML double-quoted scalar (JSON string syntax is valid YAML).
pub fn yaml_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_lines_and_escapes() {
        assert_eq!(paragraph("a *b*\n  c <d>"), "a \\*b\\* c &lt;d&gt;");
        assert_eq!(paragraph("----"), "\\----");
        assert_eq!(yaml_string("a \"b\": c"), "\"a \\\"b\\\": c\"");
    }
}
