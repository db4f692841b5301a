//! A day cell of a month's grid: its lunar label, 休/班 badge and first events; the phone
//! agenda reads its days from the same cells.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{color, CELL_EVENTS};
use crate::dates::{day_label, DayKind};
use crate::model::Calendar;
use crate::schedule::{Occurrence, Schedule};
use crate::t;

/// A day cell. Its CSS classes are worked out here so the templates stay plain markup.
#[derive(Serialize)]
pub(super) struct Day {
    pub(super) day: u32,
    pub(super) in_month: bool,
    /// `out` (another month's day), `off`, `weekend`, space-separated.
    pub(super) class: String,
    pub(super) label: String,
    /// `lun`, or `lun sp` for a festival or solar term.
    pub(super) label_class: &'static str,
    /// 休 / 班 on a day of this month whose working status differs from the week's.
    pub(super) badge: Option<Badge>,
    pub(super) off: bool,
    /// The partial-holiday note (下午放假), on days of this month.
    pub(super) note: Option<&'static str>,
    pub(super) events: Vec<CellEvent>,
    /// "另有 2 项" when more events fall on the day than the cell lists, else "".
    pub(super) more: String,
}

#[derive(Serialize)]
pub(super) struct Badge {
    pub(super) text: String,
    pub(super) class: &'static str,
    pub(super) title: Option<String>,
}

#[derive(Serialize)]
pub(super) struct CellEvent {
    pub(super) time: String,
    pub(super) title: String,
    pub(super) color: String,
}

/// The cell of `day` in the grid of `month`: its lunar label, 休/班 badge, and the first
/// events of `list` on it.
pub(super) fn day_cell(
    calendar: &Calendar,
    schedule: &Schedule,
    list: &[&Occurrence],
    day: NaiveDate,
    month: u32,
) -> Day {
    let lang = calendar.language;
    let label = day_label(day);
    let kind = schedule.days.kind(day);
    let provisional = schedule.provisional_years.contains(&day.year());
    let badge = match kind {
        DayKind::Holiday(_) | DayKind::ExtraOff => Some(t!(in lang; "day-off")),
        DayKind::MakeUpWork(_) | DayKind::ExtraWork
            if day.weekday().num_days_from_monday() >= 5 =>
        {
            Some(t!(in lang; "day-work"))
        }
        _ => None,
    };
    let on_day: Vec<&Occurrence> = list
        .iter()
        .copied()
        .filter(|o| !o.month_task && o.date <= day && day <= o.end_date && day.month() == month)
        .collect();
    let in_month = day.month() == month;
    let off = kind.is_off();
    let weekend = day.weekday().num_days_from_monday() >= 5;
    let provisional = provisional && matches!(kind, DayKind::Holiday(_) | DayKind::MakeUpWork(_));
    let class = [(!in_month, "out"), (off, "off"), (weekend, "weekend")]
        .iter()
        .filter_map(|&(on, class)| on.then_some(class))
        .collect::<Vec<_>>()
        .join(" ");
    let more = on_day.len().saturating_sub(CELL_EVENTS);
    Day {
        day: day.day(),
        in_month,
        class,
        label: label.text,
        label_class: if label.special { "lun sp" } else { "lun" },
        badge: badge.filter(|_| in_month).map(|text| Badge {
            text: if provisional { format!("{text}*") } else { text },
            class: match (off, provisional) {
                (true, true) => "badge off prov",
                (true, false) => "badge off",
                (false, true) => "badge work prov",
                (false, false) => "badge work",
            },
            title: provisional.then(|| t!(in lang; "day-provisional")),
        }),
        off,
        note: label.partial_holiday.filter(|_| in_month),
        more: match more {
            0 => String::new(),
            n => t!(in lang; "day-more", count = n),
        },
        events: on_day
            .iter()
            .take(CELL_EVENTS)
            .map(|o| CellEvent {
                time: if o.date == day {
                    o.start_time.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
                } else {
                    String::new()
                },
                title: o.title.to_string(),
                color: color(calendar, o),
            })
            .collect(),
    }
}
