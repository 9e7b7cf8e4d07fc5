//! The `itertools` module (CPython's `Modules/itertoolsmodule.c`): lazy
//! iterator types. Every iterator is an instance of its own type (`count`,
//! `chain`, `product`, ...) carrying an [`ItState`]; values needed for a call
//! into Python are cloned out of the state first (no borrow is held across a
//! call).

use std::rc::Rc;

use vm::builtins::iter::self_iter;
use vm::builtins::str::{new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::{arg_range, exact_args, no_kwargs, ArgSpec};
use vm::class::register_ctor;
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::types::{new_native_type, TypeObject};
use vm::vm::BinOp;
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

/// The buffer `tee` iterators share: items read from the source, and the
/// number of items dropped from the front.
pub(crate) struct TeeBuffer {
    source: Value,
    items: Vec<Value>,
}

/// The state of one itertools iterator.
pub(crate) enum ItState {
    /// `count(n, step)`.
    Count { n: Value, step: Value },
    /// `cycle(it)`: `it` is `None` once exhausted, then `saved` replays.
    Cycle {
        it: Option<Value>,
        saved: Vec<Value>,
        idx: usize,
    },
    /// `repeat(obj, times)`.
    Repeat { obj: Value, left: Option<i64> },
    /// `accumulate(it, func, initial=)`.
    Accumulate {
        it: Value,
        func: Value,
        total: Option<Value>,
        initial: Option<Value>,
    },
    /// `chain(*its)` / `chain.from_iterable(its)`.
    Chain {
        source: Option<Value>,
        active: Option<Value>,
    },
    /// `compress(data, selectors)`.
    Compress { data: Value, sel: Value },
    /// `dropwhile(pred, it)`.
    DropWhile {
        pred: Value,
        it: Value,
        dropping: bool,
    },
    /// `takewhile(pred, it)`.
    TakeWhile { pred: Value, it: Value, stop: bool },
    /// `filterfalse(pred, it)`.
    FilterFalse { pred: Value, it: Value },
    /// `starmap(func, it)`.
    StarMap { func: Value, it: Value },
    /// `islice(it, start, stop, step)`.
    ISlice {
        it: Option<Value>,
        next: u64,
        stop: Option<u64>,
        step: u64,
        cnt: u64,
    },
    /// `pairwise(it)`.
    Pairwise {
        it: Option<Value>,
        old: Option<Value>,
    },
    /// `zip_longest(*its, fillvalue=)`.
    ZipLongest {
        its: Vec<Option<Value>>,
        active: usize,
        fill: Value,
    },
    /// `product`, `permutations`, `combinations`,
    /// `combinations_with_replacement`: index vectors over `pools`.
    Combinatoric(Combi),
    /// `groupby(it, key)`.
    GroupBy {
        it: Value,
        key: Value,
        tgtkey: Option<Value>,
        currkey: Option<Value>,
        currvalue: Option<Value>,
        group_id: u64,
    },
    /// A `_grouper` of a `groupby` (valid while `id` is the parent's group).
    Grouper {
        parent: Value,
        tgtkey: Value,
        id: u64,
    },
    /// A `tee` iterator: position in the shared buffer.
    Tee {
        buf: Rc<PyCell<TeeBuffer>>,
        pos: usize,
    },
    /// Exhausted.
    Done,
}

/// The combinatoric iterators' state.
pub(crate) struct Combi {
    kind: CombiKind,
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    r: usize,
    started: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CombiKind {
    Product,
    Permutations,
    Combinations,
    CombWithRepl,
}

/// The payload of every itertools iterator object.
pub struct ItIter {
    state: PyCell<ItState>,
}

impl Payload for ItIter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        match self.state.borrow(token) {
            ItState::Count { n, step } => {
                visit(n);
                visit(step);
            }
            ItState::Cycle { it, saved, .. } => {
                opt(it, visit);
                saved.iter().for_each(&mut *visit);
            }
            ItState::Repeat { obj, .. } => visit(obj),
            ItState::Accumulate {
                it,
                func,
                total,
                initial,
            } => {
                visit(it);
                visit(func);
                opt(total, visit);
                opt(initial, visit);
            }
            ItState::Chain { source, active } => {
                opt(source, visit);
                opt(active, visit);
            }
            ItState::Compress { data, sel } => {
                visit(data);
                visit(sel);
            }
            ItState::DropWhile { pred, it, .. }
            | ItState::TakeWhile { pred, it, .. }
            | ItState::FilterFalse { pred, it }
            | ItState::StarMap { func: pred, it } => {
                visit(pred);
                visit(it);
            }
            ItState::ISlice { it, .. } => opt(it, visit),
            ItState::Pairwise { it, old } => {
                opt(it, visit);
                opt(old, visit);
            }
            ItState::ZipLongest { its, fill, .. } => {
                its.iter().for_each(|x| opt(x, visit));
                visit(fill);
            }
            ItState::Combinatoric(c) => c.pools.iter().flatten().for_each(&mut *visit),
            ItState::GroupBy {
                it,
                key,
                tgtkey,
                currkey,
                currvalue,
                ..
            } => {
                visit(it);
                visit(key);
                opt(tgtkey, visit);
                opt(currkey, visit);
                opt(currvalue, visit);
            }
            ItState::Grouper { parent, tgtkey, .. } => {
                visit(parent);
                visit(tgtkey);
            }
            ItState::Tee { buf, .. } => {
                let b = buf.borrow(token);
                visit(&b.source);
                b.items.iter().for_each(&mut *visit);
            }
            ItState::Done => {}
        }
    }

    fn clear(&self, token: &mut Token) {
        let old = std::mem::replace(self.state.borrow_mut(token), ItState::Done);
        drop(old);
    }
}

fn opt(v: &Option<Value>, visit: &mut dyn FnMut(&Value)) {
    if let Some(v) = v {
        visit(v)
    }
}

fn state<'a>(vm: &'a mut Vm, v: &'a Value) -> Option<&'a mut ItState> {
    let it = v.downcast::<ItIter>()?;
    Some(it.state.borrow_mut(vm.token()))
}

fn set_state(vm: &mut Vm, v: &Value, s: ItState) {
    if let Some(st) = state(vm, v) {
        let old = std::mem::replace(st, s);
        drop(old);
    }
}

fn mk(cls: &ObjRef, s: ItState) -> Value {
    Value::Obj(ObjRef::new(
        cls,
        ItIter {
            state: PyCell::new(s),
        },
    ))
}

/// `__next__` of every itertools iterator.
fn it_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(st) = state(vm, me) else {
        return Ok(None);
    };
    match st {
        ItState::Done => Ok(None),
        ItState::Count { n, step } => {
            let (n, step) = (n.clone(), step.clone());
            let next = vm.binary_op(&n, &step, BinOp::Add)?;
            if let Some(ItState::Count { n: slot, .. }) = state(vm, me) {
                *slot = next;
            }
            Ok(Some(n))
        }
        ItState::Repeat { obj, left } => match left {
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(obj.clone()))
            }
            None => Ok(Some(obj.clone())),
        },
        ItState::Cycle { it, saved, idx } => {
            if let Some(src) = it.clone() {
                if let Some(x) = vm.next(&src)? {
                    if let Some(ItState::Cycle { saved, .. }) = state(vm, me) {
                        saved.push(x.clone());
                    }
                    return Ok(Some(x));
                }
                if let Some(ItState::Cycle { it, .. }) = state(vm, me) {
                    *it = None;
                }
                return it_next(vm, me);
            }
            if saved.is_empty() {
                return Ok(None);
            }
            let x = saved[*idx % saved.len()].clone();
            *idx = (*idx + 1) % saved.len();
            Ok(Some(x))
        }
        ItState::Accumulate {
            it,
            func,
            total,
            initial,
        } => {
            if let Some(init) = initial.take() {
                *total = Some(init.clone());
                return Ok(Some(init));
            }
            let (it, func, total) = (it.clone(), func.clone(), total.clone());
            let Some(x) = vm.next(&it)? else {
                return Ok(None);
            };
            let new = match total {
                None => x,
                Some(t) if func.is_none() => vm.binary_op(&t, &x, BinOp::Add)?,
                Some(t) => vm.call(&func, &[t, x], None)?,
            };
            if let Some(ItState::Accumulate { total, .. }) = state(vm, me) {
                *total = Some(new.clone());
            }
            Ok(Some(new))
        }
        ItState::Chain { source, active } => {
            let (source, mut active) = (source.clone(), active.clone());
            // A loop, not recursion: many empty iterables in a row must not
            // deepen the Rust stack.
            loop {
                if let Some(a) = &active {
                    if let Some(x) = vm.next(a)? {
                        return Ok(Some(x));
                    }
                }
                let Some(src) = &source else {
                    set_state(vm, me, ItState::Done);
                    return Ok(None);
                };
                match vm.next(src)? {
                    Some(iterable) => {
                        let a = vm.iter(&iterable)?;
                        if let Some(ItState::Chain { active: slot, .. }) = state(vm, me) {
                            *slot = Some(a.clone());
                        }
                        active = Some(a);
                    }
                    None => {
                        set_state(vm, me, ItState::Done);
                        return Ok(None);
                    }
                }
            }
        }
        ItState::Compress { data, sel } => {
            let (data, sel) = (data.clone(), sel.clone());
            loop {
                let Some(d) = vm.next(&data)? else {
                    return Ok(None);
                };
                let Some(s) = vm.next(&sel)? else {
                    return Ok(None);
                };
                if vm.is_true(&s)? {
                    return Ok(Some(d));
                }
            }
        }
        ItState::DropWhile { pred, it, dropping } => {
            let (pred, it, drop_on) = (pred.clone(), it.clone(), *dropping);
            loop {
                let Some(x) = vm.next(&it)? else {
                    return Ok(None);
                };
                if !drop_on {
                    return Ok(Some(x));
                }
                let r = vm.call(&pred, std::slice::from_ref(&x), None)?;
                if !vm.is_true(&r)? {
                    if let Some(ItState::DropWhile { dropping, .. }) = state(vm, me) {
                        *dropping = false;
                    }
                    return Ok(Some(x));
                }
            }
        }
        ItState::TakeWhile { pred, it, stop } => {
            if *stop {
                return Ok(None);
            }
            let (pred, it) = (pred.clone(), it.clone());
            let Some(x) = vm.next(&it)? else {
                return Ok(None);
            };
            let r = vm.call(&pred, std::slice::from_ref(&x), None)?;
            if vm.is_true(&r)? {
                return Ok(Some(x));
            }
            if let Some(ItState::TakeWhile { stop, .. }) = state(vm, me) {
                *stop = true;
            }
            Ok(None)
        }
        ItState::FilterFalse { pred, it } => {
            let (pred, it) = (pred.clone(), it.clone());
            loop {
                let Some(x) = vm.next(&it)? else {
                    return Ok(None);
                };
                let keep = if pred.is_none() {
                    vm.is_true(&x)?
                } else {
                    let r = vm.call(&pred, std::slice::from_ref(&x), None)?;
                    vm.is_true(&r)?
                };
                if !keep {
                    return Ok(Some(x));
                }
            }
        }
        ItState::StarMap { func, it } => {
            let (func, it) = (func.clone(), it.clone());
            let Some(x) = vm.next(&it)? else {
                return Ok(None);
            };
            let args = vm.sequence_to_vec(&x)?;
            Ok(Some(vm.call(&func, &args, None)?))
        }
        ItState::ISlice {
            it,
            next,
            stop,
            step,
            cnt,
        } => {
            let Some(src) = it.clone() else {
                return Ok(None);
            };
            let (target, stop_at, step) = (*next, *stop, *step);
            let mut c = *cnt;
            while c < target {
                if stop_at.is_some_and(|s| c >= s) {
                    break;
                }
                if vm.next(&src)?.is_none() {
                    set_state(vm, me, ItState::Done);
                    return Ok(None);
                }
                c += 1;
            }
            if stop_at.is_some_and(|s| c >= s) {
                set_state(vm, me, ItState::Done);
                return Ok(None);
            }
            let Some(x) = vm.next(&src)? else {
                set_state(vm, me, ItState::Done);
                return Ok(None);
            };
            if let Some(ItState::ISlice { next, cnt, .. }) = state(vm, me) {
                *cnt = c + 1;
                *next = target.saturating_add(step);
                if let Some(s) = stop_at {
                    *next = (*next).min(s);
                }
            }
            Ok(Some(x))
        }
        ItState::Pairwise { it, old } => {
            let Some(src) = it.clone() else {
                return Ok(None);
            };
            let prev = match old.clone() {
                Some(o) => o,
                None => match vm.next(&src)? {
                    Some(o) => o,
                    None => {
                        set_state(vm, me, ItState::Done);
                        return Ok(None);
                    }
                },
            };
            let Some(new) = vm.next(&src)? else {
                set_state(vm, me, ItState::Done);
                return Ok(None);
            };
            if let Some(ItState::Pairwise { old, .. }) = state(vm, me) {
                *old = Some(new.clone());
            }
            Ok(Some(Value::Obj(Tuple::alloc(vec![prev, new]))))
        }
        ItState::ZipLongest { its, active, fill } => {
            if *active == 0 {
                return Ok(None);
            }
            let (its, fill) = (its.clone(), fill.clone());
            let mut out = Vec::with_capacity(its.len());
            for (i, it) in its.iter().enumerate() {
                let Some(src) = it else {
                    out.push(fill.clone());
                    continue;
                };
                match vm.next(src)? {
                    Some(x) => out.push(x),
                    None => {
                        let mut left = 0;
                        if let Some(ItState::ZipLongest { its, active, .. }) = state(vm, me) {
                            if let Some(slot) = its.get_mut(i) {
                                *slot = None;
                            }
                            *active = active.saturating_sub(1);
                            left = *active;
                        }
                        if left == 0 {
                            set_state(vm, me, ItState::Done);
                            return Ok(None);
                        }
                        out.push(fill.clone());
                    }
                }
            }
            Ok(Some(Value::Obj(Tuple::alloc(out))))
        }
        ItState::Combinatoric(c) => {
            let r = combi_next(c);
            if r.is_none() {
                set_state(vm, me, ItState::Done);
            }
            Ok(r)
        }
        ItState::GroupBy { .. } => groupby_next(vm, me),
        ItState::Grouper { .. } => grouper_next(vm, me),
        ItState::Tee { buf, pos } => {
            let (buf, p) = (buf.clone(), *pos);
            let (have, src) = {
                let b = buf.borrow_mut(vm.token());
                (b.items.get(p).cloned(), b.source.clone())
            };
            let x = match have {
                Some(x) => x,
                None => {
                    let Some(x) = vm.next(&src)? else {
                        return Ok(None);
                    };
                    buf.borrow_mut(vm.token()).items.push(x.clone());
                    x
                }
            };
            if let Some(ItState::Tee { pos, .. }) = state(vm, me) {
                *pos += 1;
            }
            Ok(Some(x))
        }
    }
}

/// Advances a combinatoric iterator (CPython's algorithms from the itertools
/// documentation, on index vectors).
fn combi_next(c: &mut Combi) -> Option<Value> {
    let n = c.pools.first().map_or(0, Vec::len);
    let r = c.r;
    if !c.started {
        c.started = true;
        match c.kind {
            CombiKind::Product => {
                if c.pools.iter().any(Vec::is_empty) {
                    return None;
                }
                c.indices = vec![0; c.pools.len()];
            }
            CombiKind::Permutations => {
                if r > n {
                    return None;
                }
                c.indices = (0..n).collect();
                c.cycles = (0..r).map(|i| n - i).collect();
            }
            CombiKind::Combinations => {
                if r > n {
                    return None;
                }
                c.indices = (0..r).collect();
            }
            CombiKind::CombWithRepl => {
                if n == 0 && r > 0 {
                    return None;
                }
                c.indices = vec![0; r];
            }
        }
        return Some(combi_emit(c));
    }
    match c.kind {
        CombiKind::Product => {
            let mut i = c.pools.len();
            loop {
                if i == 0 {
                    return None;
                }
                i -= 1;
                c.indices[i] += 1;
                if c.indices[i] < c.pools[i].len() {
                    break;
                }
                c.indices[i] = 0;
            }
        }
        CombiKind::Permutations => {
            let mut i = r;
            loop {
                if i == 0 {
                    return None;
                }
                i -= 1;
                c.cycles[i] -= 1;
                if c.cycles[i] == 0 {
                    let x = c.indices.remove(i);
                    c.indices.push(x);
                    c.cycles[i] = n - i;
                } else {
                    let j = c.cycles[i];
                    c.indices.swap(i, n - j);
                    break;
                }
            }
        }
        CombiKind::Combinations => {
            let mut i = r;
            loop {
                if i == 0 {
                    return None;
                }
                i -= 1;
                if c.indices[i] != i + n - r {
                    break;
                }
            }
            c.indices[i] += 1;
            for j in i + 1..r {
                c.indices[j] = c.indices[j - 1] + 1;
            }
        }
        CombiKind::CombWithRepl => {
            let mut i = r;
            loop {
                if i == 0 {
                    return None;
                }
                i -= 1;
                if c.indices[i] != n - 1 {
                    break;
                }
            }
            let v = c.indices[i] + 1;
            for j in i..r {
                c.indices[j] = v;
            }
        }
    }
    Some(combi_emit(c))
}

fn combi_emit(c: &Combi) -> Value {
    let items: Vec<Value> = match c.kind {
        CombiKind::Product => c
            .indices
            .iter()
            .zip(&c.pools)
            .map(|(&i, p)| p[i].clone())
            .collect(),
        _ => c.indices[..c.r]
            .iter()
            .map(|&i| c.pools[0][i].clone())
            .collect(),
    };
    Value::Obj(Tuple::alloc(items))
}

fn groupby_step(vm: &mut Vm, me: &Value) -> PyResult<bool> {
    let Some(ItState::GroupBy { it, key, .. }) = state(vm, me) else {
        return Ok(false);
    };
    let (it, key) = (it.clone(), key.clone());
    let Some(v) = vm.next(&it)? else {
        return Ok(false);
    };
    let k = if key.is_none() {
        v.clone()
    } else {
        vm.call(&key, std::slice::from_ref(&v), None)?
    };
    if let Some(ItState::GroupBy {
        currkey, currvalue, ..
    }) = state(vm, me)
    {
        *currkey = Some(k);
        *currvalue = Some(v);
    }
    Ok(true)
}

fn groupby_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    loop {
        let Some(ItState::GroupBy {
            tgtkey, currkey, ..
        }) = state(vm, me)
        else {
            return Ok(None);
        };
        let (tgt, cur) = (tgtkey.clone(), currkey.clone());
        match (cur, tgt) {
            (None, _) => {
                if !groupby_step(vm, me)? {
                    return Ok(None);
                }
            }
            (Some(c), Some(t)) => {
                if vm.eq_bool(&t, &c)? {
                    if !groupby_step(vm, me)? {
                        return Ok(None);
                    }
                } else {
                    break;
                }
            }
            (Some(_), None) => break,
        }
    }
    let Some(ItState::GroupBy {
        tgtkey,
        currkey,
        group_id,
        ..
    }) = state(vm, me)
    else {
        return Ok(None);
    };
    let Some(k) = currkey.clone() else {
        return Ok(None);
    };
    *tgtkey = Some(k.clone());
    *group_id += 1;
    let id = *group_id;
    let gt = grouper_type(vm)?;
    let g = mk(
        &gt,
        ItState::Grouper {
            parent: me.clone(),
            tgtkey: k.clone(),
            id,
        },
    );
    Ok(Some(Value::Obj(Tuple::alloc(vec![k, g]))))
}

fn grouper_type(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.import_module("itertools")?;
    let name = vm::builtins::str::intern(vm.token(), "_grouper");
    match vm.getattr(&m, &name)? {
        Value::Obj(t) => Ok(t),
        _ => Err(PyErr::runtime_error("itertools._grouper is missing")),
    }
}

fn grouper_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(ItState::Grouper { parent, tgtkey, id }) = state(vm, me) else {
        return Ok(None);
    };
    let (parent, tgt, id) = (parent.clone(), tgtkey.clone(), *id);
    let Some(ItState::GroupBy {
        currvalue,
        group_id,
        ..
    }) = state(vm, &parent)
    else {
        return Ok(None);
    };
    if *group_id != id {
        return Ok(None);
    }
    if currvalue.is_none() && !groupby_step(vm, &parent)? {
        return Ok(None);
    }
    let Some(ItState::GroupBy {
        currkey, currvalue, ..
    }) = state(vm, &parent)
    else {
        return Ok(None);
    };
    let (ck, cv) = (currkey.clone(), currvalue.clone());
    let (Some(ck), Some(cv)) = (ck, cv) else {
        return Ok(None);
    };
    if !vm.eq_bool(&tgt, &ck)? {
        return Ok(None);
    }
    if let Some(ItState::GroupBy { currvalue, .. }) = state(vm, &parent) {
        *currvalue = None;
    }
    Ok(Some(cv))
}

// ----- constructors -----

fn count_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [s, st]) = ArgSpec::parse(vm, "count", args, kw, ["start", "step"])?;
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "count expected at most 2 arguments, got {}",
            pos.len()
        )));
    }
    let n = s.or_else(|| pos.first().cloned()).unwrap_or(Value::Int(0));
    let step = st.or_else(|| pos.get(1).cloned()).unwrap_or(Value::Int(1));
    for v in [&n, &step] {
        let numeric = matches!(v, Value::Int(_) | Value::Bool(_) | Value::Float(_))
            || v.as_int().is_some()
            || ["__index__", "__int__", "__float__"].iter().any(|n| {
                let k = Value::Obj(vm::builtins::str::intern(vm.token(), n));
                let ty = v.type_ref();
                ty.downcast::<TypeObject>()
                    .and_then(|t| t.lookup(vm.token(), &k))
                    .is_some()
            });
        if !numeric {
            return Err(PyErr::type_error("a number is required"));
        }
    }
    Ok(mk(cls, ItState::Count { n, step }))
}

fn count_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let Some(ItState::Count { n, step }) = state(vm, me) else {
        return Ok(new_str("count()"));
    };
    let (n, step) = (n.clone(), step.clone());
    let ns = repr_text(vm, &n)?;
    if matches!(step, Value::Int(1)) {
        return Ok(new_str(&format!("count({ns})")));
    }
    let ss = repr_text(vm, &step)?;
    Ok(new_str(&format!("count({ns}, {ss})")))
}

fn repr_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = vm.repr(v)?;
    Ok(r.downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
        .unwrap_or_default())
}

fn cycle_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_kwargs(vm, "cycle", kw)?;
    let a = exact_args(vm, "cycle", args, None, 1)?;
    let it = vm.iter(&a[0])?;
    Ok(mk(
        cls,
        ItState::Cycle {
            it: Some(it),
            saved: Vec::new(),
            idx: 0,
        },
    ))
}

fn repeat_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [o, t]) = ArgSpec::parse(vm, "repeat", args, kw, ["object", "times"])?;
    let obj = o.or_else(|| pos.first().cloned());
    let Some(obj) = obj else {
        return Err(PyErr::type_error(
            "repeat() missing required argument 'object' (pos 1)",
        ));
    };
    let left = match t.or_else(|| pos.get(1).cloned()) {
        Some(t) => Some(vm.index_i64(&t)?.max(0)),
        None => None,
    };
    Ok(mk(cls, ItState::Repeat { obj, left }))
}

fn repeat_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let Some(ItState::Repeat { obj, left }) = state(vm, me) else {
        return Ok(new_str("repeat()"));
    };
    let (obj, left) = (obj.clone(), *left);
    let o = repr_text(vm, &obj)?;
    Ok(new_str(&match left {
        Some(n) => format!("repeat({o}, {n})"),
        None => format!("repeat({o})"),
    }))
}

fn accumulate_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (pos, [i, f, init]) =
        ArgSpec::parse(vm, "accumulate", args, kw, ["iterable", "func", "initial"])?;
    let Some(iterable) = i.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(
            "accumulate() missing required argument 'iterable' (pos 1)",
        ));
    };
    let func = f.or_else(|| pos.get(1).cloned()).unwrap_or(Value::None);
    let it = vm.iter(&iterable)?;
    let initial = init.filter(|v| !v.is_none());
    Ok(mk(
        cls,
        ItState::Accumulate {
            it,
            func,
            total: None,
            initial,
        },
    ))
}

fn chain_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_kwargs(vm, "chain", kw)?;
    let src = vm.iter(&Value::Obj(Tuple::alloc(args.to_vec())))?;
    Ok(mk(
        cls,
        ItState::Chain {
            source: Some(src),
            active: None,
        },
    ))
}

fn chain_from_iterable(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "from_iterable", args, kw, 2)?;
    let src = vm.iter(&a[1])?;
    let Value::Obj(cls) = &a[0] else {
        return Err(PyErr::type_error("from_iterable() needs a class"));
    };
    Ok(mk(
        cls,
        ItState::Chain {
            source: Some(src),
            active: None,
        },
    ))
}

fn compress_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [d, s]) = ArgSpec::parse(vm, "compress", args, kw, ["data", "selectors"])?;
    let (Some(d), Some(s)) = (
        d.or_else(|| pos.first().cloned()),
        s.or_else(|| pos.get(1).cloned()),
    ) else {
        return Err(PyErr::type_error(
            "compress() missing required argument 'selectors' (pos 2)",
        ));
    };
    let data = vm.iter(&d)?;
    let sel = vm.iter(&s)?;
    Ok(mk(cls, ItState::Compress { data, sel }))
}

fn pred_it(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<(Value, Value)> {
    no_kwargs(vm, name, kw)?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "{name} expected 2 arguments, got {}",
            args.len()
        )));
    }
    let it = vm.iter(&args[1])?;
    Ok((args[0].clone(), it))
}

fn dropwhile_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (pred, it) = pred_it(vm, "dropwhile", args, kw)?;
    Ok(mk(
        cls,
        ItState::DropWhile {
            pred,
            it,
            dropping: true,
        },
    ))
}

fn takewhile_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (pred, it) = pred_it(vm, "takewhile", args, kw)?;
    Ok(mk(
        cls,
        ItState::TakeWhile {
            pred,
            it,
            stop: false,
        },
    ))
}

fn filterfalse_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (pred, it) = pred_it(vm, "filterfalse", args, kw)?;
    Ok(mk(cls, ItState::FilterFalse { pred, it }))
}

fn starmap_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (func, it) = pred_it(vm, "starmap", args, kw)?;
    Ok(mk(cls, ItState::StarMap { func, it }))
}

fn islice_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Option<u64>> {
    if v.is_none() {
        return Ok(None);
    }
    let msg =
        format!("{what} argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    if v.as_int().is_none() && vm::class::call_special(vm, v, "__index__", &[])?.is_none() {
        return Err(PyErr::value_error(msg));
    }
    match vm.index_i64(v) {
        Ok(n) if n >= 0 => Ok(Some(n as u64)),
        _ => Err(PyErr::value_error(msg)),
    }
}

fn islice_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_kwargs(vm, "islice", kw)?;
    let a = arg_range(vm, "islice", args, None, 2, 4)?;
    let it = vm.iter(&a[0])?;
    let (start, stop, step) = if a.len() == 2 {
        (None, islice_arg(vm, &a[1], "Stop")?, None)
    } else {
        let start = islice_arg(vm, &a[1], "Indices")?;
        let stop = islice_arg(vm, &a[2], "Stop")?;
        let step = match a.get(3) {
            Some(s) if !s.is_none() => match vm.index_i64(s) {
                Ok(n) if n >= 1 => Some(n as u64),
                _ => {
                    return Err(PyErr::value_error(
                        "Step for islice() must be a positive integer or None.",
                    ))
                }
            },
            _ => None,
        };
        (start, stop, step)
    };
    let start = start.unwrap_or(0);
    Ok(mk(
        cls,
        ItState::ISlice {
            it: Some(it),
            next: start,
            stop,
            step: step.unwrap_or(1),
            cnt: 0,
        },
    ))
}

fn pairwise_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_kwargs(vm, "pairwise", kw)?;
    let a = exact_args(vm, "pairwise", args, None, 1)?;
    let it = vm.iter(&a[0])?;
    Ok(mk(
        cls,
        ItState::Pairwise {
            it: Some(it),
            old: None,
        },
    ))
}

fn zip_longest_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (pos, [fill]) = ArgSpec::parse(vm, "zip_longest", args, kw, ["fillvalue"])?;
    let mut its = Vec::with_capacity(pos.len());
    for (i, a) in pos.iter().enumerate() {
        let it = vm.iter(a).map_err(|_| {
            PyErr::type_error(format!(
                "zip_longest argument #{} must support iteration",
                i + 1
            ))
        })?;
        its.push(Some(it));
    }
    let active = its.len();
    Ok(mk(
        cls,
        ItState::ZipLongest {
            its,
            active,
            fill: fill.unwrap_or(Value::None),
        },
    ))
}

fn combi(kind: CombiKind, pools: Vec<Vec<Value>>, r: usize) -> ItState {
    ItState::Combinatoric(Combi {
        kind,
        pools,
        indices: Vec::new(),
        cycles: Vec::new(),
        r,
        started: false,
    })
}

fn product_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [rep]) = ArgSpec::parse(vm, "product", args, kw, ["repeat"])?;
    let repeat = match rep {
        Some(r) => vm.index_i64(&r)?,
        None => 1,
    };
    if repeat < 0 {
        return Err(PyErr::value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::with_capacity(pos.len());
    for p in pos {
        base.push(vm.sequence_to_vec(p)?);
    }
    let total = base.len().saturating_mul(repeat as usize);
    if total > 1 << 20 {
        return Err(PyErr::new(
            vm::ExcKind::OverflowError,
            "repeat argument too large",
        ));
    }
    let mut pools = Vec::with_capacity(total);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    Ok(mk(cls, combi(CombiKind::Product, pools, 0)))
}

fn r_arg(vm: &mut Vm, v: Option<Value>, default: usize) -> PyResult<usize> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => {
            if v.as_int().is_none() {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    tname(vm, &v)
                )));
            }
            let n = vm.index_i64(&v)?;
            if n < 0 {
                return Err(PyErr::value_error("r must be non-negative"));
            }
            Ok(n as usize)
        }
    }
}

fn permutations_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (pos, [i, r]) = ArgSpec::parse(vm, "permutations", args, kw, ["iterable", "r"])?;
    let Some(iterable) = i.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(
            "permutations() missing required argument 'iterable' (pos 1)",
        ));
    };
    let pool = vm.sequence_to_vec(&iterable)?;
    let r = r_arg(vm, r.or_else(|| pos.get(1).cloned()), pool.len())?;
    Ok(mk(cls, combi(CombiKind::Permutations, vec![pool], r)))
}

fn combinations_common(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<(Vec<Value>, usize)> {
    let (pos, [i, r]) = ArgSpec::parse(vm, name, args, kw, ["iterable", "r"])?;
    let (Some(iterable), Some(r)) = (
        i.or_else(|| pos.first().cloned()),
        r.or_else(|| pos.get(1).cloned()),
    ) else {
        return Err(PyErr::type_error(format!(
            "{name}() missing required argument 'r' (pos 2)"
        )));
    };
    let pool = vm.sequence_to_vec(&iterable)?;
    let r = r_arg(vm, Some(r), 0)?;
    Ok((pool, r))
}

fn combinations_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (pool, r) = combinations_common(vm, "combinations", args, kw)?;
    Ok(mk(cls, combi(CombiKind::Combinations, vec![pool], r)))
}

fn cwr_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pool, r) = combinations_common(vm, "combinations_with_replacement", args, kw)?;
    Ok(mk(cls, combi(CombiKind::CombWithRepl, vec![pool], r)))
}

fn groupby_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [i, k]) = ArgSpec::parse(vm, "groupby", args, kw, ["iterable", "key"])?;
    let Some(iterable) = i.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(
            "groupby() missing required argument 'iterable' (pos 1)",
        ));
    };
    let it = vm.iter(&iterable)?;
    let key = k.or_else(|| pos.get(1).cloned()).unwrap_or(Value::None);
    Ok(mk(
        cls,
        ItState::GroupBy {
            it,
            key,
            tgtkey: None,
            currkey: None,
            currvalue: None,
            group_id: 0,
        },
    ))
}

fn tee(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    no_kwargs(vm, "tee", kw)?;
    let a = arg_range(vm, "tee", args, None, 1, 2)?;
    let n = match a.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::value_error("n must be >= 0"));
    }
    let source = vm.iter(&a[0])?;
    let m = vm.import_module("itertools")?;
    let name = vm::builtins::str::intern(vm.token(), "_tee");
    let Value::Obj(tt) = vm.getattr(&m, &name)? else {
        return Err(PyErr::runtime_error("itertools._tee is missing"));
    };
    let buf = Rc::new(PyCell::new(TeeBuffer {
        source,
        items: Vec::new(),
    }));
    let its = (0..n.min(1 << 16))
        .map(|_| {
            mk(
                &tt,
                ItState::Tee {
                    buf: buf.clone(),
                    pos: 0,
                },
            )
        })
        .collect();
    Ok(Value::Obj(Tuple::alloc(its)))
}

fn method_next(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__next__", args, kw, 1)?;
    match it_next(vm, &a[0])? {
        Some(v) => Ok(v),
        None => Err(PyErr::bare(vm::ExcKind::StopIteration)),
    }
}

fn method_iter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__iter__", args, kw, 1)?;
    Ok(a[0].clone())
}

fn new_iter_type(vm: &mut Vm, name: &str) -> ObjRef {
    let t = new_native_type(vm.token(), name, ItIter::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "itertools");
        tp.slots.iter.set(Some(self_iter));
        tp.slots.iternext.set(Some(it_next));
    }
    vm::calls::add_method(vm.token(), &t, "__next__", method_next);
    vm::calls::add_method(vm.token(), &t, "__iter__", method_iter);
    t
}

/// Creates the `itertools` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = new_module(vm, "itertools", &[("tee", tee)]);
    let types: [(&str, vm::class::CtorFn); 18] = [
        ("count", count_new),
        ("cycle", cycle_new),
        ("repeat", repeat_new),
        ("accumulate", accumulate_new),
        ("chain", chain_new),
        ("compress", compress_new),
        ("dropwhile", dropwhile_new),
        ("takewhile", takewhile_new),
        ("filterfalse", filterfalse_new),
        ("starmap", starmap_new),
        ("islice", islice_new),
        ("pairwise", pairwise_new),
        ("zip_longest", zip_longest_new),
        ("product", product_new),
        ("permutations", permutations_new),
        ("combinations", combinations_new),
        ("combinations_with_replacement", cwr_new),
        ("groupby", groupby_new),
    ];
    for (name, ctor) in types {
        let t = new_iter_type(vm, name);
        if let Some(tp) = t.downcast::<TypeObject>() {
            match name {
                "count" => tp.slots.repr.set(Some(count_repr)),
                "repeat" => tp.slots.repr.set(Some(repeat_repr)),
                _ => {}
            }
        }
        register_ctor(&t, ctor, false);
        if name == "chain" {
            let cm = vm::calls::new_native_function("from_iterable", chain_from_iterable);
            let cm = Value::Obj(ObjRef::new(
                &vm::rt_types::rt().classmethod,
                vm::descriptors::ClassMethod {
                    func: Value::Obj(cm),
                },
            ));
            if let Some(tp) = t.downcast::<TypeObject>() {
                let k = Value::Obj(vm::builtins::str::intern(vm.token(), "from_iterable"));
                let _ = tp
                    .dict
                    .set(&mut vm::builtins::dict::NativeEq(vm.token()), k, cm);
            }
        }
        set_attr(vm, &m, name, Value::Obj(t));
    }
    for name in ["_grouper", "_tee"] {
        let t = new_iter_type(vm, name);
        set_attr(vm, &m, name, Value::Obj(t));
    }
    Ok(m)
}
