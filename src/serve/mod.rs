//! `unioncal serve`: what `build` produces, served from memory — a preview that reloads
//! itself while the officer edits the calendar, and a feed host for an office PC or a
//! small intranet server.
//!
//! Nothing a request names reaches the file system: a request is answered from the map
//! of built outputs or gets 404/400. Feeds carry `ETag` and `Last-Modified` (kept while a
//! file's bytes do not change, so phones do not re-download an unchanged feed) and answer
//! conditional requests with 304. A rebuild that fails keeps the last good outputs; open
//! pages show the error instead.

use std::collections::HashMap;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, Response, StatusCode};
use tokio::sync::broadcast;

mod workbench;

pub(crate) use workbench::ACTION_PATH;
use workbench::{action, workbench_page};
pub use workbench::{Action, Workbench};

/// The longest request path accepted.
const MAX_PATH: usize = 1024;
/// The most connections served at once; past it, the oldest connection is closed to make
/// room, so an ordinary request always gets through.
const MAX_CONNECTIONS: usize = 512;
/// The most live-reload streams open at once (one per open page); past it, 503.
const MAX_STREAMS: usize = 64;
/// How long a live-reload stream stays open before the page reconnects.
const STREAM_LIFETIME: Duration = Duration::from_secs(30 * 60);
/// How often a live-reload stream says it is alive (a page that is gone is then noticed).
const HEARTBEAT: Duration = Duration::from_secs(20);
/// How long a client may take to send its request headers.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest request head accepted, in bytes.
const MAX_HEAD: usize = 16 * 1024;
/// Where open pages listen for rebuilds (server-sent events).
pub(crate) const EVENTS_PATH: &str = "/__unioncal/events";

/// One built file, ready to send.
#[derive(Debug, Clone)]
struct Entry {
    body: Bytes,
    etag: HeaderValue,
    modified: SystemTime,
    last_modified: HeaderValue,
    content_type: &'static str,
}

impl Entry {
    /// `body` as a file changed at `modified`.
    fn new(body: Vec<u8>, modified: SystemTime, content_type: &'static str) -> Self {
        Self {
            etag: etag(&body),
            body: Bytes::from(body),
            modified,
            last_modified: HeaderValue::from_str(&httpdate::fmt_http_date(modified))
                .unwrap_or(HeaderValue::from_static("")),
            content_type,
        }
    }
}

/// The outputs being served, and the last build's error, if it failed.
#[derive(Debug, Default)]
pub struct Site {
    files: HashMap<String, Entry>,
    /// The HTML pages as built, before the reload script and any error are put in.
    pages: HashMap<String, Vec<u8>>,
    error: Option<String>,
}

/// The media type of an output file.
#[must_use]
pub(crate) fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map_or("", |(_, ext)| ext) {
        "ics" => "text/calendar; charset=utf-8",
        "html" => "text/html; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "json" => "application/json",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "png" => "image/png",
        "pdf" => "application/pdf",
        "css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A strong ETag of `bytes` (FNV-1a, 64 bits: a file's identity, not a secret).
fn etag(bytes: &[u8]) -> HeaderValue {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    HeaderValue::from_str(&format!("\"{hash:016x}-{:x}\"", bytes.len()))
        .unwrap_or(HeaderValue::from_static("\"0\""))
}

/// The script and banner put into served pages (never into built files): reload on every
/// rebuild, and show a failed build's error.
fn live_page(page: &[u8], error: Option<&str>) -> Vec<u8> {
    let mut extra = format!(
        "<script>new EventSource('{EVENTS_PATH}').onmessage = () => location.reload();</script>"
    );
    if let Some(error) = error {
        let escaped = error.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let title = crate::t!("serve-overlay-title");
        extra.push_str(&format!(
            "<div id=\"unioncal-error\" style=\"position:fixed;inset:0;z-index:99;overflow:auto;background:rgba(255,253,248,.97);padding:16px;font:14px/1.5 ui-monospace,monospace;color:#8b1a1a\"><b>{title}</b><pre style=\"white-space:pre-wrap\">{escaped}</pre></div>"
        ));
    }
    let text = String::from_utf8_lossy(page);
    match text.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{extra}").into_bytes(),
    }
}

impl Site {
    /// Take a new build: files whose bytes did not change keep their time and ETag.
    pub fn update(&mut self, files: Vec<(String, Vec<u8>)>, now: SystemTime) {
        let mut next = HashMap::with_capacity(files.len());
        let mut pages = HashMap::new();
        for (name, bytes) in files {
            let body = if name.ends_with(".html") {
                pages.insert(name.clone(), bytes.clone());
                live_page(&bytes, None)
            } else {
                bytes
            };
            let entry = match self.files.remove(&name) {
                Some(old) if old.body == body => old,
                _ => Entry::new(body, now, content_type(&name)),
            };
            next.insert(name, entry);
        }
        self.files = next;
        self.pages = pages;
        self.error = None;
    }

    /// A build failed: keep serving the last good outputs, and show `error` on the pages.
    pub(crate) fn fail(&mut self, error: String, now: SystemTime) {
        for (name, page) in &self.pages {
            let body = live_page(page, Some(&error));
            if let Some(entry) = self.files.get_mut(name) {
                *entry = Entry::new(body, now, entry.content_type);
            }
        }
        self.error = Some(error);
    }
}

/// The file a request path names, or the status to answer with: 400 for a path that
/// tries to leave the outputs (`..`, `%2e%2e`, `%2f`, backslashes, NUL, `//`) or is too
/// long, and `None` for the index.
fn file_name(path: &str) -> Result<String, StatusCode> {
    if path.len() > MAX_PATH {
        return Err(StatusCode::URI_TOO_LONG);
    }
    let raw = path.strip_prefix('/').ok_or(StatusCode::BAD_REQUEST)?;
    let lower = raw.to_ascii_lowercase();
    if raw.starts_with('/')
        || lower.contains("%2f")
        || lower.contains("%5c")
        || lower.contains("%00")
    {
        return Err(StatusCode::BAD_REQUEST);
    }
    let mut bytes = Vec::with_capacity(raw.len());
    let mut iter = raw.bytes();
    while let Some(b) = iter.next() {
        if b == b'%' {
            let hex = [
                iter.next().ok_or(StatusCode::BAD_REQUEST)?,
                iter.next().ok_or(StatusCode::BAD_REQUEST)?,
            ];
            let text = std::str::from_utf8(&hex).map_err(|_| StatusCode::BAD_REQUEST)?;
            bytes.push(u8::from_str_radix(text, 16).map_err(|_| StatusCode::BAD_REQUEST)?);
        } else {
            bytes.push(b);
        }
    }
    let name = String::from_utf8(bytes).map_err(|_| StatusCode::BAD_REQUEST)?;
    if name.contains('\\')
        || name.contains('\0')
        || name.split('/').any(|part| part == ".." || part == ".")
    {
        return Err(StatusCode::BAD_REQUEST);
    }
    Ok(if name.is_empty() { "index.html".to_string() } else { name })
}

/// What the server shares between connections.
pub struct State {
    /// The outputs.
    pub site: RwLock<Site>,
    /// Told of every rebuild, for open pages.
    pub reloads: broadcast::Sender<()>,
    /// Log one line per request.
    pub verbose: bool,
    /// On a loopback address, its port: requests must then name a loopback Host (DNS
    /// rebinding); `None` on a network address, where any Host is answered.
    pub loopback: Option<std::net::SocketAddr>,
    /// The live-reload streams open now.
    streams: Arc<tokio::sync::Semaphore>,
    /// Told to stop serving (the workbench's 退出, or its idle end).
    stop: tokio::sync::Notify,
    /// With `start`: end this long after the last page closed (no live-reload stream).
    pub idle_exit: Option<Duration>,
    /// The workbench's actions (`unioncal start` on loopback), or none (`serve`, or any
    /// network address: only the preview is served).
    pub workbench: Option<Workbench>,
    /// The last build's errors and warnings, as the workbench shows them (JSON).
    pub report: RwLock<String>,
}

impl State {
    /// The state of a server listening on `address`.
    #[must_use]
    pub fn new(address: SocketAddr, verbose: bool) -> Self {
        let (reloads, _) = broadcast::channel(16);
        Self {
            site: RwLock::new(Site::default()),
            reloads,
            verbose,
            loopback: address.ip().is_loopback().then_some(address),
            streams: Arc::new(tokio::sync::Semaphore::new(MAX_STREAMS)),
            stop: tokio::sync::Notify::new(),
            idle_exit: None,
            workbench: None,
            report: RwLock::new("{}".to_string()),
        }
    }
}

/// Whether `host` (a request's Host header) names this loopback server: `localhost`,
/// `127.0.0.1`, `[::1]` or the address it listens on (`127.0.0.2`), with no port or with
/// its port.
fn loopback_host(host: &str, local: std::net::SocketAddr) -> bool {
    let port = local.port();
    let host = host.trim().to_ascii_lowercase();
    let (name, given) = match host.rsplit_once(':') {
        Some((name, p))
            if !name.ends_with(':') && (name.starts_with('[') == name.ends_with(']')) =>
        {
            (name.to_string(), Some(p.to_string()))
        }
        _ => (host.clone(), None),
    };
    let own = match local.ip() {
        std::net::IpAddr::V4(ip) => ip.to_string(),
        std::net::IpAddr::V6(ip) => format!("[{ip}]"),
    };
    let name_ok = matches!(name.as_str(), "localhost" | "127.0.0.1" | "[::1]") || name == own;
    name_ok && given.is_none_or(|p| p == port.to_string())
}

fn status(code: StatusCode) -> Response<Body> {
    let mut response = Response::new(Body::from(code.canonical_reason().unwrap_or("error")));
    *response.status_mut() = code;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    response
}

/// Whether the request's validators show the client already has `entry`.
fn not_modified(headers: &HeaderMap, entry: &Entry) -> bool {
    if let Some(tags) = headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) {
        return tags
            .split(',')
            .map(str::trim)
            .any(|t| t == "*" || t.trim_start_matches("W/") == entry.etag);
    }
    headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| httpdate::parse_http_date(v).ok())
        .is_some_and(|since| {
            // HTTP dates have whole seconds.
            let modified =
                entry.modified.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
            let since = since.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
            modified <= since
        })
}

impl State {
    /// How many pages are open: the live-reload streams they hold.
    fn open_pages(&self) -> usize {
        MAX_STREAMS - self.streams.available_permits()
    }

    /// Stop serving: [`run`] returns.
    pub(crate) fn stop(&self) {
        self.stop.notify_one();
    }
}

/// Stop the server once no page has been open for `limit` (counted from the start too, so
/// a start whose browser never came ends as well).
async fn stop_when_idle(state: Arc<State>, limit: Duration) {
    let tick = (limit / 20).clamp(Duration::from_millis(100), Duration::from_secs(5));
    let mut idle_since = tokio::time::Instant::now();
    loop {
        tokio::time::sleep(tick).await;
        if state.open_pages() > 0 {
            idle_since = tokio::time::Instant::now();
        } else if idle_since.elapsed() >= limit {
            state.stop();
            return;
        }
    }
}

/// Answer one request.
pub async fn respond(state: Arc<State>, request: Request<hyper::body::Incoming>) -> Response<Body> {
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let host_ok = state.loopback.is_none_or(|local| {
        request
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .is_some_and(|h| loopback_host(h, local))
    });
    let response = if !host_ok {
        status(StatusCode::MISDIRECTED_REQUEST)
    } else if path.starts_with(ACTION_PATH) {
        action(&state, request).await
    } else if let Some(workbench) = workbench_page(&state, &request).await {
        workbench
    } else {
        answer(&state, &method, &path, request.headers())
    };
    if state.verbose {
        // A closed standard error must not stop the answer.
        let _ =
            writeln!(std::io::stderr().lock(), "{method} {path} {}", response.status().as_u16());
    }
    response
}

fn answer(state: &Arc<State>, method: &Method, path: &str, headers: &HeaderMap) -> Response<Body> {
    if method != Method::GET && method != Method::HEAD {
        let mut response = status(StatusCode::METHOD_NOT_ALLOWED);
        response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    if path == EVENTS_PATH {
        return events(state);
    }
    let name = match file_name(path) {
        Ok(name) => name,
        Err(code) => return status(code),
    };
    let entry = {
        let Ok(site) = state.site.read() else { return status(StatusCode::INTERNAL_SERVER_ERROR) };
        match (site.files.get(&name), &site.error) {
            (Some(entry), _) => entry.clone(),
            // No good build yet: every page shows why.
            (None, Some(error)) if site.files.is_empty() => {
                let page = live_page(b"<!DOCTYPE html><html><body></body></html>", Some(error));
                let mut response = Response::new(Body::from(page));
                *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
                response.headers_mut().insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/html; charset=utf-8"),
                );
                return response;
            }
            (None, _) => return status(StatusCode::NOT_FOUND),
        }
    };
    let fresh = not_modified(headers, &entry);
    let mut response = if fresh || method == Method::HEAD {
        Response::new(Body::empty())
    } else {
        Response::new(Body::from(entry.body.clone()))
    };
    if fresh {
        *response.status_mut() = StatusCode::NOT_MODIFIED;
    }
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(entry.content_type));
    h.insert(header::ETAG, entry.etag.clone());
    h.insert(header::LAST_MODIFIED, entry.last_modified.clone());
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if name.ends_with(".html") {
            "no-cache"
        } else {
            "public, max-age=300"
        }),
    );
    if method == Method::HEAD && !fresh {
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(entry.body.len()));
    }
    response
}

/// The stream of rebuilds for open pages: one `data: reload` event each, a heartbeat
/// comment every 20 s, closed after 30 minutes (the page reconnects). At most 64 are open
/// at once; past that, 503 and the connection is closed.
fn events(state: &Arc<State>) -> Response<Body> {
    use tokio_stream::StreamExt;
    let Ok(permit) = state.streams.clone().try_acquire_owned() else {
        let mut response = status(StatusCode::SERVICE_UNAVAILABLE);
        response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("10"));
        return response;
    };
    let deadline = std::time::Instant::now() + STREAM_LIFETIME;
    let reloads = tokio_stream::wrappers::BroadcastStream::new(state.reloads.subscribe())
        .filter_map(|r| r.ok())
        .map(|()| Bytes::from_static(b"data: reload\n\n"));
    let heartbeats = tokio_stream::wrappers::IntervalStream::new(tokio::time::interval_at(
        tokio::time::Instant::now() + HEARTBEAT,
        HEARTBEAT,
    ))
    .map(|_| Bytes::from_static(b": alive\n\n"));
    let stream = tokio_stream::once(Bytes::from_static(b"retry: 2000\n: connected\n\n"))
        .chain(reloads.merge(heartbeats))
        // A heartbeat at the latest 20 s past its lifetime ends the stream.
        .take_while(move |_| std::time::Instant::now() < deadline)
        .map(move |item| {
            // The stream holds its place among the open streams until it ends.
            let _ = &permit;
            Ok::<_, std::convert::Infallible>(item)
        });
    let mut response = Response::new(Body::from_stream(stream));
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// Serve `state` on `listener` until Ctrl-C: at most 512 connections at once, request
/// heads of at most 16 KiB read within 10 s; a bad request never stops the server.
///
/// # Errors
///
/// When Ctrl-C cannot be listened for.
pub async fn run(listener: tokio::net::TcpListener, state: Arc<State>) -> std::io::Result<()> {
    let connections = Arc::new(std::sync::Mutex::new(Connections::default()));
    let shutdown = tokio::signal::ctrl_c();
    tokio::pin!(shutdown);
    if let Some(limit) = state.idle_exit {
        tokio::spawn(stop_when_idle(state.clone(), limit));
    }
    loop {
        let (stream, _): (tokio::net::TcpStream, SocketAddr) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(_) => {
                    // Out of file descriptors, a reset during accept: wait a moment.
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
            result = &mut shutdown => return result,
            () = state.stop.notified() => return Ok(()),
        };
        // Over the cap, the oldest connection makes room: clients that hold connections
        // open without reading cannot lock out a new request.
        let (id, closed) = match connections.lock() {
            Ok(mut open) => open.add(),
            Err(_) => continue,
        };
        let _ = stream.set_nodelay(true);
        let state = state.clone();
        let connections = connections.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                let state = state.clone();
                async move { Ok::<_, std::convert::Infallible>(respond(state, request).await) }
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_buf_size(MAX_HEAD)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            tokio::select! {
                _ = connection => {}
                () = closed.notified() => {}
            }
            if let Ok(mut open) = connections.lock() {
                open.remove(id);
            }
        });
    }
}

/// The open connections, oldest first, each with the way to close it.
#[derive(Default)]
struct Connections {
    next: u64,
    open: std::collections::BTreeMap<u64, Arc<tokio::sync::Notify>>,
}

impl Connections {
    /// A new connection's number and what closes it; at the cap, the oldest is closed.
    fn add(&mut self) -> (u64, Arc<tokio::sync::Notify>) {
        while self.open.len() >= MAX_CONNECTIONS {
            if let Some((_, oldest)) = self.open.pop_first() {
                oldest.notify_one();
            }
        }
        self.next += 1;
        let close = Arc::new(tokio::sync::Notify::new());
        self.open.insert(self.next, close.clone());
        (self.next, close)
    }

    fn remove(&mut self, id: u64) {
        self.open.remove(&id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_never_leave_the_outputs() {
        assert_eq!(file_name("/"), Ok("index.html".into()));
        assert_eq!(file_name("/events/a.ics"), Ok("events/a.ics".into()));
        assert_eq!(file_name("/%E5%B7%A5.html"), Ok("工.html".into()));
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/x",
            "/a/%2fb",
            "/a%5cb",
            "/a\\b",
            "//etc/passwd",
            "/a%00",
            "/%zz",
            "/./a",
        ] {
            assert!(file_name(bad).is_err(), "{bad}");
        }
        assert_eq!(file_name(&format!("/{}", "a".repeat(2000))), Err(StatusCode::URI_TOO_LONG));
    }

    #[test]
    fn only_loopback_hosts_reach_a_loopback_server() {
        let local: std::net::SocketAddr = "127.0.0.1:8080".parse().unwrap();
        for good in [
            "localhost",
            "127.0.0.1",
            "[::1]",
            "localhost:8080",
            "127.0.0.1:8080",
            "[::1]:8080",
            "LOCALHOST:8080",
        ] {
            assert!(loopback_host(good, local), "{good}");
        }
        for bad in [
            "evil.example",
            "evil.example:8080",
            "127.0.0.1:8081",
            "localhost.evil.example",
            "127.0.0.1.nip.io:8080",
            "",
            "[::1]:",
            "::1",
        ] {
            assert!(!loopback_host(bad, local), "{bad}");
        }
        // A loopback bind elsewhere than 127.0.0.1 answers its own address.
        let other: std::net::SocketAddr = "127.0.0.2:8080".parse().unwrap();
        assert!(loopback_host("127.0.0.2:8080", other) && loopback_host("localhost", other));
        assert!(!loopback_host("127.0.0.3:8080", other) && !loopback_host("127.0.0.2:80", other));
    }

    #[test]
    fn the_oldest_connection_makes_room_at_the_cap() {
        let mut open = Connections::default();
        let first = open.add();
        for _ in 1..MAX_CONNECTIONS {
            open.add();
        }
        assert_eq!(open.open.len(), MAX_CONNECTIONS);
        let _newest = open.add();
        assert_eq!(open.open.len(), MAX_CONNECTIONS);
        assert!(!open.open.contains_key(&first.0), "the oldest was closed");
    }

    #[test]
    fn an_unchanged_file_keeps_its_time_and_tag() {
        let mut site = Site::default();
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        site.update(vec![("a.ics".into(), b"one".to_vec()), ("b.ics".into(), b"two".to_vec())], t0);
        let tag = site.files["a.ics"].etag.clone();
        let t1 = t0 + Duration::from_secs(60);
        site.update(vec![("a.ics".into(), b"one".to_vec()), ("b.ics".into(), b"TWO".to_vec())], t1);
        assert_eq!(site.files["a.ics"].modified, t0);
        assert_eq!(site.files["a.ics"].etag, tag);
        assert_eq!(site.files["b.ics"].modified, t1);
    }

    #[test]
    fn a_failed_build_keeps_the_feeds_and_shows_the_error_on_pages() {
        let mut site = Site::default();
        let t0 = SystemTime::UNIX_EPOCH;
        site.update(
            vec![
                ("a.ics".into(), b"feed".to_vec()),
                ("index.html".into(), b"<body>x</body>".to_vec()),
            ],
            t0,
        );
        site.fail("error: <bad> & worse".into(), t0);
        assert_eq!(&site.files["a.ics"].body[..], b"feed");
        let page = String::from_utf8(site.files["index.html"].body.to_vec()).unwrap();
        assert!(page.contains("error: &lt;bad&gt; &amp; worse"), "{page}");
        assert!(page.contains(EVENTS_PATH));
    }
}
