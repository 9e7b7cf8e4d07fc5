//! Weak-reference objects (CPython's `Objects/weakrefobject.c`): the payload of
//! `weakref.ref`, its proxies and subclasses, which types can be weakly
//! referenced, creation with CPython's sharing of the basic reference, and the
//! callbacks run when a referent dies.
//!
//! The bookkeeping (which references point at an object, clearing them when it
//! is freed) is in `object.rs` (`WeakSlot`, `weak_attach`): a side table keyed
//! by address plus a flag bit in the referent's GC header, so objects that are
//! never weakly referenced pay nothing. See `docs/internals/memory.md`.

use std::cell::Cell;

use crate::builtins::str::intern;
use crate::error::{PyErr, PyResult};
use crate::object::{
    weak_attach, weak_refs_of, ObjRef, Payload, PayloadKind, PyCell, Token, WeakKind, WeakSlot,
};
use crate::types::TypeObject;
use crate::value::Value;
use crate::vm::Vm;

/// The payload of `weakref.ref` (and its subclasses) and of the proxy types
/// (CPython's `PyWeakReference`): the referent slot, the callback (cleared when
/// the referent dies), and the referent's hash once computed (kept after death).
#[repr(C)]
pub struct WeakRefObj {
    /// The referent (CPython's `wr_object`).
    pub slot: WeakSlot,
    callback: PyCell<Value>,
    hash: Cell<Option<isize>>,
    /// Attributes of instances of Python subclasses (`weakref.KeyedRef.key`),
    /// created on first store.
    attrs: PyCell<Option<ObjRef>>,
}

impl Payload for WeakRefObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(self.callback.borrow(token));
        if let Some(d) = self.attrs.borrow(token) {
            visit(&Value::Obj(d.clone()));
        }
    }

    fn clear(&self, token: &mut Token) {
        let old = std::mem::take(self.callback.borrow_mut(token));
        let attrs = self.attrs.borrow_mut(token).take();
        drop((old, attrs));
    }
}

impl WeakRefObj {
    /// The referent, if it is still alive (`ref()`).
    pub fn get(&self, token: &Token) -> Option<ObjRef> {
        self.slot.upgrade(token)
    }

    /// `__callback__`: the callback, or `None` (also once the referent died).
    pub fn callback(&self, token: &Token) -> Value {
        if self.slot.is_dead() {
            return Value::None;
        }
        self.callback.borrow(token).clone()
    }

    /// The cached hash of the referent (`hash(ref)` works after death only if
    /// it was computed before, as in CPython).
    pub fn cached_hash(&self) -> Option<isize> {
        self.hash.get()
    }

    /// Remembers the referent's hash.
    pub fn set_cached_hash(&self, h: isize) {
        self.hash.set(Some(h));
    }

    /// The attribute dict of a subclass instance, if created.
    pub fn attrs(&self, token: &Token) -> Option<ObjRef> {
        self.attrs.borrow(token).clone()
    }

    /// The attribute dict of a subclass instance, created on first use.
    pub fn attrs_or_create(&self, token: &mut Token) -> ObjRef {
        if let Some(d) = self.attrs.borrow(token) {
            return d.clone();
        }
        let d = ObjRef::new(
            &crate::types::builtin_types().dict,
            crate::builtins::dict::Dict::new(),
        );
        *self.attrs.borrow_mut(token) = Some(d.clone());
        d
    }
}

fn slot_of(w: &WeakRefObj) -> &WeakSlot {
    &w.slot
}

/// Builtin types whose instances can be weakly referenced in CPython 3.11 (those
/// with a `tp_weaklistoffset`), by type name.
const WEAKREFABLE_BUILTINS: &[&str] = &[
    "type",
    "function",
    "builtin_function_or_method",
    "method",
    "generator",
    "coroutine",
    "async_generator",
    "code",
    "set",
    "frozenset",
    "module",
    "partial",
    "deque",
    "OrderedDict",
    "memoryview",
    "Pattern",
    "defaultdict",
];

/// Builtin bases with variable-size instances: their subclasses can't add a
/// weak-reference list (CPython: a nonzero `tp_itemsize`).
const VAR_SIZED_BUILTINS: &[&str] = &["int", "bool", "tuple", "bytes"];

/// Whether a class's own `__slots__` (if any) leaves room for `__weakref__`.
fn own_slots_allow_weakref(vm: &mut Vm, t: &TypeObject) -> bool {
    let key = Value::Obj(intern(vm.token(), "__slots__"));
    let Some(slots) = t.dict.get_str(vm.token(), &key) else {
        return true;
    };
    let is_weakref = |v: &Value| {
        v.downcast::<crate::builtins::str::StrObj>()
            .is_some_and(|s| s.text().to_string_lossy() == "__weakref__")
    };
    if slots.downcast::<crate::builtins::str::StrObj>().is_some() {
        return is_weakref(&slots);
    }
    match vm.sequence_to_vec(&slots) {
        Ok(items) => items.iter().any(is_weakref),
        Err(_) => false,
    }
}

/// Whether instances of `ty` can be weakly referenced (CPython: the type has a
/// `tp_weaklistoffset`): the builtins listed above, and classes unless every
/// class in their MRO has `__slots__` without `__weakref__`, or their solid
/// builtin base is variable-sized (`int`, `tuple`, `bytes`).
pub fn type_supports_weakrefs(vm: &mut Vm, ty: &ObjRef) -> bool {
    let mro = match ty.downcast::<TypeObject>() {
        Some(t) => t.mro(vm.token()),
        None => return false,
    };
    let mut heap_adds = false;
    for c in mro.iter() {
        let Some(t) = c.downcast::<TypeObject>() else {
            continue;
        };
        if t.is_builtin() {
            let name = t.name(vm.token());
            if WEAKREFABLE_BUILTINS.contains(&name.as_str()) {
                return true;
            }
            if VAR_SIZED_BUILTINS.contains(&name.as_str()) {
                return false;
            }
        } else if !heap_adds && own_slots_allow_weakref(vm, t) {
            heap_adds = true;
        }
    }
    heap_adds
}

#[cold]
fn cannot_weakref(vm: &mut Vm, obj: &Value) -> PyErr {
    let ty = obj.type_ref();
    let name = crate::types::type_name(vm.token(), &ty);
    PyErr::type_error(format!("cannot create weak reference to '{name}' object"))
}

/// The referent as an object that can be weakly referenced, or CPython's
/// "cannot create weak reference to 'list' object".
pub fn check_referent(vm: &mut Vm, obj: &Value) -> PyResult<ObjRef> {
    match obj.as_obj() {
        Some(o) if o.is_gc() && type_supports_weakrefs(vm, &o.type_ref()) => Ok(o.clone()),
        _ => Err(cannot_weakref(vm, obj)),
    }
}

/// Creates a weak reference of class `cls` (whose payload is a [`WeakRefObj`])
/// to `target`, sharing the existing basic one when `basic` names its kind and
/// there is no callback (`weakref.ref(o) is weakref.ref(o)`; CPython's
/// `weakref___new__` / `PyWeakref_NewProxy`).
pub fn new_weakref(
    vm: &mut Vm,
    cls: &ObjRef,
    target: &ObjRef,
    callback: Value,
    basic: Option<WeakKind>,
) -> PyResult<ObjRef> {
    let has_cb = !matches!(callback, Value::None);
    let kind = match basic {
        Some(k) if !has_cb => k,
        _ => WeakKind::Other,
    };
    if kind != WeakKind::Other {
        if let Some(existing) = weak_refs_of(vm.token(), target, Some(kind)).pop() {
            return Ok(existing);
        }
    }
    let wr = ObjRef::new(
        cls,
        WeakRefObj {
            slot: WeakSlot::new(),
            callback: PyCell::new(callback),
            hash: Cell::new(None),
            attrs: PyCell::new(None),
        },
    );
    if !weak_attach(target, &wr, slot_of, kind, has_cb) {
        return Err(cannot_weakref(vm, &Value::Obj(target.clone())));
    }
    Ok(wr)
}

/// Runs the callback of a weak reference whose referent died (queued by the
/// referent's deallocation, CPython's `handle_callback`); an exception is
/// reported as "Exception ignored in: <callback>".
pub fn run_callback(vm: &mut Vm, wr: &ObjRef) {
    let Some(w) = wr.downcast::<WeakRefObj>() else {
        return;
    };
    let cb = std::mem::take(w.callback.borrow_mut(vm.token()));
    if matches!(cb, Value::None) {
        return;
    }
    if let Err(e) = vm.call(&cb, &[Value::Obj(wr.clone())], None) {
        vm.write_unraisable(e, Some(&cb));
    }
}
