//! An activity's rule in words, as the workbench lists it: 每年 3 月 8 日, 每周一、三、五
//! 12:00–13:00, 农历八月十五, 春节放假第一天前 2 个工作日, 9 月内.

use crate::model::{Anchor, Event, Length};
use crate::t;

/// A weekday's short name after 每周 (一 … 日; Mon … Sun), in the language in use.
fn weekday(day: chrono::Weekday) -> String {
    super::weekday_short(day, crate::messages::current().into())
}

/// Months as a list: 3、6、9.
fn months(months: impl Iterator<Item = u32>) -> String {
    months.map(|m| m.to_string()).collect::<Vec<_>>().join(&t!("routine-day-separator"))
}

/// The day `event` falls on, before its offset; a holiday `moved` from is named alone
/// (春节前 2 个工作日), else as its first day off.
fn anchor(event: &Event, moved: bool) -> String {
    let each = || match event.months {
        Some(m) => t!("rule-these-months", months = months(m.iter())),
        None => t!("rule-each-month"),
    };
    match &event.anchor {
        Anchor::Annual { month, day } => t!("rule-date", month = month, day = day),
        Anchor::Once(date) => t!(
            "rule-once",
            year = chrono::Datelike::year(date),
            month = chrono::Datelike::month(date),
            day = chrono::Datelike::day(date)
        ),
        Anchor::Lunar { month, day } => {
            let lunar = crate::dates::LunarDate { year: 0, month: *month, leap: false, day: *day };
            t!("rule-lunar", month = lunar.month_name(), day = lunar.day_name())
        }
        Anchor::Term(term) => term.name().to_string(),
        Anchor::Fu(fu) => fu.name().to_string(),
        Anchor::Holiday(festival) if moved => festival.name().to_string(),
        Anchor::Holiday(festival) => t!("rule-holiday", name = festival.name()),
        Anchor::Daily => t!("routine-daily"),
        Anchor::Weekly(days) => {
            let days = days
                .iter()
                .map(|d| weekday(*d))
                .collect::<Vec<_>>()
                .join(&t!("routine-day-separator"));
            if event.interval > 1 {
                t!("rule-every-weeks", n = event.interval, days = days)
            } else {
                t!("routine-weekly", days = days)
            }
        }
        Anchor::MonthlyDay(day) => t!("rule-monthly-day", each = each(), day = day),
        Anchor::MonthlyNth { weekday: day, nth: -1 } => {
            t!("rule-monthly-last", each = each(), day = weekday(*day))
        }
        Anchor::MonthlyNth { weekday: day, nth } => {
            let nths = t!("rule-nths");
            let n = usize::try_from(*nth - 1).ok().and_then(|i| nths.split('|').nth(i));
            let n = n.map_or_else(|| nth.to_string(), str::to_string);
            t!("rule-monthly-nth", each = each(), n = n, day = weekday(*day))
        }
        Anchor::RRule(rule) => t!("rule-rrule", rule = rule.to_string()),
        Anchor::MonthTask(m) => t!("rule-month-task", months = months(m.iter())),
    }
}

/// The rule of `event` in words, its offset and time included.
#[must_use]
pub fn words(event: &Event) -> String {
    let (days, workdays) = (event.offset.days, event.offset.workdays);
    let anchor = anchor(event, days != 0 || workdays != 0);
    let mut text = match (days.signum(), workdays.signum()) {
        (0, 0) => anchor,
        (-1, 0) => t!("rule-before-days", anchor = anchor, n = -days),
        (1, 0) => t!("rule-after-days", anchor = anchor, n = days),
        (0, -1) => t!("rule-before-workdays", anchor = anchor, n = -workdays),
        (0, 1) => t!("rule-after-workdays", anchor = anchor, n = workdays),
        _ => t!("rule-offset", anchor = anchor, offset = format!("{days:+}d{workdays:+}wd")),
    };
    if event.workdays_only {
        text.push_str(&t!("rule-workdays-only"));
    }
    if let Some(timing) = event.timing {
        let start = timing.start.format("%H:%M").to_string();
        text.push(' ');
        text.push_str(&match timing.length {
            Length::End(end) => t!("routine-time", from = start, to = end.format("%H:%M")),
            Length::Minutes(_) => start,
        });
    }
    if !event.also.is_empty() || !event.except.is_empty() || !event.changes.is_empty() {
        text.push_str(&t!("rule-with-changes"));
    }
    text
}
