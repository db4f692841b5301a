//! Reading an item: its days off, make-up workdays, extensions and the old `调至`
//! sentences, date by date.

use chrono::{Datelike, NaiveDate};

use super::super::holidays::Festival;
use super::text::{
    annotated_weekday, date_at, heading, is_sentence_end, item_start, skip_spaces, span_of,
    text_of, weekday_zh, Ch, DateTok,
};
use super::{Item, Naming, Reader};
use crate::error::Diagnostic;
use crate::t;

/// What a group of dates is followed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Off,
    Work,
    /// Old grammar: weekend days `调至` other days; those outside the break are workdays.
    Moved,
    Ignored,
}

/// A date or span as written: first and last day and the character range.
#[derive(Debug, Clone)]
pub(super) struct Member {
    pub(super) first: NaiveDate,
    pub(super) last: NaiveDate,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Reader<'_> {
    /// Read one item (numbered or a paragraph): its heading and name, its days; `None`
    /// when it holds no days (a mistake when it should, reported).
    pub(super) fn item(&mut self, chars: &[Ch], numbered: bool, naming: &Naming) -> Option<Item> {
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
    pub(super) fn original(&self, chars: &[Ch], range: std::ops::Range<usize>) -> String {
        let span = span_of(chars, range, self.source.text.len());
        self.source.text.get(span).unwrap_or_default().to_string()
    }

    pub(super) fn error(
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

impl Reader<'_> {
    /// The default year of a date written without one: the notice's, except December
    /// days of a 元旦 item, which belong to the year before.
    pub(super) fn default_year(&self, item: &Item, month: u32) -> i32 {
        if month == 12 && item.festivals.contains(&Festival::NewYear) {
            self.year - 1
        } else {
            self.year
        }
    }

    pub(super) fn resolve(
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
    pub(super) fn annotations(
        &mut self,
        chars: &[Ch],
        mut i: usize,
        date: Option<NaiveDate>,
    ) -> usize {
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
    pub(super) fn member(
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

    pub(super) fn read_item(&mut self, chars: &[Ch], begin: usize, item: &mut Item) {
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
}

/// What the words after a group of dates make of them.
pub(super) fn role(tail: &str) -> Role {
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
