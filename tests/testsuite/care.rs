//! Care work from the member roster: the sample rosters read alike in xlsx and GBK CSV,
//! every birthday, retirement and visit against an oracle written here (lunar days from
//! `tyme4rs`), a bad roster's rows named by cell with the ID masked, and no name, ID number
//! or birth date of the roster in any public output.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::support::bin;

pub(super) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/care").join(name)
}

/// A calendar using `roster`, with a birthday party, retirements and two visits.
pub(super) fn calendar(dir: &Path, roster: &str) -> PathBuf {
    std::fs::copy(fixture(roster), dir.join(roster)).unwrap();
    let file = dir.join("union.toml");
    std::fs::write(
        &file,
        format!(
            r#"[calendar]
name = "测试医院工会"
slug = "union"
year = 2027

[[events]]
id = "birthday-party"
title = "集体生日会"
repeat = "monthly"
day = 25
shift = "before"

[care]
roster = "{roster}"

[care.birthdays]
title = "{{name}}生日"
party = "birthday-party"
lead = "3天"

[care.retirement]
title = "{{name}}退休"

[[care.visits]]
id = "retirees-chongyang"
title = "重阳节走访慰问退休职工"
who = {{ "状态" = ["退休", "离休"] }}
lunar = "09-09"

[[care.visits]]
id = "hardship-spring"
title = "春节前走访困难职工"
who = {{ "困难职工" = "是" }}
holiday = "春节"
offset = "-7d"
"#
        ),
    )
    .unwrap();
    file
}

pub(super) fn private_json(file: &Path, year: i32) -> serde_json::Value {
    let out = bin()
        .args(["list", "--private", "--format", "json", "--year", &year.to_string()])
        .arg(file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The roster's rows as the GBK CSV holds them, header to value.
fn rows() -> Vec<BTreeMap<String, String>> {
    let bytes = std::fs::read(fixture("sample-roster-gbk.csv")).unwrap();
    let (text, _, errors) = encoding_rs::GBK.decode(&bytes);
    assert!(!errors);
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().unwrap().split(',').map(str::to_string).collect();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| header.iter().cloned().zip(l.split(',').map(str::to_string)).collect())
        .collect()
}

fn birth_of(row: &BTreeMap<String, String>) -> Option<NaiveDate> {
    let text = row["出生日期"].replace(['/', '.', '年', '月'], "-").replace('日', "");
    if text.len() == 8 && !text.contains('-') {
        return NaiveDate::parse_from_str(&text, "%Y%m%d").ok();
    }
    if let Ok(d) = NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
        return Some(d);
    }
    let id = &row["身份证号"];
    (text.is_empty() && id.len() == 18)
        .then(|| NaiveDate::parse_from_str(&id[6..14], "%Y%m%d").ok())?
}

/// The lunar birthday of a row: (month, day, leap).
fn lunar_of(text: &str) -> Option<(usize, usize, bool)> {
    if text.is_empty() {
        return None;
    }
    let (leap, rest) = text.strip_prefix('闰').map_or((false, text), |r| (true, r));
    let months = ["正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊"];
    let (month, day) = rest.split_once('月')?;
    let month = match month {
        "十一" => 11,
        "十二" => 12,
        "一" => 1,
        m => months.iter().position(|x| *x == m)? + 1,
    };
    let digits = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |c: &str| digits.iter().position(|d| *d == c).map(|i| i + 1);
    let chars: Vec<String> = day.chars().map(|c| c.to_string()).collect();
    let chars: Vec<&str> = chars.iter().map(String::as_str).collect();
    let day = match chars.as_slice() {
        ["初", "十"] => 10,
        ["初", d] => digit(d)?,
        ["十"] => 10,
        ["十", d] => 10 + digit(d)?,
        ["二", "十"] => 20,
        ["廿", d] => 20 + digit(d)?,
        ["三", "十"] => 30,
        _ => return None,
    };
    Some((month, day, leap))
}

/// The oracle's birthdays of `year`: (member key, date), lunar ones by walking every day
/// of the year through tyme4rs.
fn oracle_birthdays(year: i32) -> BTreeSet<(String, NaiveDate)> {
    use tyme4rs::tyme::lunar::LunarYear;
    use tyme4rs::tyme::solar::SolarDay;
    let mut out = BTreeSet::new();
    let mut days = Vec::new();
    let mut date = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
    while date.year() == year {
        let lunar = SolarDay::from_ymd(year as isize, date.month() as usize, date.day() as usize)
            .get_lunar_day();
        let month = lunar.get_lunar_month();
        days.push((
            date,
            month.get_year(),
            month.get_month(),
            month.is_leap(),
            lunar.get_day(),
            month.get_day_count(),
        ));
        date = date.succ_opt().unwrap();
    }
    for row in rows() {
        let key = row["编号"].clone();
        if let Some((m, d, leap)) = lunar_of(&row["农历生日"]) {
            for &(date, lyear, lmonth, lleap, lday, length) in &days {
                let wanted_leap = leap && LunarYear::from_year(lyear).get_leap_month() == m;
                if lmonth == m && lleap == wanted_leap && lday == d.min(length) {
                    out.insert((key.clone(), date));
                }
            }
        } else if let Some(birth) = birth_of(&row) {
            let date = NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
                .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
                .unwrap();
            out.insert((key, date));
        }
    }
    out
}

/// The oracle's retirements in `year`: (member key, first day of the month).
fn oracle_retirements(year: i32) -> BTreeSet<(String, NaiveDate)> {
    let mut out = BTreeSet::new();
    for row in rows() {
        if row["状态"] != "在职" && !row["状态"].is_empty() {
            continue;
        }
        let Some(birth) = birth_of(&row) else { continue };
        let id_gender =
            row["身份证号"].chars().nth(16).and_then(|c| c.to_digit(10)).map(|d| d % 2 == 1);
        let male = match row["性别"].as_str() {
            "男" => true,
            "女" => false,
            _ => id_gender.unwrap_or(false),
        };
        let original = match (row["原退休年龄"].as_str(), male, row["身份"].as_str()) {
            ("60", ..) => 60,
            ("55", ..) => 55,
            ("50", ..) => 50,
            (_, true, _) => 60,
            (_, false, "干部" | "管理" | "专业技术") => 55,
            (_, false, "工人") => 50,
            _ => continue,
        };
        // The decision's table: from the first affected birth month, one more month per
        // 4 (per 2 for 50) birth months, up to 36 (60 for 50).
        let (first, per, cap) = match original {
            60 => (1965 * 12, 4, 36),
            55 => (1970 * 12, 4, 36),
            _ => (1975 * 12, 2, 60),
        };
        let born = birth.year() * 12 + birth.month() as i32 - 1;
        let delay = if born < first { 0 } else { ((born - first) / per + 1).min(cap) };
        let retire = born + original * 12 + delay;
        let date = NaiveDate::from_ymd_opt(retire / 12, (retire % 12 + 1) as u32, 1).unwrap();
        if date.year() == year {
            out.insert((row["编号"].clone(), date));
        }
    }
    out
}

fn entries(json: &serde_json::Value, kind: &str) -> BTreeSet<(String, NaiveDate)> {
    json["care"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == kind)
        .map(|e| {
            (
                e["member"].as_str().unwrap().to_string(),
                e["date"].as_str().unwrap().parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_birthday_and_retirement_matches_the_oracle_in_2025_and_2027() {
    let dir = tempfile::tempdir().unwrap();
    let file = calendar(dir.path(), "sample-roster.xlsx");
    for year in [2025, 2027] {
        let json = private_json(&file, year);
        assert_eq!(entries(&json, "birthday"), oracle_birthdays(year), "{year} birthdays");
        assert_eq!(entries(&json, "retirement"), oracle_retirements(year), "{year} retirements");
    }
    assert!(!entries(&private_json(&file, 2027), "retirement").is_empty(), "some retire in 2027");
    // Keys, kinds and order as the contract gives them.
    let json = private_json(&file, 2027);
    let care = json["care"].as_array().unwrap();
    let first = care[0].as_object().unwrap();
    for key in ["kind", "member", "name", "department", "date", "lunar", "age", "visit"] {
        assert!(first.contains_key(key), "{key}");
    }
    let order: Vec<(String, String)> = care
        .iter()
        .map(|e| (e["date"].as_str().unwrap().to_string(), e["kind"].as_str().unwrap().to_string()))
        .collect();
    let mut sorted = order.clone();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        order.iter().map(|o| &o.0).collect::<Vec<_>>(),
        sorted.iter().map(|o| &o.0).collect::<Vec<_>>()
    );
}

#[test]
fn the_xlsx_and_the_gbk_csv_roster_give_the_same_care_work() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let xlsx = private_json(&calendar(a.path(), "sample-roster.xlsx"), 2027);
    let csv = private_json(&calendar(b.path(), "sample-roster-gbk.csv"), 2027);
    assert_eq!(xlsx["care"], csv["care"]);
    assert_eq!(xlsx["events"], csv["events"]);
}

#[test]
fn visits_and_the_party_carry_counts_and_the_private_lists_carry_the_names() {
    let dir = tempfile::tempdir().unwrap();
    let file = calendar(dir.path(), "sample-roster.xlsx");
    let json = private_json(&file, 2027);
    let retirees = rows().iter().filter(|r| ["退休", "离休"].contains(&r["状态"].as_str())).count();
    let visit = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "retirees-chongyang")
        .unwrap();
    assert_eq!(visit["date"], "2027-10-08", "重阳 2027");
    assert!(
        visit["description"].as_str().unwrap().contains(&format!("共 {retirees} 人")),
        "{visit}"
    );
    let visited = json["care"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["visit"] == "retirees-chongyang")
        .count();
    assert_eq!(visited, retirees);
    // The party: each month's count of birthdays.
    let birthdays = oracle_birthdays(2027);
    for party in json["events"].as_array().unwrap().iter().filter(|e| e["id"] == "birthday-party") {
        let date: NaiveDate = party["date"].as_str().unwrap().parse().unwrap();
        let count = birthdays.iter().filter(|(_, d)| d.month() == date.month()).count();
        assert!(
            party["description"].as_str().unwrap().contains(&format!("本月生日会员 {count} 人")),
            "{party}"
        );
    }
}

/// Every file below `dir` as text (docx and xlsx unzipped).
pub(super) fn all_text(dir: &Path) -> String {
    let mut text = String::new();
    for name in crate::support::files_under(dir) {
        let path = dir.join(&name);
        let bytes = std::fs::read(&path).unwrap();
        if name.extension().is_some_and(|e| e == "docx" || e == "xlsx") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            for i in 0..zip.len() {
                let mut part = String::new();
                let _ = zip.by_index(i).unwrap().read_to_string(&mut part);
                text.push_str(&part);
            }
        } else {
            text.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    text
}

#[test]
fn no_personal_data_reaches_a_public_output() {
    let dir = tempfile::tempdir().unwrap();
    let file = calendar(dir.path(), "sample-roster.xlsx");
    let out = dir.path().join("public");
    let build = bin().arg("build").arg(&file).arg("--out").arg(&out).output().unwrap();
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let mut public = all_text(&out);
    for format in ["table", "json", "csv"] {
        let listed = bin().args(["list", "--format", format]).arg(&file).output().unwrap();
        public.push_str(&String::from_utf8_lossy(&listed.stdout));
    }
    let mut checked = 0;
    for row in rows() {
        if row["同意公开"] != "是" {
            assert!(!public.contains(&row["姓名"]), "{} is public", row["姓名"]);
        }
        if !row["身份证号"].is_empty() {
            assert!(!public.contains(&row["身份证号"]), "an ID number is public");
        }
        if let Some(birth) = birth_of(&row) {
            for written in [
                birth.format("%Y-%m-%d").to_string(),
                birth.format("%Y%m%d").to_string(),
                row["出生日期"].clone(),
            ] {
                assert!(written.is_empty() || !public.contains(&written), "{written} is public");
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 58);
    // A member who agreed is named on the party's month.
    let consenting: Vec<String> =
        rows().iter().filter(|r| r["同意公开"] == "是").map(|r| r["姓名"].clone()).collect();
    assert!(consenting.iter().any(|n| public.contains(n)), "consent lets a name be shown");
    // The private folder holds the names, beside the calendar, not in public/.
    let private = all_text(&dir.path().join("private"));
    let json = private_json(&file, 2027);
    for entry in json["care"].as_array().unwrap() {
        let name = entry["name"].as_str().unwrap();
        assert!(private.contains(name), "{name} has care work but is not in the private files");
    }
    assert!(!out.join("private").exists());
}

/// Every file `serve` answers with for the roster's calendar, as one text.
/// `unioncal serve FILE` on a free port: the child and the address it listens on.
pub(super) fn serving(file: &Path) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("unioncal"))
        .arg("serve")
        .arg(file)
        .args(["--port", "0"])
        .env("UNIONCAL_LANG", "en")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let address =
        line.split("http://").nth(1).and_then(|s| s.split('/').next()).unwrap().to_string();
    (child, address)
}

/// The whole answer of the server at `address` to `GET path`.
pub(super) fn fetch(address: &str, path: &str) -> Vec<u8> {
    use std::io::Write;
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").unwrap();
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    bytes
}

fn served_text(file: &Path, names: &[PathBuf]) -> String {
    let (mut child, address) = serving(file);
    let mut text = String::new();
    let mut answered = 0;
    for name in
        names.iter().chain([&PathBuf::from("care.xlsx"), &PathBuf::from("private/care.ics")])
    {
        let path = name.to_string_lossy().replace('\\', "/");
        let bytes = fetch(&address, &format!("/{path}"));
        answered += usize::from(bytes.starts_with(b"HTTP/1.1 200"));
        let body =
            bytes.windows(4).position(|w| w == b"\r\n\r\n").map_or(&bytes[..], |i| &bytes[i + 4..]);
        if path.ends_with(".docx") || path.ends_with(".xlsx") {
            if let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(body.to_vec())) {
                for i in 0..zip.len() {
                    let _ = zip.by_index(i).unwrap().read_to_string(&mut text);
                }
            }
        } else {
            text.push_str(&String::from_utf8_lossy(body));
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(answered, names.len(), "every public file is served, the private ones are not");
    text
}

#[test]
fn serve_and_the_print_pdf_carry_no_personal_data_either() {
    let dir = tempfile::tempdir().unwrap();
    let file = calendar(dir.path(), "sample-roster.xlsx");
    let out = dir.path().join("public");
    let mut build = bin();
    build.arg("build").arg(&file).arg("--out").arg(&out);
    let browser = crate::support::chromium();
    if let Some(browser) = &browser {
        build.args(["--pdf", "--browser"]).arg(browser);
    }
    let built = build.output().unwrap();
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    let names: Vec<PathBuf> = crate::support::files_under(&out)
        .into_iter()
        .filter(|n| n.extension().is_none_or(|e| e != "pdf"))
        .collect();
    let mut public = served_text(&file, &names);
    // The PDF's text, read by poppler.
    if browser.is_some() {
        match std::process::Command::new("pdftotext").arg(out.join("print.pdf")).arg("-").output() {
            Ok(text) if text.status.success() => {
                let text = String::from_utf8_lossy(&text.stdout).into_owned();
                assert!(text.contains("集体生日会"), "the PDF has its text");
                public.push_str(&text);
            }
            _ => {
                assert!(std::env::var_os("CI").is_none(), "CI must install poppler-utils");
                println!("SKIPPED the PDF's text: pdftotext is not installed");
            }
        }
    }
    assert!(public.contains("本月生日会员"), "the counts are there");
    // The plan says it month by month, as a count.
    let plan = std::fs::read_to_string(out.join("plan.md")).unwrap();
    let january = oracle_birthdays(2027).iter().filter(|(_, d)| d.month() == 1).count();
    assert!(plan.contains(&format!("为本月过生日的 {january} 名会员送上生日祝福")), "{plan}");
    for row in rows() {
        if row["同意公开"] != "是" {
            assert!(!public.contains(&row["姓名"]), "{} is served", row["姓名"]);
        }
        if !row["身份证号"].is_empty() {
            assert!(!public.contains(&row["身份证号"]), "an ID number is served");
        }
        if let Some(birth) = birth_of(&row) {
            assert!(
                !public.contains(&birth.format("%Y-%m-%d").to_string()),
                "a birth date is served"
            );
        }
    }
}

#[test]
fn a_private_folder_inside_the_public_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = calendar(dir.path(), "sample-roster.xlsx");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("[care]\n", "[care]\nprivate = \"public/private\"\n");
    std::fs::write(&file, text).unwrap();
    let out = dir.path().join("public");
    let build = bin().arg("build").arg(&file).arg("--out").arg(&out).output().unwrap();
    assert_eq!(build.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&build.stderr).contains("private"));
    assert!(!out.exists(), "nothing written");
    // The same folder for both is refused too.
    let file2 = calendar(dir.path(), "sample-roster.xlsx");
    let build = bin()
        .arg("build")
        .arg(&file2)
        .arg("--out")
        .arg(dir.path().join("private"))
        .output()
        .unwrap();
    assert_eq!(build.status.code(), Some(2));
}

#[test]
fn a_bad_roster_names_each_row_by_its_cell_masks_the_id_and_builds_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let file = calendar(dir.path(), "sample-bad-roster.xlsx");
    let out = bin().env("UNIONCAL_LANG", "zh").arg("check").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let err = String::from_utf8(out.stderr).unwrap();
    for cell in ["会员!D8", "会员!F9", "会员!C10", "会员!A11", "会员!B12", "会员!E13"] {
        assert!(err.contains(&format!("sample-bad-roster.xlsx {cell} ")), "{cell}: {err}");
    }
    assert!(!err.contains("110105199206080630") && err.contains("1101**********0630"), "{err}");
    for name in ["钱璎瑷", "孙琤瑢", "李璆玥", "周珣瑄", "吴琬瑾", "吴文海"] {
        assert!(!err.contains(name), "the messages name {name}: {err}");
    }
    let json = private_json(&file, 2027);
    let members: BTreeSet<&str> =
        json["care"].as_array().unwrap().iter().map(|e| e["member"].as_str().unwrap()).collect();
    for good in ["M0001", "M0002", "M0003", "M0004", "M0006"] {
        assert!(members.contains(good), "{good} built: {members:?}");
    }
    for bad in ["B001", "B002", "B005", "B006"] {
        assert!(!members.contains(bad), "{bad} left out");
    }
    // The private workbook lists the problems.
    let build =
        bin().arg("build").arg(&file).arg("--out").arg(dir.path().join("public")).output().unwrap();
    assert!(build.status.success());
    let private = all_text(&dir.path().join("private"));
    assert!(private.contains("会员!D8") && private.contains("1101**********0630"));
    assert!(!private.contains("110105199206080630"), "the ID number is never written");
}

#[test]
fn a_missing_or_unreadable_roster_is_an_error_and_the_public_build_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let file = calendar(dir.path(), "sample-roster.xlsx");
    for broken in [None, Some(b"not a spreadsheet at all".as_slice())] {
        match broken {
            None => std::fs::remove_file(dir.path().join("sample-roster.xlsx")).unwrap(),
            Some(bytes) => std::fs::write(dir.path().join("sample-roster.xlsx"), bytes).unwrap(),
        }
        let out = dir.path().join("public");
        let build = bin().arg("build").arg(&file).arg("--out").arg(&out).output().unwrap();
        assert_eq!(build.status.code(), Some(3));
        assert!(String::from_utf8_lossy(&build.stderr).contains("sample-roster.xlsx"));
        assert!(out.join("index.html").exists() && out.join("union.ics").exists());
    }
}

#[test]
fn who_naming_a_column_the_roster_lacks_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = calendar(dir.path(), "sample-roster.xlsx");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("\"困难职工\" = \"是\"", "\"困难\" = \"是\"");
    std::fs::write(&file, &text).unwrap();
    let out = bin().arg("check").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let line = text.lines().position(|l| l.starts_with("who = { \"困难\"")).unwrap() + 1;
    assert!(err.contains(&format!("union.toml:{line}:7")) && err.contains("困难"), "{err}");
}

#[test]
fn the_private_feed_and_workbook_hold_every_entry_with_reminders_and_registers() {
    let dir = tempfile::tempdir().unwrap();
    let file = calendar(dir.path(), "sample-roster.xlsx");
    let built =
        bin().arg("build").arg(&file).arg("--out").arg(dir.path().join("public")).output().unwrap();
    assert!(built.status.success());
    let json = private_json(&file, 2027);
    let care = json["care"].as_array().unwrap();
    // care.ics, read by an independent parser: a birthday or retirement each, one entry per
    // visit occurrence, every one with a reminder 3 days before, UIDs without names.
    let reader =
        std::io::BufReader::new(std::fs::File::open(dir.path().join("private/care.ics")).unwrap());
    let feed = ical::IcalParser::new(reader).next().unwrap().unwrap();
    let singles = care.iter().filter(|e| e["kind"] != "visit").count();
    let visits: BTreeSet<(String, String)> = care
        .iter()
        .filter(|e| e["kind"] == "visit")
        .map(|e| {
            (e["visit"].as_str().unwrap().to_string(), e["date"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(feed.events.len(), singles + visits.len());
    for event in &feed.events {
        let uid = event
            .properties
            .iter()
            .find(|p| p.name == "UID")
            .and_then(|p| p.value.clone())
            .unwrap();
        assert!(rows().iter().all(|r| !uid.contains(&r["姓名"])), "{uid}");
        let trigger = event.alarms[0]
            .properties
            .iter()
            .find(|p| p.name == "TRIGGER")
            .and_then(|p| p.value.clone());
        assert_eq!(trigger.as_deref(), Some("-P3D"));
    }
    // care.xlsx: 生日, 退休, a register per visit occurrence, 名册问题.
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(dir.path().join("private/care.xlsx")).unwrap())
            .unwrap();
    let mut workbook = String::new();
    zip.by_name("xl/workbook.xml").unwrap().read_to_string(&mut workbook).unwrap();
    let doc = roxmltree::Document::parse(&workbook).unwrap();
    let sheets: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("sheet"))
        .filter_map(|n| n.attribute("name"))
        .collect();
    assert_eq!(sheets.first(), Some(&"生日"));
    assert_eq!(sheets.get(1), Some(&"退休"));
    assert_eq!(sheets.last(), Some(&"名册问题"));
    assert_eq!(sheets.len(), 3 + visits.len(), "{sheets:?}");
    assert!(sheets.iter().any(|s| s.starts_with("重阳节走访慰问退休职工")), "{sheets:?}");
}

#[test]
fn serve_rebuilds_when_the_roster_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = calendar(dir.path(), "sample-roster-gbk.csv");
    let (mut child, address) = serving(&file);
    let feed = |address: &str| String::from_utf8_lossy(&fetch(address, "/union.ics")).into_owned();
    let before = rows().iter().filter(|r| r["困难职工"] == "是").count();
    assert!(feed(&address).contains(&format!("共 {before} 人")));
    // One more member in hardship, saved as Excel saves a CSV.
    let roster = dir.path().join("sample-roster-gbk.csv");
    let mut bytes = std::fs::read(&roster).unwrap();
    let (extra, _, _) =
        encoding_rs::GBK.encode("M9999,新会员,男,1990-01-01,,,后勤处,,,在职,是,,\r\n");
    bytes.extend_from_slice(&extra);
    std::fs::write(&roster, bytes).unwrap();
    let started = std::time::Instant::now();
    while !feed(&address).contains(&format!("共 {} 人", before + 1)) {
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "no rebuild on the roster");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let _ = child.kill();
    let _ = child.wait();
}
