//! Word classes learnt from raw news text, for the entity tagger.
//!
//! ANERcorp has 113k training tokens; most names in new text are not among them. Words that
//! occur in the same company are of the same kind (`نيستلروي` and `كاسياس` both follow `الحارس`
//! and `سدد`), so akhbar groups the words of its shared news corpora by the words around them and
//! gives the tagger each word's class: a name unseen in training still has the class of the names
//! it resembles.
//!
//! The grouping is the exchange algorithm (Kneser and Ney 1993; Uszkoreit and Brants 2008) on a
//! two-sided predictive class model: each word is moved to the class that maximizes the
//! likelihood of the words seen before and after the class's members,
//! `Σ_c Σ_x N(c,x) log N(c,x) − Σ_c T(c) log T(c)`, where `N(c,x)` counts context `x` (a word on
//! the left or on the right) next to members of class `c`. Moves are decided in batches against
//! the batch's starting counts (so that they can be weighed on every core) and applied in order:
//! the result does not depend on the number of threads.
//!
//! Three granularities are kept (runs with 64, 256 and 1024 classes): the file
//! `data/clusters.bin` (a binary table of word hashes, no text), rebuilt by `akhbar clusters` (see
//! the README).

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const EMBEDDED: &[u8] = include_bytes!("../data/clusters.bin");

/// A word's class at each granularity, coarse to fine (64, 256 and 1024 classes).
pub type Classes = [u16; 3];

/// The classes of a folded, clitic-free word as [`crate::ner`] sees it (`Analyzed::base`).
#[must_use]
pub fn classes_of(word: &str) -> Option<Classes> {
    embedded().get(&word_hash(word)).copied()
}

/// Every word's classes, by word hash.
#[must_use]
pub fn embedded() -> &'static FxHashMap<u64, Classes> {
    static M: OnceLock<FxHashMap<u64, Classes>> = OnceLock::new();
    M.get_or_init(|| parse(EMBEDDED))
}

/// How the file names a word: its 64-bit FNV-1a hash, as in every data file of akhbar's (the
/// file holds no text; among 75k words a collision is vanishingly rare).
pub use akhbar_text::word_hash;

/// Reads the classes file ([`akhbar_text::hashed`]: each word hash with its class in each run);
/// empty when the bytes are no such table with three runs.
#[must_use]
pub fn parse(bytes: &[u8]) -> FxHashMap<u64, Classes> {
    let Some(table) = akhbar_text::hashed::HashedTable::read(bytes).filter(|t| t.columns == 3)
    else {
        return FxHashMap::default();
    };
    let class = |v: u32| u16::try_from(v).unwrap_or(u16::MAX);
    table.rows().map(|(h, v)| (h, [class(v[0]), class(v[1]), class(v[2])])).collect()
}

/// `a ln a`, with a table for small counts (most of them).
struct XLogX {
    table: Vec<f64>,
}

impl XLogX {
    fn new(size: usize) -> Self {
        XLogX { table: (0..size).map(|a| Self::exact(a as f64)).collect() }
    }

    fn exact(a: f64) -> f64 {
        if a <= 0.0 { 0.0 } else { a * a.ln() }
    }

    #[inline]
    fn f(&self, a: u64) -> f64 {
        match self.table.get(a as usize) {
            Some(v) => *v,
            None => Self::exact(a as f64),
        }
    }
}

/// Clusters words by their contexts. `words[w]` lists word `w`'s contexts as `(context id,
/// count)` (ids below `contexts`), the words ordered by decreasing frequency. Returns each
/// word's class in `0..classes`. Deterministic for a given input.
#[must_use]
pub fn exchange(
    words: &[Vec<(u32, u32)>],
    contexts: usize,
    classes: usize,
    iterations: usize,
    mut progress: impl FnMut(usize, usize, f64),
) -> Vec<u32> {
    let classes = classes.max(2);
    let xlx = XLogX::new(1 << 20);
    // Round-robin by frequency: every class starts with some frequent words.
    let mut class: Vec<u32> = (0..words.len()).map(|w| (w % classes) as u32).collect();
    let totals: Vec<u64> =
        words.iter().map(|c| c.iter().map(|&(_, n)| u64::from(n)).sum()).collect();
    let mut n = vec![0u64; classes * contexts];
    let mut t = vec![0u64; classes];
    for (w, ctx) in words.iter().enumerate() {
        let c = class[w] as usize;
        t[c] += totals[w];
        for &(x, k) in ctx {
            n[c * contexts + x as usize] += u64::from(k);
        }
    }
    for it in 0..iterations {
        let mut moved = 0usize;
        for (w, ctx) in words.iter().enumerate() {
            let from = class[w] as usize;
            let to = best_class(ctx, totals[w], from, &n, &t, contexts, &xlx);
            if from == to {
                continue;
            }
            moved += 1;
            t[from] -= totals[w];
            t[to] += totals[w];
            for &(x, k) in ctx {
                n[from * contexts + x as usize] -= u64::from(k);
                n[to * contexts + x as usize] += u64::from(k);
            }
            class[w] = to as u32;
        }
        let objective: f64 = (0..classes)
            .map(|c| {
                n[c * contexts..(c + 1) * contexts].iter().map(|&v| xlx.f(v)).sum::<f64>()
                    - xlx.f(t[c])
            })
            .sum();
        progress(it + 1, moved, objective);
        if moved == 0 {
            break;
        }
    }
    class
}

/// The class word `w` (now in `current`) gains most by belonging to.
fn best_class(
    ctx: &[(u32, u32)],
    total: u64,
    current: usize,
    n: &[u64],
    t: &[u64],
    contexts: usize,
    xlx: &XLogX,
) -> usize {
    let classes = t.len();
    let mut best = (f64::NEG_INFINITY, current);
    for d in 0..classes {
        let row = &n[d * contexts..(d + 1) * contexts];
        // The gain of adding w to d, with w first taken out of its own class.
        let gain = if d == current {
            ctx.iter()
                .map(|&(x, k)| {
                    let v = row[x as usize];
                    xlx.f(v) - xlx.f(v - u64::from(k))
                })
                .sum::<f64>()
                - (xlx.f(t[d]) - xlx.f(t[d] - total))
        } else {
            ctx.iter()
                .map(|&(x, k)| {
                    let v = row[x as usize];
                    xlx.f(v + u64::from(k)) - xlx.f(v)
                })
                .sum::<f64>()
                - (xlx.f(t[d] + total) - xlx.f(t[d]))
        };
        // Ties keep the current class, then the lowest class id.
        if gain > best.0 + 1e-9 || (d == current && gain >= best.0 - 1e-9) {
            best = (gain, d);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two kinds of words in two kinds of company: the exchange separates them.
    #[test]
    fn words_in_the_same_company_share_a_class() {
        // Contexts 0–3 surround "names", 4–7 surround "places".
        let names = |s: u32| vec![(0, 5 + s), (1, 4), (2, 6), (3, 3)];
        let places = |s: u32| vec![(4, 5 + s), (5, 4), (6, 6), (7, 3)];
        // Ordered so that the round-robin start mixes the kinds in both classes.
        let words = vec![
            names(3),
            names(2),
            places(3),
            places(2),
            names(1),
            names(0),
            places(1),
            places(0),
        ];
        let is_name = [true, true, false, false, true, true, false, false];
        let class = exchange(&words, 8, 2, 10, |_, _, _| {});
        for w in 0..words.len() {
            assert_eq!(class[w] == class[0], is_name[w], "word {w}: {class:?}");
        }
        assert_ne!(class[0], class[2]);
    }

    #[test]
    fn the_file_reads_back() {
        let h = word_hash("كاسياس");
        let mut bytes = Vec::new();
        akhbar_text::hashed::write_table(
            &mut bytes,
            0,
            3,
            &[(h, vec![3, 41, 700]), (1, vec![1, 2, 3])],
        )
        .expect("write");
        let m = parse(&bytes);
        assert_eq!(m.get(&h), Some(&[3, 41, 700]));
        assert_eq!(m.len(), 2);
        // Two runs only, or no table at all: nothing.
        let mut two = Vec::new();
        akhbar_text::hashed::write_table(&mut two, 0, 2, &[(h, vec![3, 41])]).expect("write");
        assert!(parse(&two).is_empty());
        assert!(parse(b"not a table").is_empty());
    }

    #[test]
    fn embedded_classes_put_cities_together() {
        // Two cities of the corpora share a class; a common verb does not share theirs.
        let (a, b) = (classes_of("اربيل").expect("class"), classes_of("ادلب").expect("class"));
        assert_eq!(a[1], b[1]);
        assert_ne!(classes_of("قال").map(|c| c[1]), Some(a[1]));
    }
}
