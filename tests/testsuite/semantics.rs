//! Each anchor, limit, shift policy and change, and the tricky cases of the format's
//! "Precise semantics".

use crate::support::{calendar, d, dates, dates_between, try_calendar, uids, with_header, year};
use unioncal::schedule::{check, expand, How};

fn event(body: &str) -> String {
    with_header(&format!("[[events]]\nid = \"e\"\ntitle = \"活动\"\n{body}\n"))
}

#[test]
fn annual_date_and_leap_day() {
    assert_eq!(dates(&event("date = \"03-08\""), 2027), ["2027-03-08"]);
    assert_eq!(dates(&event("date = \"02-29\""), 2027), Vec::<String>::new());
    assert_eq!(dates(&event("date = \"02-29\""), 2028), ["2028-02-29"]);
}

#[test]
fn one_off_date_happens_once() {
    let toml = event("date = \"2027-06-18\"");
    assert_eq!(dates(&toml, 2027), ["2027-06-18"]);
    assert!(dates(&toml, 2028).is_empty());
}

#[test]
fn lunar_day_is_never_the_leap_month() {
    // 2023 has 闰二月: 二月十五 is 03-06, not in April.
    assert_eq!(dates(&event("lunar = \"02-15\""), 2023), ["2023-03-06"]);
}

#[test]
fn lunar_day_thirty_clamps_to_a_short_month() {
    // 除夕 2026 (腊月 of 29 days) is 02-16.
    assert_eq!(dates(&event("lunar = \"12-30\""), 2026), ["2026-02-16"]);
}

#[test]
fn laba_can_come_twice_in_one_gregorian_year() {
    assert_eq!(dates(&event("lunar = \"12-08\""), 2022), ["2022-01-10", "2022-12-30"]);
}

#[test]
fn solar_terms_and_fu() {
    assert_eq!(dates(&event("term = \"清明\""), 2027), ["2027-04-05"]);
    assert_eq!(dates(&event("term = \"初伏\""), 2026), ["2026-07-15"]);
    assert_eq!(dates(&event("term = \"末伏\""), 2026), ["2026-08-14"]);
}

#[test]
fn weekly_several_weekdays() {
    let got = dates_between(
        &event("repeat = \"weekly\"\nweekdays = [\"mon\", \"周三\", \"FRI\"]"),
        "2027-03-01",
        "2027-03-07",
    );
    assert_eq!(got, ["2027-03-01", "2027-03-03", "2027-03-05"]);
}

#[test]
fn fortnightly_counts_weeks_across_a_53_week_year() {
    // 2026 has 53 ISO weeks; the count from `start` must not restart at the new year.
    let toml =
        event("repeat = \"weekly\"\nweekdays = [\"thu\"]\ninterval = 2\nstart = \"2026-01-01\"");
    let got = dates_between(&toml, "2026-12-15", "2027-01-31");
    assert_eq!(got, ["2026-12-17", "2026-12-31", "2027-01-14", "2027-01-28"]);
}

#[test]
fn interval_weeks_count_from_the_week_holding_start() {
    // start on a Wednesday: week 0 is that Monday–Sunday, so Monday of week 0 is before start.
    let toml = event(
        "repeat = \"weekly\"\nweekdays = [\"mon\", \"thu\"]\ninterval = 2\nstart = \"2027-03-03\"",
    );
    let got = dates_between(&toml, "2027-03-01", "2027-03-21");
    assert_eq!(got, ["2027-03-04", "2027-03-15", "2027-03-18"]);
}

#[test]
fn monthly_day_last_and_too_short() {
    let last = dates_between(&event("repeat = \"monthly\"\nday = -1"), "2027-01-01", "2027-03-31");
    assert_eq!(last, ["2027-01-31", "2027-02-28", "2027-03-31"]);
    let thirty_first =
        dates_between(&event("repeat = \"monthly\"\nday = 31"), "2027-01-01", "2027-04-30");
    assert_eq!(thirty_first, ["2027-01-31", "2027-03-31"]);
}

#[test]
fn monthly_nth_weekday_first_and_last() {
    let first_wed = dates_between(
        &event("repeat = \"monthly\"\nweekday = \"wed\"\nnth = 1"),
        "2027-01-01",
        "2027-03-31",
    );
    assert_eq!(first_wed, ["2027-01-06", "2027-02-03", "2027-03-03"]);
    let last_fri = dates_between(
        &event("repeat = \"monthly\"\nweekday = \"fri\"\nnth = -1"),
        "2027-01-01",
        "2027-02-28",
    );
    assert_eq!(last_fri, ["2027-01-29", "2027-02-26"]);
}

#[test]
fn monthly_interval_counts_months_from_start() {
    let toml = event("repeat = \"monthly\"\nday = 10\ninterval = 3\nstart = \"2026-11-01\"");
    assert_eq!(dates(&toml, 2027), ["2027-02-10", "2027-05-10", "2027-08-10", "2027-11-10"]);
}

#[test]
fn daily_with_workdays_only_skips_holidays_and_keeps_make_up_saturdays() {
    let toml = event("repeat = \"daily\"\nworkdays_only = true");
    let got = dates_between(&toml, "2026-02-13", "2026-02-25");
    assert_eq!(got, ["2026-02-13", "2026-02-14", "2026-02-24", "2026-02-25"]);
}

#[test]
fn rrule_from_start_and_every_year() {
    assert_eq!(
        dates_between(&event("rrule = \"FREQ=MONTHLY;BYDAY=-1FR\""), "2027-01-01", "2027-02-28"),
        ["2027-01-29", "2027-02-26"]
    );
    let counted = event("rrule = \"FREQ=WEEKLY;COUNT=3\"\nstart = \"09-01\"");
    assert_eq!(dates(&counted, 2027), ["2027-09-01", "2027-09-08", "2027-09-15"]);
    let until = event("rrule = \"FREQ=WEEKLY;UNTIL=20270118;BYDAY=MO\"");
    assert_eq!(
        dates(&until, 2027),
        ["2027-01-04", "2027-01-11", "2027-01-18"],
        "a date UNTIL is inclusive"
    );
    let early = "[calendar]\nname = \"x\"\n[holidays]\nregion = \"none\"\n[[events]]\nid = \"a\"\ntitle = \"b\"\nrrule = \"FREQ=DAILY;UNTIL=19650103\"\nstart = \"1965-01-01\"\n";
    assert_eq!(
        dates(early, 1965),
        ["1965-01-01", "1965-01-02", "1965-01-03"],
        "an UNTIL in the 1960s is valid"
    );
    let full = event("rrule = \"FREQ=DAILY;INTERVAL=10;COUNT=3\"\nstart = \"2026-12-25\"");
    assert_eq!(dates(&full, 2027), ["2027-01-04", "2027-01-14"]);
}

#[test]
fn month_tasks_belong_to_their_month() {
    let toml = event("months = \"3-4,9\"");
    let schedule = year(&toml, 2027);
    let got: Vec<(String, String, String)> = schedule
        .occurrences
        .iter()
        .zip(uids(&toml, &schedule))
        .map(|(o, uid)| (o.date.to_string(), o.end_date.to_string(), uid))
        .collect();
    assert_eq!(got[2], ("2027-09-01".into(), "2027-09-30".into(), "e-202709@test.unioncal".into()));
    assert_eq!(got.len(), 3);
    assert!(schedule.occurrences.iter().all(|o| o.month_task && o.all_day()));
}

#[test]
fn offsets_in_days_and_weeks_move_the_nominal_date() {
    let toml = event("date = \"05-01\"\noffset = \"-1w\"");
    let schedule = year(&toml, 2027);
    assert_eq!(schedule.occurrences[0].date, d("2027-04-24"));
    assert_eq!(uids(&toml, &schedule), ["e-20270424@test.unioncal"]);
}

#[test]
fn workday_offsets_leave_the_uid_on_the_nominal_date() {
    let toml = event("date = \"10-01\"\noffset = \"-2wd\"");
    let schedule = year(&toml, 2026);
    // Break 10-01..07, 09-28 is Mon; -1wd = 09-30 (Wed), -2wd = 09-29.
    assert_eq!(schedule.occurrences[0].date, d("2026-09-29"));
    assert_eq!(uids(&toml, &schedule), ["e-20261001@test.unioncal"]);
    assert_eq!(
        schedule.occurrences[0].original_date(),
        None,
        "a wd offset is scheduling, not shifting"
    );
}

#[test]
fn shift_policies() {
    // 2026-10-03 is inside the National Day break (10-01..10-07).
    let got =
        |policy: &str| dates(&event(&format!("date = \"10-03\"\nshift = \"{policy}\"")), 2026);
    assert_eq!(got("none"), ["2026-10-03"]);
    assert!(got("skip").is_empty());
    assert_eq!(got("before"), ["2026-09-30"]);
    assert_eq!(got("after"), ["2026-10-08"]);
    assert_eq!(got("nearest"), ["2026-09-30"]);
}

#[test]
fn shift_before_lands_on_a_make_up_saturday() {
    assert_eq!(dates(&event("date = \"02-16\"\nshift = \"before\""), 2026), ["2026-02-14"]);
}

#[test]
fn nearest_tie_goes_before() {
    // 中秋 2026: 09-25 (Fri) .. 09-27 (Sun) off; from 09-26, 09-24 and 09-28 are both 2 days away.
    assert_eq!(dates(&event("date = \"09-26\"\nshift = \"nearest\""), 2026), ["2026-09-24"]);
}

#[test]
fn shifted_occurrence_keeps_uid_and_records_its_scheduled_date() {
    let toml = event("date = \"03-08\"\nshift = \"after\"");
    let schedule = year(&toml, 2026);
    let o = &schedule.occurrences[0];
    assert_eq!(
        (o.date, o.original_date(), o.how),
        (d("2026-03-09"), Some(d("2026-03-08")), How::Shifted)
    );
    assert_eq!(uids(&toml, &schedule), ["e-20260308@test.unioncal"]);
}

#[test]
fn span_of_days_shifts_whole() {
    let schedule = year(&event("date = \"10-03\"\ndays = 3\nshift = \"after\""), 2026);
    let o = &schedule.occurrences[0];
    assert_eq!((o.date, o.end_date), (d("2026-10-08"), d("2026-10-10")));
}

#[test]
fn timed_events_end_and_duration() {
    let schedule = year(&event("date = \"03-08\"\ntime = \"14:00\"\nend = \"17:00\""), 2027);
    let o = &schedule.occurrences[0];
    assert_eq!(
        (o.start_time.unwrap().to_string(), o.end_time.unwrap().to_string()),
        ("14:00:00".into(), "17:00:00".into())
    );
    let late = year(&event("date = \"12-31\"\ntime = \"22:30\"\nduration = \"3h\""), 2027);
    let o = &late.occurrences[0];
    assert_eq!((o.end_date, o.end_time.unwrap().to_string()), (d("2028-01-01"), "01:30:00".into()));
    let default = year(&with_header("[defaults]\nduration = \"90m\"\n[[events]]\nid = \"e\"\ntitle = \"x\"\ndate = \"03-08\"\ntime = \"09:00\"\n"), 2027);
    assert_eq!(default.occurrences[0].end_time.unwrap().to_string(), "10:30:00");
    let span = year(&event("date = \"03-08\"\ntime = \"09:00\"\nend = \"12:00\"\ndays = 2"), 2027);
    assert_eq!(span.occurrences[0].end_date, d("2027-03-09"));
}

#[test]
fn start_until_window_over_the_new_year() {
    let toml = event("repeat = \"monthly\"\nday = 1\nstart = \"09-01\"\nuntil = \"01-20\"");
    assert_eq!(
        dates(&toml, 2027),
        ["2027-01-01", "2027-09-01", "2027-10-01", "2027-11-01", "2027-12-01"]
    );
    let annual = event("date = \"06-01\"\nstart = \"2028-01-01\"");
    assert!(dates(&annual, 2027).is_empty());
    assert_eq!(dates(&annual, 2028), ["2028-06-01"]);
}

#[test]
fn months_filter_uses_the_scheduled_date() {
    let toml = event("repeat = \"monthly\"\nday = 1\nmonths = [3, 9]");
    assert_eq!(dates(&toml, 2027), ["2027-03-01", "2027-09-01"]);
}

#[test]
fn every_years_with_edition() {
    let toml = event("date = \"06-18\"\ntitle = \"第{edition}届会员代表大会\"\nevery_years = 5\nedition = { number = 3, year = 2022 }")
        .replace("title = \"活动\"\n", "");
    assert!(dates(&toml, 2026).is_empty());
    let schedule = year(&toml, 2027);
    assert_eq!(schedule.occurrences[0].title.as_ref() as &str, "第四届会员代表大会");
    let since = event("date = \"06-18\"\nevery_years = 2\nsince = 2025");
    assert_eq!(dates(&since, 2027).len(), 1);
    assert!(dates(&since, 2026).is_empty());
}

#[test]
fn edition_numerals_and_year_placeholder() {
    let toml = with_header("[[events]]\nid = \"s\"\ntitle = \"{year}年第{edition}届运动会（{edition_num}）{other}\"\ndate = \"10-20\"\nedition = { number = 43, year = 2023 }\n");
    assert_eq!(&*year(&toml, 2027).occurrences[0].title, "2027年第四十七届运动会（47）{other}");
    let en = toml.replace("name = \"测试工会\"", "name = \"x\"\nlanguage = \"en\"");
    assert_eq!(&*year(&en, 2083).occurrences[0].title, "2083年第103届运动会（103）{other}");
    assert_eq!(&*year(&toml, 2083).occurrences[0].title, "2083年第一百零三届运动会（103）{other}");
    assert_eq!(&*year(&toml, 2090).occurrences[0].title, "2090年第一百一十届运动会（110）{other}");
    assert_eq!(&*year(&toml, 2026).occurrences[0].title, "2026年第四十六届运动会（46）{other}");
}

#[test]
fn except_and_also() {
    let toml = event("repeat = \"monthly\"\nday = 5\nexcept = [\"2027-02-05\", \"03-05\"]\nalso = [\"2027-02-12\"]");
    let got = dates_between(&toml, "2027-01-01", "2027-04-30");
    assert_eq!(got, ["2027-01-05", "2027-02-12", "2027-04-05"]);
}

#[test]
fn except_matches_the_final_date_of_a_shifted_occurrence() {
    let toml = event("date = \"03-08\"\nshift = \"after\"\nexcept = [\"2026-03-09\"]");
    assert!(dates(&toml, 2026).is_empty());
}

#[test]
fn changes_move_cancel_and_override() {
    let toml = event(
        "repeat = \"monthly\"\nday = 5\ntime = \"14:00\"\nend = \"16:00\"\n\
         [[events.changes]]\ndate = \"2027-01-05\"\nmove_to = \"2027-01-12\"\ntitle = \"改期\"\n\
         [[events.changes]]\ndate = \"2027-02-05\"\ncancel = true\n\
         [[events.changes]]\ndate = \"2027-03-05\"\ntime = \"09:00\"\nlocation = \"礼堂\"",
    );
    let schedule = expand(&calendar(&toml), d("2027-01-01"), d("2027-03-31")).unwrap();
    let o = &schedule.occurrences;
    assert_eq!(o.len(), 2);
    assert_eq!((o[0].date, &*o[0].title, o[0].how), (d("2027-01-12"), "改期", How::Moved));
    assert_eq!(uids(&toml, &schedule)[0], "e-20270105@test.unioncal");
    assert_eq!(o[0].original_date(), Some(d("2027-01-05")));
    assert_eq!(o[1].start_time.unwrap().to_string(), "09:00:00");
    assert_eq!(o[1].end_time.unwrap().to_string(), "11:00:00", "a new time keeps the length");
    assert_eq!(o[1].location.as_deref(), Some("礼堂"));
}

#[test]
fn change_can_bring_an_occurrence_into_the_range() {
    let toml = event(
        "date = \"12-28\"\n[[events.changes]]\ndate = \"2026-12-28\"\nmove_to = \"2027-01-04\"",
    );
    assert_eq!(dates(&toml, 2027), ["2027-01-04", "2027-12-28"]);
}

#[test]
fn change_can_move_an_occurrence_from_a_distant_month_into_the_range() {
    let toml = event("date = \"2026-05-20\"\n[[events.changes]]\ndate = \"2026-05-20\"\nmove_to = \"2027-03-01\"");
    assert_eq!(dates(&toml, 2027), ["2027-03-01"]);
    assert!(dates(&toml, 2026).is_empty());
}

#[test]
fn unmatched_change_is_a_check_warning() {
    let toml = event("date = \"03-08\"\n[[events.changes]]\ndate = \"2027-03-09\"\ncancel = true");
    let cal = calendar(&toml);
    let schedule = year(&toml, 2027);
    let warnings = check(&cal, &schedule);
    assert!(warnings.iter().any(|w| w.message.contains("matches no occurrence")), "{warnings:?}");
}

#[test]
fn one_occurrence_a_day_scheduled_beats_shifted() {
    // 10-03 and 10-08 both map to 10-08 with shift after; 10-08 (on its own day) wins.
    let toml = event("date = \"10-03\"\nalso = []\nshift = \"after\"").replace(
        "date = \"10-03\"",
        "repeat = \"daily\"\nstart = \"2026-10-03\"\nuntil = \"2026-10-08\"",
    );
    let schedule = year(&toml, 2026);
    assert_eq!(uids(&toml, &schedule), ["e-20261008@test.unioncal"]);
}

#[test]
fn among_shifted_the_earliest_nominal_wins() {
    let toml = event(
        "repeat = \"daily\"\nstart = \"2026-10-02\"\nuntil = \"2026-10-04\"\nshift = \"after\"",
    );
    let schedule = year(&toml, 2026);
    assert_eq!(schedule.occurrences[0].date, d("2026-10-08"));
    assert_eq!(uids(&toml, &schedule), ["e-20261002@test.unioncal"]);
}

#[test]
fn extra_off_and_extra_work_drive_shifts() {
    let toml = "[calendar]\nname = \"x\"\n[holidays]\nextra_off = [\"2027-08-18\"]\nextra_work = [\"2027-08-21\"]\n\
                [[events]]\nid = \"e\"\ntitle = \"x\"\ndate = \"08-18\"\nshift = \"after\"\n\
                [[events]]\nid = \"f\"\ntitle = \"y\"\ndate = \"08-21\"\nshift = \"skip\"\n";
    assert_eq!(dates(toml, 2027), ["2027-08-19", "2027-08-21"]);
}

#[test]
fn region_none_has_only_weekends() {
    let toml = "[calendar]\nname = \"x\"\n[holidays]\nregion = \"none\"\n[[events]]\nid = \"e\"\ntitle = \"x\"\ndate = \"10-01\"\nshift = \"after\"\n";
    assert_eq!(dates(toml, 2026), ["2026-10-01"]);
    assert!(!year(toml, 2027).provisional(), "no statutory holidays, nothing provisional");
    assert_eq!(dates(toml, 1965), ["1965-10-01"], "region none works before 2000");
}

#[test]
fn years_outside_the_supported_range_are_errors() {
    let cal = calendar(&event("date = \"03-08\""));
    assert!(expand(&cal, d("1999-01-01"), d("1999-12-31"))
        .unwrap_err()
        .to_string()
        .contains("region = \"none\""));
    assert!(expand(&cal, d("2101-01-01"), d("2101-12-31"))
        .unwrap_err()
        .to_string()
        .contains("1960–2100"));
}

#[test]
fn invalid_calendars_are_rejected_before_expansion() {
    assert!(try_calendar(&event("date = \"03-08\"\nlunar = \"08-15\""))
        .unwrap_err()
        .contains("more than one anchor"));
}

#[test]
fn check_warns_of_overlaps_at_one_place_and_caps_the_list() {
    let mut text = with_header("");
    for i in 0..30 {
        text.push_str(&format!("[[events]]\nid = \"m{i}\"\ntitle = \"会{i}\"\ndate = \"2027-03-10\"\ntime = \"14:00\"\nend = \"15:00\"\nlocation = \"礼堂\"\n"));
    }
    text.push_str("[[events]]\nid = \"elsewhere\"\ntitle = \"x\"\ndate = \"2027-03-10\"\ntime = \"14:00\"\nlocation = \"操场\"\n");
    text.push_str("[[events]]\nid = \"later\"\ntitle = \"x\"\ndate = \"2027-03-10\"\ntime = \"15:00\"\nlocation = \"礼堂\"\n");
    let warnings = check(&calendar(&text), &year(&text, 2027));
    let overlaps: Vec<_> = warnings.iter().filter(|w| w.message.contains("overlap")).collect();
    assert_eq!(overlaps.len(), 21, "20 listed and a count");
    assert!(overlaps.last().unwrap().message.contains("and 415 more"), "{:?}", overlaps.last());
    assert!(!warnings
        .iter()
        .any(|w| w.message.contains("elsewhere") || w.message.contains("later")));
}

#[test]
fn check_warns_when_a_fifth_weekday_is_missing() {
    let toml = event("repeat = \"monthly\"\nweekday = \"mon\"\nnth = 5");
    let warnings = check(&calendar(&toml), &year(&toml, 2027));
    assert!(
        warnings.iter().any(|w| w.message.contains("no occurrence in 2027-01")),
        "{warnings:?}"
    );
}

#[test]
fn check_warns_of_days_off_unless_the_shift_is_chosen() {
    let weekend = event("date = \"2027-03-06\"");
    assert!(check(&calendar(&weekend), &year(&weekend, 2027))
        .iter()
        .any(|w| w.message.contains("falls on a day off")));
    let chosen = event("date = \"2027-03-06\"\nshift = \"none\"");
    assert!(!check(&calendar(&chosen), &year(&chosen, 2027))
        .iter()
        .any(|w| w.message.contains("falls on a day off")));
}

#[test]
fn occurrences_are_sorted_by_date_then_all_day_first_then_time_then_id() {
    // Ids out of alphabetical order in the file, times out of order, and a range long
    // enough to cross the scheduler's 16-day sorting parts many times.
    let toml = with_header(
        "[[events]]\nid = \"zeta\"\ntitle = \"z\"\nrepeat = \"weekly\"\nweekdays = [\"mon\", \"thu\"]\ntime = \"09:00\"\n\
         [[events]]\nid = \"alpha\"\ntitle = \"a\"\nrepeat = \"weekly\"\nweekdays = [\"mon\"]\ntime = \"09:00\"\n\
         [[events]]\nid = \"mid\"\ntitle = \"m\"\nrepeat = \"daily\"\ntime = \"08:30\"\n\
         [[events]]\nid = \"day\"\ntitle = \"d\"\nrepeat = \"monthly\"\nday = -1\n\
         [[events]]\nid = \"task\"\ntitle = \"t\"\nmonths = \"1-12\"\n",
    );
    let calendar = calendar(&toml);
    let schedule = expand(&calendar, d("2026-01-01"), d("2027-12-31")).unwrap();
    let key = |o: &unioncal::schedule::Occurrence| {
        (o.date, o.start_time, calendar.events[o.event].id.clone())
    };
    let got: Vec<_> = schedule.occurrences.iter().map(key).collect();
    let mut want = got.clone();
    want.sort();
    assert_eq!(got, want);
    // zeta: 2026 has 53 Thursdays; alpha; mid every day; day and task 12 a year.
    assert_eq!(got.len(), (52 + 53 + 52 + 52) + 104 + 730 + 24 + 24);
    let monday: Vec<&str> = got
        .iter()
        .filter(|(date, _, _)| *date == d("2026-06-01"))
        .map(|(_, _, id)| id.as_str())
        .collect();
    assert_eq!(monday, ["task", "mid", "alpha", "zeta"]);
}
