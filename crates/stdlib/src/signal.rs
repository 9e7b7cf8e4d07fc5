//! `_signal` (CPython's `Modules/signalmodule.c`), the part `signal.py` and
//! asyncio use: the `SIG*` constants (values from the `libc` crate),
//! `signal`/`getsignal` keeping the Python-level handler table,
//! `default_int_handler`, `raise_signal`, `set_wakeup_fd`, `siginterrupt`,
//! `valid_signals`, `strsignal`.
//!
//! Krait doesn't install OS signal handlers yet: `signal()` records the
//! handler and returns the previous one as CPython does, so code that saves
//! and restores handlers (asyncio's runner) behaves the same, and
//! `raise_signal` runs it; a signal the process receives from elsewhere
//! doesn't run it.

use std::cell::RefCell;
use std::collections::HashMap;

use vm::builtins::list::List;
use vm::builtins::str::new_str;
use vm::calls::{exact_args, new_native_function, ArgSpec, NativeFn};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr};

/// `(name, value)` for each constant, the name being the `libc` item's.
macro_rules! libc_constants {
    ($($name:ident,)*) => {
        &[$((stringify!($name), libc::$name as i64),)*]
    };
}

/// The signal numbers and `pthread_sigmask`/`setitimer` constants.
const CONSTANTS: &[(&str, i64)] = libc_constants!(
    SIGHUP,
    SIGINT,
    SIGQUIT,
    SIGILL,
    SIGTRAP,
    SIGABRT,
    SIGIOT,
    SIGBUS,
    SIGFPE,
    SIGKILL,
    SIGUSR1,
    SIGSEGV,
    SIGUSR2,
    SIGPIPE,
    SIGALRM,
    SIGTERM,
    SIGSTKFLT,
    SIGCHLD,
    SIGCONT,
    SIGSTOP,
    SIGTSTP,
    SIGTTIN,
    SIGTTOU,
    SIGURG,
    SIGXCPU,
    SIGXFSZ,
    SIGVTALRM,
    SIGPROF,
    SIGWINCH,
    SIGIO,
    SIGPOLL,
    SIGPWR,
    SIGSYS,
    SIG_BLOCK,
    SIG_UNBLOCK,
    SIG_SETMASK,
    ITIMER_REAL,
    ITIMER_VIRTUAL,
    ITIMER_PROF,
);

/// One more than the highest signal number on Linux (the kernel's 64
/// signals), CPython's `NSIG`.
const NSIG: i64 = 65;

/// The real-time signals glibc keeps for its threads (32 and 33): not valid
/// for programs, so `SIGRTMIN` is 34 (glibc's `__libc_current_sigrtmin`).
const GLIBC_RESERVED: [i64; 2] = [32, 33];

/// `SIG_DFL` and `SIG_IGN`.
const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

thread_local! {
    /// The Python-level handler of each signal that has been given one.
    static HANDLERS: RefCell<HashMap<i64, Value>> = RefCell::new(HashMap::new());
    /// The descriptor `set_wakeup_fd` recorded, -1 for none.
    static WAKEUP_FD: std::cell::Cell<i64> = const { std::cell::Cell::new(-1) };
    /// `default_int_handler`, once the module exists.
    static DEFAULT_INT: RefCell<Option<Value>> = const { RefCell::new(None) };
}

fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let n = vm.index_i64(v)?;
    if !(1..NSIG).contains(&n) {
        return Err(PyErr::value_error("signal number out of range"));
    }
    Ok(n)
}

/// The handler CPython starts with: `default_int_handler` for `SIGINT`,
/// `SIG_IGN` for `SIGPIPE` and `SIGXFSZ` (ignored at startup), else `SIG_DFL`.
fn initial_handler(n: i64) -> Value {
    if n == i64::from(libc::SIGINT) {
        if let Some(h) = DEFAULT_INT.with(|d| d.borrow().clone()) {
            return h;
        }
    }
    if n == i64::from(libc::SIGPIPE) || n == i64::from(libc::SIGXFSZ) {
        return Value::Int(SIG_IGN);
    }
    Value::Int(SIG_DFL)
}

fn getsignal(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getsignal", args, kw, 1)?;
    let n = signum_arg(vm, &a[0])?;
    let h = HANDLERS.with(|h| h.borrow().get(&n).cloned());
    Ok(h.unwrap_or_else(|| initial_handler(n)))
}

fn signal(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "signal", args, kw, 2)?;
    let n = signum_arg(vm, &a[0])?;
    let handler = a[1].clone();
    let is_action = handler
        .as_int()
        .is_some_and(|_| matches!(vm.index_i64(&handler), Ok(SIG_DFL | SIG_IGN)));
    let callable = handler
        .type_ref()
        .downcast::<vm::types::TypeObject>()
        .and_then(|t| t.slots.call.get())
        .is_some();
    if !is_action && !callable {
        return Err(PyErr::type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    }
    if n == i64::from(libc::SIGKILL) || n == i64::from(libc::SIGSTOP) {
        return Err(crate::posix::errno_error(
            vm,
            i64::from(libc::EINVAL),
            None,
            None,
        ));
    }
    let old = HANDLERS.with(|h| h.borrow_mut().insert(n, handler));
    Ok(old.unwrap_or_else(|| initial_handler(n)))
}

/// `default_int_handler(signalnum, frame)`: raises `KeyboardInterrupt`.
fn default_int_handler(_vm: &mut Vm, _args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    Err(PyErr::new(ExcKind::KeyboardInterrupt, ""))
}

/// `set_wakeup_fd(fd, *, warn_on_full_buffer=True)`: records `fd` and
/// returns the previous one.
fn set_wakeup_fd(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, _named) = ArgSpec::parse(vm, "set_wakeup_fd", args, kw, ["warn_on_full_buffer"])?;
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "set_wakeup_fd() takes exactly 1 positional argument ({} given)",
            pos.len()
        )));
    }
    let fd = vm.index_i64(&pos[0])?;
    if fd != -1 {
        crate::posix::fds::file_of(vm, fd)?;
    }
    Ok(Value::Int(WAKEUP_FD.with(|w| w.replace(fd))))
}

/// `raise_signal(signalnum)`: a Python-level handler is called at once with
/// the signal number and the calling frame (where CPython runs it, the next
/// instruction); `SIG_IGN` does nothing; `SIG_DFL` sends the signal to the
/// process, so its default action (ending the process, or nothing) happens.
fn raise_signal(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "raise_signal", args, kw, 1)?;
    let n = signum_arg(vm, &a[0])?;
    let handler = HANDLERS
        .with(|h| h.borrow().get(&n).cloned())
        .unwrap_or_else(|| initial_handler(n));
    match handler {
        Value::Int(SIG_IGN) => Ok(Value::None),
        Value::Int(_) => {
            // Buffered output is lost if the process ends, as in CPython.
            let sig = i32::try_from(n)
                .ok()
                .and_then(rustix::process::Signal::from_named_raw);
            if let Some(sig) = sig {
                rustix::process::kill_process(rustix::process::getpid(), sig).map_err(|e| {
                    crate::posix::errno_error(vm, i64::from(e.raw_os_error()), None, None)
                })?;
            }
            Ok(Value::None)
        }
        h => {
            let sys = vm.import_module("sys")?;
            let frame = vm.call_method(&sys, "_getframe", &[])?;
            vm.call(&h, &[Value::Int(n), frame], None)?;
            Ok(Value::None)
        }
    }
}

/// `siginterrupt(signalnum, flag)`: checks its arguments (Krait installs no
/// OS handlers whose restart behaviour it would change).
fn siginterrupt(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "siginterrupt", args, kw, 2)?;
    signum_arg(vm, &a[0])?;
    vm.is_true(&a[1])?;
    Ok(Value::None)
}

/// `valid_signals()`: the set of signal numbers a program may use.
fn valid_signals(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "valid_signals", args, kw, 0)?;
    let items: Vec<Value> = (1..NSIG)
        .filter(|n| !GLIBC_RESERVED.contains(n))
        .map(Value::Int)
        .collect();
    let set_type = Value::Obj(vm::rt_types::rt().set.clone());
    vm.call(&set_type, &[Value::Obj(List::alloc(items))], None)
}

/// `strsignal(signalnum)`: glibc's description of the signal.
fn strsignal(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "strsignal", args, kw, 1)?;
    let n = signum_arg(vm, &a[0])?;
    let text = DESCRIPTIONS
        .iter()
        .find(|(s, _)| i64::from(*s) == n)
        .map(|(_, d)| *d);
    Ok(text.map_or(Value::None, new_str))
}

/// glibc's `strsignal` texts.
const DESCRIPTIONS: &[(i32, &str)] = &[
    (libc::SIGHUP, "Hangup"),
    (libc::SIGINT, "Interrupt"),
    (libc::SIGQUIT, "Quit"),
    (libc::SIGILL, "Illegal instruction"),
    (libc::SIGTRAP, "Trace/breakpoint trap"),
    (libc::SIGABRT, "Aborted"),
    (libc::SIGBUS, "Bus error"),
    (libc::SIGFPE, "Floating point exception"),
    (libc::SIGKILL, "Killed"),
    (libc::SIGUSR1, "User defined signal 1"),
    (libc::SIGSEGV, "Segmentation fault"),
    (libc::SIGUSR2, "User defined signal 2"),
    (libc::SIGPIPE, "Broken pipe"),
    (libc::SIGALRM, "Alarm clock"),
    (libc::SIGTERM, "Terminated"),
    (libc::SIGCHLD, "Child exited"),
    (libc::SIGCONT, "Continued"),
    (libc::SIGSTOP, "Stopped (signal)"),
    (libc::SIGTSTP, "Stopped"),
    (libc::SIGTTIN, "Stopped (tty input)"),
    (libc::SIGTTOU, "Stopped (tty output)"),
];

/// Creates the `_signal` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("getsignal", getsignal),
        ("signal", signal),
        ("set_wakeup_fd", set_wakeup_fd),
        ("valid_signals", valid_signals),
        ("strsignal", strsignal),
        ("raise_signal", raise_signal),
        ("siginterrupt", siginterrupt),
    ];
    let m = new_module(vm, "_signal", funcs);
    let dih = Value::Obj(new_native_function(
        "default_int_handler",
        default_int_handler,
    ));
    DEFAULT_INT.with(|d| *d.borrow_mut() = Some(dih.clone()));
    set_attr(vm, &m, "default_int_handler", dih);
    for (name, v) in CONSTANTS {
        set_attr(vm, &m, name, Value::Int(*v));
    }
    set_attr(vm, &m, "SIGCLD", Value::Int(i64::from(libc::SIGCHLD)));
    set_attr(vm, &m, "SIGRTMIN", Value::Int(GLIBC_RESERVED[1] + 1));
    set_attr(vm, &m, "SIGRTMAX", Value::Int(NSIG - 1));
    set_attr(vm, &m, "NSIG", Value::Int(NSIG));
    set_attr(vm, &m, "SIG_DFL", Value::Int(SIG_DFL));
    set_attr(vm, &m, "SIG_IGN", Value::Int(SIG_IGN));
    Ok(m)
}
