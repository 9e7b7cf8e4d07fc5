//! `binascii` (CPython's `Modules/binascii.c`): conversions between binary
//! data and ASCII encodings (uuencode, base64, quoted-printable, hex) and the
//! CRC-32 / CRC-CCITT checksums, with `binascii.Error` (a `ValueError`) and
//! `binascii.Incomplete`. The `a2b_*` functions also take ASCII `str`.

mod codec;
mod qp;

use std::cell::RefCell;

use vm::builtins::str::{new_str, StrObj};
use vm::calls::NativeFn;
use vm::methods::bytes::{bytes_of, new_bytes};
use vm::value::IntRef;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::clinic::{no_keywords, Signature};
use crate::util::{exception_of, new_exception_class, new_module, set_attr, tname};

thread_local! {
    /// `binascii.Error`, once the module exists.
    static ERROR: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

/// CRC-32 as `zlib.crc32` computes it (shared with `zlib`).
pub fn crc32_bytes(data: &[u8], start: u32) -> u32 {
    codec::crc32(data, start)
}

/// `binascii.Error(msg)`.
#[cold]
fn error(msg: &str) -> PyErr {
    match ERROR.with(|e| e.borrow().clone()) {
        Some(cls) => exception_of(&cls, ExcKind::ValueError, msg),
        None => PyErr::value_error(msg),
    }
}

/// A `Py_buffer` argument: any bytes-like object.
fn binary_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_of(vm.token(), v).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            tname(vm, v)
        ))
    })
}

/// CPython's `ascii_buffer_converter`: a bytes-like object or an ASCII `str`.
fn ascii_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.downcast::<StrObj>() {
        let text = s.text().to_string_lossy();
        if !text.is_ascii() {
            return Err(PyErr::value_error(
                "string argument should contain only ASCII characters",
            ));
        }
        return Ok(text.into_owned().into_bytes());
    }
    bytes_of(vm.token(), v).ok_or_else(|| {
        PyErr::type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            tname(vm, v)
        ))
    })
}

/// A flag parameter (`p` or `i` in Argument Clinic): its truth value.
fn flag(vm: &mut Vm, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => vm.is_true(v),
    }
}

/// An `unsigned int` parameter with bit masking (format `I`).
fn mask_u32(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    match v.as_int() {
        Some(IntRef::Small(i)) => Ok(i as u32),
        Some(IntRef::Big(b)) => {
            let m = common::bigint::BigInt::from(1u64 << 32);
            let mut r = b % &m;
            if r < common::bigint::BigInt::from(0) {
                r += &m;
            }
            Ok(u32::try_from(&r).unwrap_or(0))
        }
        None => {
            if v.as_float().is_some() {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    tname(vm, v)
                )));
            }
            let i = vm.index_i64(v)?;
            Ok(i as u32)
        }
    }
}

/// The single argument of a `METH_O` function.
fn one_arg<'a>(
    vm: &mut Vm,
    name: &str,
    args: &'a [Value],
    kw: Option<&ObjRef>,
) -> PyResult<&'a Value> {
    no_keywords(vm, &format!("binascii.{name}"), kw)?;
    match args {
        [v] => Ok(v),
        _ => Err(PyErr::type_error(format!(
            "binascii.{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn bytes_result(data: Vec<u8>) -> PyResult<Value> {
    Ok(new_bytes(data, false))
}

/// `a2b_uu(data, /)`.
fn a2b_uu(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let v = one_arg(vm, "a2b_uu", args, kw)?;
    let data = ascii_arg(vm, v)?;
    codec::a2b_uu(&data)
        .map_err(|m| error(&m))
        .and_then(bytes_result)
}

/// `b2a_uu(data, /, *, backtick=False)`.
fn b2a_uu(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    const SIG: Signature = Signature {
        name: "b2a_uu",
        params: &["data", "backtick"],
        posonly: 1,
        kwonly: 1,
        required: 1,
    };
    let a = SIG.bind(vm, args, kw)?;
    let data = binary_arg(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let backtick = flag(vm, a[1].as_ref(), false)?;
    codec::b2a_uu(&data, backtick)
        .map_err(|m| error(&m))
        .and_then(bytes_result)
}

/// `a2b_base64(data, /, *, strict_mode=False)`.
fn a2b_base64(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    const SIG: Signature = Signature {
        name: "a2b_base64",
        params: &["data", "strict_mode"],
        posonly: 1,
        kwonly: 1,
        required: 1,
    };
    let a = SIG.bind(vm, args, kw)?;
    let data = ascii_arg(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let strict = flag(vm, a[1].as_ref(), false)?;
    codec::a2b_base64(&data, strict)
        .map_err(|m| error(&m))
        .and_then(bytes_result)
}

/// `b2a_base64(data, /, *, newline=True)`.
fn b2a_base64(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    const SIG: Signature = Signature {
        name: "b2a_base64",
        params: &["data", "newline"],
        posonly: 1,
        kwonly: 1,
        required: 1,
    };
    let a = SIG.bind(vm, args, kw)?;
    let data = binary_arg(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let newline = flag(vm, a[1].as_ref(), true)?;
    bytes_result(codec::b2a_base64(&data, newline))
}

/// `a2b_qp(data, header=False)`.
fn a2b_qp(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    const SIG: Signature = Signature {
        name: "a2b_qp",
        params: &["data", "header"],
        posonly: 0,
        kwonly: 2,
        required: 1,
    };
    let a = SIG.bind(vm, args, kw)?;
    let data = ascii_arg(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let header = flag(vm, a[1].as_ref(), false)?;
    bytes_result(qp::a2b_qp(&data, header))
}

/// `b2a_qp(data, quotetabs=False, istext=True, header=False)`.
fn b2a_qp(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    const SIG: Signature = Signature {
        name: "b2a_qp",
        params: &["data", "quotetabs", "istext", "header"],
        posonly: 0,
        kwonly: 4,
        required: 1,
    };
    let a = SIG.bind(vm, args, kw)?;
    let data = binary_arg(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let quotetabs = flag(vm, a[1].as_ref(), false)?;
    let istext = flag(vm, a[2].as_ref(), true)?;
    let header = flag(vm, a[3].as_ref(), false)?;
    bytes_result(qp::b2a_qp(&data, quotetabs, istext, header))
}

/// The `sep` of `b2a_hex`: one character of a `str` or `bytes`.
fn hex_sep(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let chars: Vec<u32> = if let Some(s) = v.downcast::<StrObj>() {
        s.text().to_string_lossy().chars().map(u32::from).collect()
    } else if let Some(b) = bytes_of(vm.token(), v) {
        b.into_iter().map(u32::from).collect()
    } else {
        return Err(PyErr::type_error(format!(
            "object of type '{}' has no len()",
            tname(vm, v)
        )));
    };
    match chars.as_slice() {
        [c] => u8::try_from(*c).map_err(|_| PyErr::value_error("sep must be ASCII.")),
        _ => Err(PyErr::value_error("sep must be length 1.")),
    }
}

/// `b2a_hex(data, sep=<none>, bytes_per_sep=1)` and its alias `hexlify`.
fn hex_common(
    vm: &mut Vm,
    name: &'static str,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let sig = Signature {
        name,
        params: &["data", "sep", "bytes_per_sep"],
        posonly: 0,
        kwonly: 3,
        required: 1,
    };
    let a = sig.bind(vm, args, kw)?;
    let data = binary_arg(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let sep = match &a[1] {
        None => None,
        Some(v) => Some(hex_sep(vm, v)?),
    };
    let per = match &a[2] {
        None => 1,
        Some(v) => {
            let n = vm.index_i64(v).map_err(|_| {
                PyErr::new(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C int",
                )
            })?;
            if i32::try_from(n).is_err() {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C int",
                ));
            }
            n
        }
    };
    bytes_result(codec::b2a_hex(&data, sep, per))
}

fn b2a_hex(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    hex_common(vm, "b2a_hex", args, kw)
}

fn hexlify(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    hex_common(vm, "hexlify", args, kw)
}

/// `a2b_hex(hexstr, /)`.
fn a2b_hex(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let v = one_arg(vm, "a2b_hex", args, kw)?;
    let data = ascii_arg(vm, v)?;
    codec::a2b_hex(&data)
        .map_err(|m| error(&m))
        .and_then(bytes_result)
}

/// `unhexlify(hexstr, /)`.
fn unhexlify(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let v = one_arg(vm, "unhexlify", args, kw)?;
    let data = ascii_arg(vm, v)?;
    codec::a2b_hex(&data)
        .map_err(|m| error(&m))
        .and_then(bytes_result)
}

/// `crc32(data, crc=0, /)`.
fn crc32(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_keywords(vm, "binascii.crc32", kw)?;
    match args.len() {
        0 => Err(PyErr::type_error(
            "crc32 expected at least 1 argument, got 0",
        )),
        1 | 2 => {
            let data = binary_arg(vm, &args[0])?;
            let start = match args.get(1) {
                Some(v) => mask_u32(vm, v)?,
                None => 0,
            };
            Ok(Value::Int(i64::from(codec::crc32(&data, start))))
        }
        n => Err(PyErr::type_error(format!(
            "crc32 expected at most 2 arguments, got {n}"
        ))),
    }
}

/// `crc_hqx(data, crc, /)`.
fn crc_hqx(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_keywords(vm, "binascii.crc_hqx", kw)?;
    let [d, c] = args else {
        return Err(PyErr::type_error(format!(
            "crc_hqx expected 2 arguments, got {}",
            args.len()
        )));
    };
    let data = binary_arg(vm, d)?;
    let start = mask_u32(vm, c)? as u16;
    Ok(Value::Int(i64::from(codec::crc_hqx(&data, start))))
}

/// Creates the `binascii` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("a2b_uu", a2b_uu),
        ("b2a_uu", b2a_uu),
        ("a2b_base64", a2b_base64),
        ("b2a_base64", b2a_base64),
        ("a2b_qp", a2b_qp),
        ("b2a_qp", b2a_qp),
        ("a2b_hex", a2b_hex),
        ("b2a_hex", b2a_hex),
        ("hexlify", hexlify),
        ("unhexlify", unhexlify),
        ("crc32", crc32),
        ("crc_hqx", crc_hqx),
    ];
    let m = new_module(vm, "binascii", funcs);
    set_attr(
        vm,
        &m,
        "__doc__",
        new_str("Conversion between binary data and ASCII"),
    );
    let value_error = vm::exceptions::exc_class(ExcKind::ValueError);
    let exception = vm::exceptions::exc_class(ExcKind::Exception);
    let err = new_exception_class(vm, "binascii", "Error", &[value_error])?;
    let incomplete = new_exception_class(vm, "binascii", "Incomplete", &[exception])?;
    ERROR.with(|e| *e.borrow_mut() = Some(err.clone()));
    set_attr(vm, &m, "Error", Value::Obj(err));
    set_attr(vm, &m, "Incomplete", Value::Obj(incomplete));
    Ok(m)
}
