//! The text of `unioncal holidays`: a year's breaks, their days off and make-up workdays,
//! and where each came from.

use chrono::{Datelike, NaiveDate};

use crate::dates::{Arrangement, Source, YearStatus};
use crate::model::Language;
use crate::t;
use crate::text::weekday_name;

fn days_text(days: &[NaiveDate], language: Language) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1] == days[j].succ_opt().unwrap_or(days[j]) {
            j += 1;
        }
        let day = |d: NaiveDate| {
            let weekday = weekday_name(d.weekday(), language);
            t!(in language; "holidays-day", date = d.format("%m-%d"), weekday = weekday)
        };
        parts.push(if i == j {
            day(days[i])
        } else {
            t!(in language; "holidays-span", from = day(days[i]), to = day(days[j]))
        });
        i = j + 1;
    }
    parts.join(&t!(in language; "holidays-separator"))
}

/// How a year's arrangement was known, in a few words.
#[must_use]
pub(crate) fn status_text(status: YearStatus, language: Language) -> String {
    match status {
        YearStatus::Official => t!(in language; "status-official"),
        YearStatus::Saved => t!(in language; "status-saved"),
        YearStatus::Calendar => t!(in language; "status-calendar"),
        YearStatus::Provisional => t!(in language; "status-provisional"),
    }
}

/// Where a break came from, for people.
fn source_text(source: Source, origin: Option<&str>, language: Language) -> String {
    let origin = origin.unwrap_or_default();
    match source {
        Source::Official => t!(in language; "source-official"),
        Source::Saved => t!(in language; "source-saved", origin = origin),
        Source::Shared => t!(in language; "source-shared", origin = origin),
        Source::Calendar => t!(in language; "source-calendar"),
        Source::Provisional => t!(in language; "source-provisional"),
    }
}

/// The text of `arrangement`. `built_in` is the first and last year of the embedded
/// official data, for the note on a provisional year.
#[must_use]
pub fn render(arrangement: &Arrangement, built_in: (i32, i32), language: Language) -> String {
    let year = arrangement.year;
    let (first, last) = built_in;
    let mut out = match arrangement.status {
        YearStatus::Official => t!(in language; "holidays-official", year = year),
        YearStatus::Saved => t!(in language; "holidays-saved", year = year),
        YearStatus::Calendar => t!(in language; "holidays-calendar", year = year),
        YearStatus::Provisional => {
            t!(in language; "holidays-provisional", year = year, first = first, last = last)
        }
    };
    out.push_str("\n\n");
    for period in &arrangement.periods {
        let source = source_text(period.source, period.origin.as_deref(), language);
        // An English view names a one-festival break in English; joint breaks keep their name.
        let name = match (language, period.festivals.as_slice()) {
            (Language::En, [f]) => f.english_name().to_string(),
            _ => period.name.clone(),
        };
        out.push_str(&format!("{name}  [{source}]\n"));
        let off = days_text(&period.off, language);
        out.push_str(&t!(in language; "holidays-off", days = off, count = period.off.len()));
        out.push('\n');
        if !period.work.is_empty() {
            let work = days_text(&period.work, language);
            out.push_str(&t!(in language; "holidays-work", days = work));
            out.push('\n');
        }
    }
    out
}
