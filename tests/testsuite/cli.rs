//! The command line as a user runs it: outputs, messages and exit codes.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn unioncal() -> Command {
    let mut cmd = crate::support::bin();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env("NO_COLOR", "1");
    cmd
}

fn stdout(args: &[&str]) -> String {
    let out = unioncal().args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn list_json_of_the_hospital_2027() {
    let text = stdout(&["list", "calendars/hospital.toml", "--year", "2027", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["calendar"], "北大六院工会");
    assert_eq!(json["provisional_holidays"], true);
    let events = json["events"].as_array().unwrap();
    let womens = events.iter().find(|e| e["id"] == "womens-day").unwrap();
    assert_eq!(womens["uid"], "womens-day-20270308@pku6-union.example.org");
    assert_eq!(womens["start_time"], "14:00");
    // Keys in the contract's order.
    let keys: Vec<&str> = womens.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 15);
    assert!(keys.contains(&"audience"));
    assert_eq!(womens["audience"], "全体女职工");
    let reception = events.iter().find(|e| e["id"] == "reception-day").unwrap();
    assert!(reception["audience"].is_null());
    insta::assert_snapshot!("hospital_2027_json", text);
}

#[test]
fn list_table_of_one_month() {
    let text = stdout(&["list", "calendars/hospital.toml", "--year", "2026", "--month", "2"]);
    insta::assert_snapshot!("hospital_2026_02_table", text);
}

#[test]
fn list_month_narrows_the_json_range() {
    let text = stdout(&[
        "list",
        "calendars/hospital.toml",
        "--year",
        "2027",
        "--month",
        "9",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        (json["from"].as_str(), json["to"].as_str()),
        (Some("2027-09-01"), Some("2027-09-30"))
    );
    assert!(json["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["date"].as_str().unwrap().starts_with("2027-09")));
}

#[test]
fn list_csv_opens_in_a_spreadsheet() {
    let text = stdout(&["list", "calendars/hospital.toml", "--year", "2027", "--format", "csv"]);
    assert!(text.starts_with('\u{feff}'));
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["日期", "星期", "时间", "活动", "地点", "负责人", "类别", "参加范围"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.iter().any(|r| &r[0] == "2027-03-08"
        && &r[1] == "周一"
        && &r[3] == "三八妇女节活动：保龄球比赛、厨艺比赛"
        && &r[7] == "全体女职工"));
}

#[test]
fn check_warns_about_the_provisional_year_and_exits_0() {
    unioncal()
        .args(["check", "calendars/hospital.toml", "--year", "2027"])
        .assert()
        .success()
        .stderr(predicate::str::contains("2027 holiday arrangement is not published yet"))
        // It says how to bring the notice in when it is out.
        .stderr(predicate::str::contains("unioncal holidays import notice.txt --save"));
    unioncal()
        .args(["check", "calendars/hospital.toml", "--year", "2027", "--lang", "zh"])
        .assert()
        .success()
        .stderr(predicate::str::contains("unioncal holidays import 通知.txt --save"));
}

#[test]
fn check_reports_errors_with_location_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nrepeat = \"weekly\"\nwekdays = [\"mon\"]\n").unwrap();
    unioncal().args(["check", path.to_str().unwrap()]).assert().code(1).stderr(
        predicate::str::contains("bad.toml:7:1")
            .and(predicate::str::contains("did you mean `weekdays`?")),
    );
}

#[test]
fn exit_codes_for_usage_and_io() {
    unioncal().args(["list", "--year", "abc"]).assert().code(2);
    unioncal()
        .args([
            "list",
            "calendars/hospital.toml",
            "--year",
            "2027",
            "--from",
            "2027-01-01",
            "--to",
            "2027-02-01",
        ])
        .assert()
        .code(2);
    unioncal()
        .args(["list", "calendars/hospital.toml", "--year", "1800"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1960–2100"));
    unioncal()
        .args(["list", "no-such-file.toml"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no-such-file.toml"));
    unioncal()
        .args(["list", "calendars/hospital.toml", "--from", "2027-03-01", "--to", "2027-02-01"])
        .assert()
        .code(2);
}

#[test]
fn holidays_official_and_provisional() {
    let y2026 = stdout(&["--lang", "zh", "holidays", "--year", "2026"]);
    insta::assert_snapshot!("holidays_2026", y2026);
    let y2027 = stdout(&["--lang", "zh", "holidays", "--year", "2027"]);
    assert!(
        y2027.contains("尚未公布") && y2027.contains("预测") && y2027.contains("以国务院通知为准")
    );
    assert!(y2027.contains("放假：02-05（周五） – 02-13（周六）（9 天）"), "{y2027}");
    assert!(y2027.contains("调休上班：01-31（周日）、02-14（周日）"), "{y2027}");
    assert!(y2027.contains("法定假日（确定）：02-05（周五） – 02-08（周一）"), "{y2027}");
    assert!(y2027.contains("另一种可能：放假 02-05（周五） – 02-12（周五）（8 天），调休上班 01-31（周日）、02-13（周六）"), "{y2027}");
    // Without a calendar the view speaks the user's language.
    let english = stdout(&["holidays", "--year", "2027"]);
    assert!(english.starts_with("The 2027 holiday arrangement is not published yet"), "{english}");
    assert!(
        english.contains("Spring Festival  [forecast: from the law and the principles]"),
        "{english}"
    );
    assert!(english.contains("off: 02-05 (Fri) – 02-13 (Sat) (9 days)"), "{english}");
    assert!(english.contains("off: 06-09 (Wed) (1 day)"), "one day, not `1 days`: {english}");
    assert!(!english.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{english}");
}

#[test]
fn every_shipped_calendar_checks_clean_for_2026_and_2027() {
    let dir = format!("{}/calendars", env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        count += 1;
        let calendar =
            unioncal::config::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for year in [2026, 2027] {
            let (from, to) = unioncal::schedule::year_range(year);
            let schedule = unioncal::schedule::expand(&calendar, from, to).unwrap();
            assert!(schedule.occurrences.len() > 10, "{}", path.display());
            let warnings = unioncal::schedule::check(&calendar, &schedule);
            let provisional = unioncal::schedule::provisional_years(&schedule);
            let unexpected: Vec<String> = warnings
                .iter()
                .filter(|w| !provisional.contains(w))
                // An activity on a day 2027's forecast only guesses is worth its warning.
                .filter(|w| {
                    !(w.message.contains("only a forecast") || w.message.contains("是预测的"))
                })
                .map(ToString::to_string)
                .collect();
            assert_eq!(provisional.len(), usize::from(year == 2027), "{}", path.display());
            assert!(unexpected.is_empty(), "{} {year}:\n{}", path.display(), unexpected.join("\n"));
        }
    }
    assert!(count >= 1);
}

#[test]
fn init_writes_a_starter_that_checks_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = crate::support::bin();
    cmd.current_dir(dir.path()).arg("init").assert().success();
    let text = std::fs::read_to_string(dir.path().join("unioncal.toml")).unwrap();
    assert!(text.starts_with("#:schema ./unioncal.schema.json\n"));
    assert!(dir.path().join("unioncal.schema.json").exists());
    Command::cargo_bin("unioncal")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--year", "2026"])
        .assert()
        .success();
    Command::cargo_bin("unioncal")
        .unwrap()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    Command::cargo_bin("unioncal")
        .unwrap()
        .current_dir(dir.path())
        .args(["init", "--force", "--template", "mine"])
        .assert()
        .success();
    assert!(std::fs::read_to_string(dir.path().join("unioncal.toml")).unwrap().contains("煤矿"));
    Command::cargo_bin("unioncal")
        .unwrap()
        .current_dir(dir.path())
        .args(["init", "--template", "nope", "x.toml"])
        .assert()
        .code(2);
}

#[test]
fn init_lists_every_shipped_calendar() {
    let list = stdout(&["init", "--list"]);
    for name in ["starter", "hospital", "school", "small-school", "institute", "mine", "utility"] {
        assert!(list.lines().any(|l| l.starts_with(name)), "{name}");
        assert!(Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("calendars/{name}.toml"))
            .exists());
    }
    // Each described in the user's language.
    assert!(list.contains("hospital      a hospital union: month-by-month plan"), "{list}");
    let chinese = stdout(&["--lang", "zh", "init", "--list"]);
    assert!(chinese.contains("hospital      医院工会：按月的工作计划"), "{chinese}");
    assert_eq!(chinese.lines().count(), list.lines().count());
}

#[test]
fn the_shipped_schema_is_the_generated_one() {
    let generated = stdout(&["schema"]);
    let shipped = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("calendars/unioncal.schema.json"),
    )
    .unwrap();
    assert_eq!(generated, shipped, "run `unioncal schema > calendars/unioncal.schema.json`");
    let schema: serde_json::Value = serde_json::from_str(&generated).unwrap();
    let event = &schema["$defs"]["RawEvent"];
    assert_eq!(event["additionalProperties"], false);
    for key in ["weekdays", "lunar", "holiday", "every_years", "changes"] {
        assert!(event["properties"][key].is_object(), "{key}");
    }
}

#[test]
fn completions_and_help() {
    assert!(stdout(&["completions", "bash"]).contains("unioncal"));
    assert!(stdout(&["completions", "zsh"]).contains("#compdef unioncal"));
    assert!(stdout(&["build", "--help"]).contains("Examples:"));
    assert!(stdout(&["--version"]).starts_with("unioncal "));
}

#[test]
fn build_warns_of_a_provisional_year_and_quiet_and_verbose_do_what_they_say() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let run = |args: &[&str]| {
        let result = unioncal()
            .args(["build", "calendars/hospital.toml", "--out", out])
            .args(args)
            .output()
            .unwrap();
        assert!(result.status.success());
        String::from_utf8(result.stderr).unwrap()
    };
    let provisional = run(&["--year", "2027"]);
    assert!(provisional.contains("2027 holiday arrangement is not published yet"), "{provisional}");
    assert!(provisional.contains("files written to"));
    let official = run(&["--year", "2026"]);
    assert!(!official.contains("not published"), "{official}");
    assert_eq!(run(&["--year", "2027", "-q"]), "", "-q prints only errors");
    let verbose = run(&["--year", "2026", "-v"]);
    assert!(
        verbose.contains("  pku6-union.ics (") && verbose.contains("  print.html ("),
        "{verbose}"
    );
}

#[test]
fn holidays_reads_the_periods_a_calendar_types_in() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("typed.toml");
    std::fs::write(
        &file,
        "[calendar]\nname = \"x\"\n[[holidays.periods]]\nname = \"国庆节\"\nstart = \"2027-10-01\"\nend = \"2027-10-07\"\nwork = [\"2027-09-26\", \"2027-10-09\"]\n",
    )
    .unwrap();
    let text = stdout(&["holidays", "--year", "2027", file.to_str().unwrap()]);
    assert!(text.contains("日历文件 [[holidays.periods]] 录入"), "{text}");
    assert!(
        text.contains("国庆节  [日历文件录入]")
            && text.contains("调休上班：09-26（周日）、10-09（周六）"),
        "{text}"
    );
    assert!(
        text.contains("春节  [预测：按法律和放假原则推算]"),
        "festivals it does not name are forecast: {text}"
    );
}

#[test]
fn the_table_marks_shifted_days_and_notes_a_provisional_year() {
    let text = stdout(&["list", "calendars/hospital.toml", "--year", "2027", "--month", "9"]);
    assert!(text.contains("2027 年放假安排尚未公布"), "{text}");
    let shifted = stdout(&["list", "calendars/hospital.toml", "--year", "2026", "--month", "10"]);
    // The first Wednesday, 10-07, is in the National Day break: reception day moves to 10-08.
    assert!(
        shifted.lines().any(|l| l.starts_with("2026-10-08")
            && l.contains("工会接待日")
            && l.contains("调（原定10月7日）")),
        "{shifted}"
    );
    assert!(!shifted.contains("尚未公布"));
}

#[test]
fn help_in_both_languages() {
    let help = |lang: &str, args: &[&str]| {
        let out = unioncal().env("UNIONCAL_LANG", lang).args(args).arg("--help").output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let en = help("en", &[]);
    assert!(en.contains("Usage: unioncal") && en.contains("Print only errors"), "{en}");
    for args in [
        &[][..],
        &["build"],
        &["list"],
        &["check"],
        &["init"],
        &["serve"],
        &["holidays"],
        &["holidays", "import"],
    ] {
        let zh = help("zh", args);
        assert!(zh.contains("用法：") && zh.contains("显示帮助"), "{args:?}: {zh}");
        // Every option's help is Chinese, on its line or (long layout) the next.
        let chinese = |l: &str| l.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let lines: Vec<&str> = zh.lines().collect();
        for (i, line) in lines.iter().enumerate().filter(|(_, l)| l.trim_start().starts_with('-')) {
            let next = lines.get(i + 1).copied().unwrap_or_default();
            assert!(chinese(line) || chinese(next), "{args:?}: `{line}`");
        }
    }
    assert!(help("zh", &["holidays", "import"]).contains("读入国务院办公厅放假通知"));
}

#[test]
fn no_terminal_control_character_is_printed() {
    let dir = tempfile::tempdir().unwrap();
    let titled = dir.path().join("titled.toml");
    std::fs::write(
        &titled,
        "[calendar]\nname = \"工会\\u001b]0;pwned\\u0007\"\nyear = 2027\n\n[[events]]\nid = \"a\"\ntitle = \"三八节\\u001b[2J\\u0007\"\ndate = \"03-08\"\n",
    )
    .unwrap();
    for args in [&["list"][..], &["list", "--format", "json"], &["check"]] {
        let out = unioncal().args(args).arg(&titled).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        for stream in [&out.stdout, &out.stderr] {
            assert!(
                !stream.iter().any(|b| *b == 0x1b || *b == 0x07),
                "{args:?} printed a control character"
            );
        }
    }
    let listed = unioncal().arg("list").arg(&titled).output().unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("三八节[2J"));
    // A raw ESC in a comment line is quoted escaped.
    let commented = dir.path().join("commented.toml");
    std::fs::write(&commented, "# 注释\u{1b}[31m红字\n[calendar]\nname = \"工会\"\n").unwrap();
    let out = unioncal().arg("check").arg(&commented).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains('\u{1b}'), "{err}");
    assert!(err.contains("# 注释\\u{1b}[31m红字"), "{err}");
}

fn check_text(dir: &Path, name: &str, text: &str) -> (Option<i32>, String) {
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    let out = unioncal().arg("check").arg(&file).output().unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn names_windows_cannot_create_are_refused_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    for id in ["con", "nul", "aux", "prn", "com1", "lpt9"] {
        let text = format!("[calendar]\nname = \"工会\"\n\n[[events]]\nid = \"{id}\"\ntitle = \"活动\"\ndate = \"03-08\"\n");
        let (code, err) = check_text(dir.path(), "a.toml", &text);
        assert_eq!(code, Some(1), "{id}: {err}");
        assert!(
            err.contains("a device name Windows reserves") && err.contains("a.toml:5:6"),
            "{id}: {err}"
        );
        let slugged = format!("[calendar]\nname = \"工会\"\nslug = \"{id}\"\n");
        let (code, err) = check_text(dir.path(), "b.toml", &slugged);
        assert_eq!(code, Some(1), "{id}: {err}");
        assert!(err.contains("b.toml:3:8"), "{id}: {err}");
    }
    let long = "a".repeat(101);
    let text = format!("[calendar]\nname = \"工会\"\n\n[[events]]\nid = \"{long}\"\ntitle = \"活动\"\ndate = \"03-08\"\n");
    let (code, err) = check_text(dir.path(), "c.toml", &text);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("too long: 101 characters, at most 100") && err.contains("c.toml:5:6"),
        "{err}"
    );
    // A calendar file named like a device gets a slug Windows can write.
    let (code, err) = check_text(dir.path(), "con.toml", "[calendar]\nname = \"工会\"\n");
    assert_eq!(code, Some(0), "{err}");
    let out = dir.path().join("out");
    unioncal()
        .arg("build")
        .arg(dir.path().join("con.toml"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    assert!(out.join("con-calendar.ics").exists());
}

#[test]
fn a_url_with_control_characters_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = check_text(
        dir.path(),
        "u.toml",
        "[calendar]\nname = \"工会\"\nurl = \"https://example.org/a.ics\\r\\nX-EVIL:1\"\n",
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("u.toml:3:7") && err.contains("is not a web address"), "{err}");
}

#[test]
fn plan_markdown_shows_entities_and_numbers_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    std::fs::write(
        &file,
        "[calendar]\nname = \"工会 &copy;\"\nyear = 2027\n\n[plan]\nintro = \"\"\"\n1986. 本会成立。\n\n&lt;b&gt; 与 &amp;\n\"\"\"\n\n[[events]]\nid = \"a\"\ntitle = \"&copy; 三八节\"\ndate = \"03-08\"\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    unioncal().arg("build").arg(&file).arg("--out").arg(&out).assert().success();
    let plan = std::fs::read_to_string(out.join("plan.md")).unwrap();
    assert!(plan.contains("\n1986\\. 本会成立。\n"), "{plan}");
    assert!(
        plan.contains("\\&copy; 三八节") && plan.contains("\\&lt;b\\&gt; 与 \\&amp;"),
        "{plan}"
    );
    assert!(!plan.contains(" &copy;"), "{plan}");
}

#[test]
fn holidays_as_json_official_forecast_and_the_forecast_of_a_known_year() {
    let json = |args: &[&str]| -> serde_json::Value {
        serde_json::from_str(&stdout(&[&["holidays", "--format", "json"][..], args].concat()))
            .unwrap()
    };
    let known = json(&["--year", "2026"]);
    assert_eq!((known["year"].as_i64(), known["source"].as_str()), (Some(2026), Some("official")));
    let spring = known["periods"].as_array().unwrap().iter().find(|p| p["name"] == "春节").unwrap();
    assert_eq!(
        (spring["start"].as_str(), spring["end"].as_str()),
        (Some("2026-02-15"), Some("2026-02-23"))
    );
    assert_eq!(spring["work"], serde_json::json!(["2026-02-14", "2026-02-28"]));
    let keys: Vec<&str> = known.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 3);
    // The forecast of a known year: what unioncal would have said before the notice.
    let forecast = json(&["--year", "2024", "--forecast"]);
    assert_eq!(forecast["source"], "forecast");
    let spring =
        forecast["periods"].as_array().unwrap().iter().find(|p| p["name"] == "春节").unwrap();
    assert_eq!(spring["start"], "2024-02-09", "the rules start at 除夕; the 2024 notice did not");
    let future = json(&["--year", "2027"]);
    assert_eq!(future["source"], "forecast");
    assert_eq!(future["periods"].as_array().unwrap().len(), 7);
}
