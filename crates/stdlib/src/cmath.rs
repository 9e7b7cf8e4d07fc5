//! `cmath` (CPython's `Modules/cmathmodule.c`): complex versions of the
//! elementary functions, with CPython's algorithms for finite arguments
//! (the overflow-avoiding branches for huge and tiny values, Kahan's
//! formulas for the inverse functions), its errors ("math domain error",
//! "math range error"), `phase`, `polar`, `rect`, `isclose`, the predicates
//! and the constants. Infinite and NaN arguments take their results from
//! CPython's special-value tables (`cmath_special.rs`, generated from
//! python3), or for `exp`/`cosh`/`sinh`/`tanh` of an infinite real part and a
//! finite non-zero imaginary part, from the sign rules CPython applies.

use vm::builtins::tuple::Tuple;
use vm::calls::{arg_range, exact_args, ArgSpec, NativeFn};
use vm::class::call_special;
use vm::methods::complex::{new_complex, ComplexObj};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::cmath_special::{self as special, Cell};
use crate::math::to_f64;
use crate::util::{new_module, set_attr, tname};

/// A complex number `(re, im)`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct C {
    re: f64,
    im: f64,
}

const fn c(re: f64, im: f64) -> C {
    C { re, im }
}

/// `DBL_MAX / 4` (CPython's `CM_LARGE_DOUBLE`).
const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;
const E: f64 = std::f64::consts::E;

fn log_large_double() -> f64 {
    LARGE_DOUBLE.ln()
}

fn sqrt_large_double() -> f64 {
    LARGE_DOUBLE.sqrt()
}

/// Why a result is an error: CPython's `errno` values.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Errno {
    Ok,
    Dom,
    Range,
}

fn math_error(e: Errno) -> PyErr {
    match e {
        Errno::Range => PyErr::new(ExcKind::OverflowError, "math range error"),
        _ => PyErr::value_error("math domain error"),
    }
}

fn finite(z: C) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

/// `asinh` as the C library computes it (fdlibm's `s_asinh.c`), which
/// CPython's `m_asinh` is; Rust's `f64::asinh` rounds some results differently.
fn asinh(x: f64) -> f64 {
    if !x.is_finite() {
        return x + x;
    }
    let ax = x.abs();
    let w = if ax < 2f64.powi(-28) {
        return x;
    } else if ax > 2f64.powi(28) {
        ax.ln() + LN2
    } else if ax > 2.0 {
        (2.0 * ax + 1.0 / ((x * x + 1.0).sqrt() + ax)).ln()
    } else {
        let t = x * x;
        (ax + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

/// The special-value class of a component (CPython's `special_type`).
fn class(x: f64) -> usize {
    if x.is_nan() {
        6
    } else if x == f64::INFINITY {
        5
    } else if x == f64::NEG_INFINITY {
        0
    } else if x == 0.0 {
        if x.is_sign_negative() {
            2
        } else {
            3
        }
    } else if x < 0.0 {
        1
    } else {
        4
    }
}

/// The table result for a non-finite `z` (`None`: finite, or a cell the
/// caller computes).
fn special_value(table: &[[Cell; 7]; 7], z: C) -> Option<(C, Errno)> {
    if finite(z) {
        return None;
    }
    match table[class(z.re)][class(z.im)] {
        Cell::Value(re, im, dom) => Some((c(re, im), if dom { Errno::Dom } else { Errno::Ok })),
        Cell::Formula | Cell::Finite => None,
    }
}

/// `exp`/`cosh`/`sinh` of `x + iy` with `x` infinite and `y` finite and
/// non-zero: infinities (or zeros) signed by `cos y` and `sin y`; `flip_re`
/// and `flip_im` negate them for negative `x` as each function does.
fn signed_infinities(z: C, zero_for_negative: bool, flip_re: bool, flip_im: bool) -> C {
    let mag = if z.re < 0.0 && zero_for_negative {
        0.0
    } else {
        f64::INFINITY
    };
    let (mut re, mut im) = (mag.copysign(z.im.cos()), mag.copysign(z.im.sin()));
    if z.re < 0.0 {
        if flip_re {
            re = -re;
        }
        if flip_im {
            im = -im;
        }
    }
    c(re, im)
}

fn inf_real_finite_imag(z: C) -> bool {
    z.re.is_infinite() && z.im.is_finite() && z.im != 0.0
}

fn c_sqrt(z: C) -> C {
    if let Some((r, _)) = special_value(&special::SQRT, z) {
        return r;
    }
    if z.re == 0.0 && z.im == 0.0 {
        return c(0.0, z.im);
    }
    let mut ax = z.re.abs();
    let ay = z.im.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax *= 2f64.powi(53);
        (ax + ax.hypot(ay * 2f64.powi(53))).sqrt() * 2f64.powi(-27)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.re >= 0.0 {
        c(s, d.copysign(z.im))
    } else {
        c(d, s.copysign(z.im))
    }
}

fn c_exp(z: C) -> (C, Errno) {
    if inf_real_finite_imag(z) {
        return (signed_infinities(z, true, false, false), Errno::Ok);
    }
    if let Some(r) = special_value(&special::EXP, z) {
        return r;
    }
    let r = if z.re > log_large_double() {
        let l = (z.re - 1.0).exp();
        c(l * z.im.cos() * E, l * z.im.sin() * E)
    } else {
        let l = z.re.exp();
        c(l * z.im.cos(), l * z.im.sin())
    };
    let e = if r.re.is_infinite() || r.im.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok
    };
    (r, e)
}

fn c_log(z: C) -> (C, Errno) {
    if let Some(r) = special_value(&special::LOG, z) {
        return r;
    }
    let ax = z.re.abs();
    let ay = z.im.abs();
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            let s = 2f64.powi(53);
            (ax * s).hypot(ay * s).ln() - 53.0 * LN2
        } else {
            return (c(f64::NEG_INFINITY, z.im.atan2(z.re)), Errno::Dom);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    (c(re, z.im.atan2(z.re)), Errno::Ok)
}

fn c_acos(z: C) -> C {
    if let Some((r, _)) = special_value(&special::ACOS, z) {
        return r;
    }
    if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let re = z.im.abs().atan2(z.re);
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0;
        let im = if z.re < 0.0 {
            -l.copysign(z.im)
        } else {
            l.copysign(-z.im)
        };
        return c(re, im);
    }
    let s1 = c_sqrt(c(1.0 - z.re, -z.im));
    let s2 = c_sqrt(c(1.0 + z.re, z.im));
    c(
        2.0 * s1.re.atan2(s2.re),
        asinh(s2.re * s1.im - s2.im * s1.re),
    )
}

fn c_acosh(z: C) -> C {
    if let Some((r, _)) = special_value(&special::ACOSH, z) {
        return r;
    }
    if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        return c(
            (z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0,
            z.im.atan2(z.re),
        );
    }
    let s1 = c_sqrt(c(z.re - 1.0, z.im));
    let s2 = c_sqrt(c(z.re + 1.0, z.im));
    c(
        asinh(s1.re * s2.re + s1.im * s2.im),
        2.0 * s1.im.atan2(s2.re),
    )
}

fn c_asinh(z: C) -> C {
    if let Some((r, _)) = special_value(&special::ASINH, z) {
        return r;
    }
    if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0;
        let re = if z.im >= 0.0 {
            l.copysign(z.re)
        } else {
            -l.copysign(-z.re)
        };
        return c(re, z.im.atan2(z.re.abs()));
    }
    let s1 = c_sqrt(c(1.0 + z.im, -z.re));
    let s2 = c_sqrt(c(1.0 - z.im, z.re));
    c(
        asinh(s1.re * s2.im - s2.re * s1.im),
        z.im.atan2(s1.re * s2.re - s1.im * s2.im),
    )
}

fn c_asin(z: C) -> C {
    let s = c_asinh(c(-z.im, z.re));
    c(s.im, -s.re)
}

fn c_atanh(z: C) -> (C, Errno) {
    if let Some(r) = special_value(&special::ATANH, z) {
        return r;
    }
    if z.re < 0.0 {
        let (r, e) = c_atanh(c(-z.re, -z.im));
        return (c(-r.re, -r.im), e);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large_double() || ay > sqrt_large_double() {
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        return (
            c(
                z.re / 4.0 / h / h,
                -(std::f64::consts::FRAC_PI_2).copysign(-z.im),
            ),
            Errno::Ok,
        );
    }
    if z.re == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return (c(f64::INFINITY, z.im), Errno::Dom);
        }
        return (
            c(
                -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
                (2.0f64.atan2(-ay) / 2.0).copysign(z.im),
            ),
            Errno::Ok,
        );
    }
    (
        c(
            (4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)).ln_1p() / 4.0,
            -(-2.0 * z.im).atan2((1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0,
        ),
        Errno::Ok,
    )
}

fn c_atan(z: C) -> (C, Errno) {
    let (s, e) = c_atanh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

fn c_cosh(z: C) -> (C, Errno) {
    if inf_real_finite_imag(z) {
        return (signed_infinities(z, false, false, true), Errno::Ok);
    }
    if let Some(r) = special_value(&special::COSH, z) {
        return r;
    }
    let r = if z.re.abs() > log_large_double() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(z.im.cos() * x1.cosh() * E, z.im.sin() * x1.sinh() * E)
    } else {
        c(z.im.cos() * z.re.cosh(), z.im.sin() * z.re.sinh())
    };
    let e = if finite(z) && (r.re.is_infinite() || r.im.is_infinite()) {
        Errno::Range
    } else {
        Errno::Ok
    };
    (r, e)
}

fn c_sinh(z: C) -> (C, Errno) {
    if inf_real_finite_imag(z) {
        return (signed_infinities(z, false, true, false), Errno::Ok);
    }
    if let Some(r) = special_value(&special::SINH, z) {
        return r;
    }
    let r = if z.re.abs() > log_large_double() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(z.im.cos() * x1.sinh() * E, z.im.sin() * x1.cosh() * E)
    } else {
        c(z.im.cos() * z.re.sinh(), z.im.sin() * z.re.cosh())
    };
    let e = if finite(z) && (r.re.is_infinite() || r.im.is_infinite()) {
        Errno::Range
    } else {
        Errno::Ok
    };
    (r, e)
}

fn c_tanh(z: C) -> (C, Errno) {
    if inf_real_finite_imag(z) {
        let im = 0.0f64.copysign(2.0 * z.im.sin() * z.im.cos());
        return (c(1.0f64.copysign(z.re), im), Errno::Ok);
    }
    if let Some(r) = special_value(&special::TANH, z) {
        return r;
    }
    (c_tanh_finite(z), Errno::Ok)
}

fn c_tanh_finite(z: C) -> C {
    if z.re.abs() > log_large_double() {
        return c(
            1.0f64.copysign(z.re),
            4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp(),
        );
    }
    let tx = z.re.tanh();
    let ty = z.im.tan();
    let cx = 1.0 / z.re.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
}

fn c_cos(z: C) -> (C, Errno) {
    c_cosh(c(-z.im, z.re))
}

fn c_sin(z: C) -> (C, Errno) {
    let (s, e) = c_sinh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

fn c_tan(z: C) -> (C, Errno) {
    let (s, e) = c_tanh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

/// Complex division (CPython's `_Py_c_quot`).
fn c_quot(a: C, b: C) -> (C, Errno) {
    let abs_breal = b.re.abs();
    let abs_bimag = b.im.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return (c(0.0, 0.0), Errno::Dom);
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        (
            c((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom),
            Errno::Ok,
        )
    } else if abs_bimag >= abs_breal {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        (
            c((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom),
            Errno::Ok,
        )
    } else {
        (c(f64::NAN, f64::NAN), Errno::Ok)
    }
}

// ---- arguments and results ----

/// A complex argument (CPython's `PyComplex_AsCComplex`): a complex,
/// `__complex__`, or a real number.
fn to_c(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some(z) = v.downcast::<ComplexObj>() {
        return Ok(c(z.re, z.im));
    }
    if matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_)) || v.as_int().is_some() {
        return Ok(c(to_f64(vm, v)?, 0.0));
    }
    if let Some(r) = call_special(vm, v, "__complex__", &[])? {
        return match r.downcast::<ComplexObj>() {
            Some(z) => Ok(c(z.re, z.im)),
            None => Err(PyErr::type_error(format!(
                "__complex__ returned non-complex (type {})",
                tname(vm, &r)
            ))),
        };
    }
    match to_f64(vm, v) {
        Ok(f) => Ok(c(f, 0.0)),
        Err(e) if e.kind == ExcKind::TypeError => Err(PyErr::type_error(format!(
            "must be real number, not {}",
            tname(vm, v)
        ))),
        Err(e) => Err(e),
    }
}

fn complex_value(z: C) -> PyResult<Value> {
    new_complex(z.re, z.im).ok_or_else(|| PyErr::runtime_error("complex is not installed"))
}

fn one_arg(vm: &mut Vm, name: &str, args: &[Value], kw: Option<&ObjRef>) -> PyResult<C> {
    let a = exact_args(vm, name, args, kw, 1)?;
    to_c(vm, &a[0])
}

/// A function `f(z) -> (result, errno)` as a module function; results of
/// finite arguments that overflow or leave the domain raise.
macro_rules! cfunc {
    ($name:ident, $pyname:literal, $f:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
            let z = one_arg(vm, $pyname, args, kw)?;
            let (r, e): (C, Errno) = $f(z);
            if e != Errno::Ok {
                return Err(math_error(e));
            }
            complex_value(r)
        }
    };
}

fn ok(z: C) -> (C, Errno) {
    (z, Errno::Ok)
}

cfunc!(m_sqrt, "sqrt", |z| ok(c_sqrt(z)));
cfunc!(m_exp, "exp", c_exp);
cfunc!(m_acos, "acos", |z| ok(c_acos(z)));
cfunc!(m_acosh, "acosh", |z| ok(c_acosh(z)));
cfunc!(m_asin, "asin", |z| ok(c_asin(z)));
cfunc!(m_asinh, "asinh", |z| ok(c_asinh(z)));
cfunc!(m_atan, "atan", c_atan);
cfunc!(m_atanh, "atanh", c_atanh);
cfunc!(m_cos, "cos", c_cos);
cfunc!(m_cosh, "cosh", c_cosh);
cfunc!(m_sin, "sin", c_sin);
cfunc!(m_sinh, "sinh", c_sinh);
cfunc!(m_tan, "tan", c_tan);
cfunc!(m_tanh, "tanh", c_tanh);
cfunc!(m_log10, "log10", |z| {
    let (r, e) = c_log(z);
    (c(r.re / LN10, r.im / LN10), e)
});

/// `log(z[, base])`.
fn m_log(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "log", args, kw, 1, 2)?;
    let z = to_c(vm, &a[0])?;
    let (mut r, mut e) = c_log(z);
    if let Some(b) = a.get(1) {
        let base = to_c(vm, b)?;
        let (lb, eb) = c_log(base);
        let (q, eq) = c_quot(r, lb);
        r = q;
        if e == Errno::Ok {
            e = if eb != Errno::Ok { eb } else { eq };
        }
    }
    if e != Errno::Ok {
        return Err(math_error(e));
    }
    complex_value(r)
}

/// `phase(z)`: the argument, in [-pi, pi].
fn m_phase(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let z = one_arg(vm, "phase", args, kw)?;
    Ok(Value::Float(z.im.atan2(z.re)))
}

/// `polar(z)`: `(abs(z), phase(z))`.
fn m_polar(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let z = one_arg(vm, "polar", args, kw)?;
    let r = z.re.hypot(z.im);
    if r.is_infinite() && finite(z) {
        return Err(math_error(Errno::Range));
    }
    Ok(Value::Obj(Tuple::alloc(vec![
        Value::Float(r),
        Value::Float(z.im.atan2(z.re)),
    ])))
}

/// `rect(r, phi)`: `r * (cos(phi) + i sin(phi))`.
fn m_rect(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "rect", args, kw, 2)?;
    let r = to_f64(vm, &a[0])?;
    let phi = to_f64(vm, &a[1])?;
    let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
        let sign = if r > 0.0 { 1.0 } else { -1.0 };
        c(
            sign * f64::INFINITY.copysign(phi.cos()),
            sign * f64::INFINITY.copysign(phi.sin()),
        )
    } else if let Some((z, e)) = special_value(&special::RECT, c(r, phi)) {
        if e != Errno::Ok {
            return Err(math_error(e));
        }
        z
    } else if phi == 0.0 {
        c(r, r * phi)
    } else {
        c(r * phi.cos(), r * phi.sin())
    };
    complex_value(z)
}

fn predicate(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
    f: fn(f64) -> bool,
    all: bool,
) -> PyResult<Value> {
    let z = one_arg(vm, name, args, kw)?;
    Ok(Value::Bool(if all {
        f(z.re) && f(z.im)
    } else {
        f(z.re) || f(z.im)
    }))
}

fn m_isfinite(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    predicate(vm, "isfinite", args, kw, f64::is_finite, true)
}

fn m_isinf(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    predicate(vm, "isinf", args, kw, f64::is_infinite, false)
}

fn m_isnan(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    predicate(vm, "isnan", args, kw, f64::is_nan, false)
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn m_isclose(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [a_kw, b_kw, rel_kw, abs_kw]) =
        ArgSpec::parse(vm, "isclose", args, kw, ["a", "b", "rel_tol", "abs_tol"])?;
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            pos.len()
        )));
    }
    let (Some(a), Some(b)) = (pos.first().cloned().or(a_kw), pos.get(1).cloned().or(b_kw)) else {
        return Err(PyErr::type_error(
            "isclose() missing required argument 'b' (pos 2)",
        ));
    };
    let a = to_c(vm, &a)?;
    let b = to_c(vm, &b)?;
    let rel = match rel_kw {
        Some(v) => to_f64(vm, &v)?,
        None => 1e-9,
    };
    let abs_tol = match abs_kw {
        Some(v) => to_f64(vm, &v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a.re == b.re && a.im == b.im {
        return Ok(Value::Bool(true));
    }
    if !a.re.is_finite() && !a.re.is_nan()
        || !a.im.is_finite() && !a.im.is_nan()
        || !b.re.is_finite() && !b.re.is_nan()
        || !b.im.is_finite() && !b.im.is_nan()
    {
        return Ok(Value::Bool(false));
    }
    let diff = (a.re - b.re).hypot(a.im - b.im);
    let close = diff <= rel * b.re.hypot(b.im) || diff <= rel * a.re.hypot(a.im) || diff <= abs_tol;
    Ok(Value::Bool(close))
}

/// Creates the `cmath` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("sqrt", m_sqrt),
        ("exp", m_exp),
        ("log", m_log),
        ("log10", m_log10),
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atanh", m_atanh),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("tan", m_tan),
        ("tanh", m_tanh),
        ("phase", m_phase),
        ("polar", m_polar),
        ("rect", m_rect),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isclose", m_isclose),
    ];
    let m = new_module(vm, "cmath", funcs);
    set_attr(vm, &m, "pi", Value::Float(std::f64::consts::PI));
    set_attr(vm, &m, "e", Value::Float(E));
    set_attr(vm, &m, "tau", Value::Float(std::f64::consts::TAU));
    set_attr(vm, &m, "inf", Value::Float(f64::INFINITY));
    set_attr(vm, &m, "nan", Value::Float(f64::NAN));
    set_attr(vm, &m, "infj", complex_value(c(0.0, f64::INFINITY))?);
    set_attr(vm, &m, "nanj", complex_value(c(0.0, f64::NAN))?);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqrt_of_negative_one() {
        assert_eq!(c_sqrt(c(-1.0, 0.0)), c(0.0, 1.0));
        assert_eq!(c_sqrt(c(4.0, 0.0)), c(2.0, 0.0));
    }
}
