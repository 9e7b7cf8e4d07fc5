//! The `gc` module (CPython's `Modules/gcmodule.c`) over the VM's single-
//! generation cycle collector (`vm::gc`): `collect`, `enable`/`disable`/
//! `isenabled`, thresholds, counts, `is_tracked`, `get_referents`.

use std::cell::Cell;

use vm::builtins::list::List;
use vm::builtins::tuple::Tuple;
use vm::calls::{arg_range, exact_args, ArgSpec, NativeFn};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr};

thread_local! {
    /// `gc.get_threshold()` as last set (the collector keeps only the first).
    static THRESHOLDS: Cell<(i64, i64, i64)> = const { Cell::new((700, 10, 10)) };
}

fn collect(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [g]) = ArgSpec::parse(vm, "collect", args, kw, ["generation"])?;
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "collect() takes at most 1 argument ({} given)",
            pos.len()
        )));
    }
    if let Some(g) = g.or_else(|| pos.first().cloned()) {
        let g = vm.index_i64(&g)?;
        if !(0..=2).contains(&g) {
            return Err(PyErr::value_error("invalid generation"));
        }
    }
    Ok(Value::Int(collect_and_finalize(vm) as i64))
}

/// One `gc.collect()`: CPython finalizes unreachable objects and frees those
/// still unreachable in the same collection; the VM's collector queues the
/// finalizers and frees nothing when there are any, so run them here and
/// collect again. Returns the number of unreachable objects freed.
fn collect_and_finalize(vm: &mut Vm) -> usize {
    let mut n = vm::gc::collect(vm.token());
    for _ in 0..2 {
        if !vm::object::has_pending_finalizers() {
            break;
        }
        vm.run_finalizers();
        n += vm::gc::collect(vm.token());
    }
    vm.run_finalizers();
    n
}

fn enable(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "enable", args, kw, 0)?;
    vm::gc::set_enabled(true);
    Ok(Value::None)
}

fn disable(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "disable", args, kw, 0)?;
    vm::gc::set_enabled(false);
    Ok(Value::None)
}

fn isenabled(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "isenabled", args, kw, 0)?;
    Ok(Value::Bool(vm::gc::is_enabled()))
}

fn get_count(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "get_count", args, kw, 0)?;
    let n = vm::object::gc_tracked_count() as i64;
    Ok(Value::Obj(Tuple::alloc(vec![
        Value::Int(n),
        Value::Int(0),
        Value::Int(0),
    ])))
}

fn get_threshold(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "get_threshold", args, kw, 0)?;
    let (a, b, c) = THRESHOLDS.with(Cell::get);
    Ok(Value::Obj(Tuple::alloc(vec![
        Value::Int(a),
        Value::Int(b),
        Value::Int(c),
    ])))
}

fn set_threshold(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "set_threshold", args, kw, 1, 3)?;
    let (_, mut t1, mut t2) = THRESHOLDS.with(Cell::get);
    let t0 = vm.index_i64(&a[0])?;
    if let Some(v) = a.get(1) {
        t1 = vm.index_i64(v)?;
    }
    if let Some(v) = a.get(2) {
        t2 = vm.index_i64(v)?;
    }
    THRESHOLDS.with(|t| t.set((t0, t1, t2)));
    vm::gc::set_threshold(t0.max(0) as usize);
    Ok(Value::None)
}

fn is_tracked(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "is_tracked", args, kw, 1)?;
    Ok(Value::Bool(a[0].as_obj().is_some_and(ObjRef::is_gc)))
}

fn get_referents(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    vm::calls::no_kwargs(vm, "get_referents", kw)?;
    let mut out = Vec::new();
    for a in args {
        if let Some(o) = a.as_obj() {
            o.traverse(vm.token(), &mut |v| out.push(v.clone()));
        }
    }
    Ok(Value::Obj(List::alloc(out)))
}

fn no_op(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    vm::calls::no_kwargs(vm, "freeze", kw)?;
    let _ = args;
    Ok(Value::None)
}

fn get_freeze_count(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "get_freeze_count", args, kw, 0)?;
    Ok(Value::Int(0))
}

/// Creates the `gc` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("is_tracked", is_tracked),
        ("get_referents", get_referents),
        ("freeze", no_op),
        ("unfreeze", no_op),
        ("get_freeze_count", get_freeze_count),
    ];
    let m = new_module(vm, "gc", funcs);
    set_attr(vm, &m, "garbage", Value::Obj(List::alloc(vec![])));
    set_attr(vm, &m, "callbacks", Value::Obj(List::alloc(vec![])));
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        set_attr(vm, &m, name, Value::Int(v));
    }
    Ok(m)
}
