//! `unioncal holidays`: a year's days off and make-up workdays, official or provisional;
//! `unioncal holidays import`: read the State Council's notice, check it, and print, save
//! or write its periods.

use std::io::Read;

use chrono::{Datelike, NaiveDate};
use std::path::{Path, PathBuf};

use super::{print, store, year, Ui};
use crate::cli::{HolidaysAction, HolidaysArgs, HolidaysFormat, ImportArgs};
use crate::dates::{
    official, DayCalendar, HolidayRules, Notice, Period, Region, Source, YearStatus,
};
use crate::error::{Diagnostic, Error, Result, SourceFile};

pub(super) fn run(args: &HolidaysArgs, ui: &Ui) -> Result<u8> {
    if let Some(HolidaysAction::Import(import_args)) = &args.action {
        return import(import_args, ui);
    }
    let default = Path::new("unioncal.toml");
    let file = args.file.as_deref().or_else(|| default.exists().then_some(default));
    let calendar = file.map(super::load).transpose()?.map(|loaded| loaded.calendar);
    let year = year(args.year, calendar.as_ref());
    if !(crate::dates::CN_FIRST_YEAR..=crate::dates::MAX_YEAR).contains(&year) {
        return Err(Error::Usage(crate::t!(
            "holidays-years",
            first = crate::dates::CN_FIRST_YEAR,
            last = crate::dates::MAX_YEAR
        )));
    }
    let rules = match &calendar {
        Some(c) => c.holidays.clone(),
        None => HolidayRules { periods: store::saved_periods()?, ..HolidayRules::default() },
    };
    ui.diagnostics(&saved_disagreements(&rules, year));
    // The calendar's language when there is one (like `list`), else the user's.
    let language =
        calendar.as_ref().map_or_else(|| crate::messages::current().into(), |c| c.language);
    let days = DayCalendar::new(&rules, year, year);
    let Some(arrangement) = days.arrangement(year) else { return Ok(0) };
    let mut arrangement = arrangement.clone();
    if args.forecast {
        arrangement.periods = crate::dates::forecast(year).periods;
        arrangement.status = YearStatus::Provisional;
    }
    // How sure each part is, for a year that is forecast.
    let forecast =
        (arrangement.status == YearStatus::Provisional).then(|| crate::dates::forecast(year));
    let text = match args.format {
        HolidaysFormat::Json => crate::emit::holidays::json(&arrangement),
        HolidaysFormat::Text => {
            let built_in = crate::dates::official_years();
            crate::emit::holidays::render(&arrangement, built_in, language, forecast.as_ref())
        }
    };
    print(&text)?;
    Ok(0)
}

/// A warning when an arrangement saved on this machine differs from the built-in one of
/// the same year (a newer unioncal knows the notice, or it was amended).
fn saved_disagreements(rules: &HolidayRules, year: i32) -> Vec<Diagnostic> {
    let saved: Vec<Period> = rules
        .periods
        .iter()
        .filter(|p| p.source == Source::Saved && p.year == year)
        .cloned()
        .collect();
    let Some(built_in) = official(year) else { return Vec::new() };
    if saved.is_empty() {
        return Vec::new();
    }
    let days = |periods: &[Period]| {
        let mut off: Vec<_> = periods.iter().flat_map(|p| p.off.iter().copied()).collect();
        let mut work: Vec<_> = periods.iter().flat_map(|p| p.work.iter().copied()).collect();
        off.sort_unstable();
        work.sort_unstable();
        (off, work)
    };
    let only_saved =
        HolidayRules { region: Region::Cn, periods: saved.clone(), ..HolidayRules::default() };
    if days(&only_saved.arrangement(year).periods) == days(&built_in) {
        return Vec::new();
    }
    let file = saved.iter().find_map(|p| p.origin.clone()).unwrap_or_default();
    vec![Diagnostic::warning(crate::t!("saved-differs", year = year), None)
        .with_help(crate::t!("saved-differs-help", file = file))]
}

/// The notice's text: from the file, or pasted on standard input (`-`).
fn read_notice(path: &Path) -> Result<(String, Vec<u8>)> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).map_err(|source| Error::Io {
            action: "cannot read",
            path: "standard input".into(),
            source,
        })?;
        return Ok(("standard input".to_string(), bytes));
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        action: "cannot read",
        path: path.to_path_buf(),
        source,
    })?;
    Ok((path.display().to_string(), bytes))
}

fn import(args: &ImportArgs, ui: &Ui) -> Result<u8> {
    let (name, bytes) = read_notice(&args.notice)?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| Error::calendar(crate::config::not_utf8(&name, &bytes, e.valid_up_to())))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let source = SourceFile::new(name.clone(), text);
    let notice = Notice::read(&source, args.year).map_err(Error::Calendar)?;

    // What is known of the year already, for a notice that amends it.
    let into = args.into.as_deref().map(crate::output::regular_or_absent).transpose()?;
    let existing = match &args.into {
        Some(path) if into.flatten().is_some() => {
            Some(std::fs::read_to_string(path).map_err(|source| Error::Io {
                action: "cannot read",
                path: path.clone(),
                source,
            })?)
        }
        _ => None,
    };
    let mut periods = store::saved_periods()?;
    if let (Some(path), Some(text)) = (&args.into, &existing) {
        if let Ok(found) = crate::config::read_holidays_file(
            &path.display().to_string(),
            text.as_bytes(),
            Source::Calendar,
            None,
        ) {
            periods.extend(found);
        } else if let Ok(calendar) =
            crate::config::parse(&path.display().to_string(), text.as_bytes(), "calendar")
        {
            periods.extend(
                calendar.holidays.periods.into_iter().filter(|p| p.source == Source::Calendar),
            );
        }
    }
    let rules = HolidayRules { region: Region::Cn, periods, ..HolidayRules::default() };
    let known = rules.arrangement(notice.year);
    let result = notice.periods(&known.periods, &source).map_err(Error::Calendar)?;

    let mut comments: Vec<String> = notice.title.iter().chain(&notice.number).cloned().collect();
    if comments.is_empty() {
        comments.push(crate::t!("import-untitled", year = notice.year, name = name));
    }
    if notice.amends {
        let status =
            crate::emit::holidays::status_text(known.status, crate::messages::current().into());
        comments.push(crate::t!("import-on-top", year = notice.year, status = status));
    }

    if args.save {
        let path = save(&notice, &name, &result, &comments)?;
        ui.note(&crate::t!("import-saved", year = notice.year, path = path.display()));
    }
    if let Some(path) = &args.into {
        let name = path.display().to_string();
        let new = crate::config::put_into(
            &name,
            existing.as_deref().unwrap_or_default(),
            notice.year,
            &result,
        )
        .map_err(Error::Calendar)?;
        // Never leave a file the next build cannot read.
        let is_calendar = new.contains("[calendar]");
        let check = if is_calendar {
            crate::config::parse(&name, new.as_bytes(), "calendar").map(|_| ())
        } else {
            crate::config::read_holidays_file(&name, new.as_bytes(), Source::Shared, None)
                .map(|_| ())
                .map_err(Error::Calendar)
        };
        check?;
        crate::output::write_file(path, new.as_bytes())?;
        ui.note(&crate::t!("import-into", year = notice.year, path = path.display()));
    }
    print(&crate::config::periods_toml(&result, &comments))?;
    report_changes(notice.year, &result, args, ui);
    Ok(0)
}

/// The days `periods` decide otherwise than the forecast of `year`, one line each.
pub(super) fn changed_days(year: i32, periods: &[Period]) -> Vec<String> {
    let forecast = crate::dates::forecast(year);
    // The festivals the notice does not name stay as forecast, as the engine keeps them.
    let named: Vec<_> = periods.iter().flat_map(|p| p.festivals.iter().copied()).collect();
    let mut kept = forecast.periods.clone();
    kept.retain(|p| {
        !p.festivals.iter().any(|f| named.contains(f)) && !periods.iter().any(|o| o.name == p.name)
    });
    kept.extend(periods.iter().cloned());
    let (before, after) = (statuses(&forecast.periods), statuses(&kept));
    let weekend = |d: NaiveDate| d.weekday().num_days_from_monday() >= 5;
    let off = |map: &std::collections::BTreeMap<NaiveDate, bool>, d: NaiveDate| {
        map.get(&d).copied().unwrap_or_else(|| weekend(d))
    };
    let mut days: Vec<NaiveDate> = before.keys().chain(after.keys()).copied().collect();
    days.sort_unstable();
    days.dedup();
    let language: crate::model::Language = crate::messages::current().into();
    let word = |is_off: bool| {
        if is_off {
            crate::t!("import-day-off")
        } else {
            crate::t!("import-day-work")
        }
    };
    days.into_iter()
        .filter(|d| off(&before, *d) != off(&after, *d))
        .map(|d| {
            crate::t!(
                "import-changed-day",
                date = d.format("%Y-%m-%d"),
                weekday = crate::text::weekday_name(d.weekday(), language),
                was = word(off(&before, d)),
                now = word(off(&after, d))
            )
        })
        .collect()
}

/// A notice pasted into the workbench: read, checked, applied on top of what is saved,
/// and saved like `holidays import --save`; its year and periods.
///
/// # Errors
///
/// The notice's mistakes at their lines; the data folder not writable.
pub(super) fn import_and_save(text: &str) -> Result<(i32, Vec<Period>)> {
    let name = crate::t!("import-pasted");
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let source = SourceFile::new(name.clone(), text);
    let notice = Notice::read(&source, None).map_err(Error::Calendar)?;
    let rules = HolidayRules {
        region: Region::Cn,
        periods: store::saved_periods()?,
        ..HolidayRules::default()
    };
    let known = rules.arrangement(notice.year);
    let result = notice.periods(&known.periods, &source).map_err(Error::Calendar)?;
    let mut comments: Vec<String> = notice.title.iter().chain(&notice.number).cloned().collect();
    if comments.is_empty() {
        comments.push(crate::t!("import-untitled", year = notice.year, name = name));
    }
    save(&notice, &name, &result, &comments)?;
    Ok((notice.year, result))
}

/// Keep `periods` of `notice` (read from `name`) in this computer's data folder, where
/// every calendar finds them: the file written.
fn save(notice: &Notice, name: &str, periods: &[Period], comments: &[String]) -> Result<PathBuf> {
    let path =
        store::saved_path(notice.year).ok_or_else(|| Error::Usage(crate::t!("no-data-folder")))?;
    let record = crate::config::NoticeRecord {
        saved: super::today(),
        from: name,
        title: notice.title.as_deref(),
        number: notice.number.as_deref(),
    };
    let text = crate::config::saved_file(&record, periods, comments);
    crate::output::write_file(&path, text.as_bytes())?;
    Ok(path)
}

/// The off/work status of each day `periods` name.
fn statuses(periods: &[Period]) -> std::collections::BTreeMap<NaiveDate, bool> {
    let mut days = std::collections::BTreeMap::new();
    for period in periods {
        days.extend(period.off.iter().map(|d| (*d, true)));
    }
    for period in periods {
        days.extend(period.work.iter().map(|d| (*d, false)));
    }
    days
}

/// After an import: the days the notice decides otherwise than the forecast did, and the
/// activities of the calendar (the `--into` calendar, else `unioncal.toml` here) that
/// move because of it.
fn report_changes(year: i32, periods: &[Period], args: &ImportArgs, ui: &Ui) {
    let changed = changed_days(year, periods);
    if changed.is_empty() {
        ui.note(&crate::t!("import-as-forecast", year = year));
    } else {
        let mut text = crate::t!("import-changed", year = year, count = changed.len());
        for line in &changed {
            text.push_str("\n  ");
            text.push_str(line);
        }
        ui.note(&text);
    }
    let default = Path::new("unioncal.toml");
    let calendar_file = args
        .into
        .as_deref()
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains("[calendar]")))
        .or_else(|| default.exists().then_some(default));
    let Some(file) = calendar_file else { return };
    let Ok(calendar) = crate::config::load(file) else { return };
    let moved = moved_activities(&calendar, year, periods);
    if moved.is_empty() {
        ui.note(&crate::t!("import-nothing-moved", file = file.display()));
    } else {
        let mut text = crate::t!("import-moved", file = file.display(), count = moved.len());
        for line in &moved {
            text.push_str("\n  ");
            text.push_str(line);
        }
        ui.note(&text);
    }
}

/// The occurrences of `calendar` in `year` whose day differs between the forecast and
/// `periods`: `title: from → to` (or dropped, or added).
fn moved_activities(
    calendar: &crate::model::Calendar,
    year: i32,
    periods: &[Period],
) -> Vec<String> {
    let (from, to) = crate::schedule::year_range(year);
    let mut forecast = calendar.clone();
    forecast.holidays.periods.retain(|p| p.year != year || p.source == Source::Calendar);
    let mut notice = forecast.clone();
    notice.holidays.periods.extend(periods.iter().cloned().map(|mut p| {
        p.source = Source::Saved;
        p
    }));
    let dates =
        |c: &crate::model::Calendar| -> std::collections::BTreeMap<String, (String, NaiveDate)> {
            crate::schedule::expand(c, from, to)
                .map(|s| {
                    s.occurrences
                        .iter()
                        .map(|o| (o.uid(c), (o.title.to_string(), o.date)))
                        .collect()
                })
                .unwrap_or_default()
        };
    let (before, after) = (dates(&forecast), dates(&notice));
    let mut out = Vec::new();
    for (uid, (title, date)) in &before {
        match after.get(uid) {
            Some((_, new)) if new != date => out.push(crate::t!(
                "import-moved-one",
                title = title,
                from = date.format("%m-%d"),
                to = new.format("%m-%d")
            )),
            None => out.push(crate::t!(
                "import-dropped-one",
                title = title,
                date = date.format("%m-%d")
            )),
            _ => {}
        }
    }
    for (uid, (title, date)) in &after {
        if !before.contains_key(uid) {
            out.push(crate::t!("import-added-one", title = title, date = date.format("%m-%d")));
        }
    }
    out
}
