//! Bytes → load → expand → every emitter. Nothing may panic; errors are fine.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use unioncal::emit::{build_files, json, table, templates::Templates};
use unioncal::schedule::{check, expand, year_range};

fuzz_target!(|data: &[u8]| {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    let templates = TEMPLATES.get_or_init(|| Templates::load(None).unwrap());
    let Ok(calendar) = unioncal::config::parse("fuzz.toml", data, "fuzz") else { return };
    // One year, chosen by the calendar itself when it names one.
    let year = calendar.year.unwrap_or(2027);
    let (from, to) = year_range(year);
    let Ok(schedule) = expand(&calendar, from, to) else { return };
    let _ = check(&calendar, &schedule);
    let _ = json::render(&calendar, &schedule);
    let _ = table::render(&calendar, &schedule);
    let stamp = chrono::DateTime::from_timestamp(0, 0).unwrap();
    let _ = build_files(&calendar, &schedule, || Ok(templates), stamp);
});
