//! `float.hex()` and `float.fromhex()` as CPython 3.11's `float_hex` and
//! `float_fromhex` (`Objects/floatobject.c`): exact hexadecimal significands, correctly
//! rounded (half to even) on the way back.

use crate::error::{TextError, TextResult};
use crate::repr::repr_float;
use crate::text::Text;
use dashu_int::ops::BitTest;
use dashu_int::UBig;

/// `x.hex()`: `[-]0x1.hhhhhhhhhhhhhp±e` with 13 hex digits (`0x0.…p-1022` for
/// subnormals, `0x0.0p+0` for zero); `inf`, `-inf`, `nan` as `repr` gives them.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return repr_float(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", exp.unsigned_abs())
}

fn invalid() -> TextError {
    TextError::value("invalid hexadecimal floating-point string")
}

fn too_large() -> TextError {
    TextError::overflow("hexadecimal value too large to represent as a float")
}

/// `Py_ISSPACE`.
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// `2^q` for `-1074 <= q <= 1023`, exactly.
fn pow2(q: i64) -> f64 {
    if q >= -1022 {
        f64::from_bits(((q + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (q + 1074))
    }
}

/// `float.fromhex(text)`: optional whitespace and sign, optional `0x`, hex digits with
/// an optional point, an optional `p` exponent; or `inf`/`infinity`/`nan`. Errors:
/// "invalid hexadecimal floating-point string" (ValueError) and "hexadecimal value too
/// large to represent as a float" (OverflowError).
pub fn float_fromhex(text: &Text) -> TextResult<f64> {
    let s = text.as_bytes();
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_c_space(at(i)) {
        i += 1;
    }
    // inf / nan, with their own sign.
    let sign_len = usize::from(matches!(at(i), b'+' | b'-'));
    let word = s[(i + sign_len).min(s.len())..].to_ascii_lowercase();
    let special = if word.starts_with(b"infinity") {
        Some((f64::INFINITY, 8))
    } else if word.starts_with(b"inf") {
        Some((f64::INFINITY, 3))
    } else if word.starts_with(b"nan") {
        Some((f64::NAN, 3))
    } else {
        None
    };
    if let Some((v, len)) = special {
        let negative = at(i) == b'-';
        i += sign_len + len;
        while is_c_space(at(i)) {
            i += 1;
        }
        if i != s.len() {
            return Err(invalid());
        }
        return Ok(if negative { -v } else { v });
    }
    let negative = at(i) == b'-';
    i += sign_len;
    if at(i) == b'0' && matches!(at(i + 1), b'x' | b'X') {
        i += 2;
    }
    let mut mantissa = UBig::ZERO;
    let mut digits = 0usize;
    let mut frac_digits: i64 = 0;
    let mut seen_point = false;
    loop {
        let c = at(i);
        if let Some(d) = char::from(c).to_digit(16) {
            mantissa = (mantissa << 4) + UBig::from(d);
            digits += 1;
            if seen_point {
                frac_digits += 1;
            }
        } else if c == b'.' && !seen_point {
            seen_point = true;
        } else {
            break;
        }
        i += 1;
    }
    if digits == 0 {
        return Err(invalid());
    }
    let mut exp: i64 = 0;
    if matches!(at(i), b'p' | b'P') {
        i += 1;
        let exp_negative = at(i) == b'-';
        if matches!(at(i), b'+' | b'-') {
            i += 1;
        }
        let start = i;
        while at(i).is_ascii_digit() {
            // Saturate: beyond this the value is 0 or too large anyway.
            exp = exp
                .saturating_mul(10)
                .saturating_add(i64::from(at(i) - b'0'))
                .min(i64::MAX / 8);
            i += 1;
        }
        if i == start {
            return Err(invalid());
        }
        if exp_negative {
            exp = -exp;
        }
    }
    // CPython computes the value (and reports overflow) before checking that only
    // whitespace follows.
    while is_c_space(at(i)) {
        i += 1;
    }
    let trailing_ok = i == s.len();
    let signed = |v: f64| if negative { -v } else { v };
    if mantissa == UBig::ZERO {
        return if trailing_ok {
            Ok(signed(0.0))
        } else {
            Err(invalid())
        };
    }
    // value = mantissa * 2^e2, rounded to a multiple of 2^q, q = max(top - 52, -1074).
    let e2 = exp.saturating_sub(frac_digits.saturating_mul(4));
    let len = mantissa.bit_len() as i64;
    let top = e2.saturating_add(len - 1);
    if top > 1023 {
        return Err(too_large());
    }
    let q = (top - 52).max(-1074);
    let drop = q - e2;
    let rounded: u64 = if drop <= 0 {
        // Exact: fewer than 53 significant bits at this scale.
        u64::try_from(&(mantissa << ((-drop) as usize))).map_err(|_| invalid())?
    } else if drop > len + 1 {
        0
    } else {
        let drop = drop as usize;
        let kept = &mantissa >> drop;
        let rem = &mantissa - (&kept << drop);
        let half = UBig::ONE << (drop - 1);
        let up = rem > half || (rem == half && kept.bit(0));
        u64::try_from(&kept).map_err(|_| invalid())? + u64::from(up)
    };
    let value = rounded as f64 * pow2(q);
    if value.is_infinite() || (q == 1023 - 52 && rounded >= 1u64 << 53) {
        return Err(too_large());
    }
    if !trailing_ok {
        return Err(invalid());
    }
    Ok(signed(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        assert_eq!(float_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_hex(-0.25), "-0x1.0000000000000p-2");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        for x in [1.5, 3.0, 1e300, 5e-324, 2.2250738585072014e-308, 0.1] {
            assert_eq!(float_fromhex(&Text::from(float_hex(x))).unwrap(), x);
        }
    }

    #[test]
    fn fromhex_rounding_and_errors() {
        let f = |s: &str| float_fromhex(&Text::from(s));
        assert_eq!(f("0x1.00000000000008p0").unwrap(), 1.0);
        assert_eq!(f("0x1.00000000000018p0").unwrap(), 1.0000000000000004);
        assert_eq!(f("0x3p-1076").unwrap(), 5e-324);
        assert_eq!(f("0x1p-1075").unwrap(), 0.0);
        assert_eq!(f("0x0p999999999999999999").unwrap(), 0.0);
        assert_eq!(
            f("0x1.fffffffffffff8p1023").unwrap_err().kind,
            crate::error::ExcKind::OverflowError
        );
        assert!(f("0x.p0").is_err());
        assert!(f("0x1_0p0").is_err());
    }
}
