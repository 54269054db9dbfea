//! Analyzes a file once and prints how many tokens, stop words and clitic splits it found:
//! a fixed workload for profilers (`valgrind --tool=callgrind`), beside the criterion bench.
//! usage: cargo run --release -p akhbar-text --example analyze_file -- FILE

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: analyze_file FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let cleaned = akhbar_text::clean(&text);
    let analyzed = akhbar_text::Analyzer::embedded().analyze(&cleaned);
    let stops = analyzed.iter().filter(|a| a.stop).count();
    let split = analyzed.iter().filter(|a| a.segments.len() > 1).count();
    println!("{} tokens, {stops} stop words, {split} clitic splits", analyzed.len());
}
