//! `set` and `frozenset` (CPython's `Objects/setobject.c`): the payload, a
//! [`SetTable`] laid out as CPython 3.11's, so iteration order, `pop` and reprs
//! match CPython's; plus the primitive operations in CPython's order
//! (`set_add_entry`, `set_discard_entry`, `set_merge`, `set_update_internal`).

use common::set_order::ProbeSeq;

use crate::builtins::dict::{hash_key, Dict, PyEq};
use crate::builtins::set_table::{Scan, SetTable, Slot};
use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PayloadKind, PyCell, Token};
use crate::value::Value;

/// The payload of a `set` (and of a `frozenset`).
#[derive(Default)]
pub struct Set {
    table: PyCell<SetTable>,
}

impl Payload for Set {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        for s in &self.table.borrow(token).slots {
            if let Slot::Active(_, k) = s {
                visit(k);
            }
        }
    }

    fn clear(&self, token: &mut Token) {
        Set::clear(self, token);
    }
}

impl Set {
    /// A new empty `set`.
    pub fn alloc_empty() -> ObjRef {
        ObjRef::new(&crate::rt_types::rt().set, Set::default())
    }

    /// The table, for reading.
    pub fn table<'a>(&'a self, token: &'a Token) -> &'a SetTable {
        self.table.borrow(token)
    }

    /// `set_lookkey` (and the search of `set_add_entry`): `Ok(slot)` of an equal
    /// key, or `Err(slot)` where the key would be stored (the first dummy on the
    /// path, else the empty slot ending it). Restarts when `eq` changed the table.
    fn find(&self, cx: &mut impl PyEq, key: &Value, hash: isize) -> PyResult<Result<usize, usize>> {
        'restart: loop {
            let t = self.table.borrow(cx.token());
            let mut seq = ProbeSeq::new(hash as i64, t.mask());
            let version = t.version;
            let mut freeslot = None;
            loop {
                let scan = self
                    .table
                    .borrow(cx.token())
                    .scan(&mut seq, key, hash, &mut freeslot);
                match scan {
                    Scan::Found(j) => return Ok(Ok(j)),
                    Scan::Absent(j, free) => return Ok(Err(free.unwrap_or(j))),
                    Scan::Ask(j, other) => {
                        let equal = cx.eq(&other, key)?;
                        if self.table.borrow(cx.token()).version != version {
                            continue 'restart;
                        }
                        if equal {
                            return Ok(Ok(j));
                        }
                    }
                }
            }
        }
    }

    /// `set_add_entry`: adds `key` (of hash `hash`) unless an equal key is there;
    /// whether it was added.
    pub fn add_entry(&self, cx: &mut impl PyEq, key: Value, hash: isize) -> PyResult<bool> {
        match self.find(cx, &key, hash)? {
            Ok(_) => Ok(false),
            Err(slot) => {
                self.table.borrow_mut(cx.token()).store(slot, hash, key);
                Ok(true)
            }
        }
    }

    /// `s.add(v)`.
    pub fn add(&self, cx: &mut impl PyEq, v: Value) -> PyResult<()> {
        let hash = hash_key(cx, &v)?;
        self.add_entry(cx, v, hash).map(|_| ())
    }

    /// `set_contains_entry`.
    pub fn contains_entry(&self, cx: &mut impl PyEq, v: &Value, hash: isize) -> PyResult<bool> {
        Ok(self.find(cx, v, hash)?.is_ok())
    }

    /// `v in s`.
    pub fn contains(&self, cx: &mut impl PyEq, v: &Value) -> PyResult<bool> {
        let hash = hash_key(cx, v)?;
        self.contains_entry(cx, v, hash)
    }

    /// `set_discard_entry`: removes an element equal to `v`; whether one was there.
    pub fn discard_entry(&self, cx: &mut impl PyEq, v: &Value, hash: isize) -> PyResult<bool> {
        match self.find(cx, v, hash)? {
            Ok(j) => {
                let old = self.table.borrow_mut(cx.token()).remove_at(j);
                drop(old);
                Ok(true)
            }
            Err(_) => Ok(false),
        }
    }

    /// `s.discard(v)`: whether it was there.
    pub fn discard(&self, cx: &mut impl PyEq, v: &Value) -> PyResult<bool> {
        let hash = hash_key(cx, v)?;
        self.discard_entry(cx, v, hash)
    }

    /// `set_pop`: removes the element at or after the finger.
    pub fn pop(&self, token: &mut Token) -> Option<Value> {
        self.table.borrow_mut(token).pop()
    }

    /// `set_clear_internal`: back to an empty 8-slot table (the old elements are
    /// dropped once the set is empty).
    pub fn clear(&self, token: &mut Token) {
        let t = self.table.borrow_mut(token);
        let fresh = SetTable {
            finger: t.finger,
            version: t.version + 1,
            ..SetTable::default()
        };
        let old = std::mem::replace(t, fresh);
        drop(old);
    }

    /// Swaps the tables of two sets (`set_swap_bodies`).
    pub fn swap_bodies(&self, other: &Set, token: &mut Token) {
        let a = std::mem::take(self.table.borrow_mut(token));
        let b = std::mem::replace(other.table.borrow_mut(token), a);
        let mine = self.table.borrow_mut(token);
        let version = mine.version.max(b.version) + 1;
        *mine = b;
        mine.version = version;
        other.table.borrow_mut(token).version = version + 1;
    }

    /// `set_merge`: adds the elements of the set `other`, copying its layout when
    /// this set is empty.
    pub fn merge(&self, cx: &mut impl PyEq, other: &Set) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            return Ok(());
        }
        let (o_slots, o_mask, o_fill, o_used) = {
            let o = other.table.borrow(cx.token());
            (o.slots.clone(), o.mask(), o.fill, o.used)
        };
        if o_used == 0 {
            return Ok(());
        }
        {
            let t = self.table.borrow_mut(cx.token());
            if (t.fill + o_used) * 5 >= t.mask() * 3 {
                t.resize((t.used + o_used) * 2);
            }
            if t.fill == 0 {
                t.version += 1;
                if t.mask() == o_mask && o_fill == o_used {
                    t.slots = o_slots;
                } else {
                    for s in o_slots {
                        if let Slot::Active(h, k) = s {
                            t.insert_clean(h, k);
                        }
                    }
                }
                t.fill = o_used;
                t.used = o_used;
                return Ok(());
            }
        }
        for s in o_slots {
            if let Slot::Active(h, k) = s {
                self.add_entry(cx, k, h)?;
            }
        }
        Ok(())
    }

    /// The dict branch of `set_update_internal`: one resize up front, then the
    /// keys in the dict's order with their stored hashes.
    pub fn update_from_dict(&self, cx: &mut impl PyEq, d: &Dict) -> PyResult<()> {
        let keys = d.keys(cx.token());
        {
            let t = self.table.borrow_mut(cx.token());
            if (t.fill + keys.len()) * 5 >= t.mask() * 3 {
                t.resize((t.used + keys.len()) * 2);
            }
        }
        for k in keys {
            let h = hash_key(cx, &k)?;
            self.add_entry(cx, k, h)?;
        }
        Ok(())
    }

    /// The end of `set_difference_update_internal`: resizes the dummies away when
    /// more than a quarter of the slots are dummies.
    pub fn shrink_if_sparse(&self, token: &mut Token) {
        let t = self.table.borrow_mut(token);
        if t.fill - t.used > t.mask() / 4 {
            t.resize(t.grow_target());
        }
    }

    /// A set of elements known to be distinct, added in order with the given hashes
    /// (frozenset constants: CPython rebuilds them from marshal in this order).
    pub fn from_distinct(items: Vec<(isize, Value)>) -> Set {
        let mut t = SetTable::default();
        for (h, k) in items {
            t.add_distinct(h, k);
        }
        Set {
            table: PyCell::new(t),
        }
    }

    /// The elements, in table order.
    pub fn items(&self, token: &Token) -> Vec<Value> {
        self.entries(token).into_iter().map(|(_, k)| k).collect()
    }

    /// The `(hash, element)` pairs, in table order.
    pub fn entries(&self, token: &Token) -> Vec<(isize, Value)> {
        self.table.borrow(token).entries()
    }

    /// `len(s)`.
    pub fn len(&self, token: &Token) -> usize {
        self.table.borrow(token).used
    }

    /// Whether the set is empty.
    pub fn is_empty(&self, token: &Token) -> bool {
        self.len(token) == 0
    }
}

/// `repr(set)`: `{1, 2}`, or `set()` when empty; a subclass's name wraps it
/// (`S({1, 2})`, `S()`) as CPython's `set_repr`.
pub fn set_repr(vm: &mut crate::vm::Vm, v: &Value) -> PyResult<Value> {
    let items = v
        .downcast::<Set>()
        .map(|s| s.items(vm.token()))
        .unwrap_or_default();
    let t = v.type_ref();
    let set_t = &crate::rt_types::rt().set;
    if !t.is(set_t) && crate::types::is_subtype(vm.token(), &t, set_t) {
        let name = crate::types::type_name(vm.token(), &t);
        if items.is_empty() {
            return Ok(crate::builtins::str::new_str(&format!("{name}()")));
        }
        let id = v.as_obj().map_or(0, ObjRef::id);
        if !vm.repr_enter(id) {
            return Ok(crate::builtins::str::new_str(&format!("{name}(...)")));
        }
        vm.repr_leave(id);
        let inner = set_repr_items(vm, v, &items)?;
        return Ok(crate::builtins::str::new_str(&format!("{name}({inner})")));
    }
    if items.is_empty() {
        return Ok(crate::builtins::str::new_str("set()"));
    }
    let out = set_repr_items(vm, v, &items)?;
    Ok(crate::builtins::str::new_str(&out))
}

/// `{a, b}` for a non-empty set's items (with CPython's `{...}` recursion guard).
fn set_repr_items(vm: &mut crate::vm::Vm, v: &Value, items: &[Value]) -> PyResult<String> {
    let id = v.as_obj().map_or(0, ObjRef::id);
    if !vm.repr_enter(id) {
        return Ok("{...}".to_owned());
    }
    let mut out = String::from("{");
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match vm.repr(x) {
            Ok(r) => out.push_str(
                &r.downcast::<crate::builtins::str::StrObj>()
                    .map(|s| s.text().to_string_lossy().into_owned())
                    .unwrap_or_default(),
            ),
            Err(e) => {
                vm.repr_leave(id);
                return Err(e);
            }
        }
    }
    vm.repr_leave(id);
    out.push('}');
    Ok(out)
}

/// `len(set)`.
pub fn set_len(vm: &mut crate::vm::Vm, v: &Value) -> PyResult<usize> {
    Ok(v.downcast::<Set>().map_or(0, |s| s.len(vm.token())))
}

/// `set == set`, `set != set` (subset comparisons come with the full set type).
pub fn set_richcompare(
    vm: &mut crate::vm::Vm,
    a: &Value,
    b: &Value,
    op: crate::types::CompareOp,
) -> PyResult<Option<Value>> {
    use crate::types::CompareOp;
    let (Some(x), Some(y)) = (a.downcast::<Set>(), b.downcast::<Set>()) else {
        return Ok(None);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let mut eq = x.len(vm.token()) == y.len(vm.token());
    if eq {
        for v in x.items(vm.token()) {
            if !y.contains(vm, &v)? {
                eq = false;
                break;
            }
        }
    }
    Ok(Some(Value::Bool(eq == (op == CompareOp::Eq))))
}

/// The payload of a `set_iterator` (CPython's `setiterobject`): the set, the next
/// slot, and the size the set had when iteration started.
pub struct SetIter {
    /// The set (`None` once exhausted, as CPython drops it).
    pub set: PyCell<Option<ObjRef>>,
    /// The next slot to look at.
    pub pos: std::cell::Cell<usize>,
    /// `len(s)` at the start; `usize::MAX` once a change was reported (sticky).
    pub used: std::cell::Cell<usize>,
}

impl Payload for SetIter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = self.set.borrow(token) {
            visit(&Value::Obj(s.clone()));
        }
    }

    fn clear(&self, token: &mut Token) {
        let old = self.set.borrow_mut(token).take();
        drop(old);
    }
}

impl SetIter {
    /// An iterator over the set object `set`.
    pub fn alloc(token: &Token, set: &ObjRef) -> ObjRef {
        let used = set.downcast::<Set>().map_or(0, |s| s.len(token));
        ObjRef::new(
            &crate::rt_types::rt().set_iterator,
            SetIter {
                set: PyCell::new(Some(set.clone())),
                pos: std::cell::Cell::new(0),
                used: std::cell::Cell::new(used),
            },
        )
    }
}

/// `setiter_iternext`: the next element in slot order, or CPython's
/// `RuntimeError: Set changed size during iteration`.
pub fn set_iter_next(vm: &mut crate::vm::Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<SetIter>() else {
        return Ok(None);
    };
    let Some(so) = it.set.borrow(vm.token()).clone() else {
        return Ok(None);
    };
    let Some(s) = so.downcast::<Set>() else {
        return Ok(None);
    };
    if it.used.get() != s.len(vm.token()) {
        it.used.set(usize::MAX);
        return Err(crate::error::PyErr::runtime_error(
            "Set changed size during iteration",
        ));
    }
    match s.table(vm.token()).next_from(it.pos.get()) {
        Some((j, k)) => {
            it.pos.set(j + 1);
            Ok(Some(k))
        }
        None => {
            let old = it.set.borrow_mut(vm.token()).take();
            drop(old);
            Ok(None)
        }
    }
}

/// `iter(set)`.
pub fn set_iter(vm: &mut crate::vm::Vm, v: &Value) -> PyResult<Value> {
    match v.as_obj() {
        Some(o) if v.downcast::<Set>().is_some() => Ok(Value::Obj(SetIter::alloc(vm.token(), o))),
        _ => Err(crate::error::PyErr::type_error(
            "descriptor '__iter__' requires a 'set' object",
        )),
    }
}
