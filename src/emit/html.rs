//! The printable notice-board pages: the year at a glance (`index.html`), one A4
//! landscape page per month (`YYYY-MM.html`), and every month in one file (`print.html`).
//!
//! This module only arranges what the scheduler produced into the shape the templates
//! show; the day labels (lunar day, festival, solar term) come from the date engine.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::by_month;
use super::templates::Templates;
use super::{category_label, dates_text, month_day, month_groups, time_text, weekday_text};
use crate::dates::{day_label, DayKind};
use crate::error::Result;
use crate::model::{Calendar, Language};
use crate::schedule::{Occurrence, Schedule};
use crate::t;
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
    weekdays_short: Vec<String>,
    legend: Vec<Legend>,
    feeds: Vec<Feed>,
    https_url: Option<String>,
    webcal_url: Option<String>,
    qr_svg: Option<String>,
    /// The address of the pages (`index.html` beside the feed), and its QR code.
    page_url: Option<String>,
    page_qr_svg: Option<String>,
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

/// What every page says about a month: its heading and file.
#[derive(Serialize)]
struct MonthHead {
    id: String,
    title: String,
    subtitle: String,
    file: String,
    provisional: bool,
    count: usize,
    /// `""`, `" dense"`, `" denser"` or `" densest"`: how tightly the sheet sets its list.
    density: &'static str,
}

#[derive(Serialize)]
struct Month {
    #[serde(flatten)]
    head: MonthHead,
    weeks: Vec<Vec<Day>>,
    items: Vec<Item>,
    tasks: Vec<Task>,
    /// The month as a phone shows it: one entry per day that has something.
    agenda: Vec<AgendaDay>,
    /// Rules that meet four times or more in the month, told once at its top (phone,
    /// long image); the agenda leaves them out.
    routines: Vec<Routine>,
}

/// A rule that meets four times or more in a month, as one line: its days, time, place,
/// count, and the occurrences cancelled or moved.
#[derive(Serialize)]
struct Routine {
    title: String,
    text: String,
    color: String,
    ics: String,
}

/// How many times a rule must meet in a month to be told once as a routine.
const ROUTINE: usize = 4;

/// The month's routines: each rule with four or more (non-task) occurrences in `list`.
fn routines(
    calendar: &Calendar,
    list: &[&Occurrence],
    year: i32,
    month: u32,
) -> Vec<(usize, Routine)> {
    let lang = calendar.language;
    let mut by_rule: std::collections::BTreeMap<usize, Vec<&Occurrence>> = Default::default();
    for o in list.iter().filter(|o| !o.month_task && o.date == o.end_date) {
        by_rule.entry(o.event).or_default().push(o);
    }
    let mut out = Vec::new();
    for (event, occurrences) in by_rule.into_iter().filter(|(_, o)| o.len() >= ROUTINE) {
        let first = occurrences[0];
        let mut weekdays: Vec<chrono::Weekday> =
            occurrences.iter().map(|o| o.date.weekday()).collect();
        weekdays.sort_by_key(chrono::Weekday::num_days_from_monday);
        weekdays.dedup();
        let days = if weekdays.len() == 7 {
            t!(in lang; "routine-daily")
        } else {
            let names: Vec<String> = weekdays.iter().map(|w| weekday_short(*w, lang)).collect();
            t!(in lang; "routine-weekly", days = names.join(&t!(in lang; "routine-day-separator")))
        };
        let time = match (first.start_time, first.end_time) {
            (Some(from), Some(to)) => {
                t!(in lang; "routine-time", from = from.format("%H:%M"), to = to.format("%H:%M"))
            }
            (Some(from), None) => from.format("%H:%M").to_string(),
            _ => String::new(),
        };
        let place = first.location.as_deref().unwrap_or_default();
        let mut exceptions: Vec<String> = occurrences
            .iter()
            .filter_map(|o| o.original_date().map(|from| (from, o.date)))
            .map(|(from, to)| t!(in lang; "routine-moved", from = month_day(from, lang), to = month_day(to, lang)))
            .collect();
        for change in &calendar.events[event].changes {
            if let (crate::model::ChangeDate::Day(d), crate::model::ChangeAction::Cancel) =
                (change.date, &change.action)
            {
                if d.year() == year && d.month() == month {
                    exceptions.push(t!(in lang; "routine-cancelled", date = month_day(d, lang)));
                }
            }
        }
        let mut text = t!(in lang; "routine-line", days = days, time = time, place = place, count = occurrences.len());
        if !exceptions.is_empty() {
            text.push_str(&t!(in lang; "routine-exceptions", list = exceptions.join(&t!(in lang; "routine-exception-separator"))));
        }
        out.push((
            event,
            Routine {
                title: first.title.to_string(),
                text,
                color: color(calendar, first),
                ics: ics_file(calendar, first),
            },
        ));
    }
    out
}

/// A weekday as a routine line lists it (一 … 日 after 每周; Mon … Sun), from the catalog.
fn weekday_short(weekday: chrono::Weekday, lang: crate::model::Language) -> String {
    let names = t!(in lang; "routine-weekdays");
    let index = weekday.num_days_from_monday() as usize;
    names.split('|').nth(index).unwrap_or_default().to_string()
}

/// The lunar months a Gregorian month touches, each with its sexagenary year when it
/// changes: 丙午年腊月 — 丁未年正月, 戊申年五月 — 闰五月.
fn lunar_months(first: NaiveDate) -> String {
    let mut months: Vec<(i32, String)> = Vec::new();
    let mut day = first;
    while day.month() == first.month() {
        if let Some(lunar) = crate::dates::solar_to_lunar(day) {
            let name = lunar.month_name();
            if months.last() != Some(&(lunar.year, name.clone())) {
                months.push((lunar.year, name));
            }
        }
        day = day + Days::new(1);
    }
    let mut parts = Vec::new();
    let mut last_year = None;
    for (year, name) in months {
        if last_year == Some(year) {
            parts.push(name);
        } else {
            parts.push(format!("{}{name}", crate::dates::stem_branch_year(year)));
        }
        last_year = Some(year);
    }
    parts.join(" — ")
}

/// A day of the phone agenda: its date, lunar day or festival, 休/班, and every event.
#[derive(Serialize)]
struct AgendaDay {
    id: String,
    date: String,
    weekday: &'static str,
    label: String,
    special: bool,
    badge: Option<Badge>,
    note: Option<&'static str>,
    events: Vec<AgendaEvent>,
}

#[derive(Serialize)]
struct AgendaEvent {
    time: String,
    title: String,
    location: String,
    organizer: String,
    audience: String,
    color: String,
    /// The rule's own `.ics` file, to add it to a phone's calendar.
    ics: String,
    note: String,
}

/// A day cell. Its CSS classes are worked out here so the templates stay plain markup.
#[derive(Serialize)]
struct Day {
    day: u32,
    in_month: bool,
    /// `out` (another month's day), `off`, `weekend`, space-separated.
    class: String,
    label: String,
    /// `lun`, or `lun sp` for a festival or solar term.
    label_class: &'static str,
    /// 休 / 班 on a day of this month whose working status differs from the week's.
    badge: Option<Badge>,
    off: bool,
    /// The partial-holiday note (下午放假), on days of this month.
    note: Option<&'static str>,
    events: Vec<CellEvent>,
    /// "另有 2 项" when more events fall on the day than the cell lists, else "".
    more: String,
}

#[derive(Serialize)]
struct Badge {
    text: String,
    class: &'static str,
    title: Option<String>,
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
    audience: String,
    category: String,
    color: String,
    note: String,
    ics: String,
}

#[derive(Serialize)]
struct Task {
    title: String,
    organizer: String,
    audience: String,
    category: String,
    color: String,
    ics: String,
}

/// The file a rule's occurrences are in, for "add to my calendar".
fn ics_file(calendar: &Calendar, o: &Occurrence) -> String {
    format!("events/{}.ics", calendar.events[o.event].id)
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

/// The cell of `day` in the grid of `month`: its lunar label, 休/班 badge, and the first
/// events of `list` on it.
fn day_cell(
    calendar: &Calendar,
    schedule: &Schedule,
    list: &[&Occurrence],
    day: NaiveDate,
    month: u32,
) -> Day {
    let lang = calendar.language;
    let label = day_label(day);
    let kind = schedule.days.kind(day);
    let provisional = schedule.provisional_years.contains(&day.year());
    let badge = match kind {
        DayKind::Holiday(_) | DayKind::ExtraOff => Some(t!(in lang; "day-off")),
        DayKind::MakeUpWork(_) | DayKind::ExtraWork
            if day.weekday().num_days_from_monday() >= 5 =>
        {
            Some(t!(in lang; "day-work"))
        }
        _ => None,
    };
    let on_day: Vec<&Occurrence> = list
        .iter()
        .copied()
        .filter(|o| !o.month_task && o.date <= day && day <= o.end_date && day.month() == month)
        .collect();
    let in_month = day.month() == month;
    let off = kind.is_off();
    let weekend = day.weekday().num_days_from_monday() >= 5;
    let provisional = provisional && matches!(kind, DayKind::Holiday(_) | DayKind::MakeUpWork(_));
    let class = [(!in_month, "out"), (off, "off"), (weekend, "weekend")]
        .iter()
        .filter_map(|&(on, class)| on.then_some(class))
        .collect::<Vec<_>>()
        .join(" ");
    let more = on_day.len().saturating_sub(CELL_EVENTS);
    Day {
        day: day.day(),
        in_month,
        class,
        label: label.text,
        label_class: if label.special { "lun sp" } else { "lun" },
        badge: badge.filter(|_| in_month).map(|text| Badge {
            text: if provisional { format!("{text}*") } else { text },
            class: match (off, provisional) {
                (true, true) => "badge off prov",
                (true, false) => "badge off",
                (false, true) => "badge work prov",
                (false, false) => "badge work",
            },
            title: provisional.then(|| t!(in lang; "day-provisional")),
        }),
        off,
        note: label.partial_holiday.filter(|_| in_month),
        more: match more {
            0 => String::new(),
            n => t!(in lang; "day-more", count = n),
        },
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
    }
}

fn month_view(
    calendar: &Calendar,
    schedule: &Schedule,
    year: i32,
    month: u32,
    list: &[&Occurrence],
) -> Month {
    let lang = calendar.language;
    let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(schedule.from);
    let start = first - Days::new(u64::from(first.weekday().num_days_from_monday()));
    let mut weeks = Vec::new();
    let mut day = start;
    while weeks.is_empty() || day.month() == month {
        let mut week = Vec::new();
        for _ in 0..7 {
            week.push(day_cell(calendar, schedule, list, day, month));
            day = day + Days::new(1);
        }
        weeks.push(week);
    }
    let routines = routines(calendar, list, year, month);
    let routine_rules: Vec<usize> = routines.iter().map(|(event, _)| *event).collect();
    let everyday: Vec<&Occurrence> = list
        .iter()
        .copied()
        .filter(|o| !routine_rules.contains(&o.event) || o.month_task)
        .collect();
    let agenda = agenda(calendar, &everyday, &weeks, year, month);
    let (tasks, groups) = month_groups(list);
    // The print sheet's list: the routines first, each one line, then every other item.
    let mut items: Vec<Item> = routines
        .iter()
        .filter_map(|(event, routine)| {
            let o = list.iter().find(|o| o.event == *event && !o.month_task)?;
            Some(Item {
                when: routine.text.clone(),
                weekday: String::new(),
                time: String::new(),
                title: routine.title.clone(),
                location: String::new(),
                organizer: super::organizer(calendar, o),
                audience: super::audience(calendar, o),
                category: category_label(calendar, o).to_string(),
                color: routine.color.clone(),
                note: String::new(),
                ics: routine.ics.clone(),
            })
        })
        .collect();
    let everyday_groups = groups
        .iter()
        .filter(|g| !(routine_rules.contains(&g.first.event) && g.first.date == g.first.end_date));
    items.extend(everyday_groups.map(|g| {
        let o = g.first;
        let note = match o.original_date() {
            Some(d) if g.dates.len() == 1 => {
                t!(in lang; "moved-from", date = month_day(d, lang))
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
            audience: super::audience(calendar, o),
            category: category_label(calendar, o).to_string(),
            color: color(calendar, o),
            note,
            ics: ics_file(calendar, o),
        }
    }));
    let tasks: Vec<Task> = tasks
        .iter()
        .map(|o| Task {
            title: o.title.to_string(),
            organizer: super::organizer(calendar, o),
            audience: super::audience(calendar, o),
            category: category_label(calendar, o).to_string(),
            color: color(calendar, o),
            ics: ics_file(calendar, o),
        })
        .collect();
    // The catalog decides: the lunar months under a Chinese page's title; nothing under an
    // English one (their names are Chinese).
    let subtitle = t!(in lang; "month-lunar-subtitle", months = lunar_months(first));
    let listed: usize = items.len() + tasks.len();
    Month {
        head: MonthHead {
            id: format!("{year}-{month:02}"),
            title: t!(in lang; "date-year-month", year = year, month = month, name = first.format("%B")),
            subtitle,
            file: format!("{year}-{month:02}.html"),
            provisional: schedule.provisional_years.contains(&year),
            count: list.len(),
            density: match listed {
                41.. => " densest",
                25..=40 => " denser",
                15..=24 => " dense",
                _ => "",
            },
        },
        weeks,
        items,
        tasks,
        agenda,
        routines: routines.into_iter().map(|(_, r)| r).collect(),
    }
}

/// The month as an agenda: each day of the month with an event, a 休/班 mark or a
/// festival, with all of its events (whole titles, place, organizer).
fn agenda(
    calendar: &Calendar,
    list: &[&Occurrence],
    weeks: &[Vec<Day>],
    year: i32,
    month: u32,
) -> Vec<AgendaDay> {
    let lang = calendar.language;
    let mut out = Vec::new();
    for cell in weeks.iter().flatten().filter(|d| d.in_month) {
        let Some(date) = NaiveDate::from_ymd_opt(year, month, cell.day) else { continue };
        let events: Vec<AgendaEvent> = list
            .iter()
            .filter(|o| !o.month_task && o.date <= date && date <= o.end_date)
            .map(|o| {
                let time = if o.date != date {
                    t!(in lang; "agenda-continued")
                } else if o.all_day() {
                    t!(in lang; "agenda-all-day")
                } else {
                    time_text(o, calendar.language)
                };
                let note = o
                    .original_date()
                    .map(|d| t!(in lang; "moved-from", date = month_day(d, lang)))
                    .unwrap_or_default();
                AgendaEvent {
                    time,
                    title: o.title.to_string(),
                    location: o.location.as_deref().unwrap_or_default().to_string(),
                    organizer: super::organizer(calendar, o),
                    audience: super::audience(calendar, o),
                    color: color(calendar, o),
                    ics: ics_file(calendar, o),
                    note,
                }
            })
            .collect();
        let special = cell.label_class != "lun";
        if events.is_empty() && cell.badge.is_none() && !special {
            continue;
        }
        out.push(AgendaDay {
            id: date.format("d%Y%m%d").to_string(),
            date: month_day(date, lang),
            weekday: weekday_name(date.weekday(), calendar.language),
            label: cell.label.clone(),
            special,
            badge: cell.badge.as_ref().map(|b| Badge {
                text: b.text.clone(),
                class: b.class,
                title: b.title.clone(),
            }),
            note: cell.note,
            events,
        });
    }
    out
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

/// The pages a browser turns into pictures (`build --png`): never written as outputs.
#[derive(Debug, Clone)]
pub struct SharePages {
    /// Per month: its id (`2027-03`), the long phone picture's page, the A4 sheet's page.
    pub months: Vec<(String, String, String)>,
    /// The year page, as printed on A4 landscape.
    pub year: String,
    /// Every month's phone picture in one page, with a script that measures each
    /// (`<pre id="share-heights">` holds their heights in CSS px once loaded).
    pub measure: String,
}

/// A whole HTML document of `body` with `style`.
fn document(lang: &str, style: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<style>{style}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
}

/// The A4 pictures' page: the printed sheet alone, with the print margins, on white.
const A4_STYLE: &str = "body { background: #fff; padding: 8mm; } .sheet { margin: 0 auto; box-shadow: none; } .screen-only, .topnav, .agenda { display: none !important; }";

/// Everything the HTML pages need, computed once.
pub struct Pages {
    page: Page,
    months: Vec<Month>,
}

impl Pages {
    /// Arrange `schedule` for the pages.
    #[must_use]
    pub fn new(calendar: &Calendar, schedule: &Schedule, generated: &str) -> Self {
        let lang = calendar.language;
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
            Feed { label: t!(in lang; "feed-all"), file, https, webcal }
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
            lang: lang.tag(),
            zh: lang == Language::Zh,
            period,
            provisional: schedule.provisional(),
            provisional_years: schedule
                .provisional_years
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(&t!(in lang; "list-separator")),
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
            weekdays_short: t!(in lang; "weekdays-short")
                .split_whitespace()
                .map(ToString::to_string)
                .collect(),
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
            page_url: links(calendar, "index.html").0,
            page_qr_svg: links(calendar, "index.html").0.as_deref().and_then(qr_svg),
            https_url: https_url.or_else(|| calendar.url.clone()),
            webcal_url,
            generated: generated.to_string(),
        };
        Self { page, months }
    }

    /// The pages `build --png` captures: each month as a long phone picture and as its
    /// A4 sheet, and the year page.
    ///
    /// # Errors
    ///
    /// When a template fails.
    pub(crate) fn share_pages(&self, templates: &Templates) -> Result<SharePages> {
        let mut page = tera::Context::from_serialize(&self.page)
            .map_err(|e| super::templates::template_error("share.html", &e))?;
        page.insert("style", templates.style());
        let lang = self.page.lang;
        let mut months = Vec::new();
        let mut all = String::new();
        for month in &self.months {
            let mut context = page.clone();
            context.insert("month", &month.head);
            context.insert("agenda", &month.agenda);
            context.insert("tasks", &month.tasks);
            context.insert("routines", &month.routines);
            let phone = templates.render_context("share.html", &context)?;
            all.push_str(&phone);
            context.insert("month", month);
            let sheet = templates.render_context("sheet.html", &context)?;
            let a4 = document(lang, &format!("{}\n{A4_STYLE}", templates.style()), &sheet);
            months.push((
                month.head.id.clone(),
                document(lang, super::templates::SHARE_STYLE, &phone),
                a4,
            ));
        }
        let mut index = page.clone();
        index.insert("months", &self.months);
        let year = templates.render_context("index.html", &index)?.replacen(
            "</head>",
            &format!("<style>{A4_STYLE}</style>\n</head>"),
            1,
        );
        let script = "<pre id=\"share-heights\"></pre><script>window.addEventListener('load', () => { document.getElementById('share-heights').textContent = [...document.querySelectorAll('section.share')].map(s => s.id + ' ' + Math.ceil(s.getBoundingClientRect().height)).join('\\n'); });</script>";
        let measure = document(lang, super::templates::SHARE_STYLE, &format!("{all}{script}"));
        Ok(SharePages { months, year, measure })
    }

    /// The files of the pages: `index.html`, one `YYYY-MM.html` per month, `print.html`.
    ///
    /// # Errors
    ///
    /// When a template fails.
    pub fn render(&self, templates: &Templates) -> Result<Vec<(String, String)>> {
        let mut page = tera::Context::from_serialize(&self.page)
            .map_err(|e| super::templates::template_error("index.html", &e))?;
        page.insert("style", templates.style());
        // The page's context with a page's own values added.
        let with = |add: &dyn Fn(&mut tera::Context)| {
            let mut context = page.clone();
            add(&mut context);
            context
        };
        // Each sheet is rendered once, for its month page and for print.html; the later
        // months on a second thread.
        let sheets = |months: &[Month]| {
            months
                .iter()
                .map(|month| {
                    templates.render_context("sheet.html", &with(&|c| c.insert("month", month)))
                })
                .collect::<Result<Vec<_>>>()
        };
        let agendas = self
            .months
            .iter()
            .map(|month| {
                templates.render_context(
                    "agenda.html",
                    &with(&|c| {
                        c.insert("month", &month.head);
                        c.insert("agenda", &month.agenda);
                        c.insert("tasks", &month.tasks);
                        c.insert("routines", &month.routines);
                    }),
                )
            })
            .collect::<Result<Vec<_>>>()?;
        let (early, late) = self.months.split_at(self.months.len() / 2);
        let (late, early) = crate::parallel::join(|| sheets(late), || sheets(early));
        let mut sheets = early?;
        sheets.extend(late?);
        let index = with(&|c| c.insert("months", &self.months));
        let mut files =
            vec![("index.html".to_string(), templates.render_context("index.html", &index)?)];
        for ((month, sheet), agenda) in self.months.iter().zip(&sheets).zip(&agendas) {
            let context = with(&|c| {
                c.insert("month", &month.head);
                c.insert("sheet", sheet);
                c.insert("agenda", agenda);
            });
            files
                .push((month.head.file.clone(), templates.render_context("month.html", &context)?));
        }
        let heads: Vec<&MonthHead> = self.months.iter().map(|m| &m.head).collect();
        let print = with(&|c| {
            c.insert("months", &heads);
            c.insert("sheets", &sheets);
            c.insert("agendas", &agendas);
        });
        files.push(("print.html".to_string(), templates.render_context("print.html", &print)?));
        let subscribe = with(&|c| c.insert("months", &heads));
        files.push((
            "subscribe.html".to_string(),
            templates.render_context("subscribe.html", &subscribe)?,
        ));
        Ok(files)
    }
}
