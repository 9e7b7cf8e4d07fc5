//! The import system (CPython's `Python/import.c` plus `importlib._bootstrap`),
//! native (ARCHITECTURE §9): `IMPORT_NAME` with relative levels and fromlists,
//! `IMPORT_FROM` with its `sys.modules` fallback, `IMPORT_STAR`, `__import__`,
//! `sys.modules`, `sys.meta_path` (Python finders are called with
//! `find_spec(name, path, None)`), packages, and partially-initialized modules
//! removed from `sys.modules` when their code raises.
//!
//! Finding files on `sys.path` is in [`path`], the `__pycache__` cache in
//! [`cache`], the Python-visible spec and loader classes in [`spec`], running
//! `krait FILE.py` in [`main`].

pub mod cache;
pub mod compile_warnings;
pub mod extension_origin;
pub mod imp;
pub mod main;
pub mod module_repr;
pub mod path;
pub mod spec;

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::list::List;
use crate::builtins::str::{intern, new_str, StrObj};
use crate::builtins::tuple::Tuple;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::module::ModuleObj;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// The text of a `str` value, or `None` for anything else.
pub(crate) fn str_text(v: &Value) -> Option<String> {
    v.downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
}

impl Vm {
    /// `sys.modules[name]`, if present.
    pub fn sys_modules_get(&mut self, name: &str) -> Option<Value> {
        let key = Value::Obj(intern(&mut self.token, name));
        self.modules
            .downcast::<Dict>()
            .and_then(|d| d.get_str(&self.token, &key))
    }

    /// `sys.modules[name] = module`.
    pub(crate) fn sys_modules_set(&mut self, name: &str, module: Value) -> PyResult<()> {
        let key = Value::Obj(intern(&mut self.token, name));
        let modules = self.modules.clone();
        if let Some(d) = modules.downcast::<Dict>() {
            d.set(&mut NativeEq(&mut self.token), key, module)?;
        }
        Ok(())
    }

    /// `sys.modules.pop(name, None)`.
    pub(crate) fn sys_modules_remove(&mut self, name: &str) {
        let key = Value::Obj(intern(&mut self.token, name));
        let modules = self.modules.clone();
        if let Some(d) = modules.downcast::<Dict>() {
            let _ = d.pop(&mut NativeEq(&mut self.token), &key);
        }
    }

    /// The `sys` module (created and registered on first use).
    pub(crate) fn sys_module(&mut self) -> PyResult<Value> {
        if let Some(m) = self.sys_modules_get("sys") {
            return Ok(m);
        }
        match crate::builtins_module::builtin_module(self, "sys") {
            Some(m) => {
                self.sys_modules_set("sys", Value::Obj(m.clone()))?;
                Ok(Value::Obj(m))
            }
            None => Err(PyErr::new(ExcKind::ImportError, "no sys module")),
        }
    }

    /// `getattr(sys, name)`, or `None` when missing.
    pub(crate) fn sys_attr(&mut self, name: &str) -> PyResult<Option<Value>> {
        let sys = self.sys_module()?;
        self.getattr_opt(&sys, name)
    }

    /// `getattr(obj, name)`, `None` on `AttributeError` (CPython's
    /// `_PyObject_LookupAttr`).
    pub(crate) fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let n = intern(&mut self.token, name);
        match self.getattr(obj, &n) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.kind == ExcKind::AttributeError => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `setattr(obj, name, value)` with a Rust name.
    pub(crate) fn setattr_str(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        let n = intern(&mut self.token, name);
        self.setattr(obj, &n, Some(value))
    }

    /// The absolute module name for `name` imported at `level` from code whose
    /// globals are `globals` (CPython's `resolve_name`).
    pub fn resolve_import_name(
        &mut self,
        name: &str,
        globals: Option<&ObjRef>,
        level: i64,
    ) -> PyResult<String> {
        if level == 0 {
            return Ok(name.to_owned());
        }
        let get = |vm: &mut Vm, key: &str| -> Option<Value> {
            let k = Value::Obj(intern(&mut vm.token, key));
            globals
                .and_then(|g| g.downcast::<Dict>())
                .and_then(|d| d.get_str(&vm.token, &k))
        };
        let Some(_) = globals else {
            return Err(PyErr::new(ExcKind::KeyError, "'__name__' not in globals"));
        };
        let package = get(self, "__package__").filter(|v| !v.is_none());
        let spec = get(self, "__spec__").filter(|v| !v.is_none());
        let package = match package {
            Some(p) => match str_text(&p) {
                Some(s) => s,
                None => return Err(PyErr::type_error("package must be a string")),
            },
            None => match spec {
                Some(s) => {
                    let parent = self.getattr_opt(&s, "parent")?.unwrap_or(Value::None);
                    str_text(&parent)
                        .ok_or_else(|| PyErr::type_error("__spec__.parent must be a string"))?
                }
                None => {
                    let Some(n) = get(self, "__name__") else {
                        return Err(PyErr::new(ExcKind::KeyError, "'__name__' not in globals"));
                    };
                    let Some(n) = str_text(&n) else {
                        return Err(PyErr::type_error("__name__ must be a string"));
                    };
                    if get(self, "__path__").is_some() {
                        n
                    } else {
                        n.rsplit_once('.')
                            .map(|(a, _)| a.to_owned())
                            .unwrap_or_default()
                    }
                }
            },
        };
        if package.is_empty() {
            return Err(PyErr::new(
                ExcKind::ImportError,
                "attempted relative import with no known parent package",
            ));
        }
        let mut base = package.as_str();
        for _ in 1..level {
            match base.rsplit_once('.') {
                Some((a, _)) => base = a,
                None => {
                    return Err(PyErr::new(
                        ExcKind::ImportError,
                        "attempted relative import beyond top-level package",
                    ))
                }
            }
        }
        Ok(if name.is_empty() {
            base.to_owned()
        } else {
            format!("{base}.{name}")
        })
    }

    /// `__import__(name, globals, locals, fromlist, level)` (CPython's
    /// `PyImport_ImportModuleLevelObject`): imports the module and returns the
    /// top-level package (no fromlist) or the module itself (with one).
    pub fn import_level(
        &mut self,
        name: &str,
        globals: Option<&ObjRef>,
        fromlist: &Value,
        level: i64,
    ) -> PyResult<Value> {
        if level < 0 {
            return Err(PyErr::value_error("level must be >= 0"));
        }
        if name.is_empty() && level == 0 {
            return Err(PyErr::value_error("Empty module name"));
        }
        let abs = self.resolve_import_name(name, globals, level)?;
        let module = self.import_absolute(&abs)?;
        let has_from = match fromlist {
            Value::None => false,
            v => self.is_true(v)?,
        };
        if !has_from {
            if level == 0 || !name.is_empty() {
                let first = name.split('.').next().unwrap_or("");
                if level == 0 {
                    if first.len() == name.len() {
                        return Ok(module);
                    }
                    return self.import_absolute(first);
                }
                let cut = abs.len() - (name.len() - first.len());
                let top = abs.get(..cut).unwrap_or(&abs).to_owned();
                return match self.sys_modules_get(&top) {
                    Some(m) => Ok(m),
                    None => Err(PyErr::new(
                        ExcKind::KeyError,
                        format!("'{top}' not in sys.modules as expected"),
                    )),
                };
            }
            return Ok(module);
        }
        if self.getattr_opt(&module, "__path__")?.is_some() {
            self.handle_fromlist(&module, fromlist)?;
        }
        Ok(module)
    }

    /// Imports the submodules a fromlist names that are not attributes yet
    /// (`importlib._bootstrap._handle_fromlist`).
    fn handle_fromlist(&mut self, module: &Value, fromlist: &Value) -> PyResult<()> {
        let items = self.sequence_to_vec(fromlist)?;
        let modname = self
            .getattr_opt(module, "__name__")?
            .and_then(|v| str_text(&v))
            .unwrap_or_default();
        for x in items {
            let Some(sub) = str_text(&x) else {
                return Err(PyErr::type_error(format!(
                    "Item in {modname}.__all__ must be str, not {}",
                    crate::types::type_name(&self.token, &x.type_ref())
                )));
            };
            if sub == "*" {
                if let Some(all) = self.getattr_opt(module, "__all__")? {
                    self.handle_fromlist(module, &all)?;
                }
                continue;
            }
            if self.getattr_opt(module, &sub)?.is_none() {
                let full = format!("{modname}.{sub}");
                if let Err(mut e) = self.import_absolute(&full) {
                    let exc = Value::Obj(self.exc_object(&mut e));
                    let ename = self.getattr_opt(&exc, "name")?.and_then(|v| str_text(&v));
                    let not_found = e.kind == ExcKind::ModuleNotFoundError
                        && ename.as_deref() == Some(full.as_str());
                    if !not_found || self.sys_modules_get(&full).is_some() {
                        return Err(e);
                    }
                }
            }
        }
        Ok(())
    }

    /// Imports the absolute dotted `name` (`importlib._bootstrap._gcd_import`):
    /// `sys.modules` first, else find and load it (parents first).
    pub fn import_absolute(&mut self, name: &str) -> PyResult<Value> {
        if name.is_empty() {
            return Err(PyErr::value_error("Empty module name"));
        }
        if let Some(m) = self.sys_modules_get(name) {
            if m.is_none() {
                let msg = format!("import of {name} halted; None in sys.modules");
                return Err(import_error(
                    self,
                    ExcKind::ModuleNotFoundError,
                    msg,
                    name,
                    None,
                ));
            }
            return Ok(m);
        }
        self.guarded(" while importing", |vm| vm.find_and_load(name))
    }

    /// `importlib._bootstrap._find_and_load_unlocked`.
    fn find_and_load(&mut self, name: &str) -> PyResult<Value> {
        let mut search: Option<Value> = None;
        let mut parent_module = None;
        if let Some((parent, _)) = name.rsplit_once('.') {
            if self.sys_modules_get(parent).is_none() {
                self.import_absolute(parent)?;
            }
            if let Some(m) = self.sys_modules_get(name) {
                return Ok(m);
            }
            let Some(pm) = self.sys_modules_get(parent) else {
                return Err(not_found(self, name));
            };
            match self.getattr_opt(&pm, "__path__")? {
                Some(p) => search = Some(p),
                None => {
                    let msg = format!("No module named '{name}'; '{parent}' is not a package");
                    return Err(import_error(
                        self,
                        ExcKind::ModuleNotFoundError,
                        msg,
                        name,
                        None,
                    ));
                }
            }
            parent_module = Some(pm);
        }
        let Some(found) = self.find_spec(name, search.as_ref())? else {
            return Err(not_found(self, name));
        };
        let module = self.load_spec(name, &found)?;
        if let (Some(pm), Some((_, child))) = (parent_module, name.rsplit_once('.')) {
            self.setattr_str(&pm, child, module.clone())?;
        }
        Ok(module)
    }

    /// Asks each finder on `sys.meta_path` for a spec (`_find_spec`); the native
    /// builtin importer and path finder are recognised and run without calls.
    pub(crate) fn find_spec(
        &mut self,
        name: &str,
        path: Option<&Value>,
    ) -> PyResult<Option<Value>> {
        let boot = self.bootstrap()?;
        let meta = self.sys_attr("meta_path")?;
        let finders = match &meta {
            Some(m) if m.downcast::<List>().is_some() => self.sequence_to_vec(m)?,
            _ => {
                return Err(PyErr::new(
                    ExcKind::ImportError,
                    "sys.meta_path is None, Python is likely shutting down",
                ))
            }
        };
        for f in finders {
            let spec = if f.is(&boot.builtin_importer) {
                if path.is_some() {
                    continue;
                }
                self.builtin_spec(name)?
            } else if f.is(&boot.path_finder) {
                self.path_find_spec(name, path)?
            } else {
                let Some(fs) = self.getattr_opt(&f, "find_spec")? else {
                    continue;
                };
                let p = path.cloned().unwrap_or(Value::None);
                self.call(&fs, &[new_str(name), p, Value::None], None)?
            };
            if !spec.is_none() {
                return Ok(Some(spec));
            }
        }
        Ok(None)
    }

    /// Creates and runs the module `spec` describes, registered in `sys.modules`
    /// while it runs and removed if it raises (`_load_unlocked`).
    fn load_spec(&mut self, name: &str, spec: &Value) -> PyResult<Value> {
        let loader = self.getattr_opt(spec, "loader")?.unwrap_or(Value::None);
        let boot = self.bootstrap()?;
        let mut module = None;
        if !loader.is_none() {
            if loader.is(&boot.builtin_importer) {
                module = match self.getattr_opt(spec, "_krait_module")? {
                    Some(m) if !m.is_none() => Some(m),
                    _ if name == "builtins" => Some(Value::Obj(self.builtins_module.clone())),
                    _ => crate::builtins_module::builtin_module(self, name).map(Value::Obj),
                };
                self.setattr_str(spec, "_krait_module", Value::None)?;
            } else if let Some(cm) = self.getattr_opt(&loader, "create_module")? {
                let m = self.call(&cm, std::slice::from_ref(spec), None)?;
                if !m.is_none() {
                    module = Some(m);
                }
            } else if self.getattr_opt(&loader, "exec_module")?.is_none() {
                return Err(PyErr::new(
                    ExcKind::ImportError,
                    "loaders that define exec_module() must also define create_module()",
                ));
            }
        }
        let module = match module {
            Some(m) => m,
            None => Value::Obj(ModuleObj::alloc(&mut self.token, name)),
        };
        self.init_module_attrs(spec, &module, &loader)?;
        self.sys_modules_set(name, module.clone())?;
        self.setattr_str(spec, "_initializing", Value::Bool(true))?;
        let r = if loader.is_none() || loader.is(&boot.builtin_importer) {
            Ok(())
        } else if loader.type_ref().is(&boot.source_loader) {
            match self
                .getattr_opt(&loader, "path")?
                .and_then(|p| str_text(&p))
            {
                Some(p) => self.exec_source_module(&module, &p),
                None => Err(PyErr::new(ExcKind::ImportError, "loader has no path")),
            }
        } else {
            match self.getattr_opt(&loader, "exec_module")? {
                Some(em) => self
                    .call(&em, std::slice::from_ref(&module), None)
                    .map(|_| ()),
                None => Err(PyErr::new(
                    ExcKind::ImportError,
                    format!("loader for {name} cannot handle {name}"),
                )),
            }
        };
        let _ = self.setattr_str(spec, "_initializing", Value::Bool(false));
        if let Err(e) = r {
            self.sys_modules_remove(name);
            return Err(e);
        }
        match self.sys_modules_get(name) {
            Some(m) => Ok(m),
            None => Err(PyErr::new(
                ExcKind::ImportError,
                format!("Loaded module {name} not found in sys.modules"),
            )),
        }
    }

    /// Sets `__name__`, `__doc__` (if missing), `__loader__`, `__package__`, `__spec__`, `__path__`,
    /// `__file__` and `__cached__` from a spec (`_init_module_attrs`).
    pub(crate) fn init_module_attrs(
        &mut self,
        spec: &Value,
        module: &Value,
        loader: &Value,
    ) -> PyResult<()> {
        let name = self.getattr_opt(spec, "name")?.unwrap_or(Value::None);
        self.setattr_str(module, "__name__", name)?;
        // A new module object has `__doc__ = None` (`module_init_dict`).
        if self.getattr_opt(module, "__doc__")?.is_none() {
            self.setattr_str(module, "__doc__", Value::None)?;
        }
        self.setattr_str(module, "__loader__", loader.clone())?;
        let parent = self.getattr_opt(spec, "parent")?.unwrap_or(Value::None);
        self.setattr_str(module, "__package__", parent)?;
        self.setattr_str(module, "__spec__", spec.clone())?;
        if let Some(locs) = self.getattr_opt(spec, "submodule_search_locations")? {
            if !locs.is_none() {
                self.setattr_str(module, "__path__", locs)?;
            }
        }
        // A namespace package has `__file__ = None` (3.11's `_init_module_attrs`).
        let boot = self.bootstrap()?;
        if boot
            .namespace_loader
            .as_obj()
            .is_some_and(|c| loader.type_ref().is(c))
        {
            self.setattr_str(module, "__file__", Value::None)?;
        }
        let has_location = match self.getattr_opt(spec, "has_location")? {
            Some(v) => self.is_true(&v)?,
            None => false,
        };
        if has_location {
            let origin = self.getattr_opt(spec, "origin")?.unwrap_or(Value::None);
            self.setattr_str(module, "__file__", origin)?;
            if let Some(c) = self.getattr_opt(spec, "cached")? {
                if !c.is_none() {
                    self.setattr_str(module, "__cached__", c)?;
                }
            }
        }
        Ok(())
    }

    /// The spec of a native module compiled into Krait, or `None`.
    fn builtin_spec(&mut self, name: &str) -> PyResult<Value> {
        let module = match name {
            "builtins" => Some(self.builtins_module.clone()),
            _ => crate::builtins_module::builtin_module(self, name),
        };
        let Some(module) = module else {
            return Ok(Value::None);
        };
        let boot = self.bootstrap()?;
        let spec = spec::new_spec(self, &boot, name, &boot.builtin_importer, "built-in", false)?;
        // A stand-in for an extension module has CPython's file as origin
        // (so `__file__`); Krait still creates it natively.
        if let Some(file) = extension_origin::extension_file(name) {
            self.setattr_str(&spec, "origin", new_str(&file))?;
            self.setattr_str(&spec, "_set_fileattr", Value::Bool(true))?;
        }
        // The module just created, for `load_spec` (native modules are created
        // by finding them).
        self.setattr_str(&spec, "_krait_module", Value::Obj(module))?;
        Ok(spec)
    }

    /// `IMPORT_NAME namei`: `level` and `fromlist` on the stack, the current
    /// frame's globals for relative imports.
    pub(crate) fn import_name_op(
        &mut self,
        name: &str,
        fromlist: &Value,
        level: &Value,
        globals: &ObjRef,
    ) -> PyResult<Value> {
        let builtins = self.frames.last().map(|f| f.builtins.clone());
        let key = Value::Obj(intern(&mut self.token, "__import__"));
        let import = builtins
            .as_ref()
            .and_then(|b| b.downcast::<Dict>())
            .and_then(|d| d.get_str(&self.token, &key));
        let Some(import) = import else {
            return Err(PyErr::new(ExcKind::ImportError, "__import__ not found"));
        };
        let is_native = import
            .downcast::<crate::calls::NativeFunction>()
            .is_some_and(|f| {
                std::ptr::fn_addr_eq(f.func, builtin_import as crate::calls::NativeFn)
            });
        if !is_native {
            // `builtins.__import__` was replaced: call it (CPython's `import_name`).
            let locals = self
                .frames
                .last()
                .and_then(|f| f.locals.clone())
                .map_or(Value::None, Value::Obj);
            let args = [
                new_str(name),
                Value::Obj(globals.clone()),
                locals,
                fromlist.clone(),
                level.clone(),
            ];
            return self.call(&import, &args, None);
        }
        let level = match level {
            Value::Int(i) => *i,
            v => self.index_i64(v)?,
        };
        self.import_level(name, Some(globals), fromlist, level)
    }

    /// `IMPORT_FROM name`: `getattr(module, name)`, else `sys.modules` under
    /// the dotted name, else CPython's ImportError (`import_from` in ceval.c).
    pub(crate) fn import_from_op(&mut self, module: &Value, name: &ObjRef) -> PyResult<Value> {
        match self.getattr(module, name) {
            Ok(v) => return Ok(v),
            Err(e) if e.kind != ExcKind::AttributeError => return Err(e),
            Err(_) => {}
        }
        let attr = str_text(&Value::Obj(name.clone())).unwrap_or_default();
        let pkgname = self
            .getattr_opt(module, "__name__")?
            .and_then(|v| str_text(&v));
        let Some(pkgname) = pkgname else {
            return Err(PyErr::new(
                ExcKind::ImportError,
                format!("cannot import name '{attr}'"),
            ));
        };
        if let Some(m) = self.sys_modules_get(&format!("{pkgname}.{attr}")) {
            return Ok(m);
        }
        let file = self
            .getattr_opt(module, "__file__")?
            .and_then(|v| str_text(&v));
        let initializing = match self.getattr_opt(module, "__spec__")? {
            Some(s) if !s.is_none() => match self.getattr_opt(&s, "_initializing")? {
                Some(v) => self.is_true(&v)?,
                None => false,
            },
            _ => false,
        };
        let msg = if initializing {
            format!(
                "cannot import name '{attr}' from partially initialized module '{pkgname}' (most likely due to a circular import) ({})",
                file.as_deref().unwrap_or("unknown location")
            )
        } else {
            match &file {
                Some(f) => format!("cannot import name '{attr}' from '{pkgname}' ({f})"),
                None => format!("cannot import name '{attr}' from '{pkgname}' (unknown location)"),
            }
        };
        Err(import_error(
            self,
            ExcKind::ImportError,
            msg,
            &pkgname,
            file.as_deref(),
        ))
    }

    /// `IMPORT_STAR`: copies the module's public names (`__all__`, else the
    /// names not starting with `_`) into `locals` (CPython's `import_all_from`).
    pub(crate) fn import_star_op(&mut self, module: &Value, locals: &ObjRef) -> PyResult<()> {
        let (names, from_all) = match self.getattr_opt(module, "__all__")? {
            Some(all) => (self.sequence_to_vec(&all)?, true),
            None => match self.getattr_opt(module, "__dict__")? {
                Some(d) => match d.downcast::<Dict>() {
                    Some(dict) => (dict.keys(&self.token), false),
                    None => {
                        let keys = self.call_method(&d, "keys", &[])?;
                        (self.sequence_to_vec(&keys)?, false)
                    }
                },
                None => {
                    return Err(PyErr::new(
                        ExcKind::ImportError,
                        "from-import-* object has no __dict__ and no __all__",
                    ))
                }
            },
        };
        let modname = self
            .getattr_opt(module, "__name__")?
            .and_then(|v| str_text(&v))
            .unwrap_or_else(|| "?".to_owned());
        for n in names {
            let Some(s) = n.downcast::<StrObj>() else {
                let what = if from_all { "__all__" } else { "__dict__" };
                let key = if from_all { "Item" } else { "Key" };
                return Err(PyErr::type_error(format!(
                    "{key} in {modname}.{what} must be str, not {}",
                    crate::types::type_name(&self.token, &n.type_ref())
                )));
            };
            if !from_all && s.as_bytes().first() == Some(&b'_') {
                continue;
            }
            let Some(o) = n.as_obj().cloned() else {
                continue;
            };
            let name = crate::builtins::str::intern_obj(&mut self.token, o);
            let v = self.getattr(module, &name)?;
            self.setitem(&Value::Obj(locals.clone()), &Value::Obj(name), Some(v))?;
        }
        Ok(())
    }
}

/// An `ImportError`/`ModuleNotFoundError` with its `name` and `path`
/// attributes set, as importlib raises them.
pub(crate) fn import_error(
    vm: &mut Vm,
    kind: ExcKind,
    msg: String,
    name: &str,
    path: Option<&str>,
) -> PyErr {
    let cls = crate::exceptions::exc_class(kind);
    let exc = crate::exceptions::ExceptionObj::alloc(&cls, vec![new_str(&msg)]);
    let v = Value::Obj(exc.clone());
    let _ = vm.setattr_str(&v, "name", new_str(name));
    let p = path.map_or(Value::None, new_str);
    let _ = vm.setattr_str(&v, "path", p);
    vm.err_from_object(exc)
}

/// `ModuleNotFoundError("No module named 'name'", name=name)`.
fn not_found(vm: &mut Vm, name: &str) -> PyErr {
    import_error(
        vm,
        ExcKind::ModuleNotFoundError,
        format!("No module named '{name}'"),
        name,
        None,
    )
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, k) = crate::calls::ArgSpec::parse(
        vm,
        "__import__",
        args,
        kw,
        ["name", "globals", "locals", "fromlist", "level"],
    )?;
    if pos.len() > 5 {
        return Err(PyErr::type_error(format!(
            "__import__() takes at most 5 arguments ({} given)",
            pos.len()
        )));
    }
    let arg = |i: usize| pos.get(i).cloned().or_else(|| k[i].clone());
    let Some(name) = arg(0) else {
        return Err(PyErr::type_error(
            "__import__() missing required argument 'name' (pos 1)",
        ));
    };
    let Some(name) = str_text(&name) else {
        return Err(PyErr::type_error(format!(
            "__import__() argument 1 must be str, not {}",
            crate::types::type_name(&vm.token, &name.type_ref())
        )));
    };
    let globals = arg(1).and_then(|g| g.as_obj().cloned());
    let globals = globals.filter(|g| g.downcast::<Dict>().is_some());
    let fromlist = arg(3).unwrap_or_else(|| Value::Obj(Tuple::alloc(vec![])));
    let level = match arg(4) {
        Some(l) => vm.index_i64(&l)?,
        None => 0,
    };
    vm.import_level(&name, globals.as_ref(), &fromlist, level)
}
