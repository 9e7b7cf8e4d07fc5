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
fn getdefaultencoding(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "getdefaultencoding", args, kw, 0)?;
    Ok(new_str("utf-8"))
}

/// `sys.get_int_max_str_digits()`: CPython's default limit, 4300.
fn get_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "get_int_max_str_digits", args, kw, 0)?;
    Ok(Value::Int(4300))
}

/// A read-only record like `sys.float_info` (CPython's struct sequences),
/// here an instance of a class named `name` with the fields as attributes.
fn info_record(vm: &mut Vm, name: &str, fields: &[(&str, Value)]) -> Option<Value> {
    let meta = builtin_types().type_.clone();
    let cls = crate::types::new_class(vm.token(), &meta, name, vec![]).ok()?;
    if let Some(t) = cls.downcast::<crate::types::TypeObject>() {
        t.set_module(vm.token(), "sys");
    }
    let obj = crate::builtins::object::Instance::alloc(vm.token(), &cls).ok()?;
    let inst = obj.downcast::<crate::builtins::object::Instance>()?;
    let d = inst.dict(vm.token());
    let dd = d.downcast::<Dict>()?;
    for (k, v) in fields {
        let key = Value::Obj(intern_obj(
            vm.token(),
            crate::builtins::str::StrObj::alloc(k),
        ));
        dd.set(
            &mut crate::builtins::dict::NativeEq(vm.token()),
            key,
            v.clone(),
        )
        .ok()?;
    }
    Some(Value::Obj(obj))
}

/// Adds the attributes above to the `sys` module `mo` (`warnoptions` empty,
/// as CPython without `-W`).
pub fn install(vm: &mut Vm, mo: &ModuleObj) {
    let float_info = info_record(
        vm,
        "float_info",
        &[
            ("max", Value::Float(f64::MAX)),
            ("max_exp", Value::Int(f64::MAX_EXP as i64)),
            ("max_10_exp", Value::Int(f64::MAX_10_EXP as i64)),
            ("min", Value::Float(f64::MIN_POSITIVE)),
            ("min_exp", Value::Int(f64::MIN_EXP as i64)),
            ("min_10_exp", Value::Int(f64::MIN_10_EXP as i64)),
            ("dig", Value::Int(f64::DIGITS as i64)),
            ("mant_dig", Value::Int(f64::MANTISSA_DIGITS as i64)),
            ("epsilon", Value::Float(f64::EPSILON)),
            ("radix", Value::Int(2)),
            ("rounds", Value::Int(1)),
        ],
    );
    let int_info = info_record(
        vm,
        "int_info",
        &[
            ("bits_per_digit", Value::Int(30)),
            ("sizeof_digit", Value::Int(4)),
            ("default_max_str_digits", Value::Int(4300)),
            ("str_digits_check_threshold", Value::Int(640)),
        ],
    );
    let t = vm.token();
    let mut put = |name: &str, v: Value| mo.set(t, name, v);
    if let Some(f) = float_info {
        put("float_info", f);
    }
    if let Some(i) = int_info {
        put("int_info", i);
    }
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
        ("get_int_max_str_digits", get_int_max_str_digits),
    ] {
        put(name, Value::Obj(new_native_function(name, f)));
    }
}
