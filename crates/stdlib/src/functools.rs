//! The `_functools` module (CPython's `Modules/_functoolsmodule.c`): `reduce`,
//! the `partial` type (with `func`/`args`/`keywords` and CPython's repr), and
//! `cmp_to_key`. `_lru_cache_wrapper` is absent: `functools.py` then uses its
//! pure-Python `lru_cache`.

use vm::builtins::dict::Dict;
use vm::builtins::str::{intern, new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::{arg_range, exact_args, kwnames_len, NativeFn};
use vm::class::register_ctor;
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::types::{builtin_types, new_native_type, CompareOp, TypeObject};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

fn reduce(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "reduce", args, kw, 2, 3)?;
    let it = vm.iter(&a[1]).map_err(|e| {
        if e.is_kind(vm::ExcKind::TypeError) {
            PyErr::type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let mut acc = a.get(2).cloned();
    while let Some(x) = vm.next(&it)? {
        acc = Some(match acc {
            None => x,
            Some(v) => vm.call(&a[0], &[v, x], None)?,
        });
    }
    acc.ok_or_else(|| PyErr::type_error("reduce() of empty iterable with no initial value"))
}

/// The payload of a `partial` object.
pub struct Partial {
    func: PyCell<Value>,
    args: PyCell<Value>,
    keywords: PyCell<Value>,
}

impl Payload for Partial {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(self.func.borrow(token));
        visit(self.args.borrow(token));
        visit(self.keywords.borrow(token));
    }

    fn clear(&self, token: &mut Token) {
        let f = std::mem::replace(self.func.borrow_mut(token), Value::None);
        let a = std::mem::replace(self.args.borrow_mut(token), Value::None);
        let k = std::mem::replace(self.keywords.borrow_mut(token), Value::None);
        drop((f, a, k));
    }
}

fn new_dict() -> ObjRef {
    ObjRef::new(&builtin_types().dict, Dict::new())
}

fn partial_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let nkw = kwnames_len(vm.token(), kw);
    let npos = args.len() - nkw;
    if npos == 0 {
        return Err(PyErr::type_error(
            "type 'partial' takes at least one argument",
        ));
    }
    let mut func = args[0].clone();
    let mut pargs: Vec<Value> = Vec::new();
    let keywords = new_dict();
    // Flatten a partial of a partial (of any partial type, as CPython does for
    // every object called through `partial_call`): nesting stays one level deep.
    if let Some(inner) = func.downcast::<Partial>() {
        {
            let (f, a, k) = (
                inner.func.borrow(vm.token()).clone(),
                inner.args.borrow(vm.token()).clone(),
                inner.keywords.borrow(vm.token()).clone(),
            );
            if let Some(t) = a.downcast::<Tuple>() {
                pargs.extend(t.items(vm.token()).iter().cloned());
            }
            if let (Some(src), Some(dst)) = (k.downcast::<Dict>(), keywords.downcast::<Dict>()) {
                for (key, v) in src.items(vm.token()) {
                    dst.set(vm, key, v)?;
                }
            }
            func = f;
        }
    }
    let callable = func
        .type_ref()
        .downcast::<TypeObject>()
        .and_then(|t| t.slots.call.get())
        .is_some();
    if !callable {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    pargs.extend(args[1..npos].iter().cloned());
    if let (Some(names), Some(dst)) = (
        kw.and_then(|k| k.downcast::<Tuple>()),
        keywords.downcast::<Dict>(),
    ) {
        let names = names.items(vm.token()).to_vec();
        for (n, v) in names.into_iter().zip(&args[npos..]) {
            dst.set(vm, n, v.clone())?;
        }
    }
    Ok(Value::Obj(ObjRef::new(
        cls,
        Partial {
            func: PyCell::new(func),
            args: PyCell::new(Value::Obj(Tuple::alloc(pargs))),
            keywords: PyCell::new(Value::Obj(keywords)),
        },
    )))
}

/// A partial's function, positional arguments and keyword items.
type PartialParts = (Value, Vec<Value>, Vec<(Value, Value)>);

fn partial_parts(vm: &mut Vm, me: &Value) -> PyResult<PartialParts> {
    let Some(p) = me.downcast::<Partial>() else {
        return Err(PyErr::type_error(format!(
            "descriptor requires a 'functools.partial' object but received '{}'",
            tname(vm, me)
        )));
    };
    let func = p.func.borrow(vm.token()).clone();
    let args = p.args.borrow(vm.token()).clone();
    let kws = p.keywords.borrow(vm.token()).clone();
    let args = args
        .downcast::<Tuple>()
        .map(|t| t.items(vm.token()).to_vec())
        .unwrap_or_default();
    let kws = kws
        .downcast::<Dict>()
        .map(|d| d.items(vm.token()))
        .unwrap_or_default();
    Ok((func, args, kws))
}

fn partial_call(vm: &mut Vm, me: &Value, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (func, mut all, mut kws) = partial_parts(vm, me)?;
    let nkw = kwnames_len(vm.token(), kw);
    let npos = args.len() - nkw;
    all.extend(args[..npos].iter().cloned());
    if let Some(names) = kw.and_then(|k| k.downcast::<Tuple>()) {
        let names = names.items(vm.token()).to_vec();
        for (n, v) in names.into_iter().zip(&args[npos..]) {
            let mut replaced = false;
            for (k, old) in kws.iter_mut() {
                if vm.eq_bool(k, &n)? {
                    *old = v.clone();
                    replaced = true;
                }
            }
            if !replaced {
                kws.push((n, v.clone()));
            }
        }
    }
    if kws.is_empty() {
        return vm.call(&func, &all, None);
    }
    let mut names = Vec::with_capacity(kws.len());
    for (k, v) in kws {
        let name = match k.downcast::<StrObj>() {
            Some(s) => Value::Obj(intern(vm.token(), &s.text().to_string_lossy())),
            None => return Err(PyErr::type_error("keywords must be strings")),
        };
        names.push(name);
        all.push(v);
    }
    let kwnames = Tuple::alloc(names);
    vm.call(&func, &all, Some(&kwnames))
}

fn repr_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = vm.repr(v)?;
    Ok(vm.str_text(&r)?.to_string_lossy().into_owned())
}

fn partial_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let (func, args, kws) = partial_parts(vm, me)?;
    let id = me.as_obj().map_or(0, ObjRef::id);
    if !vm.repr_enter(id) {
        return Ok(new_str("..."));
    }
    let r = (|| -> PyResult<String> {
        let mut parts = vec![repr_text(vm, &func)?];
        for a in &args {
            parts.push(repr_text(vm, a)?);
        }
        for (k, v) in &kws {
            let k = vm.str_text(k)?.to_string_lossy().into_owned();
            parts.push(format!("{k}={}", repr_text(vm, v)?));
        }
        Ok(parts.join(", "))
    })();
    vm.repr_leave(id);
    let body = r?;
    let t = me.type_ref();
    let qual = t
        .downcast::<TypeObject>()
        .map(|t| t.qualname(vm.token()))
        .unwrap_or_default();
    let module = t
        .downcast::<TypeObject>()
        .map(|t| t.module(vm.token()))
        .unwrap_or_default();
    Ok(new_str(&format!("{module}.{qual}({body})")))
}

macro_rules! partial_getter {
    ($($name:ident => $field:ident),*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                let a = exact_args(vm, stringify!($field), args, kw, 1)?;
                match a[0].downcast::<Partial>() {
                    Some(p) => Ok(p.$field.borrow(vm.token()).clone()),
                    None => Err(PyErr::type_error("not a partial")),
                }
            }
        )*
    };
}

partial_getter!(get_func => func, get_args => args, get_keywords => keywords);

fn add_property(vm: &mut Vm, ty: &ObjRef, name: &'static str, getter: NativeFn) {
    let f = vm::calls::new_native_function(name, getter);
    let prop = ObjRef::new(
        &vm::rt_types::rt().property,
        vm::descriptors::Property {
            funcs: PyCell::new([Value::Obj(f), Value::None, Value::None, Value::None]),
        },
    );
    if let Some(tp) = ty.downcast::<TypeObject>() {
        let k = Value::Obj(intern(vm.token(), name));
        let _ = tp.dict.set(
            &mut vm::builtins::dict::NativeEq(vm.token()),
            k,
            Value::Obj(prop),
        );
    }
}

// ----- cmp_to_key -----

/// The payload of `functools.KeyWrapper`: the comparison function, and the
/// wrapped object (`None` for the factory `cmp_to_key(f)` returns).
pub struct KeyWrapper {
    cmp: Value,
    obj: Option<Value>,
}

impl Payload for KeyWrapper {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cmp);
        if let Some(o) = &self.obj {
            visit(o);
        }
    }
}

fn key_type(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.import_module("_functools")?;
    let k = intern(vm.token(), "KeyWrapper");
    match vm.getattr(&m, &k)? {
        Value::Obj(t) => Ok(t),
        _ => Err(PyErr::runtime_error("_functools.KeyWrapper is missing")),
    }
}

fn cmp_to_key(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [m]) = vm::calls::ArgSpec::parse(vm, "cmp_to_key", args, kw, ["mycmp"])?;
    let Some(cmp) = m.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(
            "cmp_to_key() missing required argument 'mycmp' (pos 1)",
        ));
    };
    let t = key_type(vm)?;
    Ok(Value::Obj(ObjRef::new(&t, KeyWrapper { cmp, obj: None })))
}

fn key_call(vm: &mut Vm, me: &Value, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "K", args, kw, 1)?;
    let Some(k) = me.downcast::<KeyWrapper>() else {
        return Err(PyErr::type_error("not a key wrapper"));
    };
    Ok(Value::Obj(ObjRef::new(
        &me.type_ref(),
        KeyWrapper {
            cmp: k.cmp.clone(),
            obj: Some(a[0].clone()),
        },
    )))
}

fn key_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.downcast::<KeyWrapper>(), b.downcast::<KeyWrapper>()) else {
        return Err(PyErr::type_error("other argument must be K instance"));
    };
    let (Some(xo), Some(yo)) = (x.obj.clone(), y.obj.clone()) else {
        return Err(PyErr::type_error("other argument must be K instance"));
    };
    let cmp = x.cmp.clone();
    let r = vm.call(&cmp, &[xo, yo], None)?;
    vm.rich_compare(&r, &Value::Int(0), op).map(Some)
}

fn key_obj(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "obj", args, kw, 1)?;
    Ok(a[0]
        .downcast::<KeyWrapper>()
        .and_then(|k| k.obj.clone())
        .unwrap_or(Value::None))
}

/// Creates the `_functools` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = new_module(
        vm,
        "_functools",
        &[("reduce", reduce), ("cmp_to_key", cmp_to_key)],
    );
    let p = new_native_type(vm.token(), "partial", Partial::LAYOUT, None);
    if let Some(tp) = p.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "functools");
        tp.slots.call.set(Some(partial_call));
        tp.slots.repr.set(Some(partial_repr));
    }
    register_ctor(&p, partial_new, false);
    add_property(vm, &p, "func", get_func);
    add_property(vm, &p, "args", get_args);
    add_property(vm, &p, "keywords", get_keywords);
    set_attr(vm, &m, "partial", Value::Obj(p));
    let k = new_native_type(vm.token(), "KeyWrapper", KeyWrapper::LAYOUT, None);
    if let Some(tp) = k.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "functools");
        tp.slots.call.set(Some(key_call));
        tp.slots.richcompare.set(Some(key_richcompare));
    }
    add_property(vm, &k, "obj", key_obj);
    set_attr(vm, &m, "KeyWrapper", Value::Obj(k));
    Ok(m)
}
