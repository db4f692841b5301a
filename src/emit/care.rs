//! The private care outputs: `care.xlsx` (生日, 退休, a register to sign per visit, 名册问题),
//! `care.ics` (the officer's feed, with reminders) and the `care` entries of `list
//! --private --format json`. Names live here and nowhere public; UIDs come from the
//! roster's key, never from a name.

use chrono::{DateTime, Datelike, Utc};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use crate::care::{Entry, Kind, Roster};
use crate::model::Calendar;
use crate::t;

/// A private entry's title from its template: `{name}`, `{age}`, `{department}`.
fn fill(template: &str, name: &str, age: Option<u32>, department: &str) -> String {
    template
        .replace("{name}", name)
        .replace("{age}", &age.map(|a| a.to_string()).unwrap_or_default())
        .replace("{department}", department)
}

/// The title of a care entry in the private feed.
fn title(calendar: &Calendar, roster: &Roster, entry: &Entry) -> String {
    let member = &roster.members[entry.member];
    let care = calendar.care.as_ref();
    match entry.kind {
        Kind::Birthday => {
            let template = care.and_then(|c| c.birthdays.as_ref()).map_or("{name}", |b| &b.title);
            fill(template, &member.name, entry.age, &member.department)
        }
        Kind::Retirement => {
            let template = care.and_then(|c| c.retirement.as_ref()).map_or("{name}", |r| &r.title);
            fill(template, &member.name, entry.age, &member.department)
        }
        Kind::Visit => String::new(),
    }
}

/// `care.ics`: each birthday and retirement as an all-day entry, each visit occurrence as
/// one entry naming its members; reminders `lead` minutes before, when given.
#[must_use]
pub fn ics(
    calendar: &Calendar,
    roster: &Roster,
    entries: &[Entry],
    stamp: DateTime<Utc>,
) -> String {
    let lang = calendar.language;
    let lead = calendar.care.as_ref().and_then(|c| c.birthdays.as_ref()).and_then(|b| b.lead);
    let mut days = Vec::new();
    for entry in entries.iter().filter(|e| e.kind != Kind::Visit) {
        let member = &roster.members[entry.member];
        days.push(super::ical::DayEntry {
            uid: format!(
                "care-{}-{}-{}@{}",
                entry.kind.key(),
                super::ical::uid_safe(&member.key),
                entry.date.format("%Y%m%d"),
                calendar.uid_domain
            ),
            date: entry.date,
            summary: title(calendar, roster, entry),
            description: Some(member.department.clone()).filter(|d| !d.is_empty()),
        });
    }
    // Visits: one entry per occurrence, its members in the description.
    for ((date, id), members) in visit_groups(entries) {
        let names: Vec<String> = members
            .iter()
            .map(|&i| {
                let m = &roster.members[i];
                if m.department.is_empty() {
                    m.name.clone()
                } else {
                    t!(in lang; "care-name-department", name = m.name, department = m.department)
                }
            })
            .collect();
        let event = calendar.events.iter().find(|e| e.id == id);
        let summary = event.map_or_else(|| id.clone(), |e| e.title.to_string());
        days.push(super::ical::DayEntry {
            uid: format!("care-visit-{id}-{}@{}", date.format("%Y%m%d"), calendar.uid_domain),
            date,
            summary,
            description: Some(t!(
                in lang;
                "care-visit-names",
                count = names.len(),
                names = names.join(&t!(in lang; "list-separator"))
            )),
        });
    }
    days.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));
    let name = t!(in lang; "care-feed-name", name = calendar.name);
    super::ical::day_feed(&name, &days, lead, stamp)
}

/// The members of each visit occurrence, by date and visit id.
fn visit_groups(entries: &[Entry]) -> Vec<((chrono::NaiveDate, String), Vec<usize>)> {
    let mut groups: std::collections::BTreeMap<(chrono::NaiveDate, String), Vec<usize>> =
        std::collections::BTreeMap::new();
    for e in entries.iter().filter(|e| e.kind == Kind::Visit) {
        groups.entry((e.date, e.visit.clone().unwrap_or_default())).or_default().push(e.member);
    }
    groups.into_iter().collect()
}

/// The `care` entries of `list --private --format json`.
#[must_use]
pub fn json(roster: &Roster, entries: &[Entry]) -> serde_json::Value {
    let list: Vec<serde_json::Value> = entries
        .iter()
        .map(|e| {
            let m = &roster.members[e.member];
            serde_json::json!({
                "kind": e.kind.key(),
                "member": m.key,
                "name": m.name,
                "department": m.department,
                "date": e.date.to_string(),
                "lunar": e.lunar,
                "age": e.age,
                "visit": e.visit,
            })
        })
        .collect();
    serde_json::Value::Array(list)
}

/// A sheet name Excel accepts (≤ 31 characters, none of `[]:*?/\`), unique in `taken`.
fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let clean: String = wanted.chars().filter(|c| !"[]:*?/\\'".contains(*c)).take(28).collect();
    let mut name = clean.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{}{n}", clean.chars().take(26).collect::<String>());
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// A new sheet that prints on A4, one page wide however many pages long, its header row
/// on each page.
fn a4_sheet(workbook: &mut Workbook) -> &mut rust_xlsxwriter::Worksheet {
    let sheet = workbook.add_worksheet();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet
}

/// `care.xlsx`.
///
/// # Errors
///
/// When the spreadsheet library fails (it does not for valid input).
pub fn xlsx(
    calendar: &Calendar,
    roster: &Roster,
    entries: &[Entry],
    stamp: DateTime<Utc>,
) -> crate::Result<Vec<u8>> {
    build_xlsx(calendar, roster, entries, stamp).map(super::same_zip_everywhere).map_err(|e| {
        crate::Error::Usage(t!("cannot-write-document", file = "care.xlsx", error = e))
    })
}

/// The formats and sheet names `care.xlsx` shares across its sheets.
struct Book {
    workbook: Workbook,
    lang: crate::model::Language,
    header: Format,
    cell: Format,
    date: Format,
    title: Format,
    taken: Vec<String>,
}

impl Book {
    /// A new A4 sheet named `name` (made unique), with the header row `names` (`|`
    /// between them) at `row`, in columns `widths` wide.
    fn sheet(
        &mut self,
        name: &str,
        row: u32,
        names: &str,
        widths: &[f64],
    ) -> Result<&mut rust_xlsxwriter::Worksheet, XlsxError> {
        let name = sheet_name(name, &mut self.taken);
        let sheet = a4_sheet(&mut self.workbook);
        sheet.set_name(name)?;
        for ((col, title), width) in (0u16..).zip(names.split('|')).zip(widths) {
            sheet.set_column_width(col, *width)?;
            sheet.write_string_with_format(row, col, title, &self.header)?;
        }
        Ok(sheet)
    }
}

fn build_xlsx(
    calendar: &Calendar,
    roster: &Roster,
    entries: &[Entry],
    stamp: DateTime<Utc>,
) -> Result<Vec<u8>, XlsxError> {
    let lang = calendar.language;
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title(t!(in lang; "care-feed-name", name = calendar.name))
            .set_creation_datetime(&stamp),
    );
    let cell = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
    let mut book = Book {
        workbook,
        lang,
        header: Format::new()
            .set_bold()
            .set_background_color("#E8E8E8")
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center),
        date: cell.clone().set_num_format("yyyy-mm-dd"),
        cell,
        title: Format::new().set_bold().set_font_size(14),
        taken: Vec::new(),
    };
    birthdays_sheet(&mut book, roster, entries)?;
    retirements_sheet(&mut book, roster, entries)?;
    registers(&mut book, calendar, roster, entries)?;
    problems_sheet(&mut book, roster)?;
    book.workbook.save_to_buffer()
}

/// 生日: month, date, name, department, 公历/农历, age, 整寿.
fn birthdays_sheet(book: &mut Book, roster: &Roster, entries: &[Entry]) -> Result<(), XlsxError> {
    let lang = book.lang;
    let (cell, date_format) = (book.cell.clone(), book.date.clone());
    let sheet = book.sheet(
        &t!(in lang; "care-sheet-birthdays"),
        0,
        &t!(in lang; "care-columns-birthdays"),
        &[8.0, 12.0, 12.0, 14.0, 8.0, 6.0, 6.0],
    )?;
    let mut row = 0;
    for entry in entries.iter().filter(|e| e.kind == Kind::Birthday) {
        row += 1;
        let m = &roster.members[entry.member];
        sheet.write_string_with_format(
            row,
            0,
            t!(in lang; "care-month", month = entry.date.month()),
            &cell,
        )?;
        sheet.write_datetime_with_format(row, 1, entry.date, &date_format)?;
        sheet.write_string_with_format(row, 2, &m.name, &cell)?;
        sheet.write_string_with_format(row, 3, &m.department, &cell)?;
        let calendar_kind =
            if entry.lunar { t!(in lang; "care-lunar") } else { t!(in lang; "care-gregorian") };
        sheet.write_string_with_format(row, 4, calendar_kind, &cell)?;
        match entry.age {
            Some(age) => sheet.write_number_with_format(row, 5, f64::from(age), &cell)?,
            None => sheet.write_blank(row, 5, &cell)?,
        };
        let round = entry.age.is_some_and(|a| a > 0 && a % 10 == 0);
        sheet.write_string_with_format(
            row,
            6,
            if round { t!(in lang; "care-round") } else { String::new() },
            &cell,
        )?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// 退休: name, department, birth month, original and statutory age, retirement month.
fn retirements_sheet(book: &mut Book, roster: &Roster, entries: &[Entry]) -> Result<(), XlsxError> {
    let lang = book.lang;
    let cell = book.cell.clone();
    let sheet = book.sheet(
        &t!(in lang; "care-sheet-retirements"),
        0,
        &t!(in lang; "care-columns-retirements"),
        &[12.0, 14.0, 10.0, 10.0, 14.0, 10.0],
    )?;
    let mut row = 0;
    for entry in entries.iter().filter(|e| e.kind == Kind::Retirement) {
        row += 1;
        let m = &roster.members[entry.member];
        let birth = m.birth_month.map(|(y, mo)| format!("{y}-{mo:02}")).unwrap_or_default();
        let (years, months) = crate::care::statutory_age(m).unwrap_or((0, 0));
        let age = t!(in lang; "care-age", years = years, months = months);
        sheet.write_string_with_format(row, 0, &m.name, &cell)?;
        sheet.write_string_with_format(row, 1, &m.department, &cell)?;
        sheet.write_string_with_format(row, 2, birth, &cell)?;
        sheet.write_number_with_format(row, 3, f64::from(m.original_age.unwrap_or(0)), &cell)?;
        sheet.write_string_with_format(row, 4, age, &cell)?;
        sheet.write_string_with_format(row, 5, entry.date.format("%Y-%m").to_string(), &cell)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// One register per visit occurrence, to print and sign.
fn registers(
    book: &mut Book,
    calendar: &Calendar,
    roster: &Roster,
    entries: &[Entry],
) -> Result<(), XlsxError> {
    let lang = book.lang;
    let (cell, title_format) = (book.cell.clone(), book.title.clone());
    for ((date, id), members) in visit_groups(entries) {
        let event_title = calendar
            .events
            .iter()
            .find(|e| e.id == id)
            .map_or_else(|| id.clone(), |e| e.title.to_string());
        let sheet = book.sheet(
            &format!("{} {}", event_title, date.format("%m-%d")),
            1,
            &t!(in lang; "care-columns-register"),
            &[6.0, 12.0, 16.0, 12.0, 12.0, 14.0, 12.0],
        )?;
        let heading = t!(in lang; "care-register-heading", title = event_title, date = date.format("%Y-%m-%d"));
        sheet.write_string_with_format(0, 0, heading, &title_format)?;
        for (row, &index) in (2u32..).zip(&members) {
            let m = &roster.members[index];
            sheet.write_number_with_format(row, 0, f64::from(row - 1), &cell)?;
            sheet.write_string_with_format(row, 1, &m.name, &cell)?;
            sheet.write_string_with_format(row, 2, &m.department, &cell)?;
            for col in 3..7 {
                sheet.write_blank(row, col, &cell)?;
            }
            sheet.set_row_height(row, 28)?;
        }
        sheet.set_repeat_rows(1, 1)?;
        sheet.set_margins(0.5, 0.5, 0.7, 0.6, 0.3, 0.3);
    }
    Ok(())
}

/// 名册问题: each cell that could not be used, why, and what became of its row.
fn problems_sheet(book: &mut Book, roster: &Roster) -> Result<(), XlsxError> {
    let lang = book.lang;
    let cell = book.cell.clone();
    let sheet = book.sheet(
        &t!(in lang; "care-sheet-problems"),
        0,
        &t!(in lang; "care-columns-problems"),
        &[12.0, 60.0, 12.0],
    )?;
    for (row, problem) in (1u32..).zip(&roster.problems) {
        sheet.write_string_with_format(row, 0, &problem.cell, &cell)?;
        sheet.write_string_with_format(row, 1, &problem.message, &cell)?;
        let what = match problem.outcome {
            crate::care::Outcome::LeftOut => t!(in lang; "care-left-out"),
            crate::care::Outcome::NoRetirement => t!(in lang; "care-no-retirement"),
            crate::care::Outcome::NoDates => t!(in lang; "care-no-dates"),
        };
        sheet.write_string_with_format(row, 2, what, &cell)?;
    }
    Ok(())
}
