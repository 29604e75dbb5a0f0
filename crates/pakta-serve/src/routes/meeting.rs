//! Meeting mode: the page that follows two watched files, the last good redline for its frame, and the
//! server-sent events that tell the page a new one was made.

use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::State as Extract;
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt as _;

use super::{Problem, Shared, html, not_found, own, problem_page, report};
use crate::meeting::Meeting;
use crate::pages::{self, Tab};

pub async fn page(Extract(state): Extract<Shared>) -> Response {
    let Some(meeting) = &state.meeting else {
        return problem_page(
            &state,
            Tab::Compare,
            &Problem::Input(
                "Meeting mode needs the two files to watch: start it with pakta serve --watch OLD NEW."
                    .to_owned(),
            ),
        );
    };
    let shown = meeting.shown();
    own(
        StatusCode::OK,
        pages::meeting(
            &state.token,
            &Meeting::name(&meeting.old),
            &Meeting::name(&meeting.new),
            shown.good,
            shown.notice.as_deref(),
        ),
    )
}

/// The last good redline of the watched files, or a page saying why there is none yet.
pub async fn redline(Extract(state): Extract<Shared>) -> Response {
    let Some(meeting) = &state.meeting else {
        return not_found().await;
    };
    let shown = meeting.shown();
    match shown.page {
        Some(page) => report((*page).clone()),
        None => html(
            StatusCode::OK,
            pages::message(
                None,
                "No redline yet",
                shown
                    .notice
                    .as_deref()
                    .unwrap_or("The drafts have not been read yet."),
            ),
        ),
    }
}

/// Server-sent events: what the meeting page shows, now and after every change.
pub async fn events(Extract(state): Extract<Shared>) -> Response {
    let Some(meeting) = state.meeting.clone() else {
        return not_found().await;
    };
    let receiver = meeting.subscribe();
    let first = futures_util::stream::once({
        let meeting = Arc::clone(&meeting);
        async move { event(&meeting) }
    });
    let changes =
        futures_util::stream::unfold((receiver, meeting), |(mut receiver, meeting)| async move {
            receiver.changed().await.ok()?;
            let event = event(&meeting);
            Some((event, (receiver, meeting)))
        });
    Sse::new(first.chain(changes))
        .keep_alive(KeepAlive::default())
        .into_response()
}

fn event(meeting: &Meeting) -> Result<Event, Infallible> {
    let shown = meeting.shown();
    let data = serde_json::json!({
        "good": shown.good,
        "good_at": shown.good_at,
        "notice": shown.notice,
    });
    Ok(Event::default().data(data.to_string()))
}
