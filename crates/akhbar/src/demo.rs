//! `akhbar demo`: akhbar's main job on its bundled material, with a report on the terminal.
//!
//! The bundled material is written for akhbar (fictional outlets, realistic news prose): three
//! flattened aggregator pages and one HTML page. The demo reads each page (outlet, dateline,
//! body, source, sections), dates it, finds its entities and tags, then shows the text analysis
//! every stage stands on. The store, the stories and the demo news web join it as they land.

use akhbar_text::{Analyzer, SegmentRole, TokenKind, split_sentences};
use anyhow::Result;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The bundled sample: three short articles from three fictional outlets.
pub(crate) const SAMPLE: &str = include_str!("../demo/sample.txt");

/// An HTML page of a fictional Gulf outlet (one of the extraction golden pages).
const HTML_PAGE: &[u8] = include_bytes!("../../akhbar-extract/tests/html/gulf-jsonld.html");

/// The day the demo's relative dates are read against (the sample's edition).
const DEMO_REFERENCE: &str = "2025-10-12";

pub(crate) fn run() -> Result<()> {
    print!("{}", pages_report());
    print!("{}", report(SAMPLE));
    Ok(())
}

/// The sample split into its pages: a page starts at a header line (`Outlet - City`).
fn sample_pages(text: &str) -> Vec<String> {
    let mut pages: Vec<String> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        let header = t.split_whitespace().count() <= 8 && t.contains(" - ") && !t.ends_with('.');
        if header || pages.is_empty() {
            pages.push(String::new());
        }
        if let Some(p) = pages.last_mut() {
            p.push_str(line);
            p.push('\n');
        }
    }
    pages
}

/// What akhbar reads from each bundled page.
pub(crate) fn pages_report() -> String {
    let reference = akhbar_enrich::dates::Reference::parse(DEMO_REFERENCE);
    let mut pages: Vec<(String, serde_json::Value)> = sample_pages(SAMPLE)
        .iter()
        .map(|p| {
            (
                "text page".to_string(),
                crate::analyze::enrich(&akhbar_extract::flat::parse_flat(p), reference.as_ref()),
            )
        })
        .collect();
    let html =
        akhbar_extract::html::parse_html(HTML_PAGE, &akhbar_extract::html::HtmlInput::default());
    pages.push(("HTML page".to_string(), crate::analyze::enrich(&html, reference.as_ref())));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "akhbar demo: {} bundled pages read as an aggregator would (relative dates against {DEMO_REFERENCE})\n",
        pages.len()
    );
    let s = |v: &serde_json::Value, k: &str| {
        v.get(k).and_then(|x| x.as_str()).unwrap_or("—").to_string()
    };
    for (n, (kind, v)) in pages.iter().enumerate() {
        let _ = writeln!(
            out,
            "[{}] {kind}: {}",
            n + 1,
            if v.get("title").is_some() { s(v, "title") } else { s(v, "outlet") }
        );
        let _ = writeln!(
            out,
            "    outlet {} · dateline {} · published {} · source {}",
            s(v, "outlet"),
            s(v, "dateline"),
            s(v, "published"),
            s(v, "source")
        );
        let list = |k: &str| -> Vec<String> {
            v.get(k)
                .and_then(|x| x.as_array())
                .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
                .unwrap_or_default()
        };
        let _ = writeln!(out, "    tags: {}", list("tags").join("، "));
        let mut ents: Vec<String> = v
            .get("entities")
            .and_then(|x| x.as_array())
            .map(|a| {
                a.iter().map(|e| format!("{} ({})", s(e, "canonical"), s(e, "type"))).collect()
            })
            .unwrap_or_default();
        ents.dedup();
        let mut seen = BTreeSet::new();
        ents.retain(|e| seen.insert(e.clone()));
        let _ = writeln!(out, "    entities: {}", ents.join("، "));
        let dates: Vec<String> = v
            .get("dates")
            .and_then(|x| x.as_array())
            .map(|a| a.iter().map(|d| format!("{} = {}", s(d, "text"), s(d, "value"))).collect())
            .unwrap_or_default();
        let _ = writeln!(out, "    dates: {}", dates.join(" · "));
        let sections = &v["sections"];
        for ra in sections.get("read_also").and_then(|x| x.as_array()).into_iter().flatten() {
            let _ = writeln!(out, "    read also: {}", s(ra, "title"));
        }
        let related = sections.get("related_titles").and_then(|x| x.as_array()).map_or(0, Vec::len);
        let _ = writeln!(
            out,
            "    related titles: {related}, site tags: {}\n",
            sections.get("site_tags").and_then(|x| x.as_array()).map_or(0, Vec::len)
        );
    }
    out
}

/// The demo report for a text.
pub(crate) fn report(text: &str) -> String {
    let analyzer = Analyzer::embedded();
    let tokens = analyzer.analyze(text);
    let sentences = split_sentences(text);
    let words =
        tokens.iter().filter(|a| a.token.kind == TokenKind::Word && !a.token.in_hashtag).count();
    let mut out = String::new();
    let _ = writeln!(out, "The Arabic analysis under it all (the same pages, token by token)\n");
    let _ = writeln!(
        out,
        "  {} sentences, {} tokens, {} Arabic words\n",
        sentences.len(),
        tokens.len(),
        words
    );

    let split: Vec<_> = tokens.iter().filter(|a| a.segments.len() > 1).collect();
    let mut shown: BTreeSet<(std::cmp::Reverse<usize>, String)> = BTreeSet::new();
    for a in &split {
        let segs: Vec<&str> = a.segments.iter().map(|s| s.text).collect();
        shown.insert((
            std::cmp::Reverse(segs.len()),
            format!("{} → {}", a.token.text, segs.join(" + ")),
        ));
    }
    let _ = writeln!(out, "Clitics split off ({} words), for example:", split.len());
    for (_, s) in shown.iter().take(12) {
        let _ = writeln!(out, "  {s}");
    }

    let mut variants: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for a in tokens.iter().filter(|a| a.token.kind == TokenKind::Word) {
        let base = a
            .segments
            .iter()
            .find(|s| s.role == SegmentRole::Stem)
            .map_or(a.token.text, |s| s.text);
        variants.entry(a.stem.as_ref()).or_default().insert(base);
    }
    let _ = writeln!(out, "\nSpellings and forms that meet on one search key (stem ← forms):");
    for (stem, forms) in variants.iter().filter(|(_, f)| f.len() > 1).take(12) {
        let _ =
            writeln!(out, "  {stem} ← {}", forms.iter().copied().collect::<Vec<_>>().join("، "));
    }

    let _ = writeln!(out, "\nStop phrases (never tags, never evidence of similarity):");
    for (i, a) in tokens.iter().enumerate() {
        if let Some(n) = a.stop_phrase {
            let phrase: Vec<&str> = tokens[i..]
                .iter()
                .filter(|t| {
                    matches!(t.token.kind, TokenKind::Word | TokenKind::Latin | TokenKind::Number)
                        && !t.token.in_hashtag
                })
                .take(n)
                .map(|t| t.token.text)
                .collect();
            let _ = writeln!(out, "  {}", phrase.join(" "));
        }
    }

    let _ = writeln!(out, "\nLinks, handles, hashtags, emoji:");
    for a in tokens.iter().filter(|a| {
        matches!(
            a.token.kind,
            TokenKind::Url
                | TokenKind::Mention
                | TokenKind::Hashtag
                | TokenKind::Emoji
                | TokenKind::Email
        )
    }) {
        let _ = writeln!(out, "  {:<8} {}", a.token.kind.name(), a.token.text);
    }

    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in tokens.iter().filter(|a| {
        a.token.kind == TokenKind::Word
            && !a.stop
            && !a.in_stop_phrase
            && a.stem.chars().count() > 2
    }) {
        *counts.entry(a.stem.as_ref()).or_default() += 1;
    }
    let mut top: Vec<(&str, usize)> = counts.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let _ = writeln!(out, "\nMost frequent content stems:");
    let line: Vec<String> = top.iter().take(15).map(|(s, n)| format!("{s} ({n})")).collect();
    let _ = writeln!(out, "  {}", line.join("، "));

    let _ = writeln!(out, "\nSee any text the way akhbar does:");
    let _ = writeln!(out, "  echo 'وللتحالف الدولي دور' | akhbar text            (a table)");
    let _ = writeln!(
        out,
        "  akhbar text --json FILE                           (JSON: sentences, tokens, segments, stems, flags)"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_reads_every_bundled_page() {
        let r = pages_report();
        assert!(r.contains("4 bundled pages"), "{r}");
        assert!(r.contains("وكالة الرافدين للأنباء"), "outlet of the first page: {r}");
        assert!(r.contains("2025-10-12"), "published day of the first page: {r}");
        assert!(r.contains("التحالف الدولي"), "an entity or tag of the first page: {r}");
        assert!(r.contains("افتتاح أكبر محطة لتحلية المياه"), "the HTML page's title: {r}");
    }

    #[test]
    fn demo_report_shows_the_analysis() {
        let r = report(SAMPLE);
        assert!(r.contains("و + ال + تحالف"), "clitic split of والتحالف missing:\n{r}");
        assert!(r.contains("بشكل ثنائي"), "stop phrase missing:\n{r}");
        assert!(r.contains("@shorouk_jadid"), "handle missing:\n{r}");
        assert!(r.contains("#أسعار_الوقود"), "hashtag missing:\n{r}");
    }
}
