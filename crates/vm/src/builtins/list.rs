//! `list` (CPython's `Objects/listobject.c`), minimal: a growable vector of values.
//! Mutating methods move values out of the cell before dropping them.

use crate::object::{ObjRef, Payload, PayloadKind, PyCell, Token};
use crate::types::builtin_types;
use crate::value::Value;

/// The payload of a `list`.
#[derive(Default)]
pub struct List {
    items: PyCell<Vec<Value>>,
}

impl Payload for List {
    const KIND: PayloadKind = PayloadKind::List;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        // Last to first, as CPython's traverse (visible in `gc.get_referents`).
        self.items.borrow(token).iter().rev().for_each(visit);
    }

    fn clear(&self, token: &mut Token) {
        let mut old = std::mem::take(self.items.borrow_mut(token));
        drop_last_first(&mut old);
    }
}

impl Drop for List {
    fn drop(&mut self) {
        drop_last_first(self.items.get_mut());
    }
}

/// Drops values from the last to the first, the order in which CPython's
/// `list_dealloc` and `list.clear` release items (visible through `__del__`).
pub fn drop_last_first(items: &mut Vec<Value>) {
    while let Some(v) = items.pop() {
        drop(v);
    }
}

impl List {
    /// A new exact `list` object.
    pub fn alloc(items: Vec<Value>) -> ObjRef {
        ObjRef::new(
            &builtin_types().list,
            List {
                items: PyCell::new(items),
            },
        )
    }

    /// `len(l)`.
    pub fn len(&self, token: &Token) -> usize {
        self.items.borrow(token).len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self, token: &Token) -> bool {
        self.len(token) == 0
    }

    /// `l[i]` for `0 <= i < len(l)`, else `None`.
    pub fn get(&self, token: &Token, i: usize) -> Option<Value> {
        self.items.borrow(token).get(i).cloned()
    }

    /// `l.append(v)`.
    pub fn append(&self, token: &mut Token, v: Value) {
        self.items.borrow_mut(token).push(v);
    }

    /// `l.pop()`, or `None` if empty.
    pub fn pop(&self, token: &mut Token) -> Option<Value> {
        self.items.borrow_mut(token).pop()
    }

    /// `l[i] = v` for `0 <= i < len(l)`; returns the old item (to drop after
    /// the borrow), or `None` if out of range.
    pub fn set(&self, token: &mut Token, i: usize, v: Value) -> Option<Value> {
        self.items
            .borrow_mut(token)
            .get_mut(i)
            .map(|slot| std::mem::replace(slot, v))
    }

    /// `del l[i]` for `0 <= i < len(l)`; returns the removed item.
    pub fn remove(&self, token: &mut Token, i: usize) -> Option<Value> {
        let items = self.items.borrow_mut(token);
        (i < items.len()).then(|| items.remove(i))
    }

    /// `l.insert(i, v)` (clamped to the length).
    pub fn insert(&self, token: &mut Token, i: usize, v: Value) {
        let items = self.items.borrow_mut(token);
        let i = i.min(items.len());
        items.insert(i, v);
    }

    /// Replaces all items; returns the old ones (to drop after the borrow).
    pub fn replace_all(&self, token: &mut Token, items: Vec<Value>) -> Vec<Value> {
        std::mem::replace(self.items.borrow_mut(token), items)
    }

    /// A copy of the items (`l[:]`), to iterate while running Python code.
    pub fn to_vec(&self, token: &Token) -> Vec<Value> {
        self.items.borrow(token).clone()
    }
}

/// `list.__eq__`, `list.__lt__`, ... (`NotImplemented` unless both are lists).
pub fn slot_richcompare(
    vm: &mut crate::vm::Vm,
    a: &Value,
    b: &Value,
    op: crate::types::CompareOp,
) -> crate::error::PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.downcast::<List>(), b.downcast::<List>()) else {
        return Ok(None);
    };
    let get = |tk: &Token, right: bool, i: usize| if right { y.get(tk, i) } else { x.get(tk, i) };
    let len = |tk: &Token, right: bool| if right { y.len(tk) } else { x.len(tk) };
    crate::builtins::tuple::sequence_richcompare(vm, &get, &len, op).map(Some)
}
