//! `_csv` (CPython's `Modules/_csv.c`), the engine under `csv.py`: `reader`,
//! `writer`, `Dialect`, the dialect registry (`register_dialect`,
//! `unregister_dialect`, `get_dialect`, `list_dialects`),
//! `field_size_limit`, `Error` and the `QUOTE_*` constants.

mod dialect;
mod reader;
mod writer;

use std::cell::{Cell, RefCell};

use vm::builtins::list::List;
use vm::builtins::str::{new_str, StrObj};
use vm::calls::NativeFn;
use vm::object::Payload;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{exception_of, new_exception_class, new_module, set_attr};

/// The default `field_size_limit` (128 KiB).
const DEFAULT_FIELD_LIMIT: i64 = 128 * 1024;

thread_local! {
    /// `_csv.Error`, once the module exists.
    static ERROR: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
    /// `_csv.Dialect`, `_csv.reader` and `_csv.writer` (the types).
    static TYPES: RefCell<Option<[ObjRef; 3]>> = const { RefCell::new(None) };
    /// The registered dialects, in registration order.
    static REGISTRY: RefCell<Vec<(String, ObjRef)>> = const { RefCell::new(Vec::new()) };
    /// `field_size_limit()`.
    static FIELD_LIMIT: Cell<i64> = const { Cell::new(DEFAULT_FIELD_LIMIT) };
}

/// `_csv.Error(msg)`.
#[cold]
pub(crate) fn error(msg: &str) -> PyErr {
    match ERROR.with(|e| e.borrow().clone()) {
        Some(cls) => exception_of(&cls, ExcKind::Exception, msg),
        None => PyErr::new(ExcKind::Exception, msg),
    }
}

/// The current `field_size_limit`.
fn field_limit() -> i64 {
    FIELD_LIMIT.with(Cell::get)
}

fn type_at(i: usize) -> PyResult<ObjRef> {
    TYPES
        .with(|t| t.borrow().as_ref().map(|t| t[i].clone()))
        .ok_or_else(|| PyErr::type_error("_csv is not initialised"))
}

/// `_csv.Dialect`.
fn dialect_type() -> PyResult<ObjRef> {
    type_at(0)
}

/// The dialect registered as `name` (a `str`), or `Error("unknown dialect")`.
fn lookup_dialect(vm: &mut Vm, name: &Value) -> PyResult<Value> {
    let Some(s) = name.downcast::<StrObj>() else {
        return Err(PyErr::type_error("dialect name must be a string"));
    };
    let key = s.text().to_string_lossy().into_owned();
    let _ = vm;
    REGISTRY
        .with(|r| {
            r.borrow()
                .iter()
                .find(|(n, _)| *n == key)
                .map(|(_, d)| Value::Obj(d.clone()))
        })
        .ok_or_else(|| error("unknown dialect"))
}

/// Splits native-convention arguments into positionals and `(name, value)`
/// keyword pairs.
fn split_kwargs(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> (Vec<Value>, Vec<(String, Value)>) {
    vm::class::split_kw(vm, args, kw)
}

/// CPython's `PyArg_UnpackTuple(args, "", 1, 2, ...)` of `reader`/`writer`.
fn unpack_one_or_two(pos: &[Value]) -> PyResult<(Value, Option<Value>)> {
    match pos {
        [a] => Ok((a.clone(), None)),
        [a, b] => Ok((a.clone(), Some(b.clone()))),
        [] => Err(PyErr::type_error(" expected at least 1 argument, got 0")),
        _ => Err(PyErr::type_error(format!(
            " expected at most 2 arguments, got {}",
            pos.len()
        ))),
    }
}

/// `reader(iterable, dialect='excel', **fmtparams)`.
fn csv_reader(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, kws) = split_kwargs(vm, args, kw);
    let (src, dia) = unpack_one_or_two(&pos)?;
    let input = vm.iter(&src)?;
    let d = dialect::call_dialect(vm, dia.as_ref(), &kws)?;
    let ty = type_at(1)?;
    Ok(Value::Obj(ObjRef::new(&ty, reader::Reader::new(input, d))))
}

/// `writer(fileobj, dialect='excel', **fmtparams)`.
fn csv_writer(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, kws) = split_kwargs(vm, args, kw);
    let (file, dia) = unpack_one_or_two(&pos)?;
    let key = vm::builtins::str::intern(vm.token(), "write");
    let write = match vm.getattr(&file, &key) {
        Ok(w) => w,
        Err(e) if e.is_kind(ExcKind::AttributeError) => {
            return Err(PyErr::type_error("argument 1 must have a \"write\" method"))
        }
        Err(e) => return Err(e),
    };
    let d = dialect::call_dialect(vm, dia.as_ref(), &kws)?;
    let ty = type_at(2)?;
    Ok(Value::Obj(ObjRef::new(
        &ty,
        writer::Writer { write, dialect: d },
    )))
}

/// `register_dialect(name, dialect=None, **fmtparams)`.
fn register_dialect(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, kws) = split_kwargs(vm, args, kw);
    let (name, dia) = match pos.as_slice() {
        [n] => (n.clone(), None),
        [n, d] => (n.clone(), Some(d.clone())),
        [] => {
            return Err(PyErr::type_error(
                "register_dialect() expected at least 1 argument, got 0",
            ))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "register_dialect() expected at most 2 arguments, got {}",
                pos.len()
            )))
        }
    };
    let Some(s) = name.downcast::<StrObj>() else {
        return Err(PyErr::type_error("dialect name must be a string"));
    };
    let key = s.text().to_string_lossy().into_owned();
    let d = dialect::call_dialect(vm, dia.as_ref(), &kws)?;
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        match r.iter_mut().find(|(n, _)| *n == key) {
            Some(slot) => slot.1 = d,
            None => r.push((key, d)),
        }
    });
    Ok(Value::None)
}

/// `unregister_dialect(name)`.
fn unregister_dialect(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = vm::calls::exact_args(vm, "unregister_dialect", args, kw, 1)?;
    let key = a[0]
        .downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned());
    let removed = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let i = r.iter().position(|(n, _)| Some(n) == key.as_ref())?;
        Some(r.remove(i))
    });
    match removed {
        Some(_) => Ok(Value::None),
        None => Err(error("unknown dialect")),
    }
}

/// `get_dialect(name)`.
fn get_dialect(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = vm::calls::exact_args(vm, "get_dialect", args, kw, 1)?;
    if a[0].downcast::<StrObj>().is_none() {
        return Err(error("unknown dialect"));
    }
    lookup_dialect(vm, &a[0])
}

/// `list_dialects()`.
fn list_dialects(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    vm::calls::exact_args(vm, "list_dialects", args, kw, 0)?;
    let names = REGISTRY.with(|r| r.borrow().iter().map(|(n, _)| new_str(n)).collect());
    Ok(Value::Obj(List::alloc(names)))
}

/// `field_size_limit([new_limit])`: the previous limit.
fn field_size_limit(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    const SIG: crate::clinic::Signature = crate::clinic::Signature {
        name: "field_size_limit",
        params: &["new_limit"],
        posonly: 0,
        kwonly: 1,
        required: 0,
    };
    let a = SIG.bind(vm, args, kw)?;
    let old = field_limit();
    if let Some(v) = &a[0] {
        let Some(n) = v.as_int() else {
            return Err(PyErr::type_error("limit must be an integer"));
        };
        let n = match n {
            vm::value::IntRef::Small(i) => i,
            vm::value::IntRef::Big(_) => {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C long",
                ))
            }
        };
        FIELD_LIMIT.with(|f| f.set(n));
    }
    Ok(Value::Int(old))
}

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// Creates the `_csv` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("reader", csv_reader),
        ("writer", csv_writer),
        ("register_dialect", register_dialect),
        ("unregister_dialect", unregister_dialect),
        ("get_dialect", get_dialect),
        ("list_dialects", list_dialects),
        ("field_size_limit", field_size_limit),
    ];
    let m = new_module(vm, "_csv", funcs);
    set_attr(vm, &m, "__version__", new_str("1.0"));
    set_attr(vm, &m, "__doc__", new_str("CSV parsing and writing.\n"));
    for (n, v) in [
        ("QUOTE_MINIMAL", dialect::QUOTE_MINIMAL),
        ("QUOTE_ALL", dialect::QUOTE_ALL),
        ("QUOTE_NONNUMERIC", dialect::QUOTE_NONNUMERIC),
        ("QUOTE_NONE", dialect::QUOTE_NONE),
    ] {
        set_attr(vm, &m, n, Value::Int(v));
    }
    let exception = vm::exceptions::exc_class(ExcKind::Exception);
    let err = new_exception_class(vm, "_csv", "Error", &[exception])?;
    ERROR.with(|e| *e.borrow_mut() = Some(err.clone()));
    set_attr(vm, &m, "Error", Value::Obj(err));

    let dialect_t = dialect::create_type(vm);
    set_attr(vm, &m, "Dialect", Value::Obj(dialect_t.clone()));

    let reader_t = vm::types::new_native_type(vm.token(), "reader", reader::Reader::LAYOUT, None);
    let writer_t = vm::types::new_native_type(vm.token(), "writer", writer::Writer::LAYOUT, None);
    for t in [&reader_t, &writer_t] {
        if let Some(tp) = t.downcast::<vm::types::TypeObject>() {
            tp.set_module(vm.token(), "_csv");
        }
    }
    if let Some(tp) = reader_t.downcast::<vm::types::TypeObject>() {
        tp.slots.iter.set(Some(self_iter));
        tp.slots.iternext.set(Some(reader::reader_next));
    }
    crate::io::add_property(vm, &reader_t, "line_num", reader::reader_line_num);
    crate::io::add_property(vm, &reader_t, "dialect", reader::reader_dialect);
    crate::io::add_property(vm, &writer_t, "dialect", writer::writer_dialect);
    vm::calls::add_method(vm.token(), &writer_t, "writerow", writer::writerow);
    vm::calls::add_method(vm.token(), &writer_t, "writerows", writer::writerows);
    TYPES.with(|t| *t.borrow_mut() = Some([dialect_t, reader_t, writer_t]));
    REGISTRY.with(|r| r.borrow_mut().clear());
    Ok(m)
}
