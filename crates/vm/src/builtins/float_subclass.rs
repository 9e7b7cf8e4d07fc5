//! Instances of Python subclasses of `float` (`class Money(float)`): exact
//! floats are always inline (`Value::Float`), so the `float` type's instance
//! payload, [`FloatObj`], only ever appears inside a `Subclassed<FloatObj>`
//! (CPython's `float_subtype_new`). [`Value::as_float`] reads either form, and
//! the float slots and methods use it, so arithmetic on a subclass instance
//! returns plain floats.

use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

/// The payload of the `float` type's heap instances (only subclass instances).
pub struct FloatObj {
    /// The value.
    pub value: f64,
}

impl Payload for FloatObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

/// A new instance of the `float` subclass `cls` with the float value `v`.
pub fn new(vm: &mut Vm, cls: &ObjRef, v: &Value) -> PyResult<Value> {
    let Some(value) = v.as_float() else {
        return Err(PyErr::type_error(format!(
            "float.__new__ returned non-float (type {})",
            type_name(vm.token(), &v.type_ref())
        )));
    };
    crate::builtins::subclassed::new_instance(vm.token(), cls, FloatObj { value }, "float")
        .map(Value::Obj)
}

/// The receiver of a `float` method as a float.
fn float_arg(args: &[Value]) -> PyResult<f64> {
    args.first()
        .and_then(Value::as_float)
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'float' object"))
}

/// The receiver of an `int` method as an exact int.
fn int_arg(args: &[Value]) -> PyResult<Value> {
    match args.first() {
        Some(v) if v.as_int().is_some() => Ok(crate::builtins::int::exact_value(v)),
        _ => Err(PyErr::type_error("descriptor requires an 'int' object")),
    }
}

/// `float.__repr__(x)`: the value's repr (what a subclass's `__repr__` reaches
/// through `float.__repr__(self)` or `super().__repr__()`).
fn float_repr_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    crate::calls::exact_args(vm, "__repr__", args, kw, 1)?;
    let f = float_arg(args)?;
    crate::builtins::repr::float_repr(vm, &Value::Float(f))
}

/// `float.__format__(x, spec)` / `int.__format__(x, spec)`: the format-spec
/// mini-language applied to the value (CPython's `float__format__`).
fn number_format(vm: &mut Vm, v: Value, spec: &Value) -> PyResult<Value> {
    let Some(s) = spec
        .downcast::<crate::builtins::str::StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
    else {
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            type_name(vm.token(), &spec.type_ref())
        )));
    };
    match crate::methods::format_common(vm, &v, &s) {
        Some(r) => Ok(crate::builtins::str::new_str(&r?)),
        None => Err(PyErr::type_error("unsupported format")),
    }
}

fn float_format_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__format__", args, kw, 2)?;
    let f = float_arg(a)?;
    number_format(vm, Value::Float(f), &a[1])
}

fn int_repr_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    crate::calls::exact_args(vm, "__repr__", args, kw, 1)?;
    let v = int_arg(args)?;
    vm.repr(&v)
}

fn int_format_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__format__", args, kw, 2)?;
    let v = int_arg(a)?;
    number_format(vm, v, &a[1])
}

/// Adds `__repr__` and `__format__` to `float` and `int` (where they are
/// missing), so subclasses reach the value's behaviour through `super()` and
/// `format()`.
pub fn install(vm: &mut Vm) {
    let bt = crate::types::builtin_types();
    for (ty, name, f) in [
        (
            &bt.float,
            "__repr__",
            float_repr_m as crate::calls::NativeFn,
        ),
        (&bt.float, "__format__", float_format_m),
        (&bt.int, "__repr__", int_repr_m),
        (&bt.int, "__format__", int_format_m),
    ] {
        let key = Value::Obj(crate::builtins::str::intern(vm.token(), name));
        let present = ty
            .downcast::<crate::types::TypeObject>()
            .is_some_and(|t| t.dict.get_str(vm.token(), &key).is_some());
        if !present {
            crate::calls::add_method(vm.token(), ty, name, f);
        }
    }
}
