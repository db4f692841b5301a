//! The anchors that need more than a value: lunar days, solar terms, repeat rules,
//! RRULEs, month lists.

use crate::t;
use toml::Spanned;

use super::{suggest, Validator};
use crate::config::raw::{RawEvent, Str};
use crate::config::values;
use crate::dates::{Fu, SolarTerm, TERM_NAMES};
use crate::model::{Anchor, Months};

pub(super) fn lunar(v: &mut Validator<'_>, value: &Str) -> Option<Anchor> {
    let (month, day) = v.value(value, values::lunar_day)?;
    Some(Anchor::Lunar { month, day })
}

pub(super) fn term(v: &mut Validator<'_>, value: &Str) -> Option<Anchor> {
    let name = value.get_ref().trim();
    if let Some(term) = SolarTerm::from_name(name) {
        return Some(Anchor::Term(term));
    }
    if let Some(fu) = Fu::from_name(name) {
        return Some(Anchor::Fu(fu));
    }
    let all = TERM_NAMES.iter().copied().chain(["初伏", "中伏", "末伏"]);
    let help = match suggest(name, all) {
        Some(best) => t!("did-you-mean", best = best),
        None => t!("term-unknown-help"),
    };
    v.error(value.span(), t!("term-unknown", name = name), help);
    None
}

pub(super) fn repeat(v: &mut Validator<'_>, e: &RawEvent) -> Option<Anchor> {
    let value = e.repeat.as_ref()?;
    match value.get_ref().as_str() {
        "daily" => Some(Anchor::Daily),
        "weekly" => {
            let Some(list) = &e.weekdays else {
                v.error(
                    value.span(),
                    t!("weekly-needs-weekdays"),
                    t!("weekly-needs-weekdays-help"),
                );
                return None;
            };
            let mut days: Vec<_> =
                list.get_ref().iter().filter_map(|d| v.value(d, values::weekday)).collect();
            if list.get_ref().is_empty() {
                v.error(list.span(), t!("weekdays-empty"), t!("weekdays-empty-help"));
            }
            days.sort_by_key(chrono::Weekday::num_days_from_monday);
            days.dedup();
            Some(Anchor::Weekly(days))
        }
        "monthly" => match (&e.day, &e.weekday, &e.nth) {
            (Some(day), None, None) => {
                let n = v.int(day, "day", -31..=31)?;
                if n == 0 {
                    v.error(day.span(), t!("day-zero"), t!("day-zero-help"));
                    return None;
                }
                Some(Anchor::MonthlyDay(n as i32))
            }
            (None, Some(weekday), Some(nth)) => {
                let wd = v.value(weekday, values::weekday)?;
                let n = v.int(nth, "nth", -5..=5)?;
                if n == 0 {
                    v.error(nth.span(), t!("nth-zero"), t!("nth-zero-help"));
                    return None;
                }
                Some(Anchor::MonthlyNth { weekday: wd, nth: n as i32 })
            }
            (None, Some(w), None) => {
                v.error(w.span(), t!("weekday-needs-nth"), t!("weekday-needs-nth-help"));
                None
            }
            (None, None, Some(n)) => {
                v.error(n.span(), t!("nth-needs-weekday"), t!("nth-needs-weekday-help"));
                None
            }
            (Some(d), _, _) if e.weekday.is_some() || e.nth.is_some() => {
                v.error(d.span(), t!("day-and-weekday"), t!("day-and-weekday-help"));
                None
            }
            _ => {
                v.error(value.span(), t!("monthly-needs-day"), t!("monthly-needs-day-help"));
                None
            }
        },
        other => {
            let help = match suggest(other, ["daily", "weekly", "monthly"]) {
                Some(best) => t!("did-you-mean", best = best),
                None if other == "yearly" || other == "annually" => t!("repeat-yearly-help"),
                None => t!("repeat-unknown-help"),
            };
            v.error(value.span(), t!("repeat-unknown", name = other), help);
            None
        }
    }
}

pub(super) fn rrule(v: &mut Validator<'_>, value: &Str) -> Option<Anchor> {
    let text = value.get_ref().trim();
    let text = text.strip_prefix("RRULE:").unwrap_or(text);
    if text.contains("DTSTART") || text.contains('\n') {
        v.error(value.span(), t!("rrule-only"), t!("rrule-only-help"));
        return None;
    }
    let normalized = normalize_rrule(text);
    let text = normalized.as_str();
    // A start before every supported year, so that no UNTIL falls before it.
    let dtstart = {
        use chrono::TimeZone;
        rrule::Tz::UTC.with_ymd_and_hms(1900, 1, 1, 0, 0, 0).single()?
    };
    let checked = text
        .parse::<rrule::RRule<rrule::Unvalidated>>()
        .and_then(|rule| rule.clone().validate(dtstart).map(|_| rule));
    match checked {
        Ok(rule) => Some(Anchor::RRule(Box::new(rule))),
        Err(error) => {
            v.error(value.span(), rrule_message(&error), t!("rrule-invalid-help"));
            None
        }
    }
}

/// What is wrong with a rule, in the user's language: the part named and what it may be.
fn rrule_message(error: &rrule::RRuleError) -> String {
    use rrule::ParseError as P;
    let part = |name: &str, value: &str| t!("rrule-bad-part", part = name, value = value);
    match error {
        rrule::RRuleError::ParserError(e) => match e {
            P::InvalidFrequency(value) => t!("rrule-bad-frequency", value = value),
            P::InvalidWeekday(value) | P::InvalidWeekdayStart(value) => {
                t!("rrule-bad-weekday", value = value)
            }
            P::InvalidInterval(value) => part("INTERVAL", value),
            P::InvalidCount(value) => part("COUNT", value),
            P::InvalidByHour(value) => part("BYHOUR", value),
            P::InvalidByWeekNo(value) => part("BYWEEKNO", value),
            P::InvalidByYearDay(value) => part("BYYEARDAY", value),
            P::InvalidByMonthDay(value) => part("BYMONTHDAY", value),
            P::InvalidByMonth(value) => part("BYMONTH", value),
            P::InvalidByMinute(value) => part("BYMINUTE", value),
            P::InvalidBySecond(value) => part("BYSECOND", value),
            P::InvalidBySetPos(value) => part("BYSETPOS", value),
            P::InvalidByEaster(value) => part("BYEASTER", value),
            P::InvalidDateTimeFormat(value) => part("UNTIL", value),
            P::MissingProperty(name) => t!("rrule-missing-part", part = name),
            P::DuplicateProperty(name) => t!("rrule-twice", part = name),
            P::InvalidParameterFormat(name)
            | P::UnrecognizedParameter(name)
            | P::UnrecognizedPropertyName(name)
            | P::PropertyParametersNotSupported(name) => t!("rrule-unknown-part", part = name),
            _ => t!("rrule-invalid-other"),
        },
        rrule::RRuleError::ValidationError(_) | rrule::RRuleError::IterError(_) => {
            t!("rrule-impossible")
        }
    }
}

/// Occurrences are days, so an `UNTIL` given as a date (`UNTIL=20270301`, as RFC 5545
/// writes it for date rules) or a floating time means the end of that day.
pub(super) fn normalize_rrule(text: &str) -> String {
    text.split(';')
        .map(|part| match part.split_once('=') {
            Some((key, value)) if key.eq_ignore_ascii_case("UNTIL") => {
                let value = value.trim();
                if value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()) {
                    format!("UNTIL={value}T235959Z")
                } else if value.len() == 15 && !value.ends_with('Z') {
                    format!("UNTIL={value}Z")
                } else {
                    part.to_string()
                }
            }
            _ => part.to_string(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

pub(super) fn months(v: &mut Validator<'_>, value: &Spanned<toml::Value>) -> Option<Months> {
    let help = || t!("months-help");
    match value.get_ref() {
        toml::Value::String(s) => {
            v.value(&Spanned::new(value.span(), s.clone()), values::months_text)
        }
        toml::Value::Array(items) if !items.is_empty() => {
            let mut set = Months::default();
            for item in items {
                match item {
                    toml::Value::Integer(m @ 1..=12) => set.0 |= 1 << m,
                    toml::Value::Integer(m) => {
                        v.error(value.span(), t!("month-out-of-range", month = m), help());
                        return None;
                    }
                    toml::Value::String(s) => {
                        set.0 |=
                            v.value(&Spanned::new(value.span(), s.clone()), values::months_text)?.0
                    }
                    _ => {
                        v.error(value.span(), t!("months-numbers"), help());
                        return None;
                    }
                }
            }
            Some(set)
        }
        _ => {
            v.error(value.span(), t!("months-empty"), help());
            None
        }
    }
}
