//! `ArabicLightStemmer`: a Light10-family stemmer for search keys.
//!
//! Prefixes are not the stemmer's business here: the clitic segmenter has already removed them
//! with its lexicon checks (Light10's blind prefix rules turn `وزير` into `زير`). The stemmer
//! strips Light10's suffixes (ها ان ات ون ين يه ية ه ة ي, in that order, each at most once,
//! keeping three letters), plus a teh marbuta written as ت before a pronoun
//! (`حكومتها` → `حكوم`, like `حكومة`). Protected proper names are left whole, and stripping
//! stops as soon as it reaches one (`الإيرانيين` → `ايران`). A strip that would leave a stop
//! word is skipped (`الولاية` must not meet `ولا`).

use crate::lexicon::Lexicon;
use std::borrow::Cow;

/// Light10 suffixes in folded form, in Light10's order (ية and ة fold into يه and ه).
const SUFFIXES: &[&str] = &["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];
/// Pronoun suffixes after which a ت was a teh marbuta.
const PRONOUNS: &[&str] = &["هما", "هم", "ها", "كم", "نا"];
/// The stemmer never leaves fewer letters than this.
const MIN_STEM: usize = 3;

/// The light stemmer, bound to a lexicon for its protected names.
#[derive(Debug, Clone, Copy)]
pub struct ArabicLightStemmer<'l> {
    lexicon: &'l Lexicon,
}

impl<'l> ArabicLightStemmer<'l> {
    /// A stemmer protecting the lexicon's names.
    #[must_use]
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Self { lexicon }
    }

    /// Stems a folded word that has already lost its proclitics.
    #[must_use]
    pub fn stem<'k>(&self, key: &'k str) -> Cow<'k, str> {
        let len = key.chars().count();
        if len <= MIN_STEM
            || !key.chars().all(crate::chars::is_arabic_letter)
            || self.lexicon.is_name(key)
        {
            return Cow::Borrowed(key);
        }
        // The teh marbuta before a pronoun: حكومتها → حكومت → حكوم (as حكومة → حكوم).
        let mut owned: Option<String> = None;
        for p in PRONOUNS {
            if let Some(base) = key.strip_suffix(p)
                && let Some(before_teh) = base.strip_suffix('ت')
                && before_teh.chars().count() >= MIN_STEM
            {
                if !self.lexicon.is_name(base) {
                    owned = Some(format!("{before_teh}ه"));
                }
                break;
            }
        }
        let Some(owned) = owned else { return Cow::Borrowed(self.strip_suffixes(key)) };
        Cow::Owned(self.strip_suffixes(&owned).to_string())
    }

    /// Light10's suffix pass: each suffix at most once, in order, keeping three letters.
    fn strip_suffixes<'k>(&self, key: &'k str) -> &'k str {
        let mut w: &str = key;
        for s in SUFFIXES {
            if let Some(cut) = w.strip_suffix(s)
                && cut.chars().count() >= MIN_STEM
            {
                // A content word never stems into a function word (`الولاية` → `ولا`).
                if self.lexicon.is_stop_word(cut) {
                    continue;
                }
                w = cut;
                if self.lexicon.is_name(w) {
                    break;
                }
            }
        }
        w
    }
}
