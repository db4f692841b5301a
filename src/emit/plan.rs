//! The work plan text (具体活动安排) as union offices write it: `## 3月份` (merged runs
//! `## 7、8月份`), then numbered items `1、3月8日（周一）14:00 三八妇女节活动（职工之家）`; with
//! `[plan]`, its title, opening and numbered sections first.

use chrono::Datelike;
use serde::Serialize;

use super::templates::{escape_markdown, Templates};
use super::{dates_text, plan_months, PlanSection};
use crate::error::Result;
use crate::model::{Calendar, Language};
use crate::schedule::{Occurrence, Schedule};
use crate::t;

#[derive(Serialize)]
struct Plan {
    /// The document's title: `[plan] title`, else the name and period (escaped).
    heading: String,
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
    /// The whole numbered line, escaped: `1、3月8日（周一）14:00 三八妇女节活动（职工之家）`.
    line: String,
    when: String,
    time: String,
    title: String,
    location: String,
    organizer: String,
    audience: String,
}

impl Item {
    fn new(calendar: &Calendar, o: &Occurrence, when: String, time: String) -> Self {
        Self {
            line: String::new(),
            when,
            time,
            title: o.title.to_string(),
            location: o.location.as_deref().unwrap_or_default().to_string(),
            organizer: super::organizer(calendar, o),
            audience: super::audience(calendar, o),
        }
    }

    /// The item as the plan's `n`-th line, its user text escaped for Markdown.
    fn line(&self, n: usize, lang: Language) -> String {
        let part = |id: &'static str, name: &'static str, value: &str| {
            if value.is_empty() {
                String::new()
            } else {
                crate::messages::text_in(lang.into(), id, &[(name, value.to_string())])
            }
        };
        t!(in lang; "plan-md-item",
            n = n,
            when = self.when,
            time = part("plan-md-time", "time", &self.time),
            title = escape_markdown(&self.title),
            place = part("plan-md-place", "place", &escape_markdown(&self.location)),
            audience = part("plan-md-audience", "audience", &escape_markdown(&self.audience)),
        )
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
    let lang = calendar.language;
    let multi_year = schedule.from.year() != schedule.to.year();
    let months = plan_months(calendar, schedule)
        .into_iter()
        .map(|m| {
            let mut items: Vec<Item> = m
                .tasks
                .iter()
                .map(|o| {
                    // A month's task has no place in the plan: it happens through the month.
                    let mut item =
                        Item::new(calendar, o, t!(in lang; "plan-this-month"), String::new());
                    item.location.clear();
                    item
                })
                .collect();
            items.extend(m.groups.iter().map(|g| {
                let time = g.first.start_time.map(|t| t.format("%H:%M").to_string());
                Item::new(calendar, g.first, dates_text(g, lang), time.unwrap_or_default())
            }));
            if m.birthdays > 0 {
                items.push(Item {
                    line: String::new(),
                    when: t!(in lang; "plan-this-month"),
                    time: String::new(),
                    title: t!(in lang; "plan-birthdays", count = m.birthdays),
                    location: String::new(),
                    organizer: String::new(),
                    audience: String::new(),
                });
            }
            for (i, item) in items.iter_mut().enumerate() {
                item.line = item.line(i + 1, lang);
            }
            let title = super::month_run_title("plan-month", m.year, m.months, multi_year, lang);
            Month { title, items }
        })
        .collect();
    let plan = &calendar.plan;
    let (sections, activities) = super::plan_sections(calendar);
    let period = super::period_text(schedule, lang);
    // Without sections the activities need no numbered heading of their own.
    let activities = if sections.is_empty() { String::new() } else { activities };
    let heading = match &plan.title {
        Some(title) => escape_markdown(title),
        None => {
            t!(in lang; "plan-md-title", name = escape_markdown(&calendar.name), period = period)
        }
    };
    let plan = Plan {
        heading,
        name: calendar.name.clone(),
        title: plan.title.clone(),
        intro: plan.intro.clone(),
        sections,
        activities,
        period,
        provisional: schedule.provisional(),
        language: if lang == Language::Zh { "zh" } else { "en" },
        months,
    };
    templates.render("plan.md", &plan)
}
