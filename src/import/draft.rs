//! The draft calendar written from a plan: one `[[events]]` per item, the plan's line quoted
//! above it and a note where the day is a guess, titles short enough for a month cell and
//! the whole text as the description. Each event is checked on its own as it is written; one
//! the calendar format would refuse becomes a task of its months, marked for review, so the
//! draft always passes `unioncal check`. This is the one writer of activities: the keys of an
//! activity are `toml_edit` values (quoted and escaped by it), put into a `toml_edit` table.

use chrono::Datelike;
use toml_edit::{Array, ArrayOfTables, DocumentMut, Table, Value};

use super::phrases::When;
use super::{Item, Reading};
use crate::t;

/// The keys of an activity, in the order they are written.
type Keys = Vec<(&'static str, Value)>;

/// A TOML array of `items`.
fn array<T: Into<Value>>(items: impl IntoIterator<Item = T>) -> Value {
    Value::Array(items.into_iter().collect::<Array>())
}

/// `month = N`, or `months = [...]` for several.
fn months_key(months: &[u32]) -> (&'static str, Value) {
    match months {
        [one] => ("month", Value::from(i64::from(*one))),
        many => ("months", array(many.iter().map(|m| i64::from(*m)))),
    }
}

/// The keys of the day of an activity of `kind`/`anchor` (the import's notation).
fn anchor_keys(kind: &str, anchor: &str, months: &[u32], year: i32) -> Keys {
    match kind {
        "date" | "lunar" | "term" | "holiday" => {
            let key = match kind {
                "date" => "date",
                "lunar" => "lunar",
                "term" => "term",
                _ => "holiday",
            };
            vec![(key, Value::from(anchor))]
        }
        "weekly" => vec![("repeat", "weekly".into()), ("weekdays", array(anchor.split('|')))],
        "fortnightly" => vec![
            ("repeat", "weekly".into()),
            ("weekdays", array([anchor])),
            ("interval", 2.into()),
            ("start", format!("{year}-01-01").into()),
        ],
        "monthly" => {
            let mut keys: Keys = vec![("repeat", "monthly".into())];
            match anchor.split_once('-') {
                Some(("day", day)) => keys.push(("day", day.parse::<i64>().unwrap_or(1).into())),
                Some((nth, day)) => {
                    let nth = if nth == "last" { -1 } else { nth[..1].parse().unwrap_or(1) };
                    keys.push(("weekday", day.into()));
                    keys.push(("nth", Value::from(nth)));
                }
                None => {}
            }
            // A day fixed once a year by a weekday (母亲节) keeps to its month.
            if !months.is_empty() {
                keys.push(("months", array(months.iter().map(|m| i64::from(*m)))));
            }
            keys
        }
        "quarterly" | "month-task" => {
            vec![months_key(if months.is_empty() { &[12] } else { months })]
        }
        _ => vec![months_key(&[12])],
    }
}

/// A table of `keys`.
fn table_of(keys: Keys) -> Table {
    let mut table = Table::new();
    for (key, value) in keys {
        table.insert(key, toml_edit::Item::Value(value));
    }
    table
}

/// A one-event calendar of these keys, when the format takes it.
fn calendar_of(keys: &Keys) -> Option<crate::model::Calendar> {
    let mut event: Keys = vec![("id", "a".into()), ("title", "a".into())];
    event.extend(keys.iter().cloned());
    let mut doc = DocumentMut::new();
    doc.insert("calendar", toml_edit::Item::Table(table_of(vec![("name", "x".into())])));
    let mut events = ArrayOfTables::new();
    events.push(table_of(event));
    doc.insert("events", toml_edit::Item::ArrayOfTables(events));
    crate::config::parse("draft.toml", doc.to_string().as_bytes(), "draft").ok()
}

/// The month of the first day `when` falls on in `year`, by the engine.
#[must_use]
pub fn first_month(when: &When, year: i32) -> Option<u32> {
    let mut keys = anchor_keys(when.kind, &when.anchor, &[], year);
    keys.extend(when.offset.as_deref().map(|o| ("offset", Value::from(o))));
    let calendar = calendar_of(&keys)?;
    let (from, to) = crate::schedule::year_range(year);
    let schedule = crate::schedule::expand(&calendar, from, to).ok()?;
    schedule.occurrences.first().map(|o| o.date.month())
}

/// The keys of one item's activity (its day, time, place and people), and whether it had to
/// become a task of its months.
fn item_keys(item: &Item, year: i32) -> (Keys, bool) {
    let months =
        if matches!(item.kind, "weekly" | "fortnightly") { &[][..] } else { &item.months[..] };
    let mut keys = anchor_keys(item.kind, &item.anchor, months, year);
    keys.extend(item.offset.as_deref().map(|o| ("offset", Value::from(o))));
    if let Some(time) = &item.time {
        let (start, end) =
            time.split_once('-').map_or((time.as_str(), None), |(s, e)| (s, Some(e)));
        if !matches!(item.kind, "month-task" | "quarterly" | "year-task") {
            keys.push(("time", start.into()));
            keys.extend(end.map(|e| ("end", Value::from(e))));
        }
    }
    let mut fell_back = false;
    if calendar_of(&keys).is_none() {
        keys = anchor_keys("month-task", "", &item.months, year);
        fell_back = true;
    }
    for (key, value) in
        [("location", &item.place), ("organizer", &item.organizer), ("audience", &item.audience)]
    {
        keys.extend(value.as_deref().map(|v| (key, Value::from(v))));
    }
    (keys, fell_back)
}

/// A plan's line for a comment: one line, no control characters, at most 100 characters
/// (the whole text is the description).
fn comment_text(text: &str) -> String {
    let line = crate::text::fit(text).replace(['\n', '\r'], " ");
    if line.chars().count() > 100 {
        format!("{}…", line.chars().take(100).collect::<String>())
    } else {
        line
    }
}

/// The draft calendar of `reading`, its calendar named `name`; `lines` are the plan's.
#[must_use]
pub fn write(reading: &Reading, name: &str, lines: &[String]) -> String {
    let mut doc = DocumentMut::new();
    let mut calendar =
        table_of(vec![("name", name.into()), ("year", i64::from(reading.year).into())]);
    calendar.decor_mut().set_prefix(format!("# {}\n", t!("import-draft-head")));
    doc.insert("calendar", toml_edit::Item::Table(calendar));
    let mut events = ArrayOfTables::new();
    let mut ids: Vec<String> = Vec::new();
    for item in &reading.items {
        let (keys, fell_back) = item_keys(item, reading.year);
        let original = lines.get(item.line - 1).map_or("", String::as_str).trim();
        let mut notes =
            vec![t!("import-draft-line", line = item.line, text = comment_text(original))];
        if !item.sure || fell_back {
            notes.push(t!("import-draft-review"));
        }
        if item.kind == "year-task" {
            notes.push(t!("import-draft-year-task"));
        }
        let mut id = format!("plan-{}", item.line);
        let mut n = 2;
        while ids.contains(&id) {
            id = format!("plan-{}-{n}", item.line);
            n += 1;
        }
        ids.push(id.clone());
        let mut event: Keys =
            vec![("id", id.into()), ("title", crate::text::fit(&item.title).into())];
        event.extend(keys);
        if item.text != item.title {
            event.push(("description", crate::text::fit(&item.text).into()));
        }
        let mut table = table_of(event);
        let comments: String = notes.iter().map(|note| format!("# {note}\n")).collect();
        table.decor_mut().set_prefix(format!("\n{comments}"));
        events.push(table);
    }
    doc.insert("events", toml_edit::Item::ArrayOfTables(events));
    doc.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_becomes_keys_the_format_takes() {
        for (kind, anchor, months) in [
            ("date", "03-08", vec![]),
            ("lunar", "08-15", vec![]),
            ("term", "初伏", vec![]),
            ("holiday", "春节", vec![]),
            ("weekly", "mon|wed|fri", vec![]),
            ("fortnightly", "thu", vec![]),
            ("monthly", "1st-wed", vec![]),
            ("monthly", "last-fri", vec![]),
            ("monthly", "day-15", vec![]),
            ("monthly", "2nd-sun", vec![5]),
            ("quarterly", "", vec![3, 6, 9, 12]),
            ("month-task", "", vec![9]),
            ("year-task", "", vec![]),
        ] {
            let keys = anchor_keys(kind, anchor, &months, 2027);
            assert!(calendar_of(&keys).is_some(), "{kind} {anchor}: {keys:?}");
        }
    }

    #[test]
    fn the_engine_tells_the_month_of_a_festival() {
        let when = |kind, anchor: &str, offset: Option<&str>| When {
            kind,
            anchor: anchor.to_string(),
            offset: offset.map(str::to_string),
            month: None,
            sure: true,
        };
        assert_eq!(first_month(&when("lunar", "05-05", None), 2027), Some(6));
        assert_eq!(first_month(&when("holiday", "春节", Some("-7d")), 2027), Some(1));
        assert_eq!(first_month(&when("term", "初伏", None), 2027), Some(7));
    }
}
