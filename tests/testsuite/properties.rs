//! Invariants of the scheduler over generated calendars.

use std::collections::BTreeSet;

use chrono::Duration;
use proptest::prelude::*;
use unioncal::schedule::{expand, year_range, How, Schedule};

fn anchor() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..=12, 1u32..=28).prop_map(|(m, d)| format!("date = \"{m:02}-{d:02}\"")),
        (1u32..=12, 1u32..=30).prop_map(|(m, d)| format!("lunar = \"{m:02}-{d:02}\"")),
        prop::sample::select(vec!["清明", "夏至", "冬至", "初伏", "末伏", "立春"])
            .prop_map(|t| format!("term = \"{t}\"")),
        prop::sample::select(vec!["元旦", "春节", "清明", "五一", "端午", "中秋", "国庆"])
            .prop_map(|h| format!("holiday = \"{h}\"")),
        prop::sample::subsequence(vec!["mon", "tue", "wed", "thu", "fri", "sat", "sun"], 1..=3)
            .prop_map(|days| format!("repeat = \"weekly\"\nweekdays = {days:?}")),
        (-31i32..=31)
            .prop_filter("not 0", |d| *d != 0)
            .prop_map(|d| format!("repeat = \"monthly\"\nday = {d}")),
        (1i32..=5, prop::sample::select(vec!["mon", "wed", "sat"]))
            .prop_map(|(n, w)| format!("repeat = \"monthly\"\nweekday = \"{w}\"\nnth = {n}")),
    ]
}

fn toml(anchor: &str, offset: (i32, i32), shift: &str, workdays_only: bool) -> String {
    format!(
        "[calendar]\nname = \"p\"\n[[events]]\nid = \"e\"\ntitle = \"t\"\n{anchor}\noffset = \"{:+}d{:+}wd\"\nshift = \"{shift}\"\nworkdays_only = {workdays_only}\n",
        offset.0, offset.1
    )
}

fn run(text: &str, year: i32) -> (Schedule, Vec<String>) {
    let calendar = unioncal::config::parse("p.toml", text.as_bytes(), "p")
        .unwrap_or_else(|e| panic!("{e}\n{text}"));
    let (from, to) = year_range(year);
    let schedule = expand(&calendar, from, to).unwrap();
    let uids = schedule.occurrences.iter().map(|o| o.uid(&calendar)).collect();
    (schedule, uids)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn occurrences_are_in_range_sorted_unique_and_shifts_land_on_workdays(
        anchor in anchor(),
        offset in (-20i32..=20, -3i32..=3),
        shift in prop::sample::select(vec!["none", "skip", "before", "after", "nearest"]),
        workdays_only in any::<bool>(),
        year in 2000i32..=2100,
    ) {
        let (schedule, uids) = run(&toml(&anchor, offset, shift, workdays_only), year);
        let mut seen = BTreeSet::new();
        let mut days = BTreeSet::new();
        for (o, uid) in schedule.occurrences.iter().zip(&uids) {
            prop_assert!(o.date >= schedule.from && o.date <= schedule.to, "{} outside {year}", o.date);
            prop_assert!(seen.insert(uid), "duplicate UID {}", uid);
            prop_assert!(days.insert(o.date), "two occurrences on {}", o.date);
            prop_assert_eq!(uid, &format!("e-{}@p.unioncal", o.nominal.format("%Y%m%d")));
            if o.how == How::Shifted || shift != "none" {
                prop_assert!(!schedule.days.is_off(o.date), "{} is a day off ({shift})", o.date);
            }
            if workdays_only {
                prop_assert!(!schedule.days.is_off(o.scheduled));
            }
        }
        prop_assert!(schedule.occurrences.windows(2).all(|w| w[0].date <= w[1].date));
    }

    #[test]
    fn shifting_never_changes_a_uid(
        anchor in anchor(),
        offset in (-20i32..=20, -3i32..=3),
        shift in prop::sample::select(vec!["skip", "before", "after", "nearest"]),
        year in 2001i32..=2099,
    ) {
        let (_, kept_uids) = run(&toml(&anchor, offset, "none", false), year);
        let (shifted, shifted_uids) = run(&toml(&anchor, offset, shift, false), year);
        let interior = |o: &unioncal::schedule::Occurrence| {
            o.scheduled - shifted.from > Duration::days(40) && shifted.to - o.scheduled > Duration::days(40)
        };
        for (_, uid) in shifted.occurrences.iter().zip(&shifted_uids).filter(|(o, _)| interior(o)) {
            prop_assert!(kept_uids.contains(uid), "{} only with shift {shift}", uid);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_feed_parses_back_to_the_same_events(
        anchor in anchor(),
        title in "[a-zA-Z0-9 ,;:\\\\\"<>&'工会活动🎉\n]{1,60}",
        timed in any::<bool>(),
        year in 2001i32..=2099,
    ) {
        let title = format!("活动{title}");
        let escaped = title.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
        let time = if timed { "time = \"09:30\"\nduration = \"2h\"\n" } else { "" };
        let text = format!("[calendar]\nname = \"p\"\n[[events]]\nid = \"e\"\ntitle = \"{escaped}\"\n{anchor}\n{time}location = \"{escaped}\"\n");
        let calendar = unioncal::config::parse("p.toml", text.as_bytes(), "p").unwrap_or_else(|e| panic!("{e}\n{text}"));
        let (from, to) = year_range(year);
        let schedule = expand(&calendar, from, to).unwrap();
        let stamp = chrono::DateTime::from_timestamp(0, 0).unwrap();
        let all: Vec<_> = schedule.occurrences.iter().collect();
        let feed = unioncal::emit::ics::Feed::new(&calendar, &schedule, stamp).render(&all, "p");
        for line in feed.split_terminator("\r\n") {
            prop_assert!(line.len() <= 75);
        }
        let parsed = ical::IcalParser::new(feed.as_bytes()).next().unwrap().unwrap();
        prop_assert_eq!(parsed.events.len(), schedule.occurrences.len());
        for (event, o) in parsed.events.iter().zip(&schedule.occurrences) {
            let get = |name: &str| event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default();
            prop_assert_eq!(get("UID"), o.uid(&calendar));
            // The `ical` parser trims trailing white space from values; compare without it.
            let summary = crate::support::unescape(&get("SUMMARY"));
            if o.month_task {
                prop_assert!(summary.ends_with(o.title.trim_end()));
            } else {
                prop_assert_eq!(summary.trim_end(), o.title.trim_end());
            }
            let location = crate::support::unescape(&get("LOCATION"));
            prop_assert_eq!(location.trim_end(), title.trim_end());
            let start = get("DTSTART");
            prop_assert!(start.starts_with(&o.date.format("%Y%m%d").to_string()) || o.month_task);
        }
    }
}
