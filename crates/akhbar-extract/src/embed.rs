//! Embedded posts: the signature line a flattened tweet or post ends with
//! (`— Rojnews بالعربية (@rojnewsarabi) September 30, 2024`, `A post shared by Name (@handle) on
//! Sep 30, 2024 at 3:12pm PDT`), and the text and link that go with it.

use crate::Embed;

const ENGLISH_MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Arabic month names as embeds print them (folded), for signatures in Arabic.
const ARABIC_MONTHS: &[(&str, u32)] = &[
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يوليو", 7),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let folded = akhbar_text::fold_word(&w);
    ENGLISH_MONTHS
        .iter()
        .chain(ARABIC_MONTHS)
        .find(|(name, _)| *name == w || *name == folded)
        .map(|&(_, m)| m)
}

/// A calendar date written `Month D, YYYY`, `D Month YYYY` or `Mon D, YYYY`, as `YYYY-MM-DD`.
#[must_use]
pub fn parse_post_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let number = |w: &str| -> Option<u32> {
        let digits: String = w
            .chars()
            .filter_map(|c| akhbar_text::digit_value(c).map(|d| char::from(b'0' + d)))
            .collect();
        let rest_ok = w
            .chars()
            .all(|c| akhbar_text::digit_value(c).is_some() || matches!(c, ',' | '،' | '.'));
        (rest_ok && !digits.is_empty()).then(|| digits.parse().ok()).flatten()
    };
    for (i, w) in words.iter().enumerate() {
        let Some(month) = month_number(w) else { continue };
        let (day, year) = match (
            i.checked_sub(1).and_then(|p| number(words[p])),
            words.get(i + 1).and_then(|n| number(n)),
        ) {
            // `30 September 2024`
            (Some(d), Some(y)) if y > 1900 => (d, y),
            // `September 30, 2024`
            (_, Some(d)) if d <= 31 => match words.get(i + 2).and_then(|n| number(n)) {
                Some(y) if y > 1900 => (d, y),
                _ => continue,
            },
            _ => continue,
        };
        if (1..=31).contains(&day) && (1900..=2100).contains(&year) {
            return Some(format!("{year:04}-{month:02}-{day:02}"));
        }
    }
    None
}

/// Reads an embed signature line; `None` when the line is not one.
#[must_use]
pub fn parse_signature(line: &str) -> Option<Embed> {
    let trimmed = line.trim();
    let dashed = trimmed.starts_with(['—', '–', '―', '-']);
    let lower = trimmed.to_lowercase();
    let shared_by = lower.contains("shared by") || lower.contains("شارك");
    if !dashed && !shared_by {
        return None;
    }
    let open = trimmed.find("(@")?;
    let close = open + trimmed[open..].find(')')?;
    let handle = trimmed[open + 2..close].trim();
    if handle.is_empty()
        || !handle.chars().all(|c| c.is_alphanumeric() || c == '_')
        || handle.len() > 30
    {
        return None;
    }
    let mut author = trimmed[..open].trim_start_matches(['—', '–', '―', '-', ' ']).trim();
    for prefix in ["A post shared by", "a post shared by", "Shared by"] {
        author = author.strip_prefix(prefix).unwrap_or(author).trim();
    }
    let after = &trimmed[close + 1..];
    let platform = if lower.contains("instagram") || shared_by && !lower.contains("facebook") {
        "instagram"
    } else if lower.contains("facebook") {
        "facebook"
    } else {
        "twitter"
    };
    Some(Embed {
        platform: platform.to_string(),
        author: (!author.is_empty()).then(|| author.to_string()),
        handle: Some(handle.to_string()),
        date: parse_post_date(after),
        url: None,
        text: String::new(),
    })
}

/// The first `t.co`-style link or other URL in a post's text.
#[must_use]
pub fn first_link(text: &str) -> Option<String> {
    let tokens = akhbar_text::tokenize(text);
    let urls: Vec<&str> =
        tokens.iter().filter(|t| t.kind == akhbar_text::TokenKind::Url).map(|t| t.text).collect();
    // The post's own link comes first; the `pic.twitter.com` media link is not its address.
    urls.iter().find(|u| !u.starts_with("pic.")).or(urls.first()).map(|u| (*u).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures() {
        let e = parse_signature("— وكالة النخيل (@nakheel_news) September 30, 2024")
            .expect("a tweet signature");
        assert_eq!(e.handle.as_deref(), Some("nakheel_news"));
        assert_eq!(e.author.as_deref(), Some("وكالة النخيل"));
        assert_eq!(e.date.as_deref(), Some("2024-09-30"));
        assert_eq!(e.platform, "twitter");
        let e =
            parse_signature("A post shared by Salma (@salma.photos) on Sep 3, 2023 at 3:12pm PDT");
        assert!(e.is_none(), "a dot is not part of a handle in this form");
        let e =
            parse_signature("A post shared by Salma (@salma_photos) on Sep 3, 2023 at 3:12pm PDT")
                .expect("instagram");
        assert_eq!((e.platform.as_str(), e.date.as_deref()), ("instagram", Some("2023-09-03")));
        let e = parse_signature("— قناة الغد (@alghad_tv) 5 مارس 2023").expect("arabic date");
        assert_eq!(e.date.as_deref(), Some("2023-03-05"));
        assert!(parse_signature("- قال الوزير إن الحكومة ستعمل").is_none());
    }

    #[test]
    fn links() {
        assert_eq!(
            first_link("التفاصيل https://t.co/AbC12#وسم pic.twitter.com/xyz").as_deref(),
            Some("https://t.co/AbC12")
        );
    }
}
