//! `_datetime`, until a native port exists: CPython's pure-Python
//! `datetime.py` run in a private namespace (`shim.py`, embedded, through
//! [`crate::standin`]), exporting its classes with the C module's visible
//! differences patched (range-check messages such as "day is out of range
//! for month", `datetime.IsoCalendarDate(...)` as the repr of
//! `isocalendar()`, and the classes' static-type identity: messages say
//! 'datetime.date', and the classes are immutable). `datetime.py` then takes
//! these classes through its `from _datetime import *`.

use vm::{ObjRef, PyResult, Vm};

/// The module body (Python).
const SHIM_SOURCE: &str = include_str!("shim.py");

/// Creates `_datetime` by running the shim in the new module's namespace.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    crate::standin::create(
        vm,
        "_datetime",
        "Fast implementation of the datetime type.",
        SHIM_SOURCE,
        "<frozen _datetime>",
    )
}
