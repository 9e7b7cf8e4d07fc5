//! Python-visible `__iter__`/`__next__`/`__length_hint__` of the builtin
//! iterator types (CPython's `slotdefs` wrappers of `tp_iter`/`tp_iternext`,
//! and `listiter_len` ...). Installed on a builtin type the first time an
//! attribute lookup misses them, so every native iterator type gets them
//! without a registry.

use crate::builtins::iter::SeqIter;
use crate::calls::{add_method, exact_args};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::TypeObject;
use crate::value::Value;
use crate::vm::Vm;

/// `iterator.__next__()`: the `tp_iternext` slot, `StopIteration` when done.
fn next_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__next__", args, kw, 1)?;
    let t = a[0].type_ref();
    let f = t
        .downcast::<TypeObject>()
        .and_then(|t| t.slots.iternext.get());
    match f {
        Some(f) => f(vm, &a[0])?.ok_or_else(|| PyErr::bare(ExcKind::StopIteration)),
        None => Err(PyErr::type_error("'__next__' of a non-iterator")),
    }
}

/// `iterator.__iter__()`: the iterator itself.
fn iter_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__iter__", args, kw, 1)?;
    Ok(a[0].clone())
}

/// `list_iterator.__length_hint__()`: the items left.
fn seq_length_hint(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__length_hint__", args, kw, 1)?;
    let Some(it) = a[0].downcast::<SeqIter>() else {
        return Ok(Value::Int(0));
    };
    let seq = it.seq.borrow(vm.token()).clone();
    let n = match seq {
        Some(s) => vm.len(&s)?,
        None => 0,
    };
    Ok(Value::Int(n.saturating_sub(it.index.get()) as i64))
}

/// Adds the missing `name` to `obj`'s builtin iterator type when it applies;
/// `true` when a method was added (the lookup should then be retried).
pub fn install_missing(vm: &mut Vm, obj: &Value, ty: &ObjRef, name: &Value) -> bool {
    let Some(tp) = ty.downcast::<TypeObject>() else {
        return false;
    };
    if !tp.is_builtin() || tp.slots.iternext.get().is_none() {
        return false;
    }
    let Some(n) = name
        .downcast::<crate::builtins::str::StrObj>()
        .and_then(crate::builtins::str::StrObj::as_str)
    else {
        return false;
    };
    let t = vm.token();
    match n {
        "__next__" => add_method(t, ty, "__next__", next_m),
        "__iter__" => add_method(t, ty, "__iter__", iter_m),
        "__length_hint__" if obj.downcast::<SeqIter>().is_some() => {
            add_method(t, ty, "__length_hint__", seq_length_hint)
        }
        _ => return false,
    }
    true
}
