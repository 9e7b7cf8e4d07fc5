//! Running the command line's program as `__main__` (CPython's `pymain_run_python`):
//! `sys.path` from the configuration (`sys.path[0]`, `PYTHONPATH` unless
//! `-E`, the standard library), the code run with the import system ready,
//! the uncaught exception reported, `atexit` functions run; and finding the
//! file of `-m MODULE` (`runpy._get_module_details`).

use crate::builtins::list::List;
use crate::builtins::str::new_str;
use crate::error::{PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Sets `sys.path` (the configured `sys.path[0]`, `PYTHONPATH`, the
    /// standard library), `sys.dont_write_bytecode` and the import machinery.
    pub fn prepare_cli(&mut self) -> PyResult<()> {
        let c = self.sys_config.clone();
        self.prepare_main(c.path0.as_deref(), c.flags.dont_write_bytecode != 0)?;
        let mut entries: Vec<String> = c.path0.into_iter().collect();
        entries.extend(c.pythonpath);
        entries.extend(crate::import::path::stdlib_dir());
        let sys = self.sys_module()?;
        let list = List::alloc(entries.iter().map(|s| new_str(s)).collect());
        self.setattr_str(&sys, "path", Value::Obj(list))?;
        // `-W` / `PYTHONWARNINGS` take effect through the warnings module,
        // imported at startup when there are any (CPython's
        // `init_interp_main`).
        if !c.warnoptions.is_empty() && self.import_module("warnings").is_err() {
            eprintln!("'import warnings' failed");
        }
        Ok(())
    }

    /// Runs `code` as `__main__` (from `file`, `None` for `-c` and stdin) and
    /// gives the exit status, as CPython's `_PyRun_SimpleFileObject` +
    /// `Py_FinalizeEx` (atexit functions, flushed output).
    pub fn run_cli_main(&mut self, code: compiler::code::CodeObject, file: Option<&str>) -> i32 {
        let r = self
            .prepare_cli()
            .and_then(|_| self.run_as_main(code, file));
        self.finish_cli(r)
    }

    /// The end of a run: finalizers, the uncaught exception's report, atexit
    /// functions, flushed output; the exit status.
    pub fn finish_cli(&mut self, r: PyResult<()>) -> i32 {
        self.run_finalizers();
        let status = match r {
            Ok(()) => 0,
            Err(e) => crate::import::main::report_error(self, e),
        };
        self.run_atexit_callbacks();
        self.finalize_main_module();
        self.flush_stdout();
        status
    }

    /// The source file `-m name` runs (`pkg.__main__` for a package), after
    /// [`Vm::prepare_cli`]; `Err(message)` with CPython's "No module named"
    /// texts (printed after the executable's name, exit status 1).
    pub fn find_main_module(&mut self, name: &str) -> Result<String, String> {
        self.find_module_file(name, true)
    }

    fn find_module_file(&mut self, name: &str, allow_package: bool) -> Result<String, String> {
        let describe = |vm: &mut Vm, mut e: PyErr| {
            let exc = Value::Obj(vm.exc_object(&mut e));
            let text = vm
                .str(&exc)
                .ok()
                .and_then(|s| vm.str_text(&s).ok())
                .unwrap_or_default();
            let kind = crate::exceptions::display_class_name(vm, &exc.type_ref());
            format!("{kind}: {text}")
        };
        let path = match name.rsplit_once('.') {
            Some((parent, _)) => {
                let m = self.import_absolute(parent).map_err(|e| {
                    let why = describe(self, e);
                    format!("Error while finding module specification for '{name}' ({why})")
                })?;
                match self.getattr_opt(&m, "__path__") {
                    Ok(Some(p)) => Some(p),
                    _ => return Err(format!("No module named {name}")),
                }
            }
            None => None,
        };
        let spec = self
            .path_find_spec(name, path.as_ref())
            .map_err(|e| describe(self, e))?;
        if spec.is_none() {
            return Err(format!("No module named {name}"));
        }
        let locations = self.getattr_opt(&spec, "submodule_search_locations");
        if matches!(locations, Ok(Some(ref v)) if !v.is_none()) {
            if !allow_package {
                return Err(format!("No module named {name}"));
            }
            let main = format!("{name}.__main__");
            self.import_absolute(name).map_err(|e| describe(self, e))?;
            return self.find_module_file(&main, false).map_err(|_| {
                format!(
                    "No module named {main}; '{name}' is a package and cannot be directly executed"
                )
            });
        }
        match self.getattr_opt(&spec, "origin") {
            Ok(Some(o)) => crate::import::str_text(&o)
                .ok_or_else(|| format!("No code object available for {name}")),
            _ => Err(format!("No code object available for {name}")),
        }
    }

    /// Sets `sys.argv[0]` (`-m` puts the module's file there).
    pub fn set_sys_argv0(&mut self, arg0: &str) -> PyResult<()> {
        if let Some(a) = self.argv.first_mut() {
            *a = arg0.to_owned();
        }
        let argv = List::alloc(self.argv.iter().map(|s| new_str(s)).collect());
        let sys = self.sys_module()?;
        self.setattr_str(&sys, "argv", Value::Obj(argv))
    }
}
