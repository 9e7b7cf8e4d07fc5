//! The `math` module (CPython's `Modules/mathmodule.c`): float functions with
//! CPython's error conventions ("math domain error" `ValueError`, "math range
//! error" `OverflowError`), exact integer functions on big ints (`factorial`,
//! `comb`, `perm`, `gcd`, `lcm`, `isqrt`), `fsum` (exact summation), and
//! `floor`/`ceil`/`trunc` through `__floor__`/`__ceil__`/`__trunc__`.

use common::bigint::BigInt;
use dashu_int::ops::{BitTest, Gcd, SquareRoot, UnsignedAbs};
use dashu_int::{IBig, UBig};
use vm::builtins::float::to_bigint;
use vm::calls::{arg_range, exact_args, no_kwargs, ArgSpec, NativeFn};
use vm::class::call_special;
use vm::value::IntRef;
use vm::vm::BinOp;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

fn domain() -> PyErr {
    PyErr::value_error("math domain error")
}

fn range() -> PyErr {
    PyErr::new(ExcKind::OverflowError, "math range error")
}

/// A real-number argument as `f64` (CPython's `PyFloat_AsDouble`): floats, ints
/// (`OverflowError` when too large), `__float__`, then `__index__`.
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(*f),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(*b as i64 as f64),
        _ => {}
    }
    if let Some(i) = v.as_int() {
        return vm::arith::int_to_f64(i);
    }
    // Instances of float subclasses (CPython's `PyFloat_Check`).
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(r) = call_special(vm, v, "__float__", &[])? {
        if let Value::Float(f) = r {
            return Ok(f);
        }
        return Err(PyErr::type_error(format!(
            "{}.__float__ returned non-float (type {})",
            tname(vm, v),
            tname(vm, &r)
        )));
    }
    if let Some(r) = call_special(vm, v, "__index__", &[])? {
        if let Some(i) = r.as_int() {
            return vm::arith::int_to_f64(i);
        }
    }
    Err(PyErr::type_error(format!(
        "must be real number, not {}",
        tname(vm, v)
    )))
}

/// An integer argument (`__index__`), as a big int.
pub fn to_bigint_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(i) = v.as_int() {
        return Ok(IntRef::to_bigint(i));
    }
    if !matches!(v, Value::Float(_)) {
        if let Some(r) = call_special(vm, v, "__index__", &[])? {
            if let Some(i) = r.as_int() {
                return Ok(IntRef::to_bigint(i));
            }
        }
    }
    Err(PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        tname(vm, v)
    )))
}

fn int_value(b: BigInt) -> Value {
    Value::from_bigint(b)
}

/// CPython's `math_1`: `f(x)`, a `ValueError` for a NaN from a non-NaN, and for
/// an infinity from a finite input an `OverflowError` (if `can_overflow`) or a
/// `ValueError`.
fn math_1(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let a = exact_args(vm, name, args, kw, 1)?;
    let x = to_f64(vm, &a[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($($name:ident = $f:expr, $ovf:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                math_1(vm, stringify!($name), args, kw, $f, $ovf)
            }
        )*
    };
}

unary! {
    acos = f64::acos, false;
    acosh = f64::acosh, false;
    asin = f64::asin, false;
    asinh = f64::asinh, false;
    atan = f64::atan, false;
    atanh = atanh_f, false;
    cbrt = f64::cbrt, false;
    cos = cos_f, false;
    cosh = f64::cosh, true;
    exp = f64::exp, true;
    exp2 = f64::exp2, true;
    expm1 = f64::exp_m1, true;
    fabs = f64::abs, false;
    sin = sin_f, false;
    sinh = f64::sinh, true;
    sqrt = f64::sqrt, false;
    tan = tan_f, false;
    tanh = f64::tanh, false;
    erf = erf_f, false;
    erfc = erfc_f, false;
    gamma = gamma_f, true;
    lgamma = lgamma_f, true;
}

fn atanh_f(x: f64) -> f64 {
    if x.abs() >= 1.0 {
        f64::NAN
    } else {
        x.atanh()
    }
}

fn cos_f(x: f64) -> f64 {
    if x.is_infinite() {
        f64::NAN
    } else {
        x.cos()
    }
}

fn sin_f(x: f64) -> f64 {
    if x.is_infinite() {
        f64::NAN
    } else {
        x.sin()
    }
}

fn tan_f(x: f64) -> f64 {
    if x.is_infinite() {
        f64::NAN
    } else {
        x.tan()
    }
}

const SQRT_PI: f64 = 1.772_453_850_905_516;

fn erf_series(x: f64) -> f64 {
    let x2 = x * x;
    let mut acc = 0.0;
    let mut fk = 25.0 + 0.5;
    for _ in 0..25 {
        acc = 2.0 + x2 * acc / fk;
        fk -= 1.0;
    }
    acc * x * (-x2).exp() / SQRT_PI
}

fn erfc_contfrac(x: f64) -> f64 {
    if x >= 30.0 {
        return 0.0;
    }
    let x2 = x * x;
    let (mut a, mut da, mut p, mut p_last) = (0.0, 0.5, 1.0, 0.0);
    let (mut q, mut q_last) = (da + x2, 1.0);
    for _ in 0..50 {
        a += da;
        da += 2.0;
        let b = da + x2;
        let t = p;
        p = b * p - a * p_last;
        p_last = t;
        let t = q;
        q = b * q - a * q_last;
        q_last = t;
    }
    p / q * x * (-x2).exp() / SQRT_PI
}

fn erf_f(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    if ax < 1.5 {
        erf_series(x)
    } else {
        let cf = erfc_contfrac(ax);
        if x > 0.0 {
            1.0 - cf
        } else {
            cf - 1.0
        }
    }
}

fn erfc_f(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    if ax < 1.5 {
        1.0 - erf_series(x)
    } else {
        let cf = erfc_contfrac(ax);
        if x > 0.0 {
            cf
        } else {
            2.0 - cf
        }
    }
}

/// Lanczos approximation with g = 6.024680040776729583740234375 and 13 terms
/// (the coefficients Boost and CPython use), as a rational function: the
/// numerator coefficients, then the denominator's (`x(x+1)...(x+11)`).
const LANCZOS_G: f64 = 6.024_680_040_776_73;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_73;
const LANCZOS_NUM: [f64; 13] = [
    23_531_376_880.410_76,
    42_919_803_642.649_1,
    35_711_959_237.355_67,
    17_921_034_426.037_21,
    6_039_542_586.352_028,
    1_439_720_407.311_721_6,
    248_874_557.862_054_16,
    31_426_415.585_400_194,
    2_876_370.628_935_372_5,
    186_056.265_395_223_5,
    8_071.672_002_365_816,
    210.824_277_751_579_35,
    2.506_628_274_631_000_3,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];

/// The Lanczos sum for `x > 0` (rescaled by `x**-12` for large `x`, which
/// avoids overflow and loses less accuracy).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `sin(pi * x)`, reducing `x` first so that exact zeros stay exact.
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i64;
    let pi = std::f64::consts::PI;
    let r = match n {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

fn gamma_f(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { x } else { f64::NAN };
    }
    if x == 0.0 {
        // A pole: CPython raises "math domain error" (the caller sees inf).
        return f64::NAN;
    }
    if x == x.floor() {
        if x < 0.0 {
            return f64::NAN;
        }
        if x <= 23.0 {
            let mut r = 1.0;
            let mut k = 2.0;
            while k < x {
                r *= k;
                k += 1.0;
            }
            return r;
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return 1.0 / x;
    }
    if absx > 200.0 {
        return if x < 0.0 {
            0.0 / sinpi(x)
        } else {
            f64::INFINITY
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error in y, carried as a correction factor.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let s = y.powf(absx / 2.0 - 0.25);
            r /= s;
            r /= s;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let s = y.powf(absx / 2.0 - 0.25);
            r *= s;
            r *= s;
        }
    }
    r
}

fn lgamma_f(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() { x } else { f64::INFINITY };
    }
    if x == x.floor() && x <= 2.0 {
        // Poles at the non-positive integers: CPython raises "math domain error".
        return if x <= 0.0 { f64::NAN } else { 0.0 };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return -absx.ln();
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        let logpi = 1.144_729_885_849_400_2;
        r = logpi - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    r
}

fn two_floats(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<(f64, f64)> {
    let a = exact_args(vm, name, args, kw, 2)?;
    let x = to_f64(vm, &a[0])?;
    let y = to_f64(vm, &a[1])?;
    Ok((x, y))
}

fn atan2(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (y, x) = two_floats(vm, "atan2", args, kw)?;
    Ok(Value::Float(y.atan2(x)))
}

fn copysign(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, "copysign", args, kw)?;
    Ok(Value::Float(x.copysign(y)))
}

fn fmod(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, "fmod", args, kw)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(Value::Float(r))
}

fn remainder(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, "remainder", args, kw)?;
    if x.is_nan() || y.is_nan() {
        return Ok(Value::Float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain());
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    let absx = x.abs();
    let absy = y.abs();
    let m = absx % absy;
    let c = absy - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Half-way: choose the even multiple.
        m - 2.0 * ((0.5 * (absx - m)) % absy)
    };
    Ok(Value::Float(1f64.copysign(x) * r))
}

fn pow(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, "pow", args, kw)?;
    if x.is_finite() && y.is_finite() {
        if x == 0.0 && y < 0.0 {
            return Err(domain());
        }
        if x < 0.0 && y != y.floor() {
            return Err(domain());
        }
        let r = x.powf(y);
        if r.is_infinite() {
            return Err(range());
        }
        return Ok(Value::Float(r));
    }
    Ok(Value::Float(x.powf(y)))
}

fn degrees(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "degrees", args, kw, 1)?;
    let x = to_f64(vm, &a[0])?;
    Ok(Value::Float(x * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "radians", args, kw, 1)?;
    let x = to_f64(vm, &a[0])?;
    Ok(Value::Float(x * (std::f64::consts::PI / 180.0)))
}

fn predicate(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
    f: fn(f64) -> bool,
) -> PyResult<Value> {
    let a = exact_args(vm, name, args, kw, 1)?;
    let x = to_f64(vm, &a[0])?;
    Ok(Value::Bool(f(x)))
}

fn isfinite(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    predicate(vm, "isfinite", args, kw, f64::is_finite)
}

fn isinf(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    predicate(vm, "isinf", args, kw, f64::is_infinite)
}

fn isnan(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    predicate(vm, "isnan", args, kw, f64::is_nan)
}

/// `ln` of an int argument that may be too big for a float.
fn log_of(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = v.as_int() {
        let b = IntRef::to_bigint(i);
        if b <= BigInt::from(0) {
            return Err(domain());
        }
        if let Ok(x) = vm::arith::int_to_f64(i) {
            return Ok(f(x));
        }
        // Too big for a float: x = m * 2**e with m in [0.5, 1).
        let bits = (&b).unsigned_abs().bit_len();
        let shift = bits.saturating_sub(60);
        let top: BigInt = &b >> shift;
        let m = vm::arith::int_to_f64(IntRef::Big(&top)).unwrap_or(1.0);
        return Ok(f(m) + shift as f64 * f(2.0));
    }
    let x = to_f64(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(f(x))
}

fn log(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_kwargs(vm, "log", kw)?;
    let a = arg_range(vm, "log", args, None, 1, 2)?;
    let num = log_of(vm, &a[0], f64::ln)?;
    match a.get(1) {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let den = log_of(vm, b, f64::ln)?;
            if den == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn log2(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "log2", args, kw, 1)?;
    Ok(Value::Float(log_of(vm, &a[0], f64::log2)?))
}

fn log10(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "log10", args, kw, 1)?;
    Ok(Value::Float(log_of(vm, &a[0], f64::log10)?))
}

fn log1p(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "log1p", args, kw, 1)?;
    let x = to_f64(vm, &a[0])?;
    if x <= -1.0 {
        return Err(domain());
    }
    Ok(Value::Float(x.ln_1p()))
}

fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    Ok(to_bigint(f).map_or(Value::Int(0), int_value))
}

fn rounding(
    vm: &mut Vm,
    name: &str,
    dunder: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let a = exact_args(vm, name, args, kw, 1)?;
    match &a[0] {
        Value::Float(x) => return float_to_int(f(*x)),
        Value::Int(i) => return Ok(Value::Int(*i)),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        v if v.as_int().is_some() && v.type_ref().type_obj().is_builtin() => return Ok(v.clone()),
        _ => {}
    }
    if let Some(r) = call_special(vm, &a[0], dunder, &[])? {
        return Ok(r);
    }
    let x = to_f64(vm, &a[0])?;
    float_to_int(f(x))
}

fn floor(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    rounding(vm, "floor", "__floor__", args, kw, f64::floor)
}

fn ceil(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    rounding(vm, "ceil", "__ceil__", args, kw, f64::ceil)
}

fn trunc(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "trunc", args, kw, 1)?;
    match &a[0] {
        Value::Float(x) => return float_to_int(x.trunc()),
        Value::Int(i) => return Ok(Value::Int(*i)),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        _ => {}
    }
    if let Some(r) = call_special(vm, &a[0], "__trunc__", &[])? {
        return Ok(r);
    }
    Err(PyErr::type_error(format!(
        "type {} doesn't define __trunc__ method",
        tname(vm, &a[0])
    )))
}

fn frexp(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "frexp", args, kw, 1)?;
    let x = to_f64(vm, &a[0])?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        vm::builtins::float::frexp(x)
    };
    Ok(tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn tuple(items: Vec<Value>) -> Value {
    Value::Obj(vm::builtins::tuple::Tuple::alloc(items))
}

fn ldexp(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "ldexp", args, kw, 2)?;
    let x = to_f64(vm, &a[0])?;
    if a[1].as_int().is_none() {
        return Err(PyErr::type_error(
            "Expected an int as second argument to ldexp.",
        ));
    }
    let e = to_bigint_arg(vm, &a[1])?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let e: i64 = i64::try_from(&e).unwrap_or(if e > BigInt::from(0) {
        100_000
    } else {
        -100_000
    });
    let e = e.clamp(-100_000, 100_000) as i32;
    // Scale in steps so intermediate results don't overflow early.
    let mut r = x;
    let mut left = e;
    while left != 0 {
        let step = left.clamp(-1000, 1000);
        r *= 2f64.powi(step);
        left -= step;
        if r == 0.0 || r.is_infinite() {
            break;
        }
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn modf(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "modf", args, kw, 1)?;
    let x = to_f64(vm, &a[0])?;
    if x.is_infinite() {
        return Ok(tuple(vec![
            Value::Float(0.0f64.copysign(x)),
            Value::Float(x),
        ]));
    }
    let i = x.trunc();
    Ok(tuple(vec![
        Value::Float((x - i).copysign(x)),
        Value::Float(i),
    ]))
}

fn nextafter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, "nextafter", args, kw)?;
    Ok(Value::Float(next_toward(x, y)))
}

fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn ulp(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "ulp", args, kw, 1)?;
    let x = to_f64(vm, &a[0])?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let n = next_toward(x, f64::INFINITY);
    if n.is_infinite() {
        let p = next_toward(x, 0.0);
        return Ok(Value::Float(x - p));
    }
    Ok(Value::Float(n - x))
}

fn fsum(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "fsum", args, kw, 1)?;
    let it = vm.iter(&a[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(v) = vm.next(&it)? {
        let mut x = to_f64(vm, &v)?;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x.is_infinite() {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                "intermediate overflow in fsum",
            ));
        }
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        if inf_sum.is_nan() {
            return Err(PyErr::value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn prod(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [start]) = ArgSpec::parse(vm, "prod", args, kw, ["start"])?;
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            pos.len()
        )));
    }
    let it = vm.iter(&pos[0])?;
    let mut acc = start.unwrap_or(Value::Int(1));
    while let Some(v) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &v, BinOp::Multiply)?;
    }
    Ok(acc)
}

fn points(vm: &mut Vm, v: &Value) -> PyResult<Vec<f64>> {
    let items = vm.sequence_to_vec(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        out.push(to_f64(vm, x)?);
    }
    Ok(out)
}

/// `(a + b)` as a double-length value, exact when `|a| >= |b|`.
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let z = x - a;
    (x, b - z)
}

/// `x * y` as a double-length value (exact, through a fused multiply-add).
fn two_product(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    (z, x.mul_add(y, -z))
}

/// The Euclidean norm of `v` with CPython 3.11's accurate algorithm: scale by
/// a power of two, sum the squares in extended precision, then correct the
/// square root once.
fn hypot_of(v: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    for x in v {
        let a = x.abs();
        found_nan |= a.is_nan();
        if a > max {
            max = a;
        }
    }
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, max_e) = vm::builtins::float::frexp(max);
    if max_e < -1023 {
        let scaled: Vec<f64> = v.iter().map(|x| x / f64::MIN_POSITIVE).collect();
        return f64::MIN_POSITIVE * hypot_of(&scaled);
    }
    let scale = 2f64.powi(-max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for x in v {
        let x = x * scale;
        let (hi, lo) = two_product(x, x);
        let (s, t) = fast_two_sum(csum, hi);
        csum = s;
        frac1 += lo;
        frac2 += t;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = two_product(-h, h);
    let (s, t) = fast_two_sum(csum, hi);
    csum = s;
    frac1 += lo;
    frac2 += t;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn hypot(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_kwargs(vm, "hypot", kw)?;
    let mut v = Vec::with_capacity(args.len());
    for a in args {
        v.push(to_f64(vm, a)?);
    }
    Ok(Value::Float(hypot_of(&v)))
}

fn dist(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "dist", args, kw, 2)?;
    let p = points(vm, &a[0])?;
    let q = points(vm, &a[1])?;
    if p.len() != q.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let d: Vec<f64> = p.iter().zip(&q).map(|(x, y)| x - y).collect();
    Ok(Value::Float(hypot_of(&d)))
}

fn isclose(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [ka, kb, rt, at]) =
        ArgSpec::parse(vm, "isclose", args, kw, ["a", "b", "rel_tol", "abs_tol"])?;
    let (Some(a), Some(b)) = (
        ka.or_else(|| pos.first().cloned()),
        kb.or_else(|| pos.get(1).cloned()),
    ) else {
        return Err(PyErr::type_error(
            "isclose() missing required argument 'b' (pos 2)",
        ));
    };
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            pos.len()
        )));
    }
    let a = to_f64(vm, &a)?;
    let b = to_f64(vm, &b)?;
    let rel = match rt {
        Some(v) => to_f64(vm, &v)?,
        None => 1e-9,
    };
    let abs_tol = match at {
        Some(v) => to_f64(vm, &v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs_tol,
    ))
}

// ----- integer functions -----

fn int_arg_nonneg(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<BigInt> {
    let n = to_bigint_arg(vm, v)?;
    if n < BigInt::from(0) {
        return Err(PyErr::value_error(msg.to_owned()));
    }
    Ok(n)
}

/// `n! / (n-k)!` by a product tree of the `k` factors `n-k+1 .. n`.
fn range_product(lo: u64, hi: u64) -> UBig {
    // Product of lo..=hi (empty = 1).
    if lo > hi {
        return UBig::ONE;
    }
    if hi - lo < 16 {
        let mut r = UBig::ONE;
        for i in lo..=hi {
            r *= UBig::from(i);
        }
        return r;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

fn factorial(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "factorial", args, kw, 1)?;
    let n = to_bigint_arg(vm, &a[0])?;
    if n < BigInt::from(0) {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let Ok(n) = u64::try_from(&n) else {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    if n > 1_000_000 {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    Ok(int_value(IBig::from(range_product(2, n))))
}

fn comb_perm(vm: &mut Vm, n: &Value, k: &Value, perm: bool) -> PyResult<Value> {
    let n = int_arg_nonneg(vm, n, "n must be a non-negative integer")?;
    let k = int_arg_nonneg(vm, k, "k must be a non-negative integer")?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let (Ok(nu), Ok(mut ku)) = (u64::try_from(&n), u64::try_from(&k)) else {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            format!("min(n - k, k) must not exceed {}", i64::MAX),
        ));
    };
    if perm {
        if ku > 1_000_000 {
            return Err(PyErr::new(ExcKind::MemoryError, ""));
        }
        return Ok(int_value(IBig::from(range_product(nu - ku + 1, nu))));
    }
    ku = ku.min(nu - ku);
    if ku > 1_000_000 {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let num = range_product(nu - ku + 1, nu);
    let den = range_product(2, ku);
    Ok(int_value(IBig::from(num / den)))
}

fn comb(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "comb", args, kw, 2)?;
    comb_perm(vm, &a[0], &a[1], false)
}

fn perm(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_kwargs(vm, "perm", kw)?;
    let a = arg_range(vm, "perm", args, None, 1, 2)?;
    match a.get(1) {
        Some(k) if !k.is_none() => comb_perm(vm, &a[0], k, true),
        _ => factorial(vm, &a[..1], None),
    }
}

/// `gcd(a, b)` as a non-negative int (dashu panics on `gcd(0, 0)`).
fn gcd2(a: &IBig, b: &IBig) -> IBig {
    if *a == IBig::ZERO {
        return IBig::from(b.unsigned_abs());
    }
    if *b == IBig::ZERO {
        return IBig::from(a.unsigned_abs());
    }
    IBig::from(a.gcd(b))
}

fn gcd(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_kwargs(vm, "gcd", kw)?;
    let mut acc = IBig::ZERO;
    for a in args {
        let n = to_bigint_arg(vm, a)?;
        acc = gcd2(&acc, &n);
    }
    Ok(int_value(acc))
}

fn lcm(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_kwargs(vm, "lcm", kw)?;
    let mut acc = IBig::ONE;
    for a in args {
        let n = to_bigint_arg(vm, a)?;
        if acc == IBig::ZERO || n == IBig::ZERO {
            acc = IBig::ZERO;
            continue;
        }
        let g = gcd2(&acc, &n);
        acc = IBig::from((&acc * &n / g).unsigned_abs());
    }
    if args.is_empty() {
        return Ok(Value::Int(1));
    }
    Ok(int_value(acc))
}

fn isqrt(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "isqrt", args, kw, 1)?;
    let n = to_bigint_arg(vm, &a[0])?;
    if n < BigInt::from(0) {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(int_value(IBig::from(n.unsigned_abs().sqrt())))
}

/// Creates the `math` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("acos", acos),
        ("acosh", acosh),
        ("asin", asin),
        ("asinh", asinh),
        ("atan", atan),
        ("atan2", atan2),
        ("atanh", atanh),
        ("cbrt", cbrt),
        ("ceil", ceil),
        ("comb", comb),
        ("copysign", copysign),
        ("cos", cos),
        ("cosh", cosh),
        ("degrees", degrees),
        ("dist", dist),
        ("erf", erf),
        ("erfc", erfc),
        ("exp", exp),
        ("exp2", exp2),
        ("expm1", expm1),
        ("fabs", fabs),
        ("factorial", factorial),
        ("floor", floor),
        ("fmod", fmod),
        ("frexp", frexp),
        ("fsum", fsum),
        ("gamma", gamma),
        ("gcd", gcd),
        ("hypot", hypot),
        ("isclose", isclose),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isqrt", isqrt),
        ("lcm", lcm),
        ("ldexp", ldexp),
        ("lgamma", lgamma),
        ("log", log),
        ("log10", log10),
        ("log1p", log1p),
        ("log2", log2),
        ("modf", modf),
        ("nextafter", nextafter),
        ("perm", perm),
        ("pow", pow),
        ("prod", prod),
        ("radians", radians),
        ("remainder", remainder),
        ("sin", sin),
        ("sinh", sinh),
        ("sqrt", sqrt),
        ("tan", tan),
        ("tanh", tanh),
        ("trunc", trunc),
        ("ulp", ulp),
    ];
    let m = new_module(vm, "math", funcs);
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        set_attr(vm, &m, name, Value::Float(v));
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_functions_are_close() {
        assert!((erf_f(0.5) - 0.520_499_877_813_046_5).abs() < 1e-15);
        assert!((erfc_f(2.0) - 0.004_677_734_981_047_266).abs() < 1e-17);
        assert_eq!(gamma_f(5.0), 24.0);
        assert!((gamma_f(0.5) - SQRT_PI).abs() < 1e-14);
        assert!((lgamma_f(10.0) - 12.801_827_480_081_469).abs() < 1e-12);
        assert!(gamma_f(-1.0).is_nan());
    }

    #[test]
    fn products_are_exact() {
        assert_eq!(
            range_product(2, 20),
            UBig::from(2_432_902_008_176_640_000u64)
        );
        assert_eq!(range_product(5, 4), UBig::ONE);
        assert_eq!(next_toward(1.0, 2.0), 1.0 + f64::EPSILON);
    }
}
