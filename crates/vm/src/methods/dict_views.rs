//! `dict.keys()`, `dict.values()`, `dict.items()` as view objects (CPython's
//! `dict_keys`, `dict_values`, `dict_items` in `Objects/dictobject.c`): live views of
//! the dict with `len`, iteration, `in`, `reversed`, CPython's repr, equality, and
//! the set operators for keys and items views. Iteration walks a snapshot of the
//! dict taken when the iterator is made.

use std::cell::RefCell;

use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::set::Set;
use crate::builtins::str::new_str;
use crate::builtins::tuple::Tuple;
use crate::calls::add_method;
use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::types::{builtin_types, new_native_type, CompareOp, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// Which view.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// `dict_keys`.
    Keys,
    /// `dict_values`.
    Values,
    /// `dict_items`.
    Items,
}

/// The payload of a dict view: the dict it looks at.
pub struct DictView {
    /// The dict (`mapping`).
    pub dict: Value,
    /// Which view.
    pub kind: ViewKind,
}

impl Payload for DictView {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.dict);
    }
}

thread_local! {
    static VIEW_TYPES: RefCell<Option<[ObjRef; 3]>> = const { RefCell::new(None) };
}

fn view_type(kind: ViewKind) -> Option<ObjRef> {
    VIEW_TYPES.with(|t| t.borrow().as_ref().map(|ts| ts[kind as usize].clone()))
}

/// The view's elements now: keys, values, or `(key, value)` tuples.
fn elements(token: &Token, v: &DictView) -> Vec<Value> {
    let Some(d) = v.dict.downcast::<Dict>() else {
        return Vec::new();
    };
    match v.kind {
        ViewKind::Keys => d.keys(token),
        ViewKind::Values => d.values(token),
        ViewKind::Items => d
            .items(token)
            .into_iter()
            .map(|(k, x)| Value::Obj(Tuple::alloc(vec![k, x])))
            .collect(),
    }
}

fn view_of(v: &Value) -> PyResult<&DictView> {
    v.downcast::<DictView>()
        .ok_or_else(|| PyErr::type_error("expected a dict view"))
}

fn view_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let view = view_of(v)?;
    if let Value::Obj(d) = &view.dict {
        let what = match view.kind {
            ViewKind::Keys => 0,
            ViewKind::Values => 1,
            ViewKind::Items => 2,
        };
        let d = d.clone();
        if let Some(it) = crate::builtins_module::named_iters::new_dict_iter(vm, &d, what) {
            return Ok(it);
        }
    }
    let items = elements(vm.token(), view_of(v)?);
    let l = Value::Obj(List::alloc(items));
    vm.iter(&l)
}

fn view_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let d = view_of(v)?.dict.clone();
    vm.len(&d)
}

fn view_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let view = view_of(v)?;
    let name = match view.kind {
        ViewKind::Keys => "dict_keys",
        ViewKind::Values => "dict_values",
        ViewKind::Items => "dict_items",
    };
    let items = elements(vm.token(), view);
    let id = v.as_obj().map_or(0, ObjRef::id);
    if !vm.repr_enter(id) {
        return Ok(new_str("..."));
    }
    let l = Value::Obj(List::alloc(items));
    let r = vm.repr_string(&l);
    vm.repr_leave(id);
    Ok(new_str(&format!("{name}({r})")))
}

/// `x in view`: a key lookup for keys, a lookup plus value comparison for items,
/// a linear search for values.
fn view_contains(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(x) = args.get(1) else {
        return Err(PyErr::type_error("__contains__ expected 1 argument"));
    };
    let view = view_of(&args[0])?;
    let (dict, kind) = (view.dict.clone(), view.kind);
    let Some(d) = dict.downcast::<Dict>() else {
        return Ok(Value::Bool(false));
    };
    let r = match kind {
        ViewKind::Keys => d.contains(vm, x)?,
        ViewKind::Items => {
            let kv = x.downcast::<Tuple>().map(|t| t.items(vm.token()).to_vec());
            match kv.as_deref() {
                Some([k, want]) => match d.get(vm, k)? {
                    Some(have) => vm.eq_bool(&have, want)?,
                    None => false,
                },
                _ => false,
            }
        }
        ViewKind::Values => {
            let mut found = false;
            for v in d.values(vm.token()) {
                if vm.eq_bool(&v, x)? {
                    found = true;
                    break;
                }
            }
            found
        }
    };
    Ok(Value::Bool(r))
}

fn view_reversed(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let mut items = elements(vm.token(), view_of(&args[0])?);
    items.reverse();
    let l = Value::Obj(List::alloc(items));
    vm.iter(&l)
}

/// `view.isdisjoint(iterable)`.
fn view_isdisjoint(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(other) = args.get(1) else {
        return Err(PyErr::type_error(
            "isdisjoint() takes exactly one argument (0 given)",
        ));
    };
    let mine = to_set(vm, &args[0])?;
    for x in vm.sequence_to_vec(other)? {
        if vm.contains(&mine, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn view_mapping(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(view_of(&args[0])?.dict.clone())
}

/// A set of a set-like view's elements, or of any iterable.
fn to_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items = match v.downcast::<DictView>() {
        Some(view) => elements(vm.token(), view),
        None => vm.sequence_to_vec(v)?,
    };
    let s = Set::alloc_empty();
    if let Some(set) = s.downcast::<Set>() {
        for x in items {
            set.add(vm, x)?;
        }
    }
    Ok(Value::Obj(s))
}

fn set_like(v: &Value) -> bool {
    v.downcast::<DictView>()
        .is_some_and(|w| w.kind != ViewKind::Values)
        || v.downcast::<Set>().is_some()
}

fn view_binop(vm: &mut Vm, a: &Value, b: &Value, op: crate::vm::BinOp) -> PyResult<Option<Value>> {
    let a_view = a
        .downcast::<DictView>()
        .is_some_and(|w| w.kind != ViewKind::Values);
    let b_view = b
        .downcast::<DictView>()
        .is_some_and(|w| w.kind != ViewKind::Values);
    if !a_view && !b_view {
        return Ok(None);
    }
    if !vm.is_iterable(a) || !vm.is_iterable(b) {
        return Ok(None);
    }
    let left = to_set(vm, a)?;
    let right = to_set(vm, b)?;
    vm.binary_op(&left, &right, op).map(Some)
}

fn view_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    view_binop(vm, a, b, crate::vm::BinOp::Or)
}
fn view_and(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    view_binop(vm, a, b, crate::vm::BinOp::And)
}
fn view_sub(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    view_binop(vm, a, b, crate::vm::BinOp::Subtract)
}
fn view_xor(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    view_binop(vm, a, b, crate::vm::BinOp::Xor)
}

/// Keys and items views compare like sets (with sets and with each other); values
/// views only by identity.
fn view_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    if !set_like(a) || !set_like(b) {
        return match op {
            CompareOp::Eq => Ok(Some(Value::Bool(a.is(b)))),
            CompareOp::Ne => Ok(Some(Value::Bool(!a.is(b)))),
            _ => Ok(None),
        };
    }
    let left = to_set(vm, a)?;
    let right = to_set(vm, b)?;
    vm.rich_compare(&left, &right, op).map(Some)
}

fn dict_view(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    kind: ViewKind,
    name: &str,
) -> PyResult<Value> {
    if crate::calls::kwnames_len(vm.token(), kw) > 0 || args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "dict.{name}() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    if args[0].downcast::<Dict>().is_none() {
        return Err(PyErr::type_error("expected a dict"));
    }
    let Some(ty) = view_type(kind) else {
        return Err(PyErr::runtime_error("dict views are not installed"));
    };
    Ok(Value::Obj(ObjRef::new(
        &ty,
        DictView {
            dict: args[0].clone(),
            kind,
        },
    )))
}

fn dict_keys(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    dict_view(vm, args, kw, ViewKind::Keys, "keys")
}
fn dict_values(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    dict_view(vm, args, kw, ViewKind::Values, "values")
}
fn dict_items(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    dict_view(vm, args, kw, ViewKind::Items, "items")
}

/// Creates the three view types and makes `dict.keys`/`values`/`items` return
/// views (replacing the list-returning versions in `builtins_module::methods`).
pub fn install(vm: &mut Vm) {
    let t = vm.token();
    let types = ["dict_keys", "dict_values", "dict_items"].map(|name| {
        let ty = new_native_type(t, name, DictView::LAYOUT, None);
        if let Some(tp) = ty.downcast::<TypeObject>() {
            tp.slots.iter.set(Some(view_iter));
            tp.slots.len.set(Some(view_len));
            tp.slots.repr.set(Some(view_repr));
            tp.slots.richcompare.set(Some(view_richcompare));
            if name != "dict_values" {
                tp.number.or.set(Some(view_or));
                tp.number.and.set(Some(view_and));
                tp.number.subtract.set(Some(view_sub));
                tp.number.xor.set(Some(view_xor));
            }
        }
        add_method(t, &ty, "__contains__", view_contains);
        add_method(t, &ty, "__reversed__", view_reversed);
        if name != "dict_values" {
            add_method(t, &ty, "isdisjoint", view_isdisjoint);
        }
        super::add_getter(t, &ty, "mapping", view_mapping);
        ty
    });
    VIEW_TYPES.with(|v| *v.borrow_mut() = Some(types));
    let dict = builtin_types().dict.clone();
    add_method(t, &dict, "keys", dict_keys);
    add_method(t, &dict, "values", dict_values);
    add_method(t, &dict, "items", dict_items);
}
