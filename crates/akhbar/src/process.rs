//! `akhbar process`: a batch of articles (JSON Lines) in order of publication, each written
//! back with what akhbar derives: title, body, published, tags, entities, dates, the earliest
//! article it copies (`duplicate_of`), the wire agencies it credits, its story (id and title),
//! its related articles and its "read also" choice. One bad record is reported in its own
//! output line and the batch goes on.

use crate::pipeline::Pipeline;
use crate::spool::{Place, Spool};
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

/// An output line as kept until the batch is in: the article's id (none for an error line),
/// where the JSON object is spooled, and the story and story title it was written with.
type OutputLine = (Option<String>, Place, Option<(String, String)>);

pub(crate) fn run(args: &Args) -> Result<()> {
    // Input lines are spooled to disk as read, and parsed a chunk at a time: only their
    // places and days stay in memory (a parsed corpus takes several times the memory of its
    // text, and the text itself is as large as the batch).
    let reader = crate::open_lines(args.input.as_deref())?;
    let mut input = Spool::new("input")?;
    let mut lines: Vec<(usize, Place)> = Vec::new();
    let mut days = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        // In order of publication, the way the live engine would see them (stable for ties).
        days.push(
            serde_json::from_str::<Value>(&line)
                .ok()
                .and_then(|v| v.get("published").and_then(Value::as_str).and_then(Reference::parse))
                .map(|r| r.date),
        );
        lines.push((n + 1, input.push(&line)?));
    }
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by_key(|&i| days[i]);
    drop(days);
    let out: Box<dyn Write> = match &args.output {
        Some(p) if p.as_os_str() != "-" => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        _ => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    let bar = crate::progress_bar(order.len(), "articles");
    let mut pipeline = Pipeline::default();
    // Each output line is spooled serialized, without `duplicate_of`, which is only final once
    // the whole batch is in.
    let mut output = Spool::new("output")?;
    let mut results: Vec<OutputLine> = Vec::with_capacity(order.len());
    for chunk in order.chunks(256) {
        let mut parsed: Vec<(usize, Result<Value, String>)> = Vec::with_capacity(chunk.len());
        for &i in chunk {
            let (n, place) = lines[i];
            let line = input.get(place)?;
            parsed.push((
                n,
                serde_json::from_str::<Value>(&line)
                    .map_err(|e| format!("line {n}: not JSON: {e}")),
            ));
        }
        let ok: Vec<&Value> = parsed.iter().filter_map(|(_, r)| r.as_ref().ok()).collect();
        let mut enriched = crate::pipeline::enrich_all(&ok).into_iter();
        for (line_no, rec) in &parsed {
            let result = match rec {
                Ok(v) => match enriched.next() {
                    Some(Ok(e)) => {
                        let mut linked = pipeline.link(e);
                        let id = crate::pipeline::id_text(&linked["id"]);
                        if let Some(o) = linked.as_object_mut() {
                            o.remove("duplicate_of");
                        }
                        let text = |k: &str| linked[k].as_str().unwrap_or_default().to_string();
                        let story = (text("story"), text("story_title"));
                        (Some(id), linked.to_string(), Some(story))
                    }
                    Some(Err(e)) => (
                        None,
                        json!({"id": v.get("id").cloned().unwrap_or(Value::Null), "error": format!("line {line_no}: {e}")}).to_string(),
                        None,
                    ),
                    None => (None, json!({"id": null, "error": "internal error: record lost"}).to_string(), None),
                },
                Err(e) => (None, json!({"id": null, "error": e}).to_string(), None),
            };
            let (id, line, story) = result;
            results.push((id, output.push(&line)?, story));
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    // Lines written before their story was merged into an older one get the older story,
    // and every line its story's final title (the story's most central article's).
    pipeline.take_merges();
    let mut now: std::collections::HashMap<String, (String, Option<String>)> =
        std::collections::HashMap::new();
    drop(input);
    for (id, place, written) in results {
        let mut line = output.get(place)?;
        if let Some((story, title)) = written {
            let (new_story, new_title) = now.entry(story.clone()).or_insert_with(|| {
                let (s, t) = pipeline.current_story(&story);
                (s.to_string(), t.map(str::to_string))
            });
            if *new_story != story || new_title.as_ref().is_some_and(|t| *t != title) {
                line = restory(&line, new_story, new_title.as_deref());
            }
        }
        match id {
            Some(id) => {
                let original = json!(pipeline.copies.original_of(&id));
                let rest = line.strip_prefix('{').unwrap_or(&line);
                let sep = if rest.starts_with('}') { "" } else { "," };
                writeln!(out, "{{\"duplicate_of\":{original}{sep}{rest}")?;
            }
            None => writeln!(out, "{line}")?,
        }
    }
    out.flush()?;
    Ok(())
}

/// An output line with its story and story title brought up to date.
fn restory(line: &str, story: &str, title: Option<&str>) -> String {
    let Ok(mut v) = serde_json::from_str::<Value>(line) else { return line.to_string() };
    v["story"] = json!(story);
    if let Some(t) = title {
        v["story_title"] = json!(t);
    }
    v.to_string()
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
