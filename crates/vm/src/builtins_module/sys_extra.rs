//! Further `sys` attributes the standard library reads at import time
//! (CPython's `Python/sysmodule.c`): `warnoptions`, `_xoptions`, `intern`,
//! `audit`, the file-system and default encodings.

use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::str::{intern_obj, new_str, StrObj};
use crate::calls::{exact_args, new_native_function};
use crate::error::{PyErr, PyResult};
use crate::module::ModuleObj;
use crate::object::ObjRef;
use crate::types::{builtin_types, type_name};
use crate::value::Value;
use crate::vm::Vm;

/// `sys.intern(s)`: the interned copy of an exact `str`.
fn intern(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "intern", args, kw, 1)?;
    match a[0].as_obj().filter(|o| o.downcast::<StrObj>().is_some()) {
        Some(o) => Ok(Value::Obj(intern_obj(vm.token(), o.clone()))),
        None => Err(PyErr::type_error(format!(
            "intern() argument must be str, not {}",
            type_name(vm.token(), &a[0].type_ref())
        ))),
    }
}

/// `sys.audit(event, *args)`: no audit hooks are installed, so a no-op.
fn audit(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error(
            "audit() missing 1 required positional argument: 'event'",
        ));
    }
    Ok(Value::None)
}

/// `sys.getfilesystemencoding()`: `'utf-8'` (CPython's UTF-8 locale default).
fn getfilesystemencoding(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "getfilesystemencoding", args, kw, 0)?;
    Ok(new_str("utf-8"))
}

/// `sys.getfilesystemencodeerrors()`: `'surrogateescape'`.
fn getfilesystemencodeerrors(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "getfilesystemencodeerrors", args, kw, 0)?;
    Ok(new_str("surrogateescape"))
}

/// `sys.getdefaultencoding()`: `'utf-8'`.
/// `sys.is_finalizing()`: whether the interpreter is shutting down; Python
/// code only runs before that here, so `False`.
fn is_finalizing(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "is_finalizing", args, kw, 0)?;
    Ok(Value::Bool(false))
}

fn getdefaultencoding(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "getdefaultencoding", args, kw, 0)?;
    Ok(new_str("utf-8"))
}

/// `sys.get_int_max_str_digits()`: CPython's default limit, 4300.
fn get_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "get_int_max_str_digits", args, kw, 0)?;
    Ok(Value::Int(4300))
}

/// Adds the attributes above to the `sys` module `mo` (`warnoptions` empty,
/// as CPython without `-W`).
pub fn install(vm: &mut Vm, mo: &ModuleObj) {
    let t = vm.token();
    let mut put = |name: &str, v: Value| mo.set(t, name, v);
    put("warnoptions", Value::Obj(List::alloc(vec![])));
    put(
        "_xoptions",
        Value::Obj(ObjRef::new(&builtin_types().dict, Dict::new())),
    );
    for (name, f) in [
        ("intern", intern as crate::calls::NativeFn),
        ("audit", audit),
        ("getfilesystemencoding", getfilesystemencoding),
        ("getfilesystemencodeerrors", getfilesystemencodeerrors),
        ("getdefaultencoding", getdefaultencoding),
        ("is_finalizing", is_finalizing),
        ("get_int_max_str_digits", get_int_max_str_digits),
    ] {
        put(name, Value::Obj(new_native_function(name, f)));
    }
}
