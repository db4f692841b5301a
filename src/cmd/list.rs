//! `unioncal list`: the events of a range as a table, JSON or CSV.

use super::{print, range, Ui};
use crate::cli::{Format, ListArgs};
use crate::emit;
use crate::error::Result;

pub(super) fn run(args: &ListArgs, _ui: &Ui) -> Result<u8> {
    let calendar = crate::config::load(&args.file)?;
    let (from, to) = range(&args.range, args.month, &calendar)?;
    let schedule = crate::schedule::expand(&calendar, from, to)?;
    let text = match args.format {
        Format::Table => emit::table::render(&calendar, &schedule),
        Format::Json => emit::json::render(&calendar, &schedule),
        Format::Csv => emit::csv::render(&calendar, &schedule),
    };
    print(&text)?;
    Ok(0)
}
