//! The integration test suite: one binary, a module per feature.

mod almanac;
mod cli;
mod errors;
mod holidays;
mod properties;
mod semantics;
mod support;
