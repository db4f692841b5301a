//! `unioncal start`: the starter in an empty folder, the tokened address, the workbench's
//! actions and their guards (token, Origin, Host, network mode), a taken port, a second
//! start, and the workbench in Chromium.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

/// A calendar typed with the input method on: ＝ and curly quotes on line 2.
const SLIPPED: &str = "[calendar]\nname ＝ “测试工会”\nyear = 2027\n\n[[events]]\nid = \"a\"\ntitle = \"三八节\"\ndate = \"03-08\"\n";

/// A running `unioncal start`, stopped when dropped.
pub(super) struct Started {
    child: Child,
    pub(super) port: u16,
    pub(super) token: String,
    first_line: String,
}

impl Drop for Started {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(super) fn start(folder: &Path, extra: &[&str]) -> Started {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("unioncal"));
    command
        .arg("start")
        .arg(folder)
        .args(["--no-open", "--port", "0"])
        .args(extra)
        .env("UNIONCAL_DATA_DIR", folder.join("data"));
    launch(command)
}

/// A `unioncal start` command launched in Chinese, and its address read off its first line.
fn launch(mut command: std::process::Command) -> Started {
    let mut child = command
        .env("UNIONCAL_LANG", "zh")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let url =
        line.split("http://").nth(1).unwrap_or_else(|| panic!("no address in `{line}`")).trim();
    let (host, token) =
        url.split_once("/?token=").unwrap_or_else(|| panic!("no token in `{line}`"));
    let port = host.rsplit(':').next().unwrap().parse().unwrap();
    Started { child, port, token: token.to_string(), first_line: line.clone() }
}

pub(super) struct Answer {
    pub(super) status: u16,
    pub(super) body: String,
}

impl Started {
    pub(super) fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, String)],
        body: &str,
    ) -> Answer {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
            body.len()
        );
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            head.push_str(&format!("Host: 127.0.0.1:{}\r\n", self.port));
        }
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
        Answer { status, body }
    }

    /// An action as the workbench page sends it.
    pub(super) fn action(&self, name: &str, body: &str) -> Answer {
        self.request(
            "POST",
            &format!("/__unioncal/action/{name}"),
            &[
                ("X-Unioncal-Token", self.token.clone()),
                ("Origin", format!("http://127.0.0.1:{}", self.port)),
            ],
            body,
        )
    }
}

#[test]
fn an_empty_folder_gets_the_starter_and_the_tokened_address() {
    let dir = tempfile::tempdir().unwrap();
    let started = start(dir.path(), &[]);
    assert!(dir.path().join("unioncal.toml").exists());
    assert!(started.first_line.contains(&format!("http://127.0.0.1:{}/?token=", started.port)));
    assert!(started.token.len() >= 20);
    assert!(started.token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    let page = started.request("GET", &format!("/?token={}", started.token), &[], "");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("生成全部文件")
            && page.body.contains("修复中文标点")
            && page.body.contains("粘贴放假通知")
    );
    // The preview is there too.
    assert_eq!(started.request("GET", "/index.html", &[], "").status, 200);
    // A second start in the folder finds this one.
    let again = assert_cmd::Command::cargo_bin("unioncal")
        .unwrap()
        .arg("start")
        .arg(dir.path())
        .arg("--no-open")
        .env("UNIONCAL_LANG", "zh")
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stdout).contains(&started.token),
        "the running one's address"
    );
}

#[test]
fn every_action_needs_the_token_the_page_origin_and_a_loopback_host() {
    let dir = tempfile::tempdir().unwrap();
    let started = start(dir.path(), &[]);
    let origin = format!("http://127.0.0.1:{}", started.port);
    let token = started.token.clone();
    for name in ["build", "fix", "import", "open", "edit"] {
        let path = format!("/__unioncal/action/{name}");
        let cases: Vec<(Vec<(&str, String)>, u16)> = vec![
            (vec![("Origin", origin.clone())], 403),
            (vec![("X-Unioncal-Token", "wrong".into()), ("Origin", origin.clone())], 403),
            (vec![("X-Unioncal-Token", token.clone())], 403),
            (
                vec![("X-Unioncal-Token", token.clone()), ("Origin", "http://evil.example".into())],
                403,
            ),
            (
                vec![
                    ("Host", "evil.example".into()),
                    ("X-Unioncal-Token", token.clone()),
                    ("Origin", "http://evil.example".into()),
                ],
                421,
            ),
        ];
        for (headers, want) in cases {
            let answer = started.request("POST", &path, &headers, crate::support::NOTICE_2027);
            assert_eq!(answer.status, want, "{name} {headers:?}");
        }
    }
    assert!(!dir.path().join("public").exists(), "nothing was built");
    assert!(!dir.path().join("data/holidays/2027.toml").exists(), "nothing was saved");
    // With all three: the build writes public/.
    let build = started.action("build", "{}");
    assert_eq!(build.status, 200, "{}", build.body);
    assert!(dir.path().join("public/index.html").exists());
    // The token in the query works as well as the header.
    let query = started.request(
        "POST",
        &format!("/__unioncal/action/build?token={token}"),
        &[("Origin", origin)],
        "{}",
    );
    assert_eq!(query.status, 200);
}

#[test]
fn fix_and_import_work_while_a_broken_calendar_refuses_to_build() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("unioncal.toml"), SLIPPED).unwrap();
    let started = start(dir.path(), &[]);
    let build = started.action("build", "{}");
    assert_eq!(build.status, 422);
    let json: serde_json::Value = serde_json::from_str(&build.body).unwrap();
    assert_eq!(json["ok"], false);
    assert_eq!(json["errors"][0]["line"], 2, "{json}");
    assert!(!dir.path().join("public").exists());
    // Fix the slips, then build.
    let fix = started.action("fix", "");
    assert_eq!(fix.status, 200, "{}", fix.body);
    let json: serde_json::Value = serde_json::from_str(&fix.body).unwrap();
    assert_eq!(json["changes"][0]["line"], 2);
    assert_eq!(json["changes"][0]["after"], "name = \"测试工会\"");
    assert!(dir.path().join("unioncal.toml.bak").exists());
    assert_eq!(started.action("build", "{}").status, 200);
    // Before the notice, 2027 is a forecast: its make-up Sunday 02-14 is marked 班*.
    let forecast_page = std::time::Instant::now();
    while !started.request("GET", "/2027-02.html", &[], "").body.contains("班*") {
        assert!(forecast_page.elapsed() < Duration::from_secs(10), "no forecast marks");
        std::thread::sleep(Duration::from_millis(200));
    }
    // Import a notice: its periods, saved in the data folder.
    let import = started.action("import", crate::support::NOTICE_2027);
    assert_eq!(import.status, 200, "{}", import.body);
    let json: serde_json::Value = serde_json::from_str(&import.body).unwrap();
    assert_eq!(json["year"], 2027);
    assert!(json["periods"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "春节" && p["end"] == "2027-02-13"));
    assert!(dir.path().join("data/holidays/2027.toml").exists());
    // The preview rebuilds on it: 2027 is no longer a forecast on the pages.
    let started_at = std::time::Instant::now();
    loop {
        let page = started.request("GET", "/2027-02.html", &[], "").body;
        if !page.contains("班*") {
            break;
        }
        assert!(started_at.elapsed() < Duration::from_secs(10), "the preview did not rebuild");
        std::thread::sleep(Duration::from_millis(200));
    }
    // A notice with a mistake is refused at its line, and nothing more is saved.
    let bad = started.action(
        "import",
        &crate::support::NOTICE_2027
            .replace("2月20日（周六）", "2月20日（周五）")
            .replace("2027年", "2028年"),
    );
    assert_eq!(bad.status, 422);
    assert!(!dir.path().join("data/holidays/2028.toml").exists());
}

#[test]
fn on_a_network_address_there_are_no_actions() {
    let dir = tempfile::tempdir().unwrap();
    let started = start(dir.path(), &["--bind", "0.0.0.0"]);
    assert_eq!(started.action("build", "{}").status, 403);
    assert!(!dir.path().join("public").exists());
    assert_eq!(started.request("GET", "/index.html", &[], "").status, 200, "the preview is served");
}

#[test]
fn a_taken_port_moves_on_to_the_next_free_one() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("unioncal"))
        .arg("start")
        .arg(dir.path())
        .args(["--no-open", "--port", &port.to_string()])
        .env("UNIONCAL_LANG", "en")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(!line.contains(&format!(":{port}/")), "{line}");
    assert!(err.contains(&format!("port {port} is taken")), "{err}");
}

#[test]
fn hints_on_the_workbench_name_its_buttons_never_a_command() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("unioncal.toml"), SLIPPED).unwrap();
    let started = start(dir.path(), &[]);
    let status = |started: &Started| {
        let answer =
            started.request("GET", &format!("/__unioncal/status?token={}", started.token), &[], "");
        assert_eq!(answer.status, 200);
        answer.body
    };
    let slips = status(&started);
    assert!(slips.contains("修复中文标点"), "{slips}");
    // Fixed, the year's forecast warning remains: it names the paste box.
    assert_eq!(started.action("fix", "").status, 200);
    let started_at = std::time::Instant::now();
    let mut body = status(&started);
    while !body.contains("粘贴放假通知") {
        assert!(started_at.elapsed() < Duration::from_secs(10), "{body}");
        std::thread::sleep(Duration::from_millis(200));
        body = status(&started);
    }
    for text in [&slips, &body] {
        assert!(!text.contains("unioncal "), "a command on the workbench: {text}");
    }
}

/// A stranger's server on loopback answering 200 to anything: the requests it got.
fn stranger() -> (u16, std::sync::Arc<std::sync::Mutex<String>>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            stream.set_read_timeout(Some(Duration::from_millis(300))).unwrap();
            let mut bytes = vec![0; 4096];
            let n = stream.read(&mut bytes).unwrap_or(0);
            log.lock().unwrap().push_str(&String::from_utf8_lossy(&bytes[..n]));
            let body = "{\"unioncal\": true}";
            let _ =
                write!(stream, "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n{body}", body.len());
        }
    });
    (port, seen)
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .unwrap();
    file.write_all(text.as_bytes()).unwrap();
}

#[test]
#[cfg(unix)]
fn a_strangers_server_on_the_stored_port_is_not_believed() {
    let dir = tempfile::tempdir().unwrap();
    let (port, seen) = stranger();
    let token = "A".repeat(24);
    write_private(
        &dir.path().join(".unioncal-start"),
        &format!("{port} {token} {}\n", "B".repeat(24)),
    );
    let started = start(dir.path(), &[]);
    assert!(started.first_line.contains("已打开"), "{}", started.first_line);
    assert_ne!(started.port, port);
    assert!(
        seen.lock().unwrap().contains("/__unioncal/ping"),
        "it was asked, and failed the proof"
    );
    // The state file now names this start, readable by its owner alone.
    use std::os::unix::fs::PermissionsExt;
    let state = dir.path().join(".unioncal-start");
    assert_eq!(std::fs::metadata(&state).unwrap().permissions().mode() & 0o777, 0o600);
    assert!(std::fs::read_to_string(&state)
        .unwrap()
        .starts_with(&format!("{} {} ", started.port, started.token)));
}

#[test]
#[cfg(unix)]
fn a_smuggled_request_or_a_planted_link_in_the_state_file_is_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let (port, seen) = stranger();
    let smuggled = format!("{port} tok\r\nGET /__unioncal/action/build HTTP/1.1\r\nX: y\n");
    write_private(&dir.path().join(".unioncal-start"), &smuggled);
    let started = start(dir.path(), &[]);
    assert!(started.first_line.contains("已打开"), "{}", started.first_line);
    assert!(seen.lock().unwrap().is_empty(), "nothing sent to the stored port");
    drop(started);
    // A link planted at the state file's name: its target is never written.
    let target = dir.path().join("target.txt");
    std::fs::write(&target, "keep").unwrap();
    let state = dir.path().join(".unioncal-start");
    let _ = std::fs::remove_file(&state);
    std::os::unix::fs::symlink(&target, &state).unwrap();
    let started = start(dir.path(), &[]);
    assert!(started.first_line.contains("已打开"), "{}", started.first_line);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
    let meta = std::fs::symlink_metadata(&state).unwrap();
    assert!(meta.file_type().is_file(), "a file of its own in the link's place");
    // A file others may read is not believed either.
    drop(started);
    let (port, seen) = stranger();
    std::fs::write(&state, format!("{port} {} {}\n", "A".repeat(24), "B".repeat(24))).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&state, std::fs::Permissions::from_mode(0o644)).unwrap();
    let started = start(dir.path(), &[]);
    assert!(started.first_line.contains("已打开"), "{}", started.first_line);
    assert!(seen.lock().unwrap().is_empty(), "a file others could write is not asked");
}

#[test]
fn two_starts_at_once_in_one_folder_make_one_workbench() {
    let dir = tempfile::tempdir().unwrap();
    let spawn = || {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("unioncal"))
            .arg("start")
            .arg(dir.path())
            .args(["--no-open", "--port", "0"])
            .env("UNIONCAL_DATA_DIR", dir.path().join("data"))
            .env("UNIONCAL_LANG", "zh")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut children = [spawn(), spawn()];
    let lines: Vec<String> = children
        .iter_mut()
        .map(|child| {
            let mut line = String::new();
            BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
            line
        })
        .collect();
    for child in &mut children {
        let _ = child.kill();
        let _ = child.wait();
    }
    let serving = lines.iter().filter(|l| l.contains("已打开")).count();
    let found = lines.iter().filter(|l| l.contains("已经在运行")).count();
    assert_eq!((serving, found), (1, 1), "{lines:?}");
    let url = |l: &String| l.split("http://").nth(1).map(|u| u.trim().to_string());
    assert_eq!(url(&lines[0]), url(&lines[1]), "the second opens the first");
}

#[test]
#[cfg(target_os = "linux")]
fn a_loopback_bind_answers_its_own_address() {
    let dir = tempfile::tempdir().unwrap();
    let started = start(dir.path(), &["--bind", "127.0.0.2"]);
    assert!(started.first_line.contains("http://127.0.0.2:"), "{}", started.first_line);
    let get = |host: &str| {
        let mut stream = TcpStream::connect(("127.0.0.2", started.port)).unwrap();
        write!(
            stream,
            "GET /?token={} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
            started.token
        )
        .unwrap();
        let mut text = String::new();
        let _ = stream.read_to_string(&mut text);
        text.split(' ').nth(1).unwrap_or("").to_string()
    };
    assert_eq!(get(&format!("127.0.0.2:{}", started.port)), "200");
    assert_eq!(get(&format!("evil.example:{}", started.port)), "421");
}

/// Run `steps` on the workbench in headless Chromium (`tests/cdp.py`, the DevTools
/// protocol over a pipe): what the steps read, one JSON value a line.
pub(super) fn drive(
    browser: &Path,
    started: &Started,
    steps: &serde_json::Value,
) -> Vec<serde_json::Value> {
    let url = format!("http://127.0.0.1:{}/?token={}", started.port, started.token);
    let out = std::process::Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cdp.py"))
        .arg(browser)
        .arg(&url)
        .arg(steps.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// Press the button `id` and read the result once the work is done.
fn press(browser: &Path, started: &Started, id: &str, fill: Option<(&str, &str)>) -> String {
    let mut steps = Vec::new();
    if let Some((selector, text)) = fill {
        steps.push(serde_json::json!({"fill": [selector, text]}));
    }
    steps.push(serde_json::json!({"click": format!("#{id}")}));
    steps.push(serde_json::json!({"wait": "!document.querySelector('#build').disabled && document.querySelector('#result').textContent.length > 0 && !document.querySelector('#result').textContent.startsWith('正在处理')"}));
    steps.push(serde_json::json!({"read": "document.querySelector('#result').textContent"}));
    let read = drive(browser, started, &serde_json::Value::Array(steps));
    read.last().and_then(|v| v.as_str()).unwrap_or_default().to_string()
}

#[test]
fn in_chromium_the_workbench_builds_imports_and_fixes() {
    let Some(browser) = crate::support::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("unioncal.toml"),
        "[calendar]\nname ＝ \"测试工会\"\nyear = 2027\n\n[[events]]\nid = \"a\"\ntitle = \"三八节\"\ndate = \"03-08\"\n",
    )
    .unwrap();
    let started = start(dir.path(), &[]);
    // 修复中文标点.
    let shown = press(&browser, &started, "fix", None);
    assert!(shown.contains("name = \"测试工会\""), "{shown}");
    let fixed = std::fs::read_to_string(dir.path().join("unioncal.toml")).unwrap();
    assert!(fixed.contains("name = \"测试工会\""), "{fixed}");
    // 生成全部文件.
    let shown = press(&browser, &started, "build", None);
    assert!(shown.contains("已生成全部文件"), "{shown}");
    assert!(dir.path().join("public/index.html").exists());
    // 粘贴放假通知: its periods on the page.
    let shown = press(&browser, &started, "import", Some(("#notice", crate::support::NOTICE_2027)));
    assert!(shown.contains("春节  2027-02-05 – 2027-02-13"), "{shown}");
}

#[test]
fn in_chromium_the_preview_shows_the_whole_year_at_laptop_and_desktop_sizes() {
    let Some(browser) = crate::support::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("calendars/hospital.toml"),
        dir.path().join("unioncal.toml"),
    )
    .unwrap();
    let started = start(dir.path(), &[]);
    let preview = "document.getElementById('preview')";
    // How far the sheet's right edge sits inside the frame (negative: cut off), after the
    // page fitted itself.
    let room = format!(
        "(function(){{var f={preview}, d=f.contentDocument, s=d.querySelector('.sheet');\
         var z=Number(d.body.style.zoom||1); return d.documentElement.clientWidth - s.getBoundingClientRect().right*z;}})()"
    );
    for (width, height) in [(1366, 768), (1920, 1080)] {
        let steps = serde_json::json!([
            {"screenshot": "/dev/null", "width": width, "height": height},
            {"wait": format!("!!{preview}.contentDocument.querySelector('.year') && {preview}.contentDocument.readyState == 'complete'")},
            {"wait": "new Promise(function(r){setTimeout(function(){r(true)}, 300)})"},
            {"read": room},
        ]);
        let read = drive(&browser, &started, &steps);
        let room = read[0].as_f64().unwrap();
        assert!(room >= 0.0, "at {width}×{height} the year grid is cut off by {room} px");
    }
}

/// Wait up to `limit` for `child` to end: its exit status, if it did.
fn ended(child: &mut std::process::Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let started = std::time::Instant::now();
    while started.elapsed() < limit {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

#[test]
fn the_stop_action_ends_start_within_two_seconds_and_only_with_its_guards() {
    let dir = tempfile::tempdir().unwrap();
    let mut started = start(dir.path(), &[]);
    // Without the token, or from another page, nothing stops.
    let forged = started.request("POST", "/__unioncal/action/stop", &[], "");
    assert_eq!(forged.status, 403);
    let origin = ("Origin", "http://evil.example".to_string());
    let token = ("X-Unioncal-Token", started.token.clone());
    let foreign = started.request("POST", "/__unioncal/action/stop", &[origin, token], "");
    assert_eq!(foreign.status, 403);
    assert!(started.child.try_wait().unwrap().is_none(), "still running");
    let stop = started.action("stop", "");
    assert_eq!(stop.status, 200, "{}", stop.body);
    let status = ended(&mut started.child, Duration::from_secs(2));
    assert!(status.is_some_and(|s| s.success()), "ended within 2 s: {status:?}");
    assert!(!dir.path().join(".unioncal-start").exists(), "its claim removed");
}

#[test]
fn start_ends_by_itself_once_no_page_has_been_open_for_its_idle_time() {
    let dir = tempfile::tempdir().unwrap();
    // 0.05 minutes: 3 seconds.
    let mut started = start(dir.path(), &["--idle-exit", "0.05"]);
    // A page open (its live-reload stream) keeps it running past the idle time.
    let mut page = TcpStream::connect(("127.0.0.1", started.port)).unwrap();
    write!(page, "GET /__unioncal/events HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n", started.port)
        .unwrap();
    assert!(ended(&mut started.child, Duration::from_secs(5)).is_none(), "a page is open");
    drop(page);
    let status = ended(&mut started.child, Duration::from_secs(30));
    assert!(status.is_some_and(|s| s.success()), "ended after the page closed: {status:?}");
    // `serve` has no idle end, and 0 means never.
    let mut never = start(dir.path(), &["--idle-exit", "0"]);
    assert!(ended(&mut never.child, Duration::from_secs(4)).is_none());
}

#[test]
fn in_chromium_quitting_says_the_workbench_has_stopped() {
    let Some(browser) = crate::support::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut started = start(dir.path(), &[]);
    let steps = serde_json::json!([
        {"wait": "!!document.getElementById('stop')"},
        {"click": "#stop"},
        {"wait": "!!document.getElementById('stopped')"},
        {"read": "document.getElementById('stopped').textContent"},
    ]);
    let read = drive(&browser, &started, &steps);
    assert!(read[0].as_str().unwrap().contains("已退出"), "{read:?}");
    assert!(ended(&mut started.child, Duration::from_secs(2)).is_some());
}

#[test]
fn import_the_work_plan_shows_the_draft_and_writes_only_when_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let started = start(dir.path(), &[]);
    let calendar = dir.path().join("unioncal.toml");
    let starter = std::fs::read_to_string(&calendar).unwrap();
    let plan = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans/styles.txt"),
    )
    .unwrap();
    let read = started.action("plan", &plan);
    assert_eq!(read.status, 200, "{}", read.body);
    let json: serde_json::Value = serde_json::from_str(&read.body).unwrap();
    assert!(json["items"].as_array().unwrap().len() > 20);
    assert_eq!(
        json["lines"][14],
        "1、三八妇女节活动：下午三点在学校礼堂举行，参加范围：全体女教职工"
    );
    assert!(json["draft"].as_str().unwrap().contains("date = \"03-08\""));
    assert_eq!(std::fs::read_to_string(&calendar).unwrap(), starter, "nothing written yet");
    // Not a plan: said, nothing written.
    let pdf = started.action("plan", "%PDF-1.7\n");
    assert_eq!(pdf.status, 400);
    assert!(pdf.body.contains("PDF"), "{}", pdf.body);
    // Confirmed: the draft is the calendar, the starter kept beside it.
    let save = started.action("plan-save", &plan);
    assert_eq!(save.status, 200, "{}", save.body);
    let written = std::fs::read_to_string(&calendar).unwrap();
    assert!(written.contains("# 原文第 15 行") && written.contains("name = \"城东小学工会\""));
    assert_eq!(std::fs::read_to_string(dir.path().join("unioncal.toml.bak")).unwrap(), starter);
    let check = assert_cmd::Command::cargo_bin("unioncal")
        .unwrap()
        .arg("check")
        .arg(&calendar)
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
}

#[test]
fn in_chromium_a_pasted_plan_is_shown_beside_its_lines_then_written() {
    let Some(browser) = crate::support::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let started = start(dir.path(), &[]);
    let plan = "三月份\n1、三八妇女节活动，地点：职工之家\n九月份\n1、收缴会费\n";
    let steps = serde_json::json!([
        {"fill": ["#plan", plan]},
        {"click": "#plan-read"},
        {"wait": "document.querySelectorAll('#plan-draft tr').length == 2"},
        {"read": "Array.from(document.querySelectorAll('#plan-draft tr')).map(function(r){return r.textContent})"},
        {"click": "#plan-save"},
        {"wait": "document.getElementById('plan-save').hidden"},
    ]);
    let read = drive(&browser, &started, &steps);
    let rows: Vec<&str> = read[0].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
    assert!(
        rows[0].starts_with('2') && rows[0].contains("三八妇女节活动") && rows[0].contains("03-08"),
        "{rows:?}"
    );
    assert!(rows[1].contains("收缴会费") && rows[1].contains("month-task"), "{rows:?}");
    let written = std::fs::read_to_string(dir.path().join("unioncal.toml")).unwrap();
    assert!(
        written.contains("title = \"三八妇女节活动\"")
            && written.contains("location = \"职工之家\"")
    );
}

#[test]
fn the_menu_entrys_start_makes_the_union_folder_in_home_with_the_starter() {
    let home = tempfile::tempdir().unwrap();
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("unioncal"));
    command.args(["start", "--home-folder", "--no-open", "--port", "0"]).env("HOME", home.path());
    let started = launch(command);
    assert!(started.request("GET", "/index.html", &[], "").status == 200);
    assert!(home.path().join("工会日历/unioncal.toml").is_file());
}
