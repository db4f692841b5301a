//! What `check` warns about: things that work but are probably not what the officer
//! meant.

use chrono::Datelike;

use super::generate::{month_length, nth_weekday};
use super::Schedule;
use crate::dates::{Festival, Region, Source};
use crate::error::Diagnostic;
use crate::model::{Anchor, Calendar, Event};

/// Every warning about `calendar` expanded as `schedule`.
#[must_use]
pub fn check(calendar: &Calendar, schedule: &Schedule) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    out.extend(provisional(calendar, schedule));
    for (index, event) in calendar.events.iter().enumerate() {
        out.extend(on_days_off(schedule, index, event));
        out.extend(missing_days(schedule, event));
    }
    out.extend(schedule.notes.iter().cloned());
    out.extend(overlaps(calendar, schedule));
    out
}

fn provisional(calendar: &Calendar, schedule: &Schedule) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for &year in &schedule.provisional_years {
        out.push(
            Diagnostic::warning(
                format!("the {year} holiday arrangement is not published yet: days off are computed from the law, without 调休, and may change"),
                None,
            )
            .with_help(format!("when the State Council notice for {year} is out, type it in as `[[holidays.periods]]` entries (or update unioncal), then build again")),
        );
    }
    if calendar.holidays.region == Region::Cn {
        for year in schedule.from.year()..=schedule.to.year() {
            let typed: Vec<Festival> = calendar
                .holidays
                .periods
                .iter()
                .filter(|p| p.year == year && p.source == Source::Calendar)
                .flat_map(|p| p.festivals.iter().copied())
                .collect();
            if typed.is_empty() || crate::dates::official(year).is_some() {
                continue;
            }
            let missing: Vec<&str> =
                Festival::ALL.iter().filter(|f| !typed.contains(f)).map(|f| f.name()).collect();
            if !missing.is_empty() {
                out.push(
                    Diagnostic::warning(
                        format!("`[[holidays.periods]]` for {year} does not name {}: their days come from the law", missing.join("、")),
                        None,
                    )
                    .with_help("type in every period of the year's notice"),
                );
            }
        }
    }
    out
}

fn on_days_off(schedule: &Schedule, index: usize, event: &Event) -> Option<Diagnostic> {
    if event.shift_given || matches!(event.anchor, Anchor::Holiday(_) | Anchor::MonthTask(_)) {
        return None;
    }
    let off: Vec<String> = schedule
        .occurrences
        .iter()
        .filter(|o| {
            o.event == index && o.how == super::How::Scheduled && schedule.days.is_off(o.date)
        })
        .map(|o| o.date.format("%m-%d").to_string())
        .collect();
    if off.is_empty() {
        return None;
    }
    let shown: Vec<&str> = off.iter().take(6).map(String::as_str).collect();
    let more = if off.len() > shown.len() {
        format!(" and {} more", off.len() - shown.len())
    } else {
        String::new()
    };
    Some(
        Diagnostic::warning(
            format!("`{}` falls on a day off {} time(s): {}{more}", event.id, off.len(), shown.join(", ")),
            Some(event.origin.clone()),
        )
        .with_help("set `shift = \"before\"`, `\"after\"`, `\"nearest\"` or `\"skip\"`; `shift = \"none\"` keeps the days and silences this"),
    )
}

fn missing_days(schedule: &Schedule, event: &Event) -> Option<Diagnostic> {
    let (what, exists): (String, Box<dyn Fn(i32, u32) -> bool>) = match event.anchor {
        Anchor::MonthlyNth { weekday, nth } if nth.abs() == 5 => (
            format!("a {} {:?}", if nth > 0 { "fifth" } else { "fifth-last" }, weekday),
            Box::new(move |y, m| nth_weekday(y, m, weekday, nth).is_some()),
        ),
        Anchor::MonthlyDay(day) if day.abs() >= 29 => {
            (format!("a day {day}"), Box::new(move |y, m| day.unsigned_abs() <= month_length(y, m)))
        }
        _ => return None,
    };
    let mut missing = Vec::new();
    let mut month = schedule.from.with_day(1)?;
    while month <= schedule.to {
        let (y, m) = (month.year(), month.month());
        if event.months.is_none_or(|ms| ms.contains(m)) && !exists(y, m) {
            missing.push(format!("{y}-{m:02}"));
        }
        month = month.checked_add_months(chrono::Months::new(1))?;
    }
    (!missing.is_empty()).then(|| {
        Diagnostic::warning(
            format!(
                "`{}` has no occurrence in {}: those months have no {what}",
                event.id,
                missing.join(", ")
            ),
            Some(event.origin.clone()),
        )
        .with_help("use `nth = -1` (the last) or `day = -1` (the last day) to have one every month")
    })
}

fn overlaps(calendar: &Calendar, schedule: &Schedule) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let timed: Vec<_> = schedule
        .occurrences
        .iter()
        .filter(|o| o.start_time.is_some() && o.location.is_some())
        .collect();
    for (i, a) in timed.iter().enumerate() {
        for b in timed[i + 1..].iter().take_while(|b| b.date <= a.end_date) {
            if a.event == b.event || a.location != b.location {
                continue;
            }
            let (Some(a_start), Some(a_end), Some(b_start), Some(b_end)) =
                (a.start_time, a.end_time, b.start_time, b.end_time)
            else {
                continue;
            };
            let (a0, a1) = (a.date.and_time(a_start), a.end_date.and_time(a_end));
            let (b0, b1) = (b.date.and_time(b_start), b.end_date.and_time(b_end));
            if a0 < b1 && b0 < a1 {
                let (ea, eb) = (&calendar.events[a.event], &calendar.events[b.event]);
                out.push(
                    Diagnostic::warning(
                        format!(
                            "`{}` and `{}` overlap at {} on {}",
                            ea.id,
                            eb.id,
                            a.location.as_deref().unwrap_or_default(),
                            b.date
                        ),
                        Some(eb.origin.clone()),
                    )
                    .with_help("move one of them, or give it another `location`"),
                );
            }
        }
    }
    out
}
