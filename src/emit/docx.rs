//! `plan.docx`: the work plan (工作计划) as a union submits it upward, in 公文 layout after
//! GB/T 9704-2012 — the title, the prose of `[plan]`, then 具体活动安排 month by month (or
//! as a table), and the 落款.
//!
//! The document body is WordprocessingML rendered from the template `plan-docx.xml`, which
//! a `--templates` folder may replace like the HTML ones; styles, fonts (with the East
//! Asian names Word and WPS use, and their fallbacks) and the `— 1 —` page-number footer
//! are fixed parts. Written by hand rather than with a Word library: the layout is a few
//! hundred lines of XML that an officer's IT person can read and adjust, and a fixed zip
//! timestamp makes the same input give the same bytes.

use std::io::Write;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use zip::write::SimpleFileOptions;

use super::{dates_text, templates::Templates, PlanSection};
use crate::error::{Error, Result};
use crate::model::Calendar;
use crate::schedule::{Occurrence, Schedule};
use crate::t;

/// Widths of the table layout's columns, in twentieths of a point: the text block of
/// A4 less the margins (210 mm − 28 − 26 mm = 8845).
const WIDTHS: [u32; 5] = [1900, 2945, 1400, 1300, 1300];
const TEXT_WIDTH: u32 = 8845;

#[derive(Serialize)]
struct Document {
    title: String,
    intro: Vec<String>,
    sections: Vec<PlanSection>,
    activities: String,
    note: Option<String>,
    table: bool,
    header: Vec<String>,
    widths: [u32; 5],
    text_width: u32,
    months: Vec<Month>,
    signature: String,
    date: String,
}

#[derive(Serialize)]
struct Month {
    title: String,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Item {
    /// The whole numbered line of the list layout.
    line: String,
    when_time: String,
    title: String,
    location: String,
    organizer: String,
    audience: String,
}

/// Text made safe for XML 1.0: characters it cannot hold (control characters, U+FFFE,
/// U+FFFF) dropped. Escaping of `<`, `&` and quotes is the template's (Tera escapes every
/// value).
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| (!c.is_control() || c == '\t') && !matches!(c, '\u{fffe}' | '\u{ffff}'))
        .collect()
}

/// `一月份`, `七、八月份`; `January`, `July–August`.
fn item(calendar: &Calendar, o: &Occurrence, when: String, number: usize) -> Item {
    let lang = calendar.language;
    let time = match (o.start_time, o.end_time) {
        (Some(s), Some(e)) => {
            t!(in lang; "time-span", from = s.format("%H:%M"), to = e.format("%H:%M"))
        }
        (Some(s), None) => s.format("%H:%M").to_string(),
        _ => String::new(),
    };
    let location = o.location.as_deref().unwrap_or_default().to_string();
    let organizer = super::organizer(calendar, o);
    let audience = super::audience(calendar, o);
    let details: Vec<String> = [
        ("document-place", "place", &location),
        ("document-organizer", "organizer", &organizer),
        ("document-audience", "audience", &audience),
    ]
    .into_iter()
    .filter(|(_, _, value)| !value.is_empty())
    .map(|(id, name, value)| crate::messages::text_in(lang.into(), id, &[(name, value.clone())]))
    .collect();
    let when_time = [when.as_str(), time.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let mut line = t!(in lang; "document-item", n = number, when = when_time, title = o.title);
    if !details.is_empty() {
        let details = details.join(&t!(in lang; "document-details-separator"));
        line.push_str(&t!(in lang; "document-details", details = details));
    }
    Item {
        line: xml_text(&line),
        when_time: xml_text(&when_time),
        title: xml_text(&o.title),
        location: xml_text(&location),
        organizer: xml_text(&organizer),
        audience: xml_text(&audience),
    }
}

/// The months of the plan as the document shows them.
fn months(calendar: &Calendar, schedule: &Schedule) -> Vec<Month> {
    let lang = calendar.language;
    let multi_year = schedule.from.year() != schedule.to.year();
    super::plan_months(calendar, schedule)
        .into_iter()
        .map(|m| {
            let mut items = Vec::new();
            for o in m.tasks {
                let when =
                    t!(in lang; "document-during", month = o.date.month(), name = o.date.format("%B"));
                items.push(item(calendar, o, when, items.len() + 1));
            }
            for g in &m.groups {
                let when = dates_text(g, calendar.language);
                items.push(item(calendar, g.first, when, items.len() + 1));
            }
            if m.birthdays > 0 {
                let title = t!(in lang; "plan-birthdays", count = m.birthdays);
                let when = t!(in lang; "plan-this-month");
                let n = items.len() + 1;
                let line = t!(in lang; "document-item", n = n, when = when, title = title);
                items.push(Item {
                    line: xml_text(&line),
                    when_time: xml_text(&when),
                    title: xml_text(&title),
                    location: String::new(),
                    organizer: String::new(),
                    audience: String::new(),
                });
            }
            let (first, last) = m.months;
            let title =
                super::month_run_title("document-month", m.year, (first, last), multi_year, lang);
            Month { title, items }
        })
        .collect()
}

/// The document's content (what the template lays out).
fn document(calendar: &Calendar, schedule: &Schedule, today: NaiveDate) -> Document {
    let lang = calendar.language;
    let plan = &calendar.plan;
    let (mut sections, activities) = super::plan_sections(calendar);
    for section in &mut sections {
        section.heading = xml_text(&section.heading);
        for p in &mut section.paragraphs {
            p.text = xml_text(&p.text);
        }
    }
    let period = super::period_text(schedule, calendar.language);
    let title = plan
        .title
        .clone()
        .unwrap_or_else(|| t!(in lang; "document-title", name = calendar.name, period = period));
    let date = plan.date.unwrap_or(today);
    Document {
        title: xml_text(&title),
        intro: plan.intro.iter().map(|p| xml_text(p)).collect(),
        sections,
        activities,
        note: schedule.provisional().then(|| t!(in lang; "plan-md-provisional")),
        table: plan.table,
        header: t!(in lang; "document-columns").split('|').map(String::from).collect(),
        widths: WIDTHS,
        text_width: TEXT_WIDTH,
        months: months(calendar, schedule),
        signature: xml_text(plan.signature.as_deref().unwrap_or(&calendar.name)),
        date: t!(in lang; "date-long", year = date.year(), month = date.month(), day = date.day(), name = date.format("%B")),
    }
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>
"#;

/// Escape text for XML written here (not through a template).
fn escape(text: &str) -> String {
    xml_text(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn core_properties(title: &str, author: &str, stamp: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>
"#,
        escape(title),
        escape(author)
    )
}

/// The `plan.docx` of `schedule`. `stamp` is the build's time (`SOURCE_DATE_EPOCH` when
/// set): the default date of the 落款 and the document's time stamps.
///
/// # Errors
///
/// When the (possibly user-supplied) template fails.
pub fn render(
    calendar: &Calendar,
    schedule: &Schedule,
    templates: &Templates,
    stamp: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>> {
    let document = document(calendar, schedule, stamp.date_naive());
    let body = templates.render("plan-docx.xml", &document)?;
    let body = body.trim_start();
    let parts: [(&str, &str); 8] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("word/document.xml", body),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", include_str!("../../templates/docx/styles.xml")),
        ("word/settings.xml", include_str!("../../templates/docx/settings.xml")),
        ("word/fontTable.xml", include_str!("../../templates/docx/fontTable.xml")),
        ("word/footer1.xml", include_str!("../../templates/docx/footer.xml")),
    ];
    let core = core_properties(
        &document.title,
        &document.signature,
        &stamp.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // A fixed time stamp on every entry: the same input gives the same bytes.
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let fail = |e: &dyn std::fmt::Display| {
        Error::Usage(crate::t!("cannot-write-document", file = "plan.docx", error = e))
    };
    for (name, text) in parts.iter().copied().chain([("docProps/core.xml", core.as_str())]) {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| fail(&e))?;
    }
    let cursor = zip.finish().map_err(|e| fail(&e))?;
    Ok(super::same_zip_everywhere(cursor.into_inner()))
}

/// A package as `render` makes it, for the tests.
#[cfg(test)]
fn render_zip_for_test() -> Vec<u8> {
    let calendar = crate::config::parse(
        "t.toml",
        b"[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\n",
        "t",
    )
    .unwrap();
    let (from, to) = crate::schedule::year_range(2027);
    let schedule = crate::schedule::expand(&calendar, from, to).unwrap();
    let templates = crate::emit::templates::Templates::load(None).unwrap();
    render(&calendar, &schedule, &templates, chrono::DateTime::UNIX_EPOCH).unwrap()
}

#[cfg(test)]
mod zip_tests {
    #[test]
    fn a_package_made_on_windows_becomes_the_one_made_elsewhere() {
        let linux = super::render_zip_for_test();
        // What the zip writer produces on Windows: host "DOS" (0) in every central entry.
        let mut windows = linux.clone();
        let mut at = 0;
        let mut patched = 0;
        while let Some(i) = windows[at..].windows(4).position(|w| w == [0x50, 0x4b, 0x01, 0x02]) {
            windows[at + i + 5] = 0;
            at += i + 4;
            patched += 1;
        }
        assert!(patched >= 9, "every part of the package has a central entry");
        assert_ne!(windows, linux);
        assert_eq!(crate::emit::same_zip_everywhere(windows), linux);
        assert_eq!(crate::emit::same_zip_everywhere(b"not a zip".to_vec()), b"not a zip");
    }
}
