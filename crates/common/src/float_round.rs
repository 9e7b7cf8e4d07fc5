//! `round(x)` and `round(x, ndigits)` for floats, as CPython 3.11's `float___round__`
//! and `double_round`: exact half-to-even rounding of the decimal value, then read
//! back with correct rounding.

use crate::bigint::BigInt;
use crate::error::{TextError, TextResult};
use crate::float_to_string::scaled_round;
use crate::format_number::float_to_int;

/// `round(x)` (no `ndigits`): the nearest integer, ties to even. ValueError for NaN,
/// OverflowError for infinities, as `int(x)`.
pub fn round_to_int(x: f64) -> TextResult<BigInt> {
    let mut r = x.round();
    if (x - r).abs() == 0.5 {
        r = 2.0 * (x / 2.0).round();
    }
    float_to_int(r)
}

/// `round(x, ndigits)`: `x` rounded to `ndigits` decimal places (negative: to tens,
/// hundreds, ...), ties to even on the exact value; NaN and infinities unchanged; the
/// sign of a zero result kept. OverflowError "rounded value too large to represent".
pub fn round_to_digits(x: f64, ndigits: isize) -> TextResult<f64> {
    // Beyond these, x rounds to itself / to a signed zero (CPython's NDIGITS_MAX/MIN).
    const NDIGITS_MAX: isize = 323;
    const NDIGITS_MIN: isize = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let n = scaled_round(x.abs(), ndigits as i64);
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let text = format!("{sign}{n}e{}", -ndigits);
    let rounded: f64 = text.parse().unwrap_or(f64::NAN);
    if rounded.is_infinite() {
        return Err(TextError::overflow("rounded value too large to represent"));
    }
    Ok(rounded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        assert_eq!(round_to_int(2.5).unwrap(), BigInt::from(2));
        assert_eq!(round_to_int(-3.5).unwrap(), BigInt::from(-4));
        assert_eq!(round_to_digits(2.675, 2).unwrap(), 2.67);
        assert_eq!(round_to_digits(0.125, 2).unwrap(), 0.12);
        assert_eq!(round_to_digits(1234.0, -2).unwrap(), 1200.0);
        assert!(round_to_digits(-0.4, 0).unwrap().is_sign_negative());
        assert!(round_to_digits(1.7e308, -308).is_err());
        assert!(round_to_int(f64::NAN).is_err());
    }
}
