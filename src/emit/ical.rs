//! The one writer of iCalendar text (RFC 5545): every content line escaped as its kind
//! needs and folded at 75 octets on a character boundary, once, as it is written. Both
//! feed writers use it: the public feeds (`emit::ics`) and the private `care.ics`
//! (`emit::care`), whose all-day entries are written here.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use icalendar::{Component, Property, ValueType};

/// The product identifier written in every feed.
pub const PRODID: &str = concat!("-//unioncal//unioncal ", env!("CARGO_PKG_VERSION"), "//ZH");

/// User text made safe for a TEXT value: CRLF and CR become LF (escaped as `\n` by the
/// crate), other control characters are dropped. Clean text is returned as it is.
#[must_use]
pub(crate) fn clean_text(text: &str) -> Cow<'_, str> {
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

/// Append the content line `line` to `out`, folded at 75 octets without splitting a UTF-8
/// character (RFC 5545 3.1), and its CRLF. No fold falls next to a space of the value,
/// which some parsers would trim away.
pub(crate) fn fold_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = 75;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // Never fold next to the value's white space: parsers that trim a line's ends,
        // or swallow more than the folding space, would lose it. A run of white space
        // longer than a line has to be folded somewhere, though.
        let first_char = rest.chars().next().map_or(1, char::len_utf8);
        let mut gentle = cut;
        while gentle > first_char
            && (rest[gentle..].starts_with([' ', '\t']) || rest[..gentle].ends_with([' ', '\t']))
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

/// An iCalendar document being written: each content line is escaped as its kind needs and
/// folded once, as it is added.
#[derive(Default)]
pub(crate) struct Lines {
    out: String,
    line: String,
}

impl Lines {
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self { out: String::with_capacity(capacity), line: String::with_capacity(160) }
    }

    /// The line being made, folded into the document.
    pub(crate) fn flush(&mut self) {
        fold_line(&mut self.out, &self.line);
        self.line.clear();
    }

    pub(crate) fn begin(&mut self, kind: &str) {
        self.value("BEGIN", kind);
    }

    pub(crate) fn end(&mut self, kind: &str) {
        self.value("END", kind);
    }

    /// A property whose value is written as it is (dates, numbers, URIs, names).
    pub(crate) fn value(&mut self, name: &str, value: &str) {
        self.param_value(name, &[], value);
    }

    /// A property with parameters, its value written as it is.
    pub(crate) fn param_value(&mut self, name: &str, params: &[(&str, &str)], value: &str) {
        self.line.push_str(name);
        for (key, param) in params {
            push_param(&mut self.line, key, param);
        }
        self.line.push(':');
        self.line.push_str(value);
        self.flush();
    }

    /// A TEXT property: cleaned and escaped here, whatever its name.
    pub(crate) fn text(&mut self, name: &str, value: &str) {
        self.line.push_str(name);
        self.line.push(':');
        push_escaped(&mut self.line, &clean_text(value));
        self.flush();
    }

    /// A property built with the crate, escaped when the crate's types say it is TEXT.
    pub(crate) fn property(&mut self, property: &Property) {
        self.line.push_str(property.key());
        for param in property.params().values() {
            push_param(&mut self.line, param.key(), param.value());
        }
        self.line.push(':');
        if property.value_type() == Some(ValueType::Text) {
            push_escaped(&mut self.line, property.value());
        } else {
            self.line.push_str(property.value());
        }
        self.flush();
    }

    /// A component built with the crate, in its order: the properties by name, the
    /// repeated ones, then the inner components. Nothing is added: no `DTSTAMP` or `UID`
    /// that RFC 5545 does not ask of a `VALARM`.
    pub(crate) fn component<C: Component>(&mut self, component: &C) {
        let kind = component.component_kind();
        self.begin(&kind);
        for property in component.properties().values() {
            self.property(property);
        }
        for property in component.multi_properties().values().flatten() {
            self.property(property);
        }
        for inner in component.components() {
            self.component(inner);
        }
        self.end(&kind);
    }

    /// The `VTIMEZONE` of `tzid` through `first_year..=last_year`: one `STANDARD` for a
    /// zone with no changes, else one sub-component per change. Nothing for an unknown zone
    /// (the calendar's validation refuses one).
    pub(crate) fn timezone(&mut self, tzid: &str, first_year: i32, last_year: i32) {
        let Some(span) = crate::dates::zone_span(tzid, first_year, last_year) else { return };
        self.begin("VTIMEZONE");
        self.text("TZID", tzid);
        let mut part = |kind: &str, start: NaiveDateTime, from: i32, to: i32, name: &str| {
            self.begin(kind);
            self.value("DTSTART", &local_value(start));
            self.value("TZOFFSETFROM", &offset_value(from));
            self.value("TZOFFSETTO", &offset_value(to));
            self.text("TZNAME", name);
            self.end(kind);
        };
        if span.transitions.is_empty() {
            part("STANDARD", crate::dates::epoch(), span.offset, span.offset, &span.name);
        }
        for t in &span.transitions {
            let kind = if t.daylight { "DAYLIGHT" } else { "STANDARD" };
            part(kind, t.local, t.from, t.to, &t.name);
        }
        self.end("VTIMEZONE");
    }

    /// The start of a calendar named `name`: `BEGIN:VCALENDAR` and the properties every
    /// feed has.
    pub(crate) fn head(&mut self, name: &str) {
        self.begin("VCALENDAR");
        self.value("VERSION", "2.0");
        self.text("PRODID", PRODID);
        self.value("CALSCALE", "GREGORIAN");
        self.value("METHOD", "PUBLISH");
        self.text("X-WR-CALNAME", name);
        self.text("NAME", name);
    }

    /// The document.
    pub(crate) fn finish(self) -> String {
        self.out
    }
}

/// `;KEY=value`, the value quoted when it holds `:`, `;` or `,` (RFC 5545 3.2).
fn push_param(line: &mut String, key: &str, value: &str) {
    line.push(';');
    line.push_str(key);
    line.push('=');
    if value.contains([':', ';', ',']) {
        line.push('"');
        line.push_str(value);
        line.push('"');
    } else {
        line.push_str(value);
    }
}

/// A TEXT value escaped (RFC 5545 3.3.11): backslash, `;`, `,` and newline.
fn push_escaped(line: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                line.push('\\');
                line.push(c);
            }
            '\n' => line.push_str("\\n"),
            c => line.push(c),
        }
    }
}

/// A UTC offset as RFC 5545 writes it: `+0800`, `-0330`.
pub(crate) fn offset_value(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    format!("{sign}{:02}{:02}", s / 3600, s % 3600 / 60)
}

pub(crate) fn date_value(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

pub(crate) fn local_value(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

/// An RFC 5545 duration: `-PT15H`, `-P1DT15H`, `PT0S`.
pub(crate) fn duration_value(minutes: i64) -> String {
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

/// One all-day entry of a private feed (`care.ics`).
pub(crate) struct DayEntry {
    /// Its UID (from a roster key, never a name).
    pub(crate) uid: String,
    /// The day.
    pub(crate) date: NaiveDate,
    /// SUMMARY.
    pub(crate) summary: String,
    /// DESCRIPTION.
    pub(crate) description: Option<String>,
}

/// A key made safe for a UID: letters, digits, `-`, `_` and `.` kept, others as `_`.
#[must_use]
pub(crate) fn uid_safe(key: &str) -> String {
    key.chars()
        .map(|c| if c.is_ascii_alphanumeric() || "-_.".contains(c) { c } else { '_' })
        .collect()
}

/// A feed of all-day entries named `name`, each with a reminder `lead` minutes before
/// (at 09:00 the day before when not given), written by the one line writer.
#[must_use]
pub(crate) fn day_feed(
    name: &str,
    entries: &[DayEntry],
    lead: Option<i64>,
    stamp: DateTime<Utc>,
) -> String {
    let mut lines = Lines::with_capacity(entries.len() * 300 + 512);
    lines.head(name);
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let trigger = duration_value(-lead.unwrap_or(15 * 60));
    for entry in entries {
        lines.begin("VEVENT");
        lines.text("UID", &entry.uid);
        lines.value("DTSTAMP", &stamp);
        lines.param_value("DTSTART", &[("VALUE", "DATE")], &date_value(entry.date));
        let next = entry.date.succ_opt().unwrap_or(entry.date);
        lines.param_value("DTEND", &[("VALUE", "DATE")], &date_value(next));
        lines.text("SUMMARY", &entry.summary);
        if let Some(description) = &entry.description {
            lines.text("DESCRIPTION", description);
        }
        lines.value("TRANSP", "TRANSPARENT");
        lines.value("CLASS", "PRIVATE");
        lines.begin("VALARM");
        lines.value("ACTION", "DISPLAY");
        lines.text("DESCRIPTION", &entry.summary);
        lines.value("TRIGGER", &trigger);
        lines.end("VALARM");
        lines.end("VEVENT");
    }
    lines.end("VCALENDAR");
    lines.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use icalendar::Alarm;

    fn fold(line: &str) -> String {
        let mut out = String::new();
        fold_line(&mut out, line);
        out
    }

    #[test]
    fn folding_never_splits_a_character_and_stays_within_75_octets() {
        let line = format!("SUMMARY:{}", "工会活动".repeat(30));
        let folded = fold(&line);
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn a_continuation_line_never_starts_with_the_values_space() {
        let line = format!("SUMMARY:{}  b", "a".repeat(65));
        let folded = fold(&line);
        assert!(folded.split("\r\n").skip(1).all(|l| !l.starts_with("  ")), "{folded}");
        assert!(folded.split("\r\n").all(|l| !l.ends_with(' ')), "{folded}");
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
    }

    #[test]
    fn a_long_run_of_white_space_after_a_wide_character_still_folds() {
        // Found by the fuzzer: this used to loop for ever.
        let line = format!("CATEGORIES:健康{}动", "\t".repeat(100));
        let folded = fold(&line);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn text_is_cleaned_and_escaped_whatever_the_property() {
        let mut lines = Lines::default();
        // NAME and X- properties are TEXT to this writer, not to the crate's list.
        lines.text("NAME", "a,b;c\\d\r\ne\u{7}");
        lines.text("X-WR-CALNAME", "x,y");
        lines.property(&Property::new("SUMMARY", "p;q"));
        lines.property(&Property::new("X-OTHER", "r;s"));
        lines.param_value("DTSTART", &[("TZID", "Asia/Shanghai"), ("X", "a:b")], "20270308T090000");
        assert_eq!(
            lines.finish(),
            "NAME:a\\,b\\;c\\\\d\\ne\r\nX-WR-CALNAME:x\\,y\r\nSUMMARY:p\\;q\r\nX-OTHER:r;s\r\n\
             DTSTART;TZID=Asia/Shanghai;X=\"a:b\":20270308T090000\r\n"
        );
        assert_eq!(clean_text("x\u{7}y\rz"), "xy\nz");
    }

    #[test]
    fn an_alarm_gets_no_stamp_or_uid() {
        let mut alarm = Alarm::display("x", Duration::zero());
        alarm.append_property(Property::new("TRIGGER", duration_value(-15)));
        let mut lines = Lines::default();
        lines.component(&alarm);
        let text = lines.finish();
        assert!(text.starts_with("BEGIN:VALARM\r\n") && text.ends_with("END:VALARM\r\n"));
        assert!(text.contains("TRIGGER:-PT15M\r\n") && text.contains("ACTION:DISPLAY\r\n"));
        assert!(!text.contains("DTSTAMP") && !text.contains("UID"), "{text}");
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
        let mut lines = Lines::default();
        lines.timezone("Asia/Shanghai", 2026, 2028);
        assert_eq!(
            lines.finish(),
            "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n\
             TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nTZNAME:CST\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        );
    }

    #[test]
    fn berlin_has_daylight_saving_transitions() {
        let mut lines = Lines::default();
        lines.timezone("Europe/Berlin", 2027, 2027);
        let tz = lines.finish();
        assert!(tz.contains("BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT"), "{tz}");
        assert!(
            tz.contains("BEGIN:STANDARD\r\nDTSTART:20271031T030000\r\nTZOFFSETFROM:+0200"),
            "{tz}"
        );
        assert_eq!(offset_value(-(3 * 3600 + 1800)), "-0330");
    }
}
