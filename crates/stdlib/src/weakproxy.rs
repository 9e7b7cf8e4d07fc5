//! `weakref.proxy` and the types `ProxyType` / `CallableProxyType` (CPython's
//! proxy part of `Objects/weakrefobject.c`): every protocol is forwarded to the
//! referent, and using a proxy whose referent died raises `ReferenceError:
//! weakly-referenced object no longer exists`.

use vm::builtins::str::new_str;
use vm::calls::arg_range;
use vm::error::ExcKind;
use vm::object::{Payload, WeakKind};
use vm::types::{new_native_type, CompareOp, TypeObject};
use vm::vm::BinOp;
use vm::weakref::{check_referent, new_weakref, WeakRefObj};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::set_attr;

/// The referent of a proxy, or CPython's `ReferenceError`.
fn referent(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let w = v
        .downcast::<WeakRefObj>()
        .ok_or_else(|| PyErr::type_error("not a weakproxy"))?;
    match w.get(vm.token()) {
        Some(t) => Ok(Value::Obj(t)),
        None => Err(PyErr::new(
            ExcKind::ReferenceError,
            "weakly-referenced object no longer exists",
        )),
    }
}

/// An operand unwrapped if it is a proxy (CPython's `UNWRAP`).
fn unwrap(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if is_proxy(v) {
        referent(vm, v)
    } else {
        Ok(v.clone())
    }
}

/// Whether `v` is a proxy (not a `ref`): proxies are the weak-reference
/// objects whose type forwards attribute access.
fn is_proxy(v: &Value) -> bool {
    v.downcast::<WeakRefObj>().is_some() && {
        let ty = v.type_ref();
        ty.downcast::<TypeObject>().is_some_and(|t| {
            t.slots.getattro.get().is_some_and(|f| {
                std::ptr::fn_addr_eq(f, proxy_getattro as vm::types::slots::GetAttroFn)
            })
        })
    }
}

fn proxy_getattro(vm: &mut Vm, me: &Value, name: &ObjRef) -> PyResult<Value> {
    let t = referent(vm, me)?;
    vm.getattr(&t, name)
}

fn proxy_setattro(vm: &mut Vm, me: &Value, name: &ObjRef, v: Option<Value>) -> PyResult<()> {
    let t = referent(vm, me)?;
    vm.setattr(&t, name, v)
}

fn proxy_call(vm: &mut Vm, me: &Value, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let t = referent(vm, me)?;
    vm.call(&t, args, kw)
}

/// `<weakproxy at 0x..; to 'C' at 0x..>`, or `; dead>`.
fn proxy_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let id = me.as_obj().map_or(0, ObjRef::id);
    let Some(t) = me.downcast::<WeakRefObj>().and_then(|w| w.get(vm.token())) else {
        return Ok(new_str(&format!("<weakproxy at {id:#x}; dead>")));
    };
    let tyname = vm::types::type_name(vm.token(), &t.type_ref());
    Ok(new_str(&format!(
        "<weakproxy at {id:#x}; to '{tyname}' at {:#x}>",
        t.id()
    )))
}

fn proxy_str(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let t = referent(vm, me)?;
    vm.str(&t)
}

fn proxy_hash(vm: &mut Vm, me: &Value) -> PyResult<isize> {
    let name = vm::types::type_name(vm.token(), &me.type_ref());
    Err(PyErr::type_error(format!(
        "unhashable type: 'weakref.{name}'"
    )))
}

fn proxy_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let (x, y) = (unwrap(vm, a)?, unwrap(vm, b)?);
    vm.rich_compare(&x, &y, op).map(Some)
}

fn proxy_bool(vm: &mut Vm, me: &Value) -> PyResult<bool> {
    let t = referent(vm, me)?;
    vm.is_true(&t)
}

fn proxy_len(vm: &mut Vm, me: &Value) -> PyResult<usize> {
    let t = referent(vm, me)?;
    vm.len(&t)
}

fn proxy_iter(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let t = referent(vm, me)?;
    vm.iter(&t)
}

fn proxy_iternext(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let t = referent(vm, me)?;
    vm.next(&t)
}

fn proxy_getitem(vm: &mut Vm, me: &Value, key: &Value) -> PyResult<Value> {
    let t = referent(vm, me)?;
    vm.getitem(&t, key)
}

fn proxy_setitem(vm: &mut Vm, me: &Value, key: &Value, v: Option<Value>) -> PyResult<()> {
    let t = referent(vm, me)?;
    vm.setitem(&t, key, v)
}

macro_rules! proxy_binops {
    ($($fname:ident => $op:ident),* $(,)?) => {
        $(fn $fname(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
            let (x, y) = (unwrap(vm, a)?, unwrap(vm, b)?);
            vm.binary_op(&x, &y, BinOp::$op).map(Some)
        })*
    };
}

proxy_binops! {
    proxy_add => Add, proxy_sub => Subtract, proxy_mul => Multiply,
    proxy_truediv => TrueDivide, proxy_floordiv => FloorDivide, proxy_mod => Remainder,
    proxy_lshift => Lshift, proxy_rshift => Rshift, proxy_and => And, proxy_or => Or,
    proxy_xor => Xor, proxy_matmul => MatrixMultiply,
}

macro_rules! proxy_unary {
    ($($fname:ident => $dunder:literal),* $(,)?) => {
        $(fn $fname(vm: &mut Vm, me: &Value) -> PyResult<Value> {
            let t = referent(vm, me)?;
            vm.call_method(&t, $dunder, &[])
        })*
    };
}

proxy_unary! {
    proxy_neg => "__neg__", proxy_pos => "__pos__", proxy_abs => "__abs__",
    proxy_invert => "__invert__", proxy_int => "__int__", proxy_float => "__float__",
    proxy_index => "__index__",
}

/// `weakref.proxy(obj, callback=None)`: a `CallableProxyType` if `obj` is
/// callable, else a `ProxyType`; the basic proxy is shared.
pub fn proxy(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "proxy", args, kw, 1, 2)?;
    let target = check_referent(vm, &a[0])?;
    let callable = target.type_obj().slots.call.get().is_some();
    let name = if callable {
        "CallableProxyType"
    } else {
        "ProxyType"
    };
    let m = vm.import_module("_weakref")?;
    let k = vm::builtins::str::intern(vm.token(), name);
    let Value::Obj(cls) = vm.getattr(&m, &k)? else {
        return Err(PyErr::runtime_error("_weakref proxy type missing"));
    };
    let cb = a.get(1).cloned().unwrap_or(Value::None);
    new_weakref(vm, &cls, &target, cb, Some(WeakKind::BasicProxy)).map(Value::Obj)
}

/// Creates `ProxyType` and `CallableProxyType` in module `m`.
pub fn install(vm: &mut Vm, m: &ObjRef) {
    for (name, callable) in [("ProxyType", false), ("CallableProxyType", true)] {
        let p = new_native_type(vm.token(), name, WeakRefObj::LAYOUT, None);
        if let Some(tp) = p.downcast::<TypeObject>() {
            tp.set_module(vm.token(), "weakref");
            let s = &tp.slots;
            s.getattro.set(Some(proxy_getattro));
            s.setattro.set(Some(proxy_setattro));
            s.repr.set(Some(proxy_repr));
            s.str_.set(Some(proxy_str));
            s.hash.set(Some(proxy_hash));
            s.richcompare.set(Some(proxy_richcompare));
            s.iter.set(Some(proxy_iter));
            s.iternext.set(Some(proxy_iternext));
            s.len.set(Some(proxy_len));
            s.getitem.set(Some(proxy_getitem));
            s.setitem.set(Some(proxy_setitem));
            if callable {
                s.call.set(Some(proxy_call));
            }
            let n = &tp.number;
            n.bool_.set(Some(proxy_bool));
            n.add.set(Some(proxy_add));
            n.subtract.set(Some(proxy_sub));
            n.multiply.set(Some(proxy_mul));
            n.true_divide.set(Some(proxy_truediv));
            n.floor_divide.set(Some(proxy_floordiv));
            n.remainder.set(Some(proxy_mod));
            n.lshift.set(Some(proxy_lshift));
            n.rshift.set(Some(proxy_rshift));
            n.and.set(Some(proxy_and));
            n.or.set(Some(proxy_or));
            n.xor.set(Some(proxy_xor));
            n.matrix_multiply.set(Some(proxy_matmul));
            n.negative.set(Some(proxy_neg));
            n.positive.set(Some(proxy_pos));
            n.absolute.set(Some(proxy_abs));
            n.invert.set(Some(proxy_invert));
            n.int.set(Some(proxy_int));
            n.float.set(Some(proxy_float));
            n.index.set(Some(proxy_index));
        }
        set_attr(vm, m, name, Value::Obj(p));
    }
}
