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
        // Last to first, as CPython's traverse (visible in `gc.get_referents`).
        self.items.borrow(token).iter().rev().for_each(visit);
    }

    fn clear(&self, token: &mut Token) {
        let old = std::mem::take(self.items.borrow_mut(token));
        drop(old);
    }
}

impl Drop for Tuple {
    fn drop(&mut self) {
        // CPython's `tupledealloc` releases items from the last to the first.
        for v in self.items.get_mut().iter_mut().rev() {
            *v = Value::None;
        }
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

    /// The payload for `items` (to allocate with a tuple subclass as type).
    pub fn payload(items: Vec<Value>) -> Tuple {
        Tuple {
            items: PyCell::new(items.into_boxed_slice()),
        }
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

impl Tuple {
    /// `t[i]` for `0 <= i < len(t)`, else `None`.
    pub fn get(&self, token: &Token, i: usize) -> Option<Value> {
        self.items.borrow(token).get(i).cloned()
    }
}

// ---------------------------------------------------------------------------
// Slots of `tuple`.
// ---------------------------------------------------------------------------

use crate::error::PyResult;
use crate::types::CompareOp;
use crate::vm::Vm;

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// `tuple.__hash__`: CPython's xxHash-based `tuplehash`, so `hash((1, 2))` is
/// the same number as in CPython. Items are fetched one at a time, with no borrow
/// held while an item's `__hash__` runs.
pub fn slot_hash(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    let Some(t) = v.downcast::<Tuple>() else {
        return Ok(0);
    };
    let len = t.len(vm.token());
    let mut acc = XXPRIME_5;
    for i in 0..len {
        let Some(item) = t.get(vm.token(), i) else {
            break;
        };
        let lane = vm.hash(&item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(len as u64 ^ (XXPRIME_5 ^ 3527539));
    Ok(if acc == u64::MAX {
        1546275796
    } else {
        acc as isize
    })
}

/// Lexicographic comparison of two sequences read through `get` (CPython's
/// `tuplerichcompare` / `list_richcompare`): the first index whose items differ
/// decides, by `op` on those items; if none, the lengths decide. `get` is called
/// afresh for every index, so a list mutated by an item's `__eq__` is handled as
/// CPython does (the loop stops at the current shorter length).
pub fn sequence_richcompare(
    vm: &mut Vm,
    get: &dyn Fn(&Token, bool, usize) -> Option<Value>,
    len: &dyn Fn(&Token, bool) -> usize,
    op: CompareOp,
) -> PyResult<Value> {
    if matches!(op, CompareOp::Eq | CompareOp::Ne)
        && len(vm.token(), false) != len(vm.token(), true)
    {
        return Ok(Value::Bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    loop {
        let (Some(x), Some(y)) = (get(vm.token(), false, i), get(vm.token(), true, i)) else {
            break;
        };
        if !vm.eq_bool(&x, &y)? {
            return match op {
                CompareOp::Eq => Ok(Value::Bool(false)),
                CompareOp::Ne => Ok(Value::Bool(true)),
                _ => vm.rich_compare(&x, &y, op),
            };
        }
        i += 1;
    }
    let (la, lb) = (len(vm.token(), false), len(vm.token(), true));
    Ok(Value::Bool(crate::builtins::int::compare_result(
        la.cmp(&lb),
        op,
    )))
}

/// `tuple.__eq__`, `tuple.__lt__`, ... (`NotImplemented` unless both are tuples).
pub fn slot_richcompare(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: CompareOp,
) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.downcast::<Tuple>(), b.downcast::<Tuple>()) else {
        return Ok(None);
    };
    let get = |tk: &Token, right: bool, i: usize| if right { y.get(tk, i) } else { x.get(tk, i) };
    let len = |tk: &Token, right: bool| if right { y.len(tk) } else { x.len(tk) };
    sequence_richcompare(vm, &get, &len, op).map(Some)
}
