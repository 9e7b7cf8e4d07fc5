//! Running a program as `__main__` (what `krait FILE.pyc` does, CPython's
//! `pymain_run_file`): load, run, print an uncaught exception's traceback on
//! stderr, and turn `SystemExit` into the exit status.

use std::io::Write;

use crate::error::{ExcKind, PyErr};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Runs `code` as the `__main__` module and returns the process exit status
    /// (0, 1 after an uncaught exception, or `SystemExit`'s code).
    pub fn run_main_program(&mut self, code: compiler::code::CodeObject) -> i32 {
        let r = self.run_main(code);
        self.run_finalizers();
        let status = match r {
            Ok(_) => 0,
            Err(e) => self.report_uncaught(e),
        };
        self.run_atexit_callbacks();
        self.finalize_main_module();
        self.flush_stdout();
        status
    }

    /// Runs `atexit._run_exitfuncs()` if the program imported `atexit` (CPython's
    /// `Py_FinalizeEx` calls the registered functions after the main module).
    pub(crate) fn run_atexit_callbacks(&mut self) {
        let key = Value::Obj(crate::builtins::str::intern(&mut self.token, "atexit"));
        let module = self
            .modules
            .downcast::<crate::builtins::dict::Dict>()
            .and_then(|d| d.get_str(&self.token, &key));
        let Some(m) = module else {
            return;
        };
        let name = crate::builtins::str::intern(&mut self.token, "_run_exitfuncs");
        if let Ok(f) = self.getattr(&m, &name) {
            let _ = self.call(&f, &[], None);
        }
        self.run_finalizers();
    }

    /// Handles an exception that reached the top: `SystemExit` gives its status,
    /// anything else is printed as CPython does; returns the exit status
    /// ([`crate::interactive::EXIT_SIGINT`] after a `KeyboardInterrupt`).
    pub fn report_uncaught(&mut self, mut e: PyErr) -> i32 {
        self.flush_stdout();
        if e.kind == ExcKind::SystemExit {
            // CPython's `_Py_HandleSystemExit`: the `code` attribute decides.
            let exc = Value::Obj(self.exc_object(&mut e));
            let name = crate::builtins::str::intern(&mut self.token, "code");
            let code = self
                .getattr(&exc, &name)
                .unwrap_or_else(|_| crate::exceptions::system_exit_code(self, &exc));
            return match code {
                Value::None => 0,
                Value::Int(i) => i as i32,
                Value::Bool(b) => b as i32,
                v => {
                    let s = crate::exceptions::exc_str_text(self, &v);
                    let _ = writeln!(std::io::stderr(), "{s}");
                    1
                }
            };
        }
        let interrupt = e.kind == ExcKind::KeyboardInterrupt;
        if self.run_excepthook(&mut e) {
            return if interrupt {
                crate::interactive::EXIT_SIGINT
            } else {
                1
            };
        }
        let text = self.format_exception(&mut e);
        let _ = std::io::stderr().write_all(text.as_bytes());
        if interrupt {
            crate::interactive::EXIT_SIGINT
        } else {
            1
        }
    }
}

/// Compiles and runs the source file at `path` as `__main__` (what `krait
/// FILE.py` does); compile errors are reported as CPython reports them (status
/// 1). The code's filename is the absolute path, as CPython 3.11 gives
/// `__main__`.
pub fn run_source_file(path: &str, argv: Vec<String>) -> i32 {
    let abs = std::path::absolute(path)
        .ok()
        .and_then(|p| p.to_str().map(str::to_owned))
        .unwrap_or_else(|| path.to_owned());
    let code = match compiler::cli::compile_file(&abs, 0) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let Some(mut vm) = Vm::new() else {
        eprintln!("krait: an interpreter already runs on this thread");
        return 2;
    };
    vm.argv = argv;
    vm.run_main_program(code)
}

/// Runs the `.pyc` file at `path` as `__main__` with `sys.argv = argv`; the
/// exit status.
pub fn run_pyc_file(path: &str, argv: Vec<String>) -> i32 {
    run_pyc_file_with(path, argv, |_| {})
}

/// [`run_pyc_file`], with `setup` run on the new VM first (how the `krait`
/// command registers the native standard-library modules).
pub fn run_pyc_file_with(path: &str, argv: Vec<String>, setup: fn(&mut Vm)) -> i32 {
    let data = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("krait: can't open file '{path}': {e}");
            return 2;
        }
    };
    let mut pyc = match compiler::pyc::read(&data) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("krait: {path}: not a CPython 3.11 .pyc file ({e:?})");
            return 2;
        }
    };
    let Some(mut vm) = Vm::new() else {
        eprintln!("krait: an interpreter already runs on this thread");
        return 2;
    };
    vm.argv = argv;
    setup(&mut vm);
    crate::code::frozensets_from_marshal(&mut pyc.code);
    vm.run_main_program(pyc.code)
}
