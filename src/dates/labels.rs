//! What a wall calendar prints under each day: a festival, a solar term, or the lunar day
//! (初一 shows the month's name).

use chrono::{Datelike, NaiveDate};

use super::almanac::{solar_to_lunar, term_on};

/// The label under a day on a wall calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayLabel {
    /// The text: 春节, 清明, 初八, 三月 (on 初一), …
    pub text: String,
    /// Whether the text is a festival or a solar term (printed emphasised).
    pub special: bool,
    /// A holiday for part of the population that a notice board may note (三八: women
    /// half a day, …).
    pub partial_holiday: Option<&'static str>,
}

fn gregorian_festival(month: u32, day: u32) -> Option<&'static str> {
    Some(match (month, day) {
        (1, 1) => "元旦",
        (3, 8) => "妇女节",
        (3, 12) => "植树节",
        (5, 1) => "劳动节",
        (5, 4) => "青年节",
        (5, 12) => "护士节",
        (6, 1) => "儿童节",
        (7, 1) => "建党节",
        (8, 1) => "建军节",
        (9, 10) => "教师节",
        (10, 1) => "国庆节",
        _ => return None,
    })
}

fn partial_holiday(month: u32, day: u32) -> Option<&'static str> {
    Some(match (month, day) {
        (3, 8) => "妇女放假半天",
        (5, 4) => "青年放假半天",
        (6, 1) => "儿童放假一天",
        (8, 1) => "现役军人放假半天",
        _ => return None,
    })
}

/// The wall-calendar label of `date`.
#[must_use]
pub(crate) fn day_label(date: NaiveDate) -> DayLabel {
    let partial = partial_holiday(date.month(), date.day());
    let special =
        |text: &str| DayLabel { text: text.to_string(), special: true, partial_holiday: partial };
    let lunar = solar_to_lunar(date);
    if let Some(l) = lunar.filter(|l| !l.leap) {
        let is_eve = date
            .succ_opt()
            .and_then(solar_to_lunar)
            .is_some_and(|n| n.month == 1 && n.day == 1 && !n.leap);
        let name = match (l.month, l.day) {
            _ if is_eve => Some("除夕"),
            (1, 1) => Some("春节"),
            (1, 15) => Some("元宵节"),
            (5, 5) => Some("端午节"),
            (7, 7) => Some("七夕"),
            (8, 15) => Some("中秋节"),
            (9, 9) => Some("重阳节"),
            (12, 8) => Some("腊八节"),
            (12, 23) => Some("小年"),
            _ => None,
        };
        if let Some(name) = name {
            return special(name);
        }
    }
    if let Some(name) = gregorian_festival(date.month(), date.day()) {
        return special(name);
    }
    if let Some(term) = term_on(date) {
        return special(term.name());
    }
    match lunar {
        Some(l) if l.day == 1 => {
            DayLabel { text: l.month_name(), special: false, partial_holiday: partial }
        }
        Some(l) => {
            DayLabel { text: l.day_name().to_string(), special: false, partial_holiday: partial }
        }
        None => DayLabel { text: String::new(), special: false, partial_holiday: partial },
    }
}

/// The sexagenary name of lunar `year` as a month's line writes it: 丙午年.
#[must_use]
pub(crate) fn stem_branch_year(year: i32) -> String {
    let name = year_name(year);
    let stem_branch: String = name.chars().take(2).collect();
    format!("{stem_branch}年")
}

/// The sexagenary name of lunar `year` with its animal: 丙午（马）.
#[must_use]
pub(crate) fn year_name(year: i32) -> String {
    const STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
    const BRANCHES: [&str; 12] =
        ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"];
    const ANIMALS: [&str; 12] =
        ["鼠", "牛", "虎", "兔", "龙", "蛇", "马", "羊", "猴", "鸡", "狗", "猪"];
    let i = (year - 4).rem_euclid(60);
    let (s, b) = ((i % 10) as usize, (i % 12) as usize);
    format!("{}{}（{}）", STEMS[s], BRANCHES[b], ANIMALS[b])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(y: i32, m: u32, d: u32) -> String {
        day_label(NaiveDate::from_ymd_opt(y, m, d).unwrap()).text
    }

    #[test]
    fn sexagenary_year_names() {
        assert_eq!(year_name(2026), "丙午（马）");
        assert_eq!(year_name(2027), "丁未（羊）");
        assert_eq!(year_name(1984), "甲子（鼠）");
    }

    #[test]
    fn festivals_terms_and_lunar_days() {
        assert_eq!(label(2026, 2, 16), "除夕");
        assert_eq!(label(2026, 2, 17), "春节");
        assert_eq!(label(2026, 4, 5), "清明");
        assert_eq!(label(2026, 3, 19), "二月", "初一 shows the month");
        assert_eq!(label(2026, 3, 20), "春分");
        assert_eq!(label(2026, 3, 21), "初三");
        assert_eq!(label(2026, 3, 8), "妇女节");
        assert!(day_label(NaiveDate::from_ymd_opt(2026, 3, 8).unwrap()).partial_holiday.is_some());
    }
}
