//! Process-environment and file-metadata functions of `posix`: `environ`
//! (bytes keys and values, as CPython builds it), `putenv`/`unsetenv`,
//! `urandom`, `times`, `umask`, `utime`, `chmod`, `readlink`, `symlink`,
//! `link`, `_exit`.

use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;

use vm::builtins::dict::Dict;
use vm::builtins::str::new_str;
use vm::calls::{arg_range, exact_args, ArgSpec, NativeFn};
use vm::methods::bytes::new_bytes;
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use super::{errno_error, os_error, path_text, path_value};
use crate::util::tname;

/// `posix.environ`: a dict of the environment, bytes to bytes.
pub(crate) fn environ(vm: &mut Vm) -> PyResult<Value> {
    let d = Value::Obj(ObjRef::new(&vm::types::builtin_types().dict, Dict::new()));
    for (k, v) in std::env::vars_os() {
        let k = new_bytes(k.as_bytes().to_vec(), false);
        let v = new_bytes(v.as_bytes().to_vec(), false);
        vm.setitem(&d, &k, Some(v))?;
    }
    Ok(d)
}

/// A `str` or bytes environment name/value as text.
fn env_text(vm: &mut Vm, v: &Value, what: &str) -> PyResult<String> {
    if let Some(s) = v.downcast::<vm::builtins::str::StrObj>() {
        return Ok(s.text().to_string_lossy().into_owned());
    }
    if let Some(b) = vm::methods::bytes::bytes_of(vm.token(), v) {
        return Ok(String::from_utf8_lossy(&b).into_owned());
    }
    Err(PyErr::type_error(format!(
        "{what}: expected str, bytes or os.PathLike object, not {}",
        tname(vm, v)
    )))
}

fn putenv(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "putenv", args, kw, 2)?;
    let k = env_text(vm, &a[0], "putenv")?;
    let v = env_text(vm, &a[1], "putenv")?;
    if k.is_empty() || k.contains('=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    if k.contains('\0') || v.contains('\0') {
        return Err(PyErr::value_error("embedded null byte"));
    }
    std::env::set_var(k, v);
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "unsetenv", args, kw, 1)?;
    let k = env_text(vm, &a[0], "unsetenv")?;
    if k.is_empty() || k.contains('=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    if k.contains('\0') {
        return Err(PyErr::value_error("embedded null byte"));
    }
    std::env::remove_var(k);
    Ok(Value::None)
}

fn urandom(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "urandom", args, kw, 1)?;
    let n = vm.index_i64(&a[0])?;
    let Ok(n) = usize::try_from(n) else {
        return Err(PyErr::value_error("negative argument not allowed"));
    };
    let mut buf = vec![0u8; n];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| os_error(vm, &e, None, None))?;
    Ok(new_bytes(buf, false))
}

/// Clock ticks per second on Linux (`sysconf(_SC_CLK_TCK)`).
const CLK_TCK: f64 = 100.0;

fn times(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "times", args, kw, 0)?;
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    // After the command: state is field 0; utime, stime, cutime, cstime are 11..=14.
    let f: Vec<f64> = rest
        .split_whitespace()
        .skip(11)
        .take(4)
        .map(|s| s.parse::<f64>().unwrap_or(0.0) / CLK_TCK)
        .collect();
    let uptime = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
        .unwrap_or(0.0);
    let mut items: Vec<Value> = f.into_iter().map(Value::Float).collect();
    items.resize(4, Value::Float(0.0));
    items.push(Value::Float(uptime));
    super::seqs::make(vm, "times_result", items)
}

fn umask(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "umask", args, kw, 1)?;
    vm.index_i64(&a[0])?;
    // Reading only: setting the mask needs umask(2), which std doesn't offer.
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let old = status
        .lines()
        .find_map(|l| l.strip_prefix("Umask:"))
        .and_then(|s| i64::from_str_radix(s.trim(), 8).ok())
        .unwrap_or(0o022);
    Ok(Value::Int(old))
}

/// A time in seconds (int or float) or a `(sec, nsec)` from `ns`.
fn system_time(vm: &mut Vm, v: &Value, ns: bool) -> PyResult<std::time::SystemTime> {
    let nanos: i128 = if ns {
        i128::from(vm.index_i64(v)?)
    } else {
        match v {
            Value::Float(f) => (*f * 1e9) as i128,
            _ => i128::from(vm.index_i64(v)?) * 1_000_000_000,
        }
    };
    let base = std::time::UNIX_EPOCH;
    let d = std::time::Duration::from_nanos(nanos.unsigned_abs().min(u128::from(u64::MAX)) as u64);
    Ok(if nanos >= 0 { base + d } else { base - d })
}

fn utime(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [p, t, ns, _dir_fd, _follow]) = ArgSpec::parse(
        vm,
        "utime",
        args,
        kw,
        ["path", "times", "ns", "dir_fd", "follow_symlinks"],
    )?;
    let Some(p) = p.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(
            "utime() missing required argument 'path' (pos 1)",
        ));
    };
    let path = path_text(vm, &p, "utime", "path")?;
    let t = t.or_else(|| pos.get(1).cloned()).unwrap_or(Value::None);
    let pair = |vm: &mut Vm,
                v: &Value,
                is_ns: bool,
                what: &str|
     -> PyResult<(std::time::SystemTime, std::time::SystemTime)> {
        let items = v
            .downcast::<vm::builtins::tuple::Tuple>()
            .map(|t| t.items(vm.token()).to_vec());
        match items {
            Some(it) if it.len() == 2 => {
                let a = system_time(vm, &it[0], is_ns)?;
                let m = system_time(vm, &it[1], is_ns)?;
                Ok((a, m))
            }
            _ => Err(PyErr::type_error(format!(
                "utime: '{what}' must be a tuple of two {}",
                if is_ns { "ints" } else { "ints or floats" }
            ))),
        }
    };
    let (atime, mtime) = match (&t, &ns) {
        (Value::None, None) => {
            let now = std::time::SystemTime::now();
            (now, now)
        }
        (Value::None, Some(n)) => pair(vm, n, true, "ns")?,
        (t, None) => pair(vm, t, false, "times")?,
        _ => {
            return Err(PyErr::value_error(
                "utime: you may specify either 'times' or 'ns' but not both",
            ))
        }
    };
    let f = std::fs::File::open(&path).map_err(|e| os_error(vm, &e, Some(&path), None))?;
    let times = std::fs::FileTimes::new()
        .set_accessed(atime)
        .set_modified(mtime);
    f.set_times(times)
        .map_err(|e| os_error(vm, &e, Some(&path), None))?;
    Ok(Value::None)
}

fn chmod(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [p, m, _dir_fd, _follow]) = ArgSpec::parse(
        vm,
        "chmod",
        args,
        kw,
        ["path", "mode", "dir_fd", "follow_symlinks"],
    )?;
    let (Some(p), Some(m)) = (
        p.or_else(|| pos.first().cloned()),
        m.or_else(|| pos.get(1).cloned()),
    ) else {
        return Err(PyErr::type_error("chmod() missing required argument"));
    };
    let mode = vm.index_i64(&m)?;
    let perms = std::fs::Permissions::from_mode((mode & 0o7777) as u32);
    if let Value::Int(fd) = p {
        let f = super::fds::file_of(vm, fd)?;
        f.set_permissions(perms)
            .map_err(|e| os_error(vm, &e, None, None))?;
        return Ok(Value::None);
    }
    let path = path_text(vm, &p, "chmod", "path")?;
    std::fs::set_permissions(&path, perms).map_err(|e| os_error(vm, &e, Some(&path), None))?;
    Ok(Value::None)
}

fn readlink(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [p, _dir_fd]) = ArgSpec::parse(vm, "readlink", args, kw, ["path", "dir_fd"])?;
    let Some(p) = p.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(
            "readlink() missing required argument 'path' (pos 1)",
        ));
    };
    let (path, as_bytes) = path_value(vm, &p, "readlink", "path")?;
    let target = std::fs::read_link(&path).map_err(|e| os_error(vm, &e, Some(&path), None))?;
    let bytes = target.as_os_str().as_bytes().to_vec();
    Ok(if as_bytes {
        new_bytes(bytes, false)
    } else {
        new_str(&String::from_utf8_lossy(&bytes))
    })
}

fn two_paths(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<(String, String)> {
    let (pos, [s, d, _tid, _sfd, _dfd, _dir_fd, _follow]) = ArgSpec::parse(
        vm,
        name,
        args,
        kw,
        [
            "src",
            "dst",
            "target_is_directory",
            "src_dir_fd",
            "dst_dir_fd",
            "dir_fd",
            "follow_symlinks",
        ],
    )?;
    let (Some(s), Some(d)) = (
        s.or_else(|| pos.first().cloned()),
        d.or_else(|| pos.get(1).cloned()),
    ) else {
        return Err(PyErr::type_error(format!(
            "{name}() missing required argument 'dst' (pos 2)"
        )));
    };
    let s = path_text(vm, &s, name, "src")?;
    let d = path_text(vm, &d, name, "dst")?;
    Ok((s, d))
}

fn symlink(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (s, d) = two_paths(vm, "symlink", args, kw)?;
    std::os::unix::fs::symlink(&s, &d).map_err(|e| os_error(vm, &e, Some(&s), Some(&d)))?;
    Ok(Value::None)
}

fn link(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (s, d) = two_paths(vm, "link", args, kw)?;
    std::fs::hard_link(&s, &d).map_err(|e| os_error(vm, &e, Some(&s), Some(&d)))?;
    Ok(Value::None)
}

fn exit_now(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_exit", args, kw, 1)?;
    let code = vm.index_i64(&a[0])?;
    std::process::exit(code as i32)
}

fn kill(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "kill", args, kw, 2, 2)?;
    vm.index_i64(&a[0])?;
    vm.index_i64(&a[1])?;
    // kill(2) isn't reachable without libc: "Function not implemented".
    Err(errno_error(vm, 38, None, None))
}

/// The functions of this file, for the module table.
pub(crate) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_exit", exit_now),
    ("chmod", chmod),
    ("kill", kill),
    ("link", link),
    ("putenv", putenv),
    ("readlink", readlink),
    ("symlink", symlink),
    ("times", times),
    ("umask", umask),
    ("unsetenv", unsetenv),
    ("urandom", urandom),
    ("utime", utime),
];
