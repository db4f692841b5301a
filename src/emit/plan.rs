//! The work plan text (具体活动安排) as union offices write it: `## 3月份` (merged runs
//! `## 7、8月份`), then numbered items `1、3月8日（周一）14:00 三八妇女节活动（职工之家）`; with
//! `[plan]`, its title, opening and numbered sections first.

use chrono::Datelike;
use serde::Serialize;

use super::{dates_text, plan_months, templates::Templates, PlanSection};
use crate::error::Result;
use crate::model::{Calendar, Language};
use crate::schedule::Schedule;

#[derive(Serialize)]
struct Plan {
    name: String,
    /// `[plan] title`, when given.
    title: Option<String>,
    intro: Vec<String>,
    sections: Vec<PlanSection>,
    /// `N、具体活动安排` after the sections (empty without sections).
    activities: String,
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

/// `3月份`, `7、8月份` (with the year when the range spans years); `March 2027`.
fn month_title(
    year: i32,
    (first, last): (u32, u32),
    multi_year: bool,
    language: Language,
) -> String {
    match language {
        Language::Zh => {
            let months: Vec<String> = (first..=last).map(|m| m.to_string()).collect();
            let prefix = if multi_year { format!("{year}年") } else { String::new() };
            format!("{prefix}{}月份", months.join("、"))
        }
        Language::En => {
            let name = |m: u32| {
                chrono::NaiveDate::from_ymd_opt(year, m, 1)
                    .map_or_else(String::new, |d| d.format("%B").to_string())
            };
            if first == last {
                format!("{} {year}", name(first))
            } else {
                format!("{}–{} {year}", name(first), name(last))
            }
        }
    }
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
    let multi_year = schedule.from.year() != schedule.to.year();
    let months = plan_months(calendar, schedule)
        .into_iter()
        .map(|m| {
            let mut items: Vec<Item> = m
                .tasks
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
            items.extend(m.groups.iter().map(|g| Item {
                when: dates_text(g, calendar.language),
                time: g.first.start_time.map(|t| t.format("%H:%M").to_string()).unwrap_or_default(),
                title: g.first.title.to_string(),
                location: g.first.location.as_deref().unwrap_or_default().to_string(),
                organizer: super::organizer(calendar, g.first),
                audience: super::audience(calendar, g.first),
            }));
            Month { title: month_title(m.year, m.months, multi_year, calendar.language), items }
        })
        .collect();
    let plan = &calendar.plan;
    let (sections, activities) = super::plan_sections(calendar);
    // Without sections the activities need no numbered heading of their own.
    let activities = if sections.is_empty() { String::new() } else { activities };
    let plan = Plan {
        name: calendar.name.clone(),
        title: plan.title.clone(),
        intro: plan.intro.clone(),
        sections,
        activities,
        period: super::period_text(schedule, calendar.language),
        provisional: schedule.provisional(),
        language: if zh { "zh" } else { "en" },
        months,
    };
    templates.render("plan.md", &plan)
}
