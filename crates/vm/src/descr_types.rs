//! The descriptor types of builtin types' slot methods and class methods
//! (CPython's `descrobject.c` / `methodobject.c`):
//!
//! - `wrapper_descriptor` (`PyWrapperDescr_Type`): a type's slot method in its
//!   dict, `object.__init__`, `int.__add__`; repr `<slot wrapper '__init__' of
//!   'object' objects>`. Same payload and calling path as `method_descriptor`
//!   ([`MethodDescr`]), so `LOAD_METHOD` treats both alike.
//! - `method-wrapper` (`_PyMethodWrapper_Type`): a slot wrapper bound to an
//!   instance, `(1).__add__`; repr `<method-wrapper '__add__' of int object at
//!   0x...>`. Same payload as `builtin_function_or_method` ([`NativeFunction`]).
//! - `classmethod_descriptor` (`PyClassMethodDescr_Type`): a native class
//!   method in a type's dict, `dict.__dict__['fromkeys']`; repr `<method
//!   'fromkeys' of 'dict' objects>`. Same payload as `classmethod`.
//!
//! Which dunder names are slot wrappers comes from one table,
//! [`SLOT_WRAPPER_NAMES`] (CPython's `slotdefs`), with the few methods CPython
//! defines as ordinary methods beside their slot (`METH_COEXIST`).

use crate::builtins::str::new_str;
use crate::calls::{MethodDescr, NativeFunction};
use crate::descriptors::ClassMethod;
use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Token};
use crate::rt_types::RtTypes;
use crate::types::{type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// The dunder methods CPython 3.11 exposes as slot wrappers (`slotdefs` in
/// `Objects/typeobject.c`).
pub const SLOT_WRAPPER_NAMES: &[&str] = &[
    "__getattribute__",
    "__getattr__",
    "__setattr__",
    "__delattr__",
    "__repr__",
    "__hash__",
    "__call__",
    "__str__",
    "__lt__",
    "__le__",
    "__eq__",
    "__ne__",
    "__gt__",
    "__ge__",
    "__iter__",
    "__next__",
    "__get__",
    "__set__",
    "__delete__",
    "__init__",
    "__del__",
    "__await__",
    "__aiter__",
    "__anext__",
    "__add__",
    "__radd__",
    "__sub__",
    "__rsub__",
    "__mul__",
    "__rmul__",
    "__mod__",
    "__rmod__",
    "__divmod__",
    "__rdivmod__",
    "__pow__",
    "__rpow__",
    "__neg__",
    "__pos__",
    "__abs__",
    "__bool__",
    "__invert__",
    "__lshift__",
    "__rlshift__",
    "__rshift__",
    "__rrshift__",
    "__and__",
    "__rand__",
    "__xor__",
    "__rxor__",
    "__or__",
    "__ror__",
    "__int__",
    "__float__",
    "__iadd__",
    "__isub__",
    "__imul__",
    "__imod__",
    "__ipow__",
    "__ilshift__",
    "__irshift__",
    "__iand__",
    "__ixor__",
    "__ior__",
    "__floordiv__",
    "__rfloordiv__",
    "__truediv__",
    "__rtruediv__",
    "__ifloordiv__",
    "__itruediv__",
    "__index__",
    "__matmul__",
    "__rmatmul__",
    "__imatmul__",
    "__len__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__contains__",
];

/// Methods CPython defines in a type's method table beside the slot
/// (`METH_COEXIST`), so they stay `method_descriptor`s: `(type, name)`.
const COEXISTING_METHODS: &[(&str, &str)] = &[
    ("list", "__getitem__"),
    ("dict", "__getitem__"),
    ("dict", "__contains__"),
    ("set", "__contains__"),
    ("frozenset", "__contains__"),
];

/// Whether method `name` of builtin type `owner` is a slot wrapper
/// (`wrapper_descriptor`) rather than a `method_descriptor`.
pub fn is_slot_wrapper(token: &Token, owner: &ObjRef, name: &str) -> bool {
    if !(name.starts_with("__") && SLOT_WRAPPER_NAMES.contains(&name)) {
        return false;
    }
    let Some(t) = owner.downcast::<TypeObject>() else {
        return false;
    };
    let tname = t.name(token);
    !COEXISTING_METHODS
        .iter()
        .any(|(ty, n)| *n == name && *ty == tname)
}

/// `wrapper_descriptor.__get__`: through an instance, a `method-wrapper`
/// bound to it; through the class, the descriptor itself.
fn wrapper_descr_get(
    vm: &mut Vm,
    descr: &Value,
    obj: Option<&Value>,
    _ty: &ObjRef,
) -> PyResult<Value> {
    crate::calls::bind_method_descr(vm, descr, obj, &crate::rt_types::rt().method_wrapper)
}

/// The `call` slot of `wrapper_descriptor`: `int.__add__(1, 2)`, with
/// CPython's `wrapperdescr_call` messages.
fn wrapper_descr_call(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&ObjRef>,
) -> PyResult<Value> {
    let Some(d) = callable.downcast::<MethodDescr>() else {
        return Err(PyErr::type_error("native call of a non-native method"));
    };
    let npos = args.len() - crate::calls::kwnames_len(vm.token(), kwnames).min(args.len());
    if npos == 0 {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            d.name,
            type_name(vm.token(), &d.owner)
        )));
    }
    let t = args[0].type_ref();
    if !crate::types::is_subtype(vm.token(), &t, &d.owner) {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            d.name,
            type_name(vm.token(), &d.owner),
            type_name(vm.token(), &t)
        )));
    }
    (d.func)(vm, args, kwnames)
}

/// `<slot wrapper '__init__' of 'object' objects>`.
fn wrapper_descr_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(d) = v.downcast::<MethodDescr>() else {
        return Ok(new_str("<slot wrapper>"));
    };
    let owner = type_name(vm.token(), &d.owner);
    Ok(new_str(&format!(
        "<slot wrapper '{}' of '{owner}' objects>",
        d.name
    )))
}

/// `<method-wrapper '__add__' of int object at 0x...>`.
fn method_wrapper_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(f) = v.downcast::<NativeFunction>() else {
        return Ok(new_str("<method-wrapper>"));
    };
    let Some(s) = f.self_.clone() else {
        return Ok(new_str(&format!("<method-wrapper '{}'>", f.name)));
    };
    let tn = type_name(vm.token(), &s.type_ref());
    let id = s.as_obj().map_or(0, ObjRef::id);
    Ok(new_str(&format!(
        "<method-wrapper '{}' of {tn} object at {id:#x}>",
        f.name
    )))
}

/// The type name a native class method belongs to (recorded as its
/// function's `owner` by `methods::add_classmethod`).
fn classmethod_owner(v: &Value) -> (&'static str, &'static str) {
    let f = v.downcast::<ClassMethod>().map(|c| &c.func);
    match f.and_then(|f| f.downcast::<NativeFunction>()) {
        Some(nf) => (nf.name, nf.owner.unwrap_or("?")),
        None => ("?", "?"),
    }
}

/// `<method 'fromkeys' of 'dict' objects>`.
fn classmethod_descr_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (name, owner) = classmethod_owner(v);
    Ok(new_str(&format!("<method '{name}' of '{owner}' objects>")))
}

/// Calling the descriptor itself: `dict.__dict__['fromkeys'](dict, 'ab')`
/// (the first argument is the class).
fn classmethod_descr_call(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&ObjRef>,
) -> PyResult<Value> {
    let (name, owner) = classmethod_owner(callable);
    let npos = args.len() - crate::calls::kwnames_len(vm.token(), kwnames).min(args.len());
    if npos == 0 {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' of '{owner}' object needs an argument"
        )));
    }
    if args[0].downcast::<TypeObject>().is_none() {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' for type '{owner}' needs a type, not a '{}' as arg 2",
            type_name(vm.token(), &args[0].type_ref())
        )));
    }
    let f = callable
        .downcast::<ClassMethod>()
        .map(|c| c.func.clone())
        .unwrap_or_default();
    match f.downcast::<NativeFunction>() {
        Some(nf) => (nf.func)(vm, args, kwnames),
        None => vm.call(&f, args, kwnames),
    }
}

fn slots_of(t: &ObjRef) -> Option<&crate::types::slots::Slots> {
    t.downcast::<TypeObject>().map(|t| &t.slots)
}

/// Fills the slots of the three types (after `method_descriptor`'s,
/// `builtin_function_or_method`'s and `classmethod`'s, which they extend).
pub fn install(r: &RtTypes) {
    if let (Some(w), Some(md)) = (
        slots_of(&r.wrapper_descriptor),
        slots_of(&r.method_descriptor),
    ) {
        w.call.set(Some(wrapper_descr_call));
        w.getattro.set(md.getattro.get());
        w.descr_get.set(Some(wrapper_descr_get));
        w.repr.set(Some(wrapper_descr_repr));
    }
    if let (Some(mw), Some(bf)) = (slots_of(&r.method_wrapper), slots_of(&r.builtin_function)) {
        mw.call.set(bf.call.get());
        mw.getattro.set(bf.getattro.get());
        mw.hash.set(bf.hash.get());
        mw.richcompare.set(bf.richcompare.get());
        mw.repr.set(Some(method_wrapper_repr));
    }
    if let (Some(cd), Some(cm)) = (
        slots_of(&r.classmethod_descriptor),
        slots_of(&r.classmethod),
    ) {
        cd.descr_get.set(cm.descr_get.get());
        cd.getattro.set(cm.getattro.get());
        cd.call.set(Some(classmethod_descr_call));
        cd.repr.set(Some(classmethod_descr_repr));
    }
}
