//! `str()` of `UnicodeEncodeError`, `UnicodeDecodeError` and
//! `UnicodeTranslateError` built from their standard arguments (CPython's
//! `UnicodeEncodeError_str` & co. in `Objects/exceptions.c`): "'utf-8' codec
//! can't decode byte 0xff in position 0: invalid start byte".

use crate::builtins::str::{new_str, StrObj};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::exceptions::{exc_class, ExceptionObj};
use crate::value::Value;
use crate::vm::Vm;

fn text(v: &Value) -> Option<String> {
    v.downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
}

fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for code point `c`.
fn escaped(c: u32) -> String {
    if c <= 0xff {
        format!("\\x{c:02x}")
    } else if c <= 0xffff {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

/// The message of a Unicode error of kind `kind` with `args`, or `None` when
/// the arguments aren't the standard ones (then `BaseException.__str__`
/// applies).
fn message(vm: &mut Vm, kind: ExcKind, args: &[Value]) -> Option<String> {
    match kind {
        ExcKind::UnicodeDecodeError => {
            let [enc, obj, start, end, reason] = args else {
                return None;
            };
            let (enc, reason) = (text(enc)?, text(reason)?);
            let (start, end) = (int(start)?, int(end)?);
            let data = crate::methods::bytes::bytes_of(vm.token(), obj)?;
            if end == start + 1 {
                let b = data.get(usize::try_from(start).ok()?)?;
                Some(format!(
                    "'{enc}' codec can't decode byte 0x{b:02x} in position {start}: {reason}"
                ))
            } else {
                Some(format!(
                    "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
                    end - 1
                ))
            }
        }
        ExcKind::UnicodeEncodeError | ExcKind::UnicodeTranslateError => {
            let encode = kind == ExcKind::UnicodeEncodeError;
            let (prefix, obj, start, end, reason) = match (encode, args) {
                (true, [enc, obj, start, end, reason]) => (
                    format!("'{}' codec can't encode", text(enc)?),
                    obj,
                    start,
                    end,
                    reason,
                ),
                (false, [obj, start, end, reason]) => {
                    ("can't translate".to_owned(), obj, start, end, reason)
                }
                _ => return None,
            };
            let reason = text(reason)?;
            let (start, end) = (int(start)?, int(end)?);
            let s = obj.downcast::<StrObj>()?;
            if end == start + 1 {
                let c = s.text().code_points().nth(usize::try_from(start).ok()?)?;
                Some(format!(
                    "{prefix} character '{}' in position {start}: {reason}",
                    escaped(c)
                ))
            } else {
                Some(format!(
                    "{prefix} characters in position {start}-{}: {reason}",
                    end - 1
                ))
            }
        }
        _ => None,
    }
}

/// The `__str__` slot of the three Unicode error classes.
pub fn unicode_error_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let kind = {
        let cls = v.type_ref();
        crate::rt_types::rt().exc.kind_of(vm.token(), &cls)
    };
    let args = v
        .downcast::<ExceptionObj>()
        .map(|e| e.args_vec(vm.token()))
        .unwrap_or_default();
    match message(vm, kind, &args) {
        Some(m) => Ok(new_str(&m)),
        None => match args.as_slice() {
            [] => Ok(new_str("")),
            [a] => vm.str(a),
            _ => vm.str(&Value::Obj(crate::builtins::tuple::Tuple::alloc(args))),
        },
    }
}

/// A raised Unicode error of class `kind` with its standard arguments (what
/// CPython's `PyUnicodeDecodeError_Create` / `PyUnicodeEncodeError_Create`
/// build), so `encoding`, `object`, `start`, `end` and `reason` are set and
/// `str()` derives the message from them.
#[cold]
fn with_args(kind: ExcKind, args: Vec<Value>) -> PyErr {
    PyErr::from_object(kind, ExceptionObj::alloc(&exc_class(kind), args))
}

fn index(i: usize) -> Value {
    Value::Int(i64::try_from(i).unwrap_or(i64::MAX))
}

/// `UnicodeDecodeError(encoding, object, start, end, reason)` for a codec
/// failing on `object[start:end]` (CPython's `PyUnicodeDecodeError_Create`).
#[cold]
pub fn decode_error(
    encoding: &str,
    object: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let object = crate::methods::bytes::new_bytes(object.to_vec(), false);
    with_args(
        ExcKind::UnicodeDecodeError,
        vec![
            new_str(encoding),
            object,
            index(start),
            index(end),
            new_str(reason),
        ],
    )
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)` for a codec
/// failing on code points `object[start:end]` of the str `object` (CPython's
/// `PyUnicodeEncodeError_Create`).
#[cold]
pub fn encode_error(
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    with_args(
        ExcKind::UnicodeEncodeError,
        vec![
            new_str(encoding),
            object,
            index(start),
            index(end),
            new_str(reason),
        ],
    )
}
