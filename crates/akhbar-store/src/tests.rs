use super::*;

fn article(id: &str, url: &str, title: &str, body: &str) -> ArticleRecord {
    ArticleRecord {
        id: id.into(),
        url: Some(url.into()),
        outlet: Some("صحيفة الواحة".into()),
        title: title.into(),
        body: body.into(),
        published: Some("2025-10-12".into()),
        day: Some(20_373),
        original: format!("{{\"id\":\"{id}\"}}"),
        fingerprint: fingerprint(title, body),
        story: Some(format!("story-{id}")),
        tags: vec![TagRow {
            tag: "ميناء العقبة".into(), slug: "ميناء-العقبة".into()
        }],
        entities: vec![EntityRow {
            text: "العقبة".into(),
            canonical: "العقبة".into(),
            kind: "LOC".into(),
            start: 6,
            end: 12,
        }],
        related: vec![("x".into(), 0.5)],
        extra: serde_json::json!({"sections": {"site_tags": ["موانئ"]}}),
        ..ArticleRecord::default()
    }
}

#[test]
fn same_article_twice_changes_nothing() {
    let mut store = SqliteStore::in_memory().expect("store");
    let a = article("a1", "https://x.test/1", "افتتاح رصيف جديد", "افتتح رصيف في العقبة.");
    assert_eq!(store.put_batch(std::slice::from_ref(&a)).expect("put"), vec![Outcome::Added]);
    let seq = store.last_seq().expect("seq");
    assert_eq!(store.seen(a.key(), a.url.as_deref(), &a.fingerprint).expect("seen"), Seen::Same);
    assert_eq!(store.put_batch(&[a]).expect("put"), vec![Outcome::Unchanged]);
    assert_eq!(store.last_seq().expect("seq"), seq);
    let stats = store.stats().expect("stats");
    assert_eq!((stats.articles, stats.versions, stats.outlets), (1, 1, 1));
}

#[test]
fn new_text_under_the_same_id_is_a_new_version() {
    let mut store = SqliteStore::in_memory().expect("store");
    let a = article("a1", "https://x.test/1", "افتتاح رصيف جديد", "افتتح رصيف في العقبة.");
    store.put_batch(&[a]).expect("put");
    let b = article("a1", "https://x.test/1", "افتتاح رصيف جديد", "افتتح رصيف ثالث في العقبة أمس.");
    assert_eq!(
        store.seen(b.key(), b.url.as_deref(), &b.fingerprint).expect("seen"),
        Seen::Changed("a1".into())
    );
    assert_eq!(store.put_batch(std::slice::from_ref(&b)).expect("put"), vec![Outcome::Updated(2)]);
    let got = store.article("a1").expect("read").expect("stored");
    assert_eq!(got.version, 2);
    assert_eq!(got.record.body, b.body);
    assert_eq!(got.record.tags.len(), 1, "derived rows are replaced, not added to");
    assert_eq!(got.record.entities, b.entities);
    assert_eq!(store.versions("a1").expect("versions").len(), 2);
    assert_eq!(store.stats().expect("stats").articles, 1);
    // The old text fetched again is not a third version.
    let old = article("a1", "https://x.test/1", "افتتاح رصيف جديد", "افتتح رصيف في العقبة.");
    assert_eq!(
        store.seen(old.key(), old.url.as_deref(), &old.fingerprint).expect("seen"),
        Seen::Same
    );
    assert_eq!(store.put_batch(&[old]).expect("put"), vec![Outcome::Unchanged]);
    // The new version is what an index catching up sees.
    let since = store.since(got.seq - 1, usize::MAX).expect("since");
    assert_eq!(since.len(), 1);
    assert_eq!(since[0].record.original, b.original);
}

#[test]
fn stored_article_round_trips() {
    let mut store = SqliteStore::in_memory().expect("store");
    let a = article("a1", "https://x.test/1", "افتتاح رصيف جديد", "افتتح رصيف في العقبة.");
    store.put_batch(std::slice::from_ref(&a)).expect("put");
    store.set_duplicates(&[("a1".into(), Some("a0".into()))]).expect("dups");
    let got = store.article("a1").expect("read").expect("stored").record;
    assert_eq!(got.duplicate_of.as_deref(), Some("a0"));
    assert_eq!(store.copies(10).expect("copies"), vec![("a1".to_string(), "a0".to_string())]);
    assert_eq!(ArticleRecord { duplicate_of: None, ..got }, a);
    assert_eq!(store.top_tags(5).expect("tags")[0].1, 1);
    assert_eq!(store.top_entities(5).expect("entities")[0].0, "العقبة");
    let rows = store.linking_rows().expect("linking rows");
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].id.as_str(), rows[0].story.as_str(), rows[0].day),
        ("a1", "story-a1", Some(20_373))
    );
    let story = &store.stories(5).expect("stories")[0];
    assert_eq!(story.articles.len(), 1);
    assert_eq!(
        story.title, "افتتاح رصيف جديد",
        "a story without a given title takes its article's"
    );
}

#[test]
fn reopening_keeps_articles_and_migrates_once() {
    let dir = std::env::temp_dir().join(format!("akhbar-store-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    {
        let mut store = SqliteStore::open(&dir).expect("store");
        store.put_batch(&[article("a1", "u1", "عنوان", "نص")]).expect("put");
    }
    let store = SqliteStore::open(&dir).expect("reopen");
    assert_eq!(store.schema_version().expect("version"), 2);
    assert_eq!(store.stats().expect("stats").articles, 1);
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_store_of_the_first_schema_is_migrated_on_open() {
    let dir = std::env::temp_dir().join(format!("akhbar-store-v1-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    {
        let mut store = SqliteStore::open(&dir).expect("store");
        let a =
            ArticleRecord { story: Some("s1".into()), ..article("a1", "u1", "عنوان", "نص") };
        store.put_batch(&[a]).expect("put");
    }
    // Back to the first schema, as an older akhbar left it.
    let files: Vec<_> = std::fs::read_dir(&dir).expect("dir").flatten().collect();
    let db = files
        .iter()
        .map(|f| f.path())
        .find(|p| p.extension().is_some_and(|e| e == "sqlite" || e == "db"))
        .expect("database file");
    {
        let conn = rusqlite::Connection::open(&db).expect("raw");
        conn.execute_batch("ALTER TABLE stories DROP COLUMN merged_into; PRAGMA user_version = 1;")
            .expect("downgrade");
    }
    let mut store = SqliteStore::open(&dir).expect("reopen");
    assert_eq!(store.schema_version().expect("version"), 2);
    assert_eq!(store.stats().expect("stats").articles, 1);
    store.put_batch_merging(&[], &[("s1".into(), "s0".into())]).expect("merge");
    assert_eq!(store.current_story("s1").expect("story").as_deref(), Some("s0"));
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fingerprint_ignores_line_breaks_only() {
    assert_eq!(fingerprint("عنوان", "سطر أول\nسطر ثان"), fingerprint("عنوان", "سطر أول  سطر ثان"));
    assert_ne!(fingerprint("عنوان", "سطر أول"), fingerprint("عنوان", "سطر ثان"));
    assert_ne!(fingerprint("أ", "ب ج"), fingerprint("أ ب", "ج"));
}

#[test]
fn new_text_at_a_known_url_under_another_id_is_a_new_version() {
    let mut store = SqliteStore::in_memory().expect("store");
    let a = article("feed-1", "https://x.test/1", "افتتاح رصيف جديد", "افتتح رصيف في العقبة.");
    store.put_batch(&[a]).expect("put");
    let b = article("crawl-9", "https://x.test/1", "افتتاح رصيف جديد", "افتتح رصيف ثان في العقبة.");
    assert_eq!(
        store.seen(b.key(), b.url.as_deref(), &b.fingerprint).expect("seen"),
        Seen::Changed("feed-1".into())
    );
    assert_eq!(store.put_batch(std::slice::from_ref(&b)).expect("put"), vec![Outcome::Updated(2)]);
    // The same record again (a resumed ingest) changes nothing.
    assert_eq!(store.seen(b.key(), b.url.as_deref(), &b.fingerprint).expect("seen"), Seen::Same);
    assert_eq!(store.put_batch(std::slice::from_ref(&b)).expect("put"), vec![Outcome::Unchanged]);
    let got = store.article("feed-1").expect("read").expect("stored");
    assert_eq!(got.version, 2, "the stored article keeps its id");
    assert!(got.record.original.contains("crawl-9"), "the version's own record is kept");
    assert!(store.article("crawl-9").expect("read").is_none());
}

#[test]
fn one_url_under_two_ids_is_two_articles() {
    let mut store = SqliteStore::in_memory().expect("store");
    let a = article("economy-1", "https://x.test/1", "افتتاح رصيف جديد", "افتتح رصيف في العقبة.");
    let b = ArticleRecord { id: "local-7".into(), ..a.clone() };
    let outcomes = store.put_batch(&[a, b]).expect("put");
    assert_eq!(outcomes, vec![Outcome::Added, Outcome::Added]);
    assert!(store.article("local-7").expect("read").is_some());
}

#[test]
fn merged_stories_move_their_articles_and_stay_resolvable() {
    let mut store = SqliteStore::in_memory().expect("store");
    let with_story = |id: &str, url: &str, story: &str| ArticleRecord {
        story: Some(story.into()),
        ..article(id, url, "انقطاع الكهرباء في المدينة", &format!("نص الخبر رقم {id}."))
    };
    store.put_batch(&[with_story("a1", "u1", "s-a"), with_story("b1", "u2", "s-b")]).expect("put");
    // A later batch finds s-b to be s-a's event: b1 moves, s-b points at s-a.
    let (outcomes, moved) = store
        .put_batch_merging(&[with_story("c1", "u3", "s-a")], &[("s-b".into(), "s-a".into())])
        .expect("put");
    assert_eq!(outcomes, vec![Outcome::Added]);
    assert_eq!(moved, vec!["b1".to_string()]);
    let b1 = store.article("b1").expect("read").expect("stored");
    assert_eq!(b1.record.story.as_deref(), Some("s-a"));
    assert_eq!(store.current_story("s-b").expect("story").as_deref(), Some("s-a"));
    assert_eq!(store.current_story("s-a").expect("story").as_deref(), Some("s-a"));
    assert_eq!(store.current_story("nope").expect("story"), None);
    assert_eq!(store.merged_into("s-a").expect("merged"), vec!["s-b".to_string()]);
    // s-a merged in turn: what was merged into it follows, in one step.
    store.put_batch_merging(&[], &[("s-a".into(), "s-z".into())]).expect("put");
    assert_eq!(store.current_story("s-b").expect("story").as_deref(), Some("s-z"));
    let stories = store.stories(10).expect("stories");
    assert_eq!(stories.len(), 1, "{stories:?}");
}

#[test]
fn a_story_keeps_the_latest_title_given_for_it() {
    let mut store = SqliteStore::in_memory().expect("store");
    let rec = |id: &str, url: &str, title: Option<&str>| ArticleRecord {
        story: Some("s".into()),
        story_title: title.map(str::to_string),
        ..article(id, url, &format!("عنوان {id}"), &format!("نص الخبر رقم {id}."))
    };
    store.put_batch(&[rec("a1", "u1", Some("تحذيرات قبل العاصفة"))]).expect("put");
    assert_eq!(store.stories(5).expect("stories")[0].title, "تحذيرات قبل العاصفة");
    // Articles joined and a more central one now names the story.
    store.put_batch(&[rec("a2", "u2", Some("العاصفة تضرب الساحل"))]).expect("put");
    assert_eq!(store.stories(5).expect("stories")[0].title, "العاصفة تضرب الساحل");
    // A record that gives no title leaves the story's alone.
    store.put_batch(&[rec("a3", "u3", None)]).expect("put");
    assert_eq!(store.stories(5).expect("stories")[0].title, "العاصفة تضرب الساحل");
}

#[test]
fn since_reads_a_page_at_a_time_in_sequence_order() {
    let mut store = SqliteStore::in_memory().expect("store");
    let batch: Vec<ArticleRecord> = (1..=5)
        .map(|i| {
            article(
                &format!("p{i}"),
                &format!("https://x.test/p{i}"),
                &format!("خبر رقم {i}"),
                &format!("نص الخبر رقم {i} عن افتتاح مرفق جديد."),
            )
        })
        .collect();
    store.put_batch(&batch).expect("put");
    let mut seen = Vec::new();
    let mut seq = 0;
    loop {
        let page = store.since(seq, 2).expect("since");
        assert!(page.len() <= 2);
        let Some(last) = page.last() else { break };
        seq = last.seq;
        seen.extend(page.iter().map(|a| a.record.id.clone()));
    }
    assert_eq!(seen, ["p1", "p2", "p3", "p4", "p5"]);
    assert!(store.since(0, 0).expect("since").is_empty());
}
