//! Every page on a phone, in headless Chromium at 360 and 390 px: no sideways scrolling,
//! no reading text under 12 px, tap targets of 40 px, and every event's whole title in
//! its month's agenda. Needs Chromium (`.ci/run` installs it); skipped with a note
//! without it, and failing under CI.

use std::path::Path;
use std::process::Command;

use crate::support::bin;

const PROBE: &str = r#"<script>
window.addEventListener('load', () => {
  const problems = [];
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push('scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const small = new Set();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || el.closest('script, style, svg')) continue;
    const rects = el.getClientRects();
    if (!rects.length || getComputedStyle(el).visibility === 'hidden') continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 12) small.add(el.tagName + '.' + el.className + ' ' + size + 'px: ' + node.textContent.trim().slice(0, 20));
  }
  for (const s of small) problems.push('small text ' + s);
  for (const a of document.querySelectorAll('a.event, .topnav a')) {
    const r = a.getBoundingClientRect();
    if (r.width && r.height < 40) problems.push('small tap target ' + r.height + 'px: ' + a.textContent.trim().slice(0, 20));
  }
  const titles = [...document.querySelectorAll('.agenda .event .title, .agenda-tasks a')]
    .filter(e => e.getClientRects().length).map(e => e.textContent);
  const out = document.createElement('pre');
  out.id = 'probe-result';
  out.textContent = JSON.stringify({ problems, titles });
  document.body.appendChild(out);
});
</script></body>"#;

/// The probe's findings for `page` at `width` px: (problems, agenda titles shown).
fn probe(browser: &Path, dir: &Path, page: &Path, width: u32) -> (Vec<String>, Vec<String>) {
    let html = std::fs::read_to_string(page).unwrap();
    let probed = page.with_extension(format!("probe{width}.html"));
    std::fs::write(&probed, html.replace("</body>", PROBE)).unwrap();
    let out = Command::new(browser)
        .args(crate::support::CHROMIUM_FLAGS)
        .args(["--hide-scrollbars", "--dump-dom", "--virtual-time-budget=3000"])
        .arg(format!("--user-data-dir={}", dir.join(format!("profile{width}")).display()))
        .arg(format!("--window-size={width},800"))
        .arg(format!("file://{}", probed.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let json = dom
        .split("<pre id=\"probe-result\">")
        .nth(1)
        .and_then(|s| s.split("</pre>").next())
        .unwrap_or_else(|| {
            panic!(
                "no probe result for {}: {}",
                page.display(),
                String::from_utf8_lossy(&out.stderr)
            )
        });
    let json = json
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let list = |key: &str| -> Vec<String> {
        value[key].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
    };
    (list("problems"), list("titles"))
}

fn check_pages(calendar: &Path, year: &str) {
    let Some(browser) = crate::support::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    bin()
        .arg("build")
        .arg(calendar)
        .args(["--year", year, "--out"])
        .arg(&out)
        .arg("-q")
        .assert()
        .success();
    let json = bin()
        .arg("list")
        .arg(calendar)
        .args(["--year", year, "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let mut pages =
        vec!["index.html".to_string(), "subscribe.html".to_string(), "print.html".to_string()];
    pages.extend((1..=12).map(|m| format!("{year}-{m:02}.html")));
    for page in &pages {
        for width in [360, 390] {
            let (problems, titles) = probe(&browser, dir.path(), &out.join(page), width);
            assert!(problems.is_empty(), "{page} at {width} px: {problems:#?}");
            if let Some(month) = page.strip_suffix(".html").filter(|p| p.contains('-')) {
                // Every event of the month, with its whole title, is on the phone's agenda.
                for event in json["events"].as_array().unwrap() {
                    let date = event["date"].as_str().unwrap();
                    if date.starts_with(month) {
                        let title = event["title"].as_str().unwrap();
                        assert!(
                            titles.iter().any(|t| t == title),
                            "{page}: `{title}` missing at {width} px"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn every_page_reads_on_a_phone() {
    check_pages(&Path::new(env!("CARGO_MANIFEST_DIR")).join("calendars/hospital.toml"), "2026");
}

#[test]
fn long_titles_and_a_crowded_day_read_on_a_phone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crowded.toml");
    let mut text = String::from(
        "[calendar]\nname = \"某某市第一人民医院工会委员会（含离退休职工党支部）\"\nurl = \"https://example.org/calendars/a-very-long-union-name-for-testing-urls/feed.ics\"\n",
    );
    for i in 1..=8 {
        text.push_str(&format!(
            "[[events]]\nid = \"e{i}\"\ntitle = \"第{i}项很长很长的活动名称：职工书画摄影作品展览暨颁奖仪式以及优秀作品巡回展示（第二站）Workshop{i}Supercalifragilistic\"\ndate = \"2027-03-08\"\ntime = \"14:00\"\nlocation = \"科研楼三层报告厅\"\norganizer = \"院工会文体委员会\"\naudience = \"全体在职职工及离退休职工代表\"\n"
        ));
    }
    text.push_str(
        "[[events]]\nid = \"task\"\ntitle = \"本月工作：整理材料并上报上级工会\"\nmonth = 3\n",
    );
    std::fs::write(&file, text).unwrap();
    check_pages(&file, "2027");
}
