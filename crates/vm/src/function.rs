//! Python function objects (CPython's `Objects/funcobject.c`), cells
//! (`Objects/cellobject.c`) and bound methods (`Objects/classobject.c`).

use crate::builtins::dict::Dict;
use crate::object::{ObjRef, Payload, PayloadKind, PyCell, Token};
use crate::types::builtin_types;
use crate::value::Value;

/// The payload of a Python `function`.
pub struct FunctionObj {
    /// `__code__` (a [`crate::code::CodeObj`]).
    pub code: PyCell<ObjRef>,
    /// `__globals__`.
    pub globals: ObjRef,
    /// The builtins namespace of `globals` (captured at creation, as 3.11 does).
    pub builtins: ObjRef,
    /// `__name__`.
    pub name: PyCell<Value>,
    /// `__qualname__`.
    pub qualname: PyCell<Value>,
    /// `__defaults__` (a tuple) or `None`.
    pub defaults: PyCell<Option<ObjRef>>,
    /// `__kwdefaults__` (a dict) or `None`.
    pub kwdefaults: PyCell<Option<ObjRef>>,
    /// `__closure__` (a tuple of cells) or `None`.
    pub closure: Option<ObjRef>,
    /// `__doc__`.
    pub doc: PyCell<Value>,
    /// `__module__`.
    pub module: PyCell<Value>,
    /// `__annotations__` (a dict or tuple from MAKE_FUNCTION) or `None`.
    pub annotations: PyCell<Value>,
    /// `__dict__`, created on first store.
    pub dict: PyCell<Option<ObjRef>>,
}

impl Payload for FunctionObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.code.borrow(token).clone()));
        visit(&Value::Obj(self.globals.clone()));
        visit(&Value::Obj(self.builtins.clone()));
        for o in [
            self.defaults.borrow(token),
            self.kwdefaults.borrow(token),
            self.dict.borrow(token),
            &self.closure,
        ]
        .into_iter()
        .flatten()
        {
            visit(&Value::Obj(o.clone()));
        }
        visit(self.doc.borrow(token));
        visit(self.module.borrow(token));
        visit(self.annotations.borrow(token));
        visit(self.name.borrow(token));
        visit(self.qualname.borrow(token));
    }

    fn clear(&self, token: &mut Token) {
        let a = self.defaults.borrow_mut(token).take();
        let b = self.kwdefaults.borrow_mut(token).take();
        let c = self.dict.borrow_mut(token).take();
        let d = std::mem::take(self.doc.borrow_mut(token));
        let e = std::mem::take(self.annotations.borrow_mut(token));
        drop((a, b, c, d, e));
    }
}

impl FunctionObj {
    /// The function's `__dict__`, created if needed.
    pub fn dict(&self, token: &mut Token) -> ObjRef {
        let slot = self.dict.borrow_mut(token);
        if let Some(d) = slot {
            return d.clone();
        }
        let d = ObjRef::new(&builtin_types().dict, Dict::new());
        *slot = Some(d.clone());
        d
    }
}

/// The payload of a `cell` (a variable shared with nested functions).
#[derive(Default)]
pub struct CellObj {
    /// The contents; `None` when empty (unbound).
    pub value: PyCell<Option<Value>>,
}

impl Payload for CellObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        if let Some(v) = self.value.borrow(token) {
            visit(v);
        }
    }

    fn clear(&self, token: &mut Token) {
        let old = self.value.borrow_mut(token).take();
        drop(old);
    }
}

impl CellObj {
    /// A new cell holding `value`.
    pub fn alloc(value: Option<Value>) -> ObjRef {
        ObjRef::new(
            &crate::rt_types::rt().cell,
            CellObj {
                value: PyCell::new(value),
            },
        )
    }
}

/// The payload of a bound `method`: a function and the instance it is bound to.
pub struct BoundMethod {
    /// `__func__`.
    pub func: Value,
    /// `__self__`.
    pub self_: Value,
}

impl Payload for BoundMethod {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.self_);
    }
}

impl BoundMethod {
    /// A new bound method.
    pub fn alloc(func: Value, self_: Value) -> ObjRef {
        ObjRef::new(&crate::rt_types::rt().method, BoundMethod { func, self_ })
    }
}

/// `types.MethodType(function, instance)` (CPython's `method_new`).
pub fn method_new(
    vm: &mut crate::vm::Vm,
    _cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> crate::error::PyResult<Value> {
    let a = crate::calls::exact_args(vm, "method", args, kw, 2)?;
    let callable = a[0]
        .type_ref()
        .downcast::<crate::types::TypeObject>()
        .is_some_and(|t| t.slots.call.get().is_some());
    if !callable {
        return Err(crate::error::PyErr::type_error(
            "first argument must be callable",
        ));
    }
    if matches!(a[1], Value::None) {
        return Err(crate::error::PyErr::type_error("instance must not be None"));
    }
    Ok(Value::Obj(BoundMethod::alloc(a[0].clone(), a[1].clone())))
}
