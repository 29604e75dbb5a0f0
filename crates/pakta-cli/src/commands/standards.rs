//! `pakta standards list|show`: browsing the standards catalogue.

use std::process::ExitCode;

use crate::shared::terminal::terminal_width;
use crate::shared::usage::{Lang, profile, requirement};
use crate::shared::{CatalogueArgs, Output};

/// Browse the standards catalogue.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// List the requirements (of a profile).
    List {
        #[arg(long)]
        profile: Option<String>,
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
        #[arg(long, value_enum, default_value_t = super::TextOrJson::Text)]
        format: super::TextOrJson,
        #[command(flatten)]
        catalogue: CatalogueArgs,
    },
    /// Show one requirement: summary, sources, cues and its model clause.
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
        #[arg(long, value_enum, default_value_t = super::TextOrJson::Text)]
        format: super::TextOrJson,
        #[command(flatten)]
        catalogue: CatalogueArgs,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.action {
        Action::List {
            profile: profile_name,
            lang,
            format,
            catalogue: catalogue_args,
        } => {
            let language = lang.code();
            let catalogue = catalogue_args.catalogue()?;
            let requirements: Vec<_> = match profile_name {
                Some(name) => {
                    let profile = profile(&catalogue, &name)?;
                    catalogue
                        .requirements
                        .iter()
                        .filter(|r| profile.requirements.contains(&r.id))
                        .collect()
                }
                None => catalogue.requirements.iter().collect(),
            };
            let rendered = match format {
                super::TextOrJson::Text => pakta_report::standards::list(
                    &catalogue,
                    &requirements,
                    language,
                    terminal_width(),
                ),
                super::TextOrJson::Json => {
                    pakta_report::standards::list_json(&catalogue, &requirements, language)
                }
            };
            Output::stdout().write(&rendered, &[])?;
        }
        Action::Show {
            id,
            lang,
            format,
            catalogue: catalogue_args,
        } => {
            let language = lang.code();
            let catalogue = catalogue_args.catalogue()?;
            let requirement = requirement(&catalogue, &id)?;
            let models = catalogue_args.models(&catalogue)?;
            let model_text = models.render(
                &requirement.model_clause,
                language,
                &pakta_standards::models::neutral_context(language),
            )?;
            let rendered = match format {
                super::TextOrJson::Text => pakta_report::standards::show(
                    &catalogue,
                    requirement,
                    language,
                    Some(&model_text),
                    terminal_width(),
                ),
                super::TextOrJson::Json => pakta_report::standards::show_json(
                    &catalogue,
                    requirement,
                    language,
                    Some(&model_text),
                ),
            };
            Output::stdout().write(&rendered, &[])?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
