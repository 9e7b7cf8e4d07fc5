//! Instances of Python subclasses of builtin types (`class L(list)`,
//! `class D(dict)`, `class I(int)`, ...): the builtin's payload followed by an
//! instance part holding the `__dict__` and `__slots__` values. CPython gets the
//! same effect by giving the subtype a larger `tp_basicsize` with a dict
//! pointer (`tp_dictoffset`) and member slots after the base struct.
//!
//! `Subclassed<T>` is `#[repr(C)]` with the `T` first, so the `T` sits where an
//! exact `T` payload would: `ObjRef::downcast::<T>()` reads it with the same
//! single compare (the layout's `base_type_id` is `T`'s), and every builtin
//! method keeps working on subclass instances.

use std::any::TypeId;

use crate::builtins::object::Instance;
use crate::error::{PyErr, PyResult};
use crate::object::{same_layout, Layout, ObjRef, Payload, PayloadKind, Token};
use crate::types::{type_name, TypeObject};
use crate::value::Value;

/// The payload of an instance of a Python subclass of a builtin whose payload is
/// `T`: the builtin's state, then the instance `__dict__`/slots part.
#[repr(C)]
pub struct Subclassed<T: Payload> {
    /// The builtin's own payload (first, so downcasts to `T` find it).
    pub base: T,
    /// The `__dict__` and `__slots__` storage.
    pub inst: Instance,
}

fn instance_of_subclassed<T: Payload>(obj: &ObjRef) -> Option<&Instance> {
    obj.downcast_exact::<Subclassed<T>>().map(|s| &s.inst)
}

impl<T: Payload> Payload for Subclassed<T> {
    const KIND: PayloadKind = T::KIND;
    // The instance dict can close a cycle even when `T` holds no references.
    const GC: bool = true;
    const BASE_TYPE_ID: TypeId = T::BASE_TYPE_ID;
    // A subclass of a subclass has the same layout (its extra slots live in the
    // instance part's slot vector).
    const SUBCLASS: fn() -> &'static Layout = same_layout::<Self>;
    const INSTANCE: Option<crate::object::InstancePartFn> = Some(instance_of_subclassed::<T>);

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        self.base.traverse(token, visit);
        self.inst.traverse(token, visit);
    }

    fn clear(&self, token: &mut Token) {
        self.base.clear(token);
        self.inst.clear(token);
    }
}

/// A new instance of `cls` carrying the builtin payload `payload` (the last step
/// of a builtin's `__new__`, e.g. `list.__new__(cls)`): an exact `T` for the
/// builtin itself, a `Subclassed<T>` for a Python subclass. `builtin` names the
/// builtin for CPython's "X.__new__(Y): Y is not a subtype of X" error.
pub fn new_instance<T: Payload>(
    token: &Token,
    cls: &ObjRef,
    payload: T,
    builtin: &str,
) -> PyResult<ObjRef> {
    let Some(t) = cls.downcast::<TypeObject>() else {
        return Err(PyErr::type_error(format!(
            "{builtin}.__new__(X): X is not a type object ({})",
            type_name(token, &cls.type_ref())
        )));
    };
    let layout = t.layout();
    if layout.is::<T>() || layout.is::<Subclassed<T>>() {
        // `ObjRef::new` adds the instance part for a subclass.
        return Ok(ObjRef::new(cls, payload));
    }
    let n = t.name(token);
    Err(PyErr::type_error(format!(
        "{builtin}.__new__({n}): {n} is not a subtype of {builtin}"
    )))
}
