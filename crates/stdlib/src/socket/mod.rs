//! The `_socket` module (CPython's `Modules/socketmodule.c`) that `socket.py`
//! wraps: the `socket` type, `socketpair`, `getaddrinfo`, host names, the
//! `inet_*`/byte-order helpers, the default timeout, the exceptions (`error`
//! is `OSError`, `timeout` is `TimeoutError`, `herror`/`gaierror` are
//! `OSError` subclasses) and the platform's constants. System calls go
//! through `rustix`, so no `unsafe` is needed.

mod addr;
mod consts;
mod lookup;
mod netdb;
mod sock;
mod sockopt;

use std::cell::RefCell;
use std::fs::File;
use std::sync::Mutex;

use rustix::io::Errno;
use rustix::net::{AddressFamily, Protocol, SocketFlags, SocketType};
use vm::builtins::str::new_str;
use vm::builtins::tuple::Tuple;
use vm::calls::{arg_range, exact_args, NativeFn};
use vm::class::register_ctor;
use vm::methods::{add_getter, bytes::new_bytes};
use vm::object::Payload;
use vm::types::{new_native_type, TypeObject};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

pub use sock::SocketObj;

use crate::posix::fds;
use crate::util::{new_module, set_attr, tname};

/// The default timeout of new sockets (`setdefaulttimeout`), `None` for
/// blocking.
static DEFAULT_TIMEOUT: Mutex<Option<f64>> = Mutex::new(None);

thread_local! {
    /// `_socket.gaierror`, once the module exists.
    static GAIERROR: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
    /// `_socket.herror`, once the module exists.
    static HERROR: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

/// The timeout new sockets get.
pub(crate) fn default_timeout() -> Option<f64> {
    *DEFAULT_TIMEOUT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The `OSError` (subclass) for an OS error number, CPython's message.
pub(crate) fn errno_err(vm: &mut Vm, e: Errno) -> PyErr {
    crate::posix::errno_error(vm, i64::from(e.raw_os_error()), None, None)
}

/// glibc's `EAI_ADDRFAMILY` (a GNU extension the `libc` crate lacks).
pub(crate) const EAI_ADDRFAMILY: i32 = -9;

/// glibc's `gai_strerror` texts, by `EAI_*` code.
const GAI_MESSAGES: &[(i32, &str)] = &[
    (libc::EAI_BADFLAGS, "Bad value for ai_flags"),
    (libc::EAI_NONAME, "Name or service not known"),
    (libc::EAI_AGAIN, "Temporary failure in name resolution"),
    (libc::EAI_FAIL, "Non-recoverable failure in name resolution"),
    (libc::EAI_NODATA, "No address associated with hostname"),
    (libc::EAI_FAMILY, "ai_family not supported"),
    (libc::EAI_SOCKTYPE, "ai_socktype not supported"),
    (libc::EAI_SERVICE, "Servname not supported for ai_socktype"),
    (EAI_ADDRFAMILY, "Address family for hostname not supported"),
    (libc::EAI_MEMORY, "Memory allocation failure"),
    (libc::EAI_SYSTEM, "System error"),
    (libc::EAI_OVERFLOW, "Argument buffer overflow"),
];

/// `socket.gaierror(code, message)` (CPython's `set_gaierror`).
pub(crate) fn gai_error(vm: &mut Vm, code: i64) -> PyErr {
    let msg = GAI_MESSAGES
        .iter()
        .find(|(c, _)| i64::from(*c) == code)
        .map_or("Unknown error", |(_, m)| m);
    let Some(cls) = GAIERROR.with(|g| g.borrow().clone()) else {
        return PyErr::new(ExcKind::OSError, msg);
    };
    match vm.call(&Value::Obj(cls), &[Value::Int(code), new_str(msg)], None) {
        Ok(Value::Obj(o)) => PyErr::from_object(ExcKind::OSError, o),
        Ok(_) => PyErr::new(ExcKind::OSError, msg),
        Err(e) => e,
    }
}

/// `socket.herror(code, message)` (CPython's `set_herror`).
pub(crate) fn herror(vm: &mut Vm, code: i64, msg: &str) -> PyErr {
    let Some(cls) = HERROR.with(|h| h.borrow().clone()) else {
        return PyErr::new(ExcKind::OSError, msg);
    };
    match vm.call(&Value::Obj(cls), &[Value::Int(code), new_str(msg)], None) {
        Ok(Value::Obj(o)) => PyErr::from_object(ExcKind::OSError, o),
        Ok(_) => PyErr::new(ExcKind::OSError, msg),
        Err(e) => e,
    }
}

/// The `gaierror` for a failed lookup by the standard library's resolver,
/// whose message ends with glibc's text.
pub(crate) fn gai_error_from(vm: &mut Vm, e: &std::io::Error) -> PyErr {
    let text = e.to_string();
    let code = GAI_MESSAGES
        .iter()
        .find(|(_, m)| text.contains(m))
        .map_or(libc::EAI_NONAME, |(c, _)| *c);
    gai_error(vm, i64::from(code))
}

/// A timeout argument: `None`, or non-negative seconds (CPython's
/// `socket_parse_timeout`).
pub(crate) fn timeout_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    let t = match v {
        Value::None => return Ok(None),
        Value::Float(f) => *f,
        _ if v.as_int().is_some() => vm.index_i64(v)? as f64,
        _ => {
            let float_type = Value::Obj(vm::types::builtin_types().float.clone());
            match vm.call(&float_type, std::slice::from_ref(v), None) {
                Ok(Value::Float(f)) => f,
                _ => {
                    return Err(PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        tname(vm, v)
                    )))
                }
            }
        }
    };
    if t.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(PyErr::value_error("Timeout value out of range"));
    }
    Ok(Some(t))
}

fn getdefaulttimeout(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "getdefaulttimeout", args, kw, 0)?;
    Ok(default_timeout().map_or(Value::None, Value::Float))
}

fn setdefaulttimeout(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "setdefaulttimeout", args, kw, 1)?;
    let t = timeout_arg(vm, &a[0])?;
    *DEFAULT_TIMEOUT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = t;
    Ok(Value::None)
}

fn socket_type(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.import_module("_socket")?;
    let k = vm::builtins::str::intern(vm.token(), "socket");
    match vm.getattr(&m, &k)? {
        Value::Obj(t) => Ok(t),
        _ => Err(PyErr::runtime_error("_socket.socket is missing")),
    }
}

/// `socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)`.
fn socketpair(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "socketpair", args, kw, 0, 3)?;
    let mut get = |i: usize, d: i64| -> PyResult<i64> {
        match a.get(i) {
            Some(Value::None) | None => Ok(d),
            Some(v) => vm.index_i64(v),
        }
    };
    let family = get(0, i64::from(libc::AF_UNIX))?;
    let kind = get(1, i64::from(libc::SOCK_STREAM))?;
    let proto = get(2, 0)?;
    let (Ok(fam), Ok(ty)) = (u16::try_from(family), u32::try_from(kind)) else {
        return Err(errno_err(vm, Errno::INVAL));
    };
    let pr = u32::try_from(proto)
        .ok()
        .and_then(std::num::NonZeroU32::new)
        .map(Protocol::from_raw);
    let (x, y) = rustix::net::socketpair(
        AddressFamily::from_raw(fam),
        SocketType::from_raw(ty),
        SocketFlags::CLOEXEC,
        pr,
    )
    .map_err(|e| errno_err(vm, e))?;
    let cls = socket_type(vm)?;
    let fx = fds::register(File::from(x));
    let fy = fds::register(File::from(y));
    let sx = sock::wrap_fd(vm, &cls, fx, family, kind, proto)?;
    let sy = sock::wrap_fd(vm, &cls, fy, family, kind, proto)?;
    Ok(Value::Obj(Tuple::alloc(vec![sx, sy])))
}

/// `dup(fd)`: a new descriptor for the same socket.
fn dup(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "dup", args, kw, 1)?;
    let fd = vm.index_i64(&a[0])?;
    let f = fds::file_of(vm, fd)?;
    let copy = f
        .try_clone()
        .map_err(|e| crate::posix::os_error(vm, &e, None, None))?;
    Ok(Value::Int(i64::from(fds::register(copy))))
}

/// `close(fd)`.
fn close(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "close", args, kw, 1)?;
    let fd = vm.index_i64(&a[0])?;
    fds::close_fd(vm, fd)?;
    Ok(Value::None)
}

fn u16_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<u16> {
    let n = vm.index_i64(v)?;
    if n < 0 {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            format!("{fname}: can't convert negative Python int to C 16-bit unsigned integer"),
        ));
    }
    u16::try_from(n).map_err(|_| {
        PyErr::new(
            ExcKind::OverflowError,
            format!("{fname}: Python int too large to convert to C 16-bit unsigned integer"),
        )
    })
}

fn u32_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let n = vm.index_i64(v)?;
    if n < 0 {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "can't convert negative value to unsigned int",
        ));
    }
    u32::try_from(n).map_err(|_| PyErr::new(ExcKind::OverflowError, "int larger than 32 bits"))
}

fn htons(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "htons", args, kw, 1)?;
    Ok(Value::Int(i64::from(u16_arg(vm, &a[0], "htons")?.to_be())))
}

fn ntohs(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "ntohs", args, kw, 1)?;
    Ok(Value::Int(i64::from(u16::from_be(u16_arg(
        vm, &a[0], "ntohs",
    )?))))
}

fn htonl(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "htonl", args, kw, 1)?;
    Ok(Value::Int(i64::from(u32_arg(vm, &a[0])?.to_be())))
}

fn ntohl(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "ntohl", args, kw, 1)?;
    Ok(Value::Int(i64::from(u32::from_be(u32_arg(vm, &a[0])?))))
}

fn text_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<String> {
    match v.downcast::<vm::builtins::str::StrObj>() {
        Some(s) => Ok(s.text().to_string_lossy().into_owned()),
        None => Err(PyErr::type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            tname(vm, v)
        ))),
    }
}

fn inet_aton(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "inet_aton", args, kw, 1)?;
    let text = text_arg(vm, &a[0], "inet_aton")?;
    match addr::parse_inet_aton(&text) {
        Some(n) => Ok(new_bytes(n.to_be_bytes().to_vec(), false)),
        None => Err(PyErr::new(
            ExcKind::OSError,
            "illegal IP address string passed to inet_aton",
        )),
    }
}

fn packed_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Vec<u8>> {
    match vm::methods::bytes::bytes_of(vm.token(), v) {
        Some(b) => Ok(b),
        None => Err(PyErr::type_error(format!(
            "{fname}() argument 1 must be bytes-like object, not {}",
            tname(vm, v)
        ))),
    }
}

fn inet_ntoa(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "inet_ntoa", args, kw, 1)?;
    let b = packed_arg(vm, &a[0], "inet_ntoa")?;
    let Ok(four) = <[u8; 4]>::try_from(b.as_slice()) else {
        return Err(PyErr::new(
            ExcKind::OSError,
            "packed IP wrong length for inet_ntoa",
        ));
    };
    Ok(new_str(&std::net::Ipv4Addr::from(four).to_string()))
}

fn inet_pton(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "inet_pton", args, kw, 2)?;
    let family = vm.index_i64(&a[0])?;
    let text = text_arg(vm, &a[1], "inet_pton")?;
    let bytes = if family == i64::from(libc::AF_INET) {
        text.parse::<std::net::Ipv4Addr>()
            .ok()
            .map(|ip| ip.octets().to_vec())
    } else if family == i64::from(libc::AF_INET6) {
        text.parse::<std::net::Ipv6Addr>()
            .ok()
            .map(|ip| ip.octets().to_vec())
    } else {
        return Err(errno_err(vm, Errno::AFNOSUPPORT));
    };
    match bytes {
        Some(b) => Ok(new_bytes(b, false)),
        None => Err(PyErr::new(
            ExcKind::OSError,
            "illegal IP address string passed to inet_pton",
        )),
    }
}

fn inet_ntop(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "inet_ntop", args, kw, 2)?;
    let family = vm.index_i64(&a[0])?;
    let b = packed_arg(vm, &a[1], "inet_ntop")?;
    let text = if family == i64::from(libc::AF_INET) {
        <[u8; 4]>::try_from(b.as_slice())
            .map(|o| std::net::Ipv4Addr::from(o).to_string())
            .ok()
    } else if family == i64::from(libc::AF_INET6) {
        <[u8; 16]>::try_from(b.as_slice())
            .map(|o| std::net::Ipv6Addr::from(o).to_string())
            .ok()
    } else {
        return Err(PyErr::value_error(format!(
            "unknown address family {family}"
        )));
    };
    text.map(|t| new_str(&t))
        .ok_or_else(|| PyErr::value_error("invalid length of packed IP address string"))
}

/// Creates an `OSError` subclass `name` of module `socket`.
fn os_error_subclass(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let bases = Value::Obj(Tuple::alloc(vec![Value::Obj(vm::exceptions::exc_class(
        ExcKind::OSError,
    ))]));
    let ns = Value::Obj(ObjRef::new(
        &vm::types::builtin_types().dict,
        vm::builtins::dict::Dict::new(),
    ));
    vm.setitem(&ns, &new_str("__module__"), Some(new_str("socket")))?;
    let type_ = Value::Obj(vm::types::builtin_types().type_.clone());
    vm.call(&type_, &[new_str(name), bases, ns], None)
}

fn socket_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let obj = Value::Obj(ObjRef::new(cls, SocketObj::blank()));
    let exact = socket_type(vm).is_ok_and(|t| t.is(cls));
    if exact || !args.is_empty() {
        vm::calls::with_prepended(obj.clone(), args, |all| sock::init(vm, all, kw))?;
    }
    Ok(obj)
}

/// Creates the `_socket` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("close", close),
        ("dup", dup),
        ("getaddrinfo", lookup::getaddrinfo),
        ("getdefaulttimeout", getdefaulttimeout),
        ("gethostbyaddr", netdb::gethostbyaddr),
        ("gethostbyname", lookup::gethostbyname),
        ("getnameinfo", netdb::getnameinfo),
        ("getprotobyname", netdb::getprotobyname),
        ("getservbyname", netdb::getservbyname),
        ("getservbyport", netdb::getservbyport),
        ("gethostname", lookup::gethostname),
        ("htonl", htonl),
        ("htons", htons),
        ("inet_aton", inet_aton),
        ("inet_ntoa", inet_ntoa),
        ("inet_ntop", inet_ntop),
        ("inet_pton", inet_pton),
        ("ntohl", ntohl),
        ("ntohs", ntohs),
        ("setdefaulttimeout", setdefaulttimeout),
        ("socketpair", socketpair),
    ];
    let m = new_module(vm, "_socket", funcs);
    for (name, v) in consts::CONSTANTS {
        set_attr(vm, &m, name, Value::Int(*v));
    }
    set_attr(
        vm,
        &m,
        "EAI_ADDRFAMILY",
        Value::Int(i64::from(EAI_ADDRFAMILY)),
    );
    set_attr(vm, &m, "AF_DECnet", Value::Int(i64::from(libc::AF_DECnet)));
    set_attr(vm, &m, "has_ipv6", Value::Bool(true));
    let t = new_native_type(vm.token(), "socket", SocketObj::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "_socket");
    }
    register_ctor(&t, socket_new, true);
    for (name, f) in sock::METHODS {
        vm::calls::add_method(vm.token(), &t, name, *f);
    }
    for (name, f) in sock::GETTERS {
        add_getter(vm.token(), &t, name, *f);
    }
    set_attr(vm, &m, "socket", Value::Obj(t.clone()));
    set_attr(vm, &m, "SocketType", Value::Obj(t));
    let os_error = vm::exceptions::exc_class(ExcKind::OSError);
    set_attr(vm, &m, "error", Value::Obj(os_error));
    let timeout = vm::exceptions::exc_class(ExcKind::TimeoutError);
    set_attr(vm, &m, "timeout", Value::Obj(timeout));
    let herror = os_error_subclass(vm, "herror")?;
    if let Value::Obj(o) = &herror {
        HERROR.with(|h| *h.borrow_mut() = Some(o.clone()));
    }
    set_attr(vm, &m, "herror", herror);
    let gaierror = os_error_subclass(vm, "gaierror")?;
    if let Value::Obj(o) = &gaierror {
        GAIERROR.with(|g| *g.borrow_mut() = Some(o.clone()));
    }
    set_attr(vm, &m, "gaierror", gaierror);
    Ok(m)
}
