//! Care work (关怀工作) from the member roster: birthdays (生日慰问, lunar ones included),
//! retirements (退休欢送, under the 2024 decision) and visits (走访慰问, 五必访), dated with
//! the same engine as the activities. Names, birthdays and ID numbers are personal data:
//! they go only to the private outputs (`care.xlsx`, `care.ics`, `list --private`); the
//! public ones carry counts, and names only of members who agreed (同意公开 = 是).

mod dates;
mod idcard;
pub mod roster;
mod sheet;

use chrono::{Datelike, NaiveDate};

pub use roster::{read, Member, Outcome, Problem, Roster};

use crate::model::Calendar;
use crate::schedule::Schedule;

/// What a care entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A birthday.
    Birthday,
    /// The first day of a member's statutory retirement month.
    Retirement,
    /// A member to visit on a visit's occurrence.
    Visit,
}

impl Kind {
    /// The word scripts read (`list --private --format json`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Birthday => "birthday",
            Self::Retirement => "retirement",
            Self::Visit => "visit",
        }
    }
}

/// One dated piece of care work for one member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Birthday, retirement or visit.
    pub kind: Kind,
    /// The member (an index into [`Roster::members`]).
    pub member: usize,
    /// The day.
    pub date: NaiveDate,
    /// A lunar birthday.
    pub lunar: bool,
    /// The age turned (birthdays with a known birth year).
    pub age: Option<u32>,
    /// The visit's event id.
    pub visit: Option<String>,
}

/// Whether `member` belongs to the group `who` (every column holds one of its values).
#[must_use]
pub fn matches(roster: &Roster, member: &Member, who: &[(String, Vec<String>)]) -> bool {
    who.iter().all(|(column, values)| values.iter().any(|v| roster.value(member, column) == v))
}

/// The most care entries one range may make: ten years of birthdays of 50,000 members. Past
/// it (a weekly visit to every member, a range of decades) the work and its workbook would
/// take gigabytes; it is refused before any is done.
pub const MAX_ENTRIES: usize = 500_000;

/// The care work is more than [`MAX_ENTRIES`]: how many, and the visit that makes most.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooMany {
    /// The entries the range would make, at most.
    pub count: usize,
    /// The visit with the most entries, and its number of entries.
    pub visit: Option<(String, usize)>,
}

/// Count the entries [`entries`] would make, at most, from the group sizes and the number
/// of occurrences and years alone.
///
/// # Errors
///
/// [`TooMany`] when they are over [`MAX_ENTRIES`].
pub fn within_limit(
    calendar: &Calendar,
    roster: &Roster,
    schedule: &Schedule,
) -> Result<(), TooMany> {
    let Some(care) = &calendar.care else { return Ok(()) };
    let years = usize::try_from(schedule.to.year() - schedule.from.year() + 1).unwrap_or(1);
    let members = roster.members.len();
    // A lunar birthday can come twice in a year (冬月, 腊月), a Gregorian one once.
    let lunar = roster.members.iter().filter(|m| m.lunar.is_some()).count();
    let birthdays = (members + lunar).saturating_mul(years);
    let mut count = if care.birthdays.is_some() { birthdays } else { 0 };
    count += if care.retirement.is_some() { members } else { 0 };
    let mut biggest: Option<(String, usize)> = None;
    for visit in &care.visits {
        let Some(event) = calendar.events.iter().position(|e| e.id == visit.id) else { continue };
        let group = roster.members.iter().filter(|m| matches(roster, m, &visit.who)).count();
        let times = schedule.occurrences.iter().filter(|o| o.event == event).count();
        let made = group.saturating_mul(times);
        count = count.saturating_add(made);
        if biggest.as_ref().is_none_or(|(_, most)| made > *most) {
            biggest = Some((visit.id.clone(), made));
        }
    }
    if count > MAX_ENTRIES {
        return Err(TooMany { count, visit: biggest });
    }
    Ok(())
}

/// Every birthday, retirement and visit of the roster in the schedule's range, sorted by
/// date, kind and member key. Call [`within_limit`] first.
#[must_use]
pub fn entries(calendar: &Calendar, roster: &Roster, schedule: &Schedule) -> Vec<Entry> {
    let Some(care) = &calendar.care else { return Vec::new() };
    let (from, to) = (schedule.from, schedule.to);
    let mut out = Vec::new();
    if care.birthdays.is_some() {
        for (index, member) in roster.members.iter().enumerate() {
            let (days, lunar) = match (member.lunar, member.birth) {
                (Some(day), _) => (dates::lunar_birthdays(day, from, to), true),
                (None, Some(birth)) => {
                    (dates::gregorian_birthdays(birth.month(), birth.day(), from, to), false)
                }
                (None, None) => (Vec::new(), false),
            };
            for date in days {
                let age = member.birth.and_then(|b| dates::age_on(b, date, lunar));
                out.push(Entry {
                    kind: Kind::Birthday,
                    member: index,
                    date,
                    lunar,
                    age,
                    visit: None,
                });
            }
        }
    }
    if care.retirement.is_some() {
        for (index, member) in roster.members.iter().enumerate() {
            let (Some(original), Some(birth)) = (member.original_age, member.birth_month) else {
                continue;
            };
            if member.status != "在职" {
                continue;
            }
            let (year, month) = dates::retirement_month(original, birth);
            let Some(date) = NaiveDate::from_ymd_opt(year, month, 1) else { continue };
            if (from..=to).contains(&date) {
                let age = Some(dates::statutory_age_months(original, birth) / 12);
                out.push(Entry {
                    kind: Kind::Retirement,
                    member: index,
                    date,
                    lunar: false,
                    age,
                    visit: None,
                });
            }
        }
    }
    for visit in &care.visits {
        let Some(event) = calendar.events.iter().position(|e| e.id == visit.id) else { continue };
        let group: Vec<usize> = roster
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| matches(roster, m, &visit.who))
            .map(|(i, _)| i)
            .collect();
        for occurrence in schedule.occurrences.iter().filter(|o| o.event == event) {
            out.extend(group.iter().map(|&member| Entry {
                kind: Kind::Visit,
                member,
                date: occurrence.date,
                lunar: false,
                age: None,
                visit: Some(visit.id.clone()),
            }));
        }
    }
    out.sort_by(|a, b| {
        (a.date, a.kind, &roster.members[a.member].key).cmp(&(
            b.date,
            b.kind,
            &roster.members[b.member].key,
        ))
    });
    out
}

/// The statutory retirement age of `member`, in years and months, when it can be told.
#[must_use]
pub fn statutory_age(member: &Member) -> Option<(u32, u32)> {
    let months = dates::statutory_age_months(member.original_age?, member.birth_month?);
    Some((months / 12, months % 12))
}

/// The retirement month of `member`, when it can be told.
#[must_use]
pub fn retirement_month(member: &Member) -> Option<(i32, u32)> {
    Some(dates::retirement_month(member.original_age?, member.birth_month?))
}

/// The care stage after the schedule: the roster's counts on the public activities, as
/// data the emitters format. Each visit counts the members it visits ("共 36 人"), each
/// month of the birthday party the members with a birthday in it ("本月生日会员 23 人"),
/// with the names of those who agreed to be named. No other personal data leaves here.
pub fn count_on(calendar: &Calendar, roster: &Roster, schedule: &mut Schedule) {
    let Some(care) = &calendar.care else { return };
    let mut counts = crate::schedule::CareCounts::default();
    for visit in &care.visits {
        let Some(event) = calendar.events.iter().position(|e| e.id == visit.id) else { continue };
        let count = roster.members.iter().filter(|m| matches(roster, m, &visit.who)).count();
        counts.visits.push((event, count));
    }
    if care.birthdays.is_none() {
        schedule.counts = counts;
        return;
    }
    let month_start = |d: NaiveDate| d.with_day(1).unwrap_or(d);
    let from = month_start(schedule.from);
    let to = month_start(schedule.to)
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(schedule.to);
    let mut by_month: std::collections::BTreeMap<(i32, u32), Vec<usize>> = Default::default();
    for (index, member) in roster.members.iter().enumerate() {
        let days = match (member.lunar, member.birth) {
            (Some(day), _) => dates::lunar_birthdays(day, from, to),
            (None, Some(b)) => dates::gregorian_birthdays(b.month(), b.day(), from, to),
            (None, None) => Vec::new(),
        };
        for d in days {
            by_month.entry((d.year(), d.month())).or_default().push(index);
        }
    }
    schedule.birthdays = by_month.iter().map(|(month, members)| (*month, members.len())).collect();
    let party = care.birthdays.as_ref().and_then(|b| b.party.as_deref());
    counts.party = party.and_then(|party| calendar.events.iter().position(|e| e.id == party));
    counts.party_months = by_month
        .into_iter()
        .map(|(month, members)| {
            let named = members
                .iter()
                .map(|&i| &roster.members[i])
                .filter(|m| m.consent)
                .map(|m| m.name.clone())
                .collect();
            (month, (members.len(), named))
        })
        .collect();
    schedule.counts = counts;
}
