//! The operations of `range` written over big ints (CPython's
//! `Objects/rangeobject.c`, which computes with `PyLong`s): indexing and
//! slicing (`compute_slice`, with `_PySlice_GetLongIndices`), `in`, `count`,
//! `index`, `==` and `hash`, `reversed`. The range methods and protocols use
//! them for ranges with big bounds, and for results that leave the `i64`
//! fast path; small ranges keep their fast code in `range.rs` and
//! `methods/numbers.rs`.

use common::bigint::BigInt;

use super::range::{LongRangeIter, RangeIter, RangeObj};
use super::slice::SliceObj;
use crate::builtins::int::normalize;
use crate::builtins::tuple::Tuple;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, PyCell};
use crate::types::builtin_types;
use crate::value::{IntRef, Value};
use crate::vm::Vm;

/// `(start, stop, step)` of any range, as big ints.
pub fn bounds(r: &RangeObj) -> [BigInt; 3] {
    match &r.big {
        Some(b) => (**b).clone(),
        None => [
            BigInt::from(r.start),
            BigInt::from(r.stop),
            BigInt::from(r.step),
        ],
    }
}

/// `len(range)` as a big int (CPython's `compute_range_length`).
pub fn length(r: &RangeObj) -> BigInt {
    match &r.big {
        Some(_) => {
            let [lo, hi, step] = bounds(r);
            let zero = BigInt::ZERO;
            if step > zero && lo < hi {
                (hi - &lo - BigInt::ONE) / &step + BigInt::ONE
            } else if step < zero && lo > hi {
                (lo - &hi - BigInt::ONE) / (-step) + BigInt::ONE
            } else {
                zero
            }
        }
        None => BigInt::from(r.len()),
    }
}

/// A range object with these bounds, on the fast path when they fit in `i64`.
pub fn from_bounds(start: BigInt, stop: BigInt, step: BigInt) -> RangeObj {
    let small = |b: &BigInt| i64::try_from(b).ok();
    match (small(&start), small(&stop), small(&step)) {
        (Some(start), Some(stop), Some(step)) => RangeObj {
            start,
            stop,
            step,
            big: None,
        },
        _ => RangeObj {
            start: 0,
            stop: 0,
            step: 1,
            big: Some(Box::new([start, stop, step])),
        },
    }
}

fn new_range(r: RangeObj) -> Value {
    Value::Obj(ObjRef::new(&crate::rt_types::rt().range, r))
}

/// `operator.index(v)` as a big int.
fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = v.as_int().map(IntRef::to_bigint) {
        return Ok(b);
    }
    let r = vm.call_method(v, "__index__", &[])?;
    r.as_int()
        .map(IntRef::to_bigint)
        .ok_or_else(|| PyErr::type_error("__index__ returned non-int"))
}

fn has_index(v: &Value) -> bool {
    v.as_int().is_some()
        || v.type_ref()
            .downcast::<crate::types::TypeObject>()
            .is_some_and(|t| t.number.index.get().is_some())
}

/// `range[key]` for an int-like key or a slice.
pub fn getitem(vm: &mut Vm, r: &RangeObj, key: &Value) -> PyResult<Value> {
    if let Some(s) = key.downcast::<SliceObj>() {
        return slice(vm, r, s);
    }
    if !has_index(key) {
        let t = crate::types::type_name(vm.token(), &key.type_ref());
        return Err(PyErr::type_error(format!(
            "range indices must be integers or slices, not {t}"
        )));
    }
    let i = index_big(vm, key)?;
    let len = length(r);
    let j = if i < BigInt::ZERO { i + &len } else { i };
    if j < BigInt::ZERO || j >= len {
        return Err(PyErr::new(
            ExcKind::IndexError,
            "range object index out of range",
        ));
    }
    let [start, _, step] = bounds(r);
    Ok(normalize(start + j * step))
}

/// The slice's `(start, stop, step)` for a sequence of big length `len`
/// (CPython's `_PySlice_GetLongIndices`).
fn slice_indices(vm: &mut Vm, s: &SliceObj, len: &BigInt) -> PyResult<[BigInt; 3]> {
    let step = match &s.step {
        Value::None => BigInt::ONE,
        v => {
            let st = index_big(vm, v)?;
            if st == BigInt::ZERO {
                return Err(PyErr::value_error("slice step cannot be zero"));
            }
            st
        }
    };
    let neg = step < BigInt::ZERO;
    let (lower, upper) = if neg {
        (BigInt::from(-1), len - BigInt::ONE)
    } else {
        (BigInt::ZERO, len.clone())
    };
    let clamp = |vm: &mut Vm, v: &Value, default: &BigInt| -> PyResult<BigInt> {
        if v.is_none() {
            return Ok(default.clone());
        }
        let mut x = index_big(vm, v)?;
        if x < BigInt::ZERO {
            x += len;
            if x < lower {
                x = lower.clone();
            }
        } else if x > upper {
            x = upper.clone();
        }
        Ok(x)
    };
    let start = clamp(vm, &s.start, if neg { &upper } else { &lower })?;
    let stop = clamp(vm, &s.stop, if neg { &lower } else { &upper })?;
    Ok([start, stop, step])
}

/// `range[slice]` (CPython's `compute_slice`): another range.
pub fn slice(vm: &mut Vm, r: &RangeObj, s: &SliceObj) -> PyResult<Value> {
    let len = length(r);
    let [start, stop, step] = slice_indices(vm, s, &len)?;
    let [r_start, _, r_step] = bounds(r);
    let new_start = &r_start + &start * &r_step;
    let new_stop = &r_start + &stop * &r_step;
    let new_step = &r_step * &step;
    Ok(new_range(from_bounds(new_start, new_stop, new_step)))
}

/// The position of int `i` in the range, if it is there.
pub fn position(r: &RangeObj, i: &BigInt) -> Option<BigInt> {
    let [start, stop, step] = bounds(r);
    let inside = if step > BigInt::ZERO {
        &start <= i && i < &stop
    } else {
        &stop < i && i <= &start
    };
    if !inside {
        return None;
    }
    let off = i - &start;
    if &off % &step != BigInt::ZERO {
        return None;
    }
    Some(off / step)
}

fn is_exact_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_))
        || v.as_obj()
            .is_some_and(|o| o.type_ref().is(&builtin_types().int))
}

/// `x in range` for an exact int (`None`: search by iteration instead).
pub fn contains(r: &RangeObj, item: &Value) -> Option<bool> {
    if !is_exact_int(item) {
        return None;
    }
    let i = match item {
        Value::Bool(b) => BigInt::from(u8::from(*b)),
        v => v.as_int().map(IntRef::to_bigint)?,
    };
    Some(position(r, &i).is_some())
}

/// `range.count(x)`.
pub fn count(vm: &mut Vm, r: &RangeObj, this: &Value, x: &Value) -> PyResult<Value> {
    if let Some(found) = contains(r, x) {
        return Ok(Value::Int(i64::from(found)));
    }
    let it = vm.iter(this)?;
    let mut n = 0i64;
    while let Some(v) = vm.next(&it)? {
        if vm.eq_bool(&v, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// `range.index(x)`.
pub fn index(vm: &mut Vm, r: &RangeObj, this: &Value, x: &Value) -> PyResult<Value> {
    if is_exact_int(x) {
        let i = match x {
            Value::Bool(b) => BigInt::from(u8::from(*b)),
            v => v.as_int().map(IntRef::to_bigint).unwrap_or(BigInt::ZERO),
        };
        if let Some(k) = position(r, &i) {
            return Ok(normalize(k));
        }
        let rep = vm.repr_string(x);
        return Err(PyErr::value_error(format!("{rep} is not in range")));
    }
    let it = vm.iter(this)?;
    let mut k = 0i64;
    while let Some(v) = vm.next(&it)? {
        if vm.eq_bool(&v, x)? {
            return Ok(Value::Int(k));
        }
        k += 1;
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

/// What identifies a range's contents (CPython's `range_richcompare` and
/// `range_hash`): the length, the first item if any, the step if more than one.
pub fn key(r: &RangeObj) -> (BigInt, Option<BigInt>, Option<BigInt>) {
    let len = length(r);
    let [start, _, step] = bounds(r);
    if len == BigInt::ZERO {
        (len, None, None)
    } else if len == BigInt::ONE {
        (len, Some(start), None)
    } else {
        (len, Some(start), Some(step))
    }
}

/// `hash(range)`: the hash of the tuple of [`key`].
pub fn hash(vm: &mut Vm, r: &RangeObj) -> PyResult<isize> {
    let (n, start, step) = key(r);
    let opt = |x: Option<BigInt>| x.map_or(Value::None, normalize);
    let t = Value::Obj(Tuple::alloc(vec![normalize(n), opt(start), opt(step)]));
    vm.hash(&t)
}

/// `range.__reversed__()`: an iterator from the last item down (CPython's
/// `range_reverse`).
pub fn reversed(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__reversed__", args, kw, 1)?;
    let Some(r) = a[0].downcast::<RangeObj>() else {
        return Err(PyErr::type_error(
            "descriptor '__reversed__' requires a 'range' object",
        ));
    };
    let len = length(r);
    let [start, _, step] = bounds(r);
    let last = if len == BigInt::ZERO {
        start.clone()
    } else {
        &start + (&len - BigInt::ONE) * &step
    };
    let back = -step;
    let rt = crate::rt_types::rt();
    if let (Ok(next), Ok(st), Ok(n)) = (
        i64::try_from(&last),
        i64::try_from(&back),
        u64::try_from(&len),
    ) {
        return Ok(Value::Obj(ObjRef::new(
            &rt.range_iterator,
            RangeIter {
                next: std::cell::Cell::new(next),
                step: st,
                remaining: std::cell::Cell::new(n),
            },
        )));
    }
    Ok(Value::Obj(ObjRef::new(
        &rt.longrange_iterator,
        LongRangeIter {
            next: PyCell::new(last),
            step: back,
            remaining: PyCell::new(len),
        },
    )))
}
