//! Applying a notice on top of what is known of its year, and writing periods back as
//! runs of days.

use chrono::{Days, NaiveDate};

use super::super::holidays::{Period, Source};
use super::Notice;
use crate::error::{Diagnostic, SourceFile};
use crate::t;

impl Notice {
    /// The year's periods after this notice: a whole-year notice gives its own; a notice
    /// that amends one applies its items on top of `known` (the periods of the year as
    /// known so far): an extension lengthens a break and drops the make-up workdays it now
    /// covers, an item naming a festival replaces that festival's break, other items add
    /// a break.
    ///
    /// # Errors
    ///
    /// An extension of a break that `known` does not have.
    pub fn periods(
        &self,
        known: &[Period],
        source: &SourceFile,
    ) -> Result<Vec<Period>, Vec<Diagnostic>> {
        let mut periods: Vec<Period> = if self.amends { known.to_vec() } else { Vec::new() };
        let mut errors = Vec::new();
        for item in &self.items {
            let matches = |p: &Period| {
                if item.festivals.is_empty() {
                    p.name == item.name
                } else {
                    p.festivals.iter().any(|f| item.festivals.contains(f))
                }
            };
            if let Some((end, at)) = &item.extend_to {
                let Some(period) = periods.iter_mut().find(|p| matches(p)) else {
                    errors.push(
                        Diagnostic::error(
                            t!("notice-nothing-to-extend", name = item.name, year = self.year),
                            Some(source.locate(at.clone())),
                        )
                        .with_help(t!("notice-nothing-to-extend-help")),
                    );
                    continue;
                };
                let first = period.off.first().copied().unwrap_or(*end).min(*end);
                let mut off: Vec<NaiveDate> = first.iter_days().take_while(|d| d <= end).collect();
                off.extend(item.off.iter().copied());
                off.extend(period.off.iter().copied().filter(|d| d > end));
                off.sort_unstable();
                off.dedup();
                period.work.retain(|d| d < &first || d > end);
                period.work.extend(item.work.iter().copied());
                period.work.sort_unstable();
                period.work.dedup();
                period.off = off;
                period.source = Source::Saved;
                continue;
            }
            periods.retain(|p| !matches(p));
            periods.push(Period {
                name: item.name.clone(),
                festivals: item.festivals.clone(),
                year: self.year,
                off: item.off.clone(),
                work: item.work.clone(),
                source: Source::Saved,
                origin: None,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        periods.sort_by_key(|p| p.off.first().or(p.work.first()).copied());
        Ok(periods)
    }
}

/// The days of `periods` as `[[holidays.periods]]` tables, one contiguous run of days off
/// each (a break such as `4月5日放假，4月7日补休` becomes two entries of one name), the
/// make-up workdays on the first entry of each name.
#[must_use]
pub fn runs(periods: &[Period]) -> Vec<(String, NaiveDate, NaiveDate, Vec<NaiveDate>)> {
    let mut out = Vec::new();
    for period in periods {
        let mut first_run = true;
        let mut i = 0;
        while i < period.off.len() {
            let mut j = i;
            while j + 1 < period.off.len()
                && period.off[j].checked_add_days(Days::new(1)) == Some(period.off[j + 1])
            {
                j += 1;
            }
            let work = if first_run { period.work.clone() } else { Vec::new() };
            out.push((period.name.clone(), period.off[i], period.off[j], work));
            first_run = false;
            i = j + 1;
        }
    }
    out
}
