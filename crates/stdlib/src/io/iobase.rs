//! The abstract bases of `_io` (CPython's `Modules/_io/iobase.c`,
//! `bufferedio.c`'s `_BufferedIOBase`, `textio.c`'s `_TextIOBase`):
//! `_IOBase` with the generic `close`/`closed`/`readline`/`readlines`/
//! iteration/context-manager methods written against the object's own
//! `read`/`peek`/`flush` (so Python subclasses get them too), `_RawIOBase`
//! with `read`/`readall` over `readinto`, and the stubs of
//! `_BufferedIOBase`/`_TextIOBase` that raise `UnsupportedOperation`.

use vm::builtins::list::List;
use vm::builtins::str::intern;
use vm::calls::{add_method, arg_range, exact_args, new_native_function, NativeFn};
use vm::methods::bytes::{bytes_of, new_bytes};
use vm::object::PyCell;
use vm::types::{new_native_type, TypeObject};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use super::unsupported;

/// The instance attribute a Python-level `_IOBase` keeps its closed flag in.
const CLOSED_ATTR: &str = "__IOBase_closed";

/// The base types, in creation order: name, base (index into this list).
pub(crate) const BASES: [(&str, Option<usize>); 4] = [
    ("_IOBase", None),
    ("_RawIOBase", Some(0)),
    ("_BufferedIOBase", Some(0)),
    ("_TextIOBase", Some(0)),
];

/// Whether `obj.closed` is true.
pub(crate) fn is_closed(vm: &mut Vm, obj: &Value) -> PyResult<bool> {
    let k = intern(vm.token(), "closed");
    let c = vm.getattr(obj, &k)?;
    vm.is_true(&c)
}

/// CPython's "I/O operation on closed file." `ValueError`.
pub(crate) fn closed_error() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

fn check_closed(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    if is_closed(vm, obj)? {
        return Err(closed_error());
    }
    Ok(())
}

fn closed_get(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "closed", args, kw, 1)?;
    let k = intern(vm.token(), CLOSED_ATTR);
    match vm.getattr(&a[0], &k) {
        Ok(v) => Ok(Value::Bool(vm.is_true(&v)?)),
        Err(e) if e.kind == ExcKind::AttributeError => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn close(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "close", args, kw, 1)?;
    if is_closed(vm, &a[0])? {
        return Ok(Value::None);
    }
    let r = vm.call_method(&a[0], "flush", &[]);
    let k = intern(vm.token(), CLOSED_ATTR);
    vm.setattr(&a[0], &k, Some(Value::Bool(true)))?;
    r.map(|_| Value::None)
}

fn flush(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "flush", args, kw, 1)?;
    check_closed(vm, &a[0])?;
    Ok(Value::None)
}

fn no(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "readable", args, kw, 1)?;
    Ok(Value::Bool(false))
}

fn isatty(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "isatty", args, kw, 1)?;
    check_closed(vm, &a[0])?;
    Ok(Value::Bool(false))
}

macro_rules! unsupported_methods {
    ($($f:ident = $name:literal),*) => {
        $(fn $f(_vm: &mut Vm, _args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
            Err(unsupported($name))
        })*
    };
}

unsupported_methods!(
    fileno = "fileno",
    seek = "seek",
    truncate = "truncate",
    detach = "detach",
    read_u = "read",
    read1_u = "read1",
    write_u = "write",
    readline_u = "readline"
);

fn tell(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "tell", args, kw, 1)?;
    vm.call_method(&a[0], "seek", &[Value::Int(0), Value::Int(1)])
}

fn enter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__enter__", args, kw, 1)?;
    check_closed(vm, &a[0])?;
    Ok(a[0].clone())
}

fn exit(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(me) = args.first() else {
        return Err(PyErr::type_error("__exit__ needs self"));
    };
    vm.call_method(me, "close", &[])?;
    Ok(Value::None)
}

fn iter_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__iter__", args, kw, 1)?;
    check_closed(vm, &a[0])?;
    Ok(a[0].clone())
}

fn iter_slot(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    check_closed(vm, v)?;
    Ok(v.clone())
}

fn next_slot(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let line = vm.call_method(v, "readline", &[])?;
    if vm.len(&line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

fn next_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__next__", args, kw, 1)?;
    next_slot(vm, &a[0])?.ok_or_else(|| PyErr::bare(ExcKind::StopIteration))
}

/// A `size`/`hint` argument: `None` or negative means "no limit".
pub(crate) fn limit_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            if matches!(v, Value::Float(_)) {
                return Err(PyErr::type_error(
                    "argument should be integer or None, not 'float'",
                ));
            }
            Ok(usize::try_from(vm.index_i64(v)?).ok())
        }
    }
}

/// `_IOBase.readline`: byte by byte through `read` (or `peek` when present).
fn readline(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "readline", args, kw, 1, 2)?;
    let limit = limit_arg(vm, a.get(1))?;
    let me = &a[0];
    let peek_name = intern(vm.token(), "peek");
    let has_peek = vm.getattr(me, &peek_name).is_ok();
    let mut out: Vec<u8> = Vec::new();
    while limit.is_none_or(|l| out.len() < l) {
        let mut nread = 1;
        if has_peek {
            let p = vm.call_method(me, "peek", &[Value::Int(1)])?;
            let Some(pb) = bytes_of(vm.token(), &p) else {
                return Err(PyErr::new(
                    ExcKind::OSError,
                    "peek() should have returned a bytes object",
                ));
            };
            if !pb.is_empty() {
                let upto = pb
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(pb.len(), |i| i + 1);
                nread = match limit {
                    Some(l) => upto.min(l - out.len()),
                    None => upto,
                };
            }
        }
        let b = vm.call_method(me, "read", &[Value::Int(nread as i64)])?;
        let Some(bb) = bytes_of(vm.token(), &b) else {
            return Err(PyErr::new(
                ExcKind::OSError,
                format!(
                    "read() should have returned a bytes object, not '{}'",
                    crate::util::tname(vm, &b)
                ),
            ));
        };
        if bb.is_empty() {
            break;
        }
        out.extend_from_slice(&bb);
        if out.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(new_bytes(out, false))
}

fn readlines(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "readlines", args, kw, 1, 2)?;
    let hint = limit_arg(vm, a.get(1))?.filter(|&h| h > 0);
    let it = vm.iter(&a[0])?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    while let Some(line) = vm.next(&it)? {
        total += vm.len(&line)?;
        lines.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(Value::Obj(List::alloc(lines)))
}

fn writelines(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "writelines", args, kw, 2)?;
    check_closed(vm, &a[0])?;
    let it = vm.iter(&a[1])?;
    while let Some(line) = vm.next(&it)? {
        vm.call_method(&a[0], "write", &[line])?;
    }
    Ok(Value::None)
}

fn check_flag(vm: &mut Vm, args: &[Value], what: &str, msg: &str) -> PyResult<Value> {
    let Some(me) = args.first() else {
        return Err(PyErr::type_error("needs self"));
    };
    let r = vm.call_method(me, what, &[])?;
    if !vm.is_true(&r)? {
        return Err(unsupported(msg));
    }
    Ok(Value::Bool(true))
}

fn check_readable(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    check_flag(vm, args, "readable", "File or stream is not readable.")
}

fn check_writable(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    check_flag(vm, args, "writable", "File or stream is not writable.")
}

fn check_seekable(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    check_flag(vm, args, "seekable", "File or stream is not seekable.")
}

fn check_closed_method(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(me) = args.first() else {
        return Err(PyErr::type_error("needs self"));
    };
    check_closed(vm, me)?;
    Ok(Value::None)
}

/// `_RawIOBase.read(size=-1)`: `readall()`, or `readinto` a buffer of `size`.
fn raw_read(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "read", args, kw, 1, 2)?;
    let Some(n) = limit_arg(vm, a.get(1))? else {
        return vm.call_method(&a[0], "readall", &[]);
    };
    let buf = new_bytes(vec![0; n], true);
    let got = vm.call_method(&a[0], "readinto", std::slice::from_ref(&buf))?;
    if got.is_none() {
        return Ok(Value::None);
    }
    let k = usize::try_from(vm.index_i64(&got)?).unwrap_or(0);
    let mut data = bytes_of(vm.token(), &buf).unwrap_or_default();
    data.truncate(k);
    Ok(new_bytes(data, false))
}

fn raw_readall(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "readall", args, kw, 1)?;
    let mut out = Vec::new();
    loop {
        let chunk = vm.call_method(&a[0], "read", &[Value::Int(super::DEFAULT_BUFFER_SIZE)])?;
        if chunk.is_none() {
            if out.is_empty() {
                return Ok(Value::None);
            }
            break;
        }
        let b = bytes_of(vm.token(), &chunk).unwrap_or_default();
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(&b);
    }
    Ok(new_bytes(out, false))
}

fn none_get(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "attribute", args, kw, 1)?;
    Ok(Value::None)
}

/// Adds a read-only property `name` computed by `getter` to type `ty`.
pub(crate) fn add_property(vm: &mut Vm, ty: &ObjRef, name: &'static str, getter: NativeFn) {
    add_property_rw(vm, ty, name, getter, None);
}

/// Adds property `name` with `getter` and, if given, `setter` (called as
/// `setter(self, value)`) to type `ty`.
pub(crate) fn add_property_rw(
    vm: &mut Vm,
    ty: &ObjRef,
    name: &'static str,
    getter: NativeFn,
    setter: Option<NativeFn>,
) {
    let fset = setter.map_or(Value::None, |f| Value::Obj(new_native_function(name, f)));
    let prop = ObjRef::new(
        &vm::rt_types::rt().property,
        vm::descriptors::Property {
            funcs: PyCell::new([
                Value::Obj(new_native_function(name, getter)),
                fset,
                Value::None,
                Value::None,
            ]),
        },
    );
    if let Some(tp) = ty.downcast::<TypeObject>() {
        let k = Value::Obj(intern(vm.token(), name));
        let _ = tp.dict.set(
            &mut vm::builtins::dict::NativeEq(vm.token()),
            k,
            Value::Obj(prop),
        );
    }
}

/// Creates the four base types (in [`BASES`] order).
pub(crate) fn create_bases(vm: &mut Vm) -> Vec<ObjRef> {
    let bt = vm::types::builtin_types();
    let Some(layout) = bt.object.downcast::<TypeObject>().map(TypeObject::layout) else {
        return Vec::new();
    };
    let mut types: Vec<ObjRef> = Vec::new();
    for (name, base) in BASES {
        let b = base.and_then(|i| types.get(i).cloned());
        let t = new_native_type(vm.token(), name, layout, b.as_ref());
        if let Some(tp) = t.downcast::<TypeObject>() {
            tp.set_module(vm.token(), "_io");
        }
        types.push(t);
    }
    let iobase: [(&'static str, NativeFn); 21] = [
        ("close", close),
        ("flush", flush),
        ("readable", no),
        ("writable", no),
        ("seekable", no),
        ("isatty", isatty),
        ("fileno", fileno),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("__enter__", enter),
        ("__exit__", exit),
        ("__iter__", iter_method),
        ("__next__", next_method),
        ("readline", readline),
        ("readlines", readlines),
        ("writelines", writelines),
        ("_checkClosed", check_closed_method),
        ("_checkReadable", check_readable),
        ("_checkWritable", check_writable),
        ("_checkSeekable", check_seekable),
    ];
    if let Some(t) = types.first() {
        for (n, f) in iobase {
            add_method(vm.token(), t, n, f);
        }
        add_property(vm, t, "closed", closed_get);
    }
    for t in &types {
        if let Some(tp) = t.downcast::<TypeObject>() {
            tp.slots.iter.set(Some(iter_slot));
            tp.slots.iternext.set(Some(next_slot));
        }
    }
    if let Some(t) = types.get(1) {
        add_method(vm.token(), t, "read", raw_read);
        add_method(vm.token(), t, "readall", raw_readall);
    }
    if let Some(t) = types.get(2) {
        for (n, f) in [
            ("read", read_u as NativeFn),
            ("read1", read1_u),
            ("readinto", readinto_generic),
            ("readinto1", readinto_generic),
            ("write", write_u),
            ("detach", detach),
        ] {
            add_method(vm.token(), t, n, f);
        }
    }
    if let Some(t) = types.get(3) {
        for (n, f) in [
            ("read", read_u as NativeFn),
            ("readline", readline_u),
            ("write", write_u),
            ("detach", detach),
        ] {
            add_method(vm.token(), t, n, f);
        }
        for n in ["encoding", "newlines", "errors"] {
            add_property(vm, t, n, none_get);
        }
    }
    types
}

/// `_BufferedIOBase.readinto(b)`: `read(len(b))` copied into `b`.
fn readinto_generic(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "readinto", args, kw, 2)?;
    let n = vm.len(&a[1])?;
    let data = vm.call_method(&a[0], "read", &[Value::Int(n as i64)])?;
    let d = bytes_of(vm.token(), &data).unwrap_or_default();
    super::bytesio::copy_into(vm, &a[1], &d)?;
    Ok(Value::Int(d.len() as i64))
}
