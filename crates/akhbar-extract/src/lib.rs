//! From a news page to an article and its sections.
//!
//! An aggregator lives or dies by what it takes from a page: the article and nothing else, and
//! the page's other parts recognised for what they are. [`flat::parse_flat`] reads a page that
//! has been flattened to text (like the seed page): header and dateline, body, source line, site
//! tags, "read also" articles with their embedded posts, and lists of related titles.
//! Sections are recognised by their structure (a short label line, then either a title and
//! paragraphs or a run of short titles) and by a broad vocabulary of labels (`labels`), never
//! by one site's exact strings.
//!
//! ```
//! let page = akhbar_extract::flat::parse_flat("وكالة النهرين - الموصل\n\nافتتح المحافظ الجسر.\n\nالمصدر: وكالة النهرين");
//! assert_eq!(page.outlet.as_deref(), Some("وكالة النهرين"));
//! assert_eq!(page.source.as_deref(), Some("وكالة النهرين"));
//! ```
//!
//! Extraction is pure: no I/O, and no input makes it panic.

pub mod embed;
pub mod flat;
pub mod html;
mod labels;

use serde::Serialize;

/// An article read from a page, with the page's other parts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Page {
    /// The article's headline, when the page shows one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The outlet named in the page's header (`بغداد اليوم` in `بغداد اليوم - بغداد`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The dateline city (`بغداد`, `القاهرة`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// The source line's value (`وكالة بغداد اليوم` from `المصدر: وكالة بغداد اليوم`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The article's text: paragraphs in order, separated by blank lines.
    pub body: String,
    /// Publication time from the page (ISO 8601 as the page gives it), when it shows one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The byline's author.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The page's canonical address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    /// The page's language (`ar`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The text direction (`rtl`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// The lead image's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The page's other parts.
    pub sections: Sections,
}

/// The parts of a page that are not the article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Sections {
    /// "Read also" articles shown inside the page.
    pub read_also: Vec<ReadAlso>,
    /// Titles of the related / similar / most-read lists, in page order.
    pub related_titles: Vec<String>,
    /// Embedded posts (tweets and the like), wherever they appear.
    pub embeds: Vec<Embed>,
    /// The site's own tags for the article, as printed.
    pub site_tags: Vec<String>,
}

/// A "read also" article shown inside the page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReadAlso {
    /// Its headline.
    pub title: String,
    /// Its text (embedded posts taken out).
    pub body: String,
    /// Posts embedded in it.
    pub embeds: Vec<Embed>,
}

/// An embedded social-media post.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Embed {
    /// `twitter`, `instagram`, `facebook`, …
    pub platform: String,
    /// The display name of the account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The account handle, without `@`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    /// The post's date, ISO 8601 (`2024-09-30`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The first link in the post (`https://t.co/…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The post's text as shown.
    pub text: String,
}
