//! `sys` functions about the running VM (CPython's `Python/sysmodule.c`):
//! `excepthook`/`__excepthook__`, `getrefcount`, `getsizeof`,
//! `settrace`/`gettrace` (stored; no trace events yet), and the uncaught
//! exception path through a replaced `sys.excepthook`.

use std::io::Write;

use crate::builtins::dict::Dict;
use crate::builtins::str::intern;
use crate::calls::{arg_range, exact_args, NativeFn};
use crate::error::{PyErr, PyResult};
use crate::exceptions::ExceptionObj;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// `sys.excepthook(type, value, traceback)` / `sys.__excepthook__`: prints
/// the exception and its traceback to stderr (CPython's `sys_excepthook_impl`).
fn excepthook(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "excepthook", args, kw, 3)?;
    if let Some(exc) = a[1]
        .as_obj()
        .filter(|o| o.downcast::<ExceptionObj>().is_some())
    {
        let mut err = vm.err_from_object(exc.clone());
        vm.flush_stdout();
        let text = vm.format_exception(&mut err);
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
    Ok(Value::None)
}

/// `sys.getrefcount(obj)`: the object's reference count, plus the argument's
/// own reference, as CPython reports it.
fn getrefcount(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getrefcount", args, kw, 1)?;
    Ok(Value::Int(match a[0].as_obj() {
        Some(o) => o.refcount() as i64,
        None => 1 << 30,
    }))
}

/// `sys.getsizeof(obj[, default])`: `obj.__sizeof__()` plus the GC header,
/// or an estimate from `len` for objects without `__sizeof__`.
fn getsizeof(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "getsizeof", args, kw, 1, 2)?;
    let name = intern(vm.token(), "__sizeof__");
    if let Ok(m) = vm.getattr(&a[0], &name) {
        if let Ok(Value::Int(n)) = vm.call(&m, &[], None) {
            return Ok(Value::Int(n.saturating_add(16)));
        }
    }
    let base: i64 = match &a[0] {
        Value::None | Value::Bool(_) => 24,
        Value::Int(_) => 28,
        Value::Float(_) => 24,
        _ => 56,
    };
    let n = match a[0].as_obj() {
        Some(_) => vm.len(&a[0]).map(|n| n as i64).unwrap_or(0),
        None => 0,
    };
    Ok(Value::Int(base + 8 * n))
}

/// `sys.settrace(func)`: stored for `sys.gettrace()` (trace events are not
/// generated yet).
fn settrace(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "settrace", args, kw, 1)?;
    vm.trace_func = match &a[0] {
        Value::None => None,
        f => Some(f.clone()),
    };
    Ok(Value::None)
}

/// `sys.gettrace()`.
fn gettrace(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "gettrace", args, kw, 0)?;
    Ok(vm.trace_func.clone().unwrap_or(Value::None))
}

fn sys_module(vm: &mut Vm) -> Option<Value> {
    let key = Value::Obj(intern(vm.token(), "sys"));
    let modules = vm.modules.clone();
    modules.downcast::<Dict>()?.get_str(vm.token(), &key)
}

fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let m = sys_module(vm)?;
    let n = intern(vm.token(), name);
    vm.getattr(&m, &n).ok()
}

impl Vm {
    /// Calls the trace function with the "call" event for the frame just
    /// pushed (CPython's `call_trace_protected` for `PyTrace_CALL`); tracing
    /// is off while the trace function runs.
    pub(crate) fn trace_call_event(&mut self) -> PyResult<()> {
        let Some(tracer) = self.trace_func.take() else {
            return Ok(());
        };
        let fi = self.frames.len().saturating_sub(1);
        let frame = self.frame_object(fi).map_or(Value::None, Value::Obj);
        let event = crate::builtins::str::new_str("call");
        let r = self.call(&tracer, &[frame, event, Value::None], None);
        if self.trace_func.is_none() {
            self.trace_func = Some(tracer);
        }
        r.map(|_| ())
    }

    /// Hands an uncaught exception to a replaced `sys.excepthook` (CPython's
    /// `_PyErr_PrintEx`): `true` if the hook ran; a failing hook is reported
    /// as CPython does ("Error in sys.excepthook:").
    pub(crate) fn run_excepthook(&mut self, err: &mut PyErr) -> bool {
        let (Some(hook), Some(orig)) = (
            sys_attr(self, "excepthook"),
            sys_attr(self, "__excepthook__"),
        ) else {
            return false;
        };
        if hook
            .as_obj()
            .zip(orig.as_obj())
            .is_some_and(|(a, b)| a.is(b))
        {
            return false;
        }
        let exc = self.exc_object(err);
        let tb = exc
            .downcast::<ExceptionObj>()
            .map(|x| x.traceback.borrow(self.token()).clone())
            .unwrap_or(Value::None);
        let args = [Value::Obj(exc.type_ref()), Value::Obj(exc.clone()), tb];
        if let Err(mut e) = self.call(&hook, &args, None) {
            self.flush_stdout();
            let _ = writeln!(std::io::stderr(), "Error in sys.excepthook:");
            let text = self.format_exception(&mut e);
            let _ = std::io::stderr().write_all(text.as_bytes());
            let _ = writeln!(std::io::stderr(), "\nOriginal exception was:");
            let text = self.format_exception(err);
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
        self.flush_stdout();
        true
    }
}

/// The functions of this file, for the `sys` module.
pub fn functions() -> [(&'static str, NativeFn); 7] {
    [
        ("excepthook", excepthook),
        ("__excepthook__", excepthook),
        ("getrefcount", getrefcount),
        ("getsizeof", getsizeof),
        ("settrace", settrace),
        ("gettrace", gettrace),
        ("_getframe", crate::frameobj::sys_getframe),
    ]
}
