//! The date engine: the Chinese lunar calendar, solar terms and 三伏, China's statutory
//! holidays with their 调休 make-up workdays, and working-day arithmetic.

mod almanac;
mod forecast;
mod holidays;
mod labels;
mod notice;
mod workdays;
mod zone;

pub use almanac::{
    leap_month, lunar_to_solar, solar_to_lunar, Fu, LunarDate, SolarTerm, MAX_YEAR, MIN_YEAR,
};
pub(crate) use almanac::{lunar_to_solar_leap, TERM_NAMES};
pub use forecast::{forecast, Alternative, Certainty, Forecast};
pub(crate) use holidays::official_years;
pub use holidays::{official, provisional, Festival, Period, Source};
pub use labels::DayLabel;
pub(crate) use labels::{day_label, stem_branch_year};
pub use notice::{runs, Notice};
pub use workdays::{Arrangement, DayCalendar, DayKind, HolidayRules, Region, YearStatus};
pub(crate) use zone::epoch;
pub use zone::{zone_span, Transition, ZoneSpan};

/// The first year for which region "cn" (statutory holidays) is supported.
pub(crate) const CN_FIRST_YEAR: i32 = 2000;
