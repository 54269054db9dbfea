//! Named entities: a structured averaged perceptron over akhbar's tokens with BIO labels for
//! PER, ORG, LOC and MISC, decoded by Viterbi with BIO constraints, trained by akhbar's own
//! code on ANERcorp (`akhbar train-ner`).
//!
//! Features: surface form, folded key, clitic-free base and light stem, prefixes and suffixes,
//! word shape, the neighbouring words' keys and stems (two each side) and key bigrams, trigger
//! words before the word (`الرئيس`, `مدينة`, `شركة` …), gazetteer membership (places,
//! organizations, from `data/`), clitics and article, position in the sentence. Gazetteers are
//! features, never lookups that override context.
//!
//! The model is a small binary file (`data/ner.model`): 64-bit feature hashes with quantized
//! weights, rebuilt bit-for-bit by `akhbar train-ner` (see the README).

use akhbar_text::{Analyzer, SegmentRole, TokenKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;

/// The labels, in the model's order.
pub const LABELS: [&str; 9] =
    ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];
const N: usize = LABELS.len();

const GAZ_LOC: &str = include_str!("../data/gaz_loc.txt");
const GAZ_ORG: &str = include_str!("../data/gaz_org.txt");
const GAZ_PER: &str = include_str!("../data/gaz_per.txt");
const GAZ_NAMES: &str = include_str!("../data/gaz_names.txt");
/// How often each word follows a person, place or organization trigger word in the shared news
/// corpora (counted by `akhbar lexicon`): names unseen in the training data still show their kind.
const NAME_CONTEXTS: &[u8] = include_bytes!("../data/name_contexts.bin");
const GAZ_TRIGGERS: &str = include_str!("../data/gaz_triggers.txt");
const EMBEDDED_MODEL: &[u8] = include_bytes!("../data/ner.model");

/// What the tagger knows about one token.
#[derive(Debug, Clone, Default)]
pub struct TokenInfo {
    raw: String,
    key: String,
    base: String,
    stem: String,
    clitic: bool,
    /// It begins with the conjunction `و` as a clitic (`وطارق`, `والقاعدة`).
    and: bool,
    article: bool,
    kind: u8,
    /// The word's classes learnt from raw text ([`crate::clusters`]), if it has any.
    class: Option<crate::clusters::Classes>,
}

/// Analyzes one whitespace token (as in CoNLL input) for the tagger.
#[must_use]
pub fn token_info(raw: &str) -> TokenInfo {
    let analyzed = Analyzer::embedded().analyze(raw);
    match analyzed.iter().find(|a| a.token.kind.is_wordlike()).or(analyzed.first()) {
        Some(a) => TokenInfo { raw: raw.to_string(), ..info_of(a) },
        None => TokenInfo { raw: raw.to_string(), kind: 4, ..TokenInfo::default() },
    }
}

struct Gazetteers {
    /// By word hash ([`akhbar_text::word_hash`]).
    contexts: FxHashMap<u64, [u32; 3]>,
    loc: FxHashSet<String>,
    org: FxHashSet<String>,
    per: FxHashSet<String>,
    triggers: FxHashMap<String, &'static str>,
}

fn gazetteers() -> &'static Gazetteers {
    static G: OnceLock<Gazetteers> = OnceLock::new();
    G.get_or_init(|| {
        // Folded as they load, like the words they are matched against (a list may spell
        // `وائل` or `ألفريد` as written).
        let words =
            |t: &str| akhbar_text::data_lines(t).map(akhbar_text::fold).collect::<FxHashSet<_>>();
        let mut triggers = FxHashMap::default();
        for line in akhbar_text::data_lines(GAZ_TRIGGERS) {
            if let Some((ty, w)) = line.split_once(' ') {
                let ty: &'static str = match ty {
                    "PER" => "PER",
                    "LOC" => "LOC",
                    _ => "ORG",
                };
                triggers.insert(w.trim().to_string(), ty);
            }
        }
        let contexts = akhbar_text::hashed::HashedTable::read(NAME_CONTEXTS)
            .filter(|t| t.columns == 3)
            .map(|t| t.rows().map(|(h, v)| (h, [v[0], v[1], v[2]])).collect())
            .unwrap_or_default();
        Gazetteers {
            contexts,
            loc: words(GAZ_LOC),
            org: words(GAZ_ORG),
            per: words(GAZ_PER),
            triggers,
        }
    })
}

fn hash(template: u8, value: &str) -> u64 {
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write_u8(template);
    h.write(value.as_bytes());
    h.write_u8(0xff);
    h.finish()
}

/// The feature hashes of token `i` of a sentence.
fn features(s: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    out.clear();
    // Composite features are written into one buffer and hashed (the same strings as
    // `format!` would make, without an allocation each).
    let mut buf = String::with_capacity(64);
    let mut fmt = |template: u8, args: std::fmt::Arguments<'_>| {
        use std::fmt::Write;
        buf.clear();
        let _ = buf.write_fmt(args);
        hash(template, &buf)
    };
    let g = gazetteers();
    let t = &s[i];
    let at = |k: isize| -> Option<&TokenInfo> {
        usize::try_from(i as isize + k).ok().and_then(|j| s.get(j))
    };
    out.push(hash(0, ""));
    out.push(hash(1, &t.raw));
    out.push(hash(2, &t.key));
    out.push(hash(3, &t.base));
    out.push(hash(4, &t.stem));
    let starts: Vec<usize> = t.base.char_indices().map(|(b, _)| b).collect();
    let len = starts.len();
    for n in 1..=3 {
        if len > n {
            out.push(hash(5 + n as u8, &t.base[..starts[n]]));
            out.push(hash(9 + n as u8, &t.base[starts[len - n]..]));
        }
    }
    let len_bucket = len.min(8) as u8;
    out.push(fmt(
        13,
        format_args!("{}{}{}{}", t.kind, len_bucket, u8::from(t.clitic), u8::from(t.article)),
    ));
    if t.kind == 1 {
        let upper = t.raw.chars().next().is_some_and(char::is_uppercase);
        out.push(hash(14, if upper { "Upper" } else { "lower" }));
    }
    if i == 0 {
        out.push(hash(15, "first"));
    }
    for (k, tpl) in [(-2isize, 20u8), (-1, 22), (1, 24), (2, 26)] {
        match at(k) {
            Some(n) => {
                out.push(hash(tpl, &n.key));
                out.push(hash(tpl + 1, &n.stem));
            }
            None => out.push(hash(tpl, "<edge>")),
        }
    }
    if let Some(p) = at(-1) {
        out.push(fmt(30, format_args!("{}|{}", p.key, t.key)));
        if let Some(ty) = g.triggers.get(&p.base) {
            out.push(hash(31, ty));
        }
    }
    if let Some(n) = at(1) {
        out.push(fmt(32, format_args!("{}|{}", t.key, n.key)));
        out.push(hash(33, &n.base));
    }
    if let Some(p) = at(-2)
        && let Some(ty) = g.triggers.get(&p.base)
    {
        out.push(hash(34, ty));
    }
    if let Some(ty) = g.triggers.get(&t.base) {
        out.push(hash(35, ty));
    }
    let bare = t.base.strip_prefix("ال").unwrap_or(&t.base);
    if g.loc.contains(&t.base) || g.loc.contains(bare) {
        out.push(hash(36, "loc"));
    }
    if g.org.contains(&t.base) || g.org.contains(bare) {
        out.push(hash(37, "org"));
    }
    if let Some(n) = at(1)
        && (g.loc.contains(&n.base))
    {
        out.push(hash(38, "next-loc"));
    }
    if g.per.contains(&t.base) || g.per.contains(bare) {
        out.push(hash(39, "per"));
    }
    for (k, tpl) in [(-1isize, 40u8), (1, 41)] {
        if let Some(n) = at(k) {
            let nb = n.base.strip_prefix("ال").unwrap_or(&n.base);
            if g.per.contains(&n.base) || g.per.contains(nb) {
                out.push(hash(tpl, "per"));
            }
        }
    }
    // How common the word is in the background corpus: names are rare words, and an Arabic
    // name has no capital letter to give it away.
    let lex = Analyzer::embedded().lexicon();
    let bucket = |w: &str| match lex.frequency(w) {
        0 => "0",
        1..=9 => "1",
        10..=99 => "2",
        100..=999 => "3",
        _ => "4",
    };
    let tb = bucket(&t.base);
    out.push(hash(42, tb));
    // What the corpus says about this word: how often it follows each kind of trigger.
    if let Some(c) = g.contexts.get(&akhbar_text::word_hash(&t.base)) {
        let total: u32 = c.iter().sum();
        let level = |x: u32| match x {
            0 => 0,
            1..=4 => 1,
            5..=19 => 2,
            _ => 3,
        };
        for (k, name) in ["ctx-per", "ctx-loc", "ctx-org"].iter().enumerate() {
            out.push(fmt(47, format_args!("{name}{}", level(c[k]))));
            if c[k] * 10 >= total * 6 && total >= 3 {
                out.push(hash(48, name));
            }
        }
    }
    out.push(fmt(43, format_args!("{tb}|{}", u8::from(t.article))));
    // The word's classes and its neighbours': the company a word keeps in raw text.
    let class = ClassName;
    let (me, before, after) = (Some(t), at(-1), at(1));
    out.push(fmt(50, format_args!("{}", class(me, 0))));
    out.push(fmt(51, format_args!("{}", class(me, 1))));
    out.push(fmt(52, format_args!("{}", class(before, 1))));
    out.push(fmt(53, format_args!("{}", class(after, 1))));
    out.push(fmt(54, format_args!("{}|{}", class(before, 0), class(me, 0))));
    out.push(fmt(55, format_args!("{}|{}", class(me, 0), class(after, 0))));
    out.push(fmt(56, format_args!("{}|{}", class(me, 1), u8::from(t.article))));
    out.push(fmt(57, format_args!("{}", class(me, 2))));
    out.push(fmt(58, format_args!("{}", class(before, 2))));
    out.push(fmt(59, format_args!("{}", class(after, 2))));
    out.push(fmt(60, format_args!("{}|{}", class(before, 1), class(me, 1))));
    out.push(fmt(61, format_args!("{}|{}", class(me, 1), class(after, 1))));
    if let Some(p) = before {
        out.push(fmt(44, format_args!("{}|{tb}", bucket(&p.base))));
        out.push(fmt(45, format_args!("{}|{tb}", p.base)));
    }
    if let Some(n) = after {
        out.push(fmt(46, format_args!("{tb}|{}", bucket(&n.base))));
    }
}

/// How a feature names a token's word class at one level: the class number, `k<kind>` for a
/// token without classes, `edge` beyond the sentence.
struct ClassName<'a>(Option<&'a TokenInfo>, usize);

impl std::fmt::Display for ClassName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            None => f.write_str("edge"),
            Some(n) => match n.class {
                Some(c) => write!(f, "{}", c[self.1]),
                None => write!(f, "k{}", n.kind),
            },
        }
    }
}

/// Whether a name (one word) is a known one: in the gazetteers of places, organizations or
/// people, or of a word class that places fall into ([`in_place_class`]).
#[must_use]
pub fn known_name(name: &str) -> bool {
    let g = gazetteers();
    let folded = akhbar_text::fold(name);
    let bare = folded.strip_prefix("ال").unwrap_or(&folded);
    [&g.loc, &g.org, &g.per].iter().any(|set| set.contains(folded.as_str()) || set.contains(bare))
        || in_place_class(&folded)
}

/// The entity type a trigger word announces for the words after it (`الرئيس` → PER,
/// `مدينة` → LOC, `شركة` → ORG).
#[must_use]
pub fn trigger_type(base: &str) -> Option<&'static str> {
    gazetteers().triggers.get(base).copied()
}

/// Whether label `b` may follow label `a` (`I-X` only after `B-X` or `I-X`).
fn allowed(a: Option<usize>, b: usize) -> bool {
    let lb = LABELS[b];
    match lb.strip_prefix("I-") {
        None => true,
        Some(ty) => a.is_some_and(|a| LABELS[a].ends_with(ty) && LABELS[a] != "O"),
    }
}

/// A trained model.
#[derive(Debug, Clone, Default)]
pub struct NerModel {
    weights: FxHashMap<u64, [f32; N]>,
    /// Transition scores: row `N` is the sentence start.
    transitions: [[f32; N]; N + 1],
}

impl NerModel {
    /// The model built into akhbar.
    pub fn embedded() -> &'static NerModel {
        static M: OnceLock<NerModel> = OnceLock::new();
        M.get_or_init(|| NerModel::from_bytes(EMBEDDED_MODEL).unwrap_or_default())
    }

    /// Labels a sentence (label indices into [`LABELS`]).
    #[must_use]
    pub fn tag(&self, sentence: &[TokenInfo]) -> Vec<usize> {
        let n = sentence.len();
        if n == 0 {
            return Vec::new();
        }
        let mut emissions = vec![[0f32; N]; n];
        let mut feats = Vec::with_capacity(64);
        for (i, e) in emissions.iter_mut().enumerate() {
            features(sentence, i, &mut feats);
            for f in &feats {
                if let Some(w) = self.weights.get(f) {
                    for (x, y) in e.iter_mut().zip(w) {
                        *x += y;
                    }
                }
            }
        }
        let mut labels = viterbi(&emissions, &self.transitions);
        split_coordinated(sentence, &mut labels);
        complete_linked_names(sentence, &mut labels);
        quoted_names(sentence, &mut labels);
        clubs_named_after_places(sentence, &mut labels);
        clubs_after_club_noun(sentence, &mut labels);
        labels
    }

    /// Labels the sentences of one document, then gives every other occurrence of a name the
    /// type it was found with ("one sense per discourse": `الأهلي` found once is the club
    /// wherever the article names it again), where the tagger left those words unlabelled.
    #[must_use]
    pub fn tag_document(&self, sentences: &[Vec<TokenInfo>]) -> Vec<Vec<usize>> {
        let mut labels: Vec<Vec<usize>> = sentences.iter().map(|s| self.tag(s)).collect();
        let lex = Analyzer::embedded().lexicon();
        let mut found = names_found(sentences, &labels);
        settle_types(sentences, &mut labels, &mut found);
        // Only names worth spreading: not a stop word, not a common word of the language.
        let mut names: Vec<(Vec<String>, usize)> = found
            .into_iter()
            .filter_map(|(k, types)| {
                let (&b, _) = types.iter().max_by_key(|(l, n)| (**n, std::cmp::Reverse(**l)))?;
                let content = k.iter().all(|w| w.chars().count() >= 3 && !lex.is_stop_word(w));
                let rare = k.len() > 1 || lex.frequency(&k[0]) < 2000;
                (content && rare).then_some((k, b))
            })
            .collect();
        // A person named in full (`زهير القناوي`) is named by the surname alone later on
        // (`وقال القناوي`): the last word of a person's name of two words or more, when it is
        // no common word, is spread as a name of its own.
        let surnames: Vec<(Vec<String>, usize)> = names
            .iter()
            .filter(|(k, b)| LABELS[*b] == "B-PER" && k.len() >= 2)
            .filter_map(|(k, b)| {
                let last = k.last()?;
                let rare = lex.frequency(last) < RARE_SURNAME && !lex.is_stop_word(last);
                (rare && last.chars().count() >= 3).then(|| (vec![last.clone()], *b))
            })
            .collect();
        for s in surnames {
            if !names.iter().any(|(k, _)| *k == s.0) {
                names.push(s);
            }
        }
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        // By first word (longest names first), so that each token looks at a few names only.
        let mut by_first: FxHashMap<&str, Vec<&(Vec<String>, usize)>> = FxHashMap::default();
        for n in &names {
            by_first.entry(n.0[0].as_str()).or_default().push(n);
        }
        for (s, l) in sentences.iter().zip(labels.iter_mut()) {
            let mut i = 0;
            while i < l.len() {
                let hit = by_first.get(s[i].base.as_str()).into_iter().flatten().find(|(k, _)| {
                    i + k.len() <= l.len()
                        && (i..i + k.len()).all(|x| l[x] == 0)
                        && k.iter().enumerate().all(|(n, w)| s[i + n].base == *w)
                });
                if let Some((k, b)) = hit {
                    l[i] = *b;
                    for x in &mut l[i + 1..i + k.len()] {
                        *x = b + 1;
                    }
                    i += k.len();
                } else {
                    i += 1;
                }
            }
        }
        labels
    }

    /// Reads a model file.
    #[must_use]
    pub fn from_bytes(bytes: &[u8]) -> Option<NerModel> {
        let mut r = bytes.strip_prefix(b"AKNER1\n")?;
        let mut take = |n: usize| -> Option<&[u8]> {
            let (a, b) = (r.get(..n)?, r.get(n..)?);
            r = b;
            Some(a)
        };
        let scale = f32::from_le_bytes(take(4)?.try_into().ok()?);
        let mut m = NerModel::default();
        for row in m.transitions.iter_mut() {
            for x in row.iter_mut() {
                *x = f32::from_le_bytes(take(4)?.try_into().ok()?);
            }
        }
        let count = u32::from_le_bytes(take(4)?.try_into().ok()?) as usize;
        m.weights.reserve(count);
        for _ in 0..count {
            let h = u64::from_le_bytes(take(8)?.try_into().ok()?);
            let mut w = [0f32; N];
            for x in &mut w {
                *x = f32::from(i16::from_le_bytes(take(2)?.try_into().ok()?)) * scale;
            }
            m.weights.insert(h, w);
        }
        Some(m)
    }

    /// Writes the model: weights quantized to 16 bits, features sorted by hash (so the same
    /// training gives the same bytes).
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.weights.values().flatten().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
        let scale = max / 32767.0;
        let mut out = b"AKNER1\n".to_vec();
        out.extend(scale.to_le_bytes());
        for row in &self.transitions {
            for x in row {
                out.extend(x.to_le_bytes());
            }
        }
        let mut keys: Vec<(&u64, &[f32; N])> = self.weights.iter().collect();
        keys.retain(|(_, w)| w.iter().any(|x| (x / scale).round() != 0.0));
        keys.sort_by_key(|(h, _)| **h);
        out.extend((keys.len() as u32).to_le_bytes());
        for (h, w) in keys {
            out.extend(h.to_le_bytes());
            for x in w {
                out.extend(((x / scale).round().clamp(-32767.0, 32767.0) as i16).to_le_bytes());
            }
        }
        out
    }
}

/// Documents (of the lexicon's 62k) a surname may occur in and still be spread alone: a rarer
/// word than `حسن` or `الأمين`, which are also common words.
const RARE_SURNAME: u32 = 500;

/// The names a document's labels hold: each name's bases, with how often it was found as each
/// type (by its `B-` label).
fn names_found(
    sentences: &[Vec<TokenInfo>],
    labels: &[Vec<usize>],
) -> FxHashMap<Vec<String>, FxHashMap<usize, usize>> {
    let mut found: FxHashMap<Vec<String>, FxHashMap<usize, usize>> = FxHashMap::default();
    for (s, l) in sentences.iter().zip(labels) {
        let mut i = 0;
        while i < l.len() {
            if LABELS[l[i]].starts_with("B-") {
                let mut j = i + 1;
                while j < l.len() && LABELS[l[j]].starts_with("I-") {
                    j += 1;
                }
                let key: Vec<String> = s[i..j].iter().map(|t| t.base.clone()).collect();
                *found.entry(key).or_default().entry(l[i]).or_default() += 1;
                i = j;
            } else {
                i += 1;
            }
        }
    }
    found
}

/// One type per name in a document: a name the tagger gave several types takes the type it was
/// given most, when it was given it twice or more and more often than all others together
/// (`بلنسية` read as a place three times and a club once is a place; once each stays as read).
/// `found` is [`names_found`] of the labels, and is kept so: a settled name's counts all go to
/// its type.
fn settle_types(
    sentences: &[Vec<TokenInfo>],
    labels: &mut [Vec<usize>],
    found: &mut FxHashMap<Vec<String>, FxHashMap<usize, usize>>,
) {
    let mut settled: FxHashMap<Vec<String>, usize> = FxHashMap::default();
    for (k, types) in found.iter_mut() {
        let total: usize = types.values().sum();
        let Some((&b, &n)) = types.iter().max_by_key(|(l, n)| (**n, std::cmp::Reverse(**l))) else {
            continue;
        };
        if types.len() > 1 && n >= 2 && n * 2 > total {
            *types = FxHashMap::from_iter([(b, total)]);
            settled.insert(k.clone(), b);
        }
    }
    if settled.is_empty() {
        return;
    }
    for (s, l) in sentences.iter().zip(labels.iter_mut()) {
        let mut i = 0;
        while i < l.len() {
            let mut j = i + 1;
            if LABELS[l[i]].starts_with("B-") {
                while j < l.len() && LABELS[l[j]].starts_with("I-") {
                    j += 1;
                }
                let key: Vec<String> = s[i..j].iter().map(|t| t.base.clone()).collect();
                if let Some(&b) = settled.get(&key) {
                    l[i] = b;
                    for x in &mut l[i + 1..j] {
                        *x = b + 1;
                    }
                }
            }
            i = j;
        }
    }
}

/// Coordinated names read as one: a word inside a person's or an organization's name that
/// carries the conjunction `و` and no article begins the next name of a list (`طارق السعيد
/// وحسن مصطفى` is two people, `تويوتا وجنرال موتورز` two companies). An organization's own
/// `و`-words take the article (`حركة العدل والمساواة`) and are left alone, but a person's name
/// has no such word (`الحسن والحسين` are two: 5 of 6 in the training part, the sixth an
/// annotation slip). In ANERcorp's training part, a `و`-word after a name's word begins a name
/// of its own 416 times, and continues one 106 times, most of those words whose `و` is no
/// clitic at all (`ولد`, `وقاص`).
///
/// A place's `و`-word, with the article or without, begins the next place (`هولندا
/// والدنمارك`, `الإمارات العربية وقطر`): 233 times in the training part against 18 inside one
/// place, those the few countries named with a `و` (`البوسنة والهرسك`, kept whole as the
/// gazetteer lists it) and annotation slips (`فرنسا وإيطاليا` as one place).
///
/// The segmenter also reads a `و` off foreign names that begin with it (`وايت`, `وليام`): the
/// word is split only when what remains is a more common word than the whole (`حسن` is, `ايت`
/// is not).
fn split_coordinated(sentence: &[TokenInfo], labels: &mut [usize]) {
    let lex = Analyzer::embedded().lexicon();
    for i in 1..sentence.len() {
        let t = &sentence[i];
        if !t.and {
            continue;
        }
        // A person's name never holds a `و`-word with the article (`الحسن والحسين` are two).
        let inside = match LABELS[labels[i]] {
            "I-PER" => true,
            "I-ORG" => !t.article,
            "I-LOC" => !is_listed_name(sentence, labels, i),
            _ => false,
        };
        if inside && lex.frequency(&t.base) > lex.frequency(&t.key) {
            labels[i] -= 1;
        }
    }
}

/// Whether the name that token `i` is inside is, whole, one of the gazetteer's unambiguous
/// names (`البوسنة والهرسك`, `ترينيداد وتوباغو`).
fn is_listed_name(sentence: &[TokenInfo], labels: &[usize], i: usize) -> bool {
    let inside = |l: usize| LABELS[l].starts_with("I-");
    let start = (0..=i).rev().find(|&k| !inside(labels[k])).unwrap_or(0);
    let end = (i + 1..labels.len()).find(|&k| !inside(labels[k])).unwrap_or(labels.len());
    let span = &sentence[start..end];
    names().iter().any(|(name, _)| {
        name.len() == span.len() && name.iter().zip(span).all(|(w, t)| t.base == *w || t.key == *w)
    })
}

/// Words that link the parts of an Arabic name (folded): `بن`, `آل`, `ولد`, `أبو`, `عبد` …
const NAME_LINKS: &[&str] = &["بن", "ابن", "بنت", "ال", "ولد", "ابو", "عبد"];

/// A person's name does not end on a word that links it to the next (`حمد بن عيسى آل` +
/// `خليفة`), and goes on over `بن` or `آل` and the name after it (`عبدالله بن خليفة` + `آل
/// ثاني`). In ANERcorp's training part one person's name of 3,000 ends on such a word, and none
/// is followed by `بن` or `آل` outside it; the tagger, which sees two words on each side, often
/// stops a long lineage short.
fn complete_linked_names(sentence: &[TokenInfo], labels: &mut [usize]) {
    let (b_per, i_per) = (label_index("B-PER"), label_index("I-PER"));
    let word = |i: usize| sentence.get(i).is_some_and(|t| t.kind == 0);
    let mut i = 0;
    while i < labels.len() {
        if labels[i] != b_per {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < labels.len() && labels[end] == i_per {
            end += 1;
        }
        loop {
            let last = sentence[end - 1].key.as_str();
            let next = sentence.get(end).map(|t| t.key.as_str());
            if NAME_LINKS.contains(&last) && word(end) && labels[end] == 0 {
                labels[end] = i_per;
                end += 1;
            } else if next.is_some_and(|n| n == "بن" || n == "ال")
                && labels[end] == 0
                && word(end + 1)
                && matches!(LABELS[labels[end + 1]], "O" | "B-PER")
            {
                labels[end] = i_per;
                labels[end + 1] = i_per;
                end += 2;
            } else {
                break;
            }
        }
        i = end;
    }
}

/// Relative adjectives of nationality, folded, without the article and the final `ي`
/// (`الفرنسي` → `فرنس`).
const NATIONALITIES: &[&str] = &[
    "فرنس",
    "المان",
    "ايطال",
    "اسبان",
    "انجليز",
    "انكليز",
    "بريطان",
    "برتغال",
    "هولند",
    "بلجيك",
    "روس",
    "ترك",
    "يونان",
    "اسكتلند",
    "اسكوتلند",
    "سويسر",
    "نمساو",
    "اوكران",
    "دنمارك",
    "سويد",
    "نرويج",
    "بولند",
    "تشيك",
    "صرب",
    "كروات",
    "رومان",
    "بلغار",
    "مجر",
    "قبرص",
    "اسرائيل",
    "ايران",
    "امريك",
    "اميرك",
    "برازيل",
    "ارجنتين",
    "مكسيك",
    "صين",
    "يابان",
    "كور",
    "هند",
    "باكستان",
    "افغان",
    "مصر",
    "سعود",
    "قطر",
    "امارات",
    "كويت",
    "تونس",
    "مغرب",
    "جزائر",
    "ليب",
    "اردن",
    "لبنان",
    "سور",
    "عراق",
    "بحرين",
    "عمان",
    "يمن",
    "سودان",
    "فلسطين",
];

/// A place's name without the article, followed by a masculine relative adjective of
/// nationality (`هامبورغ الألماني`, `ليل الفرنسي`, `ميلان الإيطالي`), is a club: a city or a
/// country takes the feminine (`هامبورغ الألمانية`), a team the masculine of its implied
/// `فريق` or `نادي`. Only adjectives of nationality count (`مطار صنعاء الدولي` is the airport's
/// adjective, not the city's), and place names with the article are left alone (`المحيط
/// الهندي`, `الخليج العربي`). In ANERcorp's training part clubs named so are ORG three times
/// as often as LOC (the same clubs, annotated as their cities).
///
/// The same holds for a place named as a side's opponent with a masculine pronoun (`على ضيفه
/// بورتو`, `بفوزه على كوبنهاغن`, `أمام مضيفه ليون`): a national team is the country, and takes
/// the feminine (`على مضيفتها جورجيا`, `بفوزها على فرنسا`). In the training part every place so
/// named after a masculine pronoun is a club (6 of 6), every one after a feminine a country (7
/// of 7). Here the article does not matter (`على ضيفه الجزيرة`), and a name the segmenter
/// reads as one (`فالنسيا`: `ف` + `ال` + …) is not missed.
fn clubs_named_after_places(sentence: &[TokenInfo], labels: &mut [usize]) {
    let (b_loc, i_loc) = (label_index("B-LOC"), label_index("I-LOC"));
    let (b_org, i_org) = (label_index("B-ORG"), label_index("I-ORG"));
    for adj in 1..=sentence.len() {
        let end = adj - 1;
        if labels.get(adj).is_some_and(|&l| l != 0)
            || !(labels[end] == b_loc || labels[end] == i_loc)
        {
            continue;
        }
        let nisba = sentence.get(adj).is_some_and(|t| {
            t.key
                .strip_prefix("ال")
                .and_then(|k| k.strip_suffix('ي'))
                .is_some_and(|stem| NATIONALITIES.contains(&stem))
        });
        let mut start = end;
        while start > 0 && labels[start] == i_loc {
            start -= 1;
        }
        let after_club = start > 0 && is_club_noun(&sentence[start - 1]);
        if labels[start] == b_loc
            && ((nisba && !sentence[start].article)
                || after_club
                || masculine_opponent(&sentence[..start]))
        {
            labels[start] = b_org;
            for l in &mut labels[start + 1..=end] {
                *l = i_org;
            }
        }
    }
}

/// `نادي` in the construct state (`نادي قطر`, `لنادي الوحدة`): the word after it names the club.
/// Written with alef maqsura it is the verb (`نادى المتظاهرون بـ…`: called for), which folds
/// the same.
fn is_club_noun(t: &TokenInfo) -> bool {
    t.base == "نادي" && !t.raw.trim_end_matches(akhbar_text::is_arabic_mark).ends_with('ى')
}

/// The word after `نادي` in the construct state is a club's name, ORG, when the tagger left
/// it unlabelled (`نادي الوحدة`; a place's name after it is turned by
/// [`clubs_named_after_places`]). In ANERcorp's training part, the word after it is part of an
/// organization's name 20 times in 22.
fn clubs_after_club_noun(sentence: &[TokenInfo], labels: &mut [usize]) {
    let b_org = label_index("B-ORG");
    let lex = Analyzer::embedded().lexicon();
    for i in 1..sentence.len() {
        let t = &sentence[i];
        if labels[i] == 0
            && labels[i - 1] == 0
            && is_club_noun(&sentence[i - 1])
            && t.kind == 0
            && !lex.is_stop_word(&t.base)
        {
            labels[i] = b_org;
        }
    }
}

/// Nouns of a match that take the side's pronoun (folded, as written before it: `فوزه`,
/// `خسارته`, `لقائه`).
const MATCH_NOUNS: &[&str] =
    &["فوز", "تغلب", "خسارت", "هزيمت", "تعادل", "مواجهت", "لقاي", "مبارات", "انتصار", "سحق"];
/// A side's opponent with the side's masculine pronoun (`ضيفه`, `مضيفه`).
const MASCULINE_OPPONENTS: &[&str] = &["ضيفه", "مضيفه", "منافسه", "غريمه", "خصمه"];

/// Whether the words end with a club's opponent named with a masculine pronoun: `ضيفه`,
/// `مضيفه` … right before, or a match noun with it and `على`, `أمام` or `مع` (`بفوزه على`,
/// `تعادله مع`).
fn masculine_opponent(before: &[TokenInfo]) -> bool {
    // The word without its conjunction and preposition (`وبفوزه` → `فوزه`), as segmented.
    match before {
        [.., last] if MASCULINE_OPPONENTS.contains(&last.base.as_str()) => true,
        [.., noun, prep] if matches!(prep.key.as_str(), "علي" | "امام" | "مع") => {
            noun.base.strip_suffix('ه').is_some_and(|n| MATCH_NOUNS.contains(&n))
        }
        _ => false,
    }
}

/// Nouns that name a work by its title, or a product by its model's name (folded, without the
/// article).
const WORK_NOUNS: &[&str] = &[
    "برنامج",
    "فيلم",
    "مسلسل",
    "كتاب",
    "روايه",
    "البوم",
    "اغنيه",
    "مسرحيه",
    "ديوان",
    "قصيده",
    "عنوان",
    "مجموعه",
    "سياره",
    "طراز",
    "موديل",
    "جوال",
    "هاتف",
];

/// Nouns that name a news medium (folded, without the article).
const MEDIA_NOUNS: &[&str] = &["صحيفه", "جريده", "مجله", "قناه", "وكاله", "اذاعه", "موقع", "شبكه"];

/// Whether a word is one of `nouns`, with its article, an accusative `ا` or a pronoun
/// (`البرنامج`, `برنامجا`, `برنامجها`, `عنوانه`).
fn is_noun_of(t: &TokenInfo, nouns: &[&str]) -> bool {
    let b = t.base.as_str();
    let bare = b.strip_prefix("ال").unwrap_or(b);
    [b, bare].into_iter().any(|w| {
        nouns.contains(&w)
            || ["ها", "ه", "ا"]
                .iter()
                .any(|end| w.strip_suffix(end).is_some_and(|x| nouns.contains(&x)))
    })
}

/// The longest quoted name this pass reads, in tokens.
const MAX_TITLE: usize = 8;

/// A quoted name after a noun that says what it names is a name as a whole, whatever its
/// words look like:
/// - a work's title in guillemets (`برنامج « حكايات »`, `فيلم « حلم »`, `برنامجا بعنوان « مع
///   نور »`, `مسلسل « اللقيطة »`) or a product model's (`موديل « كي جي 320 »`) is MISC. In
///   ANERcorp's training part, 12 of the 13 such names are MISC whole (the odd one a book
///   called after a man and a country). Titles in plain double quotes are not read (13 MISC
///   of 27: serials' titles in them are left unlabelled).
/// - a medium's name in any quotes (`صحيفة " السفير "`, `لصحيفة ' ' نيوز أوف ذا وورلد ' '`,
///   `موقع « غوغل »`) is ORG: all 28 such names in the training part.
///
/// Quotes after other words (quoted phrases, slogans) are not read.
fn quoted_names(sentence: &[TokenInfo], labels: &mut [usize]) {
    let misc = (label_index("B-MISC"), label_index("I-MISC"));
    let org = (label_index("B-ORG"), label_index("I-ORG"));
    let mut open = 1;
    while open < sentence.len() {
        let mark = sentence[open].raw.as_str();
        let (close_mark, guillemets) = match mark {
            "«" => ("»", true),
            "“" => ("”", true),
            "\"" | "'" => (mark, false),
            _ => {
                open += 1;
                continue;
            }
        };
        // A quote written as two apostrophes (`' ' معاريف ' '`).
        let first = if mark == "'" && sentence.get(open + 1).is_some_and(|t| t.raw == "'") {
            open + 2
        } else {
            open + 1
        };
        let len = sentence[first.min(sentence.len())..]
            .iter()
            .take(MAX_TITLE + 1)
            .position(|t| t.raw == close_mark || (t.kind == 3 && t.raw != "-"))
            .filter(|&n| n > 0 && sentence[first + n].raw == close_mark);
        // The noun right before the quote, or two words before it (`برنامجا جديدا بعنوان «`),
        // with no punctuation between.
        let before = &sentence[open.saturating_sub(3)..open];
        let noun_before = |nouns: &[&str]| {
            before
                .iter()
                .rposition(|t| is_noun_of(t, nouns))
                .is_some_and(|w| before[w + 1..].iter().all(|t| t.kind != 3))
        };
        let kind = match len {
            Some(_) if noun_before(MEDIA_NOUNS) => Some(org),
            Some(_) if guillemets && noun_before(WORK_NOUNS) => Some(misc),
            _ => None,
        };
        if let (Some((b, i)), Some(len)) = (kind, len) {
            labels[first] = b;
            for l in &mut labels[first + 1..first + len] {
                *l = i;
            }
            open = first + len + 1;
        } else {
            open += 1;
        }
    }
}

fn viterbi(emissions: &[[f32; N]], transitions: &[[f32; N]; N + 1]) -> Vec<usize> {
    let n = emissions.len();
    let mut score = vec![[f32::NEG_INFINITY; N]; n];
    let mut back = vec![[0usize; N]; n];
    for b in 0..N {
        if allowed(None, b) {
            score[0][b] = transitions[N][b] + emissions[0][b];
        }
    }
    for i in 1..n {
        for b in 0..N {
            let mut best = (f32::NEG_INFINITY, 0);
            for a in 0..N {
                if score[i - 1][a] == f32::NEG_INFINITY || !allowed(Some(a), b) {
                    continue;
                }
                let s = score[i - 1][a] + transitions[a][b];
                if s > best.0 {
                    best = (s, a);
                }
            }
            score[i][b] = best.0 + emissions[i][b];
            back[i][b] = best.1;
        }
    }
    let mut last = (0..N).max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b])).unwrap_or(0);
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = last;
        last = back[i][last];
    }
    out
}

/// One training sentence: tokens and gold label indices.
pub type Sentence = (Vec<TokenInfo>, Vec<usize>);

/// Trains `runs` averaged perceptrons, each over its own fixed shuffle of the sentences, and
/// averages them (one perceptron's weights depend on the order it saw the data in; their mean
/// does much less). Deterministic: the same data gives the same model, whatever the number of
/// cores.
#[must_use]
pub fn train(sentences: &[Sentence], epochs: usize, min_count: u32, runs: usize) -> NerModel {
    // Features of every token, once; rare features are dropped.
    let mut feats: Vec<Vec<Vec<u64>>> = Vec::with_capacity(sentences.len());
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    let mut buf = Vec::new();
    for (toks, _) in sentences {
        let mut s = Vec::with_capacity(toks.len());
        for i in 0..toks.len() {
            features(toks, i, &mut buf);
            for f in &buf {
                *counts.entry(*f).or_default() += 1;
            }
            s.push(buf.clone());
        }
        feats.push(s);
    }
    for s in &mut feats {
        for t in s.iter_mut() {
            t.retain(|f| counts.get(f).copied().unwrap_or(0) >= min_count);
        }
    }
    let runs = runs.max(1);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let mut models: Vec<NerModel> = Vec::with_capacity(runs);
    for group in (0..runs).collect::<Vec<_>>().chunks(threads) {
        let feats = &feats;
        models.extend(std::thread::scope(|scope| {
            let handles: Vec<_> = group
                .iter()
                .map(|&r| scope.spawn(move || train_one(sentences, feats, epochs, r as u64)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect::<Vec<_>>()
        }));
    }
    let mut model = NerModel::default();
    let share = 1.0 / runs as f32;
    for m in &models {
        for (h, w) in &m.weights {
            let e = model.weights.entry(*h).or_insert([0.0; N]);
            for (x, y) in e.iter_mut().zip(w) {
                *x += y * share;
            }
        }
        for (row, mrow) in model.transitions.iter_mut().zip(&m.transitions) {
            for (x, y) in row.iter_mut().zip(mrow) {
                *x += y * share;
            }
        }
    }
    model
}

/// One averaged perceptron over precomputed features, its shuffles seeded by `run`.
fn train_one(sentences: &[Sentence], feats: &[Vec<Vec<u64>>], epochs: usize, run: u64) -> NerModel {
    let mut w: FxHashMap<u64, ([f32; N], [f32; N])> = FxHashMap::default();
    let mut tw = [[0f32; N]; N + 1];
    let mut tu = [[0f32; N]; N + 1];
    let mut c: f32 = 1.0;
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15 ^ run.wrapping_mul(0xD1B5_4A32_D192_ED03);
    for _ in 0..epochs {
        // A fixed pseudo-random shuffle per epoch (Fisher–Yates with an LCG).
        for i in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        for &si in &order {
            let (_, gold) = &sentences[si];
            let f = &feats[si];
            let emissions: Vec<[f32; N]> = f
                .iter()
                .map(|tf| {
                    let mut e = [0f32; N];
                    for h in tf {
                        if let Some((ww, _)) = w.get(h) {
                            for (x, y) in e.iter_mut().zip(ww) {
                                *x += y;
                            }
                        }
                    }
                    e
                })
                .collect();
            let pred = viterbi(&emissions, &tw);
            if pred != *gold {
                for (i, tf) in f.iter().enumerate() {
                    if pred[i] == gold[i] {
                        continue;
                    }
                    for h in tf {
                        let e = w.entry(*h).or_insert(([0.0; N], [0.0; N]));
                        e.0[gold[i]] += 1.0;
                        e.1[gold[i]] += c;
                        e.0[pred[i]] -= 1.0;
                        e.1[pred[i]] -= c;
                    }
                }
                for i in 0..gold.len() {
                    let (gp, pp) = if i == 0 { (N, N) } else { (gold[i - 1], pred[i - 1]) };
                    if gp != pp || gold[i] != pred[i] {
                        tw[gp][gold[i]] += 1.0;
                        tu[gp][gold[i]] += c;
                        tw[pp][pred[i]] -= 1.0;
                        tu[pp][pred[i]] -= c;
                    }
                }
            }
            c += 1.0;
        }
    }
    let mut model = NerModel::default();
    for (h, (ww, uu)) in w {
        let mut avg = [0f32; N];
        for k in 0..N {
            avg[k] = ww[k] - uu[k] / c;
        }
        model.weights.insert(h, avg);
    }
    for a in 0..=N {
        for b in 0..N {
            model.transitions[a][b] = tw[a][b] - tu[a][b] / c;
        }
    }
    model
}

/// The label index of a CoNLL label (`B-PERS` is read as `B-PER`); unknown labels are `O`.
#[must_use]
pub fn label_index(label: &str) -> usize {
    // The decoding passes look their labels up for every sentence: no allocation unless the
    // label is written the ANERcorp way.
    let find = |l: &str| LABELS.iter().position(|x| *x == l);
    find(label).or_else(|| find(&label.replace("PERS", "PER"))).unwrap_or(0)
}

/// An entity found in running text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entity {
    /// The mention as written, without a leading conjunction or preposition (`التحالف الدولي`
    /// in `والتحالف الدولي`).
    pub text: String,
    /// `PER`, `LOC`, `ORG` or `MISC`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Offset of its first char in the text.
    pub start: usize,
    /// Offset after its last char.
    pub end: usize,
    /// Its canonical name: folded-free display form without clitics (`العراق` for `بالعراق`).
    pub canonical: String,
}

/// Unambiguous names for the high-precision pass: folded word sequences and their type.
fn names() -> &'static Vec<(Vec<String>, &'static str)> {
    static N: OnceLock<Vec<(Vec<String>, &'static str)>> = OnceLock::new();
    N.get_or_init(|| {
        let mut v: Vec<(Vec<String>, &'static str)> = akhbar_text::data_lines(GAZ_NAMES)
            .filter_map(|l| {
                let (ty, name) = l.split_once('\t')?;
                let ty: &'static str = match ty {
                    "PER" => "PER",
                    "LOC" => "LOC",
                    "MISC" => "MISC",
                    _ => "ORG",
                };
                Some((akhbar_text::fold(name).split(' ').map(str::to_string).collect(), ty))
            })
            .collect();
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        v
    })
}

/// Institutions whose name is the noun and what follows it (`جهاز مكافحة الإرهاب`,
/// `الحكومة العراقية`, `التحالف الدولي`).
const ORG_HEADS: &[&str] = &[
    "جهاز",
    "وزاره",
    "هييه",
    "مجلس",
    "جامعه",
    "منظمه",
    "حزب",
    "جبهه",
    "وكاله",
    "مصرف",
    "بنك",
    "محكمه",
    "اتحاد",
    "تحالف",
    "الحكومه",
    "الجيش",
    "التحالف",
    "البرلمان",
    "الشرطه",
    "القوات",
    "الاتحاد",
    "المجلس",
    "الوزاره",
    "الجامعه",
    "المنظمه",
    "الهييه",
    "الحركه",
    "المحكمه",
];
/// Places whose name is the noun and the name after it (`قاعدة فيكتوريا`, `مطار بغداد الدولي`).
const LOC_HEADS: &[&str] = &[
    "قاعده",
    "مطار",
    "قطاع",
    "مدينه",
    "محافظه",
    "جزيره",
    "ميناء",
    "معبر",
    "مخيم",
    "ولايه",
    "اقليم",
    "منطقه",
];
/// Heads of named sites (a base, an airport, a port, a crossing, a camp): the name after
/// them is a place even when the tagger does not know it (`قاعدة حميميم`, `مخيم عين الحلوة`).
const SITE_HEADS: &[&str] = &["قاعده", "مطار", "ميناء", "معبر", "مخيم"];
/// Nouns that begin Arabic place names (`عين الأسد`, `رأس العين`, `دير الزور`, `تل أبيب`).
const TOPONYM_STARTS: &[&str] = &[
    "عين", "راس", "بير", "تل", "جبل", "وادي", "دير", "بيت", "كفر", "خان", "ابو", "بني", "باب",
    "جسر",
];
/// Adjectives that continue a site's name (`مطار المزة العسكري`, `قاعدة الظفرة الجوية`).
const SITE_ADJECTIVES: &[&str] =
    &["العسكري", "العسكريه", "الجوي", "الجويه", "البحري", "البحريه", "الدولي", "الدوليه"];
/// Documents (of the lexicon's 62k) a word may occur in and still pass for a site's name.
const RARE_NAME: u32 = 300;

/// Whether a word's class ([`crate::clusters`], 256 classes) is one of the classes places
/// fall into: those holding at least ten of the gazetteer's places. A base's or an airport's
/// name is seldom in the gazetteer, but it keeps the company of the places that are
/// (`حميميم`, `المزة`, `التيفور` share a class with `إدلب` and `أربيل`; `بياناتهم`,
/// `الاصطياد` do not).
fn in_place_class(base: &str) -> bool {
    static PLACE_CLASSES: OnceLock<FxHashSet<u16>> = OnceLock::new();
    let classes = PLACE_CLASSES.get_or_init(|| {
        // Each gazetteer place in the forms the corpus has it (bare, and with the article).
        let g = gazetteers();
        let mut seen: FxHashSet<u64> = FxHashSet::default();
        let mut count: FxHashMap<u16, usize> = FxHashMap::default();
        for place in &g.loc {
            let bare = place.strip_prefix("ال").unwrap_or(place);
            for form in [bare.to_string(), format!("ال{bare}")] {
                let h = crate::clusters::word_hash(&form);
                if let Some(c) = crate::clusters::embedded().get(&h)
                    && seen.insert(h)
                {
                    *count.entry(c[1]).or_default() += 1;
                }
            }
        }
        count.into_iter().filter(|&(_, n)| n >= 10).map(|(c, _)| c).collect()
    });
    crate::clusters::classes_of(base).is_some_and(|c| classes.contains(&c[1]))
}

/// The end (exclusive) of a site's name starting at word `k`, after a site head noun: a
/// toponym of two words (`عين الأسد`), or one rare word of a place's class that is no nisba
/// adjective (`حميميم`, `المزة`; not `دولي`, `عسكرية`, `العاصمة`, `بياناتهم`), then its
/// adjectives.
fn site_name(
    words: &[&akhbar_text::Analyzed<'_>],
    k: usize,
    spans: &[(usize, usize, String)],
) -> Option<usize> {
    let lex = Analyzer::embedded().lexicon();
    // A word that may be part of the name (a toponym's first noun may be a stop word: `عين`).
    let plain = |i: usize, stop_ok: bool| {
        words.get(i).filter(|a| {
            a.token.kind == TokenKind::Word
                && (stop_ok || !a.stop)
                && !a
                    .segments
                    .iter()
                    .any(|x| matches!(x.role, SegmentRole::Conjunction | SegmentRole::Preposition))
                && !spans.iter().any(|s| s.0 <= i && i < s.1 && s.2 != "LOC")
        })
    };
    let first = plain(k, true)?;
    let b = first.base.as_ref();
    let mut end = if TOPONYM_STARTS.contains(&b) {
        plain(k + 1, false)?;
        k + 2
    } else {
        let bare = b.strip_prefix("ال").unwrap_or(b);
        if first.stop {
            return None;
        }
        let nisba = bare.ends_with('ي') || bare.ends_with("يه");
        if nisba || bare.chars().count() < 3 || lex.frequency(b) >= RARE_NAME || !in_place_class(b)
        {
            return None;
        }
        k + 1
    };
    while words.get(end).is_some_and(|a| SITE_ADJECTIVES.contains(&a.base.as_ref())) {
        end += 1;
    }
    Some(end)
}

/// Adjectives that continue an institution's or a place's name.
const NAME_ADJECTIVES: &[&str] = &[
    "الدولي",
    "الدوليه",
    "الوطني",
    "الوطنيه",
    "العربي",
    "العربيه",
    "الاسلامي",
    "الاسلاميه",
    "الاوروبي",
    "الاوروبيه",
    "الاعلي",
    "الشعبي",
    "الشعبيه",
    "المركزي",
    "المركزيه",
    "الاتحادي",
    "الاتحاديه",
    "المتحده",
];

/// Whether a folded word with the article is a nisba adjective of a nationality or a known
/// place (`العراقية` → `عراق`, `الألمانية` → `المان`) or one of the name adjectives.
fn is_name_adjective(base: &str) -> bool {
    if NAME_ADJECTIVES.contains(&base) {
        return true;
    }
    let Some(bare) = base.strip_prefix("ال") else { return false };
    let g = gazetteers();
    ["يه", "ي", "يين", "يون"].iter().any(|suf| {
        bare.strip_suffix(suf).is_some_and(|root| {
            NATIONALITIES.contains(&root)
                || g.loc.contains(root)
                || g.loc.contains(&format!("ال{root}"))
                || g.loc.contains(&format!("{root}ا"))
                || g.loc.contains(&format!("ال{root}ا"))
        })
    })
}

/// Finds the entities of a text: the embedded model, then a high-precision pass that adds
/// unambiguous names the model missed and completes institutions and places whose head noun
/// belongs to their name (`قاعدة` + `فيكتوريا`).
#[must_use]
pub fn find_entities(text: &str) -> Vec<Entity> {
    find_entities_in(text, &Analyzer::embedded().analyze(text))
}

/// [`find_entities`] over the text's analysis made beforehand (`Analyzer::analyze(text)`), for
/// callers that read the analysis for other work too.
#[must_use]
pub fn find_entities_in(text: &str, analyzed: &[akhbar_text::Analyzed<'_>]) -> Vec<Entity> {
    let model = NerModel::embedded();
    // A hashtag's words are read as words of the sentence they stand in (`أنور #قرقاش` names one
    // man; `#عاصفة_الحزم` an operation); the hashtag token itself is not.
    let words: Vec<&akhbar_text::Analyzed<'_>> =
        analyzed.iter().filter(|a| a.token.kind != TokenKind::Hashtag).collect();
    // Sentences: split at sentence-final punctuation to keep sequences short; the text is one
    // document for the discourse pass.
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let mut end = start;
        while end < words.len() && !matches!(words[end].token.text, "." | "!" | "؟" | "?") {
            end += 1;
        }
        let end = (end + 1).min(words.len());
        bounds.push((start, end));
        start = end;
    }
    let infos: Vec<Vec<TokenInfo>> =
        bounds.iter().map(|&(s, e)| words[s..e].iter().map(|a| info_of(a)).collect()).collect();
    // Token-level spans (start, end exclusive, type).
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    for (&(start, _), labels) in bounds.iter().zip(model.tag_document(&infos)) {
        let mut i = 0;
        while i < labels.len() {
            if let Some(ty) = LABELS[labels[i]].strip_prefix("B-") {
                let mut j = i + 1;
                while j < labels.len() && LABELS[labels[j]].strip_prefix("I-") == Some(ty) {
                    j += 1;
                }
                spans.push((start + i, start + j, ty.to_string()));
                i = j;
            } else {
                i += 1;
            }
        }
    }
    let base = |k: usize| words.get(k).map_or("", |a| a.base.as_ref());
    let covered =
        |spans: &[(usize, usize, String)], k: usize| spans.iter().any(|s| s.0 <= k && k < s.1);
    // Unambiguous names the model missed.
    for k in 0..words.len() {
        if covered(&spans, k) {
            continue;
        }
        for (name, ty) in names() {
            if name.iter().enumerate().all(|(n, w)| {
                base(k + n) == w || words.get(k + n).is_some_and(|a| a.token.key == *w)
            }) && !(k..k + name.len()).any(|x| covered(&spans, x))
            {
                spans.push((k, k + name.len(), (*ty).to_string()));
                break;
            }
        }
    }
    // Head nouns: `قاعدة` before a place, `مطار` + place + `الدولي`, `الحكومة العراقية`,
    // `جهاز مكافحة الإرهاب`.
    let mut extra = Vec::new();
    for k in 0..words.len() {
        let b = base(k);
        let bare = b.strip_prefix("ال").unwrap_or(b);
        if LOC_HEADS.contains(&bare) && !b.starts_with("ال") {
            if let Some(s) = spans.iter_mut().find(|s| s.0 == k + 1 && s.2 == "LOC") {
                s.0 = k;
                while is_name_adjective(base(s.1)) {
                    s.1 += 1;
                }
            } else if SITE_HEADS.contains(&bare)
                && !covered(&spans, k)
                && let Some(e) = site_name(&words, k + 1, &spans)
            {
                extra.push((k, e, "LOC".to_string()));
            }
        } else if ORG_HEADS.contains(&b) && !covered(&spans, k) {
            let mut e = k + 1;
            if b.starts_with("ال") {
                // `الحكومة العراقية`, `التحالف الدولي`
                while is_name_adjective(base(e)) {
                    e += 1;
                }
            } else {
                // `جهاز مكافحة الإرهاب`: the idafa chain up to its first defined noun.
                while e < words.len()
                    && e - k <= 3
                    && words[e].token.kind == TokenKind::Word
                    && !words[e].stop
                    && !covered(&spans, e)
                {
                    let defined = base(e).starts_with("ال");
                    e += 1;
                    if defined {
                        break;
                    }
                }
                while is_name_adjective(base(e)) {
                    e += 1;
                }
                if !base(e - 1).starts_with("ال") {
                    continue;
                }
            }
            if e > k + 1 {
                extra.push((k, e, "ORG".to_string()));
            }
        }
    }
    spans.extend(extra);
    spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    spans.dedup_by(|b, a| b.0 < a.1);
    spans
        .into_iter()
        .filter_map(|(s, e, ty)| {
            let first = words.get(s)?;
            let last = words.get(e.checked_sub(1)?)?;
            // The clitic stays outside the span: `والتحالف` → `التحالف`.
            let skip: usize = first
                .segments
                .iter()
                .take_while(|x| {
                    matches!(x.role, SegmentRole::Conjunction | SegmentRole::Preposition)
                })
                .map(|x| x.text.len())
                .sum();
            let mut skip = if skip >= first.token.text.len() { 0 } else { skip };
            // A proclitic the segmenter left on a rare name (`لملاوي`): the text itself shows
            // the bare form elsewhere.
            if skip == 0
                && let Some(c) = first.token.text.chars().next()
                && matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك')
            {
                let rest = &first.token.key[c.len_utf8()..];
                if rest.chars().count() >= 3 && words.iter().any(|w| w.token.key == rest) {
                    skip = c.len_utf8();
                }
            }
            let byte_start = first.token.byte_start + skip;
            let mention = text.get(byte_start..last.token.byte_end)?;
            // A hashtag's marks are no part of the name: `أنور #قرقاش` → `أنور قرقاش`,
            // `#عاصفة_الحزم` → `عاصفة الحزم`.
            let mut canonical = mention.replace('#', "").replace('_', " ");
            // `للتحالف` lost its article's alef to the preposition: restore it.
            if first.segments.iter().any(|x| x.role == SegmentRole::Article)
                && !canonical.starts_with(['ا', 'ٱ'])
            {
                canonical = format!("ا{canonical}");
            }
            // The accusative of an indefinite noun carries an alef and tanween that are not
            // part of the name: `دولاراً` → `دولار`, `محمداً` → `محمد` (both spellings of the
            // tanween: on the alef or before it).
            for ending in ["اً", "ًا"] {
                if let Some(stem) = canonical.strip_suffix(ending)
                    && stem.chars().count() >= 2
                {
                    canonical = stem.to_string();
                    break;
                }
            }
            Some(Entity {
                text: mention.to_string(),
                kind: ty,
                start: first.token.start + first.token.text[..skip].chars().count(),
                end: last.token.end,
                canonical,
            })
        })
        .collect()
}

fn info_of(a: &akhbar_text::Analyzed<'_>) -> TokenInfo {
    TokenInfo {
        raw: a.token.text.to_string(),
        key: a.token.key.to_string(),
        base: a.base.to_string(),
        stem: a.stem.to_string(),
        clitic: a
            .segments
            .iter()
            .any(|s| matches!(s.role, SegmentRole::Conjunction | SegmentRole::Preposition)),
        and: a
            .segments
            .first()
            .is_some_and(|s| s.role == SegmentRole::Conjunction && s.text == "و")
            && a.segments.len() > 1,
        article: a.segments.iter().any(|s| s.role == SegmentRole::Article),
        kind: match a.token.kind {
            TokenKind::Word => 0,
            TokenKind::Latin => 1,
            TokenKind::Number => 2,
            TokenKind::Punct => 3,
            _ => 4,
        },
        class: crate::clusters::classes_of(a.base.as_ref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny corpus written for this test: training twice gives the same bytes, and the model
    /// learns what it saw.
    #[test]
    fn training_is_deterministic_and_learns() {
        let rows = [
            "التقى الرئيس سامر الخطيب وفدا من شركة نخيل في مدينة صور .",
            "وزار سامر الخطيب مدينة صور أمس .",
            "أعلنت شركة نخيل أرباحها في صور .",
        ];
        let labels = [
            "O O B-PER I-PER O O B-ORG I-ORG O O B-LOC O",
            "O B-PER I-PER O B-LOC O O",
            "O B-ORG I-ORG O O B-LOC O",
        ];
        let data: Vec<Sentence> = rows
            .iter()
            .zip(labels)
            .map(|(r, l)| {
                (r.split(' ').map(token_info).collect(), l.split(' ').map(label_index).collect())
            })
            .collect();
        let a = train(&data, 5, 1, 3);
        let b = train(&data, 5, 1, 3);
        assert_eq!(a.to_bytes(), b.to_bytes());
        let m = NerModel::from_bytes(&a.to_bytes()).expect("reads back");
        let got: Vec<&str> = m.tag(&data[1].0).into_iter().map(|i| LABELS[i]).collect();
        assert_eq!(got, ["O", "B-PER", "I-PER", "O", "B-LOC", "O", "O"]);
    }

    /// Every entity's char offsets cut its mention out of the text.
    fn assert_offsets_slice_mentions(text: &str, found: &[Entity]) {
        let chars: Vec<char> = text.chars().collect();
        for e in found {
            let slice: String = chars[e.start..e.end].iter().collect();
            assert_eq!(slice, e.text, "offsets slice the mention");
        }
    }

    #[test]
    fn entities_keep_clitics_outside() {
        let text = "وأكدت الحكومة العراقية أن التحالف الدولي سيبقى في العراق، وقال مسؤول إن حماس رفضت العرض.";
        let found = find_entities(text);
        assert_offsets_slice_mentions(text, &found);
        let have = |t: &str, ty: &str| found.iter().any(|e| e.text == t && e.kind == ty);
        assert!(have("الحكومة العراقية", "ORG"), "{found:?}");
        assert!(have("التحالف الدولي", "ORG"), "{found:?}");
        assert!(have("حماس", "ORG"), "{found:?}");
        assert!(have("العراق", "LOC"), "{found:?}");
        // A nationality whose country the gazetteer spells otherwise (`ألمانيا`).
        let german = find_entities("وقالت الحكومة الألمانية إنها سترسل مساعدات.");
        assert!(german.iter().any(|e| e.text == "الحكومة الألمانية"), "{german:?}");
        let glued = find_entities("وصل الوفد بالعراق وللتحالف قوات");
        assert!(glued.iter().any(|e| e.text == "العراق" && e.canonical == "العراق"), "{glued:?}");
        let accusative = find_entities("وقدرت الكلفة بنحو 400 مليون دولاراً.");
        assert!(
            accusative.iter().any(|e| e.text == "دولاراً" && e.canonical == "دولار"),
            "{accusative:?}"
        );
    }

    #[test]
    fn listed_parties_movements_and_agencies_are_organizations() {
        let text = "وانتقدت حركة مجتمع السلم والليكود الاتفاق، فيما حذرت الأونروا من نقص التمويل واشتبكت قوات الدعم السريع مع دورية.";
        let found = find_entities(text);
        assert_offsets_slice_mentions(text, &found);
        for want in ["حركة مجتمع السلم", "الليكود", "الأونروا", "قوات الدعم السريع"]
        {
            assert!(
                found.iter().any(|e| e.canonical == want && e.kind == "ORG"),
                "{want}: {found:?}"
            );
        }
    }

    #[test]
    fn a_hashtag_in_the_sentence_is_read_as_its_words() {
        let text =
            "وقال وزير الدولة للشؤون الخارجية في #الإمارات، أنور #قرقاش، إن #مجلس_التعاون سيجتمع.";
        let found = find_entities(text);
        assert_offsets_slice_mentions(text, &found);
        let named = |c: &str, ty: &str| found.iter().any(|e| e.canonical == c && e.kind == ty);
        assert!(named("أنور قرقاش", "PER"), "{found:?}");
        assert!(named("الإمارات", "LOC"), "{found:?}");
    }

    #[test]
    fn named_sites_after_their_head_noun_are_places() {
        let found = find_entities(
            "قصفت الطائرات قاعدة عين الأسد فجراً، ثم هبطت طائرة الوفد في مطار المزة العسكري قبل أن يزور مخيم عين الحلوة، بينما بقيت قاعدة حميميم في حالة تأهب.",
        );
        let places: Vec<&str> =
            found.iter().filter(|e| e.kind == "LOC").map(|e| e.text.as_str()).collect();
        for want in ["قاعدة عين الأسد", "مطار المزة العسكري", "مخيم عين الحلوة", "قاعدة حميميم"]
        {
            assert!(places.contains(&want), "{want} missing: {places:?}");
        }
        // The same nouns before common words are not places.
        let none = find_entities(
            "أنشأت الشركة قاعدة بيانات للمشتركين، وتخطط لبناء مطار دولي جديد وقاعدة عسكرية، وأغلق مطار العاصمة.",
        );
        assert!(none.iter().all(|e| e.kind != "LOC"), "{none:?}");
    }

    #[test]
    fn a_lineage_is_one_name() {
        let complete = |text: &str, labels: &str| -> Vec<&'static str> {
            let s: Vec<TokenInfo> = text.split(' ').map(token_info).collect();
            let mut l: Vec<usize> = labels.split(' ').map(label_index).collect();
            complete_linked_names(&s, &mut l);
            l.into_iter().map(|i| LABELS[i]).collect()
        };
        // A name stopped on a linking word goes on to the next word.
        assert_eq!(
            complete("التقى سالم بن راشد آل منصور أمس", "O B-PER I-PER I-PER I-PER O O"),
            ["O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O"]
        );
        // A name followed by `بن` or `آل` and a word goes on over both.
        assert_eq!(
            complete("وصل سالم بن راشد آل منصور .", "O B-PER I-PER I-PER O O O"),
            ["O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O"]
        );
        // `ابن` after a name is the common noun (`ابن عمه`), and a link before punctuation
        // links nothing.
        assert_eq!(
            complete("زار سالم منصور ابن عمه", "O B-PER I-PER O O"),
            ["O", "B-PER", "I-PER", "O", "O"]
        );
        assert_eq!(complete("وقال سالم بن .", "O B-PER I-PER O"), ["O", "B-PER", "I-PER", "O"]);
    }

    #[test]
    fn coordinated_names_are_names_of_their_own() {
        let split = |words: &[&str], labels: &[&str]| -> Vec<&'static str> {
            let s: Vec<TokenInfo> = words.iter().map(|w| token_info(w)).collect();
            let mut l: Vec<usize> = labels.iter().map(|x| label_index(x)).collect();
            split_coordinated(&s, &mut l);
            l.into_iter().map(|i| LABELS[i]).collect()
        };
        assert_eq!(
            split(&["طارق", "السعيد", "وحسن", "مصطفى"], &["B-PER", "I-PER", "I-PER", "I-PER"]),
            ["B-PER", "I-PER", "B-PER", "I-PER"]
        );
        assert_eq!(
            split(&["تويوتا", "وجنرال", "موتورز"], &["B-ORG", "I-ORG", "I-ORG"]),
            ["B-ORG", "B-ORG", "I-ORG"]
        );
        // A name's own `و`-word takes the article.
        assert_eq!(
            split(&["حركة", "العدل", "والمساواة"], &["B-ORG", "I-ORG", "I-ORG"]),
            ["B-ORG", "I-ORG", "I-ORG"]
        );
        // Places in a list are places each; a country named with its `و` is one.
        assert_eq!(split(&["هولندا", "والدنمارك"], &["B-LOC", "I-LOC"]), ["B-LOC", "B-LOC"]);
        assert_eq!(
            split(&["الإمارات", "العربية", "وقطر"], &["B-LOC", "I-LOC", "I-LOC"]),
            ["B-LOC", "I-LOC", "B-LOC"]
        );
        assert_eq!(split(&["البوسنة", "والهرسك"], &["B-LOC", "I-LOC"]), ["B-LOC", "I-LOC"]);
        assert_eq!(split(&["ترينيداد", "وتوباغو"], &["B-LOC", "I-LOC"]), ["B-LOC", "I-LOC"]);
        // A person's name holds no `و`-word with the article.
        assert_eq!(split(&["الحسن", "والحسين"], &["B-PER", "I-PER"]), ["B-PER", "B-PER"]);
        // A foreign name's own `و`: what remains is no word of its own.
        assert_eq!(split(&["دانا", "وايت"], &["B-PER", "I-PER"]), ["B-PER", "I-PER"]);
    }

    #[test]
    fn gazetteer_words_match_as_written_in_text() {
        let g = gazetteers();
        // Listed as spelt, found in the folded form the tagger's words take.
        assert!(g.per.contains(&token_info("وائل").base));
        // A foreign first name makes the person feature fire (`ألفريد`), a word that is also
        // common Arabic does not.
        assert!(g.per.contains(&token_info("ألفريد").base));
        assert!(!g.per.contains(&token_info("الان").base));
    }

    #[test]
    fn a_name_keeps_one_type_in_a_document() {
        let doc = |rows: &[(&str, &str)]| -> (Vec<Vec<TokenInfo>>, Vec<Vec<usize>>) {
            rows.iter()
                .map(|(t, l)| {
                    (
                        t.split(' ').map(token_info).collect(),
                        l.split(' ').map(label_index).collect(),
                    )
                })
                .unzip()
        };
        let types =
            |labels: &[Vec<usize>]| -> Vec<&str> { labels.iter().map(|l| LABELS[l[1]]).collect() };
        let (s, mut l) = doc(&[
            ("وصل بلنسية أمس", "O B-LOC O"),
            ("في بلنسية مطر", "O B-LOC O"),
            ("فاز بلنسية أمس", "O B-ORG O"),
        ]);
        let mut found = names_found(&s, &l);
        settle_types(&s, &mut l, &mut found);
        assert_eq!(types(&l), ["B-LOC", "B-LOC", "B-LOC"]);
        assert_eq!(found, names_found(&s, &l), "the counts follow the labels");
        // Once each: no majority, each stays as the tagger read it.
        let (s, mut l) = doc(&[("وصل بلنسية أمس", "O B-LOC O"), ("فاز بلنسية أمس", "O B-ORG O")]);
        let mut found = names_found(&s, &l);
        settle_types(&s, &mut l, &mut found);
        assert_eq!(types(&l), ["B-LOC", "B-ORG"]);
    }

    /// The embedded tagger's labels for a sentence of space-separated tokens.
    fn label(text: &str) -> Vec<&'static str> {
        let s: Vec<TokenInfo> = text.split(' ').map(token_info).collect();
        NerModel::embedded().tag(&s).into_iter().map(|l| LABELS[l]).collect()
    }

    #[test]
    fn a_quoted_name_after_a_noun_saying_what_it_names_is_one_name() {
        // A programme's title, its noun two words before it; a film's, its noun right before.
        let l = label("وتقدم المذيعة برنامجا جديدا بعنوان « مع سلمى » على قناة الفجر .");
        assert_eq!(l[5..9], ["O", "B-MISC", "I-MISC", "O"], "{l:?}");
        let l = label("وكشفت الشركة عن هاتف « نجمة 7 » الجديد .");
        assert_eq!(l[4..8], ["O", "B-MISC", "I-MISC", "O"], "{l:?}");
        let l = label("وعرض المهرجان فيلم « حكايات الجسر القديم » للمخرجة ريم .");
        assert_eq!(l[3..8], ["O", "B-MISC", "I-MISC", "I-MISC", "O"], "{l:?}");
        // A medium's name in any quotes, apostrophes doubled or not, is an organization.
        let l = label("ونقلت صحيفة ' ' الفجر الجديد ' ' عن مصادر .");
        assert_eq!(l[2..7], ["O", "O", "B-ORG", "I-ORG", "O"], "{l:?}");
        let l = label("وقال لقناة \" النهار \" إن الاتفاق قريب .");
        assert_eq!(l[2..5], ["O", "B-ORG", "O"], "{l:?}");
        // A work's title in plain double quotes is left to the tagger.
        let l = label("وعرض المهرجان فيلم \" حكايات الجسر \" للمخرجة ريم .");
        assert!(l.iter().all(|x| !x.ends_with("MISC")), "{l:?}");
        // Quoted words after other nouns, or after punctuation, are not read as titles.
        let l = label("ووصف الوزير ما جرى بأنه « مؤامرة مكشوفة » .");
        assert!(l.iter().all(|x| !x.ends_with("MISC")), "{l:?}");
        let l = label("وانتهى البرنامج . « حكايات » تعود غدا .");
        assert!(l.iter().all(|x| !x.ends_with("MISC")), "{l:?}");
        // An unclosed quote is no title.
        let l = label("وقدم برنامج « حكايات المدينة على القناة الأولى");
        assert!(l.iter().all(|x| !x.ends_with("MISC")), "{l:?}");
    }

    #[test]
    fn a_city_with_a_masculine_nationality_is_its_club() {
        let l = label("وتعادل فريقه مع هامبورغ الألماني بهدف لمثله في المباراة .");
        assert_eq!(l[3..5], ["B-ORG", "O"], "{l:?}");
        // The city itself takes the feminine; an airport's adjective is the airport's.
        let l = label("ووصل الوفد إلى مدينة هامبورغ الألمانية أمس .");
        assert_eq!(l[4], "B-LOC", "{l:?}");
        let l = label("وهبطت الطائرة في مطار صنعاء الدولي مساء أمس .");
        assert_eq!(l[4], "B-LOC", "{l:?}");
        // A place named as the opponent of a side called `he` is a club; of a side called
        // `she`, a national team: the country.
        let rule = |text: &str, labels: &[&str]| -> Vec<&'static str> {
            let s: Vec<TokenInfo> = text.split(' ').map(token_info).collect();
            let mut l: Vec<usize> = labels.iter().map(|x| label_index(x)).collect();
            clubs_named_after_places(&s, &mut l);
            l.into_iter().map(|i| LABELS[i]).collect()
        };
        assert_eq!(rule("وخسر الفريق أمام مضيفه ليون", &["O", "O", "O", "O", "B-LOC"])[4], "B-ORG");
        assert_eq!(rule("عقب فوزه على فالنسيا", &["O", "O", "O", "B-LOC"])[3], "B-ORG");
        assert_eq!(
            rule("وبفوزه على لشبونة 2 - 0", &["O", "O", "B-LOC", "O", "O", "O"])[2],
            "B-ORG"
        );
        assert_eq!(rule("عقب فوزها على فرنسا", &["O", "O", "O", "B-LOC"])[3], "B-LOC");
        assert_eq!(rule("على مضيفتها جورجيا", &["O", "O", "B-LOC"])[2], "B-LOC");
        assert_eq!(rule("وصل ضيفه إلى ليون", &["O", "O", "O", "B-LOC"])[3], "B-LOC");
        // The word after `نادي` names the club, a place's name too; not a stop word.
        assert_eq!(rule("مدرب نادي قطر", &["O", "O", "B-LOC"])[2], "B-ORG");
        let after = |text: &str| -> Vec<&'static str> {
            let s: Vec<TokenInfo> = text.split(' ').map(token_info).collect();
            let mut l = vec![0; s.len()];
            clubs_after_club_noun(&s, &mut l);
            l.into_iter().map(|i| LABELS[i]).collect()
        };
        assert_eq!(after("وتعاقد نادي الرمال مع المدرب"), ["O", "O", "B-ORG", "O", "O"]);
        assert_eq!(after("لنادي الساحل"), ["O", "B-ORG"]);
        assert_eq!(after("النادي الذي فاز"), ["O", "O", "O"]);
        assert_eq!(after("نادي في المدينة"), ["O", "O", "O"]);
        assert_eq!(after("نادى المحتجون بالإصلاح"), ["O", "O", "O"]);
    }

    #[test]
    fn a_person_named_in_full_is_found_by_the_surname_alone() {
        let rows = [
            ("استقبل الوزير سامر الخطيب وفدا من شركة نخيل .", "O O B-PER I-PER O O B-ORG I-ORG O"),
            ("وزار سامر الخطيب مدينة صور أمس .", "O B-PER I-PER O B-LOC O O"),
            ("وقال المتحدث إن الوفد غادر أمس .", "O O O O O O O"),
        ];
        let data: Vec<Sentence> = rows
            .iter()
            .map(|(r, l)| {
                (r.split(' ').map(token_info).collect(), l.split(' ').map(label_index).collect())
            })
            .collect();
        let m = train(&data, 5, 1, 2);
        let doc: Vec<Vec<TokenInfo>> =
            ["وزار سامر الخطيب مدينة صور أمس .", "وقال الخطيب إن الوفد غادر ."]
                .iter()
                .map(|r| r.split(' ').map(token_info).collect())
                .collect();
        // Alone, the tagger never saw the surname as a name of its own.
        assert_eq!(LABELS[m.tag(&doc[1])[1]], "O");
        let labels = m.tag_document(&doc);
        assert_eq!(LABELS[labels[0][1]], "B-PER");
        assert_eq!(LABELS[labels[1][1]], "B-PER");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in ["", ".", "،،،", "الرئيس", "الرئيس .", "قاعدة", "جهاز", "@x #y https://a.b"]
        {
            let _ = find_entities(t);
        }
        assert!(NerModel::from_bytes(b"garbage").is_none());
    }
}
