//! Which days are off and which are working days: weekends, the holiday arrangement of
//! each year (official, typed in by the user, or provisional from the law), 调休 make-up
//! workdays, and the calendar's own `extra_off` / `extra_work` days.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::forecast::forecast;
use super::holidays::{official, Festival, Period, Source};

/// Which holidays a calendar observes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Region {
    /// Mainland China's statutory holidays and 调休 make-up workdays.
    #[default]
    Cn,
    /// Only weekends (and the calendar's own days) are off.
    None,
}

/// The calendar's holiday settings, validated.
#[derive(Debug, Clone, Default)]
pub struct HolidayRules {
    /// Which statutory holidays apply.
    pub region: Region,
    /// More days off, as inclusive ranges.
    pub extra_off: Vec<(NaiveDate, NaiveDate)>,
    /// More working days, as inclusive ranges.
    pub extra_work: Vec<(NaiveDate, NaiveDate)>,
    /// Periods that replace or add to the built-in arrangements: `[[holidays.periods]]`
    /// of the calendar ([`Source::Calendar`]) and of the holidays files it names
    /// ([`Source::Shared`]), and arrangements saved by `holidays import --save`
    /// ([`Source::Saved`]).
    pub periods: Vec<Period>,
}

/// How a year's holiday arrangement is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearStatus {
    /// Published by the State Council and embedded.
    Official,
    /// Imported from the State Council's notice and saved on this machine.
    Saved,
    /// Typed into the calendar file or a holidays file it names (`[[holidays.periods]]`
    /// naming a festival).
    Calendar,
    /// Forecast from the law and the principles the notices follow (`dates::forecast`):
    /// may differ from the notice still to come.
    Provisional,
}

/// The holiday arrangement of one year: its periods and how they are known.
#[derive(Debug, Clone)]
pub struct Arrangement {
    /// The year (a notice's title year).
    pub year: i32,
    /// Its periods: days off and make-up workdays.
    pub periods: Vec<Period>,
    /// How it is known.
    pub status: YearStatus,
}

impl HolidayRules {
    /// The arrangement of `year`. It starts from the official one, or for a year without
    /// one from the forecast ([`super::forecast()`]); then each source of [`HolidayRules::periods`]
    /// in turn, lowest first (saved, shared files, the calendar), replaces the periods of
    /// the festivals or names it gives for that year and adds the others.
    #[must_use]
    pub fn arrangement(&self, year: i32) -> Arrangement {
        let typed: Vec<&Period> = self.periods.iter().filter(|p| p.year == year).collect();
        let (mut periods, mut status) = match official(year) {
            Some(periods) => (periods, YearStatus::Official),
            None => (forecast(year).periods, YearStatus::Provisional),
        };
        let mut sources: Vec<Source> = typed.iter().map(|p| p.source).collect();
        sources.sort_unstable();
        sources.dedup();
        for source in sources {
            let own: Vec<Period> =
                typed.iter().filter(|p| p.source == source).map(|p| (*p).clone()).collect();
            let named: Vec<Festival> =
                own.iter().flat_map(|p| p.festivals.iter().copied()).collect();
            periods.retain(|p| {
                !p.festivals.iter().any(|f| named.contains(f))
                    && !own.iter().any(|o| o.name == p.name)
            });
            periods.extend(own);
            if !named.is_empty() {
                status = match (status, source) {
                    (_, Source::Saved) => YearStatus::Saved,
                    (YearStatus::Official | YearStatus::Saved, _) => status,
                    _ => YearStatus::Calendar,
                };
            }
        }
        periods.sort_by_key(|p| p.off.first().or(p.work.first()).copied());
        Arrangement { year, periods, status }
    }
}

/// What a day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    /// An ordinary working day.
    Weekday,
    /// An ordinary Saturday or Sunday off.
    Weekend,
    /// A day off of a holiday period (its index, for [`DayCalendar::period`]).
    Holiday(usize),
    /// A make-up workday (调休上班) of a holiday period.
    MakeUpWork(usize),
    /// A day off from the calendar's `extra_off`.
    ExtraOff,
    /// A working day from the calendar's `extra_work`.
    ExtraWork,
}

impl DayKind {
    /// Whether the day is off.
    #[must_use]
    pub fn is_off(self) -> bool {
        matches!(self, Self::Weekend | Self::Holiday(_) | Self::ExtraOff)
    }
}

/// Days off and working days over a window of whole years, precomputed one entry a day.
/// Outside the window only weekends are off.
#[derive(Debug, Clone)]
pub struct DayCalendar {
    /// The window's first day as a day number (from CE), for cheap lookups.
    first_day: i32,
    days: Vec<DayKind>,
    /// The arrangement alone (no `extra_*`, whatever the region), for holiday breaks.
    breaks: Vec<bool>,
    periods: Vec<Period>,
    arrangements: Vec<Arrangement>,
}

fn weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

impl DayCalendar {
    /// The days of years `first_year..=last_year` under `rules`.
    #[must_use]
    pub fn new(rules: &HolidayRules, first_year: i32, last_year: i32) -> Self {
        let first = NaiveDate::from_ymd_opt(first_year, 1, 1).unwrap_or(NaiveDate::MIN);
        let last = NaiveDate::from_ymd_opt(last_year, 12, 31).unwrap_or(first);
        let len = usize::try_from((last - first).num_days() + 1).unwrap_or(0);
        let mut days: Vec<DayKind> = first
            .iter_days()
            .take(len)
            .map(|d| if weekend(d) { DayKind::Weekend } else { DayKind::Weekday })
            .collect();
        let mut breaks: Vec<bool> = days.iter().map(|k| *k == DayKind::Weekend).collect();
        let index =
            |date: NaiveDate| usize::try_from((date - first).num_days()).ok().filter(|&i| i < len);

        // A notice of year Y can hold late-December days of Y-1.
        let arrangements: Vec<Arrangement> =
            (first_year..=last_year.saturating_add(1)).map(|y| rules.arrangement(y)).collect();
        // Later sources win: each period is applied in the order of its source, so a
        // calendar's own periods come last.
        let mut ordered: Vec<&Period> =
            arrangements.iter().flat_map(|a| a.periods.iter()).collect();
        ordered.sort_by_key(|p| p.source);
        let mut periods = Vec::new();
        for period in ordered {
            let id = periods.len();
            periods.push(period.clone());
            // Saved and built-in arrangements are national: they count only in region cn.
            let counts = rules.region == Region::Cn || period.source >= Source::Shared;
            for (list, off) in [(&period.off, true), (&period.work, false)] {
                for &date in list {
                    let Some(i) = index(date) else { continue };
                    breaks[i] = off;
                    if counts {
                        days[i] = if off { DayKind::Holiday(id) } else { DayKind::MakeUpWork(id) };
                    }
                }
            }
        }
        for (list, kind) in
            [(&rules.extra_off, DayKind::ExtraOff), (&rules.extra_work, DayKind::ExtraWork)]
        {
            for &(from, to) in list {
                for date in from.iter_days().take_while(|d| *d <= to) {
                    if let Some(i) = index(date) {
                        days[i] = kind;
                    } else if date > last {
                        break;
                    }
                }
            }
        }
        Self { first_day: first.num_days_from_ce(), days, breaks, periods, arrangements }
    }

    fn index(&self, date: NaiveDate) -> Option<usize> {
        usize::try_from(date.num_days_from_ce() - self.first_day)
            .ok()
            .filter(|&i| i < self.days.len())
    }

    /// What `date` is.
    #[must_use]
    pub fn kind(&self, date: NaiveDate) -> DayKind {
        match self.index(date) {
            Some(i) => self.days[i],
            None if weekend(date) => DayKind::Weekend,
            None => DayKind::Weekday,
        }
    }

    /// Whether `date` is a day off.
    #[must_use]
    pub fn is_off(&self, date: NaiveDate) -> bool {
        self.kind(date).is_off()
    }

    /// The holiday period a [`DayKind::Holiday`] or [`DayKind::MakeUpWork`] refers to.
    #[must_use]
    pub fn period(&self, id: usize) -> Option<&Period> {
        self.periods.get(id)
    }

    /// The arrangement of `year`, when the window covers it.
    #[must_use]
    pub fn arrangement(&self, year: i32) -> Option<&Arrangement> {
        self.arrangements.iter().find(|a| a.year == year)
    }

    /// The working day `steps` working days after (`steps` > 0) or before (< 0) `date`.
    #[must_use]
    pub(crate) fn add_workdays(&self, date: NaiveDate, steps: i32) -> NaiveDate {
        let mut date = date;
        for _ in 0..steps.unsigned_abs() {
            date = if steps > 0 { self.next_workday(date) } else { self.previous_workday(date) };
        }
        date
    }

    /// The first working day after `date`.
    #[must_use]
    pub(crate) fn next_workday(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        loop {
            match day.checked_add_days(Days::new(1)) {
                Some(next) => day = next,
                None => return date,
            }
            if !self.is_off(day) {
                return day;
            }
        }
    }

    /// The last working day before `date`.
    #[must_use]
    pub(crate) fn previous_workday(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        loop {
            match day.checked_sub_days(Days::new(1)) {
                Some(previous) => day = previous,
                None => return date,
            }
            if !self.is_off(day) {
                return day;
            }
        }
    }

    /// The first day of the break that holds `festival`'s days off in the arrangement of
    /// `year`: the start of the run of the arrangement's days off and weekends that holds
    /// them. `None` when that year's arrangement has no such period.
    #[must_use]
    pub(crate) fn break_start(&self, festival: Festival, year: i32) -> Option<NaiveDate> {
        let arrangement = self.arrangement(year)?;
        let mut day = arrangement
            .periods
            .iter()
            .filter(|p| p.festivals.contains(&festival))
            .filter_map(|p| p.off.first())
            .min()
            .copied()?;
        while let Some(i) = day.pred_opt().and_then(|d| self.index(d)) {
            if !self.breaks[i] {
                break;
            }
            day = day.pred_opt()?;
        }
        Some(day)
    }

    /// The longest run of consecutive days off in the window, a bound on how far a shift
    /// to a working day can move an occurrence.
    #[must_use]
    pub(crate) fn longest_break(&self) -> usize {
        let (mut longest, mut run) = (0, 0);
        for kind in &self.days {
            run = if kind.is_off() { run + 1 } else { 0 };
            longest = longest.max(run);
        }
        longest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn cn(first: i32, last: i32) -> DayCalendar {
        DayCalendar::new(&HolidayRules::default(), first, last)
    }

    #[test]
    fn make_up_saturday_is_a_working_day() {
        let days = cn(2026, 2026);
        assert_eq!(
            days.kind(d(2026, 2, 14)),
            DayKind::MakeUpWork(
                days.periods.iter().position(|p| p.name == "春节" && p.year == 2026).unwrap()
            )
        );
        assert!(!days.is_off(d(2026, 2, 14)));
        assert!(days.is_off(d(2026, 2, 23)));
        assert_eq!(days.next_workday(d(2026, 2, 13)), d(2026, 2, 14));
        assert_eq!(days.add_workdays(d(2026, 2, 15), -1), d(2026, 2, 14));
    }

    #[test]
    fn new_year_break_of_2024_starts_on_the_adjoining_weekend_in_2023() {
        let days = cn(2023, 2024);
        assert_eq!(days.break_start(Festival::NewYear, 2024), Some(d(2023, 12, 30)));
        assert_eq!(days.break_start(Festival::NewYear, 2008), None, "outside the window");
    }

    #[test]
    fn combined_break_serves_both_names() {
        let days = cn(2023, 2023);
        assert_eq!(days.break_start(Festival::MidAutumn, 2023), Some(d(2023, 9, 29)));
        assert_eq!(days.break_start(Festival::National, 2023), Some(d(2023, 9, 29)));
    }

    #[test]
    fn provisional_qingming_2027_takes_in_the_weekend() {
        let days = cn(2027, 2027);
        assert_eq!(days.arrangement(2027).unwrap().status, YearStatus::Provisional);
        assert_eq!(days.break_start(Festival::Qingming, 2027), Some(d(2027, 4, 3)));
    }

    #[test]
    fn no_qingming_break_in_2007() {
        assert_eq!(cn(2007, 2007).break_start(Festival::Qingming, 2007), None);
    }

    #[test]
    fn region_none_keeps_breaks_but_not_days_off() {
        let rules = HolidayRules { region: Region::None, ..HolidayRules::default() };
        let days = DayCalendar::new(&rules, 2026, 2026);
        assert!(!days.is_off(d(2026, 10, 1)));
        assert!(days.is_off(d(2026, 2, 14)), "a make-up Saturday is an ordinary weekend");
        assert_eq!(days.break_start(Festival::National, 2026), Some(d(2026, 10, 1)));
    }

    #[test]
    fn extra_work_beats_extra_off_beats_holidays() {
        let rules = HolidayRules {
            extra_off: vec![(d(2026, 7, 1), d(2026, 7, 31))],
            extra_work: vec![(d(2026, 7, 15), d(2026, 7, 15)), (d(2026, 10, 2), d(2026, 10, 2))],
            ..HolidayRules::default()
        };
        let days = DayCalendar::new(&rules, 2026, 2026);
        assert!(days.is_off(d(2026, 7, 14)));
        assert!(!days.is_off(d(2026, 7, 15)));
        assert!(!days.is_off(d(2026, 10, 2)));
        // 07-16..07-31 then the weekend of 08-01/02.
        assert_eq!(days.longest_break(), 18);
    }

    #[test]
    fn calendar_period_replaces_the_provisional_festival() {
        let rules = HolidayRules {
            periods: vec![Period {
                name: "国庆节".into(),
                festivals: vec![Festival::National],
                year: 2027,
                off: (1..=7).map(|day| d(2027, 10, day)).collect(),
                work: vec![d(2027, 9, 26), d(2027, 10, 9)],
                source: Source::Calendar,
                origin: None,
            }],
            ..HolidayRules::default()
        };
        let days = DayCalendar::new(&rules, 2027, 2027);
        assert_eq!(days.arrangement(2027).unwrap().status, YearStatus::Calendar);
        assert!(days.is_off(d(2027, 10, 7)));
        assert!(!days.is_off(d(2027, 10, 9)));
        // Other festivals still come from the law.
        assert!(days.is_off(d(2027, 2, 9)));
    }
}
