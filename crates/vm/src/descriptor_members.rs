//! The data attributes of `property`, `classmethod` and `staticmethod` as
//! descriptors in their type dicts (CPython's `property_members`,
//! `cm_memberlist`/`cm_getsetlist`, `sm_memberlist`/`sm_getsetlist` in
//! `Objects/descrobject.c` and `Objects/funcobject.c`): the read-only members
//! `fget`/`fset`/`fdel` and `__func__`/`__wrapped__`, and the
//! `__isabstractmethod__` getsets that `abc` reads to find abstract
//! properties, class methods and static methods.

use crate::builtins::str::intern;
use crate::calls::NativeFn;
use crate::descriptors::{ClassMethod, Property, StaticMethod};
use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::TypeObject;
use crate::value::Value;
use crate::vm::Vm;

fn receiver(args: &[Value]) -> PyResult<&Value> {
    args.first()
        .ok_or_else(|| PyErr::type_error("getter needs an instance"))
}

fn property_func(vm: &mut Vm, args: &[Value], i: usize) -> PyResult<Value> {
    let p = receiver(args)?
        .downcast::<Property>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'property' object"))?;
    Ok(p.funcs.borrow(vm.token())[i].clone())
}

fn fget(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    property_func(vm, args, 0)
}

fn fset(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    property_func(vm, args, 1)
}

fn fdel(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    property_func(vm, args, 2)
}

/// The wrapped callable of a `classmethod` / `staticmethod`.
fn wrapped(args: &[Value]) -> PyResult<Value> {
    let v = receiver(args)?;
    if let Some(c) = v.downcast::<ClassMethod>() {
        return Ok(c.func.clone());
    }
    if let Some(s) = v.downcast::<StaticMethod>() {
        return Ok(s.func.clone());
    }
    Err(PyErr::type_error(
        "descriptor requires a classmethod or staticmethod",
    ))
}

fn func(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    wrapped(args)
}

/// Whether `f` says it is abstract (CPython's `_PyObject_IsAbstract`).
fn is_abstract(vm: &mut Vm, f: &Value) -> PyResult<bool> {
    if f.is_none() {
        return Ok(false);
    }
    match vm.getattr_opt(f, "__isabstractmethod__")? {
        Some(v) => vm.is_true(&v),
        None => Ok(false),
    }
}

/// `property.__isabstractmethod__`: any of its functions is abstract.
fn property_abstract(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    for i in 0..3 {
        let f = property_func(vm, args, i)?;
        if is_abstract(vm, &f)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// `classmethod.__isabstractmethod__` / `staticmethod.__isabstractmethod__`.
fn wrapper_abstract(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let f = wrapped(args)?;
    Ok(Value::Bool(is_abstract(vm, &f)?))
}

fn put(vm: &mut Vm, ty: &ObjRef, name: &str, d: Value) {
    let key = Value::Obj(intern(vm.token(), name));
    if let Some(t) = ty.downcast::<TypeObject>() {
        if t.dict.get_str(vm.token(), &key).is_none() {
            let _ = t
                .dict
                .set(&mut crate::builtins::dict::NativeEq(vm.token()), key, d);
        }
    }
}

fn member(vm: &mut Vm, ty: &ObjRef, name: &str, get: NativeFn) {
    let n = intern(vm.token(), name);
    let d = crate::builtins::slots_layout::native_member(vm.token(), ty, n, Some(get));
    put(vm, ty, name, Value::Obj(d));
}

fn getset(vm: &mut Vm, ty: &ObjRef, name: &str, get: NativeFn) {
    let d = crate::attr_descr::new_getset(vm.token(), ty, name, get, None);
    put(vm, ty, name, d);
}

/// Puts the descriptors in the three types' dicts.
pub fn install(vm: &mut Vm) {
    let rt = crate::rt_types::rt();
    let prop = rt.property.clone();
    member(vm, &prop, "fget", fget);
    member(vm, &prop, "fset", fset);
    member(vm, &prop, "fdel", fdel);
    getset(vm, &prop, "__isabstractmethod__", property_abstract);
    for ty in [rt.classmethod.clone(), rt.staticmethod.clone()] {
        member(vm, &ty, "__func__", func);
        member(vm, &ty, "__wrapped__", func);
        getset(vm, &ty, "__isabstractmethod__", wrapper_abstract);
        crate::types::type_modified(vm.token(), &ty);
    }
    crate::types::type_modified(vm.token(), &prop);
}
