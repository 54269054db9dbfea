//! `akhbar lexicon`: background statistics over a corpus, through akhbar's own analysis.
//!
//! Writes `lexicon.bin` (in how many documents each folded word occurs: what the clitic
//! segmenter and, later, specificity weights consult) and `stop-candidates.tsv` (words and
//! 2–4-word phrases that are frequent yet spread over every topic, with their figures, from
//! which `stopwords.txt` and `stop_phrases.txt` are curated).

use akhbar_text::{TokenKind, tokenize};
use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// JSON Lines with `text` (and optionally `title`, `category`); `-` reads standard input.
    #[arg(long)]
    input: PathBuf,
    /// Directory to write `lexicon.bin`, `name_contexts.bin` and `stop-candidates.tsv` into.
    #[arg(long)]
    out: PathBuf,
    /// Keep words found in at least this many documents.
    #[arg(long, default_value_t = 3)]
    min_df: u32,
    /// Phrase candidates are built from the this many most frequent words.
    #[arg(long, default_value_t = 4000)]
    phrase_vocabulary: usize,
}

/// A corpus record as the corpus commands read it.
#[derive(Deserialize)]
pub(crate) struct Record {
    #[serde(default)]
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) category: String,
}

struct Doc {
    /// Folded keys of word tokens; `None` marks a break (punctuation, line) between phrases.
    keys: Vec<Option<String>>,
    category: Option<usize>,
}

#[derive(Default, Clone)]
struct Counts {
    df: u32,
    by_category: Vec<u32>,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let reader = crate::open_lines(Some(&args.input))?;
    let mut categories: Vec<String> = Vec::new();
    let mut docs: Vec<Doc> = Vec::new();
    // How often each word follows a PER, LOC or ORG trigger word (`الرئيس X`, `مدينة X`).
    let mut contexts: HashMap<String, [u32; 3]> = HashMap::new();
    let analyzer = akhbar_text::Analyzer::embedded();
    let mut bad = 0usize;
    for (n, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read line {}", n + 1))?;
        let Ok(rec) = serde_json::from_str::<Record>(&line) else {
            bad += 1;
            continue;
        };
        let category = (!rec.category.is_empty()).then(|| {
            categories.iter().position(|c| *c == rec.category).unwrap_or_else(|| {
                categories.push(rec.category.clone());
                categories.len() - 1
            })
        });
        let text = format!("{}\n{}", rec.title, rec.text);
        let analyzed = analyzer.analyze(&text);
        for pair in analyzed.windows(2) {
            let (p, w) = (&pair[0], &pair[1]);
            if p.token.kind != TokenKind::Word || w.token.kind != TokenKind::Word || w.stop {
                continue;
            }
            let slot = match akhbar_enrich::ner::trigger_type(&p.base) {
                Some("PER") => 0,
                Some("LOC") => 1,
                Some(_) => 2,
                None => continue,
            };
            contexts.entry(w.base.to_string()).or_insert([0; 3])[slot] += 1;
        }
        let keys = tokenize(&text)
            .into_iter()
            .filter(|t| !t.in_hashtag && t.kind != TokenKind::Hashtag)
            .map(|t| {
                matches!(t.kind, TokenKind::Word | TokenKind::Latin).then(|| t.key.into_owned())
            })
            .collect();
        docs.push(Doc { keys, category });
    }
    if bad > 0 {
        eprintln!("warning: skipped {bad} lines that were not JSON records with a text");
    }
    let ncat = categories.len();
    let mut words: HashMap<String, Counts> = HashMap::new();
    for d in &docs {
        let uniq: HashSet<&str> = d.keys.iter().flatten().map(String::as_str).collect();
        for k in uniq {
            let c = words
                .entry(k.to_string())
                .or_insert_with(|| Counts { df: 0, by_category: vec![0; ncat] });
            c.df += 1;
            if let Some(cat) = d.category {
                c.by_category[cat] += 1;
            }
        }
    }
    let mut ranked: Vec<(&String, &Counts)> = words.iter().collect();
    ranked.sort_by(|a, b| b.1.df.cmp(&a.1.df).then_with(|| a.0.cmp(b.0)));
    std::fs::create_dir_all(&args.out)?;
    // Binary tables of word hashes ([`akhbar_text::hashed`]): the files hold no text.
    let mut lex = BufWriter::new(std::fs::File::create(args.out.join("lexicon.bin"))?);
    // Most frequent first, ties by hash.
    let mut kept: Vec<(u64, Vec<u32>)> = ranked
        .iter()
        .filter(|(_, c)| c.df >= args.min_df)
        .map(|(w, c)| (akhbar_text::word_hash(w), vec![c.df]))
        .collect();
    kept.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let documents = u32::try_from(docs.len()).unwrap_or(u32::MAX);
    akhbar_text::hashed::write_table(&mut lex, documents, 1, &kept)?;
    lex.flush()?;

    // After a PER, a LOC and an ORG trigger, by word hash.
    let mut ctx: Vec<(u64, Vec<u32>)> = contexts
        .iter()
        .filter(|(_, c)| c.iter().sum::<u32>() >= 3)
        .map(|(w, c)| (akhbar_text::word_hash(w), c.to_vec()))
        .collect();
    ctx.sort_by_key(|(h, _)| *h);
    let mut cf = BufWriter::new(std::fs::File::create(args.out.join("name_contexts.bin"))?);
    akhbar_text::hashed::write_table(&mut cf, 0, 3, &ctx)?;
    cf.flush()?;

    // Phrases over the most frequent words only (every stop phrase is made of common words).
    let vocab: HashSet<&str> =
        ranked.iter().take(args.phrase_vocabulary).map(|(w, _)| w.as_str()).collect();
    let mut phrases: HashMap<String, Counts> = HashMap::new();
    for d in &docs {
        let mut seen: HashSet<String> = HashSet::new();
        for i in 0..d.keys.len() {
            let mut phrase = String::new();
            for n in 0..4 {
                let Some(Some(k)) = d.keys.get(i + n) else { break };
                if !vocab.contains(k.as_str()) {
                    break;
                }
                if n > 0 {
                    phrase.push(' ');
                }
                phrase.push_str(k);
                if n > 0 {
                    seen.insert(phrase.clone());
                }
            }
        }
        for p in seen {
            let c =
                phrases.entry(p).or_insert_with(|| Counts { df: 0, by_category: vec![0; ncat] });
            c.df += 1;
            if let Some(cat) = d.category {
                c.by_category[cat] += 1;
            }
        }
    }
    let prior: Vec<f64> = {
        let mut p = vec![0f64; ncat];
        for d in &docs {
            if let Some(c) = d.category {
                p[c] += 1.0;
            }
        }
        let total: f64 = p.iter().sum::<f64>().max(1.0);
        p.iter().map(|x| x / total).collect()
    };
    let min_phrase_df = (docs.len() / 1000).max(5) as u32;
    let mut out = BufWriter::new(std::fs::File::create(args.out.join("stop-candidates.tsv"))?);
    writeln!(
        out,
        "# candidate\tdocuments\tshare\ttopic_kl (0 = spread like the corpus; higher = topical)"
    )?;
    let mut rows: Vec<(&String, &Counts)> = ranked.iter().take(3000).copied().collect();
    rows.extend(phrases.iter().filter(|(_, c)| c.df >= min_phrase_df));
    rows.sort_by(|a, b| b.1.df.cmp(&a.1.df).then_with(|| a.0.cmp(b.0)));
    for (w, c) in rows {
        writeln!(
            out,
            "{w}\t{}\t{:.4}\t{:.3}",
            c.df,
            f64::from(c.df) / docs.len() as f64,
            topic_kl(&c.by_category, &prior)
        )?;
    }
    out.flush()?;
    eprintln!(
        "{} documents, {} words kept, {} phrase candidates",
        docs.len(),
        ranked.iter().filter(|(_, c)| c.df >= args.min_df).count(),
        phrases.values().filter(|c| c.df >= min_phrase_df).count()
    );
    Ok(())
}

/// KL divergence of a term's category distribution from the corpus prior (smoothed).
fn topic_kl(by_category: &[u32], prior: &[f64]) -> f64 {
    let total: f64 =
        by_category.iter().map(|&x| f64::from(x)).sum::<f64>() + by_category.len() as f64;
    by_category
        .iter()
        .zip(prior)
        .map(|(&x, &q)| {
            let p = (f64::from(x) + 1.0) / total;
            if q > 0.0 { p * (p / q).ln() } else { 0.0 }
        })
        .sum()
}
