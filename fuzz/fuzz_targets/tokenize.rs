//! Fuzzes the whole text analysis: it must never panic, offsets must slice the input back to
//! each token, segments must concatenate back, and folding must be idempotent.
//! Run: `cargo fuzz run tokenize` (nightly), or build-check on stable: `cargo check --manifest-path fuzz/Cargo.toml`.
#![no_main]

use akhbar_text::{Analyzer, clean, fold, split_sentences};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let analyzed = Analyzer::embedded().analyze(&text);
    for a in &analyzed {
        assert_eq!(&text[a.token.byte_start..a.token.byte_end], a.token.text);
        let joined: String = a.segments.iter().map(|s| s.text).collect();
        assert_eq!(joined, a.token.text);
    }
    let once = fold(&text);
    assert_eq!(fold(&once), once);
    let cleaned = clean(&text);
    assert_eq!(clean(&cleaned), cleaned);
    for s in split_sentences(&text) {
        assert!(s.byte_start <= s.byte_end && s.byte_end <= text.len());
    }
});
