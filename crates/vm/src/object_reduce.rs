//! The pickle/copy protocol of `object` (CPython's `object___reduce_ex__`,
//! `object___reduce__`, `object___getstate__` and `reduce_newobj` in
//! `Objects/typeobject.c`): what `copy.copy`, `copy.deepcopy` and `pickle`
//! use for instances of user classes.

use crate::builtins::dict::Dict;
use crate::builtins::tuple::Tuple;
use crate::calls::{add_method, arg_range};
use crate::class_build::lookup_attr;
use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::{builtin_types, is_subtype, type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

fn attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    let n = crate::builtins::str::intern(vm.token(), name);
    vm.getattr(obj, &n)
}

/// `object.__getstate__(self)`: the instance `__dict__` when non-empty, else
/// `None`.
fn object_getstate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__getstate__", args, kw, 1)?;
    default_state(vm, &a[0])
}

fn default_state(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let t = obj.type_ref();
    if t.downcast::<TypeObject>()
        .is_some_and(|tt| tt.instance_slot_count() > 0)
    {
        return Err(PyErr::type_error(format!(
            "cannot pickle '{}' object",
            type_name(vm.token(), &t)
        )));
    }
    match lookup_attr(vm, obj, "__dict__")? {
        Some(d) if d.downcast::<Dict>().is_some_and(|d| d.len(vm.token()) > 0) => Ok(d),
        _ => Ok(Value::None),
    }
}

/// The object's state: its `__getstate__()` (CPython's `object_getstate`).
fn get_state(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    match lookup_attr(vm, obj, "__getstate__")? {
        Some(f) => vm.call(&f, &[], None),
        None => default_state(vm, obj),
    }
}

/// Protocol 2+: `(copyreg.__newobj__, (cls, *args), state, listitems,
/// dictitems)` (CPython's `reduce_newobj`).
fn reduce_newobj(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let cls = obj.type_ref();
    let (args, kwargs) = if let Some(f) = lookup_attr(vm, obj, "__getnewargs_ex__")? {
        let r = vm.call(&f, &[], None)?;
        let pair = r
            .downcast::<Tuple>()
            .map(|t| t.items(vm.token()).to_vec())
            .filter(|p| p.len() == 2);
        match pair {
            Some(p) => (p[0].clone(), Some(p[1].clone())),
            None => {
                return Err(PyErr::type_error(format!(
                    "__getnewargs_ex__ should return a tuple of length 2, not '{}'",
                    type_name(vm.token(), &r.type_ref())
                )))
            }
        }
    } else if let Some(f) = lookup_attr(vm, obj, "__getnewargs__")? {
        let r = vm.call(&f, &[], None)?;
        if r.downcast::<Tuple>().is_none() {
            return Err(PyErr::type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                type_name(vm.token(), &r.type_ref())
            )));
        }
        (r, None)
    } else {
        (Value::Obj(Tuple::alloc(Vec::new())), None)
    };
    let copyreg = vm.import_module("copyreg")?;
    let state = get_state(vm, obj)?;
    let bt = builtin_types();
    let listitems = if is_subtype(vm.token(), &cls, &bt.list) {
        vm.iter(obj)?
    } else {
        Value::None
    };
    let dictitems = if is_subtype(vm.token(), &cls, &bt.dict) {
        let items = vm.call_method(obj, "items", &[])?;
        vm.iter(&items)?
    } else {
        Value::None
    };
    let args_v = args
        .downcast::<Tuple>()
        .map(|t| t.items(vm.token()).to_vec())
        .unwrap_or_default();
    let (func, fargs) =
        match kwargs.filter(|k| k.downcast::<Dict>().is_some_and(|d| d.len(vm.token()) > 0)) {
            Some(kw) => (
                attr(vm, &copyreg, "__newobj_ex__")?,
                vec![Value::Obj(cls.clone()), args.clone(), kw],
            ),
            None => {
                let mut v = vec![Value::Obj(cls.clone())];
                v.extend(args_v);
                (attr(vm, &copyreg, "__newobj__")?, v)
            }
        };
    Ok(Value::Obj(Tuple::alloc(vec![
        func,
        Value::Obj(Tuple::alloc(fargs)),
        state,
        listitems,
        dictitems,
    ])))
}

/// `__reduce_ex__` / `__reduce__` for `protocol` (CPython's `_common_reduce`).
fn common_reduce(vm: &mut Vm, obj: &Value, protocol: i64) -> PyResult<Value> {
    if protocol >= 2 {
        return reduce_newobj(vm, obj);
    }
    let copyreg = vm.import_module("copyreg")?;
    let f = attr(vm, &copyreg, "_reduce_ex")?;
    vm.call(&f, &[obj.clone(), Value::Int(protocol)], None)
}

/// `object.__reduce__(self)`.
fn object_reduce(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__reduce__", args, kw, 1)?;
    common_reduce(vm, &a[0], 0)
}

/// `object.__reduce_ex__(self, protocol)`: an overriding `__reduce__` wins.
fn object_reduce_ex(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "__reduce_ex__", args, kw, 2, 2)?;
    let obj = a[0].clone();
    let protocol = match a[1] {
        Value::Int(i) => Some(i),
        Value::Bool(b) => Some(b as i64),
        _ => a[1].as_int().map(|_| i64::MAX),
    };
    let Some(protocol) = protocol else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(vm.token(), &a[1].type_ref())
        )));
    };
    let t = obj.type_ref();
    let key = Value::Obj(crate::builtins::str::static_name(vm.token(), "__reduce__"));
    let mine = t
        .downcast::<TypeObject>()
        .and_then(|tt| tt.lookup(vm.token(), &key));
    let base = builtin_types()
        .object
        .downcast::<TypeObject>()
        .and_then(|tt| tt.lookup(vm.token(), &key));
    if let (Some(m), Some(b)) = (mine, base) {
        if !m.is(&b) {
            let f = lookup_attr(vm, &obj, "__reduce__")?
                .ok_or_else(|| PyErr::type_error("__reduce__"))?;
            return vm.call(&f, &[], None);
        }
    }
    common_reduce(vm, &obj, protocol)
}

/// Adds `object.__reduce__`, `__reduce_ex__` and `__getstate__`.
pub fn install(vm: &mut Vm) {
    let o = builtin_types().object.clone();
    let tk = vm.token();
    add_method(tk, &o, "__reduce__", object_reduce);
    add_method(tk, &o, "__reduce_ex__", object_reduce_ex);
    add_method(tk, &o, "__getstate__", object_getstate);
}
