//! The month as a phone shows it: each day with an event, a 休/班 mark or a festival, with
//! all of its events (whole titles, place, organizer).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::cell::{Badge, Day};
use super::{color, ics_file};
use crate::emit::{month_day, time_text};
use crate::model::Calendar;
use crate::schedule::Occurrence;
use crate::t;
use crate::text::weekday_name;

/// A day of the phone agenda: its date, lunar day or festival, 休/班, and every event.
#[derive(Serialize)]
pub(super) struct AgendaDay {
    pub(super) id: String,
    pub(super) date: String,
    pub(super) weekday: &'static str,
    pub(super) label: String,
    pub(super) special: bool,
    pub(super) badge: Option<Badge>,
    pub(super) note: Option<&'static str>,
    pub(super) events: Vec<AgendaEvent>,
}

#[derive(Serialize)]
pub(super) struct AgendaEvent {
    pub(super) time: String,
    pub(super) title: String,
    pub(super) location: String,
    pub(super) organizer: String,
    pub(super) audience: String,
    pub(super) color: String,
    /// The rule's own `.ics` file, to add it to a phone's calendar.
    pub(super) ics: String,
    pub(super) note: String,
}

/// The month as an agenda: each day of the month with an event, a 休/班 mark or a
/// festival, with all of its events (whole titles, place, organizer).
pub(super) fn agenda(
    calendar: &Calendar,
    list: &[&Occurrence],
    weeks: &[Vec<Day>],
    year: i32,
    month: u32,
) -> Vec<AgendaDay> {
    let lang = calendar.language;
    let mut out = Vec::new();
    for cell in weeks.iter().flatten().filter(|d| d.in_month) {
        let Some(date) = NaiveDate::from_ymd_opt(year, month, cell.day) else { continue };
        let events: Vec<AgendaEvent> = list
            .iter()
            .filter(|o| !o.month_task && o.date <= date && date <= o.end_date)
            .map(|o| {
                let time = if o.date != date {
                    t!(in lang; "agenda-continued")
                } else if o.all_day() {
                    t!(in lang; "agenda-all-day")
                } else {
                    time_text(o, calendar.language)
                };
                let note = o
                    .original_date()
                    .map(|d| t!(in lang; "moved-from", date = month_day(d, lang)))
                    .unwrap_or_default();
                AgendaEvent {
                    time,
                    title: o.title.to_string(),
                    location: o.location.as_deref().unwrap_or_default().to_string(),
                    organizer: crate::emit::organizer(calendar, o),
                    audience: crate::emit::audience(calendar, o),
                    color: color(calendar, o),
                    ics: ics_file(calendar, o),
                    note,
                }
            })
            .collect();
        let special = cell.label_class != "lun";
        if events.is_empty() && cell.badge.is_none() && !special {
            continue;
        }
        out.push(AgendaDay {
            id: date.format("d%Y%m%d").to_string(),
            date: month_day(date, lang),
            weekday: weekday_name(date.weekday(), calendar.language),
            label: cell.label.clone(),
            special,
            badge: cell.badge.as_ref().map(|b| Badge {
                text: b.text.clone(),
                class: b.class,
                title: b.title.clone(),
            }),
            note: cell.note,
            events,
        });
    }
    out
}
