//! Model clauses: the handlebars templates behind each requirement, rendered to model wording.
//!
//! `check` renders each template with a *neutral* context ("the Party of Origin", no term values) and
//! diffs the agreement's article against it; `draft` renders the same templates with a term sheet. Strict
//! mode is on, so a template that names a variable the context lacks fails instead of printing nothing.

use std::collections::BTreeMap;

use handlebars::Handlebars;
use miette::Diagnostic;
use pakta_core::Agreement;
use serde_json::{Value, json};
use thiserror::Error;

use crate::catalogue::Catalogue;

/// The languages model clauses are written in.
pub const LANGUAGES: [&str; 2] = ["en", "id"];

/// A template that could not be compiled or rendered, or one the catalogue needs but nobody wrote.
#[derive(Debug, Error, Diagnostic)]
#[diagnostic(code(pakta::template))]
pub enum TemplateError {
    #[error("{name}:{line}:{column}: {message}")]
    Syntax {
        name: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{name}: {message}")]
    Render { name: String, message: String },
    #[error(
        "requirement `{requirement}` names model clause `{stem}`, but there is no template {stem}.{language}.hbs"
    )]
    Missing {
        requirement: String,
        stem: String,
        language: String,
    },
}

/// Every model clause template, compiled.
#[derive(Debug)]
pub struct ModelClauses {
    registry: Handlebars<'static>,
    /// Template name (`<stem>.<lang>`) → file name, for messages.
    files: BTreeMap<String, String>,
}

impl ModelClauses {
    /// Compiles `(file name, text)` pairs named `<stem>.<lang>.hbs`; other names are ignored.
    pub fn new(templates: &[(String, String)]) -> Result<ModelClauses, TemplateError> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        // Output is Markdown; renderers escape for HTML. HTML-escaping here would put `&amp;` into clauses.
        registry.register_escape_fn(handlebars::no_escape);
        let mut files = BTreeMap::new();
        for (file, text) in templates {
            let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
            let Some(name) = base.strip_suffix(".hbs") else {
                continue;
            };
            registry
                .register_template_string(name, text)
                .map_err(|err| {
                    let (line, column) = err.pos().unwrap_or((1, 1));
                    TemplateError::Syntax {
                        name: file.clone(),
                        line,
                        column,
                        message: format!("invalid handlebars: {}", err.reason()),
                    }
                })?;
            files.insert(name.to_string(), file.clone());
        }
        Ok(ModelClauses { registry, files })
    }

    /// Fails when a requirement's model clause lacks a template in either language.
    pub fn verify(&self, catalogue: &Catalogue) -> Result<(), TemplateError> {
        for requirement in &catalogue.requirements {
            for language in LANGUAGES {
                if !self
                    .files
                    .contains_key(&format!("{}.{language}", requirement.model_clause))
                {
                    return Err(TemplateError::Missing {
                        requirement: requirement.id.clone(),
                        stem: requirement.model_clause.clone(),
                        language: language.to_string(),
                    });
                }
            }
        }
        Ok(())
    }

    /// Whether a template exists for `stem` in `language`.
    pub fn has(&self, stem: &str, language: &str) -> bool {
        self.files.contains_key(&format!("{stem}.{language}"))
    }

    /// Renders a model clause with `context` (see `templates/README.md` for its shape).
    pub fn render(
        &self,
        stem: &str,
        language: &str,
        context: &Value,
    ) -> Result<String, TemplateError> {
        let name = format!("{stem}.{language}");
        let file = self
            .files
            .get(&name)
            .cloned()
            .unwrap_or_else(|| format!("{name}.hbs"));
        self.registry
            .render(&name, context)
            .map(|text| text.trim_start().to_string())
            .map_err(|err| TemplateError::Render {
                name: file,
                message: match (err.line_no, err.column_no) {
                    (Some(line), Some(column)) => {
                        format!("line {line}, column {column}: {}", err.reason())
                    }
                    _ => err.reason().to_string(),
                },
            })
    }

    /// The model article for `stem` in `language` with the neutral context, parsed like any agreement.
    pub fn neutral(&self, stem: &str, language: &str) -> Result<Agreement, TemplateError> {
        let markdown = self.render(stem, language, &neutral_context(language))?;
        Ok(pakta_core::parse(&markdown))
    }
}

/// The context `check` renders model clauses with: placeholder party names, every sector off, every term
/// value null (templates use them only inside `{{#if}}`).
pub fn neutral_context(language: &str) -> Value {
    let indonesian = language == "id";
    let party = |en_side: &str, id_side: &str| {
        let short = if indonesian {
            format!("Pihak Negara {id_side}")
        } else {
            format!("the Party of {en_side}")
        };
        let authority = if indonesian {
            format!("otoritas berwenang Pihak Negara {id_side}")
        } else {
            format!("the competent authority of the Party of {en_side}")
        };
        json!({ "country": short, "short": short, "authority": authority })
    };
    json!({
        "article": if indonesian { "Pasal 1" } else { "Article 1" },
        "agreement": {
            "name": if indonesian { "Persetujuan" } else { "Agreement" },
            "kind": "agreement",
            "place": null,
            "duration_years": null,
            "renewal": null,
            "termination_notice_months": null,
        },
        "origin": party("Origin", "Asal"),
        "destination": party("Destination", "Tujuan"),
        "sectors": {
            "domestic_work": false, "care_work": false, "household": false, "manufacturing": false,
            "construction": false, "agriculture": false, "fishing": false, "other": false,
        },
        "terms": {
            "minimum_monthly_wage": null,
            "recruitment_costs": null,
            "contract_years": null,
            "weekly_rest_days": null,
            "annual_leave_days": null,
            "wage_payment": null,
            "joint_committee_meets": null,
        },
    })
}
