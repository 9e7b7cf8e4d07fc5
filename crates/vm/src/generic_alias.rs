//! `types.GenericAlias` basics (CPython's `Objects/genericaliasobject.c`):
//! `list[int]`, `dict[str, list[int]]` ... with `__origin__`/`__args__`, the
//! `list[int]` repr, and calls creating `__origin__` instances; plus the
//! `__class_getitem__` hook of `Class[...]`.

use std::cell::RefCell;

use crate::builtins::str::{intern, new_str, StrObj};
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::types::{builtin_types, new_native_type, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of a `types.GenericAlias`.
pub struct GenericAlias {
    /// `__origin__`.
    pub origin: Value,
    /// `__args__` (a tuple).
    pub args: Value,
}

impl Payload for GenericAlias {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.origin);
        visit(&self.args);
    }
}

thread_local! {
    static TYPE: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

fn alias_type(token: &mut Token) -> ObjRef {
    if let Some(t) = TYPE.with(|t| t.borrow().clone()) {
        return t;
    }
    let t = new_native_type(token, "GenericAlias", GenericAlias::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.slots.repr.set(Some(alias_repr));
        tp.slots.getattro.set(Some(alias_getattro));
        tp.slots.call.set(Some(alias_call));
        tp.number.or.set(Some(crate::union::union_or));
    }
    TYPE.with(|c| *c.borrow_mut() = Some(t.clone()));
    t
}

fn text(v: &Value) -> String {
    v.downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// An argument as `ga_repr_item` shows it: classes by (module-qualified)
/// name, `...`, otherwise `repr()`.
pub(crate) fn item_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(t) = v.downcast::<TypeObject>() {
        let q = t.qualname(vm.token());
        let m = t.module(vm.token());
        return Ok(if m == "builtins" {
            q
        } else {
            format!("{m}.{q}")
        });
    }
    if v.is(&Value::Obj(crate::rt_types::rt().ellipsis.clone())) {
        return Ok("...".to_owned());
    }
    let r = vm.repr(v)?;
    Ok(text(&r))
}

fn alias_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(g) = v.downcast::<GenericAlias>() else {
        return Ok(new_str("GenericAlias"));
    };
    let (origin, args) = (g.origin.clone(), g.args.clone());
    let mut out = item_repr(vm, &origin)?;
    out.push('[');
    let items = args
        .downcast::<Tuple>()
        .map(|t| t.items(vm.token()).to_vec())
        .unwrap_or_default();
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, a) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&item_repr(vm, a)?);
    }
    out.push(']');
    Ok(new_str(&out))
}

fn alias_getattro(vm: &mut Vm, v: &Value, name: &ObjRef) -> PyResult<Value> {
    if let Some(g) = v.downcast::<GenericAlias>() {
        let n = name
            .downcast::<StrObj>()
            .and_then(StrObj::as_str)
            .unwrap_or("");
        match n {
            "__origin__" => return Ok(g.origin.clone()),
            "__args__" => return Ok(g.args.clone()),
            "__parameters__" => return Ok(Value::Obj(Tuple::alloc(vec![]))),
            "__class__" | "__repr__" | "__call__" | "__eq__" | "__hash__" => {}
            _ => {
                let o = g.origin.clone();
                return vm.getattr(&o, name);
            }
        }
    }
    crate::builtins::object::generic_getattr(vm, v, name)
}

fn alias_call(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&ObjRef>,
) -> PyResult<Value> {
    let origin = callable
        .downcast::<GenericAlias>()
        .map(|g| g.origin.clone())
        .unwrap_or(Value::None);
    vm.call(&origin, args, kwnames)
}

/// `origin[key]` as a `types.GenericAlias`.
pub fn new_alias(vm: &mut Vm, origin: &Value, key: &Value) -> Value {
    let args = if key.downcast::<Tuple>().is_some() {
        key.clone()
    } else {
        Value::Obj(Tuple::alloc(vec![key.clone()]))
    };
    let t = alias_type(vm.token());
    Value::Obj(ObjRef::new(
        &t,
        GenericAlias {
            origin: origin.clone(),
            args,
        },
    ))
}

/// `cls[key]` for a class (CPython's `PyObject_GetItem` on a type): its
/// `__class_getitem__`, or a `GenericAlias` for the builtin generic
/// containers; `None` when neither applies.
pub fn class_getitem(vm: &mut Vm, cls: &Value, key: &Value) -> PyResult<Option<Value>> {
    let Some(t) = cls.downcast::<TypeObject>() else {
        return Ok(None);
    };
    let k = Value::Obj(intern(vm.token(), "__class_getitem__"));
    if t.lookup(vm.token(), &k).is_some() {
        let name = intern(vm.token(), "__class_getitem__");
        let f = vm.getattr(cls, &name)?;
        return vm.call(&f, std::slice::from_ref(key), None).map(Some);
    }
    let bt = builtin_types();
    let rt = crate::rt_types::rt();
    let generic = [&bt.list, &bt.dict, &bt.tuple, &bt.type_, &rt.set]
        .iter()
        .any(|g| cls.as_obj().is_some_and(|c| c.is(g)))
        || crate::methods::frozenset::frozenset_type()
            .is_some_and(|f| cls.as_obj().is_some_and(|c| c.is(&f)));
    Ok(generic.then(|| new_alias(vm, cls, key)))
}
