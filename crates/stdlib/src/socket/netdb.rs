//! The network database functions of `_socket` that read the C library's
//! files (what glibc's `files` NSS backend does): `getservbyname`,
//! `getservbyport` (`/etc/services`), `getprotobyname` (`/etc/protocols`),
//! `gethostbyaddr` and `getnameinfo` (`/etc/hosts`, else the numeric
//! address; Krait has no reverse DNS).

use std::net::IpAddr;

use vm::builtins::list::List;
use vm::builtins::str::{new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::{arg_range, exact_args};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::tname;

/// One `/etc/services` entry: name, aliases, port, protocol.
struct Service {
    name: String,
    aliases: Vec<String>,
    port: u16,
    proto: String,
}

/// The entries of `/etc/services` (none when it can't be read).
fn services() -> Vec<Service> {
    let text = std::fs::read_to_string("/etc/services").unwrap_or_default();
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut fields = line.split_whitespace();
        let (Some(name), Some(port_proto)) = (fields.next(), fields.next()) else {
            continue;
        };
        let Some((port, proto)) = port_proto.split_once('/') else {
            continue;
        };
        let Ok(port) = port.parse::<u16>() else {
            continue;
        };
        out.push(Service {
            name: name.to_owned(),
            aliases: fields.map(str::to_owned).collect(),
            port,
            proto: proto.to_owned(),
        });
    }
    out
}

/// The first service called `name` (or with that alias), for `proto` when
/// given.
fn service_named(name: &str, proto: Option<&str>) -> Option<Service> {
    services().into_iter().find(|s| {
        (s.name == name || s.aliases.iter().any(|a| a == name))
            && proto.is_none_or(|p| s.proto == p)
    })
}

/// The first service on `port`, for `proto` when given.
fn service_on(port: u16, proto: Option<&str>) -> Option<Service> {
    services()
        .into_iter()
        .find(|s| s.port == port && proto.is_none_or(|p| s.proto == p))
}

/// The port of service `name` and the socket types it is listed for (`tcp`:
/// stream, `udp`: datagram), for `getaddrinfo`'s service argument.
pub(crate) fn service_port(name: &str) -> Option<(u16, Vec<i64>)> {
    let first = service_named(name, None)?;
    let mut kinds: Vec<i64> = services()
        .into_iter()
        .filter(|s| s.port == first.port && (s.name == name || s.aliases.iter().any(|a| a == name)))
        .filter_map(|s| match s.proto.as_str() {
            "tcp" => Some(i64::from(libc::SOCK_STREAM)),
            "udp" => Some(i64::from(libc::SOCK_DGRAM)),
            _ => None,
        })
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    Some((first.port, kinds))
}

/// The names `/etc/hosts` gives address `ip`: the first matching line's
/// canonical name and aliases.
fn host_names(ip: IpAddr) -> Option<(String, Vec<String>)> {
    let text = std::fs::read_to_string("/etc/hosts").ok()?;
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut fields = line.split_whitespace();
        let (Some(addr), Some(name)) = (fields.next(), fields.next()) else {
            continue;
        };
        if addr.parse::<IpAddr>().ok() == Some(ip) {
            return Some((name.to_owned(), fields.map(str::to_owned).collect()));
        }
    }
    None
}

fn text_arg(vm: &mut Vm, v: &Value, fname: &str, n: usize) -> PyResult<String> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s.text().to_string_lossy().into_owned()),
        None => Err(PyErr::type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            tname(vm, v)
        ))),
    }
}

/// `getservbyname(servicename[, protocolname])`: the port.
pub(crate) fn getservbyname(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "getservbyname", args, kw, 1, 2)?;
    let name = text_arg(vm, &a[0], "getservbyname", 1)?;
    let proto = match a.get(1) {
        Some(p) => Some(text_arg(vm, p, "getservbyname", 2)?),
        None => None,
    };
    match service_named(&name, proto.as_deref()) {
        Some(s) => Ok(Value::Int(i64::from(s.port))),
        None => Err(PyErr::new(ExcKind::OSError, "service/proto not found")),
    }
}

/// `getservbyport(port[, protocolname])`: the service name.
pub(crate) fn getservbyport(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "getservbyport", args, kw, 1, 2)?;
    let port = vm.index_i64(&a[0])?;
    let Ok(port) = u16::try_from(port) else {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "getservbyport: port must be 0-65535.",
        ));
    };
    let proto = match a.get(1) {
        Some(p) => Some(text_arg(vm, p, "getservbyport", 2)?),
        None => None,
    };
    match service_on(port, proto.as_deref()) {
        Some(s) => Ok(new_str(&s.name)),
        None => Err(PyErr::new(ExcKind::OSError, "port/proto not found")),
    }
}

/// `getprotobyname(name)`: the protocol number from `/etc/protocols`.
pub(crate) fn getprotobyname(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getprotobyname", args, kw, 1)?;
    let name = text_arg(vm, &a[0], "getprotobyname", 1)?;
    let text = std::fs::read_to_string("/etc/protocols").unwrap_or_default();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut fields = line.split_whitespace();
        let (Some(pname), Some(number)) = (fields.next(), fields.next()) else {
            continue;
        };
        if pname == name || fields.any(|alias| alias == name) {
            if let Ok(n) = number.parse::<i64>() {
                return Ok(Value::Int(n));
            }
        }
    }
    Err(PyErr::new(ExcKind::OSError, "protocol not found"))
}

/// `gethostbyaddr(ip_address)`: `(hostname, aliases, addresses)` from
/// `/etc/hosts`, else `herror(1, 'Unknown host')`.
pub(crate) fn gethostbyaddr(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "gethostbyaddr", args, kw, 1)?;
    let host = text_arg(vm, &a[0], "gethostbyaddr", 1)?;
    let ip = super::addr::resolve_host(vm, &host, false)?;
    match host_names(ip) {
        Some((name, aliases)) => Ok(Value::Obj(Tuple::alloc(vec![
            new_str(&name),
            Value::Obj(List::alloc(aliases.iter().map(|s| new_str(s)).collect())),
            Value::Obj(List::alloc(vec![new_str(&ip.to_string())])),
        ]))),
        None => Err(super::herror(vm, 1, "Unknown host")),
    }
}

/// `getnameinfo(sockaddr, flags)`: `(host, port)` as names where known
/// (`NI_NUMERICHOST`/`NI_NUMERICSERV` ask for numbers, `NI_NAMEREQD` makes
/// an unknown host an error, `NI_DGRAM` looks the port up as UDP).
pub(crate) fn getnameinfo(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getnameinfo", args, kw, 2)?;
    let Some(t) = a[0].downcast::<Tuple>() else {
        return Err(PyErr::type_error(
            "getnameinfo() argument 1 must be a tuple",
        ));
    };
    let items = t.items(vm.token()).to_vec();
    if !(2..=4).contains(&items.len()) {
        return Err(PyErr::type_error(
            "getnameinfo(): illegal sockaddr argument",
        ));
    }
    let flags = vm.index_i64(&a[1])?;
    let host = text_arg(vm, &items[0], "getnameinfo", 1)?;
    let port = vm.index_i64(&items[1])?;
    let Ok(port) = u16::try_from(port) else {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "getnameinfo(): port must be 0-65535.",
        ));
    };
    let Ok(ip) = host.parse::<IpAddr>() else {
        return Err(super::gai_error(vm, i64::from(libc::EAI_NONAME)));
    };
    let has = |f: i32| flags & i64::from(f) != 0;
    let host_name = if has(libc::NI_NUMERICHOST) {
        ip.to_string()
    } else {
        match host_names(ip) {
            Some((name, _)) => name,
            None if has(libc::NI_NAMEREQD) => {
                return Err(super::gai_error(vm, i64::from(libc::EAI_NONAME)))
            }
            None => ip.to_string(),
        }
    };
    let proto = if has(libc::NI_DGRAM) { "udp" } else { "tcp" };
    let service = if has(libc::NI_NUMERICSERV) {
        port.to_string()
    } else {
        service_on(port, Some(proto)).map_or_else(|| port.to_string(), |s| s.name)
    };
    Ok(Value::Obj(Tuple::alloc(vec![
        new_str(&host_name),
        new_str(&service),
    ])))
}
