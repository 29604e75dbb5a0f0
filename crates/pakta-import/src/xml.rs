//! What the XML importers share: entity references, which quick-xml hands over unresolved; positions for
//! messages; and the well-formedness rules quick-xml leaves to its caller (what may stand outside the root
//! element, and that every element is closed before the input ends).

use quick_xml::events::BytesRef;

/// The text of a character reference (`&#233;`) or one of XML's five predefined entities (`&amp;`).
/// `Err` names any other entity: importers refuse DTDs, so no other entity can be defined.
pub(crate) fn resolve(reference: &BytesRef) -> Result<String, String> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return Ok(c.to_string());
    }
    let name = reference.decode().unwrap_or_default();
    quick_xml::escape::resolve_predefined_entity(&name)
        .map(str::to_string)
        .ok_or_else(|| format!("unknown entity &{name};"))
}

/// The 1-based line and column (in characters) of byte `offset` of `xml`, for messages: people open the
/// file in an editor, which counts lines and characters, not bytes.
pub(crate) fn line_col(xml: &str, offset: u64) -> (u32, u32) {
    let offset = usize::try_from(offset).unwrap_or(usize::MAX);
    pakta_core::LineIndex::new(xml).line_col(xml, offset)
}

/// Where the first character that is not XML white space (space, tab, carriage return, line feed) is in
/// `text`, if any: the only characters XML allows outside the root element, besides markup.
pub(crate) fn first_non_space(text: &[u8]) -> Option<usize> {
    text.iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// The opening words of `text` from byte `from`, at most a few dozen characters on one line, for a
/// message that shows what was found where markup was expected.
pub(crate) fn excerpt(text: &str, from: usize) -> String {
    const MAX: usize = 40;
    let rest = text.get(from..).unwrap_or_default();
    let line = rest.lines().next().unwrap_or_default().trim_end();
    let mut out: String = line.chars().take(MAX).collect();
    if line.chars().count() > MAX {
        out.push('\u{2026}');
    }
    out
}
