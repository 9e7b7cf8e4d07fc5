//! Argument binding for `_sre`'s functions and methods, with Argument
//! Clinic's messages (CPython's `_PyArg_UnpackKeywords`).

use vm::calls::ArgSpec;
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

/// Binds positional and keyword arguments to `names`; the first `required`
/// must be given. `args` excludes the receiver.
pub fn bind<const N: usize>(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
    names: [&str; N],
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    let (pos, mut out) = ArgSpec::parse(vm, fname, args, kw, names)?;
    if pos.len() > N {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {N} argument{} ({} given)",
            if N == 1 { "" } else { "s" },
            pos.len()
        )));
    }
    for (i, v) in pos.iter().enumerate() {
        if out[i].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for {fname}() given by name ('{}') and position ({})",
                names[i],
                i + 1
            )));
        }
        out[i] = Some(v.clone());
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(PyErr::type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// An optional `Py_ssize_t` argument (`default` when absent).
pub fn ssize(vm: &mut Vm, v: &Option<Value>, default: isize) -> PyResult<isize> {
    match v {
        None => Ok(default),
        Some(v) => {
            if matches!(v, Value::Float(_)) {
                return Err(PyErr::type_error(
                    "'float' object cannot be interpreted as an integer",
                ));
            }
            vm.index_isize(v)
        }
    }
}

/// The value of a required argument that [`bind`] checked.
pub fn req(v: &Option<Value>) -> Value {
    v.clone().unwrap_or(Value::None)
}
