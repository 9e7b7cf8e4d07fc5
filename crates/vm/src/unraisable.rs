//! Exceptions that can't be raised to a caller — from `__del__`, weak-reference
//! callbacks, generator finalization — reported through `sys.unraisablehook`
//! (CPython's `PyErr_WriteUnraisable`, `Python/errors.c`). The default hook
//! prints "Exception ignored in: <repr of the object>" and the traceback.

use std::io::Write;

use crate::builtins::str::intern;
use crate::calls::exact_args;
use crate::error::{PyErr, PyResult};
use crate::exceptions::ExceptionObj;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// The attributes of `sys.UnraisableHookArgs`, in order.
const HOOK_ARG_FIELDS: [&str; 5] = [
    "exc_type",
    "exc_value",
    "exc_traceback",
    "err_msg",
    "object",
];

impl Vm {
    /// Reports `err`, raised where no caller can receive it, with `obj` as the
    /// object it was ignored in (CPython's `PyErr_WriteUnraisable(obj)`): calls
    /// `sys.unraisablehook`, falling back to the default report if the hook is
    /// missing or fails.
    pub fn write_unraisable(&mut self, mut err: PyErr, obj: Option<&Value>) {
        let exc = self.exc_object(&mut err);
        let hook = self.sys_attr("unraisablehook").ok().flatten();
        if let Some(hook) = hook {
            let is_default = self
                .sys_attr("__unraisablehook__")
                .ok()
                .flatten()
                .is_some_and(|d| d.is(&hook));
            if !is_default {
                match self.unraisable_args(&exc, obj) {
                    Ok(args) => match self.call(&hook, &[args], None) {
                        Ok(_) => return,
                        Err(e) => {
                            // CPython reports the hook's own failure with the hook as object.
                            self.default_unraisable(e, Some(&hook));
                        }
                    },
                    Err(e) => self.default_unraisable(e, None),
                }
                return;
            }
        }
        let err = self.err_from_object(exc);
        self.default_unraisable(err, obj);
    }

    /// The default hook's output on stderr.
    fn default_unraisable(&mut self, mut err: PyErr, obj: Option<&Value>) {
        self.flush_stdout();
        let head = match obj {
            Some(o) => {
                let r = self
                    .repr(o)
                    .ok()
                    .and_then(|r| {
                        r.downcast::<crate::builtins::str::StrObj>()
                            .map(|s| s.text().to_string_lossy().into_owned())
                    })
                    .unwrap_or_else(|| "<object repr() failed>".to_string());
                format!("Exception ignored in: {r}\n")
            }
            None => String::new(),
        };
        let text = self.format_exception(&mut err);
        let mut stderr = std::io::stderr();
        let _ = stderr.write_all(head.as_bytes());
        let _ = stderr.write_all(text.as_bytes());
    }

    /// A `sys.UnraisableHookArgs`-like object for the hook.
    fn unraisable_args(&mut self, exc: &ObjRef, obj: Option<&Value>) -> PyResult<Value> {
        let bt = crate::types::builtin_types();
        let cls = crate::types::new_class(
            self.token(),
            &bt.type_,
            "UnraisableHookArgs",
            vec![bt.object.clone()],
        )?;
        let inst = crate::builtins::object::Instance::alloc(self.token(), &cls)?;
        let tb = exc
            .downcast::<ExceptionObj>()
            .map(|x| x.traceback.borrow(self.token()).clone())
            .unwrap_or(Value::None);
        let values = [
            Value::Obj(exc.type_ref()),
            Value::Obj(exc.clone()),
            tb,
            Value::None,
            obj.cloned().unwrap_or(Value::None),
        ];
        let inst = Value::Obj(inst);
        for (name, v) in HOOK_ARG_FIELDS.iter().zip(values) {
            let n = intern(self.token(), name);
            self.setattr(&inst, &n, Some(v))?;
        }
        Ok(inst)
    }
}

/// `sys.unraisablehook(unraisable)` / `sys.__unraisablehook__`: the default
/// report of an unraisable exception.
pub fn unraisablehook(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "unraisablehook", args, kw, 1)?;
    let n = intern(vm.token(), "exc_value");
    let exc = vm.getattr(&a[0], &n)?;
    let n = intern(vm.token(), "object");
    let obj = vm.getattr(&a[0], &n).unwrap_or(Value::None);
    if let Some(e) = exc
        .as_obj()
        .filter(|o| o.downcast::<ExceptionObj>().is_some())
    {
        let err = vm.err_from_object(e.clone());
        let obj = (!matches!(obj, Value::None)).then_some(obj);
        vm.default_unraisable(err, obj.as_ref());
    }
    Ok(Value::None)
}
