//! The roster under hostile or careless input: a cell far away, a stray header, a quote
//! left open, an ID number outside its column or typed into a number cell, names with
//! control characters, a FIFO, impossible birth dates, two columns with one header, a
//! title row above the headers. Each is refused or warned of at its cell, never a crash,
//! a hang or a name where it does not belong.

use std::path::Path;

use rust_xlsxwriter::Workbook;

use super::care::{all_text, calendar, fetch, private_json, serving};
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
    let named = format!("周琦瑶{id}");
    let rows = vec![
        vec!["M1", "王珏瑛", "男", "1970-03-08", "在职", id],
        vec!["M2", "李琮璟", id, "1971-03-08", "在职", ""],
        vec!["M3", "赵璎珞", "男", id, "退休", ""],
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
    // No public output holds an ID number, whole or masked, nor a name.
    let public = all_text(&dir.path().join("public"));
    assert!(!public.contains(id) && !public.contains("1101**********007X"));
    for name in ["王珏瑛", "李琮璟", "赵璎珞", "周琦瑶"] {
        assert!(!public.contains(name), "{name} in a public output");
    }
    assert!(private.contains("周琦瑶1101**********007X"));
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

#[test]
fn a_roster_named_after_serve_began_is_watched_too() {
    let dir = tempfile::tempdir().unwrap();
    let file = calendar(dir.path(), "sample-roster-gbk.csv");
    let (mut child, address) = serving(&file);
    let feed = || String::from_utf8_lossy(&fetch(&address, "/union.ics")).into_owned();
    let wait_for = |count: usize, what: &str| {
        let started = std::time::Instant::now();
        while !feed().contains(&format!("共 {count} 人")) {
            assert!(started.elapsed() < std::time::Duration::from_secs(15), "{what}");
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
    };
    // The calendar now names a roster in another folder, copied from the first plus one.
    let folder = dir.path().join("名册");
    std::fs::create_dir(&folder).unwrap();
    let mut bytes = std::fs::read(dir.path().join("sample-roster-gbk.csv")).unwrap();
    let before = feed().split("共 ").nth(1).and_then(|s| s.split(' ').next()).unwrap().to_string();
    let before: usize = before.parse().unwrap();
    // No other visit shows the count waited for: the wait below can only end on this one.
    assert!(!feed().contains(&format!("共 {} 人", before + 1)));
    std::fs::write(folder.join("新名册.csv"), &bytes).unwrap();
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("roster = \"sample-roster-gbk.csv\"", "roster = \"名册/新名册.csv\"");
    std::fs::write(&file, text).unwrap();
    std::thread::sleep(std::time::Duration::from_secs(2));
    wait_for(before, "the calendar's change rebuilt");
    let (extra, _, _) =
        encoding_rs::GBK.encode("M9999,新会员,男,1990-01-01,,,后勤处,,,在职,是,,\r\n");
    bytes.extend_from_slice(&extra);
    std::fs::write(folder.join("新名册.csv"), bytes).unwrap();
    wait_for(before + 1, "no rebuild when the new roster is saved");
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
#[cfg(unix)]
fn private_outputs_are_their_owners_alone_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = calendar(dir.path(), "sample-roster.xlsx");
    let private = dir.path().join("private");
    for round in 0..2 {
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "umask 022; UNIONCAL_DATA_DIR=/nonexistent '{}' build '{}' --out '{}'",
                env!("CARGO_BIN_EXE_unioncal"),
                file.display(),
                dir.path().join("public").display()
            ))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&private), 0o700, "round {round}");
        for name in ["care.xlsx", "care.ics"] {
            assert_eq!(mode(&private.join(name)), 0o600, "{name}, round {round}");
        }
        // Opened up by hand: the next build closes them again.
        std::fs::set_permissions(private.join("care.ics"), std::fs::Permissions::from_mode(0o644))
            .unwrap();
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    // Every sheet prints one A4 page wide (名册问题 and 退休 spilled their columns).
    let bytes = std::fs::read(private.join("care.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let sheets: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .map(String::from)
        .collect();
    assert!(sheets.len() >= 4, "{sheets:?}");
    for name in sheets {
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(&name).unwrap(), &mut xml).unwrap();
        assert!(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{name}");
        assert!(xml.contains("paperSize=\"9\"") && xml.contains("fitToHeight=\"0\""), "{name}");
    }
    let public = std::fs::metadata(dir.path().join("public/union.ics")).unwrap();
    assert_eq!(public.permissions().mode() & 0o777, 0o644, "public files stay readable");
}

#[test]
fn care_work_past_its_limit_is_refused_before_the_work_at_the_visit() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_roster(dir.path(), "many.csv");
    let mut text = String::from("编号,姓名,性别,出生日期,状态\n");
    for i in 0..12_000 {
        text.push_str(&format!("M{i:05},会员{i},男,1970-01-01,在职\n"));
    }
    std::fs::write(dir.path().join("many.csv"), &text).unwrap();
    // Every member visited every day: 4,380,000 entries.
    let toml = std::fs::read_to_string(&file)
        .unwrap()
        .replace("holiday = \"春节\"\noffset = \"-7d\"", "repeat = \"daily\"");
    std::fs::write(&file, &toml).unwrap();
    let line = toml.lines().position(|l| l.contains("\"状态\" = \"在职\"")).unwrap() + 1;
    let out = bin()
        .env("UNIONCAL_LANG", "zh")
        .args(["list", "--private", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("上限 500000") && err.contains(&format!("union.toml:{line}:")), "{err}");
    let build =
        bin().arg("build").arg(&file).arg("--out").arg(dir.path().join("public")).output().unwrap();
    assert!(!build.status.success());
    assert!(!dir.path().join("private/care.xlsx").exists());
}

#[test]
fn list_private_in_a_table_or_csv_says_where_the_care_lists_are() {
    let dir = tempfile::tempdir().unwrap();
    let file = calendar(dir.path(), "sample-roster.xlsx");
    for format in ["table", "csv"] {
        let out = bin()
            .env("UNIONCAL_LANG", "zh")
            .args(["list", "--private", "--format", format])
            .arg(&file)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("--format json") && err.contains("care.xlsx"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
#[cfg(unix)]
fn a_private_folder_reached_through_a_link_into_the_public_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = calendar(dir.path(), "sample-roster.xlsx");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("[care]\n", "[care]\nprivate = \"site/members\"\n");
    std::fs::write(&file, text).unwrap();
    // `site` → `public`, before the first build: the link dangles.
    std::os::unix::fs::symlink("public", dir.path().join("site")).unwrap();
    let public = dir.path().join("public");
    for round in ["first build", "public exists"] {
        let build = bin().arg("build").arg(&file).arg("--out").arg(&public).output().unwrap();
        let err = String::from_utf8_lossy(&build.stderr);
        assert_eq!(build.status.code(), Some(2), "{round}: {err}");
        assert!(!public.join("members").exists(), "{round}: no names published");
        std::fs::create_dir_all(&public).unwrap();
    }
    // A link elsewhere is fine.
    std::fs::remove_file(dir.path().join("site")).unwrap();
    std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
    std::os::unix::fs::symlink("elsewhere", dir.path().join("site")).unwrap();
    let build = bin().arg("build").arg(&file).arg("--out").arg(&public).output().unwrap();
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    assert!(dir.path().join("elsewhere/members/care.xlsx").exists());
}

#[test]
fn a_utf8_csv_roster_with_one_gbk_row_is_refused_at_that_row() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_roster(dir.path(), "mixed.csv");
    let mut bytes =
        "编号,姓名,性别,出生日期,状态\nM1,王一,男,1970-01-01,在职\n".as_bytes().to_vec();
    bytes.extend_from_slice(&encoding_rs::GBK.encode("M2,李二,男,1971-01-01,在职\n").0);
    std::fs::write(dir.path().join("mixed.csv"), bytes).unwrap();
    let (code, err) = check(&file);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("第 3 行") && err.contains("GBK"), "{err}");
}
