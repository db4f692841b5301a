//! The text of `unioncal holidays`: a year's breaks, their days off and make-up workdays,
//! and where each came from.

use chrono::{Datelike, NaiveDate};

use crate::dates::{Arrangement, Certainty, Forecast, Source, YearStatus};
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

/// `one` or `other`, for the catalog's plural forms.
fn plural(count: usize) -> &'static str {
    if count == 1 {
        "one"
    } else {
        "other"
    }
}

/// The JSON of `arrangement`: `{"year", "source", "periods": [{"name", "start", "end",
/// "work"}]}`, a break with a gap written as one entry a run of days.
#[must_use]
pub fn json(arrangement: &Arrangement) -> String {
    #[derive(serde::Serialize)]
    struct Year {
        year: i32,
        source: &'static str,
        periods: Vec<Run>,
    }
    let source = match arrangement.status {
        YearStatus::Official => "official",
        YearStatus::Saved => "saved",
        YearStatus::Calendar => "file",
        YearStatus::Provisional => "forecast",
    };
    let year = Year { year: arrangement.year, source, periods: periods_json(&arrangement.periods) };
    let mut text = serde_json::to_string_pretty(&year).unwrap_or_default();
    text.push('\n');
    text
}

/// A run of a period's days as JSON: `{"name", "start", "end", "work"}`.
#[derive(serde::Serialize)]
pub(crate) struct Run {
    name: String,
    start: String,
    end: String,
    work: Vec<String>,
}

/// Periods as JSON runs, a break with a gap written as one entry a run of days.
#[must_use]
pub(crate) fn periods_json(periods: &[crate::dates::Period]) -> Vec<Run> {
    crate::dates::runs(periods)
        .into_iter()
        .map(|(name, start, end, work)| Run {
            name,
            start: start.to_string(),
            end: end.to_string(),
            work: work.iter().map(ToString::to_string).collect(),
        })
        .collect()
}

/// How sure a forecast break is: its statutory days, the days that are a guess, and the
/// alternative where the rules tie.
fn certainty_lines(
    period: &crate::dates::Period,
    forecast: &Forecast,
    language: Language,
) -> String {
    let mut out = String::new();
    let with = |c: Certainty| -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = period
            .off
            .iter()
            .chain(&period.work)
            .copied()
            .filter(|d| forecast.certainty(*d) == Some(c))
            .collect();
        days.sort_unstable();
        days
    };
    let certain = with(Certainty::Certain);
    if !certain.is_empty() {
        let days = days_text(&certain, language);
        out.push_str(&t!(in language; "holidays-certain", days = days));
        out.push('\n');
    }
    let guess = with(Certainty::Guess);
    if !guess.is_empty() {
        let days = days_text(&guess, language);
        out.push_str(&t!(in language; "holidays-guess", days = days));
        out.push('\n');
    }
    if let Some(alt) = forecast.alternatives.iter().find(|a| a.name == period.name) {
        let (off, work) = (days_text(&alt.off, language), days_text(&alt.work, language));
        out.push_str(&t!(
            in language;
            "holidays-alternative",
            off = off,
            count = alt.off.len(),
            plural = plural(alt.off.len()),
            work = work
        ));
        out.push('\n');
    }
    out
}

/// The text of `arrangement`. `built_in` is the first and last year of the embedded
/// official data, for the note on a provisional year; `forecast`, for such a year, says
/// how sure each part is.
#[must_use]
pub fn render(
    arrangement: &Arrangement,
    built_in: (i32, i32),
    language: Language,
    forecast: Option<&Forecast>,
) -> String {
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
        let count = period.off.len();
        out.push_str(
            &t!(in language; "holidays-off", days = off, count = count, plural = plural(count)),
        );
        out.push('\n');
        if !period.work.is_empty() {
            let work = days_text(&period.work, language);
            out.push_str(&t!(in language; "holidays-work", days = work));
            out.push('\n');
        }
        if let Some(forecast) = forecast.filter(|_| period.source == Source::Provisional) {
            out.push_str(&certainty_lines(period, forecast, language));
        }
    }
    out
}
