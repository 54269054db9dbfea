//! Tags an editor would choose (كلمات دلالية): 4 to 8 ranked tags per article, each in
//! canonical form (clitics removed, a person's fullest name), never a verb, a date, a lone
//! function word, a stop phrase, or a phrase starting or ending with a function word.
//!
//! Candidates are the article's entities, noun phrases of the noun–adjective and idafa kinds
//! (two or three words, the last one defined: `الاتفاق النووي`, `أسعار النفط`) and defined
//! single nouns. Each is scored by frequency in the text (title and lead count more), by
//! specificity against the background document frequencies of `akhbar-text`'s lexicon, and by
//! kind (entities first). Candidates that share a stem sequence merge (`الحوثي`/`الحوثيين`);
//! a surname merges into the full name the text gives.

use crate::dates::find_dates;
use crate::ner::find_entities;
use akhbar_text::{Analyzed, Analyzer, SegmentRole, TokenKind};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// One tag.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tag {
    /// The tag as shown.
    pub text: String,
    /// A short, stable slug for the tag's page (folded words joined by `-`).
    pub slug: String,
    /// Its score (higher first).
    pub score: f64,
}

/// Function words a tag never starts or ends with (folded), beyond the stop list.
const EDGE_WORDS: &[&str] = &[
    "علي",
    "الي",
    "في",
    "من",
    "عن",
    "مع",
    "بين",
    "حول",
    "خلال",
    "بعد",
    "قبل",
    "عند",
    "لدي",
    "منذ",
    "حتي",
    "ان",
    "انه",
    "كان",
    "قد",
    "لم",
    "لن",
    "ما",
    "لا",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "كل",
    "كافه",
    "بشكل",
    "ايضا",
    "اليوم",
    "امس",
    "غير",
    "دون",
    "ضد",
    "وفق",
    "عبر",
];

/// A verb with the future prefix: `سينفي`, `ستعقد` (the rest is a common word on its own).
fn future_verb(word: &str) -> bool {
    let lex = Analyzer::embedded().lexicon();
    let mut ch = word.chars();
    ch.next() == Some('س')
        && matches!(ch.clone().next(), Some('ي' | 'ت' | 'ن'))
        && ch.as_str().chars().count() >= 3
        && lex.frequency(ch.as_str()) > 3 * lex.frequency(word).max(1)
}

/// The slug of a tag: its folded words joined by `-`, at most 60 bytes, cut at a word.
#[must_use]
pub fn slug(tag: &str) -> String {
    let folded = akhbar_text::fold(tag);
    let mut out = String::new();
    for w in folded.split(' ') {
        if !out.is_empty() && out.len() + w.len() + 1 > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(w);
    }
    out
}

/// The word as a tag shows it: clitics off, an elided article restored (`وللتحالف` → `التحالف`).
fn display(a: &Analyzed<'_>) -> String {
    let mut s = String::new();
    for seg in &a.segments {
        match seg.role {
            SegmentRole::Conjunction | SegmentRole::Preposition => {}
            SegmentRole::Article => {
                if !seg.text.starts_with(['ا', 'ٱ']) {
                    s.push('ا');
                }
                s.push_str(seg.text);
            }
            SegmentRole::Stem => s.push_str(seg.text),
        }
    }
    s
}

fn specificity(key: &str) -> f64 {
    let lex = Analyzer::embedded().lexicon();
    let n = f64::from(lex.documents().max(1));
    let df = f64::from(lex.frequency(key));
    ((n + 1.0) / (df + 1.0)).ln()
}

struct Candidate {
    text: String,
    score: f64,
    entity: Option<String>,
    /// How many times the candidate occurs, and whether in the title.
    count: usize,
    in_title: bool,
}

/// Keyphrases of a long document that is not news (an essay, a report): the tag candidates and
/// scoring, with more of them kept.
#[must_use]
pub fn keyphrases(text: &str, max: usize) -> Vec<Tag> {
    // Documents that are not news keep their short single nouns (`الكتب`, `الثقافة`).
    let spans = date_spans("", text);
    let full = article_text("", text);
    let analyzed = Analyzer::embedded().analyze(&full);
    let entities = crate::ner::find_entities_in(&full, &analyzed);
    let article =
        Read { title: "", body: text, entities: &entities, dates: &spans, tokens: &analyzed };
    rank(&article, max, 4, 2)
}

/// Ranks tags for an article.
#[must_use]
/// `entities` are the article's, from [`article_entities`]: callers find them once and use
/// them for their own output too ([`body_entities`]).
pub fn tags(title: &str, body: &str, entities: &[crate::ner::Entity], max: usize) -> Vec<Tag> {
    let full = article_text(title, body);
    let analyzed = Analyzer::embedded().analyze(&full);
    tags_with_dates(title, body, entities, &date_spans(title, body), &analyzed, max)
}

/// The spans (chars, in the title, a blank line and the body) of the dates an article names.
#[must_use]
pub fn date_spans(title: &str, body: &str) -> Vec<(usize, usize)> {
    find_dates(&article_text(title, body), None).iter().map(|d| (d.start, d.end)).collect()
}

/// [`tags`] with what the caller found beforehand: the article's date spans ([`date_spans`],
/// or its own dates shifted to the same text; dates are never tags) and the analysis of
/// [`article_text`] (shared with [`crate::ner::find_entities_in`]).
#[must_use]
pub fn tags_with_dates(
    title: &str,
    body: &str,
    entities: &[crate::ner::Entity],
    dates: &[(usize, usize)],
    analyzed: &[Analyzed<'_>],
    max: usize,
) -> Vec<Tag> {
    // News tags skip slight single nouns (`الأب`, `السم`): a stem of four letters at least, and
    // a lone noun must recur (three times) to be the article's topic rather than its wording.
    let article = Read { title, body, entities, dates, tokens: analyzed };
    let mut out = rank(&article, max, 6, 3);
    // A short article still gets four tags where it has them: relax the two conditions.
    if out.len() < MIN_TAGS.min(max) {
        for t in rank(&article, max, 5, 1) {
            if out.len() >= MIN_TAGS.min(max) {
                break;
            }
            if !out.iter().any(|o| o.slug == t.slug) {
                out.push(t);
            }
        }
    }
    out
}

/// Where a byline at the start of the body ends (chars): up to four words, a dash, one or two
/// words, then a line break or the text (`أميرة المولد – الطائف`, `الرياض - واس`).
fn byline_end(body: &str) -> Option<usize> {
    let head: String = body.chars().take(80).collect();
    let trimmed = head.trim_start();
    let lead = head.chars().count() - trimmed.chars().count();
    let dash = trimmed
        .find([' ', '\u{a0}'])
        .and_then(|_| trimmed.char_indices().find(|&(_, c)| matches!(c, '–' | '—' | '-')))?;
    let before = &trimmed[..dash.0];
    let words = before.split_whitespace().count();
    if words == 0 || words > 4 || before.contains(['.', '،', ':']) {
        return None;
    }
    // The dateline: one or two words after the dash, on the same line.
    let after = &trimmed[dash.0 + dash.1.len_utf8()..];
    let line = after.split('\n').next().unwrap_or("");
    let words_after: Vec<&str> = line.split_whitespace().take(2).collect();
    let last = words_after.last()?;
    let end_in_line = line.find(last)? + last.len();
    Some(
        lead + trimmed[..dash.0 + dash.1.len_utf8()].chars().count()
            + line[..end_in_line].chars().count(),
    )
}

/// An article as the ranking reads it: its title and body, and what was found in them (the
/// entities, the date spans, the analysis of [`article_text`]).
#[derive(Clone, Copy)]
struct Read<'a, 't> {
    title: &'a str,
    body: &'a str,
    entities: &'a [crate::ner::Entity],
    dates: &'a [(usize, usize)],
    tokens: &'a [Analyzed<'t>],
}

/// Tags an article gets when its text offers them.
const MIN_TAGS: usize = 4;

/// Ranks candidates; single defined nouns need at least `min_single` letters (article included)
/// and `single_count` occurrences (unless in the title).
/// The text the tagger reads: the title, a blank line, the body.
#[must_use]
pub fn article_text(title: &str, body: &str) -> String {
    format!("{title}\n\n{body}")
}

/// The entities of an article, found once over its title and body together (a name in the
/// title helps find it in the body), with offsets into the tagger's text.
#[must_use]
pub fn article_entities(title: &str, body: &str) -> Vec<crate::ner::Entity> {
    find_entities(&article_text(title, body))
}

/// The body's part of [`article_entities`], with offsets into the body.
#[must_use]
pub fn body_entities(entities: &[crate::ner::Entity], title: &str) -> Vec<crate::ner::Entity> {
    let shift = title.chars().count() + 2;
    entities
        .iter()
        .filter(|e| e.start >= shift)
        .cloned()
        .map(|mut e| {
            e.start -= shift;
            e.end -= shift;
            e
        })
        .collect()
}

const CAPITALS: &str = include_str!("../data/capitals.txt");
const FIRST_NAMES: &str = include_str!("../data/first_names.txt");

/// The rows of a hand-written `key<TAB>value` list: the key folded, the value as written.
fn keyed_rows(text: &'static str) -> impl Iterator<Item = (String, &'static str)> {
    akhbar_text::data_lines(text).filter_map(|l| {
        let (key, value) = l.split_once('\t')?;
        Some((akhbar_text::fold(key.trim()), value.trim()))
    })
}

/// Public figures' first names by their folded surname.
fn first_names() -> &'static FxHashMap<String, &'static str> {
    static F: std::sync::OnceLock<FxHashMap<String, &'static str>> = std::sync::OnceLock::new();
    F.get_or_init(|| keyed_rows(FIRST_NAMES).collect())
}

/// Capitals by their folded name, with their countries' folded names.
fn capitals() -> &'static FxHashMap<String, Vec<String>> {
    static C: std::sync::OnceLock<FxHashMap<String, Vec<String>>> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        keyed_rows(CAPITALS)
            .map(|(capital, countries)| {
                (capital, countries.split('|').map(akhbar_text::fold).collect())
            })
            .collect()
    })
}

/// The first token that covers char offset `at`. Tokens are in order of their start (a
/// hashtag's words follow the hashtag, inside it): a binary search by start, then a look at
/// the few tokens before it, not a scan of the text per mention.
fn token_at(tokens: &[Analyzed<'_>], at: usize) -> Option<usize> {
    let upto = tokens.partition_point(|a| a.token.start <= at);
    (upto.saturating_sub(64)..upto).find(|&k| at < tokens[k].token.end)
}

/// Whether a mention at char offset `start` names a place as a place: after `في`, with the
/// preposition `ب` on it, or after `مدينة` / `العاصمة` (`البرلمان في لندن`, `بلندن`) rather
/// than as an actor (`واشنطن تفرض`, `الضغط على طهران`).
fn as_a_place(tokens: &[Analyzed<'_>], start: usize) -> bool {
    let Some(k) = token_at(tokens, start) else {
        return false;
    };
    let t = &tokens[k];
    let locative_clitic =
        t.segments.iter().any(|s| s.role == SegmentRole::Preposition && s.text == "ب");
    let before = tokens[..k].iter().rev().find(|a| a.token.kind.is_wordlike());
    let locative_word = before.is_some_and(|b| {
        matches!(b.token.key.as_ref(), "في" | "مدينه" | "العاصمه" | "بالعاصمه" | "وسط")
    });
    locative_clitic || locative_word
}

/// Nouns an editor keeps with the name that follows them (folded): the kind of thing named
/// is part of the tag (`نادي الاتحاد`, `تنظيم داعش`, `قصر وستمينيستر`, `قمة الظهران`,
/// `لجنة تراحم الطائف`). Only the facilities among them are named after people.
const TAG_HEADS: &[&str] = &[
    "نادي",
    "تنظيم",
    "قصر",
    "متنزه",
    "منتزه",
    "مسرح",
    "لجنه",
    "اداره",
    "قمه",
    "موتمر",
    "جمعيه",
    "جايزه",
    "معسكر",
    "مهرجان",
    "مستشفي",
    "مسجد",
    "جامع",
    "سوق",
    "برج",
    "ملعب",
    "استاد",
    "شارع",
    "ميدان",
    "متحف",
    "معرض",
    "مجمع",
    "مركز",
    "سجن",
    "ميناء",
];
const FACILITY_HEADS: &[&str] =
    &["قصر", "جايزه", "مستشفي", "مسجد", "جامع", "ملعب", "استاد", "شارع", "ميدان", "متحف", "مركز"];

/// The entity's tag with the head noun right before it (`بنادي الاتحاد` → `نادي الاتحاد`), when
/// there is one: a head in the construct state (no article), not already in the name.
fn with_head(tokens: &[Analyzed<'_>], e: &crate::ner::Entity) -> Option<String> {
    let k = token_at(tokens, e.start)?;
    // The word right before the name (nothing but a space between them).
    let head = tokens[..k].last()?;
    if head.token.kind != TokenKind::Word
        || head.segments.iter().any(|s| s.role == SegmentRole::Article)
    {
        return None;
    }
    let base = akhbar_text::fold(head.base.as_ref());
    let allowed = TAG_HEADS.contains(&base.as_str())
        && (e.kind != "PER" || FACILITY_HEADS.contains(&base.as_str()));
    allowed.then(|| format!("{} {}", display(head), e.canonical))
}

/// A public figure the article names by the surname only (`ترامب`), in full (`دونالد ترامب`);
/// `None` when the article gives a fuller name with that surname itself.
fn full_name(e: &crate::ner::Entity, entities: &[crate::ner::Entity]) -> Option<String> {
    if e.kind != "PER" || e.canonical.contains(' ') {
        return None;
    }
    let first = first_names().get(&akhbar_text::fold(&e.canonical))?;
    let suffix = format!(" {}", e.canonical);
    let fuller = entities.iter().any(|o| o.kind == "PER" && o.canonical.ends_with(&suffix));
    (!fuller).then(|| format!("{first} {}", e.canonical))
}

/// Generic nouns a place's name may open with (folded): `مدينة نجران`, `منطقة نجران` and
/// `محافظة نجران` are all tagged `نجران`, as an editor would. (The tagger's own head lists,
/// `LOC_HEADS` and `ORG_HEADS` in `ner`, decide what an entity's span holds; these decide
/// what its tag shows.) Nouns that make a name of their
/// own with what follows (`قطاع غزة`, `قرية الحبلة`, `جزيرة العرب`) are not among them.
const PLACE_HEADS: &[&str] = &["مدينه", "منطقه", "محافظه", "ولايه", "اقليم", "بلده"];

/// The name a place entity is tagged by: without a generic head noun before it.
fn place_name(e: &crate::ner::Entity) -> &str {
    if e.kind == "LOC"
        && let Some((head, rest)) = e.canonical.split_once(' ')
        && PLACE_HEADS.contains(&akhbar_text::fold(head).as_str())
        && !rest.trim().is_empty()
    {
        return rest.trim();
    }
    &e.canonical
}

fn rank(article: &Read<'_, '_>, max: usize, min_single: usize, single_count: usize) -> Vec<Tag> {
    let Read { title, body, entities, dates: date_spans, tokens } = *article;
    let analyzer = Analyzer::embedded();
    let lex = analyzer.lexicon();
    let mut cands: FxHashMap<String, Candidate> = FxHashMap::default();
    let lead_end = title.chars().count() + 2 + body.chars().take(400).count();
    let title_end = title.chars().count();
    let weight = |start: usize| {
        if start < title_end {
            3.0
        } else if start < lead_end {
            1.5
        } else {
            1.0
        }
    };
    let mut add = |text: String, stems: String, w: f64, spec: f64, entity: Option<String>| {
        let c = cands.entry(stems).or_insert(Candidate {
            text: text.clone(),
            score: 0.0,
            entity: entity.clone(),
            count: 0,
            in_title: false,
        });
        c.score += w * spec;
        c.count += 1;
        c.in_title |= w >= 3.0 || w >= 6.0;
        if entity.is_some() && c.entity.is_none() {
            c.entity = entity;
            c.text = text;
        }
    };
    // Dates are never tags: their tokens are excluded.
    let in_date = |s: usize, e: usize| date_spans.iter().any(|&(a, b)| s < b && a < e);
    // Entities.
    let entity_spans: Vec<(usize, usize)> = entities.iter().map(|e| (e.start, e.end)).collect();
    let mut mentions: FxHashMap<&str, usize> = FxHashMap::default();
    for e in entities {
        *mentions.entry(e.canonical.as_str()).or_default() += 1;
    }
    let byline = byline_end(body).map(|b| title_end + 2 + b);
    for e in entities {
        if in_date(e.start, e.end) {
            continue;
        }
        // The byline (`أميرة المولد – الطائف`) names the reporter and the dateline, not the
        // article's topics.
        if byline.is_some_and(|b| e.start < b) {
            continue;
        }
        // MISC names (an event, a slogan in quotes, a work's title) are told apart from plain
        // words least reliably: they compete as ordinary phrases.
        if e.kind == "MISC" {
            continue;
        }
        // A one-word name met once in the body that is no known name (a nickname, a tagger's
        // guess) is no topic of the article: it competes as an ordinary word, which must recur.
        if !e.canonical.contains(' ')
            && mentions[e.canonical.as_str()] == 1
            && e.start >= title_end
            && !crate::ner::known_name(&e.canonical)
        {
            continue;
        }
        let headed = with_head(tokens, e).or_else(|| full_name(e, entities));
        let name = headed.as_deref().unwrap_or_else(|| place_name(e));
        let toks = analyzer.analyze(name);
        let stems: Vec<&str> =
            toks.iter().filter(|a| a.token.kind.is_wordlike()).map(|a| a.stem.as_ref()).collect();
        if stems.is_empty() {
            continue;
        }
        let spec = stems.iter().map(|s| specificity(s)).fold(0.0, f64::max).max(1.0);
        add(name.to_string(), stems.join(" "), 2.0 * weight(e.start), spec, Some(e.kind.clone()));
    }
    // Noun phrases and defined nouns.
    let words: Vec<&Analyzed<'_>> = tokens
        .iter()
        .filter(|a| !a.token.in_hashtag && a.token.kind != TokenKind::Hashtag)
        .collect();
    let content = |a: &Analyzed<'_>| {
        a.token.kind == TokenKind::Word
            && !a.stop
            && !a.in_stop_phrase
            && a.base.chars().count() >= 3
            && !EDGE_WORDS.contains(&a.base.as_ref())
    };
    // A phrase lies inside one entity or outside all of them (`نيوزيلندا جيرارد` crosses two).
    let crosses = |s: usize, e: usize| {
        entity_spans.iter().any(|&(a, b)| s < b && a < e && !(a <= s && e <= b))
    };
    // An undefined first word with a pronoun suffix (`روايته`, `ينساه`) or an imperfect verb's
    // prefix on a common verb (`أشكر`) does not start a tag.
    let lex_ref = lex;
    let verb_like = |a: &Analyzed<'_>| {
        let b = a.base.as_ref();
        if b.starts_with("ال") {
            return false;
        }
        let pronoun = ["ه", "ها", "هم", "هما", "كم", "نا"]
            .iter()
            .any(|p| b.ends_with(p) && b.chars().count() > 4);
        let mut ch = b.chars();
        let imperfect = matches!(ch.next(), Some('ي' | 'ت' | 'ن' | 'ا')) && {
            let rest = ch.as_str();
            rest.chars().count() >= 3 && lex_ref.frequency(rest) > lex_ref.frequency(b)
        };
        // `يوقعان`, `يعملون`, `تبحثان`: an imperfect verb with a dual or plural ending; and a
        // word opening with ي is a verb far more often than a noun.
        let n = b.chars().count();
        let dual_plural = matches!(b.chars().next(), Some('ي' | 'ت'))
            && ["ان", "ون", "ين"].iter().any(|e| b.ends_with(e))
            && n >= 5;
        let ya = b.starts_with('ي') && n >= 4;
        pronoun || imperfect || dual_plural || ya
    };
    for i in 0..words.len() {
        let a = words[i];
        if !content(a) || in_date(a.token.start, a.token.end) {
            continue;
        }
        let defined = a.base.starts_with("ال");
        // Defined single nouns (`الهدنة`): specific ones only.
        if defined && a.base.chars().count() >= min_single {
            let spec = specificity(&a.base);
            if spec > 3.0 {
                add(display(a), a.stem.to_string(), weight(a.token.start) * 0.6, spec, None);
            }
        }
        // Two and three word phrases whose last word is defined and adjacent (no punctuation).
        if verb_like(a) {
            continue;
        }
        let mut parts = vec![a];
        for k in 1..=2 {
            let Some(&b) = words.get(i + k) else { break };
            if b.token.start != parts[parts.len() - 1].token.end + 1
                || !content(b)
                || in_date(b.token.start, b.token.end)
            {
                break;
            }
            // Inside a phrase only the first word may carry a clitic, and none may.
            if b.segments
                .iter()
                .any(|s| matches!(s.role, SegmentRole::Conjunction | SegmentRole::Preposition))
            {
                break;
            }
            parts.push(b);
            if !b.base.starts_with("ال") {
                continue;
            }
            if crosses(a.token.start, b.token.end) {
                break;
            }
            let text: Vec<String> = parts.iter().map(|p| display(p)).collect();
            let stems: Vec<&str> = parts.iter().map(|p| p.stem.as_ref()).collect();
            let phrase_key = parts.iter().map(|p| p.base.as_ref()).collect::<Vec<_>>().join(" ");
            if lex.is_stop_phrase(&phrase_key) {
                break;
            }
            let spec = stems.iter().map(|s| specificity(s)).sum::<f64>() / stems.len() as f64;
            add(text.join(" "), stems.join(" "), weight(a.token.start), spec, None);
        }
    }
    let mut list: Vec<Candidate> = cands
        .into_values()
        .filter(|c| {
            c.entity.is_some()
                || c.in_title
                || c.count >= if c.text.contains(' ') { 2 } else { single_count }
        })
        .collect();
    // A capital that stands for its government (`واشنطن تفرض عقوبات على طهران`) in an article
    // that names its country is the country's tag: it gives its weight to the country, unless
    // most of its mentions name it as a place (`البرلمان في لندن`).
    let capital_of: FxHashMap<usize, usize> = list
        .iter()
        .enumerate()
        .filter(|(_, c)| c.entity.as_deref() == Some("LOC"))
        .filter_map(|(i, c)| {
            let countries = capitals().get(&akhbar_text::fold(&c.text))?;
            let j = list.iter().position(|o| {
                o.entity.is_some() && countries.contains(&akhbar_text::fold(&o.text))
            })?;
            let mentions: Vec<&crate::ner::Entity> =
                entities.iter().filter(|e| place_name(e) == c.text).collect();
            let places = mentions.iter().filter(|e| as_a_place(tokens, e.start)).count();
            (places * 2 < mentions.len().max(1)).then_some((i, j))
        })
        .collect();
    for (&i, &j) in &capital_of {
        list[j].score += list[i].score;
    }
    let mut list: Vec<Candidate> = list
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !capital_of.contains_key(i))
        .map(|(_, c)| c)
        .collect();
    // A part of a longer candidate (`البلوي` of `منصور بن حمدان البلوي`, `مجلس الأمن` of
    // `مجلس الأمن الدولي`) gives its weight to the longer one when that one is well attested:
    // the fullest name is the tag.
    list.sort_by(|a, b| {
        b.text.chars().count().cmp(&a.text.chars().count()).then_with(|| a.text.cmp(&b.text))
    });
    let folded: Vec<String> =
        list.iter().map(|c| format!(" {} ", akhbar_text::fold(&c.text))).collect();
    let mut merged_into: Vec<Option<usize>> = vec![None; list.len()];
    for i in 0..list.len() {
        for j in 0..i {
            // A name and the same name with its head noun (`الهلال`, `نادي الهلال`): the
            // headed form is the tag however often the bare one recurs.
            let headed = folded[j]
                .strip_suffix(&folded[i])
                .is_some_and(|h| TAG_HEADS.contains(&h.trim()) && list[i].entity.is_some());
            let longer_ok =
                (headed || list[j].score >= 0.3 * list[i].score) && merged_into[j].is_none();
            let same_kind = list[j].entity.is_some() || list[i].entity.is_none();
            let words_in =
                folded[i].trim().split(' ').all(|w| folded[j].contains(&format!(" {w} ")));
            if longer_ok && same_kind && words_in {
                merged_into[i] = Some(j);
                break;
            }
        }
    }
    for i in 0..list.len() {
        if let Some(j) = merged_into[i] {
            list[j].score += list[i].score;
        }
    }
    let mut list: Vec<Candidate> =
        list.into_iter().zip(merged_into).filter(|(_, m)| m.is_none()).map(|(c, _)| c).collect();
    // Repetition is what makes a phrase a topic: a phrase seen once in the body counts less.
    list.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.text.cmp(&b.text)));
    let mut out: Vec<Tag> = Vec::new();
    for c in list {
        if out.len() >= max {
            break;
        }
        let words: Vec<String> =
            akhbar_text::fold(&c.text).split(' ').map(str::to_string).collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
        // Arabic tags only: a code (`B3`) or a Latin fragment is no tag of an Arabic article.
        if !c.text.chars().any(akhbar_text::is_arabic_letter)
            || c.text.chars().any(|ch| ch.is_ascii_alphanumeric())
        {
            continue;
        }
        // A verb in the future (`سينفي`) ends no name and no phrase.
        if future_verb(last) {
            continue;
        }
        if lex.is_stop_word(first)
            || lex.is_stop_word(last)
            || EDGE_WORDS.contains(&first.as_str())
            || EDGE_WORDS.contains(&last.as_str())
            || lex.is_stop_phrase(&c.text)
        {
            continue;
        }
        // A shorter form of a tag already chosen (`الحكيم` after `عمار الحكيم`) or a longer
        // phrase around one adds nothing.
        let folded = format!(" {} ", words.join(" "));
        if out.iter().any(|t| {
            let f = format!(" {} ", akhbar_text::fold(&t.text));
            f.contains(&folded) || (c.entity.is_none() && folded.contains(&f))
        }) {
            continue;
        }
        out.push(Tag {
            slug: slug(&c.text),
            text: c.text,
            score: (c.score * 100.0).round() / 100.0,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_byline_is_found_and_a_sentence_is_not() {
        let body = "سلمى الحارثي – جدة\nافتتحت أمانة المحافظة أمس ممشى جديداً على الواجهة البحرية.";
        let end = super::byline_end(body).expect("byline");
        assert_eq!(body.chars().take(end).collect::<String>().trim(), "سلمى الحارثي – جدة");
        assert!(super::byline_end("الرياض - واس\nأعلنت الهيئة العامة للإحصاء").is_some());
        // A dash inside a sentence of many words is no byline.
        assert!(
            super::byline_end("أعلنت وزارة الصحة في بيان صدر اليوم - بعد اجتماع طويل - أن")
                .is_none()
        );
        assert!(super::byline_end("افتتحت الأمانة ممشى جديداً.").is_none());
    }

    use super::*;

    /// An article written for this test, with the seed page's pitfalls: a preposition glued to
    /// a country, Persian yeh, filler phrases, a surname after the full name, weekdays.
    const ARTICLE: &str = "أعلن رئيس الوزراء سامي الخطيب، اليوم الجمعة، دعمه الكامل لاتفاق الطاقة بین العراق والأردن بشكل كامل. \
وقال الخطيب إن اتفاق الطاقة سيضاعف صادرات الكهرباء إلى الأردن، مشيراً إلى أن وزارة الكهرباء العراقية أنجزت خط الربط. \
وأكد الخطيب في وقت سابق أن الحكومة العراقية ستدعم اتفاق الطاقة في كافة المجالات، وأن خط الربط يمر عبر محافظة الأنبار.";

    #[test]
    fn tags_are_canonical_and_clean() {
        let title = "العراق والأردن يوقعان اتفاق الطاقة";
        let t = tags(title, ARTICLE, &article_entities(title, ARTICLE), 8);
        let texts: Vec<&str> = t.iter().map(|x| x.text.as_str()).collect();
        assert!((4..=8).contains(&texts.len()), "{texts:?}");
        assert!(texts.contains(&"سامي الخطيب"), "the fullest name: {texts:?}");
        assert!(!texts.contains(&"الخطيب"), "the surname merges into the full name: {texts:?}");
        assert!(texts.contains(&"العراق"), "{texts:?}");
        assert!(texts.contains(&"اتفاق الطاقة"), "{texts:?}");
        for bad in
            ["بشكل كامل", "بین العراق", "والأردن", "اليوم", "الجمعة", "كافة المجالات", "في وقت سابق"]
        {
            assert!(!texts.contains(&bad), "{bad} is junk: {texts:?}");
        }
        for x in &t {
            assert!(x.slug.len() <= 60 && !x.slug.contains('%') && !x.slug.contains(' '), "{x:?}");
        }
    }

    #[test]
    fn a_place_is_tagged_by_its_name_without_the_generic_noun() {
        let title = "سقوط مقذوف على مدينة نجران دون إصابات";
        let body = "أعلن الدفاع المدني في منطقة نجران سقوط مقذوف عسكري على حي سكني في مدينة نجران \
            مساء أمس، وقال المتحدث باسم الدفاع المدني إن الفرق باشرت الموقع ولم تسجل إصابات، \
            وإن الأضرار اقتصرت على سيارتين، فيما تواصل الجهات المختصة في نجران حصر الأضرار.";
        let t = tags(title, body, &article_entities(title, body), 8);
        let texts: Vec<&str> = t.iter().map(|x| x.text.as_str()).collect();
        assert!(texts.contains(&"نجران"), "{texts:?}");
        for bad in ["مدينة نجران", "منطقة نجران"] {
            assert!(!texts.contains(&bad), "{bad}: {texts:?}");
        }
    }

    #[test]
    fn a_capital_standing_for_its_government_is_its_country() {
        let title = "واشنطن تفرض عقوبات جديدة على طهران";
        let body = "فرضت الولايات المتحدة عقوبات جديدة على إيران تستهدف قطاع النفط، وقالت واشنطن إن \
            العقوبات تهدف إلى زيادة الضغط على طهران، فيما اعتبرت إيران القرار عدواناً اقتصادياً، \
            وأكدت طهران أنها سترد على العقوبات الأمريكية بالطرق القانونية، وقال مسؤول في \
            الولايات المتحدة إن واشنطن مستعدة للحوار مع إيران.";
        let t = tags(title, body, &article_entities(title, body), 8);
        let texts: Vec<&str> = t.iter().map(|x| x.text.as_str()).collect();
        assert!(texts.contains(&"إيران"), "{texts:?}");
        assert!(!texts.contains(&"طهران"), "{texts:?}");
        assert!(!texts.contains(&"واشنطن"), "{texts:?}");
        // Named as the place where things happen, the capital stays a tag.
        let title = "انفجار في وسط لندن قرب مبنى البرلمان";
        let body = "وقع انفجار صباح اليوم في وسط لندن قرب مبنى البرلمان، وأغلقت الشرطة الشوارع \
            المحيطة بالمبنى في لندن، وقالت الحكومة في بريطانيا إن التحقيقات جارية، فيما \
            تواصلت حركة القطارات في لندن بشكل طبيعي بعد ساعات من الانفجار.";
        let t = tags(title, body, &article_entities(title, body), 8);
        let texts: Vec<&str> = t.iter().map(|x| x.text.as_str()).collect();
        assert!(texts.contains(&"لندن"), "{texts:?}");
    }

    #[test]
    fn a_name_keeps_the_noun_that_says_what_it_names() {
        let title = "وستمينيستر: إغلاق الطرق المحيطة بالبرلمان";
        let body = "أغلقت الشرطة البريطانية الطرق المحيطة بقصر وستمينيستر في لندن بعد اصطدام سيارة \
            بالحواجز الأمنية، وقالت الشرطة إن الحادث لم يسفر عن إصابات، وإن محيط وستمينيستر \
            سيبقى مغلقاً حتى المساء.";
        let t = tags(title, body, &article_entities(title, body), 8);
        let texts: Vec<&str> = t.iter().map(|x| x.text.as_str()).collect();
        assert!(texts.contains(&"قصر وستمينيستر"), "{texts:?}");
        assert!(
            !texts.contains(&"وستمينيستر"),
            "the bare name merges into the headed one: {texts:?}"
        );
    }

    #[test]
    fn a_public_figure_named_by_the_surname_is_tagged_in_full() {
        let title = "ترامب يهدد بالانسحاب من الاتفاق التجاري";
        let body = "هدد الرئيس ترامب اليوم بالانسحاب من الاتفاق التجاري مع كندا والمكسيك إذا لم \
            تقبل الدولتان تعديلات جديدة، وقال ترامب في تغريدة إن الاتفاق الحالي يضر بالعمال، \
            فيما ردت كندا بأنها متمسكة بالاتفاق التجاري.";
        let t = tags(title, body, &article_entities(title, body), 8);
        let texts: Vec<&str> = t.iter().map(|x| x.text.as_str()).collect();
        assert!(texts.contains(&"دونالد ترامب"), "{texts:?}");
        assert!(!texts.contains(&"ترامب"), "{texts:?}");
    }

    #[test]
    fn slugs_are_short_and_stable() {
        assert_eq!(slug("التحالف الدولي"), "التحالف-الدولي");
        assert_eq!(slug("الحكومة العراقية"), slug("الحكومه العراقيه"));
        assert!(slug(&"كلمة ".repeat(40)).len() <= 60);
    }
}
