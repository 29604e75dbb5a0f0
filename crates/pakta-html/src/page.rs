//! The page shell every report shares: escaping, the inline style sheet and script, the print header.
//!
//! *Architecture Invariant:* agreement text reaches the page only through [`escape`] (element content and
//! attribute values) or [`css_string`] (the print header), so a clause can never become markup or script.
//! The Content-Security-Policy allows no external resource and only the one script whose hash it names, so
//! even a missed escape could not load or run anything.

use std::fmt::Write as _;

const STYLE: &str = include_str!("report.css");
/// The optional conveniences (filters); the report is complete without them.
pub(crate) const SCRIPT: &str = include_str!("report.js");
/// `sha256` of [`SCRIPT`], base64, as the CSP names it. A unit test recomputes it, so editing the script
/// without updating the hash fails the tests instead of silently disabling the filters.
pub(crate) const SCRIPT_SHA256: &str = "sha256-J7pMcs9o/Cmtfdrj0Fyzdpvkl+DUT0/eFjld6+SQx74=";

/// Escapes text for element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newline are not allowed in HTML text.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A CSS string literal (with its quotes) holding `text`: every character outside plain ASCII letters,
/// digits and spaces is written as a CSS escape, so nothing can close the string or the style element.
pub(crate) fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else if c.is_control() {
            out.push(' ');
        } else {
            let _ = write!(out, "\\{:x} ", c as u32);
        }
    }
    out.push('"');
    out
}

/// A class name or data value made only of `[a-z0-9-]`, from a fixed vocabulary word.
pub(crate) fn token(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// An id-safe anchor for an element: a prefix plus the token form of `id`.
pub(crate) fn anchor(prefix: &str, id: &str) -> String {
    format!("{prefix}-{}", token(id))
}

/// What the page's `<head>` and print header say.
#[derive(Debug, Clone)]
pub struct Head<'a> {
    /// The document title (browser tab, print header).
    pub title: &'a str,
    /// The language of the report's own words (`en`).
    pub lang: &'a str,
    /// A date to print in the header; reports carry none unless asked, so output stays reproducible.
    pub date: Option<&'a str>,
}

/// Wraps a report body in a complete, self-contained HTML document.
pub(crate) fn document(head: &Head, body: &str) -> String {
    // The running header has one line: long treaty titles are shortened there (the page has them whole).
    let mut short: String = head.title.chars().take(110).collect();
    if short.len() < head.title.len() {
        short.push('\u{2026}');
    }
    let print_header = match head.date {
        Some(date) => format!("{short} \u{2014} {date}"),
        None => short,
    };
    let mut out = String::with_capacity(body.len() + STYLE.len() + SCRIPT.len() + 1024);
    out.push_str("<!DOCTYPE html>\n");
    let _ = writeln!(out, "<html lang=\"{}\">", escape(head.lang));
    out.push_str("<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; \
         script-src '{SCRIPT_SHA256}'; img-src data:; base-uri 'none'; form-action 'none'\">"
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"pakta\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(head.title));
    let _ = writeln!(out, "<style>\n{STYLE}</style>");
    let _ = writeln!(
        out,
        "<style>@page {{ @top-left {{ content: {}; font: 8pt system-ui, sans-serif; }} }}</style>",
        css_string(&print_header)
    );
    out.push_str("</head>\n<body>\n");
    out.push_str(body);
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

/// A status filter (checkboxes) and, when `flags` is not empty, a flag selector. Hidden until the script
/// shows it, so a reader without JavaScript never sees controls that do nothing.
pub(crate) fn filters(statuses: &[&str], flags: &[&str]) -> String {
    let mut out =
        String::from("<form class=\"filters\" hidden aria-label=\"Filter\">\n<span>Show:</span>\n");
    for status in statuses {
        let _ = writeln!(
            out,
            "<label><input type=\"checkbox\" name=\"status\" value=\"{0}\" checked> {0}</label>",
            token(status)
        );
    }
    if !flags.is_empty() {
        out.push_str("<label>flag <select name=\"flag\"><option value=\"\">any</option>");
        for flag in flags {
            let _ = write!(out, "<option value=\"{0}\">{0}</option>", token(flag));
        }
        out.push_str("</select></label>\n");
    }
    out.push_str("</form>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x')</script> \"&\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;&amp;&quot;"
        );
    }

    #[test]
    fn css_strings_cannot_close_the_style_element() {
        let s = css_string("a\"</style><script>");
        assert!(!s[1..s.len() - 1].contains(['"', '<', '>']), "{s}");
    }

    #[test]
    fn the_csp_names_the_script_hash() {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(SCRIPT.as_bytes());
        assert_eq!(
            SCRIPT_SHA256,
            format!(
                "sha256-{}",
                base64::Engine::encode(&base64::engine::general_purpose::STANDARD, digest)
            )
        );
    }
}
