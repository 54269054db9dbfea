//! Golden tests: flattened pages written in the styles of Arabic news sites (Levant, Gulf,
//! Maghreb, Egypt), each `NAME.txt` beside `NAME.expected.json`. Regenerate the expected files
//! with `UPDATE_GOLDEN=1 cargo test -p akhbar-extract --test golden`, then review the diff.

use std::path::Path;

fn check_dir(dir: &Path, run: impl Fn(&str) -> serde_json::Value) {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut cases: Vec<_> = std::fs::read_dir(dir)
        .expect("golden directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no golden cases in {}", dir.display());
    let mut failures = Vec::new();
    for case in cases {
        let input = std::fs::read_to_string(&case).expect("read case");
        let got = run(&input);
        let expected_path = case.with_extension("expected.json");
        if update {
            let text = serde_json::to_string_pretty(&got).expect("json") + "\n";
            std::fs::write(&expected_path, text).expect("write golden");
            continue;
        }
        let expected: serde_json::Value = match std::fs::read_to_string(&expected_path) {
            Ok(t) => serde_json::from_str(&t).expect("expected json"),
            Err(_) => {
                failures.push(format!(
                    "{}: no expected file (run with UPDATE_GOLDEN=1)",
                    case.display()
                ));
                continue;
            }
        };
        if got != expected {
            failures.push(format!(
                "{}:\n  expected {}\n  got      {}",
                case.display(),
                serde_json::to_string(&expected).unwrap_or_default(),
                serde_json::to_string(&got).unwrap_or_default()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn flattened_pages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/flat");
    check_dir(&dir, |text| {
        serde_json::to_value(akhbar_extract::flat::parse_flat(text)).expect("json")
    });
}
