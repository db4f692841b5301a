//! unioncal turns one TOML calendar file into a trade union's whole year of activities.
//!
//! Data flows one way: [`config`] reads and validates the file into a [`model`]; the
//! [`schedule`] expands its rules into dated occurrences with the [`dates`] engine; the
//! emitters format them.

pub mod dates;
