//! Character predicates and case mappings of the engine (CPython's
//! `Modules/_sre/sre.c`: `sre_category`, `sre_lower_*`, `sre_upper_*`,
//! `char_loc_ignore`). "LOCALE" means the C/UTF-8 locale CPython runs under,
//! where only ASCII letters and digits have a class or a case.

use common::unicode_props::{self as uni, CaseMapping};

use super::constants::category as cat;

/// `SRE_IS_LINEBREAK`: only `\n`.
#[inline]
pub fn is_linebreak(ch: u32) -> bool {
    ch == u32::from(b'\n')
}

/// `SRE_IS_DIGIT`: ASCII digits.
#[inline]
pub fn is_digit(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_digit()
}

/// `SRE_IS_SPACE`: ASCII whitespace (`\t\n\v\f\r` and space).
#[inline]
pub fn is_space(ch: u32) -> bool {
    matches!(ch, 9..=13 | 32)
}

/// `SRE_IS_WORD`: ASCII letters, digits and `_`.
#[inline]
pub fn is_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == u32::from(b'_'))
}

/// `SRE_LOC_IS_WORD` under the C/UTF-8 locale (ASCII only).
#[inline]
pub fn is_loc_word(ch: u32) -> bool {
    is_word(ch)
}

/// `SRE_UNI_IS_DIGIT`: `str.isdecimal` (CPython's `Py_UNICODE_ISDECIMAL`).
pub fn is_uni_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_digit(ch);
    }
    uni::is_decimal(ch)
}

/// `SRE_UNI_IS_SPACE`: `str.isspace`.
pub fn is_uni_space(ch: u32) -> bool {
    uni::is_space(ch)
}

/// `SRE_UNI_IS_WORD`: `str.isalnum` or `_`.
#[inline]
pub fn is_uni_word(ch: u32) -> bool {
    if ch < 128 {
        return is_word(ch);
    }
    uni::is_alnum(ch)
}

/// `SRE_UNI_IS_LINEBREAK`: the characters `str.splitlines` splits on.
pub fn is_uni_linebreak(ch: u32) -> bool {
    matches!(
        ch,
        0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029
    )
}

/// `sre_category`: whether `ch` is in class `code`; `None` for an unknown code.
pub fn category(code: u32, ch: u32) -> Option<bool> {
    Some(match code {
        cat::DIGIT => is_digit(ch),
        cat::NOT_DIGIT => !is_digit(ch),
        cat::SPACE => is_space(ch),
        cat::NOT_SPACE => !is_space(ch),
        cat::WORD => is_word(ch),
        cat::NOT_WORD => !is_word(ch),
        cat::LINEBREAK => is_linebreak(ch),
        cat::NOT_LINEBREAK => !is_linebreak(ch),
        cat::LOC_WORD => is_loc_word(ch),
        cat::LOC_NOT_WORD => !is_loc_word(ch),
        cat::UNI_DIGIT => is_uni_digit(ch),
        cat::UNI_NOT_DIGIT => !is_uni_digit(ch),
        cat::UNI_SPACE => is_uni_space(ch),
        cat::UNI_NOT_SPACE => !is_uni_space(ch),
        cat::UNI_WORD => is_uni_word(ch),
        cat::UNI_NOT_WORD => !is_uni_word(ch),
        cat::UNI_LINEBREAK => is_uni_linebreak(ch),
        cat::UNI_NOT_LINEBREAK => !is_uni_linebreak(ch),
        _ => return None,
    })
}

/// `sre_lower_ascii`.
#[inline]
pub fn lower_ascii(ch: u32) -> u32 {
    if ch < 128 {
        u32::from((ch as u8).to_ascii_lowercase())
    } else {
        ch
    }
}

/// `sre_upper_ascii`.
#[inline]
pub fn upper_ascii(ch: u32) -> u32 {
    if ch < 128 {
        u32::from((ch as u8).to_ascii_uppercase())
    } else {
        ch
    }
}

/// `sre_lower_locale` under the C/UTF-8 locale.
#[inline]
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

/// `sre_upper_locale` under the C/UTF-8 locale.
#[inline]
pub fn upper_locale(ch: u32) -> u32 {
    upper_ascii(ch)
}

/// The first code point of a full case mapping (CPython's
/// `_PyUnicode_ToLowercase`/`ToUppercase`, which return that for characters
/// with a multi-character mapping).
fn simple_case(ch: u32, mapping: CaseMapping) -> u32 {
    let mut first = None;
    uni::map_case(ch, mapping, &mut |c| {
        if first.is_none() {
            first = Some(c);
        }
    });
    first.unwrap_or(ch)
}

/// `sre_lower_unicode` (`_sre.unicode_tolower`).
#[inline]
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    simple_case(ch, CaseMapping::Lower)
}

/// `sre_upper_unicode`.
#[inline]
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_ascii(ch);
    }
    simple_case(ch, CaseMapping::Upper)
}

/// `_sre.ascii_iscased`: an ASCII letter.
pub fn ascii_iscased(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphabetic()
}

/// `_sre.unicode_iscased`: the character has a different lower or upper case.
pub fn unicode_iscased(ch: u32) -> bool {
    ch != lower_unicode(ch) || ch != upper_unicode(ch)
}

/// `char_loc_ignore`: `ch` equals `pattern` ignoring (locale) case.
#[inline]
pub fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_classes() {
        assert_eq!(lower_unicode(u32::from('A')), u32::from('a'));
        assert_eq!(lower_unicode(0x130), u32::from('i'));
        assert_eq!(upper_unicode(0xDF), u32::from('S'));
        assert!(unicode_iscased(0x3A3));
        assert!(!unicode_iscased(u32::from('1')));
        assert_eq!(category(cat::UNI_DIGIT, 0x0663), Some(true));
        assert_eq!(category(cat::DIGIT, 0x0663), Some(false));
        assert_eq!(category(99, 1), None);
    }
}
