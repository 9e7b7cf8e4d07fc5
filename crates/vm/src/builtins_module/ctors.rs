//! Constructors of the builtin types (`tp_new` of `int`, `float`, `str`,
//! `bool`, `list`, `tuple`, `dict`, `set`, `range`), registered with
//! `class::register_ctor` so `type.__call__` finds them.

use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::set::Set;
use crate::builtins::str::StrObj;
use crate::builtins::tuple::Tuple;
use crate::calls::{arg_range, ArgSpec};
use crate::class::register_ctor;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::{builtin_types, type_name};
use crate::value::Value;
use crate::vm::Vm;

fn exact(cls: &ObjRef, t: &ObjRef) -> bool {
    cls.is(t)
}

fn tname(vm: &mut Vm, v: &Value) -> String {
    type_name(vm.token(), &v.type_ref())
}

fn int_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let int = &builtin_types().int;
    if !exact(cls, int) {
        // CPython's `long_subtype_new`: the value as for `int(...)`, then a heap
        // object of the subclass holding it (small values too).
        let v = int_new(vm, int, args, kw)?;
        return crate::builtins::int_subclass::new(vm, cls, &v);
    }
    let (pos, [base_kw]) = ArgSpec::parse(vm, "int", args, kw, ["base"])?;
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let base = base_kw.or_else(|| pos.get(1).cloned());
    let Some(x) = pos.first() else {
        if base.is_some() {
            return Err(PyErr::type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if let Some(b) = base {
        let b = vm.index_i64(&b)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(PyErr::value_error(
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        return match parse_text_or_bytes(vm, x, b) {
            Some(r) => r,
            None => Err(PyErr::type_error(
                "int() can't convert non-string with explicit base",
            )),
        };
    }
    let as_float = match x {
        Value::Obj(o) if !o.type_obj().is_builtin() => x.as_float().map(Value::Float),
        _ => None,
    };
    match as_float.as_ref().unwrap_or(x) {
        Value::Int(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(PyErr::value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "cannot convert float infinity to integer",
                ));
            }
            match crate::builtins::float::to_bigint(f.trunc()) {
                Some(b) => Ok(Value::from_bigint(b)),
                None => Ok(Value::Int(f.trunc() as i64)),
            }
        }
        v if v.as_int().is_some() => Ok(crate::builtins::int::exact_value(v)),
        v => {
            if let Some(r) = parse_text_or_bytes(vm, v, 10) {
                return r;
            }
            for m in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = crate::class::call_special(vm, v, m, &[])? {
                    return Ok(r);
                }
            }
            Err(PyErr::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                tname(vm, v)
            )))
        }
    }
}

/// CPython's default `sys.get_int_max_str_digits()`.
const MAX_STR_DIGITS: usize = 4300;

/// `int(x, base)` for a `str` (Unicode digits and spaces allowed) or a
/// `bytes`/`bytearray` (CPython's `PyLong_FromUnicodeObject` /
/// `_PyLong_FromBytes`); `None` when `x` is neither.
fn parse_text_or_bytes(vm: &mut Vm, x: &Value, base: i64) -> Option<PyResult<Value>> {
    if let Some(s) = x.downcast::<StrObj>() {
        return Some(
            common::parse_number::parse_int(s.text(), base, MAX_STR_DIGITS)
                .map(Value::from_bigint)
                .map_err(crate::format::text_err),
        );
    }
    let b = crate::methods::bytes::bytes_of(vm.token(), x)?;
    Some(
        common::parse_number::parse_int_bytes(&b, base, MAX_STR_DIGITS)
            .map(Value::from_bigint)
            .map_err(crate::format::text_err),
    )
}

fn float_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let float = &builtin_types().float;
    if !exact(cls, float) {
        // CPython's `float_subtype_new`: the value as for `float(...)`, then a
        // heap object of the subclass holding it.
        let v = float_new(vm, float, args, kw)?;
        return crate::builtins::float_subclass::new(vm, cls, &v);
    }
    let a = arg_range(vm, "float", args, kw, 0, 1)?;
    let Some(x) = a.first() else {
        return Ok(Value::Float(0.0));
    };
    if let (Value::Obj(_), Some(f)) = (x, x.as_float()) {
        return Ok(Value::Float(f));
    }
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        v if v.as_int().is_some() => v
            .as_int()
            .map(crate::arith::int_to_f64)
            .transpose()
            .map(|f| Value::Float(f.unwrap_or(0.0))),
        v => {
            if let Some(s) = v.downcast::<StrObj>() {
                // Unicode digits and spaces as CPython's `PyFloat_FromString`.
                return common::parse_number::parse_float(s.text())
                    .map(crate::nan_identity::new_float)
                    .map_err(crate::format::text_err);
            }
            for m in ["__float__", "__index__"] {
                if let Some(r) = crate::class::call_special(vm, v, m, &[])? {
                    return match r {
                        Value::Int(i) => Ok(Value::Float(i as f64)),
                        r => Ok(r),
                    };
                }
            }
            Err(PyErr::type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                tname(vm, v)
            )))
        }
    }
}

fn str_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [obj, encoding, errors]) =
        ArgSpec::parse(vm, "str", args, kw, ["object", "encoding", "errors"])?;
    if pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            pos.len()
        )));
    }
    let obj = obj.or_else(|| pos.first().cloned());
    let encoding = encoding.or_else(|| pos.get(1).cloned());
    let errors = errors.or_else(|| pos.get(2).cloned());
    let r = if encoding.is_some() || errors.is_some() {
        str_decode(vm, obj.as_ref(), encoding.as_ref(), errors.as_ref())?
    } else {
        match obj {
            Some(v) => vm.str(&v)?,
            None => crate::builtins::str::new_str(""),
        }
    };
    if exact(cls, &builtin_types().str_) {
        return Ok(r);
    }
    let t = r
        .downcast::<StrObj>()
        .map(|s| s.text().clone())
        .unwrap_or_default();
    Ok(Value::Obj(ObjRef::new(cls, StrObj::from_text(t))))
}

/// `str(obj, encoding, errors)` (CPython's `PyUnicode_FromEncodedObject`):
/// decodes a bytes-like object.
fn str_decode(
    vm: &mut Vm,
    obj: Option<&Value>,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<Value> {
    let text_arg = |vm: &mut Vm, v: Option<&Value>, what: &str, dflt: &str| -> PyResult<String> {
        match v {
            None => Ok(dflt.to_owned()),
            Some(v) => match v.downcast::<StrObj>() {
                Some(s) => Ok(s.text().to_string_lossy().into_owned()),
                None => Err(PyErr::type_error(format!(
                    "str() argument '{what}' must be str, not {}",
                    tname(vm, v)
                ))),
            },
        }
    };
    let enc = text_arg(vm, encoding, "encoding", "utf-8")?;
    let err = text_arg(vm, errors, "errors", "strict")?;
    let Some(obj) = obj else {
        return Ok(crate::builtins::str::new_str(""));
    };
    if obj.downcast::<StrObj>().is_some() {
        return Err(PyErr::type_error("decoding str is not supported"));
    }
    let Some(b) = crate::methods::bytes::bytes_of(vm.token(), obj) else {
        return Err(PyErr::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            tname(vm, obj)
        )));
    };
    let t = crate::methods::bytes::decode(&b, &enc, &err)?;
    Ok(Value::Obj(StrObj::alloc_text(t)))
}

fn bool_new(vm: &mut Vm, _cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "bool", args, kw, 0, 1)?;
    match a.first() {
        Some(v) => Ok(Value::Bool(vm.is_true(v)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn list_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "list", args, kw, 0, 1)?;
    let items = match a.first() {
        Some(v) => vm.sequence_to_vec(v)?,
        None => vec![],
    };
    if exact(cls, &builtin_types().list) {
        return Ok(Value::Obj(List::alloc(items)));
    }
    let l = ObjRef::new(cls, List::default());
    if let Some(lp) = l.downcast::<List>() {
        lp.replace_all(vm.token(), items);
    }
    Ok(Value::Obj(l))
}

fn tuple_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "tuple", args, kw, 0, 1)?;
    if let Some(v) = a.first() {
        if v.as_obj()
            .is_some_and(|o| o.type_is(&builtin_types().tuple))
            && exact(cls, &builtin_types().tuple)
        {
            return Ok(v.clone());
        }
    }
    let items = match a.first() {
        Some(v) => vm.sequence_to_vec(v)?,
        None => vec![],
    };
    Ok(Value::Obj(ObjRef::new(cls, Tuple::payload(items))))
}

fn dict_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let npos = args
        .len()
        .saturating_sub(crate::calls::kwnames_len(vm.token(), kw));
    if npos > 1 {
        return Err(PyErr::type_error(format!(
            "dict expected at most 1 argument, got {npos}"
        )));
    }
    let d = Value::Obj(ObjRef::new(cls, Dict::new()));
    // Filled as `dict.update` fills (mappings through `keys()`, pairs).
    crate::calls::with_prepended(d.clone(), args, |all| {
        super::methods::dict_update(vm, all, kw)
    })?;
    Ok(d)
}

fn set_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "set", args, kw, 0, 1)?;
    let s = ObjRef::new(cls, Set::default());
    if let (Some(v), Some(set)) = (a.first(), s.downcast::<Set>()) {
        crate::builtins::set_algo::update_internal(vm, set, v)?;
    }
    Ok(Value::Obj(s))
}

fn slice_new(vm: &mut Vm, _cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "slice", args, kw, 1, 3)?;
    let (start, stop, step) = match a {
        [stop] => (Value::None, stop.clone(), Value::None),
        [s, e] => (s.clone(), e.clone(), Value::None),
        [s, e, st] => (s.clone(), e.clone(), st.clone()),
        _ => return Err(PyErr::type_error("slice")),
    };
    Ok(Value::Obj(crate::builtins::slice::SliceObj::alloc(
        start, stop, step,
    )))
}

/// Registers the constructors.
pub fn install(_vm: &mut Vm) {
    let b = builtin_types();
    let rt = crate::rt_types::rt();
    register_ctor(&b.int, int_new, false);
    register_ctor(&b.float, float_new, false);
    register_ctor(&b.str_, str_new, false);
    register_ctor(&b.bool_, bool_new, false);
    register_ctor(&b.list, list_new, true);
    register_ctor(&b.tuple, tuple_new, false);
    register_ctor(&b.dict, dict_new, true);
    register_ctor(&rt.set, set_new, true);
    register_ctor(&rt.range, crate::builtins::range::range_new, false);
    register_ctor(&rt.slice, slice_new, false);
}

thread_local! {
    /// Types whose constructor was registered but that have no `__new__` of
    /// their own yet (installed at the next class creation or `object.__new__`).
    static PENDING_NEW: std::cell::RefCell<Vec<ObjRef>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Remembers that `ty` got a native constructor (from `register_ctor`).
pub(crate) fn note_ctor_type(ty: &ObjRef) {
    if !ty.is(&builtin_types().object) {
        PENDING_NEW.with(|p| p.borrow_mut().push(ty.clone()));
    }
}

/// Gives every type noted by [`note_ctor_type`] a `__new__` static method
/// ([`builtin_new`]) unless it defines one; returns whether any was pending.
pub(crate) fn install_pending_new(vm: &mut Vm) -> bool {
    let pending = PENDING_NEW.with(|p| std::mem::take(&mut *p.borrow_mut()));
    if pending.is_empty() {
        return false;
    }
    for ty in &pending {
        let Some(t) = ty.downcast::<crate::types::TypeObject>() else {
            continue;
        };
        let key = Value::Obj(crate::builtins::str::intern(vm.token(), "__new__"));
        if t.dict.get_str(vm.token(), &key).is_some() {
            continue;
        }
        // A plain native function, as `object.__new__` (`type.__call__` only
        // treats Python-level `__new__` overrides specially).
        let f = Value::Obj(crate::calls::new_native_function("__new__", builtin_new));
        let _ = t
            .dict
            .set(&mut crate::builtins::dict::NativeEq(vm.token()), key, f);
        crate::types::type_modified(vm.token(), ty);
    }
    true
}

/// `int.__new__(cls, ...)`, `tuple.__new__(cls, ...)`, ... (CPython's
/// `tp_new_wrapper`): the nearest native constructor along `cls`'s MRO.
fn builtin_new(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(Value::as_obj).cloned() else {
        return Err(PyErr::type_error("__new__(): not enough arguments"));
    };
    if cls.downcast::<crate::types::TypeObject>().is_none() {
        return Err(PyErr::type_error(format!(
            "__new__(X): X is not a type object ({})",
            tname(vm, &args[0])
        )));
    }
    match crate::class::find_ctor(vm, &cls) {
        Some((ctor, _, _)) => ctor(vm, &cls, &args[1..], kw),
        None => Err(PyErr::type_error(format!(
            "cannot create '{}' instances",
            type_name(vm.token(), &cls)
        ))),
    }
}
