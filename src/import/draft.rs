//! The draft calendar written from a plan: one `[[events]]` per item, the plan's line quoted
//! above it and a note where the day is a guess, titles short enough for a month cell and
//! the whole text as the description. Each event is checked on its own as it is written; one
//! the calendar format would refuse becomes a task of its months, marked for review, so the
//! draft always passes `unioncal check`. This is the one writer of activities.

use chrono::Datelike;

use super::phrases::When;
use super::{Item, Reading};
use crate::t;

/// A TOML string: quoted and escaped.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The anchor keys of an activity of `kind`/`anchor`, one `key = value` a line.
fn anchor_lines(kind: &str, anchor: &str, months: &[u32], year: i32) -> Vec<String> {
    let months_line = |months: &[u32]| match months {
        [one] => format!("month = {one}"),
        many => {
            format!("months = [{}]", many.iter().map(u32::to_string).collect::<Vec<_>>().join(", "))
        }
    };
    match kind {
        "date" => vec![format!("date = {}", quoted(anchor))],
        "lunar" => vec![format!("lunar = {}", quoted(anchor))],
        "term" => vec![format!("term = {}", quoted(anchor))],
        "holiday" => vec![format!("holiday = {}", quoted(anchor))],
        "weekly" => {
            let days: Vec<String> = anchor.split('|').map(quoted).collect();
            vec!["repeat = \"weekly\"".into(), format!("weekdays = [{}]", days.join(", "))]
        }
        "fortnightly" => vec![
            "repeat = \"weekly\"".into(),
            format!("weekdays = [{}]", quoted(anchor)),
            "interval = 2".into(),
            format!("start = \"{year}-01-01\""),
        ],
        "monthly" => {
            let mut out = vec!["repeat = \"monthly\"".to_string()];
            match anchor.split_once('-') {
                Some(("day", day)) => out.push(format!("day = {day}")),
                Some((nth, day)) => {
                    let nth = match nth {
                        "last" => "-1",
                        other => &other[..1],
                    };
                    out.push(format!("weekday = {}", quoted(day)));
                    out.push(format!("nth = {nth}"));
                }
                None => {}
            }
            // A day fixed once a year by a weekday (母亲节) keeps to its month.
            if !months.is_empty() {
                let list: Vec<String> = months.iter().map(u32::to_string).collect();
                out.push(format!("months = [{}]", list.join(", ")));
            }
            out
        }
        "quarterly" | "month-task" => {
            vec![months_line(if months.is_empty() { &[12] } else { months })]
        }
        _ => vec!["month = 12".into()],
    }
}

/// A one-event calendar of these lines, when the format takes it.
fn calendar_of(lines: &[String]) -> Option<crate::model::Calendar> {
    let text = format!(
        "[calendar]\nname = \"x\"\n\n[[events]]\nid = \"a\"\ntitle = \"a\"\n{}\n",
        lines.join("\n")
    );
    crate::config::parse("draft.toml", text.as_bytes(), "draft").ok()
}

/// The month of the first day `when` falls on in `year`, by the engine.
#[must_use]
pub fn first_month(when: &When, year: i32) -> Option<u32> {
    let mut lines = anchor_lines(when.kind, &when.anchor, &[], year);
    lines.extend(when.offset.as_ref().map(|o| format!("offset = {}", quoted(o))));
    let calendar = calendar_of(&lines)?;
    let (from, to) = crate::schedule::year_range(year);
    let schedule = crate::schedule::expand(&calendar, from, to).ok()?;
    schedule.occurrences.first().map(|o| o.date.month())
}

/// The keys of one item's activity (its anchor, then when, where and who), and whether it
/// had to become a task of its months.
fn item_lines(item: &Item, year: i32) -> (Vec<String>, bool) {
    let months =
        if matches!(item.kind, "weekly" | "fortnightly") { &[][..] } else { &item.months[..] };
    let mut lines = anchor_lines(item.kind, &item.anchor, months, year);
    lines.extend(item.offset.as_ref().map(|o| format!("offset = {}", quoted(o))));
    if let Some(time) = &item.time {
        let (start, end) =
            time.split_once('-').map_or((time.as_str(), None), |(s, e)| (s, Some(e)));
        if !matches!(item.kind, "month-task" | "quarterly" | "year-task") {
            lines.push(format!("time = {}", quoted(start)));
            lines.extend(end.map(|e| format!("end = {}", quoted(e))));
        }
    }
    let mut fell_back = false;
    if calendar_of(&lines).is_none() {
        lines = anchor_lines("month-task", "", &item.months, year);
        fell_back = true;
    }
    for (key, value) in
        [("location", &item.place), ("organizer", &item.organizer), ("audience", &item.audience)]
    {
        lines.extend(value.as_ref().map(|v| format!("{key} = {}", quoted(v))));
    }
    (lines, fell_back)
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
    let mut out = String::new();
    out.push_str(&format!("# {}\n", t!("import-draft-head")));
    out.push_str(&format!("[calendar]\nname = {}\nyear = {}\n", quoted(name), reading.year));
    let mut ids: Vec<String> = Vec::new();
    for item in &reading.items {
        let (keys, fell_back) = item_lines(item, reading.year);
        let original = lines.get(item.line - 1).map_or("", String::as_str).trim();
        out.push('\n');
        out.push_str(&format!(
            "# {}\n",
            t!("import-draft-line", line = item.line, text = comment_text(original))
        ));
        if !item.sure || fell_back {
            out.push_str(&format!("# {}\n", t!("import-draft-review")));
        }
        if item.kind == "year-task" {
            out.push_str(&format!("# {}\n", t!("import-draft-year-task")));
        }
        let mut id = format!("plan-{}", item.line);
        let mut n = 2;
        while ids.contains(&id) {
            id = format!("plan-{}-{n}", item.line);
            n += 1;
        }
        ids.push(id.clone());
        out.push_str("[[events]]\n");
        out.push_str(&format!("id = {}\n", quoted(&id)));
        out.push_str(&format!("title = {}\n", quoted(&crate::text::fit(&item.title))));
        for line in keys {
            out.push_str(&line);
            out.push('\n');
        }
        if item.text != item.title {
            out.push_str(&format!("description = {}\n", quoted(&crate::text::fit(&item.text))));
        }
    }
    out
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
            let lines = anchor_lines(kind, anchor, &months, 2027);
            assert!(calendar_of(&lines).is_some(), "{kind} {anchor}: {lines:?}");
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
