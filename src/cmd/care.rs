//! The care work's part in the commands: the roster's warnings, the private outputs, and
//! the rule that keeps them out of the public folder.

use std::path::{Component, Path, PathBuf};

use super::Loaded;
use crate::care::Outcome;
use crate::error::{Diagnostic, Error, Result};
use crate::model::Calendar;
use crate::schedule::Schedule;

/// `path` as the system will find it: absolute, without `.`/`..`, every link on the way
/// followed even where its target does not exist yet (a link `site` → `public` before the
/// first build), compared the same way on both sides: without the `\\?\` prefix that
/// Windows' canonical paths carry, and in one letter case where the file system ignores
/// case (Windows, macOS). Only the file system's links are read; nothing is created.
fn resolved(path: &Path) -> Vec<String> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut pending: Vec<PathBuf> =
        absolute.components().rev().map(|c| PathBuf::from(c.as_os_str())).collect();
    let mut out = PathBuf::new();
    let mut hops = 0;
    while let Some(part) = pending.pop() {
        match part.components().next() {
            Some(Component::ParentDir) => {
                out.pop();
            }
            Some(Component::CurDir) | None => {}
            Some(Component::Normal(name)) => {
                out.push(name);
                let Ok(target) = std::fs::read_link(&out) else { continue };
                hops += 1;
                if hops > 40 {
                    continue;
                }
                out.pop();
                if target.is_absolute() {
                    out = PathBuf::new();
                }
                pending.extend(target.components().rev().map(|c| PathBuf::from(c.as_os_str())));
            }
            Some(other) => out.push(other.as_os_str()),
        }
    }
    let fold = cfg!(any(windows, target_os = "macos"));
    out.components()
        .filter_map(|c| match c {
            Component::Prefix(prefix) => Some(drive(prefix.kind())),
            Component::RootDir => None,
            other => Some(other.as_os_str().to_string_lossy().into_owned()),
        })
        .map(|part| if fold { part.to_lowercase() } else { part })
        .collect()
}

/// A Windows drive or share, the same with or without the verbatim `\\?\` prefix.
fn drive(prefix: std::path::Prefix<'_>) -> String {
    use std::path::Prefix;
    match prefix {
        Prefix::Disk(d) | Prefix::VerbatimDisk(d) => {
            format!("{}:", char::from(d).to_ascii_lowercase())
        }
        Prefix::UNC(server, share) | Prefix::VerbatimUNC(server, share) => {
            format!("//{}/{}", server.to_string_lossy(), share.to_string_lossy())
        }
        Prefix::Verbatim(p) | Prefix::DeviceNS(p) => p.to_string_lossy().into_owned(),
    }
}

/// Refuse a private folder inside (or equal to) the public output folder, or the public
/// folder inside the private one: names would be published.
///
/// # Errors
///
/// [`Error::Usage`] naming both folders.
pub(super) fn refuse_private_inside_public(private: &Path, public: &Path) -> Result<()> {
    let (private_at, public_at) = (resolved(private), resolved(public));
    if private_at.starts_with(&public_at) || public_at.starts_with(&private_at) {
        return Err(Error::Usage(crate::t!(
            "care-private-inside-public",
            private = private.display(),
            public = public.display()
        )));
    }
    Ok(())
}

/// The roster's problems as warnings, each naming its file and cell.
pub(super) fn roster_warnings(loaded: &Loaded) -> Vec<Diagnostic> {
    let Some(care) = &loaded.calendar.care else { return Vec::new() };
    let Some(roster) = &loaded.roster else { return Vec::new() };
    roster
        .problems
        .iter()
        .map(|p| {
            let help = match p.outcome {
                Outcome::LeftOut => crate::t!("roster-warning-help"),
                Outcome::NoRetirement => crate::t!("roster-warning-retirement-help"),
                Outcome::NoDates => crate::t!("roster-warning-dates-help"),
            };
            Diagnostic::warning(
                crate::t!(
                    "roster-warning",
                    file = care.roster_name,
                    cell = p.cell,
                    message = p.message
                ),
                None,
            )
            .with_help(help)
        })
        .collect()
}

/// The error of a roster that could not be read, when it could not.
pub(super) fn roster_failure(loaded: &Loaded) -> Option<Error> {
    let care = loaded.calendar.care.as_ref()?;
    let why = loaded.unreadable.as_ref()?;
    Some(Error::Io {
        action: "cannot read",
        path: care.roster.clone(),
        source: std::io::Error::other(crate::t!("care-roster-unreadable", why = why)),
    })
}

/// The care entries of `schedule`, refused before the work when they would be too many,
/// at the line of the visit that makes most of them.
///
/// # Errors
///
/// [`Error::Calendar`] at that visit, or [`Error::Usage`] when birthdays alone are too many.
pub(super) fn entries(
    calendar: &Calendar,
    roster: &crate::care::Roster,
    schedule: &Schedule,
) -> Result<Vec<crate::care::Entry>> {
    if let Err(too_many) = crate::care::within_limit(calendar, roster, schedule) {
        let most = crate::care::MAX_ENTRIES;
        let message = crate::t!("care-too-many", count = too_many.count, most = most);
        let visit = too_many.visit.and_then(|(id, made)| {
            let care = calendar.care.as_ref()?;
            let visit = care.visits.iter().find(|v| v.id == id)?;
            (made * 2 > too_many.count).then(|| visit.origin.clone())
        });
        return Err(match visit {
            Some(origin) => Error::Calendar(vec![Diagnostic::error(message, Some(origin))
                .with_help(crate::t!("care-too-many-visit-help"))]),
            None => Error::Usage(format!("{message}\n{}", crate::t!("care-too-many-help"))),
        });
    }
    Ok(crate::care::entries(calendar, roster, schedule))
}

/// Write the private outputs (`care.xlsx`, `care.ics`) of `schedule` into the calendar's
/// private folder: the warnings, the summary lines, and the roster's failure if it could
/// not be read (the public outputs are written all the same).
pub(super) fn build_private(
    loaded: &Loaded,
    schedule: &Schedule,
) -> Result<(Vec<Diagnostic>, Vec<String>, Option<Error>)> {
    let calendar = &loaded.calendar;
    let Some(care) = &calendar.care else { return Ok((Vec::new(), Vec::new(), None)) };
    let warnings = roster_warnings(loaded);
    let Some(roster) = &loaded.roster else {
        return Ok((warnings, Vec::new(), roster_failure(loaded)));
    };
    let entries = entries(calendar, roster, schedule)?;
    let stamp = super::stamp();
    let files = vec![
        ("care.xlsx".to_string(), crate::emit::care::xlsx(calendar, roster, &entries, stamp)?),
        (
            "care.ics".to_string(),
            crate::emit::care::ics(calendar, roster, &entries, stamp).into_bytes(),
        ),
    ];
    crate::output::write_private(&care.private, &files)?;
    let line = crate::t!(
        "care-written",
        count = entries.len(),
        members = roster.members.len(),
        folder = care.private.display()
    );
    Ok((warnings, vec![line], None))
}
