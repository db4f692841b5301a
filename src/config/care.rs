//! `[care]`: the roster's place, the care work it drives, and `[[care.visits]]`, each of
//! which is also an ordinary event.

use std::path::Path;

use toml::Spanned;

use super::raw::RawCare;
use super::validator::Validator;
use super::values;
use crate::model::{Birthdays, Calendar, Care, Retirement, Visit};
use crate::t;

/// `[care]`, checked; the visits' events are added to `calendar.events` by the caller.
pub(super) fn settings(v: &mut Validator<'_>, raw: &RawCare, base: &Path) -> Option<Care> {
    let Some(roster) = raw.roster.as_ref().filter(|r| !r.get_ref().trim().is_empty()) else {
        v.error(0..0, t!("care-no-roster"), t!("care-no-roster-help"));
        return None;
    };
    let roster_name = roster.get_ref().trim().to_string();
    let private = raw.private.as_ref().map_or("private", |p| p.get_ref().trim());
    let birthdays = raw.birthdays.as_ref().map(|b| Birthdays {
        title: Validator::text(b.title.as_ref()).unwrap_or_else(|| "{name}生日".to_string()),
        party: b.party.as_ref().map(|p| p.get_ref().trim().to_string()),
        lead: b.lead.as_ref().and_then(|l| v.value(l, values::minutes)),
    });
    let retirement = raw.retirement.as_ref().map(|r| Retirement {
        title: Validator::text(r.title.as_ref()).unwrap_or_else(|| "{name}退休".to_string()),
    });
    Some(Care {
        roster: base.join(&roster_name),
        roster_name,
        sheet: raw.sheet.as_ref().map(|s| s.get_ref().trim().to_string()),
        private: base.join(private),
        birthdays,
        retirement,
        visits: Vec::new(),
    })
}

/// A visit's `who`: each column and the values it may hold.
pub(super) fn who(
    v: &mut Validator<'_>,
    who: Option<&Spanned<toml::Table>>,
    id: &str,
    table: std::ops::Range<usize>,
) -> Option<Visit> {
    let Some(who) = who else {
        v.error(table, t!("care-visit-no-who"), t!("care-visit-no-who-help"));
        return None;
    };
    let mut groups = Vec::new();
    for (column, value) in who.get_ref() {
        let values: Option<Vec<String>> = match value {
            toml::Value::String(s) => Some(vec![s.trim().to_string()]),
            toml::Value::Array(list) => {
                list.iter().map(|item| item.as_str().map(|s| s.trim().to_string())).collect()
            }
            _ => None,
        };
        let Some(values) = values else {
            v.error(
                who.span(),
                t!("care-who-value", column = column),
                t!("care-visit-no-who-help"),
            );
            return None;
        };
        groups.push((column.trim().to_string(), values));
    }
    Some(Visit { id: id.to_string(), who: groups, origin: v.at(who.span()) })
}

/// The checks that need every event: the party names one.
pub(super) fn check_party(v: &mut Validator<'_>, raw: &RawCare, calendar: &Calendar) {
    let Some(party) = raw.birthdays.as_ref().and_then(|b| b.party.as_ref()) else { return };
    if !calendar.events.iter().any(|e| e.id == party.get_ref().trim()) {
        v.error(
            party.span(),
            t!("care-party-unknown", id = party.get_ref()),
            t!("care-party-unknown-help"),
        );
    }
}
