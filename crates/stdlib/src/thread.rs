//! The `_thread` module (CPython's `Modules/_threadmodule.c`) for a
//! single-threaded interpreter: `get_ident`, `lock` (`allocate_lock`) and
//! `RLock` that work without contention. Blocking on a lock this thread
//! already holds would wait forever; it raises `RuntimeError` instead.
//! `start_new_thread` raises `RuntimeError` ("can't start new thread").

use std::cell::Cell;

use vm::calls::{add_method, exact_args, ArgSpec, NativeFn};
use vm::class::register_ctor;
use vm::object::{Payload, PayloadKind};
use vm::types::{new_native_type, TypeObject};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr};

/// The payload of `_thread.lock` and `_thread.RLock`: the hold count (0 or 1
/// for a plain lock).
pub struct Lock {
    count: Cell<u64>,
    reentrant: bool,
}

impl Payload for Lock {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

fn lock_of(v: &Value) -> PyResult<&Lock> {
    v.downcast::<Lock>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_thread.lock' object"))
}

fn acquire(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [b, t]) = ArgSpec::parse(vm, "acquire", args, kw, ["blocking", "timeout"])?;
    let Some(me) = pos.first() else {
        return Err(PyErr::type_error("acquire() needs a lock"));
    };
    let blocking = match b.or_else(|| pos.get(1).cloned()) {
        Some(v) => vm.is_true(&v)?,
        None => true,
    };
    let timeout = match t.or_else(|| pos.get(2).cloned()) {
        Some(v) => crate::math::to_f64(vm, &v)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(PyErr::value_error(
            "can't specify a timeout for a non-blocking call",
        ));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(PyErr::value_error(
            "timeout value must be a non-negative number",
        ));
    }
    let l = lock_of(me)?;
    let n = l.count.get();
    if n == 0 || l.reentrant {
        l.count.set(n + 1);
        return Ok(Value::Bool(true));
    }
    if !blocking || timeout >= 0.0 {
        if timeout > 0.0 {
            vm.flush_stdout();
            std::thread::sleep(std::time::Duration::from_secs_f64(timeout.min(1e6)));
        }
        return Ok(Value::Bool(false));
    }
    Err(PyErr::runtime_error(
        "deadlock: blocking acquire of a lock this thread already holds",
    ))
}

fn release(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "release", args, kw, 1)?;
    let l = lock_of(&a[0])?;
    match l.count.get() {
        0 if l.reentrant => Err(PyErr::runtime_error("cannot release un-acquired lock")),
        0 => Err(PyErr::runtime_error("release unlocked lock")),
        n => {
            l.count.set(n - 1);
            Ok(Value::None)
        }
    }
}

fn exit(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    vm::calls::no_kwargs(vm, "__exit__", kw)?;
    let Some(me) = args.first() else {
        return Err(PyErr::type_error("__exit__() needs a lock"));
    };
    release(vm, std::slice::from_ref(me), None)
}

fn locked(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "locked", args, kw, 1)?;
    Ok(Value::Bool(lock_of(&a[0])?.count.get() > 0))
}

fn is_owned(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_is_owned", args, kw, 1)?;
    Ok(Value::Bool(lock_of(&a[0])?.count.get() > 0))
}

fn new_lock(cls: &ObjRef, reentrant: bool) -> Value {
    Value::Obj(ObjRef::new(
        cls,
        Lock {
            count: Cell::new(0),
            reentrant,
        },
    ))
}

fn rlock_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    vm::calls::no_kwargs(vm, "RLock", kw)?;
    let _ = args;
    Ok(new_lock(cls, true))
}

fn module_type(vm: &mut Vm, name: &str) -> PyResult<ObjRef> {
    let m = vm.import_module("_thread")?;
    let k = vm::builtins::str::intern(vm.token(), name);
    match vm.getattr(&m, &k)? {
        Value::Obj(t) => Ok(t),
        _ => Err(PyErr::runtime_error("_thread type missing")),
    }
}

fn allocate_lock(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "allocate_lock", args, kw, 0)?;
    let t = module_type(vm, "LockType")?;
    Ok(new_lock(&t, false))
}

/// `_thread._set_sentinel()`: a lock that CPython releases when the calling
/// thread's state is destroyed (threading's `_tstate_lock`); for the one
/// thread Krait runs Python on, a new unlocked lock.
fn set_sentinel(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "_set_sentinel", args, kw, 0)?;
    let t = module_type(vm, "LockType")?;
    Ok(new_lock(&t, false))
}

thread_local! {
    static IDENT_ANCHOR: u8 = const { 0 };
}

fn get_ident(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "get_ident", args, kw, 0)?;
    let id = IDENT_ANCHOR.with(|a| a as *const u8 as usize);
    Ok(Value::Int((id & (i64::MAX as usize)) as i64))
}

fn count(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "_count", args, kw, 0)?;
    Ok(Value::Int(0))
}

fn stack_size(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    vm::calls::arg_range(vm, "stack_size", args, kw, 0, 1)?;
    Ok(Value::Int(0))
}

fn start_new_thread(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let _ = (vm, args, kw);
    Err(PyErr::new(ExcKind::RuntimeError, "can't start new thread"))
}

fn daemon_threads_allowed(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "daemon_threads_allowed", args, kw, 0)?;
    Ok(Value::Bool(true))
}

fn lock_type(vm: &mut Vm, name: &str, reentrant: bool) -> ObjRef {
    let t = new_native_type(vm.token(), name, Lock::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "_thread");
    }
    if reentrant {
        register_ctor(&t, rlock_new, false);
    }
    let methods: [(&'static str, NativeFn); 7] = [
        ("acquire", acquire),
        ("acquire_lock", acquire),
        ("release", release),
        ("release_lock", release),
        ("__enter__", acquire),
        ("__exit__", exit),
        (
            if reentrant { "_is_owned" } else { "locked" },
            if reentrant { is_owned } else { locked },
        ),
    ];
    for (n, f) in methods {
        add_method(vm.token(), &t, n, f);
    }
    if !reentrant {
        add_method(vm.token(), &t, "locked_lock", locked);
    }
    t
}

/// Creates the `_thread` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("_set_sentinel", set_sentinel),
        ("get_ident", get_ident),
        ("get_native_id", get_ident),
        ("_count", count),
        ("stack_size", stack_size),
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("daemon_threads_allowed", daemon_threads_allowed),
    ];
    let m = new_module(vm, "_thread", funcs);
    let lock = lock_type(vm, "lock", false);
    let rlock = lock_type(vm, "RLock", true);
    set_attr(vm, &m, "LockType", Value::Obj(lock));
    set_attr(vm, &m, "RLock", Value::Obj(rlock));
    set_attr(vm, &m, "TIMEOUT_MAX", Value::Float(9_223_372_036.0));
    let rt = vm::exceptions::exc_class(ExcKind::RuntimeError);
    set_attr(vm, &m, "error", Value::Obj(rt));
    Ok(m)
}
