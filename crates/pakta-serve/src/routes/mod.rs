//! The routes: the token guard in front of everything, then one module per page (its form, upload, report
//! and downloads), and what they share: the problem pages, the time budget, the multipart reader and the
//! one download route. No route takes a path parameter; what a request names (an upload, an option) is in
//! its query string, looked up in memory.

mod check;
mod compare;
mod draft;
mod meeting;
mod versions;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Query, Request, State as Extract};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::StreamExt as _;
use serde::Deserialize;
use tokio::time::Instant;

use crate::meeting::Meeting;
use crate::pages::{self, Tab};
use crate::store::{Doc, Entry, Store};
use crate::work::{self, Download, Ignore, Standards};
use crate::{Config, MAX_UPLOAD, PdfText};

/// What every request can reach.
pub struct State {
    token: String,
    pdf_text: PdfText,
    standards: Standards,
    store: Store,
    meeting: Option<Arc<Meeting>>,
    /// One analysis per core at a time; the others wait their turn (within the time budget).
    permits: Arc<tokio::sync::Semaphore>,
    /// The most one request may take ([`crate::TIME_BUDGET`] unless configured otherwise).
    budget: Duration,
}

impl State {
    pub fn new(config: Config, token: String) -> anyhow::Result<State> {
        let meeting = config
            .watch
            .map(|(old, new)| Meeting::start(old, new, Arc::clone(&config.pdf_text)));
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Ok(State {
            token,
            pdf_text: config.pdf_text,
            standards: Standards::embedded()?,
            store: Store::default(),
            meeting,
            permits: Arc::new(tokio::sync::Semaphore::new(cores)),
            budget: config.budget,
        })
    }

    fn profiles(&self) -> Vec<(String, String)> {
        self.standards
            .catalogue
            .profiles
            .iter()
            .map(|(name, p)| (name.clone(), p.description.clone()))
            .collect()
    }
}

type Shared = Arc<State>;

pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/", get(compare::form))
        .route("/compare", get(compare::form).post(compare::upload))
        .route("/redline", get(compare::page))
        .route("/check", get(check::form).post(check::upload))
        .route("/coverage", get(check::page))
        .route("/against", get(check::against_page))
        .route("/draft", get(draft::form).post(draft::submit))
        .route("/drafted", get(draft::page))
        .route("/versions", get(versions::form).post(versions::upload))
        .route("/parallel", get(versions::page))
        .route("/download", get(download))
        .route("/meeting", get(meeting::page))
        .route("/meeting/redline", get(meeting::redline))
        .route("/events", get(meeting::events))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(Arc::clone(&state), guard))
        .with_state(state)
}

/// Refuses every request without the token (before any other work), and adds the headers every
/// response carries: no caching, no referrer (the URL holds the token), no sniffing, no framing by others.
async fn guard(Extract(state): Extract<Shared>, request: Request, next: Next) -> Response {
    let given = request
        .uri()
        .query()
        .unwrap_or("")
        .split('&')
        .find_map(|pair| pair.strip_prefix("t="));
    let mut response = if given.is_some_and(|t| same(t.as_bytes(), state.token.as_bytes())) {
        next.run(request).await
    } else {
        html(
            StatusCode::FORBIDDEN,
            pages::message(
                None,
                "This address needs its key",
                "Open the whole address pakta serve printed when it started (it ends in ?t= and a key). \
                 The key keeps other programs and web pages on this computer out.",
            ),
        )
    };
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CACHE_CONTROL, "no-store"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "SAMEORIGIN"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// Compares in time independent of where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn html(status: StatusCode, page: String) -> Response {
    let mut response = (status, page).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// A `pakta-html` report: its own policy (from its meta element) sent as a header too, with framing
/// allowed to the workbench alone (the meeting page's frame).
fn report(page: String) -> Response {
    let policy = page
        .split("http-equiv=\"Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|policy| {
            HeaderValue::from_str(&format!("{policy}; frame-ancestors 'self'")).ok()
        });
    let mut response = html(StatusCode::OK, page);
    if let Some(policy) = policy {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// A workbench page of our own, with its policy as a header too.
fn own(status: StatusCode, page: String) -> Response {
    let mut response = html(status, page);
    if let Ok(policy) = HeaderValue::from_str(pages::policy()) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// Why a request did not give what it asked for; each is a page with one line saying so.
#[derive(Debug)]
enum Problem {
    /// pakta's own message about an input (binary, broken .docx, empty, …) or a missing field.
    Input(String),
    TooLarge(u64),
    /// Over the time budget (how long that was).
    TooSlow(Duration),
    /// The upload a link names is no longer in memory.
    Forgotten,
    Internal(String),
}

impl Problem {
    fn status(&self) -> StatusCode {
        match self {
            Problem::Input(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Problem::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Problem::TooSlow(_) => StatusCode::SERVICE_UNAVAILABLE,
            Problem::Forgotten => StatusCode::NOT_FOUND,
            Problem::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn words(&self) -> String {
        match self {
            Problem::Input(message) => message.clone(),
            Problem::TooLarge(bytes) => format!(
                "The upload is too large ({:.1} MB): pakta serve reads at most {} MB at a time. \
                 Save a smaller file (without embedded pictures, say) and try again.",
                *bytes as f64 / 1_048_576.0,
                MAX_UPLOAD / 1_048_576
            ),
            Problem::TooSlow(budget) => format!(
                "This took longer than {} seconds, pakta serve's limit for one request, and was stopped. \
                 Try again when other requests have finished, or use the pakta command.",
                budget.as_secs_f64()
            ),
            Problem::Forgotten => "This result is no longer in memory (pakta serve keeps the last \
                 few uploads only, and none after a restart). Choose the files again."
                .to_owned(),
            Problem::Internal(message) => {
                format!("pakta could not finish this request: {message}. Please report it.")
            }
        }
    }
}

/// The form the problem belongs to, shown again with the problem above it.
fn problem_page(state: &State, tab: Tab, problem: &Problem) -> Response {
    let words = problem.words();
    let meeting = state.meeting.is_some();
    let page = match tab {
        Tab::Check => pages::check_form(&state.token, meeting, &state.profiles(), Some(&words)),
        Tab::Draft => draft::form_html(state, &draft::defaults(), None, Some(&words)),
        Tab::Versions => pages::versions_form(&state.token, meeting, Some(&words)),
        Tab::Compare | Tab::Meeting => pages::compare_form(&state.token, meeting, Some(&words)),
    };
    own(problem.status(), page)
}

/// Runs `work` on the blocking pool, one per core at a time, within the time budget (waiting included).
async fn budgeted<T: Send + 'static>(
    state: &State,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Problem> {
    let deadline = Instant::now() + state.budget;
    let permit = tokio::time::timeout_at(deadline, Arc::clone(&state.permits).acquire_owned())
        .await
        .map_err(|_| Problem::TooSlow(state.budget))?
        .map_err(|e| Problem::Internal(e.to_string()))?;
    // Work that would start after its deadline (a long wait for a turn) is not started at all.
    if Instant::now() >= deadline {
        return Err(Problem::TooSlow(state.budget));
    }
    let task = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        work()
    });
    match tokio::time::timeout_at(deadline, task).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(join)) => Err(Problem::Internal(if join.is_panic() {
            "an internal error (a panic)".to_owned()
        } else {
            join.to_string()
        })),
        Err(_) => Err(Problem::TooSlow(state.budget)),
    }
}

/// The fields of a multipart upload, read whole into memory (never to disk): `(field, file name, bytes)`.
async fn multipart(request: Request) -> Result<Vec<(String, Option<String>, Bytes)>, Problem> {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let (parts, body) = request.into_parts();
    if let Some(length) = declared
        && length > MAX_UPLOAD as u64
    {
        // Read (and drop) what the browser is sending, so it sees the answer rather than a reset.
        let mut stream = body.into_data_stream();
        let deadline = Instant::now() + crate::TIME_BUDGET;
        let mut read = 0u64;
        while let Ok(Some(Ok(chunk))) = tokio::time::timeout_at(deadline, stream.next()).await {
            read += chunk.len() as u64;
            if read > 4 * MAX_UPLOAD as u64 {
                break;
            }
        }
        return Err(Problem::TooLarge(length));
    }
    let bytes = axum::body::to_bytes(body, MAX_UPLOAD)
        .await
        .map_err(|_| Problem::TooLarge(declared.unwrap_or(MAX_UPLOAD as u64 + 1)))?;
    let request = Request::from_parts(parts, Body::from(bytes));
    let mut multipart = axum::extract::Multipart::from_request(request, &())
        .await
        .map_err(|e| {
            Problem::Input(format!(
                "the upload was not a form with files: {}",
                e.body_text()
            ))
        })?;
    let mut fields = Vec::new();
    loop {
        let field = multipart.next_field().await.map_err(|e| {
            Problem::Input(format!(
                "the upload was cut short or malformed: {}",
                e.body_text()
            ))
        })?;
        let Some(field) = field else { break };
        let name = field.name().unwrap_or("").to_owned();
        let file_name = field.file_name().map(str::to_owned);
        let data = field.bytes().await.map_err(|e| {
            Problem::Input(format!(
                "the upload was cut short or malformed: {}",
                e.body_text()
            ))
        })?;
        fields.push((name, file_name, data));
    }
    Ok(fields)
}

/// The file sent in `field`, or a message asking for it in `words`.
fn file(
    fields: &[(String, Option<String>, Bytes)],
    field: &str,
    words: &str,
) -> Result<(String, Vec<u8>), Problem> {
    fields
        .iter()
        .find(|(name, file_name, _)| {
            name == field && file_name.as_deref().is_some_and(|n| !n.is_empty())
        })
        .map(|(_, file_name, data)| {
            (
                work::file_name(file_name.as_deref().unwrap_or("")),
                data.to_vec(),
            )
        })
        .ok_or_else(|| Problem::Input(format!("Choose {words}.")))
}

fn text_field(fields: &[(String, Option<String>, Bytes)], field: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(name, file_name, _)| name == field && file_name.is_none())
        .map(|(_, _, data)| String::from_utf8_lossy(data).into_owned())
        .collect()
}

#[derive(Debug, Clone, Deserialize)]
struct Wanted {
    #[serde(default)]
    r: String,
    #[serde(default)]
    i: String,
    #[serde(default)]
    p: String,
    #[serde(default, rename = "as")]
    format: String,
    /// A draft's language (`en`, `id`).
    #[serde(default)]
    l: String,
}

fn read_lines(docs: &[&Doc]) -> Vec<String> {
    docs.iter()
        .map(|d| match &d.summary {
            Some(summary) => format!("{}: {summary}", d.name),
            None => format!("{}: Markdown", d.name),
        })
        .collect()
}

/// Any download: the result an upload names, in the format asked for, as the command line writes it.
async fn download(Extract(state): Extract<Shared>, Query(wanted): Query<Wanted>) -> Response {
    let Some(entry) = state.store.get(&wanted.r) else {
        return problem_page(&state, Tab::Compare, &Problem::Forgotten);
    };
    let tab = match &*entry {
        Entry::Pair { .. } => Tab::Compare,
        Entry::One(_) | Entry::Against { .. } => Tab::Check,
        Entry::Versions { .. } => Tab::Versions,
        Entry::Draft(_) => Tab::Draft,
    };
    let Some(format) = Download::from_query(&wanted.format) else {
        return problem_page(
            &state,
            tab,
            &Problem::Input(format!("no download in the format `{}`", wanted.format)),
        );
    };
    let worker = Arc::clone(&state);
    let result = budgeted(&state, move || match &*entry {
        Entry::Pair { .. } => compare::download(&entry, Ignore::from_letters(&wanted.i), format),
        Entry::One(doc) => check::download(
            &worker.standards,
            doc,
            &check::profile_token(&wanted.p),
            format,
        ),
        Entry::Against { old, new } => check::against_download(
            &worker.standards,
            old,
            new,
            &check::profile_token(&wanted.p),
            format,
        ),
        Entry::Versions { a, b } => versions::download(a, b, format),
        Entry::Draft(drafted) => {
            crate::drafting::download(&worker.standards, drafted, &wanted.l, format)
        }
    })
    .await;
    let (bytes, name) = match result {
        Ok(Ok(file)) => file,
        Ok(Err(message)) => return problem_page(&state, tab, &Problem::Input(message)),
        Err(problem) => return problem_page(&state, tab, &problem),
    };
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

async fn not_found() -> Response {
    html(
        StatusCode::NOT_FOUND,
        pages::message(
            None,
            "No such page",
            "The workbench has no page at this address.",
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_comparison() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"abcd"));
    }

    #[test]
    fn profile_names_cannot_carry_markup_or_parameters() {
        assert_eq!(
            check::profile_token("bla-core&t=x<script>"),
            "bla-coretxscript"
        );
    }
}
