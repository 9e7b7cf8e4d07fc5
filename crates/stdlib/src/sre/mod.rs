//! The `_sre` module (CPython's `Modules/_sre/`): the regular-expression
//! engine under the pure-Python `re` package. `re._compiler` turns a pattern
//! into code words and calls [`compile`] here; the engine (`engine.rs`) runs
//! them over `str` or bytes subjects.
//!
//! Files: `constants.rs` (opcode numbering), `chars.rs` (character classes and
//! case), `engine.rs` (the matcher and searcher), `subject.rs` (subject
//! strings), `pattern.rs` (`re.Pattern`), `matchobj.rs` (`re.Match`),
//! `scanner.rs` (`SRE_Scanner`), `validate.rs` (code checks), `args.rs`
//! (argument binding).

mod args;
mod chars;
mod constants;
mod engine;
mod matchobj;
mod pattern;
mod scanner;
mod subject;
mod validate;

#[cfg(test)]
mod fuzz_tests;

use std::cell::RefCell;

use vm::builtins::dict::Dict;
use vm::builtins::list::List;
use vm::builtins::str::{new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::methods::bytes::bytes_of;
use vm::object::Payload;
use vm::types::{new_native_type, TypeObject};
use vm::value::IntRef;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};
use args::{bind, req};

/// The types `_sre` creates, kept so matches and scanners can be built.
#[derive(Clone)]
pub struct SreTypes {
    /// `re.Pattern`.
    pub pattern: ObjRef,
    /// `re.Match`.
    pub match_: ObjRef,
    /// `_sre.SRE_Scanner`.
    pub scanner: ObjRef,
    /// The iterator `finditer` returns (`callable_iterator`).
    pub finditer: ObjRef,
}

thread_local! {
    static TYPES: RefCell<Option<SreTypes>> = const { RefCell::new(None) };
}

/// The `_sre` types of this thread's interpreter (created by [`create`]).
pub fn sre_types(_vm: &mut Vm) -> Option<SreTypes> {
    TYPES.with(|t| t.borrow().clone())
}

fn code_word(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let too_big = || {
        PyErr::new(
            ExcKind::OverflowError,
            "regular expression code size limit exceeded",
        )
    };
    let i = match v.as_int() {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(_)) => return Err(too_big()),
        None => {
            return Err(PyErr::type_error(format!(
                "an integer is required (got type {})",
                tname(vm, v)
            )))
        }
    };
    u32::try_from(i).map_err(|_| too_big())
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`: a
/// `re.Pattern` over already-compiled code (checked as CPython's `_validate`
/// does: malformed code raises `RuntimeError("invalid SRE code")`).
fn compile(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = bind(
        vm,
        "compile",
        args,
        kw,
        [
            "pattern",
            "flags",
            "code",
            "groups",
            "groupindex",
            "indexgroup",
        ],
        6,
    )?;
    let pattern = req(&a[0]);
    let flags = vm.index_i64(&req(&a[1]))?;
    let code_list = req(&a[2]);
    let Some(items) = code_list.downcast::<List>().map(|l| l.to_vec(vm.token())) else {
        return Err(PyErr::type_error(format!(
            "compile() argument 'code' must be list, not {}",
            tname(vm, &code_list)
        )));
    };
    let mut code = Vec::with_capacity(items.len());
    for v in &items {
        code.push(code_word(vm, v)?);
    }
    let groups = vm.index_isize(&req(&a[3]))?;
    let groupindex = req(&a[4]);
    if groupindex.downcast::<Dict>().is_none() {
        return Err(PyErr::type_error(format!(
            "compile() argument 'groupindex' must be dict, not {}",
            tname(vm, &groupindex)
        )));
    }
    let indexgroup = req(&a[5]);
    if indexgroup.downcast::<Tuple>().is_none() {
        return Err(PyErr::type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {}",
            tname(vm, &indexgroup)
        )));
    }
    let (is_str, is_bytes) = if matches!(pattern, Value::None) {
        (false, true)
    } else if pattern.downcast::<StrObj>().is_some() {
        (true, false)
    } else if bytes_of(vm.token(), &pattern).is_some() {
        (false, true)
    } else {
        return Err(PyErr::type_error(format!(
            "expected string or bytes-like object, got '{}'",
            tname(vm, &pattern)
        )));
    };
    let groups = usize::try_from(groups)
        .ok()
        .filter(|g| *g <= constants::MAXGROUPS as usize)
        .ok_or_else(|| PyErr::runtime_error("invalid SRE code"))?;
    let set_starts = validate::validate(&code, groups).map_err(pattern::sre_error)?;
    let sets = engine::SetCache::new(&code, &set_starts);
    let Some(types) = sre_types(vm) else {
        return Err(PyErr::runtime_error("_sre is not initialized"));
    };
    Ok(Value::Obj(ObjRef::new(
        &types.pattern,
        pattern::PatternObj {
            pattern,
            flags,
            code,
            sets,
            groups,
            groupindex,
            indexgroup,
            is_bytes,
            is_str,
        },
    )))
}

fn getcodesize(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    vm::calls::exact_args(vm, "getcodesize", args, kw, 0)?;
    Ok(Value::Int(i64::from(constants::CODESIZE)))
}

/// A one-character function of `_sre` (`ascii_iscased`, `unicode_tolower`, ...).
fn char_fn(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
    f: impl Fn(u32) -> Value,
) -> PyResult<Value> {
    let a = bind(vm, name, args, kw, ["character"], 1)?;
    let v = req(&a[0]);
    if matches!(v, Value::Float(_)) {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let ch = vm.index_i64(&v)?;
    // CPython reads the argument as a C int and the character as its low
    // 32 bits.
    let ch = i32::try_from(ch).map_err(|_| {
        PyErr::new(
            ExcKind::OverflowError,
            if ch > 0 {
                "signed integer is greater than maximum"
            } else {
                "signed integer is less than minimum"
            },
        )
    })? as u32;
    Ok(f(ch))
}

fn ascii_iscased(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    char_fn(vm, "ascii_iscased", args, kw, |c| {
        Value::Bool(chars::ascii_iscased(c))
    })
}

fn unicode_iscased(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    char_fn(vm, "unicode_iscased", args, kw, |c| {
        Value::Bool(chars::unicode_iscased(c))
    })
}

fn ascii_tolower(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    char_fn(vm, "ascii_tolower", args, kw, |c| {
        Value::Int(i64::from(chars::lower_ascii(c)))
    })
}

fn unicode_tolower(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    char_fn(vm, "unicode_tolower", args, kw, |c| {
        Value::Int(i64::from(chars::lower_unicode(c)))
    })
}

/// `Pattern()` etc.: CPython's types have no constructor
/// (`Py_TPFLAGS_DISALLOW_INSTANTIATION`).
fn no_instances(
    vm: &mut Vm,
    cls: &ObjRef,
    _args: &[Value],
    _kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (module, name) = match cls.downcast::<TypeObject>() {
        Some(t) => (t.module(vm.token()), t.qualname(vm.token())),
        None => (String::new(), String::from("?")),
    };
    let full = if module.is_empty() || module == "builtins" {
        name
    } else {
        format!("{module}.{name}")
    };
    Err(PyErr::type_error(format!(
        "cannot create '{full}' instances"
    )))
}

fn new_type<P: Payload>(vm: &mut Vm, name: &str, module: &str) -> ObjRef {
    let t = new_native_type(vm.token(), name, P::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.set_module(vm.token(), module);
    }
    vm::class::register_ctor(&t, no_instances, false);
    t
}

/// Creates the `_sre` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = new_module(
        vm,
        "_sre",
        &[
            ("compile", compile),
            ("getcodesize", getcodesize),
            ("ascii_iscased", ascii_iscased),
            ("unicode_iscased", unicode_iscased),
            ("ascii_tolower", ascii_tolower),
            ("unicode_tolower", unicode_tolower),
        ],
    );
    let types = SreTypes {
        pattern: new_type::<pattern::PatternObj>(vm, "Pattern", "re"),
        match_: new_type::<matchobj::MatchObj>(vm, "Match", "re"),
        scanner: new_type::<scanner::ScannerObj>(vm, "SRE_Scanner", "_sre"),
        finditer: new_type::<scanner::FindIter>(vm, "callable_iterator", "builtins"),
    };
    scanner::install_finditer(&types.finditer);
    pattern::install(vm, &types.pattern);
    matchobj::install(vm, &types.match_);
    scanner::install(vm, &types.scanner);
    TYPES.with(|t| *t.borrow_mut() = Some(types));
    set_attr(vm, &m, "MAGIC", Value::Int(i64::from(constants::MAGIC)));
    set_attr(
        vm,
        &m,
        "CODESIZE",
        Value::Int(i64::from(constants::CODESIZE)),
    );
    set_attr(
        vm,
        &m,
        "MAXREPEAT",
        Value::Int(i64::from(constants::MAXREPEAT)),
    );
    set_attr(
        vm,
        &m,
        "MAXGROUPS",
        Value::Int(i64::from(constants::MAXGROUPS)),
    );
    set_attr(
        vm,
        &m,
        "copyright",
        new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "),
    );
    Ok(m)
}
