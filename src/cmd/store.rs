//! The user's data folder: holiday arrangements saved by `holidays import --save`, which
//! every calendar on the machine then uses. `$UNIONCAL_DATA_DIR` overrides the place
//! (`$XDG_DATA_HOME/unioncal` on Linux, `%APPDATA%\unioncal` on Windows,
//! `~/Library/Application Support/unioncal` on macOS).

use std::path::PathBuf;

use crate::dates::{Period, Source};
use crate::error::{Error, Result};

/// The folder saved arrangements live in, one `{year}.toml` each.
pub(crate) fn holidays_dir() -> Option<PathBuf> {
    let base = match std::env::var_os("UNIONCAL_DATA_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => dirs::data_dir()?.join("unioncal"),
    };
    Some(base.join("holidays"))
}

/// Every saved arrangement's periods, in file-name order.
///
/// # Errors
///
/// A saved file that cannot be read, or has mistakes (each at its line and column).
pub(crate) fn saved_periods() -> Result<Vec<Period>> {
    let Some(dir) = holidays_dir() else { return Ok(Vec::new()) };
    let Ok(entries) = std::fs::read_dir(&dir) else { return Ok(Vec::new()) };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut periods = Vec::new();
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|source| Error::Io {
            action: "cannot read",
            path: path.clone(),
            source,
        })?;
        let name = path.display().to_string();
        let found =
            crate::config::read_holidays_file(&name, &bytes, Source::Saved, Some(name.clone()))
                .map_err(Error::Calendar)?;
        periods.extend(found);
    }
    Ok(periods)
}

/// The path a year's saved arrangement goes to.
pub(crate) fn saved_path(year: i32) -> Option<PathBuf> {
    holidays_dir().map(|dir| dir.join(format!("{year}.toml")))
}
