//! Clause labels at the start of text: `(1)`, `1.`, `(a)`, `a)`, `a.`, `(i)`, `(A)`, bullets.

/// The numbering family a label belongs to; siblings share a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `1.`, `(1)`, `1.1`: paragraphs.
    Number,
    /// `1)`: in Indonesian drafting, the numbered sub-points under a lettered point.
    HalfNumber,
    Lower,
    RomanLower,
    Upper,
    RomanUpper,
    Bullet,
}

/// A label read from the start of a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub family: Family,
    /// The token without brackets or dots: `1`, `a`, `iv`, `1.2`.
    pub token: String,
    /// As printed: `(1)`, `a)`, `iv.`.
    pub marker: String,
}

impl Label {
    /// Canonical form: numbers bare (`1`), letters and numerals in brackets (`(a)`, `(iv)`), bullets `-`.
    pub fn canonical(&self) -> String {
        match self.family {
            Family::Number => self.token.clone(),
            Family::HalfNumber => format!("{})", self.token),
            Family::Bullet => "-".to_owned(),
            _ => format!("({})", self.token),
        }
    }

    /// Whether a single-letter token could also be a Roman numeral (`i`, `v`, `x`).
    pub fn ambiguous_roman(&self) -> bool {
        matches!(self.family, Family::RomanLower | Family::RomanUpper) && self.token.len() == 1
    }

    pub fn as_letter(&self) -> Label {
        let family = if self.family == Family::RomanUpper {
            Family::Upper
        } else {
            Family::Lower
        };
        Label {
            family,
            ..self.clone()
        }
    }
}

/// Reads a label at the start of `text`, returning it and the rest of the text.
pub fn split_label(text: &str) -> Option<(Label, &str)> {
    let trimmed = text.trim_start();
    for bullet in ["- ", "* ", "• ", "– ", "— ", "· "] {
        if let Some(rest) = trimmed.strip_prefix(bullet) {
            let marker = bullet.trim().to_owned();
            return Some((
                Label {
                    family: Family::Bullet,
                    token: String::new(),
                    marker,
                },
                rest.trim_start(),
            ));
        }
    }
    // Tokens longer than `MAX_TOKEN` bytes are never labels (see `family_of`), so the closing mark is
    // looked for only that far: the parser asks this of every paragraph, and most are not labelled.
    let closing = |text: &str, marks: &[u8]| {
        text.bytes()
            .take(MAX_TOKEN + 1)
            .position(|b| marks.contains(&b))
    };
    let dotted = dotted_number(trimmed);
    let (token, marker_len) = if let Some(inner) = trimmed.strip_prefix('(') {
        let close = closing(inner, b")")?;
        (&inner[..close], close + 2)
    } else if let Some((token, len)) = dotted {
        (token, len)
    } else {
        let end = closing(trimmed, b".)")?;
        (&trimmed[..end], end + 1)
    };
    let rest = &trimmed[marker_len..];
    // `(a)the employer`, `c)Organizing`: the Dutch treaty database drops the space after a bracket.
    // A dot label must be followed by whitespace, or `e.g.` would read as point `e`.
    let glued = trimmed[..marker_len].ends_with(')') && rest.starts_with(char::is_alphabetic);
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace) || glued) {
        return None;
    }
    let mut family = family_of(token)?;
    if family == Family::Number && !trimmed.starts_with('(') && trimmed[..marker_len].ends_with(')')
    {
        family = Family::HalfNumber;
    }
    let label = Label {
        family,
        token: token.to_owned(),
        marker: trimmed[..marker_len].to_owned(),
    };
    Some((label, rest.trim_start()))
}

/// A dotted paragraph number such as `1.1` or `2.3.` at the start of `text`: the token and the marker length.
/// `1.5 million` is an amount, not a label, so without a closing dot the next word must be capitalised.
fn dotted_number(text: &str) -> Option<(&str, usize)> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let marker = &text[..end];
    let token = marker.trim_end_matches('.');
    if !token.contains('.') || token.starts_with('.') || token.contains("..") {
        return None;
    }
    let rest = &text[end..];
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let capitalised = rest
        .trim_start()
        .starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“');
    (marker.ends_with('.') || capitalised).then_some((token, end))
}

/// The longest label token, in bytes (`xxxviii`, `aa`, `12`).
const MAX_TOKEN: usize = 8;

fn family_of(token: &str) -> Option<Family> {
    if token.is_empty() || token.len() > MAX_TOKEN {
        return None;
    }
    if token.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        let ok = token.starts_with(|c: char| c.is_ascii_digit())
            && !token.ends_with('.')
            && !token.contains("..");
        return ok.then_some(Family::Number);
    }
    // A lone `c`, `d`, `l` or `m` is always a letter in point labels; only `i`, `v`, `x` are ambiguous.
    let lone_letter = token.len() == 1 && !matches!(token, "i" | "v" | "x" | "I" | "V" | "X");
    if !lone_letter && crate::numbering::roman_value(token).is_some() {
        if token.chars().all(|c| c.is_ascii_lowercase()) {
            return Some(Family::RomanLower);
        }
        if token.chars().all(|c| c.is_ascii_uppercase()) {
            return Some(Family::RomanUpper);
        }
    }
    // `a`, `b`, `aa`, `bb` (doubled letters continue after `z`).
    let first = token.chars().next()?;
    let doubled = token.chars().all(|c| c == first) && token.chars().count() <= 2;
    if doubled && first.is_ascii_lowercase() {
        return Some(Family::Lower);
    }
    if doubled && first.is_ascii_uppercase() {
        return Some(Family::Upper);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_labels() {
        let label =
            |t: &str| split_label(t).map(|(l, rest)| (l.family, l.canonical(), rest.to_owned()));
        assert_eq!(
            label("(1) The Parties"),
            Some((Family::Number, "1".into(), "The Parties".into()))
        );
        assert_eq!(
            label("2. Wages"),
            Some((Family::Number, "2".into(), "Wages".into()))
        );
        assert_eq!(
            label("a) text"),
            Some((Family::Lower, "(a)".into(), "text".into()))
        );
        assert_eq!(
            label("b. text"),
            Some((Family::Lower, "(b)".into(), "text".into()))
        );
        assert_eq!(
            label("(iv) text"),
            Some((Family::RomanLower, "(iv)".into(), "text".into()))
        );
        assert_eq!(
            label("(B) text"),
            Some((Family::Upper, "(B)".into(), "text".into()))
        );
        assert_eq!(
            label("- item"),
            Some((Family::Bullet, "-".into(), "item".into()))
        );
        assert_eq!(
            label("(a)public offices"),
            Some((Family::Lower, "(a)".into(), "public offices".into()))
        );
        assert_eq!(
            label("c)Organizing"),
            Some((Family::Lower, "(c)".into(), "Organizing".into()))
        );
        assert_eq!(label("e.g. wages"), None);
        assert_eq!(label("1.5 million workers"), None);
        assert_eq!(
            label("1.1 The Parties"),
            Some((Family::Number, "1.1".into(), "The Parties".into()))
        );
        assert_eq!(
            label("2.3. the Parties"),
            Some((Family::Number, "2.3".into(), "the Parties".into()))
        );
        assert_eq!(
            label("1) upah"),
            Some((Family::HalfNumber, "1)".into(), "upah".into()))
        );
        assert_eq!(label("(see above) text"), None);
        assert_eq!(label("The end."), None);
    }
}
