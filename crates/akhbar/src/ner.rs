//! `akhbar ner` (CoNLL tokens in, `token<TAB>label` out) and `akhbar train-ner`.

use akhbar_enrich::ner::{LABELS, NerModel, Sentence, label_index, token_info, train};
use anyhow::{Context, Result};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub(crate) struct TrainArgs {
    /// Training data: `token LABEL` per line (ANERcorp style), blank lines between sentences.
    #[arg(long)]
    train: PathBuf,
    /// Dev data in the same form; without it the last `--holdout` share of the training file
    /// is held out (and not trained on).
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Share of the training file held out as dev data when no --dev is given.
    #[arg(long, default_value_t = 0.1)]
    holdout: f64,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Training passes.
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    /// Features seen fewer times than this are dropped.
    #[arg(long, default_value_t = 1)]
    min_count: u32,
    /// Perceptrons trained (each over its own shuffle of the data) and averaged.
    #[arg(long, default_value_t = 12)]
    runs: usize,
}

/// CoNLL lines: (first column, last column) per line; `None` for a blank line.
fn read_conll(text: &str) -> Vec<Option<(String, String)>> {
    text.lines()
        .map(|l| {
            let parts: Vec<&str> = l.split_whitespace().collect();
            match parts.as_slice() {
                [] => None,
                [tok] => Some(((*tok).to_string(), "O".to_string())),
                [tok, .., label] => Some(((*tok).to_string(), (*label).to_string())),
            }
        })
        .collect()
}

/// Sentences of CoNLL lines: at blank lines, and after sentence-final punctuation (ANERcorp has
/// no blank lines).
fn sentences(lines: &[Option<(String, String)>]) -> Vec<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for l in lines {
        match l {
            None => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            Some((t, lab)) => {
                cur.push((t.clone(), lab.clone()));
                if matches!(t.as_str(), "." | "!" | "؟" | "?") {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn to_training(sents: &[Vec<(String, String)>]) -> Vec<Sentence> {
    sents
        .iter()
        .map(|s| {
            (
                s.iter().map(|(t, _)| token_info(t)).collect(),
                s.iter().map(|(_, l)| label_index(l)).collect(),
            )
        })
        .collect()
}

/// Entity-level micro F1 per type (exact span and type), as the shared scorer counts it.
fn evaluate(model: &NerModel, dev: &[Vec<(String, String)>]) -> Vec<(String, f64, f64, f64)> {
    let spans = |labels: &[&str]| {
        let mut out = std::collections::HashSet::new();
        let mut start: Option<(usize, String)> = None;
        for (i, l) in labels.iter().chain(std::iter::once(&"O")).enumerate() {
            let ty = l.get(2..).unwrap_or("").to_string();
            let cont = l.starts_with("I-") && start.as_ref().is_some_and(|(_, t)| *t == ty);
            if !cont {
                if let Some((s, t)) = start.take() {
                    out.insert((s, i, t));
                }
                if *l != "O" {
                    start = Some((i, ty));
                }
            }
        }
        out
    };
    let mut gold = Vec::new();
    let mut pred = Vec::new();
    // The dev file is one document, as `akhbar ner` reads its input (the discourse pass runs).
    let infos: Vec<Vec<_>> =
        dev.iter().map(|s| s.iter().map(|(t, _)| token_info(t)).collect()).collect();
    for (s, labels) in dev.iter().zip(model.tag_document(&infos)) {
        gold.extend(s.iter().map(|(_, l)| LABELS[label_index(l)]));
        pred.extend(labels.into_iter().map(|i| LABELS[i]));
    }
    let (g, p) = (spans(&gold), spans(&pred));
    ["ALL", "PER", "LOC", "ORG", "MISC"]
        .iter()
        .map(|ty| {
            let gg: Vec<_> = g.iter().filter(|s| *ty == "ALL" || s.2 == *ty).collect();
            let pp: Vec<_> = p.iter().filter(|s| *ty == "ALL" || s.2 == *ty).collect();
            let tp = pp.iter().filter(|s| g.contains(**s)).count() as f64;
            let pr = if pp.is_empty() { 0.0 } else { tp / pp.len() as f64 };
            let rc = if gg.is_empty() { 0.0 } else { tp / gg.len() as f64 };
            let f = if pr + rc > 0.0 { 2.0 * pr * rc / (pr + rc) } else { 0.0 };
            ((*ty).to_string(), pr, rc, f)
        })
        .collect()
}

pub(crate) fn train_ner(args: &TrainArgs) -> Result<()> {
    let text = std::fs::read_to_string(&args.train)
        .with_context(|| format!("cannot read {}", args.train.display()))?;
    let lines = read_conll(&text);
    let (train_lines, dev_lines) = match &args.dev {
        Some(d) => {
            let dev = std::fs::read_to_string(d)
                .with_context(|| format!("cannot read {}", d.display()))?;
            (lines, read_conll(&dev))
        }
        None => {
            let cut = ((lines.len() as f64) * (1.0 - args.holdout)).round() as usize;
            let mut l = lines;
            let dev = l.split_off(cut.min(l.len()));
            (l, dev)
        }
    };
    let train_s = sentences(&train_lines);
    let dev_s = sentences(&dev_lines);
    eprintln!(
        "training on {} sentences ({} tokens), dev {} sentences",
        train_s.len(),
        train_lines.len(),
        dev_s.len()
    );
    let started = std::time::Instant::now();
    let model = train(&to_training(&train_s), args.epochs, args.min_count, args.runs);
    eprintln!("trained in {:.1} s", started.elapsed().as_secs_f64());
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!("model: {} ({} bytes)", args.out.display(), bytes.len());
    if !dev_s.is_empty() {
        let reloaded =
            NerModel::from_bytes(&bytes).context("the model just written does not read back")?;
        for (ty, p, r, f) in evaluate(&reloaded, &dev_s) {
            println!("{ty:<5} P {p:.3} R {r:.3} F1 {f:.3}");
        }
    }
    Ok(())
}

/// `akhbar ner`: CoNLL tokens → `token<TAB>label`, blank lines kept.
pub(crate) fn ner(file: Option<&Path>, model: Option<&Path>) -> Result<()> {
    let own = match model {
        Some(p) => {
            let bytes = std::fs::read(p)
                .with_context(|| format!("cannot read the model {}", p.display()))?;
            Some(NerModel::from_bytes(&bytes).with_context(|| {
                format!("{} is not a model written by `akhbar train-ner`", p.display())
            })?)
        }
        None => None,
    };
    let text = crate::read_input(file)?;
    let lines = read_conll(&text);
    let model = own.as_ref().unwrap_or_else(|| NerModel::embedded());
    // Sentences (at blank lines and sentence-final punctuation), kept with their line indices;
    // the whole input is one document for the discourse pass.
    let mut sents: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        match l {
            None => sents.extend((!cur.is_empty()).then(|| std::mem::take(&mut cur))),
            Some((t, _)) => {
                cur.push(i);
                if matches!(t.as_str(), "." | "!" | "؟" | "?") {
                    sents.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    sents.extend((!cur.is_empty()).then_some(cur));
    let infos: Vec<Vec<_>> = sents
        .iter()
        .map(|s| s.iter().filter_map(|&i| lines[i].as_ref()).map(|(t, _)| token_info(t)).collect())
        .collect();
    let mut label_of: Vec<Option<usize>> = vec![None; lines.len()];
    for (s, labels) in sents.iter().zip(model.tag_document(&infos)) {
        for (&i, l) in s.iter().zip(labels) {
            label_of[i] = Some(l);
        }
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (l, lab) in lines.iter().zip(label_of) {
        match l {
            None => writeln!(out)?,
            Some((t, _)) => writeln!(out, "{t}\t{}", LABELS[lab.unwrap_or(0)])?,
        }
    }
    out.flush()?;
    Ok(())
}
