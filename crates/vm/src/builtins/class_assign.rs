//! `obj.__class__ = C` (CPython's `object_set_class` and
//! `compatible_for_assignment` in `Objects/typeobject.c`): allowed between
//! classes whose instances have the same memory layout (same payload, same
//! `__slots__`, both with or both without `__dict__`), never for instances of
//! builtin (immutable) types unless both are module subclasses.

use crate::error::{PyErr, PyResult};
use crate::types::{is_subtype, type_name, TypeObject, FLAG_IMMUTABLE};
use crate::value::Value;
use crate::vm::Vm;

fn is_immutable(t: &TypeObject) -> bool {
    t.is_builtin() || t.flags() & FLAG_IMMUTABLE != 0
}

/// Sets (`Some`) or deletes (`None`) `obj.__class__`, with CPython's checks and
/// messages.
pub fn set_class(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(PyErr::type_error("can't delete __class__ attribute"));
    };
    let Some(new_t) = value.downcast::<TypeObject>() else {
        return Err(PyErr::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            type_name(vm.token(), &value.type_ref())
        )));
    };
    let Some(new_ty) = value.as_obj() else {
        return Err(PyErr::type_error("__class__ must be set to a class"));
    };
    let old_ty = obj.type_ref();
    let Some(old_t) = old_ty.downcast::<TypeObject>() else {
        return Err(PyErr::type_error("__class__ of a non-object"));
    };
    let module = &crate::rt_types::rt().module;
    let both_modules =
        is_subtype(vm.token(), new_ty, module) && is_subtype(vm.token(), &old_ty, module);
    let inline = !matches!(obj, Value::Obj(_));
    if inline || (!both_modules && (is_immutable(new_t) || is_immutable(old_t))) {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    let compatible = std::ptr::eq(new_t.layout(), old_t.layout())
        && new_t.instance_slot_count() == old_t.instance_slot_count()
        && new_t.has_instance_dict() == old_t.has_instance_dict()
        && crate::builtins::slots_layout::same_slot_names(vm, new_ty, &old_ty);
    let ok = compatible && obj.as_obj().is_some_and(|o| o.set_type(new_ty));
    if !ok {
        return Err(PyErr::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new_t.name(vm.token()),
            old_t.name(vm.token())
        )));
    }
    Ok(())
}
