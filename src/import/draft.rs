//! The draft calendar written from a plan: one `[[events]]` per item, the plan's line quoted
//! above it and a note where the day is a guess, titles short enough for a month cell and
//! the whole text as the description. Each event is checked on its own as it is written; one
//! the calendar format would refuse becomes a task of its months, marked for review, so the
//! draft always passes `unioncal check`. The keys of each activity come from the one writer
//! of activities, `config::activity`, which the workbench's form uses too.

use chrono::Datelike;
use toml_edit::{ArrayOfTables, DocumentMut, Value};

use super::phrases::When;
use super::{Item, Reading};
use crate::config::activity::{calendar_of, table_of, Keys, Shape};
use crate::t;

/// The month of the first day `when` falls on in `year`, by the engine.
#[must_use]
pub fn first_month(when: &When, year: i32) -> Option<u32> {
    let shape = Shape {
        kind: when.kind.to_string(),
        anchor: when.anchor.clone(),
        offset: when.offset.clone(),
        every: 1,
        ..Shape::default()
    };
    let calendar = calendar_of(&shape.keys(year))?;
    let (from, to) = crate::schedule::year_range(year);
    let schedule = crate::schedule::expand(&calendar, from, to).ok()?;
    schedule.occurrences.first().map(|o| o.date.month())
}

/// The keys of one item's activity (its day, time, place and people), and whether it had to
/// become a task of its months.
fn item_keys(item: &Item, year: i32) -> (Keys, bool) {
    let shape = Shape {
        kind: item.kind.to_string(),
        anchor: item.anchor.clone(),
        offset: item.offset.clone(),
        months: item.months.clone(),
        every: 1,
        workdays_only: false,
        time: item.time.clone(),
    };
    let mut keys = shape.keys(year);
    let mut fell_back = false;
    if calendar_of(&keys).is_none() {
        let task = Shape { kind: "month-task".into(), months: item.months.clone(), ..shape };
        keys = task.keys(year);
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
