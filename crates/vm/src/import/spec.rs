//! `_krait_importlib`: the Python-visible classes of the import system
//! (`ModuleSpec`, `BuiltinImporter`, `PathFinder`, `SourceFileLoader`,
//! `NamespaceLoader`, as in CPython's `importlib._bootstrap` and
//! `_bootstrap_external`), written in Python (`bootstrap.py`, embedded in the
//! binary) over three native entry points; and the `sys` attributes the import
//! system reads (`meta_path`, `path_hooks`, `path_importer_cache`,
//! `dont_write_bytecode`, `pycache_prefix`, `implementation` with its
//! `cache_tag`).

use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::str::new_str;
use crate::calls::new_native_function;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::module::ModuleObj;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

use super::str_text;

/// The Python source of `_krait_importlib`.
const BOOTSTRAP_SOURCE: &str = include_str!("bootstrap.py");
/// The module's name in `sys.modules`.
pub const BOOTSTRAP_NAME: &str = "_krait_importlib";

/// The objects of `_krait_importlib` the native import code uses.
pub struct Bootstrap {
    /// `ModuleSpec`.
    pub spec_class: Value,
    /// `BuiltinImporter` (a finder and the loader of native modules).
    pub builtin_importer: Value,
    /// `PathFinder`.
    pub path_finder: Value,
    /// `SourceFileLoader`.
    pub source_loader: ObjRef,
    /// `NamespaceLoader`.
    pub namespace_loader: Value,
}

fn create_builtin(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "_create_builtin", args, kw, 1)?;
    let name = str_text(&a[0]).unwrap_or_default();
    if let Some(m) = vm.sys_modules_get(&name) {
        if name == "sys" || name == "builtins" {
            return Ok(m);
        }
    }
    if name == "builtins" {
        return Ok(Value::Obj(vm.builtins_module.clone()));
    }
    Ok(crate::builtins_module::builtin_module(vm, &name)
        .map(Value::Obj)
        .unwrap_or(Value::None))
}

fn path_find_spec_fn(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "_path_find_spec", args, kw, 2)?;
    let name = str_text(&a[0]).unwrap_or_default();
    let path = if a[1].is_none() { None } else { Some(&a[1]) };
    vm.path_find_spec(&name, path)
}

fn exec_source_fn(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "_exec_source", args, kw, 2)?;
    let Some(path) = str_text(&a[1]) else {
        return Err(PyErr::type_error("path must be str"));
    };
    vm.exec_source_module(&a[0], &path)?;
    Ok(Value::None)
}

impl Vm {
    /// The `_krait_importlib` objects, creating the module (and the import
    /// attributes of `sys`) on first use.
    pub(crate) fn bootstrap(&mut self) -> PyResult<Bootstrap> {
        let module = match self.sys_modules_get(BOOTSTRAP_NAME) {
            Some(m) => m,
            None => self.create_bootstrap()?,
        };
        let get = |vm: &mut Vm, n: &str| -> PyResult<Value> {
            vm.getattr_opt(&module, n)?.ok_or_else(|| {
                PyErr::new(
                    ExcKind::ImportError,
                    format!("{BOOTSTRAP_NAME}.{n} missing"),
                )
            })
        };
        let source_loader = get(self, "SourceFileLoader")?;
        Ok(Bootstrap {
            spec_class: get(self, "ModuleSpec")?,
            builtin_importer: get(self, "BuiltinImporter")?,
            path_finder: get(self, "PathFinder")?,
            source_loader: source_loader
                .as_obj()
                .cloned()
                .ok_or_else(|| PyErr::type_error("SourceFileLoader"))?,
            namespace_loader: get(self, "NamespaceLoader")?,
        })
    }

    fn create_bootstrap(&mut self) -> PyResult<Value> {
        let code = compiler::compile(
            BOOTSTRAP_SOURCE.as_bytes(),
            "<frozen _krait_importlib>",
            syntax::Mode::Exec,
            0,
        )
        .map_err(|e| PyErr::new(ExcKind::SystemError, e.message().to_owned()))?;
        let code = crate::code::CodeObj::alloc(&mut self.token, code)?;
        let module = ModuleObj::alloc(&mut self.token, BOOTSTRAP_NAME);
        let Some(dict) = module.downcast::<ModuleObj>().map(|m| m.dict.clone()) else {
            return Err(PyErr::new(ExcKind::SystemError, "bootstrap module"));
        };
        if let Some(m) = module.downcast::<ModuleObj>() {
            for (name, f) in [
                ("_create_builtin", create_builtin as crate::calls::NativeFn),
                ("_path_find_spec", path_find_spec_fn),
                ("_exec_source", exec_source_fn),
            ] {
                m.set(
                    &mut self.token,
                    name,
                    Value::Obj(new_native_function(name, f)),
                );
            }
            for (name, f) in super::imp::HELPERS {
                m.set(
                    &mut self.token,
                    name,
                    Value::Obj(new_native_function(name, *f)),
                );
            }
        }
        let module = Value::Obj(module);
        self.sys_modules_set(BOOTSTRAP_NAME, module.clone())?;
        if let Err(e) = self.run_code(&code, &dict, Some(dict.clone()), None) {
            self.sys_modules_remove(BOOTSTRAP_NAME);
            return Err(e);
        }
        // `importlib` finds its bootstrap modules already imported, as in CPython.
        for alias in ["_frozen_importlib", "_frozen_importlib_external"] {
            if self.sys_modules_get(alias).is_none() {
                self.sys_modules_set(alias, module.clone())?;
            }
        }
        if self.sys_modules_get("_imp").is_none() {
            let imp = super::imp::create_imp(self);
            self.sys_modules_set("_imp", Value::Obj(imp))?;
        }
        let sys = self.sys_module()?;
        if self.getattr_opt(&sys, "meta_path")?.is_none() {
            let bi = self.getattr_opt(&module, "BuiltinImporter")?;
            let pf = self.getattr_opt(&module, "PathFinder")?;
            let finders = [bi, pf].into_iter().flatten().collect();
            self.setattr_str(&sys, "meta_path", Value::Obj(List::alloc(finders)))?;
        }
        if self.getattr_opt(&sys, "path_hooks")?.is_none() {
            self.setattr_str(&sys, "path_hooks", Value::Obj(List::alloc(vec![])))?;
        }
        if self.getattr_opt(&sys, "path_importer_cache")?.is_none() {
            let d = ObjRef::new(&crate::types::builtin_types().dict, Dict::new());
            self.setattr_str(&sys, "path_importer_cache", Value::Obj(d))?;
        }
        let builtins = Value::Obj(self.builtins_module.clone());
        if self.sys_modules_get("builtins").is_none() {
            self.sys_modules_set("builtins", builtins.clone())?;
        }
        let boot = self.bootstrap()?;
        for (name, m) in [("sys", &sys), ("builtins", &builtins)] {
            if self.getattr_opt(m, "__spec__")?.is_none() {
                let loader = boot.builtin_importer.clone();
                let spec = new_spec(self, &boot, name, &loader, "built-in", false)?;
                self.setattr_str(m, "__spec__", spec)?;
                self.setattr_str(m, "__loader__", loader)?;
                self.setattr_str(m, "__package__", new_str(""))?;
            }
            if self.getattr_opt(m, "__doc__")?.is_none() {
                self.setattr_str(m, "__doc__", Value::None)?;
            }
        }
        if self.getattr_opt(&sys, "pycache_prefix")?.is_none() {
            self.setattr_str(&sys, "pycache_prefix", Value::None)?;
        }
        if self.getattr_opt(&sys, "implementation")?.is_none() {
            let version = self
                .getattr_opt(&sys, "version_info")?
                .unwrap_or(Value::None);
            if let Some(cls) = self.getattr_opt(&module, "_Implementation")? {
                let imp = self.call(&cls, &[version], None)?;
                self.setattr_str(&sys, "implementation", imp)?;
            }
        }
        if self.getattr_opt(&sys, "dont_write_bytecode")?.is_none() {
            self.setattr_str(&sys, "dont_write_bytecode", Value::Bool(false))?;
        }
        Ok(module)
    }
}

/// `ModuleSpec(name, loader, origin=origin, is_package=is_package)`.
pub fn new_spec(
    vm: &mut Vm,
    boot: &Bootstrap,
    name: &str,
    loader: &Value,
    origin: &str,
    is_package: bool,
) -> PyResult<Value> {
    let spec = vm.call(&boot.spec_class, &[new_str(name), loader.clone()], None)?;
    vm.setattr_str(&spec, "origin", new_str(origin))?;
    if is_package {
        vm.setattr_str(
            &spec,
            "submodule_search_locations",
            Value::Obj(List::alloc(vec![])),
        )?;
    }
    Ok(spec)
}
