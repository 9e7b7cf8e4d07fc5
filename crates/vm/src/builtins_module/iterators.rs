//! The builtin iterator types `enumerate`, `zip`, `map`, `filter` and
//! `reversed` (CPython's `Objects/enumobject.c`, `bltinmodule.c`).

use std::cell::Cell;

use crate::builtins::iter::{self_iter, seq_iter_next, SeqIter};
use crate::builtins::tuple::Tuple;
use crate::calls::ArgSpec;
use crate::class::register_ctor;
use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::types::{new_native_type, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// Which builtin iterator a [`NativeIter`] is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum IterKind {
    /// `enumerate(it, start)`.
    Enumerate,
    /// `zip(*its)`.
    Zip,
    /// `map(f, *its)`.
    Map,
    /// `filter(f, it)`.
    Filter,
}

/// The payload of `enumerate`, `zip`, `map` and `filter` objects.
pub struct NativeIter {
    kind: IterKind,
    its: Box<[Value]>,
    func: Value,
    count: Cell<i64>,
    done: Cell<bool>,
}

impl Payload for NativeIter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, _t: &Token, visit: &mut dyn FnMut(&Value)) {
        self.its.iter().for_each(&mut *visit);
        visit(&self.func);
    }
}

/// `zip(strict=True)` after argument `k` ran out (CPython's `zip_next`):
/// a shorter later argument, or a longer one once the first is exhausted.
fn zip_strict_check(vm: &mut Vm, its: &[Value], k: usize) -> PyResult<()> {
    let plural = |i: usize| {
        if i == 1 {
            " ".to_owned()
        } else {
            "s 1-".to_owned()
        }
    };
    if k > 0 {
        return Err(PyErr::value_error(format!(
            "zip() argument {} is shorter than argument{}{k}",
            k + 1,
            plural(k)
        )));
    }
    for (i, other) in its.iter().enumerate().skip(1) {
        if vm.next(other)?.is_some() {
            return Err(PyErr::value_error(format!(
                "zip() argument {} is longer than argument{}{i}",
                i + 1,
                plural(i)
            )));
        }
    }
    Ok(())
}

/// The iterator types.
pub struct IterTypes {
    /// `enumerate`.
    pub enumerate: ObjRef,
    /// `zip`.
    pub zip: ObjRef,
    /// `map`.
    pub map: ObjRef,
    /// `filter`.
    pub filter: ObjRef,
    /// `reversed`.
    pub reversed: ObjRef,
}

fn next_native(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<NativeIter>() else {
        return Ok(None);
    };
    if it.done.get() {
        return Ok(None);
    }
    let its = it.its.to_vec();
    let r = match it.kind {
        IterKind::Enumerate => match vm.next(&its[0])? {
            Some(x) => {
                let n = it.count.get();
                it.count.set(n.wrapping_add(1));
                Some(Value::Obj(Tuple::alloc(vec![Value::Int(n), x])))
            }
            None => None,
        },
        IterKind::Zip | IterKind::Map => {
            let mut items = Vec::with_capacity(its.len());
            for (k, i) in its.iter().enumerate() {
                match vm.next(i)? {
                    Some(x) => items.push(x),
                    None => {
                        it.done.set(true);
                        if it.kind == IterKind::Zip && matches!(it.func, Value::Bool(true)) {
                            zip_strict_check(vm, &its, k)?;
                        }
                        return Ok(None);
                    }
                }
            }
            if it.kind == IterKind::Zip {
                Some(Value::Obj(Tuple::alloc(items)))
            } else {
                let f = it.func.clone();
                Some(vm.call(&f, &items, None)?)
            }
        }
        IterKind::Filter => loop {
            let Some(x) = vm.next(&its[0])? else {
                break None;
            };
            let f = it.func.clone();
            let keep = if f.is_none() {
                vm.is_true(&x)?
            } else {
                let r = vm.call(&f, std::slice::from_ref(&x), None)?;
                vm.is_true(&r)?
            };
            if keep {
                break Some(x);
            }
        },
    };
    if r.is_none() {
        it.done.set(true);
    }
    Ok(r)
}

fn make(cls: &ObjRef, kind: IterKind, its: Vec<Value>, func: Value, start: i64) -> Value {
    Value::Obj(ObjRef::new(
        cls,
        NativeIter {
            kind,
            its: its.into_boxed_slice(),
            func,
            count: Cell::new(start),
            done: Cell::new(false),
        },
    ))
}

fn enumerate_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (pos, [it_kw, start_kw]) =
        ArgSpec::parse(vm, "enumerate", args, kw, ["iterable", "start"])?;
    let iterable = it_kw.or_else(|| pos.first().cloned());
    let Some(iterable) = iterable else {
        return Err(PyErr::type_error(
            "enumerate() missing required argument 'iterable' (pos 1)",
        ));
    };
    let start = match start_kw.or_else(|| pos.get(1).cloned()) {
        Some(s) => vm.index_i64(&s)?,
        None => 0,
    };
    let it = vm.iter(&iterable)?;
    Ok(make(cls, IterKind::Enumerate, vec![it], Value::None, start))
}

fn zip_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [strict]) = ArgSpec::parse(vm, "zip", args, kw, ["strict"])?;
    // `zip` calls no function: `func` holds `strict` (True or None).
    let strict = match strict {
        Some(s) if vm.is_true(&s)? => Value::Bool(true),
        _ => Value::None,
    };
    let mut its = Vec::with_capacity(pos.len());
    for (i, a) in pos.iter().enumerate() {
        its.push(vm.iter(a).map_err(|_| {
            PyErr::type_error(format!("zip argument #{} must support iteration", i + 1))
        })?);
    }
    let empty = its.is_empty();
    let v = make(cls, IterKind::Zip, its, strict, 0);
    if empty {
        if let Some(n) = v.downcast::<NativeIter>() {
            n.done.set(true);
        }
    }
    Ok(v)
}

fn map_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    crate::calls::no_kwargs(vm, "map", kw)?;
    if args.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for a in &args[1..] {
        its.push(vm.iter(a)?);
    }
    Ok(make(cls, IterKind::Map, its, args[0].clone(), 0))
}

fn filter_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    crate::calls::no_kwargs(vm, "filter", kw)?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "filter expected 2 arguments, got {}",
            args.len()
        )));
    }
    let it = vm.iter(&args[1])?;
    Ok(make(cls, IterKind::Filter, vec![it], args[0].clone(), 0))
}

fn reversed_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "reversed", args, kw, 1)?;
    if let Some(r) = crate::class::call_special(vm, &a[0], "__reversed__", &[])
        .ok()
        .flatten()
    {
        return Ok(r);
    }
    let ok = a[0].downcast::<crate::builtins::list::List>().is_some()
        || a[0].downcast::<Tuple>().is_some()
        || a[0].downcast::<crate::builtins::str::StrObj>().is_some()
        || a[0]
            .downcast::<crate::builtins::range::RangeObj>()
            .is_some();
    if !ok {
        return Err(PyErr::type_error(format!(
            "'{}' object is not reversible",
            crate::types::type_name(vm.token(), &a[0].type_ref())
        )));
    }
    let mut items = vm.sequence_to_vec(&a[0])?;
    items.reverse();
    Ok(Value::Obj(SeqIter::alloc(
        cls,
        Value::Obj(Tuple::alloc(items)),
    )))
}

impl IterTypes {
    /// Creates the types with their slots and constructors.
    pub fn create(token: &mut Token) -> IterTypes {
        let mk = |token: &mut Token, name: &str| {
            let t = new_native_type(token, name, NativeIter::LAYOUT, None);
            if let Some(tp) = t.downcast::<TypeObject>() {
                tp.slots.iter.set(Some(self_iter));
                tp.slots.iternext.set(Some(next_native));
            }
            t
        };
        let enumerate = mk(token, "enumerate");
        let zip = mk(token, "zip");
        let map = mk(token, "map");
        let filter = mk(token, "filter");
        let reversed = new_native_type(token, "reversed", SeqIter::LAYOUT, None);
        if let Some(tp) = reversed.downcast::<TypeObject>() {
            tp.slots.iter.set(Some(self_iter));
            tp.slots.iternext.set(Some(seq_iter_next));
        }
        register_ctor(&enumerate, enumerate_new, false);
        register_ctor(&zip, zip_new, false);
        register_ctor(&map, map_new, false);
        register_ctor(&filter, filter_new, false);
        register_ctor(&reversed, reversed_new, false);
        IterTypes {
            enumerate,
            zip,
            map,
            filter,
            reversed,
        }
    }
}
