//! The method tables of the builtin types (CPython's `PyMethodDef` arrays in
//! `Objects/*object.c`), one file per type. [`install`] runs after
//! `builtins_module::methods::install`, so a method defined here replaces the
//! first, simpler version there.

pub mod bytes;
mod bytes_extra;
mod bytes_percent;
mod bytes_translate;
pub mod complex;
pub mod containers;
mod dict_slice_compare;
mod dict_views;
mod dunders;
pub mod frozenset;
pub mod memoryview;
pub mod numbers;
mod slot_dunders;
mod str_format;
pub mod str_methods;
mod str_percent;

use common::error::TextError;
use common::text::Text;

use crate::builtins::str::{intern, StrObj};
use crate::calls::{new_native_function, NativeFn};
use crate::descriptors::{ClassMethod, StaticMethod};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, Token};
use crate::types::{type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// Adds every method table to the builtin types.
pub fn install(vm: &mut Vm) {
    str_methods::install(vm);
    containers::install(vm);
    containers::install_dunders(vm);
    containers::install_dict_reversed(vm);
    numbers::install_slice_attrs(vm);
    numbers::install(vm);
    numbers::install_extra(vm);
    crate::builtins::float_subclass::install(vm);
    str_percent::install();
    dict_views::install(vm);
    complex::install(vm);
    bytes::install(vm);
    bytes::install_int(vm);
    dunders::install(vm);
    dict_slice_compare::install(vm);
    memoryview::install(vm);
    crate::mappingproxy::proxy_type(vm.token());
}

fn set_type_attr(token: &mut Token, ty: &ObjRef, name: &'static str, v: Value) {
    let key = Value::Obj(intern(token, name));
    if let Some(t) = ty.downcast::<TypeObject>() {
        let _ = t
            .dict
            .set(&mut crate::builtins::dict::NativeEq(token), key, v);
    }
    crate::types::type_modified(token, ty);
}

/// Adds a read-only attribute computed by `f(vm, [self], None)` (CPython's
/// `PyGetSetDef` / `PyMemberDef`, e.g. `int.real`), as a `getset_descriptor`.
pub fn add_getter(token: &mut Token, ty: &ObjRef, name: &'static str, f: NativeFn) {
    let d = crate::attr_descr::new_getset(token, ty, name, f, None);
    set_type_attr(token, ty, name, d);
}

/// Adds a read-only data attribute computed by `f(vm, [self], None)` as a
/// `member_descriptor` (CPython's `PyMemberDef` with `READONLY`, e.g.
/// `range.start`, `complex.real`).
pub fn add_member(token: &mut Token, ty: &ObjRef, name: &'static str, f: NativeFn) {
    let n = intern(token, name);
    let d = crate::builtins::slots_layout::native_member(token, ty, n, Some(f));
    set_type_attr(token, ty, name, Value::Obj(d));
}

/// Adds a class method (CPython's `METH_CLASS`, e.g. `int.from_bytes`) as a
/// `classmethod_descriptor`: `f` gets the class as `args[0]`.
pub fn add_classmethod(token: &mut Token, ty: &ObjRef, name: &'static str, f: NativeFn) {
    let owner = crate::calls::leak_name(type_name(token, ty));
    let func = Value::Obj(ObjRef::new(
        &crate::rt_types::rt().builtin_function,
        crate::calls::NativeFunction {
            name,
            func: f,
            self_: None,
            owner: Some(owner),
        },
    ));
    let c = ObjRef::new(
        &crate::rt_types::rt().classmethod_descriptor,
        ClassMethod { func },
    );
    set_type_attr(token, ty, name, Value::Obj(c));
}

/// Adds a static method (CPython's `METH_STATIC`, e.g. `str.maketrans`).
pub fn add_staticmethod(token: &mut Token, ty: &ObjRef, name: &'static str, f: NativeFn) {
    let func = Value::Obj(new_native_function(name, f));
    let c = ObjRef::new(&crate::rt_types::rt().staticmethod, StaticMethod { func });
    set_type_attr(token, ty, name, Value::Obj(c));
}

/// `type(v).__name__`, for messages.
pub fn tname(vm: &mut Vm, v: &Value) -> String {
    let t = v.type_ref();
    type_name(vm.token(), &t)
}

/// A `TextError` from the common text library as a Python exception.
pub fn text_err(e: TextError) -> PyErr {
    use common::error::ExcKind as K;
    let kind = match e.kind {
        K::ValueError => ExcKind::ValueError,
        K::TypeError => ExcKind::TypeError,
        K::OverflowError => ExcKind::OverflowError,
        K::MemoryError => ExcKind::MemoryError,
        K::IndexError => ExcKind::IndexError,
        K::KeyError => ExcKind::KeyError,
    };
    PyErr::new(kind, e.message)
}

/// A new `str` object from text.
pub fn str_value(t: Text) -> Value {
    Value::Obj(StrObj::alloc_text(t))
}

/// A slice-style optional index argument (`start`/`end` of `str.find` & co.):
/// `None` for omitted or `None`, else the int clamped to `isize` (CPython's
/// `_PyEval_SliceIndex`, with its `TypeError`).
pub fn slice_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<isize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            if let Some(i) = v.as_int() {
                return Ok(Some(match i {
                    crate::value::IntRef::Small(s) => {
                        s.clamp(isize::MIN as i64, isize::MAX as i64) as isize
                    }
                    crate::value::IntRef::Big(b) => {
                        if *b < common::bigint::BigInt::ZERO {
                            isize::MIN
                        } else {
                            isize::MAX
                        }
                    }
                }));
            }
            let has_index = v
                .type_ref()
                .downcast::<TypeObject>()
                .is_some_and(|t| t.number.index.get().is_some());
            if !has_index {
                return Err(PyErr::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ));
            }
            Ok(Some(vm.index_isize(v)?))
        }
    }
}

/// `format(v, spec)` for exact `str`, `int`, `bool` and `float` through the common
/// format-spec implementation (CPython's `Python/formatter_unicode.c`); `None` for
/// other values.
pub fn format_common(vm: &mut Vm, v: &Value, spec: &str) -> Option<PyResult<String>> {
    let spec_t = Text::from_str(spec);
    // Instances of float subclasses format as their value.
    let as_float = match v {
        Value::Obj(_) => v.as_float().map(Value::Float),
        _ => None,
    };
    let r = match as_float.as_ref().unwrap_or(v) {
        Value::Float(f) => common::format_number::format_float(*f, &spec_t, "float"),
        Value::Bool(_) | Value::Int(_) => {
            let name = tname(vm, v);
            let big = match v.as_int() {
                Some(crate::value::IntRef::Small(i)) => common::bigint::BigInt::from(i),
                _ => return None,
            };
            common::format_number::format_int(
                &big,
                &spec_t,
                &name,
                crate::builtins::repr::INT_MAX_STR_DIGITS,
            )
        }
        Value::Obj(o) => {
            if o.downcast::<complex::ComplexObj>().is_some() {
                return complex::format(vm, v, spec);
            }
            if let Some(s) = o.downcast::<StrObj>() {
                common::format_spec::format_str(s.text(), &spec_t)
            } else if let Some(b) = o.downcast::<crate::builtins::int::IntObj>() {
                let name = tname(vm, v);
                common::format_number::format_int(
                    &b.value,
                    &spec_t,
                    &name,
                    crate::builtins::repr::INT_MAX_STR_DIGITS,
                )
            } else {
                return None;
            }
        }
        Value::None => return None,
    };
    Some(
        r.map(|t| t.to_string_lossy().into_owned())
            .map_err(text_err),
    )
}
