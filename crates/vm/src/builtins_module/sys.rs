//! The `sys` module, minimal: recursion limit, `stdout`/`stderr` text streams,
//! `argv`, `modules`, `maxsize`, `exc_info`, version information.

use std::io::Write;

use crate::builtins::list::List;
use crate::builtins::str::{new_str, StrObj};
use crate::builtins::tuple::Tuple;
use crate::calls::{add_method, exact_args, new_native_function};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::module::ModuleObj;
use crate::object::{ObjRef, Payload, PayloadKind};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of `sys.stdout` / `sys.stderr` (a stand-in for `_io.TextIOWrapper`).
pub struct TextStream {
    /// 1 for stdout, 2 for stderr.
    pub fd: u8,
}

impl Payload for TextStream {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

fn stream_write(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "write", args, kw, 2)?;
    let Some(s) = a[1].downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            crate::types::type_name(vm.token(), &a[1].type_ref())
        )));
    };
    let text = s.text().to_string_lossy().into_owned();
    match a[0].downcast::<TextStream>().map(|t| t.fd) {
        Some(2) => {
            vm.stdout.flush();
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
        _ => vm.stdout.write(text.as_bytes()),
    }
    Ok(Value::Int(s.char_len() as i64))
}

fn stream_flush(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "flush", args, kw, 1)?;
    vm.stdout.flush();
    Ok(Value::None)
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "setrecursionlimit", args, kw, 1)?;
    if let Value::Float(_) = a[0] {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = vm.index_i64(&a[0])?;
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let depth = vm.frames.len() as i64;
    if n <= depth {
        return Err(PyErr::new(
            ExcKind::RecursionError,
            format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"),
        ));
    }
    vm.set_recursion_limit(n.min(u32::MAX as i64) as u32);
    Ok(Value::None)
}

fn getrecursionlimit(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "getrecursionlimit", args, kw, 0)?;
    Ok(Value::Int(vm.recursion_limit() as i64))
}

/// `sys.exception()` (new in 3.11): the exception being handled, or `None`.
fn exception(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "exception", args, kw, 0)?;
    Ok(vm.handled_exception())
}

fn exc_info(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "exc_info", args, kw, 0)?;
    let e = vm.handled_exception();
    if e.is_none() {
        return Ok(Value::Obj(Tuple::alloc(vec![
            Value::None,
            Value::None,
            Value::None,
        ])));
    }
    let tb = e
        .downcast::<crate::exceptions::ExceptionObj>()
        .map(|x| x.traceback.borrow(vm.token()).clone())
        .unwrap_or_default();
    Ok(Value::Obj(Tuple::alloc(vec![
        Value::Obj(e.type_ref()),
        e,
        tb,
    ])))
}

fn exit(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::arg_range(vm, "exit", args, kw, 0, 1)?;
    // `PyErr_SetObject(PyExc_SystemExit, arg)`: `None` gives no arguments, a
    // tuple is the arguments.
    let args = match a.first() {
        None | Some(Value::None) => Vec::new(),
        Some(v) => match v.downcast::<Tuple>() {
            Some(t) => t.items(vm.token()).to_vec(),
            None => vec![v.clone()],
        },
    };
    let cls = crate::exceptions::exc_class(ExcKind::SystemExit);
    let e = crate::exceptions::ExceptionObj::alloc(&cls, args);
    Err(vm.err_from_object(e))
}

/// `sys.displayhook(value)` (and `sys.__displayhook__`): unless `value` is
/// `None`, writes its repr and a newline to `sys.stdout` and binds it to
/// `builtins._`, as CPython's `sys_displayhook`.
pub fn displayhook(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "displayhook", args, kw, 1)?;
    if a[0].is_none() {
        return Ok(Value::None);
    }
    let builtins = vm.builtins_module.clone();
    if let Some(b) = builtins.downcast::<ModuleObj>() {
        b.set(vm.token(), "_", Value::None);
    }
    let r = vm.repr(&a[0])?;
    match vm.print_target() {
        crate::io::PrintTarget::Fast => {
            vm.write_stdout_value(&r);
            vm.stdout.write(b"\n");
        }
        crate::io::PrintTarget::Nothing => {
            return Err(PyErr::runtime_error("lost sys.stdout"));
        }
        crate::io::PrintTarget::Object(f) => {
            vm.call_method(&f, "write", &[r])?;
            vm.call_method(&f, "write", &[new_str("\n")])?;
        }
    }
    if let Some(b) = builtins.downcast::<ModuleObj>() {
        b.set(vm.token(), "_", a[0].clone());
    }
    Ok(Value::None)
}

/// Creates the `sys` module.
pub fn create(vm: &mut Vm) -> ObjRef {
    let m = ModuleObj::alloc(vm.token(), "sys");
    let stream_type =
        crate::types::new_native_type(vm.token(), "TextIOWrapper", TextStream::LAYOUT, None);
    add_method(vm.token(), &stream_type, "write", stream_write);
    add_method(vm.token(), &stream_type, "flush", stream_flush);
    let stdout = ObjRef::new(&stream_type, TextStream { fd: 1 });
    let stderr = ObjRef::new(&stream_type, TextStream { fd: 2 });
    vm.set_fast_stdout(Some(stdout.clone()));
    let argv: Vec<Value> = vm.argv.iter().map(|a| new_str(a)).collect();
    let modules = vm.modules.clone();
    let builtin_names = vm.builtin_module_names();
    if let Some(mo) = m.downcast::<ModuleObj>() {
        let t = vm.token();
        mo.set(t, "builtin_module_names", builtin_names);
        mo.set(t, "stdout", Value::Obj(stdout.clone()));
        mo.set(t, "stderr", Value::Obj(stderr.clone()));
        mo.set(t, "__stdout__", Value::Obj(stdout));
        mo.set(t, "__stderr__", Value::Obj(stderr));
        mo.set(t, "argv", Value::Obj(List::alloc(argv)));
        mo.set(t, "modules", Value::Obj(modules));
        mo.set(t, "maxsize", Value::Int(i64::MAX));
        mo.set(t, "maxunicode", Value::Int(0x10ffff));
        mo.set(t, "version", new_str("3.11.7 (krait)"));
        mo.set(t, "platform", new_str("linux"));
        mo.set(t, "byteorder", new_str("little"));
        mo.set(t, "path", Value::Obj(List::alloc(vec![])));
        for (name, f) in [
            (
                "setrecursionlimit",
                setrecursionlimit as crate::calls::NativeFn,
            ),
            ("getrecursionlimit", getrecursionlimit),
            ("exc_info", exc_info),
            ("exception", exception),
            ("exit", exit),
            ("displayhook", displayhook),
            ("__displayhook__", displayhook),
        ] {
            mo.set(t, name, Value::Obj(new_native_function(name, f)));
        }
        for (name, f) in super::sys_hooks::functions()
            .into_iter()
            .chain(super::sys_asyncgen::functions())
        {
            mo.set(t, name, Value::Obj(new_native_function(name, f)));
        }
        super::sys_extra::install(vm, mo);
        crate::sys_structseqs::install(vm, mo);
    }
    crate::sys_config::install(vm, &m);
    // The streams are `_io` objects: importing `_io` needs `sys` registered.
    let _ = vm.sys_modules_set("sys", Value::Obj(m.clone()));
    vm.init_stdio(&m);
    m
}
