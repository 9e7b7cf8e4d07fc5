//! The interactive loop's execution step (CPython's `PyRun_InteractiveOneObject`):
//! each statement runs in the one `__main__` namespace; errors print their
//! traceback and the loop goes on, `SystemExit` ends it.

use crate::builtins::dict::{Dict, NativeEq};
use crate::code::CodeObj;
use crate::error::{ExcKind, PyErr};
use crate::value::Value;
use crate::vm::Vm;

/// The status [`Vm::report_uncaught`] gives for an uncaught `KeyboardInterrupt`:
/// CPython then kills its own process with `SIGINT` (`-SIGINT`).
pub const EXIT_SIGINT: i32 = -2;

impl Vm {
    /// Runs one interactively compiled statement in `__main__` (created on first
    /// use); `None` to go on, or the exit status after `SystemExit`.
    pub fn run_interactive(&mut self, code: compiler::code::CodeObject) -> Option<i32> {
        let r = self.run_in_main(code);
        self.run_finalizers();
        self.flush_stdout();
        match r {
            Ok(()) => None,
            Err(e) if e.kind == ExcKind::SystemExit => Some(self.report_uncaught(e)),
            Err(e) => {
                self.report_uncaught(e);
                None
            }
        }
    }

    fn run_in_main(&mut self, code: compiler::code::CodeObject) -> Result<(), PyErr> {
        let code = CodeObj::alloc(&mut self.token, code)?;
        let key = Value::Obj(crate::builtins::str::intern(&mut self.token, "__main__"));
        let modules = self.modules.clone();
        let Some(d) = modules.downcast::<Dict>() else {
            return Err(PyErr::runtime_error("sys.modules is not a dict"));
        };
        let module = match d.get_str(&self.token, &key) {
            Some(Value::Obj(m)) => m,
            _ => {
                let m = crate::module::ModuleObj::alloc(&mut self.token, "__main__");
                d.set(&mut NativeEq(&mut self.token), key, Value::Obj(m.clone()))?;
                m
            }
        };
        let globals = module
            .downcast::<crate::module::ModuleObj>()
            .map(|m| m.dict.clone())
            .ok_or_else(|| PyErr::type_error("__main__ is not a module"))?;
        self.run_code(&code, &globals.clone(), Some(globals), None)?;
        Ok(())
    }
}
