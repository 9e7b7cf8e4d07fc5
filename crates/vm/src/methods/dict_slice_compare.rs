//! Comparisons the builtin `dict` and `slice` types lack elsewhere:
//! `dict == dict` (CPython's `dict_richcompare` / `dict_equal`) and the `slice`
//! dunders (`slice_repr`, `slice_richcompare`, and 3.11's unhashable slices).

use crate::builtins::dict::Dict;
use crate::builtins::slice::SliceObj;
use crate::builtins::str::{new_str, StrObj};
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::types::{builtin_types, CompareOp, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// `dict.__eq__` / `dict.__ne__` (`NotImplemented` for other operators or a
/// non-dict operand): same length, and every key of `a` maps in `b` to an equal
/// value. Entries are copied out first, so a value's `__eq__` that mutates
/// either dict can't invalidate a borrow.
fn dict_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.downcast::<Dict>(), b.downcast::<Dict>()) else {
        return Ok(None);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let equal = dict_equal(vm, x, y)?;
    Ok(Some(Value::Bool(equal == (op == CompareOp::Eq))))
}

fn dict_equal(vm: &mut Vm, x: &Dict, y: &Dict) -> PyResult<bool> {
    if x.len(vm.token()) != y.len(vm.token()) {
        return Ok(false);
    }
    for (key, aval) in x.items(vm.token()) {
        let Some(bval) = y.get(vm, &key)? else {
            return Ok(false);
        };
        if !vm.eq_bool(&aval, &bval)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `slice.__repr__`: `slice(1, 2, None)`.
fn slice_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(s) = v.downcast::<SliceObj>() else {
        return Ok(new_str("slice(?)"));
    };
    let parts = [s.start.clone(), s.stop.clone(), s.step.clone()];
    let mut out = String::from("slice(");
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let r = vm.repr(p)?;
        if let Some(t) = r.downcast::<StrObj>() {
            out.push_str(&t.text().to_string_lossy());
        }
    }
    out.push(')');
    Ok(new_str(&out))
}

/// `slice.__eq__`, `slice.__lt__`, ...: the `(start, stop, step)` tuples
/// compared (CPython's `slice_richcompare`).
fn slice_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.downcast::<SliceObj>(), b.downcast::<SliceObj>()) else {
        return Ok(None);
    };
    let tx = Tuple::alloc(vec![x.start.clone(), x.stop.clone(), x.step.clone()]);
    let ty = Tuple::alloc(vec![y.start.clone(), y.stop.clone(), y.step.clone()]);
    crate::builtins::tuple::slot_richcompare(vm, &Value::Obj(tx), &Value::Obj(ty), op)
}

/// Installs the slots on `dict` and `slice`.
pub fn install(_vm: &mut Vm) {
    if let Some(d) = builtin_types().dict.downcast::<TypeObject>() {
        d.slots.richcompare.set(Some(dict_richcompare));
    }
    if let Some(s) = crate::rt_types::rt().slice.downcast::<TypeObject>() {
        s.slots.repr.set(Some(slice_repr));
        s.slots.richcompare.set(Some(slice_richcompare));
        s.slots
            .hash
            .set(Some(crate::types::builtin::hash_not_implemented));
    }
}
