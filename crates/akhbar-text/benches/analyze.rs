//! Throughput of akhbar's analysis (clean + tokenize + fold + segment + stem + stop flags) on
//! real news text: the first articles of the shared ANT corpus when `../shared` is beside the
//! repository (or `AKHBAR_SHARED` names it), else the bundled sample written for the demo.
//! Run with `cargo bench -p akhbar-text`; criterion reports bytes per second (one core).

use akhbar_text::{Analyzer, clean, split_sentences, tokenize};
use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use std::io::BufRead;
use std::path::PathBuf;

const TARGET_BYTES: usize = 2 << 20;

fn corpus_text() -> (String, &'static str) {
    let shared = std::env::var_os("AKHBAR_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let path = shared.join("data/news/ant-2018.jsonl.gz");
    if let Ok(file) = std::fs::File::open(&path) {
        let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
        let mut text = String::new();
        for line in reader.lines().map_while(Result::ok) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) {
                text.push_str(v["text"].as_str().unwrap_or_default());
                text.push_str("\n\n");
            }
            if text.len() >= TARGET_BYTES {
                break;
            }
        }
        if !text.is_empty() {
            return (text, "ant-2018");
        }
    }
    let sample = include_str!("../../akhbar/demo/sample.txt");
    (sample.repeat(TARGET_BYTES / sample.len() + 1), "bundled sample")
}

fn bench(c: &mut Criterion) {
    let (text, source) = corpus_text();
    eprintln!("benchmark text: {source}, {} bytes", text.len());
    let analyzer = Analyzer::embedded();
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("clean+tokenize+fold+segment+stem", |b| {
        b.iter(|| {
            let cleaned = clean(black_box(&text));
            black_box(analyzer.analyze(&cleaned).len())
        });
    });
    group.bench_function("tokenize+fold", |b| {
        b.iter(|| black_box(tokenize(black_box(&text)).len()))
    });
    group.bench_function("clean", |b| b.iter(|| black_box(clean(black_box(&text)).len())));
    group.bench_function("sentences", |b| {
        b.iter(|| black_box(split_sentences(black_box(&text)).len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
