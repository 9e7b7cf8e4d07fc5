//! `_io.FileIO` (CPython's `Modules/_io/fileio.c`): the raw, unbuffered
//! file over a descriptor of `posix`'s table; mode parsing, `closefd`,
//! `opener`, `read`/`readall`/`readinto`/`write`/`seek`/`tell`/`truncate`.

use std::cell::Cell;

use vm::builtins::str::{new_str, StrObj};
use vm::calls::{arg_range, exact_args, ArgSpec, NativeFn};
use vm::methods::bytes::{bytes_of, new_bytes};
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use super::iobase::limit_arg;
use crate::posix::fds;
use crate::util::tname;

/// The payload of `FileIO`.
pub struct FileIO {
    fd: Cell<i64>,
    readable: Cell<bool>,
    writable: Cell<bool>,
    appending: Cell<bool>,
    created: Cell<bool>,
    closefd: Cell<bool>,
    /// One of the process's standard streams as `sys` holds them: fd 1's
    /// writes go to the VM's stdout buffer (shared with `print`), fd 2's
    /// flush that buffer first.
    std: Cell<bool>,
    name: PyCell<Value>,
}

impl Payload for FileIO {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(self.name.borrow(token));
    }
}

/// The bytes of a bytes-like argument, or "a bytes-like object is required".
pub(crate) fn buffer_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if v.downcast::<StrObj>().is_some() {
        return Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            tname(vm, v)
        )));
    }
    match bytes_of(vm.token(), v) {
        Some(b) => Ok(b),
        None => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            tname(vm, v)
        ))),
    }
}

/// What a mode string asks for (CPython's `_io_FileIO___init___impl` checks).
struct RawMode {
    readable: bool,
    writable: bool,
    appending: bool,
    created: bool,
    flags: i64,
}

fn parse_mode(mode: &str) -> PyResult<RawMode> {
    let bad = || PyErr::value_error(format!("invalid mode: {mode}"));
    let (mut rwa, mut plus) = (false, false);
    let mut m = RawMode {
        readable: false,
        writable: false,
        appending: false,
        created: false,
        flags: 0,
    };
    for c in mode.chars() {
        match c {
            'r' | 'w' | 'a' | 'x' => {
                if rwa {
                    return Err(PyErr::value_error(
                        "Must have exactly one of create/read/write/append mode and at most one plus",
                    ));
                }
                rwa = true;
                match c {
                    'r' => m.readable = true,
                    'w' => {
                        m.writable = true;
                        m.flags |= 0o100 | 0o1000;
                    }
                    'a' => {
                        m.writable = true;
                        m.appending = true;
                        m.flags |= 0o100 | 0o2000;
                    }
                    _ => {
                        m.writable = true;
                        m.created = true;
                        m.flags |= 0o100 | 0o200;
                    }
                }
            }
            '+' => {
                if plus {
                    return Err(bad());
                }
                m.readable = true;
                m.writable = true;
                plus = true;
            }
            'b' => {}
            _ => return Err(bad()),
        }
    }
    if !rwa {
        return Err(PyErr::value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    m.flags |= match (m.readable, m.writable) {
        (true, true) => 2,
        (false, true) => 1,
        _ => 0,
    };
    Ok(m)
}

fn new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    // A subclass with its own `__init__` is made closed; that `__init__`
    // opens it through `super().__init__(file, mode)`.
    let builtin = cls
        .downcast::<vm::types::TypeObject>()
        .is_some_and(|t| t.module(vm.token()) == "_io");
    if args.is_empty() && !builtin {
        return Ok(Value::Obj(ObjRef::new(
            cls,
            FileIO {
                fd: Cell::new(-1),
                readable: Cell::new(false),
                writable: Cell::new(false),
                appending: Cell::new(false),
                created: Cell::new(false),
                closefd: Cell::new(true),
                std: Cell::new(false),
                name: PyCell::new(Value::None),
            },
        )));
    }
    let (file, mode, closefd, opener) = init_args(vm, args, kw)?;
    open_raw(vm, cls, &file, &mode, closefd, &opener)
}

/// `FileIO.__init__(file, mode='r', closefd=True, opener=None)`: closes what
/// the object had open (if it owns it), then opens `file` into it.
fn init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some((me_v, rest)) = args.split_first() else {
        return Err(PyErr::type_error("__init__() needs an argument"));
    };
    let Some(f) = me_v.downcast::<FileIO>() else {
        return Err(PyErr::type_error(format!(
            "descriptor '__init__' requires a '_io.FileIO' object but received a '{}'",
            tname(vm, me_v)
        )));
    };
    let (file, mode, closefd, opener) = init_args(vm, rest, kw)?;
    let old = f.fd.get();
    if old >= 0 && f.closefd.get() {
        f.fd.set(-1);
        fds::close_fd(vm, old)?;
    }
    let fresh = open_raw(vm, &me_v.type_ref(), &file, &mode, closefd, &opener)?;
    let Some(n) = fresh.downcast::<FileIO>() else {
        return Err(PyErr::type_error("FileIO.__init__ made no FileIO"));
    };
    f.fd.set(n.fd.replace(-1));
    f.readable.set(n.readable.get());
    f.writable.set(n.writable.get());
    f.appending.set(n.appending.get());
    f.created.set(n.created.get());
    f.closefd.set(n.closefd.get());
    let name = std::mem::replace(n.name.borrow_mut(vm.token()), Value::None);
    *f.name.borrow_mut(vm.token()) = name;
    Ok(Value::None)
}

/// The `(file, mode, closefd, opener)` of the constructor and `__init__`.
fn init_args(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<(Value, String, bool, Value)> {
    let (pos, [f, m, c, o]) = ArgSpec::parse(
        vm,
        "FileIO",
        args,
        kw,
        ["file", "mode", "closefd", "opener"],
    )?;
    let Some(file) = f.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(
            "FileIO() missing required argument 'file' (pos 1)",
        ));
    };
    let mode = match m.or_else(|| pos.get(1).cloned()) {
        Some(v) => crate::util::str_arg(vm, "FileIO() argument 'mode'", &v)?,
        None => "r".to_owned(),
    };
    let closefd = match c.or_else(|| pos.get(2).cloned()) {
        Some(v) => vm.is_true(&v)?,
        None => true,
    };
    let opener = o.or_else(|| pos.get(3).cloned()).unwrap_or(Value::None);
    Ok((file, mode, closefd, opener))
}

/// Opens `file` (a path or a descriptor) as a `FileIO` of class `cls`.
pub(crate) fn open_raw(
    vm: &mut Vm,
    cls: &ObjRef,
    file: &Value,
    mode: &str,
    closefd: bool,
    opener: &Value,
) -> PyResult<Value> {
    let m = parse_mode(mode)?;
    if matches!(file, Value::Float(_)) {
        return Err(PyErr::type_error("integer argument expected, got float"));
    }
    let fd = if let Value::Int(n) = file {
        if *n < 0 {
            return Err(PyErr::value_error("negative file descriptor"));
        }
        fds::file_of(vm, *n)?;
        *n
    } else {
        if !closefd {
            return Err(PyErr::value_error(
                "Cannot use closefd=False with file name",
            ));
        }
        let path = crate::posix::path_arg(vm, file, "FileIO", "file")?;
        if path.contains('\0') {
            return Err(PyErr::value_error("embedded null character"));
        }
        if opener.is_none() {
            i64::from(fds::open_path(vm, &path, m.flags, 0o666)?)
        } else {
            let r = vm.call(
                opener,
                &[file.clone(), Value::Int(m.flags | 0o2000000)],
                None,
            )?;
            let fd = vm.index_i64(&r)?;
            if fd < 0 {
                return Err(PyErr::value_error(format!("opener returned {fd}")));
            }
            fd
        }
    };
    if !matches!(file, Value::Int(_)) {
        if let Ok(md) = fds::metadata_fd(vm, fd) {
            if md.is_dir() {
                let _ = fds::close_fd(vm, fd);
                let path = crate::posix::path_arg(vm, file, "FileIO", "file")?;
                return Err(crate::posix::errno_error(vm, 21, Some(&path), None));
            }
        }
    }
    if m.appending {
        let _ = fds::seek_fd(vm, fd, 0, 2);
    }
    Ok(Value::Obj(ObjRef::new(
        cls,
        FileIO {
            fd: Cell::new(fd),
            readable: Cell::new(m.readable),
            writable: Cell::new(m.writable),
            appending: Cell::new(m.appending),
            created: Cell::new(m.created),
            closefd: Cell::new(closefd),
            std: Cell::new(false),
            name: PyCell::new(file.clone()),
        },
    )))
}

fn me<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a FileIO> {
    let Some(f) = v.downcast::<FileIO>() else {
        return Err(PyErr::type_error(format!(
            "descriptor requires a '_io.FileIO' object but received a '{}'",
            tname(vm, v)
        )));
    };
    if f.fd.get() < 0 {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(f)
}

fn mode_text(f: &FileIO) -> &'static str {
    match (
        f.created.get(),
        f.appending.get(),
        f.readable.get(),
        f.writable.get(),
    ) {
        (true, _, true, _) => "xb+",
        (true, _, false, _) => "xb",
        (_, true, true, _) => "ab+",
        (_, true, false, _) => "ab",
        (_, _, true, true) => "rb+",
        (_, _, true, false) => "rb",
        _ => "wb",
    }
}

fn not_mode(what: &str) -> PyErr {
    super::unsupported(&format!("File not open for {what}"))
}

fn read(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "read", args, kw, 1, 2)?;
    let f = me(vm, &a[0])?;
    if !f.readable.get() {
        return Err(not_mode("reading"));
    }
    let fd = f.fd.get();
    match limit_arg(vm, a.get(1))? {
        None => readall_fd(vm, fd),
        Some(n) => Ok(new_bytes(fds::read_fd(vm, fd, n)?, false)),
    }
}

fn readall_fd(vm: &mut Vm, fd: i64) -> PyResult<Value> {
    let mut out = Vec::new();
    loop {
        let chunk = fds::read_fd(vm, fd, 65536)?;
        if chunk.is_empty() {
            break;
        }
        out.extend_from_slice(&chunk);
    }
    Ok(new_bytes(out, false))
}

fn readall(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "readall", args, kw, 1)?;
    let f = me(vm, &a[0])?;
    if !f.readable.get() {
        return Err(not_mode("reading"));
    }
    readall_fd(vm, f.fd.get())
}

fn readinto(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "readinto", args, kw, 2)?;
    let f = me(vm, &a[0])?;
    if !f.readable.get() {
        return Err(not_mode("reading"));
    }
    let n = vm.len(&a[1])?;
    let data = fds::read_fd(vm, f.fd.get(), n)?;
    super::bytesio::copy_into(vm, &a[1], &data)?;
    Ok(Value::Int(data.len() as i64))
}

fn write(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "write", args, kw, 2)?;
    let f = me(vm, &a[0])?;
    if !f.writable.get() {
        return Err(not_mode("writing"));
    }
    let data = buffer_arg(vm, &a[1])?;
    if f.std.get() {
        match f.fd.get() {
            1 => {
                vm.write_stdout(&data);
                return Ok(Value::Int(data.len() as i64));
            }
            2 => vm.flush_stdout(),
            _ => {}
        }
    }
    Ok(Value::Int(fds::write_fd(vm, f.fd.get(), &data)? as i64))
}

fn seek(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "seek", args, kw, 2, 3)?;
    let f = me(vm, &a[0])?;
    if matches!(a[1], Value::Float(_)) {
        return Err(PyErr::type_error("an integer is required"));
    }
    let pos = vm.index_i64(&a[1])?;
    let whence = match a.get(2) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    Ok(Value::Int(fds::seek_fd(vm, f.fd.get(), pos, whence)?))
}

fn tell(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "tell", args, kw, 1)?;
    let f = me(vm, &a[0])?;
    Ok(Value::Int(fds::seek_fd(vm, f.fd.get(), 0, 1)?))
}

fn truncate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "truncate", args, kw, 1, 2)?;
    let f = me(vm, &a[0])?;
    if !f.writable.get() {
        return Err(not_mode("writing"));
    }
    let fd = f.fd.get();
    let size = match a.get(1) {
        None | Some(Value::None) => fds::seek_fd(vm, fd, 0, 1)?,
        Some(v) => vm.index_i64(v)?,
    };
    fds::truncate_fd(vm, fd, size)?;
    Ok(Value::Int(size))
}

fn close(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "close", args, kw, 1)?;
    let Some(f) = a[0].downcast::<FileIO>() else {
        return Err(PyErr::type_error("close() needs a FileIO"));
    };
    let fd = f.fd.replace(-1);
    if fd >= 0 && f.closefd.get() {
        fds::close_fd(vm, fd)?;
    }
    Ok(Value::None)
}

fn closed(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "closed", args, kw, 1)?;
    Ok(Value::Bool(
        a[0].downcast::<FileIO>().is_none_or(|f| f.fd.get() < 0),
    ))
}

fn fileno(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "fileno", args, kw, 1)?;
    Ok(Value::Int(me(vm, &a[0])?.fd.get()))
}

fn isatty(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "isatty", args, kw, 1)?;
    let fd = me(vm, &a[0])?.fd.get();
    Ok(Value::Bool(fds::isatty_fd(vm, fd)))
}

fn readable(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "readable", args, kw, 1)?;
    Ok(Value::Bool(me(vm, &a[0])?.readable.get()))
}

fn writable(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "writable", args, kw, 1)?;
    Ok(Value::Bool(me(vm, &a[0])?.writable.get()))
}

fn seekable(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "seekable", args, kw, 1)?;
    let fd = me(vm, &a[0])?.fd.get();
    Ok(Value::Bool(fds::seek_fd(vm, fd, 0, 1).is_ok()))
}

fn name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "name", args, kw, 1)?;
    match a[0].downcast::<FileIO>() {
        Some(f) => Ok(f.name.borrow(vm.token()).clone()),
        None => Err(PyErr::type_error("not a FileIO")),
    }
}

fn mode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "mode", args, kw, 1)?;
    match a[0].downcast::<FileIO>() {
        Some(f) => Ok(new_str(mode_text(f))),
        None => Err(PyErr::type_error("not a FileIO")),
    }
}

fn closefd(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "closefd", args, kw, 1)?;
    Ok(Value::Bool(
        a[0].downcast::<FileIO>().is_some_and(|f| f.closefd.get()),
    ))
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(f) = v.downcast::<FileIO>() else {
        return Err(PyErr::type_error("not a FileIO"));
    };
    if f.fd.get() < 0 {
        return Ok(new_str("<_io.FileIO [closed]>"));
    }
    let name = f.name.borrow(vm.token()).clone();
    let r = vm.repr(&name)?;
    let r = vm.str_text(&r)?;
    let closefd = if f.closefd.get() { "True" } else { "False" };
    Ok(new_str(&format!(
        "<_io.FileIO name={r} mode='{}' closefd={closefd}>",
        mode_text(f)
    )))
}

/// Creates `FileIO` as a subclass of `base` (`_RawIOBase`).
pub(crate) fn create_type(vm: &mut Vm, base: &ObjRef) -> ObjRef {
    let t = vm::types::new_native_type(vm.token(), "FileIO", FileIO::LAYOUT, Some(base));
    if let Some(tp) = t.downcast::<vm::types::TypeObject>() {
        tp.set_module(vm.token(), "_io");
        tp.slots.repr.set(Some(repr));
    }
    let methods: [(&'static str, NativeFn); 14] = [
        ("read", read),
        ("readall", readall),
        ("readinto", readinto),
        ("write", write),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("close", close),
        ("fileno", fileno),
        ("isatty", isatty),
        ("readable", readable),
        ("writable", writable),
        ("seekable", seekable),
        ("flush", flush_noop),
    ];
    for (n, f) in methods {
        vm::calls::add_method(vm.token(), &t, n, f);
    }
    for (n, g) in [
        ("closed", closed as NativeFn),
        ("name", name),
        ("mode", mode),
        ("closefd", closefd),
    ] {
        super::iobase::add_property(vm, &t, n, g);
    }
    vm::class::register_ctor(&t, new, true);
    vm::calls::add_method(vm.token(), &t, "__init__", init);
    t
}

fn flush_noop(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "flush", args, kw, 1)?;
    flush_std(vm, &a[0]);
    Ok(Value::None)
}

/// Marks a `FileIO` as one of the standard streams `sys` holds, named
/// `name` (`'<stdout>'`...).
pub(crate) fn mark_std(vm: &mut Vm, v: &Value, name: &str) {
    if let Some(f) = v.downcast::<FileIO>() {
        f.std.set(true);
        *f.name.borrow_mut(vm.token()) = new_str(name);
    }
}

/// Flushes the VM's stdout buffer if `v` is the standard-output `FileIO`.
pub(crate) fn flush_std(vm: &mut Vm, v: &Value) {
    if v.downcast::<FileIO>()
        .is_some_and(|f| f.std.get() && f.fd.get() == 1)
    {
        vm.flush_stdout();
    }
}
