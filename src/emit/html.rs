//! The printable notice-board pages: the year at a glance (`index.html`), one A4
//! landscape page per month (`YYYY-MM.html`), and every month in one file (`print.html`).
//!
//! This module only arranges what the scheduler produced into the shape the templates
//! show; the day labels (lunar day, festival, solar term) come from the date engine.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::plan::by_month;
use super::templates::Templates;
use super::{category_label, dates_text, month_groups, time_text, weekday_text};
use crate::dates::{day_label, DayKind};
use crate::error::Result;
use crate::model::{Calendar, Language};
use crate::schedule::{Occurrence, Schedule};
use crate::text::weekday_name;

/// The colour of events without a category.
const DEFAULT_COLOR: &str = "#555555";

#[derive(Serialize)]
struct Page {
    name: String,
    description: Option<String>,
    lang: &'static str,
    zh: bool,
    period: String,
    provisional: bool,
    provisional_years: String,
    weekdays: Vec<&'static str>,
    weekdays_short: Vec<&'static str>,
    legend: Vec<Legend>,
    feeds: Vec<Feed>,
    https_url: Option<String>,
    webcal_url: Option<String>,
    qr_svg: Option<String>,
    generated: String,
}

#[derive(Serialize)]
struct Legend {
    label: String,
    color: String,
}

#[derive(Serialize)]
struct Feed {
    label: String,
    file: String,
    https: Option<String>,
    webcal: Option<String>,
}

#[derive(Serialize)]
struct Month {
    id: String,
    title: String,
    subtitle: String,
    file: String,
    weeks: Vec<Vec<Day>>,
    items: Vec<Item>,
    tasks: Vec<Task>,
    provisional: bool,
    count: usize,
}

#[derive(Serialize)]
struct Day {
    day: u32,
    in_month: bool,
    label: String,
    special: bool,
    badge: Option<&'static str>,
    off: bool,
    weekend: bool,
    provisional: bool,
    note: Option<&'static str>,
    events: Vec<CellEvent>,
    more: usize,
}

#[derive(Serialize)]
struct CellEvent {
    time: String,
    title: String,
    color: String,
}

#[derive(Serialize)]
struct Item {
    when: String,
    weekday: String,
    time: String,
    title: String,
    location: String,
    organizer: String,
    category: String,
    color: String,
    note: String,
}

#[derive(Serialize)]
struct Task {
    title: String,
    organizer: String,
    category: String,
    color: String,
}

/// The most events a day cell lists before "+N".
const CELL_EVENTS: usize = 3;

fn color(calendar: &Calendar, o: &Occurrence) -> String {
    calendar.events[o.event]
        .category
        .as_deref()
        .and_then(|k| calendar.category(k))
        .and_then(|c| c.color.clone())
        .unwrap_or_else(|| DEFAULT_COLOR.to_string())
}

fn month_view(
    calendar: &Calendar,
    schedule: &Schedule,
    year: i32,
    month: u32,
    list: &[&Occurrence],
) -> Month {
    let zh = calendar.language == Language::Zh;
    let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(schedule.from);
    let start = first - Days::new(u64::from(first.weekday().num_days_from_monday()));
    let mut weeks = Vec::new();
    let mut day = start;
    while weeks.is_empty() || day.month() == month {
        let mut week = Vec::new();
        for _ in 0..7 {
            let label = day_label(day);
            let kind = schedule.days.kind(day);
            let provisional = schedule.provisional_years.contains(&day.year());
            let badge = match kind {
                DayKind::Holiday(_) | DayKind::ExtraOff => Some(if zh { "休" } else { "off" }),
                DayKind::MakeUpWork(_) | DayKind::ExtraWork
                    if day.weekday().num_days_from_monday() >= 5 =>
                {
                    Some(if zh { "班" } else { "work" })
                }
                _ => None,
            };
            let on_day: Vec<&Occurrence> = list
                .iter()
                .copied()
                .filter(|o| {
                    !o.month_task && o.date <= day && day <= o.end_date && day.month() == month
                })
                .collect();
            week.push(Day {
                day: day.day(),
                in_month: day.month() == month,
                label: label.text,
                special: label.special,
                badge,
                off: kind.is_off(),
                weekend: day.weekday().num_days_from_monday() >= 5,
                provisional: provisional && matches!(kind, DayKind::Holiday(_)),
                note: label.partial_holiday,
                more: on_day.len().saturating_sub(CELL_EVENTS),
                events: on_day
                    .iter()
                    .take(CELL_EVENTS)
                    .map(|o| CellEvent {
                        time: if o.date == day {
                            o.start_time.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
                        } else {
                            String::new()
                        },
                        title: o.title.to_string(),
                        color: color(calendar, o),
                    })
                    .collect(),
            });
            day = day + Days::new(1);
        }
        weeks.push(week);
    }
    let (tasks, groups) = month_groups(list);
    let items = groups
        .iter()
        .map(|g| {
            let o = g.first;
            let note = match o.original_date() {
                Some(d) if g.dates.len() == 1 => {
                    if zh {
                        format!("原定{}月{}日", d.month(), d.day())
                    } else {
                        format!("was {}", d.format("%b %-d"))
                    }
                }
                _ => String::new(),
            };
            Item {
                when: dates_text(g, calendar.language),
                weekday: if g.dates.len() == 1 {
                    weekday_text(o, calendar.language).to_string()
                } else {
                    String::new()
                },
                time: if o.all_day() { String::new() } else { time_text(o, calendar.language) },
                title: o.title.to_string(),
                location: o.location.as_deref().unwrap_or_default().to_string(),
                organizer: super::organizer(calendar, o),
                category: category_label(calendar, o).to_string(),
                color: color(calendar, o),
                note,
            }
        })
        .collect();
    let tasks = tasks
        .iter()
        .map(|o| Task {
            title: o.title.to_string(),
            organizer: super::organizer(calendar, o),
            category: category_label(calendar, o).to_string(),
            color: color(calendar, o),
        })
        .collect();
    let lunar_year = crate::dates::solar_to_lunar(first + Days::new(14));
    let subtitle = match lunar_year {
        Some(l) if zh => format!(
            "农历{}年 {}",
            crate::dates::year_name(l.year),
            crate::dates::solar_to_lunar(first).map(|f| f.month_name()).unwrap_or_default()
        ),
        _ => String::new(),
    };
    Month {
        id: format!("{year}-{month:02}"),
        title: if zh { format!("{year}年{month}月") } else { first.format("%B %Y").to_string() },
        subtitle,
        file: format!("{year}-{month:02}.html"),
        weeks,
        items,
        tasks,
        provisional: schedule.provisional_years.contains(&year),
        count: list.len(),
    }
}

/// A subscription link pair for a feed file, when the calendar has a public URL.
fn links(calendar: &Calendar, file: &str) -> (Option<String>, Option<String>) {
    let Some(url) = &calendar.url else { return (None, None) };
    let base = url.rsplit_once('/').map_or(url.as_str(), |(b, _)| b);
    let https = format!("{base}/{file}");
    let webcal = https.replacen("https://", "webcal://", 1).replacen("http://", "webcal://", 1);
    (Some(https), Some(webcal))
}

/// The QR code of `text` as an inline SVG.
fn qr_svg(text: &str) -> Option<String> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(160, 160)
            .quiet_zone(true)
            .dark_color(qrcode::render::svg::Color("#000000"))
            .light_color(qrcode::render::svg::Color("#ffffff"))
            .build(),
    )
}

/// Everything the HTML pages need, computed once.
pub struct Pages {
    page: Page,
    months: Vec<Month>,
}

impl Pages {
    /// Arrange `schedule` for the pages.
    #[must_use]
    pub fn new(calendar: &Calendar, schedule: &Schedule, generated: &str) -> Self {
        let zh = calendar.language == Language::Zh;
        let grouped = by_month(schedule);
        let mut months = Vec::new();
        let mut month = schedule.from.with_day(1).unwrap_or(schedule.from);
        while month <= schedule.to {
            let key = (month.year(), month.month());
            let list: Vec<&Occurrence> =
                grouped.iter().find(|(k, _)| *k == key).map(|(_, l)| l.clone()).unwrap_or_default();
            months.push(month_view(calendar, schedule, key.0, key.1, &list));
            let Some(next) = month.checked_add_months(chrono::Months::new(1)) else { break };
            month = next;
        }
        let mut feeds = vec![{
            let file = format!("{}.ics", calendar.slug);
            let (https, webcal) = links(calendar, &file);
            Feed {
                label: if zh { "全部活动".into() } else { "All events".into() },
                file,
                https,
                webcal,
            }
        }];
        for c in &calendar.categories {
            let file = format!("{}-{}.ics", calendar.slug, c.key);
            let (https, webcal) = links(calendar, &file);
            feeds.push(Feed { label: c.label.clone(), file, https, webcal });
        }
        let (https_url, webcal_url) = links(calendar, &format!("{}.ics", calendar.slug));
        let period = super::period_text(schedule, calendar.language);
        let page = Page {
            name: calendar.name.clone(),
            description: calendar.description.clone(),
            lang: if zh { "zh-CN" } else { "en" },
            zh,
            period,
            provisional: schedule.provisional(),
            provisional_years: schedule
                .provisional_years
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(if zh { "、" } else { ", " }),
            weekdays: [
                chrono::Weekday::Mon,
                chrono::Weekday::Tue,
                chrono::Weekday::Wed,
                chrono::Weekday::Thu,
                chrono::Weekday::Fri,
                chrono::Weekday::Sat,
                chrono::Weekday::Sun,
            ]
            .iter()
            .map(|d| weekday_name(*d, calendar.language))
            .collect(),
            weekdays_short: if zh {
                vec!["一", "二", "三", "四", "五", "六", "日"]
            } else {
                vec!["M", "T", "W", "T", "F", "S", "S"]
            },
            legend: calendar
                .categories
                .iter()
                .map(|c| Legend {
                    label: c.label.clone(),
                    color: c.color.clone().unwrap_or_else(|| DEFAULT_COLOR.to_string()),
                })
                .collect(),
            feeds,
            qr_svg: calendar.url.as_deref().and_then(qr_svg),
            https_url: https_url.or_else(|| calendar.url.clone()),
            webcal_url,
            generated: generated.to_string(),
        };
        Self { page, months }
    }

    /// The files of the pages: `index.html`, one `YYYY-MM.html` per month, `print.html`.
    ///
    /// # Errors
    ///
    /// When a template fails.
    pub fn render(&self, templates: &Templates) -> Result<Vec<(String, String)>> {
        // Each sheet is rendered once, for its month page and for print.html.
        #[derive(Serialize)]
        struct One<'a> {
            #[serde(flatten)]
            page: &'a Page,
            month: &'a Month,
        }
        #[derive(Serialize)]
        struct WithSheet<'a> {
            #[serde(flatten)]
            page: &'a Page,
            month: &'a Month,
            sheet: &'a str,
        }
        #[derive(Serialize)]
        struct All<'a> {
            #[serde(flatten)]
            page: &'a Page,
            months: &'a [Month],
            sheets: &'a [String],
        }
        let sheets = self
            .months
            .iter()
            .map(|month| templates.render("sheet.html", &One { page: &self.page, month }))
            .collect::<Result<Vec<_>>>()?;
        let all = tera::Context::from_serialize(All {
            page: &self.page,
            months: &self.months,
            sheets: &sheets,
        })
        .map_err(|e| super::templates::template_error("index.html", &e))?;
        let mut files =
            vec![("index.html".to_string(), templates.render_context("index.html", &all)?)];
        for (month, sheet) in self.months.iter().zip(&sheets) {
            files.push((
                month.file.clone(),
                templates.render("month.html", &WithSheet { page: &self.page, month, sheet })?,
            ));
        }
        files.push(("print.html".to_string(), templates.render_context("print.html", &all)?));
        Ok(files)
    }
}
