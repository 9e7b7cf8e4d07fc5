//! `int(text, base)` and `float(text)` with CPython 3.11's rules and messages
//! (`PyLong_FromUnicodeObject`, `PyLong_FromString`, `PyFloat_FromString`,
//! `_Py_string_to_number_with_underscores`): surrounding whitespace (Unicode spaces
//! too), Unicode decimal digits, single underscores between digits, base prefixes, and
//! the 4300-digit limit on decimal (non-power-of-two base) input.

use crate::bigint::BigInt;
use crate::error::{TextError, TextResult};
use crate::repr::{repr_bytes, repr_str};
use crate::text::Text;
use crate::unicode_props::{decimal_value, is_space};
use dashu_int::UBig;

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: ASCII kept, Unicode
/// whitespace to `' '`, decimal digits to `'0'..'9'`; the first other character becomes
/// `'?'` and ends the result.
fn to_ascii_digits(t: &Text) -> Vec<u8> {
    let mut out = Vec::with_capacity(t.as_bytes().len());
    for cp in t.code_points() {
        if cp < 127 {
            out.push(cp as u8);
        } else if is_space(cp) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(cp) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// `Py_ISSPACE`: the C-locale ASCII whitespace.
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// The value of an ASCII digit or letter (`_PyLong_DigitValue`), 37 for anything else.
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 37,
    }
}

/// Why `PyLong_FromString` failed.
enum IntParseFailure {
    /// The generic "invalid literal" error.
    Invalid,
    /// A specific error already worded (base range, digit limit).
    Other(TextError),
}

/// CPython's `PyLong_FromString` on ASCII `s` (stopping at a NUL, as C does): the value,
/// or why it failed. `max_str_digits` is `sys.get_int_max_str_digits()` (0: no limit).
fn long_from_ascii(s: &[u8], base: u32, max_str_digits: usize) -> Result<BigInt, IntParseFailure> {
    if (base != 0 && base < 2) || base > 36 {
        return Err(IntParseFailure::Other(TextError::value(
            "int() base must be >= 2 and <= 36, or 0",
        )));
    }
    // C strings end at the first NUL; what follows it makes the literal invalid.
    let (s, has_nul) = match s.iter().position(|&b| b == 0) {
        Some(i) => (&s[..i], true),
        None => (s, false),
    };
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_c_space(at(i)) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        negative = true;
        i += 1;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(i), at(i + 1)) {
            (b'0', b'x' | b'X') => 16,
            (b'0', b'o' | b'O') => 8,
            (b'0', b'b' | b'B') => 2,
            (b'0', _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    if at(i) == b'0'
        && matches!(
            (base, at(i + 1)),
            (16, b'x' | b'X') | (8, b'o' | b'O') | (2, b'b' | b'B')
        )
    {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(IntParseFailure::Invalid);
    }
    let start = i;
    let mut digits = String::new();
    let mut prev = 0u8;
    while i < s.len() && (digit_value(at(i)) < base || at(i) == b'_') {
        let c = at(i);
        if c == b'_' {
            if prev == b'_' {
                return Err(IntParseFailure::Invalid);
            }
        } else {
            digits.push(char::from(c));
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' {
        return Err(IntParseFailure::Invalid);
    }
    if !base.is_power_of_two()
        && digits.len() > crate::format_number::STR_DIGITS_CHECK_THRESHOLD
        && max_str_digits > 0
        && digits.len() > max_str_digits
    {
        return Err(IntParseFailure::Other(TextError::value(format!(
            "Exceeds the limit ({max_str_digits} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        ))));
    }
    if i == start {
        return Err(IntParseFailure::Invalid);
    }
    let magnitude = UBig::from_str_radix(&digits, base).map_err(|_| IntParseFailure::Invalid)?;
    if error_if_nonzero && magnitude != UBig::ZERO {
        return Err(IntParseFailure::Invalid);
    }
    while is_c_space(at(i)) {
        i += 1;
    }
    if i != s.len() || has_nul {
        return Err(IntParseFailure::Invalid);
    }
    let value = BigInt::from(magnitude);
    Ok(if negative { -value } else { value })
}

/// `int()`'s check of its base argument (0 or 2..=36).
fn checked_base(base: i64) -> TextResult<u32> {
    match base {
        0 | 2..=36 => Ok(base as u32),
        _ => Err(TextError::value("int() base must be >= 2 and <= 36, or 0")),
    }
}

/// The first 200 characters of a repr, as CPython's `%.200R`.
fn truncated_repr(repr: String) -> String {
    match repr.char_indices().nth(200) {
        Some((i, _)) => repr[..i].to_string(),
        None => repr,
    }
}

/// `int(text, base)` for a `str` (base 0 or 2..=36; 10 is `int(text)`). Errors:
/// "invalid literal for int() with base N: 'text'" (repr cut to 200 characters),
/// "int() base must be >= 2 and <= 36, or 0", and the 4300-digit limit's ValueError.
pub fn parse_int(text: &Text, base: i64, max_str_digits: usize) -> TextResult<BigInt> {
    let base = checked_base(base)?;
    let ascii = to_ascii_digits(text);
    long_from_ascii(&ascii, base, max_str_digits).map_err(|e| match e {
        IntParseFailure::Other(e) => e,
        IntParseFailure::Invalid => TextError::value(format!(
            "invalid literal for int() with base {base}: {}",
            truncated_repr(repr_str(text))
        )),
    })
}

/// `int(b, base)` for `bytes`/`bytearray` (no Unicode digits or spaces; the message
/// shows the repr of at most the first 200 bytes).
pub fn parse_int_bytes(b: &[u8], base: i64, max_str_digits: usize) -> TextResult<BigInt> {
    let base = checked_base(base)?;
    long_from_ascii(b, base, max_str_digits).map_err(|e| match e {
        IntParseFailure::Other(e) => e,
        IntParseFailure::Invalid => TextError::value(format!(
            "invalid literal for int() with base {base}: {}",
            truncated_repr(repr_bytes(&b[..b.len().min(200)]))
        )),
    })
}

/// `_Py_string_to_number_with_underscores`: `s` without its underscores, or `None` if
/// an underscore is not between two digits.
fn strip_underscores(s: &[u8]) -> Option<Vec<u8>> {
    // C's strchr stops at a NUL.
    let visible = s.iter().position(|&b| b == 0).map_or(s, |i| &s[..i]);
    if !visible.contains(&b'_') {
        return Some(s.to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &c in s {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            out.push(c);
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
        }
        prev = c;
    }
    (prev != b'_').then_some(out)
}

/// Whether `s` is a float literal `PyOS_string_to_double` accepts in full: an optional
/// sign, then `inf`/`infinity`/`nan` (any case) or decimal digits with an optional point
/// and exponent.
fn is_float_literal(s: &[u8]) -> bool {
    let s = match s.first() {
        Some(b'+' | b'-') => &s[1..],
        _ => s,
    };
    let lower = s.to_ascii_lowercase();
    if lower == b"inf" || lower == b"infinity" || lower == b"nan" {
        return true;
    }
    let mut i = 0;
    let int_digits = s.iter().take_while(|b| b.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if s.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = s[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_digits = s[j.min(s.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if exp_digits == 0 {
            return false;
        }
        i = j + exp_digits;
    }
    i == s.len()
}

/// `float_from_string_inner`: strip C whitespace, then the whole rest must be a literal.
fn float_from_ascii(s: &[u8]) -> Option<f64> {
    // C stops reading at a NUL, so text holding one is never consumed in full.
    if s.contains(&0) {
        return None;
    }
    let start = s.iter().position(|&b| !is_c_space(b)).unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|&b| !is_c_space(b))
        .map_or(start, |i| i + 1);
    let body = &s[start..end.max(start)];
    if !is_float_literal(body) {
        return None;
    }
    std::str::from_utf8(body).ok()?.parse::<f64>().ok()
}

/// `float(text)` for a `str`: whitespace (Unicode too) around, Unicode decimal digits,
/// underscores between digits, `inf`/`infinity`/`nan` in any case; otherwise
/// "could not convert string to float: 'text'".
pub fn parse_float(text: &Text) -> TextResult<f64> {
    let ascii = to_ascii_digits(text);
    strip_underscores(&ascii)
        .and_then(|s| float_from_ascii(&s))
        .ok_or_else(|| {
            TextError::value(format!(
                "could not convert string to float: {}",
                repr_str(text)
            ))
        })
}

/// `float(b)` for `bytes`/`bytearray`.
pub fn parse_float_bytes(b: &[u8]) -> TextResult<f64> {
    strip_underscores(b)
        .and_then(|s| float_from_ascii(&s))
        .ok_or_else(|| {
            TextError::value(format!(
                "could not convert string to float: {}",
                repr_bytes(b)
            ))
        })
}

/// `_PyOS_ascii_strtod` on a prefix of `s`: the longest float literal at its start (a
/// sign, digits with an optional point and exponent, or `inf`/`infinity`/`nan`) and
/// how many bytes it took; `None` if there is none. No whitespace is skipped.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = usize::from(matches!(at(0), b'+' | b'-'));
    let int_digits = s[i.min(s.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    i += int_digits;
    let mut frac_digits = 0;
    if at(i) == b'.' {
        frac_digits = s[(i + 1).min(s.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if int_digits + frac_digits > 0 {
            i += 1 + frac_digits;
        }
    }
    if int_digits + frac_digits == 0 {
        // `_Py_parse_inf_or_nan`, sign included.
        let start = usize::from(matches!(at(0), b'+' | b'-'));
        let rest = s.get(start..).unwrap_or_default().to_ascii_lowercase();
        let len = if rest.starts_with(b"infinity") {
            8
        } else if rest.starts_with(b"inf") || rest.starts_with(b"nan") {
            3
        } else {
            return None;
        };
        let end = start + len;
        let text = std::str::from_utf8(&s[..end]).ok()?;
        return text.parse::<f64>().ok().map(|x| (x, end));
    }
    if matches!(at(i), b'e' | b'E') {
        let mut j = i + 1;
        if matches!(at(j), b'+' | b'-') {
            j += 1;
        }
        let exp_digits = s[j.min(s.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if exp_digits > 0 {
            i = j + exp_digits;
        }
    }
    let text = std::str::from_utf8(&s[..i]).ok()?;
    text.parse::<f64>().ok().map(|x| (x, i))
}

/// CPython's `complex_from_string_inner` on ASCII `s`: `(real, imag)` or `None`.
fn complex_from_ascii(s: &[u8]) -> Option<(f64, f64)> {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_c_space(at(i)) {
        i += 1;
    }
    let bracket = at(i) == b'(';
    if bracket {
        i += 1;
        while is_c_space(at(i)) {
            i += 1;
        }
    }
    let is_j = |b: u8| b == b'j' || b == b'J';
    let (mut x, mut y) = (0.0, 0.0);
    match float_prefix(&s[i..]) {
        Some((z, n)) => {
            i += n;
            if matches!(at(i), b'+' | b'-') {
                x = z;
                match float_prefix(&s[i..]) {
                    Some((w, m)) => {
                        y = w;
                        i += m;
                    }
                    None => {
                        y = if at(i) == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(at(i)) {
                    return None;
                }
                i += 1;
            } else if is_j(at(i)) {
                i += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            if matches!(at(i), b'+' | b'-') {
                y = if at(i) == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                y = 1.0;
            }
            if !is_j(at(i)) {
                return None;
            }
            i += 1;
        }
    }
    while is_c_space(at(i)) {
        i += 1;
    }
    if bracket {
        if at(i) != b')' {
            return None;
        }
        i += 1;
        while is_c_space(at(i)) {
            i += 1;
        }
    }
    (i == s.len()).then_some((x, y))
}

/// `complex(text)`: `(real, imag)`. Whitespace and one pair of parentheses around,
/// `<float>`, `<float>j`, `<float><signed-float>j`, and the old `<float><sign>j`,
/// `<sign>j`, `j` forms; Unicode digits and spaces; underscores between digits
/// ("could not convert string to complex: 'text'" if misplaced); otherwise
/// "complex() arg is a malformed string".
pub fn parse_complex(text: &Text) -> TextResult<(f64, f64)> {
    let ascii = to_ascii_digits(text);
    let stripped = strip_underscores(&ascii).ok_or_else(|| {
        TextError::value(format!(
            "could not convert string to complex: {}",
            repr_str(text)
        ))
    })?;
    complex_from_ascii(&stripped)
        .ok_or_else(|| TextError::value("complex() arg is a malformed string"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pi(s: &str, base: i64) -> String {
        match parse_int(&Text::from(s), base, 4300) {
            Ok(v) => v.to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn ints() {
        assert_eq!(pi(" 0x_1f ", 0), "31");
        assert_eq!(pi("٣٤", 10), "34");
        assert_eq!(pi("00", 0), "0");
        assert_eq!(
            pi("010", 0),
            "ValueError: invalid literal for int() with base 0: '010'"
        );
        assert_eq!(
            pi("1__0", 10),
            "ValueError: invalid literal for int() with base 10: '1__0'"
        );
        assert_eq!(pi("z", 36), "35");
        assert_eq!(
            pi("1", 1),
            "ValueError: int() base must be >= 2 and <= 36, or 0"
        );
    }

    #[test]
    fn complexes() {
        let pc = |s: &str| parse_complex(&Text::from(s));
        assert_eq!(pc(" ( 1+2j ) ").unwrap(), (1.0, 2.0));
        assert_eq!(pc("-j").unwrap(), (0.0, -1.0));
        assert_eq!(pc("1.e-3+.5j").unwrap(), (0.001, 0.5));
        assert!(pc("1 +2j").is_err());
        assert_eq!(
            pc("1_j").unwrap_err().message,
            "could not convert string to complex: '1_j'"
        );
    }

    #[test]
    fn floats() {
        assert_eq!(parse_float(&Text::from(" 1_0.5e1_0 ")).unwrap(), 10.5e10);
        assert!(parse_float(&Text::from("-InFiNiTy")).unwrap().is_infinite());
        assert!(parse_float(&Text::from("1e")).is_err());
        assert!(parse_float(&Text::from("_1")).is_err());
        assert_eq!(parse_float(&Text::from("\u{3000}١.٥")).unwrap(), 1.5);
    }
}
