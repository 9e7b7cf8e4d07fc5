//! The `_collections` module (CPython's `Modules/_collectionsmodule.c`):
//! `deque` (a double-ended queue with optional `maxlen`), its iterator types,
//! and `_count_elements` (the fast path of `collections.Counter`).
//! `defaultdict` is in `defaultdict.rs`.

use std::collections::VecDeque;

use vm::builtins::dict::Dict;
use vm::builtins::iter::self_iter;
use vm::builtins::list::List;
use vm::builtins::str::new_str;
use vm::calls::{add_method, arg_range, exact_args, ArgSpec, NativeFn};
use vm::class::register_ctor;
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::types::{new_native_type, CompareOp, TypeObject};
use vm::vm::BinOp;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

/// The payload of a `deque`: the items and `maxlen`.
pub struct Deque {
    items: PyCell<VecDeque<Value>>,
    maxlen: PyCell<Option<usize>>,
    /// Bumped by every mutation, so iterators detect changes.
    state: PyCell<u64>,
}

impl Payload for Deque {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        self.items.borrow(token).iter().for_each(visit);
    }

    fn clear(&self, token: &mut Token) {
        let old = std::mem::take(self.items.borrow_mut(token));
        drop(old);
    }
}

/// The payload of `_deque_iterator` / `_deque_reverse_iterator`.
pub struct DequeIter {
    deque: Value,
    index: PyCell<usize>,
    reverse: bool,
    state: u64,
}

impl Payload for DequeIter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.deque);
    }
}

fn dq<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Deque> {
    match v.downcast::<Deque>() {
        Some(d) => Ok(d),
        None => Err(PyErr::type_error(format!(
            "descriptor requires a 'collections.deque' object but received a '{}'",
            tname(vm, v)
        ))),
    }
}

fn bump(vm: &mut Vm, d: &Deque) {
    *d.state.borrow_mut(vm.token()) += 1;
}

/// Appends on the right (or left), dropping from the other end past `maxlen`.
fn push(vm: &mut Vm, d: &Deque, v: Value, left: bool) {
    let maxlen = *d.maxlen.borrow(vm.token());
    if maxlen == Some(0) {
        return;
    }
    let dropped = {
        let items = d.items.borrow_mut(vm.token());
        if left {
            items.push_front(v);
        } else {
            items.push_back(v);
        }
        match maxlen {
            Some(m) if items.len() > m => {
                if left {
                    items.pop_back()
                } else {
                    items.pop_front()
                }
            }
            _ => None,
        }
    };
    bump(vm, d);
    drop(dropped);
}

fn fill(vm: &mut Vm, me: &Value, iterable: &Value, left: bool) -> PyResult<()> {
    let d = dq(vm, me)?;
    // Extending a deque with itself iterates over a snapshot.
    let it = if iterable.is(me) {
        let snapshot = d.items.borrow(vm.token()).iter().cloned().collect();
        vm.iter(&Value::Obj(List::alloc(snapshot)))?
    } else {
        vm.iter(iterable)?
    };
    while let Some(x) = vm.next(&it)? {
        push(vm, d, x, left);
    }
    Ok(())
}

fn parse_init(vm: &mut Vm, me: &Value, args: &[Value], kw: Option<&ObjRef>) -> PyResult<()> {
    let (pos, [ki, km]) = ArgSpec::parse(vm, "deque", args, kw, ["iterable", "maxlen"])?;
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "deque expected at most 2 arguments, got {}",
            pos.len()
        )));
    }
    let maxlen = match km.or_else(|| pos.get(1).cloned()) {
        None | Some(Value::None) => None,
        Some(m) => {
            let n = vm.index_i64(&m)?;
            if n < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    let d = dq(vm, me)?;
    *d.maxlen.borrow_mut(vm.token()) = maxlen;
    let old = std::mem::take(d.items.borrow_mut(vm.token()));
    bump(vm, d);
    drop(old);
    if let Some(it) = ki.or_else(|| pos.first().cloned()) {
        fill(vm, me, &it, false)?;
    }
    Ok(())
}

fn new_deque(cls: &ObjRef, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    Value::Obj(ObjRef::new(
        cls,
        Deque {
            items: PyCell::new(items),
            maxlen: PyCell::new(maxlen),
            state: PyCell::new(0),
        },
    ))
}

fn deque_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let d = new_deque(cls, VecDeque::new(), None);
    parse_init(vm, &d, args, kw)?;
    Ok(d)
}

fn deque_init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some((me, rest)) = args.split_first() else {
        return Err(PyErr::type_error("__init__() needs an argument"));
    };
    parse_init(vm, me, rest, kw)?;
    Ok(Value::None)
}

fn append(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "append", args, kw, 2)?;
    let d = dq(vm, &a[0])?;
    push(vm, d, a[1].clone(), false);
    Ok(Value::None)
}

fn appendleft(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "appendleft", args, kw, 2)?;
    let d = dq(vm, &a[0])?;
    push(vm, d, a[1].clone(), true);
    Ok(Value::None)
}

fn pop_end(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>, left: bool) -> PyResult<Value> {
    let a = exact_args(vm, if left { "popleft" } else { "pop" }, args, kw, 1)?;
    let d = dq(vm, &a[0])?;
    let v = {
        let items = d.items.borrow_mut(vm.token());
        if left {
            items.pop_front()
        } else {
            items.pop_back()
        }
    };
    bump(vm, d);
    v.ok_or_else(|| PyErr::new(ExcKind::IndexError, "pop from an empty deque"))
}

fn pop(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pop_end(vm, args, kw, false)
}

fn popleft(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pop_end(vm, args, kw, true)
}

fn extend(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "extend", args, kw, 2)?;
    fill(vm, &a[0], &a[1], false)?;
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "extendleft", args, kw, 2)?;
    fill(vm, &a[0], &a[1], true)?;
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "clear", args, kw, 1)?;
    let d = dq(vm, &a[0])?;
    let old = std::mem::take(d.items.borrow_mut(vm.token()));
    bump(vm, d);
    drop(old);
    Ok(Value::None)
}

fn snapshot(vm: &mut Vm, d: &Deque) -> Vec<Value> {
    d.items.borrow(vm.token()).iter().cloned().collect()
}

fn copy(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "copy", args, kw, 1)?;
    let d = dq(vm, &a[0])?;
    let items = d.items.borrow(vm.token()).clone();
    let maxlen = *d.maxlen.borrow(vm.token());
    Ok(new_deque(&a[0].type_ref(), items, maxlen))
}

fn count(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "count", args, kw, 2)?;
    let d = dq(vm, &a[0])?;
    let mut n = 0;
    for x in snapshot(vm, d) {
        if vm.eq_bool(&x, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn find(vm: &mut Vm, d: &Deque, v: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let state = *d.state.borrow(vm.token());
    for (i, x) in snapshot(vm, d).into_iter().enumerate() {
        if i < start || i >= stop {
            continue;
        }
        let eq = vm.eq_bool(&x, v)?;
        if *d.state.borrow(vm.token()) != state {
            return Err(PyErr::runtime_error("deque mutated during iteration"));
        }
        if eq {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn index(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "index", args, kw, 2, 4)?;
    let d = dq(vm, &a[0])?;
    let n = d.items.borrow(vm.token()).len() as i64;
    let clamp = |i: i64| -> usize {
        let j = if i < 0 { i + n } else { i };
        j.clamp(0, n) as usize
    };
    let start = match a.get(2) {
        Some(v) => clamp(vm.index_i64(v)?),
        None => 0,
    };
    let stop = match a.get(3) {
        Some(v) => clamp(vm.index_i64(v)?),
        None => n as usize,
    };
    match find(vm, d, &a[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(&a[1])?;
            let r = vm.str_text(&r)?;
            Err(PyErr::value_error(format!("{r} is not in deque")))
        }
    }
}

fn insert(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "insert", args, kw, 3)?;
    let d = dq(vm, &a[0])?;
    let i = vm.index_i64(&a[1])?;
    let n = d.items.borrow(vm.token()).len();
    if d.maxlen.borrow(vm.token()).is_some_and(|m| n >= m) {
        return Err(PyErr::new(
            ExcKind::IndexError,
            "deque already at its maximum size",
        ));
    }
    let j = if i < 0 { i + n as i64 } else { i }.clamp(0, n as i64) as usize;
    d.items.borrow_mut(vm.token()).insert(j, a[2].clone());
    bump(vm, d);
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "remove", args, kw, 2)?;
    let d = dq(vm, &a[0])?;
    let n = d.items.borrow(vm.token()).len();
    match find(vm, d, &a[1], 0, n)? {
        Some(i) => {
            let old = d.items.borrow_mut(vm.token()).remove(i);
            bump(vm, d);
            drop(old);
            Ok(Value::None)
        }
        None => {
            let r = vm.repr(&a[1])?;
            let r = vm.str_text(&r)?;
            Err(PyErr::value_error(format!("{r} is not in deque")))
        }
    }
}

fn reverse(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "reverse", args, kw, 1)?;
    let d = dq(vm, &a[0])?;
    d.items.borrow_mut(vm.token()).make_contiguous().reverse();
    bump(vm, d);
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "rotate", args, kw, 1, 2)?;
    let d = dq(vm, &a[0])?;
    let k = match a.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => 1,
    };
    let items = d.items.borrow_mut(vm.token());
    let n = items.len() as i64;
    if n > 1 {
        let k = k.rem_euclid(n) as usize;
        items.rotate_right(k);
    }
    bump(vm, d);
    Ok(Value::None)
}

fn maxlen_get(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "maxlen", args, kw, 1)?;
    let d = dq(vm, &a[0])?;
    Ok(match *d.maxlen.borrow(vm.token()) {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    })
}

fn deque_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let d = dq(vm, v)?;
    Ok(d.items.borrow(vm.token()).len())
}

fn method_len(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__len__", args, kw, 1)?;
    Ok(Value::Int(deque_len(vm, &a[0])? as i64))
}

fn norm_index(vm: &mut Vm, d: &Deque, key: &Value) -> PyResult<usize> {
    let i = vm.index_i64(key)?;
    let n = d.items.borrow(vm.token()).len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::new(ExcKind::IndexError, "deque index out of range"));
    }
    Ok(j as usize)
}

fn deque_getitem(vm: &mut Vm, me: &Value, key: &Value) -> PyResult<Value> {
    let d = dq(vm, me)?;
    if key.as_int().is_none() && key.downcast::<vm::builtins::slice::SliceObj>().is_some() {
        return Err(PyErr::type_error(
            "sequence index must be integer, not 'slice'",
        ));
    }
    let i = norm_index(vm, d, key)?;
    Ok(d.items.borrow(vm.token())[i].clone())
}

fn deque_setitem(vm: &mut Vm, me: &Value, key: &Value, v: Option<Value>) -> PyResult<()> {
    let d = dq(vm, me)?;
    let i = norm_index(vm, d, key)?;
    let old = match v {
        Some(v) => Some(std::mem::replace(&mut d.items.borrow_mut(vm.token())[i], v)),
        None => {
            let o = d.items.borrow_mut(vm.token()).remove(i);
            bump(vm, d);
            o
        }
    };
    drop(old);
    Ok(())
}

fn method_getitem(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__getitem__", args, kw, 2)?;
    deque_getitem(vm, &a[0], &a[1])
}

fn method_setitem(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__setitem__", args, kw, 3)?;
    deque_setitem(vm, &a[0], &a[1], Some(a[2].clone()))?;
    Ok(Value::None)
}

fn method_delitem(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__delitem__", args, kw, 2)?;
    deque_setitem(vm, &a[0], &a[1], None)?;
    Ok(Value::None)
}

fn method_contains(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__contains__", args, kw, 2)?;
    let d = dq(vm, &a[0])?;
    let n = d.items.borrow(vm.token()).len();
    Ok(Value::Bool(find(vm, d, &a[1], 0, n)?.is_some()))
}

fn deque_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let d = dq(vm, me)?;
    let name = tname(vm, me);
    let id = me.as_obj().map_or(0, ObjRef::id);
    if !vm.repr_enter(id) {
        return Ok(new_str("[...]"));
    }
    let items = snapshot(vm, d);
    let mut parts = Vec::with_capacity(items.len());
    for x in &items {
        match vm.repr(x).and_then(|r| vm.str_text(&r)) {
            Ok(t) => parts.push(t.to_string_lossy().into_owned()),
            Err(e) => {
                vm.repr_leave(id);
                return Err(e);
            }
        }
    }
    vm.repr_leave(id);
    let body = format!("[{}]", parts.join(", "));
    Ok(new_str(&match *d.maxlen.borrow(vm.token()) {
        Some(m) => format!("{name}({body}, maxlen={m})"),
        None => format!("{name}({body})"),
    }))
}

fn deque_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.downcast::<Deque>(), b.downcast::<Deque>()) else {
        return Ok(None);
    };
    let xs = Value::Obj(List::alloc(snapshot(vm, x)));
    let ys = Value::Obj(List::alloc(snapshot(vm, y)));
    vm.rich_compare(&xs, &ys, op).map(Some)
}

fn deque_iter(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    make_iter(vm, me, false)
}

fn make_iter(vm: &mut Vm, me: &Value, reverse: bool) -> PyResult<Value> {
    let d = dq(vm, me)?;
    let state = *d.state.borrow(vm.token());
    let m = vm.import_module("_collections")?;
    let name = if reverse {
        "_deque_reverse_iterator"
    } else {
        "_deque_iterator"
    };
    let key = vm::builtins::str::intern(vm.token(), name);
    let Value::Obj(t) = vm.getattr(&m, &key)? else {
        return Err(PyErr::runtime_error("deque iterator type missing"));
    };
    Ok(Value::Obj(ObjRef::new(
        &t,
        DequeIter {
            deque: me.clone(),
            index: PyCell::new(0),
            reverse,
            state,
        },
    )))
}

fn method_iter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__iter__", args, kw, 1)?;
    make_iter(vm, &a[0], false)
}

fn method_reversed(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__reversed__", args, kw, 1)?;
    make_iter(vm, &a[0], true)
}

fn deque_iter_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(it) = me.downcast::<DequeIter>() else {
        return Ok(None);
    };
    let Some(d) = it.deque.downcast::<Deque>() else {
        return Ok(None);
    };
    if *d.state.borrow(vm.token()) != it.state {
        return Err(PyErr::runtime_error("deque mutated during iteration"));
    }
    let i = *it.index.borrow(vm.token());
    let items = d.items.borrow(vm.token());
    let n = items.len();
    if i >= n {
        return Ok(None);
    }
    let v = if it.reverse {
        items[n - 1 - i].clone()
    } else {
        items[i].clone()
    };
    *it.index.borrow_mut(vm.token()) = i + 1;
    Ok(Some(v))
}

fn iter_next_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__next__", args, kw, 1)?;
    deque_iter_next(vm, &a[0])?.ok_or_else(|| PyErr::bare(ExcKind::StopIteration))
}

fn iter_self_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__iter__", args, kw, 1)?;
    Ok(a[0].clone())
}

fn deque_add(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.downcast::<Deque>(), b.downcast::<Deque>()) else {
        if a.downcast::<Deque>().is_some() {
            return Err(PyErr::type_error(format!(
                "can only concatenate deque (not \"{}\") to deque",
                tname(vm, b)
            )));
        }
        return Ok(None);
    };
    let mut items = x.items.borrow(vm.token()).clone();
    items.extend(y.items.borrow(vm.token()).iter().cloned());
    let maxlen = *x.maxlen.borrow(vm.token());
    let out = new_deque(&a.type_ref(), VecDeque::new(), maxlen);
    if let Some(d) = out.downcast::<Deque>() {
        for v in items {
            push(vm, d, v, false);
        }
    }
    Ok(Some(out))
}

fn deque_iadd(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if a.downcast::<Deque>().is_none() {
        return Ok(None);
    }
    fill(vm, a, b, false)?;
    Ok(Some(a.clone()))
}

/// `deque * n` and `n * deque`: the items repeated, trimmed to `maxlen` from
/// the left as appends would.
fn deque_mul(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (d, n) = match (a.downcast::<Deque>(), b.downcast::<Deque>()) {
        (Some(_), _) => (a, b),
        (None, Some(_)) => (b, a),
        _ => return Ok(None),
    };
    if n.as_int().is_none() {
        return Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            tname(vm, n)
        )));
    }
    let times = vm.index_i64(n)?.max(0) as usize;
    let Some(x) = d.downcast::<Deque>() else {
        return Ok(None);
    };
    let items: Vec<Value> = snapshot(vm, x);
    let maxlen = *x.maxlen.borrow(vm.token());
    let total = items.len().saturating_mul(times);
    let keep = maxlen.map_or(total, |m| m.min(total));
    if keep > 1 << 28 {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let out: VecDeque<Value> = if items.is_empty() {
        VecDeque::new()
    } else {
        (total - keep..total)
            .map(|i| items[i % items.len()].clone())
            .collect()
    };
    Ok(Some(new_deque(&d.type_ref(), out, maxlen)))
}

fn deque_unhashable(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    let _ = (vm, v);
    Err(PyErr::type_error("unhashable type: 'collections.deque'"))
}

fn deque_bool(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(deque_len(vm, v)? > 0)
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1`
/// for each element (CPython's `_collections._count_elements`).
fn count_elements(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_count_elements", args, kw, 2)?;
    let it = vm.iter(&a[1])?;
    let exact_dict = a[0]
        .as_obj()
        .is_some_and(|o| o.type_is(&vm::types::builtin_types().dict));
    let get = vm::builtins::str::intern(vm.token(), "get");
    while let Some(x) = vm.next(&it)? {
        if exact_dict {
            if let Some(d) = a[0].downcast::<Dict>() {
                let old = d.get(vm, &x)?.unwrap_or(Value::Int(0));
                let new = vm.binary_op(&old, &Value::Int(1), BinOp::Add)?;
                d.set(vm, x, new)?;
                continue;
            }
        }
        let g = vm.getattr(&a[0], &get)?;
        let old = vm.call(&g, &[x.clone(), Value::Int(0)], None)?;
        let new = vm.binary_op(&old, &Value::Int(1), BinOp::Add)?;
        vm.setitem(&a[0], &x, Some(new))?;
    }
    Ok(Value::None)
}

/// Creates the `_collections` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = new_module(vm, "_collections", &[("_count_elements", count_elements)]);
    let t = new_native_type(vm.token(), "deque", Deque::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "collections");
        tp.slots.len.set(Some(deque_len));
        tp.slots.iter.set(Some(deque_iter));
        tp.slots.getitem.set(Some(deque_getitem));
        tp.slots.setitem.set(Some(deque_setitem));
        tp.slots.repr.set(Some(deque_repr));
        tp.slots.richcompare.set(Some(deque_richcompare));
        tp.number.add.set(Some(deque_add));
        tp.number.multiply.set(Some(deque_mul));
        tp.slots.hash.set(Some(deque_unhashable));
        tp.number.inplace_add.set(Some(deque_iadd));
        tp.number.bool_.set(Some(deque_bool));
    }
    register_ctor(&t, deque_new, true);
    let methods: [(&'static str, NativeFn); 24] = [
        ("__init__", deque_init),
        ("append", append),
        ("appendleft", appendleft),
        ("pop", pop),
        ("popleft", popleft),
        ("extend", extend),
        ("extendleft", extendleft),
        ("clear", clear),
        ("copy", copy),
        ("__copy__", copy),
        ("count", count),
        ("index", index),
        ("insert", insert),
        ("remove", remove),
        ("reverse", reverse),
        ("rotate", rotate),
        ("__len__", method_len),
        ("__getitem__", method_getitem),
        ("__setitem__", method_setitem),
        ("__delitem__", method_delitem),
        ("__contains__", method_contains),
        ("__iter__", method_iter),
        ("__reversed__", method_reversed),
        ("_maxlen", maxlen_get),
    ];
    for (name, f) in methods {
        add_method(vm.token(), &t, name, f);
    }
    let getter = vm::calls::new_native_function("maxlen", maxlen_get);
    let prop = ObjRef::new(
        &vm::rt_types::rt().property,
        vm::descriptors::Property {
            funcs: PyCell::new([Value::Obj(getter), Value::None, Value::None, Value::None]),
        },
    );
    if let Some(tp) = t.downcast::<TypeObject>() {
        let k = Value::Obj(vm::builtins::str::intern(vm.token(), "maxlen"));
        let _ = tp.dict.set(
            &mut vm::builtins::dict::NativeEq(vm.token()),
            k,
            Value::Obj(prop),
        );
    }
    set_attr(vm, &m, "deque", Value::Obj(t));
    crate::defaultdict::install(vm, &m);
    crate::tuplegetter::install(vm, &m);
    for name in ["_deque_iterator", "_deque_reverse_iterator"] {
        let it = new_native_type(vm.token(), name, DequeIter::LAYOUT, None);
        if let Some(tp) = it.downcast::<TypeObject>() {
            tp.set_module(vm.token(), "_collections");
            tp.slots.iter.set(Some(self_iter));
            tp.slots.iternext.set(Some(deque_iter_next));
        }
        add_method(vm.token(), &it, "__next__", iter_next_method);
        add_method(vm.token(), &it, "__iter__", iter_self_method);
        set_attr(vm, &m, name, Value::Obj(it));
    }
    Ok(m)
}
