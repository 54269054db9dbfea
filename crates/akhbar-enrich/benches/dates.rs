//! Throughput of the date recogniser in sentences per second (one core): the shared dates dev
//! sentences when `../shared` is beside the repository (or `AKHBAR_SHARED` names it), else
//! sentences written for this benchmark. Run with `cargo bench -p akhbar-enrich`.

use akhbar_enrich::dates::{Reference, find_dates};
use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use std::path::PathBuf;

fn sentences() -> Vec<(String, Option<Reference>)> {
    let shared = std::env::var_os("AKHBAR_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    if let Ok(text) = std::fs::read_to_string(shared.join("data/dates/dev.jsonl")) {
        let rows: Vec<_> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| {
                let r = v["reference"].as_str().and_then(Reference::parse);
                (v["text"].as_str().unwrap_or_default().to_string(), r)
            })
            .collect();
        if !rows.is_empty() {
            return rows;
        }
    }
    let r = Reference::parse("2024-10-01");
    [
        "أعلن الوزير اليوم الثلاثاء أن المحادثات ستستأنف في 12 أيار/مايو المقبل في بغداد.",
        "وكانت الحكومة قد أقرت الموازنة الأسبوع الماضي بعد جلسة استمرت حتى فجر الجمعة الماضي.",
        "بيروت 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م",
        "وتعود الأزمة إلى عام 2014 حين انهارت أسعار النفط.",
    ]
    .iter()
    .map(|s| (s.to_string(), r))
    .collect()
}

fn bench(c: &mut Criterion) {
    let rows = sentences();
    let mut group = c.benchmark_group("dates");
    group.throughput(Throughput::Elements(rows.len() as u64));
    group.bench_function("find_dates per sentence", |b| {
        b.iter(|| {
            rows.iter().map(|(t, r)| find_dates(black_box(t), r.as_ref()).len()).sum::<usize>()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
