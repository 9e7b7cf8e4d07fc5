//! The attributes CPython keeps as getset descriptors in type dicts rather
//! than in instances: `object.__class__`, and the `__dict__` / `__weakref__`
//! a class gets when it is the first in its hierarchy whose instances have a
//! dict / accept weak references (`type_new_descriptors` and
//! `subtype_getsets_full` in `Objects/typeobject.c`). Being in the type dicts,
//! they show up in `vars(C)` and `dir(obj)` as in CPython; also
//! `object.__dir__` / `type.__dir__` (the names `dir()` lists).

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::list::List;
use crate::builtins::str::intern;
use crate::calls::{add_method, exact_args};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::{builtin_types, type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

fn receiver(args: &[Value]) -> PyResult<&Value> {
    args.first()
        .ok_or_else(|| PyErr::type_error("getter needs an instance"))
}

fn no_attribute(vm: &mut Vm, obj: &Value, name: &str) -> PyErr {
    PyErr::new(
        ExcKind::AttributeError,
        format!(
            "'{}' object has no attribute '{name}'",
            type_name(vm.token(), &obj.type_ref())
        ),
    )
}

/// `obj.__class__`.
fn class_get(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Obj(receiver(args)?.type_ref()))
}

/// `obj.__class__ = C` (CPython's `object_set_class`).
fn class_set(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    crate::builtins::class_assign::set_class(vm, obj, value)
}

/// `obj.__dict__` (created on first use).
fn dict_get(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let obj = receiver(args)?;
    match crate::builtins::object::instance_dict_of(vm.token(), obj) {
        Some(d) => Ok(Value::Obj(d)),
        None => Err(no_attribute(vm, obj, "__dict__")),
    }
}

/// `obj.__dict__ = d` / `del obj.__dict__`.
fn dict_set(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    match crate::builtins::object::set_dict_attr(vm, obj, value) {
        Some(r) => r,
        None => Err(no_attribute(vm, obj, "__dict__")),
    }
}

/// `obj.__weakref__`: the first weak reference to `obj`, or `None`.
fn weakref_get(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let obj = receiver(args)?;
    let first = obj.as_obj().and_then(|o| {
        crate::object::weak_refs_of(vm.token(), o, None)
            .into_iter()
            .next()
    });
    Ok(first.map_or(Value::None, Value::Obj))
}

fn set_entry(vm: &mut Vm, cls: &ObjRef, name: &str, v: Value) -> PyResult<()> {
    let key = Value::Obj(intern(vm.token(), name));
    if let Some(t) = cls.downcast::<TypeObject>() {
        t.dict.set(&mut NativeEq(vm.token()), key, v)?;
    }
    Ok(())
}

/// Adds `__dict__` and `__weakref__` getsets to a new class whose instances
/// have a dict / weak references that none of its bases provides (CPython's
/// `add_dict` / `add_weak`).
pub fn add_to_class(vm: &mut Vm, cls: &ObjRef) -> PyResult<()> {
    let Some(t) = cls.downcast::<TypeObject>() else {
        return Ok(());
    };
    let bases = t.bases(vm.token());
    let has_dict = t.has_instance_dict() && t.layout().has_instance_part();
    let base_dict = bases
        .iter()
        .any(|b| crate::builtins::slots_layout::base_has_dict(vm.token(), b));
    if has_dict && !base_dict {
        let d =
            crate::attr_descr::new_getset(vm.token(), cls, "__dict__", dict_get, Some(dict_set));
        set_entry(vm, cls, "__dict__", d)?;
    }
    let weak = crate::weakref::type_supports_weakrefs(vm, cls);
    let base_weak = bases
        .iter()
        .any(|b| crate::weakref::type_supports_weakrefs(vm, b));
    if weak && !base_weak {
        let d = crate::attr_descr::new_getset(vm.token(), cls, "__weakref__", weakref_get, None);
        set_entry(vm, cls, "__weakref__", d)?;
    }
    Ok(())
}

/// The names `dir(obj)` lists, unsorted, with repeats: for a class (`of_type`)
/// the attributes along its MRO (CPython's `type.__dir__`); otherwise the
/// object's own `__dict__` keys and its class's (`object.__dir__`).
pub fn dir_names(vm: &mut Vm, obj: &Value, of_type: bool) -> Vec<Value> {
    let mut names = Vec::new();
    let cls = match obj.as_obj() {
        Some(o) if of_type && o.downcast::<TypeObject>().is_some() => o.clone(),
        _ => {
            if let Some(t) = obj.downcast::<TypeObject>() {
                names.extend(t.dict.keys(vm.token()));
            } else if let Some(d) = crate::builtins::object::existing_instance_dict(vm.token(), obj)
            {
                if let Some(d) = d.downcast::<Dict>() {
                    names.extend(d.keys(vm.token()));
                }
            }
            obj.type_ref()
        }
    };
    if let Some(tt) = cls.downcast::<TypeObject>() {
        let mro = tt.mro(vm.token());
        for c in mro.iter() {
            ensure_iterator_methods(vm, obj, c);
            if let Some(ct) = c.downcast::<TypeObject>() {
                names.extend(ct.dict.keys(vm.token()));
            }
        }
    }
    names
}

/// Gives a native iterator type its `__iter__`/`__next__` (and a sequence
/// iterator its `__length_hint__`), which are otherwise added on first use
/// (`slot_methods::install_missing`), so that `dir()` and `vars()` list them.
pub fn ensure_iterator_methods(vm: &mut Vm, obj: &Value, ty: &ObjRef) {
    let Some(t) = ty.downcast::<TypeObject>() else {
        return;
    };
    if !t.is_builtin() || t.slots.iternext.get().is_none() {
        return;
    }
    for n in ["__iter__", "__next__", "__length_hint__"] {
        let key = Value::Obj(intern(vm.token(), n));
        if t.dict.get_str(vm.token(), &key).is_none() {
            crate::builtins::slot_methods::install_missing(vm, obj, ty, &key);
        }
    }
}

/// The names as a list without repeats, in first-seen order.
fn unique_list(vm: &mut Vm, names: Vec<Value>) -> PyResult<Value> {
    let seen = Dict::new();
    let mut out = Vec::with_capacity(names.len());
    for n in names {
        if !seen.contains(vm, &n)? {
            seen.set(vm, n.clone(), Value::None)?;
            out.push(n);
        }
    }
    Ok(Value::Obj(List::alloc(out)))
}

/// `object.__dir__()`.
fn object_dir_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__dir__", args, kw, 1)?;
    let names = dir_names(vm, &a[0], false);
    unique_list(vm, names)
}

/// `type.__dir__()`.
fn type_dir_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__dir__", args, kw, 1)?;
    let names = dir_names(vm, &a[0], true);
    unique_list(vm, names)
}

/// The size CPython 3.11 reports for an instance of a builtin type (its
/// `__sizeof__` on a 64-bit build, for the common types; 8 bytes per item
/// otherwise).
fn builtin_size(vm: &mut Vm, v: &Value) -> i64 {
    use crate::builtins::str::StrObj;
    let bt = builtin_types();
    match v {
        Value::None => return 16,
        Value::Bool(_) | Value::Int(_) => return 28,
        Value::Float(_) => return 24,
        Value::Obj(_) => {}
    }
    if let Some(s) = v.downcast::<StrObj>() {
        return 49 + s.as_bytes().len() as i64;
    }
    let n = vm.len(v).map_or(0, |n| n as i64);
    let t = v.type_ref();
    let base = if t.is(&bt.list) {
        40
    } else if t.is(&bt.tuple) {
        24
    } else {
        16
    };
    base + 8 * n
}

/// `object.__sizeof__()`: CPython's `tp_basicsize` of a plain object's class
/// (a 16-byte header, 8 bytes per `__slots__` value and 8 for the weak
/// reference list a class adds); for builtin types, their usual size.
fn object_sizeof_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__sizeof__", args, kw, 1)?;
    let ty = a[0].type_ref();
    let Some(t) = ty.downcast::<TypeObject>() else {
        return Ok(Value::Int(16));
    };
    if t.is_builtin() {
        return Ok(Value::Int(builtin_size(vm, &a[0])));
    }
    let slots = t.instance_slot_count() as i64;
    let weak = crate::weakref::type_supports_weakrefs(vm, &ty) as i64;
    Ok(Value::Int(16 + 8 * slots + 8 * weak))
}

/// Puts `__class__`, `__dir__` and `__sizeof__` in `object`'s dict and
/// `__dir__` in `type`'s.
pub fn install(vm: &mut Vm) {
    let bt = builtin_types();
    let object = bt.object.clone();
    let d =
        crate::attr_descr::new_getset(vm.token(), &object, "__class__", class_get, Some(class_set));
    let _ = set_entry(vm, &object, "__class__", d);
    add_method(vm.token(), &object, "__dir__", object_dir_m);
    add_method(vm.token(), &object, "__sizeof__", object_sizeof_m);
    add_method(vm.token(), &bt.type_, "__dir__", type_dir_m);
    crate::types::type_modified(vm.token(), &object);
    crate::exc_getsets::install(vm);
    crate::descriptor_members::install(vm);
}
