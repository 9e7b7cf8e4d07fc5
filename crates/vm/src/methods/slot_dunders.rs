//! Slot wrappers of the builtin containers and numbers beyond the operator
//! table of `dunders.rs` (CPython's `slotdefs` entries and `METH_COEXIST`
//! methods): `__iter__` of the iterables, `__pow__`/`__rpow__`, `__float__`,
//! `__bool__` of range and None, `__class_getitem__` of the generic
//! containers, and the in-place operators of list, dict and set. Each uses the
//! builtin behaviour directly, never the user-overridable protocol, so
//! `super().__iter__()` in a subclass can't recurse.

use super::dunders::{builtin_base, d_bool, no_args, not_implemented, one_arg};
use crate::calls::{add_method, kwnames_len, NativeFn};
use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::TypeObject;
use crate::value::Value;
use crate::vm::Vm;

/// `T.__iter__(self)`: the builtin base's iterator, ignoring a subclass's own
/// `__iter__` (so `super().__iter__()` can't recurse).
fn d_iter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_args(vm, args, kw)?;
    let v = &args[0];
    let base = builtin_base(vm, v);
    if let Some(f) = base
        .as_ref()
        .and_then(|b| b.downcast::<TypeObject>())
        .and_then(|t| t.slots.iter.get())
    {
        return f(vm, v);
    }
    if let Some(it) = vm.payload_iter(v) {
        return Ok(it);
    }
    if base.is_some_and(|b| v.type_ref().is(&b)) {
        return vm.iter(v);
    }
    Err(PyErr::type_error(format!(
        "'{}' object is not iterable",
        crate::types::type_name(vm.token(), &v.type_ref())
    )))
}

/// Which builtin numeric type a `__pow__` wrapper belongs to (what operands
/// it accepts: CPython's `long_pow`, `float_pow`, `complex_pow`).
#[derive(Clone, Copy, PartialEq)]
enum PowKind {
    Int,
    Float,
    Complex,
}

fn pow_kind(vm: &mut Vm, v: &Value) -> Option<PowKind> {
    let base = builtin_base(vm, v)?;
    let b = crate::types::builtin_types();
    if base.is(&b.int) || base.is(&b.bool_) {
        Some(PowKind::Int)
    } else if base.is(&b.float) {
        Some(PowKind::Float)
    } else if super::complex::complex_type().is_some_and(|c| base.is(&c)) {
        Some(PowKind::Complex)
    } else {
        None
    }
}

/// Whether `other` is an operand the builtin `kind`'s power accepts.
fn pow_accepts(vm: &mut Vm, kind: PowKind, other: &Value) -> bool {
    match pow_kind(vm, other) {
        Some(k) => match kind {
            PowKind::Int => k == PowKind::Int,
            PowKind::Float => k != PowKind::Complex,
            PowKind::Complex => true,
        },
        None => false,
    }
}

/// `x.__pow__(y, mod=None)` / `x.__rpow__(y, mod=None)` of int, float and
/// complex: the builtin power, `NotImplemented` for other operand types.
fn pow_wrapper(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    reflected: bool,
) -> PyResult<Value> {
    if kwnames_len(vm.token(), kw) > 0 || !(2..=3).contains(&args.len()) {
        return Err(PyErr::type_error(format!(
            "expected 1 or 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let (me, other) = (&args[0], &args[1]);
    let Some(kind) = pow_kind(vm, me) else {
        return Ok(not_implemented());
    };
    if !pow_accepts(vm, kind, other) {
        return Ok(not_implemented());
    }
    let (base, exp) = if reflected { (other, me) } else { (me, other) };
    match args.get(2).filter(|m| !m.is_none()) {
        Some(m) => crate::builtins_module::modpow::pow3(vm, base, exp, m),
        None => vm.power(base, exp),
    }
}

fn d_pow(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pow_wrapper(vm, args, kw, false)
}

fn d_rpow(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pow_wrapper(vm, args, kw, true)
}

/// `int.__float__()` / `float.__float__()`: the value as an exact float.
fn d_float(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_args(vm, args, kw)?;
    let v = &args[0];
    if let Some(f) = v.as_float() {
        return Ok(Value::Float(f));
    }
    match v.as_int() {
        Some(i) => Ok(Value::Float(crate::arith::int_to_f64(i)?)),
        None => Err(PyErr::type_error("__float__ of a non-number")),
    }
}

/// Adds `__float__` to int and float, and `__bool__` to range and NoneType.
fn install_conversions(vm: &mut Vm) {
    let b = crate::types::builtin_types();
    let rt = crate::rt_types::rt();
    let t = vm.token();
    for (ty, name, f) in [
        (&b.int, "__float__", d_float as NativeFn),
        (&b.float, "__float__", d_float),
        (&rt.range, "__bool__", d_bool),
        (&b.none_type, "__bool__", d_bool),
    ] {
        let key = Value::Obj(crate::builtins::str::intern(t, name));
        let has = ty
            .downcast::<TypeObject>()
            .is_some_and(|tp| tp.dict.get_str(t, &key).is_some());
        if !has {
            add_method(t, ty, name, f);
        }
    }
}

/// An in-place operator of a builtin container (`list.__iadd__`,
/// `dict.__ior__`, `set.__iand__`, ...): the builtin in-place behaviour,
/// `NotImplemented` when it doesn't apply to the operand.
fn inplace(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    op: crate::vm::BinOp,
) -> PyResult<Value> {
    let other = one_arg(vm, "inplace", args, kw)?.clone();
    let me = args[0].clone();
    if op == crate::vm::BinOp::Add {
        if let Some(l) = me.downcast::<crate::builtins::list::List>() {
            let items = vm.sequence_to_vec(&other)?;
            for v in items {
                l.append(vm.token(), v);
            }
            return Ok(me);
        }
    }
    if op == crate::vm::BinOp::Multiply
        && me.downcast::<crate::builtins::list::List>().is_some()
        && other.as_int().is_none()
    {
        // CPython's `list_inplace_repeat` takes an index.
        vm.index_isize(&other)?;
    }
    Ok(super::containers::inplace_builtin(vm, &me, &other, op)?.unwrap_or_else(not_implemented))
}

fn i_add(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    inplace(vm, args, kw, crate::vm::BinOp::Add)
}

fn i_mul(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    inplace(vm, args, kw, crate::vm::BinOp::Multiply)
}

fn i_or(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    inplace(vm, args, kw, crate::vm::BinOp::Or)
}

fn i_and(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    inplace(vm, args, kw, crate::vm::BinOp::And)
}

fn i_sub(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    inplace(vm, args, kw, crate::vm::BinOp::Subtract)
}

fn i_xor(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    inplace(vm, args, kw, crate::vm::BinOp::Xor)
}

/// Adds the in-place operators CPython's list, dict and set define.
fn install_inplace(vm: &mut Vm) {
    let b = crate::types::builtin_types();
    let rt = crate::rt_types::rt();
    let t = vm.token();
    let table: [(&ObjRef, &'static str, NativeFn); 7] = [
        (&b.list, "__iadd__", i_add),
        (&b.list, "__imul__", i_mul),
        (&b.dict, "__ior__", i_or),
        (&rt.set, "__ior__", i_or),
        (&rt.set, "__iand__", i_and),
        (&rt.set, "__isub__", i_sub),
        (&rt.set, "__ixor__", i_xor),
    ];
    for (ty, name, f) in table {
        let key = Value::Obj(crate::builtins::str::intern(t, name));
        let has = ty
            .downcast::<TypeObject>()
            .is_some_and(|tp| tp.dict.get_str(t, &key).is_some());
        if !has {
            add_method(t, ty, name, f);
        }
    }
}

/// `list.__class_getitem__(item)` (a class method): `cls[item]` as a
/// `types.GenericAlias` (CPython's `Py_GenericAlias`).
fn class_getitem(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__class_getitem__", args, kw, 2)?;
    Ok(crate::generic_alias::new_alias(vm, &a[0], &a[1]))
}

/// Adds `__class_getitem__` to the generic builtin containers.
fn install_class_getitem(vm: &mut Vm) {
    let b = crate::types::builtin_types();
    let rt = crate::rt_types::rt();
    let mut types = vec![
        b.list.clone(),
        b.dict.clone(),
        b.tuple.clone(),
        rt.set.clone(),
        rt.iters.enumerate.clone(),
    ];
    types.extend(super::frozenset::frozenset_type());
    let t = vm.token();
    for ty in &types {
        super::add_classmethod(t, ty, "__class_getitem__", class_getitem);
    }
}

/// Adds `__pow__`/`__rpow__` to int, float and complex.
fn install_pow(vm: &mut Vm) {
    let b = crate::types::builtin_types();
    let mut types = vec![b.int.clone(), b.float.clone()];
    types.extend(super::complex::complex_type());
    let t = vm.token();
    let key = Value::Obj(crate::builtins::str::intern(t, "__pow__"));
    for ty in &types {
        let has = ty
            .downcast::<TypeObject>()
            .is_some_and(|tp| tp.dict.get_str(t, &key).is_some());
        if !has {
            add_method(t, ty, "__pow__", d_pow);
            add_method(t, ty, "__rpow__", d_rpow);
        }
    }
}

/// Adds `__iter__` to the iterable builtin types that lack it.
fn install_iter(vm: &mut Vm) {
    let b = crate::types::builtin_types();
    let rt = crate::rt_types::rt();
    let mut types = vec![
        b.str_.clone(),
        b.list.clone(),
        b.tuple.clone(),
        b.dict.clone(),
        rt.set.clone(),
        rt.range.clone(),
    ];
    types.extend(super::frozenset::frozenset_type());
    types.extend(super::bytes::bytes_type(false));
    types.extend(super::bytes::bytes_type(true));
    let t = vm.token();
    let key = Value::Obj(crate::builtins::str::intern(t, "__iter__"));
    for ty in &types {
        let has = ty
            .downcast::<TypeObject>()
            .is_some_and(|tp| tp.dict.get_str(t, &key).is_some());
        if !has {
            add_method(t, ty, "__iter__", d_iter);
        }
    }
}

/// Adds every wrapper of this file (names a type already has are kept).
pub fn install(vm: &mut Vm) {
    install_iter(vm);
    install_pow(vm);
    install_conversions(vm);
    install_class_getitem(vm);
    install_inplace(vm);
}
