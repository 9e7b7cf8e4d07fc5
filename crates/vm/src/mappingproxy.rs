//! `mappingproxy` (CPython's `PyDictProxy_Type` in `Objects/descrobject.c`,
//! `types.MappingProxyType`): a read-only view of a mapping. A class's
//! `__dict__` is one over the class's own namespace, so later `setattr`s on the
//! class show through; `types.MappingProxyType(m)` wraps any mapping.
//!
//! Reads go to the mapping (`[]`, `get`, `in`, `len`, iteration, `keys`,
//! `values`, `items`, `copy`, `|`, comparisons, `reversed`); item assignment
//! and deletion fail with CPython's `TypeError`s (the type has no `setitem`
//! slot), and `|=` is refused. A class namespace lives inside the type object
//! rather than in a `dict` object, so operations that hand out a dict-backed
//! object (`keys()`, `copy()`, `iter()`) work on a snapshot of it.

use std::cell::OnceCell;
use std::mem::ManuallyDrop;

use crate::builtins::dict::Dict;
use crate::builtins::str::new_str;
use crate::calls::{add_method, arg_range, exact_args};
use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::types::{builtin_types, new_native_type, type_name, CompareOp, TypeObject};
use crate::value::Value;
use crate::vm::{BinOp, Vm};

/// The payload: the mapping looked at, or the class whose namespace is shown.
pub struct MappingProxy {
    /// A mapping, or a class (then its own dict is the mapping).
    pub target: Value,
}

impl Payload for MappingProxy {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, _t: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.target);
    }
}

thread_local! {
    /// The `mappingproxy` type, made by [`install`] and never freed (like the
    /// builtin types).
    static PROXY_TYPE: OnceCell<ManuallyDrop<ObjRef>> = const { OnceCell::new() };
}

/// The `mappingproxy` type (made on first use).
pub fn proxy_type(token: &mut Token) -> ObjRef {
    if let Some(t) = PROXY_TYPE.with(|c| c.get().map(|t| ObjRef::clone(t))) {
        return t;
    }
    let t = create_type(token);
    PROXY_TYPE.with(|c| {
        let _ = c.set(ManuallyDrop::new(t.clone()));
    });
    t
}

/// `cls.__dict__`: a live read-only view of class `cls`'s namespace.
pub fn class_dict_proxy(token: &mut Token, cls: &ObjRef) -> Value {
    let t = proxy_type(token);
    Value::Obj(ObjRef::new(
        &t,
        MappingProxy {
            target: Value::Obj(cls.clone()),
        },
    ))
}

/// What a proxy reads from.
enum Source {
    /// A `dict` (exactly) or a class namespace: read natively.
    Native(Value),
    /// Any other mapping: read through its protocols.
    Other(Value),
}

fn proxy_of(v: &Value) -> PyResult<&MappingProxy> {
    v.downcast::<MappingProxy>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'mappingproxy' object"))
}

fn source(v: &Value) -> PyResult<Source> {
    let t = &proxy_of(v)?.target;
    let exact_dict = t.type_ref().is(&builtin_types().dict);
    if exact_dict || t.downcast::<TypeObject>().is_some() {
        Ok(Source::Native(t.clone()))
    } else {
        Ok(Source::Other(t.clone()))
    }
}

/// Runs `f` on the dict a native source holds.
fn with_dict<R>(target: &Value, f: impl FnOnce(&Dict) -> R) -> Option<R> {
    if let Some(t) = target.downcast::<TypeObject>() {
        return Some(f(&t.dict));
    }
    target.downcast::<Dict>().map(f)
}

/// The mapping as a value that acts like it: the dict itself, or a snapshot
/// dict of a class namespace.
fn as_mapping(vm: &mut Vm, target: &Value) -> Value {
    match target.downcast::<TypeObject>() {
        Some(t) => {
            let d = t.dict.copy(vm.token());
            Value::Obj(ObjRef::new(&builtin_types().dict, d))
        }
        None => target.clone(),
    }
}

fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    match source(v)? {
        Source::Native(t) => {
            with_dict(&t, |d| d.getitem(vm, key)).unwrap_or_else(|| vm.getitem(&t, key))
        }
        Source::Other(m) => vm.getitem(&m, key),
    }
}

fn getitem_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__getitem__", args, kw, 2)?;
    getitem(vm, &a[0], &a[1])
}

/// `mp.get(key, default=None)`.
fn get_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "get", args, kw, 2, 3)?;
    let default = a.get(2).cloned().unwrap_or_default();
    match source(&a[0])? {
        Source::Native(t) => {
            let found = with_dict(&t, |d| d.get(vm, &a[1])).transpose()?.flatten();
            Ok(found.unwrap_or(default))
        }
        Source::Other(m) => vm.call_method(&m, "get", &[a[1].clone(), default]),
    }
}

fn contains_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__contains__", args, kw, 2)?;
    let r = match source(&a[0])? {
        Source::Native(t) => with_dict(&t, |d| d.contains(vm, &a[1])).unwrap_or(Ok(false))?,
        Source::Other(m) => vm.contains(&m, &a[1])?,
    };
    Ok(Value::Bool(r))
}

fn len_slot(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    match source(v)? {
        Source::Native(t) => Ok(with_dict(&t, |d| d.len(vm.token())).unwrap_or(0)),
        Source::Other(m) => vm.len(&m),
    }
}

fn iter_slot(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = proxy_of(v)?.target.clone();
    let m = as_mapping(vm, &t);
    vm.iter(&m)
}

/// `keys()`, `values()`, `items()`, `copy()`, `__reversed__()`: the mapping's
/// own method of that name.
fn forward(
    vm: &mut Vm,
    name: &'static str,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let a = exact_args(vm, name, args, kw, 1)?;
    let t = proxy_of(&a[0])?.target.clone();
    let m = as_mapping(vm, &t);
    vm.call_method(&m, name, &[])
}

fn keys_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    forward(vm, "keys", args, kw)
}

fn values_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    forward(vm, "values", args, kw)
}

fn items_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    forward(vm, "items", args, kw)
}

fn copy_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    forward(vm, "copy", args, kw)
}

fn reversed_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    forward(vm, "__reversed__", args, kw)
}

/// Runs `f` on the mapping of proxy `v`, unless `v` shows a class namespace
/// already being shown further up (it contains its own proxy): then
/// `marker`, as CPython's `Py_ReprEnter` on the namespace dict gives.
fn guarded(
    vm: &mut Vm,
    v: &Value,
    marker: &str,
    f: impl FnOnce(&mut Vm, &Value) -> PyResult<Value>,
) -> PyResult<Value> {
    let t = proxy_of(v)?.target.clone();
    let class_id = t
        .as_obj()
        .filter(|o| o.downcast::<TypeObject>().is_some())
        .map(ObjRef::id);
    if let Some(id) = class_id {
        if !vm.repr_enter(id) {
            return Ok(new_str(marker));
        }
    }
    let m = as_mapping(vm, &t);
    let r = f(vm, &m);
    if let Some(id) = class_id {
        vm.repr_leave(id);
    }
    r
}

/// `mappingproxy(...)` as CPython writes it: `mappingproxy({...})`.
fn repr_slot(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    guarded(vm, v, "mappingproxy({...})", |vm, m| {
        let r = vm.repr(m)?;
        let inner = r
            .downcast::<crate::builtins::str::StrObj>()
            .map(|s| s.text().to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(new_str(&format!("mappingproxy({inner})")))
    })
}

/// `str(mp)`: the mapping's `str`.
fn str_slot(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    guarded(vm, v, "{...}", |vm, m| vm.str(m))
}

fn repr_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__repr__", args, kw, 1)?;
    repr_slot(vm, &a[0])
}

fn str_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__str__", args, kw, 1)?;
    str_slot(vm, &a[0])
}

/// Comparisons compare the mapping (CPython's `mappingproxy_richcompare`).
fn richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let t = proxy_of(a)?.target.clone();
    let m = as_mapping(vm, &t);
    vm.rich_compare(&m, b, op).map(Some)
}

/// A proxy operand of `|` stands for its mapping.
fn unwrap_operand(vm: &mut Vm, v: &Value) -> Value {
    match v.downcast::<MappingProxy>() {
        Some(p) => {
            let t = p.target.clone();
            as_mapping(vm, &t)
        }
        None => v.clone(),
    }
}

/// `mp | other`, `other | mp` (CPython's `mappingproxy_or`).
fn or_slot(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (x, y) = (unwrap_operand(vm, a), unwrap_operand(vm, b));
    vm.binary_op(&x, &y, BinOp::Or).map(Some)
}

fn or_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__or__", args, kw, 2)?;
    or_slot(vm, &a[0], &a[1]).map(Option::unwrap_or_default)
}

fn ror_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__ror__", args, kw, 2)?;
    or_slot(vm, &a[1], &a[0]).map(Option::unwrap_or_default)
}

/// `mp |= other` is refused (CPython's `mappingproxy_ior`).
fn ior_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__ior__", args, kw, 2)?;
    refuse_ior(vm, &a[0])
}

/// The error of `mp |= other` (the in-place operator of a proxy `mp`).
pub fn refuse_ior(vm: &mut Vm, mp: &Value) -> PyResult<Value> {
    Err(PyErr::type_error(format!(
        "'|=' is not supported by {}; use '|' instead",
        type_name(vm.token(), &mp.type_ref())
    )))
}

/// Whether `v` can back a proxy (CPython's `mappingproxy_check_mapping`: a
/// mapping, and not a list or tuple).
fn is_mapping(vm: &mut Vm, v: &Value) -> bool {
    let bt = builtin_types();
    let t = v.type_ref();
    if t.is(&bt.list) || t.is(&bt.tuple) || crate::types::is_subtype(vm.token(), &t, &bt.list) {
        return false;
    }
    if crate::types::is_subtype(vm.token(), &t, &bt.tuple) {
        return false;
    }
    if v.downcast::<Dict>().is_some() {
        return true;
    }
    let key = Value::Obj(crate::builtins::str::intern(vm.token(), "__getitem__"));
    t.downcast::<TypeObject>()
        .is_some_and(|tp| tp.slots.getitem.get().is_some() || tp.lookup(vm.token(), &key).is_some())
}

/// `types.MappingProxyType(mapping)`.
fn proxy_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let nkw = crate::calls::kwnames_len(vm.token(), kw);
    let npos = args.len() - nkw.min(args.len());
    let mapping = match (npos, nkw) {
        (1, 0) => args[0].clone(),
        (0, 1) => {
            let name_ok = kw
                .and_then(|k| k.downcast::<crate::builtins::tuple::Tuple>())
                .and_then(|k| k.items(vm.token()).first().cloned())
                .and_then(|n| {
                    n.downcast::<crate::builtins::str::StrObj>()
                        .map(|s| s.as_bytes() == b"mapping")
                })
                .unwrap_or(false);
            if !name_ok {
                return Err(PyErr::type_error(
                    "mappingproxy() missing required argument 'mapping' (pos 1)",
                ));
            }
            args[0].clone()
        }
        (0, 0) => {
            return Err(PyErr::type_error(
                "mappingproxy() missing required argument 'mapping' (pos 1)",
            ))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "mappingproxy() takes at most 1 argument ({} given)",
                npos + nkw
            )))
        }
    };
    if !is_mapping(vm, &mapping) {
        return Err(PyErr::type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            type_name(vm.token(), &mapping.type_ref())
        )));
    }
    Ok(Value::Obj(ObjRef::new(
        cls,
        MappingProxy { target: mapping },
    )))
}

fn create_type(token: &mut Token) -> ObjRef {
    let t = new_native_type(token, "mappingproxy", MappingProxy::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.slots.getitem.set(Some(getitem));
        tp.slots.len.set(Some(len_slot));
        tp.slots.iter.set(Some(iter_slot));
        tp.slots.repr.set(Some(repr_slot));
        tp.slots.str_.set(Some(str_slot));
        tp.slots.richcompare.set(Some(richcompare));
        tp.slots
            .hash
            .set(Some(crate::types::builtin::hash_not_implemented));
        tp.number.or.set(Some(or_slot));
    }
    let methods: [(&'static str, crate::calls::NativeFn); 14] = [
        ("__getitem__", getitem_m),
        ("__contains__", contains_m),
        ("__repr__", repr_m),
        ("__str__", str_m),
        ("__reversed__", reversed_m),
        ("__or__", or_m),
        ("__ror__", ror_m),
        ("__ior__", ior_m),
        ("get", get_m),
        ("keys", keys_m),
        ("values", values_m),
        ("items", items_m),
        ("copy", copy_m),
        ("__len__", len_m),
    ];
    for (name, f) in methods {
        add_method(token, &t, name, f);
    }
    crate::class::register_ctor(&t, proxy_new, false);
    t
}

fn len_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__len__", args, kw, 1)?;
    len_slot(vm, &a[0]).map(|n| Value::Int(n as i64))
}
