//! `unioncal build`: every output of a range into a folder; several calendars in one run,
//! each into its own folder.

use std::path::Path;

use chrono::Datelike;

use super::{range, Ui};
use crate::cli::BuildArgs;
use crate::emit::{build_files, templates::Templates};
use crate::error::{Error, Result};
use crate::model::Calendar;
use crate::schedule::{expand, provisional_years};

pub(super) fn run(args: &BuildArgs, ui: &Ui) -> Result<u8> {
    let dir = args.output.templates.as_deref();
    // Pictures and the PDF need a browser: find it before anything is built or written.
    let browser = if args.output.png || args.output.pdf {
        Some(crate::share::Browser::find(args.output.browser.as_deref())?)
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
            let calendar = super::load(file)?;
            build_one(args, file, &calendar, &args.out, templates, browser, ui).map(|report| {
                report.print(ui);
                0
            })
        });
    }
    let templates = Templates::load(dir)?;
    // A federation's many calendars: one folder each, built on every core; a broken one does
    // not stop the rest, and the messages come out in the order the files were named.
    let mut slugs: Vec<(String, &Path)> = Vec::new();
    let calendars: Vec<Result<Calendar>> = args
        .files
        .iter()
        .map(|file| {
            let calendar = super::load(file)?;
            if let Some((_, other)) = slugs.iter().find(|(slug, _)| *slug == calendar.slug) {
                return Err(Error::Usage(crate::t!(
                    "slug-clash",
                    first = other.display(),
                    second = file.display(),
                    slug = calendar.slug
                )));
            }
            slugs.push((calendar.slug.clone(), file));
            Ok(calendar)
        })
        .collect();
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut reports: Vec<(usize, Result<Report>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers.min(calendars.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let (Some(file), Some(calendar)) = (args.files.get(i), calendars.get(i))
                        else {
                            break;
                        };
                        let report = match calendar {
                            Ok(calendar) => {
                                let out = args.out.join(&calendar.slug);
                                build_one(
                                    args,
                                    file,
                                    calendar,
                                    &out,
                                    || Ok(&templates),
                                    browser,
                                    ui,
                                )
                            }
                            Err(e) => Err(Error::Usage(e.to_string())),
                        };
                        done.push((i, report));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    reports.sort_by_key(|(i, _)| *i);
    let mut failed = 0;
    for ((_, report), calendar) in reports.into_iter().zip(calendars) {
        // Errors of loading are shown as they were found, with their diagnostics.
        let report = match calendar {
            Err(error) => Err(error),
            Ok(_) => report,
        };
        match report {
            Ok(report) => report.print(ui),
            Err(error) => {
                failed += 1;
                ui.error(&error);
            }
        }
    }
    if failed > 0 {
        ui.note(&crate::t!("build-failed-count", failed = failed, total = args.files.len()));
        return Ok(1);
    }
    Ok(0)
}

/// What building one calendar has to say: its warnings and a summary.
struct Report {
    warnings: Vec<crate::error::Diagnostic>,
    lines: Vec<String>,
}

impl Report {
    fn print(&self, ui: &Ui) {
        ui.diagnostics(&self.warnings);
        for line in &self.lines {
            ui.note(line);
        }
    }
}

/// Every output of `file` in memory, pictures and PDF included when `browser` is given:
/// what `build` writes and `serve` serves. `templates` gives the compiled templates when
/// the pages need them.
pub(super) fn render<T: std::borrow::Borrow<Templates>>(
    args: &BuildArgs,
    file: &Path,
    calendar: &Calendar,
    templates: impl FnOnce() -> Result<T>,
    browser: Option<&crate::share::Browser>,
    ui: &Ui,
) -> Result<(crate::output::Files, crate::schedule::Schedule)> {
    let (from, to) = range(&args.range, None, calendar)?;
    let schedule = expand(calendar, from, to)?;
    let mut files = build_files(calendar, &schedule, templates, super::stamp())?;
    if let Some(browser) = browser {
        ui.note(&crate::t!(
            "build-sharing",
            file = file.display(),
            browser = browser.path().display()
        ));
        let templates = Templates::load(args.output.templates.as_deref())?;
        let generated = format!("unioncal {}", env!("CARGO_PKG_VERSION"));
        let pages = crate::emit::html::Pages::new(calendar, &schedule, &generated)
            .share_pages(&templates)?;
        files.extend(crate::share::render(
            browser,
            &files,
            &pages,
            from.year(),
            args.output.png,
            args.output.pdf,
        )?);
    }
    Ok((files, schedule))
}

/// Build `calendar` (read from `file`) into `out`; `templates` gives the compiled
/// templates when the pages need them.
fn build_one<T: std::borrow::Borrow<Templates>>(
    args: &BuildArgs,
    file: &Path,
    calendar: &Calendar,
    out: &Path,
    templates: impl FnOnce() -> Result<T>,
    browser: Option<&crate::share::Browser>,
    ui: &Ui,
) -> Result<Report> {
    let (files, schedule) = render(args, file, calendar, templates, browser, ui)?;
    crate::output::write_all(out, &files)?;
    let mut lines = vec![crate::t!(
        "build-summary",
        file = file.display(),
        occurrences = schedule.occurrences.len(),
        files = files.len(),
        out = out.display()
    )];
    if ui.verbose {
        lines.extend(
            files.iter().map(|(name, contents)| {
                crate::t!("build-file", name = name, bytes = contents.len())
            }),
        );
    }
    Ok(Report { warnings: provisional_years(&schedule), lines })
}
