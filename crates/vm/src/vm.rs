//! [`Vm`]: the interpreter context every operation that may run Python code takes
//! (`&mut Vm`). For now it owns the thread's [`Token`] and implements the generic
//! protocols the object core needs (hash, rich comparison, truth) through type
//! slots; frames, the eval loop and the module table come later.

use crate::builtins::dict::PyEq;
use crate::error::{PyErr, PyResult};
use crate::object::Token;
use crate::types::{is_subtype, type_name, CompareOp, TypeObject};
use crate::value::Value;

/// The interpreter state of one thread.
pub struct Vm {
    token: Token,
}

impl Vm {
    /// A new interpreter on this thread, or `None` if one already exists here.
    pub fn new() -> Option<Vm> {
        Some(Vm {
            token: Token::acquire()?,
        })
    }

    /// The thread's token, to look inside objects.
    #[inline(always)]
    pub fn token(&mut self) -> &mut Token {
        &mut self.token
    }

    /// `hash(v)` (CPython's `PyObject_Hash`): native for numbers and exact str,
    /// else the type's `hash` slot, else `TypeError: unhashable type: 'T'`.
    pub fn hash(&mut self, v: &Value) -> PyResult<isize> {
        if let Some(h) = v.native_hash() {
            return Ok(h);
        }
        let ty = v.type_ref();
        match ty.downcast::<TypeObject>().and_then(|t| t.slots.hash.get()) {
            Some(f) => f(self, v),
            None => Err(PyErr::type_error(format!(
                "unhashable type: '{}'",
                type_name(&self.token, &ty)
            ))),
        }
    }

    /// `a <op> b` (CPython's `PyObject_RichCompare`): the reflected operation of a
    /// proper subclass of `a`'s type first, then `a`'s slot, then `b`'s reflected
    /// slot, then identity for `==`/`!=`, else `TypeError`.
    pub fn rich_compare(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let (ta, tb) = (a.type_ref(), b.type_ref());
        let fa = ta
            .downcast::<TypeObject>()
            .and_then(|t| t.slots.richcompare.get());
        let fb = tb
            .downcast::<TypeObject>()
            .and_then(|t| t.slots.richcompare.get());
        let mut checked_reverse = false;
        if !ta.is(&tb) && is_subtype(&self.token, &tb, &ta) {
            if let Some(f) = fb {
                checked_reverse = true;
                if let Some(r) = f(self, b, a, op.swapped())? {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = fa {
            if let Some(r) = f(self, a, b, op)? {
                return Ok(r);
            }
        }
        if !checked_reverse {
            if let Some(f) = fb {
                if let Some(r) = f(self, b, a, op.swapped())? {
                    return Ok(r);
                }
            }
        }
        match op {
            CompareOp::Eq => Ok(Value::Bool(a.is(b))),
            CompareOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                type_name(&self.token, &ta),
                type_name(&self.token, &tb)
            ))),
        }
    }

    /// `a == b` as a bool, identity first (CPython's `PyObject_RichCompareBool`).
    pub fn eq_bool(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = a.native_eq(b) {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, CompareOp::Eq)?;
        self.is_true(&r)
    }

    /// `bool(v)` (CPython's `PyObject_IsTrue`): the `bool` number slot, else the
    /// `len` slot, else true.
    pub fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(*b),
            Value::None => Ok(false),
            Value::Int(i) => Ok(*i != 0),
            Value::Float(f) => Ok(*f != 0.0),
            Value::Obj(o) => {
                let t = o.type_obj();
                if let Some(f) = t.number.bool_.get() {
                    f(self, v)
                } else if let Some(f) = t.slots.len.get() {
                    Ok(f(self, v)? != 0)
                } else {
                    Ok(true)
                }
            }
        }
    }
}

impl PyEq for Vm {
    fn token(&mut self) -> &mut Token {
        &mut self.token
    }

    fn hash(&mut self, key: &Value) -> PyResult<isize> {
        Vm::hash(self, key)
    }

    fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        self.eq_bool(a, b)
    }
}
