//! `__get__`, `__set__` and `__delete__` as methods of the builtin
//! descriptor types (CPython's `wrap_descr_get` / `wrap_descr_set` slot
//! wrappers), so `hasattr(f, '__get__')` and `type(d).__get__(d, obj, cls)`
//! work for functions, properties, classmethods and friends.

use crate::calls::{add_method, arg_range, exact_args};
use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::{type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// `descr.__get__(obj, type=None)`.
fn wrap_get(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "__get__", args, kw, 2, 3)?;
    let d = a[0].clone();
    let obj = a[1].clone();
    let ty = a.get(2).cloned().filter(|t| !t.is_none());
    if obj.is_none() && ty.is_none() {
        return Err(PyErr::type_error("__get__(None, None) is invalid"));
    }
    let ty = match ty {
        Some(t) => match t.as_obj().filter(|o| o.downcast::<TypeObject>().is_some()) {
            Some(o) => o.clone(),
            None => {
                return Err(PyErr::type_error(format!(
                    "__get__(obj, type): type must be a type, not {}",
                    type_name(vm.token(), &t.type_ref())
                )))
            }
        },
        None => obj.type_ref(),
    };
    let g = d
        .type_ref()
        .downcast::<TypeObject>()
        .and_then(|t| t.slots.descr_get.get());
    let inst = (!obj.is_none()).then_some(&obj);
    match g {
        Some(g) => g(vm, &d, inst, &ty),
        None => Ok(d),
    }
}

fn descr_set(vm: &mut Vm, d: &Value, obj: &Value, v: Option<Value>) -> PyResult<()> {
    let s = d
        .type_ref()
        .downcast::<TypeObject>()
        .and_then(|t| t.slots.descr_set.get());
    match s {
        Some(s) => s(vm, d, obj, v),
        None => Err(PyErr::type_error("descriptor does not support assignment")),
    }
}

/// `descr.__set__(obj, value)`.
fn wrap_set(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__set__", args, kw, 3)?;
    descr_set(vm, &a[0], &a[1], Some(a[2].clone()))?;
    Ok(Value::None)
}

/// `descr.__delete__(obj)`.
fn wrap_delete(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__delete__", args, kw, 2)?;
    descr_set(vm, &a[0], &a[1], None)?;
    Ok(Value::None)
}

/// Adds the wrappers to each builtin descriptor type that has the slots.
pub fn install(vm: &mut Vm) {
    let rt = crate::rt_types::rt();
    let types = [
        rt.function.clone(),
        rt.builtin_function.clone(),
        rt.method_descriptor.clone(),
        rt.method.clone(),
        rt.staticmethod.clone(),
        rt.classmethod.clone(),
        rt.property.clone(),
    ];
    for t in types {
        let Some(tp) = t.downcast::<TypeObject>() else {
            continue;
        };
        let (has_get, has_set) = (
            tp.slots.descr_get.get().is_some(),
            tp.slots.descr_set.get().is_some(),
        );
        let tk = vm.token();
        if has_get {
            add_method(tk, &t, "__get__", wrap_get);
        }
        if has_set {
            add_method(tk, &t, "__set__", wrap_set);
            add_method(tk, &t, "__delete__", wrap_delete);
        }
    }
}
