//! Methods and attributes of `int`, `float`, `range` and `slice` (CPython's
//! `Objects/longobject.c`, `floatobject.c`, `rangeobject.c`, `sliceobject.c`).

use common::bigint::BigInt;
use dashu_int::ops::{BitTest, UnsignedAbs};

use crate::builtins::int::normalize;
use crate::builtins::range::RangeObj;
use crate::builtins::slice::SliceObj;
use crate::builtins::str::new_str;
use crate::builtins::tuple::Tuple;
use crate::calls::{add_method, kwnames_len, NativeFn};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::builtin_types;
use crate::value::{IntRef, Value};
use crate::vm::Vm;

/// The arguments after the receiver (`min..=max` of them), with `METH_NOARGS` /
/// `METH_O` messages ("int.bit_length() takes no arguments (1 given)").
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
    Err(PyErr::type_error(match (min, max) {
        (0, 0) => format!("{qual}() takes no arguments ({n} given)"),
        (1, 1) => format!("{qual}() takes exactly one argument ({n} given)"),
        _ => format!("{qual}() takes at most {max} arguments ({n} given)"),
    }))
}

/// The receiver as an int (bool included).
fn int_self(args: &[Value]) -> PyResult<BigInt> {
    args.first()
        .and_then(|v| v.as_int())
        .map(IntRef::to_bigint)
        .ok_or_else(|| PyErr::type_error("descriptor requires an 'int' object"))
}

/// The receiver as a float.
fn float_self(args: &[Value]) -> PyResult<f64> {
    match args.first().and_then(Value::as_float) {
        Some(f) => Ok(f),
        None => Err(PyErr::type_error("descriptor requires a 'float' object")),
    }
}

/// The receiver as an exact `int` (`bool` becomes `int`, as `int.real` &c. do).
fn int_value(args: &[Value]) -> PyResult<Value> {
    Ok(normalize(int_self(args)?))
}

fn int_bit_length(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "int.bit_length", args, kw, 0, 0)?;
    let b = int_self(args)?;
    Ok(Value::Int((&b).unsigned_abs().bit_len() as i64))
}

fn int_bit_count(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "int.bit_count", args, kw, 0, 0)?;
    let b = int_self(args)?;
    Ok(Value::Int((&b).unsigned_abs().count_ones() as i64))
}

fn int_conjugate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "int.conjugate", args, kw, 0, 0)?;
    int_value(args)
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "int.as_integer_ratio", args, kw, 0, 0)?;
    Ok(Value::Obj(Tuple::alloc(vec![
        int_value(args)?,
        Value::Int(1),
    ])))
}

fn int_getter_self(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    int_value(args)
}

fn int_getter_zero(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    int_self(args)?;
    Ok(Value::Int(0))
}

fn int_getter_one(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    int_self(args)?;
    Ok(Value::Int(1))
}

fn int_index(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "int.__index__", args, kw, 0, 0)?;
    int_value(args)
}

/// `int.__round__(ndigits=None)`: the int itself for `ndigits >= 0` or omitted;
/// rounds half to even to a multiple of `10**-ndigits` otherwise.
fn int_round(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "int.__round__", args, kw, 0, 1)?;
    let x = int_self(args)?;
    let nd = match a.first() {
        None | Some(Value::None) => return Ok(normalize(x)),
        Some(v) => vm.index_i64(v)?,
    };
    Ok(round_int(x, nd))
}

/// `round(x, nd)` for an int `x` (CPython's `long_round`): `x` for `nd >= 0`, else
/// `x` rounded half to even to a multiple of `10**-nd`.
pub fn round_int(x: BigInt, nd: i64) -> Value {
    if nd >= 0 {
        return normalize(x);
    }
    let e = nd.unsigned_abs();
    // 10**e > |x| for any x this large: the result is 0.
    if e > 1_000_000 || e as usize > (&x).unsigned_abs().bit_len() / 3 + 2 {
        return Value::Int(0);
    }
    let m = BigInt::from(10u8).pow(e as usize);
    let (q, r) = (&x / &m, &x % &m);
    // Floor division semantics.
    let (mut q, r) = if r < BigInt::ZERO {
        (q - BigInt::ONE, r + &m)
    } else {
        (q, r)
    };
    let twice = &r * BigInt::from(2u8);
    if twice > m || (twice == m && (&q % BigInt::from(2u8)) != BigInt::ZERO) {
        q += BigInt::ONE;
    }
    normalize(q * m)
}

// ----- float -----

fn float_is_integer(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "float.is_integer", args, kw, 0, 0)?;
    let f = float_self(args)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "float.as_integer_ratio", args, kw, 0, 0)?;
    let f = float_self(args)?;
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    let (mut m, mut e) = crate::builtins::float::frexp(f);
    let mut i = 0;
    while m != m.floor() && i < 300 {
        m *= 2.0;
        e -= 1;
        i += 1;
    }
    let mut num = crate::builtins::float::to_bigint(m).unwrap_or(BigInt::ZERO);
    let mut den = BigInt::ONE;
    if e > 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    Ok(Value::Obj(Tuple::alloc(vec![
        normalize(num),
        normalize(den),
    ])))
}

fn float_getter_self(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Float(float_self(args)?))
}

fn float_getter_zero(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    float_self(args)?;
    Ok(Value::Float(0.0))
}

fn float_conjugate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "float.conjugate", args, kw, 0, 0)?;
    Ok(Value::Float(float_self(args)?))
}

fn float_trunc(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "float.__trunc__", args, kw, 0, 0)?;
    let f = float_self(args)?;
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    Ok(normalize(
        crate::builtins::float::to_bigint(f.trunc()).unwrap_or(BigInt::ZERO),
    ))
}

/// `float.hex()`: `[-]0x1.<13 hex digits, trailing zeros stripped>p<exp>` (CPython's
/// `float_hex`).
pub fn float_to_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if exp_bits == 0 {
        (0, -1022)
    } else {
        (1, exp_bits - 1023)
    };
    let digits = format!("{mant:013x}");
    let es = if exp >= 0 { "+" } else { "-" };
    format!("{sign}0x{lead}.{digits}p{es}{}", exp.abs())
}

fn float_hex(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "float.hex", args, kw, 0, 0)?;
    Ok(new_str(&float_to_hex(float_self(args)?)))
}

/// `float.fromhex(s)` (CPython's `float_fromhex`): `[sign] ['0x'] hex digits ['.'
/// hex digits] ['p' exponent]`, or inf/nan; correctly rounded.
pub fn float_from_hex(s: &str) -> Option<Result<f64, &'static str>> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let sgn = |x: f64| if neg { -x } else { x };
    if lower == "inf" || lower == "infinity" {
        return Some(Ok(sgn(f64::INFINITY)));
    }
    if lower == "nan" {
        return Some(Ok(sgn(f64::NAN)));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mantissa, exp) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((a, b)) => (a, b),
        None => (mantissa, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let digits: Vec<u32> = int_part
        .chars()
        .chain(frac_part.chars())
        .map(|c| c.to_digit(16))
        .collect::<Option<Vec<u32>>>()?;
    let exp: i64 = match exp {
        Some(e) => {
            let ok = !e.is_empty()
                && e.trim_start_matches(['+', '-'])
                    .chars()
                    .all(|c| c.is_ascii_digit())
                && e.trim_start_matches(['+', '-']).len()
                    == e.len() - usize::from(e.starts_with(['+', '-']));
            if !ok || e.trim_start_matches(['+', '-']).is_empty() {
                return None;
            }
            e.parse::<i64>().unwrap_or(if e.starts_with('-') {
                i64::MIN / 4
            } else {
                i64::MAX / 4
            })
        }
        None => 0,
    };
    // value = N * 2**(exp - 4*len(frac)), N the big integer of all digits.
    let mut n = BigInt::ZERO;
    for d in &digits {
        n = n * BigInt::from(16u8) + BigInt::from(*d);
    }
    let e2 = exp.saturating_sub(4 * frac_part.len() as i64);
    if n == BigInt::ZERO {
        return Some(Ok(sgn(0.0)));
    }
    let bits = (&n).unsigned_abs().bit_len() as i64;
    // The exponent of the top bit: value in [2**(top), 2**(top+1)).
    let top = e2.saturating_add(bits - 1);
    if top > 1023 {
        return Some(Err("hexadecimal value too large to represent as a float"));
    }
    if top < -1075 {
        return Some(Ok(sgn(0.0)));
    }
    // Keep 53 significant bits (fewer for subnormals), round half to even.
    let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    let shift = bits - keep;
    let m = if shift > 0 {
        let s = shift as usize;
        let q = &n >> s;
        let rem = &n - (&q << s);
        let half = BigInt::ONE << (s - 1);
        let odd = (&q % BigInt::from(2u8)) != BigInt::ZERO;
        if rem > half || (rem == half && odd) {
            q + BigInt::ONE
        } else {
            q
        }
    } else {
        n << (-shift) as usize
    };
    let mf: f64 = m.to_string().parse().unwrap_or(f64::INFINITY);
    let scale = e2 + shift.max(0) + shift.min(0);
    let v = mf
        * 2f64.powi(scale.clamp(-1100, 1100) as i32 / 2)
        * 2f64.powi(scale.clamp(-1100, 1100) as i32 - scale.clamp(-1100, 1100) as i32 / 2);
    if v.is_infinite() {
        return Some(Err("hexadecimal value too large to represent as a float"));
    }
    Some(Ok(sgn(v)))
}

fn float_fromhex(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "float.fromhex", args, kw, 1, 1)?;
    let Some(s) = a[0].downcast::<crate::builtins::str::StrObj>() else {
        return Err(PyErr::type_error(
            "bad argument type for built-in operation",
        ));
    };
    let text = s.text().to_string_lossy().into_owned();
    match float_from_hex(&text) {
        Some(Ok(f)) => {
            let cls = &args[0];
            if cls.as_obj().is_some_and(|c| c.is(&builtin_types().float)) {
                Ok(crate::nan_identity::new_float(f))
            } else {
                vm.call(cls, &[Value::Float(f)], None)
            }
        }
        Some(Err(msg)) => Err(PyErr::new(ExcKind::OverflowError, msg)),
        None => Err(PyErr::value_error(
            "invalid hexadecimal floating-point string",
        )),
    }
}

// ----- range and slice -----

fn range_self(args: &[Value]) -> PyResult<(i64, i64, i64, u64)> {
    let r = args
        .first()
        .and_then(|v| v.downcast::<RangeObj>())
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'range' object"))?;
    Ok((r.start, r.stop, r.step, r.len()))
}

/// The position of `v` in the range, if it is an int in it.
fn range_position(args: &[Value], v: &Value) -> PyResult<Option<i64>> {
    let (start, _, step, len) = range_self(args)?;
    let Some(IntRef::Small(i)) = v.as_int() else {
        return Ok(None);
    };
    let off = i as i128 - start as i128;
    if off % step as i128 != 0 {
        return Ok(None);
    }
    let k = off / step as i128;
    Ok((k >= 0 && (k as u128) < len as u128).then_some(k as i64))
}

/// The receiver of a range method when it has big bounds (then the methods
/// use `range_big`).
fn big_range(args: &[Value]) -> Option<&RangeObj> {
    args.first()
        .and_then(|v| v.downcast::<RangeObj>())
        .filter(|r| r.big.is_some())
}

fn range_count(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "range.count", args, kw, 1, 1)?;
    if let Some(r) = big_range(args) {
        return crate::builtins::range_big::count(vm, r, &args[0], &a[0]);
    }
    if a[0].as_int().is_some() {
        return Ok(Value::Int(i64::from(
            range_position(args, &a[0])?.is_some(),
        )));
    }
    let mut n = 0;
    let (start, _, step, len) = range_self(args)?;
    for k in 0..len {
        let x = Value::Int((start as i128 + k as i128 * step as i128) as i64);
        if vm.eq_bool(&x, &a[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn range_index(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "range.index", args, kw, 1, 1)?;
    if let Some(r) = big_range(args) {
        return crate::builtins::range_big::index(vm, r, &args[0], &a[0]);
    }
    if a[0].as_int().is_some() {
        if let Some(k) = range_position(args, &a[0])? {
            return Ok(Value::Int(k));
        }
        let r = vm.repr_string(&a[0]);
        return Err(PyErr::value_error(format!("{r} is not in range")));
    }
    let (start, _, step, len) = range_self(args)?;
    for k in 0..len {
        let x = Value::Int((start as i128 + k as i128 * step as i128) as i64);
        if vm.eq_bool(&x, &a[0])? {
            return Ok(Value::Int(k as i64));
        }
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

fn range_getter(args: &[Value], which: usize) -> PyResult<Value> {
    if let Some(r) = big_range(args) {
        let b = crate::builtins::range_big::bounds(r);
        return Ok(crate::builtins::int::normalize(b[which].clone()));
    }
    let (start, stop, step, _) = range_self(args)?;
    Ok(Value::Int([start, stop, step][which]))
}

fn range_start(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    range_getter(args, 0)
}
fn range_stop(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    range_getter(args, 1)
}
fn range_step(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    range_getter(args, 2)
}

fn slice_indices(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos_args(vm, "slice.indices", args, kw, 1, 1)?;
    let Some(s) = args[0].downcast::<SliceObj>() else {
        return Err(PyErr::type_error("descriptor requires a 'slice' object"));
    };
    let n = vm.index_isize(&a[0])?;
    if n < 0 {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let (start, stop, step, _) = s.indices(vm, n as usize)?;
    Ok(Value::Obj(Tuple::alloc(vec![
        Value::Int(start as i64),
        Value::Int(stop as i64),
        Value::Int(step as i64),
    ])))
}

/// Adds the number, range and slice methods.
pub fn install(vm: &mut Vm) {
    let b = builtin_types();
    let rt = crate::rt_types::rt();
    let t = vm.token();
    let int_methods: &[(&'static str, NativeFn)] = &[
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("conjugate", int_conjugate),
        ("as_integer_ratio", int_as_integer_ratio),
        ("__index__", int_index),
        ("__int__", int_index),
        ("__trunc__", int_index),
        ("__floor__", int_index),
        ("__ceil__", int_index),
        ("__round__", int_round),
    ];
    for (name, f) in int_methods {
        add_method(t, &b.int, name, *f);
    }
    super::add_getter(t, &b.int, "real", int_getter_self);
    super::add_getter(t, &b.int, "imag", int_getter_zero);
    super::add_getter(t, &b.int, "numerator", int_getter_self);
    super::add_getter(t, &b.int, "denominator", int_getter_one);
    let float_methods: &[(&'static str, NativeFn)] = &[
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_as_integer_ratio),
        ("conjugate", float_conjugate),
        ("hex", float_hex),
        ("__trunc__", float_trunc),
        ("__int__", float_trunc),
    ];
    for (name, f) in float_methods {
        add_method(t, &b.float, name, *f);
    }
    super::add_getter(t, &b.float, "real", float_getter_self);
    super::add_getter(t, &b.float, "imag", float_getter_zero);
    super::add_classmethod(t, &b.float, "fromhex", float_fromhex);
    add_method(t, &rt.range, "count", range_count);
    add_method(t, &rt.range, "index", range_index);
    super::add_member(t, &rt.range, "start", range_start);
    super::add_member(t, &rt.range, "stop", range_stop);
    super::add_member(t, &rt.range, "step", range_step);
    add_method(t, &rt.slice, "indices", slice_indices);
}

/// `range[slice]` (CPython's `compute_slice`): another range.
pub fn range_slice(vm: &mut Vm, r: &RangeObj, s: &SliceObj) -> PyResult<Value> {
    crate::builtins::range_big::slice(vm, r, s)
}

/// The `(len, start, step)` triple that identifies a range's contents (CPython's
/// `range_richcompare`/`range_hash`: empty ranges are all equal, and the step
/// doesn't matter for a single element).
fn range_key(r: &RangeObj) -> (u64, Option<i64>, Option<i64>) {
    match r.len() {
        0 => (0, None, None),
        1 => (1, Some(r.start), None),
        n => (n, Some(r.start), Some(r.step)),
    }
}

fn range_richcompare(
    _vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: crate::types::CompareOp,
) -> PyResult<Option<Value>> {
    use crate::types::CompareOp;
    let (Some(x), Some(y)) = (a.downcast::<RangeObj>(), b.downcast::<RangeObj>()) else {
        return Ok(None);
    };
    let eq = if x.big.is_some() || y.big.is_some() {
        crate::builtins::range_big::key(x) == crate::builtins::range_big::key(y)
    } else {
        range_key(x) == range_key(y)
    };
    Ok(match op {
        CompareOp::Eq => Some(Value::Bool(eq)),
        CompareOp::Ne => Some(Value::Bool(!eq)),
        _ => None,
    })
}

fn range_hash(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    let Some(r) = v.downcast::<RangeObj>() else {
        return Ok(0);
    };
    if r.big.is_some() {
        return crate::builtins::range_big::hash(vm, r);
    }
    let (n, start, step) = range_key(r);
    let opt = |x: Option<i64>| x.map_or(Value::None, Value::Int);
    let t = Value::Obj(Tuple::alloc(vec![
        Value::Int(n as i64),
        opt(start),
        opt(step),
    ]));
    vm.hash(&t)
}

/// `float.__round__(ndigits=None)`: the builtin `round`.
fn float_round(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos_args(vm, "float.__round__", args, kw, 0, 1)?;
    // The exact value: `round()` of it does not come back here (an instance of
    // a float subclass would).
    let mut exact = vec![Value::Float(float_self(args)?)];
    exact.extend(args.iter().skip(1).cloned());
    let m = Value::Obj(vm.builtins_module.clone());
    let name = crate::builtins::str::intern(vm.token(), "round");
    let round = vm.getattr(&m, &name)?;
    vm.call(&round, &exact, None)
}

/// Range comparison and hashing, and `float.__round__`.
pub fn install_extra(vm: &mut Vm) {
    let rt = crate::rt_types::rt();
    if let Some(t) = rt.range.downcast::<crate::types::TypeObject>() {
        t.slots.richcompare.set(Some(range_richcompare));
        t.slots.hash.set(Some(range_hash));
    }
    add_method(
        vm.token(),
        &rt.range,
        "__reversed__",
        crate::builtins::range_big::reversed,
    );
    add_method(vm.token(), &builtin_types().float, "__round__", float_round);
}

fn slice_part(args: &[Value], which: usize) -> PyResult<Value> {
    let s = args
        .first()
        .and_then(|v| v.downcast::<SliceObj>())
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'slice' object"))?;
    Ok([&s.start, &s.stop, &s.step][which].clone())
}

fn slice_start(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    slice_part(args, 0)
}
fn slice_stop(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    slice_part(args, 1)
}
fn slice_step(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    slice_part(args, 2)
}

/// `slice.start`, `slice.stop`, `slice.step`.
pub fn install_slice_attrs(vm: &mut Vm) {
    let rt = crate::rt_types::rt();
    let t = vm.token();
    super::add_member(t, &rt.slice, "start", slice_start);
    super::add_member(t, &rt.slice, "stop", slice_stop);
    super::add_member(t, &rt.slice, "step", slice_step);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_matches_cpython_spelling() {
        assert_eq!(float_to_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_to_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_to_hex(5e-324), "0x0.0000000000001p-1022");
        for x in [0.1, 1e300, 5e-324, 2.2250738585072014e-308, -123.456] {
            assert_eq!(float_from_hex(&float_to_hex(x)), Some(Ok(x)));
        }
        assert_eq!(float_from_hex("0x1p-1075"), Some(Ok(0.0)));
        assert!(matches!(float_from_hex("0x1p1024"), Some(Err(_))));
        assert_eq!(float_from_hex("0xg"), None);
    }

    #[test]
    fn round_int_is_half_even() {
        let r = |x: i64, nd: i64| match round_int(BigInt::from(x), nd) {
            Value::Int(i) => i,
            _ => i64::MIN,
        };
        assert_eq!(r(25, -1), 20);
        assert_eq!(r(35, -1), 40);
        assert_eq!(r(-25, -1), -20);
        assert_eq!(r(149, -2), 100);
        assert_eq!(r(7, 3), 7);
        assert_eq!(r(i64::MAX, -40), 0);
    }
}
