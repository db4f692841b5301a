//! Precomputes the almanac tables (lunar month starts and solar-term days) for the
//! supported years from `tyme4rs`, so that a run converts no dates at all: a lookup in
//! a table of ~150 years replaces ~95 µs of astronomy per conversion.

use std::fmt::Write as _;
use std::path::PathBuf;

use tyme4rs::tyme::lunar::LunarYear;
use tyme4rs::tyme::solar::{SolarDay, SolarTerm};

/// First and last year (lunar years and Gregorian years alike) in the tables. Wider than
/// the supported 1960–2100 so that offsets and the previous lunar year are covered.
const FIRST: isize = 1957;
const LAST: isize = 2103;

/// Days from 0001-01-01 (day 1), the same count as chrono's `num_days_from_ce`.
fn days_from_ce(day: &SolarDay) -> i64 {
    let (y, m, d) = (day.get_year() as i64, day.get_month() as i64, day.get_day() as i64);
    // Proleptic Gregorian day count (civil-from-days inverse, Howard Hinnant).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468 + 719_163
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut out = String::new();
    writeln!(out, "/// First year of [`LUNAR_YEARS`] and [`TERM_DAYS`].").unwrap();
    writeln!(out, "pub(crate) const TABLE_FIRST_YEAR: i32 = {FIRST};").unwrap();
    writeln!(out, "/// Last year of [`LUNAR_YEARS`] and [`TERM_DAYS`].").unwrap();
    writeln!(out, "pub(crate) const TABLE_LAST_YEAR: i32 = {LAST};").unwrap();

    writeln!(
        out,
        "/// Per lunar year: day number (from CE) of 正月初一, the leap month (0: none),\n\
         /// and a bit per month in year order (leap month in place) set when it has 30 days."
    )
    .unwrap();
    writeln!(out, "pub(crate) static LUNAR_YEARS: [(i32, u8, u16); {}] = [", LAST - FIRST + 1)
        .unwrap();
    for year in FIRST..=LAST {
        let lunar = LunarYear::from_year(year);
        let leap = lunar.get_leap_month();
        let months = lunar.get_months();
        let first = days_from_ce(&months[0].get_first_julian_day().get_solar_day());
        let mut bits: u16 = 0;
        let mut next_start = first;
        for (i, month) in months.iter().enumerate() {
            let start = days_from_ce(&month.get_first_julian_day().get_solar_day());
            assert_eq!(start, next_start, "lunar months of {year} are not contiguous");
            let len = month.get_day_count();
            assert!(len == 29 || len == 30, "lunar month of {len} days in {year}");
            if len == 30 {
                bits |= 1 << i;
            }
            next_start = start + len as i64;
        }
        writeln!(out, "    ({first}, {leap}, {bits:#06x}),").unwrap();
    }
    writeln!(out, "];").unwrap();

    writeln!(
        out,
        "/// Per Gregorian year: the day of the year (1-based) of the 24 solar terms in\n\
         /// calendar order, 小寒 first and 冬至 last (Beijing time)."
    )
    .unwrap();
    writeln!(out, "pub(crate) static TERM_DAYS: [[u16; 24]; {}] = [", LAST - FIRST + 1).unwrap();
    for year in FIRST..=LAST {
        let jan1 = days_from_ce(&SolarDay::from_ymd(year, 1, 1));
        let days: Vec<String> = (1..=24)
            .map(|i| {
                let day = SolarTerm::from_index(year, i).get_solar_day();
                assert_eq!(day.get_year(), year, "term {i} outside {year}");
                (days_from_ce(&day) - jan1 + 1).to_string()
            })
            .collect();
        writeln!(out, "    [{}],", days.join(", ")).unwrap();
    }
    writeln!(out, "];").unwrap();

    let path = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("almanac.rs");
    std::fs::write(path, out).unwrap();
}
