//! `slice` (CPython's `Objects/sliceobject.c`): start, stop, step, and the
//! index computation `slice.indices` / `PySlice_AdjustIndices` does.

use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of a `slice`.
pub struct SliceObj {
    /// `start`.
    pub start: Value,
    /// `stop`.
    pub stop: Value,
    /// `step`.
    pub step: Value,
}

impl Payload for SliceObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.start);
        visit(&self.stop);
        visit(&self.step);
    }
}

impl SliceObj {
    /// A new `slice`.
    pub fn alloc(start: Value, stop: Value, step: Value) -> ObjRef {
        ObjRef::new(&crate::rt_types::rt().slice, SliceObj { start, stop, step })
    }

    /// `(start, stop, step, length)` for a sequence of length `len` (CPython's
    /// `PySlice_Unpack` + `PySlice_AdjustIndices`).
    pub fn indices(&self, vm: &mut Vm, len: usize) -> PyResult<(isize, isize, isize, usize)> {
        let len = len as isize;
        let step = match &self.step {
            Value::None => 1,
            v => vm.index_isize(v)?,
        };
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let (lo_default, hi_default) = if step < 0 { (len - 1, -1) } else { (0, len) };
        let adjust = |v: isize| -> isize {
            if v < 0 {
                let v = v + len;
                if v < 0 {
                    if step < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    v
                }
            } else if v >= len {
                if step < 0 {
                    len - 1
                } else {
                    len
                }
            } else {
                v
            }
        };
        let start = match &self.start {
            Value::None => lo_default,
            v => adjust(vm.index_isize(v)?),
        };
        let stop = match &self.stop {
            Value::None => hi_default,
            v => adjust(vm.index_isize(v)?),
        };
        let n = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok((start, stop, step, n as usize))
    }
}

/// Picks the items of `items` selected by slice `s`.
pub fn slice_items<T: Clone>(vm: &mut Vm, s: &SliceObj, items: &[T]) -> PyResult<Vec<T>> {
    let (start, _, step, n) = s.indices(vm, items.len())?;
    let mut out = Vec::with_capacity(n);
    let mut i = start;
    for _ in 0..n {
        if let Some(x) = items.get(i as usize) {
            out.push(x.clone());
        }
        i += step;
    }
    Ok(out)
}
