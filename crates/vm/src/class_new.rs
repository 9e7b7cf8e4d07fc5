//! `type.__new__(meta, name, bases, ns, **kwds)` (CPython's `type_new` in
//! `Objects/typeobject.c`): argument checks, the most derived metaclass, the
//! namespace copied into the new class (`__qualname__`, `__classcell__`,
//! `__doc__`, implicit `staticmethod`/`classmethod` wrapping), then
//! `__set_name__` and the parent's `__init_subclass__(**kwds)`.

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::str::{intern, intern_obj, StrObj};
use crate::builtins::tuple::Tuple;
use crate::calls::kwnames_len;
use crate::class_build::{calculate_metaclass, lookup_attr};
use crate::descriptors::{ClassMethod, StaticMethod};
use crate::error::{PyErr, PyResult};
use crate::function::{CellObj, FunctionObj};
use crate::object::ObjRef;
use crate::types::{builtin_types, is_subtype, new_class, type_modified, type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

fn text(v: &Value) -> Option<String> {
    v.downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
}

/// `type.__new__` called as a function: `args[0]` is the metaclass.
pub fn type_new_fn(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(meta) = args.first() else {
        return Err(PyErr::type_error("type.__new__(): not enough arguments"));
    };
    let Some(m) = meta
        .as_obj()
        .filter(|o| o.downcast::<TypeObject>().is_some())
    else {
        return Err(PyErr::type_error(format!(
            "type.__new__(X): X is not a type object ({})",
            type_name(vm.token(), &meta.type_ref())
        )));
    };
    if !is_subtype(vm.token(), m, &builtin_types().type_) {
        let n = type_name(vm.token(), m);
        return Err(PyErr::type_error(format!(
            "type.__new__({n}): {n} is not a subtype of type"
        )));
    }
    let m = m.clone();
    type_new(vm, &m, &args[1..], kw)
}

/// `type.__new__(meta, name, bases, ns, **kwds)`: creates the class; the
/// keywords go to the parent's `__init_subclass__`.
pub fn type_new(
    vm: &mut Vm,
    meta: &ObjRef,
    args: &[Value],
    kwnames: Option<&ObjRef>,
) -> PyResult<Value> {
    let nkw = kwnames_len(vm.token(), kwnames);
    let npos = args.len().saturating_sub(nkw);
    let (pos, kwvals) = args.split_at(npos);
    let [name, bases, ns] = pos else {
        return Err(PyErr::type_error(format!(
            "type.__new__() takes exactly 3 arguments ({npos} given)"
        )));
    };
    let Some(name_s) = text(name) else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            type_name(vm.token(), &name.type_ref())
        )));
    };
    let Some(bases_t) = bases.downcast::<Tuple>() else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            type_name(vm.token(), &bases.type_ref())
        )));
    };
    let Some(ns_d) = ns.downcast::<Dict>() else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            type_name(vm.token(), &ns.type_ref())
        )));
    };
    let bases_v = bases_t.items(vm.token()).to_vec();
    for b in &bases_v {
        if b.downcast::<TypeObject>().is_none() && lookup_attr(vm, b, "__mro_entries__")?.is_some()
        {
            return Err(PyErr::type_error(
                "type() doesn't support MRO entry resolution; use types.new_class()",
            ));
        }
    }
    let winner = calculate_metaclass(vm, meta, &bases_v)?;
    if !winner.is(meta) {
        // A more derived metaclass with its own `__new__` creates the class.
        let key = Value::Obj(crate::builtins::str::static_name(vm.token(), "__new__"));
        let wnew = winner
            .downcast::<TypeObject>()
            .and_then(|t| t.lookup(vm.token(), &key));
        let tnew = builtin_types()
            .type_
            .downcast::<TypeObject>()
            .and_then(|t| t.lookup(vm.token(), &key));
        if let (Some(w), Some(t)) = (wnew, tnew) {
            if !w.is(&t) {
                let f = match w.downcast::<StaticMethod>() {
                    Some(sm) => sm.func.clone(),
                    None => w,
                };
                return crate::calls::with_prepended(Value::Obj(winner.clone()), args, |all| {
                    vm.call(&f, all, kwnames)
                });
            }
        }
    }
    let meta = winner;
    let mut base_refs = Vec::with_capacity(bases_v.len());
    for b in &bases_v {
        match b.as_obj().filter(|o| o.downcast::<TypeObject>().is_some()) {
            Some(o) => base_refs.push(o.clone()),
            None => return Err(PyErr::type_error("bases must be types")),
        }
    }
    let items = ns_d.items(vm.token());
    crate::builtins_module::ctors::install_pending_new(vm);
    let cls = new_class(vm.token(), &meta, &name_s, base_refs)?;
    let t = cls
        .downcast::<TypeObject>()
        .ok_or_else(|| PyErr::type_error("new_class"))?;
    let mut classcell = None;
    let mut has_module = false;
    let mut has_doc = false;
    for (k, v) in items {
        let ks = text(&k).unwrap_or_default();
        let v = match ks.as_str() {
            "__qualname__" => {
                let Some(q) = text(&v) else {
                    return Err(PyErr::type_error(format!(
                        "type __qualname__ must be a str, not {}",
                        type_name(vm.token(), &v.type_ref())
                    )));
                };
                t.set_qualname(vm.token(), &q);
                continue;
            }
            "__classcell__" => {
                if v.downcast::<CellObj>().is_none() {
                    let r = vm.repr(&Value::Obj(v.type_ref()))?;
                    return Err(PyErr::type_error(format!(
                        "__classcell__ must be a nonlocal cell, not {}",
                        text(&r).unwrap_or_default()
                    )));
                }
                classcell = Some(v);
                continue;
            }
            "__module__" => {
                has_module = true;
                if let Some(m) = text(&v) {
                    t.set_module(vm.token(), &m);
                }
                v
            }
            "__doc__" => {
                has_doc = true;
                v
            }
            // Implicit `staticmethod` / `classmethod` (CPython's `type_new_set_attrs`).
            "__new__" if v.downcast::<FunctionObj>().is_some() => Value::Obj(ObjRef::new(
                &crate::rt_types::rt().staticmethod,
                StaticMethod { func: v },
            )),
            "__init_subclass__" | "__class_getitem__" if v.downcast::<FunctionObj>().is_some() => {
                Value::Obj(ObjRef::new(
                    &crate::rt_types::rt().classmethod,
                    ClassMethod { func: v },
                ))
            }
            _ => v,
        };
        let k = match k.as_obj() {
            Some(o) if o.downcast::<StrObj>().is_some() => {
                Value::Obj(intern_obj(vm.token(), o.clone()))
            }
            _ => k,
        };
        t.dict.set(&mut NativeEq(vm.token()), k, v)?;
    }
    if !has_module {
        // The caller's module (CPython's `type_new_set_module`).
        if let Some(m) = caller_module_name(vm) {
            if let Some(ms) = text(&m) {
                t.set_module(vm.token(), &ms);
            }
            let key = Value::Obj(intern(vm.token(), "__module__"));
            t.dict.set(&mut NativeEq(vm.token()), key, m)?;
        }
    }
    custom_mro(vm, &cls)?;
    crate::builtins::slots_layout::apply(vm, &cls, ns_d)?;
    crate::instance_getsets::add_to_class(vm, &cls)?;
    let doc_key = Value::Obj(intern(vm.token(), "__doc__"));
    if !has_doc && t.dict.get_str(vm.token(), &doc_key).is_none() {
        // After the slot members and getsets (a `__doc__` slot stays), as
        // CPython's `PyType_Ready` adds it.
        t.dict
            .set(&mut NativeEq(vm.token()), doc_key, Value::None)?;
    }
    crate::class::install_user_slots(vm, &cls);
    type_modified(vm.token(), &cls);
    if let Some(c) = classcell.as_ref().and_then(|c| c.downcast::<CellObj>()) {
        *c.value.borrow_mut(vm.token()) = Some(Value::Obj(cls.clone()));
    }
    set_names(vm, &cls)?;
    let kw: Vec<Value> = kwvals.to_vec();
    init_subclass(vm, &cls, &kw, kwnames)?;
    Ok(Value::Obj(cls))
}

/// A metaclass overriding `mro()`: its result becomes `__mro__` (CPython's
/// `mro_internal`), each entry a class.
fn custom_mro(vm: &mut Vm, cls: &ObjRef) -> PyResult<()> {
    let meta = cls.type_ref();
    if meta.is(&builtin_types().type_) {
        return Ok(());
    }
    let key = Value::Obj(crate::builtins::str::static_name(vm.token(), "mro"));
    let (mine, base) = (
        meta.downcast::<TypeObject>()
            .and_then(|t| t.lookup(vm.token(), &key)),
        builtin_types()
            .type_
            .downcast::<TypeObject>()
            .and_then(|t| t.lookup(vm.token(), &key)),
    );
    match (mine, base) {
        (Some(m), Some(b)) if !m.is(&b) => {}
        _ => return Ok(()),
    }
    let r = vm.call_method(&Value::Obj(cls.clone()), "mro", &[])?;
    let items = vm.sequence_to_vec(&r)?;
    let mut mro = Vec::with_capacity(items.len());
    for it in items {
        match it.as_obj().filter(|o| o.downcast::<TypeObject>().is_some()) {
            Some(o) => mro.push(o.clone()),
            None => {
                return Err(PyErr::type_error(format!(
                    "mro() returned a non-class ('{}')",
                    type_name(vm.token(), &it.type_ref())
                )))
            }
        }
    }
    if let Some(t) = cls.downcast::<TypeObject>() {
        t.set_mro(vm.token(), mro);
    }
    Ok(())
}

/// `__name__` of the calling frame's globals.
fn caller_module_name(vm: &mut Vm) -> Option<Value> {
    let g = vm.frames.last()?.globals.clone();
    let d = g.downcast::<Dict>()?;
    let key = Value::Obj(intern(vm.token(), "__name__"));
    d.get_str(vm.token(), &key)
}

/// Calls `__set_name__(cls, name)` on each attribute whose type defines it
/// (CPython's `type_new_set_names`); an error becomes a `RuntimeError` whose
/// cause is the original, as in 3.11.
fn set_names(vm: &mut Vm, cls: &ObjRef) -> PyResult<()> {
    let Some(t) = cls.downcast::<TypeObject>() else {
        return Ok(());
    };
    let attrs = t.dict.items(vm.token());
    for (k, v) in attrs {
        let vt = v.type_ref();
        let key = Value::Obj(crate::builtins::str::static_name(
            vm.token(),
            "__set_name__",
        ));
        let Some(sn) = vt
            .downcast::<TypeObject>()
            .and_then(|tt| tt.lookup(vm.token(), &key))
        else {
            continue;
        };
        let r = if sn.downcast::<FunctionObj>().is_some() {
            vm.call(&sn, &[v.clone(), Value::Obj(cls.clone()), k.clone()], None)
        } else {
            bind(vm, &sn, Some(&v), &vt)
                .and_then(|b| vm.call(&b, &[Value::Obj(cls.clone()), k.clone()], None))
        };
        if let Err(mut e) = r {
            let kr = vm.repr(&k)?;
            let msg = format!(
                "Error calling __set_name__ on '{}' instance {} in '{}'",
                type_name(vm.token(), &vt),
                text(&kr).unwrap_or_default(),
                type_name(vm.token(), cls)
            );
            let cause = Value::Obj(vm.exc_object(&mut e));
            let mut new = PyErr::runtime_error(msg);
            let exc = Value::Obj(vm.exc_object(&mut new));
            let key = intern(vm.token(), "__cause__");
            vm.setattr(&exc, &key, Some(cause))?;
            return Err(new);
        }
    }
    Ok(())
}

/// Binds descriptor `v` found on a type to `obj` (or to the class `ty` alone).
fn bind(vm: &mut Vm, v: &Value, obj: Option<&Value>, ty: &ObjRef) -> PyResult<Value> {
    let g = v
        .type_ref()
        .downcast::<TypeObject>()
        .and_then(|t| t.slots.descr_get.get());
    match g {
        Some(g) => g(vm, v, obj, ty),
        None => Ok(v.clone()),
    }
}

/// `super(cls, cls).__init_subclass__(**kwds)` (CPython's
/// `type_new_init_subclass`).
fn init_subclass(
    vm: &mut Vm,
    cls: &ObjRef,
    kwvals: &[Value],
    kwnames: Option<&ObjRef>,
) -> PyResult<()> {
    let Some(t) = cls.downcast::<TypeObject>() else {
        return Ok(());
    };
    let mro = t.mro(vm.token());
    let key = Value::Obj(crate::builtins::str::static_name(
        vm.token(),
        "__init_subclass__",
    ));
    for b in mro.iter().skip(1) {
        let found = b
            .downcast::<TypeObject>()
            .and_then(|bt| bt.dict.get_str(vm.token(), &key));
        if let Some(f) = found {
            let m = bind(vm, &f, None, cls)?;
            vm.call(&m, kwvals, kwnames)?;
            break;
        }
    }
    Ok(())
}

/// `object.__init_subclass__()`: a classmethod taking no arguments
/// (CPython's `object___init_subclass__`).
pub fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let who = args
        .first()
        .and_then(|v| v.downcast::<TypeObject>())
        .map_or_else(|| "object".to_owned(), |t| t.qualname(vm.token()));
    if kwnames_len(vm.token(), kw) > 0 {
        return Err(PyErr::type_error(format!(
            "{who}.__init_subclass__() takes no keyword arguments"
        )));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{who}.__init_subclass__() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(Value::None)
}
