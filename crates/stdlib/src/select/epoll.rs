//! `select.epoll` (CPython's `pyEpoll_Object`), what
//! `selectors.EpollSelector` (the default selector on Linux) uses:
//! `register`/`modify`/`unregister`/`poll`/`close`/`fileno`/`closed`, and
//! the context-manager protocol. The epoll descriptor lives in the `posix`
//! descriptor table.

use std::cell::Cell;
use std::fs::File;
use std::os::fd::AsFd;
use std::sync::Arc;

use rustix::event::epoll::{self, CreateFlags, EventData, EventFlags};
use rustix::io::Errno;
use vm::builtins::list::List;
use vm::builtins::tuple::Tuple;
use vm::calls::{add_method, arg_range, exact_args, ArgSpec};
use vm::class::register_ctor;
use vm::methods::add_getter;
use vm::object::{Payload, PayloadKind, Token};
use vm::types::{new_native_type, TypeObject};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use super::poll::mask_arg;
use super::{errno_err, fd_of, seconds_arg, timespec_of};
use crate::posix::fds;
use crate::util::{set_attr, tname};

/// The payload of a `select.epoll` object: its descriptor, -1 once closed.
pub struct EpollObj {
    fd: Cell<i64>,
}

impl Payload for EpollObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
    fn traverse(&self, _t: &Token, _visit: &mut dyn FnMut(&Value)) {}
}

impl Drop for EpollObj {
    /// An epoll object freed while open closes its descriptor.
    fn drop(&mut self) {
        if let Ok(fd) = i32::try_from(self.fd.get()) {
            fds::forget(fd);
        }
    }
}

fn me<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a EpollObj> {
    v.downcast::<EpollObj>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'select.epoll' object but received a '{}'",
            tname(vm, v)
        ))
    })
}

/// The epoll descriptor's file, or CPython's "I/O operation on closed epoll
/// object".
fn epoll_file(vm: &mut Vm, e: &EpollObj) -> PyResult<Arc<File>> {
    if e.fd.get() < 0 {
        return Err(PyErr::value_error("I/O operation on closed epoll object"));
    }
    fds::file_of(vm, e.fd.get())
}

fn epoll_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, named) = ArgSpec::parse(vm, "epoll", args, kw, ["sizehint", "flags"])?;
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "epoll() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let sizehint = match pos.first().cloned().or_else(|| named[0].clone()) {
        Some(v) => vm.index_i64(&v)?,
        None => -1,
    };
    if sizehint == 0 || sizehint < -1 {
        return Err(PyErr::value_error("negative sizehint"));
    }
    let owned = epoll::create(CreateFlags::CLOEXEC).map_err(|e| errno_err(vm, e))?;
    let fd = fds::register(File::from(owned));
    Ok(Value::Obj(ObjRef::new(
        cls,
        EpollObj {
            fd: Cell::new(i64::from(fd)),
        },
    )))
}

/// Runs an `epoll_ctl` operation for descriptor argument `target`.
fn control(
    vm: &mut Vm,
    e: &EpollObj,
    target: &Value,
    op: impl FnOnce(&File, &File, u64) -> Result<(), Errno>,
) -> PyResult<Value> {
    let ep = epoll_file(vm, e)?;
    let fd = fd_of(vm, target)?;
    let f = fds::file_of(vm, fd)?;
    op(&ep, &f, fd as u64).map_err(|e| errno_err(vm, e))?;
    Ok(Value::None)
}

fn event_mask(vm: &mut Vm, v: Option<&Value>) -> PyResult<EventFlags> {
    let default = i64::from(libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT);
    let m = mask_arg(vm, v, default)?;
    Ok(EventFlags::from_bits_retain(m as u32))
}

fn register(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "register", args, kw, 2, 3)?;
    let e = me(vm, &a[0])?;
    let mask = event_mask(vm, a.get(2))?;
    control(vm, e, &a[1], |ep, f, fd| {
        epoll::add(ep.as_fd(), f.as_fd(), EventData::new_u64(fd), mask)
    })
}

fn modify(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "modify", args, kw, 3)?;
    let e = me(vm, &a[0])?;
    let mask = event_mask(vm, a.get(2))?;
    control(vm, e, &a[1], |ep, f, fd| {
        epoll::modify(ep.as_fd(), f.as_fd(), EventData::new_u64(fd), mask)
    })
}

fn unregister(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "unregister", args, kw, 2)?;
    let e = me(vm, &a[0])?;
    control(vm, e, &a[1], |ep, f, _| {
        epoll::delete(ep.as_fd(), f.as_fd())
    })
}

/// `poll(timeout=None, maxevents=-1)`: `[(fd, events), ...]`; the timeout is
/// in seconds, `None` or negative waiting forever.
fn poll(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, named) = ArgSpec::parse(vm, "poll", args, kw, ["timeout", "maxevents"])?;
    let Some(this) = pos.first() else {
        return Err(PyErr::type_error("poll() needs an epoll object"));
    };
    let e = me(vm, this)?;
    let timeout = match pos.get(1).cloned().or_else(|| named[0].clone()) {
        Some(v) => seconds_arg(vm, &v, "timeout")?,
        None => None,
    };
    let ts = timespec_of(timeout.filter(|t| *t >= 0.0))?;
    let max = match pos.get(2).cloned().or_else(|| named[1].clone()) {
        Some(v) => vm.index_i64(&v)?,
        None => -1,
    };
    let max = match max {
        -1 => 1024,
        m if m <= 0 => {
            return Err(PyErr::value_error(format!(
                "maxevents must be greater than 0, got {m}"
            )))
        }
        m => usize::try_from(m).unwrap_or(usize::MAX).min(1 << 16),
    };
    let ep = epoll_file(vm, e)?;
    let mut events: Vec<epoll::Event> = Vec::with_capacity(max);
    let got = epoll::wait(
        ep.as_fd(),
        rustix::buffer::spare_capacity(&mut events),
        ts.as_ref(),
    );
    if let Err(err) = got {
        return Err(errno_err(vm, err));
    }
    let out: Vec<Value> = events
        .iter()
        .map(|ev| {
            let flags = ev.flags;
            let data = ev.data;
            Value::Obj(Tuple::alloc(vec![
                Value::Int(data.u64() as i64),
                Value::Int(i64::from(flags.bits())),
            ]))
        })
        .collect();
    Ok(Value::Obj(List::alloc(out)))
}

fn close(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "close", args, kw, 1)?;
    let e = me(vm, &a[0])?;
    let fd = e.fd.replace(-1);
    if fd >= 0 {
        fds::close_fd(vm, fd)?;
    }
    Ok(Value::None)
}

fn fileno(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "fileno", args, kw, 1)?;
    let e = me(vm, &a[0])?;
    epoll_file(vm, e)?;
    Ok(Value::Int(e.fd.get()))
}

fn closed(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "closed", args, kw, 1)?;
    Ok(Value::Bool(me(vm, &a[0])?.fd.get() < 0))
}

fn enter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__enter__", args, kw, 1)?;
    let e = me(vm, &a[0])?;
    epoll_file(vm, e)?;
    Ok(a[0].clone())
}

fn exit(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "__exit__", args, kw, 1, 4)?;
    close(vm, &a[..1], None)
}

/// Adds the `epoll` type to module `m`.
pub(crate) fn install(vm: &mut Vm, m: &ObjRef) {
    let t = new_native_type(vm.token(), "epoll", EpollObj::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "select");
    }
    register_ctor(&t, epoll_new, false);
    for (name, f) in [
        ("register", register as vm::calls::NativeFn),
        ("modify", modify),
        ("unregister", unregister),
        ("poll", poll),
        ("close", close),
        ("fileno", fileno),
        ("__enter__", enter),
        ("__exit__", exit),
    ] {
        add_method(vm.token(), &t, name, f);
    }
    add_getter(vm.token(), &t, "closed", closed);
    set_attr(vm, m, "epoll", Value::Obj(t));
}
