//! What is wrong with a term sheet, as data: each problem with its file position, the field it concerns
//! (a path a form can put the message beside) and the message `pakta draft` prints. Both front ends — the
//! command line and the workbench's Draft page — read a term sheet's problems from here, so they say the
//! same words.

use miette::Diagnostic;
use pakta_core::LineIndex;
use thiserror::Error;

/// One problem in a term sheet.
#[derive(Debug, Clone, PartialEq, Eq, Error, Diagnostic)]
#[error("{name}:{line}:{column}: {message}")]
#[diagnostic(code(pakta::termsheet))]
pub struct TermSheetError {
    pub name: String,
    pub line: u32,
    pub column: u32,
    /// The field, as a path into the TOML: `terms.weekly_rest_days`, `parties[1].signatory_id` (parties
    /// counted from 0 in the order written), `terms.minimum_monthly_wage.currency`; a table (`parties`)
    /// when the problem is the table's; empty when no field can be named (a TOML syntax error before any key).
    pub field: String,
    /// The problem as `pakta draft` prints it after `file:line:column: `, usually starting with the field
    /// as people read it ("terms.weekly_rest_days: expected an integer from 1 to 7, found 9").
    pub message: String,
}

/// Every problem found in a term sheet (at least one), in the order of the file.
#[derive(Debug, Clone, PartialEq, Eq, Error, Diagnostic)]
#[diagnostic(code(pakta::termsheet))]
pub struct TermSheetErrors {
    pub errors: Vec<TermSheetError>,
}

impl std::fmt::Display for TermSheetErrors {
    /// One line per problem, as `pakta draft` prints them.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl TermSheetErrors {
    /// The problems that concern `field` or a field inside it (`terms.minimum_monthly_wage` has those of
    /// `terms.minimum_monthly_wage.currency`).
    pub fn for_field<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a TermSheetError> {
        self.errors.iter().filter(move |e| {
            e.field == field
                || e.field
                    .strip_prefix(field)
                    .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
        })
    }
}

impl From<TermSheetError> for TermSheetErrors {
    fn from(error: TermSheetError) -> Self {
        TermSheetErrors {
            errors: vec![error],
        }
    }
}

/// A problem at `offset` of `text`. The field is the message's leading `field:` when it has one, else the
/// key written at `offset`; a party's fields get the party's index from the `[[parties]]` above `offset`.
pub(crate) fn error(
    name: &str,
    text: &str,
    offset: usize,
    message: impl Into<String>,
) -> TermSheetError {
    let offset = offset.min(text.len());
    let message = message.into();
    let (line, column) = LineIndex::new(text).line_col(text, offset);
    let named = message
        .split_once(": ")
        .map(|(field, _)| field)
        .filter(|f| {
            !f.is_empty()
                && f.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.')
        })
        .map(str::to_owned);
    let field = named.or_else(|| field_at(text, offset)).unwrap_or_default();
    TermSheetError {
        name: name.to_string(),
        line,
        column,
        field: indexed(text, offset, field),
        message,
    }
}

/// `parties.country` as `parties[1].country` when `offset` is in the second `[[parties]]` table.
fn indexed(text: &str, offset: usize, field: String) -> String {
    let Some(rest) = field.strip_prefix("parties.") else {
        return field;
    };
    let before = &text[..offset];
    let tables = before
        .lines()
        .filter(|l| l.trim_start().starts_with("[[parties]]"))
        .count();
    match tables.checked_sub(1) {
        Some(index) => format!("parties[{index}].{rest}"),
        None => field,
    }
}

/// The dotted name of the field at `offset` ("terms.weekly_rest_days"), from the key on that line and the
/// table header above it.
pub(crate) fn field_at(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or_default();
    let key = line
        .split_once('=')
        .map(|(k, _)| k.trim().to_string())
        .filter(|k| !k.is_empty() && !k.starts_with('['));
    let table = text[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    match (table, key) {
        (Some(t), Some(k)) => Some(format!("{t}.{k}")),
        (None, Some(k)) => Some(k),
        (Some(t), None) => Some(t),
        (None, None) => None,
    }
}

/// A TOML/serde message in the words a negotiator reads: the field first, then what was expected and found
/// ("terms.weekly_rest_days: expected an integer, found the string \"one\"").
pub(crate) fn readable(text: &str, offset: usize, message: &str) -> String {
    let field = field_at(text, offset);
    let message = match message
        .strip_prefix("invalid type: ")
        .and_then(|m| m.split_once(", expected "))
    {
        Some((found, expected)) => {
            let expected = match expected {
                "i64" | "u64" | "i32" | "u32" => "an integer",
                "a boolean" => "true or false",
                other => other,
            };
            format!("expected {expected}, found {found}")
        }
        None => message.to_string(),
    };
    match field {
        Some(field) if !message.starts_with("unknown field") => format!("{field}: {message}"),
        _ => message,
    }
}

/// Collects problems so that one bad field does not hide the others.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    pub errors: Vec<TermSheetError>,
}

impl Problems {
    /// The value, or `None` with the problem kept.
    pub fn keep<T>(&mut self, result: Result<T, TermSheetError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.errors.push(error);
                None
            }
        }
    }

    pub fn push(&mut self, error: TermSheetError) {
        self.errors.push(error);
    }

    /// `Err` with every problem, in the order of the file, when there was any.
    pub fn finish(mut self) -> Result<(), TermSheetErrors> {
        if self.errors.is_empty() {
            return Ok(());
        }
        self.errors.sort_by_key(|e| (e.line, e.column));
        self.errors.dedup();
        Err(TermSheetErrors {
            errors: self.errors,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_come_from_the_message_or_the_key_with_the_party_index() {
        let text =
            "[agreement]\nkind = \"x\"\n[[parties]]\nrole = \"a\"\n[[parties]]\ncountry = \"b\"\n";
        let at = |needle: &str| text.find(needle).expect("needle");
        let e = error("s.toml", text, at("\"x\""), "agreement.kind: expected …");
        assert_eq!(
            (e.field.as_str(), e.line, e.column),
            ("agreement.kind", 2, 8)
        );
        let e = error(
            "s.toml",
            text,
            at("\"b\""),
            "parties.country: not a country",
        );
        assert_eq!(e.field, "parties[1].country");
        let e = error("s.toml", text, at("\"a\""), "unknown field `rol`");
        assert_eq!(e.field, "parties[0].role");
        let e = error(
            "s.toml",
            text,
            at("[[parties]]"),
            "parties: expected exactly two",
        );
        assert_eq!(e.field, "parties");
        assert_eq!(e.to_string(), "s.toml:3:1: parties: expected exactly two");
    }

    #[test]
    fn problems_are_grouped_by_field_and_printed_one_a_line() {
        let text = "[terms]\na = 1\nb = 2\n";
        let errors = TermSheetErrors {
            errors: vec![
                error(
                    "s.toml",
                    text,
                    8,
                    "terms.minimum_monthly_wage.currency: bad",
                ),
                error("s.toml", text, 14, "terms.minimum: bad"),
            ],
        };
        assert_eq!(errors.for_field("terms.minimum_monthly_wage").count(), 1);
        assert_eq!(errors.for_field("terms.minimum").count(), 1);
        assert_eq!(
            errors.to_string(),
            "s.toml:2:1: terms.minimum_monthly_wage.currency: bad\ns.toml:3:1: terms.minimum: bad"
        );
    }
}
