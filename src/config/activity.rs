//! An activity's day as the plan import and the workbench's form speak of it: a kind
//! (`date`, `lunar`, `term`, `holiday`, `weekly`, `fortnightly`, `monthly`, `quarterly`,
//! `month-task`, `year-task`), an anchor, an offset, months and a time. This is the one
//! writer that turns it into the keys of an `[[events]]` table, as `toml_edit` values
//! (quoted and escaped by it), and the reader that gives it back from a checked event, or
//! nothing when the form cannot show it (an `rrule`, `also`, `except`, changes, a window).

use chrono::Weekday;
use serde::{Deserialize, Serialize};
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::model::{Anchor, Event, Length};

/// The keys of an activity, in the order they are written.
pub type Keys = Vec<(&'static str, Value)>;

/// The keys that make an activity's day and time. The form and the import write all of
/// them, so saving an activity's day replaces these and leaves every other key alone.
pub const DAY_KEYS: [&str; 17] = [
    "date",
    "lunar",
    "term",
    "holiday",
    "repeat",
    "weekdays",
    "weekday",
    "nth",
    "day",
    "interval",
    "start",
    "month",
    "months",
    "offset",
    "workdays_only",
    "time",
    "end",
];

/// An activity's day: the import's notation (see the `init --from` JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shape {
    /// `date`, `lunar`, `term`, `holiday`, `weekly`, `fortnightly`, `monthly`,
    /// `quarterly`, `month-task` or `year-task`.
    #[serde(default)]
    pub kind: String,
    /// `03-08`, `08-15`, `清明`, `春节`, `mon|wed|fri`, `last-fri`, `day-15`, or empty.
    #[serde(default)]
    pub anchor: String,
    /// Before or after the anchor: `-2wd`, `+1d`, `-7d`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<String>,
    /// The months of a month task, or those a monthly rule keeps to.
    #[serde(default)]
    pub months: Vec<u32>,
    /// A weekly rule every this many weeks (1: every week).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub every: u32,
    /// A rule that keeps only working days (make-up workdays included).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub workdays_only: bool,
    /// `14:00-17:00`, `14:00`, or none (all day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

fn one() -> u32 {
    1
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_one(n: &u32) -> bool {
    *n == 1
}

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

/// The keys of the day of an activity of `kind`/`anchor`; `every` weeks for a weekly one.
fn day_keys(kind: &str, anchor: &str, months: &[u32], every: u32, year: i32) -> Keys {
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
        "weekly" | "fortnightly" => {
            let every = if kind == "fortnightly" { 2 } else { every.max(1) };
            let mut keys: Keys =
                vec![("repeat", "weekly".into()), ("weekdays", array(anchor.split('|')))];
            if every > 1 {
                keys.push(("interval", i64::from(every).into()));
                keys.push(("start", format!("{year}-01-01").into()));
            }
            keys
        }
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

impl Shape {
    /// Whether the activity is a task of its months, with no day and no time.
    #[must_use]
    pub fn is_task(&self) -> bool {
        matches!(self.kind.as_str(), "month-task" | "quarterly" | "year-task")
    }

    /// The keys of this day and time, for a calendar of `year` (a rule every N weeks counts
    /// from its first of January).
    #[must_use]
    pub fn keys(&self, year: i32) -> Keys {
        let weekly = matches!(self.kind.as_str(), "weekly" | "fortnightly");
        let months = if weekly { &[][..] } else { &self.months[..] };
        let mut keys = day_keys(&self.kind, &self.anchor, months, self.every, year);
        keys.extend(self.offset.as_deref().map(|o| ("offset", Value::from(o))));
        if self.workdays_only && !self.is_task() {
            keys.push(("workdays_only", true.into()));
        }
        if let Some(time) = self.time.as_deref().filter(|_| !self.is_task()) {
            let (start, end) = time.split_once('-').map_or((time, None), |(s, e)| (s, Some(e)));
            keys.push(("time", start.trim().into()));
            keys.extend(end.map(|e| ("end", Value::from(e.trim()))));
        }
        keys
    }

    /// The shape of a checked `event`, or `None` when the form cannot show it: an `rrule`,
    /// every day, `also`/`except`, changes, a window (`start`/`until`), a day counted from the month's end other than the last weekday.
    #[must_use]
    pub fn of(event: &Event) -> Option<Self> {
        let plain = event.also.is_empty()
            && event.except.is_empty()
            && event.changes.is_empty()
            && event.until.is_none();
        let weekly = matches!(event.anchor, Anchor::Weekly(_));
        if !plain || (event.start.is_some() && !(weekly && event.interval > 1)) {
            return None;
        }
        if event.interval > 1 && !weekly {
            return None;
        }
        let months = event.months.map(|m| m.iter().collect()).unwrap_or_default();
        let (kind, anchor, months) = match &event.anchor {
            Anchor::Annual { month, day } => ("date", format!("{month:02}-{day:02}"), vec![]),
            Anchor::Once(date) => ("date", date.format("%Y-%m-%d").to_string(), vec![]),
            Anchor::Lunar { month, day } => ("lunar", format!("{month:02}-{day:02}"), vec![]),
            Anchor::Term(term) => ("term", term.name().to_string(), vec![]),
            Anchor::Fu(fu) => ("term", fu.name().to_string(), vec![]),
            Anchor::Holiday(festival) => ("holiday", festival.name().to_string(), vec![]),
            Anchor::Weekly(days) => (
                "weekly",
                days.iter().map(|d| weekday_key(*d)).collect::<Vec<_>>().join("|"),
                vec![],
            ),
            Anchor::MonthlyDay(day) if *day > 0 => ("monthly", format!("day-{day}"), months),
            Anchor::MonthlyNth { weekday, nth } if (1..=5).contains(nth) || *nth == -1 => {
                let nth = match nth {
                    -1 => "last".to_string(),
                    1 => "1st".to_string(),
                    2 => "2nd".to_string(),
                    3 => "3rd".to_string(),
                    n => format!("{n}th"),
                };
                ("monthly", format!("{nth}-{}", weekday_key(*weekday)), months)
            }
            Anchor::MonthTask(months) => ("month-task", String::new(), months.iter().collect()),
            _ => return None,
        };
        let offset = match (event.offset.days, event.offset.workdays) {
            (0, 0) => None,
            (days, 0) => Some(format!("{days:+}d")),
            (0, workdays) => Some(format!("{workdays:+}wd")),
            _ => return None,
        };
        let time = event.timing.map(|timing| match timing.length {
            Length::End(end) => format!("{}-{}", timing.start.format("%H:%M"), end.format("%H:%M")),
            Length::Minutes(_) => timing.start.format("%H:%M").to_string(),
        });
        let every = if weekly { event.interval.max(1) } else { 1 };
        Some(Self {
            kind: kind.to_string(),
            anchor,
            offset,
            months,
            every,
            workdays_only: event.workdays_only,
            time,
        })
    }
}

/// `mon` … `sun`.
fn weekday_key(day: Weekday) -> &'static str {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][day.num_days_from_monday() as usize]
}

/// A table of `keys`.
#[must_use]
pub fn table_of(keys: Keys) -> Table {
    let mut table = Table::new();
    for (key, value) in keys {
        table.insert(key, Item::Value(value));
    }
    table
}

/// A one-event calendar of these keys, when the format takes them.
#[must_use]
pub fn calendar_of(keys: &Keys) -> Option<crate::model::Calendar> {
    let mut event: Keys = vec![("id", "a".into()), ("title", "a".into())];
    event.extend(keys.iter().cloned());
    let mut doc = DocumentMut::new();
    doc.insert("calendar", Item::Table(table_of(vec![("name", "x".into())])));
    let mut events = ArrayOfTables::new();
    events.push(table_of(event));
    doc.insert("events", Item::ArrayOfTables(events));
    super::parse("draft.toml", doc.to_string().as_bytes(), "draft").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(kind: &str, anchor: &str, months: &[u32]) -> Shape {
        Shape {
            kind: kind.into(),
            anchor: anchor.into(),
            months: months.to_vec(),
            every: 1,
            ..Shape::default()
        }
    }

    #[test]
    fn every_kind_becomes_keys_the_format_takes_and_reads_back() {
        for (kind, anchor, months) in [
            ("date", "03-08", vec![]),
            ("date", "2027-05-04", vec![]),
            ("lunar", "08-15", vec![]),
            ("term", "初伏", vec![]),
            ("term", "清明", vec![]),
            ("holiday", "春节", vec![]),
            ("weekly", "mon|wed|fri", vec![]),
            ("monthly", "1st-wed", vec![]),
            ("monthly", "last-fri", vec![]),
            ("monthly", "day-15", vec![]),
            ("monthly", "2nd-sun", vec![5]),
            ("month-task", "", vec![9]),
            ("month-task", "", vec![3, 6, 9, 12]),
        ] {
            let written = shape(kind, anchor, &months);
            let keys = written.keys(2027);
            let calendar =
                calendar_of(&keys).unwrap_or_else(|| panic!("{kind} {anchor}: {keys:?}"));
            assert_eq!(Shape::of(&calendar.events[0]), Some(written), "{kind} {anchor}");
        }
        for (kind, anchor, months) in [
            ("fortnightly", "thu", vec![]),
            ("quarterly", "", vec![3, 6]),
            ("year-task", "", vec![]),
        ] {
            let keys = shape(kind, anchor, &months).keys(2027);
            assert!(calendar_of(&keys).is_some(), "{kind} {anchor}: {keys:?}");
        }
    }

    #[test]
    fn offsets_times_and_weeks_read_back() {
        let written = Shape {
            kind: "holiday".into(),
            anchor: "春节".into(),
            offset: Some("-2wd".into()),
            time: Some("14:00-17:00".into()),
            ..shape("", "", &[])
        };
        let calendar = calendar_of(&written.keys(2027)).unwrap();
        assert_eq!(Shape::of(&calendar.events[0]), Some(written));
        let every_three =
            Shape { every: 3, workdays_only: true, ..shape("weekly", "tue|thu", &[]) };
        let calendar = calendar_of(&every_three.keys(2027)).unwrap();
        assert_eq!(Shape::of(&calendar.events[0]), Some(every_three));
    }

    #[test]
    fn what_the_form_cannot_show_is_none() {
        for extra in [
            vec![("rrule", Value::from("FREQ=MONTHLY;BYDAY=-1FR"))],
            vec![("repeat", "daily".into())],
            vec![("date", "03-08".into()), ("except", array(["2027-03-08"]))],
            vec![
                ("repeat", "weekly".into()),
                ("weekdays", array(["mon"])),
                ("until", "06-30".into()),
            ],
        ] {
            let calendar = calendar_of(&extra).unwrap();
            assert_eq!(Shape::of(&calendar.events[0]), None, "{extra:?}");
        }
    }
}
