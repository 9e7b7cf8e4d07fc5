//! `int` (CPython's `Objects/longobject.c`): inline `i64` values plus heap big ints
//! for everything outside that range. Every result goes through [`normalize`], so a
//! value in `i64` range is always inline (the invariant of `value.rs`).
//!
//! The arithmetic here is the fast path the eval loop calls for `BINARY_OP` on two
//! ints: inline operands take checked `i64` arithmetic and allocate nothing; only an
//! overflow promotes to [`BigInt`].

use common::bigint::BigInt;
use dashu_int::ops::UnsignedAbs;
use dashu_int::UBig;

use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind};
use crate::types::builtin_types;
use crate::value::{IntRef, Value};

/// The payload of a heap int: always outside the `i64` range for exact ints; any
/// value for instances of `int` subclasses (`builtins::int_subclass`).
pub struct IntObj {
    /// The value.
    pub value: BigInt,
}

impl Payload for IntObj {
    const KIND: PayloadKind = PayloadKind::Int;
    const GC: bool = false;
}

/// CPython's hash modulus for numbers, `2**61 - 1` (`_PyHASH_MODULUS`).
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// An int value from a big int: inline if it fits in `i64`, else a heap int.
pub fn normalize(b: BigInt) -> Value {
    match i64::try_from(&b) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::Obj(ObjRef::new(&builtin_types().int, IntObj { value: b })),
    }
}

/// The operand form of a heap int's value: `Small` if it fits in `i64` (only an
/// instance of an `int` subclass holds such a value), else `Big`.
#[inline]
pub fn int_ref(b: &BigInt) -> IntRef<'_> {
    match i64::try_from(b) {
        Ok(i) => IntRef::Small(i),
        Err(_) => IntRef::Big(b),
    }
}

/// An int (or bool, or instance of an `int` subclass) as an exact `int` value
/// (`int(x)`, `x.__index__()`); other values are returned unchanged.
pub fn exact_value(v: &Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Obj(o) if !o.type_obj().is_builtin() => match v.as_int() {
            Some(IntRef::Small(i)) => Value::Int(i),
            Some(IntRef::Big(b)) => normalize(b.clone()),
            None => v.clone(),
        },
        _ => v.clone(),
    }
}

/// `a + b`.
#[inline]
pub fn add(a: IntRef<'_>, b: IntRef<'_>) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Some(r) = x.checked_add(y) {
            return Value::Int(r);
        }
    }
    normalize(IntRef::to_bigint(a) + IntRef::to_bigint(b))
}

/// `a - b`.
#[inline]
pub fn sub(a: IntRef<'_>, b: IntRef<'_>) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Some(r) = x.checked_sub(y) {
            return Value::Int(r);
        }
    }
    normalize(IntRef::to_bigint(a) - IntRef::to_bigint(b))
}

/// `a * b`.
#[inline]
pub fn mul(a: IntRef<'_>, b: IntRef<'_>) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Some(r) = x.checked_mul(y) {
            return Value::Int(r);
        }
    }
    normalize(IntRef::to_bigint(a) * IntRef::to_bigint(b))
}

/// `-a`.
#[inline]
pub fn neg(a: IntRef<'_>) -> Value {
    if let IntRef::Small(x) = a {
        if let Some(r) = x.checked_neg() {
            return Value::Int(r);
        }
    }
    normalize(-IntRef::to_bigint(a))
}

/// `abs(a)`.
pub fn abs(a: IntRef<'_>) -> Value {
    if let IntRef::Small(x) = a {
        if let Some(r) = x.checked_abs() {
            return Value::Int(r);
        }
    }
    normalize(BigInt::from(IntRef::to_bigint(a).unsigned_abs()))
}

/// `divmod(a, b)` with Python's floor semantics (quotient rounded toward minus
/// infinity, remainder with the sign of `b`).
pub fn divmod(a: IntRef<'_>, b: IntRef<'_>) -> PyResult<(Value, Value)> {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if y == 0 {
            return Err(PyErr::zero_division("integer division or modulo by zero"));
        }
        if let (Some(q), Some(r)) = (x.checked_div(y), x.checked_rem(y)) {
            return Ok(if r != 0 && ((r < 0) != (y < 0)) {
                (Value::Int(q - 1), Value::Int(r + y))
            } else {
                (Value::Int(q), Value::Int(r))
            });
        }
    }
    let (x, y) = (IntRef::to_bigint(a), IntRef::to_bigint(b));
    if y.is_zero() {
        return Err(PyErr::zero_division("integer division or modulo by zero"));
    }
    let (q, r) = (&x / &y, &x % &y);
    let (neg_r, neg_y) = (r < BigInt::ZERO, y < BigInt::ZERO);
    Ok(if !r.is_zero() && neg_r != neg_y {
        (normalize(q - BigInt::ONE), normalize(r + y))
    } else {
        (normalize(q), normalize(r))
    })
}

/// `a // b`.
#[inline]
pub fn floordiv(a: IntRef<'_>, b: IntRef<'_>) -> PyResult<Value> {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if y != 0 && !(x == i64::MIN && y == -1) {
            let (q, r) = (x / y, x % y);
            return Ok(Value::Int(if r != 0 && ((r < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }));
        }
    }
    divmod(a, b).map(|(q, _)| q)
}

/// `a % b`.
#[inline]
pub fn modulo(a: IntRef<'_>, b: IntRef<'_>) -> PyResult<Value> {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if y == 0 {
            return Err(PyErr::zero_division("integer modulo by zero"));
        }
        if y != -1 {
            let r = x % y;
            return Ok(Value::Int(if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }));
        }
        return Ok(Value::Int(0));
    }
    if matches!(b, IntRef::Small(0)) {
        return Err(PyErr::zero_division("integer modulo by zero"));
    }
    divmod(a, b).map(|(_, r)| r)
}

/// Compares two ints (`<`, `==`, ... all derive from this).
#[inline]
pub fn cmp(a: IntRef<'_>, b: IntRef<'_>) -> std::cmp::Ordering {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => x.cmp(&y),
        (IntRef::Big(x), IntRef::Big(y)) => x.cmp(y),
        // A heap int is outside i64 range, so its sign decides.
        (IntRef::Small(_), IntRef::Big(y)) => BigInt::ZERO.cmp(y),
        (IntRef::Big(x), IntRef::Small(_)) => x.cmp(&BigInt::ZERO),
    }
}

/// `hash(i)` for an inline int: `i mod (2**61 - 1)` with the sign of `i`, and `-1`
/// mapped to `-2` (CPython's `long_hash`).
#[inline]
pub fn hash_i64(i: i64) -> isize {
    // Most ints are below the modulus: their hash is themselves.
    if (-(HASH_MODULUS as i64) + 1..HASH_MODULUS as i64).contains(&i) {
        return if i == -1 { -2 } else { i as isize };
    }
    let m = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h as isize
    }
}

/// `hash(b)` for a heap int (same rule as [`hash_i64`]).
pub fn hash_big(b: &BigInt) -> isize {
    let m = b.unsigned_abs() % UBig::from(HASH_MODULUS);
    let m = u64::try_from(&m).unwrap_or(0) as i64;
    let h = if *b < BigInt::ZERO { -m } else { m };
    if h == -1 {
        -2
    } else {
        h as isize
    }
}

/// `hash(i)` for any int operand.
pub fn hash(i: IntRef<'_>) -> isize {
    match i {
        IntRef::Small(s) => hash_i64(s),
        IntRef::Big(b) => hash_big(b),
    }
}

// ---------------------------------------------------------------------------
// Slots of `int` (and `bool`, which inherits them).
// ---------------------------------------------------------------------------

use crate::types::CompareOp;
use crate::vm::Vm;

/// `int.__hash__`.
pub fn slot_hash(_vm: &mut Vm, v: &Value) -> PyResult<isize> {
    Ok(v.as_int().map_or(0, hash))
}

/// `int.__eq__`, `int.__lt__`, ... (`NotImplemented` for non-ints).
pub fn slot_richcompare(
    _vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: CompareOp,
) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.as_int(), b.as_int()) else {
        return Ok(None);
    };
    Ok(Some(Value::Bool(compare_result(cmp(x, y), op))))
}

/// Whether an ordering satisfies `op`.
pub fn compare_result(o: std::cmp::Ordering, op: CompareOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CompareOp::Lt => o == Less,
        CompareOp::Le => o != Greater,
        CompareOp::Eq => o == Equal,
        CompareOp::Ne => o != Equal,
        CompareOp::Gt => o == Greater,
        CompareOp::Ge => o != Less,
    }
}

macro_rules! int_binary_slot {
    ($(#[$m:meta])* $name:ident, $op:expr) => {
        $(#[$m])*
        pub fn $name(_vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
            let (Some(x), Some(y)) = (a.as_int(), b.as_int()) else {
                return Ok(None);
            };
            #[allow(clippy::redundant_closure_call)]
            Ok(Some($op(x, y)?))
        }
    };
}

int_binary_slot!(
    /// `int.__add__`.
    slot_add, |x, y| PyResult::Ok(add(x, y)));
int_binary_slot!(
    /// `int.__sub__`.
    slot_sub, |x, y| PyResult::Ok(sub(x, y)));
int_binary_slot!(
    /// `int.__mul__`.
    slot_mul, |x, y| PyResult::Ok(mul(x, y)));
int_binary_slot!(
    /// `int.__floordiv__`.
    slot_floordiv, floordiv);
int_binary_slot!(
    /// `int.__mod__`.
    slot_mod, modulo);

/// `int.__neg__`.
pub fn slot_neg(_vm: &mut Vm, a: &Value) -> PyResult<Value> {
    a.as_int()
        .map(neg)
        .ok_or_else(|| PyErr::type_error("descriptor '__neg__' requires a 'int' object"))
}

/// `int.__bool__`.
pub fn slot_bool(_vm: &mut Vm, a: &Value) -> PyResult<bool> {
    Ok(match a.as_int() {
        Some(IntRef::Small(i)) => i != 0,
        Some(IntRef::Big(_)) => true,
        None => true,
    })
}
