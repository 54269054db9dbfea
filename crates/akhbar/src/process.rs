//! `akhbar process`: a batch of articles (JSON Lines) in order of publication, each written
//! back with what akhbar derives: title, body, published, tags, entities, dates, the earliest
//! article it copies (`duplicate_of`) and the wire agencies it credits. `story` and `related`
//! are left out until those stages exist. One bad record is reported in its own output line
//! and the batch goes on.

use crate::analyze::tag_texts;
use akhbar_enrich::dates::{Reference, find_dates, published_from_lead};
use akhbar_enrich::tags::{article_entities, body_entities};
use anyhow::{Context, Result};
use serde_json::{Value, json};
use std::io::{BufRead, BufWriter, IsTerminal, Write};
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

fn process_record(
    rec: &Value,
    copies: &mut akhbar_link::DuplicateIndex,
    stories: &mut akhbar_link::stories::StoryClusterer,
    related: &mut akhbar_link::stories::RelatedIndex,
) -> Result<Value, String> {
    let id = rec.get("id").cloned().unwrap_or(Value::Null);
    let title_in = rec.get("title").and_then(Value::as_str).unwrap_or("").to_string();
    let page = if let Some(html) = rec.get("html").and_then(Value::as_str) {
        let input = akhbar_extract::html::HtmlInput {
            content_type: None,
            url: rec.get("url").and_then(Value::as_str),
        };
        akhbar_extract::html::parse_html(html.as_bytes(), &input)
    } else if let Some(text) = rec.get("text").and_then(Value::as_str) {
        akhbar_extract::Page { body: akhbar_text::clean(text), ..Default::default() }
    } else {
        return Err("record has neither \"text\" nor \"html\"".to_string());
    };
    let title = if title_in.is_empty() { page.title.clone().unwrap_or_default() } else { title_in };
    let given = rec.get("published").and_then(Value::as_str);
    let reference = given
        .and_then(Reference::parse)
        .or_else(|| page.published.as_deref().and_then(Reference::parse));
    if let Some(g) = given
        && Reference::parse(g).is_none()
    {
        return Err(format!("\"published\" {g:?} is neither ISO 8601 nor RFC 2822"));
    }
    let published = reference.map(|r| r.date).or_else(|| published_from_lead(&page.body, None));
    let anchor = published.map(Reference::on);
    let id_text = match &id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    // `duplicate_of` is filled in once the whole batch is in: a later copy can join groups.
    copies.add(&id_text, &format!("{title}\n{}", page.body));
    let story = stories.add(&id_text, &title, &page.body, published.map(|d| d.days()));
    // Copies are never "similar articles": the article's copy group so far is left out.
    let exclude: Vec<String> = copies.group_of(&id_text);
    let article = akhbar_link::stories::Article {
        id: &id_text,
        title: &title,
        body: &page.body,
        day: published.map(|d| d.days()),
    };
    let related_list = related.add(&article, &story, &exclude, 5);
    let entities = article_entities(&title, &page.body);
    Ok(json!({
        "story": story,
        "related": related_list.iter().map(|r| json!({"id": r.id, "score": (f64::from(r.score) * 1000.0).round() / 1000.0})).collect::<Vec<_>>(),
        "duplicate_of": null,
        "wire": akhbar_link::wire_credits(&page.body),
        "id": id,
        "title": title,
        "body": page.body,
        "published": published.map(|d| d.to_string()),
        "tags": tag_texts(&title, &page.body, &entities),
        "entities": body_entities(&entities, &title),
        "dates": find_dates(&page.body, anchor.as_ref()),
    }))
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
    let progress = std::io::stderr().is_terminal();
    let mut copies = akhbar_link::DuplicateIndex::default();
    let mut stories = akhbar_link::stories::StoryClusterer::default();
    let mut related = akhbar_link::stories::RelatedIndex::default();
    let total = order.len();
    let mut results: Vec<Value> = Vec::with_capacity(total);
    for (done, i) in order.into_iter().enumerate() {
        let (line_no, rec) = &records[i];
        let result = match rec {
            Ok(v) => process_record(v, &mut copies, &mut stories, &mut related).unwrap_or_else(|e| {
                json!({"id": v.get("id").cloned().unwrap_or(Value::Null), "error": format!("line {line_no}: {e}")})
            }),
            Err(e) => json!({"id": null, "error": e}),
        };
        results.push(result);
        if progress && (done % 25 == 0 || done + 1 == total) {
            eprint!("\rprocessed {}/{total}", done + 1);
        }
    }
    if progress {
        eprintln!();
    }
    for mut result in results {
        if result.get("error").is_none() {
            let id = match &result["id"] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            result["duplicate_of"] = json!(copies.original_of(&id));
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
