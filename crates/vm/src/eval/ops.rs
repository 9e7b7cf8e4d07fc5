//! Allocation-free fast paths of `BINARY_OP` and `COMPARE_OP` on two inline ints
//! or two floats (CPython 3.11 specializes the same cases: `BINARY_OP_ADD_INT`,
//! `COMPARE_OP_INT_JUMP`, ...). `None` means "take the general path" (overflow,
//! division by zero, an operator without a fast path).

use crate::value::Value;

/// `a <op> b` for two inline ints, by `BINARY_OP` oparg (in-place ops are the
/// same for ints).
#[inline(always)]
pub(crate) fn int_fast(a: i64, b: i64, arg: u32) -> Option<Value> {
    let op = if arg >= 13 { arg - 13 } else { arg };
    Some(Value::Int(match op {
        0 => a.checked_add(b)?,
        10 => a.checked_sub(b)?,
        5 => a.checked_mul(b)?,
        1 => a & b,
        7 => a | b,
        12 => a ^ b,
        2 => {
            if b == 0 || (a == i64::MIN && b == -1) {
                return None;
            }
            a / b - i64::from(a % b != 0 && ((a < 0) != (b < 0)))
        }
        6 => {
            if b == 0 || (a == i64::MIN && b == -1) {
                return None;
            }
            let r = a % b;
            if r != 0 && ((r < 0) != (b < 0)) {
                r + b
            } else {
                r
            }
        }
        3 => {
            if !(0..63).contains(&b) {
                return None;
            }
            let r = a.checked_shl(b as u32)?;
            if r >> b != a {
                return None;
            }
            r
        }
        9 => {
            if b < 0 {
                return None;
            }
            a >> b.min(63)
        }
        11 => {
            if b == 0 {
                return None;
            }
            // Exact when both fit in f64's mantissa; else CPython's correctly
            // rounded algorithm (general path).
            if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
                return Some(Value::Float(a as f64 / b as f64));
            }
            return None;
        }
        _ => return None,
    }))
}

/// Ints below this magnitude convert to `f64` exactly, so mixed int/float
/// arithmetic on them may take the float fast path.
pub(crate) const EXACT_F64: u64 = 1 << 53;

/// `a <op> b` for two floats.
#[inline(always)]
pub(crate) fn float_fast(a: f64, b: f64, arg: u32) -> Option<Value> {
    let op = if arg >= 13 { arg - 13 } else { arg };
    Some(crate::nan_identity::new_float(match op {
        0 => a + b,
        10 => a - b,
        5 => a * b,
        11 if b != 0.0 => a / b,
        _ => return None,
    }))
}

/// `a <op> b` for two ints or two floats, by `COMPARE_OP` oparg.
#[inline(always)]
pub(crate) fn cmp_fast<T: PartialOrd>(a: &T, b: &T, arg: u32) -> bool {
    match arg {
        0 => a < b,
        1 => a <= b,
        2 => a == b,
        3 => a != b,
        4 => a > b,
        _ => a >= b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(v: Option<Value>) -> Option<i64> {
        match v {
            Some(Value::Int(i)) => Some(i),
            _ => None,
        }
    }

    #[test]
    fn floor_division_and_modulo_round_toward_minus_infinity() {
        assert_eq!(int(int_fast(-7, 2, 2)), Some(-4));
        assert_eq!(int(int_fast(7, -2, 2)), Some(-4));
        assert_eq!(int(int_fast(-7, 2, 6)), Some(1));
        assert_eq!(int(int_fast(7, -2, 6)), Some(-1));
        assert_eq!(int(int_fast(6, 3, 2)), Some(2));
        assert!(int_fast(1, 0, 2).is_none());
    }

    #[test]
    fn overflow_takes_the_general_path() {
        assert!(int_fast(i64::MAX, 1, 0).is_none());
        assert!(int_fast(1, 63, 3).is_none());
        assert_eq!(int(int_fast(1, 62, 3)), Some(1 << 62));
    }
}
