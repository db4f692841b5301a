//! unioncal turns one TOML calendar file into a trade union's whole year of activities.
//!
//! Data flows one way: [`config`] reads and validates the file into a [`model`]; the
//! [`schedule`] expands its rules into dated occurrences with the [`dates`] engine; the
//! emitters format them.

pub mod config;
pub mod dates;
pub mod error;
pub mod messages;
pub mod model;
pub mod output;
mod parallel;

pub use error::{Error, Result};
pub mod care;
pub mod cli;
pub mod cmd;
pub mod emit;
pub mod import;
pub mod schedule;
pub mod serve;
pub mod share;
pub mod text;
