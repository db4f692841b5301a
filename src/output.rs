//! Writing output files atomically: each file is written to a temporary file in the same
//! folder and renamed over the old one, so a subscriber or web server sees either the old
//! or the new complete file, never half of one. Files are not fsynced: rename gives the
//! atomic swap readers need, and a sync per file would cost more than the whole build.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Output files in memory: a path relative to the output folder, and the bytes.
pub type Files = Vec<(String, Vec<u8>)>;

/// Write `contents` to `path` atomically.
///
/// # Errors
///
/// [`Error::Io`] when the folder is not writable.
pub(crate) fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp: PathBuf = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let io = |source| Error::Io { action: "cannot write", path: path.to_path_buf(), source };
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(contents)?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(io)
}

/// Write `contents` to `path` atomically, making its folder first if needed.
///
/// # Errors
///
/// [`Error::Io`] when the folder cannot be made or the file written.
pub(crate) fn write_file(path: &Path, contents: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            action: "cannot create",
            path: dir.to_path_buf(),
            source,
        })?;
    }
    write_atomic(path, contents)
}

/// Write every file into `dir` (created if needed), each atomically; files whose contents
/// are already there are not written again.
///
/// # Errors
///
/// [`Error::Io`] for the first file that cannot be written.
pub fn write_all(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        action: "cannot create",
        path: dir.to_path_buf(),
        source,
    })?;
    remove_stale_temporaries(dir, files);
    let mut made: Vec<PathBuf> = Vec::new();
    for (name, contents) in files {
        let path = dir.join(name);
        // Files in sub-folders (`events/`, `share/`): make each folder once.
        if let Some(parent) = path.parent().filter(|p| *p != dir && !made.iter().any(|m| m == p)) {
            std::fs::create_dir_all(parent).map_err(|source| Error::Io {
                action: "cannot create",
                path: parent.to_path_buf(),
                source,
            })?;
            made.push(parent.to_path_buf());
        }
        // An identical file is left untouched (no rename, its time kept), so web servers'
        // Last-Modified and ETags stay and phones do not fetch an unchanged feed again.
        if unchanged(&path, contents) {
            continue;
        }
        write_atomic(&path, contents)?;
    }
    Ok(())
}

/// Whether the file at `path` already holds exactly `contents`.
fn unchanged(path: &Path, contents: &[u8]) -> bool {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == contents.len() as u64 => {
            std::fs::read(path).is_ok_and(|existing| existing == contents)
        }
        _ => false,
    }
}

/// Remove temporary files an interrupted earlier build left for these names.
fn remove_stale_temporaries(dir: &Path, files: &[(String, Vec<u8>)]) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let stale = name.ends_with(".tmp")
            && files.iter().any(|(file, _)| {
                name.strip_prefix('.').is_some_and(|rest| rest.starts_with(&format!("{file}.")))
            });
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
