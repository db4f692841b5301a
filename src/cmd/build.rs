//! `unioncal build`: every output of a range into a folder; several calendars in one run,
//! each into its own folder.

use std::path::Path;

use chrono::Datelike;

use super::{range, unchanged, Ui};
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
        return crate::parallel::meanwhile(
            || Templates::load(dir),
            |compiling| {
                let templates = || compiling.wait();
                let calendar = super::load(file)?;
                let settings = unchanged::templates_text(dir);
                build_one(args, file, &calendar, &args.out, templates, browser, &settings, ui).map(
                    |report| {
                        report.print(ui);
                        0
                    },
                )
            },
        );
    }
    let templates = Templates::load(dir)?;
    let settings = unchanged::templates_text(dir);
    // A federation's many calendars: one folder each, built on every core; a broken one does
    // not stop the rest, and the messages come out in the order the files were named.
    // Each calendar is read twice - once for its folder's name, to refuse two calendars
    // writing into one folder, then to build it - so that no more than one calendar per
    // core is held at a time (reading is a small part of a build).
    let read = crate::parallel::map_in_order(&args.files, |_, file| {
        super::load(file).map(|calendar| calendar.slug)
    });
    // The first calendar to name a folder builds into it; a later one is refused.
    let mut claimed: Vec<(String, &Path)> = Vec::new();
    let refused: Vec<Option<Error>> = read
        .into_iter()
        .zip(&args.files)
        .map(|(slug, file)| {
            let slug = match slug {
                Ok(slug) => slug,
                Err(error) => return Some(error),
            };
            if let Some((_, other)) = claimed.iter().find(|(s, _)| *s == slug) {
                return Some(Error::Usage(crate::t!(
                    "slug-clash",
                    first = other.display(),
                    second = file.display(),
                    slug = slug
                )));
            }
            claimed.push((slug, file));
            None
        })
        .collect();
    let reports = crate::parallel::map_in_order(&args.files, |i, file| {
        if refused[i].is_some() {
            return None;
        }
        Some(super::load(file).and_then(|calendar| {
            let out = args.out.join(&calendar.slug);
            build_one(args, file, &calendar, &out, || Ok(&templates), browser, &settings, ui)
        }))
    });
    let mut failed = 0;
    for (report, refusal) in reports.into_iter().zip(refused) {
        let report = match (report, refusal) {
            (Some(report), _) => report,
            (None, Some(error)) => Err(error),
            (None, None) => continue,
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
    let files = render_schedule(args, file, calendar, &schedule, templates, browser, ui)?;
    Ok((files, schedule))
}

/// Every output of `calendar` expanded into `schedule`, as [`render`].
fn render_schedule<T: std::borrow::Borrow<Templates>>(
    args: &BuildArgs,
    file: &Path,
    calendar: &Calendar,
    schedule: &crate::schedule::Schedule,
    templates: impl FnOnce() -> Result<T>,
    browser: Option<&crate::share::Browser>,
    ui: &Ui,
) -> Result<crate::output::Files> {
    let from = schedule.from;
    let mut files = build_files(calendar, schedule, templates, super::stamp())?;
    if let Some(browser) = browser {
        ui.note(&crate::t!(
            "build-sharing",
            file = file.display(),
            browser = browser.path().display()
        ));
        let templates = Templates::load(args.output.templates.as_deref())?;
        let generated = format!("unioncal {}", env!("CARGO_PKG_VERSION"));
        let pages = crate::emit::html::Pages::new(calendar, schedule, &generated)
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
    Ok(files)
}

/// Build `calendar` (read from `file`) into `out`; `templates` gives the compiled
/// templates when the pages need them.
/// `settings` names the templates folder's contents, for the record of the build
/// (see [`unchanged`]): a build whose inputs and files are as last recorded writes nothing
/// and renders nothing.
#[allow(clippy::too_many_arguments)]
fn build_one<T: std::borrow::Borrow<Templates>>(
    args: &BuildArgs,
    file: &Path,
    calendar: &Calendar,
    out: &Path,
    templates: impl FnOnce() -> Result<T>,
    browser: Option<&crate::share::Browser>,
    settings: &str,
    ui: &Ui,
) -> Result<Report> {
    let (from, to) = range(&args.range, None, calendar)?;
    let schedule = expand(calendar, from, to)?;
    // Pictures and the PDF depend on the browser too: such builds are never skipped.
    let fingerprint = browser
        .is_none()
        .then(|| unchanged::fingerprint(calendar, (from, to), settings, super::stamp()));
    let recorded = fingerprint.and_then(|f| unchanged::unchanged(out, f));
    let up_to_date = recorded.is_some();
    let files: Vec<(String, u64)> = match recorded {
        Some(files) => files,
        None => {
            let files = render_schedule(args, file, calendar, &schedule, templates, browser, ui)?;
            unchanged::forget(out);
            crate::output::write_all(out, &files)?;
            if let Some(fingerprint) = fingerprint {
                let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
                unchanged::remember(out, fingerprint, &names);
            }
            files.iter().map(|(name, contents)| (name.clone(), contents.len() as u64)).collect()
        }
    };
    let (file, occurrences) = (file.display(), schedule.occurrences.len());
    let (count, out) = (files.len(), out.display());
    let mut lines = vec![if up_to_date {
        crate::t!(
            "build-up-to-date",
            file = file,
            occurrences = occurrences,
            files = count,
            out = out
        )
    } else {
        crate::t!("build-summary", file = file, occurrences = occurrences, files = count, out = out)
    }];
    if ui.verbose {
        lines.extend(
            files.iter().map(|(name, bytes)| crate::t!("build-file", name = name, bytes = bytes)),
        );
    }
    Ok(Report { warnings: provisional_years(&schedule), lines })
}
