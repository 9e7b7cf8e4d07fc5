//! `_io.TextIOWrapper` (CPython's `Modules/_io/textio.c`): text over a
//! buffered binary stream, read and written incrementally. Reading splits
//! the raw bytes at line ends first (so a character is never cut; UTF-16
//! and UTF-32 are split on whole code units, in the byte order their BOM
//! gives), then decodes; newline translation as CPython
//! (`None`: universal newlines in, `os.linesep` out; `''`: no translation;
//! `'\n'`, `'\r'`, `'\r\n'`). `tell()` is the byte position of the next
//! unread character (CPython's cookie when the decoder has no state).

use std::cell::Cell;

use common::text::Text;
use vm::builtins::str::{intern, new_str, StrObj};
use vm::calls::{arg_range, exact_args, ArgSpec, NativeFn};
use vm::methods::bytes::{bytes_of, new_bytes};
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use super::iobase::limit_arg;
use crate::util::tname;

/// Bytes gathered by `write` before they go to the buffer (CPython's chunk size).
const CHUNK: usize = 8192;

/// The payload of `TextIOWrapper`.
pub struct TextIO {
    buffer: PyCell<Value>,
    mode: PyCell<Value>,
    encoding: PyCell<String>,
    errors: PyCell<String>,
    /// `None`: universal; `Some("")`: untranslated; else the line end.
    newline: PyCell<Option<String>>,
    line_buffering: Cell<bool>,
    write_through: Cell<bool>,
    detached: Cell<bool>,
    /// Raw bytes read from the buffer, not decoded yet.
    pending: PyCell<Vec<u8>>,
    /// Decoded text not returned yet (the rest of one line), and how many raw
    /// bytes it stands for.
    decoded: PyCell<Text>,
    decoded_raw: Cell<usize>,
    eof: Cell<bool>,
    /// Encoded text not given to the buffer yet.
    wpending: PyCell<Vec<u8>>,
    /// Something was written (a UTF-16/32 BOM goes out only once).
    wrote: Cell<bool>,
    /// False while iterating with `next()` (CPython's `telling`): `tell()`
    /// refuses until the iteration ends or a `seek()`.
    telling: Cell<bool>,
    /// The byte order of a `utf-16`/`utf-32` stream once its BOM was seen.
    wide_be: Cell<Option<bool>>,
    /// The BOM length at the start of the line `next_line` gave last.
    line_bom: Cell<usize>,
}

impl Payload for TextIO {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(self.buffer.borrow(token));
        visit(self.mode.borrow(token));
    }
}

fn me<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a TextIO> {
    let Some(t) = v.downcast::<TextIO>() else {
        return Err(PyErr::type_error(format!(
            "descriptor requires a '_io.TextIOWrapper' object but received a '{}'",
            tname(vm, v)
        )));
    };
    if t.detached.get() {
        return Err(PyErr::value_error("underlying buffer has been detached"));
    }
    Ok(t)
}

fn buffer(vm: &mut Vm, t: &TextIO) -> Value {
    t.buffer.borrow(vm.token()).clone()
}

fn check_open(vm: &mut Vm, t: &TextIO) -> PyResult<()> {
    let b = buffer(vm, t);
    if super::iobase::is_closed(vm, &b)? {
        return Err(PyErr::value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn check_flag(vm: &mut Vm, t: &TextIO, what: &str, name: &str) -> PyResult<()> {
    let b = buffer(vm, t);
    let r = vm.call_method(&b, what, &[])?;
    if !vm.is_true(&r)? {
        return Err(super::unsupported(name));
    }
    Ok(())
}

/// Reads more raw bytes into `pending`; false at end of file.
fn fill(vm: &mut Vm, t: &TextIO) -> PyResult<bool> {
    if t.eof.get() {
        return Ok(false);
    }
    let b = buffer(vm, t);
    let k = intern(vm.token(), "read1");
    let chunk = match vm.getattr(&b, &k) {
        Ok(f) => vm.call(&f, &[Value::Int(CHUNK as i64)], None)?,
        Err(_) => vm.call_method(&b, "read", &[Value::Int(CHUNK as i64)])?,
    };
    let data = if chunk.is_none() {
        Vec::new()
    } else {
        match bytes_of(vm.token(), &chunk) {
            Some(d) => d,
            None => {
                return Err(PyErr::type_error(format!(
                    "underlying read1() should have returned a bytes-like object, not '{}'",
                    tname(vm, &chunk)
                )))
            }
        }
    };
    if data.is_empty() {
        t.eof.set(true);
        return Ok(false);
    }
    t.pending.borrow_mut(vm.token()).extend_from_slice(&data);
    Ok(true)
}

/// Where the first line of `buf` ends (exclusive), if it is complete.
fn line_end(buf: &[u8], newline: Option<&str>, eof: bool) -> Option<usize> {
    match newline {
        None | Some("") => {
            let i = buf.iter().position(|&c| c == b'\n' || c == b'\r')?;
            if buf[i] == b'\n' {
                return Some(i + 1);
            }
            match buf.get(i + 1) {
                Some(b'\n') => Some(i + 2),
                Some(_) => Some(i + 1),
                None if eof => Some(i + 1),
                None => None,
            }
        }
        Some(nl) => {
            let nl = nl.as_bytes();
            buf.windows(nl.len())
                .position(|w| w == nl)
                .map(|i| i + nl.len())
        }
    }
}

/// For UTF-16 and UTF-32 (not ASCII-compatible): the code unit size and,
/// if the name fixes it, whether the encoding is big-endian.
fn wide_encoding(enc: &str) -> Option<(usize, Option<bool>)> {
    let e = enc.to_ascii_lowercase().replace('_', "-");
    let e = e.strip_prefix("utf-").or_else(|| e.strip_prefix("utf"))?;
    let (unit, rest) = if let Some(r) = e.strip_prefix("16") {
        (2, r)
    } else if let Some(r) = e.strip_prefix("32") {
        (4, r)
    } else {
        return None;
    };
    match rest.trim_start_matches('-') {
        "" => Some((unit, None)),
        "le" => Some((unit, Some(false))),
        "be" => Some((unit, Some(true))),
        _ => None,
    }
}

/// The code units of `buf` (whole units only) for a wide encoding.
fn code_units(buf: &[u8], unit: usize, big_endian: bool) -> Vec<u32> {
    buf.chunks_exact(unit)
        .map(|c| {
            let it = c.iter().map(|&b| u32::from(b));
            if big_endian {
                it.fold(0, |acc, b| (acc << 8) | b)
            } else {
                it.rev().fold(0, |acc, b| (acc << 8) | b)
            }
        })
        .collect()
}

/// [`line_end`] over the code units of a wide encoding (the result in bytes).
fn wide_line_end(
    buf: &[u8],
    unit: usize,
    big_endian: bool,
    newline: Option<&str>,
    eof: bool,
) -> Option<usize> {
    // Map the units onto a byte string with the same line ends: every unit
    // that isn't CR or LF becomes a neutral byte.
    let units: Vec<u8> = code_units(buf, unit, big_endian)
        .into_iter()
        .map(|u| match u {
            0x0a => b'\n',
            0x0d => b'\r',
            _ => b'x',
        })
        .collect();
    let whole = buf.len() / unit * unit == buf.len();
    line_end(&units, newline, eof && whole).map(|i| i * unit)
}

/// Whether a wide stream is big-endian: from the encoding's name, else from
/// a BOM at the start of `raw`, else little-endian (as the `utf-16` codec
/// decodes without a BOM here).
fn wide_big_endian(t: &TextIO, raw: &[u8], declared: Option<bool>) -> bool {
    if let Some(be) = declared.or(t.wide_be.get()) {
        return be;
    }
    if raw.len() < 4 {
        // Too little to see a BOM: guess, and decide when more has come.
        return raw.starts_with(&[0xfe, 0xff]);
    }
    let be = raw.starts_with(&[0xfe, 0xff]) || raw.starts_with(&[0, 0, 0xfe, 0xff]);
    t.wide_be.set(Some(be));
    be
}

/// The codec that decodes `raw` where it stands in the stream: an explicit
/// byte order past the start of a `utf-16`/`utf-32` stream (only the start
/// carries the BOM).
fn codec_for(t: &TextIO, enc: &str, raw: &[u8]) -> String {
    let Some((unit, declared)) = wide_encoding(enc) else {
        return enc.to_owned();
    };
    if declared.is_some() {
        return enc.to_owned();
    }
    let bom = raw.starts_with(&[0xff, 0xfe]) || raw.starts_with(&[0xfe, 0xff]);
    if bom {
        return enc.to_owned();
    }
    let be = wide_big_endian(t, raw, declared);
    let bits = unit * 8;
    format!("utf-{bits}-{}", if be { "be" } else { "le" })
}

/// The length of the BOM at the start of `raw` that a `utf-16`/`utf-32`
/// (byte order not named) decoder consumes, else 0.
fn bom_len(enc: &str, raw: &[u8]) -> usize {
    match wide_encoding(enc) {
        Some((2, None)) if raw.starts_with(&[0xff, 0xfe]) || raw.starts_with(&[0xfe, 0xff]) => 2,
        Some((4, None))
            if raw.starts_with(&[0xff, 0xfe, 0, 0]) || raw.starts_with(&[0, 0, 0xfe, 0xff]) =>
        {
            4
        }
        _ => 0,
    }
}

/// Decodes raw bytes, translating line ends in universal mode.
fn decode_text(vm: &mut Vm, t: &TextIO, raw: &[u8]) -> PyResult<Text> {
    let enc = t.encoding.borrow(vm.token()).clone();
    let enc = codec_for(t, &enc, raw);
    let errors = t.errors.borrow(vm.token()).clone();
    let text = super::codec_decode(vm, raw, &enc, &errors)?;
    if t.newline.borrow(vm.token()).is_some() || !text.as_bytes().contains(&b'\r') {
        return Ok(text);
    }
    let mut out = Text::with_capacity(text.as_bytes().len());
    let mut cps = text.code_points().peekable();
    while let Some(c) = cps.next() {
        if c == u32::from('\r') {
            if cps.peek() == Some(&u32::from('\n')) {
                cps.next();
            }
            out.push_char('\n');
        } else {
            out.push_code_point(c);
        }
    }
    Ok(out)
}

/// The next decoded line (empty at end of file) and its raw length.
fn next_line(vm: &mut Vm, t: &TextIO) -> PyResult<(Text, usize)> {
    if !t.decoded.borrow(vm.token()).is_empty() {
        let raw = t.decoded_raw.replace(0);
        let rest = std::mem::take(t.decoded.borrow_mut(vm.token()));
        t.line_bom.set(0);
        // A `read(n)` may have cut a line inside its "\r\n": what is left
        // doesn't end the line, which goes on with the next raw line.
        let nl = t.newline.borrow(vm.token()).clone();
        let complete = match nl.as_deref() {
            Some(n) if !n.is_empty() => rest.as_bytes().ends_with(n.as_bytes()),
            _ => true,
        };
        if complete {
            return Ok((rest, raw));
        }
        let (more, more_raw) = next_line(vm, t)?;
        t.line_bom.set(0);
        let mut joined = rest;
        joined.push_text(&more);
        return Ok((joined, raw + more_raw));
    }
    let enc = t.encoding.borrow(vm.token()).clone();
    let wide = wide_encoding(&enc);
    loop {
        let nl = t.newline.borrow(vm.token()).clone();
        let end = match wide {
            Some((unit, declared)) => {
                let pending = t.pending.borrow(vm.token()).clone();
                let be = wide_big_endian(t, &pending, declared);
                wide_line_end(&pending, unit, be, nl.as_deref(), t.eof.get())
            }
            None => line_end(t.pending.borrow(vm.token()), nl.as_deref(), t.eof.get()),
        };
        if let Some(end) = end {
            let raw: Vec<u8> = t.pending.borrow_mut(vm.token()).drain(..end).collect();
            t.line_bom.set(bom_len(&enc, &raw));
            return Ok((decode_text(vm, t, &raw)?, raw.len()));
        }
        if !fill(vm, t)? {
            let raw = std::mem::take(t.pending.borrow_mut(vm.token()));
            t.line_bom.set(bom_len(&enc, &raw));
            return Ok((decode_text(vm, t, &raw)?, raw.len()));
        }
    }
}

/// Splits `line` (which came from `raw_len` raw bytes) after `n` code
/// points; keeps the rest as decoded text.
fn keep_rest(vm: &mut Vm, t: &TextIO, line: Text, raw_len: usize, n: usize) -> PyResult<Text> {
    let mut head = Text::new();
    let mut rest = Text::new();
    for (i, c) in line.code_points().enumerate() {
        if i < n {
            head.push_code_point(c);
        } else {
            rest.push_code_point(c);
        }
    }
    if !rest.is_empty() {
        let enc = t.encoding.borrow(vm.token()).clone();
        // The head's raw length, without a BOM the encoder would add.
        let enc = match wide_encoding(&enc) {
            Some((unit, None)) => {
                let be = t.wide_be.get().unwrap_or(false);
                format!("utf-{}-{}", unit * 8, if be { "be" } else { "le" })
            }
            _ => enc,
        };
        let head_raw = super::codec_encode(vm, &head, &enc, "surrogatepass")
            .map_or(head.as_bytes().len(), |b| b.len())
            + t.line_bom.get();
        t.decoded_raw.set(raw_len.saturating_sub(head_raw));
        *t.decoded.borrow_mut(vm.token()) = rest;
    }
    Ok(head)
}

fn read(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "read", args, kw, 1, 2)?;
    let t = me(vm, &a[0])?;
    check_open(vm, t)?;
    check_flag(vm, t, "readable", "not readable")?;
    flush_writes(vm, t)?;
    let limit = limit_arg(vm, a.get(1))?;
    let mut out = Text::new();
    match limit {
        None => {
            out = std::mem::take(t.decoded.borrow_mut(vm.token()));
            t.decoded_raw.set(0);
            let b = buffer(vm, t);
            let rest = vm.call_method(&b, "read", &[])?;
            let mut raw = std::mem::take(t.pending.borrow_mut(vm.token()));
            raw.extend(bytes_of(vm.token(), &rest).unwrap_or_default());
            t.eof.set(true);
            out.push_text(&decode_text(vm, t, &raw)?);
        }
        Some(n) => {
            let mut count = 0;
            while count < n {
                let (line, raw_len) = next_line(vm, t)?;
                if line.is_empty() {
                    break;
                }
                let len = line.len_code_points();
                let line = if count + len > n {
                    keep_rest(vm, t, line, raw_len, n - count)?
                } else {
                    line
                };
                count += line.len_code_points();
                out.push_text(&line);
            }
        }
    }
    Ok(Value::Obj(StrObj::alloc_text(out)))
}

fn readline(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "readline", args, kw, 1, 2)?;
    let t = me(vm, &a[0])?;
    check_open(vm, t)?;
    check_flag(vm, t, "readable", "not readable")?;
    flush_writes(vm, t)?;
    let limit = limit_arg(vm, a.get(1))?;
    let (line, raw_len) = next_line(vm, t)?;
    let line = match limit {
        Some(n) if line.len_code_points() > n => keep_rest(vm, t, line, raw_len, n)?,
        _ => line,
    };
    Ok(Value::Obj(StrObj::alloc_text(line)))
}

fn next_slot(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let t = me(vm, v)?;
    check_open(vm, t)?;
    flush_writes(vm, t)?;
    let (line, _) = next_line(vm, t)?;
    t.telling.set(line.is_empty());
    Ok((!line.is_empty()).then(|| Value::Obj(StrObj::alloc_text(line))))
}

/// Gives the encoded text gathered by `write` to the buffer.
fn flush_writes(vm: &mut Vm, t: &TextIO) -> PyResult<()> {
    let data = std::mem::take(t.wpending.borrow_mut(vm.token()));
    if data.is_empty() {
        return Ok(());
    }
    let b = buffer(vm, t);
    vm.call_method(&b, "write", &[new_bytes(data, false)])?;
    Ok(())
}

/// Forgets read-ahead (before a write or seek).
fn reset_read(vm: &mut Vm, t: &TextIO) {
    t.pending.borrow_mut(vm.token()).clear();
    *t.decoded.borrow_mut(vm.token()) = Text::new();
    t.decoded_raw.set(0);
    t.eof.set(false);
}

fn write(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "write", args, kw, 2)?;
    let t = me(vm, &a[0])?;
    let Some(s) = a[1].downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            tname(vm, &a[1])
        )));
    };
    check_open(vm, t)?;
    check_flag(vm, t, "writable", "not writable")?;
    let n = s.char_len();
    let text = s.text();
    let has_nl = text.as_bytes().contains(&b'\n');
    let nl = t.newline.borrow(vm.token()).clone();
    let translated;
    let text = match nl.as_deref() {
        Some(end @ ("\r" | "\r\n")) if has_nl => {
            let mut out = Text::new();
            for c in text.code_points() {
                if c == u32::from('\n') {
                    out.push_str(end);
                } else {
                    out.push_code_point(c);
                }
            }
            translated = out;
            &translated
        }
        _ => text,
    };
    let mut enc = t.encoding.borrow(vm.token()).clone();
    if t.wrote.replace(true) {
        if let Some(e) = super::continued_encoding(&enc) {
            enc = e.to_owned();
        }
    }
    let errors = t.errors.borrow(vm.token()).clone();
    let data = super::codec_encode(vm, text, &enc, &errors)?;
    if !t.pending.borrow(vm.token()).is_empty() || !t.decoded.borrow(vm.token()).is_empty() {
        reset_read(vm, t);
    }
    let full = {
        let w = t.wpending.borrow_mut(vm.token());
        w.extend_from_slice(&data);
        w.len() >= CHUNK
    };
    let line_flush = t.line_buffering.get() && (has_nl || text.as_bytes().contains(&b'\r'));
    if full || line_flush || t.write_through.get() {
        flush_writes(vm, t)?;
    }
    if line_flush {
        let b = buffer(vm, t);
        vm.call_method(&b, "flush", &[])?;
    }
    Ok(Value::Int(n as i64))
}

fn flush(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "flush", args, kw, 1)?;
    let t = me(vm, &a[0])?;
    check_open(vm, t)?;
    flush_writes(vm, t)?;
    let b = buffer(vm, t);
    vm.call_method(&b, "flush", &[])?;
    Ok(Value::None)
}

fn close(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "close", args, kw, 1)?;
    let t = me(vm, &a[0])?;
    let b = buffer(vm, t);
    if super::iobase::is_closed(vm, &b)? {
        return Ok(Value::None);
    }
    let flushed = flush_writes(vm, t).and_then(|()| vm.call_method(&b, "flush", &[]).map(drop));
    let closed = vm.call_method(&b, "close", &[]);
    flushed?;
    closed?;
    Ok(Value::None)
}

fn tell(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "tell", args, kw, 1)?;
    let t = me(vm, &a[0])?;
    check_open(vm, t)?;
    let b = buffer(vm, t);
    let r = vm.call_method(&b, "seekable", &[])?;
    if !vm.is_true(&r)? {
        return Err(super::unsupported("underlying stream is not seekable"));
    }
    if !t.telling.get() {
        return Err(PyErr::new(
            vm::ExcKind::OSError,
            "telling position disabled by next() call",
        ));
    }
    flush_writes(vm, t)?;
    let p = vm.call_method(&b, "tell", &[])?;
    let p = vm.index_i64(&p)?;
    let ahead = t.pending.borrow(vm.token()).len() + t.decoded_raw.get();
    Ok(Value::Int(p - ahead as i64))
}

fn seek(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "seek", args, kw, 2, 3)?;
    let t = me(vm, &a[0])?;
    check_open(vm, t)?;
    let b = buffer(vm, t);
    let r = vm.call_method(&b, "seekable", &[])?;
    if !vm.is_true(&r)? {
        return Err(super::unsupported("underlying stream is not seekable"));
    }
    let cookie = vm.index_i64(&a[1])?;
    let whence = match a.get(2) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    match whence {
        1 if cookie != 0 => Err(super::unsupported("can't do nonzero cur-relative seeks")),
        1 => tell(vm, &a[..1], None),
        2 if cookie != 0 => Err(super::unsupported("can't do nonzero end-relative seeks")),
        2 => {
            flush_writes(vm, t)?;
            reset_read(vm, t);
            let pos = vm.call_method(&b, "seek", &[Value::Int(0), Value::Int(2)])?;
            // A BOM goes out only at the start of the stream (CPython resets
            // the encoder to "not at start" past it).
            let at_start = matches!(pos, Value::Int(0));
            t.wrote.set(!at_start);
            t.telling.set(true);
            Ok(pos)
        }
        0 if cookie < 0 => Err(PyErr::value_error(format!(
            "negative seek position {cookie}"
        ))),
        0 => {
            flush_writes(vm, t)?;
            reset_read(vm, t);
            vm.call_method(&b, "seek", &[Value::Int(cookie)])?;
            t.wrote.set(cookie != 0);
            t.telling.set(true);
            Ok(Value::Int(cookie))
        }
        _ => Err(PyErr::value_error(format!(
            "invalid whence ({whence}, should be 0, 1 or 2)"
        ))),
    }
}

fn truncate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "truncate", args, kw, 1, 2)?;
    let t = me(vm, &a[0])?;
    flush(vm, &a[..1], None)?;
    let b = buffer(vm, t);
    let pos = match a.get(1) {
        Some(v) if !v.is_none() => v.clone(),
        _ => tell(vm, &a[..1], None)?,
    };
    vm.call_method(&b, "truncate", &[pos])
}

fn detach(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "detach", args, kw, 1)?;
    let t = me(vm, &a[0])?;
    flush(vm, &a[..1], None)?;
    t.detached.set(true);
    Ok(buffer(vm, t))
}

macro_rules! delegate {
    ($($f:ident = $name:literal),*) => {
        $(fn $f(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
            let a = exact_args(vm, $name, args, kw, 1)?;
            let t = me(vm, &a[0])?;
            let b = buffer(vm, t);
            vm.call_method(&b, $name, &[])
        })*
    };
}

delegate!(
    fileno = "fileno",
    isatty = "isatty",
    readable = "readable",
    writable = "writable",
    seekable = "seekable"
);

macro_rules! buffer_attr {
    ($($f:ident = $name:literal),*) => {
        $(fn $f(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
            let a = exact_args(vm, $name, args, kw, 1)?;
            let t = me(vm, &a[0])?;
            let b = buffer(vm, t);
            let k = intern(vm.token(), $name);
            vm.getattr(&b, &k)
        })*
    };
}

buffer_attr!(closed = "closed", name = "name");

fn encoding(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "encoding", args, kw, 1)?;
    let t = me(vm, &a[0])?;
    Ok(new_str(&t.encoding.borrow(vm.token()).clone()))
}

fn errors(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "errors", args, kw, 1)?;
    let t = me(vm, &a[0])?;
    Ok(new_str(&t.errors.borrow(vm.token()).clone()))
}

fn buffer_get(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "buffer", args, kw, 1)?;
    let t = me(vm, &a[0])?;
    Ok(buffer(vm, t))
}

fn mode_get(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "mode", args, kw, 1)?;
    let t = me(vm, &a[0])?;
    let m = t.mode.borrow(vm.token()).clone();
    if m.is_none() {
        return Err(PyErr::new(
            vm::ExcKind::AttributeError,
            "'_io.TextIOWrapper' object has no attribute 'mode'",
        ));
    }
    Ok(m)
}

/// `wrapper.mode = m`: in CPython `mode` is a plain instance attribute that
/// `open()` sets (and `tokenize.open` overwrites).
fn mode_set(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "mode", args, kw, 2)?;
    let t = me(vm, &a[0])?;
    *t.mode.borrow_mut(vm.token()) = a[1].clone();
    Ok(Value::None)
}

fn line_buffering(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "line_buffering", args, kw, 1)?;
    Ok(Value::Bool(me(vm, &a[0])?.line_buffering.get()))
}

fn write_through(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "write_through", args, kw, 1)?;
    Ok(Value::Bool(me(vm, &a[0])?.write_through.get()))
}

fn newlines(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "newlines", args, kw, 1)?;
    Ok(Value::None)
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = me(vm, v)?;
    let mut s = String::from("<_io.TextIOWrapper");
    let b = buffer(vm, t);
    let k = intern(vm.token(), "name");
    if let Ok(n) = vm.getattr(&b, &k) {
        let r = vm.repr(&n)?;
        s.push_str(&format!(" name={}", vm.str_text(&r)?));
    }
    let m = t.mode.borrow(vm.token()).clone();
    if !m.is_none() {
        let r = vm.repr(&m)?;
        s.push_str(&format!(" mode={}", vm.str_text(&r)?));
    }
    s.push_str(&format!(" encoding='{}'>", t.encoding.borrow(vm.token())));
    Ok(new_str(&s))
}

/// Checks a `newline` argument; `Ok(None)` is universal newlines.
fn newline_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let Some(s) = v.downcast::<StrObj>() else {
                return Err(PyErr::type_error(format!(
                    "TextIOWrapper() argument 'newline' must be str or None, not {}",
                    tname(vm, v)
                )));
            };
            let s = s.text().to_string_lossy().into_owned();
            if !matches!(s.as_str(), "" | "\n" | "\r" | "\r\n") {
                return Err(PyErr::value_error(format!("illegal newline value: {s}")));
            }
            Ok(Some(s))
        }
    }
}

/// The settings a `TextIOWrapper` is made with.
pub(crate) struct TextOptions {
    /// `encoding` (already resolved: `None` became the locale's).
    pub encoding: String,
    /// `errors`.
    pub errors: String,
    /// `newline` (`None`: universal newlines).
    pub newline: Option<String>,
    /// `line_buffering`.
    pub line_buffering: bool,
    /// `write_through`.
    pub write_through: bool,
}

/// A new `TextIOWrapper` of class `cls` over `buffer`.
pub(crate) fn wrap(vm: &mut Vm, cls: &ObjRef, buffer: Value, o: TextOptions) -> PyResult<Value> {
    super::check_encoding(vm, &o.encoding)?;
    Ok(Value::Obj(ObjRef::new(
        cls,
        TextIO {
            buffer: PyCell::new(buffer),
            mode: PyCell::new(Value::None),
            encoding: PyCell::new(o.encoding),
            errors: PyCell::new(o.errors),
            newline: PyCell::new(o.newline),
            line_buffering: Cell::new(o.line_buffering),
            write_through: Cell::new(o.write_through),
            detached: Cell::new(false),
            pending: PyCell::new(Vec::new()),
            decoded: PyCell::new(Text::new()),
            decoded_raw: Cell::new(0),
            eof: Cell::new(false),
            wpending: PyCell::new(Vec::new()),
            wrote: Cell::new(false),
            telling: Cell::new(true),
            wide_be: Cell::new(None),
            line_bom: Cell::new(0),
        },
    )))
}

/// Sets the `mode` a wrapper made by `open()` reports.
pub(crate) fn set_mode(vm: &mut Vm, v: &Value, mode: &str) {
    if let Some(t) = v.downcast::<TextIO>() {
        *t.mode.borrow_mut(vm.token()) = new_str(mode);
    }
}

fn str_opt(vm: &mut Vm, v: Option<Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(crate::util::str_arg(
            vm,
            &format!("TextIOWrapper() argument '{what}'"),
            &v,
        )?)),
    }
}

fn new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    // A subclass with its own `__init__` is made empty; that `__init__`
    // initialises it through `super().__init__(buffer, ...)`.
    let builtin = cls
        .downcast::<vm::types::TypeObject>()
        .is_some_and(|t| t.module(vm.token()) == "_io");
    if args.is_empty() && !builtin {
        let o = TextOptions {
            encoding: super::resolve_encoding(None),
            errors: "strict".to_owned(),
            newline: None,
            line_buffering: false,
            write_through: false,
        };
        return wrap(vm, cls, Value::None, o);
    }
    let (b, o) = init_args(vm, args, kw)?;
    wrap(vm, cls, b, o)
}

/// `TextIOWrapper.__init__(buffer, encoding=None, errors=None, newline=None,
/// line_buffering=False, write_through=False)`: (re)initialises the wrapper.
fn init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some((me_v, rest)) = args.split_first() else {
        return Err(PyErr::type_error("__init__() needs an argument"));
    };
    let (b, o) = init_args(vm, rest, kw)?;
    super::check_encoding(vm, &o.encoding)?;
    let Some(t) = me_v.downcast::<TextIO>() else {
        return Err(PyErr::type_error(format!(
            "descriptor '__init__' requires a '_io.TextIOWrapper' object but received a '{}'",
            tname(vm, me_v)
        )));
    };
    *t.buffer.borrow_mut(vm.token()) = b;
    *t.encoding.borrow_mut(vm.token()) = o.encoding;
    *t.errors.borrow_mut(vm.token()) = o.errors;
    *t.newline.borrow_mut(vm.token()) = o.newline;
    t.line_buffering.set(o.line_buffering);
    t.write_through.set(o.write_through);
    t.detached.set(false);
    t.pending.borrow_mut(vm.token()).clear();
    *t.decoded.borrow_mut(vm.token()) = Text::new();
    t.decoded_raw.set(0);
    t.eof.set(false);
    t.wpending.borrow_mut(vm.token()).clear();
    t.wrote.set(false);
    t.telling.set(true);
    t.wide_be.set(None);
    Ok(Value::None)
}

/// The buffer and options of the constructor and `__init__`.
fn init_args(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<(Value, TextOptions)> {
    let (pos, [b, e, er, nl, lb, wt]) = ArgSpec::parse(
        vm,
        "TextIOWrapper",
        args,
        kw,
        [
            "buffer",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
    )?;
    let Some(b) = b.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(
            "TextIOWrapper() missing required argument 'buffer' (pos 1)",
        ));
    };
    let encoding = str_opt(vm, e.or_else(|| pos.get(1).cloned()), "encoding")?;
    let errors = str_opt(vm, er.or_else(|| pos.get(2).cloned()), "errors")?;
    let newline = newline_arg(vm, nl.or_else(|| pos.get(3).cloned()).as_ref())?;
    let line_buffering = match lb.or_else(|| pos.get(4).cloned()) {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    let write_through = match wt.or_else(|| pos.get(5).cloned()) {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    let o = TextOptions {
        encoding: super::resolve_encoding(encoding),
        errors: errors.unwrap_or_else(|| "strict".to_owned()),
        newline,
        line_buffering,
        write_through,
    };
    Ok((b, o))
}

fn reconfigure(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [e, er, nl, lb, wt]) = ArgSpec::parse(
        vm,
        "reconfigure",
        args,
        kw,
        [
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
    )?;
    if pos.len() != 1 {
        return Err(PyErr::type_error(
            "reconfigure() takes no positional arguments",
        ));
    }
    let t = me(vm, &pos[0])?;
    flush_writes(vm, t)?;
    let enc = str_opt(vm, e, "encoding")?;
    if let Some(enc) = enc {
        let enc = super::resolve_encoding(Some(enc));
        super::check_encoding(vm, &enc)?;
        *t.encoding.borrow_mut(vm.token()) = enc;
        if er.is_none() {
            *t.errors.borrow_mut(vm.token()) = "strict".to_owned();
        }
    }
    if let Some(er) = str_opt(vm, er, "errors")? {
        *t.errors.borrow_mut(vm.token()) = er;
    }
    if let Some(nl) = nl {
        let nl = newline_arg(vm, Some(&nl))?;
        *t.newline.borrow_mut(vm.token()) = nl;
    }
    if let Some(v) = lb {
        if !v.is_none() {
            t.line_buffering.set(vm.is_true(&v)?);
        }
    }
    if let Some(v) = wt {
        if !v.is_none() {
            t.write_through.set(vm.is_true(&v)?);
        }
    }
    Ok(Value::None)
}

/// Creates `TextIOWrapper` as a subclass of `base` (`_TextIOBase`).
pub(crate) fn create_type(vm: &mut Vm, base: &ObjRef) -> ObjRef {
    let t = vm::types::new_native_type(vm.token(), "TextIOWrapper", TextIO::LAYOUT, Some(base));
    if let Some(tp) = t.downcast::<vm::types::TypeObject>() {
        tp.set_module(vm.token(), "_io");
        tp.slots.repr.set(Some(repr));
        tp.slots.iternext.set(Some(next_slot));
    }
    let methods: [(&'static str, NativeFn); 16] = [
        ("read", read),
        ("readline", readline),
        ("write", write),
        ("flush", flush),
        ("close", close),
        ("tell", tell),
        ("seek", seek),
        ("truncate", truncate),
        ("detach", detach),
        ("fileno", fileno),
        ("isatty", isatty),
        ("readable", readable),
        ("writable", writable),
        ("seekable", seekable),
        ("reconfigure", reconfigure),
        ("__next__", next_method),
    ];
    for (n, f) in methods {
        vm::calls::add_method(vm.token(), &t, n, f);
    }
    for (n, g) in [
        ("closed", closed as NativeFn),
        ("name", name),
        ("encoding", encoding),
        ("errors", errors),
        ("buffer", buffer_get),
        ("line_buffering", line_buffering),
        ("write_through", write_through),
        ("newlines", newlines),
    ] {
        super::iobase::add_property(vm, &t, n, g);
    }
    super::iobase::add_property_rw(vm, &t, "mode", mode_get, Some(mode_set));
    vm::class::register_ctor(&t, new, true);
    vm::calls::add_method(vm.token(), &t, "__init__", init);
    t
}

fn next_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__next__", args, kw, 1)?;
    next_slot(vm, &a[0])?.ok_or_else(|| PyErr::bare(vm::ExcKind::StopIteration))
}
