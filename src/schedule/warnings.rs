//! What `check` warns about: things that work but are probably not what the officer
//! meant.

use crate::t;
use crate::text::weekday_name;
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
    out.extend(on_guessed_days(calendar, schedule));
    out
}

/// One warning per rule with occurrences on a day the forecast of an unannounced year only
/// guesses (a make-up workday, the first or last day of a break): the notice may turn it.
fn on_guessed_days(calendar: &Calendar, schedule: &Schedule) -> Vec<Diagnostic> {
    let forecasts: Vec<crate::dates::Forecast> =
        schedule.provisional_years.iter().map(|y| crate::dates::forecast(*y)).collect();
    if forecasts.is_empty() {
        return Vec::new();
    }
    let guessed = |date: chrono::NaiveDate| {
        let forecast_period = match schedule.days.kind(date) {
            crate::dates::DayKind::Holiday(i) | crate::dates::DayKind::MakeUpWork(i) => {
                schedule.days.period(i).is_some_and(|p| p.source == Source::Provisional)
            }
            _ => false,
        };
        forecast_period
            && forecasts.iter().any(|f| f.certainty(date) == Some(crate::dates::Certainty::Guess))
    };
    let mut out = Vec::new();
    for (index, event) in calendar.events.iter().enumerate() {
        let days: Vec<String> = schedule
            .occurrences
            .iter()
            .filter(|o| o.event == index && !o.month_task && guessed(o.date))
            .map(|o| o.date.format("%Y-%m-%d").to_string())
            .collect();
        if days.is_empty() {
            continue;
        }
        out.push(
            Diagnostic::warning(
                t!("on-guessed-day", id = event.id, days = days.join(&t!("list-separator"))),
                Some(event.origin.clone()),
            )
            .with_help(t!("on-guessed-day-help")),
        );
    }
    out
}

/// One warning per year of the range whose holidays are provisional: what `build` says
/// even when it says nothing else.
#[must_use]
pub fn provisional_years(schedule: &Schedule) -> Vec<Diagnostic> {
    schedule
        .provisional_years
        .iter()
        .map(|year| {
            Diagnostic::warning(t!("provisional-year", year = year), None)
                .with_help(t!("provisional-year-help", year = year))
        })
        .collect()
}

fn provisional(calendar: &Calendar, schedule: &Schedule) -> Vec<Diagnostic> {
    let mut out = provisional_years(schedule);
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
                        t!(
                            "periods-missing-festivals",
                            year = year,
                            names = missing.join(&t!("list-separator"))
                        ),
                        None,
                    )
                    .with_help(t!("periods-missing-festivals-help")),
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
        t!("and-more", count = off.len() - shown.len())
    } else {
        String::new()
    };
    Some(
        Diagnostic::warning(
            t!(
                "on-days-off",
                id = event.id,
                count = off.len(),
                days = format!("{}{more}", shown.join(", "))
            ),
            Some(event.origin.clone()),
        )
        .with_help(t!("on-days-off-help")),
    )
}

/// The language messages are in, as the weekday names know it.
fn ui_language() -> crate::model::Language {
    crate::messages::current().into()
}

fn missing_days(schedule: &Schedule, event: &Event) -> Option<Diagnostic> {
    let (what, exists): (String, Box<dyn Fn(i32, u32) -> bool>) = match event.anchor {
        Anchor::MonthlyNth { weekday, nth } if nth.abs() == 5 => (
            if nth > 0 {
                t!("fifth-weekday", weekday = weekday_name(weekday, ui_language()))
            } else {
                t!("fifth-last-weekday", weekday = weekday_name(weekday, ui_language()))
            },
            Box::new(move |y, m| nth_weekday(y, m, weekday, nth).is_some()),
        ),
        Anchor::MonthlyDay(day) if day.abs() >= 29 => {
            (t!("day-n", day = day), Box::new(move |y, m| day.unsigned_abs() <= month_length(y, m)))
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
            t!("missing-days", id = event.id, months = missing.join(", "), what = what),
            Some(event.origin.clone()),
        )
        .with_help(t!("missing-days-help"))
    })
}

/// At most this many overlap warnings are listed; the rest are counted.
const MAX_OVERLAP_WARNINGS: usize = 20;

fn overlaps(calendar: &Calendar, schedule: &Schedule) -> Vec<Diagnostic> {
    // Timed occurrences by place, then by start: a sweep finds the overlapping pairs.
    let mut timed: Vec<(&str, chrono::NaiveDateTime, chrono::NaiveDateTime, &super::Occurrence)> =
        schedule
            .occurrences
            .iter()
            .filter_map(|o| {
                let (start, end) = (o.start_time?, o.end_time?);
                Some((o.location.as_deref()?, o.date.and_time(start), o.end_date.and_time(end), o))
            })
            .collect();
    timed.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut out = Vec::new();
    let mut more = 0usize;
    for (i, &(place, _, end, a)) in timed.iter().enumerate() {
        for &(other_place, start, _, b) in &timed[i + 1..] {
            if other_place != place || start >= end {
                break;
            }
            if a.event == b.event {
                continue;
            }
            if out.len() >= MAX_OVERLAP_WARNINGS {
                more += 1;
                continue;
            }
            let (ea, eb) = (&calendar.events[a.event], &calendar.events[b.event]);
            out.push(
                Diagnostic::warning(
                    t!("overlap", a = ea.id, b = eb.id, place = place, date = b.date),
                    Some(eb.origin.clone()),
                )
                .with_help(t!("overlap-help")),
            );
        }
        if more > 1_000_000 {
            break;
        }
    }
    if more > 0 {
        let count = if more > 1_000_000 { t!("overlap-over-a-million") } else { more.to_string() };
        out.push(Diagnostic::warning(t!("overlap-more", count = count), None));
    }
    out
}
