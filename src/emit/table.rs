//! `list`'s table for people: date, weekday, time, title, place, and marks for shifted,
//! moved and provisional days.

use chrono::Datelike;
use unicode_width::UnicodeWidthStr;

use super::{month_day, time_text, weekday_text};
use crate::model::Calendar;
use crate::schedule::{How, Schedule};
use crate::t;

fn pad(text: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// The table text of `schedule`.
#[must_use]
pub fn render(calendar: &Calendar, schedule: &Schedule) -> String {
    let lang = calendar.language;
    let header: Vec<String> = t!(in lang; "table-header").split('|').map(String::from).collect();
    let mut rows = vec![header];
    for o in &schedule.occurrences {
        let mut notes = Vec::new();
        match (o.how, o.original_date()) {
            (How::Shifted, Some(d)) => {
                notes.push(t!(in lang; "table-shifted", date = month_day(d, lang)));
            }
            (How::Moved, Some(d)) => {
                notes.push(t!(in lang; "table-moved", date = month_day(d, lang)))
            }
            _ => {}
        }
        if schedule.provisional_years.contains(&o.date.year()) && !o.month_task {
            let kind = schedule.days.kind(o.date);
            if matches!(kind, crate::dates::DayKind::Holiday(_)) || o.how == How::Shifted {
                notes.push(t!(in lang; "table-provisional-holiday"));
            }
        }
        let date = if o.month_task {
            o.date.format("%Y-%m").to_string()
        } else if o.end_date > o.date && o.all_day() {
            format!("{}..{}", o.date, o.end_date.format("%m-%d"))
        } else {
            o.date.to_string()
        };
        rows.push(vec![
            date,
            weekday_text(o, calendar.language).to_string(),
            time_text(o, calendar.language),
            o.title.to_string(),
            o.location.as_deref().unwrap_or_default().to_string(),
            notes.join(" "),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| UnicodeWidthStr::width(r[c].as_str())).max().unwrap_or(0))
        .collect();
    let mut out = format!("{}  {} – {}\n\n", calendar.name, schedule.from, schedule.to);
    for row in &rows {
        let line: Vec<String> = row.iter().zip(&widths).map(|(cell, &w)| pad(cell, w)).collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    if rows.len() == 1 {
        out.push_str(&t!(in lang; "table-empty"));
        out.push('\n');
    }
    if schedule.provisional() {
        let years: Vec<String> =
            schedule.provisional_years.iter().map(ToString::to_string).collect();
        out.push('\n');
        let years = years.join(&t!(in lang; "list-separator"));
        out.push_str(&t!(in lang; "table-provisional", years = years));
        out.push('\n');
    }
    out
}
