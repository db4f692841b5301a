//! The text of `unioncal holidays`: a year's breaks, their days off and make-up workdays,
//! and where each came from.

use chrono::{Datelike, NaiveDate};

use crate::dates::{Arrangement, Source, YearStatus};
use crate::model::Language;
use crate::text::weekday_name;

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

/// How a year's arrangement was known, in a few words.
#[must_use]
pub fn status_text(status: YearStatus) -> &'static str {
    match status {
        YearStatus::Official => "the built-in official notice",
        YearStatus::Saved => "the notice saved on this computer",
        YearStatus::Calendar => "periods typed into the file",
        YearStatus::Provisional => "provisional, from the law",
    }
}

/// Where a break came from, for people.
fn source_text(source: Source, origin: Option<&str>, zh: bool) -> String {
    let origin = origin.unwrap_or_default();
    match (source, zh) {
        (Source::Official, true) => "官方：内置国务院办公厅通知".into(),
        (Source::Official, false) => "official: built-in State Council notice".into(),
        (Source::Saved, true) => format!("官方：已导入通知，{origin}"),
        (Source::Saved, false) => format!("official: imported notice, saved {origin}"),
        (Source::Shared, true) => format!("假期文件 {origin}"),
        (Source::Shared, false) => format!("holidays file {origin}"),
        (Source::Calendar, true) => "日历文件录入".into(),
        (Source::Calendar, false) => "typed in the calendar file".into(),
        (Source::Provisional, true) => "暂定：按法律推算".into(),
        (Source::Provisional, false) => "provisional: from the law".into(),
    }
}

/// The text of `arrangement`. `built_in` is the first and last year of the embedded
/// official data, for the note on a provisional year.
#[must_use]
pub fn render(arrangement: &Arrangement, built_in: (i32, i32), language: Language) -> String {
    let zh = language == Language::Zh;
    let year = arrangement.year;
    let (first, last) = built_in;
    let mut out = match (arrangement.status, zh) {
        (YearStatus::Official, true) => format!("{year} 年放假安排（国务院办公厅 {year} 年通知，官方）\n"),
        (YearStatus::Official, false) => format!("{year} holidays (official: State Council notice for {year})\n"),
        (YearStatus::Saved, true) => format!("{year} 年放假安排（已导入的国务院办公厅通知，官方）\n"),
        (YearStatus::Saved, false) => format!("{year} holidays (official: the State Council notice imported on this machine)\n"),
        (YearStatus::Calendar, true) => format!("{year} 年放假安排（日历文件 [[holidays.periods]] 录入；未录入的节日按法律推算）\n"),
        (YearStatus::Calendar, false) => format!("{year} holidays (typed into the calendar file; festivals it does not name come from the law)\n"),
        (YearStatus::Provisional, true) => format!(
            "{year} 年放假安排尚未公布（内置官方数据：{first}–{last} 年）。\n以下为暂定：按《全国年节及纪念日放假办法》推算的法定节日及补假，不含调休上班日。\n通知发布后：unioncal holidays import 通知.txt --save\n"
        ),
        (YearStatus::Provisional, false) => format!(
            "The {year} holiday arrangement is not published yet (official data built in: {first}–{last}).\nProvisional: the statutory days of the law and days in lieu, without make-up workdays.\nWhen the notice is out: unioncal holidays import notice.txt --save\n"
        ),
    };
    out.push('\n');
    for period in &arrangement.periods {
        let source = source_text(period.source, period.origin.as_deref(), zh);
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
