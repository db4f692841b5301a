//! Reading a calendar file: bytes → TOML (the serde mirror in `raw`) → a validated [`Calendar`].
//!
//! Raw TOML types never leave this module. Every problem becomes a [`Diagnostic`] that
//! names the file, line and column.

pub mod activity;
mod care;
pub mod edit;
mod holidays;
mod plan;
mod raw;
pub(crate) mod slips;
mod validate;
mod validator;
mod values;

pub(crate) use holidays::{put_into, saved_file, to_toml as periods_toml};
pub use holidays::{read as read_holidays_file, NoticeRecord};
pub(crate) use values::{half_width, lunar_day};

use std::path::Path;

use crate::error::{Diagnostic, Error, Location, Result, SourceFile};
use crate::model::Calendar;

/// The largest calendar file unioncal reads.
pub(crate) const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// Read and validate the calendar file at `path`.
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read, [`Error::Calendar`] with every problem
/// found when it is not a valid calendar.
pub fn load(path: &Path) -> Result<Calendar> {
    let io = |source| Error::Io { action: "cannot read", path: path.to_path_buf(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    let name = path.display().to_string();
    if size > MAX_FILE_SIZE {
        return Err(Error::calendar(
            Diagnostic::error(crate::t!("file-too-big", name = name, size = size), None)
                .with_help(crate::t!("file-too-big-help")),
        ));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    parse_as(path, &bytes)
}

/// Validate `bytes` as the calendar file at `path` would be (its name in messages, its
/// slug, its holidays files beside it): a change checked before it replaces the file.
///
/// # Errors
///
/// [`Error::Calendar`] with every problem found.
pub fn parse_as(path: &Path, bytes: &[u8]) -> Result<Calendar> {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let base = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    parse_in(&path.display().to_string(), bytes, &stem, base)
}

/// Validate a calendar from its bytes. `name` is shown in messages; `stem` (the file
/// name without `.toml`) gives the default slug.
///
/// ```
/// use chrono::NaiveDate;
///
/// let text = r#"
/// [calendar]
/// name = "城东小学工会"
///
/// [[events]]
/// id = "women"
/// title = "三八妇女节活动"
/// date = "3月8日"
///
/// [[events]]
/// id = "mid-autumn"
/// title = "中秋慰问"
/// lunar = "八月十五"
/// "#;
/// let calendar = unioncal::config::parse("union.toml", text.as_bytes(), "union").unwrap();
/// let (from, to) = unioncal::schedule::year_range(2027);
/// let schedule = unioncal::schedule::expand(&calendar, from, to).unwrap();
/// let dates: Vec<NaiveDate> = schedule.occurrences.iter().map(|o| o.date).collect();
/// assert_eq!(dates, [NaiveDate::from_ymd_opt(2027, 3, 8).unwrap(),
///                    NaiveDate::from_ymd_opt(2027, 9, 15).unwrap()]);
///
/// // A mistake names its line and column, and says how to fix it.
/// let error = unioncal::config::parse("union.toml", b"[calendar]\nnme = 1\n", "union");
/// assert!(error.unwrap_err().to_string().contains("union.toml:2:1"));
/// ```
///
/// # Errors
///
/// [`Error::Calendar`] with every problem found.
pub fn parse(name: &str, bytes: &[u8], stem: &str) -> Result<Calendar> {
    parse_in(name, bytes, stem, Path::new("."))
}

/// [`parse`], with holidays files named by the calendar read relative to `base`.
fn parse_in(name: &str, bytes: &[u8], stem: &str, base: &Path) -> Result<Calendar> {
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(Error::calendar(Diagnostic::error(
            crate::t!("file-too-big-bytes", name = name),
            None,
        )));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return Err(Error::calendar(not_utf8(name, bytes, e.valid_up_to()))),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let source = SourceFile::new(name, text);
    let mut calendar = validate::calendar(&source, stem, base).map_err(Error::Calendar)?;
    calendar.source = fingerprint(bytes);
    Ok(calendar)
}

/// A fingerprint of a calendar file's bytes: the calendar's `source`, and the version the
/// workbench's form checks before it saves.
#[must_use]
pub(crate) fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    std::hash::Hasher::write(&mut hasher, bytes);
    std::hash::Hasher::finish(&hasher)
}

/// The JSON Schema of the calendar file, generated from the types the parser reads it
/// with, so the two cannot drift.
#[must_use]
pub fn schema() -> String {
    let mut schema = schemars::schema_for!(raw::RawFile);
    schema.insert("title".into(), "unioncal calendar file".into());
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The default slug of a file named `stem`: lowercased, every run of characters other
/// than `a-z0-9` turned into `-`, `-` trimmed; `calendar` if nothing is left.
#[must_use]
pub(crate) fn slug_from_stem(stem: &str) -> String {
    let mut slug = String::new();
    for c in stem.to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "calendar".to_string()
    } else if reserved_on_windows(slug) || slug.len() > validate::MAX_KEY {
        // `con.toml`: a name Windows cannot create; a very long file name.
        let cut: String = slug.chars().take(validate::MAX_KEY - "-calendar".len()).collect();
        format!("{}-calendar", cut.trim_end_matches('-'))
    } else {
        slug.to_string()
    }
}

/// Whether Windows reserves `name` for a device (`con`, `prn`, `aux`, `nul`, `com0`–`com9`,
/// `lpt0`–`lpt9`, also with an extension: `nul.ics`), so that no file can have it.
#[must_use]
pub(crate) fn reserved_on_windows(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches([' ']).to_ascii_lowercase();
    matches!(stem.as_str(), "con" | "prn" | "aux" | "nul" | "conin$" | "conout$")
        || (stem.len() == 4
            && (stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.as_bytes()[3].is_ascii_digit())
}

pub(crate) fn not_utf8(name: &str, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let good = String::from_utf8_lossy(&bytes[..valid_up_to]);
    let line = good.matches('\n').count() + 1;
    let line_start = good.rfind('\n').map_or(0, |i| i + 1);
    let column = good[line_start..].chars().count() + 1;
    let rest = &bytes[line_start..];
    let line_bytes = rest.split(|&b| b == b'\n').next().unwrap_or_default();
    let location = Location {
        file: name.to_string(),
        line,
        column,
        text: String::from_utf8_lossy(line_bytes).trim_end().to_string(),
        width: 1,
    };
    Diagnostic::error(crate::t!("not-utf8"), Some(location)).with_help(crate::t!("not-utf8-help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_from_file_names() {
        assert_eq!(slug_from_stem("hospital"), "hospital");
        assert_eq!(slug_from_stem("My School 2027"), "my-school-2027");
        assert_eq!(slug_from_stem("--工会--"), "calendar");
        assert_eq!(slug_from_stem("a__b"), "a-b");
    }

    #[test]
    fn non_utf8_names_line_and_column() {
        let bytes = b"[calendar]\nname = \"\xb9\xa4\xbb\xe1\"\n";
        let Err(Error::Calendar(d)) = parse("gbk.toml", bytes, "gbk") else { panic!() };
        let at = d[0].location.as_ref().unwrap();
        assert_eq!((at.line, at.column), (2, 9));
    }

    #[test]
    fn a_title_of_invisible_marks_only_is_missing() {
        let text = "[calendar]\nname = \"x\"\n\n[[events]]\nid = \"a\"\ntitle = \"\u{202e}\u{200b} \"\ndate = \"03-08\"\n";
        let Err(Error::Calendar(d)) = parse("t.toml", text.as_bytes(), "t") else { panic!() };
        assert_eq!(d[0].location.as_ref().unwrap().line, 6, "{d:?}");
    }
}
