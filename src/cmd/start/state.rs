//! `.unioncal-start`: a running start's claim on its folder, so that a second start there
//! opens the first instead of starting again. The file is created exclusively (never
//! through a planted link), readable by its owner alone, and holds the port, the token and
//! a proof: a second start believes a server only when it gives that proof back, so a
//! stranger's server on the stored port, or a file written by another user, is never
//! trusted. What cannot be read as ours is stale: removed (a link itself, not its target)
//! and claimed anew.

use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::{Error, Result};

/// The file beside the calendar.
pub(super) const STATE_FILE: &str = ".unioncal-start";

/// The folder is ours to serve, or another start serves it.
pub(super) enum Found {
    /// This start holds the folder's claim.
    Claimed(Claim),
    /// Another start serves the folder at this address.
    Running(String),
}

/// The claim: the open, exclusive state file, removed when the start ends.
pub(super) struct Claim {
    file: std::fs::File,
    path: PathBuf,
}

impl Claim {
    /// Say where this start listens, through the file it created (never by its name).
    pub(super) fn record(&mut self, port: u16, token: &str, proof: &str) -> std::io::Result<()> {
        self.file.set_len(0)?;
        self.file.rewind()?;
        self.file.write_all(format!("{port} {token} {proof}\n").as_bytes())?;
        self.file.sync_all()
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A token or a proof: 24 characters of the URL-safe alphabet, nothing else (no CR, LF,
/// `&` or space can ride along into a request or a URL).
pub(super) fn well_formed(secret: &str) -> bool {
    secret.len() == 24
        && secret.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Claim `folder`, or find the start that serves it. A claim still being written (a start
/// just begun) is waited for; a stale one is removed and claimed anew.
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be created (a read-only folder).
pub(super) fn claim(folder: &Path) -> Result<Found> {
    let path = folder.join(STATE_FILE);
    let io = |source| Error::Io { action: "cannot write", path: path.clone(), source };
    for _ in 0..40 {
        match create_exclusive(&path) {
            Ok(file) => return Ok(Found::Claimed(Claim { file, path })),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io(e)),
        }
        match read(&path) {
            Seen::Ours { port, token, proof } => {
                if let Some(url) = ping(port, &token, &proof) {
                    return Ok(Found::Running(url));
                }
                let _ = std::fs::remove_file(&path);
            }
            // Another start created it a moment ago and has not said its port yet.
            Seen::Young => std::thread::sleep(Duration::from_millis(250)),
            Seen::Stale => {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    Err(io(std::io::Error::other(crate::t!("start-claim-busy"))))
}

fn create_exclusive(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    // `create_new` fails on any existing name, a link (even a dangling one) included.
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// What the state file says.
enum Seen {
    /// A claim of ours, complete.
    Ours { port: u16, token: String, proof: String },
    /// Nothing readable yet, written in the last few seconds.
    Young,
    /// A link, another user's file, one others may read, garbage, or an old empty claim.
    Stale,
}

fn read(path: &Path) -> Seen {
    let Ok(meta) = std::fs::symlink_metadata(path) else { return Seen::Stale };
    if !meta.file_type().is_file() || !owner_only(&meta) || meta.len() > 256 {
        return Seen::Stale;
    }
    let mut text = String::new();
    let read = std::fs::File::open(path).and_then(|mut f| f.read_to_string(&mut text));
    let fields: Vec<&str> = text.trim_end_matches('\n').split(' ').collect();
    if let (Ok(_), [port, token, proof]) = (read, fields.as_slice()) {
        if let (Ok(port), true, true) = (port.parse(), well_formed(token), well_formed(proof)) {
            return Seen::Ours { port, token: (*token).to_string(), proof: (*proof).to_string() };
        }
    }
    let age = meta.modified().ok().and_then(|m| m.elapsed().ok());
    if text.is_empty() && age.is_some_and(|a| a < Duration::from_secs(10)) {
        Seen::Young
    } else {
        Seen::Stale
    }
}

/// Whether the file is this user's and no one else's (on Unix; elsewhere the folder's
/// own permissions decide).
#[cfg(unix)]
fn owner_only(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    meta.permissions().mode() & 0o077 == 0 && Some(meta.uid()) == own_uid()
}

#[cfg(not(unix))]
fn owner_only(_meta: &std::fs::Metadata) -> bool {
    true
}

/// This process's user id, from a file it creates (the standard library has no `geteuid`,
/// and this crate has no unsafe code).
#[cfg(unix)]
fn own_uid() -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    let file = tempfile::tempfile().ok()?;
    file.metadata().ok().map(|m| m.uid())
}

/// Ask the start at `port` for its proof: its address, when the proof is right.
fn ping(port: u16, token: &str, proof: &str) -> Option<String> {
    let address = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let mut stream =
        std::net::TcpStream::connect_timeout(&address, Duration::from_millis(500)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(3))).ok()?;
    let request = format!(
        "GET /__unioncal/ping?token={token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = Vec::new();
    let _ = stream.take(64 * 1024).read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    let (head, body) = answer.split_once("\r\n\r\n")?;
    let json: serde_json::Value = serde_json::from_str(body.trim()).ok()?;
    let given = json.get("proof").and_then(serde_json::Value::as_str)?;
    (head.starts_with("HTTP/1.1 200") && given == proof)
        .then(|| format!("http://127.0.0.1:{port}/?token={token}"))
}
