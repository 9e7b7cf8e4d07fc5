//! Methods of `type` itself (CPython's `type_methods` in
//! `Objects/typeobject.c`): `__call__`, `mro()`, `__subclasses__()`,
//! `__instancecheck__`, `__subclasscheck__`, and the abstract-class check that
//! `object.__new__` makes once `__abstractmethods__` is set.

use crate::builtins::list::List;
use crate::builtins::str::StrObj;
use crate::calls::{add_method, exact_args};
use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::{builtin_types, is_subtype, type_name, TypeObject, FLAG_ABSTRACT};
use crate::value::Value;
use crate::vm::Vm;

fn as_type<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a ObjRef> {
    match v.as_obj().filter(|o| o.downcast::<TypeObject>().is_some()) {
        Some(o) => Ok(o),
        None => Err(PyErr::type_error(format!(
            "descriptor '{what}' requires a 'type' object but received a '{}'",
            type_name(vm.token(), &v.type_ref())
        ))),
    }
}

/// `type.__call__(cls, *args, **kwds)`: what calling a class does (reached
/// by `super().__call__(...)` in a metaclass).
fn type_call_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(cls) = args.first() else {
        return Err(PyErr::type_error(
            "descriptor '__call__' of 'type' object needs an argument",
        ));
    };
    let cls = as_type(vm, cls, "__call__")?.clone();
    crate::class::type_call(vm, &Value::Obj(cls), &args[1..], kw)
}

/// `type.mro(cls)`: the C3 linearization as a list (CPython's `type_mro_impl`).
fn type_mro_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "mro", args, kw, 1)?;
    let cls = as_type(vm, &a[0], "mro")?.clone();
    let Some(t) = cls.downcast::<TypeObject>() else {
        return Err(PyErr::type_error("mro"));
    };
    let bases = t.bases(vm.token());
    let mro = if bases.is_empty() {
        t.mro(vm.token()).to_vec()
    } else {
        crate::types::mro::c3_mro(vm.token(), &cls, &bases)?
    };
    Ok(Value::Obj(List::alloc(
        mro.into_iter().map(Value::Obj).collect(),
    )))
}

/// `type.__subclasses__(cls)`: the live direct subclasses, oldest first.
fn type_subclasses_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__subclasses__", args, kw, 1)?;
    let cls = as_type(vm, &a[0], "__subclasses__")?;
    let subs = cls
        .downcast::<TypeObject>()
        .map(|t| t.subclasses(vm.token()))
        .unwrap_or_default();
    Ok(Value::Obj(List::alloc(
        subs.into_iter().map(Value::Obj).collect(),
    )))
}

/// `type.__instancecheck__(cls, obj)`: the plain subtype test.
fn type_instancecheck_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__instancecheck__", args, kw, 2)?;
    let cls = as_type(vm, &a[0], "__instancecheck__")?;
    Ok(Value::Bool(plain_isinstance(vm, &a[1], cls)?))
}

/// `type.__subclasscheck__(cls, sub)`: the plain subtype test.
fn type_subclasscheck_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__subclasscheck__", args, kw, 2)?;
    let cls = as_type(vm, &a[0], "__subclasscheck__")?;
    match a[1]
        .as_obj()
        .filter(|o| o.downcast::<TypeObject>().is_some())
    {
        Some(sub) => Ok(Value::Bool(is_subtype(vm.token(), sub, cls))),
        None => Err(PyErr::type_error("issubclass() arg 1 must be a class")),
    }
}

/// `isinstance(v, cls)` without `__instancecheck__`: `type(v)` or a differing
/// `v.__class__` is a subtype of `cls` (CPython's `object_isinstance`).
pub fn plain_isinstance(vm: &mut Vm, v: &Value, cls: &ObjRef) -> PyResult<bool> {
    let t = v.type_ref();
    if is_subtype(vm.token(), &t, cls) {
        return Ok(true);
    }
    match crate::class_build::lookup_attr(vm, v, "__class__")? {
        Some(c) => Ok(match c.as_obj() {
            Some(co) if !co.is(&t) && co.downcast::<TypeObject>().is_some() => {
                is_subtype(vm.token(), co, cls)
            }
            _ => false,
        }),
        None => Ok(false),
    }
}

/// The metaclass's `__instancecheck__`/`__subclasscheck__` when `cls` is an
/// instance of a `type` subclass that may override it; `None` for plain
/// classes (CPython looks the method up on `type(cls)`).
pub fn metaclass_check(
    vm: &mut Vm,
    cls: &ObjRef,
    name: &'static str,
    arg: &Value,
) -> PyResult<Option<bool>> {
    let meta = cls.type_ref();
    if meta.is(&builtin_types().type_) {
        return Ok(None);
    }
    let key = Value::Obj(crate::builtins::str::static_name(vm.token(), name));
    let Some(f) = meta
        .downcast::<TypeObject>()
        .and_then(|t| t.lookup(vm.token(), &key))
    else {
        return Ok(None);
    };
    let r = if f.downcast::<crate::function::FunctionObj>().is_some() {
        vm.call(&f, &[Value::Obj(cls.clone()), arg.clone()], None)?
    } else {
        let g = f
            .type_ref()
            .downcast::<TypeObject>()
            .and_then(|t| t.slots.descr_get.get());
        let bound = match g {
            Some(g) => g(vm, &f, Some(&Value::Obj(cls.clone())), &meta)?,
            None => f,
        };
        vm.call(&bound, std::slice::from_ref(arg), None)?
    };
    Ok(Some(vm.is_true(&r)?))
}

/// `cls.__name__ = v` / `cls.__qualname__ = v`: the type's own data, not its
/// namespace (CPython's `type_set_name` / `type_set_qualname`); `true` when
/// `name` was one of those.
pub fn set_type_data(
    vm: &mut Vm,
    cls: &ObjRef,
    name: &ObjRef,
    value: Option<&Value>,
) -> PyResult<bool> {
    let which = match name.downcast::<StrObj>().and_then(StrObj::as_str) {
        Some(n @ ("__name__" | "__qualname__")) => n,
        _ => return Ok(false),
    };
    let Some(t) = cls.downcast::<TypeObject>() else {
        return Ok(false);
    };
    let tn = t.tp_name(vm.token());
    if t.flags() & crate::types::FLAG_IMMUTABLE != 0 || t.is_builtin() {
        return Err(PyErr::type_error(format!(
            "cannot set '{which}' attribute of immutable type '{tn}'"
        )));
    }
    let Some(v) = value else {
        return Err(PyErr::type_error(format!(
            "cannot delete '{which}' attribute of immutable type '{tn}'"
        )));
    };
    let Some(s) = v.downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "can only assign string to {tn}.{which}, not '{}'",
            type_name(vm.token(), &v.type_ref())
        )));
    };
    let text = s.text().to_string_lossy().into_owned();
    if which == "__name__" {
        if text.contains('\0') {
            return Err(PyErr::value_error(
                "type name must not contain null characters",
            ));
        }
        t.set_name(vm.token(), &text);
    } else {
        t.set_qualname(vm.token(), &text);
    }
    Ok(true)
}

/// After `cls.__abstractmethods__` is set or deleted: whether instances can be
/// created (CPython's `type_set_abstractmethods` flag).
pub fn note_abstract(vm: &mut Vm, cls: &ObjRef, name: &ObjRef) -> PyResult<()> {
    if name.downcast::<StrObj>().and_then(StrObj::as_str) != Some("__abstractmethods__") {
        return Ok(());
    }
    let Some(t) = cls.downcast::<TypeObject>() else {
        return Ok(());
    };
    let key = Value::Obj(name.clone());
    let v = t.dict.get_str(vm.token(), &key);
    let abstract_ = match v {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    t.set_flag(FLAG_ABSTRACT, abstract_);
    Ok(())
}

/// "Can't instantiate abstract class X with abstract method(s) a, b" when
/// `cls` has a non-empty `__abstractmethods__` (CPython's `object_new`).
pub fn check_abstract(vm: &mut Vm, cls: &ObjRef) -> PyResult<()> {
    let Some(t) = cls.downcast::<TypeObject>() else {
        return Ok(());
    };
    if t.flags() & FLAG_ABSTRACT == 0 {
        return Ok(());
    }
    abstract_error(vm, cls)
}

#[cold]
fn abstract_error(vm: &mut Vm, cls: &ObjRef) -> PyResult<()> {
    let Some(t) = cls.downcast::<TypeObject>() else {
        return Ok(());
    };
    let key = Value::Obj(crate::builtins::str::static_name(
        vm.token(),
        "__abstractmethods__",
    ));
    let Some(v) = t.dict.get_str(vm.token(), &key) else {
        return Ok(());
    };
    let items = vm.sequence_to_vec(&v)?;
    let mut names: Vec<String> = Vec::with_capacity(items.len());
    for it in items {
        match it.downcast::<StrObj>() {
            Some(s) => names.push(s.text().to_string_lossy().into_owned()),
            None => {
                return Err(PyErr::type_error(format!(
                    "sequence item 0: expected str instance, {} found",
                    type_name(vm.token(), &it.type_ref())
                )))
            }
        }
    }
    names.sort();
    let n = names.len();
    Err(PyErr::type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        t.tp_name(vm.token()),
        if n > 1 { "s" } else { "" },
        names.join(", ")
    )))
}

fn attr_name(vm: &mut Vm, v: &Value) -> PyResult<ObjRef> {
    match v.as_obj().filter(|o| o.downcast::<StrObj>().is_some()) {
        Some(o) => Ok(crate::builtins::str::intern_obj(vm.token(), o.clone())),
        None => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(vm.token(), &v.type_ref())
        ))),
    }
}

/// `type.__setattr__(cls, name, value)`: sets a class attribute (what
/// `super().__setattr__` reaches from a metaclass).
fn type_setattr_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__setattr__", args, kw, 3)?;
    as_type(vm, &a[0], "__setattr__")?;
    let n = attr_name(vm, &a[1])?;
    crate::types::builtin::type_setattro(vm, &a[0], &n, Some(a[2].clone()))?;
    Ok(Value::None)
}

/// `type.__delattr__(cls, name)`: deletes a class attribute.
fn type_delattr_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__delattr__", args, kw, 2)?;
    as_type(vm, &a[0], "__delattr__")?;
    let n = attr_name(vm, &a[1])?;
    crate::types::builtin::type_setattro(vm, &a[0], &n, None)?;
    Ok(Value::None)
}

/// `type.__getattribute__(cls, name)`: the class attribute lookup.
fn type_getattribute_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__getattribute__", args, kw, 2)?;
    as_type(vm, &a[0], "__getattribute__")?;
    let n = attr_name(vm, &a[1])?;
    crate::class::type_getattro(vm, &a[0], &n)
}

/// `object.__subclasshook__(*args)`: `NotImplemented` (the default ABC hook).
fn object_subclasshook(_vm: &mut Vm, _args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Obj(crate::rt_types::rt().not_implemented.clone()))
}

/// Adds `type`'s methods (and `object.__subclasshook__`).
pub fn install(vm: &mut Vm) {
    let ty = builtin_types().type_.clone();
    let tk = vm.token();
    add_method(tk, &ty, "__call__", type_call_m);
    add_method(tk, &ty, "mro", type_mro_m);
    add_method(tk, &ty, "__setattr__", type_setattr_m);
    add_method(tk, &ty, "__delattr__", type_delattr_m);
    add_method(tk, &ty, "__getattribute__", type_getattribute_m);
    add_method(tk, &ty, "__subclasses__", type_subclasses_m);
    add_method(tk, &ty, "__instancecheck__", type_instancecheck_m);
    add_method(tk, &ty, "__subclasscheck__", type_subclasscheck_m);
    // Descriptors for the class data `type_getattro` answers (`__module__` and
    // `__doc__` stay plain entries of each class's own dict).
    crate::attr_descr::install(
        tk,
        &ty,
        &["__name__", "__qualname__", "__bases__", "__dict__"],
        &["__base__", "__mro__"],
    );
    let object = builtin_types().object.clone();
    crate::methods::add_classmethod(tk, &object, "__subclasshook__", object_subclasshook);
    crate::descr_wrappers::install(vm);
    crate::instance_getsets::install(vm);
}
