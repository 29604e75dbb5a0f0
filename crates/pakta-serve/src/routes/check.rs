//! The Check page: one agreement against a profile of the standards (`pakta check`), or, with an earlier
//! draft chosen too, the coverage of the two compared (`pakta check EARLIER --against LATER`).

use std::sync::Arc;

use axum::extract::{Query, Request, State as Extract};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::{
    Problem, Shared, Wanted, budgeted, file, multipart, own, problem_page, read_lines, report,
    text_field,
};
use crate::pages::{self, Link, Tab};
use crate::store::{Doc, Entry};
use crate::work::{self, Download, Standards};

pub async fn form(Extract(state): Extract<Shared>) -> Response {
    own(
        StatusCode::OK,
        pages::check_form(
            &state.token,
            state.meeting.is_some(),
            &state.profiles(),
            None,
        ),
    )
}

pub async fn upload(Extract(state): Extract<Shared>, request: Request) -> Response {
    match upload_inner(&state, request).await {
        Ok(location) => Redirect::to(&location).into_response(),
        Err(problem) => problem_page(&state, Tab::Check, &problem),
    }
}

async fn upload_inner(state: &Shared, request: Request) -> Result<String, Problem> {
    let fields = multipart(request).await?;
    let (name, bytes) = file(&fields, "file", "the agreement")?;
    // The earlier draft is optional: without it, the coverage of the one agreement.
    let earlier = file(&fields, "earlier", "").ok();
    let profile = text_field(&fields, "profile")
        .pop()
        .unwrap_or_else(|| "bla-core".to_owned());
    if state.standards.catalogue.profile(&profile).is_none() {
        return Err(Problem::Input(format!("unknown profile `{profile}`")));
    }
    let pdf_text = Arc::clone(&state.pdf_text);
    let (doc, earlier) = budgeted(state, move || {
        let earlier = earlier
            .map(|(name, bytes)| work::read(&name, bytes, &pdf_text))
            .transpose()?;
        Ok::<_, String>((work::read(&name, bytes, &pdf_text)?, earlier))
    })
    .await?
    .map_err(Problem::Input)?;
    let (entry, page) = match earlier {
        Some(old) => (Entry::Against { old, new: doc }, "against"),
        None => (Entry::One(doc), "coverage"),
    };
    let id = state
        .store
        .put(entry)
        .map_err(|e| Problem::Internal(e.to_string()))?;
    Ok(format!(
        "/{page}?t={}&r={id}&p={}",
        state.token,
        profile_token(&profile)
    ))
}

/// A profile name as it may stand in a URL (catalogue names are `[a-z0-9-]`; anything else is dropped).
pub fn profile_token(profile: &str) -> String {
    profile
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The coverage page of one agreement.
pub async fn page(Extract(state): Extract<Shared>, Query(wanted): Query<Wanted>) -> Response {
    let Some(entry) = state.store.get(&wanted.r) else {
        return problem_page(&state, Tab::Check, &Problem::Forgotten);
    };
    let Entry::One(doc) = &*entry else {
        return problem_page(&state, Tab::Check, &Problem::Forgotten);
    };
    shown(&state, &wanted, &entry, &[doc]).await
}

/// The coverage of an earlier draft compared with the agreement's.
pub async fn against_page(
    Extract(state): Extract<Shared>,
    Query(wanted): Query<Wanted>,
) -> Response {
    let Some(entry) = state.store.get(&wanted.r) else {
        return problem_page(&state, Tab::Check, &Problem::Forgotten);
    };
    let Entry::Against { old, new } = &*entry else {
        return problem_page(&state, Tab::Check, &Problem::Forgotten);
    };
    shown(&state, &wanted, &entry, &[old, new]).await
}

/// The page of a check (of one agreement, or against an earlier draft) under the workbench's toolbar.
async fn shown(state: &Shared, wanted: &Wanted, entry: &Arc<Entry>, docs: &[&Doc]) -> Response {
    let profile = profile_token(&wanted.p);
    let (worker, job, job_profile) = (Arc::clone(state), Arc::clone(entry), profile.clone());
    let result = budgeted(state, move || {
        render(&worker.standards, &job, &job_profile, Download::Html)
    })
    .await;
    let page = match result {
        Ok(Ok((page, _))) => String::from_utf8_lossy(&page).into_owned(),
        Ok(Err(message)) => return problem_page(state, Tab::Check, &Problem::Input(message)),
        Err(problem) => return problem_page(state, Tab::Check, &problem),
    };
    let token = &state.token;
    let download = |format: &str, words: &'static str| Link {
        href: format!("/download?t={token}&r={}&p={profile}&as={format}", wanted.r),
        words,
    };
    let downloads = match &**entry {
        // `pakta check --against` writes text (also for `md`), JSON and the page.
        Entry::Against { .. } => vec![
            download("txt", "text"),
            download("json", "JSON"),
            download("html", "this page (HTML)"),
        ],
        _ => vec![
            download("md", "Markdown"),
            download("json", "JSON"),
            download("html", "this page (HTML)"),
        ],
    };
    report(pages::with_toolbar(
        &page,
        Link {
            href: format!("/check?t={token}"),
            words: "Check another agreement",
        },
        &read_lines(docs),
        &[],
        &downloads,
    ))
}

fn render(
    standards: &Standards,
    entry: &Entry,
    profile: &str,
    format: Download,
) -> Result<(Vec<u8>, String), String> {
    match entry {
        Entry::One(doc) => download(standards, doc, profile, format),
        Entry::Against { old, new } => against_download(standards, old, new, profile, format),
        _ => Err("this upload is not an agreement to check".to_owned()),
    }
}

/// The coverage of `doc` in `format`, as `pakta check --format …` writes it: (bytes, file name).
pub fn download(
    standards: &Standards,
    doc: &Doc,
    profile: &str,
    format: Download,
) -> Result<(Vec<u8>, String), String> {
    if !matches!(format, Download::Md | Download::Json | Download::Html) {
        return Err(format!(
            "the coverage report has no {} version",
            format.extension()
        ));
    }
    let text = standards.coverage(doc, profile, format)?;
    Ok((
        text.into_bytes(),
        format!("coverage.{}", format.extension()),
    ))
}

/// The coverage of OLD compared with NEW in `format`, as `pakta check OLD --against NEW --format …`
/// writes it: (bytes, file name).
pub fn against_download(
    standards: &Standards,
    old: &Doc,
    new: &Doc,
    profile: &str,
    format: Download,
) -> Result<(Vec<u8>, String), String> {
    if !matches!(format, Download::Text | Download::Json | Download::Html) {
        return Err(format!(
            "the coverage comparison has no {} version",
            format.extension()
        ));
    }
    let text = standards.against(old, new, profile, format)?;
    Ok((
        text.into_bytes(),
        format!("coverage-against.{}", format.extension()),
    ))
}
