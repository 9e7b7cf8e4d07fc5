//! [`Value`]: what a variable, a stack slot or a container element holds.
//!
//! Two machine words: a tag and either an inline scalar or a pointer to a heap
//! object. `None`, `True`, `False`, every int in `i64` range and every float are
//! inline: creating, copying and dropping them touches no memory and no reference
//! count. Everything else is an [`ObjRef`]. See `docs/internals/memory.md`.
//!
//! Invariant: an int in `i64` range is always `Value::Int`, never a heap big int
//! (`builtins::int` normalizes every result), so equal ints have one representation
//! and Python code can't tell the two storage forms apart.

use common::bigint::BigInt;

use crate::builtins::int::{self, IntObj};
use crate::builtins::str::StrObj;
use crate::object::{ObjRef, Payload};
use crate::types::builtin_types;

/// A Python value (CPython's `PyObject *`, with small scalars unboxed).
///
/// `repr(u64)`: the tag fills the first word and every payload the second, so a
/// move is two word copies. With the default layout `Bool`'s payload sat at byte
/// 1 and moves copied bytes 1..8 piecewise, which stalled store forwarding in
/// the eval loop (measured: ~30% of an integer loop). `Option<Value>` still uses
/// the tag's spare values as its niche (16 bytes).
#[derive(Debug)]
#[repr(u64)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False` (an int subclass: arithmetic treats it as 1 / 0).
    Bool(bool),
    /// An int in the `i64` range.
    Int(i64),
    /// A float.
    Float(f64),
    /// Any other object, owned (clone = incref, drop = decref).
    Obj(ObjRef),
}

impl Clone for Value {
    /// A heap object gains a reference; an inline scalar is copied as is. One
    /// test and a two-word copy ([`crate::object::duplicate_value`]) instead of
    /// the derived clone's jump table on the tag, which cost the eval loop an
    /// indirect branch per `LOAD_FAST`.
    #[inline(always)]
    fn clone(&self) -> Value {
        crate::object::duplicate_value(self)
    }
}

/// An int operand, whichever way it is stored.
#[derive(Clone, Copy, Debug)]
pub enum IntRef<'a> {
    /// Inline (`bool` included).
    Small(i64),
    /// Heap, outside the `i64` range.
    Big(&'a BigInt),
}

impl IntRef<'_> {
    /// The value as an owned big int (for the arbitrary-precision paths).
    pub fn to_bigint(self) -> BigInt {
        match self {
            IntRef::Small(s) => BigInt::from(s),
            IntRef::Big(b) => b.clone(),
        }
    }
}

impl Value {
    /// An int from a big int, normalized to inline when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        int::normalize(b)
    }

    /// The heap object, if this isn't an inline scalar.
    #[inline(always)]
    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// The payload, if this is a heap object carrying a `T`.
    #[inline(always)]
    pub fn downcast<T: Payload>(&self) -> Option<&T> {
        self.as_obj()?.downcast::<T>()
    }

    /// Whether this is `None`.
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Python's `is`. Inline values are identical when their bits are (CPython
    /// shares small ints and would give the same answer for `x is x`; whether two
    /// separately computed equal floats are the same object is unspecified there).
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a.is(b),
            _ => false,
        }
    }

    /// The value as an int operand, if it is an int or bool (exact or subclass).
    #[inline(always)]
    pub fn as_int(&self) -> Option<IntRef<'_>> {
        match self {
            Value::Int(i) => Some(IntRef::Small(*i)),
            Value::Bool(b) => Some(IntRef::Small(*b as i64)),
            Value::Obj(o) => o.downcast::<IntObj>().map(|b| int::int_ref(&b.value)),
            _ => None,
        }
    }

    /// The value as a float, if it is a float (inline, or an instance of a
    /// `float` subclass).
    #[inline]
    pub fn as_float(&self) -> Option<f64> {
        match self {
            Value::Float(f) => Some(*f),
            Value::Obj(o) => o
                .downcast::<crate::builtins::float_subclass::FloatObj>()
                .map(|f| f.value),
            _ => None,
        }
    }

    /// The value's type (`type(v)`), a new reference.
    pub fn type_ref(&self) -> ObjRef {
        let t = builtin_types();
        match self {
            Value::None => t.none_type.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Obj(o) => o.type_ref(),
        }
    }

    /// The hash of values whose `__hash__` is fixed and known to the VM (inline
    /// scalars, exact `int` and `str`): CPython's numeric hash and str hash. `None`
    /// for anything whose hash must go through its type (may run Python code).
    #[inline]
    pub fn native_hash(&self) -> Option<isize> {
        match self {
            Value::Int(i) => Some(int::hash_i64(*i)),
            Value::Bool(b) => Some(*b as isize),
            Value::Float(f) => Some(crate::builtins::float::hash_f64(*f)),
            Value::None => Some(NONE_HASH),
            Value::Obj(o) => {
                let exact = o.type_obj().is_builtin();
                if !exact {
                    return None;
                }
                if let Some(s) = o.downcast::<StrObj>() {
                    Some(s.hash())
                } else {
                    o.downcast::<IntObj>().map(|b| int::hash_big(&b.value))
                }
            }
        }
    }

    /// `a == b` for values whose `__eq__` is fixed and known to the VM (inline
    /// scalars, exact `int` and `str`), or `None` if either side needs its type's
    /// comparison (which may run Python code).
    #[inline]
    pub fn native_eq(&self, other: &Value) -> Option<bool> {
        use Value::*;
        Some(match (self, other) {
            (None, None) => true,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a == b,
            (Bool(a), Bool(b)) => a == b,
            (Bool(a), Int(b)) | (Int(b), Bool(a)) => *a as i64 == *b,
            (Float(f), Int(i)) | (Int(i), Float(f)) => crate::builtins::float::eq_int(*f, *i),
            (Float(f), Bool(b)) | (Bool(b), Float(f)) => *f == *b as i64 as f64,
            (Obj(a), Obj(b)) => {
                if a.is(b) {
                    return Some(true);
                }
                if !(a.type_obj().is_builtin() && b.type_obj().is_builtin()) {
                    return Option::None;
                }
                match (a.downcast::<StrObj>(), b.downcast::<StrObj>()) {
                    (Some(x), Some(y)) => x.as_bytes() == y.as_bytes(),
                    (Some(_), Option::None) | (Option::None, Some(_)) => false,
                    _ => match (a.downcast::<IntObj>(), b.downcast::<IntObj>()) {
                        (Some(x), Some(y)) => x.value == y.value,
                        _ => return Option::None,
                    },
                }
            }
            (Obj(o), v) | (v, Obj(o)) => {
                if !o.type_obj().is_builtin() {
                    return Option::None;
                }
                if o.downcast::<StrObj>().is_some() {
                    false
                } else if let Some(b) = o.downcast::<IntObj>() {
                    match v {
                        Float(f) => crate::builtins::float::eq_big(*f, &b.value),
                        // Inline ints never equal a heap int (normalization).
                        _ => false,
                    }
                } else {
                    return Option::None;
                }
            }
            // None against an inline number or bool.
            _ => false,
        })
    }
}

/// `hash(None)`. CPython 3.11 derives it from `None`'s address; any constant is
/// equally valid since addresses are not part of the contract.
pub const NONE_HASH: isize = 0x04d7_528f_fe20;

impl Default for Value {
    /// `None`, the value of an empty slot.
    fn default() -> Value {
        Value::None
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<ObjRef> for Value {
    fn from(o: ObjRef) -> Value {
        Value::Obj(o)
    }
}
