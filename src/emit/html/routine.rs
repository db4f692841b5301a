//! Routines: a rule that meets four times or more in a month, told once at the month's
//! top (每周一、三、五 12:00–13:00，共 14 次), and the lunar months a month touches.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::{color, ics_file};
use crate::emit::month_day;
use crate::model::Calendar;
use crate::schedule::Occurrence;
use crate::t;

/// A rule that meets four times or more in a month, as one line: its days, time, place,
/// count, and the occurrences cancelled or moved.
#[derive(Serialize)]
pub(super) struct Routine {
    pub(super) title: String,
    pub(super) text: String,
    pub(super) color: String,
    pub(super) ics: String,
}

/// How many times a rule must meet in a month to be told once as a routine.
pub(super) const ROUTINE: usize = 4;

/// The month's routines: each rule with four or more (non-task) occurrences in `list`.
pub(super) fn routines(
    calendar: &Calendar,
    list: &[&Occurrence],
    year: i32,
    month: u32,
) -> Vec<(usize, Routine)> {
    let lang = calendar.language;
    let mut by_rule: std::collections::BTreeMap<usize, Vec<&Occurrence>> = Default::default();
    for o in list.iter().filter(|o| !o.month_task && o.date == o.end_date) {
        by_rule.entry(o.event).or_default().push(o);
    }
    let mut out = Vec::new();
    for (event, occurrences) in by_rule.into_iter().filter(|(_, o)| o.len() >= ROUTINE) {
        let first = occurrences[0];
        let mut weekdays: Vec<chrono::Weekday> =
            occurrences.iter().map(|o| o.date.weekday()).collect();
        weekdays.sort_by_key(chrono::Weekday::num_days_from_monday);
        weekdays.dedup();
        let days = if weekdays.len() == 7 {
            t!(in lang; "routine-daily")
        } else {
            let names: Vec<String> =
                weekdays.iter().map(|w| crate::emit::weekday_short(*w, lang)).collect();
            t!(in lang; "routine-weekly", days = names.join(&t!(in lang; "routine-day-separator")))
        };
        let time = match (first.start_time, first.end_time) {
            (Some(from), Some(to)) => {
                t!(in lang; "routine-time", from = from.format("%H:%M"), to = to.format("%H:%M"))
            }
            (Some(from), None) => from.format("%H:%M").to_string(),
            _ => String::new(),
        };
        let place = first.location.as_deref().unwrap_or_default();
        let mut exceptions: Vec<String> = occurrences
            .iter()
            .filter_map(|o| o.original_date().map(|from| (from, o.date)))
            .map(|(from, to)| t!(in lang; "routine-moved", from = month_day(from, lang), to = month_day(to, lang)))
            .collect();
        for change in &calendar.events[event].changes {
            if let (crate::model::ChangeDate::Day(d), crate::model::ChangeAction::Cancel) =
                (change.date, &change.action)
            {
                if d.year() == year && d.month() == month {
                    exceptions.push(t!(in lang; "routine-cancelled", date = month_day(d, lang)));
                }
            }
        }
        let mut text = t!(in lang; "routine-line", days = days, time = time, place = place, count = occurrences.len());
        if !exceptions.is_empty() {
            text.push_str(&t!(in lang; "routine-exceptions", list = exceptions.join(&t!(in lang; "routine-exception-separator"))));
        }
        out.push((
            event,
            Routine {
                title: first.title.to_string(),
                text,
                color: color(calendar, first),
                ics: ics_file(calendar, first),
            },
        ));
    }
    out
}

/// The lunar months a Gregorian month touches, each with its sexagenary year when it
/// changes: 丙午年腊月 — 丁未年正月, 戊申年五月 — 闰五月.
pub(super) fn lunar_months(first: NaiveDate) -> String {
    let mut months: Vec<(i32, String)> = Vec::new();
    let mut day = first;
    while day.month() == first.month() {
        if let Some(lunar) = crate::dates::solar_to_lunar(day) {
            let name = lunar.month_name();
            if months.last() != Some(&(lunar.year, name.clone())) {
                months.push((lunar.year, name));
            }
        }
        day = day + Days::new(1);
    }
    let mut parts = Vec::new();
    let mut last_year = None;
    for (year, name) in months {
        if last_year == Some(year) {
            parts.push(name);
        } else {
            parts.push(format!("{}{name}", crate::dates::stem_branch_year(year)));
        }
        last_year = Some(year);
    }
    parts.join(" — ")
}
