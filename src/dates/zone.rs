//! A time zone's offsets over a span of years: what a feed's `VTIMEZONE` says, found from
//! the tz database (chrono-tz) rather than copied from it.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::OffsetComponents;

/// One change of a zone's offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    /// When it happens, in local time before the change (RFC 5545's `DTSTART`).
    pub local: NaiveDateTime,
    /// The offset from UTC before, in seconds.
    pub from: i32,
    /// The offset from UTC after, in seconds.
    pub to: i32,
    /// Whether the new offset is daylight saving time.
    pub daylight: bool,
    /// The abbreviation after the change, such as `CEST`.
    pub name: String,
}

/// A zone's offsets from the first day of one year to the last of another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneSpan {
    /// The offset in force at the start, in seconds from UTC.
    pub offset: i32,
    /// Its abbreviation, such as `CST`.
    pub name: String,
    /// The changes in the span, in order; none for a zone such as `Asia/Shanghai`.
    pub transitions: Vec<Transition>,
}

/// The offsets of `tzid` (an IANA name) through `first_year..=last_year`, or `None` for a
/// name the tz database does not know.
///
/// Changes are found by stepping six hours at a time and narrowing each change to the
/// second by bisection: no zone changes twice within six hours.
///
/// ```
/// let berlin = unioncal::dates::zone_span("Europe/Berlin", 2027, 2027).unwrap();
/// assert_eq!(berlin.transitions.len(), 2);
/// assert_eq!(berlin.transitions[0].local.to_string(), "2027-03-28 02:00:00");
/// assert!(unioncal::dates::zone_span("Asia/Shanghai", 2027, 2027).unwrap().transitions.is_empty());
/// ```
#[must_use]
pub fn zone_span(tzid: &str, first_year: i32, last_year: i32) -> Option<ZoneSpan> {
    let tz = tzid.parse::<chrono_tz::Tz>().ok()?;
    let offset_at = |t: DateTime<Utc>| tz.offset_from_utc_datetime(&t.naive_utc());
    let start = Utc.with_ymd_and_hms(first_year, 1, 1, 0, 0, 0).single()?;
    let end = Utc.with_ymd_and_hms(last_year, 12, 31, 23, 0, 0).single()?;
    let first = offset_at(start);
    let mut transitions = Vec::new();
    let mut previous = first;
    let mut t = start;
    while t < end {
        let next = t + Duration::hours(6);
        let offset = offset_at(next);
        if offset.fix() != previous.fix() {
            // Whole seconds: the change is the first second of the new offset.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + Duration::seconds((hi - lo).num_seconds() / 2);
                if offset_at(mid).fix() == previous.fix() {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let from = previous.fix().local_minus_utc();
            transitions.push(Transition {
                local: hi.naive_utc() + Duration::seconds(i64::from(from)),
                from,
                to: offset.fix().local_minus_utc(),
                daylight: offset.dst_offset().num_seconds() != 0,
                name: offset.to_string(),
            });
            previous = offset;
        }
        t = next;
    }
    Some(ZoneSpan { offset: first.fix().local_minus_utc(), name: first.to_string(), transitions })
}

/// The start of the epoch, the `DTSTART` of a zone's only offset when it never changes.
#[must_use]
pub(crate) fn epoch() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(1970, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shanghai_never_changes() {
        let span = zone_span("Asia/Shanghai", 2026, 2028).unwrap();
        assert_eq!((span.offset, span.name.as_str()), (8 * 3600, "CST"));
        assert!(span.transitions.is_empty());
    }

    #[test]
    fn berlin_changes_twice_a_year_to_the_second() {
        let span = zone_span("Europe/Berlin", 2027, 2028).unwrap();
        let seen: Vec<(String, i32, i32, bool, &str)> = span
            .transitions
            .iter()
            .map(|t| (t.local.to_string(), t.from, t.to, t.daylight, t.name.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("2027-03-28 02:00:00".to_string(), 3600, 7200, true, "CEST"),
                ("2027-10-31 03:00:00".to_string(), 7200, 3600, false, "CET"),
                ("2028-03-26 02:00:00".to_string(), 3600, 7200, true, "CEST"),
                ("2028-10-29 03:00:00".to_string(), 7200, 3600, false, "CET"),
            ]
        );
    }

    #[test]
    fn half_hour_daylight_saving_and_the_southern_hemisphere() {
        // Lord Howe Island moves by 30 minutes, in April and October.
        let span = zone_span("Australia/Lord_Howe", 2027, 2027).unwrap();
        let moves: Vec<(u32, i32)> = span
            .transitions
            .iter()
            .map(|t| (chrono::Datelike::month(&t.local), t.to - t.from))
            .collect();
        assert_eq!(moves, [(4, -1800), (10, 1800)]);
    }

    #[test]
    fn an_unknown_zone_is_none() {
        assert!(zone_span("Asia/Atlantis", 2027, 2027).is_none());
    }
}
