//! A month in one read: the lunar line under each month's title against tyme4rs (leap
//! months included), routines told once on a phone, and the long images' heights.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::support::bin;

fn build(calendar: &str, year: i32, out: &Path, extra: &[&str]) {
    let status = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("UNIONCAL_DATA_DIR", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-saved-data"))
        .args(["build", calendar, "--year", &year.to_string(), "-q", "--out"])
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
}

/// The lunar months `year`-`month` touches, as tyme4rs tells them: 丙午年腊月 — 丁未年正月.
fn expected_line(year: i32, month: u32) -> String {
    use tyme4rs::tyme::solar::SolarDay;
    use tyme4rs::tyme::Culture;
    const NAMES: [&str; 12] = [
        "正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "冬月",
        "腊月",
    ];
    let mut months: Vec<(isize, String, String)> = Vec::new();
    let mut day = NaiveDate::from_ymd_opt(year, month, 1).unwrap();
    while day.month() == month {
        let lunar =
            SolarDay::from_ymd(year as isize, month as usize, day.day() as usize).get_lunar_day();
        let m = lunar.get_lunar_month();
        let name = format!("{}{}", if m.is_leap() { "闰" } else { "" }, NAMES[m.get_month() - 1]);
        let cycle =
            tyme4rs::tyme::lunar::LunarYear::from_year(m.get_year()).get_sixty_cycle().get_name();
        if months.last().map(|(y, n, _)| (*y, n.as_str())) != Some((m.get_year(), name.as_str())) {
            months.push((m.get_year(), name, cycle));
        }
        day = day.succ_opt().unwrap();
    }
    let mut parts = Vec::new();
    let mut last = None;
    for (y, name, cycle) in months {
        parts.push(if last == Some(y) { name } else { format!("{cycle}年{name}") });
        last = Some(y);
    }
    parts.join(" — ")
}

#[test]
fn the_lunar_line_names_every_lunar_month_with_its_year() {
    assert_eq!(expected_line(2027, 2), "丙午年腊月 — 丁未年正月", "the oracle itself");
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for year in [2026, 2027, 2028, 2033] {
        let out = dir.path().join(year.to_string());
        build("calendars/small-school.toml", year, &out, &[]);
        for month in 1..=12 {
            let page =
                std::fs::read_to_string(out.join(format!("{year}-{month:02}.html"))).unwrap();
            let shown: Vec<&str> = page
                .split("class=\"lunar\">")
                .skip(1)
                .map(|rest| rest.split('<').next().unwrap().trim())
                .collect();
            assert!(shown.len() >= 2, "the agenda and the sheet");
            let want = expected_line(year, month);
            for line in shown {
                assert_eq!(line, want, "{year}-{month:02}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 48);
    // Leap months are named as such: 2028 has 闰五月, 2033 闰十一月.
    assert!(expected_line(2028, 6).contains("闰五月"));
}

/// What a 390-px phone shows of `page`: its text, and each agenda day's text by id.
fn phone_text(browser: &Path, page: &Path) -> serde_json::Value {
    let steps = serde_json::json!([
        {"screenshot": page.with_extension("png").to_string_lossy(), "width": 390, "height": 844},
        {"read": "JSON.stringify({text: document.body.innerText, days: Object.fromEntries([...document.querySelectorAll('.agenda li.day')].filter(d => d.getClientRects().length).map(d => [d.id, d.innerText]))})"}
    ]);
    let out = std::process::Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cdp.py"))
        .arg(browser)
        .arg(format!("file://{}", page.display()))
        .arg(steps.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let line = String::from_utf8_lossy(&out.stdout).lines().last().unwrap().to_string();
    let text: String = serde_json::from_str(&line).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn on_a_phone_a_routine_is_told_once_and_every_other_title_under_its_date() {
    let Some(browser) = crate::support::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    for calendar in ["calendars/hospital.toml", "calendars/mine.toml"] {
        let out = dir.path().join(Path::new(calendar).file_stem().unwrap());
        build(calendar, 2027, &out, &[]);
        let listed = bin()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("UNIONCAL_DATA_DIR", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-saved-data"))
            .args(["list", calendar, "--year", "2027", "--format", "json"])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
        let events = json["events"].as_array().unwrap();
        let mut routines_seen = 0;
        for month in 1..=12u32 {
            let of_month: Vec<&serde_json::Value> = events
                .iter()
                .filter(|e| {
                    e["date"].as_str().unwrap()[5..7] == format!("{month:02}")
                        && !e["month_task"].as_bool().unwrap()
                })
                .filter(|e| e["date"] == e["end_date"])
                .collect();
            let mut count: std::collections::BTreeMap<&str, usize> = Default::default();
            for e in &of_month {
                *count.entry(e["id"].as_str().unwrap()).or_default() += 1;
            }
            let shown = phone_text(&browser, &out.join(format!("2027-{month:02}.html")));
            let text = shown["text"].as_str().unwrap();
            for e in &of_month {
                let title = e["title"].as_str().unwrap();
                if count[e["id"].as_str().unwrap()] >= 4 {
                    routines_seen += 1;
                    assert!(
                        text.matches(title).count() <= 2,
                        "{calendar} 2027-{month:02}: `{title}` shown {} times",
                        text.matches(title).count()
                    );
                } else {
                    let id = format!("d{}", e["date"].as_str().unwrap().replace('-', ""));
                    let day = shown["days"][&id].as_str().unwrap_or_default();
                    assert!(day.contains(title), "{calendar}: `{title}` not under {id}: {day}");
                }
            }
        }
        assert!(routines_seen > 0, "{calendar} has routines");
    }
}

#[test]
fn the_hospitals_long_images_are_short_enough_to_read() {
    let Some(browser) = crate::support::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    build(
        "calendars/hospital.toml",
        2027,
        dir.path(),
        &["--png", "--browser", browser.to_str().unwrap()],
    );
    let mut heights: Vec<u32> = (1..=12)
        .map(|m| {
            let bytes = std::fs::read(dir.path().join(format!("share/2027-{m:02}.png"))).unwrap();
            u32::from_be_bytes(bytes[20..24].try_into().unwrap())
        })
        .collect();
    heights.sort_unstable();
    let median = (heights[5] + heights[6]) / 2;
    println!("hospital 2027 long images: {heights:?}, median {median} px");
    assert!(median <= 2700, "median {median} px");
}
