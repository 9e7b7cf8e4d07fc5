//! `float` (CPython's `Objects/floatobject.c`): always inline in a [`Value`], so
//! these operations allocate nothing. Results and error messages follow CPython's
//! `float_rem`, `float_divmod`, `float_div` and `_Py_HashDouble`.
//!
//! [`Value`]: crate::value::Value

use common::bigint::BigInt;

use crate::builtins::int::HASH_MODULUS;
use crate::error::{PyErr, PyResult};

/// `hash(inf)` (CPython's `_PyHASH_INF`).
pub const HASH_INF: isize = 314159;

const HASH_BITS: i32 = 61;

/// `(m, e)` with `v == m * 2**e` and `0.5 <= |m| < 1` (C's `frexp`), for finite `v`.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `hash(v)`, CPython's `_Py_HashDouble`: equal to the hash of the equal int when
/// `v` is integral. NaN hashes by object address in CPython; inline floats have no
/// address, so NaN hashes to 0 here (addresses are outside the contract).
pub fn hash_f64(v: f64) -> isize {
    if !v.is_finite() {
        return if v.is_nan() {
            0
        } else if v > 0.0 {
            HASH_INF
        } else {
            -HASH_INF
        };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % HASH_BITS
    } else {
        HASH_BITS - 1 - ((-1 - e) % HASH_BITS)
    };
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    let h = (x as i64).wrapping_mul(sign);
    if h == -1 {
        -2
    } else {
        h as isize
    }
}

/// `f == i`, exactly (no rounding of `i` to float, as CPython's `float_richcompare`).
pub fn eq_int(f: f64, i: i64) -> bool {
    if !(-9223372036854775808.0..9223372036854775808.0).contains(&f) || f.fract() != 0.0 {
        return false;
    }
    f as i64 == i
}

/// The integral float `f` as a big int, or `None` for a non-integral or non-finite one.
pub fn to_bigint(f: f64) -> Option<BigInt> {
    if !f.is_finite() || f.fract() != 0.0 {
        return None;
    }
    let (m, e) = frexp(f);
    // m * 2**53 is an exact integer; f = that * 2**(e - 53).
    let mant = (m * 9007199254740992.0) as i64;
    let shift = e - 53;
    let b = BigInt::from(mant);
    Some(if shift >= 0 {
        b << shift as usize
    } else {
        b >> (-shift) as usize
    })
}

/// `f == b` for a heap int `b`, exactly.
pub fn eq_big(f: f64, b: &BigInt) -> bool {
    to_bigint(f).is_some_and(|x| x == *b)
}

/// `a / b`.
#[inline]
pub fn truediv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float division by zero"));
    }
    Ok(a / b)
}

/// `divmod(a, b)`, CPython's `float_divmod`.
pub fn divmod(vx: f64, wx: f64) -> PyResult<(f64, f64)> {
    if wx == 0.0 {
        return Err(PyErr::zero_division("float divmod()"));
    }
    Ok(divmod_nonzero(vx, wx))
}

fn divmod_nonzero(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
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
    (floordiv, m)
}

/// `a // b`.
pub fn floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float floor division by zero"));
    }
    Ok(divmod_nonzero(a, b).0)
}

/// `a % b`, CPython's `float_rem`.
pub fn modulo(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

// ---------------------------------------------------------------------------
// Slots of `float`.
// ---------------------------------------------------------------------------

use crate::types::CompareOp;
use crate::value::{IntRef, Value};
use crate::vm::Vm;

/// A float operand: a float, or an int converted as CPython's `CONVERT_TO_DOUBLE`
/// does (`OverflowError` for ints too large for a float).
fn operand(v: &Value) -> Option<PyResult<f64>> {
    match v.as_float() {
        Some(f) => Some(Ok(f)),
        None => match v.as_int()? {
            IntRef::Small(i) => Some(Ok(i as f64)),
            IntRef::Big(b) => {
                let f = b.to_f64().value();
                Some(if f.is_finite() {
                    Ok(f)
                } else {
                    Err(PyErr::new(
                        crate::error::ExcKind::OverflowError,
                        "int too large to convert to float",
                    ))
                })
            }
        },
    }
}

/// `float.__hash__`.
pub fn slot_hash(_vm: &mut Vm, v: &Value) -> PyResult<isize> {
    Ok(v.as_float().map_or(0, hash_f64))
}

/// `float.__eq__`, `float.__lt__`, ... (exact against ints, as CPython).
pub fn slot_richcompare(
    _vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: CompareOp,
) -> PyResult<Option<Value>> {
    let Some(x) = a.as_float() else {
        return Ok(None);
    };
    let x = &x;
    let r = match b.as_float() {
        Some(y) => x.partial_cmp(&y),
        None => match b.as_int() {
            None => return Ok(None),
            Some(IntRef::Small(i)) => {
                if eq_int(*x, i) {
                    Some(std::cmp::Ordering::Equal)
                } else if x.is_nan() {
                    None
                } else if (-9007199254740992..=9007199254740992).contains(&i) {
                    x.partial_cmp(&(i as f64))
                } else {
                    cmp_big(*x, &BigInt::from(i))
                }
            }
            Some(IntRef::Big(bi)) => cmp_big(*x, bi),
        },
    };
    Ok(Some(Value::Bool(match r {
        Some(o) => crate::builtins::int::compare_result(o, op),
        None => op == CompareOp::Ne,
    })))
}

/// Compares a float with a big int exactly.
fn cmp_big(x: f64, b: &BigInt) -> Option<std::cmp::Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Less
        });
    }
    let fl = x.floor();
    let fb = to_bigint(fl)?;
    Some(match fb.cmp(b) {
        std::cmp::Ordering::Equal if fl != x => std::cmp::Ordering::Greater,
        o => o,
    })
}

macro_rules! float_binary_slot {
    ($(#[$m:meta])* $name:ident, $op:expr) => {
        $(#[$m])*
        pub fn $name(_vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
            if a.as_float().is_none() && b.as_float().is_none() {
                return Ok(None);
            }
            let (Some(x), Some(y)) = (operand(a), operand(b)) else {
                return Ok(None);
            };
            #[allow(clippy::redundant_closure_call)]
            Ok(Some(crate::nan_identity::new_float($op(x?, y?)?)))
        }
    };
}

float_binary_slot!(
    /// `float.__add__` / `__radd__`.
    slot_add, |x: f64, y: f64| PyResult::Ok(x + y));
float_binary_slot!(
    /// `float.__sub__` / `__rsub__`.
    slot_sub, |x: f64, y: f64| PyResult::Ok(x - y));
float_binary_slot!(
    /// `float.__mul__` / `__rmul__`.
    slot_mul, |x: f64, y: f64| PyResult::Ok(x * y));
float_binary_slot!(
    /// `float.__truediv__` / `__rtruediv__`.
    slot_truediv, truediv);
float_binary_slot!(
    /// `float.__floordiv__`.
    slot_floordiv, floordiv);
float_binary_slot!(
    /// `float.__mod__`.
    slot_mod, modulo);
