//! The scheduler: a validated [`Calendar`] and a date range become dated occurrences.
//!
//! Each event goes through the steps of the format's "Precise semantics" in order:
//! anchor dates → nominal date (anchor + calendar-day offset) → scheduled date (+ working
//! days) → limits → `also` / `except` → changes and shift → range. The UID is built from
//! the nominal date, which never depends on holiday data.

mod counts;
mod generate;
mod order;
mod warnings;

pub use counts::CareCounts;

use crate::t;
use order::Order;
use std::sync::Arc;

use chrono::{Datelike, Days, Duration, NaiveDate, NaiveTime, Timelike};

use crate::dates::{DayCalendar, Region, YearStatus, CN_FIRST_YEAR, MAX_YEAR, MIN_YEAR};
use crate::error::{Diagnostic, Error, Result};
use crate::model::{Anchor, Calendar, ChangeAction, ChangeDate, Event, ExceptDate, Length, Shift};
use crate::text::numeral;

pub use warnings::{check, provisional_years};

/// One dated occurrence of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Index of its event in [`Calendar::events`].
    pub event: usize,
    /// The title, placeholders filled and changes applied.
    pub title: Arc<str>,
    /// The anchor date plus the calendar-day offset: the identity of the occurrence.
    pub nominal: NaiveDate,
    /// The anchor date plus the whole offset, working days included.
    pub scheduled: NaiveDate,
    /// The final start date, after shift or move.
    pub date: NaiveDate,
    /// The last day (inclusive).
    pub end_date: NaiveDate,
    /// Start time; `None` all day.
    pub start_time: Option<NaiveTime>,
    /// End time; `None` all day.
    pub end_time: Option<NaiveTime>,
    /// A task of the month with no fixed day.
    pub month_task: bool,
    /// How the final date came about.
    pub how: How,
    /// Where it takes place (after any change).
    pub location: Option<Arc<str>>,
    /// Its notes (after any change).
    pub description: Option<Arc<str>>,
}

/// How an occurrence got its final date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// On its scheduled date.
    Scheduled,
    /// Moved off a day off by the shift policy.
    Shifted,
    /// Moved by a `[[events.changes]]` entry.
    Moved,
    /// Added by `also`.
    Also,
}

impl Occurrence {
    /// The UID: `{id}-{YYYYMMDD}@{uid_domain}` from the nominal date, or `{id}-{YYYYMM}@…`
    /// for a month task. It is worked out when asked for rather than stored: a large range
    /// has a million occurrences, and a string each would be a third of their memory.
    #[must_use]
    pub fn uid(&self, calendar: &Calendar) -> String {
        let id = &calendar.events[self.event].id;
        let (middle, length) = self.uid_middle();
        let mut out = String::with_capacity(id.len() + length + calendar.uid_domain.len());
        out.push_str(id);
        out.extend(middle[..length].iter().map(|&b| char::from(b)));
        out.push_str(&calendar.uid_domain);
        out
    }

    /// What stands between the id and the domain in the UID, `-YYYYMMDD@` (`-YYYYMM@` for
    /// a month task), and its length; built without a formatter, for a million of them.
    #[must_use]
    pub(crate) fn uid_middle(&self) -> ([u8; 10], usize) {
        let digit = |n: u32| b'0' + u8::try_from(n % 10).unwrap_or(0);
        let year = u32::try_from(self.nominal.year()).unwrap_or(0);
        let (month, day) = (self.nominal.month(), self.nominal.day());
        let mut middle = [
            b'-',
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            digit(month / 10),
            digit(month),
            digit(day / 10),
            digit(day),
            b'@',
        ];
        if self.month_task {
            middle[7] = b'@';
            return (middle, 8);
        }
        (middle, 10)
    }

    /// The scheduled date, when the final date differs from it.
    #[must_use]
    pub fn original_date(&self) -> Option<NaiveDate> {
        (!self.month_task && self.date != self.scheduled).then_some(self.scheduled)
    }

    /// Whether the occurrence has no time of day.
    #[must_use]
    pub fn all_day(&self) -> bool {
        self.start_time.is_none()
    }
}

/// A calendar expanded over a date range.
#[derive(Debug, Clone)]
pub struct Schedule {
    /// First day of the range.
    pub from: NaiveDate,
    /// Last day of the range.
    pub to: NaiveDate,
    /// The occurrences, sorted by date, start time (all-day first) and id.
    pub occurrences: Vec<Occurrence>,
    /// Days off and working days around the range.
    pub days: DayCalendar,
    /// Years of the range whose holidays are computed from the law, not published.
    pub provisional_years: Vec<i32>,
    /// Changes that matched nothing, and other things `check` reports.
    pub notes: Vec<Diagnostic>,
    /// With `[care.birthdays]` and a roster: how many members have a birthday in each
    /// month of the range (a count: no names). Put here by the care stage.
    pub birthdays: Vec<((i32, u32), usize)>,
    /// The roster's counts on the public activities, put here by the care stage that runs
    /// after the schedule: data the emitters format, never text.
    pub counts: CareCounts,
}

impl Schedule {
    /// The day a feed shows an occurrence on: its date, or for a month task the month's
    /// first working day.
    #[must_use]
    pub(crate) fn feed_day(&self, o: &Occurrence) -> NaiveDate {
        if o.month_task && self.days.is_off(o.date) {
            self.days.next_workday(o.date)
        } else {
            o.date
        }
    }

    /// Whether any year of the range has provisional holidays.
    #[must_use]
    pub fn provisional(&self) -> bool {
        !self.provisional_years.is_empty()
    }
}

/// The most occurrences one expansion may produce: far beyond any union's plan (a daily
/// rule over 100 years is 36,525), a guard against runaway ranges and rule counts.
pub(crate) const MAX_OCCURRENCES: usize = 5_000_000;

/// The most text (in bytes) the occurrences of one expansion may carry: each output
/// repeats it (the pages several times), so this bounds what a build writes (a union's
/// year is well under 1 MB). A long description on a daily rule over a century is
/// refused before any of it is built.
pub(crate) const MAX_TEXT_VOLUME: usize = 32 * 1024 * 1024;

/// Refuse, at the rule that carries the most, a range whose occurrences would carry more
/// than [`MAX_TEXT_VOLUME`] bytes of text, from their anchor dates' count alone.
fn check_volume(
    calendar: &Calendar,
    anchors: &[Vec<(NaiveDate, NaiveDate)>],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<()> {
    let text = |e: &crate::model::Event| {
        [&e.location, &e.organizer, &e.audience, &e.description]
            .iter()
            .filter_map(|t| t.as_deref())
            .map(str::len)
            .sum::<usize>()
            + e.title.len()
    };
    let volumes: Vec<usize> = calendar
        .events
        .iter()
        .zip(anchors)
        .map(|(event, dates)| text(event).saturating_mul(dates.len()))
        .collect();
    let total = volumes.iter().fold(0usize, |a, b| a.saturating_add(*b));
    if total <= MAX_TEXT_VOLUME {
        return Ok(());
    }
    let Some((largest, _)) = volumes.iter().enumerate().max_by_key(|(_, v)| **v) else {
        return Ok(());
    };
    let event = &calendar.events[largest];
    let megabytes = |bytes: usize| bytes.div_ceil(1024 * 1024);
    Err(Error::Calendar(vec![crate::error::Diagnostic::error(
        t!(
            "text-volume",
            total = megabytes(total),
            max = megabytes(MAX_TEXT_VOLUME),
            from = from,
            to = to,
            id = event.id.clone(),
            count = anchors[largest].len(),
            bytes = text(event)
        ),
        Some(event.origin.clone()),
    )
    .with_help(t!("text-volume-help"))]))
}

/// The range of a year.
#[must_use]
pub fn year_range(year: i32) -> (NaiveDate, NaiveDate) {
    let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let to = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    (from, to)
}

/// Check that `from..=to` is a range unioncal can expand `calendar` over.
///
/// # Errors
///
/// [`Error::Usage`] for a backwards range or years outside 1960–2100 (2000–2100 for
/// region "cn").
pub(crate) fn check_range(calendar: &Calendar, from: NaiveDate, to: NaiveDate) -> Result<()> {
    if to < from {
        return Err(Error::Usage(t!("range-ends-first", from = from, to = to)));
    }
    for year in [from.year(), to.year()] {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(Error::Usage(t!(
                "year-unsupported",
                year = year,
                min = MIN_YEAR,
                max = MAX_YEAR
            )));
        }
    }
    if calendar.holidays.region == Region::Cn && from.year() < CN_FIRST_YEAR {
        return Err(Error::Usage(t!("cn-too-early", first = CN_FIRST_YEAR, year = from.year())));
    }
    Ok(())
}

/// Expand every event of `calendar` over `from..=to`.
///
/// # Errors
///
/// [`Error::Usage`] for a backwards range or years outside 1960–2100 (2000–2100 for
/// region "cn").
pub fn expand(calendar: &Calendar, from: NaiveDate, to: NaiveDate) -> Result<Schedule> {
    check_range(calendar, from, to)?;
    let max_days = calendar.events.iter().map(|e| e.offset.days.unsigned_abs()).max().unwrap_or(0);
    let max_wd =
        calendar.events.iter().map(|e| e.offset.workdays.unsigned_abs()).max().unwrap_or(0);
    let pad_years = i32::try_from(max_days / 365 + u64::from(max_wd) / 200).unwrap_or(20) + 1;
    let days = DayCalendar::new(
        &calendar.holidays,
        (from.year() - pad_years).max(crate::dates::MIN_YEAR - 3),
        (to.year() + pad_years).min(crate::dates::MAX_YEAR + 3),
    );
    let longest_break = i64::try_from(days.longest_break()).unwrap_or(366);
    let provisional_years = (from.year()..=to.year())
        .filter(|&y| {
            calendar.holidays.region == Region::Cn
                && days.arrangement(y).is_some_and(|a| a.status == YearStatus::Provisional)
        })
        .collect();
    let mut schedule = Schedule {
        from,
        to,
        occurrences: Vec::new(),
        days,
        provisional_years,
        notes: Vec::new(),
        birthdays: Vec::new(),
        counts: CareCounts::default(),
    };
    let too_many = || Error::Usage(t!("too-many", max = MAX_OCCURRENCES, from = from, to = to));
    // Anchor dates first: they are cheap, and their count bounds the work before any text
    // is built.
    let anchors: Vec<Vec<(NaiveDate, NaiveDate)>> = calendar
        .events
        .iter()
        .enumerate()
        .map(|(index, event)| {
            Context { calendar, event, index, schedule: &schedule, longest_break }.anchor_dates()
        })
        .collect();
    let padding = anchors.len().saturating_mul(1000);
    let candidates = anchors.iter().map(Vec::len).sum::<usize>();
    if candidates > MAX_OCCURRENCES.saturating_add(padding) {
        return Err(too_many());
    }
    check_volume(calendar, &anchors, from, to)?;
    // Room for them all at once: growing a vector of a million occurrences copies it.
    schedule.occurrences.reserve(candidates.min(MAX_OCCURRENCES));
    for ((index, event), anchors) in calendar.events.iter().enumerate().zip(anchors) {
        let context = Context { calendar, event, index, schedule: &schedule, longest_break };
        let (occurrences, notes) = context.expand(anchors);
        schedule.occurrences.extend(occurrences);
        schedule.notes.extend(notes);
        if schedule.occurrences.len() > MAX_OCCURRENCES {
            return Err(too_many());
        }
    }
    Order::new(calendar).sort(&mut schedule.occurrences);
    Ok(schedule)
}

/// One candidate occurrence on its way through the steps.
#[derive(Debug, Clone)]
struct Candidate {
    nominal: NaiveDate,
    scheduled: NaiveDate,
    /// After shift (or as is, for `also`); `None` when `skip` drops it.
    shifted: Option<NaiveDate>,
    also: bool,
    change: Option<usize>,
}

struct Context<'a> {
    calendar: &'a Calendar,
    event: &'a Event,
    index: usize,
    schedule: &'a Schedule,
    longest_break: i64,
}

impl Context<'_> {
    fn days(&self) -> &DayCalendar {
        &self.schedule.days
    }

    /// The occurrences of the event from its anchor dates, and notes for `check`.
    fn expand(&self, anchors: Vec<(NaiveDate, NaiveDate)>) -> (Vec<Occurrence>, Vec<Diagnostic>) {
        if let Anchor::MonthTask(months) = self.event.anchor {
            return self.month_tasks(months);
        }
        let event = self.event;
        let mut candidates: Vec<Candidate> = anchors
            .into_iter()
            .filter_map(|(anchor, nominal_base)| {
                let (moved, nominal) = if event.offset.days == 0 {
                    (anchor, nominal_base)
                } else {
                    let offset = Duration::days(event.offset.days);
                    (anchor.checked_add_signed(offset)?, nominal_base.checked_add_signed(offset)?)
                };
                let scheduled = self.days().add_workdays(moved, event.offset.workdays);
                self.keeps(nominal, scheduled).then_some(Candidate {
                    nominal,
                    scheduled,
                    shifted: self.shift(scheduled),
                    also: false,
                    change: None,
                })
            })
            .collect();
        for day in self.also_dates() {
            candidates.push(Candidate {
                nominal: day,
                scheduled: day,
                shifted: Some(day),
                also: true,
                change: None,
            });
        }
        candidates.retain(|c| !self.excepted(c));

        let mut notes = Vec::new();
        for (i, change) in event.changes.iter().enumerate() {
            let ChangeDate::Day(day) = change.date else { continue };
            let found = candidates
                .iter()
                .position(|c| c.nominal == day)
                .or_else(|| candidates.iter().position(|c| c.scheduled == day))
                .or_else(|| candidates.iter().position(|c| c.shifted == Some(day)));
            match found {
                Some(c) => candidates[c].change = Some(i),
                None if (self.schedule.from.year()..=self.schedule.to.year())
                    .contains(&day.year()) =>
                {
                    notes.push(
                        Diagnostic::warning(
                            t!("change-unmatched", id = event.id, day = day),
                            Some(change.origin.clone()),
                        )
                        .with_help(t!("change-unmatched-help")),
                    );
                }
                None => {}
            }
        }

        // Final dates, then at most one occurrence a day and one per UID.
        let mut finals: Vec<(NaiveDate, How, Candidate)> = candidates
            .into_iter()
            .filter_map(|c| {
                let change = c.change.map(|i| &event.changes[i]);
                let (date, how) = match change.map(|ch| ch.action) {
                    Some(ChangeAction::Cancel) => return None,
                    Some(ChangeAction::MoveTo(day)) => (day, How::Moved),
                    _ if c.also => (c.scheduled, How::Also),
                    _ => {
                        let day = c.shifted?;
                        (day, if day == c.scheduled { How::Scheduled } else { How::Shifted })
                    }
                };
                Some((date, how, c))
            })
            .collect();
        let rank = |(date, how, c): &(NaiveDate, How, Candidate)| {
            let order = match how {
                How::Moved => 0,
                _ if *date == c.scheduled => 1,
                _ => 2,
            };
            (order, c.nominal)
        };
        // Most events never meet themselves: skip the sorting when days and nominal dates
        // already strictly increase.
        let clash = finals.windows(2).any(|w| w[0].0 >= w[1].0 || w[0].2.nominal >= w[1].2.nominal);
        if clash {
            finals.sort_by_key(|f| (f.0, rank(f)));
            finals.dedup_by_key(|f| f.0);
            finals.sort_by_key(|f| (f.2.nominal, rank(f)));
            finals.dedup_by_key(|f| f.2.nominal);
        }

        let occurrences = finals
            .into_iter()
            .filter(|(date, _, _)| (self.schedule.from..=self.schedule.to).contains(date))
            .map(|(date, how, c)| self.occurrence(date, how, &c))
            .collect();
        (occurrences, notes)
    }

    /// Step 4: `start`/`until` (annual anchors), `months`, `workdays_only`, `every_years`.
    fn keeps(&self, nominal: NaiveDate, scheduled: NaiveDate) -> bool {
        let event = self.event;
        (!event.anchor.is_annual() || generate::in_window(event, scheduled))
            && event.months.is_none_or(|m| m.contains(scheduled.month()))
            && (!event.workdays_only || !self.days().is_off(scheduled))
            && event.every_years.is_none_or(|e| (nominal.year() - e.since).rem_euclid(e.every) == 0)
    }

    fn shift(&self, date: NaiveDate) -> Option<NaiveDate> {
        let days = self.days();
        if !days.is_off(date) {
            return Some(date);
        }
        match self.event.shift {
            Shift::None => Some(date),
            Shift::Skip => None,
            Shift::Before => Some(days.previous_workday(date)),
            Shift::After => Some(days.next_workday(date)),
            Shift::Nearest => {
                let (before, after) = (days.previous_workday(date), days.next_workday(date));
                Some(if date - before <= after - date { before } else { after })
            }
        }
    }

    fn excepted(&self, c: &Candidate) -> bool {
        self.event.except.iter().any(|e| match e {
            ExceptDate::Day(spec) => {
                spec.matches(c.nominal)
                    || spec.matches(c.scheduled)
                    || c.shifted.is_some_and(|d| spec.matches(d))
            }
            ExceptDate::Month(..) => false,
        })
    }

    fn also_dates(&self) -> Vec<NaiveDate> {
        let years = self.schedule.from.year() - 1..=self.schedule.to.year() + 1;
        self.event
            .also
            .iter()
            .flat_map(|spec| match *spec {
                crate::model::DateSpec::Full(d) => vec![d],
                crate::model::DateSpec::Annual { month, day } => {
                    years.clone().filter_map(|y| NaiveDate::from_ymd_opt(y, month, day)).collect()
                }
            })
            .collect()
    }

    /// Step 1: anchor dates with the base of their nominal date (the festival's own day
    /// for a `holiday` anchor, else the anchor date itself).
    fn anchor_dates(&self) -> Vec<(NaiveDate, NaiveDate)> {
        let event = self.event;
        if matches!(event.anchor, Anchor::MonthTask(_)) {
            return Vec::new();
        }
        let pad = event.offset.days.abs()
            + (i64::from(event.offset.workdays.abs()) + 1) * (self.longest_break + 1)
            + 1;
        let mut from = self.schedule.from - Duration::days(pad);
        let mut to = self.schedule.to + Duration::days(pad);
        // A change may move an occurrence from far away into the range.
        for change in &event.changes {
            if let (ChangeDate::Day(day), ChangeAction::MoveTo(target)) =
                (change.date, change.action)
            {
                if (self.schedule.from..=self.schedule.to).contains(&target) {
                    from = from.min(day - Duration::days(pad));
                    to = to.max(day + Duration::days(pad));
                }
            }
        }
        if event.anchor.is_annual() {
            (from.year() - 1..=to.year() + 1)
                .filter_map(|year| generate::annual(&event.anchor, year, self.days()))
                .filter(|(anchor, _)| (from..=to).contains(anchor))
                .collect()
        } else {
            generate::repeating(event, from, to).into_iter().map(|d| (d, d)).collect()
        }
    }

    fn occurrence(&self, date: NaiveDate, how: How, c: &Candidate) -> Occurrence {
        let event = self.event;
        let change = c.change.map(|i| &event.changes[i]);
        let (start_time, end_time, end_date) = self.timing(date, change);
        Occurrence {
            event: self.index,
            title: self.title(change.and_then(|ch| ch.title.as_deref()), c.nominal.year()),
            nominal: c.nominal,
            scheduled: c.scheduled,
            date,
            end_date,
            start_time,
            end_time,
            month_task: false,
            how,
            location: change
                .and_then(|ch| ch.location.as_deref().map(Arc::from))
                .or_else(|| event.location.clone()),
            description: change
                .and_then(|ch| ch.description.as_deref().map(Arc::from))
                .or_else(|| event.description.clone()),
        }
    }

    /// The title of an occurrence in `year`: the event's (shared, when it has no
    /// placeholders) or a change's.
    fn title(&self, changed: Option<&str>, year: i32) -> Arc<str> {
        match changed {
            Some(title) => self.fill(title, year).into(),
            None if self.event.title.contains('{') => self.fill(&self.event.title, year).into(),
            None => Arc::clone(&self.event.title),
        }
    }

    /// Start time, end time and last day, with a change's new time applied.
    fn timing(
        &self,
        date: NaiveDate,
        change: Option<&crate::model::Change>,
    ) -> (Option<NaiveTime>, Option<NaiveTime>, NaiveDate) {
        let event = self.event;
        let last_day =
            if event.days > 1 { date + Days::new(u64::from(event.days - 1)) } else { date };
        let new_time = change.and_then(|c| c.time);
        let new_end = change.and_then(|c| c.end);
        let (start, length) = match (event.timing, new_time) {
            (None, None) => return (None, None, last_day),
            (None, Some(t)) => (t, Length::Minutes(event.default_minutes)),
            (Some(timing), t) => {
                let length = match (timing.length, t) {
                    (Length::End(end), Some(_)) => {
                        Length::Minutes((end - timing.start).num_minutes())
                    }
                    (length, _) => length,
                };
                (t.unwrap_or(timing.start), length)
            }
        };
        let length = new_end.map_or(length, Length::End);
        let end = match length {
            Length::End(end) => return (Some(start), Some(end), last_day),
            // Within the day: no date arithmetic needed.
            Length::Minutes(m)
                if i64::from(start.num_seconds_from_midnight()) + m * 60 < 86_400 =>
            {
                return (Some(start), Some(start + Duration::minutes(m)), last_day);
            }
            Length::Minutes(m) => last_day.and_time(start) + Duration::minutes(m),
        };
        (Some(start), Some(end.time()), end.date())
    }

    /// Fill `{year}`, `{edition}` and `{edition_num}` for an occurrence of `year`.
    fn fill(&self, title: &str, year: i32) -> String {
        let event = self.event;
        let mut out = title.replace("{year}", &year.to_string());
        if let Some(edition) = event.edition {
            let cycles = match event.every_years {
                Some(e) => i64::from(year - edition.year).div_euclid(i64::from(e.every)),
                None => i64::from(year - edition.year),
            };
            let number = edition.number + cycles;
            out = out
                .replace("{edition_num}", &number.to_string())
                .replace("{edition}", &numeral(number, self.calendar.language));
        }
        out
    }

    fn month_tasks(&self, months: crate::model::Months) -> (Vec<Occurrence>, Vec<Diagnostic>) {
        let event = self.event;
        let (from, to) = (self.schedule.from, self.schedule.to);
        let mut out = Vec::new();
        let mut used = vec![false; event.changes.len()];
        for year in from.year()..=to.year() {
            for month in months.iter() {
                let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else { continue };
                let in_range = (from..=to).contains(&first);
                let happens = generate::in_window(event, first)
                    && event.every_years.is_none_or(|e| (year - e.since).rem_euclid(e.every) == 0);
                let excepted = event.except.iter().any(|e| match *e {
                    ExceptDate::Month(y, m) => (y, m) == (year, month),
                    ExceptDate::Day(spec) => spec.matches(first),
                });
                let change_index =
                    event.changes.iter().position(|c| c.date == ChangeDate::Month(year, month));
                if let Some(i) = change_index {
                    used[i] = true;
                }
                if !in_range || !happens || excepted {
                    continue;
                }
                let change = change_index.map(|i| &event.changes[i]);
                if change.is_some_and(|c| c.action == ChangeAction::Cancel) {
                    continue;
                }
                let last =
                    NaiveDate::from_ymd_opt(year + i32::from(month == 12), month % 12 + 1, 1)
                        .and_then(|d| d.pred_opt())
                        .unwrap_or(first);
                out.push(Occurrence {
                    event: self.index,
                    title: self.title(change.and_then(|c| c.title.as_deref()), year),
                    nominal: first,
                    scheduled: first,
                    date: first,
                    end_date: last,
                    start_time: None,
                    end_time: None,
                    month_task: true,
                    how: How::Scheduled,
                    location: change
                        .and_then(|c| c.location.as_deref().map(Arc::from))
                        .or_else(|| event.location.clone()),
                    description: change
                        .and_then(|c| c.description.as_deref().map(Arc::from))
                        .or_else(|| event.description.clone()),
                });
            }
        }
        let notes = event
            .changes
            .iter()
            .zip(used)
            .filter(|(c, used)| {
                !used && matches!(c.date, ChangeDate::Month(y, _) if (from.year()..=to.year()).contains(&y))
            })
            .map(|(c, _)| {
                Diagnostic::warning(
                    t!("change-month-unmatched", id = event.id),
                    Some(c.origin.clone()),
                )
                .with_help(t!("change-month-unmatched-help"))
            })
            .collect();
        (out, notes)
    }
}
