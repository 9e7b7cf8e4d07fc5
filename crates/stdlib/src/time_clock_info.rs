//! `time.get_clock_info(name)` (CPython's `time_get_clock_info`): a
//! `types.SimpleNamespace` describing the clock behind `time()`,
//! `monotonic()`, `perf_counter()`, `process_time()` or `thread_time()`, as
//! CPython reports them on Linux (all `clock_gettime`, nanosecond resolution).

use vm::builtins::str::{new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::exact_args;
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::tname;

/// Each clock's `clock_gettime` clock id name, whether it is monotonic and
/// whether it is adjustable.
const CLOCKS: &[(&str, &str, bool, bool)] = &[
    ("time", "CLOCK_REALTIME", false, true),
    ("monotonic", "CLOCK_MONOTONIC", true, false),
    ("perf_counter", "CLOCK_MONOTONIC", true, false),
    ("process_time", "CLOCK_PROCESS_CPUTIME_ID", true, false),
    ("thread_time", "CLOCK_THREAD_CPUTIME_ID", true, false),
];

/// `get_clock_info(name)`.
pub(crate) fn get_clock_info(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "get_clock_info", args, kw, 1)?;
    let Some(name) = a[0].downcast::<StrObj>().and_then(StrObj::as_str) else {
        return Err(PyErr::type_error(format!(
            "get_clock_info() argument 1 must be str, not {}",
            tname(vm, &a[0])
        )));
    };
    let Some(&(_, id, monotonic, adjustable)) = CLOCKS.iter().find(|c| c.0 == name) else {
        return Err(PyErr::value_error("unknown clock"));
    };
    let types = vm.import_module("types")?;
    let key = vm::builtins::str::intern(vm.token(), "SimpleNamespace");
    let ns = vm.getattr(&types, &key)?;
    let names = Tuple::alloc(
        ["implementation", "monotonic", "adjustable", "resolution"]
            .iter()
            .map(|n| new_str(n))
            .collect(),
    );
    let values = [
        new_str(&format!("clock_gettime({id})")),
        Value::Bool(monotonic),
        Value::Bool(adjustable),
        Value::Float(1e-9),
    ];
    vm.call(&ns, &values, Some(&names))
}
