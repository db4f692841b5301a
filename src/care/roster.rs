//! Reading the member roster the officer keeps in Excel or WPS: `.xlsx`, `.xls`, `.ods`
//! (calamine), or `.csv` in UTF-8 (BOM or not) or GBK/GB18030 (encoding_rs), headers in any
//! order with their Chinese aliases. A row that cannot be read is a problem named by its
//! cell (`会员!D12`) and left out; the rest is read. The roster is read, never copied.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use std::collections::HashMap;

use super::dates::LunarDay;
use super::idcard;
use super::sheet::{self, column_letters, unreadable, Cell, Sheet};
use crate::error::Result;
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

/// What became of a row with a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The row was left out.
    LeftOut,
    /// The member is in, without a retirement month.
    NoRetirement,
    /// The member is in, without a birthday or a retirement month.
    NoDates,
}

/// A row, or a cell, that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `会员!D12`.
    pub cell: String,
    /// What is wrong, in the user's language (an ID number masked).
    pub message: String,
    /// What became of the row.
    pub outcome: Outcome,
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

/// The most characters a roster cell may hold (a note included): a name, a department or
/// a note longer than that is no roster's, and would be copied into every output.
const MAX_CELL_CHARS: usize = 500;

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

/// A header as compared: no spaces, full-width ones and BOMs included.
fn header_text(cell: &Cell) -> String {
    cell.text().replace(['\u{3000}', ' ', '\u{feff}'], "")
}

/// The header row: the first row with a 姓名 column (a title row such as 会员花名册 may
/// stand above it), its headers, and the field of each column. Two columns with one
/// header, or two names of one field (出生日期 and 生日), are refused, naming both.
fn header_row(path: &Path, sheet: &Sheet) -> Result<(usize, Vec<String>, Vec<Option<Field>>)> {
    if sheet.rows.is_empty() {
        return Err(unreadable(path, t!("roster-empty")));
    }
    let Some((at, cells)) = sheet
        .rows
        .iter()
        .find(|(_, cells)| cells.iter().any(|c| field(&header_text(c)) == Some(Field::Name)))
    else {
        return Err(unreadable(path, t!("roster-no-name-column")));
    };
    let headers: Vec<String> = cells.iter().map(header_text).collect();
    let fields: Vec<Option<Field>> = headers.iter().map(|h| field(h)).collect();
    for (second, header) in headers.iter().enumerate().filter(|(_, h)| !h.is_empty()) {
        let first = (0..second).find(|&c| {
            headers[c] == *header || (fields[c].is_some() && fields[c] == fields[second])
        });
        if let Some(first) = first {
            let cell = |c: usize| format!("{}!{}{}", sheet.name, column_letters(c), at + 1);
            return Err(unreadable(
                path,
                t!(
                    "roster-duplicate-header",
                    first = cell(first),
                    first_header = headers[first].clone(),
                    second = cell(second),
                    second_header = header.clone()
                ),
            ));
        }
    }
    Ok((*at, headers, fields))
}

/// A cell's text as it may be used: cleaned like every user text, and anything shaped like
/// an ID number masked outside the ID column.
fn cleaned(cell: &Cell, is_id: bool) -> String {
    let text = crate::text::fit(&cell.text());
    if is_id {
        text
    } else {
        idcard::mask_all(&text)
    }
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
        Cell::Empty | Cell::Long(_) => return None,
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
/// A birth date before 1900 or after `today` cannot be a member's.
///
/// # Errors
///
/// [`crate::error::Error::Io`] when the file is missing, locked by Excel, password-protected,
/// not a regular file or not a spreadsheet, past the limits, has a quote left open (CSV),
/// no 姓名 header or two columns with one header.
pub fn read(path: &Path, name: &str, sheet: Option<&str>, today: NaiveDate) -> Result<Roster> {
    let sheet = sheet::read(path, sheet)?;
    let (header_at, headers, fields) = header_row(path, &sheet)?;
    let mut roster =
        Roster { file: name.to_string(), sheet: sheet.name.clone(), headers, ..Roster::default() };
    let mut keys: HashMap<String, usize> = HashMap::new();
    for (index, cells) in sheet.rows.iter().filter(|(row, _)| *row > header_at) {
        // Each cell cleaned once: the fields and `who` read these.
        let texts: Vec<String> = (0..cells.len().max(roster.headers.len()))
            .map(|c| {
                let is_id = fields.get(c) == Some(&Some(Field::Id));
                cells.get(c).map(|cell| cleaned(cell, is_id)).unwrap_or_default()
            })
            .collect();
        let row = Row { roster: &roster, fields: &fields, cells, texts, number: index + 1 };
        let mut problems = Vec::new();
        let member = row.member(&mut keys, today, &mut problems);
        roster.problems.extend(problems);
        match member {
            Ok(member) => roster.members.push(member),
            Err(left_out) => roster.problems.push(left_out),
        }
    }
    Ok(roster)
}

/// One row of the roster being read.
struct Row<'a> {
    roster: &'a Roster,
    fields: &'a [Option<Field>],
    cells: &'a [Cell],
    /// The spreadsheet row (1-based).
    number: usize,
    /// The cells as text, cleaned and with ID numbers masked outside the ID column.
    texts: Vec<String>,
}

/// A row's birth date to the day and its month, when known.
type BirthDates = (Option<NaiveDate>, Option<(i32, u32)>);

impl Row<'_> {
    fn column(&self, f: Field) -> Option<usize> {
        self.fields.iter().position(|x| *x == Some(f))
    }

    fn cell(&self, f: Field) -> Cell {
        self.column(f).and_then(|c| self.cells.get(c)).cloned().unwrap_or(Cell::Empty)
    }

    fn text(&self, f: Field) -> String {
        self.column(f).and_then(|c| self.texts.get(c)).cloned().unwrap_or_default()
    }

    fn at_column(&self, column: usize) -> String {
        format!("{}!{}{}", self.roster.sheet, column_letters(column), self.number)
    }

    fn at(&self, f: Field) -> String {
        self.at_column(self.column(f).unwrap_or(0))
    }

    fn header(&self, column: Option<usize>) -> String {
        column.and_then(|c| self.roster.headers.get(c)).cloned().unwrap_or_default()
    }

    fn problem(&self, f: Field, value: &str, what: String, outcome: Outcome) -> Problem {
        let header = self.header(self.column(f));
        Problem {
            cell: self.at(f),
            message: t!("roster-cell", header = header, value = value, what = what),
            outcome,
        }
    }

    /// The first problem that leaves the whole row out, before anything is read: a cell
    /// too long, no name.
    fn unusable(&self) -> Option<Problem> {
        let long = self.texts.iter().position(|t| t.chars().count() > MAX_CELL_CHARS);
        if let Some(column) = long {
            let header = self.header(Some(column));
            let message = t!("roster-cell-too-long", header = header, most = MAX_CELL_CHARS);
            return Some(Problem {
                cell: self.at_column(column),
                message,
                outcome: Outcome::LeftOut,
            });
        }
        if self.text(Field::Name).is_empty() {
            let message = t!("roster-cell-empty", header = self.header(self.column(Field::Name)));
            return Some(Problem {
                cell: self.at(Field::Name),
                message,
                outcome: Outcome::LeftOut,
            });
        }
        None
    }

    /// The member of this row, with the problems that keep it in (`warnings`), or the
    /// problem that leaves it out.
    fn member(
        &self,
        keys: &mut HashMap<String, usize>,
        today: NaiveDate,
        warnings: &mut Vec<Problem>,
    ) -> std::result::Result<Member, Problem> {
        if let Some(problem) = self.unusable() {
            return Err(problem);
        }
        let key = match self.text(Field::Key) {
            k if k.is_empty() => format!("row-{}", self.number),
            k => k,
        };
        if let Some(first) = keys.get(&key) {
            let what = t!("roster-duplicate-key", row = first);
            return Err(self.problem(Field::Key, &key, what, Outcome::LeftOut));
        }
        // A key is taken by its first row, whether or not that row can be used.
        keys.insert(key.clone(), self.number);
        let mut male = match self.text(Field::Gender).as_str() {
            "" => None,
            "男" => Some(true),
            "女" => Some(false),
            other => {
                let what = t!("roster-bad-gender");
                return Err(self.problem(Field::Gender, other, what, Outcome::LeftOut));
            }
        };
        let (birth, birth_month) = match self.birth(&mut male, today) {
            Ok(birth) => birth,
            Err(problem) if problem.outcome == Outcome::LeftOut => return Err(problem),
            Err(problem) => {
                warnings.push(problem);
                (None, None)
            }
        };
        let lunar_text = self.text(Field::Lunar);
        let lunar = match lunar_of(&lunar_text) {
            _ if lunar_text.is_empty() => None,
            Some(day) => Some(day),
            None => {
                let what = t!("roster-bad-lunar");
                return Err(self.problem(Field::Lunar, &lunar_text, what, Outcome::LeftOut));
            }
        };
        let status = match self.text(Field::Status) {
            s if s.is_empty() => "在职".to_string(),
            s => s,
        };
        let original_age = self.original_age(male);
        if original_age.is_none() && status == "在职" && birth_month.is_some() {
            warnings.push(Problem {
                cell: self.at(Field::Category),
                message: t!("roster-no-retirement-age"),
                outcome: Outcome::NoRetirement,
            });
        }
        let cells: Vec<String> = self.texts[..self.roster.headers.len()].to_vec();
        Ok(Member {
            key,
            name: self.text(Field::Name),
            male,
            birth,
            birth_month,
            lunar,
            department: self.text(Field::Department),
            original_age,
            status,
            consent: self.text(Field::Consent) == "是",
            cells,
            row: self.number,
        })
    }

    /// The original retirement age: 原退休年龄, else from the gender and 身份.
    fn original_age(&self, male: Option<bool>) -> Option<u32> {
        match self.text(Field::OriginalAge).trim_end_matches('岁') {
            "60" => Some(60),
            "55" => Some(55),
            "50" => Some(50),
            _ => match (male, self.text(Field::Category).as_str()) {
                (Some(true), _) => Some(60),
                (Some(false), "干部" | "管理" | "专业技术") => Some(55),
                (Some(false), "工人") => Some(50),
                _ => None,
            },
        }
    }

    /// The birth date (to the day, when known) and month, from the birth date column or
    /// else the ID number, which may also tell the gender. A date that cannot be one is a
    /// problem that leaves the row out; one that cannot be a member's (before 1900, after
    /// today) keeps the member without dated care.
    fn birth(
        &self,
        male: &mut Option<bool>,
        today: NaiveDate,
    ) -> std::result::Result<BirthDates, Problem> {
        let birth_cell = self.cell(Field::Birth);
        let (mut birth, mut birth_month, mut from) = match birth_of(&birth_cell) {
            Some(Birth::Day(d)) => (Some(d), Some((d.year(), d.month())), Field::Birth),
            Some(Birth::Month(y, m)) => (None, Some((y, m)), Field::Birth),
            None if birth_cell.text().is_empty() => (None, None, Field::Birth),
            None => {
                let value = cleaned(&birth_cell, false);
                let what = t!("roster-bad-date");
                return Err(self.problem(Field::Birth, &value, what, Outcome::LeftOut));
            }
        };
        if birth_month.is_none() {
            let id = self.text(Field::Id);
            if matches!(self.cell(Field::Id), Cell::Long(_)) || looks_like_lost_digits(&id) {
                let what = t!("roster-id-number-cell");
                return Err(self.problem(Field::Id, "", what, Outcome::LeftOut));
            }
            if !id.is_empty() {
                let card = idcard::parse(&id).map_err(|e| {
                    let what = match e {
                        idcard::IdProblem::CheckDigit => t!("roster-id-check-digit"),
                        idcard::IdProblem::Shape => t!("roster-id-shape"),
                        idcard::IdProblem::Date => t!("roster-bad-date"),
                    };
                    self.problem(Field::Id, &idcard::masked(&id), what, Outcome::LeftOut)
                })?;
                birth = Some(card.birth);
                birth_month = Some((card.birth.year(), card.birth.month()));
                *male = male.or(Some(card.male));
                from = Field::Id;
            }
        }
        let Some((year, month)) = birth_month else { return Ok((None, None)) };
        let first = NaiveDate::from_ymd_opt(year, month, 1);
        let future = first.is_none_or(|f| f > today) || birth.is_some_and(|b| b > today);
        if year < 1900 || future {
            let value = match from {
                Field::Id => idcard::masked(&self.text(Field::Id)),
                _ => cleaned(&birth_cell, false),
            };
            let what = t!("roster-impossible-birth");
            return Err(self.problem(from, &value, what, Outcome::NoDates));
        }
        Ok((birth, birth_month))
    }
}

/// `1.10105E+17`: an ID number typed into a number cell, its last digits already lost.
fn looks_like_lost_digits(text: &str) -> bool {
    let upper = text.to_ascii_uppercase();
    let Some((mantissa, exponent)) = upper.split_once("E+") else { return false };
    !mantissa.is_empty()
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.')
        && exponent.chars().all(|c| c.is_ascii_digit())
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
