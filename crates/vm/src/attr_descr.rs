//! `getset_descriptor` and `member_descriptor` (CPython's `descrobject.c`): the
//! objects a builtin type's dict holds for its special attributes, so that class
//! access (`types.FunctionType.__code__`, what `types.py` reads to name
//! `GetSetDescriptorType`/`MemberDescriptorType`) finds a descriptor. Instance
//! access keeps going through the type's `getattro` slot; a descriptor's `__get__`
//! with an instance asks that slot for the attribute.

use crate::builtins::str::{intern, new_str, StrObj};
use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::types::{type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of both descriptor types: the attribute's name and owner type.
pub struct AttrDescr {
    /// `__name__`.
    pub name: ObjRef,
    /// `__objclass__`.
    pub owner: ObjRef,
}

impl Payload for AttrDescr {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, _t: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.name.clone()));
        visit(&Value::Obj(self.owner.clone()));
    }
}

/// The two descriptor types, made once per thread.
pub struct AttrDescrTypes {
    /// `getset_descriptor`.
    pub getset: ObjRef,
    /// `member_descriptor`.
    pub member: ObjRef,
}

/// Creates `getset_descriptor` and `member_descriptor`.
pub fn create(token: &mut Token) -> AttrDescrTypes {
    let getset = crate::types::new_native_type(token, "getset_descriptor", AttrDescr::LAYOUT, None);
    let member = crate::types::new_native_type(token, "member_descriptor", AttrDescr::LAYOUT, None);
    for t in [&getset, &member] {
        if let Some(s) = t.downcast::<TypeObject>().map(|t| &t.slots) {
            s.descr_get.set(Some(descr_get));
            s.repr.set(Some(descr_repr));
        }
    }
    AttrDescrTypes { getset, member }
}

/// `descr.__get__(obj, type)`: itself through the class, else the attribute of
/// `obj` as its type's `getattro` gives it.
fn descr_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, _ty: &ObjRef) -> PyResult<Value> {
    let (Some(obj), Some(a)) = (obj, d.downcast::<AttrDescr>()) else {
        return Ok(d.clone());
    };
    let name = a.name.clone();
    let owner = a.owner.clone();
    let ot = obj.type_ref();
    if !crate::types::is_subtype(vm.token(), &ot, &owner) {
        let n = name
            .downcast::<StrObj>()
            .map(|s| s.text().to_string_lossy().into_owned())
            .unwrap_or_default();
        return Err(PyErr::type_error(format!(
            "descriptor '{n}' for '{}' objects doesn't apply to a '{}' object",
            type_name(vm.token(), &owner),
            type_name(vm.token(), &ot)
        )));
    }
    vm.getattr(obj, &name)
}

/// `<attribute 'NAME' of 'TYPE' objects>` / `<member 'NAME' of 'TYPE' objects>`.
fn descr_repr(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let Some(a) = d.downcast::<AttrDescr>() else {
        return Ok(new_str("<descriptor>"));
    };
    let kind = if type_name(vm.token(), &d.type_ref()) == "member_descriptor" {
        "member"
    } else {
        "attribute"
    };
    let n = a
        .name
        .downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
        .unwrap_or_default();
    let owner = type_name(vm.token(), &a.owner);
    Ok(new_str(&format!("<{kind} '{n}' of '{owner}' objects>")))
}

/// Puts descriptors for `getsets` and `members` in `ty`'s dict (names already
/// there are left alone).
pub fn install(
    token: &mut Token,
    types: &AttrDescrTypes,
    ty: &ObjRef,
    getsets: &[&str],
    members: &[&str],
) {
    let Some(t) = ty.downcast::<TypeObject>() else {
        return;
    };
    for (names, dty) in [(getsets, &types.getset), (members, &types.member)] {
        for n in names {
            let name = intern(token, n);
            let key = Value::Obj(name.clone());
            if t.dict.get_str(token, &key).is_some() {
                continue;
            }
            let d = ObjRef::new(
                dty,
                AttrDescr {
                    name,
                    owner: ty.clone(),
                },
            );
            let _ = t.dict.set(
                &mut crate::builtins::dict::NativeEq(token),
                key,
                Value::Obj(d),
            );
        }
    }
    crate::types::type_modified(token, ty);
}
