//! The Draft form, built from the term-sheet schema (`pakta_draft::form::SCHEMA`): one input per field of
//! a term sheet, each problem `pakta draft` would report shown beside the field it concerns, and a way to
//! start from a bundled term sheet.

use std::fmt::Write as _;

use pakta_draft::TermSheetErrors;
use pakta_draft::form::{Field, FormValues, Input, SCHEMA, Table};
use pakta_html::escape;

use super::{Tab, error_html, shell};

/// An element id made of `[a-z0-9-]` from a field's path (`parties[1].country` → `f-parties-1--country`).
fn id(path: &str) -> String {
    let mut out = String::from("f-");
    out.extend(path.chars().map(|c| {
        if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        }
    }));
    out
}

/// What the form shows: the values to fill in, the problems of the last try, the profiles to offer.
#[derive(Debug, Clone, Copy)]
pub struct DraftForm<'a> {
    pub token: &'a str,
    pub meeting: bool,
    /// `(name, description)` of each catalogue profile.
    pub profiles: &'a [(String, String)],
    pub values: &'a FormValues,
    pub problems: Option<&'a TermSheetErrors>,
    /// A problem that is no field's (the request was too slow, say).
    pub error: Option<&'a str>,
    /// The bundled term sheets' file names.
    pub bundled: &'a [&'a str],
}

fn input_html(out: &mut String, form: &DraftForm, field: &Field, path: &str, described: &str) {
    let name = escape(path);
    let element = id(path);
    let value = form.values.get(path).unwrap_or("");
    let invalid = if described.is_empty() {
        String::new()
    } else {
        format!(" aria-invalid=\"true\" aria-describedby=\"{described}\"")
    };
    match field.input {
        // Numbers are typed as text: the term sheet's reader, not the browser, judges them.
        Input::Text | Input::Integer { .. } => {
            let mode = if matches!(field.input, Input::Integer { .. }) {
                " inputmode=\"numeric\""
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "<input type=\"text\" id=\"{element}\" name=\"{name}\" value=\"{}\"{mode}{invalid}>",
                escape(value)
            );
        }
        Input::OneOf(choices) => {
            let _ = write!(out, "<select id=\"{element}\" name=\"{name}\"{invalid}>");
            if !field.required {
                out.push_str("<option value=\"\">(not set)</option>");
            }
            let mut options: Vec<&str> = choices.to_vec();
            // A value read from a term sheet in another spelling stays selectable, as written.
            if !value.is_empty() && !options.contains(&value) {
                options.push(value);
            }
            for choice in options {
                let selected = if choice == value { " selected" } else { "" };
                let _ = write!(
                    out,
                    "<option value=\"{0}\"{selected}>{0}</option>",
                    escape(choice)
                );
            }
            out.push_str("</select>\n");
        }
        Input::SomeOf(choices) => {
            let chosen: Vec<&str> = form.values.all(path).collect();
            let _ = write!(out, "<span class=\"choices\" id=\"{element}\"{invalid}>");
            let mut options: Vec<&str> = choices.to_vec();
            options.extend(chosen.iter().filter(|c| !choices.contains(c)));
            for choice in options {
                let checked = if chosen.contains(&choice) {
                    " checked"
                } else {
                    ""
                };
                let _ = write!(
                    out,
                    "<label><input type=\"checkbox\" name=\"{name}\" value=\"{0}\"{checked}> {0}</label>",
                    escape(choice)
                );
            }
            out.push_str("</span>\n");
        }
        Input::Profile => {
            let _ = write!(out, "<select id=\"{element}\" name=\"{name}\"{invalid}>");
            for (profile, description) in form.profiles {
                let selected = if profile == value { " selected" } else { "" };
                let _ = write!(
                    out,
                    "<option value=\"{0}\"{selected}>{0} \u{2014} {1}</option>",
                    escape(profile),
                    escape(description)
                );
            }
            out.push_str("</select>\n");
        }
    }
}

/// One field: its label, its input, its hint and, beside it, the problems `pakta draft` reports for it.
fn field_html(out: &mut String, form: &DraftForm, field: &Field, party: usize) {
    let path = field.path(party);
    let element = id(&path);
    let problems: Vec<&str> = form
        .problems
        .map(|p| p.for_field(&path).map(|e| e.message.as_str()).collect())
        .unwrap_or_default();
    let described = if problems.is_empty() {
        String::new()
    } else {
        format!("e-{element}")
    };
    let _ = write!(
        out,
        "<div class=\"field{}\" data-field=\"{}\">\n<label for=\"{element}\">{}{}</label>\n",
        if problems.is_empty() { "" } else { " invalid" },
        escape(&path),
        escape(field.label),
        if field.required { " *" } else { "" }
    );
    input_html(out, form, field, &path, &described);
    if !field.hint.is_empty() {
        let _ = writeln!(out, "<p class=\"hint\">{}</p>", escape(field.hint));
    }
    if !problems.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"field-error\" id=\"{described}\">{}</p>",
            problems
                .iter()
                .map(|p| escape(p))
                .collect::<Vec<_>>()
                .join("<br>")
        );
    }
    out.push_str("</div>\n");
}

/// The fields that are no form field's: shown above the form.
fn unplaced(problems: &TermSheetErrors) -> Vec<&str> {
    let placed = |field: &str| {
        SCHEMA.iter().any(|f| {
            (0..2).any(|party| {
                let path = f.path(party);
                field == path || field.starts_with(&format!("{path}."))
            })
        })
    };
    problems
        .errors
        .iter()
        .filter(|e| !placed(&e.field))
        .map(|e| e.message.as_str())
        .collect()
}

/// The Draft page: the form to start from a bundled term sheet, then the term-sheet form.
pub fn draft_form(form: &DraftForm) -> String {
    let token = escape(form.token);
    let mut main = String::from("<main>\n<h1>Draft from a term sheet</h1>\n");
    main.push_str(
        "<p class=\"lead\">Fill in what your government wants in the agreement. pakta drafts it in each \
         language asked for, one article per requirement of the standards in the profile, and names beside \
         each article the requirement and the instrument articles it implements. Download the drafts as \
         Word or Markdown, and the term sheet itself: <code>pakta draft termsheet.toml</code> makes the \
         same drafts.</p>\n",
    );
    let _ = write!(
        main,
        "<form method=\"get\" action=\"/draft\" class=\"inline\"><input type=\"hidden\" name=\"t\" value=\"{token}\">\
         <label>Start from a bundled term sheet <select name=\"from\">"
    );
    for name in form.bundled {
        let _ = write!(main, "<option value=\"{0}\">{0}</option>", escape(name));
    }
    main.push_str(
        "</select></label> <button type=\"submit\">Fill the form from it</button></form>\n",
    );
    main.push_str(&error_html(form.error));
    if let Some(problems) = form.problems {
        let count = problems.errors.len();
        let mut summary = if count == 1 {
            "The term sheet has 1 problem, shown beside its field.".to_owned()
        } else {
            format!("The term sheet has {count} problems; each is shown beside its field.")
        };
        for message in unplaced(problems) {
            summary.push(' ');
            summary.push_str(message);
        }
        main.push_str(&error_html(Some(&summary)));
    }
    let _ = writeln!(
        main,
        "<form method=\"post\" action=\"/draft?t={token}\" enctype=\"multipart/form-data\" novalidate class=\"termsheet\">"
    );
    let groups = [
        (Table::Agreement, 0, "The agreement"),
        (Table::Party, 0, "Country of origin"),
        (Table::Party, 1, "Country of destination"),
        (Table::Workers, 0, "The workers"),
        (
            Table::Terms,
            0,
            "Terms (each optional: without it, the clause states the standard's own floor)",
        ),
        (Table::Standards, 0, "The standards"),
    ];
    for (table, party, legend) in groups {
        let _ = writeln!(main, "<fieldset>\n<legend>{legend}</legend>");
        let fields = SCHEMA.iter().filter(|f| f.table == table);
        for field in fields.clone().filter(|f| !f.advanced) {
            field_html(&mut main, form, field, party);
        }
        let advanced: Vec<&Field> = fields.filter(|f| f.advanced).collect();
        if !advanced.is_empty() {
            let open = advanced.iter().any(|f| {
                let path = f.path(party);
                form.values.get(&path).is_some_and(|v| !v.is_empty())
                    || form
                        .problems
                        .is_some_and(|p| p.for_field(&path).next().is_some())
            });
            let _ = writeln!(
                main,
                "<details{}><summary>Names pakta's list does not know (a country not on it, or other wording)</summary>",
                if open { " open" } else { "" }
            );
            for field in advanced {
                field_html(&mut main, form, field, party);
            }
            main.push_str("</details>\n");
        }
        main.push_str("</fieldset>\n");
    }
    main.push_str("<button type=\"submit\">Draft the agreement</button>\n</form>\n</main>\n");
    shell(
        form.token,
        Tab::Draft,
        form.meeting,
        "Draft from a term sheet",
        &main,
        false,
    )
}
