//! Chinese notation in the calendar file: each form gives exactly what its English twin
//! gives.

use crate::support::{calendar, try_calendar, year};

const ENGLISH: &str = r#"[calendar]
name = "测试工会"

[defaults]
duration = "90m"
reminder = ["1d", "30m"]

[holidays]
extra_off = ["2027-08-18"]

[[events]]
id = "womens-day"
title = "三八妇女节"
date = "03-08"
time = "14:00"
duration = "2h"

[[events]]
id = "congress"
title = "职代会"
date = "2027-05-04"
duration = "1h30m"
time = "09:00"
reminder = "1d"

[[events]]
id = "mid-autumn"
title = "中秋慰问"
lunar = "08-15"

[[events]]
id = "new-year-eve"
title = "除夕值班"
lunar = "12-30"

[[events]]
id = "xiaonian"
title = "小年扫除"
lunar = "12-23"

[[events]]
id = "winter"
title = "冬月初一"
lunar = "11-01"

[[events]]
id = "spring"
title = "正月初一团拜"
lunar = "01-01"

[[events]]
id = "study"
title = "安全学习"
repeat = "weekly"
weekdays = ["mon", "wed", "sun"]
time = "12:00"
duration = "30m"
start = "09-01"
until = "2027-12-31"
except = ["2027-09-08"]
also = ["2027-10-09"]

[[events]]
id = "reception"
title = "接待日"
repeat = "monthly"
weekday = "wed"
nth = 1

[[events]]
id = "dues"
title = "收缴会费"
month = 9

[[events.changes]]
date = "2027-09"
title = "收缴全年会费"
"#;

const CHINESE: &str = r#"[calendar]
name = "测试工会"

[defaults]
duration = "1个半小时"
reminder = ["提前1天", "半小时"]

[holidays]
extra_off = ["2027年8月18日"]

[[events]]
id = "womens-day"
title = "三八妇女节"
date = "3月8日"
time = "14：00"
duration = "2小时"

[[events]]
id = "congress"
title = "职代会"
date = "２０２７年５月４日"
duration = "1小时30分钟"
time = "09:00"
reminder = "1天"

[[events]]
id = "mid-autumn"
title = "中秋慰问"
lunar = "八月十五"

[[events]]
id = "new-year-eve"
title = "除夕值班"
lunar = "除夕"

[[events]]
id = "xiaonian"
title = "小年扫除"
lunar = "腊月廿三"

[[events]]
id = "winter"
title = "冬月初一"
lunar = "冬月初一"

[[events]]
id = "spring"
title = "正月初一团拜"
lunar = "正月初一"

[[events]]
id = "study"
title = "安全学习"
repeat = "weekly"
weekdays = ["周一", "星期三", "礼拜天"]
time = "12:00"
duration = "30分钟"
start = "9月1日"
until = "2027年12月31日"
except = ["2027年9月8日"]
also = ["2027年10月9日"]

[[events]]
id = "reception"
title = "接待日"
repeat = "monthly"
weekday = "礼拜三"
nth = 1

[[events]]
id = "dues"
title = "收缴会费"
month = 9

[[events.changes]]
date = "2027年9月"
title = "收缴全年会费"
"#;

#[test]
fn a_calendar_in_chinese_notation_equals_its_english_twin() {
    for y in [2026, 2027, 2028] {
        let (english, chinese) = (year(ENGLISH, y), year(CHINESE, y));
        assert!(english.occurrences.len() > 15, "{}", english.occurrences.len());
        let render = |toml: &str, s: &unioncal::schedule::Schedule| {
            let mut out = Vec::new();
            unioncal::emit::json::write(&calendar(toml), s, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(render(CHINESE, &chinese), render(ENGLISH, &english), "{y}");
    }
    let twin = calendar(CHINESE);
    assert_eq!(twin.events[0].reminders, vec![30, 1440]);
}

#[test]
fn other_forms_get_the_accepted_ones_in_the_hint() {
    let bad = |key: &str, value: &str| {
        let toml = format!("[calendar]\nname = \"x\"\n\n[[events]]\nid = \"a\"\ntitle = \"t\"\n{key} = \"{value}\"\n");
        try_calendar(&toml).unwrap_err()
    };
    let err = bad("date", "3月32日");
    assert!(err.contains("3月8日") && err.contains("--> test.toml:7:8"), "{err}");
    let err = bad("lunar", "八月十六日");
    assert!(err.contains("八月十五") && err.contains("除夕"), "{err}");
    let err = bad("date", "三月八日");
    assert!(err.contains("`MM-DD` (or `3月8日`)"), "{err}");
}
