//! Interpreter exit, after the `atexit` functions. In CPython the `__main__`
//! module leaves `sys.modules` and its globals dict, kept alive only by the
//! cycles through its functions, is cleared by the final collection
//! (`finalize_modules`): the values are released in insertion order, so the
//! `__del__` of objects still alive at exit runs (errors reported as
//! "Exception ignored in"), and weak references that die in the same clear
//! don't call back (they are garbage of that collection themselves).

use crate::builtins::dict::Dict;
use crate::builtins::str::intern;
use crate::module::ModuleObj;
use crate::object::{take_pending_finalizers, Pending};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Clears `__main__`'s globals as CPython's exit does and runs the
    /// finalizers this triggers.
    pub(crate) fn finalize_main_module(&mut self) {
        self.run_finalizers();
        let key = Value::Obj(intern(&mut self.token, "__main__"));
        let module = self
            .modules
            .downcast::<Dict>()
            .and_then(|d| d.get_str(&self.token, &key));
        let Some(globals) = module
            .as_ref()
            .and_then(|m| m.downcast::<ModuleObj>())
            .map(|m| m.dict.clone())
        else {
            return;
        };
        if let Some(dict) = globals.downcast::<Dict>() {
            dict.clear(&mut self.token);
        }
        // Weak references whose only holder is the callback queue died in
        // the clear too: no callback, as for garbage weak references.
        let jobs: Vec<Pending> = take_pending_finalizers()
            .into_iter()
            .filter(|j| !matches!(j, Pending::WeakCallback(wr) if wr.refcount() == 1))
            .collect();
        for job in jobs {
            match job {
                Pending::Finalize(obj) => {
                    if let Some(f) = obj.type_obj().slots.finalize.get() {
                        f(self, &Value::Obj(obj.clone()));
                    }
                }
                Pending::WeakCallback(wr) => crate::weakref::run_callback(self, &wr),
            }
        }
        self.run_finalizers();
        crate::gc::collect(&mut self.token);
        self.run_finalizers();
    }
}
