//! The notice's text: its lines folded to half width, dates as written, item numbers and
//! headings, the festivals a line names, and the layout of title, number, items and
//! paragraphs.

use chrono::Weekday;

use super::super::holidays::Festival;

/// A character of the text after folding full-width forms, with its byte offset in the
/// original text (so messages point at what the user pasted).
#[derive(Debug, Clone, Copy)]
pub(super) struct Ch {
    pub(super) c: char,
    pub(super) at: usize,
}

pub(super) fn fold(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '（' => '(',
        '）' => ')',
        '：' => ':',
        '，' => ',',
        '；' => ';',
        '．' => '.',
        '～' | '〜' => '~',
        '－' | '﹣' => '-',
        '\u{3000}' | '\t' | '\u{a0}' => ' ',
        _ => c,
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct DateTok {
    pub(super) year: Option<i32>,
    pub(super) month: Option<u32>,
    pub(super) day: u32,
    pub(super) start: usize,
    pub(super) end: usize,
}

pub(super) const NUMERALS: &str = "一二三四五六七八九十";

pub(super) fn span_of(
    chars: &[Ch],
    range: std::ops::Range<usize>,
    len: usize,
) -> std::ops::Range<usize> {
    let start = chars.get(range.start).map_or(len, |c| c.at);
    let end = if range.end > range.start {
        // The next character's offset: a folded character may be narrower than the
        // original (`：` is three bytes, `:` one).
        chars.get(range.end).map_or(len, |c| c.at).max(start + 1)
    } else {
        start + 1
    };
    start..end
}

pub(super) fn text_of(chars: &[Ch]) -> String {
    chars.iter().map(|c| c.c).collect()
}

pub(super) fn is_digit(chars: &[Ch], i: usize) -> bool {
    chars.get(i).is_some_and(|c| c.c.is_ascii_digit())
}

pub(super) fn skip_spaces(chars: &[Ch], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.c == ' ') {
        i += 1;
    }
    i
}

/// A number of at most `max` digits at `i`, and where it ends.
pub(super) fn number(chars: &[Ch], i: usize, max: usize) -> Option<(u32, usize)> {
    let mut j = i;
    let mut value: u32 = 0;
    while is_digit(chars, j) {
        value = value * 10 + chars[j].c.to_digit(10)?;
        j += 1;
        if j - i > max {
            return None;
        }
    }
    (j > i).then_some((value, j))
}

/// `[YYYY年][M月]D日` at `i`.
pub(super) fn date_at(chars: &[Ch], i: usize) -> Option<DateTok> {
    if i > 0 && is_digit(chars, i - 1) {
        return None;
    }
    let (first, j) = number(chars, i, 4)?;
    let j = skip_spaces(chars, j);
    let mut tok = DateTok { year: None, month: None, day: 0, start: i, end: 0 };
    let mut j = match chars.get(j).map(|c| c.c) {
        Some('年') if j - i >= 4 => {
            tok.year = i32::try_from(first).ok();
            let k = skip_spaces(chars, j + 1);
            let (month, k) = number(chars, k, 2)?;
            let k = skip_spaces(chars, k);
            if chars.get(k)?.c != '月' {
                return None;
            }
            tok.month = Some(month);
            let k = skip_spaces(chars, k + 1);
            let (day, k) = number(chars, k, 2)?;
            tok.day = day;
            k
        }
        Some('月') => {
            tok.month = Some(first);
            let k = skip_spaces(chars, j + 1);
            let (day, k) = number(chars, k, 2)?;
            tok.day = day;
            k
        }
        Some('日') => {
            tok.day = first;
            j
        }
        _ => return None,
    };
    j = skip_spaces(chars, j);
    if !matches!(chars.get(j)?.c, '日' | '号') || tok.day == 0 {
        return None;
    }
    tok.end = j + 1;
    Some(tok)
}

/// The weekday an annotation such as `（星期六）`, `（周日）` or `（农历除夕、周二）` names.
pub(super) fn annotated_weekday(text: &str) -> Option<(Weekday, String)> {
    let chars: Vec<char> = text.chars().collect();
    for (i, window) in chars.windows(2).enumerate() {
        let prefix_len = if window[0] == '周' {
            1
        } else if i + 2 < chars.len()
            && matches!((window[0], window[1]), ('星', '期') | ('礼', '拜'))
        {
            2
        } else {
            continue;
        };
        let Some(&day) = chars.get(i + prefix_len) else { continue };
        let weekday = match day {
            '一' => Weekday::Mon,
            '二' => Weekday::Tue,
            '三' => Weekday::Wed,
            '四' => Weekday::Thu,
            '五' => Weekday::Fri,
            '六' => Weekday::Sat,
            '日' | '天' => Weekday::Sun,
            _ => continue,
        };
        return Some((weekday, chars[i..=i + prefix_len].iter().collect()));
    }
    None
}

pub(super) fn weekday_zh(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "星期一",
        Weekday::Tue => "星期二",
        Weekday::Wed => "星期三",
        Weekday::Thu => "星期四",
        Weekday::Fri => "星期五",
        Weekday::Sat => "星期六",
        Weekday::Sun => "星期日",
    }
}

/// The festivals a heading or title names, in the order named.
pub(super) fn festivals_named(text: &str) -> Vec<Festival> {
    let text: String = text.chars().filter(|c| !"“”\"'‘’「」".contains(*c)).collect();
    let patterns = [
        ("元旦", Festival::NewYear),
        ("春节", Festival::SpringFestival),
        ("清明", Festival::Qingming),
        ("劳动节", Festival::Labour),
        ("五一", Festival::Labour),
        ("端午", Festival::DragonBoat),
        ("中秋", Festival::MidAutumn),
        ("国庆", Festival::National),
    ];
    let mut found: Vec<(usize, Festival)> = patterns
        .iter()
        .filter_map(|(pattern, festival)| text.find(pattern).map(|at| (at, *festival)))
        .collect();
    if text.trim() == "十一" {
        found.push((0, Festival::National));
    }
    found.sort_by_key(|(at, _)| *at);
    let mut out = Vec::new();
    for (_, festival) in found {
        if !out.contains(&festival) {
            out.push(festival);
        }
    }
    out
}

pub(super) fn festival_names(festivals: &[Festival]) -> String {
    festivals.iter().map(|f| f.name()).collect::<Vec<_>>().join("、")
}

/// The name of a break a later notice adds without a festival, from its title:
/// `国务院关于中国人民抗日战争暨…纪念日调休放假的通知` → `中国人民抗日战争暨…纪念日`.
pub(super) fn name_from_title(title: &str) -> Option<String> {
    let rest = title.split_once("关于").map_or(title, |(_, rest)| rest);
    let mut rest = rest.trim().trim_end_matches("的通知").trim_end_matches("通知");
    for suffix in ["调休放假", "放假调休", "假期安排", "放假安排", "部分节假日安排", "放假", "安排"]
    {
        rest = rest.trim_end_matches(suffix);
    }
    for prefix in ["调整", "延长"] {
        rest = rest.trim_start_matches(prefix);
    }
    let rest = rest.trim();
    (!rest.is_empty()).then(|| rest.to_string())
}

/// The first `YYYY年` in `text`.
pub(super) fn first_year(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len().saturating_sub(4) {
        let digits = &chars[i..i + 4];
        if digits.iter().all(char::is_ascii_digit)
            && chars[i + 4] == '年'
            && (i == 0 || !chars[i - 1].is_ascii_digit())
        {
            return digits.iter().collect::<String>().parse().ok();
        }
    }
    None
}

/// Where an item's numbering (`一、`) ends, or `None` when the line starts no item. A line
/// starting with a festival's name and a colon (`元旦：…`, numbering lost in copying)
/// starts one too.
pub(super) fn item_start(chars: &[Ch]) -> Option<(usize, usize)> {
    numbering(chars)
        .map(|end| (0, end))
        .or_else(|| heading(chars).filter(|(h, _)| !festivals_named(h).is_empty()).map(|_| (0, 0)))
}

/// Where an item's number ends: `一、` `一.` `（一）` `1、` `1.` `(1)` `1）` `①`, each
/// perhaps followed by spaces. A digit followed by `月` or `日` is a date, not a number.
pub(super) fn numbering(chars: &[Ch]) -> Option<usize> {
    let is_numeral = |c: char| NUMERALS.contains(c) || c.is_ascii_digit();
    let after = |end: usize| Some(skip_spaces(chars, end));
    let first = chars.first()?.c;
    if ('\u{2460}'..='\u{2473}').contains(&first) || ('\u{2776}'..='\u{277f}').contains(&first) {
        // ①…⑳, ❶…❿, perhaps followed by `、`.
        let end = if chars.get(1).is_some_and(|c| matches!(c.c, '、' | '.')) { 2 } else { 1 };
        return after(end);
    }
    if first == '(' {
        let n = chars[1..].iter().take_while(|c| is_numeral(c.c)).count();
        return (n > 0 && n <= 3 && chars.get(n + 1).is_some_and(|c| c.c == ')'))
            .then(|| skip_spaces(chars, n + 2));
    }
    let n = chars.iter().take_while(|c| is_numeral(c.c)).count();
    if n == 0 || n > 3 {
        return None;
    }
    let digits = chars[..n].iter().all(|c| c.c.is_ascii_digit());
    let numerals = chars[..n].iter().all(|c| NUMERALS.contains(c.c));
    let mark = chars.get(n).map(|c| c.c);
    let next_is_digit = is_digit(chars, n + 1);
    match mark {
        Some('、') if digits || numerals => after(n + 1),
        Some('.' | ',') if numerals => after(n + 1),
        Some('.') if digits && !next_is_digit => after(n + 1),
        Some(')') if digits => after(n + 1),
        _ => None,
    }
}

/// A heading `元旦：` at the start of an item: its text and where the body starts.
pub(super) fn heading(chars: &[Ch]) -> Option<(String, usize)> {
    let colon = chars.iter().take(30).position(|c| c.c == ':')?;
    let head = text_of(&chars[..colon]);
    (!head.chars().any(|c| c.is_ascii_digit()) && !head.trim().is_empty())
        .then_some((head, colon + 1))
}

pub(super) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | ';' | '\n' | '.')
}

/// The lines of a notice's text from `body_start`, folded, each with the byte offset of
/// its line. A notice pasted as one long line is cut where each `。二、` starts an item.
pub(super) fn lines_of(text: &str, body_start: usize) -> Vec<(usize, Vec<Ch>)> {
    let mut lines = Vec::new();
    let mut offset = body_start;
    for raw_line in text[body_start..].split_inclusive('\n') {
        let line_start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let chars: Vec<Ch> =
            line.char_indices().map(|(i, c)| Ch { c: fold(c), at: line_start + i }).collect();
        let mut from = 0;
        for i in 1..chars.len() {
            let numbered = item_start(&chars[i..]).is_some_and(|(_, rest)| rest > 0);
            let after_sentence = chars[..i]
                .iter()
                .rev()
                .find(|c| c.c != ' ')
                .is_some_and(|c| matches!(c.c, '。' | ';'));
            if numbered && after_sentence {
                lines.push((line_start, chars[from..i].to_vec()));
                from = i;
            }
        }
        lines.push((line_start, chars[from..].to_vec()));
    }
    lines
}

/// A notice's parts: its title (with its offset), its document number, its numbered
/// items and its other paragraphs; the addressees and what follows the signature are
/// left out.
#[derive(Default)]
pub(super) struct Layout {
    pub(super) title: Option<(String, usize)>,
    pub(super) number: Option<String>,
    pub(super) items: Vec<Vec<Ch>>,
    pub(super) paragraphs: Vec<Vec<Ch>>,
}

impl Layout {
    pub(super) fn of(text: &str, lines: &[(usize, Vec<Ch>)]) -> Self {
        let mut layout = Self::default();
        for (line_start, chars) in lines {
            let line_start = *line_start;
            let chars: Vec<Ch> = chars.iter().copied().skip_while(|c| c.c == ' ').collect();
            let line = match (chars.first(), chars.last()) {
                (Some(first), Some(last)) => {
                    let width = text[last.at..].chars().next().map_or(0, char::len_utf8);
                    &text[first.at..last.at + width]
                }
                _ => "",
            };
            let folded = text_of(&chars);
            let trimmed = folded.trim();
            if trimmed.is_empty() {
                continue;
            }
            if matches!(trimmed, "国务院办公厅" | "国务院") {
                break;
            }
            if layout.title.is_none()
                && layout.items.is_empty()
                && trimmed.ends_with("通知")
                && trimmed.contains("关于")
            {
                layout.title = Some((line.trim().to_string(), line_start));
            } else if layout.number.is_none()
                && trimmed.ends_with('号')
                && (trimmed.contains('〔') || trimmed.contains('[') || trimmed.contains('［'))
                && trimmed.chars().count() < 30
            {
                layout.number = Some(line.trim().to_string());
            } else if trimmed.ends_with(':')
                && ["各省", "人民政府", "直属机构", "各部委"].iter().any(|w| trimmed.contains(w))
            {
                // The addressees.
            } else if item_start(&chars).is_some() {
                layout.items.push(chars);
            } else if let Some(item) = layout.items.last_mut() {
                item.push(Ch { c: '\n', at: line_start });
                item.extend(chars);
            } else {
                layout.paragraphs.push(chars);
            }
        }
        layout
    }

    /// The notice's year: from its title, else `given`, else from a title inside a longer
    /// line (`…关于2026年部分节假日安排的通知…`), else from the first paragraph or item
    /// naming one (`现将2026年元旦…`).
    pub(super) fn year(&self, text: &str, title: Option<&str>, given: Option<i32>) -> Option<i32> {
        title
            .and_then(|t| first_year(&t.chars().map(fold).collect::<String>()))
            .or(given)
            .or_else(|| {
                let folded: String = text.chars().map(fold).collect();
                folded.split_once("关于").and_then(|(_, rest)| {
                    first_year(rest.get(..24.min(rest.len())).unwrap_or(rest))
                })
            })
            .or_else(|| {
                self.paragraphs
                    .iter()
                    .chain(&self.items)
                    .find_map(|chars| first_year(&text_of(chars)))
            })
    }
}
