//! `unioncal list`: the events of a range as a table, JSON or CSV.

use super::{print, range, Ui};
use crate::cli::{Format, ListArgs};
use crate::emit;
use crate::error::{Error, Result};

pub(super) fn run(args: &ListArgs, _ui: &Ui) -> Result<u8> {
    let calendar = super::load(&args.file)?;
    let (from, to) = range(&args.range, args.month, &calendar)?;
    let schedule = crate::schedule::expand(&calendar, from, to)?;
    let text = match args.format {
        Format::Table => emit::table::render(&calendar, &schedule),
        Format::Json if args.private => {
            if let Some(error) = super::care::roster_failure(&calendar) {
                return Err(error);
            }
            let care = match calendar.care.as_ref().and_then(|c| c.members.as_deref()) {
                Some(roster) => {
                    let entries = crate::care::entries(&calendar, roster, &schedule);
                    emit::care::json(roster, &entries)
                }
                None => serde_json::Value::Array(Vec::new()),
            };
            // The public document, with `care` as its last key.
            let public = emit::json::render(&calendar, &schedule);
            let body = public.trim_end().strip_suffix('}').unwrap_or(&public).trim_end();
            let care =
                serde_json::to_string_pretty(&care).unwrap_or_default().replace('\n', "\n  ");
            format!("{body},\n  \"care\": {care}\n}}\n")
        }
        Format::Json => {
            // Streamed: a large range never holds the whole document in memory.
            let stdout = std::io::stdout().lock();
            return match emit::json::write(
                &calendar,
                &schedule,
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
        Format::Csv => emit::csv::render(&calendar, &schedule),
    };
    print(&text)?;
    Ok(0)
}
