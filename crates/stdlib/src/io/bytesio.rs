//! `_io.BytesIO` (CPython's `Modules/_io/bytesio.c`): an in-memory binary
//! stream with `read`/`read1`/`readline`/`readinto`/`write`/`seek`/`tell`/
//! `truncate`/`getvalue`/`getbuffer`, positions past the end padded with NULs
//! on write. The contents live in a private `bytearray`, so `getbuffer()` is a
//! memoryview of it: writes through the view change the stream, and while a
//! view is alive the stream refuses to change (CPython's `CHECK_EXPORTS`).

use std::cell::Cell;

use vm::builtins::list::List;
use vm::calls::{arg_range, exact_args, ArgSpec, NativeFn};
use vm::methods::bytes::{bytes_of, new_bytes, BytesObj};
use vm::object::{Payload, PayloadKind, PyCell};
use vm::ExcKind::BufferError;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use super::iobase::limit_arg;
use crate::util::tname;

/// The payload of `BytesIO`.
pub struct BytesIO {
    /// The private `bytearray` holding the contents.
    store: ObjRef,
    pos: Cell<usize>,
    closed: Cell<bool>,
}

impl Payload for BytesIO {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

impl BytesIO {
    /// The contents (the private bytearray's data).
    fn buf(&self) -> PyResult<&PyCell<Vec<u8>>> {
        match self.store.downcast::<BytesObj>() {
            Some(b) => Ok(&b.data),
            None => Err(PyErr::new(ExcKind::SystemError, "BytesIO without a buffer")),
        }
    }

    /// CPython's `CHECK_EXPORTS`: no change while a `getbuffer()` view lives.
    fn check_exports(&self) -> PyResult<()> {
        if self
            .store
            .downcast::<BytesObj>()
            .is_some_and(|b| b.exports.get() > 0)
        {
            return Err(PyErr::new(
                BufferError,
                "Existing exports of data: object cannot be re-sized",
            ));
        }
        Ok(())
    }
}

/// Copies `data` to the start of the writable buffer `dst` (a `bytearray` or
/// a writable memoryview of one).
pub(crate) fn copy_into(vm: &mut Vm, dst: &Value, data: &[u8]) -> PyResult<()> {
    // A writable, contiguous memoryview: its region of the bytearray.
    if let Some((obj, start, len)) = vm::methods::memoryview::writable_region(dst) {
        if let Some(b) = obj.downcast::<BytesObj>() {
            let buf = b.data.borrow_mut(vm.token());
            let end = start.saturating_add(len).min(buf.len());
            if let Some(region) = buf.get_mut(start.min(end)..end) {
                let n = data.len().min(region.len());
                region[..n].copy_from_slice(&data[..n]);
            }
            return Ok(());
        }
    }
    let Some(b) = dst.downcast::<BytesObj>() else {
        return Err(PyErr::type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            tname(vm, dst)
        )));
    };
    let buf = b.data.borrow_mut(vm.token());
    let n = data.len().min(buf.len());
    buf[..n].copy_from_slice(&data[..n]);
    Ok(())
}

fn me<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a BytesIO> {
    let Some(b) = v.downcast::<BytesIO>() else {
        return Err(PyErr::type_error(format!(
            "descriptor requires a '_io.BytesIO' object but received a '{}'",
            tname(vm, v)
        )));
    };
    if b.closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file."));
    }
    Ok(b)
}

fn new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let data = initial_bytes(vm, args, kw)?;
    let Value::Obj(store) = new_bytes(data, true) else {
        return Err(PyErr::new(ExcKind::SystemError, "bytearray type missing"));
    };
    Ok(Value::Obj(ObjRef::new(
        cls,
        BytesIO {
            store,
            pos: Cell::new(0),
            closed: Cell::new(false),
        },
    )))
}

/// `BytesIO.__init__(initial_bytes=b'')`: the contents replaced, the
/// position back at 0 (a subclass's `super().__init__`).
fn init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some((me_v, rest)) = args.split_first() else {
        return Err(PyErr::type_error("__init__() needs an argument"));
    };
    let data = initial_bytes(vm, rest, kw)?;
    let Some(b) = me_v.downcast::<BytesIO>() else {
        return Err(PyErr::type_error(format!(
            "descriptor '__init__' requires a '_io.BytesIO' object but received a '{}'",
            tname(vm, me_v)
        )));
    };
    b.check_exports()?;
    *b.buf()?.borrow_mut(vm.token()) = data;
    b.pos.set(0);
    Ok(Value::None)
}

/// The `initial_bytes` of `BytesIO(...)`.
fn initial_bytes(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Vec<u8>> {
    let (pos, [init]) = ArgSpec::parse(vm, "BytesIO", args, kw, ["initial_bytes"])?;
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "BytesIO() takes at most 1 argument ({} given)",
            pos.len()
        )));
    }
    match init.or_else(|| pos.first().cloned()) {
        None | Some(Value::None) => Ok(Vec::new()),
        Some(v) => super::fileio::buffer_arg(vm, &v),
    }
}

fn take(vm: &mut Vm, b: &BytesIO, n: Option<usize>) -> PyResult<Vec<u8>> {
    let buf = b.buf()?.borrow(vm.token());
    let start = b.pos.get().min(buf.len());
    let end = n.map_or(buf.len(), |n| start.saturating_add(n).min(buf.len()));
    let out = buf[start..end].to_vec();
    b.pos.set(b.pos.get().max(end));
    Ok(out)
}

fn read(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "read", args, kw, 1, 2)?;
    let b = me(vm, &a[0])?;
    let n = limit_arg(vm, a.get(1))?;
    Ok(new_bytes(take(vm, b, n)?, false))
}

fn line(vm: &mut Vm, b: &BytesIO, limit: Option<usize>) -> PyResult<Vec<u8>> {
    let n = {
        let buf = b.buf()?.borrow(vm.token());
        let start = b.pos.get().min(buf.len());
        let rest = &buf[start..];
        let upto = rest
            .iter()
            .position(|&c| c == b'\n')
            .map_or(rest.len(), |i| i + 1);
        limit.map_or(upto, |l| upto.min(l))
    };
    take(vm, b, Some(n))
}

fn readline(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "readline", args, kw, 1, 2)?;
    let b = me(vm, &a[0])?;
    let limit = limit_arg(vm, a.get(1))?;
    Ok(new_bytes(line(vm, b, limit)?, false))
}

fn readlines(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "readlines", args, kw, 1, 2)?;
    let b = me(vm, &a[0])?;
    let hint = limit_arg(vm, a.get(1))?.filter(|&h| h > 0);
    let mut out = Vec::new();
    let mut total = 0;
    loop {
        let l = line(vm, b, None)?;
        if l.is_empty() {
            break;
        }
        total += l.len();
        out.push(new_bytes(l, false));
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(Value::Obj(List::alloc(out)))
}

fn next_slot(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let b = me(vm, v)?;
    let l = line(vm, b, None)?;
    Ok((!l.is_empty()).then(|| new_bytes(l, false)))
}

fn readinto(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "readinto", args, kw, 2)?;
    let b = me(vm, &a[0])?;
    let n = vm.len(&a[1])?;
    let data = take(vm, b, Some(n))?;
    copy_into(vm, &a[1], &data)?;
    Ok(Value::Int(data.len() as i64))
}

/// The bytes-like argument of `write`, or CPython's `TypeError`.
fn write(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "write", args, kw, 2)?;
    let b = me(vm, &a[0])?;
    b.check_exports()?;
    let Some(data) = bytes_of(vm.token(), &a[1]) else {
        return Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            tname(vm, &a[1])
        )));
    };
    if data.is_empty() {
        // Nothing written: no padding up to a position past the end.
        return Ok(Value::Int(0));
    }
    let buf = b.buf()?.borrow_mut(vm.token());
    let pos = b.pos.get();
    if pos > buf.len() {
        buf.resize(pos, 0);
    }
    let end = pos + data.len();
    if end > buf.len() {
        buf.resize(end, 0);
    }
    buf[pos..end].copy_from_slice(&data);
    b.pos.set(end);
    Ok(Value::Int(data.len() as i64))
}

fn seek(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "seek", args, kw, 2, 3)?;
    let b = me(vm, &a[0])?;
    let pos = vm.index_i64(&a[1])?;
    let whence = match a.get(2) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    let len = b.buf()?.borrow(vm.token()).len() as i64;
    let new = match whence {
        0 if pos < 0 => {
            return Err(PyErr::value_error(format!("negative seek value {pos}")));
        }
        0 => pos,
        1 => (b.pos.get() as i64).saturating_add(pos).max(0),
        2 => len.saturating_add(pos).max(0),
        _ => {
            return Err(PyErr::value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )))
        }
    };
    b.pos.set(usize::try_from(new).unwrap_or(usize::MAX));
    Ok(Value::Int(new))
}

fn tell(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "tell", args, kw, 1)?;
    let b = me(vm, &a[0])?;
    Ok(Value::Int(b.pos.get() as i64))
}

fn truncate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "truncate", args, kw, 1, 2)?;
    let b = me(vm, &a[0])?;
    b.check_exports()?;
    let size = match a.get(1) {
        None | Some(Value::None) => b.pos.get(),
        Some(v) => {
            let n = vm.index_i64(v)?;
            usize::try_from(n)
                .map_err(|_| PyErr::value_error(format!("negative size value {n}")))?
        }
    };
    b.buf()?.borrow_mut(vm.token()).truncate(size);
    Ok(Value::Int(size as i64))
}

fn getvalue(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getvalue", args, kw, 1)?;
    let b = me(vm, &a[0])?;
    Ok(new_bytes(b.buf()?.borrow(vm.token()).clone(), false))
}

/// `__getstate__()`: `(contents, position, __dict__ copy or None)`.
fn getstate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__getstate__", args, kw, 1)?;
    let b = me(vm, &a[0])?;
    let data = new_bytes(b.buf()?.borrow(vm.token()).clone(), false);
    let pos = Value::Int(i64::try_from(b.pos.get()).unwrap_or(i64::MAX));
    let dict = match vm::builtins::object::existing_instance_dict(vm.token(), &a[0]) {
        Some(d) => match d.downcast::<vm::builtins::dict::Dict>() {
            Some(dd) => Value::Obj(ObjRef::new(
                &vm::types::builtin_types().dict,
                dd.copy(vm.token()),
            )),
            None => Value::None,
        },
        None => Value::None,
    };
    Ok(Value::Obj(vm::builtins::tuple::Tuple::alloc(vec![
        data, pos, dict,
    ])))
}

/// `__setstate__((contents, position, dict))` (CPython's `bytesio_setstate`).
fn setstate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__setstate__", args, kw, 2)?;
    let Some(b) = a[0].downcast::<BytesIO>() else {
        return Err(PyErr::type_error("__setstate__ requires a BytesIO"));
    };
    b.check_exports()?;
    let items = a[1]
        .downcast::<vm::builtins::tuple::Tuple>()
        .map(|t| t.items(vm.token()).to_vec())
        .filter(|i| i.len() >= 3);
    let Some(items) = items else {
        // `tp_name`: qualified for the builtin type itself.
        let ty = a[0].type_ref();
        let builtin = ty
            .downcast::<vm::types::TypeObject>()
            .is_some_and(|t| t.module(vm.token()) == "_io");
        let prefix = if builtin { "_io." } else { "" };
        return Err(PyErr::type_error(format!(
            "{prefix}{}.__setstate__ argument should be 3-tuple, got {}",
            tname(vm, &a[0]),
            tname(vm, &a[1])
        )));
    };
    let data = super::fileio::buffer_arg(vm, &items[0])?;
    let pos = match items[1].as_int() {
        Some(vm::value::IntRef::Small(p)) => p,
        Some(vm::value::IntRef::Big(_)) => i64::MAX,
        None => {
            return Err(PyErr::type_error(format!(
                "second item of state must be an integer, not {}",
                tname(vm, &items[1])
            )))
        }
    };
    if pos < 0 {
        return Err(PyErr::value_error("position value cannot be negative"));
    }
    if !items[2].is_none() {
        let Some(src) = items[2].downcast::<vm::builtins::dict::Dict>() else {
            return Err(PyErr::type_error(format!(
                "third item of state should be a dict, got a {}",
                tname(vm, &items[2])
            )));
        };
        let entries = src.items(vm.token());
        if let Some(d) = vm::builtins::object::instance_dict_of(vm.token(), &a[0]) {
            if let Some(dd) = d.downcast::<vm::builtins::dict::Dict>() {
                for (k, v) in entries {
                    dd.set(vm, k, v)?;
                }
            }
        }
    }
    *b.buf()?.borrow_mut(vm.token()) = data;
    b.pos.set(usize::try_from(pos).unwrap_or(usize::MAX));
    Ok(Value::None)
}

/// `getbuffer()`: a read-write memoryview of the contents.
fn getbuffer(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getbuffer", args, kw, 1)?;
    let b = me(vm, &a[0])?;
    let store = Value::Obj(b.store.clone());
    vm::methods::memoryview::memoryview_of(vm, store)
}

fn yes(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "readable", args, kw, 1)?;
    me(vm, &a[0])?;
    Ok(Value::Bool(true))
}

fn flush(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "flush", args, kw, 1)?;
    me(vm, &a[0])?;
    Ok(Value::None)
}

fn isatty(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "isatty", args, kw, 1)?;
    me(vm, &a[0])?;
    Ok(Value::Bool(false))
}

fn close(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "close", args, kw, 1)?;
    if let Some(b) = a[0].downcast::<BytesIO>() {
        b.check_exports()?;
        b.closed.set(true);
        b.buf()?.borrow_mut(vm.token()).clear();
    }
    Ok(Value::None)
}

fn closed(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "closed", args, kw, 1)?;
    Ok(Value::Bool(
        a[0].downcast::<BytesIO>().is_none_or(|b| b.closed.get()),
    ))
}

/// Creates `BytesIO` as a subclass of `base` (`_BufferedIOBase`).
pub(crate) fn create_type(vm: &mut Vm, base: &ObjRef) -> ObjRef {
    let t = vm::types::new_native_type(vm.token(), "BytesIO", BytesIO::LAYOUT, Some(base));
    if let Some(tp) = t.downcast::<vm::types::TypeObject>() {
        tp.set_module(vm.token(), "_io");
        tp.slots.iternext.set(Some(next_slot));
    }
    let methods: [(&'static str, NativeFn); 21] = [
        ("__init__", init),
        ("__getstate__", getstate),
        ("__setstate__", setstate),
        ("read", read),
        ("read1", read),
        ("readline", readline),
        ("readlines", readlines),
        ("readinto", readinto),
        ("readinto1", readinto),
        ("write", write),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("getvalue", getvalue),
        ("getbuffer", getbuffer),
        ("readable", yes),
        ("writable", yes),
        ("seekable", yes),
        ("flush", flush),
        ("isatty", isatty),
        ("close", close),
    ];
    for (n, f) in methods {
        vm::calls::add_method(vm.token(), &t, n, f);
    }
    super::iobase::add_property(vm, &t, "closed", closed);
    vm::class::register_ctor(&t, new, true);
    t
}
