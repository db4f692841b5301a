//! From the raw TOML mirror to the model: every value checked, defaults applied, every
//! problem reported with its place in the file.

use crate::t;

use toml::Spanned;

mod anchors;
mod event;
mod header;
mod timing;

pub(crate) use header::MAX_KEY;

use super::raw::{RawFile, Str};
use super::validator::suggest;
use super::validator::{parse_errors, Validator};
use crate::error::{Diagnostic, SourceFile};
use crate::model::Calendar;
use event::event;
use header::{categories, header, Defaults};

/// Validate the whole file.
pub(super) fn calendar(
    source: &SourceFile,
    stem: &str,
    base: &std::path::Path,
) -> Result<Calendar, Vec<Diagnostic>> {
    let raw: RawFile = toml::from_str(&source.text).map_err(|e| parse_errors(source, &e))?;
    let mut v = Validator { source, errors: Vec::new() };
    let Some(raw_calendar) = &raw.calendar else {
        return Err(vec![Diagnostic::error(t!("no-calendar-table"), Some(source.locate(0..0)))
            .with_help(t!("no-calendar-table-help"))]);
    };
    lengths(&mut v, &raw);
    let mut calendar = header(&mut v, raw_calendar, stem);
    let defaults = Defaults::new(&mut v, raw.defaults.as_ref());
    calendar.categories = categories(&mut v, &raw);
    if let Some(holidays) = &raw.holidays {
        calendar.holidays = super::holidays::rules(&mut v, holidays, base);
    }
    if let Some(plan) = &raw.plan {
        calendar.plan = super::plan::settings(&mut v, plan);
    }
    // The file's own year must fit its holidays: say so where the year is written.
    if let (Some(year), Some(written)) = (calendar.year, &raw_calendar.get_ref().year) {
        if calendar.holidays.region == crate::dates::Region::Cn
            && year < crate::dates::CN_FIRST_YEAR
        {
            v.error(
                written.span(),
                t!("cn-too-early", first = crate::dates::CN_FIRST_YEAR, year = year),
                t!("cn-too-early-help"),
            );
        }
    }
    if let Some(care) = &raw.care {
        calendar.care = super::care::settings(&mut v, care, base);
    }
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let visits = raw.care.as_ref().map(|c| c.visits.as_slice()).unwrap_or_default();
    for raw_event in raw.events.iter().chain(visits) {
        let is_visit = visits.iter().any(|vis| std::ptr::eq(vis, raw_event));
        let raw_who = raw_event.get_ref().who.as_ref();
        if !is_visit {
            if let Some(who) = raw_who {
                v.error(who.span(), t!("care-who-outside"), t!("care-who-outside-help"));
            }
        }
        if let Some(event) = event(&mut v, raw_event, &defaults, &calendar) {
            if let Some(line) = seen.get(&event.id) {
                let span = raw_event.get_ref().id.as_ref().map_or(raw_event.span(), Spanned::span);
                v.error(span, t!("id-twice", id = event.id), t!("id-twice-help", line = line));
                continue;
            }
            seen.insert(event.id.clone(), event.origin.line);
            if is_visit {
                let visit = super::care::who(&mut v, raw_who, &event.id, raw_event.span());
                if let (Some(care), Some(visit)) = (calendar.care.as_mut(), visit) {
                    care.visits.push(visit);
                }
            }
            calendar.events.push(event);
        }
    }
    if let Some(care) = &raw.care {
        super::care::check_party(&mut v, care, &calendar);
    }
    if v.errors.is_empty() {
        Ok(calendar)
    } else {
        Err(v.errors)
    }
}

/// The longest short text (a name, title, place, organizer, audience, label), in
/// characters: 32 lines of a printed page; it also keeps every spreadsheet cell and the
/// page header within Excel's limits.
pub(crate) const MAX_TEXT: usize = 500;
/// The longest long text (a description, the plan's introduction or a section's body).
pub(crate) const MAX_LONG_TEXT: usize = 10_000;

/// Every text of the file within its limit, each refused at its line.
fn lengths(v: &mut Validator<'_>, raw: &RawFile) {
    let mut add = |values: &[&Option<Str>], max: usize| {
        for value in values.iter().filter_map(|value| value.as_ref()) {
            let length = value.get_ref().chars().count();
            if length > max {
                v.error(
                    value.span(),
                    t!("text-too-long", length = length, max = max),
                    t!("text-too-long-help"),
                );
            }
        }
    };
    if let Some(c) = &raw.calendar {
        let c = c.get_ref();
        add(&[&c.name, &c.url], MAX_TEXT);
        add(&[&c.description], MAX_LONG_TEXT);
    }
    if let Some(d) = &raw.defaults {
        add(&[&d.location, &d.organizer, &d.audience], MAX_TEXT);
    }
    for category in raw.categories.values() {
        add(&[&category.get_ref().label], MAX_TEXT);
    }
    if let Some(plan) = &raw.plan {
        add(&[&plan.title, &plan.signature], MAX_TEXT);
        add(&[&plan.intro], MAX_LONG_TEXT);
        for section in &plan.sections {
            add(&[&section.get_ref().title], MAX_TEXT);
            add(&[&section.get_ref().body], MAX_LONG_TEXT);
        }
    }
    for event in &raw.events {
        let e = event.get_ref();
        add(&[&e.title, &e.location, &e.organizer, &e.audience], MAX_TEXT);
        add(&[&e.description], MAX_LONG_TEXT);
        for change in &e.changes {
            let c = change.get_ref();
            add(&[&c.title, &c.location], MAX_TEXT);
            add(&[&c.description], MAX_LONG_TEXT);
        }
    }
}
