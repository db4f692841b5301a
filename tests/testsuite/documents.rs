//! `plan.docx` and `plan.xlsx`: the plan as a union submits it, read back as packages of
//! XML (an independent XML parser), and by python-docx, openpyxl and LibreOffice where
//! they are installed.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use predicates::prelude::PredicateBooleanExt as _;

use crate::support::bin;

const EPOCH: &str = "1796083200"; // 2026-12-01

fn build(file: &Path, out: &Path) {
    bin()
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .arg("build")
        .arg(file)
        .args(["--year", "2027", "--out"])
        .arg(out)
        .assert()
        .success();
}

fn hospital() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("calendars/hospital.toml")
}

/// One part of an OOXML package.
fn part(package: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(package).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The paragraphs of document.xml: (style, text, East Asian font of the first run).
fn paragraphs(xml: &str) -> Vec<(String, String, String)> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")) && n.ancestors().all(|a| !a.has_tag_name((W, "tbl"))))
        .map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name((W, "pStyle")))
                .and_then(|n| n.attribute((W, "val")))
                .unwrap_or_default()
                .to_string();
            let text: String = p
                .descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|n| n.text())
                .collect();
            let font = p
                .descendants()
                .find(|n| n.has_tag_name((W, "rFonts")))
                .and_then(|n| n.attribute((W, "eastAsia")))
                .unwrap_or_default()
                .to_string();
            (style, text, font)
        })
        .collect()
}

#[test]
fn the_plan_docx_is_laid_out_as_an_official_document() {
    let dir = tempfile::tempdir().unwrap();
    build(&hospital(), dir.path());
    let docx = dir.path().join("plan.docx");
    let xml = part(&docx, "word/document.xml");
    // Page: A4 portrait, margins 37/35/28/26 mm (in twentieths of a point).
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "{xml}");
    assert!(xml.contains(r#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#));
    let paras = paragraphs(&xml);
    // The title, in 二号 方正小标宋简体, centred.
    assert_eq!(
        paras[0],
        ("Title".into(), "北大六院工会2027年工作计划".into(), "方正小标宋简体".into())
    );
    assert!(xml.contains(r#"<w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="方正小标宋简体" w:cs="Times New Roman"/><w:sz w:val="44"/>"#));
    // Headings in order: the [plan] sections, then 具体活动安排; 黑体 for 一、, 楷体 for months.
    let headings: Vec<&str> =
        paras.iter().filter(|p| p.0 == "Heading1").map(|p| p.1.as_str()).collect();
    assert_eq!(
        headings,
        [
            "一、加强工会组织建设，提高整体工作水平",
            "二、完善职代会制度，推进院务公开工作",
            "三、丰富职工文化生活，促进精神文明建设",
            "四、维护职工利益，竭诚为职工群众服务",
            "五、做好工会经费的管理和使用",
            "六、具体活动安排"
        ]
    );
    assert!(paras.iter().filter(|p| p.0 == "Heading1").all(|p| p.2 == "黑体"));
    let months: Vec<&str> =
        paras.iter().filter(|p| p.0 == "Heading2").map(|p| p.1.as_str()).collect();
    assert_eq!(
        months,
        [
            "一月份",
            "二月份",
            "三月份",
            "四月份",
            "五月份",
            "六月份",
            "七、八月份",
            "九月份",
            "十月份",
            "十一月份",
            "十二月份"
        ]
    );
    assert!(paras.iter().filter(|p| p.0 == "Heading2").all(|p| p.2 == "楷体"));
    // Body in 三号 仿宋_GB2312 at a fixed 29 pt line.
    let styles = part(&docx, "word/styles.xml");
    assert!(
        styles.contains(r#"w:eastAsia="仿宋_GB2312""#) && styles.contains(r#"<w:sz w:val="32"/>"#)
    );
    assert!(xml.contains(r#"<w:spacing w:line="580" w:lineRule="exact"/>"#));
    let fonts = part(&docx, "word/fontTable.xml");
    assert!(
        fonts.contains(r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>"#),
        "fallback"
    );
    assert!(
        fonts.contains(r#"<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>"#),
        "fallback"
    );
    // Items: numbered, with date and weekday, time, place, organizer and audience.
    let text: Vec<&str> = paras.iter().map(|p| p.1.as_str()).collect();
    assert!(
        text.iter().any(|t| t.ends_with("、3月8日（周一） 14:00—17:00 三八妇女节活动：保龄球比赛、厨艺比赛（地点：职工之家；负责人：女工委员会；参加范围：全体女职工）")),
        "{text:#?}"
    );
    // Month tasks as items without a day; recurring ones summarised with their count.
    assert!(text.iter().any(|t| t.contains("9月内 收缴会费")), "{text:#?}");
    assert!(text.iter().any(|t| t.contains("（共") && t.contains("次）") && t.contains("乒乓球")));
    // Every activity of plan.md (every title of the year) is in the document.
    let md = std::fs::read_to_string(dir.path().join("plan.md")).unwrap();
    let json = bin()
        .args(["list", "--year", "2027", "--format", "json"])
        .arg(hospital())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    for event in json["events"].as_array().unwrap() {
        let title = event["title"].as_str().unwrap();
        assert!(text.iter().any(|t| t.contains(title)), "`{title}` is missing");
        assert!(md.contains(title), "`{title}` is missing from plan.md");
    }
    // The 落款, right-aligned, dated from SOURCE_DATE_EPOCH; the page numbers `— 1 —`.
    let last: Vec<_> = paras.iter().rev().take(2).collect();
    assert_eq!((last[1].1.as_str(), last[0].1.as_str()), ("北大六院工会", "2026年12月1日"));
    assert!(xml.trim_end().ends_with("</w:document>"));
    let footer = part(&docx, "word/footer1.xml");
    assert!(
        footer.contains("— ") && footer.contains(" PAGE ") && footer.contains(" —"),
        "{footer}"
    );
}

const TABLE_PLAN: &str = r#"[calendar]
name = "某某 & <学校> 工会"
year = 2027

[plan]
title = "2027年工会工作计划（送审稿）"
layout = "table"
signature = "某某学校工会委员会"
date = "2026-11-05"
intro = """
第一段。

第二段。
"""

[[plan.sections]]
title = "工作目标"
body = """
（一）建强组织
组织建设的内容。
"""

[[events]]
id = "womens-day"
title = "三八妇女节 <游园> & \"趣味\" 活动"
date = "03-08"
time = "14:00"
location = "操场"
organizer = "女工委"
audience = "全体女教职工"

[[events]]
id = "dues"
title = "收缴会费"
month = 9
"#;

#[test]
fn the_table_layout_repeats_its_header_and_keeps_rows_whole() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("school.toml");
    std::fs::write(&file, TABLE_PLAN).unwrap();
    build(&file, &dir.path().join("out"));
    let docx = dir.path().join("out/plan.docx");
    let xml = part(&docx, "word/document.xml");
    // Well-formed despite `<`, `&` and quotes in the user's text.
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let rows: Vec<roxmltree::Node> =
        doc.descendants().filter(|n| n.has_tag_name((W, "tr"))).collect();
    let header = rows[0];
    assert!(header.descendants().any(|n| n.has_tag_name((W, "tblHeader"))));
    assert!(rows.iter().all(|r| r.descendants().any(|n| n.has_tag_name((W, "cantSplit")))));
    let cells = |row: &roxmltree::Node| -> Vec<String> {
        row.children()
            .filter(|n| n.has_tag_name((W, "tc")))
            .map(|c| {
                c.descendants()
                    .filter(|n| n.has_tag_name((W, "t")))
                    .filter_map(|n| n.text())
                    .collect()
            })
            .collect()
    };
    assert_eq!(cells(&header), ["时间", "活动内容", "参加范围", "地点", "负责人"]);
    let all: Vec<Vec<String>> = rows.iter().map(cells).collect();
    assert!(all.contains(&vec!["三月份".to_string()]), "{all:?}");
    assert!(
        all.contains(&vec![
            "3月8日（周一） 14:00—15:00".to_string(),
            "三八妇女节 <游园> & \"趣味\" 活动".to_string(),
            "全体女教职工".to_string(),
            "操场".to_string(),
            String::new()
        ]) || all.iter().any(|r| r.len() == 5 && r[2] == "全体女教职工" && r[4] == "女工委"),
        "{all:?}"
    );
    let paras = paragraphs(&xml);
    assert_eq!(paras[0].1, "2027年工会工作计划（送审稿）");
    assert_eq!(paras[1].1, "第一段。");
    assert_eq!(paras[2].1, "第二段。");
    assert_eq!((paras[3].0.as_str(), paras[3].1.as_str()), ("Heading1", "一、工作目标"));
    assert_eq!((paras[4].0.as_str(), paras[4].1.as_str()), ("Heading2", "（一）建强组织"));
    assert_eq!((paras[6].0.as_str(), paras[6].1.as_str()), ("Heading1", "二、具体活动安排"));
    let last: Vec<_> = paras.iter().rev().take(2).map(|p| p.1.clone()).collect();
    assert_eq!(last, ["2026年11月5日", "某某学校工会委员会"]);
}

#[test]
fn the_spreadsheet_has_typed_cells_a_frozen_header_and_a_print_setup() {
    let dir = tempfile::tempdir().unwrap();
    build(&hospital(), dir.path());
    let xlsx = dir.path().join("plan.xlsx");
    let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(r#"ySplit="1""#) && sheet.contains(r#"state="frozen""#),
        "frozen header"
    );
    assert!(sheet.contains("<autoFilter ref=\"A1:I"), "autofilter");
    assert!(sheet.contains(r#"paperSize="9""#) && sheet.contains(r#"orientation="landscape""#));
    assert!(
        sheet.contains("<oddHeader>&amp;C&amp;\"-,Bold\"北大六院工会 2027年</oddHeader>"),
        "{sheet}"
    );
    let workbook = part(&xlsx, "xl/workbook.xml");
    assert!(workbook.contains("_xlnm.Print_Titles") && workbook.contains("$1:$1"), "{workbook}");
    // Dates and times are numbers with a date format, not text.
    let doc = roxmltree::Document::parse(&sheet).unwrap();
    let a2 = doc.descendants().find(|n| n.attribute("r") == Some("A2")).unwrap();
    assert_eq!(a2.attribute("t"), None, "a number");
    let c2 = doc.descendants().find(|n| n.attribute("r") == Some("C2")).unwrap();
    assert_eq!(c2.attribute("t"), None, "a number");
    let strings = part(&xlsx, "xl/sharedStrings.xml");
    for header in ["日期", "星期", "开始", "结束", "活动", "地点", "负责人", "类别", "参加范围"]
    {
        assert!(strings.contains(&format!(">{header}<")), "{header}");
    }
    assert!(strings.contains("全体女职工"));
    let styles = part(&xlsx, "xl/styles.xml");
    assert!(styles.contains("yyyy-mm-dd") && styles.contains("hh:mm"));
}

#[test]
fn documents_are_byte_identical_for_the_same_input() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build(&hospital(), a.path());
    build(&hospital(), b.path());
    for name in ["plan.docx", "plan.xlsx"] {
        assert_eq!(
            std::fs::read(a.path().join(name)).unwrap(),
            std::fs::read(b.path().join(name)).unwrap(),
            "{name}"
        );
    }
}

/// python-docx and openpyxl, the readers the officers' colleagues script with.
#[test]
fn python_docx_and_openpyxl_read_the_documents() {
    let probe = Command::new("python3").args(["-c", "import docx, openpyxl"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        println!("SKIPPED: python3 with python-docx and openpyxl is not installed (pip install python-docx openpyxl)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    build(&hospital(), dir.path());
    let script = r#"
import sys, datetime, docx, openpyxl
from docx.enum.text import WD_ALIGN_PARAGRAPH
d = docx.Document(sys.argv[1] + '/plan.docx')
s = d.sections[0]
assert round(s.page_width.mm) == 210 and round(s.page_height.mm) == 297, s.page_width.mm
assert [round(x.mm) for x in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)] == [37, 35, 28, 26]
p = d.paragraphs
assert p[0].text == '北大六院工会2027年工作计划' and p[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
assert p[0].runs[0].font.size.pt == 22
body = [x for x in p if x.style.name == 'Normal' and x.text]
assert body[0].runs[0].font.size.pt == 16 and body[0].paragraph_format.line_spacing.pt == 29
assert [x.text for x in p if x.style.name == 'Heading 1'][-1] == '六、具体活动安排'
assert '七、八月份' in [x.text for x in p if x.style.name == 'Heading 2']
assert p[-1].text == '2026年12月1日' and p[-1].alignment == WD_ALIGN_PARAGRAPH.RIGHT
ea = p[0].runs[0]._element.rPr.rFonts.get('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia')
assert ea == '方正小标宋简体', ea
wb = openpyxl.load_workbook(sys.argv[1] + '/plan.xlsx')
ws = wb.active
assert ws.freeze_panes == 'A2' and ws.auto_filter.ref.startswith('A1:I')
assert ws.page_setup.orientation == 'landscape' and str(ws.page_setup.paperSize) == '9'
assert ws.print_title_rows == '1:1' or ws.print_title_rows == '$1:$1', ws.print_title_rows
assert [c.value for c in ws[1]] == ['日期', '星期', '开始', '结束', '活动', '地点', '负责人', '类别', '参加范围']
rows = list(ws.iter_rows(min_row=2, values_only=True))
assert all(isinstance(r[0], datetime.datetime) for r in rows)
assert any(r[4] == '三八妇女节活动：保龄球比赛、厨艺比赛' and r[2] == datetime.time(14, 0) and r[8] == '全体女职工' for r in rows)
print('ok')
"#;
    let out = Command::new("python3").args(["-c", script]).arg(dir.path()).output().unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// LibreOffice opens the document cleanly and prints it on A4 portrait pages.
#[test]
fn libreoffice_converts_the_docx_to_a4_pages() {
    let soffice = ["soffice", "libreoffice"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()));
    let Some(soffice) = soffice else {
        println!(
            "SKIPPED: LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
        );
        return;
    };
    if Command::new("pdfinfo").arg("-v").output().is_err() {
        println!("SKIPPED: pdfinfo is not installed (apt-get install poppler-utils)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    build(&hospital(), dir.path());
    let profile = dir.path().join("profile");
    let out = Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(dir.path().join("plan.docx"))
        .output()
        .unwrap();
    let pdf = dir.path().join("plan.pdf");
    assert!(
        pdf.exists(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(
        info.contains("Page size:") && info.contains("595.") && info.contains("841."),
        "{info}"
    );
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!((2..=8).contains(&pages), "{pages} pages");
    if Command::new("pdftotext").arg("-v").output().is_ok() {
        let text = Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(text.contains("具体活动安排"), "{text}");
        assert!(text.contains("— 1 —") || text.contains("—1—"), "page numbers: {text}");
    }
}

/// Characters XML 1.0 cannot hold or that terminals and bidirectional text treat as
/// commands, as TOML escapes: in every text a calendar holds.
const STRANGE: &str = r"\u0001\u0008\u000B\u000C\u001B[31m\u007F\u0085\uFFFE\uFFFF\uFDD0\u202E\u2066\U0010FFFF\U0001F389";

#[test]
fn every_writer_handles_every_unicode_scalar() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("strange.toml");
    let text = format!(
        "[calendar]\nname = \"工会{STRANGE}\"\nyear = 2027\ndescription = \"工会{STRANGE}\"\n\n[[events]]\nid = \"a\"\ntitle = \"三八节{STRANGE}\"\ndate = \"03-08\"\nlocation = \"礼堂{STRANGE}\"\ndescription = \"说明{STRANGE}\\n第二行\"\n"
    );
    std::fs::write(&file, text).unwrap();
    let out = dir.path().join("out");
    build(&file, &out);
    for package in ["plan.docx", "plan.xlsx"] {
        let path = out.join(package);
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).unwrap();
            let name = entry.name().to_string();
            if !name.ends_with(".xml") && !name.ends_with(".rels") {
                continue;
            }
            let mut xml = String::new();
            entry.read_to_string(&mut xml).unwrap();
            if let Err(e) = roxmltree::Document::parse(&xml) {
                panic!("{package}/{name} is not well-formed XML: {e}");
            }
        }
    }
    let document = part(&out.join("plan.docx"), "word/document.xml");
    assert!(document.contains("三八节") && document.contains('🎉'), "the text itself is kept");
    // Every text output: no character that a reader refuses or a terminal obeys.
    for name in ["plan.md", "plan.csv", "index.html", "2027-03.html", "print.html", "strange.ics"] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        for bad in ['\u{1}', '\u{8}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{fffe}', '\u{ffff}']
        {
            assert!(!text.contains(bad), "{name} holds {:?}", bad);
        }
        assert!(text.contains("三八节"), "{name}");
        // An override opened in a field is closed within it.
        for line in text.lines().filter(|l| l.contains('\u{202e}')) {
            let opened = line.matches('\u{202e}').count();
            let closed = line.matches('\u{202c}').count();
            assert!(closed >= opened, "{name}: unclosed override in {line:?}");
        }
    }
}

#[test]
fn spreadsheet_limits_and_text_volume_are_refused_before_rendering() {
    let dir = tempfile::tempdir().unwrap();
    // 29 daily rules over a century: more rows than a sheet has.
    let mut rows = String::from("[calendar]\nname = \"x\"\n");
    for i in 0..29 {
        rows.push_str(&format!("[[events]]\nid = \"d{i}\"\ntitle = \"t\"\nrepeat = \"daily\"\n"));
    }
    let file = dir.path().join("rows.toml");
    std::fs::write(&file, rows).unwrap();
    let out = dir.path().join("out");
    super::build::unioncal()
        .arg("build")
        .arg(&file)
        .args(["--from", "2000-01-01", "--to", "2099-12-31", "--out"])
        .arg(&out)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("a spreadsheet has at most 1048575 rows"));
    assert!(!out.exists(), "nothing written");
    // A long description on a daily rule over a century: refused at the rule.
    let text = format!(
        "[calendar]\nname = \"x\"\n[[events]]\nid = \"d\"\ntitle = \"t\"\nrepeat = \"daily\"\ndescription = \"{}\"\n",
        "长".repeat(9000)
    );
    std::fs::write(&file, text).unwrap();
    super::build::unioncal()
        .arg("build")
        .arg(&file)
        .args(["--from", "2000-01-01", "--to", "2099-12-31", "--out"])
        .arg(&out)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(1)
        .stderr(
            predicates::str::contains("more than the 32 MB limit")
                .and(predicates::str::contains("rows.toml:4:6")),
        );
    // A description past its own limit is refused at its line by `check`.
    let text = format!(
        "[calendar]\nname = \"x\"\n[[events]]\nid = \"d\"\ntitle = \"t\"\ndate = \"03-08\"\ndescription = \"{}\"\n",
        "长".repeat(10_001)
    );
    std::fs::write(&file, text).unwrap();
    super::build::unioncal().arg("check").arg(&file).assert().code(1).stderr(
        predicates::str::contains("10001 characters, at most 10000")
            .and(predicates::str::contains("rows.toml:7:15")),
    );
}

#[test]
fn a_long_name_keeps_the_spreadsheet_header_and_prints_nothing_when_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let name = "某某市某某区第一人民医院工会委员会".repeat(9);
    let file = dir.path().join("long.toml");
    std::fs::write(&file, format!("[calendar]\nname = \"{name}\"\nyear = 2027\n[[events]]\nid = \"a\"\ntitle = \"t\"\ndate = \"03-08\"\n")).unwrap();
    let out = dir.path().join("out");
    let output = super::build::unioncal()
        .arg("-q")
        .arg("build")
        .arg(&file)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(out.join("plan.xlsx")).unwrap()).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(
        sheet.contains("<oddHeader>") && sheet.contains("某某市某某区"),
        "the page header is there"
    );
}
