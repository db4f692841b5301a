//! Emitters: format what the scheduler produced. They never compute dates.

pub mod care;
pub mod csv;
pub mod docx;
pub mod holidays;
pub mod html;
pub mod ical;
pub mod ics;
pub mod json;
pub mod plan;
pub mod rule;
pub mod table;
pub mod templates;
pub mod xlsx;

use crate::model::{Calendar, Language};
use crate::schedule::Occurrence;
use crate::text::weekday_name;
use chrono::Datelike;

/// The time column of an occurrence: `14:00-17:00`, 全天 / all day, or 本月 / this month.
#[must_use]
pub(crate) fn time_text(o: &Occurrence, language: Language) -> String {
    match (o.start_time, o.end_time, o.month_task) {
        (_, _, true) => crate::t!(in language; "time-this-month"),
        (Some(s), Some(e), _) => format!("{}-{}", s.format("%H:%M"), e.format("%H:%M")),
        (Some(s), None, _) => s.format("%H:%M").to_string(),
        _ => crate::t!(in language; "agenda-all-day"),
    }
}

/// The weekday column of an occurrence (empty for a month task).
#[must_use]
pub(crate) fn weekday_text(o: &Occurrence, language: Language) -> &'static str {
    if o.month_task {
        ""
    } else {
        weekday_name(o.date.weekday(), language)
    }
}

/// A weekday as a list of days after 每周 names it (一 … 日; Mon … Sun), from the catalog:
/// 每周一、三、五.
#[must_use]
pub(crate) fn weekday_short(weekday: chrono::Weekday, language: Language) -> String {
    let names = crate::t!(in language; "routine-weekdays");
    let index = weekday.num_days_from_monday() as usize;
    names.split('|').nth(index).unwrap_or_default().to_string()
}

/// The range as a heading says it: 2027年 / 2027 for a whole year, else both dates.
#[must_use]
pub(crate) fn period_text(schedule: &crate::schedule::Schedule, language: Language) -> String {
    let (from, to) = (schedule.from, schedule.to);
    if from.year() == to.year() && from.ordinal() == 1 && to.month() == 12 && to.day() == 31 {
        crate::t!(in language; "period-year", year = from.year())
    } else {
        format!("{from} – {to}")
    }
}

/// An occurrence's description as feeds and the JSON give it: its own, then the roster's
/// count the care stage put on its activity ("共 36 人", "本月生日会员 23 人；本月寿星：…"),
/// in the calendar's language.
#[must_use]
pub fn description<'a>(
    calendar: &Calendar,
    schedule: &crate::schedule::Schedule,
    o: &'a Occurrence,
) -> Option<std::borrow::Cow<'a, str>> {
    use std::borrow::Cow;
    let lang = calendar.language;
    let counts = &schedule.counts;
    let line = if let Some((_, count)) = counts.visits.iter().find(|(e, _)| *e == o.event) {
        Some(crate::t!(in lang; "care-visit-count", count = count))
    } else if counts.party == Some(o.event) {
        let month = (o.date.year(), o.date.month());
        let (count, named) = counts.party_months.get(&month).cloned().unwrap_or_default();
        let mut line = crate::t!(in lang; "care-party-count", count = count);
        if !named.is_empty() {
            let names = named.join(&crate::t!(in lang; "list-separator"));
            line.push_str(&crate::t!(in lang; "care-party-names", names = names));
        }
        Some(line)
    } else {
        None
    };
    match (o.description.as_deref(), line) {
        (own, None) => own.map(Cow::Borrowed),
        (Some(own), Some(line)) if !own.is_empty() => Some(Cow::Owned(format!("{own}\n{line}"))),
        (_, Some(line)) => Some(Cow::Owned(line)),
    }
}

/// The organizer of an occurrence's event, or "".
#[must_use]
pub fn organizer(calendar: &Calendar, o: &Occurrence) -> String {
    calendar.events[o.event].organizer.as_deref().unwrap_or_default().to_string()
}

/// Who takes part in an occurrence's event (参加范围), or "".
#[must_use]
pub fn audience(calendar: &Calendar, o: &Occurrence) -> String {
    calendar.events[o.event].audience.as_deref().unwrap_or_default().to_string()
}

/// The label of an occurrence's category, or "".
#[must_use]
pub(crate) fn category_label<'a>(calendar: &'a Calendar, o: &Occurrence) -> &'a str {
    calendar.events[o.event]
        .category
        .as_deref()
        .and_then(|key| calendar.category(key))
        .map_or("", |c| c.label.as_str())
}

/// The months of `schedule`, each with its occurrences.
#[must_use]
pub(crate) fn by_month(
    schedule: &crate::schedule::Schedule,
) -> Vec<((i32, u32), Vec<&Occurrence>)> {
    let mut months: Vec<((i32, u32), Vec<&Occurrence>)> = Vec::new();
    for o in &schedule.occurrences {
        let key = (o.date.year(), o.date.month());
        match months.last_mut() {
            Some((k, list)) if *k == key => list.push(o),
            _ => months.push((key, vec![o])),
        }
    }
    months
}

/// A zip package (docx, xlsx) made the same on every platform: the zip writer records the
/// system it ran on (DOS on Windows, Unix elsewhere) in each central-directory entry; this
/// sets it to Unix, so the same input gives the same bytes on Windows and Linux. A package
/// it cannot walk is returned as it is.
#[must_use]
pub(crate) fn same_zip_everywhere(mut bytes: Vec<u8>) -> Vec<u8> {
    let read16 = |b: &[u8], at: usize| {
        b.get(at..at + 2).map(|s| usize::from(u16::from_le_bytes([s[0], s[1]])))
    };
    let read32 = |b: &[u8], at: usize| {
        b.get(at..at + 4)
            .and_then(|s| usize::try_from(u32::from_le_bytes([s[0], s[1], s[2], s[3]])).ok())
    };
    // The end-of-central-directory record: its signature, searched from the end.
    let Some(end) = (0..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| bytes[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
    else {
        return bytes;
    };
    let (Some(count), Some(mut at)) = (read16(&bytes, end + 10), read32(&bytes, end + 16)) else {
        return bytes;
    };
    for _ in 0..count {
        if bytes.get(at..at + 4) != Some(&[0x50, 0x4b, 0x01, 0x02][..]) {
            break;
        }
        // "Version made by": the version, then the host system (3 = Unix).
        bytes[at + 5] = 3;
        let (Some(name), Some(extra), Some(comment)) =
            (read16(&bytes, at + 28), read16(&bytes, at + 30), read16(&bytes, at + 32))
        else {
            break;
        };
        at += 46 + name + extra + comment;
    }
    bytes
}

/// A numbered prose section of the work plan (`[[plan.sections]]`): `一、指导思想` and its
/// paragraphs.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PlanSection {
    /// The numbered heading.
    pub heading: String,
    /// Its paragraphs.
    pub paragraphs: Vec<crate::model::PlanParagraph>,
}

/// The plan's numbered sections, and the heading of the activities after them
/// (`六、具体活动安排`, numbered on from the sections).
#[must_use]
pub(crate) fn plan_sections(calendar: &Calendar) -> (Vec<PlanSection>, String) {
    let lang = calendar.language;
    let numbered = |n: usize, title: &str| {
        let numeral = crate::text::chinese_numeral(i64::try_from(n).unwrap_or(0));
        crate::t!(in lang; "plan-numbered", n = n, numeral = numeral, title = title)
    };
    let sections: Vec<PlanSection> = calendar
        .plan
        .sections
        .iter()
        .enumerate()
        .map(|(i, (title, body))| PlanSection {
            heading: numbered(i + 1, title),
            paragraphs: body.to_vec(),
        })
        .collect();
    let activities = numbered(sections.len() + 1, &crate::t!(in lang; "plan-activities"));
    (sections, activities)
}

/// A month of the work plan, or a run of months `[plan] merge` shows as one (七、八月份),
/// with its tasks and its dated items grouped.
#[derive(Debug)]
pub struct PlanMonth<'a> {
    /// The year.
    pub year: i32,
    /// The first and last month of the run (the same for one month).
    pub months: (u32, u32),
    /// Its month tasks (本月工作).
    pub tasks: Vec<&'a Occurrence>,
    /// Its dated items, each event's occurrences of the same title, time and place as one.
    pub groups: Vec<Group<'a>>,
    /// How many members have a birthday in its months (`[care.birthdays]`).
    pub birthdays: usize,
}

/// The months of the work plan, in order, merged as `[plan] merge` says; months with
/// nothing are left out.
#[must_use]
pub(crate) fn plan_months<'a>(
    calendar: &Calendar,
    schedule: &'a crate::schedule::Schedule,
) -> Vec<PlanMonth<'a>> {
    let mut runs: Vec<(i32, (u32, u32), Vec<&'a Occurrence>)> = Vec::new();
    for ((year, month), list) in by_month(schedule) {
        let run = calendar
            .plan
            .merge
            .iter()
            .copied()
            .find(|(a, b)| (*a..=*b).contains(&month))
            .unwrap_or((month, month));
        match runs.last_mut() {
            Some((y, r, items)) if *y == year && *r == run => items.extend(list),
            _ => runs.push((year, run, list)),
        }
    }
    runs.into_iter()
        .map(|(year, months, list)| {
            let (tasks, groups) = month_groups(&list);
            let birthdays = schedule
                .birthdays
                .iter()
                .filter(|((y, m), _)| *y == year && (months.0..=months.1).contains(m))
                .map(|(_, count)| count)
                .sum();
            PlanMonth { year, months, tasks, groups, birthdays }
        })
        .collect()
}

/// Occurrences of one event in one month that read as one line of a plan: same title,
/// time and place.
#[derive(Debug, Clone)]
pub struct Group<'a> {
    /// The first occurrence (title, time, place).
    pub first: &'a Occurrence,
    /// Every start date, in order.
    pub dates: Vec<chrono::NaiveDate>,
}

/// A month's occurrences: its tasks (本月工作) and its dated items, grouped.
#[must_use]
pub(crate) fn month_groups<'a>(
    occurrences: &[&'a Occurrence],
) -> (Vec<&'a Occurrence>, Vec<Group<'a>>) {
    let tasks = occurrences.iter().copied().filter(|o| o.month_task).collect();
    let mut groups: Vec<Group<'a>> = Vec::new();
    for &o in occurrences.iter().filter(|o| !o.month_task) {
        let same = |g: &&mut Group<'a>| {
            g.first.event == o.event
                && g.first.title == o.title
                && g.first.start_time == o.start_time
                && g.first.end_time == o.end_time
                && g.first.location == o.location
                && g.first.end_date == g.first.date
                && o.end_date == o.date
        };
        match groups.iter_mut().find(|g| same(g)) {
            Some(g) => g.dates.push(o.date),
            None => groups.push(Group { first: o, dates: vec![o.date] }),
        }
    }
    (tasks, groups)
}

/// The dates of a group as a plan writes them: 3月8日（周一）, 6月1日（周二）—6月5日（周六）,
/// or 3月2日、4日、6日、9日、11日…（共13次）.
#[must_use]
pub(crate) fn dates_text(group: &Group<'_>, language: Language) -> String {
    let first = group.first;
    if group.dates.len() == 1 {
        let with_weekday = |d: chrono::NaiveDate| {
            let weekday = weekday_name(d.weekday(), language);
            crate::t!(in language; "date-with-weekday", date = month_day(d, language), weekday = weekday)
        };
        return if first.end_date > first.date {
            crate::t!(in language; "date-span", from = with_weekday(first.date), to = with_weekday(first.end_date))
        } else {
            with_weekday(first.date)
        };
    }
    let shown: Vec<String> = group
        .dates
        .iter()
        .take(if group.dates.len() > 6 { 5 } else { 6 })
        .enumerate()
        .map(|(i, d)| {
            if i == 0 {
                month_day(*d, language)
            } else {
                crate::t!(in language; "date-same-month", day = d.day(), mon = d.format("%b"))
            }
        })
        .collect();
    let mut text = shown.join(&crate::t!(in language; "list-separator"));
    if group.dates.len() > shown.len() {
        text.push('…');
    }
    text.push_str(&crate::t!(in language; "dates-count", count = group.dates.len()));
    text
}

/// The heading of a month or run of months of the plan (`id` is `plan-month` for plan.md,
/// `document-month` for plan.docx): `3月份`, `7、8月份`, `七、八月份`, `2027年1月份`;
/// `March 2027`, `July–August`.
#[must_use]
pub(crate) fn month_run_title(
    id: &'static str,
    year: i32,
    (first, last): (u32, u32),
    multi_year: bool,
    language: Language,
) -> String {
    let separator = crate::t!(in language; "list-separator");
    let join = |name: &dyn Fn(u32) -> String| {
        (first..=last).map(name).collect::<Vec<_>>().join(&separator)
    };
    let name = |m: u32| {
        chrono::NaiveDate::from_ymd_opt(year, m, 1)
            .map_or_else(String::new, |d| d.format("%B").to_string())
    };
    let names =
        if first == last { name(first) } else { format!("{}–{}", name(first), name(last)) };
    let args = [
        ("year", year.to_string()),
        ("multi", if multi_year { "yes" } else { "no" }.to_string()),
        ("months", join(&|m| m.to_string())),
        ("numerals", join(&|m| crate::text::chinese_numeral(i64::from(m)))),
        ("names", names),
    ];
    crate::messages::text_in(language.into(), id, &args)
}

/// A day as a date without its year: `3月8日`, `Mar 8`.
#[must_use]
pub(crate) fn month_day(date: chrono::NaiveDate, language: Language) -> String {
    crate::t!(in language; "date-month-day", month = date.month(), day = date.day(), mon = date.format("%b"))
}

/// Every output file of a build, rendered in memory: `(file name, contents)`. The feeds
/// are rendered on a second thread while the pages are. `templates` gives the compiled
/// templates; it is called once, when the pages first need them, so that they can still
/// be compiling elsewhere until then.
///
/// # Errors
///
/// When the templates do not compile or one fails; nothing is written then.
pub fn build_files<T: std::borrow::Borrow<templates::Templates>>(
    calendar: &Calendar,
    schedule: &crate::schedule::Schedule,
    templates: impl FnOnce() -> crate::Result<T>,
    stamp: chrono::DateTime<chrono::Utc>,
) -> crate::Result<Vec<(String, Vec<u8>)>> {
    xlsx::fits(schedule)?;
    let feeds = || {
        let mut files: Vec<(String, Vec<u8>)> = feeds(calendar, schedule, stamp)
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes()))
            .collect();
        files.push(("plan.xlsx".to_string(), xlsx::render(calendar, schedule, stamp)?));
        crate::Result::Ok(files)
    };
    let documents = || {
        let generated =
            format!("unioncal {} · {}", env!("CARGO_PKG_VERSION"), stamp.format("%Y-%m-%d"));
        let pages = html::Pages::new(calendar, schedule, &generated);
        let templates = templates()?;
        let templates = templates.borrow();
        let pages = pages.render(templates)?;
        let plan = plan::render_markdown(calendar, schedule, templates)?;
        let docx = docx::render(calendar, schedule, templates, stamp)?;
        crate::Result::Ok((pages, plan, docx))
    };
    let (feeds, documents) = crate::parallel::join(feeds, documents);
    let (mut files, (pages, plan, docx)) = (feeds?, documents?);
    files.extend(pages.into_iter().map(|(name, text)| (name, text.into_bytes())));
    files.push(("plan.md".to_string(), plan.into_bytes()));
    files.push(("plan.csv".to_string(), csv::render(calendar, schedule).into_bytes()));
    files.push(("plan.docx".to_string(), docx));
    Ok(files)
}

/// The feed of every event, and one per category.
fn feeds(
    calendar: &Calendar,
    schedule: &crate::schedule::Schedule,
    stamp: chrono::DateTime<chrono::Utc>,
) -> Vec<(String, String)> {
    let feed = ics::Feed::new(calendar, schedule, stamp);
    // Each event is rendered once, for the whole feed and for its category's.
    let events: Vec<String> = schedule.occurrences.iter().map(|o| feed.event(o)).collect();
    let mut files = vec![(
        format!("{}.ics", calendar.slug),
        feed.assemble(&calendar.name, events.iter().map(String::as_str)),
    )];
    for category in &calendar.categories {
        let subset = schedule.occurrences.iter().zip(&events).filter_map(|(o, text)| {
            (calendar.events[o.event].category.as_deref() == Some(category.key.as_str()))
                .then_some(text.as_str())
        });
        let name = format!("{} · {}", calendar.name, category.label);
        files.push((
            format!("{}-{}.ics", calendar.slug, category.key),
            feed.assemble(&name, subset),
        ));
    }
    // One small file per rule with its occurrences of the range, to add to any calendar
    // app (Android vendor calendars import files; WeCom, DingTalk and Feishu cannot
    // subscribe): the same VEVENTs and UIDs as the main feed.
    let mut by_rule: Vec<Vec<&str>> = vec![Vec::new(); calendar.events.len()];
    for (o, text) in schedule.occurrences.iter().zip(&events) {
        by_rule[o.event].push(text);
    }
    for (rule, texts) in calendar.events.iter().zip(by_rule) {
        if texts.is_empty() {
            continue;
        }
        let name = format!("{} · {}", calendar.name, rule.title);
        files.push((format!("events/{}.ics", rule.id), feed.assemble(&name, texts.into_iter())));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_headings_of_the_plan_and_the_document() {
        let title = |id, first, last, multi, language| {
            month_run_title(id, 2027, (first, last), multi, language)
        };
        assert_eq!(title("document-month", 7, 8, false, Language::Zh), "七、八月份");
        assert_eq!(title("document-month", 12, 12, false, Language::Zh), "十二月份");
        assert_eq!(title("document-month", 1, 1, true, Language::Zh), "2027年一月份");
        assert_eq!(title("document-month", 7, 8, false, Language::En), "July–August");
        assert_eq!(title("document-month", 1, 1, true, Language::En), "January 2027");
        assert_eq!(title("plan-month", 7, 8, false, Language::Zh), "7、8月份");
        assert_eq!(title("plan-month", 3, 3, true, Language::Zh), "2027年3月份");
        assert_eq!(title("plan-month", 3, 3, false, Language::En), "March 2027");
    }

    #[test]
    fn a_date_without_its_year() {
        let day = chrono::NaiveDate::from_ymd_opt(2027, 3, 8).unwrap();
        assert_eq!(month_day(day, Language::Zh), "3月8日");
        assert_eq!(month_day(day, Language::En), "Mar 8");
    }
}
