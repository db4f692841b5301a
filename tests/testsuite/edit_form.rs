//! The workbench's activity form: the list, save and delete through `toml_edit` (only the
//! edited tables change), the refusals that leave the file as it was, the 409 that never
//! overwrites an edit made in another program, and the real form driven in Chromium.

use std::path::Path;

use chrono::{Datelike, NaiveDate, Weekday};

use super::start::{drive, start, Started};

/// `GET /__unioncal/activities`, as the page asks it.
fn activities(started: &Started) -> serde_json::Value {
    let path = format!("/__unioncal/activities?token={}", started.token);
    let answer = started.request("GET", &path, &[], "");
    assert_eq!(answer.status, 200, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

/// The dates `list --format json` gives the event `id` of the calendar at `file` in 2027.
fn listed(file: &Path, id: &str) -> Vec<String> {
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("unioncal"))
        .args(["list", "--year", "2027", "--format", "json"])
        .arg(file)
        .env("UNIONCAL_DATA_DIR", file.parent().unwrap().join("data"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["id"] == id)
        .map(|e| {
            format!("{} {}", e["date"].as_str().unwrap(), e["start_time"].as_str().unwrap_or(""))
        })
        .collect()
}

/// The days of 2027 that `keep` keeps, each with `time`.
fn days_2027(keep: impl Fn(NaiveDate) -> bool, time: &str) -> Vec<String> {
    let first = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    first
        .iter_days()
        .take_while(|d| d.year() == 2027)
        .filter(|d| keep(*d))
        .map(|d| format!("{d} {time}"))
        .collect()
}

/// `text` without the `[[events]]` tables of `ids`: each with the comments written just
/// above its header and the blank line after it.
fn without(text: &str, ids: &[&str]) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut drop = vec![false; lines.len()];
    for (at, pair) in lines.windows(2).enumerate() {
        let id = pair[1].trim().strip_prefix("id = \"").and_then(|r| r.strip_suffix('"'));
        if pair[0].trim() != "[[events]]" || !id.is_some_and(|id| ids.contains(&id)) {
            continue;
        }
        let mut start = at;
        while start > 0 && lines[start - 1].starts_with('#') {
            start -= 1;
        }
        let mut end = at;
        while end < lines.len() && !lines[end].trim().is_empty() {
            end += 1;
        }
        for flag in &mut drop[start..=end.min(lines.len() - 1)] {
            *flag = true;
        }
    }
    lines.iter().zip(drop).filter(|(_, d)| !d).map(|(l, _)| *l).collect()
}

#[test]
fn the_list_gives_each_activity_its_rule_in_words_and_an_rrule_as_other_left_to_notepad() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("unioncal.toml"),
        "[calendar]\nname = \"测试工会\"\nyear = 2027\n\n[defaults]\nlocation = \"职工之家\"\n\n[[events]]\nid = \"table-tennis\"\ntitle = \"乒乓球室开放\"\nrepeat = \"weekly\"\nweekdays = [\"周一\", \"周三\", \"周五\"]\ntime = \"12:00\"\nend = \"13:00\"\n\n[[events]]\nid = \"visits\"\ntitle = \"节前走访\"\nholiday = \"春节\"\noffset = \"-2wd\"\n\n[[events]]\nid = \"birthday\"\ntitle = \"集体生日会\"\nrrule = \"FREQ=MONTHLY;BYDAY=-1FR\"\n",
    )
    .unwrap();
    let started = start(dir.path(), &[]);
    let list = activities(&started);
    let rows = list["activities"].as_array().unwrap();
    assert_eq!(rows.len(), 3, "{list}");
    assert_eq!(rows[0]["kind"], "weekly");
    assert_eq!(rows[0]["anchor"], "mon|wed|fri");
    assert_eq!(rows[0]["time"], "12:00-13:00");
    assert_eq!(rows[0]["when"], "每周一、三、五 12:00–13:00");
    assert_eq!(rows[0]["next"], "2027-01-01");
    // The place comes from [defaults]: shown greyed, never sent back into the table.
    assert_eq!(rows[0]["place"], serde_json::Value::Null);
    assert_eq!(rows[0]["inherited"]["place"], "职工之家");
    assert_eq!(list["defaults"]["place"], "职工之家");
    assert_eq!(rows[1]["kind"], "holiday");
    assert_eq!(rows[1]["offset"], "-2wd");
    assert_eq!(rows[1]["when"], "春节前 2 个工作日");
    assert_eq!(rows[2]["kind"], "other");
    assert!(list["version"].as_str().is_some_and(|v| !v.is_empty()));
    // What the form cannot show, it does not save over: the rrule stays for Notepad.
    let file = dir.path().join("unioncal.toml");
    let before = std::fs::read(&file).unwrap();
    let body = serde_json::json!({"version": list["version"], "id": "birthday", "title": "集体生日会", "kind": "monthly", "anchor": "last-fri"});
    let answer = started.action("save-event", &body.to_string());
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert!(answer.body.contains("用记事本打开"), "{}", answer.body);
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn a_save_that_check_would_refuse_is_refused_in_chinese_and_the_file_stays() {
    let dir = tempfile::tempdir().unwrap();
    let started = start(dir.path(), &[]);
    let file = dir.path().join("unioncal.toml");
    let before = std::fs::read(&file).unwrap();
    let version = activities(&started)["version"].as_str().unwrap().to_string();
    for (body, says) in [
        (serde_json::json!({"title": " ", "kind": "date", "anchor": "03-08"}), "请填写活动名称"),
        (
            serde_json::json!({"title": "二月三十", "kind": "date", "anchor": "02-30"}),
            "`02-30` 不是日期",
        ),
        (serde_json::json!({"title": "圣诞", "kind": "holiday", "anchor": "圣诞节"}), "圣诞节"),
        (serde_json::json!({"title": "x", "kind": "weekly", "anchor": ""}), "星期"),
    ] {
        let mut body = body;
        body["version"] = version.clone().into();
        let answer = started.action("save-event", &body.to_string());
        assert_eq!(answer.status, 400, "{body}: {}", answer.body);
        let error = serde_json::from_str::<serde_json::Value>(&answer.body).unwrap()["error"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(error.contains(says), "{body}: {error}");
        assert_eq!(std::fs::read(&file).unwrap(), before, "{body}");
    }
    // Nothing was written, not even a backup.
    assert!(!dir.path().join("unioncal.toml.bak").exists());
}

#[test]
fn a_save_racing_an_edit_in_another_program_gets_409_and_that_edit_stays() {
    let dir = tempfile::tempdir().unwrap();
    let started = start(dir.path(), &[]);
    let file = dir.path().join("unioncal.toml");
    let version = activities(&started)["version"].as_str().unwrap().to_string();
    // Meanwhile, in Notepad.
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("\n# 记事本里加的一行\n");
    std::fs::write(&file, &text).unwrap();
    let body = serde_json::json!({"version": version, "title": "读书会", "kind": "date", "anchor": "04-23"});
    let answer = started.action("save-event", &body.to_string());
    assert_eq!(answer.status, 409, "{}", answer.body);
    assert!(answer.body.contains("没有保存"), "{}", answer.body);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    let delete = serde_json::json!({"version": version, "id": "dues"});
    assert_eq!(started.action("delete-event", &delete.to_string()).status, 409);
    // Read again, it saves.
    let version = activities(&started)["version"].as_str().unwrap().to_string();
    let body = serde_json::json!({"version": version, "title": "读书会", "kind": "date", "anchor": "04-23"});
    let answer = started.action("save-event", &body.to_string());
    assert_eq!(answer.status, 200, "{}", answer.body);
    let saved: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(saved["id"], "du-shu-hui");
    assert_eq!(saved["next"][0], "2027-04-23");
    assert_eq!(std::fs::read_to_string(dir.path().join("unioncal.toml.bak")).unwrap(), text);
    assert!(std::fs::read_to_string(&file).unwrap().contains("# 记事本里加的一行"));
}

#[test]
fn the_form_actions_need_the_token_and_the_page_origin_and_a_small_body() {
    let dir = tempfile::tempdir().unwrap();
    let started = start(dir.path(), &[]);
    let file = dir.path().join("unioncal.toml");
    let before = std::fs::read(&file).unwrap();
    let version = activities(&started)["version"].as_str().unwrap().to_string();
    let body = serde_json::json!({"version": version, "id": "dues"}).to_string();
    let path = "/__unioncal/action/delete-event";
    let origin = ("Origin", format!("http://127.0.0.1:{}", started.port));
    let token = ("X-Unioncal-Token", started.token.clone());
    for headers in [
        vec![origin.clone()],
        vec![token.clone()],
        vec![token.clone(), ("Origin", "http://evil.example".to_string())],
    ] {
        assert_eq!(started.request("POST", path, &headers, &body).status, 403);
    }
    let list = started.request("GET", "/__unioncal/activities?token=wrong", &[], "");
    assert_eq!(list.status, 403);
    // A form is small: 70 KB of title is refused before it is read.
    let big = serde_json::json!({"version": version, "title": "长".repeat(24_000), "kind": "date", "anchor": "03-08"});
    assert_eq!(started.action("save-event", &big.to_string()).status, 413);
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn in_chromium_the_form_adds_edits_and_deletes_and_only_those_tables_change() {
    let Some(browser) = crate::support::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let started = start(dir.path(), &[]);
    let file = dir.path().join("unioncal.toml");
    let starter = std::fs::read_to_string(&file).unwrap();
    let rows = starter.lines().filter(|l| *l == "[[events]]").count();
    let steps = form_steps(rows);
    let read = drive(&browser, &started, &steps);
    assert!(read[0].as_str().unwrap().contains("2027-01-04 周一、2027-01-06 周三"), "{read:?}");
    assert!(read[1].as_str().unwrap().contains("2027-01-29 周五、2027-02-26 周五"), "{read:?}");
    assert!(read[3].as_str().unwrap().contains("已删除"), "{read:?}");
    assert_eq!(read[4], serde_json::json!([false, "请填写活动名称"]));

    // The dates, as `list` gives them, against the same rules typed by hand into the
    // starter (its [defaults] move a day off's occurrence to the next day).
    let text = std::fs::read_to_string(&file).unwrap();
    let id_of = |title: &str| {
        let at = text.find(&format!("title = \"{title}\"")).unwrap();
        let id_line = text[..at].lines().last().unwrap();
        id_line.trim_start_matches("id = \"").trim_end_matches('"').to_string()
    };
    let by_hand = dir.path().join("by-hand.toml");
    std::fs::write(
        &by_hand,
        format!(
            "{starter}\n[[events]]\nid = \"h1\"\ntitle = \"a\"\nrepeat = \"weekly\"\nweekdays = [\"周一\", \"周三\", \"周五\"]\ntime = \"12:00\"\nend = \"13:00\"\n\n[[events]]\nid = \"h2\"\ntitle = \"b\"\nrepeat = \"monthly\"\nweekday = \"周五\"\nnth = -1\ntime = \"15:00\"\n\n[[events]]\nid = \"h3\"\ntitle = \"c\"\nlunar = \"八月十五\"\n\n[[events]]\nid = \"h4\"\ntitle = \"d\"\nholiday = \"春节\"\noffset = \"-2wd\"\n"
        ),
    )
    .unwrap();
    for (title, hand) in
        [("乒乓球室开放", "h1"), ("集体生日会", "h2"), ("中秋联欢会", "h3"), ("节前慰问", "h4")]
    {
        let dates = listed(&file, &id_of(title));
        assert!(!dates.is_empty(), "{title}");
        assert_eq!(dates, listed(&by_hand, hand), "{title}");
    }
    // Counted here: the last Friday of each month; 中秋 2027 is Wednesday 15 September, a
    // day off, which the starter's `shift = "after"` moves to the day after.
    let last_friday = |d: NaiveDate| {
        d.weekday() == Weekday::Fri && (d + chrono::Days::new(7)).month() != d.month()
    };
    let fridays = days_2027(last_friday, "15:00");
    let births = listed(&file, &id_of("集体生日会"));
    assert!(fridays.iter().filter(|d| births.contains(d)).count() >= 10, "{births:?}");
    assert_eq!(listed(&file, &id_of("中秋联欢会")), ["2027-09-16 "]);
    assert!(
        read[2].as_str().unwrap().contains(listed(&file, &id_of("节前慰问"))[0].trim()),
        "{read:?}"
    );
    let weekly = id_of("乒乓球室开放");

    // Only the edited, added and removed tables changed; every other byte is the starter's.
    let added = [weekly, id_of("集体生日会"), id_of("中秋联欢会"), id_of("节前慰问")];
    let mut changed: Vec<&str> = added.iter().map(String::as_str).collect();
    changed.push("womens-day");
    assert_eq!(without(&text, &changed), without(&starter, &["womens-day", "sports-meet"]));
    assert!(!text.contains("sports-meet"));
    assert!(text.contains("title = \"三八妇女节表彰会\"\ncategory = \"culture\"\ndate = \"03-08\"                     # 每年公历"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("unioncal.toml.bak"))
            .unwrap()
            .lines()
            .filter(|l| *l == "[[events]]")
            .count(),
        rows + 4
    );
}

/// The form as an officer fills it for the starter of `rows` activities: 乒乓球 on Mon, Wed,
/// Fri at noon, a birthday party on the last Friday at three, 中秋, visits two working days
/// before 春节; then 三八 renamed and the sports meet removed.
fn form_steps(rows: usize) -> serde_json::Value {
    let listed_rows = "document.querySelectorAll('#ev-list li').length";
    let saved = |n: usize| serde_json::json!({"wait": format!("document.getElementById('ev-form').hidden && {listed_rows} == {n}")});
    let next_shown = serde_json::json!({"wait": "document.getElementById('ev-next').textContent.indexOf('2027-') >= 0"});
    serde_json::json!([
        {"wait": format!("{listed_rows} == {rows}")},
        // 每周一、三、五 中午.
        {"click": "#ev-new"},
        {"fill": ["#ev-title", "乒乓球室开放"]},
        {"fill": ["#ev-kind", "weekly"]},
        {"click": "input[name=ev-wd][value=mon]"},
        {"click": "input[name=ev-wd][value=wed]"},
        {"click": "input[name=ev-wd][value=fri]"},
        {"click": "#ev-allday"},
        {"fill": ["#ev-from", "12:00"]},
        {"fill": ["#ev-to", "13:00"]},
        next_shown,
        {"read": "document.getElementById('ev-next').textContent"},
        {"click": "#ev-save"},
        saved(rows + 1),
        // 每月最后一个周五 下午三点.
        {"click": "#ev-new"},
        {"fill": ["#ev-title", "集体生日会"]},
        {"fill": ["#ev-kind", "monthly-nth"]},
        {"fill": ["#ev-nth", "last"]},
        {"fill": ["#ev-weekday", "fri"]},
        {"click": "#ev-allday"},
        {"fill": ["#ev-from", "15:00"]},
        next_shown,
        {"read": "document.getElementById('ev-next').textContent"},
        {"click": "#ev-save"},
        saved(rows + 2),
        // 中秋, from the festivals.
        {"click": "#ev-new"},
        {"fill": ["#ev-title", "中秋联欢会"]},
        {"fill": ["#ev-kind", "festival"]},
        {"fill": ["#ev-festival", "f".to_string() + &festival_index("中秋").to_string()]},
        next_shown,
        {"click": "#ev-save"},
        saved(rows + 3),
        // 春节前两个工作日.
        {"click": "#ev-new"},
        {"fill": ["#ev-title", "节前慰问"]},
        {"fill": ["#ev-kind", "festival"]},
        {"fill": ["#ev-festival", "h春节"]},
        {"fill": ["#ev-shift-dir", "-"]},
        {"fill": ["#ev-shift-n", "2"]},
        {"fill": ["#ev-shift-unit", "wd"]},
        next_shown,
        {"read": "document.getElementById('ev-next').textContent"},
        {"click": "#ev-save"},
        saved(rows + 4),
        // A new name for 三八妇女节活动.
        {"click": "#ev-list button[data-id=womens-day]"},
        {"fill": ["#ev-title", "三八妇女节表彰会"]},
        {"click": "#ev-save"},
        saved(rows + 4),
        // The sports meet removed (the button asks once more).
        {"click": "#ev-list button[data-id=sports-meet]"},
        {"click": "#ev-delete"},
        {"click": "#ev-delete"},
        saved(rows + 3),
        {"read": "document.getElementById('result').textContent"},
        // No name: refused on the form, in Chinese.
        {"click": "#ev-new"},
        {"fill": ["#ev-date", "2027-04-23"]},
        {"click": "#ev-save"},
        {"wait": "document.getElementById('ev-next').className == 'bad' && document.getElementById('ev-next').textContent.indexOf('名称') >= 0"},
        {"read": "[document.getElementById('ev-form').hidden, document.getElementById('ev-next').textContent]"},
    ])
}

/// Where the form lists a festival.
fn festival_index(name: &str) -> usize {
    unioncal::import::phrases::festival_choices()
        .position(|(label, ..)| label.contains(name))
        .unwrap()
}
