//! The embedded store: SQLite in WAL mode.

use crate::{
    ArticleRecord, EntityRow, LinkRow, Outcome, Result, Seen, Stats, Store, StoreError,
    StoredArticle, StorySummary, TagRow,
};
use rusqlite::{Connection, OptionalExtension, Row, params};
use std::path::Path;

/// Ordered migrations; `PRAGMA user_version` records how many have run. Never edit one that
/// has shipped: add the next.
const MIGRATIONS: &[&str] = &[
    // 1: articles, their versions and everything derived.
    "CREATE TABLE outlets (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        ext_id TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        url TEXT,
        canonical_url TEXT,
        outlet_id INTEGER REFERENCES outlets(id),
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        published TEXT,
        day INTEGER,
        fingerprint TEXT NOT NULL,
        version INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        story TEXT,
        duplicate_of TEXT,
        wire TEXT NOT NULL DEFAULT '[]',
        extra TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX articles_ext_id ON articles(ext_id);
    CREATE INDEX articles_url ON articles(url);
    CREATE INDEX articles_seq ON articles(seq);
    CREATE INDEX articles_story ON articles(story);
    CREATE INDEX articles_day ON articles(day);
    CREATE TABLE article_versions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        version INTEGER NOT NULL,
        record_id TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        original TEXT NOT NULL,
        stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        UNIQUE (article_id, version)
    );
    CREATE INDEX article_versions_record ON article_versions(record_id);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        first_seq INTEGER NOT NULL
    );
    CREATE TABLE sections (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        kind TEXT NOT NULL,
        position INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX sections_article ON sections(article_id);
    CREATE TABLE entities (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        text TEXT NOT NULL,
        canonical TEXT NOT NULL,
        type TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
    );
    CREATE INDEX entities_article ON entities(article_id);
    CREATE INDEX entities_canonical ON entities(canonical);
    CREATE TABLE tags (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        rank INTEGER NOT NULL,
        tag TEXT NOT NULL,
        slug TEXT NOT NULL
    );
    CREATE INDEX tags_article ON tags(article_id);
    CREATE INDEX tags_slug ON tags(slug);
    CREATE TABLE links (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        kind TEXT NOT NULL,
        other TEXT NOT NULL,
        score REAL NOT NULL
    );
    CREATE INDEX links_article ON links(article_id);",
    // 2: stories merged into another (linking found two stories to be one event).
    "ALTER TABLE stories ADD COLUMN merged_into TEXT;",
];

/// The SQLite store, one file (plus its WAL) in a directory.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
}

fn sql(what: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |e| StoreError(format!("store: {what}: {e}"))
}

impl SqliteStore {
    /// The database file's name inside a store directory.
    pub const FILE: &'static str = "akhbar.sqlite";

    /// Opens (creating if needed) the store in `dir` and brings its schema up to date.
    ///
    /// # Errors
    /// When the directory or database cannot be opened, or a migration fails.
    pub fn open(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir)
            .map_err(|e| StoreError(format!("cannot create {}: {e}", dir.display())))?;
        let path = dir.join(Self::FILE);
        let conn = Connection::open(&path)
            .map_err(|e| StoreError(format!("cannot open {}: {e}", path.display())))?;
        Self::init(conn)
    }

    /// A store in memory (tests).
    ///
    /// # Errors
    /// When SQLite cannot start.
    pub fn in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory().map_err(sql("open"))?)
    }

    fn init(mut conn: Connection) -> Result<Self> {
        conn.pragma_update(None, "journal_mode", "WAL").map_err(sql("WAL mode"))?;
        // FULL: a committed batch survives power loss, not only a killed process.
        conn.pragma_update(None, "synchronous", "FULL").map_err(sql("synchronous"))?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(sql("foreign keys"))?;
        conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(sql("busy timeout"))?;
        let version: usize =
            conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(sql("version"))?;
        if version > MIGRATIONS.len() {
            return Err(StoreError(format!(
                "store schema version {version} is newer than this akhbar knows ({}): upgrade akhbar",
                MIGRATIONS.len()
            )));
        }
        for (i, migration) in MIGRATIONS.iter().enumerate().skip(version) {
            let tx = conn.transaction().map_err(sql("migration"))?;
            tx.execute_batch(migration)
                .map_err(|e| StoreError(format!("store: migration {}: {e}", i + 1)))?;
            tx.pragma_update(None, "user_version", i + 1).map_err(sql("migration"))?;
            tx.commit().map_err(sql("migration"))?;
        }
        Ok(Self { conn })
    }

    /// The schema version (number of migrations run).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn schema_version(&self) -> Result<usize> {
        self.conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(sql("version"))
    }

    /// Every version of an article (oldest first): (version, fingerprint, original record).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn versions(&self, id: &str) -> Result<Vec<(u32, String, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT v.version, v.fingerprint, v.original FROM article_versions v
                 JOIN articles a ON a.id = v.article_id WHERE a.ext_id = ?1 ORDER BY v.version",
            )
            .map_err(sql("versions"))?;
        let rows = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(sql("versions"))?;
        rows.collect::<std::result::Result<_, _>>().map_err(sql("versions"))
    }
}

const ARTICLE_COLUMNS: &str = "a.id, a.ext_id, a.url, a.canonical_url, o.name, a.title, a.body,
    a.published, a.day, a.fingerprint, a.version, a.seq, a.story, a.duplicate_of, a.wire, a.extra,
    (SELECT original FROM article_versions v WHERE v.seq = a.seq)";

fn article_from_row(r: &Row<'_>) -> rusqlite::Result<(i64, StoredArticle)> {
    let wire: String = r.get(14)?;
    let extra: String = r.get(15)?;
    Ok((
        r.get(0)?,
        StoredArticle {
            seq: r.get(11)?,
            version: r.get(10)?,
            record: ArticleRecord {
                id: r.get(1)?,
                url: r.get(2)?,
                canonical_url: r.get(3)?,
                outlet: r.get(4)?,
                title: r.get(5)?,
                body: r.get(6)?,
                published: r.get(7)?,
                day: r.get(8)?,
                fingerprint: r.get(9)?,
                story: r.get(12)?,
                duplicate_of: r.get(13)?,
                wire: serde_json::from_str(&wire).unwrap_or_default(),
                extra: serde_json::from_str(&extra).unwrap_or_default(),
                original: r.get::<_, Option<String>>(16)?.unwrap_or_default(),
                ..ArticleRecord::default()
            },
        },
    ))
}

impl SqliteStore {
    /// Fills an article's tags, entities and related links from their tables.
    fn fill(&self, rowid: i64, a: &mut ArticleRecord) -> Result<()> {
        let mut tags = self
            .conn
            .prepare_cached("SELECT tag, slug FROM tags WHERE article_id = ?1 ORDER BY rank")
            .map_err(sql("tags"))?;
        a.tags = tags
            .query_map([rowid], |r| Ok(TagRow { tag: r.get(0)?, slug: r.get(1)? }))
            .map_err(sql("tags"))?
            .collect::<std::result::Result<_, _>>()
            .map_err(sql("tags"))?;
        let mut ents = self
            .conn
            .prepare_cached(
                "SELECT text, canonical, type, start, end FROM entities WHERE article_id = ?1
                 ORDER BY start",
            )
            .map_err(sql("entities"))?;
        a.entities = ents
            .query_map([rowid], |r| {
                Ok(EntityRow {
                    text: r.get(0)?,
                    canonical: r.get(1)?,
                    kind: r.get(2)?,
                    start: r.get(3)?,
                    end: r.get(4)?,
                })
            })
            .map_err(sql("entities"))?
            .collect::<std::result::Result<_, _>>()
            .map_err(sql("entities"))?;
        let mut links = self
            .conn
            .prepare_cached(
                "SELECT other, score FROM links WHERE article_id = ?1 AND kind = 'related'
                 ORDER BY score DESC",
            )
            .map_err(sql("links"))?;
        a.related = links
            .query_map([rowid], |r| Ok((r.get(0)?, r.get::<_, f64>(1)? as f32)))
            .map_err(sql("links"))?
            .collect::<std::result::Result<_, _>>()
            .map_err(sql("links"))?;
        Ok(())
    }

    fn list<T>(
        &self,
        query: &str,
        params: impl rusqlite::Params,
        f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(query).map_err(sql("query"))?;
        let rows = stmt.query_map(params, f).map_err(sql("query"))?;
        rows.collect::<std::result::Result<_, _>>().map_err(sql("query"))
    }
}

/// New, or known with this content (as its current or any earlier version: an old text
/// fetched again is not news), or known with other content: by id, else by URL.
fn seen(conn: &Connection, id: &str, url: Option<&str>, fingerprint: &str) -> Result<Seen> {
    let known = |column: &str, value: &str| -> Result<Option<(String, bool)>> {
        conn.prepare_cached(&format!(
            "SELECT a.ext_id, EXISTS (SELECT 1 FROM article_versions v
                                      WHERE v.article_id = a.id AND v.fingerprint = ?2)
             FROM articles a WHERE a.{column} = ?1 ORDER BY a.seq DESC LIMIT 1"
        ))
        .map_err(sql("lookup"))?
        .query_row([value, fingerprint], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .map_err(sql("lookup"))
    };
    if let Some((stored, same)) = known("key", id)? {
        return Ok(if same { Seen::Same } else { Seen::Changed(stored) });
    }
    // A record that already updated an article stored under another id.
    let applied: Option<(String, bool)> = conn
        .prepare_cached(
            "SELECT a.ext_id, EXISTS (SELECT 1 FROM article_versions w
                                      WHERE w.article_id = a.id AND w.fingerprint = ?2)
             FROM article_versions v JOIN articles a ON a.id = v.article_id
             WHERE v.record_id = ?1 ORDER BY v.seq DESC LIMIT 1",
        )
        .map_err(sql("lookup"))?
        .query_row([id, fingerprint], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .map_err(sql("lookup"))?;
    if let Some((stored, same)) = applied {
        return Ok(if same { Seen::Same } else { Seen::Changed(stored) });
    }
    match url.filter(|u| !u.is_empty()) {
        // The same text at a known URL under a new id is a record of its own (one article in
        // two sections); other text there is the page updated.
        Some(u) => Ok(match known("url", u)? {
            Some((stored, false)) => Seen::Changed(stored),
            _ => Seen::New,
        }),
        None => Ok(Seen::New),
    }
}

fn put_one(tx: &rusqlite::Transaction<'_>, a: &ArticleRecord) -> Result<Outcome> {
    let target = match seen(tx, a.key(), a.url.as_deref(), &a.fingerprint)? {
        Seen::Same => return Ok(Outcome::Unchanged),
        Seen::Changed(stored) => Some(stored),
        Seen::New => None,
    };
    let existing: Option<(i64, u32)> = match &target {
        Some(stored) => tx
            .prepare_cached("SELECT id, version FROM articles WHERE key = ?1")
            .map_err(sql("lookup"))?
            .query_row([stored], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(sql("lookup"))?,
        None => None,
    };
    let outlet_id: Option<i64> = match a.outlet.as_deref().filter(|o| !o.is_empty()) {
        Some(name) => {
            tx.prepare_cached("INSERT OR IGNORE INTO outlets (name) VALUES (?1)")
                .map_err(sql("outlet"))?
                .execute([name])
                .map_err(sql("outlet"))?;
            Some(
                tx.prepare_cached("SELECT id FROM outlets WHERE name = ?1")
                    .map_err(sql("outlet"))?
                    .query_row([name], |r| r.get(0))
                    .map_err(sql("outlet"))?,
            )
        }
        None => None,
    };
    let wire = serde_json::to_string(&a.wire).unwrap_or_else(|_| "[]".into());
    let extra = a.extra.to_string();
    let (rowid, version, outcome) = match existing {
        Some((rowid, version)) => {
            for table in ["sections", "entities", "tags", "links"] {
                tx.execute(&format!("DELETE FROM {table} WHERE article_id = ?1"), [rowid])
                    .map_err(sql("replace"))?;
            }
            tx.prepare_cached(
                // The article keeps its id; the version's own record (and id) is in `original`.
                "UPDATE articles SET url = ?3, canonical_url = ?4, outlet_id = ?5,
                 title = ?6, body = ?7, published = ?8, day = ?9, fingerprint = ?10,
                 version = ?11, story = ?12, duplicate_of = ?13, wire = ?14, extra = ?15
                 WHERE id = ?1",
            )
            .map_err(sql("update"))?
            .execute(params![
                rowid,
                a.id, // unused: ?2 keeps the numbering of the insert
                a.url,
                a.canonical_url,
                outlet_id,
                a.title,
                a.body,
                a.published,
                a.day,
                a.fingerprint,
                version + 1,
                a.story,
                a.duplicate_of,
                wire,
                extra
            ])
            .map_err(sql("update"))?;
            (rowid, version + 1, Outcome::Updated(version + 1))
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO articles (ext_id, key, url, canonical_url, outlet_id, title, body,
                 published, day, fingerprint, version, seq, story, duplicate_of, wire, extra)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, 0, ?11, ?12, ?13, ?14)",
            )
            .map_err(sql("insert"))?
            .execute(params![
                a.id,
                a.key(),
                a.url,
                a.canonical_url,
                outlet_id,
                a.title,
                a.body,
                a.published,
                a.day,
                a.fingerprint,
                a.story,
                a.duplicate_of,
                wire,
                extra
            ])
            .map_err(sql("insert"))?;
            (tx.last_insert_rowid(), 1, Outcome::Added)
        }
    };
    tx.prepare_cached(
        "INSERT INTO article_versions (article_id, version, record_id, fingerprint, original)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .map_err(sql("version"))?
    .execute(params![
        rowid,
        version,
        a.record_id.as_deref().unwrap_or(&a.id),
        a.fingerprint,
        a.original
    ])
    .map_err(sql("version"))?;
    let seq = tx.last_insert_rowid();
    tx.execute("UPDATE articles SET seq = ?2 WHERE id = ?1", params![rowid, seq])
        .map_err(sql("sequence"))?;
    if let Some(story) = &a.story {
        // A story's title follows its most representative article, which can change as
        // articles join: the latest record's word on it is kept.
        match &a.story_title {
            Some(title) => tx
                .prepare_cached(
                    "INSERT INTO stories (id, title, first_seq) VALUES (?1, ?2, ?3)
                     ON CONFLICT(id) DO UPDATE SET title = excluded.title",
                )
                .map_err(sql("story"))?
                .execute(params![story, title, seq]),
            None => tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO stories (id, title, first_seq) VALUES (?1, ?2, ?3)",
                )
                .map_err(sql("story"))?
                .execute(params![story, a.title, seq]),
        }
        .map_err(sql("story"))?;
    }
    let mut tags = tx
        .prepare_cached("INSERT INTO tags (article_id, rank, tag, slug) VALUES (?1, ?2, ?3, ?4)")
        .map_err(sql("tags"))?;
    for (rank, t) in a.tags.iter().enumerate() {
        tags.execute(params![rowid, rank, t.tag, t.slug]).map_err(sql("tags"))?;
    }
    let mut ents = tx
        .prepare_cached(
            "INSERT INTO entities (article_id, text, canonical, type, start, end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .map_err(sql("entities"))?;
    for e in &a.entities {
        ents.execute(params![rowid, e.text, e.canonical, e.kind, e.start, e.end])
            .map_err(sql("entities"))?;
    }
    let mut links = tx
        .prepare_cached(
            "INSERT INTO links (article_id, kind, other, score) VALUES (?1, 'related', ?2, ?3)",
        )
        .map_err(sql("links"))?;
    for (other, score) in &a.related {
        links.execute(params![rowid, other, f64::from(*score)]).map_err(sql("links"))?;
    }
    if let Some(sections) = a.extra.get("sections").and_then(|s| s.as_object()) {
        let mut put = tx
            .prepare_cached(
                "INSERT INTO sections (article_id, kind, position, data) VALUES (?1, ?2, ?3, ?4)",
            )
            .map_err(sql("sections"))?;
        for (kind, items) in sections {
            for (i, item) in items.as_array().into_iter().flatten().enumerate() {
                put.execute(params![rowid, kind, i, item.to_string()]).map_err(sql("sections"))?;
            }
        }
    }
    Ok(outcome)
}

impl Store for SqliteStore {
    fn seen(&self, id: &str, url: Option<&str>, fingerprint: &str) -> Result<Seen> {
        seen(&self.conn, id, url, fingerprint)
    }

    fn put_batch_merging(
        &mut self,
        batch: &[ArticleRecord],
        merges: &[(String, String)],
    ) -> Result<(Vec<Outcome>, Vec<String>)> {
        let tx = self.conn.transaction().map_err(sql("transaction"))?;
        let mut out = Vec::with_capacity(batch.len());
        for a in batch {
            out.push(put_one(&tx, a)?);
        }
        let mut moved = Vec::new();
        for (from, into) in merges {
            let mut ids = tx
                .prepare_cached("SELECT ext_id FROM articles WHERE story = ?1 ORDER BY seq")
                .map_err(sql("merge"))?;
            let rows = ids
                .query_map([from], |r| r.get::<_, String>(0))
                .map_err(sql("merge"))?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(sql("merge"))?;
            moved.extend(rows);
            tx.execute("UPDATE articles SET story = ?2 WHERE story = ?1", params![from, into])
                .map_err(sql("merge"))?;
            // Chains stay one step long: what was merged into `from` now points at `into`.
            tx.execute(
                "UPDATE stories SET merged_into = ?2 WHERE id = ?1 OR merged_into = ?1",
                params![from, into],
            )
            .map_err(sql("merge"))?;
        }
        tx.commit().map_err(sql("commit"))?;
        moved.sort();
        moved.dedup();
        Ok((out, moved))
    }

    fn merged_into(&self, id: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM stories WHERE merged_into = ?1 ORDER BY id")
            .map_err(sql("story"))?;
        stmt.query_map([id], |r| r.get(0))
            .map_err(sql("story"))?
            .collect::<rusqlite::Result<Vec<String>>>()
            .map_err(sql("story"))
    }

    fn current_story(&self, id: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT COALESCE(merged_into, id) FROM stories WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sql("story"))
    }

    fn set_duplicates(&mut self, links: &[(String, Option<String>)]) -> Result<()> {
        let tx = self.conn.transaction().map_err(sql("transaction"))?;
        {
            let mut stmt = tx
                .prepare_cached("UPDATE articles SET duplicate_of = ?2 WHERE ext_id = ?1")
                .map_err(sql("duplicates"))?;
            for (id, original) in links {
                stmt.execute(params![id, original]).map_err(sql("duplicates"))?;
            }
        }
        tx.commit().map_err(sql("commit"))
    }

    fn since(&self, seq: i64, limit: usize) -> Result<Vec<StoredArticle>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = self.list(
            &format!(
                "SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE a.seq > ?1 ORDER BY a.seq LIMIT ?2"
            ),
            [seq, limit],
            article_from_row,
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for (rowid, mut a) in rows {
            self.fill(rowid, &mut a.record)?;
            out.push(a);
        }
        Ok(out)
    }

    fn linking_rows(&self) -> Result<Vec<LinkRow>> {
        self.list(
            "SELECT ext_id, title, body, day, COALESCE(story, ext_id) FROM articles ORDER BY seq",
            [],
            |r| {
                Ok(LinkRow {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    body: r.get(2)?,
                    day: r.get(3)?,
                    story: r.get(4)?,
                })
            },
        )
    }

    fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let row = self
            .conn
            .prepare_cached(&format!(
                "SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE a.ext_id = ?1 ORDER BY a.seq DESC LIMIT 1"
            ))
            .map_err(sql("article"))?
            .query_row([id], article_from_row)
            .optional()
            .map_err(sql("article"))?;
        match row {
            Some((rowid, mut a)) => {
                self.fill(rowid, &mut a.record)?;
                Ok(Some(a))
            }
            None => Ok(None),
        }
    }

    fn last_seq(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT COALESCE(MAX(seq), 0) FROM article_versions", [], |r| r.get(0))
            .map_err(sql("sequence"))
    }

    fn stories(&self, limit: usize) -> Result<Vec<StorySummary>> {
        let ids: Vec<(String, Option<String>)> = self.list(
            "SELECT a.story, s.title FROM articles a LEFT JOIN stories s ON s.id = a.story
             WHERE a.story IS NOT NULL GROUP BY a.story
             ORDER BY COUNT(DISTINCT a.outlet_id) DESC, COUNT(*) DESC, MIN(a.seq) LIMIT ?1",
            [limit as i64],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut out = Vec::with_capacity(ids.len());
        for (id, title) in ids {
            let articles: Vec<(String, String, Option<String>, Option<String>)> = self.list(
                "SELECT a.ext_id, a.title, o.name, a.published FROM articles a
                 LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.story = ?1
                 ORDER BY a.published, a.seq",
                [&id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?;
            let title =
                title.unwrap_or_else(|| articles.first().map(|a| a.1.clone()).unwrap_or_default());
            out.push(StorySummary { id, title, articles });
        }
        Ok(out)
    }

    fn top_tags(&self, limit: usize) -> Result<Vec<(TagRow, u64)>> {
        self.list(
            "SELECT MIN(tag), slug, COUNT(DISTINCT article_id) AS n FROM tags GROUP BY slug
             ORDER BY n DESC, slug LIMIT ?1",
            [limit as i64],
            |r| Ok((TagRow { tag: r.get(0)?, slug: r.get(1)? }, r.get(2)?)),
        )
    }

    fn top_entities(&self, limit: usize) -> Result<Vec<(String, String, u64)>> {
        self.list(
            "SELECT canonical, type, COUNT(DISTINCT article_id) AS n FROM entities
             GROUP BY canonical, type ORDER BY n DESC, canonical LIMIT ?1",
            [limit as i64],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
    }

    fn copies(&self, limit: usize) -> Result<Vec<(String, String)>> {
        self.list(
            "SELECT ext_id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL
             ORDER BY published, seq LIMIT ?1",
            [limit as i64],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    fn stats(&self) -> Result<Stats> {
        let count = |q: &str| -> Result<u64> {
            self.conn.query_row(q, [], |r| r.get(0)).map_err(sql("stats"))
        };
        Ok(Stats {
            articles: count("SELECT COUNT(*) FROM articles")?,
            versions: count("SELECT COUNT(*) FROM article_versions")?,
            outlets: count("SELECT COUNT(*) FROM outlets")?,
            stories: count("SELECT COUNT(DISTINCT story) FROM articles")?,
            copies: count("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL")?,
        })
    }
}
