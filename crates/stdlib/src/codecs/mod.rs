//! The `_codecs` module (CPython's `Modules/_codecsmodule.c` and
//! `Python/codecs.c`): the codec registry (`register`, `unregister`,
//! `lookup` with its cache and name normalization), `encode`/`decode`
//! through it, the error-handler registry (`register_error`,
//! `lookup_error` with the built-in handlers), and the codec functions the
//! `encodings` package calls (`codecs_impl.rs`).

mod codecs_impl;

pub(crate) use codecs_impl::builtin_codec;

use std::cell::RefCell;

use common::text::Text;
use vm::builtins::str::{intern, new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::{exact_args, new_native_function, ArgSpec, NativeFn};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

/// The registry's state (CPython's `interp->codec_search_path`,
/// `codec_search_cache` and `codec_error_registry`).
#[derive(Default)]
struct Registry {
    search: Vec<Value>,
    cache: Vec<(String, Value)>,
    errors: Vec<(String, Value)>,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

/// The built-in error handlers, by name: the `codecs` names of the
/// functions `lookup_error` returns.
const BUILTIN_ERRORS: [(&str, &str); 7] = [
    ("strict", "strict_errors"),
    ("ignore", "ignore_errors"),
    ("replace", "replace_errors"),
    ("xmlcharrefreplace", "xmlcharrefreplace_errors"),
    ("backslashreplace", "backslashreplace_errors"),
    ("namereplace", "namereplace_errors"),
    ("surrogateescape", "surrogateescape"),
];

/// Whether `v`'s type has a call slot (`callable(v)`).
fn is_callable(v: &Value) -> bool {
    v.type_ref()
        .downcast::<vm::types::TypeObject>()
        .and_then(|t| t.slots.call.get())
        .is_some()
}

/// CPython's `normalizestring`: lower case, spaces to hyphens.
fn normalize(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

fn text_of(vm: &mut Vm, v: &Value, what: &str) -> PyResult<String> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s.text().to_string_lossy().into_owned()),
        None => Err(PyErr::type_error(format!(
            "{what} must be str, not {}",
            tname(vm, v)
        ))),
    }
}

fn register(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "register", args, kw, 1)?;
    if !is_callable(&a[0]) {
        return Err(PyErr::type_error("argument must be callable"));
    }
    REGISTRY.with(|r| r.borrow_mut().search.push(a[0].clone()));
    Ok(Value::None)
}

fn unregister(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "unregister", args, kw, 1)?;
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(i) = r.search.iter().position(|f| f.is(&a[0])) {
            r.search.remove(i);
            r.cache.clear();
        }
    });
    Ok(Value::None)
}

/// `codecs.lookup(encoding)`: the cached `CodecInfo`, or the first search
/// function's non-`None` answer (a 4-tuple or more), else `LookupError`.
pub(crate) fn lookup_codec(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    let key = normalize(encoding);
    let hit = REGISTRY.with(|r| {
        r.borrow()
            .cache
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    });
    if let Some(v) = hit {
        return Ok(v);
    }
    let needs_encodings = REGISTRY.with(|r| r.borrow().search.is_empty());
    if needs_encodings {
        vm.import_module("encodings")?;
    }
    let funcs = REGISTRY.with(|r| r.borrow().search.clone());
    for f in funcs {
        let r = vm.call(&f, &[new_str(&key)], None)?;
        if r.is_none() {
            continue;
        }
        let ok = r
            .downcast::<Tuple>()
            .is_some_and(|t| t.items(vm.token()).len() == 4);
        if !ok {
            return Err(PyErr::type_error(
                "codec search functions must return 4-tuples",
            ));
        }
        REGISTRY.with(|reg| reg.borrow_mut().cache.push((key.clone(), r.clone())));
        return Ok(r);
    }
    Err(PyErr::new(
        ExcKind::LookupError,
        format!("unknown encoding: {encoding}"),
    ))
}

fn lookup(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "lookup", args, kw, 1)?;
    let enc = text_of(vm, &a[0], "lookup() argument")?;
    lookup_codec(vm, &enc)
}

fn forget_codec(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_forget_codec", args, kw, 1)?;
    let enc = normalize(&text_of(vm, &a[0], "_forget_codec() argument")?);
    REGISTRY.with(|r| r.borrow_mut().cache.retain(|(k, _)| *k != enc));
    Ok(Value::None)
}

/// `codecs.encode`/`decode`: item 0 (encoder) or 1 (decoder) of the codec.
fn code(
    vm: &mut Vm,
    name: &str,
    which: usize,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (pos, [o, e, er]) = ArgSpec::parse(vm, name, args, kw, ["obj", "encoding", "errors"])?;
    let Some(obj) = o.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(format!(
            "{name}() missing required argument 'obj' (pos 1)"
        )));
    };
    let enc = match e.or_else(|| pos.get(1).cloned()) {
        Some(v) => text_of(vm, &v, &format!("{name}() argument 'encoding'"))?,
        None => "utf-8".to_owned(),
    };
    let errors = match er.or_else(|| pos.get(2).cloned()) {
        Some(v) => text_of(vm, &v, &format!("{name}() argument 'errors'"))?,
        None => "strict".to_owned(),
    };
    let r = match codecs_impl::builtin_codec(&enc, which == 0) {
        // A whole input: the stateful decoders get `final=True`, as
        // `encodings.utf_16.decode` & co. pass it.
        Some(func) if which == 1 => func(vm, &[obj, new_str(&errors), Value::Bool(true)], None)?,
        Some(func) => func(vm, &[obj, new_str(&errors)], None)?,
        None => {
            let info = lookup_codec(vm, &enc)?;
            let f = vm.getitem(&info, &Value::Int(which as i64))?;
            vm.call(&f, &[obj, new_str(&errors)], None)?
        }
    };
    match r.downcast::<Tuple>() {
        Some(t) if t.items(vm.token()).len() == 2 => Ok(t.items(vm.token())[0].clone()),
        _ => Err(PyErr::type_error(if which == 0 {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object,integer)"
        })),
    }
}

fn encode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    code(vm, "encode", 0, args, kw)
}

fn decode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    code(vm, "decode", 1, args, kw)
}

fn register_error(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "register_error", args, kw, 2)?;
    let name = text_of(vm, &a[0], "register_error() argument 1")?;
    if !is_callable(&a[1]) {
        return Err(PyErr::type_error("handler must be callable"));
    }
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        r.errors.retain(|(k, _)| *k != name);
        r.errors.push((name, a[1].clone()));
    });
    Ok(Value::None)
}

fn lookup_error(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "lookup_error", args, kw, 1)?;
    let name = text_of(vm, &a[0], "lookup_error() argument")?;
    let hit = REGISTRY.with(|r| {
        r.borrow()
            .errors
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.clone())
    });
    if let Some(h) = hit {
        return Ok(h);
    }
    if let Some((_, fname)) = BUILTIN_ERRORS.iter().find(|(n, _)| *n == name) {
        let m = vm.import_module("_codecs")?;
        let k = intern(vm.token(), &format!("_{fname}"));
        return vm.getattr(&m, &k);
    }
    if name == "surrogatepass" {
        let m = vm.import_module("_codecs")?;
        let k = intern(vm.token(), "_surrogatepass");
        return vm.getattr(&m, &k);
    }
    Err(PyErr::new(
        ExcKind::LookupError,
        format!("unknown error handler name '{name}'"),
    ))
}

/// The `start`/`end`/`object` of a `UnicodeError` passed to a handler.
fn exc_range(vm: &mut Vm, exc: &Value) -> PyResult<(i64, i64, Value)> {
    let get = |vm: &mut Vm, n: &str| -> PyResult<Value> {
        let k = intern(vm.token(), n);
        vm.getattr(exc, &k)
    };
    let start = get(vm, "start")?;
    let end = get(vm, "end")?;
    let obj = get(vm, "object")?;
    Ok((vm.index_i64(&start)?, vm.index_i64(&end)?, obj))
}

fn handler_result(text: Text, end: i64) -> Value {
    Value::Obj(Tuple::alloc(vec![
        Value::Obj(StrObj::alloc_text(text)),
        Value::Int(end),
    ]))
}

fn is_kind(vm: &mut Vm, exc: &Value, kind: ExcKind) -> PyResult<bool> {
    let cls = Value::Obj(vm::exceptions::exc_class(kind));
    vm::class::isinstance(vm, exc, &cls)
}

fn wrong_exc(vm: &mut Vm, exc: &Value) -> PyErr {
    PyErr::type_error(format!(
        "don't know how to handle {} in error callback",
        tname(vm, exc)
    ))
}

fn strict_errors(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "strict_errors", args, kw, 1)?;
    match &a[0] {
        Value::Obj(o) if is_kind(vm, &a[0], ExcKind::BaseException)? => {
            Err(vm.err_from_object(o.clone()))
        }
        _ => Err(PyErr::type_error("codec must pass exception instance")),
    }
}

fn ignore_errors(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "ignore_errors", args, kw, 1)?;
    if !is_kind(vm, &a[0], ExcKind::UnicodeError)? {
        return Err(wrong_exc(vm, &a[0]));
    }
    let (_, end, _) = exc_range(vm, &a[0])?;
    Ok(handler_result(Text::new(), end))
}

/// The code points `object[start:end]` of an encode error's string.
fn error_chars(vm: &mut Vm, obj: &Value, start: i64, end: i64) -> Vec<u32> {
    obj.downcast::<StrObj>()
        .map(|s| {
            s.text()
                .code_points()
                .skip(usize::try_from(start).unwrap_or(0))
                .take(usize::try_from(end - start).unwrap_or(0))
                .collect()
        })
        .unwrap_or_else(|| {
            let _ = vm;
            Vec::new()
        })
}

fn error_bytes(vm: &mut Vm, obj: &Value, start: i64, end: i64) -> Vec<u8> {
    let b = vm::methods::bytes::bytes_of(vm.token(), obj).unwrap_or_default();
    let s = usize::try_from(start).unwrap_or(0).min(b.len());
    let e = usize::try_from(end).unwrap_or(0).clamp(s, b.len());
    b[s..e].to_vec()
}

fn replace_errors(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "replace_errors", args, kw, 1)?;
    let (start, end, obj) = exc_range(vm, &a[0])?;
    let mut t = Text::new();
    if is_kind(vm, &a[0], ExcKind::UnicodeEncodeError)? {
        for _ in start..end {
            t.push_char('?');
        }
    } else if is_kind(vm, &a[0], ExcKind::UnicodeDecodeError)? {
        t.push_char('\u{fffd}');
    } else if is_kind(vm, &a[0], ExcKind::UnicodeTranslateError)? {
        for _ in start..end {
            t.push_char('\u{fffd}');
        }
    } else {
        return Err(wrong_exc(vm, &a[0]));
    }
    let _ = obj;
    Ok(handler_result(t, end))
}

fn backslashreplace_errors(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "backslashreplace_errors", args, kw, 1)?;
    let (start, end, obj) = exc_range(vm, &a[0])?;
    let mut t = Text::new();
    if is_kind(vm, &a[0], ExcKind::UnicodeDecodeError)? {
        for b in error_bytes(vm, &obj, start, end) {
            t.push_str(&format!("\\x{b:02x}"));
        }
    } else if is_kind(vm, &a[0], ExcKind::UnicodeError)? {
        for c in error_chars(vm, &obj, start, end) {
            t.push_str(&codecs_impl::escape_cp(c));
        }
    } else {
        return Err(wrong_exc(vm, &a[0]));
    }
    Ok(handler_result(t, end))
}

fn xmlcharrefreplace_errors(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "xmlcharrefreplace_errors", args, kw, 1)?;
    if !is_kind(vm, &a[0], ExcKind::UnicodeEncodeError)? {
        return Err(wrong_exc(vm, &a[0]));
    }
    let (start, end, obj) = exc_range(vm, &a[0])?;
    let mut t = Text::new();
    for c in error_chars(vm, &obj, start, end) {
        t.push_str(&format!("&#{c};"));
    }
    Ok(handler_result(t, end))
}

fn namereplace_errors(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "namereplace_errors", args, kw, 1)?;
    if !is_kind(vm, &a[0], ExcKind::UnicodeEncodeError)? {
        return Err(wrong_exc(vm, &a[0]));
    }
    let (start, end, obj) = exc_range(vm, &a[0])?;
    let mut t = Text::new();
    for c in error_chars(vm, &obj, start, end) {
        let name = char::from_u32(c).and_then(unicode_names2::name);
        match name {
            Some(n) => t.push_str(&format!("\\N{{{n}}}")),
            None => t.push_str(&codecs_impl::escape_cp(c)),
        }
    }
    Ok(handler_result(t, end))
}

fn surrogateescape_errors(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "surrogateescape", args, kw, 1)?;
    let (start, end, obj) = exc_range(vm, &a[0])?;
    if is_kind(vm, &a[0], ExcKind::UnicodeDecodeError)? {
        let mut t = Text::new();
        for b in error_bytes(vm, &obj, start, end) {
            if b < 128 {
                return Err(vm.err_from_object(exc_obj(&a[0])?));
            }
            t.push_code_point(0xdc00 + u32::from(b));
        }
        return Ok(handler_result(t, end));
    }
    if is_kind(vm, &a[0], ExcKind::UnicodeEncodeError)? {
        let mut out = Vec::new();
        for c in error_chars(vm, &obj, start, end) {
            if !(0xdc80..=0xdcff).contains(&c) {
                return Err(vm.err_from_object(exc_obj(&a[0])?));
            }
            out.push((c - 0xdc00) as u8);
        }
        return Ok(Value::Obj(Tuple::alloc(vec![
            vm::methods::bytes::new_bytes(out, false),
            Value::Int(end),
        ])));
    }
    Err(wrong_exc(vm, &a[0]))
}

fn surrogatepass_errors(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "surrogatepass", args, kw, 1)?;
    Err(vm.err_from_object(exc_obj(&a[0])?))
}

fn exc_obj(v: &Value) -> PyResult<ObjRef> {
    match v {
        Value::Obj(o) => Ok(o.clone()),
        _ => Err(PyErr::type_error("codec must pass exception instance")),
    }
}

/// Creates the `_codecs` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("register", register),
        ("unregister", unregister),
        ("lookup", lookup),
        ("_forget_codec", forget_codec),
        ("encode", encode),
        ("decode", decode),
        ("register_error", register_error),
        ("lookup_error", lookup_error),
        ("_strict_errors", strict_errors),
        ("_ignore_errors", ignore_errors),
        ("_replace_errors", replace_errors),
        ("_backslashreplace_errors", backslashreplace_errors),
        ("_xmlcharrefreplace_errors", xmlcharrefreplace_errors),
        ("_namereplace_errors", namereplace_errors),
        ("_surrogateescape", surrogateescape_errors),
        ("_surrogatepass", surrogatepass_errors),
    ];
    let m = new_module(vm, "_codecs", funcs);
    for (name, f) in codecs_impl::FUNCTIONS {
        set_attr(vm, &m, name, Value::Obj(new_native_function(name, *f)));
    }
    Ok(m)
}
