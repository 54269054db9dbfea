//! `akhbar ingest` killed with SIGKILL at random points, then restarted, stores every article
//! exactly once, and its index agrees with its store.
//!
//! The articles are generated from sentence parts written for this test (fictional outlets and
//! events). Some records repeat verbatim (stored once) and some come back later with new text at
//! the same URL (a second version), one of them under another id (a re-crawl).

use akhbar_store::{SqliteStore, Store};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PLACES: &[&str] = &["العقبة", "صلالة", "طنجة", "بنزرت", "جدة", "اللاذقية", "مصراتة", "عدن"];
const SUBJECTS: &[&str] = &[
    "وزارة النقل",
    "هيئة الموانئ",
    "بلدية المدينة",
    "شركة الكهرباء الوطنية",
    "مجلس المحافظة",
    "غرفة التجارة",
];
const EVENTS: &[&str] = &[
    "تعلن خطة لتوسعة الرصيف الشمالي",
    "تفتتح محطة جديدة لتحلية المياه",
    "تؤجل مناقصة إنشاء الطريق الساحلي",
    "توقع اتفاقية لتطوير المنطقة الحرة",
    "تطلق حملة لصيانة شبكات الصرف",
];
const OUTLETS: &[&str] = &["صحيفة الساحل", "وكالة المرفأ", "موقع الضفة"];

fn record(n: usize, version: usize) -> String {
    let place = PLACES[n % PLACES.len()];
    let subject = SUBJECTS[(n / PLACES.len()) % SUBJECTS.len()];
    let event = EVENTS[(n / 3) % EVENTS.len()];
    let outlet = OUTLETS[n % OUTLETS.len()];
    let day = 1 + n % 27;
    let title = format!("{subject} في {place} {event}");
    let mut text = format!(
        "{place} - قالت {subject} في بيان صدر صباح اليوم إنها {event} ضمن برنامج يمتد عامين. \
         وأوضح المتحدث باسمها أن الكلفة تقدر بنحو {} مليون دولار وأن الأعمال تبدأ مطلع الشهر المقبل. \
         وأضاف أن السكان سيلمسون النتائج في غضون أشهر قليلة، رقم الملف {n}.",
        10 + n % 90
    );
    if version > 1 {
        text.push_str(" وفي تحديث لاحق، أكدت الجهة أن الموعد لم يتغير رغم اعتراض عدد من النواب.");
    }
    serde_json::json!({
        "id": format!("art-{n:03}"),
        "url": format!("https://news.example/{n}"),
        "outlet": outlet,
        "published": format!("2025-03-{day:02}T09:00:00+03:00"),
        "title": title,
        "text": text,
    })
    .to_string()
}

fn input(dir: &Path, n: usize) -> PathBuf {
    let mut lines: Vec<String> = (0..n).map(|i| record(i, 1)).collect();
    // Verbatim repeats and later versions of some articles.
    lines.extend((0..n).step_by(10).map(|i| record(i, 1)));
    lines.extend((0..n).step_by(15).map(|i| record(i, 2)));
    // The page of article 7, updated and re-crawled under an id of the crawler's own: a new
    // version of article 7, which keeps its id.
    lines.push(record(7, 2).replace("\"art-007\"", "\"crawl-7\""));
    lines.push("{not json".to_string());
    let path = dir.join("input.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").expect("write input");
    path
}

fn ingest(store: &Path, file: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_akhbar"));
    c.args(["ingest", "--batch", "7", "--store"])
        .arg(store)
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// A small deterministic generator (xorshift), seeded per run and printed on failure.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[test]
fn killed_ingest_resumes_and_stores_every_article_once() {
    let n = 60;
    let root = std::env::temp_dir().join(format!("akhbar-durability-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("temp dir");
    let file = input(&root, n);

    // An uninterrupted run gives the time scale for the kills.
    let started = Instant::now();
    let status = ingest(&root.join("reference"), &file).status().expect("run akhbar");
    assert!(status.success(), "uninterrupted ingest failed");
    let full = started.elapsed();

    let seed = std::env::var("AKHBAR_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| u64::from(started.elapsed().subsec_nanos()) | 1);
    eprintln!("kill seed {seed} (AKHBAR_KILL_SEED={seed} repeats this run)");
    let mut rng = Rng(seed);
    let store = root.join("killed");
    let mut kills = 0;
    for attempt in 0..40 {
        let mut child = ingest(&store, &file).spawn().expect("run akhbar");
        // Kill somewhere in the run; later attempts more often get through.
        let ms = full.as_millis() as u64;
        let delay = Duration::from_millis(rng.below(ms.max(10)) + 5 * attempt);
        let deadline = Instant::now() + delay;
        let mut done = None;
        while Instant::now() < deadline {
            if let Some(status) = child.try_wait().expect("wait") {
                done = Some(status);
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        match done {
            Some(status) => {
                assert!(status.success(), "seed {seed}: ingest failed after {kills} kills");
                if kills >= 3 {
                    break;
                }
                // Finished before the kill: the next runs have nothing left to do, so start
                // over in a fresh store to get kills mid-run.
                let _ = std::fs::remove_dir_all(&store);
            }
            None => {
                child.kill().expect("SIGKILL");
                child.wait().expect("reap");
                kills += 1;
            }
        }
    }
    assert!(kills >= 3, "seed {seed}: only {kills} kills landed mid-run");
    // Whatever state the last kill left, one more run completes it.
    assert!(ingest(&store, &file).status().expect("run").success());

    let check = |dir: &Path| -> (Vec<String>, u64) {
        let s = SqliteStore::open(dir).expect("open store");
        let stats = s.stats().expect("stats");
        let ids: Vec<String> =
            s.since(0, usize::MAX).expect("articles").into_iter().map(|a| a.record.id).collect();
        assert_eq!(ids.len() as u64, stats.articles);
        (ids, stats.versions)
    };
    let (ids, versions) = check(&store);
    let distinct: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), ids.len(), "seed {seed}: an article stored twice");
    assert_eq!(ids.len(), n, "seed {seed}: articles lost or added");
    assert_eq!(versions, (n + n.div_ceil(15) + 1) as u64, "seed {seed}: versions");
    let (reference_ids, reference_versions) = check(&root.join("reference"));
    assert_eq!(versions, reference_versions);
    let mut sorted = ids.clone();
    sorted.sort();
    let mut reference_sorted = reference_ids;
    reference_sorted.sort();
    assert_eq!(sorted, reference_sorted);

    // The index holds exactly the stored articles, once each.
    let index = akhbar_index::SearchIndex::open(&store.join("index")).expect("open index");
    let mut indexed = index.ids().expect("index ids");
    indexed.sort();
    assert_eq!(indexed, sorted, "seed {seed}: index and store disagree");

    // Once more: nothing changes.
    let out = ingest(&store, &file).stdout(Stdio::piped()).output().expect("run");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("report JSON");
    assert_eq!(report["report"]["added"], 0, "{report}");
    assert_eq!(report["report"]["updated"], 0, "{report}");
    assert_eq!(report["report"]["errors"], 1, "the one broken line is reported: {report}");
    let _ = std::fs::remove_dir_all(&root);
}
