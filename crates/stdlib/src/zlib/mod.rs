//! `zlib` (CPython's `Modules/zlibmodule.c`): `compress`/`decompress`,
//! `compressobj`/`decompressobj` streams, `crc32`/`adler32`, the `Z_*`
//! constants and `zlib.error`. Deflate itself is `miniz_oxide`'s, so
//! compressed bytes may differ from zlib's while decompressing to the same
//! data; zlib, raw and gzip containers are supported, `zdict` is not.

mod engine;

use std::cell::RefCell;

use miniz_oxide::MZFlush;
use vm::builtins::str::new_str;
use vm::calls::NativeFn;
use vm::methods::bytes::{bytes_of, new_bytes};
use vm::object::{Payload, PayloadKind, PyCell};
use vm::value::IntRef;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::clinic::{no_keywords, Signature};
use crate::util::{exception_of, new_exception_class, new_module, set_attr, tname};
use engine::{Deflater, Inflater, ZError};

thread_local! {
    /// `zlib.error` and the `Compress` / `Decompress` types.
    static CLASSES: RefCell<Option<[ObjRef; 3]>> = const { RefCell::new(None) };
}

fn class(i: usize) -> PyResult<ObjRef> {
    CLASSES
        .with(|c| c.borrow().as_ref().map(|c| c[i].clone()))
        .ok_or_else(|| PyErr::type_error("zlib is not initialised"))
}

/// `zlib.error(msg)`.
#[cold]
fn error(msg: &str) -> PyErr {
    match class(0) {
        Ok(cls) => exception_of(&cls, ExcKind::Exception, msg),
        Err(e) => e,
    }
}

/// "Error -3 while decompressing data: incorrect header check".
#[cold]
fn zerror(e: &ZError, while_: &str) -> PyErr {
    error(&format!("Error {} while {while_}: {}", e.code, e.text))
}

fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_of(vm.token(), v).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            tname(vm, v)
        ))
    })
}

fn int_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => vm.index_i64(v),
    }
}

/// An `unsigned int` checksum start value, masked to 32 bits (format `I`).
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
        None => Ok(vm.index_i64(v)? as u32),
    }
}

fn checksum(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
    start: u32,
    f: fn(&[u8], u32) -> u32,
) -> PyResult<Value> {
    no_keywords(vm, &format!("zlib.{name}"), kw)?;
    if args.is_empty() || args.len() > 2 {
        let (how, n) = if args.is_empty() {
            ("at least 1 argument", 0)
        } else {
            ("at most 2 arguments", args.len())
        };
        return Err(PyErr::type_error(format!("{name} expected {how}, got {n}")));
    }
    let data = data_arg(vm, &args[0])?;
    let value = match args.get(1) {
        Some(v) => mask_u32(vm, v)?,
        None => start,
    };
    Ok(Value::Int(i64::from(f(&data, value))))
}

/// `crc32(data, value=0, /)`.
fn crc32(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    checksum(vm, "crc32", args, kw, 0, crate::binascii::crc32_bytes)
}

/// `adler32(data, value=1, /)`.
fn adler32(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    checksum(vm, "adler32", args, kw, 1, engine::adler32)
}

fn level_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    let level = int_arg(vm, v, -1)?;
    if !(-1..=9).contains(&level) {
        return Err(error("Bad compression level"));
    }
    Ok(level)
}

/// `compress(data, /, level=-1, wbits=15)`.
fn compress(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    const SIG: Signature = Signature {
        name: "compress",
        params: &["data", "level", "wbits"],
        posonly: 1,
        kwonly: 3,
        required: 1,
    };
    let a = SIG.bind(vm, args, kw)?;
    let data = data_arg(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let level = level_arg(vm, a[1].as_ref())?;
    let wbits = int_arg(vm, a[2].as_ref(), 15)?;
    let Some(format) = engine::format_for_wbits(wbits, false) else {
        return Err(error("Bad compression level"));
    };
    let out = engine::compress(&data, level, format).map_err(|e| zerror(&e, "compressing data"))?;
    Ok(new_bytes(out, false))
}

/// `decompress(data, /, wbits=15, bufsize=16384)`.
fn decompress(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    const SIG: Signature = Signature {
        name: "decompress",
        params: &["data", "wbits", "bufsize"],
        posonly: 1,
        kwonly: 3,
        required: 1,
    };
    let a = SIG.bind(vm, args, kw)?;
    let data = data_arg(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let wbits = int_arg(vm, a[1].as_ref(), 15)?;
    let bufsize = int_arg(vm, a[2].as_ref(), 16384)?;
    if bufsize < 0 {
        return Err(PyErr::value_error("bufsize must be non-negative"));
    }
    let Some(format) = engine::format_for_wbits(wbits, true) else {
        return Err(error(
            "Error -2 while preparing to decompress data: inconsistent stream state",
        ));
    };
    let out = engine::decompress(&data, format).map_err(|e| zerror(&e, "decompressing data"))?;
    Ok(new_bytes(out, false))
}

/// The payload of `zlib.Compress`.
pub struct CompressObj {
    state: PyCell<Deflater>,
}

impl Payload for CompressObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

/// The payload of `zlib.Decompress`.
pub struct DecompressObj {
    state: PyCell<Inflater>,
    unused_data: PyCell<Vec<u8>>,
    unconsumed_tail: PyCell<Vec<u8>>,
}

impl Payload for DecompressObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

/// `compressobj(level=-1, method=8, wbits=15, memLevel=8, strategy=0, zdict=None)`.
fn compressobj(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    const SIG: Signature = Signature {
        name: "compressobj",
        params: &["level", "method", "wbits", "memLevel", "strategy", "zdict"],
        posonly: 0,
        kwonly: 6,
        required: 0,
    };
    let a = SIG.bind(vm, args, kw)?;
    let level = level_arg(vm, a[0].as_ref())?;
    let method = int_arg(vm, a[1].as_ref(), 8)?;
    let wbits = int_arg(vm, a[2].as_ref(), 15)?;
    let mem_level = int_arg(vm, a[3].as_ref(), 8)?;
    let strategy = int_arg(vm, a[4].as_ref(), 0)?;
    let format = engine::format_for_wbits(wbits, false);
    let zdict = a[5].as_ref().filter(|v| !v.is_none());
    if method != 8 || !(1..=9).contains(&mem_level) || !(0..=4).contains(&strategy) {
        return Err(PyErr::value_error("Invalid initialization option"));
    }
    let Some(format) = format else {
        return Err(PyErr::value_error("Invalid initialization option"));
    };
    if zdict.is_some() {
        return Err(error("zdict is not supported"));
    }
    let ty = class(1)?;
    Ok(Value::Obj(ObjRef::new(
        &ty,
        CompressObj {
            state: PyCell::new(Deflater::new(level, format, strategy)),
        },
    )))
}

/// `decompressobj(wbits=15, zdict=b'')`.
fn decompressobj(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    const SIG: Signature = Signature {
        name: "decompressobj",
        params: &["wbits", "zdict"],
        posonly: 0,
        kwonly: 2,
        required: 0,
    };
    let a = SIG.bind(vm, args, kw)?;
    let wbits = int_arg(vm, a[0].as_ref(), 15)?;
    let Some(format) = engine::format_for_wbits(wbits, true) else {
        return Err(PyErr::value_error("Invalid initialization option"));
    };
    if let Some(z) = &a[1] {
        if !data_arg(vm, z)?.is_empty() {
            return Err(error("zdict is not supported"));
        }
    }
    let ty = class(2)?;
    Ok(Value::Obj(ObjRef::new(
        &ty,
        DecompressObj {
            state: PyCell::new(Inflater::new(format)),
            unused_data: PyCell::new(Vec::new()),
            unconsumed_tail: PyCell::new(Vec::new()),
        },
    )))
}

fn compress_self(v: &Value) -> PyResult<&CompressObj> {
    v.downcast::<CompressObj>()
        .ok_or_else(|| PyErr::type_error("expected a zlib.Compress object"))
}

fn decompress_self(v: &Value) -> PyResult<&DecompressObj> {
    v.downcast::<DecompressObj>()
        .ok_or_else(|| PyErr::type_error("expected a zlib.Decompress object"))
}

/// `Compress.compress(data, /)`.
fn c_compress(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = vm::calls::exact_args(vm, "compress", args, kw, 2)?;
    let c = compress_self(&a[0])?;
    let data = data_arg(vm, &a[1])?;
    let out = c
        .state
        .borrow_mut(vm.token())
        .run(&data, MZFlush::None)
        .map_err(|e| zerror(&e, "compressing data"))?;
    Ok(new_bytes(out, false))
}

/// `Compress.flush(mode=Z_FINISH, /)`.
fn c_flush(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = vm::calls::arg_range(vm, "flush", args, kw, 1, 2)?;
    let c = compress_self(&a[0])?;
    let mode = int_arg(vm, a.get(1), 4)?;
    let flush = match mode {
        0 => return Ok(new_bytes(Vec::new(), false)),
        1 => MZFlush::Partial,
        2 => MZFlush::Sync,
        3 => MZFlush::Full,
        _ => MZFlush::Finish,
    };
    let out = c
        .state
        .borrow_mut(vm.token())
        .run(&[], flush)
        .map_err(|e| zerror(&e, "flushing"))?;
    Ok(new_bytes(out, false))
}

/// `Decompress.decompress(data, /, max_length=0)`.
fn d_decompress(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    const SIG: Signature = Signature {
        name: "decompress",
        params: &["self", "data", "max_length"],
        posonly: 2,
        kwonly: 3,
        required: 2,
    };
    let a = SIG.bind(vm, args, kw)?;
    let me = a[0].clone().unwrap_or(Value::None);
    let d = decompress_self(&me)?;
    let data = data_arg(vm, a[1].as_ref().unwrap_or(&Value::None))?;
    let max_length = int_arg(vm, a[2].as_ref(), 0)?;
    if max_length < 0 {
        return Err(PyErr::value_error("max_length must be non-negative"));
    }
    let r = d
        .state
        .borrow_mut(vm.token())
        .run(&data, max_length as usize)
        .map_err(|e| zerror(&e, "decompressing data"))?;
    let rest = data.get(r.consumed..).unwrap_or(&[]).to_vec();
    if d.state.borrow(vm.token()).eof {
        d.unused_data
            .borrow_mut(vm.token())
            .extend_from_slice(&rest);
        d.unconsumed_tail.borrow_mut(vm.token()).clear();
    } else {
        *d.unconsumed_tail.borrow_mut(vm.token()) = rest;
    }
    Ok(new_bytes(r.data, false))
}

/// `Decompress.flush(length=16384, /)`: what the pending input still gives.
fn d_flush(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = vm::calls::arg_range(vm, "flush", args, kw, 1, 2)?;
    let d = decompress_self(&a[0])?;
    let length = int_arg(vm, a.get(1), 16384)?;
    if length <= 0 {
        return Err(PyErr::value_error("length must be greater than zero"));
    }
    let tail = std::mem::take(d.unconsumed_tail.borrow_mut(vm.token()));
    let r = d
        .state
        .borrow_mut(vm.token())
        .run(&tail, 0)
        .map_err(|e| zerror(&e, "flushing"))?;
    if d.state.borrow(vm.token()).eof {
        let rest = tail.get(r.consumed..).unwrap_or(&[]).to_vec();
        d.unused_data
            .borrow_mut(vm.token())
            .extend_from_slice(&rest);
    }
    Ok(new_bytes(r.data, false))
}

/// `Decompress.copy()` (also `__copy__` and `__deepcopy__(memo)`): an
/// independent decompressor in the same state.
fn d_copy(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let d = decompress_self(args.first().unwrap_or(&Value::None))?;
    let token = vm.token();
    let copy = DecompressObj {
        state: PyCell::new(d.state.borrow(token).clone()),
        unused_data: PyCell::new(d.unused_data.borrow(token).clone()),
        unconsumed_tail: PyCell::new(d.unconsumed_tail.borrow(token).clone()),
    };
    let ty = class(2)?;
    Ok(Value::Obj(ObjRef::new(&ty, copy)))
}

fn d_unused_data(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let d = decompress_self(args.first().unwrap_or(&Value::None))?;
    Ok(new_bytes(d.unused_data.borrow(vm.token()).clone(), false))
}

fn d_unconsumed_tail(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let d = decompress_self(args.first().unwrap_or(&Value::None))?;
    Ok(new_bytes(
        d.unconsumed_tail.borrow(vm.token()).clone(),
        false,
    ))
}

fn d_eof(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let d = decompress_self(args.first().unwrap_or(&Value::None))?;
    Ok(Value::Bool(d.state.borrow(vm.token()).eof))
}

/// The `Z_*` and other integer constants, as zlib 1.2.13 defines them.
const CONSTANTS: [(&str, i64); 21] = [
    ("DEFLATED", 8),
    ("DEF_BUF_SIZE", 16384),
    ("DEF_MEM_LEVEL", 8),
    ("MAX_WBITS", 15),
    ("Z_BEST_COMPRESSION", 9),
    ("Z_BEST_SPEED", 1),
    ("Z_BLOCK", 5),
    ("Z_DEFAULT_COMPRESSION", -1),
    ("Z_DEFAULT_STRATEGY", 0),
    ("Z_FILTERED", 1),
    ("Z_FINISH", 4),
    ("Z_FIXED", 4),
    ("Z_FULL_FLUSH", 3),
    ("Z_HUFFMAN_ONLY", 2),
    ("Z_NO_COMPRESSION", 0),
    ("Z_NO_FLUSH", 0),
    ("Z_PARTIAL_FLUSH", 1),
    ("Z_RLE", 3),
    ("Z_SYNC_FLUSH", 2),
    ("Z_TREES", 6),
    ("Z_OK", 0),
];

/// Creates the `zlib` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("adler32", adler32),
        ("crc32", crc32),
        ("compress", compress),
        ("decompress", decompress),
        ("compressobj", compressobj),
        ("decompressobj", decompressobj),
    ];
    let m = new_module(vm, "zlib", funcs);
    for (n, v) in CONSTANTS {
        if n != "Z_OK" {
            set_attr(vm, &m, n, Value::Int(v));
        }
    }
    set_attr(vm, &m, "ZLIB_VERSION", new_str("1.2.13"));
    set_attr(vm, &m, "ZLIB_RUNTIME_VERSION", new_str("1.2.13"));
    set_attr(vm, &m, "__version__", new_str("1.0"));
    let exception = vm::exceptions::exc_class(ExcKind::Exception);
    let err = new_exception_class(vm, "zlib", "error", &[exception])?;
    set_attr(vm, &m, "error", Value::Obj(err.clone()));
    let ct = vm::types::new_native_type(vm.token(), "Compress", CompressObj::LAYOUT, None);
    let dt = vm::types::new_native_type(vm.token(), "Decompress", DecompressObj::LAYOUT, None);
    for t in [&ct, &dt] {
        if let Some(tp) = t.downcast::<vm::types::TypeObject>() {
            tp.set_module(vm.token(), "zlib");
        }
    }
    vm::calls::add_method(vm.token(), &ct, "compress", c_compress);
    vm::calls::add_method(vm.token(), &ct, "flush", c_flush);
    vm::calls::add_method(vm.token(), &dt, "decompress", d_decompress);
    vm::calls::add_method(vm.token(), &dt, "flush", d_flush);
    vm::calls::add_method(vm.token(), &dt, "copy", d_copy);
    vm::calls::add_method(vm.token(), &dt, "__copy__", d_copy);
    vm::calls::add_method(vm.token(), &dt, "__deepcopy__", d_copy);
    crate::io::add_property(vm, &dt, "unused_data", d_unused_data);
    crate::io::add_property(vm, &dt, "unconsumed_tail", d_unconsumed_tail);
    crate::io::add_property(vm, &dt, "eof", d_eof);
    CLASSES.with(|c| *c.borrow_mut() = Some([err, ct, dt]));
    Ok(m)
}
