//! The checks of what was read: a weekday against its date, `共N天` against the span, a
//! make-up workday on a weekend and outside its break, a break holding its festival's day,
//! every festival the preamble names read from an item.

use chrono::{Datelike, NaiveDate, Weekday};

use super::super::holidays::Festival;
use super::items::Member;
use super::text::{festival_names, festivals_named, text_of, weekday_zh, Ch};
use super::{Item, Reader};
use crate::t;

impl Reader<'_> {
    /// Every festival the preamble names must have been read from an item: a notice that
    /// yields fewer was not read whole (an item the reader did not see as one).
    pub(super) fn check_all_named(&mut self, preamble: &[Vec<Ch>], read: &[Festival]) {
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

    pub(super) fn weekend_or_error(&mut self, chars: &[Ch], m: &Member, day: NaiveDate) -> bool {
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
    pub(super) fn check_count(
        &mut self,
        chars: &[Ch],
        tail_at: usize,
        tail: &str,
        group: &[Member],
    ) {
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
    pub(super) fn check_work_outside_break(&mut self, chars: &[Ch], item: &Item) {
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
    pub(super) fn check_festival_days(&mut self, chars: &[Ch], item: &Item) {
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
