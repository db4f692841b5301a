//! iCalendar feeds (RFC 5545, RFC 7986) that phones subscribe to.
//!
//! Components and properties are built with the `icalendar` crate. Three things it does
//! not do are done here: user text is cleaned of CR and control characters before it
//! reaches the crate (a raw CR would end a content line early); a `VTIMEZONE` is written
//! for the calendar's time zone; and every line is folded again at 75 octets on a
//! character boundary, since the crate's own folding can leave a 76-octet line.

use std::borrow::Cow;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::{Alarm, Calendar as Ics, Component, Event as IcsEvent, EventLike, Property};

use super::month_day;
use crate::model::Calendar;
use crate::schedule::{How, Occurrence, Schedule};
use crate::t;

/// The product identifier written in every feed.
pub const PRODID: &str = concat!("-//unioncal//unioncal ", env!("CARGO_PKG_VERSION"), "//ZH");

/// User text made safe for a TEXT value: CRLF and CR become LF (escaped as `\n` by the
/// crate), other control characters are dropped. Clean text is returned as it is.
#[must_use]
pub fn clean_text(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && c != '\t' && c.is_control()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Escape a TEXT value the crate does not know to escape (X- properties, NAME).
#[must_use]
pub fn escape_text(text: &str) -> String {
    clean_text(text)
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// The content lines of `ics` with folded lines joined again.
fn unfolded_lines(ics: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let mut physical = ics.split("\r\n").peekable();
    std::iter::from_fn(move || {
        let first = physical.next()?;
        let mut line = Cow::Borrowed(first);
        while let Some(rest) = physical.next_if(|l| l.starts_with([' ', '\t'])) {
            line.to_mut().push_str(&rest[1..]);
        }
        Some(line)
    })
}

/// Fold content lines at 75 octets without splitting a UTF-8 character (RFC 5545 3.1).
/// Lines already folded are unfolded first. No fold falls next to a space of the value,
/// which some parsers would trim away.
#[must_use]
pub fn fold(ics: &str) -> String {
    let mut out = String::with_capacity(ics.len() + ics.len() / 20);
    for line in unfolded_lines(ics).filter(|l| !l.is_empty()) {
        let mut rest = &*line;
        let mut limit = 75;
        while rest.len() > limit {
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            // Never fold next to the value's white space: parsers that trim a line's
            // ends, or swallow more than the folding space, would lose it. A run of
            // white space longer than a line has to be folded somewhere, though.
            let first_char = rest.chars().next().map_or(1, char::len_utf8);
            let mut gentle = cut;
            while gentle > first_char
                && (rest[gentle..].starts_with([' ', '\t'])
                    || rest[..gentle].ends_with([' ', '\t']))
            {
                gentle -= 1;
                while !rest.is_char_boundary(gentle) {
                    gentle -= 1;
                }
            }
            if gentle >= first_char
                && !rest[gentle..].starts_with([' ', '\t'])
                && !rest[..gentle].ends_with([' ', '\t'])
            {
                cut = gentle;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = 74;
        }
        out.push_str(rest);
        out.push_str("\r\n");
    }
    out
}

fn date_value(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

fn local_value(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

/// An RFC 5545 duration: `-PT15H`, `-P1DT15H`, `PT0S`.
fn duration_value(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let m = minutes.abs();
    let (days, hours, mins) = (m / 1440, m % 1440 / 60, m % 60);
    let mut text = format!("{sign}P");
    if days > 0 {
        text.push_str(&format!("{days}D"));
    }
    if hours > 0 || mins > 0 || days == 0 {
        text.push('T');
        if hours > 0 {
            text.push_str(&format!("{hours}H"));
        }
        if mins > 0 || (hours == 0) {
            text.push_str(&format!("{mins}M"));
        }
    }
    text
}

/// The settings every feed of one build shares.
pub struct Feed<'a> {
    /// The calendar.
    pub calendar: &'a Calendar,
    /// Its schedule.
    pub schedule: &'a Schedule,
    /// DTSTAMP of every event.
    pub stamp: DateTime<Utc>,
    /// The VTIMEZONE block, computed once per build.
    pub timezone: String,
}

impl<'a> Feed<'a> {
    /// The feed settings of a build of `schedule`.
    #[must_use]
    pub fn new(calendar: &'a Calendar, schedule: &'a Schedule, stamp: DateTime<Utc>) -> Self {
        // Folded like every other part of a feed, though its lines are short today.
        let timezone =
            fold(&vtimezone(&calendar.timezone, schedule.from.year() - 1, schedule.to.year() + 1));
        Self { calendar, schedule, stamp, timezone }
    }

    /// One feed of `occurrences`, named `name`.
    #[must_use]
    pub fn render(&self, occurrences: &[&Occurrence], name: &str) -> String {
        let events: Vec<String> = occurrences.iter().map(|o| self.event(o)).collect();
        self.assemble(name, events.iter().map(String::as_str))
    }

    /// The `VEVENT` of one occurrence, folded, to be put into feeds with
    /// [`Feed::assemble`]. An event in several feeds is rendered once.
    #[must_use]
    pub fn event(&self, o: &Occurrence) -> String {
        let text = event(self.calendar, self.schedule, o, self.stamp).to_string();
        fold(&strip_alarm_stamps(&text))
    }

    /// The feed named `name` holding `events` (from [`Feed::event`]).
    #[must_use]
    pub fn assemble<'e>(&self, name: &str, events: impl Iterator<Item = &'e str>) -> String {
        let calendar = self.calendar;
        let mut ics = Ics::empty();
        for (key, value) in [
            ("VERSION", "2.0"),
            ("PRODID", PRODID),
            ("CALSCALE", "GREGORIAN"),
            ("METHOD", "PUBLISH"),
        ] {
            ics.append_property(Property::new(key, value));
        }
        ics.append_property(Property::new("X-WR-CALNAME", escape_text(name)));
        ics.append_property(Property::new("NAME", escape_text(name)));
        ics.append_property(Property::new("X-WR-TIMEZONE", escape_text(&calendar.timezone)));
        if let Some(description) = &calendar.description {
            ics.append_property(Property::new("X-WR-CALDESC", escape_text(description)));
            ics.append_property(Property::new("DESCRIPTION", clean_text(description)));
        }
        ics.append_property(
            Property::new("REFRESH-INTERVAL", "P1D").add_parameter("VALUE", "DURATION").done(),
        );
        ics.append_property(Property::new("X-PUBLISHED-TTL", "P1D"));
        if let Some(url) = &calendar.url {
            ics.append_property(
                Property::new("SOURCE", url.as_str()).add_parameter("VALUE", "URI").done(),
            );
        }
        let header = fold(&ics.to_string());
        let end = "END:VCALENDAR\r\n";
        let header = header.strip_suffix(end).unwrap_or(&header);
        let mut out = String::with_capacity(header.len() + self.timezone.len() + 2048);
        out.push_str(header);
        out.push_str(&self.timezone);
        for event in events {
            out.push_str(event);
        }
        out.push_str(end);
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
    if let Some(description) = &o.description {
        notes.push(description.to_string());
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

/// Drop the DTSTAMP and random UID the crate writes into every VALARM: RFC 5545 alarms
/// have neither, and a random UID would make every build differ.
fn strip_alarm_stamps(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_alarm = false;
    for line in text.split_inclusive("\r\n") {
        match line.trim_end() {
            "BEGIN:VALARM" => in_alarm = true,
            "END:VALARM" => in_alarm = false,
            l if in_alarm && (l.starts_with("DTSTAMP:") || l.starts_with("UID:")) => continue,
            _ => {}
        }
        out.push_str(line);
    }
    out
}

/// A VTIMEZONE for `tzid` covering `first_year..=last_year`: one STANDARD for a zone with
/// no changes, else one sub-component per transition.
#[must_use]
pub fn vtimezone(tzid: &str, first_year: i32, last_year: i32) -> String {
    use chrono::Offset;
    use chrono_tz::OffsetComponents;
    let Ok(tz) = tzid.parse::<chrono_tz::Tz>() else { return String::new() };
    let offset_at = |t: DateTime<Utc>| tz.offset_from_utc_datetime(&t.naive_utc());
    let start = Utc.with_ymd_and_hms(first_year, 1, 1, 0, 0, 0).single().unwrap_or_default();
    let end = Utc.with_ymd_and_hms(last_year, 12, 31, 23, 0, 0).single().unwrap_or_default();
    let fmt_offset = |secs: i32| {
        let sign = if secs < 0 { '-' } else { '+' };
        let s = secs.abs();
        format!("{sign}{:02}{:02}", s / 3600, s % 3600 / 60)
    };
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n");
    let first = offset_at(start);
    let mut transitions = Vec::new();
    let mut previous = first;
    let mut t = start;
    while t < end {
        let next = t + Duration::hours(6);
        let offset = offset_at(next);
        if offset.fix() != previous.fix() {
            // Narrow the change to the second.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_at(mid).fix() == previous.fix() {
                    lo = mid
                } else {
                    hi = mid
                }
            }
            transitions.push((hi, previous.fix().local_minus_utc(), offset));
            previous = offset;
        }
        t = next;
    }
    let component = |kind: &str, at: NaiveDateTime, from: i32, to: i32, name: String| {
        format!(
            "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nTZNAME:{name}\r\nEND:{kind}\r\n",
            local_value(at),
            fmt_offset(from),
            fmt_offset(to)
        )
    };
    if transitions.is_empty() {
        let secs = first.fix().local_minus_utc();
        out.push_str(&component(
            "STANDARD",
            NaiveDate::from_ymd_opt(1970, 1, 1)
                .unwrap_or_default()
                .and_hms_opt(0, 0, 0)
                .unwrap_or_default(),
            secs,
            secs,
            first.to_string(),
        ));
    } else {
        for (at, from, offset) in transitions {
            let to = offset.fix().local_minus_utc();
            let kind = if offset.dst_offset().num_seconds() != 0 { "DAYLIGHT" } else { "STANDARD" };
            let local = at.naive_utc() + Duration::seconds(i64::from(from));
            out.push_str(&component(kind, local, from, to, offset.to_string()));
        }
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_never_splits_a_character_and_stays_within_75_octets() {
        let line = format!("SUMMARY:{}\r\n", "工会活动".repeat(30));
        let folded = fold(&line);
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), line);
    }

    #[test]
    fn a_continuation_line_never_starts_with_the_values_space() {
        let line = format!("SUMMARY:{}  b\r\n", "a".repeat(65));
        let folded = fold(&line);
        assert!(folded.split("\r\n").skip(1).all(|l| !l.starts_with("  ")), "{folded}");
        assert!(folded.split("\r\n").all(|l| !l.ends_with(' ')), "{folded}");
        assert_eq!(folded.replace("\r\n ", ""), line);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
    }

    #[test]
    fn a_long_run_of_white_space_after_a_wide_character_still_folds() {
        // Found by the fuzzer: this used to loop for ever.
        let line = format!("CATEGORIES:健康{}动\r\n", "\t".repeat(100));
        let folded = fold(&line);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(folded.replace("\r\n ", ""), line);
    }

    #[test]
    fn text_is_cleaned_and_escaped() {
        assert_eq!(escape_text("a,b;c\\d\r\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(clean_text("x\u{7}y\rz"), "xy\nz");
    }

    #[test]
    fn durations() {
        assert_eq!(duration_value(-15 * 60), "-PT15H");
        assert_eq!(duration_value(-(24 + 15) * 60), "-P1DT15H");
        assert_eq!(duration_value(-1440), "-P1D");
        assert_eq!(duration_value(-90), "-PT1H30M");
        assert_eq!(duration_value(0), "PT0M");
    }

    #[test]
    fn shanghai_has_one_standard_offset() {
        let tz = vtimezone("Asia/Shanghai", 2026, 2028);
        assert!(
            tz.contains("TZOFFSETTO:+0800")
                && tz.contains("BEGIN:STANDARD")
                && !tz.contains("DAYLIGHT")
        );
    }

    #[test]
    fn berlin_has_daylight_saving_transitions() {
        let tz = vtimezone("Europe/Berlin", 2027, 2027);
        assert!(tz.contains("BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200"), "{tz}");
        assert!(tz.contains("BEGIN:STANDARD\r\nDTSTART:20271031T030000"), "{tz}");
    }
}
