//! Finding modules on `sys.path` or a package's `__path__` (CPython's
//! `PathFinder` and `FileFinder`): `NAME/__init__.py` (a package), `NAME.py`
//! (a module), else a directory without `__init__.py` (a portion of a namespace
//! package). Entries that a `sys.path_hooks` hook accepts are searched by the
//! finder the hook returns (cached in `sys.path_importer_cache`). Also
//! `sys.path`'s initial value: the script's directory, `PYTHONPATH`, the
//! standard library (`KRAITLIB`, else the CPython `Lib` found at build time).

use std::path::{Path, PathBuf};

use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::str::new_str;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::module::ModuleObj;
use crate::value::Value;
use crate::vm::Vm;

use super::spec::{new_spec, Bootstrap};
use super::str_text;

/// The environment variable that overrides where the pure-Python standard
/// library is (a CPython 3.11 `Lib` directory).
pub const STDLIB_ENV: &str = "KRAITLIB";

/// The standard library directory: `$KRAITLIB`, else the one `python3`
/// reported when Krait was built, else `None`.
pub fn stdlib_dir() -> Option<String> {
    match std::env::var(STDLIB_ENV) {
        Ok(s) if !s.is_empty() => Some(s),
        _ => {
            let d = env!("KRAIT_DEFAULT_STDLIB");
            (!d.is_empty()).then(|| d.to_owned())
        }
    }
}

/// The initial `sys.path`: `first` (the script's directory, or `""` for `-c`),
/// then `PYTHONPATH`'s entries, then the standard library.
pub fn initial_sys_path(first: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = first.map(str::to_owned).into_iter().collect();
    if let Ok(pp) = std::env::var("PYTHONPATH") {
        out.extend(pp.split(':').filter(|s| !s.is_empty()).map(str::to_owned));
    }
    out.extend(stdlib_dir());
    out
}

/// What a directory search found for one name.
enum Found {
    /// A package: its `__init__.py` and its directory.
    Package(PathBuf, PathBuf),
    /// A module file.
    Module(PathBuf),
    /// A directory without `__init__.py`.
    Portion(PathBuf),
}

/// Searches one directory for `last` (the name's last component), in
/// `FileFinder.find_spec`'s order.
fn search_dir(dir: &Path, last: &str) -> Option<Found> {
    let sub = dir.join(last);
    let mut portion = None;
    if sub.is_dir() {
        let init = sub.join("__init__.py");
        if init.is_file() {
            return Some(Found::Package(init, sub));
        }
        portion = Some(Found::Portion(sub));
    }
    let file = dir.join(format!("{last}.py"));
    if file.is_file() {
        return Some(Found::Module(file));
    }
    portion
}

/// The directory a `sys.path` entry names (`""` is the current directory,
/// made absolute as `FileFinder` does).
fn entry_dir(entry: &str) -> PathBuf {
    if entry.is_empty() {
        std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
    } else {
        PathBuf::from(entry)
    }
}

fn path_str(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

impl Vm {
    /// Sets `sys.path` to [`initial_sys_path`].
    pub fn init_sys_path(&mut self, first: Option<&str>) -> PyResult<()> {
        let entries = initial_sys_path(first).iter().map(|s| new_str(s)).collect();
        let sys = self.sys_module()?;
        self.setattr_str(&sys, "path", Value::Obj(List::alloc(entries)))
    }

    /// `PathFinder.find_spec(name, path)`: the spec of `name` found on `path`
    /// (a package's `__path__`) or `sys.path`, or `None`.
    pub fn path_find_spec(&mut self, name: &str, path: Option<&Value>) -> PyResult<Value> {
        let entries = match path {
            Some(p) => self.sequence_to_vec(p)?,
            None => match self.sys_attr("path")? {
                Some(p) => self.sequence_to_vec(&p)?,
                None => return Err(PyErr::new(ExcKind::ImportError, "sys.path must be a list")),
            },
        };
        let last = name.rsplit('.').next().unwrap_or(name);
        if last.is_empty() {
            // "a." names no file (a directory listing has no empty name).
            return Ok(Value::None);
        }
        let boot = self.bootstrap()?;
        let hooks = match self.sys_attr("path_hooks")? {
            Some(h) => self.sequence_to_vec(&h)?,
            None => vec![],
        };
        let mut portions: Vec<Value> = vec![];
        for entry in entries {
            let Some(e) = str_text(&entry) else {
                continue;
            };
            if !hooks.is_empty() {
                if let Some(finder) = self.finder_for_entry(&entry, &hooks)? {
                    let Some(fs) = self.getattr_opt(&finder, "find_spec")? else {
                        continue;
                    };
                    let spec = self.call(&fs, &[new_str(name)], None)?;
                    if spec.is_none() {
                        continue;
                    }
                    let loader = self.getattr_opt(&spec, "loader")?;
                    if loader.is_some_and(|l| !l.is_none()) {
                        return Ok(spec);
                    }
                    if let Some(locs) = self.getattr_opt(&spec, "submodule_search_locations")? {
                        if !locs.is_none() {
                            portions.extend(self.sequence_to_vec(&locs)?);
                        }
                    }
                    continue;
                }
            }
            match search_dir(&entry_dir(&e), last) {
                Some(Found::Package(init, dir)) => {
                    return self.source_spec(&boot, name, &init, Some(&dir));
                }
                Some(Found::Module(file)) => return self.source_spec(&boot, name, &file, None),
                Some(Found::Portion(dir)) => portions.push(new_str(&path_str(&dir))),
                None => {}
            }
        }
        if portions.is_empty() {
            return Ok(Value::None);
        }
        let locs = Value::Obj(List::alloc(portions));
        let loader = self.call(&boot.namespace_loader, &[new_str(name), locs.clone()], None)?;
        let spec = self.call(&boot.spec_class, &[new_str(name), loader], None)?;
        self.setattr_str(&spec, "submodule_search_locations", locs)?;
        Ok(spec)
    }

    /// The finder a `sys.path_hooks` hook gives for `entry`, through
    /// `sys.path_importer_cache` (`PathFinder._path_importer_cache`); `None`
    /// when no hook accepts it (the native directory search then applies).
    fn finder_for_entry(&mut self, entry: &Value, hooks: &[Value]) -> PyResult<Option<Value>> {
        let cache = self.sys_attr("path_importer_cache")?;
        let cache = cache.and_then(|c| c.as_obj().cloned());
        if let Some(d) = cache.as_ref().and_then(|c| c.downcast::<Dict>()) {
            if let Some(f) = d.get(self, entry)? {
                return Ok((!f.is_none()).then_some(f));
            }
        }
        let mut found = Value::None;
        for h in hooks {
            match self.call(h, std::slice::from_ref(entry), None) {
                Ok(f) => {
                    found = f;
                    break;
                }
                Err(e) if e.is_kind(ExcKind::ImportError) => continue,
                Err(e) => return Err(e),
            }
        }
        if let Some(c) = cache {
            self.setitem(&Value::Obj(c), entry, Some(found.clone()))?;
        }
        Ok((!found.is_none()).then_some(found))
    }

    /// A spec for a source file found on a path, loaded by `SourceFileLoader`.
    fn source_spec(
        &mut self,
        boot: &Bootstrap,
        name: &str,
        file: &Path,
        package_dir: Option<&Path>,
    ) -> PyResult<Value> {
        let origin = path_str(file);
        let loader = Value::Obj(boot.source_loader.clone());
        let loader = self.call(&loader, &[new_str(name), new_str(&origin)], None)?;
        let spec = new_spec(self, boot, name, &loader, &origin, false)?;
        if let Some(dir) = package_dir {
            let locs = List::alloc(vec![new_str(&path_str(dir))]);
            self.setattr_str(&spec, "submodule_search_locations", Value::Obj(locs))?;
        }
        self.setattr_str(&spec, "_set_fileattr", Value::Bool(true))?;
        if let Some(c) = super::cache::cache_path(file) {
            self.setattr_str(&spec, "cached", new_str(&path_str(&c)))?;
        }
        Ok(spec)
    }

    /// Compiles (or loads from `__pycache__`) the source file at `path` and runs
    /// it in `module`'s namespace (`SourceLoader.exec_module`).
    pub fn exec_source_module(&mut self, module: &Value, path: &str) -> PyResult<()> {
        let code = super::cache::load_code(self, Path::new(path))?;
        let code = crate::code::CodeObj::alloc(&mut self.token, code)?;
        let dict = match module.downcast::<ModuleObj>() {
            Some(m) => m.dict.clone(),
            None => match self.getattr_opt(module, "__dict__")? {
                Some(Value::Obj(d)) => d,
                _ => return Err(PyErr::type_error("module has no __dict__")),
            },
        };
        self.run_code(&code, &dict, Some(dict.clone()), None)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_order_package_module_portion() {
        let base = std::env::temp_dir().join(format!("krait-path-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(base.join("pkg")).unwrap();
        std::fs::write(base.join("pkg/__init__.py"), "").unwrap();
        std::fs::create_dir_all(base.join("ns")).unwrap();
        std::fs::write(base.join("mod.py"), "").unwrap();
        assert!(matches!(search_dir(&base, "pkg"), Some(Found::Package(..))));
        assert!(matches!(search_dir(&base, "mod"), Some(Found::Module(..))));
        assert!(matches!(search_dir(&base, "ns"), Some(Found::Portion(..))));
        assert!(search_dir(&base, "missing").is_none());
        std::fs::write(base.join("ns.py"), "").unwrap();
        assert!(matches!(search_dir(&base, "ns"), Some(Found::Module(..))));
        let _ = std::fs::remove_dir_all(&base);
    }

    #[test]
    fn sys_path_ends_with_stdlib() {
        let p = initial_sys_path(Some("/x"));
        assert_eq!(p.first().map(String::as_str), Some("/x"));
        if let Some(lib) = stdlib_dir() {
            assert_eq!(p.last(), Some(&lib));
        }
    }
}
