//! akhbar's full-text Arabic search: a tantivy index whose fields are analyzed by akhbar's own
//! analyzer, registered by name ([`STEM_ANALYZER`], [`EXACT_ANALYZER`]), so that `دمج` finds
//! `بدمج`, `احمد` finds `أحمد`, `بين` finds `بین` and `2024` finds `٢٠٢٤`.
//!
//! Title and body are indexed twice: stemmed (what most queries match) and exact (folded keys as
//! written, for phrase and exact queries, and as a bonus for the form the reader typed). Filters:
//! outlet, publication day range, tag (slug), entity (folded canonical name) and story. Snippets
//! highlight the body as written. Each commit carries the store sequence number it covers, so a
//! store can tell what the index is missing after a crash ([`SearchIndex::covered`]).

mod analyzer;

pub use analyzer::{
    AkhbarTokenStream, AkhbarTokenizer, EXACT_ANALYZER, Keys, QueryWord, STEM_ANALYZER, query_words,
};

use std::ops::Bound;
use std::path::Path;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// An index error, with what was being done.
#[derive(Debug)]
pub struct IndexError(String);

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for IndexError {}

/// Result of index operations.
pub type Result<T> = std::result::Result<T, IndexError>;

fn err(what: &str) -> impl Fn(tantivy::TantivyError) -> IndexError + '_ {
    move |e| IndexError(format!("search index: {what}: {e}"))
}

/// One article as the index sees it.
#[derive(Debug, Clone, Default)]
pub struct IndexDoc {
    /// The article's id (the input record's id).
    pub id: String,
    /// Title as written.
    pub title: String,
    /// Body as written.
    pub body: String,
    /// Outlet name, if known.
    pub outlet: Option<String>,
    /// Publication day (days since 1970-01-01), if known.
    pub day: Option<i64>,
    /// Tag slugs.
    pub tags: Vec<String>,
    /// Entity canonical names.
    pub entities: Vec<String>,
    /// Story id.
    pub story: Option<String>,
}

/// A search: query text plus optional filters.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// The query as typed; `"…"` marks an exact phrase. Empty means all articles (filters only).
    pub text: String,
    /// Only this outlet.
    pub outlet: Option<String>,
    /// Only from this day on (days since 1970-01-01).
    pub from_day: Option<i64>,
    /// Only up to this day, inclusive.
    pub to_day: Option<i64>,
    /// Only articles with this tag (a tag or its slug).
    pub tag: Option<String>,
    /// Only articles naming this entity.
    pub entity: Option<String>,
    /// Only this story.
    pub story: Option<String>,
    /// Stories merged into `story`: articles indexed before the merge may still carry them.
    pub story_also: Vec<String>,
    /// How many hits.
    pub limit: usize,
}

/// One hit, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The article id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// BM25 score.
    pub score: f32,
    /// A passage of the body as written around the matched words (or its opening).
    pub snippet: String,
    /// The matched words in `snippet`, as char ranges.
    pub highlights: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    title: Field,
    title_exact: Field,
    body: Field,
    body_exact: Field,
    outlet: Field,
    day: Field,
    tag: Field,
    entity: Field,
    story: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |name: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(name)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", text(STEM_ANALYZER) | STORED),
        title_exact: b.add_text_field("title_exact", text(EXACT_ANALYZER)),
        body: b.add_text_field("body", text(STEM_ANALYZER) | STORED),
        body_exact: b.add_text_field("body_exact", text(EXACT_ANALYZER)),
        outlet: b.add_text_field("outlet", STRING | STORED),
        day: b.add_i64_field("day", INDEXED | FAST | STORED),
        tag: b.add_text_field("tag", STRING),
        entity: b.add_text_field("entity", STRING),
        story: b.add_text_field("story", STRING | STORED),
    };
    (b.build(), fields)
}

fn register(index: &Index) {
    let m = index.tokenizers();
    m.register(STEM_ANALYZER, AkhbarTokenizer::new(Keys::Stem));
    m.register(EXACT_ANALYZER, AkhbarTokenizer::new(Keys::Exact));
}

/// Boosts: a title word counts more than a body word; the form as typed adds to its stem.
const TITLE_BOOST: f32 = 3.0;
const EXACT_BOOST: f32 = 0.5;
/// The weight of a stem found only by stripping stacked clitics again.
const RESTRIPPED_BOOST: f32 = 0.8;
const SNIPPET_CHARS: usize = 180;
/// Candidates read beyond the limit to order equal scores deterministically.
const TIE_MARGIN: usize = 8;

/// A tantivy index with akhbar's analyzers.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (and the directory) if there is none.
    ///
    /// # Errors
    /// When the directory cannot be created or holds an index of another schema.
    pub fn open(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir)
            .map_err(|e| IndexError(format!("cannot create {}: {e}", dir.display())))?;
        let (schema, fields) = schema();
        let mmap = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| IndexError(format!("cannot open {}: {e}", dir.display())))?;
        let index = Index::open_or_create(mmap, schema).map_err(err("open"))?;
        Self::with_index(index, fields)
    }

    /// An index in memory (tests, one-off batches).
    ///
    /// # Errors
    /// Never in practice; tantivy's reader construction is fallible.
    pub fn in_memory() -> Result<Self> {
        let (schema, fields) = schema();
        Self::with_index(Index::create_in_ram(schema), fields)
    }

    fn with_index(index: Index, fields: Fields) -> Result<Self> {
        register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(err("reader"))?;
        Ok(Self { index, reader, fields })
    }

    /// A writer for adding and replacing articles (one at a time per index).
    ///
    /// # Errors
    /// When another writer holds the index lock.
    pub fn writer(&self) -> Result<Writer<'_>> {
        let writer = self.index.writer_with_num_threads(1, 64_000_000).map_err(err("writer"))?;
        Ok(Writer { index: self, writer })
    }

    /// The store sequence number the last commit covers (0 for a new index).
    ///
    /// # Errors
    /// When the index metadata cannot be read.
    pub fn covered(&self) -> Result<i64> {
        let metas = self.index.load_metas().map_err(err("metadata"))?;
        Ok(metas.payload.as_deref().and_then(|p| p.parse().ok()).unwrap_or(0))
    }

    /// How many articles the index holds.
    #[must_use]
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Every article id in the index (for consistency checks).
    ///
    /// # Errors
    /// When stored fields cannot be read.
    pub fn ids(&self) -> Result<Vec<String>> {
        let searcher = self.reader.searcher();
        let mut ids = Vec::new();
        for segment in searcher.segment_readers() {
            let store = segment
                .get_store_reader(64)
                .map_err(|e| IndexError(format!("search index: stored fields: {e}")))?;
            for doc in segment.doc_ids_alive() {
                let d: TantivyDocument = store.get(doc).map_err(err("stored fields"))?;
                if let Some(id) = d.get_first(self.fields.id).and_then(|v| v.as_str()) {
                    ids.push(id.to_string());
                }
            }
        }
        Ok(ids)
    }

    /// Searches, best first.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<Hit>> {
        let f = self.fields;
        let text_query = self.text_query(&q.text);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let has_text = text_query.is_some();
        if let Some(tq) = text_query {
            clauses.push((Occur::Must, tq));
        }
        let term = |field: Field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
        };
        if let Some(o) = &q.outlet {
            clauses.push((Occur::Must, term(f.outlet, o)));
        }
        if let Some(t) = &q.tag {
            clauses.push((Occur::Must, term(f.tag, &tag_key(t))));
        }
        if let Some(e) = &q.entity {
            clauses.push((Occur::Must, term(f.entity, &akhbar_text::fold(e))));
        }
        if let Some(s) = &q.story {
            let any: Vec<(Occur, Box<dyn Query>)> = std::iter::once(s)
                .chain(&q.story_also)
                .map(|s| (Occur::Should, term(f.story, s)))
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if q.from_day.is_some() || q.to_day.is_some() {
            let bound = |d: Option<i64>| {
                d.map_or(Bound::Unbounded, |d| Bound::Included(Term::from_field_i64(f.day, d)))
            };
            clauses
                .push((Occur::Must, Box::new(RangeQuery::new(bound(q.from_day), bound(q.to_day)))));
        }
        if clauses.is_empty() || !has_text {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let limit = q.limit.max(1);
        // Equal scores (an article and its copies) are ordered by publication day, then id, so
        // that a query gives the same order whatever the index's segment layout: a few more
        // candidates than asked for are read to settle ties at the cut.
        let top = searcher
            .search(&query, &TopDocs::with_limit(limit + TIE_MARGIN))
            .map_err(err("search"))?;
        // The stored documents read here are kept for the hits (one read per document).
        let mut ranked: Vec<(f32, Option<i64>, String, TantivyDocument)> =
            Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(err("stored fields"))?;
            let day = doc.get_first(f.day).and_then(|v| v.as_i64());
            let id = doc.get_first(f.id).and_then(|v| v.as_str()).unwrap_or_default().to_string();
            ranked.push((score, day, id, doc));
        }
        ranked.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| a.1.unwrap_or(i64::MAX).cmp(&b.1.unwrap_or(i64::MAX)))
                .then_with(|| a.2.cmp(&b.2))
        });
        ranked.truncate(limit);
        let mut snippets = SnippetGenerator::create(&searcher, &query, f.body).ok();
        if let Some(s) = snippets.as_mut() {
            s.set_max_num_chars(SNIPPET_CHARS);
        }
        let mut hits = Vec::with_capacity(ranked.len());
        for (score, _, id, doc) in ranked {
            let get = |field: Field| {
                doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_string()
            };
            let body = get(f.body);
            let (snippet, highlights) = match snippets.as_ref().map(|s| s.snippet(&body)) {
                Some(s) if !s.fragment().is_empty() => {
                    let frag = s.fragment();
                    let char_at = |b: usize| frag[..b].chars().count();
                    let hl = s.highlighted().iter().map(|r| (char_at(r.start), char_at(r.end)));
                    (frag.to_string(), hl.collect())
                }
                _ => (opening(&body, SNIPPET_CHARS), Vec::new()),
            };
            hits.push(Hit { id, title: get(f.title), score, snippet, highlights });
        }
        Ok(hits)
    }

    /// How many articles match (no ranking).
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn count(&self, q: &SearchQuery) -> Result<usize> {
        let Some(query) = self.text_query(&q.text) else { return Ok(0) };
        self.reader.searcher().search(&query, &Count).map_err(err("count"))
    }

    /// The query over title and body: every word is optional and adds its best match (stem or
    /// exact form, title or body); quoted phrases must match as written.
    fn text_query(&self, text: &str) -> Option<Box<dyn Query>> {
        let f = self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let (phrases, loose) = split_phrases(text);
        for phrase in &phrases {
            let words = query_words(phrase);
            let terms = |field: Field| -> Vec<Term> {
                words.iter().map(|w| Term::from_field_text(field, &w.exact)).collect()
            };
            match words.len() {
                0 => {}
                1 => clauses.push((Occur::Must, self.word_query(&words[0]))),
                _ => {
                    let either: Vec<Box<dyn Query>> = vec![
                        Box::new(BoostQuery::new(
                            Box::new(PhraseQuery::new(terms(f.title_exact))),
                            TITLE_BOOST,
                        )),
                        Box::new(PhraseQuery::new(terms(f.body_exact))),
                    ];
                    clauses.push((Occur::Must, Box::new(DisjunctionMaxQuery::new(either))));
                }
            }
        }
        let words = query_words(&loose);
        let all_stop = words.iter().all(|w| w.stop);
        for w in &words {
            // Stop words count only when the query is nothing else (`من نحن`).
            if w.stop && !all_stop {
                continue;
            }
            clauses.push((Occur::Should, self.word_query(w)));
        }
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    fn word_query(&self, w: &QueryWord) -> Box<dyn Query> {
        let f = self.fields;
        let term = |field: Field, key: &str, boost: f32| -> Box<dyn Query> {
            let q = TermQuery::new(Term::from_field_text(field, key), IndexRecordOption::WithFreqs);
            Box::new(BoostQuery::new(Box::new(q), boost))
        };
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        for (i, stem) in w.stems.iter().enumerate() {
            let weight = if i == 0 { 1.0 } else { RESTRIPPED_BOOST };
            alternatives.push(term(f.title, stem, TITLE_BOOST * weight));
            alternatives.push(term(f.body, stem, weight));
        }
        let stems: Box<dyn Query> =
            Box::new(DisjunctionMaxQuery::with_tie_breaker(alternatives, 0.3));
        let exact: Box<dyn Query> = Box::new(DisjunctionMaxQuery::with_tie_breaker(
            vec![term(f.title_exact, &w.exact, TITLE_BOOST), term(f.body_exact, &w.exact, 1.0)],
            0.3,
        ));
        Box::new(BooleanQuery::new(vec![
            (Occur::Should, stems),
            (Occur::Should, Box::new(BoostQuery::new(exact, EXACT_BOOST))),
        ]))
    }
}

/// A tag's index key: its folded form with spaces as hyphens (the slug shape).
fn tag_key(tag: &str) -> String {
    akhbar_text::fold(tag.trim()).split_whitespace().collect::<Vec<_>>().join("-")
}

/// Quoted phrases and the rest of a query.
fn split_phrases(text: &str) -> (Vec<String>, String) {
    let mut phrases = Vec::new();
    let mut loose = String::new();
    for (i, part) in text.split(['"', '«', '»', '“', '”']).enumerate() {
        if i % 2 == 1 && !part.trim().is_empty() {
            phrases.push(part.trim().to_string());
        } else {
            loose.push_str(part);
            loose.push(' ');
        }
    }
    (phrases, loose)
}

/// The opening of a text, cut at a word boundary.
fn opening(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.trim().to_string();
    }
    let cut: String = text.chars().take(chars).collect();
    let cut = cut.rsplit_once(char::is_whitespace).map_or(cut.as_str(), |(a, _)| a);
    format!("{}…", cut.trim_end())
}

/// Adds, replaces and deletes articles; nothing is visible until [`Writer::commit`].
pub struct Writer<'i> {
    index: &'i SearchIndex,
    writer: IndexWriter,
}

impl std::fmt::Debug for Writer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer").finish_non_exhaustive()
    }
}

impl Writer<'_> {
    /// Adds an article, replacing any earlier document with its id.
    ///
    /// # Errors
    /// When tantivy refuses the document.
    pub fn put(&mut self, doc: &IndexDoc) -> Result<()> {
        let f = self.index.fields;
        self.writer.delete_term(Term::from_field_text(f.id, &doc.id));
        let mut d = TantivyDocument::default();
        d.add_text(f.id, &doc.id);
        d.add_text(f.title, &doc.title);
        d.add_text(f.title_exact, &doc.title);
        d.add_text(f.body, &doc.body);
        d.add_text(f.body_exact, &doc.body);
        if let Some(o) = &doc.outlet {
            d.add_text(f.outlet, o);
        }
        if let Some(day) = doc.day {
            d.add_i64(f.day, day);
        }
        for t in &doc.tags {
            d.add_text(f.tag, tag_key(t));
        }
        for e in &doc.entities {
            d.add_text(f.entity, akhbar_text::fold(e));
        }
        if let Some(s) = &doc.story {
            d.add_text(f.story, s);
        }
        self.writer.add_document(d).map_err(err("add"))?;
        Ok(())
    }

    /// Deletes every document.
    ///
    /// # Errors
    /// When tantivy cannot.
    pub fn clear(&mut self) -> Result<()> {
        self.writer.delete_all_documents().map_err(err("clear"))?;
        Ok(())
    }

    /// Commits, recording the store sequence number now covered, and reloads the reader.
    ///
    /// # Errors
    /// When the commit cannot be written.
    pub fn commit(&mut self, covered: i64) -> Result<()> {
        let mut prepared = self.writer.prepare_commit().map_err(err("commit"))?;
        prepared.set_payload(&covered.to_string());
        prepared.commit().map_err(err("commit"))?;
        self.index.reader.reload().map_err(err("reload"))?;
        Ok(())
    }

    /// Waits for merges and releases the index lock.
    ///
    /// # Errors
    /// When a merge failed.
    pub fn finish(self) -> Result<()> {
        self.writer.wait_merging_threads().map_err(err("merge"))
    }
}

#[cfg(test)]
mod tests;
