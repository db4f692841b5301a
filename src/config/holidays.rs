//! `[holidays]`: the region, extra days, `[[holidays.periods]]`, and the holidays files a
//! calendar shares with others (`files = [...]`) or that `holidays import --save` keeps.
//! Also the other way round: periods written as TOML, and put into an existing file
//! without disturbing its comments and layout.

use crate::t;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use toml::Spanned;

use super::raw::{RawHolidays, RawHolidaysFile, RawPeriod, Str, StrList};
use super::validator::{parse_errors, Validator};
use super::values;
use crate::dates::{runs, Festival, HolidayRules, Period, Region, Source};
use crate::error::{Diagnostic, SourceFile};

fn date_range(v: &mut Validator<'_>, value: &Str) -> Option<(NaiveDate, NaiveDate)> {
    let text = value.get_ref();
    let (first, last) = text.split_once("..").unwrap_or((text, text));
    let first = v.value(&Spanned::new(value.span(), first.to_string()), values::full_date)?;
    let last = v.value(&Spanned::new(value.span(), last.to_string()), values::full_date)?;
    if last < first {
        v.error(value.span(), t!("range-backwards", text = text), t!("range-backwards-help"));
        return None;
    }
    if (last - first).num_days() > 3660 {
        v.error(value.span(), t!("range-too-long", text = text), t!("range-too-long-help"));
        return None;
    }
    Some((first, last))
}

/// The calendar's `[holidays]`, with the periods of the files it names (read relative to
/// `base`, the calendar's folder).
pub(super) fn rules(v: &mut Validator<'_>, raw: &RawHolidays, base: &Path) -> HolidayRules {
    let region = match raw.region.as_ref().map(|r| (r.get_ref().as_str(), r.span())) {
        None | Some(("cn", _)) => Region::Cn,
        Some(("none", _)) => Region::None,
        Some((other, span)) => {
            v.error(span, t!("region-unknown", name = other), t!("region-unknown-help"));
            Region::Cn
        }
    };
    let mut ranges = |list: Option<&StrList>| -> Vec<(NaiveDate, NaiveDate)> {
        list.map(|l| l.get_ref().iter().filter_map(|item| date_range(v, item)).collect())
            .unwrap_or_default()
    };
    let extra_off = ranges(raw.extra_off.as_ref());
    let extra_work = ranges(raw.extra_work.as_ref());
    let mut all = Vec::new();
    for file in raw.files.as_ref().map(|f| f.get_ref().as_slice()).unwrap_or_default() {
        let path = base.join(file.get_ref());
        match std::fs::read(&path) {
            Ok(bytes) => {
                let name = path.display().to_string();
                let origin = Some(file.get_ref().clone());
                match read(&name, &bytes, Source::Shared, origin) {
                    Ok(periods) => all.extend(periods),
                    Err(errors) => v.errors.extend(errors),
                }
            }
            Err(e) => v.error(
                file.span(),
                t!("holidays-file-unreadable", path = path.display(), error = e),
                t!("holidays-file-unreadable-help"),
            ),
        }
    }
    all.extend(periods(v, &raw.periods, Source::Calendar, None));
    HolidayRules { region, extra_off, extra_work, periods: all }
}

/// `[[holidays.periods]]` entries, checked.
fn periods(
    v: &mut Validator<'_>,
    raw: &[Spanned<RawPeriod>],
    source: Source,
    origin: Option<&String>,
) -> Vec<Period> {
    let mut out = Vec::new();
    for period in raw {
        let p = period.get_ref();
        let (Some(name), Some(start), Some(end)) = (&p.name, &p.start, &p.end) else {
            v.error(period.span(), t!("period-incomplete"), t!("period-incomplete-help"));
            continue;
        };
        let (Some(first), Some(last)) =
            (v.value(start, values::full_date), v.value(end, values::full_date))
        else {
            continue;
        };
        if last < first {
            v.error(end.span(), t!("period-backwards"), t!("period-backwards-help"));
            continue;
        }
        if (last - first).num_days() > 366 {
            v.error(end.span(), t!("period-too-long"), t!("period-too-long-help"));
            continue;
        }
        let work: Vec<NaiveDate> = p
            .work
            .as_ref()
            .map(|w| w.get_ref().iter().filter_map(|d| v.value(d, values::full_date)).collect())
            .unwrap_or_default();
        out.push(Period {
            name: name.get_ref().trim().to_string(),
            festivals: Festival::in_name(name.get_ref()),
            year: last.year(),
            off: first.iter_days().take_while(|d| *d <= last).collect(),
            work,
            source,
            origin: origin.cloned(),
        });
    }
    out
}

/// The periods of a holidays file (`[[holidays.periods]]`, optionally `[notice]`), named
/// `name` in messages. `origin` says where they come from for `unioncal holidays`; a
/// saved file's `[notice]` adds when and from what it was saved.
///
/// # Errors
///
/// Every problem, at its line and column in that file.
pub fn read(
    name: &str,
    bytes: &[u8],
    source: Source,
    origin: Option<String>,
) -> Result<Vec<Period>, Vec<Diagnostic>> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| vec![super::not_utf8(name, bytes, e.valid_up_to())])?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file = SourceFile::new(name, text);
    let raw: RawHolidaysFile = toml::from_str(text).map_err(|e| parse_errors(&file, &e))?;
    let origin = match (&raw.notice, origin) {
        (Some(notice), _) if notice.saved.is_some() => Some(
            format!(
                "{}{}{}",
                notice.saved.as_deref().unwrap_or_default(),
                notice.from.as_deref().map(|f| format!(" from {f}")).unwrap_or_default(),
                notice.title.as_deref().map(|t| format!(": {t}")).unwrap_or_default(),
            ) + &notice.number.as_deref().map(|n| format!("（{n}）")).unwrap_or_default(),
        ),
        (_, origin) => origin,
    };
    let mut v = Validator { source: &file, errors: Vec::new() };
    let raw_periods = raw.holidays.as_ref().map(|h| h.periods.as_slice()).unwrap_or_default();
    let periods = periods(&mut v, raw_periods, source, origin.as_ref());
    if v.errors.is_empty() {
        Ok(periods)
    } else {
        Err(v.errors)
    }
}

fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// `periods` as `[[holidays.periods]]` tables (one a contiguous run of days off), headed
/// by `comments` (one `# ` line each).
#[must_use]
pub(crate) fn to_toml(periods: &[Period], comments: &[String]) -> String {
    let mut out = String::new();
    for line in comments {
        let line: String = line.chars().filter(|c| !c.is_control()).collect();
        out.push_str(&format!("# {line}\n"));
    }
    for (name, start, end, work) in runs(periods) {
        let work: Vec<String> = work.iter().map(|d| format!("\"{d}\"")).collect();
        out.push_str(&format!(
            "\n[[holidays.periods]]\nname = {}\nstart = \"{start}\"\nend = \"{end}\"\nwork = [{}]\n",
            quoted(&name),
            work.join(", ")
        ));
    }
    out
}

/// Where a saved arrangement came from: recorded in its file's `[notice]` table.
#[derive(Debug, Clone)]
pub struct NoticeRecord<'a> {
    /// The day it was saved.
    pub saved: NaiveDate,
    /// The file the notice was read from (or "standard input").
    pub from: &'a str,
    /// The notice's title, when the text had one.
    pub title: Option<&'a str>,
    /// Its document number, when the text had one.
    pub number: Option<&'a str>,
}

/// The text of an arrangement saved by `holidays import --save`: a `[notice]` table saying
/// where it came from (which [`read`] turns into the periods' origin), then `periods`.
#[must_use]
pub(crate) fn saved_file(
    record: &NoticeRecord<'_>,
    periods: &[Period],
    comments: &[String],
) -> String {
    let mut text = String::from(
        "# Saved by `unioncal holidays import --save`: every calendar on this computer uses it.\n# Delete this file to go back to the built-in arrangement.\n\n[notice]\n",
    );
    text.push_str(&format!(
        "saved = \"{}\"\nfrom = {}\n",
        record.saved.format("%Y-%m-%d"),
        quoted(record.from)
    ));
    for (key, value) in [("title", record.title), ("number", record.number)] {
        if let Some(value) = value {
            text.push_str(&format!("{key} = {}\n", quoted(value)));
        }
    }
    text.push('\n');
    text.push_str(&to_toml(periods, comments));
    text
}

/// `existing` (a calendar or holidays file) with its `[[holidays.periods]]` of `year`
/// replaced by `periods`, keeping every other line, comment and layout.
///
/// # Errors
///
/// When `existing` is not valid TOML, or its `holidays` is not a table.
pub(crate) fn put_into(
    name: &str,
    existing: &str,
    year: i32,
    periods: &[Period],
) -> Result<String, Vec<Diagnostic>> {
    let source = SourceFile::new(name, existing);
    let doc: Result<toml_edit::DocumentMut, _> = existing.parse().map_err(|_| {
        // The same mistakes, named as `check` names them (slips included).
        match toml::from_str::<toml::Table>(existing) {
            Err(e) => parse_errors(&source, &e),
            Ok(_) => vec![Diagnostic::error(t!("toml-syntax", detail = ""), None)],
        }
    });
    let mut doc = doc?;
    let holidays = doc
        .entry("holidays")
        .or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new()))
        .as_table_mut()
        .ok_or_else(|| {
            vec![Diagnostic::error(t!("into-holidays-not-table", file = name), None)
                .with_help(t!("into-holidays-not-table-help"))]
        })?;
    let list = holidays
        .entry("periods")
        .or_insert_with(|| toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()))
        .as_array_of_tables_mut()
        .ok_or_else(|| {
            vec![Diagnostic::error(t!("into-periods-not-list", file = name), None)
                .with_help(t!("into-periods-not-list-help"))]
        })?;
    let of_year = |table: &toml_edit::Table| {
        table
            .get("end")
            .and_then(|e| e.as_str())
            .and_then(|e| values::full_date(e).ok())
            .is_some_and(|end| end.year() == year)
    };
    list.retain(|table| !of_year(table));
    for (name, start, end, work) in runs(periods) {
        let mut table = toml_edit::Table::new();
        table["name"] = toml_edit::value(name);
        table["start"] = toml_edit::value(start.to_string());
        table["end"] = toml_edit::value(end.to_string());
        let mut days = toml_edit::Array::new();
        for day in work {
            days.push(day.to_string());
        }
        table["work"] = toml_edit::value(days);
        list.push(table);
    }
    Ok(doc.to_string())
}
