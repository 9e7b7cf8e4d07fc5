//! The methods of `str` (CPython's `unicode_methods` in `Objects/unicodeobject.c`),
//! wrapping the VM-independent implementations in `common::str_methods`, with
//! Argument Clinic's argument checking and messages.

use common::str_methods::{case, pad, predicates, search, split};
use common::text::Text;

use super::{slice_index, str_value, text_err, tname};
use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::str::StrObj;
use crate::builtins::tuple::Tuple;
use crate::calls::{add_method, kwnames_len, NativeFn};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::builtin_types;
use crate::value::Value;
use crate::vm::Vm;

/// The receiver's text (`args[0]` of a `str` method).
fn recv(args: &[Value]) -> PyResult<Text> {
    args.first()
        .and_then(|v| v.downcast::<StrObj>())
        .map(|s| s.text().clone())
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'str' object"))
}

/// CPython's `METH_NOARGS` check: "str.upper() takes no arguments (1 given)".
fn no_args(vm: &mut Vm, name: &str, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Text> {
    if kwnames_len(vm.token(), kw) > 0 {
        return Err(PyErr::type_error(format!(
            "str.{name}() takes no keyword arguments"
        )));
    }
    if args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "str.{name}() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    recv(args)
}

/// `METH_VARARGS` positional-only arguments with the old-style messages
/// ("find() takes at least 1 argument (0 given)").
fn varargs<'a>(
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
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    // Clinic makes a single positional parameter `METH_O`, none `METH_NOARGS`.
    if (min, max) == (1, 1) && n != 1 {
        return Err(PyErr::type_error(format!(
            "str.{name}() takes exactly one argument ({n} given)"
        )));
    }
    if (min, max) == (0, 0) && n != 0 {
        return Err(PyErr::type_error(format!(
            "str.{name}() takes no arguments ({n} given)"
        )));
    }
    if n < min {
        return Err(PyErr::type_error(format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            plural(max)
        )));
    }
    Ok(&args[1..])
}

/// Argument Clinic positional-only arguments ("center expected at least 1
/// argument, got 0").
fn clinic_pos<'a>(
    vm: &mut Vm,
    name: &str,
    args: &'a [Value],
    kw: Option<&ObjRef>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if kwnames_len(vm.token(), kw) > 0 {
        return Err(PyErr::type_error(format!(
            "str.{name}() takes no keyword arguments"
        )));
    }
    let n = args.len().saturating_sub(1);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    // Clinic makes a single positional parameter `METH_O`, none `METH_NOARGS`.
    if (min, max) == (1, 1) && n != 1 {
        return Err(PyErr::type_error(format!(
            "str.{name}() takes exactly one argument ({n} given)"
        )));
    }
    if (min, max) == (0, 0) && n != 0 {
        return Err(PyErr::type_error(format!(
            "str.{name}() takes no arguments ({n} given)"
        )));
    }
    if n < min {
        let what = if min == max { "" } else { "at least " };
        return Err(PyErr::type_error(format!(
            "{name} expected {what}{min} argument{}, got {n}",
            plural(min)
        )));
    }
    if n > max {
        let what = if min == max { "" } else { "at most " };
        return Err(PyErr::type_error(format!(
            "{name} expected {what}{max} argument{}, got {n}",
            plural(max)
        )));
    }
    Ok(&args[1..])
}

/// Argument Clinic positional-or-keyword arguments: the value of each parameter
/// in `names`, by position or keyword.
pub(crate) fn clinic_kw<const K: usize>(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
    names: [&str; K],
    skip_self: bool,
) -> PyResult<[Option<Value>; K]> {
    let nkw = kwnames_len(vm.token(), kw);
    let first = usize::from(skip_self);
    let npos_end = args.len().saturating_sub(nkw);
    let pos = args.get(first..npos_end).unwrap_or(&[]);
    if pos.len() > K {
        let plural = if K == 1 { "" } else { "s" };
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {K} argument{plural} ({} given)",
            pos.len() + nkw
        )));
    }
    let mut out: [Option<Value>; K] = std::array::from_fn(|i| pos.get(i).cloned());
    if let Some(t) = kw.and_then(|k| k.downcast::<Tuple>()) {
        let keys = t.items(vm.token()).to_vec();
        for (k, v) in keys.iter().zip(args.get(npos_end..).unwrap_or(&[])) {
            let kname = k
                .downcast::<StrObj>()
                .map(|s| s.text().to_string_lossy().into_owned())
                .unwrap_or_default();
            match names.iter().position(|n| *n == kname) {
                Some(i) if out[i].is_some() => {
                    return Err(PyErr::type_error(format!(
                        "argument for {name}() given by name ('{kname}') and position ({})",
                        i + 1
                    )))
                }
                Some(i) => out[i] = Some(v.clone()),
                None => {
                    return Err(PyErr::type_error(format!(
                        "'{kname}' is an invalid keyword argument for {name}()"
                    )))
                }
            }
        }
    }
    Ok(out)
}

/// A `str` argument, else "must be str, not int" (with `what` as the prefix).
fn str_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Text> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s.text().clone()),
        None => {
            let t = tname(vm, v);
            Err(PyErr::type_error(format!("{what}must be str, not {t}")))
        }
    }
}

fn bool_value(b: bool) -> PyResult<Value> {
    Ok(Value::Bool(b))
}

macro_rules! noarg_methods {
    ($($fname:ident => $name:literal, $body:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                let s = no_args(vm, $name, args, kw)?;
                #[allow(clippy::redundant_closure_call)]
                ($body)(&s)
            }
        )*
        const NOARG_TABLE: &[(&str, NativeFn)] = &[$(($name, $fname),)*];
    };
}

noarg_methods! {
    str_upper => "upper", |s: &Text| Ok(str_value(case::upper(s)));
    str_lower => "lower", |s: &Text| Ok(str_value(case::lower(s)));
    str_casefold => "casefold", |s: &Text| Ok(str_value(case::casefold(s)));
    str_capitalize => "capitalize", |s: &Text| Ok(str_value(case::capitalize(s)));
    str_title => "title", |s: &Text| Ok(str_value(case::title(s)));
    str_swapcase => "swapcase", |s: &Text| Ok(str_value(case::swapcase(s)));
    str_isdecimal => "isdecimal", |s: &Text| bool_value(predicates::isdecimal(s));
    str_isdigit => "isdigit", |s: &Text| bool_value(predicates::isdigit(s));
    str_isnumeric => "isnumeric", |s: &Text| bool_value(predicates::isnumeric(s));
    str_isalpha => "isalpha", |s: &Text| bool_value(predicates::isalpha(s));
    str_isalnum => "isalnum", |s: &Text| bool_value(predicates::isalnum(s));
    str_isspace => "isspace", |s: &Text| bool_value(predicates::isspace(s));
    str_isprintable => "isprintable", |s: &Text| bool_value(predicates::isprintable(s));
    str_isascii => "isascii", |s: &Text| bool_value(predicates::isascii(s));
    str_isidentifier => "isidentifier", |s: &Text| bool_value(predicates::isidentifier(s));
    str_islower => "islower", |s: &Text| bool_value(predicates::islower(s));
    str_isupper => "isupper", |s: &Text| bool_value(predicates::isupper(s));
    str_istitle => "istitle", |s: &Text| bool_value(predicates::istitle(s));
}

/// `(sub, start, end)` of the find family.
fn find_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<(Text, Text, Option<isize>, Option<isize>)> {
    let s = recv(args)?;
    let a = varargs(vm, name, args, kw, 1, 3)?;
    let sub = str_arg(vm, &a[0], "")?;
    let start = slice_index(vm, a.get(1))?;
    let end = slice_index(vm, a.get(2))?;
    Ok((s, sub, start, end))
}

fn str_find(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (s, sub, st, en) = find_args(vm, "find", args, kw)?;
    Ok(Value::Int(search::find(&s, &sub, st, en) as i64))
}

fn str_rfind(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (s, sub, st, en) = find_args(vm, "rfind", args, kw)?;
    Ok(Value::Int(search::rfind(&s, &sub, st, en) as i64))
}

fn str_index(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (s, sub, st, en) = find_args(vm, "index", args, kw)?;
    let i = search::index(&s, &sub, st, en).map_err(text_err)?;
    Ok(Value::Int(i as i64))
}

fn str_rindex(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (s, sub, st, en) = find_args(vm, "rindex", args, kw)?;
    let i = search::rindex(&s, &sub, st, en).map_err(text_err)?;
    Ok(Value::Int(i as i64))
}

fn str_count(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (s, sub, st, en) = find_args(vm, "count", args, kw)?;
    Ok(Value::Int(search::count(&s, &sub, st, en) as i64))
}

fn affix(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    start: bool,
) -> PyResult<Value> {
    let s = recv(args)?;
    let a = varargs(vm, name, args, kw, 1, 3)?;
    let st = slice_index(vm, a.get(1))?;
    let en = slice_index(vm, a.get(2))?;
    let test = |p: &Text| {
        if start {
            search::startswith(&s, p, st, en)
        } else {
            search::endswith(&s, p, st, en)
        }
    };
    if let Some(t) = a[0].downcast::<Tuple>() {
        let items = t.items(vm.token()).to_vec();
        for it in items {
            let Some(p) = it.downcast::<StrObj>() else {
                let tn = tname(vm, &it);
                return Err(PyErr::type_error(format!(
                    "tuple for {name} must only contain str, not {tn}"
                )));
            };
            if test(p.text()) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    match a[0].downcast::<StrObj>() {
        Some(p) => Ok(Value::Bool(test(p.text()))),
        None => {
            let tn = tname(vm, &a[0]);
            Err(PyErr::type_error(format!(
                "{name} first arg must be str or a tuple of str, not {tn}"
            )))
        }
    }
}

fn str_startswith(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    affix(vm, args, kw, "startswith", true)
}

fn str_endswith(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    affix(vm, args, kw, "endswith", false)
}

fn text_list(parts: Vec<Text>) -> Value {
    Value::Obj(List::alloc(parts.into_iter().map(str_value).collect()))
}

fn split_common(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    right: bool,
) -> PyResult<Value> {
    let s = recv(args)?;
    let [sep, maxsplit] = clinic_kw(vm, name, args, kw, ["sep", "maxsplit"], true)?;
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => match v.downcast::<StrObj>() {
            Some(t) => Some(t.text().clone()),
            None => {
                let tn = tname(vm, &v);
                return Err(PyErr::type_error(format!("must be str or None, not {tn}")));
            }
        },
    };
    let maxsplit = match maxsplit {
        Some(m) => vm.index_isize(&m)?,
        None => -1,
    };
    let parts = if right {
        split::rsplit(&s, sep.as_ref(), maxsplit)
    } else {
        split::split(&s, sep.as_ref(), maxsplit)
    }
    .map_err(text_err)?;
    Ok(text_list(parts))
}

fn str_split(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    split_common(vm, args, kw, "split", false)
}

fn str_rsplit(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    split_common(vm, args, kw, "rsplit", true)
}

fn str_splitlines(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(args)?;
    let [keep] = clinic_kw(vm, "splitlines", args, kw, ["keepends"], true)?;
    let keep = match keep {
        Some(Value::Float(_)) => {
            return Err(PyErr::type_error(
                "'float' object cannot be interpreted as an integer",
            ))
        }
        Some(k) => vm.index_i64(&k)? != 0,
        None => false,
    };
    Ok(text_list(split::splitlines(&s, keep)))
}

fn partition_common(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    right: bool,
) -> PyResult<Value> {
    let s = recv(args)?;
    let a = clinic_pos(vm, name, args, kw, 1, 1)?;
    let sep = str_arg(vm, &a[0], "")?;
    let (x, y, z) = if right {
        split::rpartition(&s, &sep)
    } else {
        split::partition(&s, &sep)
    }
    .map_err(text_err)?;
    Ok(Value::Obj(Tuple::alloc(vec![
        str_value(x),
        str_value(y),
        str_value(z),
    ])))
}

fn str_partition(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    partition_common(vm, args, kw, "partition", false)
}

fn str_rpartition(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    partition_common(vm, args, kw, "rpartition", true)
}

fn strip_common(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    side: pad::StripSide,
) -> PyResult<Value> {
    let s = recv(args)?;
    let a = clinic_pos(vm, name, args, kw, 0, 1)?;
    let chars = match a.first() {
        None | Some(Value::None) => None,
        Some(v) => match v.downcast::<StrObj>() {
            Some(t) => Some(t.text().clone()),
            None => return Err(PyErr::type_error(format!("{name} arg must be None or str"))),
        },
    };
    Ok(str_value(pad::strip(&s, chars.as_ref(), side)))
}

fn str_strip(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    strip_common(vm, args, kw, "strip", pad::StripSide::Both)
}

fn str_lstrip(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    strip_common(vm, args, kw, "lstrip", pad::StripSide::Left)
}

fn str_rstrip(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    strip_common(vm, args, kw, "rstrip", pad::StripSide::Right)
}

type PadFn = fn(&Text, isize, u32) -> common::error::TextResult<Text>;

fn pad_common(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    f: PadFn,
) -> PyResult<Value> {
    let s = recv(args)?;
    let a = clinic_pos(vm, name, args, kw, 1, 2)?;
    let width = vm.index_isize(&a[0])?;
    let fill = match a.get(1) {
        None => ' ' as u32,
        Some(v) => match v.downcast::<StrObj>() {
            Some(t) => {
                let mut cps = t.text().code_points();
                match (cps.next(), cps.next()) {
                    (Some(c), None) => c,
                    _ => {
                        return Err(PyErr::type_error(
                            "The fill character must be exactly one character long",
                        ))
                    }
                }
            }
            None => {
                let tn = tname(vm, v);
                return Err(PyErr::type_error(format!(
                    "The fill character must be a unicode character, not {tn}"
                )));
            }
        },
    };
    Ok(str_value(f(&s, width, fill).map_err(text_err)?))
}

fn str_center(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pad_common(vm, args, kw, "center", pad::center)
}

fn str_ljust(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pad_common(vm, args, kw, "ljust", pad::ljust)
}

fn str_rjust(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pad_common(vm, args, kw, "rjust", pad::rjust)
}

fn str_zfill(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(args)?;
    let a = clinic_pos(vm, "zfill", args, kw, 1, 1)?;
    let width = vm.index_isize(&a[0])?;
    Ok(str_value(pad::zfill(&s, width).map_err(text_err)?))
}

fn str_expandtabs(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(args)?;
    let [tab] = clinic_kw(vm, "expandtabs", args, kw, ["tabsize"], true)?;
    let tab = match tab {
        Some(Value::Float(_)) => {
            return Err(PyErr::type_error(
                "'float' object cannot be interpreted as an integer",
            ))
        }
        Some(t) => {
            let i = vm.index_i64(&t)?;
            i32::try_from(i).map_err(|_| {
                PyErr::new(
                    ExcKind::OverflowError,
                    if i > 0 {
                        "signed integer is greater than maximum"
                    } else {
                        "signed integer is less than minimum"
                    },
                )
            })?
        }
        None => 8,
    };
    Ok(str_value(pad::expandtabs(&s, tab).map_err(text_err)?))
}

fn str_replace(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(args)?;
    let a = clinic_pos(vm, "replace", args, kw, 2, 3)?;
    let old = str_arg(vm, &a[0], "replace() argument 1 ")?;
    let new = str_arg(vm, &a[1], "replace() argument 2 ")?;
    let count = match a.get(2) {
        Some(Value::Float(_)) => {
            return Err(PyErr::type_error(
                "'float' object cannot be interpreted as an integer",
            ))
        }
        Some(c) => vm.index_isize(c)?,
        None => -1,
    };
    Ok(str_value(
        search::replace(&s, &old, &new, count).map_err(text_err)?,
    ))
}

fn str_join(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let sep = recv(args)?;
    let a = clinic_pos(vm, "join", args, kw, 1, 1)?;
    if !vm.is_iterable(&a[0]) {
        return Err(PyErr::type_error("can only join an iterable"));
    }
    let items = vm.sequence_to_vec(&a[0])?;
    let mut out = Text::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_text(&sep);
        }
        match it.downcast::<StrObj>() {
            Some(s) => out.push_text(s.text()),
            None => {
                let tn = tname(vm, it);
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {tn} found"
                )));
            }
        }
    }
    Ok(str_value(out))
}

fn affix_remove(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    prefix: bool,
) -> PyResult<Value> {
    let s = recv(args)?;
    let a = clinic_pos(vm, name, args, kw, 1, 1)?;
    let p = str_arg(vm, &a[0], &format!("{name}() argument "))?;
    let cps: Vec<u32> = s.code_points().collect();
    let pc: Vec<u32> = p.code_points().collect();
    let out: &[u32] = if prefix && cps.starts_with(&pc) {
        &cps[pc.len()..]
    } else if !prefix && !pc.is_empty() && cps.ends_with(&pc) {
        &cps[..cps.len() - pc.len()]
    } else {
        return Ok(args[0].clone());
    };
    let mut t = Text::with_capacity(out.len());
    for &c in out {
        t.push_code_point(c);
    }
    Ok(str_value(t))
}

fn str_removeprefix(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    affix_remove(vm, args, kw, "removeprefix", true)
}

fn str_removesuffix(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    affix_remove(vm, args, kw, "removesuffix", false)
}

/// `str.maketrans(x[, y[, z]])`: a dict from code points to code points, str or
/// None.
fn str_maketrans(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    if kwnames_len(vm.token(), kw) > 0 {
        return Err(PyErr::type_error("maketrans() takes no keyword arguments"));
    }
    let n = args.len();
    if n == 0 || n > 3 {
        let (what, k) = if n == 0 {
            ("at least", 1)
        } else {
            ("at most", 3)
        };
        return Err(PyErr::type_error(format!(
            "maketrans expected {what} {k} argument{}, got {n}",
            if k == 1 { "" } else { "s" }
        )));
    }
    let out = Dict::new();
    if n == 1 {
        let Some(d) = args[0].downcast::<Dict>() else {
            return Err(PyErr::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        for (k, v) in d.items(vm.token()) {
            if let Some(s) = k.downcast::<StrObj>() {
                let mut cps = s.text().code_points();
                match (cps.next(), cps.next()) {
                    (Some(c), None) => out.set(vm, Value::Int(c as i64), v)?,
                    _ => {
                        return Err(PyErr::value_error(
                            "string keys in translate table must be of length 1",
                        ))
                    }
                }
            } else if k.as_int().is_some() {
                out.set(vm, k, v)?;
            } else {
                return Err(PyErr::type_error(
                    "keys in translate table must be strings or integers",
                ));
            }
        }
    } else {
        let x = str_arg(vm, &args[0], "maketrans() argument 1 ")?;
        let y = str_arg(vm, &args[1], "maketrans() argument 2 ")?;
        let xs: Vec<u32> = x.code_points().collect();
        let ys: Vec<u32> = y.code_points().collect();
        if xs.len() != ys.len() {
            return Err(PyErr::value_error(
                "the first two maketrans arguments must have equal length",
            ));
        }
        for (a, b) in xs.iter().zip(&ys) {
            out.set(vm, Value::Int(*a as i64), Value::Int(*b as i64))?;
        }
        if let Some(z) = args.get(2) {
            let z = str_arg(vm, z, "maketrans() argument 3 ")?;
            for c in z.code_points() {
                out.set(vm, Value::Int(c as i64), Value::None)?;
            }
        }
    }
    Ok(Value::Obj(crate::object::ObjRef::new(
        &builtin_types().dict,
        out,
    )))
}

/// `str.translate(table)`: `table[ord(c)]` for each character; `LookupError`
/// leaves it, `None` deletes it.
fn str_translate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(args)?;
    let a = clinic_pos(vm, "translate", args, kw, 1, 1)?;
    let table = a[0].clone();
    let mut out = Text::new();
    for c in s.code_points() {
        match vm.getitem(&table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(v) => {
                if let Some(t) = v.downcast::<StrObj>() {
                    out.push_text(t.text());
                } else if let Some(i) = v.as_int() {
                    match i {
                        crate::value::IntRef::Small(x) if (0..=0x10ffff).contains(&x) => {
                            out.push_code_point(x as u32)
                        }
                        _ => {
                            return Err(PyErr::value_error(
                                "character mapping must be in range(0x110000)",
                            ))
                        }
                    }
                } else {
                    return Err(PyErr::type_error(
                        "character mapping must return integer, None or str",
                    ));
                }
            }
            Err(e)
                if [ExcKind::LookupError, ExcKind::KeyError, ExcKind::IndexError]
                    .iter()
                    .any(|k| e.is_kind(*k)) =>
            {
                out.push_code_point(c)
            }
            Err(e) => return Err(e),
        }
    }
    Ok(str_value(out))
}

/// Adds the `str` methods.
pub fn install(vm: &mut Vm) {
    let b = builtin_types();
    let t = vm.token();
    let ty = &b.str_;
    for (name, f) in NOARG_TABLE {
        add_method(t, ty, name, *f);
    }
    let table: &[(&'static str, NativeFn)] = &[
        ("find", str_find),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("split", str_split),
        ("rsplit", str_rsplit),
        ("splitlines", str_splitlines),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("center", str_center),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("zfill", str_zfill),
        ("expandtabs", str_expandtabs),
        ("replace", str_replace),
        ("join", str_join),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("translate", str_translate),
        ("format", super::str_format::str_format),
        ("format_map", super::str_format::str_format_map),
        ("__format__", super::str_format::str_dunder_format),
    ];
    for (name, f) in table {
        add_method(t, ty, name, *f);
    }
    super::add_staticmethod(t, ty, "maketrans", str_maketrans);
}
