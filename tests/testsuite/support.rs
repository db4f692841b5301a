//! Helpers shared by the test modules.

use chrono::NaiveDate;
use unioncal::model::Calendar;
use unioncal::schedule::{expand, year_range, Schedule};

/// A calendar from TOML text (named `test.toml`), or the rendered errors.
pub(crate) fn try_calendar(toml: &str) -> Result<Calendar, String> {
    unioncal::config::parse("test.toml", toml.as_bytes(), "test").map_err(|e| e.to_string())
}

/// A calendar from TOML text that must be valid.
pub(crate) fn calendar(toml: &str) -> Calendar {
    try_calendar(toml).unwrap_or_else(|e| panic!("{e}"))
}

/// `[calendar]` plus the given events.
pub(crate) fn with_header(events: &str) -> String {
    format!("[calendar]\nname = \"测试工会\"\n\n{events}")
}

/// Expand over a year.
pub(crate) fn year(toml: &str, year: i32) -> Schedule {
    let (from, to) = year_range(year);
    expand(&calendar(toml), from, to).unwrap()
}

/// The UIDs of a schedule of the calendar `toml`.
pub(crate) fn uids(toml: &str, schedule: &Schedule) -> Vec<String> {
    let calendar = calendar(toml);
    schedule.occurrences.iter().map(|o| o.uid(&calendar)).collect()
}

/// The final dates of a calendar over `from..=to`.
pub(crate) fn dates_between(toml: &str, from: &str, to: &str) -> Vec<String> {
    let schedule = expand(&calendar(toml), d(from), d(to)).unwrap();
    schedule.occurrences.iter().map(|o| o.date.to_string()).collect()
}

/// The final dates of one-year expansion.
pub(crate) fn dates(toml: &str, y: i32) -> Vec<String> {
    year(toml, y).occurrences.iter().map(|o| o.date.to_string()).collect()
}

/// A date from `YYYY-MM-DD`.
pub(crate) fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Unescape an iCalendar TEXT value.
pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The `unioncal` binary, with no holiday arrangements saved on this machine (its data
/// folder points at an empty place), so tests never depend on what a user imported.
pub(crate) fn bin() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("unioncal").unwrap();
    cmd.env("UNIONCAL_DATA_DIR", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-saved-data"));
    // Build records go to the test's own cache, never the user's.
    cmd.env("UNIONCAL_CACHE_DIR", concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"));
    // English unless a test asks otherwise, whatever this machine's language.
    cmd.env("UNIONCAL_LANG", "en");
    cmd
}

/// The official days off (`true`) and make-up workdays (`false`) of a year's notice, from
/// `tests/fixtures/cn-holidays/YEAR.json` (copied verbatim from its source), less one
/// known error there: 2020-02-03, a Monday, is listed as a make-up workday, but the
/// extension notice only says work resumes that day (`2月3日（星期一）起正常上班`).
pub(crate) fn official_json_days(year: i32) -> Vec<(NaiveDate, bool)> {
    let path = format!("{}/tests/fixtures/cn-holidays/{year}.json", env!("CARGO_MANIFEST_DIR"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    json["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|day| (d(day["date"].as_str().unwrap()), day["isOffDay"].as_bool().unwrap()))
        .filter(|(date, off)| *off || *date != d("2020-02-03"))
        .collect()
}

/// Every file below `dir`, as paths relative to it, sorted; files whose name starts with
/// `.` (temporaries of an atomic write) are left out.
pub(crate) fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::PathBuf::new()];
    while let Some(rel) = stack.pop() {
        for entry in std::fs::read_dir(dir.join(&rel)).unwrap() {
            let entry = entry.unwrap();
            let name = rel.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                stack.push(name);
            } else if !entry.file_name().to_string_lossy().starts_with('.') {
                out.push(name);
            }
        }
    }
    out.sort();
    out
}

/// The flags every test starts headless Chromium with (as root, on a closed network).
pub(crate) const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// Headless Chromium, or `None` with a note (never under CI, which installs it).
pub(crate) fn chromium() -> Option<std::path::PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .map(|n| std::path::Path::new("/usr/bin").join(n))
        .find(|p| p.exists());
    if found.is_none() {
        assert!(std::env::var_os("CI").is_none(), "CI must install chromium");
        println!("SKIPPED: chromium is not installed (apt-get install chromium)");
    }
    found
}

/// A 2027 notice (a year the built-in data lacks), written for the tests in the grammar of
/// the 2026 notice; every weekday is checked by the import itself.
pub(crate) const NOTICE_2027: &str = "国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至2月13日（农历正月初八、周六）放假调休，共9天。2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假1天，不调休。
六、中秋节：9月15日（周三）放假1天，不调休。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
";
