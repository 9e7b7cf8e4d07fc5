//! Per-character Unicode 14.0 properties and case mappings exactly as CPython 3.11's
//! `Objects/unicodectype.c` answers them (`_PyUnicode_IsAlpha`, `_PyUnicode_ToDecimalDigit`,
//! `_PyUnicode_ToUpperFull`, ...), read from the generated [`crate::unicode_tables`].

use crate::unicode_tables as t;

/// Whether `cp` lies in one of the sorted, disjoint inclusive `ranges`.
fn in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    let i = ranges.partition_point(|&(start, _)| start <= cp);
    i > 0 && ranges.get(i - 1).is_some_and(|&(_, end)| cp <= end)
}

/// `str.isalpha` of one character (general categories Lm, Lt, Lu, Ll, Lo).
pub fn is_alpha(cp: u32) -> bool {
    cp < 0x80 && (cp as u8).is_ascii_alphabetic() || cp >= 0x80 && in_ranges(t::ALPHA, cp)
}

/// `str.isdecimal` of one character (general category Nd).
pub fn is_decimal(cp: u32) -> bool {
    in_ranges(t::DECIMAL, cp)
}

/// `str.isdigit` of one character (Numeric_Type Digit or Decimal).
pub fn is_digit(cp: u32) -> bool {
    in_ranges(t::DIGIT, cp)
}

/// `str.isnumeric` of one character (any Numeric_Type).
pub fn is_numeric(cp: u32) -> bool {
    in_ranges(t::NUMERIC, cp)
}

/// `str.isalnum` of one character: alpha, decimal, digit or numeric.
pub fn is_alnum(cp: u32) -> bool {
    is_alpha(cp) || is_numeric(cp)
}

/// `Py_UNICODE_ISSPACE`: `str.isspace` of one character (bidi class WS, B or S, or
/// category Zs), also what `str.split()` and `int()` treat as whitespace.
pub fn is_space(cp: u32) -> bool {
    match cp {
        0x09..=0x0D | 0x1C..=0x20 => true,
        0..=0x7F => false,
        _ => in_ranges(t::SPACE, cp),
    }
}

/// The Lowercase property (`Py_UNICODE_ISLOWER`).
pub fn is_lower(cp: u32) -> bool {
    in_ranges(t::LOWER, cp)
}

/// The Uppercase property (`Py_UNICODE_ISUPPER`).
pub fn is_upper(cp: u32) -> bool {
    in_ranges(t::UPPER, cp)
}

/// Titlecase letters, general category Lt (`Py_UNICODE_ISTITLE`).
pub fn is_title(cp: u32) -> bool {
    in_ranges(t::TITLE, cp)
}

/// The Cased property (`_PyUnicode_IsCased`).
pub fn is_cased(cp: u32) -> bool {
    in_ranges(t::CASED, cp)
}

/// The Case_Ignorable property (`_PyUnicode_IsCaseIgnorable`).
pub fn is_case_ignorable(cp: u32) -> bool {
    in_ranges(t::CASE_IGNORABLE, cp)
}

/// Whether `cp` may start an identifier: XID_Start or `_` (`str.isidentifier`).
pub fn is_id_start(cp: u32) -> bool {
    in_ranges(t::ID_START, cp)
}

/// Whether `cp` may continue an identifier: XID_Continue (`str.isidentifier`).
pub fn is_id_continue(cp: u32) -> bool {
    in_ranges(t::ID_CONTINUE, cp)
}

/// `str.isprintable` of one character (CPython's `Py_UNICODE_ISPRINTABLE`).
pub fn is_printable(cp: u32) -> bool {
    crate::repr::is_printable(cp)
}

/// The value 0..=9 of a decimal digit (category Nd), `_PyUnicode_ToDecimalDigit`;
/// `None` for every other code point.
pub fn decimal_value(cp: u32) -> Option<u32> {
    if (0x30..=0x39).contains(&cp) {
        return Some(cp - u32::from(b'0'));
    }
    if cp < 0x80 {
        return None;
    }
    let i = t::DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = *t::DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (cp - zero < 10).then_some(cp - zero)
}

/// Which full case mapping to apply (CPython's `_PyUnicode_To*Full`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseMapping {
    /// `str.lower` of one character (without the final-sigma context rule).
    Lower,
    /// `str.upper` of one character.
    Upper,
    /// `str.title` of one character.
    Title,
    /// `str.casefold` of one character.
    Fold,
}

/// Appends the full `mapping` of `cp` (one to three code points) to `out`, as
/// CPython's `_PyUnicode_ToLowerFull`/`ToUpperFull`/`ToTitleFull`/`ToFoldedFull`.
pub fn map_case(cp: u32, mapping: CaseMapping, out: &mut impl FnMut(u32)) {
    let (runs, multi) = match mapping {
        CaseMapping::Lower => (t::LOWER_RUNS, t::LOWER_MULTI),
        CaseMapping::Upper => (t::UPPER_RUNS, t::UPPER_MULTI),
        CaseMapping::Title => (t::TITLE_RUNS, t::TITLE_MULTI),
        CaseMapping::Fold => (t::FOLD_RUNS, t::FOLD_MULTI),
    };
    if cp < 0x80 {
        let b = cp as u8;
        let mapped = match mapping {
            CaseMapping::Upper | CaseMapping::Title => b.to_ascii_uppercase(),
            CaseMapping::Lower | CaseMapping::Fold => b.to_ascii_lowercase(),
        };
        out(u32::from(mapped));
        return;
    }
    if let Ok(i) = multi.binary_search_by_key(&cp, |&(c, _)| c) {
        if let Some((_, m)) = multi.get(i) {
            for &c in m.iter().filter(|&&c| c != 0) {
                out(c);
            }
            return;
        }
    }
    let i = runs.partition_point(|&(start, _, _, _)| start <= cp);
    if let Some(&(start, count, stride, delta)) = i.checked_sub(1).and_then(|i| runs.get(i)) {
        let off = cp - start;
        let stride = u32::from(stride.max(1));
        if off.is_multiple_of(stride) && off / stride < u32::from(count) {
            out(cp.wrapping_add_signed(delta));
            return;
        }
    }
    out(cp);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(cp: u32, m: CaseMapping) -> Vec<u32> {
        let mut v = Vec::new();
        map_case(cp, m, &mut |c| v.push(c));
        v
    }

    #[test]
    fn spot_checks() {
        assert_eq!(mapped(0xDF, CaseMapping::Upper), vec![0x53, 0x53]);
        assert_eq!(mapped(0x3A3, CaseMapping::Lower), vec![0x3C3]);
        assert_eq!(mapped(0x1C6, CaseMapping::Title), vec![0x1C5]);
        assert_eq!(mapped(0x100, CaseMapping::Lower), vec![0x101]);
        assert_eq!(mapped(0x101, CaseMapping::Lower), vec![0x101]);
        assert_eq!(decimal_value(0x661), Some(1));
        assert_eq!(decimal_value(0xFF19), Some(9));
        assert_eq!(decimal_value(0xB2), None);
        assert!(is_space(0x3000) && !is_space(0x200B));
        assert!(is_digit(0xB2) && !is_decimal(0xB2));
    }
}
