//! `akhbar analyze`: one page in, one JSON object out (the shape of CLI.md). Fields whose stage
//! is not built yet are left out, never faked.

use akhbar_enrich::dates::{DateMention, Reference, find_dates, published_from_lead};
use akhbar_enrich::ner::Entity;
use akhbar_enrich::tags::tags;
use akhbar_enrich::tags::{article_entities, body_entities};
use akhbar_extract::Page;
use anyhow::{Result, bail};
use serde_json::{Value, json};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The page is HTML (default: a page flattened to text).
    #[arg(long)]
    html: bool,
    /// The page's address (used for canonical URL and relative links).
    #[arg(long)]
    url: Option<String>,
    /// The time relative dates are resolved against when the page gives none (ISO 8601).
    #[arg(long)]
    reference: Option<String>,
    /// The page; `-` or nothing reads standard input.
    file: Option<PathBuf>,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let bytes = crate::read_bytes(args.file.as_deref())?;
    let reference = match &args.reference {
        Some(r) => match Reference::parse(r) {
            Some(r) => Some(r),
            None => bail!(
                "--reference {r:?} is not an ISO 8601 or RFC 2822 time (e.g. 2024-01-26T10:00:00+03:00)"
            ),
        },
        None => None,
    };
    let page = if args.html {
        let input =
            akhbar_extract::html::HtmlInput { content_type: None, url: args.url.as_deref() };
        akhbar_extract::html::parse_html(&bytes, &input)
    } else {
        akhbar_extract::flat::parse_flat(&crate::lossy_utf8(bytes))
    };
    println!("{}", serde_json::to_string_pretty(&enrich(&page, reference.as_ref()))?);
    Ok(())
}

/// The article's tags (4 to 8), as the strings of CLI.md; `entities` from `article_entities`.
pub(crate) fn tag_texts(title: &str, body: &str, entities: &[Entity]) -> Value {
    json!(tags(title, body, entities, 8).into_iter().map(|t| t.text).collect::<Vec<_>>())
}

fn dates_json(found: &[DateMention]) -> Value {
    serde_json::to_value(found).unwrap_or(Value::Null)
}

/// The page as JSON with what the enrichment stages add: publication dates and the dates of
/// the article and of each section, each resolved against its own anchor.
pub(crate) fn enrich(page: &Page, reference: Option<&Reference>) -> Value {
    let mut out = serde_json::to_value(page).unwrap_or_else(|_| json!({}));
    // The article: its metadata or its lead gives its day; its other dates are resolved
    // against that day.
    let published = page
        .published
        .as_deref()
        .and_then(Reference::parse)
        .map(|r| r.date)
        .or_else(|| published_from_lead(&page.body, reference));
    let anchor = published.map(Reference::on).or(reference.copied());
    if let Some(p) = published
        && page.published.is_none()
    {
        out["published"] = json!(p.to_string());
    }
    out["dates"] = dates_json(&find_dates(&page.body, anchor.as_ref()));
    let title = page.title.as_deref().unwrap_or("");
    let entities = article_entities(title, &page.body);
    out["tags"] = tag_texts(title, &page.body, &entities);
    out["entities"] = serde_json::to_value(body_entities(&entities, title)).unwrap_or(Value::Null);
    // A "read also" article is anchored by its embedded post: it was written on the post's
    // day or later. Without one, by the article's own day.
    if let Some(sections) =
        out.get_mut("sections").and_then(|s| s.get_mut("read_also")).and_then(Value::as_array_mut)
    {
        for (json_ra, ra) in sections.iter_mut().zip(&page.sections.read_also) {
            let post_day =
                ra.embeds.iter().find_map(|e| e.date.as_deref()).and_then(Reference::parse);
            let section_anchor = post_day.map(|r| Reference::at_least(r.date)).or(anchor);
            let ra_published = published_from_lead(&ra.body, section_anchor.as_ref());
            let ra_anchor = ra_published.map(Reference::on).or(section_anchor);
            if let Some(p) = ra_published {
                json_ra["published"] = json!(p.to_string());
            }
            json_ra["dates"] = dates_json(&find_dates(&ra.body, ra_anchor.as_ref()));
            let ra_entities = article_entities(&ra.title, &ra.body);
            json_ra["tags"] = tag_texts(&ra.title, &ra.body, &ra_entities);
            json_ra["entities"] =
                serde_json::to_value(body_entities(&ra_entities, &ra.title)).unwrap_or(Value::Null);
        }
    }
    out
}
