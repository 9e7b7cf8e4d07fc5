//! `types.UnionType` (CPython's `Objects/unionobject.c`): `int | str`,
//! `X | None`, with `__args__`, the `int | str` repr, and `isinstance` /
//! `issubclass` support.

use std::cell::RefCell;

use crate::builtins::str::{new_str, StrObj};
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::types::{builtin_types, new_native_type, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of a `types.UnionType`.
pub struct UnionObj {
    /// `__args__` (a tuple of at least two members).
    pub args: Value,
}

impl Payload for UnionObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.args);
    }
}

thread_local! {
    static TYPE: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

fn union_type(token: &mut Token) -> ObjRef {
    if let Some(t) = TYPE.with(|t| t.borrow().clone()) {
        return t;
    }
    let t = new_native_type(token, "UnionType", UnionObj::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.set_module(token, "types");
        tp.slots.repr.set(Some(union_repr));
        tp.slots.getattro.set(Some(union_getattro));
        tp.number.or.set(Some(union_or));
    }
    TYPE.with(|c| *c.borrow_mut() = Some(t.clone()));
    t
}

/// The members of a union operand, or `None` when it can't be one.
fn members(vm: &mut Vm, v: &Value) -> Option<Vec<Value>> {
    if let Some(u) = v.downcast::<UnionObj>() {
        return u
            .args
            .downcast::<Tuple>()
            .map(|t| t.items(vm.token()).to_vec());
    }
    if v.is_none() {
        return Some(vec![Value::Obj(builtin_types().none_type.clone())]);
    }
    if v.downcast::<TypeObject>().is_some()
        || v.downcast::<crate::generic_alias::GenericAlias>().is_some()
    {
        return Some(vec![v.clone()]);
    }
    None
}

/// `a | b` for classes, `None`, generic aliases and unions (the `nb_or` of
/// `type` and of `UnionType`); `None` (NotImplemented) for other operands.
pub fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (members(vm, a), members(vm, b)) else {
        return Ok(None);
    };
    let mut all: Vec<Value> = Vec::new();
    for m in x.into_iter().chain(y) {
        if !all.iter().any(|e| e.is(&m)) {
            all.push(m);
        }
    }
    if all.len() == 1 {
        return Ok(all.pop());
    }
    let t = union_type(vm.token());
    Ok(Some(Value::Obj(ObjRef::new(
        &t,
        UnionObj {
            args: Value::Obj(Tuple::alloc(all)),
        },
    ))))
}

fn union_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items = union_args(vm, v).unwrap_or_default();
    let none = Value::Obj(builtin_types().none_type.clone());
    let mut parts = Vec::new();
    for i in &items {
        if i.is(&none) {
            parts.push("None".to_owned());
        } else {
            parts.push(crate::generic_alias::item_repr(vm, i)?);
        }
    }
    Ok(new_str(&parts.join(" | ")))
}

fn union_getattro(vm: &mut Vm, v: &Value, name: &ObjRef) -> PyResult<Value> {
    if let Some(u) = v.downcast::<UnionObj>() {
        let n = name
            .downcast::<StrObj>()
            .and_then(StrObj::as_str)
            .unwrap_or("");
        match n {
            "__args__" => return Ok(u.args.clone()),
            "__parameters__" => return Ok(Value::Obj(Tuple::alloc(vec![]))),
            _ => {}
        }
    }
    crate::builtins::object::generic_getattr(vm, v, name)
}

/// The members of `v` if it is a `types.UnionType` (for `isinstance`).
pub fn union_args(vm: &mut Vm, v: &Value) -> Option<Vec<Value>> {
    let u = v.downcast::<UnionObj>()?;
    u.args
        .downcast::<Tuple>()
        .map(|t| t.items(vm.token()).to_vec())
}

/// Installs `|` on `type` (`int | str`).
pub fn install(vm: &mut Vm) {
    let _ = union_type(vm.token());
    if let Some(tp) = builtin_types().type_.downcast::<TypeObject>() {
        tp.number.or.set(Some(union_or));
    }
}
