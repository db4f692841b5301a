//! Reading the member roster the officer keeps in Excel or WPS: `.xlsx`, `.xls`, `.ods`
//! (calamine), or `.csv` in UTF-8 (BOM or not) or GBK/GB18030 (encoding_rs), headers in any
//! order with their Chinese aliases. A row that cannot be read is a problem named by its
//! cell (`会员!D12`) and left out; the rest is read. The roster is read, never copied.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::dates::LunarDay;
use super::idcard;
use crate::error::{Error, Result};
use crate::t;

/// One member, as the roster gives them.
#[derive(Debug, Clone)]
pub struct Member {
    /// The stable key (编号), or `row-N` without one: UIDs are built from it.
    pub key: String,
    /// 姓名.
    pub name: String,
    /// 性别, when given (or read from the ID number).
    pub male: Option<bool>,
    /// The birth date, when known to the day.
    pub birth: Option<NaiveDate>,
    /// The birth month (from the birth date, or a year and month alone).
    pub birth_month: Option<(i32, u32)>,
    /// 农历生日, when the birthday is kept on the lunar calendar.
    pub(crate) lunar: Option<LunarDay>,
    /// 部门.
    pub department: String,
    /// The original retirement age (60, 55, 50), when it can be told.
    pub original_age: Option<u32>,
    /// 状态: 在职 (when empty), 退休, 离休…
    pub status: String,
    /// 同意公开 = 是: the name may appear on public outputs.
    pub consent: bool,
    /// Every cell of the row as text, one per header (for `who`).
    pub cells: Vec<String>,
    /// The spreadsheet row (1 is the header).
    pub row: usize,
}

/// A row, or a cell, that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `会员!D12`.
    pub cell: String,
    /// What is wrong, in the user's language (an ID number masked).
    pub message: String,
    /// Whether the row was left out (else only its retirement is).
    pub left_out: bool,
}

/// The roster: its headers, members and problems.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    /// The file as the calendar names it.
    pub file: String,
    /// The sheet read.
    pub sheet: String,
    /// The header row, trimmed.
    pub headers: Vec<String>,
    /// The members read.
    pub members: Vec<Member>,
    /// The rows and cells that could not be used.
    pub problems: Vec<Problem>,
}

/// A cell's content.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    Date(NaiveDate),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(t) => t.trim().to_string(),
            Self::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }
}

/// What a column means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Key,
    Name,
    Gender,
    Birth,
    Lunar,
    Id,
    Department,
    OriginalAge,
    Category,
    Status,
    Consent,
}

fn field(header: &str) -> Option<Field> {
    Some(match header {
        "编号" | "工号" | "会员编号" => Field::Key,
        "姓名" => Field::Name,
        "性别" => Field::Gender,
        "出生日期" | "出生年月" | "生日" | "公历生日" => Field::Birth,
        "农历生日" => Field::Lunar,
        "身份证号" | "身份证号码" | "公民身份号码" => Field::Id,
        "部门" | "科室" | "单位" => Field::Department,
        "原退休年龄" => Field::OriginalAge,
        "身份" | "人员类别" => Field::Category,
        "状态" => Field::Status,
        "同意公开" => Field::Consent,
        _ => return None,
    })
}

/// The column letters of a 0-based index: A … Z, AA …
fn column_letters(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'A' + u8::try_from(index % 26).unwrap_or(0)));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.iter().rev().collect()
}

/// Why a roster cannot be read at all, for its error.
fn unreadable(path: &Path, why: String) -> Error {
    Error::Io {
        action: "cannot read",
        path: path.to_path_buf(),
        source: std::io::Error::other(why),
    }
}

/// The rows of a spreadsheet's sheet (`sheet`, else the first), and the sheet's name.
fn spreadsheet(path: &Path, sheet: Option<&str>) -> Result<(String, Vec<Vec<Cell>>)> {
    use calamine::{Data, Reader};
    // Opening first tells a missing or locked file (Excel holds it open) from a bad one.
    std::fs::File::open(path).map_err(|source| {
        let locked = source.raw_os_error() == Some(32); // ERROR_SHARING_VIOLATION
        if locked {
            unreadable(path, t!("roster-locked"))
        } else {
            Error::Io { action: "cannot read", path: path.to_path_buf(), source }
        }
    })?;
    let mut workbook = calamine::open_workbook_auto(path)
        .map_err(|_| unreadable(path, t!("roster-not-a-spreadsheet")))?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names.iter().find(|n| n.as_str() == wanted).cloned().ok_or_else(|| {
            unreadable(path, t!("roster-no-sheet", sheet = wanted, sheets = names.join("、")))
        })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| unreadable(path, t!("roster-not-a-spreadsheet")))?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|_| unreadable(path, t!("roster-not-a-spreadsheet")))?;
    let rows = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty | Data::Error(_) => Cell::Empty,
                    Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
                        Cell::Text(s.clone())
                    }
                    Data::Int(i) => Cell::Text(i.to_string()),
                    Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                        Cell::Text(format!("{f:.0}"))
                    }
                    Data::Float(f) => Cell::Text(f.to_string()),
                    Data::Bool(b) => Cell::Text(b.to_string()),
                    Data::DateTime(dt) => {
                        dt.as_datetime().map_or(Cell::Empty, |d| Cell::Date(d.date()))
                    }
                })
                .collect()
        })
        .collect();
    // A range starts at its first used cell: rows and columns before it are empty.
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<Cell>> = rows;
    for row in &mut rows {
        let mut padded = vec![Cell::Empty; left as usize];
        padded.append(row);
        *row = padded;
    }
    let mut padded: Vec<Vec<Cell>> = (0..top).map(|_| Vec::new()).collect();
    padded.extend(rows);
    Ok((name, padded))
}

/// The rows of a CSV file in UTF-8 (a BOM or not) or GBK/GB18030.
fn csv_rows(path: &Path) -> Result<Vec<Vec<Cell>>> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        action: "cannot read",
        path: path.to_path_buf(),
        source,
    })?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text.trim_start_matches('\u{feff}').to_string(),
        Err(_) => {
            let (text, _, had_errors) = encoding_rs::GB18030.decode(&bytes);
            if had_errors {
                return Err(unreadable(path, t!("roster-encoding")));
            }
            text.into_owned()
        }
    };
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| unreadable(path, e.to_string()))?;
        rows.push(record.iter().map(|c| Cell::Text(c.to_string())).collect());
    }
    Ok(rows)
}

/// A birth date as written: a date, or a year and month alone.
enum Birth {
    Day(NaiveDate),
    Month(i32, u32),
}

fn birth_of(cell: &Cell) -> Option<Birth> {
    let text = match cell {
        Cell::Date(d) => return Some(Birth::Day(*d)),
        Cell::Text(t) => crate::config::half_width(t.trim()).into_owned(),
        Cell::Empty => return None,
    };
    let text = text.trim_end_matches(['日', '号']);
    let digits: Vec<&str> =
        text.split(['-', '/', '.', '年', '月']).filter(|p| !p.is_empty()).collect();
    let number = |s: &str| s.trim().parse::<u32>().ok();
    match digits.as_slice() {
        [all] if all.len() == 8 => {
            let (y, m, d) = (number(&all[..4])?, number(&all[4..6])?, number(&all[6..])?);
            NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d).map(Birth::Day)
        }
        [y, m, d] if y.len() == 4 => {
            NaiveDate::from_ymd_opt(i32::try_from(number(y)?).ok()?, number(m)?, number(d)?)
                .map(Birth::Day)
        }
        [y, m] if y.len() == 4 => {
            let m = number(m).filter(|m| (1..=12).contains(m))?;
            Some(Birth::Month(i32::try_from(number(y)?).ok()?, m))
        }
        _ => None,
    }
}

fn lunar_of(text: &str) -> Option<LunarDay> {
    let text = text.trim();
    let text = text.strip_prefix("农历").unwrap_or(text);
    let text = text.strip_suffix('日').unwrap_or(text);
    let (leap, rest) = match text.strip_prefix('闰') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (month, day) = crate::config::lunar_day(rest).ok()?;
    Some(LunarDay { month, day, leap })
}

/// Read the roster at `path` (`name` as the calendar writes it), from `sheet` or the first.
///
/// # Errors
///
/// [`Error::Io`] when the file is missing, locked by Excel, password-protected or not a
/// spreadsheet, or has no header row.
pub fn read(path: &Path, name: &str, sheet: Option<&str>) -> Result<Roster> {
    let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let (sheet_name, rows) = if is_csv {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        (stem, csv_rows(path)?)
    } else {
        spreadsheet(path, sheet)?
    };
    let Some(header_at) = rows.iter().position(|r| r.iter().any(|c| *c != Cell::Empty)) else {
        return Err(unreadable(path, t!("roster-empty")));
    };
    let headers: Vec<String> = rows[header_at]
        .iter()
        .map(|c| c.text().replace(['\u{3000}', ' ', '\u{feff}'], ""))
        .collect();
    let fields: Vec<Option<Field>> = headers.iter().map(|h| field(h)).collect();
    if !fields.contains(&Some(Field::Name)) {
        return Err(unreadable(path, t!("roster-no-name-column")));
    }
    let column = |f: Field| fields.iter().position(|x| *x == Some(f));
    let mut roster =
        Roster { file: name.to_string(), sheet: sheet_name, headers, ..Roster::default() };
    let mut keys: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (index, row) in rows.iter().enumerate().skip(header_at + 1) {
        if row.iter().all(|c| c.text().is_empty()) {
            continue;
        }
        let number = index + 1;
        let cell = |f: Field| column(f).and_then(|c| row.get(c)).cloned().unwrap_or(Cell::Empty);
        let text = |f: Field| cell(f).text();
        let at = |f: Field| {
            let col = column(f).unwrap_or(0);
            format!("{}!{}{number}", roster.sheet, column_letters(col))
        };
        let header = |f: Field| column(f).map(|c| roster.headers[c].clone()).unwrap_or_default();
        let problem = |f: Field, value: &str, what: String| Problem {
            cell: at(f),
            message: t!("roster-cell", header = header(f), value = value, what = what),
            left_out: true,
        };
        let name = text(Field::Name);
        if name.is_empty() {
            roster.problems.push(Problem {
                cell: at(Field::Name),
                message: t!("roster-cell-empty", header = header(Field::Name)),
                left_out: true,
            });
            continue;
        }
        let key = match text(Field::Key) {
            k if k.is_empty() => format!("row-{number}"),
            k => k,
        };
        if let Some(first) = keys.get(&key) {
            roster.problems.push(problem(
                Field::Key,
                &key,
                t!("roster-duplicate-key", row = first),
            ));
            continue;
        }
        // A key is taken by its first row, whether or not that row can be used.
        keys.insert(key.clone(), number);
        let gender = text(Field::Gender);
        let mut male = match gender.as_str() {
            "" => None,
            "男" => Some(true),
            "女" => Some(false),
            other => {
                roster.problems.push(problem(Field::Gender, other, t!("roster-bad-gender")));
                continue;
            }
        };
        let birth_cell = cell(Field::Birth);
        let (mut birth, mut birth_month) = match birth_of(&birth_cell) {
            Some(Birth::Day(d)) => (Some(d), Some((d.year(), d.month()))),
            Some(Birth::Month(y, m)) => (None, Some((y, m))),
            None if birth_cell.text().is_empty() => (None, None),
            None => {
                let value = birth_cell.text();
                roster.problems.push(problem(Field::Birth, &value, t!("roster-bad-date")));
                continue;
            }
        };
        if birth_month.is_none() {
            let id = text(Field::Id);
            if !id.is_empty() {
                match idcard::parse(&id) {
                    Ok(card) => {
                        birth = Some(card.birth);
                        birth_month = Some((card.birth.year(), card.birth.month()));
                        male = male.or(Some(card.male));
                    }
                    Err(e) => {
                        let what = match e {
                            idcard::IdProblem::CheckDigit => t!("roster-id-check-digit"),
                            idcard::IdProblem::Shape => t!("roster-id-shape"),
                            idcard::IdProblem::Date => t!("roster-bad-date"),
                        };
                        roster.problems.push(problem(Field::Id, &idcard::masked(&id), what));
                        continue;
                    }
                }
            }
        }
        let lunar_text = text(Field::Lunar);
        let lunar = if lunar_text.is_empty() {
            None
        } else if let Some(day) = lunar_of(&lunar_text) {
            Some(day)
        } else {
            roster.problems.push(problem(Field::Lunar, &lunar_text, t!("roster-bad-lunar")));
            continue;
        };
        let original_age = match text(Field::OriginalAge).trim_end_matches('岁') {
            "60" => Some(60),
            "55" => Some(55),
            "50" => Some(50),
            _ => match (male, text(Field::Category).as_str()) {
                (Some(true), _) => Some(60),
                (Some(false), "干部" | "管理" | "专业技术") => Some(55),
                (Some(false), "工人") => Some(50),
                _ => None,
            },
        };
        let status = match text(Field::Status) {
            s if s.is_empty() => "在职".to_string(),
            s => s,
        };
        if original_age.is_none() && status == "在职" && birth_month.is_some() {
            roster.problems.push(Problem {
                cell: at(Field::Category),
                message: t!("roster-no-retirement-age"),
                left_out: false,
            });
        }
        let cells: Vec<String> = (0..roster.headers.len())
            .map(|c| row.get(c).map(Cell::text).unwrap_or_default())
            .collect();
        roster.members.push(Member {
            key,
            name,
            male,
            birth,
            birth_month,
            lunar,
            department: text(Field::Department),
            original_age,
            status,
            consent: text(Field::Consent) == "是",
            cells,
            row: number,
        });
    }
    Ok(roster)
}

impl Roster {
    /// The value of column `header` for `member` (`状态` empty reads as 在职).
    #[must_use]
    pub fn value<'a>(&'a self, member: &'a Member, header: &str) -> &'a str {
        let Some(column) = self.headers.iter().position(|h| h == header) else { return "" };
        let value = member.cells.get(column).map_or("", String::as_str);
        if value.is_empty() && field(header) == Some(Field::Status) {
            "在职"
        } else {
            value
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_run_past_z() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(3), "D");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
    }

    #[test]
    fn birth_dates_in_the_usual_notations() {
        let day = |t: &str| match birth_of(&Cell::Text(t.into())) {
            Some(Birth::Day(d)) => Some(d.to_string()),
            _ => None,
        };
        for text in [
            "1975-03-08",
            "1975/3/8",
            "1975.3.8",
            "1975年3月8日",
            "19750308",
            "１９７５－０３－０８",
        ] {
            assert_eq!(day(text).as_deref(), Some("1975-03-08"), "{text}");
        }
        assert!(matches!(birth_of(&Cell::Text("1975年3月".into())), Some(Birth::Month(1975, 3))));
        assert!(matches!(birth_of(&Cell::Text("1975-03".into())), Some(Birth::Month(1975, 3))));
        assert!(birth_of(&Cell::Text("1975-13-01".into())).is_none());
        assert!(birth_of(&Cell::Text("1975-02-30".into())).is_none());
    }

    #[test]
    fn lunar_birthdays_as_written() {
        assert_eq!(lunar_of("八月十五"), Some(LunarDay { month: 8, day: 15, leap: false }));
        assert_eq!(lunar_of("闰四月初八"), Some(LunarDay { month: 4, day: 8, leap: true }));
        assert_eq!(lunar_of("腊月三十"), Some(LunarDay { month: 12, day: 30, leap: false }));
        assert_eq!(lunar_of("08-15"), Some(LunarDay { month: 8, day: 15, leap: false }));
        assert_eq!(lunar_of("农历八月十五日"), Some(LunarDay { month: 8, day: 15, leap: false }));
        assert_eq!(lunar_of("十三月初一"), None);
    }
}
