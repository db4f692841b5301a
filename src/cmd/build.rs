//! `unioncal build`: every output of a range into a folder; several calendars in one run,
//! each into its own folder.

use std::path::Path;

use chrono::Datelike;

use super::{range, Loaded, Ui};
use crate::cli::BuildArgs;
use crate::emit::{build_files, templates::Templates};
use crate::error::{Error, Result};
use crate::model::Calendar;
use crate::schedule::provisional_years;

pub(super) fn run(args: &BuildArgs, ui: &Ui) -> Result<u8> {
    let dir = args.output.templates.as_deref();
    // Pictures and the PDF need a browser: find it before anything is built or written.
    let browser = if args.output.png || args.output.pdf {
        Some(crate::share::Browser::find(args.output.browser.as_deref())?)
    } else {
        None
    };
    let settings = crate::output::record::templates_text(dir);
    let build = Build { args, browser: browser.as_ref(), settings, ui };
    if let [file] = args.files.as_slice() {
        // The templates compile on a second thread while the calendar is read and
        // expanded; the pages wait for them.
        return crate::parallel::meanwhile(
            || Templates::load(dir),
            |compiling| {
                let loaded = super::load(file)?;
                let report = build.one(file, &loaded, &args.out, || compiling.wait())?;
                report.print(ui);
                // The public outputs are built; an unreadable roster still fails the run.
                match report.failure {
                    Some(error) => {
                        ui.error(&error);
                        Ok(u8::try_from(error.exit_code()).unwrap_or(1))
                    }
                    None => Ok(0),
                }
            },
        );
    }
    let templates = Templates::load(dir)?;
    // A federation's many calendars: one folder each, built on every core; a broken one does
    // not stop the rest, and the messages come out in the order the files were named.
    // Each calendar is read twice - once for its folder's name, to refuse two calendars
    // writing into one folder, then to build it - so that no more than one calendar per
    // core is held at a time (reading is a small part of a build).
    let read = crate::parallel::map_in_order(&args.files, |_, file| {
        super::load(file).map(|loaded| loaded.calendar.slug)
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
        Some(super::load(file).and_then(|loaded| {
            let out = args.out.join(&loaded.calendar.slug);
            build.one(file, &loaded, &out, || Ok(&templates))
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
            Ok(report) => {
                report.print(ui);
                if let Some(error) = report.failure {
                    failed += 1;
                    ui.error(&error);
                }
            }
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
    /// What failed after the public outputs were written (an unreadable roster).
    failure: Option<Error>,
}

impl Report {
    fn print(&self, ui: &Ui) {
        ui.diagnostics(&self.warnings);
        for line in &self.lines {
            ui.note(line);
        }
    }
}

/// One run of `build`: what the build of every calendar it names shares.
struct Build<'a> {
    args: &'a BuildArgs,
    /// The browser for pictures and the PDF, when they are asked for.
    browser: Option<&'a crate::share::Browser>,
    /// The templates folder's contents, for the record of each build.
    settings: String,
    ui: &'a Ui,
}

impl Build<'_> {
    /// Build `calendar` (read from `file`) into `out`, one way: expand → (nothing to do
    /// when the record says the folder already holds this build) → render → stage and
    /// commit every file → record. `templates` gives the compiled templates when the
    /// pages need them.
    fn one<T: std::borrow::Borrow<Templates>>(
        &self,
        file: &Path,
        loaded: &Loaded,
        out: &Path,
        templates: impl FnOnce() -> Result<T>,
    ) -> Result<Report> {
        let calendar = &loaded.calendar;
        let (from, to) = range(&self.args.range, None, calendar)?;
        if let Some(care) = &calendar.care {
            super::care::refuse_private_inside_public(&care.private, out)?;
        }
        let schedule = loaded.expand(from, to)?;
        // Pictures and the PDF depend on the browser too, and care work on the roster:
        // such builds are never skipped.
        let fingerprint = (self.browser.is_none() && calendar.care.is_none()).then(|| {
            crate::output::record::fingerprint(calendar, (from, to), &self.settings, super::stamp())
        });
        let recorded = fingerprint.and_then(|f| crate::output::record::unchanged(out, f));
        let up_to_date = recorded.is_some();
        let files = match recorded {
            Some(files) => files,
            None => {
                let files = self.render(file, calendar, &schedule, templates)?;
                crate::output::commit(out, &files, fingerprint)?;
                files.iter().map(|(name, bytes)| (name.clone(), bytes.len() as u64)).collect()
            }
        };
        let mut report = self.report(file, out, &schedule, &files, up_to_date);
        if calendar.care.is_some() {
            let (warnings, lines, failure) = super::care::build_private(loaded, &schedule)?;
            report.warnings.extend(warnings);
            report.lines.extend(lines);
            report.failure = failure;
        }
        Ok(report)
    }

    /// Every output of `calendar` expanded into `schedule`, in memory: pictures and PDF
    /// included when there is a browser.
    fn render<T: std::borrow::Borrow<Templates>>(
        &self,
        file: &Path,
        calendar: &Calendar,
        schedule: &crate::schedule::Schedule,
        templates: impl FnOnce() -> Result<T>,
    ) -> Result<crate::output::Files> {
        let mut files = build_files(calendar, schedule, templates, super::stamp())?;
        if let Some(browser) = self.browser {
            self.ui.note(&crate::t!(
                "build-sharing",
                file = file.display(),
                browser = browser.path().display()
            ));
            let templates = Templates::load(self.args.output.templates.as_deref())?;
            let generated = format!("unioncal {}", env!("CARGO_PKG_VERSION"));
            let pages = crate::emit::html::Pages::new(calendar, schedule, &generated)
                .share_pages(&templates)?;
            let output = &self.args.output;
            files.extend(crate::share::render(
                browser,
                &files,
                &pages,
                schedule.from.year(),
                output.png,
                output.pdf,
            )?);
        }
        Ok(files)
    }

    /// The summary of a build: its warnings, the counts, and each file with `-v`.
    fn report(
        &self,
        file: &Path,
        out: &Path,
        schedule: &crate::schedule::Schedule,
        files: &[(String, u64)],
        up_to_date: bool,
    ) -> Report {
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
            crate::t!(
                "build-summary",
                file = file,
                occurrences = occurrences,
                files = count,
                out = out
            )
        }];
        if self.ui.verbose {
            lines.extend(
                files
                    .iter()
                    .map(|(name, bytes)| crate::t!("build-file", name = name, bytes = bytes)),
            );
        }
        Report { warnings: provisional_years(schedule), lines, failure: None }
    }
}

/// Every output of `file` in memory, pictures and PDF included when `browser` is given:
/// what `build` writes and `serve` serves. `templates` gives the compiled templates when
/// the pages need them.
pub(super) fn render<T: std::borrow::Borrow<Templates>>(
    args: &BuildArgs,
    file: &Path,
    loaded: &Loaded,
    templates: impl FnOnce() -> Result<T>,
    browser: Option<&crate::share::Browser>,
    ui: &Ui,
) -> Result<(crate::output::Files, crate::schedule::Schedule)> {
    let (from, to) = range(&args.range, None, &loaded.calendar)?;
    let schedule = loaded.expand(from, to)?;
    let build = Build { args, browser, settings: String::new(), ui };
    let files = build.render(file, &loaded.calendar, &schedule, templates)?;
    Ok((files, schedule))
}
