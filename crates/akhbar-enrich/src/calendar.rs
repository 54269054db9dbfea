//! Calendar arithmetic: Gregorian dates as day numbers, ISO weeks, and the Umm al-Qura Hijri
//! calendar used by Saudi and Gulf news (`هـ`).

use std::fmt;

/// A Gregorian calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Civil {
    /// Year (proleptic Gregorian).
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of month, 1–31.
    pub day: u32,
}

impl fmt::Display for Civil {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days in a Gregorian month.
#[must_use]
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Civil {
    /// A valid date, or `None`.
    #[must_use]
    pub fn new(year: i32, month: u32, day: u32) -> Option<Civil> {
        ((1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && (1..=9999).contains(&year))
        .then_some(Civil { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    #[must_use]
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date a number of days after 1970-01-01.
    #[must_use]
    pub fn from_days(z: i64) -> Civil {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Civil { year: (y + i64::from(m <= 2)) as i32, month: m, day: d }
    }

    /// This date plus `n` days.
    #[must_use]
    pub fn add_days(self, n: i64) -> Civil {
        Civil::from_days(self.days() + n)
    }

    /// Day of week, 0 = Monday … 6 = Sunday.
    #[must_use]
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.days() + 3).rem_euclid(7)) as u32
    }

    /// ISO 8601 week-numbering year and week.
    #[must_use]
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(3 - i64::from(self.weekday()));
        let jan1 = Civil { year: thursday.year, month: 1, day: 1 };
        let week = ((thursday.days() - jan1.days()) / 7 + 1) as u32;
        (thursday.year, week)
    }
}

/// The Umm al-Qura calendar, 1365–1500 AH (1945–2077 CE), from the official month-start table
/// (as published in the hijri-converter project, MIT): one 12-bit mask per year, bit `m` set
/// when month `m + 1` has 30 days (else 29).
#[derive(Debug, Clone, Copy)]
pub struct HijriCalendar;

const HIJRI_FIRST_YEAR: i32 = 1365;
/// 1 Muharram 1365 AH.
const HIJRI_EPOCH: Civil = Civil { year: 1945, month: 12, day: 5 };
const MONTH_LENGTHS: [u16; 136] = [
    0xd55, 0x555, 0x555, 0xd55, 0x6d5, 0x555, 0xea5, 0xd2a, 0xaaa, 0xcd5, 0x655, 0x572, 0xda9,
    0x555, 0xaaa, 0x555, 0x52d, 0xa6d, 0x55a, 0x555, 0x74d, 0xd53, 0xd54, 0x556, 0xd55, 0x2d5,
    0xd55, 0xd54, 0xd45, 0x655, 0x52d, 0xa5d, 0x55a, 0xad5, 0x6aa, 0xd4b, 0x52a, 0xa57, 0x4ae,
    0x976, 0x56c, 0xb55, 0xaaa, 0xa55, 0x4ad, 0x95d, 0x2da, 0x5d9, 0xdb2, 0xba4, 0xb4a, 0xa55,
    0x2b5, 0x575, 0xb6a, 0xbd2, 0xbc4, 0xb89, 0xa95, 0x52d, 0x5ad, 0xb6a, 0x6d4, 0xdc9, 0xd92,
    0xaa6, 0x956, 0x2ae, 0x56d, 0x36a, 0xb55, 0xaaa, 0x94d, 0x49d, 0x95d, 0x2ba, 0x5b5, 0x5aa,
    0xd55, 0xa9a, 0x92e, 0x26e, 0x55d, 0xada, 0x6d4, 0x6a5, 0x54b, 0xa97, 0x54e, 0xaae, 0x5ac,
    0xba9, 0xd92, 0xb25, 0x64b, 0xcab, 0x55a, 0xb55, 0x6d2, 0xea5, 0xe4a, 0xa95, 0x52d, 0xaad,
    0x36c, 0x759, 0x6d2, 0x695, 0x52d, 0xa5b, 0x4ba, 0x9ba, 0x3b4, 0xb69, 0xb52, 0xaa6, 0x4b6,
    0x96d, 0x2ec, 0x6d9, 0xeb2, 0xd54, 0xd2a, 0xa56, 0x4ae, 0x96d, 0xd6a, 0xb54, 0xb29, 0xa93,
    0x52b, 0xa57, 0x536, 0xab5, 0x6aa, 0xe93,
];

impl HijriCalendar {
    /// The Gregorian date of a Hijri (Umm al-Qura) date; `None` outside 1365–1500 AH or for an
    /// invalid day.
    #[must_use]
    pub fn to_civil(year: i32, month: u32, day: u32) -> Option<Civil> {
        if !(1..=12).contains(&month) || !(1..=30).contains(&day) {
            return None;
        }
        let idx = usize::try_from(year - HIJRI_FIRST_YEAR).ok()?;
        let mask = *MONTH_LENGTHS.get(idx)?;
        let len = |m: u32| if mask & (1 << (m - 1)) != 0 { 30 } else { 29 };
        if day > len(month) {
            return None;
        }
        let mut days: i64 = 0;
        for y in &MONTH_LENGTHS[..idx] {
            days += (0..12).map(|m| if y & (1 << m) != 0 { 30 } else { 29 }).sum::<i64>();
        }
        days += (1..month).map(|m| i64::from(len(m))).sum::<i64>();
        Some(HIJRI_EPOCH.add_days(days + i64::from(day) - 1))
    }

    /// The Hijri (year, month, day) of a Gregorian date, inside the table's range.
    #[must_use]
    pub fn from_civil(date: Civil) -> Option<(i32, u32, u32)> {
        let mut rest = date.days() - HIJRI_EPOCH.days();
        if rest < 0 {
            return None;
        }
        for (i, mask) in MONTH_LENGTHS.iter().enumerate() {
            for m in 0..12u32 {
                let len = if mask & (1 << m) != 0 { 30 } else { 29 };
                if rest < len {
                    return Some((HIJRI_FIRST_YEAR + i as i32, m + 1, rest as u32 + 1));
                }
                rest -= len;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(y: i32, m: u32, d: u32) -> Civil {
        Civil::new(y, m, d).expect("valid test date")
    }

    #[test]
    fn day_numbers_round_trip() {
        for z in [-800_000, -1, 0, 1, 19_000, 20_000, 2_000_000] {
            assert_eq!(Civil::from_days(z).days(), z);
        }
        assert_eq!(c(1970, 1, 1).days(), 0);
        assert_eq!(c(2024, 1, 26).weekday(), 4, "26 Jan 2024 was a Friday");
        assert_eq!(c(2024, 9, 30).weekday(), 0, "30 Sep 2024 was a Monday");
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(c(2018, 4, 2).iso_week(), (2018, 14));
        assert_eq!(c(2021, 1, 3).iso_week(), (2020, 53));
        assert_eq!(c(2024, 12, 30).iso_week(), (2025, 1));
    }

    /// Checked against hijri-converter's Umm al-Qura conversion (and the announced dates).
    #[test]
    fn umm_al_qura() {
        let rows = [
            ((1436, 10, 1), c(2015, 7, 17)),
            ((1436, 9, 22), c(2015, 7, 9)),
            ((1436, 11, 8), c(2015, 8, 23)),
            ((1445, 9, 1), c(2024, 3, 11)),
            ((1446, 1, 1), c(2024, 7, 7)),
            ((1400, 1, 1), c(1979, 11, 20)),
            ((1420, 12, 10), c(2000, 3, 16)),
            ((1500, 12, 29), c(2077, 11, 15)),
            ((1365, 1, 1), c(1945, 12, 5)),
        ];
        for ((y, m, d), g) in rows {
            assert_eq!(HijriCalendar::to_civil(y, m, d), Some(g), "{y}-{m}-{d}");
            assert_eq!(HijriCalendar::from_civil(g), Some((y, m, d)), "{g}");
        }
        assert_eq!(HijriCalendar::to_civil(1300, 1, 1), None);
        assert_eq!(HijriCalendar::to_civil(1436, 13, 1), None);
    }
}
