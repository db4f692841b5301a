//! Emitters: format what the scheduler produced. They never compute dates.

pub mod csv;
pub mod json;
pub mod table;

use crate::model::{Calendar, Language};
use crate::schedule::Occurrence;
use crate::text::weekday_name;
use chrono::Datelike;

/// The time column of an occurrence: `14:00-17:00`, 全天 / all day, or 本月 / this month.
#[must_use]
pub fn time_text(o: &Occurrence, language: Language) -> String {
    match (o.start_time, o.end_time, o.month_task) {
        (_, _, true) => match language {
            Language::Zh => "本月".into(),
            Language::En => "this month".into(),
        },
        (Some(s), Some(e), _) => format!("{}-{}", s.format("%H:%M"), e.format("%H:%M")),
        (Some(s), None, _) => s.format("%H:%M").to_string(),
        _ => match language {
            Language::Zh => "全天".into(),
            Language::En => "all day".into(),
        },
    }
}

/// The weekday column of an occurrence (empty for a month task).
#[must_use]
pub fn weekday_text(o: &Occurrence, language: Language) -> &'static str {
    if o.month_task {
        ""
    } else {
        weekday_name(o.date.weekday(), language)
    }
}

/// The label of an occurrence's category, or "".
#[must_use]
pub fn category_label<'a>(calendar: &'a Calendar, o: &Occurrence) -> &'a str {
    calendar.events[o.event]
        .category
        .as_deref()
        .and_then(|key| calendar.category(key))
        .map_or("", |c| c.label.as_str())
}
