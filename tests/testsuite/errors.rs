//! A corpus of broken calendar files: each error must point at the right line and
//! column and say what to do. None may panic.

use unioncal::Error;

/// (file text, line, column, words the message must hold)
const CASES: &[(&str, usize, usize, &str)] = &[
    ("", 1, 1, "no `[calendar]` table"),
    ("[calendar]\nnam = \"x\"\n", 2, 1, "unknown key `nam`, did you mean `name`?"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nrepeat = \"weekly\"\nwekdays = [\"mon\"]\n", 7, 1, "did you mean `weekdays`?"),
    ("[calendar]\nname = \"x\"\n[calender]\n", 3, 2, "did you mean `calendar`?"),
    ("[calendar]\n", 1, 1, "has no `name`"),
    ("[calendar]\nname = \"x\"\nslug = \"Bad Slug\"\n", 3, 8, "slug"),
    ("[calendar]\nname = \"x\"\nyear = 1800\n", 3, 8, "outside 1960–2100"),
    ("[calendar]\nname = \"x\"\ntimezone = \"Asia/Shanghia\"\n", 3, 12, "did you mean `Asia/Shanghai`?"),
    ("[calendar]\nname = \"x\"\nlanguage = \"fr\"\n", 3, 12, "unknown language"),
    ("[calendar]\nname = \"x\"\nurl = \"ftp://x\"\n", 3, 7, "web address"),
    ("[calendar]\nname = \"x\"\n[defaults]\nshift = \"nearst\"\n", 4, 9, "did you mean `nearest`?"),
    ("[calendar]\nname = \"x\"\n[defaults]\nduration = \"2 hours\"\n", 4, 12, "not a length of time"),
    ("[calendar]\nname = \"x\"\n[defaults]\nreminder = [\"1d\", \"soon\"]\n", 4, 12, "not a reminder"),
    ("[calendar]\nname = \"x\"\n[categories.culture]\ncolor = \"red\"\n", 4, 9, "CSS hex colour"),
    ("[calendar]\nname = \"x\"\n[holidays]\nregion = \"us\"\n", 4, 10, "unknown holiday region"),
    ("[calendar]\nname = \"x\"\n[holidays]\nextra_off = [\"2027-08-31..2027-07-10\"]\n", 4, 14, "ends before it starts"),
    ("[calendar]\nname = \"x\"\n[[holidays.periods]]\nname = \"国庆节\"\nstart = \"2028-10-07\"\nend = \"2028-10-01\"\n", 6, 7, "ends before it starts"),
    ("[calendar]\nname = \"x\"\n[[events]]\ntitle = \"b\"\ndate = \"03-08\"\n", 3, 1, "no `id`"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"Womens Day\"\ntitle = \"b\"\ndate = \"03-08\"\n", 4, 6, "may only hold"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ndate = \"03-08\"\n", 3, 1, "no `title`"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\n[[events]]\nid = \"a\"\ntitle = \"c\"\ndate = \"03-09\"\n", 8, 6, "two events have the id `a`"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\n", 3, 1, "no anchor"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\nlunar = \"01-01\"\n", 7, 9, "more than one anchor"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"02-30\"\n", 6, 8, "not a date"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nlunar = \"13-01\"\n", 6, 9, "not a lunar day"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nterm = \"清名\"\n", 6, 8, "not a solar term"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nholiday = \"圣诞节\"\n", 6, 11, "not a statutory holiday"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nrepeat = \"yearly\"\n", 6, 10, "unknown repeat"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nrepeat = \"weekly\"\n", 6, 10, "needs `weekdays`"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nrepeat = \"weekly\"\nweekdays = [\"mon\", \"funday\"]\n", 7, 20, "not a weekday"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nrepeat = \"monthly\"\nweekday = \"wed\"\nnth = 0\n", 8, 7, "`nth` cannot be 0"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nrepeat = \"monthly\"\nday = 32\n", 7, 7, "outside -31–31"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nrepeat = \"daily\"\ninterval = 2\n", 7, 12, "`interval` needs `start`"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\ninterval = 2\n", 7, 12, "does not apply"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nrrule = \"FREQ=MONTHLY;BYDAY=-1FR\"\ninterval = 2\n", 7, 12, "does not apply"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nrrule = \"FREQ=SOMETIMES\"\n", 6, 9, "not a frequency"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\nweekdays = [\"mon\"]\n", 7, 12, "does not apply"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\ntime = \"25:00\"\n", 7, 8, "not a time"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\ntime = \"14:00\"\nend = \"13:00\"\n", 8, 7, "before `time`"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\ntime = \"14:00\"\nend = \"15:00\"\nduration = \"1h\"\n", 9, 12, "either `end` or `duration`"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\nend = \"15:00\"\n", 7, 7, "`end` needs `time`"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\noffset = \"-3x\"\n", 7, 10, "not an offset"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\ndays = 400\n", 7, 8, "outside 1–366"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\nevery_years = 5\n", 7, 15, "needs `since`"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"第{edition}届\"\ndate = \"03-08\"\n", 5, 9, "no `edition`"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nmonths = \"9-3\"\n", 6, 10, "runs backwards"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\ncategory = \"cultur\"\n", 7, 12, "unknown category"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nrepeat = \"daily\"\nstart = \"2027-05-01\"\nuntil = \"2027-04-01\"\n", 8, 9, "before `start`"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\n[[events.changes]]\ndate = \"2027-03-08\"\nmove_to = \"2027-03-09\"\ncancel = true\n", 9, 11, "either moves or cancels"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nmonth = 9\n[[events.changes]]\ndate = \"2027-09-01\"\ncancel = true\n", 8, 8, "names its month"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndays = \"3\"\ndate = \"03-08\"\n", 6, 8, "should be a whole number, not text"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndays = 99999999999999999999\n", 6, 8, ""),
    ("[calendar]\nname = \"x\"\nname = \"y\"\n", 3, 1, "the same key is written twice"),
    ("[calendar\nname = \"x\"\n", 1, 10, "lacks its closing ]"),
    // Every kind of TOML mistake, in the user's words.
    ("[calendar]\nname = \"工会\n", 2, 11, "the closing double quote"),
    ("[calendar]\nname \"工会\"\n", 2, 6, "this line has no ="),
    ("[[events]\nid = \"a\"\n", 1, 10, "lacks its closing ]]"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"t\"\nrepeat = \"weekly\"\nweekdays = [\"周一\",,\"周三\"]\n", 7, 18, "one comma too many"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"t\"\nrepeat = \"weekly\"\nweekdays = [\"周一\" \"周三\"]\n", 7, 18, "a comma , is missing"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"t\"\nrepeat = \"weekly\"\nweekdays = [\"周一\"\n", 7, 17, "the list lacks its closing ]"),
    ("[calendar]\nname = \"x\"\nyear = \"2027\"\n", 3, 8, "should be a whole number, not text"),
    ("[calendar]\nname = 3\n", 2, 8, "should be text, not a whole number"),
    ("[calendar]\nname = \"x\"\nyear = 2027.5\n", 3, 8, "not a decimal number"),
    ("[calendar]\nname = \"x\"\nyear = 2027-01-01\n", 3, 8, "not a date"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"t\"\ndate = \"03-08\"\nworkdays_only = \"yes\"\n", 7, 17, "should be true or false"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"t\"\nrepeat = \"weekly\"\nweekdays = \"周一\"\n", 7, 12, "should be a list, not text"),
    ("[calendar]\nname = \"x\"\n[events]\nid = \"a\"\n", 3, 1, "should be a list, not a table"),
    ("[calendar]\nname = 工会\n", 2, 8, "this value is not written right"),
    ("[calendar]\nname = \"a\" x\n", 2, 12, "more on this line after the value"),
    ("[calendar]\nname = \"a\\q\"\n", 2, 11, "what follows the backslash"),
    ("[calendar]\n= \"a\"\n", 2, 1, "the key before = is missing"),
    ("[calendar]\nname = \"x\"\n[calendar]\n", 3, 2, "the same key is written twice"),
    ("[calendar]\nname = \"\"\"a\n", 3, 1, "the closing \"\"\" is missing"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"t\"\nrrule = \"FREQ=WEEKLY;BYDAY=XX\"\n", 6, 9, "`XX` in the rrule is not a weekday"),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"t\"\nrrule = \"FREQ=MONTHLY;BYMONTH=13\"\n", 6, 9, "`BYMONTH=13` in the rrule is not a valid value"),
    // Chinese-input slips, each named with what to type instead.
    ("[calendar]\nname = “工会”\n", 2, 8, "Chinese quotation marks “ ”"),
    ("[calendar]\nname ＝ \"工会\"\n", 2, 6, "full-width ＝"),
    ("[calendar]\nname：\"工会\"\n", 2, 5, "full-width ："),
    ("[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"t\"\nrepeat = \"weekly\"\nweekdays = [\"周一\"，\"周三\"]\n", 7, 17, "a Chinese ，"),
    ("【calendar】\nname = \"x\"\n", 1, 1, "full-width bracket 【"),
    ("＃ 注释\n[calendar]\nname = \"x\"\n", 1, 1, "full-width ＃"),
    ("[calendar]\n\u{3000}name = \"x\"\n", 2, 1, "ideographic (full-width) space"),
    ("[calendar]\nname = \"x\"\nyear = ２０２７\n", 3, 8, "full-width digits ２０２７"),
];

fn first_error(text: &str) -> unioncal::error::Diagnostic {
    match unioncal::config::parse("broken.toml", text.as_bytes(), "broken") {
        Err(Error::Calendar(diagnostics)) => diagnostics[0].clone(),
        Err(other) => panic!("not a calendar error: {other}"),
        Ok(_) => panic!("accepted:\n{text}"),
    }
}

#[test]
fn every_broken_file_points_at_its_line_and_column() {
    let mut failures = Vec::new();
    for (text, line, column, words) in CASES {
        let d = first_error(text);
        let at = d.location.as_ref().expect("a location");
        let shown = d.to_string();
        if (at.line, at.column) != (*line, *column)
            || !shown.contains(words)
            || !shown.contains("broken.toml:")
        {
            failures.push(format!("want {line}:{column} `{words}`, got:\n{shown}"));
        }
        assert!(d.help.is_some() || words.is_empty(), "no help for:\n{shown}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
}

#[test]
fn non_utf8_and_oversized_files_are_clear_errors() {
    let d = match unioncal::config::parse("gbk.toml", b"[calendar]\nname = \"\xb9\xa4\"\n", "gbk") {
        Err(Error::Calendar(d)) => d,
        _ => panic!(),
    };
    assert!(d[0].to_string().contains("not UTF-8"));
    assert!(d[0].to_string().contains("gbk.toml:2:9"));
    let big = vec![b'#'; 17 * 1024 * 1024];
    assert!(unioncal::config::parse("big.toml", &big, "big").is_err());
}

#[test]
fn a_byte_order_mark_and_crlf_lines_are_fine() {
    let text = "\u{feff}[calendar]\r\nname = \"x\"\r\n[[events]]\r\nid = \"a\"\r\ntitle = \"b\"\r\ndate = \"03-08\"\r\n";
    assert!(unioncal::config::parse("bom.toml", text.as_bytes(), "bom").is_ok());
}

#[test]
fn several_errors_are_reported_together() {
    let text = "[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"13-01\"\n[[events]]\nid = \"b\"\ntitle = \"c\"\nterm = \"x\"\n";
    let Err(Error::Calendar(d)) = unioncal::config::parse("two.toml", text.as_bytes(), "two")
    else {
        panic!()
    };
    assert_eq!(d.len(), 2);
}

/// The whole text a person reads for each broken file (message, place, quoted line, caret
/// and hint), pinned: a change of wording shows in review.
#[test]
fn the_full_text_of_every_error() {
    let mut all = String::new();
    for (text, _, _, _) in CASES {
        let shown = match unioncal::config::parse("broken.toml", text.as_bytes(), "broken") {
            Err(Error::Calendar(diagnostics)) => {
                diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
            }
            other => panic!("not a calendar error: {other:?}"),
        };
        all.push_str(&format!("=== {}\n{shown}\n", text.escape_debug()));
    }
    insta::assert_snapshot!("every_error_in_full", all);
}

/// `unioncal check FILE` in a language, with the locale variables `env`.
fn check_in(file: &std::path::Path, env: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = crate::support::bin();
    cmd.env_remove("UNIONCAL_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.arg("check").arg(file).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stderr).unwrap()
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every error of the corpus in Chinese: Chinese prose, at the same place, with the same
/// quoted line and caret as in English; the whole text pinned.
#[test]
fn every_error_in_chinese_at_the_same_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut all = String::new();
    let mut missing = Vec::new();
    for (i, (text, _, _, _)) in CASES.iter().enumerate() {
        let file = dir.path().join(format!("broken{i}.toml"));
        std::fs::write(&file, text).unwrap();
        let zh = check_in(&file, &[("LANG", "zh_CN.UTF-8")], &[]);
        let en = check_in(&file, &[("LANG", "C.UTF-8")], &[]);
        let first = zh.lines().next().unwrap_or_default();
        // The user's own text may be Chinese: look at the message less its quoted values.
        let prose: String = first.split('`').step_by(2).collect();
        if !has_chinese(&prose) {
            missing.push(first.to_string());
            continue;
        }
        assert!(
            !has_chinese(
                &en.lines().next().unwrap_or_default().split('`').step_by(2).collect::<String>()
            ),
            "not English:\n{en}"
        );
        let places = |t: &str| {
            t.lines()
                .filter(|l| l.contains("-->") || l.contains(" | "))
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(places(&zh), places(&en), "the place differs:\n{zh}\n{en}");
        all.push_str(&format!(
            "=== {}\n{}\n",
            text.escape_debug(),
            zh.replace(&dir.path().display().to_string(), "DIR")
        ));
    }
    assert!(missing.is_empty(), "not in Chinese:\n{}", missing.join("\n"));
    insta::assert_snapshot!("every_error_in_chinese", all);
}

#[test]
fn the_language_follows_the_locale_and_the_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.toml");
    std::fs::write(
        &file,
        "[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"13-45\"\n",
    )
    .unwrap();
    let chinese =
        |t: &str| has_chinese(&t.lines().next().unwrap().split('`').step_by(2).collect::<String>());
    assert!(chinese(&check_in(&file, &[("LANG", "zh_CN.UTF-8")], &[])));
    assert!(chinese(&check_in(&file, &[("LC_MESSAGES", "zh_TW.UTF-8"), ("LANG", "C")], &[])));
    assert!(!chinese(&check_in(&file, &[("LANG", "C.UTF-8")], &[])));
    assert!(!chinese(&check_in(&file, &[], &[])), "English without any locale");
    assert!(
        !chinese(&check_in(&file, &[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")], &[])),
        "LC_ALL first"
    );
    assert!(chinese(&check_in(&file, &[("LANG", "C"), ("UNIONCAL_LANG", "zh")], &[])));
    assert!(
        !chinese(&check_in(&file, &[("UNIONCAL_LANG", "zh")], &["--lang", "en"])),
        "--lang wins"
    );
    let zh = check_in(&file, &[("LANG", "zh_CN.UTF-8")], &[]);
    assert!(
        zh.contains("`13-45` 不是日期") && zh.contains("bad.toml:6:8") && zh.contains("= help: "),
        "{zh}"
    );
}

#[test]
fn a_year_before_the_holiday_data_is_reported_where_it_is_written() {
    let text = "[calendar]\nname = \"x\"\nyear = 1999\n[[events]]\nid = \"a\"\ntitle = \"b\"\ndate = \"03-08\"\n";
    let d = first_error(text);
    let at = d.location.as_ref().expect("a place in the file");
    assert_eq!((at.line, at.column), (3, 8));
    assert!(d.to_string().contains("region = \"none\""), "{d}");
    let fine = "[calendar]\nname = \"x\"\nyear = 1999\n[holidays]\nregion = \"none\"\n";
    assert!(unioncal::config::parse("ok.toml", fine.as_bytes(), "ok").is_ok());
}

#[test]
fn a_closed_standard_error_still_gives_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[calendar]\nname = \"x\"\nyear = 1800\n").unwrap();
    let missing = dir.path().join("missing.toml");
    for (args, code) in
        [(vec!["check", bad.to_str().unwrap()], 1), (vec!["build", missing.to_str().unwrap()], 3)]
    {
        // A pipe nobody reads: every write to standard error fails.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("unioncal"))
            .args(&args)
            .stderr(writer)
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(code), "{args:?}");
    }
}
