//! `int / int` correctly rounded for integers of any size (CPython's
//! `long_true_divide`): exact when both fit in a double's 53 bits, otherwise a
//! scaled integer quotient rounded half-to-even to the 53 bits (fewer for a
//! subnormal result) a double holds, with "integer division result too large
//! for a float" on overflow and a signed zero on underflow.

use common::bigint::BigInt;
use dashu_int::ops::{BitTest, UnsignedAbs};
use dashu_int::UBig;

/// `DBL_MANT_DIG`.
const MANT_DIG: i64 = 53;
/// `DBL_MIN_EXP`.
const MIN_EXP: i64 = -1021;
/// `DBL_MAX_EXP`.
const MAX_EXP: i64 = 1024;

/// Why a true division has no float result.
#[derive(Debug, PartialEq, Eq)]
pub enum TrueDivError {
    /// The divisor is zero ("division by zero").
    ZeroDivision,
    /// The quotient exceeds the largest double.
    Overflow,
}

/// `a / b`, correctly rounded.
pub fn true_divide(a: &BigInt, b: &BigInt) -> Result<f64, TrueDivError> {
    let zero = BigInt::ZERO;
    if *b == zero {
        return Err(TrueDivError::ZeroDivision);
    }
    let negate = (*a < zero) != (*b < zero);
    let (ua, ub) = (a.unsigned_abs(), b.unsigned_abs());
    let (abits, bbits) = (ua.bit_len() as i64, ub.bit_len() as i64);
    // Fast path: both exactly representable, one IEEE division rounds once.
    if abits <= MANT_DIG && bbits <= MANT_DIG {
        let (fa, fb) = (small_to_f64(&ua), small_to_f64(&ub));
        let r = fa / fb;
        return Ok(if negate { -r } else { r });
    }
    let signed = |r: f64| if negate { -r } else { r };
    if ua.is_zero() {
        return Ok(signed(0.0));
    }
    let diff = abits - bbits;
    if diff > MAX_EXP {
        return Err(TrueDivError::Overflow);
    }
    if diff < MIN_EXP - MANT_DIG - 1 {
        return Ok(signed(0.0));
    }
    // Scale so the quotient has MANT_DIG + 2 or + 3 bits (fewer when subnormal).
    let shift = diff.max(MIN_EXP) - MANT_DIG - 2;
    let mut inexact = false;
    let x = if shift <= 0 {
        &ua << (-shift) as usize
    } else {
        let s = shift as usize;
        let low_mask = (UBig::ONE << s) - UBig::ONE;
        inexact = !(&ua & &low_mask).is_zero();
        &ua >> s
    };
    let q = &x / &ub;
    if !(&x % &ub).is_zero() {
        inexact = true;
    }
    let q_bits = q.bit_len() as i64;
    // Round half to even, dropping `extra_bits` low bits.
    let extra_bits = q_bits.max(MIN_EXP - shift) - MANT_DIG;
    let Ok(mut low) = u64::try_from(&q) else {
        return Err(TrueDivError::Overflow);
    };
    if extra_bits > 0 && extra_bits < 64 {
        let mask = 1u64 << (extra_bits - 1);
        let l = low | u64::from(inexact);
        low = l;
        if l & mask != 0 && l & (3 * mask - 1) != 0 {
            low = low.wrapping_add(mask);
        }
        low &= !(2 * mask - 1);
    }
    let dx = low as f64;
    if shift + q_bits >= MAX_EXP && (shift + q_bits > MAX_EXP || dx == ldexp(1.0, q_bits)) {
        return Err(TrueDivError::Overflow);
    }
    Ok(signed(ldexp(dx, shift)))
}

/// A value of at most 64 bits as f64 (exact up to 53 bits).
fn small_to_f64(u: &UBig) -> f64 {
    u64::try_from(u).map_or(f64::INFINITY, |v| v as f64)
}

/// `x * 2**e`, exact while the result is representable (C's `ldexp`).
fn ldexp(x: f64, e: i64) -> f64 {
    let mut x = x;
    let mut e = e;
    // Multiply in steps that stay within the exponent range of a double.
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        // Split so that an intermediate never goes subnormal twice.
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap_or(BigInt::ZERO)
    }

    #[test]
    fn matches_cpython() {
        let two = BigInt::from(2);
        let p2000 = two.pow(2000);
        let p1990 = two.pow(1990);
        assert_eq!(true_divide(&p2000, &p1990), Ok(1024.0));
        let ten400 = BigInt::from(10).pow(400);
        assert_eq!(true_divide(&BigInt::ONE, &ten400), Ok(0.0));
        assert_eq!(
            true_divide(&ten400, &BigInt::ONE),
            Err(TrueDivError::Overflow)
        );
        assert_eq!(
            true_divide(&BigInt::from(1), &BigInt::from(3)),
            Ok(1.0 / 3.0)
        );
        assert_eq!(
            true_divide(&big("100000000000000000000000"), &big("3")),
            Ok(3.333333333333333e22)
        );
        assert_eq!(
            true_divide(&BigInt::from(-7), &big("100000000000000000000")),
            Ok(-7e-20)
        );
        assert_eq!(
            true_divide(&BigInt::ONE, &BigInt::ZERO),
            Err(TrueDivError::ZeroDivision)
        );
    }
}
