//! `unioncal build`: every output of a range into a folder.

use super::{range, Ui};
use crate::cli::BuildArgs;
use crate::emit::{build_files, ics::stamp, templates::Templates};
use crate::error::Result;
use crate::schedule::{check, expand};

pub(super) fn run(args: &BuildArgs, ui: &Ui) -> Result<u8> {
    let calendar = crate::config::load(&args.file)?;
    let (from, to) = range(&args.range, None, &calendar)?;
    let schedule = expand(&calendar, from, to)?;
    let templates = Templates::load(args.templates.as_deref())?;
    let files = build_files(&calendar, &schedule, &templates, stamp())?;
    crate::output::write_all(&args.out, &files)?;
    let warnings: Vec<_> = check(&calendar, &schedule)
        .into_iter()
        .filter(|w| w.message.contains("not published yet"))
        .collect();
    ui.diagnostics(&warnings);
    ui.note(&format!(
        "{}: {} occurrences, {} files written to {}",
        args.file.display(),
        schedule.occurrences.len(),
        files.len(),
        args.out.display()
    ));
    if ui.verbose {
        for (name, contents) in &files {
            ui.note(&format!("  {name} ({} bytes)", contents.len()));
        }
    }
    Ok(0)
}
