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
