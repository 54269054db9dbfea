//! akhbar's Arabic text analysis: the one analysis every later stage (extraction heuristics,
//! dates, entities, tags, duplicates, similarity, search) stands on, so that a word is the same
//! word everywhere.
//!
//! - [`clean`]: display text as written, minus invisible controls and odd spacing, in NFC;
//! - [`fold`] / [`fold_word`]: match keys (alef, yeh, teh marbuta, Persian letters, digits,
//!   diacritics, tatweel), never used for display;
//! - [`tokenize`]: [`Token`]s with char and byte offsets into the original text;
//! - [`segment`]: clitic segmentation into [`Segment`]s that concatenate back to the token;
//! - [`ArabicLightStemmer`]: Light10-family stems for search keys, protecting proper names;
//! - [`Lexicon`]: the word lists (background frequencies, look-alikes, names, stop words and
//!   stop phrases) as folded data files;
//! - [`split_sentences`]: sentences that know Arabic punctuation, quotes, abbreviations, lists;
//! - [`Analyzer`]: all of the above per token, as [`Analyzed`] tokens.
//!
//! ```
//! let tokens = akhbar_text::Analyzer::embedded().analyze("وللتحالف الدوليّ دورٌ");
//! assert_eq!(tokens[0].stem, "تحالف");
//! assert_eq!(tokens[1].token.key, "الدولي");
//! ```

pub mod chars;
mod clean;
mod fold;
pub mod hashed;
mod lexicon;
mod segment;
mod sentence;
mod stem;
mod token;

pub use chars::{digit_value, is_arabic_letter, is_arabic_mark, is_invisible};
pub use clean::clean;
pub use fold::{fold, fold_char_into, fold_word, folds_to_itself};
pub use lexicon::{Lexicon, WILDCARD, WordInfo, data_lines, word_hash};
pub use segment::{Segment, SegmentRole, Segments, segment};
pub use sentence::{MAX_QUOTE, Sentence, split_sentences};
pub use stem::ArabicLightStemmer;
pub use token::{Token, TokenKind, tokenize};

use std::borrow::Cow;

/// A token with everything akhbar knows about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analyzed<'a> {
    /// The token, with its offsets and key.
    pub token: Token<'a>,
    /// Its clitic segments (one stem segment for anything but an Arabic word).
    pub segments: Segments<'a>,
    /// The folded word without its conjunction and preposition, article kept (restored after
    /// `لل`): `وللتحالف` → `التحالف`. What tags and entity names are built from.
    pub base: Cow<'a, str>,
    /// The light stem, for search keys: `وللتحالفات` → `تحالف`.
    pub stem: Cow<'a, str>,
    /// Whether the word (or its base) is a stop word.
    pub stop: bool,
    /// Whether the token starts a stop phrase, and how many word tokens it covers.
    pub stop_phrase: Option<usize>,
    /// Whether the token is any word of a stop phrase (`كامل` in `بشكل كامل`).
    pub in_stop_phrase: bool,
}

/// The analysis pipeline over one lexicon: tokenize, segment, stem, flag stop words and phrases.
#[derive(Debug, Clone, Copy)]
pub struct Analyzer<'l> {
    lexicon: &'l Lexicon,
}

impl Analyzer<'static> {
    /// The analyzer over akhbar's embedded lexicon.
    #[must_use]
    pub fn embedded() -> Self {
        Self { lexicon: Lexicon::embedded() }
    }
}

impl<'l> Analyzer<'l> {
    /// An analyzer over a lexicon of one's own.
    #[must_use]
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Self { lexicon }
    }

    /// The lexicon this analyzer consults.
    #[must_use]
    pub fn lexicon(&self) -> &'l Lexicon {
        self.lexicon
    }

    /// Analyzes one word token: segments, base, stem, stop flag.
    #[must_use]
    pub fn analyze_token<'a>(&self, token: Token<'a>) -> Analyzed<'a> {
        if token.kind != TokenKind::Word {
            let stop = token.kind == TokenKind::Latin && self.lexicon.is_stop_word(&token.key);
            return Analyzed {
                segments: smallvec::smallvec![Segment {
                    text: token.text,
                    role: SegmentRole::Stem
                }],
                base: token.key.clone(),
                stem: token.key.clone(),
                stop,
                stop_phrase: None,
                in_stop_phrase: false,
                token,
            };
        }
        let stemmer = ArabicLightStemmer::new(self.lexicon);
        let segments = segment(token.text, self.lexicon);
        let (base, stem) = if segments.len() == 1 && segments[0].role == SegmentRole::Stem {
            let stem = match &token.key {
                Cow::Borrowed(k) => stemmer.stem(k),
                Cow::Owned(k) => Cow::Owned(stemmer.stem(k).into_owned()),
            };
            (token.key.clone(), stem)
        } else {
            let (base, stem_key) = base_and_stem_key(&segments);
            let stem = Cow::Owned(stemmer.stem(&stem_key).into_owned());
            (Cow::Owned(base), stem)
        };
        let stop = self.lexicon.is_stop_word(&token.key)
            || (base != token.key && self.lexicon.is_stop_word(&base));
        Analyzed { token, segments, base, stem, stop, stop_phrase: None, in_stop_phrase: false }
    }

    /// Tokenizes and analyzes a text, then marks stop phrases (over consecutive word tokens;
    /// a phrase's first word may carry a conjunction: `وبشكل كامل`).
    #[must_use]
    pub fn analyze<'a>(&self, text: &'a str) -> Vec<Analyzed<'a>> {
        let mut out: Vec<Analyzed<'a>> =
            tokenize(text).into_iter().map(|t| self.analyze_token(t)).collect();
        self.mark_stop_phrases(&mut out);
        out
    }

    fn mark_stop_phrases(&self, tokens: &mut [Analyzed<'_>]) {
        let words: Vec<usize> = (0..tokens.len())
            .filter(|&i| {
                matches!(
                    tokens[i].token.kind,
                    TokenKind::Word | TokenKind::Latin | TokenKind::Number
                ) && !tokens[i].token.in_hashtag
            })
            .collect();
        let mut w = 0;
        while w < words.len() {
            let i = words[w];
            // The first word as written, or without its conjunction (`وبشكل كامل`).
            let first: &str = &tokens[i].token.key;
            let without_conj = match tokens[i].segments.first() {
                Some(s) if s.role == SegmentRole::Conjunction && tokens[i].segments.len() > 1 => {
                    first.get(fold_word(s.text).len()..)
                }
                _ => None,
            };
            let found = [Some(first), without_conj].into_iter().flatten().find_map(|head| {
                if !self.lexicon.starts_stop_phrase(head) {
                    return None;
                }
                // Consecutive word tokens only: punctuation between words breaks a phrase.
                let mut keys: Vec<&str> = vec![head];
                let mut k = w + 1;
                while keys.len() < 6 && k < words.len() && words[k] == words[k - 1] + 1 {
                    keys.push(&tokens[words[k]].token.key);
                    k += 1;
                }
                self.lexicon.stop_phrase_at(&keys)
            });
            if let Some(len) = found {
                tokens[i].stop_phrase = Some(len);
                for &k in &words[w..(w + len).min(words.len())] {
                    tokens[k].in_stop_phrase = true;
                }
                w += len;
            } else {
                w += 1;
            }
        }
    }
}

/// The base (article kept) and the stem key (no clitics) of a segmented word.
fn base_and_stem_key(segments: &[Segment<'_>]) -> (String, String) {
    let mut base = String::new();
    let mut stem = String::new();
    for s in segments {
        match s.role {
            SegmentRole::Conjunction | SegmentRole::Preposition => {}
            SegmentRole::Article => base.push_str("ال"),
            SegmentRole::Stem => {
                let k = fold_word(s.text);
                base.push_str(&k);
                stem.push_str(&k);
            }
        }
    }
    if stem.is_empty() {
        // A lone clitic (`بـ`): its key is all there is.
        let key: String = segments.iter().map(|s| fold_word(s.text)).collect();
        return (key.clone(), key);
    }
    (base, stem)
}
