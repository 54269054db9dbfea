//! `akhbar ingest`, `akhbar search` and `akhbar reindex` as a user runs them: JSON Lines in,
//! the shapes of CLI.md out, a bad record reported without stopping the batch. The articles are
//! written for this test (fictional outlets).

use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

fn akhbar(args: &[&str], store: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_akhbar"))
        .args(args)
        .arg("--store")
        .arg(store)
        .output()
        .expect("run akhbar");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// An empty directory of this test run's own under the system's temporary directory.
fn fresh_dir(name: &str) -> std::path::PathBuf {
    let root = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("temp dir");
    root
}

fn hits(stdout: &str) -> Vec<Value> {
    stdout.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

fn ids(result: &Value) -> Vec<&str> {
    result["hits"].as_array().into_iter().flatten().filter_map(|h| h["id"].as_str()).collect()
}

#[test]
fn ingest_then_search_with_filters_and_reindex() {
    let root = fresh_dir("akhbar-search-cli");
    let store = root.join("store");
    let html = "<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>بلدية الواحة تفتتح حديقة عامة جديدة</title></head>\
        <body><nav>الرئيسية | محليات | رياضة</nav><article><h1>بلدية الواحة تفتتح حديقة عامة جديدة</h1>\
        <p>افتتحت بلدية الواحة صباح اليوم حديقة عامة جديدة على مساحة عشرين ألف متر مربع في الحي الشرقي، تضم ملاعب للأطفال ومسارات للمشي.</p>\
        <p>وقال رئيس البلدية إن الحديقة ستفتح أبوابها يومياً حتى منتصف الليل، وإن البلدية تخطط لافتتاح حديقتين أخريين قبل نهاية العام.</p></article></body></html>";
    let records = [
        json!({"id": "a1", "outlet": "صحيفة الواحة", "published": "2025-03-02T10:00:00+03:00",
               "title": "الحكومة تقرر دمج هيئتي النقل والطرق",
               "text": "قررت الحكومة في جلستها الأسبوعية دمج هيئتي النقل والطرق في هيئة واحدة اعتباراً من عام ٢٠٢٦، بهدف خفض النفقات وتسريع المشاريع."}),
        json!({"id": "a2", "outlet": "وكالة الشرق", "published": "2025-03-05T09:00:00+03:00",
               "title": "محادثات بین العراق وتركيا حول المياه",
               "text": "بدأت في أنقرة جولة محادثات بین العراق وتركيا حول حصص المياه في نهر دجلة، وسط توقعات بزيادة الإطلاقات خلال الشتاء."}),
        json!({"id": "a3", "url": "https://oasis.example/park", "outlet": "صحيفة الواحة",
               "published": "2025-03-06T08:00:00+03:00", "html": html}),
        json!({"id": "a4", "published": "not a date", "text": "نص"}),
    ];
    let input = root.join("in.jsonl");
    let mut lines: Vec<String> = records.iter().map(Value::to_string).collect();
    lines.push("{broken".into());
    std::fs::write(&input, lines.join("\n")).expect("write input");

    let (ok, out, err) = akhbar(&["ingest", input.to_str().expect("path")], &store);
    assert!(ok, "ingest failed: {err}");
    let report: Value = serde_json::from_str(out.trim()).expect("report");
    assert_eq!(report["report"]["added"], 3, "{report}");
    assert_eq!(report["report"]["errors"], 2, "{report}");
    assert!(err.contains("line 4") && err.contains("not a date"), "{err}");

    // Queries as typed by readers: a clitic, Persian yeh, hamza-less, Arabic-Indic digits.
    let queries = root.join("q.jsonl");
    let qs = [
        json!({"id": "clitic", "q": "دمج"}),
        json!({"id": "digits", "q": "2026"}),
        json!({"id": "yeh", "q": "بين العراق"}),
        json!({"id": "html", "q": "حديقة الواحة"}),
        json!({"id": "outlet", "q": "الحكومة المياه", "outlet": "وكالة الشرق"}),
        json!({"id": "range", "q": "الحكومة المياه", "from": "2025-03-04", "to": "2025-03-05"}),
        json!({"id": "baddate", "q": "الحكومة", "from": "أمس"}),
    ];
    let q_lines: Vec<String> = qs.iter().map(Value::to_string).collect();
    std::fs::write(&queries, q_lines.join("\n")).expect("write queries");
    let run = |store: &Path| {
        let (ok, out, err) = akhbar(&["search", "--input", queries.to_str().expect("path")], store);
        assert!(ok, "search failed: {err}");
        hits(&out)
    };
    let results = run(&store);
    assert_eq!(results.len(), qs.len());
    let by = |id: &str| results.iter().find(|r| r["id"] == id).expect(id).clone();
    assert_eq!(ids(&by("clitic")), ["a1"]);
    assert_eq!(ids(&by("digits")), ["a1"]);
    assert_eq!(ids(&by("yeh")).first(), Some(&"a2"));
    assert_eq!(ids(&by("html")).first(), Some(&"a3"));
    assert_eq!(ids(&by("outlet")), ["a2"]);
    assert_eq!(ids(&by("range")), ["a2"]);
    assert!(by("baddate")["error"].as_str().is_some_and(|e| e.contains("from")));
    let hit = &by("clitic")["hits"][0];
    assert_eq!(hit["title"], "الحكومة تقرر دمج هيئتي النقل والطرق");
    assert!(hit["score"].as_f64().is_some_and(|s| s > 0.0));
    assert!(hit["snippet"].as_str().is_some_and(|s| s.contains("دمج")), "{hit}");

    // A single query on the command line, and the same answers after a rebuilt index.
    let (ok, out, _) = akhbar(&["search", "--limit", "1", "احمد OR دمج"], &store);
    assert!(ok);
    assert_eq!(hits(&out)[0]["hits"].as_array().map(Vec::len), Some(1));
    let (ok, out, err) = akhbar(&["reindex"], &store);
    assert!(ok, "reindex failed: {err}");
    assert!(out.contains("\"reindexed\":3"), "{out}");
    assert_eq!(run(&store), results);

    // Searching where there is no store is a clear error.
    let (ok, _, err) = akhbar(&["search", "دمج"], &root.join("nowhere"));
    assert!(!ok && err.contains("no akhbar store"), "{err}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn versions_at_one_url_are_decided_the_same_in_any_batch_and_on_rerun() {
    let root = fresh_dir("akhbar-url-versions");
    let rec = |id: &str, text: &str| {
        json!({"id": id, "url": "https://oasis.example/poet", "published": "2025-03-08T09:00:00+03:00",
               "title": "حكم بسجن شاعرة", "text": text})
        .to_string()
    };
    let first = "قضت محكمة بسجن شاعرة خمسة أشهر بسبب قصيدة نشرتها على الشبكة.";
    let updated = "قضت محكمة بسجن شاعرة خمس سنوات بسبب قصائد نشرتها على الشبكة.";
    // A, then the page updated under B (a version of A), then the updated text filed again
    // under C (a record of its own).
    let input = root.join("in.jsonl");
    std::fs::write(&input, [rec("A", first), rec("B", updated), rec("C", updated)].join("\n"))
        .expect("write");
    let mut outcomes = Vec::new();
    for batch in ["1", "16"] {
        let store = root.join(format!("store-{batch}"));
        for run in 0..2 {
            let (ok, out, err) =
                akhbar(&["ingest", "--batch", batch, input.to_str().expect("path")], &store);
            assert!(ok, "{err}");
            let r: Value = serde_json::from_str(out.trim()).expect("report");
            let counts = (r["report"]["added"].clone(), r["report"]["updated"].clone());
            let want = if run == 0 { (json!(2), json!(1)) } else { (json!(0), json!(0)) };
            assert_eq!(counts, want, "batch {batch}, run {run}: {r}");
        }
        let (ok, out, _) = akhbar(&["search", "سجن شاعرة"], &store);
        assert!(ok);
        let mut found: Vec<String> = ids(&hits(&out)[0]).into_iter().map(str::to_string).collect();
        found.sort();
        outcomes.push(found);
    }
    assert_eq!(outcomes[0], ["A", "C"]);
    assert_eq!(outcomes[0], outcomes[1]);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn search_by_a_merged_story_id_finds_the_whole_story() {
    let root = fresh_dir("akhbar-merged-story");
    let store = root.join("store");
    let input = root.join("in.jsonl");
    let records = [
        json!({"id": "s1", "published": "2025-04-01T08:00:00+03:00",
               "title": "حريق في مستودع للمواد الكيماوية بميناء الشويخ",
               "text": "اندلع حريق ضخم في مستودع للمواد الكيماوية داخل ميناء الشويخ فجر اليوم، وأخمدت فرق الإطفاء النيران بعد ثلاث ساعات."}),
        json!({"id": "t1", "published": "2025-04-01T09:00:00+03:00",
               "title": "المنتخب يستعد لمباراة الإياب",
               "text": "واصل المنتخب الوطني تدريباته استعداداً لمباراة الإياب في التصفيات، وشارك جميع اللاعبين في الحصة التدريبية المسائية."}),
    ];
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    std::fs::write(&input, lines.join("\n")).expect("write input");
    let (ok, _, err) = akhbar(&["ingest", input.to_str().expect("path")], &store);
    assert!(ok, "ingest failed: {err}");
    let story_of = |story: &str| {
        let (ok, out, err) = akhbar(&["search", "--story", story], &store);
        assert!(ok, "search failed: {err}");
        let mut found: Vec<String> = ids(&hits(&out)[0]).into_iter().map(str::to_string).collect();
        found.sort();
        found
    };
    assert_eq!(story_of("s1"), ["s1"]);
    assert_eq!(story_of("t1"), ["t1"]);
    // The store learns that story t1 was story s1's event all along (as linking finds when a
    // later report tells both), and the index is rebuilt from it.
    {
        use akhbar_store::Store;
        let mut db = akhbar_store::SqliteStore::open(&store).expect("open store");
        db.put_batch_merging(&[], &[("t1".into(), "s1".into())]).expect("merge");
    }
    let (ok, _, err) = akhbar(&["reindex"], &store);
    assert!(ok, "reindex failed: {err}");
    // Either id finds the whole merged story.
    assert_eq!(story_of("t1"), ["s1", "t1"]);
    assert_eq!(story_of("s1"), ["s1", "t1"]);
    let _ = std::fs::remove_dir_all(&root);
}
