//! `akhbar text`: what a user runs when a search or a tag surprises them.

use akhbar_text::{Analyzed, Analyzer, TokenKind, split_sentences};
use anyhow::Result;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

#[derive(Serialize)]
struct TokenOut<'a> {
    text: &'a str,
    kind: &'static str,
    key: &'a str,
    base: &'a str,
    stem: &'a str,
    segments: Vec<SegmentOut<'a>>,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    flags: Vec<&'static str>,
}

#[derive(Serialize)]
struct SegmentOut<'a> {
    text: &'a str,
    role: &'static str,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct Output<'a> {
    sentences: Vec<SentenceOut<'a>>,
    tokens: Vec<TokenOut<'a>>,
}

/// Flags of one analyzed token, in a fixed order.
pub(crate) fn flags(a: &Analyzed<'_>) -> Vec<&'static str> {
    let mut f = Vec::new();
    match a.token.kind {
        TokenKind::Word | TokenKind::Latin => {}
        kind => f.push(kind.name()),
    }
    if a.stop {
        f.push("stop");
    }
    if a.stop_phrase.is_some() {
        f.push("stop_phrase");
    }
    if a.token.in_hashtag {
        f.push("in_hashtag");
    }
    if a.segments.len() > 1 {
        f.push("clitic");
    }
    f
}

pub(crate) fn run(file: Option<&Path>, json: bool) -> Result<()> {
    let text = crate::read_input(file)?;
    let analyzer = Analyzer::embedded();
    let tokens = analyzer.analyze(&text);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        let output = Output {
            sentences: split_sentences(&text)
                .iter()
                .map(|s| SentenceOut {
                    text: &text[s.byte_start..s.byte_end],
                    start: s.start,
                    end: s.end,
                })
                .collect(),
            tokens: tokens
                .iter()
                .map(|a| TokenOut {
                    text: a.token.text,
                    kind: a.token.kind.name(),
                    key: &a.token.key,
                    base: &a.base,
                    stem: &a.stem,
                    segments: a
                        .segments
                        .iter()
                        .map(|s| SegmentOut { text: s.text, role: s.role.name() })
                        .collect(),
                    start: a.token.start,
                    end: a.token.end,
                    byte_start: a.token.byte_start,
                    byte_end: a.token.byte_end,
                    flags: flags(a),
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut out, &output)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{:>5} {:>5}  {:<18} {:<16} {:<24} {:<14} flags",
        "start", "end", "token", "key", "segments", "stem"
    )?;
    for a in &tokens {
        let segs: Vec<String> = a.segments.iter().map(|s| s.text.to_string()).collect();
        writeln!(
            out,
            "{:>5} {:>5}  {:<18} {:<16} {:<24} {:<14} {}",
            a.token.start,
            a.token.end,
            a.token.text,
            a.token.key,
            segs.join("+"),
            a.stem,
            flags(a).join(",")
        )?;
    }
    Ok(())
}
