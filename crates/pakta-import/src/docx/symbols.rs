//! Word's symbol characters (`w:sym`): a tick or a box inserted from a symbol font (Insert ▸ Symbol,
//! Wingdings), stored as a font and a code rather than as text, and given by a PDF's text layer as a
//! private-use character. In a "paid by Employer | paid by Worker" table the ticks are the content:
//! dropped, a tick that moved columns would be a change nobody sees.

/// The character a symbol stands for: the usual ticks, crosses, boxes and bullets of Wingdings, Wingdings 2
/// and Symbol in Unicode, and any other as its font and code in brackets, so that a different symbol
/// always reads as different text.
pub(crate) fn character(font: Option<&str>, code: Option<&str>) -> String {
    let font = font.unwrap_or("symbol font");
    let Some(raw) = code else {
        return format!("[{font} symbol]");
    };
    // Codes are hex, usually in the private-use range (F0FE for Wingdings 0xFE).
    let byte = u32::from_str_radix(raw, 16).ok().map(|c| c & 0xFF);
    let known = match (font.to_ascii_lowercase().as_str(), byte) {
        ("wingdings", Some(0xA8)) => Some('\u{2610}'), // ☐
        ("wingdings", Some(0x6F)) => Some('\u{25A1}'), // □
        ("wingdings", Some(0x71)) => Some('\u{2751}'), // ❑
        ("wingdings", Some(0xFE)) => Some('\u{2611}'), // ☑
        ("wingdings", Some(0xFD)) => Some('\u{2612}'), // ☒
        ("wingdings", Some(0x78)) => Some('\u{2612}'), // ☒
        ("wingdings", Some(0xFC)) => Some('\u{2713}'), // ✓
        ("wingdings", Some(0xFB)) => Some('\u{2717}'), // ✗
        ("wingdings", Some(0x9F | 0x6C)) => Some('\u{25CF}'), // ●
        ("wingdings", Some(0xA7)) => Some('\u{25AA}'), // ▪
        ("wingdings", Some(0xD8)) => Some('\u{27A2}'), // ➢
        ("wingdings 2", Some(0xA3)) => Some('\u{2610}'), // ☐
        ("wingdings 2", Some(0x52)) => Some('\u{2611}'), // ☑
        ("wingdings 2", Some(0x54 | 0x53)) => Some('\u{2612}'), // ☒
        ("wingdings 2", Some(0x50)) => Some('\u{2713}'), // ✓
        ("wingdings 2", Some(0x4F)) => Some('\u{2717}'), // ✗
        ("symbol", Some(0xD6)) => Some('\u{221A}'),    // √
        ("symbol", Some(0xB7)) => Some('\u{2022}'),    // •
        ("symbol", Some(0xB4)) => Some('\u{00D7}'),    // ×
        ("symbol", Some(0xB3)) => Some('\u{2265}'),    // ≥
        ("symbol", Some(0xA3)) => Some('\u{2264}'),    // ≤
        _ => None,
    };
    match known {
        Some(c) => c.to_string(),
        None => format!("[{font} {raw}]"),
    }
}

#[cfg(test)]
mod tests {
    use super::character;

    #[test]
    fn ticks_and_boxes_are_characters_and_other_symbols_stay_distinct() {
        assert_eq!(character(Some("Wingdings"), Some("F0FE")), "\u{2611}");
        assert_eq!(character(Some("Wingdings"), Some("F0A8")), "\u{2610}");
        assert_eq!(character(Some("Wingdings 2"), Some("F050")), "\u{2713}");
        assert_eq!(character(Some("Symbol"), Some("F0D6")), "\u{221A}");
        assert_eq!(character(Some("Webdings"), Some("F061")), "[Webdings F061]");
        assert_ne!(
            character(Some("Webdings"), Some("F061")),
            character(Some("Webdings"), Some("F062"))
        );
    }
}
