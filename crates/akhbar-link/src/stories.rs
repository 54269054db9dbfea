//! Stories: one event's coverage gathered across outlets, by online clustering in time order.
//!
//! Each article becomes a vector of its content stems (stop words, stop phrases and slight
//! words out) weighted by log frequency, the title counted twice, and specificity against the
//! lexicon's background document frequencies. Candidate stories come from an inverted index
//! on the article's strongest stems (never a scan of every story); the article joins the most
//! similar candidate (cosine to the story's centroid, discounted by the days between them)
//! above a threshold, or opens a story of its own. A story's id is its first article's id,
//! so ids are stable as later articles arrive.

use akhbar_text::{Analyzer, TokenKind};
use rustc_hash::FxHashMap;

/// A story's articles looked at for its title: its early coverage, where the event is named
/// (later articles are follow-ups), and a bound on the work per article.
const TITLE_CANDIDATES: usize = 64;
/// Terms kept per article vector.
const TOP_TERMS: usize = 100;
/// Terms of an article looked up in the inverted index.
const PROBE_TERMS: usize = 30;
/// Similarity an article needs to join a story.
pub const JOIN_THRESHOLD: f32 = 0.25;
/// The weight of a story's nearest member in its similarity to an article (the rest is its
/// centroid's).
const MEMBER_WEIGHT: f32 = 0.7;
/// Earlier articles looked at per posting list when finding an article's nearest members.
const ARTICLE_WINDOW: usize = 200;
/// Days after which an event has usually moved on: similarity fades beyond them.
const FRESH_DAYS: f32 = 3.0;
/// The least similarity to a story as a whole that an article joining it needs.
const MIN_CENTROID: f32 = 0.2;
/// Days a story stays fully open to new articles after its first one; similarity fades after.
const STORY_DAYS: f32 = 7.0;
/// Stories looked at per posting list (the most recently opened ones).
const STORY_WINDOW: usize = 300;
/// Two stories are one when an article is this similar to each (its nearest member and its
/// centroid blended, as when joining)…
pub const MERGE_BOTH: f32 = 0.3;
/// …and their centroids are this similar to each other.
pub const MERGE_CENTROIDS: f32 = 0.45;
/// The weight of an article's similarity to a story first reported on an earlier day (dev
/// stories: the same B-cubed from 0 to 0.65; at 0.7 and above a new turn joins the story it
/// follows).
const LATER_DAY: f32 = 0.6;

/// A term, as the hash of its stem (64 bits: collisions among a corpus's stems are
/// vanishingly rare, and comparing numbers is what makes linking fast at scale).
type TermId = u64;

fn term_id(stem: &str) -> TermId {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(stem.as_bytes());
    h.finish()
}

/// An article's weighted content stems, normalized to unit length.
#[derive(Debug, Clone, Default)]
pub struct TermVector {
    /// Its strongest terms, strongest first: what candidates are looked up by.
    strongest: Vec<(TermId, f32)>,
    /// All its terms, by term id: what is compared.
    by_term: Vec<(TermId, f32)>,
}

impl TermVector {
    /// The vector of an article's title and body, read as one text: the title, a blank line,
    /// the body (the text the entity tagger and the tags read too).
    #[must_use]
    pub fn of(title: &str, body: &str) -> Self {
        let text = format!("{title}\n\n{body}");
        Self::of_analyzed(&Analyzer::embedded().analyze(&text), title.chars().count())
    }

    /// [`TermVector::of`] from that text's analysis, made beforehand: `title_chars` (the
    /// title's length) tells the title's words, which count twice, from the body's.
    #[must_use]
    pub fn of_analyzed(analyzed: &[akhbar_text::Analyzed<'_>], title_chars: usize) -> Self {
        let lex = Analyzer::embedded().lexicon();
        let mut tf: FxHashMap<String, f32> = FxHashMap::default();
        for a in analyzed {
            if a.token.kind != TokenKind::Word || a.stop || a.in_stop_phrase || a.token.in_hashtag {
                continue;
            }
            if a.stem.chars().count() < 3 {
                continue;
            }
            let weight = if a.token.start < title_chars { 2.0 } else { 1.0 };
            *tf.entry(a.stem.to_string()).or_default() += weight;
        }
        let n = f32::from(u16::try_from(lex.documents().min(60_000)).unwrap_or(60_000)).max(1.0);
        let mut v: Vec<(String, f32)> = tf
            .into_iter()
            .map(|(t, f)| {
                let df = lex.frequency(&t) as f32;
                let idf = ((n + 1.0) / (df + 1.0)).ln().max(0.5);
                let w = (1.0 + f.ln()) * idf;
                (t, w)
            })
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v.truncate(TOP_TERMS);
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-6);
        let strongest: Vec<(TermId, f32)> = v.iter().map(|(t, w)| (term_id(t), w / norm)).collect();
        let mut by_term = strongest.clone();
        by_term.sort_unstable_by_key(|&(t, _)| t);
        by_term.dedup_by_key(|&mut (t, _)| t);
        let mut strongest = strongest;
        strongest.truncate(PROBE_TERMS);
        TermVector { strongest, by_term }
    }

    /// Cosine similarity with another vector.
    #[must_use]
    pub fn cosine(&self, other: &TermVector) -> f32 {
        let (a, b) = (&self.by_term, &other.by_term);
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }
}

#[derive(Debug)]
struct Story {
    id: String,
    centroid: FxHashMap<TermId, f32>,
    /// The centroid's length, kept up to date as articles join.
    norm: f32,
    last_day: Option<i64>,
    /// The day it opened.
    first_day: Option<i64>,
    /// Its articles (numbers into the clusterer's article lists).
    members: Vec<usize>,
    /// The story it was merged into, if it was.
    merged_into: Option<usize>,
}

impl Story {
    fn similarity(&self, v: &TermVector) -> f32 {
        let norm = self.norm.max(1e-6);
        v.by_term.iter().filter_map(|(t, w)| self.centroid.get(t).map(|c| w * c / norm)).sum()
    }

    /// The cosine of two stories' centroids.
    fn centroid_cosine(&self, other: &Story) -> f32 {
        let (small, large) =
            if self.centroid.len() <= other.centroid.len() { (self, other) } else { (other, self) };
        let dot: f32 =
            small.centroid.iter().filter_map(|(t, w)| large.centroid.get(t).map(|o| w * o)).sum();
        dot / (self.norm * other.norm).max(1e-6)
    }
}

/// Two stories found to be one: `from`'s articles now belong to `into` (the older story, whose
/// id stays).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merge {
    /// The id of the story merged away.
    pub from: String,
    /// The id of the story that absorbed it.
    pub into: String,
}

/// Gathers articles into stories as they arrive.
#[derive(Debug, Default)]
pub struct StoryClusterer {
    stories: Vec<Story>,
    by_id: FxHashMap<String, usize>,
    postings: FxHashMap<TermId, Vec<usize>>,
    /// Every article's vector and story, and postings of its strongest terms.
    vectors: Vec<TermVector>,
    article_story: Vec<usize>,
    article_postings: FxHashMap<TermId, Vec<usize>>,
    /// Merges made since [`StoryClusterer::take_merges`] was last called.
    merges: Vec<Merge>,
}

impl StoryClusterer {
    /// Adds an article (in publication order; `day` is its publication day as a day number,
    /// when known) and returns its story's id.
    pub fn add(&mut self, id: &str, title: &str, body: &str, day: Option<i64>) -> String {
        self.add_vector(id, &TermVector::of(title, body), day)
    }

    /// [`StoryClusterer::add`] with the article's vector computed beforehand.
    ///
    /// A story's similarity to the article blends its nearest member (one earlier article
    /// telling the same event: the same people, places and specifics) with its centroid (the
    /// story as a whole), so that a large story's broad centroid does not pull in every
    /// article on the topic, and a story is not missed because its centroid has drifted.
    pub fn add_vector(&mut self, id: &str, v: &TermVector, day: Option<i64>) -> String {
        // Candidate stories: those of the most similar earlier articles, and those whose
        // strongest terms the article shares (the most recent per term; older ones have faded).
        let mut nearest: FxHashMap<usize, f32> = FxHashMap::default();
        for a in shortlist(v, &self.article_postings, ARTICLE_WINDOW) {
            let sim = v.cosine(&self.vectors[a]);
            let best = nearest.entry(self.article_story[a]).or_default();
            *best = best.max(sim);
        }
        let mut candidates = shortlist(v, &self.postings, STORY_WINDOW);
        for c in &mut candidates {
            *c = self.resolve(*c);
        }
        candidates.extend(nearest.keys().copied());
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(usize, f32)> = None;
        let mut scored: Vec<(usize, f32)> = Vec::new();
        for s in candidates {
            let story = &self.stories[s];
            let member = nearest.get(&s).copied().unwrap_or(0.0);
            let centroid = story.similarity(v);
            let mut sim = MEMBER_WEIGHT * member + (1.0 - MEMBER_WEIGHT) * centroid;
            if centroid < MIN_CENTROID {
                sim = sim.min(centroid);
            }
            if let (Some(a), Some(b)) = (day, story.last_day) {
                let gap = (a - b).abs() as f32;
                if gap > FRESH_DAYS {
                    sim *= FRESH_DAYS / gap;
                }
            }
            if let (Some(a), Some(b)) = (day, story.first_day) {
                // A story is one event's coverage as it breaks. The next day, what resembles
                // it is often a new turn of the same affair (the strike after the threats of
                // it, the verdict after the hearing), told in the same words: the article
                // continues the story only when it retells it closely. The news day is the
                // publisher's calendar day; in Arab time zones (and UTC) midnight falls in
                // the quiet hours of the news cycle.
                if a > b {
                    sim *= LATER_DAY;
                }
                // An event's coverage is days long; past that, what still resembles the
                // story is the next event on the same topic (the next match report, the next
                // day of a war), which opens a story of its own instead of growing a
                // year-long topic.
                let age = (a - b).abs() as f32;
                if age > STORY_DAYS {
                    sim *= STORY_DAYS / age;
                }
            }
            if best.is_none_or(|(_, b)| sim > b) {
                best = Some((s, sim));
            }
            scored.push((s, sim));
        }
        let mut index = match best {
            Some((s, sim)) if sim >= JOIN_THRESHOLD => s,
            _ => self.new_story(id, day),
        };
        // Two stories opened the same day, alike as wholes, and an article that belongs to
        // both: they were one event, split when its first reports differed (one outlet led
        // with Moscow's warning, another with the White House's deliberations).
        if let Some((first, _)) = best.filter(|&(_, b)| b >= JOIN_THRESHOLD.max(MERGE_BOTH)) {
            let mut others: Vec<usize> = scored
                .iter()
                .filter(|&&(s, sim)| s != first && sim >= MERGE_BOTH)
                .map(|&(s, _)| s)
                .collect();
            others.sort_unstable();
            for other in others {
                let (a, b) = (self.resolve(index), self.resolve(other));
                if a != b
                    && self.opened_together(a, b)
                    && self.stories[a].centroid_cosine(&self.stories[b]) >= MERGE_CENTROIDS
                {
                    index = self.merge(a, b);
                }
            }
        }
        self.join(index, v, day)
    }

    /// The story a story number stands for now (itself, unless it was merged).
    fn resolve(&self, mut s: usize) -> usize {
        while let Some(into) = self.stories[s].merged_into {
            s = into;
        }
        s
    }

    /// Whether two stories opened the same day: one event's first reports, not a new turn of
    /// a running affair (which stays a story of its own).
    fn opened_together(&self, a: usize, b: usize) -> bool {
        match (self.stories[a].first_day, self.stories[b].first_day) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
    }

    /// Merges two stories into the older one (the one opened first); returns its number.
    fn merge(&mut self, a: usize, b: usize) -> usize {
        let (into, from) = (a.min(b), a.max(b));
        let gone = std::mem::take(&mut self.stories[from].centroid);
        let members = std::mem::take(&mut self.stories[from].members);
        let (last, first) = (self.stories[from].last_day, self.stories[from].first_day);
        self.stories[from].merged_into = Some(into);
        self.stories[from].norm = 0.0;
        for &m in &members {
            self.article_story[m] = into;
        }
        let story = &mut self.stories[into];
        for (t, w) in gone {
            *story.centroid.entry(t).or_default() += w;
        }
        story.norm = story.centroid.values().map(|w| w * w).sum::<f32>().sqrt();
        story.last_day = story.last_day.max(last);
        story.first_day = earliest(story.first_day, first);
        story.members.extend(members);
        story.members.sort_unstable();
        self.merges.push(Merge {
            from: self.stories[from].id.clone(),
            into: self.stories[into].id.clone(),
        });
        into
    }

    /// The merges made since the last call, in order (a later merge may absorb the survivor
    /// of an earlier one).
    pub fn take_merges(&mut self) -> Vec<Merge> {
        std::mem::take(&mut self.merges)
    }

    /// The id a story id stands for now: itself, or the story it was merged into.
    #[must_use]
    pub fn current_id<'a>(&'a self, story: &'a str) -> &'a str {
        match self.by_id.get(story) {
            Some(&i) => &self.stories[self.resolve(i)].id,
            None => story,
        }
    }

    /// The article that tells a story best: of its first [`TITLE_CANDIDATES`] articles, the one
    /// closest to the story as a whole (the earliest on ties), as its number in the order
    /// articles were added or restored. A story's first report is often a side of it (a
    /// warning before the strike, one outlet's angle); its most central one names the event.
    #[must_use]
    pub fn representative(&self, story: &str) -> Option<usize> {
        let s = &self.stories[self.resolve(*self.by_id.get(story)?)];
        let mut best: Option<(usize, f32)> = None;
        for &m in s.members.iter().take(TITLE_CANDIDATES) {
            let sim = s.similarity(&self.vectors[m]);
            if best.is_none_or(|(b, bs)| sim > bs + 1e-6 || (sim > bs - 1e-6 && m < b)) {
                best = Some((m, sim));
            }
        }
        best.map(|(m, _)| m)
    }

    /// Puts an article back into the story it was given before (rebuilding the clusterer from
    /// a store after a restart), without deciding anew.
    pub fn restore(&mut self, story: &str, v: &TermVector, day: Option<i64>) {
        let index = match self.by_id.get(story) {
            Some(&i) => self.resolve(i),
            None => self.new_story(story, day),
        };
        self.join(index, v, day);
    }

    fn new_story(&mut self, id: &str, day: Option<i64>) -> usize {
        self.stories.push(Story {
            id: id.to_string(),
            centroid: FxHashMap::default(),
            norm: 0.0,
            last_day: day,
            first_day: day,
            members: Vec::new(),
            merged_into: None,
        });
        self.by_id.insert(id.to_string(), self.stories.len() - 1);
        self.stories.len() - 1
    }

    fn join(&mut self, index: usize, v: &TermVector, day: Option<i64>) -> String {
        let story = &mut self.stories[index];
        for &(t, w) in &v.by_term {
            *story.centroid.entry(t).or_default() += w;
        }
        story.norm = story.centroid.values().map(|w| w * w).sum::<f32>().sqrt();
        story.last_day = match (story.last_day, day) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        story.first_day = earliest(story.first_day, day);
        let me = self.vectors.len();
        story.members.push(me);
        for &(t, _) in &v.strongest {
            self.article_postings.entry(t).or_default().push(me);
        }
        self.vectors.push(v.clone());
        self.article_story.push(index);
        for &(t, _) in &v.strongest {
            let list = self.postings.entry(t).or_default();
            if list.last() != Some(&index) {
                list.push(index);
            }
        }
        story.id.clone()
    }
}

/// The earlier of two times, either of which may be unknown.
fn earliest(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Candidates looked at closely per article: those sharing the most weight of its strongest
/// terms. Comparing with every story or article that shares any one term is quadratic.
const SHORTLIST: usize = 200;

/// The candidates (story or article numbers, ascending) found through an article's strongest
/// terms: the `window` most recent per term, then the [`SHORTLIST`] sharing the most weight.
fn shortlist(
    v: &TermVector,
    postings: &FxHashMap<TermId, Vec<usize>>,
    window: usize,
) -> Vec<usize> {
    let mut shared: FxHashMap<usize, f32> = FxHashMap::default();
    for (t, w) in &v.strongest {
        if let Some(list) = postings.get(t) {
            for &c in list.iter().rev().take(window) {
                *shared.entry(c).or_default() += w;
            }
        }
    }
    let mut ranked: Vec<(usize, f32)> = shared.into_iter().collect();
    if ranked.len() > SHORTLIST {
        ranked.select_nth_unstable_by(SHORTLIST, |a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
        ranked.truncate(SHORTLIST);
    }
    let mut out: Vec<usize> = ranked.into_iter().map(|(c, _)| c).collect();
    out.sort_unstable();
    out
}

/// An article as the linking indexes see it.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its headline.
    pub title: &'a str,
    /// Its text.
    pub body: &'a str,
    /// Its publication day (a day number), when known.
    pub day: Option<i64>,
}

/// A related article: its id and similarity.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// The related article's id.
    pub id: String,
    /// Its similarity in [0, 1].
    pub score: f32,
    /// Its story.
    pub story: String,
}

/// Finds, for each article as it arrives, the earlier articles most similar to it: the
/// "مقالات مشابهة" list. Candidates come from an inverted index on the articles' strongest
/// stems (never a scan of all); copies of the article are left out, and one article per story
/// where the list can afford it.
#[derive(Debug, Default)]
pub struct RelatedIndex {
    ids: Vec<String>,
    vectors: Vec<TermVector>,
    days: Vec<Option<i64>>,
    stories: Vec<String>,
    postings: FxHashMap<TermId, Vec<usize>>,
}

/// Articles looked at per posting list (the most recent ones).
const POSTING_WINDOW: usize = 200;

impl RelatedIndex {
    /// Adds an article and returns up to `k` related earlier articles, best first. `exclude`
    /// names articles never to list (its copies); `story` is its story id.
    pub fn add(
        &mut self,
        article: &Article<'_>,
        story: &str,
        exclude: &[String],
        k: usize,
    ) -> Vec<Related> {
        self.add_vector(article, TermVector::of(article.title, article.body), story, exclude, k)
    }

    /// [`RelatedIndex::add`] with the article's vector computed beforehand.
    pub fn add_vector(
        &mut self,
        article: &Article<'_>,
        v: TermVector,
        story: &str,
        exclude: &[String],
        k: usize,
    ) -> Vec<Related> {
        let id = article.id;
        let candidates = shortlist(&v, &self.postings, POSTING_WINDOW);
        let mut scored: Vec<(usize, f32)> = candidates
            .into_iter()
            .filter(|&c| !exclude.contains(&self.ids[c]) && self.ids[c] != id)
            .map(|c| (c, v.cosine(&self.vectors[c])))
            .filter(|&(_, s)| s > 0.05 && s < 0.95)
            .collect();
        // Best first; on ties the more recent article.
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
        let mut out: Vec<Related> = Vec::new();
        let mut seen_stories: Vec<&str> = Vec::new();
        // One per story first, then fill from the rest.
        for pass in 0..2 {
            for &(c, s) in &scored {
                if out.len() >= k {
                    break;
                }
                let st = self.stories[c].as_str();
                let fresh = !seen_stories.contains(&st);
                if (pass == 0 && fresh) || (pass == 1 && !out.iter().any(|r| r.id == self.ids[c])) {
                    seen_stories.push(st);
                    out.push(Related {
                        id: self.ids[c].clone(),
                        score: (s * 1000.0).round() / 1000.0,
                        story: st.to_string(),
                    });
                }
            }
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        self.push(article, story, v);
        out
    }

    /// Moves the articles of a story merged away into the story that absorbed it.
    pub fn merge_story(&mut self, merge: &Merge) {
        for s in &mut self.stories {
            if *s == merge.from {
                s.clone_from(&merge.into);
            }
        }
    }

    /// Adds an article without listing its related articles (rebuilding from a store).
    pub fn insert(&mut self, article: &Article<'_>, v: TermVector, story: &str) {
        self.push(article, story, v);
    }

    fn push(&mut self, article: &Article<'_>, story: &str, v: TermVector) {
        let Article { id, day, .. } = *article;
        let me = self.ids.len();
        for &(t, _) in &v.strongest {
            self.postings.entry(t).or_default().push(me);
        }
        self.ids.push(id.to_string());
        self.vectors.push(v);
        self.days.push(day);
        self.stories.push(story.to_string());
    }
}

/// The one "read also" article to show with an article: among its related articles (copies
/// are never among them), the best from its own story (the event's earlier coverage), else the
/// best of all.
#[must_use]
pub fn read_also<'r>(related: &'r [Related], story: &str) -> Option<&'r Related> {
    related.iter().find(|r| r.story == story).or_else(|| related.first())
}

/// Similarity of two articles in [0, 1]: the cosine of their content-stem vectors (filler
/// words and stop phrases carry no weight), with the titles compared on their own too.
#[must_use]
pub fn similarity(a_title: &str, a_text: &str, b_title: &str, b_text: &str) -> f32 {
    let body = TermVector::of(a_title, a_text).cosine(&TermVector::of(b_title, b_text));
    let titles = TermVector::of(a_title, "").cosine(&TermVector::of(b_title, ""));
    (0.8 * body + 0.2 * titles).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FLOOD_A: &str = "أعلنت هيئة الدفاع المدني في محافظة جدة إجلاء مئتي أسرة من حي الرويس بعد أن غمرت السيول الشوارع إثر أمطار غزيرة هطلت منذ الفجر، وقالت إن فرق الإنقاذ انتشلت ثلاثة أشخاص من سيارات جرفتها المياه.";
    const FLOOD_B: &str = "واصلت فرق الدفاع المدني في جدة عمليات الإجلاء في حي الرويس وأحياء مجاورة بعد السيول التي خلفتها الأمطار الغزيرة، فيما أعلنت إدارة التعليم تعليق الدراسة في مدارس المحافظة يوم غد.";
    const FOOTBALL: &str = "فاز نادي الاتحاد على ضيفه الشباب بهدفين دون رد في المباراة التي جمعتهما على ملعب مدينة الملك عبدالله الرياضية ضمن الجولة الخامسة من الدوري، ليرتقي إلى صدارة الترتيب مؤقتاً.";

    /// Two reports of one port fire, each told from its own side (the blaze; the shipping),
    /// put into two stories; then a report telling both sides.
    const FIRE: &str = "اندلع حريق ضخم في مستودع للمواد الكيماوية داخل ميناء الشويخ فجر اليوم، وهرعت فرق الإطفاء إلى الموقع وأخمدت النيران بعد ثلاث ساعات، وأعلنت الإدارة العامة للإطفاء إصابة أربعة عمال بحروق طفيفة نقلوا إلى المستشفى.";
    const SHIPS: &str = "علقت مؤسسة الموانئ حركة السفن في ميناء الشويخ بعد حريق مستودع المواد الكيماوية الذي أصيب فيه أربعة عمال، وحولت أربع عشرة سفينة حاويات إلى ميناء الشعيبة، وقالت إن الرصيف الشمالي سيبقى مغلقاً حتى انتهاء فحص السلامة في الميناء.";

    fn fire_stories(second_day: i64) -> StoryClusterer {
        let mut c = StoryClusterer::default();
        c.restore(
            "fire",
            &TermVector::of("حريق في مستودع كيماويات بميناء الشويخ", FIRE),
            Some(200),
        );
        c.restore(
            "ships",
            &TermVector::of("تعليق حركة السفن في ميناء الشويخ بعد الحريق", SHIPS),
            Some(second_day),
        );
        c
    }

    #[test]
    fn a_report_telling_two_stories_event_merges_them_into_the_older() {
        let mut c = fire_stories(200);
        let both = format!("{FIRE} {SHIPS}");
        let story = c.add("both", "حريق ميناء الشويخ يوقف حركة السفن", &both, Some(201));
        assert_eq!(story, "fire");
        assert_eq!(c.take_merges(), vec![Merge { from: "ships".into(), into: "fire".into() }]);
        assert_eq!(c.current_id("ships"), "fire");
        assert!(c.take_merges().is_empty(), "merges are taken once");
        // The next report on the shipping side now joins the merged story.
        let next = c.add("next", "السفن تعود إلى ميناء الشويخ", SHIPS, Some(201));
        assert_eq!(next, "fire");
    }

    #[test]
    fn a_story_fed_daily_does_not_grow_into_a_topic() {
        // A story opened on day 100 and still fed on day 129: an article like its members on
        // day 130 is a new turn of the topic, not the same event a month on.
        let mut c = StoryClusterer::default();
        let v = TermVector::of("حريق في مستودع كيماويات بميناء الشويخ", FIRE);
        c.restore("old", &v, Some(100));
        c.restore("old", &v, Some(129));
        assert_eq!(c.add("new", "حريق في مستودع كيماويات بميناء الشويخ", FIRE, Some(130)), "new");
        // The same article within the story's first week joins it.
        let mut c = StoryClusterer::default();
        c.restore("old", &v, Some(100));
        assert_eq!(c.add("new", "حريق في مستودع كيماويات بميناء الشويخ", FIRE, Some(102)), "old");
    }

    #[test]
    fn a_story_is_named_by_its_most_central_article() {
        // The story opens with the shipping side; then two reports of the fire itself, each
        // also telling the shipping: the fire is what the story is about.
        let mut c = StoryClusterer::default();
        c.restore("ships", &TermVector::of("تعليق حركة السفن في ميناء الشويخ", SHIPS), Some(200));
        let both = format!("{FIRE} {SHIPS}");
        c.restore(
            "ships",
            &TermVector::of("حريق في مستودع كيماويات بميناء الشويخ", &both),
            Some(200),
        );
        c.restore(
            "ships",
            &TermVector::of("حريق في مستودع كيماويات بميناء الشويخ", &both),
            Some(200),
        );
        assert_eq!(c.representative("ships"), Some(1), "the earliest of the two central ones");
        // A story of one article is named by it; an unknown story by none.
        c.restore("flood", &TermVector::of("سيول جدة", FLOOD_A), Some(200));
        assert_eq!(c.representative("flood"), Some(3));
        assert_eq!(c.representative("nothing"), None);
        // A merged story's id names the survivor's representative.
        let mut m = fire_stories(200);
        m.add("both", "حريق ميناء الشويخ يوقف حركة السفن", &both, Some(201));
        assert_eq!(m.representative("ships"), m.representative("fire"));
        assert_eq!(m.representative("fire"), Some(2), "the report telling both sides");
    }

    #[test]
    fn stories_opened_far_apart_are_not_merged() {
        // The same words, but the second story opened ten days later: a new turn, kept apart.
        let mut c = fire_stories(210);
        let both = format!("{FIRE} {SHIPS}");
        c.add("both", "حريق ميناء الشويخ يوقف حركة السفن", &both, Some(210));
        assert!(c.take_merges().is_empty());
    }

    const THREAT: &str = "حذر وزير الدفاع من أن بلاده تدرس توجيه ضربة عسكرية إلى مواقع قوات الجنرال سالم في إقليم الوادي، بعد اتهامها باستخدام أسلحة محظورة ضد المدنيين في بلدة الريان، فيما دعت موسكو إلى التريث حتى ينتهي المحققون الدوليون من عملهم.";
    const WARNING: &str = "قالت الخارجية الروسية إن أي ضربة عسكرية لمواقع قوات الجنرال سالم في إقليم الوادي ستكون تصعيدا خطيرا، مؤكدة أن الاتهامات باستخدام أسلحة محظورة في بلدة الريان لم تثبت بعد، وأن المحققين الدوليين لم يصلوا إلى البلدة.";
    const STRIKE: &str = "أطلقت طائرات حربية وسفن فجر اليوم أكثر من ستين صاروخا على مطار عسكري ومخازن ذخيرة تابعة لقوات الجنرال سالم، وسمع دوي انفجارات قوية في عاصمة الإقليم استمرت نحو ساعة، وقال قائد العملية إن الأهداف دمرت بالكامل.";
    const DAMAGE: &str = "أعلنت قوات الجنرال سالم أن دفاعاتها الجوية اعترضت معظم الصواريخ التي استهدفت المطار العسكري ومخازن الذخيرة فجر اليوم، وأن الانفجارات ألحقت أضرارا مادية دون سقوط قتلى، متهمة المهاجمين بالعدوان على الإقليم.";

    #[test]
    fn the_next_days_turn_of_an_affair_opens_its_own_story() {
        let mut c = StoryClusterer::default();
        let threat =
            c.add("threat", "وزير الدفاع يلوح بضربة لقوات الجنرال سالم", THREAT, Some(300));
        let warning = c.add("warning", "موسكو تحذر من ضربة لإقليم الوادي", WARNING, Some(300));
        assert_eq!(warning, threat, "the same day's warning is the same story");
        // The next day the strike comes, told in the words of the threats of it.
        let strike = c.add("strike", "ضربات على مواقع قوات الجنرال سالم", STRIKE, Some(301));
        let damage = c.add("damage", "قوات سالم: اعترضنا معظم الصواريخ", DAMAGE, Some(301));
        assert_eq!(strike, "strike", "the strike opens a story of its own");
        assert_eq!(damage, "strike", "and its aftermath joins it, not the threats");
        // A next-day report that retells the first day's story closely still continues it.
        let again = c.add("again", "وزير الدفاع يلوح بضربة لقوات الجنرال سالم", THREAT, Some(301));
        assert_eq!(again, threat);
    }

    const DELIBERATION: &str = "قال المتحدث باسم الحكومة إن القرار بشأن ضربة عسكرية لقوات الجنرال سالم لم يتخذ بعد، وإن الخيارات كلها مطروحة في انتظار ما يقوله المحققون الدوليون عن الأسلحة المحظورة التي استخدمت في بلدة الريان بإقليم الوادي.";

    #[test]
    fn two_first_reports_of_one_event_merge_when_a_third_tells_both() {
        // The day's first reports led with different sides (the threat, Moscow's warning) and
        // opened two stories; a report on the deliberations resembles both as wholes.
        let mut c = StoryClusterer::default();
        c.restore("threat", &TermVector::of("وزير الدفاع يلوح بضربة", THREAT), Some(300));
        c.restore("warning", &TermVector::of("موسكو تحذر من ضربة", WARNING), Some(300));
        let story = c.add("talks", "لا قرار بعد بشأن ضربة لقوات سالم", DELIBERATION, Some(300));
        assert_eq!(story, "threat");
        assert_eq!(c.take_merges(), vec![Merge { from: "warning".into(), into: "threat".into() }]);
        // Stories opened on different days stay apart: the later one is a new turn.
        let mut c = StoryClusterer::default();
        c.restore("threat", &TermVector::of("وزير الدفاع يلوح بضربة", THREAT), Some(300));
        c.restore("warning", &TermVector::of("موسكو تحذر من ضربة", WARNING), Some(301));
        c.add("talks", "لا قرار بعد بشأن ضربة لقوات سالم", DELIBERATION, Some(301));
        assert!(c.take_merges().is_empty());
    }

    #[test]
    fn stories_gather_one_event() {
        let mut c = StoryClusterer::default();
        let a = c.add("a", "سيول جدة: إجلاء مئتي أسرة من حي الرويس", FLOOD_A, Some(100));
        let f = c.add("f", "الاتحاد يتصدر الدوري بفوزه على الشباب", FOOTBALL, Some(100));
        let b = c.add("b", "استمرار الإجلاء في جدة وتعليق الدراسة بعد السيول", FLOOD_B, Some(100));
        assert_eq!(a, "a");
        assert_eq!(b, "a", "the second flood report joins the first");
        assert_eq!(f, "f", "the match is a story of its own");
    }

    const MATCH_A2: &str = "قال مدرب الاتحاد بعد الفوز على الشباب بهدفين إن فريقه استحق الصدارة، مشيداً بأداء المهاجمين في المباراة التي أقيمت على ملعب مدينة الملك عبدالله الرياضية.";

    #[test]
    fn a_follow_up_joins_its_event() {
        let mut c = StoryClusterer::default();
        let a = c.add("a", "الاتحاد يتصدر الدوري بفوزه على الشباب", FOOTBALL, Some(100));
        let flood = c.add("flood", "سيول جدة: إجلاء مئتي أسرة من حي الرويس", FLOOD_A, Some(100));
        let a2 =
            c.add("a2", "مدرب الاتحاد: استحققنا الصدارة بعد الفوز على الشباب", MATCH_A2, Some(101));
        assert_eq!(a2, a, "the coach's words after the match join the match report");
        assert_eq!(flood, "flood");
    }

    #[test]
    fn restored_clusterer_decides_as_the_original() {
        let mut live = StoryClusterer::default();
        let mut restored = StoryClusterer::default();
        for (id, title, body) in [("a", "سيول جدة", FLOOD_A), ("f", "الاتحاد يتصدر", FOOTBALL)]
        {
            let story = live.add(id, title, body, Some(100));
            restored.restore(&story, &TermVector::of(title, body), Some(100));
        }
        let title = "استمرار الإجلاء في جدة";
        assert_eq!(
            live.add("b", title, FLOOD_B, Some(100)),
            restored.add("b", title, FLOOD_B, Some(100))
        );
    }

    #[test]
    fn read_also_prefers_the_articles_own_story() {
        let r = |id: &str, score: f32, story: &str| Related {
            id: id.into(),
            score,
            story: story.into(),
        };
        let list = [r("x", 0.6, "other"), r("y", 0.4, "mine"), r("z", 0.3, "mine")];
        assert_eq!(read_also(&list, "mine").map(|r| r.id.as_str()), Some("y"));
        assert_eq!(read_also(&list, "none").map(|r| r.id.as_str()), Some("x"));
        assert_eq!(read_also(&[], "mine"), None);
    }

    #[test]
    fn similarity_ignores_filler() {
        let same = similarity("سيول جدة", FLOOD_A, "الإجلاء في جدة", FLOOD_B);
        let filler = similarity(
            "",
            "دعا الوزير كافة الجهات إلى العمل بشكل كامل",
            "",
            "أكد المدرب أهمية الفوز بشكل كامل في كافة المباريات",
        );
        let other = similarity("سيول جدة", FLOOD_A, "الاتحاد يتصدر", FOOTBALL);
        assert!(same > 0.2 && same <= 1.0, "{same}");
        assert!(filler < 0.05, "stop phrases carry no weight: {filler}");
        assert!(other < same, "{other} < {same}");
    }
}
