//! The format-spec mini-language (`format(x, spec)`, f-string `{x:spec}`, the spec part
//! of `str.format` fields), as CPython 3.11's `Python/formatter_unicode.c` parses it
//! (`parse_internal_render_format_spec`) and lays out numbers (`calc_number_widths`,
//! `fill_number`, `_PyUnicode_InsertThousandsGrouping`). Also `format(str, spec)`.
//!
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`

use crate::error::{check_alloc, TextError, TextResult};
use crate::text::Text;
use crate::unicode_props::decimal_value;

/// Where padding goes (`<`, `>`, `^`, or `=` between sign and digits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`: pad on the right.
    Left,
    /// `>`: pad on the left.
    Right,
    /// `^`: pad both sides, the extra character on the right.
    Center,
    /// `=`: pad between the sign (and prefix) and the digits.
    AfterSign,
}

/// The sign option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignOption {
    /// No sign option given: `-` for negatives only.
    Default,
    /// `-` given explicitly (same output as the default).
    Minus,
    /// `+`: a sign for every number.
    Plus,
    /// ` `: a space for non-negatives.
    Space,
}

/// The digit-grouping option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// None.
    None,
    /// `,` every three digits.
    Comma,
    /// `_` every three digits (decimal types).
    Underscore,
    /// `_` every four digits (`b`, `o`, `x`, `X`).
    UnderscoreFour,
}

/// A parsed format spec (CPython's `InternalFormatSpec`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character (a code point; `' '` unless given or `0` padding).
    pub fill: u32,
    /// The alignment, the type's default when not given.
    pub align: Align,
    /// The sign option (`SignOption::Default` when absent).
    pub sign: SignOption,
    /// `z`: coerce negative zero to zero (floats only; 3.11).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The minimum width, if given.
    pub width: Option<usize>,
    /// The grouping option.
    pub grouping: Grouping,
    /// The precision, if given.
    pub precision: Option<usize>,
    /// The presentation type, if given (a code point such as `'d'`).
    pub ty: Option<u32>,
}

impl FormatSpec {
    /// Parses `spec` as CPython's `parse_internal_render_format_spec` does. `default_align`
    /// is `Left` for strings and `Right` for numbers; `default_type` is the type assumed
    /// when none is given (`'s'` for str, `'d'` for int, none for float and complex);
    /// `type_name` (`"int"`, `"str"`, ...) appears in the "Invalid format specifier" message.
    pub fn parse(
        spec: &Text,
        default_align: Align,
        default_type: Option<char>,
        type_name: &str,
    ) -> TextResult<FormatSpec> {
        let cps: Vec<u32> = spec.code_points().collect();
        let mut pos = 0;
        let at = |i: usize| cps.get(i).copied();
        let mut out = FormatSpec {
            fill: u32::from(b' '),
            align: default_align,
            sign: SignOption::Default,
            no_neg_0: false,
            alternate: false,
            width: None,
            grouping: Grouping::None,
            precision: None,
            ty: None,
        };
        let mut fill_given = false;
        let mut align_given = false;
        if let Some(a) = at(1).and_then(align_of) {
            out.fill = at(0).unwrap_or(u32::from(b' '));
            out.align = a;
            fill_given = true;
            align_given = true;
            pos = 2;
        } else if let Some(a) = at(0).and_then(align_of) {
            out.align = a;
            align_given = true;
            pos = 1;
        }
        let sign = match at(pos) {
            Some(0x2B) => Some(SignOption::Plus),
            Some(0x2D) => Some(SignOption::Minus),
            Some(0x20) => Some(SignOption::Space),
            _ => None,
        };
        if let Some(sign) = sign {
            out.sign = sign;
            pos += 1;
        }
        if at(pos) == Some(u32::from(b'z')) {
            out.no_neg_0 = true;
            pos += 1;
        }
        if at(pos) == Some(u32::from(b'#')) {
            out.alternate = true;
            pos += 1;
        }
        if !fill_given && at(pos) == Some(u32::from(b'0')) {
            out.fill = u32::from(b'0');
            if !align_given && default_align == Align::Right {
                out.align = Align::AfterSign;
            }
            pos += 1;
        }
        out.width = parse_integer(&cps, &mut pos)?;
        if at(pos) == Some(u32::from(b',')) {
            out.grouping = Grouping::Comma;
            pos += 1;
        }
        if at(pos) == Some(u32::from(b'_')) {
            if out.grouping != Grouping::None {
                return Err(TextError::value("Cannot specify both ',' and '_'."));
            }
            out.grouping = Grouping::Underscore;
            pos += 1;
        }
        if at(pos) == Some(u32::from(b',')) && out.grouping == Grouping::Underscore {
            return Err(TextError::value("Cannot specify both ',' and '_'."));
        }
        if at(pos) == Some(u32::from(b'.')) {
            pos += 1;
            out.precision = parse_integer(&cps, &mut pos)?;
            if out.precision.is_none() {
                return Err(TextError::value("Format specifier missing precision"));
            }
        }
        let rest = cps.get(pos..).unwrap_or_default();
        if rest.len() > 1 {
            let mut s = Text::new();
            for &c in &cps {
                s.push_code_point(c);
            }
            return Err(TextError::value(format!(
                "Invalid format specifier '{}' for object of type '{type_name}'",
                s.to_string_lossy()
            )));
        }
        out.ty = rest.first().copied().or(default_type.map(u32::from));
        if out.grouping != Grouping::None {
            let ty = out.ty.and_then(char::from_u32);
            match ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
                Some('b' | 'o' | 'x' | 'X') if out.grouping == Grouping::Underscore => {
                    out.grouping = Grouping::UnderscoreFour;
                }
                _ => {
                    let sep = if out.grouping == Grouping::Comma {
                        ','
                    } else {
                        '_'
                    };
                    return Err(TextError::value(format!(
                        "Cannot specify '{sep}' with {}.",
                        quoted_code(out.ty.unwrap_or(0))
                    )));
                }
            }
        }
        Ok(out)
    }
}

/// The alignment a code point stands for, if any.
fn align_of(cp: u32) -> Option<Align> {
    match cp {
        0x3C => Some(Align::Left),
        0x3E => Some(Align::Right),
        0x5E => Some(Align::Center),
        0x3D => Some(Align::AfterSign),
        _ => None,
    }
}

/// CPython's `get_integer`: the decimal number (Unicode digits allowed) at `pos`, or
/// `None` when there is none; "Too many decimal digits" past `Py_ssize_t`.
fn parse_integer(cps: &[u32], pos: &mut usize) -> TextResult<Option<usize>> {
    let mut value: usize = 0;
    let mut any = false;
    while let Some(d) = cps.get(*pos).and_then(|&c| decimal_value(c)) {
        let d = d as usize;
        if value > (isize::MAX as usize - d) / 10 {
            return Err(TextError::value("Too many decimal digits in format string"));
        }
        value = value * 10 + d;
        any = true;
        *pos += 1;
    }
    Ok(any.then_some(value))
}

/// A presentation type as CPython quotes it in messages: `'x'` for printable ASCII
/// (33..127, plus DEL as is), else `'\xNN'` in lower-case hex without padding.
pub fn quoted_code(cp: u32) -> String {
    if cp > 32 && cp < 128 {
        format!("'{}'", char::from(cp as u8))
    } else {
        format!("'\\x{cp:x}'")
    }
}

/// CPython's `unknown_presentation_type` error.
#[cold]
pub fn unknown_code(cp: u32, type_name: &str) -> TextError {
    TextError::value(format!(
        "Unknown format code {} for object of type '{type_name}'",
        quoted_code(cp)
    ))
}

/// Appends `count` copies of `cp`.
pub fn push_repeat(out: &mut Text, cp: u32, count: usize) {
    for _ in 0..count {
        out.push_code_point(cp);
    }
}

/// Pads `body` (of `len` code points) to the spec's width with its fill and alignment
/// (`=` is treated like the caller's default and must be rejected beforehand).
pub fn pad_text(body: &Text, len: usize, spec: &FormatSpec) -> TextResult<Text> {
    let width = spec.width.unwrap_or(0);
    let padding = width.saturating_sub(len);
    if padding == 0 {
        return Ok(body.clone());
    }
    check_alloc(
        padding
            .saturating_mul(4)
            .saturating_add(body.as_bytes().len()),
    )?;
    let (left, right) = match spec.align {
        Align::Left => (0, padding),
        Align::Center => (padding / 2, padding - padding / 2),
        Align::Right | Align::AfterSign => (padding, 0),
    };
    let mut out = Text::with_capacity(body.as_bytes().len() + padding);
    push_repeat(&mut out, spec.fill, left);
    out.push_text(body);
    push_repeat(&mut out, spec.fill, right);
    Ok(out)
}

/// `format(s, spec)` for a `str` (CPython's `format_string_internal`; an empty spec
/// returns `s` unchanged, as `str.__format__` does).
pub fn format_str(s: &Text, spec: &Text) -> TextResult<Text> {
    format_str_typed(s, spec, "str")
}

/// [`format_str`] for a `str` subclass: `type_name` appears in the messages.
pub fn format_str_typed(s: &Text, spec: &Text, type_name: &str) -> TextResult<Text> {
    if spec.is_empty() {
        return Ok(s.clone());
    }
    let spec = FormatSpec::parse(spec, Align::Left, Some('s'), type_name)?;
    if let Some(ty) = spec.ty.filter(|&t| t != u32::from(b's')) {
        return Err(unknown_code(ty, type_name));
    }
    match spec.sign {
        SignOption::Default => {}
        SignOption::Space => {
            return Err(TextError::value(
                "Space not allowed in string format specifier",
            ))
        }
        _ => {
            return Err(TextError::value(
                "Sign not allowed in string format specifier",
            ))
        }
    }
    if spec.no_neg_0 {
        return Err(TextError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(TextError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Align::AfterSign {
        return Err(TextError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let len = s.len_code_points();
    match spec.precision {
        Some(p) if p < len => {
            let mut cut = Text::new();
            for cp in s.code_points().take(p) {
                cut.push_code_point(cp);
            }
            pad_text(&cut, p, &spec)
        }
        _ => pad_text(s, len, &spec),
    }
}

/// The pieces of a formatted number before padding (CPython's `NumberFieldWidths`
/// inputs): sign, prefix (`0x`), the integer digits to group, and the remainder
/// (decimal point, fraction, exponent, `%`, or the `c` character).
#[derive(Clone, Debug, Default)]
pub struct NumberParts {
    /// Whether the number is negative (a `-` is written whatever the sign option).
    pub negative: bool,
    /// `0b`, `0o`, `0x`, `0X` or empty.
    pub prefix: String,
    /// The integer digits, ASCII, grouped per the spec.
    pub digits: String,
    /// Everything after the integer digits, copied as is.
    pub remainder: Text,
}

/// Lays out a number as `fill_number` does: sign, prefix, padding, grouped digits with
/// zero padding under `0`/`=`, remainder, honouring width and alignment.
pub fn layout_number(parts: &NumberParts, spec: &FormatSpec) -> TextResult<Text> {
    let sign = match (parts.negative, spec.sign) {
        (true, _) => Some('-'),
        (false, SignOption::Plus) => Some('+'),
        (false, SignOption::Space) => Some(' '),
        _ => None,
    };
    let n_sign = usize::from(sign.is_some());
    let n_remainder = parts.remainder.len_code_points();
    let non_digit = n_sign + parts.prefix.len() + n_remainder;
    let width = spec.width.unwrap_or(0);
    check_alloc(width.saturating_mul(4))?;
    let min_width = if spec.fill == u32::from(b'0') && spec.align == Align::AfterSign {
        width.saturating_sub(non_digit)
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(&parts.digits, min_width, spec.grouping)
    };
    let padding = width.saturating_sub(non_digit + grouped.len());
    let (left, middle, right) = match spec.align {
        Align::Left => (0, 0, padding),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
        Align::Right => (padding, 0, 0),
    };
    let mut out = Text::with_capacity(width.max(non_digit + grouped.len()) + 4);
    push_repeat(&mut out, spec.fill, left);
    if let Some(s) = sign {
        out.push_char(s);
    }
    out.push_str(&parts.prefix);
    push_repeat(&mut out, spec.fill, middle);
    out.push_str(&grouped);
    out.push_text(&parts.remainder);
    push_repeat(&mut out, spec.fill, right);
    Ok(out)
}

/// `_PyUnicode_InsertThousandsGrouping` for the C locale and the `,`/`_` options:
/// `digits` with a separator every 3 (or 4) digits, left-padded with zeros (and
/// separators) until it is at least `min_width` long.
pub fn group_digits(digits: &str, min_width: usize, grouping: Grouping) -> String {
    let (size, sep) = match grouping {
        Grouping::None => (0, ""),
        Grouping::Comma => (3, ","),
        Grouping::Underscore => (3, "_"),
        Grouping::UnderscoreFour => (4, "_"),
    };
    let digits = digits.as_bytes();
    // Groups from the right, each a (zeros, digits slice) pair.
    let mut groups: Vec<(usize, &[u8])> = Vec::new();
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width as isize;
    let mut end = digits.len();
    let sep_len = sep.len() as isize;
    let mut broke = false;
    if size > 0 {
        loop {
            let l = (size as isize).min(remaining.max(min_width).max(1));
            let n_zeros = (l - remaining).max(0) as usize;
            let n_chars = remaining.min(l).max(0) as usize;
            groups.push((n_zeros, &digits[end - n_chars..end]));
            end -= n_chars;
            remaining -= n_chars as isize;
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                broke = true;
                break;
            }
            min_width -= sep_len;
        }
    }
    if !broke {
        let l = remaining.max(min_width).max(1);
        let n_zeros = (l - remaining).max(0) as usize;
        let n_chars = remaining.min(l).max(0) as usize;
        groups.push((n_zeros, &digits[end - n_chars..end]));
    }
    let mut out = String::with_capacity(digits.len() + groups.len() * 2);
    for (i, (zeros, chunk)) in groups.iter().rev().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        for _ in 0..*zeros {
            out.push('0');
        }
        out.extend(chunk.iter().map(|&b| char::from(b)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fs(v: &str, spec: &str) -> String {
        match format_str(&Text::from(v), &Text::from(spec)) {
            Ok(t) => t.to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn strings() {
        assert_eq!(fs("abc", "10.2s"), "ab        ");
        assert_eq!(fs("abc", "*^7"), "**abc**");
        assert_eq!(fs("a", "05"), "a0000");
        assert_eq!(
            fs("abc", "x"),
            "ValueError: Unknown format code 'x' for object of type 'str'"
        );
        assert_eq!(
            fs("abc", "ab"),
            "ValueError: Invalid format specifier 'ab' for object of type 'str'"
        );
        assert_eq!(fs("abc", ",s"), "ValueError: Cannot specify ',' with 's'.");
        assert_eq!(
            fs("abc", ".q"),
            "ValueError: Format specifier missing precision"
        );
    }

    #[test]
    fn grouping() {
        assert_eq!(group_digits("123456", 9, Grouping::Comma), "0,123,456");
        assert_eq!(group_digits("123456", 8, Grouping::Comma), "0,123,456");
        assert_eq!(group_digits("5", 10, Grouping::None), "0000000005");
        assert_eq!(group_digits("ff", 7, Grouping::UnderscoreFour), "00_00ff");
    }
}
