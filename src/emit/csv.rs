//! The events as a spreadsheet: UTF-8 with BOM (so Excel reads Chinese), header
//! 日期,星期,时间,活动,地点,负责人,类别,参加范围, and no cell a spreadsheet could run as a formula.

use super::{category_label, time_text, weekday_text};
use crate::model::Calendar;
use crate::schedule::Schedule;

/// A cell made safe for spreadsheets: text starting with `=`, `+`, `-`, `@` (or a tab
/// or carriage return) gets a leading `'` so it is never run as a formula.
#[must_use]
pub(crate) fn safe_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The CSV text of `schedule`.
#[must_use]
pub fn render(calendar: &Calendar, schedule: &Schedule) -> String {
    let language = calendar.language;
    let header = crate::t!(in language; "csv-columns");
    let header: Vec<&str> = header.split('|').collect();
    let mut writer =
        csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let mut rows: Vec<[String; 8]> = Vec::new();
    for o in &schedule.occurrences {
        let event = &calendar.events[o.event];
        let date =
            if o.month_task { o.date.format("%Y-%m").to_string() } else { o.date.to_string() };
        rows.push([
            date,
            weekday_text(o, language).to_string(),
            time_text(o, language),
            o.title.to_string(),
            o.location.as_deref().unwrap_or_default().to_string(),
            event.organizer.as_deref().unwrap_or_default().to_string(),
            category_label(calendar, o).to_string(),
            event.audience.as_deref().unwrap_or_default().to_string(),
        ]);
    }
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(row.iter().map(|cell| safe_cell(cell)));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

#[cfg(test)]
mod tests {
    use super::safe_cell;

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("-1"), "'-1");
        assert_eq!(safe_cell("@SUM"), "'@SUM");
        assert_eq!(safe_cell("三八节"), "三八节");
    }
}
