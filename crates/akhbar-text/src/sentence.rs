//! Sentence splitting that knows Arabic punctuation, quotation marks, abbreviations and lists.
//!
//! A sentence ends at `. ! ? ؟ … ۔` followed by a space or the end, and at every line break (news
//! paragraphs, list items and headlines are lines). Closing quotes and brackets after the mark
//! stay with the sentence. A full stop does not end a sentence after a one-letter abbreviation
//! (`د.`, `م.`, `أ.د.`), a listed abbreviation (`ص.ب.`, `هـ.`, `Dr.`), inside a number (`3.5`)
//! or address, or after a list number at the start of a line (`1.`). Inside a balanced quotation
//! (`«…»`, `“…”`, `"…"`) shorter than [`MAX_QUOTE`] chars no sentence ends before the quote does.

use crate::chars::is_arabic_letter;
use crate::fold::fold_word;

/// Quotations longer than this many chars are split inside (an unbalanced quote mark must not
/// glue a whole article together).
pub const MAX_QUOTE: usize = 400;

/// A sentence: char and byte offsets into the text, trimmed of surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Offset of the first char (Unicode scalar values).
    pub start: usize,
    /// Offset after the last char.
    pub end: usize,
    /// Byte offset of the first char.
    pub byte_start: usize,
    /// Byte offset after the last char.
    pub byte_end: usize,
}

/// Abbreviations (folded, without their final dot) after which a full stop goes on.
const ABBREVIATIONS: &[&str] = &[
    "ص.ب", "ق.م", "ا.د", "د", "ا", "ص", "ج", "ت", "س", "ش", "ك", "dr", "mr", "mrs", "ms", "prof",
    "st", "no", "vs", "etc", "inc", "ltd", "co", "jr", "sr", "u.s", "u.k", "u.n", "e.g", "i.e",
];

fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '؟' | '…' | '۔' | '\u{203C}' | '\u{2047}' | '\u{2048}' | '\u{2049}'
    )
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '»' | '”' | '’' | '\'' | ')' | ']' | '}' | '›')
}

/// Splits text into sentences.
#[must_use]
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let quoted = quoted_spans(&chars);
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    let mut in_quote = quoted.iter().peekable();
    while i < chars.len() {
        let c = chars[i].1;
        let (inside_quote, closes_quote) = loop {
            match in_quote.peek() {
                Some(&&(_, e)) if e < i => {
                    in_quote.next();
                }
                Some(&&(s, e)) => break (s < i && i < e, i == e),
                None => break (false, false),
            }
        };
        // `قال: "سنرد بقوة." ثم غادر`: the sentence ends after the closing quote.
        let quote_ends_sentence = closes_quote
            && i > 0
            && is_terminator(chars[i - 1].1)
            && chars.get(i + 1).is_none_or(|&(_, n)| n.is_whitespace());
        if c == '\n' {
            push(&mut out, &chars, text, start, i);
            start = i + 1;
        } else if quote_ends_sentence
            || (is_terminator(c) && !inside_quote && ends_sentence(&chars, i, start))
        {
            let mut j = i + 1;
            while j < chars.len() && (is_terminator(chars[j].1) || is_closer(chars[j].1)) {
                j += 1;
            }
            push(&mut out, &chars, text, start, j);
            start = j;
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut out, &chars, text, start, chars.len());
    out
}

fn push(out: &mut Vec<Sentence>, chars: &[(usize, char)], text: &str, mut s: usize, mut e: usize) {
    while s < e && chars[s].1.is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].1.is_whitespace() {
        e -= 1;
    }
    // A sentence of nothing but punctuation (a stray quote mark) is no sentence.
    if s < e && chars[s..e].iter().any(|&(_, c)| c.is_alphanumeric()) {
        let byte_end = chars.get(e).map_or(text.len(), |&(b, _)| b);
        out.push(Sentence { start: s, end: e, byte_start: chars[s].0, byte_end });
    }
}

/// Whether the terminator at `i` ends a sentence that started at `start`.
fn ends_sentence(chars: &[(usize, char)], i: usize, start: usize) -> bool {
    let next = chars.get(i + 1).map(|&(_, c)| c);
    // Mid-token: 3.5, t.co, e.g. `مرحبا.العالم` is left alone.
    if let Some(n) = next
        && !n.is_whitespace()
        && !is_closer(n)
        && !is_terminator(n)
    {
        return false;
    }
    if chars[i].1 != '.' {
        return true;
    }
    // The word before the dot, including inner dots (`ص.ب`, `أ.د`, `U.S`).
    let mut w = i;
    while w > start
        && !chars[w - 1].1.is_whitespace()
        && !matches!(chars[w - 1].1, '(' | '«' | '"' | '“')
    {
        w -= 1;
    }
    let word: String = chars[w..i].iter().map(|&(_, c)| c).collect();
    if word.is_empty() {
        return true;
    }
    // A list number at the start of a line: `1.` `١.`
    if w == start
        && word.chars().all(|c| crate::chars::digit_value(c).is_some())
        && word.chars().count() <= 2
    {
        return false;
    }
    let key = fold_word(&word).trim_end_matches('.').to_string();
    if ABBREVIATIONS.contains(&key.as_str()) {
        return false;
    }
    // An era or unit after a number (`1445 هـ.`, `2024 م.`) ends its sentence.
    let mut p = w;
    while p > start && chars[p - 1].1.is_whitespace() {
        p -= 1;
    }
    if p < w && p > start && crate::chars::digit_value(chars[p - 1].1).is_some() {
        return true;
    }
    // One Arabic letter (an initial: `د.`, `م.`) or a Latin capital initial (`J.`).
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    if let (Some(only), None) = (letters.next(), letters.next())
        && (is_arabic_letter(only) || only.is_uppercase())
    {
        return false;
    }
    true
}

/// Balanced quotation spans (char offsets of the opening and closing marks), at most
/// [`MAX_QUOTE`] long, within one line.
fn quoted_spans(chars: &[(usize, char)]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, &(_, c)) in chars.iter().enumerate() {
        if c == '\n' {
            open = None;
            continue;
        }
        match (open, c) {
            (None, '«' | '“') => open = Some((i, c)),
            (None, '"') => {
                // A straight quote opens only at a word start.
                let prev = i.checked_sub(1).map(|p| chars[p].1);
                if prev.is_none_or(|p| p.is_whitespace() || matches!(p, ':' | '(' | '،')) {
                    open = Some((i, c));
                }
            }
            (Some((s, o)), _)
                if (o == '«' && c == '»') || (o == '“' && c == '”') || (o == '"' && c == '"') =>
            {
                if i - s <= MAX_QUOTE {
                    spans.push((s, i));
                }
                open = None;
            }
            _ => {}
        }
    }
    spans
}
