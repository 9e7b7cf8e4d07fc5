//! Three-argument `pow(base, exp, mod)` (CPython's `long_pow` with a modulus,
//! including the modular inverse for negative exponents, and the ternary
//! `__pow__` of other types).

use common::bigint::BigInt;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::types::type_name;
use crate::value::{IntRef, Value};
use crate::vm::Vm;

/// `a mod m` with the sign of `m`, as Python's `%` (`m` non-zero).
fn py_mod(a: &BigInt, m: &BigInt) -> BigInt {
    let zero = BigInt::from(0);
    let r = a % m;
    if r != zero && ((r < zero) != (*m < zero)) {
        r + m
    } else {
        r
    }
}

/// The inverse of `a` modulo `m > 1`, or `None` when they are not coprime.
fn inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let zero = BigInt::from(0);
    let (mut old_r, mut r) = (py_mod(a, m), m.clone());
    let (mut old_s, mut s) = (BigInt::from(1), BigInt::from(0));
    while r != zero {
        let q = &old_r / &r;
        let nr = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, nr);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    (old_r == BigInt::from(1)).then(|| py_mod(&old_s, m))
}

/// `pow(b, e, m)` on ints (CPython's `long_pow` with a modulus).
fn int_pow_mod(b: BigInt, e: BigInt, m: BigInt) -> PyResult<Value> {
    let zero = BigInt::from(0);
    let one = BigInt::from(1);
    if m == zero {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let negative_output = m < zero;
    let m = if negative_output { -m } else { m };
    if m == one {
        return Ok(Value::Int(0));
    }
    let (mut base, mut e) = if e < zero {
        match inverse(&b, &m) {
            Some(inv) => (inv, -e),
            None => {
                return Err(PyErr::value_error(
                    "base is not invertible for the given modulus",
                ))
            }
        }
    } else {
        (py_mod(&b, &m), e)
    };
    let two = BigInt::from(2);
    let mut r = one.clone();
    while e > zero {
        if &e % &two == one {
            r = (&r * &base) % &m;
        }
        base = (&base * &base) % &m;
        e = &e / &two;
    }
    if negative_output && r != zero {
        r -= &m;
    }
    Ok(crate::builtins::int::normalize(r))
}

/// `pow(base, exp, mod)` with a non-`None` modulus: ints directly, floats
/// rejected as CPython does, other types through their `__pow__(exp, mod)`.
pub fn pow3(vm: &mut Vm, b: &Value, e: &Value, m: &Value) -> PyResult<Value> {
    if let (Some(x), Some(y), Some(z)) = (b.as_int(), e.as_int(), m.as_int()) {
        return int_pow_mod(
            IntRef::to_bigint(x),
            IntRef::to_bigint(y),
            IntRef::to_bigint(z),
        );
    }
    let is_num = |v: &Value| v.as_int().is_some() || matches!(v, Value::Float(_));
    if is_num(b) && is_num(e) && is_num(m) {
        return Err(PyErr::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    let bt = b.type_ref();
    let builtin = bt
        .downcast::<crate::types::TypeObject>()
        .is_some_and(|t| t.is_builtin());
    let key = Value::Obj(crate::builtins::str::intern(vm.token(), "__pow__"));
    let has_pow = bt
        .downcast::<crate::types::TypeObject>()
        .and_then(|t| t.lookup(vm.token(), &key))
        .is_some();
    if !builtin && has_pow {
        let r = vm.call_method(b, "__pow__", &[e.clone(), m.clone()])?;
        if !r.is(&Value::Obj(crate::rt_types::rt().not_implemented.clone())) {
            return Ok(r);
        }
    }
    let names = [b, e, m].map(|v| type_name(vm.token(), &v.type_ref()));
    Err(PyErr::new(
        ExcKind::TypeError,
        format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            names[0], names[1], names[2]
        ),
    ))
}
