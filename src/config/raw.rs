//! The calendar file exactly as TOML gives it: a serde mirror with every table closed to
//! unknown keys and every value spanned, so that validation can point at it.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// A spanned string.
pub(crate) type Str = Spanned<String>;
/// A spanned list of spanned strings.
pub(crate) type StrList = Spanned<Vec<Str>>;

/// The whole file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    /// The calendar: its name and settings.
    #[schemars(with = "Option<RawCalendar>")]
    pub(crate) calendar: Option<Spanned<RawCalendar>>,
    pub(crate) defaults: Option<RawDefaults>,
    #[serde(default)]
    /// Categories of events, by key ([a-z0-9-]+), with a label and a print colour.
    #[schemars(with = "BTreeMap<String, RawCategory>")]
    pub(crate) categories: BTreeMap<String, Spanned<RawCategory>>,
    pub(crate) holidays: Option<RawHolidays>,
    /// The work plan's prose and layout (plan.docx, plan.md).
    pub(crate) plan: Option<RawPlan>,
    #[serde(default)]
    /// The rules: each [[events]] is one activity with one anchor.
    #[schemars(with = "Vec<RawEvent>")]
    pub(crate) events: Vec<Spanned<RawEvent>>,
    /// Care work from the member roster: birthdays, retirements, visits (private outputs).
    pub(crate) care: Option<RawCare>,
}

/// `[care]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCare {
    /// The member roster: .xlsx .xls .ods, or .csv (UTF-8 or GBK), relative to this file.
    #[schemars(with = "Option<String>")]
    pub(crate) roster: Option<Str>,
    /// The sheet to read (default: the first).
    #[schemars(with = "Option<String>")]
    pub(crate) sheet: Option<Str>,
    /// The folder of the private outputs (default `private` beside this file); never
    /// inside the public output folder.
    #[schemars(with = "Option<String>")]
    pub(crate) private: Option<Str>,
    /// Birthdays (生日慰问).
    pub(crate) birthdays: Option<RawBirthdays>,
    /// Retirements (退休欢送).
    pub(crate) retirement: Option<RawRetirement>,
    /// Visits (走访慰问): each is an event with `who`, a group of the roster.
    #[serde(default)]
    #[schemars(with = "Vec<RawEvent>")]
    pub(crate) visits: Vec<Spanned<RawEvent>>,
}

/// `[care.birthdays]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBirthdays {
    /// The private entry's title: {name}, {age}, {department}.
    #[schemars(with = "Option<String>")]
    pub(crate) title: Option<Str>,
    /// An event id: each occurrence says how many members have a birthday in its month.
    #[schemars(with = "Option<String>")]
    pub(crate) party: Option<Str>,
    /// The private feed's reminder, e.g. "3天".
    #[schemars(with = "Option<String>")]
    pub(crate) lead: Option<Str>,
}

/// `[care.retirement]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRetirement {
    /// The private entry's title: {name}, {department}.
    #[schemars(with = "Option<String>")]
    pub(crate) title: Option<Str>,
}

/// `[calendar]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCalendar {
    /// Name (calendar: page headers and feed name; period: the holiday, e.g. 国庆节).
    #[schemars(with = "Option<String>")]
    pub(crate) name: Option<Str>,
    /// File names and UIDs ([a-z0-9-]+); default: from the file name.
    #[schemars(with = "Option<String>")]
    pub(crate) slug: Option<Str>,
    /// Year (calendar: default year, --year overrides; edition: the year of `number`).
    #[schemars(with = "Option<i64>")]
    pub(crate) year: Option<Spanned<i64>>,
    /// IANA time zone, default Asia/Shanghai.
    #[schemars(with = "Option<String>")]
    pub(crate) timezone: Option<Str>,
    /// "zh" (default) or "en": labels, weekday names, numerals.
    #[schemars(with = "Option<String>")]
    pub(crate) language: Option<Str>,
    /// Right side of UIDs; default "<slug>.unioncal".
    #[schemars(with = "Option<String>")]
    pub(crate) uid_domain: Option<Str>,
    /// Public feed URL (https:// or http://): subscribe links and the QR code.
    #[schemars(with = "Option<String>")]
    pub(crate) url: Option<Str>,
    /// What the calendar is for, shown under its name on the pages and in the feeds.
    #[schemars(with = "Option<String>")]
    pub(crate) description: Option<Str>,
}

/// `[defaults]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDefaults {
    /// The place of every event that names none, such as "职工之家".
    #[schemars(with = "Option<String>")]
    pub(crate) location: Option<Str>,
    /// Length: "90m", "2h", "1h30m" (or "90分钟", "2小时", "1小时30分钟", "半小时").
    #[schemars(with = "Option<String>")]
    pub(crate) duration: Option<Str>,
    #[schemars(schema_with = "reminder_schema")]
    pub(crate) reminder: Option<Spanned<toml::Value>>,
    /// On a day off: "none", "skip", "before", "after" or "nearest".
    #[schemars(with = "Option<String>")]
    pub(crate) shift: Option<Str>,
    /// Who leads it (负责人 / 牵头部门).
    #[schemars(with = "Option<String>")]
    pub(crate) organizer: Option<Str>,
    /// Who takes part (参加范围), e.g. "全体女职工".
    #[schemars(with = "Option<String>")]
    pub(crate) audience: Option<Str>,
}

/// `[categories.KEY]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCategory {
    /// The label people see.
    #[schemars(with = "Option<String>")]
    pub(crate) label: Option<Str>,
    /// CSS hex colour, e.g. "#c0392b".
    #[schemars(with = "Option<String>")]
    pub(crate) color: Option<Str>,
}

/// `[plan]`: the work plan (工作计划) as a union submits it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlan {
    /// The title; default "{name}{year}年工作计划".
    #[schemars(with = "Option<String>")]
    pub(crate) title: Option<Str>,
    /// The opening paragraphs (blank lines separate paragraphs).
    #[schemars(with = "Option<String>")]
    pub(crate) intro: Option<Str>,
    #[serde(default)]
    /// Prose sections before the activities: 指导思想, 工作目标, 主要工作 …
    #[schemars(with = "Vec<RawPlanSection>")]
    pub(crate) sections: Vec<Spanned<RawPlanSection>>,
    /// Months shown as one, e.g. ["7-8"] gives 七、八月份.
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) merge: Option<StrList>,
    /// "list" (numbered items by month, default) or "table" (时间 | 活动内容 | 参加范围 | 地点 | 负责人).
    #[schemars(with = "Option<String>")]
    pub(crate) layout: Option<Str>,
    /// The signature (落款); default: the calendar's name.
    #[schemars(with = "Option<String>")]
    pub(crate) signature: Option<Str>,
    /// The date under the signature, "YYYY-MM-DD"; default: the build date.
    #[schemars(with = "Option<String>")]
    pub(crate) date: Option<Str>,
}

/// `[[plan.sections]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlanSection {
    /// The heading, e.g. "指导思想" (numbered 一、二、… in the document).
    #[schemars(with = "Option<String>")]
    pub(crate) title: Option<Str>,
    /// The text; blank lines separate paragraphs, a line starting "（一）" is a sub-heading.
    #[schemars(with = "Option<String>")]
    pub(crate) body: Option<Str>,
}

/// `[holidays]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHolidays {
    /// "cn" (statutory holidays with 调休) or "none" (weekends only).
    #[schemars(with = "Option<String>")]
    pub(crate) region: Option<Str>,
    /// More days off: "YYYY-MM-DD" (or "2027年8月18日") or ranges "YYYY-MM-DD..YYYY-MM-DD".
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) extra_off: Option<StrList>,
    /// More working days: "YYYY-MM-DD" or ranges.
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) extra_work: Option<StrList>,
    /// Files of `[[holidays.periods]]` shared by many calendars (paths relative to this
    /// file), e.g. the year's notice imported with `unioncal holidays import --into`.
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) files: Option<StrList>,
    #[serde(default)]
    /// Holiday periods the built-in data lacks (a new State Council notice, a local holiday).
    #[schemars(with = "Vec<RawPeriod>")]
    pub(crate) periods: Vec<Spanned<RawPeriod>>,
}

/// A holidays file: `[[holidays.periods]]` shared by many calendars, or an arrangement
/// saved by `holidays import --save` (which also records its `[notice]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHolidaysFile {
    pub(crate) holidays: Option<RawPeriodsOnly>,
    pub(crate) notice: Option<RawNotice>,
}

/// `[holidays]` of a holidays file: periods only.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPeriodsOnly {
    #[serde(default)]
    pub(crate) periods: Vec<Spanned<RawPeriod>>,
}

/// `[notice]` of a saved arrangement: where it came from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNotice {
    pub(crate) title: Option<String>,
    pub(crate) number: Option<String>,
    pub(crate) saved: Option<String>,
    pub(crate) from: Option<String>,
}

/// `[[holidays.periods]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPeriod {
    /// Name (calendar: page headers and feed name; period: the holiday, e.g. 国庆节).
    #[schemars(with = "Option<String>")]
    pub(crate) name: Option<Str>,
    /// Start (period: first day off; event: window start or rrule start, "MM-DD" or "YYYY-MM-DD", or "9月1日" / "2027年9月1日").
    #[schemars(with = "Option<String>")]
    pub(crate) start: Option<Str>,
    /// End (period: last day off; event/change: end time "HH:MM").
    #[schemars(with = "Option<String>")]
    pub(crate) end: Option<Str>,
    /// Make-up workdays (调休上班) of the period.
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) work: Option<StrList>,
}

/// `edition = { number = 43, year = 2023 }`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEdition {
    /// The edition number in `year`.
    #[schemars(with = "Option<i64>")]
    pub(crate) number: Option<Spanned<i64>>,
    /// Year (calendar: default year, --year overrides; edition: the year of `number`).
    #[schemars(with = "Option<i64>")]
    pub(crate) year: Option<Spanned<i64>>,
}

/// `[[events]]`: one rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvent {
    /// `[[care.visits]]` only: the members visited, `{ "状态" = "退休" }` (column = value
    /// or list of values; all must hold).
    #[schemars(with = "Option<BTreeMap<String, serde_json::Value>>")]
    pub(crate) who: Option<Spanned<toml::Table>>,
    /// Stable identity behind UIDs ([a-z0-9-]+), unique; keep it once chosen.
    #[schemars(with = "Option<String>")]
    pub(crate) id: Option<Str>,
    /// Title; {year}, {edition} and {edition_num} are filled in.
    #[schemars(with = "Option<String>")]
    pub(crate) title: Option<Str>,
    /// A key of [categories].
    #[schemars(with = "Option<String>")]
    pub(crate) category: Option<Str>,
    /// Where it takes place, such as "职工之家" or "工会活动室".
    #[schemars(with = "Option<String>")]
    pub(crate) location: Option<Str>,
    /// Who leads it (负责人 / 牵头部门).
    #[schemars(with = "Option<String>")]
    pub(crate) organizer: Option<Str>,
    /// Who takes part (参加范围), e.g. "全体女职工", "离退休职工".
    #[schemars(with = "Option<String>")]
    pub(crate) audience: Option<Str>,
    /// Notes shown with the event in the feeds and the lists.
    #[schemars(with = "Option<String>")]
    pub(crate) description: Option<Str>,
    #[schemars(schema_with = "reminder_schema")]
    pub(crate) reminder: Option<Spanned<toml::Value>>,
    /// On a day off: "none", "skip", "before", "after" or "nearest".
    #[schemars(with = "Option<String>")]
    pub(crate) shift: Option<Str>,

    /// Anchor "MM-DD" or "3月8日" (every year), "YYYY-MM-DD" or "2027年5月4日" (once); in a change, the occurrence's date.
    #[schemars(with = "Option<String>")]
    pub(crate) date: Option<Str>,
    /// Anchor: lunar "MM-DD" or "八月十五", "正月初一", "腊月廿三", "冬月初一", "除夕" every year ("12-30" is always 除夕).
    #[schemars(with = "Option<String>")]
    pub(crate) lunar: Option<Str>,
    /// Anchor: a solar term (立春 … 大寒) or 初伏, 中伏, 末伏.
    #[schemars(with = "Option<String>")]
    pub(crate) term: Option<Str>,
    /// Anchor: first day off of a statutory holiday's break (元旦 春节 清明节 劳动节 端午节 中秋节 国庆节).
    #[schemars(with = "Option<String>")]
    pub(crate) holiday: Option<Str>,
    /// Anchor: "daily", "weekly" (with weekdays) or "monthly" (with day, or weekday and nth).
    #[schemars(with = "Option<String>")]
    pub(crate) repeat: Option<Str>,
    /// Anchor: an RFC 5545 RRULE, e.g. "FREQ=MONTHLY;BYDAY=-1FR".
    #[schemars(with = "Option<String>")]
    pub(crate) rrule: Option<Str>,
    /// A task of this month (no other anchor).
    #[schemars(with = "Option<i64>")]
    pub(crate) month: Option<Spanned<i64>>,
    #[schemars(schema_with = "months_schema")]
    pub(crate) months: Option<Spanned<toml::Value>>,
    /// Weekdays of a weekly rule: mon … sun, 周一 … 周日, 星期一 … 星期日, 礼拜一 … 礼拜日.
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) weekdays: Option<StrList>,
    /// Weekday of a monthly nth-weekday rule: mon … sun, 周一 … 周日.
    #[schemars(with = "Option<String>")]
    pub(crate) weekday: Option<Str>,
    /// Which weekday of the month: 1-5, or -1 (last) … -5.
    #[schemars(with = "Option<i64>")]
    pub(crate) nth: Option<Spanned<i64>>,
    /// Day of the month for a monthly rule: 1-31, or -1 (last) … -31.
    #[schemars(with = "Option<i64>")]
    pub(crate) day: Option<Spanned<i64>>,

    /// Move the anchor: "-3d", "+1w", "-2wd" (working days).
    #[schemars(with = "Option<String>")]
    pub(crate) offset: Option<Str>,
    /// Length in days (1-366).
    #[schemars(with = "Option<i64>")]
    pub(crate) days: Option<Spanned<i64>>,
    /// Start time "HH:MM": makes the event timed.
    #[schemars(with = "Option<String>")]
    pub(crate) time: Option<Str>,
    /// End (period: last day off; event/change: end time "HH:MM").
    #[schemars(with = "Option<String>")]
    pub(crate) end: Option<Str>,
    /// Length: "90m", "2h", "1h30m" (or "90分钟", "2小时", "1小时30分钟", "半小时").
    #[schemars(with = "Option<String>")]
    pub(crate) duration: Option<Str>,

    /// Every N days/weeks/months, counted from `start` (1-999).
    #[schemars(with = "Option<i64>")]
    pub(crate) interval: Option<Spanned<i64>>,
    /// Start (period: first day off; event: window start or rrule start, "MM-DD" or "YYYY-MM-DD", or "9月1日" / "2027年9月1日").
    #[schemars(with = "Option<String>")]
    pub(crate) start: Option<Str>,
    /// Window end (inclusive), "MM-DD" or "YYYY-MM-DD" (or "1月20日" / "2028年1月20日").
    #[schemars(with = "Option<String>")]
    pub(crate) until: Option<Str>,
    /// Keep only working days (make-up workdays included).
    #[schemars(with = "Option<bool>")]
    pub(crate) workdays_only: Option<Spanned<bool>>,
    /// Happens every N years (1-100), from `since` or `edition.year`.
    #[schemars(with = "Option<i64>")]
    pub(crate) every_years: Option<Spanned<i64>>,
    /// A year the event happens in, for `every_years`.
    #[schemars(with = "Option<i64>")]
    pub(crate) since: Option<Spanned<i64>>,
    /// Edition numbering for {edition}: { number = 43, year = 2023 }.
    #[schemars(with = "Option<RawEdition>")]
    pub(crate) edition: Option<Spanned<RawEdition>>,

    /// Drop the occurrences on these dates ("YYYY-MM-DD", "MM-DD" every year, "YYYY-MM" for month tasks; or "2027年5月5日", "5月5日", "2027年9月").
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) except: Option<StrList>,
    /// Add occurrences on these dates.
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) also: Option<StrList>,
    #[serde(default)]
    /// Changes to single occurrences.
    #[schemars(with = "Vec<RawChange>")]
    pub(crate) changes: Vec<Spanned<RawChange>>,
}

/// `[[events.changes]]`: one occurrence changed.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawChange {
    /// Anchor "MM-DD" or "3月8日" (every year), "YYYY-MM-DD" or "2027年5月4日" (once); in a change, the occurrence's date.
    #[schemars(with = "Option<String>")]
    pub(crate) date: Option<Str>,
    /// Move the occurrence to this day (never shifted).
    #[schemars(with = "Option<String>")]
    pub(crate) move_to: Option<Str>,
    /// Cancel the occurrence.
    #[schemars(with = "Option<bool>")]
    pub(crate) cancel: Option<Spanned<bool>>,
    /// Title; {year}, {edition} and {edition_num} are filled in.
    #[schemars(with = "Option<String>")]
    pub(crate) title: Option<Str>,
    /// Start time "HH:MM": makes the event timed.
    #[schemars(with = "Option<String>")]
    pub(crate) time: Option<Str>,
    /// End (period: last day off; event/change: end time "HH:MM").
    #[schemars(with = "Option<String>")]
    pub(crate) end: Option<Str>,
    /// The new place for this occurrence.
    #[schemars(with = "Option<String>")]
    pub(crate) location: Option<Str>,
    /// New notes for this occurrence.
    #[schemars(with = "Option<String>")]
    pub(crate) description: Option<Str>,
}

fn reminder_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "Reminders before the start: \"1d\", \"1h\" (or \"提前1天\", \"1小时\"), a list such as [\"1d\", \"1h\"], or \"none\".",
        "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }]
    })
}

fn months_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "Months: a list of numbers 1-12, or a string of ascending ranges such as \"3-6,9-12\".",
        "anyOf": [
            { "type": "string" },
            { "type": "array", "items": { "type": "integer", "minimum": 1, "maximum": 12 } }
        ]
    })
}
