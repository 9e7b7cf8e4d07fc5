//! `bytes.translate` / `bytearray.translate` (CPython's `bytes_translate_impl`):
//! map every byte through a 256-byte table (or keep it, for `None`) after
//! dropping the bytes listed in `delete`. `re._compiler` needs it to build
//! charset bitmaps.

use super::bytes::{bytes_of, is_bytearray, new_bytes};
use super::tname;
use crate::calls::ArgSpec;
use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// `b.translate(table, /, delete=b'')`.
pub fn b_translate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some((me, rest)) = args.split_first() else {
        return Err(PyErr::type_error(
            "descriptor 'translate' needs an argument",
        ));
    };
    let Some(data) = bytes_of(vm.token(), me) else {
        return Err(PyErr::type_error(
            "descriptor 'translate' requires a 'bytes' object",
        ));
    };
    let (pos, [delete_kw]) = ArgSpec::parse(vm, "translate", rest, kw, ["delete"])?;
    let (table, delete) = match pos {
        [t] => (t.clone(), delete_kw),
        [t, d] if delete_kw.is_none() => (t.clone(), Some(d.clone())),
        [_, _] => {
            return Err(PyErr::type_error(
                "argument for translate() given by name ('delete') and position (2)",
            ))
        }
        [] => {
            return Err(PyErr::type_error(
                "translate() takes at least 1 positional argument (0 given)",
            ))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "translate() takes at most 2 arguments ({} given)",
                pos.len()
            )))
        }
    };
    let table = match table {
        Value::None => None,
        t => match bytes_of(vm.token(), &t) {
            Some(b) if b.len() == 256 => Some(b),
            Some(_) => {
                return Err(PyErr::value_error(
                    "translation table must be 256 characters long",
                ))
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    tname(vm, &t)
                )))
            }
        },
    };
    let delete = match delete {
        None => Vec::new(),
        Some(d) => bytes_of(vm.token(), &d).ok_or_else(|| {
            PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                tname(vm, &d)
            ))
        })?,
    };
    let mut drop = [false; 256];
    for &b in &delete {
        drop[usize::from(b)] = true;
    }
    let out: Vec<u8> = data
        .iter()
        .filter(|&&b| !drop[usize::from(b)])
        .map(|&b| table.as_ref().map_or(b, |t| t[usize::from(b)]))
        .collect();
    let mutable = is_bytearray(vm, me);
    Ok(new_bytes(out, mutable))
}
