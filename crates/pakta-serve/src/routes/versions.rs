//! The Versions page: two language versions of one agreement uploaded, then `pakta parallel`'s page of
//! what one says and the other does not, with the formats the command writes.

use std::sync::Arc;

use axum::extract::{Query, Request, State as Extract};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::{
    Problem, Shared, Wanted, budgeted, file, multipart, own, problem_page, read_lines, report,
};
use crate::pages::{self, Link, Tab};
use crate::store::{Doc, Entry};
use crate::work::{self, Download};

pub async fn form(Extract(state): Extract<Shared>) -> Response {
    own(
        StatusCode::OK,
        pages::versions_form(&state.token, state.meeting.is_some(), None),
    )
}

pub async fn upload(Extract(state): Extract<Shared>, request: Request) -> Response {
    match upload_inner(&state, request).await {
        Ok(location) => Redirect::to(&location).into_response(),
        Err(problem) => problem_page(&state, Tab::Versions, &problem),
    }
}

async fn upload_inner(state: &Shared, request: Request) -> Result<String, Problem> {
    let fields = multipart(request).await?;
    let a = file(&fields, "a", "one language version")?;
    let b = file(&fields, "b", "the other language version")?;
    let pdf_text = Arc::clone(&state.pdf_text);
    let (a, b) = budgeted(state, move || {
        let a = work::read(&a.0, a.1, &pdf_text)?;
        let b = work::read(&b.0, b.1, &pdf_text)?;
        Ok::<_, String>((a, b))
    })
    .await?
    .map_err(Problem::Input)?;
    let id = state
        .store
        .put(Entry::Versions { a, b })
        .map_err(|e| Problem::Internal(e.to_string()))?;
    Ok(format!("/parallel?t={}&r={id}", state.token))
}

pub async fn page(Extract(state): Extract<Shared>, Query(wanted): Query<Wanted>) -> Response {
    let Some(entry) = state.store.get(&wanted.r) else {
        return problem_page(&state, Tab::Versions, &Problem::Forgotten);
    };
    let Entry::Versions { a, b } = &*entry else {
        return problem_page(&state, Tab::Versions, &Problem::Forgotten);
    };
    let job = Arc::clone(&entry);
    let result = budgeted(&state, move || match &*job {
        Entry::Versions { a, b } => work::versions(a, b, Download::Html),
        _ => Err("this upload is not two language versions".to_owned()),
    })
    .await;
    let page = match result {
        Ok(Ok(page)) => page,
        Ok(Err(message)) => return problem_page(&state, Tab::Versions, &Problem::Input(message)),
        Err(problem) => return problem_page(&state, Tab::Versions, &problem),
    };
    let token = &state.token;
    let download = |format: &str, words: &'static str| Link {
        href: format!("/download?t={token}&r={}&as={format}", wanted.r),
        words,
    };
    report(pages::with_toolbar(
        &page,
        Link {
            href: format!("/versions?t={token}"),
            words: "Compare other versions",
        },
        &read_lines(&[a, b]),
        &[],
        &[
            download("txt", "text"),
            download("json", "JSON"),
            download("html", "this page (HTML)"),
        ],
    ))
}

/// The comparison in `format`, as `pakta parallel --format text|json|html` writes it: (bytes, file name).
pub fn download(a: &Doc, b: &Doc, format: Download) -> Result<(Vec<u8>, String), String> {
    let text = work::versions(a, b, format)?;
    Ok((
        text.into_bytes(),
        format!("versions.{}", format.extension()),
    ))
}
