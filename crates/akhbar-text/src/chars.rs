//! Character classes used by every other module, so that "is this an Arabic letter?" has one
//! answer across cleaning, folding, tokenizing and segmenting.

/// Zero-width and bidi control characters, the BOM, soft hyphen and the Arabic letter mark:
/// characters no reader wants, removed by cleaning and ignored by folding.
#[must_use]
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}')
}

/// Space characters other than the ASCII space and line breaks (no-break, thin, ideographic …).
#[must_use]
pub fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{000B}' | '\u{000C}' | '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Arabic-script letters, including Persian/Urdu letters, the supplements and presentation forms.
#[must_use]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FBB1}'
        | '\u{FBD3}'..='\u{FD3D}'
        | '\u{FD50}'..='\u{FDC7}'
        | '\u{FDF0}'..='\u{FDFB}'
        | '\u{FE80}'..='\u{FEFC}')
}

/// Arabic diacritics and Quranic annotation marks: harakat, tanwin, shadda, sukun, hamza above
/// and below, superscript alef, small high letters.
#[must_use]
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08CA}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}'
        // Isolated and medial presentation forms of the harakat.
        | '\u{FE70}'..='\u{FE7F}')
}

/// Combining marks of other scripts (Latin accents written separately, and so on).
#[must_use]
pub fn is_other_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// The Arabic tatweel (kashida), a stretching stroke with no meaning.
pub const TATWEEL: char = '\u{0640}';

/// The value of a decimal digit in ASCII, Arabic-Indic or Persian (Extended Arabic-Indic) script.
#[must_use]
pub fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '\u{0660}'..='\u{0669}' => Some((c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => Some((c as u32 - 0x06F0) as u8),
        _ => None,
    }
}

/// Pictographic characters that start an emoji token.
#[must_use]
pub fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{231A}'..='\u{231B}'
        | '\u{23E9}'..='\u{23FA}'
        | '\u{24C2}'
        | '\u{25AA}'..='\u{25FE}'
        | '\u{2934}'..='\u{2935}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}')
}

/// Characters that continue an emoji sequence: joiners, variation selectors, skin tones, tags,
/// the keycap mark.
#[must_use]
pub fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}' | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}')
}

/// Letters of any script other than Arabic (Latin, Greek, Cyrillic …).
#[must_use]
pub fn is_other_letter(c: char) -> bool {
    c.is_alphabetic() && !is_arabic_letter(c) && !is_arabic_mark(c) && c != TATWEEL
}

/// Arabic punctuation marks that separate words: comma, semicolon, question mark, percent,
/// full stop, decimal and thousands separators, star, and the ornate parentheses.
#[must_use]
pub fn arabic_punct_ascii(c: char) -> Option<char> {
    Some(match c {
        '\u{060C}' => ',',
        '\u{061B}' => ';',
        '\u{061F}' => '?',
        '\u{066A}' => '%',
        '\u{06D4}' => '.',
        '\u{066B}' => '.',
        '\u{066C}' => ',',
        '\u{066D}' => '*',
        '\u{FD3E}' => '(',
        '\u{FD3F}' => ')',
        _ => return None,
    })
}
