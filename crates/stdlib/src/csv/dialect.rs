//! `_csv.Dialect` (CPython's `dialect_new` in `Modules/_csv.c`): the
//! validated, read-only formatting parameters of readers and writers, built
//! from a registered name, another dialect (any object with the attributes)
//! and keyword overrides.

use vm::builtins::str::{intern, new_str, StrObj};
use vm::object::{Payload, PayloadKind};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::clinic::Signature;
use crate::util::tname;

/// `QUOTE_MINIMAL`: quote fields holding special characters.
pub const QUOTE_MINIMAL: i64 = 0;
/// `QUOTE_ALL`: quote every field.
pub const QUOTE_ALL: i64 = 1;
/// `QUOTE_NONNUMERIC`: quote non-numbers; the reader makes unquoted fields floats.
pub const QUOTE_NONNUMERIC: i64 = 2;
/// `QUOTE_NONE`: never quote; escape instead.
pub const QUOTE_NONE: i64 = 3;

/// The payload of `_csv.Dialect`. `None` characters are CPython's `NOT_SET`.
pub struct Dialect {
    /// `delimiter`.
    pub delimiter: char,
    /// `quotechar` (`None`: no quoting character).
    pub quotechar: Option<char>,
    /// `escapechar`.
    pub escapechar: Option<char>,
    /// `lineterminator` (the writer's record end).
    pub lineterminator: String,
    /// `doublequote`: a quote inside a quoted field is written twice.
    pub doublequote: bool,
    /// `quoting`, one of the `QUOTE_*` constants.
    pub quoting: i64,
    /// `skipinitialspace`: spaces after a delimiter are ignored.
    pub skipinitialspace: bool,
    /// `strict`: bad input raises `Error`.
    pub strict: bool,
}

impl Payload for Dialect {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

/// The parameter names, in `Dialect(...)`'s positional order.
const ATTRS: [&str; 9] = [
    "dialect",
    "delimiter",
    "doublequote",
    "escapechar",
    "lineterminator",
    "quotechar",
    "quoting",
    "skipinitialspace",
    "strict",
];

/// A one-character `str` parameter (CPython's `_set_char` / `_set_char_or_none`).
fn char_param(vm: &mut Vm, name: &str, v: &Value, allow_none: bool) -> PyResult<Option<char>> {
    if allow_none && v.is_none() {
        return Ok(None);
    }
    let Some(s) = v.downcast::<StrObj>() else {
        let or_none = if allow_none { " or None" } else { "" };
        return Err(PyErr::type_error(format!(
            "\"{name}\" must be string{or_none}, not {}",
            tname(vm, v)
        )));
    };
    let text = s.text().to_string_lossy();
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(Some(c)),
        _ => Err(PyErr::type_error(format!(
            "\"{name}\" must be a 1-character string"
        ))),
    }
}

/// Builds a dialect from `Dialect(...)`'s bound parameters (CPython's
/// `dialect_new` after argument parsing).
fn build(vm: &mut Vm, mut p: Vec<Option<Value>>) -> PyResult<Dialect> {
    let base = p[0].take().filter(|d| !d.is_none());
    let base = match base {
        Some(d) if d.downcast::<StrObj>().is_some() => Some(super::lookup_dialect(vm, &d)?),
        other => other,
    };
    if let Some(b) = &base {
        for (i, name) in ATTRS.iter().enumerate().skip(1) {
            if p[i].is_none() {
                let key = intern(vm.token(), name);
                match vm.getattr(b, &key) {
                    Ok(v) => p[i] = Some(v),
                    Err(e) if e.is_kind(ExcKind::AttributeError) => {}
                    Err(e) => return Err(e),
                }
            }
        }
    }
    let delimiter = match &p[1] {
        None => Some(','),
        Some(v) => char_param(vm, "delimiter", v, false)?,
    };
    let doublequote = match &p[2] {
        None => true,
        Some(v) => vm.is_true(v)?,
    };
    let escapechar = match &p[3] {
        None => None,
        Some(v) => char_param(vm, "escapechar", v, true)?,
    };
    let lineterminator = match &p[4] {
        None => Some("\r\n".to_owned()),
        Some(v) if v.is_none() => None,
        Some(v) => match v.downcast::<StrObj>() {
            Some(s) => Some(s.text().to_string_lossy().into_owned()),
            None => return Err(PyErr::type_error("\"lineterminator\" must be a string")),
        },
    };
    let quotechar = match &p[5] {
        None => Some('"'),
        Some(v) => char_param(vm, "quotechar", v, true)?,
    };
    let quoting_given = p[6].is_some();
    let mut quoting = match &p[6] {
        None => QUOTE_MINIMAL,
        Some(v) => match v.as_int() {
            Some(vm::value::IntRef::Small(i)) => i,
            Some(vm::value::IntRef::Big(_)) => -1,
            None => return Err(PyErr::type_error("\"quoting\" must be an integer")),
        },
    };
    let skipinitialspace = match &p[7] {
        None => false,
        Some(v) => vm.is_true(v)?,
    };
    let strict = match &p[8] {
        None => false,
        Some(v) => vm.is_true(v)?,
    };
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting) {
        return Err(PyErr::type_error("bad \"quoting\" value"));
    }
    let Some(delimiter) = delimiter else {
        return Err(PyErr::type_error(
            "\"delimiter\" must be a 1-character string",
        ));
    };
    if quotechar.is_none() && !quoting_given {
        quoting = QUOTE_NONE;
    }
    if quoting != QUOTE_NONE && quotechar.is_none() {
        return Err(PyErr::type_error(
            "quotechar must be set if quoting enabled",
        ));
    }
    let Some(lineterminator) = lineterminator else {
        return Err(PyErr::type_error("lineterminator must be set"));
    };
    Ok(Dialect {
        delimiter,
        quotechar,
        escapechar,
        lineterminator,
        doublequote,
        quoting,
        skipinitialspace,
        strict,
    })
}

/// `_csv.Dialect(dialect=None, delimiter=..., ...)`: an existing exact
/// `Dialect` given alone is returned as is.
pub fn dialect_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    const SIG: Signature = Signature {
        name: "Dialect",
        params: &ATTRS,
        posonly: 0,
        kwonly: 9,
        required: 0,
    };
    let p = SIG.bind(vm, args, kw).map_err(|e| {
        if e.msg.contains("is an invalid keyword argument") {
            let key = e.msg.split('\'').nth(1).unwrap_or("").to_owned();
            PyErr::type_error(format!(
                "'{key}' is an invalid keyword argument for this function"
            ))
        } else if e.msg.starts_with("argument for Dialect()") {
            PyErr::type_error(e.msg.replace("Dialect()", "function"))
        } else {
            e
        }
    })?;
    if let Some(d) = &p[0] {
        let alone = p[1..].iter().all(Option::is_none);
        if alone
            && d.downcast::<Dialect>().is_some()
            && d.type_ref().is(cls)
            && cls.is(&super::dialect_type()?)
        {
            return Ok(d.clone());
        }
    }
    let d = build(vm, p)?;
    Ok(Value::Obj(ObjRef::new(cls, d)))
}

/// `Dialect(dialect, **kwargs)` for `reader()`/`writer()`/`register_dialect()`
/// (CPython's `_call_dialect`).
pub fn call_dialect(
    vm: &mut Vm,
    dialect: Option<&Value>,
    kwargs: &[(String, Value)],
) -> PyResult<ObjRef> {
    let cls = super::dialect_type()?;
    let mut p: Vec<Option<Value>> = vec![None; ATTRS.len()];
    p[0] = dialect.cloned();
    for (k, v) in kwargs {
        match ATTRS.iter().position(|a| a == k) {
            Some(0) if p[0].is_some() => {
                return Err(PyErr::type_error(
                    "argument for function given by name ('dialect') and position (1)",
                ))
            }
            Some(i) => p[i] = Some(v.clone()),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for this function"
                )))
            }
        }
    }
    if let Some(d) = &p[0] {
        let alone = p[1..].iter().all(Option::is_none);
        if alone && d.downcast::<Dialect>().is_some() && d.type_ref().is(&cls) {
            if let Value::Obj(o) = d {
                return Ok(o.clone());
            }
        }
    }
    let d = build(vm, p)?;
    Ok(ObjRef::new(&cls, d))
}

fn me(v: &Value) -> PyResult<&Dialect> {
    v.downcast::<Dialect>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_csv.Dialect' object"))
}

fn char_value(c: Option<char>) -> Value {
    match c {
        Some(c) => new_str(&c.to_string()),
        None => Value::None,
    }
}

macro_rules! getter {
    ($fname:ident, |$d:ident| $body:expr) => {
        fn $fname(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
            let $d = me(args.first().unwrap_or(&Value::None))?;
            Ok($body)
        }
    };
}

getter!(get_delimiter, |d| new_str(&d.delimiter.to_string()));
getter!(get_quotechar, |d| char_value(d.quotechar));
getter!(get_escapechar, |d| char_value(d.escapechar));
getter!(get_lineterminator, |d| new_str(&d.lineterminator));
getter!(get_doublequote, |d| Value::Bool(d.doublequote));
getter!(get_quoting, |d| Value::Int(d.quoting));
getter!(get_skipinitialspace, |d| Value::Bool(d.skipinitialspace));
getter!(get_strict, |d| Value::Bool(d.strict));

/// Creates `_csv.Dialect` with its read-only attributes.
pub fn create_type(vm: &mut Vm) -> ObjRef {
    let t = vm::types::new_native_type(vm.token(), "Dialect", Dialect::LAYOUT, None);
    if let Some(tp) = t.downcast::<vm::types::TypeObject>() {
        tp.set_module(vm.token(), "_csv");
    }
    let getters: [(&'static str, vm::calls::NativeFn); 8] = [
        ("delimiter", get_delimiter),
        ("quotechar", get_quotechar),
        ("escapechar", get_escapechar),
        ("lineterminator", get_lineterminator),
        ("doublequote", get_doublequote),
        ("quoting", get_quoting),
        ("skipinitialspace", get_skipinitialspace),
        ("strict", get_strict),
    ];
    for (n, f) in getters {
        crate::io::add_property(vm, &t, n, f);
    }
    vm::class::register_ctor(&t, dialect_new, false);
    t
}
