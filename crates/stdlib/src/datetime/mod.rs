//! `_datetime`, until a native port exists: CPython's pure-Python
//! `datetime.py` run in a private namespace (`shim.py`, embedded), exporting
//! its classes with the C module's visible differences patched (range-check
//! messages such as "day is out of range for month", and
//! `datetime.IsoCalendarDate(...)` as the repr of `isocalendar()`).
//! `datetime.py` then takes these classes through its `from _datetime import *`.

use vm::builtins::str::{intern, new_str};
use vm::module::ModuleObj;
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

/// The module body (Python).
const SHIM_SOURCE: &str = include_str!("shim.py");

/// Creates `_datetime` by running the shim in the new module's namespace.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = ModuleObj::alloc(vm.token(), "_datetime");
    let Some(dict) = m.downcast::<ModuleObj>().map(|mo| mo.dict.clone()) else {
        return Err(PyErr::type_error("_datetime: module without a namespace"));
    };
    crate::util::set_attr(
        vm,
        &m,
        "__doc__",
        new_str("Fast implementation of the datetime type."),
    );
    let builtins = Value::Obj(vm.builtins_module().clone());
    crate::util::set_attr(vm, &m, "__builtins__", builtins.clone());
    let key = intern(vm.token(), "compile");
    let compile = vm.getattr(&builtins, &key)?;
    let code = vm.call(
        &compile,
        &[
            new_str(SHIM_SOURCE),
            new_str("<frozen _datetime>"),
            new_str("exec"),
        ],
        None,
    )?;
    let key = intern(vm.token(), "exec");
    let exec = vm.getattr(&builtins, &key)?;
    vm.call(&exec, &[code, Value::Obj(dict)], None)?;
    Ok(m)
}
