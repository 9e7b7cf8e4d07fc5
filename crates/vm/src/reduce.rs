//! The pickle/copy protocol on `object` (CPython's `Objects/typeobject.c`:
//! `object___reduce_ex___impl`, `object___reduce___impl`, `reduce_newobj`,
//! `object_getstate`): `object.__reduce_ex__(protocol)`, `object.__reduce__()`
//! and `object.__getstate__()` (new in 3.11), which `copy.copy`,
//! `copy.deepcopy` and the pure-Python `pickle` build on.

use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::object::existing_instance_dict;
use crate::builtins::str::{intern, StrObj};
use crate::builtins::tuple::Tuple;
use crate::calls::{arg_range, exact_args, NativeFn};
use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, PayloadKind};
use crate::types::{builtin_types, type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// An attribute of the `copyreg` module.
fn copyreg_attr(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = vm.import_module("copyreg")?;
    let n = intern(vm.token(), name);
    vm.getattr(&m, &n)
}

/// The class attribute `name` of `obj`'s type, if defined anywhere in the MRO.
fn type_attr(vm: &mut Vm, obj: &Value, name: &str) -> Option<Value> {
    let ty = obj.type_ref();
    let key = Value::Obj(intern(vm.token(), name));
    ty.downcast::<TypeObject>()?.lookup(vm.token(), &key)
}

/// Whether the class attribute `name` of `obj`'s type is `object`'s own.
fn is_object_default(vm: &mut Vm, obj: &Value, name: &str) -> bool {
    let key = Value::Obj(intern(vm.token(), name));
    let base = builtin_types()
        .object
        .downcast::<TypeObject>()
        .and_then(|t| t.dict.get_str(vm.token(), &key));
    match (type_attr(vm, obj, name), base) {
        (Some(a), Some(b)) => a.is(&b),
        (None, _) => true,
        _ => false,
    }
}

#[cold]
fn cannot_pickle(vm: &mut Vm, obj: &Value) -> PyErr {
    let name = type_name(vm.token(), &obj.type_ref());
    PyErr::type_error(format!("cannot pickle '{name}' object"))
}

/// `object.__getstate__` without an override (CPython's
/// `object_getstate_default`): the instance dict (a copy, `None` if empty),
/// paired with a dict of the `__slots__` values if there are any. With
/// `required`, objects carrying native state that the state can't express
/// (and no `__getnewargs__`) can't be pickled.
fn default_getstate(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    if required {
        let kind = obj
            .type_ref()
            .downcast::<TypeObject>()
            .map(|t| t.layout().kind);
        if !matches!(
            kind,
            Some(PayloadKind::Object | PayloadKind::List | PayloadKind::Dict)
        ) && obj.as_obj().is_some()
        {
            return Err(cannot_pickle(vm, obj));
        }
    }
    let state = match existing_instance_dict(vm.token(), obj) {
        Some(d) => match d.downcast::<Dict>() {
            Some(dd) if dd.len(vm.token()) > 0 => {
                let copy = dd.copy(vm.token());
                Value::Obj(ObjRef::new(&builtin_types().dict, copy))
            }
            _ => Value::None,
        },
        None => Value::None,
    };
    let slotnames_fn = copyreg_attr(vm, "_slotnames")?;
    let cls = Value::Obj(obj.type_ref());
    let names = vm.call(&slotnames_fn, &[cls], None)?;
    let names = vm.sequence_to_vec(&names)?;
    if names.is_empty() {
        return Ok(state);
    }
    let slots = ObjRef::new(&builtin_types().dict, Dict::new());
    let mut any = false;
    for n in names {
        let Some(name) = n.as_obj().filter(|o| o.downcast::<StrObj>().is_some()) else {
            continue;
        };
        match vm.getattr(obj, name) {
            Ok(v) => {
                if let Some(d) = slots.downcast::<Dict>() {
                    d.set(vm, n.clone(), v)?;
                    any = true;
                }
            }
            Err(e) if e.kind == crate::error::ExcKind::AttributeError => {}
            Err(e) => return Err(e),
        }
    }
    if any {
        Ok(Value::Obj(Tuple::alloc(vec![state, Value::Obj(slots)])))
    } else {
        Ok(state)
    }
}

/// `obj.__getstate__()` through an override if there is one (CPython's
/// `_PyObject_GetState`).
fn getstate(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    if is_object_default(vm, obj, "__getstate__") {
        return default_getstate(vm, obj, required);
    }
    vm.call_method(obj, "__getstate__", &[])
}

/// `(args, kwargs)` from `__getnewargs_ex__` or `__getnewargs__` (CPython's
/// `_PyObject_GetNewArguments`), `None` when the type has neither.
fn new_arguments(vm: &mut Vm, obj: &Value) -> PyResult<Option<(Vec<Value>, Option<Value>)>> {
    let tname = |vm: &mut Vm, v: &Value| type_name(vm.token(), &v.type_ref());
    if type_attr(vm, obj, "__getnewargs_ex__").is_some() {
        let r = vm.call_method(obj, "__getnewargs_ex__", &[])?;
        let Some(t) = r.downcast::<Tuple>() else {
            let n = tname(vm, &r);
            return Err(PyErr::type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{n}'"
            )));
        };
        let items = t.items(vm.token()).to_vec();
        if items.len() != 2 {
            return Err(PyErr::value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                items.len()
            )));
        }
        let Some(args) = items[0].downcast::<Tuple>() else {
            let n = tname(vm, &items[0]);
            return Err(PyErr::type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{n}'"
            )));
        };
        if items[1].downcast::<Dict>().is_none() {
            let n = tname(vm, &items[1]);
            return Err(PyErr::type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{n}'"
            )));
        }
        let args = args.items(vm.token()).to_vec();
        return Ok(Some((args, Some(items[1].clone()))));
    }
    if type_attr(vm, obj, "__getnewargs__").is_some() {
        let r = vm.call_method(obj, "__getnewargs__", &[])?;
        let Some(t) = r.downcast::<Tuple>() else {
            let n = tname(vm, &r);
            return Err(PyErr::type_error(format!(
                "__getnewargs__ should return a tuple, not '{n}'"
            )));
        };
        return Ok(Some((t.items(vm.token()).to_vec(), None)));
    }
    Ok(None)
}

/// Protocol 2+ reduction (CPython's `reduce_newobj`):
/// `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`, or
/// `copyreg.__newobj_ex__` with keyword arguments.
fn reduce_newobj(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let cls = Value::Obj(obj.type_ref());
    let newargs = new_arguments(vm, obj)?;
    let hasargs = newargs.is_some();
    let (args, kwargs) = newargs.unwrap_or_default();
    let kw_empty = match &kwargs {
        None => true,
        Some(k) => k.downcast::<Dict>().is_some_and(|d| d.len(vm.token()) == 0),
    };
    let (newobj, newargs) = if kw_empty {
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(cls);
        v.extend(args);
        (copyreg_attr(vm, "__newobj__")?, Tuple::alloc(v))
    } else {
        let kwargs = kwargs.unwrap_or(Value::None);
        (
            copyreg_attr(vm, "__newobj_ex__")?,
            Tuple::alloc(vec![cls, Value::Obj(Tuple::alloc(args)), kwargs]),
        )
    };
    let is_list = obj.downcast::<List>().is_some();
    let is_dict = obj.downcast::<Dict>().is_some();
    let state = getstate(vm, obj, !hasargs && !is_list && !is_dict)?;
    let listitems = if is_list { vm.iter(obj)? } else { Value::None };
    let dictitems = if is_dict {
        let items = vm.call_method(obj, "items", &[])?;
        vm.iter(&items)?
    } else {
        Value::None
    };
    Ok(Value::Obj(Tuple::alloc(vec![
        newobj,
        Value::Obj(newargs),
        state,
        listitems,
        dictitems,
    ])))
}

/// CPython's `_common_reduce`.
fn common_reduce(vm: &mut Vm, obj: &Value, protocol: i64) -> PyResult<Value> {
    if protocol >= 2 {
        reduce_newobj(vm, obj)
    } else {
        let f = copyreg_attr(vm, "_reduce_ex")?;
        vm.call(&f, &[obj.clone(), Value::Int(protocol)], None)
    }
}

/// `object.__reduce_ex__(protocol)`: an overriding `__reduce__` wins.
fn object_reduce_ex(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__reduce_ex__", args, kw, 2)?;
    let protocol = vm.index_i64(&a[1])?;
    if !is_object_default(vm, &a[0], "__reduce__") {
        return vm.call_method(&a[0], "__reduce__", &[]);
    }
    common_reduce(vm, &a[0], protocol)
}

/// `object.__reduce__()`: protocol 0's reduction (`copyreg._reduce_ex`).
fn object_reduce(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__reduce__", args, kw, 1)?;
    common_reduce(vm, &a[0], 0)
}

/// `object.__getstate__()`.
fn object_getstate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "__getstate__", args, kw, 1, 1)?;
    default_getstate(vm, &a[0], false)
}

/// The methods this file adds to `object`.
pub fn object_methods() -> [(&'static str, NativeFn); 3] {
    [
        ("__reduce_ex__", object_reduce_ex),
        ("__reduce__", object_reduce),
        ("__getstate__", object_getstate),
    ]
}

/// The builtin type named `name` in the `builtins` module.
fn builtin_type(vm: &mut Vm, name: &str) -> Option<ObjRef> {
    let m = Value::Obj(vm.builtins_module.clone());
    let n = intern(vm.token(), name);
    vm.getattr(&m, &n).ok()?.as_obj().cloned()
}

/// `__getnewargs__` of `int`, `float`, `str`, `tuple`, `bytes`: the value as
/// its exact builtin type, so that a subclass instance is rebuilt from it.
fn getnewargs_as_base(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__getnewargs__", args, kw, 1)?;
    let names = ["bool", "int", "float", "str", "tuple", "bytes"];
    for name in names {
        let Some(t) = builtin_type(vm, name) else {
            continue;
        };
        if name == "bool" {
            continue;
        }
        if crate::types::is_subtype(vm.token(), &a[0].type_ref(), &t) {
            let v = vm.call(&Value::Obj(t), std::slice::from_ref(&a[0]), None)?;
            return Ok(Value::Obj(Tuple::alloc(vec![v])));
        }
    }
    Err(PyErr::type_error("__getnewargs__: unsupported type"))
}

/// `complex.__getnewargs__()`: `(real, imag)`.
fn complex_getnewargs(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__getnewargs__", args, kw, 1)?;
    let re = intern(vm.token(), "real");
    let im = intern(vm.token(), "imag");
    let r = vm.getattr(&a[0], &re)?;
    let i = vm.getattr(&a[0], &im)?;
    Ok(Value::Obj(Tuple::alloc(vec![r, i])))
}

/// `set.__reduce__()` / `frozenset.__reduce__()`: `(type(s), (list(s),),
/// s.__dict__ or None)` (CPython's `set_reduce`).
fn set_reduce(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__reduce__", args, kw, 1)?;
    let items = vm.sequence_to_vec(&a[0])?;
    let state = existing_instance_dict(vm.token(), &a[0]).map_or(Value::None, Value::Obj);
    Ok(Value::Obj(Tuple::alloc(vec![
        Value::Obj(a[0].type_ref()),
        Value::Obj(Tuple::alloc(vec![Value::Obj(List::alloc(items))])),
        state,
    ])))
}

/// `range.__reduce__()` / `slice.__reduce__()`: `(type, (start, stop, step))`.
fn start_stop_step_reduce(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__reduce__", args, kw, 1)?;
    let mut parts = Vec::with_capacity(3);
    for name in ["start", "stop", "step"] {
        let n = intern(vm.token(), name);
        parts.push(vm.getattr(&a[0], &n)?);
    }
    Ok(Value::Obj(Tuple::alloc(vec![
        Value::Obj(a[0].type_ref()),
        Value::Obj(Tuple::alloc(parts)),
    ])))
}

/// Adds the reduction helpers of builtin types: `__getnewargs__` of the
/// immutable value types, `__reduce__` of sets, ranges and slices.
pub fn install_builtin_reducers(vm: &mut Vm) {
    let table: [(&str, &'static str, NativeFn); 10] = [
        ("int", "__getnewargs__", getnewargs_as_base),
        ("float", "__getnewargs__", getnewargs_as_base),
        ("str", "__getnewargs__", getnewargs_as_base),
        ("tuple", "__getnewargs__", getnewargs_as_base),
        ("bytes", "__getnewargs__", getnewargs_as_base),
        ("complex", "__getnewargs__", complex_getnewargs),
        ("set", "__reduce__", set_reduce),
        ("frozenset", "__reduce__", set_reduce),
        ("range", "__reduce__", start_stop_step_reduce),
        ("slice", "__reduce__", start_stop_step_reduce),
    ];
    for (tname, mname, f) in table {
        if let Some(t) = builtin_type(vm, tname) {
            crate::calls::add_method(vm.token(), &t, mname, f);
        }
    }
}
