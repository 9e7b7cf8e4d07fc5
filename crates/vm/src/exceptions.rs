//! Exceptions as objects (CPython's `Objects/exceptions.c`): the payload every
//! exception instance carries (`args`, `__cause__`, `__context__`,
//! `__suppress_context__`, `__traceback__`, a `__dict__`), the builtin class
//! hierarchy, traceback objects (`Python/traceback.c`), and turning a lazy
//! [`PyErr`] into an object.

use crate::builtins::dict::Dict;
use crate::builtins::str::{new_str, StrObj};
use crate::builtins::tuple::Tuple;
use crate::error::{ExcKind, PyErr, PyResult, EXC_TABLE};
use crate::object::{ObjRef, Payload, PayloadKind, PyCell, Token};
use crate::types::{builtin_types, is_subtype, new_native_type, type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of every exception instance (`BaseException` and subclasses).
pub struct ExceptionObj {
    /// `args` (a tuple).
    pub args: PyCell<Value>,
    /// `__cause__` (`None` or an exception).
    pub cause: PyCell<Value>,
    /// `__context__`.
    pub context: PyCell<Value>,
    /// `__suppress_context__`.
    pub suppress_context: PyCell<bool>,
    /// `__traceback__` (`None` or a traceback object).
    pub traceback: PyCell<Value>,
    /// `__dict__`, created on first store.
    pub dict: PyCell<Option<ObjRef>>,
    /// It left an eval loop for native code (or was thrown into a frame by
    /// `throw()`) and no frame has received it yet: it was chained where it
    /// was raised, so the receiving frame only propagates it (see `unwind`).
    pub(crate) propagated: std::cell::Cell<bool>,
}

impl Payload for ExceptionObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    // Already has a `__dict__`: subclass instances need no extra part.
    const SUBCLASS: fn() -> &'static crate::object::Layout = crate::object::same_layout::<Self>;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(self.args.borrow(token));
        visit(self.cause.borrow(token));
        visit(self.context.borrow(token));
        visit(self.traceback.borrow(token));
        if let Some(d) = self.dict.borrow(token) {
            visit(&Value::Obj(d.clone()));
        }
    }

    fn clear(&self, token: &mut Token) {
        let a = std::mem::take(self.args.borrow_mut(token));
        let b = std::mem::take(self.cause.borrow_mut(token));
        let c = std::mem::take(self.context.borrow_mut(token));
        let d = std::mem::take(self.traceback.borrow_mut(token));
        let e = self.dict.borrow_mut(token).take();
        drop((a, b, c, d, e));
    }
}

impl ExceptionObj {
    /// A new exception of class `cls` (a subclass of `BaseException`) with `args`.
    pub fn alloc(cls: &ObjRef, args: Vec<Value>) -> ObjRef {
        ObjRef::new(
            cls,
            ExceptionObj {
                args: PyCell::new(Value::Obj(Tuple::alloc(args))),
                cause: PyCell::new(Value::None),
                context: PyCell::new(Value::None),
                suppress_context: PyCell::new(false),
                traceback: PyCell::new(Value::None),
                dict: PyCell::new(None),
                propagated: std::cell::Cell::new(false),
            },
        )
    }

    /// The instance `__dict__`, created if needed.
    pub fn dict(&self, token: &mut Token) -> ObjRef {
        let slot = self.dict.borrow_mut(token);
        if let Some(d) = slot {
            return d.clone();
        }
        let d = ObjRef::new(&builtin_types().dict, Dict::new());
        *slot = Some(d.clone());
        d
    }

    /// The items of `args`.
    pub fn args_vec(&self, token: &Token) -> Vec<Value> {
        self.args
            .borrow(token)
            .downcast::<Tuple>()
            .map_or_else(Vec::new, |t| t.items(token).to_vec())
    }
}

/// The payload of a `traceback` object: one frame's entry, linked to the next
/// (inner) one.
pub struct TracebackObj {
    /// `tb_next`.
    pub next: Option<ObjRef>,
    /// The code object of the frame (stands in for `tb_frame` for now).
    pub code: ObjRef,
    /// `tb_lasti` as a code-unit index.
    pub lasti: usize,
    /// `tb_frame`.
    pub frame: Option<ObjRef>,
}

impl Payload for TracebackObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        if let Some(n) = &self.next {
            visit(&Value::Obj(n.clone()));
        }
        visit(&Value::Obj(self.code.clone()));
        if let Some(f) = &self.frame {
            visit(&Value::Obj(f.clone()));
        }
    }
}

/// The builtin exception classes, indexed by [`ExcKind`].
pub struct ExcTypes {
    classes: Vec<ObjRef>,
}

impl ExcTypes {
    /// Creates the hierarchy (with slots) once per thread.
    pub fn create(token: &mut Token) -> ExcTypes {
        let mut classes: Vec<ObjRef> = Vec::with_capacity(EXC_TABLE.len());
        for (kind, name, base) in EXC_TABLE {
            let base_ref = if *kind == ExcKind::BaseException {
                None
            } else {
                classes.get(*base as usize).cloned()
            };
            let t = new_native_type(token, name, ExceptionObj::LAYOUT, base_ref.as_ref());
            if *kind == ExcKind::BaseException {
                if let Some(tp) = t.downcast::<TypeObject>() {
                    tp.slots.repr.set(Some(exc_repr));
                    tp.slots.str_.set(Some(exc_str));
                    tp.slots.getattro.set(Some(exc_getattro));
                    tp.slots.setattro.set(Some(exc_setattro));
                }
            }
            if *kind == ExcKind::OSError {
                if let Some(tp) = t.downcast::<TypeObject>() {
                    tp.slots.str_.set(Some(os_error_str_slot));
                }
            }
            if *kind == ExcKind::KeyError {
                if let Some(tp) = t.downcast::<TypeObject>() {
                    tp.slots.str_.set(Some(key_error_str));
                }
            }
            if matches!(
                kind,
                ExcKind::UnicodeDecodeError
                    | ExcKind::UnicodeEncodeError
                    | ExcKind::UnicodeTranslateError
            ) {
                if let Some(tp) = t.downcast::<TypeObject>() {
                    tp.slots
                        .str_
                        .set(Some(crate::unicode_error::unicode_error_str));
                }
            }
            classes.push(t);
        }
        ExcTypes { classes }
    }

    /// The class of `kind`.
    pub fn get(&self, kind: ExcKind) -> &ObjRef {
        &self.classes[kind as usize]
    }

    /// Every class with its name (for the `builtins` module).
    pub fn all(&self) -> impl Iterator<Item = (&'static str, &ObjRef)> {
        EXC_TABLE
            .iter()
            .map(|(_, n, _)| *n)
            .zip(self.classes.iter())
    }

    /// The nearest builtin kind of exception class `cls`.
    pub fn kind_of(&self, token: &Token, cls: &ObjRef) -> ExcKind {
        let mro = cls
            .downcast::<TypeObject>()
            .map(|t| t.mro(token))
            .unwrap_or_else(|| std::rc::Rc::from(Vec::new()));
        for m in mro.iter() {
            if let Some(i) = self.classes.iter().position(|c| c.is(m)) {
                return EXC_TABLE[i].0;
            }
        }
        ExcKind::Exception
    }
}

/// The class of builtin exception `kind`.
pub fn exc_class(kind: ExcKind) -> ObjRef {
    crate::rt_types::rt().exc.get(kind).clone()
}

/// Whether `v` is an exception instance.
pub fn is_exception(v: &Value) -> bool {
    v.downcast::<ExceptionObj>().is_some()
}

/// Whether `cls` is a subclass of `BaseException`.
pub fn is_exception_class(token: &Token, cls: &Value) -> bool {
    match cls.as_obj() {
        Some(c) if c.downcast::<TypeObject>().is_some() => {
            is_subtype(token, c, &exc_class(ExcKind::BaseException))
        }
        _ => false,
    }
}

impl Vm {
    /// The exception object of `err`, creating it if it was lazy (CPython's
    /// `PyErr_NormalizeException`); the object is stored back in `err`.
    pub fn exc_object(&mut self, err: &mut PyErr) -> ObjRef {
        if let Some(e) = &err.exc {
            return e.clone();
        }
        let args = match (&err.arg, err.msg.is_empty()) {
            (Some(a), _) => vec![a.clone()],
            (None, true) => vec![],
            (None, false) => vec![new_str(&err.msg)],
        };
        let e = ExceptionObj::alloc(&exc_class(err.kind), args);
        err.exc = Some(e.clone());
        e
    }

    /// A `PyErr` for an exception object raised by Python code.
    pub fn err_from_object(&mut self, exc: ObjRef) -> PyErr {
        let cls = exc.type_ref();
        let kind = crate::rt_types::rt().exc.kind_of(self.token(), &cls);
        PyErr::from_object(kind, exc)
    }

    /// Whether `err` is an instance of `cls` (a class or tuple of classes), as
    /// `except cls:` tests (CPython's `PyErr_GivenExceptionMatches`).
    pub fn err_matches(&mut self, err: &mut PyErr, cls: &Value) -> PyResult<bool> {
        let exc = self.exc_object(err);
        let et = exc.type_ref();
        self.class_matches(&et, cls)
    }

    /// Whether class `et` matches `cls` (a class or a tuple of classes).
    pub fn class_matches(&mut self, et: &ObjRef, cls: &Value) -> PyResult<bool> {
        if let Some(t) = cls.downcast::<Tuple>() {
            let items = t.items(self.token()).to_vec();
            for c in &items {
                if self.class_matches(et, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        match cls.as_obj() {
            Some(c) => Ok(is_subtype(self.token(), et, c)),
            None => Ok(false),
        }
    }

    /// Prepends a traceback entry for a frame running `code` at unit `lasti`
    /// (CPython's `PyTraceBack_Here`).
    pub fn add_traceback(
        &mut self,
        err: &mut PyErr,
        code: &ObjRef,
        lasti: usize,
        frame: Option<ObjRef>,
    ) {
        if code
            .downcast::<crate::code::CodeObj>()
            .is_some_and(|c| c.hidden_from_tracebacks.get())
        {
            return;
        }
        let exc = self.exc_object(err);
        let Some(e) = exc.downcast::<ExceptionObj>() else {
            return;
        };
        let old = std::mem::take(e.traceback.borrow_mut(self.token()));
        let tb = ObjRef::new(
            &crate::rt_types::rt().traceback,
            TracebackObj {
                next: old.as_obj().cloned(),
                code: code.clone(),
                lasti,
                frame,
            },
        );
        *e.traceback.borrow_mut(self.token()) = Value::Obj(tb);
    }
}

/// `str(exc)` text of an exception object (CPython's `BaseException.__str__`,
/// through the class's `str` slot).
pub fn exc_str_text(vm: &mut Vm, exc: &Value) -> String {
    match vm.str(exc) {
        Ok(s) => s
            .downcast::<StrObj>()
            .map(|s| s.text().to_string_lossy().into_owned())
            .unwrap_or_default(),
        Err(_) => "<exception str() failed>".to_owned(),
    }
}

fn exc_payload(v: &Value) -> PyResult<&ExceptionObj> {
    v.downcast::<ExceptionObj>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'BaseException' object"))
}

/// `BaseException.__str__`: `''`, `str(args[0])`, or `str(args)`.
fn exc_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let args = exc_payload(v)?.args_vec(vm.token());
    match args.as_slice() {
        [] => Ok(new_str("")),
        [a] => vm.str(a),
        _ => vm.str(&Value::Obj(Tuple::alloc(args))),
    }
}

/// `OSError.__str__` (see `os_error.rs`), else `BaseException.__str__`.
fn os_error_str_slot(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match crate::os_error::os_error_str(vm, v)? {
        Some(s) => Ok(s),
        None => exc_str(vm, v),
    }
}

/// `KeyError.__str__`: the repr of a single argument.
fn key_error_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let args = exc_payload(v)?.args_vec(vm.token());
    match args.as_slice() {
        [a] => vm.repr(a),
        _ => exc_str(vm, v),
    }
}

/// `BaseException.__repr__`: `Name(args...)`.
fn exc_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let args = exc_payload(v)?.args_vec(vm.token());
    let t = v.type_ref();
    let name = type_name(vm.token(), &t);
    let inner = if args.len() == 1 {
        let r = vm.repr(&args[0])?;
        r.downcast::<StrObj>()
            .map(|s| s.text().to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        let r = vm.repr(&Value::Obj(Tuple::alloc(args.clone())))?;
        let s = r
            .downcast::<StrObj>()
            .map(|s| s.text().to_string_lossy().into_owned())
            .unwrap_or_default();
        // The tuple's repr minus its own parentheses only (the last item
        // may itself end with `)`).
        let s = s.strip_prefix('(').unwrap_or(&s);
        s.strip_suffix(')').unwrap_or(s).to_owned()
    };
    Ok(new_str(&format!("{name}({inner})")))
}

fn name_of(name: &ObjRef) -> &str {
    name.downcast::<StrObj>()
        .and_then(StrObj::as_str)
        .unwrap_or("")
}

/// Attribute lookup on exceptions: the builtin getset attributes, then generic.
fn exc_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    if let Some(e) = obj.downcast::<ExceptionObj>() {
        let t = vm.token();
        let v = match name_of(name) {
            "args" => Some(e.args.borrow(t).clone()),
            "__cause__" => Some(e.cause.borrow(t).clone()),
            "__context__" => Some(e.context.borrow(t).clone()),
            "__suppress_context__" => Some(Value::Bool(*e.suppress_context.borrow(t))),
            "__traceback__" => Some(e.traceback.borrow(t).clone()),
            _ => None,
        };
        if let Some(v) = v {
            return Ok(v);
        }
        if let Some(v) = derived_attr(vm, obj, e, name)? {
            return Ok(v);
        }
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}

/// `SystemExit.code` as `SystemExit.__init__` sets it: `None` without
/// arguments, the argument alone, else the arguments' tuple.
pub fn system_exit_code(vm: &mut Vm, obj: &Value) -> Value {
    let Some(e) = obj.downcast::<ExceptionObj>() else {
        return Value::None;
    };
    let args = e.args_vec(vm.token());
    match args.as_slice() {
        [] => Value::None,
        [one] => one.clone(),
        _ => e.args.borrow(vm.token()).clone(),
    }
}

/// The attributes CPython's exception `__init__`s compute from `args`
/// (`SystemExit.code`, `StopIteration.value`, `OSError.errno`/`strerror`/
/// `filename`/`filename2`), unless a store put one in the instance dict.
fn derived_attr(
    vm: &mut Vm,
    obj: &Value,
    e: &ExceptionObj,
    name: &ObjRef,
) -> PyResult<Option<Value>> {
    let n = name_of(name);
    if !matches!(
        n,
        "code"
            | "value"
            | "errno"
            | "strerror"
            | "filename"
            | "filename2"
            | "name"
            | "obj"
            | "path"
            | "msg"
            | "lineno"
            | "offset"
            | "text"
            | "end_lineno"
            | "end_offset"
            | "encoding"
            | "object"
            | "start"
            | "end"
            | "reason"
    ) {
        return Ok(None);
    }
    if let Some(d) = e.dict.borrow(vm.token()).clone() {
        if let Some(dd) = d.downcast::<crate::builtins::dict::Dict>() {
            let key = Value::Obj(name.clone());
            if let Some(v) = dd.get_str(vm.token(), &key) {
                return Ok(Some(v));
            }
        }
    }
    // A class attribute of that name (e.g. a property) wins, as CPython's
    // instance members are shadowed only by data descriptors.
    let t = obj.type_ref();
    let key = Value::Obj(name.clone());
    if t.downcast::<TypeObject>()
        .and_then(|tp| tp.lookup(vm.token(), &key))
        .is_some()
    {
        return Ok(None);
    }
    let args = e.args_vec(vm.token());
    let v = match n {
        "code" if is_kind_instance(vm, obj, ExcKind::SystemExit) => match args.len() {
            0 => Value::None,
            1 => args[0].clone(),
            _ => Value::Obj(Tuple::alloc(args)),
        },
        "value" if is_kind_instance(vm, obj, ExcKind::StopIteration) => {
            args.first().cloned().unwrap_or(Value::None)
        }
        "errno" | "strerror" | "filename" | "filename2"
            if is_kind_instance(vm, obj, ExcKind::OSError) =>
        {
            let idx = match n {
                "errno" => 0,
                "strerror" => 1,
                "filename" => 2,
                _ => 4,
            };
            if (2..=5).contains(&args.len()) {
                args.get(idx).cloned().unwrap_or(Value::None)
            } else {
                Value::None
            }
        }
        "name" | "obj"
            if is_kind_instance(vm, obj, ExcKind::AttributeError)
                || (n == "name" && is_kind_instance(vm, obj, ExcKind::NameError)) =>
        {
            Value::None
        }
        "name" | "path" if is_kind_instance(vm, obj, ExcKind::ImportError) => Value::None,
        "encoding" | "object" | "start" | "end" | "reason"
            if is_kind_instance(vm, obj, ExcKind::UnicodeError) =>
        {
            // `(encoding, object, start, end, reason)`; a translate error has
            // no encoding.
            let names: &[&str] = if args.len() == 4 {
                &["object", "start", "end", "reason"]
            } else {
                &["encoding", "object", "start", "end", "reason"]
            };
            match names.iter().position(|x| *x == n) {
                Some(i) if args.len() == names.len() => args[i].clone(),
                _ => Value::None,
            }
        }
        "msg" | "filename" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset"
            if is_kind_instance(vm, obj, ExcKind::SyntaxError) =>
        {
            // CPython's `SyntaxError_init`: `(msg, (filename, lineno, offset,
            // text[, end_lineno, end_offset]))`.
            if n == "msg" {
                args.first().cloned().unwrap_or(Value::None)
            } else {
                let details = match args.get(1) {
                    Some(d) if args.len() == 2 => vm.sequence_to_vec(d).unwrap_or_default(),
                    _ => Vec::new(),
                };
                let idx = match n {
                    "filename" => 0,
                    "lineno" => 1,
                    "offset" => 2,
                    "text" => 3,
                    "end_lineno" => 4,
                    _ => 5,
                };
                details.get(idx).cloned().unwrap_or(Value::None)
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(v))
}

fn is_kind_instance(vm: &mut Vm, obj: &Value, kind: ExcKind) -> bool {
    let t = obj.type_ref();
    is_subtype(vm.token(), &t, &exc_class(kind))
}

/// Attribute stores on exceptions: the builtin getset attributes, then generic.
pub(crate) fn exc_setattro(
    vm: &mut Vm,
    obj: &Value,
    name: &ObjRef,
    value: Option<Value>,
) -> PyResult<()> {
    if let (Some(e), Some(v)) = (obj.downcast::<ExceptionObj>(), &value) {
        match name_of(name) {
            "args" => {
                let items = vm.sequence_to_vec(v)?;
                *e.args.borrow_mut(vm.token()) = Value::Obj(Tuple::alloc(items));
                return Ok(());
            }
            "__cause__" => {
                if !v.is_none() && !is_exception(v) {
                    return Err(PyErr::type_error(
                        "exception cause must be None or derive from BaseException",
                    ));
                }
                *e.cause.borrow_mut(vm.token()) = v.clone();
                *e.suppress_context.borrow_mut(vm.token()) = true;
                return Ok(());
            }
            "__context__" => {
                *e.context.borrow_mut(vm.token()) = v.clone();
                return Ok(());
            }
            "__suppress_context__" => {
                let b = vm.is_true(v)?;
                *e.suppress_context.borrow_mut(vm.token()) = b;
                return Ok(());
            }
            "__traceback__" => {
                *e.traceback.borrow_mut(vm.token()) = v.clone();
                return Ok(());
            }
            _ => {}
        }
    }
    crate::builtins::object::generic_setattr(vm, obj, name, value)
}

/// `BaseException.__new__` + `__init__` for a call of an exception class with
/// positional `args` (keywords are rejected, as CPython's `BaseException` does).
pub fn new_exception(vm: &mut Vm, cls: &ObjRef, args: &[Value]) -> PyResult<Value> {
    if is_subtype(vm.token(), cls, &exc_class(ExcKind::OSError)) {
        return crate::os_error::new_os_error(vm, cls, args);
    }
    Ok(Value::Obj(ExceptionObj::alloc(cls, args.to_vec())))
}

/// The name CPython prints for an exception's class in a traceback: the
/// qualified name, prefixed by the module unless it is `builtins` or `__main__`.
pub fn display_class_name(vm: &mut Vm, cls: &ObjRef) -> String {
    let Some(t) = cls.downcast::<TypeObject>() else {
        return "?".to_owned();
    };
    let q = t.qualname(vm.token());
    let m = t.module(vm.token());
    if m == "builtins" || m == "__main__" {
        q
    } else {
        format!("{m}.{q}")
    }
}

/// Attributes of traceback objects: `tb_next`, `tb_lineno`, `tb_lasti`
/// (`tb_frame` needs frame objects, which don't exist yet).
pub fn traceback_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    if let Some(tb) = obj.downcast::<TracebackObj>() {
        match name.downcast::<StrObj>().and_then(StrObj::as_str) {
            Some("tb_next") => return Ok(tb.next.clone().map_or(Value::None, Value::Obj)),
            Some("tb_frame") => return Ok(tb.frame.clone().map_or(Value::None, Value::Obj)),
            Some("tb_lasti") => return Ok(Value::Int(tb.lasti as i64 * 2)),
            Some("tb_lineno") => {
                let line = tb
                    .code
                    .downcast::<crate::code::CodeObj>()
                    .and_then(|c| c.line_at(tb.lasti));
                return Ok(line.map_or(Value::None, |l| Value::Int(l as i64)));
            }
            _ => {}
        }
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}
