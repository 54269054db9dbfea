//! Golden tests: flattened pages written in the styles of Arabic news sites (Levant, Gulf,
//! Maghreb, Egypt), each `NAME.txt` beside `NAME.expected.json`. Regenerate the expected files
//! with `UPDATE_GOLDEN=1 cargo test -p akhbar-extract --test golden`, then review the diff.

use std::path::Path;

fn check_dir(dir: &Path, ext: &str, run: impl Fn(&[u8]) -> serde_json::Value) {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut cases: Vec<_> = std::fs::read_dir(dir)
        .expect("golden directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no golden cases in {}", dir.display());
    let mut failures = Vec::new();
    for case in cases {
        let input = std::fs::read(&case).expect("read case");
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
    check_dir(&dir, "txt", |bytes| {
        let text = std::str::from_utf8(bytes).expect("flat cases are UTF-8");
        serde_json::to_value(akhbar_extract::flat::parse_flat(text)).expect("json")
    });
}

/// HTML pages in four regional styles, two of them in legacy encodings (windows-1256 declared by
/// `<meta http-equiv>`, ISO-8859-6).
#[test]
fn html_pages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/html");
    check_dir(&dir, "html", |bytes| {
        let page =
            akhbar_extract::html::parse_html(bytes, &akhbar_extract::html::HtmlInput::default());
        serde_json::to_value(page).expect("json")
    });
}

#[test]
fn legacy_encodings_decode() {
    let bytes = [199, 225, 218, 209, 199, 222];
    let (text, enc) = akhbar_extract::html::decode(&bytes, Some("text/html; charset=windows-1256"));
    assert_eq!((text.as_str(), enc.name()), ("العراق", "windows-1256"));
    let iso = [199, 228, 217, 209, 199, 226];
    let (text, enc) = akhbar_extract::html::decode(&iso, Some("text/html; charset=ISO-8859-6"));
    assert_eq!((text.as_str(), enc.name()), ("العراق", "ISO-8859-6"));
    // Bytes that decode to nothing sensible never abort the page.
    let mut page = b"<html><body><p>".to_vec();
    page.extend([0xFF, 0xFE, 0x80, 0x00]);
    page.extend(b"</p></body></html>");
    let _ = akhbar_extract::html::parse_html(&page, &akhbar_extract::html::HtmlInput::default());
}
