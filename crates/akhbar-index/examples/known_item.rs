//! Known-item search and query latency, one thread:
//! `cargo run --release -p akhbar-index --example known_item -- CORPUS QUERIES.jsonl`, where
//! CORPUS is a JSON Lines corpus (gzip or plain; title and body are indexed into a temporary
//! index) or the `index` directory of a store that `akhbar ingest` built. Prints recall@10 and
//! MRR@10 of the queries' `target` ids, and p50/p99 query times (one thread, one pass).

use akhbar_index::{IndexDoc, SearchIndex, SearchQuery};
use std::io::{BufRead, BufReader, Read};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (corpus, queries) = (&args[1], &args[2]);
    let existing = std::path::Path::new(corpus).is_dir();
    let dir = if existing {
        std::path::PathBuf::from(corpus)
    } else {
        std::env::temp_dir().join(format!("akhbar-known-item-{}", std::process::id()))
    };
    let index = SearchIndex::open(&dir)?;
    if !existing {
        let file = std::fs::File::open(corpus)?;
        let reader: Box<dyn Read> = if corpus.ends_with(".gz") {
            Box::new(flate2::read::GzDecoder::new(file))
        } else {
            Box::new(file)
        };
        let t = std::time::Instant::now();
        let mut w = index.writer()?;
        let mut n = 0;
        for line in BufReader::new(reader).lines() {
            let v: serde_json::Value = serde_json::from_str(&line?)?;
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or_default().to_string();
            let doc =
                IndexDoc { id: s("id"), title: s("title"), body: s("text"), ..IndexDoc::default() };
            w.put(&doc)?;
            n += 1;
        }
        w.commit(n)?;
        w.finish()?;
        eprintln!("indexed {n} articles in {:.1}s", t.elapsed().as_secs_f64());
    }
    eprintln!("{} articles in the index", index.num_docs());
    let (mut found, mut rr, mut total) = (0usize, 0f64, 0usize);
    let mut times = Vec::new();
    let verbose = std::env::var_os("VERBOSE").is_some();
    for line in BufReader::new(std::fs::File::open(queries)?).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let q = v["q"].as_str().unwrap_or_default();
        let target = v["target"].as_str().unwrap_or_default();
        let t = std::time::Instant::now();
        let hits =
            index.search(&SearchQuery { text: q.into(), limit: 10, ..SearchQuery::default() })?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        total += 1;
        match hits.iter().position(|h| h.id == target) {
            Some(r) => {
                found += 1;
                rr += 1.0 / (r + 1) as f64;
                if verbose && r > 0 {
                    println!("rank {}\t{q}\t{}\t{}", r + 1, hits[0].title, target);
                }
            }
            None if verbose => {
                println!("miss\t{q}\t{}", hits.first().map(|h| h.title.as_str()).unwrap_or(""))
            }
            None => {}
        }
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "recall@10 {:.3} MRR@10 {:.3} over {total} queries; query ms p50 {:.2} p99 {:.2}",
        found as f64 / total as f64,
        rr / total as f64,
        pct(0.5),
        pct(0.99)
    );
    let size: u64 =
        std::fs::read_dir(&dir)?.filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum();
    println!("index size {:.1} MB", size as f64 / 1e6);
    if !existing {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(())
}
