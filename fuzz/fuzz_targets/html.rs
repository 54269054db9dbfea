//! Fuzzes page extraction: HTML bytes in any (or no) encoding, and the same bytes read as a
//! flattened text page. Neither may panic. Run: `cargo fuzz run html` (nightly); CI checks that
//! it compiles.
#![no_main]

use akhbar_extract::{flat::parse_flat, html::{HtmlInput, parse_html}};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = parse_html(data, &HtmlInput::default());
    let _ = page.body.len();
    let _ = parse_flat(&String::from_utf8_lossy(data));
});
