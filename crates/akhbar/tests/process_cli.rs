//! `akhbar process` as a user runs it on a batch: one output line per record, in publication
//! order whatever the input order, a copy pointed at its earliest original, a bad record
//! reported on its own line without stopping the batch, and no spooled file left behind. The
//! articles are written for this test (a fictional port town and its council).

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn fresh_dir(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("temp dir");
    root
}

#[test]
fn a_batch_comes_out_whole_in_order_with_copies_linked() {
    let dir = fresh_dir("akhbar-process-cli");
    let spool_dir = dir.join("tmp");
    std::fs::create_dir_all(&spool_dir).expect("spool dir");
    let flood = "غمرت مياه الأمطار الغزيرة أحياء واسعة من مدينة الساحل الشرقي صباح الثلاثاء، وأعلن مجلس المدينة تعليق الدراسة في المدارس الحكومية يومين، فيما دفعت فرق الدفاع المدني بعشرات الآليات لسحب المياه من الشوارع الرئيسية وفتح الطرق المؤدية إلى الميناء. وقال رئيس المجلس إن الأضرار اقتصرت على الممتلكات ولم تسجل أي إصابات بين السكان.";
    let market = "افتتح مجلس مدينة الساحل الشرقي سوقاً جديدة للخضار والفواكه قرب الميناء القديم، تضم مئة وعشرين محلاً خصصت نسبة منها لصغار المزارعين من القرى المجاورة، وقال مدير السوق إن الأسعار ستخضع لرقابة يومية.";
    let records = [
        serde_json::json!({"id": "late-copy", "url": "https://b.example/1", "title": "أمطار غزيرة تغمر أحياء الساحل الشرقي", "text": flood, "published": "2026-03-11T06:00:00+00:00", "outlet": "ب"}),
        serde_json::json!({"id": "market", "url": "https://a.example/2", "title": "سوق جديدة قرب الميناء القديم", "text": market, "published": "2026-03-09T08:00:00+00:00", "outlet": "أ"}),
        serde_json::json!({"id": "first", "url": "https://a.example/1", "title": "أمطار غزيرة تغمر أحياء الساحل الشرقي", "text": flood, "published": "2026-03-10T07:00:00+00:00", "outlet": "أ"}),
    ];
    let mut input = String::new();
    for (i, r) in records.iter().enumerate() {
        input.push_str(&r.to_string());
        input.push('\n');
        if i == 0 {
            input.push_str("{\"id\": \"broken\", \"title\": \n");
        }
    }
    let input_path = dir.join("batch.jsonl");
    std::fs::write(&input_path, input).expect("write the batch");
    let out = Command::new(env!("CARGO_BIN_EXE_akhbar"))
        .args(["process", "--input", input_path.to_str().expect("utf-8 path")])
        .env("TMPDIR", &spool_dir)
        .output()
        .expect("run akhbar");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    let errors: Vec<&Value> = lines.iter().filter(|l| l.get("error").is_some()).collect();
    assert_eq!(errors.len(), 1, "{lines:?}");
    assert!(errors[0]["error"].as_str().is_some_and(|e| e.contains("line 2")), "{errors:?}");
    let ids: Vec<&str> = lines.iter().filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(ids, ["market", "first", "late-copy"]);
    let by_id = |id: &str| lines.iter().find(|l| l["id"] == id).expect("every article written");
    assert_eq!(by_id("late-copy")["duplicate_of"], "first");
    assert!(by_id("first")["duplicate_of"].is_null());
    assert_eq!(by_id("late-copy")["story"], by_id("first")["story"]);
    assert_ne!(by_id("market")["story"], by_id("first")["story"]);
    let left: Vec<_> = std::fs::read_dir(&spool_dir).expect("spool dir").collect();
    assert!(left.is_empty(), "spooled files left behind: {left:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
