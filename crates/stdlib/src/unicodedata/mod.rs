//! `unicodedata` (CPython's `Modules/unicodedata.c`) for Unicode 14.0.0:
//! the character properties, decompositions, numeric values, names (Hangul
//! syllables and CJK ideographs computed, aliases accepted by `lookup`),
//! `normalize`/`is_normalized`, and `ucd_3_2_0`.
//!
//! `lookup` also knows the named sequences. `ucd_3_2_0` (a `UCD` object, what
//! IDNA's `stringprep` uses) answers with Unicode 3.2.0's properties: the
//! characters assigned since are unassigned there, and those whose properties
//! or decomposition changed have their old ones.

mod data;
mod normalize;

use common::text::Text;
use vm::builtins::str::{new_str, StrObj};
use vm::calls::{add_method, arg_range, exact_args, NativeFn};
use vm::object::{Payload, PayloadKind};
use vm::types::{new_native_type, TypeObject};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

/// The single character of a one-character `str` argument.
fn char_arg(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<u32> {
    let Some(s) = v.downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "{fname}() argument must be a unicode character, not {}",
            tname(vm, v)
        )));
    };
    let mut cps = s.text().code_points();
    match (cps.next(), cps.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(PyErr::type_error(format!(
            "{fname}() argument must be a unicode character, not str"
        ))),
    }
}

fn str_arg(vm: &mut Vm, fname: &str, n: usize, v: &Value) -> PyResult<Vec<u32>> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s.text().code_points().collect()),
        None => Err(PyErr::type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            tname(vm, v)
        ))),
    }
}

fn text_value(cps: &[u32]) -> Value {
    let mut t = Text::new();
    for &c in cps {
        t.push_code_point(c);
    }
    Value::Obj(StrObj::alloc_text(t))
}

/// The arguments after the receiver when called as a `UCD` method (`args[0]`
/// is the `UCD` object), or all of them as a module function.
fn rest(args: &[Value]) -> &[Value] {
    match args.first() {
        Some(v) if v.downcast::<Ucd>().is_some() => &args[1..],
        _ => args,
    }
}

/// Whether the call is a method of `ucd_3_2_0` (Unicode 3.2.0's data).
fn is_old(args: &[Value]) -> bool {
    args.first().is_some_and(|v| v.downcast::<Ucd>().is_some())
}

/// The properties of `c` in the version the call asks for.
fn record_for(c: u32, old: bool) -> data::Record {
    if old {
        match data::old(c) {
            // CPython's `digit` doesn't consult the 3.2.0 changes.
            data::Old::Unassigned => {
                return data::Record {
                    digit: data::record(c).digit,
                    ..data::unassigned_3_2()
                }
            }
            data::Old::Changed(r, _) => return r,
            data::Old::Same => {}
        }
    }
    data::record(c)
}

fn property(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
    f: fn(&data::Record) -> Value,
) -> PyResult<Value> {
    let a = exact_args(vm, name, rest(args), kw, 1)?;
    let c = char_arg(vm, name, &a[0])?;
    Ok(f(&record_for(c, is_old(args))))
}

fn category(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    property(vm, "category", args, kw, |r| new_str(r.category))
}

fn bidirectional(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    property(vm, "bidirectional", args, kw, |r| new_str(r.bidirectional))
}

fn combining(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    property(vm, "combining", args, kw, |r| {
        Value::Int(i64::from(r.combining))
    })
}

fn mirrored(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    property(vm, "mirrored", args, kw, |r| {
        Value::Int(i64::from(r.mirrored))
    })
}

fn east_asian_width(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    property(vm, "east_asian_width", args, kw, |r| {
        new_str(r.east_asian_width)
    })
}

fn decomposition(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "decomposition", rest(args), kw, 1)?;
    let c = char_arg(vm, "decomposition", &a[0])?;
    if is_old(args) {
        match data::old(c) {
            data::Old::Unassigned => return Ok(new_str("")),
            data::Old::Changed(_, d) => return Ok(new_str(d)),
            data::Old::Same => {}
        }
    }
    Ok(new_str(data::decomposition(c)))
}

/// `decimal`/`digit`/`numeric(chr[, default])`.
fn numeric_value(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
    get: fn(&data::Record) -> Option<Value>,
    missing: &str,
) -> PyResult<Value> {
    let a = arg_range(vm, name, rest(args), kw, 1, 2)?;
    let c = char_arg(vm, name, &a[0])?;
    match (get(&record_for(c, is_old(args))), a.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(PyErr::value_error(missing)),
    }
}

fn decimal(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    numeric_value(
        vm,
        "decimal",
        args,
        kw,
        |r| r.decimal.map(|d| Value::Int(i64::from(d))),
        "not a decimal",
    )
}

fn digit(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    numeric_value(
        vm,
        "digit",
        args,
        kw,
        |r| r.digit.map(|d| Value::Int(i64::from(d))),
        "not a digit",
    )
}

fn numeric(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    numeric_value(
        vm,
        "numeric",
        args,
        kw,
        |r| r.numeric.map(Value::Float),
        "not a numeric character",
    )
}

/// `name(chr[, default])`.
fn name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "name", rest(args), kw, 1, 2)?;
    let c = char_arg(vm, "name", &a[0])?;
    let unassigned = is_old(args) && matches!(data::old(c), data::Old::Unassigned);
    match (data::name(c).filter(|_| !unassigned), a.get(1)) {
        (Some(n), _) => Ok(new_str(&n)),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(PyErr::value_error("no such name")),
    }
}

/// `lookup(name)`.
fn lookup(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "lookup", rest(args), kw, 1)?;
    let Some(s) = a[0].downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "lookup() argument must be str, not {}",
            tname(vm, &a[0])
        )));
    };
    let text = s.text().to_string_lossy().into_owned();
    if text.len() > 256 {
        return Err(PyErr::new(ExcKind::KeyError, "name too long"));
    }
    let old = is_old(args);
    // Unicode 3.2.0 has neither aliases nor named sequences.
    let found = data::lookup(&text).filter(|&cp| {
        !old || (!matches!(data::old(cp), data::Old::Unassigned)
            && data::name(cp).is_some_and(|n| n.eq_ignore_ascii_case(&text)))
    });
    if let Some(cp) = found {
        return Ok(text_value(&[cp]));
    }
    match data::named_sequence(&text).filter(|_| !old) {
        Some(cps) => Ok(text_value(cps)),
        None => Err(PyErr::new(
            ExcKind::KeyError,
            format!("undefined character name '{text}'"),
        )),
    }
}

fn form_and_text(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<(normalize::Form, Vec<u32>)> {
    let a = exact_args(vm, fname, rest(args), kw, 2)?;
    let Some(f) = a[0].downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            tname(vm, &a[0])
        )));
    };
    let form = f.text().as_str().and_then(normalize::Form::parse);
    let s = str_arg(vm, fname, 2, &a[1])?;
    match form {
        Some(form) => Ok((form, s)),
        None => Err(PyErr::value_error("invalid normalization form")),
    }
}

/// `normalize(form, unistr)`.
fn normalize_fn(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (form, s) = form_and_text(vm, "normalize", args, kw)?;
    let out = normalize::normalize(form, &s, is_old(args));
    if out == s {
        return Ok(rest(args)[1].clone());
    }
    Ok(text_value(&out))
}

/// `is_normalized(form, unistr)`.
fn is_normalized(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (form, s) = form_and_text(vm, "is_normalized", args, kw)?;
    Ok(Value::Bool(
        normalize::normalize(form, &s, is_old(args)) == s,
    ))
}

/// The payload of a `unicodedata.UCD` object.
pub struct Ucd;

impl Payload for Ucd {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

const FUNCTIONS: [(&str, NativeFn); 13] = [
    ("category", category),
    ("bidirectional", bidirectional),
    ("combining", combining),
    ("mirrored", mirrored),
    ("east_asian_width", east_asian_width),
    ("decomposition", decomposition),
    ("decimal", decimal),
    ("digit", digit),
    ("numeric", numeric),
    ("name", name),
    ("lookup", lookup),
    ("normalize", normalize_fn),
    ("is_normalized", is_normalized),
];

/// Creates the `unicodedata` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = new_module(vm, "unicodedata", &FUNCTIONS);
    set_attr(vm, &m, "unidata_version", new_str("14.0.0"));
    let ucd = new_native_type(vm.token(), "UCD", Ucd::LAYOUT, None);
    if let Some(tp) = ucd.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "unicodedata");
    }
    for (n, f) in FUNCTIONS {
        add_method(vm.token(), &ucd, n, f);
    }
    let old = ObjRef::new(&ucd, Ucd);
    vm::methods::add_getter(vm.token(), &ucd, "unidata_version", ucd_version);
    set_attr(vm, &m, "ucd_3_2_0", Value::Obj(old));
    set_attr(vm, &m, "UCD", Value::Obj(ucd));
    Ok(m)
}

/// `UCD.unidata_version`: `'3.2.0'` for `ucd_3_2_0`.
fn ucd_version(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "unidata_version", args, kw, 1)?;
    Ok(new_str("3.2.0"))
}
