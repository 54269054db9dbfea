//! `akhbar demo`: akhbar's main job on its bundled material, with a report on the terminal.
//!
//! The bundled material is written for akhbar (fictional outlets, realistic news prose). Until
//! the store and the demo news web land, the demo runs the text analysis every later stage
//! stands on, and shows what it finds.

use akhbar_text::{Analyzer, SegmentRole, TokenKind, split_sentences};
use anyhow::Result;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The bundled sample: three short articles from three fictional outlets.
pub(crate) const SAMPLE: &str = include_str!("../demo/sample.txt");

pub(crate) fn run() -> Result<()> {
    print!("{}", report(SAMPLE));
    Ok(())
}

/// The demo report for a text.
pub(crate) fn report(text: &str) -> String {
    let analyzer = Analyzer::embedded();
    let tokens = analyzer.analyze(text);
    let sentences = split_sentences(text);
    let words =
        tokens.iter().filter(|a| a.token.kind == TokenKind::Word && !a.token.in_hashtag).count();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "akhbar demo: Arabic analysis of the bundled sample (3 articles, 3 fictional outlets)\n"
    );
    let _ = writeln!(
        out,
        "  {} sentences, {} tokens, {} Arabic words\n",
        sentences.len(),
        tokens.len(),
        words
    );

    let split: Vec<_> = tokens.iter().filter(|a| a.segments.len() > 1).collect();
    let mut shown: BTreeSet<(std::cmp::Reverse<usize>, String)> = BTreeSet::new();
    for a in &split {
        let segs: Vec<&str> = a.segments.iter().map(|s| s.text).collect();
        shown.insert((
            std::cmp::Reverse(segs.len()),
            format!("{} → {}", a.token.text, segs.join(" + ")),
        ));
    }
    let _ = writeln!(out, "Clitics split off ({} words), for example:", split.len());
    for (_, s) in shown.iter().take(12) {
        let _ = writeln!(out, "  {s}");
    }

    let mut variants: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for a in tokens.iter().filter(|a| a.token.kind == TokenKind::Word) {
        let base = a
            .segments
            .iter()
            .find(|s| s.role == SegmentRole::Stem)
            .map_or(a.token.text, |s| s.text);
        variants.entry(a.stem.as_ref()).or_default().insert(base);
    }
    let _ = writeln!(out, "\nSpellings and forms that meet on one search key (stem ← forms):");
    for (stem, forms) in variants.iter().filter(|(_, f)| f.len() > 1).take(12) {
        let _ =
            writeln!(out, "  {stem} ← {}", forms.iter().copied().collect::<Vec<_>>().join("، "));
    }

    let _ = writeln!(out, "\nStop phrases (never tags, never evidence of similarity):");
    for (i, a) in tokens.iter().enumerate() {
        if let Some(n) = a.stop_phrase {
            let phrase: Vec<&str> = tokens[i..]
                .iter()
                .filter(|t| {
                    matches!(t.token.kind, TokenKind::Word | TokenKind::Latin | TokenKind::Number)
                        && !t.token.in_hashtag
                })
                .take(n)
                .map(|t| t.token.text)
                .collect();
            let _ = writeln!(out, "  {}", phrase.join(" "));
        }
    }

    let _ = writeln!(out, "\nLinks, handles, hashtags, emoji:");
    for a in tokens.iter().filter(|a| {
        matches!(
            a.token.kind,
            TokenKind::Url
                | TokenKind::Mention
                | TokenKind::Hashtag
                | TokenKind::Emoji
                | TokenKind::Email
        )
    }) {
        let _ = writeln!(out, "  {:<8} {}", a.token.kind.name(), a.token.text);
    }

    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in tokens.iter().filter(|a| {
        a.token.kind == TokenKind::Word
            && !a.stop
            && a.stop_phrase.is_none()
            && a.stem.chars().count() > 2
    }) {
        *counts.entry(a.stem.as_ref()).or_default() += 1;
    }
    let mut top: Vec<(&str, usize)> = counts.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let _ = writeln!(out, "\nMost frequent content stems:");
    let line: Vec<String> = top.iter().take(15).map(|(s, n)| format!("{s} ({n})")).collect();
    let _ = writeln!(out, "  {}", line.join("، "));

    let _ = writeln!(out, "\nSee any text the way akhbar does:");
    let _ = writeln!(out, "  echo 'وللتحالف الدولي دور' | akhbar text            (a table)");
    let _ = writeln!(
        out,
        "  akhbar text --json FILE                           (JSON: sentences, tokens, segments, stems, flags)"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_report_shows_the_analysis() {
        let r = report(SAMPLE);
        assert!(r.contains("و + ال + تحالف"), "clitic split of والتحالف missing:\n{r}");
        assert!(r.contains("بشكل ثنائي"), "stop phrase missing:\n{r}");
        assert!(r.contains("@shorouk_jadid"), "handle missing:\n{r}");
        assert!(r.contains("#أسعار_الوقود"), "hashtag missing:\n{r}");
    }
}
