//! The month: its sheet's grid of day cells with the first events of each, the list of
//! every event and month task beside it (the printed page and `YYYY-MM.html`).

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::agenda::{agenda, AgendaDay};
use super::cell::{day_cell, Day};
use super::routine::{lunar_months, routines, Routine};
use super::{color, ics_file};
use crate::emit::{category_label, dates_text, month_day, month_groups, time_text, weekday_text};
use crate::model::Calendar;
use crate::schedule::{Occurrence, Schedule};
use crate::t;

/// What every page says about a month: its heading and file.
#[derive(Serialize)]
pub(super) struct MonthHead {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) subtitle: String,
    pub(super) file: String,
    pub(super) provisional: bool,
    pub(super) count: usize,
    /// `""`, `" dense"`, `" denser"` or `" densest"`: how tightly the sheet sets its list.
    pub(super) density: &'static str,
}

#[derive(Serialize)]
pub(super) struct Month {
    #[serde(flatten)]
    pub(super) head: MonthHead,
    pub(super) weeks: Vec<Vec<Day>>,
    pub(super) items: Vec<Item>,
    pub(super) tasks: Vec<Task>,
    /// The month as a phone shows it: one entry per day that has something.
    pub(super) agenda: Vec<AgendaDay>,
    /// Rules that meet four times or more in the month, told once at its top (phone,
    /// long image); the agenda leaves them out.
    pub(super) routines: Vec<Routine>,
}

#[derive(Serialize)]
pub(super) struct Item {
    pub(super) when: String,
    pub(super) weekday: String,
    pub(super) time: String,
    pub(super) title: String,
    pub(super) location: String,
    pub(super) organizer: String,
    pub(super) audience: String,
    pub(super) category: String,
    pub(super) color: String,
    pub(super) note: String,
    pub(super) ics: String,
}

#[derive(Serialize)]
pub(super) struct Task {
    pub(super) title: String,
    pub(super) organizer: String,
    pub(super) audience: String,
    pub(super) category: String,
    pub(super) color: String,
    pub(super) ics: String,
}

pub(super) fn month_view(
    calendar: &Calendar,
    schedule: &Schedule,
    year: i32,
    month: u32,
    list: &[&Occurrence],
) -> Month {
    let lang = calendar.language;
    let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(schedule.from);
    let start = first - Days::new(u64::from(first.weekday().num_days_from_monday()));
    let mut weeks = Vec::new();
    let mut day = start;
    while weeks.is_empty() || day.month() == month {
        let mut week = Vec::new();
        for _ in 0..7 {
            week.push(day_cell(calendar, schedule, list, day, month));
            day = day + Days::new(1);
        }
        weeks.push(week);
    }
    let routines = routines(calendar, list, year, month);
    let routine_rules: Vec<usize> = routines.iter().map(|(event, _)| *event).collect();
    let everyday: Vec<&Occurrence> = list
        .iter()
        .copied()
        .filter(|o| !routine_rules.contains(&o.event) || o.month_task)
        .collect();
    let agenda = agenda(calendar, &everyday, &weeks, year, month);
    let (tasks, groups) = month_groups(list);
    // The print sheet's list: the routines first, each one line, then every other item.
    let mut items: Vec<Item> = routines
        .iter()
        .filter_map(|(event, routine)| {
            let o = list.iter().find(|o| o.event == *event && !o.month_task)?;
            Some(Item {
                when: routine.text.clone(),
                weekday: String::new(),
                time: String::new(),
                title: routine.title.clone(),
                location: String::new(),
                organizer: crate::emit::organizer(calendar, o),
                audience: crate::emit::audience(calendar, o),
                category: category_label(calendar, o).to_string(),
                color: routine.color.clone(),
                note: String::new(),
                ics: routine.ics.clone(),
            })
        })
        .collect();
    let everyday_groups = groups
        .iter()
        .filter(|g| !(routine_rules.contains(&g.first.event) && g.first.date == g.first.end_date));
    items.extend(everyday_groups.map(|g| {
        let o = g.first;
        let note = match o.original_date() {
            Some(d) if g.dates.len() == 1 => {
                t!(in lang; "moved-from", date = month_day(d, lang))
            }
            _ => String::new(),
        };
        Item {
            when: dates_text(g, calendar.language),
            weekday: if g.dates.len() == 1 {
                weekday_text(o, calendar.language).to_string()
            } else {
                String::new()
            },
            time: if o.all_day() { String::new() } else { time_text(o, calendar.language) },
            title: o.title.to_string(),
            location: o.location.as_deref().unwrap_or_default().to_string(),
            organizer: crate::emit::organizer(calendar, o),
            audience: crate::emit::audience(calendar, o),
            category: category_label(calendar, o).to_string(),
            color: color(calendar, o),
            note,
            ics: ics_file(calendar, o),
        }
    }));
    let tasks: Vec<Task> = tasks
        .iter()
        .map(|o| Task {
            title: o.title.to_string(),
            organizer: crate::emit::organizer(calendar, o),
            audience: crate::emit::audience(calendar, o),
            category: category_label(calendar, o).to_string(),
            color: color(calendar, o),
            ics: ics_file(calendar, o),
        })
        .collect();
    // The catalog decides: the lunar months under a Chinese page's title; nothing under an
    // English one (their names are Chinese).
    let subtitle = t!(in lang; "month-lunar-subtitle", months = lunar_months(first));
    let listed: usize = items.len() + tasks.len();
    Month {
        head: MonthHead {
            id: format!("{year}-{month:02}"),
            title: t!(in lang; "date-year-month", year = year, month = month, name = first.format("%B")),
            subtitle,
            file: format!("{year}-{month:02}.html"),
            provisional: schedule.provisional_years.contains(&year),
            count: list.len(),
            density: match listed {
                41.. => " densest",
                25..=40 => " denser",
                15..=24 => " dense",
                _ => "",
            },
        },
        weeks,
        items,
        tasks,
        agenda,
        routines: routines.into_iter().map(|(_, r)| r).collect(),
    }
}
