//! Methods and operators of `list`, `tuple`, `dict` and `set` that
//! `builtins_module::methods` doesn't have (CPython's `Objects/listobject.c`,
//! `tupleobject.c`, `dictobject.c`, `setobject.c`).

use super::tname;
use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::set::Set;
use crate::builtins::set_algo;
use crate::builtins::tuple::Tuple;
use crate::calls::{add_method, kwnames_len, NativeFn};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::{builtin_types, CompareOp, TypeObject};
use crate::value::Value;
use crate::vm::{BinOp, Vm};

/// Positional arguments after the receiver, `min..=max` of them, with the
/// messages of `METH_VARARGS` / Argument Clinic (`"{name} expected at least 1
/// argument, got 0"`) or `METH_O` (`"{qual}() takes exactly one argument (0 given)"`).
fn pos_args<'a>(
    vm: &mut Vm,
    qual: &str,
    args: &'a [Value],
    kw: Option<&ObjRef>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if kwnames_len(vm.token(), kw) > 0 {
        return Err(PyErr::type_error(format!(
            "{qual}() takes no keyword arguments"
        )));
    }
    let n = args.len().saturating_sub(1);
    if (min..=max).contains(&n) {
        return Ok(&args[1..]);
    }
    let short = qual.rsplit('.').next().unwrap_or(qual);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    Err(PyErr::type_error(match (min, max) {
        (0, 0) => format!("{qual}() takes no arguments ({n} given)"),
        (1, 1) => format!("{qual}() takes exactly one argument ({n} given)"),
        _ if n < min => format!(
            "{short} expected at least {min} argument{}, got {n}",
            plural(min)
        ),
        _ => format!(
            "{short} expected at most {max} argument{}, got {n}",
            plural(max)
        ),
    }))
}

fn the<T: crate::object::Payload>(v: &Value) -> PyResult<&T> {
    v.downcast::<T>()
        .ok_or_else(|| PyErr::type_error("method applied to the wrong type"))
}

/// `start`/`stop` of `list.index` & co. clamped to `0..=len` (CPython's
/// `_PyEval_SliceIndexNotNone` plus the negative adjustment).
fn bounds(vm: &mut Vm, a: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let adj = |i: isize| -> usize {
        if i < 0 {
            (i + len as isize).max(0) as usize
        } else {
            (i as usize).min(len)
        }
    };
    let mut get = |v: Option<&Value>, dflt: usize| -> PyResult<usize> {
        match v {
            None => Ok(dflt),
            Some(Value::None) => Err(PyErr::type_error(
                "slice indices must be integers or have an __index__ method",
            )),
            Some(v) => Ok(adj(super::slice_index(vm, Some(v))?.unwrap_or(0))),
        }
    };
    let start = get(a.get(1), 0)?;
    let stop = get(a.get(2), len)?;
    Ok((start, stop))
}

// ----- list -----

fn list_remove(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "list.remove", args, kw, 1, 1)?;
    let l = the::<List>(&args[0])?;
    let mut i = 0;
    while let Some(x) = l.get(vm.token(), i) {
        if vm.eq_bool(&x, &a[0])? {
            if i < l.len(vm.token()) {
                let old = l.remove(vm.token(), i);
                drop(old);
            }
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn list_count(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "list.count", args, kw, 1, 1)?;
    let items = the::<List>(&args[0])?.to_vec(vm.token());
    let mut n = 0;
    for x in &items {
        if vm.eq_bool(x, &a[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_clear(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "list.clear", args, kw, 0, 0)?;
    let mut old = the::<List>(&args[0])?.replace_all(vm.token(), Vec::new());
    crate::builtins::list::drop_last_first(&mut old);
    Ok(Value::None)
}

fn list_index(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "index", args, kw, 1, 3)?;
    let l = the::<List>(&args[0])?;
    let len = l.len(vm.token());
    let (start, stop) = bounds(vm, a, len)?;
    let mut i = start;
    while i < stop {
        let Some(x) = l.get(vm.token(), i) else { break };
        if vm.eq_bool(&x, &a[0])? {
            return Ok(Value::Int(i as i64));
        }
        i += 1;
    }
    let r = vm.repr_string(&a[0]);
    Err(PyErr::value_error(format!("{r} is not in list")))
}

fn list_reversed(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "list.__reversed__", args, kw, 0, 0)?;
    let mut items = the::<List>(&args[0])?.to_vec(vm.token());
    items.reverse();
    let l = Value::Obj(List::alloc(items));
    use crate::builtins_module::named_iters::{new_named_iter, NamedIter};
    match new_named_iter(NamedIter::ListReverse, l.clone()) {
        Some(it) => Ok(it),
        None => vm.iter(&l),
    }
}

// ----- tuple -----

fn tuple_count(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "tuple.count", args, kw, 1, 1)?;
    let items = the::<Tuple>(&args[0])?.items(vm.token()).to_vec();
    let mut n = 0;
    for x in &items {
        if vm.eq_bool(x, &a[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_index(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "index", args, kw, 1, 3)?;
    let items = the::<Tuple>(&args[0])?.items(vm.token()).to_vec();
    let (start, stop) = bounds(vm, a, items.len())?;
    for (i, x) in items.iter().enumerate().take(stop).skip(start) {
        if vm.eq_bool(x, &a[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

// ----- dict -----

fn new_dict(d: Dict) -> Value {
    Value::Obj(ObjRef::new(&builtin_types().dict, d))
}

fn dict_fromkeys(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "fromkeys", args, kw, 1, 2)?;
    let value = a.get(1).cloned().unwrap_or_default();
    let keys = vm.sequence_to_vec(&a[0])?;
    let cls = &args[0];
    let is_dict = cls.as_obj().is_some_and(|c| c.is(&builtin_types().dict));
    let target = if is_dict {
        new_dict(Dict::new())
    } else {
        vm.call(cls, &[], None)?
    };
    for k in keys {
        vm.setitem(&target, &k, Some(value.clone()))?;
    }
    Ok(target)
}

fn dict_popitem(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "dict.popitem", args, kw, 0, 0)?;
    let (k, v) = the::<Dict>(&args[0])?.popitem(vm.token())?;
    Ok(Value::Obj(Tuple::alloc(vec![k, v])))
}

fn dict_clear(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "dict.clear", args, kw, 0, 0)?;
    the::<Dict>(&args[0])?.clear(vm.token());
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "dict.copy", args, kw, 0, 0)?;
    let d = the::<Dict>(&args[0])?.copy(vm.token());
    Ok(new_dict(d))
}

/// `dict | dict`: a copy of the left operand updated with the right one.
fn dict_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.downcast::<Dict>(), b.downcast::<Dict>()) else {
        return Ok(None);
    };
    let out = x.copy(vm.token());
    for (k, v) in y.items(vm.token()) {
        out.set(vm, k, v)?;
    }
    Ok(Some(new_dict(out)))
}

// ----- set -----

/// The elements of a set or of any iterable.
fn elements(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v.downcast::<Set>() {
        Some(s) => Ok(s.items(vm.token())),
        None => vm.sequence_to_vec(v),
    }
}

/// A new `set` holding `items`.
fn new_set(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let s = Set::alloc_empty();
    if let Some(set) = s.downcast::<Set>() {
        for v in items {
            set.add(vm, v)?;
        }
    }
    Ok(Value::Obj(s))
}

/// A lookup set for membership tests against `other`.
fn as_lookup(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.downcast::<Set>().is_some() {
        return Ok(v.clone());
    }
    let items = vm.sequence_to_vec(v)?;
    new_set(vm, items)
}

fn member(vm: &mut Vm, set: &Value, v: &Value) -> PyResult<bool> {
    match set.downcast::<Set>() {
        Some(s) => s.contains(vm, v),
        None => Ok(false),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum SetOp {
    Union,
    Intersection,
    Difference,
    SymmetricDifference,
}

fn set_binop(vm: &mut Vm, a: &Value, b: &Value, op: SetOp) -> PyResult<Option<Value>> {
    if a.downcast::<Set>().is_none() || b.downcast::<Set>().is_none() {
        return Ok(None);
    }
    let r = match op {
        SetOp::Union => set_algo::union(vm, a, b)?,
        SetOp::Intersection => set_algo::intersection(vm, a, b)?,
        SetOp::Difference => set_algo::difference(vm, a, b)?,
        SetOp::SymmetricDifference => set_algo::symmetric_difference(vm, a, b)?,
    };
    Ok(Some(r))
}

fn set_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    set_binop(vm, a, b, SetOp::Union)
}
fn set_and(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    set_binop(vm, a, b, SetOp::Intersection)
}
fn set_sub(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    set_binop(vm, a, b, SetOp::Difference)
}
fn set_xor(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    set_binop(vm, a, b, SetOp::SymmetricDifference)
}

/// Whether every element of `a` is in `b`.
fn subset(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    for x in elements(vm, a)? {
        if !member(vm, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set == set`, `set <= set` (subset), `set < set` (proper subset), ...
fn set_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.downcast::<Set>(), b.downcast::<Set>()) else {
        return Ok(None);
    };
    let (la, lb) = (x.len(vm.token()), y.len(vm.token()));
    let r = match op {
        CompareOp::Eq => la == lb && subset(vm, a, b)?,
        CompareOp::Ne => !(la == lb && subset(vm, a, b)?),
        CompareOp::Le => la <= lb && subset(vm, a, b)?,
        CompareOp::Lt => la < lb && subset(vm, a, b)?,
        CompareOp::Ge => la >= lb && subset(vm, b, a)?,
        CompareOp::Gt => la > lb && subset(vm, b, a)?,
    };
    Ok(Some(Value::Bool(r)))
}

/// `set.union(*others)` & co. (`set_union`, `set_intersection_multi`,
/// `set_difference_multi`): CPython's order of construction.
fn multi(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    op: SetOp,
) -> PyResult<Value> {
    let others = pos_args(vm, name, args, kw, 0, usize::MAX)?;
    let so = &args[0];
    match op {
        SetOp::Union => {
            let r = set_algo::copy(vm, so)?;
            for o in others {
                if !o.is(so) {
                    set_algo::update_internal(vm, the::<Set>(&r)?, o)?;
                }
            }
            Ok(r)
        }
        SetOp::Intersection => {
            if others.is_empty() {
                return set_algo::copy(vm, so);
            }
            let mut r = so.clone();
            for o in others {
                r = set_algo::intersection(vm, &r, o)?;
            }
            Ok(r)
        }
        SetOp::Difference => {
            let Some((first, rest)) = others.split_first() else {
                return set_algo::copy(vm, so);
            };
            let r = set_algo::difference(vm, so, first)?;
            for o in rest {
                set_algo::difference_update(vm, &r, o)?;
            }
            Ok(r)
        }
        SetOp::SymmetricDifference => match others.first() {
            Some(o) => set_algo::symmetric_difference(vm, so, o),
            None => set_algo::copy(vm, so),
        },
    }
}

fn set_union(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    multi(vm, args, kw, "set.union", SetOp::Union)
}
fn set_intersection(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    multi(vm, args, kw, "set.intersection", SetOp::Intersection)
}
fn set_difference(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    multi(vm, args, kw, "set.difference", SetOp::Difference)
}
fn set_symmetric_difference(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "set.symmetric_difference", args, kw, 1, 1)?;
    set_algo::symmetric_difference(vm, &args[0], &a[0])
}

/// `so op= other` for a set `so` (`set_ior`, `set_iand`, `set_isub`, `set_ixor`).
fn update_with(vm: &mut Vm, so: &Value, other: &Value, op: SetOp) -> PyResult<()> {
    match op {
        SetOp::Union => set_algo::update_internal(vm, the::<Set>(so)?, other),
        SetOp::Intersection => {
            let tmp = set_algo::intersection(vm, so, other)?;
            the::<Set>(so)?.swap_bodies(the::<Set>(&tmp)?, vm.token());
            Ok(())
        }
        SetOp::Difference => set_algo::difference_update(vm, so, other),
        SetOp::SymmetricDifference => set_algo::symmetric_difference_update(vm, so, other),
    }
}

fn update_multi(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    op: SetOp,
) -> PyResult<Value> {
    if op == SetOp::Intersection {
        let tmp = multi(vm, args, kw, name, op)?;
        the::<Set>(&args[0])?.swap_bodies(the::<Set>(&tmp)?, vm.token());
        return Ok(Value::None);
    }
    let others = pos_args(vm, name, args, kw, 0, usize::MAX)?;
    for o in others {
        update_with(vm, &args[0], o, op)?;
    }
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    update_multi(vm, args, kw, "set.update", SetOp::Union)
}
fn set_intersection_update(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    update_multi(vm, args, kw, "set.intersection_update", SetOp::Intersection)
}
fn set_difference_update(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    update_multi(vm, args, kw, "set.difference_update", SetOp::Difference)
}
fn set_symmetric_difference_update(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let a = pos_args(vm, "set.symmetric_difference_update", args, kw, 1, 1)?;
    update_with(vm, &args[0], &a[0], SetOp::SymmetricDifference)?;
    Ok(Value::None)
}

fn set_issubset(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "set.issubset", args, kw, 1, 1)?;
    let other = as_lookup(vm, &a[0])?;
    Ok(Value::Bool(subset(vm, &args[0], &other)?))
}

fn set_issuperset(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "set.issuperset", args, kw, 1, 1)?;
    let other = elements(vm, &a[0])?;
    for x in other {
        if !member(vm, &args[0], &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_isdisjoint(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "set.isdisjoint", args, kw, 1, 1)?;
    for x in elements(vm, &a[0])? {
        if member(vm, &args[0], &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_remove(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "set.remove", args, kw, 1, 1)?;
    let s = the::<Set>(&args[0])?;
    if s.discard(vm, &a[0])? {
        Ok(Value::None)
    } else {
        Err(PyErr::key_error(a[0].clone()))
    }
}

fn set_discard(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "set.discard", args, kw, 1, 1)?;
    let s = the::<Set>(&args[0])?;
    s.discard(vm, &a[0])?;
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "set.pop", args, kw, 0, 0)?;
    let s = the::<Set>(&args[0])?;
    s.pop(vm.token())
        .ok_or_else(|| PyErr::new(ExcKind::KeyError, "pop from an empty set"))
}

fn set_clear(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "set.clear", args, kw, 0, 0)?;
    the::<Set>(&args[0])?.clear(vm.token());
    Ok(Value::None)
}

fn set_copy(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "set.copy", args, kw, 0, 0)?;
    set_algo::copy(vm, &args[0])
}

/// In-place operators of builtin containers that mutate their left operand
/// (CPython's `list_inplace_repeat`, `set_ior` & co., `dict_ior`): `Ok(None)` when
/// `a op= b` isn't one of them. Called by `Vm::inplace_op`.
pub fn inplace_builtin(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if op == BinOp::Or && a.downcast::<crate::mappingproxy::MappingProxy>().is_some() {
        return crate::mappingproxy::refuse_ior(vm, a).map(Some);
    }
    if let Some(l) = a.downcast::<List>() {
        if op == BinOp::Multiply && b.as_int().is_some() {
            let n = vm.index_isize(b)?;
            let items = l.to_vec(vm.token());
            let n = n.max(0) as usize;
            if items
                .len()
                .checked_mul(n)
                .is_none_or(|t| t > isize::MAX as usize / 16)
            {
                return Err(PyErr::bare(ExcKind::MemoryError));
            }
            let mut out = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                out.extend(items.iter().cloned());
            }
            let old = l.replace_all(vm.token(), out);
            drop(old);
            return Ok(Some(a.clone()));
        }
        return Ok(None);
    }
    if a.downcast::<Dict>().is_some() && op == BinOp::Or {
        let is_dict = a.as_obj().is_some_and(|o| o.type_is(&builtin_types().dict));
        if is_dict {
            let items = match b.downcast::<Dict>() {
                Some(d) => d.items(vm.token()),
                None => {
                    let mut v = Vec::new();
                    for item in vm.sequence_to_vec(b)? {
                        let kv = vm.sequence_to_vec(&item)?;
                        if let [k, x] = kv.as_slice() {
                            v.push((k.clone(), x.clone()));
                        } else {
                            return Err(PyErr::value_error(format!(
                                "dictionary update sequence element #{} has length {}; 2 is required",
                                v.len(),
                                kv.len()
                            )));
                        }
                    }
                    v
                }
            };
            if let Some(d) = a.downcast::<Dict>() {
                for (k, v) in items {
                    d.set(vm, k, v)?;
                }
            }
            return Ok(Some(a.clone()));
        }
    }
    if a.downcast::<Set>().is_some() && b.downcast::<Set>().is_some() {
        let op = match op {
            BinOp::Or => SetOp::Union,
            BinOp::And => SetOp::Intersection,
            BinOp::Subtract => SetOp::Difference,
            BinOp::Xor => SetOp::SymmetricDifference,
            _ => return Ok(None),
        };
        update_with(vm, a, b, op)?;
        return Ok(Some(a.clone()));
    }
    super::bytes::bytearray_inplace(vm, a, b, op)
}

fn slots(ty: &ObjRef) -> Option<&TypeObject> {
    ty.downcast::<TypeObject>()
}

/// Adds the container methods and operator slots.
pub fn install(vm: &mut Vm) {
    let b = builtin_types();
    let set_ty = crate::rt_types::rt().set.clone();
    let t = vm.token();
    let tables: [(&ObjRef, &[(&'static str, NativeFn)]); 4] = [
        (
            &b.list,
            &[
                ("remove", list_remove),
                ("count", list_count),
                ("clear", list_clear),
                ("index", list_index),
                ("__reversed__", list_reversed),
            ],
        ),
        (&b.tuple, &[("count", tuple_count), ("index", tuple_index)]),
        (
            &b.dict,
            &[
                ("popitem", dict_popitem),
                ("clear", dict_clear),
                ("copy", dict_copy),
            ],
        ),
        (
            &set_ty,
            &[
                ("union", set_union),
                ("intersection", set_intersection),
                ("difference", set_difference),
                ("symmetric_difference", set_symmetric_difference),
                ("update", set_update),
                ("intersection_update", set_intersection_update),
                ("difference_update", set_difference_update),
                (
                    "symmetric_difference_update",
                    set_symmetric_difference_update,
                ),
                ("issubset", set_issubset),
                ("issuperset", set_issuperset),
                ("isdisjoint", set_isdisjoint),
                ("remove", set_remove),
                ("discard", set_discard),
                ("pop", set_pop),
                ("clear", set_clear),
                ("copy", set_copy),
            ],
        ),
    ];
    for (ty, table) in tables {
        for (name, f) in table {
            add_method(t, ty, name, *f);
        }
    }
    super::add_classmethod(t, &b.dict, "fromkeys", dict_fromkeys);
    let frozen_methods: [(&'static str, NativeFn); 9] = [
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("__contains__", dunders::contains),
        ("__len__", dunders::len),
    ];
    if let Some(d) = slots(&b.dict) {
        d.number.or.set(Some(dict_or));
    }
    if let Some(s) = slots(&set_ty) {
        s.number.or.set(Some(set_or));
        s.number.and.set(Some(set_and));
        s.number.subtract.set(Some(set_sub));
        s.number.xor.set(Some(set_xor));
        s.slots.richcompare.set(Some(set_richcompare));
    }
    let _ = tname;
    super::frozenset::install(vm, &frozen_methods);
}

/// Generic dunder methods that go through the VM's protocols
/// (`l.__getitem__(i)`, `s.__contains__(x)`, ...), for types whose operators are
/// slots or built into the protocol functions.
mod dunders {
    use super::pos_args;
    use crate::error::PyResult;
    use crate::object::ObjRef;
    use crate::value::Value;
    use crate::vm::Vm;

    pub fn getitem(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
        let a = pos_args(vm, "__getitem__", args, kw, 1, 1)?;
        if let Some(d) = args[0].downcast::<crate::builtins::dict::Dict>() {
            return match d.get(vm, &a[0])? {
                Some(v) => Ok(v),
                None => super::dict_missing(vm, &args[0], &a[0]),
            };
        }
        vm.getitem_builtin(&args[0], &a[0])
    }

    pub fn setitem(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
        let a = pos_args(vm, "__setitem__", args, kw, 2, 2)?;
        if let Some(d) = args[0].downcast::<crate::builtins::dict::Dict>() {
            d.set(vm, a[0].clone(), a[1].clone())?;
            return Ok(Value::None);
        }
        vm.setitem(&args[0], &a[0], Some(a[1].clone()))?;
        Ok(Value::None)
    }

    pub fn delitem(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
        let a = pos_args(vm, "__delitem__", args, kw, 1, 1)?;
        if let Some(d) = args[0].downcast::<crate::builtins::dict::Dict>() {
            d.del(vm, &a[0])?;
            return Ok(Value::None);
        }
        vm.setitem(&args[0], &a[0], None)?;
        Ok(Value::None)
    }

    pub fn contains(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
        let a = pos_args(vm, "__contains__", args, kw, 1, 1)?;
        Ok(Value::Bool(vm.contains(&args[0], &a[0])?))
    }

    pub fn len(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
        pos_args(vm, "__len__", args, kw, 0, 0)?;
        Ok(Value::Int(vm.len(&args[0])? as i64))
    }
}

/// Adds `__getitem__`, `__contains__`, `__len__` (and for mutable containers
/// `__setitem__`/`__delitem__`) as methods of the builtin containers and `str`.
pub fn install_dunders(vm: &mut Vm) {
    let b = builtin_types();
    let rt = crate::rt_types::rt();
    let t = vm.token();
    for ty in [&b.list, &b.tuple, &b.dict, &b.str_, &rt.range] {
        add_method(t, ty, "__getitem__", dunders::getitem);
        add_method(t, ty, "__contains__", dunders::contains);
        add_method(t, ty, "__len__", dunders::len);
    }
    add_method(t, &rt.set, "__contains__", dunders::contains);
    add_method(t, &rt.set, "__len__", dunders::len);
    for ty in [&b.list, &b.dict] {
        add_method(t, ty, "__setitem__", dunders::setitem);
        add_method(t, ty, "__delitem__", dunders::delitem);
    }
}

/// `d[key]` for a missing key of a dict subclass: `type(d).__missing__(d, key)`
/// if the class defines it, else `KeyError(key)` (CPython's `dict_subscript`).
pub fn dict_missing(vm: &mut Vm, d: &Value, key: &Value) -> PyResult<Value> {
    let name = crate::builtins::str::intern(vm.token(), "__missing__");
    let t = d.type_ref();
    let found = t
        .downcast::<TypeObject>()
        .and_then(|tp| tp.lookup(vm.token(), &Value::Obj(name.clone())));
    if found.is_some() {
        let m = vm.getattr(d, &name)?;
        return vm.call(&m, std::slice::from_ref(key), None);
    }
    Err(PyErr::key_error(key.clone()))
}

/// `dict.__reversed__()`: an iterator over the keys, last first.
fn dict_reversed(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "dict.__reversed__", args, kw, 0, 0)?;
    let mut keys = the::<Dict>(&args[0])?.keys(vm.token());
    keys.reverse();
    let l = Value::Obj(List::alloc(keys));
    vm.iter(&l)
}

/// Adds `dict.__reversed__`.
pub fn install_dict_reversed(vm: &mut Vm) {
    let d = builtin_types().dict.clone();
    add_method(vm.token(), &d, "__reversed__", dict_reversed);
}
