//! `_decimal`, until a native port exists: CPython's pure-Python
//! `_pydecimal.py` run in a private namespace (`shim.py`, embedded, through
//! [`crate::standin`]), exporting the names the C module exports, with the
//! common differences a program can see between the two patched over:
//! `Decimal`, `Context` and the context manager carry C's static-type identity
//! ('decimal.Decimal' in messages, immutable classes); a trapped signal is
//! raised with C's list of signals as its argument
//! (`InvalidOperation([<class 'decimal.ConversionSyntax'>])`); `Context`
//! lists signals in C's order and validates its fields with C's messages; and
//! conversions of special values and of unsupported operands use C's
//! messages. `decimal.py` then takes these through its `from _decimal import *`.

use vm::{ObjRef, PyResult, Vm};

/// The module body (Python).
const SHIM_SOURCE: &str = include_str!("shim.py");

/// Creates `_decimal` by running the shim in the new module's namespace.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    crate::standin::create(
        vm,
        "_decimal",
        "C decimal arithmetic module",
        SHIM_SOURCE,
        "<frozen _decimal>",
    )
}
