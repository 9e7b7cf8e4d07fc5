//! Errors that can't be raised (an exception escaping `__del__`), reported
//! through `sys.unraisablehook` (CPython's `_PyErr_WriteUnraisableMsg` and
//! the default hook `sys.__unraisablehook__`): "Exception ignored in: <function
//! C.__del__ at 0x...>" and the traceback on stderr.

use std::cell::RefCell;
use std::io::Write;

use crate::builtins::str::StrObj;
use crate::calls::{exact_args, NativeFn};
use crate::error::{PyErr, PyResult};
use crate::exceptions::ExceptionObj;
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::types::{new_native_type, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of `UnraisableHookArgs`: `exc_type`, `exc_value`,
/// `exc_traceback`, `err_msg`, `object`.
pub struct UnraisableArgs {
    fields: [Value; 5],
}

const FIELDS: [&str; 5] = [
    "exc_type",
    "exc_value",
    "exc_traceback",
    "err_msg",
    "object",
];

impl Payload for UnraisableArgs {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, _t: &Token, visit: &mut dyn FnMut(&Value)) {
        self.fields.iter().for_each(visit);
    }
}

thread_local! {
    static ARGS_TYPE: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

fn args_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    if let Some(a) = obj.downcast::<UnraisableArgs>() {
        let n = name.downcast::<StrObj>().and_then(StrObj::as_str);
        if let Some(i) = FIELDS.iter().position(|f| Some(*f) == n) {
            return Ok(a.fields[i].clone());
        }
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}

fn args_type(token: &mut Token) -> ObjRef {
    if let Some(t) = ARGS_TYPE.with(|t| t.borrow().clone()) {
        return t;
    }
    let t = new_native_type(token, "UnraisableHookArgs", UnraisableArgs::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.slots.getattro.set(Some(args_getattro));
    }
    ARGS_TYPE.with(|c| *c.borrow_mut() = Some(t.clone()));
    t
}

fn text(vm: &mut Vm, v: &Value) -> String {
    vm.str(v)
        .ok()
        .and_then(|s| {
            s.downcast::<StrObj>()
                .map(|s| s.text().to_string_lossy().into_owned())
        })
        .unwrap_or_default()
}

/// `sys.__unraisablehook__(unraisable)`: the default report on stderr.
fn default_hook(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "unraisablehook", args, kw, 1)?;
    let Some(u) = a[0].downcast::<UnraisableArgs>() else {
        return Err(PyErr::type_error(
            "sys.unraisablehook argument type must be UnraisableHookArgs",
        ));
    };
    let [_, value, _, msg, obj] = u.fields.clone();
    let mut out = String::new();
    let msg = if msg.is_none() {
        "Exception ignored in".to_owned()
    } else {
        text(vm, &msg)
    };
    if obj.is_none() {
        out.push_str(&format!("{msg}:\n"));
    } else {
        let r = vm.repr(&obj).map(|r| text(vm, &r)).unwrap_or_default();
        out.push_str(&format!("{msg}: {r}\n"));
    }
    if let Some(exc) = value
        .as_obj()
        .filter(|o| o.downcast::<ExceptionObj>().is_some())
    {
        let mut err = vm.err_from_object(exc.clone());
        out.push_str(&vm.format_exception(&mut err));
    }
    vm.flush_stdout();
    let _ = std::io::stderr().write_all(out.as_bytes());
    Ok(Value::None)
}

/// `sys.unraisablehook` and `sys.__unraisablehook__`.
pub fn sys_functions() -> [(&'static str, NativeFn); 2] {
    [
        ("unraisablehook", default_hook),
        ("__unraisablehook__", default_hook),
    ]
}

impl Vm {
    /// Reports `err`, which escaped from code run for `obj` (e.g. its
    /// `__del__`), through `sys.unraisablehook`; errors of the hook itself are
    /// dropped.
    pub fn write_unraisable(&mut self, mut err: PyErr, obj: Option<&Value>) {
        let exc = self.exc_object(&mut err);
        let tb = exc
            .downcast::<ExceptionObj>()
            .map(|e| e.traceback.borrow(self.token()).clone())
            .unwrap_or(Value::None);
        let ty = args_type(self.token());
        let args = ObjRef::new(
            &ty,
            UnraisableArgs {
                fields: [
                    Value::Obj(exc.type_ref()),
                    Value::Obj(exc.clone()),
                    tb,
                    Value::None,
                    obj.cloned().unwrap_or(Value::None),
                ],
            },
        );
        let hook = self
            .sys_module()
            .ok()
            .and_then(|sys| self.getattr_opt(&sys, "unraisablehook").ok().flatten());
        let hook = match hook {
            Some(h) if !h.is_none() => h,
            _ => Value::Obj(crate::calls::new_native_function(
                "unraisablehook",
                default_hook,
            )),
        };
        let _ = self.call(&hook, &[Value::Obj(args)], None);
    }
}
