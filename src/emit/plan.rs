//! The work plan text (具体活动安排) as union offices write it: `## 3月份`, then numbered
//! items `1、3月8日（周一）14:00 三八妇女节活动（职工之家）`.

use chrono::Datelike;
use serde::Serialize;

use super::{by_month, dates_text, month_groups, templates::Templates};
use crate::error::Result;
use crate::model::{Calendar, Language};
use crate::schedule::Schedule;

#[derive(Serialize)]
struct Plan {
    name: String,
    period: String,
    provisional: bool,
    language: &'static str,
    months: Vec<Month>,
}

#[derive(Serialize)]
struct Month {
    title: String,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Item {
    when: String,
    time: String,
    title: String,
    location: String,
    organizer: String,
    audience: String,
}

/// Render `plan.md`.
///
/// # Errors
///
/// When the (possibly user-supplied) template fails.
pub fn render_markdown(
    calendar: &Calendar,
    schedule: &Schedule,
    templates: &Templates,
) -> Result<String> {
    let zh = calendar.language == Language::Zh;
    let months = by_month(schedule)
        .into_iter()
        .map(|((year, month), list)| {
            let (tasks, groups) = month_groups(&list);
            let mut items: Vec<Item> = tasks
                .iter()
                .map(|o| Item {
                    when: if zh { "本月：".into() } else { "This month:".into() },
                    time: String::new(),
                    title: o.title.to_string(),
                    location: String::new(),
                    organizer: super::organizer(calendar, o),
                    audience: super::audience(calendar, o),
                })
                .collect();
            items.extend(groups.iter().map(|g| Item {
                when: dates_text(g, calendar.language),
                time: g.first.start_time.map(|t| t.format("%H:%M").to_string()).unwrap_or_default(),
                title: g.first.title.to_string(),
                location: g.first.location.as_deref().unwrap_or_default().to_string(),
                organizer: super::organizer(calendar, g.first),
                audience: super::audience(calendar, g.first),
            }));
            let title = if zh {
                let multi_year = schedule.from.year() != schedule.to.year();
                if multi_year {
                    format!("{year}年{month}月份")
                } else {
                    format!("{month}月份")
                }
            } else {
                chrono::NaiveDate::from_ymd_opt(year, month, 1)
                    .map_or_else(String::new, |d| d.format("%B %Y").to_string())
            };
            Month { title, items }
        })
        .collect();
    let period = super::period_text(schedule, calendar.language);
    let plan = Plan {
        name: calendar.name.clone(),
        period,
        provisional: schedule.provisional(),
        language: if zh { "zh" } else { "en" },
        months,
    };
    templates.render("plan.md", &plan)
}
