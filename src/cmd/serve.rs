//! `unioncal serve`: build in memory, serve, watch the calendar (and the holiday files and
//! templates it uses), rebuild on every save.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant, SystemTime};

use notify::Watcher;

use super::Ui;
use crate::cli::{BuildArgs, ServeArgs};
use crate::emit::templates::Templates;
use crate::error::{Error, Result};
use crate::serve::State;

/// How long the file must stay quiet after a change before the rebuild (editors write a
/// file in several steps, or save by rename).
const DEBOUNCE: Duration = Duration::from_millis(120);

pub(super) fn run(args: &ServeArgs, ui: &Ui) -> Result<u8> {
    preview(args, ui, None)
}

/// Told the address the preview listens on.
pub(super) type Listening = Box<dyn FnOnce(std::net::SocketAddr, &Ui)>;

/// What `start` adds to the preview: the workbench, a port that moves on when taken, and
/// what to do once it listens (say the tokened address, open the browser).
pub(super) struct Start {
    /// The workbench: token, page, actions.
    pub(super) workbench: crate::serve::Workbench,
    /// Told the address the preview listens on, before the first request is read.
    pub(super) listening: Listening,
    /// End this long after the last page closed.
    pub(super) idle_exit: Option<std::time::Duration>,
}

/// The listener on `args.bind`, at `args.port` or, for `start`, the next free port after
/// it (said so).
fn listen(args: &ServeArgs, ui: &Ui, next_free: bool) -> Result<std::net::TcpListener> {
    let tries = if next_free && args.port != 0 { 50 } else { 1 };
    let mut last = None;
    for offset in 0..tries {
        let port = args.port.saturating_add(offset);
        let address = std::net::SocketAddr::new(args.bind, port);
        match std::net::TcpListener::bind(address) {
            Ok(listener) => {
                if offset > 0 {
                    ui.note(&crate::t!("start-port-taken", taken = args.port, port = port));
                }
                return Ok(listener);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse && offset + 1 < tries => {
                last = Some(e);
            }
            Err(source) => {
                return Err(Error::Io {
                    action: "cannot listen on",
                    path: PathBuf::from(address.to_string()),
                    source,
                })
            }
        }
    }
    Err(Error::Io {
        action: "cannot listen on",
        path: PathBuf::from(args.bind.to_string()),
        source: last.unwrap_or_else(|| std::io::Error::other("no free port")),
    })
}

/// A diagnostic as the workbench lists it.
pub(super) fn diagnostic_json(d: &crate::error::Diagnostic) -> serde_json::Value {
    let at = d.location.as_ref();
    serde_json::json!({
        "message": d.message,
        "help": d.help,
        "file": at.map(|l| l.file.clone()),
        "line": at.map(|l| l.line),
        "column": at.map(|l| l.column),
        "text": at.map(|l| l.text.clone()),
    })
}

/// The last build's report for the workbench: `{"ok", "errors", "warnings"}`.
fn report_json(
    errors: &[crate::error::Diagnostic],
    warnings: &[crate::error::Diagnostic],
) -> String {
    serde_json::json!({
        "ok": errors.is_empty(),
        "errors": errors.iter().map(diagnostic_json).collect::<Vec<_>>(),
        "warnings": warnings.iter().map(diagnostic_json).collect::<Vec<_>>(),
    })
    .to_string()
}

/// Serve the preview of `args.file`, rebuilt on every save; with `start`, the workbench
/// too.
pub(super) fn preview(args: &ServeArgs, ui: &Ui, start: Option<Start>) -> Result<u8> {
    let browser = if args.output.png || args.output.pdf {
        Some(crate::share::Browser::find(args.output.browser.as_deref())?)
    } else {
        None
    };
    let build_args = BuildArgs {
        files: vec![args.file.clone()],
        range: args.range.clone(),
        out: PathBuf::from("."),
        output: args.output.clone(),
    };
    let listener = listen(args, ui, start.is_some())?;
    let local = listener.local_addr().map_err(|source| Error::Io {
        action: "cannot listen on",
        path: PathBuf::from(args.bind.to_string()),
        source,
    })?;
    let _ = listener.set_nonblocking(true);
    let mut state = State::new(local, ui.verbose);
    // Actions only on loopback: on a network address the preview alone is served.
    let (workbench, listening) = match start {
        Some(start) => {
            state.idle_exit = start.idle_exit;
            (Some(start.workbench), Some(start.listening))
        }
        None => (None, None),
    };
    state.workbench = workbench.filter(|_| local.ip().is_loopback());
    let state = Arc::new(state);
    let rebuild = Rebuild { state: state.clone(), args: build_args, browser };

    // Watch the calendar's folder (editors save by rename), the holiday files' folders and
    // the templates; rebuild after each quiet spell.
    let (tx, rx) = mpsc::channel();
    let templates = args.output.templates.clone();
    let what = {
        let (file, templates) = (args.file.clone(), templates.clone());
        move || Watched::of(&file, templates.as_deref())
    };
    let watched = Arc::new(std::sync::RwLock::new(what()));
    let for_events = Arc::clone(&watched);
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let wanted = event.is_ok_and(|e| {
            let Ok(watched) = for_events.read() else { return false };
            !e.kind.is_access() && e.paths.iter().any(|path| watched.wants(path))
        });
        if wanted {
            let _ = tx.send(());
        }
    })
    .map_err(|e| Error::Usage(crate::t!("serve-cannot-watch", error = e)))?;
    let watcher = Arc::new(std::sync::Mutex::new(watcher));
    let mut watching = Vec::new();
    follow(&watcher, &watched, &mut watching);
    // The first build, with the watcher already on: no save is missed.
    rebuild.run(ui);
    match listening {
        Some(listening) => listening(local, ui),
        None => announce(local, ui),
    }
    let quiet = ui.quiet;
    let verbose = ui.verbose;
    let watcher_for_builds = Arc::clone(&watcher);
    std::thread::spawn(move || {
        let ui = Ui::new(quiet, verbose);
        while rx.recv().is_ok() {
            // Wait for the writes to settle, then build once.
            while rx.recv_timeout(DEBOUNCE).is_ok() {}
            // The calendar may now name another roster or holiday file: watch it too.
            if let Ok(mut now) = watched.write() {
                *now = what();
            }
            follow(&watcher_for_builds, &watched, &mut watching);
            rebuild.run(&ui);
        }
    });

    if args.open {
        let _ = open(&format!("http://{}/", display_host(local)));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Usage(crate::t!("serve-cannot-start", error = e)))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::from_std(listener).map_err(|source| Error::Io {
            action: "cannot listen on",
            path: PathBuf::from(local.to_string()),
            source,
        })?;
        crate::serve::run(listener, state)
            .await
            .map_err(|e| Error::Usage(crate::t!("serve-cannot-wait", error = e)))
    })?;
    drop(watcher);
    ui.note(&crate::t!("serve-stopped"));
    Ok(0)
}

/// Builds the calendar into the served site: the pages reload, and a failed build keeps
/// the last good outputs and shows its error (with the status the workbench reads).
struct Rebuild {
    state: Arc<State>,
    args: BuildArgs,
    browser: Option<crate::share::Browser>,
}

impl Rebuild {
    fn run(&self, ui: &Ui) {
        let started = Instant::now();
        let templates = || Templates::load(self.args.output.templates.as_deref());
        let file = &self.args.files[0];
        let mut warnings = Vec::new();
        let result = super::load(file).and_then(|loaded| {
            let built = super::build::render(
                &self.args,
                file,
                &loaded,
                templates,
                self.browser.as_ref(),
                ui,
            )?;
            warnings = crate::schedule::check(&loaded.calendar, &built.1);
            warnings.extend(super::care::roster_warnings(&loaded));
            Ok(built)
        });
        let errors = match &result {
            Err(Error::Calendar(d)) => d.clone(),
            Err(other) => vec![crate::error::Diagnostic::error(other.to_string(), None)],
            Ok(_) => Vec::new(),
        };
        if let Ok(mut report) = self.state.report.write() {
            *report = report_json(&errors, &warnings);
        }
        let now = SystemTime::now();
        let Ok(mut site) = self.state.site.write() else { return };
        match result {
            Ok((files, _)) => {
                let count = files.len();
                site.update(files, now);
                ui.note(&crate::t!(
                    "serve-built",
                    count = count,
                    ms = started.elapsed().as_millis()
                ));
            }
            Err(error) => {
                ui.error(&error);
                let text = match &error {
                    Error::Calendar(diagnostics) => {
                        diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
                    }
                    other => format!("error: {other}"),
                };
                ui.note(&crate::t!("serve-last-good"));
                site.fail(text, now);
            }
        }
        drop(site);
        let _ = self.state.reloads.send(());
    }
}

/// Ask the system to watch the folders of `watched` not yet in `watching`.
fn follow(
    watcher: &std::sync::Mutex<notify::RecommendedWatcher>,
    watched: &std::sync::RwLock<Watched>,
    watching: &mut Vec<PathBuf>,
) {
    let (Ok(mut watcher), Ok(watched)) = (watcher.lock(), watched.read()) else { return };
    for (path, mode) in watched.watches() {
        if !watching.contains(&path) && watcher.watch(&path, mode).is_ok() {
            watching.push(path);
        }
    }
}

/// What a build of the calendar reads, and so what to watch: the calendar, the holiday
/// files it names, the arrangements saved on this computer and the templates folder. Only
/// changes to these rebuild: a log written beside the calendar does not.
struct Watched {
    /// Files, each as its folder (resolved) and name.
    files: Vec<PathBuf>,
    /// Folders any file below which counts (the templates, the saved arrangements).
    folders: Vec<PathBuf>,
}

/// `path` with its folder resolved (links, `..`), so that an event's path compares equal.
fn resolved(path: &Path) -> PathBuf {
    let folder = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    path.file_name().map_or(folder.clone(), |name| folder.join(name))
}

impl Watched {
    fn of(file: &Path, templates: Option<&Path>) -> Self {
        let mut files = vec![resolved(file)];
        if let Ok(calendar) = crate::config::load(file) {
            let base = file.parent().unwrap_or(Path::new(""));
            for origin in calendar
                .holidays
                .periods
                .iter()
                .filter(|p| p.source == crate::dates::Source::Shared)
                .filter_map(|p| p.origin.as_deref())
            {
                let file = resolved(&base.join(origin));
                if !files.contains(&file) {
                    files.push(file);
                }
            }
            // The member roster: its counts are on the pages.
            if let Some(care) = &calendar.care {
                files.push(resolved(&care.roster));
            }
        }
        let mut folders = Vec::new();
        folders.extend(
            templates.map(|d| std::fs::canonicalize(d).unwrap_or_else(|_| d.to_path_buf())),
        );
        folders.extend(super::store::holidays_dir().and_then(|d| std::fs::canonicalize(d).ok()));
        Self { files, folders }
    }

    /// Whether a change at `path` (as the watcher reports it) can change the build.
    fn wants(&self, path: &Path) -> bool {
        let path = resolved(path);
        self.files.contains(&path) || self.folders.iter().any(|d| path.starts_with(d))
    }

    /// The folders to ask the system to watch.
    fn watches(&self) -> Vec<(PathBuf, notify::RecursiveMode)> {
        let mut out: Vec<(PathBuf, notify::RecursiveMode)> = Vec::new();
        for file in &self.files {
            let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
            if !out.iter().any(|(d, _)| *d == dir) {
                out.push((dir, notify::RecursiveMode::NonRecursive));
            }
        }
        out.extend(self.folders.iter().map(|d| (d.clone(), notify::RecursiveMode::Recursive)));
        out
    }
}

pub(super) fn display_host(address: std::net::SocketAddr) -> String {
    if address.ip().is_unspecified() {
        format!("127.0.0.1:{}", address.port())
    } else {
        address.to_string()
    }
}

/// Say where it is served; on a network address, the URLs to give members and a warning.
fn announce(address: std::net::SocketAddr, ui: &Ui) {
    let host = display_host(address);
    // Standard output, so that scripts (and tests) can read the address; a closed pipe there
    // must never stop the server.
    let say = |line: String| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}").and_then(|()| out.flush());
    };
    say(crate::t!("serve-serving", url = format!("http://{host}/")));
    if address.ip().is_loopback() {
        ui.note(&crate::t!("serve-loopback"));
        return;
    }
    let mut urls = Vec::new();
    if address.ip().is_unspecified() {
        for interface in if_addrs::get_if_addrs().unwrap_or_default() {
            if !interface.is_loopback() && interface.ip().is_ipv4() {
                urls.push(format!("http://{}:{}/", interface.ip(), address.port()));
            }
        }
    } else {
        urls.push(format!("http://{address}/"));
    }
    for url in &urls {
        say(crate::t!("serve-network-url", url = url));
    }
    ui.note(&crate::t!("serve-network-warning"));
}

/// Open `url` in the default browser (best effort): whether a browser was started.
pub(super) fn open(url: &str) -> bool {
    // No shell ever sees the URL: on Windows the URL handler is called directly (through
    // `cmd /C start`, an `&` in it would start a program).
    let command = if cfg!(windows) {
        std::process::Command::new("rundll32").args(["url.dll,FileProtocolHandler", url]).spawn()
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    match command {
        Ok(_) => true,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr().lock(),
                "{}",
                crate::t!("serve-cannot-open", error = e, url = url)
            );
            false
        }
    }
}
