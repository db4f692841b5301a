//! `unioncal holidays import`: the State Council's notices read as published and as
//! pasted, checked, applied on top of what is known, saved, and written into files.

use std::collections::BTreeSet;
use std::os::unix::fs::FileTypeExt as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use unioncal::dates::{official, Notice, Period};
use unioncal::error::SourceFile;

use crate::support::bin;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/holiday-notices/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn read(name: &str, text: &str) -> Notice {
    Notice::read(&SourceFile::new(name, text), None).unwrap_or_else(|e| {
        panic!("{name}: {}", e.iter().map(ToString::to_string).collect::<String>())
    })
}

/// The periods of a notice applied on top of `known`.
fn import(name: &str, text: &str, known: &[Period]) -> Vec<Period> {
    read(name, text).periods(known, &SourceFile::new(name, text)).unwrap()
}

type Days = (BTreeSet<NaiveDate>, BTreeSet<NaiveDate>);

fn days(periods: &[Period]) -> Days {
    let off = periods.iter().flat_map(|p| p.off.iter().copied()).collect();
    let work = periods.iter().flat_map(|p| p.work.iter().copied()).collect();
    (off, work)
}

/// The official days of a year's notice (addenda applied), from the State Council data.
fn official_days(year: i32) -> Days {
    let (mut off, mut work) = (BTreeSet::new(), BTreeSet::new());
    for (date, is_off) in crate::support::official_json_days(year) {
        if is_off {
            off.insert(date);
        } else {
            work.insert(date);
        }
    }
    (off, work)
}

const YEARS: [i32; 13] =
    [2007, 2008, 2010, 2013, 2014, 2015, 2016, 2018, 2019, 2020, 2024, 2025, 2026];
const AMENDED: [i32; 3] = [2015, 2019, 2020];

#[test]
fn every_notice_with_its_addendum_gives_exactly_the_official_days() {
    for year in YEARS {
        let mut periods = import(&format!("{year}.txt"), &fixture(&format!("{year}.txt")), &[]);
        if AMENDED.contains(&year) {
            let name = format!("{year}-addendum.txt");
            let notice = read(&name, &fixture(&name));
            assert!(notice.amends, "{name} changes a year");
            periods = import(&name, &fixture(&name), &periods);
        }
        assert_eq!(days(&periods), official_days(year), "{year}");
    }
}

#[test]
fn every_notice_gives_the_built_in_arrangement() {
    for year in YEARS {
        let mut periods = import("n", &fixture(&format!("{year}.txt")), &[]);
        if AMENDED.contains(&year) {
            let name = format!("{year}-addendum.txt");
            periods = import(&name, &fixture(&name), &periods);
        }
        assert_eq!(days(&periods), days(&official(year).unwrap()), "{year}");
    }
}

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn period<'a>(periods: &'a [Period], name: &str) -> &'a Period {
    periods.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn notices_without_their_addenda() {
    // 2020 as first published: 春节 to 01-30, make-up workdays 01-19 and 02-01.
    let periods = import("2020.txt", &fixture("2020.txt"), &[]);
    let spring = period(&periods, "春节");
    assert_eq!(spring.off.last(), Some(&d("2020-01-30")));
    assert_eq!(spring.work, vec![d("2020-01-19"), d("2020-02-01")]);
    // The extension: 春节 runs to 02-02, the 02-01 workday is gone, 02-03 is no workday.
    let amended = import("2020-addendum.txt", &fixture("2020-addendum.txt"), &periods);
    let spring = period(&amended, "春节");
    assert_eq!(spring.off.last(), Some(&d("2020-02-02")));
    assert_eq!(spring.work, vec![d("2020-01-19")]);
    assert_eq!(amended.len(), periods.len());

    // 2019 as first published: 劳动节 one day; the addendum replaces it with four.
    let periods = import("2019.txt", &fixture("2019.txt"), &[]);
    assert_eq!(period(&periods, "劳动节").off, vec![d("2019-05-01")]);
    let amended = import("2019-addendum.txt", &fixture("2019-addendum.txt"), &periods);
    let labour = period(&amended, "劳动节");
    assert_eq!(labour.off.len(), 4);
    assert_eq!(labour.work, vec![d("2019-04-28"), d("2019-05-05")]);

    // 2015: the addendum adds a break with no festival heading.
    let periods = import("2015.txt", &fixture("2015.txt"), &[]);
    assert_eq!(periods.len(), 7);
    let amended = import("2015-addendum.txt", &fixture("2015-addendum.txt"), &periods);
    assert_eq!(amended.len(), 8);
    let added = amended.iter().find(|p| p.festivals.is_empty()).unwrap();
    assert!(added.name.contains("70周年纪念日"), "{}", added.name);
    assert_eq!(added.off, vec![d("2015-09-03"), d("2015-09-04"), d("2015-09-05")]);
    assert_eq!(added.work, vec![d("2015-09-06")]);
}

#[test]
fn an_addendum_on_the_built_in_year_changes_nothing_more() {
    for year in AMENDED {
        let name = format!("{year}-addendum.txt");
        let periods = import(&name, &fixture(&name), &official(year).unwrap());
        assert_eq!(days(&periods), days(&official(year).unwrap()), "{year}");
    }
}

/// The same notice as it arrives after copying: half-width punctuation, CRLF, a BOM,
/// indentation, blank lines, `（星期五）` instead of `（周五）`, no title but `--year`.
#[test]
fn pasted_variants_read_the_same() {
    let text = fixture("2026.txt");
    let expected = days(&import("2026.txt", &text, &[]));
    let half_width: String = text
        .chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            '，' => ',',
            _ => c,
        })
        .collect();
    let crlf_bom = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let spaced: String = text.lines().map(|l| format!("\u{3000}\u{3000}{l}  \n\n")).collect();
    let long_weekdays = text.replace("（周", "（星期");
    let mixed = text.replacen('）', ")", 3);
    let one_line = text.replace('\n', "");
    for (what, variant) in [
        ("one long line", one_line),
        ("half-width", half_width),
        ("CRLF and BOM", crlf_bom.trim_start_matches('\u{feff}').to_string()),
        ("indented", spaced),
        ("星期", long_weekdays),
        ("mixed brackets", mixed),
    ] {
        assert_eq!(days(&import(what, &variant, &[])), expected, "{what}");
    }
    let items_only: String = text
        .lines()
        .filter(|l| l.contains('、') && l.contains("放假"))
        .collect::<Vec<_>>()
        .join("\n");
    let notice = Notice::read(&SourceFile::new("items", &items_only), Some(2026)).unwrap();
    assert!(!notice.amends);
    assert_eq!(days(&notice.periods(&[], &SourceFile::new("items", "")).unwrap()), expected);
}

/// A mistake in the notice: refused with its line and column, nothing printed.
fn refused(text: &str) -> String {
    let out = bin().args(["holidays", "import", "-"]).write_stdin(text).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(out.stdout.is_empty(), "printed despite the mistake");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn mistakes_are_refused_at_their_line() {
    let good = fixture("2026.txt");
    // A weekday that does not match its date.
    let bad = good.replace("2月14日（周六）", "2月14日（周五）");
    let err = refused(&bad);
    assert!(err.contains("2026-02-14 is a 星期六, but the notice says `周五`"), "{err}");
    assert!(err.contains("--> standard input:6:"), "{err}");
    // 共N天 that does not match the span.
    let err = refused(&good.replace("共9天", "共8天"));
    assert!(err.contains("the notice says 8 days"), "{err}");
    assert!(err.contains("standard input:6:"), "{err}");
    // A make-up workday on a weekday (the weekday annotation agrees, so only this).
    let err = refused(&good.replace("5月9日（周六）上班", "5月8日（周五）上班"));
    assert!(
        err.contains(
            "2026-05-08 is a 星期五: a make-up workday (上班) is always a Saturday or Sunday"
        ),
        "{err}"
    );
    assert!(err.contains("standard input:8:"), "{err}");
    // A break that misses its festival's own day (中秋 2026 is 09-25).
    let err = refused(
        &good
            .replace(
                "六、中秋节：9月25日（周五）至27日（周日）",
                "六、中秋节：9月26日（周六）至27日（周日）",
            )
            .replace("放假，共3天。\n七", "放假，共2天。\n七"),
    );
    assert!(err.contains("does not hold 中秋节's own day, 2026-09-25"), "{err}");
    assert!(err.contains("standard input:10:"), "{err}");
    // Nothing recognisable.
    let err = refused(
        "国务院办公厅关于2027年部分节假日安排的通知\n节假日期间，各地区要妥善安排好值班。\n",
    );
    assert!(err.contains("found no holiday arrangement"), "{err}");
    // An item whose dates cannot be read.
    let err =
        refused(&good.replace(
            "一、元旦：1月1日（周四）至3日（周六）",
            "一、元旦：1月1曰（周四）至3曰（周六）",
        ));
    assert!(
        err.contains("found no days off for 元旦") && err.contains("standard input:5:3"),
        "{err}"
    );
    // Each error shows the quoted line and a caret.
    assert!(err.contains(" | 一、元旦："), "{err}");
    assert!(err.contains('^'), "{err}");
}

#[test]
fn a_gbk_notice_gets_the_encoding_hint() {
    let gbk: &[u8] = b"\xb9\xfa\xce\xf1\xd4\xba\n";
    let out = bin().args(["holidays", "import", "-"]).write_stdin(gbk).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("not UTF-8") && err.contains("UTF-8"), "{err}");
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap()
}

fn hospital_json(data: &Path, extra: &[&str]) -> serde_json::Value {
    let out = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("UNIONCAL_DATA_DIR", data)
        .args(["list", "calendars/hospital.toml", "--year", "2027", "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn save_makes_every_calendar_know_the_year() {
    let data = temp();
    assert_eq!(hospital_json(data.path(), &[])["provisional_holidays"], true);
    let out = bin()
        .env("UNIONCAL_DATA_DIR", data.path())
        .env("SOURCE_DATE_EPOCH", "1796083200")
        .args(["holidays", "import", "-", "--save"])
        .write_stdin(crate::support::NOTICE_2027)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.starts_with("# 国务院办公厅关于2027年部分节假日安排的通知\n"), "{printed}");
    assert!(printed.contains("name = \"春节\"\nstart = \"2027-02-05\"\nend = \"2027-02-13\"\nwork = [\"2027-02-20\"]"), "{printed}");
    let saved = data.path().join("holidays/2027.toml");
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.contains("saved = \"2026-12-01\""), "{text}");

    // Every calendar on the machine now knows 2027: not provisional, and the 调休 counts.
    let json = hospital_json(data.path(), &[]);
    assert_eq!(json["provisional_holidays"], false);
    let check = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("UNIONCAL_DATA_DIR", data.path())
        .args(["check", "calendars/hospital.toml", "--year", "2027"])
        .output()
        .unwrap();
    let err = String::from_utf8(check.stderr).unwrap();
    assert!(!err.contains("provisional"), "{err}");
    let shown = bin()
        .env("UNIONCAL_DATA_DIR", data.path())
        .args(["--lang", "zh", "holidays", "--year", "2027"])
        .output()
        .unwrap();
    let shown = String::from_utf8(shown.stdout).unwrap();
    assert!(shown.contains("已导入的国务院办公厅通知"), "{shown}");
    assert!(shown.contains("已导入通知，2026-12-01 from standard input"), "{shown}");
    assert!(shown.contains("调休上班：02-20（周六）"), "{shown}");
}

#[test]
fn an_addendum_applies_on_top_of_the_saved_year() {
    let data = temp();
    let save = |name: &str| {
        let out = bin()
            .env("UNIONCAL_DATA_DIR", data.path())
            .args(["holidays", "import", "--save"])
            .arg(format!("{}/tests/fixtures/holiday-notices/{name}", env!("CARGO_MANIFEST_DIR")))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    save("2020.txt");
    let printed = save("2020-addendum.txt");
    assert!(printed.contains("name = \"春节\"\nstart = \"2020-01-24\"\nend = \"2020-02-02\"\nwork = [\"2020-01-19\"]"), "{printed}");
    assert!(printed.contains("applied on top of the 2020 arrangement known before: the notice saved on this computer"), "{printed}");
}

#[test]
fn into_keeps_the_file_and_its_comments() {
    let dir = temp();
    let file: PathBuf = dir.path().join("union.toml");
    let original = "# 我们工会的日历\n[calendar]\nname = \"测试工会\"  # 名称\nyear = 2027\n\n[holidays]\nextra_off = [\"2027-08-18\"]  # 厂庆\n\n[[events]]\nid = \"a\"\ntitle = \"活动\"\ndate = \"03-08\"\n";
    std::fs::write(&file, original).unwrap();
    let out = bin()
        .env("UNIONCAL_DATA_DIR", dir.path().join("none"))
        .args(["holidays", "import", "-", "--into"])
        .arg(&file)
        .write_stdin(crate::support::NOTICE_2027)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&file).unwrap();
    for kept in [
        "# 我们工会的日历",
        "name = \"测试工会\"  # 名称",
        "extra_off = [\"2027-08-18\"]  # 厂庆",
        "title = \"活动\"",
    ] {
        assert!(text.contains(kept), "lost `{kept}`:\n{text}");
    }
    assert_eq!(text.matches("[[holidays.periods]]").count(), 7, "{text}");
    // Importing again replaces the year's periods instead of adding more.
    bin()
        .env("UNIONCAL_DATA_DIR", dir.path().join("none"))
        .args(["holidays", "import", "-", "--into"])
        .arg(&file)
        .write_stdin(crate::support::NOTICE_2027)
        .assert()
        .success();
    let again = std::fs::read_to_string(&file).unwrap();
    assert_eq!(again, text);
    let json = bin()
        .env("UNIONCAL_DATA_DIR", dir.path().join("none"))
        .args(["list", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["provisional_holidays"], false);
}

#[test]
fn shared_holidays_files_and_their_precedence() {
    let dir = temp();
    std::fs::create_dir_all(dir.path().join("holidays")).unwrap();
    let shared = dir.path().join("holidays/2027.toml");
    bin()
        .env("UNIONCAL_DATA_DIR", dir.path().join("none"))
        .args(["holidays", "import", "-", "--into"])
        .arg(&shared)
        .write_stdin(crate::support::NOTICE_2027)
        .assert()
        .success();
    // The calendar's own 国庆节 wins over the shared file's.
    let calendar = dir.path().join("union.toml");
    std::fs::write(
        &calendar,
        "[calendar]\nname = \"测试工会\"\nyear = 2027\n\n[holidays]\nfiles = [\"holidays/2027.toml\"]\n\n[[holidays.periods]]\nname = \"国庆节\"\nstart = \"2027-10-01\"\nend = \"2027-10-08\"\n\n[[events]]\nid = \"a\"\ntitle = \"活动\"\ndate = \"03-08\"\n",
    )
    .unwrap();
    let out = bin()
        .env("UNIONCAL_DATA_DIR", dir.path().join("none"))
        .args(["holidays", "--year", "2027"])
        .arg(&calendar)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("春节  [假期文件 holidays/2027.toml]"), "{text}");
    assert!(
        text.contains("国庆节  [日历文件录入]\n  放假：10-01（周五） – 10-08（周五）（8 天）\n"),
        "{text}"
    );
    assert!(!text.contains("暂定"), "{text}");
    // A missing shared file is an error at the `files` entry.
    std::fs::remove_file(&shared).unwrap();
    let out = bin().args(["check"]).arg(&calendar).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("cannot read the holidays file") && err.contains(":6:10"), "{err}");
}

#[test]
fn a_saved_year_that_differs_from_the_built_in_one_is_warned_about() {
    let data = temp();
    bin()
        .env("UNIONCAL_DATA_DIR", data.path())
        .args(["holidays", "import", "--save"])
        .arg(format!("{}/tests/fixtures/holiday-notices/2020.txt", env!("CARGO_MANIFEST_DIR")))
        .assert()
        .success();
    let out = bin()
        .env("UNIONCAL_DATA_DIR", data.path())
        .args(["holidays", "--year", "2020"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("warning: the 2020 arrangement saved on this computer differs"), "{err}");
    let out = bin()
        .env("UNIONCAL_DATA_DIR", data.path())
        .args(["holidays", "--year", "2026"])
        .output()
        .unwrap();
    assert!(out.stderr.is_empty());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
    /// Whatever is pasted, the import answers with periods or errors, never a panic.
    #[test]
    fn any_pasted_text_is_read_or_refused(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "国务院办公厅关于2027年部分节假日安排的通知", "一、", "二、", "元旦", "春节", "国庆节、中秋节",
            "：", ":", "1月", "12月", "31日", "2日", "2027年", "至", "—", "-", "（", "）", "(", ")",
            "周六", "星期日", "农历除夕、", "放假", "调休", "上班", "补休", "共", "3天", "，", "。",
            "延长", "假期", "调至", "公休日", "起正常", "\n", "\r\n", " ", "\u{3000}", "２", "号", "、",
        ]), 0..40)
    ) {
        let text: String = parts.concat();
        let source = SourceFile::new("p", text.as_str());
        if let Ok(notice) = Notice::read(&source, Some(2027)) {
            let _ = notice.periods(&official(2026).unwrap(), &source);
        }
    }
}

#[test]
fn a_mistake_in_the_notice_is_explained_in_chinese_to_chinese_users() {
    let bad = fixture("2026.txt").replace("共9天", "共8天");
    let out = bin()
        .env("UNIONCAL_LANG", "zh")
        .args(["holidays", "import", "-"])
        .write_stdin(bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("error: 通知写的是 8 天") && err.contains("standard input:6:"), "{err}");
    assert!(err.contains("= help: 日期或天数有一个抄错了"), "{err}");
}

/// The 2026 notice with its items numbered `{n}` in the given style.
fn renumbered(style: impl Fn(usize) -> String) -> String {
    let numerals = ["一", "二", "三", "四", "五", "六", "七"];
    let mut text = fixture("2026.txt");
    for (i, numeral) in numerals.iter().enumerate() {
        text = text.replace(&format!("\n{numeral}、"), &format!("\n{}", style(i + 1)));
    }
    text
}

#[test]
fn every_numbering_of_the_items_reads_the_whole_notice() {
    let circled = ['①', '②', '③', '④', '⑤', '⑥', '⑦'];
    type Style = Box<dyn Fn(usize) -> String>;
    let styles: Vec<(&str, Style)> = vec![
        ("1、", Box::new(|n| format!("{n}、"))),
        ("1.", Box::new(|n| format!("{n}.",))),
        ("1. ", Box::new(|n| format!("{n}. "))),
        ("1．", Box::new(|n| format!("{n}．"))),
        ("(1)", Box::new(|n| format!("({n})"))),
        ("（1）", Box::new(|n| format!("（{n}）"))),
        ("1）", Box::new(|n| format!("{n}）"))),
        ("1)", Box::new(|n| format!("{n})"))),
        (
            "（一）",
            Box::new(|n| format!("（{}）", ["一", "二", "三", "四", "五", "六", "七"][n - 1])),
        ),
        ("①", Box::new(move |n| circled[n - 1].to_string())),
    ];
    for (style, number) in &styles {
        let text = renumbered(number);
        assert!(text.contains(&format!("\n{}春节", number(2))), "{style}: {text}");
        let periods = import(style, &text, &[]);
        assert_eq!(periods.len(), 7, "{style}");
        assert!(periods.iter().all(|p| !p.name.is_empty()), "{style}");
        assert_eq!(days(&periods), official_days(2026), "{style}");
        // Pasted as one long line, the items are still told apart.
        let one_line = text.replace('\n', "");
        assert_eq!(days(&import(style, &one_line, &[])), official_days(2026), "{style}, one line");
    }
}

#[test]
fn a_notice_read_in_part_is_refused_and_never_saved() {
    let data = temp();
    // An item that does not start with its festival: the preamble names seven festivals.
    let text = fixture("2026.txt").replace("三、清明节：", "三、");
    let out = bin()
        .env("UNIONCAL_DATA_DIR", data.path())
        .args(["holidays", "import", "-", "--save"])
        .write_stdin(text.as_str())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("this item does not say which festival it is"), "{err}");
    assert!(err.contains("standard input:7:"), "{err}");
    assert!(!data.path().join("holidays").exists(), "nothing saved");
    // A festival's item lost in pasting: the preamble names it.
    let lost: String = fixture("2026.txt")
        .lines()
        .filter(|l| !l.starts_with("五、"))
        .map(|l| format!("{l}\n"))
        .collect();
    let err = refused(&lost);
    assert!(err.contains("no arrangement was read for 端午节"), "{err}");
    assert!(err.contains("standard input:4:"), "{err}");
}

#[test]
fn a_workday_inside_its_break_a_festival_twice_and_a_far_year_are_refused() {
    let good = fixture("2026.txt");
    let err = refused(&good.replace("1月4日（周日）上班", "1月3日（周六）上班"));
    assert!(err.contains("the make-up workday 2026-01-03 falls inside the 元旦 break"), "{err}");
    assert!(err.contains("standard input:5:"), "{err}");

    let twice = good
        .replace("三、清明节：", "三、春节：")
        .replace("4月4日（周六）至6日（周一）", "2月15日（周日）至17日（周二）");
    let err = refused(&twice);
    assert!(err.contains("春节 appears twice in the notice"), "{err}");
    assert!(err.contains("standard input:7:"), "{err}");

    for year in ["1900", "2200"] {
        let far = format!(
            "国务院办公厅关于{year}年部分节假日安排的通知\n一、元旦：1月1日放假，共1天。\n"
        );
        let err = refused(&far);
        assert!(err.contains(&format!("the notice is for {year}")), "{err}");
        assert!(err.contains("standard input:1:1"), "{err}");
    }
}

fn import_into(dir: &Path, file: &Path) -> std::process::Output {
    bin()
        .env("UNIONCAL_DATA_DIR", dir.join("none"))
        .args(["holidays", "import", "-", "--into"])
        .arg(file)
        .write_stdin(crate::support::NOTICE_2027)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap()
}

#[test]
fn into_replaces_a_period_written_with_chinese_dates() {
    let dir = temp();
    let file = dir.path().join("holidays.toml");
    let original = "[[holidays.periods]]\nname = \"国庆节\"\nstart = \"2027年10月1日\"\nend = \"2027年10月5日\"\n\n[[holidays.periods]]\nname = \"国庆节\"\nstart = \"2026年10月1日\"\nend = \"2026年10月7日\"\n";
    std::fs::write(&file, original).unwrap();
    let out = import_into(dir.path(), &file);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        text.matches("name = \"国庆节\"").count(),
        2,
        "2026's kept, 2027's replaced:\n{text}"
    );
    assert!(!text.contains("2027年10月5日"), "{text}");
    assert!(text.contains("2026年10月7日"), "{text}");
}

#[cfg(unix)]
#[test]
fn into_writes_through_a_link_keeps_the_mode_and_refuses_what_is_not_a_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    let shared = dir.path().join("shared.toml");
    std::fs::write(&shared, "# 全市共用\n").unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&shared, &link).unwrap();
    let out = import_into(dir.path(), &link);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "still a link");
    let text = std::fs::read_to_string(&shared).unwrap();
    assert!(text.contains("# 全市共用") && text.contains("2027-02-05"), "{text}");
    assert_eq!(std::fs::metadata(&shared).unwrap().permissions().mode() & 0o777, 0o640);

    // A read-only file stays read-only.
    let read_only = dir.path().join("read-only.toml");
    std::fs::write(&read_only, "").unwrap();
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o444)).unwrap();
    assert!(import_into(dir.path(), &read_only).status.success());
    assert_eq!(std::fs::metadata(&read_only).unwrap().permissions().mode() & 0o777, 0o444);

    // A FIFO and a folder are refused, exit 3, and left as they are.
    let fifo = dir.path().join("fifo.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let out = import_into(dir.path(), &fifo);
        assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    } else {
        println!("SKIPPED the FIFO case: mkfifo is not available");
    }
    let folder = dir.path().join("folder.toml");
    std::fs::create_dir(&folder).unwrap();
    let out = import_into(dir.path(), &folder);
    assert_eq!(out.status.code(), Some(3));
    assert!(folder.is_dir());
}

#[test]
fn an_import_lists_what_the_notice_changed_against_the_forecast() {
    let dir = temp();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("calendars/hospital.toml"),
        dir.path().join("unioncal.toml"),
    )
    .unwrap();
    let out = bin()
        .current_dir(dir.path())
        .env("UNIONCAL_DATA_DIR", dir.path().join("data"))
        .args(["holidays", "import", "-"])
        .write_stdin(crate::support::NOTICE_2027)
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    // The forecast said 01-31 and 02-14 were worked and 02-20, 04-25 off.
    assert!(
        err.contains("the days the notice decides otherwise than the forecast (2027, 4)"),
        "{err}"
    );
    for day in [
        "2027-01-31 (Sun): forecast a workday, notice off",
        "2027-04-25 (Sun): forecast off, notice a workday",
    ] {
        assert!(err.contains(day), "{day}: {err}");
    }
    // The hospital's 送温暖 visits were planned on the forecast make-up Sunday.
    assert!(err.contains("activities of unioncal.toml that move because of it (1)"), "{err}");
    assert!(err.contains(": 01-31 → 01-29"), "{err}");
}

#[test]
fn check_warns_of_activities_on_days_the_forecast_only_guesses() {
    let out = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("UNIONCAL_DATA_DIR", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-saved-data"))
        .args(["check", "calendars/hospital.toml", "--year", "2027"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("`spring-visits` falls on 2027-01-31, a day whose rest or make-up work is only a forecast"), "{err}");
    // A published year has nothing to guess.
    let out = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "calendars/hospital.toml", "--year", "2026"])
        .output()
        .unwrap();
    assert!(!String::from_utf8(out.stderr).unwrap().contains("only a forecast"));
}
