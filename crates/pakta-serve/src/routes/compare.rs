//! The Compare page: two drafts uploaded, then their redline (a `pakta-html` report) with the ignore
//! switches and the downloads `pakta diff` writes.

use std::sync::Arc;

use axum::extract::{Query, Request, State as Extract};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::{
    Problem, Shared, Wanted, budgeted, file, multipart, own, problem_page, read_lines, report,
    text_field,
};
use crate::pages::{self, Link, Tab};
use crate::store::Entry;
use crate::work::{self, Download, Ignore};

pub async fn form(Extract(state): Extract<Shared>) -> Response {
    own(
        StatusCode::OK,
        pages::compare_form(&state.token, state.meeting.is_some(), None),
    )
}

pub async fn upload(Extract(state): Extract<Shared>, request: Request) -> Response {
    match upload_inner(&state, request).await {
        Ok(location) => Redirect::to(&location).into_response(),
        Err(problem) => problem_page(&state, Tab::Compare, &problem),
    }
}

async fn upload_inner(state: &Shared, request: Request) -> Result<String, Problem> {
    let fields = multipart(request).await?;
    let old = file(&fields, "old", "the earlier draft")?;
    let new = file(&fields, "new", "the later draft")?;
    let ignore = Ignore::from_letters(&text_field(&fields, "i").concat());
    let pdf_text = Arc::clone(&state.pdf_text);
    let (old, new) = budgeted(state, move || {
        let old = work::read(&old.0, old.1, &pdf_text)?;
        let new = work::read(&new.0, new.1, &pdf_text)?;
        Ok::<_, String>((old, new))
    })
    .await?
    .map_err(Problem::Input)?;
    let id = state
        .store
        .put(Entry::Pair { old, new })
        .map_err(|e| Problem::Internal(e.to_string()))?;
    Ok(redline_href(&state.token, &id, ignore))
}

fn redline_href(token: &str, id: &str, ignore: Ignore) -> String {
    format!("/redline?t={token}&r={id}&i={}", ignore.letters())
}

pub async fn page(Extract(state): Extract<Shared>, Query(wanted): Query<Wanted>) -> Response {
    let Some(entry) = state.store.get(&wanted.r) else {
        return problem_page(&state, Tab::Compare, &Problem::Forgotten);
    };
    let ignore = Ignore::from_letters(&wanted.i);
    let work_entry = Arc::clone(&entry);
    let result = budgeted(&state, move || match &*work_entry {
        Entry::Pair { old, new } => work::redline(old, new, ignore, Download::Html),
        _ => Err("this upload is not two drafts".to_owned()),
    })
    .await;
    let page = match result {
        Ok(Ok(page)) => String::from_utf8_lossy(&page).into_owned(),
        Ok(Err(message)) => return problem_page(&state, Tab::Compare, &Problem::Input(message)),
        Err(problem) => return problem_page(&state, Tab::Compare, &problem),
    };
    let Entry::Pair { old, new } = &*entry else {
        return problem_page(&state, Tab::Compare, &Problem::Forgotten);
    };
    let token = &state.token;
    let switches: Vec<(bool, Link)> = Ignore::OPTIONS
        .iter()
        .map(|(letter, words)| {
            (
                ignore.has(*letter),
                Link {
                    href: redline_href(token, &wanted.r, ignore.toggled(*letter)),
                    words,
                },
            )
        })
        .collect();
    let download = |format: &str, words: &'static str| Link {
        href: format!(
            "/download?t={token}&r={}&i={}&as={format}",
            wanted.r,
            ignore.letters()
        ),
        words,
    };
    let downloads = [
        download("docx", "Word (.docx, tracked changes)"),
        download("md", "Markdown (CriticMarkup)"),
        download("json", "JSON"),
        download("html", "this page (HTML)"),
    ];
    report(pages::with_toolbar(
        &page,
        Link {
            href: format!("/?t={token}"),
            words: "Compare other drafts",
        },
        &read_lines(&[old, new]),
        &switches,
        &downloads,
    ))
}

/// A download of the redline in `format`, as `pakta diff --format …` writes it: (bytes, file name).
pub fn download(
    entry: &Entry,
    ignore: Ignore,
    format: Download,
) -> Result<(Vec<u8>, String), String> {
    match entry {
        Entry::Pair { old, new } => work::redline(old, new, ignore, format)
            .map(|bytes| (bytes, format!("redline.{}", format.extension()))),
        _ => Err("this upload is not two drafts".to_owned()),
    }
}
