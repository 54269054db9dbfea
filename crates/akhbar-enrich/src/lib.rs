//! Enrichment of Arabic news text: dates (and, as they land, entities and tags).
//!
//! - [`calendar`]: Gregorian day arithmetic, ISO weeks, and the Umm al-Qura Hijri calendar
//!   (`HijriCalendar`);
//! - [`dates`]: the date recogniser: finds date expressions in text with char offsets and
//!   resolves them against a [`dates::Reference`] at their real granularity.
//!
//! ```
//! use akhbar_enrich::dates::{find_dates, Reference};
//! let r = Reference::parse("2024-10-01").unwrap();
//! let found = find_dates("وأعلنت واشنطن، الجمعة الماضي، انتهاء المهمة", Some(&r));
//! assert_eq!(found[0].value.to_string(), "2024-09-27");
//! ```
//!
//! Everything here is pure and never panics.

pub mod calendar;
pub mod clusters;
pub mod dates;
pub mod ner;
pub mod tags;
