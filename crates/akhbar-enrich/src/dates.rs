//! The date recogniser: every way Arabic news writes a day, resolved to the calendar.
//!
//! It reads akhbar's tokens (folded, clitic-stripped bases) and matches, longest first:
//! - absolute dates with month names of every regional system (`26 كانون الثاني 2024`,
//!   `12 أيار/مايو المقبل`, `مايو (أيار)`, `جانفي`, `يوليوز`, `كانون 2`), ordinal days
//!   (`الخامس من يونيو`), lists and ranges (`22 و23 مارس`, `من 26 نيسان إلى 2 أيار`), numeric
//!   dates (`22-9-1436هـ`, `8 / 11 / 1436 هـ`), Hijri dates in the Umm al-Qura calendar and dual
//!   dates (`5 رمضان 1445هـ الموافق 15 مارس 2024م`, read as one expression);
//! - relative days (`اليوم`, `أمس`, `أول أمس`, `غداً`, `بعد غد`) with weekdays and day parts
//!   (`فجر اليوم الثلاثاء`, `مساء أمس`, `اليوم (الاثنين)`), weekdays with `الماضي`/`المقبل`;
//! - years (`عام 2014`) and relative periods (`العام الماضي`, `الأسبوع الحالي`, `الشهر المقبل`).
//!
//! Resolution uses the reference time, the weekday the text states (a weekday after `اليوم`
//! confirms or corrects the day) and the tense around a bare weekday (`سيلتقي الخميس` is ahead).
//! Values carry their real granularity: day, month, year or ISO week.

use crate::calendar::{Civil, HijriCalendar};
use akhbar_text::{Analyzed, Analyzer, TokenKind};
use serde::Serialize;
use std::cell::Cell;
use std::fmt;

/// The time relative expressions are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    /// The reference day.
    pub date: Civil,
    /// The text was written on this day or later (a section anchored by an embedded post's
    /// date): `اليوم الثلاثاء` then means the first Tuesday from this day on.
    pub at_least: bool,
}

impl Reference {
    /// A reference on a known day.
    #[must_use]
    pub fn on(date: Civil) -> Self {
        Self { date, at_least: false }
    }

    /// A reference whose text was written on this day or later.
    #[must_use]
    pub fn at_least(date: Civil) -> Self {
        Self { date, at_least: true }
    }

    /// Reads the date of an ISO 8601 time (`2018-04-28T13:15:18+00:00`, `2015-08-02 23:17`,
    /// `2024-01-26`) or an RFC 2822 one (`Sat, 02 Jun 2018 16:55:30 GMT`).
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim();
        let iso = t.get(..10).and_then(|d| {
            let mut parts = d.split('-');
            let y = parts.next()?.parse().ok()?;
            let m = parts.next()?.parse().ok()?;
            let dd = parts.next()?.parse().ok()?;
            Civil::new(y, m, dd)
        });
        if let Some(date) = iso {
            return Some(Self::on(date));
        }
        // RFC 2822: [Day,] DD Mon YYYY …
        let words: Vec<&str> = t.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        for w in words.windows(3) {
            if let (Ok(d), Some(m), Ok(y)) =
                (w[0].parse::<u32>(), english_month(w[1]), w[2].parse::<i32>())
                && let Some(date) = Civil::new(y, m, d)
            {
                return Some(Self::on(date));
            }
        }
        None
    }
}

/// Whether a phrase's first word is `word` (a prefix comparison: no search).
fn starts_with_word(phrase: &str, word: &str) -> bool {
    !word.is_empty()
        && phrase.starts_with(word)
        && phrase.as_bytes().get(word.len()).is_none_or(|&b| b == b' ')
}

fn english_month(w: &str) -> Option<u32> {
    const M: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let l = w.to_ascii_lowercase();
    M.iter().position(|m| l.starts_with(m)).map(|p| p as u32 + 1)
}

/// A date at the granularity the text supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    /// A calendar day.
    Day(Civil),
    /// A month of a year.
    Month(i32, u32),
    /// A year.
    Year(i32),
    /// An ISO week.
    Week(i32, u32),
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Day(d) => write!(f, "{d}"),
            Self::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Self::Year(y) => write!(f, "{y:04}"),
            Self::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// The expression as written.
    pub text: String,
    /// Its ISO value.
    pub value: DateValue,
    /// Offset of its first char (Unicode scalar values).
    pub start: usize,
    /// Offset after its last char.
    pub end: usize,
    /// The time of day stated right after a day (`في تمام الساعة 18:00 غرينتش`), as
    /// `HH:MM` with an offset when one is stated (`18:00+00:00`). The value keeps the day's
    /// granularity; the time rides beside it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// Time zones named after a clock time (folded), with their offsets.
const ZONES: &[(&str, &str)] = &[
    ("غرينتش", "+00:00"),
    ("جرينتش", "+00:00"),
    ("gmt", "+00:00"),
    ("utc", "+00:00"),
    ("مكه", "+03:00"),
    ("الرياض", "+03:00"),
    ("بغداد", "+03:00"),
    ("القاهره", "+02:00"),
    ("بيروت", "+02:00"),
    ("دمشق", "+03:00"),
    ("عمان", "+03:00"),
    ("الامارات", "+04:00"),
    ("ابوظبي", "+04:00"),
    ("الدوحه", "+03:00"),
    ("المغرب", "+01:00"),
];

// ---------------------------------------------------------------------------------------------
// Vocabulary (folded). Each table is data: a new spelling is one more entry.

/// Gregorian month names of every regional system, with the number of words they take.
const GREGORIAN_MONTHS: &[(&str, u32)] = &[
    // Egyptian / Gulf transliterations and their variants.
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("اغسطس", 8),
    ("اغسطوس", 8),
    ("سبتمبر", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // Levantine / Iraqi.
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("اذار", 3),
    ("نيسان", 4),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("اب", 8),
    ("ايلول", 9),
    ("تشرين الاول", 10),
    ("تشرين الثاني", 11),
    ("كانون الاول", 12),
    ("كانون 2", 1),
    ("تشرين 1", 10),
    ("تشرين 2", 11),
    ("كانون 1", 12),
    // Algerian / Tunisian.
    ("جانفي", 1),
    ("فيفري", 2),
    ("افريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويليه", 7),
    ("جويلييه", 7),
    ("اوت", 8),
    // Moroccan.
    ("يوليوز", 7),
    ("غشت", 8),
    ("شتنبر", 9),
    ("نونبر", 11),
    ("دجنبر", 12),
];

/// Umm al-Qura months.
const HIJRI_MONTHS: &[(&str, u32)] = &[
    ("محرم", 1),
    ("صفر", 2),
    ("ربيع الاول", 3),
    ("ربيع الثاني", 4),
    ("ربيع الاخر", 4),
    ("جمادي الاولي", 5),
    ("جمادي الاول", 5),
    ("جمادي الثانيه", 6),
    ("جمادي الاخره", 6),
    ("جمادي الثاني", 6),
    ("رجب", 7),
    ("شعبان", 8),
    ("رمضان", 9),
    ("شوال", 10),
    ("ذو القعده", 11),
    ("ذي القعده", 11),
    ("ذو الحجه", 12),
    ("ذي الحجه", 12),
];

/// Month names that are also common words (`أب` father, `ماي`, `صفر` zero, `رجب` and `شعبان`
/// as names, `مارس` practised): they count only next to a day, a year or another month name.
const AMBIGUOUS_MONTHS: &[&str] =
    &["اب", "ماي", "صفر", "رجب", "شعبان", "مارس", "جوان", "اوت", "غشت", "تموز"];

/// Weekdays, 0 = Monday.
const WEEKDAYS: &[(&str, u32)] = &[
    ("الاثنين", 0),
    ("الثلاثاء", 1),
    ("الاربعاء", 2),
    ("الخميس", 3),
    ("الجمعه", 4),
    ("السبت", 5),
    ("الاحد", 6),
];

/// Day parts that attach to a day (`فجر اليوم`, `مساء الأحد`).
const DAY_PARTS: &[&str] = &[
    "فجر",
    "صباح",
    "ظهر",
    "عصر",
    "مساء",
    "ليل",
    "ليله",
    "صبيحه",
    "ظهيره",
    "ضحي",
    "عشيه",
    "منتصف",
    "نهار",
    "قبيل",
    "ساعات",
];

/// Relative days and their offsets, longest first.
const RELATIVE_DAYS: &[(&str, i64)] = &[
    ("اول من امس", -2),
    ("يوم اول من امس", -2),
    ("امس الاول", -2),
    ("اول امس", -2),
    ("بعد غد", 2),
    ("يوم امس", -1),
    ("اليوم", 0),
    ("امس", -1),
    ("البارحه", -1),
    ("غدا", 1),
    ("الغد", 1),
];

const PAST: &[&str] = &["الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفايت", "الفايته", "السابق"];
const FUTURE: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه", "التالي"];
const CURRENT: &[&str] = &["الجاري", "الحالي", "الحاليه", "نفسه", "ذاته"];

/// Ordinal day words: units, and the tens they combine with (`الثامن والعشرين`).
const ORDINAL_UNITS: &[(&str, u32)] = &[
    ("الاول", 1),
    ("الحادي", 1),
    ("الثاني", 2),
    ("الثالث", 3),
    ("الرابع", 4),
    ("الخامس", 5),
    ("السادس", 6),
    ("السابع", 7),
    ("الثامن", 8),
    ("التاسع", 9),
    ("العاشر", 10),
];
const ORDINAL_TENS: &[(&str, u32)] = &[("العشرين", 20), ("الثلاثين", 30)];

/// Words that introduce a year (`عام 2014`, `للعام 2016`, `سنة 2011`).
const YEAR_WORDS: &[&str] = &["عام", "العام", "سنه", "السنه", "عامي"];

/// Words after which a bare month name is a date (`في مايو`, `مطلع يناير`).
const MONTH_CONTEXT: &[&str] = &[
    "شهر",
    "في",
    "خلال",
    "منذ",
    "مطلع",
    "اوايل",
    "اواخر",
    "منتصف",
    "نهايه",
    "بدايه",
    "حتي",
    "قبل",
    "بعد",
];

// ---------------------------------------------------------------------------------------------

/// One token as the recogniser sees it.
struct Tok {
    /// Folded base for words (clitics off, article kept), key for others.
    key: String,
    /// The token's own folded key (with its clitics).
    raw: String,
    kind: TokenKind,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
}

fn toks_of(text: &str) -> Vec<Tok> {
    let analyzer = Analyzer::embedded();
    analyzer
        .analyze(text)
        .into_iter()
        .filter(|a| !a.token.in_hashtag)
        .map(|a: Analyzed<'_>| Tok {
            key: if a.token.kind == TokenKind::Word {
                a.base.into_owned()
            } else {
                a.token.key.to_string()
            },
            raw: a.token.key.into_owned(),
            kind: a.token.kind,
            start: a.token.start,
            end: a.token.end,
            byte_start: a.token.byte_start,
            byte_end: a.token.byte_end,
        })
        .collect()
}

/// The parser's view of a text.
struct Parser<'t> {
    toks: &'t [Tok],
    reference: Option<&'t Reference>,
    /// The month of the last date found (`من الشهر نفسه` refers to it).
    last_month: Cell<Option<(i32, u32)>>,
    /// The last weekday resolved and the token after it (`الخميس والجمعة`: the second day
    /// follows the first).
    last_weekday: Cell<Option<(usize, Civil)>>,
}

/// A day without its year yet (`25 فبراير`), or a month.
#[derive(Clone, Copy)]
struct Partial {
    day: Option<u32>,
    month: u32,
    year: Option<i32>,
    hijri: bool,
}

/// A partial date over tokens `start..end`, with its modifier.
type PartialSpan = (usize, usize, Partial, Modifier);
/// A resolved date over tokens `start..end`.
type ValueSpan = (usize, usize, DateValue);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Modifier {
    None,
    Past,
    Future,
    Current,
}

impl Parser<'_> {
    fn key(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.key.as_str())
    }

    fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.raw.as_str())
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.key(i))
    }

    fn number(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Number || t.key.len() > 4 {
            return None;
        }
        t.key.parse().ok()
    }

    /// A multi-word table entry starting at `i`: (value, next index). Longest first.
    fn phrase(&self, i: usize, table: &[(&str, u32)]) -> Option<(u32, usize)> {
        let mut best: Option<(u32, usize)> = None;
        let first = self.key(i);
        for (name, value) in table {
            // Most phrases are ruled out by their first word, before any splitting.
            if !starts_with_word(name, first) {
                continue;
            }
            let mut j = i;
            let ok = name.split(' ').all(|w| {
                let hit = self.key(j) == w || (j > i && self.raw(j) == w);
                j += 1;
                hit
            });
            if ok && best.is_none_or(|(_, e)| j > e) {
                best = Some((*value, j));
            }
        }
        best
    }

    /// A weekday at `i` (0 = Monday) and what follows it. `الأحد عشر` and `الاثني عشر` are
    /// numbers (eleven, twelve), not days.
    fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        let (wd, next) = self.phrase(i, WEEKDAYS)?;
        (!self.is(next, &["عشر", "عشره"])).then_some((wd, next))
    }

    fn phrase_i64(&self, i: usize, table: &[(&str, i64)]) -> Option<(i64, usize)> {
        let mut best: Option<(i64, usize)> = None;
        let first = self.key(i);
        for (name, value) in table {
            if !starts_with_word(name, first) {
                continue;
            }
            let mut j = i;
            let ok = name.split(' ').all(|w| {
                let hit = self.key(j) == w;
                j += 1;
                hit
            });
            if ok && best.is_none_or(|(_, e)| j > e) {
                best = Some((*value, j));
            }
        }
        best
    }

    fn modifier(&self, i: usize) -> (Modifier, usize) {
        if self.is(i, PAST) {
            (Modifier::Past, i + 1)
        } else if self.is(i, FUTURE) {
            (Modifier::Future, i + 1)
        } else if self.is(i, CURRENT) {
            (Modifier::Current, i + 1)
        } else {
            (Modifier::None, i)
        }
    }

    fn punct(&self, i: usize, chars: &[&str]) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && chars.contains(&t.key.as_str()))
    }

    /// A month name (possibly paired: `أيار/مايو`, `مايو (أيار)`, `مايو ايار`): (month, hijri,
    /// next, ambiguous).
    fn month(&self, i: usize) -> Option<(u32, bool, usize, bool)> {
        let (m, hijri, mut j) = match self.phrase(i, GREGORIAN_MONTHS) {
            Some((m, j)) => (m, false, j),
            None => {
                let (m, j) = self.phrase(i, HIJRI_MONTHS)?;
                (m, true, j)
            }
        };
        let mut ambiguous = j == i + 1 && AMBIGUOUS_MONTHS.contains(&self.key(i));
        if !hijri {
            // The paired name: `/ آذار`, `(آذار)`, `- آذار`, or just `آذار`.
            let mut k = j;
            let open = self.punct(k, &["/", "(", "-", "،", ","]);
            if open {
                k += 1;
            }
            if let Some((m2, k2)) = self.phrase(k, GREGORIAN_MONTHS)
                && m2 == m
            {
                j = k2;
                if self.punct(j, &[")"]) {
                    j += 1;
                }
                ambiguous = false;
            }
        }
        Some((m, hijri, j, ambiguous))
    }

    /// A day of month written as a number or as ordinal words followed by `من`.
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let mut i = i;
        // `الـ15`
        if self.key(i) == "ال" && self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word) {
            i += 1;
        }
        if let Some(n) = self.number(i)
            && (1..=31).contains(&n)
            && self.toks.get(i).is_some_and(|t| t.end - t.start <= 2)
        {
            // `15 من أغسطس` also happens.
            let next = if self.key(i + 1) == "من" { i + 2 } else { i + 1 };
            return Some((n, next));
        }
        // Ordinal words: `الخامس من`, `الثامن والعشرين من`, `الحادي عشر من`.
        let (unit, mut j) = self.phrase(i, ORDINAL_UNITS)?;
        let mut day = unit;
        if self.raw(j) == "عشر" {
            day += 10;
            j += 1;
        } else if let Some((tens, k)) = self.phrase(j, ORDINAL_TENS) {
            day += tens;
            j = k;
        }
        // Ordinal days are dates only with `من` (`الخامس من يونيو`).
        if self.key(j) != "من" || day > 31 {
            return None;
        }
        Some((day, j + 1))
    }

    /// A year after a date or a year word: (year, hijri, next).
    fn year(&self, i: usize) -> Option<(i32, Option<bool>, usize)> {
        let mut i = i;
        if self.punct(i, &[",", "،"]) {
            i += 1;
        }
        if self.is(i, YEAR_WORDS) {
            i += 1;
        }
        let n = self.number(i)?;
        if self.toks.get(i).is_some_and(|t| t.key.len() != 4) {
            return None;
        }
        let y = n as i32;
        let (era, j) = self.era(i + 1);
        let hijri = era.unwrap_or((1300..=1500).contains(&y));
        let plausible = if hijri { (1300..=1500).contains(&y) } else { (1000..=2100).contains(&y) };
        plausible.then_some((y, Some(hijri), j))
    }

    /// An era marker at `j` (`هـ` Hijri, `م` Gregorian): whether it is Hijri, and what follows.
    fn era(&self, j: usize) -> (Option<bool>, usize) {
        match self.key(j) {
            "ه" | "هـ" => (Some(true), j + 1),
            "م" => (Some(false), j + 1),
            _ => (None, j),
        }
    }

    /// A numeric date: `22-9-1436هـ`, `8 / 11 / 1436 هـ`, `23 / 8 2015م`, `2018-05-12`.
    fn numeric(&self, i: usize) -> Option<(Partial, usize)> {
        let a = self.number(i)?;
        let sep = |k: usize| self.punct(k, &["/", "-", "."]);
        if !sep(i + 1) {
            return None;
        }
        let b = self.number(i + 2)?;
        let mut j = i + 3;
        if sep(j) {
            j += 1;
        }
        let c = self.number(j)?;
        let c_len = self.toks.get(j).map_or(0, |t| t.key.len());
        let a_len = self.toks.get(i).map_or(0, |t| t.key.len());
        let (era, j) = self.era(j + 1);
        let (y, m, d) = if a_len == 4 {
            (a as i32, b, c)
        } else if c_len == 4 {
            (c as i32, b, a)
        } else {
            return None;
        };
        let hijri = era.unwrap_or((1300..=1500).contains(&y));
        Some((Partial { day: Some(d), month: m, year: Some(y), hijri }, j))
    }

    /// A date with a month name: `[weekday] DAY [and DAY] MONTH [YEAR] [modifier]`, or a month
    /// alone with a year, modifier or context word. Returns the partial dates (two for a list).
    fn named(&self, i: usize) -> Option<(Vec<PartialSpan>, usize)> {
        let start = i;
        let mut days: Vec<(usize, u32)> = Vec::new();
        let mut j = start;
        if let Some((d, k)) = self.day(j) {
            days.push((j, d));
            j = k;
            // `22 و23 مارس`, `12 و13 و14 شوال`, `22 - 23 مارس`, `من 26 إلى 28 مارس`
            while days.len() < 7 {
                let link = self.key(j) == "و"
                    || self.punct(j, &["-", "،", ","])
                    || self.is(j, &["الي", "حتي"]);
                match self.day(j + 1) {
                    Some((d2, k2)) if link => {
                        days.push((j + 1, d2));
                        j = k2;
                    }
                    _ => break,
                }
            }
        }
        if self.key(j) == "شهر" {
            j += 1;
        }
        // `من نفس الشهر`, `من الشهر نفسه`, `من الشهر الجاري`: the reference month.
        let same_month = (self.key(j) == "نفس" && self.key(j + 1) == "الشهر")
            || (self.key(j) == "الشهر" && self.is(j + 1, &["نفسه", "ذاته", "الجاري", "الحالي"]));
        if !days.is_empty() && same_month {
            let (year, month) = match self.last_month.get() {
                Some(ym) => ym,
                None => (self.reference?.date.year, self.reference?.date.month),
            };
            let p = Partial { day: None, month, year: Some(year), hijri: false };
            let out = days
                .iter()
                .map(|&(s, d)| (s, j + 2, Partial { day: Some(d), ..p }, Modifier::Current))
                .collect();
            return Some((out, j + 2));
        }
        let (month, hijri, mut k, ambiguous) = self.month(j)?;
        let (mut year, mut hijri_year) = (None, hijri);
        if let Some((y, h, k2)) = self.year(k) {
            // A Gregorian year after a Hijri month (or the reverse) is no year of this date.
            if h == Some(hijri) || h.is_none() {
                year = Some(y);
                hijri_year = hijri;
                k = k2;
            }
        }
        let (modifier, k3) = if year.is_none() { self.modifier(k) } else { (Modifier::None, k) };
        k = k3;
        if days.is_empty() {
            let context =
                start > 0 && self.is(start - 1, MONTH_CONTEXT) || self.key(start) == "شهر";
            if year.is_none() && modifier == Modifier::None && (!context || ambiguous) {
                return None;
            }
            if ambiguous && year.is_none() && modifier == Modifier::None && self.key(start) != "شهر"
            {
                return None;
            }
        }
        let p = Partial { day: None, month, year, hijri: hijri_year };
        let out: Vec<_> = if days.is_empty() {
            vec![(start, k, p, modifier)]
        } else {
            days.iter()
                .enumerate()
                .map(|(n, &(s, d))| {
                    let s = if n == 0 { start } else { s };
                    (s, k, Partial { day: Some(d), ..p }, modifier)
                })
                .collect()
        };
        Some((out, k))
    }

    /// Resolves a partial date against the reference.
    fn resolve(&self, p: Partial, modifier: Modifier) -> Option<DateValue> {
        let r = self.reference;
        if p.hijri {
            let year = match p.year {
                Some(y) => y,
                None => {
                    let (hy, _, _) = HijriCalendar::from_civil(r?.date)?;
                    // The nearest of last, this and next Hijri year.
                    let day = p.day.unwrap_or(1);
                    let target = r?.date.days();
                    (hy - 1..=hy + 1)
                        .filter_map(|y| {
                            HijriCalendar::to_civil(y, p.month, day)
                                .map(|c| (y, (c.days() - target).abs()))
                        })
                        .min_by_key(|&(_, d)| d)?
                        .0
                }
            };
            return match p.day {
                Some(d) => HijriCalendar::to_civil(year, p.month, d).map(DateValue::Day),
                None => {
                    let c = HijriCalendar::to_civil(year, p.month, 1)?;
                    Some(DateValue::Month(c.year, c.month))
                }
            };
        }
        let year = match p.year {
            Some(y) => y,
            None => {
                let r = r?.date;
                let candidates = [r.year - 1, r.year, r.year + 1];
                let day = p.day.unwrap_or(1);
                let at = |y: i32| {
                    Civil::new(y, p.month, day.min(crate::calendar::days_in_month(y, p.month)))
                };
                let pick = match modifier {
                    Modifier::Current => Some(r.year),
                    Modifier::Past => candidates.iter().rev().copied().find(|&y| match p.day {
                        Some(_) => at(y).is_some_and(|c| c < r),
                        None => (y, p.month) < (r.year, r.month),
                    }),
                    Modifier::Future => candidates.iter().copied().find(|&y| match p.day {
                        Some(_) => at(y).is_some_and(|c| c > r),
                        None => (y, p.month) > (r.year, r.month),
                    }),
                    Modifier::None => candidates
                        .iter()
                        .copied()
                        .filter_map(|y| at(y).map(|c| (y, (c.days() - r.days()).abs())))
                        .min_by_key(|&(_, d)| d)
                        .map(|(y, _)| y),
                };
                pick?
            }
        };
        match p.day {
            Some(d) => Civil::new(year, p.month, d).map(DateValue::Day),
            None => (1..=12).contains(&p.month).then_some(DateValue::Month(year, p.month)),
        }
    }

    /// Whether the words around token `i` speak of the future (`سيلتقي`, `المقبلة`, `غداً`).
    fn future_context(&self, i: usize) -> bool {
        let lex = Analyzer::embedded().lexicon();
        let from = i.saturating_sub(6);
        let to = (i + 7).min(self.toks.len());
        (from..to).filter(|&k| k != i).any(|k| {
            let key = self.key(k);
            if FUTURE.contains(&key)
                || matches!(key, "غدا" | "المرتقب" | "المقرر" | "المنتظر" | "يعتزم" | "تعتزم")
            {
                return true;
            }
            // The future prefix س on a verb: the rest is a common word and the whole is not
            // a word of its own far more common (`سيارة`, `سياسة` are nouns).
            let mut chars = key.chars();
            if chars.next() == Some('س')
                && matches!(chars.clone().next(), Some('ي' | 'ت' | 'ن' | 'ا'))
            {
                let rest = chars.as_str();
                let (f_rest, f_all) = (lex.frequency(rest), lex.frequency(key));
                return rest.chars().count() >= 3 && f_rest >= 30 && f_all * 3 < f_rest;
            }
            false
        })
    }

    /// A weekday resolved against the reference: `direction` -1 strictly before, +1 strictly
    /// after, 0 the nearest (today or before, or today or after when the text looks ahead).
    fn weekday_date(&self, wd: u32, direction: i32, at: usize) -> Option<Civil> {
        let r = self.reference?;
        let today = r.date.weekday() as i64;
        let wd = i64::from(wd);
        let back = (today - wd).rem_euclid(7);
        let ahead = (wd - today).rem_euclid(7);
        let offset = match direction {
            -1 => -(if back == 0 { 7 } else { back }),
            1 => {
                if ahead == 0 {
                    7
                } else {
                    ahead
                }
            }
            _ if r.at_least => ahead,
            // `قال، الاثنين، إن …`: said on that day, whatever the sentence goes on to plan.
            _ if (at.saturating_sub(3)..at).any(|k| self.is(k, REPORTING)) => -back,
            _ if self.future_context(at) => ahead,
            _ => -back,
        };
        Some(r.date.add_days(offset))
    }

    /// A relative day or weekday expression: `[day part] [يوم] (relative-day [(weekday)] |
    /// weekday) [modifier]`.
    fn relative(&self, i: usize) -> Option<(DateValue, usize)> {
        let mut j = i;
        if self.is(j, &["بعد"]) && self.is(j + 1, DAY_PARTS) {
            j += 1;
        }
        if self.is(j, DAY_PARTS) {
            j += 1;
            // `ساعات ليل الأحد`, `منتصف ليل`
            if self.is(j, DAY_PARTS) {
                j += 1;
            }
        }
        if self.key(j) == "يوم"
            && (self.weekday(j + 1).is_some() || self.phrase_i64(j + 1, RELATIVE_DAYS).is_some())
        {
            j += 1;
        }
        let r = self.reference?;
        if let Some((offset, k)) = self.phrase_i64(j, RELATIVE_DAYS) {
            // A weekday after it (bare or in brackets) confirms or corrects the day; a relative
            // day in brackets (`اليوم (أمس)`) replaces it.
            let open = self.punct(k, &["("]);
            let inner = if open { k + 1 } else { k };
            if let Some((wd, k2)) = self.weekday(inner) {
                let close = if open && self.punct(k2, &[")"]) {
                    k2 + 1
                } else if open {
                    return Some((DateValue::Day(r.date.add_days(offset)), k));
                } else {
                    k2
                };
                let direction = match offset {
                    0 => 0,
                    o if o < 0 => -1,
                    _ => 1,
                };
                let date = if direction == 0 && r.date.weekday() == wd {
                    r.date
                } else if direction == 0 {
                    self.weekday_date(wd, 0, j)?
                } else {
                    // `أمس الجمعة`: the named day, counted back (or ahead) from the reference.
                    let named = self.weekday_date(wd, direction, j)?;
                    if (named.days() - r.date.days()).abs() <= 7 {
                        named
                    } else {
                        r.date.add_days(offset)
                    }
                };
                return Some((DateValue::Day(date), close));
            }
            if open
                && let Some((o2, k2)) = self.phrase_i64(inner, RELATIVE_DAYS)
                && self.punct(k2, &[")"])
            {
                return Some((DateValue::Day(r.date.add_days(o2)), k2 + 1));
            }
            return Some((DateValue::Day(r.date.add_days(offset)), k));
        }
        let (wd, k) = self.weekday(j)?;
        if j > 0 && self.is(j - 1, NOT_A_DAY_BEFORE) {
            return None;
        }
        let (modifier, k2) = self.modifier(k);
        let direction = match modifier {
            Modifier::Past => -1,
            Modifier::Future => 1,
            _ => 0,
        };
        // `الخميس والجمعة`: the second day is the first one after the first.
        let chained = self
            .raw(j)
            .starts_with('و')
            .then(|| self.last_weekday.get())
            .flatten()
            .filter(|&(end, _)| end == j);
        let date = match chained {
            Some((_, prev)) if direction == 0 => {
                let ahead = (i64::from(wd) - i64::from(prev.weekday())).rem_euclid(7);
                prev.add_days(if ahead == 0 { 7 } else { ahead })
            }
            _ => self.weekday_date(wd, direction, j)?,
        };
        let end = if modifier == Modifier::Current { k } else { k2 };
        self.last_weekday.set(Some((end, date)));
        Some((DateValue::Day(date), end))
    }

    /// A bare year after `في` or `منذ` at the end of a phrase (`قيام الدولة في 1948.`).
    fn bare_year(&self, i: usize) -> Option<(DateValue, usize)> {
        if i == 0 || !self.is(i - 1, &["في", "منذ"]) {
            return None;
        }
        let n = self.number(i)?;
        let t = self.toks.get(i)?;
        let next = self.toks.get(i + 1);
        let ends_phrase = next.is_none_or(|t| t.kind == TokenKind::Punct);
        (t.key.len() == 4 && (1900..=2100).contains(&n) && ends_phrase)
            .then_some((DateValue::Year(n as i32), i + 1))
    }

    /// `عام 2014`, `العام الماضي`, `الشهر المقبل`, `الأسبوع الحالي`, `هذا العام`.
    fn period(&self, i: usize) -> Option<(DateValue, usize)> {
        let mut j = i;
        let this = self.is(j, &["هذا", "هذه"]);
        if this {
            j += 1;
        }
        let unit = self.key(j);
        let is_year = matches!(unit, "العام" | "السنه" | "عام" | "سنه");
        let is_month = unit == "الشهر";
        let is_week = unit == "الاسبوع";
        if !(is_year || is_month || is_week) {
            return None;
        }
        if is_year
            && !this
            && let Some((y, h, k)) = self.year(j)
        {
            if h == Some(true) {
                let c = HijriCalendar::to_civil(y, 1, 1)?;
                return Some((DateValue::Year(c.year), k));
            }
            return Some((DateValue::Year(y), k));
        }
        let (modifier, k) = if this { (Modifier::Current, j + 1) } else { self.modifier(j + 1) };
        let step: i64 = match modifier {
            Modifier::Past => -1,
            Modifier::Future => 1,
            Modifier::Current => 0,
            Modifier::None => return None,
        };
        // `العام` needs its article for a relative year: `عام الماضي` is not written.
        if !this && matches!(unit, "عام" | "سنه") {
            return None;
        }
        let r = self.reference?.date;
        let value = if is_year {
            DateValue::Year(r.year + step as i32)
        } else if is_month {
            let m0 = i64::from(r.year) * 12 + i64::from(r.month) - 1 + step;
            DateValue::Month(m0.div_euclid(12) as i32, (m0.rem_euclid(12) + 1) as u32)
        } else {
            let (y, w) = r.add_days(7 * step).iso_week();
            DateValue::Week(y, w)
        };
        Some((value, k))
    }
}

/// Reporting verbs: a bare weekday right after one is when something was said (the past).
const REPORTING: &[&str] = &[
    "قال",
    "قالت",
    "قوله",
    "اعلن",
    "اعلنت",
    "اكد",
    "اكدت",
    "ذكر",
    "ذكرت",
    "افاد",
    "افادت",
    "صرح",
    "اوضح",
    "اضاف",
    "اشار",
    "كشف",
    "كشفت",
    "نشر",
    "نشرت",
    "اعلان",
];

/// Words before `الجمعة` that make it the prayer, not the day.
const NOT_A_DAY_BEFORE: &[&str] = &["صلاه", "خطبه", "خطيب", "صلوات", "جمعه"];

impl Parser<'_> {
    /// What may stand before a date and belongs to it: `يوم`, `أيام`, a relative day
    /// (`غداً`), weekdays (`الخميس`, `الثلاثاء والأربعاء والخميس`), a comma. Returns where the
    /// date itself would start.
    fn date_prefix(&self, i: usize) -> usize {
        let mut j = i;
        if self.is(j, &["يوم", "ايام"]) {
            j += 1;
        }
        if let Some((_, k)) = self.phrase_i64(j, RELATIVE_DAYS) {
            j = k;
        }
        if self.is(j, &["يوم"]) {
            j += 1;
        }
        if self.weekday(j).is_some() {
            j += 1;
            while self.weekday(j).is_some() && self.raw(j).starts_with('و') {
                j += 1;
            }
        }
        if j > i && self.punct(j, &[",", "،"]) {
            j += 1;
        }
        j
    }

    /// A date (numeric or with a month name) at `i`, with a dual date after `الموافق`.
    fn date_at(&self, i: usize) -> Option<(Vec<ValueSpan>, usize)> {
        let (parts, mut end) = self
            .numeric(i)
            .map(|(d, e)| (vec![(i, e, d, Modifier::None)], e))
            .or_else(|| self.named(i))?;
        let mut values: Vec<(usize, usize, DateValue)> = parts
            .iter()
            .filter_map(|&(s, e, d, m)| self.resolve(d, m).map(|v| (s, e, v)))
            .collect();
        let mut k = end;
        if self.key(k) == "م" {
            k += 1;
        }
        if self.key(k) == "الموافق" || self.raw(k) == "الموافق" {
            let second = self
                .numeric(k + 1)
                .map(|(d, e)| (vec![(k + 1, e, d, Modifier::None)], e))
                .or_else(|| self.named(k + 1));
            if let Some((parts2, end2)) = second
                && let Some(v) = parts2.first().and_then(|&(_, _, d, m)| self.resolve(d, m))
            {
                let s = values.first().map_or(i, |x| x.0);
                values = vec![(s, end2, v)];
                end = end2;
            }
        }
        (!values.is_empty()).then_some((values, end))
    }

    /// A clock time right after a day: `[في] [تمام] الساعة 5:30 [مساء] [بتوقيت] [غرينتش]`.
    fn time_after(&self, i: usize) -> Option<String> {
        let mut j = i;
        if self.is(j, &["في", "عند", "حوالي", "نحو"]) {
            j += 1;
        }
        if self.is(j, &["تمام"]) {
            j += 1;
        }
        if !self.is(j, &["الساعه", "ساعه"]) {
            return None;
        }
        j += 1;
        let mut hour = self.number(j)?;
        let mut minute = 0;
        j += 1;
        if self.punct(j, &[":", "."])
            && let Some(m) = self.number(j + 1)
        {
            minute = m;
            j += 2;
        }
        if self.is(j, &["مساء", "ليلا", "عصرا", "ظهرا", "م"]) && (1..12).contains(&hour)
        {
            hour += 12;
            j += 1;
        } else if self.is(j, &["صباحا", "فجرا", "ص"]) {
            j += 1;
        }
        if hour > 23 || minute > 59 {
            return None;
        }
        if self.is(j, &["بتوقيت", "توقيت"]) {
            j += 1;
        }
        let offset = ZONES.iter().find(|(z, _)| self.key(j) == *z).map_or("", |(_, o)| *o);
        Some(format!("{hour:02}:{minute:02}{offset}"))
    }

    /// Whether a bare `اليوم` here is the noun (`خلال اليوم`, `اليوم الأول`, `روسيا اليوم`,
    /// `(اليوم)` as a paper's name), not today's date.
    fn today_is_a_noun(&self, i: usize) -> bool {
        let lex = Analyzer::embedded().lexicon();
        let prev = if i > 0 { self.key(i - 1) } else { "" };
        let next_tok = self.toks.get(i + 1);
        self.raw(i) != "اليوم"
            || matches!(prev, "خلال" | "طوال" | "مدار" | "هذا" | "ذلك" | "نفس" | "طيله")
            || (i > 0 && lex.is_name(prev))
            || (self.punct(i.wrapping_sub(1), &["(", "\"", "«", "“"])
                && self.punct(i + 1, &[")", "\"", "»", "”"]))
            || next_tok.is_some_and(|t| {
                t.kind == TokenKind::Word
                    && t.raw.starts_with("ال")
                    && self.weekday(i + 1).is_none()
                    && !lex.is_stop_word(&t.raw)
            })
    }
}

/// Finds the date expressions of a text. Relative expressions need a reference; without one
/// only dates that carry their year are returned.
#[must_use]
pub fn find_dates(text: &str, reference: Option<&Reference>) -> Vec<DateMention> {
    let toks = toks_of(text);
    let p = Parser {
        toks: &toks,
        reference,
        last_month: Cell::new(None),
        last_weekday: Cell::new(None),
    };
    let mut out = Vec::new();
    let mut i = 0;
    let mention = |from: usize, to: usize, value: DateValue| -> Option<DateMention> {
        let (a, b) = (toks.get(from)?, toks.get(to.checked_sub(1)?)?);
        let time = matches!(value, DateValue::Day(_)).then(|| p.time_after(to)).flatten();
        Some(DateMention {
            text: text[a.byte_start..b.byte_end].to_string(),
            value,
            start: a.start,
            end: b.end,
            time,
        })
    };
    let remember = |v: &DateValue| match *v {
        DateValue::Day(d) => p.last_month.set(Some((d.year, d.month))),
        DateValue::Month(y, m) => p.last_month.set(Some((y, m))),
        _ => {}
    };
    while i < toks.len() {
        // A date with what stands before it (`يوم الأحد 8/ 11/ 1436هـ`, `غداً السبت 23 شوال`).
        let at = p.date_prefix(i);
        let found = p
            .date_at(at)
            .map(|(v, e)| (v, e, at > i))
            .or_else(|| (at > i).then(|| p.date_at(i).map(|(v, e)| (v, e, false))).flatten());
        if let Some((values, end, prefixed)) = found {
            let n = values.len();
            for (idx, (s, e, v)) in values.into_iter().enumerate() {
                // The prefix joins the first date; in a list (`22 و23 مارس`) the first day ends
                // at its own number.
                let s = if idx == 0 && prefixed { i } else { s };
                let e = if n > 1 && idx < n - 1 { values_end_of_day(&p, s, e) } else { e };
                remember(&v);
                out.extend(mention(s, e, v));
            }
            i = end.max(i + 1);
            continue;
        }
        if p.key(i) == "اليوم"
            && p.weekday(i + 1).is_none()
            && !p.is(i.wrapping_sub(1), DAY_PARTS)
            && p.today_is_a_noun(i)
        {
            i += 1;
            continue;
        }
        if let Some((v, end)) = p.relative(i).or_else(|| p.period(i)).or_else(|| p.bare_year(i)) {
            remember(&v);
            out.extend(mention(i, end, v));
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

/// The publication day an article's lead gives (`اليوم الجمعة (26 كانون الثاني 2024)`): the
/// first full date of its first paragraph, or with a reference, the day its first relative
/// day expression (`اليوم`, `فجر اليوم الثلاثاء`) names.
#[must_use]
pub fn published_from_lead(body: &str, reference: Option<&Reference>) -> Option<Civil> {
    let lead = body.split("\n\n").find(|p| !p.trim().is_empty())?;
    let found = find_dates(lead, reference);
    // A full date written out wins (found without a reference: only dates with their year);
    // else the day a relative expression names.
    let absolute = if reference.is_some() { find_dates(lead, None) } else { found.clone() };
    let full = absolute.into_iter().find_map(|m| match m.value {
        DateValue::Day(d) => Some(d),
        _ => None,
    });
    full.or_else(|| {
        let r = reference?;
        // `اليوم الجمعة` names the day of writing (and may correct the reference); `أمس`
        // and `غداً` count from it, so the text was written on the reference day.
        found.into_iter().find_map(|m| match m.value {
            DateValue::Day(d) if m.text.contains("اليوم") => Some(d),
            DateValue::Day(_)
                if ["أمس", "امس", "غدا", "غداً"].iter().any(|w| m.text.contains(w)) =>
            {
                Some(r.date)
            }
            _ => None,
        })
    })
}

/// In a list of days the earlier items end at their own number (`22` in `22 و23 مارس`).
fn values_end_of_day(p: &Parser<'_>, s: usize, e: usize) -> usize {
    (s..e).find(|&k| p.number(k).is_some()).map_or(e, |k| k + 1)
}

#[cfg(test)]
#[path = "dates/tests.rs"]
mod tests;
