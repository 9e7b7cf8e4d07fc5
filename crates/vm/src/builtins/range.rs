//! `range` and its iterator (CPython's `Objects/rangeobject.c`). Bounds in the
//! `i64` range use the fast fields; larger ones (`range(1 << 1000)`) keep big ints
//! and iterate with a `longrange_iterator`; their other operations are in
//! `range_big.rs`. `len()` beyond `sys.maxsize` raises CPython's
//! `OverflowError`.

use std::cell::Cell;

use common::bigint::BigInt;

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
    /// `(start, stop, step)` when one of them is outside `i64` (then the fields
    /// above are `0, 0, 1`).
    pub big: Option<Box<[BigInt; 3]>>,
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

    /// The length of a big range (CPython's `compute_range_length`).
    fn big_len(b: &[BigInt; 3]) -> BigInt {
        let [lo, hi, step] = b;
        let zero = BigInt::from(0);
        if *step > zero && lo < hi {
            (hi - lo - BigInt::from(1)) / step + BigInt::from(1)
        } else if *step < zero && lo > hi {
            (lo - hi - BigInt::from(1)) / (-step) + BigInt::from(1)
        } else {
            zero
        }
    }

    /// `r[i]` for `0 <= i < len`.
    pub fn item(&self, i: u64) -> i64 {
        (self.start as i128 + i as i128 * self.step as i128) as i64
    }
}

fn overflow() -> PyErr {
    PyErr::new(
        ExcKind::OverflowError,
        "Python int too large to convert to C ssize_t",
    )
}

/// The payload of a `longrange_iterator` (a range with big bounds).
pub struct LongRangeIter {
    /// The next value.
    pub next: crate::object::PyCell<BigInt>,
    /// The step.
    pub step: BigInt,
    /// Values left.
    pub remaining: crate::object::PyCell<BigInt>,
}

impl Payload for LongRangeIter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

/// `next(longrange_iterator)`.
pub fn longrange_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<LongRangeIter>() else {
        return Ok(None);
    };
    let t = vm.token();
    if *it.remaining.borrow(t) <= BigInt::from(0) {
        return Ok(None);
    }
    let cur = it.next.borrow(t).clone();
    *it.remaining.borrow_mut(t) -= BigInt::from(1);
    *it.next.borrow_mut(t) = &cur + &it.step;
    Ok(Some(crate::builtins::int::normalize(cur)))
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

/// A bound: `operator.index(v)`, as a big int.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match v.as_int() {
        Some(crate::value::IntRef::Small(i)) => Ok(BigInt::from(i)),
        Some(crate::value::IntRef::Big(b)) => Ok(b.clone()),
        None => vm.index_i64(v).map(BigInt::from),
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
        [stop] => (BigInt::from(0), int_arg(vm, stop)?, BigInt::from(1)),
        [a, b] => (int_arg(vm, a)?, int_arg(vm, b)?, BigInt::from(1)),
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
    if step == BigInt::from(0) {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    let obj = super::range_big::from_bounds(start, stop, step);
    Ok(Value::Obj(ObjRef::new(&crate::rt_types::rt().range, obj)))
}

/// `iter(range)`.
pub fn range_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(r) = v.downcast::<RangeObj>() else {
        return Err(PyErr::type_error("expected a range"));
    };
    if let Some(b) = &r.big {
        return Ok(Value::Obj(ObjRef::new(
            &crate::rt_types::rt().longrange_iterator,
            LongRangeIter {
                next: crate::object::PyCell::new(b[0].clone()),
                step: b[2].clone(),
                remaining: crate::object::PyCell::new(RangeObj::big_len(b)),
            },
        )));
    }
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
    if let Some(b) = &r.big {
        return Ok(new_str(&if b[2] == BigInt::from(1) {
            format!("range({}, {})", b[0], b[1])
        } else {
            format!("range({}, {}, {})", b[0], b[1], b[2])
        }));
    }
    Ok(new_str(&if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }))
}

/// `len(range)`.
pub fn range_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let Some(r) = v.downcast::<RangeObj>() else {
        return Ok(0);
    };
    let n = match &r.big {
        Some(b) => i64::try_from(&RangeObj::big_len(b)).map_err(|_| overflow())?,
        None => i64::try_from(r.len()).map_err(|_| overflow())?,
    };
    Ok(n as usize)
}
