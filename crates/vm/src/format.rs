//! `format(value, spec)` for the builtin `int`, `bool`, `float` and `str`
//! (CPython's `Python/formatter_unicode.c`), through the shared text library
//! (`common::format_spec`, `common::format_number`).

use crate::builtins::str::StrObj;
use crate::error::{PyErr, PyResult};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

/// A text-library error as a `PyErr`.
pub fn text_err(e: common::error::TextError) -> PyErr {
    use common::error::ExcKind as K;
    let kind = match e.kind {
        K::ValueError => crate::error::ExcKind::ValueError,
        K::TypeError => crate::error::ExcKind::TypeError,
        K::OverflowError => crate::error::ExcKind::OverflowError,
        K::KeyError => crate::error::ExcKind::KeyError,
        K::IndexError => crate::error::ExcKind::IndexError,
        K::MemoryError => crate::error::ExcKind::MemoryError,
    };
    PyErr::new(kind, e.message)
}

/// `format(v, spec)` for builtin values: `int`, `bool`, `float` and `str`
/// through the shared text library (`common::format_number`,
/// `common::format_spec`, CPython's exact output).
pub fn format_builtin(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if let Some(r) = crate::methods::complex::format(vm, v, spec) {
        return r;
    }
    let spec_t = common::text::Text::from(spec);
    let tname = type_name(vm.token(), &v.type_ref());
    if let Some(st) = v.downcast::<StrObj>() {
        return common::format_spec::format_str_typed(st.text(), &spec_t, &tname)
            .map(|t| t.to_string_lossy().into_owned())
            .map_err(text_err);
    }
    if let Some(f) = v.as_float() {
        return common::format_number::format_float(f, &spec_t, &tname)
            .map(|t| t.to_string_lossy().into_owned())
            .map_err(text_err);
    }
    if let Some(i) = v.as_int() {
        let b = i.to_bigint();
        return common::format_number::format_int(&b, &spec_t, &tname, 4300)
            .map(|t| t.to_string_lossy().into_owned())
            .map_err(text_err);
    }
    Err(PyErr::type_error(format!(
        "unsupported format string passed to {tname}.__format__"
    )))
}
