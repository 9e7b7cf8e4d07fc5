//! The `_socket.socket` type (CPython's `PySocketSockObject`): a descriptor
//! with its family, type, protocol and timeout. The descriptor lives in the
//! `posix` descriptor table (so `os.close`/`select` see it) and the socket
//! keeps its number. A timeout of `None` is a blocking descriptor, `0.0` a
//! non-blocking one, and a positive timeout a non-blocking descriptor the
//! calls wait on with `poll` first (CPython's `sock_call_ex`).

use std::cell::Cell;
use std::fs::File;
use std::os::fd::AsFd;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustix::event::{poll, PollFd, PollFlags, Timespec};
use rustix::io::Errno;
use rustix::net::{AddressFamily, Protocol, SocketFlags, SocketType};
use vm::builtins::str::new_str;
use vm::builtins::tuple::Tuple;
use vm::calls::{arg_range, exact_args, ArgSpec};
use vm::object::{Payload, PayloadKind, Token};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use super::addr::{sockaddr_arg, sockaddr_value, SockAddr};
use super::{default_timeout, errno_err, timeout_arg};
use crate::posix::fds;
use crate::util::tname;

/// The payload of `_socket.socket`.
pub struct SocketObj {
    /// The descriptor, -1 once closed or detached.
    pub(crate) fd: Cell<i64>,
    family: Cell<i64>,
    kind: Cell<i64>,
    proto: Cell<i64>,
    /// `None` for blocking, else seconds (0.0: non-blocking).
    timeout: Cell<Option<f64>>,
}

impl Payload for SocketObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
    fn traverse(&self, _t: &Token, _visit: &mut dyn FnMut(&Value)) {}
}

impl Drop for SocketObj {
    /// A socket dropped while open closes its descriptor (CPython's
    /// `sock_finalize`).
    fn drop(&mut self) {
        if let Ok(fd) = i32::try_from(self.fd.get()) {
            fds::forget(fd);
        }
    }
}

impl SocketObj {
    /// A closed socket (what `__new__` makes before `__init__`).
    pub(crate) fn blank() -> SocketObj {
        SocketObj {
            fd: Cell::new(-1),
            family: Cell::new(libc::AF_INET as i64),
            kind: Cell::new(libc::SOCK_STREAM as i64),
            proto: Cell::new(0),
            timeout: Cell::new(None),
        }
    }
}

fn me<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a SocketObj> {
    v.downcast::<SocketObj>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a '_socket.socket' object but received a '{}'",
            tname(vm, v)
        ))
    })
}

/// The open file behind the socket, or `[Errno 9] Bad file descriptor`.
fn file(vm: &mut Vm, s: &SocketObj) -> PyResult<Arc<File>> {
    fds::file_of(vm, s.fd.get())
}

/// Sets `O_NONBLOCK` on the descriptor when the socket has a timeout
/// (CPython's `internal_setblocking`).
fn apply_blocking(vm: &mut Vm, s: &SocketObj) -> PyResult<()> {
    let f = file(vm, s)?;
    rustix::io::ioctl_fionbio(f.as_fd(), s.timeout.get().is_some()).map_err(|e| errno_err(vm, e))
}

/// Waits until the descriptor is readable (or writable) within the socket's
/// timeout; `Ok(false)` when the time ran out.
fn wait_for(vm: &mut Vm, f: &File, writing: bool, deadline: Option<Instant>) -> PyResult<bool> {
    let Some(deadline) = deadline else {
        return Ok(true);
    };
    let events = if writing {
        PollFlags::OUT
    } else {
        PollFlags::IN
    };
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let ts = Timespec::try_from(left).unwrap_or(Timespec {
            tv_sec: i64::MAX,
            tv_nsec: 0,
        });
        let mut pfd = [PollFd::new(f, events)];
        match poll(&mut pfd, Some(&ts)) {
            Ok(0) => return Ok(false),
            Ok(_) => return Ok(true),
            Err(Errno::INTR) => {}
            Err(e) => return Err(errno_err(vm, e)),
        }
    }
}

/// Runs `op` on the socket's file the way CPython's `sock_call` does: retried
/// on `EINTR`, and with a positive timeout, after waiting for readiness and
/// again while it would block; `socket.timeout("timed out")` when the time
/// runs out.
fn sock_call<T>(
    vm: &mut Vm,
    s: &SocketObj,
    writing: bool,
    mut op: impl FnMut(&File) -> Result<T, Errno>,
) -> PyResult<T> {
    let f = file(vm, s)?;
    let deadline = match s.timeout.get() {
        Some(t) if t > 0.0 => Some(Instant::now() + Duration::from_secs_f64(t.min(1e9))),
        _ => None,
    };
    loop {
        if !wait_for(vm, &f, writing, deadline)? {
            return Err(PyErr::new(ExcKind::TimeoutError, "timed out"));
        }
        match op(&f) {
            Ok(v) => return Ok(v),
            Err(Errno::INTR) => {}
            Err(Errno::AGAIN) if deadline.is_some() => {}
            Err(e) => return Err(errno_err(vm, e)),
        }
    }
}

/// `socket.__init__(family=-1, type=-1, proto=-1, fileno=None)`: opens a new
/// socket, or adopts descriptor `fileno` (asking the OS for what wasn't given).
pub(crate) fn init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, named) = ArgSpec::parse(
        vm,
        "socket",
        args,
        kw,
        ["family", "type", "proto", "fileno"],
    )?;
    let Some(this) = pos.first() else {
        return Err(PyErr::type_error("socket.__init__ needs an argument"));
    };
    let s = me(vm, this)?;
    if pos.len() > 5 {
        return Err(PyErr::type_error(format!(
            "socket() takes at most 4 arguments ({} given)",
            pos.len() - 1
        )));
    }
    let get = |i: usize| pos.get(i + 1).cloned().or_else(|| named[i].clone());
    let int_or = |vm: &mut Vm, v: Option<Value>| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(-1),
            Some(v) => vm.index_i64(&v),
        }
    };
    let mut family = int_or(vm, get(0))?;
    let mut kind = int_or(vm, get(1))?;
    let mut proto = int_or(vm, get(2))?;
    let fileno = get(3).filter(|v| !v.is_none());
    let flags_mask = i64::from(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    if let Some(fv) = fileno {
        let fd = vm.index_i64(&fv)?;
        if fd < 0 {
            return Err(PyErr::value_error("negative file descriptor"));
        }
        let f = fds::file_of(vm, fd)?;
        if family == -1 {
            family = rustix::net::sockopt::socket_domain(f.as_fd())
                .map(|d| i64::from(d.as_raw()))
                .map_err(|e| errno_err(vm, e))?;
        }
        if kind == -1 {
            kind = rustix::net::sockopt::socket_type(f.as_fd())
                .map(|t| i64::from(t.as_raw()))
                .map_err(|e| errno_err(vm, e))?;
        }
        if proto == -1 {
            proto = rustix::net::sockopt::socket_protocol(f.as_fd())
                .map(|p| p.map_or(0, |p| i64::from(p.as_raw().get())))
                .map_err(|e| errno_err(vm, e))?;
        }
        s.fd.set(fd);
    } else {
        if family == -1 {
            family = i64::from(libc::AF_INET);
        }
        if kind == -1 {
            kind = i64::from(libc::SOCK_STREAM);
        }
        if proto == -1 {
            proto = 0;
        }
        let fam = u16::try_from(family).map_err(|_| errno_err(vm, Errno::AFNOSUPPORT))?;
        let ty = u32::try_from(kind & !flags_mask).map_err(|_| errno_err(vm, Errno::INVAL))?;
        let pr = u32::try_from(proto)
            .ok()
            .and_then(std::num::NonZeroU32::new)
            .map(Protocol::from_raw);
        let extra = SocketFlags::from_bits_retain((kind & flags_mask) as u32);
        let owned = rustix::net::socket_with(
            AddressFamily::from_raw(fam),
            SocketType::from_raw(ty),
            SocketFlags::CLOEXEC | extra,
            pr,
        )
        .map_err(|e| errno_err(vm, e))?;
        s.fd.set(i64::from(fds::register(File::from(owned))));
    }
    s.family.set(family);
    s.kind.set(kind & !flags_mask);
    s.proto.set(proto);
    let timeout = if kind & i64::from(libc::SOCK_NONBLOCK) != 0 {
        Some(0.0)
    } else {
        default_timeout()
    };
    s.timeout.set(timeout);
    if timeout.is_some() {
        apply_blocking(vm, s)?;
    }
    Ok(Value::None)
}

/// A new `_socket.socket` object of `cls` around descriptor `fd` (for
/// `socketpair` and `dup`).
pub(crate) fn wrap_fd(
    vm: &mut Vm,
    cls: &ObjRef,
    fd: i32,
    family: i64,
    kind: i64,
    proto: i64,
) -> PyResult<Value> {
    let s = SocketObj::blank();
    s.fd.set(i64::from(fd));
    s.family.set(family);
    s.kind.set(kind);
    s.proto.set(proto);
    s.timeout.set(default_timeout());
    let obj = ObjRef::new(cls, s);
    if let Some(s) = obj.downcast::<SocketObj>() {
        if s.timeout.get().is_some() {
            apply_blocking(vm, s)?;
        }
    }
    Ok(Value::Obj(obj))
}

fn fileno(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "fileno", args, kw, 1)?;
    Ok(Value::Int(me(vm, &a[0])?.fd.get()))
}

fn close(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "close", args, kw, 1)?;
    let s = me(vm, &a[0])?;
    let fd = s.fd.replace(-1);
    if fd >= 0 {
        // CPython ignores ECONNRESET from close(); Krait's close can't fail
        // after the descriptor is known.
        let _ = fds::close_fd(vm, fd);
    }
    Ok(Value::None)
}

fn detach(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "detach", args, kw, 1)?;
    Ok(Value::Int(me(vm, &a[0])?.fd.replace(-1)))
}

fn family(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "family", args, kw, 1)?;
    Ok(Value::Int(me(vm, &a[0])?.family.get()))
}

fn kind(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "type", args, kw, 1)?;
    Ok(Value::Int(me(vm, &a[0])?.kind.get()))
}

fn proto(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "proto", args, kw, 1)?;
    Ok(Value::Int(me(vm, &a[0])?.proto.get()))
}

fn timeout_value(t: Option<f64>) -> Value {
    t.map_or(Value::None, Value::Float)
}

fn timeout_get(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "gettimeout", args, kw, 1)?;
    Ok(timeout_value(me(vm, &a[0])?.timeout.get()))
}

fn settimeout(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "settimeout", args, kw, 2)?;
    let s = me(vm, &a[0])?;
    let t = timeout_arg(vm, &a[1])?;
    s.timeout.set(t);
    if s.fd.get() >= 0 {
        apply_blocking(vm, s)?;
    }
    Ok(Value::None)
}

fn setblocking(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "setblocking", args, kw, 2)?;
    let s = me(vm, &a[0])?;
    let block = vm.is_true(&a[1])?;
    s.timeout.set(if block { None } else { Some(0.0) });
    if s.fd.get() >= 0 {
        apply_blocking(vm, s)?;
    }
    Ok(Value::None)
}

fn getblocking(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getblocking", args, kw, 1)?;
    let s = me(vm, &a[0])?;
    Ok(Value::Bool(s.timeout.get() != Some(0.0)))
}

fn bind(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "bind", args, kw, 2)?;
    let s = me(vm, &a[0])?;
    let addr = sockaddr_arg(vm, s.family.get(), &a[1], "bind")?;
    let f = file(vm, s)?;
    let r = match &addr {
        SockAddr::Ip(ip) => rustix::net::bind(f.as_fd(), ip),
        SockAddr::Unix(u) => rustix::net::bind(f.as_fd(), u),
    };
    r.map_err(|e| errno_err(vm, e))?;
    Ok(Value::None)
}

fn listen(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "listen", args, kw, 1, 2)?;
    let s = me(vm, &a[0])?;
    let backlog = match a.get(1) {
        Some(v) => vm.index_i64(v)?.clamp(0, i64::from(i32::MAX)) as i32,
        None => libc::SOMAXCONN.min(128),
    };
    let f = file(vm, s)?;
    rustix::net::listen(f.as_fd(), backlog).map_err(|e| errno_err(vm, e))?;
    Ok(Value::None)
}

/// `_accept()`: `(fd, address)` of a new connection (socket.py wraps it).
fn accept(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_accept", args, kw, 1)?;
    let s = me(vm, &a[0])?;
    let (owned, addr) = sock_call(vm, s, false, |f| {
        rustix::net::acceptfrom_with(f.as_fd(), SocketFlags::CLOEXEC)
    })?;
    let fd = fds::register(File::from(owned));
    Ok(Value::Obj(Tuple::alloc(vec![
        Value::Int(i64::from(fd)),
        sockaddr_value(addr),
    ])))
}

/// The errno of a `connect` (0 on success), waiting for a non-blocking
/// connect with a positive timeout to finish (CPython's `internal_connect`).
fn connect_errno(vm: &mut Vm, s: &SocketObj, addr: &SockAddr) -> PyResult<Option<Errno>> {
    let f = file(vm, s)?;
    let r = loop {
        let r = match addr {
            SockAddr::Ip(ip) => rustix::net::connect(f.as_fd(), ip),
            SockAddr::Unix(u) => rustix::net::connect(f.as_fd(), u),
        };
        match r {
            Err(Errno::INTR) => {}
            other => break other,
        }
    };
    match (r, s.timeout.get()) {
        (Ok(()), _) => Ok(None),
        (Err(Errno::INPROGRESS), Some(t)) if t > 0.0 => {
            let deadline = Instant::now() + Duration::from_secs_f64(t.min(1e9));
            if !wait_for(vm, &f, true, Some(deadline))? {
                return Err(PyErr::new(ExcKind::TimeoutError, "timed out"));
            }
            match rustix::net::sockopt::socket_error(f.as_fd()) {
                Ok(Ok(())) => Ok(None),
                Ok(Err(e)) | Err(e) => Ok(Some(e)),
            }
        }
        (Err(e), _) => Ok(Some(e)),
    }
}

fn connect(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "connect", args, kw, 2)?;
    let s = me(vm, &a[0])?;
    let addr = sockaddr_arg(vm, s.family.get(), &a[1], "connect")?;
    match connect_errno(vm, s, &addr)? {
        None => Ok(Value::None),
        Some(e) => Err(errno_err(vm, e)),
    }
}

fn connect_ex(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "connect_ex", args, kw, 2)?;
    let s = me(vm, &a[0])?;
    let addr = sockaddr_arg(vm, s.family.get(), &a[1], "connect_ex")?;
    let e = connect_errno(vm, s, &addr)?;
    Ok(Value::Int(e.map_or(0, |e| i64::from(e.raw_os_error()))))
}

fn flags_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<u32> {
    match v {
        None => Ok(0),
        Some(v) => Ok(vm.index_i64(v)? as u32),
    }
}

fn size_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<usize> {
    let n = vm.index_i64(v)?;
    usize::try_from(n).map_err(|_| PyErr::value_error(format!("negative buffersize in {fname}")))
}

/// An empty buffer with room for `n` bytes, or `MemoryError` (the bytes are
/// left uninitialized until the OS writes them, as CPython's `recv`).
fn recv_buffer(n: usize) -> PyResult<Vec<u8>> {
    let mut buf = Vec::new();
    buf.try_reserve_exact(n)
        .map_err(|_| PyErr::new(ExcKind::MemoryError, ""))?;
    Ok(buf)
}

fn recv(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "recv", args, kw, 2, 3)?;
    let s = me(vm, &a[0])?;
    let n = size_arg(vm, &a[1], "recv")?;
    let flags = rustix::net::RecvFlags::from_bits_retain(flags_arg(vm, a.get(2))?);
    let mut buf = recv_buffer(n)?;
    sock_call(vm, s, false, |f| {
        buf.clear();
        rustix::net::recv(f.as_fd(), rustix::buffer::spare_capacity(&mut buf), flags)
    })?;
    Ok(vm::methods::bytes::new_bytes(buf, false))
}

fn recv_into(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "recv_into", args, kw, 2, 4)?;
    let s = me(vm, &a[0])?;
    let cap = vm.len(&a[1])?;
    let n = match a.get(2) {
        Some(v) => {
            let n = size_arg(vm, v, "recv_into")?;
            if n > cap {
                return Err(PyErr::value_error("buffer too small for requested bytes"));
            }
            if n == 0 {
                cap
            } else {
                n
            }
        }
        None => cap,
    };
    let flags = rustix::net::RecvFlags::from_bits_retain(flags_arg(vm, a.get(3))?);
    let mut buf = vec![0u8; n];
    let got = sock_call(vm, s, false, |f| {
        rustix::net::recv(f.as_fd(), &mut buf[..], flags).map(|(k, _)| k)
    })?;
    buf.truncate(got);
    crate::io::bytesio::copy_into(vm, &a[1], &buf)?;
    Ok(Value::Int(got as i64))
}

fn recvfrom(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "recvfrom", args, kw, 2, 3)?;
    let s = me(vm, &a[0])?;
    let n = size_arg(vm, &a[1], "recvfrom")?;
    let flags = rustix::net::RecvFlags::from_bits_retain(flags_arg(vm, a.get(2))?);
    let mut buf = recv_buffer(n)?;
    let addr = sock_call(vm, s, false, |f| {
        buf.clear();
        rustix::net::recvfrom(f.as_fd(), rustix::buffer::spare_capacity(&mut buf), flags)
            .map(|(_, _, a)| a)
    })?;
    Ok(Value::Obj(Tuple::alloc(vec![
        vm::methods::bytes::new_bytes(buf, false),
        sockaddr_value(addr),
    ])))
}

fn send(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "send", args, kw, 2, 3)?;
    let s = me(vm, &a[0])?;
    let data = fds::buffer_arg(vm, &a[1])?;
    let flags = rustix::net::SendFlags::from_bits_retain(flags_arg(vm, a.get(2))?)
        | rustix::net::SendFlags::NOSIGNAL;
    let n = sock_call(vm, s, true, |f| rustix::net::send(f.as_fd(), &data, flags))?;
    Ok(Value::Int(n as i64))
}

fn sendall(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "sendall", args, kw, 2, 3)?;
    let s = me(vm, &a[0])?;
    let data = fds::buffer_arg(vm, &a[1])?;
    let flags = rustix::net::SendFlags::from_bits_retain(flags_arg(vm, a.get(2))?)
        | rustix::net::SendFlags::NOSIGNAL;
    let mut off = 0;
    while off < data.len() {
        let rest = &data[off..];
        off += sock_call(vm, s, true, |f| rustix::net::send(f.as_fd(), rest, flags))?;
    }
    Ok(Value::None)
}

fn sendto(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "sendto", args, kw, 3, 4)?;
    let s = me(vm, &a[0])?;
    let data = fds::buffer_arg(vm, &a[1])?;
    let (flags, addr_v) = if a.len() == 4 {
        (flags_arg(vm, Some(&a[2]))?, &a[3])
    } else {
        (0, &a[2])
    };
    let flags = rustix::net::SendFlags::from_bits_retain(flags) | rustix::net::SendFlags::NOSIGNAL;
    let addr = sockaddr_arg(vm, s.family.get(), addr_v, "sendto")?;
    let n = sock_call(vm, s, true, |f| match &addr {
        SockAddr::Ip(ip) => rustix::net::sendto(f.as_fd(), &data, flags, ip),
        SockAddr::Unix(u) => rustix::net::sendto(f.as_fd(), &data, flags, u),
    })?;
    Ok(Value::Int(n as i64))
}

fn shutdown(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "shutdown", args, kw, 2)?;
    let s = me(vm, &a[0])?;
    let how = match vm.index_i64(&a[1])? {
        0 => rustix::net::Shutdown::Read,
        1 => rustix::net::Shutdown::Write,
        2 => rustix::net::Shutdown::Both,
        _ => return Err(errno_err(vm, Errno::INVAL)),
    };
    let f = file(vm, s)?;
    rustix::net::shutdown(f.as_fd(), how).map_err(|e| errno_err(vm, e))?;
    Ok(Value::None)
}

fn getsockname(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getsockname", args, kw, 1)?;
    let s = me(vm, &a[0])?;
    let f = file(vm, s)?;
    let addr = rustix::net::getsockname(f.as_fd()).map_err(|e| errno_err(vm, e))?;
    Ok(sockaddr_value(Some(addr)))
}

fn getpeername(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getpeername", args, kw, 1)?;
    let s = me(vm, &a[0])?;
    let f = file(vm, s)?;
    let addr = rustix::net::getpeername(f.as_fd()).map_err(|e| errno_err(vm, e))?;
    Ok(sockaddr_value(addr))
}

fn getsockopt(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "getsockopt", args, kw, 3, 4)?;
    let s = me(vm, &a[0])?;
    let level = vm.index_i64(&a[1])?;
    let name = vm.index_i64(&a[2])?;
    let f = file(vm, s)?;
    let v = super::sockopt::get(f.as_fd(), level, name).map_err(|e| errno_err(vm, e))?;
    if a.len() == 4 {
        let n = size_arg(vm, &a[3], "getsockopt")?;
        let mut b = v.to_ne_bytes().to_vec();
        b.resize(n.min(1024), 0);
        return Ok(vm::methods::bytes::new_bytes(b, false));
    }
    Ok(Value::Int(i64::from(v)))
}

fn setsockopt(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "setsockopt", args, kw, 4, 5)?;
    let s = me(vm, &a[0])?;
    let level = vm.index_i64(&a[1])?;
    let name = vm.index_i64(&a[2])?;
    let value = if a[3].as_int().is_some() {
        vm.index_i64(&a[3])? as i32
    } else {
        let b = fds::buffer_arg(vm, &a[3])?;
        let mut w = [0u8; 4];
        for (d, s) in w.iter_mut().zip(&b) {
            *d = *s;
        }
        i32::from_ne_bytes(w)
    };
    let f = file(vm, s)?;
    super::sockopt::set(f.as_fd(), level, name, value).map_err(|e| errno_err(vm, e))?;
    Ok(Value::None)
}

fn repr(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__repr__", args, kw, 1)?;
    let s = me(vm, &a[0])?;
    Ok(new_str(&format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd.get(),
        s.family.get(),
        s.kind.get(),
        s.proto.get()
    )))
}

/// The methods of `_socket.socket`, by name.
pub(crate) const METHODS: &[(&str, vm::calls::NativeFn)] = &[
    ("__init__", init),
    ("__repr__", repr),
    ("_accept", accept),
    ("bind", bind),
    ("close", close),
    ("connect", connect),
    ("connect_ex", connect_ex),
    ("detach", detach),
    ("fileno", fileno),
    ("getblocking", getblocking),
    ("getpeername", getpeername),
    ("getsockname", getsockname),
    ("getsockopt", getsockopt),
    ("gettimeout", timeout_get),
    ("listen", listen),
    ("recv", recv),
    ("recv_into", recv_into),
    ("recvfrom", recvfrom),
    ("send", send),
    ("sendall", sendall),
    ("sendto", sendto),
    ("setblocking", setblocking),
    ("setsockopt", setsockopt),
    ("settimeout", settimeout),
    ("shutdown", shutdown),
];

/// The read-only attributes of `_socket.socket`, by name.
pub(crate) const GETTERS: &[(&str, vm::calls::NativeFn)] = &[
    ("family", family),
    ("type", kind),
    ("proto", proto),
    ("timeout", timeout_get),
];
