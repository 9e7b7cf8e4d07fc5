//! The `aiter` and `anext` builtins (CPython's `builtin_aiter`/`builtin_anext`
//! in `Python/bltinmodule.c`) and `anext(it, default)`'s `anext_awaitable`
//! (CPython's `Objects/iterobject.c`), which turns the `StopAsyncIteration`
//! of the wrapped awaitable into `StopIteration(default)`.

use std::cell::RefCell;

use crate::builtins::str::intern;
use crate::calls::{add_method, arg_range, exact_args, NativeFn};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::object::{Payload, PayloadKind, PyCell, Token};
use crate::types::{type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of an `anext_awaitable`.
pub struct AnextAwaitable {
    /// What `__anext__()` returned.
    wrapped: Value,
    /// Its iterator (`__await__()`), once asked for.
    iter: PyCell<Option<Value>>,
    default: Value,
}

impl Payload for AnextAwaitable {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.wrapped);
        if let Some(v) = self.iter.borrow(token) {
            visit(v);
        }
        visit(&self.default);
    }
}

thread_local! {
    static ANEXT_TYPE: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

fn lookup_special(vm: &mut Vm, v: &Value, name: &str) -> Option<Value> {
    let key = Value::Obj(intern(vm.token(), name));
    v.type_ref()
        .downcast::<TypeObject>()
        .and_then(|t| t.lookup(vm.token(), &key))
}

/// `aiter(async_iterable)`.
fn aiter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "aiter", args, kw, 1)?;
    if lookup_special(vm, &a[0], "__aiter__").is_none() {
        let t = type_name(vm.token(), &a[0].type_ref());
        return Err(PyErr::type_error(format!(
            "'{t}' object is not an async iterable"
        )));
    }
    let it = vm.call_method(&a[0], "__aiter__", &[])?;
    if lookup_special(vm, &it, "__anext__").is_none() {
        let t = type_name(vm.token(), &it.type_ref());
        return Err(PyErr::type_error(format!(
            "aiter() returned not an async iterator of type '{t}'"
        )));
    }
    Ok(it)
}

/// `anext(async_iterator[, default])`.
fn anext(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "anext", args, kw, 1, 2)?;
    if lookup_special(vm, &a[0], "__anext__").is_none() {
        let t = type_name(vm.token(), &a[0].type_ref());
        return Err(PyErr::type_error(format!(
            "'{t}' object is not an async iterator"
        )));
    }
    let awaitable = vm.call_method(&a[0], "__anext__", &[])?;
    let Some(default) = a.get(1).cloned() else {
        return Ok(awaitable);
    };
    let ty = anext_type(vm);
    Ok(Value::Obj(ObjRef::new(
        &ty,
        AnextAwaitable {
            wrapped: awaitable,
            iter: PyCell::new(None),
            default,
        },
    )))
}

fn me<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a AnextAwaitable> {
    v.downcast::<AnextAwaitable>().ok_or_else(|| {
        let t = type_name(vm.token(), &v.type_ref());
        PyErr::type_error(format!(
            "descriptor requires a 'anext_awaitable' object but received a '{t}'"
        ))
    })
}

/// The wrapped awaitable's iterator (CPython's `anext_awaitable_getiter`).
fn inner_iter(vm: &mut Vm, a: &AnextAwaitable) -> PyResult<Value> {
    if let Some(it) = a.iter.borrow(vm.token()).clone() {
        return Ok(it);
    }
    let it = vm.get_awaitable(&a.wrapped, 0)?;
    *a.iter.borrow_mut(vm.token()) = Some(it.clone());
    Ok(it)
}

/// `StopAsyncIteration` from the wrapped awaitable becomes
/// `StopIteration(default)`.
fn map_end(vm: &mut Vm, a: &AnextAwaitable, r: PyResult<Value>) -> PyResult<Value> {
    match r {
        Err(e) if e.kind == ExcKind::StopAsyncIteration => {
            Err(crate::generator::stop_iteration(vm, a.default.clone()))
        }
        other => other,
    }
}

fn forward(vm: &mut Vm, this: &Value, method: &str, args: &[Value]) -> PyResult<Value> {
    let a = me(vm, this)?;
    let it = inner_iter(vm, a)?;
    let r = vm.call_method(&it, method, args);
    map_end(vm, a, r)
}

fn aw_send(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "send", args, kw, 2)?;
    forward(vm, &a[0], "send", &a[1..])
}

fn aw_next(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__next__", args, kw, 1)?;
    forward(vm, &a[0], "send", &[Value::None])
}

fn aw_throw(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "throw", args, kw, 2, 4)?;
    forward(vm, &a[0], "throw", &a[1..])
}

fn aw_close(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "close", args, kw, 1)?;
    forward(vm, &a[0], "close", &[])
}

fn aw_self(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__await__", args, kw, 1)?;
    Ok(a[0].clone())
}

fn anext_type(vm: &mut Vm) -> ObjRef {
    if let Some(t) = ANEXT_TYPE.with(|t| t.borrow().clone()) {
        return t;
    }
    let t =
        crate::types::new_native_type(vm.token(), "anext_awaitable", AnextAwaitable::LAYOUT, None);
    for (name, f) in [
        ("__await__", aw_self as NativeFn),
        ("__iter__", aw_self),
        ("__next__", aw_next),
        ("send", aw_send),
        ("throw", aw_throw),
        ("close", aw_close),
    ] {
        add_method(vm.token(), &t, name, f);
    }
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.slots.iter.set(Some(crate::builtins::iter::self_iter));
        tp.slots.iternext.set(Some(aw_iternext));
    }
    ANEXT_TYPE.with(|a| *a.borrow_mut() = Some(t.clone()));
    t
}

/// `tp_iternext`: a step with `None` sent; the end is `StopIteration`.
fn aw_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    forward(vm, v, "send", &[Value::None]).map(Some)
}

/// Installs `aiter` and `anext` with `func`.
pub fn install(vm: &mut Vm, func: fn(&mut Vm, &'static str, NativeFn)) {
    func(vm, "aiter", aiter);
    func(vm, "anext", anext);
}
