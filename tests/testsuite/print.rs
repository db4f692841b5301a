//! `print.html` through a real browser's print: one A4 landscape page per month, nothing
//! cut off. Needs Chromium and poppler-utils (`.ci/run` installs them); without them the
//! test is skipped locally and fails under CI.

use std::path::{Path, PathBuf};
use std::process::Command;

fn tool(names: &[&str]) -> Option<PathBuf> {
    names.iter().map(|n| Path::new("/usr/bin").join(n)).find(|p| p.exists())
}

fn chromium() -> Option<PathBuf> {
    let found = tool(&["chromium", "chromium-browser", "google-chrome"])
        .filter(|_| tool(&["pdfinfo"]).is_some());
    if found.is_none() {
        assert!(std::env::var_os("CI").is_none(), "CI must install chromium and poppler-utils");
        eprintln!("skipped: chromium or pdfinfo not installed");
    }
    found
}

fn run_chromium(browser: &Path, profile: &Path, args: &[String]) -> std::process::Output {
    Command::new(browser)
        .args(crate::support::CHROMIUM_FLAGS)
        .arg("--no-pdf-header-footer")
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .unwrap()
}

/// Build `calendar` for `year`, print `print.html` to PDF and check pages and overflow.
fn check_print(calendar: &Path, year: &str, months: usize) {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert_cmd::Command::cargo_bin("unioncal")
        .unwrap()
        .args([
            "build",
            calendar.to_str().unwrap(),
            "--year",
            year,
            "--out",
            out.to_str().unwrap(),
            "-q",
        ])
        .assert()
        .success();
    let pdf = dir.path().join("print.pdf");
    let page = format!("file://{}", out.join("print.html").display());
    run_chromium(
        &browser,
        &dir.path().join("profile"),
        &[format!("--print-to-pdf={}", pdf.display()), page],
    );
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains(&format!("Pages:           {months}\n")), "{info}");
    assert!(info.contains("Page size:       841.92 x 594.96 pts (A4)"), "A4 landscape: {info}");

    // Nothing cut off: in the printed layout no sheet, grid or list overflows its box.
    let probe = out.join("probe.html");
    let html = std::fs::read_to_string(out.join("print.html")).unwrap();
    let script = r#"<script>
      window.addEventListener('load', () => {
        document.documentElement.style.width = '281mm';
        const bad = [];
        for (const el of document.querySelectorAll('.sheet, .below, .list, .tasks')) {
          if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
            bad.push((el.closest('.sheet') || el).id + ':' + el.className);
          }
        }
        document.body.setAttribute('data-overflow', bad.join(' ') || 'none');
      });
    </script></body>"#;
    std::fs::write(&probe, html.replace("</body>", script)).unwrap();
    let dom = run_chromium(
        &browser,
        &dir.path().join("profile2"),
        &[
            "--dump-dom".into(),
            "--virtual-time-budget=3000".into(),
            "--window-size=1123,794".into(),
            format!("file://{}", probe.display()),
        ],
    );
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.contains("data-overflow=\"none\""),
        "overflow: {}",
        dom.split("data-overflow=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or("no result")
    );
}

#[test]
fn hospital_prints_one_a4_landscape_page_per_month() {
    check_print(&Path::new(env!("CARGO_MANIFEST_DIR")).join("calendars/hospital.toml"), "2027", 12);
}

#[test]
fn a_crowded_month_still_fits_its_page() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crowded.toml");
    let mut text = String::from("[calendar]\nname = \"一个活动很多的工会委员会\"\n[categories.a]\nlabel = \"文体\"\ncolor = \"#c0392b\"\n");
    for i in 1..=40 {
        text.push_str(&format!(
            "[[events]]\nid = \"e{i}\"\ntitle = \"第{i}项很长很长的活动名称：职工书画摄影作品展览暨颁奖仪式\"\ndate = \"2027-03-{:02}\"\ntime = \"14:00\"\nlocation = \"科研楼三层报告厅\"\norganizer = \"院工会文体委员会\"\ncategory = \"a\"\n",
            i % 28 + 1
        ));
    }
    for i in 1..=10 {
        text.push_str(&format!("[[events]]\nid = \"t{i}\"\ntitle = \"本月工作任务第{i}项：整理材料并上报\"\nmonth = 3\n"));
    }
    std::fs::write(&file, text).unwrap();
    check_print(&file, "2027", 12);
}
