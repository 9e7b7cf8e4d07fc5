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

/// `NotImplemented`.
pub(super) fn not_implemented() -> Value {
    Value::Obj(crate::rt_types::rt().not_implemented.clone())
}

/// The one argument after the receiver (`x.__add__(y)`'s `y`).
pub(super) fn one_arg<'a>(
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
pub(super) fn builtin_base(vm: &mut Vm, v: &Value) -> Option<ObjRef> {
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

/// Checks that only the receiver was passed.
pub(super) fn no_args(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<()> {
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

/// `x.__bool__()`: its truth value.
pub(super) fn d_bool(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
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
    super::slot_dunders::install(vm);
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
