//! Shared presentation helpers: terminal colour, truncation, Markdown escaping and inline diffs.
//!
//! Agreement text must never become markup in a report, so every renderer that puts agreement text into
//! Markdown goes through [`escape_markdown`], and into CriticMarkup through [`critic_markup`].

use pakta_core::diff::{Change, ChangeOp};

/// Whether to colour terminal output (the binary decides from the tty and `NO_COLOR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub colour: bool,
}

impl Style {
    pub const PLAIN: Style = Style { colour: false };

    /// Wraps `text` in an ANSI SGR sequence (`"1;31"`) when colour is on.
    pub fn paint(&self, sgr: &str, text: &str) -> String {
        if self.colour && !text.is_empty() {
            format!("\x1b[{sgr}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Cuts `text` to `width` characters, ending with "…" when it was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('\u{2026}');
    out
}

pub use pakta_core::text::escape_markdown;

/// A word diff as CriticMarkup: `{--deleted--}`, `{++inserted++}`, `{~~old~>new~~}` for a deletion
/// followed by an insertion. The text inside is escaped, so a clause cannot close the markup early.
pub fn critic_markup(changes: &[Change]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < changes.len() {
        let change = &changes[i];
        match change.op {
            ChangeOp::Equal => out.push_str(&escape_markdown(&change.text)),
            ChangeOp::Delete => {
                if let Some(next) = changes.get(i + 1).filter(|n| n.op == ChangeOp::Insert) {
                    out.push_str(&format!(
                        "{{~~{}~>{}~~}}",
                        escape_markdown(&change.text),
                        escape_markdown(&next.text)
                    ));
                    i += 1;
                } else {
                    out.push_str(&format!("{{--{}--}}", escape_markdown(&change.text)));
                }
            }
            ChangeOp::Insert => out.push_str(&format!("{{++{}++}}", escape_markdown(&change.text))),
        }
        i += 1;
    }
    out
}

/// A word diff for the terminal: `[-deleted-]{+inserted+}` (wdiff's notation), coloured when on.
pub fn inline_diff(changes: &[Change], style: Style) -> String {
    let mut out = String::new();
    for change in changes {
        match change.op {
            ChangeOp::Equal => out.push_str(&change.text),
            ChangeOp::Delete => out.push_str(&style.paint("31;9", &format!("[-{}-]", change.text))),
            ChangeOp::Insert => {
                out.push_str(&style.paint("32;4", &format!("{{+{}+}}", change.text)))
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_critic_delimiters() {
        assert_eq!(
            escape_markdown("<script>x</script>"),
            "&lt;script&gt;x&lt;/script&gt;"
        );
        let changes = vec![
            Change {
                op: ChangeOp::Equal,
                text: "a ".into(),
            },
            Change {
                op: ChangeOp::Delete,
                text: "--}} <b>".into(),
            },
            Change {
                op: ChangeOp::Insert,
                text: "new".into(),
            },
        ];
        assert_eq!(critic_markup(&changes), "a {~~--\\}\\} &lt;b&gt;~>new~~}");
    }
}
