//! `akhbar ingest`, `akhbar search`, `akhbar reindex`: the store and its search index.
//!
//! The store (SQLite) is the truth; the index (tantivy, in `DIR/index`) records in each commit
//! the store sequence number it covers, and every command that opens both first brings the
//! index up to what the store holds. An ingest stores and indexes in batches, each batch one
//! transaction: killed at any point, it is restarted with the same input and goes on from the
//! first record not stored, every article stored once.

use crate::pipeline::{
    Pipeline, RestoredArticle, enrich_page, given_reference, id_text, record_page, record_title,
};
use crate::spool::{LineSource, SpooledLines};
use akhbar_index::{IndexDoc, SearchIndex, SearchQuery};
use akhbar_store::{ArticleRecord, EntityRow, Outcome, Seen, SqliteStore, Store, TagRow};
use anyhow::{Context, Result, bail};
use serde_json::{Value, json};
use std::collections::HashSet;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};

/// Where a store lives when no `--store` is given: `$AKHBAR_STORE`, else `./akhbar-store`.
pub(crate) fn default_store() -> PathBuf {
    std::env::var_os("AKHBAR_STORE").map_or_else(|| PathBuf::from("akhbar-store"), PathBuf::from)
}

#[derive(Debug, clap::Args)]
pub(crate) struct IngestArgs {
    /// The store directory (default: `$AKHBAR_STORE`, else `./akhbar-store`).
    #[arg(long)]
    store: Option<PathBuf>,
    /// Records stored per transaction.
    #[arg(long, default_value_t = 200)]
    batch: usize,
    /// JSON Lines records as `akhbar process` takes them (`.gz` is read as gzip; `-` is stdin).
    file: PathBuf,
}

/// A store and its index, opened together and brought into agreement.
pub(crate) struct Opened {
    pub(crate) store: SqliteStore,
    pub(crate) index: SearchIndex,
    /// Articles the index lacked when it was opened (after a crash) and now holds.
    pub(crate) caught_up: usize,
}

impl Opened {
    pub(crate) fn open(dir: &Path) -> Result<Self> {
        let store = SqliteStore::open(dir)?;
        let index = SearchIndex::open(&dir.join("index"))?;
        let mut opened = Self { store, index, caught_up: 0 };
        opened.caught_up = opened.catch_up()?;
        Ok(opened)
    }

    /// Indexes what the store holds beyond what the index's last commit covers.
    fn catch_up(&self) -> Result<usize> {
        let covered = self.index.covered()?;
        let last = self.store.last_seq()?;
        if covered >= last {
            return Ok(0);
        }
        let mut w = self.index.writer()?;
        let n = index_since(&self.store, &mut w, covered)?;
        w.commit(last)?;
        w.finish()?;
        Ok(n)
    }
}

/// Puts every stored article after sequence number `seq` into the index writer, reading the
/// store a page at a time; returns how many.
fn index_since(
    store: &SqliteStore,
    w: &mut akhbar_index::Writer<'_>,
    mut seq: i64,
) -> Result<usize> {
    const PAGE: usize = 500;
    let mut n = 0;
    loop {
        let page = store.since(seq, PAGE)?;
        for a in &page {
            w.put(&index_doc(&a.record))?;
        }
        n += page.len();
        match page.last() {
            Some(a) if page.len() == PAGE => seq = a.seq,
            _ => return Ok(n),
        }
    }
}

/// What the index holds of a stored article.
pub(crate) fn index_doc(a: &ArticleRecord) -> IndexDoc {
    IndexDoc {
        id: a.id.clone(),
        title: a.title.clone(),
        body: a.body.clone(),
        outlet: a.outlet.clone(),
        day: a.day,
        tags: a.tags.iter().map(|t| t.tag.clone()).collect(),
        entities: a.entities.iter().map(|e| e.canonical.clone()).collect(),
        story: a.story.clone(),
    }
}

/// Opens a JSON Lines input, gunzipping a `.gz` file.
fn open_input(path: &Path) -> Result<Box<dyn BufRead>> {
    if path.as_os_str() == "-" {
        return crate::open_lines(None);
    }
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    Ok(Box::new(std::io::BufReader::with_capacity(1 << 16, reader)))
}

/// The stored form of what the pipeline derived for a record.
fn article_record(rec: &Value, line: &str, out: &Value, fingerprint: String) -> ArticleRecord {
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let published = s(out, "published");
    let day = published
        .as_deref()
        .and_then(akhbar_enrich::dates::Reference::parse)
        .map(|r| r.date.days());
    let tags = out["tags"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(|t| TagRow { tag: t.to_string(), slug: akhbar_enrich::tags::slug(t) })
        .collect();
    let entities = out["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| EntityRow {
            text: s(e, "text").unwrap_or_default(),
            canonical: s(e, "canonical").or_else(|| s(e, "text")).unwrap_or_default(),
            kind: s(e, "type").unwrap_or_default(),
            start: e["start"].as_u64().unwrap_or(0) as usize,
            end: e["end"].as_u64().unwrap_or(0) as usize,
        })
        .collect();
    let related = out["related"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| Some((s(r, "id")?, r["score"].as_f64()? as f32)))
        .collect();
    let wire = out["wire"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    ArticleRecord {
        id: id_text(&out["id"]),
        record_id: None,
        url: s(rec, "url"),
        canonical_url: s(out, "canonical_url"),
        outlet: s(out, "outlet"),
        title: s(out, "title").unwrap_or_default(),
        body: s(out, "body").unwrap_or_default(),
        published,
        day,
        original: line.to_string(),
        fingerprint,
        story: s(out, "story"),
        story_title: s(out, "story_title"),
        duplicate_of: s(out, "duplicate_of"),
        wire,
        tags,
        entities,
        related,
        extra: json!({
            "dates": out["dates"],
            "sections": out.get("sections").cloned().unwrap_or(Value::Null),
            "read_also": out["read_also"],
        }),
    }
}

/// Counts of one ingest run.
#[derive(Debug, Default, serde::Serialize)]
pub(crate) struct IngestReport {
    pub(crate) read: usize,
    pub(crate) added: usize,
    pub(crate) updated: usize,
    pub(crate) unchanged: usize,
    pub(crate) errors: usize,
    /// Stored articles the index lacked at the start (an earlier run killed between the
    /// store's commit and the index's) and indexed before anything else.
    pub(crate) reindexed: usize,
    /// Stories found to be one with an earlier story and merged into it.
    pub(crate) merged_stories: usize,
    pub(crate) seconds: f64,
}

pub(crate) fn ingest(args: &IngestArgs) -> Result<()> {
    if args.batch == 0 {
        bail!("--batch must be at least 1");
    }
    let dir = args.store.clone().unwrap_or_else(default_store);
    // Spooled to disk, not held: a batch's memory is what linking needs, not its text.
    let mut lines = SpooledLines::read(open_input(&args.file)?, &args.file.display().to_string())?;
    let report = ingest_lines(&dir, &mut lines, args.batch, &mut |line| eprintln!("{line}"))?;
    println!("{}", serde_json::to_string(&json!({"store": dir, "report": report}))?);
    Ok(())
}

/// Ingests JSON Lines into the store in `dir`; one bad record is reported through `warn` and
/// skipped, never stopping the run.
pub(crate) fn ingest_lines(
    dir: &Path,
    lines: &mut dyn LineSource,
    batch_size: usize,
    warn: &mut dyn FnMut(String),
) -> Result<IngestReport> {
    let started = std::time::Instant::now();
    let mut report = IngestReport::default();
    let opened = Opened::open(dir)?;
    report.reindexed = opened.caught_up;
    let Opened { mut store, index, .. } = opened;
    // The linking state is rebuilt from what is stored, as it was decided.
    let mut pipeline = Pipeline::default();
    let stored = store.linking_rows()?;
    let restored: Vec<RestoredArticle<'_>> = stored
        .iter()
        .map(|r| RestoredArticle {
            id: &r.id,
            title: &r.title,
            body: &r.body,
            day: r.day,
            story: &r.story,
        })
        .collect();
    pipeline.restore_all(&restored);
    drop(restored);
    drop(stored);
    // In order of publication, as the live engine would see them (stable for ties).
    let mut order: Vec<(Option<i64>, usize)> = Vec::new();
    for i in 0..lines.count() {
        let line = lines.line(i)?;
        if line.trim().is_empty() {
            continue;
        }
        let day = serde_json::from_str::<Value>(&line)
            .ok()
            .and_then(|v| given_reference(&v).ok().flatten())
            .map(|r| r.date.days());
        order.push((day, i));
    }
    order.sort_by_key(|&(day, _)| day);
    let bar = crate::progress_bar(order.len(), "articles");
    let mut queue: std::collections::VecDeque<usize> = order.into_iter().map(|(_, i)| i).collect();
    let mut ingested: Vec<String> = Vec::new();
    let mut writer = index.writer()?;
    let mut unindexed = 0;
    while !queue.is_empty() {
        // A batch holds each id and each URL once: a record for an id or URL already in the
        // batch waits for the next one, so that every decision (new, same, new version) is
        // made against the store, the same whatever the batch size and on a rerun.
        let mut todo: Vec<Todo> = Vec::new();
        let mut in_batch: HashSet<String> = HashSet::new();
        let mut deferred: Vec<usize> = Vec::new();
        let mut taken = 0;
        while taken < batch_size {
            let Some(i) = queue.pop_front() else { break };
            match check(&lines.line(i)?, &store, &mut in_batch) {
                Checked::Defer => deferred.push(i),
                Checked::Same => {
                    report.read += 1;
                    report.unchanged += 1;
                    taken += 1;
                }
                Checked::Todo(t) => {
                    report.read += 1;
                    todo.push(Todo { line: i, ..*t });
                    taken += 1;
                }
                Checked::Error(e) => {
                    report.read += 1;
                    report.errors += 1;
                    taken += 1;
                    bar.suspend(|| warn(format!("line {}: {e}", i + 1)));
                }
            }
        }
        for i in deferred.into_iter().rev() {
            queue.push_front(i);
        }
        let enriched = crate::pipeline::par_map(&todo, |t| enrich_page(&t.rec, &t.page));
        let mut batch: Vec<ArticleRecord> = Vec::with_capacity(todo.len());
        for (t, e) in todo.into_iter().zip(enriched) {
            match e {
                Ok(e) => {
                    let out = pipeline.link(e);
                    let mut a = article_record(&t.rec, &lines.line(t.line)?, &out, t.fingerprint);
                    a.record_id = t.own_id;
                    batch.push(a);
                }
                Err(e) => {
                    report.errors += 1;
                    bar.suspend(|| warn(format!("line {}: {e}", t.line + 1)));
                }
            }
        }
        // Stories merged while the batch was linked: its records get the surviving story, and
        // the store moves the earlier articles in the same transaction.
        let merges: Vec<(String, String)> =
            pipeline.take_merges().into_iter().map(|m| (m.from, m.into)).collect();
        if !merges.is_empty() {
            for a in &mut batch {
                if let Some(story) = &a.story {
                    let (id, title) = pipeline.current_story(story);
                    a.story_title = title.map(str::to_string).or(a.story_title.take());
                    a.story = Some(id.to_string());
                }
            }
        }
        report.merged_stories += merges.len();
        unindexed +=
            store_batch(&mut store, &mut writer, &batch, &merges, &mut report, &mut ingested)?;
        // The store commits every batch; the index less often (a commit costs a segment),
        // and after a crash it catches up from the store.
        if unindexed >= INDEX_COMMIT_EVERY {
            writer.commit(store.last_seq()?)?;
            unindexed = 0;
        }
        bar.inc(taken as u64);
    }
    writer.commit(store.last_seq()?)?;
    writer.finish()?;
    bar.finish_and_clear();
    // A later copy can join an earlier group: the run's articles get their final originals.
    let links: Vec<(String, Option<String>)> =
        ingested.iter().map(|id| (id.clone(), pipeline.copies.original_of(id))).collect();
    store.set_duplicates(&links)?;
    report.seconds = (started.elapsed().as_secs_f64() * 10.0).round() / 10.0;
    Ok(report)
}

/// A record to run through the pipeline.
struct Todo {
    /// Its line number (0-based).
    line: usize,
    /// The record, its id set to the stored article's when it is a new version of one.
    rec: Value,
    page: akhbar_extract::Page,
    fingerprint: String,
    /// The record's own id when it updates an article stored under another id.
    own_id: Option<String>,
}

/// What the store makes of one input line.
enum Checked {
    /// Nothing new.
    Same,
    /// New, or a new version.
    Todo(Box<Todo>),
    /// Its id or URL is already in the batch: next batch.
    Defer,
    /// A bad record.
    Error(String),
}

/// Reads a line and asks the store what it is; `in_batch` holds the batch's ids and URLs.
fn check(line: &str, store: &SqliteStore, in_batch: &mut HashSet<String>) -> Checked {
    let rec: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return Checked::Error(format!("not JSON: {e}")),
    };
    if rec.get("id").is_none_or(Value::is_null) {
        return Checked::Error("record has no \"id\"".into());
    }
    let key = id_text(&rec["id"]);
    let url = rec.get("url").and_then(Value::as_str).filter(|u| !u.is_empty()).map(str::to_string);
    let id_key = format!("id\u{0}{key}");
    let url_key = url.as_ref().map(|u| format!("url\u{0}{u}"));
    if in_batch.contains(&id_key) || url_key.as_ref().is_some_and(|u| in_batch.contains(u)) {
        return Checked::Defer;
    }
    let page = match record_page(&rec) {
        Ok(p) => p,
        Err(e) => return Checked::Error(e),
    };
    let title = record_title(&rec, &page);
    let fingerprint = akhbar_store::fingerprint(&title, &page.body);
    let seen = match store.seen(&key, url.as_deref(), &fingerprint) {
        Ok(s) => s,
        Err(e) => return Checked::Error(e.to_string()),
    };
    in_batch.insert(id_key);
    in_batch.extend(url_key);
    let (rec, own_id) = match seen {
        Seen::Same => return Checked::Same,
        Seen::New => (rec, None),
        // A new version: derived and indexed under the stored article's id (an updated page
        // re-crawled under another id keeps its first id).
        Seen::Changed(stored) => {
            let own = (stored != key).then_some(key);
            let mut rec = rec;
            rec["id"] = Value::String(stored.clone());
            in_batch.insert(format!("id\u{0}{stored}"));
            (rec, own)
        }
    };
    Checked::Todo(Box::new(Todo { line: 0, rec, page, fingerprint, own_id }))
}

/// Articles indexed between index commits.
const INDEX_COMMIT_EVERY: usize = 2000;

/// Stores a batch (one transaction), then hands it to the index writer; returns how many
/// articles the index was given.
fn store_batch(
    store: &mut SqliteStore,
    writer: &mut akhbar_index::Writer<'_>,
    batch: &[ArticleRecord],
    merges: &[(String, String)],
    report: &mut IngestReport,
    ingested: &mut Vec<String>,
) -> Result<usize> {
    if batch.is_empty() && merges.is_empty() {
        return Ok(0);
    }
    let (outcomes, moved) = store.put_batch_merging(batch, merges)?;
    let mut given = 0;
    // Earlier articles whose story was merged away: indexed again under the surviving story.
    for id in &moved {
        if let Some(stored) = store.article(id)? {
            writer.put(&index_doc(&stored.record))?;
            given += 1;
        }
    }
    for (a, o) in batch.iter().zip(&outcomes) {
        match o {
            Outcome::Added => report.added += 1,
            Outcome::Updated(_) => report.updated += 1,
            Outcome::Unchanged => {
                report.unchanged += 1;
                continue;
            }
        }
        writer.put(&index_doc(a))?;
        ingested.push(a.id.clone());
        given += 1;
    }
    Ok(given)
}

#[derive(Debug, clap::Args)]
pub(crate) struct SearchArgs {
    /// The store directory (default: `$AKHBAR_STORE`, else `./akhbar-store`).
    #[arg(long)]
    store: Option<PathBuf>,
    /// Hits per query.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Queries as JSON Lines `{"id", "q", "outlet"?, "from"?, "to"?, "tag"?, "entity"?, "story"?}`.
    #[arg(long, conflicts_with = "query")]
    input: Option<PathBuf>,
    /// Only this outlet.
    #[arg(long)]
    outlet: Option<String>,
    /// Only from this day (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Only up to this day, inclusive (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Only articles with this tag.
    #[arg(long)]
    tag: Option<String>,
    /// Only articles naming this entity.
    #[arg(long)]
    entity: Option<String>,
    /// Only this story.
    #[arg(long)]
    story: Option<String>,
    /// The query (`"…"` for an exact phrase); without one, a filter lists its articles.
    #[arg(required_unless_present_any = ["input", "outlet", "from", "to", "tag", "entity", "story"])]
    query: Option<String>,
}

fn day_of(s: Option<&str>, what: &str) -> Result<Option<i64>, String> {
    match s {
        None => Ok(None),
        Some(s) => akhbar_enrich::dates::Reference::parse(s)
            .map(|r| Some(r.date.days()))
            .ok_or_else(|| format!("{what} {s:?} is not a date (YYYY-MM-DD)")),
    }
}

fn open_existing(store: Option<&Path>) -> Result<Opened> {
    let dir = store.map_or_else(default_store, Path::to_path_buf);
    if !dir.join(SqliteStore::FILE).exists() {
        bail!(
            "no akhbar store in {}: run `akhbar ingest --store {} FILE.jsonl` first",
            dir.display(),
            dir.display()
        );
    }
    Opened::open(&dir)
}

pub(crate) fn search(args: &SearchArgs) -> Result<()> {
    let opened = open_existing(args.store.as_deref())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let run = |rec: &Value| -> Result<Value, String> {
        let s = |k: &str| rec.get(k).and_then(Value::as_str).map(str::to_string);
        // A story merged into another stands for the surviving one, with everything merged in.
        let (story, story_also) = match s("story") {
            None => (None, Vec::new()),
            Some(id) => {
                let store_err = |e: akhbar_store::StoreError| e.to_string();
                let current = opened.store.current_story(&id).map_err(store_err)?.unwrap_or(id);
                let also = opened.store.merged_into(&current).map_err(store_err)?;
                (Some(current), also)
            }
        };
        let q = SearchQuery {
            text: s("q").unwrap_or_default(),
            outlet: s("outlet"),
            from_day: day_of(s("from").as_deref(), "\"from\"")?,
            to_day: day_of(s("to").as_deref(), "\"to\"")?,
            tag: s("tag"),
            entity: s("entity"),
            story,
            story_also,
            limit: rec.get("limit").and_then(Value::as_u64).map_or(args.limit, |l| l as usize),
        };
        let hits = opened.index.search(&q).map_err(|e| e.to_string())?;
        Ok(
            json!({"id": rec.get("id").cloned().unwrap_or(Value::Null), "hits": hits.iter().map(|h| json!({
            "id": h.id, "title": h.title, "score": (f64::from(h.score) * 1000.0).round() / 1000.0,
            "snippet": h.snippet, "highlights": h.highlights,
        })).collect::<Vec<_>>()}),
        )
    };
    if let Some(input) = &args.input {
        for (n, line) in crate::open_lines(Some(input))?.lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let result = match serde_json::from_str::<Value>(&line) {
                Ok(rec) => run(&rec).unwrap_or_else(|e| {
                    json!({"id": rec.get("id").cloned().unwrap_or(Value::Null), "error": format!("line {}: {e}", n + 1), "hits": []})
                }),
                Err(e) => json!({"id": null, "error": format!("line {}: not JSON: {e}", n + 1), "hits": []}),
            };
            writeln!(out, "{result}")?;
        }
    } else {
        let rec = json!({
            "id": null, "q": args.query, "outlet": args.outlet, "from": args.from, "to": args.to,
            "tag": args.tag, "entity": args.entity, "story": args.story,
        });
        match run(&rec) {
            Ok(v) => writeln!(out, "{v}")?,
            Err(e) => bail!("{e}"),
        }
    }
    out.flush()?;
    Ok(())
}

#[derive(Debug, clap::Args)]
pub(crate) struct ReindexArgs {
    /// The store directory (default: `$AKHBAR_STORE`, else `./akhbar-store`).
    #[arg(long)]
    store: Option<PathBuf>,
}

/// Rebuilds the search index from the store (after an analyzer change, or to repair it).
pub(crate) fn reindex(args: &ReindexArgs) -> Result<()> {
    let started = std::time::Instant::now();
    let opened = open_existing(args.store.as_deref())?;
    let mut w = opened.index.writer()?;
    w.clear()?;
    let n = index_since(&opened.store, &mut w, 0)?;
    w.commit(opened.store.last_seq()?)?;
    w.finish()?;
    println!(
        "{}",
        json!({"reindexed": n, "seconds": (started.elapsed().as_secs_f64() * 10.0).round() / 10.0})
    );
    Ok(())
}
