//! The metaclass hooks of `isinstance`/`issubclass` (`__instancecheck__`,
//! `__subclasscheck__`, CPython's `object_isinstance`/`object_issubclass` in
//! `Objects/abstract.c`) and the refusal to instantiate an abstract class
//! (CPython's `object_new` with `Py_TPFLAGS_IS_ABSTRACT`), which `abc`
//! builds on.

use crate::builtins::str::{intern, StrObj};
use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::{builtin_types, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// Calls `type(cls).<name>(cls, arg)` if `cls` is not a plain class (its
/// metaclass is not exactly `type`) and its metaclass defines the hook;
/// `None` when the ordinary check applies.
pub fn metaclass_check(
    vm: &mut Vm,
    cls: &Value,
    name: &'static str,
    arg: &Value,
) -> PyResult<Option<bool>> {
    let Some(c) = cls.as_obj() else {
        return Ok(None);
    };
    let meta = c.type_ref();
    if meta.is(&builtin_types().type_) {
        return Ok(None);
    }
    let key = Value::Obj(crate::builtins::str::static_name(vm.token(), name));
    let Some(hook) = meta
        .downcast::<TypeObject>()
        .and_then(|t| t.lookup(vm.token(), &key))
    else {
        return Ok(None);
    };
    let what = if name == "__instancecheck__" {
        " in __instancecheck__"
    } else {
        " in __subclasscheck__"
    };
    let args = [cls.clone(), arg.clone()];
    let r = vm.guarded(what, |vm| vm.call(&hook, &args, None))?;
    vm.is_true(&r).map(Some)
}

/// Refuses to instantiate `cls` if it has abstract methods left (a non-empty
/// `__abstractmethods__` in its own namespace, which `ABCMeta.__new__` sets):
/// "Can't instantiate abstract class A with abstract methods f, g". Plain
/// classes (metaclass exactly `type`) are skipped without a lookup.
pub fn check_not_abstract(vm: &mut Vm, cls: &ObjRef) -> PyResult<()> {
    if cls.type_ref().is(&builtin_types().type_) {
        return Ok(());
    }
    let Some(t) = cls.downcast::<TypeObject>() else {
        return Ok(());
    };
    let key = Value::Obj(intern(vm.token(), "__abstractmethods__"));
    let Some(methods) = t.dict.get_str(vm.token(), &key) else {
        return Ok(());
    };
    if !vm.is_true(&methods)? {
        return Ok(());
    }
    abstract_error(vm, cls, &methods)
}

#[cold]
fn abstract_error(vm: &mut Vm, cls: &ObjRef, methods: &Value) -> PyResult<()> {
    let mut names: Vec<String> = vm
        .sequence_to_vec(methods)?
        .iter()
        .filter_map(|v| {
            v.downcast::<StrObj>()
                .map(|s| s.text().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    let name = crate::types::type_name(vm.token(), cls);
    Err(PyErr::type_error(format!(
        "Can't instantiate abstract class {name} with abstract method{} {}",
        if names.len() > 1 { "s" } else { "" },
        names.join(", ")
    )))
}

/// `type.__subclasses__()`: the live direct subclasses, oldest first.
fn type_subclasses(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__subclasses__", args, kw, 1)?;
    let Some(t) = a[0].downcast::<TypeObject>() else {
        return Err(PyErr::type_error(
            "descriptor '__subclasses__' requires a 'type' object",
        ));
    };
    let subs = t.subclasses(vm.token());
    Ok(Value::Obj(crate::builtins::list::List::alloc(
        subs.into_iter().map(Value::Obj).collect(),
    )))
}

/// `type.__instancecheck__(cls, obj)`: the check without metaclass hooks
/// (CPython's `_PyObject_RealIsInstance`).
fn type_instancecheck(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__instancecheck__", args, kw, 2)?;
    let Some(c) = a[0]
        .as_obj()
        .filter(|c| c.downcast::<TypeObject>().is_some())
    else {
        return Err(PyErr::type_error(
            "descriptor '__instancecheck__' requires a 'type' object",
        ));
    };
    let t = a[1].type_ref();
    Ok(Value::Bool(crate::types::is_subtype(vm.token(), &t, c)))
}

/// `type.__subclasscheck__(cls, sub)` (CPython's `_PyObject_RealIsSubclass`).
fn type_subclasscheck(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__subclasscheck__", args, kw, 2)?;
    let Some(c) = a[0]
        .as_obj()
        .filter(|c| c.downcast::<TypeObject>().is_some())
    else {
        return Err(PyErr::type_error(
            "descriptor '__subclasscheck__' requires a 'type' object",
        ));
    };
    let Some(sub) = a[1]
        .as_obj()
        .filter(|c| c.downcast::<TypeObject>().is_some())
    else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::Bool(crate::types::is_subtype(vm.token(), sub, c)))
}

/// `object.__subclasshook__(cls, sub)`: `NotImplemented` (the default that
/// lets `ABCMeta.__subclasscheck__` go on with its registry).
fn object_subclasshook(_vm: &mut Vm, _args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Obj(crate::rt_types::rt().not_implemented.clone()))
}

/// Adds `type.__subclasses__`, `type.__instancecheck__`,
/// `type.__subclasscheck__` and `object.__subclasshook__`.
pub fn install(vm: &mut Vm) {
    let o = builtin_types().object.clone();
    crate::methods::add_classmethod(vm.token(), &o, "__subclasshook__", object_subclasshook);
    let t = builtin_types().type_.clone();
    for (name, f) in [
        ("__subclasses__", type_subclasses as crate::calls::NativeFn),
        ("__instancecheck__", type_instancecheck),
        ("__subclasscheck__", type_subclasscheck),
    ] {
        crate::calls::add_method(vm.token(), &t, name, f);
    }
}
