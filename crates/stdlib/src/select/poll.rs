//! `select.poll()` objects (CPython's `pollObject`): a set of descriptors
//! with event masks, waited on with `poll(2)`; `poll(timeout_ms)` answers
//! `[(fd, revents), ...]` in registration order.

use std::cell::RefCell;
use std::fs::File;
use std::sync::Arc;

use rustix::event::{PollFd, PollFlags};
use vm::builtins::list::List;
use vm::builtins::tuple::Tuple;
use vm::calls::{add_method, arg_range, exact_args, new_native_function};
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::types::{new_native_type, TypeObject};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use super::{errno_err, fd_of, seconds_arg, timespec_of};
use crate::posix::fds;
use crate::util::{set_attr, tname};

/// The payload of a `select.poll` object.
pub struct PollObj {
    /// `(fd, events)` in registration order.
    fds: PyCell<Vec<(i64, u16)>>,
}

impl Payload for PollObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
    fn traverse(&self, _t: &Token, _visit: &mut dyn FnMut(&Value)) {}
}

fn me<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PollObj> {
    v.downcast::<PollObj>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'select.poll' object but received a '{}'",
            tname(vm, v)
        ))
    })
}

/// An event mask argument (an unsigned short, as CPython checks).
pub(crate) fn mask_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => vm.index_i64(v),
    }
}

fn short_mask(vm: &mut Vm, v: Option<&Value>) -> PyResult<u16> {
    let default = i64::from(libc::POLLIN | libc::POLLPRI | libc::POLLOUT);
    let m = mask_arg(vm, v, default)?;
    u16::try_from(m).map_err(|_| {
        PyErr::new(
            ExcKind::OverflowError,
            if m < 0 {
                "Python int too large for C unsigned short"
            } else {
                "signed short integer is greater than maximum"
            },
        )
    })
}

fn register(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "register", args, kw, 2, 3)?;
    let p = me(vm, &a[0])?;
    let fd = fd_of(vm, &a[1])?;
    let mask = short_mask(vm, a.get(2))?;
    let set = p.fds.borrow_mut(vm.token());
    match set.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = mask,
        None => set.push((fd, mask)),
    }
    Ok(Value::None)
}

fn modify(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "modify", args, kw, 3)?;
    let p = me(vm, &a[0])?;
    let fd = fd_of(vm, &a[1])?;
    let mask = short_mask(vm, a.get(2))?;
    let found = p
        .fds
        .borrow_mut(vm.token())
        .iter_mut()
        .find(|(f, _)| *f == fd)
        .map(|entry| entry.1 = mask)
        .is_some();
    if !found {
        return Err(super::errno_err(vm, rustix::io::Errno::NOENT));
    }
    Ok(Value::None)
}

fn unregister(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "unregister", args, kw, 2)?;
    let p = me(vm, &a[0])?;
    let fd = fd_of(vm, &a[1])?;
    let set = p.fds.borrow_mut(vm.token());
    let Some(i) = set.iter().position(|(f, _)| *f == fd) else {
        let cls = vm::exceptions::exc_class(ExcKind::KeyError);
        let exc = vm::exceptions::ExceptionObj::alloc(&cls, vec![Value::Int(fd)]);
        return Err(PyErr::from_object(ExcKind::KeyError, exc));
    };
    set.remove(i);
    Ok(Value::None)
}

fn poll(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "poll", args, kw, 1, 2)?;
    let p = me(vm, &a[0])?;
    let ms = match a.get(1) {
        Some(v) => seconds_arg(vm, v, "timeout")?,
        None => None,
    };
    // A negative timeout waits forever, as CPython's poll does.
    let secs = ms.filter(|m| *m >= 0.0).map(|m| m / 1000.0);
    let ts = timespec_of(secs)?;
    let set = p.fds.borrow(vm.token()).clone();
    let mut files: Vec<(i64, u16, Option<Arc<File>>)> = Vec::with_capacity(set.len());
    for (fd, mask) in set {
        let f = fds::file_of(vm, fd).ok();
        files.push((fd, mask, f));
    }
    let open: Vec<&(i64, u16, Option<Arc<File>>)> =
        files.iter().filter(|(_, _, f)| f.is_some()).collect();
    let mut pfds: Vec<PollFd<'_>> = open
        .iter()
        .filter_map(|(_, m, f)| {
            f.as_ref()
                .map(|f| PollFd::new(f.as_ref(), PollFlags::from_bits_retain(*m)))
        })
        .collect();
    rustix::event::poll(&mut pfds, ts.as_ref()).map_err(|e| errno_err(vm, e))?;
    let mut out = Vec::new();
    for ((fd, _, _), pfd) in open.iter().zip(&pfds) {
        let ev = pfd.revents().bits();
        if ev != 0 {
            out.push(Value::Obj(Tuple::alloc(vec![
                Value::Int(*fd),
                Value::Int(i64::from(ev)),
            ])));
        }
    }
    // Descriptors that aren't open report POLLNVAL, as poll(2) does.
    for (fd, _, f) in &files {
        if f.is_none() {
            out.push(Value::Obj(Tuple::alloc(vec![
                Value::Int(*fd),
                Value::Int(i64::from(libc::POLLNVAL)),
            ])));
        }
    }
    Ok(Value::Obj(List::alloc(out)))
}

fn new_poll(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "poll", args, kw, 0)?;
    let t = POLL_TYPE.with(|t| t.borrow().clone());
    let Some(t) = t else {
        return Err(PyErr::runtime_error("select.poll type is missing"));
    };
    Ok(Value::Obj(ObjRef::new(
        &t,
        PollObj {
            fds: PyCell::new(Vec::new()),
        },
    )))
}

thread_local! {
    static POLL_TYPE: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

/// Adds `poll` (a function making `select.poll` objects) to module `m`.
pub(crate) fn install(vm: &mut Vm, m: &ObjRef) {
    let t = new_native_type(vm.token(), "poll", PollObj::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "select");
    }
    for (name, f) in [
        ("register", register as vm::calls::NativeFn),
        ("modify", modify),
        ("unregister", unregister),
        ("poll", poll),
    ] {
        add_method(vm.token(), &t, name, f);
    }
    POLL_TYPE.with(|p| *p.borrow_mut() = Some(t));
    set_attr(
        vm,
        m,
        "poll",
        Value::Obj(new_native_function("poll", new_poll)),
    );
}
