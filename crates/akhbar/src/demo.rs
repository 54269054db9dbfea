//! `akhbar demo`: akhbar's main job on its bundled material, with a report on the terminal.
//!
//! The bundled material is written for akhbar (fictional outlets, realistic news prose):
//! - a week of news (`demo/corpus.txt`): 60 articles from six outlets, a dozen stories told by
//!   several of them, wire copies republished whole or cut, dates in every regional form;
//! - four HTML pages in four site styles (UTF-8, windows-1256, ISO-8859-6, obfuscated markup);
//! - three flattened aggregator pages with "read also" boxes, embeds and related lists.
//!
//! The demo reads the pages, ingests the week and the HTML pages' articles into a fresh store
//! (a temporary directory, or `--store DIR`), and reports the stories with their coverage across
//! outlets, the copies found, the tags and entities, and a few searches; then it says how to
//! search the store. The demo news web will join it.

use akhbar_text::{Analyzer, SegmentRole, TokenKind, split_sentences};
use anyhow::Result;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The bundled sample: three short articles from three fictional outlets.
pub(crate) const SAMPLE: &str = include_str!("../demo/sample.txt");

/// An HTML page of a fictional Gulf outlet (one of the extraction golden pages).
const HTML_PAGE: &[u8] = include_bytes!("../../akhbar-extract/tests/html/gulf-jsonld.html");

/// The bundled week of news.
pub(crate) const CORPUS: &str = include_str!("../demo/corpus.txt");

/// HTML pages in four site styles and encodings (the extraction golden pages), with the address
/// each was fetched from.
const HTML_PAGES: &[(&str, &[u8])] = &[
    ("https://sahel.example/local/desalination", HTML_PAGE),
    (
        "https://nile-today.example/egypt/pensions",
        include_bytes!("../../akhbar-extract/tests/html/egypt-windows1256.html"),
    ),
    (
        "https://bekaa-news.example/zahle/traffic-plan",
        include_bytes!("../../akhbar-extract/tests/html/levant-obfuscated.html"),
    ),
    (
        "https://atlas-presse.example/societe/tramway-rabat-sale",
        include_bytes!("../../akhbar-extract/tests/html/maghreb-iso88596.html"),
    ),
];

/// The day the demo's relative dates are read against (the sample's edition).
const DEMO_REFERENCE: &str = "2025-10-12";

pub(crate) fn run(store: Option<&std::path::Path>) -> Result<()> {
    print!("{}", pages_report());
    print!("{}", report(SAMPLE));
    println!();
    let dir = match store {
        Some(d) => d.to_path_buf(),
        None => std::env::temp_dir().join(format!("akhbar-demo-{}", std::process::id())),
    };
    print!("{}", store_report(&dir)?);
    Ok(())
}

/// The week of news as input records (JSON Lines, the shape `akhbar ingest` takes).
pub(crate) fn corpus_records(text: &str) -> Result<Vec<serde_json::Value>> {
    use serde_json::{Value, json};
    let mut records: Vec<Value> = Vec::new();
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    let blocks = text.split("\n### ").skip(1);
    for block in blocks {
        let mut lines = block.lines();
        let header = lines.next().unwrap_or_default();
        let mut fields: BTreeMap<&str, String> = BTreeMap::new();
        // `key=value` pairs; a value runs until the next ` key=` (outlet names have spaces).
        let mut key: Option<&str> = None;
        for part in header.split(' ') {
            match part.split_once('=') {
                Some((k, v)) if k.chars().all(|c| c.is_ascii_lowercase()) && !k.is_empty() => {
                    fields.insert(k, v.to_string());
                    key = Some(k);
                }
                _ => {
                    if let Some(k) = key
                        && let Some(v) = fields.get_mut(k)
                    {
                        v.push(' ');
                        v.push_str(part);
                    }
                }
            }
        }
        let id = fields.get("id").cloned().unwrap_or_default();
        let title_line = lines.next().unwrap_or_default().trim().to_string();
        let own: Vec<&str> = lines.collect();
        let own_text = own.join("\n").trim().to_string();
        let (title, body) = match fields.get("copy") {
            Some(original) => {
                let Some(&i) = by_id.get(original.as_str()) else {
                    anyhow::bail!("demo corpus: {id} copies unknown record {original}");
                };
                let o = &records[i];
                let title = if title_line == "=" {
                    o["title"].as_str().unwrap_or_default().to_string()
                } else {
                    title_line
                };
                let mut paragraphs: Vec<&str> =
                    o["text"].as_str().unwrap_or_default().split("\n\n").collect();
                let trim: usize = fields.get("trim").and_then(|t| t.parse().ok()).unwrap_or(0);
                paragraphs.truncate(paragraphs.len().saturating_sub(trim).max(1));
                let mut body = paragraphs.join("\n\n");
                if !own_text.is_empty() {
                    body.push_str("\n\n");
                    body.push_str(&own_text);
                }
                (title, body)
            }
            None => (title_line, own_text),
        };
        let mut rec = json!({"id": id, "title": title, "text": body});
        for k in ["outlet", "published", "url"] {
            if let Some(v) = fields.get(k) {
                rec[k] = json!(v);
            }
        }
        by_id.insert(id, records.len());
        records.push(rec);
    }
    Ok(records)
}

/// The HTML pages as input records: each page is read as akhbar reads any page (its own
/// encoding, its metadata), and the article it carries is ingested with the week.
fn html_records() -> Vec<serde_json::Value> {
    HTML_PAGES
        .iter()
        .map(|(url, bytes)| {
            let input = akhbar_extract::html::HtmlInput { content_type: None, url: Some(url) };
            let page = akhbar_extract::html::parse_html(bytes, &input);
            let slug = url.rsplit('/').next().unwrap_or("page");
            let mut rec = serde_json::json!({
                "id": format!("html-{slug}"),
                "url": url,
                "title": page.title,
                "text": page.body,
            });
            if let Some(p) = &page.published {
                rec["published"] = serde_json::json!(p);
            }
            if let Some(o) = &page.outlet {
                rec["outlet"] = serde_json::json!(o);
            }
            rec
        })
        .collect()
}

/// Ingests the bundled week and pages into the store in `dir` and reports what akhbar found.
pub(crate) fn store_report(dir: &std::path::Path) -> Result<String> {
    use akhbar_store::Store;
    let mut records = corpus_records(CORPUS)?;
    records.extend(html_records());
    let mut lines: Vec<String> = records.iter().map(ToString::to_string).collect();
    let mut warnings = Vec::new();
    let report = crate::ingest::ingest_lines(dir, &mut lines, 16, &mut |w| warnings.push(w))?;
    let opened = crate::ingest::Opened::open(dir)?;
    let store = &opened.store;
    let stats = store.stats()?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "== A week of news, ingested\n\n{} records read: {} added, {} unchanged, {} updated, {} errors ({:.1} s). The store holds {} articles from {} outlets in {} stories; {} are copies.\n",
        report.read,
        report.added,
        report.unchanged,
        report.updated,
        report.errors,
        report.seconds,
        stats.articles,
        stats.outlets,
        stats.stories,
        stats.copies
    );
    for w in &warnings {
        let _ = writeln!(out, "  warning: {w}");
    }
    let _ = writeln!(out, "Stories told by more than one outlet:");
    for story in store.stories(40)? {
        let outlets: BTreeSet<&str> =
            story.articles.iter().filter_map(|a| a.2.as_deref()).collect();
        if outlets.len() < 2 {
            continue;
        }
        let days: Vec<&str> = story
            .articles
            .iter()
            .filter_map(|a| a.3.as_deref())
            .map(|p| &p[..10.min(p.len())])
            .collect();
        let first = days.iter().min().copied().unwrap_or("?");
        let last = days.iter().max().copied().unwrap_or("?");
        let _ = writeln!(
            out,
            "  • {} — {} articles, {} outlets ({}), {}{}",
            story.title,
            story.articles.len(),
            outlets.len(),
            outlets.into_iter().collect::<Vec<_>>().join("، "),
            first,
            if first == last { String::new() } else { format!(" → {last}") }
        );
    }
    let _ = writeln!(out, "\nCopies found (republished whole, cut, or with a credit added):");
    for (copy, original) in store.copies(50)? {
        let outlet = |id: &str| -> String {
            store
                .article(id)
                .ok()
                .flatten()
                .and_then(|a| a.record.outlet)
                .unwrap_or_else(|| "?".into())
        };
        let _ = writeln!(out, "  {copy} ({}) ← {original} ({})", outlet(&copy), outlet(&original));
    }
    let tags: Vec<String> =
        store.top_tags(20)?.into_iter().map(|(t, n)| format!("{} ({n})", t.tag)).collect();
    let _ = writeln!(out, "\nMost used tags: {}", tags.join("، "));
    let mut by_kind: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, kind, n) in store.top_entities(60)? {
        let list = by_kind.entry(kind).or_default();
        if list.len() < 8 {
            list.push(format!("{name} ({n})"));
        }
    }
    let _ = writeln!(out, "Most named entities:");
    for (kind, names) in &by_kind {
        let _ = writeln!(out, "  {kind}: {}", names.join("، "));
    }
    let _ = writeln!(
        out,
        "\nSearches (folded, clitic-stripped, stemmed; the form typed counts extra):"
    );
    for q in ["بین العراق وتركيا", "فيضانات نابل", "البالقطار السريع", "٢٠٢٦ مترو"]
    {
        let hits = opened.index.search(&akhbar_index::SearchQuery {
            text: q.to_string(),
            limit: 3,
            ..akhbar_index::SearchQuery::default()
        })?;
        let _ = writeln!(out, "  {q}");
        for h in hits {
            let _ = writeln!(out, "    {:>6.2}  {}  [{}]", h.score, h.title, h.id);
            let _ = writeln!(out, "            {}", marked(&h.snippet, &h.highlights));
        }
    }
    let _ = writeln!(
        out,
        "\nThe store is in {d}. Search it:\n  akhbar search --store {d} 'مياه دجلة'\n  akhbar search --store {d} --outlet 'وكالة أنباء المشرق' --from 2025-10-09 'الكهرباء'\n",
        d = dir.display()
    );
    Ok(out)
}

/// A snippet on one line with its highlighted words in ⟨ ⟩.
fn marked(snippet: &str, highlights: &[(usize, usize)]) -> String {
    let mut out = String::new();
    for (i, c) in snippet.chars().enumerate() {
        if highlights.iter().any(|&(s, _)| s == i) {
            out.push('⟨');
        }
        if highlights.iter().any(|&(_, e)| e == i) {
            out.push('⟩');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    if highlights.iter().any(|&(_, e)| e == snippet.chars().count()) {
        out.push('⟩');
    }
    out
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
    fn demo_corpus_has_a_week_of_stories_and_copies() {
        let records = corpus_records(CORPUS).expect("corpus parses");
        assert!(records.len() >= 60, "{} records", records.len());
        let outlets: BTreeSet<&str> = records.iter().filter_map(|r| r["outlet"].as_str()).collect();
        assert!(outlets.len() >= 5, "{outlets:?}");
        let by_id = |id: &str| records.iter().find(|r| r["id"] == id).expect(id);
        // A copy keeps the original's text and adds its own credit line.
        let copy = by_id("sahel-aqaba-copy")["text"].as_str().unwrap_or_default().to_string();
        let original = by_id("mashreq-aqaba-1")["text"].as_str().unwrap_or_default().to_string();
        assert!(copy.starts_with(&original) && copy.ends_with("المصدر: وكالة أنباء المشرق"));
        // `trim=1` drops the last paragraph; a new title replaces the original's.
        let cut = by_id("rafidain-aqaba-copy");
        assert_eq!(cut["title"], "الأردن: اتفاقية لتوسعة محطة الحاويات في ميناء العقبة");
        assert_eq!(
            cut["text"].as_str().map(|t| t.split("\n\n").count()),
            Some(original.split("\n\n").count() - 1)
        );
        for r in &records {
            assert!(r["title"].as_str().is_some_and(|t| !t.is_empty()), "{r}");
            assert!(r["published"].as_str().is_some(), "{r}");
        }
    }

    #[test]
    fn demo_store_finds_stories_copies_and_search_hits() {
        let dir = std::env::temp_dir().join(format!("akhbar-demo-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let r = store_report(&dir).expect("demo store");
        let stories = r.lines().filter(|l| l.starts_with("  • ")).count();
        assert!(stories >= 10, "stories told by several outlets: {stories}\n{r}");
        assert!(r.contains("sahel-aqaba-copy (صحيفة الساحل) ← mashreq-aqaba-1"), "{r}");
        assert!(r.contains("[mashreq-water-2]"), "Persian-yeh query finds the water talks:\n{r}");
        // A second run over the same store changes nothing.
        let again = store_report(&dir).expect("demo store again");
        assert!(again.contains("0 added, 64 unchanged"), "{again}");
        let _ = std::fs::remove_dir_all(&dir);
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
