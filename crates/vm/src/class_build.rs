//! The `class` statement: `__build_class__` (CPython's
//! `builtin___build_class__` in `Python/bltinmodule.c`): PEP 560
//! `__mro_entries__` on the bases, the most derived metaclass, the
//! metaclass's `__prepare__`, the body run in the prepared namespace, the call
//! of the metaclass with the class keywords, and the `__classcell__` checks.

use crate::builtins::dict::Dict;
use crate::builtins::str::{intern, StrObj};
use crate::builtins::tuple::Tuple;
use crate::calls::kwnames_len;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::function::{CellObj, FunctionObj};
use crate::object::ObjRef;
use crate::types::{builtin_types, is_subtype, type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// `getattr(obj, name)` with `AttributeError` meaning "absent" (CPython's
/// `_PyObject_LookupAttr`).
pub fn lookup_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let n = intern(vm.token(), name);
    match vm.getattr(obj, &n) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.kind == ExcKind::AttributeError => Ok(None),
        Err(e) => Err(e),
    }
}

/// Replaces each base that is not a class but has `__mro_entries__` by the
/// tuple that method returns (PEP 560, CPython's `update_bases`); `None` when
/// no base changed.
pub fn resolve_mro_entries(vm: &mut Vm, orig: &[Value]) -> PyResult<Option<Vec<Value>>> {
    let mut out: Option<Vec<Value>> = None;
    let mut orig_tuple: Option<Value> = None;
    for (i, b) in orig.iter().enumerate() {
        let entries = if b.downcast::<TypeObject>().is_some() {
            None
        } else {
            match lookup_attr(vm, b, "__mro_entries__")? {
                Some(m) => {
                    let t = orig_tuple
                        .get_or_insert_with(|| Value::Obj(Tuple::alloc(orig.to_vec())))
                        .clone();
                    let r = vm.call(&m, &[t], None)?;
                    match r.downcast::<Tuple>() {
                        Some(t) => Some(t.items(vm.token()).to_vec()),
                        None => {
                            return Err(PyErr::type_error("__mro_entries__ must return a tuple"))
                        }
                    }
                }
                None => None,
            }
        };
        match (entries, out.as_mut()) {
            (Some(e), Some(o)) => o.extend(e),
            (Some(e), None) => {
                let mut o = orig[..i].to_vec();
                o.extend(e);
                out = Some(o);
            }
            (None, Some(o)) => o.push(b.clone()),
            (None, None) => {}
        }
    }
    Ok(out)
}

/// The most derived of `meta` and the metaclasses of `bases` (CPython's
/// `_PyType_CalculateMetaclass`), or "metaclass conflict: ...".
pub fn calculate_metaclass(vm: &mut Vm, meta: &ObjRef, bases: &[Value]) -> PyResult<ObjRef> {
    let mut winner = meta.clone();
    for b in bases {
        let bt = b.type_ref();
        if is_subtype(vm.token(), &winner, &bt) {
            continue;
        }
        if is_subtype(vm.token(), &bt, &winner) {
            winner = bt;
            continue;
        }
        return Err(PyErr::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// Whether `v` supports `__getitem__` (CPython's `PyMapping_Check`).
fn is_mapping(vm: &mut Vm, v: &Value) -> bool {
    if v.downcast::<Dict>().is_some() {
        return true;
    }
    let t = v.type_ref();
    let key = Value::Obj(crate::builtins::str::static_name(vm.token(), "__getitem__"));
    t.downcast::<TypeObject>()
        .is_some_and(|t| t.slots.getitem.get().is_some() || t.lookup(vm.token(), &key).is_some())
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &mut Vm, args: &[Value], kwnames: Option<&ObjRef>) -> PyResult<Value> {
    let nkw = kwnames_len(vm.token(), kwnames);
    let npos = args.len().saturating_sub(nkw);
    if npos < 2 {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    }
    let (pos, kwvals) = args.split_at(npos);
    let func = pos[0].clone();
    let name = pos[1].clone();
    let Some(f) = func.downcast::<FunctionObj>() else {
        return Err(PyErr::type_error(
            "__build_class__: func must be a function",
        ));
    };
    if name.downcast::<StrObj>().is_none() {
        return Err(PyErr::type_error("__build_class__: name is not a string"));
    }
    // Class keywords, without `metaclass`.
    let names: Vec<Value> = kwnames
        .and_then(|k| k.downcast::<Tuple>())
        .map(|t| t.items(vm.token()).to_vec())
        .unwrap_or_default();
    let mut meta: Option<Value> = None;
    let mut kw_names = Vec::with_capacity(names.len());
    let mut kw_vals = Vec::with_capacity(names.len());
    for (k, v) in names.into_iter().zip(kwvals) {
        if k.downcast::<StrObj>().and_then(StrObj::as_str) == Some("metaclass") {
            meta = Some(v.clone());
        } else {
            kw_names.push(k);
            kw_vals.push(v.clone());
        }
    }
    let kwn = (!kw_names.is_empty()).then(|| Tuple::alloc(kw_names));

    let orig_bases = &pos[2..];
    let resolved = resolve_mro_entries(vm, orig_bases)?;
    let bases: &[Value] = resolved.as_deref().unwrap_or(orig_bases);

    let (meta, is_class) = match meta {
        None => {
            let m = match bases.first() {
                Some(b) => b.type_ref(),
                None => builtin_types().type_.clone(),
            };
            (Value::Obj(m), true)
        }
        Some(m) => {
            let is_class = m.downcast::<TypeObject>().is_some();
            (m, is_class)
        }
    };
    let meta = match meta.as_obj().filter(|_| is_class) {
        Some(m) => Value::Obj(calculate_metaclass(vm, m, bases)?),
        None => meta,
    };
    let bases_t = Value::Obj(Tuple::alloc(bases.to_vec()));

    // The namespace: `meta.__prepare__(name, bases, **kwds)` or a new dict.
    let ns = match lookup_attr(vm, &meta, "__prepare__")? {
        Some(prep) => {
            let mut a = vec![name.clone(), bases_t.clone()];
            a.extend(kw_vals.iter().cloned());
            vm.call(&prep, &a, kwn.as_ref())?
        }
        None => Value::Obj(ObjRef::new(&builtin_types().dict, Dict::new())),
    };
    if !is_mapping(vm, &ns) {
        let who = if is_class {
            meta.as_obj()
                .map(|m| type_name(vm.token(), m))
                .unwrap_or_default()
        } else {
            "<metaclass>".to_owned()
        };
        return Err(PyErr::type_error(format!(
            "{who}.__prepare__() must return a mapping, not {}",
            type_name(vm.token(), &ns.type_ref())
        )));
    }
    let Some(ns_obj) = ns.as_obj().cloned() else {
        return Err(PyErr::type_error("__prepare__() must return a mapping"));
    };

    let code = f.code.borrow(vm.token()).clone();
    let globals = f.globals.clone();
    let cell = vm.run_code(&code, &globals, Some(ns_obj), func.as_obj().cloned())?;

    if resolved.is_some() {
        let k = Value::Obj(intern(vm.token(), "__orig_bases__"));
        let ob = Value::Obj(Tuple::alloc(orig_bases.to_vec()));
        vm.setitem(&ns, &k, Some(ob))?;
    }
    let mut call_args = vec![name.clone(), bases_t, ns];
    call_args.extend(kw_vals);
    let cls = vm.call(&meta, &call_args, kwn.as_ref())?;
    if cls.downcast::<TypeObject>().is_some() {
        if let Some(c) = cell.downcast::<CellObj>() {
            let cell_cls = c.value.borrow(vm.token()).clone();
            match cell_cls {
                Some(cc) if cc.is(&cls) => {}
                None => {
                    let (n, r) = (vm.repr(&name)?, vm.repr(&cls)?);
                    return Err(PyErr::runtime_error(format!(
                        "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                        text(&n), text(&r)
                    )));
                }
                Some(cc) => {
                    let (c, n, r) = (vm.repr(&cc)?, vm.repr(&name)?, vm.repr(&cls)?);
                    return Err(PyErr::type_error(format!(
                        "__class__ set to {} defining {} as {}",
                        text(&c),
                        text(&n),
                        text(&r)
                    )));
                }
            }
        }
    }
    Ok(cls)
}

fn text(v: &Value) -> String {
    v.downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `type.__prepare__(name, bases, **kwds)`: a new empty dict whatever the
/// arguments (CPython's `type_prepare`).
pub fn type_prepare(_vm: &mut Vm, _args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Obj(ObjRef::new(&builtin_types().dict, Dict::new())))
}
