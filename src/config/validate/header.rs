//! `[calendar]`, `[defaults]` and `[categories]`: the file's header tables.

use crate::t;
use toml::Spanned;

use super::{suggest, Validator};
use crate::config::raw::{RawCalendar, RawDefaults, RawFile, Str};
use crate::config::values;
use crate::dates::{HolidayRules, MAX_YEAR, MIN_YEAR};
use crate::model::{Calendar, Category, Language, Shift};

pub(super) fn header(v: &mut Validator<'_>, raw: &Spanned<RawCalendar>, stem: &str) -> Calendar {
    let c = raw.get_ref();
    let name = match Validator::text(c.name.as_ref()) {
        Some(name) => name,
        None => {
            let span = c.name.as_ref().map_or(raw.span(), Spanned::span);
            v.error(span, t!("calendar-no-name"), t!("calendar-no-name-help"));
            String::new()
        }
    };
    let slug = match &c.slug {
        Some(slug) => {
            let text = slug.get_ref();
            if !is_key(text) {
                v.error(slug.span(), t!("slug-invalid", text = text), t!("slug-invalid-help"));
            } else if let Some(message) = file_name_problem(text) {
                v.error(slug.span(), message, t!("slug-invalid-help"));
            }
            text.clone()
        }
        None => crate::config::slug_from_stem(stem),
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
                    Some(best) => t!("did-you-mean", best = best),
                    None => t!("timezone-help"),
                };
                v.error(tz.span(), t!("timezone-unknown", name = tz.get_ref()), help);
            }
            tz.get_ref().clone()
        }
        None => "Asia/Shanghai".to_string(),
    };
    let language = match c.language.as_ref().map(|l| (l.get_ref().as_str(), l.span())) {
        None | Some(("zh", _)) => Language::Zh,
        Some(("en", _)) => Language::En,
        Some((other, span)) => {
            v.error(span, t!("language-unknown", name = other), t!("language-unknown-help"));
            Language::Zh
        }
    };
    let uid_domain = match &c.uid_domain {
        Some(d) => {
            let text = d.get_ref();
            if text.is_empty()
                || !text.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '.' || ch == '-')
            {
                v.error(d.span(), t!("domain-invalid", text = text), t!("domain-invalid-help"));
            }
            text.clone()
        }
        None => format!("{slug}.unioncal"),
    };
    let url = c.url.as_ref().map(|u| {
        let text = u.get_ref().trim();
        let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
        if rest.is_none_or(|r| {
            r.is_empty() || r.contains(char::is_whitespace) || r.contains(char::is_control)
        }) {
            v.error(u.span(), t!("url-invalid", text = text), t!("url-invalid-help"));
        }
        text.to_string()
    });
    Calendar {
        source: 0,
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
        care: None,
    }
}

/// The longest id or slug: it names files (`events/{id}.ics`), whose names the file
/// systems limit to 255 bytes, with room for the temporary name a write uses.
pub(crate) const MAX_KEY: usize = 100;

/// Why a key (`a-z`, `0-9`, `-`) cannot name a file on every platform: a name Windows
/// reserves for a device (`con`, `nul`, `com1`…), or one too long.
pub(super) fn file_name_problem(key: &str) -> Option<String> {
    if crate::config::reserved_on_windows(key) {
        Some(t!("key-reserved", key = key))
    } else if key.len() > MAX_KEY {
        Some(t!("key-too-long", max = MAX_KEY, length = key.len()))
    } else {
        None
    }
}

pub(super) fn is_key(text: &str) -> bool {
    !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `[defaults]`, validated.
pub(super) struct Defaults {
    pub(super) location: Option<String>,
    pub(super) minutes: i64,
    pub(super) reminders: Vec<i64>,
    pub(super) shift: Option<Shift>,
    pub(super) organizer: Option<String>,
    pub(super) audience: Option<String>,
}

impl Defaults {
    pub(super) fn new(v: &mut Validator<'_>, raw: Option<&RawDefaults>) -> Self {
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

pub(super) fn positive_minutes(v: &mut Validator<'_>, value: &Str) -> Option<i64> {
    let minutes = v.value(value, values::minutes)?;
    if (1..=366 * 1440).contains(&minutes) {
        Some(minutes)
    } else {
        v.error(value.span(), t!("duration-range"), t!("duration-range-help"));
        None
    }
}

pub(super) fn reminders(v: &mut Validator<'_>, value: &Spanned<toml::Value>) -> Vec<i64> {
    let help = || t!("reminder-help");
    let one = |v: &mut Validator<'_>, text: &str| -> Option<i64> {
        if matches!(text.trim(), "none" | "无" | "不提醒") {
            return None;
        }
        match values::minutes(text) {
            Ok(m) if m <= 366 * 1440 => Some(m),
            Ok(_) => {
                v.error(value.span(), t!("reminder-too-far", text = text), help());
                None
            }
            Err(e) => {
                v.error(value.span(), t!("reminder-invalid", text = text), e.help);
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
                        v.error(value.span(), t!("reminder-list-texts"), help());
                    }
                }
            }
            out.sort_unstable();
            out.dedup();
            out
        }
        _ => {
            v.error(value.span(), t!("reminder-type"), help());
            Vec::new()
        }
    }
}

pub(super) fn shift(v: &mut Validator<'_>, value: &Str) -> Option<Shift> {
    const NAMES: [&str; 5] = ["none", "skip", "before", "after", "nearest"];
    Some(match value.get_ref().as_str() {
        "none" => Shift::None,
        "skip" => Shift::Skip,
        "before" => Shift::Before,
        "after" => Shift::After,
        "nearest" => Shift::Nearest,
        other => {
            let help = match suggest(other, NAMES) {
                Some(best) => t!("did-you-mean", best = best),
                None => t!("shift-unknown-help"),
            };
            v.error(value.span(), t!("shift-unknown", name = other), help);
            return None;
        }
    })
}

pub(super) fn categories(v: &mut Validator<'_>, raw: &RawFile) -> Vec<Category> {
    let mut list: Vec<(usize, Category)> = Vec::new();
    for (key, category) in &raw.categories {
        let span = category.span();
        if !is_key(key) {
            v.error(
                span.clone(),
                t!("category-key-invalid", key = key),
                t!("category-key-invalid-help"),
            );
        }
        let c = category.get_ref();
        let color = c.color.as_ref().map(|color| {
            let text = color.get_ref();
            let hex = text.strip_prefix('#').unwrap_or("");
            if !(hex.len() == 3 || hex.len() == 6) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                v.error(color.span(), t!("color-invalid", text = text), t!("color-invalid-help"));
            }
            text.to_lowercase()
        });
        let label = Validator::text(c.label.as_ref()).unwrap_or_else(|| key.clone());
        list.push((span.start, Category { key: key.clone(), label, color }));
    }
    list.sort_by_key(|(start, _)| *start);
    list.into_iter().map(|(_, c)| c).collect()
}
