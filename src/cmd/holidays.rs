//! `unioncal holidays`: a year's days off and make-up workdays, official or provisional;
//! `unioncal holidays import`: read the State Council's notice, check it, and print, save
//! or write its periods.

use std::io::Read;
use std::path::Path;

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
    let calendar = file.map(super::load).transpose()?;
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
        let path = store::saved_path(notice.year)
            .ok_or_else(|| Error::Usage(crate::t!("no-data-folder")))?;
        let record = crate::config::NoticeRecord {
            saved: super::today(),
            from: &name,
            title: notice.title.as_deref(),
            number: notice.number.as_deref(),
        };
        let text = crate::config::saved_file(&record, &result, &comments);
        crate::output::write_file(&path, text.as_bytes())?;
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
    Ok(0)
}
