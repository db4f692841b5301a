//! The workbench's side of the server (`unioncal start`): its own pages (the workbench,
//! its status, the ping a second start asks) and the actions, each guarded by the per-run
//! token, the page's Origin and a loopback Host, one at a time, with a bounded body.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, HeaderValue, Method, Request, Response, StatusCode};
use http_body_util::BodyExt;

use super::{status, State};

/// Runs a workbench action (`build`, `fix`, `import`, `open`, `edit`) with the request's
/// body: the status and the JSON answer.
pub type Action = Arc<dyn Fn(&str, &[u8]) -> (u16, String) + Send + Sync>;

/// What the workbench can do, and the secret that lets a page ask for it.
pub struct Workbench {
    /// The per-run token: query `token=` or header `X-Unioncal-Token`.
    pub token: String,
    /// What `/__unioncal/ping` answers a holder of the token: a second start believes
    /// this one only when it gets back the proof it read in the folder's state file.
    pub proof: String,
    /// The workbench page.
    pub page: String,
    /// Runs an action (`build`, `fix`, `import`, `open`, `edit`) with the request's body:
    /// the status and the JSON answer.
    pub run: Action,
    /// One action at a time: a second waits for the first.
    busy: Arc<tokio::sync::Mutex<()>>,
}

impl Workbench {
    /// A workbench with `token`, the `proof` its ping gives, its `page`, and `run` doing the actions.
    #[must_use]
    pub fn new(token: String, proof: String, page: String, run: Action) -> Self {
        Self { token, proof, page, run, busy: Arc::new(tokio::sync::Mutex::new(())) }
    }
}

/// The actions a workbench answers.
pub(super) const ACTIONS: [&str; 11] = [
    "build",
    "fix",
    "import",
    "open",
    "edit",
    "plan",
    "plan-save",
    "preview-event",
    "save-event",
    "delete-event",
    "stop",
];
/// Where actions are asked for.
pub(crate) const ACTION_PATH: &str = "/__unioncal/action/";
/// The largest body an action takes (a plan's Word document): 16 MiB.
pub(super) const MAX_BODY: usize = 16 << 20;

/// Whether `a` and `b` are equal, in time that does not depend on where they differ.
pub(super) fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The token a request carries, in its query or its header.
pub(super) fn token_of(request: &Request<hyper::body::Incoming>) -> Option<String> {
    let from_header =
        request.headers().get("x-unioncal-token").and_then(|v| v.to_str().ok()).map(str::to_string);
    from_header.or_else(|| {
        request.uri().query().and_then(|q| {
            q.split('&').find_map(|pair| pair.strip_prefix("token=").map(str::to_string))
        })
    })
}

pub(super) fn json_response(code: u16, body: String) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = StatusCode::from_u16(code).unwrap_or(StatusCode::OK);
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// An action: only with the token, from the page's own origin (the Host was checked);
/// one at a time; the body at most 1 MiB. Anything else is 403 and nothing is done.
pub(super) async fn action(
    state: &Arc<State>,
    request: Request<hyper::body::Incoming>,
) -> Response<Body> {
    let Some(workbench) = &state.workbench else { return status(StatusCode::FORBIDDEN) };
    let name = request.uri().path().trim_start_matches(ACTION_PATH).to_string();
    let token_ok = token_of(&request).is_some_and(|t| same_secret(&t, &workbench.token));
    let host = request.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    let origin = request.headers().get(header::ORIGIN).and_then(|h| h.to_str().ok());
    let origin_ok = origin.is_some_and(|o| o.eq_ignore_ascii_case(&format!("http://{host}")));
    if !token_ok || !origin_ok || request.method() != Method::POST {
        return status(StatusCode::FORBIDDEN);
    }
    if !ACTIONS.contains(&name.as_str()) {
        return status(StatusCode::NOT_FOUND);
    }
    let body = match http_body_util::Limited::new(request.into_body(), MAX_BODY).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return status(StatusCode::PAYLOAD_TOO_LARGE),
    };
    let _one_at_a_time = workbench.busy.lock().await;
    // 退出: answered first, then the server stops (no console window to close from a menu).
    if name == "stop" {
        let state = state.clone();
        tokio::spawn(async move {
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            state.stop();
        });
        return json_response(200, "{\"ok\": true}".to_string());
    }
    let run = workbench.run.clone();
    match tokio::task::spawn_blocking(move || run(&name, &body)).await {
        Ok((code, json)) => json_response(code, json),
        Err(_) => status(StatusCode::INTERNAL_SERVER_ERROR),
    }
}

/// The workbench's own pages, with the token: `/?token=…` (the workbench around the
/// preview), `/__unioncal/status` (the last build's errors and warnings),
/// `/__unioncal/activities` (the list the form edits, read through the `activities`
/// action's runner) and `/__unioncal/ping` (for a second start to find this one).
pub(super) async fn workbench_page(
    state: &Arc<State>,
    request: &Request<hyper::body::Incoming>,
) -> Option<Response<Body>> {
    let workbench = state.workbench.as_ref()?;
    let path = request.uri().path();
    if request.method() != Method::GET
        || !matches!(
            path,
            "/" | "/__unioncal/status" | "/__unioncal/ping" | "/__unioncal/activities"
        )
    {
        return None;
    }
    let token = token_of(request)?;
    if !same_secret(&token, &workbench.token) {
        return Some(status(StatusCode::FORBIDDEN));
    }
    Some(match path {
        "/__unioncal/status" => {
            let report = state.report.read().map(|r| r.clone()).unwrap_or_default();
            json_response(200, report)
        }
        "/__unioncal/activities" => {
            // Reading and scheduling the calendar: off the server's threads.
            let run = workbench.run.clone();
            match tokio::task::spawn_blocking(move || run("activities", b"")).await {
                Ok((code, json)) => json_response(code, json),
                Err(_) => status(StatusCode::INTERNAL_SERVER_ERROR),
            }
        }
        "/__unioncal/ping" => json_response(
            200,
            serde_json::json!({"unioncal": true, "proof": workbench.proof}).to_string(),
        ),
        _ => {
            let mut response = Response::new(Body::from(workbench.page.clone()));
            let h = response.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            h.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
            response
        }
    })
}
