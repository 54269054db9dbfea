//! akhbar's analysis as a tantivy tokenizer, registered by name on every index akhbar opens.
//!
//! Two key kinds share one tokenization (akhbar's, with byte offsets into the original text, so
//! tantivy's snippets highlight the text as written):
//! - [`STEM_ANALYZER`]: light stems of folded, clitic-free words (`وللتحالفات` → `تحالف`);
//! - [`EXACT_ANALYZER`]: folded keys as written, clitics kept (`بین` → `بين`, `٢٠٢٤` → `2024`).

use akhbar_text::{Analyzed, Analyzer, TokenKind, tokenize};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The registered name of the stemmed analyzer.
pub const STEM_ANALYZER: &str = "akhbar_stem";
/// The registered name of the exact (folded, unstemmed) analyzer.
pub const EXACT_ANALYZER: &str = "akhbar_exact";

/// Which key a token is indexed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// The light stem.
    Stem,
    /// The folded key as written.
    Exact,
}

/// akhbar's analyzer as a tantivy [`Tokenizer`].
#[derive(Debug, Clone, Copy)]
pub struct AkhbarTokenizer {
    keys: Keys,
}

impl AkhbarTokenizer {
    /// A tokenizer producing the given keys.
    #[must_use]
    pub fn new(keys: Keys) -> Self {
        Self { keys }
    }
}

/// Whether an analyzed token is something a reader searches for: words, numbers, handles,
/// addresses (a hashtag is searched through its words, which follow it as tokens).
pub(crate) fn searchable(a: &Analyzed<'_>) -> bool {
    a.token.kind.is_wordlike() && a.token.kind != TokenKind::Hashtag && !a.stem.is_empty()
}

/// The tokens of a text, analyzed once.
#[derive(Debug)]
pub struct AkhbarTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for AkhbarTokenizer {
    type TokenStream<'a> = AkhbarTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> AkhbarTokenStream {
        let analyzer = Analyzer::embedded();
        let mut tokens = Vec::new();
        for t in tokenize(text) {
            if !t.kind.is_wordlike() {
                continue;
            }
            let (from, to) = (t.byte_start, t.byte_end);
            let a = analyzer.analyze_token(t);
            if !searchable(&a) {
                continue;
            }
            let key = match self.keys {
                Keys::Stem => a.stem.into_owned(),
                Keys::Exact => a.token.key.into_owned(),
            };
            tokens.push(Token {
                offset_from: from,
                offset_to: to,
                position: tokens.len(),
                text: key,
                position_length: 1,
            });
        }
        AkhbarTokenStream { tokens, next: 0 }
    }
}

impl TokenStream for AkhbarTokenStream {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next.saturating_sub(1)]
    }

    fn token_mut(&mut self) -> &mut Token {
        let i = self.next.saturating_sub(1);
        &mut self.tokens[i]
    }
}

/// One word of a query with its search keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    /// The folded key as written.
    pub exact: String,
    /// Its stems: the light stem, then the stems found by stripping clitics again, for queries
    /// typed with stacked clitics (`البالفيديو` → `بالفيديو` → `فيديو`).
    pub stems: Vec<String>,
    /// Whether the word is a stop word.
    pub stop: bool,
}

/// A query's words, each with its keys. Clitics are stripped repeatedly: an indexed word's
/// clitics are stripped once, but a reader may stack them (`اليسجل`, `البالفيديو`).
#[must_use]
pub fn query_words(query: &str) -> Vec<QueryWord> {
    let analyzer = Analyzer::embedded();
    let mut out = Vec::new();
    for a in analyzer.analyze(query) {
        if !searchable(&a) {
            continue;
        }
        let mut stems = vec![a.stem.to_string()];
        let mut clitics = a.segments.len() > 1;
        while clitics && stems.len() < 3 {
            let last = stems.last().cloned().unwrap_or_default();
            let Some(t) = tokenize(&last).into_iter().next() else { break };
            if t.kind != TokenKind::Word {
                break;
            }
            let again = analyzer.analyze_token(t);
            clitics = again.segments.len() > 1;
            if !clitics || again.stem.is_empty() || stems.iter().any(|s| *s == again.stem) {
                break;
            }
            let next = again.stem.into_owned();
            stems.push(next);
        }
        out.push(QueryWord { exact: a.token.key.into_owned(), stems, stop: a.stop });
    }
    out
}
