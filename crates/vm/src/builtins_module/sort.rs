//! `sorted`, `min`, `max`, and the stable merge sort behind them and
//! `list.sort` (CPython's `listsort` semantics: only `<` is used, stable, a
//! raising comparison stops the sort). Written as a plain merge sort so a
//! comparison that is not a total order can't make it panic.

use crate::builtins::list::List;
use crate::calls::{ArgSpec, NativeFn};
use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::CompareOp;
use crate::value::Value;
use crate::vm::Vm;

/// `a < b` as a bool, with the inline fast paths.
fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        _ => {
            let r = vm.rich_compare(a, b, CompareOp::Lt)?;
            vm.is_true(&r)
        }
    }
}

/// Sorts `items` (with `keys` if given) stably by `<`; `reverse` keeps
/// stability as CPython does (reverse, sort, reverse).
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let mut pairs: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for v in items {
        let k = match key {
            Some(f) => vm.call(f, std::slice::from_ref(&v), None)?,
            None => v.clone(),
        };
        pairs.push((k, v));
    }
    if reverse {
        pairs.reverse();
    }
    let mut buf = pairs.clone();
    merge_sort(vm, &mut pairs, &mut buf)?;
    if reverse {
        pairs.reverse();
    }
    Ok(pairs.into_iter().map(|(_, v)| v).collect())
}

fn merge_sort(vm: &mut Vm, a: &mut [(Value, Value)], buf: &mut [(Value, Value)]) -> PyResult<()> {
    let n = a.len();
    if n <= 1 {
        return Ok(());
    }
    if n <= 8 {
        // Insertion sort (stable: move left only while strictly less).
        for i in 1..n {
            let mut j = i;
            while j > 0 && less(vm, &a[j].0, &a[j - 1].0)? {
                a.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(());
    }
    let mid = n / 2;
    {
        let (l, r) = a.split_at_mut(mid);
        let (bl, br) = buf.split_at_mut(mid);
        merge_sort(vm, l, bl)?;
        merge_sort(vm, r, br)?;
    }
    buf[..n].clone_from_slice(a);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        if less(vm, &buf[j].0, &buf[i].0)? {
            a[k] = buf[j].clone();
            j += 1;
        } else {
            a[k] = buf[i].clone();
            i += 1;
        }
        k += 1;
    }
    while i < mid {
        a[k] = buf[i].clone();
        i += 1;
        k += 1;
    }
    while j < n {
        a[k] = buf[j].clone();
        j += 1;
        k += 1;
    }
    Ok(())
}

fn sorted(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [key, reverse]) = ArgSpec::parse(vm, "sorted", args, kw, ["key", "reverse"])?;
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            pos.len()
        )));
    }
    let items = vm.sequence_to_vec(&pos[0])?;
    let rev = match reverse {
        Some(r) => vm.is_true(&r)?,
        None => false,
    };
    let key = key.filter(|k| !k.is_none());
    let out = sort_values(vm, items, key.as_ref(), rev)?;
    Ok(Value::Obj(List::alloc(out)))
}

fn min_max(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    want_less: bool,
) -> PyResult<Value> {
    let (pos, [key, default]) = ArgSpec::parse(vm, name, args, kw, ["key", "default"])?;
    let items = match pos.len() {
        0 => {
            return Err(PyErr::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => vm.sequence_to_vec(&pos[0])?,
        _ => {
            if default.is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            pos.to_vec()
        }
    };
    let key = key.filter(|k| !k.is_none());
    let mut best: Option<(Value, Value)> = None;
    for v in items {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&v), None)?,
            None => v.clone(),
        };
        best = Some(match best {
            None => (k, v),
            Some((bk, bv)) => {
                let better = if want_less {
                    less(vm, &k, &bk)?
                } else {
                    less(vm, &bk, &k)?
                };
                if better {
                    (k, v)
                } else {
                    (bk, bv)
                }
            }
        });
    }
    match best {
        Some((_, v)) => Ok(v),
        None => {
            default.ok_or_else(|| PyErr::value_error(format!("{name}() arg is an empty sequence")))
        }
    }
}

fn min(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    min_max(vm, args, kw, "min", true)
}

fn max(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    min_max(vm, args, kw, "max", false)
}

/// Registers `sorted`, `min`, `max`.
pub fn install(vm: &mut Vm, func: fn(&mut Vm, &'static str, NativeFn)) {
    func(vm, "sorted", sorted);
    func(vm, "min", min);
    func(vm, "max", max);
}
