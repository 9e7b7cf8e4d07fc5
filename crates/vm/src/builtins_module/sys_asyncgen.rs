//! `sys.set_asyncgen_hooks`/`sys.get_asyncgen_hooks` (CPython's
//! `Python/sysmodule.c` and the `async_gen_init_hooks` part of
//! `Objects/genobject.c`): the per-thread `firstiter` hook, called with an
//! async generator the first time it is iterated, and the `finalizer` hook,
//! which an async generator remembers at that moment and which is called
//! instead of closing it when it is freed unfinished (asyncio schedules its
//! `aclose()` on the event loop).

use std::cell::RefCell;

use crate::calls::{ArgSpec, NativeFn};
use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::structseq::{self, hidden_none, StructSeqDesc};
use crate::types::TypeObject;
use crate::value::Value;
use crate::vm::Vm;

/// `sys.asyncgen_hooks`, the type `get_asyncgen_hooks()` answers with.
static ASYNCGEN_HOOKS: StructSeqDesc = StructSeqDesc {
    name: "asyncgen_hooks",
    doc: "asyncgen_hooks\n\nA named tuple providing information about asynchronous\ngenerators hooks.  The attributes are read only.",
    fields: &["firstiter", "finalizer"],
    n_in_sequence: 2,
    instantiable: false,
    hidden: hidden_none,
};

thread_local! {
    /// The current `(firstiter, finalizer)` hooks (`None` when unset).
    static HOOKS: RefCell<(Value, Value)> = const { RefCell::new((Value::None, Value::None)) };
    /// The `asyncgen_hooks` type, once made.
    static HOOKS_TYPE: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

/// The current `firstiter` and `finalizer` hooks.
pub fn current_hooks() -> (Value, Value) {
    HOOKS.with(|h| h.borrow().clone())
}

fn is_callable(v: &Value) -> bool {
    v.type_ref()
        .downcast::<TypeObject>()
        .and_then(|t| t.slots.call.get())
        .is_some()
}

/// `set_asyncgen_hooks([firstiter] [, finalizer])`: each argument, when
/// given, must be callable or `None`.
fn set_asyncgen_hooks(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, named) = ArgSpec::parse(
        vm,
        "set_asyncgen_hooks",
        args,
        kw,
        ["firstiter", "finalizer"],
    )?;
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "set_asyncgen_hooks() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let firstiter = pos.first().cloned().or_else(|| named[0].clone());
    let finalizer = pos.get(1).cloned().or_else(|| named[1].clone());
    for (what, v) in [("finalizer", &finalizer), ("firstiter", &firstiter)] {
        if let Some(v) = v.as_ref().filter(|v| !v.is_none() && !is_callable(v)) {
            let t = crate::types::type_name(vm.token(), &v.type_ref());
            return Err(PyErr::type_error(format!(
                "callable {what} expected, got {t}"
            )));
        }
    }
    HOOKS.with(|h| {
        let mut h = h.borrow_mut();
        if let Some(f) = firstiter {
            h.0 = f;
        }
        if let Some(f) = finalizer {
            h.1 = f;
        }
    });
    Ok(Value::None)
}

/// `get_asyncgen_hooks()`: `asyncgen_hooks(firstiter=..., finalizer=...)`.
fn get_asyncgen_hooks(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    crate::calls::exact_args(vm, "get_asyncgen_hooks", args, kw, 0)?;
    let ty = match HOOKS_TYPE.with(|t| t.borrow().clone()) {
        Some(t) => t,
        None => {
            let t = structseq::new_type(vm, &ASYNCGEN_HOOKS);
            HOOKS_TYPE.with(|h| *h.borrow_mut() = Some(t.clone()));
            t
        }
    };
    let (a, b) = current_hooks();
    Ok(structseq::new_instance(&ty, vec![a, b]))
}

/// The functions of this file, for the `sys` module.
pub fn functions() -> [(&'static str, NativeFn); 2] {
    [
        ("set_asyncgen_hooks", set_asyncgen_hooks),
        ("get_asyncgen_hooks", get_asyncgen_hooks),
    ]
}
