//! Builtin functions: `print`, `len`, `repr`, `iter`, `next`, `getattr`, ...
//! with CPython's argument checking and messages.

use common::text::Text;

use crate::builtins::str::{intern, new_str, StrObj};
use crate::calls::{arg_range, exact_args, ArgSpec, NativeFn};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::{type_name, TypeObject};
use crate::value::{IntRef, Value};
use crate::vm::Vm;

fn tname(vm: &mut Vm, v: &Value) -> String {
    type_name(vm.token(), &v.type_ref())
}

/// The attribute-name argument of `getattr`/`setattr`/`hasattr`/`delattr`
/// (CPython 3.11's message names no function).
fn str_arg(vm: &mut Vm, _fname: &str, _n: usize, v: &Value) -> PyResult<ObjRef> {
    match v.as_obj().filter(|o| o.downcast::<StrObj>().is_some()) {
        Some(o) => Ok(intern_if_exact(vm, o)),
        None => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            tname(vm, v)
        ))),
    }
}

fn intern_if_exact(vm: &mut Vm, o: &ObjRef) -> ObjRef {
    crate::builtins::str::intern_obj(vm.token(), o.clone())
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
fn print(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [sep, end, file, flush]) =
        ArgSpec::parse(vm, "print", args, kw, ["sep", "end", "file", "flush"])?;
    let text_of = |vm: &mut Vm, v: &Option<Value>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(default.to_owned()),
            Some(v) => match v.downcast::<StrObj>() {
                Some(s) => Ok(s.text().to_string_lossy().into_owned()),
                None => Err(PyErr::type_error(format!(
                    "{what} must be None or a string, not {}",
                    tname(vm, v)
                ))),
            },
        }
    };
    let sep = text_of(vm, &sep, "sep", " ")?;
    let end = text_of(vm, &end, "end", "\n")?;
    let file = match file {
        None | Some(Value::None) => match vm.print_target() {
            crate::io::PrintTarget::Fast => None,
            crate::io::PrintTarget::Nothing => return Ok(Value::None),
            crate::io::PrintTarget::Object(f) => Some(f),
        },
        Some(f) => Some(f),
    };
    let Some(f) = file else {
        let mut out = Text::new();
        for (i, v) in pos.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            let s = vm.str_text(v)?;
            out.push_text(&s);
        }
        out.push_str(&end);
        match out.as_str() {
            Some(s) => vm.stdout.write(s.as_bytes()),
            None => {
                // Lone surrogates: the stream's encoder and error handler decide.
                if let Some(f) = vm.sys_attr("stdout")? {
                    vm.call_method(&f, "write", &[Value::Obj(StrObj::alloc_text(out))])?;
                }
            }
        }
        if let Some(fl) = flush {
            if vm.is_true(&fl)? {
                vm.stdout.flush();
            }
        }
        return Ok(Value::None);
    };
    // CPython's `PyFile_WriteObject` per piece: each item, separator and end
    // is its own `write` call.
    let w = intern(vm.token(), "write");
    let m = vm.getattr(&f, &w)?;
    for (i, v) in pos.iter().enumerate() {
        if i > 0 {
            vm.call(&m, &[new_str(&sep)], None)?;
        }
        let s = vm.str(v)?;
        vm.call(&m, &[s], None)?;
    }
    vm.call(&m, &[new_str(&end)], None)?;
    if let Some(fl) = flush {
        if vm.is_true(&fl)? {
            vm.call_method(&f, "flush", &[])?;
        }
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "len", args, kw, 1)?;
    Ok(Value::Int(vm.len(&a[0])? as i64))
}

fn repr(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "repr", args, kw, 1)?;
    vm.repr(&a[0])
}

fn ascii(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "ascii", args, kw, 1)?;
    vm.ascii(&a[0])
}

fn format(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "format", args, kw, 1, 2)?;
    let spec = a.get(1).cloned().unwrap_or_else(|| new_str(""));
    vm.format(&a[0], &spec)
}

fn isinstance(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "isinstance", args, kw, 2, 2)?;
    Ok(Value::Bool(checked_relation(
        vm,
        &a[0],
        &a[1],
        "__instancecheck__",
    )?))
}

fn issubclass(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "issubclass", args, kw, 2, 2)?;
    Ok(Value::Bool(checked_relation(
        vm,
        &a[0],
        &a[1],
        "__subclasscheck__",
    )?))
}

/// `isinstance(v, cls)` / `issubclass(v, cls)` with the metaclass hook
/// (CPython's `PyObject_IsInstance` / `PyObject_IsSubclass`): an exact type
/// match is true at once; a tuple is tried member by member; a class whose
/// metaclass defines `hook` in Python (`ABCMeta`, user metaclasses) decides
/// through it; anything else is the plain type relation.
fn checked_relation(vm: &mut Vm, v: &Value, cls: &Value, hook: &'static str) -> PyResult<bool> {
    let instance = hook == "__instancecheck__";
    if let (true, Some(c)) = (instance, cls.as_obj()) {
        if v.type_ref().is(c) {
            return Ok(true);
        }
    }
    if let Some(t) = cls.downcast::<crate::builtins::tuple::Tuple>() {
        for c in t.items(vm.token()).to_vec() {
            if vm.guarded(" in __instancecheck__", |vm| {
                checked_relation(vm, v, &c, hook)
            })? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let meta = cls.type_ref();
    if !meta.is(&crate::types::builtin_types().type_) {
        let key = Value::Obj(crate::builtins::str::intern(vm.token(), hook));
        let checker = meta
            .downcast::<TypeObject>()
            .and_then(|m| m.lookup(vm.token(), &key))
            .filter(|f| {
                // `_py_abc`'s hooks (the fallback while `_abc` is missing) need
                // `type.__subclasses__`, which Krait lacks: plain relation.
                f.downcast::<crate::function::FunctionObj>()
                    .is_some_and(|fo| {
                        let m = fo.module.borrow(vm.token());
                        m.downcast::<crate::builtins::str::StrObj>()
                            .and_then(crate::builtins::str::StrObj::as_str)
                            != Some("_py_abc")
                    })
            });
        if let Some(f) = checker {
            let r = vm.guarded(" in __instancecheck__", |vm| {
                vm.call(&f, &[cls.clone(), v.clone()], None)
            })?;
            return vm.is_true(&r);
        }
    }
    if instance {
        crate::class::isinstance(vm, v, cls)
    } else {
        crate::class::issubclass(vm, v, cls)
    }
}

fn iter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "iter", args, kw, 1, 2)?;
    if a.len() == 2 {
        return super::callable_iter::new_callable_iter(&a[0], &a[1]);
    }
    vm.iter(&a[0])
}

fn next(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "next", args, kw, 1, 2)?;
    let it = &a[0];
    let t = it.type_ref();
    let has_next = t
        .downcast::<TypeObject>()
        .and_then(|t| t.slots.iternext.get())
        .is_some()
        || it.downcast::<crate::builtins::range::RangeIter>().is_some();
    if !has_next {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            tname(vm, it)
        )));
    }
    if it.downcast::<crate::generator::GeneratorObj>().is_some() {
        return match crate::generator::gen_next_builtin(vm, it) {
            Err(e) if e.kind == ExcKind::StopIteration && a.len() == 2 => Ok(a[1].clone()),
            r => r,
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::bare(ExcKind::StopIteration)),
        },
    }
}

fn abs(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "abs", args, kw, 1)?;
    match &a[0] {
        Value::Float(f) => Ok(crate::nan_identity::new_float(f.abs())),
        v => match v.as_int() {
            Some(i) => Ok(crate::builtins::int::abs(i)),
            None => match crate::class::call_special(vm, v, "__abs__", &[])? {
                Some(r) => Ok(r),
                None => Err(PyErr::type_error(format!(
                    "bad operand type for abs(): '{}'",
                    tname(vm, v)
                ))),
            },
        },
    }
}

fn sum(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [start]) = ArgSpec::parse(vm, "sum", args, kw, ["start"])?;
    if pos.is_empty() || pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "sum() takes at {} 1 positional argument ({} given)",
            if pos.is_empty() { "least" } else { "most" },
            pos.len()
        )));
    }
    let mut acc = start
        .or_else(|| pos.get(1).cloned())
        .unwrap_or(Value::Int(0));
    if acc.downcast::<StrObj>().is_some() {
        return Err(PyErr::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = vm.iter(&pos[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = match (&acc, &x) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => vm.binary_op(&acc, &x, crate::vm::BinOp::Add)?,
        };
    }
    Ok(acc)
}

fn getattr(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "getattr", args, kw, 2, 3)?;
    let name = str_arg(vm, "getattr", 2, &a[1])?;
    match vm.getattr(&a[0], &name) {
        Err(e) if e.kind == ExcKind::AttributeError && a.len() == 3 => Ok(a[2].clone()),
        r => r,
    }
}

fn setattr(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "setattr", args, kw, 3, 3)?;
    let name = str_arg(vm, "setattr", 2, &a[1])?;
    vm.setattr(&a[0], &name, Some(a[2].clone()))?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "delattr", args, kw, 2, 2)?;
    let name = str_arg(vm, "delattr", 2, &a[1])?;
    vm.setattr(&a[0], &name, None)?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "hasattr", args, kw, 2, 2)?;
    let name = str_arg(vm, "hasattr", 2, &a[1])?;
    match vm.getattr(&a[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.kind == ExcKind::AttributeError => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn id(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "id", args, kw, 1)?;
    Ok(Value::Int(match &a[0] {
        Value::Obj(o) => o.id() as i64,
        // Inline values have no address; a stable pseudo-id from the bits.
        Value::Int(i) => (*i).wrapping_mul(16) | 1,
        Value::Float(f) => (f.to_bits() as i64) | 3,
        Value::Bool(b) => 0x1000 + *b as i64 * 16,
        Value::None => 0x2000,
    }))
}

fn hash(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "hash", args, kw, 1)?;
    Ok(Value::Int(vm.hash(&a[0])? as i64))
}

fn chr(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "chr", args, kw, 1)?;
    let i = match a[0].as_int() {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(_)) => {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            ))
        }
        None => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tname(vm, &a[0])
            )))
        }
    };
    if !(0..=0x10ffff).contains(&i) {
        return Err(PyErr::value_error("chr() arg not in range(0x110000)"));
    }
    let mut t = Text::new();
    t.push_code_point(i as u32);
    Ok(Value::Obj(StrObj::alloc_text(t)))
}

fn ord(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "ord", args, kw, 1)?;
    // `bytes` / `bytearray` of length 1: the byte's value.
    if let Some(b) = a[0].downcast::<crate::methods::bytes::BytesObj>() {
        let data = b.data.borrow(vm.token());
        if let [byte] = data.as_slice() {
            return Ok(Value::Int(i64::from(*byte)));
        }
        return Err(PyErr::type_error(format!(
            "ord() expected a character, but string of length {} found",
            data.len()
        )));
    }
    let Some(s) = a[0].downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            tname(vm, &a[0])
        )));
    };
    if s.char_len() != 1 {
        return Err(PyErr::type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        )));
    }
    Ok(Value::Int(s.text().code_points().next().unwrap_or(0) as i64))
}

fn callable(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "callable", args, kw, 1)?;
    let t = a[0].type_ref();
    Ok(Value::Bool(
        t.downcast::<TypeObject>()
            .and_then(|t| t.slots.call.get())
            .is_some(),
    ))
}

fn divmod(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "divmod", args, kw, 2, 2)?;
    if let (Some(x), Some(y)) = (a[0].as_int(), a[1].as_int()) {
        let (q, r) = crate::builtins::int::divmod(x, y)?;
        return Ok(Value::Obj(crate::builtins::tuple::Tuple::alloc(vec![q, r])));
    }
    let real = |v: &Value| v.as_int().is_some() || matches!(v, Value::Float(_));
    if real(&a[0]) && real(&a[1]) {
        let q = vm.binary_op(&a[0], &a[1], crate::vm::BinOp::FloorDivide)?;
        let r = vm.binary_op(&a[0], &a[1], crate::vm::BinOp::Remainder)?;
        return Ok(Value::Obj(crate::builtins::tuple::Tuple::alloc(vec![q, r])));
    }
    if let Some(r) = user_divmod(vm, &a[0], &a[1])? {
        return Ok(r);
    }
    let (ta, tb) = (tname(vm, &a[0]), tname(vm, &a[1]));
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
    )))
}

/// `divmod(a, b)` through `__divmod__` / `__rdivmod__` of Python classes, with
/// CPython's operand order (a subclass's overriding `__rdivmod__` first);
/// `None` when neither applies.
fn user_divmod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (ta, tb) = (a.type_ref(), b.type_ref());
    let key = |vm: &mut Vm, n: &str| Value::Obj(crate::builtins::str::intern(vm.token(), n));
    let (kd, kr) = (key(vm, "__divmod__"), key(vm, "__rdivmod__"));
    let find = |vm: &mut Vm, t: &ObjRef, k: &Value| {
        t.downcast::<TypeObject>()
            .filter(|tp| !tp.is_builtin())
            .and_then(|tp| tp.lookup(vm.token(), k))
    };
    let not_impl = |v: &Value| {
        v.as_obj()
            .is_some_and(|o| o.is(&crate::rt_types::rt().not_implemented))
    };
    let a_div = find(vm, &ta, &kd);
    let b_rdiv = if ta.is(&tb) { None } else { find(vm, &tb, &kr) };
    let mut try_b = b_rdiv.is_some();
    if try_b && crate::types::is_subtype(vm.token(), &tb, &ta) {
        let a_rdiv = find(vm, &ta, &kr);
        let overrides = match (&b_rdiv, &a_rdiv) {
            (Some(x), Some(y)) => !x.is(y),
            _ => true,
        };
        if overrides {
            let r = crate::class::call_special(vm, b, "__rdivmod__", std::slice::from_ref(a))?;
            if let Some(r) = r.filter(|r| !not_impl(r)) {
                return Ok(Some(r));
            }
            try_b = false;
        }
    }
    if a_div.is_some() {
        let r = crate::class::call_special(vm, a, "__divmod__", std::slice::from_ref(b))?;
        if let Some(r) = r.filter(|r| !not_impl(r)) {
            return Ok(Some(r));
        }
    }
    if try_b {
        let r = crate::class::call_special(vm, b, "__rdivmod__", std::slice::from_ref(a))?;
        if let Some(r) = r.filter(|r| !not_impl(r)) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

fn pow(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "pow", args, kw, 2, 3)?;
    if a.len() == 3 && !a[2].is_none() {
        return super::modpow::pow3(vm, &a[0], &a[1], &a[2]);
    }
    vm.power(&a[0], &a[1])
}

fn round(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [nd]) = ArgSpec::parse(vm, "round", args, kw, ["ndigits"])?;
    let Some(x) = pos.first() else {
        return Err(PyErr::type_error(
            "round() missing required argument 'number' (pos 1)",
        ));
    };
    let nd = nd.or_else(|| pos.get(1).cloned()).filter(|v| !v.is_none());
    match x {
        Value::Float(f) => match nd {
            None => {
                if !f.is_finite() {
                    return Err(PyErr::new(
                        if f.is_nan() {
                            ExcKind::ValueError
                        } else {
                            ExcKind::OverflowError
                        },
                        if f.is_nan() {
                            "cannot convert float NaN to integer"
                        } else {
                            "cannot convert float infinity to integer"
                        },
                    ));
                }
                let r = f.round_ties_even();
                match crate::builtins::float::to_bigint(r) {
                    Some(b) => Ok(Value::from_bigint(b)),
                    None => Ok(Value::Int(r as i64)),
                }
            }
            Some(n) => {
                let n = vm.index_i64(&n)?;
                if !(-308..=308).contains(&n) {
                    return Ok(Value::Float(if n > 0 { *f } else { 0.0 * f }));
                }
                // Correctly rounded through the shortest decimal repr.
                let s = format!("{:.*}", n.max(0) as usize, f);
                let r: f64 = if n >= 0 {
                    s.parse().unwrap_or(*f)
                } else {
                    let p = 10f64.powi((-n) as i32);
                    (f / p).round_ties_even() * p
                };
                Ok(Value::Float(r))
            }
        },
        v if v.as_int().is_some() => match nd {
            None => Ok(match v {
                Value::Bool(b) => Value::Int(*b as i64),
                _ => v.clone(),
            }),
            Some(n) => {
                let n = vm.index_i64(&n)?;
                if n >= 0 {
                    return Ok(v.clone());
                }
                let Some(IntRef::Small(i)) = v.as_int() else {
                    let x = v.as_int().map(IntRef::to_bigint);
                    return Ok(crate::methods::numbers::round_int(x.unwrap_or_default(), n));
                };
                let p = 10i128.pow((-n).min(30) as u32);
                let q = (i as i128).div_euclid(p);
                let r = (i as i128).rem_euclid(p);
                let q = if r * 2 > p || (r * 2 == p && q % 2 != 0) {
                    q + 1
                } else {
                    q
                };
                Ok(Value::Int((q * p) as i64))
            }
        },
        v => match crate::class::call_special(vm, v, "__round__", &pos[1..])? {
            Some(r) => Ok(r),
            None => Err(PyErr::type_error(format!(
                "type {} doesn't define __round__ method",
                tname(vm, v)
            ))),
        },
    }
}

fn any(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "any", args, kw, 1)?;
    let it = vm.iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.is_true(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "all", args, kw, 1)?;
    let it = vm.iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.is_true(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn globals(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "globals", args, kw, 0)?;
    match vm.frames.last() {
        Some(f) => Ok(Value::Obj(f.globals.clone())),
        None => Ok(Value::None),
    }
}

fn vars(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "vars", args, kw, 0, 1)?;
    if a.is_empty() {
        return match vm.frames.len().checked_sub(1) {
            Some(fi) => Ok(Value::Obj(super::exec::frame_locals(vm, fi)?)),
            None => Ok(Value::None),
        };
    }
    let n = intern(vm.token(), "__dict__");
    vm.getattr(&a[0], &n)
        .map_err(|_| PyErr::type_error("vars() argument must have __dict__ attribute"))
}

fn radix(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
    spec: &str,
) -> PyResult<Value> {
    let a = exact_args(vm, name, args, kw, 1)?;
    let v = match a[0].as_int() {
        Some(_) => a[0].clone(),
        None => Value::Int(vm.index_i64(&a[0])?),
    };
    let s = crate::format::format_builtin(vm, &v, spec)?;
    Ok(new_str(&s))
}

fn hex(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    radix(vm, "hex", args, kw, "#x")
}

fn oct(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    radix(vm, "oct", args, kw, "#o")
}

fn bin(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    radix(vm, "bin", args, kw, "#b")
}

/// `dir(obj)`: the sorted names of the instance dict and the type's MRO (or of
/// the module namespace for modules).
fn dir(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "dir", args, kw, 0, 1)?;
    let mut names: Vec<Value> = Vec::new();
    if a.is_empty() {
        if let Some(fi) = vm.frames.len().checked_sub(1) {
            let l = super::exec::frame_locals(vm, fi)?;
            if let Some(d) = l.downcast::<crate::builtins::dict::Dict>() {
                names.extend(d.keys(vm.token()));
            }
        }
        return Ok(sorted_names(vm, &names));
    }
    let obj = &a[0];
    // A `__dir__` written in Python (on the type, or a module's own
    // `__dir__` function, PEP 562) decides; its result is sorted as a list.
    let key = Value::Obj(crate::builtins::str::intern(vm.token(), "__dir__"));
    let custom = match obj.downcast::<crate::module::ModuleObj>() {
        Some(m) => m
            .dict
            .downcast::<crate::builtins::dict::Dict>()
            .and_then(|d| d.get_str(vm.token(), &key)),
        None => obj
            .type_ref()
            .downcast::<TypeObject>()
            .and_then(|t| t.lookup(vm.token(), &key))
            .filter(|f| f.downcast::<crate::function::FunctionObj>().is_some())
            .map(|_| Value::None),
    };
    if let Some(f) = custom {
        let r = if f.is_none() {
            vm.call_method(obj, "__dir__", &[])?
        } else {
            vm.call(&f, &[], None)?
        };
        let items = vm.sequence_to_vec(&r)?;
        let list = crate::builtins::list::List::alloc(items);
        let lv = Value::Obj(list);
        vm.call_method(&lv, "sort", &[])?;
        return Ok(lv);
    }
    if let Some(m) = obj.downcast::<crate::module::ModuleObj>() {
        if let Some(d) = m.dict.downcast::<crate::builtins::dict::Dict>() {
            names.extend(d.keys(vm.token()));
        }
    } else {
        names = crate::instance_getsets::dir_names(vm, obj, true);
    }
    Ok(sorted_names(vm, &names))
}

/// A list of the sorted, deduplicated str names among `names`.
fn sorted_names(_vm: &mut Vm, names: &[Value]) -> Value {
    let mut texts: Vec<String> = names
        .iter()
        .filter_map(|n| {
            n.downcast::<StrObj>()
                .map(|s| s.text().to_string_lossy().into_owned())
        })
        .collect();
    texts.sort();
    texts.dedup();
    Value::Obj(crate::builtins::list::List::alloc(
        texts.iter().map(|t| new_str(t)).collect(),
    ))
}

/// Registers the functions of this file.
pub fn install(vm: &mut Vm, func: fn(&mut Vm, &'static str, NativeFn)) {
    func(vm, "print", print);
    func(vm, "len", len);
    func(vm, "repr", repr);
    func(vm, "ascii", ascii);
    func(vm, "format", format);
    func(vm, "isinstance", isinstance);
    func(vm, "issubclass", issubclass);
    func(vm, "iter", iter);
    func(vm, "next", next);
    func(vm, "abs", abs);
    func(vm, "sum", sum);
    func(vm, "getattr", getattr);
    func(vm, "setattr", setattr);
    func(vm, "delattr", delattr);
    func(vm, "hasattr", hasattr);
    func(vm, "id", id);
    func(vm, "hash", hash);
    func(vm, "chr", chr);
    func(vm, "ord", ord);
    func(vm, "callable", callable);
    func(vm, "divmod", divmod);
    func(vm, "pow", pow);
    func(vm, "round", round);
    func(vm, "any", any);
    func(vm, "all", all);
    func(vm, "globals", globals);
    func(vm, "vars", vars);
    func(vm, "hex", hex);
    func(vm, "oct", oct);
    func(vm, "bin", bin);
    func(vm, "dir", dir);
}
