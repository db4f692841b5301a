//! The integration test suite: one binary, a module per feature.

mod almanac;
mod errors;
mod holidays;
mod semantics;
mod support;
