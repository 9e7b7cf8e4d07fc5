//! The codec functions of `_codecs` that `encodings/*.py` call (CPython's
//! `Modules/_codecsmodule.c` over `Objects/unicodeobject.c`): UTF-8,
//! Latin-1 and ASCII (through the VM's built-in codecs), UTF-16 and UTF-32
//! (with and without BOM, either byte order), the escape codecs, and the
//! charmap codecs with `charmap_build`. Each returns `(result, consumed)`.

use common::text::Text;
use vm::builtins::str::StrObj;
use vm::builtins::tuple::Tuple;
use vm::calls::{ArgSpec, NativeFn};
use vm::methods::bytes::{bytes_of, new_bytes};
use vm::unicode_error;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::tname;

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for code point `c`.
pub(crate) fn escape_cp(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

fn text_arg(vm: &mut Vm, v: &Value) -> PyResult<Text> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s.text().clone()),
        None => Err(PyErr::type_error(format!(
            "argument 1 must be str, not {}",
            tname(vm, v)
        ))),
    }
}

fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if v.downcast::<StrObj>().is_some() {
        return Err(PyErr::type_error(
            "a bytes-like object is required, not 'str'",
        ));
    }
    match bytes_of(vm.token(), v) {
        Some(b) => Ok(b),
        None => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            tname(vm, v)
        ))),
    }
}

/// The arguments `(data, errors=None, <extra>...)`.
fn parse(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<(Value, String, Vec<Value>)> {
    let (pos, [d, e, f]) = ArgSpec::parse(vm, name, args, kw, ["data", "errors", "final"])?;
    let mut pos = pos.to_vec();
    let data = match d {
        Some(d) => d,
        None if !pos.is_empty() => pos.remove(0),
        None => {
            return Err(PyErr::type_error(format!(
                "{name}() missing required argument 'data' (pos 1)"
            )))
        }
    };
    let errors = match e.or_else(|| (!pos.is_empty()).then(|| pos.remove(0))) {
        None | Some(Value::None) => "strict".to_owned(),
        Some(v) => match v.downcast::<StrObj>() {
            Some(s) => s.text().to_string_lossy().into_owned(),
            None => {
                return Err(PyErr::type_error(format!(
                    "{name}() argument 2 must be str or None, not {}",
                    tname(vm, &v)
                )))
            }
        },
    };
    if let Some(f) = f {
        pos.insert(0, f);
    }
    Ok((data, errors, pos))
}

fn pair(a: Value, n: usize) -> Value {
    Value::Obj(Tuple::alloc(vec![a, Value::Int(n as i64)]))
}

fn text_value(t: Text) -> Value {
    Value::Obj(StrObj::alloc_text(t))
}

fn flag(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        Some(v) => vm.is_true(v),
        None => Ok(false),
    }
}

fn builtin_encode(
    vm: &mut Vm,
    name: &str,
    enc: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (data, errors, _) = parse(vm, name, args, kw)?;
    let t = text_arg(vm, &data)?;
    let b = vm::methods::bytes::encode(&t, enc, &errors)?;
    Ok(pair(new_bytes(b, false), t.len_code_points()))
}

/// How many bytes of `b` form complete UTF-8 sequences (an incomplete
/// sequence at the end waits for more data).
fn utf8_complete(b: &[u8]) -> usize {
    for back in 1..=3.min(b.len()) {
        let i = b.len() - back;
        let lead = b[i];
        if lead & 0xc0 == 0x80 {
            continue;
        }
        let need = match lead {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return b.len(),
        };
        return if need > back { i } else { b.len() };
    }
    b.len()
}

fn builtin_decode(
    vm: &mut Vm,
    name: &str,
    enc: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (data, errors, rest) = parse(vm, name, args, kw)?;
    let b = bytes_arg(vm, &data)?;
    let fin = flag(vm, rest.first())?;
    let n = if enc == "utf-8" && !fin {
        utf8_complete(&b)
    } else {
        b.len()
    };
    let t = vm::methods::bytes::decode(&b[..n], enc, &errors)?;
    Ok(pair(text_value(t), n))
}

macro_rules! builtin_codecs {
    ($($enc_fn:ident, $dec_fn:ident = $name:literal, $enc:literal;)*) => {
        $(
            fn $enc_fn(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                builtin_encode(vm, concat!($name, "_encode"), $enc, args, kw)
            }
            fn $dec_fn(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                builtin_decode(vm, concat!($name, "_decode"), $enc, args, kw)
            }
        )*
    };
}

builtin_codecs! {
    utf_8_encode, utf_8_decode = "utf_8", "utf-8";
    latin_1_encode, latin_1_decode = "latin_1", "latin-1";
    ascii_encode, ascii_decode = "ascii", "ascii";
}

// ----- UTF-16 / UTF-32 -----

/// Encodes `t` as UTF-16 (`width` 2) or UTF-32 (4), little- or big-endian.
fn utf_wide_encode(
    t: &Text,
    width: usize,
    big: bool,
    bom: bool,
    errors: &str,
    codec: &str,
) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(t.as_bytes().len() * width + 4);
    let push = |out: &mut Vec<u8>, unit: u32| {
        if width == 2 {
            let u = unit as u16;
            out.extend_from_slice(&if big {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        } else {
            out.extend_from_slice(&if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
    };
    if bom {
        push(&mut out, 0xfeff);
    }
    for (i, c) in t.code_points().enumerate() {
        if (0xd800..=0xdfff).contains(&c) && errors != "surrogatepass" {
            match errors {
                "ignore" => continue,
                "replace" => {
                    push(&mut out, u32::from('?'));
                    continue;
                }
                "backslashreplace" => {
                    for ch in escape_cp(c).chars() {
                        push(&mut out, u32::from(ch));
                    }
                    continue;
                }
                _ => {
                    let object = Value::Obj(StrObj::alloc_text(t.clone()));
                    let run = t
                        .code_points()
                        .skip(i)
                        .take_while(|c| (0xd800..=0xdfff).contains(c))
                        .count();
                    return Err(unicode_error::encode_error(
                        codec,
                        object,
                        i,
                        i + run,
                        "surrogates not allowed",
                    ));
                }
            }
        }
        if width == 2 && c >= 0x10000 {
            let v = c - 0x10000;
            push(&mut out, 0xd800 + (v >> 10));
            push(&mut out, 0xdc00 + (v & 0x3ff));
        } else {
            push(&mut out, c);
        }
    }
    Ok(out)
}

/// Decodes UTF-16/32; `order`: 0 detects a BOM (little-endian without one).
/// Returns the text, bytes consumed and the byte order used (-1/1).
fn utf_wide_decode(
    b: &[u8],
    width: usize,
    mut order: i32,
    errors: &str,
    fin: bool,
    codec: &str,
) -> PyResult<(Text, usize, i32)> {
    let mut i = 0;
    let unit_at = |i: usize, big: bool| -> u32 {
        if width == 2 {
            let a = [b[i], b[i + 1]];
            u32::from(if big {
                u16::from_be_bytes(a)
            } else {
                u16::from_le_bytes(a)
            })
        } else {
            let a = [b[i], b[i + 1], b[i + 2], b[i + 3]];
            if big {
                u32::from_be_bytes(a)
            } else {
                u32::from_le_bytes(a)
            }
        }
    };
    if order == 0 && b.len() >= width {
        if unit_at(0, false) == 0xfeff {
            order = -1;
            i = width;
        } else if unit_at(0, true) == 0xfeff {
            order = 1;
            i = width;
        }
    }
    let big = order == 1;
    // CPython names the byte order it decodes with in its errors.
    let codec = match (codec.starts_with("utf-16"), big) {
        (true, false) => "utf-16-le",
        (true, true) => "utf-16-be",
        (false, false) => "utf-32-le",
        (false, true) => "utf-32-be",
    };
    let mut out = Text::new();
    let fail = |out: &mut Text, start: usize, end: usize, why: &str| -> PyResult<()> {
        match errors {
            "ignore" => Ok(()),
            "replace" => {
                out.push_char('\u{fffd}');
                Ok(())
            }
            "backslashreplace" => {
                for x in &b[start..end] {
                    out.push_str(&format!("\\x{x:02x}"));
                }
                Ok(())
            }
            _ => Err(unicode_error::decode_error(codec, b, start, end, why)),
        }
    };
    while i + width <= b.len() {
        let u = unit_at(i, big);
        if width == 4 {
            if u > 0x10ffff || ((0xd800..=0xdfff).contains(&u) && errors != "surrogatepass") {
                fail(&mut out, i, i + 4, "code point not in range(0x110000)")?;
            } else {
                out.push_code_point(u);
            }
            i += 4;
            continue;
        }
        if (0xd800..0xdc00).contains(&u) {
            if i + 4 > b.len() {
                if !fin {
                    break;
                }
                fail(&mut out, i, b.len(), "unexpected end of data")?;
                i = b.len();
                break;
            }
            let lo = unit_at(i + 2, big);
            if (0xdc00..0xe000).contains(&lo) {
                out.push_code_point(0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00));
                i += 4;
            } else {
                fail(&mut out, i, i + 2, "illegal UTF-16 surrogate")?;
                i += 2;
            }
        } else if (0xdc00..0xe000).contains(&u) {
            fail(&mut out, i, i + 2, "illegal encoding")?;
            i += 2;
        } else {
            out.push_code_point(u);
            i += 2;
        }
    }
    if i < b.len() && fin {
        fail(&mut out, i, b.len(), "truncated data")?;
        i = b.len();
    }
    Ok((out, i, if order == 0 { -1 } else { order }))
}

fn wide_encode(
    vm: &mut Vm,
    name: &str,
    width: usize,
    fixed: Option<bool>,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (data, errors, rest) = parse(vm, name, args, kw)?;
    let t = text_arg(vm, &data)?;
    let codec = if width == 2 { "utf-16" } else { "utf-32" };
    let (big, bom) = match fixed {
        Some(b) => (b, false),
        None => {
            let order = match rest.first() {
                Some(v) => vm.index_i64(v)?,
                None => 0,
            };
            (order > 0, order == 0)
        }
    };
    let b = utf_wide_encode(&t, width, big, bom, &errors, codec)?;
    Ok(pair(new_bytes(b, false), t.len_code_points()))
}

fn wide_decode(
    vm: &mut Vm,
    name: &str,
    width: usize,
    order: i32,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (data, errors, rest) = parse(vm, name, args, kw)?;
    let b = bytes_arg(vm, &data)?;
    let fin = flag(vm, rest.first())?;
    let codec = if width == 2 { "utf-16" } else { "utf-32" };
    let codec = match order {
        -1 => format!("{codec}-le"),
        1 => format!("{codec}-be"),
        _ => codec.to_owned(),
    };
    let (t, n, _) = utf_wide_decode(&b, width, order, &errors, fin, &codec)?;
    Ok(pair(text_value(t), n))
}

fn wide_ex_decode(
    vm: &mut Vm,
    name: &str,
    width: usize,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (data, errors, rest) = parse(vm, name, args, kw)?;
    let b = bytes_arg(vm, &data)?;
    // utf_16_ex_decode(data, errors, byteorder=0, final=False)
    let (order, fin) = match rest.as_slice() {
        [] => (0, false),
        [o] => (vm.index_i64(o)?, false),
        [o, f, ..] => (vm.index_i64(o)?, vm.is_true(f)?),
    };
    let codec = if width == 2 { "utf-16" } else { "utf-32" };
    let order = order.clamp(-1, 1) as i32;
    let (t, n, used) = utf_wide_decode(&b, width, order, &errors, fin, codec)?;
    let used = if order == 0 && n == 0 { 0 } else { used };
    Ok(Value::Obj(Tuple::alloc(vec![
        text_value(t),
        Value::Int(n as i64),
        Value::Int(i64::from(used)),
    ])))
}

macro_rules! wide_codecs {
    ($($enc_fn:ident, $dec_fn:ident = $name:literal, $width:literal, $fixed:expr, $order:literal;)*) => {
        $(
            fn $enc_fn(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                wide_encode(vm, concat!($name, "_encode"), $width, $fixed, args, kw)
            }
            fn $dec_fn(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                wide_decode(vm, concat!($name, "_decode"), $width, $order, args, kw)
            }
        )*
    };
}

wide_codecs! {
    utf_16_encode, utf_16_decode = "utf_16", 2, None, 0;
    utf_16_le_encode, utf_16_le_decode = "utf_16_le", 2, Some(false), -1;
    utf_16_be_encode, utf_16_be_decode = "utf_16_be", 2, Some(true), 1;
    utf_32_encode, utf_32_decode = "utf_32", 4, None, 0;
    utf_32_le_encode, utf_32_le_decode = "utf_32_le", 4, Some(false), -1;
    utf_32_be_encode, utf_32_be_decode = "utf_32_be", 4, Some(true), 1;
}

fn utf_16_ex_decode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    wide_ex_decode(vm, "utf_16_ex_decode", 2, args, kw)
}

fn utf_32_ex_decode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    wide_ex_decode(vm, "utf_32_ex_decode", 4, args, kw)
}

// ----- escape codecs -----

fn escape_encode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (data, _errors, _) = parse(vm, "escape_encode", args, kw)?;
    let Some(b) = data
        .downcast::<vm::methods::bytes::BytesObj>()
        .map(|x| x.data.borrow(vm.token()).clone())
    else {
        return Err(PyErr::type_error(format!(
            "escape_encode() argument 1 must be bytes, not {}",
            tname(vm, &data)
        )));
    };
    let mut out = Vec::with_capacity(b.len());
    for &c in &b {
        match c {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(c),
            _ => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
        }
    }
    Ok(pair(new_bytes(out, false), b.len()))
}

/// Processes backslash escapes of `b`; `unicode` also takes `\u`, `\U`,
/// `\N{...}`; `raw` takes only `\u`/`\U`. Bytes stand for Latin-1 code points.
fn unescape(b: &[u8], unicode: bool, raw: bool, errors: &str, codec: &str) -> PyResult<Vec<u32>> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let err = |start: usize, end: usize, why: &str| {
        // The bytes `escape` codec raises ValueError (CPython's
        // `_PyBytes_DecodeEscape`), the str ones UnicodeDecodeError.
        if codec == "escape" {
            PyErr::value_error(if end <= start + 1 && why.starts_with('\\') {
                "Trailing \\ in string".to_owned()
            } else {
                format!("invalid \\x escape at position {start}")
            })
        } else {
            unicode_error::decode_error(codec, b, start, end.max(start + 1), why)
        }
    };
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            out.push(u32::from(c));
            i += 1;
            continue;
        }
        let Some(&e) = b.get(i + 1) else {
            if raw {
                out.push(u32::from(c));
                i += 1;
                continue;
            }
            if errors == "strict" {
                return Err(err(i, b.len(), "\\ at end of string"));
            }
            out.push(u32::from(c));
            break;
        };
        if raw && e != b'u' && e != b'U' {
            out.push(u32::from(c));
            i += 1;
            continue;
        }
        let hex = |start: usize, n: usize| -> Option<u32> {
            let s = b.get(start..start + n)?;
            let s = std::str::from_utf8(s).ok()?;
            if !s.bytes().all(|x| x.is_ascii_hexdigit()) {
                return None;
            }
            u32::from_str_radix(s, 16).ok()
        };
        let (cp, len) = match e {
            b'\n' => (None, 2),
            b'\\' => (Some(u32::from(b'\\')), 2),
            b'\'' => (Some(u32::from(b'\'')), 2),
            b'"' => (Some(u32::from(b'"')), 2),
            b'a' => (Some(7), 2),
            b'b' => (Some(8), 2),
            b'f' => (Some(12), 2),
            b'n' => (Some(10), 2),
            b'r' => (Some(13), 2),
            b't' => (Some(9), 2),
            b'v' => (Some(11), 2),
            b'0'..=b'7' => {
                let mut v = 0u32;
                let mut k = 1;
                while k <= 3 && matches!(b.get(i + k), Some(b'0'..=b'7')) {
                    v = v * 8 + u32::from(b[i + k] - b'0');
                    k += 1;
                }
                (Some(v), k)
            }
            b'x' => match hex(i + 2, 2) {
                Some(v) => (Some(v), 4),
                None => {
                    if errors == "strict" {
                        return Err(err(i, (i + 4).min(b.len()), "truncated \\xXX escape"));
                    }
                    (
                        Some(0xfffd).filter(|_| errors == "replace"),
                        2.max((i + 4).min(b.len()) - i),
                    )
                }
            },
            b'u' | b'U' if unicode || raw => {
                let n = if e == b'u' { 4 } else { 8 };
                match hex(i + 2, n).filter(|v| *v <= 0x10ffff) {
                    Some(v) => (Some(v), 2 + n),
                    None => {
                        if errors == "strict" {
                            let why = if e == b'u' {
                                "truncated \\uXXXX escape"
                            } else {
                                "truncated \\UXXXXXXXX escape"
                            };
                            return Err(err(i, (i + 2 + n).min(b.len()), why));
                        }
                        (Some(0xfffd).filter(|_| errors == "replace"), 2)
                    }
                }
            }
            b'N' if unicode => {
                let close = b[i..].iter().position(|&x| x == b'}');
                match (b.get(i + 2), close) {
                    (Some(b'{'), Some(end)) => {
                        let name = String::from_utf8_lossy(&b[i + 3..i + end]).into_owned();
                        match unicode_names2::character(&name) {
                            Some(ch) => (Some(u32::from(ch)), end + 1),
                            None => {
                                if errors == "strict" {
                                    return Err(err(
                                        i,
                                        i + end + 1,
                                        "unknown Unicode character name",
                                    ));
                                }
                                (Some(0xfffd).filter(|_| errors == "replace"), end + 1)
                            }
                        }
                    }
                    _ => {
                        if errors == "strict" {
                            return Err(err(i, b.len(), "malformed \\N character escape"));
                        }
                        (None, 2)
                    }
                }
            }
            _ => {
                out.push(u32::from(c));
                (Some(u32::from(e)), 2)
            }
        };
        if let Some(cp) = cp {
            out.push(cp);
        }
        i += len;
    }
    Ok(out)
}

fn escape_decode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (data, errors, _) = parse(vm, "escape_decode", args, kw)?;
    let b = escape_input(vm, &data)?;
    let cps = unescape(&b, false, false, &errors, "escape")?;
    let out: Vec<u8> = cps.into_iter().map(|c| c as u8).collect();
    Ok(pair(new_bytes(out, false), b.len()))
}

fn unicode_escape_decode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    escape_decode_to_str(
        vm,
        "unicode_escape_decode",
        false,
        "unicodeescape",
        args,
        kw,
    )
}

fn raw_unicode_escape_decode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    escape_decode_to_str(
        vm,
        "raw_unicode_escape_decode",
        true,
        "rawunicodeescape",
        args,
        kw,
    )
}

/// The input of the escape decoders: a str's bytes or any bytes-like object.
fn escape_input(vm: &mut Vm, data: &Value) -> PyResult<Vec<u8>> {
    match data.downcast::<StrObj>() {
        Some(s) => Ok(s.text().as_bytes().to_vec()),
        None => bytes_arg(vm, data),
    }
}

/// `unicode_escape_decode` / `raw_unicode_escape_decode`: (str, consumed).
fn escape_decode_to_str(
    vm: &mut Vm,
    fname: &str,
    raw: bool,
    codec: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (data, errors, _) = parse(vm, fname, args, kw)?;
    let b = escape_input(vm, &data)?;
    let cps = unescape(&b, !raw, raw, &errors, codec)?;
    let mut t = Text::with_capacity(cps.len());
    for c in cps {
        t.push_code_point(c);
    }
    Ok(pair(text_value(t), b.len()))
}

fn unicode_escape_encode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (data, _errors, _) = parse(vm, "unicode_escape_encode", args, kw)?;
    let t = text_arg(vm, &data)?;
    let mut out = Vec::new();
    for c in t.code_points() {
        match c {
            0x5c => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0a => out.extend_from_slice(b"\\n"),
            0x0d => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(c as u8),
            _ => out.extend_from_slice(escape_cp(c).as_bytes()),
        }
    }
    Ok(pair(new_bytes(out, false), t.len_code_points()))
}

fn raw_unicode_escape_encode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (data, _errors, _) = parse(vm, "raw_unicode_escape_encode", args, kw)?;
    let t = text_arg(vm, &data)?;
    let mut out = Vec::new();
    for c in t.code_points() {
        if c < 0x100 {
            out.push(c as u8);
        } else {
            out.extend_from_slice(escape_cp(c).as_bytes());
        }
    }
    Ok(pair(new_bytes(out, false), t.len_code_points()))
}

// ----- charmap -----

fn charmap_decode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (data, errors, rest) = parse(vm, "charmap_decode", args, kw)?;
    let b = bytes_arg(vm, &data)?;
    let mapping = rest.first().cloned().unwrap_or(Value::None);
    if mapping.is_none() {
        return Ok(pair(text_value(Text::from_latin1(&b)), b.len()));
    }
    let table: Option<Vec<u32>> = mapping
        .downcast::<StrObj>()
        .map(|s| s.text().code_points().collect());
    let mut out = Text::with_capacity(b.len());
    for (i, &x) in b.iter().enumerate() {
        let cp = match &table {
            Some(t) => t.get(usize::from(x)).copied().filter(|&c| c != 0xfffe),
            None => match vm.getitem(&mapping, &Value::Int(i64::from(x))) {
                Ok(Value::None) => None,
                Ok(Value::Int(n)) => u32::try_from(n).ok(),
                Ok(v) => match v.downcast::<StrObj>() {
                    Some(s) => {
                        out.push_text(s.text());
                        continue;
                    }
                    None => {
                        return Err(PyErr::type_error(
                            "character mapping must return integer, None or str",
                        ))
                    }
                },
                Err(e)
                    if e.kind == ExcKind::LookupError
                        || e.kind == ExcKind::KeyError
                        || e.kind == ExcKind::IndexError =>
                {
                    None
                }
                Err(e) => return Err(e),
            },
        };
        match cp {
            Some(c) => out.push_code_point(c),
            None => match errors.as_str() {
                "ignore" => {}
                "replace" => out.push_char('\u{fffd}'),
                "backslashreplace" => out.push_str(&format!("\\x{x:02x}")),
                "surrogateescape" if x >= 128 => out.push_code_point(0xdc00 + u32::from(x)),
                _ => {
                    return Err(unicode_error::decode_error(
                        "charmap",
                        &b,
                        i,
                        i + 1,
                        "character maps to <undefined>",
                    ))
                }
            },
        }
    }
    Ok(pair(text_value(out), b.len()))
}

fn charmap_encode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (data, errors, rest) = parse(vm, "charmap_encode", args, kw)?;
    let t = text_arg(vm, &data)?;
    let mapping = rest.first().cloned().unwrap_or(Value::None);
    if mapping.is_none() {
        let b = vm::methods::bytes::encode(&t, "latin-1", &errors)?;
        return Ok(pair(new_bytes(b, false), t.len_code_points()));
    }
    let mut out = Vec::new();
    for (i, c) in t.code_points().enumerate() {
        let got = match vm.getitem(&mapping, &Value::Int(i64::from(c))) {
            Ok(v) => Some(v),
            Err(e)
                if e.kind == ExcKind::LookupError
                    || e.kind == ExcKind::KeyError
                    || e.kind == ExcKind::IndexError =>
            {
                None
            }
            Err(e) => return Err(e),
        };
        match got {
            Some(Value::Int(n)) if (0..256).contains(&n) => out.push(n as u8),
            Some(Value::Int(_)) => {
                return Err(PyErr::type_error("character mapping must be in range(256)"))
            }
            Some(v) if !v.is_none() => match bytes_of(vm.token(), &v) {
                Some(bb) => out.extend_from_slice(&bb),
                None => {
                    return Err(PyErr::type_error(
                        "character mapping must return integer, bytes or None, not str",
                    ))
                }
            },
            _ => match errors.as_str() {
                "ignore" => {}
                "replace" => out.push(b'?'),
                "xmlcharrefreplace" => out.extend_from_slice(format!("&#{c};").as_bytes()),
                "backslashreplace" => out.extend_from_slice(escape_cp(c).as_bytes()),
                _ => {
                    let object = Value::Obj(StrObj::alloc_text(t.clone()));
                    return Err(unicode_error::encode_error(
                        "charmap",
                        object,
                        i,
                        i + 1,
                        "character maps to <undefined>",
                    ));
                }
            },
        }
    }
    Ok(pair(new_bytes(out, false), t.len_code_points()))
}

/// `charmap_build(decoding_table)`: the encoding map, code point to byte
/// (a dict here, where CPython has a private `EncodingMap` type).
fn charmap_build(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = vm::calls::exact_args(vm, "charmap_build", args, kw, 1)?;
    let t = text_arg(vm, &a[0])?;
    let d = Value::Obj(ObjRef::new(
        &vm::types::builtin_types().dict,
        vm::builtins::dict::Dict::new(),
    ));
    for (i, c) in t.code_points().enumerate() {
        if c == 0xfffe {
            continue;
        }
        vm.setitem(&d, &Value::Int(i64::from(c)), Some(Value::Int(i as i64)))?;
    }
    Ok(d)
}

/// The codec function (`<name>_encode`/`_decode`) of a codec written here,
/// by encoding name as `encodings` normalizes and aliases it.
pub(crate) fn builtin_codec(encoding: &str, encode: bool) -> Option<NativeFn> {
    let mut n: String = encoding
        .trim()
        .chars()
        .map(|c| {
            if c == '-' || c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    for (alias, name) in [
        ("utf16", "utf_16"),
        ("utf_16le", "utf_16_le"),
        ("utf_16be", "utf_16_be"),
        ("utf32", "utf_32"),
        ("utf_32le", "utf_32_le"),
        ("utf_32be", "utf_32_be"),
        ("unicodeescape", "unicode_escape"),
        ("rawunicodeescape", "raw_unicode_escape"),
    ] {
        if n == alias {
            n = name.to_owned();
        }
    }
    if !(n.starts_with("utf_16") || n.starts_with("utf_32") || n.ends_with("unicode_escape")) {
        return None;
    }
    let want = format!("{n}_{}", if encode { "encode" } else { "decode" });
    FUNCTIONS.iter().find(|(k, _)| *k == want).map(|(_, f)| *f)
}

/// The codec functions, for the module table.
pub(crate) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("utf_8_encode", utf_8_encode),
    ("utf_8_decode", utf_8_decode),
    ("latin_1_encode", latin_1_encode),
    ("latin_1_decode", latin_1_decode),
    ("ascii_encode", ascii_encode),
    ("ascii_decode", ascii_decode),
    ("utf_16_encode", utf_16_encode),
    ("utf_16_decode", utf_16_decode),
    ("utf_16_le_encode", utf_16_le_encode),
    ("utf_16_le_decode", utf_16_le_decode),
    ("utf_16_be_encode", utf_16_be_encode),
    ("utf_16_be_decode", utf_16_be_decode),
    ("utf_16_ex_decode", utf_16_ex_decode),
    ("utf_32_encode", utf_32_encode),
    ("utf_32_decode", utf_32_decode),
    ("utf_32_le_encode", utf_32_le_encode),
    ("utf_32_le_decode", utf_32_le_decode),
    ("utf_32_be_encode", utf_32_be_encode),
    ("utf_32_be_decode", utf_32_be_decode),
    ("utf_32_ex_decode", utf_32_ex_decode),
    ("escape_encode", escape_encode),
    ("escape_decode", escape_decode),
    ("unicode_escape_encode", unicode_escape_encode),
    ("unicode_escape_decode", unicode_escape_decode),
    ("raw_unicode_escape_encode", raw_unicode_escape_encode),
    ("raw_unicode_escape_decode", raw_unicode_escape_decode),
    ("charmap_encode", charmap_encode),
    ("charmap_decode", charmap_decode),
    ("charmap_build", charmap_build),
];
