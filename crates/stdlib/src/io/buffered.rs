//! `_io.BufferedReader`, `BufferedWriter`, `BufferedRandom` and
//! `BufferedRWPair` (CPython's `Modules/_io/bufferedio.c`): a read buffer
//! and a write buffer over any raw stream, reached through the raw object's
//! own `read`/`write`/`seek`/`tell` methods.

use std::cell::Cell;

use vm::builtins::str::{intern, new_str};
use vm::calls::{arg_range, exact_args, ArgSpec, NativeFn};
use vm::methods::bytes::{bytes_of, new_bytes};
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use super::iobase::limit_arg;
use crate::util::tname;

/// Which of the buffered classes an object is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Reader,
    Writer,
    Random,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Reader => "BufferedReader",
            Kind::Writer => "BufferedWriter",
            Kind::Random => "BufferedRandom",
        }
    }
}

/// The payload of the buffered classes.
pub struct Buffered {
    kind: Kind,
    raw: PyCell<Value>,
    detached: Cell<bool>,
    /// False for an instance a subclass made before its `__init__` ran
    /// (CPython's "uninitialized object").
    initialized: Cell<bool>,
    size: Cell<usize>,
    /// Bytes read ahead from the raw stream; `rpos` is the next unread one.
    rbuf: PyCell<Vec<u8>>,
    rpos: Cell<usize>,
    /// Bytes written but not yet passed to the raw stream.
    wbuf: PyCell<Vec<u8>>,
}

impl Payload for Buffered {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(self.raw.borrow(token));
    }
}

fn me<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Buffered> {
    let Some(b) = v.downcast::<Buffered>() else {
        return Err(PyErr::type_error(format!(
            "descriptor requires a buffered object but received a '{}'",
            tname(vm, v)
        )));
    };
    if !b.initialized.get() {
        return Err(PyErr::value_error("I/O operation on uninitialized object"));
    }
    if b.detached.get() {
        return Err(PyErr::value_error("raw stream has been detached"));
    }
    Ok(b)
}

fn raw(vm: &mut Vm, b: &Buffered) -> Value {
    b.raw.borrow(vm.token()).clone()
}

fn check_closed(vm: &mut Vm, b: &Buffered, what: &str) -> PyResult<()> {
    let r = raw(vm, b);
    if super::iobase::is_closed(vm, &r)? {
        return Err(PyErr::value_error(format!("{what} of closed file")));
    }
    Ok(())
}

fn unread(vm: &mut Vm, b: &Buffered) -> usize {
    b.rbuf.borrow(vm.token()).len().saturating_sub(b.rpos.get())
}

/// Passes the write buffer to the raw stream.
fn flush_writes(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    loop {
        let pending = std::mem::take(b.wbuf.borrow_mut(vm.token()));
        if pending.is_empty() {
            return Ok(());
        }
        let r = raw(vm, b);
        let res = vm.call_method(&r, "write", &[new_bytes(pending.clone(), false)]);
        let n = match res {
            Ok(Value::None) => 0,
            Ok(v) => usize::try_from(vm.index_i64(&v)?).unwrap_or(0),
            Err(e) => {
                *b.wbuf.borrow_mut(vm.token()) = pending;
                return Err(e);
            }
        };
        if n < pending.len() {
            let rest = pending[n..].to_vec();
            let w = b.wbuf.borrow_mut(vm.token());
            let mut all = rest;
            all.extend_from_slice(w);
            *w = all;
            if n == 0 {
                return Ok(());
            }
        }
    }
}

/// Drops read-ahead data, moving the raw position back over it.
fn drop_readahead(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    let n = unread(vm, b);
    b.rbuf.borrow_mut(vm.token()).clear();
    b.rpos.set(0);
    if n > 0 {
        let r = raw(vm, b);
        vm.call_method(&r, "seek", &[Value::Int(-(n as i64)), Value::Int(1)])?;
    }
    Ok(())
}

/// One raw read of up to `n` bytes appended to the read buffer; the count.
fn fill(vm: &mut Vm, b: &Buffered, n: usize) -> PyResult<usize> {
    let r = raw(vm, b);
    let chunk = vm.call_method(&r, "read", &[Value::Int(n as i64)])?;
    if chunk.is_none() {
        return Ok(0);
    }
    let Some(data) = bytes_of(vm.token(), &chunk) else {
        return Err(PyErr::type_error(format!(
            "read() should return bytes, not '{}'",
            tname(vm, &chunk)
        )));
    };
    let buf = b.rbuf.borrow_mut(vm.token());
    if b.rpos.get() > 0 {
        buf.drain(..b.rpos.get().min(buf.len()));
        b.rpos.set(0);
    }
    buf.extend_from_slice(&data);
    Ok(data.len())
}

fn take(vm: &mut Vm, b: &Buffered, n: usize) -> Vec<u8> {
    let buf = b.rbuf.borrow(vm.token());
    let start = b.rpos.get().min(buf.len());
    let end = start.saturating_add(n).min(buf.len());
    let out = buf[start..end].to_vec();
    b.rpos.set(end);
    out
}

fn readable_check(b: &Buffered) -> PyResult<()> {
    if b.kind == Kind::Writer {
        return Err(super::unsupported("read"));
    }
    Ok(())
}

fn read(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "read", args, kw, 1, 2)?;
    let b = me(vm, &a[0])?;
    readable_check(b)?;
    if let Some(Value::Int(n)) = a.get(1) {
        if *n < -1 {
            return Err(PyErr::value_error("read length must be non-negative or -1"));
        }
    }
    check_closed(vm, b, "read")?;
    flush_writes(vm, b)?;
    match limit_arg(vm, a.get(1))? {
        None => {
            let mut out = take(vm, b, usize::MAX);
            while fill(vm, b, b.size.get().max(65536))? > 0 {
                out.extend(take(vm, b, usize::MAX));
            }
            Ok(new_bytes(out, false))
        }
        Some(n) => {
            while unread(vm, b) < n {
                let want = (n - unread(vm, b)).max(b.size.get());
                if fill(vm, b, want)? == 0 {
                    break;
                }
            }
            Ok(new_bytes(take(vm, b, n), false))
        }
    }
}

fn read1(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "read1", args, kw, 1, 2)?;
    let b = me(vm, &a[0])?;
    readable_check(b)?;
    check_closed(vm, b, "read of closed file")?;
    flush_writes(vm, b)?;
    let n = limit_arg(vm, a.get(1))?.unwrap_or(b.size.get());
    if n == 0 {
        return Ok(new_bytes(Vec::new(), false));
    }
    if unread(vm, b) == 0 {
        fill(vm, b, n.max(b.size.get()))?;
    }
    Ok(new_bytes(take(vm, b, n), false))
}

fn peek(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "peek", args, kw, 1, 2)?;
    let b = me(vm, &a[0])?;
    readable_check(b)?;
    check_closed(vm, b, "peek of closed file")?;
    flush_writes(vm, b)?;
    if unread(vm, b) == 0 {
        fill(vm, b, b.size.get())?;
    }
    let buf = b.rbuf.borrow(vm.token());
    Ok(new_bytes(
        buf[b.rpos.get().min(buf.len())..].to_vec(),
        false,
    ))
}

fn readline(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "readline", args, kw, 1, 2)?;
    let b = me(vm, &a[0])?;
    readable_check(b)?;
    check_closed(vm, b, "readline of closed file")?;
    flush_writes(vm, b)?;
    let limit = limit_arg(vm, a.get(1))?;
    Ok(new_bytes(read_line(vm, b, limit)?, false))
}

/// The next line (with its `\n`), at most `limit` bytes.
fn read_line(vm: &mut Vm, b: &Buffered, limit: Option<usize>) -> PyResult<Vec<u8>> {
    let mut scanned = 0;
    loop {
        let found = {
            let buf = b.rbuf.borrow(vm.token());
            let rest = &buf[b.rpos.get().min(buf.len())..];
            rest[scanned.min(rest.len())..]
                .iter()
                .position(|&c| c == b'\n')
                .map(|i| scanned + i + 1)
        };
        let avail = unread(vm, b);
        if let Some(end) = found {
            return Ok(take(vm, b, limit.map_or(end, |l| end.min(l))));
        }
        if limit.is_some_and(|l| avail >= l) {
            return Ok(take(vm, b, limit.unwrap_or(avail)));
        }
        scanned = avail;
        if fill(vm, b, b.size.get())? == 0 {
            return Ok(take(vm, b, avail));
        }
    }
}

fn next_slot(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let b = me(vm, v)?;
    readable_check(b)?;
    check_closed(vm, b, "readline of closed file")?;
    flush_writes(vm, b)?;
    let l = read_line(vm, b, None)?;
    Ok((!l.is_empty()).then(|| new_bytes(l, false)))
}

fn readinto(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "readinto", args, kw, 2)?;
    let n = vm.len(&a[1])?;
    let data = vm.call_method(&a[0], "read", &[Value::Int(n as i64)])?;
    let d = bytes_of(vm.token(), &data).unwrap_or_default();
    super::bytesio::copy_into(vm, &a[1], &d)?;
    Ok(Value::Int(d.len() as i64))
}

fn write(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "write", args, kw, 2)?;
    let b = me(vm, &a[0])?;
    if b.kind == Kind::Reader {
        return Err(super::unsupported("write"));
    }
    let data = super::fileio::buffer_arg(vm, &a[1])?;
    check_closed(vm, b, "write to closed file")
        .map_err(|_| PyErr::value_error("write to closed file"))?;
    if unread(vm, b) > 0 {
        drop_readahead(vm, b)?;
    }
    let n = data.len();
    let full = {
        let w = b.wbuf.borrow_mut(vm.token());
        w.extend_from_slice(&data);
        w.len() >= b.size.get()
    };
    if full {
        flush_writes(vm, b)?;
    }
    Ok(Value::Int(n as i64))
}

fn flush(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "flush", args, kw, 1)?;
    let b = me(vm, &a[0])?;
    check_closed(vm, b, "flush").map_err(|_| PyErr::value_error("flush of closed file"))?;
    flush_writes(vm, b)?;
    Ok(Value::None)
}

fn tell(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "tell", args, kw, 1)?;
    let b = me(vm, &a[0])?;
    let r = raw(vm, b);
    let p = vm.call_method(&r, "tell", &[])?;
    let p = vm.index_i64(&p)?;
    let pending = b.wbuf.borrow(vm.token()).len() as i64;
    Ok(Value::Int((p - unread(vm, b) as i64 + pending).max(0)))
}

fn seek(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "seek", args, kw, 2, 3)?;
    let b = me(vm, &a[0])?;
    let pos = vm.index_i64(&a[1])?;
    let whence = match a.get(2) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(PyErr::value_error(format!(
            "whence value {whence} unsupported"
        )));
    }
    check_closed(vm, b, "seek of closed file")?;
    flush_writes(vm, b)?;
    let pos = if whence == 1 {
        pos - unread(vm, b) as i64
    } else {
        pos
    };
    b.rbuf.borrow_mut(vm.token()).clear();
    b.rpos.set(0);
    let r = raw(vm, b);
    vm.call_method(&r, "seek", &[Value::Int(pos), Value::Int(whence)])
}

fn truncate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "truncate", args, kw, 1, 2)?;
    let b = me(vm, &a[0])?;
    if b.kind == Kind::Reader {
        return Err(super::unsupported("truncate"));
    }
    check_closed(vm, b, "truncate of closed file")?;
    flush_writes(vm, b)?;
    let pos = match a.get(1) {
        Some(v) if !v.is_none() => v.clone(),
        _ => tell(vm, &a[..1], None)?,
    };
    drop_readahead(vm, b)?;
    let r = raw(vm, b);
    vm.call_method(&r, "truncate", &[pos])
}

fn close(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "close", args, kw, 1)?;
    let b = me(vm, &a[0])?;
    let r = raw(vm, b);
    if super::iobase::is_closed(vm, &r)? {
        return Ok(Value::None);
    }
    let flushed = flush_writes(vm, b);
    let closed = vm.call_method(&r, "close", &[]);
    flushed?;
    closed?;
    Ok(Value::None)
}

fn detach(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "detach", args, kw, 1)?;
    let b = me(vm, &a[0])?;
    flush_writes(vm, b)?;
    b.detached.set(true);
    Ok(raw(vm, b))
}

macro_rules! delegate {
    ($($f:ident = $name:literal),*) => {
        $(fn $f(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
            let a = exact_args(vm, $name, args, kw, 1)?;
            let b = me(vm, &a[0])?;
            let r = raw(vm, b);
            vm.call_method(&r, $name, &[])
        })*
    };
}

delegate!(
    fileno = "fileno",
    isatty = "isatty",
    readable = "readable",
    writable = "writable",
    seekable = "seekable"
);

macro_rules! raw_attr {
    ($($f:ident = $name:literal),*) => {
        $(fn $f(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
            let a = exact_args(vm, $name, args, kw, 1)?;
            let b = me(vm, &a[0])?;
            let r = raw(vm, b);
            let k = intern(vm.token(), $name);
            vm.getattr(&r, &k)
        })*
    };
}

raw_attr!(closed = "closed", name = "name", mode = "mode");

fn raw_get(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "raw", args, kw, 1)?;
    let b = me(vm, &a[0])?;
    Ok(raw(vm, b))
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let b = me(vm, v)?;
    let r = raw(vm, b);
    let k = intern(vm.token(), "name");
    let kind = b.kind.name();
    match vm.getattr(&r, &k) {
        Ok(n) => {
            let s = vm.repr(&n)?;
            Ok(new_str(&format!("<_io.{kind} name={}>", vm.str_text(&s)?)))
        }
        Err(_) => Ok(new_str(&format!("<_io.{kind}>"))),
    }
}

/// A new buffered object of `kind` and class `cls` over `raw`.
pub(crate) fn wrap(
    vm: &mut Vm,
    cls: &ObjRef,
    kind: Kind,
    raw_obj: Value,
    size: i64,
) -> PyResult<Value> {
    let size = validate(vm, kind, &raw_obj, size)?;
    Ok(Value::Obj(ObjRef::new(
        cls,
        Buffered {
            kind,
            raw: PyCell::new(raw_obj),
            detached: Cell::new(false),
            initialized: Cell::new(true),
            size: Cell::new(size),
            rbuf: PyCell::new(Vec::new()),
            rpos: Cell::new(0),
            wbuf: PyCell::new(Vec::new()),
        },
    )))
}

/// The checks of `__init__`: a positive size and a raw stream that can do
/// what `kind` needs; the size as `usize`.
fn validate(vm: &mut Vm, kind: Kind, raw_obj: &Value, size: i64) -> PyResult<usize> {
    if size <= 0 {
        return Err(PyErr::value_error("buffer size must be strictly positive"));
    }
    let check = |vm: &mut Vm, what: &str, msg: &str| -> PyResult<()> {
        let r = vm.call_method(raw_obj, what, &[])?;
        if !vm.is_true(&r)? {
            return Err(super::unsupported(msg));
        }
        Ok(())
    };
    if kind != Kind::Writer {
        check(vm, "readable", "File or stream is not readable.")?;
    }
    if kind != Kind::Reader {
        check(vm, "writable", "File or stream is not writable.")?;
    }
    if kind == Kind::Random {
        check(vm, "seekable", "File or stream is not seekable.")?;
    }
    Ok(usize::try_from(size).unwrap_or(8192))
}

/// The `(raw, buffer_size)` arguments of the constructor and `__init__`.
fn init_args(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    kind: Kind,
) -> PyResult<(Value, i64)> {
    let (pos, [r, s]) = ArgSpec::parse(vm, kind.name(), args, kw, ["raw", "buffer_size"])?;
    let Some(r) = r.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(format!(
            "{}() missing required argument 'raw' (pos 1)",
            kind.name()
        )));
    };
    let size = match s.or_else(|| pos.get(1).cloned()) {
        Some(v) => vm.index_i64(&v)?,
        None => super::DEFAULT_BUFFER_SIZE,
    };
    Ok((r, size))
}

fn ctor(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
    kind: Kind,
) -> PyResult<Value> {
    // A subclass with its own `__init__` is made empty; that `__init__`
    // initialises it through `super().__init__(raw)`.
    let builtin = cls
        .downcast::<vm::types::TypeObject>()
        .is_some_and(|t| t.module(vm.token()) == "_io");
    if args.is_empty() && !builtin {
        return Ok(Value::Obj(ObjRef::new(
            cls,
            Buffered {
                kind,
                raw: PyCell::new(Value::None),
                detached: Cell::new(false),
                initialized: Cell::new(false),
                size: Cell::new(8192),
                rbuf: PyCell::new(Vec::new()),
                rpos: Cell::new(0),
                wbuf: PyCell::new(Vec::new()),
            },
        )));
    }
    let (r, size) = init_args(vm, args, kw, kind)?;
    wrap(vm, cls, kind, r, size)
}

/// `__init__(raw, buffer_size=DEFAULT_BUFFER_SIZE)`: (re)initialises the
/// object over `raw` (CPython's `_io__Buffered___init__`).
fn init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some((me_v, rest)) = args.split_first() else {
        return Err(PyErr::type_error("__init__() needs an argument"));
    };
    let Some(b) = me_v.downcast::<Buffered>() else {
        return Err(PyErr::type_error(format!(
            "descriptor '__init__' requires a buffered object but received a '{}'",
            tname(vm, me_v)
        )));
    };
    let kind = b.kind;
    let (r, size) = init_args(vm, rest, kw, kind)?;
    let size = validate(vm, kind, &r, size)?;
    *b.raw.borrow_mut(vm.token()) = r;
    b.size.set(size);
    b.rbuf.borrow_mut(vm.token()).clear();
    b.rpos.set(0);
    b.wbuf.borrow_mut(vm.token()).clear();
    b.detached.set(false);
    b.initialized.set(true);
    Ok(Value::None)
}

fn new_reader(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    ctor(vm, cls, args, kw, Kind::Reader)
}

fn new_writer(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    ctor(vm, cls, args, kw, Kind::Writer)
}

fn new_random(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    ctor(vm, cls, args, kw, Kind::Random)
}

/// Creates the three buffered classes as subclasses of `base` (`_BufferedIOBase`).
pub(crate) fn create_types(vm: &mut Vm, base: &ObjRef) -> Vec<(&'static str, ObjRef)> {
    let mut out = Vec::new();
    let ctors: [(Kind, vm::class::CtorFn); 3] = [
        (Kind::Reader, new_reader),
        (Kind::Writer, new_writer),
        (Kind::Random, new_random),
    ];
    for (kind, c) in ctors {
        let t = vm::types::new_native_type(vm.token(), kind.name(), Buffered::LAYOUT, Some(base));
        if let Some(tp) = t.downcast::<vm::types::TypeObject>() {
            tp.set_module(vm.token(), "_io");
            tp.slots.repr.set(Some(repr));
            if kind != Kind::Writer {
                tp.slots.iternext.set(Some(next_slot));
            }
        }
        let mut methods: Vec<(&'static str, NativeFn)> = vec![
            ("__init__", init),
            ("flush", flush),
            ("tell", tell),
            ("seek", seek),
            ("close", close),
            ("detach", detach),
            ("fileno", fileno),
            ("isatty", isatty),
            ("readable", readable),
            ("writable", writable),
            ("seekable", seekable),
            ("truncate", truncate),
        ];
        if kind != Kind::Writer {
            methods.extend([
                ("read", read as NativeFn),
                ("read1", read1),
                ("peek", peek),
                ("readline", readline),
                ("readinto", readinto),
                ("readinto1", readinto),
            ]);
        }
        if kind != Kind::Reader {
            methods.push(("write", write));
        }
        for (n, f) in methods {
            vm::calls::add_method(vm.token(), &t, n, f);
        }
        for (n, g) in [
            ("closed", closed as NativeFn),
            ("name", name),
            ("mode", mode),
            ("raw", raw_get),
        ] {
            super::iobase::add_property(vm, &t, n, g);
        }
        vm::class::register_ctor(&t, c, true);
        out.push((kind.name(), t));
    }
    out
}

/// The payload of `BufferedRWPair`: a reader and a writer.
pub struct RWPair {
    reader: Value,
    writer: Value,
}

impl Payload for RWPair {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.reader);
        visit(&self.writer);
    }
}

fn pair<'a>(vm: &mut Vm, v: Option<&'a Value>) -> PyResult<&'a RWPair> {
    match v.and_then(|v| v.downcast::<RWPair>()) {
        Some(p) => Ok(p),
        None => Err(PyErr::type_error(format!(
            "descriptor requires a '_io.BufferedRWPair' object but received a '{}'",
            v.map_or_else(|| "nothing".to_owned(), |v| tname(vm, v))
        ))),
    }
}

macro_rules! pair_forward {
    ($($f:ident = $side:ident . $name:literal),*) => {
        $(fn $f(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
            let p = pair(vm, args.first())?;
            let target = p.$side.clone();
            vm.call_method(&target, $name, &args[1..])
        })*
    };
}

pair_forward!(
    p_read = reader."read",
    p_read1 = reader."read1",
    p_peek = reader."peek",
    p_readline = reader."readline",
    p_readinto = reader."readinto",
    p_readable = reader."readable",
    p_write = writer."write",
    p_flush = writer."flush",
    p_writable = writer."writable",
    p_closed = writer."closed"
);

fn p_close(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let p = pair(vm, args.first())?;
    let (r, w) = (p.reader.clone(), p.writer.clone());
    let a = vm.call_method(&w, "close", &[]);
    let b = vm.call_method(&r, "close", &[]);
    a?;
    b?;
    Ok(Value::None)
}

fn p_isatty(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let p = pair(vm, args.first())?;
    let (r, w) = (p.reader.clone(), p.writer.clone());
    let a = vm.call_method(&w, "isatty", &[])?;
    if vm.is_true(&a)? {
        return Ok(Value::Bool(true));
    }
    vm.call_method(&r, "isatty", &[])
}

fn p_closed_get(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let p = pair(vm, args.first())?;
    let w = p.writer.clone();
    let k = intern(vm.token(), "closed");
    vm.getattr(&w, &k)
}

fn new_pair(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "BufferedRWPair", args, kw, 2, 3)?;
    let size = match a.get(2) {
        Some(v) => vm.index_i64(v)?,
        None => super::DEFAULT_BUFFER_SIZE,
    };
    let rcls = super::io_type(vm, "BufferedReader")?;
    let wcls = super::io_type(vm, "BufferedWriter")?;
    let reader = wrap(vm, &rcls, Kind::Reader, a[0].clone(), size)?;
    let writer = wrap(vm, &wcls, Kind::Writer, a[1].clone(), size)?;
    Ok(Value::Obj(ObjRef::new(cls, RWPair { reader, writer })))
}

/// Creates `BufferedRWPair` as a subclass of `base` (`_BufferedIOBase`).
pub(crate) fn create_rwpair(vm: &mut Vm, base: &ObjRef) -> ObjRef {
    let t = vm::types::new_native_type(vm.token(), "BufferedRWPair", RWPair::LAYOUT, Some(base));
    if let Some(tp) = t.downcast::<vm::types::TypeObject>() {
        tp.set_module(vm.token(), "_io");
    }
    let methods: [(&'static str, NativeFn); 11] = [
        ("read", p_read),
        ("read1", p_read1),
        ("peek", p_peek),
        ("readline", p_readline),
        ("readinto", p_readinto),
        ("readable", p_readable),
        ("write", p_write),
        ("flush", p_flush),
        ("writable", p_writable),
        ("close", p_close),
        ("isatty", p_isatty),
    ];
    for (n, f) in methods {
        vm::calls::add_method(vm.token(), &t, n, f);
    }
    let _ = p_closed;
    super::iobase::add_property(vm, &t, "closed", p_closed_get);
    vm::class::register_ctor(&t, new_pair, false);
    t
}
