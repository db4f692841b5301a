//! `unioncal serve` on a free port: headers and types, 304s, HEAD, every path-escape form,
//! the rebuild after an edit, the last good feed after a broken edit with the error shown,
//! and a clean stop on Ctrl-C.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// A running `unioncal serve`, stopped when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    fn start(file: &Path) -> Self {
        Self::start_with(file, &[])
    }

    fn start_with(file: &Path, extra: &[&str]) -> Self {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("unioncal"))
            .arg("serve")
            .arg(file)
            .args(["--port", "0"])
            .args(extra)
            .env("UNIONCAL_DATA_DIR", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-saved-data"))
            .env("UNIONCAL_LANG", "en")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let address = line
            .split("http://")
            .nth(1)
            .and_then(|s| s.split('/').next())
            .unwrap_or_else(|| panic!("no address in `{line}`"))
            .to_string();
        assert!(address.starts_with("127.0.0.1:"), "binds loopback by default: {address}");
        Self { child, address }
    }

    /// Send `request` as written (no normalising) and read the whole answer.
    fn raw(&self, request: &str) -> Answer {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        let split = bytes.windows(4).position(|w| w == b"\r\n\r\n").expect("a response head");
        let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
        let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let headers = head
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Answer { status, headers, body: bytes[split + 4..].to_vec() }
    }

    fn get(&self, path: &str, extra: &str) -> Answer {
        let host = &self.address;
        self.raw(&format!(
            "GET {path} HTTP/1.1\r\nHost: {host}\r\n{extra}Connection: close\r\n\r\n"
        ))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> &str {
        self.headers.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }
}

fn hospital_copy(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("hospital.toml");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("calendars/hospital.toml"), &file)
        .unwrap();
    file
}

#[test]
fn feeds_and_files_with_the_right_headers_and_conditional_requests() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&hospital_copy(dir.path()));
    let feed = server.get("/pku6-union.ics", "");
    assert_eq!(feed.status, 200);
    assert_eq!(feed.header("content-type"), "text/calendar; charset=utf-8");
    assert!(feed.header("content-encoding").is_empty(), "never compressed (Outlook)");
    assert!(feed.header("cache-control").contains("max-age"));
    assert!(String::from_utf8_lossy(&feed.body).starts_with("BEGIN:VCALENDAR\r\n"));
    let etag = feed.header("etag").to_string();
    let modified = feed.header("last-modified").to_string();
    assert!(etag.starts_with('"') && !modified.is_empty());
    assert_eq!(server.get("/pku6-union.ics", &format!("If-None-Match: {etag}\r\n")).status, 304);
    assert_eq!(
        server.get("/pku6-union.ics", &format!("If-Modified-Since: {modified}\r\n")).status,
        304
    );
    assert_eq!(server.get("/pku6-union.ics", "If-None-Match: \"other\"\r\n").status, 200);
    let head = server.raw(&format!(
        "HEAD /pku6-union.ics HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address
    ));
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(head.header("content-length"), feed.body.len().to_string());
    for (path, kind) in [
        ("/", "text/html; charset=utf-8"),
        ("/2027-03.html", "text/html; charset=utf-8"),
        ("/plan.md", "text/markdown; charset=utf-8"),
        ("/plan.csv", "text/csv; charset=utf-8"),
        ("/plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("/plan.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("/events/womens-day.ics", "text/calendar; charset=utf-8"),
        ("/subscribe.html", "text/html; charset=utf-8"),
    ] {
        let answer = server.get(path, "");
        assert_eq!((answer.status, answer.header("content-type")), (200, kind), "{path}");
    }
    // Served pages reload themselves; the built files never carry the script.
    let index = String::from_utf8(server.get("/", "").body).unwrap();
    assert!(index.contains("/__unioncal/events"));
    assert_eq!(
        server
            .raw(&format!(
                "POST / HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                server.address
            ))
            .status,
        405
    );
}

#[test]
fn no_request_reaches_the_file_system() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    let server = Server::start(&hospital_copy(dir.path()));
    for path in [
        "/../secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/events/../../secret.txt",
        "/..\\secret.txt",
        "/%5c..%5csecret.txt",
        "//etc/passwd",
        "/hospital.toml",
        "/secret.txt",
        "/etc/passwd",
        "/a%00.ics",
        "/%zz",
    ] {
        let answer = server.get(path, "");
        assert!(matches!(answer.status, 400 | 404), "{path}: {}", answer.status);
        assert!(!String::from_utf8_lossy(&answer.body).contains("secret"), "{path}");
    }
    let long = format!("/{}", "a".repeat(3000));
    assert!(matches!(server.get(&long, "").status, 400 | 414 | 431));
    // A garbled request is answered (or dropped) and the server goes on.
    let _ = server.raw("NONSENSE\r\n\r\n");
    let _ = server.raw(&format!(
        "GET / HTTP/1.1\r\nHost: {}\r\nX-Big: {}\r\n\r\n",
        server.address,
        "b".repeat(40_000)
    ));
    assert_eq!(server.get("/pku6-union.ics", "").status, 200);
}

/// Wait up to 10 s for `check` to hold.
fn eventually(what: &str, check: impl Fn() -> bool) {
    let started = Instant::now();
    while !check() {
        assert!(started.elapsed() < Duration::from_secs(10), "{what} did not happen");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn an_edit_rebuilds_and_a_broken_edit_keeps_the_last_good_feed() {
    let dir = tempfile::tempdir().unwrap();
    let file = hospital_copy(dir.path());
    let server = Server::start(&file);
    let feed = |s: &Server| String::from_utf8(s.get("/pku6-union.ics", "").body).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    // Saved by rename, as many editors do.
    let temp = dir.path().join(".hospital.toml.swp");
    std::fs::write(&temp, text.replace("三八妇女节活动：保龄球比赛、厨艺比赛", "三八节改期通知"))
        .unwrap();
    std::fs::rename(&temp, &file).unwrap();
    eventually("the rebuild", || feed(&server).contains("三八节改期通知"));
    let good = feed(&server);
    // A mistake: the feed stays the last good one, pages show the error with its place.
    std::fs::write(
        &file,
        format!(
            "{}\nwekdays = 3\n",
            text.replace("三八妇女节活动：保龄球比赛、厨艺比赛", "三八节改期通知")
        ),
    )
    .unwrap();
    eventually("the error on the page", || {
        String::from_utf8(server.get("/", "").body).unwrap().contains("unknown key `wekdays`")
    });
    assert_eq!(feed(&server), good);
    let page = String::from_utf8(server.get("/2027-03.html", "").body).unwrap();
    assert!(
        page.contains("hospital.toml:") && page.contains("= help:"),
        "file:line:col and the hint"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_it_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start(&hospital_copy(dir.path()));
    assert_eq!(server.get("/", "").status, 200);
    let pid = server.child.id().to_string();
    assert!(std::process::Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
}

#[test]
fn serving_the_network_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start_with(&hospital_copy(dir.path()), &["--bind", "0.0.0.0"]);
    assert_eq!(server.get("/pku6-union.ics", "").status, 200);
    let _ = server.child.kill();
    let _ = server.child.wait();
    let mut err = String::new();
    server.child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(err.contains("warning: the server is reachable from the network"), "{err}");
    // On loopback (the default) it says the opposite.
    let mut local = Server::start(&hospital_copy(dir.path()));
    // An answer means the announcement is finished (it comes before the first request is read).
    assert_eq!(local.get("/", "").status, 200);
    let _ = local.child.kill();
    let _ = local.child.wait();
    let mut err = String::new();
    local.child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(err.contains("only this computer can open it") && !err.contains("reachable"), "{err}");
}

#[test]
fn a_loopback_server_answers_only_loopback_hosts() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&hospital_copy(dir.path()));
    let port = server.address.split(':').nth(1).unwrap().to_string();
    for host in [
        "localhost".to_string(),
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        let answer =
            server.raw(&format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
        assert_eq!(answer.status, 200, "{host}");
    }
    // DNS rebinding: a page from another site that resolves its name to 127.0.0.1.
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
    ] {
        let answer = server.raw(&format!(
            "GET /pku6-union.ics HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ));
        assert_eq!(answer.status, 421, "{host}");
        assert!(!String::from_utf8_lossy(&answer.body).contains("BEGIN:VCALENDAR"));
    }
    let answer = server.raw("GET / HTTP/1.0\r\n\r\n");
    assert_eq!(answer.status, 421, "no Host at all");
}

/// Open `count` connections that each send `request` and then never read.
fn hold_open(address: &str, count: usize, request: &str) -> Vec<TcpStream> {
    (0..count)
        .filter_map(|_| {
            let mut stream = TcpStream::connect(address).ok()?;
            stream.write_all(request.as_bytes()).ok()?;
            Some(stream)
        })
        .collect()
}

#[test]
fn open_streams_and_clients_that_never_read_do_not_lock_anyone_out() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&hospital_copy(dir.path()));
    let host = server.address.clone();
    // 600 live-reload streams, more than the server keeps open at once.
    let streams = hold_open(
        &server.address,
        600,
        &format!("GET /__unioncal/events HTTP/1.1\r\nHost: {host}\r\n\r\n"),
    );
    assert!(streams.len() > 512, "opened {}", streams.len());
    let started = Instant::now();
    assert_eq!(server.get("/pku6-union.ics", "").status, 200);
    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    drop(streams);
    // 600 clients that ask for the largest file and never read it.
    let idle = hold_open(
        &server.address,
        600,
        &format!("GET /plan.docx HTTP/1.1\r\nHost: {host}\r\n\r\n"),
    );
    assert!(idle.len() > 512, "opened {}", idle.len());
    let started = Instant::now();
    assert_eq!(server.get("/", "").status, 200);
    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
}

#[test]
fn a_log_beside_the_calendar_does_not_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let file = hospital_copy(dir.path());
    let server = Server::start(&file);
    let mut events = TcpStream::connect(&server.address).unwrap();
    events
        .write_all(
            format!("GET /__unioncal/events HTTP/1.1\r\nHost: {}\r\n\r\n", server.address)
                .as_bytes(),
        )
        .unwrap();
    events.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
    let mut seen = Vec::new();
    let mut read_for = |wait: Duration, seen: &mut Vec<u8>| {
        let until = Instant::now() + wait;
        let mut buffer = [0; 4096];
        while Instant::now() < until {
            if let Ok(n) = events.read(&mut buffer) {
                seen.extend_from_slice(&buffer[..n]);
            }
        }
    };
    read_for(Duration::from_millis(500), &mut seen);
    let log = dir.path().join("serve.log");
    for i in 0..20 {
        std::fs::write(&log, format!("line {i}\n")).unwrap();
        std::thread::sleep(Duration::from_millis(50));
    }
    read_for(Duration::from_millis(800), &mut seen);
    assert!(!String::from_utf8_lossy(&seen).contains("data: reload"), "rebuilt on the log");
    // The calendar itself still rebuilds.
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\n")).unwrap();
    read_for(Duration::from_secs(3), &mut seen);
    assert!(String::from_utf8_lossy(&seen).contains("data: reload"), "no rebuild on the calendar");
}
