//! Flattened text pages (like the seed): an aggregator page dumped to text, with the article,
//! its source line, the site's tags, "read also" articles with embedded posts, and lists of
//! related titles all run together. The page is read line by line:
//!
//! 1. a header line (`بغداد اليوم - بغداد`, `تونس:`) gives the outlet and dateline;
//! 2. the body runs until the first label line (source, tags, a section) or a run of bullets;
//! 3. after a section label, what follows decides what the section is: a run of short lines or
//!    bullets is a related-titles list, a title followed by paragraphs is a "read also" article;
//! 4. an embed signature (`— Name (@handle) September 30, 2024`) takes the short paragraph(s)
//!    before it out of the text it sits in and makes them the embedded post.

use crate::embed::{first_link, parse_signature};
use crate::labels::{LabelKind, label_at_start};
use crate::{Embed, Page, ReadAlso};

/// Characters that start a list item.
const BULLETS: &[char] =
    &['•', '·', '◦', '▪', '●', '■', '-', '–', '*', '»', '›', '◀', '►', '◄', '▸', '✓', '✔'];
/// Lines of a related list are titles: at most this many words.
const MAX_TITLE_WORDS: usize = 24;
/// An embedded post's text is short: paragraphs longer than this stay in the article.
const MAX_EMBED_PARAGRAPH: usize = 320;

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// A list item's text without its bullet or number, if the line is one.
fn bullet_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix(BULLETS) {
        let rest = rest.trim_start();
        // `- ` is a bullet; `-5 درجات` or `—` as an embed signature are not.
        if !rest.is_empty() && t.chars().nth(1).is_some_and(char::is_whitespace) {
            return Some(rest);
        }
        if !rest.is_empty() && !matches!(t.chars().next(), Some('-' | '–' | '*')) {
            return Some(rest);
        }
        return None;
    }
    // `1. title`, `٢- title`, `3) title`
    let digits = t.chars().take_while(|c| akhbar_text::digit_value(*c).is_some()).count();
    if (1..=2).contains(&digits) {
        let rest: String = t.chars().skip(digits).collect();
        if let Some(r) = rest.strip_prefix(['.', '-', ')', '/'])
            && r.starts_with(' ')
        {
            let skip = t.len() - r.len();
            return Some(t[skip..].trim_start());
        }
    }
    None
}

/// The page header: `OUTLET - CITY`, `CITY:`, `OUTLET | CITY`. Returns (outlet, dateline).
fn parse_header(line: &str) -> Option<(Option<String>, Option<String>)> {
    let t = line.trim();
    if t.is_empty() || words(t) > 8 || t.ends_with('.') || label_at_start(t).is_some() {
        return None;
    }
    for sep in [" - ", " – ", " — ", " | ", " ـ "] {
        if let Some((a, b)) = t.rsplit_once(sep) {
            let (a, b) = (a.trim(), b.trim().trim_end_matches(':').trim());
            if !a.is_empty() && words(b) <= 3 {
                let b = (!b.is_empty()).then(|| b.to_string());
                return Some((Some(a.to_string()), b));
            }
        }
    }
    if let Some(city) = t.strip_suffix(':').or_else(|| t.strip_suffix('-')).map(str::trim)
        && !city.is_empty()
        && words(city) <= 3
    {
        return Some((None, Some(city.to_string())));
    }
    None
}

/// A dateline at the start of the first paragraph (`القاهرة - `, `الرياض: `).
pub(crate) fn inline_dateline(first: &str) -> Option<String> {
    for sep in [" - ", " – ", ": ", " ـ "] {
        if let Some((head, _)) = first.split_once(sep)
            && (1..=3).contains(&words(head))
            && head.chars().all(|c| akhbar_text::is_arabic_letter(c) || c == ' ')
        {
            return Some(head.trim().to_string());
        }
    }
    None
}

/// The value after a label (`المصدر: X` → `X`), trimmed of separators.
pub(crate) fn label_value(line: &str, label_end: usize) -> &str {
    line[label_end..].trim().trim_start_matches([':', '-', '–', '—', '|', '：', '،']).trim()
}

/// The site's tags from a tags line's value.
fn split_tags(value: &str) -> Vec<String> {
    value
        .split(['،', ',', '|', '؛', ';', '/', '•', '#'])
        .flat_map(|t| t.split(" - "))
        .map(|t| t.trim().trim_matches(['"', '«', '»', '.']).trim())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Paragraphs of one part of the page, with embedded posts taken out as they are found.
#[derive(Default)]
struct Text {
    paragraphs: Vec<String>,
    embeds: Vec<Embed>,
    /// Whether the next line starts a new paragraph.
    new_paragraph: bool,
}

impl Text {
    fn push_line(&mut self, line: &str) {
        match self.paragraphs.last_mut() {
            Some(p) if !self.new_paragraph => {
                p.push('\n');
                p.push_str(line);
            }
            _ => self.paragraphs.push(line.to_string()),
        }
        self.new_paragraph = false;
    }

    fn blank(&mut self) {
        self.new_paragraph = true;
    }

    /// An embed signature: the post's text is the last paragraph, and the one before it when
    /// that one is short too (a tweet's text and its link line are often split by a blank line).
    fn embed(&mut self, mut embed: Embed) {
        let mut taken: Vec<String> = Vec::new();
        while let Some(last) = self.paragraphs.last() {
            let len = last.chars().count();
            let fits = len <= MAX_EMBED_PARAGRAPH
                && taken.iter().map(|t| t.chars().count()).sum::<usize>() + len
                    <= MAX_EMBED_PARAGRAPH + 80;
            if !fits || taken.len() == 2 {
                break;
            }
            // A second paragraph joins only when the first one taken is the post's bare link line
            // (`التفاصيل https://t.co/…`) and itself is one line: the post's text was cut off
            // from its link by a blank line.
            if !taken.is_empty()
                && (taken[0].contains('\n') || !taken[0].contains("http") || last.contains('\n'))
            {
                break;
            }
            if let Some(p) = self.paragraphs.pop() {
                taken.insert(0, p);
            }
        }
        embed.text = taken.join("\n");
        embed.url = first_link(&embed.text);
        self.embeds.push(embed);
        self.new_paragraph = true;
    }

    fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// What the lines after a section label are.
enum SectionShape {
    Related,
    ReadAlso,
}

fn section_shape(lines: &[&str]) -> SectionShape {
    // The lines up to the next label.
    let mut bullets = 0;
    let mut block: Vec<&str> = Vec::new();
    let mut first_block_done = false;
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            if !block.is_empty() {
                first_block_done = true;
            }
            continue;
        }
        if label_at_start(t)
            .is_some_and(|(k, end)| k != LabelKind::Section || label_value(t, end).is_empty())
        {
            break;
        }
        if bullet_item(t).is_some() {
            bullets += 1;
            if bullets >= 2 {
                return SectionShape::Related;
            }
        } else if !first_block_done {
            block.push(t);
        }
    }
    let titles =
        block.len() >= 3 && block.iter().all(|l| words(l) <= MAX_TITLE_WORDS && !l.ends_with('.'));
    if titles || (block.is_empty() && bullets > 0) {
        SectionShape::Related
    } else {
        SectionShape::ReadAlso
    }
}

/// Reads a flattened page. Never fails: a page with no recognisable parts is all body.
#[must_use]
pub fn parse_flat(text: &str) -> Page {
    let cleaned = akhbar_text::clean(text);
    let lines: Vec<&str> = cleaned.split('\n').map(str::trim).collect();
    let mut page = Page::default();
    let mut i = 0;
    while i < lines.len() && lines[i].is_empty() {
        i += 1;
    }
    if let Some((outlet, dateline)) = lines.get(i).and_then(|l| parse_header(l)) {
        page.outlet = outlet;
        page.dateline = dateline;
        i += 1;
    }
    let mut body = Text::default();
    let mut read_also: Vec<(String, Text)> = Vec::new();
    enum State {
        Body,
        After,
        ReadAlso,
        Related,
        TagsNext,
        SourceNext,
    }
    let mut state = State::Body;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.is_empty() {
            match state {
                State::Body => body.blank(),
                State::ReadAlso => {
                    if let Some((_, t)) = read_also.last_mut() {
                        t.blank();
                    }
                }
                _ => {}
            }
            continue;
        }
        if let Some(embed) = parse_signature(line) {
            match state {
                State::ReadAlso => {
                    if let Some((_, t)) = read_also.last_mut() {
                        t.embed(embed);
                    }
                }
                State::Body => body.embed(embed),
                _ => page.sections.embeds.push(embed),
            }
            continue;
        }
        if let Some((kind, end)) = label_at_start(line) {
            let value = label_value(line, end);
            // A label with a long sentence after it is prose that happens to start like one.
            if words(value) <= MAX_TITLE_WORDS {
                match kind {
                    LabelKind::Source => {
                        if value.is_empty() {
                            state = State::SourceNext;
                        } else {
                            page.source = Some(value.to_string());
                            state = State::After;
                        }
                        continue;
                    }
                    LabelKind::Tags => {
                        if value.is_empty() {
                            state = State::TagsNext;
                        } else {
                            page.sections.site_tags.extend(split_tags(value));
                            state = State::After;
                        }
                        continue;
                    }
                    LabelKind::Section => {
                        let shape = if value.is_empty() {
                            section_shape(&lines[i..])
                        } else {
                            SectionShape::ReadAlso
                        };
                        match shape {
                            SectionShape::Related => state = State::Related,
                            SectionShape::ReadAlso => {
                                read_also.push((value.to_string(), Text::default()));
                                state = State::ReadAlso;
                            }
                        }
                        continue;
                    }
                }
            }
        }
        let bullet = bullet_item(line);
        match state {
            State::SourceNext => {
                page.source = Some(line.to_string());
                state = State::After;
            }
            State::TagsNext => {
                page.sections.site_tags.extend(split_tags(line));
                state = State::After;
            }
            State::Related => page.sections.related_titles.push(bullet.unwrap_or(line).to_string()),
            _ if bullet.is_some()
                && lines[i..]
                    .iter()
                    .find(|l| !l.is_empty())
                    .is_some_and(|l| bullet_item(l).is_some()) =>
            {
                // A run of bullets with no label: a related list.
                page.sections.related_titles.push(bullet.unwrap_or(line).to_string());
                state = State::Related;
            }
            State::Body => body.push_line(line),
            State::ReadAlso => {
                if let Some((title, t)) = read_also.last_mut() {
                    if title.is_empty() {
                        *title = line.to_string();
                        t.blank();
                    } else {
                        t.push_line(line);
                    }
                }
            }
            State::After => {}
        }
    }
    if page.dateline.is_none() {
        page.dateline = body.paragraphs.first().and_then(|p| inline_dateline(p));
    }
    page.body = body.text();
    page.sections.embeds.splice(0..0, body.embeds.iter().cloned());
    for (title, t) in read_also {
        page.sections.embeds.extend(t.embeds.iter().cloned());
        page.sections.read_also.push(ReadAlso { title, body: t.text(), embeds: t.embeds });
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(table: &str, rows: &[(&str, &str)], f: impl Fn(&str) -> String) {
        let bad: Vec<String> = rows
            .iter()
            .filter_map(|(i, e)| {
                let g = f(i);
                (g != *e).then(|| format!("  {i:?}: expected {e:?}, got {g:?}"))
            })
            .collect();
        assert!(bad.is_empty(), "{table}:\n{}", bad.join("\n"));
    }

    #[test]
    fn headers() {
        check(
            "header",
            &[
                ("بغداد اليوم - بغداد", "بغداد اليوم|بغداد"),
                ("تونس: ", "|تونس"),
                ("بوابة المغرب الرقمية | الرباط", "بوابة المغرب الرقمية|الرباط"),
                ("أعلن الوزير اليوم أن الحكومة ستبدأ الحوار مع جميع الأطراف.", "none"),
                ("المصدر: وكالة الأنباء", "none"),
            ],
            |l| match parse_header(l) {
                Some((o, d)) => format!("{}|{}", o.unwrap_or_default(), d.unwrap_or_default()),
                None => "none".into(),
            },
        );
    }

    #[test]
    fn labels_and_bullets() {
        check(
            "labels",
            &[
                ("المصدر: وكالة بغداد اليوم", "Source:وكالة بغداد اليوم"),
                ("نقلاً عن وكالة المستقبل", "Source:وكالة المستقبل"),
                ("مصدر الخبر: الشرق اليوم", "Source:الشرق اليوم"),
                ("كلمات دلالية: بین العراق", "Tags:بین العراق"),
                ("الكلمات الدالة: السعودية ، الاقتصاد", "Tags:السعودية ، الاقتصاد"),
                ("وسوم المقال: الطاقة", "Tags:الطاقة"),
                ("إقرأ أيضاً:", "Section:"),
                ("مواضيع ذات صلة", "Section:"),
                ("الأكثر قراءة", "Section:"),
                ("وقال المصدر: إن الهجوم وقع فجراً", "none"),
                ("أعلنت الوزارة أن المصدر لم يكشف", "none"),
            ],
            |l| match label_at_start(l) {
                Some((k, end)) => format!("{k:?}:{}", label_value(l, end)),
                None => "none".into(),
            },
        );
        check(
            "bullets",
            &[
                ("• عنوان الخبر", "عنوان الخبر"),
                ("- عنوان آخر", "عنوان آخر"),
                ("1. خبر أول", "خبر أول"),
                ("٢- خبر ثان", "خبر ثان"),
                ("-5 درجات تحت الصفر", "none"),
                ("— وكالة (@agency) May 1, 2024", "none"),
                ("2024 عام الانتخابات", "none"),
            ],
            |l| bullet_item(l).unwrap_or("none").to_string(),
        );
        assert_eq!(split_tags("السعودية ، التعليم ، الطاقة"), ["السعودية", "التعليم", "الطاقة"]);
    }

    #[test]
    fn never_panics_on_odd_pages() {
        for text in [
            "",
            "\n\n\n",
            "المصدر:",
            "كلمات دلالية:",
            "إقرأ أيضاً:",
            "— (@) ",
            "•\n•\n•",
            "a - b - c - d",
        ] {
            let _ = parse_flat(text);
        }
    }
}
