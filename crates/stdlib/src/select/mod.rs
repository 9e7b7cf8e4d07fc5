//! The `select` module (CPython's `Modules/selectmodule.c`): `select()`, the
//! `poll` and `epoll` objects `selectors` uses, and the `POLL*`/`EPOLL*`
//! constants (values from the `libc` crate). Descriptors are looked up in the
//! `posix` descriptor table, so any descriptor Krait opened can be waited on.

mod epoll;
mod poll;

use std::fs::File;
use std::sync::Arc;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec};
use rustix::io::Errno;
use vm::builtins::list::List;
use vm::builtins::tuple::Tuple;
use vm::calls::arg_range;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::posix::fds;
use crate::util::{new_module, set_attr, tname};

/// `(name, value)` for each constant, the name being the `libc` item's.
macro_rules! libc_constants {
    ($($name:ident,)*) => {
        &[$((stringify!($name), libc::$name as u32 as i64),)*]
    };
}

/// The `POLL*` and `EPOLL*` constants of `select`.
const CONSTANTS: &[(&str, i64)] = libc_constants!(
    POLLIN,
    POLLPRI,
    POLLOUT,
    POLLERR,
    POLLHUP,
    POLLNVAL,
    POLLRDNORM,
    POLLRDBAND,
    POLLWRNORM,
    POLLWRBAND,
    POLLRDHUP,
    EPOLLIN,
    EPOLLPRI,
    EPOLLOUT,
    EPOLLERR,
    EPOLLHUP,
    EPOLLRDNORM,
    EPOLLRDBAND,
    EPOLLWRNORM,
    EPOLLWRBAND,
    EPOLLMSG,
    EPOLLRDHUP,
    EPOLLET,
    EPOLLONESHOT,
    EPOLLEXCLUSIVE,
    EPOLL_CLOEXEC,
    PIPE_BUF,
);

/// The descriptor number of `v`: an int, or what its `fileno()` returns
/// (CPython's `PyObject_AsFileDescriptor`).
pub(crate) fn fd_of(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let fd = if v.as_int().is_some() {
        vm.index_i64(v)?
    } else {
        let r = vm.call_method(v, "fileno", &[]).map_err(|e| {
            if e.is_kind(ExcKind::AttributeError) {
                PyErr::type_error("argument must be an int, or have a fileno() method.")
            } else {
                e
            }
        })?;
        if r.as_int().is_none() {
            return Err(PyErr::type_error("fileno() returned a non-integer"));
        }
        vm.index_i64(&r)?
    };
    if fd < 0 {
        return Err(PyErr::value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    Ok(fd)
}

/// The OS error for `e` (`InterruptedError`, `OSError`...).
pub(crate) fn errno_err(vm: &mut Vm, e: Errno) -> PyErr {
    crate::posix::errno_error(vm, i64::from(e.raw_os_error()), None, None)
}

/// A timeout in seconds as a `Timespec` (`None`: wait forever), with
/// CPython's checks.
pub(crate) fn timespec_of(secs: Option<f64>) -> PyResult<Option<Timespec>> {
    let Some(s) = secs else {
        return Ok(None);
    };
    if s.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Ok(Some(Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        }));
    }
    if s > 1e12 {
        return Err(PyErr::new(ExcKind::OverflowError, "timeout is too large"));
    }
    Ok(Some(
        Timespec::try_from(Duration::from_secs_f64(s)).unwrap_or(Timespec {
            tv_sec: i64::MAX,
            tv_nsec: 0,
        }),
    ))
}

/// Seconds from a number argument (`None` stays `None`).
pub(crate) fn seconds_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Option<f64>> {
    match v {
        Value::None => Ok(None),
        Value::Float(f) => Ok(Some(*f)),
        _ if v.as_int().is_some() => Ok(Some(vm.index_i64(v)? as f64)),
        _ => Err(PyErr::type_error(format!(
            "{what} must be an integer or float, not {}",
            tname(vm, v)
        ))),
    }
}

/// The items of a list/tuple/iterable argument.
fn items_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    let it = vm.iter(v)?;
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        out.push(x);
    }
    Ok(out)
}

/// `select(rlist, wlist, xlist[, timeout])`: the ready subsets of the three
/// lists (done with `poll(2)`, which has no descriptor-number limit).
fn select(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "select", args, kw, 3, 4)?;
    let timeout = match a.get(3) {
        Some(v) => seconds_arg(vm, v, "timeout")?,
        None => None,
    };
    if timeout.is_some_and(|t| t < 0.0) {
        return Err(PyErr::value_error("timeout must be non-negative"));
    }
    let ts = timespec_of(timeout)?;
    let lists = [
        items_of(vm, &a[0])?,
        items_of(vm, &a[1])?,
        items_of(vm, &a[2])?,
    ];
    let wanted = [PollFlags::IN, PollFlags::OUT, PollFlags::PRI];
    // One entry per (list, object): the object, its file and the events.
    let mut entries: Vec<(usize, Value, Arc<File>)> = Vec::new();
    for (which, list) in lists.iter().enumerate() {
        for obj in list {
            let fd = fd_of(vm, obj)?;
            let f = fds::file_of(vm, fd)?;
            entries.push((which, obj.clone(), f));
        }
    }
    let revents: Vec<PollFlags> = loop {
        let mut pfds: Vec<PollFd<'_>> = entries
            .iter()
            .map(|(w, _, f)| PollFd::new(f.as_ref(), wanted[*w]))
            .collect();
        // Retried when a signal interrupts the wait (PEP 475).
        match rustix::event::poll(&mut pfds, ts.as_ref()) {
            Ok(_) => break pfds.iter().map(PollFd::revents).collect(),
            Err(Errno::INTR) => {}
            Err(e) => return Err(errno_err(vm, e)),
        }
    };
    let mut out: [Vec<Value>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let ready_for = [
        PollFlags::IN | PollFlags::HUP | PollFlags::ERR,
        PollFlags::OUT | PollFlags::ERR,
        PollFlags::PRI,
    ];
    for ((w, obj, _), ev) in entries.iter().zip(&revents) {
        if ev.intersects(ready_for[*w]) {
            out[*w].push(obj.clone());
        }
    }
    let [r, w, x] = out;
    Ok(Value::Obj(Tuple::alloc(vec![
        Value::Obj(List::alloc(r)),
        Value::Obj(List::alloc(w)),
        Value::Obj(List::alloc(x)),
    ])))
}

/// Creates the `select` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = new_module(vm, "select", &[("select", select)]);
    for (name, v) in CONSTANTS {
        set_attr(vm, &m, name, Value::Int(*v));
    }
    let os_error = vm::exceptions::exc_class(ExcKind::OSError);
    set_attr(vm, &m, "error", Value::Obj(os_error));
    poll::install(vm, &m);
    epoll::install(vm, &m);
    Ok(m)
}
