//! Operator dunder methods of the builtin types (`int.__add__`, `str.__lt__`,
//! `list.__hash__` ...), generated from the types' slots as CPython's
//! `slotdefs` do: `x.__add__(y)` calls the `add` slot, `x.__radd__(y)` calls it
//! with the operands swapped, and a slot's "not implemented" is `NotImplemented`.

use crate::calls::{add_method, kwnames_len, NativeFn};
use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::slots::BinaryFn;
use crate::types::{CompareOp, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

fn not_implemented() -> Value {
    Value::Obj(crate::rt_types::rt().not_implemented.clone())
}

fn one_arg<'a>(
    vm: &mut Vm,
    name: &str,
    args: &'a [Value],
    kw: Option<&ObjRef>,
) -> PyResult<&'a Value> {
    if kwnames_len(vm.token(), kw) > 0 || args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "expected 1 argument, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let _ = name;
    Ok(&args[1])
}

/// The nearest builtin type in `type(v)`'s MRO: its slots are the builtin
/// behaviour a dunder method exposes (a user subclass's own slots call back into
/// its Python methods, so `super().__add__(x)` must not use them).
fn builtin_base(vm: &mut Vm, v: &Value) -> Option<ObjRef> {
    let t = v.type_ref();
    let tp = t.downcast::<TypeObject>()?;
    if tp.is_builtin() {
        return Some(t.clone());
    }
    let mro = tp.mro(vm.token());
    mro.iter()
        .find(|m| m.downcast::<TypeObject>().is_some_and(|x| x.is_builtin()))
        .cloned()
}

fn slot_of(vm: &mut Vm, v: &Value, pick: fn(&TypeObject) -> Option<BinaryFn>) -> Option<BinaryFn> {
    builtin_base(vm, v)?.downcast::<TypeObject>().and_then(pick)
}

macro_rules! binary_dunders {
    ($(($fwd:ident, $rev:ident, $name:literal, $rname:literal, $slot:ident),)*) => {
        $(
            fn $fwd(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                let other = one_arg(vm, $name, args, kw)?.clone();
                match slot_of(vm, &args[0], |t| t.number.$slot.get()) {
                    Some(f) => Ok(f(vm, &args[0], &other)?.unwrap_or_else(not_implemented)),
                    None => Ok(not_implemented()),
                }
            }
            fn $rev(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                let other = one_arg(vm, $rname, args, kw)?.clone();
                match slot_of(vm, &args[0], |t| t.number.$slot.get()) {
                    Some(f) => Ok(f(vm, &other, &args[0])?.unwrap_or_else(not_implemented)),
                    None => Ok(not_implemented()),
                }
            }
        )*
        /// `(name, reflected name, method, reflected method, has slot)`.
        fn binary_table() -> Vec<(&'static str, &'static str, NativeFn, NativeFn, fn(&TypeObject) -> bool)> {
            vec![$(($name, $rname, $fwd as NativeFn, $rev as NativeFn, |t: &TypeObject| t.number.$slot.get().is_some()),)*]
        }
    };
}

binary_dunders! {
    (d_add, d_radd, "__add__", "__radd__", add),
    (d_sub, d_rsub, "__sub__", "__rsub__", subtract),
    (d_mul, d_rmul, "__mul__", "__rmul__", multiply),
    (d_truediv, d_rtruediv, "__truediv__", "__rtruediv__", true_divide),
    (d_floordiv, d_rfloordiv, "__floordiv__", "__rfloordiv__", floor_divide),
    (d_mod, d_rmod, "__mod__", "__rmod__", remainder),
    (d_divmod, d_rdivmod, "__divmod__", "__rdivmod__", divmod),
    (d_lshift, d_rlshift, "__lshift__", "__rlshift__", lshift),
    (d_rshift, d_rrshift, "__rshift__", "__rrshift__", rshift),
    (d_and, d_rand, "__and__", "__rand__", and),
    (d_or, d_ror, "__or__", "__ror__", or),
    (d_xor, d_rxor, "__xor__", "__rxor__", xor),
}

macro_rules! compare_dunders {
    ($(($f:ident, $name:literal, $op:ident),)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                let other = one_arg(vm, $name, args, kw)?.clone();
                let slot = builtin_base(vm, &args[0])
                    .and_then(|t| t.downcast::<TypeObject>().and_then(|t| t.slots.richcompare.get()));
                match slot {
                    Some(f) => Ok(f(vm, &args[0], &other, CompareOp::$op)?.unwrap_or_else(not_implemented)),
                    None => Ok(not_implemented()),
                }
            }
        )*
        const COMPARE_TABLE: &[(&str, NativeFn)] = &[$(($name, $f),)*];
    };
}

compare_dunders! {
    (d_eq, "__eq__", Eq),
    (d_ne, "__ne__", Ne),
    (d_lt, "__lt__", Lt),
    (d_le, "__le__", Le),
    (d_gt, "__gt__", Gt),
    (d_ge, "__ge__", Ge),
}

fn no_args(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<()> {
    if kwnames_len(vm.token(), kw) > 0 || args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "expected 0 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    Ok(())
}

fn d_neg(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_args(vm, args, kw)?;
    let f = builtin_base(vm, &args[0]).and_then(|t| {
        t.downcast::<TypeObject>()
            .and_then(|t| t.number.negative.get())
    });
    match f {
        Some(f) => f(vm, &args[0]),
        None => Ok(not_implemented()),
    }
}

fn d_pos(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_args(vm, args, kw)?;
    let f = builtin_base(vm, &args[0]).and_then(|t| {
        t.downcast::<TypeObject>()
            .and_then(|t| t.number.positive.get())
    });
    match f {
        Some(f) => f(vm, &args[0]),
        None => Ok(not_implemented()),
    }
}

fn d_abs(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_args(vm, args, kw)?;
    let f = builtin_base(vm, &args[0]).and_then(|t| {
        t.downcast::<TypeObject>()
            .and_then(|t| t.number.absolute.get())
    });
    match f {
        Some(f) => f(vm, &args[0]),
        None => Ok(not_implemented()),
    }
}

fn d_bool(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_args(vm, args, kw)?;
    Ok(Value::Bool(vm.is_true(&args[0])?))
}

fn d_hash(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_args(vm, args, kw)?;
    let f = builtin_base(vm, &args[0])
        .and_then(|t| t.downcast::<TypeObject>().and_then(|t| t.slots.hash.get()));
    match f {
        Some(f) => Ok(Value::Int(f(vm, &args[0])? as i64)),
        None => Ok(Value::Int(vm.hash(&args[0])? as i64)),
    }
}

/// `-x`, `+x`, `abs(x)`, `~x` for ints and floats (the VM does these inline,
/// without slots).
fn real_unary(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>, which: u8) -> PyResult<Value> {
    use crate::builtins::int;
    use crate::value::IntRef;
    no_args(vm, args, kw)?;
    let v = &args[0];
    if let Some(f) = v.as_float() {
        return Ok(match which {
            0 => crate::nan_identity::new_float(-f),
            1 => Value::Float(f),
            _ => crate::nan_identity::new_float(f.abs()),
        });
    }
    let Some(i) = v.as_int() else {
        return Ok(not_implemented());
    };
    let owned = i.to_bigint();
    let r = IntRef::Big(&owned);
    Ok(match which {
        0 => int::neg(r),
        1 => int::normalize(owned.clone()),
        2 => int::abs(r),
        _ => int::normalize(-owned.clone() - common::bigint::BigInt::ONE),
    })
}

fn r_neg(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    real_unary(vm, args, kw, 0)
}
fn r_pos(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    real_unary(vm, args, kw, 1)
}
fn r_abs(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    real_unary(vm, args, kw, 2)
}
fn r_invert(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    real_unary(vm, args, kw, 3)
}

/// `int.__divmod__`/`float.__divmod__` and the reflected forms (CPython's
/// `long_divmod`/`float_divmod`): the VM divides ints and floats inline, so
/// these have no slot; other operand types give `NotImplemented`.
fn real_divmod(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>, rev: bool) -> PyResult<Value> {
    let other = one_arg(vm, "__divmod__", args, kw)?.clone();
    let me = &args[0];
    let is_float = me.as_float().is_some();
    let ok = other.as_int().is_some() || (is_float && other.as_float().is_some());
    if !ok {
        return Ok(not_implemented());
    }
    let (a, b) = if rev {
        (other, me.clone())
    } else {
        (me.clone(), other)
    };
    let q = vm.binary_op(&a, &b, crate::vm::BinOp::FloorDivide)?;
    let r = vm.binary_op(&a, &b, crate::vm::BinOp::Remainder)?;
    Ok(Value::Obj(crate::builtins::tuple::Tuple::alloc(vec![q, r])))
}

fn r_divmod(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    real_divmod(vm, args, kw, false)
}
fn r_rdivmod(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    real_divmod(vm, args, kw, true)
}

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

/// Adds the operator dunders to the builtin types, for each slot the type has
/// (and doesn't already expose as a method).
pub fn install(vm: &mut Vm) {
    let b = crate::types::builtin_types();
    let rt = crate::rt_types::rt();
    let mut types = vec![
        b.int.clone(),
        b.float.clone(),
        b.str_.clone(),
        b.list.clone(),
        b.tuple.clone(),
        b.dict.clone(),
        rt.set.clone(),
        rt.range.clone(),
    ];
    types.extend(super::complex::complex_type());
    types.extend(super::frozenset::frozenset_type());
    install_iter(vm);
    install_pow(vm);
    install_conversions(vm);
    install_class_getitem(vm);
    install_inplace(vm);
    let binaries = binary_table();
    let t = vm.token();
    for (ty, int) in [(&b.int, true), (&b.float, false)] {
        add_method(t, ty, "__neg__", r_neg);
        add_method(t, ty, "__pos__", r_pos);
        add_method(t, ty, "__abs__", r_abs);
        add_method(t, ty, "__bool__", d_bool);
        let key = Value::Obj(crate::builtins::str::intern(t, "__divmod__"));
        let has_divmod = ty
            .downcast::<TypeObject>()
            .is_some_and(|tp| tp.dict.get_str(t, &key).is_some());
        if !has_divmod {
            add_method(t, ty, "__divmod__", r_divmod);
            add_method(t, ty, "__rdivmod__", r_rdivmod);
        }
        if int {
            add_method(t, ty, "__invert__", r_invert);
        }
    }
    for ty in &types {
        let Some(tp) = ty.downcast::<TypeObject>() else {
            continue;
        };
        let has = |t: &mut crate::object::Token, name: &str| {
            let key = Value::Obj(crate::builtins::str::intern(t, name));
            tp.dict.get_str(t, &key).is_some()
        };
        // `+` of a sequence is CPython's `sq_concat`: `__add__` only.
        let seq = ty.is(&b.str_) || ty.is(&b.list) || ty.is(&b.tuple);
        for (name, rname, f, rf, present) in &binaries {
            if present(tp) && !has(t, name) {
                add_method(t, ty, name, *f);
                if !(seq && *name == "__add__") {
                    add_method(t, ty, rname, *rf);
                }
            }
        }
        if tp.slots.richcompare.get().is_some() {
            for (name, f) in COMPARE_TABLE {
                if !has(t, name) {
                    add_method(t, ty, name, *f);
                }
            }
        }
        let unary: [(&'static str, NativeFn, bool); 5] = [
            ("__neg__", d_neg, tp.number.negative.get().is_some()),
            ("__pos__", d_pos, tp.number.positive.get().is_some()),
            ("__abs__", d_abs, tp.number.absolute.get().is_some()),
            ("__bool__", d_bool, tp.number.bool_.get().is_some()),
            ("__hash__", d_hash, tp.slots.hash.get().is_some()),
        ];
        for (name, f, present) in unary {
            if present && !has(t, name) {
                add_method(t, ty, name, f);
            }
        }
    }
}
