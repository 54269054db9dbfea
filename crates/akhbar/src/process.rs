//! `akhbar process`: a batch of articles (JSON Lines) in order of publication, each written
//! back with what akhbar derives: title, body, published, tags, entities, dates, the earliest
//! article it copies (`duplicate_of`) and the wire agencies it credits. `story` and `related`
//! are left out until those stages exist. One bad record is reported in its own output line
//! and the batch goes on.

use crate::pipeline::Pipeline;
use akhbar_enrich::dates::Reference;
use anyhow::{Context, Result};
use serde_json::{Value, json};
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// JSON Lines input; `-` or nothing reads standard input.
    #[arg(long)]
    input: Option<PathBuf>,
    /// Output file; `-` or nothing writes standard output.
    #[arg(long)]
    output: Option<PathBuf>,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let reader = crate::open_lines(args.input.as_deref())?;
    let mut records: Vec<(usize, Result<Value, String>)> = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        records.push((
            n + 1,
            serde_json::from_str::<Value>(&line)
                .map_err(|e| format!("line {}: not JSON: {e}", n + 1)),
        ));
    }
    // In order of publication, the way the live engine would see them (stable for ties).
    let key = |r: &Result<Value, String>| {
        r.as_ref()
            .ok()
            .and_then(|v| v.get("published"))
            .and_then(Value::as_str)
            .and_then(Reference::parse)
            .map(|r| r.date)
    };
    let mut order: Vec<usize> = (0..records.len()).collect();
    order.sort_by_key(|&i| key(&records[i].1));
    let out: Box<dyn Write> = match &args.output {
        Some(p) if p.as_os_str() != "-" => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        _ => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    let bar = crate::progress_bar(order.len(), "articles");
    let mut pipeline = Pipeline::default();
    let mut results: Vec<Value> = Vec::with_capacity(order.len());
    // Records are enriched a chunk at a time on all cores, then linked in order.
    for chunk in order.chunks(256) {
        let ok: Vec<&Value> = chunk.iter().filter_map(|&i| records[i].1.as_ref().ok()).collect();
        let mut enriched = crate::pipeline::enrich_all(&ok).into_iter();
        for &i in chunk {
            let (line_no, rec) = &records[i];
            let result = match rec {
                Ok(v) => match enriched.next() {
                    Some(Ok(e)) => pipeline.link(e),
                    Some(Err(e)) => {
                        json!({"id": v.get("id").cloned().unwrap_or(Value::Null), "error": format!("line {line_no}: {e}")})
                    }
                    None => json!({"id": null, "error": "internal error: record lost"}),
                },
                Err(e) => json!({"id": null, "error": e}),
            };
            results.push(result);
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    for mut result in results {
        if result.get("error").is_none() {
            let id = match &result["id"] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            result["duplicate_of"] = json!(pipeline.copies.original_of(&id));
        }
        writeln!(out, "{result}")?;
    }
    out.flush()?;
    Ok(())
}

/// `akhbar keyphrases`: `{"id", "text"}` per line → `{"id", "keyphrases": [...]}`.
pub(crate) fn keyphrases(input: Option<&std::path::Path>, top: usize) -> Result<()> {
    crate::map_json_lines(input, |_, text, _| {
        let k: Vec<String> = akhbar_enrich::tags::keyphrases(&akhbar_text::clean(text), top)
            .into_iter()
            .map(|k| k.text)
            .collect();
        Ok(json!({"id": null, "keyphrases": k}))
    })
}

/// `akhbar similarity`: `{"id", "a": {"title", "text"}, "b": {"title", "text"}}` per line →
/// `{"id", "score"}` in [0, 1].
pub(crate) fn similarity(input: Option<&std::path::Path>) -> Result<()> {
    crate::map_json_lines(input, |rec, _, _| {
        let side = |k: &str| -> Result<(String, String), String> {
            let v = rec.get(k).ok_or_else(|| format!("no \"{k}\" article"))?;
            let field =
                |f: &str| akhbar_text::clean(v.get(f).and_then(Value::as_str).unwrap_or(""));
            Ok((field("title"), field("text")))
        };
        let ((at, ax), (bt, bx)) = (side("a")?, side("b")?);
        let score = akhbar_link::stories::similarity(&at, &ax, &bt, &bx);
        Ok(json!({"id": null, "score": (f64::from(score) * 1000.0).round() / 1000.0 + 0.0}))
    })
}
