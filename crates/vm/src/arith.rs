//! Number and sequence operator slots the object core didn't have yet
//! (CPython's `long_true_divide`, `long_pow`, shifts and bitwise ops,
//! `float_pow`, `str`/`list`/`tuple` concatenation and repetition), and `**`.

use common::bigint::BigInt;
use common::text::Text;

use crate::builtins::int::normalize;
use crate::builtins::list::List;
use crate::builtins::str::StrObj;
use crate::builtins::tuple::Tuple;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::{type_name, TypeObject};
use crate::value::{IntRef, Value};
use crate::vm::{BinOp, Vm};

/// An int as f64, or `OverflowError` ("int too large to convert to float").
pub fn int_to_f64(i: IntRef<'_>) -> PyResult<f64> {
    match i {
        IntRef::Small(s) => Ok(s as f64),
        IntRef::Big(b) => {
            let f: f64 = b.to_string().parse().unwrap_or(f64::INFINITY);
            if f.is_finite() {
                Ok(f)
            } else {
                Err(PyErr::new(
                    ExcKind::OverflowError,
                    "int too large to convert to float",
                ))
            }
        }
    }
}

/// `int / int`.
pub fn int_truediv(_vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.as_int(), b.as_int()) else {
        return Ok(None);
    };
    if let (IntRef::Small(sx), IntRef::Small(sy)) = (&x, &y) {
        // Both exact as doubles: one correctly rounded division.
        const EXACT: i64 = 1 << 53;
        if sx.unsigned_abs() <= EXACT as u64 && sy.unsigned_abs() <= EXACT as u64 {
            if *sy == 0 {
                return Err(PyErr::zero_division("division by zero"));
            }
            return Ok(Some(Value::Float(*sx as f64 / *sy as f64)));
        }
    }
    use crate::int_truediv::{true_divide, TrueDivError};
    match true_divide(&IntRef::to_bigint(x), &IntRef::to_bigint(y)) {
        Ok(f) => Ok(Some(Value::Float(f))),
        Err(TrueDivError::ZeroDivision) => Err(PyErr::zero_division("division by zero")),
        Err(TrueDivError::Overflow) => Err(PyErr::new(
            ExcKind::OverflowError,
            "integer division result too large for a float",
        )),
    }
}

fn shift_count(y: IntRef<'_>) -> PyResult<Option<u64>> {
    match y {
        IntRef::Small(s) if s < 0 => Err(PyErr::value_error("negative shift count")),
        IntRef::Small(s) => Ok(Some(s as u64)),
        IntRef::Big(b) if *b < BigInt::ZERO => Err(PyErr::value_error("negative shift count")),
        IntRef::Big(_) => Ok(None),
    }
}

/// `int << int`.
pub fn int_lshift(_vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.as_int(), b.as_int()) else {
        return Ok(None);
    };
    let n = shift_count(y)?;
    let bx = IntRef::to_bigint(x);
    if bx == BigInt::ZERO {
        return Ok(Some(Value::Int(0)));
    }
    match n {
        Some(n) if n < (1 << 32) => Ok(Some(normalize(bx << n as usize))),
        _ => Err(PyErr::new(
            ExcKind::OverflowError,
            "too many digits in integer",
        )),
    }
}

/// `int >> int`.
pub fn int_rshift(_vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.as_int(), b.as_int()) else {
        return Ok(None);
    };
    let n = shift_count(y)?;
    let bx = IntRef::to_bigint(x);
    Ok(Some(match n {
        Some(n) if n < (1 << 32) => normalize(bx >> n as usize),
        _ => Value::Int(if bx < BigInt::ZERO { -1 } else { 0 }),
    }))
}

macro_rules! bitop {
    ($name:ident, $op:tt, $doc:literal) => {
        #[doc = $doc]
        pub fn $name(_vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
            match (a, b) {
                (Value::Bool(x), Value::Bool(y)) => return Ok(Some(Value::Bool(*x $op *y))),
                _ => {}
            }
            let (Some(x), Some(y)) = (a.as_int(), b.as_int()) else {
                return Ok(None);
            };
            if let (IntRef::Small(x), IntRef::Small(y)) = (x, y) {
                return Ok(Some(Value::Int(x $op y)));
            }
            Ok(Some(normalize(IntRef::to_bigint(x) $op IntRef::to_bigint(y))))
        }
    };
}

bitop!(int_and, &, "`int & int`.");
bitop!(int_or, |, "`int | int`.");
bitop!(int_xor, ^, "`int ^ int`.");

impl Vm {
    /// `a ** b` (CPython's `PyNumber_Power` with no modulus).
    pub fn power(&mut self, a: &Value, b: &Value) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
            return int_pow(x, y);
        }
        let fa = match a.as_float() {
            Some(f) => Some(f),
            None => a.as_int().map(int_to_f64).transpose()?,
        };
        let fb = match b.as_float() {
            Some(f) => Some(f),
            None => b.as_int().map(int_to_f64).transpose()?,
        };
        let builtin_operands = |v: &Value| v.as_float().is_some() || v.as_int().is_some();
        if let (Some(x), Some(y), true, true) = (fa, fb, builtin_operands(a), builtin_operands(b)) {
            return float_pow(x, y);
        }
        if let Some(r) = crate::methods::complex::power(a, b)? {
            return Ok(r);
        }
        for (obj, other, name, reflected) in [(a, b, "__pow__", false), (b, a, "__rpow__", true)] {
            let t = obj.type_ref();
            let key = crate::builtins::str::intern(self.token(), name);
            let user = t
                .downcast::<TypeObject>()
                .filter(|t| !t.is_builtin())
                .and_then(|tp| tp.lookup(self.token(), &Value::Obj(key.clone())));
            if user.is_some() {
                let m = self.getattr(obj, &key)?;
                let r = self.call(&m, std::slice::from_ref(other), None)?;
                if !r.is(&Value::Obj(crate::rt_types::rt().not_implemented.clone())) {
                    return Ok(r);
                }
            }
            let _ = reflected;
        }
        Err(PyErr::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
            type_name(self.token(), &a.type_ref()),
            type_name(self.token(), &b.type_ref())
        )))
    }
}

fn int_pow(x: IntRef<'_>, y: IntRef<'_>) -> PyResult<Value> {
    let ye = match y {
        IntRef::Small(e) => e,
        IntRef::Big(_) => {
            return match x {
                IntRef::Small(0) | IntRef::Small(1) => Ok(Value::Int(match x {
                    IntRef::Small(v) => v,
                    _ => 0,
                })),
                _ => Err(PyErr::new(ExcKind::MemoryError, "")),
            }
        }
    };
    if ye < 0 {
        let fx = int_to_f64(x)?;
        if fx == 0.0 {
            return Err(PyErr::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return float_pow(fx, ye as f64);
    }
    if let IntRef::Small(b) = x {
        if let Ok(e) = u32::try_from(ye) {
            if let Some(r) = b.checked_pow(e) {
                return Ok(Value::Int(r));
            }
        }
    }
    if ye > (1 << 28) {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    Ok(normalize(IntRef::to_bigint(x).pow(ye as usize)))
}

fn float_pow(x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(PyErr::zero_division(
            "0.0 cannot be raised to a negative power",
        ));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(PyErr::value_error(
            "complex results (negative number to a fractional power) are not supported yet",
        ));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(crate::nan_identity::new_float(r))
}

fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<usize> {
    match n.as_int() {
        Some(IntRef::Small(i)) => Ok(i.max(0) as usize),
        Some(IntRef::Big(b)) if *b < BigInt::ZERO => Ok(0),
        Some(IntRef::Big(_)) => Err(PyErr::new(
            ExcKind::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        )),
        None => {
            let _ = vm;
            Err(PyErr::type_error("can't multiply sequence by non-int"))
        }
    }
}

/// The repeat count of `seq * n` (CPython's `sequence_repeat`): an int, or
/// an object with `__index__`; otherwise "can't multiply sequence by non-int".
fn repeat_operand(vm: &mut Vm, n: &Value) -> PyResult<usize> {
    if n.as_int().is_some() {
        return repeat_count(vm, n);
    }
    let t = n.type_ref();
    let index = t
        .downcast::<crate::types::TypeObject>()
        .and_then(|t| t.number.index.get());
    match index {
        Some(f) => {
            let r = f(vm, n)?;
            if r.as_int().is_none() {
                return Err(PyErr::type_error(format!(
                    "__index__ returned non-int (type {})",
                    type_name(vm.token(), &r.type_ref())
                )));
            }
            repeat_count(vm, &r)
        }
        None => Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(vm.token(), &n.type_ref())
        ))),
    }
}

const MAX_ITEMS: usize = 1 << 31;

/// The `TypeError` of `seq + other` once neither operand's `+` applied
/// (CPython's `sq_concat` of str, list and tuple): "can only concatenate list
/// (not \"int\") to list"; `None` if `a` is none of those.
pub fn concat_error(vm: &mut Vm, a: &Value, b: &Value) -> Option<PyErr> {
    let kind = if a.downcast::<StrObj>().is_some() {
        "str"
    } else if a.downcast::<List>().is_some() {
        "list"
    } else if a.downcast::<Tuple>().is_some() {
        "tuple"
    } else {
        return None;
    };
    Some(PyErr::type_error(format!(
        "can only concatenate {kind} (not \"{}\") to {kind}",
        type_name(vm.token(), &b.type_ref())
    )))
}

/// `str + str`.
pub fn str_add(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.downcast::<StrObj>(), b.downcast::<StrObj>()) else {
        // `NotImplemented`: the other operand's `__radd__` may apply;
        // `Vm::binary_op` gives `concat_error`'s message if none does.
        let _ = vm;
        return Ok(None);
    };
    let mut t = Text::with_capacity(x.as_bytes().len() + y.as_bytes().len());
    t.push_text(x.text());
    t.push_text(y.text());
    Ok(Some(Value::Obj(StrObj::alloc_text(t))))
}

/// `str * int`, `int * str`.
pub fn str_mul(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (s, n) = match (a.downcast::<StrObj>(), b.downcast::<StrObj>()) {
        (Some(s), _) => (s, b),
        (None, Some(s)) => (s, a),
        _ => return Ok(None),
    };
    let k = repeat_operand(vm, n)?;
    if s.as_bytes().len().saturating_mul(k) > MAX_ITEMS {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let mut t = Text::with_capacity(s.as_bytes().len() * k);
    for _ in 0..k {
        t.push_text(s.text());
    }
    Ok(Some(Value::Obj(StrObj::alloc_text(t))))
}

/// `list + list`.
pub fn list_add(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.downcast::<List>(), b.downcast::<List>()) else {
        // `NotImplemented`: the other operand's `__radd__` may apply;
        // `Vm::binary_op` gives `concat_error`'s message if none does.
        let _ = vm;
        return Ok(None);
    };
    let mut v = x.to_vec(vm.token());
    v.extend(y.to_vec(vm.token()));
    Ok(Some(Value::Obj(List::alloc(v))))
}

/// `tuple + tuple`.
pub fn tuple_add(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.downcast::<Tuple>(), b.downcast::<Tuple>()) else {
        // `NotImplemented`: the other operand's `__radd__` may apply;
        // `Vm::binary_op` gives `concat_error`'s message if none does.
        let _ = vm;
        return Ok(None);
    };
    let mut v = x.items(vm.token()).to_vec();
    v.extend_from_slice(y.items(vm.token()));
    Ok(Some(Value::Obj(Tuple::alloc(v))))
}

fn seq_items(vm: &mut Vm, v: &Value) -> Option<(Vec<Value>, bool)> {
    if let Some(l) = v.downcast::<List>() {
        return Some((l.to_vec(vm.token()), true));
    }
    v.downcast::<Tuple>()
        .map(|t| (t.items(vm.token()).to_vec(), false))
}

/// `list * int`, `tuple * int` (and reflected).
pub fn seq_mul(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (items, is_list, n) = match (seq_items(vm, a), seq_items(vm, b)) {
        (Some((i, l)), _) => (i, l, b),
        (None, Some((i, l))) => (i, l, a),
        _ => return Ok(None),
    };
    let k = repeat_operand(vm, n)?;
    if items.len().saturating_mul(k) > MAX_ITEMS {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let mut out = Vec::with_capacity(items.len() * k);
    for _ in 0..k {
        out.extend_from_slice(&items);
    }
    Ok(Some(Value::Obj(if is_list {
        List::alloc(out)
    } else {
        Tuple::alloc(out)
    })))
}

fn t(o: &ObjRef) -> Option<&crate::types::NumberSlots> {
    o.downcast::<TypeObject>().map(|t| &t.number)
}

/// Installs these slots on the builtin types.
pub fn install() {
    let b = crate::types::builtin_types();
    if let Some(n) = t(&b.int) {
        n.true_divide.set(Some(int_truediv));
        n.lshift.set(Some(int_lshift));
        n.rshift.set(Some(int_rshift));
        n.and.set(Some(int_and));
        n.or.set(Some(int_or));
        n.xor.set(Some(int_xor));
    }
    if let Some(n) = t(&b.bool_) {
        n.true_divide.set(Some(int_truediv));
        n.lshift.set(Some(int_lshift));
        n.rshift.set(Some(int_rshift));
        n.and.set(Some(int_and));
        n.or.set(Some(int_or));
        n.xor.set(Some(int_xor));
    }
    if let Some(n) = t(&b.str_) {
        n.add.set(Some(str_add));
        n.multiply.set(Some(str_mul));
        n.remainder.set(Some(crate::strformat::str_mod));
    }
    if let Some(n) = t(&b.list) {
        n.add.set(Some(list_add));
        n.multiply.set(Some(seq_mul));
    }
    if let Some(n) = t(&b.tuple) {
        n.add.set(Some(tuple_add));
        n.multiply.set(Some(seq_mul));
    }
    let _ = BinOp::Add;
}
