//! Helpers shared by the native modules: building a module object from a table
//! of functions and constants, and reading common argument kinds.

use vm::builtins::str::StrObj;
use vm::calls::{new_native_function, NativeFn};
use vm::module::ModuleObj;
use vm::types::type_name;
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

/// A new module `name` holding `funcs` as builtin functions.
pub fn new_module(vm: &mut Vm, name: &str, funcs: &[(&'static str, NativeFn)]) -> ObjRef {
    let m = ModuleObj::alloc(vm.token(), name);
    for (n, f) in funcs {
        set_attr(vm, &m, n, Value::Obj(new_native_function(n, *f)));
    }
    m
}

/// Sets `name` in module `m`'s namespace.
pub fn set_attr(vm: &mut Vm, m: &ObjRef, name: &str, v: Value) {
    if let Some(mo) = m.downcast::<ModuleObj>() {
        mo.set(vm.token(), name, v);
    }
}

/// The type name of `v` (for error messages).
pub fn tname(vm: &mut Vm, v: &Value) -> String {
    type_name(vm.token(), &v.type_ref())
}

/// The text of a `str` argument, or CPython's "must be str" `TypeError`.
#[allow(dead_code)]
pub fn str_arg(vm: &mut Vm, what: &str, v: &Value) -> PyResult<String> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s.text().to_string_lossy().into_owned()),
        None => Err(PyErr::type_error(format!(
            "{what} must be str, not {}",
            tname(vm, v)
        ))),
    }
}

/// A new exception class `module.name` deriving from `bases`, as
/// `PyErr_NewException` makes them.
pub fn new_exception_class(
    vm: &mut Vm,
    module: &str,
    name: &str,
    bases: &[ObjRef],
) -> PyResult<ObjRef> {
    let ns = ObjRef::new(
        &vm::types::builtin_types().dict,
        vm::builtins::dict::Dict::new(),
    );
    if let Some(d) = ns.downcast::<vm::builtins::dict::Dict>() {
        d.set(
            vm,
            vm::builtins::str::new_str("__module__"),
            vm::builtins::str::new_str(module),
        )?;
    }
    let type_obj = Value::Obj(vm::types::builtin_types().type_.clone());
    let bases = bases.iter().map(|b| Value::Obj(b.clone())).collect();
    let cls = vm.call(
        &type_obj,
        &[
            vm::builtins::str::new_str(name),
            Value::Obj(vm::builtins::tuple::Tuple::alloc(bases)),
            Value::Obj(ns),
        ],
        None,
    )?;
    match cls {
        Value::Obj(c) => Ok(c),
        _ => Err(PyErr::type_error("exception class creation failed")),
    }
}

/// An exception of class `cls` (made by [`new_exception_class`]) with
/// message `msg`; `kind` is its nearest builtin base.
pub fn exception_of(cls: &ObjRef, kind: vm::ExcKind, msg: &str) -> PyErr {
    PyErr::from_object(
        kind,
        vm::exceptions::ExceptionObj::alloc(cls, vec![vm::builtins::str::new_str(msg)]),
    )
}
