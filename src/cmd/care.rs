//! The care work's part in the commands: the roster's warnings, the private outputs, and
//! the rule that keeps them out of the public folder.

use std::path::{Component, Path, PathBuf};

use crate::care::Outcome;
use crate::error::{Diagnostic, Error, Result};
use crate::model::Calendar;
use crate::schedule::Schedule;

/// `path` made absolute and without `.`/`..`, without touching the file system (the
/// folders may not exist yet).
fn normalized(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Through links where the folders exist, so two names of one folder compare equal.
    std::fs::canonicalize(&out).unwrap_or(out)
}

/// Refuse a private folder inside (or equal to) the public output folder, or the public
/// folder inside the private one: names would be published.
///
/// # Errors
///
/// [`Error::Usage`] naming both folders.
pub(super) fn refuse_private_inside_public(private: &Path, public: &Path) -> Result<()> {
    let (private_abs, public_abs) = (normalized(private), normalized(public));
    if private_abs.starts_with(&public_abs) || public_abs.starts_with(&private_abs) {
        return Err(Error::Usage(crate::t!(
            "care-private-inside-public",
            private = private.display(),
            public = public.display()
        )));
    }
    Ok(())
}

/// The roster's problems as warnings, each naming its file and cell.
pub(super) fn roster_warnings(calendar: &Calendar) -> Vec<Diagnostic> {
    let Some(care) = &calendar.care else { return Vec::new() };
    let Some(roster) = &care.members else { return Vec::new() };
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
pub(super) fn roster_failure(calendar: &Calendar) -> Option<Error> {
    let care = calendar.care.as_ref()?;
    let why = care.unreadable.as_ref()?;
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
    calendar: &Calendar,
    schedule: &Schedule,
) -> Result<(Vec<Diagnostic>, Vec<String>, Option<Error>)> {
    let Some(care) = &calendar.care else { return Ok((Vec::new(), Vec::new(), None)) };
    let warnings = roster_warnings(calendar);
    let Some(roster) = &care.members else {
        return Ok((warnings, Vec::new(), roster_failure(calendar)));
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
