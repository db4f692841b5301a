//! From the plan already written (`unioncal init --from 工作计划.docx`): the year's work plan
//! as an officer wrote it in Word or WPS, read into activities and written as a draft
//! calendar. `source` gives its lines; here its structure is read — month sections in every
//! form officers use (一月份, 1月, （一）一月份工作安排, 第一季度, 上半年, 寒假, 三月至四月),
//! numbered items (1、 1. （1） ① 一、), sub-items (1）2） on one line), items over several
//! lines, and the headings, goals and principles that are no activity; `phrases` reads each
//! item's day, time, place and people; `draft` writes the calendar.

pub mod draft;
pub mod phrases;
pub mod source;

use phrases::When;

/// One activity read from the plan.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Item {
    /// The 1-based line where it starts.
    pub line: usize,
    /// A short title for a month cell.
    pub title: String,
    /// The item's whole text.
    pub text: String,
    /// `date`, `lunar`, `term`, `holiday`, `weekly`, `monthly`, `fortnightly`, `quarterly`,
    /// `month-task` or `year-task`.
    pub kind: &'static str,
    /// The anchor in the kind's notation.
    pub anchor: String,
    /// Before or after the anchor (`-7d`, `-1wd`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<String>,
    /// The months the plan puts it in.
    pub months: Vec<u32>,
    /// `HH:MM` or `HH:MM-HH:MM`, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Where, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Who leads it, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organizer: Option<String>,
    /// Who takes part, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// Whether the text determines the day.
    pub sure: bool,
}

/// A line that is not an activity, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    /// The 1-based line.
    pub line: usize,
    /// `title`, `month`, `heading`, `goal` or `text`.
    pub why: &'static str,
}

/// What a plan holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Reading {
    /// The year the draft is for.
    pub year: i32,
    /// The activities.
    pub items: Vec<Item>,
    /// The lines that are none.
    pub skipped: Vec<Skipped>,
}

/// Numbering levels: 一、 above （一） above 1、 above （1）/① above 1）.
fn numbering(line: &str) -> Option<(u8, &str)> {
    let line = line.trim_start();
    let chinese = |s: &str| {
        phrases::number(s).filter(|(_, used)| s.chars().take(*used).all(|c| !c.is_ascii_digit()))
    };
    let after = |s: &str, used: usize| -> String { s.chars().skip(used).collect() };
    // 一、
    if let Some((_, used)) = chinese(line) {
        if after(line, used).starts_with('、') {
            let rest = &line[line.char_indices().nth(used + 1).map_or(line.len(), |(i, _)| i)..];
            return Some((1, rest));
        }
    }
    // （一） (一) （1） (1)
    for open in ['（', '('] {
        if let Some(inner) = line.strip_prefix(open) {
            if let Some((_, used)) = phrases::number(inner) {
                let tail = after(inner, used);
                if tail.starts_with('）') || tail.starts_with(')') {
                    let level = if chinese(inner).is_some() { 2 } else { 4 };
                    let start =
                        line.len() - tail.len() + tail.chars().next().map_or(0, char::len_utf8);
                    return Some((level, &line[start..]));
                }
            }
        }
    }
    // ① … ⑳
    if let Some(c) = line.chars().next().filter(|c| ('①'..='⑳').contains(c)) {
        return Some((4, &line[c.len_utf8()..]));
    }
    // 1、 1. 1． 1）
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &line[digits..];
        for (mark, level) in [("、", 3), ("．", 3), (".", 3), ("）", 5), (")", 5)] {
            if let Some(rest) = rest.strip_prefix(mark) {
                if !(mark == "."
                    && rest.starts_with(|c: char| c.is_ascii_digit() && rest.len() < 3))
                {
                    return Some((level, rest));
                }
            }
        }
    }
    None
}

/// A month heading (一月份, 1月：, （一）一月份工作安排, 第一季度, 上半年, 寒假, 三月至四月):
/// its months.
fn month_heading(line: &str) -> Option<Vec<u32>> {
    let text = numbering(line).map_or(line, |(_, rest)| rest).trim();
    let core = text
        .trim_end_matches([':', '：', '。'])
        .trim_end_matches("工作安排")
        .trim_end_matches("活动安排")
        .trim_end_matches("安排")
        .trim_end_matches("工作")
        .trim_end_matches("重点")
        .trim_end_matches("份");
    let months = phrases::months(core);
    // Nothing but the months: no activity's words beside them.
    let mut rest = core.to_string();
    for word in [
        "第",
        "季度",
        "上半年",
        "下半年",
        "寒假",
        "暑假",
        "年初",
        "年底",
        "年末",
        "月份",
        "月",
        "至",
        "到",
        "、",
        "和",
    ] {
        rest = rest.replace(word, "");
    }
    let only_months = rest.chars().all(|c| {
        c.is_ascii_digit()
            || "〇零一二两三四五六七八九十廿~～-—–－ 　".contains(c)
            || ('０'..='９').contains(&c)
    });
    (!months.is_empty() && only_months).then_some(months)
}

/// Words of sections that hold goals and principles, not activities.
const GOALS: &[&str] = &[
    "指导思想",
    "工作目标",
    "总体目标",
    "总体要求",
    "基本原则",
    "工作思路",
    "目标任务",
    "主要目标",
];

/// A short title for a month cell: the item's first clause, at most 20 characters.
fn title_of(text: &str) -> String {
    let clause: String = text.chars().take_while(|c| !"，。；：,;:（(".contains(*c)).collect();
    let clause = clause.trim();
    let clause = if clause.is_empty() { text.trim() } else { clause };
    clause.chars().take(20).collect()
}

/// Split `1）…2）…` on one line into its sub-items.
fn sub_items(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let next = (2..10u32).find_map(|n| {
            [format!("{n}）"), format!("{n})")]
                .into_iter()
                .find_map(|mark| rest.find(&mark).map(|at| (at, mark.len())))
        });
        match next {
            Some((at, _)) if at > 0 => {
                out.push(rest[..at].to_string());
                let after = &rest[at..];
                let skip = after
                    .find([')', '）'])
                    .map_or(0, |p| p + after[p..].chars().next().map_or(1, char::len_utf8));
                rest = &after[skip..];
            }
            _ => {
                out.push(rest.to_string());
                return out
                    .into_iter()
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
            }
        }
    }
}

/// The year a plan's first lines name (`2027年工作计划`).
#[must_use]
pub fn year_named(lines: &[String]) -> Option<i32> {
    lines.iter().filter(|l| !l.trim().is_empty()).take(3).find_map(|line| {
        let chars: Vec<char> = line.chars().collect();
        chars.windows(5).find_map(|w| {
            let year: String = w[..4].iter().collect();
            (w[4] == '年' && w[..4].iter().all(char::is_ascii_digit))
                .then(|| year.parse().ok())
                .flatten()
                .filter(|y| (2000..=2100).contains(y))
        })
    })
}

/// The union a plan's title names (`城东小学工会2027年工作计划` → 城东小学工会).
#[must_use]
pub fn union_name(lines: &[String]) -> Option<String> {
    let title = lines.iter().map(|l| l.trim()).find(|l| !l.is_empty())?;
    let name: String = title.chars().take_while(|c| !c.is_ascii_digit()).collect();
    let name = name.trim();
    (name.ends_with("工会") && name.chars().count() <= 30).then(|| name.to_string())
}

/// Read the structure of the plan's `lines` for `year`.
#[must_use]
pub fn read(lines: &[String], year: i32) -> Reading {
    let mut reading = Reading { year, items: Vec::new(), skipped: Vec::new() };
    let mut section_months: Vec<u32> = Vec::new();
    // The level of the heading of a goals section (指导思想, 工作目标) being read: its
    // sub-headings are goals too.
    let mut goals: Option<u8> = None;
    // The item being read (its line and text), which a following unnumbered line continues.
    let mut open: Option<(usize, String)> = None;
    let flush = |open: &mut Option<(usize, String)>, reading: &mut Reading, months: &[u32]| {
        if let Some((line, text)) = open.take() {
            for text in sub_items(&text) {
                reading.items.push(item(line, &text, months, year));
            }
        }
    };
    let numbered: Vec<Option<u8>> =
        lines.iter().map(|l| numbering(l).map(|(level, _)| level)).collect();
    for (index, raw) in lines.iter().enumerate() {
        let number = index + 1;
        let line = raw.trim().trim_matches('\u{3000}');
        if line.is_empty() {
            continue;
        }
        let skip = |reading: &mut Reading, why| reading.skipped.push(Skipped { line: number, why });
        if let Some(months) = month_heading(line) {
            flush(&mut open, &mut reading, &section_months);
            section_months = months;
            goals = None;
            skip(&mut reading, "month");
            continue;
        }
        let level = numbered[index];
        let next_level = numbered[index + 1..]
            .iter()
            .zip(&lines[index + 1..])
            .find(|(_, l)| !l.trim().is_empty())
            .and_then(|(level, _)| *level);
        let text = numbering(line).map_or(line, |(_, rest)| rest).trim().to_string();
        // A heading: a numbered line with deeper numbered lines under it, or a short line
        // ending in a colon.
        // A heading: a numbered line with deeper numbered lines under it; an 一、/（一） line
        // over prose outside the month sections, or a short one; a short line ending in a
        // colon.
        let short = text.chars().count() <= 16;
        let is_heading = match (level, next_level) {
            (Some(l), Some(n)) if n > l => l <= 3 && month_heading(&text).is_none(),
            (Some(l), Some(_)) => l <= 2 && short,
            (Some(l), None) => l <= 2 && (short || section_months.is_empty()),
            (None, _) => false,
        } || (level.is_some() && text.ends_with(['：', ':']) && short);
        if is_heading {
            flush(&mut open, &mut reading, &section_months);
            let this = level.unwrap_or(1);
            goals = if GOALS.iter().any(|g| text.contains(g)) {
                Some(this)
            } else {
                goals.filter(|g| this > *g)
            };
            skip(&mut reading, "heading");
            continue;
        }
        let is_title = reading.items.is_empty()
            && open.is_none()
            && level.is_none()
            && (line.contains("计划") || line.contains("要点") || line.contains("安排"))
            && line.chars().count() <= 40;
        if is_title {
            skip(&mut reading, "title");
            continue;
        }
        if goals.is_some() || GOALS.iter().any(|g| line.starts_with(g)) {
            flush(&mut open, &mut reading, &section_months);
            skip(&mut reading, "goal");
            continue;
        }
        let continues = open.as_ref().is_some_and(|(_, text)| {
            let unfinished = text.ends_with(['、', '，', ',', '：', ':', '（', '(', '“']);
            let ended = text.ends_with(['。', '；', ';', '！', '!', '？', '?']);
            unfinished || (section_months.is_empty() && !ended && phrases::when(line).is_none())
        });
        match (level, open.as_mut()) {
            // An unnumbered line continues the item before it when that one is unfinished.
            (None, Some((_, text))) if continues => {
                text.push_str(line);
            }
            // Prose outside the month sections that names no day: a paragraph, no item.
            (None, _) if section_months.is_empty() && phrases::when(line).is_none() => {
                flush(&mut open, &mut reading, &section_months);
                skip(&mut reading, "text");
            }
            _ => {
                flush(&mut open, &mut reading, &section_months);
                open = Some((number, text));
            }
        }
    }
    flush(&mut open, &mut reading, &section_months);
    reading
}

/// One item read: its day from its text, else its section's months.
fn item(line: usize, text: &str, section: &[u32], year: i32) -> Item {
    let text_months = phrases::months(text);
    let when = phrases::when(text).unwrap_or_else(|| {
        let months = if text_months.is_empty() { section } else { &text_months };
        let kind = if months.is_empty() { "year-task" } else { "month-task" };
        When { kind, anchor: String::new(), offset: None, month: None, sure: true }
    });
    let mut months: Vec<u32> = match when.kind {
        "month-task" if text_months.is_empty() => section.to_vec(),
        "month-task" => text_months.clone(),
        "year-task" => Vec::new(),
        _ => when.month.map(|m| vec![m]).unwrap_or_else(|| section.to_vec()),
    };
    if months.is_empty()
        && !matches!(when.kind, "year-task" | "weekly" | "monthly" | "fortnightly" | "quarterly")
    {
        months = draft::first_month(&when, year).into_iter().collect();
    }
    if when.kind == "quarterly" && months.is_empty() {
        months = vec![3, 6, 9, 12];
    }
    Item {
        line,
        title: title_of(text),
        text: text.to_string(),
        kind: when.kind,
        anchor: when.anchor,
        offset: when.offset,
        months,
        time: phrases::time(text),
        place: phrases::place(text),
        organizer: phrases::organizer(text),
        audience: phrases::audience(text),
        sure: when.sure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn numbering_in_every_form() {
        assert_eq!(numbering("一、指导思想"), Some((1, "指导思想")));
        assert_eq!(numbering("（一）一月份工作安排"), Some((2, "一月份工作安排")));
        assert_eq!(numbering("(二)继续营造"), Some((2, "继续营造")));
        assert_eq!(numbering("1、元旦慰问"), Some((3, "元旦慰问")));
        assert_eq!(numbering("2. 加强教代会"), Some((3, " 加强教代会")));
        assert_eq!(numbering("（1）定期体检"), Some((4, "定期体检")));
        assert_eq!(numbering("①春游"), Some((4, "春游")));
        assert_eq!(numbering("1）通过日常教育"), Some((5, "通过日常教育")));
        assert_eq!(numbering("三八节"), None);
        assert_eq!(numbering("2027年工作计划"), None);
    }

    #[test]
    fn month_sections_in_every_form() {
        for (line, months) in [
            ("一月份", vec![1]),
            ("1月：", vec![1]),
            ("（一）一月份工作安排", vec![1]),
            ("十二月份", vec![12]),
            ("第一季度", vec![1, 2, 3]),
            ("上半年工作", vec![1, 2, 3, 4, 5, 6]),
            ("暑假", vec![7, 8]),
            ("三月至四月", vec![3, 4]),
        ] {
            assert_eq!(month_heading(line), Some(months), "{line}");
        }
        assert_eq!(month_heading("九月收缴会费"), None);
        assert_eq!(month_heading("3月8日三八节"), None);
    }

    #[test]
    fn a_plan_by_months_reads_into_items_with_their_days() {
        let plan = lines(
            "城东小学工会2027年工作计划\n一、指导思想\n坚持以职工为中心。\n二、具体安排\n三月份\n1、三八妇女节活动，地点：职工之家，负责：女工委\n2、围绕庆祝三八妇女节开展读书月\n九月份\n1、收缴会费\n2、教师节表彰大会\n每周一、三、五中午乒乓球室开放\n十二月份\n1、组织女教职工开展拔河、跳绳、\n抱球跑比赛\n",
        );
        let reading = read(&plan, 2027);
        let items: Vec<(usize, &str, &str, Vec<u32>, bool)> = reading
            .items
            .iter()
            .map(|i| (i.line, i.kind, i.anchor.as_str(), i.months.clone(), i.sure))
            .collect();
        assert_eq!(
            items,
            vec![
                (6, "date", "03-08", vec![3], true),
                (7, "date", "03-08", vec![3], false),
                (9, "month-task", "", vec![9], true),
                (10, "date", "09-10", vec![9], true),
                (11, "weekly", "mon|wed|fri", vec![9], true),
                (13, "month-task", "", vec![12], true),
            ]
        );
        assert_eq!(reading.items[0].place.as_deref(), Some("职工之家"));
        assert_eq!(reading.items[0].organizer.as_deref(), Some("女工委"));
        assert_eq!(reading.items[4].time.as_deref(), Some("12:00-13:00"));
        assert!(reading.items[5].text.ends_with("抱球跑比赛"), "an item over two lines");
        let whys: Vec<(usize, &str)> = reading.skipped.iter().map(|s| (s.line, s.why)).collect();
        assert_eq!(
            whys,
            vec![
                (1, "title"),
                (2, "heading"),
                (3, "goal"),
                (4, "heading"),
                (5, "month"),
                (8, "month"),
                (12, "month")
            ]
        );
    }

    #[test]
    fn sub_items_on_one_line_are_items_each() {
        let reading = read(
            &lines("1、提高素质\n1）通过日常教育提高政治素质2）组织劳动竞赛和岗位练兵\n"),
            2027,
        );
        let texts: Vec<&str> = reading.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["通过日常教育提高政治素质", "组织劳动竞赛和岗位练兵"]);
        assert!(reading.items.iter().all(|i| i.line == 2 && i.kind == "year-task"));
    }
}
