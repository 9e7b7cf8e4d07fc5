//! `iter(callable, sentinel)`: the `callable_iterator` type (CPython's
//! `calliterobject` in `Objects/iterobject.c`), which calls `callable()` until
//! it returns a value equal to `sentinel`, then stays exhausted.

use std::cell::RefCell;

use crate::builtins::iter::self_iter;
use crate::error::{ExcKind, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind, PyCell, Token};
use crate::types::{new_native_type, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of a `callable_iterator`: the callable (`None` once exhausted)
/// and the sentinel.
pub struct CallableIter {
    func: PyCell<Option<Value>>,
    sentinel: Value,
}

impl Payload for CallableIter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, t: &Token, visit: &mut dyn FnMut(&Value)) {
        if let Some(f) = self.func.borrow(t) {
            visit(f);
        }
        visit(&self.sentinel);
    }
    fn clear(&self, t: &mut Token) {
        let old = self.func.borrow_mut(t).take();
        drop(old);
    }
}

thread_local! {
    static CALLABLE_ITER: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

/// `callable_iterator.__next__`: calls the callable; its result ends the
/// iteration when equal to the sentinel, as does a `StopIteration` it raises.
fn callable_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<CallableIter>() else {
        return Ok(None);
    };
    let Some(func) = it.func.borrow(vm.token()).clone() else {
        return Ok(None);
    };
    let r = match vm.call(&func, &[], None) {
        Ok(r) => r,
        Err(e) if e.kind == ExcKind::StopIteration => {
            *it.func.borrow_mut(vm.token()) = None;
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let sentinel = it.sentinel.clone();
    if vm.eq_bool(&r, &sentinel)? {
        let old = it.func.borrow_mut(vm.token()).take();
        drop(old);
        return Ok(None);
    }
    Ok(Some(r))
}

/// Creates the `callable_iterator` type (once per thread).
pub fn install(token: &mut Token) {
    let t = new_native_type(token, "callable_iterator", CallableIter::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.slots.iter.set(Some(self_iter));
        tp.slots.iternext.set(Some(callable_iter_next));
    }
    CALLABLE_ITER.with(|c| *c.borrow_mut() = Some(t));
}

/// `iter(callable, sentinel)`: "iter(v, w): v must be callable" unless it is.
pub fn new_callable_iter(func: &Value, sentinel: &Value) -> PyResult<Value> {
    let callable = func
        .type_ref()
        .downcast::<TypeObject>()
        .is_some_and(|t| t.slots.call.get().is_some());
    if !callable {
        return Err(crate::error::PyErr::type_error(
            "iter(v, w): v must be callable",
        ));
    }
    let Some(ty) = CALLABLE_ITER.with(|c| c.borrow().clone()) else {
        return Err(crate::error::PyErr::runtime_error(
            "callable_iterator is not initialized",
        ));
    };
    Ok(Value::Obj(ObjRef::new(
        &ty,
        CallableIter {
            func: PyCell::new(Some(func.clone())),
            sentinel: sentinel.clone(),
        },
    )))
}
