//! iCalendar feeds (RFC 5545, RFC 7986) that phones subscribe to.
//!
//! Each event is built as an `icalendar` component, which knows the properties' values and
//! which of them are TEXT. The document is written by `emit::ical::Lines`, the one line
//! writer: every content line once, escaped and folded as it is written. The calendar's own
//! properties (`NAME`, `X-WR-*`) are escaped as TEXT, whatever the crate thinks of their
//! names, and the `VTIMEZONE` comes from [`crate::dates::zone_span`].

use chrono::{DateTime, Datelike, Duration, Utc};
use icalendar::{Alarm, Component, Event as IcsEvent, EventLike, Property};

use super::ical::{clean_text, date_value, duration_value, local_value, Lines};
use super::month_day;
use crate::model::Calendar;
use crate::schedule::{How, Occurrence, Schedule};
use crate::t;

/// The settings every feed of one build shares.
pub struct Feed<'a> {
    /// The calendar.
    pub calendar: &'a Calendar,
    /// Its schedule.
    pub schedule: &'a Schedule,
    /// DTSTAMP of every event.
    pub stamp: DateTime<Utc>,
    /// The `VTIMEZONE` block, written once per build.
    pub timezone: String,
}

impl<'a> Feed<'a> {
    /// The feed settings of a build of `schedule`.
    #[must_use]
    pub fn new(calendar: &'a Calendar, schedule: &'a Schedule, stamp: DateTime<Utc>) -> Self {
        let mut lines = Lines::default();
        lines.timezone(&calendar.timezone, schedule.from.year() - 1, schedule.to.year() + 1);
        Self { calendar, schedule, stamp, timezone: lines.finish() }
    }

    /// One feed of `occurrences`, named `name`.
    #[must_use]
    pub fn render(&self, occurrences: &[&Occurrence], name: &str) -> String {
        let events: Vec<String> = occurrences.iter().map(|o| self.event(o)).collect();
        self.assemble(name, events.iter().map(String::as_str))
    }

    /// The `VEVENT` of one occurrence, written and folded, to be put into feeds with
    /// `Feed::assemble`. An event in several feeds is written once.
    #[must_use]
    pub fn event(&self, o: &Occurrence) -> String {
        let mut lines = Lines::with_capacity(1024);
        lines.component(&event(self.calendar, self.schedule, o, self.stamp));
        lines.finish()
    }

    /// The feed named `name` holding `events` (from [`Feed::event`]).
    #[must_use]
    pub(crate) fn assemble<'e>(&self, name: &str, events: impl Iterator<Item = &'e str>) -> String {
        let calendar = self.calendar;
        let events: Vec<&str> = events.collect();
        let size = events.iter().map(|e| e.len()).sum::<usize>() + self.timezone.len() + 2048;
        let mut lines = Lines::with_capacity(size);
        lines.head(name);
        lines.text("X-WR-TIMEZONE", &calendar.timezone);
        if let Some(description) = &calendar.description {
            lines.text("X-WR-CALDESC", description);
            lines.text("DESCRIPTION", description);
        }
        lines.param_value("REFRESH-INTERVAL", &[("VALUE", "DURATION")], "P1D");
        lines.value("X-PUBLISHED-TTL", "P1D");
        if let Some(url) = &calendar.url {
            lines.param_value("SOURCE", &[("VALUE", "URI")], url);
        }
        let mut out = lines.finish();
        out.push_str(&self.timezone);
        for event in events {
            out.push_str(event);
        }
        out.push_str("END:VCALENDAR\r\n");
        out
    }
}

fn event(
    calendar: &Calendar,
    schedule: &Schedule,
    o: &Occurrence,
    stamp: DateTime<Utc>,
) -> IcsEvent {
    let lang = calendar.language;
    let rule = &calendar.events[o.event];
    let mut e = IcsEvent::new();
    e.uid(&o.uid(calendar));
    e.timestamp(stamp);
    e.add_property("SEQUENCE", "0");
    let (summary, start) = if o.month_task {
        let first = schedule.feed_day(o);
        let summary = t!(in lang; "feed-task-summary", month = o.date.month(), name = o.date.format("%B"), title = o.title);
        (summary, first)
    } else {
        (o.title.to_string(), o.date)
    };
    e.summary(&clean_text(&summary));
    match (o.start_time, o.end_time) {
        (Some(start_time), Some(end_time)) if !o.month_task => {
            let tz = &calendar.timezone;
            e.append_property(
                Property::new("DTSTART", local_value(start.and_time(start_time)))
                    .add_parameter("TZID", tz)
                    .done(),
            );
            e.append_property(
                Property::new("DTEND", local_value(o.end_date.and_time(end_time)))
                    .add_parameter("TZID", tz)
                    .done(),
            );
        }
        _ => {
            let last = if o.month_task { start } else { o.end_date };
            let end = last.succ_opt().unwrap_or(last);
            e.append_property(
                Property::new("DTSTART", date_value(start)).add_parameter("VALUE", "DATE").done(),
            );
            e.append_property(
                Property::new("DTEND", date_value(end)).add_parameter("VALUE", "DATE").done(),
            );
            e.add_property("TRANSP", "TRANSPARENT");
        }
    }
    if let Some(location) = &o.location {
        e.location(&clean_text(location));
    }
    let mut notes = Vec::new();
    if let Some(organizer) = &rule.organizer {
        notes.push(t!(in lang; "feed-organizer", organizer = organizer));
    }
    if let Some(audience) = &rule.audience {
        notes.push(t!(in lang; "feed-audience", audience = audience));
    }
    if let Some(original) = o.original_date() {
        let id = if o.how == How::Moved { "feed-moved" } else { "feed-shifted" };
        let args = [("date", month_day(original, lang)), ("iso", original.to_string())];
        notes.push(crate::messages::text_in(lang.into(), id, &args));
    }
    if o.month_task {
        notes.push(t!(in lang; "feed-task", month = o.date.month()));
    }
    if let Some(description) = super::description(calendar, schedule, o) {
        notes.push(description.into_owned());
    }
    if !notes.is_empty() {
        e.description(&clean_text(&notes.join("\n")));
    }
    if let Some(category) = rule.category.as_deref().and_then(|key| calendar.category(key)) {
        e.add_property("CATEGORIES", clean_text(&category.label));
    }
    for &minutes in &rule.reminders {
        // All-day reminders count from 09:00 of the day, so "1d" fires at 09:00 the day before.
        let trigger = if o.all_day() || o.month_task { 9 * 60 - minutes } else { -minutes };
        let mut alarm = Alarm::display(&clean_text(&summary), Duration::zero());
        alarm.append_property(Property::new("TRIGGER", duration_value(trigger)));
        e.alarm(alarm);
    }
    e.done()
}
