//! The phrases of a plan's item, as data: the festivals and commemorations a union keeps,
//! recurrences (每周一、三、五, 每月第一个周三, 隔周, 每季度), dates (3月8日), months (3~5月份),
//! times (中午, 下午三点, 14:00-17:00), places (地点：, 在…举行), who leads (负责：, 由…牵头)
//! and who takes part (参加范围：, 全体女职工). Chinese numerals are read everywhere.

/// What day an item is on, as the import's JSON names it: `kind`, `anchor`, `offset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    /// `date`, `lunar`, `term`, `holiday`, `weekly`, `monthly`, `fortnightly`, `quarterly`,
    /// `month-task`, `year-task`.
    pub kind: &'static str,
    /// The anchor in the kind's notation (`03-08`, `mon|wed|fri`, `1st-wed`, `春节`).
    pub anchor: String,
    /// Before or after the anchor (`-7d`, `-1wd`, `+1d`), when the text says so.
    pub offset: Option<String>,
    /// The month a once-a-year weekday day is in (母亲节: May).
    pub month: Option<u32>,
    /// Whether the text determines the day (false: a festival in passing, no weekday named).
    pub sure: bool,
}

/// The festivals and days a plan names: names as written, kind, anchor, and the month of a
/// day fixed by a weekday.
const FESTIVALS: &[(&[&str], &str, &str, Option<u32>)] = &[
    (&["元旦"], "holiday", "元旦", None),
    (&["春节", "新春", "过年"], "holiday", "春节", None),
    (&["元宵"], "lunar", "01-15", None),
    (&["三八", "妇女节"], "date", "03-08", None),
    (&["植树节"], "date", "03-12", None),
    (&["清明"], "term", "清明", None),
    (&["世界读书日", "读书日"], "date", "04-23", None),
    (&["五一", "劳动节"], "holiday", "劳动节", None),
    (&["五四", "青年节"], "date", "05-04", None),
    (&["护士节"], "date", "05-12", None),
    (&["母亲节"], "monthly", "2nd-sun", Some(5)),
    (&["助残日"], "monthly", "3rd-sun", Some(5)),
    (&["六一", "儿童节"], "date", "06-01", None),
    (&["端午"], "lunar", "05-05", None),
    (&["父亲节"], "monthly", "3rd-sun", Some(6)),
    (&["七一", "建党"], "date", "07-01", None),
    (&["八一", "建军"], "date", "08-01", None),
    (&["全民健身日"], "date", "08-08", None),
    (&["医师节"], "date", "08-19", None),
    (&["教师节"], "date", "09-10", None),
    (&["中秋"], "lunar", "08-15", None),
    (&["国庆"], "date", "10-01", None),
    (&["重阳", "敬老节"], "lunar", "09-09", None),
    (&["消防日", "消防宣传日"], "date", "11-09", None),
    (&["宪法日", "宪法宣传日"], "date", "12-04", None),
    (&["冬至"], "term", "冬至", None),
    (&["初伏", "三伏", "送清凉"], "term", "初伏", None),
];

/// The festivals and days the form offers: their names as one label, kind, anchor and
/// the month of a day fixed by a weekday.
pub fn festival_choices() -> impl Iterator<Item = (String, &'static str, &'static str, Option<u32>)>
{
    FESTIVALS.iter().map(|(names, kind, anchor, month)| (names.join("/"), *kind, *anchor, *month))
}

/// Words that put a festival in passing: the item is around it, not on it for sure.
const IN_PASSING: &[&str] = &["围绕", "结合", "契机", "为主题", "前后", "为庆祝"];

const WEEKDAYS: [(&str, char); 7] = [
    ("mon", '一'),
    ("tue", '二'),
    ("wed", '三'),
    ("thu", '四'),
    ("fri", '五'),
    ("sat", '六'),
    ("sun", '日'),
];

/// A Chinese or Arabic number at the start of `text` (十二, 二十五, 廿三, 12, １２): its value
/// and the characters it took.
pub fn number(text: &str) -> Option<(u32, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let digits: String = chars
        .iter()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .map(|c| {
            if c.is_ascii_digit() {
                *c
            } else {
                char::from_u32(*c as u32 - 0xFEE0).unwrap_or('0')
            }
        })
        .collect();
    if !digits.is_empty() {
        return digits.parse().ok().map(|n| (n, digits.chars().count()));
    }
    let digit = |c: char| {
        "〇零一二两三四五六七八九".find(c).map(|_| match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            _ => 9,
        })
    };
    let (mut value, mut used, mut current) = (0, 0, None::<u32>);
    for &c in &chars {
        if let Some(d) = digit(c) {
            if current.is_some() {
                break;
            }
            current = Some(d);
        } else if c == '十' {
            value += current.unwrap_or(1) * 10;
            current = None;
        } else if c == '廿' {
            value += 20;
        } else {
            break;
        }
        used += 1;
    }
    (used > 0).then(|| (value + current.unwrap_or(0), used))
}

/// The weekday a character names (一 … 日, 天, 七 for Sunday).
fn weekday_of(c: char) -> Option<&'static str> {
    match c {
        '天' | '七' => Some("sun"),
        c => WEEKDAYS.iter().find(|(_, w)| *w == c).map(|(k, _)| *k),
    }
}

/// The weekdays written after a "每周"/"星期" at the start of `text`: 一、三、五 / 一至五 /
/// 二和四.
fn weekdays_after(text: &str) -> Vec<&'static str> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<&'static str> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(day) = weekday_of(chars[i]) else { break };
        // 每周一次, 每周二次: a count, not a day.
        if matches!(chars.get(i + 1), Some('次' | '回' | '遍')) {
            break;
        }
        out.push(day);
        i += 1;
        // 一至五: the days between.
        if matches!(chars.get(i), Some('至' | '到' | '-' | '～' | '~')) {
            // 一至五, 一至周五, 一到星期五.
            let skip = match (chars.get(i + 1), chars.get(i + 2)) {
                (Some('周'), _) => 1,
                (Some('星'), Some('期')) => 2,
                _ => 0,
            };
            i += skip;
            if let Some(last) = chars.get(i + 1).and_then(|c| weekday_of(*c)) {
                let index = |d: &str| WEEKDAYS.iter().position(|(k, _)| *k == d).unwrap_or(0);
                for (key, _) in &WEEKDAYS[index(day) + 1..=index(last).max(index(day))] {
                    out.push(key);
                }
                i += 2;
            }
        }
        // Separators, and 周/星期 repeated before the next day.
        while matches!(chars.get(i), Some('、' | '，' | ',' | '和' | '及' | '与' | '/' | '周'))
        {
            i += 1;
        }
        if chars[i..].starts_with(&['星', '期']) {
            i += 2;
        }
    }
    out
}

/// A recurrence the text states: weekly, monthly, fortnightly, quarterly, per term.
fn recurrence(text: &str) -> Option<When> {
    let when = |kind, anchor: String, sure| When { kind, anchor, offset: None, month: None, sure };
    for lead in ["每两周", "隔周", "双周", "单周"] {
        if let Some(at) = text.find(lead) {
            let rest = &text[at + lead.len()..];
            let rest = rest.trim_start_matches(['的', '周', '星', '期']);
            let days = weekdays_after(rest.trim_start_matches(['的', '周', '星', '期']));
            return Some(match days.first() {
                Some(day) => when("fortnightly", (*day).to_string(), true),
                None => when("fortnightly", "mon".to_string(), false),
            });
        }
    }
    for lead in ["每周", "每星期", "每个星期", "每个周", "每礼拜"] {
        if let Some(at) = text.find(lead) {
            let rest = &text[at + lead.len()..];
            let rest = rest.trim_start_matches(['的', '星', '期']);
            let days = weekdays_after(rest);
            return Some(if days.is_empty() {
                when("weekly", "mon".to_string(), false)
            } else {
                when("weekly", days.join("|"), true)
            });
        }
    }
    if let Some(at) = text.find("每月").or_else(|| text.find("每个月")) {
        let rest = &text[at..];
        let rest = rest.trim_start_matches("每个月").trim_start_matches("每月");
        let rest = rest.trim_start_matches('的');
        if let Some(after) = rest.strip_prefix("最后一个").or_else(|| rest.strip_prefix("最后一"))
        {
            let after = after.trim_start_matches(['周', '星', '期', '礼', '拜']);
            if let Some(day) = after.chars().next().and_then(weekday_of) {
                return Some(when("monthly", format!("last-{day}"), true));
            }
        }
        if let Some(after) = rest.strip_prefix('第') {
            if let Some((n, used)) = number(after) {
                let after: String = after.chars().skip(used).collect();
                let after = after.trim_start_matches(['个', '周', '星', '期', '礼', '拜']);
                if let (Some(day), 1..=5) = (after.chars().next().and_then(weekday_of), n) {
                    let nth = ["1st", "2nd", "3rd", "4th", "5th"][n as usize - 1];
                    return Some(when("monthly", format!("{nth}-{day}"), true));
                }
            }
        }
        let rest = rest.trim_start_matches('初');
        if let Some((n, used)) = number(rest) {
            let unit = rest.chars().nth(used);
            if matches!(unit, Some('日' | '号')) && (1..=31).contains(&n) {
                return Some(when("monthly", format!("day-{n}"), true));
            }
        }
        if rest.starts_with("月底") || rest.starts_with("底") || rest.starts_with("末") {
            return Some(when("monthly", "day-31".to_string(), false));
        }
    }
    if text.contains("每季度") || text.contains("每个季度") || text.contains("每一季度")
    {
        return Some(when("quarterly", String::new(), false));
    }
    None
}

/// A festival the text names, with 节前/节后 read as an offset.
fn festival(text: &str) -> Option<When> {
    let (at, name, names, kind, anchor, month) = FESTIVALS
        .iter()
        .flat_map(|(names, kind, anchor, month)| {
            names.iter().filter_map(move |n| {
                text.find(n).map(|at| (at, *n, *names, *kind, *anchor, *month))
            })
        })
        .min_by_key(|(at, ..)| *at)?;
    // Past the name and its other names (五一劳动节前): what follows says before or after.
    let mut after = &text[at + name.len()..];
    while let Some(rest) = names.iter().find_map(|n| after.strip_prefix(n)) {
        after = rest;
    }
    let after = after.trim_start_matches(['节', '日']);
    let before_text = &text[..at];
    let offset = if after.starts_with("前一周") || after.starts_with("前1周") {
        Some("-7d".to_string())
    } else if after.starts_with("后第一个工作日")
        || after.starts_with("后的第一个工作日")
        || after.starts_with("节后上班")
    {
        Some("+1wd".to_string())
    } else if after.starts_with("前夕") || after.starts_with("前") && kind == "holiday" {
        Some(if kind == "holiday" { "-1wd" } else { "-1d" }.to_string())
    } else if after.starts_with('后') && kind == "holiday" {
        Some("+1wd".to_string())
    } else {
        None
    };
    let offset = offset.or_else(|| before_text.ends_with("节前").then(|| "-1wd".to_string()));
    // 三伏 送清凉 and 节前 visits are dated by rule; a festival that only frames the item is not.
    let passing = IN_PASSING.iter().any(|w| before_text.contains(w));
    // 春节期间: some day of the break, not its first.
    let during = kind == "holiday" && offset.is_none() && after.starts_with("期间");
    let sure = !passing && !during;
    Some(When { kind, anchor: anchor.to_string(), offset, month, sure })
}

/// `N月N日` (or 号) in the text: month and day.
fn month_day(text: &str) -> Option<(u32, u32)> {
    for (at, _) in text.match_indices('月') {
        let before: String = text[..at]
            .chars()
            .rev()
            .take_while(|c| number(&c.to_string()).is_some() || *c == '十')
            .collect();
        let before: String = before.chars().rev().collect();
        let month = number(&before)
            .filter(|(m, used)| (1..=12).contains(m) && *used == before.chars().count())?
            .0;
        let after = &text[at + '月'.len_utf8()..];
        if let Some((day, used)) = number(after) {
            if matches!(after.chars().nth(used), Some('日' | '号')) && (1..=31).contains(&day) {
                return Some((month, day));
            }
        }
    }
    None
}

/// The months a text names: 3月, 3~5月份, 三月至四月, 九月份, 第一季度, 上半年, 寒假, 暑假.
#[must_use]
pub fn months(text: &str) -> Vec<u32> {
    let spans: &[(&str, &[u32])] = &[
        ("第一季度", &[1, 2, 3]),
        ("一季度", &[1, 2, 3]),
        ("第二季度", &[4, 5, 6]),
        ("二季度", &[4, 5, 6]),
        ("第三季度", &[7, 8, 9]),
        ("三季度", &[7, 8, 9]),
        ("第四季度", &[10, 11, 12]),
        ("四季度", &[10, 11, 12]),
        ("上半年", &[1, 2, 3, 4, 5, 6]),
        ("下半年", &[7, 8, 9, 10, 11, 12]),
        ("寒假", &[1, 2]),
        ("暑假", &[7, 8]),
        ("年初", &[1]),
        ("年底", &[12]),
        ("年末", &[12]),
    ];
    if let Some((_, months)) = spans.iter().find(|(w, _)| text.contains(w)) {
        return months.to_vec();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..].iter().collect();
        let preceded_by_number = i > 0 && number(&chars[i - 1].to_string()).is_some();
        match number(&rest) {
            Some((first, used)) if !preceded_by_number => {
                let after: String = chars[i + used..].iter().collect();
                // A range: 3~5月, 3-5月, 三月至四月, 3月—5月.
                let (after_first, single) = match after.strip_prefix('月') {
                    Some(rest) => (rest.to_string(), true),
                    None => (after.clone(), false),
                };
                let joined = after_first.trim_start_matches(['~', '～', '-', '—', '–', '至', '到']);
                let ranged = joined.len() < after_first.len();
                if let (true, Some((last, used_last))) = (ranged, number(joined)) {
                    let tail: String = joined.chars().skip(used_last).collect();
                    if tail.starts_with('月')
                        && (1..=12).contains(&first)
                        && (first..=12).contains(&last)
                    {
                        out.extend(first..=last);
                        i +=
                            used + (after.chars().count() - joined.chars().count()) + used_last + 1;
                        continue;
                    }
                }
                // A day (3月8日) is a date, not a month.
                let day_follows = single
                    && number(&after_first).is_some_and(|(_, u)| {
                        matches!(after_first.chars().nth(u), Some('日' | '号'))
                    });
                if single
                    && (1..=12).contains(&first)
                    && !day_follows
                    && !after_first.starts_with('底')
                {
                    out.push(first);
                }
                i += used.max(1);
            }
            _ => i += 1,
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// What day the item's text says it is on, without its section's months.
#[must_use]
pub fn when(text: &str) -> Option<When> {
    if let Some(when) = recurrence(text) {
        return Some(when);
    }
    if let Some((m, d)) = month_day(text) {
        let when = When {
            kind: "date",
            anchor: format!("{m:02}-{d:02}"),
            offset: None,
            month: None,
            sure: true,
        };
        return Some(when);
    }
    festival(text)
}

/// A time the text states, as `HH:MM` or `HH:MM-HH:MM`: 中午 is 12:00-13:00.
#[must_use]
pub fn time(text: &str) -> Option<String> {
    let half = crate::config::half_width(text).replace('：', ":");
    // 14:00-17:00, 9:30
    let chars: Vec<char> = half.chars().collect();
    let clock = |i: usize| -> Option<(u32, u32, usize)> {
        let rest: String = chars[i..].iter().collect();
        let (h, used) =
            number(&rest).filter(|(_, u)| rest.chars().take(*u).all(|c| c.is_ascii_digit()))?;
        let after: String = rest.chars().skip(used).collect();
        let m = after.strip_prefix(':')?;
        let (m, used_m) = number(m).filter(|(m, u)| *u == 2 && *m < 60)?;
        (h < 24).then_some((h, m, used + 1 + used_m))
    };
    let mut times = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if (i == 0 || !chars[i - 1].is_ascii_digit()) && chars[i].is_ascii_digit() {
            if let Some((h, m, used)) = clock(i) {
                // 下午2:30, 晚上7:00 — and the end of a range after one (下午2:30-4:30).
                let before: String = chars[i.saturating_sub(2)..i].iter().collect();
                let afternoon = before == "下午" || before == "晚上";
                let after_afternoon = times.first().is_some_and(|(first, _)| *first >= 12);
                let pm = h < 12 && (afternoon || after_afternoon);
                times.push((if pm { h + 12 } else { h }, m));
                i += used;
                continue;
            }
        }
        i += 1;
    }
    if let Some((h, m)) = times.first() {
        return Some(match times.get(1) {
            Some((h2, m2)) => format!("{h:02}:{m:02}-{h2:02}:{m2:02}"),
            None => format!("{h:02}:{m:02}"),
        });
    }
    // 下午三点, 上午九点半, 晚上7点
    for (word, pm) in [("下午", true), ("晚上", true), ("上午", false), ("早上", false)] {
        if let Some(at) = half.find(word) {
            let rest = &half[at + word.len()..];
            if let Some((h, used)) = number(rest) {
                let tail: String = rest.chars().skip(used).collect();
                if tail.starts_with('点') || tail.starts_with('时') {
                    let h = if pm && h < 12 { h + 12 } else { h };
                    let m = if tail.chars().nth(1) == Some('半') { 30 } else { 0 };
                    return (h < 24).then(|| format!("{h:02}:{m:02}"));
                }
            }
        }
    }
    text.contains("中午").then(|| "12:00-13:00".to_string())
}

/// The text after `label` (`地点：`) up to the end of its clause.
fn labelled(text: &str, labels: &[&str]) -> Option<String> {
    for label in labels {
        if let Some(at) = text.find(label) {
            let rest = text[at + label.len()..].trim_start_matches([':', '：', ' ']);
            let value: String =
                rest.chars().take_while(|c| !"，。；;,、）)\n".contains(*c)).collect();
            let value = value.trim().to_string();
            if !value.is_empty() && value.chars().count() <= 20 {
                return Some(value);
            }
        }
    }
    None
}

/// The text between `open` and the first of `closes`, when short.
fn between(text: &str, open: &str, closes: &[&str]) -> Option<String> {
    let at = text.find(open)?;
    let rest = &text[at + open.len()..];
    let (end, _) = closes.iter().filter_map(|c| rest.find(c).map(|e| (e, c))).min()?;
    let value = rest[..end].trim();
    (2..=12).contains(&value.chars().count()).then(|| value.to_string())
}

/// Where the item takes place.
#[must_use]
pub fn place(text: &str) -> Option<String> {
    labelled(text, &["地点：", "地点:", "地点为", "地址："]).or_else(|| {
        between(text, "在", &["举行", "召开", "举办", "开展", "进行"])
            .filter(|p| !p.contains(['年', '月', '日', '前', '后']))
    })
}

/// Who leads the item.
#[must_use]
pub fn organizer(text: &str) -> Option<String> {
    labelled(text, &["负责人：", "负责人:", "负责：", "负责:", "牵头：", "责任部门："])
        .or_else(|| between(text, "由", &["牵头", "负责", "组织", "承办"]))
}

/// Who takes part.
#[must_use]
pub fn audience(text: &str) -> Option<String> {
    if let Some(value) =
        labelled(text, &["参加范围：", "参加范围:", "参加人员：", "参加对象：", "对象："])
    {
        return Some(value);
    }
    const GROUPS: &[&str] = &[
        "全体女职工",
        "全体女教职工",
        "全体教职工",
        "全体职工",
        "全体会员",
        "全体党员",
        "离退休职工",
        "退休职工",
        "退休教师",
        "离退休老同志",
        "青年职工",
        "青年教师",
        "新入职教师",
        "新进教师",
        "困难职工",
        "一线职工",
        "女职工",
        "女教职工",
    ];
    GROUPS.iter().find(|g| text.contains(*g)).map(|g| (*g).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_anchor(text: &str) -> Option<(String, String, Option<String>, bool)> {
        when(text).map(|w| (w.kind.to_string(), w.anchor, w.offset, w.sure))
    }

    #[test]
    fn numbers_in_both_notations() {
        assert_eq!(number("十二月"), Some((12, 2)));
        assert_eq!(number("二十五日"), Some((25, 3)));
        assert_eq!(number("廿三"), Some((23, 2)));
        assert_eq!(number("三"), Some((3, 1)));
        assert_eq!(number("１２"), Some((12, 2)));
        assert_eq!(number("12月"), Some((12, 2)));
        assert_eq!(number("月"), None);
    }

    #[test]
    fn recurrences_as_plans_write_them() {
        let cases = [
            ("每周一、三、五中午乒乓球室开放", ("weekly", "mon|wed|fri")),
            ("每周一至周五开放职工书屋", ("weekly", "mon|tue|wed|thu|fri")),
            ("每星期二下午政治学习", ("weekly", "tue")),
            ("每周一次的班组学习", ("weekly", "mon")),
            ("每月第一个周三工会接待日", ("monthly", "1st-wed")),
            ("每月第三个星期五召开工会小组长会", ("monthly", "3rd-fri")),
            ("每月最后一个周五集体生日会", ("monthly", "last-fri")),
            ("每月15日收缴会费", ("monthly", "day-15")),
            ("每月二十号发放", ("monthly", "day-20")),
            ("隔周周四教工活动", ("fortnightly", "thu")),
            ("每两周组织一次瑜伽", ("fortnightly", "mon")),
            ("每季度召开一次分析会", ("quarterly", "")),
        ];
        for (text, (kind, anchor)) in cases {
            let got = kind_anchor(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((got.0.as_str(), got.1.as_str()), (kind, anchor), "{text}");
        }
        assert!(!kind_anchor("每两周组织一次瑜伽").unwrap().3, "a weekday not named");
        assert!(!kind_anchor("每周一次的班组学习").unwrap().3, "once a week, no day");
    }

    #[test]
    fn festivals_and_their_befores_and_afters() {
        let cases = [
            ("三八妇女节组织女职工登山", ("date", "03-08", None)),
            ("端午节包粽子比赛", ("lunar", "05-05", None)),
            ("中秋节前发放慰问品", ("lunar", "08-15", None)),
            ("春节前走访慰问困难职工", ("holiday", "春节", Some("-1wd"))),
            ("春节前一周走访困难职工", ("holiday", "春节", Some("-7d"))),
            ("五一劳动节前表彰劳动模范", ("holiday", "劳动节", Some("-1wd"))),
            ("国庆节后第一个工作日升旗", ("date", "10-01", Some("+1wd"))),
            ("元宵节猜灯谜", ("lunar", "01-15", None)),
            ("母亲节为女职工送花", ("monthly", "2nd-sun", None)),
            ("重阳节走访退休教师", ("lunar", "09-09", None)),
            ("三伏天送清凉", ("term", "初伏", None)),
            ("3月12日植树", ("date", "03-12", None)),
            ("九月十日教师节表彰", ("date", "09-10", None)),
        ];
        for (text, (kind, anchor, offset)) in cases {
            let got = kind_anchor(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (got.0.as_str(), got.1.as_str(), got.2.as_deref()),
                (kind, anchor, offset),
                "{text}"
            );
        }
        assert!(!kind_anchor("围绕庆祝三八妇女节开展系列活动").unwrap().3, "in passing");
        assert!(!kind_anchor("春节期间安排值班慰问").unwrap().3, "some day of the break");
        assert_eq!(when("母亲节为女职工送花").unwrap().month, Some(5));
    }

    #[test]
    fn months_times_places_and_people() {
        assert_eq!(months("3~5月份完成换届准备"), vec![3, 4, 5]);
        assert_eq!(months("九月份收缴会费"), vec![9]);
        assert_eq!(months("三月至四月开展读书活动"), vec![3, 4]);
        assert_eq!(months("第一季度"), vec![1, 2, 3]);
        assert_eq!(months("3月8日"), Vec::<u32>::new());
        assert_eq!(months("十二月份"), vec![12]);
        assert_eq!(time("每周一、三、五中午").as_deref(), Some("12:00-13:00"));
        assert_eq!(time("下午三点召开").as_deref(), Some("15:00"));
        assert_eq!(time("上午9:30在礼堂").as_deref(), Some("09:30"));
        assert_eq!(time("14:00-17:00").as_deref(), Some("14:00-17:00"));
        assert_eq!(time("下午2:30-4:30").as_deref(), Some("14:30-16:30"));
        assert_eq!(time("上午九点半").as_deref(), Some("09:30"));
        assert_eq!(place("地点：职工之家，负责：女工委").as_deref(), Some("职工之家"));
        assert_eq!(place("在学校操场举行运动会").as_deref(), Some("学校操场"));
        assert_eq!(organizer("地点：职工之家，负责：女工委").as_deref(), Some("女工委"));
        assert_eq!(organizer("由工会办公室牵头").as_deref(), Some("工会办公室"));
        assert_eq!(audience("参加范围：全体女职工").as_deref(), Some("全体女职工"));
        assert_eq!(audience("组织离退休职工体检").as_deref(), Some("离退休职工"));
    }
}
