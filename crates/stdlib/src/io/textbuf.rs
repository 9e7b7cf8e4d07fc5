//! `_io.StringIO` (CPython's `Modules/_io/stringio.c`): an in-memory text
//! stream of code points with `read`/`readline`/`write`/`seek`/`tell`/
//! `truncate`/`getvalue`.

use std::cell::Cell;

use vm::builtins::list::List;
use vm::builtins::str::{intern, new_str, StrObj};
use vm::calls::{add_method, arg_range, exact_args, ArgSpec, NativeFn};
use vm::class::register_ctor;
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::types::{new_native_type, TypeObject};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::tname;

/// Where a text file's buffer is written back.
struct Backing {
    path: String,
    name: Value,
    mode: String,
    readable: bool,
    writable: bool,
    dirty: bool,
}

/// The payload of `StringIO` and of text files from `open()`.
pub struct TextBuf {
    /// `newline` as given to `StringIO` (`None`: universal newlines,
    /// translated on write); files from `open()` keep `"\n"`.
    newline: PyCell<Option<String>>,
    buf: PyCell<Vec<char>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
    file: PyCell<Option<Backing>>,
}

impl Payload for TextBuf {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        if let Some(b) = self.file.borrow(token) {
            visit(&b.name);
        }
    }
}

fn new_buf(cls: &ObjRef, text: &str, file: Option<Backing>) -> Value {
    Value::Obj(ObjRef::new(
        cls,
        TextBuf {
            newline: PyCell::new(Some("\n".to_owned())),
            buf: PyCell::new(text.chars().collect()),
            pos: Cell::new(0),
            closed: Cell::new(false),
            file: PyCell::new(file),
        },
    ))
}

fn me<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a TextBuf> {
    let Some(t) = v.downcast::<TextBuf>() else {
        return Err(PyErr::type_error(format!(
            "descriptor requires a '_io.StringIO' object but received a '{}'",
            tname(vm, v)
        )));
    };
    if t.closed.get() {
        let is_file = t.file.borrow(vm.token()).is_some();
        return Err(PyErr::value_error(if is_file {
            "I/O operation on closed file."
        } else {
            "I/O operation on closed file"
        }));
    }
    Ok(t)
}

fn check_readable(vm: &mut Vm, t: &TextBuf) -> PyResult<()> {
    if t.file
        .borrow(vm.token())
        .as_ref()
        .is_some_and(|f| !f.readable)
    {
        return Err(PyErr::new(ExcKind::OSError, "not readable"));
    }
    Ok(())
}

fn check_writable(vm: &mut Vm, t: &TextBuf) -> PyResult<()> {
    if t.file
        .borrow(vm.token())
        .as_ref()
        .is_some_and(|f| !f.writable)
    {
        return Err(PyErr::new(ExcKind::OSError, "not writable"));
    }
    Ok(())
}

fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = vm.index_i64(v)?;
            Ok(usize::try_from(n).ok())
        }
    }
}

fn read(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "read", args, kw, 1, 2)?;
    let t = me(vm, &a[0])?;
    check_readable(vm, t)?;
    let size = size_arg(vm, a.get(1))?;
    let buf = t.buf.borrow(vm.token());
    let start = t.pos.get().min(buf.len());
    let end = size.map_or(buf.len(), |n| start.saturating_add(n).min(buf.len()));
    let s: String = buf[start..end].iter().collect();
    t.pos.set(end.max(t.pos.get()));
    Ok(new_str(&s))
}

/// Where the line starting at `start` ends (just past its line end, or
/// `max`): at `\n`, `\r` or `\r\n` for universal newlines (`None`/`""`),
/// else at the `newline` sequence.
fn line_end(buf: &[char], start: usize, max: usize, newline: Option<&str>) -> usize {
    let nl: Vec<char> = match newline {
        None | Some("") => {
            let mut end = start;
            while end < max {
                let c = buf[end];
                end += 1;
                if c == '\n' {
                    break;
                }
                if c == '\r' {
                    if end < max && buf[end] == '\n' {
                        end += 1;
                    }
                    break;
                }
            }
            return end;
        }
        Some(nl) => nl.chars().collect(),
    };
    let mut end = start;
    while end < max {
        end += 1;
        if end - start >= nl.len() && buf[end - nl.len()..end] == nl[..] {
            break;
        }
    }
    end
}

/// `text` as a `StringIO` with `newline` stores it (CPython's `write_str`):
/// `None` turns `\r\n` and `\r` into `\n`; `"\r"` and `"\r\n"` replace `\n`.
fn translate_newlines(text: &str, newline: Option<&str>) -> String {
    match newline {
        None => text.replace("\r\n", "\n").replace('\r', "\n"),
        Some(nl) if nl.starts_with('\r') => text.replace('\n', nl),
        Some(_) => text.to_owned(),
    }
}

/// The next line from the position (with its line end), at most `limit` chars.
fn next_line(vm: &mut Vm, t: &TextBuf, limit: Option<usize>) -> String {
    let newline = t.newline.borrow(vm.token()).clone();
    let buf = t.buf.borrow(vm.token());
    let start = t.pos.get().min(buf.len());
    let max = limit.map_or(buf.len(), |n| start.saturating_add(n).min(buf.len()));
    let end = line_end(buf, start, max, newline.as_deref());
    let s: String = buf[start..end].iter().collect();
    t.pos.set(end.max(t.pos.get()));
    s
}

fn readline(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "readline", args, kw, 1, 2)?;
    let t = me(vm, &a[0])?;
    check_readable(vm, t)?;
    let limit = size_arg(vm, a.get(1))?;
    Ok(new_str(&next_line(vm, t, limit)))
}

fn readlines(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "readlines", args, kw, 1, 2)?;
    let t = me(vm, &a[0])?;
    check_readable(vm, t)?;
    let mut out = Vec::new();
    loop {
        let l = next_line(vm, t, None);
        if l.is_empty() {
            break;
        }
        out.push(new_str(&l));
    }
    Ok(Value::Obj(List::alloc(out)))
}

/// Positions past the end that a write may pad with NULs (CPython would try
/// and raise `MemoryError` far beyond this).
const MAX_PAD: usize = 1 << 28;

fn write_text(vm: &mut Vm, t: &TextBuf, s: &str) -> PyResult<usize> {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let append = t
        .file
        .borrow(vm.token())
        .as_ref()
        .is_some_and(|f| f.mode.contains('a'));
    let buf = t.buf.borrow_mut(vm.token());
    let mut pos = if append { buf.len() } else { t.pos.get() };
    if pos > buf.len().saturating_add(MAX_PAD) {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    if pos > buf.len() {
        buf.resize(pos, '\0');
    }
    for c in chars {
        if pos < buf.len() {
            buf[pos] = c;
        } else {
            buf.push(c);
        }
        pos += 1;
    }
    t.pos.set(pos);
    if let Some(f) = t.file.borrow_mut(vm.token()).as_mut() {
        f.dirty = true;
    }
    Ok(n)
}

fn write(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "write", args, kw, 2)?;
    let t = me(vm, &a[0])?;
    check_writable(vm, t)?;
    let Some(s) = a[1].downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "string argument expected, got '{}'",
            tname(vm, &a[1])
        )));
    };
    let text = s.text().to_string_lossy().into_owned();
    let n = text.chars().count();
    if n == 0 {
        // Nothing written: no padding up to a position past the end.
        return Ok(Value::Int(0));
    }
    let newline = t.newline.borrow(vm.token()).clone();
    let stored = translate_newlines(&text, newline.as_deref());
    write_text(vm, t, &stored)?;
    Ok(Value::Int(n as i64))
}

fn writelines(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "writelines", args, kw, 2)?;
    let it = vm.iter(&a[1])?;
    let w = intern(vm.token(), "write");
    let f = vm.getattr(&a[0], &w)?;
    while let Some(line) = vm.next(&it)? {
        vm.call(&f, &[line], None)?;
    }
    Ok(Value::None)
}

fn getvalue(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getvalue", args, kw, 1)?;
    let t = me(vm, &a[0])?;
    let s: String = t.buf.borrow(vm.token()).iter().collect();
    Ok(new_str(&s))
}

fn seek(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "seek", args, kw, 2, 3)?;
    let t = me(vm, &a[0])?;
    let pos = vm.index_i64(&a[1])?;
    let whence = match a.get(2) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    let len = t.buf.borrow(vm.token()).len();
    let new = match whence {
        0 => {
            if pos < 0 {
                return Err(PyErr::value_error(format!("Negative seek position {pos}")));
            }
            pos as usize
        }
        1 | 2 if pos != 0 => {
            return Err(PyErr::new(
                ExcKind::OSError,
                "Can't do nonzero cur-relative seeks",
            ))
        }
        1 => t.pos.get(),
        2 => len,
        _ => {
            return Err(PyErr::value_error(format!(
                "Invalid whence ({whence}, should be 0, 1 or 2)"
            )))
        }
    };
    t.pos.set(new);
    Ok(Value::Int(new as i64))
}

fn tell(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "tell", args, kw, 1)?;
    let t = me(vm, &a[0])?;
    Ok(Value::Int(t.pos.get() as i64))
}

fn truncate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "truncate", args, kw, 1, 2)?;
    let t = me(vm, &a[0])?;
    check_writable(vm, t)?;
    let size = size_arg(vm, a.get(1))?.unwrap_or(t.pos.get());
    t.buf.borrow_mut(vm.token()).truncate(size);
    if let Some(f) = t.file.borrow_mut(vm.token()).as_mut() {
        f.dirty = true;
    }
    Ok(Value::Int(size as i64))
}

/// Writes a dirty file buffer back to its file.
fn flush_buf(vm: &mut Vm, t: &TextBuf) -> PyResult<()> {
    let (path, dirty) = match t.file.borrow(vm.token()).as_ref() {
        Some(f) => (f.path.clone(), f.dirty),
        None => return Ok(()),
    };
    if !dirty {
        return Ok(());
    }
    let text: String = t.buf.borrow(vm.token()).iter().collect();
    std::fs::write(&path, text.as_bytes())
        .map_err(|e| crate::posix::os_error(vm, &e, Some(&path), None))?;
    if let Some(f) = t.file.borrow_mut(vm.token()).as_mut() {
        f.dirty = false;
    }
    Ok(())
}

fn flush(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "flush", args, kw, 1)?;
    let t = me(vm, &a[0])?;
    flush_buf(vm, t)?;
    Ok(Value::None)
}

fn close(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "close", args, kw, 1)?;
    let Some(t) = a[0].downcast::<TextBuf>() else {
        return Err(PyErr::type_error("close() needs a text buffer"));
    };
    if !t.closed.get() {
        flush_buf(vm, t)?;
        t.closed.set(true);
    }
    Ok(Value::None)
}

fn closed(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "closed", args, kw, 1)?;
    Ok(Value::Bool(
        a[0].downcast::<TextBuf>().is_some_and(|t| t.closed.get()),
    ))
}

fn yes(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "readable", args, kw, 1)?;
    me(vm, &a[0])?;
    Ok(Value::Bool(true))
}

fn enter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__enter__", args, kw, 1)?;
    me(vm, &a[0])?;
    Ok(a[0].clone())
}

fn exit(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(first) = args.first() else {
        return Err(PyErr::type_error("__exit__ needs self"));
    };
    close(vm, std::slice::from_ref(first), kw)?;
    Ok(Value::None)
}

fn iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let t = me(vm, v)?;
    check_readable(vm, t)?;
    let l = next_line(vm, t, None);
    Ok((!l.is_empty()).then(|| new_str(&l)))
}

fn method_next(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__next__", args, kw, 1)?;
    iter_next(vm, &a[0])?.ok_or_else(|| PyErr::bare(ExcKind::StopIteration))
}

fn self_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    me(vm, v)?;
    Ok(v.clone())
}

fn method_iter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__iter__", args, kw, 1)?;
    self_iter(vm, &a[0])
}

fn stringio_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (init, newline) = stringio_initial(vm, args, kw)?;
    let b = new_buf(cls, &translate_newlines(&init, newline.as_deref()), None);
    if let Some(t) = b.downcast::<TextBuf>() {
        *t.newline.borrow_mut(vm.token()) = newline;
    }
    Ok(b)
}

/// `StringIO.__init__(initial_value='', newline='\n')`: the contents
/// replaced, the position back at 0 (a subclass's `super().__init__`).
fn stringio_init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some((me_v, rest)) = args.split_first() else {
        return Err(PyErr::type_error("__init__() needs an argument"));
    };
    let (init, newline) = stringio_initial(vm, rest, kw)?;
    let init = translate_newlines(&init, newline.as_deref());
    let Some(t) = me_v.downcast::<TextBuf>() else {
        return Err(PyErr::type_error(format!(
            "descriptor '__init__' requires a '_io.StringIO' object but received a '{}'",
            tname(vm, me_v)
        )));
    };
    *t.buf.borrow_mut(vm.token()) = init.chars().collect();
    *t.newline.borrow_mut(vm.token()) = newline;
    t.pos.set(0);
    t.closed.set(false);
    Ok(Value::None)
}

/// The `initial_value` and `newline` of `StringIO(...)` (`newline`
/// defaults to `"\n"`; `None` means universal newlines).
fn stringio_initial(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<(String, Option<String>)> {
    let (pos, [iv, nl]) = ArgSpec::parse(vm, "StringIO", args, kw, ["initial_value", "newline"])?;
    let newline = match nl.or_else(|| pos.get(1).cloned()) {
        None => Some("\n".to_owned()),
        Some(Value::None) => None,
        Some(v) => {
            let Some(s) = v.downcast::<StrObj>() else {
                return Err(PyErr::type_error(format!(
                    "newline must be str or None, not {}",
                    tname(vm, &v)
                )));
            };
            let text = s.text().to_string_lossy().into_owned();
            if !matches!(text.as_str(), "" | "\n" | "\r" | "\r\n") {
                let r = vm.repr(&v)?;
                let shown = r
                    .downcast::<StrObj>()
                    .map(|s| s.text().to_string_lossy().into_owned())
                    .unwrap_or_default();
                return Err(PyErr::value_error(format!(
                    "illegal newline value: {shown}"
                )));
            }
            Some(text)
        }
    };
    let init = match iv.or_else(|| pos.first().cloned()) {
        None | Some(Value::None) => String::new(),
        Some(v) => match v.downcast::<StrObj>() {
            Some(s) => s.text().to_string_lossy().into_owned(),
            None => {
                return Err(PyErr::type_error(format!(
                    "initial_value must be str or None, not {}",
                    tname(vm, &v)
                )))
            }
        },
    };
    Ok((init, newline))
}

fn text_type(vm: &mut Vm, name: &str, base: &ObjRef) -> ObjRef {
    let t = new_native_type(vm.token(), name, TextBuf::LAYOUT, Some(base));
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "_io");
        tp.slots.iter.set(Some(self_iter));
        tp.slots.iternext.set(Some(iter_next));
    }
    let methods: [(&'static str, NativeFn); 19] = [
        ("read", read),
        ("readline", readline),
        ("readlines", readlines),
        ("write", write),
        ("writelines", writelines),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("flush", flush),
        ("close", close),
        ("readable", yes),
        ("writable", yes),
        ("seekable", yes),
        ("__enter__", enter),
        ("__exit__", exit),
        ("__next__", method_next),
        ("__iter__", method_iter),
        ("getvalue", getvalue),
        ("isatty", isatty),
    ];
    for (n, f) in methods {
        if n == "getvalue" && name != "StringIO" {
            continue;
        }
        add_method(vm.token(), &t, n, f);
    }
    super::iobase::add_property(vm, &t, "closed", closed);
    t
}

fn isatty(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "isatty", args, kw, 1)?;
    me(vm, &a[0])?;
    Ok(Value::Bool(false))
}

/// Creates `StringIO` as a subclass of `base` (`_TextIOBase`).
pub(crate) fn create_stringio(vm: &mut Vm, base: &ObjRef) -> ObjRef {
    let sio = text_type(vm, "StringIO", base);
    register_ctor(&sio, stringio_new, true);
    vm::calls::add_method(vm.token(), &sio, "__init__", stringio_init);
    sio
}
