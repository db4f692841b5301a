//! `unioncal list`: the events of a range as a table, JSON or CSV.

use super::{print, range, Ui};
use crate::cli::{Format, ListArgs};
use crate::emit;
use crate::error::{Error, Result};

pub(super) fn run(args: &ListArgs, _ui: &Ui) -> Result<u8> {
    let loaded = super::load(&args.file)?;
    let calendar = &loaded.calendar;
    let (from, to) = range(&args.range, args.month, calendar)?;
    let schedule = loaded.expand(from, to)?;
    if args.private && args.format != Format::Json {
        return Err(Error::Usage(crate::t!("list-private-json-only")));
    }
    let text = match args.format {
        Format::Table => emit::table::render(calendar, &schedule),
        Format::Json => {
            // `--private` adds the roster's care work as `care`.
            let care = if args.private {
                if let Some(error) = super::care::roster_failure(&loaded) {
                    return Err(error);
                }
                Some(match loaded.roster.as_deref() {
                    Some(roster) => emit::care::json(
                        roster,
                        &super::care::entries(calendar, roster, &schedule)?,
                    ),
                    None => serde_json::Value::Array(Vec::new()),
                })
            } else {
                None
            };
            // Streamed: a large range never holds the whole document in memory.
            let stdout = std::io::stdout().lock();
            return match emit::json::write_with(
                calendar,
                &schedule,
                care.as_ref(),
                std::io::BufWriter::with_capacity(1 << 16, stdout),
            ) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
                    action: "cannot write",
                    path: "standard output".into(),
                    source: e,
                }),
                _ => Ok(0),
            };
        }
        Format::Csv => emit::csv::render(calendar, &schedule),
    };
    print(&text)?;
    Ok(0)
}
