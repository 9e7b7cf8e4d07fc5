//! `format(x, spec)` for `int`, `float` and `complex`, as CPython 3.11's
//! `_PyLong_FormatAdvancedWriter`, `_PyFloat_FormatAdvancedWriter` and
//! `_PyComplex_FormatAdvancedWriter` (`Python/formatter_unicode.c`), plus the int→str
//! conversions they rest on (`str(int)` with the 4300-digit limit, `bin`/`oct`/`hex`).

use crate::bigint::BigInt;
use crate::error::{TextError, TextResult};
use crate::float_to_string::{double_to_string, FloatFlags};
use crate::format_spec::{
    layout_number, unknown_code, Align, FormatSpec, Grouping, NumberParts, SignOption,
};
use crate::text::Text;
use dashu_int::ops::{BitTest, UnsignedAbs};
use dashu_int::Sign;

/// CPython 3.11's `sys.int_info.default_max_str_digits`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// CPython 3.11's `sys.int_info.str_digits_check_threshold`.
pub const STR_DIGITS_CHECK_THRESHOLD: usize = 640;

/// The ValueError of `str(int)` past `sys.get_int_max_str_digits()`.
#[cold]
pub fn int_to_str_limit_error(max_str_digits: usize) -> TextError {
    TextError::value(format!(
        "Exceeds the limit ({max_str_digits} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `str(i)`: decimal digits with `-` for negatives. `max_str_digits` is
/// `sys.get_int_max_str_digits()` (0 means no limit); more digits than that (sign not
/// counted) is CPython's ValueError.
pub fn int_to_decimal(i: &BigInt, max_str_digits: usize) -> TextResult<String> {
    if max_str_digits > 0 {
        // A lower bound on the digit count, to refuse huge values without converting.
        let bits = i.unsigned_abs().bit_len();
        let at_least = ((bits.saturating_sub(1)) as f64 * std::f64::consts::LOG10_2) as usize;
        if at_least > max_str_digits {
            return Err(int_to_str_limit_error(max_str_digits));
        }
    }
    let s = i.to_string();
    let digits = s.len() - usize::from(s.starts_with('-'));
    if max_str_digits > 0 && digits > STR_DIGITS_CHECK_THRESHOLD && digits > max_str_digits {
        return Err(int_to_str_limit_error(max_str_digits));
    }
    Ok(s)
}

/// The magnitude of `i` in `radix` (2, 8, 10 or 16), lower-case digits.
fn magnitude_in_radix(i: &BigInt, radix: u32) -> String {
    let m = i.unsigned_abs();
    match radix {
        2 => format!("{m:b}"),
        8 => format!("{m:o}"),
        16 => format!("{m:x}"),
        _ => m.to_string(),
    }
}

/// `bin(i)`, `oct(i)`, `hex(i)` (radix 2, 8, 16): `-0x1f` style, never limited in length.
pub fn int_to_prefixed_radix(i: &BigInt, radix: u32) -> String {
    let prefix = match radix {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    let sign = if i.sign() == Sign::Negative { "-" } else { "" };
    format!("{sign}{prefix}{}", magnitude_in_radix(i, radix))
}

/// `float(i)` for an int: correctly rounded, or CPython's OverflowError.
pub fn int_to_float(i: &BigInt) -> TextResult<f64> {
    let f = i.to_f64().value();
    if f.is_finite() {
        Ok(f)
    } else {
        Err(TextError::overflow("int too large to convert to float"))
    }
}

/// `int(x)` for a float: truncation toward zero, exactly; CPython's ValueError for NaN
/// and OverflowError for infinities.
pub fn float_to_int(x: f64) -> TextResult<BigInt> {
    if x.is_nan() {
        return Err(TextError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(TextError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let t = x.trunc();
    if t.abs() < 9.0e15 {
        return Ok(BigInt::from(t as i64));
    }
    let bits = t.abs().to_bits();
    let exp = ((bits >> 52) & 0x7FF) as usize;
    let mantissa = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    // |t| >= 2^53 here, so the exponent is at least 52 and the shift is exact.
    let magnitude = BigInt::from(mantissa) << (exp.saturating_sub(1075));
    Ok(if t < 0.0 { -magnitude } else { magnitude })
}

/// `format(i, spec)` for an `int` (`type_name` is its type's name, e.g. `"int"` or
/// `"bool"`, for messages). An empty spec is `str(i)`; float presentation types convert
/// to float first. `max_str_digits` bounds decimal output as `str()` does.
pub fn format_int(
    i: &BigInt,
    spec: &Text,
    type_name: &str,
    max_str_digits: usize,
) -> TextResult<Text> {
    if spec.is_empty() {
        return int_to_decimal(i, max_str_digits).map(Text::from);
    }
    let spec = FormatSpec::parse(spec, Align::Right, Some('d'), type_name)?;
    let ty = spec.ty.and_then(char::from_u32).unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float_with(int_to_float(i)?, &spec, type_name);
        }
        _ => return Err(unknown_code(spec.ty.unwrap_or(0), type_name)),
    }
    if spec.precision.is_some() {
        return Err(TextError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(TextError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let mut parts = NumberParts::default();
    if ty == 'c' {
        if spec.sign != SignOption::Default {
            return Err(TextError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(TextError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let cp = i64::try_from(i)
            .map_err(|_| TextError::overflow("Python int too large to convert to C long"))?;
        if !(0..=0x10FFFF).contains(&cp) {
            return Err(TextError::overflow("%c arg not in range(0x110000)"));
        }
        parts.remainder.push_code_point(cp as u32);
        return layout_number(&parts, &spec);
    }
    parts.negative = i.sign() == Sign::Negative;
    let radix = match ty {
        'b' => 2,
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    if spec.alternate {
        parts.prefix = match ty {
            'b' => "0b",
            'o' => "0o",
            'x' => "0x",
            'X' => "0X",
            _ => "",
        }
        .to_string();
    }
    parts.digits = if radix == 10 {
        let mut s = int_to_decimal(i, max_str_digits)?;
        if parts.negative {
            s.remove(0);
        }
        s
    } else {
        magnitude_in_radix(i, radix)
    };
    if ty == 'X' {
        parts.digits.make_ascii_uppercase();
    }
    layout_number(&parts, &spec)
}

/// `format(x, spec)` for a `float` (`type_name` for messages, normally `"float"`).
/// An empty spec is `str(x)`.
pub fn format_float(x: f64, spec: &Text, type_name: &str) -> TextResult<Text> {
    if spec.is_empty() {
        return Ok(Text::from(crate::repr::repr_float(x)));
    }
    let spec = FormatSpec::parse(spec, Align::Right, None, type_name)?;
    match spec.ty.and_then(char::from_u32) {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        _ => return Err(unknown_code(spec.ty.unwrap_or(0), type_name)),
    }
    format_float_with(x, &spec, type_name)
}

/// The digits string of `PyOS_double_to_string` for a float under `spec`
/// (`format_float_internal`'s choice of code, precision and flags), and whether a `%`
/// follows.
fn float_body(x: f64, spec: &FormatSpec, add_dot_0_default: bool) -> TextResult<String> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(TextError::value("precision too big"));
    }
    let mut flags = FloatFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..FloatFlags::default()
    };
    let mut code = spec.ty.and_then(char::from_u32).unwrap_or('\0');
    let mut default_precision = 6;
    if code == '\0' {
        flags.add_dot_0 = add_dot_0_default;
        code = 'r';
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let mut x = x;
    let pct = code == '%';
    if pct {
        code = 'f';
        x *= 100.0;
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    // 'f' of 1e308 has 309 integer digits; reserve for those plus the precision.
    crate::error::check_alloc(precision.saturating_add(400))?;
    let mut s = double_to_string(x, code, precision, flags);
    if pct {
        s.push('%');
    }
    Ok(s)
}

/// Splits `PyOS_double_to_string` output into sign, integer digits and remainder.
fn split_float(s: &str) -> NumberParts {
    let (negative, rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let n_digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    NumberParts {
        negative,
        prefix: String::new(),
        digits: rest[..n_digits].to_string(),
        remainder: Text::from(&rest[n_digits..]),
    }
}

/// `format_float_internal`: a float under a parsed spec.
fn format_float_with(x: f64, spec: &FormatSpec, _type_name: &str) -> TextResult<Text> {
    let body = float_body(x, spec, true)?;
    layout_number(&split_float(&body), spec)
}

/// `format(complex(re, im), spec)` (CPython's `format_complex_internal`). An empty
/// spec is `str(z)`.
pub fn format_complex(re: f64, im: f64, spec: &Text, type_name: &str) -> TextResult<Text> {
    if spec.is_empty() {
        return Ok(Text::from(crate::repr::repr_complex(re, im)));
    }
    let spec = FormatSpec::parse(spec, Align::Right, None, type_name)?;
    match spec.ty.and_then(char::from_u32) {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        _ => return Err(unknown_code(spec.ty.unwrap_or(0), type_name)),
    }
    if spec.fill == u32::from(b'0') {
        return Err(TextError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == Align::AfterSign {
        return Err(TextError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let (skip_re, parens) = if spec.ty.is_none() {
        let skip = re == 0.0 && re.is_sign_positive();
        (skip, !skip)
    } else {
        (false, false)
    };
    let re_s = float_body(re, &spec, false)?;
    let im_s = float_body(im, &spec, false)?;
    let inner = FormatSpec {
        fill: u32::from(b' '),
        align: Align::Left,
        width: None,
        ..spec.clone()
    };
    let mut body = Text::new();
    if parens {
        body.push_char('(');
    }
    if !skip_re {
        body.push_text(&layout_number(&split_float(&re_s), &inner)?);
    }
    let im_spec = FormatSpec {
        sign: if skip_re {
            inner.sign
        } else {
            SignOption::Plus
        },
        ..inner
    };
    body.push_text(&layout_number(&split_float(&im_s), &im_spec)?);
    body.push_char('j');
    if parens {
        body.push_char(')');
    }
    let len = body.len_code_points();
    crate::format_spec::pad_text(&body, len, &spec)
}

/// Whether `spec` asks for grouping (used by callers that special-case it).
pub fn has_grouping(spec: &FormatSpec) -> bool {
    spec.grouping != Grouping::None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fi(i: i64, spec: &str) -> String {
        match format_int(&BigInt::from(i), &Text::from(spec), "int", 4300) {
            Ok(t) => t.to_string(),
            Err(e) => e.to_string(),
        }
    }

    fn ff(x: f64, spec: &str) -> String {
        match format_float(x, &Text::from(spec), "float") {
            Ok(t) => t.to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn ints() {
        assert_eq!(fi(-255, "#010_x"), "-0x00_00ff");
        assert_eq!(fi(12345678, "_o"), "5706_0516");
        assert_eq!(fi(5, "=^10"), "====5=====");
        assert_eq!(fi(5, "c"), "\u{5}");
        assert_eq!(fi(5, "%"), "500.000000%");
        assert_eq!(fi(-1, "c"), "OverflowError: %c arg not in range(0x110000)");
        assert_eq!(fi(123456, "09,"), "0,123,456");
    }

    #[test]
    fn floats() {
        assert_eq!(ff(1234.5, "010,"), "0,001,234.5");
        assert_eq!(ff(f64::INFINITY, "010"), "0000000inf");
        assert_eq!(ff(-0.0, "z"), "0.0");
        assert_eq!(ff(1.0, "#.0e"), "1.e+00");
        assert_eq!(ff(1.0, "%"), "100.000000%");
    }

    #[test]
    fn complexes() {
        let fc = |re, im, s: &str| {
            format_complex(re, im, &Text::from(s), "complex")
                .unwrap()
                .to_string()
        };
        assert_eq!(fc(1.0, 2.0, "10"), "    (1+2j)");
        assert_eq!(fc(1.0, 2.0, "+"), "(+1+2j)");
        assert_eq!(fc(1.0, 2.0, "#"), "(1.+2.j)");
        assert_eq!(fc(1.0, 2.0, "e"), "1.000000e+00+2.000000e+00j");
        assert_eq!(fc(0.0, 1.0, ".3"), "1j");
    }

    #[test]
    fn huge_requests_fail_cleanly() {
        let e = format_int(
            &BigInt::from(1),
            &Text::from("999999999999999999"),
            "int",
            0,
        );
        assert_eq!(e.unwrap_err().kind, crate::error::ExcKind::MemoryError);
        let big = BigInt::from(10).pow(5000);
        let e = format_int(&big, &Text::from("d"), "int", 4300).unwrap_err();
        assert!(e.message.starts_with("Exceeds the limit (4300 digits)"));
        assert!(format_int(&big, &Text::from("x"), "int", 4300).is_ok());
        assert_eq!(int_to_decimal(&big, 0).unwrap().len(), 5001);
        // A precision far beyond a double's exact digits is padded, not computed.
        let s = format_float(0.1, &Text::from(".100000f"), "float").unwrap();
        assert_eq!(s.as_bytes().len(), 100_002);
        assert!(s
            .to_string()
            .starts_with("0.1000000000000000055511151231257827"));
        assert_eq!(float_to_int(1e300).unwrap().to_string().len(), 301);
        assert_eq!(float_to_int(-2.5).unwrap(), BigInt::from(-2));
    }

    #[test]
    fn prefixed_radix() {
        assert_eq!(int_to_prefixed_radix(&BigInt::from(-5), 2), "-0b101");
        assert_eq!(int_to_prefixed_radix(&BigInt::from(0), 16), "0x0");
        assert_eq!(int_to_prefixed_radix(&BigInt::from(8), 8), "0o10");
        assert_eq!(int_to_prefixed_radix(&BigInt::from(-255), 16), "-0xff");
    }
}
