//! The calendar as unioncal understands it: validated, defaults applied, no TOML left.

use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime, Weekday};

use crate::dates::{Festival, Fu, HolidayRules, SolarTerm};
use crate::error::Location;

pub use crate::messages::Language;

/// A validated calendar file.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// A fingerprint of the text the calendar was read from (a hash of its bytes): two
    /// calendars with the same one were read from the same text.
    pub source: u64,
    /// `calendar.name`: page headers, X-WR-CALNAME.
    pub name: String,
    /// File names and UIDs.
    pub slug: String,
    /// The default year, if the file gives one.
    pub year: Option<i32>,
    /// IANA time zone name.
    pub timezone: String,
    /// The language of pages, feeds and documents (`language` in `[calendar]`).
    pub language: Language,
    /// Right side of UIDs.
    pub uid_domain: String,
    /// Public feed URL.
    pub url: Option<String>,
    /// Free text about the calendar.
    pub description: Option<String>,
    /// Categories in the order the file declares them.
    pub categories: Vec<Category>,
    /// Days off and working days.
    pub holidays: HolidayRules,
    /// The rules, in file order.
    pub events: Vec<Event>,
    /// The work plan's prose and layout.
    pub plan: PlanSettings,
    /// `[care]`: the member roster and the care work it drives, when the file has it.
    pub care: Option<Care>,
}

/// `[care]`: where the roster is, what care work it drives, where the private outputs go.
#[derive(Debug, Clone)]
pub struct Care {
    /// The roster file, resolved against the calendar's folder.
    pub roster: std::path::PathBuf,
    /// The roster as the calendar names it, for messages.
    pub roster_name: String,
    /// The sheet to read (default: the first).
    pub sheet: Option<String>,
    /// The private outputs' folder, resolved against the calendar's folder.
    pub private: std::path::PathBuf,
    /// `[care.birthdays]`.
    pub birthdays: Option<Birthdays>,
    /// `[care.retirement]`.
    pub retirement: Option<Retirement>,
    /// `[[care.visits]]`: each is also one of [`Calendar::events`].
    pub visits: Vec<Visit>,
}

/// `[care.birthdays]`.
#[derive(Debug, Clone)]
pub struct Birthdays {
    /// The private entry's title: `{name}`, `{age}`, `{department}`.
    pub title: String,
    /// The event whose occurrences say how many members have a birthday in their month.
    pub party: Option<String>,
    /// The private feed's reminder, minutes before.
    pub lead: Option<i64>,
}

/// `[care.retirement]`.
#[derive(Debug, Clone)]
pub struct Retirement {
    /// The private entry's title: `{name}`, `{department}`.
    pub title: String,
}

/// One `[[care.visits]]`: the event it is, and the members it visits.
#[derive(Debug, Clone)]
pub struct Visit {
    /// The event's id.
    pub id: String,
    /// `who`: roster column and the values it may hold (any of them); all must hold.
    pub who: Vec<(String, Vec<String>)>,
    /// Where `who` is written, for a column the roster lacks.
    pub origin: Location,
}

/// A paragraph of a `[[plan.sections]]` body.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PlanParagraph {
    /// The text, as the calendar file gives it.
    pub text: String,
    /// Whether it is a second-level heading `（一）…`.
    pub sub: bool,
}

/// `[plan]`: the work plan (工作计划) as a union submits it upward.
#[derive(Debug, Clone, Default)]
pub struct PlanSettings {
    /// The title; `None`: "{name}{year}年工作计划".
    pub title: Option<String>,
    /// The paragraphs before the numbered sections (`[plan] intro`).
    pub intro: Vec<String>,
    /// Prose sections: a heading and its paragraphs.
    pub sections: Vec<(String, Vec<PlanParagraph>)>,
    /// Runs of months shown as one (`(7, 8)` gives 七、八月份), ascending.
    pub merge: Vec<(u32, u32)>,
    /// Whether the activities are a table rather than numbered items.
    pub table: bool,
    /// The signature (落款); `None`: the calendar's name.
    pub signature: Option<String>,
    /// The date under the signature; `None`: the build date.
    pub date: Option<chrono::NaiveDate>,
}

impl Calendar {
    /// The category of that key.
    #[must_use]
    pub fn category(&self, key: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.key == key)
    }
}

/// A category of events, with its colour on printed pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// The key events use.
    pub key: String,
    /// The label shown to people.
    pub label: String,
    /// A CSS hex colour.
    pub color: Option<String>,
}

/// What happens when an occurrence falls on a day off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shift {
    /// Keep the day.
    #[default]
    None,
    /// Drop the occurrence.
    Skip,
    /// Move to the previous working day.
    Before,
    /// Move to the next working day.
    After,
    /// Move to the nearest working day; a tie goes before.
    Nearest,
}

/// A day given either once or every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSpec {
    /// `YYYY-MM-DD`.
    Full(NaiveDate),
    /// `MM-DD`, every year.
    Annual {
        /// Month 1–12.
        month: u32,
        /// Day 1–31.
        day: u32,
    },
}

impl DateSpec {
    /// Whether `date` is this day.
    #[must_use]
    pub fn matches(self, date: NaiveDate) -> bool {
        use chrono::Datelike;
        match self {
            Self::Full(d) => d == date,
            Self::Annual { month, day } => date.month() == month && date.day() == day,
        }
    }
}

/// What day an event's occurrences are anchored to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// `date = "MM-DD"`: every year on that Gregorian day.
    Annual {
        /// Month 1–12.
        month: u32,
        /// Day 1–31.
        day: u32,
    },
    /// `date = "YYYY-MM-DD"`: once.
    Once(NaiveDate),
    /// `lunar = "MM-DD"`: every year on that lunar day (day 30 clamps to the month's end).
    Lunar {
        /// Lunar month 1–12 (never a leap month).
        month: u8,
        /// Day 1–30.
        day: u8,
    },
    /// `term = "清明"`: a solar term.
    Term(SolarTerm),
    /// `term = "初伏"`: a period of 三伏.
    Fu(Fu),
    /// `holiday = "春节"`: the first day off of the festival's break.
    Holiday(Festival),
    /// `repeat = "daily"`.
    Daily,
    /// `repeat = "weekly"` on these weekdays.
    Weekly(Vec<Weekday>),
    /// `repeat = "monthly"`, `day = N` (negative: from the end).
    MonthlyDay(i32),
    /// `repeat = "monthly"`, `weekday`, `nth` (negative: from the end).
    MonthlyNth {
        /// The weekday.
        weekday: Weekday,
        /// 1–5 or −1–−5.
        nth: i32,
    },
    /// `rrule = "…"`: an RFC 5545 recurrence rule, parsed (and checked) when the file is
    /// read; expansion only builds it from the rule's first day.
    RRule(Box<rrule::RRule<rrule::Unvalidated>>),
    /// `month`/`months` alone: a task of each listed month, with no fixed day.
    MonthTask(Months),
}

impl Anchor {
    /// Whether the anchor gives at most one date a year (date, lunar, term, holiday).
    #[must_use]
    pub(crate) fn is_annual(&self) -> bool {
        matches!(
            self,
            Self::Annual { .. }
                | Self::Once(_)
                | Self::Lunar { .. }
                | Self::Term(_)
                | Self::Fu(_)
                | Self::Holiday(_)
        )
    }
}

/// A set of months, bit `m` for month `m` (1–12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Months(pub u16);

impl Months {
    /// Whether month `m` (1–12) is in the set.
    #[must_use]
    pub fn contains(self, month: u32) -> bool {
        month < 16 && self.0 & (1 << month) != 0
    }

    /// The months in order.
    pub fn iter(self) -> impl Iterator<Item = u32> {
        (1..=12).filter(move |&m| self.contains(m))
    }
}

/// An offset from the anchor: calendar days (weeks are 7 days) then working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Offset {
    /// Calendar days, from `d` and `w` steps.
    pub days: i64,
    /// Working days, from `wd` steps.
    pub workdays: i32,
}

/// When a timed event ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// At this time of its last day.
    End(NaiveTime),
    /// This many minutes after its start (on its last day, for multi-day events).
    Minutes(i64),
}

/// The time of day of a timed event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    /// When it starts, local time.
    pub start: NaiveTime,
    /// How long it lasts, or when it ends.
    pub length: Length,
}

/// `every_years` with its phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EveryYears {
    /// Every N years.
    pub every: i32,
    /// A year it happens in.
    pub since: i32,
}

/// `edition = { number, year }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edition {
    /// The edition number…
    pub number: i64,
    /// …in this year.
    pub year: i32,
}

/// What a change does to its occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeAction {
    /// Only override fields.
    Keep,
    /// Drop the occurrence.
    Cancel,
    /// Move it to this day (final, never shifted).
    MoveTo(NaiveDate),
}

/// Which occurrence a change names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeDate {
    /// Its nominal, scheduled or final date.
    Day(NaiveDate),
    /// A month task's month: `YYYY-MM`.
    Month(i32, u32),
}

/// `[[events.changes]]`: one occurrence changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The occurrence changed, by the date it would have had.
    pub date: ChangeDate,
    /// Cancel, move or keep.
    pub action: ChangeAction,
    /// The title this occurrence takes instead.
    pub title: Option<String>,
    /// New start time.
    pub time: Option<NaiveTime>,
    /// New end time.
    pub end: Option<NaiveTime>,
    /// The place this occurrence takes instead.
    pub location: Option<String>,
    /// The notes this occurrence takes instead.
    pub description: Option<String>,
    /// Where the change is written, for warnings.
    pub origin: Location,
}

/// One rule of the calendar: an `[[events]]` table with the defaults applied.
#[derive(Debug, Clone)]
pub struct Event {
    /// Stable identity behind UIDs.
    pub id: String,
    /// Title, with `{year}` / `{edition}` / `{edition_num}` placeholders.
    pub title: Arc<str>,
    /// The key of its `[[categories]]` entry, if any: its feed and color.
    pub category: Option<String>,
    /// Where it takes place.
    pub location: Option<Arc<str>>,
    /// Who leads it (负责人 / 牵头部门).
    pub organizer: Option<Arc<str>>,
    /// Who takes part (参加范围).
    pub audience: Option<Arc<str>>,
    /// Notes shown with it in the feeds and lists.
    pub description: Option<Arc<str>>,
    /// Reminders, in minutes before the start.
    pub reminders: Vec<i64>,
    /// What happens when it falls on a day off (`shift`).
    pub shift: Shift,
    /// Whether the file sets `shift` (on the event or in `[defaults]`).
    pub shift_given: bool,
    /// The day it falls on: a date, a festival, a term, a weekday rule, …
    pub anchor: Anchor,
    /// Offset from the anchor.
    pub offset: Offset,
    /// Length in days (1 for a one-day event).
    pub days: u32,
    /// Time of day; `None` for an all-day event.
    pub timing: Option<Timing>,
    /// The length, in minutes, a change gives when it adds a time to an all-day event.
    pub default_minutes: i64,
    /// Every N days/weeks/months, counted from `start`.
    pub interval: u32,
    /// The first day the rule may fall on (`start`).
    pub start: Option<DateSpec>,
    /// Window end (inclusive).
    pub until: Option<DateSpec>,
    /// Keep only occurrences in these months (`None`: all).
    pub months: Option<Months>,
    /// Keep only working days.
    pub workdays_only: bool,
    /// Every N years.
    pub every_years: Option<EveryYears>,
    /// Edition numbering for `{edition}`.
    pub edition: Option<Edition>,
    /// Occurrences to drop.
    pub except: Vec<ExceptDate>,
    /// Occurrences to add.
    pub also: Vec<DateSpec>,
    /// Single occurrences moved, retitled or cancelled (`[[events.changes]]`).
    pub changes: Vec<Change>,
    /// Where the event is written, for warnings.
    pub origin: Location,
}

/// An `except` entry: a day, every year's day, or a month task's month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExceptDate {
    /// A day (`YYYY-MM-DD` or `MM-DD`).
    Day(DateSpec),
    /// A month (`YYYY-MM`), for month tasks.
    Month(i32, u32),
}
