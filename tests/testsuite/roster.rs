//! The roster under hostile or careless input: a cell far away, a stray header, a quote
//! left open, an ID number outside its column or typed into a number cell, names with
//! control characters, a FIFO, impossible birth dates, two columns with one header, a
//! title row above the headers. Each is refused or warned of at its cell, never a crash,
//! a hang or a name where it does not belong.

use std::path::Path;

use rust_xlsxwriter::Workbook;

use super::care::{all_text, calendar, private_json};
use crate::support::bin;

const HEADERS: [&str; 6] = ["编号", "姓名", "性别", "出生日期", "状态", "备注"];

/// A roster workbook: `headers` in row `header_row` (0-based), then `rows`.
fn workbook(header_row: u32, headers: &[&str], rows: &[Vec<&str>]) -> Workbook {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("会员").unwrap();
    for (c, h) in (0u16..).zip(headers) {
        sheet.write_string(header_row, c, *h).unwrap();
    }
    for (r, row) in (header_row + 1..).zip(rows) {
        for (c, value) in (0u16..).zip(row) {
            if !value.is_empty() {
                sheet.write_string(r, c, *value).unwrap();
            }
        }
    }
    book
}

/// A calendar in `dir` using the roster file `name`, whose bytes the caller writes.
fn with_roster(dir: &Path, name: &str) -> std::path::PathBuf {
    // The shared calendar copies its roster from the fixtures: give it one, then replace it.
    let file = calendar(dir, "sample-roster.xlsx");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("sample-roster.xlsx", name)
        .replace("\"困难职工\" = \"是\"", "\"状态\" = \"在职\"");
    std::fs::write(&file, text).unwrap();
    file
}

fn members(n: usize) -> Vec<Vec<String>> {
    (0..n)
        .map(|i| {
            let status = if i % 2 == 0 { "在职" } else { "退休" };
            let birth = format!("1970-05-{:02}", i % 28 + 1);
            vec![
                format!("M{i:04}"),
                format!("会员{i}"),
                "男".into(),
                birth,
                status.into(),
                String::new(),
            ]
        })
        .collect()
}

fn refs(rows: &[Vec<String>]) -> Vec<Vec<&str>> {
    rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect()
}

fn check(file: &Path) -> (Option<i32>, String) {
    let out = bin().env("UNIONCAL_LANG", "zh").arg("check").arg(file).output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn one_cell_far_away_is_named_and_costs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_roster(dir.path(), "far.xlsx");
    let rows = members(3);
    let mut book = workbook(0, &HEADERS, &refs(&rows));
    book.worksheet_from_index(0).unwrap().write_string(1_048_575, 16_383, "x").unwrap();
    book.save(dir.path().join("far.xlsx")).unwrap();
    // Under a 3 GiB address space: the sheet laid out whole would need 512 GiB.
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -v 3000000; UNIONCAL_LANG=zh UNIONCAL_DATA_DIR=/nonexistent '{}' check '{}'",
            env!("CARGO_BIN_EXE_unioncal"),
            file.display()
        ))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("会员!XFD1048576") && err.contains("删掉这个单元格"), "{err}");
    // A stray header in the last column is named at its cell too.
    let mut headers = HEADERS.to_vec();
    headers.resize(16_384, "");
    headers[16_383] = "备用";
    let rows = members(1000);
    workbook(0, &headers, &refs(&rows)).save(dir.path().join("far.xlsx")).unwrap();
    let (code, err) = check(&file);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("会员!XFD1"), "{err}");
}

#[test]
fn a_quote_left_open_in_a_csv_roster_is_named_at_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_roster(dir.path(), "名册.csv");
    let mut text = String::from("编号,姓名,性别,出生日期,状态\n");
    for i in 0..50 {
        let name = if i == 2 { "\"张三".to_string() } else { format!("会员{i}") };
        text.push_str(&format!("M{i:03},{name},男,1970-01-01,在职\n"));
    }
    std::fs::write(dir.path().join("名册.csv"), &text).unwrap();
    let (code, err) = check(&file);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("第 4 行") && err.contains("引号"), "{err}");
    // A quote inside a name is text, and every member is read.
    std::fs::write(dir.path().join("名册.csv"), text.replace("\"张三", "张\"三")).unwrap();
    let json = private_json(&file, 2027);
    let birthdays = json["care"].as_array().unwrap().iter().filter(|e| e["kind"] == "birthday");
    assert_eq!(birthdays.count(), 50);
}

#[test]
fn an_id_number_outside_its_column_is_masked_wherever_it_is_printed() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_roster(dir.path(), "ids.xlsx");
    let id = "11010519671126007X";
    let named = format!("周四{id}");
    let rows = vec![
        vec!["M1", "王一", "男", "1970-03-08", "在职", id],
        vec!["M2", "李二", id, "1971-03-08", "在职", ""],
        vec!["M3", "赵三", "男", id, "退休", ""],
        vec!["M4", &named, "男", "1972-03-08", "在职", ""],
    ];
    workbook(0, &HEADERS, &rows).save(dir.path().join("ids.xlsx")).unwrap();
    let (code, err) = check(&file);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("1101**********007X"), "the bad cells are named, masked: {err}");
    let list = bin().args(["list", "--private", "--format", "json"]).arg(&file).output().unwrap();
    let build =
        bin().arg("build").arg(&file).arg("--out").arg(dir.path().join("public")).output().unwrap();
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let private = all_text(&dir.path().join("private"));
    for text in [err.as_str(), &private, &String::from_utf8_lossy(&list.stdout)] {
        assert!(!text.contains(id), "an ID number printed whole");
    }
    assert!(private.contains("周四1101**********007X"));
}

#[test]
fn an_id_number_typed_into_a_number_cell_says_to_retype_it_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_roster(dir.path(), "num.xlsx");
    let mut book = workbook(0, &["编号", "姓名", "性别", "身份证号", "状态"], &[]);
    let sheet = book.worksheet_from_index(0).unwrap();
    sheet.write_string(1, 0, "M1").unwrap();
    sheet.write_string(1, 1, "王一").unwrap();
    sheet.write_number(1, 3, 110_105_196_711_260_070.0).unwrap();
    book.save(dir.path().join("num.xlsx")).unwrap();
    let (code, err) = check(&file);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("会员!D2") && err.contains("“文本”格式"), "{err}");
    assert!(!err.contains("校验位"), "not a check digit's fault: {err}");
}

#[test]
fn names_are_cleaned_like_every_user_text_before_a_public_feed() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_roster(dir.path(), "clean.xlsx");
    let headers = ["编号", "姓名", "性别", "出生日期", "同意公开", "状态"];
    let rows = vec![vec!["M1", "王\u{fffe}一\u{202e}伟", "男", "1970-01-10", "是", "在职"]];
    workbook(0, &headers, &rows).save(dir.path().join("clean.xlsx")).unwrap();
    let public = dir.path().join("public");
    let build = bin().arg("build").arg(&file).arg("--out").arg(&public).output().unwrap();
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let feed = std::fs::read_to_string(public.join("union.ics")).unwrap();
    assert!(feed.contains("王一\u{202e}伟\u{202c}"), "the consenting name, cleaned and closed");
    assert!(!feed.contains('\u{fffe}'));
}

#[test]
#[cfg(unix)]
fn a_fifo_roster_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_roster(dir.path(), "pipe.csv");
    let made = std::process::Command::new("mkfifo").arg(dir.path().join("pipe.csv")).status();
    if !made.is_ok_and(|s| s.success()) {
        println!("SKIPPED: mkfifo is missing");
        return;
    }
    let out = bin()
        .env("UNIONCAL_LANG", "zh")
        .arg("check")
        .arg(&file)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("不是普通文件"), "{err}");
}

#[test]
fn impossible_birth_dates_are_warned_of_and_leave_the_member_out_of_dated_care() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_roster(dir.path(), "births.xlsx");
    let rows = vec![
        vec!["M1", "王一", "男", "0000-03-08", "在职", ""],
        vec!["M2", "李二", "男", "2975-03-08", "退休", ""],
        vec!["M3", "赵三", "男", "1970-03-08", "在职", ""],
    ];
    let mut book = workbook(0, &HEADERS, &rows);
    let sheet = book.worksheet_from_index(0).unwrap();
    sheet.write_string(4, 0, "M4").unwrap();
    sheet.write_string(4, 1, "钱四").unwrap();
    sheet.write_string(4, 2, "男").unwrap();
    // A date cell holding 0: Excel's 1900-01-00.
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    sheet.write_number_with_format(4, 3, 0.0, &date).unwrap();
    sheet.write_string(4, 4, "退休").unwrap();
    book.save(dir.path().join("births.xlsx")).unwrap();
    let (code, err) = check(&file);
    assert_eq!(code, Some(0), "{err}");
    for cell in ["会员!D2", "会员!D3", "会员!D5"] {
        assert!(err.contains(&format!("births.xlsx {cell} ")), "{cell}: {err}");
    }
    let json = private_json(&file, 2027);
    let care = json["care"].as_array().unwrap();
    let dated: Vec<&str> = care
        .iter()
        .filter(|e| e["kind"] != "visit")
        .map(|e| e["member"].as_str().unwrap())
        .collect();
    assert_eq!(dated, ["M3"], "{care:?}");
    assert!(care.iter().any(|e| e["kind"] == "visit" && e["member"] == "M2"), "still visited");
    assert!(care.iter().all(|e| e["age"].as_u64().is_none_or(|a| a < 120)));
}

#[test]
fn two_columns_with_one_header_are_named_and_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_roster(dir.path(), "dup.xlsx");
    let headers = ["编号", "姓名", "出生日期", "性别", "生日"];
    let rows = vec![vec!["M1", "王一", "", "男", "1970-03-08"]];
    workbook(0, &headers, &rows).save(dir.path().join("dup.xlsx")).unwrap();
    let (code, err) = check(&file);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("会员!C1") && err.contains("会员!E1"), "{err}");
    let headers = ["编号", "姓名", "备注", "性别", "备注"];
    workbook(0, &headers, &rows).save(dir.path().join("dup.xlsx")).unwrap();
    let (code, err) = check(&file);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("会员!C1") && err.contains("会员!E1"), "{err}");
}

#[test]
fn a_title_row_above_the_headers_is_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_roster(dir.path(), "title.xlsx");
    let rows = members(4);
    let mut book = workbook(2, &HEADERS, &refs(&rows));
    book.worksheet_from_index(0).unwrap().write_string(0, 0, "某某医院工会会员花名册").unwrap();
    book.save(dir.path().join("title.xlsx")).unwrap();
    let (code, err) = check(&file);
    assert_eq!(code, Some(0), "{err}");
    let json = private_json(&file, 2027);
    let birthdays = json["care"].as_array().unwrap().iter().filter(|e| e["kind"] == "birthday");
    assert_eq!(birthdays.count(), 4);
}
