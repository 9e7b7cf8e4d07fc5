//! Native-module stand-ins written in Python: a module such as `_decimal` or
//! `_datetime` whose body is an embedded Python program that runs CPython's
//! pure-Python twin of the C module (`_pydecimal.py`, `datetime.py`) privately
//! and exports its classes.
//!
//! While the body runs, its namespace holds two private helpers, removed
//! afterwards:
//! - `_static_type(cls, dotted_name, subclassable=True)` gives a class the
//!   identity of a CPython static type
//!   ([`vm::types::give_static_identity`]): messages print `dotted_name`
//!   ("decimal.Decimal"), `__module__` is its prefix, `__name__` and
//!   `__qualname__` stay, the class becomes immutable, and final unless
//!   `subclassable`. Call it last, once the body has finished patching the
//!   class.
//! - `_hide_frames(code)` marks a code object (and those nested in it) as
//!   standing for C code: its frames add no traceback entries
//!   ([`vm::code::hide_from_tracebacks`]). The body's own code is marked.

use vm::builtins::dict::Dict;
use vm::builtins::str::{intern, new_str, StrObj};
use vm::calls::new_native_function;
use vm::module::ModuleObj;
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

/// The names of the private helpers in the body's namespace.
const STATIC_TYPE_HELPER: &str = "_static_type";
const HIDE_FRAMES_HELPER: &str = "_hide_frames";

/// `_static_type(cls, dotted_name, subclassable=True)` (positional): gives
/// `cls` a C type's identity.
fn static_type(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (cls, name, subclassable) = match args {
        [cls, name] => (cls, name, true),
        [cls, name, sub] => (cls, name, vm.is_true(sub)?),
        _ => {
            return Err(PyErr::type_error(format!(
                "{STATIC_TYPE_HELPER}() takes 2 or 3 arguments ({} given)",
                args.len()
            )))
        }
    };
    let Some(cls) = cls.as_obj() else {
        return Err(PyErr::type_error(
            "_static_type() argument 1 must be a type",
        ));
    };
    let Some(name) = name
        .downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
    else {
        return Err(PyErr::type_error("_static_type() argument 2 must be str"));
    };
    vm::types::give_static_identity(vm.token(), cls, &name, subclassable)?;
    Ok(Value::None)
}

/// `_hide_frames(code)`: frames running `code` add no traceback entries.
fn hide_frames(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    match args {
        [code] if code.downcast::<vm::code::CodeObj>().is_some() => {
            if let Some(c) = code.as_obj() {
                vm::code::hide_from_tracebacks(c);
            }
            Ok(Value::None)
        }
        _ => Err(PyErr::type_error(format!(
            "{HIDE_FRAMES_HELPER}() takes one code object"
        ))),
    }
}

/// Creates module `name` (with docstring `doc`) by running `source` (reported
/// as `filename`) in its namespace, with `_static_type` available while it
/// runs.
pub fn create(
    vm: &mut Vm,
    name: &str,
    doc: &str,
    source: &str,
    filename: &str,
) -> PyResult<ObjRef> {
    let m = ModuleObj::alloc(vm.token(), name);
    let Some(dict) = m.downcast::<ModuleObj>().map(|mo| mo.dict.clone()) else {
        return Err(PyErr::type_error(format!(
            "{name}: module without a namespace"
        )));
    };
    crate::util::set_attr(vm, &m, "__doc__", new_str(doc));
    let builtins = Value::Obj(vm.builtins_module().clone());
    let helper = new_native_function(STATIC_TYPE_HELPER, static_type);
    crate::util::set_attr(vm, &m, STATIC_TYPE_HELPER, Value::Obj(helper));
    let helper = new_native_function(HIDE_FRAMES_HELPER, hide_frames);
    crate::util::set_attr(vm, &m, HIDE_FRAMES_HELPER, Value::Obj(helper));
    let key = intern(vm.token(), "compile");
    let compile = vm.getattr(&builtins, &key)?;
    let code = vm.call(
        &compile,
        &[new_str(source), new_str(filename), new_str("exec")],
        None,
    )?;
    if let Some(c) = code.as_obj() {
        vm::code::hide_from_tracebacks(c);
    }
    let key = intern(vm.token(), "exec");
    let exec = vm.getattr(&builtins, &key)?;
    vm.call(&exec, &[code, Value::Obj(dict.clone())], None)?;
    // Neither the helper nor `exec`'s `__builtins__` is part of the module
    // (the body's functions keep the builtins they were created with).
    if let Some(d) = dict.downcast::<Dict>() {
        for name in [STATIC_TYPE_HELPER, HIDE_FRAMES_HELPER, "__builtins__"] {
            let key = Value::Obj(intern(vm.token(), name));
            d.pop(vm, &key)?;
        }
    }
    Ok(m)
}
