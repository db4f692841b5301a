//! Pictures and a PDF to share (`build --png`, `build --pdf`), made by a Chromium-family
//! browser already on the machine — Chrome, Chromium or Microsoft Edge (every Windows
//! 10/11 PC has it) — run headless on the pages `emit` produced. It comes after the
//! emitters and never inside them: the pages are written to a temporary folder, the
//! browser prints or captures them, and the results join the build's files, so nothing is
//! written to the output folder unless everything succeeded.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::emit::html::SharePages;
use crate::error::{Error, Result};

/// How long one browser run may take before it is stopped.
const TIMEOUT: Duration = Duration::from_secs(90);

/// The CSS size of an A4 landscape page at 96 px per inch, and the scale that gives
/// 150 dots per inch (1754 × 1241 px).
const A4: (u32, u32) = (1123, 794);
const A4_SCALE: &str = "1.5625";

/// A Chromium-family browser.
#[derive(Debug, Clone)]
pub struct Browser {
    path: PathBuf,
}

/// The program names looked for on `PATH`.
const NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
];

/// The usual install places, per platform.
fn install_places() -> Vec<PathBuf> {
    let mut places = Vec::new();
    if cfg!(windows) {
        for var in ["ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"] {
            if let Some(base) = std::env::var_os(var) {
                let base = PathBuf::from(base);
                places.push(base.join(r"Microsoft\Edge\Application\msedge.exe"));
                places.push(base.join(r"Google\Chrome\Application\chrome.exe"));
                places.push(base.join(r"Chromium\Application\chrome.exe"));
            }
        }
    } else if cfg!(target_os = "macos") {
        for app in [
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
        ] {
            places.push(PathBuf::from(app));
        }
    } else {
        for path in [
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
            "/snap/bin/chromium",
            "/opt/google/chrome/chrome",
            "/opt/microsoft/msedge/msedge",
        ] {
            places.push(PathBuf::from(path));
        }
    }
    places
}

impl Browser {
    /// The browser named by `--browser` (or `UNIONCAL_BROWSER`), else the first found on
    /// `PATH` or in the usual install folders.
    ///
    /// # Errors
    ///
    /// [`Error::Browser`] naming every place searched and what to install.
    pub fn find(named: Option<&Path>) -> Result<Self> {
        let named = named.map(Path::to_path_buf).or_else(|| {
            std::env::var_os("UNIONCAL_BROWSER").filter(|v| !v.is_empty()).map(PathBuf::from)
        });
        if let Some(path) = named {
            return if path.is_file() {
                Ok(Self { path })
            } else {
                Err(Error::Browser {
                    message: crate::t!("browser-missing", path = path.display()),
                    searched: vec![path],
                })
            };
        }
        Self::search(std::env::var_os("PATH"), install_places())
    }

    /// The first browser on `path` (a `PATH` value), else among `places`.
    fn search(path: Option<std::ffi::OsString>, places: Vec<PathBuf>) -> Result<Self> {
        let mut searched = Vec::new();
        let exe = if cfg!(windows) { ".exe" } else { "" };
        for dir in path.iter().flat_map(std::env::split_paths) {
            for name in NAMES {
                let candidate = dir.join(format!("{name}{exe}"));
                if candidate.is_file() {
                    return Ok(Self { path: candidate });
                }
            }
            searched.push(dir.join("{chromium,google-chrome,microsoft-edge,msedge}"));
        }
        for candidate in places {
            if candidate.is_file() {
                return Ok(Self { path: candidate });
            }
            searched.push(candidate);
        }
        Err(Error::Browser { message: crate::t!("browser-none"), searched })
    }

    /// Where the browser is.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Run the browser headless on `page` with `args`, in a fresh profile under `work`.
    fn run(&self, work: &Path, args: &[String], page: &Path) -> Result<String> {
        // A profile of its own per run: runs may go side by side.
        static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let profile = work.join(format!("profile-{run}"));
        let mut command = Command::new(&self.path);
        command
            .args([
                "--headless",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--hide-scrollbars",
                "--mute-audio",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(args)
            .arg(file_url(page))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if running_as_root() {
            // Chromium refuses to start its sandbox as root (a container, CI).
            command.arg("--no-sandbox");
        }
        let failed = |why: String| Error::Browser {
            message: crate::t!("browser-failed", path = self.path.display(), why = why),
            searched: Vec::new(),
        };
        let mut child = command.spawn().map_err(|e| failed(e.to_string()))?;
        // Read what it prints while it runs, so that a full pipe never stalls it.
        let reader = child.stdout.take().map(|mut stdout| {
            std::thread::spawn(move || {
                let mut text = Vec::new();
                let _ = std::io::Read::read_to_end(&mut stdout, &mut text);
                text
            })
        });
        let started = Instant::now();
        loop {
            match child.try_wait() {
                Ok(Some(_)) => break,
                Ok(None) if started.elapsed() > TIMEOUT => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(failed(crate::t!("browser-timeout", seconds = TIMEOUT.as_secs())));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                Err(e) => return Err(failed(e.to_string())),
            }
        }
        let stdout = reader.and_then(|r| r.join().ok()).unwrap_or_default();
        Ok(String::from_utf8_lossy(&stdout).into_owned())
    }

    /// Print `page` to a PDF, as the browser's Print does (no header or footer).
    ///
    /// # Errors
    ///
    /// When the browser fails or writes no PDF.
    pub(crate) fn print_pdf(&self, work: &Path, page: &Path) -> Result<Vec<u8>> {
        let pdf = work.join("print.pdf");
        self.run(
            work,
            &[
                format!("--print-to-pdf={}", pdf.display()),
                "--no-pdf-header-footer".into(),
                "--print-to-pdf-no-header".into(),
            ],
            page,
        )?;
        read_result(&self.path, &pdf)
    }

    /// Capture `page` in a window of `width` × `height` CSS px at `scale` as a PNG.
    ///
    /// # Errors
    ///
    /// When the browser fails or writes no picture.
    pub(crate) fn capture_png(
        &self,
        work: &Path,
        page: &Path,
        (width, height): (u32, u32),
        scale: &str,
    ) -> Result<Vec<u8>> {
        let png = page.with_extension("png");
        self.run(
            work,
            &[
                format!("--screenshot={}", png.display()),
                format!("--window-size={width},{height}"),
                format!("--force-device-scale-factor={scale}"),
                "--default-background-color=fffffdf8".into(),
            ],
            page,
        )?;
        read_result(&self.path, &png)
    }

    /// The page after its scripts ran (`--dump-dom`).
    fn dom(&self, work: &Path, page: &Path, width: u32) -> Result<String> {
        self.run(
            work,
            &[
                "--dump-dom".into(),
                "--virtual-time-budget=2000".into(),
                format!("--window-size={width},1000"),
            ],
            page,
        )
    }
}

fn read_result(browser: &Path, path: &Path) -> Result<Vec<u8>> {
    match std::fs::read(path) {
        Ok(bytes) if !bytes.is_empty() => Ok(bytes),
        _ => Err(Error::Browser {
            message: crate::t!(
                "browser-wrote-nothing",
                path = browser.display(),
                file = path.display()
            ),
            searched: Vec::new(),
        }),
    }
}

#[cfg(unix)]
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

#[cfg(not(unix))]
fn running_as_root() -> bool {
    false
}

/// A `file://` URL of an absolute path (spaces and non-ASCII percent-encoded).
fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from(if text.starts_with('/') { "file://" } else { "file:///" });
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~:".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// A picture to take: its output name, the page, the window in CSS px, and the scale.
struct Shot<'a> {
    name: String,
    page: PathBuf,
    window: (u32, u32),
    scale: &'a str,
}

/// A temporary folder, removed when dropped.
struct WorkDir(PathBuf);

impl WorkDir {
    fn new() -> Result<Self> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path =
            std::env::temp_dir().join(format!("unioncal-share-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path).map_err(|source| Error::Io {
            action: "cannot create",
            path: path.clone(),
            source,
        })?;
        Ok(Self(path))
    }

    fn write(&self, name: &str, contents: &[u8]) -> Result<PathBuf> {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| Error::Io {
                action: "cannot create",
                path: parent.to_path_buf(),
                source,
            })?;
        }
        std::fs::write(&path, contents).map_err(|source| Error::Io {
            action: "cannot write",
            path: path.clone(),
            source,
        })?;
        Ok(path)
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The share outputs: with `png`, `share/YYYY-MM.png` (the month as a 1080 px wide long
/// picture), `share/YYYY-MM-a4.png` (the printed month at 150 dpi) and `share/YYYY.png`
/// (the year page); with `pdf`, `print.pdf` (every month on its own A4 landscape page).
///
/// # Errors
///
/// [`Error::Browser`] when the browser fails; nothing is returned then.
pub fn render(
    browser: &Browser,
    files: &[(String, Vec<u8>)],
    pages: &SharePages,
    year: i32,
    png: bool,
    pdf: bool,
) -> Result<Vec<(String, Vec<u8>)>> {
    let work = WorkDir::new()?;
    let mut out = Vec::new();
    if pdf {
        for (name, contents) in files.iter().filter(|(n, _)| n.ends_with(".html")) {
            work.write(name, contents)?;
        }
        out.push((
            "print.pdf".to_string(),
            browser.print_pdf(&work.0, &work.0.join("print.html"))?,
        ));
    }
    if png {
        let measure = work.write("measure.html", pages.measure.as_bytes())?;
        let dom = browser.dom(&work.0, &measure, 540)?;
        let heights: Vec<(String, u32)> = dom
            .split("<pre id=\"share-heights\">")
            .nth(1)
            .and_then(|s| s.split("</pre>").next())
            .unwrap_or_default()
            .lines()
            .filter_map(|l| {
                let (id, h) = l.split_once(' ')?;
                Some((id.trim_start_matches("share-").to_string(), h.trim().parse().ok()?))
            })
            .collect();
        // Every picture to take: (output name, page, window, scale).
        let mut jobs: Vec<Shot<'_>> = Vec::new();
        for (id, phone, a4) in &pages.months {
            // A little room below the measured height: window chrome may take a few pixels.
            let height = heights
                .iter()
                .find(|(i, _)| i == id)
                .map_or(2000, |(_, h)| *h + 24)
                .clamp(400, 8000);
            let page = work.write(&format!("share-{id}.html"), phone.as_bytes())?;
            jobs.push(Shot {
                name: format!("share/{id}.png"),
                page,
                window: (540, height),
                scale: "2",
            });
            let page = work.write(&format!("a4-{id}.html"), a4.as_bytes())?;
            jobs.push(Shot {
                name: format!("share/{id}-a4.png"),
                page,
                window: A4,
                scale: A4_SCALE,
            });
        }
        let page = work.write("year.html", pages.year.as_bytes())?;
        jobs.push(Shot { name: format!("share/{year}.png"), page, window: A4, scale: A4_SCALE });
        // Two browsers at a time: each run is mostly start-up, and this machine has cores.
        let (even, odd): (Vec<_>, Vec<_>) = jobs.iter().enumerate().partition(|(i, _)| i % 2 == 0);
        let take = |list: Vec<(usize, &Shot<'_>)>| {
            list.into_iter()
                .map(|(i, shot)| {
                    browser
                        .capture_png(&work.0, &shot.page, shot.window, shot.scale)
                        .map(|png| (i, shot.name.clone(), png))
                })
                .collect::<Result<Vec<_>>>()
        };
        let (odd, even) = crate::parallel::join(|| take(odd), || take(even));
        let mut taken = even?;
        taken.extend(odd?);
        taken.sort_by_key(|(i, _, _)| *i);
        out.extend(taken.into_iter().map(|(_, name, png)| (name, png)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/工会.html")),
            "file:///tmp/a%20b/%E5%B7%A5%E4%BC%9A.html"
        );
        assert_eq!(file_url(Path::new(r"C:\Users\x\a.html")), "file:///C:/Users/x/a.html");
    }

    #[test]
    fn the_search_names_every_place_and_finds_a_browser_on_path() {
        let dir =
            std::env::temp_dir().join(format!("unioncal-browser-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let places = vec![PathBuf::from("/nowhere/msedge"), PathBuf::from("/nowhere/chrome")];
        let Err(Error::Browser { searched, .. }) =
            Browser::search(Some(dir.clone().into_os_string()), places.clone())
        else {
            panic!("found a browser in an empty folder");
        };
        assert_eq!(searched.len(), 3);
        assert!(searched[0].starts_with(&dir));
        assert_eq!(&searched[1..], &places[..]);
        let fake = dir.join(if cfg!(windows) { "msedge.exe" } else { "msedge" });
        std::fs::write(&fake, "").unwrap();
        let found = Browser::search(Some(dir.clone().into_os_string()), places).unwrap();
        assert_eq!(found.path(), fake);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_named_browser_that_does_not_exist_is_an_error_naming_it() {
        let Err(Error::Browser { searched, .. }) =
            Browser::find(Some(Path::new("/nonexistent/chrome")))
        else {
            panic!("found a browser that does not exist");
        };
        assert_eq!(searched, [PathBuf::from("/nonexistent/chrome")]);
    }
}
