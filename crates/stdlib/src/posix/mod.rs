//! The `posix` module (CPython's `Modules/posixmodule.c`), a first part:
//! working directory, directory listing and creation, removal, renaming,
//! `stat`/`lstat` with `stat_result`, `access`, `strerror`, `fspath`,
//! `getpid`, `cpu_count`, and the constants `os.py` reads. Errors are
//! `OSError`s whose message is CPython's ("[Errno 2] No such file or
//! directory: 'x'"); the `OSError` subclasses (`FileNotFoundError`...) and
//! the bytes-based parts (`environ`, `read`, `urandom`) wait for the VM's
//! `bytes` type and exception hierarchy.

use std::os::unix::fs::{MetadataExt, PermissionsExt};

use vm::builtins::list::List;
use vm::builtins::str::{new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::{arg_range, exact_args, new_native_function, ArgSpec, NativeFn};
use vm::class::call_special;
use vm::object::{Payload, PyCell};
use vm::types::{new_native_type, TypeObject};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

mod env;
mod errors;
pub(crate) mod fds;
mod scandir;
mod seqs;
mod wait;
pub(crate) use errors::{errno_error, os_error, strerror_text};

/// A path argument as text (for other modules' `open`-like functions).
pub(crate) fn path_arg(vm: &mut Vm, v: &Value, fname: &str, arg: &str) -> PyResult<String> {
    path_text(vm, v, fname, arg)
}

/// `os.fspath(path)` as text: `str`, bytes, or what `__fspath__` returns.
fn path_text(vm: &mut Vm, v: &Value, fname: &str, arg: &str) -> PyResult<String> {
    Ok(path_value(vm, v, fname, arg)?.0)
}

/// A path argument as text and whether it was bytes (functions such as
/// `listdir` answer bytes paths with bytes names, as CPython does).
pub(crate) fn path_value(
    vm: &mut Vm,
    v: &Value,
    fname: &str,
    arg: &str,
) -> PyResult<(String, bool)> {
    if let Some(s) = v.downcast::<StrObj>() {
        return Ok((s.text().to_string_lossy().into_owned(), false));
    }
    if let Some(b) = vm::methods::bytes::bytes_of(vm.token(), v) {
        return Ok((String::from_utf8_lossy(&b).into_owned(), true));
    }
    if let Some(r) = call_special(vm, v, "__fspath__", &[])? {
        if let Some(s) = r.downcast::<StrObj>() {
            return Ok((s.text().to_string_lossy().into_owned(), false));
        }
        if let Some(b) = vm::methods::bytes::bytes_of(vm.token(), &r) {
            return Ok((String::from_utf8_lossy(&b).into_owned(), true));
        }
        return Err(PyErr::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            tname(vm, v),
            tname(vm, &r)
        )));
    }
    Err(PyErr::type_error(format!(
        "{fname}: {arg} should be string, bytes or os.PathLike, not {}",
        tname(vm, v)
    )))
}

fn fspath(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [p]) = ArgSpec::parse(vm, "fspath", args, kw, ["path"])?;
    let Some(p) = p.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(
            "fspath() missing required argument 'path' (pos 1)",
        ));
    };
    let is_path = |vm: &mut Vm, v: &Value| {
        v.downcast::<StrObj>().is_some()
            || (v.downcast::<vm::methods::bytes::BytesObj>().is_some()
                && !vm::methods::bytes::is_bytearray(vm, v))
    };
    if is_path(vm, &p) {
        return Ok(p);
    }
    if let Some(r) = call_special(vm, &p, "__fspath__", &[])? {
        if is_path(vm, &r) {
            return Ok(r);
        }
        return Err(PyErr::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            tname(vm, &p),
            tname(vm, &r)
        )));
    }
    Err(PyErr::type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        tname(vm, &p)
    )))
}

fn getcwd(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "getcwd", args, kw, 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(new_str(&p.to_string_lossy())),
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

fn chdir(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "chdir", args, kw, 1)?;
    let p = path_text(vm, &a[0], "chdir", "path")?;
    std::env::set_current_dir(&p).map_err(|e| os_error(vm, &e, Some(&p), None))?;
    Ok(Value::None)
}

fn getpid(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "getpid", args, kw, 0)?;
    Ok(Value::Int(i64::from(std::process::id())))
}

fn cpu_count(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "cpu_count", args, kw, 0)?;
    Ok(std::thread::available_parallelism().map_or(Value::None, |n| Value::Int(n.get() as i64)))
}

fn strerror(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "strerror", args, kw, 1)?;
    let code = vm.index_i64(&a[0])?;
    Ok(new_str(&strerror_text(code)))
}

fn listdir(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [p]) = ArgSpec::parse(vm, "listdir", args, kw, ["path"])?;
    let (path, as_bytes) = match p.or_else(|| pos.first().cloned()) {
        None | Some(Value::None) => (".".to_owned(), false),
        Some(v) => path_value(vm, &v, "listdir", "path")?,
    };
    let rd = std::fs::read_dir(&path).map_err(|e| os_error(vm, &e, Some(&path), None))?;
    let mut names = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| os_error(vm, &e, Some(&path), None))?;
        let name = entry.file_name();
        names.push(if as_bytes {
            vm::methods::bytes::new_bytes(
                std::os::unix::ffi::OsStrExt::as_bytes(name.as_os_str()).to_vec(),
                false,
            )
        } else {
            new_str(&name.to_string_lossy())
        });
    }
    Ok(Value::Obj(List::alloc(names)))
}

fn one_path(vm: &mut Vm, name: &str, args: &[Value], kw: Option<&ObjRef>) -> PyResult<String> {
    let (pos, [p, _mode, _dir_fd]) =
        ArgSpec::parse(vm, name, args, kw, ["path", "mode", "dir_fd"])?;
    let Some(p) = p.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(format!(
            "{name}() missing required argument 'path' (pos 1)"
        )));
    };
    path_text(vm, &p, name, "path")
}

fn mkdir(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let p = one_path(vm, "mkdir", args, kw)?;
    std::fs::create_dir(&p).map_err(|e| os_error(vm, &e, Some(&p), None))?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let p = one_path(vm, "rmdir", args, kw)?;
    std::fs::remove_dir(&p).map_err(|e| os_error(vm, &e, Some(&p), None))?;
    Ok(Value::None)
}

fn unlink(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let p = one_path(vm, "unlink", args, kw)?;
    std::fs::remove_file(&p).map_err(|e| os_error(vm, &e, Some(&p), None))?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [s, d]) = ArgSpec::parse(vm, "rename", args, kw, ["src", "dst"])?;
    let (Some(s), Some(d)) = (
        s.or_else(|| pos.first().cloned()),
        d.or_else(|| pos.get(1).cloned()),
    ) else {
        return Err(PyErr::type_error(
            "rename() missing required argument 'dst' (pos 2)",
        ));
    };
    let s = path_text(vm, &s, "rename", "src")?;
    let d = path_text(vm, &d, "rename", "dst")?;
    std::fs::rename(&s, &d).map_err(|e| os_error(vm, &e, Some(&s), Some(&d)))?;
    Ok(Value::None)
}

fn access(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "access", args, kw, 2, 2)?;
    let p = path_text(vm, &a[0], "access", "path")?;
    let mode = vm.index_i64(&a[1])?;
    let Ok(md) = std::fs::metadata(&p) else {
        return Ok(Value::Bool(false));
    };
    let perm = md.permissions().mode();
    // Approximation: the owner's bits (no uid check without libc).
    let ok = (mode & 4 == 0 || perm & 0o444 != 0)
        && (mode & 2 == 0 || perm & 0o222 != 0)
        && (mode & 1 == 0 || perm & 0o111 != 0);
    Ok(Value::Bool(ok))
}

// ----- stat_result -----

const STAT_FIELDS: [&str; 10] = [
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime",
    "st_mtime", "st_ctime",
];

fn stat_result_type(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.import_module("posix")?;
    let k = vm::builtins::str::intern(vm.token(), "stat_result");
    match vm.getattr(&m, &k)? {
        Value::Obj(t) => Ok(t),
        _ => Err(PyErr::runtime_error("posix.stat_result is missing")),
    }
}

/// The 10 sequence items, then the float times and the nanosecond times (kept
/// after the visible items: `len()` and iteration see the first 10).
fn stat_values(md: &std::fs::Metadata) -> Vec<Value> {
    let t = |s: i64, ns: i64| (s as f64) + (ns as f64) * 1e-9;
    vec![
        Value::Int(i64::from(md.mode())),
        Value::Int(md.ino() as i64),
        Value::Int(md.dev() as i64),
        Value::Int(md.nlink() as i64),
        Value::Int(i64::from(md.uid())),
        Value::Int(i64::from(md.gid())),
        Value::Int(md.size() as i64),
        Value::Int(md.atime()),
        Value::Int(md.mtime()),
        Value::Int(md.ctime()),
        Value::Float(t(md.atime(), md.atime_nsec())),
        Value::Float(t(md.mtime(), md.mtime_nsec())),
        Value::Float(t(md.ctime(), md.ctime_nsec())),
        Value::Int(
            md.atime()
                .saturating_mul(1_000_000_000)
                .saturating_add(md.atime_nsec()),
        ),
        Value::Int(
            md.mtime()
                .saturating_mul(1_000_000_000)
                .saturating_add(md.mtime_nsec()),
        ),
        Value::Int(
            md.ctime()
                .saturating_mul(1_000_000_000)
                .saturating_add(md.ctime_nsec()),
        ),
        Value::Int(md.blksize() as i64),
        Value::Int(md.blocks() as i64),
    ]
}

pub(crate) fn make_stat(vm: &mut Vm, md: &std::fs::Metadata) -> PyResult<Value> {
    let t = stat_result_type(vm)?;
    let items = stat_values(md);
    Ok(Value::Obj(ObjRef::new(
        &t,
        StatResult {
            items: PyCell::new(items),
        },
    )))
}

/// The payload of `os.stat_result`.
pub struct StatResult {
    items: PyCell<Vec<Value>>,
}

impl Payload for StatResult {
    const KIND: vm::object::PayloadKind = vm::object::PayloadKind::Other;
    const GC: bool = false;
}

fn stat_common(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
    follow: bool,
) -> PyResult<Value> {
    let (pos, [p, _dir_fd, fs]) =
        ArgSpec::parse(vm, name, args, kw, ["path", "dir_fd", "follow_symlinks"])?;
    let Some(p) = p.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(format!(
            "{name}() missing required argument 'path' (pos 1)"
        )));
    };
    let follow = match fs {
        Some(v) => follow && vm.is_true(&v)?,
        None => follow,
    };
    if let Value::Int(fd) = p {
        let md = fds::metadata_fd(vm, fd)?;
        return make_stat(vm, &md);
    }
    let path = path_text(vm, &p, name, "path").map_err(|e| {
        if e.msg.contains("should be string, bytes or os.PathLike,") {
            PyErr::type_error(e.msg.replace(
                "should be string, bytes or os.PathLike,",
                "should be string, bytes, os.PathLike or integer,",
            ))
        } else {
            e
        }
    })?;
    let md = if follow {
        std::fs::metadata(&path)
    } else {
        std::fs::symlink_metadata(&path)
    }
    .map_err(|e| os_error(vm, &e, Some(&path), None))?;
    make_stat(vm, &md)
}

fn stat(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    stat_common(vm, "stat", args, kw, true)
}

fn lstat(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    stat_common(vm, "lstat", args, kw, false)
}

fn stat_item(vm: &mut Vm, v: &Value, i: usize) -> PyResult<Value> {
    v.downcast::<StatResult>()
        .and_then(|s| s.items.borrow(vm.token()).get(i).cloned())
        .ok_or_else(|| PyErr::type_error("not a stat_result"))
}

macro_rules! stat_getters {
    ($($name:ident = $i:expr),*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                let a = exact_args(vm, stringify!($name), args, kw, 1)?;
                stat_item(vm, &a[0], $i)
            }
        )*
    };
}

stat_getters!(
    st_mode = 0,
    st_ino = 1,
    st_dev = 2,
    st_nlink = 3,
    st_uid = 4,
    st_gid = 5,
    st_size = 6,
    st_atime = 10,
    st_mtime = 11,
    st_ctime = 12,
    st_atime_ns = 13,
    st_mtime_ns = 14,
    st_ctime_ns = 15,
    st_blksize = 16,
    st_blocks = 17
);

fn stat_len(_vm: &mut Vm, _v: &Value) -> PyResult<usize> {
    Ok(10)
}

fn stat_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let i = vm.index_i64(key)?;
    let j = if i < 0 { i + 10 } else { i };
    if !(0..10).contains(&j) {
        return Err(PyErr::new(ExcKind::IndexError, "tuple index out of range"));
    }
    stat_item(vm, v, j as usize)
}

fn stat_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items = v
        .downcast::<StatResult>()
        .map(|s| {
            s.items
                .borrow(vm.token())
                .iter()
                .take(10)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    vm.iter(&Value::Obj(Tuple::alloc(items)))
}

fn stat_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let mut parts = Vec::new();
    for (i, name) in STAT_FIELDS.iter().enumerate() {
        let x = stat_item(vm, v, i)?;
        let r = vm.repr(&x)?;
        parts.push(format!("{name}={}", vm.str_text(&r)?));
    }
    Ok(new_str(&format!("os.stat_result({})", parts.join(", "))))
}

fn install_stat_result(vm: &mut Vm, m: &ObjRef) {
    let t = new_native_type(vm.token(), "stat_result", StatResult::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "os");
        tp.slots.len.set(Some(stat_len));
        tp.slots.getitem.set(Some(stat_getitem));
        tp.slots.iter.set(Some(stat_iter));
        tp.slots.repr.set(Some(stat_repr));
    }
    let getters: [(&'static str, NativeFn); 15] = [
        ("st_mode", st_mode),
        ("st_ino", st_ino),
        ("st_dev", st_dev),
        ("st_nlink", st_nlink),
        ("st_uid", st_uid),
        ("st_gid", st_gid),
        ("st_size", st_size),
        ("st_atime", st_atime),
        ("st_mtime", st_mtime),
        ("st_ctime", st_ctime),
        ("st_atime_ns", st_atime_ns),
        ("st_mtime_ns", st_mtime_ns),
        ("st_ctime_ns", st_ctime_ns),
        ("st_blksize", st_blksize),
        ("st_blocks", st_blocks),
    ];
    for (name, g) in getters {
        let f = new_native_function(name, g);
        let prop = ObjRef::new(
            &vm::rt_types::rt().property,
            vm::descriptors::Property {
                funcs: PyCell::new([Value::Obj(f), Value::None, Value::None, Value::None]),
            },
        );
        if let Some(tp) = t.downcast::<TypeObject>() {
            let k = Value::Obj(vm::builtins::str::intern(vm.token(), name));
            let _ = tp.dict.set(
                &mut vm::builtins::dict::NativeEq(vm.token()),
                k,
                Value::Obj(prop),
            );
        }
    }
    set_attr(vm, m, "stat_result", Value::Obj(t));
}

// ----- process and system identity (from /proc, no libc) -----

/// A field of `/proc/self/status` (`Uid:`, `Gid:`): the `index`-th number.
fn proc_status_field(key: &str, index: usize) -> Option<i64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line[key.len()..]
        .split_whitespace()
        .nth(index)?
        .parse()
        .ok()
}

macro_rules! id_getters {
    ($($name:ident = $key:literal, $i:literal;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                exact_args(vm, stringify!($name), args, kw, 0)?;
                Ok(Value::Int(proc_status_field($key, $i).unwrap_or(0)))
            }
        )*
    };
}

id_getters! {
    getuid = "Uid:", 0;
    geteuid = "Uid:", 1;
    getgid = "Gid:", 0;
    getegid = "Gid:", 1;
}

fn getppid(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "getppid", args, kw, 0)?;
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ppid = rest
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Ok(Value::Int(ppid))
}

const UNAME_FIELDS: [&str; 5] = ["sysname", "nodename", "release", "version", "machine"];

fn uname(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "uname", args, kw, 0)?;
    let read = |f: &str| {
        std::fs::read_to_string(format!("/proc/sys/kernel/{f}"))
            .map(|s| s.trim_end_matches('\n').to_owned())
            .unwrap_or_default()
    };
    let items = vec![
        new_str(&read("ostype")),
        new_str(&read("hostname")),
        new_str(&read("osrelease")),
        new_str(&read("version")),
        new_str(std::env::consts::ARCH),
    ];
    let m = vm.import_module("posix")?;
    let k = vm::builtins::str::intern(vm.token(), "uname_result");
    let Value::Obj(t) = vm.getattr(&m, &k)? else {
        return Err(PyErr::runtime_error("posix.uname_result is missing"));
    };
    Ok(Value::Obj(ObjRef::new(&t, Tuple::payload(items))))
}

fn uname_item(vm: &mut Vm, v: &Value, i: usize) -> PyResult<Value> {
    v.downcast::<Tuple>()
        .and_then(|t| t.get(vm.token(), i))
        .ok_or_else(|| PyErr::type_error("not a uname_result"))
}

macro_rules! uname_getters {
    ($($name:ident = $i:expr),*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                let a = exact_args(vm, stringify!($name), args, kw, 1)?;
                uname_item(vm, &a[0], $i)
            }
        )*
    };
}

uname_getters!(
    u_sysname = 0,
    u_nodename = 1,
    u_release = 2,
    u_version = 3,
    u_machine = 4
);

fn uname_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let mut parts = Vec::new();
    for (i, name) in UNAME_FIELDS.iter().enumerate() {
        let x = uname_item(vm, v, i)?;
        let r = vm.repr(&x)?;
        parts.push(format!("{name}={}", vm.str_text(&r)?));
    }
    Ok(new_str(&format!(
        "posix.uname_result({})",
        parts.join(", ")
    )))
}

fn install_uname_result(vm: &mut Vm, m: &ObjRef) {
    let bt = vm::types::builtin_types();
    let Some(layout) = bt.tuple.downcast::<TypeObject>().map(TypeObject::layout) else {
        return;
    };
    let t = new_native_type(vm.token(), "uname_result", layout, Some(&bt.tuple));
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "posix");
        tp.slots.repr.set(Some(uname_repr));
    }
    let getters: [NativeFn; 5] = [u_sysname, u_nodename, u_release, u_version, u_machine];
    for (name, g) in UNAME_FIELDS.iter().zip(getters) {
        let f = new_native_function(name, g);
        let prop = ObjRef::new(
            &vm::rt_types::rt().property,
            vm::descriptors::Property {
                funcs: PyCell::new([Value::Obj(f), Value::None, Value::None, Value::None]),
            },
        );
        if let Some(tp) = t.downcast::<TypeObject>() {
            let k = Value::Obj(vm::builtins::str::intern(vm.token(), name));
            let _ = tp.dict.set(
                &mut vm::builtins::dict::NativeEq(vm.token()),
                k,
                Value::Obj(prop),
            );
        }
    }
    set_attr(vm, m, "uname_result", Value::Obj(t));
}

/// Creates the `posix` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("access", access),
        ("chdir", chdir),
        ("cpu_count", cpu_count),
        ("fspath", fspath),
        ("getcwd", getcwd),
        ("getegid", getegid),
        ("geteuid", geteuid),
        ("getgid", getgid),
        ("getpid", getpid),
        ("getppid", getppid),
        ("getuid", getuid),
        ("uname", uname),
        ("listdir", listdir),
        ("lstat", lstat),
        ("mkdir", mkdir),
        ("remove", unlink),
        ("rename", rename),
        ("replace", rename),
        ("rmdir", rmdir),
        ("stat", stat),
        ("strerror", strerror),
        ("unlink", unlink),
    ];
    let m = new_module(vm, "posix", funcs);
    for (name, f) in fds::FUNCTIONS
        .iter()
        .chain(env::FUNCTIONS)
        .chain(wait::FUNCTIONS)
    {
        set_attr(vm, &m, name, Value::Obj(new_native_function(name, *f)));
    }
    for (name, v) in fds::CONSTANTS {
        set_attr(vm, &m, name, Value::Int(*v));
    }
    let environ = env::environ(vm)?;
    set_attr(vm, &m, "environ", environ);
    scandir::install(vm, &m);
    seqs::install(vm, &m);
    install_stat_result(vm, &m);
    install_uname_result(vm, &m);
    for (name, v) in [("F_OK", 0), ("R_OK", 4), ("W_OK", 2), ("X_OK", 1)] {
        set_attr(vm, &m, name, Value::Int(v));
    }
    let os_error = vm::exceptions::exc_class(ExcKind::OSError);
    set_attr(vm, &m, "error", Value::Obj(os_error));
    let names: Vec<Value> = [
        "HAVE_FSTATAT",
        "HAVE_LSTAT",
        "HAVE_MKDIRAT",
        "HAVE_RENAMEAT",
        "HAVE_UNLINKAT",
    ]
    .iter()
    .map(|n| new_str(n))
    .collect();
    set_attr(vm, &m, "_have_functions", Value::Obj(List::alloc(names)));
    Ok(m)
}
