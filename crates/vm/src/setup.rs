//! Wires the runtime types' slots (CPython fills these statically in each
//! `Py*_Type`): calls, descriptor binding, reprs.

use crate::calls::{method_descr_call, method_descr_get, native_function_call};
use crate::object::Token;
use crate::rt_types::RtTypes;
use crate::types::TypeObject;

fn ty(t: &crate::object::ObjRef) -> Option<&TypeObject> {
    t.downcast::<TypeObject>()
}

/// Fills the slots of the runtime types.
pub fn install(token: &mut Token, r: &RtTypes) {
    crate::descriptors::install_methods(token, &r.property);
    if let Some(t) = ty(&r.builtin_function) {
        t.slots.call.set(Some(native_function_call));
        t.slots
            .repr
            .set(Some(crate::callable::native_function_repr));
    }
    if let Some(t) = ty(&r.method_descriptor) {
        t.slots.call.set(Some(method_descr_call));
        t.slots.descr_get.set(Some(method_descr_get));
        t.slots.repr.set(Some(crate::callable::method_descr_repr));
    }
    if let Some(t) = ty(&r.function) {
        t.slots.call.set(Some(crate::callable::function_call));
        t.slots
            .descr_get
            .set(Some(crate::callable::function_descr_get));
        t.slots.repr.set(Some(crate::callable::function_repr));
        t.slots
            .getattro
            .set(Some(crate::callable::function_getattro));
        t.slots
            .setattro
            .set(Some(crate::callable::function_setattro));
    }
    if let Some(t) = ty(&r.method) {
        t.slots.call.set(Some(crate::callable::bound_method_call));
        t.slots.repr.set(Some(crate::callable::bound_method_repr));
        t.slots
            .getattro
            .set(Some(crate::callable::bound_method_getattro));
    }
    if let Some(t) = ty(&r.module) {
        t.slots.getattro.set(Some(crate::callable::module_getattro));
        t.slots.setattro.set(Some(crate::callable::module_setattro));
        t.slots.repr.set(Some(crate::callable::module_repr));
    }
    if let Some(t) = ty(&r.ellipsis_type) {
        t.slots
            .repr
            .set(Some(|_, _| Ok(crate::builtins::str::new_str("Ellipsis"))));
    }
    if let Some(t) = ty(&r.not_implemented_type) {
        t.slots.repr.set(Some(|_, _| {
            Ok(crate::builtins::str::new_str("NotImplemented"))
        }));
    }
    // Class-level descriptors for the function attributes that don't collide with
    // the type's own (`types.py` names GetSetDescriptorType/MemberDescriptorType
    // from `FunctionType.__code__`/`__globals__`).
    crate::attr_descr::install(
        token,
        &r.function,
        &["__code__", "__defaults__", "__kwdefaults__"],
        &["__closure__", "__globals__", "__builtins__"],
    );
    crate::frameobj::install(token, &r.frame);
    crate::codeattrs::install(token, &r.code);
    if let Some(t) = ty(&r.traceback) {
        t.slots
            .getattro
            .set(Some(crate::exceptions::traceback_getattro));
    }
    if let Some(t) = ty(&r.range) {
        t.slots.iter.set(Some(crate::builtins::range::range_iter));
        t.slots.repr.set(Some(crate::builtins::range::range_repr));
        t.slots.len.set(Some(crate::builtins::range::range_len));
    }
    if let Some(t) = ty(&r.set) {
        t.slots.repr.set(Some(crate::builtins::set::set_repr));
        t.slots.len.set(Some(crate::builtins::set::set_len));
        t.slots
            .hash
            .set(Some(crate::types::builtin::hash_not_implemented));
        t.slots
            .richcompare
            .set(Some(crate::builtins::set::set_richcompare));
        t.slots.iter.set(Some(crate::builtins::set::set_iter));
    }
    if let Some(t) = ty(&crate::types::builtin_types().type_) {
        t.slots.call.set(Some(crate::class::type_call));
        t.slots.getattro.set(Some(crate::class::type_getattro));
    }
    crate::native_attrs::install();
    crate::descr_types::install(r);
}
