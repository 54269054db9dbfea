//! The tokenizer: tokens with char and byte offsets into the original text, and their keys.
//!
//! The tokenizer reads the original text (never a cleaned or folded copy), so every offset
//! slices the original back to the token. Invisible controls inside a word stay inside the
//! token and vanish from its key.

use crate::chars::{
    TATWEEL, arabic_punct_ascii, digit_value, is_arabic_letter, is_arabic_mark, is_emoji,
    is_emoji_modifier, is_invisible, is_other_letter, is_other_mark,
};
use crate::fold::{fold_char_into, fold_word, folds_to_itself};
use std::borrow::Cow;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// An Arabic-script word.
    Word,
    /// A word in another script (Latin, mostly).
    Latin,
    /// A number in ASCII, Arabic-Indic or Persian digits, with `٫ ٬ , .` separators.
    Number,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// A `@handle`.
    Mention,
    /// A `#hashtag`; its words follow it as tokens of their own marked `in_hashtag`.
    Hashtag,
    /// An emoji, with its modifiers and joined sequence.
    Emoji,
    /// Punctuation or a symbol (a run of the same character is one token).
    Punct,
}

impl TokenKind {
    /// Whether the token carries words that search and matching should see.
    #[must_use]
    pub fn is_wordlike(self) -> bool {
        matches!(
            self,
            Self::Word | Self::Latin | Self::Number | Self::Url | Self::Email | Self::Mention
        )
    }

    /// The lower-case name used in JSON output.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Word => "word",
            Self::Latin => "latin",
            Self::Number => "number",
            Self::Url => "url",
            Self::Email => "email",
            Self::Mention => "mention",
            Self::Hashtag => "hashtag",
            Self::Emoji => "emoji",
            Self::Punct => "punct",
        }
    }
}

/// One token of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written, a slice of the original text.
    pub text: &'a str,
    /// What the token is.
    pub kind: TokenKind,
    /// The match key (see [`crate::fold`]): folded letters, ASCII digits, lower-case Latin.
    pub key: Cow<'a, str>,
    /// Offset of the first char, counted in Unicode scalar values.
    pub start: usize,
    /// Offset after the last char, counted in Unicode scalar values.
    pub end: usize,
    /// Byte offset of the token's start in the original text.
    pub byte_start: usize,
    /// Byte offset of the token's end in the original text.
    pub byte_end: usize,
    /// Set on the words of a hashtag (they overlap the hashtag token itself; a hashtag's words
    /// are skipped when hashtags are counted as one unit).
    pub in_hashtag: bool,
}

/// Splits text into tokens. Whitespace and invisible controls between tokens are dropped;
/// tokens come in text order (a hashtag before its words).
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tz = Tokenizer {
        text,
        chars: &chars,
        out: Vec::with_capacity(chars.len() / 5 + 1),
        last_url_end: None,
    };
    tz.run(0, chars.len(), false);
    tz.out
}

struct Tokenizer<'t, 'c> {
    text: &'t str,
    chars: &'c [(usize, char)],
    out: Vec<Token<'t>>,
    /// Where the last URL ended: a hashtag glued to a link starts a token there.
    last_url_end: Option<usize>,
}

fn is_word_continuation(c: char) -> bool {
    is_arabic_letter(c) || is_arabic_mark(c) || c == TATWEEL
}

fn is_url_char(c: char) -> bool {
    !(c.is_whitespace() || is_invisible(c) || matches!(c, '<' | '>' | '"' | '«' | '»' | '“' | '”'))
}

fn is_handle_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || is_arabic_letter(c) || is_arabic_mark(c)
}

fn is_email_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

impl<'t> Tokenizer<'t, '_> {
    fn ch(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }

    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }

    fn push(&mut self, kind: TokenKind, start: usize, end: usize, in_hashtag: bool) {
        let (bs, be) = (self.byte(start), self.byte(end));
        let text = &self.text[bs..be];
        let key = make_key(kind, text);
        self.out.push(Token {
            text,
            kind,
            key,
            start,
            end,
            byte_start: bs,
            byte_end: be,
            in_hashtag,
        });
    }

    /// Tokenizes chars `[from, to)`. `in_hashtag` marks the words of a hashtag.
    fn run(&mut self, from: usize, to: usize, in_hashtag: bool) {
        let mut i = from;
        while i < to {
            let c = self.chars[i].1;
            // Fast paths: spaces, and Arabic words (no link, handle or number starts with one).
            if c == ' ' || c == '\n' {
                i += 1;
                continue;
            }
            if is_arabic_letter(c) {
                i = self.arabic_word(i, to, in_hashtag);
                continue;
            }
            let prev = if i > from { self.ch(i - 1) } else { None };
            let at_boundary = prev.is_none_or(|p| !p.is_alphanumeric() && p != '_')
                || self.last_url_end == Some(i);
            if c.is_whitespace() || is_invisible(c) || c.is_control() {
                i += 1;
            } else if at_boundary
                && !in_hashtag
                && let Some(end) = self.url_end(i, to)
            {
                self.push(TokenKind::Url, i, end, false);
                self.last_url_end = Some(end);
                i = end;
            } else if at_boundary
                && !in_hashtag
                && let Some(end) = self.email_end(i, to)
            {
                self.push(TokenKind::Email, i, end, false);
                i = end;
            } else if c == '@'
                && at_boundary
                && i + 1 < to
                && self
                    .ch(i + 1)
                    .is_some_and(|n| n.is_ascii_alphanumeric() || n == '_' || is_arabic_letter(n))
            {
                let mut j = i + 1;
                while j < to && self.ch(j).is_some_and(is_handle_char) {
                    j += 1;
                }
                self.push(TokenKind::Mention, i, j, in_hashtag);
                i = j;
            } else if c == '#'
                && at_boundary
                && !in_hashtag
                && let Some(end) = self.hashtag_end(i, to)
            {
                self.push(TokenKind::Hashtag, i, end, false);
                let mut j = i + 1;
                while j < end {
                    let mut k = j;
                    while k < end && self.ch(k) != Some('_') {
                        k += 1;
                    }
                    self.run(j, k, true);
                    j = k + 1;
                }
                i = end;
            } else if digit_value(c).is_some() {
                let end = self.number_end(i, to);
                self.push(TokenKind::Number, i, end, in_hashtag);
                i = end;
            } else if is_other_letter(c) && !is_other_mark(c) {
                let mut j = i + 1;
                while j < to {
                    match self.ch(j) {
                        Some(n) if is_other_letter(n) || is_other_mark(n) || n.is_ascii_digit() => {
                            j += 1
                        }
                        // al-Qaeda, O'Brien: an apostrophe or hyphen between two letters.
                        Some('-' | '\'' | '’')
                            if j + 1 < to && self.ch(j + 1).is_some_and(is_other_letter) =>
                        {
                            j += 2
                        }
                        _ => break,
                    }
                }
                self.push(TokenKind::Latin, i, j, in_hashtag);
                i = j;
            } else if is_emoji(c) {
                let mut j = i + 1;
                while j < to {
                    match self.ch(j) {
                        Some('\u{200D}') if j + 1 < to && self.ch(j + 1).is_some_and(is_emoji) => {
                            j += 2
                        }
                        Some(n) if is_emoji_modifier(n) && n != '\u{200D}' => j += 1,
                        // Regional indicator pairs make a flag.
                        Some(n)
                            if matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
                                && matches!(n, '\u{1F1E6}'..='\u{1F1FF}')
                                && j == i + 1 =>
                        {
                            j += 1
                        }
                        _ => break,
                    }
                }
                self.push(TokenKind::Emoji, i, j, in_hashtag);
                i = j;
            } else if is_arabic_mark(c) || is_other_mark(c) || c == TATWEEL || is_emoji_modifier(c)
            {
                // A mark or stroke with no letter to sit on carries nothing: skip it.
                i += 1;
            } else {
                let mut j = i + 1;
                while j < to && self.ch(j) == Some(c) {
                    j += 1;
                }
                self.push(TokenKind::Punct, i, j, in_hashtag);
                i = j;
            }
        }
    }

    /// An Arabic word starting at `i`: letters, marks and tatweel, and a zero-width character
    /// between two of them. Returns where it ends.
    fn arabic_word(&mut self, i: usize, to: usize, in_hashtag: bool) -> usize {
        let mut j = i + 1;
        while j < to {
            match self.chars[j].1 {
                n if is_word_continuation(n) => j += 1,
                n if is_invisible(n) && j + 1 < to && is_word_continuation(self.chars[j + 1].1) => {
                    j += 2
                }
                _ => break,
            }
        }
        self.push(TokenKind::Word, i, j, in_hashtag);
        j
    }

    fn starts_with_ci(&self, i: usize, to: usize, pat: &str) -> bool {
        let mut k = i;
        for p in pat.chars() {
            match self.ch(k) {
                Some(c) if k < to && c.to_ascii_lowercase() == p => k += 1,
                _ => return false,
            }
        }
        true
    }

    /// A bare host name with a known top-level domain (`pic.twitter.com/…`, `spa.gov.sa`):
    /// the index after its last label.
    fn bare_host_end(&self, i: usize, to: usize) -> Option<usize> {
        let mut j = i;
        let mut label_start = i;
        let mut dots = 0;
        while j < to {
            match self.ch(j) {
                Some(c) if c.is_ascii_alphanumeric() || c == '-' => j += 1,
                Some('.')
                    if j > label_start
                        && self.ch(j + 1).is_some_and(|c| c.is_ascii_alphanumeric()) =>
                {
                    dots += 1;
                    j += 1;
                    label_start = j;
                }
                _ => break,
            }
        }
        if dots == 0 || self.ch(j).is_some_and(|c| c.is_alphanumeric() || c == '@') {
            return None;
        }
        let tld: String =
            (label_start..j).filter_map(|k| self.ch(k)).collect::<String>().to_ascii_lowercase();
        let first: usize = (i..j).take_while(|&k| self.ch(k) != Some('.')).count();
        (first >= 2 && TLDS.contains(&tld.as_str())).then_some(j)
    }

    fn url_end(&self, i: usize, to: usize) -> Option<usize> {
        let mut j = match ["https://", "http://", "www."]
            .into_iter()
            .find(|p| self.starts_with_ci(i, to, p))
        {
            Some(scheme) => i + scheme.chars().count(),
            None => {
                let host_end = self.bare_host_end(i, to)?;
                if self.ch(host_end) != Some('/') {
                    return Some(host_end);
                }
                host_end
            }
        };
        let body_start = j;
        while j < to && self.ch(j).is_some_and(is_url_char) {
            // A hashtag glued to a link (`…/YVtNkEXSil#روج_نيوز`) is not the link's fragment.
            if self.ch(j) == Some('#') && self.ch(j + 1).is_some_and(is_arabic_letter) {
                break;
            }
            // Arabic punctuation ends a link: it is never part of an address as written.
            if self.ch(j).is_some_and(|c| arabic_punct_ascii(c).is_some()) {
                break;
            }
            j += 1;
        }
        // Trailing sentence punctuation and unbalanced closing brackets belong to the prose.
        while j > body_start {
            match self.ch(j - 1) {
                Some('.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | ']' | '}') => j -= 1,
                Some(')') if !(body_start..j).any(|k| self.ch(k) == Some('(')) => j -= 1,
                _ => break,
            }
        }
        (j > body_start + 1).then_some(j)
    }

    fn email_end(&self, i: usize, to: usize) -> Option<usize> {
        if !self.ch(i).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let mut j = i;
        while j < to && self.ch(j).is_some_and(is_email_local_char) {
            j += 1;
        }
        if j >= to || self.ch(j) != Some('@') {
            return None;
        }
        let domain_start = j + 1;
        let mut k = domain_start;
        while k < to
            && self.ch(k).is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        {
            k += 1;
        }
        while k > domain_start && self.ch(k - 1) == Some('.') {
            k -= 1;
        }
        let domain: String = (domain_start..k).filter_map(|x| self.ch(x)).collect();
        let tld = domain.rsplit('.').next().unwrap_or("");
        (domain.contains('.') && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
            .then_some(k)
    }

    fn hashtag_end(&self, i: usize, to: usize) -> Option<usize> {
        let mut j = i + 1;
        let mut letters = false;
        while j < to {
            match self.ch(j) {
                Some(c) if c.is_alphabetic() || is_arabic_mark(c) || c == TATWEEL => {
                    letters = true;
                    j += 1;
                }
                Some(c) if c.is_alphanumeric() || digit_value(c).is_some() => j += 1,
                Some('_') if self.ch(j + 1).is_some_and(|n| n.is_alphanumeric()) => j += 1,
                _ => break,
            }
        }
        letters.then_some(j)
    }

    fn number_end(&self, i: usize, to: usize) -> usize {
        let mut j = i + 1;
        while j < to {
            match self.ch(j) {
                Some(c) if digit_value(c).is_some() => j += 1,
                Some('.' | ',' | '\u{066B}' | '\u{066C}')
                    if j + 1 < to && self.ch(j + 1).and_then(digit_value).is_some() =>
                {
                    j += 2;
                }
                // A stray diacritic typed inside a number (`2ِ019`) does not split it.
                Some(c)
                    if is_arabic_mark(c)
                        && j + 1 < to
                        && self.ch(j + 1).and_then(digit_value).is_some() =>
                {
                    j += 2;
                }
                _ => break,
            }
        }
        j
    }
}

/// Top-level domains that make a bare host name a link (`pic.twitter.com`, `spa.gov.sa`).
const TLDS: &[&str] = &[
    "com", "net", "org", "gov", "edu", "info", "io", "co", "me", "tv", "ly", "news", "sa", "ae",
    "eg", "iq", "lb", "jo", "ma", "dz", "tn", "qa", "kw", "bh", "om", "ps", "sy", "ye", "sd", "uk",
    "fr", "de", "us", "ru", "cn", "tr", "ir", "int",
];

fn make_key(kind: TokenKind, text: &str) -> Cow<'_, str> {
    match kind {
        // Most words are their own key: borrow them (no allocation on the hot path).
        TokenKind::Word | TokenKind::Mention if text.chars().all(folds_to_itself) => {
            Cow::Borrowed(text)
        }
        TokenKind::Word | TokenKind::Mention => Cow::Owned(fold_word(text)),
        // A joiner (`al-Qaeda`) next to a letter that folds away must not end the key.
        TokenKind::Latin => {
            let k = if text.chars().all(folds_to_itself) {
                Cow::Borrowed(text)
            } else {
                Cow::Owned(fold_word(text))
            };
            // It must start with a letter, as a Latin word does, or it would re-tokenize apart.
            let trimmed = k
                .trim_start_matches(|c: char| !c.is_alphabetic())
                .trim_end_matches(|c: char| !c.is_alphanumeric());
            if trimmed.len() == k.len() { k } else { Cow::Owned(trimmed.to_string()) }
        }
        TokenKind::Email => Cow::Owned(text.to_lowercase()),
        TokenKind::Url | TokenKind::Emoji => Cow::Borrowed(text),
        TokenKind::Hashtag => {
            let mut key = String::with_capacity(text.len());
            key.push('#');
            for c in text.chars().skip(1) {
                fold_char_into(c, &mut key);
            }
            Cow::Owned(key)
        }
        TokenKind::Number if text.bytes().all(|b| b.is_ascii_digit()) => Cow::Borrowed(text),
        TokenKind::Number => Cow::Owned(number_key(text)),
        TokenKind::Punct if text.chars().all(|c| arabic_punct_ascii(c).is_none()) => {
            Cow::Borrowed(text)
        }
        TokenKind::Punct => {
            Cow::Owned(text.chars().map(|c| arabic_punct_ascii(c).unwrap_or(c)).collect())
        }
    }
}

/// A number's key: ASCII digits, `٫` as the decimal point, thousands separators (`,` `٬`
/// between groups of three digits) dropped, so `٢٬٥٠٠` and `2,500` and `2500` meet.
fn number_key(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut key = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        if let Some(d) = digit_value(c) {
            key.push((b'0' + d) as char);
        } else if matches!(c, ',' | '\u{066C}') {
            let group = chars[i + 1..].iter().take_while(|c| digit_value(**c).is_some()).count();
            if group != 3 {
                key.push(',');
            }
        } else if c == '\u{066B}' {
            key.push('.');
        } else if is_arabic_mark(c) {
            // dropped, as folding drops marks from words
        } else {
            key.push(c);
        }
    }
    key
}
