//! `list --format json`: the stable shape scripts and tests rely on.
//!
//! Written directly, field by field, in serde_json's pretty layout: the shape is fixed, so
//! the keys need no escaping and the output streams to the writer with no document in
//! memory — a million occurrences cost a few hundred milliseconds instead of seconds.

use std::io::{self, Write};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use crate::model::Calendar;
use crate::schedule::{Occurrence, Schedule};

/// Write `text` as a JSON string (quoted, escaped).
fn string(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    let bytes = text.as_bytes();
    if !bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\') {
        out.write_all(bytes)?;
        return out.write_all(b"\"");
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => {
                out.write_all(&bytes[start..i])?;
                write!(out, "\\u{b:04x}")?;
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(escape)?;
        start = i + 1;
    }
    out.write_all(&bytes[start..])?;
    out.write_all(b"\"")
}

fn optional(out: &mut impl Write, text: Option<&str>) -> io::Result<()> {
    match text {
        Some(t) => string(out, t),
        None => out.write_all(b"null"),
    }
}

fn two(n: u32) -> [u8; 2] {
    [b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8]
}

fn date(out: &mut impl Write, d: NaiveDate) -> io::Result<()> {
    let y = u32::try_from(d.year()).unwrap_or(0);
    let (c, r) = (two(y / 100), two(y % 100));
    let (m, day) = (two(d.month()), two(d.day()));
    out.write_all(&[b'"', c[0], c[1], r[0], r[1], b'-', m[0], m[1], b'-', day[0], day[1], b'"'])
}

fn time(out: &mut impl Write, t: Option<NaiveTime>) -> io::Result<()> {
    match t {
        Some(t) => {
            let (h, m) = (two(t.hour()), two(t.minute()));
            out.write_all(&[b'"', h[0], h[1], b':', m[0], m[1], b'"'])
        }
        None => out.write_all(b"null"),
    }
}

/// Each event's id, category, organizer, audience and title as JSON text, escaped once and kept
/// together in one buffer. A large range writes every event's text thousands of times, in
/// date order, so from event to event at random: read from one compact buffer rather than
/// from each event's own strings, it stays in the processor's cache. What it buys: with
/// the UIDs worked out as they are written, the JSON of the 10,000-rule decade (1.56 M
/// occurrences) went from 257 to 80 ms to write.
struct EventTexts {
    text: Vec<u8>,
    /// Per event, in one record so that one read from memory finds it: its title, to tell
    /// an occurrence that shares it (by address), and where its id, category, organizer,
    /// audience and title start and end in `text`, one after another.
    events: Vec<(Arc<str>, [u32; 6])>,
    /// The UIDs' domain, escaped, with the closing quote.
    domain: Vec<u8>,
}

impl EventTexts {
    fn new(calendar: &Calendar) -> io::Result<Self> {
        let mut text = Vec::new();
        let mut events = Vec::with_capacity(calendar.events.len());
        let end = |text: &Vec<u8>| u32::try_from(text.len()).map_err(io::Error::other);
        for rule in &calendar.events {
            let start = end(&text)?;
            string(&mut text, &rule.id)?;
            let id = end(&text)?;
            optional(&mut text, rule.category.as_deref())?;
            let category = end(&text)?;
            optional(&mut text, rule.organizer.as_deref())?;
            let organizer = end(&text)?;
            optional(&mut text, rule.audience.as_deref())?;
            let audience = end(&text)?;
            string(&mut text, &rule.title)?;
            let title = end(&text)?;
            events
                .push((Arc::clone(&rule.title), [start, id, category, organizer, audience, title]));
        }
        let mut domain = Vec::new();
        string(&mut domain, &calendar.uid_domain)?;
        domain.remove(0);
        Ok(Self { text, events, domain })
    }

    /// The id, category, organizer, audience and title of event `index`, and whether
    /// `title` is that event's own.
    fn get(&self, index: usize, title: &Arc<str>) -> ([&[u8]; 5], bool) {
        let (own, ends) = &self.events[index];
        let part = |i: usize| &self.text[ends[i] as usize..ends[i + 1] as usize];
        ([part(0), part(1), part(2), part(3), part(4)], Arc::ptr_eq(title, own))
    }
}

/// Write one occurrence as a JSON object.
fn event(
    out: &mut impl Write,
    texts: &EventTexts,
    o: &Occurrence,
    description: Option<&str>,
) -> io::Result<()> {
    let ([id, category, organizer, audience, title], own_title) = texts.get(o.event, &o.title);
    out.write_all(b"    {\n      \"id\": ")?;
    out.write_all(id)?;
    // Escaping works character by character, so the UID's escaped text is the escaped id
    // (without its closing quote), the middle and the escaped domain.
    out.write_all(b",\n      \"uid\": ")?;
    let (middle, length) = o.uid_middle();
    out.write_all(&id[..id.len() - 1])?;
    out.write_all(&middle[..length])?;
    out.write_all(&texts.domain)?;
    out.write_all(b",\n      \"title\": ")?;
    // Most occurrences share their event's title; a placeholder or a change makes its own.
    if own_title {
        out.write_all(title)?;
    } else {
        string(out, &o.title)?;
    }
    out.write_all(b",\n      \"category\": ")?;
    out.write_all(category)?;
    out.write_all(b",\n      \"date\": ")?;
    date(out, o.date)?;
    out.write_all(b",\n      \"end_date\": ")?;
    date(out, o.end_date)?;
    out.write_all(if o.all_day() {
        b",\n      \"all_day\": true"
    } else {
        b",\n      \"all_day\": false"
    })?;
    out.write_all(b",\n      \"start_time\": ")?;
    time(out, o.start_time)?;
    out.write_all(b",\n      \"end_time\": ")?;
    time(out, o.end_time)?;
    out.write_all(if o.month_task {
        b",\n      \"month_task\": true"
    } else {
        b",\n      \"month_task\": false"
    })?;
    out.write_all(b",\n      \"original_date\": ")?;
    match o.original_date() {
        Some(d) => date(out, d)?,
        None => out.write_all(b"null")?,
    }
    out.write_all(b",\n      \"location\": ")?;
    optional(out, o.location.as_deref())?;
    out.write_all(b",\n      \"organizer\": ")?;
    out.write_all(organizer)?;
    out.write_all(b",\n      \"description\": ")?;
    optional(out, description)?;
    out.write_all(b",\n      \"audience\": ")?;
    out.write_all(audience)?;
    out.write_all(b"\n    }")
}

/// Write the JSON document of `schedule`, pretty-printed, with a final newline.
///
/// # Errors
///
/// When the writer fails.
pub fn write(calendar: &Calendar, schedule: &Schedule, out: impl Write) -> io::Result<()> {
    write_with(calendar, schedule, None, out)
}

/// [`write()`], with `care` (the roster's entries, `list --private`) as the last key.
///
/// # Errors
///
/// When the writer fails.
pub fn write_with(
    calendar: &Calendar,
    schedule: &Schedule,
    care: Option<&serde_json::Value>,
    mut out: impl Write,
) -> io::Result<()> {
    out.write_all(b"{\n  \"calendar\": ")?;
    string(&mut out, &calendar.name)?;
    out.write_all(b",\n  \"from\": ")?;
    date(&mut out, schedule.from)?;
    out.write_all(b",\n  \"to\": ")?;
    date(&mut out, schedule.to)?;
    out.write_all(if schedule.provisional() {
        b",\n  \"provisional_holidays\": true"
    } else {
        b",\n  \"provisional_holidays\": false"
    })?;
    if schedule.occurrences.is_empty() {
        out.write_all(b",\n  \"events\": []")?;
    } else {
        out.write_all(b",\n  \"events\": [\n")?;
        // Events are assembled in a buffer (cheap appends) and written in large pieces.
        let mut buffer: Vec<u8> = Vec::with_capacity(1 << 16);
        let texts = EventTexts::new(calendar)?;
        for (i, o) in schedule.occurrences.iter().enumerate() {
            if i > 0 {
                buffer.extend_from_slice(b",\n");
            }
            let description = super::description(calendar, schedule, o);
            event(&mut buffer, &texts, o, description.as_deref())?;
            if buffer.len() > 1 << 15 {
                out.write_all(&buffer)?;
                buffer.clear();
            }
        }
        out.write_all(&buffer)?;
        out.write_all(b"\n  ]")?;
    }
    if let Some(care) = care {
        let text = serde_json::to_string_pretty(care).map_err(io::Error::other)?;
        out.write_all(b",\n  \"care\": ")?;
        out.write_all(text.replace('\n', "\n  ").as_bytes())?;
    }
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// The JSON document of `schedule` as text.
#[must_use]
pub fn render(calendar: &Calendar, schedule: &Schedule) -> String {
    let mut out = Vec::new();
    let _ = write(calendar, schedule, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::string;

    #[test]
    fn strings_escape_as_serde_json_does() {
        for text in [
            "plain 工会",
            "q\"uote\\back",
            "line\nbreak\r\ttab",
            "\u{1}\u{8}\u{c}\u{1f}",
            "🎉 <script>",
        ] {
            let mut ours = Vec::new();
            string(&mut ours, text).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(text).unwrap(),
                "{text:?}"
            );
        }
    }
}
