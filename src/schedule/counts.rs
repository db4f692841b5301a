//! The roster's counts on the public activities: data the care stage puts on a schedule
//! after it is made, and the emitters format.

/// How many members the care work concerns, per public activity: a count for each visit,
/// and for the birthday party a count per month with the names of members who agreed to be
/// named (同意公开). No other personal data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CareCounts {
    /// Each visit's event (an index into the calendar's events) and its members.
    pub visits: Vec<(usize, usize)>,
    /// The birthday party's event, when there is one.
    pub party: Option<usize>,
    /// Per month: the members with a birthday in it and the names that may be shown.
    pub party_months: std::collections::BTreeMap<(i32, u32), (usize, Vec<String>)>,
}
