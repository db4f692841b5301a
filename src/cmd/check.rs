//! `unioncal check`: errors exit 1, warnings exit 0, both printed.

use super::{year, Ui};
use crate::cli::CheckArgs;
use crate::error::Result;
use crate::schedule::{check, expand, year_range};

pub(super) fn run(args: &CheckArgs, ui: &Ui) -> Result<u8> {
    let calendar = super::load(&args.file)?;
    let year = year(args.year, Some(&calendar));
    let (from, to) = year_range(year);
    let schedule = expand(&calendar, from, to)?;
    let warnings = check(&calendar, &schedule);
    ui.diagnostics(&warnings);
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
