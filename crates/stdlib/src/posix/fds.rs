//! File-descriptor functions of `posix` (CPython's `os.open`, `os.read`,
//! `os.write`, `os.lseek`, `os.fstat`, `os.pipe`, `os.dup`, ...).
//!
//! Krait has no `unsafe` outside the object core, so a descriptor number from
//! Python can't be turned into a Rust file by itself: every descriptor Krait
//! opens lives in [`FDS`], a table from number to open file; 0, 1 and 2 are
//! reached by duplicating the process's standard streams. A number in neither
//! is "[Errno 9] Bad file descriptor", as CPython says for a closed one.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;
use std::sync::{Arc, Mutex};

use vm::builtins::tuple::Tuple;
use vm::calls::{arg_range, exact_args, ArgSpec};
use vm::methods::bytes::{bytes_of, new_bytes};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use super::{errno_error, make_stat, os_error, path_text};
use crate::util::tname;

/// The Linux x86-64 values of the `O_*`, `SEEK_*`, `EX_*`, `W*`... constants
/// (as CPython's `posix` module has them).
pub(crate) const CONSTANTS: &[(&str, i64)] = &[
    ("CLD_CONTINUED", 6),
    ("CLD_DUMPED", 3),
    ("CLD_EXITED", 1),
    ("CLD_KILLED", 2),
    ("CLD_STOPPED", 5),
    ("CLD_TRAPPED", 4),
    ("EX_CANTCREAT", 73),
    ("EX_CONFIG", 78),
    ("EX_DATAERR", 65),
    ("EX_IOERR", 74),
    ("EX_NOHOST", 68),
    ("EX_NOINPUT", 66),
    ("EX_NOPERM", 77),
    ("EX_NOUSER", 67),
    ("EX_OK", 0),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_PROTOCOL", 76),
    ("EX_SOFTWARE", 70),
    ("EX_TEMPFAIL", 75),
    ("EX_UNAVAILABLE", 69),
    ("EX_USAGE", 64),
    ("F_LOCK", 1),
    ("F_OK", 0),
    ("F_TEST", 3),
    ("F_TLOCK", 2),
    ("F_ULOCK", 0),
    ("NGROUPS_MAX", 65536),
    ("O_ACCMODE", 3),
    ("O_APPEND", 1024),
    ("O_ASYNC", 8192),
    ("O_CLOEXEC", 524288),
    ("O_CREAT", 64),
    ("O_DIRECT", 16384),
    ("O_DIRECTORY", 65536),
    ("O_DSYNC", 4096),
    ("O_EXCL", 128),
    ("O_FSYNC", 1052672),
    ("O_LARGEFILE", 0),
    ("O_NDELAY", 2048),
    ("O_NOATIME", 262144),
    ("O_NOCTTY", 256),
    ("O_NOFOLLOW", 131072),
    ("O_NONBLOCK", 2048),
    ("O_PATH", 2097152),
    ("O_RDONLY", 0),
    ("O_RDWR", 2),
    ("O_RSYNC", 1052672),
    ("O_SYNC", 1052672),
    ("O_TMPFILE", 4259840),
    ("O_TRUNC", 512),
    ("O_WRONLY", 1),
    ("POSIX_FADV_DONTNEED", 4),
    ("POSIX_FADV_NOREUSE", 5),
    ("POSIX_FADV_NORMAL", 0),
    ("POSIX_FADV_RANDOM", 1),
    ("POSIX_FADV_SEQUENTIAL", 2),
    ("POSIX_FADV_WILLNEED", 3),
    ("PRIO_PGRP", 1),
    ("PRIO_PROCESS", 0),
    ("PRIO_USER", 2),
    ("P_ALL", 0),
    ("P_NOWAIT", 1),
    ("P_NOWAITO", 1),
    ("P_PGID", 2),
    ("P_PID", 1),
    ("P_PIDFD", 3),
    ("P_WAIT", 0),
    ("RTLD_DEEPBIND", 8),
    ("RTLD_GLOBAL", 256),
    ("RTLD_LAZY", 1),
    ("RTLD_LOCAL", 0),
    ("RTLD_NODELETE", 4096),
    ("RTLD_NOLOAD", 4),
    ("RTLD_NOW", 2),
    ("SCHED_BATCH", 3),
    ("SCHED_FIFO", 1),
    ("SCHED_IDLE", 5),
    ("SCHED_OTHER", 0),
    ("SCHED_RESET_ON_FORK", 1073741824),
    ("SCHED_RR", 2),
    ("SEEK_CUR", 1),
    ("SEEK_DATA", 3),
    ("SEEK_END", 2),
    ("SEEK_HOLE", 4),
    ("SEEK_SET", 0),
    ("ST_APPEND", 256),
    ("ST_MANDLOCK", 64),
    ("ST_NOATIME", 1024),
    ("ST_NODEV", 4),
    ("ST_NODIRATIME", 2048),
    ("ST_NOEXEC", 8),
    ("ST_NOSUID", 2),
    ("ST_RDONLY", 1),
    ("ST_RELATIME", 4096),
    ("ST_SYNCHRONOUS", 16),
    ("ST_WRITE", 128),
    ("TMP_MAX", 238328),
    ("WCONTINUED", 8),
    ("WEXITED", 4),
    ("WNOHANG", 1),
    ("WNOWAIT", 16777216),
    ("WSTOPPED", 2),
    ("WUNTRACED", 2),
];

/// The open descriptors Krait created, by number.
static FDS: Mutex<BTreeMap<i32, Arc<File>>> = Mutex::new(BTreeMap::new());

const EBADF: i64 = 9;
const EINVAL: i64 = 22;
const ENOTTY: i64 = 25;

fn table() -> std::sync::MutexGuard<'static, BTreeMap<i32, Arc<File>>> {
    FDS.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Registers an open file; returns its descriptor number.
pub(crate) fn register(f: File) -> i32 {
    let fd = f.as_raw_fd();
    table().insert(fd, Arc::new(f));
    fd
}

/// Drops descriptor `fd` from the table, closing it once no call is using it
/// (for objects owning a descriptor that are freed without a VM at hand).
pub(crate) fn forget(fd: i32) {
    table().remove(&fd);
}

/// The open file behind descriptor `fd`, or `EBADF`.
pub(crate) fn file_of(vm: &mut Vm, fd: i64) -> PyResult<Arc<File>> {
    let Ok(n) = i32::try_from(fd) else {
        return Err(errno_error(vm, EBADF, None, None));
    };
    if let Some(f) = table().get(&n) {
        return Ok(f.clone());
    }
    let dup = match n {
        0 => std::io::stdin().as_fd().try_clone_to_owned(),
        1 => std::io::stdout().as_fd().try_clone_to_owned(),
        2 => std::io::stderr().as_fd().try_clone_to_owned(),
        _ => return Err(errno_error(vm, EBADF, None, None)),
    };
    match dup {
        Ok(o) => Ok(Arc::new(File::from(o))),
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

/// Closes descriptor `fd` (the standard streams stay open: Krait can't close
/// what it didn't open without `unsafe`).
pub(crate) fn close_fd(vm: &mut Vm, fd: i64) -> PyResult<()> {
    let removed = i32::try_from(fd).ok().and_then(|n| table().remove(&n));
    match removed {
        Some(_) => Ok(()),
        None if (0..=2).contains(&fd) => Ok(()),
        None => Err(errno_error(vm, EBADF, None, None)),
    }
}

/// Opens `path` with `open(2)` flags and mode; returns the descriptor.
pub(crate) fn open_path(vm: &mut Vm, path: &str, flags: i64, mode: i64) -> PyResult<i32> {
    let flags = i32::try_from(flags).map_err(|_| {
        PyErr::new(
            vm::ExcKind::OverflowError,
            "signed integer is greater than maximum",
        )
    })?;
    let mut o = std::fs::OpenOptions::new();
    match flags & 3 {
        0 => o.read(true),
        1 => o.write(true),
        _ => o.read(true).write(true),
    };
    o.custom_flags(flags & !3).mode((mode & 0o7777) as u32);
    let f = o
        .open(path)
        .map_err(|e| os_error(vm, &e, Some(path), None))?;
    Ok(register(f))
}

/// Reads at most `n` bytes from `fd`.
pub(crate) fn read_fd(vm: &mut Vm, fd: i64, n: usize) -> PyResult<Vec<u8>> {
    let f = file_of(vm, fd)?;
    let mut buf = vec![0u8; n];
    loop {
        match (&*f).read(&mut buf) {
            Ok(k) => {
                buf.truncate(k);
                return Ok(buf);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(os_error(vm, &e, None, None)),
        }
    }
}

/// Writes some of `data` to `fd` (one `write(2)`); returns the count.
pub(crate) fn write_fd(vm: &mut Vm, fd: i64, data: &[u8]) -> PyResult<usize> {
    let f = file_of(vm, fd)?;
    loop {
        match (&*f).write(data) {
            Ok(k) => return Ok(k),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(os_error(vm, &e, None, None)),
        }
    }
}

/// `lseek(2)`: the new position.
pub(crate) fn seek_fd(vm: &mut Vm, fd: i64, pos: i64, whence: i64) -> PyResult<i64> {
    let f = file_of(vm, fd)?;
    let to = match whence {
        0 => match u64::try_from(pos) {
            Ok(p) => SeekFrom::Start(p),
            Err(_) => return Err(errno_error(vm, EINVAL, None, None)),
        },
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        _ => return Err(errno_error(vm, EINVAL, None, None)),
    };
    match (&*f).seek(to) {
        Ok(p) => Ok(p as i64),
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

/// `ftruncate(2)`.
pub(crate) fn truncate_fd(vm: &mut Vm, fd: i64, len: i64) -> PyResult<()> {
    let f = file_of(vm, fd)?;
    let Ok(len) = u64::try_from(len) else {
        return Err(errno_error(vm, EINVAL, None, None));
    };
    f.set_len(len).map_err(|e| os_error(vm, &e, None, None))
}

/// `isatty(3)`.
pub(crate) fn isatty_fd(vm: &mut Vm, fd: i64) -> bool {
    file_of(vm, fd).is_ok_and(|f| f.is_terminal())
}

/// The metadata of `fd`'s file (`fstat(2)`).
pub(crate) fn metadata_fd(vm: &mut Vm, fd: i64) -> PyResult<std::fs::Metadata> {
    let f = file_of(vm, fd)?;
    f.metadata().map_err(|e| os_error(vm, &e, None, None))
}

fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if matches!(v, Value::Float(_)) {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            tname(vm, v)
        )));
    }
    vm.index_i64(v)
}

fn open(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [p, fl, md, _dir_fd]) =
        ArgSpec::parse(vm, "open", args, kw, ["path", "flags", "mode", "dir_fd"])?;
    let p = p.or_else(|| pos.first().cloned());
    let fl = fl.or_else(|| pos.get(1).cloned());
    let (Some(p), Some(fl)) = (p, fl) else {
        return Err(PyErr::type_error(if pos.is_empty() {
            "open() missing required argument 'path' (pos 1)"
        } else {
            "open() missing required argument 'flags' (pos 2)"
        }));
    };
    let path = path_text(vm, &p, "open", "path")?;
    let flags = fd_arg(vm, &fl)?;
    let mode = match md.or_else(|| pos.get(2).cloned()) {
        Some(m) => fd_arg(vm, &m)?,
        None => 0o777,
    };
    Ok(Value::Int(i64::from(open_path(vm, &path, flags, mode)?)))
}

fn close(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "close", args, kw, 1)?;
    let fd = fd_arg(vm, &a[0])?;
    close_fd(vm, fd)?;
    Ok(Value::None)
}

fn closerange(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "closerange", args, kw, 2)?;
    let lo = fd_arg(vm, &a[0])?;
    let hi = fd_arg(vm, &a[1])?;
    let lo = i32::try_from(lo.max(3)).unwrap_or(i32::MAX);
    let hi = i32::try_from(hi.max(0)).unwrap_or(i32::MAX);
    table().retain(|k, _| !(lo..hi).contains(k));
    Ok(Value::None)
}

fn read(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "read", args, kw, 2)?;
    let fd = fd_arg(vm, &a[0])?;
    let n = fd_arg(vm, &a[1])?;
    let Ok(n) = usize::try_from(n) else {
        return Err(errno_error(vm, EINVAL, None, None));
    };
    let data = read_fd(vm, fd, n.min(1 << 30))?;
    Ok(new_bytes(data, false))
}

/// The bytes of a bytes-like argument, or CPython's "a bytes-like object is
/// required, not 'T'".
pub(crate) fn buffer_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_of(vm.token(), v) {
        Some(b) => Ok(b),
        None => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            tname(vm, v)
        ))),
    }
}

fn write(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "write", args, kw, 2)?;
    let fd = fd_arg(vm, &a[0])?;
    let data = buffer_arg(vm, &a[1])?;
    Ok(Value::Int(write_fd(vm, fd, &data)? as i64))
}

fn lseek(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "lseek", args, kw, 3)?;
    let fd = fd_arg(vm, &a[0])?;
    let pos = fd_arg(vm, &a[1])?;
    let how = fd_arg(vm, &a[2])?;
    Ok(Value::Int(seek_fd(vm, fd, pos, how)?))
}

fn fstat(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [f]) = ArgSpec::parse(vm, "fstat", args, kw, ["fd"])?;
    let Some(f) = f.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(
            "fstat() missing required argument 'fd' (pos 1)",
        ));
    };
    let fd = fd_arg(vm, &f)?;
    let md = metadata_fd(vm, fd)?;
    make_stat(vm, &md)
}

fn isatty(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "isatty", args, kw, 1)?;
    let fd = fd_arg(vm, &a[0])?;
    Ok(Value::Bool(isatty_fd(vm, fd)))
}

fn pipe(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "pipe", args, kw, 0)?;
    let (r, w) = std::io::pipe().map_err(|e| os_error(vm, &e, None, None))?;
    let r = register(File::from(OwnedFd::from(r)));
    let w = register(File::from(OwnedFd::from(w)));
    Ok(Value::Obj(Tuple::alloc(vec![
        Value::Int(i64::from(r)),
        Value::Int(i64::from(w)),
    ])))
}

fn dup(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "dup", args, kw, 1)?;
    let fd = fd_arg(vm, &a[0])?;
    let f = file_of(vm, fd)?;
    let g = f.try_clone().map_err(|e| os_error(vm, &e, None, None))?;
    Ok(Value::Int(i64::from(register(g))))
}

fn ftruncate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "ftruncate", args, kw, 2)?;
    let fd = fd_arg(vm, &a[0])?;
    let len = fd_arg(vm, &a[1])?;
    truncate_fd(vm, fd, len)?;
    Ok(Value::None)
}

fn fsync(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "fsync", args, kw, 1)?;
    let fd = match vm.index_i64(&a[0]) {
        Ok(n) => n,
        Err(_) => {
            let r = vm.call_method(&a[0], "fileno", &[])?;
            vm.index_i64(&r)?
        }
    };
    let f = file_of(vm, fd)?;
    match f.sync_all() {
        Ok(()) => Ok(Value::None),
        // fsync on a pipe or terminal is EINVAL, as in CPython.
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

fn get_blocking(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "get_blocking", args, kw, 1)?;
    let fd = fd_arg(vm, &a[0])?;
    file_of(vm, fd)?;
    Ok(Value::Bool(true))
}

fn set_blocking(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "set_blocking", args, kw, 2)?;
    let fd = fd_arg(vm, &a[0])?;
    file_of(vm, fd)?;
    Ok(Value::None)
}

fn get_inheritable(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "get_inheritable", args, kw, 1)?;
    let fd = fd_arg(vm, &a[0])?;
    file_of(vm, fd)?;
    Ok(Value::Bool((0..=2).contains(&fd)))
}

fn set_inheritable(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "set_inheritable", args, kw, 2)?;
    let fd = fd_arg(vm, &a[0])?;
    file_of(vm, fd)?;
    Ok(Value::None)
}

fn device_encoding(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "device_encoding", args, kw, 1)?;
    let fd = fd_arg(vm, &a[0])?;
    Ok(if isatty_fd(vm, fd) {
        vm::builtins::str::new_str("utf-8")
    } else {
        Value::None
    })
}

fn get_terminal_size(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "get_terminal_size", args, kw, 0, 1)?;
    let fd = match a.first() {
        Some(v) => fd_arg(vm, v)?,
        None => 1,
    };
    if !isatty_fd(vm, fd) {
        return Err(errno_error(vm, ENOTTY, None, None));
    }
    // Without ioctl(TIOCGWINSZ): the environment's size, else 80x24.
    let env = |k: &str, d: i64| {
        std::env::var(k)
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(d)
    };
    let items = vec![Value::Int(env("COLUMNS", 80)), Value::Int(env("LINES", 24))];
    super::seqs::make(vm, "terminal_size", items)
}

fn truncate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "truncate", args, kw, 2)?;
    let len = fd_arg(vm, &a[1])?;
    if let Value::Int(fd) = a[0] {
        truncate_fd(vm, fd, len)?;
        return Ok(Value::None);
    }
    let path = path_text(vm, &a[0], "truncate", "path")?;
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .map_err(|e| os_error(vm, &e, Some(&path), None))?;
    let Ok(len) = u64::try_from(len) else {
        return Err(errno_error(vm, EINVAL, Some(&path), None));
    };
    f.set_len(len)
        .map_err(|e| os_error(vm, &e, Some(&path), None))?;
    Ok(Value::None)
}

/// The descriptor functions, for the module table.
pub(crate) const FUNCTIONS: &[(&str, vm::calls::NativeFn)] = &[
    ("close", close),
    ("closerange", closerange),
    ("device_encoding", device_encoding),
    ("dup", dup),
    ("fstat", fstat),
    ("fsync", fsync),
    ("ftruncate", ftruncate),
    ("get_blocking", get_blocking),
    ("get_inheritable", get_inheritable),
    ("get_terminal_size", get_terminal_size),
    ("isatty", isatty),
    ("lseek", lseek),
    ("open", open),
    ("pipe", pipe),
    ("read", read),
    ("set_blocking", set_blocking),
    ("set_inheritable", set_inheritable),
    ("truncate", truncate),
    ("write", write),
];
