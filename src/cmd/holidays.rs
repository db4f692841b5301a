//! `unioncal holidays`: a year's days off and make-up workdays, official or provisional.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::{print, year, Ui};
use crate::cli::HolidaysArgs;
use crate::dates::{DayCalendar, HolidayRules, Source, YearStatus};
use crate::error::{Error, Result};
use crate::model::Language;
use crate::text::weekday_name;

pub(super) fn run(args: &HolidaysArgs, _ui: &Ui) -> Result<u8> {
    let default = Path::new("unioncal.toml");
    let file = args.file.as_deref().or_else(|| default.exists().then_some(default));
    let calendar = file.map(crate::config::load).transpose()?;
    let year = year(args.year, calendar.as_ref());
    if !(crate::dates::CN_FIRST_YEAR..=crate::dates::MAX_YEAR).contains(&year) {
        return Err(Error::Usage(format!(
            "statutory holidays are known from {} to {}",
            crate::dates::CN_FIRST_YEAR,
            crate::dates::MAX_YEAR
        )));
    }
    let rules = calendar.as_ref().map_or_else(HolidayRules::default, |c| c.holidays.clone());
    let language = calendar.as_ref().map_or(Language::Zh, |c| c.language);
    print(&render(&rules, year, language))?;
    Ok(0)
}

fn days_text(days: &[NaiveDate], language: Language) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1] == days[j].succ_opt().unwrap_or(days[j]) {
            j += 1;
        }
        let day = |d: NaiveDate| {
            format!("{}（{}）", d.format("%m-%d"), weekday_name(d.weekday(), language))
        };
        parts.push(if i == j {
            day(days[i])
        } else {
            format!("{} – {}", day(days[i]), day(days[j]))
        });
        i = j + 1;
    }
    parts.join("、")
}

/// The text of `year`'s arrangement under `rules`.
fn render(rules: &HolidayRules, year: i32, language: Language) -> String {
    let days = DayCalendar::new(rules, year, year);
    let Some(arrangement) = days.arrangement(year) else { return String::new() };
    let zh = language == Language::Zh;
    let (first, last) = crate::dates::official_years();
    let mut out = match (arrangement.status, zh) {
        (YearStatus::Official, true) => format!("{year} 年放假安排（国务院办公厅 {year} 年通知，官方）\n"),
        (YearStatus::Official, false) => format!("{year} holidays (official: State Council notice for {year})\n"),
        (YearStatus::Calendar, true) => format!("{year} 年放假安排（日历文件 [[holidays.periods]] 录入；未录入的节日按法律推算）\n"),
        (YearStatus::Calendar, false) => format!("{year} holidays (typed into the calendar file; festivals it does not name come from the law)\n"),
        (YearStatus::Provisional, true) => format!(
            "{year} 年放假安排尚未公布（内置官方数据：{first}–{last} 年）。\n以下为暂定：按《全国年节及纪念日放假办法》推算的法定节日及补假，不含调休上班日。\n"
        ),
        (YearStatus::Provisional, false) => format!(
            "The {year} holiday arrangement is not published yet (official data built in: {first}–{last}).\nProvisional: the statutory days of the law and days in lieu, without make-up workdays.\n"
        ),
    };
    out.push('\n');
    for period in &arrangement.periods {
        let source = match (period.source, zh) {
            (Source::Official, true) => "官方",
            (Source::Official, false) => "official",
            (Source::Provisional, true) => "暂定",
            (Source::Provisional, false) => "provisional",
            (Source::Calendar, true) => "日历文件",
            (Source::Calendar, false) => "calendar file",
        };
        let name = match (zh, period.festivals.as_slice()) {
            (false, [f]) => f.english_name().to_string(),
            _ => period.name.clone(),
        };
        out.push_str(&format!("{name}  [{source}]\n"));
        let (off, work, colon, count) = if zh {
            ("  放假", "  调休上班", "：", format!("（{} 天）", period.off.len()))
        } else {
            ("  off", "  make-up workdays", ": ", format!(" ({} days)", period.off.len()))
        };
        out.push_str(&format!("{off}{colon}{}{count}\n", days_text(&period.off, language)));
        if !period.work.is_empty() {
            out.push_str(&format!("{work}{colon}{}\n", days_text(&period.work, language)));
        }
    }
    out
}
