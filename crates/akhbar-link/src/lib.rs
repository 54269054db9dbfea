//! Linking articles: near-duplicates and syndicated copies (and, as they land, similarity,
//! related articles and stories).
//!
//! [`DuplicateIndex`] takes articles in publication order. Each is reduced to the shingles of
//! its folded words (akhbar's keys, so hamza dropping, digit scripts and punctuation do not
//! matter), summarised by a MinHash signature; LSH bands over the signature find candidate
//! earlier articles without scanning them all, and a containment check on the shingles decides:
//! a copy trimmed at either end or with a lead or tail added still contains most of the
//! other's shingles. The earliest article of a group is the original.
//!
//! ```
//! let mut index = akhbar_link::DuplicateIndex::default();
//! let text = "أعلنت وزارة الصحة تسجيل ثلاث إصابات جديدة في مدينة جدة، وقالت إن المصابين في حالة مستقرة وإن الفرق الطبية تتابع المخالطين منذ صباح اليوم.";
//! assert_eq!(index.add("a", text), None);
//! assert_eq!(index.add("b", &format!("جدة - واس: {text}")), Some("a".to_string()));
//! ```

pub mod stories;

use akhbar_text::{TokenKind, tokenize};
use rustc_hash::{FxHashMap, FxHashSet};
use std::hash::{BuildHasher, Hasher};

/// MinHash functions in a signature.
const HASHES: usize = 96;
/// LSH bands (rows per band = HASHES / BANDS). A copy with a long lead or tail added has a low
/// Jaccard similarity to its original (0.3 when it doubles its length) though it contains it
/// whole: 48 bands of 2 rows find pairs of Jaccard 0.3 with probability 0.99, and the
/// containment check removes the extra candidates.
const BANDS: usize = 48;
const ROWS: usize = HASHES / BANDS;
/// Share of the smaller article's shingles the other must contain to be a copy.
pub const MIN_CONTAINMENT: f64 = 0.8;

/// The folded words of a text (akhbar's keys of its word-like tokens).
fn words(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .filter(|t| {
            matches!(t.kind, TokenKind::Word | TokenKind::Latin | TokenKind::Number)
                && !t.in_hashtag
        })
        .map(|t| t.key.into_owned())
        .collect()
}

/// Word n-grams compared between articles (one n for all, so that any two compare).
const SHINGLE: usize = 4;

/// Hashed word 4-grams.
fn shingles(text: &str) -> Vec<u64> {
    let w = words(text);
    let mut out: Vec<u64> = w
        .windows(SHINGLE)
        .map(|g| {
            let mut h = rustc_hash::FxBuildHasher.build_hasher();
            for x in g {
                h.write(x.as_bytes());
                h.write_u8(0);
            }
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn mix(x: u64, seed: u64) -> u64 {
    // splitmix64 of the shingle and the hash function's seed.
    let mut z = x ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn signature(sh: &[u64]) -> [u64; HASHES] {
    let mut sig = [u64::MAX; HASHES];
    for &s in sh {
        for (k, slot) in sig.iter_mut().enumerate() {
            let v = mix(s, k as u64 + 1);
            if v < *slot {
                *slot = v;
            }
        }
    }
    sig
}

/// How many shingles two sorted sets share.
fn common_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// Share of the smaller set's shingles found in the other (both sorted).
#[must_use]
pub fn containment(a: &[u64], b: &[u64]) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    common_count(a, b) as f64 / small as f64
}

/// What the copy detector compares of a text: its sorted shingles and, when it has enough of
/// them, its MinHash signature.
#[derive(Debug, Clone, Default)]
pub struct CopyKeys {
    shingles: Vec<u64>,
    signature: Option<[u64; BANDS * ROWS]>,
}

impl CopyKeys {
    /// The keys of a text.
    #[must_use]
    pub fn of(text: &str) -> Self {
        let shingles = shingles(text);
        let signature = (shingles.len() >= 3).then(|| signature(&shingles));
        Self { shingles, signature }
    }
}

/// Finds, for each article added in publication order, the earliest earlier article it copies.
/// Copies form groups (an article that copies two earlier ones joins their groups: a wire story
/// republished whole and in part); the earliest article of a group is its original.
#[derive(Debug, Default)]
pub struct DuplicateIndex {
    ids: Vec<String>,
    shingles: Vec<Vec<u64>>,
    /// Union-find parents over article indices; a group's root is its earliest article.
    parent: Vec<usize>,
    /// The members of each group with more than one article, by root.
    members: FxHashMap<usize, Vec<usize>>,
    index: FxHashMap<String, usize>,
    bands: FxHashMap<(usize, u64), Vec<usize>>,
}

impl DuplicateIndex {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The earlier article stays the root.
        if ra == rb {
            return;
        }
        let (keep, join) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[join] = keep;
        let moved = self.members.remove(&join).unwrap_or_else(|| vec![join]);
        self.members.entry(keep).or_insert_with(|| vec![keep]).extend(moved);
    }

    /// Adds an article; returns the id of the original it copies so far, if any (a later
    /// article may still join its group to an earlier one: see [`DuplicateIndex::original_of`]).
    pub fn add(&mut self, id: &str, text: &str) -> Option<String> {
        self.add_keys(id, CopyKeys::of(text))
    }

    /// [`DuplicateIndex::add`] with the text's keys computed beforehand (they need no index,
    /// so a batch can compute them on all cores).
    pub fn add_keys(&mut self, id: &str, keys: CopyKeys) -> Option<String> {
        let CopyKeys { shingles: sh, signature } = keys;
        let me = self.ids.len();
        self.ids.push(id.to_string());
        self.index.insert(id.to_string(), me);
        self.parent.push(me);
        if let Some(sig) = signature {
            let mut candidates: FxHashSet<usize> = FxHashSet::default();
            let keys: Vec<(usize, u64)> = (0..BANDS)
                .map(|b| {
                    let mut h = rustc_hash::FxBuildHasher.build_hasher();
                    for r in 0..ROWS {
                        h.write_u64(sig[b * ROWS + r]);
                    }
                    (b, h.finish())
                })
                .collect();
            for k in &keys {
                if let Some(list) = self.bands.get(k) {
                    candidates.extend(list.iter().copied());
                }
            }
            // Two directions: this article lies within an earlier one (a copy, maybe trimmed),
            // or an earlier one lies within it (a copy with a lead or tail added, or a digest
            // of several stories). A digest must not join the stories it gathers into one group.
            let mut within: Vec<usize> = Vec::new();
            let mut contains: Vec<usize> = Vec::new();
            let mut candidates: Vec<usize> = candidates.into_iter().collect();
            candidates.sort_unstable();
            for c in candidates {
                let common = common_count(&sh, &self.shingles[c]) as f64;
                if common >= MIN_CONTAINMENT * sh.len() as f64 {
                    within.push(c);
                } else if common >= MIN_CONTAINMENT * self.shingles[c].len() as f64 {
                    contains.push(c);
                }
            }
            for c in &within {
                self.union(me, *c);
            }
            let mut groups: Vec<usize> = contains.iter().map(|&c| self.find(c)).collect();
            groups.sort_unstable();
            groups.dedup();
            let own = self.find(me);
            groups.retain(|&g| g != own);
            if groups.len() == 1 && (within.is_empty() || own == self.find(within[0])) {
                self.union(me, groups[0]);
            }
            for k in keys {
                self.bands.entry(k).or_default().push(me);
            }
        }
        self.shingles.push(sh);
        let root = self.find(me);
        (root != me && self.ids[root] != id).then(|| self.ids[root].clone())
    }

    /// The ids of the articles in the same copy group as this one so far (itself excluded).
    pub fn group_of(&mut self, id: &str) -> Vec<String> {
        let Some(&i) = self.index.get(id) else { return Vec::new() };
        let root = self.find(i);
        let members = self.members.get(&root).cloned().unwrap_or_default();
        members.into_iter().filter(|&j| j != i).map(|j| self.ids[j].clone()).collect()
    }

    /// The original of an added article once all are in: the earliest article of its group,
    /// or `None` when the article is an original itself.
    pub fn original_of(&mut self, id: &str) -> Option<String> {
        let i = *self.index.get(id)?;
        let root = self.find(i);
        // A new version of an article is added under the same id: it copies nothing.
        (root != i && self.ids[root] != id).then(|| self.ids[root].clone())
    }
}

/// News agencies whose credit marks a wire copy (folded), with their usual names.
const AGENCIES: &[(&str, &str)] = &[
    ("واس", "واس"),
    ("قنا", "قنا"),
    ("وام", "وام"),
    ("كونا", "كونا"),
    ("بنا", "بنا"),
    ("سبا", "سبأ"),
    ("سانا", "سانا"),
    ("بترا", "بترا"),
    ("رويترز", "رويترز"),
    ("الاناضول", "الأناضول"),
    ("فرانس برس", "فرانس برس"),
    ("ا ف ب", "أ ف ب"),
    ("د ب ا", "د ب أ"),
    ("ا ش ا", "أ ش أ"),
    ("اسوشيتد برس", "أسوشيتد برس"),
    ("يونايتد برس", "يونايتد برس"),
];

/// The wire agencies an article credits (`واس`, `أ ف ب` …), in order of first mention.
#[must_use]
pub fn wire_credits(text: &str) -> Vec<String> {
    let w = words(text);
    let mut out: Vec<String> = Vec::new();
    for i in 0..w.len() {
        for (key, name) in AGENCIES {
            let parts: Vec<&str> = key.split(' ').collect();
            if w.len() >= i + parts.len()
                && parts.iter().enumerate().all(|(k, p)| w[i + k] == *p)
                && !out.iter().any(|o| o == name)
            {
                out.push((*name).to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = "أعلنت هيئة الأرصاد الجوية أن موجة حر شديدة ستضرب المنطقة الشرقية خلال الأيام الثلاثة المقبلة، \
وأن درجات الحرارة قد تصل إلى تسع وأربعين درجة مئوية في الأحساء والدمام، ودعت السكان إلى تجنب التعرض للشمس \
في ساعات الظهيرة وشرب كميات كافية من الماء، كما طالبت أصحاب العمل بوقف العمل في المواقع المكشوفة.";

    #[test]
    fn copies_and_non_copies() {
        let mut idx = DuplicateIndex::default();
        assert_eq!(idx.add("orig", ORIGINAL), None);
        // A wire copy with a dateline added, hamza dropped and Arabic-Indic digits.
        let copy =
            format!("الدمام - واس: {}", ORIGINAL.replace("أ", "ا").replace("تسع وأربعين", "٤٩"));
        assert_eq!(idx.add("copy", &copy), Some("orig".to_string()));
        // A trimmed copy (last sentence cut) still points at the original, not at the copy.
        let trimmed: String = ORIGINAL.chars().take(ORIGINAL.chars().count() * 3 / 4).collect();
        assert_eq!(idx.add("trim", &trimmed), Some("orig".to_string()));
        // Another story on the same topic is not a copy.
        let other = "قالت هيئة الأرصاد إن أمطارا رعدية ستهطل على منطقة عسير ومرتفعات جازان مطلع الأسبوع، \
ودعت الدفاع المدني إلى رفع الجاهزية في الأودية ومجاري السيول، وحذرت السائقين من الانزلاقات على الطرق الجبلية.";
        assert_eq!(idx.add("other", other), None);
    }

    #[test]
    fn wire_agencies() {
        assert_eq!(wire_credits("الرياض - واس: أعلنت الوزارة … (أ ف ب)"), ["واس", "أ ف ب"]);
        assert!(wire_credits("قال الوزير إن الخطة جاهزة").is_empty());
    }
}
