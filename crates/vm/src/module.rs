//! Module objects (CPython's `Objects/moduleobject.c`): a namespace dict whose
//! attributes are the module's globals.

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::str::intern;
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::types::builtin_types;
use crate::value::Value;

/// The payload of a `module`.
pub struct ModuleObj {
    /// `__dict__` (the module's globals).
    pub dict: ObjRef,
}

impl Payload for ModuleObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    // Already has a `__dict__`: subclass instances need no extra part.
    const SUBCLASS: fn() -> &'static crate::object::Layout = crate::object::same_layout::<Self>;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.dict.clone()));
    }
}

impl ModuleObj {
    /// A new module named `name` with an empty namespace (holding `__name__`).
    pub fn alloc(token: &mut Token, name: &str) -> ObjRef {
        let dict = ObjRef::new(&builtin_types().dict, Dict::new());
        if let Some(d) = dict.downcast::<Dict>() {
            let k = Value::Obj(intern(token, "__name__"));
            let v = Value::Obj(intern(token, name));
            let _ = d.set(&mut NativeEq(token), k, v);
        }
        ObjRef::new(&crate::rt_types::rt().module, ModuleObj { dict })
    }

    /// Sets `name` in the module namespace.
    pub fn set(&self, token: &mut Token, name: &str, value: Value) {
        if let Some(d) = self.dict.downcast::<Dict>() {
            let k = Value::Obj(intern(token, name));
            let _ = d.set(&mut NativeEq(token), k, value);
        }
    }
}
