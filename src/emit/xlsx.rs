//! `plan.xlsx`: the rows of `plan.csv` plus 参加范围 as a formatted sheet for Excel and WPS —
//! real dates and times, a bold header frozen in place with an autofilter, column widths
//! for Chinese text, wrapped titles, and an A4 landscape print setup that repeats the
//! header on every page under the calendar's name.
//!
//! Written with `rust_xlsxwriter`; the document's creation time is the build's stamp, so
//! the same input and `SOURCE_DATE_EPOCH` give the same bytes.

use chrono::{DateTime, Utc};
use rust_xlsxwriter::{DocProperties, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::{category_label, weekday_text};
use crate::error::{Error, Result};
use crate::model::Calendar;
use crate::schedule::Schedule;
use crate::t;

/// The columns' widths in characters (a Chinese character is about two); their headers are
/// the catalog's `sheet-columns`.
const WIDTHS: [f64; 9] = [12.0, 7.0, 7.0, 7.0, 46.0, 18.0, 16.0, 11.0, 18.0];

/// Text a spreadsheet shows as written: control characters out, never a formula (the
/// cells are written as strings, which Excel does not evaluate).
fn text(value: &str) -> String {
    value.chars().filter(|c| !c.is_control() || *c == '\n').collect()
}

/// A page-header text with `&` doubled (Excel's header codes start with `&`).
fn header_text(value: &str) -> String {
    text(value).replace('&', "&&")
}

/// Excel's longest page header, its codes included.
const MAX_HEADER: usize = 255;

/// The page header: the calendar's name (cut short with `…` where Excel's limit needs it)
/// and the period, centred and bold.
fn page_header(name: &str, period: &str) -> String {
    let header = |name: &str| format!("&C&\"-,Bold\"{} {}", header_text(name), header_text(period));
    let mut cut: Vec<char> = name.chars().collect();
    let mut text = header(name);
    while text.chars().count() > MAX_HEADER && !cut.is_empty() {
        cut.pop();
        text = header(&format!("{}…", cut.iter().collect::<String>()));
    }
    text
}

/// The most activities one sheet holds: Excel's 1,048,576 rows less the header.
pub(crate) const MAX_ROWS: usize = 1_048_575;

/// Refuse, before anything is rendered, a schedule with more activities than a sheet
/// has rows.
///
/// # Errors
///
/// [`Error::Usage`]: the range given is too long for a spreadsheet.
pub(crate) fn fits(schedule: &Schedule) -> Result<()> {
    let count = schedule.occurrences.len();
    if count > MAX_ROWS {
        return Err(Error::Usage(t!(
            "sheet-too-many-rows",
            count = count,
            max = MAX_ROWS,
            from = schedule.from,
            to = schedule.to
        )));
    }
    Ok(())
}

fn fail(e: &XlsxError) -> Error {
    Error::Usage(t!("cannot-write-document", file = "plan.xlsx", error = e))
}

/// The workbook of `schedule`.
///
/// # Errors
///
/// When the spreadsheet library fails (it does not for valid input).
pub fn render(calendar: &Calendar, schedule: &Schedule, stamp: DateTime<Utc>) -> Result<Vec<u8>> {
    build(calendar, schedule, stamp).map(super::same_zip_everywhere).map_err(|e| fail(&e))
}

fn build(
    calendar: &Calendar,
    schedule: &Schedule,
    stamp: DateTime<Utc>,
) -> std::result::Result<Vec<u8>, XlsxError> {
    let lang = calendar.language;
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "{} {}",
                text(&calendar.name),
                super::period_text(schedule, calendar.language)
            ))
            .set_creation_datetime(&stamp),
    );
    let header = Format::new()
        .set_bold()
        .set_background_color("#E8E8E8")
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let cell = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
    let wrapped = cell.clone().set_text_wrap();
    let date = cell.clone().set_num_format("yyyy-mm-dd");
    let month = cell.clone().set_num_format(t!(in lang; "sheet-month-format"));
    let time = cell.clone().set_num_format("hh:mm");

    let sheet = workbook.add_worksheet();
    sheet.set_name(t!(in lang; "sheet-name"))?;
    let names = t!(in lang; "sheet-columns");
    for ((col, width), name) in (0u16..).zip(WIDTHS).zip(names.split('|')) {
        sheet.set_column_width(col, width)?;
        sheet.write_string_with_format(0, col, name, &header)?;
    }
    let (this_month, all_day) = (t!(in lang; "sheet-this-month"), t!(in lang; "agenda-all-day"));
    let mut row: u32 = 0;
    for o in &schedule.occurrences {
        row += 1;
        let event = &calendar.events[o.event];
        if o.month_task {
            sheet.write_datetime_with_format(row, 0, o.date, &month)?;
            sheet.write_string_with_format(row, 1, &this_month, &cell)?;
        } else {
            sheet.write_datetime_with_format(row, 0, o.date, &date)?;
            sheet.write_string_with_format(row, 1, weekday_text(o, calendar.language), &cell)?;
        }
        match o.start_time {
            Some(start) => sheet.write_datetime_with_format(row, 2, start, &time)?,
            None => sheet.write_string_with_format(
                row,
                2,
                if o.month_task { "" } else { &all_day },
                &cell,
            )?,
        };
        match o.end_time {
            Some(end) => sheet.write_datetime_with_format(row, 3, end, &time)?,
            None => sheet.write_blank(row, 3, &cell)?,
        };
        let texts = [
            (4, text(&o.title), &wrapped),
            (5, text(o.location.as_deref().unwrap_or_default()), &wrapped),
            (6, text(event.organizer.as_deref().unwrap_or_default()), &wrapped),
            (7, text(category_label(calendar, o)), &cell),
            (8, text(event.audience.as_deref().unwrap_or_default()), &wrapped),
        ];
        for (col, value, format) in texts {
            if value.is_empty() {
                sheet.write_blank(row, col, format)?;
            } else {
                sheet.write_string_with_format(row, col, value, format)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, row, 8)?;
    // Print: A4 landscape, one page wide, the header row on every page, the calendar's
    // name and the period at the top, page numbers at the foot.
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_header(page_header(&calendar.name, &super::period_text(schedule, lang)));
    sheet.set_footer(t!(in lang; "sheet-footer"));
    sheet.set_margins(0.5, 0.5, 0.7, 0.6, 0.3, 0.3);
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_name_is_cut_to_keep_the_page_header() {
        let name = "某某市某某区第一人民医院工会".repeat(20);
        let header = super::page_header(&name, "2027年");
        assert!(header.chars().count() <= super::MAX_HEADER);
        assert!(header.contains("某某市") && header.ends_with("… 2027年"), "{header}");
        let short = super::page_header("A&B 工会", "2027");
        assert_eq!(short, "&C&\"-,Bold\"A&&B 工会 2027");
    }
}
