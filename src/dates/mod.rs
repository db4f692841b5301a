//! The date engine: the Chinese lunar calendar, solar terms and 三伏, China's statutory
//! holidays with their 调休 make-up workdays, and working-day arithmetic.

mod almanac;
mod holidays;
mod labels;
mod notice;
mod workdays;
mod zone;

pub use almanac::{
    heavenly_stem, leap_month, lunar_to_solar, solar_to_lunar, term_on, Fu, LunarDate, SolarTerm,
    MAX_YEAR, MIN_YEAR, TERM_NAMES,
};
pub use holidays::{official, official_years, provisional, Festival, Period, Source};
pub use labels::{day_label, year_name, DayLabel};
pub use notice::{runs, Notice};
pub use workdays::{Arrangement, DayCalendar, DayKind, HolidayRules, Region, YearStatus};
pub use zone::{epoch, zone_span, Transition, ZoneSpan};

/// The first year for which region "cn" (statutory holidays) is supported.
pub const CN_FIRST_YEAR: i32 = 2000;
