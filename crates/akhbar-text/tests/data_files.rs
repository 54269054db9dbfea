//! The word lists under `data/` are kept in folded form, so that what a maintainer reads in a
//! file is exactly the key akhbar matches.

use akhbar_text::hashed::HashedTable;
use akhbar_text::{Lexicon, WILDCARD, data_lines, fold_word, word_hash};

fn assert_folded(name: &str, text: &str) {
    let bad: Vec<String> = data_lines(text)
        .flat_map(|line| {
            line.split(['\t', ' ']).take_while(|w| !w.chars().all(|c| c.is_ascii_digit()))
        })
        .filter(|w| *w != WILDCARD && !w.starts_with('@') && fold_word(w) != *w)
        .map(|w| format!("{w} (folds to {})", fold_word(w)))
        .collect();
    assert!(bad.is_empty(), "{name} has words not in folded form: {}", bad.join(", "));
}

#[test]
fn word_lists_are_folded() {
    assert_folded("stopwords.txt", include_str!("../data/stopwords.txt"));
    assert_folded("stop_phrases.txt", include_str!("../data/stop_phrases.txt"));
    assert_folded("lookalikes.txt", include_str!("../data/lookalikes.txt"));
    assert_folded("names.txt", include_str!("../data/names.txt"));
}

#[test]
fn lexicon_is_a_table_of_word_hashes() {
    // One count per word hash, the document count as the table's own figure; no text.
    let bytes = include_bytes!("../data/lexicon.bin");
    let table = HashedTable::read(bytes).expect("lexicon.bin is a hashed table");
    assert_eq!(table.columns, 1);
    assert!(table.meta > 10_000 && table.len() > 50_000, "{} words", table.len());
    // Most frequent first.
    let counts: Vec<u32> = table.rows().map(|(_, v)| v[0]).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    // The hash is the documented FNV-1a over UTF-8 bytes.
    assert_eq!(word_hash(""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(word_hash("a"), 0xaf63_dc4c_8601_ec8c);
}

#[test]
fn embedded_lexicon_is_loaded() {
    let lex = Lexicon::embedded();
    assert!(lex.documents() > 10_000, "lexicon.bin should be counted over the shared corpora");
    assert!(lex.frequency("قال") > lex.frequency("زير"));
    assert!(lex.is_stop_word("في"));
    assert!(lex.is_lookalike("بغداد"));
    assert!(lex.is_name("ايران"));
    assert!(lex.stop_phrases().count() > 100);
}

#[test]
fn stop_words_are_not_content() {
    // Regression guard: place names and frequent news nouns must never become stop words.
    let lex = Lexicon::embedded();
    for word in ["العراق", "الحكومه", "التحالف", "الرييس", "بغداد", "النفط", "الارهاب", "وزير"]
    {
        assert!(!lex.is_stop_word(word), "{word} must not be a stop word");
    }
}
