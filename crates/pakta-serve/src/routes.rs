//! The routes: the token guard in front of everything, then the forms, uploads, reports, downloads and
//! the meeting page. No route takes a path parameter; what a request names (an upload, an option) is in
//! its query string, looked up in memory.

use std::convert::Infallible;
use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Query, Request, State as Extract};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use futures_util::StreamExt as _;
use serde::Deserialize;
use tokio::time::Instant;

use crate::meeting::Meeting;
use crate::pages::{self, Link, Tab};
use crate::store::{Doc, Entry, Store};
use crate::work::{self, Download, Ignore, Standards};
use crate::{Config, MAX_UPLOAD, PdfText, TIME_BUDGET};

/// What every request can reach.
pub struct State {
    token: String,
    pdf_text: PdfText,
    standards: Standards,
    store: Store,
    meeting: Option<Arc<Meeting>>,
    /// One analysis per core at a time; the others wait their turn (within the time budget).
    permits: Arc<tokio::sync::Semaphore>,
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
        .route("/", get(compare_form))
        .route("/compare", get(compare_form).post(compare_upload))
        .route("/redline", get(redline_page))
        .route("/check", get(check_form).post(check_upload))
        .route("/coverage", get(coverage_page))
        .route("/download", get(download))
        .route("/meeting", get(meeting_page))
        .route("/meeting/redline", get(meeting_redline))
        .route("/events", get(events))
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
    TooSlow,
    /// The upload a link names is no longer in memory.
    Forgotten,
    Internal(String),
}

impl Problem {
    fn status(&self) -> StatusCode {
        match self {
            Problem::Input(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Problem::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Problem::TooSlow => StatusCode::SERVICE_UNAVAILABLE,
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
            Problem::TooSlow => format!(
                "This took longer than {} seconds, pakta serve's limit for one request, and was stopped. \
                 Try again when other comparisons have finished, or use the pakta command.",
                TIME_BUDGET.as_secs()
            ),
            Problem::Forgotten => {
                "This comparison is no longer in memory (pakta serve keeps the last \
                 few uploads only, and none after a restart). Choose the files again."
                    .to_owned()
            }
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
        Tab::Compare | Tab::Meeting => pages::compare_form(&state.token, meeting, Some(&words)),
    };
    own(problem.status(), page)
}

/// Runs `work` on the blocking pool, one per core at a time, within the time budget (waiting included).
async fn budgeted<T: Send + 'static>(
    state: &State,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Problem> {
    let deadline = Instant::now() + TIME_BUDGET;
    let permit = tokio::time::timeout_at(deadline, Arc::clone(&state.permits).acquire_owned())
        .await
        .map_err(|_| Problem::TooSlow)?
        .map_err(|e| Problem::Internal(e.to_string()))?;
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
        Err(_) => Err(Problem::TooSlow),
    }
}

/// The fields of a multipart upload, read whole into memory (never to disk): `(field, file name, bytes)`.
async fn upload(request: Request) -> Result<Vec<(String, Option<String>, Bytes)>, Problem> {
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
        let deadline = Instant::now() + TIME_BUDGET;
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

async fn compare_form(Extract(state): Extract<Shared>) -> Response {
    own(
        StatusCode::OK,
        pages::compare_form(&state.token, state.meeting.is_some(), None),
    )
}

async fn compare_upload(Extract(state): Extract<Shared>, request: Request) -> Response {
    match compare_upload_inner(&state, request).await {
        Ok(location) => Redirect::to(&location).into_response(),
        Err(problem) => problem_page(&state, Tab::Compare, &problem),
    }
}

async fn compare_upload_inner(state: &Shared, request: Request) -> Result<String, Problem> {
    let fields = upload(request).await?;
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

#[derive(Debug, Deserialize)]
struct Wanted {
    #[serde(default)]
    r: String,
    #[serde(default)]
    i: String,
    #[serde(default)]
    p: String,
    #[serde(default, rename = "as")]
    format: String,
}

fn read_lines(docs: &[&Doc]) -> Vec<String> {
    docs.iter()
        .map(|d| match &d.summary {
            Some(summary) => format!("{}: {summary}", d.name),
            None => format!("{}: Markdown", d.name),
        })
        .collect()
}

async fn redline_page(Extract(state): Extract<Shared>, Query(wanted): Query<Wanted>) -> Response {
    let Some(entry) = state.store.get(&wanted.r) else {
        return problem_page(&state, Tab::Compare, &Problem::Forgotten);
    };
    let ignore = Ignore::from_letters(&wanted.i);
    let work_entry = Arc::clone(&entry);
    let result = budgeted(&state, move || match &*work_entry {
        Entry::Pair { old, new } => work::redline(old, new, ignore, Download::Html),
        Entry::One(_) => Err("this upload is one agreement, not two drafts".to_owned()),
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

async fn check_form(Extract(state): Extract<Shared>) -> Response {
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

async fn check_upload(Extract(state): Extract<Shared>, request: Request) -> Response {
    match check_upload_inner(&state, request).await {
        Ok(location) => Redirect::to(&location).into_response(),
        Err(problem) => problem_page(&state, Tab::Check, &problem),
    }
}

async fn check_upload_inner(state: &Shared, request: Request) -> Result<String, Problem> {
    let fields = upload(request).await?;
    let (name, bytes) = file(&fields, "file", "the agreement")?;
    let profile = text_field(&fields, "profile")
        .pop()
        .unwrap_or_else(|| "bla-core".to_owned());
    if state.standards.catalogue.profile(&profile).is_none() {
        return Err(Problem::Input(format!("unknown profile `{profile}`")));
    }
    let pdf_text = Arc::clone(&state.pdf_text);
    let doc = budgeted(state, move || work::read(&name, bytes, &pdf_text))
        .await?
        .map_err(Problem::Input)?;
    let id = state
        .store
        .put(Entry::One(doc))
        .map_err(|e| Problem::Internal(e.to_string()))?;
    Ok(format!(
        "/coverage?t={}&r={id}&p={}",
        state.token,
        profile_token(&profile)
    ))
}

/// A profile name as it may stand in a URL (catalogue names are `[a-z0-9-]`; anything else is dropped).
fn profile_token(profile: &str) -> String {
    profile
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

async fn coverage_page(Extract(state): Extract<Shared>, Query(wanted): Query<Wanted>) -> Response {
    let Some(entry) = state.store.get(&wanted.r) else {
        return problem_page(&state, Tab::Check, &Problem::Forgotten);
    };
    let Entry::One(doc) = &*entry else {
        return problem_page(&state, Tab::Check, &Problem::Forgotten);
    };
    let profile = profile_token(&wanted.p);
    let page = match coverage(&state, &entry, &profile, Download::Html).await {
        Ok(page) => page,
        Err(problem) => return problem_page(&state, Tab::Check, &problem),
    };
    let token = &state.token;
    let download = |format: &str, words: &'static str| Link {
        href: format!("/download?t={token}&r={}&p={profile}&as={format}", wanted.r),
        words,
    };
    report(pages::with_toolbar(
        &page,
        Link {
            href: format!("/check?t={token}"),
            words: "Check another agreement",
        },
        &read_lines(&[doc]),
        &[],
        &[
            download("md", "Markdown"),
            download("json", "JSON"),
            download("html", "this page (HTML)"),
        ],
    ))
}

async fn coverage(
    state: &Shared,
    entry: &Arc<Entry>,
    profile: &str,
    format: Download,
) -> Result<String, Problem> {
    let (worker, entry, profile) = (Arc::clone(state), Arc::clone(entry), profile.to_owned());
    budgeted(state, move || match &*entry {
        Entry::One(doc) => worker.standards.coverage(doc, &profile, format),
        Entry::Pair { .. } => Err("this upload is two drafts, not one agreement".to_owned()),
    })
    .await?
    .map_err(Problem::Input)
}

async fn download(Extract(state): Extract<Shared>, Query(wanted): Query<Wanted>) -> Response {
    let Some(entry) = state.store.get(&wanted.r) else {
        return problem_page(&state, Tab::Compare, &Problem::Forgotten);
    };
    let Some(format) = Download::from_query(&wanted.format) else {
        return problem_page(
            &state,
            Tab::Compare,
            &Problem::Input(format!("no download in the format `{}`", wanted.format)),
        );
    };
    let (bytes, stem) = match &*entry {
        Entry::Pair { .. } => {
            let ignore = Ignore::from_letters(&wanted.i);
            let worker = Arc::clone(&entry);
            let result = budgeted(&state, move || match &*worker {
                Entry::Pair { old, new } => work::redline(old, new, ignore, format),
                Entry::One(_) => Err(String::new()),
            })
            .await;
            match result {
                Ok(Ok(bytes)) => (bytes, "redline"),
                Ok(Err(message)) => {
                    return problem_page(&state, Tab::Compare, &Problem::Input(message));
                }
                Err(problem) => return problem_page(&state, Tab::Compare, &problem),
            }
        }
        Entry::One(_) => {
            if format == Download::Docx {
                return problem_page(
                    &state,
                    Tab::Check,
                    &Problem::Input("the coverage report has no Word version".to_owned()),
                );
            }
            match coverage(&state, &entry, &profile_token(&wanted.p), format).await {
                Ok(text) => (text.into_bytes(), "coverage"),
                Err(problem) => return problem_page(&state, Tab::Check, &problem),
            }
        }
    };
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{stem}.{}\"",
        format.extension()
    )) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

async fn meeting_page(Extract(state): Extract<Shared>) -> Response {
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
async fn meeting_redline(Extract(state): Extract<Shared>) -> Response {
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
async fn events(Extract(state): Extract<Shared>) -> Response {
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
        assert_eq!(profile_token("bla-core&t=x<script>"), "bla-coretxscript");
    }
}
