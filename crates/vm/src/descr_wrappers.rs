//! Slot wrappers (CPython's `wrap_*` in `Objects/typeobject.c`): `__get__`,
//! `__set__` and `__delete__` as methods of the builtin descriptor types, so
//! `hasattr(f, '__get__')` and `type(d).__get__(d, obj, cls)` work for
//! functions, properties, classmethods and friends; `__repr__` and `__str__`
//! of the builtin data types (`int.__repr__(x)` is int's repr even for a
//! subclass that overrides it).

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

/// `f.__call__(*args, **kwargs)`: the type's `call` slot.
fn wrap_call(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(callee) = args.first() else {
        return Err(PyErr::type_error("descriptor '__call__' needs an argument"));
    };
    let call = callee
        .type_ref()
        .downcast::<TypeObject>()
        .and_then(|t| t.slots.call.get());
    match call {
        Some(f) => f(vm, callee, &args[1..], kw),
        None => Err(PyErr::type_error(format!(
            "'{}' object is not callable",
            type_name(vm.token(), &callee.type_ref())
        ))),
    }
}

/// The nearest builtin type in `type(v)`'s MRO.
fn builtin_base(vm: &mut Vm, v: &Value) -> Option<ObjRef> {
    let t = v.type_ref();
    let tp = t.downcast::<TypeObject>()?;
    if tp.is_builtin() {
        return Some(t.clone());
    }
    let mro = tp.mro(vm.token());
    mro.iter()
        .find(|m| m.downcast::<TypeObject>().is_some_and(|x| x.is_builtin()))
        .cloned()
}

/// `T.__repr__(self)`: the builtin base's repr.
fn wrap_repr(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__repr__", args, kw, 1)?;
    let f = builtin_base(vm, &a[0])
        .and_then(|b| b.downcast::<TypeObject>().and_then(|t| t.slots.repr.get()));
    match f {
        Some(f) => f(vm, &a[0]),
        None => crate::builtins::repr::object_repr(vm, &a[0]),
    }
}

/// `T.__str__(self)`: the builtin base's str, else its repr.
fn wrap_str(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__str__", args, kw, 1)?;
    let (s, r) = match builtin_base(vm, &a[0]) {
        Some(b) => match b.downcast::<TypeObject>() {
            Some(t) => (t.slots.str_.get(), t.slots.repr.get()),
            None => (None, None),
        },
        None => (None, None),
    };
    match (s, r) {
        (Some(f), _) | (None, Some(f)) => f(vm, &a[0]),
        (None, None) => crate::builtins::repr::object_repr(vm, &a[0]),
    }
}

/// Adds `__repr__`/`__str__` to the builtin data types that have the slots
/// but no method yet.
fn install_repr_str(vm: &mut Vm) {
    let b = crate::types::builtin_types();
    let rt = crate::rt_types::rt();
    let types = [
        b.int.clone(),
        b.bool_.clone(),
        b.float.clone(),
        b.str_.clone(),
        b.list.clone(),
        b.tuple.clone(),
        b.dict.clone(),
        rt.set.clone(),
        rt.range.clone(),
        rt.slice.clone(),
    ];
    for t in types {
        let Some(tp) = t.downcast::<TypeObject>() else {
            continue;
        };
        let tk = vm.token();
        for (name, f, present) in [
            (
                "__repr__",
                wrap_repr as crate::calls::NativeFn,
                tp.slots.repr.get().is_some(),
            ),
            ("__str__", wrap_str, tp.slots.str_.get().is_some()),
        ] {
            let key = Value::Obj(crate::builtins::str::intern(tk, name));
            if present && tp.dict.get_str(tk, &key).is_none() {
                add_method(tk, &t, name, f);
            }
        }
    }
}

/// Adds the wrappers (`__get__`, `__set__`, `__delete__`, `__call__`) to each
/// builtin descriptor and function type that has the slots.
pub fn install(vm: &mut Vm) {
    install_repr_str(vm);
    let rt = crate::rt_types::rt();
    let types = [
        crate::attr_descr::create(vm.token()),
        rt.function.clone(),
        rt.builtin_function.clone(),
        rt.method_descriptor.clone(),
        rt.wrapper_descriptor.clone(),
        rt.method_wrapper.clone(),
        rt.classmethod_descriptor.clone(),
        rt.method.clone(),
        rt.staticmethod.clone(),
        rt.classmethod.clone(),
        rt.property.clone(),
    ];
    for t in types {
        let Some(tp) = t.downcast::<TypeObject>() else {
            continue;
        };
        let (has_get, has_set, has_call) = (
            tp.slots.descr_get.get().is_some(),
            tp.slots.descr_set.get().is_some(),
            tp.slots.call.get().is_some(),
        );
        let tk = vm.token();
        let call_key = Value::Obj(crate::builtins::str::intern(tk, "__call__"));
        if has_call && tp.dict.get_str(tk, &call_key).is_none() {
            add_method(tk, &t, "__call__", wrap_call);
        }
        if has_get {
            add_method(tk, &t, "__get__", wrap_get);
        }
        if has_set {
            add_method(tk, &t, "__set__", wrap_set);
            add_method(tk, &t, "__delete__", wrap_delete);
        }
    }
}
