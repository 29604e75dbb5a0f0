//! Model clauses: the handlebars templates behind each requirement, rendered to model wording.
//!
//! `check` renders each template with a *neutral* context ("the Party of Origin", no term values) and
//! diffs the agreement's article against it; `draft` renders the same templates with a term sheet. Strict
//! mode is on, so a template that names a variable the context lacks fails instead of printing nothing.

use std::collections::BTreeMap;

use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason,
};
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
        // Term-sheet strings are made Markdown-safe when the context is built (see pakta-draft).
        registry.register_escape_fn(handlebars::no_escape);
        register_helpers(&mut registry);
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

/// The language a template renders in: the root context's `lang` (`en` unless it says `id`).
fn language_of(ctx: &Context) -> &'static str {
    if ctx.data().get("lang").and_then(Value::as_str) == Some("id") {
        "id"
    } else {
        "en"
    }
}

fn missing(helper: &str, what: &str) -> RenderErrorReason {
    RenderErrorReason::Other(format!("{helper}: {what}"))
}

/// Units `num` knows, with their English plural and Indonesian word.
fn unit_words(unit: &str) -> Option<(&'static str, &'static str, &'static str)> {
    Some(match unit {
        "year" => ("year", "years", "tahun"),
        "month" => ("month", "months", "bulan"),
        "week" => ("week", "weeks", "minggu"),
        "day" => ("day", "days", "hari"),
        "working-day" => ("working day", "working days", "hari kerja"),
        "hour" => ("hour", "hours", "jam"),
        "time" => ("time", "times", "kali"),
        _ => return None,
    })
}

/// The helpers a lawyer expects in model wording:
/// - `{{num 3 "year"}}` → "3 (three) years" / "3 (tiga) tahun";
/// - `{{money terms.minimum_monthly_wage}}` → "TWD 20,000" / "TWD 20.000";
/// - `{{ref "joint-committee"}}` → "Article 14" / "Pasal 14" (the article that implements a requirement in
///   this draft, from the root context's `refs`);
/// - `{{ordinal 2}}` → "second" / "kedua";
/// - `{{capitalize origin.country}}` → "The Government of …" at the start of a sentence.
fn register_helpers(registry: &mut Handlebars<'static>) {
    registry.register_helper(
        "num",
        Box::new(
            |h: &Helper,
             _: &Handlebars,
             ctx: &Context,
             _: &mut RenderContext,
             out: &mut dyn Output|
             -> HelperResult {
                let n = h
                    .param(0)
                    .and_then(|p| p.value().as_u64())
                    .ok_or_else(|| missing("num", "needs a whole number"))?;
                let language = language_of(ctx);
                let spelled = pakta_norms::quantity::spell(n, language);
                let text = match h.param(1).and_then(|p| p.value().as_str()) {
                    None => format!("{n} ({spelled})"),
                    Some(unit) => {
                        let (one, many, id) = unit_words(unit)
                            .ok_or_else(|| missing("num", &format!("unknown unit {unit:?}")))?;
                        let word = if language == "id" {
                            id
                        } else if n == 1 {
                            one
                        } else {
                            many
                        };
                        format!("{n} ({spelled}) {word}")
                    }
                };
                out.write(&text)?;
                Ok(())
            },
        ),
    );
    registry.register_helper(
        "money",
        Box::new(
            |h: &Helper,
             _: &Handlebars,
             ctx: &Context,
             _: &mut RenderContext,
             out: &mut dyn Output|
             -> HelperResult {
                let value = h.param(0).map(|p| p.value().clone()).unwrap_or(Value::Null);
                let amount = value
                    .get("amount")
                    .and_then(Value::as_u64)
                    .ok_or_else(|| missing("money", "needs { amount, currency }"))?;
                let currency = value
                    .get("currency")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                let separator = if language_of(ctx) == "id" { '.' } else { ',' };
                let digits = amount.to_string();
                let mut grouped = String::new();
                for (i, ch) in digits.chars().enumerate() {
                    if i > 0 && (digits.len() - i) % 3 == 0 {
                        grouped.push(separator);
                    }
                    grouped.push(ch);
                }
                out.write(format!("{currency} {grouped}").trim())?;
                Ok(())
            },
        ),
    );
    registry.register_helper(
        "ref",
        Box::new(
            |h: &Helper,
             _: &Handlebars,
             ctx: &Context,
             _: &mut RenderContext,
             out: &mut dyn Output|
             -> HelperResult {
                let id = h
                    .param(0)
                    .and_then(|p| p.value().as_str())
                    .ok_or_else(|| missing("ref", "needs a requirement id"))?;
                let article = ctx
                    .data()
                    .get("refs")
                    .and_then(|r| r.get(id))
                    .and_then(Value::as_str);
                let text = match (article, language_of(ctx)) {
                    (Some(article), _) => article.to_string(),
                    (None, "id") => "Pasal yang bersangkutan".to_string(),
                    (None, _) => "the relevant Article".to_string(),
                };
                out.write(&text)?;
                Ok(())
            },
        ),
    );
    registry.register_helper(
        "capitalize",
        Box::new(
            |h: &Helper,
             _: &Handlebars,
             _: &Context,
             _: &mut RenderContext,
             out: &mut dyn Output|
             -> HelperResult {
                let text = h
                    .param(0)
                    .and_then(|p| p.value().as_str())
                    .unwrap_or_default();
                let mut chars = text.chars();
                let capitalised = match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                    None => String::new(),
                };
                out.write(&capitalised)?;
                Ok(())
            },
        ),
    );
    registry.register_helper(
        "ordinal",
        Box::new(
            |h: &Helper,
             _: &Handlebars,
             ctx: &Context,
             _: &mut RenderContext,
             out: &mut dyn Output|
             -> HelperResult {
                let n = h
                    .param(0)
                    .and_then(|p| p.value().as_u64())
                    .ok_or_else(|| missing("ordinal", "needs a whole number"))?;
                const EN: [&str; 11] = [
                    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                    "eighth", "ninth", "tenth",
                ];
                let text = match (language_of(ctx), n) {
                    ("id", 1) => "pertama".to_string(),
                    ("id", _) => format!("ke{}", pakta_norms::quantity::spell(n, "id")),
                    (_, 0..=10) => EN[n as usize].to_string(),
                    (_, _) => format!("{n}th"),
                };
                out.write(&text)?;
                Ok(())
            },
        ),
    );
}

/// The context `check` renders model clauses with: generic party names, every sector off, every term
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
        "lang": if indonesian { "id" } else { "en" },
        "refs": {},
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
