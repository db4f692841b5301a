//! Writing files so that nothing is ever half-written.
//!
//! A build's outputs are staged first: every changed file is written to a temporary file
//! beside its final name, and only when all of them are written are they renamed into
//! place, one after another. A build that fails while writing (a full disk, a folder where
//! a file should be) removes what it staged and leaves the previous outputs exactly as they
//! were; a subscriber or web server sees either the old or the new complete file.
//!
//! Temporary files are created exclusively under a random name (`.{name}.{random}.tmp`,
//! `O_EXCL`), so a link planted in the output folder is never followed; ones an
//! interrupted build left are removed from every folder a build writes.
//!
//! A single file the user keeps (`holidays import --into`, a saved arrangement, a calendar
//! `check --fix` repairs) is written through a symbolic link to its target, keeps its
//! permissions, and is refused when it is not a regular file. Files are not fsynced: rename
//! gives the atomic swap readers need, and a sync per file would cost more than the whole
//! build.

pub(crate) mod record;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Output files in memory: a path relative to the output folder, and the bytes.
pub type Files = Vec<(String, Vec<u8>)>;

fn io_error<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> Error + 'a {
    move |source| Error::Io { action, path: path.to_path_buf(), source }
}

/// A file written beside `path` under an exclusive random name, not yet in place; removed
/// when dropped unless [`Staged::commit`] renames it.
struct Staged {
    temp: tempfile::TempPath,
    path: PathBuf,
}

impl Staged {
    /// Write `contents` beside `path`, with `permissions` (those of the file it replaces)
    /// or the usual ones of a new file.
    fn write(
        path: &Path,
        contents: &[u8],
        permissions: Option<std::fs::Permissions>,
    ) -> Result<Self> {
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let io = io_error("cannot write", path);
        let result = (|| {
            let mut file = tempfile::Builder::new()
                .prefix(&format!(".{name}."))
                .suffix(".tmp")
                .rand_bytes(8)
                .tempfile_in(dir)?;
            file.write_all(contents)?;
            if let Some(permissions) = permissions.or_else(new_file_permissions) {
                file.as_file().set_permissions(permissions)?;
            }
            Ok(file.into_temp_path())
        })();
        result.map(|temp| Self { temp, path: path.to_path_buf() }).map_err(io)
    }

    /// Rename the staged file into place.
    fn commit(self) -> Result<()> {
        let path = self.path;
        self.temp.persist(&path).map_err(|e| Error::Io {
            action: "cannot write",
            path: path.clone(),
            source: e.error,
        })
    }
}

/// The permissions of a private file: its owner's alone (`0600`).
fn private_file_permissions() -> Option<std::fs::Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(std::fs::Permissions::from_mode(0o600))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Whether the file at `path` is its owner's alone (always, elsewhere than Unix).
fn owner_only(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o077 == 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        true
    }
}

/// The permissions of a new output file: readable by all, like any web page (`0644`);
/// elsewhere than Unix, the system's default.
fn new_file_permissions() -> Option<std::fs::Permissions> {
    #[cfg(unix)]
    return Some(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    #[cfg(not(unix))]
    None
}

/// The file a user's `path` stands for: the target of a symbolic link (followed to the
/// end, even when that target does not exist yet), else `path` itself.
fn resolve_links(path: &Path) -> Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&path).map_err(io_error("cannot read", &path))?;
                path = match path.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(Error::Io {
        action: "cannot write",
        path,
        source: std::io::Error::other("too many levels of symbolic links"),
    })
}

/// The metadata of the regular file at `path` (links followed), `None` when there is
/// none; what is not a regular file (a folder, a FIFO, a device) is refused.
///
/// # Errors
///
/// [`Error::Io`] for what is not a regular file, or cannot be looked at.
pub(crate) fn regular_or_absent(path: &Path) -> Result<Option<std::fs::Metadata>> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(Some(meta)),
        Ok(_) => Err(Error::Io {
            action: "cannot write",
            path: path.to_path_buf(),
            source: std::io::Error::other(crate::t!("not-a-regular-file")),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error("cannot write", path)(e)),
    }
}

/// Write `contents` to the file the user keeps at `path`, atomically: through a symbolic
/// link to its target, keeping the file's permissions.
///
/// # Errors
///
/// [`Error::Io`] when `path` is not a regular file (a folder, a FIFO, a device) or its
/// folder is not writable; the file is then as it was.
pub(crate) fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let target = resolve_links(path)?;
    let existing = regular_or_absent(&target)?;
    Staged::write(&target, contents, existing.map(|m| m.permissions()))?.commit()
}

/// Write `contents` to a new file at `path`, staged then renamed into place, and never over
/// a file already there (a backup): a write that fails or is killed leaves no file at
/// `path`, only a temporary that the next write into the folder removes.
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be written, or `path` is taken.
pub(crate) fn write_new(path: &Path, contents: &[u8]) -> Result<()> {
    remove_stale_temporaries_of(path);
    let staged = Staged::write(path, contents, None)?;
    staged.temp.persist_noclobber(&staged.path).map_err(|e| Error::Io {
        action: "cannot write",
        path: path.to_path_buf(),
        source: e.error,
    })?;
    Ok(())
}

/// Write `contents` to `path` as [`write_atomic`], making its folder first if needed.
///
/// # Errors
///
/// [`Error::Io`] when the folder cannot be made or the file written.
pub(crate) fn write_file(path: &Path, contents: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io_error("cannot create", dir))?;
    }
    write_atomic(path, contents)
}

/// Write every file into `dir` (created if needed): all changed files are staged, then
/// renamed into place; files whose contents are already there are not written again.
///
/// # Errors
///
/// [`Error::Io`] for the first file that cannot be staged: nothing in `dir` has changed
/// then (sub-folders the build needed may have been made).
pub fn write_all(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    write_files(dir, files, false)
}

/// Write private files (names, birthdays) into `dir` as [`write_all`] does, readable by
/// their owner alone whatever the umask: the folder `0700`, each file `0600`.
///
/// # Errors
///
/// As [`write_all`].
pub(crate) fn write_private(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(io_error("cannot create", dir))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let owner_only = std::fs::Permissions::from_mode(0o700);
        std::fs::set_permissions(dir, owner_only).map_err(io_error("cannot create", dir))?;
    }
    write_files(dir, files, true)
}

fn write_files(dir: &Path, files: &[(String, Vec<u8>)], private: bool) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(io_error("cannot create", dir))?;
    let mut folders: Vec<PathBuf> = vec![dir.to_path_buf()];
    for (name, _) in files {
        let parent = dir.join(name).parent().map(Path::to_path_buf).unwrap_or_default();
        if !folders.contains(&parent) {
            folders.push(parent);
        }
    }
    let mut staged = Vec::new();
    for folder in &folders {
        std::fs::create_dir_all(folder).map_err(io_error("cannot create", folder))?;
        remove_stale_temporaries(folder);
    }
    for (name, contents) in files {
        let path = dir.join(name);
        // An identical file is left untouched (no rename, its time kept), so web servers'
        // Last-Modified and ETags stay and phones do not fetch an unchanged feed again.
        if unchanged(&path, contents) && (!private || owner_only(&path)) {
            continue;
        }
        // A folder at a file's name fails here, before anything is renamed. A link in
        // the output folder is replaced, not followed.
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
            return Err(Error::Io {
                action: "cannot write",
                path,
                source: std::io::Error::other(crate::t!("not-a-regular-file")),
            });
        }
        let permissions = if private {
            private_file_permissions()
        } else {
            std::fs::symlink_metadata(&path)
                .ok()
                .filter(std::fs::Metadata::is_file)
                .map(|m| m.permissions())
        };
        staged.push(Staged::write(&path, contents, permissions)?);
    }
    for file in staged {
        file.commit()?;
    }
    Ok(())
}

/// Commit a build into `dir`: its record forgotten, every file staged and renamed into
/// place ([`write_all`]), then the build recorded under `fingerprint` (when there is one),
/// so that the next build with the same inputs finds nothing to do.
///
/// # Errors
///
/// As [`write_all`]: nothing in `dir` has changed then.
pub(crate) fn commit(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    fingerprint: Option<u64>,
) -> Result<()> {
    record::forget(dir);
    write_all(dir, files)?;
    if let Some(fingerprint) = fingerprint {
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        record::remember(dir, fingerprint, &names);
    }
    Ok(())
}

/// Whether the file at `path` already holds exactly `contents`.
fn unchanged(path: &Path, contents: &[u8]) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == contents.len() as u64 => {
            std::fs::read(path).is_ok_and(|existing| existing == contents)
        }
        _ => false,
    }
}

/// Remove the temporary files an interrupted earlier write of `path` left beside it
/// (`.{name}.….tmp`, links removed, never followed), and no others.
fn remove_stale_temporaries_of(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else { return };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let entry_name = entry.file_name();
        let entry_name = entry_name.to_string_lossy();
        let ours = entry_name.starts_with(&prefix)
            && entry_name.ends_with(".tmp")
            && entry_name.len() == prefix.len() + 8 + ".tmp".len();
        if ours && entry.file_type().is_ok_and(|t| !t.is_dir()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Remove the temporary files an interrupted earlier build left in `dir` (`.{name}.….tmp`,
/// links included: they are removed, never followed).
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let stale = name.len() > ".x..tmp".len()
            && name.starts_with('.')
            && name.ends_with(".tmp")
            && name[1..].contains('.');
        if stale && entry.file_type().is_ok_and(|t| !t.is_dir()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_stage_leaves_every_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.ics"), "old feed").unwrap();
        std::fs::create_dir(dir.path().join("b.html")).unwrap();
        let files = vec![
            ("a.ics".to_string(), b"new feed".to_vec()),
            ("b.html".to_string(), b"new page".to_vec()),
        ];
        assert!(write_all(dir.path(), &files).is_err());
        assert_eq!(std::fs::read(dir.path().join("a.ics")).unwrap(), b"old feed");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(left.len(), 2, "no temporary file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_at_a_temporary_name_is_removed_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        std::fs::create_dir(dir.path().join("events")).unwrap();
        let planted = dir.path().join(format!("events/.a.ics.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        write_all(dir.path(), &[("events/a.ics".to_string(), b"feed".to_vec())]).unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert!(std::fs::symlink_metadata(&planted).is_err(), "the stale link is gone");
        assert_eq!(std::fs::read(dir.path().join("events/a.ics")).unwrap(), b"feed");
    }

    #[cfg(unix)]
    #[test]
    fn a_kept_file_is_written_through_its_link_and_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("shared.toml");
        std::fs::write(&target, "old").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o440)).unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink("shared.toml", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o440);
    }

    #[test]
    fn what_is_not_a_regular_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let error = write_atomic(dir.path(), b"x").unwrap_err();
        assert_eq!(error.exit_code(), 3);
    }
}
