//! Name lookups of `_socket`: `getaddrinfo`, `gethostbyname`, `gethostname`.
//! Host names are resolved by the standard library's resolver (the C
//! library's `getaddrinfo`); numeric hosts and ports are read directly.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};

use vm::builtins::list::List;
use vm::builtins::str::{new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::{exact_args, ArgSpec};
use vm::methods::bytes::bytes_of;
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use super::{gai_error, gai_error_from};
use crate::util::tname;

/// A host or port given as `str`, bytes or `None`.
fn optional_text(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Option<String>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Some(s) = v.downcast::<StrObj>() {
        return Ok(Some(s.text().to_string_lossy().into_owned()));
    }
    if let Some(b) = bytes_of(vm.token(), v) {
        return Ok(Some(String::from_utf8_lossy(&b).into_owned()));
    }
    Err(PyErr::type_error(format!(
        "getaddrinfo() argument 1 must be string or None{what}, not {}",
        tname(vm, v)
    )))
}

/// The addresses of `host` (all families), in the resolver's order.
fn resolve_all(
    vm: &mut Vm,
    host: Option<&str>,
    passive: bool,
    numeric: bool,
) -> PyResult<Vec<IpAddr>> {
    let Some(host) = host else {
        return Ok(if passive {
            vec![
                IpAddr::V4(Ipv4Addr::UNSPECIFIED),
                IpAddr::V6(Ipv6Addr::UNSPECIFIED),
            ]
        } else {
            vec![
                IpAddr::V6(Ipv6Addr::LOCALHOST),
                IpAddr::V4(Ipv4Addr::LOCALHOST),
            ]
        });
    };
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(vec![ip]);
    }
    if numeric {
        return Err(gai_error(vm, i64::from(libc::EAI_NONAME)));
    }
    let found = (host, 0u16)
        .to_socket_addrs()
        .map_err(|e| gai_error_from(vm, &e))?;
    let mut out: Vec<IpAddr> = Vec::new();
    for a in found {
        if !out.contains(&a.ip()) {
            out.push(a.ip());
        }
    }
    Ok(out)
}

/// The default protocol of a socket type.
fn proto_for(kind: i64) -> i64 {
    if kind == i64::from(libc::SOCK_STREAM) {
        i64::from(libc::IPPROTO_TCP)
    } else if kind == i64::from(libc::SOCK_DGRAM) {
        i64::from(libc::IPPROTO_UDP)
    } else {
        0
    }
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`: a list of
/// `(family, type, proto, canonname, sockaddr)`.
pub(crate) fn getaddrinfo(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, named) = ArgSpec::parse(
        vm,
        "getaddrinfo",
        args,
        kw,
        ["host", "port", "family", "type", "proto", "flags"],
    )?;
    if pos.len() > 6 {
        return Err(PyErr::type_error(format!(
            "getaddrinfo() takes at most 6 arguments ({} given)",
            pos.len()
        )));
    }
    let get = |i: usize| pos.get(i).cloned().or_else(|| named[i].clone());
    let (Some(host_v), Some(port_v)) = (get(0), get(1)) else {
        return Err(PyErr::type_error(
            "getaddrinfo() missing required argument 'host' (pos 1)",
        ));
    };
    let mut ints = [0i64; 4];
    for (i, slot) in ints.iter_mut().enumerate() {
        if let Some(v) = get(i + 2) {
            *slot = vm.index_i64(&v)?;
        }
    }
    let [family, kind, proto, flags] = ints;
    let host = optional_text(vm, &host_v, "")?;
    // A service name limits the socket types to the protocols it is listed
    // for (`None`: any).
    let mut service_kinds: Option<Vec<i64>> = None;
    let port: u16 = if port_v.is_none() {
        0
    } else if port_v.as_int().is_some() {
        let p = vm.index_i64(&port_v)?;
        u16::try_from(p).map_err(|_| gai_error(vm, i64::from(libc::EAI_SERVICE)))?
    } else {
        let text = optional_text(vm, &port_v, "")?.unwrap_or_default();
        match text.parse::<u16>() {
            Ok(p) => p,
            Err(_) => match super::netdb::service_port(&text) {
                Some((p, kinds)) => {
                    service_kinds = Some(kinds);
                    p
                }
                None => return Err(gai_error(vm, i64::from(libc::EAI_SERVICE))),
            },
        }
    };
    if host.is_none() && port_v.is_none() {
        return Err(gai_error(vm, i64::from(libc::EAI_NONAME)));
    }
    let (inet, inet6) = (i64::from(libc::AF_INET), i64::from(libc::AF_INET6));
    if family != 0 && family != inet && family != inet6 {
        return Err(gai_error(vm, i64::from(libc::EAI_FAMILY)));
    }
    let passive = flags & i64::from(libc::AI_PASSIVE) != 0;
    let numeric = flags & i64::from(libc::AI_NUMERICHOST) != 0;
    let ips = resolve_all(vm, host.as_deref(), passive, numeric)?;
    let mut kinds: Vec<i64> = if kind == 0 {
        [libc::SOCK_STREAM, libc::SOCK_DGRAM, libc::SOCK_RAW]
            .into_iter()
            .map(i64::from)
            .filter(|k| proto == 0 || proto_for(*k) == proto)
            .collect()
    } else {
        vec![kind]
    };
    if let Some(listed) = &service_kinds {
        kinds.retain(|k| listed.contains(k));
        if kinds.is_empty() {
            return Err(gai_error(vm, i64::from(libc::EAI_SERVICE)));
        }
    }
    let mut out = Vec::new();
    for ip in ips {
        let fam = if ip.is_ipv4() { inet } else { inet6 };
        if family != 0 && fam != family {
            continue;
        }
        let sa = super::addr::ip_value(&SocketAddr::new(ip, port));
        for k in &kinds {
            let p = if proto != 0 { proto } else { proto_for(*k) };
            out.push(Value::Obj(Tuple::alloc(vec![
                Value::Int(fam),
                Value::Int(*k),
                Value::Int(p),
                new_str(""),
                sa.clone(),
            ])));
        }
    }
    if out.is_empty() {
        return Err(gai_error(vm, i64::from(super::EAI_ADDRFAMILY)));
    }
    Ok(Value::Obj(List::alloc(out)))
}

/// `gethostbyname(name)`: the first IPv4 address of `name` as text.
pub(crate) fn gethostbyname(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "gethostbyname", args, kw, 1)?;
    let Some(name) = a[0]
        .downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
    else {
        return Err(PyErr::type_error(format!(
            "gethostbyname() argument 1 must be str, bytes or bytearray, not {}",
            tname(vm, &a[0])
        )));
    };
    let ip = super::addr::resolve_host(vm, &name, false)?;
    match ip {
        IpAddr::V4(v4) => Ok(new_str(&v4.to_string())),
        IpAddr::V6(_) => Err(gai_error(vm, i64::from(super::EAI_ADDRFAMILY))),
    }
}

/// `gethostname()`: the node name `uname` reports.
pub(crate) fn gethostname(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "gethostname", args, kw, 0)?;
    let u = rustix::system::uname();
    Ok(new_str(&u.nodename().to_string_lossy()))
}
