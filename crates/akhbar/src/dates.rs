//! `akhbar dates`: JSON Lines `{"id", "text", "reference"}` in, `{"id", "dates": [...]}` out.
//! A bad line is reported in its own output line and the batch goes on.

use akhbar_enrich::dates::{Reference, find_dates};
use anyhow::Result;
use serde_json::{Value, json};
use std::io::{BufRead, BufWriter, Write};
use std::path::Path;

pub(crate) fn run(input: Option<&Path>) -> Result<()> {
    let reader: Box<dyn BufRead> = match input {
        Some(p) if p.as_os_str() != "-" => Box::new(std::io::BufReader::new(
            std::fs::File::open(p)
                .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", p.display()))?,
        )),
        _ => Box::new(std::io::stdin().lock()),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (n, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        writeln!(out, "{}", process_line(&line, n + 1))?;
    }
    out.flush()?;
    Ok(())
}

fn process_line(line: &str, number: usize) -> Value {
    let rec: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return json!({"id": null, "error": format!("line {number}: not JSON: {e}")}),
    };
    let id = rec.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = rec.get("text").and_then(Value::as_str) else {
        return json!({"id": id, "error": format!("line {number}: no \"text\" field")});
    };
    let reference = match rec.get("reference").and_then(Value::as_str) {
        Some(r) => match Reference::parse(r) {
            Some(r) => Some(r),
            None => {
                return json!({"id": id, "error": format!("line {number}: reference {r:?} is not an ISO 8601 or RFC 2822 time")});
            }
        },
        None => None,
    };
    json!({"id": id, "dates": find_dates(text, reference.as_ref())})
}
