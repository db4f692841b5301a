//! `list --format json`: the stable shape scripts and tests rely on, streamed to the
//! writer occurrence by occurrence (a million occurrences need no second copy in memory).

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use std::io::Write;

use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;

use crate::model::Calendar;
use crate::schedule::{Occurrence, Schedule};

/// A date serialized as `YYYY-MM-DD` from a stack buffer.
struct Day(NaiveDate);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (y, m, d) = (self.0.year(), self.0.month(), self.0.day());
        if !(0..=9999).contains(&y) {
            return serializer.collect_str(&self.0);
        }
        let digit = |n: u32| b'0' + u8::try_from(n % 10).unwrap_or(0);
        let y = y.unsigned_abs();
        let buf = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ];
        serializer.serialize_str(std::str::from_utf8(&buf).unwrap_or_default())
    }
}

/// A time serialized as `HH:MM`.
struct Clock(NaiveTime);

impl Serialize for Clock {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (h, m) = (self.0.hour(), self.0.minute());
        let digit = |n: u32| b'0' + u8::try_from(n % 10).unwrap_or(0);
        let buf = [digit(h / 10), digit(h), b':', digit(m / 10), digit(m)];
        serializer.serialize_str(std::str::from_utf8(&buf).unwrap_or_default())
    }
}

#[derive(Serialize)]
struct Document<'a> {
    calendar: &'a str,
    from: Day,
    to: Day,
    provisional_holidays: bool,
    events: Events<'a>,
}

struct Events<'a> {
    calendar: &'a Calendar,
    occurrences: &'a [Occurrence],
}

impl Serialize for Events<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.occurrences.len()))?;
        for o in self.occurrences {
            seq.serialize_element(&event(self.calendar, o))?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct Event<'a> {
    id: &'a str,
    uid: &'a str,
    title: &'a str,
    category: Option<&'a str>,
    date: Day,
    end_date: Day,
    all_day: bool,
    start_time: Option<Clock>,
    end_time: Option<Clock>,
    month_task: bool,
    original_date: Option<Day>,
    location: Option<&'a str>,
    organizer: Option<&'a str>,
    description: Option<&'a str>,
}

fn event<'a>(calendar: &'a Calendar, o: &'a Occurrence) -> Event<'a> {
    let rule = &calendar.events[o.event];
    Event {
        id: &rule.id,
        uid: &o.uid,
        title: &o.title,
        category: rule.category.as_deref(),
        date: Day(o.date),
        end_date: Day(o.end_date),
        all_day: o.all_day(),
        start_time: o.start_time.map(Clock),
        end_time: o.end_time.map(Clock),
        month_task: o.month_task,
        original_date: o.original_date().map(Day),
        location: o.location.as_deref(),
        organizer: rule.organizer.as_deref(),
        description: o.description.as_deref(),
    }
}

/// Write the JSON document of `schedule`, pretty-printed, with a final newline.
///
/// # Errors
///
/// When the writer fails.
pub fn write(calendar: &Calendar, schedule: &Schedule, mut out: impl Write) -> std::io::Result<()> {
    let document = Document {
        calendar: &calendar.name,
        from: Day(schedule.from),
        to: Day(schedule.to),
        provisional_holidays: schedule.provisional(),
        events: Events { calendar, occurrences: &schedule.occurrences },
    };
    serde_json::to_writer_pretty(&mut out, &document)?;
    out.write_all(b"\n")
}

/// The JSON document of `schedule` as text.
#[must_use]
pub fn render(calendar: &Calendar, schedule: &Schedule) -> String {
    let mut out = Vec::new();
    let _ = write(calendar, schedule, &mut out);
    String::from_utf8(out).unwrap_or_default()
}
