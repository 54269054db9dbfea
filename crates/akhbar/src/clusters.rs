//! `akhbar clusters`: word classes over a corpus (the exchange algorithm of
//! [`akhbar_enrich::clusters`]), written as `hash<TAB>class<TAB>class…` (coarse to fine): each
//! word is stored as a 64-bit hash of it, never as text, one line per word in hash order.

use crate::lexicon::Record;
use akhbar_text::{Analyzer, TokenKind};
use anyhow::{Context, Result};
use rustc_hash::FxHashMap;
use std::io::{BufRead, Write};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// JSON Lines with `text` (and optionally `title`); `-` reads standard input.
    #[arg(long)]
    input: PathBuf,
    /// Where to write the classes.
    #[arg(long)]
    out: PathBuf,
    /// Classes of each run, coarse to fine (one column each).
    #[arg(long, value_delimiter = ',', default_values_t = [64, 256, 1024])]
    classes: Vec<usize>,
    /// Words seen fewer times than this get no class.
    #[arg(long, default_value_t = 5)]
    min_count: u32,
    /// Context words: the most frequent this many (the others are one context, "rare").
    #[arg(long, default_value_t = 20_000)]
    context_words: usize,
    /// Passes of the exchange algorithm.
    #[arg(long, default_value_t = 8)]
    iterations: usize,
}

/// The symbols of one document: clitic-free folded words, and placeholders for the rest.
fn symbols(text: &str) -> Vec<String> {
    let mut out = vec!["<s>".to_string()];
    for a in Analyzer::embedded().analyze(text) {
        out.push(match a.token.kind {
            TokenKind::Word => a.base.into_owned(),
            TokenKind::Number => "<num>".to_string(),
            TokenKind::Latin => "<lat>".to_string(),
            _ => "<p>".to_string(),
        });
    }
    out
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let started = std::time::Instant::now();
    // The corpus as one sequence of interned symbols.
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut names: Vec<String> = Vec::new();
    let mut seq: Vec<u32> = Vec::new();
    let mut intern = |s: String, names: &mut Vec<String>| -> u32 {
        let next = names.len() as u32;
        *ids.entry(s).or_insert_with_key(|k| {
            names.push(k.clone());
            next
        })
    };
    let reader = crate::open_lines(Some(&args.input))?;
    let mut lines = reader.lines();
    let mut docs = 0usize;
    loop {
        let chunk: Vec<String> = lines.by_ref().take(4000).collect::<Result<_, _>>()?;
        if chunk.is_empty() {
            break;
        }
        let texts: Vec<Vec<String>> = crate::pipeline::par_map(&chunk, |l| {
            serde_json::from_str::<Record>(l)
                .map(|r| symbols(&format!("{}\n{}", r.title, r.text)))
                .unwrap_or_default()
        });
        for t in texts.into_iter().filter(|t| !t.is_empty()) {
            docs += 1;
            for s in t {
                let id = intern(s, &mut names);
                seq.push(id);
            }
        }
    }
    seq.push(intern("<s>".to_string(), &mut names));
    eprintln!(
        "{docs} documents, {} tokens, {} types in {:.1} s",
        seq.len(),
        names.len(),
        started.elapsed().as_secs_f64()
    );
    let mut freq = vec![0u32; names.len()];
    for &s in &seq {
        freq[s as usize] += 1;
    }
    let placeholder = |s: &str| s.starts_with('<');
    // Words to cluster, most frequent first (ties by the word, for a stable order).
    let mut by_freq: Vec<u32> = (0..names.len() as u32).collect();
    by_freq.sort_by(|&a, &b| {
        freq[b as usize]
            .cmp(&freq[a as usize])
            .then_with(|| names[a as usize].cmp(&names[b as usize]))
    });
    let vocab: Vec<u32> = by_freq
        .iter()
        .copied()
        .filter(|&s| !placeholder(&names[s as usize]) && freq[s as usize] >= args.min_count)
        .collect();
    // Context ids: the top words and the placeholders each one; the rest share "rare".
    let mut ctx_of = vec![u32::MAX; names.len()];
    let mut n_ctx = 0u32;
    for &s in &by_freq {
        if placeholder(&names[s as usize]) || (n_ctx as usize) < args.context_words {
            ctx_of[s as usize] = n_ctx;
            n_ctx += 1;
        }
    }
    let rare = n_ctx;
    let side = n_ctx + 1;
    let contexts = (side * 2) as usize;
    let mut row_of = vec![u32::MAX; names.len()];
    for (i, &s) in vocab.iter().enumerate() {
        row_of[s as usize] = i as u32;
    }
    // (word row, context) pairs: the left neighbour, then the right one.
    let mut pairs: Vec<u64> = Vec::with_capacity(seq.len() * 2);
    for i in 1..seq.len().saturating_sub(1) {
        let row = row_of[seq[i] as usize];
        if row == u32::MAX {
            continue;
        }
        let c = |s: u32| match ctx_of[s as usize] {
            u32::MAX => rare,
            c => c,
        };
        pairs.push(u64::from(row) << 32 | u64::from(c(seq[i - 1])));
        pairs.push(u64::from(row) << 32 | u64::from(side + c(seq[i + 1])));
    }
    drop(seq);
    pairs.sort_unstable();
    let mut words: Vec<Vec<(u32, u32)>> = vec![Vec::new(); vocab.len()];
    for run in pairs.chunk_by(|a, b| a == b) {
        let (row, ctx) = ((run[0] >> 32) as usize, run[0] as u32);
        words[row].push((ctx, run.len() as u32));
    }
    drop(pairs);
    eprintln!(
        "{} words to cluster, {} contexts, {} (word, context) pairs",
        vocab.len(),
        contexts,
        words.iter().map(Vec::len).sum::<usize>()
    );
    // The runs are independent: they share the cores.
    let words = &words;
    let runs: Vec<Vec<u32>> = std::thread::scope(|scope| {
        let handles: Vec<_> = args
            .classes
            .iter()
            .copied()
            .map(|classes| {
                scope.spawn(move || {
                    let t = std::time::Instant::now();
                    akhbar_enrich::clusters::exchange(
                        words,
                        contexts,
                        classes,
                        args.iterations,
                        |it, moved, objective| {
                            eprintln!(
                                "  {classes} classes, pass {it}: {moved} words moved, objective {objective:.5e} ({:.0} s)",
                                t.elapsed().as_secs_f64()
                            );
                        },
                    )
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    // Each word's hash and its class in each run, by hash ([`akhbar_text::hashed`]: no text).
    let mut rows: Vec<(u64, Vec<u32>)> = vocab
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let classes: Vec<u32> = runs.iter().map(|r| r[i]).collect();
            (akhbar_enrich::clusters::word_hash(&names[s as usize]), classes)
        })
        .collect();
    rows.sort_unstable();
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(&args.out)
            .with_context(|| format!("cannot write {}", args.out.display()))?,
    );
    akhbar_text::hashed::write_table(&mut out, 0, runs.len(), &rows)?;
    out.flush()?;
    eprintln!("{} words written in {:.1} s", vocab.len(), started.elapsed().as_secs_f64());
    Ok(())
}
