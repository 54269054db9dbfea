//! Cleaning for display: the text stays as written except for what no reader wants.

use crate::chars::{is_emoji, is_emoji_modifier, is_invisible, is_odd_space};
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Cleans text for display and storage: removes zero-width and bidi controls and the BOM (but
/// keeps the joiner inside emoji sequences), turns odd spaces into plain spaces, collapses runs
/// of spaces, trims line ends, keeps at most one blank line between paragraphs, and applies NFC.
/// Letters, diacritics and punctuation are kept exactly as written. Idempotent.
#[must_use]
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut newlines = 0usize;
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = if c == '\r' {
            if chars.peek() == Some(&'\n') {
                continue;
            }
            '\n'
        } else {
            c
        };
        if c == '\u{200D}' {
            // A joiner stays only between two emoji (`👨‍👩`): a run of joiners keeps none.
            let next_is_emoji = chars.peek().is_some_and(|&n| is_emoji(n));
            let prev_is_emoji = prev.is_some_and(|p| is_emoji(p) || is_emoji_modifier(p));
            if !(next_is_emoji && prev_is_emoji) {
                continue;
            }
        } else if is_invisible(c) {
            continue;
        }
        if c == '\n' || c == '\u{2028}' || c == '\u{2029}' || c == '\u{0085}' {
            pending_space = false;
            newlines += 1;
            continue;
        }
        if c == ' ' || is_odd_space(c) {
            pending_space = true;
            continue;
        }
        if c.is_control() {
            continue;
        }
        if !out.is_empty() {
            if newlines > 0 {
                out.push_str(if newlines > 1 { "\n\n" } else { "\n" });
            } else if pending_space {
                out.push(' ');
            }
        }
        newlines = 0;
        pending_space = false;
        out.push(c);
        prev = Some(c);
    }
    if out.is_ascii() || unicode_normalization::is_nfc_quick(out.chars()) == IsNormalized::Yes {
        return out;
    }
    out.nfc().collect()
}
