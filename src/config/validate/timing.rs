//! An event's time of day and length, and its `[[events.changes]]`.

use crate::t;
use toml::Spanned;

use super::header::positive_minutes;
use super::Validator;
use crate::config::raw::{RawChange, RawEvent};
use crate::config::values;
use crate::model::{Change, ChangeAction, ChangeDate, Length, Timing};

pub(super) fn timing(v: &mut Validator<'_>, e: &RawEvent, default_minutes: i64) -> Option<Timing> {
    let Some(time) = &e.time else {
        for (key, value) in [("end", &e.end), ("duration", &e.duration)] {
            if let Some(value) = value {
                v.error(value.span(), t!("needs-time", key = key), t!("needs-time-help"));
            }
        }
        return None;
    };
    let start = v.value(time, values::time)?;
    let length = match (&e.end, &e.duration) {
        (Some(_), Some(d)) => {
            v.error(d.span(), t!("end-and-duration"), t!("end-and-duration-help"));
            return None;
        }
        (Some(end), None) => {
            let end_time = v.value(end, values::time)?;
            if end_time < start {
                v.error(
                    end.span(),
                    t!(
                        "end-before-time",
                        end = end_time.format("%H:%M"),
                        start = start.format("%H:%M")
                    ),
                    t!("end-before-time-help"),
                );
                return None;
            }
            Length::End(end_time)
        }
        (None, Some(d)) => Length::Minutes(positive_minutes(v, d)?),
        (None, None) => Length::Minutes(default_minutes),
    };
    Some(Timing { start, length })
}

pub(super) fn change(
    v: &mut Validator<'_>,
    raw: &Spanned<RawChange>,
    month_task: bool,
) -> Option<Change> {
    let c: &RawChange = raw.get_ref();
    let origin = v.at(c.date.as_ref().map_or(raw.span(), Spanned::span));
    let Some(date) = &c.date else {
        v.error(raw.span(), t!("change-needs-date"), t!("change-needs-date-help"));
        return None;
    };
    let date = match values::year_month(date.get_ref()) {
        Some((y, m)) if month_task => ChangeDate::Month(y, m),
        _ if month_task => {
            v.error(date.span(), t!("change-month-task"), t!("change-month-task-help"));
            return None;
        }
        _ => ChangeDate::Day(v.value(date, values::full_date)?),
    };
    let cancel = c.cancel.as_ref().is_some_and(|b| *b.get_ref());
    let action = match (&c.move_to, cancel) {
        (Some(m), true) => {
            v.error(m.span(), t!("change-move-or-cancel"), t!("change-move-or-cancel-help"));
            return None;
        }
        (Some(m), false) if month_task => {
            v.error(m.span(), t!("change-month-task-move"), t!("change-month-task-move-help"));
            return None;
        }
        (Some(m), false) => ChangeAction::MoveTo(v.value(m, values::full_date)?),
        (None, true) => ChangeAction::Cancel,
        (None, false) => ChangeAction::Keep,
    };
    let time = c.time.as_ref().and_then(|t| v.value(t, values::time));
    let end = c.end.as_ref().and_then(|t| v.value(t, values::time));
    if let (Some(t), Some(e), Some(span)) = (time, end, c.end.as_ref().map(Spanned::span)) {
        if e < t {
            v.error(span, t!("change-end-before-time"), t!("change-end-before-time-help"));
        }
    }
    Some(Change {
        date,
        action,
        title: Validator::text(c.title.as_ref()),
        time,
        end,
        location: Validator::text(c.location.as_ref()),
        description: Validator::text(c.description.as_ref()),
        origin,
    })
}
