//! From the raw TOML mirror to the model: every value checked, defaults applied, every
//! problem reported with its place in the file.

use std::ops::Range;

use toml::Spanned;

use super::raw::{RawCalendar, RawChange, RawDefaults, RawEvent, RawFile, Str};
use super::values::{self, Invalid};
use crate::dates::{Festival, Fu, HolidayRules, SolarTerm, MAX_YEAR, MIN_YEAR, TERM_NAMES};
use crate::error::{Diagnostic, Location, SourceFile};
use crate::model::{
    Anchor, Calendar, Category, Change, ChangeAction, ChangeDate, DateSpec, Edition, Event,
    EveryYears, ExceptDate, Language, Length, Months, Shift, Timing,
};

/// The closest of `candidates` to `word`, when it is close enough to be a typo.
pub(crate) fn suggest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

pub(super) struct Validator<'a> {
    pub(super) source: &'a SourceFile,
    pub(super) errors: Vec<Diagnostic>,
}

impl Validator<'_> {
    pub(super) fn at(&self, span: Range<usize>) -> Location {
        self.source.locate(span)
    }

    pub(super) fn error(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        let help = help.into();
        let mut d = Diagnostic::error(message, Some(self.at(span)));
        if !help.is_empty() {
            d = d.with_help(help);
        }
        self.errors.push(d);
    }

    pub(super) fn invalid(&mut self, span: Range<usize>, invalid: Invalid) {
        self.error(span, invalid.message, invalid.help);
    }

    /// Parse a spanned value, reporting a problem at its place.
    pub(super) fn value<T>(
        &mut self,
        value: &Str,
        parse: impl Fn(&str) -> Result<T, Invalid>,
    ) -> Option<T> {
        match parse(value.get_ref()) {
            Ok(v) => Some(v),
            Err(e) => {
                self.invalid(value.span(), e);
                None
            }
        }
    }

    /// An integer in `range`, or an error naming the limit.
    pub(super) fn int(
        &mut self,
        value: &Spanned<i64>,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<i64> {
        let n = *value.get_ref();
        if range.contains(&n) {
            Some(n)
        } else {
            self.error(
                value.span(),
                format!("`{key}` is {n}, outside {}–{}", range.start(), range.end()),
                format!("give `{key}` a value from {} to {}", range.start(), range.end()),
            );
            None
        }
    }

    pub(super) fn text(value: Option<&Str>) -> Option<String> {
        value.map(|v| v.get_ref().clone()).filter(|s| !s.trim().is_empty())
    }
}

/// Validate the whole file.
pub(super) fn calendar(
    source: &SourceFile,
    stem: &str,
    base: &std::path::Path,
) -> Result<Calendar, Vec<Diagnostic>> {
    let raw: RawFile = toml::from_str(&source.text).map_err(|e| vec![toml_error(source, &e)])?;
    let mut v = Validator { source, errors: Vec::new() };
    let Some(raw_calendar) = &raw.calendar else {
        return Err(vec![Diagnostic::error(
            "the file has no `[calendar]` table",
            Some(source.locate(0..0)),
        )
        .with_help("start the file with `[calendar]` and a line `name = \"…工会\"`")]);
    };
    let mut calendar = header(&mut v, raw_calendar, stem);
    let defaults = Defaults::new(&mut v, raw.defaults.as_ref());
    calendar.categories = categories(&mut v, &raw);
    if let Some(holidays) = &raw.holidays {
        calendar.holidays = super::holidays::rules(&mut v, holidays, base);
    }
    if let Some(plan) = &raw.plan {
        calendar.plan = super::plan::settings(&mut v, plan);
    }
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for raw_event in &raw.events {
        if let Some(event) = event(&mut v, raw_event, &defaults, &calendar) {
            if let Some(line) = seen.get(&event.id) {
                let span = raw_event.get_ref().id.as_ref().map_or(raw_event.span(), Spanned::span);
                v.error(span, format!("two events have the id `{}`", event.id), format!("the first is on line {line}; ids must be unique, as UIDs are built from them"));
                continue;
            }
            seen.insert(event.id.clone(), event.origin.line);
            calendar.events.push(event);
        }
    }
    if v.errors.is_empty() {
        Ok(calendar)
    } else {
        Err(v.errors)
    }
}

/// Turn the TOML parser's error into one of ours, with "did you mean" for unknown keys.
pub(super) fn toml_error(source: &SourceFile, e: &toml::de::Error) -> Diagnostic {
    let span = e.span().unwrap_or(0..0);
    let message = e.message().trim();
    let location = Some(source.locate(span));
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or_default();
        let expected: Vec<&str> = rest
            .split_once("expected")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let d = match suggest(name, expected.iter().copied()) {
            Some(best) => {
                Diagnostic::error(format!("unknown key `{name}`, did you mean `{best}`?"), location)
                    .with_help(format!("rename `{name}` to `{best}`"))
            }
            None => {
                Diagnostic::error(format!("unknown key `{name}`"), location).with_help(format!(
                    "the keys allowed here are {}",
                    expected.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                ))
            }
        };
        return d;
    }
    let friendly = message
        .replace("expected i64", "expected a whole number")
        .replace("expected a sequence", "expected a list `[...]`")
        .replace("invalid type: ", "wrong type: ")
        .replace("a boolean", "`true` or `false`");
    let help = if friendly.contains("wrong type") {
        "check the value's type: text in quotes, numbers without, lists in [ ]"
    } else if friendly.contains("duplicate key") {
        "each key may appear once per table; for another event start a new `[[events]]`"
    } else {
        "see the calendar file format in the README"
    };
    Diagnostic::error(friendly, location).with_help(help)
}

fn header(v: &mut Validator<'_>, raw: &Spanned<RawCalendar>, stem: &str) -> Calendar {
    let c = raw.get_ref();
    let name = match Validator::text(c.name.as_ref()) {
        Some(name) => name,
        None => {
            let span = c.name.as_ref().map_or(raw.span(), Spanned::span);
            v.error(
                span,
                "the calendar has no `name`",
                "add `name = \"…工会\"` under `[calendar]`",
            );
            String::new()
        }
    };
    let slug = match &c.slug {
        Some(slug) => {
            let text = slug.get_ref();
            if !is_key(text) {
                v.error(
                    slug.span(),
                    format!("slug `{text}` may only hold a-z, 0-9 and -"),
                    "e.g. `slug = \"pku6-union\"`",
                );
            }
            text.clone()
        }
        None => super::slug_from_stem(stem),
    };
    let year = c
        .year
        .as_ref()
        .and_then(|y| v.int(y, "year", i64::from(MIN_YEAR)..=i64::from(MAX_YEAR)))
        .and_then(|y| i32::try_from(y).ok());
    let timezone = match &c.timezone {
        Some(tz) => {
            if tz.get_ref().parse::<chrono_tz::Tz>().is_err() {
                let names = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name());
                let help = match suggest(tz.get_ref(), names) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => "use an IANA name such as `Asia/Shanghai`".to_string(),
                };
                v.error(tz.span(), format!("unknown time zone `{}`", tz.get_ref()), help);
            }
            tz.get_ref().clone()
        }
        None => "Asia/Shanghai".to_string(),
    };
    let language = match c.language.as_ref().map(|l| (l.get_ref().as_str(), l.span())) {
        None | Some(("zh", _)) => Language::Zh,
        Some(("en", _)) => Language::En,
        Some((other, span)) => {
            v.error(
                span,
                format!("unknown language `{other}`"),
                "write `language = \"zh\"` (Chinese) or `\"en\"` (English)",
            );
            Language::Zh
        }
    };
    let uid_domain = match &c.uid_domain {
        Some(d) => {
            let text = d.get_ref();
            if text.is_empty()
                || !text.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '.' || ch == '-')
            {
                v.error(
                    d.span(),
                    format!("`{text}` is not a domain name"),
                    "e.g. `uid_domain = \"union.example.org\"`",
                );
            }
            text.clone()
        }
        None => format!("{slug}.unioncal"),
    };
    let url = c.url.as_ref().map(|u| {
        let text = u.get_ref().trim();
        let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
        if rest.is_none_or(|r| r.is_empty() || r.contains(char::is_whitespace)) {
            v.error(
                u.span(),
                format!("`{text}` is not a web address"),
                "the feed URL must start with `https://` or `http://`",
            );
        }
        text.to_string()
    });
    Calendar {
        name,
        slug,
        year,
        timezone,
        language,
        uid_domain,
        url,
        description: Validator::text(c.description.as_ref()),
        categories: Vec::new(),
        holidays: HolidayRules::default(),
        plan: crate::model::PlanSettings::default(),
        events: Vec::new(),
    }
}

fn is_key(text: &str) -> bool {
    !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `[defaults]`, validated.
struct Defaults {
    location: Option<String>,
    minutes: i64,
    reminders: Vec<i64>,
    shift: Option<Shift>,
    organizer: Option<String>,
    audience: Option<String>,
}

impl Defaults {
    fn new(v: &mut Validator<'_>, raw: Option<&RawDefaults>) -> Self {
        let Some(raw) = raw else {
            return Self {
                location: None,
                minutes: 60,
                reminders: Vec::new(),
                shift: None,
                organizer: None,
                audience: None,
            };
        };
        let minutes = raw.duration.as_ref().and_then(|d| positive_minutes(v, d)).unwrap_or(60);
        Self {
            location: Validator::text(raw.location.as_ref()),
            minutes,
            reminders: raw.reminder.as_ref().map(|r| reminders(v, r)).unwrap_or_default(),
            shift: raw.shift.as_ref().and_then(|s| shift(v, s)),
            organizer: Validator::text(raw.organizer.as_ref()),
            audience: Validator::text(raw.audience.as_ref()),
        }
    }
}

fn positive_minutes(v: &mut Validator<'_>, value: &Str) -> Option<i64> {
    let minutes = v.value(value, values::minutes)?;
    if (1..=366 * 1440).contains(&minutes) {
        Some(minutes)
    } else {
        v.error(
            value.span(),
            "a duration must be longer than zero and at most 366 days",
            "e.g. `duration = \"90m\"`",
        );
        None
    }
}

fn reminders(v: &mut Validator<'_>, value: &Spanned<toml::Value>) -> Vec<i64> {
    let help = "write `reminder = \"1d\"`, a list such as `[\"1d\", \"1h\"]`, or `\"none\"`";
    let one = |v: &mut Validator<'_>, text: &str| -> Option<i64> {
        if matches!(text.trim(), "none" | "无" | "不提醒") {
            return None;
        }
        match values::minutes(text) {
            Ok(m) if m <= 366 * 1440 => Some(m),
            Ok(_) => {
                v.error(value.span(), format!("reminder `{text}` is more than a year ahead"), help);
                None
            }
            Err(e) => {
                v.error(value.span(), format!("`{text}` is not a reminder"), e.help);
                None
            }
        }
    };
    match value.get_ref() {
        toml::Value::String(s) => one(v, s).into_iter().collect(),
        toml::Value::Array(items) => {
            let mut out = Vec::new();
            for item in items {
                match item {
                    toml::Value::String(s) => out.extend(one(v, s)),
                    _ => {
                        v.error(value.span(), "a reminder list holds texts such as `\"1d\"`", help)
                    }
                }
            }
            out.sort_unstable();
            out.dedup();
            out
        }
        _ => {
            v.error(value.span(), "`reminder` must be a text or a list of texts", help);
            Vec::new()
        }
    }
}

fn shift(v: &mut Validator<'_>, value: &Str) -> Option<Shift> {
    const NAMES: [&str; 5] = ["none", "skip", "before", "after", "nearest"];
    Some(match value.get_ref().as_str() {
        "none" => Shift::None,
        "skip" => Shift::Skip,
        "before" => Shift::Before,
        "after" => Shift::After,
        "nearest" => Shift::Nearest,
        other => {
            let help = match suggest(other, NAMES) {
                Some(best) => format!("did you mean `{best}`?"),
                None => "use one of `none`, `skip`, `before`, `after`, `nearest`".to_string(),
            };
            v.error(value.span(), format!("unknown shift policy `{other}`"), help);
            return None;
        }
    })
}

fn categories(v: &mut Validator<'_>, raw: &RawFile) -> Vec<Category> {
    let mut list: Vec<(usize, Category)> = Vec::new();
    for (key, category) in &raw.categories {
        let span = category.span();
        if !is_key(key) {
            v.error(
                span.clone(),
                format!("category key `{key}` may only hold a-z, 0-9 and -"),
                "e.g. `[categories.culture]`",
            );
        }
        let c = category.get_ref();
        let color = c.color.as_ref().map(|color| {
            let text = color.get_ref();
            let hex = text.strip_prefix('#').unwrap_or("");
            if !(hex.len() == 3 || hex.len() == 6) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                v.error(
                    color.span(),
                    format!("`{text}` is not a CSS hex colour"),
                    "write `color = \"#c0392b\"` (or `#c33`)",
                );
            }
            text.to_lowercase()
        });
        let label = Validator::text(c.label.as_ref()).unwrap_or_else(|| key.clone());
        list.push((span.start, Category { key: key.clone(), label, color }));
    }
    list.sort_by_key(|(start, _)| *start);
    list.into_iter().map(|(_, c)| c).collect()
}

/// The anchor keys; an event has exactly one of them (or `month`/`months` alone).
fn anchor_keys(e: &RawEvent) -> Vec<(&'static str, Range<usize>)> {
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

#[allow(clippy::too_many_lines)]
fn event(
    v: &mut Validator<'_>,
    raw: &Spanned<RawEvent>,
    defaults: &Defaults,
    calendar: &Calendar,
) -> Option<Event> {
    let e = raw.get_ref();
    let errors_before = v.errors.len();
    let table_span = raw.span();
    let id = match &e.id {
        Some(id) if is_key(id.get_ref()) => id.get_ref().clone(),
        Some(id) => {
            v.error(
                id.span(),
                format!("event id `{}` may only hold a-z, 0-9 and -", id.get_ref()),
                "e.g. `id = \"womens-day\"`; the id is part of every UID, so keep it once chosen",
            );
            String::new()
        }
        None => {
            v.error(
                table_span.clone(),
                "an event has no `id`",
                "add `id = \"…\"` (a-z, 0-9, -): it keeps subscribers' copies in step",
            );
            String::new()
        }
    };
    let origin = v.at(e.id.as_ref().map_or(table_span.clone(), Spanned::span));
    let title = match Validator::text(e.title.as_ref()) {
        Some(t) => t,
        None => {
            v.error(
                e.title.as_ref().map_or(table_span.clone(), Spanned::span),
                format!("event `{id}` has no `title`"),
                "add `title = \"…\"`",
            );
            String::new()
        }
    };
    if let Some(category) = &e.category {
        if calendar.category(category.get_ref()).is_none() {
            let keys = calendar.categories.iter().map(|c| c.key.as_str());
            let help = match suggest(category.get_ref(), keys) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("declare it: `[categories.{}]` with a `label`", category.get_ref()),
            };
            v.error(category.span(), format!("unknown category `{}`", category.get_ref()), help);
        }
    }

    // The anchor.
    let keys = anchor_keys(e);
    if keys.len() > 1 {
        let names: Vec<String> = keys.iter().map(|(k, _)| format!("`{k}`")).collect();
        v.error(
            keys[1].1.clone(),
            format!("event `{id}` has more than one anchor: {}", names.join(" and ")),
            "an event has exactly one anchor; split it into two `[[events]]`",
        );
        return None;
    }
    let anchor_key = keys.first().map(|(k, _)| *k);
    let anchor = match anchor_key {
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
                    format!("`{}` is not a statutory holiday", h.get_ref()),
                    format!("use one of {}; for other days use `date` or `lunar`", names.join(" ")),
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
                v.error(
                    ms.span(),
                    "give either `month` or `months`, not both",
                    "`months = [3, 9]` lists several months",
                );
                None
            }
            (None, None) => {
                v.error(table_span.clone(), format!("event `{id}` has no anchor: nothing says what day it is"), "give one of `date`, `lunar`, `term`, `holiday`, `repeat`, `rrule`, or `month` for a task of the month");
                None
            }
        },
    };
    let month_task = matches!(anchor, Some(Anchor::MonthTask(_)));

    // Keys that belong to one kind of anchor only.
    let repeat_kind = e.repeat.as_ref().map(|r| r.get_ref().as_str());
    let misplaced: [(&str, Option<Range<usize>>, bool, &str); 6] = [
        ("weekdays", e.weekdays.as_ref().map(Spanned::span), repeat_kind == Some("weekly"), "`weekdays` goes with `repeat = \"weekly\"`"),
        ("day", e.day.as_ref().map(Spanned::span), repeat_kind == Some("monthly"), "`day` goes with `repeat = \"monthly\"`; for a fixed day of the year use `date = \"MM-DD\"`"),
        ("weekday", e.weekday.as_ref().map(Spanned::span), repeat_kind == Some("monthly"), "`weekday` and `nth` go with `repeat = \"monthly\"`; for several weekdays use `repeat = \"weekly\"` and `weekdays`"),
        ("nth", e.nth.as_ref().map(Spanned::span), repeat_kind == Some("monthly"), "`weekday` and `nth` go with `repeat = \"monthly\"`"),
        ("interval", e.interval.as_ref().map(Spanned::span), e.repeat.is_some(), if e.rrule.is_some() { "put the interval in the rule itself: `INTERVAL=2`" } else { "for an annual event every N years use `every_years`" }),
        ("month", e.month.as_ref().map(Spanned::span), month_task, "`month` alone makes a task of the month; to keep only some months use `months = [...]`"),
    ];
    for (key, span, allowed, help) in misplaced {
        if let (Some(span), false) = (span, allowed) {
            v.error(span, format!("`{key}` does not apply to this event"), help);
        }
    }

    // Timing.
    let days = e.days.as_ref().and_then(|d| v.int(d, "days", 1..=366)).map_or(1, |d| d as u32);
    let timing = timing(v, e, defaults.minutes);
    let offset = e.offset.as_ref().and_then(|o| {
        let offset = v.value(o, values::offset)?;
        if offset.days.abs() > 3660 || offset.workdays.abs() > 2500 {
            v.error(o.span(), "an offset is at most ten years", "move the anchor instead");
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
                format!("`until` ({u}) is before `start` ({s})"),
                "`until` is the last day of the window, on or after `start`",
            );
        }
    }
    if interval > 1 && e.start.is_none() {
        v.error(
            e.interval.as_ref().map_or(table_span.clone(), Spanned::span),
            "`interval` needs `start`: the count of days, weeks or months starts there",
            "add `start = \"YYYY-MM-DD\"` (e.g. the first Thursday of the term)",
        );
    }
    let months_filter =
        if month_task { None } else { e.months.as_ref().and_then(|m| months(v, m)) };
    let edition = e.edition.as_ref().and_then(|ed| {
        let raw = ed.get_ref();
        match (&raw.number, &raw.year) {
            (Some(n), Some(y)) => Some(Edition {
                number: v.int(n, "edition.number", 0..=1_000_000)?,
                year: i32::try_from(v.int(y, "edition.year", 1..=9999)?).ok()?,
            }),
            _ => {
                v.error(
                    ed.span(),
                    "`edition` needs `number` and `year`",
                    "write `edition = { number = 43, year = 2023 }`: the 43rd was in 2023",
                );
                None
            }
        }
    });
    for placeholder in ["{edition}", "{edition_num}"] {
        if title.contains(placeholder) && e.edition.is_none() {
            if let Some(t) = &e.title {
                v.error(
                    t.span(),
                    format!("the title uses `{placeholder}` but the event has no `edition`"),
                    "add `edition = { number = 43, year = 2023 }` (the number in a year you know)",
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
                    "`every_years` needs `since` (a year it happens in) or `edition`",
                    "add e.g. `since = 2022`",
                );
                return None;
            }
        };
        Some(EveryYears { every, since })
    });
    if let (Some(s), None) = (&e.since, &e.every_years) {
        v.error(
            s.span(),
            "`since` goes with `every_years`",
            "add `every_years = N`, or remove `since`",
        );
    }
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

fn lunar(v: &mut Validator<'_>, value: &Str) -> Option<Anchor> {
    let (month, day) = v.value(value, values::lunar_day)?;
    Some(Anchor::Lunar { month, day })
}

fn term(v: &mut Validator<'_>, value: &Str) -> Option<Anchor> {
    let name = value.get_ref().trim();
    if let Some(term) = SolarTerm::from_name(name) {
        return Some(Anchor::Term(term));
    }
    if let Some(fu) = Fu::from_name(name) {
        return Some(Anchor::Fu(fu));
    }
    let all = TERM_NAMES.iter().copied().chain(["初伏", "中伏", "末伏"]);
    let help = match suggest(name, all) {
        Some(best) => format!("did you mean `{best}`?"),
        None => {
            "use a solar term by its Chinese name (立春 … 大寒) or 初伏, 中伏, 末伏".to_string()
        }
    };
    v.error(value.span(), format!("`{name}` is not a solar term"), help);
    None
}

fn repeat(v: &mut Validator<'_>, e: &RawEvent) -> Option<Anchor> {
    let value = e.repeat.as_ref()?;
    match value.get_ref().as_str() {
        "daily" => Some(Anchor::Daily),
        "weekly" => {
            let Some(list) = &e.weekdays else {
                v.error(
                    value.span(),
                    "a weekly event needs `weekdays`",
                    "add e.g. `weekdays = [\"mon\", \"wed\", \"fri\"]`",
                );
                return None;
            };
            let mut days: Vec<_> =
                list.get_ref().iter().filter_map(|d| v.value(d, values::weekday)).collect();
            if list.get_ref().is_empty() {
                v.error(
                    list.span(),
                    "`weekdays` is empty",
                    "list at least one weekday, e.g. `[\"mon\"]`",
                );
            }
            days.sort_by_key(chrono::Weekday::num_days_from_monday);
            days.dedup();
            Some(Anchor::Weekly(days))
        }
        "monthly" => {
            match (&e.day, &e.weekday, &e.nth) {
                (Some(day), None, None) => {
                    let n = v.int(day, "day", -31..=31)?;
                    if n == 0 {
                        v.error(day.span(), "`day` cannot be 0", "1 is the first day, -1 the last");
                        return None;
                    }
                    Some(Anchor::MonthlyDay(n as i32))
                }
                (None, Some(weekday), Some(nth)) => {
                    let wd = v.value(weekday, values::weekday)?;
                    let n = v.int(nth, "nth", -5..=5)?;
                    if n == 0 {
                        v.error(
                            nth.span(),
                            "`nth` cannot be 0",
                            "1 is the first, -1 the last weekday of the month",
                        );
                        return None;
                    }
                    Some(Anchor::MonthlyNth { weekday: wd, nth: n as i32 })
                }
                (None, Some(w), None) => {
                    v.error(
                        w.span(),
                        "`weekday` needs `nth`",
                        "add `nth = 1` for the first, `-1` for the last",
                    );
                    None
                }
                (None, None, Some(n)) => {
                    v.error(n.span(), "`nth` needs `weekday`", "add e.g. `weekday = \"wed\"`");
                    None
                }
                (Some(d), _, _) if e.weekday.is_some() || e.nth.is_some() => {
                    v.error(d.span(), "give either `day` or `weekday` with `nth`, not both", "`day = 15` is the 15th; `weekday = \"wed\"`, `nth = 1` the first Wednesday");
                    None
                }
                _ => {
                    v.error(
                        value.span(),
                        "a monthly event needs `day`, or `weekday` with `nth`",
                        "add `day = 15`, or `weekday = \"wed\"` and `nth = 1`",
                    );
                    None
                }
            }
        }
        other => {
            let help = match suggest(other, ["daily", "weekly", "monthly"]) {
                Some(best) => format!("did you mean `{best}`?"),
                None if other == "yearly" || other == "annually" => {
                    "for every year use `date = \"MM-DD\"`".to_string()
                }
                None => "use `daily`, `weekly` or `monthly`, or an `rrule`".to_string(),
            };
            v.error(value.span(), format!("unknown repeat `{other}`"), help);
            None
        }
    }
}

fn rrule(v: &mut Validator<'_>, value: &Str) -> Option<Anchor> {
    let text = value.get_ref().trim();
    let text = text.strip_prefix("RRULE:").unwrap_or(text);
    if text.contains("DTSTART") || text.contains('\n') {
        v.error(
            value.span(),
            "give only the RRULE part",
            "put the first day in `start = \"YYYY-MM-DD\"`",
        );
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
        .map_err(|e| e.to_string())
        .and_then(|rule| rule.clone().validate(dtstart).map(|_| rule).map_err(|e| e.to_string()));
    match checked {
        Ok(rule) => Some(Anchor::RRule(Box::new(rule))),
        Err(message) => {
            v.error(
                value.span(),
                format!("invalid rrule: {message}"),
                "e.g. `rrule = \"FREQ=MONTHLY;BYDAY=-1FR\"` (RFC 5545)",
            );
            None
        }
    }
}

/// Occurrences are days, so an `UNTIL` given as a date (`UNTIL=20270301`, as RFC 5545
/// writes it for date rules) or a floating time means the end of that day.
fn normalize_rrule(text: &str) -> String {
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

fn months(v: &mut Validator<'_>, value: &Spanned<toml::Value>) -> Option<Months> {
    let help = "write `months = [3, 9]` or `months = \"3-6,9-12\"`";
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
                        v.error(value.span(), format!("month {m} is not between 1 and 12"), help);
                        return None;
                    }
                    toml::Value::String(s) => {
                        set.0 |=
                            v.value(&Spanned::new(value.span(), s.clone()), values::months_text)?.0
                    }
                    _ => {
                        v.error(value.span(), "`months` holds month numbers", help);
                        return None;
                    }
                }
            }
            Some(set)
        }
        _ => {
            v.error(value.span(), "`months` must list at least one month", help);
            None
        }
    }
}

fn timing(v: &mut Validator<'_>, e: &RawEvent, default_minutes: i64) -> Option<Timing> {
    let Some(time) = &e.time else {
        for (key, value) in [("end", &e.end), ("duration", &e.duration)] {
            if let Some(value) = value {
                v.error(
                    value.span(),
                    format!("`{key}` needs `time`"),
                    "add `time = \"HH:MM\"`, or remove it for an all-day event",
                );
            }
        }
        return None;
    };
    let start = v.value(time, values::time)?;
    let length = match (&e.end, &e.duration) {
        (Some(_), Some(d)) => {
            v.error(
                d.span(),
                "give either `end` or `duration`, not both",
                "`end = \"17:00\"` or `duration = \"2h\"`",
            );
            return None;
        }
        (Some(end), None) => {
            let end_time = v.value(end, values::time)?;
            if end_time < start {
                v.error(
                    end.span(),
                    format!(
                        "`end` ({end_time}) is before `time` ({start})",
                        end_time = end_time.format("%H:%M"),
                        start = start.format("%H:%M")
                    ),
                    "for an event past midnight use `duration`, e.g. `duration = \"3h\"`",
                );
                return None;
            }
            Length::End(end_time)
        }
        (None, Some(d)) => Length::Minutes(positive_minutes(v, d)?),
        (None, None) => Length::Minutes(default_minutes),
    };
    Some(Timing { start, length })
}

fn change(v: &mut Validator<'_>, raw: &Spanned<RawChange>, month_task: bool) -> Option<Change> {
    let c: &RawChange = raw.get_ref();
    let origin = v.at(c.date.as_ref().map_or(raw.span(), Spanned::span));
    let Some(date) = &c.date else {
        v.error(
            raw.span(),
            "a change needs `date`: the day of the occurrence it changes",
            "add `date = \"YYYY-MM-DD\"`",
        );
        return None;
    };
    let date = match values::year_month(date.get_ref()) {
        Some((y, m)) if month_task => ChangeDate::Month(y, m),
        _ if month_task => {
            v.error(
                date.span(),
                "a month task's change names its month",
                "write `date = \"YYYY-MM\"`, e.g. `\"2027-09\"`",
            );
            return None;
        }
        _ => ChangeDate::Day(v.value(date, values::full_date)?),
    };
    let cancel = c.cancel.as_ref().is_some_and(|b| *b.get_ref());
    let action = match (&c.move_to, cancel) {
        (Some(m), true) => {
            v.error(m.span(), "a change either moves or cancels", "remove `move_to` or `cancel`");
            return None;
        }
        (Some(m), false) if month_task => {
            v.error(
                m.span(),
                "a month task has no day to move",
                "cancel it and add an event with a `date`",
            );
            return None;
        }
        (Some(m), false) => ChangeAction::MoveTo(v.value(m, values::full_date)?),
        (None, true) => ChangeAction::Cancel,
        (None, false) => ChangeAction::Keep,
    };
    let time = c.time.as_ref().and_then(|t| v.value(t, values::time));
    let end = c.end.as_ref().and_then(|t| v.value(t, values::time));
    if let (Some(t), Some(e), Some(span)) = (time, end, c.end.as_ref().map(Spanned::span)) {
        if e < t {
            v.error(span, "`end` is before `time`", "the end comes after the start");
        }
    }
    Some(Change {
        date,
        action,
        title: Validator::text(c.title.as_ref()),
        time,
        end,
        location: Validator::text(c.location.as_ref()),
        description: Validator::text(c.description.as_ref()),
        origin,
    })
}
