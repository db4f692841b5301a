//! `unioncal build`: feeds read back by an independent iCalendar parser, deterministic and
//! atomic output, escaping of hostile text, the work plan and spreadsheet.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{Days, NaiveDate};

use crate::support::{d, unescape};
use unioncal::schedule::{expand, year_range};

pub(super) fn unioncal() -> Command {
    let mut cmd = crate::support::bin();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1790000000");
    cmd
}

pub(super) fn build(file: &Path, out: &Path, extra: &[&str]) {
    unioncal().arg("build").arg(file).arg("--out").arg(out).args(extra).assert().success();
}

/// No temporary file of an atomic write is left in `dir`.
pub(super) fn assert_no_temporaries(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name();
        assert!(!name.to_string_lossy().ends_with(".tmp"), "{name:?} left in {}", dir.display());
    }
}

pub(super) fn hospital() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("calendars/hospital.toml")
}

/// A property's parameters as the parser gives them.
type Params = Vec<(String, Vec<String>)>;

struct Parsed {
    props: HashMap<String, (String, Params)>,
    alarms: usize,
}

fn parse_feed(path: &Path) -> (Vec<Parsed>, Vec<String>) {
    let reader = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let mut calendars = ical::IcalParser::new(reader);
    let calendar = calendars.next().expect("one calendar").expect("parses");
    assert!(calendars.next().is_none());
    let tzids = calendar
        .timezones
        .iter()
        .flat_map(|tz| {
            tz.properties.iter().filter(|p| p.name == "TZID").filter_map(|p| p.value.clone())
        })
        .collect();
    let events = calendar
        .events
        .into_iter()
        .map(|e| Parsed {
            props: e
                .properties
                .into_iter()
                .map(|p| (p.name, (p.value.unwrap_or_default(), p.params.unwrap_or_default())))
                .collect(),
            alarms: e.alarms.len(),
        })
        .collect();
    (events, tzids)
}

#[test]
fn feeds_read_back_by_an_independent_parser_match_the_schedule() {
    let dir = tempfile::tempdir().unwrap();
    build(&hospital(), dir.path(), &["--year", "2027"]);
    let calendar = unioncal::config::load(&hospital()).unwrap();
    let (from, to) = year_range(2027);
    let schedule = expand(&calendar, from, to).unwrap();
    let (events, tzids) = parse_feed(&dir.path().join("pku6-union.ics"));
    assert_eq!(tzids, ["Asia/Shanghai"]);
    assert_eq!(events.len(), schedule.occurrences.len());
    let by_uid: HashMap<&str, &Parsed> =
        events.iter().map(|e| (e.props["UID"].0.as_str(), e)).collect();
    assert_eq!(by_uid.len(), events.len(), "UIDs are unique");
    for o in &schedule.occurrences {
        let uid = o.uid(&calendar);
        let e = by_uid.get(uid.as_str()).unwrap_or_else(|| panic!("{uid} missing"));
        let (start, start_params) = &e.props["DTSTART"];
        let (end, end_params) = &e.props["DTEND"];
        assert!(e.props.contains_key("DTSTAMP"));
        let summary = unescape(&e.props["SUMMARY"].0);
        if o.month_task {
            assert!(summary.starts_with('【') && summary.ends_with(&*o.title), "{summary}");
        } else {
            assert_eq!(summary, &*o.title);
        }
        match o.start_time {
            Some(t) if !o.month_task => {
                assert_eq!(
                    start_params,
                    &[("TZID".to_string(), vec!["Asia/Shanghai".to_string()])]
                );
                assert_eq!(end_params, &[("TZID".to_string(), vec!["Asia/Shanghai".to_string()])]);
                assert_eq!(start, &o.date.and_time(t).format("%Y%m%dT%H%M%S").to_string());
                assert_eq!(
                    end,
                    &o.end_date.and_time(o.end_time.unwrap()).format("%Y%m%dT%H%M%S").to_string()
                );
            }
            _ => {
                assert_eq!(start_params, &[("VALUE".to_string(), vec!["DATE".to_string()])]);
                let first = NaiveDate::parse_from_str(start, "%Y%m%d").unwrap();
                let after = NaiveDate::parse_from_str(end, "%Y%m%d").unwrap();
                assert!(after > first, "exclusive DTEND after DTSTART for {uid}");
                if !o.month_task {
                    assert_eq!(first, o.date);
                    assert_eq!(after, o.end_date + Days::new(1));
                }
            }
        }
        if let Some(location) = &o.location {
            assert_eq!(unescape(&e.props["LOCATION"].0), &**location);
        }
        assert_eq!(e.alarms, calendar.events[o.event].reminders.len());
    }
}

#[test]
fn every_line_is_crlf_and_at_most_75_octets() {
    let dir = tempfile::tempdir().unwrap();
    build(&hospital(), dir.path(), &["--year", "2026"]);
    let mut feeds = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ics") {
            feeds += 1;
            let bytes = std::fs::read(&path).unwrap();
            let text = String::from_utf8(bytes).expect("UTF-8");
            assert!(text.ends_with("\r\n"));
            for line in text.split_terminator("\r\n") {
                assert!(line.len() <= 75, "{} octets: {line}", line.len());
                assert!(!line.contains('\n') && !line.contains('\r'));
            }
            for key in [
                "VERSION:2.0",
                "PRODID:",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:",
                "NAME:",
                "X-WR-TIMEZONE:Asia/Shanghai",
                "REFRESH-INTERVAL;VALUE=DURATION:P1D",
                "X-PUBLISHED-TTL:P1D",
                "BEGIN:VTIMEZONE",
            ] {
                assert!(
                    text.contains(&format!("\r\n{key}")),
                    "{key} missing in {}",
                    path.display()
                );
            }
        }
    }
    assert_eq!(feeds, 5, "the whole feed and one per category");
}

#[test]
fn all_day_reminder_fires_at_nine_the_day_before() {
    let dir = tempfile::tempdir().unwrap();
    build(&hospital(), dir.path(), &["--year", "2027"]);
    let text = std::fs::read_to_string(dir.path().join("pku6-union.ics")).unwrap();
    let event = text.split("BEGIN:VEVENT").find(|e| e.contains("UID:summer-cool-")).unwrap();
    assert!(event.contains("DTSTART;VALUE=DATE:"));
    assert!(event.contains("TRIGGER:-PT15H"), "{event}");
}

#[test]
fn same_input_and_source_date_epoch_give_byte_identical_files() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build(&hospital(), a.path(), &["--year", "2027"]);
    build(&hospital(), b.path(), &["--year", "2027"]);
    let names = crate::support::files_under(a.path());
    let top = names.iter().filter(|n| n.components().count() == 1).count();
    assert_eq!(
        top, 24,
        "5 feeds, index, subscribe, 12 months, print, plan.md, plan.csv, plan.docx, plan.xlsx"
    );
    let rules = names.iter().filter(|n| n.starts_with("events")).count();
    assert_eq!(rules, 27, "one file per rule of the hospital calendar");
    for name in names {
        assert_eq!(
            std::fs::read(a.path().join(&name)).unwrap(),
            std::fs::read(b.path().join(&name)).unwrap(),
            "{name:?}"
        );
    }
    let ics = std::fs::read_to_string(a.path().join("pku6-union.ics")).unwrap();
    assert!(ics.contains("DTSTAMP:20260921T141320Z"));
}

const HOSTILE: &str = r##"[calendar]
name = "<b>工会</b> & \"Co\""
url = "https://example.org/cal/x.ics"

[categories.a]
label = "<i>cat</i>, 分类; x"
color = "#123456"

[[events]]
id = "evil"
title = "<script>alert('x')</script>, 周会; \\ 反斜杠 🎉"
date = "03-08"
time = "14:00"
location = "礼堂\r\n二楼, A; B"
description = "第一行\r\n第二行"
category = "a"

[[events]]
id = "formula"
title = "=HYPERLINK(\"http://x\")"
date = "03-09"
"##;

#[test]
fn hostile_text_comes_out_intact_and_inert() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.toml");
    std::fs::write(&file, HOSTILE).unwrap();
    let out = dir.path().join("out");
    build(&file, &out, &["--year", "2027"]);
    let (events, _) = parse_feed(&out.join("x.ics"));
    let evil = events.iter().find(|e| e.props["UID"].0.starts_with("evil-")).unwrap();
    assert_eq!(
        unescape(&evil.props["SUMMARY"].0),
        "<script>alert('x')</script>, 周会; \\ 反斜杠 🎉"
    );
    assert_eq!(unescape(&evil.props["LOCATION"].0), "礼堂\n二楼, A; B");
    assert!(unescape(&evil.props["DESCRIPTION"].0).contains("第一行\n第二行"));
    assert_eq!(unescape(&evil.props["CATEGORIES"].0), "<i>cat</i>, 分类; x");
    for page in ["index.html", "2027-03.html", "print.html"] {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        assert!(!html.contains("<script>"), "{page}");
        assert!(!html.contains("<b>工会</b>") && !html.contains("<i>cat</i>"), "{page}");
        assert!(
            html.contains("&lt;b&gt;工会&lt;&#x2F;b&gt;")
                || html.contains("&lt;b&gt;工会&lt;/b&gt;"),
            "{page}"
        );
    }
    let march = std::fs::read_to_string(out.join("2027-03.html")).unwrap();
    assert!(
        march.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt;")
            && march.contains("🎉")
    );
    let plan = std::fs::read_to_string(out.join("plan.md")).unwrap();
    assert!(plan.contains("\\<script\\>alert\\(") && !plan.contains("<script>"), "{plan}");
    let csv = std::fs::read_to_string(out.join("plan.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let titles: Vec<String> = reader.records().map(|r| r.unwrap()[3].to_string()).collect();
    assert_eq!(
        titles,
        ["<script>alert('x')</script>, 周会; \\ 反斜杠 🎉", "'=HYPERLINK(\"http://x\")"]
    );
}

#[test]
fn a_user_template_overrides_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("plan.md"), "{{ name }}: {{ months | length }} months\n")
        .unwrap();
    std::fs::write(templates.join("style.css"), ".grid { border: 9px solid teal; }").unwrap();
    let out = dir.path().join("out");
    build(&hospital(), &out, &["--year", "2027", "--templates", templates.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(out.join("plan.md")).unwrap(), "北大六院工会: 11 months\n"); // July and August merged by [plan]
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("<svg"), "other templates stay built in");
    for page in [index, std::fs::read_to_string(out.join("2027-03.html")).unwrap()] {
        assert!(page.contains("<style>.grid { border: 9px solid teal; }</style>"), "{page}");
    }
}

#[test]
fn a_user_template_speaks_through_the_catalog_and_its_mistakes_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    let out = dir.path().join("out");
    let plan = templates.join("plan.md");
    std::fs::write(&plan, "{{ t(id=\"page-nav-year\", lang=language) }}|{{ t(id=\"table-moved\", lang=\"en\", date=\"Mar 8\") }}\n").unwrap();
    build(&hospital(), &out, &["--year", "2027", "--templates", templates.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(out.join("plan.md")).unwrap(), "全年|moved from Mar 8\n");

    std::fs::write(&plan, "{{ t(id=\"no-such-words\", lang=language) }}\n").unwrap();
    let before = std::fs::read(out.join("plan.md")).unwrap();
    for (lang, words) in [("en", "template `plan.md`"), ("zh", "模板 `plan.md` 出错")] {
        let failed = unioncal()
            .args(["--lang", lang, "build"])
            .arg(hospital())
            .args(["--year", "2027", "--out"])
            .arg(&out)
            .arg("--templates")
            .arg(&templates)
            .output()
            .unwrap();
        assert_eq!(failed.status.code(), Some(1));
        let err = String::from_utf8(failed.stderr).unwrap();
        assert!(err.contains(words) && err.contains("no-such-words"), "{err}");
        assert!(err.contains("= help:"), "{err}");
    }
    assert_eq!(std::fs::read(out.join("plan.md")).unwrap(), before, "the last good plan stays");
}

#[test]
fn plan_markdown_reads_like_a_work_plan() {
    let dir = tempfile::tempdir().unwrap();
    build(&hospital(), dir.path(), &["--year", "2027"]);
    let plan = std::fs::read_to_string(dir.path().join("plan.md")).unwrap();
    assert!(plan.contains("\n## 3月份\n"));
    // [plan]: the prose first, July and August merged as the hospital's plan writes them.
    assert!(plan.contains("\n## 7、8月份\n") && !plan.contains("## 7月份"), "{plan}");
    assert!(plan.contains("\n## 一、加强工会组织建设，提高整体工作水平\n"), "{plan}");
    assert!(plan.contains("\n## 六、具体活动安排\n"), "{plan}");
    assert!(
        plan.contains("、3月8日（周一）14:00 三八妇女节活动：保龄球比赛、厨艺比赛（职工之家），参加范围：全体女职工\n"),
        "{plan}"
    );
    insta::assert_snapshot!("hospital_2027_plan", plan);
}

#[test]
fn regenerating_after_the_notice_keeps_uids() {
    // Typing in a 2027 notice moves shifted occurrences but never changes their UIDs.
    let base = std::fs::read_to_string(hospital()).unwrap();
    let typed = format!("{base}\n[[holidays.periods]]\nname = \"劳动节\"\nstart = \"2027-04-29\"\nend = \"2027-05-03\"\nwork = [\"2027-04-25\"]\n");
    // Each occurrence: its UID, and the nominal and final dates.
    let occurrences = |text: &str| {
        let calendar = unioncal::config::parse("h.toml", text.as_bytes(), "h").unwrap();
        let (from, to) = year_range(2027);
        expand(&calendar, from, to)
            .unwrap()
            .occurrences
            .iter()
            .map(|o| (o.uid(&calendar), (calendar.events[o.event].id.clone(), o.nominal, o.date)))
            .collect::<HashMap<String, (String, chrono::NaiveDate, chrono::NaiveDate)>>()
    };
    let (before, after) = (occurrences(&base), occurrences(&typed));
    // The same event on the same nominal day has the same UID, however it was shifted.
    let by_nominal = |m: &HashMap<String, (String, chrono::NaiveDate, chrono::NaiveDate)>| {
        m.iter()
            .map(|(uid, (id, nominal, _))| ((id.clone(), *nominal), uid.clone()))
            .collect::<HashMap<_, _>>()
    };
    let (b, a) = (by_nominal(&before), by_nominal(&after));
    let mut moved = 0;
    for (key, uid) in &b {
        if let Some(other) = a.get(key) {
            assert_eq!(uid, other, "{key:?}: the UID changed with the holiday data");
            moved += usize::from(before[uid].2 != after[other].2);
        }
    }
    assert!(moved > 0, "the typed notice moves some occurrences (else this test shows nothing)");
    // An occurrence only in one of the two was dropped or added by the new days off
    // (`shift = "skip"`, `workdays_only`): its day lies in the changed 劳动节 window.
    let window = d("2027-04-24")..=d("2027-05-09");
    for (uid, (_, nominal, date)) in before
        .iter()
        .filter(|(u, _)| !after.contains_key(*u))
        .chain(after.iter().filter(|(u, _)| !before.contains_key(*u)))
    {
        assert!(
            window.contains(date) || window.contains(nominal),
            "{uid} appeared or vanished outside the change"
        );
    }
}

#[test]
fn several_calendars_build_into_one_folder_each() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\n").unwrap();
    let out = dir.path().join("public");
    unioncal()
        .arg("build")
        .args([
            root.join("calendars/hospital.toml"),
            root.join("calendars/mine.toml"),
            broken.clone(),
        ])
        .args(["--year", "2027", "--out", out.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("broken.toml:3:1"));
    assert!(out.join("pku6-union/pku6-union.ics").exists());
    assert!(out.join("tingnan-mine-union/print.html").exists());
    assert!(!out.join("broken").exists());
    // Two calendars naming one folder: the first builds into it, the second is refused
    // naming both files; messages keep the order of the files.
    let copy = dir.path().join("copy.toml");
    std::fs::copy(root.join("calendars/mine.toml"), &copy).unwrap();
    let clash = unioncal()
        .arg("build")
        .args([root.join("calendars/mine.toml"), copy.clone(), root.join("calendars/school.toml")])
        .args(["--year", "2027", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(clash.status.code(), Some(1));
    let err = String::from_utf8(clash.stderr).unwrap();
    assert!(err.contains("have the same slug `tingnan-mine-union`"), "{err}");
    assert!(err.contains("copy.toml"), "{err}");
    let (mine, school) = (err.find("mine.toml:").unwrap(), err.find("school.toml:").unwrap());
    assert!(
        mine < err.find("same slug").unwrap() && err.find("same slug").unwrap() < school,
        "{err}"
    );
}

#[test]
fn runaway_ranges_are_refused_not_computed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.toml");
    let mut text = String::from("[calendar]\nname = \"x\"\n[holidays]\nregion = \"none\"\n");
    for i in 0..200 {
        text.push_str(&format!("[[events]]\nid = \"d{i}\"\ntitle = \"t\"\nrepeat = \"daily\"\n"));
    }
    std::fs::write(&file, text).unwrap();
    unioncal()
        .args([
            "list",
            file.to_str().unwrap(),
            "--from",
            "1960-01-01",
            "--to",
            "2100-12-31",
            "--format",
            "json",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("shorter range"));
}

#[test]
fn inputs_the_fuzzer_found_build_quickly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let bin = assert_cmd::cargo::cargo_bin("unioncal");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let out = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new(&bin)
            .arg("build")
            .arg(&path)
            .args(["--year", "2027", "-q", "--out"])
            .arg(out.path())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > std::time::Duration::from_secs(30) {
                let _ = child.kill();
                panic!("{} did not finish in 30 s", path.display());
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        assert!(status.code().is_some_and(|c| c <= 3), "{} crashed: {status}", path.display());
    }
}

#[test]
fn a_month_task_sits_on_the_months_first_working_day_in_feeds() {
    let dir = tempfile::tempdir().unwrap();
    build(&hospital(), dir.path(), &["--year", "2026"]);
    let (events, _) = parse_feed(&dir.path().join("pku6-union.ics"));
    let start = |uid: &str| {
        events.iter().find(|e| e.props["UID"].0 == uid).map(|e| e.props["DTSTART"].0.clone())
    };
    // October 2026 opens with the National Day break (10-01..10-07).
    assert_eq!(start("home-award-202610@pku6-union.example.org").as_deref(), Some("20261008"));
    let october = events
        .iter()
        .find(|e| e.props["UID"].0 == "home-award-202610@pku6-union.example.org")
        .unwrap();
    assert_eq!(unescape(&october.props["SUMMARY"].0), "【10月】准备材料申报先进职工之家");
    // September 2026 starts on a Tuesday, a working day.
    assert_eq!(start("dues-202609@pku6-union.example.org").as_deref(), Some("20260901"));
}

#[test]
fn printed_pages_mark_days_off_make_up_days_provisional_holidays_and_crowded_days() {
    let dir = tempfile::tempdir().unwrap();
    // Five events on 2027-04-10 (three fit a cell) and 41 in April in all (the densest list).
    let mut toml = String::from("[calendar]\nname = \"测试工会\"\nslug = \"t\"\n");
    for i in 0..41 {
        let day = if i < 5 { 10 } else { i % 9 + 1 };
        toml.push_str(&format!(
            "[[events]]\nid = \"e{i}\"\ntitle = \"活动{i}\"\ndate = \"2027-04-{day:02}\"\n"
        ));
    }
    let file = dir.path().join("t.toml");
    std::fs::write(&file, toml).unwrap();
    let page = |year: &str, month: &str| {
        let out = dir.path().join(year);
        build(&file, &out, &["--year", year]);
        let page = std::fs::read_to_string(out.join(format!("{year}-{month}.html"))).unwrap();
        // The printed sheet only, not the phone agenda after it.
        page.split("<section class=\"agenda\"").next().unwrap().to_string()
    };
    let count = |page: &str, text: &str| page.matches(text).count();
    let off = "<span class=\"badge off\">休</span>";
    let work = "<span class=\"badge work\">班</span>";
    let provisional = "<span class=\"badge off prov\" title=\"暂定\">休*</span>";

    // 2026, official: 国庆 10-01..07 off, Saturday 10-10 worked; September's 中秋 25–27 and
    // Sunday 09-20 worked. Days of the neighbouring months in the grid carry no badge.
    let october = page("2026", "10");
    assert_eq!((count(&october, off), count(&october, work)), (7, 1));
    let september = page("2026", "09");
    assert_eq!((count(&september, off), count(&september, work)), (3, 1));
    assert_eq!(count(&september, provisional), 0);

    // 2027, forecast: 10-01..07 off and Saturday 10-09 worked, each marked as a forecast.
    let october = page("2027", "10");
    assert_eq!((count(&october, provisional), count(&october, off)), (7, 0));
    let forecast_work = "<span class=\"badge work prov\" title=\"暂定\">班*</span>";
    assert_eq!((count(&october, forecast_work), count(&october, work)), (1, 0));
    assert!(october.contains("放假安排尚未公布"));
    assert_eq!(count(&page("2027", "03"), "<div class=\"pnote\">妇女放假半天</div>"), 1);

    let april = page("2027", "04");
    assert_eq!(count(&april, "<div class=\"more\">另有 2 项</div>"), 1);
    assert!(april.contains("<section class=\"sheet densest\" id=\"m2027-04\">"));
    assert!(page("2027", "05").contains("<section class=\"sheet\" id=\"m2027-05\">"));
}

#[test]
fn each_rule_has_a_file_to_add_with_the_feeds_own_events() {
    let dir = tempfile::tempdir().unwrap();
    build(&hospital(), dir.path(), &["--year", "2027"]);
    let (main, _) = parse_feed(&dir.path().join("pku6-union.ics"));
    let main: HashMap<String, String> =
        main.iter().map(|e| (e.props["UID"].0.clone(), e.props["DTSTART"].0.clone())).collect();
    let mut seen = 0;
    for entry in std::fs::read_dir(dir.path().join("events")).unwrap() {
        let path = entry.unwrap().path();
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let (events, tzids) = parse_feed(&path);
        assert!(!events.is_empty(), "{id}");
        for e in &events {
            let uid = &e.props["UID"].0;
            assert!(uid.starts_with(&format!("{id}-")), "{uid} in {id}.ics");
            assert_eq!(main.get(uid), Some(&e.props["DTSTART"].0), "{uid}: same event as the feed");
            if e.props["DTSTART"].1.iter().any(|(k, _)| k == "TZID") {
                assert_eq!(tzids, ["Asia/Shanghai"], "{id}.ics carries its VTIMEZONE");
            }
        }
        seen += events.len();
    }
    assert_eq!(seen, main.len(), "every occurrence is in exactly one rule's file");
    // The month pages link each event to its file: the sheet's list and the agenda.
    // (Tera writes `/` in attributes as `&#x2F;`, which browsers read as `/`.)
    let read =
        |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap().replace("&#x2F;", "/");
    let march = read("2027-03.html");
    // Who takes part is on the printed list and on the phone's agenda.
    assert_eq!(march.matches("参加：全体女职工").count(), 2, "{march}");
    assert!(march.matches("href=\"events/womens-day.ics\"").count() >= 2, "{march}");
    let subscribe = read("subscribe.html");
    for platform in ["iPhone", "Outlook", "小米", "鸿蒙", "ICSx⁵", "企业微信", "Google"] {
        assert!(subscribe.contains(platform), "{platform}");
    }
    assert!(subscribe.contains("webcal://example.org/"), "subscribe links");
    assert_eq!(subscribe.matches("<svg").count(), 2, "QR codes of the feed and of the page");
    assert!(read("index.html").contains("href=\"subscribe.html\""));
}

#[test]
fn a_small_feed_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("small.toml");
    std::fs::write(
        &file,
        "[calendar]\nname = \"小工会\"\nslug = \"small\"\nurl = \"https://example.org/small.ics\"\n\n[[events]]\nid = \"womens-day\"\ntitle = \"三八妇女节活动：游园, 趣味运动; 合影\"\ndate = \"03-08\"\ntime = \"14:00\"\nend = \"16:30\"\nlocation = \"职工之家\"\norganizer = \"女工委员会\"\naudience = \"全体女职工\"\nreminder = [\"1d\", \"30m\"]\n\n[[events]]\nid = \"spring-visits\"\ntitle = \"春节送温暖：走访慰问离退休职工和困难职工，一个很长的标题用来检查折行是否落在字符边界上\"\nholiday = \"春节\"\noffset = \"-1wd\"\ndays = 3\nreminder = \"1d\"\n",
    )
    .unwrap();
    build(&file, dir.path(), &["--year", "2026"]);
    let feed = std::fs::read_to_string(dir.path().join("small.ics")).unwrap();
    assert!(feed.lines().all(|l| l.len() <= 75));
    insta::assert_snapshot!("small_feed", feed.replace("\r\n", "⏎\n"));
}

/// FNV-1a, 64 bits: a digest that no toolchain change moves.
fn digest(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

/// Every output of every shipped calendar, in Chinese and English, by digest: a refactoring
/// that changes any byte of any output fails here. A deliberate change of the outputs is
/// reviewed with `cargo insta review`.
#[test]
fn every_output_of_the_shipped_calendars_is_as_recorded() {
    let calendars = Path::new(env!("CARGO_MANIFEST_DIR")).join("calendars");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&calendars)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    let dir = tempfile::tempdir().unwrap();
    let mut lines = Vec::new();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let english = if text.contains("\nlanguage = ") {
            text.replacen("\nlanguage = \"zh\"", "\nlanguage = \"en\"", 1)
        } else {
            text.replacen("[calendar]\n", "[calendar]\nlanguage = \"en\"\n", 1)
        };
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let en_path = dir.path().join(format!("{stem}.toml"));
        std::fs::write(&en_path, english).unwrap();
        for (label, file) in [("zh", &path), ("en", &en_path)] {
            let out = dir.path().join(format!("{stem}-{label}"));
            build(file, &out, &["--year", "2027"]);
            for name in crate::support::files_under(&out) {
                let bytes = std::fs::read(out.join(&name)).unwrap();
                let name = name.to_string_lossy().replace('\\', "/");
                lines.push(format!("{stem} {label} {name} {:016x}", digest(&bytes)));
            }
        }
    }
    assert!(lines.len() > 500, "{} outputs", lines.len());
    insta::assert_snapshot!("shipped_outputs", lines.join("\n"));
}
