//! The `_weakref` module (CPython's `Modules/_weakref.c` and the reference type
//! of `Objects/weakrefobject.c`): `ref` (`ReferenceType`, subclassable),
//! `proxy` (in `weakproxy.rs`), `getweakrefcount`, `getweakrefs`,
//! `_remove_dead_weakref`. The references are real: the VM clears them when
//! the referent dies and runs their callbacks (`vm::weakref`).

use vm::builtins::dict::Dict;
use vm::builtins::list::List;
use vm::builtins::str::{intern, new_str, StrObj};
use vm::calls::{arg_range, exact_args};
use vm::class::register_ctor;
use vm::error::ExcKind;
use vm::object::{weak_refs_of, WeakKind};
use vm::types::{new_native_type, CompareOp, TypeObject};
use vm::weakref::{check_referent, new_weakref, WeakRefObj};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

/// The payload of a weak-reference value, or CPython's type error.
pub(crate) fn payload(v: &Value) -> PyResult<&WeakRefObj> {
    v.downcast::<WeakRefObj>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'weakref.ReferenceType' object"))
}

/// `ref.__new__(cls, obj, callback=None)`: the shared basic reference when
/// `cls` is exactly `ref` and there is no callback.
fn ref_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    // Subclasses (weakref.KeyedRef) pass extra arguments, taken by their own
    // `__new__`/`__init__`; CPython's `weakref___new__` parses only the first two.
    let (obj, cb) = match (args.first(), kw) {
        (Some(o), None) if args.len() <= 2 || !is_exact_ref(cls) => (o, args.get(1)),
        _ => {
            let a = arg_range(vm, "__new__", args, kw, 1, 2)?;
            return ref_new(vm, cls, a, None);
        }
    };
    let target = check_referent(vm, obj)?;
    let basic = is_exact_ref(cls).then_some(WeakKind::BasicRef);
    let cb = cb.cloned().unwrap_or(Value::None);
    new_weakref(vm, cls, &target, cb, basic).map(Value::Obj)
}

fn is_exact_ref(cls: &ObjRef) -> bool {
    cls.downcast::<TypeObject>()
        .is_some_and(|t| t.is_builtin() && t.layout().is::<WeakRefObj>())
}

/// `ref.__init__`: arguments were handled by `__new__` (CPython checks only
/// their count).
fn ref_init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let _ = (vm, args, kw);
    Ok(Value::None)
}

/// `ref()`: the referent, or `None` once it died.
fn ref_call(vm: &mut Vm, me: &Value, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "weakref", args, kw, 0)?;
    let w = payload(me)?;
    Ok(w.get(vm.token()).map_or(Value::None, Value::Obj))
}

/// `hash(ref)`: the referent's hash, remembered so it survives the referent.
fn ref_hash(vm: &mut Vm, me: &Value) -> PyResult<isize> {
    let w = payload(me)?;
    if let Some(h) = w.cached_hash() {
        return Ok(h);
    }
    let Some(t) = w.get(vm.token()) else {
        return Err(PyErr::type_error("weak object has gone away"));
    };
    let h = vm.hash(&Value::Obj(t))?;
    w.set_cached_hash(h);
    Ok(h)
}

/// `==`/`!=`: the referents' comparison while both live, identity otherwise.
fn ref_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (a.downcast::<WeakRefObj>(), b.downcast::<WeakRefObj>()) else {
        return Ok(None);
    };
    let (tx, ty) = (x.get(vm.token()), y.get(vm.token()));
    match (tx, ty) {
        (Some(tx), Some(ty)) => vm
            .rich_compare(&Value::Obj(tx), &Value::Obj(ty), op)
            .map(Some),
        _ => {
            let same = a.is(b);
            Ok(Some(Value::Bool(same == matches!(op, CompareOp::Eq))))
        }
    }
}

/// `repr(ref)`: `<weakref at 0x..; to 'C' at 0x..>` (with ` (name)` when the
/// referent has a `__name__`), or `<weakref at 0x..; dead>`.
fn ref_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let w = payload(me)?;
    let id = me.as_obj().map_or(0, ObjRef::id);
    let Some(t) = w.get(vm.token()) else {
        return Ok(new_str(&format!("<weakref at {id:#x}; dead>")));
    };
    let tv = Value::Obj(t.clone());
    let tyname = vm::types::type_name(vm.token(), &t.type_ref());
    let n = intern(vm.token(), "__name__");
    let name = match vm.getattr(&tv, &n) {
        Ok(v) => Some(vm.repr(&v)?),
        Err(_) => None,
    };
    let name = name
        .as_ref()
        .and_then(|v| v.downcast::<StrObj>())
        .map(|s| format!(" ({})", s.text().to_string_lossy()))
        .unwrap_or_default();
    let _ = tname;
    Ok(new_str(&format!(
        "<weakref at {id:#x}; to '{tyname}' at {:#x}{name}>",
        t.id()
    )))
}

/// Attributes of references: `__callback__`, then the generic lookup.
fn ref_getattro(vm: &mut Vm, me: &Value, name: &ObjRef) -> PyResult<Value> {
    let is_cb = name
        .downcast::<StrObj>()
        .is_some_and(|s| s.text().to_string_lossy() == "__callback__");
    if is_cb {
        return Ok(payload(me)?.callback(vm.token()));
    }
    match vm::builtins::object::generic_getattr(vm, me, name) {
        Err(e) if e.kind == ExcKind::AttributeError => {
            let key = Value::Obj(name.clone());
            let found = payload(me)?.attrs(vm.token()).and_then(|d| {
                d.downcast::<Dict>()
                    .and_then(|d| d.get_str(vm.token(), &key))
            });
            found.ok_or(e)
        }
        r => r,
    }
}

/// Attribute stores on instances of Python subclasses of `ref` (weakref.py's
/// `KeyedRef.key`): a data descriptor of the class, else the instance's own
/// attribute dict; `ref` itself has no writable attributes.
fn ref_setattro(vm: &mut Vm, me: &Value, name: &ObjRef, v: Option<Value>) -> PyResult<()> {
    let ty = me.type_ref();
    let key = Value::Obj(name.clone());
    let is_sub = ty.downcast::<TypeObject>().is_some_and(|t| !t.is_builtin());
    let descr = ty
        .downcast::<TypeObject>()
        .and_then(|t| t.lookup(vm.token(), &key))
        .is_some_and(|d| {
            d.type_ref()
                .downcast::<TypeObject>()
                .is_some_and(|dt| dt.slots.descr_set.get().is_some())
        });
    if !is_sub || descr {
        return vm::builtins::object::generic_setattr(vm, me, name, v);
    }
    let d = payload(me)?.attrs_or_create(vm.token());
    let Some(dict) = d.downcast::<Dict>() else {
        return Ok(());
    };
    match v {
        Some(v) => dict.set(vm, key, v),
        None => match dict.pop(vm, &key)? {
            Some(_) => Ok(()),
            None => Err(PyErr::new(
                ExcKind::AttributeError,
                format!(
                    "'{}' object has no attribute '{}'",
                    vm::types::type_name(vm.token(), &ty),
                    name.downcast::<StrObj>()
                        .map(|s| s.text().to_string_lossy().into_owned())
                        .unwrap_or_default()
                ),
            )),
        },
    }
}

/// `ref.__call__` as a method (what `super().__call__()` in
/// `weakref.WeakMethod` finds).
fn ref_call_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some((me, rest)) = args.split_first() else {
        return Err(PyErr::type_error(
            "descriptor '__call__' of 'weakref.ReferenceType' object needs an argument",
        ));
    };
    ref_call(vm, me, rest, kw)
}

fn ref_hash_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__hash__", args, kw, 1)?;
    ref_hash(vm, &a[0]).map(|h| Value::Int(h as i64))
}

fn ref_cmp_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>, op: CompareOp) -> PyResult<Value> {
    let a = exact_args(vm, "__eq__", args, kw, 2)?;
    Ok(ref_richcompare(vm, &a[0], &a[1], op)?
        .unwrap_or_else(|| Value::Obj(vm::rt_types::rt().not_implemented.clone())))
}

fn ref_eq_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    ref_cmp_m(vm, args, kw, CompareOp::Eq)
}

fn ref_ne_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    ref_cmp_m(vm, args, kw, CompareOp::Ne)
}

fn ref_repr_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__repr__", args, kw, 1)?;
    ref_repr(vm, &a[0])
}

fn getweakrefcount(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getweakrefcount", args, kw, 1)?;
    let n = match a[0].as_obj() {
        Some(o) => weak_refs_of(vm.token(), o, None).len(),
        None => 0,
    };
    Ok(Value::Int(n as i64))
}

fn getweakrefs(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getweakrefs", args, kw, 1)?;
    let refs = match a[0].as_obj() {
        Some(o) => weak_refs_of(vm.token(), o, None),
        None => Vec::new(),
    };
    Ok(Value::Obj(List::alloc(
        refs.into_iter().map(Value::Obj).collect(),
    )))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead
/// weak reference (CPython's `_weakref__remove_dead_weakref_impl`).
fn remove_dead_weakref(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_remove_dead_weakref", args, kw, 2)?;
    if a[0].downcast::<Dict>().is_none() {
        return Err(PyErr::type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            tname(vm, &a[0])
        )));
    }
    let Some(d) = a[0].downcast::<Dict>() else {
        return Ok(Value::None);
    };
    if let Some(v) = d.get(vm, &a[1])? {
        let Some(w) = v.downcast::<WeakRefObj>() else {
            return Err(PyErr::type_error("not a weakref"));
        };
        if w.slot.is_dead() {
            d.del(vm, &a[1])?;
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
            ("proxy", crate::weakproxy::proxy),
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
            ("_remove_dead_weakref", remove_dead_weakref),
        ],
    );
    let r = new_native_type(vm.token(), "ReferenceType", WeakRefObj::LAYOUT, None);
    if let Some(tp) = r.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "weakref");
        tp.slots.call.set(Some(ref_call));
        tp.slots.hash.set(Some(ref_hash));
        tp.slots.richcompare.set(Some(ref_richcompare));
        tp.slots.repr.set(Some(ref_repr));
        tp.slots.getattro.set(Some(ref_getattro));
        tp.slots.setattro.set(Some(ref_setattro));
    }
    vm::calls::add_method(vm.token(), &r, "__init__", ref_init);
    for (name, f) in [
        ("__call__", ref_call_m as vm::calls::NativeFn),
        ("__hash__", ref_hash_m),
        ("__eq__", ref_eq_m),
        ("__ne__", ref_ne_m),
        ("__repr__", ref_repr_m),
    ] {
        vm::calls::add_method(vm.token(), &r, name, f);
    }
    register_ctor(&r, ref_new, false);
    set_attr(vm, &m, "ref", Value::Obj(r.clone()));
    set_attr(vm, &m, "ReferenceType", Value::Obj(r));
    crate::weakproxy::install(vm, &m);
    Ok(m)
}

use vm::object::Payload as _;
