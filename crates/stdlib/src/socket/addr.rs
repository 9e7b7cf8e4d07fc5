//! Socket addresses between Python and the OS (CPython's `getsockaddrarg` and
//! `makesockaddr`): `(host, port)` for `AF_INET`, `(host, port, flowinfo,
//! scope_id)` for `AF_INET6`, a path for `AF_UNIX`; and the pure address
//! functions `inet_aton`/`inet_ntoa`/`inet_pton`/`inet_ntop`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6, ToSocketAddrs};

use rustix::net::{SocketAddrAny, SocketAddrUnix};
use vm::builtins::str::{new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::methods::bytes::{bytes_of, new_bytes};
use vm::{ExcKind, PyErr, PyResult, Value, Vm};

use crate::util::tname;

/// An address a socket call can take.
pub(crate) enum SockAddr {
    /// `AF_INET` or `AF_INET6`.
    Ip(SocketAddr),
    /// `AF_UNIX`.
    Unix(SocketAddrUnix),
}

/// The text of a `str` host, or the bytes of a bytes one as text.
fn host_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(s) = v.downcast::<StrObj>() {
        return Ok(s.text().to_string_lossy().into_owned());
    }
    if let Some(b) = bytes_of(vm.token(), v) {
        return Ok(String::from_utf8_lossy(&b).into_owned());
    }
    Err(PyErr::type_error(format!(
        "str, bytes or bytearray expected, not {}",
        tname(vm, v)
    )))
}

/// Resolves a host name for an `AF_INET`/`AF_INET6` address: `''` is the
/// wildcard, `'<broadcast>'` the broadcast address, numbers parse directly,
/// other names go to the resolver (CPython's `setipaddr`).
pub(crate) fn resolve_host(vm: &mut Vm, host: &str, v6: bool) -> PyResult<IpAddr> {
    if host.is_empty() {
        return Ok(if v6 {
            IpAddr::V6(Ipv6Addr::UNSPECIFIED)
        } else {
            IpAddr::V4(Ipv4Addr::UNSPECIFIED)
        });
    }
    if host == "<broadcast>" || host == "255.255.255.255" {
        return Ok(IpAddr::V4(Ipv4Addr::BROADCAST));
    }
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(ip);
    }
    let found = (host, 0u16)
        .to_socket_addrs()
        .map_err(|e| super::gai_error_from(vm, &e))?
        .map(|a| a.ip())
        .find(|ip| ip.is_ipv6() == v6 || !v6);
    found.ok_or_else(|| super::gai_error(vm, libc::EAI_NONAME as i64))
}

/// A port number from Python, with CPython's range check.
fn port_of(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<u16> {
    if v.as_int().is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            tname(vm, v)
        )));
    }
    let p = vm.index_i64(v)?;
    u16::try_from(p).map_err(|_| {
        PyErr::new(
            ExcKind::OverflowError,
            format!("{fname}(): port must be 0-65535."),
        )
    })
}

/// The address `v` names for a socket of `family` (CPython's
/// `getsockaddrarg`, with its messages).
pub(crate) fn sockaddr_arg(vm: &mut Vm, family: i64, v: &Value, fname: &str) -> PyResult<SockAddr> {
    if family == i64::from(libc::AF_UNIX) {
        let path = match v.downcast::<StrObj>() {
            Some(s) => s.text().to_string_lossy().into_owned().into_bytes(),
            None => bytes_of(vm.token(), v).ok_or_else(|| {
                PyErr::type_error(format!(
                    "{fname}(): AF_UNIX address must be str or bytes, not {}",
                    tname(vm, v)
                ))
            })?,
        };
        let addr = match path.split_first() {
            Some((0, name)) => SocketAddrUnix::new_abstract_name(name),
            _ => SocketAddrUnix::new(path.as_slice()),
        };
        return addr
            .map(SockAddr::Unix)
            .map_err(|e| super::errno_err(vm, e));
    }
    let v6 = family == i64::from(libc::AF_INET6);
    if !v6 && family != i64::from(libc::AF_INET) {
        return Err(PyErr::new(
            ExcKind::OSError,
            format!("{fname}(): bad family"),
        ));
    }
    let Some(t) = v.downcast::<Tuple>() else {
        return Err(PyErr::type_error(format!(
            "{fname}(): AF_INET{} address must be tuple, not {}",
            if v6 { "6" } else { "" },
            tname(vm, v)
        )));
    };
    let items = t.items(vm.token()).to_vec();
    let arity_ok = if v6 {
        (2..=4).contains(&items.len())
    } else {
        items.len() == 2
    };
    if !arity_ok {
        return Err(PyErr::type_error(if v6 {
            "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
        } else {
            "AF_INET address must be a pair (host, port)"
        }));
    }
    let host = host_text(vm, &items[0])?;
    let port = port_of(vm, &items[1], fname)?;
    let ip = resolve_host(vm, &host, v6)?;
    let addr = match (ip, v6) {
        (IpAddr::V4(a), false) => SocketAddr::V4(SocketAddrV4::new(a, port)),
        (IpAddr::V6(a), true) => {
            let flow = match items.get(2) {
                Some(f) => u32::try_from(vm.index_i64(f)?).map_err(|_| {
                    PyErr::new(
                        ExcKind::OverflowError,
                        format!("{fname}(): flowinfo must be 0-1048575."),
                    )
                })?,
                None => 0,
            };
            let scope = match items.get(3) {
                Some(s) => u32::try_from(vm.index_i64(s)?).unwrap_or(0),
                None => 0,
            };
            SocketAddr::V6(SocketAddrV6::new(a, port, flow, scope))
        }
        (IpAddr::V4(a), true) => SocketAddr::V6(SocketAddrV6::new(a.to_ipv6_mapped(), port, 0, 0)),
        (IpAddr::V6(_), false) => {
            return Err(super::gai_error(vm, i64::from(super::EAI_ADDRFAMILY)));
        }
    };
    Ok(SockAddr::Ip(addr))
}

/// The Python form of an address the OS returned (CPython's `makesockaddr`).
pub(crate) fn sockaddr_value(addr: Option<SocketAddrAny>) -> Value {
    let Some(addr) = addr else {
        return Value::None;
    };
    if let Ok(a) = SocketAddr::try_from(addr.clone()) {
        return ip_value(&a);
    }
    if let Ok(u) = SocketAddrUnix::try_from(addr) {
        if let Some(p) = u.path_bytes() {
            return new_str(&String::from_utf8_lossy(p));
        }
        if let Some(n) = u.abstract_name().filter(|n| !n.is_empty()) {
            let mut b = vec![0u8];
            b.extend_from_slice(n);
            return new_bytes(b, false);
        }
        return new_str("");
    }
    Value::None
}

/// `(host, port)` or `(host, port, flowinfo, scope_id)`.
pub(crate) fn ip_value(a: &SocketAddr) -> Value {
    match a {
        SocketAddr::V4(v4) => Value::Obj(Tuple::alloc(vec![
            new_str(&v4.ip().to_string()),
            Value::Int(i64::from(v4.port())),
        ])),
        SocketAddr::V6(v6) => Value::Obj(Tuple::alloc(vec![
            new_str(&v6.ip().to_string()),
            Value::Int(i64::from(v6.port())),
            Value::Int(i64::from(v6.flowinfo())),
            Value::Int(i64::from(v6.scope_id())),
        ])),
    }
}

/// The BSD `inet_aton` reading of `text`: one to four parts, each decimal,
/// octal (leading `0`) or hex (`0x`), the last filling the remaining bytes.
pub(crate) fn parse_inet_aton(text: &str) -> Option<u32> {
    let parts: Vec<&str> = text.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let mut nums = Vec::with_capacity(parts.len());
    for p in &parts {
        let (digits, radix) = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X"))
        {
            (h, 16)
        } else if p.len() > 1 && p.starts_with('0') {
            (&p[1..], 8)
        } else {
            (*p, 10)
        };
        if digits.is_empty() && radix != 16 {
            return None;
        }
        let n = if digits.is_empty() {
            0
        } else {
            u32::from_str_radix(digits, radix).ok()?
        };
        nums.push(n);
    }
    let (last, head) = nums.split_last()?;
    let mut value: u32 = 0;
    for (i, &n) in head.iter().enumerate() {
        if n > 255 {
            return None;
        }
        value |= n << (24 - 8 * i);
    }
    let rest_bits = 32 - 8 * head.len() as u32;
    if rest_bits < 32 && *last >= (1u32 << rest_bits) {
        return None;
    }
    Some(value | last)
}

#[cfg(test)]
mod tests {
    use super::parse_inet_aton;

    #[test]
    fn inet_aton_forms() {
        assert_eq!(parse_inet_aton("127.0.0.1"), Some(0x7f00_0001));
        assert_eq!(parse_inet_aton("127.1"), Some(0x7f00_0001));
        assert_eq!(parse_inet_aton("0x7f.1"), Some(0x7f00_0001));
        assert_eq!(parse_inet_aton("1.2.3.256"), None);
        assert_eq!(parse_inet_aton("1.2.3.4.5"), None);
        assert_eq!(parse_inet_aton(""), None);
    }
}
