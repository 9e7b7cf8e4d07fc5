//! The `_weakref` module (CPython's `Modules/_weakref.c`), minimal: the VM has
//! no weak references to ordinary objects yet, so a `ref` here holds its
//! referent strongly: calling it returns the object (correct while the object
//! lives, but the reference never dies and callbacks never run). `proxy`
//! forwards attribute access to its referent.

use vm::builtins::dict::Dict;
use vm::builtins::str::new_str;
use vm::calls::{arg_range, exact_args};
use vm::class::register_ctor;
use vm::object::{Payload, PayloadKind, Token};
use vm::types::{new_native_type, CompareOp, TypeObject};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

/// The payload of `weakref.ReferenceType` and the proxy types.
pub struct WeakRef {
    target: Value,
    callback: Value,
}

impl Payload for WeakRef {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.target);
        visit(&self.callback);
    }
}

fn target(v: &Value) -> PyResult<Value> {
    v.downcast::<WeakRef>()
        .map(|w| w.target.clone())
        .ok_or_else(|| PyErr::type_error("not a weak reference"))
}

fn check_referent(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    if obj.as_obj().is_none() || obj.downcast::<vm::builtins::str::StrObj>().is_some() {
        return Err(PyErr::type_error(format!(
            "cannot create weak reference to '{}' object",
            tname(vm, obj)
        )));
    }
    Ok(())
}

fn ref_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "__new__", args, kw, 1, 2)?;
    check_referent(vm, &a[0])?;
    Ok(Value::Obj(ObjRef::new(
        cls,
        WeakRef {
            target: a[0].clone(),
            callback: a.get(1).cloned().unwrap_or(Value::None),
        },
    )))
}

fn ref_call(vm: &mut Vm, me: &Value, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "weakref", args, kw, 0)?;
    target(me)
}

fn ref_hash(vm: &mut Vm, me: &Value) -> PyResult<isize> {
    let t = target(me)?;
    vm.hash(&t)
}

fn ref_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let (Ok(x), Ok(y)) = (target(a), target(b)) else {
        return Ok(None);
    };
    vm.rich_compare(&x, &y, op).map(Some)
}

fn ref_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let t = target(me)?;
    let id = me.as_obj().map_or(0, ObjRef::id);
    let tid = t.as_obj().map_or(0, ObjRef::id);
    let name = tname(vm, &t);
    Ok(new_str(&format!(
        "<weakref at {id:#x}; to '{name}' at {tid:#x}>"
    )))
}

fn proxy_getattro(vm: &mut Vm, me: &Value, name: &ObjRef) -> PyResult<Value> {
    let t = target(me)?;
    vm.getattr(&t, name)
}

fn proxy_setattro(vm: &mut Vm, me: &Value, name: &ObjRef, v: Option<Value>) -> PyResult<()> {
    let t = target(me)?;
    vm.setattr(&t, name, v)
}

fn proxy_call(vm: &mut Vm, me: &Value, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let t = target(me)?;
    vm.call(&t, args, kw)
}

fn module_type(vm: &mut Vm, name: &str) -> PyResult<ObjRef> {
    let m = vm.import_module("_weakref")?;
    let k = vm::builtins::str::intern(vm.token(), name);
    match vm.getattr(&m, &k)? {
        Value::Obj(t) => Ok(t),
        _ => Err(PyErr::runtime_error("_weakref type missing")),
    }
}

fn proxy(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "proxy", args, kw, 1, 2)?;
    check_referent(vm, &a[0])?;
    let callable = a[0]
        .type_ref()
        .downcast::<TypeObject>()
        .and_then(|t| t.slots.call.get())
        .is_some();
    let t = module_type(
        vm,
        if callable {
            "CallableProxyType"
        } else {
            "ProxyType"
        },
    )?;
    Ok(Value::Obj(ObjRef::new(
        &t,
        WeakRef {
            target: a[0].clone(),
            callback: a.get(1).cloned().unwrap_or(Value::None),
        },
    )))
}

fn getweakrefcount(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "getweakrefcount", args, kw, 1)?;
    Ok(Value::Int(0))
}

fn remove_dead_weakref(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_remove_dead_weakref", args, kw, 2)?;
    // A reference here never dies, so there is never anything to remove;
    // CPython's type check on the value is kept.
    if let Some(d) = a[0].downcast::<Dict>() {
        if let Some(v) = d.get(vm, &a[1])? {
            if v.downcast::<WeakRef>().is_none() {
                return Err(PyErr::type_error("not a weakref"));
            }
        }
    }
    Ok(Value::None)
}

/// Creates the `_weakref` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = new_module(
        vm,
        "_weakref",
        &[
            ("proxy", proxy),
            ("getweakrefcount", getweakrefcount),
            ("_remove_dead_weakref", remove_dead_weakref),
        ],
    );
    let r = new_native_type(vm.token(), "ReferenceType", WeakRef::LAYOUT, None);
    if let Some(tp) = r.downcast::<TypeObject>() {
        tp.slots.call.set(Some(ref_call));
        tp.slots.hash.set(Some(ref_hash));
        tp.slots.richcompare.set(Some(ref_richcompare));
        tp.slots.repr.set(Some(ref_repr));
    }
    register_ctor(&r, ref_new, false);
    set_attr(vm, &m, "ref", Value::Obj(r.clone()));
    set_attr(vm, &m, "ReferenceType", Value::Obj(r));
    for (name, callable) in [("ProxyType", false), ("CallableProxyType", true)] {
        let p = new_native_type(vm.token(), name, WeakRef::LAYOUT, None);
        if let Some(tp) = p.downcast::<TypeObject>() {
            tp.slots.getattro.set(Some(proxy_getattro));
            tp.slots.setattro.set(Some(proxy_setattro));
            if callable {
                tp.slots.call.set(Some(proxy_call));
            }
        }
        set_attr(vm, &m, name, Value::Obj(p));
    }
    Ok(m)
}
