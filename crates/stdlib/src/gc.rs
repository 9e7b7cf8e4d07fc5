//! The `gc` module (CPython's `Modules/gcmodule.c`) over the VM's single-
//! generation cycle collector (`vm::gc`): `collect` (with `gc.callbacks` and
//! statistics), `enable`/`disable`/`isenabled`, thresholds, counts,
//! `get_objects`, `get_referrers`, `get_referents`, `is_tracked`,
//! `is_finalized`, `get_stats`, debug flags, `freeze`.

use std::cell::Cell;

use vm::builtins::dict::Dict;
use vm::builtins::list::List;
use vm::builtins::str::{intern, new_str};
use vm::builtins::tuple::Tuple;
use vm::calls::{arg_range, exact_args, ArgSpec, NativeFn};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr};

thread_local! {
    /// `gc.get_threshold()` as last set (the collector keeps only the first).
    static THRESHOLDS: Cell<(i64, i64, i64)> = const { Cell::new((700, 10, 10)) };
    /// `gc.get_debug()`.
    static DEBUG: Cell<i64> = const { Cell::new(0) };
    /// `gc.get_freeze_count()`.
    static FROZEN: Cell<usize> = const { Cell::new(0) };
    /// Explicit collections run and objects they collected (`gc.get_stats()`,
    /// reported for the oldest generation, which is the only one here).
    static STATS: Cell<(i64, i64)> = const { Cell::new((0, 0)) };
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
    run_callbacks(vm, "start", 0)?;
    let n = collect_and_finalize(vm) as i64;
    STATS.with(|s| {
        let (c, k) = s.get();
        s.set((c + 1, k + n));
    });
    run_callbacks(vm, "stop", n)?;
    Ok(Value::Int(n))
}

/// Calls each of `gc.callbacks` with `(phase, info)` (CPython's
/// `invoke_gc_callback`; errors are reported as unraisable).
fn run_callbacks(vm: &mut Vm, phase: &str, collected: i64) -> PyResult<()> {
    let m = vm.import_module("gc")?;
    let k = intern(vm.token(), "callbacks");
    let cbs = vm.getattr(&m, &k)?;
    let Some(list) = cbs.downcast::<List>() else {
        return Ok(());
    };
    let cbs = list.to_vec(vm.token());
    if cbs.is_empty() {
        return Ok(());
    }
    let info = new_dict(
        vm,
        &[
            ("generation", Value::Int(2)),
            ("collected", Value::Int(collected)),
            ("uncollectable", Value::Int(0)),
        ],
    )?;
    let phase = new_str(phase);
    for cb in cbs {
        if let Err(e) = vm.call(&cb, &[phase.clone(), info.clone()], None) {
            vm.write_unraisable(e, Some(&cb));
        }
    }
    Ok(())
}

fn new_dict(vm: &mut Vm, items: &[(&str, Value)]) -> PyResult<Value> {
    let d = ObjRef::new(&vm::types::builtin_types().dict, Dict::new());
    if let Some(dd) = d.downcast::<Dict>() {
        for (k, v) in items {
            dd.set(vm, new_str(k), v.clone())?;
        }
    }
    Ok(Value::Obj(d))
}

fn get_objects(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [g]) = ArgSpec::parse(vm, "get_objects", args, kw, ["generation"])?;
    if let Some(g) = g.or_else(|| pos.first().cloned()) {
        if !matches!(g, Value::None) {
            let g = vm.index_i64(&g)?;
            if g >= 3 {
                return Err(PyErr::value_error(
                    "generation parameter must be less than the number of available generations (3)",
                ));
            }
            if g < -1 {
                return Err(PyErr::value_error(
                    "generation parameter cannot be negative",
                ));
            }
            if (0..2).contains(&g) {
                return Ok(Value::Obj(List::alloc(vec![])));
            }
        }
    }
    let objs = vm::gc::tracked_objects(vm.token());
    Ok(Value::Obj(List::alloc(
        objs.into_iter().map(Value::Obj).collect(),
    )))
}

/// `gc.get_referrers(*objs)`: the tracked objects that refer to any of `objs`.
fn get_referrers(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    vm::calls::no_kwargs(vm, "get_referrers", kw)?;
    let targets: Vec<usize> = args
        .iter()
        .filter_map(|a| a.as_obj().map(ObjRef::id))
        .collect();
    let mut out = Vec::new();
    for o in vm::gc::tracked_objects(vm.token()) {
        let mut hit = false;
        o.traverse(vm.token(), &mut |v| {
            hit |= v.as_obj().is_some_and(|c| targets.contains(&c.id()));
        });
        if hit {
            out.push(Value::Obj(o));
        }
    }
    Ok(Value::Obj(List::alloc(out)))
}

fn is_finalized(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "is_finalized", args, kw, 1)?;
    Ok(Value::Bool(
        a[0].as_obj().is_some_and(vm::object::is_finalized),
    ))
}

fn get_stats(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "get_stats", args, kw, 0)?;
    let (collections, collected) = STATS.with(Cell::get);
    let mut out = Vec::new();
    for g in 0..3 {
        let (c, k) = if g == 2 {
            (collections, collected)
        } else {
            (0, 0)
        };
        out.push(new_dict(
            vm,
            &[
                ("collections", Value::Int(c)),
                ("collected", Value::Int(k)),
                ("uncollectable", Value::Int(0)),
            ],
        )?);
    }
    Ok(Value::Obj(List::alloc(out)))
}

fn set_debug(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "set_debug", args, kw, 1)?;
    let f = vm.index_i64(&a[0])?;
    DEBUG.with(|d| d.set(f));
    Ok(Value::None)
}

fn get_debug(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "get_debug", args, kw, 0)?;
    Ok(Value::Int(DEBUG.with(Cell::get)))
}

fn freeze(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "freeze", args, kw, 0)?;
    FROZEN.with(|f| f.set(vm::object::gc_tracked_count()));
    Ok(Value::None)
}

fn unfreeze(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "unfreeze", args, kw, 0)?;
    FROZEN.with(|f| f.set(0));
    Ok(Value::None)
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
    let n = vm::gc::count_since_last() as i64;
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

fn get_freeze_count(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "get_freeze_count", args, kw, 0)?;
    Ok(Value::Int(FROZEN.with(Cell::get) as i64))
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
        ("freeze", freeze),
        ("unfreeze", unfreeze),
        ("get_objects", get_objects),
        ("get_referrers", get_referrers),
        ("is_finalized", is_finalized),
        ("get_stats", get_stats),
        ("set_debug", set_debug),
        ("get_debug", get_debug),
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
