//! China's statutory holidays: the official State Council arrangements embedded from
//! `cn-holidays.txt`, and for a year without one, the statutory days computed from the
//! law (《全国年节及纪念日放假办法》) with their days off in lieu (补假).

use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::almanac::{lunar_to_solar, SolarTerm};

/// The seven statutory festivals that give the whole population days off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Festival {
    /// 元旦, 1 January.
    NewYear,
    /// 春节, 正月初一.
    SpringFestival,
    /// 清明节, the 清明 solar term.
    Qingming,
    /// 劳动节, 1 May.
    Labour,
    /// 端午节, 五月初五.
    DragonBoat,
    /// 中秋节, 八月十五.
    MidAutumn,
    /// 国庆节, 1 October.
    National,
}

impl Festival {
    /// All seven, in calendar order.
    pub(crate) const ALL: [Self; 7] = [
        Self::NewYear,
        Self::SpringFestival,
        Self::Qingming,
        Self::Labour,
        Self::DragonBoat,
        Self::MidAutumn,
        Self::National,
    ];

    /// The festival a name or alias denotes: 元旦 春节 清明节 劳动节 端午节 中秋节 国庆节,
    /// and 清明 劳动 五一 端午 中秋 国庆 十一.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name.trim() {
            "元旦" => Self::NewYear,
            "春节" => Self::SpringFestival,
            "清明节" | "清明" => Self::Qingming,
            "劳动节" | "劳动" | "五一" => Self::Labour,
            "端午节" | "端午" => Self::DragonBoat,
            "中秋节" | "中秋" => Self::MidAutumn,
            "国庆节" | "国庆" | "十一" => Self::National,
            _ => return None,
        })
    }

    /// The festivals a period's name covers: one name, or a combined notice such as
    /// 国庆节、中秋节.
    #[must_use]
    pub(crate) fn in_name(name: &str) -> Vec<Self> {
        name.split(['、', ',', '，', '/']).filter_map(Self::from_name).collect()
    }

    /// The Chinese name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::NewYear => "元旦",
            Self::SpringFestival => "春节",
            Self::Qingming => "清明节",
            Self::Labour => "劳动节",
            Self::DragonBoat => "端午节",
            Self::MidAutumn => "中秋节",
            Self::National => "国庆节",
        }
    }

    /// The English name.
    #[must_use]
    pub(crate) fn english_name(self) -> &'static str {
        match self {
            Self::NewYear => "New Year's Day",
            Self::SpringFestival => "Spring Festival",
            Self::Qingming => "Qingming Festival",
            Self::Labour => "Labour Day",
            Self::DragonBoat => "Dragon Boat Festival",
            Self::MidAutumn => "Mid-Autumn Festival",
            Self::National => "National Day",
        }
    }

    /// The festival's own day in Gregorian `year`: 01-01, 正月初一, the 清明 term, 05-01,
    /// 五月初五, 八月十五, 10-01. This is what a `holiday` anchor's nominal date uses.
    #[must_use]
    pub(crate) fn statutory_day(self, year: i32) -> Option<NaiveDate> {
        match self {
            Self::NewYear => NaiveDate::from_ymd_opt(year, 1, 1),
            Self::SpringFestival => lunar_to_solar(year, 1, 1),
            Self::Qingming => SolarTerm::QINGMING.date(year),
            Self::Labour => NaiveDate::from_ymd_opt(year, 5, 1),
            Self::DragonBoat => lunar_to_solar(year, 5, 5),
            Self::MidAutumn => lunar_to_solar(year, 8, 15),
            Self::National => NaiveDate::from_ymd_opt(year, 10, 1),
        }
    }

    /// The statutory days off the law in force in `year` grants (none before 2000, and
    /// none for 清明, 端午 and 中秋 before 2008).
    #[must_use]
    pub(crate) fn law_days(self, year: i32) -> Vec<NaiveDate> {
        let Some(first) = self.statutory_day(year) else {
            return Vec::new();
        };
        let run = |before: u64, after: u64| -> Vec<NaiveDate> {
            let start = first - Days::new(before);
            (0..before + after).map(|i| start + Days::new(i)).collect()
        };
        match (self, year) {
            (_, ..=1999) => Vec::new(),
            (Self::NewYear, _) => run(0, 1),
            (Self::SpringFestival, 2008..=2013) => run(1, 2),
            (Self::SpringFestival, 2025..) => run(1, 3),
            (Self::SpringFestival, _) => run(0, 3),
            (Self::Qingming | Self::DragonBoat | Self::MidAutumn, ..=2007) => Vec::new(),
            (Self::Qingming | Self::DragonBoat | Self::MidAutumn, _) => run(0, 1),
            (Self::Labour, ..=2007) => run(0, 3),
            (Self::Labour, 2025..) => run(0, 2),
            (Self::Labour, _) => run(0, 1),
            (Self::National, _) => run(0, 3),
        }
    }
}

/// Where a holiday period comes from. Later sources win over earlier ones for the
/// festivals (or names) they give: the law, then the built-in notices, then arrangements
/// saved with `holidays import --save`, then shared holidays files, then the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// Forecast for a year whose arrangement is not published (`dates::forecast`), or
    /// computed from the law alone ([`provisional`]).
    Provisional,
    /// The State Council's published arrangement for the period's year, built in.
    Official,
    /// Imported from a notice and saved in the user's data folder.
    Saved,
    /// A `[[holidays.periods]]` entry of a holidays file the calendar names in
    /// `[holidays] files`.
    Shared,
    /// A `[[holidays.periods]]` entry of the calendar file.
    Calendar,
}

/// One holiday period: its days off and its make-up workdays (调休上班).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// The name, as the notice gives it (国庆节、中秋节) or as the calendar file does.
    pub name: String,
    /// The statutory festivals the period holds (none for a local holiday).
    pub festivals: Vec<Festival>,
    /// The year the period belongs to: the notice's title year (a 元旦 break can start in
    /// December before it), or for a calendar entry the year it ends.
    pub year: i32,
    /// The days off, sorted.
    pub off: Vec<NaiveDate>,
    /// The make-up workdays, sorted.
    pub work: Vec<NaiveDate>,
    /// Where it comes from.
    pub source: Source,
    /// Where exactly, for people: the file it was typed or saved in, when it was saved.
    pub origin: Option<String>,
}

/// The embedded official arrangements, in the project's own compact format.
const OFFICIAL_DATA: &str = include_str!("cn-holidays.txt");

fn parse_dates(list: &str) -> Result<Vec<NaiveDate>, String> {
    let mut out = Vec::new();
    for item in list.split(',') {
        let (first, last) = item.split_once("..").unwrap_or((item, item));
        let parse = |text: &str| {
            text.parse::<NaiveDate>().map_err(|e| format!("`{text}` is not a date ({e})"))
        };
        let (first, last) = (parse(first)?, parse(last)?);
        if last < first {
            return Err(format!("the range `{item}` ends before it starts"));
        }
        out.extend(first.iter_days().take_while(|d| *d <= last));
    }
    let sorted = out.windows(2).all(|w| w[0] < w[1]);
    if !sorted {
        return Err(format!("the days `{list}` are not in order"));
    }
    Ok(out)
}

/// Parse the built-in table strictly: every line `YEAR NAME off DATES [work DATES]`,
/// with at least one day off; anything else is an error naming the line.
///
/// # Errors
///
/// The first malformed line, with its number.
pub(crate) fn parse_table(text: &str) -> Result<Vec<Period>, String> {
    let mut periods = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fail = |why: String| format!("cn-holidays.txt line {}: {why}: `{line}`", number + 1);
        let words: Vec<&str> = line.split_whitespace().collect();
        let (year, name) = match words.as_slice() {
            [year, name, ..] => (year.parse::<i32>().map_err(|e| fail(e.to_string()))?, *name),
            _ => return Err(fail("expected `YEAR NAME off DATES [work DATES]`".into())),
        };
        let (off, work) = match &words[2..] {
            ["off", off] => (parse_dates(off).map_err(fail)?, Vec::new()),
            ["off", off, "work", work] => {
                (parse_dates(off).map_err(fail)?, parse_dates(work).map_err(fail)?)
            }
            _ => return Err(fail("expected `off DATES` and optionally `work DATES`".into())),
        };
        if off.is_empty() {
            return Err(fail("a period has at least one day off".into()));
        }
        periods.push(Period {
            festivals: Festival::in_name(name),
            name: name.to_string(),
            year,
            off,
            work,
            source: Source::Official,
            origin: None,
        });
    }
    Ok(periods)
}

/// Every official period, parsed once. The table is embedded at build time and checked
/// line by line by the test suite (`built_in_table_is_well_formed`), so a malformed line
/// fails the tests instead of being skipped.
fn official_periods() -> &'static [Period] {
    static PERIODS: OnceLock<Vec<Period>> = OnceLock::new();
    PERIODS.get_or_init(|| {
        parse_table(OFFICIAL_DATA).expect("the built-in holiday table is checked by the tests")
    })
}

/// The first and last year with a published arrangement embedded.
#[must_use]
pub(crate) fn official_years() -> (i32, i32) {
    let periods = official_periods();
    let first = periods.iter().map(|p| p.year).min().unwrap_or(0);
    let last = periods.iter().map(|p| p.year).max().unwrap_or(0);
    (first, last)
}

/// The official periods of the notice of `year`, or `None` when it is not published.
#[must_use]
pub fn official(year: i32) -> Option<Vec<Period>> {
    let periods: Vec<Period> =
        official_periods().iter().filter(|p| p.year == year).cloned().collect();
    (!periods.is_empty()).then_some(periods)
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The law's periods for `year`, each festival's statutory days plus its days in lieu:
/// for each statutory day on a Saturday or Sunday, the next weekday after the festival's
/// statutory days that is not already off. Only festivals `wanted` are returned, but all
/// count as already off.
#[must_use]
pub fn provisional(year: i32, wanted: &[Festival]) -> Vec<Period> {
    let statutory: Vec<(Festival, Vec<NaiveDate>)> =
        Festival::ALL.iter().map(|&f| (f, f.law_days(year))).collect();
    let mut taken: Vec<NaiveDate> =
        statutory.iter().flat_map(|(_, days)| days.iter().copied()).collect();
    let mut periods = Vec::new();
    for (festival, days) in statutory {
        let Some(&last) = days.last() else { continue };
        let mut off = days.clone();
        let mut next = last;
        for _ in days.iter().filter(|d| is_weekend(**d)) {
            loop {
                next = next + Days::new(1);
                if !is_weekend(next) && !taken.contains(&next) {
                    break;
                }
            }
            taken.push(next);
            off.push(next);
        }
        if wanted.contains(&festival) {
            off.sort_unstable();
            periods.push(Period {
                name: festival.name().to_string(),
                festivals: vec![festival],
                year,
                off,
                work: Vec::new(),
                source: Source::Provisional,
                origin: None,
            });
        }
    }
    periods
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn aliases_and_combined_names() {
        assert_eq!(Festival::from_name("十一"), Some(Festival::National));
        assert_eq!(Festival::from_name("五一"), Some(Festival::Labour));
        assert_eq!(
            Festival::in_name("国庆节、中秋节"),
            vec![Festival::National, Festival::MidAutumn]
        );
        assert!(Festival::in_name("抗日战争暨世界反法西斯战争胜利70周年纪念日").is_empty());
    }

    #[test]
    fn official_data_covers_2007_to_2026_and_not_2027() {
        assert_eq!(official_years(), (2007, 2026));
        assert!(official(2027).is_none());
        let y2008 = official(2008).unwrap();
        let new_year = y2008.iter().find(|p| p.festivals == [Festival::NewYear]).unwrap();
        assert_eq!(new_year.off.first(), Some(&d(2007, 12, 30)));
        assert_eq!(new_year.work, vec![d(2007, 12, 29)]);
    }

    #[test]
    fn law_of_2027_gives_days_in_lieu_for_weekend_statutory_days() {
        let periods = provisional(2027, &Festival::ALL);
        let spring = periods.iter().find(|p| p.festivals == [Festival::SpringFestival]).unwrap();
        // 除夕 Fri 02-05, 初一 Sat, 初二 Sun, 初三 Mon; in lieu Tue 02-09 and Wed 02-10.
        assert_eq!(spring.off, (5..=10).map(|day| d(2027, 2, day)).collect::<Vec<_>>());
        let national = periods.iter().find(|p| p.festivals == [Festival::National]).unwrap();
        assert_eq!(national.off, (1..=5).map(|day| d(2027, 10, day)).collect::<Vec<_>>());
        assert!(periods.iter().all(|p| p.work.is_empty()));
    }

    #[test]
    fn built_in_table_is_well_formed() {
        let periods = parse_table(OFFICIAL_DATA).unwrap();
        for p in &periods {
            let what = format!("{} {}", p.year, p.name);
            assert!(!p.off.is_empty(), "{what}: no day off");
            for day in &p.work {
                assert!(is_weekend(*day), "{what}: make-up workday {day} is not a weekend");
                assert!(!p.off.contains(day), "{what}: {day} both off and work");
            }
            for f in &p.festivals {
                let own = f.statutory_day(p.year).unwrap();
                assert!(p.off.contains(&own), "{what}: the break misses {own}");
            }
            let span = (*p.off.last().unwrap() - p.off[0]).num_days();
            assert!(span < 14, "{what}: {span} days long");
            assert!(p.off.iter().all(|d| (p.year - 1..=p.year).contains(&d.year())), "{what}");
        }
    }

    #[test]
    fn a_malformed_table_line_is_an_error_not_a_skip() {
        assert!(parse_table("2027 春节 off 2027-02-30..2027-02-12").is_err());
        assert!(parse_table("2027 春节 off").is_err());
        assert!(parse_table("2027 春节 of 2027-02-05").is_err());
        assert!(parse_table("2027 春节 off 2027-02-12..2027-02-05").is_err());
        assert!(parse_table("20x7 春节 off 2027-02-05").is_err());
        assert_eq!(parse_table("2027 春节 off 2027-02-05..2027-02-07").unwrap()[0].off.len(), 3);
    }

    #[test]
    fn law_before_2008_has_no_qingming() {
        assert!(Festival::Qingming.law_days(2005).is_empty());
        assert_eq!(Festival::Labour.law_days(2005).len(), 3);
        assert_eq!(Festival::SpringFestival.law_days(2010).len(), 3);
        assert_eq!(Festival::SpringFestival.law_days(2010)[0], d(2010, 2, 13));
    }
}
