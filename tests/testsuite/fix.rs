//! Calendars typed with a Chinese input method left on: each slip named in Chinese at its
//! place, and `check --fix` rewriting exactly those, keeping the original, refusing what
//! it cannot safely write.

use std::path::{Path, PathBuf};

use crate::support::bin;

/// A correct calendar and, for each class of slip, the same calendar with that slip.
const TWIN: &str = "[calendar]\nname = \"城东小学工会\"\nslug = \"east\"\nyear = 2027\n\n# 三八节，“半天假”\n[[events]]\nid = \"womens-day\"\ntitle = \"三八节，“妇女节”活动\"\ndate = \"03-08\"\n\n[[events]]\nid = \"study\"\ntitle = \"安全学习\"\nrepeat = \"weekly\"\nweekdays = [\"周一\", \"周三\", \"周五\"]\ntime = \"12:00\"\n";

/// (class, the slipped calendar, words of its Chinese message, line)
fn slipped() -> Vec<(&'static str, String, &'static str, usize)> {
    vec![
        (
            "curly quotes",
            TWIN.replace("title = \"安全学习\"", "title = “安全学习”"),
            "中文引号 “ ”",
            14,
        ),
        ("full-width equals", TWIN.replace("year = 2027", "year ＝ 2027"), "全角的 ＝", 4),
        ("colon for equals", TWIN.replace("id = \"study\"", "id：\"study\""), "全角的 ：", 13),
        (
            "Chinese comma",
            TWIN.replace("\"周一\", \"周三\"", "\"周一\"，\"周三\""),
            "中文的 ，",
            16,
        ),
        (
            "enumeration comma",
            TWIN.replace("\"周三\", \"周五\"", "\"周三\"、\"周五\""),
            "中文的 、",
            16,
        ),
        (
            "lenticular brackets",
            TWIN.replace("[[events]]\nid = \"study\"", "【【events】】\nid = \"study\""),
            "全角括号 【【",
            12,
        ),
        ("full-width brackets", TWIN.replace("[calendar]", "［calendar］"), "全角括号 ［", 1),
        ("full-width hash", TWIN.replace("# 三八节", "＃ 三八节"), "全角的 ＃", 6),
        (
            "ideographic space",
            TWIN.replace("date = \"03-08\"", "\u{3000}date = \"03-08\""),
            "全角空格",
            10,
        ),
        (
            "full-width digits",
            TWIN.replace("year = 2027", "year = ２０２７"),
            "数字 ２０２７ 是全角的",
            4,
        ),
    ]
}

fn dir() -> tempfile::TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap()
}

fn run(args: &[&str], file: &Path) -> std::process::Output {
    bin().env("UNIONCAL_LANG", "zh").args(args).arg(file).output().unwrap()
}

fn events(file: &Path) -> serde_json::Value {
    let out = bin().args(["list", "--format", "json"]).arg(file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json.as_object_mut().unwrap().remove("calendar");
    json
}

#[test]
fn each_slip_is_named_in_chinese_and_fixed_to_its_twin() {
    let dir = dir();
    let twin = dir.path().join("twin.toml");
    std::fs::write(&twin, TWIN).unwrap();
    let want = events(&twin);
    for (class, text, words, line) in slipped() {
        let file = dir.path().join(format!("{}.toml", class.replace(' ', "-")));
        std::fs::write(&file, &text).unwrap();
        let out = run(&["check"], &file);
        assert_eq!(out.status.code(), Some(1), "{class}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(words), "{class}: {err}");
        assert!(err.contains(&format!("第 {line} 行")), "{class}: {err}");
        assert!(err.contains(&format!(".toml:{line}:")), "{class}: {err}");
        assert!(err.contains("check --fix"), "{class}: {err}");
        assert!(err.contains('^'), "{class}: a caret");

        let out = run(&["check", "--fix"], &file);
        let printed = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{class}: {printed}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            printed.contains(&format!("第 {line} 行：")) && printed.contains(" → "),
            "{class}: {printed}"
        );
        // The twin, but for the indent a full-width space leaves as a plain one.
        let fixed = std::fs::read_to_string(&file).unwrap();
        let unindented = |t: &str| t.lines().map(str::trim_start).collect::<Vec<_>>().join("\n");
        assert_eq!(unindented(&fixed), unindented(TWIN), "{class}: the twin");
        if class != "ideographic space" {
            assert_eq!(fixed, TWIN, "{class}: the twin byte for byte");
        }
        let backup = PathBuf::from(format!("{}.bak", file.display()));
        assert_eq!(std::fs::read_to_string(&backup).unwrap(), text, "{class}: the original kept");
        assert!(events(&file) == want, "{class}: other events than the twin's");
    }
}

#[test]
fn a_clean_file_and_a_real_mistake_are_left_alone() {
    let dir = dir();
    let clean = dir.path().join("clean.toml");
    std::fs::write(&clean, TWIN).unwrap();
    let out = run(&["check", "--fix"], &clean);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&clean).unwrap(), TWIN);
    assert!(!dir.path().join("clean.toml.bak").exists(), "no backup when nothing changed");
    // A slip and an unknown key: the slip is fixed, the key reported, not guessed at.
    let mixed = dir.path().join("mixed.toml");
    let text = TWIN.replace("year = 2027", "year ＝ 2027\nyaer = 2027");
    std::fs::write(&mixed, &text).unwrap();
    let out = run(&["check", "--fix"], &mixed);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("`yaer`") && err.contains("mixed.toml:5:1"), "{err}");
    let fixed = std::fs::read_to_string(&mixed).unwrap();
    assert!(fixed.contains("year = 2027\nyaer = 2027"), "{fixed}");
}

#[test]
fn a_backup_already_there_is_never_overwritten() {
    let dir = dir();
    let file = dir.path().join("u.toml");
    for n in 0..3 {
        std::fs::write(&file, TWIN.replace("year = 2027", "year ＝ 2027")).unwrap();
        if n == 0 {
            std::fs::write(dir.path().join("u.toml.bak"), "older backup").unwrap();
        }
        assert_eq!(run(&["check", "--fix"], &file).status.code(), Some(0));
    }
    assert_eq!(std::fs::read_to_string(dir.path().join("u.toml.bak")).unwrap(), "older backup");
    assert!(dir.path().join("u.toml.bak.1").exists() && dir.path().join("u.toml.bak.2").exists());
}

#[test]
fn what_cannot_be_read_or_written_is_refused_and_untouched() {
    let dir = dir();
    // Binary, undecodable, too large: nothing written.
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("binary.toml", b"[calendar]\0\x01\x02".to_vec(), "不是文本文件"),
        (
            "latin.toml",
            b"[calendar]\nname = \"\xff\xfe\xfd\x80\"\n".to_vec(),
            "既不是 UTF-8 也不是 GBK",
        ),
        ("big.toml", vec![b'#'; 17 * 1024 * 1024], "文件太大"),
    ];
    for (name, bytes, words) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, &bytes).unwrap();
        let out = run(&["check", "--fix"], &file);
        assert_eq!(out.status.code(), Some(3), "{name}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(words), "{name}: {err}");
        assert_eq!(std::fs::read(&file).unwrap(), bytes, "{name} untouched");
        assert!(!dir.path().join(format!("{name}.bak")).exists(), "{name}: no backup");
    }
    // A GBK file (Notepad before 2019) is read, fixed and saved as UTF-8.
    let gbk = dir.path().join("gbk.toml");
    let slipped = TWIN.replace("year = 2027", "year ＝ 2027");
    let (encoded, _, _) = encoding_rs::GBK.encode(&slipped);
    std::fs::write(&gbk, &encoded).unwrap();
    let out = run(&["check", "--fix"], &gbk);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&gbk).unwrap(), TWIN);
    assert!(String::from_utf8_lossy(&out.stdout).contains("GBK"));
}

#[cfg(unix)]
#[test]
fn a_read_only_file_or_folder_is_refused_with_exit_3() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir();
    let text = TWIN.replace("year = 2027", "year ＝ 2027");
    let file = dir.path().join("ro.toml");
    std::fs::write(&file, &text).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = run(&["check", "--fix"], &file);
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("只读"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);

    let folder = dir.path().join("locked");
    std::fs::create_dir(&folder).unwrap();
    let inner = folder.join("u.toml");
    std::fs::write(&inner, &text).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = run(&["check", "--fix"], &inner);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&inner).unwrap(), text);
    assert!(!folder.join("u.toml.bak").exists());
}

#[test]
fn notation_values_accept_full_width_digits_and_colons() {
    let dir = dir();
    let file = dir.path().join("wide.toml");
    std::fs::write(
        &file,
        TWIN.replace("time = \"12:00\"", "time = \"１２：００\"")
            .replace("date = \"03-08\"", "date = \"３月８日\""),
    )
    .unwrap();
    assert!(
        events(&file) == {
            let twin = dir.path().join("twin.toml");
            std::fs::write(&twin, TWIN.replace("date = \"03-08\"", "date = \"3月8日\"")).unwrap();
            events(&twin)
        },
        "full-width notation reads as the twin"
    );
}

#[test]
fn a_utf8_file_with_one_gbk_line_is_refused_at_that_line_and_untouched() {
    let dir = dir();
    let file = dir.path().join("u.toml");
    let slipped = TWIN.replace("year = 2027", "year ＝ 2027");
    let mut bytes = Vec::new();
    for (n, line) in slipped.split_inclusive('\n').enumerate() {
        if n == 5 {
            bytes.extend_from_slice(&encoding_rs::GBK.encode(line).0);
        } else {
            bytes.extend_from_slice(line.as_bytes());
        }
    }
    std::fs::write(&file, &bytes).unwrap();
    let out = run(&["check", "--fix"], &file);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("第 6 行") && err.contains("UTF-8"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "untouched");
    assert!(!dir.path().join("u.toml.bak").exists());
    // A file all in GBK is still saved as UTF-8.
    std::fs::write(&file, encoding_rs::GBK.encode(&slipped).0).unwrap();
    assert_eq!(run(&["check", "--fix"], &file).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), TWIN);
}

#[test]
fn prose_in_a_multiline_string_typed_with_the_input_method_is_never_changed() {
    let dir = dir();
    let file = dir.path().join("u.toml");
    let prose = "一、坚持以职工为中心，服务：大局；“职工之家”【建设】\n　　二、１２项工作、三八节";
    let text = TWIN.replace(
        "date = \"03-08\"\n",
        &format!("date = \"03-08\"\ndescription = “”“\n{prose}\n”“”\n"),
    );
    std::fs::write(&file, &text).unwrap();
    let out = run(&["check", "--fix"], &file);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert!(fixed.contains(&format!("description = \"\"\"\n{prose}\n\"\"\"\n")), "{fixed}");
    let json = events(&file);
    let womens_day = json["events"].as_array().unwrap().iter().find(|e| e["id"] == "womens-day");
    let description = womens_day.unwrap()["description"].as_str().unwrap();
    assert_eq!(description, format!("{prose}\n"));
}

#[test]
#[cfg(unix)]
fn a_fix_killed_while_writing_leaves_no_half_backup() {
    let dir = dir();
    let file = dir.path().join("u.toml");
    let long = "很长的说明。".repeat(2000);
    let text = TWIN.replace("year = 2027", &format!("year ＝ 2027\n# {long}"));
    std::fs::write(&file, &text).unwrap();
    // A file size limit of 8 KiB: the 36 KB backup's write is killed (SIGXFSZ) part way.
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -f 8; UNIONCAL_LANG=zh '{}' check --fix '{}'",
            env!("CARGO_BIN_EXE_unioncal"),
            file.display()
        ))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text, "the calendar as it was");
    let backup = dir.path().join("u.toml.bak");
    assert!(
        !backup.exists() || std::fs::read_to_string(&backup).unwrap() == text,
        "no truncated backup"
    );
    // The next fix clears the temporary and succeeds.
    assert_eq!(run(&["check", "--fix"], &file).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), text);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn thousands_of_slips_on_one_line_give_a_few_errors_and_a_count() {
    let dir = dir();
    let file = dir.path().join("u.toml");
    let days = vec!["\"周一\""; 4000].join("，");
    let text = TWIN.replace("[\"周一\", \"周三\", \"周五\"]", &format!("[{days}]"));
    std::fs::write(&file, &text).unwrap();
    let out = run(&["check"], &file);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.len() < 400_000, "{} bytes of errors", err.len());
    assert!(
        err.contains("还有 3994 处") && err.contains("修复中文标点"),
        "{}",
        &err[err.len() - 400..]
    );
    assert!(err.matches("中文的 ，").count() <= 5);
}
