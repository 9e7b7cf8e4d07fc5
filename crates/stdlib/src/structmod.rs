//! `_struct` (CPython's `Modules/_struct.c`): packing Python values into
//! C structs described by a format string and back. `pack`, `unpack`,
//! `pack_into`, `unpack_from`, `iter_unpack`, `calcsize`, the `Struct` type,
//! `struct.error`, with every format character, the byte-order prefixes
//! (`@` native size and alignment, `=` `<` `>` `!` standard sizes) and
//! CPython's error messages.

use std::cell::RefCell;

use vm::builtins::str::{new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::{add_method, exact_args, kwnames_len, ArgSpec, NativeFn};
use vm::class::register_ctor;
use vm::methods::add_getter;
use vm::methods::bytes::{bytes_of, new_bytes, BytesObj};
use vm::nan_identity::new_float;
use vm::object::{Payload, PayloadKind, PyCell};
use vm::types::{new_native_type, TypeObject};
use vm::value::IntRef;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

/// One format code with its repeat count, as laid out in the struct.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Code {
    /// The format character.
    ch: u8,
    /// Items (`x`: pad bytes; `s`/`p`: the string's length).
    count: usize,
    /// Byte offset of the first item.
    offset: usize,
    /// Size of one item (of the whole string for `s`/`p`).
    size: usize,
}

/// A parsed format (CPython's `PyStructObject` contents).
#[derive(Clone, Debug)]
struct Layout {
    codes: Vec<Code>,
    size: usize,
    /// Number of Python values packed / unpacked.
    items: usize,
    little: bool,
    native: bool,
}

/// The size and alignment of `ch` in native (`@`) mode.
fn native_size(ch: u8) -> Option<(usize, usize)> {
    Some(match ch {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => (1, 1),
        b'h' | b'H' | b'e' => (2, 2),
        b'i' | b'I' | b'f' => (4, 4),
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'P' | b'd' => (8, 8),
        _ => return None,
    })
}

/// The standard size of `ch` (`=`, `<`, `>`, `!`).
fn std_size(ch: u8) -> Option<usize> {
    Some(match ch {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'l' | b'L' | b'f' => 4,
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

/// Parses a format string (CPython's `prepare_s`).
fn parse(fmt: &[u8]) -> Result<Layout, String> {
    let (native, little, body) = match fmt.first() {
        Some(b'@') => (true, cfg!(target_endian = "little"), &fmt[1..]),
        Some(b'=') => (false, cfg!(target_endian = "little"), &fmt[1..]),
        Some(b'<') => (false, true, &fmt[1..]),
        Some(b'>' | b'!') => (false, false, &fmt[1..]),
        _ => (true, cfg!(target_endian = "little"), fmt),
    };
    let too_long = || "total struct size too long".to_owned();
    let mut codes = Vec::new();
    let mut size = 0usize;
    let mut items = 0usize;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            count = usize::from(c - b'0');
            loop {
                let Some(&d) = body.get(i) else {
                    return Err("repeat count given without format specifier".to_owned());
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                count = count
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(usize::from(d - b'0')))
                    .ok_or_else(too_long)?;
            }
        }
        let (isize_, align) = if native {
            native_size(c).ok_or_else(|| "bad char in struct format".to_owned())?
        } else {
            let s = std_size(c).ok_or_else(|| "bad char in struct format".to_owned())?;
            (s, 1)
        };
        if align > 1 {
            size = size.checked_add(align - 1).ok_or_else(too_long)? / align * align;
        }
        let (n_items, item_size, bytes) = match c {
            b's' | b'p' => (1, count, count),
            b'x' => (0, 1, count),
            _ => (
                count,
                isize_,
                count.checked_mul(isize_).ok_or_else(too_long)?,
            ),
        };
        codes.push(Code {
            ch: c,
            count,
            offset: size,
            size: item_size,
        });
        items += n_items;
        size = size.checked_add(bytes).ok_or_else(too_long)?;
        if size > isize::MAX as usize {
            return Err(too_long());
        }
    }
    Ok(Layout {
        codes,
        size,
        items,
        little,
        native,
    })
}

// ---- half floats (CPython's PyFloat_Pack2 / Unpack2) ----

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// The IEEE half-precision bits of `x`, or `None` when it is too large.
fn pack_half(x: f64) -> Option<u16> {
    let sign = u16::from(x.is_sign_negative());
    if x == 0.0 {
        return Some(sign << 15);
    }
    if x.is_infinite() {
        return Some((sign << 15) | 0x7c00);
    }
    if x.is_nan() {
        return Some((sign << 15) | 0x7e00);
    }
    let (mut f, mut e) = frexp(x.abs());
    f *= 2.0;
    e -= 1;
    if e >= 16 {
        return None;
    } else if e < -25 {
        f = 0.0;
        e = 0;
    } else if e < -14 {
        f *= 2f64.powi(14 + e);
        e = 0;
    } else {
        e += 15;
        f -= 1.0;
    }
    f *= 1024.0;
    let mut bits = f as u16;
    let rest = f - f64::from(bits);
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 {
                return None;
            }
        }
    }
    Some(bits | ((e as u16) << 10) | (sign << 15))
}

fn unpack_half(p: u16) -> f64 {
    let sign = p >> 15 != 0;
    let e = i32::from((p >> 10) & 0x1f);
    let f = p & 0x3ff;
    let x = if e == 0x1f {
        if f == 0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else {
        let mut x = f64::from(f) / 1024.0;
        let e = if e == 0 {
            -14
        } else {
            x += 1.0;
            e - 15
        };
        x * 2f64.powi(e)
    };
    if sign {
        -x
    } else {
        x
    }
}

// ---- errors ----

thread_local! {
    static ERROR: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
    static TYPES: RefCell<Option<(ObjRef, ObjRef)>> = const { RefCell::new(None) };
}

/// `struct.error(msg)`.
fn error(msg: impl Into<String>) -> PyErr {
    let msg = msg.into();
    match ERROR.with(|e| e.borrow().clone()) {
        Some(cls) => PyErr::from_object(
            ExcKind::Exception,
            vm::exceptions::ExceptionObj::alloc(&cls, vec![new_str(&msg)]),
        ),
        None => PyErr::new(ExcKind::Exception, msg),
    }
}

// ---- packing ----

/// The integer value of a pack argument (CPython's `get_pylong`).
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i128> {
    let conv = |i: IntRef<'_>| -> Option<i128> {
        match i {
            IntRef::Small(s) => Some(i128::from(s)),
            IntRef::Big(b) => i128::try_from(b).ok(),
        }
    };
    if let Some(i) = v.as_int() {
        return conv(i).ok_or_else(|| error("argument out of range"));
    }
    let has_index = !matches!(v, Value::Float(_))
        && v.type_ref()
            .downcast::<TypeObject>()
            .is_some_and(|t| t.number.index.get().is_some());
    if !has_index {
        return Err(error("required argument is not an integer"));
    }
    let r = vm.call_method(v, "__index__", &[])?;
    match r.as_int() {
        Some(i) => conv(i).ok_or_else(|| error("argument out of range")),
        None => Err(error("required argument is not an integer")),
    }
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(vm::nan_identity::canonical(*f)),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        _ => match v.as_int() {
            Some(i) => vm::arith::int_to_f64(i),
            None => {
                let t = v.type_ref();
                let has = t.downcast::<TypeObject>().is_some_and(|tp| {
                    tp.number.float.get().is_some() || tp.number.index.get().is_some()
                });
                if !has {
                    return Err(error("required argument is not a float"));
                }
                let float_type = Value::Obj(vm::types::builtin_types().float.clone());
                match vm.call(&float_type, std::slice::from_ref(v), None)? {
                    Value::Float(f) => Ok(f),
                    _ => Err(error("required argument is not a float")),
                }
            }
        },
    }
}

/// The range error of integer code `ch` of `size` bytes (CPython's
/// `_range_error` and the byte/short messages).
fn range_error(ch: u8, size: usize, signed: bool) -> PyErr {
    match ch {
        b'b' => return error("byte format requires -128 <= number <= 127"),
        b'B' => return error("ubyte format requires 0 <= number <= 255"),
        b'h' => return error("short format requires -32768 <= number <= 32767"),
        b'H' => return error("ushort format requires 0 <= number <= 65535"),
        _ => {}
    }
    let ulargest: u128 = (1u128 << (size * 8)) - 1;
    let c = ch as char;
    if signed {
        let largest = ulargest >> 1;
        error(format!(
            "'{c}' format requires {} <= number <= {largest}",
            -(largest as i128) - 1
        ))
    } else {
        error(format!("'{c}' format requires 0 <= number <= {ulargest}"))
    }
}

fn put_uint(out: &mut [u8], x: u128, little: bool) {
    let n = out.len();
    for (k, b) in out.iter_mut().enumerate() {
        let shift = if little { k } else { n - 1 - k };
        *b = (x >> (shift * 8)) as u8;
    }
}

fn get_uint(b: &[u8], little: bool) -> u128 {
    let n = b.len();
    let mut x = 0u128;
    for k in 0..n {
        let byte = if little { b[n - 1 - k] } else { b[k] };
        x = (x << 8) | u128::from(byte);
    }
    x
}

/// Packs one integer item.
fn pack_int(
    vm: &mut Vm,
    lay: &Layout,
    ch: u8,
    size: usize,
    v: &Value,
    out: &mut [u8],
) -> PyResult<()> {
    let x = int_arg(vm, v)?;
    let signed = matches!(ch, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
    // The C conversion (`PyLong_AsLong`, `PyLong_AsUnsignedLong`, ...): values
    // beyond the C type are "argument out of range".
    let c_bits = 64;
    let c_ok = if ch == b'P' {
        (-(1i128 << 63)..(1i128 << 64)).contains(&x)
    } else if signed {
        (-(1i128 << (c_bits - 1))..(1i128 << (c_bits - 1))).contains(&x)
    } else {
        (0..(1i128 << c_bits)).contains(&x)
    };
    if !c_ok {
        if ch == b'P' {
            return Err(error("int too large to convert"));
        }
        if matches!(ch, b'b' | b'B' | b'h' | b'H') {
            return Err(range_error(ch, size, signed));
        }
        return Err(error("argument out of range"));
    }
    if size < 8 && ch != b'P' {
        let ok = if signed {
            let lim = 1i128 << (size * 8 - 1);
            (-lim..lim).contains(&x)
        } else {
            x < (1i128 << (size * 8))
        };
        if !ok {
            return Err(range_error(ch, size, signed));
        }
    }
    put_uint(out, x as u128 & ((1u128 << (size * 8)) - 1), lay.little);
    Ok(())
}

fn pack_one(vm: &mut Vm, lay: &Layout, code: &Code, v: &Value, out: &mut [u8]) -> PyResult<()> {
    match code.ch {
        b'c' => match v.downcast::<BytesObj>() {
            Some(b) if b.data.borrow(vm.token()).len() == 1 => {
                out[0] = b.data.borrow(vm.token())[0];
                Ok(())
            }
            _ => Err(error("char format requires a bytes object of length 1")),
        },
        b'?' => {
            out[0] = u8::from(vm.is_true(v)?);
            Ok(())
        }
        b's' | b'p' => {
            let Some(data) = v
                .downcast::<BytesObj>()
                .map(|b| b.data.borrow(vm.token()).clone())
            else {
                return Err(error(format!(
                    "argument for '{}' must be a bytes object",
                    code.ch as char
                )));
            };
            if code.ch == b's' {
                let n = data.len().min(code.count);
                out[..n].copy_from_slice(&data[..n]);
            } else if code.count > 0 {
                let n = data.len().min(code.count - 1);
                out[1..=n].copy_from_slice(&data[..n]);
                out[0] = n.min(255) as u8;
            }
            Ok(())
        }
        b'e' => {
            let f = float_arg(vm, v)?;
            let h = pack_half(f).ok_or_else(|| {
                PyErr::new(
                    ExcKind::OverflowError,
                    "float too large to pack with e format",
                )
            })?;
            put_uint(out, u128::from(h), lay.little);
            Ok(())
        }
        b'f' => {
            let f = float_arg(vm, v)?;
            let x = f as f32;
            if !lay.native && x.is_infinite() && f.is_finite() {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "float too large to pack with f format",
                ));
            }
            put_uint(out, u128::from(x.to_bits()), lay.little);
            Ok(())
        }
        b'd' => {
            let f = float_arg(vm, v)?;
            put_uint(out, u128::from(f.to_bits()), lay.little);
            Ok(())
        }
        ch => pack_int(vm, lay, ch, code.size, v, out),
    }
}

/// Packs `args` into `out` (`out.len() == lay.size`).
fn pack_values(vm: &mut Vm, lay: &Layout, args: &[Value], out: &mut [u8]) -> PyResult<()> {
    if args.len() != lay.items {
        return Err(error(format!(
            "pack expected {} items for packing (got {})",
            lay.items,
            args.len()
        )));
    }
    let mut next = args.iter();
    for code in &lay.codes {
        match code.ch {
            b'x' => {}
            b's' | b'p' => {
                let v = next.next().cloned().unwrap_or(Value::None);
                let o = code.offset;
                pack_one(vm, lay, code, &v, &mut out[o..o + code.count])?;
            }
            _ => {
                for k in 0..code.count {
                    let v = next.next().cloned().unwrap_or(Value::None);
                    let o = code.offset + k * code.size;
                    pack_one(vm, lay, code, &v, &mut out[o..o + code.size])?;
                }
            }
        }
    }
    Ok(())
}

fn unpack_one(lay: &Layout, code: &Code, b: &[u8]) -> Value {
    let signed_of = |x: u128, size: usize| -> i128 {
        let bits = size * 8;
        let x = x as i128;
        if bits < 128 && x >= (1i128 << (bits - 1)) {
            x - (1i128 << bits)
        } else {
            x
        }
    };
    let int = |x: i128| match i64::try_from(x) {
        Ok(i) => Value::Int(i),
        Err(_) => vm::builtins::int::normalize(common::bigint::BigInt::from(x)),
    };
    match code.ch {
        b'c' => new_bytes(vec![b[0]], false),
        b'?' => Value::Bool(b[0] != 0),
        b's' => new_bytes(b.to_vec(), false),
        b'p' => {
            let n = usize::from(b.first().copied().unwrap_or(0)).min(b.len().saturating_sub(1));
            new_bytes(b.get(1..=n).unwrap_or(&[]).to_vec(), false)
        }
        b'e' => new_float(unpack_half(get_uint(b, lay.little) as u16)),
        b'f' => new_float(f64::from(f32::from_bits(get_uint(b, lay.little) as u32))),
        b'd' => new_float(f64::from_bits(get_uint(b, lay.little) as u64)),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => int(signed_of(get_uint(b, lay.little), b.len())),
        _ => int(get_uint(b, lay.little) as i128),
    }
}

/// Unpacks `data` (`data.len() == lay.size`) into a tuple.
fn unpack_values(lay: &Layout, data: &[u8]) -> Value {
    let mut out = Vec::with_capacity(lay.items);
    for code in &lay.codes {
        match code.ch {
            b'x' => {}
            b's' | b'p' => out.push(unpack_one(
                lay,
                code,
                &data[code.offset..code.offset + code.count],
            )),
            _ => {
                for k in 0..code.count {
                    let o = code.offset + k * code.size;
                    out.push(unpack_one(lay, code, &data[o..o + code.size]));
                }
            }
        }
    }
    Value::Obj(Tuple::alloc(out))
}

// ---- argument helpers ----

/// The format of a `str` or `bytes` argument, parsed.
fn layout_of(vm: &mut Vm, fmt: &Value) -> PyResult<Layout> {
    if let Some(so) = vm_struct(fmt) {
        return Ok(so.layout.clone());
    }
    let text = format_text(vm, fmt)?;
    parse(text.as_bytes()).map_err(error)
}

fn format_text(vm: &mut Vm, fmt: &Value) -> PyResult<String> {
    if let Some(s) = fmt.downcast::<StrObj>() {
        return Ok(s.text().to_string_lossy().into_owned());
    }
    if let Some(b) = fmt.downcast::<BytesObj>() {
        return Ok(String::from_utf8_lossy(b.data.borrow(vm.token())).into_owned());
    }
    Err(PyErr::type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        tname(vm, fmt)
    )))
}

fn buffer(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_of(vm.token(), v).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            tname(vm, v)
        ))
    })
}

/// The byte offset `offset` into a `len`-byte buffer for `size` bytes
/// (CPython's checks in `unpack_from` / `pack_into`).
fn check_offset(offset: isize, len: usize, size: usize, packing: bool) -> PyResult<usize> {
    let mut off = offset;
    if off < 0 {
        if off.unsigned_abs() > len {
            return Err(error(format!(
                "offset {offset} out of range for {len}-byte buffer"
            )));
        }
        if packing && off + (size as isize) > 0 {
            return Err(error(format!(
                "no space to pack {size} bytes at offset {offset}"
            )));
        }
        if !packing && (off + len as isize) < size as isize {
            return Err(error(format!(
                "not enough data to unpack {size} bytes at offset {offset}"
            )));
        }
        off += len as isize;
    }
    let off = off as usize;
    if len.saturating_sub(off) < size || off > len {
        return Err(error(if packing {
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {off} (actual buffer size is {len})",
                size + off
            )
        } else {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {off} (actual buffer size is {len})",
                size + off
            )
        }));
    }
    Ok(off)
}

// ---- the operations, shared by the functions and Struct's methods ----

/// The largest struct `pack` builds (4 GiB): beyond it, `MemoryError` rather
/// than an allocation the system kills the process for.
const MAX_PACK: usize = 1 << 32;

/// `n` zero bytes, or `MemoryError` when they can't be allocated.
fn zeroed(n: usize) -> PyResult<Vec<u8>> {
    if n > MAX_PACK {
        return Err(PyErr::bare(ExcKind::MemoryError));
    }
    let mut v = Vec::new();
    v.try_reserve_exact(n)
        .map_err(|_| PyErr::bare(ExcKind::MemoryError))?;
    v.resize(n, 0);
    Ok(v)
}

fn do_pack(vm: &mut Vm, lay: &Layout, args: &[Value]) -> PyResult<Value> {
    let mut out = zeroed(lay.size)?;
    pack_values(vm, lay, args, &mut out)?;
    Ok(new_bytes(out, false))
}

fn do_unpack(vm: &mut Vm, lay: &Layout, buf: &Value) -> PyResult<Value> {
    let data = buffer(vm, buf)?;
    if data.len() != lay.size {
        return Err(error(format!(
            "unpack requires a buffer of {} bytes",
            lay.size
        )));
    }
    Ok(unpack_values(lay, &data))
}

fn do_unpack_from(
    vm: &mut Vm,
    lay: &Layout,
    buf: &Value,
    offset: Option<Value>,
) -> PyResult<Value> {
    let data = buffer(vm, buf)?;
    let offset = match offset {
        Some(v) => vm.index_isize(&v)?,
        None => 0,
    };
    let off = check_offset(offset, data.len(), lay.size, false)?;
    Ok(unpack_values(lay, &data[off..off + lay.size]))
}

fn do_pack_into(vm: &mut Vm, lay: &Layout, args: &[Value]) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(PyErr::type_error(if args.is_empty() {
            "pack_into expected buffer argument".to_owned()
        } else {
            "pack_into expected offset argument".to_owned()
        }));
    }
    if args.len() - 2 != lay.items {
        return Err(error(format!(
            "pack_into expected {} items for packing (got {})",
            lay.items,
            args.len() - 2
        )));
    }
    let target = &args[0];
    let (obj, start, len) = match target.downcast::<BytesObj>() {
        Some(b) if is_bytearray(vm, target) => match target {
            Value::Obj(o) => (o.clone(), 0usize, b.data.borrow(vm.token()).len()),
            _ => unreachable_target()?,
        },
        _ => match vm::methods::memoryview::writable_region(target) {
            Some(r) => r,
            None => {
                return Err(PyErr::type_error(format!(
                    "argument must be read-write bytes-like object, not {}",
                    tname(vm, target)
                )))
            }
        },
    };
    let offset = vm.index_isize(&args[1])?;
    let off = check_offset(offset, len, lay.size, true)?;
    let mut out = zeroed(lay.size)?;
    pack_values(vm, lay, &args[2..], &mut out)?;
    if let Some(b) = obj.downcast::<BytesObj>() {
        let data = b.data.borrow_mut(vm.token());
        if let Some(dst) = data.get_mut(start + off..start + off + lay.size) {
            dst.copy_from_slice(&out);
        }
    }
    Ok(Value::None)
}

fn unreachable_target<T>() -> PyResult<T> {
    Err(PyErr::type_error(
        "argument must be read-write bytes-like object",
    ))
}

fn is_bytearray(vm: &mut Vm, v: &Value) -> bool {
    match vm::methods::bytes::bytearray_type() {
        Some(t) => vm::types::is_subtype(vm.token(), &v.type_ref(), &t),
        None => false,
    }
}

// ---- Struct ----

/// The payload of a `Struct`.
pub struct StructObj {
    format: Value,
    layout: Layout,
}

impl Payload for StructObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

fn vm_struct(v: &Value) -> Option<&StructObj> {
    v.downcast::<StructObj>()
}

fn this(v: &Value) -> PyResult<&StructObj> {
    v.downcast::<StructObj>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_struct.Struct' object"))
}

/// `Struct(format)`.
fn struct_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [fmt_kw]) = ArgSpec::parse(vm, "Struct", args, kw, ["format"])?;
    let Some(fmt) = pos.first().cloned().or(fmt_kw) else {
        return Err(PyErr::type_error(
            "Struct() missing required argument 'format' (pos 1)",
        ));
    };
    let text = format_text(vm, &fmt)?;
    let layout = parse(text.as_bytes()).map_err(error)?;
    Ok(Value::Obj(ObjRef::new(
        cls,
        StructObj {
            format: new_str(&text),
            layout,
        },
    )))
}

fn s_pack(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_kw(vm, "pack", kw)?;
    let lay = this(&args[0])?.layout.clone();
    do_pack(vm, &lay, &args[1..])
}

fn s_unpack(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "unpack", args, kw, 2)?;
    let lay = this(&a[0])?.layout.clone();
    do_unpack(vm, &lay, &a[1])
}

fn s_unpack_from(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [buf_kw, off_kw]) =
        ArgSpec::parse(vm, "unpack_from", args, kw, ["buffer", "offset"])?;
    let lay = this(&pos[0])?.layout.clone();
    let Some(buf) = pos.get(1).cloned().or(buf_kw) else {
        return Err(PyErr::type_error(
            "unpack_from() missing required argument 'buffer' (pos 1)",
        ));
    };
    do_unpack_from(vm, &lay, &buf, pos.get(2).cloned().or(off_kw))
}

fn s_pack_into(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_kw(vm, "pack_into", kw)?;
    let lay = this(&args[0])?.layout.clone();
    do_pack_into(vm, &lay, &args[1..])
}

fn s_iter_unpack(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "iter_unpack", args, kw, 2)?;
    let lay = this(&a[0])?.layout.clone();
    make_iter(vm, lay, &a[1])
}

fn s_format(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "format", args, kw, 1)?;
    Ok(this(&a[0])?.format.clone())
}

fn s_size(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "size", args, kw, 1)?;
    Ok(Value::Int(this(&a[0])?.layout.size as i64))
}

fn no_kw(vm: &mut Vm, name: &str, kw: Option<&ObjRef>) -> PyResult<()> {
    if kwnames_len(vm.token(), kw) > 0 {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

// ---- unpack_iterator ----

/// The payload of `_struct.unpack_iterator`.
pub struct UnpackIter {
    layout: Layout,
    data: Vec<u8>,
    pos: PyCell<usize>,
}

impl Payload for UnpackIter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

fn make_iter(vm: &mut Vm, layout: Layout, buf: &Value) -> PyResult<Value> {
    let data = buffer(vm, buf)?;
    if layout.size == 0 {
        return Err(error("cannot iteratively unpack with a struct of length 0"));
    }
    if data.len() % layout.size != 0 {
        return Err(error(format!(
            "iterative unpacking requires a buffer of a multiple of {} bytes",
            layout.size
        )));
    }
    let ty = TYPES
        .with(|t| t.borrow().as_ref().map(|(_, it)| it.clone()))
        .ok_or_else(|| PyErr::runtime_error("_struct is not initialized"))?;
    Ok(Value::Obj(ObjRef::new(
        &ty,
        UnpackIter {
            layout,
            data,
            pos: PyCell::new(0),
        },
    )))
}

fn iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<UnpackIter>() else {
        return Ok(None);
    };
    let p = *it.pos.borrow(vm.token());
    let size = it.layout.size;
    if p + size > it.data.len() {
        return Ok(None);
    }
    *it.pos.borrow_mut(vm.token()) = p + size;
    Ok(Some(unpack_values(&it.layout, &it.data[p..p + size])))
}

fn iter_next_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__next__", args, kw, 1)?;
    iter_next(vm, &a[0])?.ok_or_else(|| PyErr::bare(ExcKind::StopIteration))
}

fn iter_self(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn iter_self_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__iter__", args, kw, 1)?;
    Ok(a[0].clone())
}

fn iter_length_hint(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__length_hint__", args, kw, 1)?;
    let Some(it) = a[0].downcast::<UnpackIter>() else {
        return Ok(Value::Int(0));
    };
    let p = *it.pos.borrow(vm.token());
    Ok(Value::Int(
        (it.data.len().saturating_sub(p) / it.layout.size.max(1)) as i64,
    ))
}

// ---- module functions ----

fn m_pack(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_kw(vm, "pack", kw)?;
    let Some(fmt) = args.first() else {
        return Err(PyErr::type_error(
            "pack expected at least 1 argument, got 0",
        ));
    };
    let lay = layout_of(vm, fmt)?;
    do_pack(vm, &lay, &args[1..])
}

fn m_unpack(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "unpack", args, kw, 2)?;
    let lay = layout_of(vm, &a[0])?;
    do_unpack(vm, &lay, &a[1])
}

fn m_unpack_from(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [buf_kw, off_kw]) =
        ArgSpec::parse(vm, "unpack_from", args, kw, ["buffer", "offset"])?;
    let Some(fmt) = pos.first() else {
        return Err(PyErr::type_error(
            "unpack_from() missing required argument 'format' (pos 1)",
        ));
    };
    let lay = layout_of(vm, fmt)?;
    let Some(buf) = pos.get(1).cloned().or(buf_kw) else {
        return Err(PyErr::type_error(
            "unpack_from() missing required argument 'buffer' (pos 2)",
        ));
    };
    do_unpack_from(vm, &lay, &buf, pos.get(2).cloned().or(off_kw))
}

fn m_pack_into(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_kw(vm, "pack_into", kw)?;
    let Some(fmt) = args.first() else {
        return Err(PyErr::type_error(
            "pack_into expected at least 1 argument, got 0",
        ));
    };
    let lay = layout_of(vm, fmt)?;
    do_pack_into(vm, &lay, &args[1..])
}

fn m_iter_unpack(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "iter_unpack", args, kw, 2)?;
    let lay = layout_of(vm, &a[0])?;
    make_iter(vm, lay, &a[1])
}

fn m_calcsize(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "calcsize", args, kw, 1)?;
    let lay = layout_of(vm, &a[0])?;
    Ok(Value::Int(lay.size as i64))
}

fn m_clearcache(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "_clearcache", args, kw, 0)?;
    Ok(Value::None)
}

const DOC: &str = "Functions to convert between Python values and C structs.\nPython bytes objects are used to hold the data representing the C struct\nand also as format strings (explained below) to describe the layout of data\nin the C struct.\n\nThe optional first format char indicates byte order, size and alignment:\n  @: native order, size & alignment (default)\n  =: native order, std. size & alignment\n  <: little-endian, std. size & alignment\n  >: big-endian, std. size & alignment\n  !: same as >\n\nThe remaining chars indicate types of args and must match exactly;\nthese can be preceded by a decimal repeat count:\n  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;\n  ?: _Bool (requires C99; if not available, char is used instead)\n  h:short; H:unsigned short; i:int; I:unsigned int;\n  l:long; L:unsigned long; f:float; d:double; e:half-float.\nSpecial cases (preceding decimal count indicates length):\n  s:string (array of char); p: pascal string (with count byte).\nSpecial cases (only available in native format):\n  n:ssize_t; N:size_t;\n  P:an integer type that is wide enough to hold a pointer.\nSpecial case (not in native mode unless 'long long' in platform C):\n  q:long long; Q:unsigned long long\nWhitespace between formats is ignored.\n\nThe variable struct.error is an exception raised on errors.\n";

/// Creates the `_struct` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("pack", m_pack),
        ("unpack", m_unpack),
        ("unpack_from", m_unpack_from),
        ("pack_into", m_pack_into),
        ("iter_unpack", m_iter_unpack),
        ("calcsize", m_calcsize),
        ("_clearcache", m_clearcache),
    ];
    let m = new_module(vm, "_struct", funcs);
    set_attr(vm, &m, "__doc__", new_str(DOC));

    // struct.error: `type('error', (Exception,), {'__module__': 'struct'})`.
    let exc = vm::exceptions::exc_class(ExcKind::Exception);
    let ns = ObjRef::new(
        &vm::types::builtin_types().dict,
        vm::builtins::dict::Dict::new(),
    );
    if let Some(d) = ns.downcast::<vm::builtins::dict::Dict>() {
        d.set(vm, new_str("__module__"), new_str("struct"))?;
    }
    let type_obj = Value::Obj(vm::types::builtin_types().type_.clone());
    let err = vm.call(
        &type_obj,
        &[
            new_str("error"),
            Value::Obj(Tuple::alloc(vec![Value::Obj(exc)])),
            Value::Obj(ns),
        ],
        None,
    )?;
    if let Value::Obj(e) = &err {
        ERROR.with(|x| *x.borrow_mut() = Some(e.clone()));
    }
    set_attr(vm, &m, "error", err);

    let st = new_native_type(vm.token(), "Struct", StructObj::LAYOUT, None);
    if let Some(tp) = st.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "_struct");
    }
    register_ctor(&st, struct_new, false);
    let methods: [(&'static str, NativeFn); 5] = [
        ("pack", s_pack),
        ("unpack", s_unpack),
        ("unpack_from", s_unpack_from),
        ("pack_into", s_pack_into),
        ("iter_unpack", s_iter_unpack),
    ];
    for (name, f) in methods {
        add_method(vm.token(), &st, name, f);
    }
    add_getter(vm.token(), &st, "format", s_format);
    add_getter(vm.token(), &st, "size", s_size);

    let it = new_native_type(vm.token(), "unpack_iterator", UnpackIter::LAYOUT, None);
    if let Some(tp) = it.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "_struct");
        tp.slots.iter.set(Some(iter_self));
        tp.slots.iternext.set(Some(iter_next));
    }
    add_method(vm.token(), &it, "__next__", iter_next_method);
    add_method(vm.token(), &it, "__iter__", iter_self_method);
    add_method(vm.token(), &it, "__length_hint__", iter_length_hint);
    TYPES.with(|t| *t.borrow_mut() = Some((st.clone(), it)));
    set_attr(vm, &m, "Struct", Value::Obj(st));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_alignment() {
        assert_eq!(parse(b"bi").map(|l| l.size), Ok(8));
        assert_eq!(parse(b"=bq").map(|l| l.size), Ok(9));
        assert_eq!(parse(b"3s2p").map(|l| l.size), Ok(5));
        assert_eq!(
            parse(b"<n").map(|l| l.size),
            Err("bad char in struct format".into())
        );
        assert_eq!(
            parse(b"3").map(|l| l.size),
            Err("repeat count given without format specifier".into())
        );
    }

    #[test]
    fn half_floats() {
        assert_eq!(pack_half(1.5), Some(0x3e00));
        assert_eq!(pack_half(65520.0), None);
        assert_eq!(pack_half(65519.0), Some(0x7bff));
        assert_eq!(unpack_half(0x3c00), 1.0);
        assert_eq!(pack_half(6e-8), Some(1));
    }
}
