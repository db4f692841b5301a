//! When care work falls: birthdays (Gregorian or lunar) in a range, and the statutory
//! retirement month under the 2024 decision (渐进式延迟法定退休年龄).

use chrono::{Datelike, NaiveDate};

use crate::dates::{leap_month, lunar_to_solar, solar_to_lunar};

/// A lunar birthday: month, day (1–30) and whether it is in a leap month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LunarDay {
    pub(crate) month: u8,
    pub(crate) day: u8,
    pub(crate) leap: bool,
}

/// The Gregorian dates of a Gregorian birthday `(month, day)` in `from..=to`: 02-29 on
/// 02-28 in a common year.
pub(crate) fn gregorian_birthdays(
    month: u32,
    day: u32,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<NaiveDate> {
    (from.year()..=to.year())
        .filter_map(|year| {
            NaiveDate::from_ymd_opt(year, month, day).or_else(|| {
                (month == 2 && day == 29).then(|| NaiveDate::from_ymd_opt(year, 2, 28))?
            })
        })
        .filter(|d| (from..=to).contains(d))
        .collect()
}

/// The Gregorian dates of a lunar birthday in `from..=to`: 0, 1 or 2 a year. 三十 in a
/// 29-day month is its 二十九; a leap-month birthday falls in the leap month of a year that
/// has it, else in the ordinary month.
pub(crate) fn lunar_birthdays(
    birthday: LunarDay,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<NaiveDate> {
    (from.year() - 1..=to.year())
        .filter_map(|year| {
            if birthday.leap && leap_month(year) == Some(birthday.month) {
                crate::dates::lunar_to_solar_leap(year, birthday.month, birthday.day)
            } else {
                lunar_to_solar(year, birthday.month, birthday.day)
            }
        })
        .filter(|d| (from..=to).contains(d))
        .collect()
}

/// The age a member turns on a birthday `date`: Gregorian years, or for a lunar birthday
/// lunar years since the lunar year of birth.
pub(crate) fn age_on(birth: NaiveDate, date: NaiveDate, lunar: bool) -> Option<u32> {
    let years = if lunar {
        solar_to_lunar(date)?.year - solar_to_lunar(birth)?.year
    } else {
        date.year() - birth.year()
    };
    u32::try_from(years).ok()
}

/// The statutory retirement age, in months, of a member born in `(year, month)` whose
/// original age is `original` (60, 55 or 50): the 2024 decision adds one month per 4 birth
/// months (per 2 for the original 50) from births of 1965-01, 1970-01 and 1975-01, up to 3,
/// 3 and 5 years.
pub(crate) fn statutory_age_months(original: u32, (year, month): (i32, u32)) -> u32 {
    let (first_year, step, cap) = match original {
        60 => (1965, 4, 36),
        55 => (1970, 4, 36),
        _ => (1975, 2, 60),
    };
    let since = (year - first_year) * 12 + i32::try_from(month).unwrap_or(1) - 1;
    let delay = if since < 0 { 0 } else { (u32::try_from(since).unwrap_or(0) / step + 1).min(cap) };
    original * 12 + delay
}

/// The month a member retires: the birth month plus the statutory age.
pub(crate) fn retirement_month(original: u32, birth: (i32, u32)) -> (i32, u32) {
    let months = i64::from(birth.0) * 12 + i64::from(birth.1) - 1
        + i64::from(statutory_age_months(original, birth));
    let year = i32::try_from(months.div_euclid(12)).unwrap_or(birth.0);
    let month = u32::try_from(months.rem_euclid(12) + 1).unwrap_or(1);
    (year, month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn retirement_under_the_2024_decision() {
        // The decision's own examples.
        assert_eq!(retirement_month(60, (1964, 12)), (2024, 12), "before the first month");
        assert_eq!(retirement_month(60, (1965, 1)), (2025, 2), "60 years 1 month");
        assert_eq!(statutory_age_months(60, (1965, 4)), 60 * 12 + 1);
        assert_eq!(statutory_age_months(60, (1965, 5)), 60 * 12 + 2);
        assert_eq!(statutory_age_months(60, (1976, 12)), 63 * 12, "capped at 63");
        assert_eq!(statutory_age_months(55, (1970, 1)), 55 * 12 + 1);
        assert_eq!(statutory_age_months(55, (1981, 12)), 58 * 12);
        assert_eq!(statutory_age_months(50, (1975, 1)), 50 * 12 + 1);
        assert_eq!(statutory_age_months(50, (1975, 3)), 50 * 12 + 2, "one month per 2");
        assert_eq!(statutory_age_months(50, (1984, 12)), 55 * 12);
        assert_eq!(statutory_age_months(50, (1990, 1)), 55 * 12);
    }

    #[test]
    fn february_29_and_lunar_birthdays() {
        assert_eq!(
            gregorian_birthdays(2, 29, d("2027-01-01"), d("2027-12-31")),
            vec![d("2027-02-28")]
        );
        assert_eq!(
            gregorian_birthdays(2, 29, d("2028-01-01"), d("2028-12-31")),
            vec![d("2028-02-29")]
        );
        // 中秋 once a year.
        let moon = LunarDay { month: 8, day: 15, leap: false };
        assert_eq!(lunar_birthdays(moon, d("2027-01-01"), d("2027-12-31")), vec![d("2027-09-15")]);
        // 腊月三十 in a 29-day 腊月 (lunar 2026) is its 二十九, 2027-02-05.
        let last = LunarDay { month: 12, day: 30, leap: false };
        assert!(lunar_birthdays(last, d("2027-01-01"), d("2027-12-31")).contains(&d("2027-02-05")));
        // A 闰五月 birthday in 2028 (闰五月) and in 2027 (none: the ordinary 五月).
        let leap = LunarDay { month: 5, day: 8, leap: true };
        let in_2028 = lunar_birthdays(leap, d("2028-01-01"), d("2028-12-31"));
        assert_eq!(in_2028.len(), 1);
        assert_eq!(solar_to_lunar(in_2028[0]).map(|l| (l.month, l.leap)), Some((5, true)));
        let in_2027 = lunar_birthdays(leap, d("2027-01-01"), d("2027-12-31"));
        assert_eq!(solar_to_lunar(in_2027[0]).map(|l| (l.month, l.leap)), Some((5, false)));
    }

    #[test]
    fn a_winter_lunar_birthday_can_fall_twice_in_a_year() {
        // A 冬月 or 腊月 birthday: the previous lunar year's in January, this one's in
        // December.
        let mut twice = 0;
        for (month, day) in [(11, 20), (11, 25), (12, 1), (12, 5), (12, 10)] {
            for year in 2000..2040 {
                let dates = lunar_birthdays(
                    LunarDay { month, day, leap: false },
                    d(&format!("{year}-01-01")),
                    d(&format!("{year}-12-31")),
                );
                assert!(dates.len() <= 2);
                twice += usize::from(dates.len() == 2);
            }
        }
        assert!(twice > 0, "some years have two");
    }
}
