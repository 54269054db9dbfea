//! Properties of the analysis over arbitrary text: folding is idempotent, offsets slice the
//! original back to each token, segments concatenate back, and nothing panics on arbitrary
//! Unicode, combining marks or mixed scripts.

use akhbar_text::{Analyzer, clean, fold, fold_word, segment, split_sentences, tokenize};
use proptest::prelude::*;

/// Text that looks like what news pages throw at us: Arabic letters and marks, Persian letters,
/// digits of three scripts, Latin, punctuation, emoji, controls, odd spaces, and any char.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "ال", "و", "ب", "ل", "ك", "ف", "لل", "بال", "وال", "حكومة", "بغداد", "لبنان", "كامل", "وزير",
            "إلى", "أحمد", "آلاف", "ٱلله", "ی", "ک", "ہ", "ۃ", "ة", "ى", "ـ", "ً", "ّ", "ْ", "ٰ", "ٔ", "٠١٢",
            "۱۲۳", "٫", "٬", "،", "؛", "؟", "٪", "«", "»", "\"", ".", "...", "!", "#", "_", "@", "https://",
            "www.", "t.co/Ab", "pic.twitter.com/", "@x", "#وسم_عربي", "a.b", "3.5", "2,500", "🇮🇶", "👨‍👩‍👧",
            "🎉", "\u{200B}", "\u{200C}", "\u{200D}", "\u{200F}", "\u{202B}", "\u{2067}", "\u{FEFF}", "\u{00A0}",
            " ", " ", " ", "\n", "\n\n", "\r\n", "\t", "ﻻ", "ﺑ", "ﷲ", "ﷺ", "Ａ", "İ", "é", "e\u{301}", "COVID-19",
            "al-Qaeda", "د.", "ص.ب.", "هـ.", "1.", "a@b.co",
        ]).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn folding_is_idempotent(text in newsy_text()) {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once);
        for word in text.split_whitespace() {
            let k = fold_word(word);
            prop_assert_eq!(fold_word(&k), k);
        }
    }

    #[test]
    fn cleaning_is_idempotent(text in newsy_text()) {
        let once = clean(&text);
        prop_assert_eq!(clean(&once), once);
    }

    #[test]
    fn offsets_slice_the_original(text in newsy_text()) {
        let chars: Vec<char> = text.chars().collect();
        for t in tokenize(&text) {
            prop_assert_eq!(&text[t.byte_start..t.byte_end], t.text);
            let by_chars: String = chars[t.start..t.end].iter().collect();
            prop_assert_eq!(by_chars, t.text);
            prop_assert!(!t.text.is_empty());
        }
        for s in split_sentences(&text) {
            let by_chars: String = chars[s.start..s.end].iter().collect();
            prop_assert_eq!(by_chars.as_str(), &text[s.byte_start..s.byte_end]);
        }
    }

    #[test]
    fn tokens_are_ordered_and_disjoint(text in newsy_text()) {
        let mut last_end = 0;
        for t in tokenize(&text).into_iter().filter(|t| !t.in_hashtag) {
            prop_assert!(t.start >= last_end);
            last_end = t.end;
        }
    }

    #[test]
    fn segments_concatenate_back(text in newsy_text()) {
        let lex = Analyzer::embedded().lexicon();
        for t in tokenize(&text) {
            let segs = segment(t.text, lex);
            let joined: String = segs.iter().map(|s| s.text).collect();
            prop_assert_eq!(joined, t.text);
        }
    }

    #[test]
    fn analysis_never_panics(text in newsy_text()) {
        let analyzed = Analyzer::embedded().analyze(&text);
        for a in &analyzed {
            let joined: String = a.segments.iter().map(|s| s.text).collect();
            prop_assert_eq!(joined, a.token.text);
        }
        let _ = split_sentences(&text);
    }

    #[test]
    fn any_unicode_is_handled(text in "\\PC*") {
        let _ = Analyzer::embedded().analyze(&text);
        let _ = clean(&text);
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once);
        let _ = split_sentences(&text);
    }
}
