//! Reading a State Council holiday notice (国务院办公厅关于20XX年部分节假日安排的通知) as
//! published or as pasted from a web page, a WeChat article or a Word file, into holiday
//! periods; and applying a later notice that changes a year (an extension, a replaced
//! item, an added break) on top of what is already known.
//!
//! The grammar is the one the notices have used since 2007: numbered items `一、元旦：…`
//! (or none, in a short later notice), spans `1月1日至3日` / `2月6日—12日` with verbs
//! `放假` `放假调休` `放假公休` `调休放假` and `共N天`, single days `X放假` / `Y补休`, make-up
//! workdays `A（星期六）、B（星期日）上班`, the 2007–2009 `公休日调至` sentences, and
//! `延长…假期至D`. Dates the text only mentions (a preamble, `起正常上班`, the signing
//! date, `安排职工在除夕（2月9日）休息`) are not days off or workdays.
//!
//! Everything read is checked: a weekday annotation must match its date, `共N天` the span,
//! a make-up workday must be a weekend, a festival's break must hold its own day.

use crate::t;
use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::holidays::{Festival, Period, Source};
use crate::error::{Diagnostic, SourceFile};

/// A notice, read and checked.
#[derive(Debug, Clone)]
pub struct Notice {
    /// The title line, when the text has one.
    pub title: Option<String>,
    /// The document number (`国办发明电〔2019〕16号`), when the text has one.
    pub number: Option<String>,
    /// The year the notice arranges.
    pub year: i32,
    /// Whether it changes an arrangement already published (an extension, a replaced or
    /// added break) rather than giving a whole year.
    pub amends: bool,
    items: Vec<Item>,
}

/// One item of a notice: a festival's break, or a change to one.
#[derive(Debug, Clone)]
struct Item {
    name: String,
    festivals: Vec<Festival>,
    off: Vec<NaiveDate>,
    work: Vec<NaiveDate>,
    /// Each make-up workday with the character range it was read from.
    work_at: Vec<(NaiveDate, std::ops::Range<usize>)>,
    /// `延长…至D`: the break now runs to D; with where D was written.
    extend_to: Option<(NaiveDate, std::ops::Range<usize>)>,
    /// Where the item starts, for messages about the whole item.
    at: std::ops::Range<usize>,
}

/// A character of the text after folding full-width forms, with its byte offset in the
/// original text (so messages point at what the user pasted).
#[derive(Debug, Clone, Copy)]
struct Ch {
    c: char,
    at: usize,
}

fn fold(c: char) -> char {
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

/// What a group of dates is followed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Off,
    Work,
    /// Old grammar: weekend days `调至` other days; those outside the break are workdays.
    Moved,
    Ignored,
}

#[derive(Debug, Clone, Copy)]
struct DateTok {
    year: Option<i32>,
    month: Option<u32>,
    day: u32,
    start: usize,
    end: usize,
}

/// A date or span as written: first and last day and the character range.
#[derive(Debug, Clone)]
struct Member {
    first: NaiveDate,
    last: NaiveDate,
    start: usize,
    end: usize,
}

const NUMERALS: &str = "一二三四五六七八九十";

/// The first year a notice can arrange: the 1999 holiday law's first notices.
const FIRST_YEAR: i32 = 1999;

struct Reader<'a> {
    source: &'a SourceFile,
    year: i32,
    errors: Vec<Diagnostic>,
}

impl Reader<'_> {
    /// Read one item (numbered or a paragraph): its heading and name, its days; `None`
    /// when it holds no days (a mistake when it should, reported).
    fn item(&mut self, chars: &[Ch], numbered: bool, naming: &Naming) -> Option<Item> {
        let begin = if numbered { item_start(chars).map_or(0, |(_, rest)| rest) } else { 0 };
        let (heading_text, body_begin) =
            heading(&chars[begin..]).map_or((None, begin), |(h, end)| (Some(h), begin + end));
        let (festivals, name) = naming.of(heading_text.as_deref(), &chars[body_begin..]);
        let at = begin..body_begin.max(begin + 1);
        let mut item = Item {
            name,
            festivals,
            off: Vec::new(),
            work: Vec::new(),
            work_at: Vec::new(),
            extend_to: None,
            at,
        };
        self.read_item(chars, body_begin, &mut item);
        if item.off.is_empty() && item.extend_to.is_none() {
            if !naming.amends && (heading_text.is_some() || numbered) || !item.work.is_empty() {
                let message = if item.name.is_empty() {
                    t!("notice-item-no-days-unnamed")
                } else {
                    t!("notice-item-no-days", name = item.name)
                };
                self.error(chars, item.at.clone(), message, t!("notice-item-no-days-help"));
            }
            return None;
        }
        if !naming.amends && item.name.is_empty() {
            self.error(
                chars,
                item.at.clone(),
                t!("notice-item-unnamed"),
                t!("notice-item-unnamed-help"),
            );
        }
        self.check_festival_days(chars, &item);
        self.check_work_outside_break(chars, &item);
        Some(item)
    }

    /// The text of a character range as the user wrote it (not folded).
    fn original(&self, chars: &[Ch], range: std::ops::Range<usize>) -> String {
        let span = span_of(chars, range, self.source.text.len());
        self.source.text.get(span).unwrap_or_default().to_string()
    }

    fn error(
        &mut self,
        chars: &[Ch],
        range: std::ops::Range<usize>,
        message: String,
        help: String,
    ) {
        let span = span_of(chars, range, self.source.text.len());
        self.errors
            .push(Diagnostic::error(message, Some(self.source.locate(span))).with_help(help));
    }
}

fn span_of(chars: &[Ch], range: std::ops::Range<usize>, len: usize) -> std::ops::Range<usize> {
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

fn text_of(chars: &[Ch]) -> String {
    chars.iter().map(|c| c.c).collect()
}

fn is_digit(chars: &[Ch], i: usize) -> bool {
    chars.get(i).is_some_and(|c| c.c.is_ascii_digit())
}

fn skip_spaces(chars: &[Ch], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.c == ' ') {
        i += 1;
    }
    i
}

/// A number of at most `max` digits at `i`, and where it ends.
fn number(chars: &[Ch], i: usize, max: usize) -> Option<(u32, usize)> {
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
fn date_at(chars: &[Ch], i: usize) -> Option<DateTok> {
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
fn annotated_weekday(text: &str) -> Option<(Weekday, String)> {
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

fn weekday_zh(weekday: Weekday) -> &'static str {
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
fn festivals_named(text: &str) -> Vec<Festival> {
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

fn festival_names(festivals: &[Festival]) -> String {
    festivals.iter().map(|f| f.name()).collect::<Vec<_>>().join("、")
}

/// The name of a break a later notice adds without a festival, from its title:
/// `国务院关于中国人民抗日战争暨…纪念日调休放假的通知` → `中国人民抗日战争暨…纪念日`.
fn name_from_title(title: &str) -> Option<String> {
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
fn first_year(text: &str) -> Option<i32> {
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

impl Notice {
    /// Read a notice from `source` (its text as pasted: a BOM, CRLF, full- or half-width
    /// punctuation, indentation and blank lines are fine). `year` is used when the text
    /// names none (no title line).
    ///
    /// # Errors
    ///
    /// Every mistake found, each at its line and column: a weekday that does not match
    /// its date, `共N天` that does not match the span, a make-up workday that is not a
    /// weekend, a break that does not hold its festival's day, an item with no days, no
    /// recognisable item at all.
    pub fn read(source: &SourceFile, year: Option<i32>) -> Result<Self, Vec<Diagnostic>> {
        let text = source.text.as_str();
        let body_start = usize::from(text.starts_with('\u{feff}')) * '\u{feff}'.len_utf8();
        let layout = Layout::of(text, &lines_of(text, body_start));
        let title = layout.title.as_ref().map(|(t, _)| t.clone());
        let Some(year) = layout.year(text, title.as_deref(), year) else {
            return Err(vec![Diagnostic::error(
                t!("notice-no-year"),
                Some(source.locate(body_start..body_start + 1)),
            )
            .with_help(t!("notice-no-year-help"))]);
        };
        let headed = layout.items.iter().any(|chars| {
            let (_, rest) = item_start(chars).unwrap_or((0, 0));
            heading(&chars[rest..]).is_some_and(|(h, _)| !festivals_named(&h).is_empty())
        });
        // A notice of the whole year is titled 部分节假日安排; without a title, its items
        // are headed by festivals.
        let amends = match &title {
            Some(t) => !t.contains("部分节假日安排"),
            None => !headed,
        };
        let naming = Naming {
            amends,
            title_festivals: title.as_deref().map(festivals_named).unwrap_or_default(),
            title_name: title.as_deref().and_then(name_from_title),
        };
        if !(FIRST_YEAR..=crate::dates::MAX_YEAR).contains(&year) {
            let at = layout.title.as_ref().map_or(body_start, |(_, at)| *at);
            return Err(vec![Diagnostic::error(
                t!(
                    "notice-year-range",
                    year = year,
                    first = FIRST_YEAR,
                    last = crate::dates::MAX_YEAR
                ),
                Some(source.locate(at..at + 1)),
            )
            .with_help(t!("notice-year-range-help"))]);
        }
        let mut reader = Reader { source, year, errors: Vec::new() };
        let mut read_items = Vec::new();
        // The paragraphs before the items (`现将2026年元旦、春节…的具体安排通知如下`).
        let preamble = if layout.items.is_empty() { Vec::new() } else { layout.paragraphs.clone() };
        let bodies: Vec<(Vec<Ch>, bool)> = if layout.items.is_empty() {
            layout.paragraphs.into_iter().map(|p| (p, false)).collect()
        } else {
            layout.items.into_iter().map(|p| (p, true)).collect()
        };
        let mut seen: Vec<Festival> = Vec::new();
        for (chars, numbered) in bodies {
            if let Some(item) = reader.item(&chars, numbered, &naming) {
                if let Some(twice) = item.festivals.iter().find(|f| seen.contains(f)) {
                    reader.error(
                        &chars,
                        item.at.clone(),
                        t!("notice-festival-twice", festival = twice.name()),
                        t!("notice-festival-twice-help"),
                    );
                }
                seen.extend(item.festivals.iter().copied());
                read_items.push(item);
            }
        }
        if !amends && reader.errors.is_empty() {
            reader.check_all_named(&preamble, &seen);
        }
        if read_items.is_empty() && reader.errors.is_empty() {
            reader.errors.push(
                Diagnostic::error(
                    t!("notice-nothing"),
                    Some(source.locate(body_start..body_start + 1)),
                )
                .with_help(t!("notice-nothing-help")),
            );
        }
        if !reader.errors.is_empty() {
            return Err(reader.errors);
        }
        Ok(Self { title, number: layout.number, year, amends, items: read_items })
    }

    /// The year's periods after this notice: a whole-year notice gives its own; a notice
    /// that amends one applies its items on top of `known` (the periods of the year as
    /// known so far): an extension lengthens a break and drops the make-up workdays it now
    /// covers, an item naming a festival replaces that festival's break, other items add
    /// a break.
    ///
    /// # Errors
    ///
    /// An extension of a break that `known` does not have.
    pub fn periods(
        &self,
        known: &[Period],
        source: &SourceFile,
    ) -> Result<Vec<Period>, Vec<Diagnostic>> {
        let mut periods: Vec<Period> = if self.amends { known.to_vec() } else { Vec::new() };
        let mut errors = Vec::new();
        for item in &self.items {
            let matches = |p: &Period| {
                if item.festivals.is_empty() {
                    p.name == item.name
                } else {
                    p.festivals.iter().any(|f| item.festivals.contains(f))
                }
            };
            if let Some((end, at)) = &item.extend_to {
                let Some(period) = periods.iter_mut().find(|p| matches(p)) else {
                    errors.push(
                        Diagnostic::error(
                            t!("notice-nothing-to-extend", name = item.name, year = self.year),
                            Some(source.locate(at.clone())),
                        )
                        .with_help(t!("notice-nothing-to-extend-help")),
                    );
                    continue;
                };
                let first = period.off.first().copied().unwrap_or(*end).min(*end);
                let mut off: Vec<NaiveDate> = first.iter_days().take_while(|d| d <= end).collect();
                off.extend(item.off.iter().copied());
                off.extend(period.off.iter().copied().filter(|d| d > end));
                off.sort_unstable();
                off.dedup();
                period.work.retain(|d| d < &first || d > end);
                period.work.extend(item.work.iter().copied());
                period.work.sort_unstable();
                period.work.dedup();
                period.off = off;
                period.source = Source::Saved;
                continue;
            }
            periods.retain(|p| !matches(p));
            periods.push(Period {
                name: item.name.clone(),
                festivals: item.festivals.clone(),
                year: self.year,
                off: item.off.clone(),
                work: item.work.clone(),
                source: Source::Saved,
                origin: None,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        periods.sort_by_key(|p| p.off.first().or(p.work.first()).copied());
        Ok(periods)
    }
}

/// Where an item's numbering (`一、`) ends, or `None` when the line starts no item. A line
/// starting with a festival's name and a colon (`元旦：…`, numbering lost in copying)
/// starts one too.
fn item_start(chars: &[Ch]) -> Option<(usize, usize)> {
    numbering(chars)
        .map(|end| (0, end))
        .or_else(|| heading(chars).filter(|(h, _)| !festivals_named(h).is_empty()).map(|_| (0, 0)))
}

/// Where an item's number ends: `一、` `一.` `（一）` `1、` `1.` `(1)` `1）` `①`, each
/// perhaps followed by spaces. A digit followed by `月` or `日` is a date, not a number.
fn numbering(chars: &[Ch]) -> Option<usize> {
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
fn heading(chars: &[Ch]) -> Option<(String, usize)> {
    let colon = chars.iter().take(30).position(|c| c.c == ':')?;
    let head = text_of(&chars[..colon]);
    (!head.chars().any(|c| c.is_ascii_digit()) && !head.trim().is_empty())
        .then_some((head, colon + 1))
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | ';' | '\n' | '.')
}

impl Reader<'_> {
    /// Every festival the preamble names must have been read from an item: a notice that
    /// yields fewer was not read whole (an item the reader did not see as one).
    fn check_all_named(&mut self, preamble: &[Vec<Ch>], read: &[Festival]) {
        for chars in preamble {
            let named = festivals_named(&text_of(chars));
            let missing: Vec<Festival> =
                named.iter().copied().filter(|f| !read.contains(f)).collect();
            if named.len() >= 2 && !missing.is_empty() {
                self.error(
                    chars,
                    0..chars.len(),
                    t!(
                        "notice-festivals-missing",
                        named = festival_names(&named),
                        missing = festival_names(&missing)
                    ),
                    t!("notice-festivals-missing-help"),
                );
                return;
            }
        }
    }

    /// The default year of a date written without one: the notice's, except December
    /// days of a 元旦 item, which belong to the year before.
    fn default_year(&self, item: &Item, month: u32) -> i32 {
        if month == 12 && item.festivals.contains(&Festival::NewYear) {
            self.year - 1
        } else {
            self.year
        }
    }

    fn resolve(
        &mut self,
        chars: &[Ch],
        tok: DateTok,
        context: Option<NaiveDate>,
        item: &Item,
    ) -> Option<NaiveDate> {
        let (year, month) = match (tok.year, tok.month, context) {
            (Some(y), Some(m), _) => (y, m),
            (None, Some(m), _) => (self.default_year(item, m), m),
            (_, None, Some(before)) => (before.year(), before.month()),
            // A day with no month before it in the item is not read as a date.
            (_, None, None) => return None,
        };
        let date = NaiveDate::from_ymd_opt(year, month, tok.day);
        if date.is_none() {
            self.error(
                chars,
                tok.start..tok.end,
                t!("notice-not-a-date", text = self.original(chars, tok.start..tok.end)),
                t!("notice-check-date-help"),
            );
        }
        date
    }

    /// Annotations after position `i`: check each weekday against `date`; where they end.
    fn annotations(&mut self, chars: &[Ch], mut i: usize, date: Option<NaiveDate>) -> usize {
        loop {
            let j = skip_spaces(chars, i);
            if chars.get(j).map(|c| c.c) != Some('(') {
                return i;
            }
            let close = chars[j..]
                .iter()
                .position(|c| c.c == ')' || c.c == '\n')
                .map_or(chars.len(), |k| j + k);
            let inner = text_of(&chars[j + 1..close.min(chars.len())]);
            if let (Some(date), Some((weekday, written))) = (date, annotated_weekday(&inner)) {
                if date.weekday() != weekday {
                    self.error(
                        chars,
                        j..(close + 1).min(chars.len()),
                        t!(
                            "notice-weekday-mismatch",
                            date = date.format("%Y-%m-%d"),
                            weekday = weekday_zh(date.weekday()),
                            written = written
                        ),
                        t!("notice-weekday-mismatch-help"),
                    );
                }
            }
            i = if chars.get(close).is_some_and(|c| c.c == ')') { close + 1 } else { close };
        }
    }

    /// One date, or a span `A至B`, at `i`: the member and where it ends.
    fn member(
        &mut self,
        chars: &[Ch],
        i: usize,
        context: &mut Option<NaiveDate>,
        item: &Item,
    ) -> Option<(Option<Member>, usize)> {
        let tok = date_at(chars, i)?;
        let first = self.resolve(chars, tok, *context, item);
        if let Some(first) = first {
            *context = Some(first);
        }
        let mut j = self.annotations(chars, tok.end, first);
        let mut last = first;
        let mut end = tok.end;
        let k = skip_spaces(chars, j);
        let separator = chars.get(k).map(|c| c.c);
        if matches!(separator, Some('至' | '—' | '-' | '~' | '–' | '―' | '‒' | '−' | '到'))
        {
            let mut m = k + 1;
            while chars.get(m).is_some_and(|c| c.c == '—' || c.c == '-') {
                m += 1;
            }
            let m = skip_spaces(chars, m);
            if let Some(end_tok) = date_at(chars, m) {
                let end_date = match (end_tok.year, end_tok.month, first) {
                    (None, month, Some(first)) => {
                        let month = month.unwrap_or(first.month());
                        let same = NaiveDate::from_ymd_opt(first.year(), month, end_tok.day);
                        match same {
                            Some(d) if d < first => {
                                NaiveDate::from_ymd_opt(first.year() + 1, month, end_tok.day)
                            }
                            other => other,
                        }
                    }
                    _ => self.resolve(chars, end_tok, first, item),
                };
                if end_date.is_none() && end_tok.year.is_none() {
                    self.error(
                        chars,
                        end_tok.start..end_tok.end,
                        t!(
                            "notice-not-a-date",
                            text = self.original(chars, end_tok.start..end_tok.end)
                        ),
                        t!("notice-check-date-help"),
                    );
                }
                if let Some(end_date) = end_date {
                    *context = Some(end_date);
                }
                last = end_date;
                end = end_tok.end;
                j = self.annotations(chars, end_tok.end, end_date);
            }
        }
        let member = match (first, last) {
            (Some(first), Some(last)) if last >= first => {
                Some(Member { first, last, start: tok.start, end })
            }
            (Some(_), Some(_)) => {
                self.error(
                    chars,
                    tok.start..end,
                    t!("notice-span-backwards", text = self.original(chars, tok.start..end)),
                    t!("notice-span-backwards-help"),
                );
                None
            }
            _ => None,
        };
        Some((member, j))
    }

    fn read_item(&mut self, chars: &[Ch], begin: usize, item: &mut Item) {
        let mut context: Option<NaiveDate> = None;
        let mut sentence_start = begin;
        let mut moved: Vec<Member> = Vec::new();
        let mut i = begin;
        while i < chars.len() {
            if is_sentence_end(chars[i].c) {
                sentence_start = i + 1;
                i += 1;
                continue;
            }
            if date_at(chars, i).is_none() {
                i += 1;
                continue;
            }
            // `延长…假期至D`: the break now ends on D.
            let before = text_of(&chars[sentence_start..i]);
            let extends = before.contains("延长") && before.trim_end().ends_with('至');
            let mut group = Vec::new();
            let mut j = i;
            while let Some((member, next)) = self.member(chars, j, &mut context, item) {
                group.extend(member);
                j = next;
                let k = skip_spaces(chars, j);
                if chars.get(k).is_some_and(|c| matches!(c.c, '、' | '和' | '及'))
                    && date_at(chars, skip_spaces(chars, k + 1)).is_some()
                {
                    j = skip_spaces(chars, k + 1);
                } else {
                    break;
                }
            }
            if j == i {
                i += 1;
                continue;
            }
            let tail_end = (j..chars.len())
                .find(|&k| is_sentence_end(chars[k].c) || date_at(chars, k).is_some())
                .unwrap_or(chars.len());
            let tail = text_of(&chars[j..tail_end]);
            if extends {
                if let Some(m) = group.first() {
                    item.extend_to =
                        Some((m.first, span_of(chars, m.start..m.end, self.source.text.len())));
                }
                i = j;
                continue;
            }
            let role = role(&tail);
            match role {
                Role::Off => {
                    for m in &group {
                        item.off.extend(m.first.iter_days().take_while(|d| *d <= m.last));
                    }
                    self.check_count(chars, j, &tail, &group);
                }
                Role::Work => {
                    for m in &group {
                        for day in m.first.iter_days().take_while(|d| *d <= m.last) {
                            if self.weekend_or_error(chars, m, day) {
                                item.work.push(day);
                                item.work_at.push((day, m.start..m.end));
                            }
                        }
                    }
                }
                Role::Moved => moved.extend(group),
                Role::Ignored => {}
            }
            i = j.max(i + 1);
        }
        item.off.sort_unstable();
        item.off.dedup();
        for m in &moved {
            for day in m.first.iter_days().take_while(|d| *d <= m.last) {
                if !item.off.contains(&day)
                    && !item.work.contains(&day)
                    && self.weekend_or_error(chars, m, day)
                {
                    item.work.push(day);
                }
            }
        }
        item.work.sort_unstable();
        item.work.dedup();
    }

    fn weekend_or_error(&mut self, chars: &[Ch], m: &Member, day: NaiveDate) -> bool {
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            return true;
        }
        self.error(
            chars,
            m.start..m.end,
            t!(
                "notice-workday-weekday",
                date = day.format("%Y-%m-%d"),
                weekday = weekday_zh(day.weekday())
            ),
            t!("notice-check-one-date-help"),
        );
        false
    }

    /// `共N天` (or `放假N天`) after a span must count its days.
    fn check_count(&mut self, chars: &[Ch], tail_at: usize, tail: &str, group: &[Member]) {
        if group.is_empty() {
            return;
        }
        let tail_chars: Vec<char> = tail.chars().collect();
        let Some(pos) = (0..tail_chars.len()).find(|&k| {
            tail_chars[k].is_ascii_digit()
                && (k == 0 || !tail_chars[k - 1].is_ascii_digit())
                && tail_chars[k..].iter().find(|c| !c.is_ascii_digit()) == Some(&'天')
        }) else {
            return;
        };
        let digits: String = tail_chars[pos..].iter().take_while(|c| c.is_ascii_digit()).collect();
        let Ok(stated) = digits.parse::<i64>() else { return };
        let counted: i64 = group.iter().map(|m| (m.last - m.first).num_days() + 1).sum();
        if stated != counted {
            let start = tail_at + pos;
            let end = start + digits.chars().count() + 1;
            let written = self.original(chars, group[0].start..group[group.len() - 1].end);
            self.error(
                chars,
                start
                    .saturating_sub(usize::from(tail_chars.get(pos.wrapping_sub(1)) == Some(&'共')))
                    ..end,
                t!("notice-count-mismatch", stated = stated, written = written, counted = counted),
                t!("notice-count-mismatch-help"),
            );
        }
    }

    /// A make-up workday cannot fall inside its own break.
    fn check_work_outside_break(&mut self, chars: &[Ch], item: &Item) {
        let (Some(first), Some(last)) = (item.off.first(), item.off.last()) else { return };
        for (day, at) in &item.work_at {
            if first <= day && day <= last {
                self.error(
                    chars,
                    at.clone(),
                    t!(
                        "notice-work-inside-break",
                        date = day.format("%Y-%m-%d"),
                        name = item.name.clone(),
                        first = first.format("%Y-%m-%d"),
                        last = last.format("%Y-%m-%d")
                    ),
                    t!("notice-check-one-date-help"),
                );
            }
        }
    }

    /// A festival's break must hold the festival's own day.
    fn check_festival_days(&mut self, chars: &[Ch], item: &Item) {
        if item.off.is_empty() || item.extend_to.is_some() {
            return;
        }
        for festival in &item.festivals {
            let Some(day) = festival.statutory_day(self.year) else { continue };
            if !item.off.contains(&day) {
                let (first, last) = (item.off[0], item.off[item.off.len() - 1]);
                self.error(
                    chars,
                    item.at.clone(),
                    t!(
                        "notice-festival-day-missing",
                        name = item.name,
                        first = first.format("%Y-%m-%d"),
                        last = last.format("%Y-%m-%d"),
                        festival = festival.name(),
                        day = day.format("%Y-%m-%d")
                    ),
                    t!("notice-festival-day-missing-help"),
                );
            }
        }
    }
}

/// What the words after a group of dates make of them.
fn role(tail: &str) -> Role {
    let tail = tail.trim_start_matches([' ', ',']);
    let starts = |words: &[&str]| words.iter().any(|w| tail.starts_with(w));
    if starts(&["起", "以后"]) {
        Role::Ignored
    } else if starts(&["上班", "调休上班", "补班"]) {
        Role::Work
    } else if starts(&["放假", "调休放假", "补休", "调休"]) {
        Role::Off
    } else if tail.contains("调至") {
        Role::Moved
    } else {
        Role::Ignored
    }
}

/// The days of `periods` as `[[holidays.periods]]` tables, one contiguous run of days off
/// each (a break such as `4月5日放假，4月7日补休` becomes two entries of one name), the
/// make-up workdays on the first entry of each name.
#[must_use]
pub fn runs(periods: &[Period]) -> Vec<(String, NaiveDate, NaiveDate, Vec<NaiveDate>)> {
    let mut out = Vec::new();
    for period in periods {
        let mut first_run = true;
        let mut i = 0;
        while i < period.off.len() {
            let mut j = i;
            while j + 1 < period.off.len()
                && period.off[j].checked_add_days(Days::new(1)) == Some(period.off[j + 1])
            {
                j += 1;
            }
            let work = if first_run { period.work.clone() } else { Vec::new() };
            out.push((period.name.clone(), period.off[i], period.off[j], work));
            first_run = false;
            i = j + 1;
        }
    }
    out
}

/// The lines of a notice's text from `body_start`, folded, each with the byte offset of
/// its line. A notice pasted as one long line is cut where each `。二、` starts an item.
fn lines_of(text: &str, body_start: usize) -> Vec<(usize, Vec<Ch>)> {
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
struct Layout {
    title: Option<(String, usize)>,
    number: Option<String>,
    items: Vec<Vec<Ch>>,
    paragraphs: Vec<Vec<Ch>>,
}

impl Layout {
    fn of(text: &str, lines: &[(usize, Vec<Ch>)]) -> Self {
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
    fn year(&self, text: &str, title: Option<&str>, given: Option<i32>) -> Option<i32> {
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

/// What names an item's break: whether the notice amends a year, and its title's festivals
/// and name.
struct Naming {
    amends: bool,
    title_festivals: Vec<Festival>,
    title_name: Option<String>,
}

impl Naming {
    /// The festivals and name of an item with `heading` (`一、元旦：`), whose body is `body`.
    fn of(&self, heading: Option<&str>, body: &[Ch]) -> (Vec<Festival>, String) {
        let heading_festivals = heading.map(festivals_named).unwrap_or_default();
        if !heading_festivals.is_empty() {
            let name = festival_names(&heading_festivals);
            (heading_festivals, name)
        } else if let Some(h) = heading.filter(|_| !self.amends) {
            (Vec::new(), h.trim().to_string())
        } else if self.amends {
            let named = festivals_named(&text_of(body));
            let festivals = if named.is_empty() { self.title_festivals.clone() } else { named };
            let name = if festivals.is_empty() {
                self.title_name.clone().unwrap_or_else(|| "调休放假".to_string())
            } else {
                festival_names(&festivals)
            };
            (festivals, name)
        } else {
            (Vec::new(), String::new())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn read(text: &str) -> Result<Notice, Vec<Diagnostic>> {
        Notice::read(&SourceFile::new("notice.txt", text), None)
    }

    #[test]
    fn spans_single_days_and_workdays() {
        let notice = read(
            "国务院办公厅关于2016年部分节假日安排的通知\n一、元旦：1月1日放假，与周末连休。\n二、劳动节：5月1日放假，5月2日（星期一）补休。\n三、国庆节：10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。\n",
        )
        .unwrap();
        assert_eq!(notice.year, 2016);
        assert!(!notice.amends);
        let periods = notice.periods(&[], &SourceFile::new("x", "")).unwrap();
        assert_eq!(periods[0].off, vec![d(2016, 1, 1)]);
        assert_eq!(periods[1].off, vec![d(2016, 5, 1), d(2016, 5, 2)]);
        assert_eq!(periods[2].off.len(), 7);
        assert_eq!(periods[2].work, vec![d(2016, 10, 8), d(2016, 10, 9)]);
    }

    #[test]
    fn old_grammar_moves_weekends_outside_the_break_to_workdays() {
        let notice = read("国务院办公厅关于2008年部分节假日安排的通知\n七、国庆节：9月29日—10月5日放假，共7天。其中，10月1日、2日、3日为法定节假日，9月27日（星期六）、9月28日（星期日）两个公休日调至9月29日（星期一）、30日（星期二），10月4日（星期六）、5日（星期日）照常公休。\n").unwrap();
        let periods = notice.periods(&[], &SourceFile::new("x", "")).unwrap();
        assert_eq!(periods[0].work, vec![d(2008, 9, 27), d(2008, 9, 28)]);
        assert_eq!(periods[0].off.first(), Some(&d(2008, 9, 29)));
    }

    #[test]
    fn a_wrong_weekday_is_refused_at_its_annotation() {
        let errors = read("国务院办公厅关于2020年部分节假日安排的通知\n二、春节：1月24日至30日放假调休，共7天。1月19日（星期六）、2月1日（星期六）上班。\n").unwrap_err();
        assert_eq!(errors.len(), 1);
        let at = errors[0].location.as_ref().unwrap();
        assert_eq!((at.line, at.column), (2, 29));
        assert!(errors[0].message.contains("2020-01-19"), "{}", errors[0].message);
    }

    #[test]
    fn runs_split_a_break_with_a_gap() {
        let period = Period {
            name: "清明节".into(),
            festivals: vec![Festival::Qingming],
            year: 2014,
            off: vec![d(2014, 4, 5), d(2014, 4, 7)],
            work: vec![],
            source: Source::Saved,
            origin: None,
        };
        let runs = runs(&[period]);
        assert_eq!(runs.len(), 2);
        assert_eq!((runs[1].1, runs[1].2), (d(2014, 4, 7), d(2014, 4, 7)));
    }

    #[test]
    fn annotated_weekdays() {
        assert_eq!(annotated_weekday("农历除夕、周二").map(|w| w.0), Some(Weekday::Tue));
        assert_eq!(annotated_weekday("星期日").map(|w| w.0), Some(Weekday::Sun));
        assert_eq!(annotated_weekday("除夕").map(|w| w.0), None);
        assert_eq!(annotated_weekday("周年").map(|w| w.0), None);
    }
}
