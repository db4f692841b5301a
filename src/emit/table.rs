//! `list`'s table for people: date, weekday, time, title, place, and marks for shifted,
//! moved and provisional days.

use chrono::Datelike;
use unicode_width::UnicodeWidthStr;

use super::{time_text, weekday_text};
use crate::model::{Calendar, Language};
use crate::schedule::{How, Schedule};

fn pad(text: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// The table text of `schedule`.
#[must_use]
pub fn render(calendar: &Calendar, schedule: &Schedule) -> String {
    let zh = calendar.language == Language::Zh;
    let header: Vec<String> = if zh {
        ["日期", "星期", "时间", "活动", "地点", "备注"].map(String::from).to_vec()
    } else {
        ["Date", "Day", "Time", "Activity", "Place", "Notes"].map(String::from).to_vec()
    };
    let mut rows = vec![header];
    for o in &schedule.occurrences {
        let mut notes = Vec::new();
        match (o.how, o.original_date()) {
            (How::Shifted, Some(d)) => notes.push(if zh {
                format!("调（原定{}月{}日）", d.month(), d.day())
            } else {
                format!("shifted from {}", d.format("%b %-d"))
            }),
            (How::Moved, Some(d)) => notes.push(if zh {
                format!("改期（原定{}月{}日）", d.month(), d.day())
            } else {
                format!("moved from {}", d.format("%b %-d"))
            }),
            _ => {}
        }
        if schedule.provisional_years.contains(&o.date.year()) && !o.month_task {
            let kind = schedule.days.kind(o.date);
            if matches!(kind, crate::dates::DayKind::Holiday(_)) || o.how == How::Shifted {
                notes.push(if zh { "*假期暂定".into() } else { "*provisional holiday".into() });
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
        out.push_str(if zh {
            "（此期间没有活动）\n"
        } else {
            "(no events in this range)\n"
        });
    }
    if schedule.provisional() {
        let years: Vec<String> =
            schedule.provisional_years.iter().map(ToString::to_string).collect();
        out.push('\n');
        out.push_str(&if zh {
            format!("* {} 年放假安排尚未公布，节假日按法定节日推算，不含调休，可能变动。\n", years.join("、"))
        } else {
            format!("* The {} holiday arrangement is not published yet: holidays are computed from the law, without make-up workdays, and may change.\n", years.join(", "))
        });
    }
    out
}
