//! Type objects (CPython's `PyTypeObject`, `Objects/typeobject.c`): name, bases,
//! MRO, namespace dict, version tag, the layout of instances, and slots.

pub mod builtin;
pub mod mro;
pub mod slots;

use std::cell::Cell;
use std::rc::Rc;

pub use builtin::{builtin_types, BuiltinTypes};
pub use slots::{CompareOp, NumberSlots, Slots};

use crate::builtins::dict::{Dict, NativeEq};
use crate::error::{PyErr, PyResult};
use crate::object::{Layout, ObjRef, Payload, PayloadKind, PyCell, Token, WeakObj};
use crate::value::Value;
use builtin::BaseObject;

/// The type is a builtin, created by the VM at startup (exact builtin instances
/// may take native fast paths). CPython: no `Py_TPFLAGS_HEAPTYPE`.
pub const FLAG_BUILTIN: u32 = 1 << 0;
/// Attributes can't be set on the type (`Py_TPFLAGS_IMMUTABLETYPE`).
pub const FLAG_IMMUTABLE: u32 = 1 << 1;
/// The type can be subclassed (`Py_TPFLAGS_BASETYPE`).
pub const FLAG_BASETYPE: u32 = 1 << 2;
/// Instances of this class have no `__dict__` although their layout has an
/// instance part (a `__slots__` class without `'__dict__'`; CPython: no
/// `tp_dictoffset`).
pub const FLAG_NO_INSTANCE_DICT: u32 = 1 << 3;
/// `__abstractmethods__` is set and non-empty: `object.__new__` refuses to
/// create instances (`Py_TPFLAGS_IS_ABSTRACT`).
pub const FLAG_ABSTRACT: u32 = 1 << 4;

thread_local! {
    /// The next unassigned version tag (CPython's `next_version_tag`).
    static NEXT_VERSION: Cell<u32> = const { Cell::new(1) };
}

fn next_version() -> u32 {
    NEXT_VERSION.with(|n| {
        let v = n.get();
        // On overflow, types get 0, which inline caches treat as "don't cache"
        // (as CPython does when it runs out of tags).
        n.set(v.saturating_add(1));
        if v == u32::MAX {
            0
        } else {
            v
        }
    })
}

/// The payload of a type object.
pub struct TypeObject {
    /// Layout of the instances (payload kind, destructor, traverse).
    layout: &'static Layout,
    flags: Cell<u32>,
    name: PyCell<String>,
    /// The name CPython keeps in `tp_name` when it differs from `__name__`: a
    /// static type's dotted name ("decimal.Decimal"), printed by messages;
    /// `None` means the plain name.
    tp_name: PyCell<Option<String>>,
    qualname: PyCell<String>,
    module: PyCell<String>,
    /// The solid base (CPython's `tp_base`); `None` only for `object`.
    base: PyCell<Option<ObjRef>>,
    bases: PyCell<Vec<ObjRef>>,
    /// The MRO, starting with the type itself; shared so that a lookup can copy
    /// it out cheaply before running any Python code.
    mro: PyCell<Rc<[ObjRef]>>,
    /// The namespace (`__dict__`, shown through a mappingproxy in CPython).
    pub dict: Dict,
    version: Cell<u32>,
    subclasses: PyCell<Vec<WeakObj>>,
    /// Anchor for the `WeakObj`s in bases' `subclasses` lists.
    anchor: Rc<()>,
    /// The protocol slots.
    pub slots: Slots,
    /// The number-protocol slots.
    pub number: NumberSlots,
    /// How many `__slots__` values its instances store (its own and its bases').
    instance_slots: Cell<u32>,
}

impl Payload for TypeObject {
    const KIND: PayloadKind = PayloadKind::Type;
    const GC: bool = true;
    // Already has a `__dict__`: subclass instances need no extra part.
    const SUBCLASS: fn() -> &'static crate::object::Layout = crate::object::same_layout::<Self>;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        self.dict.traverse(token, visit);
        if let Some(b) = self.base.borrow(token) {
            visit(&Value::Obj(b.clone()));
        }
        for b in self.bases.borrow(token).iter() {
            visit(&Value::Obj(b.clone()));
        }
        for m in self.mro.borrow(token).iter() {
            visit(&Value::Obj(m.clone()));
        }
    }

    fn clear(&self, token: &mut Token) {
        let base = self.base.borrow_mut(token).take();
        let bases = std::mem::take(self.bases.borrow_mut(token));
        let mro = std::mem::replace(self.mro.borrow_mut(token), Rc::from(Vec::new()));
        self.dict.clear(token);
        drop((base, bases, mro));
    }
}

impl TypeObject {
    fn blank(layout: &'static Layout, name: &str, flags: u32) -> TypeObject {
        TypeObject {
            layout,
            flags: Cell::new(flags),
            name: PyCell::new(name.to_owned()),
            tp_name: PyCell::new(None),
            qualname: PyCell::new(name.to_owned()),
            module: PyCell::new("builtins".to_owned()),
            base: PyCell::new(None),
            bases: PyCell::new(Vec::new()),
            mro: PyCell::new(Rc::from(Vec::new())),
            dict: Dict::new(),
            version: Cell::new(next_version()),
            subclasses: PyCell::new(Vec::new()),
            anchor: Rc::new(()),
            slots: Slots::default(),
            number: NumberSlots::default(),
            instance_slots: Cell::new(0),
        }
    }

    /// The layout of this type's instances.
    #[inline(always)]
    pub fn layout(&self) -> &'static Layout {
        self.layout
    }

    /// Whether this is a builtin type (exact instances may use native fast paths).
    #[inline(always)]
    pub fn is_builtin(&self) -> bool {
        self.flags.get() & FLAG_BUILTIN != 0
    }

    /// The type flags (`FLAG_*`).
    pub fn flags(&self) -> u32 {
        self.flags.get()
    }

    /// Sets or clears flag bits `flag` (e.g. [`FLAG_ABSTRACT`]).
    pub fn set_flag(&self, flag: u32, on: bool) {
        let f = self.flags.get();
        self.flags.set(if on { f | flag } else { f & !flag });
    }

    /// Sets the given `FLAG_*` bits (class creation).
    pub fn add_flags(&self, flags: u32) {
        self.flags.set(self.flags.get() | flags);
    }

    /// Whether instances with an instance part get a `__dict__` (not a
    /// `__slots__` class without `'__dict__'`).
    #[inline]
    pub fn has_instance_dict(&self) -> bool {
        self.flags.get() & FLAG_NO_INSTANCE_DICT == 0
    }

    /// How many `__slots__` values instances store (own and inherited).
    #[inline]
    pub fn instance_slot_count(&self) -> usize {
        self.instance_slots.get() as usize
    }

    /// Sets the number of `__slots__` values instances store (class creation).
    pub fn set_instance_slot_count(&self, n: usize) {
        self.instance_slots
            .set(u32::try_from(n).unwrap_or(u32::MAX));
    }

    /// The version tag, valid while nothing in the type or its bases changes; 0
    /// means "no valid tag" (CPython's `tp_version_tag`).
    #[inline(always)]
    pub fn version(&self) -> u32 {
        self.version.get()
    }

    /// `__name__`.
    pub fn name(&self, token: &Token) -> String {
        self.name.borrow(token).clone()
    }

    /// The name messages print (CPython's `tp_name`): the dotted static-type
    /// name given by [`give_static_identity`], else `__name__`.
    pub fn tp_name(&self, token: &Token) -> String {
        match self.tp_name.borrow(token) {
            Some(n) => n.clone(),
            None => self.name(token),
        }
    }

    /// `__qualname__`.
    pub fn qualname(&self, token: &Token) -> String {
        self.qualname.borrow(token).clone()
    }

    /// `__module__` (for builtins, `"builtins"`).
    pub fn module(&self, token: &Token) -> String {
        self.module.borrow(token).clone()
    }

    /// Sets `__module__` (class creation takes it from the namespace).
    pub fn set_module(&self, token: &mut Token, module: &str) {
        *self.module.borrow_mut(token) = module.to_owned();
    }

    /// Sets `__name__` (`cls.__name__ = "x"`).
    pub fn set_name(&self, token: &mut Token, name: &str) {
        *self.name.borrow_mut(token) = name.to_owned();
    }

    /// Sets `__qualname__` (class creation takes it from the namespace).
    pub fn set_qualname(&self, token: &mut Token, qualname: &str) {
        *self.qualname.borrow_mut(token) = qualname.to_owned();
    }

    /// Replaces the MRO (a metaclass overriding `mro()`).
    pub fn set_mro(&self, token: &mut Token, mro: Vec<ObjRef>) {
        *self.mro.borrow_mut(token) = Rc::from(mro);
    }

    /// `__mro__`, starting with the type itself.
    pub fn mro(&self, token: &Token) -> Rc<[ObjRef]> {
        self.mro.borrow(token).clone()
    }

    /// `__bases__`.
    pub fn bases(&self, token: &Token) -> Vec<ObjRef> {
        self.bases.borrow(token).clone()
    }

    /// `__base__` (the solid base), `None` for `object`.
    pub fn base(&self, token: &Token) -> Option<ObjRef> {
        self.base.borrow(token).clone()
    }

    /// Live direct subclasses (`__subclasses__()`).
    pub fn subclasses(&self, token: &Token) -> Vec<ObjRef> {
        self.subclasses
            .borrow(token)
            .iter()
            .filter_map(|w| w.upgrade(token))
            .collect()
    }

    /// The attribute `name` (an exact `str`) found along the MRO, without
    /// descriptors (CPython's `_PyType_Lookup`).
    pub fn lookup(&self, token: &mut Token, name: &Value) -> Option<Value> {
        let version = self.version.get();
        if let (Some(n), true) = (name.as_obj(), version != 0) {
            if let Some(hit) = attr_cache_get(token, version, n.id()) {
                return hit;
            }
            let r = self.lookup_uncached(token, name);
            attr_cache_put(token, version, n.id(), n.clone(), r.clone());
            return r;
        }
        self.lookup_uncached(token, name)
    }

    fn lookup_uncached(&self, token: &mut Token, name: &Value) -> Option<Value> {
        if name.downcast::<crate::builtins::str::StrObj>().is_some() {
            // Exact-str fast path: no hashing beyond the cached hash, no copy
            // of the MRO (nothing here can run Python code).
            let tk: &Token = token;
            for t in self.mro.borrow(tk).iter() {
                let t = t.downcast::<TypeObject>()?;
                if let Some(v) = t.dict.get_str(tk, name) {
                    return Some(v);
                }
            }
            return None;
        }
        let mro = self.mro(token);
        for t in mro.iter() {
            let t = t.downcast::<TypeObject>()?;
            if let Ok(Some(v)) = t.dict.get(&mut NativeEq(token), name) {
                return Some(v);
            }
        }
        None
    }
}

/// One entry of the type attribute cache: (version tag, name id, the name (kept
/// alive so its id can't be reused), the lookup result).
type AttrCacheEntry = (u32, usize, Option<ObjRef>, Option<Value>);

const ATTR_CACHE_SIZE: usize = 4096;

thread_local! {
    /// CPython's method cache (`type_cache` in `Objects/typeobject.c`): results
    /// of MRO lookups keyed by the type's version tag and the name's identity.
    /// A type's tag changes whenever it or a base changes, so stale entries
    /// never match.
    static ATTR_CACHE: PyCell<Vec<AttrCacheEntry>> = const { PyCell::new(Vec::new()) };
}

fn attr_cache_slot(version: u32, name_id: usize) -> usize {
    ((name_id >> 4) ^ (version as usize).wrapping_mul(0x9E37_79B1)) & (ATTR_CACHE_SIZE - 1)
}

fn attr_cache_get(token: &Token, version: u32, name_id: usize) -> Option<Option<Value>> {
    ATTR_CACHE.with(|c| {
        let e = c.borrow(token).get(attr_cache_slot(version, name_id))?;
        (e.0 == version && e.1 == name_id).then(|| e.3.clone())
    })
}

fn attr_cache_put(token: &mut Token, version: u32, name_id: usize, name: ObjRef, v: Option<Value>) {
    let old = ATTR_CACHE.with(|c| {
        let cache = c.borrow_mut(token);
        if cache.is_empty() {
            cache.resize(ATTR_CACHE_SIZE, (0, 0, None, None));
        }
        let slot = attr_cache_slot(version, name_id);
        cache
            .get_mut(slot)
            .map(|e| std::mem::replace(e, (version, name_id, Some(name), v)))
    });
    drop(old);
}

/// Creates a native type whose instances carry payload layout `layout` (from
/// `P::LAYOUT` of some [`Payload`] `P`), with single base `base` (`object` if
/// `None`): how native modules and tests define types (CPython's
/// `PyType_FromSpec`).
pub fn new_native_type(
    token: &mut Token,
    name: &str,
    layout: &'static Layout,
    base: Option<&ObjRef>,
) -> ObjRef {
    let bt = builtin_types();
    let base = base.unwrap_or(&bt.object).clone();
    let mut t = TypeObject::blank(layout, name, FLAG_BUILTIN | FLAG_IMMUTABLE | FLAG_BASETYPE);
    *t.base.get_mut() = Some(base.clone());
    *t.bases.get_mut() = vec![base.clone()];
    let ty = ObjRef::new(&bt.type_, t);
    if let (Some(t), Some(b)) = (ty.downcast::<TypeObject>(), base.downcast::<TypeObject>()) {
        let mut mro = vec![ty.clone()];
        mro.extend(b.mro(token).iter().cloned());
        *t.mro.borrow_mut(token) = Rc::from(mro);
        t.slots.inherit_from(&b.slots);
        t.number.inherit_from(&b.number);
        b.subclasses
            .borrow_mut(token)
            .push(WeakObj::new(&ty, &t.anchor));
    }
    ty
}

/// The name of a type object as messages print it (CPython's `tp_name`:
/// `__name__`, or a static type's dotted name such as "decimal.Decimal"), or
/// `"?"` for a non-type.
pub fn type_name(token: &Token, ty: &ObjRef) -> String {
    ty.downcast::<TypeObject>()
        .map_or_else(|| "?".to_owned(), |t| t.tp_name(token))
}

/// Gives a class written in Python the identity of a CPython static (C)
/// type: `tp_name` becomes the dotted `dotted_name` (what every "'X' object
/// ..." message prints), `__module__` the part before its last dot, while
/// `__name__` and `__qualname__` stay; and the class becomes immutable like
/// a static type (`Py_TPFLAGS_IMMUTABLETYPE`: setting or deleting its
/// attributes raises "cannot set 'x' attribute of immutable type ..."). With
/// `subclassable` false, it also loses `Py_TPFLAGS_BASETYPE` ("type
/// 'datetime.timezone' is not an acceptable base type"). Used by
/// native-module stand-ins that run CPython's pure-Python twin of a C module
/// (`_decimal`, `_datetime`).
pub fn give_static_identity(
    token: &mut Token,
    ty: &ObjRef,
    dotted_name: &str,
    subclassable: bool,
) -> PyResult<()> {
    let Some(t) = ty.downcast::<TypeObject>() else {
        return Err(PyErr::type_error("static identity: expected a type"));
    };
    let Some((module, _)) = dotted_name.rsplit_once('.') else {
        return Err(PyErr::value_error(format!(
            "static identity: '{dotted_name}' is not a dotted name"
        )));
    };
    t.set_module(token, module);
    let key = crate::builtins::str::intern(token, "__module__");
    t.dict.set(
        &mut NativeEq(token),
        Value::Obj(key),
        crate::builtins::str::new_str(module),
    )?;
    type_modified(token, ty);
    *t.tp_name.borrow_mut(token) = Some(dotted_name.to_owned());
    t.add_flags(FLAG_IMMUTABLE);
    t.set_flag(FLAG_BASETYPE, subclassable);
    Ok(())
}

/// Gives `ty` a new version tag, and every subclass too, so inline caches keyed
/// on an old tag miss (CPython's `PyType_Modified`).
pub fn type_modified(token: &Token, ty: &ObjRef) {
    // A worklist rather than recursion: hierarchies can be arbitrarily deep.
    let mut work = vec![ty.clone()];
    while let Some(t) = work.pop() {
        if let Some(tp) = t.downcast::<TypeObject>() {
            tp.version.set(next_version());
            work.extend(tp.subclasses(token));
        }
    }
}

/// Whether `a` is `b` or a subclass of it (CPython's `PyType_IsSubtype`: a walk of
/// `a`'s MRO).
pub fn is_subtype(token: &Token, a: &ObjRef, b: &ObjRef) -> bool {
    if a.is(b) {
        return true;
    }
    a.downcast::<TypeObject>()
        .is_some_and(|t| t.mro.borrow(token).iter().any(|m| m.is(b)))
}

/// Sets (or with `None` deletes) the attribute `name` of a class, then bumps its
/// version tag and its subclasses' (CPython's `type_setattro`).
pub fn type_setattr(
    token: &mut Token,
    ty: &ObjRef,
    name: &Value,
    value: Option<Value>,
) -> PyResult<()> {
    let Some(t) = ty.downcast::<TypeObject>() else {
        return Err(PyErr::type_error("descriptor requires a 'type' object"));
    };
    if t.flags() & FLAG_IMMUTABLE != 0 {
        let n = t.tp_name(token);
        let attr = name
            .downcast::<crate::builtins::str::StrObj>()
            .and_then(|s| s.as_str().map(str::to_owned))
            .unwrap_or_default();
        return Err(PyErr::type_error(format!(
            "cannot set '{attr}' attribute of immutable type '{n}'"
        )));
    }
    match value {
        Some(v) => t.dict.set(&mut NativeEq(token), name.clone(), v)?,
        None => {
            t.dict.del(&mut NativeEq(token), name)?;
        }
    }
    type_modified(token, ty);
    Ok(())
}

/// The class that added the last `__slots__` values `ty`'s instances store: `ty`
/// itself, or the nearest base up its solid-base chain storing as many (a
/// subclass with `__slots__ = ()` shares its base's layout, CPython's
/// `solid_base` skipping types without extra instance variables).
fn slot_owner(token: &Token, ty: &ObjRef) -> ObjRef {
    let count = |t: &ObjRef| {
        t.downcast::<TypeObject>()
            .map_or(0, TypeObject::instance_slot_count)
    };
    let n = count(ty);
    let mut owner = ty.clone();
    while let Some(base) = owner
        .downcast::<TypeObject>()
        .and_then(|t| t.base(token))
        .filter(|b| count(b) == n)
    {
        owner = base;
    }
    owner
}

/// Creates a class (CPython's `type_new` minus the namespace processing): picks the
/// solid base, computes the C3 MRO, inherits slots and registers with the bases.
/// `bases` empty means `(object,)`.
pub fn new_class(
    token: &mut Token,
    metatype: &ObjRef,
    name: &str,
    bases: Vec<ObjRef>,
) -> PyResult<ObjRef> {
    let bt = builtin_types();
    let bases = if bases.is_empty() {
        vec![bt.object.clone()]
    } else {
        bases
    };
    // The solid base: the base whose instance layout is the most derived; two
    // different non-`object` layouts can't be combined.
    let mut solid: Option<(&ObjRef, &'static Layout)> = None;
    for b in &bases {
        let Some(bt_) = b.downcast::<TypeObject>() else {
            return Err(PyErr::type_error("bases must be types"));
        };
        if bt_.flags() & FLAG_BASETYPE == 0 {
            return Err(PyErr::type_error(format!(
                "type '{}' is not an acceptable base type",
                bt_.tp_name(token)
            )));
        }
        let layout = bt_.layout();
        match solid {
            None => solid = Some((b, layout)),
            Some((_, sl)) => {
                if sl.kind == PayloadKind::Object && layout.kind != PayloadKind::Object {
                    solid = Some((b, layout));
                } else if layout.kind != PayloadKind::Object && !layout.same_base(sl) {
                    return Err(PyErr::type_error(
                        "multiple bases have instance lay-out conflict",
                    ));
                }
            }
        }
    }
    let (solid, layout) = match solid {
        Some((s, l)) => (s.clone(), l.subclass_layout()),
        None => (bt.object.clone(), BaseObject::LAYOUT.subclass_layout()),
    };
    // Inherited `__slots__` storage: the bases' slot values come first. Slots
    // make a class its own solid base, so two bases with slots conflict unless
    // one derives from the other (CPython's `solid_base`).
    let slotted = bases
        .iter()
        .filter(|b| {
            b.downcast::<TypeObject>()
                .is_some_and(|t| t.instance_slot_count() > 0)
        })
        .max_by_key(|b| {
            b.downcast::<TypeObject>()
                .map_or(0, TypeObject::instance_slot_count)
        });
    let mut inherited_slots = 0;
    if let Some(most) = slotted {
        for b in &bases {
            let n = b
                .downcast::<TypeObject>()
                .map_or(0, TypeObject::instance_slot_count);
            if n > 0 && !is_subtype(token, most, &slot_owner(&*token, b)) {
                return Err(PyErr::type_error(
                    "multiple bases have instance lay-out conflict",
                ));
            }
        }
        inherited_slots = most
            .downcast::<TypeObject>()
            .map_or(0, TypeObject::instance_slot_count);
    }
    let mut t = TypeObject::blank(layout, name, FLAG_BASETYPE);
    t.instance_slots
        .set(u32::try_from(inherited_slots).unwrap_or(u32::MAX));
    // Until the namespace's `__module__` is applied (by the class-building code).
    *t.module.get_mut() = "__main__".to_owned();
    *t.base.get_mut() = Some(solid);
    *t.bases.get_mut() = bases.clone();
    let ty = ObjRef::new(metatype, t);
    let mro = mro::c3_mro(token, &ty, &bases)?;
    let Some(t) = ty.downcast::<TypeObject>() else {
        return Err(PyErr::type_error("metatype is not a type"));
    };
    for m in mro.iter().skip(1) {
        if let Some(mt) = m.downcast::<TypeObject>() {
            t.slots.inherit_from(&mt.slots);
            t.number.inherit_from(&mt.number);
        }
    }
    *t.mro.borrow_mut(token) = Rc::from(mro);
    for b in &bases {
        if let Some(bt_) = b.downcast::<TypeObject>() {
            let w = WeakObj::new(&ty, &t.anchor);
            let subs = bt_.subclasses.borrow_mut(token);
            subs.retain(WeakObj::is_alive);
            subs.push(w);
        }
    }
    Ok(ty)
}

#[cfg(test)]
mod static_identity_tests {
    use super::*;

    #[test]
    fn static_identity_names_and_seals_a_class() {
        let mut vm = crate::Vm::new().expect("a fresh thread has no VM");
        let tk = vm.token();
        let meta = builtin_types().type_.clone();
        let cls = new_class(tk, &meta, "Decimal", Vec::new()).expect("class");
        assert_eq!(type_name(tk, &cls), "Decimal");
        assert!(give_static_identity(tk, &cls, "nodots", true).is_err());
        give_static_identity(tk, &cls, "decimal.Decimal", false).expect("identity");
        let err = new_class(tk, &meta, "Sub", vec![cls.clone()]).expect_err("final");
        assert!(
            format!("{err:?}").contains("type 'decimal.Decimal' is not an acceptable base type")
        );
        assert_eq!(type_name(tk, &cls), "decimal.Decimal");
        let t = cls.downcast::<TypeObject>().expect("type");
        assert_eq!(t.name(tk), "Decimal");
        assert_eq!(t.module(tk), "decimal");
        let attr = Value::Obj(crate::builtins::str::intern(tk, "x"));
        let err = type_setattr(tk, &cls, &attr, Some(Value::None)).expect_err("immutable");
        assert!(format!("{err:?}")
            .contains("cannot set 'x' attribute of immutable type 'decimal.Decimal'"));
    }
}
