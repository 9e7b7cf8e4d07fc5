//! Set operations in CPython 3.11's construction order (`Objects/setobject.c`:
//! `set_update_internal`, `set_copy`, `set_intersection`, `set_difference`,
//! `set_difference_update_internal`, `set_symmetric_difference_update`), since the
//! order in which elements are inserted decides the iteration order of the result.

use crate::builtins::dict::{hash_key, Dict};
use crate::builtins::set::Set;
use crate::error::PyResult;
use crate::object::ObjRef;
use crate::types::builtin_types;
use crate::value::Value;
use crate::vm::Vm;

fn set_of(v: &Value) -> Option<&Set> {
    v.downcast::<Set>()
}

fn is_exact_dict(v: &Value) -> bool {
    v.as_obj().is_some_and(|o| o.type_is(&builtin_types().dict))
}

/// `set_update_internal`: a set merges (`set_merge`), an exact dict adds its keys
/// after one resize, anything else is iterated.
pub fn update_internal(vm: &mut Vm, so: &Set, other: &Value) -> PyResult<()> {
    if let Some(o) = set_of(other) {
        return so.merge(vm, o);
    }
    if is_exact_dict(other) {
        if let Some(d) = other.downcast::<Dict>() {
            return so.update_from_dict(vm, d);
        }
    }
    for x in vm.sequence_to_vec(other)? {
        so.add(vm, x)?;
    }
    Ok(())
}

/// `make_new_set_basetype`: an empty `set`, or `frozenset` when `like` is one.
pub fn new_basetype(vm: &mut Vm, like: &Value) -> PyResult<ObjRef> {
    if crate::methods::frozenset::is_frozenset(vm, like) {
        let Some(ft) = crate::methods::frozenset::frozenset_type() else {
            return Err(crate::error::PyErr::runtime_error(
                "frozenset is not installed",
            ));
        };
        return Ok(ObjRef::new(&ft, Set::default()));
    }
    Ok(Set::alloc_empty())
}

fn payload(o: &ObjRef) -> PyResult<&Set> {
    o.downcast::<Set>()
        .ok_or_else(|| crate::error::PyErr::type_error("expected a set"))
}

/// `set_copy` (`make_new_set_basetype(type(so), so)`).
pub fn copy(vm: &mut Vm, so: &Value) -> PyResult<Value> {
    let r = new_basetype(vm, so)?;
    update_internal(vm, payload(&r)?, so)?;
    Ok(Value::Obj(r))
}

/// `set_intersection(so, other)`: with a set, iterates the smaller and keeps its
/// keys; otherwise iterates `other`.
pub fn intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    if so.is(other) {
        return copy(vm, so);
    }
    let r = new_basetype(vm, so)?;
    let result = payload(&r)?;
    if let (Some(a), Some(b)) = (set_of(so), set_of(other)) {
        let (big, small) = if b.len(vm.token()) > a.len(vm.token()) {
            (b, a)
        } else {
            (a, b)
        };
        for (h, k) in small.entries(vm.token()) {
            if big.contains_entry(vm, &k, h)? {
                result.add_entry(vm, k, h)?;
            }
        }
        return Ok(Value::Obj(r));
    }
    let Some(a) = set_of(so) else {
        return Ok(Value::Obj(r));
    };
    for k in vm.sequence_to_vec(other)? {
        let h = hash_key(vm, &k)?;
        if a.contains_entry(vm, &k, h)? {
            result.add_entry(vm, k, h)?;
        }
    }
    Ok(Value::Obj(r))
}

/// `set_difference_update_internal`: discards `other`'s elements (through the
/// intersection when `other` is a set more than 8 times larger), then resizes
/// when more than a quarter of the slots are dummies.
pub fn difference_update(vm: &mut Vm, so_v: &Value, other: &Value) -> PyResult<()> {
    let Some(so) = set_of(so_v) else {
        return Ok(());
    };
    if so_v.is(other) {
        so.clear(vm.token());
        return Ok(());
    }
    if let Some(o) = set_of(other) {
        let entries = if (o.len(vm.token()) >> 3) > so.len(vm.token()) {
            let i = intersection(vm, so_v, other)?;
            set_of(&i)
                .map(|s| s.entries(vm.token()))
                .unwrap_or_default()
        } else {
            o.entries(vm.token())
        };
        for (h, k) in entries {
            so.discard_entry(vm, &k, h)?;
        }
    } else {
        for k in vm.sequence_to_vec(other)? {
            so.discard(vm, &k)?;
        }
    }
    so.shrink_if_sparse(vm.token());
    Ok(())
}

/// `set_difference(so, other)`.
pub fn difference(vm: &mut Vm, so_v: &Value, other: &Value) -> PyResult<Value> {
    let Some(so) = set_of(so_v) else {
        return copy(vm, so_v);
    };
    let other_size = if let Some(o) = set_of(other) {
        o.len(vm.token())
    } else if is_exact_dict(other) {
        other.downcast::<Dict>().map_or(0, |d| d.len(vm.token()))
    } else {
        usize::MAX
    };
    if other_size == usize::MAX || (so.len(vm.token()) >> 2) > other_size {
        let r = copy(vm, so_v)?;
        difference_update(vm, &r, other)?;
        return Ok(r);
    }
    let r = new_basetype(vm, so_v)?;
    let result = payload(&r)?;
    for (h, k) in so.entries(vm.token()) {
        let inside = match (set_of(other), other.downcast::<Dict>()) {
            (Some(o), _) => o.contains_entry(vm, &k, h)?,
            (None, Some(d)) => d.get_with_hash(vm, &k, h)?.is_some(),
            _ => false,
        };
        if !inside {
            result.add_entry(vm, k, h)?;
        }
    }
    Ok(Value::Obj(r))
}

/// `set_symmetric_difference_update(so, other)`: for each element of `other`
/// (an exact dict's keys, a set's slots, or a set built from the iterable),
/// discard it from `so`, or add it when it wasn't there.
pub fn symmetric_difference_update(vm: &mut Vm, so_v: &Value, other: &Value) -> PyResult<()> {
    let Some(so) = set_of(so_v) else {
        return Ok(());
    };
    if so_v.is(other) {
        so.clear(vm.token());
        return Ok(());
    }
    let entries = if is_exact_dict(other) {
        let keys = other
            .downcast::<Dict>()
            .map(|d| d.keys(vm.token()))
            .unwrap_or_default();
        let mut v = Vec::with_capacity(keys.len());
        for k in keys {
            v.push((hash_key(vm, &k)?, k));
        }
        v
    } else if let Some(o) = set_of(other) {
        o.entries(vm.token())
    } else {
        let tmp = new_basetype(vm, so_v)?;
        let t = payload(&tmp)?;
        update_internal(vm, t, other)?;
        t.entries(vm.token())
    };
    for (h, k) in entries {
        if !so.discard_entry(vm, &k, h)? {
            so.add_entry(vm, k, h)?;
        }
    }
    Ok(())
}

/// `set_symmetric_difference(so, other)`: a new set from `other`, updated with
/// `so`.
pub fn symmetric_difference(vm: &mut Vm, so_v: &Value, other: &Value) -> PyResult<Value> {
    let r = new_basetype(vm, so_v)?;
    update_internal(vm, payload(&r)?, other)?;
    let rv = Value::Obj(r);
    symmetric_difference_update(vm, &rv, so_v)?;
    Ok(rv)
}

/// `set_or` / `set_union` for one operand: a copy of `so` updated with `other`.
pub fn union(vm: &mut Vm, so_v: &Value, other: &Value) -> PyResult<Value> {
    let r = copy(vm, so_v)?;
    if !so_v.is(other) {
        if let Some(s) = set_of(&r) {
            update_internal(vm, s, other)?;
        }
    }
    Ok(r)
}
