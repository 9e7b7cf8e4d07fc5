//! `tuple` (CPython's `Objects/tupleobject.c`), minimal: a fixed sequence of values.
//! Immutable to Python code; the cell exists only so the cycle collector's `clear`
//! can break cycles through a tuple, as CPython's `tupledealloc`/`tp_clear` do.

use crate::object::{ObjRef, Payload, PayloadKind, PyCell, Token};
use crate::types::builtin_types;
use crate::value::Value;

/// The payload of a `tuple`.
pub struct Tuple {
    items: PyCell<Box<[Value]>>,
}

impl Payload for Tuple {
    const KIND: PayloadKind = PayloadKind::Tuple;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        self.items.borrow(token).iter().for_each(visit);
    }

    fn clear(&self, token: &mut Token) {
        let old = std::mem::take(self.items.borrow_mut(token));
        drop(old);
    }
}

impl Tuple {
    /// A new exact `tuple` object.
    pub fn alloc(items: Vec<Value>) -> ObjRef {
        ObjRef::new(
            &builtin_types().tuple,
            Tuple {
                items: PyCell::new(items.into_boxed_slice()),
            },
        )
    }

    /// The items.
    pub fn items<'a>(&'a self, token: &'a Token) -> &'a [Value] {
        self.items.borrow(token)
    }

    /// `len(t)`.
    pub fn len(&self, token: &Token) -> usize {
        self.items.borrow(token).len()
    }

    /// Whether the tuple is empty.
    pub fn is_empty(&self, token: &Token) -> bool {
        self.len(token) == 0
    }
}
