//! `frozenset` (CPython's `PyFrozenSet_Type` in `Objects/setobject.c`): an
//! immutable, hashable set sharing `set`'s payload, so membership, iteration,
//! comparisons and the operators work across the two types.

use std::cell::RefCell;

use crate::builtins::set::{set_len, set_repr, Set};
use crate::builtins::str::{new_str, StrObj};
use crate::calls::add_method;
use crate::class::register_ctor;
use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload};
use crate::types::{new_native_type, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

thread_local! {
    static FROZENSET: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

/// The `frozenset` type, once installed.
pub fn frozenset_type() -> Option<ObjRef> {
    FROZENSET.with(|f| f.borrow().clone())
}

/// Whether `v` is a frozenset (or an instance of a subclass).
pub fn is_frozenset(vm: &mut Vm, v: &Value) -> bool {
    match frozenset_type() {
        Some(ft) => crate::types::is_subtype(vm.token(), &v.type_ref(), &ft),
        None => false,
    }
}

/// A new frozenset holding `items`.
pub fn new_frozenset(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let Some(ft) = frozenset_type() else {
        return Err(PyErr::runtime_error("frozenset is not installed"));
    };
    let s = ObjRef::new(&ft, Set::default());
    if let Some(set) = s.downcast::<Set>() {
        for x in items {
            set.add(vm, x)?;
        }
    }
    Ok(Value::Obj(s))
}

fn frozenset_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    if crate::calls::kwnames_len(vm.token(), kw) > 0 {
        return Err(PyErr::type_error("frozenset() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "frozenset expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let exact = frozenset_type().is_some_and(|ft| ft.is(cls));
    if let Some(a) = args.first() {
        if exact && a.as_obj().is_some_and(|o| o.type_is(cls)) {
            return Ok(a.clone());
        }
    }
    let s = ObjRef::new(cls, Set::default());
    if let (Some(v), Some(set)) = (args.first(), s.downcast::<Set>()) {
        for x in vm.sequence_to_vec(v)? {
            set.add(vm, x)?;
        }
    }
    Ok(Value::Obj(s))
}

fn frozenset_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = super::tname(vm, v);
    let empty = v.downcast::<Set>().is_none_or(|s| s.is_empty(vm.token()));
    if empty {
        return Ok(new_str(&format!("{name}()")));
    }
    let inner = set_repr(vm, v)?;
    let inner = inner
        .downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(new_str(&format!("{name}({inner})")))
}

/// CPython's `frozenset_hash`: an order-independent mix of the element hashes.
fn frozenset_hash(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    let items = v
        .downcast::<Set>()
        .map(|s| s.items(vm.token()))
        .unwrap_or_default();
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let mut hash: u64 = 0;
    for x in &items {
        hash ^= shuffle(vm.hash(x)? as u64);
    }
    hash ^= (items.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = hash as i64 as isize;
    Ok(if h == -1 { 590923713 } else { h })
}

fn frozenset_copy(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    if crate::calls::kwnames_len(vm.token(), kw) > 0 || args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "frozenset.copy() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let exact = frozenset_type().is_some_and(|ft| args[0].as_obj().is_some_and(|o| o.type_is(&ft)));
    if exact {
        return Ok(args[0].clone());
    }
    let items = args[0]
        .downcast::<Set>()
        .map(|s| s.items(vm.token()))
        .unwrap_or_default();
    new_frozenset(vm, items)
}

/// Creates `frozenset` with its slots, constructor and methods (the non-mutating
/// `set` methods), and adds it to `builtins`.
pub fn install(vm: &mut Vm, set_methods: &[(&'static str, crate::calls::NativeFn)]) {
    let set_ty = crate::rt_types::rt().set.clone();
    let t = vm.token();
    let ft = new_native_type(t, "frozenset", Set::LAYOUT, None);
    if let (Some(tp), Some(st)) = (ft.downcast::<TypeObject>(), set_ty.downcast::<TypeObject>()) {
        tp.slots.repr.set(Some(frozenset_repr));
        tp.slots.len.set(Some(set_len));
        tp.slots.hash.set(Some(frozenset_hash));
        tp.slots.iter.set(st.slots.iter.get());
        tp.slots.richcompare.set(st.slots.richcompare.get());
        tp.number.or.set(st.number.or.get());
        tp.number.and.set(st.number.and.get());
        tp.number.subtract.set(st.number.subtract.get());
        tp.number.xor.set(st.number.xor.get());
    }
    for (name, f) in set_methods {
        add_method(t, &ft, name, *f);
    }
    add_method(t, &ft, "copy", frozenset_copy);
    register_ctor(&ft, frozenset_new, false);
    FROZENSET.with(|f| *f.borrow_mut() = Some(ft.clone()));
    let m = vm.builtins_module.clone();
    if let Some(m) = m.downcast::<crate::module::ModuleObj>() {
        m.set(vm.token(), "frozenset", Value::Obj(ft));
    }
}
