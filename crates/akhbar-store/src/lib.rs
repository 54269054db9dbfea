//! akhbar's store: everything akhbar derives from an article, kept durably.
//!
//! Callers see the [`Store`] trait and plain Rust types; nothing of SQLite leaks through it, so
//! a server database (PostgreSQL) can implement the same trait for multi-machine deployments.
//! [`SqliteStore`] is the embedded implementation: one SQLite file in WAL mode, ordered
//! migrations recorded in `PRAGMA user_version`, every batch one transaction.
//!
//! An article is identified by its record id (search hits and links name articles by it) and
//! by its URL. Ingesting the same article again changes nothing, nor does an older text of it
//! fetched again. New text under the same id, or at the same URL under another id (a re-crawl
//! of an updated page), is recorded as a new version of the stored article, which keeps its
//! id; every version's input record is kept verbatim in `article_versions`. The same text at
//! the same URL under another id (one article filed in two sections) is a record of its own,
//! which the copy detector links to the first. Every stored version gets the next sequence
//! number ([`StoredArticle::seq`]), so a search index that records the last sequence number it
//! covers can be brought up to date after a crash.

mod sqlite;

pub use sqlite::SqliteStore;

use serde::{Deserialize, Serialize};

/// A store error, with what was being done.
#[derive(Debug)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

/// Result of store operations.
pub type Result<T> = std::result::Result<T, StoreError>;

/// An entity mention of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRow {
    /// As written.
    pub text: String,
    /// Canonical name.
    pub canonical: String,
    /// PER, ORG, LOC or MISC.
    pub kind: String,
    /// Char offsets into the body (`end` exclusive).
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// A tag of an article, with its URL slug.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagRow {
    /// The tag as shown.
    pub tag: String,
    /// Its slug.
    pub slug: String,
}

/// One article with everything derived from it, ready to store.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The article's id (the input record's, or the stored article's it updates).
    pub id: String,
    /// The input record's own id, when the record updates an article stored under another id.
    pub record_id: Option<String>,
    /// The URL it was fetched from.
    pub url: Option<String>,
    /// The canonical URL the page declares.
    pub canonical_url: Option<String>,
    /// The outlet's name.
    pub outlet: Option<String>,
    /// Title.
    pub title: String,
    /// Body text.
    pub body: String,
    /// Publication time (ISO 8601 at the granularity known).
    pub published: Option<String>,
    /// Publication day number (days since 1970-01-01).
    pub day: Option<i64>,
    /// The input record exactly as received.
    pub original: String,
    /// Fingerprint of the article's content (title and body).
    pub fingerprint: String,
    /// Story id.
    pub story: Option<String>,
    /// The story's title (its most representative article's so far): the store keeps the
    /// latest record's.
    pub story_title: Option<String>,
    /// The earliest article this one copies.
    pub duplicate_of: Option<String>,
    /// Agencies credited.
    pub wire: Vec<String>,
    /// Tags.
    pub tags: Vec<TagRow>,
    /// Entities.
    pub entities: Vec<EntityRow>,
    /// Related earlier articles (id, score), best first.
    pub related: Vec<(String, f32)>,
    /// Everything else derived (dates, sections…), as JSON.
    pub extra: serde_json::Value,
}

impl ArticleRecord {
    /// The key an article is known by: its record id.
    #[must_use]
    pub fn key(&self) -> &str {
        &self.id
    }
}

/// What the store already knows of an incoming article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    /// Never stored.
    New,
    /// Stored with this content already.
    Same,
    /// Stored with other content, as the article with this id (the incoming record's own id,
    /// or the id of the article stored at its URL): the incoming one is its new version.
    Changed(String),
}

/// What storing an article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A new article.
    Added,
    /// Nothing: the same content was there.
    Unchanged,
    /// A new version (numbered from 1) of an article already stored.
    Updated(u32),
}

/// A stored article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    /// The sequence number of its current version.
    pub seq: i64,
    /// Its current version (1 for the first).
    pub version: u32,
    /// What was stored.
    pub record: ArticleRecord,
}

/// What linking needs of a stored article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkRow {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its body.
    pub body: String,
    /// Its publication day number.
    pub day: Option<i64>,
    /// Its story (its own id when it has none).
    pub story: String,
}

/// A story with its articles, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    /// Story id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its articles: (id, title, outlet, published), in publication order.
    pub articles: Vec<(String, String, Option<String>, Option<String>)>,
}

/// Counts of what a store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Articles.
    pub articles: u64,
    /// Versions, all articles together.
    pub versions: u64,
    /// Outlets.
    pub outlets: u64,
    /// Stories.
    pub stories: u64,
    /// Articles that copy another.
    pub copies: u64,
}

/// akhbar's store, whatever the database behind it.
pub trait Store {
    /// What the store knows of an article with this id, URL and content fingerprint.
    ///
    /// # Errors
    /// When the database cannot be read.
    fn seen(&self, id: &str, url: Option<&str>, fingerprint: &str) -> Result<Seen>;

    /// Stores a batch atomically: all of it or, after a crash, none of it.
    ///
    /// # Errors
    /// When the database cannot be written; nothing of the batch is stored then.
    fn put_batch(&mut self, batch: &[ArticleRecord]) -> Result<Vec<Outcome>> {
        Ok(self.put_batch_merging(batch, &[])?.0)
    }

    /// [`Store::put_batch`], with the story merges linking made while the batch was linked
    /// (`(from, into)`, in order), in the same transaction: the articles stored under `from`
    /// move to `into`, and `from` is remembered as merged into it. Returns the outcomes and the
    /// ids of earlier articles that changed story (whatever indexes them must learn of it).
    ///
    /// # Errors
    /// When the database cannot be written; nothing of the batch is stored then.
    fn put_batch_merging(
        &mut self,
        batch: &[ArticleRecord],
        merges: &[(String, String)],
    ) -> Result<(Vec<Outcome>, Vec<String>)>;

    /// The story a story id stands for now: itself, or the story it was merged into; `None`
    /// for an id the store does not know.
    ///
    /// # Errors
    /// When the database cannot be read.
    fn current_story(&self, id: &str) -> Result<Option<String>>;

    /// The ids of the stories merged into this one.
    ///
    /// # Errors
    /// When the database cannot be read.
    fn merged_into(&self, id: &str) -> Result<Vec<String>>;

    /// Sets the article each listed article copies (or none).
    ///
    /// # Errors
    /// When the database cannot be written.
    fn set_duplicates(&mut self, links: &[(String, Option<String>)]) -> Result<()>;

    /// Current articles whose sequence number is above `seq`, in sequence order, at most
    /// `limit` of them (read a large store a page at a time: the next page is `since` the
    /// last one's `seq`).
    ///
    /// # Errors
    /// When the database cannot be read.
    fn since(&self, seq: i64, limit: usize) -> Result<Vec<StoredArticle>>;

    /// What linking needs of every current article, in sequence order: (id, title, body,
    /// publication day, story). Lighter than [`Store::since`] for rebuilding linking state.
    ///
    /// # Errors
    /// When the database cannot be read.
    fn linking_rows(&self) -> Result<Vec<LinkRow>>;

    /// One article by id.
    ///
    /// # Errors
    /// When the database cannot be read.
    fn article(&self, id: &str) -> Result<Option<StoredArticle>>;

    /// The highest sequence number given out.
    ///
    /// # Errors
    /// When the database cannot be read.
    fn last_seq(&self) -> Result<i64>;

    /// Stories, the most covered first.
    ///
    /// # Errors
    /// When the database cannot be read.
    fn stories(&self, limit: usize) -> Result<Vec<StorySummary>>;

    /// The most frequent tags with their article counts.
    ///
    /// # Errors
    /// When the database cannot be read.
    fn top_tags(&self, limit: usize) -> Result<Vec<(TagRow, u64)>>;

    /// The most frequent entities (canonical name, type) with their article counts.
    ///
    /// # Errors
    /// When the database cannot be read.
    fn top_entities(&self, limit: usize) -> Result<Vec<(String, String, u64)>>;

    /// Articles that copy another: (copy id, original id), in publication order.
    ///
    /// # Errors
    /// When the database cannot be read.
    fn copies(&self, limit: usize) -> Result<Vec<(String, String)>>;

    /// Counts.
    ///
    /// # Errors
    /// When the database cannot be read.
    fn stats(&self) -> Result<Stats>;
}

/// A stable 64-bit FNV-1a fingerprint of an article's content, as 16 hex digits: whitespace
/// runs count as one space, so re-extracted text with other line breaks is the same content.
#[must_use]
pub fn fingerprint(title: &str, body: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for part in [title, body] {
        for word in part.split_whitespace() {
            word.bytes().for_each(&mut feed);
            feed(b' ');
        }
        feed(0);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests;
