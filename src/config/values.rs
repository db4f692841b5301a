//! The small grammars inside calendar values: dates, times, durations, offsets,
//! weekdays and month lists. Each parser answers the problem and how to fix it.

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

/// `YYYY-MM-DD`.
pub(crate) fn full_date(text: &str) -> Result<NaiveDate, Invalid> {
    let help = "write a date as `YYYY-MM-DD`, e.g. `2027-03-08`";
    let parts: Vec<&str> = text.trim().split('-').collect();
    let [y, m, d] = parts[..] else {
        return Err(invalid(format!("`{text}` is not a date"), help));
    };
    if y.len() != 4 {
        return Err(invalid(format!("`{text}` is not a date"), help));
    }
    let (Some(y), Some(m), Some(d)) = (number(y), number(m), number(d)) else {
        return Err(invalid(format!("`{text}` is not a date"), help));
    };
    NaiveDate::from_ymd_opt(y, m, d)
        .ok_or_else(|| invalid(format!("{text} is not a day of the calendar"), help))
}

/// `MM-DD` (02-29 allowed: it happens in leap years only).
pub(crate) fn month_day(text: &str) -> Result<(u32, u32), Invalid> {
    let help = "write a day of the year as `MM-DD`, e.g. `03-08`";
    let Some((m, d)) = text.trim().split_once('-') else {
        return Err(invalid(format!("`{text}` is not a month-day"), help));
    };
    let (Some(m), Some(d)) = (number::<u32>(m), number::<u32>(d)) else {
        return Err(invalid(format!("`{text}` is not a month-day"), help));
    };
    if NaiveDate::from_ymd_opt(2000, m, d).is_none() {
        return Err(invalid(format!("{text} is not a day of the year"), help));
    }
    Ok((m, d))
}

/// `MM-DD` or `YYYY-MM-DD`.
pub(crate) fn date_spec(text: &str) -> Result<DateSpec, Invalid> {
    if text.trim().len() > 5 {
        full_date(text).map(DateSpec::Full)
    } else {
        month_day(text).map(|(month, day)| DateSpec::Annual { month, day }).map_err(|_| {
            invalid(
                format!("`{text}` is not a date"),
                "write `YYYY-MM-DD` for one day or `MM-DD` for every year",
            )
        })
    }
}

/// `YYYY-MM`, a month.
pub(crate) fn year_month(text: &str) -> Option<(i32, u32)> {
    let (y, m) = text.trim().split_once('-')?;
    let (y, m) = (number::<i32>(y)?, number::<u32>(m)?);
    (y >= 1 && (1..=12).contains(&m)).then_some((y, m))
}

/// `HH:MM` (also `H:MM`, and a full-width colon).
pub(crate) fn time(text: &str) -> Result<NaiveTime, Invalid> {
    let help = "write a time as `HH:MM` on the 24-hour clock, e.g. `14:30`";
    let normalized = text.trim().replace('：', ":");
    let Some((h, m)) = normalized.split_once(':') else {
        return Err(invalid(format!("`{text}` is not a time"), help));
    };
    let valid_shape = (1..=2).contains(&h.len()) && m.len() == 2;
    match (number::<u32>(h), number::<u32>(m)) {
        (Some(h), Some(m)) if valid_shape => NaiveTime::from_hms_opt(h, m, 0)
            .ok_or_else(|| invalid(format!("{text} is not a time of day"), help)),
        _ => Err(invalid(format!("`{text}` is not a time"), help)),
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

/// A length of time in minutes: `90m`, `2h`, `1h30m`, `1d`, `1w`.
pub(crate) fn minutes(text: &str) -> Result<i64, Invalid> {
    let help = "write a length as `90m`, `2h`, `1h30m` or `1d`";
    let parts = components(text)
        .ok_or_else(|| invalid(format!("`{text}` is not a length of time"), help))?;
    parts.iter().try_fold(0, |total, (n, unit)| {
        let per = match unit.as_str() {
            "m" | "min" => 1,
            "h" => 60,
            "d" => 1440,
            "w" => 10080,
            _ => return Err(invalid(format!("`{unit}` is not a unit of time in `{text}`"), help)),
        };
        Ok(total + n * per)
    })
}

/// `-3d`, `+2d`, `-1w`, `-2wd`, or several: `+1w-2wd`.
pub(crate) fn offset(text: &str) -> Result<Offset, Invalid> {
    let help = "write an offset as `-3d` (days), `+1w` (weeks) or `-2wd` (working days)";
    let bad = || invalid(format!("`{text}` is not an offset"), help);
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
/// `星期一` … `星期日`, and `周天` / `星期天`.
pub(crate) fn weekday(text: &str) -> Result<Weekday, Invalid> {
    let lower = text.trim().to_lowercase();
    let chinese = lower.strip_prefix("星期").or_else(|| lower.strip_prefix('周'));
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
    found.ok_or_else(|| {
        invalid(
            format!("`{text}` is not a weekday"),
            "write `mon` `tue` `wed` `thu` `fri` `sat` `sun`, or 周一 … 周日",
        )
    })
}

/// A month list as text: `"3-6,9-12"`, `"3,5"`.
pub(crate) fn months_text(text: &str) -> Result<Months, Invalid> {
    let help = "write months as numbers 1–12 and ascending ranges, e.g. `\"3-6,9-12\"`";
    let mut months = Months::default();
    for item in text.split([',', '，']) {
        let item = item.trim();
        let (first, last) = item.split_once('-').unwrap_or((item, item));
        let (Some(first), Some(last)) = (number::<u32>(first.trim()), number::<u32>(last.trim()))
        else {
            return Err(invalid(format!("`{item}` is not a month or a range of months"), help));
        };
        if !(1..=12).contains(&first) || !(1..=12).contains(&last) {
            return Err(invalid(
                format!(
                    "month {} is not between 1 and 12",
                    if (1..=12).contains(&first) { last } else { first }
                ),
                help,
            ));
        }
        if first > last {
            return Err(invalid(
                format!("the range `{item}` runs backwards"),
                "ranges must ascend: write `\"9-12,1-3\"` instead of `\"9-3\"`",
            ));
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
