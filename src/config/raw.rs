//! The calendar file exactly as TOML gives it: a serde mirror with every table closed to
//! unknown keys and every value spanned, so that validation can point at it.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// A spanned string.
pub(crate) type Str = Spanned<String>;
/// A spanned list of spanned strings.
pub(crate) type StrList = Spanned<Vec<Str>>;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    pub(crate) calendar: Option<Spanned<RawCalendar>>,
    pub(crate) defaults: Option<RawDefaults>,
    #[serde(default)]
    pub(crate) categories: BTreeMap<String, Spanned<RawCategory>>,
    pub(crate) holidays: Option<RawHolidays>,
    #[serde(default)]
    pub(crate) events: Vec<Spanned<RawEvent>>,
}

/// `[calendar]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCalendar {
    pub(crate) name: Option<Str>,
    pub(crate) slug: Option<Str>,
    pub(crate) year: Option<Spanned<i64>>,
    pub(crate) timezone: Option<Str>,
    pub(crate) language: Option<Str>,
    pub(crate) uid_domain: Option<Str>,
    pub(crate) url: Option<Str>,
    pub(crate) description: Option<Str>,
}

/// `[defaults]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDefaults {
    pub(crate) location: Option<Str>,
    pub(crate) duration: Option<Str>,
    pub(crate) reminder: Option<Spanned<toml::Value>>,
    pub(crate) shift: Option<Str>,
    pub(crate) organizer: Option<Str>,
}

/// `[categories.KEY]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCategory {
    pub(crate) label: Option<Str>,
    pub(crate) color: Option<Str>,
}

/// `[holidays]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHolidays {
    pub(crate) region: Option<Str>,
    pub(crate) extra_off: Option<StrList>,
    pub(crate) extra_work: Option<StrList>,
    #[serde(default)]
    pub(crate) periods: Vec<Spanned<RawPeriod>>,
}

/// `[[holidays.periods]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPeriod {
    pub(crate) name: Option<Str>,
    pub(crate) start: Option<Str>,
    pub(crate) end: Option<Str>,
    pub(crate) work: Option<StrList>,
}

/// `edition = { number = 43, year = 2023 }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEdition {
    pub(crate) number: Option<Spanned<i64>>,
    pub(crate) year: Option<Spanned<i64>>,
}

/// `[[events]]`: one rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvent {
    pub(crate) id: Option<Str>,
    pub(crate) title: Option<Str>,
    pub(crate) category: Option<Str>,
    pub(crate) location: Option<Str>,
    pub(crate) organizer: Option<Str>,
    pub(crate) description: Option<Str>,
    pub(crate) reminder: Option<Spanned<toml::Value>>,
    pub(crate) shift: Option<Str>,

    pub(crate) date: Option<Str>,
    pub(crate) lunar: Option<Str>,
    pub(crate) term: Option<Str>,
    pub(crate) holiday: Option<Str>,
    pub(crate) repeat: Option<Str>,
    pub(crate) rrule: Option<Str>,
    pub(crate) month: Option<Spanned<i64>>,
    pub(crate) months: Option<Spanned<toml::Value>>,
    pub(crate) weekdays: Option<StrList>,
    pub(crate) weekday: Option<Str>,
    pub(crate) nth: Option<Spanned<i64>>,
    pub(crate) day: Option<Spanned<i64>>,

    pub(crate) offset: Option<Str>,
    pub(crate) days: Option<Spanned<i64>>,
    pub(crate) time: Option<Str>,
    pub(crate) end: Option<Str>,
    pub(crate) duration: Option<Str>,

    pub(crate) interval: Option<Spanned<i64>>,
    pub(crate) start: Option<Str>,
    pub(crate) until: Option<Str>,
    pub(crate) workdays_only: Option<Spanned<bool>>,
    pub(crate) every_years: Option<Spanned<i64>>,
    pub(crate) since: Option<Spanned<i64>>,
    pub(crate) edition: Option<Spanned<RawEdition>>,

    pub(crate) except: Option<StrList>,
    pub(crate) also: Option<StrList>,
    #[serde(default)]
    pub(crate) changes: Vec<Spanned<RawChange>>,
}

/// `[[events.changes]]`: one occurrence changed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawChange {
    pub(crate) date: Option<Str>,
    pub(crate) move_to: Option<Str>,
    pub(crate) cancel: Option<Spanned<bool>>,
    pub(crate) title: Option<Str>,
    pub(crate) time: Option<Str>,
    pub(crate) end: Option<Str>,
    pub(crate) location: Option<Str>,
    pub(crate) description: Option<Str>,
}
