//! Folding: the match key of a word. Display text is never folded; keys are what search,
//! tags, deduplication and clustering compare.
//!
//! `fold_word` folds one token; [`fold`] folds a whole text into space-separated keys of its
//! word-like tokens, so that punctuation of every script becomes a separator.

use crate::chars::{TATWEEL, digit_value, is_arabic_mark, is_invisible, is_other_mark};
use unicode_normalization::UnicodeNormalization;

/// Whether a character is its own folded form (plain Arabic letters, lower-case ASCII).
#[must_use]
pub fn folds_to_itself(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    matches!(c, 'ء' | 'ا' | 'ب' | 'ت'..='غ' | 'ف'..='ي') && c != 'ى'
}

/// Appends the folded form of one character to `out` (nothing for marks, tatweel, controls).
pub fn fold_char_into(c: char, out: &mut String) {
    // Fast path: ASCII and the plain Arabic letters, which fold to themselves (or lower case).
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if folds_to_itself(c) {
        out.push(c);
        return;
    }
    let folded = match c {
        // Alef with hamza above/below, madda, wasla and the other alef variants.
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' | '\u{0675}' => 'ا',
        // Alef maqsura, Persian/Urdu yeh, yeh with hamza, and further yeh variants.
        'ى' | 'ی' | 'ئ' | '\u{06CD}' | '\u{06CE}' | '\u{06D0}' | '\u{06D2}' | '\u{06D3}' => 'ي',
        // Waw with hamza.
        'ؤ' | '\u{0676}' | '\u{0677}' => 'و',
        // Persian kaf, swash kaf, gaf (Iraqi and Gulf spellings of names).
        'ک' | 'ڪ' | 'گ' => 'ك',
        // Teh marbuta and the Urdu heh and teh forms.
        'ة' | 'ۃ' | 'ہ' | 'ۀ' | 'ھ' | 'ە' => 'ه',
        // Persian peh/tcheh/zhe and veh: keep (distinct sounds in names), no folding.
        c if c == TATWEEL || is_arabic_mark(c) || is_invisible(c) || is_other_mark(c) => return,
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => {
            if let Some(d) = digit_value(c) {
                (b'0' + d) as char
            } else if matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{FF00}'..='\u{FFEF}')
            {
                // Presentation forms and full-width forms: compatibility-decompose, then fold.
                // Only letters and digits survive: a decomposition into spaces, marks or
                // punctuation would not re-tokenize into the same key.
                for d in std::iter::once(c).nfkc() {
                    if d == c {
                        out.push(d);
                    } else if d.is_alphanumeric() {
                        fold_char_into(d, out);
                    }
                }
                return;
            } else if c.is_uppercase() {
                for d in c.to_lowercase() {
                    if d == c {
                        out.push(d);
                    } else {
                        fold_char_into(d, out);
                    }
                }
                return;
            } else {
                c
            }
        }
    };
    out.push(folded);
}

/// The match key of a single word: letters folded, marks, tatweel and controls dropped, Latin
/// lower-cased, digits in ASCII. Idempotent.
#[must_use]
pub fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    // Decomposed input (alef + combining hamza) folds like its composed form because the
    // combining hamza is an Arabic mark and is dropped.
    for c in word.chars() {
        fold_char_into(c, &mut out);
    }
    out
}

/// Folds a whole text into the keys of its word-like tokens (Arabic and Latin words, numbers,
/// URLs, e-mail addresses, handles, the words of hashtags), separated by single spaces.
/// Punctuation of every script, emoji and whitespace become separators. Idempotent.
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for t in crate::tokenize(text) {
        if t.kind.is_wordlike() && !t.key.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&t.key);
        }
    }
    out
}
