//! CPython's `PyOS_double_to_string`: a float in `'e'`, `'f'`, `'g'` (and upper-case)
//! or `'r'` (repr) form with a precision and flags, correctly rounded (round half to
//! even on exact ties, as David Gay's dtoa that CPython uses). Fixed precisions are
//! computed exactly with big integers; `'r'` uses the shortest round-tripping digits.

use dashu_int::ops::BitTest;
use dashu_int::UBig;

/// Flags of `PyOS_double_to_string` (`Py_DTSF_*`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FloatFlags {
    /// `Py_DTSF_SIGN`: write `+` for non-negative numbers.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: add `.0` to a number that would look like an integer.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: `#` alternate form (always a decimal point; `g` keeps zeros).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: drop the sign of a result that rounds to zero (`z`).
    pub no_neg_0: bool,
}

/// `PyOS_double_to_string(x, code, precision, flags)`. `code` is one of `e E f F g G r`
/// (others are treated as `r`); `precision` is ignored for `r`. Infinities and NaN
/// are `inf`/`nan` (`INF`/`NAN` for upper-case codes), NaN never signed `-`.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: FloatFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let mut body = if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        "inf".to_string()
    } else {
        match code.to_ascii_lowercase() {
            'e' => format_exp(x.abs(), precision, flags.alt),
            'f' => format_fixed(x.abs(), precision, flags.alt),
            'g' => format_general(x.abs(), precision, flags),
            _ => format_repr(x.abs(), flags),
        }
    };
    if upper {
        body.make_ascii_uppercase();
    }
    let mut negative = !x.is_nan() && x.is_sign_negative();
    if negative && flags.no_neg_0 && x.is_finite() {
        let mantissa = body.split(['e', 'E']).next().unwrap_or("");
        if mantissa.bytes().all(|b| !(b'1'..=b'9').contains(&b)) {
            negative = false;
        }
    }
    let mut out = String::with_capacity(body.len() + 1);
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    out.push_str(&body);
    out
}

/// `x = m * 2^e` with `m` an integer (for finite `x >= 0`).
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

/// `round_half_even(x * 10^t)` for finite `x >= 0`, exactly (dtoa mode 3 digits).
pub(crate) fn scaled_round(x: f64, t: i64) -> UBig {
    let (m, e) = decompose(x);
    let ten = UBig::from(10u8);
    let mut num = UBig::from(m);
    let mut den = UBig::ONE;
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    if t >= 0 {
        num *= ten.pow(t as usize);
    } else {
        den *= ten.pow((-t) as usize);
    }
    let q = &num / &den;
    let r = num - &q * &den;
    let twice = r << 1;
    if twice > den || (twice == den && q.bit(0)) {
        q + UBig::ONE
    } else {
        q
    }
}

/// The `n + 1` significant digits of finite `x > 0` correctly rounded, and the
/// decimal exponent `k` with `x ≈ d.ddd × 10^k`. For `x == 0`, zeros and `k = 0`.
fn exp_digits(x: f64, n: usize) -> (String, i64) {
    if x == 0.0 {
        return ("0".repeat(n + 1), 0);
    }
    if n > EXACT_DIGITS {
        // A double has at most 767 significant decimal digits: the rest are zeros.
        let (mut d, k) = exp_digits(x, EXACT_DIGITS);
        d.extend(std::iter::repeat_n('0', n - EXACT_DIGITS));
        return (d, k);
    }
    let mut k = x.log10().floor() as i64;
    let low = UBig::from(10u8).pow(n);
    let high = &low * UBig::from(10u8);
    for _ in 0..4 {
        let d = scaled_round(x, n as i64 - k);
        if d >= high {
            k += 1;
        } else if d < low {
            k -= 1;
        } else {
            return (d.to_string(), k);
        }
    }
    // Unreachable for finite floats; keep a defined answer.
    let d = scaled_round(x, n as i64 - k);
    (d.to_string(), k)
}

/// Appends an exponent as CPython writes it: `e`, sign, at least two digits.
fn push_exponent(out: &mut String, k: i64) {
    out.push('e');
    out.push(if k < 0 { '-' } else { '+' });
    let a = k.unsigned_abs();
    if a < 10 {
        out.push('0');
    }
    out.push_str(&a.to_string());
}

/// `'e'` with `precision` digits after the point.
fn format_exp(x: f64, precision: usize, alt: bool) -> String {
    let (digits, k) = exp_digits(x, precision);
    let mut out = String::with_capacity(digits.len() + 6);
    out.push_str(&digits[..1]);
    if precision > 0 || alt {
        out.push('.');
    }
    out.push_str(&digits[1..]);
    push_exponent(&mut out, k);
    out
}

/// Beyond this many digits the exact decimal expansion of a double is all zeros (its
/// fraction has at most 1074 binary, hence 1074 decimal, places).
const EXACT_DIGITS: usize = 1100;

/// `'f'` with `precision` digits after the point.
fn format_fixed(x: f64, precision: usize, alt: bool) -> String {
    if precision > EXACT_DIGITS {
        let mut s = format_fixed(x, EXACT_DIGITS, alt);
        s.extend(std::iter::repeat_n('0', precision - EXACT_DIGITS));
        return s;
    }
    let n = scaled_round(x, precision as i64).to_string();
    let n = if n.len() <= precision {
        format!("{}{n}", "0".repeat(precision + 1 - n.len()))
    } else {
        n
    };
    let split = n.len() - precision;
    let mut out = String::with_capacity(n.len() + 1);
    out.push_str(&n[..split]);
    if precision > 0 || alt {
        out.push('.');
    }
    out.push_str(&n[split..]);
    out
}

/// Lays out `digits` (no leading zeros unless the value is zero) with the decimal
/// point after `decpt` digits, as `format_float_short` does in positional or
/// exponent notation; `min_digits` pads with trailing zeros (alternate `g`).
fn layout(
    digits: &str,
    decpt: i64,
    use_exp: bool,
    min_digits: usize,
    alt: bool,
    add_dot_0: bool,
) -> String {
    let mut ds = digits.to_string();
    while ds.len() < min_digits {
        ds.push('0');
    }
    let mut out = String::with_capacity(ds.len() + 8);
    if use_exp {
        out.push_str(&ds[..1]);
        if ds.len() > 1 || alt {
            out.push('.');
        }
        out.push_str(&ds[1..]);
        push_exponent(&mut out, decpt - 1);
        return out;
    }
    if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..-decpt {
            out.push('0');
        }
        out.push_str(&ds);
    } else if decpt as usize >= ds.len() {
        out.push_str(&ds);
        for _ in ds.len()..decpt as usize {
            out.push('0');
        }
        if add_dot_0 {
            out.push_str(".0");
        } else if alt {
            out.push('.');
        }
    } else {
        let (int, frac) = ds.split_at(decpt as usize);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// `'g'` with `precision` significant digits (0 means 1).
fn format_general(x: f64, precision: usize, flags: FloatFlags) -> String {
    let p = precision.max(1);
    let (mut digits, k) = if x == 0.0 {
        ("0".to_string(), 0)
    } else {
        exp_digits(x, p - 1)
    };
    let trimmed = digits.trim_end_matches('0').len().max(1);
    digits.truncate(trimmed);
    let decpt = k + 1;
    let limit = if flags.add_dot_0 {
        p as i64 - 1
    } else {
        p as i64
    };
    let use_exp = decpt <= -4 || decpt > limit;
    let min_digits = if flags.alt { p } else { 0 };
    layout(
        &digits,
        decpt,
        use_exp,
        min_digits,
        flags.alt,
        flags.add_dot_0,
    )
}

/// `'r'`: the shortest digits that round-trip, exponent notation outside `1e-4..1e16`.
fn format_repr(x: f64, flags: FloatFlags) -> String {
    let (digits, decpt) = shortest_digits(x);
    let use_exp = decpt <= -4 || decpt > 16;
    layout(&digits, decpt, use_exp, 0, flags.alt, flags.add_dot_0)
}

/// The shortest round-tripping digits of finite `x >= 0` (closest, ties to even, as
/// dtoa mode 0) and the position of the decimal point: `x = 0.DIGITS × 10^decpt`.
pub fn shortest_digits(x: f64) -> (String, i64) {
    if x == 0.0 {
        return ("0".to_string(), 1);
    }
    let mut buf = ryu::Buffer::new();
    let s = buf.format_finite(x);
    let (mantissa, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i64>().unwrap_or(0)),
        None => (s, 0),
    };
    let int_len = mantissa.find('.').unwrap_or(mantissa.len()) as i64;
    let mut decpt = int_len + exp;
    let mut digits = String::with_capacity(20);
    for c in mantissa.chars().filter(char::is_ascii_digit) {
        if digits.is_empty() && c == '0' {
            decpt -= 1;
        } else {
            digits.push(c);
        }
    }
    let keep = digits.trim_end_matches('0').len();
    digits.truncate(keep);
    (digits, decpt)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(x: f64, code: char, p: usize) -> String {
        double_to_string(x, code, p, FloatFlags::default())
    }

    #[test]
    fn fixed_and_exponent() {
        assert_eq!(d(0.125, 'f', 2), "0.12");
        assert_eq!(d(0.375, 'f', 2), "0.38");
        assert_eq!(d(2.5, 'f', 0), "2");
        assert_eq!(d(1.5, 'e', 0), "2e+00");
        assert_eq!(d(9.9999, 'e', 1), "1.0e+01");
        assert_eq!(d(0.0, 'e', 3), "0.000e+00");
        assert_eq!(d(5e-324, 'e', 5), "4.94066e-324");
        assert_eq!(d(-1.0, 'F', 1), "-1.0");
        assert_eq!(d(f64::NEG_INFINITY, 'F', 1), "-INF");
        assert_eq!(d(-f64::NAN, 'g', 1), "nan");
    }

    #[test]
    fn general_and_repr() {
        assert_eq!(d(0.1, 'g', 17), "0.10000000000000001");
        assert_eq!(d(1e16, 'r', 0), "1e+16");
        assert_eq!(d(123456.0, 'g', 6), "123456");
        assert_eq!(d(1234567.0, 'g', 6), "1.23457e+06");
        assert_eq!(d(1e-5, 'g', 6), "1e-05");
        let flags = FloatFlags {
            add_dot_0: true,
            ..FloatFlags::default()
        };
        assert_eq!(double_to_string(123.0, 'g', 3, flags), "1.23e+02");
        assert_eq!(double_to_string(12.0, 'g', 3, flags), "12.0");
        assert_eq!(double_to_string(1.0, 'r', 0, flags), "1.0");
    }
}
