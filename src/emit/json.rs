//! `list --format json`: the stable shape scripts and tests rely on.

use serde::Serialize;

use crate::model::Calendar;
use crate::schedule::Schedule;

#[derive(Serialize)]
struct Document<'a> {
    calendar: &'a str,
    from: String,
    to: String,
    provisional_holidays: bool,
    events: Vec<Event<'a>>,
}

#[derive(Serialize)]
struct Event<'a> {
    id: &'a str,
    uid: &'a str,
    title: &'a str,
    category: Option<&'a str>,
    date: String,
    end_date: String,
    all_day: bool,
    start_time: Option<String>,
    end_time: Option<String>,
    month_task: bool,
    original_date: Option<String>,
    location: Option<&'a str>,
    organizer: Option<&'a str>,
    description: Option<&'a str>,
}

/// The JSON document of `schedule`, pretty-printed, with a final newline.
#[must_use]
pub fn render(calendar: &Calendar, schedule: &Schedule) -> String {
    let events = schedule
        .occurrences
        .iter()
        .map(|o| {
            let event = &calendar.events[o.event];
            Event {
                id: &event.id,
                uid: &o.uid,
                title: &o.title,
                category: event.category.as_deref(),
                date: o.date.to_string(),
                end_date: o.end_date.to_string(),
                all_day: o.all_day(),
                start_time: o.start_time.map(|t| t.format("%H:%M").to_string()),
                end_time: o.end_time.map(|t| t.format("%H:%M").to_string()),
                month_task: o.month_task,
                original_date: o.original_date().map(|d| d.to_string()),
                location: o.location.as_deref(),
                organizer: event.organizer.as_deref(),
                description: o.description.as_deref(),
            }
        })
        .collect();
    let document = Document {
        calendar: &calendar.name,
        from: schedule.from.to_string(),
        to: schedule.to.to_string(),
        provisional_holidays: schedule.provisional(),
        events,
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
