//! One `[[events]]` table: its anchor, timing, limits and changes, into an `Event`.

use crate::t;
use std::ops::Range;

use toml::Spanned;

use super::anchors::{lunar, months, repeat, rrule, term};
use super::header::{file_name_problem, is_key, reminders, shift, Defaults};
use super::timing::{change, timing};
use super::{suggest, Validator};
use crate::config::raw::RawEvent;
use crate::config::values;
use crate::dates::Festival;
use crate::error::Location;
use crate::model::{
    Anchor, Calendar, Change, DateSpec, Edition, Event, EveryYears, ExceptDate, Months,
};

/// The anchor keys; an event has exactly one of them (or `month`/`months` alone).
pub(super) fn anchor_keys(e: &RawEvent) -> Vec<(&'static str, Range<usize>)> {
    [
        ("date", &e.date),
        ("lunar", &e.lunar),
        ("term", &e.term),
        ("holiday", &e.holiday),
        ("repeat", &e.repeat),
        ("rrule", &e.rrule),
    ]
    .into_iter()
    .filter_map(|(key, value)| value.as_ref().map(|v| (key, v.span())))
    .collect()
}

/// One `[[events]]` table, checked, with the defaults applied; `None` when it has errors
/// (all reported). It reads as the steps: who it is, what day, which keys fit that day,
/// timing, limits, exceptions and changes.
pub(super) fn event(
    v: &mut Validator<'_>,
    raw: &Spanned<RawEvent>,
    defaults: &Defaults,
    calendar: &Calendar,
) -> Option<Event> {
    let e = raw.get_ref();
    let errors_before = v.errors.len();
    let table_span = raw.span();
    let (id, title, origin) = identity(v, e, &table_span, calendar);

    // Several anchors: reported, and nothing more is checked.
    let anchor = anchor(v, e, &id, table_span.clone()).ok()?;
    let month_task = matches!(anchor, Some(Anchor::MonthTask(_)));

    misplaced_keys(v, e, month_task);

    // Timing.
    let days = e.days.as_ref().and_then(|d| v.int(d, "days", 1..=366)).map_or(1, |d| d as u32);
    let timing = timing(v, e, defaults.minutes);
    let offset = e.offset.as_ref().and_then(|o| {
        let offset = v.value(o, values::offset)?;
        if offset.days.abs() > 3660 || offset.workdays.abs() > 2500 {
            v.error(o.span(), t!("offset-too-far"), t!("offset-too-far-help"));
            return None;
        }
        Some(offset)
    });

    // Repetition limits.
    let interval =
        e.interval.as_ref().and_then(|i| v.int(i, "interval", 1..=999)).map_or(1, |i| i as u32);
    let start = e.start.as_ref().and_then(|s| v.value(s, values::date_spec));
    let until = e.until.as_ref().and_then(|s| v.value(s, values::date_spec));
    if let (Some(DateSpec::Full(s)), Some(DateSpec::Full(u)), Some(span)) =
        (start, until, e.until.as_ref().map(Spanned::span))
    {
        if u < s {
            v.error(
                span,
                t!("until-before-start", until = u, start = s),
                t!("until-before-start-help"),
            );
        }
    }
    if interval > 1 && e.start.is_none() {
        v.error(
            e.interval.as_ref().map_or(table_span.clone(), Spanned::span),
            t!("interval-needs-start"),
            t!("interval-needs-start-help"),
        );
    }
    let months_filter =
        if month_task { None } else { e.months.as_ref().and_then(|m| months(v, m)) };
    let (edition, every_years) = edition_and_cycle(v, e, &title);
    let (except, also) = exceptions(v, e);
    let changes: Vec<Change> = e.changes.iter().filter_map(|c| change(v, c, month_task)).collect();
    let shift_value = e.shift.as_ref().and_then(|s| shift(v, s));

    if v.errors.len() > errors_before {
        return None;
    }
    Some(Event {
        id,
        title: title.into(),
        category: e.category.as_ref().map(|c| c.get_ref().clone()),
        location: Validator::text(e.location.as_ref())
            .or_else(|| defaults.location.clone())
            .map(Into::into),
        organizer: Validator::text(e.organizer.as_ref())
            .or_else(|| defaults.organizer.clone())
            .map(Into::into),
        audience: Validator::text(e.audience.as_ref())
            .or_else(|| defaults.audience.clone())
            .map(Into::into),
        description: Validator::text(e.description.as_ref()).map(Into::into),
        reminders: e
            .reminder
            .as_ref()
            .map_or_else(|| defaults.reminders.clone(), |r| reminders(v, r)),
        shift: shift_value.or(defaults.shift).unwrap_or_default(),
        shift_given: e.shift.is_some() || defaults.shift.is_some(),
        anchor: anchor?,
        offset: offset.unwrap_or_default(),
        days,
        timing,
        default_minutes: defaults.minutes,
        interval,
        start,
        until,
        months: months_filter,
        workdays_only: e.workdays_only.as_ref().is_some_and(|w| *w.get_ref()),
        every_years,
        edition,
        except,
        also,
        changes,
        origin,
    })
}

/// The event's one anchor: which day its occurrences are on. `Err` when it has several
/// (an error is reported; the rest of the event is not checked then), `Ok(None)` when the
/// anchor it has is not valid.
fn anchor(
    v: &mut Validator<'_>,
    e: &RawEvent,
    id: &str,
    table_span: Range<usize>,
) -> Result<Option<Anchor>, ()> {
    let keys = anchor_keys(e);
    if keys.len() > 1 {
        let names: Vec<String> = keys.iter().map(|(k, _)| format!("`{k}`")).collect();
        v.error(
            keys[1].1.clone(),
            t!("anchors-several", id = id, names = names.join(&t!("and"))),
            t!("anchors-several-help"),
        );
        return Err(());
    }
    let anchor_key = keys.first().map(|(k, _)| *k);
    Ok(match anchor_key {
        Some("date") => {
            e.date.as_ref().and_then(|d| v.value(d, values::date_spec)).map(|d| match d {
                DateSpec::Full(date) => Anchor::Once(date),
                DateSpec::Annual { month, day } => Anchor::Annual { month, day },
            })
        }
        Some("lunar") => e.lunar.as_ref().and_then(|l| lunar(v, l)),
        Some("term") => e.term.as_ref().and_then(|t| term(v, t)),
        Some("holiday") => e.holiday.as_ref().and_then(|h| {
            let found = Festival::from_name(h.get_ref());
            if found.is_none() {
                let names = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"];
                v.error(
                    h.span(),
                    t!("holiday-unknown", name = h.get_ref()),
                    t!("holiday-unknown-help", names = names.join(" ")),
                );
            }
            found.map(Anchor::Holiday)
        }),
        Some("repeat") => repeat(v, e),
        Some("rrule") => e.rrule.as_ref().and_then(|r| rrule(v, r)),
        _ => match (&e.month, &e.months) {
            (Some(m), None) => v.int(m, "month", 1..=12).map(|m| Anchor::MonthTask(Months(1 << m))),
            (None, Some(ms)) => months(v, ms).map(Anchor::MonthTask),
            (Some(_), Some(ms)) => {
                v.error(ms.span(), t!("month-and-months"), t!("month-and-months-help"));
                None
            }
            (None, None) => {
                v.error(table_span.clone(), t!("anchor-none", id = id), t!("anchor-none-help"));
                None
            }
        },
    })
}

/// Keys that belong to one kind of anchor only, given to another.
fn misplaced_keys(v: &mut Validator<'_>, e: &RawEvent, month_task: bool) {
    let repeat_kind = e.repeat.as_ref().map(|r| r.get_ref().as_str());
    let misplaced: [(&str, Option<Range<usize>>, bool, &str); 6] = [
        (
            "weekdays",
            e.weekdays.as_ref().map(Spanned::span),
            repeat_kind == Some("weekly"),
            "misplaced-weekdays",
        ),
        ("day", e.day.as_ref().map(Spanned::span), repeat_kind == Some("monthly"), "misplaced-day"),
        (
            "weekday",
            e.weekday.as_ref().map(Spanned::span),
            repeat_kind == Some("monthly"),
            "misplaced-weekday",
        ),
        ("nth", e.nth.as_ref().map(Spanned::span), repeat_kind == Some("monthly"), "misplaced-nth"),
        (
            "interval",
            e.interval.as_ref().map(Spanned::span),
            e.repeat.is_some(),
            if e.rrule.is_some() { "misplaced-interval-rrule" } else { "misplaced-interval" },
        ),
        ("month", e.month.as_ref().map(Spanned::span), month_task, "misplaced-month"),
    ];
    for (key, span, allowed, help) in misplaced {
        if let (Some(span), false) = (span, allowed) {
            v.error(span, t!("key-does-not-apply", key = key), crate::messages::text(help, &[]));
        }
    }
}

/// `edition` (numbering for `{edition}`) and `every_years`/`since` (a rule that happens
/// every N years), checked together: a cycle counts from `since`, else the edition's year.
fn edition_and_cycle(
    v: &mut Validator<'_>,
    e: &RawEvent,
    title: &str,
) -> (Option<Edition>, Option<EveryYears>) {
    let edition = e.edition.as_ref().and_then(|ed| {
        let raw = ed.get_ref();
        match (&raw.number, &raw.year) {
            (Some(n), Some(y)) => Some(Edition {
                number: v.int(n, "edition.number", 0..=1_000_000)?,
                year: i32::try_from(v.int(y, "edition.year", 1..=9999)?).ok()?,
            }),
            _ => {
                v.error(ed.span(), t!("edition-incomplete"), t!("edition-incomplete-help"));
                None
            }
        }
    });
    for placeholder in ["{edition}", "{edition_num}"] {
        if title.contains(placeholder) && e.edition.is_none() {
            if let Some(t) = &e.title {
                v.error(
                    t.span(),
                    t!("edition-missing", placeholder = placeholder),
                    t!("edition-missing-help"),
                );
            }
        }
    }
    let every_years = e.every_years.as_ref().and_then(|n| {
        let every = i32::try_from(v.int(n, "every_years", 1..=100)?).ok()?;
        let since = match (&e.since, edition) {
            (Some(s), _) => i32::try_from(v.int(s, "since", 1..=9999)?).ok()?,
            (None, Some(ed)) => ed.year,
            (None, None) => {
                v.error(
                    n.span(),
                    t!("every-years-needs-since"),
                    t!("every-years-needs-since-help"),
                );
                return None;
            }
        };
        Some(EveryYears { every, since })
    });
    if let (Some(s), None) = (&e.since, &e.every_years) {
        v.error(s.span(), t!("since-alone"), t!("since-alone-help"));
    }
    (edition, every_years)
}

/// `except` (days, every year's days, or a month task's months) and `also`.
fn exceptions(v: &mut Validator<'_>, e: &RawEvent) -> (Vec<ExceptDate>, Vec<DateSpec>) {
    let except: Vec<ExceptDate> = e
        .except
        .as_ref()
        .map(|list| {
            list.get_ref()
                .iter()
                .filter_map(|d| match values::year_month(d.get_ref()) {
                    Some((y, m)) => Some(ExceptDate::Month(y, m)),
                    None => v.value(d, values::date_spec).map(ExceptDate::Day),
                })
                .collect()
        })
        .unwrap_or_default();
    let also: Vec<DateSpec> = e
        .also
        .as_ref()
        .map(|list| list.get_ref().iter().filter_map(|d| v.value(d, values::date_spec)).collect())
        .unwrap_or_default();
    (except, also)
}

/// The event's `id`, `title` and where it is written; its `category` checked.
fn identity(
    v: &mut Validator<'_>,
    e: &RawEvent,
    table_span: &Range<usize>,
    calendar: &Calendar,
) -> (String, String, Location) {
    let id = match &e.id {
        Some(id) if is_key(id.get_ref()) => {
            if let Some(message) = file_name_problem(id.get_ref()) {
                v.error(id.span(), message, t!("id-invalid-help"));
            }
            id.get_ref().clone()
        }
        Some(id) => {
            v.error(id.span(), t!("id-invalid", id = id.get_ref()), t!("id-invalid-help"));
            String::new()
        }
        None => {
            v.error(table_span.clone(), t!("id-missing"), t!("id-missing-help"));
            String::new()
        }
    };
    let origin = v.at(e.id.as_ref().map_or(table_span.clone(), Spanned::span));
    let title = match Validator::text(e.title.as_ref()) {
        Some(t) => t,
        None => {
            v.error(
                e.title.as_ref().map_or(table_span.clone(), Spanned::span),
                t!("title-missing", id = id),
                t!("title-missing-help"),
            );
            String::new()
        }
    };
    if let Some(category) = &e.category {
        if calendar.category(category.get_ref()).is_none() {
            let keys = calendar.categories.iter().map(|c| c.key.as_str());
            let help = match suggest(category.get_ref(), keys) {
                Some(best) => t!("did-you-mean", best = best),
                None => t!("category-unknown-help", key = category.get_ref()),
            };
            v.error(category.span(), t!("category-unknown", key = category.get_ref()), help);
        }
    }
    (id, title, origin)
}
