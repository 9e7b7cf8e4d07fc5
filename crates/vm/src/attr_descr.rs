//! `getset_descriptor` (CPython's `descrobject.c`), and the builtin types'
//! `member_descriptor`s (made by `slots_layout`, whose type they share): the
//! objects a builtin type's dict holds for its special attributes, so that class
//! access (`types.FunctionType.__code__`, what `types.py` reads to name
//! `GetSetDescriptorType`/`MemberDescriptorType`) finds a descriptor. A native
//! getset (`int.real`, `object.__class__`, a class's `__dict__`) carries its
//! getter and setter ([`new_getset`]); the others (a function's `__code__`)
//! leave instance access to the instance type's `getattro` slot, which their
//! `__get__` asks for the attribute. Getsets are data descriptors, as in
//! CPython: assignment goes to the setter or fails with "attribute 'real' of
//! 'int' objects is not writable".

use std::cell::OnceCell;
use std::mem::ManuallyDrop;

use crate::builtins::str::{intern, new_str, StrObj};
use crate::calls::NativeFn;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::types::{type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// A native setter: sets (`Some`) or deletes (`None`) the attribute of `obj`.
pub type SetterFn = fn(&mut Vm, &Value, Option<Value>) -> PyResult<()>;

/// The payload of a `getset_descriptor`: the attribute's name and owner type,
/// and for a native getset (CPython's `PyGetSetDef`) its getter and setter.
pub struct AttrDescr {
    /// `__name__`.
    pub name: ObjRef,
    /// `__objclass__`.
    pub owner: ObjRef,
    /// The getter, called as `get(vm, [obj], None)`; without one, the
    /// instance's own `getattro` answers.
    pub get: Option<NativeFn>,
    /// The setter; without one the attribute is read-only.
    pub set: Option<SetterFn>,
}

impl Payload for AttrDescr {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, _t: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.name.clone()));
        visit(&Value::Obj(self.owner.clone()));
    }
}

thread_local! {
    /// This thread's `getset_descriptor` type (made by [`create`], never
    /// freed, like the builtin types).
    static GETSET_TYPE: OnceCell<ManuallyDrop<ObjRef>> = const { OnceCell::new() };
}

/// The `getset_descriptor` type (made on first use).
pub fn create(token: &mut Token) -> ObjRef {
    if let Some(t) = GETSET_TYPE.with(|c| c.get().map(|t| ObjRef::clone(t))) {
        return t;
    }
    let getset = crate::types::new_native_type(token, "getset_descriptor", AttrDescr::LAYOUT, None);
    if let Some(s) = getset.downcast::<TypeObject>().map(|t| &t.slots) {
        s.descr_get.set(Some(descr_get));
        s.descr_set.set(Some(descr_set));
        s.repr.set(Some(descr_repr));
        s.getattro.set(Some(descr_getattro));
    }
    GETSET_TYPE.with(|c| {
        let _ = c.set(ManuallyDrop::new(getset.clone()));
    });
    getset
}

fn name_text(a: &AttrDescr) -> String {
    a.name
        .downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// CPython's `descr_check`: the descriptor applies to instances of its owner.
fn check_applies(vm: &mut Vm, a: &AttrDescr, obj: &Value) -> PyResult<()> {
    let ot = obj.type_ref();
    if crate::types::is_subtype(vm.token(), &ot, &a.owner) {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        name_text(a),
        type_name(vm.token(), &a.owner),
        type_name(vm.token(), &ot)
    )))
}

/// `descr.__get__(obj, type)`: itself through the class, else the getter's
/// value (or the attribute as `obj`'s type's `getattro` gives it).
fn descr_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, _ty: &ObjRef) -> PyResult<Value> {
    let (Some(obj), Some(a)) = (obj, d.downcast::<AttrDescr>()) else {
        return Ok(d.clone());
    };
    check_applies(vm, a, obj)?;
    if let Some(get) = a.get {
        return get(vm, std::slice::from_ref(obj), None);
    }
    let (owner, name) = (a.owner.clone(), a.name.clone());
    owner_getattr(vm, &owner, obj, &name)
}

/// The attribute as builtin type `owner`'s own `getattro` slot gives it (not
/// the instance type's, which a subclass's `__getattr__` may have replaced);
/// `AttributeError` when that slot is the generic one (which would find this
/// descriptor again).
pub fn owner_getattr(vm: &mut Vm, owner: &ObjRef, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    let own = owner
        .downcast::<TypeObject>()
        .and_then(|t| t.slots.getattro.get())
        .filter(|f| {
            !std::ptr::fn_addr_eq(
                *f,
                crate::builtins::object::generic_getattr as crate::types::slots::GetAttroFn,
            )
        });
    match own {
        Some(f) => f(vm, obj, name),
        None => Err(PyErr::new(
            ExcKind::AttributeError,
            format!(
                "'{}' object has no attribute '{}'",
                type_name(vm.token(), &obj.type_ref()),
                name.downcast::<StrObj>()
                    .map(|s| s.text().to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
        )),
    }
}

/// `descr.__set__(obj, v)` / `__delete__(obj)`: the setter, else CPython's
/// "attribute 'real' of 'int' objects is not writable". A descriptor without
/// a getter defers to its builtin owner's own `setattro`.
fn descr_set(vm: &mut Vm, d: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(a) = d.downcast::<AttrDescr>() else {
        return Err(PyErr::type_error("descriptor expected"));
    };
    check_applies(vm, a, obj)?;
    if let Some(set) = a.set {
        return set(vm, obj, value);
    }
    if a.get.is_none() {
        let own = a
            .owner
            .downcast::<TypeObject>()
            .and_then(|t| t.slots.setattro.get())
            .filter(|f| {
                !std::ptr::fn_addr_eq(
                    *f,
                    crate::builtins::object::generic_setattr as crate::types::slots::SetAttroFn,
                )
            });
        if let Some(f) = own {
            let name = a.name.clone();
            return f(vm, obj, &name, value);
        }
    }
    Err(PyErr::new(
        ExcKind::AttributeError,
        format!(
            "attribute '{}' of '{}' objects is not writable",
            name_text(a),
            type_name(vm.token(), &a.owner)
        ),
    ))
}

/// `__name__`, `__qualname__`, `__objclass__`, `__doc__` of a descriptor.
fn descr_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    if let Some(a) = obj.downcast::<AttrDescr>() {
        match name.downcast::<StrObj>().and_then(StrObj::as_str) {
            Some("__name__") => return Ok(Value::Obj(a.name.clone())),
            Some("__qualname__") => {
                let q = format!("{}.{}", type_name(vm.token(), &a.owner), name_text(a));
                return Ok(new_str(&q));
            }
            Some("__objclass__") => return Ok(Value::Obj(a.owner.clone())),
            Some("__doc__") => return Ok(Value::None),
            _ => {}
        }
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}

/// `<attribute 'NAME' of 'TYPE' objects>`.
fn descr_repr(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let Some(a) = d.downcast::<AttrDescr>() else {
        return Ok(new_str("<descriptor>"));
    };
    let owner = type_name(vm.token(), &a.owner);
    Ok(new_str(&format!(
        "<attribute '{}' of '{owner}' objects>",
        name_text(a)
    )))
}

/// Puts a `getset_descriptor` for each of `getsets` and a `member_descriptor`
/// for each of `members` in builtin type `ty`'s dict (names already there are
/// left alone); instance access stays with `ty`'s `getattro`.
pub fn install(token: &mut Token, ty: &ObjRef, getsets: &[&str], members: &[&str]) {
    let Some(t) = ty.downcast::<TypeObject>() else {
        return;
    };
    let getset = create(token);
    for n in getsets.iter().chain(members) {
        let name = intern(token, n);
        let key = Value::Obj(name.clone());
        if t.dict.get_str(token, &key).is_some() {
            continue;
        }
        let d = if members.contains(n) {
            crate::builtins::slots_layout::native_member(token, ty, name, None)
        } else {
            ObjRef::new(
                &getset,
                AttrDescr {
                    name,
                    owner: ty.clone(),
                    get: None,
                    set: None,
                },
            )
        };
        let _ = t.dict.set(
            &mut crate::builtins::dict::NativeEq(token),
            key,
            Value::Obj(d),
        );
    }
    crate::types::type_modified(token, ty);
}

/// A new `getset_descriptor` for attribute `name` of `owner`.
pub fn new_getset(
    token: &mut Token,
    owner: &ObjRef,
    name: &str,
    get: NativeFn,
    set: Option<SetterFn>,
) -> Value {
    let getset = create(token);
    let name = intern(token, name);
    Value::Obj(ObjRef::new(
        &getset,
        AttrDescr {
            name,
            owner: owner.clone(),
            get: Some(get),
            set,
        },
    ))
}
