//! The Chinese calendar: lunar dates, the 24 solar terms and 三伏, read from tables that
//! the build script precomputes from `tyme4rs` (GB/T 33661-2017 rules, Beijing time).
//!
//! Every function answers `None` outside the tables rather than guessing; callers check
//! the supported range ([`MIN_YEAR`]..=[`MAX_YEAR`]) up front and report it as an error.

use chrono::{Datelike, NaiveDate};

include!("almanac_table.rs");

/// The first Gregorian year unioncal supports for dates.
pub const MIN_YEAR: i32 = 1960;
/// The last Gregorian year unioncal supports for dates.
pub const MAX_YEAR: i32 = 2100;

// The tables reach a year past the supported range on each side, for offsets and for
// the lunar year that ends in January of the first supported year.
const _: () = assert!(TABLE_FIRST_YEAR < MIN_YEAR && TABLE_LAST_YEAR > MAX_YEAR);

/// The Chinese numerals of the lunar months, 正 (1) to 腊 (12).
const MONTH_NAMES: [&str; 12] = [
    "正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "冬月", "腊月",
];

/// A day of the Chinese lunar calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LunarDate {
    /// The lunar year (the Gregorian year in which its 正月初一 falls).
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// Whether this is the leap month (闰月) repeating `month`.
    pub leap: bool,
    /// The day of the month, 1 to 30.
    pub day: u8,
}

impl LunarDate {
    /// The month's Chinese name: 正月 … 腊月, with 闰 for a leap month.
    #[must_use]
    pub fn month_name(&self) -> String {
        let name = MONTH_NAMES[usize::from(self.month - 1)];
        if self.leap {
            format!("闰{name}")
        } else {
            name.to_string()
        }
    }

    /// The day's Chinese name: 初一 … 初十, 十一 … 二十, 廿一 … 三十.
    #[must_use]
    pub(crate) fn day_name(&self) -> &'static str {
        const DAYS: [&str; 30] = [
            "初一", "初二", "初三", "初四", "初五", "初六", "初七", "初八", "初九", "初十", "十一",
            "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十", "廿一", "廿二",
            "廿三", "廿四", "廿五", "廿六", "廿七", "廿八", "廿九", "三十",
        ];
        DAYS[usize::from(self.day - 1)]
    }
}

fn from_days(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// The table row of a lunar year: (first day, leap month, 30-day bits).
fn lunar_row(year: i32) -> Option<(i32, u8, u16)> {
    let index = usize::try_from(year.checked_sub(TABLE_FIRST_YEAR)?).ok()?;
    LUNAR_YEARS.get(index).copied()
}

/// The months of a lunar year in order: (month, leap, first day number, length).
fn lunar_months(year: i32) -> Option<impl Iterator<Item = (u8, bool, i32, i32)>> {
    let (first, leap_month, bits) = lunar_row(year)?;
    let count = if leap_month > 0 { 13 } else { 12 };
    let mut start = first;
    Some((0..count).map(move |i| {
        let (month, leap) = match leap_month {
            0 => (i + 1, false),
            l if i < l => (i + 1, false),
            l if i == l => (l, true),
            _ => (i, false),
        };
        let len = if bits & (1 << i) != 0 { 30 } else { 29 };
        let this = (month, leap, start, len);
        start += len;
        this
    }))
}

/// The Gregorian date of lunar `month`-`day` (never the leap month) of lunar `year`.
///
/// Day 30 of a 29-day month means that month's last day, so month 12 day 30 is always
/// 除夕. Answers `None` for days outside 1..=30 or a year outside the tables.
///
/// ```
/// use unioncal::dates::lunar_to_solar;
/// let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
/// assert_eq!(lunar_to_solar(2027, 1, 1), date(2027, 2, 6)); // 春节
/// assert_eq!(lunar_to_solar(2026, 12, 30), date(2027, 2, 5)); // 除夕, a 29-day 腊月
/// assert_eq!(lunar_to_solar(2027, 8, 15), date(2027, 9, 15)); // 中秋
/// ```
#[must_use]
pub fn lunar_to_solar(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    if !(1..=30).contains(&day) {
        return None;
    }
    let (_, _, start, len) = lunar_months(year)?.find(|&(m, leap, _, _)| m == month && !leap)?;
    from_days(start + i32::from(day).min(len) - 1)
}

/// The Gregorian date of day `day` of the leap month `month` of lunar `year` (三十 in a
/// 29-day month is its last day), or `None` when that year has no such leap month.
#[must_use]
pub(crate) fn lunar_to_solar_leap(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    if !(1..=30).contains(&day) {
        return None;
    }
    let (_, _, start, len) = lunar_months(year)?.find(|&(m, leap, _, _)| m == month && leap)?;
    from_days(start + i32::from(day).min(len) - 1)
}

/// The lunar date of a Gregorian day, or `None` outside the tables.
///
/// ```
/// let day = chrono::NaiveDate::from_ymd_opt(2027, 9, 15).unwrap();
/// let lunar = unioncal::dates::solar_to_lunar(day).unwrap();
/// assert_eq!((lunar.year, lunar.month, lunar.day, lunar.leap), (2027, 8, 15, false));
/// assert_eq!(lunar.month_name(), "八月");
/// ```
#[must_use]
pub fn solar_to_lunar(date: NaiveDate) -> Option<LunarDate> {
    let days = date.num_days_from_ce();
    let year = match LUNAR_YEARS.partition_point(|row| row.0 <= days) {
        0 => return None,
        i => TABLE_FIRST_YEAR + i32::try_from(i - 1).ok()?,
    };
    let (month, leap, start, len) =
        lunar_months(year)?.find(|&(_, _, start, len)| days < start + len)?;
    debug_assert!(days >= start && days < start + len);
    let day = u8::try_from(days - start + 1).ok()?;
    Some(LunarDate { year, month, leap, day })
}

/// Whether lunar `year` has a leap month, and which.
#[must_use]
pub fn leap_month(year: i32) -> Option<u8> {
    lunar_row(year).and_then(|(_, leap, _)| (leap > 0).then_some(leap))
}

/// The 24 solar terms (节气) in Gregorian calendar order, 小寒 first.
pub(crate) const TERM_NAMES: [&str; 24] = [
    "小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
    "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至",
];

/// A solar term, by its index in the year (0 = 小寒 … 23 = 冬至).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SolarTerm(u8);

impl SolarTerm {
    /// 清明, the term that dates the 清明节 holiday.
    pub(crate) const QINGMING: Self = Self(6);
    /// 夏至, from which 初伏 and 中伏 are counted.
    pub(crate) const XIAZHI: Self = Self(11);
    /// 立秋, from which 末伏 is counted.
    pub(crate) const LIQIU: Self = Self(14);

    /// The term named `name` (立春, 清明, …), or `None`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        let index = TERM_NAMES.iter().position(|&n| n == name)?;
        Some(Self(u8::try_from(index).ok()?))
    }

    /// The Chinese name.
    #[must_use]
    pub fn name(self) -> &'static str {
        TERM_NAMES[usize::from(self.0)]
    }

    /// The names of all 24, 小寒 to 冬至.
    #[must_use]
    pub fn names() -> &'static [&'static str] {
        &TERM_NAMES
    }

    /// The term's day in Gregorian `year` (Beijing time), or `None` outside the tables.
    #[must_use]
    pub fn date(self, year: i32) -> Option<NaiveDate> {
        let index = usize::try_from(year.checked_sub(TABLE_FIRST_YEAR)?).ok()?;
        let ordinal = TERM_DAYS.get(index)?[usize::from(self.0)];
        NaiveDate::from_yo_opt(year, u32::from(ordinal))
    }
}

/// The solar term that falls on `date`, if any.
#[must_use]
pub(crate) fn term_on(date: NaiveDate) -> Option<SolarTerm> {
    let index = usize::try_from(date.year().checked_sub(TABLE_FIRST_YEAR)?).ok()?;
    let ordinal = u16::try_from(date.ordinal()).ok()?;
    let position = TERM_DAYS.get(index)?.iter().position(|&d| d == ordinal)?;
    Some(SolarTerm(u8::try_from(position).ok()?))
}

/// The three periods of 三伏, the hottest days of summer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fu {
    /// 初伏: the third 庚 day counting from 夏至 (夏至 itself counts when it is a 庚 day).
    Chu,
    /// 中伏: the fourth 庚 day counting from 夏至.
    Zhong,
    /// 末伏: the first 庚 day on or after 立秋.
    Mo,
}

impl Fu {
    /// All three, in order.
    pub const ALL: [Self; 3] = [Self::Chu, Self::Zhong, Self::Mo];

    /// 初伏, 中伏 or 末伏 by name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "初伏" => Some(Self::Chu),
            "中伏" => Some(Self::Zhong),
            "末伏" => Some(Self::Mo),
            _ => None,
        }
    }

    /// The Chinese name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Chu => "初伏",
            Self::Zhong => "中伏",
            Self::Mo => "末伏",
        }
    }

    /// The first day of this 伏 in Gregorian `year`.
    #[must_use]
    pub fn date(self, year: i32) -> Option<NaiveDate> {
        let (from, nth) = match self {
            Self::Chu => (SolarTerm::XIAZHI.date(year)?, 3),
            Self::Zhong => (SolarTerm::XIAZHI.date(year)?, 4),
            Self::Mo => (SolarTerm::LIQIU.date(year)?, 1),
        };
        let to_geng = (GENG + 10 - heavenly_stem(from)) % 10;
        from.checked_add_days(chrono::Days::new(u64::from(to_geng) + 10 * (nth - 1)))
    }
}

/// The index of 庚 among the ten heavenly stems (甲 = 0).
const GENG: u8 = 6;

/// The heavenly stem (天干) of a day, 0 = 甲 … 9 = 癸.
#[must_use]
pub(crate) fn heavenly_stem(date: NaiveDate) -> u8 {
    // 1949-10-01, day 711,766 from CE, was a 甲子 day.
    u8::try_from((date.num_days_from_ce() + 4).rem_euclid(10)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn stem_of_a_known_jiazi_day_is_jia() {
        assert_eq!(heavenly_stem(d(1949, 10, 1)), 0);
        assert_eq!(heavenly_stem(d(1949, 10, 7)), GENG);
    }

    #[test]
    fn new_year_2026_is_february_17() {
        assert_eq!(lunar_to_solar(2026, 1, 1), Some(d(2026, 2, 17)));
        let lunar = solar_to_lunar(d(2026, 2, 17)).unwrap();
        assert_eq!((lunar.year, lunar.month, lunar.day, lunar.leap), (2026, 1, 1, false));
    }

    #[test]
    fn day_thirty_of_a_short_month_is_its_last_day() {
        // 腊月 of lunar 2025 has 29 days: 除夕 is 2026-02-16.
        assert_eq!(lunar_to_solar(2025, 12, 30), Some(d(2026, 2, 16)));
        assert_eq!(lunar_to_solar(2025, 12, 29), Some(d(2026, 2, 16)));
    }

    #[test]
    fn leap_month_days_are_flagged_and_skipped_by_month_day_lookup() {
        // 2023 has a leap second month (闰二月 from 2023-03-22).
        assert_eq!(leap_month(2023), Some(2));
        let lunar = solar_to_lunar(d(2023, 3, 22)).unwrap();
        assert!(lunar.leap && lunar.month == 2 && lunar.day == 1);
        assert_eq!(lunar.month_name(), "闰二月");
        assert_eq!(lunar_to_solar(2023, 2, 1), Some(d(2023, 2, 20)));
        assert_eq!(lunar_to_solar(2023, 3, 1), Some(d(2023, 4, 20)));
    }

    #[test]
    fn terms_and_fu_of_2000() {
        assert_eq!(SolarTerm::XIAZHI.date(2000), Some(d(2000, 6, 21)));
        assert_eq!(Fu::Chu.date(2000), Some(d(2000, 7, 11)));
        assert_eq!(Fu::Zhong.date(2000), Some(d(2000, 7, 21)));
        assert_eq!(Fu::Mo.date(2000), Some(d(2000, 8, 10)));
        assert_eq!(term_on(d(2000, 6, 21)), Some(SolarTerm::XIAZHI));
        assert_eq!(term_on(d(2000, 6, 22)), None);
    }

    #[test]
    fn outside_the_tables_is_none() {
        assert_eq!(lunar_to_solar(1800, 1, 1), None);
        assert_eq!(SolarTerm::QINGMING.date(2200), None);
        assert_eq!(solar_to_lunar(d(1900, 1, 1)), None);
        assert_eq!(lunar_to_solar(2026, 1, 31), None);
    }
}
