//! The Draft page: the term-sheet form (empty, or filled from a bundled term sheet), its submission
//! drafted as `pakta draft` drafts (or shown again with each problem beside its field), and the drafts
//! side by side with their downloads.

use std::sync::Arc;

use axum::extract::{Query, Request, State as Extract};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pakta_draft::TermSheetErrors;
use pakta_draft::form::{BUNDLED, FormValues};
use serde::Deserialize;

use super::{Problem, Shared, State, Wanted, budgeted, multipart, own, problem_page, report};
use crate::drafting::{Refused, SHEET_NAME};
use crate::pages::{self, DraftForm, Link, Tab};
use crate::store::Entry;

/// A new form's values: both languages, a memorandum, the core profile.
pub fn defaults() -> FormValues {
    let mut values = FormValues::default();
    for (path, value) in [
        ("agreement.kind", "mou"),
        ("agreement.languages", "en"),
        ("agreement.languages", "id"),
        ("standards.profile", "bla-core"),
    ] {
        values.push(path, value);
    }
    values
}

/// The form's page with `values`, the term sheet's problems beside their fields and any other problem.
pub fn form_html(
    state: &State,
    values: &FormValues,
    problems: Option<&TermSheetErrors>,
    error: Option<&str>,
) -> String {
    let bundled: Vec<&str> = BUNDLED.iter().map(|(name, _)| *name).collect();
    pages::draft_form(&DraftForm {
        token: &state.token,
        meeting: state.meeting.is_some(),
        profiles: &state.profiles(),
        values,
        problems,
        error,
        bundled: &bundled,
    })
}

#[derive(Debug, Deserialize)]
pub struct Start {
    /// A bundled term sheet to fill the form from.
    #[serde(default)]
    from: String,
}

pub async fn form(Extract(state): Extract<Shared>, Query(start): Query<Start>) -> Response {
    if start.from.is_empty() {
        return own(StatusCode::OK, form_html(&state, &defaults(), None, None));
    }
    let found = BUNDLED
        .iter()
        .find(|(name, _)| *name == start.from)
        .and_then(|(_, text)| FormValues::from_toml(text));
    match found {
        Some(values) => own(StatusCode::OK, form_html(&state, &values, None, None)),
        None => problem_page(
            &state,
            Tab::Draft,
            &Problem::Input(format!("no bundled term sheet is called `{}`", start.from)),
        ),
    }
}

pub async fn submit(Extract(state): Extract<Shared>, request: Request) -> Response {
    let fields = match multipart(request).await {
        Ok(fields) => fields,
        Err(problem) => return problem_page(&state, Tab::Draft, &problem),
    };
    let mut values = FormValues::default();
    for (name, file_name, data) in &fields {
        if file_name.is_none() {
            values.push(name.clone(), String::from_utf8_lossy(data).into_owned());
        }
    }
    let (worker, job) = (Arc::clone(&state), values.clone());
    let result = budgeted(&state, move || worker.standards.draft(&job)).await;
    let drafted = match result {
        Ok(Ok(drafted)) => drafted,
        Ok(Err(Refused::Invalid(problems))) => {
            return own(
                StatusCode::UNPROCESSABLE_ENTITY,
                form_html(&state, &values, Some(&problems), None),
            );
        }
        Ok(Err(Refused::Other(message))) => {
            return own(
                StatusCode::UNPROCESSABLE_ENTITY,
                form_html(&state, &values, None, Some(&message)),
            );
        }
        Err(problem) => {
            return own(
                problem.status(),
                form_html(&state, &values, None, Some(&problem.words())),
            );
        }
    };
    match state.store.put(Entry::Draft(drafted)) {
        Ok(id) => Redirect::to(&format!("/drafted?t={}&r={id}", state.token)).into_response(),
        Err(e) => problem_page(&state, Tab::Draft, &Problem::Internal(e.to_string())),
    }
}

pub async fn page(Extract(state): Extract<Shared>, Query(wanted): Query<Wanted>) -> Response {
    let Some(entry) = state.store.get(&wanted.r) else {
        return problem_page(&state, Tab::Draft, &Problem::Forgotten);
    };
    let Entry::Draft(drafted) = &*entry else {
        return problem_page(&state, Tab::Draft, &Problem::Forgotten);
    };
    let (worker, job) = (Arc::clone(&state), Arc::clone(&entry));
    let result = budgeted(&state, move || match &*job {
        Entry::Draft(drafted) => Some(worker.standards.draft_page(drafted)),
        _ => None,
    })
    .await;
    let page = match result {
        Ok(Some(page)) => page,
        Ok(None) => return problem_page(&state, Tab::Draft, &Problem::Forgotten),
        Err(problem) => return problem_page(&state, Tab::Draft, &problem),
    };
    let token = &state.token;
    // (href, words) of each download: the term sheet, each language version in Word and Markdown, the page.
    let href = |language: &str, format: &str| {
        format!(
            "/download?t={token}&r={}&l={language}&as={format}",
            wanted.r
        )
    };
    let mut files = vec![(href("", "toml"), format!("the term sheet ({SHEET_NAME})"))];
    for draft in &drafted.drafts {
        let language = language_words(&draft.language);
        files.push((
            href(&draft.language, "docx"),
            format!("{language}: Word (.docx)"),
        ));
        files.push((href(&draft.language, "md"), format!("{language}: Markdown")));
    }
    files.push((href("", "html"), "this page (HTML)".to_owned()));
    let downloads: Vec<Link> = files
        .iter()
        .map(|(href, words)| Link {
            href: href.clone(),
            words,
        })
        .collect();
    let read = vec![format!(
        "{SHEET_NAME}: {} articles in {}",
        drafted.drafts.first().map_or(0, |d| d.articles.len()),
        drafted
            .drafts
            .iter()
            .map(|d| d.language.as_str())
            .collect::<Vec<_>>()
            .join(" and ")
    )];
    report(pages::with_toolbar(
        &page,
        Link {
            href: format!("/draft?t={token}"),
            words: "Draft another agreement",
        },
        &read,
        &[],
        &downloads,
    ))
}

fn language_words(code: &str) -> &'static str {
    match code {
        "id" => "Bahasa Indonesia",
        _ => "English",
    }
}
