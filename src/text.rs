//! Words and numerals shared by the outputs: Chinese numerals, weekday names.

use chrono::Weekday;

use crate::model::Language;

/// A whole number in Chinese numerals, as a title says an edition: 十三 (not 一十三),
/// 四十七, 一百零三, 一百一十, 一千零五, 两万 is written 二万 as in formal counting.
#[must_use]
pub(crate) fn chinese_numeral(n: i64) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const UNITS: [&str; 4] = ["", "十", "百", "千"];
    if n < 0 {
        return format!("负{}", chinese_numeral(-n));
    }
    if n == 0 {
        return DIGITS[0].to_string();
    }
    // Groups of four digits: 万 (10^4) and 亿 (10^8).
    fn group(n: i64) -> String {
        let digits = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
        let mut out = String::new();
        let mut zero = false;
        for (i, &d) in digits.iter().enumerate() {
            if d == 0 {
                zero = !out.is_empty();
                continue;
            }
            if zero {
                out.push_str(DIGITS[0]);
                zero = false;
            }
            out.push_str(DIGITS[d as usize]);
            out.push_str(UNITS[3 - i]);
        }
        out
    }
    let mut out = String::new();
    let groups = [(n / 100_000_000, "亿"), (n / 10_000 % 10_000, "万"), (n % 10_000, "")];
    let mut pending_zero = false;
    for (value, unit) in groups {
        if value == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if !out.is_empty() && (pending_zero || value < 1000) {
            out.push_str(DIGITS[0]);
        }
        pending_zero = false;
        out.push_str(&group(value));
        out.push_str(unit);
    }
    // 一十 → 十 at the start (十三, 十万), as spoken.
    if let Some(stripped) = out.strip_prefix("一十") {
        out = format!("十{stripped}");
    }
    out
}

/// A number as a title shows it in `language`.
#[must_use]
pub(crate) fn numeral(n: i64, language: Language) -> String {
    match language {
        Language::Zh if n >= 0 => chinese_numeral(n),
        _ => n.to_string(),
    }
}

/// The weekday's short name: 周一 … 周日, or Mon … Sun (the catalog's `weekdays`, read
/// once per language).
#[must_use]
pub(crate) fn weekday_name(day: Weekday, language: Language) -> &'static str {
    static NAMES: std::sync::OnceLock<[Vec<String>; 2]> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        [Language::Zh, Language::En].map(|language| {
            let names = crate::t!(in language; "weekdays");
            names.split_whitespace().map(String::from).collect()
        })
    });
    let names = &names[usize::from(language == Language::En)];
    names.get(day.num_days_from_monday() as usize).map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_as_titles_say_them() {
        let cases = [
            (0, "零"),
            (5, "五"),
            (10, "十"),
            (13, "十三"),
            (20, "二十"),
            (47, "四十七"),
            (100, "一百"),
            (103, "一百零三"),
            (110, "一百一十"),
            (1005, "一千零五"),
            (1010, "一千零一十"),
            (10_000, "一万"),
            (100_000, "十万"),
            (10_001, "一万零一"),
            (20_300, "二万零三百"),
            (100_000_000, "一亿"),
        ];
        for (n, want) in cases {
            assert_eq!(chinese_numeral(n), want, "{n}");
        }
    }
}
