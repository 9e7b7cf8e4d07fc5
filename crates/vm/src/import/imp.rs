//! The native side of `importlib` support: the `_imp` module (CPython's
//! `Python/import.c` module functions, reduced to what a single-threaded VM
//! without frozen or extension modules needs) and the helpers
//! `_krait_importlib` exposes as `_gcd_import`, `_resolve_name`, `_find_spec`,
//! `cache_from_source`, `module_from_spec`, `_init_module_attrs`, so that
//! `Lib/importlib/__init__.py` can use `_krait_importlib` as its
//! `_frozen_importlib` / `_frozen_importlib_external`.

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::list::List;
use crate::builtins::str::{intern, new_str};
use crate::calls::{arg_range, exact_args, new_native_function, NativeFn};
use crate::error::{PyErr, PyResult};
use crate::module::ModuleObj;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

use super::str_text;

fn name_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    str_text(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "module name must be str, not {}",
            crate::types::type_name(vm.token(), &v.type_ref())
        ))
    })
}

/// `_gcd_import(name, package=None, level=0)`: `importlib.import_module`'s
/// worker; returns the module itself (not the top package).
fn gcd_import(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "_gcd_import", args, kw, 1, 3)?;
    let name = name_arg(vm, &a[0])?;
    let package = a.get(1).cloned().unwrap_or(Value::None);
    let level = match a.get(2) {
        Some(l) => vm.index_i64(l)?,
        None => 0,
    };
    let abs = resolve(vm, &name, &package, level)?;
    vm.import_absolute(&abs)
}

/// The absolute name for `name` at `level` inside `package`.
fn resolve(vm: &mut Vm, name: &str, package: &Value, level: i64) -> PyResult<String> {
    if level == 0 {
        if name.is_empty() {
            return Err(PyErr::value_error("Empty module name"));
        }
        return Ok(name.to_owned());
    }
    if package.is_none() {
        return Err(PyErr::type_error(
            "the 'package' argument is required to perform a relative import for '.'",
        ));
    }
    let globals = ObjRef::new(&crate::types::builtin_types().dict, Dict::new());
    if let Some(d) = globals.downcast::<Dict>() {
        let k = Value::Obj(intern(vm.token(), "__package__"));
        d.set(&mut NativeEq(vm.token()), k, package.clone())?;
    }
    vm.resolve_import_name(name, Some(&globals), level)
}

/// `_resolve_name(name, package, level)`.
fn resolve_name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_resolve_name", args, kw, 3)?;
    let name = name_arg(vm, &a[0])?;
    let level = vm.index_i64(&a[2])?;
    let r = resolve(vm, &name, &a[1], level)?;
    Ok(new_str(&r))
}

/// `_find_spec(name, path)`: asks `sys.meta_path`.
fn find_spec(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_find_spec", args, kw, 2)?;
    let name = name_arg(vm, &a[0])?;
    let path = if a[1].is_none() { None } else { Some(&a[1]) };
    Ok(vm.find_spec(&name, path)?.unwrap_or(Value::None))
}

/// `cache_from_source(path)`.
fn cache_from_source(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "cache_from_source", args, kw, 1, 2)?;
    let Some(p) = str_text(&a[0]) else {
        return Ok(Value::None);
    };
    Ok(super::cache::cache_path(std::path::Path::new(&p))
        .map_or(Value::None, |c| new_str(&c.to_string_lossy())))
}

/// `_new_module(name)`: an empty module object.
fn new_module(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_new_module", args, kw, 1)?;
    let name = name_arg(vm, &a[0])?;
    Ok(Value::Obj(ModuleObj::alloc(vm.token(), &name)))
}

/// `_init_attrs(spec, module)`: the module attributes a spec gives.
fn init_attrs(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_init_attrs", args, kw, 2)?;
    let loader = vm.getattr_opt(&a[0], "loader")?.unwrap_or(Value::None);
    vm.init_module_attrs(&a[0], &a[1], &loader)?;
    Ok(a[1].clone())
}

/// The native helpers, put in `_krait_importlib`'s namespace.
pub const HELPERS: &[(&str, NativeFn)] = &[
    ("_gcd_import", gcd_import),
    ("_resolve", resolve_name),
    ("_find_spec_native", find_spec),
    ("cache_from_source", cache_from_source),
    ("_new_module", new_module),
    ("_init_attrs", init_attrs),
];

fn none_fn(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let _ = (vm, args, kw);
    Ok(Value::None)
}

fn false_fn(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let _ = (vm, args, kw);
    Ok(Value::Bool(false))
}

fn is_builtin(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "is_builtin", args, kw, 1)?;
    let name = name_arg(vm, &a[0])?;
    let known = name == "builtins"
        || name == "sys"
        || (super::extension_origin::extension_file(&name).is_none()
            && crate::builtins_module::builtin_module(vm, &name).is_some());
    Ok(Value::Int(known as i64))
}

fn create_builtin(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "create_builtin", args, kw, 1)?;
    let name = vm.getattr_opt(&a[0], "name")?.unwrap_or(Value::None);
    let name = name_arg(vm, &name)?;
    if let Some(m) = vm.sys_modules_get(&name) {
        return Ok(m);
    }
    match crate::builtins_module::builtin_module(vm, &name) {
        Some(m) => Ok(Value::Obj(m)),
        None => Err(super::import_error(
            vm,
            crate::error::ExcKind::ImportError,
            format!("no built-in module named {name}"),
            &name,
            None,
        )),
    }
}

fn exec_builtin(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "exec_builtin", args, kw, 1)?;
    Ok(Value::Int(0))
}

fn extension_suffixes(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "extension_suffixes", args, kw, 0)?;
    Ok(Value::Obj(List::alloc(vec![])))
}

/// Creates the `_imp` module.
pub fn create_imp(vm: &mut Vm) -> ObjRef {
    let m = ModuleObj::alloc(vm.token(), "_imp");
    if let Some(mo) = m.downcast::<ModuleObj>() {
        let t = vm.token();
        for (name, f) in [
            ("lock_held", false_fn as NativeFn),
            ("acquire_lock", none_fn),
            ("release_lock", none_fn),
            ("is_frozen", false_fn),
            ("is_frozen_package", false_fn),
            ("_fix_co_filename", none_fn),
            ("_override_multi_interp_extensions_check", none_fn),
            ("is_builtin", is_builtin),
            ("create_builtin", create_builtin),
            ("exec_builtin", exec_builtin),
            ("exec_dynamic", exec_builtin),
            ("extension_suffixes", extension_suffixes),
        ] {
            mo.set(t, name, Value::Obj(new_native_function(name, f)));
        }
        mo.set(t, "check_hash_based_pycs", new_str("default"));
    }
    m
}
