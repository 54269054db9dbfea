//! Pages per second (one core) for HTML extraction and flattened-page reading: the shared
//! generated and flattened dev pages when `../shared` is beside the repository (or
//! `AKHBAR_SHARED` names it), else the golden pages under `tests/`. `cargo bench -p akhbar-extract`.

use akhbar_extract::{
    flat::parse_flat,
    html::{HtmlInput, parse_html},
};
use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: &str) -> Vec<Vec<u8>> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    out.sort();
    out.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn bench(c: &mut Criterion) {
    let shared = std::env::var_os("AKHBAR_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let local = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut html = files(&shared.join("data/pages/generated-dev"), "html");
    if html.is_empty() {
        html = files(&local.join("html"), "html");
    }
    let mut flat = files(&shared.join("data/pages/flattened-dev"), "txt");
    if flat.is_empty() {
        flat = files(&local.join("flat"), "txt");
    }
    let flat: Vec<String> = flat.iter().map(|b| String::from_utf8_lossy(b).into_owned()).collect();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Elements(html.len() as u64));
    group.bench_function("html pages", |b| {
        b.iter(|| {
            html.iter()
                .map(|p| parse_html(black_box(p), &HtmlInput::default()).body.len())
                .sum::<usize>()
        });
    });
    group.throughput(Throughput::Elements(flat.len() as u64));
    group.bench_function("flattened pages", |b| {
        b.iter(|| flat.iter().map(|p| parse_flat(black_box(p)).body.len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
