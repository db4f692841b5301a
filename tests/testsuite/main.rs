//! The integration test suite: one binary, a module per feature.

mod almanac;
mod almanac_table;
mod build;
mod build_writes;
mod care;
mod catalog;
mod cli;
mod docs;
mod documents;
mod errors;
mod fix;
mod holidays;
mod house;
mod month;
mod notation;
mod notices;
mod phone;
mod plan_import;
mod print;
mod properties;
mod roster;
mod semantics;
mod serve;
mod share;
mod start;
mod support;
