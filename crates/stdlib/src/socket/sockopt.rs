//! Integer socket options for `getsockopt`/`setsockopt` (CPython passes any
//! `(level, optname)` to the OS; Krait knows the integer options asyncio and
//! `socket.py` use and answers `ENOPROTOOPT` for the rest).

use std::os::fd::BorrowedFd;

use rustix::io::Errno;
use rustix::net::sockopt as so;

fn flag(r: Result<bool, Errno>) -> Result<i32, Errno> {
    r.map(i32::from)
}

fn size(r: Result<usize, Errno>) -> Result<i32, Errno> {
    r.map(|n| i32::try_from(n).unwrap_or(i32::MAX))
}

/// The value of option `name` at `level` (CPython's `sock_getsockopt`
/// without a buffer length).
pub(crate) fn get(fd: BorrowedFd<'_>, level: i64, name: i64) -> Result<i32, Errno> {
    let (sol, tcp, ip, ip6) = (
        i64::from(libc::SOL_SOCKET),
        i64::from(libc::IPPROTO_TCP),
        i64::from(libc::IPPROTO_IP),
        i64::from(libc::IPPROTO_IPV6),
    );
    let Ok(name) = i32::try_from(name) else {
        return Err(Errno::NOPROTOOPT);
    };
    if level == sol {
        return match name {
            libc::SO_ERROR => so::socket_error(fd).map(|r| r.err().map_or(0, |e| e.raw_os_error())),
            libc::SO_TYPE => so::socket_type(fd).map(|t| t.as_raw() as i32),
            libc::SO_DOMAIN => so::socket_domain(fd).map(|d| i32::from(d.as_raw())),
            libc::SO_PROTOCOL => {
                so::socket_protocol(fd).map(|p| p.map_or(0, |p| p.as_raw().get() as i32))
            }
            libc::SO_REUSEADDR => flag(so::socket_reuseaddr(fd)),
            libc::SO_REUSEPORT => flag(so::socket_reuseport(fd)),
            libc::SO_KEEPALIVE => flag(so::socket_keepalive(fd)),
            libc::SO_BROADCAST => flag(so::socket_broadcast(fd)),
            libc::SO_ACCEPTCONN => flag(so::socket_acceptconn(fd)),
            libc::SO_OOBINLINE => flag(so::socket_oobinline(fd)),
            libc::SO_RCVBUF => size(so::socket_recv_buffer_size(fd)),
            libc::SO_SNDBUF => size(so::socket_send_buffer_size(fd)),
            _ => Err(Errno::NOPROTOOPT),
        };
    }
    if level == tcp && name == libc::TCP_NODELAY {
        return flag(so::tcp_nodelay(fd));
    }
    if level == ip && name == libc::IP_TTL {
        return so::ip_ttl(fd).map(|t| t as i32);
    }
    if level == ip6 && name == libc::IPV6_V6ONLY {
        return flag(so::ipv6_v6only(fd));
    }
    Err(Errno::NOPROTOOPT)
}

/// Sets option `name` at `level` to `value` (CPython's `sock_setsockopt`
/// with an int).
pub(crate) fn set(fd: BorrowedFd<'_>, level: i64, name: i64, value: i32) -> Result<(), Errno> {
    let (sol, tcp, ip, ip6) = (
        i64::from(libc::SOL_SOCKET),
        i64::from(libc::IPPROTO_TCP),
        i64::from(libc::IPPROTO_IP),
        i64::from(libc::IPPROTO_IPV6),
    );
    let Ok(name) = i32::try_from(name) else {
        return Err(Errno::NOPROTOOPT);
    };
    let on = value != 0;
    let n = usize::try_from(value).unwrap_or(0);
    if level == sol {
        return match name {
            libc::SO_REUSEADDR => so::set_socket_reuseaddr(fd, on),
            libc::SO_REUSEPORT => so::set_socket_reuseport(fd, on),
            libc::SO_KEEPALIVE => so::set_socket_keepalive(fd, on),
            libc::SO_BROADCAST => so::set_socket_broadcast(fd, on),
            libc::SO_OOBINLINE => so::set_socket_oobinline(fd, on),
            libc::SO_RCVBUF => so::set_socket_recv_buffer_size(fd, n),
            libc::SO_SNDBUF => so::set_socket_send_buffer_size(fd, n),
            _ => Err(Errno::NOPROTOOPT),
        };
    }
    if level == tcp && name == libc::TCP_NODELAY {
        return so::set_tcp_nodelay(fd, on);
    }
    if level == ip && name == libc::IP_TTL {
        return so::set_ip_ttl(fd, u32::try_from(value).unwrap_or(0));
    }
    if level == ip6 && name == libc::IPV6_V6ONLY {
        return so::set_ipv6_v6only(fd, on);
    }
    Err(Errno::NOPROTOOPT)
}
