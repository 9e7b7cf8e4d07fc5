//! `_posixsubprocess` (CPython's `Modules/_posixsubprocess.c`), which
//! `subprocess` imports at start-up. Krait can't start child processes yet:
//! `fork_exec` raises `OSError(ENOSYS)` ("Function not implemented"), so
//! `import subprocess` (and asyncio, which imports it) works and running a
//! program fails with an `OSError` rather than at import time.

use vm::{ObjRef, PyResult, Value, Vm};

use crate::util::new_module;

/// `fork_exec(...)`: not supported (see the module documentation).
fn fork_exec(vm: &mut Vm, _args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    Err(crate::posix::errno_error(
        vm,
        i64::from(libc::ENOSYS),
        None,
        None,
    ))
}

/// Creates the `_posixsubprocess` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    Ok(new_module(
        vm,
        "_posixsubprocess",
        &[("fork_exec", fork_exec)],
    ))
}
