//! `__slots__` (CPython's `type_new` slot processing and `PyMemberDef`
//! `T_OBJECT_EX` members in `Objects/typeobject.c` / `descrobject.c`): each
//! name becomes a `member_descriptor` in the class that reads and writes one
//! value of the instance part's slot vector; a class whose `__slots__` lacks
//! `'__dict__'` (and whose bases have no `__dict__`) gives its instances none.
//!
//! Slot values are numbered across the class hierarchy: a class's own slots
//! come after its bases' (`TypeObject::instance_slot_count`).

use std::cell::OnceCell;
use std::mem::ManuallyDrop;

use common::str_methods::predicates::isidentifier;

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::str::{intern, new_str, StrObj};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::types::{
    builtin_types, is_subtype, new_native_type, type_name, TypeObject, FLAG_NO_INSTANCE_DICT,
};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of a slot's `member_descriptor`: its (mangled) name, the class
/// that declared it, and the index of its value in the instance part.
pub struct SlotMember {
    /// `__name__`.
    pub name: ObjRef,
    /// `__objclass__`.
    pub owner: ObjRef,
    /// Index into the instance part's slot values.
    pub index: usize,
    /// For a builtin type's member: its native getter, called as
    /// `get(vm, [obj], None)` (else the owner's `getattro` answers).
    pub get: Option<crate::calls::NativeFn>,
}

impl Payload for SlotMember {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, _t: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.name.clone()));
        visit(&Value::Obj(self.owner.clone()));
    }
}

thread_local! {
    /// The `member_descriptor` type of slots, created on first use and never
    /// freed (like the builtin types).
    static SLOT_MEMBER_TYPE: OnceCell<ManuallyDrop<ObjRef>> = const { OnceCell::new() };
}

fn slot_member_type(token: &mut Token) -> ObjRef {
    if let Some(t) = SLOT_MEMBER_TYPE.with(|c| c.get().map(|t| ObjRef::clone(t))) {
        return t;
    }
    let t = new_native_type(token, "member_descriptor", SlotMember::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.slots.descr_get.set(Some(member_get));
        tp.slots.descr_set.set(Some(member_set));
        tp.slots.repr.set(Some(member_repr));
        tp.slots.getattro.set(Some(member_getattro));
    }
    crate::calls::add_method(token, &t, "__get__", member_get_m);
    crate::calls::add_method(token, &t, "__set__", member_set_m);
    crate::calls::add_method(token, &t, "__delete__", member_delete_m);
    SLOT_MEMBER_TYPE.with(|c| {
        let _ = c.set(ManuallyDrop::new(t.clone()));
    });
    t
}

/// The index of a builtin type's own member (`function.__globals__`), whose
/// value the instance type's `getattro` gives.
const NATIVE_MEMBER: usize = usize::MAX;

/// A read-only `member_descriptor` for attribute `name` of builtin type
/// `owner` (CPython's `PyMemberDef` with `READONLY`), read by `get` or, without
/// one, by `owner`'s `getattro`.
pub fn native_member(
    token: &mut Token,
    owner: &ObjRef,
    name: ObjRef,
    get: Option<crate::calls::NativeFn>,
) -> ObjRef {
    let t = slot_member_type(token);
    ObjRef::new(
        &t,
        SlotMember {
            name,
            owner: owner.clone(),
            index: NATIVE_MEMBER,
            get,
        },
    )
}

fn text_of(v: &ObjRef) -> String {
    v.downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Checks that `obj` is an instance of the member's class (CPython's
/// `descr_check`).
fn check_applies(vm: &mut Vm, m: &SlotMember, obj: &Value) -> PyResult<()> {
    let ot = obj.type_ref();
    if is_subtype(vm.token(), &ot, &m.owner) {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        text_of(&m.name),
        type_name(vm.token(), &m.owner),
        type_name(vm.token(), &ot)
    )))
}

fn unset(vm: &mut Vm, m: &SlotMember, obj: &Value) -> PyErr {
    PyErr::new(
        ExcKind::AttributeError,
        format!(
            "'{}' object has no attribute '{}'",
            type_name(vm.token(), &obj.type_ref()),
            text_of(&m.name)
        ),
    )
}

/// `member.__get__(obj, type)`: the slot's value (the descriptor itself through
/// the class); `AttributeError` while unset.
fn member_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, _ty: &ObjRef) -> PyResult<Value> {
    let (Some(obj), Some(m)) = (obj, d.downcast::<SlotMember>()) else {
        return Ok(d.clone());
    };
    check_applies(vm, m, obj)?;
    if let Some(get) = m.get {
        return get(vm, std::slice::from_ref(obj), None);
    }
    if m.index == NATIVE_MEMBER {
        let (owner, name) = (m.owner.clone(), m.name.clone());
        return crate::attr_descr::owner_getattr(vm, &owner, obj, &name);
    }
    let v = obj
        .as_obj()
        .and_then(ObjRef::instance_part)
        .and_then(|i| i.slot(vm.token(), m.index));
    v.ok_or_else(|| unset(vm, m, obj))
}

/// `member.__set__(obj, v)` / `__delete__(obj)`.
fn member_set(vm: &mut Vm, d: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(m) = d.downcast::<SlotMember>() else {
        return Err(PyErr::type_error("member descriptor expected"));
    };
    check_applies(vm, m, obj)?;
    if m.index == NATIVE_MEMBER {
        return Err(PyErr::new(ExcKind::AttributeError, "readonly attribute"));
    }
    let deleting = value.is_none();
    let Some(inst) = obj.as_obj().and_then(ObjRef::instance_part) else {
        return Err(unset(vm, m, obj));
    };
    match inst.set_slot(vm.token(), m.index, value) {
        Ok(None) if deleting => Err(unset(vm, m, obj)),
        Ok(old) => {
            drop(old);
            Ok(())
        }
        Err(()) => Err(unset(vm, m, obj)),
    }
}

/// `member.__get__(obj, type=None)` called as a method.
fn member_get_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::arg_range(vm, "__get__", args, kw, 2, 3)?;
    let ty = match a.get(2).and_then(Value::as_obj) {
        Some(t) => t.clone(),
        None => a[1].type_ref(),
    };
    if a[1].is_none() {
        return Ok(a[0].clone());
    }
    member_get(vm, &a[0], Some(&a[1]), &ty)
}

/// `member.__set__(obj, value)` called as a method.
fn member_set_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__set__", args, kw, 3)?;
    member_set(vm, &a[0], &a[1], Some(a[2].clone()))?;
    Ok(Value::None)
}

/// `member.__delete__(obj)` called as a method.
fn member_delete_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__delete__", args, kw, 2)?;
    member_set(vm, &a[0], &a[1], None)?;
    Ok(Value::None)
}

/// `__name__`, `__qualname__`, `__objclass__`, `__doc__` of a member.
fn member_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    if let Some(m) = obj.downcast::<SlotMember>() {
        match name.downcast::<StrObj>().and_then(StrObj::as_str) {
            Some("__name__") => return Ok(Value::Obj(m.name.clone())),
            Some("__qualname__") => {
                let owner = type_name(vm.token(), &m.owner);
                return Ok(new_str(&format!("{owner}.{}", text_of(&m.name))));
            }
            Some("__objclass__") => return Ok(Value::Obj(m.owner.clone())),
            Some("__doc__") => return Ok(Value::None),
            _ => {}
        }
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}

/// `<member 'NAME' of 'TYPE' objects>`.
fn member_repr(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let Some(m) = d.downcast::<SlotMember>() else {
        return Ok(new_str("<member>"));
    };
    let owner = type_name(vm.token(), &m.owner);
    Ok(new_str(&format!(
        "<member '{}' of '{owner}' objects>",
        text_of(&m.name)
    )))
}

/// Whether instances of the base `b` have a `__dict__` (CPython: a non-zero
/// `tp_dictoffset`).
pub(crate) fn base_has_dict(token: &Token, b: &ObjRef) -> bool {
    let Some(t) = b.downcast::<TypeObject>() else {
        return false;
    };
    if t.is_builtin() {
        // Builtins whose own payload carries a dict.
        let exc = crate::exceptions::exc_class(ExcKind::BaseException);
        let rt = crate::rt_types::rt();
        return is_subtype(token, b, &exc)
            || is_subtype(token, b, &rt.module)
            || is_subtype(token, b, &builtin_types().type_)
            || is_subtype(token, b, &rt.function);
    }
    t.has_instance_dict()
}

/// Processes the `__slots__` entry of a new class's namespace `ns` (after the
/// namespace was copied into `cls`): CPython's checks and messages, a
/// `member_descriptor` per slot, and no `__dict__` unless listed or inherited.
pub fn apply(vm: &mut Vm, cls: &ObjRef, ns: &Dict) -> PyResult<()> {
    let key = Value::Obj(intern(vm.token(), "__slots__"));
    let Some(spec) = ns.get_str(vm.token(), &key) else {
        return Ok(());
    };
    let names = if spec.downcast::<StrObj>().is_some() {
        vec![spec]
    } else {
        vm.sequence_to_vec(&spec)?
    };
    let Some(t) = cls.downcast::<TypeObject>() else {
        return Ok(());
    };
    let bases = t.bases(vm.token());
    let inherits_dict = bases.iter().any(|b| base_has_dict(vm.token(), b));
    let class_name = t.name(vm.token());
    let mut wants_dict = false;
    let mut slot_names: Vec<String> = Vec::new();
    for n in &names {
        let Some(s) = n.downcast::<StrObj>() else {
            return Err(PyErr::type_error(format!(
                "__slots__ items must be strings, not '{}'",
                type_name(vm.token(), &n.type_ref())
            )));
        };
        if !isidentifier(s.text()) {
            return Err(PyErr::type_error("__slots__ must be identifiers"));
        }
        let text = s.text().to_string_lossy().into_owned();
        match text.as_str() {
            "__dict__" => {
                if inherits_dict || wants_dict {
                    return Err(PyErr::type_error(
                        "__dict__ slot disallowed: we already got one",
                    ));
                }
                wants_dict = true;
            }
            // Weak references need no storage here (see the weakref module).
            "__weakref__" => {}
            _ => {
                let mangled = compiler::symtable::mangle(Some(&class_name), &text).into_owned();
                let k = Value::Obj(intern(vm.token(), &mangled));
                if ns.get_str(vm.token(), &k).is_some() {
                    return Err(PyErr::value_error(format!(
                        "'{text}' in __slots__ conflicts with class variable"
                    )));
                }
                slot_names.push(mangled);
            }
        }
    }
    // Payloads without an instance part (exception subclasses...) keep their
    // dict and store slot names there, like ordinary attributes.
    if t.layout().has_instance_part() {
        let first = t.instance_slot_count();
        let member_type = slot_member_type(vm.token());
        for (i, n) in slot_names.iter().enumerate() {
            let name = intern(vm.token(), n);
            let d = ObjRef::new(
                &member_type,
                SlotMember {
                    name: name.clone(),
                    owner: cls.clone(),
                    index: first + i,
                    get: None,
                },
            );
            t.dict
                .set(&mut NativeEq(vm.token()), Value::Obj(name), Value::Obj(d))?;
        }
        t.set_instance_slot_count(first + slot_names.len());
        if !wants_dict && !inherits_dict {
            t.add_flags(FLAG_NO_INSTANCE_DICT);
        }
    }
    Ok(())
}

/// The slot names of `ty` and its bases, in storage order (for `__class__`
/// assignment's "same slots" check).
fn slot_layout_names(vm: &mut Vm, ty: &ObjRef) -> Vec<(usize, Vec<u8>)> {
    let Some(t) = ty.downcast::<TypeObject>() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in t.mro(vm.token()).iter() {
        let Some(ct) = c.downcast::<TypeObject>() else {
            continue;
        };
        for (_, v) in ct.dict.items(vm.token()) {
            if let Some(m) = v.downcast::<SlotMember>() {
                if m.owner.is(c) {
                    let n = m.name.downcast::<StrObj>().map(|s| s.as_bytes().to_vec());
                    out.push((m.index, n.unwrap_or_default()));
                }
            }
        }
    }
    out.sort();
    out
}

/// Whether `a` and `b` store the same slots (CPython's `same_slots_added`).
pub fn same_slot_names(vm: &mut Vm, a: &ObjRef, b: &ObjRef) -> bool {
    slot_layout_names(vm, a) == slot_layout_names(vm, b)
}
