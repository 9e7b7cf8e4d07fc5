//! Choosing what happens to a warning (CPython's `Python/_warnings.c`:
//! `get_filter`, `get_default_action`, `get_once_registry`, `already_warned`,
//! `update_registry`): the `warnings` module's `filters`, `_defaultaction`
//! and `_onceregistry` when it is imported (so `catch_warnings` and
//! `simplefilter` take effect), else `_warnings`' own; and the per-module
//! `__warningregistry__` dicts, reset whenever the filters change.

use std::cell::Cell;

use vm::builtins::dict::Dict;
use vm::builtins::list::List;
use vm::builtins::str::{intern, StrObj};
use vm::builtins::tuple::Tuple;
use vm::class::issubclass;
use vm::class_build::lookup_attr;
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::tname;

thread_local! {
    /// `_filters_version` of CPython's interpreter state: bumped by
    /// `_filters_mutated()`; a registry recorded under another version is
    /// stale and cleared before use.
    static FILTERS_VERSION: Cell<i64> = const { Cell::new(1) };
}

/// `_warnings._filters_mutated()`: the filters changed.
pub fn bump_filters_version() {
    FILTERS_VERSION.with(|v| v.set(v.get().wrapping_add(1)));
}

fn filters_version() -> i64 {
    FILTERS_VERSION.with(Cell::get)
}

/// `warnings.NAME` if the `warnings` module is in `sys.modules` (CPython's
/// `get_warnings_attr`; `try_import` imports it first, an import failure
/// counting as absent); else `None`.
pub fn warnings_attr(vm: &mut Vm, name: &str, try_import: bool) -> PyResult<Option<Value>> {
    let module = if try_import {
        match vm.import_module("warnings") {
            Ok(m) => Some(m),
            Err(mut e) => {
                let import_error = Value::Obj(vm::exceptions::exc_class(vm::ExcKind::ImportError));
                if !vm.err_matches(&mut e, &import_error)? {
                    return Err(e);
                }
                None
            }
        }
    } else {
        vm.sys_modules_get("warnings")
    };
    match module {
        Some(m) if !m.is_none() => lookup_attr(vm, &m, name),
        _ => Ok(None),
    }
}

/// `warnings.NAME`, else `_warnings.NAME` (the module's own state).
fn state_attr(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(v) = warnings_attr(vm, name, false)? {
        return Ok(v);
    }
    let own = vm.import_module("_warnings")?;
    let k = intern(vm.token(), name);
    vm.getattr(&own, &k)
}

/// Whether filter field `pattern` (None, an exact str compared whole, or a
/// compiled regex whose `match` is called) accepts `arg` (CPython's
/// `check_matched`).
fn check_matched(vm: &mut Vm, pattern: &Value, arg: &Value) -> PyResult<bool> {
    if pattern.is_none() {
        return Ok(true);
    }
    if let Some(p) = pattern.downcast::<StrObj>() {
        if pattern.type_ref().is(&vm::types::builtin_types().str_) {
            return Ok(arg
                .downcast::<StrObj>()
                .is_some_and(|a| a.text().as_bytes() == p.text().as_bytes()));
        }
    }
    let r = vm.call_method(pattern, "match", std::slice::from_ref(arg))?;
    vm.is_true(&r)
}

/// The action of the first filter matching the warning, with the filter
/// (`None` for the default action) (CPython's `get_filter`).
pub fn get_filter(
    vm: &mut Vm,
    category: &Value,
    text: &Value,
    lineno: i64,
    module: &Value,
) -> PyResult<(Value, Value)> {
    let filters = state_attr(vm, "filters")?;
    let Some(list) = filters.downcast::<List>() else {
        return Err(PyErr::value_error("_warnings.filters must be a list"));
    };
    let mut i = 0;
    // The list is re-read each round: a `match` method may mutate it.
    while let Some(item) = list.to_vec(vm.token()).get(i).cloned() {
        let parts = item
            .downcast::<Tuple>()
            .map(|t| t.items(vm.token()).to_vec())
            .unwrap_or_default();
        let [action, msg, cat, modname, ln] = parts.as_slice() else {
            return Err(PyErr::value_error(format!(
                "_warnings.filters item {i} isn't a 5-tuple"
            )));
        };
        if action.downcast::<StrObj>().is_none() {
            return Err(PyErr::type_error(format!(
                "action must be a string, not '{}'",
                tname(vm, action)
            )));
        }
        let good_msg = check_matched(vm, msg, text)?;
        let is_subclass = issubclass(vm, category, cat)?;
        let good_mod = check_matched(vm, modname, module)?;
        let ln = vm.index_i64(ln)?;
        if good_msg && is_subclass && good_mod && (ln == 0 || lineno == ln) {
            return Ok((action.clone(), item.clone()));
        }
        i += 1;
    }
    let action = state_attr(vm, "_defaultaction")?;
    if action.downcast::<StrObj>().is_none() {
        return Err(PyErr::type_error(format!(
            "_warnings.defaultaction must be a string, not '{}'",
            tname(vm, &action)
        )));
    }
    Ok((action, Value::None))
}

/// The registry of the `once` action (CPython's `get_once_registry`).
pub fn once_registry(vm: &mut Vm) -> PyResult<ObjRef> {
    let reg = state_attr(vm, "_onceregistry")?;
    match reg {
        Value::Obj(o) if o.downcast::<Dict>().is_some() => Ok(o),
        other => Err(PyErr::type_error(format!(
            "_warnings.onceregistry must be a dict, not '{}'",
            tname(vm, &other)
        ))),
    }
}

/// Whether `key` is recorded in `registry` (cleared first when it was filled
/// under other filters); records it when `should_set` (CPython's
/// `already_warned`).
pub fn already_warned(
    vm: &mut Vm,
    registry: &ObjRef,
    key: Value,
    should_set: bool,
) -> PyResult<bool> {
    let Some(d) = registry.downcast::<Dict>() else {
        return Ok(false);
    };
    let version_key = Value::Obj(intern(vm.token(), "version"));
    let version = d.get(vm, &version_key)?;
    let current = filters_version();
    if matches!(version, Some(Value::Int(v)) if v == current) {
        if let Some(seen) = d.get(vm, &key)? {
            if vm.is_true(&seen)? {
                return Ok(true);
            }
        }
    } else {
        d.clear(vm.token());
        d.set(vm, version_key, Value::Int(current))?;
    }
    if should_set {
        d.set(vm, key, Value::Bool(true))?;
    }
    Ok(false)
}

/// Records `(text, category)` in `registry`; whether it was there (CPython's
/// `update_registry` without `add_zero`).
pub fn update_registry(
    vm: &mut Vm,
    registry: &ObjRef,
    text: &Value,
    category: &Value,
) -> PyResult<bool> {
    let key = Value::Obj(Tuple::alloc(vec![text.clone(), category.clone()]));
    already_warned(vm, registry, key, true)
}
