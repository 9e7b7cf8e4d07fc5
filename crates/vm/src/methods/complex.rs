//! `complex` (CPython's `Objects/complexobject.c`): the type, its constructor
//! (numbers and strings), arithmetic with CPython's division and power
//! algorithms, comparisons, hash, repr via `common::repr`, `real`/`imag`,
//! `conjugate` and `abs`.

use std::cell::RefCell;

use common::text::Text;

use super::{str_value, tname};
use crate::builtins::str::StrObj;
use crate::calls::{add_method, kwnames_len};
use crate::class::register_ctor;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind};
use crate::types::{new_native_type, CompareOp, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of a `complex`.
pub struct ComplexObj {
    /// The real part.
    pub re: f64,
    /// The imaginary part.
    pub im: f64,
}

impl Payload for ComplexObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

thread_local! {
    static COMPLEX: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

/// A new `complex` value (or `None` before [`install`] ran).
pub fn new_complex(re: f64, im: f64) -> Option<Value> {
    COMPLEX.with(|c| {
        c.borrow()
            .as_ref()
            .map(|t| Value::Obj(ObjRef::new(t, ComplexObj { re, im })))
    })
}

/// The `complex` type, once installed.
pub fn complex_type() -> Option<ObjRef> {
    COMPLEX.with(|c| c.borrow().clone())
}

fn make(re: f64, im: f64) -> PyResult<Value> {
    new_complex(re, im).ok_or_else(|| PyErr::runtime_error("complex is not installed"))
}

/// An operand as a complex number: complex, float or int; `None` otherwise.
fn operand(v: &Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = v.downcast::<ComplexObj>() {
        return Ok(Some((c.re, c.im)));
    }
    match v {
        Value::Float(f) => Ok(Some((*f, 0.0))),
        _ => match v.as_int() {
            Some(i) => Ok(Some((crate::arith::int_to_f64(i)?, 0.0))),
            None => Ok(None),
        },
    }
}

/// A number through its special methods, for `complex(x)` (CPython's
/// `try_complex_special_method`, then `PyFloat_AsDouble`): `__complex__` (if
/// `allow_complex`), `__float__`, then `__index__`; `None` if it has none.
/// The flag says whether the value came from `__complex__`.
fn special_operand(
    vm: &mut Vm,
    v: &Value,
    allow_complex: bool,
) -> PyResult<Option<((f64, f64), bool)>> {
    if allow_complex {
        if let Some(r) = crate::class::call_special(vm, v, "__complex__", &[])? {
            return match r.downcast::<ComplexObj>() {
                Some(c) => Ok(Some(((c.re, c.im), true))),
                None => Err(PyErr::type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    tname(vm, &r)
                ))),
            };
        }
    }
    if let Some(r) = crate::class::call_special(vm, v, "__float__", &[])? {
        return match r {
            Value::Float(f) => Ok(Some(((f, 0.0), false))),
            _ => Err(PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                tname(vm, v),
                tname(vm, &r)
            ))),
        };
    }
    if let Some(r) = crate::class::call_special(vm, v, "__index__", &[])? {
        return match r.as_int() {
            Some(i) => Ok(Some(((crate::arith::int_to_f64(i)?, 0.0), false))),
            None => Err(PyErr::type_error(format!(
                "__index__ returned non-int (type {})",
                tname(vm, &r)
            ))),
        };
    }
    Ok(None)
}

/// Both operands, when at least one is complex and the other a number.
/// A complex number as `(real, imag)`.
type Parts = (f64, f64);

fn operands(a: &Value, b: &Value) -> PyResult<Option<(Parts, Parts)>> {
    if a.downcast::<ComplexObj>().is_none() && b.downcast::<ComplexObj>().is_none() {
        return Ok(None);
    }
    match (operand(a)?, operand(b)?) {
        (Some(x), Some(y)) => Ok(Some((x, y))),
        _ => Ok(None),
    }
}

fn add(_vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(((ar, ai), (br, bi))) = operands(a, b)? else {
        return Ok(None);
    };
    make(ar + br, ai + bi).map(Some)
}

fn sub(_vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(((ar, ai), (br, bi))) = operands(a, b)? else {
        return Ok(None);
    };
    make(ar - br, ai - bi).map(Some)
}

fn mul_parts((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> (f64, f64) {
    (ar * br - ai * bi, ar * bi + ai * br)
}

fn mul(_vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some((x, y)) = operands(a, b)? else {
        return Ok(None);
    };
    let (r, i) = mul_parts(x, y);
    make(r, i).map(Some)
}

/// CPython's `_Py_c_quot` (Smith's method); `None` for division by zero.
fn quot((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> Option<(f64, f64)> {
    let (abs_r, abs_i) = (br.abs(), bi.abs());
    if abs_r >= abs_i {
        if abs_r == 0.0 {
            return None;
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Some(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if abs_i >= abs_r {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Some(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn truediv(_vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some((x, y)) = operands(a, b)? else {
        return Ok(None);
    };
    match quot(x, y) {
        Some((r, i)) => make(r, i).map(Some),
        None => Err(PyErr::zero_division("complex division by zero")),
    }
}

fn powu(x: (f64, f64), n: u32) -> (f64, f64) {
    let (mut r, mut p) = ((1.0, 0.0), x);
    let mut mask = 1u32;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = mul_parts(r, p);
        }
        mask <<= 1;
        p = mul_parts(p, p);
    }
    r
}

/// CPython's `complex_pow`: small integral exponents by repeated squaring, else
/// `_Py_c_pow`.
fn pow_parts(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let r = if b.1 == 0.0 && b.0 == b.0.trunc() && b.0.abs() <= 100.0 {
        let n = b.0 as i32;
        if n >= 0 {
            powu(a, n as u32)
        } else {
            match quot((1.0, 0.0), powu(a, n.unsigned_abs())) {
                Some(q) => q,
                None => return Err(PyErr::zero_division("0.0 to a negative or complex power")),
            }
        }
    } else if b == (0.0, 0.0) {
        (1.0, 0.0)
    } else if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PyErr::zero_division("0.0 to a negative or complex power"));
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if !(r.0.is_finite() && r.1.is_finite())
        && a.0.is_finite()
        && a.1.is_finite()
        && b.0.is_finite()
        && b.1.is_finite()
    {
        return Err(PyErr::new(ExcKind::OverflowError, "complex exponentiation"));
    }
    Ok(r)
}

/// `a ** b` when either operand is complex; `Ok(None)` otherwise. Called by
/// `Vm::power`.
pub fn power(a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some((x, y)) = operands(a, b)? else {
        return Ok(None);
    };
    let (r, i) = pow_parts(x, y)?;
    make(r, i).map(Some)
}

fn neg(_vm: &mut Vm, a: &Value) -> PyResult<Value> {
    let (r, i) = operand(a)?.unwrap_or_default();
    make(-r, -i)
}

fn pos(_vm: &mut Vm, a: &Value) -> PyResult<Value> {
    let (r, i) = operand(a)?.unwrap_or_default();
    make(r, i)
}

fn abs(_vm: &mut Vm, a: &Value) -> PyResult<Value> {
    let (r, i) = operand(a)?.unwrap_or_default();
    let h = r.hypot(i);
    if h.is_infinite() && r.is_finite() && i.is_finite() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "absolute value too large",
        ));
    }
    Ok(Value::Float(h))
}

fn dunder_abs(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    match args.first() {
        Some(a) => abs(vm, a),
        None => Err(PyErr::type_error("__abs__ expected a receiver")),
    }
}

fn truth(_vm: &mut Vm, a: &Value) -> PyResult<bool> {
    let (r, i) = operand(a)?.unwrap_or_default();
    Ok(r != 0.0 || i != 0.0)
}

fn repr(_vm: &mut Vm, a: &Value) -> PyResult<Value> {
    let (r, i) = operand(a)?.unwrap_or_default();
    Ok(crate::builtins::str::new_str(&common::repr::repr_complex(
        r, i,
    )))
}

/// CPython's `complex_hash`: `hash(re) + 1000003 * hash(im)`.
fn hash(_vm: &mut Vm, a: &Value) -> PyResult<isize> {
    let (r, i) = operand(a)?.unwrap_or_default();
    let hr = crate::builtins::float::hash_f64(r) as u64;
    let hi = crate::builtins::float::hash_f64(i) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64 as isize;
    Ok(if h == -1 { -2 } else { h })
}

fn richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let Some((x, y)) = operands(a, b)? else {
        return Ok(None);
    };
    // An int compares exactly (CPython compares the int with the real part
    // without rounding); within f64 range the conversion is exact enough here.
    let eq = x == y;
    Ok(Some(Value::Bool(if op == CompareOp::Eq {
        eq
    } else {
        !eq
    })))
}

/// `complex("1+2j")` (CPython's `complex_subtype_from_string`).
fn parse(s: &str) -> Option<(f64, f64)> {
    let mut t = s.trim();
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        t = inner.trim();
    }
    if t.is_empty() || t.contains(char::is_whitespace) {
        return None;
    }
    let num = |x: &str| -> Option<f64> {
        let ok = x
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-._".contains(c));
        if !ok || x.is_empty() {
            return None;
        }
        common::parse_number::parse_float(&Text::from_str(x)).ok()
    };
    let Some(body) = t.strip_suffix(['j', 'J']) else {
        return Some((num(t)?, 0.0));
    };
    // Split at the last sign that is not at the start and not after an 'e'.
    let bytes = body.as_bytes();
    let mut split = None;
    for i in (1..bytes.len()).rev() {
        if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
            split = Some(i);
            break;
        }
    }
    let imag = |x: &str| -> Option<f64> {
        match x {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => num(x),
        }
    };
    match split {
        Some(i) => Some((num(&body[..i])?, imag(&body[i..])?)),
        None => Some((0.0, imag(body)?)),
    }
}

fn complex_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let [real, imag] =
        super::str_methods::clinic_kw(vm, "complex", args, kw, ["real", "imag"], false)?;
    let nkw = kwnames_len(vm.token(), kw);
    if args.len() - nkw > 2 {
        return Err(PyErr::type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    // CPython's complex_new: complex(r, i) == r + i*1j, except that a part that
    // isn't complex contributes only its real value, so complex(-0.0, -0.0) is
    // (-0+0j) as in CPython.
    let (mut re, mut r_imag, mut r_is_complex) = (0.0, 0.0, false);
    if let Some(r) = &real {
        if let Some(s) = r.downcast::<StrObj>() {
            if imag.is_some() {
                return Err(PyErr::type_error(
                    "complex() can't take second arg if first is a string",
                ));
            }
            let text = s.text().to_string_lossy().into_owned();
            let (a, b) = parse(&text)
                .ok_or_else(|| PyErr::value_error("complex() arg is a malformed string"))?;
            return finish(vm, cls, a, b);
        }
        r_is_complex = r.downcast::<ComplexObj>().is_some();
        let parts = match operand(r)? {
            Some(p) => Some(p),
            None => {
                let p = special_operand(vm, r, true)?;
                // A `__complex__` result counts as a complex first argument.
                r_is_complex = p.is_some_and(|(_, c)| c);
                p.map(|(parts, _)| parts)
            }
        };
        match parts {
            Some((a, b)) => {
                re = a;
                r_imag = b;
            }
            None => {
                let tn = tname(vm, r);
                return Err(PyErr::type_error(format!(
                    "complex() first argument must be a string or a number, not '{tn}'"
                )));
            }
        }
    }
    let mut im: f64;
    match &imag {
        None => im = r_imag,
        Some(i) => {
            if i.downcast::<StrObj>().is_some() {
                return Err(PyErr::type_error("complex() second arg can't be a string"));
            }
            let parts = match operand(i)? {
                Some(p) => Some(p),
                None => special_operand(vm, i, false)?.map(|(parts, _)| parts),
            };
            match parts {
                Some((a, b)) => {
                    if i.downcast::<ComplexObj>().is_some() {
                        re -= b;
                    }
                    im = a;
                    if r_is_complex {
                        im += r_imag;
                    }
                }
                None => {
                    let tn = tname(vm, i);
                    return Err(PyErr::type_error(format!(
                        "complex() second argument must be a number, not '{tn}'"
                    )));
                }
            }
        }
    }
    finish(vm, cls, re, im)
}

fn finish(_vm: &mut Vm, cls: &ObjRef, re: f64, im: f64) -> PyResult<Value> {
    Ok(Value::Obj(ObjRef::new(cls, ComplexObj { re, im })))
}

fn real(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (r, _) = args
        .first()
        .map(operand)
        .transpose()?
        .flatten()
        .unwrap_or_default();
    Ok(Value::Float(r))
}

fn imag(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (_, i) = args
        .first()
        .map(operand)
        .transpose()?
        .flatten()
        .unwrap_or_default();
    Ok(Value::Float(i))
}

fn conjugate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    if kwnames_len(vm.token(), kw) > 0 || args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "complex.conjugate() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let (r, i) = operand(&args[0])?.unwrap_or_default();
    make(r, -i)
}

fn dunder_format(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (r, i) = args
        .first()
        .map(operand)
        .transpose()?
        .flatten()
        .unwrap_or_default();
    let spec = args
        .get(1)
        .and_then(|s| s.downcast::<StrObj>())
        .map(|s| s.text().clone())
        .unwrap_or_default();
    let name = tname(vm, &args[0]);
    let t = common::format_number::format_complex(r, i, &spec, &name).map_err(super::text_err)?;
    Ok(str_value(t))
}

/// `format(z, spec)` for a complex `z`.
pub fn format(vm: &mut Vm, v: &Value, spec: &str) -> Option<PyResult<String>> {
    let c = v.downcast::<ComplexObj>()?;
    let name = tname(vm, v);
    Some(
        common::format_number::format_complex(c.re, c.im, &Text::from_str(spec), &name)
            .map(|t| t.to_string_lossy().into_owned())
            .map_err(super::text_err),
    )
}

/// Creates `complex` and adds it to `builtins`.
pub fn install(vm: &mut Vm) {
    let t = vm.token();
    let ty = new_native_type(t, "complex", ComplexObj::LAYOUT, None);
    if let Some(tp) = ty.downcast::<TypeObject>() {
        tp.slots.repr.set(Some(repr));
        tp.slots.str_.set(Some(repr));
        tp.slots.hash.set(Some(hash));
        tp.slots.richcompare.set(Some(richcompare));
        tp.number.add.set(Some(add));
        tp.number.subtract.set(Some(sub));
        tp.number.multiply.set(Some(mul));
        tp.number.true_divide.set(Some(truediv));
        tp.number.negative.set(Some(neg));
        tp.number.positive.set(Some(pos));
        tp.number.absolute.set(Some(abs));
        tp.number.bool_.set(Some(truth));
    }
    add_method(t, &ty, "conjugate", conjugate);
    add_method(t, &ty, "__abs__", dunder_abs);
    add_method(t, &ty, "__format__", dunder_format);
    super::add_member(t, &ty, "real", real);
    super::add_member(t, &ty, "imag", imag);
    register_ctor(&ty, complex_new, false);
    COMPLEX.with(|c| *c.borrow_mut() = Some(ty.clone()));
    let m = vm.builtins_module.clone();
    if let Some(m) = m.downcast::<crate::module::ModuleObj>() {
        m.set(vm.token(), "complex", Value::Obj(ty));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_complex_literals() {
        assert_eq!(parse("1+2j"), Some((1.0, 2.0)));
        assert_eq!(parse(" (-1.5e3-2J) "), Some((-1500.0, -2.0)));
        assert_eq!(parse("j"), Some((0.0, 1.0)));
        assert_eq!(parse("-j"), Some((0.0, -1.0)));
        assert_eq!(parse("1e-2j"), Some((0.0, 0.01)));
        assert_eq!(parse("1+"), None);
        assert_eq!(parse("x"), None);
    }

    #[test]
    fn quotient_and_power() {
        assert_eq!(quot((1.0, 0.0), (0.0, 0.0)), None);
        assert_eq!(quot((3.0, 4.0), (1.0, 0.0)), Some((3.0, 4.0)));
        assert_eq!(pow_parts((0.0, 1.0), (2.0, 0.0)).ok(), Some((-1.0, 0.0)));
        assert!(pow_parts((0.0, 0.0), (-1.0, 0.0)).is_err());
    }
}
