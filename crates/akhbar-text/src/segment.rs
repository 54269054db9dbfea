//! Clitic segmentation: the proclitics و ف (conjunctions), ب ك ل (prepositions) and the article
//! ال, alone and combined (وال، بال، فال، كال، لل، وبال، ولل …).
//!
//! A word is split only when the split is believable: the remainder must be long enough (the
//! length guard), must not belong to a word that only looks prefixed (`بغداد`, `لبنان`, `كامل`),
//! and, for the one-letter clitics, must itself be a word of the background corpus that is not
//! far rarer than the whole (`وزير` stays whole because `زير` is rare; `وقال` splits because `قال`
//! is common). An alef with hamza (`ألمانيا`, `آلاف`) is never the article. Segments always
//! concatenate back to the token.

use crate::chars::{TATWEEL, is_arabic_letter};
use crate::fold::fold_char_into;
use crate::lexicon::Lexicon;
use rustc_hash::FxHashSet;
use smallvec::{SmallVec, smallvec};
use std::sync::OnceLock;

/// What a segment of a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SegmentRole {
    /// و or ف.
    Conjunction,
    /// ب, ك or ل.
    Preposition,
    /// ال, or the ل left of it after the preposition ل (`للتحالف` = ل + ل + تحالف).
    Article,
    /// What remains: the word itself.
    Stem,
}

impl SegmentRole {
    /// The lower-case name used in JSON output.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Conjunction => "conj",
            Self::Preposition => "prep",
            Self::Article => "det",
            Self::Stem => "stem",
        }
    }
}

/// One segment of a word: a slice of the original token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The segment as written (with its diacritics).
    pub text: &'a str,
    /// What the segment is.
    pub role: SegmentRole,
}

/// Short words (folded) that a one-letter proclitic may attach to although they are shorter
/// than the length guard: `وهو`, `بما`, `لكل`, `فان`, `كذا`.
const SHORT_HOSTS: &[&str] = &[
    "هو", "هي", "هم", "هن", "ما", "لا", "لم", "لن", "قد", "ان", "من", "في", "عن", "كل", "ذا", "نا",
    "لي", "مع", "هذا", "هذه", "ذلك", "تلك", "هنا", "انه", "انها", "اي", "او", "ثم", "بل", "اذ",
    "اذا", "هل",
];

/// Words that begin with ال but whose ال is not the article (folded).
const NOT_ARTICLE: &[&str] = &[
    "الله",
    "اللهم",
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللذان",
    "اللتان",
    "اللاتي",
    "اللواتي",
    "اللائي",
    "الا",
    "الان",
    "الى",
    "الي",
    "اليه",
    "اليها",
    "اليهم",
    "اليهما",
    "اليك",
    "اليكم",
    "الينا",
    "الف",
    "الاف",
    "الفين",
    "الفا",
    "الم",
    "الما",
    "الوان",
    "الماني",
    "المانيا",
    "المانيه",
    "الماس",
    "الياف",
    "الفاظ",
    "الغاء",
    "الزام",
    "الكتروني",
    "الكترونيه",
    "اليوت",
    "البوم",
    "الامو",
];

/// `SHORT_HOSTS` and `NOT_ARTICLE` as sets (they are consulted for most words).
fn word_sets() -> &'static (FxHashSet<&'static str>, FxHashSet<&'static str>) {
    static SETS: OnceLock<(FxHashSet<&'static str>, FxHashSet<&'static str>)> = OnceLock::new();
    SETS.get_or_init(|| {
        (SHORT_HOSTS.iter().copied().collect(), NOT_ARTICLE.iter().copied().collect())
    })
}

/// The background-frequency rule for a one-letter proclitic: the host must occur in at least
/// this many documents…
const MIN_HOST_FREQUENCY: u32 = 3;
/// …and in at least this share of the documents the whole word occurs in.
const MIN_HOST_RATIO: f64 = 0.05;

#[derive(Clone, Copy)]
struct Unit {
    original: char,
    byte_start: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Art {
    None,
    Full,
    Elided,
}

/// The letters of a word, folded, with where each starts in the folded key.
struct Folded<'k> {
    key: &'k str,
    /// The whole word's background frequency.
    frequency: u32,
    letters: &'k [char],
    /// Byte offset in `key` of each letter, plus the key's length at the end.
    offsets: &'k [usize],
}

impl<'k> Folded<'k> {
    /// The folded word from letter `from` on.
    fn tail(&self, from: usize) -> &'k str {
        &self.key[self.offsets[from]..]
    }
}

/// A word's segments: at most a conjunction, a preposition, an article and the stem.
pub type Segments<'a> = SmallVec<[Segment<'a>; 4]>;

/// Words longer than this many letters are left whole (no Arabic word with clitics is).
const MAX_LETTERS: usize = 32;

/// Splits one word into proclitics and its stem. Tokens that are not Arabic words come back as
/// one stem segment.
#[must_use]
pub fn segment<'a>(word: &'a str, lex: &Lexicon) -> Segments<'a> {
    let whole = || smallvec![Segment { text: word, role: SegmentRole::Stem }];
    // Words that cannot start with a clitic need no further look (most words).
    let first = word.chars().next();
    if !matches!(first, Some('و' | 'ف' | 'ب' | 'ك' | 'ل' | 'ا' | 'ٱ')) {
        return whole();
    }
    let mut units = [Unit { original: ' ', byte_start: 0 }; MAX_LETTERS + 1];
    let mut letters = ['\0'; MAX_LETTERS];
    let mut offsets = [0usize; MAX_LETTERS + 1];
    let mut n = 0usize;
    let mut key = String::with_capacity(word.len());
    for (b, c) in word.char_indices() {
        if is_arabic_letter(c) {
            if n == MAX_LETTERS {
                return whole();
            }
            let before = key.len();
            fold_char_into(c, &mut key);
            let mut it = key[before..].chars();
            match (it.next(), it.next()) {
                (Some(f), None) => {
                    units[n] = Unit { original: c, byte_start: b };
                    letters[n] = f;
                    offsets[n] = before;
                    n += 1;
                }
                // A presentation-form ligature: leave such rare words whole.
                _ => return whole(),
            }
        } else if n == 0 {
            return whole();
        }
    }
    offsets[n] = key.len();
    // The byte where letter `n` would start: the end of the word.
    units[n] = Unit { original: ' ', byte_start: word.len() };
    let (units, letters, offsets) = (&units[..=n], &letters[..n], &offsets[..=n]);
    // A lone clitic written apart with a tatweel (`بـ 3 صواريخ`).
    if n == 1 && word.contains(TATWEEL) && matches!(letters[0], 'و' | 'ف' | 'ب' | 'ك' | 'ل') {
        let role = if matches!(letters[0], 'و' | 'ف') {
            SegmentRole::Conjunction
        } else {
            SegmentRole::Preposition
        };
        return smallvec![Segment { text: word, role }];
    }
    let info = lex.info(&key);
    if n < 3 || info.lookalike || info.name {
        return whole();
    }
    let f = Folded { key: &key, frequency: info.frequency, letters, offsets };
    let mut best: Option<[Option<SegmentRole>; 4]> = None;
    'search: for conj in [true, false] {
        for prep in ['ب', 'ك', 'ل', '\0'] {
            for art in [Art::Full, Art::Elided, Art::None] {
                if let Some(plan) = try_plan(&f, units, conj, prep, art, lex) {
                    best = Some(plan);
                    break 'search;
                }
            }
        }
    }
    let Some(roles) = best else { return whole() };
    let mut out = Segments::new();
    let mut u = 0usize;
    for role in roles.iter().flatten() {
        let len =
            if *role == SegmentRole::Article && letters.get(u) == Some(&'ا') { 2 } else { 1 };
        let (from, to) = (units[u].byte_start, units[u + len].byte_start);
        out.push(Segment { text: &word[from..to], role: *role });
        u += len;
    }
    let from = if u == 0 { 0 } else { units[u].byte_start };
    out.push(Segment { text: &word[from..], role: SegmentRole::Stem });
    out
}

/// Checks one segmentation plan; returns the roles of its prefixes.
fn try_plan(
    f: &Folded<'_>,
    units: &[Unit],
    conj: bool,
    prep: char,
    art: Art,
    lex: &Lexicon,
) -> Option<[Option<SegmentRole>; 4]> {
    let letters = f.letters;
    let mut roles = [None; 4];
    let mut i = 0usize;
    if conj {
        if !matches!(letters.first(), Some('و' | 'ف')) {
            return None;
        }
        roles[0] = Some(SegmentRole::Conjunction);
        i = 1;
    }
    if prep != '\0' {
        if letters.get(i) != Some(&prep) {
            return None;
        }
        roles[1] = Some(SegmentRole::Preposition);
        i += 1;
    }
    match art {
        Art::Full => {
            if letters.get(i) != Some(&'ا') || letters.get(i + 1) != Some(&'ل') || prep == 'ل' {
                return None;
            }
            // Only a bare alef (or wasla) starts the article: `ألمانيا`, `آلاف` keep theirs.
            if !matches!(units[i].original, 'ا' | 'ٱ') {
                return None;
            }
            roles[2] = Some(SegmentRole::Article);
            i += 2;
        }
        Art::Elided => {
            if prep != 'ل' || letters.get(i) != Some(&'ل') {
                return None;
            }
            roles[2] = Some(SegmentRole::Article);
            i += 1;
        }
        Art::None => {}
    }
    if i == 0 || i >= letters.len() {
        return None;
    }
    // Never split inside a word that only looks prefixed (`وكان` is و + كان, not و + ك + ان).
    for b in 1..i {
        let tail = lex.info(f.tail(b));
        if tail.lookalike || tail.name {
            return None;
        }
    }
    let rest = f.tail(i);
    let rest_len = letters.len() - i;
    if art != Art::None {
        if rest_len < 2 {
            return None;
        }
        let f_rest = lex.frequency(rest);
        if art == Art::Elided {
            let with_article = format!("ال{rest}");
            if word_sets().1.contains(with_article.as_str()) || lex.is_lookalike(&with_article) {
                return None;
            }
            // `للبنان` is ل + لبنان, not ل + ال + بنان: the article reading must be at least as
            // common as the reading without it.
            let f_art = lex.frequency(&with_article);
            let without = f.tail(i - 1);
            if lex.is_lookalike(without) || lex.is_name(without) || f_art < lex.frequency(without) {
                return None;
            }
            if f_art == 0 && rest_len < 3 {
                return None;
            }
        } else {
            let with_article = f.tail(i - 2);
            if word_sets().1.contains(with_article) || lex.is_lookalike(with_article) {
                return None;
            }
            let f_art = lex.frequency(with_article);
            // A common word whose remainder (almost) never stands alone: the ال is its own
            // (`المانيا` written without its hamza).
            if f_art >= 100 && f_rest < 20 && u64::from(f_rest) * 200 < u64::from(f_art) {
                return None;
            }
        }
        return Some(roles);
    }
    // One-letter proclitics only.
    if word_sets().0.contains(rest) {
        return Some(roles);
    }
    if rest_len < 3 {
        return None;
    }
    let f_whole = f64::from(f.frequency);
    // The host, and with two clitics the middle form too (`ولاية` is no و + ل + أية because
    // `لاية` is rare), must be words of their own, not far rarer than the whole.
    let plausible = |from: usize| {
        let freq = lex.frequency(f.tail(from));
        freq >= MIN_HOST_FREQUENCY && f64::from(freq) >= MIN_HOST_RATIO * f_whole
    };
    (plausible(i) && (1..i).all(plausible)).then_some(roles)
}
