//! `pakta clause`: one model clause, neutral or filled from a term sheet and `--set` values.

use std::process::ExitCode;

use anyhow::{anyhow, bail};

use crate::shared::usage::{Lang, requirement};
use crate::shared::{CatalogueArgs, Input, Output};

/// Print one model clause, with neutral wording or the values of a term sheet and `--set`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The requirement id (see `pakta standards list`).
    pub id: String,
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
    /// Fill the clause from this term sheet.
    #[arg(long, value_name = "FILE")]
    pub termsheet: Option<String>,
    /// Set a context value, e.g. `--set terms.weekly_rest_days=2` or `--set destination.short=Taiwan`.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    #[command(flatten)]
    pub catalogue: CatalogueArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let language = args.lang.code();
    let catalogue = args.catalogue.catalogue()?;
    let requirement = requirement(&catalogue, &args.id)?;
    let models = args.catalogue.models(&catalogue)?;
    let mut context = match &args.termsheet {
        Some(file) => {
            let input = Input::read_text(file)?;
            let sheet = pakta_draft::TermSheet::parse(&input.name, &input.text)?;
            pakta_draft::context(&sheet, language)
        }
        None => pakta_standards::models::neutral_context(language),
    };
    context["article"] = serde_json::Value::from(if language == "id" {
        "Pasal 1"
    } else {
        "Article 1"
    });
    for assignment in &args.set {
        let Some((key, value)) = assignment.split_once('=') else {
            bail!("--set {assignment}: expected KEY=VALUE, e.g. terms.weekly_rest_days=2");
        };
        set(&mut context, key, value)?;
    }
    let text = models.render(&requirement.model_clause, language, &context)?;
    Output::stdout().write(&format!("{}\n", text.trim_end()), &[])?;
    Ok(ExitCode::SUCCESS)
}

/// Sets `key` (dotted path) of the template context to `value`: a number, true/false or null as such,
/// anything else as text made safe for Markdown.
fn set(context: &mut serde_json::Value, key: &str, value: &str) -> anyhow::Result<()> {
    let parsed: serde_json::Value = match serde_json::from_str(value) {
        Ok(
            v @ (serde_json::Value::Number(_)
            | serde_json::Value::Bool(_)
            | serde_json::Value::Null),
        ) => v,
        _ => serde_json::Value::from(pakta_draft::markdown_safe(value)),
    };
    let mut slot = context;
    for part in key.split('.') {
        if !slot.is_object() {
            bail!("--set {key}: `{part}` is not a field of the context (see templates/README.md)");
        }
        slot = slot
            .as_object_mut()
            .map(|o| o.entry(part.to_string()).or_insert(serde_json::Value::Null))
            .ok_or_else(|| anyhow!("--set {key}: `{part}` is not a field of the context"))?;
    }
    *slot = parsed;
    Ok(())
}
