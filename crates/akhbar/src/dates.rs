//! `akhbar dates`: JSON Lines `{"id", "text", "reference"}` in, `{"id", "dates": [...]}` out.
//! A bad line is reported in its own output line and the batch goes on.

use akhbar_enrich::dates::{Reference, find_dates};
use anyhow::Result;
use serde_json::{Value, json};
use std::path::Path;

pub(crate) fn run(input: Option<&Path>) -> Result<()> {
    crate::map_json_lines(input, |rec, text, _| {
        let reference =
            match rec.get("reference").and_then(Value::as_str) {
                Some(r) => Some(Reference::parse(r).ok_or_else(|| {
                    format!("reference {r:?} is not an ISO 8601 or RFC 2822 time")
                })?),
                None => None,
            };
        Ok(json!({"id": null, "dates": find_dates(text, reference.as_ref())}))
    })
}
