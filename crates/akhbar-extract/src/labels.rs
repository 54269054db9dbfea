//! The vocabulary of section labels on Arabic news pages, one sorted table per kind. Adding a
//! label is adding one entry (and a test row); matching is on folded words, so spelling
//! variants (`إقرأ أيضاً` / `اقرأ ايضا`) need no entries of their own.

use akhbar_text::fold;
use std::sync::OnceLock;

/// Labels that introduce the source line; its value follows on the same line.
const SOURCE: &[&str] = &[
    "source",
    "المصدر",
    "المصدر الأصلي",
    "مصدر الخبر",
    "مصدر المقال",
    "منقول عن",
    "نقلا عن",
    "نقلاً عن",
    "نقلا من",
    "نشر في",
    "نشر أولا في",
    "الخبر من",
    "عن موقع",
    "عن صحيفة",
    "عن وكالة",
];

/// Labels that introduce the site's tags; the tags follow on the line, or on the next one.
const TAGS: &[&str] = &[
    "tags",
    "keywords",
    "هاشتاج",
    "هاشتاغ",
    "الكلمات الدلالية",
    "الكلمات المفتاحية",
    "التصنيفات",
    "التصنيف",
    "الموضوعات",
    "الوسوم",
    "الوسم",
    "تاجات",
    "تاغات",
    "تصنيفات",
    "كلمات البحث",
    "كلمات دلالية",
    "كلمات مفتاحية",
    "مواضيع المقال",
    "وسوم",
    "وسم",
    "موضوعات",
];

/// Labels of a "read also" box or a related list. Which of the two a label introduces is decided
/// by what follows it (one title and paragraphs, or a run of short titles), not by the label.
const SECTION: &[&str] = &[
    "more",
    "read also",
    "related",
    "آخر الأخبار",
    "أخبار أخرى",
    "أخبار ذات صلة",
    "أخبار متعلقة",
    "أخبار مشابهة",
    "أخبار مقترحة",
    "إقرأ أيضا",
    "إقرأ المزيد",
    "اقرأ أيضا",
    "اقرأ المزيد",
    "اقرأ كذلك",
    "الأكثر تداولا",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "المزيد من الأخبار",
    "تابع أيضا",
    "ذات صلة",
    "روابط ذات صلة",
    "شاهد أيضا",
    "طالع أيضا",
    "قد يعجبك أيضا",
    "قد يهمك",
    "قد يهمك أيضا",
    "مقالات ذات صلة",
    "مقالات مشابهة",
    "مقالات مقترحة",
    "مقترحات",
    "مواضيع ذات صلة",
    "مواضيع قد تهمك",
    "مواضيع متعلقة",
    "مواضيع مشابهة",
    "موضوعات ذات صلة",
    "موضوعات متعلقة",
    "يهمك أيضا",
    "للمزيد",
    "اقرأ ايضا في",
];

/// Words that mark a label line of each kind when they stand in its first few words before a
/// colon (`الكلمات الدالة:`, `وسوم المقال:`, `مصدر الخبر:`): the open-ended part of the
/// vocabulary, for labels no table lists.
const TAG_CUES: &[&str] = &[
    "كلمات",
    "الكلمات",
    "كلمه",
    "وسوم",
    "الوسوم",
    "وسم",
    "الوسم",
    "تاجات",
    "التاجات",
    "تاغات",
    "التاغات",
    "هاشتاغ",
    "هاشتاج",
    "هاشتاغات",
    "هاشتاجات",
    "tags",
    "tag",
    "keywords",
    "تصنيفات",
    "التصنيفات",
    "التصنيف",
    "الدلاليه",
    "دلاليه",
    "الداله",
    "داله",
    "مفتاحيه",
    "المفتاحيه",
];
const SOURCE_CUES: &[&str] = &["المصدر", "مصدر", "source", "نقلا", "منقول", "بتصرف"];
const SECTION_CUES: &[&str] = &[
    "اقرا",
    "طالع",
    "شاهد",
    "تابع",
    "صله",
    "مشابهه",
    "متعلقه",
    "مقترحه",
    "مقترحات",
    "الاكثر",
    "المزيد",
    "يهمك",
    "يعجبك",
    "read",
    "related",
    "more",
];

/// What a label line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelKind {
    Source,
    Tags,
    Section,
}

fn folded(table: &'static [&'static str]) -> Vec<Vec<String>> {
    let mut v: Vec<Vec<String>> =
        table.iter().map(|l| fold(l).split(' ').map(str::to_string).collect()).collect();
    // Longest first, so that `مقالات ذات صلة` wins over `ذات صلة`.
    v.sort_by_key(|l| std::cmp::Reverse(l.len()));
    v
}

fn tables() -> &'static [(LabelKind, Vec<Vec<String>>); 3] {
    static TABLES: OnceLock<[(LabelKind, Vec<Vec<String>>); 3]> = OnceLock::new();
    TABLES.get_or_init(|| {
        [
            (LabelKind::Source, folded(SOURCE)),
            (LabelKind::Tags, folded(TAGS)),
            (LabelKind::Section, folded(SECTION)),
        ]
    })
}

/// If the line starts with a label: its kind and the byte offset in `line` where the label ends.
pub(crate) fn label_at_start(line: &str) -> Option<(LabelKind, usize)> {
    let words: Vec<(String, usize)> = akhbar_text::tokenize(line)
        .into_iter()
        .filter(|t| t.kind.is_wordlike() && !t.in_hashtag)
        .take(6)
        .map(|t| (t.key.into_owned(), t.byte_end))
        .collect();
    for (kind, labels) in tables() {
        for label in labels {
            if words.len() >= label.len() && words.iter().zip(label).all(|((w, _), l)| w == l) {
                let mut end = words[label.len() - 1].1;
                // `وسوم المقال:`: a word or two more before a colon still belong to the label.
                if let Some(colon) = line[end..].find([':', '：']).map(|c| c + end)
                    && words.iter().filter(|(_, e)| *e > end && *e <= colon).count() <= 2
                {
                    end = colon;
                }
                return Some((*kind, end));
            }
        }
    }
    // A short head before a colon, opened by a cue word.
    let colon = line.find([':', '：'])?;
    let head: Vec<&(String, usize)> = words.iter().take_while(|(_, end)| *end <= colon).collect();
    if head.is_empty() || head.len() > 4 {
        return None;
    }
    // The cue opens the line: `وقال المصدر: …` is prose, `المصدر: …` a label.
    let has = |cues: &[&str]| cues.contains(&head[0].0.as_str());
    let kind = if has(SECTION_CUES) {
        LabelKind::Section
    } else if has(TAG_CUES) {
        LabelKind::Tags
    } else if has(SOURCE_CUES) {
        LabelKind::Source
    } else {
        return None;
    };
    Some((kind, head[head.len() - 1].1))
}
