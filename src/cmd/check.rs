//! `unioncal check`: errors exit 1, warnings exit 0, both printed; `check --fix` first
//! corrects the punctuation a Chinese input method slipped in.

use std::path::{Path, PathBuf};

use super::{year, Ui};
use crate::cli::CheckArgs;
use crate::error::{Error, Result};
use crate::schedule::{check, year_range};

pub(super) fn run(args: &CheckArgs, ui: &Ui) -> Result<u8> {
    if args.fix {
        fix(&args.file, ui)?;
    }
    let loaded = super::load(&args.file)?;
    let calendar = &loaded.calendar;
    let year = year(args.year, Some(calendar));
    let (from, to) = year_range(year);
    let schedule = loaded.expand(from, to)?;
    let mut warnings = check(calendar, &schedule);
    warnings.extend(super::care::roster_warnings(&loaded));
    ui.diagnostics(&warnings);
    if let Some(error) = super::care::roster_failure(&loaded) {
        return Err(error);
    }
    ui.note(&crate::t!(
        "check-summary",
        file = args.file.display(),
        events = calendar.events.len(),
        occurrences = schedule.occurrences.len(),
        year = year,
        warnings = warnings.len()
    ));
    Ok(0)
}

fn refuse(path: &Path, why: String) -> Error {
    Error::Io { action: "cannot fix", path: path.to_path_buf(), source: std::io::Error::other(why) }
}

/// The text of the calendar at `path` for fixing, and whether it was GBK (as Notepad on a
/// Chinese Windows saved it before 2019).
fn read_text(path: &Path) -> Result<(String, bool)> {
    let meta = crate::output::regular_or_absent(path)?
        .ok_or_else(|| refuse(path, crate::t!("fix-missing")))?;
    if meta.len() > crate::config::MAX_FILE_SIZE {
        return Err(refuse(path, crate::t!("fix-too-big", size = meta.len())));
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        action: "cannot read",
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.contains(&0) {
        return Err(refuse(path, crate::t!("fix-binary")));
    }
    crate::text::decode(&bytes).map_err(|why| match why {
        crate::text::Undecodable::Mixed(line) => {
            refuse(path, crate::t!("fix-mixed-encoding", line = line))
        }
        crate::text::Undecodable::Invalid => refuse(path, crate::t!("fix-undecodable")),
    })
}

/// Whether the user made `path` read-only (its write bits are off); root could write
/// it all the same, so the bits are asked, not the system.
fn read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
}

/// `FILE.bak`, or `FILE.bak.1`, `FILE.bak.2`… when those are taken.
pub(super) fn backup_path(path: &Path) -> PathBuf {
    let base = path.as_os_str().to_owned();
    let with = |suffix: &str| {
        let mut name = base.clone();
        name.push(suffix);
        PathBuf::from(name)
    };
    let first = with(".bak");
    if std::fs::symlink_metadata(&first).is_err() {
        return first;
    }
    (1..)
        .map(|n| with(&format!(".bak.{n}")))
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or(first)
}

/// What `fix` changed: each line before and after, the backup, whether the file was GBK.
pub(super) struct Fixed {
    /// (line, before, after), one per changed line.
    pub(super) changes: Vec<(usize, String, String)>,
    /// How many slips were corrected.
    pub(super) count: usize,
    /// Where the original is kept.
    pub(super) backup: PathBuf,
    /// The file was GBK and is now UTF-8.
    pub(super) gbk: bool,
}

/// Correct every slip in the calendar at `path`: the original kept as `FILE.bak` (staged,
/// then put in place without replacing another file, so a failure leaves no half backup), the file rewritten in place (through a link,
/// its mode kept). `None` when there is nothing to correct; nothing is written when
/// anything stands in the way.
pub(super) fn fix_file(path: &Path) -> Result<Option<Fixed>> {
    let (text, gbk) = read_text(path)?;
    let (fixed, slips) = crate::config::slips::fix(&text);
    if slips.is_empty() && !gbk {
        return Ok(None);
    }
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let folder = target.parent().unwrap_or(Path::new("."));
    if read_only(&target) {
        return Err(refuse(path, crate::t!("fix-read-only")));
    }
    if read_only(folder) {
        return Err(refuse(path, crate::t!("fix-folder-read-only", folder = folder.display())));
    }
    let backup = backup_path(path);
    let original = std::fs::read(path).map_err(|source| Error::Io {
        action: "cannot read",
        path: path.to_path_buf(),
        source,
    })?;
    crate::output::write_new(&backup, &original)?;
    crate::output::write_atomic(path, fixed.as_bytes())?;
    let (before, after): (Vec<&str>, Vec<&str>) = (text.lines().collect(), fixed.lines().collect());
    // Each slip's line, counted once along the text (slips are in order).
    let (mut line, mut counted) = (0, 0);
    let mut lines: Vec<usize> = slips
        .iter()
        .map(|slip| {
            line += text[counted..slip.span.start].matches('\n').count();
            counted = slip.span.start;
            line
        })
        .collect();
    lines.dedup();
    let changes = lines
        .into_iter()
        .map(|line| {
            let was = before.get(line).copied().unwrap_or("").trim_end_matches('\r');
            let now = after.get(line).copied().unwrap_or("").trim_end_matches('\r');
            (line + 1, was.to_string(), now.to_string())
        })
        .collect();
    Ok(Some(Fixed { changes, count: slips.len(), backup, gbk }))
}

/// `check --fix`: correct the slips, and print each change.
fn fix(path: &Path, ui: &Ui) -> Result<()> {
    let Some(fixed) = fix_file(path)? else {
        ui.note(&crate::t!("fix-nothing", file = path.display()));
        return Ok(());
    };
    let mut report = String::new();
    for (line, before, after) in &fixed.changes {
        report.push_str(&crate::t!(
            "fix-changed",
            line = line,
            before = crate::text::visible(before),
            after = crate::text::visible(after)
        ));
        report.push('\n');
    }
    if fixed.gbk {
        report.push_str(&crate::t!("fix-gbk"));
        report.push('\n');
    }
    report.push_str(&crate::t!(
        "fix-summary",
        count = fixed.count,
        file = path.display(),
        backup = fixed.backup.display()
    ));
    report.push('\n');
    super::print(&report)
}
