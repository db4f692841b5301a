//! Knowing, without rendering, that a build would write exactly what its folder holds.
//!
//! Every output is a function of the calendar, its schedule (holidays included), the
//! templates, the time stamp (`SOURCE_DATE_EPOCH`) and this program. A build records a
//! fingerprint of those and, for each file it wrote, its size and modification time, in
//! the user's cache folder (`UNIONCAL_CACHE_DIR` overrides it), never in the output folder.
//! The next build with the same fingerprint, finding every file as it left it, has nothing
//! to write and renders nothing. A file edited, touched, removed or added to the outputs
//! by hand, another version of unioncal, or a calendar change makes the build a full one.
//!
//! What it buys: a federation's unchanged rebuild costs reading and expanding each calendar
//! and a `stat` of its files, instead of rendering all of its pages and documents to
//! compare them (README "Performance").

use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::model::Calendar;

/// `fmt::Write` into a hasher, so that a value's `Debug` text is hashed without being built.
struct HashWriter(DefaultHasher);

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

/// This program, as built: its version and its executable's size and time, so that a
/// rebuilt binary never trusts the records of another.
fn program() -> String {
    let exe = std::env::current_exe().and_then(std::fs::metadata).ok();
    let (size, modified) = exe.map_or((0, 0), |m| (m.len(), nanos(&m)));
    format!("{} {size} {modified}", env!("CARGO_PKG_VERSION"))
}

fn nanos(metadata: &std::fs::Metadata) -> u128 {
    metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// What tells one version of a file from another: its size, its modification time and, on
/// Unix, its inode (every write replaces the file by a new one, so a rewrite within the
/// file system's clock tick is still seen).
fn identity(metadata: &std::fs::Metadata) -> String {
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(metadata);
    #[cfg(not(unix))]
    let inode = 0;
    format!("{} {} {inode}", metadata.len(), nanos(metadata))
}

/// The fingerprint of a build's inputs: the calendar's text (its `source`), the holidays
/// it knows (from its own periods, holiday files and the arrangements saved on this
/// computer), the range, the templates (see [`templates_text`]), the time stamp and this
/// program, and the slug (which a file's name can give). Everything else a build reads is
/// derived from these.
pub(crate) fn fingerprint(
    calendar: &Calendar,
    (from, to): (chrono::NaiveDate, chrono::NaiveDate),
    templates: &str,
    stamp: chrono::DateTime<chrono::Utc>,
) -> u64 {
    static PROGRAM: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let mut hash = HashWriter(DefaultHasher::new());
    let program = PROGRAM.get_or_init(program);
    // The slug and UID domain can come from the file's name rather than its text.
    let (source, slug, domain) = (calendar.source, &calendar.slug, &calendar.uid_domain);
    let holidays = &calendar.holidays;
    let _ = write!(
        hash,
        "{program}\n{templates}\n{stamp:?}\n{source} {slug} {domain}\n{from} {to}\n{holidays:?}"
    );
    hash.0.finish()
}

/// The templates a build uses, for its fingerprint: the override folder's files as they
/// are (the built-in ones are part of the program).
pub(crate) fn templates_text(dir: Option<&Path>) -> String {
    let Some(dir) = dir else { return String::new() };
    let mut text = dir.display().to_string();
    let names = crate::emit::templates::BUILT_IN.iter().map(|(n, _)| *n).chain(["style.css"]);
    for name in names {
        if let Ok(content) = std::fs::read_to_string(dir.join(name)) {
            let _ = write!(text, "\n{name}\n{content}");
        }
    }
    text
}

/// Where the record of the build into `out` is kept.
fn record_path(out: &Path) -> Option<PathBuf> {
    let base = match std::env::var_os("UNIONCAL_CACHE_DIR").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => dirs::cache_dir()?.join("unioncal"),
    };
    let out = std::fs::canonicalize(out).ok()?;
    let mut hash = DefaultHasher::new();
    hash.write(out.as_os_str().as_encoded_bytes());
    Some(base.join("builds").join(format!("{:016x}", hash.finish())))
}

const HEADER: &str = "unioncal build record 1";

/// The files of the last build into `out`, `(name, size)`, when it had `fingerprint` and
/// every file is still as that build left it.
pub(crate) fn unchanged(out: &Path, fingerprint: u64) -> Option<Vec<(String, u64)>> {
    let text = std::fs::read_to_string(record_path(out)?).ok()?;
    let mut lines = text.lines();
    if lines.next()? != HEADER || lines.next()? != format!("{fingerprint:016x}") {
        return None;
    }
    if lines.next()? != out.display().to_string() {
        return None;
    }
    let mut files = Vec::new();
    for line in lines {
        let (recorded, name) = line.split_once('\t')?;
        let metadata = std::fs::metadata(out.join(name)).ok()?;
        if identity(&metadata) != recorded {
            return None;
        }
        files.push((name.to_string(), metadata.len()));
    }
    (!files.is_empty()).then_some(files)
}

/// Record the build of `names` into `out` with `fingerprint`. A record that cannot be
/// written only costs the next build its shortcut.
pub(crate) fn remember(out: &Path, fingerprint: u64, names: &[&str]) {
    let Some(path) = record_path(out) else { return };
    let mut text = format!("{HEADER}\n{fingerprint:016x}\n{}\n", out.display());
    for name in names {
        let Ok(metadata) = std::fs::metadata(out.join(name)) else { return };
        let _ = writeln!(text, "{}\t{name}", identity(&metadata));
    }
    let _ = super::write_file(&path, text.as_bytes());
}

/// Forget the record of `out`, before files in it change.
pub(crate) fn forget(out: &Path) {
    if let Some(path) = record_path(out) {
        let _ = std::fs::remove_file(path);
    }
}
