//! The `atexit` module (CPython's `Modules/atexitmodule.c`): functions run
//! when the program ends, last registered first. The runner calls
//! `_run_exitfuncs` after the main module finished (and after an uncaught
//! exception's traceback was printed), as CPython's `Py_FinalizeEx` does.

use std::io::Write;

use vm::builtins::list::List;
use vm::builtins::str::intern;
use vm::builtins::tuple::Tuple;
use vm::calls::{exact_args, kwnames_len, NativeFn};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr};

/// The module attribute holding the registered `(func, args, kwnames)` entries.
const CALLBACKS: &str = "_callbacks";

fn callbacks(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.import_module("atexit")?;
    let k = intern(vm.token(), CALLBACKS);
    vm.getattr(&m, &k)
}

fn register(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let nkw = kwnames_len(vm.token(), kw);
    let npos = args.len() - nkw;
    if npos == 0 {
        return Err(PyErr::type_error(
            "register() takes at least 1 argument (0 given)",
        ));
    }
    let func = args[0].clone();
    let callable = func
        .type_ref()
        .downcast::<vm::types::TypeObject>()
        .and_then(|t| t.slots.call.get())
        .is_some();
    if !callable {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let kwnames = kw.map_or(Value::None, |k| Value::Obj(k.clone()));
    let entry = Tuple::alloc(vec![
        func.clone(),
        Value::Obj(Tuple::alloc(args[1..].to_vec())),
        kwnames,
    ]);
    let cbs = callbacks(vm)?;
    if let Some(l) = cbs.downcast::<List>() {
        l.append(vm.token(), Value::Obj(entry));
    }
    Ok(func)
}

fn unregister(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "unregister", args, kw, 1)?;
    let cbs = callbacks(vm)?;
    let Some(l) = cbs.downcast::<List>() else {
        return Ok(Value::None);
    };
    let entries = l.to_vec(vm.token());
    let mut keep = Vec::with_capacity(entries.len());
    for e in entries {
        let f = e
            .downcast::<Tuple>()
            .and_then(|t| t.get(vm.token(), 0))
            .unwrap_or(Value::None);
        if !vm.eq_bool(&f, &a[0])? {
            keep.push(e);
        }
    }
    let old = l.replace_all(vm.token(), keep);
    drop(old);
    Ok(Value::None)
}

fn run_exitfuncs(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "_run_exitfuncs", args, kw, 0)?;
    let cbs = callbacks(vm)?;
    let Some(l) = cbs.downcast::<List>() else {
        return Ok(Value::None);
    };
    let entries = l.replace_all(vm.token(), Vec::new());
    for e in entries.into_iter().rev() {
        let Some(t) = e.downcast::<Tuple>() else {
            continue;
        };
        let items = t.items(vm.token()).to_vec();
        let [func, pos, kwn] = items.as_slice() else {
            continue;
        };
        let mut all = pos
            .downcast::<Tuple>()
            .map(|t| t.items(vm.token()).to_vec())
            .unwrap_or_default();
        let kwnames = kwn.as_obj().cloned();
        let r = vm.call(func, &all, kwnames.as_ref());
        all.clear();
        if let Err(mut err) = r {
            if err.is_kind(vm::ExcKind::SystemExit) {
                continue;
            }
            let name = vm
                .repr(func)
                .and_then(|r| vm.str_text(&r))
                .map(|t| t.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = vm.format_exception(&mut err);
            vm.flush_stdout();
            let mut stderr = std::io::stderr();
            let _ = writeln!(stderr, "Exception ignored in atexit callback: {name}");
            let _ = stderr.write_all(text.as_bytes());
        }
    }
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "_clear", args, kw, 0)?;
    let cbs = callbacks(vm)?;
    if let Some(l) = cbs.downcast::<List>() {
        let old = l.replace_all(vm.token(), Vec::new());
        drop(old);
    }
    Ok(Value::None)
}

fn ncallbacks(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "_ncallbacks", args, kw, 0)?;
    let cbs = callbacks(vm)?;
    Ok(Value::Int(
        cbs.downcast::<List>().map_or(0, |l| l.len(vm.token())) as i64,
    ))
}

/// Creates the `atexit` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("register", register),
        ("unregister", unregister),
        ("_run_exitfuncs", run_exitfuncs),
        ("_clear", clear),
        ("_ncallbacks", ncallbacks),
    ];
    let m = new_module(vm, "atexit", funcs);
    set_attr(vm, &m, CALLBACKS, Value::Obj(List::alloc(Vec::new())));
    Ok(m)
}
