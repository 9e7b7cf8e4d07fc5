//! The `_io` module (CPython's `Modules/_io/`): the abstract bases
//! (`iobase.rs`), `FileIO` (`fileio.rs`), `BytesIO` (`bytesio.rs`), the
//! buffered classes (`buffered.rs`), `TextIOWrapper` (`textio.rs`),
//! `StringIO` (`textbuf.rs`), `IncrementalNewlineDecoder` (`newline.rs`),
//! and here `open()`, `open_code()`, `text_encoding()`,
//! `UnsupportedOperation` and `DEFAULT_BUFFER_SIZE`.

mod buffered;
pub(crate) mod bytesio;
mod fileio;
mod iobase;
pub(crate) use iobase::add_property;
mod newline;
mod stdio;
mod textbuf;
mod textio;

use std::cell::RefCell;

use common::text::Text;
use vm::builtins::str::{intern, new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::{arg_range, ArgSpec};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

/// `io.DEFAULT_BUFFER_SIZE`.
pub(crate) const DEFAULT_BUFFER_SIZE: i64 = 8192;

thread_local! {
    /// `_io.UnsupportedOperation`, once the module exists.
    static UNSUPPORTED: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

/// `UnsupportedOperation(msg)` (an `OSError` and a `ValueError`).
pub(crate) fn unsupported(msg: &str) -> PyErr {
    let cls = UNSUPPORTED.with(|u| u.borrow().clone());
    match cls {
        Some(c) => {
            let e = vm::exceptions::ExceptionObj::alloc(&c, vec![new_str(msg)]);
            PyErr::from_object(ExcKind::OSError, e)
        }
        None => PyErr::new(ExcKind::OSError, msg),
    }
}

/// The encoding `open()` uses when given none (the locale's, UTF-8 here).
pub(crate) fn resolve_encoding(e: Option<String>) -> String {
    match e {
        None => "UTF-8".to_owned(),
        Some(e) if e == "locale" => "UTF-8".to_owned(),
        Some(e) => e,
    }
}

/// `LookupError: unknown encoding: x` unless the codec exists.
pub(crate) fn check_encoding(vm: &mut Vm, enc: &str) -> PyResult<()> {
    codec_encode(vm, &Text::new(), enc, "strict").map(drop)
}

/// Decodes `raw` with the codec `enc`.
pub(crate) fn codec_decode(vm: &mut Vm, raw: &[u8], enc: &str, errors: &str) -> PyResult<Text> {
    match crate::codecs::builtin_codec(enc, false) {
        Some(f) => {
            let r = f(
                vm,
                &[
                    vm::methods::bytes::new_bytes(raw.to_vec(), false),
                    new_str(errors),
                    Value::Bool(true),
                ],
                None,
            )?;
            let first = vm.getitem(&r, &Value::Int(0))?;
            match first.downcast::<StrObj>() {
                Some(s) => Ok(s.text().clone()),
                None => Err(PyErr::type_error("decoder should return a string result")),
            }
        }
        None => vm::methods::bytes::decode(raw, enc, errors),
    }
}

/// Encodes `text` with the codec `enc`.
pub(crate) fn codec_encode(vm: &mut Vm, text: &Text, enc: &str, errors: &str) -> PyResult<Vec<u8>> {
    match crate::codecs::builtin_codec(enc, true) {
        Some(f) => {
            let s = Value::Obj(StrObj::alloc_text(text.clone()));
            let r = f(vm, &[s, new_str(errors)], None)?;
            let first = vm.getitem(&r, &Value::Int(0))?;
            vm::methods::bytes::bytes_of(vm.token(), &first)
                .ok_or_else(|| PyErr::type_error("encoder should return a bytes result"))
        }
        None => vm::methods::bytes::encode(text, enc, errors),
    }
}

/// The encoding for a write after the first: UTF-16/32 without a second BOM.
pub(crate) fn continued_encoding(enc: &str) -> Option<&'static str> {
    let n: String = enc
        .chars()
        .filter(|c| *c != '-' && *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    match n.as_str() {
        "utf16" => Some("utf-16-le"),
        "utf32" => Some("utf-32-le"),
        _ => None,
    }
}

fn io_type(vm: &mut Vm, name: &str) -> PyResult<ObjRef> {
    let m = vm.import_module("_io")?;
    let k = intern(vm.token(), name);
    match vm.getattr(&m, &k)? {
        Value::Obj(t) => Ok(t),
        _ => Err(PyErr::runtime_error(format!("_io.{name} is missing"))),
    }
}

fn opt_str(vm: &mut Vm, v: Option<Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.downcast::<StrObj>() {
            Some(s) => Ok(Some(s.text().to_string_lossy().into_owned())),
            None => Err(PyErr::type_error(format!(
                "open() argument '{what}' must be str or None, not {}",
                tname(vm, &v)
            ))),
        },
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`, as CPython's `_io.open`.
fn open(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let names = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ];
    let (pos, mut kws) = ArgSpec::parse(vm, "open", args, kw, names)?;
    if pos.len() > names.len() {
        return Err(PyErr::type_error(format!(
            "open() takes at most 8 arguments ({} given)",
            pos.len()
        )));
    }
    for (i, v) in pos.iter().enumerate() {
        if kws[i].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for open() given by name ('{}') and position ({})",
                names[i],
                i + 1
            )));
        }
        kws[i] = Some(v.clone());
    }
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] = kws;
    let Some(file) = file else {
        return Err(PyErr::type_error(
            "open() missing required argument 'file' (pos 1)",
        ));
    };
    let mode = match mode {
        Some(m) => match m.downcast::<StrObj>() {
            Some(s) => s.text().to_string_lossy().into_owned(),
            None => {
                return Err(PyErr::type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    tname(vm, &m)
                )))
            }
        },
        None => "r".to_owned(),
    };
    let buffering = match buffering {
        Some(b) => {
            if matches!(b, Value::Float(_)) {
                return Err(PyErr::type_error(
                    "'float' object cannot be interpreted as an integer",
                ));
            }
            vm.index_i64(&b)?
        }
        None => -1,
    };
    let encoding = opt_str(vm, encoding, "encoding")?;
    let errors = opt_str(vm, errors, "errors")?;
    let newline_v = newline.clone();
    let newline = opt_str(vm, newline, "newline")?;
    let closefd = match closefd {
        Some(v) => vm.is_true(&v)?,
        None => true,
    };
    let opener = opener.unwrap_or(Value::None);

    let mut seen = String::new();
    for c in mode.chars() {
        if !"axrwb+t".contains(c) || seen.contains(c) {
            return Err(PyErr::value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
    }
    let has = |c: char| mode.contains(c);
    let (creating, reading, writing, appending, updating) =
        (has('x'), has('r'), has('w'), has('a'), has('+'));
    let (text, binary) = (has('t'), has('b'));
    if text && binary {
        return Err(PyErr::value_error(
            "can't have text and binary mode at once",
        ));
    }
    if usize::from(creating) + usize::from(reading) + usize::from(writing) + usize::from(appending)
        > 1
    {
        return Err(PyErr::value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    if binary && encoding.is_some() {
        return Err(PyErr::value_error(
            "binary mode doesn't take an encoding argument",
        ));
    }
    if binary && errors.is_some() {
        return Err(PyErr::value_error(
            "binary mode doesn't take an errors argument",
        ));
    }
    if binary && newline.is_some() {
        return Err(PyErr::value_error(
            "binary mode doesn't take a newline argument",
        ));
    }
    if binary && buffering == 1 {
        let w = vm.import_module("warnings")?;
        let k = intern(vm.token(), "warn");
        let warn = vm.getattr(&w, &k)?;
        let cat = Value::Obj(vm::exceptions::exc_class(ExcKind::RuntimeWarning));
        let msg = new_str("line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used");
        vm.call(&warn, &[msg, cat], None)?;
    }
    if !binary {
        if let Some(enc) = &encoding {
            check_encoding(vm, &resolve_encoding(Some(enc.clone())))?;
        }
    }
    let newline = if binary {
        None
    } else {
        textio_newline(vm, newline_v.as_ref())?
    };
    let mut rawmode = String::new();
    for (on, c) in [
        (creating, 'x'),
        (reading, 'r'),
        (writing, 'w'),
        (appending, 'a'),
    ] {
        if on {
            rawmode.push(c);
        }
    }
    if updating {
        rawmode.push('+');
    }
    let fio = io_type(vm, "FileIO")?;
    let raw = fileio::open_raw(vm, &fio, &file, &rawmode, closefd, &opener).map_err(|e| {
        if e.kind == ExcKind::TypeError && e.msg.contains("should be string, bytes or os.PathLike")
        {
            let t = tname(vm, &file);
            PyErr::type_error(format!(
                "expected str, bytes or os.PathLike object, not {t}"
            ))
        } else {
            e
        }
    })?;
    let result = (|| -> PyResult<Value> {
        let mut line_buffering = false;
        let mut size = buffering;
        if buffering == 1 || buffering < 0 {
            let tty = vm.call_method(&raw, "isatty", &[])?;
            if buffering == 1 || vm.is_true(&tty)? {
                line_buffering = true;
            }
            size = DEFAULT_BUFFER_SIZE;
        }
        if size == 0 {
            if binary {
                return Ok(raw.clone());
            }
            return Err(PyErr::value_error("can't have unbuffered text I/O"));
        }
        let (cls, kind) = if updating {
            ("BufferedRandom", buffered::Kind::Random)
        } else if reading {
            ("BufferedReader", buffered::Kind::Reader)
        } else {
            ("BufferedWriter", buffered::Kind::Writer)
        };
        let bcls = io_type(vm, cls)?;
        let buffer = buffered::wrap(vm, &bcls, kind, raw.clone(), size)?;
        if binary {
            return Ok(buffer);
        }
        let tcls = io_type(vm, "TextIOWrapper")?;
        let o = textio::TextOptions {
            encoding: resolve_encoding(encoding.clone()),
            errors: errors.clone().unwrap_or_else(|| "strict".to_owned()),
            newline: newline.clone(),
            line_buffering,
            write_through: false,
        };
        let w = textio::wrap(vm, &tcls, buffer, o)?;
        textio::set_mode(vm, &w, &mode);
        Ok(w)
    })();
    if result.is_err() {
        let _ = vm.call_method(&raw, "close", &[]);
    }
    result
}

/// Checks `open()`'s `newline`; `Ok(None)` is universal newlines.
fn textio_newline(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let s = crate::util::str_arg(vm, "open() argument 'newline'", v)?;
            if !matches!(s.as_str(), "" | "\n" | "\r" | "\r\n") {
                return Err(PyErr::value_error(format!("illegal newline value: {s}")));
            }
            Ok(Some(s))
        }
    }
}

fn open_code(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [p]) = ArgSpec::parse(vm, "open_code", args, kw, ["path"])?;
    let Some(p) = p.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(
            "open_code() missing required argument 'path' (pos 1)",
        ));
    };
    if p.downcast::<StrObj>().is_none() {
        return Err(PyErr::type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            tname(vm, &p)
        )));
    }
    open(vm, &[p, new_str("rb")], None)
}

fn text_encoding(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "text_encoding", args, kw, 1, 2)?;
    if a[0].is_none() {
        return Ok(new_str("locale"));
    }
    Ok(a[0].clone())
}

/// Adds `open` to the `builtins` module (CPython's `io.open`, set at startup).
pub fn install_builtins(vm: &mut Vm) {
    let b = vm.builtins_module();
    {
        let f = vm::calls::new_native_function("open", open);
        set_attr(vm, &b, "open", Value::Obj(f));
        let f = vm::calls::new_native_function("input", stdio::input);
        set_attr(vm, &b, "input", Value::Obj(f));
    }
    vm.set_stdio_init(stdio::install_std_streams);
}

/// Creates the `_io` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = new_module(
        vm,
        "_io",
        &[
            ("open", open),
            ("open_code", open_code),
            ("text_encoding", text_encoding),
        ],
    );
    set_attr(
        vm,
        &m,
        "DEFAULT_BUFFER_SIZE",
        Value::Int(DEFAULT_BUFFER_SIZE),
    );
    let blocking = vm::exceptions::exc_class(ExcKind::BlockingIOError);
    set_attr(vm, &m, "BlockingIOError", Value::Obj(blocking));
    let bases = Value::Obj(Tuple::alloc(vec![
        Value::Obj(vm::exceptions::exc_class(ExcKind::OSError)),
        Value::Obj(vm::exceptions::exc_class(ExcKind::ValueError)),
    ]));
    let ns = Value::Obj(ObjRef::new(
        &vm::types::builtin_types().dict,
        vm::builtins::dict::Dict::new(),
    ));
    vm.setitem(&ns, &new_str("__module__"), Some(new_str("io")))?;
    let type_ = Value::Obj(vm::types::builtin_types().type_.clone());
    let uo = vm.call(&type_, &[new_str("UnsupportedOperation"), bases, ns], None)?;
    if let Value::Obj(o) = &uo {
        UNSUPPORTED.with(|u| *u.borrow_mut() = Some(o.clone()));
    }
    set_attr(vm, &m, "UnsupportedOperation", uo);
    let bases = iobase::create_bases(vm);
    let [iob, raw, buf, text] = <[ObjRef; 4]>::try_from(bases)
        .map_err(|_| PyErr::runtime_error("_io base types missing"))?;
    for (n, t) in [
        ("_IOBase", &iob),
        ("_RawIOBase", &raw),
        ("_BufferedIOBase", &buf),
        ("_TextIOBase", &text),
    ] {
        set_attr(vm, &m, n, Value::Obj(t.clone()));
    }
    let fio = fileio::create_type(vm, &raw);
    set_attr(vm, &m, "FileIO", Value::Obj(fio));
    let bio = bytesio::create_type(vm, &buf);
    set_attr(vm, &m, "BytesIO", Value::Obj(bio));
    for (n, t) in buffered::create_types(vm, &buf) {
        set_attr(vm, &m, n, Value::Obj(t));
    }
    let rwpair = buffered::create_rwpair(vm, &buf);
    set_attr(vm, &m, "BufferedRWPair", Value::Obj(rwpair));
    let tw = textio::create_type(vm, &text);
    set_attr(vm, &m, "TextIOWrapper", Value::Obj(tw));
    let sio = textbuf::create_stringio(vm, &text);
    set_attr(vm, &m, "StringIO", Value::Obj(sio));
    let nd = newline::create_type(vm);
    set_attr(vm, &m, "IncrementalNewlineDecoder", Value::Obj(nd));
    Ok(m)
}
