//! The word lists akhbar's analysis consults, kept as data files in folded form under `data/`:
//!
//! - `lexicon.bin`: how many documents of the shared news corpora each folded word occurs in,
//!   the word named by its [`word_hash`] (a [`crate::hashed`] table, rebuilt with `akhbar lexicon`); it tells the clitic segmenter whether `زير` in `وزير` is a
//!   word of its own (it is not);
//! - `lookalikes.txt`: words that only look prefixed (`بغداد`, `لبنان`, `كامل`);
//! - `names.txt`: proper names the stemmer leaves whole (`ايران`, not `اير`);
//! - `stopwords.txt` and `stop_phrases.txt`: function words and topic-free phrases.

use crate::fold::{fold, fold_word};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// Word lists and frequencies used by segmentation, stemming and stop filtering.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    /// Everything known about a folded word, in one map so that one lookup answers all. Keyed
    /// by the word's [`word_hash`] rather than the word itself: entries are 16 bytes with no
    /// pointer to chase, which keeps this hot map cache-friendly (a collision between two of
    /// ~10^5 words has odds of about 10^-9), and the data file holds no text.
    words: HashMap<u64, WordInfo>,
    /// The stop words, for listing.
    stop_list: Vec<Box<str>>,
    /// Stop phrases by their first key; each phrase as its keys.
    stop_phrases: HashMap<String, Vec<Vec<String>>>,
    /// The number of documents `freq` was counted over.
    documents: u32,
}

/// What the lexicon knows about one folded word.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WordInfo {
    /// In how many documents of the background corpus the word occurs.
    pub frequency: u32,
    /// It only looks as if it carried a proclitic.
    pub lookalike: bool,
    /// A protected proper name.
    pub name: bool,
    /// A stop word.
    pub stop: bool,
}

const LEXICON_BIN: &[u8] = include_bytes!("../data/lexicon.bin");
const LOOKALIKES: &str = include_str!("../data/lookalikes.txt");
const NAMES: &str = include_str!("../data/names.txt");
const STOPWORDS: &str = include_str!("../data/stopwords.txt");
const STOP_PHRASES: &str = include_str!("../data/stop_phrases.txt");

/// How akhbar's data files name a word: the 64-bit FNV-1a hash of its UTF-8 bytes, written in
/// hex (the files hold counts, never text). A fixed, documented function, so the files stay
/// readable whatever hasher a dependency ships.
#[must_use]
pub fn word_hash(word: &str) -> u64 {
    word.bytes()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// In a stop phrase, a word that matches any one word (`بشكل *`).
pub const WILDCARD: &str = "*";

fn phrase_matches<S: AsRef<str>>(phrase: &[String], keys: &[S]) -> bool {
    phrase.iter().zip(keys).all(|(p, k)| p == WILDCARD || p == k.as_ref())
}

/// Lines of a word-list file: trimmed, without blank lines and `#` comments.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// The lexicon built into akhbar (parsed once, on first use).
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            Lexicon::from_data(LEXICON_BIN, LOOKALIKES, NAMES, STOPWORDS, STOP_PHRASES)
        })
    }

    /// Builds a lexicon from its data files: the frequency table (a [`crate::hashed`] table of
    /// one count per word hash, the document count as its `meta`; none when the bytes are no
    /// such table) and the word lists. List lines that do not parse are skipped; words are
    /// folded on the way in, so hand-edited files cannot break matching.
    #[must_use]
    pub fn from_data(
        lexicon_bin: &[u8],
        lookalikes: &str,
        names: &str,
        stopwords: &str,
        stop_phrases: &str,
    ) -> Lexicon {
        let mut lex = Lexicon::default();
        if let Some(table) =
            crate::hashed::HashedTable::read(lexicon_bin).filter(|t| t.columns == 1)
        {
            lex.documents = table.meta;
            for (hash, count) in table.rows() {
                lex.words.entry(hash).or_default().frequency = count[0];
            }
        }
        for w in data_lines(lookalikes) {
            lex.words.entry(word_hash(&fold(w))).or_default().lookalike = true;
        }
        for w in data_lines(names) {
            lex.words.entry(word_hash(&fold(w))).or_default().name = true;
        }
        for w in data_lines(stopwords) {
            let w = fold(w);
            lex.words.entry(word_hash(&w)).or_default().stop = true;
            lex.stop_list.push(w.into());
        }
        for phrase in data_lines(stop_phrases) {
            let keys: Vec<String> = phrase
                .split_whitespace()
                .map(|w| if w == WILDCARD { w.to_string() } else { fold_word(w) })
                .filter(|w| !w.is_empty())
                .collect();
            if keys.len() >= 2 && keys[0] != WILDCARD {
                lex.stop_phrases.entry(keys[0].clone()).or_default().push(keys);
            }
        }
        for list in lex.stop_phrases.values_mut() {
            // Longest first, so the longest stop phrase at a position wins.
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        lex
    }

    /// In how many documents of the background corpus the folded word occurs (0 if unknown).
    #[must_use]
    pub fn frequency(&self, key: &str) -> u32 {
        self.info(key).frequency
    }

    /// Everything the lexicon knows about a folded word (all false and 0 if nothing).
    #[must_use]
    pub fn info(&self, key: &str) -> WordInfo {
        self.words.get(&word_hash(key)).copied().unwrap_or_default()
    }

    /// The number of documents the frequencies were counted over.
    #[must_use]
    pub fn documents(&self) -> u32 {
        self.documents
    }

    /// Whether the folded word only looks as if it carried a proclitic (`بغداد`, `كامل`).
    #[must_use]
    pub fn is_lookalike(&self, key: &str) -> bool {
        self.info(key).lookalike
    }

    /// Whether the folded word is a protected proper name (left whole by the stemmer).
    #[must_use]
    pub fn is_name(&self, key: &str) -> bool {
        self.info(key).name
    }

    /// Whether the folded word is a stop word.
    #[must_use]
    pub fn is_stop_word(&self, key: &str) -> bool {
        self.info(key).stop
    }

    /// Whether the text, folded, is exactly a stop phrase (a leading conjunction `و`/`ف` is
    /// ignored: `وبشكل كامل` is `بشكل كامل`).
    #[must_use]
    pub fn is_stop_phrase(&self, text: &str) -> bool {
        let keys: Vec<String> = fold(text).split(' ').map(str::to_string).collect();
        let matches = |keys: &[String]| {
            keys.first()
                .and_then(|k| self.stop_phrases.get(k))
                .is_some_and(|l| l.iter().any(|p| p.len() == keys.len() && phrase_matches(p, keys)))
        };
        if matches(&keys) {
            return true;
        }
        match keys.first() {
            Some(first)
                if first.chars().count() > 2
                    && (first.starts_with('و') || first.starts_with('ف')) =>
            {
                let mut rest = keys.clone();
                rest[0] = first.chars().skip(1).collect();
                matches(&rest)
            }
            _ => false,
        }
    }

    /// Whether some stop phrase starts with this folded word.
    #[must_use]
    pub fn starts_stop_phrase(&self, key: &str) -> bool {
        self.stop_phrases.contains_key(key)
    }

    /// The longest stop phrase starting at `keys[0]`, as its length in keys.
    #[must_use]
    pub fn stop_phrase_at(&self, keys: &[&str]) -> Option<usize> {
        let list = self.stop_phrases.get(*keys.first()?)?;
        list.iter().find(|p| p.len() <= keys.len() && phrase_matches(p, keys)).map(Vec::len)
    }

    /// All stop phrases, folded (for tests and inspection).
    pub fn stop_phrases(&self) -> impl Iterator<Item = &Vec<String>> {
        self.stop_phrases.values().flatten()
    }

    /// All stop words, folded.
    pub fn stop_words(&self) -> impl Iterator<Item = &str> {
        self.stop_list.iter().map(|w| &**w)
    }
}
