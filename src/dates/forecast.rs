//! A forecast of a year's holiday arrangement (放假调休) before the State Council's notice,
//! from the law in force that year and the principles the notices follow. It never reads
//! the year's own data, so it can be backtested on every published year.
//!
//! The rules, each checked against the notices of 2015–2026:
//!
//! - **R1, breaks.** A one-day festival (元旦, 清明, 端午, 中秋 when not merged) takes the
//!   3-day window around its day with the fewest weekdays (on a tie, the latest start); on a
//!   Wednesday only the day itself. 春节 runs 除夕–初七 (8 days) under the 2024 law,
//!   除夕–初六 (7) before it, 初一–初七 before 2008. 劳动节 takes the 5-day window around
//!   its statutory days with the fewest weekdays (from 2020; before that it is a one-day
//!   festival; before 2008, 05-01–05-07). 国庆 runs 10-01–10-07; when 中秋 falls on
//!   09-28–10-08 the two merge into 8 days from the earlier of them.
//! - **R2, how many make-up workdays.** The weekdays of the break less its statutory days.
//! - **R3, where.** On the days of the nearest weekend before the break and after it (days
//!   inside a break or already used skipped): the set that keeps every working stretch
//!   touching the break at most 7 days (the 2013 law) or 6 (the 2024 law), leaves no single
//!   working day between two days off, and lies closest to the break; on a tie, after it.
//!   Breaks are placed in date order.
//! - **R4.** A weekend day next to a break that is not a make-up day is off, and counts
//!   as part of the break (2026 春节: "9 days from 腊月二十八").
//!
//! How sure each part is: the statutory days are certain; the other days of a break are
//! likely; the make-up days and a break's first and last days are a guess. Where dropping
//! the no-single-working-day rule gives another placement, it is named as the alternative
//! (2027 春节: 9 days, or 8 with 02-13 a workday).

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::almanac::lunar_to_solar;
use super::holidays::{Festival, Period, Source};

/// How sure the forecast is of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Certainty {
    /// A statutory day: the law fixes it.
    Certain,
    /// A day inside a break the principles give.
    Likely,
    /// A make-up workday, or the first or last day of a break: where the rules place it,
    /// but the State Council may choose another.
    Guess,
}

/// A break whose placement the rules do not pin down: the other way it may go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternative {
    /// The period's name.
    pub name: String,
    /// Its days off that way.
    pub off: Vec<NaiveDate>,
    /// Its make-up workdays that way.
    pub work: Vec<NaiveDate>,
}

/// A forecast year: its periods, how sure each day is, and the alternatives.
#[derive(Debug, Clone)]
pub struct Forecast {
    /// The year forecast.
    pub year: i32,
    /// The periods, in date order ([`Source::Provisional`]).
    pub periods: Vec<Period>,
    /// The certainty of each day the periods name (off or work).
    pub days: Vec<(NaiveDate, Certainty)>,
    /// Breaks the rules could place another way.
    pub alternatives: Vec<Alternative>,
}

impl Forecast {
    /// How sure the forecast is of `date`, when a period names it.
    #[must_use]
    pub fn certainty(&self, date: NaiveDate) -> Option<Certainty> {
        self.days.iter().find(|(d, _)| *d == date).map(|(_, c)| *c)
    }
}

/// The law in force: its longest working stretch next to a break.
fn stretch_limit(year: i32) -> usize {
    if year >= 2025 {
        6
    } else {
        7
    }
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn days_from(start: NaiveDate, count: u64) -> Vec<NaiveDate> {
    (0..count).map(|i| start + Days::new(i)).collect()
}

/// The `length`-day window holding every day of `within` with the fewest weekdays; on a
/// tie the latest.
fn best_window(within: &[NaiveDate], length: u64) -> Vec<NaiveDate> {
    let (Some(&first), Some(&last)) = (within.first(), within.last()) else {
        return Vec::new();
    };
    let span = u64::try_from((last - first).num_days()).unwrap_or(0) + 1;
    let earliest = first - Days::new(length.saturating_sub(span));
    let mut best: Option<(usize, Vec<NaiveDate>)> = None;
    for shift in 0..=length.saturating_sub(span) {
        let window = days_from(earliest + Days::new(shift), length);
        let weekdays = window.iter().filter(|d| !is_weekend(**d)).count();
        // `<=`: a later window wins a tie.
        if best.as_ref().is_none_or(|(fewest, _)| weekdays <= *fewest) {
            best = Some((weekdays, window));
        }
    }
    best.map(|(_, w)| w).unwrap_or_default()
}

/// R1 for a one-day festival on `day`.
fn one_day_break(day: NaiveDate) -> Vec<NaiveDate> {
    if day.weekday() == Weekday::Wed {
        vec![day]
    } else {
        best_window(&[day], 3)
    }
}

/// A break before its make-up days: the festivals, the days off, the statutory days.
struct Block {
    festivals: Vec<Festival>,
    off: Vec<NaiveDate>,
    statutory: Vec<NaiveDate>,
}

/// R1: every break of `year`, in date order.
fn blocks(year: i32) -> Vec<Block> {
    let law = |f: Festival| f.law_days(year);
    let mut out = Vec::new();
    let day = |f: Festival| f.statutory_day(year);
    // 元旦.
    if let Some(d) = day(Festival::NewYear) {
        out.push(Block {
            festivals: vec![Festival::NewYear],
            off: one_day_break(d),
            statutory: law(Festival::NewYear),
        });
    }
    // 春节: from 除夕 (初一 before 2008).
    if let Some(first) = lunar_to_solar(year, 1, 1) {
        let eve = first - Days::new(1);
        let off = match year {
            2025.. => days_from(eve, 8),
            2008.. => days_from(eve, 7),
            _ => days_from(first, 7),
        };
        out.push(Block {
            festivals: vec![Festival::SpringFestival],
            off,
            statutory: law(Festival::SpringFestival),
        });
    }
    for festival in [Festival::Qingming, Festival::DragonBoat] {
        if let (Some(d), false) = (day(festival), law(festival).is_empty()) {
            out.push(Block {
                festivals: vec![festival],
                off: one_day_break(d),
                statutory: law(festival),
            });
        }
    }
    // 劳动节.
    let labour = law(Festival::Labour);
    let labour_off = match year {
        2020.. => best_window(&labour, 5),
        2008.. => day(Festival::Labour).map(one_day_break).unwrap_or_default(),
        _ => day(Festival::Labour).map(|d| days_from(d, 7)).unwrap_or_default(),
    };
    if !labour.is_empty() {
        out.push(Block { festivals: vec![Festival::Labour], off: labour_off, statutory: labour });
    }
    // 中秋 and 国庆, merged when 中秋 falls on 09-28..10-08.
    let national = day(Festival::National);
    let mid_autumn = day(Festival::MidAutumn).filter(|_| !law(Festival::MidAutumn).is_empty());
    match (national, mid_autumn) {
        (Some(oct1), Some(moon)) if (oct1 - Days::new(3)..=oct1 + Days::new(7)).contains(&moon) => {
            let start = moon.min(oct1);
            let mut statutory = law(Festival::National);
            statutory.extend(law(Festival::MidAutumn));
            statutory.sort_unstable();
            out.push(Block {
                festivals: vec![Festival::National, Festival::MidAutumn],
                off: days_from(start, 8),
                statutory,
            });
        }
        (oct1, moon) => {
            if let Some(moon) = moon {
                out.push(Block {
                    festivals: vec![Festival::MidAutumn],
                    off: one_day_break(moon),
                    statutory: law(Festival::MidAutumn),
                });
            }
            if let Some(oct1) = oct1 {
                out.push(Block {
                    festivals: vec![Festival::National],
                    off: days_from(oct1, 7),
                    statutory: law(Festival::National),
                });
            }
        }
    }
    out.retain(|b| !b.off.is_empty());
    out.sort_by_key(|b| b.off[0]);
    out
}

/// The days off and make-up days known while placing: every break's days, the make-up
/// days placed so far.
struct Year<'a> {
    blocks: &'a [Block],
    work: Vec<NaiveDate>,
}

impl Year<'_> {
    fn in_break(&self, date: NaiveDate) -> bool {
        self.blocks.iter().any(|b| b.off.contains(&date))
    }

    fn is_off(&self, date: NaiveDate, extra_work: &[NaiveDate]) -> bool {
        if self.work.contains(&date) || extra_work.contains(&date) {
            return false;
        }
        self.in_break(date) || is_weekend(date)
    }

    /// The available weekend days on one side of a break, nearest weekend first, as many
    /// weekends as it takes to have `at_least` days.
    fn candidates(&self, from: NaiveDate, forward: bool, at_least: usize) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        let mut date = from;
        let mut weekends = 0;
        for _ in 0..60 {
            date = if forward { date + Days::new(1) } else { date - Days::new(1) };
            if !is_weekend(date) {
                if out.len() >= at_least && weekends > 0 {
                    break;
                }
                continue;
            }
            if self.in_break(date) || self.work.contains(&date) {
                continue;
            }
            out.push(date);
            weekends += 1;
        }
        out
    }

    /// The longest working stretch through `date` when `chosen` are workdays too.
    fn stretch(&self, date: NaiveDate, chosen: &[NaiveDate]) -> usize {
        if self.is_off(date, chosen) {
            return 0;
        }
        let mut length = 1;
        let mut d = date;
        while !self.is_off(d - Days::new(1), chosen) && length < 40 {
            d = d - Days::new(1);
            length += 1;
        }
        let mut d = date;
        while !self.is_off(d + Days::new(1), chosen) && length < 40 {
            d = d + Days::new(1);
            length += 1;
        }
        length
    }

    /// Whether `date` is a single working day between two days off.
    fn lone(&self, date: NaiveDate, chosen: &[NaiveDate]) -> bool {
        !self.is_off(date, chosen)
            && self.is_off(date - Days::new(1), chosen)
            && self.is_off(date + Days::new(1), chosen)
    }
}

/// How a placement of make-up days scores: lower is better.
type Score = (bool, bool, i64, usize);

/// The make-up days of `block` (R2, R3); with `lone_allowed`, rule R3(b) is dropped.
fn place(year: &Year<'_>, block: &Block, limit: usize, lone_allowed: bool) -> Vec<NaiveDate> {
    let weekdays = block.off.iter().filter(|d| !is_weekend(**d)).count();
    let needed = weekdays.saturating_sub(block.statutory.len());
    if needed == 0 {
        return Vec::new();
    }
    let (first, last) = (block.off[0], block.off[block.off.len() - 1]);
    let mut candidates = year.candidates(first, false, needed);
    candidates.extend(year.candidates(last, true, needed));
    candidates.sort_unstable();
    let mut best: Option<(Score, Vec<NaiveDate>)> = None;
    for chosen in subsets(&candidates, needed) {
        let too_long = {
            let before = first - Days::new(1);
            let after = last + Days::new(1);
            [before, after].iter().chain(chosen.iter()).any(|d| year.stretch(*d, &chosen) > limit)
        };
        let lone = !lone_allowed && chosen.iter().any(|d| year.lone(*d, &chosen));
        let distance: i64 = chosen
            .iter()
            .map(|d| if *d < first { (first - *d).num_days() } else { (*d - last).num_days() })
            .sum();
        let before = chosen.iter().filter(|d| **d < first).count();
        let score = (too_long, lone, distance, before);
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, chosen));
        }
    }
    best.map(|(_, c)| c).unwrap_or_default()
}

/// Every `k`-element subset of `items`, in order.
fn subsets(items: &[NaiveDate], k: usize) -> Vec<Vec<NaiveDate>> {
    if k == 0 {
        return vec![Vec::new()];
    }
    if items.len() < k {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, &first) in items.iter().enumerate() {
        for mut rest in subsets(&items[i + 1..], k - 1) {
            rest.insert(0, first);
            out.push(rest);
        }
    }
    out
}

/// R4: the weekend days next to a break that are not make-up days join it.
fn with_adjacent_weekends(year: &Year<'_>, off: &[NaiveDate]) -> Vec<NaiveDate> {
    let mut off = off.to_vec();
    let (Some(&first), Some(&last)) = (off.first(), off.last()) else { return off };
    let mut d = first - Days::new(1);
    while is_weekend(d) && !year.work.contains(&d) && !year.in_break(d) {
        off.insert(0, d);
        d = d - Days::new(1);
    }
    let mut d = last + Days::new(1);
    while is_weekend(d) && !year.work.contains(&d) && !year.in_break(d) {
        off.push(d);
        d = d + Days::new(1);
    }
    off
}

fn name_of(festivals: &[Festival]) -> String {
    festivals.iter().map(|f| f.name()).collect::<Vec<_>>().join("、")
}

/// The forecast of `year`'s arrangement, from the law in force that year and the
/// principles (R1–R4 above); it reads nothing of the year's own notice.
#[must_use]
pub fn forecast(year: i32) -> Forecast {
    let blocks = blocks(year);
    let limit = stretch_limit(year);
    let mut state = Year { blocks: &blocks, work: Vec::new() };
    let mut placed: Vec<Vec<NaiveDate>> = Vec::new();
    let mut alternatives_raw: Vec<(usize, Vec<NaiveDate>)> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let work = place(&state, block, limit, false);
        let other = place(&state, block, limit, true);
        if other != work {
            alternatives_raw.push((i, other));
        }
        state.work.extend(work.iter().copied());
        placed.push(work);
    }
    let mut periods = Vec::new();
    let mut days = Vec::new();
    for (block, work) in blocks.iter().zip(&placed) {
        let off = with_adjacent_weekends(&state, &block.off);
        let (first, last) = (off[0], off[off.len() - 1]);
        for d in &off {
            let certainty = if block.statutory.contains(d) {
                Certainty::Certain
            } else if *d == first || *d == last {
                Certainty::Guess
            } else {
                Certainty::Likely
            };
            days.push((*d, certainty));
        }
        days.extend(work.iter().map(|d| (*d, Certainty::Guess)));
        let mut work = work.clone();
        work.sort_unstable();
        periods.push(Period {
            name: name_of(&block.festivals),
            festivals: block.festivals.clone(),
            year,
            off,
            work,
            source: Source::Provisional,
            origin: None,
        });
    }
    let alternatives = alternatives_raw
        .into_iter()
        .map(|(i, work)| {
            let others: Vec<NaiveDate> = state
                .work
                .iter()
                .copied()
                .filter(|d| !placed[i].contains(d))
                .chain(work.iter().copied())
                .collect();
            let alt = Year { blocks: &blocks, work: others };
            let mut work = work;
            work.sort_unstable();
            Alternative {
                name: name_of(&blocks[i].festivals),
                off: with_adjacent_weekends(&alt, &blocks[i].off),
                work,
            }
        })
        .collect();
    Forecast { year, periods, days, alternatives }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn period<'a>(f: &'a Forecast, name: &str) -> &'a Period {
        f.periods.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no {name}"))
    }

    #[test]
    fn one_day_festivals_take_the_weekend_or_stay_on_a_wednesday() {
        let days = |s: &str| one_day_break(d(s));
        assert_eq!(days("2027-01-01"), vec![d("2027-01-01"), d("2027-01-02"), d("2027-01-03")]);
        assert_eq!(days("2027-06-09"), vec![d("2027-06-09")]);
        assert_eq!(days("2028-04-04")[0], d("2028-04-02"), "Tuesday: Sunday to Tuesday");
        assert_eq!(days("2027-04-05")[0], d("2027-04-03"), "Monday: Saturday to Monday");
        assert_eq!(days("2026-04-05")[0], d("2026-04-04"), "Sunday: Saturday to Monday");
    }

    #[test]
    fn the_2027_forecast_of_the_research() {
        let f = forecast(2027);
        let spring = period(&f, "春节");
        assert_eq!(
            (spring.off[0], *spring.off.last().unwrap()),
            (d("2027-02-05"), d("2027-02-13"))
        );
        assert_eq!(spring.work, vec![d("2027-01-31"), d("2027-02-14")]);
        let labour = period(&f, "劳动节");
        assert_eq!(
            (labour.off[0], *labour.off.last().unwrap()),
            (d("2027-05-01"), d("2027-05-05"))
        );
        assert_eq!(labour.work, vec![d("2027-05-08")]);
        let national = period(&f, "国庆节");
        assert_eq!(national.work, vec![d("2027-09-26"), d("2027-10-09")]);
        assert_eq!(period(&f, "端午节").off, vec![d("2027-06-09")]);
        // The tie the rules leave: 8 days with 02-13 a workday.
        let alt = f.alternatives.iter().find(|a| a.name == "春节").expect("an alternative");
        assert!(alt.work.contains(&d("2027-02-13")), "{alt:?}");
        assert_eq!(f.certainty(d("2027-02-06")), Some(Certainty::Certain));
        assert_eq!(f.certainty(d("2027-02-10")), Some(Certainty::Likely));
        assert_eq!(f.certainty(d("2027-02-14")), Some(Certainty::Guess));
    }

    #[test]
    fn national_day_merges_with_mid_autumn_into_eight_days() {
        let f = forecast(2028);
        let merged = period(&f, "国庆节、中秋节");
        assert_eq!(
            (merged.off[0], *merged.off.last().unwrap()),
            (d("2028-10-01"), d("2028-10-08"))
        );
        assert_eq!(merged.work, vec![d("2028-09-30")]);
    }
}
