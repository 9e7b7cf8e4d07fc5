//! `bytes` and `bytearray` (CPython's `Objects/bytesobject.c`,
//! `bytearrayobject.c`): one payload, two types (`bytearray` is the mutable one).
//! Constructors, repr, indexing and slicing, comparison, hash, `+ * %`, the common
//! methods, bytearray's mutating methods, and the codecs `str.encode` /
//! `bytes.decode` use (utf-8, ascii, latin-1).

use std::cell::RefCell;

use common::text::Text;

use super::{str_value, text_err, tname};
use crate::builtins::list::List;
use crate::builtins::slice::{slice_items, SliceObj};
use crate::builtins::str::StrObj;
use crate::builtins::tuple::Tuple;
use crate::calls::{add_method, kwnames_len, NativeFn};
use crate::class::register_ctor;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind, PyCell, Token};
use crate::types::{builtin_types, new_native_type, CompareOp, TypeObject};
use crate::value::{IntRef, Value};
use crate::vm::Vm;

/// The payload of `bytes` and `bytearray`.
pub struct BytesObj {
    /// The contents (only a `bytearray`'s ever change).
    pub data: PyCell<Vec<u8>>,
    /// How many memoryviews export a `bytearray`'s memory (CPython's
    /// `ob_exports`): while non-zero its size can't change.
    pub exports: std::cell::Cell<usize>,
}

impl Payload for BytesObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

thread_local! {
    static TYPES: RefCell<Option<[ObjRef; 2]>> = const { RefCell::new(None) };
}

/// The `bytes` type (`bytearray` when `mutable`; `None` before [`install`] ran).
pub fn bytes_type(mutable: bool) -> Option<ObjRef> {
    TYPES.with(|t| {
        t.borrow()
            .as_ref()
            .map(|ts| ts[usize::from(mutable)].clone())
    })
}

/// The `bytearray` type (`None` before [`install`] ran).
pub fn bytearray_type() -> Option<ObjRef> {
    bytes_type(true)
}

/// A new `bytes` (or `bytearray` when `mutable`).
pub fn new_bytes(data: Vec<u8>, mutable: bool) -> Value {
    match bytes_type(mutable) {
        Some(t) => Value::Obj(ObjRef::new(
            &t,
            BytesObj {
                data: PyCell::new(data),
                exports: std::cell::Cell::new(0),
            },
        )),
        None => Value::None,
    }
}

/// Whether `v` is a bytearray (or subclass instance).
pub fn is_bytearray(vm: &mut Vm, v: &Value) -> bool {
    match bytes_type(true) {
        Some(t) => crate::types::is_subtype(vm.token(), &v.type_ref(), &t),
        None => false,
    }
}

/// A copy of the contents of a bytes-like value (bytes, bytearray or a live
/// memoryview).
pub fn bytes_of(token: &Token, v: &Value) -> Option<Vec<u8>> {
    match v.downcast::<BytesObj>() {
        Some(b) => Some(b.data.borrow(token).clone()),
        None => super::memoryview::view_bytes(token, v),
    }
}

/// CPython's "Existing exports of data: object cannot be re-sized" when a
/// `bytearray` exported to a memoryview would change size.
fn check_resize(obj: &BytesObj, old_len: usize, new_len: usize) -> PyResult<()> {
    if obj.exports.get() > 0 && old_len != new_len {
        return Err(PyErr::new(
            ExcKind::BufferError,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(())
}

pub(super) fn recv(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<u8>> {
    args.first()
        .and_then(|v| bytes_of(vm.token(), v))
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'bytes' object"))
}

/// A byte value 0..=255 from an int, with CPython's errors.
fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = match v.as_int() {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(_)) => -1,
        None => {
            let tn = tname(vm, v);
            if !has_index(v) {
                return Err(PyErr::type_error(format!(
                    "'{tn}' object cannot be interpreted as an integer"
                )));
            }
            vm.index_i64(v)?
        }
    };
    u8::try_from(i).map_err(|_| PyErr::value_error("byte must be in range(0, 256)"))
}

fn has_index(v: &Value) -> bool {
    v.type_ref()
        .downcast::<TypeObject>()
        .is_some_and(|t| t.number.index.get().is_some())
}

/// A bytes-like argument, else "a bytes-like object is required, not 'str'".
pub(super) fn buffer_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_of(vm.token(), v) {
        Some(b) => Ok(b),
        None => {
            let tn = tname(vm, v);
            Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{tn}'"
            )))
        }
    }
}

// ----- codecs -----

fn normalize_encoding(e: &str) -> String {
    e.to_ascii_lowercase().replace(['-', ' '], "_")
}

/// `str.encode` for utf-8, ascii and latin-1.
pub fn encode(t: &Text, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let enc = normalize_encoding(encoding);
    let (limit, name) = match enc.as_str() {
        "utf_8" | "utf8" => (u32::MAX, "utf-8"),
        "ascii" | "us_ascii" => (0x7f, "ascii"),
        "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "l1" => (0xff, "latin-1"),
        _ => {
            return Err(PyErr::new(
                ExcKind::LookupError,
                format!("unknown encoding: {encoding}"),
            ))
        }
    };
    let cps: Vec<u32> = t.code_points().collect();
    let mut out = Vec::with_capacity(cps.len());
    let encodable = |c: u32| {
        if limit == u32::MAX {
            !(0xd800..0xe000).contains(&c)
        } else {
            c <= limit
        }
    };
    for (pos, &c) in cps.iter().enumerate() {
        if encodable(c) {
            if limit == u32::MAX {
                let mut buf = [0u8; 4];
                if let Some(ch) = char::from_u32(c) {
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
            } else {
                out.push(c as u8);
            }
            continue;
        }
        match errors {
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => {
                let esc = if c <= 0xff {
                    format!("\\x{c:02x}")
                } else if c <= 0xffff {
                    format!("\\u{c:04x}")
                } else {
                    format!("\\U{c:08x}")
                };
                out.extend_from_slice(esc.as_bytes());
            }
            "surrogateescape" if (0xdc80..=0xdcff).contains(&c) => out.push((c - 0xdc00) as u8),
            "xmlcharrefreplace" => out.extend_from_slice(format!("&#{c};").as_bytes()),
            "strict" | "surrogateescape" => {
                let why = if limit == u32::MAX {
                    "surrogates not allowed".to_owned()
                } else {
                    format!("ordinal not in range({})", limit + 1)
                };
                // The error covers the whole run of unencodable code points.
                let run = cps[pos..].iter().take_while(|&&c| !encodable(c)).count();
                let object = Value::Obj(crate::builtins::str::StrObj::alloc_text(t.clone()));
                return Err(crate::unicode_error::encode_error(
                    name,
                    object,
                    pos,
                    pos + run,
                    &why,
                ));
            }
            other => {
                return Err(PyErr::new(
                    ExcKind::LookupError,
                    format!("unknown error handler name '{other}'"),
                ))
            }
        }
    }
    Ok(out)
}

/// The length of the valid UTF-8 sequence at the start of `b`, or the reason it
/// is invalid and how many bytes the error covers (CPython's messages).
fn utf8_step(b: &[u8]) -> Result<(u32, usize), (&'static str, usize)> {
    let b0 = b[0];
    if b0 < 0x80 {
        return Ok((b0 as u32, 1));
    }
    let (n, min, init) = match b0 {
        0xc2..=0xdf => (2, 0x80, (b0 & 0x1f) as u32),
        0xe0..=0xef => (3, 0x800, (b0 & 0x0f) as u32),
        0xf0..=0xf4 => (4, 0x10000, (b0 & 0x07) as u32),
        _ => return Err(("invalid start byte", 1)),
    };
    let mut cp = init;
    for k in 1..n {
        let Some(&c) = b.get(k) else {
            return Err(("unexpected end of data", k));
        };
        let bad = c & 0xc0 != 0x80
            || (k == 1 && b0 == 0xe0 && c < 0xa0)
            || (k == 1 && b0 == 0xed && c > 0x9f)
            || (k == 1 && b0 == 0xf0 && c < 0x90)
            || (k == 1 && b0 == 0xf4 && c > 0x8f);
        if bad {
            return Err(("invalid continuation byte", k));
        }
        cp = (cp << 6) | (c & 0x3f) as u32;
    }
    let _ = min;
    Ok((cp, n))
}

/// `bytes.decode` for utf-8, ascii and latin-1.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> PyResult<Text> {
    let enc = normalize_encoding(encoding);
    let name = match enc.as_str() {
        "utf_8" | "utf8" => "utf-8",
        "ascii" | "us_ascii" => "ascii",
        "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "l1" => {
            return Ok(Text::from_latin1(b))
        }
        _ => {
            return Err(PyErr::new(
                ExcKind::LookupError,
                format!("unknown encoding: {encoding}"),
            ))
        }
    };
    let mut out = Text::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let step = if name == "ascii" {
            if b[i] < 0x80 {
                Ok((b[i] as u32, 1))
            } else {
                Err(("ordinal not in range(128)", 1))
            }
        } else {
            utf8_step(&b[i..])
        };
        match step {
            Ok((cp, n)) => {
                out.push_code_point(cp);
                i += n;
            }
            Err((why, n)) => {
                match errors {
                    "ignore" => {}
                    "replace" => out.push_code_point(0xfffd),
                    "surrogateescape" => {
                        for &x in &b[i..i + n] {
                            if x < 128 {
                                out.push_code_point(x as u32);
                            } else {
                                out.push_code_point(0xdc00 + x as u32);
                            }
                        }
                    }
                    "backslashreplace" => {
                        for &x in &b[i..i + n] {
                            out.push_str(&format!("\\x{x:02x}"));
                        }
                    }
                    "strict" => {
                        return Err(crate::unicode_error::decode_error(name, b, i, i + n, why));
                    }
                    other => {
                        return Err(PyErr::new(
                            ExcKind::LookupError,
                            format!("unknown error handler name '{other}'"),
                        ))
                    }
                }
                i += n;
            }
        }
    }
    Ok(out)
}

fn encoding_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<(String, String)> {
    let [enc, err] =
        super::str_methods::clinic_kw(vm, name, args, kw, ["encoding", "errors"], true)?;
    let get = |vm: &mut Vm, v: Option<Value>, dflt: &str, which: &str| -> PyResult<String> {
        match v {
            None => Ok(dflt.to_owned()),
            Some(v) => match v.downcast::<StrObj>() {
                Some(s) => Ok(s.text().to_string_lossy().into_owned()),
                None => {
                    let tn = tname(vm, &v);
                    Err(PyErr::type_error(format!(
                        "{name}() argument '{which}' must be str, not {tn}"
                    )))
                }
            },
        }
    };
    Ok((
        get(vm, enc, "utf-8", "encoding")?,
        get(vm, err, "strict", "errors")?,
    ))
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn str_encode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let t = args
        .first()
        .and_then(|v| v.downcast::<StrObj>())
        .map(|s| s.text().clone())
        .ok_or_else(|| PyErr::type_error("descriptor 'encode' requires a 'str' object"))?;
    let (enc, err) = encoding_args(vm, "encode", args, kw)?;
    match encode(&t, &enc, &err) {
        Ok(b) => Ok(new_bytes(b, false)),
        Err(e) if is_unknown_encoding(&e) => {
            let r = via_codec_registry(vm, "encode", &args[0], &enc, &err)?;
            if r.downcast::<BytesObj>().is_none() {
                return Err(PyErr::type_error(format!(
                    "'{enc}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                    tname(vm, &r)
                )));
            }
            Ok(r)
        }
        Err(e) => Err(e),
    }
}

/// Whether `e` is the built-in codecs' "unknown encoding" `LookupError`.
fn is_unknown_encoding(e: &PyErr) -> bool {
    e.kind == ExcKind::LookupError && e.msg.starts_with("unknown encoding")
}

/// `_codecs.encode`/`decode(obj, encoding, errors)`: the codec registry (the
/// `encodings` package) for encodings the built-in fast paths don't know.
fn via_codec_registry(
    vm: &mut Vm,
    func: &str,
    obj: &Value,
    enc: &str,
    err: &str,
) -> PyResult<Value> {
    let m = vm.import_module("_codecs")?;
    let f = {
        let k = crate::builtins::str::intern(vm.token(), func);
        vm.getattr(&m, &k)?
    };
    vm.call(
        &f,
        &[
            obj.clone(),
            crate::builtins::str::new_str(enc),
            crate::builtins::str::new_str(err),
        ],
        None,
    )
}

fn bytes_decode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let b = recv(vm, args)?;
    let (enc, err) = encoding_args(vm, "decode", args, kw)?;
    match decode(&b, &enc, &err) {
        Ok(t) => Ok(str_value(t)),
        Err(e) if is_unknown_encoding(&e) => {
            let r = via_codec_registry(vm, "decode", &args[0], &enc, &err)?;
            if r.downcast::<StrObj>().is_none() {
                return Err(PyErr::type_error(format!(
                    "'{enc}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                    tname(vm, &r)
                )));
            }
            Ok(r)
        }
        Err(e) => Err(e),
    }
}

// ----- constructor -----

fn bytes_from_source(
    vm: &mut Vm,
    src: &Value,
    enc: Option<Value>,
    errors: Option<Value>,
    name: &str,
) -> PyResult<Vec<u8>> {
    if let Some(s) = src.downcast::<StrObj>() {
        let Some(enc) = enc else {
            return Err(PyErr::type_error("string argument without an encoding"));
        };
        let e = enc
            .downcast::<StrObj>()
            .map(|s| s.text().to_string_lossy().into_owned())
            .ok_or_else(|| {
                PyErr::type_error(format!("{name}() argument 'encoding' must be str"))
            })?;
        let er = errors
            .and_then(|v| {
                v.downcast::<StrObj>()
                    .map(|s| s.text().to_string_lossy().into_owned())
            })
            .unwrap_or_else(|| "strict".into());
        return encode(s.text(), &e, &er);
    }
    if enc.is_some() || errors.is_some() {
        return Err(PyErr::type_error(if enc.is_some() {
            "encoding without a string argument"
        } else {
            "errors without a string argument"
        }));
    }
    if let Some(b) = bytes_of(vm.token(), src) {
        return Ok(b);
    }
    if src.as_int().is_some() || has_index(src) {
        let n = vm.index_isize(src)?;
        if n < 0 {
            return Err(PyErr::value_error("negative count"));
        }
        if n > 1 << 32 {
            return Err(PyErr::bare(ExcKind::MemoryError));
        }
        return Ok(vec![0; n as usize]);
    }
    if !vm.is_iterable(src) {
        let tn = tname(vm, src);
        return Err(PyErr::type_error(format!(
            "cannot convert '{tn}' object to {name}"
        )));
    }
    let items = vm.sequence_to_vec(src)?;
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(byte_value(vm, it).map_err(|e| {
            if name == "bytes" && e.is_kind(ExcKind::ValueError) {
                PyErr::value_error("bytes must be in range(0, 256)")
            } else {
                e
            }
        })?);
    }
    Ok(out)
}

fn ctor(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
    mutable: bool,
) -> PyResult<Value> {
    let name = if mutable { "bytearray" } else { "bytes" };
    let [src, enc, err] =
        super::str_methods::clinic_kw(vm, name, args, kw, ["source", "encoding", "errors"], false)?;
    let data = match src {
        Some(s) => bytes_from_source(vm, &s, enc, err, name)?,
        None => Vec::new(),
    };
    Ok(Value::Obj(ObjRef::new(
        cls,
        BytesObj {
            data: PyCell::new(data),
            exports: std::cell::Cell::new(0),
        },
    )))
}

fn bytes_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    ctor(vm, cls, args, kw, false)
}

fn bytearray_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    ctor(vm, cls, args, kw, true)
}

// ----- slots -----

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let b = bytes_of(vm.token(), v).unwrap_or_default();
    let r = common::repr::repr_bytes(&b);
    if is_bytearray(vm, v) {
        let name = tname(vm, v);
        return Ok(crate::builtins::str::new_str(&format!("{name}({r})")));
    }
    Ok(crate::builtins::str::new_str(&r))
}

fn len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(v.downcast::<BytesObj>()
        .map_or(0, |b| b.data.borrow(vm.token()).len()))
}

fn iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let b = bytes_of(vm.token(), v).unwrap_or_default();
    let l = Value::Obj(List::alloc(
        b.into_iter().map(|x| Value::Int(x as i64)).collect(),
    ));
    use crate::builtins_module::named_iters::{new_named_iter, NamedIter};
    let kind = if is_bytearray(vm, v) {
        NamedIter::ByteArray
    } else {
        NamedIter::Bytes
    };
    match new_named_iter(kind, l.clone()) {
        Some(it) => Ok(it),
        None => vm.iter(&l),
    }
}

fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let b = bytes_of(vm.token(), v).unwrap_or_default();
    if let Some(s) = key.downcast::<SliceObj>() {
        let picked = slice_items(vm, s, &b)?;
        let m = is_bytearray(vm, v);
        return Ok(new_bytes(picked, m));
    }
    if key.as_int().is_none() && !has_index(key) {
        let tn = tname(vm, key);
        let what = if is_bytearray(vm, v) {
            "bytearray"
        } else {
            "byte"
        };
        return Err(PyErr::type_error(format!(
            "{what} indices must be integers or slices, not {tn}"
        )));
    }
    let i = vm.index_isize(key)?;
    let n = b.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        let msg = if is_bytearray(vm, v) {
            "bytearray index out of range"
        } else {
            "index out of range"
        };
        return Err(PyErr::new(ExcKind::IndexError, msg));
    }
    Ok(Value::Int(b[j as usize] as i64))
}

fn setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(obj) = v.downcast::<BytesObj>() else {
        return Ok(());
    };
    let mut data = obj.data.borrow(vm.token()).clone();
    if let Some(s) = key.downcast::<SliceObj>() {
        let (start, _stop, step, n) = s.indices(vm, data.len())?;
        let new: Vec<u8> = match &value {
            None => Vec::new(),
            Some(x) => {
                if x.as_int().is_some() {
                    return Err(PyErr::type_error(
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                    ));
                }
                bytes_from_source(vm, x, None, None, "bytearray")?
            }
        };
        if step == 1 {
            let st = start.max(0) as usize;
            let end = (st + n).min(data.len());
            data.splice(st..end, new);
        } else {
            let idx: Vec<usize> = (0..n)
                .map(|k| (start + k as isize * step) as usize)
                .collect();
            if value.is_some() {
                if new.len() != n {
                    return Err(PyErr::value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {n}",
                        new.len()
                    )));
                }
                for (i, x) in idx.into_iter().zip(new) {
                    if let Some(slot) = data.get_mut(i) {
                        *slot = x;
                    }
                }
            } else {
                let mut sorted = idx;
                sorted.sort_unstable();
                for i in sorted.into_iter().rev() {
                    if i < data.len() {
                        data.remove(i);
                    }
                }
            }
        }
    } else {
        if key.as_int().is_none() && !has_index(key) {
            let tn = tname(vm, key);
            return Err(PyErr::type_error(format!(
                "bytearray indices must be integers or slices, not {tn}"
            )));
        }
        let i = vm.index_isize(key)?;
        let n = data.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(PyErr::new(
                ExcKind::IndexError,
                "bytearray index out of range",
            ));
        }
        match value {
            Some(x) => data[j as usize] = byte_value(vm, &x)?,
            None => {
                data.remove(j as usize);
            }
        }
    }
    let old_len = obj.data.borrow(vm.token()).len();
    check_resize(obj, old_len, data.len())?;
    *obj.data.borrow_mut(vm.token()) = data;
    Ok(())
}

fn richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (bytes_of(vm.token(), a), bytes_of(vm.token(), b)) else {
        return Ok(None);
    };
    let o = x.cmp(&y);
    Ok(Some(Value::Bool(crate::builtins::int::compare_result(
        o, op,
    ))))
}

fn hash(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    let b = bytes_of(vm.token(), v).unwrap_or_default();
    Ok(crate::builtins::str::str_hash(
        Text::from_latin1(&b).as_bytes(),
    ))
}

fn concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(mut x) = bytes_of(vm.token(), a) else {
        return Ok(None);
    };
    let Some(y) = bytes_of(vm.token(), b) else {
        let (ta, tb) = (tname(vm, b), tname(vm, a));
        let _ = tb;
        return Err(PyErr::type_error(format!(
            "can't concat {ta} to {}",
            tname(vm, a)
        )));
    };
    x.extend(y);
    let m = is_bytearray(vm, a);
    Ok(Some(new_bytes(x, m)))
}

fn repeat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (seq, n) = if a.downcast::<BytesObj>().is_some() {
        (a, b)
    } else {
        (b, a)
    };
    if n.as_int().is_none() && !has_index(n) {
        return Ok(None);
    }
    let Some(x) = bytes_of(vm.token(), seq) else {
        return Ok(None);
    };
    let n = vm.index_isize(n)?.max(0) as usize;
    if x.len().checked_mul(n).is_none_or(|t| t > 1 << 32) {
        return Err(PyErr::bare(ExcKind::MemoryError));
    }
    let m = is_bytearray(vm, seq);
    Ok(Some(new_bytes(x.repeat(n), m)))
}

fn modulo(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(fmt) = bytes_of(vm.token(), a) else {
        return Ok(None);
    };
    let m = is_bytearray(vm, a);
    super::bytes_percent::bytes_mod(vm, &fmt, b).map(|r| Some(new_bytes(r, m)))
}

// ----- methods -----

/// The positional arguments after the receiver, `min..=max` of them.
pub(super) fn pos<'a>(
    vm: &mut Vm,
    name: &str,
    args: &'a [Value],
    kw: Option<&ObjRef>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if kwnames_len(vm.token(), kw) > 0 {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    let n = args.len().saturating_sub(1);
    if n < min || n > max {
        return Err(PyErr::type_error(if min == max && min == 0 {
            format!("{name}() takes no arguments ({n} given)")
        } else if n < min {
            format!(
                "{name}() takes at least {min} argument{} ({n} given)",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name}() takes at most {max} argument{} ({n} given)",
                if max == 1 { "" } else { "s" }
            )
        }));
    }
    Ok(&args[1..])
}

pub(super) fn result(vm: &mut Vm, like: &Value, data: Vec<u8>) -> Value {
    let m = is_bytearray(vm, like);
    new_bytes(data, m)
}

/// A sub-sequence argument of `find` & co.: bytes-like or an int.
pub(super) fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if v.as_int().is_some() {
        return Ok(vec![byte_value(vm, v)?]);
    }
    match bytes_of(vm.token(), v) {
        Some(b) => Ok(b),
        None => {
            let tn = tname(vm, v);
            Err(PyErr::type_error(format!(
                "argument should be integer or bytes-like object, not '{tn}'"
            )))
        }
    }
}

fn latin(b: &[u8]) -> Text {
    Text::from_latin1(b)
}

pub(super) fn find_common(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
) -> PyResult<(Text, Text, Option<isize>, Option<isize>)> {
    let s = recv(vm, args)?;
    let a = pos(vm, name, args, kw, 1, 3)?;
    let sub = sub_arg(vm, &a[0])?;
    let st = super::slice_index(vm, a.get(1))?;
    let en = super::slice_index(vm, a.get(2))?;
    Ok((latin(&s), latin(&sub), st, en))
}

fn b_find(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (s, sub, st, en) = find_common(vm, args, kw, "find")?;
    Ok(Value::Int(
        common::str_methods::search::find(&s, &sub, st, en) as i64,
    ))
}

fn b_rfind(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (s, sub, st, en) = find_common(vm, args, kw, "rfind")?;
    Ok(Value::Int(
        common::str_methods::search::rfind(&s, &sub, st, en) as i64,
    ))
}

fn b_index(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (s, sub, st, en) = find_common(vm, args, kw, "index")?;
    let i = common::str_methods::search::find(&s, &sub, st, en);
    if i < 0 {
        return Err(PyErr::value_error("subsection not found"));
    }
    Ok(Value::Int(i as i64))
}

fn b_count(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (s, sub, st, en) = find_common(vm, args, kw, "count")?;
    Ok(Value::Int(
        common::str_methods::search::count(&s, &sub, st, en) as i64,
    ))
}

fn affix(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    start: bool,
) -> PyResult<Value> {
    let s = latin(&recv(vm, args)?);
    let a = pos(vm, name, args, kw, 1, 3)?;
    let st = super::slice_index(vm, a.get(1))?;
    let en = super::slice_index(vm, a.get(2))?;
    let cands: Vec<Value> = match a[0].downcast::<Tuple>() {
        Some(t) => t.items(vm.token()).to_vec(),
        None => vec![a[0].clone()],
    };
    for c in cands {
        let Some(p) = bytes_of(vm.token(), &c) else {
            let tn = tname(vm, &c);
            return Err(PyErr::type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {tn}"
            )));
        };
        let p = latin(&p);
        let hit = if start {
            common::str_methods::search::startswith(&s, &p, st, en)
        } else {
            common::str_methods::search::endswith(&s, &p, st, en)
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn b_startswith(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    affix(vm, args, kw, "startswith", true)
}

fn b_endswith(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    affix(vm, args, kw, "endswith", false)
}

fn to_latin_bytes(t: &Text) -> Vec<u8> {
    t.code_points().map(|c| c as u8).collect()
}

fn b_replace(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(vm, args)?;
    let a = pos(vm, "replace", args, kw, 2, 3)?;
    let old = buffer_arg(vm, &a[0])?;
    let new = buffer_arg(vm, &a[1])?;
    let count = match a.get(2) {
        Some(c) => vm.index_isize(c)?,
        None => -1,
    };
    let r = common::str_methods::search::replace(&latin(&s), &latin(&old), &latin(&new), count)
        .map_err(text_err)?;
    Ok(result(vm, &args[0], to_latin_bytes(&r)))
}

pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn strip_common(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let s = recv(vm, args)?;
    let a = pos(vm, name, args, kw, 0, 1)?;
    let chars = match a.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(buffer_arg(vm, v)?),
    };
    let strip = |c: &u8| match &chars {
        Some(cs) => cs.contains(c),
        None => is_space(*c),
    };
    let mut lo = 0;
    let mut hi = s.len();
    if left {
        while lo < hi && strip(&s[lo]) {
            lo += 1;
        }
    }
    if right {
        while hi > lo && strip(&s[hi - 1]) {
            hi -= 1;
        }
    }
    Ok(result(vm, &args[0], s[lo..hi].to_vec()))
}

fn b_strip(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    strip_common(vm, args, kw, "strip", true, true)
}
fn b_lstrip(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    strip_common(vm, args, kw, "lstrip", true, false)
}
fn b_rstrip(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    strip_common(vm, args, kw, "rstrip", false, true)
}

fn b_split(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(vm, args)?;
    let [sep, maxsplit] =
        super::str_methods::clinic_kw(vm, "split", args, kw, ["sep", "maxsplit"], true)?;
    let maxsplit = match maxsplit {
        Some(m) => vm.index_isize(&m)?,
        None => -1,
    };
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        None | Some(Value::None) => {
            let mut i = 0;
            while i < s.len() {
                while i < s.len() && is_space(s[i]) {
                    i += 1;
                }
                if i >= s.len() {
                    break;
                }
                if parts.len() == limit {
                    let mut end = s.len();
                    while end > i && is_space(s[end - 1]) {
                        end -= 1;
                    }
                    parts.push(s[i..end].to_vec());
                    break;
                }
                let st = i;
                while i < s.len() && !is_space(s[i]) {
                    i += 1;
                }
                parts.push(s[st..i].to_vec());
            }
        }
        Some(sep) => {
            let sep = buffer_arg(vm, &sep)?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let mut rest: &[u8] = &s;
            loop {
                if parts.len() == limit {
                    parts.push(rest.to_vec());
                    break;
                }
                match rest.windows(sep.len()).position(|w| w == sep.as_slice()) {
                    Some(p) => {
                        parts.push(rest[..p].to_vec());
                        rest = &rest[p + sep.len()..];
                    }
                    None => {
                        parts.push(rest.to_vec());
                        break;
                    }
                }
            }
        }
    }
    let m = is_bytearray(vm, &args[0]);
    Ok(Value::Obj(List::alloc(
        parts.into_iter().map(|p| new_bytes(p, m)).collect(),
    )))
}

fn b_join(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let sep = recv(vm, args)?;
    let a = pos(vm, "join", args, kw, 1, 1)?;
    let items = vm.sequence_to_vec(&a[0])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match bytes_of(vm.token(), it) {
            Some(b) => out.extend(b),
            None => {
                let tn = tname(vm, it);
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {tn} found"
                )));
            }
        }
    }
    Ok(result(vm, &args[0], out))
}

fn b_upper(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(vm, args)?;
    pos(vm, "upper", args, kw, 0, 0)?;
    Ok(result(vm, &args[0], s.to_ascii_uppercase()))
}

fn b_lower(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(vm, args)?;
    pos(vm, "lower", args, kw, 0, 0)?;
    Ok(result(vm, &args[0], s.to_ascii_lowercase()))
}

fn predicate(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    f: fn(&u8) -> bool,
) -> PyResult<Value> {
    let s = recv(vm, args)?;
    pos(vm, name, args, kw, 0, 0)?;
    Ok(Value::Bool(!s.is_empty() && s.iter().all(f)))
}

fn b_isdigit(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    predicate(vm, args, kw, "isdigit", u8::is_ascii_digit)
}
fn b_isalpha(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    predicate(vm, args, kw, "isalpha", u8::is_ascii_alphabetic)
}
fn b_isalnum(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    predicate(vm, args, kw, "isalnum", u8::is_ascii_alphanumeric)
}
fn b_isspace(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    predicate(vm, args, kw, "isspace", |b| is_space(*b))
}

/// `bytes.hex(sep=None, bytes_per_sep=1)` (CPython's `_Py_strhex_impl`):
/// groups of `bytes_per_sep` bytes counted from the right (from the left
/// when negative), joined by the one-character `sep`.
pub(crate) fn b_hex(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(vm, args)?;
    let (p, [sep_kw, per_kw]) =
        crate::calls::ArgSpec::parse(vm, "hex", &args[1..], kw, ["sep", "bytes_per_sep"])?;
    if p.len() > 2 {
        return Err(PyErr::type_error(format!(
            "hex() takes at most 2 arguments ({} given)",
            p.len()
        )));
    }
    let sep = sep_kw.or_else(|| p.first().cloned());
    let per = per_kw.or_else(|| p.get(1).cloned());
    let hexed: Vec<String> = s.iter().map(|b| format!("{b:02x}")).collect();
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let text = if let Some(t) = v.downcast::<StrObj>() {
                t.text().to_string_lossy().into_owned()
            } else if let Some(b) = bytes_of(vm.token(), &v) {
                String::from_utf8_lossy(&b).into_owned()
            } else {
                return Err(PyErr::type_error("sep must be str or bytes."));
            };
            if text.chars().count() != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            Some(text)
        }
    };
    let per = match per {
        Some(v) => vm.index_i64(&v)?,
        None => 1,
    };
    let h = match sep {
        Some(sep) if per != 0 && !hexed.is_empty() => {
            let n = per.unsigned_abs() as usize;
            let len = hexed.len();
            let mut out = String::new();
            for (i, h) in hexed.iter().enumerate() {
                let boundary = if per > 0 {
                    (len - i).is_multiple_of(n)
                } else {
                    i.is_multiple_of(n)
                };
                if i > 0 && boundary {
                    out.push_str(&sep);
                }
                out.push_str(h);
            }
            out
        }
        _ => hexed.concat(),
    };
    Ok(crate::builtins::str::new_str(&h))
}

fn b_fromhex(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos(vm, "fromhex", args, kw, 1, 1)?;
    let Some(s) = a[0].downcast::<StrObj>() else {
        let tn = tname(vm, &a[0]);
        return Err(PyErr::type_error(format!(
            "fromhex() argument must be str, not {tn}"
        )));
    };
    let cps: Vec<u32> = s.text().code_points().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let digit = |c: u32| char::from_u32(c).and_then(|c| c.to_digit(16));
    while i < cps.len() {
        if cps[i] == ' ' as u32 {
            i += 1;
            continue;
        }
        let (Some(hi), Some(lo)) = (digit(cps[i]), cps.get(i + 1).and_then(|c| digit(*c))) else {
            let pos = if digit(cps[i]).is_some() { i + 1 } else { i };
            return Err(PyErr::value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {pos}"
            )));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let cls = &args[0];
    let want_bytearray = bytes_type(true).is_some_and(|t| cls.as_obj().is_some_and(|c| c.is(&t)));
    Ok(new_bytes(out, want_bytearray))
}

fn b_contains(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(vm, args)?;
    let a = pos(vm, "__contains__", args, kw, 1, 1)?;
    let sub = sub_arg(vm, &a[0])?;
    Ok(Value::Bool(
        sub.is_empty() || s.windows(sub.len()).any(|w| w == sub.as_slice()),
    ))
}

// ----- bytearray mutation -----

fn with_data<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut Vec<u8>) -> R) -> PyResult<R> {
    let obj = v
        .downcast::<BytesObj>()
        .ok_or_else(|| PyErr::type_error("expected a bytearray"))?;
    if obj.exports.get() > 0 {
        let mut copy = obj.data.borrow(vm.token()).clone();
        let r = f(&mut copy);
        let old_len = obj.data.borrow(vm.token()).len();
        check_resize(obj, old_len, copy.len())?;
        *obj.data.borrow_mut(vm.token()) = copy;
        return Ok(r);
    }
    Ok(f(obj.data.borrow_mut(vm.token())))
}

/// `ba += other` / `ba *= n` on a bytearray: in place (CPython's
/// `bytearray_iconcat` / `bytearray_irepeat`), so other references and
/// exported memoryviews see the same object; `None` when `a` isn't a
/// bytearray or the operand isn't one these handle.
pub fn bytearray_inplace(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: crate::vm::BinOp,
) -> PyResult<Option<Value>> {
    if !is_bytearray(vm, a) {
        return Ok(None);
    }
    match op {
        crate::vm::BinOp::Add => {
            let Some(more) = bytes_of(vm.token(), b) else {
                return Ok(None);
            };
            with_data(vm, a, |d| d.extend(more))?;
        }
        crate::vm::BinOp::Multiply if b.as_int().is_some() => {
            let n = vm.index_isize(b)?.max(0) as usize;
            let len = with_data(vm, a, |d| d.len())?;
            if len.checked_mul(n).is_none_or(|t| t > isize::MAX as usize) {
                return Err(PyErr::bare(ExcKind::MemoryError));
            }
            with_data(vm, a, |d| {
                let once = d.clone();
                d.clear();
                for _ in 0..n {
                    d.extend_from_slice(&once);
                }
            })?;
        }
        _ => return Ok(None),
    }
    Ok(Some(a.clone()))
}

fn ba_append(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos(vm, "append", args, kw, 1, 1)?;
    let b = byte_value(vm, &a[0])?;
    with_data(vm, &args[0], |d| d.push(b))?;
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos(vm, "extend", args, kw, 1, 1)?;
    if a[0].downcast::<StrObj>().is_some() {
        return Err(PyErr::type_error(
            "expected iterable of integers; got: 'str'",
        ));
    }
    let more = bytes_from_source(vm, &a[0], None, None, "bytearray")?;
    with_data(vm, &args[0], |d| d.extend(more))?;
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos(vm, "pop", args, kw, 0, 1)?;
    let i = match a.first() {
        Some(i) => vm.index_isize(i)?,
        None => -1,
    };
    let r = with_data(vm, &args[0], |d| {
        if d.is_empty() {
            return Err(PyErr::new(ExcKind::IndexError, "pop from empty bytearray"));
        }
        let n = d.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(PyErr::new(ExcKind::IndexError, "pop index out of range"));
        }
        Ok(d.remove(j as usize))
    })??;
    Ok(Value::Int(r as i64))
}

fn ba_insert(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos(vm, "insert", args, kw, 2, 2)?;
    let i = vm.index_isize(&a[0])?;
    let b = byte_value(vm, &a[1])?;
    with_data(vm, &args[0], |d| {
        let n = d.len() as isize;
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        d.insert(j as usize, b);
    })?;
    Ok(Value::None)
}

fn ba_remove(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = pos(vm, "remove", args, kw, 1, 1)?;
    let b = byte_value(vm, &a[0])?;
    let found = with_data(vm, &args[0], |d| match d.iter().position(|x| *x == b) {
        Some(p) => {
            d.remove(p);
            true
        }
        None => false,
    })?;
    if !found {
        return Err(PyErr::value_error("value not found in bytearray"));
    }
    Ok(Value::None)
}

fn ba_clear(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos(vm, "clear", args, kw, 0, 0)?;
    with_data(vm, &args[0], Vec::clear)?;
    Ok(Value::None)
}

fn ba_reverse(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pos(vm, "reverse", args, kw, 0, 0)?;
    with_data(vm, &args[0], |d| d.reverse())?;
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(vm, args)?;
    pos(vm, "copy", args, kw, 0, 0)?;
    Ok(new_bytes(s, true))
}

/// Creates `bytes` and `bytearray`, adds them to `builtins`, and adds
/// `str.encode`.
pub fn install(vm: &mut Vm) {
    let t = vm.token();
    let types = [("bytes", false), ("bytearray", true)].map(|(name, mutable)| {
        let ty = new_native_type(t, name, BytesObj::LAYOUT, None);
        if let Some(tp) = ty.downcast::<TypeObject>() {
            tp.slots.repr.set(Some(repr));
            tp.slots.len.set(Some(len));
            tp.slots.iter.set(Some(iter));
            tp.slots.getitem.set(Some(getitem));
            tp.slots.richcompare.set(Some(richcompare));
            tp.number.add.set(Some(concat));
            tp.number.multiply.set(Some(repeat));
            tp.number.remainder.set(Some(modulo));
            if mutable {
                tp.slots.setitem.set(Some(setitem));
                tp.slots
                    .hash
                    .set(Some(crate::types::builtin::hash_not_implemented));
            } else {
                tp.slots.hash.set(Some(hash));
            }
        }
        let common: &[(&'static str, NativeFn)] = &[
            ("decode", bytes_decode),
            ("find", b_find),
            ("rfind", b_rfind),
            ("index", b_index),
            ("count", b_count),
            ("startswith", b_startswith),
            ("endswith", b_endswith),
            ("replace", b_replace),
            ("strip", b_strip),
            ("lstrip", b_lstrip),
            ("rstrip", b_rstrip),
            ("split", b_split),
            ("join", b_join),
            ("upper", b_upper),
            ("lower", b_lower),
            ("isdigit", b_isdigit),
            ("isalpha", b_isalpha),
            ("isalnum", b_isalnum),
            ("isspace", b_isspace),
            ("hex", b_hex),
            ("translate", super::bytes_translate::b_translate),
            ("__contains__", b_contains),
        ];
        for (n, f) in common {
            add_method(t, &ty, n, *f);
        }
        super::add_classmethod(t, &ty, "fromhex", b_fromhex);
        if mutable {
            let muts: &[(&'static str, NativeFn)] = &[
                ("append", ba_append),
                ("extend", ba_extend),
                ("pop", ba_pop),
                ("insert", ba_insert),
                ("remove", ba_remove),
                ("clear", ba_clear),
                ("reverse", ba_reverse),
                ("copy", ba_copy),
            ];
            for (n, f) in muts {
                add_method(t, &ty, n, *f);
            }
        }
        register_ctor(
            &ty,
            if mutable { bytearray_new } else { bytes_new },
            mutable,
        );
        ty
    });
    add_method(t, &builtin_types().str_, "encode", str_encode);
    super::bytes_extra::install(vm, &types);
    TYPES.with(|x| *x.borrow_mut() = Some(types.clone()));
    let m = vm.builtins_module.clone();
    if let Some(m) = m.downcast::<crate::module::ModuleObj>() {
        let [b, ba] = types;
        m.set(vm.token(), "bytes", Value::Obj(b));
        m.set(vm.token(), "bytearray", Value::Obj(ba));
    }
}

// ----- int.to_bytes / int.from_bytes -----

fn byteorder_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<bool> {
    let Some(v) = v else {
        return Ok(false);
    };
    let s = match v.downcast::<StrObj>() {
        Some(s) => s.text().to_string_lossy().into_owned(),
        None => {
            let tn = tname(vm, &v);
            return Err(PyErr::type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {tn}"
            )));
        }
    };
    match s.as_str() {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(PyErr::value_error(
            "byteorder must be either 'little' or 'big'",
        )),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub fn int_to_bytes(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    use common::bigint::BigInt;
    let x = match args.first().and_then(|v| v.as_int()) {
        Some(IntRef::Small(s)) => BigInt::from(s),
        Some(IntRef::Big(b)) => b.clone(),
        None => {
            return Err(PyErr::type_error(
                "descriptor 'to_bytes' requires an 'int' object",
            ))
        }
    };
    let [length, order, signed] = super::str_methods::clinic_kw(
        vm,
        "to_bytes",
        args,
        kw,
        ["length", "byteorder", "signed"],
        true,
    )?;
    let length = match length {
        Some(l) => vm.index_isize(&l)?,
        None => 1,
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let little = byteorder_arg(vm, order)?;
    let signed = match signed {
        Some(s) => vm.is_true(&s)?,
        None => false,
    };
    if !signed && x < BigInt::ZERO {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    let length = length as usize;
    let too_big = || PyErr::new(ExcKind::OverflowError, "int too big to convert");
    // Two's complement in `length` bytes: x mod 256**length, checked for range.
    let bits = length.checked_mul(8).ok_or_else(too_big)?;
    if bits > 1 << 34 {
        return Err(PyErr::bare(ExcKind::MemoryError));
    }
    let fits = if signed {
        bits > 0 && {
            let half = BigInt::ONE << (bits - 1);
            x >= -half.clone() && x < half
        } || (bits == 0 && x == BigInt::ZERO)
    } else {
        x < (BigInt::ONE << bits)
    };
    if !fits {
        return Err(too_big());
    }
    let modulus = BigInt::ONE << bits;
    let mut u = if x < BigInt::ZERO { x + &modulus } else { x };
    let mut out = vec![0u8; length];
    for slot in out.iter_mut() {
        let byte = &u % BigInt::from(256);
        *slot = u8::try_from(byte).unwrap_or(0);
        u >>= 8;
    }
    if !little {
        out.reverse();
    }
    Ok(new_bytes(out, false))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class method).
pub fn int_from_bytes(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    use common::bigint::BigInt;
    let [src, order, signed] = super::str_methods::clinic_kw(
        vm,
        "from_bytes",
        args,
        kw,
        ["bytes", "byteorder", "signed"],
        true,
    )?;
    let Some(src) = src else {
        return Err(PyErr::type_error(
            "from_bytes() missing required argument 'bytes' (pos 1)",
        ));
    };
    if src.downcast::<StrObj>().is_some() {
        return Err(PyErr::type_error("cannot convert 'str' object to bytes"));
    }
    let data = bytes_from_source(vm, &src, None, None, "bytes")?;
    let little = byteorder_arg(vm, order)?;
    let signed = match signed {
        Some(s) => vm.is_true(&s)?,
        None => false,
    };
    let mut x = BigInt::ZERO;
    let ordered: Vec<u8> = if little {
        data.iter().rev().copied().collect()
    } else {
        data.clone()
    };
    for b in &ordered {
        x = (x << 8) + BigInt::from(*b);
    }
    if signed && ordered.first().is_some_and(|b| b & 0x80 != 0) {
        x -= BigInt::ONE << (8 * ordered.len());
    }
    let v = crate::builtins::int::normalize(x);
    let cls = &args[0];
    if cls.as_obj().is_some_and(|c| c.is(&builtin_types().int)) {
        Ok(v)
    } else {
        vm.call(cls, &[v], None)
    }
}

/// Adds `int.to_bytes` and `int.from_bytes`.
pub fn install_int(vm: &mut Vm) {
    let int = builtin_types().int.clone();
    add_method(vm.token(), &int, "to_bytes", int_to_bytes);
    super::add_classmethod(vm.token(), &int, "from_bytes", int_from_bytes);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codecs_round_trip_and_report_errors() {
        let t = Text::from_str("aé€");
        assert_eq!(
            encode(&t, "utf-8", "strict").ok(),
            Some("aé€".as_bytes().to_vec())
        );
        assert_eq!(encode(&t, "ascii", "replace").ok(), Some(b"a??".to_vec()));
        assert_eq!(encode(&t, "latin-1", "ignore").ok(), Some(vec![b'a', 0xe9]));
        assert!(encode(&t, "ascii", "strict").is_err());
        assert!(encode(&t, "no-such", "strict").is_err());
        let d = decode(b"a\xffb", "utf-8", "replace").ok();
        assert_eq!(
            d.map(|t| t.to_string_lossy().into_owned()),
            Some("a\u{fffd}b".into())
        );
        assert!(decode(b"\xe2\x82", "utf-8", "strict").is_err());
        let s = decode(b"\xff", "utf-8", "surrogateescape").ok();
        assert_eq!(
            s.map(|t| t.code_points().collect::<Vec<_>>()),
            Some(vec![0xdcff])
        );
    }
}
