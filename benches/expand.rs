//! Parse and expand the hospital calendar for a year; expand a synthetic calendar of many
//! rules. Run with `cargo bench`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use unioncal::schedule::{expand, year_range};

const HOSPITAL: &str = include_str!("../calendars/hospital.toml");

fn synthetic(rules: usize) -> String {
    let mut text = String::from("[calendar]\nname = \"bench\"\n[defaults]\nshift = \"nearest\"\n");
    for i in 0..rules {
        let anchor = match i % 5 {
            0 => format!("date = \"{:02}-{:02}\"", i % 12 + 1, i % 28 + 1),
            1 => format!("lunar = \"{:02}-{:02}\"", i % 12 + 1, i % 30 + 1),
            2 => "repeat = \"weekly\"\nweekdays = [\"mon\", \"wed\", \"fri\"]".to_string(),
            3 => format!("repeat = \"monthly\"\nweekday = \"wed\"\nnth = {}", i % 4 + 1),
            _ => "holiday = \"春节\"\noffset = \"-2wd\"".to_string(),
        };
        text.push_str(&format!(
            "[[events]]\nid = \"e{i}\"\ntitle = \"活动{i}\"\n{anchor}\ntime = \"09:00\"\n"
        ));
    }
    text
}

fn bench(c: &mut Criterion) {
    let (from, to) = year_range(2026);
    c.bench_function("parse hospital", |b| {
        b.iter(|| {
            unioncal::config::parse("hospital.toml", black_box(HOSPITAL.as_bytes()), "hospital")
                .unwrap()
        });
    });
    let hospital =
        unioncal::config::parse("hospital.toml", HOSPITAL.as_bytes(), "hospital").unwrap();
    c.bench_function("expand hospital 2026", |b| {
        b.iter(|| expand(black_box(&hospital), from, to).unwrap())
    });
    let big = synthetic(1000);
    let big = unioncal::config::parse("big.toml", big.as_bytes(), "big").unwrap();
    c.bench_function("expand 1000 rules 2026", |b| {
        b.iter(|| expand(black_box(&big), from, to).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
