//! The printable notice-board pages: the year at a glance (`index.html`), one A4
//! landscape page per month (`YYYY-MM.html`), and every month in one file (`print.html`).
//!
//! This module only arranges what the scheduler produced into the shape the templates
//! show; the day labels (lunar day, festival, solar term) come from the date engine. Here:
//! the pages of the year (index, print, the pictures' pages) and what they share; by
//! part: `month` (a month's grid and list), `cell` (a day of the grid), `agenda` (the phone's list of days),
//! `routine` (rules told once a month), `subscribe` (feed links and QR codes).

mod agenda;
mod cell;
mod month;
mod routine;
mod subscribe;

use chrono::Datelike;
use serde::Serialize;

use super::by_month;
use super::templates::Templates;
use crate::error::Result;
use crate::model::{Calendar, Language};
use crate::schedule::{Occurrence, Schedule};
use crate::t;
use crate::text::weekday_name;
use month::{month_view, Month, MonthHead};
use subscribe::{links, qr_svg};

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

/// The file a rule's occurrences are in, for "add to my calendar".
pub(super) fn ics_file(calendar: &Calendar, o: &Occurrence) -> String {
    format!("events/{}.ics", calendar.events[o.event].id)
}

/// The most events a day cell lists before "+N".
pub(super) const CELL_EVENTS: usize = 3;

pub(super) fn color(calendar: &Calendar, o: &Occurrence) -> String {
    calendar.events[o.event]
        .category
        .as_deref()
        .and_then(|k| calendar.category(k))
        .and_then(|c| c.color.clone())
        .unwrap_or_else(|| DEFAULT_COLOR.to_string())
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
