//! The `_abc` module (CPython's `Modules/_abc.c`): the native core of
//! `abc.ABCMeta` — abstract-method computation, the registry of virtual
//! subclasses and the positive/negative subclass caches, all holding classes
//! weakly (as CPython's sets of weak references do), keyed by address and
//! checked through the weak reference, so a dead class is never mistaken for
//! a new one at the same address.

use std::cell::Cell;
use std::collections::HashMap;

use vm::builtins::set::Set;
use vm::builtins::str::intern;
use vm::builtins::tuple::Tuple;
use vm::calls::exact_args;
use vm::error::ExcKind;
use vm::object::{ObjRef, Payload, PayloadKind, PyCell, Token};
use vm::types::{new_native_type, TypeObject};
use vm::weakref::{new_weakref, WeakRefObj};
use vm::{PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr};

thread_local! {
    /// CPython's `abc_invalidation_counter`: bumped by every `register`, so
    /// negative caches older than it are stale.
    static INVALIDATION: Cell<i64> = const { Cell::new(0) };
    /// `_weakref.ref` and the `_abc_data` type, made when `_abc` is created.
    static TYPES: std::cell::RefCell<Option<(ObjRef, ObjRef)>> = const { std::cell::RefCell::new(None) };
}

/// Classes held weakly, by address (a set of weak references in CPython).
#[derive(Default)]
struct WeakClassSet {
    refs: HashMap<usize, ObjRef>,
}

impl WeakClassSet {
    /// Whether `cls` is in the set (its entry's referent is `cls` itself).
    fn contains(&self, token: &Token, cls: &ObjRef) -> bool {
        self.refs.get(&cls.id()).is_some_and(|w| {
            w.downcast::<WeakRefObj>()
                .and_then(|w| w.get(token))
                .is_some_and(|c| c.is(cls))
        })
    }

    /// The live members.
    fn members(&self, token: &Token) -> Vec<ObjRef> {
        self.refs
            .values()
            .filter_map(|w| w.downcast::<WeakRefObj>().and_then(|w| w.get(token)))
            .collect()
    }
}

/// The payload of `_abc_data` (`cls._abc_impl`).
#[derive(Default)]
struct AbcData {
    inner: PyCell<AbcInner>,
}

#[derive(Default)]
struct AbcInner {
    registry: WeakClassSet,
    cache: WeakClassSet,
    negative: WeakClassSet,
    negative_version: i64,
}

impl Payload for AbcData {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        let i = self.inner.borrow(token);
        for set in [&i.registry, &i.cache, &i.negative] {
            for w in set.refs.values() {
                visit(&Value::Obj(w.clone()));
            }
        }
    }

    fn clear(&self, token: &mut Token) {
        let old = std::mem::take(self.inner.borrow_mut(token));
        drop(old);
    }
}

fn types() -> PyResult<(ObjRef, ObjRef)> {
    TYPES
        .with(|t| t.borrow().clone())
        .ok_or_else(|| PyErr::runtime_error("_abc is not initialized"))
}

/// Which of the three sets.
#[derive(Clone, Copy)]
enum Which {
    Registry,
    Cache,
    Negative,
}

fn pick(i: &mut AbcInner, which: Which) -> &mut WeakClassSet {
    match which {
        Which::Registry => &mut i.registry,
        Which::Cache => &mut i.cache,
        Which::Negative => &mut i.negative,
    }
}

/// Adds `cls` to one of `data`'s sets.
fn add(vm: &mut Vm, data: &AbcData, which: Which, cls: &ObjRef) -> PyResult<()> {
    let (ref_type, _) = types()?;
    let w = new_weakref(vm, &ref_type, cls, Value::None, None)?;
    let old = pick(data.inner.borrow_mut(vm.token()), which)
        .refs
        .insert(cls.id(), w);
    drop(old);
    Ok(())
}

fn contains(vm: &mut Vm, data: &AbcData, which: Which, cls: &ObjRef) -> bool {
    let tk = vm.token();
    let i = data.inner.borrow(tk);
    match which {
        Which::Registry => i.registry.contains(tk, cls),
        Which::Cache => i.cache.contains(tk, cls),
        Which::Negative => i.negative.contains(tk, cls),
    }
}

/// `cls._abc_impl`, or CPython's errors.
fn impl_of(vm: &mut Vm, cls: &Value) -> PyResult<ObjRef> {
    let n = intern(vm.token(), "_abc_impl");
    let v = vm.getattr(cls, &n)?;
    match v.as_obj() {
        Some(o) if o.downcast::<AbcData>().is_some() => Ok(o.clone()),
        _ => Err(PyErr::type_error("_abc_impl is set to a wrong type")),
    }
}

fn as_type(v: &Value) -> Option<&ObjRef> {
    v.as_obj().filter(|o| o.downcast::<TypeObject>().is_some())
}

/// Whether `getattr(value, "__isabstractmethod__", False)` is true.
fn is_abstract(vm: &mut Vm, value: &Value) -> PyResult<bool> {
    let n = intern(vm.token(), "__isabstractmethod__");
    match vm.getattr(value, &n) {
        Ok(v) => vm.is_true(&v),
        Err(e) if e.kind == ExcKind::AttributeError => Ok(false),
        Err(e) => Err(e),
    }
}

/// Sets `cls.__abstractmethods__` (CPython's `compute_abstract_methods`): the
/// abstract names of its namespace, plus the inherited abstract names that are
/// still abstract on `cls`.
fn compute_abstract_methods(vm: &mut Vm, cls: &Value) -> PyResult<()> {
    let mut abstracts: Vec<Value> = Vec::new();
    let ns_name = intern(vm.token(), "__dict__");
    let ns = vm.getattr(cls, &ns_name)?;
    let items = vm.call_method(&ns, "items", &[])?;
    for item in vm.sequence_to_vec(&items)? {
        let pair = vm.sequence_to_vec(&item)?;
        if let [k, v] = pair.as_slice() {
            if is_abstract(vm, v)? {
                abstracts.push(k.clone());
            }
        }
    }
    let bases_name = intern(vm.token(), "__bases__");
    let bases = vm.getattr(cls, &bases_name)?;
    let am = intern(vm.token(), "__abstractmethods__");
    for base in vm.sequence_to_vec(&bases)? {
        let names = match vm.getattr(&base, &am) {
            Ok(v) => v,
            Err(e) if e.kind == ExcKind::AttributeError => continue,
            Err(e) => return Err(e),
        };
        for name in vm.sequence_to_vec(&names)? {
            let Some(n) = name.as_obj().cloned() else {
                continue;
            };
            let value = match vm.getattr(cls, &n) {
                Ok(v) => v,
                Err(e) if e.kind == ExcKind::AttributeError => continue,
                Err(e) => return Err(e),
            };
            if is_abstract(vm, &value)? {
                abstracts.push(name);
            }
        }
    }
    let fs = vm::methods::frozenset::new_frozenset(vm, abstracts)?;
    vm.setattr(cls, &am, Some(fs))
}

/// `_abc_init(cls)`: abstract methods, a fresh `_abc_impl`, and removal of
/// `__abc_tpflags__` from the namespace.
fn abc_init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_abc_init", args, kw, 1)?;
    let cls = &a[0];
    compute_abstract_methods(vm, cls)?;
    let (_, data_type) = types()?;
    let data = ObjRef::new(&data_type, AbcData::default());
    let n = intern(vm.token(), "_abc_impl");
    vm.setattr(cls, &n, Some(Value::Obj(data)))?;
    if let Some(t) = cls.downcast::<TypeObject>() {
        let key = Value::Obj(intern(vm.token(), "__abc_tpflags__"));
        if t.dict.get_str(vm.token(), &key).is_some() {
            t.dict.pop(vm, &key)?;
        }
    }
    Ok(Value::None)
}

/// `_abc_register(cls, subclass)`.
fn abc_register(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_abc_register", args, kw, 2)?;
    let (cls, sub) = (&a[0], &a[1]);
    let Some(subt) = as_type(sub).cloned() else {
        return Err(PyErr::type_error("Can only register classes"));
    };
    if vm::class::issubclass(vm, sub, cls)? {
        return Ok(sub.clone());
    }
    if vm::class::issubclass(vm, cls, sub)? {
        return Err(PyErr::runtime_error(
            "Refusing to create an inheritance cycle",
        ));
    }
    let data = impl_of(vm, cls)?;
    if let Some(d) = data.downcast::<AbcData>() {
        add(vm, d, Which::Registry, &subt)?;
    }
    INVALIDATION.with(|c| c.set(c.get() + 1));
    Ok(sub.clone())
}

/// `_abc_instancecheck(cls, instance)`.
fn abc_instancecheck(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_abc_instancecheck", args, kw, 2)?;
    let (cls, inst) = (&a[0], &a[1]);
    let data = impl_of(vm, cls)?;
    let Some(d) = data.downcast::<AbcData>() else {
        return Ok(Value::Bool(false));
    };
    let n = intern(vm.token(), "__class__");
    let subclass = vm.getattr(inst, &n)?;
    if let Some(s) = as_type(&subclass) {
        if contains(vm, d, Which::Cache, s) {
            return Ok(Value::Bool(true));
        }
    }
    let subtype = Value::Obj(inst.type_ref());
    if subtype.is(&subclass) {
        if let Some(s) = as_type(&subclass) {
            let version = d.inner.borrow(vm.token()).negative_version;
            if version == INVALIDATION.with(Cell::get) && contains(vm, d, Which::Negative, s) {
                return Ok(Value::Bool(false));
            }
        }
        return vm.call_method(cls, "__subclasscheck__", &[subclass]);
    }
    let r = vm.call_method(cls, "__subclasscheck__", &[subclass])?;
    if vm.is_true(&r)? {
        return Ok(r);
    }
    vm.call_method(cls, "__subclasscheck__", &[subtype])
}

/// `_abc_subclasscheck(cls, subclass)`.
fn abc_subclasscheck(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_abc_subclasscheck", args, kw, 2)?;
    let (cls, sub) = (&a[0], &a[1]);
    let Some(subt) = as_type(sub).cloned() else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    let data = impl_of(vm, cls)?;
    let Some(d) = data.downcast::<AbcData>() else {
        return Ok(Value::Bool(false));
    };
    // 1. The positive cache.
    if contains(vm, d, Which::Cache, &subt) {
        return Ok(Value::Bool(true));
    }
    // 2. The negative cache, emptied when a `register` made it stale.
    let counter = INVALIDATION.with(Cell::get);
    let stale = d.inner.borrow(vm.token()).negative_version < counter;
    if stale {
        let old = {
            let i = d.inner.borrow_mut(vm.token());
            i.negative_version = counter;
            std::mem::take(&mut i.negative)
        };
        drop(old);
    } else if contains(vm, d, Which::Negative, &subt) {
        return Ok(Value::Bool(false));
    }
    // 3. The subclass hook.
    let ok = vm.call_method(cls, "__subclasshook__", std::slice::from_ref(sub))?;
    let not_impl = ok
        .as_obj()
        .is_some_and(|o| o.is(&vm::rt_types::rt().not_implemented));
    if !not_impl {
        let Value::Bool(b) = ok else {
            return Err(PyErr::new(
                ExcKind::AssertionError,
                "__subclasshook__ must return either False, True, or NotImplemented",
            ));
        };
        add(vm, d, if b { Which::Cache } else { Which::Negative }, &subt)?;
        return Ok(Value::Bool(b));
    }
    // 4. A direct subclass.
    if let (Some(c), Some(st)) = (as_type(cls), subt.downcast::<TypeObject>()) {
        if st.mro(vm.token()).iter().any(|m| m.is(c)) {
            add(vm, d, Which::Cache, &subt)?;
            return Ok(Value::Bool(true));
        }
    }
    // 5. A subclass of a registered class.
    let registry = {
        let tk: &Token = vm.token();
        d.inner.borrow(tk).registry.members(tk)
    };
    for r in registry {
        if vm::class::issubclass(vm, sub, &Value::Obj(r))? {
            add(vm, d, Which::Cache, &subt)?;
            return Ok(Value::Bool(true));
        }
    }
    // 6. A subclass of a subclass.
    let subs = vm.call_method(cls, "__subclasses__", &[])?;
    for s in vm.sequence_to_vec(&subs)? {
        if vm::class::issubclass(vm, sub, &s)? {
            add(vm, d, Which::Cache, &subt)?;
            return Ok(Value::Bool(true));
        }
    }
    add(vm, d, Which::Negative, &subt)?;
    Ok(Value::Bool(false))
}

/// A `set` of weak references to the members of one of the sets.
fn weak_set(vm: &mut Vm, d: &AbcData, which: Which) -> PyResult<Value> {
    let refs: Vec<ObjRef> = {
        let i = d.inner.borrow_mut(vm.token());
        pick(i, which).refs.values().cloned().collect()
    };
    let s = Set::alloc_empty();
    if let Some(set) = s.downcast::<Set>() {
        for r in refs {
            set.add(vm, Value::Obj(r))?;
        }
    }
    Ok(Value::Obj(s))
}

/// `_get_dump(cls)`: `(registry, cache, negative_cache, negative_version)`.
fn get_dump(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_get_dump", args, kw, 1)?;
    let data = impl_of(vm, &a[0])?;
    let Some(d) = data.downcast::<AbcData>() else {
        return Ok(Value::None);
    };
    let registry = weak_set(vm, d, Which::Registry)?;
    let cache = weak_set(vm, d, Which::Cache)?;
    let negative = weak_set(vm, d, Which::Negative)?;
    let version = d.inner.borrow(vm.token()).negative_version;
    Ok(Value::Obj(Tuple::alloc(vec![
        registry,
        cache,
        negative,
        Value::Int(version),
    ])))
}

fn reset(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    which: &[Which],
) -> PyResult<Value> {
    let a = exact_args(vm, name, args, kw, 1)?;
    let data = impl_of(vm, &a[0])?;
    if let Some(d) = data.downcast::<AbcData>() {
        let mut old = Vec::new();
        let i = d.inner.borrow_mut(vm.token());
        for w in which {
            old.push(std::mem::take(pick(i, *w)));
        }
        drop(old);
    }
    Ok(Value::None)
}

/// `_reset_registry(cls)`.
fn reset_registry(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    reset(vm, args, kw, "_reset_registry", &[Which::Registry])
}

/// `_reset_caches(cls)`: both caches.
fn reset_caches(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    reset(
        vm,
        args,
        kw,
        "_reset_caches",
        &[Which::Cache, Which::Negative],
    )
}

/// `get_cache_token()`: the invalidation counter.
fn get_cache_token(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "get_cache_token", args, kw, 0)?;
    Ok(Value::Int(INVALIDATION.with(Cell::get)))
}

/// Creates the `_abc` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let wr = vm.import_module("_weakref")?;
    let n = intern(vm.token(), "ref");
    let Value::Obj(ref_type) = vm.getattr(&wr, &n)? else {
        return Err(PyErr::runtime_error("_weakref.ref missing"));
    };
    let data_type = new_native_type(vm.token(), "_abc_data", AbcData::LAYOUT, None);
    if let Some(t) = data_type.downcast::<TypeObject>() {
        t.set_module(vm.token(), "_abc");
    }
    TYPES.with(|t| *t.borrow_mut() = Some((ref_type, data_type.clone())));
    let m = new_module(
        vm,
        "_abc",
        &[
            ("get_cache_token", get_cache_token),
            ("_abc_init", abc_init),
            ("_abc_register", abc_register),
            ("_abc_instancecheck", abc_instancecheck),
            ("_abc_subclasscheck", abc_subclasscheck),
            ("_get_dump", get_dump),
            ("_reset_registry", reset_registry),
            ("_reset_caches", reset_caches),
        ],
    );
    set_attr(vm, &m, "_abc_data", Value::Obj(data_type));
    Ok(m)
}
