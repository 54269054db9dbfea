//! The whole pipeline for one input record, shared by `process` and `ingest`: extraction (text
//! or HTML), publication day, dates, entities, tags, copies, story and related articles. The
//! linking state (copies, stories, related) lives across records, in publication order.

use akhbar_enrich::dates::{Reference, find_dates, published_from_lead};
use akhbar_enrich::ner::find_entities_in;
use akhbar_enrich::tags::{article_text, body_entities, date_spans, tags_with_dates};
use akhbar_link::CopyKeys;
use akhbar_link::stories::{Article, Merge, RelatedIndex, StoryClusterer, TermVector};
use serde_json::{Value, json};

/// The linking state a batch or a store builds up.
#[derive(Debug, Default)]
pub(crate) struct Pipeline {
    pub(crate) copies: akhbar_link::DuplicateIndex,
    stories: StoryClusterer,
    related: RelatedIndex,
    /// Every article's title, by its number in the story clusterer (the order articles were
    /// linked or restored): a story's title is its representative article's.
    titles: Vec<String>,
    /// Stories merged while linking, not yet taken by the caller (which must pass them on to
    /// what it has already written: the store, or its output lines).
    merges: Vec<Merge>,
}

/// A record's `"id"` as text (a number id is kept as its JSON text).
pub(crate) fn id_text(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The record's `published` as a day and time reference, checked.
pub(crate) fn given_reference(rec: &Value) -> Result<Option<Reference>, String> {
    match rec.get("published").and_then(Value::as_str) {
        Some(g) => Reference::parse(g)
            .map(Some)
            .ok_or_else(|| format!("\"published\" {g:?} is neither ISO 8601 nor RFC 2822")),
        None => Ok(None),
    }
}

/// The page a record carries: its HTML parsed, or its text cleaned.
pub(crate) fn record_page(rec: &Value) -> Result<akhbar_extract::Page, String> {
    if let Some(html) = rec.get("html").and_then(Value::as_str) {
        let input = akhbar_extract::html::HtmlInput {
            content_type: None,
            url: rec.get("url").and_then(Value::as_str),
        };
        Ok(akhbar_extract::html::parse_html(html.as_bytes(), &input))
    } else if let Some(text) = rec.get("text").and_then(Value::as_str) {
        Ok(akhbar_extract::Page { body: akhbar_text::clean(text), ..Default::default() })
    } else {
        Err("record has neither \"text\" nor \"html\"".to_string())
    }
}

/// The title a record's article goes by: the record's own, else the page's.
pub(crate) fn record_title(rec: &Value, page: &akhbar_extract::Page) -> String {
    match rec.get("title").and_then(Value::as_str) {
        Some(t) if !t.trim().is_empty() => akhbar_text::clean(t),
        _ => page.title.clone().unwrap_or_default(),
    }
}

/// What one record yields on its own, before linking: independent of every other record, so
/// records can be enriched in parallel and linked in order afterwards.
#[derive(Debug)]
pub(crate) struct Enriched {
    id: Value,
    id_text: String,
    title: String,
    body: String,
    published: Option<akhbar_enrich::calendar::Civil>,
    fields: Value,
    keys: LinkKeys,
}

/// What the linking stages compare of an article, computed before linking (on all cores).
#[derive(Debug)]
pub(crate) struct LinkKeys {
    copy: CopyKeys,
    vector: TermVector,
}

impl LinkKeys {
    pub(crate) fn of(title: &str, body: &str) -> Self {
        Self::with_vector(title, body, TermVector::of(title, body))
    }

    /// The keys, the story vector made beforehand from the article's analysis.
    fn with_vector(title: &str, body: &str, vector: TermVector) -> Self {
        Self { copy: CopyKeys::of(&format!("{title}\n{body}")), vector }
    }
}

/// Extraction, publication day, dates, entities and tags of one record.
pub(crate) fn enrich(rec: &Value) -> Result<Enriched, String> {
    let page = record_page(rec)?;
    enrich_page(rec, &page)
}

/// [`enrich`] on a page already extracted from the record.
pub(crate) fn enrich_page(rec: &Value, page: &akhbar_extract::Page) -> Result<Enriched, String> {
    let id = rec.get("id").cloned().unwrap_or(Value::Null);
    let title = record_title(rec, page);
    let reference =
        given_reference(rec)?.or_else(|| page.published.as_deref().and_then(Reference::parse));
    let published = reference.map(|r| r.date).or_else(|| published_from_lead(&page.body, None));
    let anchor = published.map(Reference::on);
    // The title, a blank line and the body, analyzed once for entities, tags and the story
    // vector.
    let full = article_text(&title, &page.body);
    let analyzed = akhbar_text::Analyzer::embedded().analyze(&full);
    let entities = find_entities_in(&full, &analyzed);
    // Tags never take a date's words; only dates a text states whole count there (without an
    // anchor, `الغد` in `حزب الغد` or `شهر رمضان` are no dates), so their spans are found apart
    // from the body's anchored dates.
    let dates = find_dates(&page.body, anchor.as_ref());
    let spans = date_spans(&title, &page.body);
    let tags = tags_with_dates(&title, &page.body, &entities, &spans, &analyzed, 8);
    let mut fields = json!({
        "tags": tags.into_iter().map(|t| t.text).collect::<Vec<_>>(),
        "entities": body_entities(&entities, &title),
        "dates": dates,
        "wire": akhbar_link::wire_credits(&page.body),
    });
    let outlet = rec.get("outlet").and_then(Value::as_str).map(str::to_string);
    if let Some(o) = outlet.or_else(|| page.outlet.clone()) {
        fields["outlet"] = json!(o);
    }
    if let Some(u) = &page.canonical_url {
        fields["canonical_url"] = json!(u);
    }
    // An HTML page's other parts ("read also", related titles, embeds, site tags) go along.
    if page.sections != akhbar_extract::Sections::default() {
        fields["sections"] = serde_json::to_value(&page.sections).unwrap_or(Value::Null);
    }
    Ok(Enriched {
        keys: LinkKeys::with_vector(
            &title,
            &page.body,
            TermVector::of_analyzed(&analyzed, title.chars().count()),
        ),
        id_text: id_text(&id),
        id,
        title,
        body: page.body.clone(),
        published,
        fields,
    })
}

/// Enriches records on all cores (results in input order).
pub(crate) fn enrich_all(records: &[&Value]) -> Vec<Result<Enriched, String>> {
    par_map(records, |r| enrich(r))
}

/// Maps items on all cores, results in input order.
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if threads < 2 || items.len() < 2 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        // A panic in a worker is a bug; it is re-raised here rather than hidden.
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

impl Pipeline {
    /// Links an enriched record to what came before it (copies, story, related articles) and
    /// returns the whole output object. `duplicate_of` is the earliest copy known so far; a
    /// batch fills it in again once all records are in.
    pub(crate) fn link(&mut self, e: Enriched) -> Value {
        let Enriched { id, id_text, title, body, published, mut fields, keys } = e;
        let day = published.map(|d| d.days());
        self.copies.add_keys(&id_text, keys.copy);
        let story = self.stories.add_vector(&id_text, &keys.vector, day);
        self.titles.push(title.clone());
        for m in self.stories.take_merges() {
            self.related.merge_story(&m);
            self.merges.push(m);
        }
        // Copies are never "similar articles": the article's copy group so far is left out.
        let exclude: Vec<String> = self.copies.group_of(&id_text);
        let article = Article { id: &id_text, title: &title, body: &body, day };
        let related_list = self.related.add_vector(&article, keys.vector, &story, &exclude, 5);
        fields["id"] = id;
        fields["duplicate_of"] = json!(self.copies.original_of(&id_text));
        fields["story"] = json!(story);
        fields["story_title"] = json!(self.story_title(&story).unwrap_or(&title));
        fields["read_also"] =
            json!(akhbar_link::stories::read_also(&related_list, &story).map(
                |r| json!({"id": r.id, "score": (f64::from(r.score) * 1000.0).round() / 1000.0})
            ));
        fields["related"] = related_list
            .iter()
            .map(|r| json!({"id": r.id, "score": (f64::from(r.score) * 1000.0).round() / 1000.0}))
            .collect();
        fields["published"] = json!(published.map(|d| d.to_string()));
        fields["title"] = json!(title);
        fields["body"] = json!(body);
        fields
    }

    /// The stories merged since the last call, in order.
    pub(crate) fn take_merges(&mut self) -> Vec<Merge> {
        std::mem::take(&mut self.merges)
    }

    /// A story's id now (itself, or the story it was merged into) and that story's title.
    pub(crate) fn current_story<'a>(&'a self, story: &'a str) -> (&'a str, Option<&'a str>) {
        let id = self.stories.current_id(story);
        (id, self.story_title(id))
    }

    /// A story's title now: its representative article's.
    fn story_title(&self, story: &str) -> Option<&str> {
        self.stories.representative(story).and_then(|i| self.titles.get(i)).map(String::as_str)
    }

    /// Puts a stored article back into the linking state without deciding anything anew: its
    /// story is the one it was given.
    pub(crate) fn restore(&mut self, a: &RestoredArticle<'_>, keys: LinkKeys) {
        let article = Article { id: a.id, title: a.title, body: a.body, day: a.day };
        self.copies.add_keys(a.id, keys.copy);
        self.stories.restore(a.story, &keys.vector, a.day);
        self.titles.push(a.title.to_string());
        self.related.insert(&article, keys.vector, a.story);
    }

    /// Restores stored articles in their stored order, their keys computed on all cores.
    pub(crate) fn restore_all(&mut self, articles: &[RestoredArticle<'_>]) {
        for chunk in articles.chunks(1024) {
            let keys = par_map(chunk, |a| LinkKeys::of(a.title, a.body));
            for (a, k) in chunk.iter().zip(keys) {
                self.restore(a, k);
            }
        }
    }
}

/// A stored article as the linking state needs it back.
#[derive(Debug)]
pub(crate) struct RestoredArticle<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    pub(crate) body: &'a str,
    pub(crate) day: Option<i64>,
    pub(crate) story: &'a str,
}
