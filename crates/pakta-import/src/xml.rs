//! What the XML importers share: entity references, which quick-xml hands over unresolved.

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
