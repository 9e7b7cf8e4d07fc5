//! Instances of classes (CPython's `Objects/object.c` generic attribute access and
//! the instance `__dict__`): the payload of user-class instances whose solid base
//! is `object`, and `object.__getattribute__` / `__setattr__` for every type.
//!
//! Descriptors work through the `descr_get`/`descr_set` slots (functions will
//! bind through `descr_get`). `Instance` is also the instance part of
//! subclass-of-builtin instances (`builtins/subclassed.rs`) and holds
//! `__slots__` values (`builtins/slots_layout.rs`). Not yet: the `__getattr__`
//! fallback and metatype data descriptors on class attribute stores.

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::str::StrObj;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{same_layout, Layout, ObjRef, Payload, PayloadKind, PyCell, Token};
use crate::types::slots::{DescrGetFn, DescrSetFn};
use crate::types::{builtin_types, type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// The `__slots__` values of one instance (`None` while unset).
type SlotValues = Box<[Option<Value>]>;

/// The payload of an instance of a class derived from `object`, and the
/// instance part of a subclass-of-builtin instance (`Subclassed<T>`): its
/// `__dict__`, created on first store (CPython also creates instance dicts
/// lazily), and the values of its `__slots__` (CPython's member slots after the
/// object struct), `None` while unset.
#[derive(Default)]
pub struct Instance {
    dict: PyCell<Option<ObjRef>>,
    /// Boxed so that instances without `__slots__` pay one word (CPython stores
    /// them inline; here the common case is kept small).
    slots: PyCell<Option<Box<SlotValues>>>,
}

fn instance_of_instance(obj: &ObjRef) -> Option<&Instance> {
    obj.downcast_exact::<Instance>()
}

impl Payload for Instance {
    const KIND: PayloadKind = PayloadKind::Object;
    const GC: bool = true;
    const SUBCLASS: fn() -> &'static Layout = same_layout::<Instance>;
    const INSTANCE: Option<crate::object::InstancePartFn> = Some(instance_of_instance);

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        if let Some(d) = self.dict.borrow(token) {
            visit(&Value::Obj(d.clone()));
        }
        for v in self
            .slots
            .borrow(token)
            .iter()
            .flat_map(|b| b.iter())
            .flatten()
        {
            visit(v);
        }
    }

    fn clear(&self, token: &mut Token) {
        let old = self.dict.borrow_mut(token).take();
        let slots = std::mem::take(self.slots.borrow_mut(token));
        drop((old, slots));
    }
}

impl Instance {
    /// The instance part for a new instance of the class `t`: as many empty
    /// slot values as the class (with its bases) declares in `__slots__`.
    pub fn for_class(t: &TypeObject) -> Instance {
        let n = t.instance_slot_count();
        Instance {
            dict: PyCell::new(None),
            slots: PyCell::new((n > 0).then(|| Box::new(vec![None; n].into_boxed_slice()))),
        }
    }

    /// A new instance of class `cls` (`object.__new__(cls)`): `cls` must be a
    /// class whose instances are `Instance`s (created by `new_class` on top of
    /// `object`), else CPython's `TypeError`.
    pub fn alloc(token: &Token, cls: &ObjRef) -> PyResult<ObjRef> {
        let Some(t) = cls.downcast::<TypeObject>() else {
            return Err(PyErr::type_error(format!(
                "object.__new__(X): X is not a type object ({})",
                cls.type_obj().tp_name(token)
            )));
        };
        if !t.layout().is::<Instance>() {
            let n = t.tp_name(token);
            return Err(PyErr::type_error(format!(
                "object.__new__({n}) is not safe, use {n}.__new__()"
            )));
        }
        Ok(ObjRef::new(cls, Instance::for_class(t)))
    }

    /// The instance `__dict__`, creating it if needed.
    pub fn dict(&self, token: &mut Token) -> ObjRef {
        let slot = self.dict.borrow_mut(token);
        if let Some(d) = slot {
            return d.clone();
        }
        let d = ObjRef::new(&builtin_types().dict, Dict::new());
        *slot = Some(d.clone());
        d
    }

    /// The instance `__dict__` if it exists.
    pub fn existing_dict(&self, token: &Token) -> Option<ObjRef> {
        self.dict.borrow(token).clone()
    }

    /// The value of slot `index` (`None` if unset or out of range).
    pub fn slot(&self, token: &Token, index: usize) -> Option<Value> {
        self.slots
            .borrow(token)
            .as_ref()
            .and_then(|b| b.get(index))
            .cloned()
            .flatten()
    }

    /// Sets (or with `None` clears) slot `index`; returns the old value, or
    /// `Err(())` if the index is out of range.
    #[allow(clippy::result_unit_err)]
    pub fn set_slot(
        &self,
        token: &mut Token,
        index: usize,
        v: Option<Value>,
    ) -> Result<Option<Value>, ()> {
        match self
            .slots
            .borrow_mut(token)
            .as_mut()
            .and_then(|b| b.get_mut(index))
        {
            Some(s) => Ok(std::mem::replace(s, v)),
            None => Err(()),
        }
    }

    /// How many slot values this instance has room for.
    pub fn slot_count(&self, token: &Token) -> usize {
        self.slots.borrow(token).as_ref().map_or(0, |b| b.len())
    }
}

/// The `__dict__` of an object whose payload has one (instances, exceptions,
/// functions), created if needed; `None` for objects without a dict.
pub fn instance_dict_of(token: &mut Token, obj: &Value) -> Option<ObjRef> {
    if let Some(o) = obj.as_obj() {
        if let Some(i) = o.instance_part() {
            if o.type_obj().has_instance_dict() {
                return Some(i.dict(token));
            }
            return None;
        }
    }
    if let Some(e) = obj.downcast::<crate::exceptions::ExceptionObj>() {
        return Some(e.dict(token));
    }
    if let Some(f) = obj.downcast::<crate::function::FunctionObj>() {
        return Some(f.dict(token));
    }
    None
}

/// The `__dict__` of an object if it has one already (no creation).
pub fn existing_instance_dict(token: &Token, obj: &Value) -> Option<ObjRef> {
    if let Some(i) = obj.as_obj().and_then(ObjRef::instance_part) {
        return i.existing_dict(token);
    }
    if let Some(e) = obj.downcast::<crate::exceptions::ExceptionObj>() {
        return e.dict.borrow(token).clone();
    }
    if let Some(f) = obj.downcast::<crate::function::FunctionObj>() {
        return f.dict.borrow(token).clone();
    }
    None
}

#[cold]
fn no_attribute(token: &Token, obj: &Value, name: &Value) -> PyErr {
    let attr = name
        .downcast::<StrObj>()
        .and_then(StrObj::as_str)
        .unwrap_or("?")
        .to_owned();
    let t = obj.type_ref();
    let msg = match obj.downcast::<TypeObject>() {
        Some(ty) => format!(
            "type object '{}' has no attribute '{attr}'",
            ty.tp_name(token)
        ),
        None => format!(
            "'{}' object has no attribute '{attr}'",
            type_name(token, &t)
        ),
    };
    PyErr::new(ExcKind::AttributeError, msg)
}

/// The `__get__`/`__set__` slots of a value's type.
fn descr_slots(v: &Value) -> (Option<DescrGetFn>, Option<DescrSetFn>) {
    let t = v.type_ref();
    t.downcast::<TypeObject>().map_or((None, None), |t| {
        (t.slots.descr_get.get(), t.slots.descr_set.get())
    })
}

/// `object.__getattribute__` (CPython's `PyObject_GenericGetAttr`, and for
/// classes `type_getattro`): a data descriptor on the type wins; then the
/// instance `__dict__` (for a class: its own MRO, binding with `__get__(None,
/// cls)`); then a non-data descriptor (e.g. a function, bound to the instance);
/// then the plain class attribute.
pub fn generic_getattr(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    let name_v = Value::Obj(name.clone());
    let ty = obj.type_ref();
    let from_type = ty
        .downcast::<TypeObject>()
        .and_then(|t| t.lookup(vm.token(), &name_v));
    let mut get = None;
    if let Some(d) = &from_type {
        let (g, set) = descr_slots(d);
        if let (Some(g), Some(_)) = (g, set) {
            return g(vm, d, Some(obj), &ty);
        }
        get = g;
    }
    {
        if let Some(d) = existing_instance_dict(vm.token(), obj) {
            if let Some(v) = d
                .downcast::<Dict>()
                .and_then(|d| d.get_str(vm.token(), &name_v))
            {
                return Ok(v);
            }
        }
    }
    if let (Some(t), Some(cls)) = (obj.downcast::<TypeObject>(), obj.as_obj()) {
        if let Some(v) = t.lookup(vm.token(), &name_v) {
            return match descr_slots(&v).0 {
                Some(g) => g(vm, &v, None, cls),
                None => Ok(v),
            };
        }
    }
    match (from_type, get) {
        (Some(d), Some(g)) => g(vm, &d, Some(obj), &ty),
        (Some(d), None) => Ok(d),
        (None, _) => match special_attribute(vm, obj, &ty, &name_v) {
            Some(v) => Ok(v),
            None if crate::builtins::slot_methods::install_missing(vm, obj, &ty, &name_v) => {
                generic_getattr(vm, obj, name)
            }
            None => Err(no_attribute(vm.token(), obj, &name_v)),
        },
    }
}

/// `__class__` and `__dict__`, which CPython defines as getset descriptors on
/// `object` and on classes with instance dicts.
#[cold]
fn special_attribute(vm: &mut Vm, obj: &Value, ty: &ObjRef, name: &Value) -> Option<Value> {
    match name.downcast::<StrObj>().and_then(StrObj::as_str)? {
        "__class__" => Some(Value::Obj(ty.clone())),
        "__dict__" => instance_dict_of(vm.token(), obj).map(Value::Obj),
        _ => None,
    }
}

/// Whether `name` is `"__class__"` (cheap: a length check first).
#[inline]
fn is_class_attr_name(name: &Value) -> bool {
    name.downcast::<StrObj>()
        .is_some_and(|s| s.as_bytes().len() == 9 && s.as_bytes() == b"__class__")
}

/// Whether `name` is `"__dict__"`.
#[inline]
fn is_dict_attr_name(name: &Value) -> bool {
    name.downcast::<StrObj>()
        .is_some_and(|s| s.as_bytes().len() == 8 && s.as_bytes() == b"__dict__")
}

/// `obj.__dict__ = d` / `del obj.__dict__` (CPython's
/// `PyObject_GenericSetDict`): `d` must be a dict; deleting drops the dict (a
/// fresh one is created on next use). `None` if `obj` has no instance dict.
#[cold]
pub(crate) fn set_dict_attr(
    vm: &mut Vm,
    obj: &Value,
    value: Option<Value>,
) -> Option<PyResult<()>> {
    let o = obj.as_obj()?;
    let new = match value {
        None => None,
        Some(v) => match v.as_obj().filter(|d| d.downcast::<Dict>().is_some()) {
            Some(d) => Some(d.clone()),
            None => {
                return Some(Err(PyErr::type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    type_name(vm.token(), &v.type_ref())
                ))))
            }
        },
    };
    let old = if let Some(i) = o.instance_part() {
        if !o.type_obj().has_instance_dict() {
            return None;
        }
        std::mem::replace(i.dict.borrow_mut(vm.token()), new)
    } else if let Some(e) = o.downcast::<crate::exceptions::ExceptionObj>() {
        std::mem::replace(e.dict.borrow_mut(vm.token()), new)
    } else if let Some(f) = o.downcast::<crate::function::FunctionObj>() {
        std::mem::replace(f.dict.borrow_mut(vm.token()), new)
    } else {
        return None;
    };
    drop(old);
    Some(Ok(()))
}

/// `object.__setattr__` / `__delattr__` (CPython's `PyObject_GenericSetAttr`): a
/// data descriptor on the type handles it (`__set__`/`__delete__`); otherwise
/// the instance `__dict__`.
pub fn generic_setattr(
    vm: &mut Vm,
    obj: &Value,
    name: &ObjRef,
    value: Option<Value>,
) -> PyResult<()> {
    let name_v = Value::Obj(name.clone());
    let ty = obj.type_ref();
    let from_type = ty
        .downcast::<TypeObject>()
        .and_then(|t| t.lookup(vm.token(), &name_v));
    if let Some(d) = &from_type {
        if let (_, Some(set)) = descr_slots(d) {
            return set(vm, d, obj, value);
        }
    }
    if is_class_attr_name(&name_v) {
        return crate::builtins::class_assign::set_class(vm, obj, value);
    }
    if is_dict_attr_name(&name_v) {
        if let Some(r) = set_dict_attr(vm, obj, value.clone()) {
            return r;
        }
    }
    let Some(d) = instance_dict_of(vm.token(), obj) else {
        return Err(no_attribute(vm.token(), obj, &name_v));
    };
    let Some(dict) = d.downcast::<Dict>() else {
        return Err(no_attribute(vm.token(), obj, &name_v));
    };
    match value {
        Some(v) => dict.set(&mut NativeEq(vm.token()), name_v, v),
        None => match dict.pop(&mut NativeEq(vm.token()), &name_v)? {
            Some(_) => Ok(()),
            None => Err(no_attribute(vm.token(), obj, &name_v)),
        },
    }
}
