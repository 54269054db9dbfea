//! HTML pages: bytes in any encoding → an article and its sections.
//!
//! 1. Decoding: BOM, the HTTP `Content-Type`, `<meta charset>` / `<meta http-equiv>`, then
//!    detection (chardetng); undecodable bytes become U+FFFD and never abort the page.
//! 2. Metadata: JSON-LD `NewsArticle` (headline, datePublished, author, image), OpenGraph and
//!    `article:*` meta, `<time datetime>`, microdata, the canonical link, language and
//!    direction; visible Arabic dates (through akhbar's date parser) when nothing
//!    machine-readable exists.
//! 3. Text blocks: the DOM is walked into blocks (paragraphs, cells, list items, `<br><br>`
//!    runs). Subtrees that are never article text (scripts, navigation, asides, figures,
//!    forms' controls, hidden elements, embedded posts) are skipped; subtrees whose class or id
//!    names boilerplate (share, related, tags, comments, ads, bylines …) are skipped too, and
//!    mined for the page's sections (site tags, related titles).
//! 4. The main container is the element gathering the most paragraph-like text (long blocks,
//!    few links, commas), readability-style; its blocks that are not link lists, label lines
//!    (`اقرأ أيضاً`, `المصدر:`) or short fragments are the body. Works on obfuscated class
//!    names and on table layouts alike, since only the boilerplate pass reads class names.

use crate::embed::parse_signature;
use crate::labels::{LabelKind, label_at_start};
use crate::{Embed, Page};
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::HashMap;

/// What the caller knows about the page besides its bytes.
#[derive(Debug, Clone, Default)]
pub struct HtmlInput<'a> {
    /// The HTTP `Content-Type` header, if the page came over HTTP.
    pub content_type: Option<&'a str>,
    /// The page's address.
    pub url: Option<&'a str>,
}

/// Decodes a page's bytes: BOM, then the HTTP header, then `<meta>`, then detection.
#[must_use]
pub fn decode(
    bytes: &[u8],
    content_type: Option<&str>,
) -> (String, &'static encoding_rs::Encoding) {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, _) = enc.decode(bytes);
        return (text.into_owned(), enc);
    }
    let declared = content_type
        .and_then(charset_param)
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .or_else(|| meta_charset(bytes));
    if let Some(enc) = declared {
        let (text, _, had_errors) = enc.decode(bytes);
        // A page that says UTF-8 but is not (a common CMS lie): let detection decide.
        if !(had_errors && enc == encoding_rs::UTF_8) {
            return (text.into_owned(), enc);
        }
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let enc = detector.guess(Some(b"sa"), true);
    let (text, _, _) = enc.decode(bytes);
    (text.into_owned(), enc)
}

fn charset_param(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset=")?;
    let rest = &lower[at + 8..];
    let value: String = rest
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| !matches!(c, '"' | '\'' | ';' | ' ' | '>' | '/'))
        .collect();
    (!value.is_empty()).then_some(value)
}

/// The charset a `<meta charset>` or `<meta http-equiv="Content-Type">` declares in the first
/// 4 KB (the HTML prescan).
fn meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: String = head
        .iter()
        .map(|&b| if b.is_ascii() { (b as char).to_ascii_lowercase() } else { ' ' })
        .collect();
    let mut from = 0;
    while let Some(i) = lower[from..].find("<meta") {
        let start = from + i;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        if let Some(label) = charset_param(&lower[start..end]) {
            // UTF-16 declared in a byte-oriented prescan means UTF-8 (the HTML standard).
            let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
            return Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                encoding_rs::UTF_8
            } else {
                enc
            });
        }
        from = end;
    }
    None
}

/// Elements whose subtree is never article text.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "select",
    "option",
    "button",
    "input",
    "textarea",
    "head",
    "nav",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "video",
    "audio",
    "canvas",
    "map",
    "header",
    "dialog",
    "menu",
];

/// Elements that end a text block.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "td",
    "th",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "main",
    "table",
    "tr",
    "pre",
    "address",
    "center",
    "form",
    "fieldset",
    "body",
    "hr",
];

/// Class and id words that name boilerplate.
const BOILERPLATE: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "readmore",
    "also",
    "tags",
    "tag",
    "keywords",
    "comment",
    "comments",
    "newsletter",
    "subscribe",
    "subscription",
    "advert",
    "advertisement",
    "ads",
    "ad",
    "adv",
    "banner",
    "sponsor",
    "sponsored",
    "promo",
    "caption",
    "byline",
    "author",
    "authors",
    "breadcrumb",
    "breadcrumbs",
    "nav",
    "navbar",
    "menu",
    "footer",
    "sidebar",
    "widget",
    "popular",
    "trending",
    "mostread",
    "ticker",
    "breaking",
    "strip",
    "gdpr",
    "cookie",
    "cookies",
    "consent",
    "tweet",
    "twitter",
    "instagram",
    "embed",
    "gallery",
    "print",
    "tools",
    "toolbar",
    "rating",
    "poll",
    "masthead",
    "kicker",
    "meta",
    "views",
    "date",
    "credit",
    "copyright",
    "signup",
    "login",
    "pagination",
    "pager",
    "outbrain",
    "taboola",
    "recommended",
    "recommendations",
    "more",
    "latest",
    "newsticker",
    "bio",
    "skip",
    "modal",
    "popup",
    "overlay",
    "topbar",
    "bottombar",
    "livestrip",
    "headlines",
    "inarticle",
    "dfp",
    "gpt",
];

/// Boilerplate words that skip an element however much text it holds.
const STRONG_BOILERPLATE: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "readmore",
    "comment",
    "comments",
    "newsletter",
    "subscribe",
    "footer",
    "sidebar",
    "nav",
    "navbar",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "gdpr",
    "cookie",
    "consent",
    "outbrain",
    "taboola",
    "advert",
    "advertisement",
    "ads",
    "mostread",
    "ticker",
    "popular",
    "trending",
];

/// Class/id words of boilerplate that holds the page's own tags.
const TAG_BOXES: &[&str] = &["tags", "tag", "keywords"];
/// Class/id words of boilerplate that holds related titles.
const RELATED_BOXES: &[&str] =
    &["related", "readmore", "also", "recommended", "recommendations", "more"];

fn class_words(el: &scraper::node::Element) -> Vec<String> {
    let mut words = Vec::new();
    for v in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        let mut cur = String::new();
        let mut prev_lower = false;
        for c in v.chars() {
            // camelCase splits too: `readMore` → read, more.
            if !c.is_ascii_alphanumeric() || (c.is_ascii_uppercase() && prev_lower) {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
                if !c.is_ascii_alphanumeric() {
                    prev_lower = false;
                    continue;
                }
            }
            prev_lower = c.is_ascii_lowercase();
            cur.push(c.to_ascii_lowercase());
        }
        if !cur.is_empty() {
            words.push(cur);
        }
    }
    // `read` + `also`, `most` + `read`: joined pairs name boxes too.
    let pairs: Vec<String> = words.windows(2).map(|w| format!("{}{}", w[0], w[1])).collect();
    words.extend(pairs);
    words
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || el.attr("style").is_some_and(|s| {
            let s: String =
                s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// A block of text from the page.
#[derive(Debug, Default)]
struct Block {
    text: String,
    link_chars: usize,
    /// The element the block's text sits in, and its ancestors (nearest first).
    ancestors: Vec<ego_tree::NodeId>,
    heading: bool,
}

/// The DOM walker's state.
struct Walker {
    blocks: Vec<Block>,
    current: Block,
    in_link: usize,
    in_heading: usize,
    pending_br: usize,
    site_tags: Vec<String>,
    related: Vec<String>,
    embeds: Vec<Embed>,
    /// Short texts of skipped date, meta and byline boxes: where a page prints its date.
    date_texts: Vec<String>,
}

impl Walker {
    fn flush(&mut self, ancestors: &[ego_tree::NodeId]) {
        let text = normalize_space(&self.current.text);
        if !text.is_empty() {
            let mut b = std::mem::take(&mut self.current);
            b.text = text;
            if b.ancestors.is_empty() {
                b.ancestors = ancestors.to_vec();
            }
            b.heading = self.in_heading > 0 || b.heading;
            self.blocks.push(b);
        } else {
            self.current = Block::default();
        }
    }

    fn walk(&mut self, node: ego_tree::NodeRef<'_, Node>, ancestors: &mut Vec<ego_tree::NodeId>) {
        match node.value() {
            Node::Text(t) => {
                if self.pending_br >= 2 {
                    self.flush(ancestors);
                }
                self.pending_br = 0;
                if self.current.text.is_empty() {
                    self.current.ancestors = ancestors.clone();
                }
                self.current.text.push_str(t);
                if self.in_link > 0 {
                    self.current.link_chars += t.trim().chars().count();
                }
                if self.in_heading > 0 {
                    self.current.heading = true;
                }
            }
            Node::Element(el) => {
                let name = el.name();
                if name == "br" {
                    self.pending_br += 1;
                    self.current.text.push(' ');
                    return;
                }
                if SKIP_TAGS.contains(&name) || is_hidden(el) {
                    self.mine(node, el);
                    return;
                }
                let words = class_words(el);
                if words.iter().any(|w| BOILERPLATE.contains(&w.as_str()))
                    && !is_article_body(&words)
                {
                    // A weak word (`author-x`, `date`, `meta` in a CMS's long class list) on an
                    // element holding much text names a wrapper, not a box: keep walking.
                    let strong = words.iter().any(|w| STRONG_BOILERPLATE.contains(&w.as_str()));
                    let big = ElementRef::wrap(node).is_some_and(|e| {
                        e.text().map(|t| t.trim().chars().count()).sum::<usize>() > 600
                    });
                    if strong || !big {
                        self.mine(node, el);
                        return;
                    }
                }
                let block = BLOCK_TAGS.contains(&name);
                if block {
                    self.flush(ancestors);
                }
                let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                self.in_link += usize::from(name == "a");
                self.in_heading += usize::from(heading);
                ancestors.insert(0, node.id());
                for child in node.children() {
                    self.walk(child, ancestors);
                }
                ancestors.remove(0);
                self.in_link -= usize::from(name == "a");
                self.in_heading -= usize::from(heading);
                if block {
                    self.flush(ancestors);
                }
            }
            _ => {}
        }
    }

    /// Mines a skipped subtree for the page's sections: site tags, related titles, embeds.
    fn mine(&mut self, node: ego_tree::NodeRef<'_, Node>, el: &scraper::node::Element) {
        let Some(er) = ElementRef::wrap(node) else { return };
        let words = class_words(el);
        if el.name() == "blockquote"
            || words.iter().any(|w| matches!(w.as_str(), "tweet" | "twitter" | "instagram"))
        {
            let text = normalize_space(&er.text().collect::<Vec<_>>().join(" "));
            // A flattened tweet ends with its signature: `— Name (@handle) Month D, YYYY`.
            if let Some(dash) = text.rfind(['—', '–'])
                && let Some(mut embed) = parse_signature(&text[dash..])
            {
                embed.text = text[..dash].trim().to_string();
                let link = er
                    .select(&selector("a"))
                    .filter_map(|a| a.value().attr("href"))
                    .find(|h| h.starts_with("http"));
                embed.url = link.map(str::to_string);
                self.embeds.push(embed);
            }
            return;
        }
        if words
            .iter()
            .any(|w| matches!(w.as_str(), "date" | "time" | "meta" | "byline" | "masthead"))
        {
            let text = normalize_space(&er.text().collect::<Vec<_>>().join(" "));
            if word_count(&text) <= 20 {
                self.date_texts.push(text);
            }
        }
        let links: Vec<String> = er
            .select(&selector("a"))
            .map(|a| normalize_space(&a.text().collect::<String>()))
            .filter(|t| !t.is_empty())
            .collect();
        if words.iter().any(|w| TAG_BOXES.contains(&w.as_str()))
            || er.select(&selector("a[rel~=tag]")).next().is_some()
        {
            for t in links {
                if t.split_whitespace().count() <= 5 && !self.site_tags.contains(&t) {
                    self.site_tags.push(t);
                }
            }
        } else if words.iter().any(|w| RELATED_BOXES.contains(&w.as_str())) {
            for t in links {
                if t.split_whitespace().count() >= 3 && !self.related.contains(&t) {
                    self.related.push(t);
                }
            }
        }
    }
}

/// `article-body`, `story-body`, `entry-content`: the body's own container is never skipped,
/// whatever other words its class has.
fn is_article_body(words: &[String]) -> bool {
    words.iter().any(|w| {
        matches!(
            w.as_str(),
            "articlebody"
                | "storybody"
                | "entrycontent"
                | "postcontent"
                | "articletext"
                | "storytext"
                | "newsbody"
                | "articlecontent"
        )
    })
}

fn selector(s: &str) -> Selector {
    // The selectors used here are fixed and valid; an invalid one matches nothing.
    Selector::parse(s)
        .unwrap_or_else(|_| Selector::parse("never-an-element").unwrap_or_else(|_| unreachable!()))
}

fn normalize_space(s: &str) -> String {
    akhbar_text::clean(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn meta_content(doc: &Html, names: &[&str]) -> Option<String> {
    for el in doc.select(&selector("meta")) {
        let v = el.value();
        let key = v
            .attr("property")
            .or(v.attr("name"))
            .or(v.attr("itemprop"))
            .unwrap_or("")
            .to_ascii_lowercase();
        if names.contains(&key.as_str())
            && let Some(c) = v.attr("content")
            && !c.trim().is_empty()
        {
            return Some(c.trim().to_string());
        }
    }
    None
}

/// The fields of a JSON-LD `NewsArticle` (or `Article`, `ReportageNewsArticle`, `BlogPosting`).
#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    published: Option<String>,
    author: Option<String>,
    image: Option<String>,
}

fn json_ld(doc: &Html) -> LdArticle {
    let mut out = LdArticle::default();
    for script in doc.select(&selector("script[type=\"application/ld+json\"]")) {
        let raw: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(raw.trim()) else { continue };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Array(a) => stack.extend(a.iter()),
                serde_json::Value::Object(o) => {
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                    let ty = o.get("@type").map(|t| t.to_string()).unwrap_or_default();
                    if [
                        "NewsArticle",
                        "Article",
                        "ReportageNewsArticle",
                        "BlogPosting",
                        "AnalysisNewsArticle",
                    ]
                    .iter()
                    .any(|k| ty.contains(k))
                    {
                        let s = |k: &str| o.get(k).and_then(|x| x.as_str()).map(str::to_string);
                        out.headline = out.headline.or_else(|| s("headline"));
                        out.published = out.published.or_else(|| s("datePublished"));
                        out.author = out.author.or_else(|| match o.get("author") {
                            Some(serde_json::Value::String(a)) => Some(a.clone()),
                            Some(serde_json::Value::Object(a)) => {
                                a.get("name").and_then(|n| n.as_str()).map(str::to_string)
                            }
                            Some(serde_json::Value::Array(a)) => a
                                .first()
                                .and_then(|x| x.get("name"))
                                .and_then(|n| n.as_str())
                                .map(str::to_string),
                            _ => None,
                        });
                        out.image = out.image.or_else(|| match o.get("image") {
                            Some(serde_json::Value::String(a)) => Some(a.clone()),
                            Some(serde_json::Value::Array(a)) => a.first().and_then(|x| {
                                x.as_str().map(str::to_string).or_else(|| {
                                    x.get("url").and_then(|u| u.as_str()).map(str::to_string)
                                })
                            }),
                            Some(serde_json::Value::Object(a)) => {
                                a.get("url").and_then(|u| u.as_str()).map(str::to_string)
                            }
                            _ => None,
                        });
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_like_prose(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '؟', '?', '…', '"', '»', ')', ':', '،', '”'])
}

/// Reads an HTML page. Never fails: a page with no recognisable article has an empty body.
#[must_use]
pub fn parse_html(bytes: &[u8], input: &HtmlInput<'_>) -> Page {
    let (text, _) = decode(bytes, input.content_type);
    let doc = Html::parse_document(&text);
    let mut page = Page::default();
    let ld = json_ld(&doc);

    // Language, direction, canonical address, image, author.
    if let Some(html) = doc.select(&selector("html")).next() {
        page.language =
            html.value().attr("lang").map(|l| l.trim().to_string()).filter(|l| !l.is_empty());
        page.direction = html
            .value()
            .attr("dir")
            .map(|d| d.trim().to_ascii_lowercase())
            .filter(|d| !d.is_empty());
    }
    page.canonical_url = doc
        .select(&selector("link[rel=canonical]"))
        .find_map(|l| l.value().attr("href").map(str::to_string))
        .or_else(|| meta_content(&doc, &["og:url"]))
        .or_else(|| input.url.map(str::to_string));
    page.image = ld.image.clone().or_else(|| meta_content(&doc, &["og:image", "twitter:image"]));
    page.author = ld.author.clone().or_else(|| meta_content(&doc, &["author", "article:author"]));

    // The text blocks.
    let mut walker = Walker {
        blocks: Vec::new(),
        current: Block::default(),
        in_link: 0,
        in_heading: 0,
        pending_br: 0,
        site_tags: Vec::new(),
        related: Vec::new(),
        embeds: Vec::new(),
        date_texts: Vec::new(),
    };
    let body_root = doc.select(&selector("body")).next().map_or_else(|| doc.tree.root(), |b| *b);
    let mut ancestors = Vec::new();
    walker.walk(body_root, &mut ancestors);
    walker.flush(&[]);

    // The main container: paragraph-like blocks vote for their parent and grandparent.
    let mut score: HashMap<ego_tree::NodeId, f64> = HashMap::new();
    for b in &walker.blocks {
        let chars = b.text.chars().count();
        let density = b.link_chars as f64 / chars.max(1) as f64;
        if chars < 80 || density > 0.3 || b.heading {
            continue;
        }
        let commas = b.text.matches(['،', ',']).count() as f64;
        let s = 1.0 + commas + (chars as f64 / 100.0).min(3.0);
        for (k, id) in b.ancestors.iter().take(3).enumerate() {
            *score.entry(*id).or_default() +=
                s / (1.0 + k as f64 * 0.5).powi(if k == 0 { 0 } else { 1 });
        }
    }
    let best = score.iter().max_by(|a, b| a.1.total_cmp(b.1)).map(|(id, _)| *id);

    let mut paragraphs: Vec<String> = Vec::new();
    let mut first_body_block = walker.blocks.len();
    for (n, b) in walker.blocks.iter().enumerate() {
        if best.is_some_and(|id| !b.ancestors.contains(&id)) || b.heading {
            continue;
        }
        let chars = b.text.chars().count();
        let density = b.link_chars as f64 / chars.max(1) as f64;
        if density > 0.5 {
            continue;
        }
        if let Some((kind, end)) = label_at_start(&b.text) {
            // `المصدر: وكالة …` at the end of the article: the source line, not body.
            let value = crate::flat::label_value(&b.text, end);
            if kind == LabelKind::Source
                && !value.is_empty()
                && word_count(value) <= 12
                && page.source.is_none()
            {
                page.source = Some(value.to_string());
            }
            continue;
        }
        if word_count(&b.text) < 5 && !ends_like_prose(&b.text) {
            continue;
        }
        first_body_block = first_body_block.min(n);
        paragraphs.push(b.text.clone());
    }
    page.dateline = paragraphs.first().and_then(|p| crate::flat::inline_dateline(p));
    page.body = paragraphs.join("\n\n");

    // Title: the page's headline (h1), else JSON-LD, OpenGraph, the <title> without the site.
    let h1 = doc
        .select(&selector("h1"))
        .map(|h| normalize_space(&h.text().collect::<String>()))
        .find(|t| word_count(t) >= 2);
    let og = meta_content(&doc, &["og:title", "twitter:title"]);
    let title_tag = doc
        .select(&selector("title"))
        .next()
        .map(|t| normalize_space(&t.text().collect::<String>()));
    page.title = h1
        .or_else(|| ld.headline.clone())
        .or(og)
        .or_else(|| title_tag.map(|t| headline_of_title(&t, &walker.blocks, first_body_block)))
        .map(|t| normalize_space(&t))
        .filter(|t| !t.is_empty());

    // Publication time: machine-readable first, visible dates last.
    page.published = ld
        .published
        .or_else(|| {
            meta_content(
                &doc,
                &[
                    "article:published_time",
                    "og:article:published_time",
                    "datepublished",
                    "pubdate",
                    "publishdate",
                    "date",
                    "dc.date.issued",
                    "sailthru.date",
                ],
            )
        })
        .or_else(|| {
            doc.select(&selector("time[datetime]"))
                .find_map(|t| t.value().attr("datetime").map(str::to_string))
        })
        .or_else(|| visible_date(&walker.blocks, &walker.date_texts, &doc));

    page.sections.site_tags = walker.site_tags;
    page.sections.related_titles = walker.related;
    page.sections.embeds = walker.embeds;
    page
}

/// `Headline | Site`, `Site : Headline`: the part of the `<title>` the page also shows as a
/// block of its own is the headline; else the longest part.
fn headline_of_title(title: &str, blocks: &[Block], body_start: usize) -> String {
    // A headline-like block before the body that holds nearly every word of the <title> is the
    // headline as shown (`<b>…</b>` in table layouts), even when the <title> words it otherwise.
    let title_words: std::collections::HashSet<String> =
        akhbar_text::fold(title).split(' ').map(str::to_string).collect();
    let shown_headline = blocks[..body_start.min(blocks.len())].iter().rev().find(|b| {
        let n = word_count(&b.text);
        let words: std::collections::HashSet<String> =
            akhbar_text::fold(&b.text).split(' ').map(str::to_string).collect();
        (3..=25).contains(&n)
            && !b.text.ends_with('.')
            && title_words.iter().filter(|w| words.contains(*w)).count() * 5
                >= title_words.len() * 4
    });
    if let Some(b) = shown_headline {
        return b.text.clone();
    }
    let seps = [" | ", " : ", " - ", " — ", " – ", " :: ", " « ", " » ", " / "];
    let Some(sep) = seps.iter().find(|s| title.contains(*s)) else { return title.to_string() };
    let parts: Vec<&str> = title.split(sep).map(str::trim).filter(|p| !p.is_empty()).collect();
    let shown = |p: &str| {
        let key = akhbar_text::fold(p);
        blocks.iter().any(|b| akhbar_text::fold(&b.text) == key)
    };
    parts
        .iter()
        .find(|p| shown(p))
        .or_else(|| parts.iter().max_by_key(|p| p.chars().count()))
        .map_or_else(|| title.to_string(), |p| (*p).to_string())
}

/// A full date printed on the page (`الأحد 10 شوال 1436 هـ - 26 يوليو 2015 م`) when no
/// metadata gives one: the first day with its year in the page's short text blocks.
fn visible_date(blocks: &[Block], date_texts: &[String], doc: &Html) -> Option<String> {
    let mut candidates: Vec<String> =
        doc.select(&selector("time")).map(|t| t.text().collect::<String>()).collect();
    candidates.extend(date_texts.iter().cloned());
    candidates.extend(blocks.iter().filter(|b| word_count(&b.text) <= 12).map(|b| b.text.clone()));
    candidates.iter().find_map(|c| {
        akhbar_enrich::dates::find_dates(c, None).into_iter().find_map(|m| match m.value {
            akhbar_enrich::dates::DateValue::Day(d) => Some(d.to_string()),
            _ => None,
        })
    })
}
