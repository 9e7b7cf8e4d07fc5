//! Python's numeric semantics for constant folding: `int`, `float` and `complex`
//! arithmetic exactly as CPython 3.11's `Objects/longobject.c`, `floatobject.c` and
//! `complexobject.c` compute it, with `None` wherever CPython raises
//! (`ZeroDivisionError`, `OverflowError`, `ValueError`): the folder then leaves the
//! expression alone, as `ast_opt.c`'s `make_const` does when the operation fails.
//!
//! Float results are bit-exact with CPython: the same IEEE operations in the same
//! order, and the platform `libm` for `pow`, `hypot`, `atan2`, `exp`, `log`, `cos`,
//! `sin` (Rust's `f64` methods call it too).

use common::bigint::BigInt;
use dashu_int::ops::{BitTest, DivRem, UnsignedAbs};
use dashu_int::{Sign, UBig};

/// A number operand after bool → int promotion.
#[derive(Clone, Debug, PartialEq)]
pub enum Num {
    /// `int` (and `bool`, which is an `int`).
    Int(BigInt),
    /// `float`.
    Float(f64),
    /// `complex`: real, imaginary.
    Complex(f64, f64),
}

/// `PyLong_AsDouble`: the nearest double (ties to even), or `None` for
/// `OverflowError: int too large to convert to float`.
pub fn int_to_f64(i: &BigInt) -> Option<f64> {
    let negative = i.sign() == Sign::Negative;
    let mag = i.unsigned_abs();
    let r = round_scaled(&mag, 0, false)?;
    Some(if negative { -r } else { r })
}

/// The double nearest to `(q + s) * 2**-shift`, where `s` is 0 if `!sticky`, else an
/// infinitesimal positive amount (the remainder of an inexact division), rounding
/// half to even, with IEEE subnormals. `None` if the result overflows.
fn round_scaled(q: &UBig, shift: isize, sticky: bool) -> Option<f64> {
    let n = q.bit_len() as isize;
    if n == 0 {
        return Some(0.0);
    }
    // The value lies in [2**e, 2**(e+1)).
    let e = n - 1 - shift;
    if e > 1023 {
        return None;
    }
    // Significant bits available at that exponent.
    let precision = if e >= -1022 { 53 } else { 53 + (e + 1022) };
    let drop = n - precision;
    let (mantissa, exponent) = if drop <= 0 {
        // Exact (a sticky remainder below the last bit cannot change the result
        // unless bits are dropped, and here none are).
        let m: u64 = u64::try_from(q).ok()?;
        (m, -shift)
    } else {
        let d = drop as usize;
        let kept: UBig = q >> d;
        let mut m: u64 = u64::try_from(&kept).unwrap_or(0);
        // The dropped part compared with half a unit in the last place.
        let dropped_top = if d >= 1 { q.bit(d - 1) } else { false };
        let below_half_nonzero = sticky || (d >= 2 && low_bits_nonzero(q, d - 1));
        let round_up = dropped_top && (below_half_nonzero || m & 1 == 1);
        if round_up {
            m += 1;
        }
        (m, drop - shift)
    };
    let r = scale_by_power_of_two(mantissa as f64, exponent);
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

/// Whether any of the lowest `bits` bits of `q` is set.
fn low_bits_nonzero(q: &UBig, bits: usize) -> bool {
    match q.trailing_zeros() {
        Some(tz) => tz < bits,
        None => false,
    }
}

/// `m * 2**e`, exact whenever the result is representable (C's `ldexp`), stepping so
/// that no intermediate power of two leaves the double range.
fn scale_by_power_of_two(mut m: f64, mut e: isize) -> f64 {
    while e > 1000 {
        m *= f64::from_bits(((1000 + 1023) as u64) << 52);
        e -= 1000;
    }
    while e < -1000 {
        // Scaling down in steps keeps every intermediate exact until the last
        // one, which rounds once (the callers pass results that are exact).
        m *= f64::from_bits(((-1000 + 1023) as u64) << 52);
        e += 1000;
    }
    // After the loops -1000 <= e <= 1000: one exact power of two.
    m * pow2(e)
}

/// 2**e for -1022 <= e <= 1023 (normal doubles), else via subnormal bits.
fn pow2(e: isize) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else if e >= -1074 {
        f64::from_bits(1u64 << (e + 1074))
    } else {
        0.0
    }
}

/// `long_true_divide`: `a / b` correctly rounded, or `None` for division by zero
/// or a quotient too large for a float.
pub fn int_true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    if b.is_zero() {
        return None;
    }
    let negative = (a.sign() == Sign::Negative) != (b.sign() == Sign::Negative);
    let an = a.unsigned_abs();
    let bn = b.unsigned_abs();
    let r = if an.is_zero() {
        0.0
    } else {
        let e = an.bit_len() as isize - bn.bit_len() as isize;
        // Aim for a quotient of 55 or 56 bits, then round once.
        let shift = 55 - e;
        let (num, den) = if shift >= 0 {
            (an << shift as usize, bn)
        } else {
            (an, bn << (-shift) as usize)
        };
        let (q, rem) = num.div_rem(&den);
        round_scaled(&q, shift, !rem.is_zero())?
    };
    Some(if negative { -r } else { r })
}

/// `a // b` rounding toward negative infinity, as Python's `int.__floordiv__`.
pub fn int_floor_divmod(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    if b.is_zero() {
        return None;
    }
    let (mut q, mut r) = a.div_rem(b);
    if !r.is_zero() && ((r.sign() == Sign::Negative) != (b.sign() == Sign::Negative)) {
        q -= BigInt::ONE;
        r += b;
    }
    Some((q, r))
}

/// `fmod(fabs(x), 2.0) == 1.0`: CPython's `DOUBLE_IS_ODD_INTEGER`.
fn is_odd_integer(x: f64) -> bool {
    (x.abs() % 2.0) == 1.0
}

/// `float.__truediv__`.
pub fn float_div(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        None
    } else {
        Some(a / b)
    }
}

/// `float.__mod__` (`float_rem`): the remainder takes the divisor's sign.
pub fn float_mod(vx: f64, wx: f64) -> Option<f64> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    Some(m)
}

/// `float.__floordiv__` (`_float_div_mod`'s quotient).
pub fn float_floor_div(vx: f64, wx: f64) -> Option<f64> {
    if wx == 0.0 {
        return None;
    }
    let m = vx % wx;
    let mut div = (vx - m) / wx;
    // The remainder takes the divisor's sign; the quotient follows.
    if m != 0.0 && (wx < 0.0) != (m < 0.0) {
        div -= 1.0;
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    Some(floordiv)
}

/// The result of `float.__pow__`: a float, a complex (negative base, fractional
/// exponent), or `None` where CPython raises.
pub fn float_pow(iv: f64, iw: f64) -> Option<Num> {
    if iw == 0.0 {
        return Some(Num::Float(1.0));
    }
    if iv.is_nan() {
        return Some(Num::Float(iv));
    }
    if iw.is_nan() {
        return Some(Num::Float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Some(Num::Float(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Some(Num::Float(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        let odd = is_odd_integer(iw);
        if iw < 0.0 {
            return None;
        }
        return Some(Num::Float(if odd { iv } else { 0.0 }));
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return complex_pow((iv, 0.0), (iw, 0.0)).map(|(r, i)| Num::Complex(r, i));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Some(Num::Float(if negate { -1.0 } else { 1.0 }));
    }
    let ix = base.powf(iw);
    if ix.is_infinite() {
        return None;
    }
    Some(Num::Float(if negate { -ix } else { ix }))
}

/// `_Py_c_prod`.
pub fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`; `None` for division by zero (`errno = EDOM`).
pub fn c_quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let abs_breal = b.0.abs();
    let abs_bimag = b.1.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// What `errno` would hold after the complex power computation.
#[derive(PartialEq)]
enum Errno {
    None,
    Domain,
}

/// `_Py_c_pow`, with the `EDOM` it can set (zero to a negative or complex power,
/// or `cos`/`sin` of an infinite phase, which glibc reports as a domain error).
fn c_pow(a: (f64, f64), b: (f64, f64), errno: &mut Errno) -> (f64, f64) {
    if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            *errno = Errno::Domain;
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        if phase.is_infinite() {
            *errno = Errno::Domain;
        }
        (len * phase.cos(), len * phase.sin())
    }
}

/// `c_powu`: `x ** n` by repeated squaring, for `n >= 0`.
fn c_powu(x: (f64, f64), n: i64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask = mask.wrapping_shl(1);
        p = c_prod(p, p);
    }
    r
}

/// `complex.__pow__` (`complex_pow` with `c_powi`/`c_powu` for small integral
/// exponents), or `None` where CPython raises `ZeroDivisionError`/`OverflowError`.
pub fn complex_pow(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let mut errno = Errno::None;
    let int_exponent = c_long_cast(b.0);
    let p = if b.1 == 0.0 && Some(b.0) == int_exponent.map(|n| n as f64) {
        let n = int_exponent.unwrap_or(0);
        if !(-100..=100).contains(&n) {
            c_pow(a, (n as f64, 0.0), &mut errno)
        } else if n > 0 {
            c_powu(a, n)
        } else {
            match c_quot((1.0, 0.0), c_powu(a, -n)) {
                Some(q) => q,
                None => {
                    errno = Errno::Domain;
                    (0.0, 0.0)
                }
            }
        }
    } else {
        c_pow(a, b, &mut errno)
    };
    // Py_ADJUST_ERANGE2: an infinite part is an overflow; EDOM stays an error.
    if errno == Errno::Domain || p.0.is_infinite() || p.1.is_infinite() {
        return None;
    }
    Some(p)
}

/// C's `(long)x` on x86-64: truncation, and `LONG_MIN` for NaN or out-of-range
/// values (`None` here, which never equals the double it came from, except for
/// exactly -2**63, returned as such).
fn c_long_cast(x: f64) -> Option<i64> {
    if !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&x) {
        None
    } else {
        Some(x as i64)
    }
}

/// Python's `==` between two numbers (exact for int against float).
pub fn num_eq(a: &Num, b: &Num) -> bool {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => x == y,
        (Num::Int(i), Num::Float(f)) | (Num::Float(f), Num::Int(i)) => int_eq_float(i, *f),
        (Num::Float(x), Num::Float(y)) => x == y,
        (Num::Complex(r, im), other) | (other, Num::Complex(r, im)) => match other {
            Num::Complex(r2, im2) => r == r2 && im == im2,
            Num::Float(f) => *im == 0.0 && r == f,
            Num::Int(i) => *im == 0.0 && int_eq_float(i, *r),
        },
    }
}

/// `int == float`, compared exactly.
fn int_eq_float(i: &BigInt, f: f64) -> bool {
    if !f.is_finite() || f.fract() != 0.0 {
        return false;
    }
    match float_to_int(f) {
        Some(g) => &g == i,
        None => false,
    }
}

/// The integer value of a finite integral double.
pub fn float_to_int(f: f64) -> Option<BigInt> {
    if !f.is_finite() {
        return None;
    }
    let bits = f.to_bits();
    let negative = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        return Some(BigInt::ZERO);
    }
    let mant = UBig::from(frac | (1u64 << 52));
    let e = exp - 1075;
    let mag = if e >= 0 {
        mant << e as usize
    } else {
        mant >> (-e) as usize
    };
    let v = BigInt::from(mag);
    Some(if negative { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn int_to_float_rounds_half_even_and_overflows() {
        assert_eq!(
            int_to_f64(&big("9007199254740993")),
            Some(9007199254740992.0)
        );
        assert_eq!(
            int_to_f64(&big("9007199254740995")),
            Some(9007199254740996.0)
        );
        assert_eq!(int_to_f64(&big("-3")), Some(-3.0));
        let huge = BigInt::ONE << 1024;
        assert_eq!(int_to_f64(&huge), None);
        let max = (BigInt::ONE << 1024) - (BigInt::ONE << 970);
        assert_eq!(int_to_f64(&max), None, "rounds up to 2**1024");
    }

    #[test]
    fn true_division_is_correctly_rounded() {
        assert_eq!(int_true_divide(&big("1"), &big("3")), Some(1.0 / 3.0));
        assert_eq!(
            int_true_divide(&big("0"), &big("-5")).map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(int_true_divide(&big("1"), &big("0")), None);
        let a = BigInt::ONE << 2000;
        assert_eq!(int_true_divide(&a, &(BigInt::ONE << 1990)), Some(1024.0));
        assert_eq!(
            int_true_divide(&BigInt::ONE, &(BigInt::ONE << 1074)),
            Some(f64::from_bits(1))
        );
        assert_eq!(
            int_true_divide(&BigInt::ONE, &(BigInt::ONE << 1075)),
            Some(0.0)
        );
        assert_eq!(int_true_divide(&a, &BigInt::ONE), None);
    }

    #[test]
    fn float_floor_rules_follow_the_divisor_sign() {
        assert_eq!(float_mod(-1.0, 3.0), Some(2.0));
        assert_eq!(float_mod(1.0, -3.0), Some(-2.0));
        assert_eq!(
            float_mod(0.0, -3.0).map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(float_floor_div(-1.0, 3.0), Some(-1.0));
        assert_eq!(
            float_floor_div(0.0, -3.0).map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(float_floor_div(1.0, 0.0), None);
    }

    #[test]
    fn float_pow_special_cases() {
        assert_eq!(float_pow(0.0, -1.0), None);
        assert_eq!(float_pow(10.0, 400.0), None);
        assert_eq!(float_pow(-1.0, 1e300), Some(Num::Float(1.0)));
        assert!(matches!(float_pow(-8.0, 1.0 / 3.0), Some(Num::Complex(..))));
    }

    #[test]
    fn complex_pow_errors() {
        assert_eq!(complex_pow((0.0, 0.0), (-1.0, 0.0)), None);
        assert_eq!(complex_pow((0.0, 1.0), (f64::INFINITY, 0.0)), None);
        assert_eq!(complex_pow((0.0, 1.0), (2.0, 0.0)), Some((-1.0, 0.0)));
    }
}
