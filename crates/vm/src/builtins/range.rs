//! `range` and its iterator (CPython's `Objects/rangeobject.c`), for bounds in
//! the `i64` range (larger bounds raise `OverflowError` for now).

use std::cell::Cell;

use crate::builtins::str::new_str;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of a `range`.
pub struct RangeObj {
    /// `start`.
    pub start: i64,
    /// `stop`.
    pub stop: i64,
    /// `step` (never 0).
    pub step: i64,
}

impl Payload for RangeObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

impl RangeObj {
    /// `len(range)`.
    pub fn len(&self) -> u64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n as u64
    }

    /// Whether the range is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `r[i]` for `0 <= i < len`.
    pub fn item(&self, i: u64) -> i64 {
        (self.start as i128 + i as i128 * self.step as i128) as i64
    }
}

/// The payload of a `range_iterator`.
pub struct RangeIter {
    /// The next value.
    pub next: Cell<i64>,
    /// The step.
    pub step: i64,
    /// Values left.
    pub remaining: Cell<u64>,
}

impl Payload for RangeIter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

impl RangeIter {
    /// The next value, if any (no allocation).
    #[inline]
    pub fn next_value(&self) -> Option<i64> {
        let r = self.remaining.get();
        if r == 0 {
            return None;
        }
        self.remaining.set(r - 1);
        let v = self.next.get();
        self.next.set(v.wrapping_add(self.step));
        Some(v)
    }
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ if v.as_int().is_some() => Err(PyErr::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        _ => vm.index_i64(v),
    }
}

/// `range(stop)`, `range(start, stop[, step])`.
pub fn range_new(
    vm: &mut Vm,
    _cls: &ObjRef,
    args: &[Value],
    kwnames: Option<&ObjRef>,
) -> PyResult<Value> {
    crate::calls::no_kwargs(vm, "range", kwnames)?;
    let (start, stop, step) = match args {
        [stop] => (0, int_arg(vm, stop)?, 1),
        [a, b] => (int_arg(vm, a)?, int_arg(vm, b)?, 1),
        [a, b, c] => (int_arg(vm, a)?, int_arg(vm, b)?, int_arg(vm, c)?),
        [] => {
            return Err(PyErr::type_error(
                "range expected at least 1 argument, got 0",
            ))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "range expected at most 3 arguments, got {}",
                args.len()
            )))
        }
    };
    if step == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Obj(ObjRef::new(
        &crate::rt_types::rt().range,
        RangeObj { start, stop, step },
    )))
}

/// `iter(range)`.
pub fn range_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(r) = v.downcast::<RangeObj>() else {
        return Err(PyErr::type_error("expected a range"));
    };
    Ok(Value::Obj(ObjRef::new(
        &crate::rt_types::rt().range_iterator,
        RangeIter {
            next: Cell::new(r.start),
            step: r.step,
            remaining: Cell::new(r.len()),
        },
    )))
}

/// `next(range_iterator)`.
pub fn range_iter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    Ok(v.downcast::<RangeIter>()
        .and_then(RangeIter::next_value)
        .map(Value::Int))
}

/// `repr(range)`.
pub fn range_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(r) = v.downcast::<RangeObj>() else {
        return Ok(new_str("range"));
    };
    Ok(new_str(&if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }))
}

/// `len(range)`.
pub fn range_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(v.downcast::<RangeObj>().map_or(0, |r| r.len() as usize))
}
