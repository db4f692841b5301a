//! Step 1 of expansion: the anchor dates of each kind of rule, and the `start`/`until`
//! windows they are generated in.

use chrono::{Datelike, Days, NaiveDate, TimeZone, Weekday};

use crate::dates::{lunar_to_solar, DayCalendar};
use crate::model::{Anchor, DateSpec, Event};

/// The anchor date of an annual anchor in `year`, with the base of its nominal date.
pub(super) fn annual(
    anchor: &Anchor,
    year: i32,
    days: &DayCalendar,
) -> Option<(NaiveDate, NaiveDate)> {
    let same = |d: NaiveDate| (d, d);
    match *anchor {
        Anchor::Annual { month, day } => NaiveDate::from_ymd_opt(year, month, day).map(same),
        Anchor::Once(date) => (date.year() == year).then_some(same(date)),
        Anchor::Lunar { month, day } => lunar_to_solar(year, month, day).map(same),
        Anchor::Term(term) => term.date(year).map(same),
        Anchor::Fu(fu) => fu.date(year).map(same),
        Anchor::Holiday(festival) => {
            let statutory = festival.statutory_day(year)?;
            Some((days.break_start(festival, year)?, statutory))
        }
        _ => None,
    }
}

fn on_or_after(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
        .or_else(|| NaiveDate::from_ymd_opt(year, month + 1, 1))
}

fn on_or_before(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
        .or_else(|| NaiveDate::from_ymd_opt(year, month, day - 1))
}

/// Whether `date` lies in the event's `start`/`until` window. `MM-DD` bounds repeat
/// every year; when `start` is later in the year than `until`, the window runs over the
/// new year.
pub(super) fn in_window(event: &Event, date: NaiveDate) -> bool {
    let md = (date.month(), date.day());
    match (event.start, event.until) {
        (
            Some(DateSpec::Annual { month: sm, day: sd }),
            Some(DateSpec::Annual { month: um, day: ud }),
        ) => {
            if (sm, sd) <= (um, ud) {
                (sm, sd) <= md && md <= (um, ud)
            } else {
                md >= (sm, sd) || md <= (um, ud)
            }
        }
        (start, until) => {
            let after_start = match start {
                None => true,
                Some(DateSpec::Full(s)) => date >= s,
                Some(DateSpec::Annual { month, day }) => md >= (month, day),
            };
            let before_until = match until {
                None => true,
                Some(DateSpec::Full(u)) => date <= u,
                Some(DateSpec::Annual { month, day }) => md <= (month, day),
            };
            after_start && before_until
        }
    }
}

/// A window of generation: its first and last day and the day intervals count from.
#[derive(Debug, Clone, Copy)]
struct Window {
    first: NaiveDate,
    last: NaiveDate,
    reference: Option<NaiveDate>,
}

/// The event's windows that touch `from..=to`: one for full-date (or no) bounds, one a
/// year when a bound is `MM-DD` (an rrule without `start` starts every 1 January).
fn windows(event: &Event, from: NaiveDate, to: NaiveDate) -> Vec<Window> {
    let (mut start, until) = (event.start, event.until);
    if matches!(event.anchor, Anchor::RRule(_)) && start.is_none() {
        start = Some(DateSpec::Annual { month: 1, day: 1 });
    }
    let full = |spec: Option<DateSpec>| match spec {
        Some(DateSpec::Full(d)) => Some(d),
        _ => None,
    };
    let annual = |spec: Option<DateSpec>| match spec {
        Some(DateSpec::Annual { month, day }) => Some((month, day)),
        _ => None,
    };
    let (full_start, full_until) = (full(start), full(until));
    if annual(start).is_none() && annual(until).is_none() {
        return vec![Window {
            first: full_start.unwrap_or(from),
            last: full_until.unwrap_or(to),
            reference: full_start,
        }];
    }
    let wraps = matches!((annual(start), annual(until)), (Some(s), Some(u)) if s > u);
    (from.year() - 1..=to.year())
        .filter_map(|year| {
            let first = match annual(start) {
                Some((m, d)) => on_or_after(year, m, d)?,
                None => NaiveDate::from_ymd_opt(year, 1, 1)?,
            };
            let last = match annual(until) {
                Some((m, d)) => on_or_before(year + i32::from(wraps), m, d)?,
                None => NaiveDate::from_ymd_opt(year, 12, 31)?,
            };
            let reference = if annual(start).is_some() { Some(first) } else { full_start };
            Some(Window {
                first: full_start.map_or(first, |s| first.max(s)),
                last: full_until.map_or(last, |u| last.min(u)),
                reference,
            })
        })
        .filter(|w| w.first <= w.last && w.first <= to && w.last >= from)
        .collect()
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

fn month_index(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 12 + i64::from(date.month0())
}

/// The number of days in a Gregorian month.
pub(crate) fn month_length(year: i32, month: u32) -> u32 {
    let next = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(next.0, next.1, 1).and_then(|d| d.pred_opt()).map_or(28, |d| d.day())
}

/// The `nth` `weekday` of a month (negative counts from the end), if the month has it.
///
/// `nth = 1` is the first, `-1` the last; `5` and `-5` exist only in months with five
/// such weekdays.
pub(crate) fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: i32) -> Option<NaiveDate> {
    if nth > 0 {
        let n = u8::try_from(nth).ok()?;
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
    } else {
        let last = NaiveDate::from_ymd_opt(year, month, month_length(year, month))?;
        let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        let day = last - Days::new(u64::from(back) + 7 * u64::from(nth.unsigned_abs() - 1));
        (day.month() == month).then_some(day)
    }
}

/// The anchor dates of a repeating rule within `from..=to`.
pub(super) fn repeating(event: &Event, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let n = i64::from(event.interval);
    for w in windows(event, from, to) {
        let (first, last) = (w.first.max(from), w.last.min(to));
        if first > last {
            continue;
        }
        let reference = w.reference.unwrap_or(w.first);
        let days = || first.iter_days().take_while(move |d| *d <= last);
        match &event.anchor {
            Anchor::Daily => out.extend(
                days().filter(|d| n == 1 || (*d - reference).num_days().rem_euclid(n) == 0),
            ),
            Anchor::Weekly(weekdays) => {
                let week0 = monday_of(reference);
                out.extend(days().filter(|d| {
                    weekdays.contains(&d.weekday())
                        && (n == 1 || ((monday_of(*d) - week0).num_days() / 7).rem_euclid(n) == 0)
                }));
            }
            Anchor::MonthlyDay(_) | Anchor::MonthlyNth { .. } => {
                let (mut y, mut m) = (first.year(), first.month());
                let reference_month = month_index(reference);
                while (y, m) <= (last.year(), last.month()) {
                    let index = i64::from(y) * 12 + i64::from(m) - 1;
                    if n == 1 || (index - reference_month).rem_euclid(n) == 0 {
                        let day = match event.anchor {
                            Anchor::MonthlyDay(day) => {
                                let len = month_length(y, m);
                                let d = if day > 0 {
                                    day.unsigned_abs()
                                } else {
                                    (len + 1).saturating_sub(day.unsigned_abs())
                                };
                                (1..=len)
                                    .contains(&d)
                                    .then(|| NaiveDate::from_ymd_opt(y, m, d))
                                    .flatten()
                            }
                            Anchor::MonthlyNth { weekday, nth } => nth_weekday(y, m, weekday, nth),
                            _ => None,
                        };
                        out.extend(day.filter(|d| (first..=last).contains(d)));
                    }
                    (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                }
            }
            Anchor::RRule(rule) => out.extend(rrule_dates(rule, w.first, last, first)),
            _ => {}
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The days of an RRULE started at `dtstart`, from `keep_from` to `last`.
fn rrule_dates(
    rule: &rrule::RRule<rrule::Unvalidated>,
    dtstart: NaiveDate,
    last: NaiveDate,
    keep_from: NaiveDate,
) -> Vec<NaiveDate> {
    /// Enough for a daily rule across the supported years; a guard against rules that
    /// never reach `last`.
    const MAX_STEPS: usize = 200_000;
    let Some(start) = rrule::Tz::UTC
        .with_ymd_and_hms(dtstart.year(), dtstart.month(), dtstart.day(), 0, 0, 0)
        .single()
    else {
        return Vec::new();
    };
    // The rule was parsed and checked when the file was read; building can only fail when
    // its UNTIL lies before this first day, and then it has no occurrence.
    let Ok(set) = rule.clone().build(start) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for occurrence in set.into_iter().take(MAX_STEPS) {
        let day = occurrence.date_naive();
        if day > last {
            break;
        }
        if day >= keep_from {
            out.push(day);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn nth_weekdays_from_either_end() {
        assert_eq!(nth_weekday(2027, 9, Weekday::Wed, 1), Some(d(2027, 9, 1)));
        assert_eq!(nth_weekday(2027, 9, Weekday::Wed, 5), Some(d(2027, 9, 29)));
        assert_eq!(nth_weekday(2027, 2, Weekday::Wed, 5), None);
        assert_eq!(nth_weekday(2027, 4, Weekday::Fri, -1), Some(d(2027, 4, 30)));
        assert_eq!(nth_weekday(2027, 2, Weekday::Sun, -1), Some(d(2027, 2, 28)));
        assert_eq!(nth_weekday(2027, 2, Weekday::Mon, -4), Some(d(2027, 2, 1)));
        assert_eq!(nth_weekday(2027, 2, Weekday::Mon, -5), None);
    }

    #[test]
    fn rrule_start_counts_only_when_it_matches() {
        let rule = "FREQ=MONTHLY;BYDAY=-1FR;COUNT=2".parse().unwrap();
        let dates = rrule_dates(&rule, d(2027, 1, 1), d(2027, 12, 31), d(2027, 1, 1));
        assert_eq!(dates, vec![d(2027, 1, 29), d(2027, 2, 26)]);
    }
}
