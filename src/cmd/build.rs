//! `unioncal build`: every output of a range into a folder; several calendars in one run,
//! each into its own folder.

use std::path::Path;

use chrono::Datelike;

use super::{range, Ui};
use crate::cli::BuildArgs;
use crate::emit::{build_files, ics::stamp, templates::Templates};
use crate::error::{Error, Result};
use crate::schedule::{expand, provisional_years};

pub(super) fn run(args: &BuildArgs, ui: &Ui) -> Result<u8> {
    let dir = args.templates.as_deref();
    // Pictures and the PDF need a browser: find it before anything is built or written.
    let browser = if args.png || args.pdf {
        Some(crate::share::Browser::find(args.browser.as_deref())?)
    } else {
        None
    };
    let browser = browser.as_ref();
    if let [file] = args.files.as_slice() {
        // The templates compile on a second thread while the calendar is read and
        // expanded; the pages wait for them.
        return std::thread::scope(|scope| {
            let compiling = scope.spawn(|| Templates::load(dir));
            let templates = || compiling.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
            build_one(args, file, &args.out, templates, browser, ui).map(|()| 0)
        });
    }
    let templates = Templates::load(dir)?;
    // A federation's many calendars: one folder each; a broken one does not stop the rest.
    let mut slugs: Vec<(String, &Path)> = Vec::new();
    let mut failed = 0;
    for file in &args.files {
        let result = super::load(file).and_then(|calendar| {
            if let Some((_, other)) = slugs.iter().find(|(slug, _)| *slug == calendar.slug) {
                return Err(Error::Usage(format!(
                    "`{}` and `{}` have the same slug `{}`; give one of them another `slug`",
                    other.display(),
                    file.display(),
                    calendar.slug
                )));
            }
            slugs.push((calendar.slug.clone(), file));
            build_one(args, file, &args.out.join(&calendar.slug), || Ok(&templates), browser, ui)
        });
        if let Err(error) = result {
            failed += 1;
            match &error {
                Error::Calendar(diagnostics) => ui.diagnostics(diagnostics),
                other => eprintln!("error: {other}"),
            }
        }
    }
    if failed > 0 {
        ui.note(&format!("{failed} of {} calendars failed", args.files.len()));
        return Ok(1);
    }
    Ok(0)
}

/// Every output of `file` in memory, pictures and PDF included when `browser` is given:
/// what `build` writes and `serve` serves. `templates` gives the compiled templates when
/// the pages need them.
pub(super) fn render<T: std::borrow::Borrow<Templates>>(
    args: &BuildArgs,
    file: &Path,
    templates: impl FnOnce() -> Result<T>,
    browser: Option<&crate::share::Browser>,
    ui: &Ui,
) -> Result<(crate::output::Files, crate::schedule::Schedule)> {
    let calendar = super::load(file)?;
    let (from, to) = range(&args.range, None, &calendar)?;
    let schedule = expand(&calendar, from, to)?;
    let mut files = build_files(&calendar, &schedule, templates, stamp())?;
    if let Some(browser) = browser {
        ui.note(&format!(
            "{}: making pictures and PDF with {}",
            file.display(),
            browser.path().display()
        ));
        let templates = Templates::load(args.templates.as_deref())?;
        let generated = format!("unioncal {}", env!("CARGO_PKG_VERSION"));
        let pages = crate::emit::html::Pages::new(&calendar, &schedule, &generated)
            .share_pages(&templates)?;
        files.extend(crate::share::render(
            browser,
            &files,
            &pages,
            from.year(),
            args.png,
            args.pdf,
        )?);
    }
    Ok((files, schedule))
}

/// Build `file` into `out`; `templates` gives the compiled templates when the pages need
/// them.
fn build_one<T: std::borrow::Borrow<Templates>>(
    args: &BuildArgs,
    file: &Path,
    out: &Path,
    templates: impl FnOnce() -> Result<T>,
    browser: Option<&crate::share::Browser>,
    ui: &Ui,
) -> Result<()> {
    let (files, schedule) = render(args, file, templates, browser, ui)?;
    crate::output::write_all(out, &files)?;
    let warnings = provisional_years(&schedule);
    ui.diagnostics(&warnings);
    ui.note(&format!(
        "{}: {} occurrences, {} files written to {}",
        file.display(),
        schedule.occurrences.len(),
        files.len(),
        out.display()
    ));
    if ui.verbose {
        for (name, contents) in &files {
            ui.note(&format!("  {name} ({} bytes)", contents.len()));
        }
    }
    Ok(())
}
