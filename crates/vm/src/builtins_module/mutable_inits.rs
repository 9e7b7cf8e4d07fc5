//! `list.__init__`, `set.__init__` and `dict.__init__`: re-initialising an
//! existing instance, which is what a subclass's `super().__init__(...)`
//! reaches (CPython's `list___init___impl`, `set_init`, `dict_init`).
//! `type.__call__` gives a mutable builtin's arguments to these when the
//! class defines its own `__init__` (the native constructor then gets none).

use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::set::Set;
use crate::calls::{add_method, arg_range};
use crate::error::{PyErr, PyResult};
use crate::methods::bytes::BytesObj;
use crate::object::ObjRef;
use crate::types::{builtin_types, type_name};
use crate::value::Value;
use crate::vm::Vm;

/// The receiver of a slot-wrapper `__init__`, checked as CPython's
/// `wrapperdescr_call` does.
fn receiver<'a>(vm: &mut Vm, args: &'a [Value], owner: &ObjRef) -> PyResult<&'a Value> {
    let oname = type_name(vm.token(), owner);
    let Some(obj) = args.first() else {
        return Err(PyErr::type_error(format!(
            "descriptor '__init__' of '{oname}' object needs an argument"
        )));
    };
    if !crate::types::is_subtype(vm.token(), &obj.type_ref(), owner) {
        return Err(PyErr::type_error(format!(
            "descriptor '__init__' requires a '{oname}' object but received a '{}'",
            type_name(vm.token(), &obj.type_ref())
        )));
    }
    Ok(obj)
}

/// `list.__init__(self, iterable=(), /)`: clears, then extends.
fn list_init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let owner = builtin_types().list.clone();
    let obj = receiver(vm, args, &owner)?.clone();
    let a = arg_range(vm, "list", &args[1..], kw, 0, 1)?;
    let Some(l) = obj.downcast::<List>() else {
        return Err(PyErr::type_error("list.__init__ on a non-list"));
    };
    // Cleared first, as CPython does: `l.__init__(l)` leaves `l` empty.
    drop(l.replace_all(vm.token(), Vec::new()));
    if let Some(src) = a.first() {
        let items = vm.sequence_to_vec(src)?;
        drop(l.replace_all(vm.token(), items));
    }
    Ok(Value::None)
}

/// `set.__init__(self, iterable=(), /)`: clears, then updates.
fn set_init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let owner = crate::rt_types::rt().set.clone();
    let obj = receiver(vm, args, &owner)?.clone();
    let a = arg_range(vm, "set", &args[1..], kw, 0, 1)?;
    let Some(s) = obj.downcast::<Set>() else {
        return Err(PyErr::type_error("set.__init__ on a non-set"));
    };
    s.clear(vm.token());
    if let Some(src) = a.first() {
        crate::builtins::set_algo::update_internal(vm, s, src)?;
    }
    Ok(Value::None)
}

/// `dict.__init__(self, mapping_or_pairs=(), /, **kwargs)`: updates without
/// clearing (CPython's `dict_update_common`).
fn dict_init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let owner = builtin_types().dict.clone();
    let obj = receiver(vm, args, &owner)?;
    if obj.downcast::<Dict>().is_none() {
        return Err(PyErr::type_error("dict.__init__ on a non-dict"));
    }
    let npos = args
        .len()
        .saturating_sub(crate::calls::kwnames_len(vm.token(), kw));
    if npos > 2 {
        return Err(PyErr::type_error(format!(
            "dict expected at most 1 argument, got {}",
            npos - 1
        )));
    }
    super::methods::dict_update(vm, args, kw)
}

/// `bytearray.__init__(self, source=b'', encoding=..., errors=...)`: the
/// contents replaced by what `bytearray(...)` would hold; a resize while a
/// memoryview exports the buffer is CPython's `BufferError`.
fn bytearray_init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(owner) = crate::methods::bytes::bytearray_type() else {
        return Err(PyErr::type_error("bytearray type missing"));
    };
    let obj = receiver(vm, args, &owner)?.clone();
    let Some((ctor, _, _)) = crate::class::find_ctor(vm, &owner) else {
        return Err(PyErr::type_error("bytearray constructor missing"));
    };
    let fresh = ctor(vm, &owner, &args[1..], kw)?;
    let (Some(me), Some(src)) = (obj.downcast::<BytesObj>(), fresh.downcast::<BytesObj>()) else {
        return Err(PyErr::type_error("bytearray.__init__ on a non-bytearray"));
    };
    let data = std::mem::take(src.data.borrow_mut(vm.token()));
    if me.exports.get() > 0 && !(me.data.borrow(vm.token()).is_empty() && data.is_empty()) {
        return Err(PyErr::new(
            crate::error::ExcKind::BufferError,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    *me.data.borrow_mut(vm.token()) = data;
    Ok(Value::None)
}

/// Adds the `__init__` methods of the mutable builtin containers.
pub fn install(vm: &mut Vm) {
    let b = builtin_types();
    let set = crate::rt_types::rt().set.clone();
    add_method(vm.token(), &b.list, "__init__", list_init);
    add_method(vm.token(), &set, "__init__", set_init);
    add_method(vm.token(), &b.dict, "__init__", dict_init);
    if let Some(ba) = crate::methods::bytes::bytearray_type() {
        add_method(vm.token(), &ba, "__init__", bytearray_init);
    }
}
