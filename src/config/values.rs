//! The small grammars inside calendar values: dates, times, durations, offsets,
//! weekdays and month lists. Each parser answers the problem and how to fix it.

use crate::t;
use chrono::{NaiveDate, NaiveTime, Weekday};

use crate::model::{DateSpec, Months, Offset};

/// A value that does not parse: what is wrong, and how to write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Invalid {
    pub(crate) message: String,
    pub(crate) help: String,
}

fn invalid(message: impl Into<String>, help: impl Into<String>) -> Invalid {
    Invalid { message: message.into(), help: help.into() }
}

fn number<T: std::str::FromStr>(text: &str) -> Option<T> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}

/// A value as typed with a Chinese input method, in half width: full-width ASCII
/// (`１４：３０`, `２０２７－０３－０８`) as ASCII, an ideographic space as a space. Every
/// notation value is read through this, so `"１４：３０"` is `14:30`.
#[must_use]
pub(crate) fn half_width(text: &str) -> std::borrow::Cow<'_, str> {
    let wide = |c: char| ('\u{ff01}'..='\u{ff5e}').contains(&c) || c == '\u{3000}';
    if !text.chars().any(wide) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\u{3000}' => ' ',
                c if wide(c) => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                c => c,
            })
            .collect(),
    )
}

/// Full-width digits and letters as ASCII (`２０２７年` → `2027年`), spaces trimmed.
fn ascii_digits(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '－' => '-',
            '：' => ':',
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A date in Chinese notation: `3月8日` (`号` for `日` too) or `2027年5月4日`, with
/// full-width digits allowed: (year, month, day).
fn chinese_date(text: &str) -> Option<(Option<i32>, u32, u32)> {
    let text = ascii_digits(text);
    let (year, rest) = match text.split_once('年') {
        Some((y, rest)) if y.len() == 4 => (Some(number::<i32>(y)?), rest),
        Some(_) => return None,
        None => (None, text.as_str()),
    };
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日').or_else(|| rest.strip_suffix('号'))?;
    Some((year, number(month)?, number(day)?))
}

/// `YYYY-MM-DD`, or `2027年5月4日`.
pub(crate) fn full_date(text: &str) -> Result<NaiveDate, Invalid> {
    let help = || t!("date-help");
    if let Some((year, month, day)) = chinese_date(text) {
        let Some(year) = year else {
            return Err(invalid(t!("date-no-year", text = text), help()));
        };
        return NaiveDate::from_ymd_opt(year, month, day)
            .ok_or_else(|| invalid(t!("date-not-a-day", text = text), help()));
    }
    let parts: Vec<&str> = text.trim().split('-').collect();
    let [y, m, d] = parts[..] else {
        return Err(invalid(t!("date-invalid", text = text), help()));
    };
    if y.len() != 4 {
        return Err(invalid(t!("date-invalid", text = text), help()));
    }
    let (Some(y), Some(m), Some(d)) = (number(y), number(m), number(d)) else {
        return Err(invalid(t!("date-invalid", text = text), help()));
    };
    NaiveDate::from_ymd_opt(y, m, d)
        .ok_or_else(|| invalid(t!("date-not-a-day", text = text), help()))
}

/// `MM-DD` or `3月8日` (02-29 allowed: it happens in leap years only).
pub(crate) fn month_day(text: &str) -> Result<(u32, u32), Invalid> {
    let help = || t!("month-day-help");
    let (m, d) = match chinese_date(text) {
        Some((None, m, d)) => (m, d),
        Some(_) => return Err(invalid(t!("month-day-invalid", text = text), help())),
        None => {
            let Some((m, d)) = text.trim().split_once('-') else {
                return Err(invalid(t!("month-day-invalid", text = text), help()));
            };
            let (Some(m), Some(d)) = (number::<u32>(m), number::<u32>(d)) else {
                return Err(invalid(t!("month-day-invalid", text = text), help()));
            };
            (m, d)
        }
    };
    if NaiveDate::from_ymd_opt(2000, m, d).is_none() {
        return Err(invalid(t!("month-day-not-a-day", text = text), help()));
    }
    Ok((m, d))
}

/// `MM-DD` or `YYYY-MM-DD`; `3月8日` or `2027年3月8日`.
pub(crate) fn date_spec(text: &str) -> Result<DateSpec, Invalid> {
    if let Some((year, _, _)) = chinese_date(text) {
        return if year.is_some() {
            full_date(text).map(DateSpec::Full)
        } else {
            month_day(text).map(|(month, day)| DateSpec::Annual { month, day })
        };
    }
    if text.trim().is_ascii() && text.trim().len() > 5 {
        full_date(text).map(DateSpec::Full)
    } else {
        month_day(text)
            .map(|(month, day)| DateSpec::Annual { month, day })
            .map_err(|_| invalid(t!("date-invalid", text = text), t!("date-spec-help")))
    }
}

/// `YYYY-MM` (exactly) or `2027年9月`, a month.
pub(crate) fn year_month(text: &str) -> Option<(i32, u32)> {
    let folded = ascii_digits(text);
    if let Some(rest) = folded.strip_suffix('月') {
        let (y, m) = rest.split_once('年')?;
        let (y, m) = (number::<i32>(y)?, number::<u32>(m)?);
        return (y >= 1 && y.to_string().len() == 4 && (1..=12).contains(&m)).then_some((y, m));
    }
    if text.trim().len() != 7 {
        return None;
    }
    let (y, m) = text.trim().split_once('-')?;
    let (y, m) = (number::<i32>(y)?, number::<u32>(m)?);
    (y >= 1 && (1..=12).contains(&m)).then_some((y, m))
}

/// `HH:MM` (also `H:MM`, and a full-width colon).
pub(crate) fn time(text: &str) -> Result<NaiveTime, Invalid> {
    let help = || t!("time-help");
    let normalized = text.trim().replace('：', ":");
    let Some((h, m)) = normalized.split_once(':') else {
        return Err(invalid(t!("time-invalid", text = text), help()));
    };
    let valid_shape = (1..=2).contains(&h.len()) && m.len() == 2;
    match (number::<u32>(h), number::<u32>(m)) {
        (Some(h), Some(m)) if valid_shape => NaiveTime::from_hms_opt(h, m, 0)
            .ok_or_else(|| invalid(t!("time-not-a-time", text = text), help())),
        _ => Err(invalid(t!("time-invalid", text = text), help())),
    }
}

/// Split `1h30m`-style text into (number, unit) pairs.
fn components(text: &str) -> Option<Vec<(i64, String)>> {
    let mut out = Vec::new();
    let mut chars = text.trim().chars().peekable();
    while chars.peek().is_some() {
        let mut digits = String::new();
        while let Some(c) = chars.peek().filter(|c| c.is_ascii_digit()) {
            digits.push(*c);
            chars.next();
        }
        let mut unit = String::new();
        while let Some(c) = chars.peek().filter(|c| c.is_ascii_alphabetic()) {
            unit.push(c.to_ascii_lowercase());
            chars.next();
        }
        if digits.is_empty() || unit.is_empty() || digits.len() > 6 {
            return None;
        }
        out.push((digits.parse().ok()?, unit));
    }
    (!out.is_empty()).then_some(out)
}

/// A length in Chinese: `2小时`, `90分钟`, `1小时30分钟`, `半小时`, `1个半小时`, `1天`,
/// `1周`; a reminder may start with `提前` (`提前1天`).
fn chinese_minutes(text: &str) -> Option<i64> {
    let text = ascii_digits(text);
    let mut rest = text.strip_prefix("提前").unwrap_or(&text);
    if rest.is_ascii() {
        return None;
    }
    let mut total = 0;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let n: i64 = if digits == 0 { 0 } else { number(&rest[..digits])? };
        rest = &rest[digits..];
        let units: [(&str, i64, i64); 12] = [
            ("个半小时", 60, 30),
            ("个半钟头", 60, 30),
            ("小时半", 60, 30),
            ("半小时", 0, 30),
            ("个小时", 60, 0),
            ("小时", 60, 0),
            ("个钟头", 60, 0),
            ("钟头", 60, 0),
            ("分钟", 1, 0),
            ("天", 1440, 0),
            ("周", 10080, 0),
            ("分", 1, 0),
        ];
        let (unit, per, extra) = units.iter().find(|(u, _, _)| rest.starts_with(u))?;
        if digits == 0 && *extra == 0 {
            return None;
        }
        total += n * per + extra;
        rest = &rest[unit.len()..];
    }
    (total > 0).then_some(total)
}

/// A length of time in minutes: `90m`, `2h`, `1h30m`, `1d`, `1w`; in Chinese `90分钟`,
/// `2小时`, `1小时30分钟`, `半小时`, `1天`, `提前1天`.
pub(crate) fn minutes(text: &str) -> Result<i64, Invalid> {
    let help = || t!("length-help");
    if let Some(total) = chinese_minutes(text) {
        return Ok(total);
    }
    let parts =
        components(text).ok_or_else(|| invalid(t!("length-invalid", text = text), help()))?;
    parts.iter().try_fold(0, |total, (n, unit)| {
        let per = match unit.as_str() {
            "m" | "min" => 1,
            "h" => 60,
            "d" => 1440,
            "w" => 10080,
            _ => return Err(invalid(t!("length-unit", unit = unit, text = text), help())),
        };
        Ok(total + n * per)
    })
}

/// `-3d`, `+2d`, `-1w`, `-2wd`, or several: `+1w-2wd`.
pub(crate) fn offset(text: &str) -> Result<Offset, Invalid> {
    let help = || t!("offset-help");
    let bad = || invalid(t!("offset-invalid", text = text), help());
    let mut result = Offset::default();
    let mut rest = text.trim();
    if rest.is_empty() {
        return Err(bad());
    }
    while !rest.is_empty() {
        let (sign, tail) = match rest.as_bytes()[0] {
            b'-' => (-1, &rest[1..]),
            b'+' => (1, &rest[1..]),
            _ => (1, rest),
        };
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        let n: i64 = number(&tail[..digits]).ok_or_else(bad)?;
        let tail = &tail[digits..];
        let (unit, tail) = if let Some(t) = tail.strip_prefix("wd") {
            ("wd", t)
        } else if let Some(t) = tail.strip_prefix('w') {
            ("w", t)
        } else if let Some(t) = tail.strip_prefix('d') {
            ("d", t)
        } else {
            return Err(bad());
        };
        match unit {
            "wd" => result.workdays += i32::try_from(sign * n).map_err(|_| bad())?,
            "w" => result.days += sign * n * 7,
            _ => result.days += sign * n,
        }
        rest = tail.trim_start();
    }
    Ok(result)
}

/// A weekday: `mon` … `sun` (any case, or the full English name), `周一` … `周日`,
/// `星期一` … `星期日`, `礼拜一` … `礼拜日`, and `周天` / `星期天` / `礼拜天`.
pub(crate) fn weekday(text: &str) -> Result<Weekday, Invalid> {
    let lower = text.trim().to_lowercase();
    let chinese = lower
        .strip_prefix("星期")
        .or_else(|| lower.strip_prefix("礼拜"))
        .or_else(|| lower.strip_prefix('周'));
    let found = match chinese {
        Some("一") => Some(Weekday::Mon),
        Some("二") => Some(Weekday::Tue),
        Some("三") => Some(Weekday::Wed),
        Some("四") => Some(Weekday::Thu),
        Some("五") => Some(Weekday::Fri),
        Some("六") => Some(Weekday::Sat),
        Some("日" | "天") => Some(Weekday::Sun),
        Some(_) => None,
        None => match lower.as_str() {
            "mon" | "monday" => Some(Weekday::Mon),
            "tue" | "tuesday" => Some(Weekday::Tue),
            "wed" | "wednesday" => Some(Weekday::Wed),
            "thu" | "thursday" => Some(Weekday::Thu),
            "fri" | "friday" => Some(Weekday::Fri),
            "sat" | "saturday" => Some(Weekday::Sat),
            "sun" | "sunday" => Some(Weekday::Sun),
            _ => None,
        },
    };
    found.ok_or_else(|| invalid(t!("weekday-invalid", text = text), t!("weekday-help")))
}

/// A lunar month-day: `08-15`, or in Chinese `八月十五`, `正月初一`, `腊月廿三` /
/// `腊月二十三`, `冬月初一` / `十一月初一`, `除夕` (the last day of the twelfth month, like
/// `12-30`). A leap month is never meant. Day 30 of a 29-day month is its last day.
pub(crate) fn lunar_day(text: &str) -> Result<(u8, u8), Invalid> {
    let help = || t!("lunar-help");
    let folded = ascii_digits(text);
    let folded = folded.strip_prefix("农历").unwrap_or(&folded);
    if folded == "除夕" {
        return Ok((12, 30));
    }
    let parsed = if let Some((m, d)) = folded.split_once('-') {
        number::<u8>(m).zip(number::<u8>(d))
    } else {
        chinese_lunar(folded)
    };
    match parsed {
        Some((month @ 1..=12, day @ 1..=30)) => Ok((month, day)),
        Some(_) => Err(invalid(t!("lunar-out-of-range", text = text), help())),
        None => Err(invalid(t!("lunar-invalid", text = text), help())),
    }
}

fn chinese_digit(c: char) -> Option<u8> {
    "一二三四五六七八九".chars().position(|d| d == c).and_then(|i| u8::try_from(i + 1).ok())
}

/// `八月十五` → (8, 15).
fn chinese_lunar(text: &str) -> Option<(u8, u8)> {
    let months = [
        ("正月", 1),
        ("冬月", 11),
        ("腊月", 12),
        ("十一月", 11),
        ("十二月", 12),
        ("十月", 10),
        ("一月", 1),
        ("二月", 2),
        ("三月", 3),
        ("四月", 4),
        ("五月", 5),
        ("六月", 6),
        ("七月", 7),
        ("八月", 8),
        ("九月", 9),
    ];
    let (prefix, month) = months.iter().find(|(name, _)| text.starts_with(name))?;
    let day = &text[prefix.len()..];
    let chars: Vec<char> = day.chars().collect();
    let day = match chars.as_slice() {
        ['初', '十'] => 10,
        ['初', d] => chinese_digit(*d)?,
        ['十'] => 10,
        ['十', d] => 10 + chinese_digit(*d)?,
        ['二', '十'] => 20,
        ['二', '十', d] | ['廿', d] => 20 + chinese_digit(*d)?,
        ['廿'] => 20,
        ['三', '十'] | ['卅'] => 30,
        _ => return None,
    };
    Some((*month, day))
}

/// A month list as text: `"3-6,9-12"`, `"3,5"`.
pub(crate) fn months_text(text: &str) -> Result<Months, Invalid> {
    let help = || t!("months-text-help");
    let mut months = Months::default();
    for item in text.split([',', '，']) {
        let item = item.trim();
        let (first, last) = item.split_once('-').unwrap_or((item, item));
        let (Some(first), Some(last)) = (number::<u32>(first.trim()), number::<u32>(last.trim()))
        else {
            return Err(invalid(t!("months-text-invalid", item = item), help()));
        };
        if !(1..=12).contains(&first) || !(1..=12).contains(&last) {
            return Err(invalid(
                t!(
                    "month-out-of-range",
                    month = if (1..=12).contains(&first) { last } else { first }
                ),
                help(),
            ));
        }
        if first > last {
            return Err(invalid(t!("months-backwards", item = item), t!("months-backwards-help")));
        }
        for m in first..=last {
            months.0 |= 1 << m;
        }
    }
    Ok(months)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_combine_days_weeks_and_workdays() {
        assert_eq!(offset("-3d").unwrap(), Offset { days: -3, workdays: 0 });
        assert_eq!(offset("+1w").unwrap(), Offset { days: 7, workdays: 0 });
        assert_eq!(offset("-2wd").unwrap(), Offset { days: 0, workdays: -2 });
        assert_eq!(offset("+1w-2wd").unwrap(), Offset { days: 7, workdays: -2 });
        assert_eq!(offset("2d").unwrap(), Offset { days: 2, workdays: 0 });
        assert!(offset("-3x").is_err());
        assert!(offset("").is_err());
        assert!(offset("--3d").is_err());
    }

    #[test]
    fn durations_in_minutes() {
        assert_eq!(minutes("90m"), Ok(90));
        assert_eq!(minutes("2h"), Ok(120));
        assert_eq!(minutes("1h30m"), Ok(90));
        assert_eq!(minutes("1d"), Ok(1440));
        assert!(minutes("2 hours").is_err());
        assert!(minutes("h").is_err());
    }

    #[test]
    fn weekdays_in_english_and_chinese() {
        assert_eq!(weekday("MON"), Ok(Weekday::Mon));
        assert_eq!(weekday("周天"), Ok(Weekday::Sun));
        assert_eq!(weekday("星期日"), Ok(Weekday::Sun));
        assert_eq!(weekday("星期三"), Ok(Weekday::Wed));
        assert!(weekday("周八").is_err());
    }

    #[test]
    fn chinese_notation_equals_its_english_twin() {
        assert_eq!(date_spec("3月8日"), date_spec("03-08"));
        assert_eq!(date_spec("2027年5月4日"), date_spec("2027-05-04"));
        assert_eq!(date_spec("２０２７年５月４日"), date_spec("2027-05-04"));
        assert_eq!(date_spec("3月8号"), date_spec("03-08"));
        assert_eq!(full_date("2027年5月4日"), full_date("2027-05-04"));
        assert!(full_date("5月4日").unwrap_err().message.contains("no year"));
        assert!(date_spec("2月30日").is_err());
        assert_eq!(year_month("2027年9月"), year_month("2027-09"));
        assert_eq!(year_month("2027-9"), None);
        assert_eq!(lunar_day("八月十五"), Ok((8, 15)));
        assert_eq!(lunar_day("正月初一"), Ok((1, 1)));
        assert_eq!(lunar_day("腊月廿三"), Ok((12, 23)));
        assert_eq!(lunar_day("腊月二十三"), Ok((12, 23)));
        assert_eq!(lunar_day("冬月初一"), lunar_day("十一月初一"));
        assert_eq!(lunar_day("冬月初一"), Ok((11, 1)));
        assert_eq!(lunar_day("除夕"), Ok((12, 30)));
        assert_eq!(lunar_day("正月初十"), Ok((1, 10)));
        assert_eq!(lunar_day("五月初五"), lunar_day("05-05"));
        assert_eq!(lunar_day("九月初九"), Ok((9, 9)));
        assert_eq!(lunar_day("三月三十"), Ok((3, 30)));
        assert!(lunar_day("八月四十").is_err());
        assert!(lunar_day("闰八月十五").is_err());
        assert_eq!(minutes("2小时"), minutes("2h"));
        assert_eq!(minutes("90分钟"), minutes("90m"));
        assert_eq!(minutes("1小时30分钟"), minutes("1h30m"));
        assert_eq!(minutes("半小时"), Ok(30));
        assert_eq!(minutes("1个半小时"), Ok(90));
        assert_eq!(minutes("1天"), minutes("1d"));
        assert_eq!(minutes("提前1天"), minutes("1d"));
        assert_eq!(minutes("２小时"), Ok(120));
        assert!(minutes("小时").is_err());
        assert!(minutes("两小时").is_err());
        assert_eq!(weekday("礼拜一"), Ok(Weekday::Mon));
        assert_eq!(weekday("礼拜天"), Ok(Weekday::Sun));
    }

    #[test]
    fn month_strings_ascend() {
        let months = months_text("3-6,9-12").unwrap();
        assert_eq!(months.iter().collect::<Vec<_>>(), vec![3, 4, 5, 6, 9, 10, 11, 12]);
        assert!(months_text("9-3").unwrap_err().help.contains("ascend"));
        assert!(months_text("13").is_err());
    }

    #[test]
    fn dates_times_and_month_days() {
        assert_eq!(date_spec("02-29"), Ok(DateSpec::Annual { month: 2, day: 29 }));
        assert!(date_spec("02-30").is_err());
        assert!(full_date("2027-02-29").is_err());
        assert_eq!(time("9:05"), NaiveTime::from_hms_opt(9, 5, 0).ok_or_else(|| unreachable!()));
        assert!(time("24:00").is_err());
        assert!(time("14:5").is_err());
        assert!(time("14-30").is_err());
        assert_eq!(year_month("2027-09"), Some((2027, 9)));
    }
}
