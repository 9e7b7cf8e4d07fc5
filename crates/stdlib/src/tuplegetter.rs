//! `_collections._tuplegetter(index, doc)` (CPython's `tuplegetter` in
//! `Modules/_collectionsmodule.c`): the read-only field descriptors of
//! `collections.namedtuple` classes. `obj.x` is `obj[index]` for a tuple,
//! setting or deleting raises "can't set attribute" / "can't delete attribute".

use vm::builtins::str::StrObj;
use vm::builtins::tuple::Tuple;
use vm::class::register_ctor;
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::types::{new_native_type, TypeObject};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{set_attr, tname};

/// The payload of a `_tuplegetter`: the field's index and its `__doc__`.
pub struct TupleGetter {
    index: usize,
    doc: PyCell<Value>,
}

impl Payload for TupleGetter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, t: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(self.doc.borrow(t));
    }
}

/// `_tuplegetter(index, doc)`.
fn tuplegetter_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    vm::calls::no_kwargs(vm, "_tuplegetter", kw)?;
    let [index, doc] = args else {
        return Err(PyErr::type_error(format!(
            "_tuplegetter expected 2 arguments, got {}",
            args.len()
        )));
    };
    let i = vm.index_isize(index)?;
    let index =
        usize::try_from(i).map_err(|_| PyErr::new(ExcKind::IndexError, "index out of range"))?;
    Ok(Value::Obj(ObjRef::new(
        cls,
        TupleGetter {
            index,
            doc: PyCell::new(doc.clone()),
        },
    )))
}

/// `__get__`: the descriptor through the class, `obj[index]` through a tuple.
fn tuplegetter_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, _ty: &ObjRef) -> PyResult<Value> {
    let (Some(obj), Some(g)) = (obj, d.downcast::<TupleGetter>()) else {
        return Ok(d.clone());
    };
    let Some(t) = obj.downcast::<Tuple>() else {
        let name = tname(vm, obj);
        return Err(PyErr::type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{name}' object",
            g.index
        )));
    };
    t.get(vm.token(), g.index)
        .ok_or_else(|| PyErr::new(ExcKind::IndexError, "tuple index out of range"))
}

/// `__set__` / `__delete__`: always refused.
fn tuplegetter_set(_vm: &mut Vm, _d: &Value, _obj: &Value, v: Option<Value>) -> PyResult<()> {
    Err(PyErr::new(
        ExcKind::AttributeError,
        if v.is_some() {
            "can't set attribute"
        } else {
            "can't delete attribute"
        },
    ))
}

fn attr_name(name: &ObjRef) -> &str {
    name.downcast::<StrObj>()
        .and_then(StrObj::as_str)
        .unwrap_or("")
}

/// `__doc__` (readable and writable), then the generic lookup.
fn tuplegetter_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    if let (Some(g), "__doc__") = (obj.downcast::<TupleGetter>(), attr_name(name)) {
        return Ok(g.doc.borrow(vm.token()).clone());
    }
    vm::builtins::object::generic_getattr(vm, obj, name)
}

fn tuplegetter_setattro(
    vm: &mut Vm,
    obj: &Value,
    name: &ObjRef,
    value: Option<Value>,
) -> PyResult<()> {
    if let (Some(g), "__doc__") = (obj.downcast::<TupleGetter>(), attr_name(name)) {
        *g.doc.borrow_mut(vm.token()) = value.unwrap_or(Value::None);
        return Ok(());
    }
    vm::builtins::object::generic_setattr(vm, obj, name, value)
}

/// Adds `_tuplegetter` to module `m` (`_collections`).
pub fn install(vm: &mut Vm, m: &ObjRef) {
    let t = new_native_type(vm.token(), "_tuplegetter", TupleGetter::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "_collections");
        tp.slots.descr_get.set(Some(tuplegetter_get));
        tp.slots.descr_set.set(Some(tuplegetter_set));
        tp.slots.getattro.set(Some(tuplegetter_getattro));
        tp.slots.setattro.set(Some(tuplegetter_setattro));
    }
    register_ctor(&t, tuplegetter_new, false);
    set_attr(vm, m, "_tuplegetter", Value::Obj(t));
}
