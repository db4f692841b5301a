//! Criterion benchmarks: parse, expand and each emitter for the hospital calendar, and
//! a synthetic large calendar (10,000 rules, about a million occurrences over a decade).
//! Run with `cargo bench`; `cargo bench -- hospital` runs only the hospital group.

#![allow(missing_docs)] // criterion_group! defines an undocumented function

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use unioncal::emit::{csv, html, ics, json, plan, templates::Templates};
use unioncal::schedule::{expand, year_range};

const HOSPITAL: &str = include_str!("../calendars/hospital.toml");

/// 10,000 rules: monthly by weekday and by day, weekly in two months — about 113
/// occurrences a rule over ten years.
fn synthetic(rules: usize) -> String {
    let mut text = String::from(
        "[calendar]\nname = \"bench\"\n[defaults]\nshift = \"nearest\"\nlocation = \"职工之家\"\n",
    );
    for i in 0..rules {
        let anchor = match i % 5 {
            0 | 1 => format!("repeat = \"monthly\"\nweekday = \"wed\"\nnth = {}", i % 4 + 1),
            2 | 3 => format!("repeat = \"monthly\"\nday = {}", i % 28 + 1),
            _ => "repeat = \"weekly\"\nweekdays = [\"mon\"]\nmonths = [3, 9]".to_string(),
        };
        text.push_str(&format!(
            "[[events]]\nid = \"e{i}\"\ntitle = \"活动{i}\"\n{anchor}\ntime = \"09:00\"\n"
        ));
    }
    text
}

fn hospital(c: &mut Criterion) {
    let (from, to) = year_range(2027);
    let mut group = c.benchmark_group("hospital");
    group.bench_function("parse", |b| {
        b.iter(|| {
            unioncal::config::parse("hospital.toml", black_box(HOSPITAL.as_bytes()), "hospital")
                .unwrap()
        });
    });
    let calendar =
        unioncal::config::parse("hospital.toml", HOSPITAL.as_bytes(), "hospital").unwrap();
    group.bench_function("expand", |b| b.iter(|| expand(black_box(&calendar), from, to).unwrap()));
    let schedule = expand(&calendar, from, to).unwrap();
    let templates = Templates::load(None).unwrap();
    let stamp = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    let all: Vec<_> = schedule.occurrences.iter().collect();
    let feed = ics::Feed::new(&calendar, &schedule, stamp);
    group.bench_function("ics", |b| b.iter(|| feed.render(black_box(&all), "x")));
    group.bench_function("html", |b| {
        b.iter(|| {
            html::Pages::new(&calendar, &schedule, "x").render(black_box(&templates)).unwrap()
        });
    });
    group.bench_function("plan.md", |b| {
        b.iter(|| plan::render_markdown(&calendar, black_box(&schedule), &templates).unwrap())
    });
    group.bench_function("plan.csv", |b| b.iter(|| csv::render(&calendar, black_box(&schedule))));
    group.bench_function("json", |b| b.iter(|| json::render(&calendar, black_box(&schedule))));
    group.bench_function("templates", |b| b.iter(|| Templates::load(None).unwrap()));
    group.finish();
}

fn large(c: &mut Criterion) {
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    let from = chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    for rules in [1_000, 10_000] {
        let text = synthetic(rules);
        let calendar = unioncal::config::parse("big.toml", text.as_bytes(), "big").unwrap();
        let to = chrono::NaiveDate::from_ymd_opt(2030, 12, 31).unwrap();
        group.bench_with_input(
            BenchmarkId::new("expand-decade", rules),
            &calendar,
            |b, calendar| {
                b.iter(|| expand(black_box(calendar), from, to).unwrap());
            },
        );
        let schedule = expand(&calendar, from, to).unwrap();
        group.bench_with_input(BenchmarkId::new("json-decade", rules), &schedule, |b, schedule| {
            b.iter(|| json::write(&calendar, black_box(schedule), std::io::sink()).unwrap());
        });
    }
    group.finish();
}

criterion_group!(benches, hospital, large);
criterion_main!(benches);
