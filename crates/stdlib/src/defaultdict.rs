//! `_collections.defaultdict` (CPython's `defdict_type`): a `dict` subclass
//! whose `__missing__` calls `default_factory`. Instances carry the plain
//! `dict` payload, so every `dict` method works on them; the factories live in
//! a side table (a `dict` from object id to factory in the module namespace),
//! removed by the type's finalizer when the instance dies.

use vm::builtins::dict::Dict;
use vm::builtins::str::{intern, new_str};
use vm::calls::{exact_args, kwnames_len, new_native_function, NativeFn};
use vm::class::register_ctor;
use vm::object::PyCell;
use vm::types::{builtin_types, new_native_type, TypeObject};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::set_attr;

/// The side-table attribute of `_collections`.
const FACTORIES: &str = "_defaultdict_factories";

fn factories(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.import_module("_collections")?;
    let k = intern(vm.token(), FACTORIES);
    vm.getattr(&m, &k)
}

fn id_key(me: &Value) -> Value {
    Value::Int(me.as_obj().map_or(0, |o| o.id() as i64))
}

fn factory_of(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let t = factories(vm)?;
    match t.downcast::<Dict>() {
        Some(d) => Ok(d.get(vm, &id_key(me))?.unwrap_or(Value::None)),
        None => Ok(Value::None),
    }
}

fn set_factory(vm: &mut Vm, me: &Value, f: Value) -> PyResult<()> {
    let t = factories(vm)?;
    if let Some(d) = t.downcast::<Dict>() {
        d.set(vm, id_key(me), f)?;
    }
    Ok(())
}

fn is_callable(v: &Value) -> bool {
    v.type_ref()
        .downcast::<TypeObject>()
        .and_then(|t| t.slots.call.get())
        .is_some()
}

fn defaultdict_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let nkw = kwnames_len(vm.token(), kw);
    let npos = args.len() - nkw;
    let factory = if npos > 0 {
        args[0].clone()
    } else {
        Value::None
    };
    if !factory.is_none() && !is_callable(&factory) {
        return Err(PyErr::type_error("first argument must be callable or None"));
    }
    let rest: Vec<Value> = args[npos.min(1)..].to_vec();
    let dict_type = Value::Obj(builtin_types().dict.clone());
    let init = vm.call(&dict_type, &rest, kw)?;
    let copy = match init.downcast::<Dict>() {
        Some(d) => d.copy(vm.token()),
        None => Dict::new(),
    };
    let me = Value::Obj(ObjRef::new(cls, copy));
    set_factory(vm, &me, factory)?;
    Ok(me)
}

/// `defaultdict.__init__(self, default_factory=None, /, *args, **kwargs)`:
/// sets the factory, then `dict.__init__` with the rest (a subclass's
/// `super().__init__(list)` reaches it).
fn defaultdict_init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let nkw = kwnames_len(vm.token(), kw);
    let npos = args.len().saturating_sub(nkw);
    let Some(me) = args.first().filter(|_| npos > 0).cloned() else {
        return Err(PyErr::type_error(
            "descriptor '__init__' of 'collections.defaultdict' object needs an argument",
        ));
    };
    let factory = if npos > 1 {
        args[1].clone()
    } else {
        Value::None
    };
    if !factory.is_none() && !is_callable(&factory) {
        return Err(PyErr::type_error("first argument must be callable or None"));
    }
    set_factory(vm, &me, factory)?;
    let mut rest = vec![me];
    rest.extend_from_slice(&args[npos.min(2)..]);
    let dict_type = Value::Obj(builtin_types().dict.clone());
    let k = intern(vm.token(), "__init__");
    let dict_init = vm.getattr(&dict_type, &k)?;
    vm.call(&dict_init, &rest, kw)
}

fn missing(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__missing__", args, kw, 2)?;
    let f = factory_of(vm, &a[0])?;
    if f.is_none() {
        return Err(PyErr::key_error(a[1].clone()));
    }
    let v = vm.call(&f, &[], None)?;
    vm.setitem(&a[0], &a[1], Some(v.clone()))?;
    Ok(v)
}

fn getitem(vm: &mut Vm, me: &Value, key: &Value) -> PyResult<Value> {
    if let Some(d) = me.downcast::<Dict>() {
        if let Some(v) = d.get(vm, key)? {
            return Ok(v);
        }
    }
    let k = intern(vm.token(), "__missing__");
    let m = vm.getattr(me, &k)?;
    vm.call(&m, std::slice::from_ref(key), None)
}

fn method_getitem(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__getitem__", args, kw, 2)?;
    getitem(vm, &a[0], &a[1])
}

/// `defaultdict.__repr__`, its own method as in CPython (pprint dispatches on
/// `type(d).__repr__`, so it must differ from `dict.__repr__`).
fn method_repr(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = vm::calls::exact_args(vm, "__repr__", args, kw, 1)?;
    repr(vm, &a[0])
}

fn repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let f = factory_of(vm, me)?;
    let fr = if f.is_none() {
        "None".to_owned()
    } else {
        let r = vm.repr(&f)?;
        vm.str_text(&r)?.to_string_lossy().into_owned()
    };
    let plain = match me.downcast::<Dict>() {
        Some(d) => d.copy(vm.token()),
        None => Dict::new(),
    };
    let plain = Value::Obj(ObjRef::new(&builtin_types().dict, plain));
    let id = me.as_obj().map_or(0, ObjRef::id);
    if !vm.repr_enter(id) {
        return Ok(new_str("..."));
    }
    let body = vm.repr(&plain).and_then(|r| vm.str_text(&r));
    vm.repr_leave(id);
    let body = body?.to_string_lossy().into_owned();
    let name = vm::types::type_name(vm.token(), &me.type_ref());
    Ok(new_str(&format!("{name}({fr}, {body})")))
}

fn copy(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "copy", args, kw, 1)?;
    let f = factory_of(vm, &a[0])?;
    let plain = match a[0].downcast::<Dict>() {
        Some(d) => d.copy(vm.token()),
        None => Dict::new(),
    };
    let me = Value::Obj(ObjRef::new(&a[0].type_ref(), plain));
    set_factory(vm, &me, f)?;
    Ok(me)
}

fn get_factory(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "default_factory", args, kw, 1)?;
    factory_of(vm, &a[0])
}

fn set_factory_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "default_factory", args, kw, 2)?;
    set_factory(vm, &a[0], a[1].clone())?;
    Ok(Value::None)
}

fn finalize(vm: &mut Vm, me: &Value) {
    if let Ok(t) = factories(vm) {
        if let Some(d) = t.downcast::<Dict>() {
            let old = d.pop(vm, &id_key(me));
            drop(old);
        }
    }
}

/// Adds `defaultdict` (and its factory side table) to module `m`.
pub fn install(vm: &mut Vm, m: &ObjRef) {
    let bt = builtin_types();
    let layout = bt.dict.downcast::<TypeObject>().map(TypeObject::layout);
    let Some(layout) = layout else {
        return;
    };
    let t = new_native_type(vm.token(), "defaultdict", layout, Some(&bt.dict));
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "collections");
        tp.slots.getitem.set(Some(getitem));
        tp.slots.repr.set(Some(repr));
        tp.slots.finalize.set(Some(finalize));
    }
    register_ctor(&t, defaultdict_new, true);
    let methods: [(&'static str, NativeFn); 6] = [
        ("__init__", defaultdict_init),
        ("__missing__", missing),
        ("__repr__", method_repr),
        ("__getitem__", method_getitem),
        ("copy", copy),
        ("__copy__", copy),
    ];
    for (n, f) in methods {
        vm::calls::add_method(vm.token(), &t, n, f);
    }
    let getter = new_native_function("default_factory", get_factory);
    let setter = new_native_function("default_factory", set_factory_method);
    let prop = ObjRef::new(
        &vm::rt_types::rt().property,
        vm::descriptors::Property {
            funcs: PyCell::new([
                Value::Obj(getter),
                Value::Obj(setter),
                Value::None,
                Value::None,
            ]),
        },
    );
    if let Some(tp) = t.downcast::<TypeObject>() {
        let k = Value::Obj(intern(vm.token(), "default_factory"));
        let _ = tp.dict.set(
            &mut vm::builtins::dict::NativeEq(vm.token()),
            k,
            Value::Obj(prop),
        );
    }
    set_attr(vm, m, "defaultdict", Value::Obj(t));
    let table = ObjRef::new(&bt.dict, Dict::new());
    set_attr(vm, m, FACTORIES, Value::Obj(table));
}
