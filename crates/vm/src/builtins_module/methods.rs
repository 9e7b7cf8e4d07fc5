//! A first handful of methods of `list`, `dict`, `str` and `set`, so that
//! ordinary programs run; the full method tables belong in each type's file
//! (`builtins/*.rs`) and are expected to replace these. Known differences:
//! `dict.keys()`/`values()`/`items()` return lists, not views.

use common::text::Text;

use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::set::Set;
use crate::builtins::str::{new_str, StrObj};
use crate::builtins::tuple::Tuple;
use crate::calls::{add_method, arg_range, method_args, ArgSpec};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::builtin_types;
use crate::value::Value;
use crate::vm::Vm;

fn list_of(v: &Value) -> PyResult<&List> {
    v.downcast::<List>()
        .ok_or_else(|| PyErr::type_error("expected a list"))
}

fn list_append(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "list.append", args, kw, 1, 1)?;
    list_of(&a[0])?.append(vm.token(), a[1].clone());
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "list.pop", args, kw, 0, 1)?;
    let l = list_of(&a[0])?;
    let n = l.len(vm.token()) as i64;
    if n == 0 {
        return Err(PyErr::new(ExcKind::IndexError, "pop from empty list"));
    }
    let i = match a.get(1) {
        Some(i) => vm.index_i64(i)?,
        None => n - 1,
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::new(ExcKind::IndexError, "pop index out of range"));
    }
    Ok(l.remove(vm.token(), j as usize).unwrap_or_default())
}

fn list_extend(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "list.extend", args, kw, 1, 1)?;
    let items = vm.sequence_to_vec(&a[1])?;
    let l = list_of(&a[0])?;
    for v in items {
        l.append(vm.token(), v);
    }
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "list.insert", args, kw, 2, 2)?;
    let l = list_of(&a[0])?;
    let n = l.len(vm.token()) as i64;
    let i = vm.index_i64(&a[1])?;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(vm.token(), j as usize, a[2].clone());
    Ok(Value::None)
}

fn list_sort(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [key, reverse]) = ArgSpec::parse(vm, "sort", args, kw, ["key", "reverse"])?;
    if pos.len() != 1 {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let l = list_of(&pos[0])?;
    let rev = match reverse {
        Some(r) => vm.is_true(&r)?,
        None => false,
    };
    let key = key.filter(|k| !k.is_none());
    // As CPython's `list_sort_impl`: the list is empty while the key function and
    // comparisons run; what they add is dropped, and a list that changed raises
    // "list modified during sort" (the items come back either way).
    let items = l.replace_all(vm.token(), Vec::new());
    let result = super::sort::sort_values(vm, items.clone(), key.as_ref(), rev);
    let (restored, result) = match result {
        Ok(sorted) => (sorted, Ok(())),
        Err(e) => (items, Err(e)),
    };
    let during = l.replace_all(vm.token(), restored);
    result?;
    if !during.is_empty() {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn list_reverse(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "list.reverse", args, kw, 0, 0)?;
    let l = list_of(&a[0])?;
    let mut items = l.to_vec(vm.token());
    items.reverse();
    let old = l.replace_all(vm.token(), items);
    drop(old);
    Ok(Value::None)
}

fn list_index(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "list.index", args, kw, 1, 1)?;
    let items = list_of(&a[0])?.to_vec(vm.token());
    for (i, x) in items.iter().enumerate() {
        if vm.eq_bool(x, &a[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let r = vm.repr_string(&a[1]);
    Err(PyErr::value_error(format!("{r} is not in list")))
}

fn list_copy(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "list.copy", args, kw, 0, 0)?;
    Ok(Value::Obj(List::alloc(list_of(&a[0])?.to_vec(vm.token()))))
}

fn dict_of(v: &Value) -> PyResult<&Dict> {
    v.downcast::<Dict>()
        .ok_or_else(|| PyErr::type_error("expected a dict"))
}

fn dict_get(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "dict.get", args, kw, 1, 2)?;
    let d = dict_of(&a[0])?;
    Ok(d.get(vm, &a[1])?
        .unwrap_or_else(|| a.get(2).cloned().unwrap_or_default()))
}

fn dict_keys(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "dict.keys", args, kw, 0, 0)?;
    Ok(Value::Obj(List::alloc(dict_of(&a[0])?.keys(vm.token()))))
}

fn dict_values(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "dict.values", args, kw, 0, 0)?;
    Ok(Value::Obj(List::alloc(dict_of(&a[0])?.values(vm.token()))))
}

fn dict_items(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "dict.items", args, kw, 0, 0)?;
    let items = dict_of(&a[0])?
        .items(vm.token())
        .into_iter()
        .map(|(k, v)| Value::Obj(Tuple::alloc(vec![k, v])))
        .collect();
    Ok(Value::Obj(List::alloc(items)))
}

fn dict_pop(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "dict.pop", args, kw, 1, 2)?;
    let d = dict_of(&a[0])?;
    match d.pop(vm, &a[1])? {
        Some(v) => Ok(v),
        None => a
            .get(2)
            .cloned()
            .ok_or_else(|| PyErr::key_error(a[1].clone())),
    }
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "dict.setdefault", args, kw, 1, 2)?;
    let d = dict_of(&a[0])?;
    d.setdefault(vm, a[1].clone(), a.get(2).cloned().unwrap_or_default())
}

pub(crate) fn dict_update(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, kws) = crate::class::split_kw(vm, args, kw);
    let Some(target) = pos.first() else {
        return Err(PyErr::type_error("update() needs a dict"));
    };
    let d = dict_of(target)?;
    if let Some(src) = pos.get(1) {
        if let Some(s) = src.downcast::<Dict>() {
            for (k, v) in s.items(vm.token()) {
                d.set(vm, k, v)?;
            }
        } else if vm.getattr_opt(src, "keys")?.is_some() {
            // A mapping: `for k in src.keys(): d[k] = src[k]`.
            let keys = vm.call_method(src, "keys", &[])?;
            for k in vm.sequence_to_vec(&keys)? {
                let v = vm.getitem(src, &k)?;
                d.set(vm, k, v)?;
            }
        } else {
            // CPython's `PyDict_MergeFromSeq2`.
            for (i, item) in vm.sequence_to_vec(src)?.into_iter().enumerate() {
                if !vm.is_iterable(&item) {
                    return Err(PyErr::type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    )));
                }
                let kv = vm.sequence_to_vec(&item)?;
                let [k, v] = kv.as_slice() else {
                    return Err(PyErr::value_error(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        kv.len()
                    )));
                };
                d.set(vm, k.clone(), v.clone())?;
            }
        }
    }
    for (k, v) in kws {
        let key = Value::Obj(crate::builtins::str::intern(vm.token(), &k));
        d.set(vm, key, v)?;
    }
    Ok(Value::None)
}

fn text_of(v: &Value) -> PyResult<&StrObj> {
    v.downcast::<StrObj>()
        .ok_or_else(|| PyErr::type_error("expected a str"))
}

fn str_join(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "str.join", args, kw, 1, 1)?;
    let sep = text_of(&a[0])?.text().clone();
    let items = vm.sequence_to_vec(&a[1])?;
    let mut out = Text::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_text(&sep);
        }
        match it.downcast::<StrObj>() {
            Some(s) => out.push_text(s.text()),
            None => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    crate::types::type_name(vm.token(), &it.type_ref())
                )))
            }
        }
    }
    Ok(Value::Obj(StrObj::alloc_text(out)))
}

fn rust_str(v: &Value) -> PyResult<String> {
    Ok(text_of(v)?.text().to_string_lossy().into_owned())
}

fn str_split(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [sep_kw, max_kw]) = ArgSpec::parse(vm, "split", args, kw, ["sep", "maxsplit"])?;
    let s = rust_str(&pos[0])?;
    let sep = sep_kw
        .or_else(|| pos.get(1).cloned())
        .filter(|v| !v.is_none());
    let maxsplit = match max_kw.or_else(|| pos.get(2).cloned()) {
        Some(m) => vm.index_i64(&m)?,
        None => -1,
    };
    let parts: Vec<String> = match sep {
        None => {
            let mut v: Vec<String> = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if maxsplit >= 0 && v.len() as i64 == maxsplit {
                    v.push(rest.to_owned());
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                v.push(rest[..end].to_owned());
                rest = rest[end..].trim_start();
            }
            v
        }
        Some(sep) => {
            let sep = rust_str(&sep)?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            if maxsplit >= 0 {
                s.splitn(maxsplit as usize + 1, &sep)
                    .map(str::to_owned)
                    .collect()
            } else {
                s.split(&sep).map(str::to_owned).collect()
            }
        }
    };
    Ok(Value::Obj(List::alloc(
        parts.iter().map(|p| new_str(p)).collect(),
    )))
}

fn str_strip_kind(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>, which: u8) -> PyResult<Value> {
    let a = method_args(vm, "str.strip", args, kw, 0, 1)?;
    let s = rust_str(&a[0])?;
    let chars: Option<Vec<char>> = match a.get(1) {
        Some(Value::None) | None => None,
        Some(c) => Some(rust_str(c)?.chars().collect()),
    };
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => c.is_whitespace(),
    };
    let r = match which {
        0 => s.trim_matches(pred),
        1 => s.trim_start_matches(pred),
        _ => s.trim_end_matches(pred),
    };
    Ok(new_str(r))
}

fn str_strip(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    str_strip_kind(vm, args, kw, 0)
}
fn str_lstrip(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    str_strip_kind(vm, args, kw, 1)
}
fn str_rstrip(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    str_strip_kind(vm, args, kw, 2)
}

fn str_upper(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "str.upper", args, kw, 0, 0)?;
    Ok(new_str(&rust_str(&a[0])?.to_uppercase()))
}

fn str_lower(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "str.lower", args, kw, 0, 0)?;
    Ok(new_str(&rust_str(&a[0])?.to_lowercase()))
}

fn affix(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    start: bool,
) -> PyResult<Value> {
    let a = arg_range(vm, name, args, kw, 2, 2)?;
    let s = rust_str(&a[0])?;
    let cands = match a[1].downcast::<Tuple>() {
        Some(t) => t.items(vm.token()).to_vec(),
        None => vec![a[1].clone()],
    };
    for c in cands {
        let Some(p) = c.downcast::<StrObj>() else {
            return Err(PyErr::type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                crate::types::type_name(vm.token(), &c.type_ref())
            )));
        };
        let p = p.text().to_string_lossy();
        if (start && s.starts_with(&*p)) || (!start && s.ends_with(&*p)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn str_startswith(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    affix(vm, args, kw, "startswith", true)
}
fn str_endswith(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    affix(vm, args, kw, "endswith", false)
}

fn str_replace(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "str.replace", args, kw, 2, 3)?;
    let (s, old, new) = (rust_str(&a[0])?, rust_str(&a[1])?, rust_str(&a[2])?);
    let r = match a.get(3) {
        Some(n) => {
            let n = vm.index_i64(n)?;
            if n < 0 {
                s.replace(&old, &new)
            } else {
                s.replacen(&old, &new, n as usize)
            }
        }
        None => s.replace(&old, &new),
    };
    Ok(new_str(&r))
}

fn str_format(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, kws) = crate::class::split_kw(vm, args, kw);
    let fmt = rust_str(&pos[0])?;
    let pos = &pos[1..];
    let mut out = String::new();
    let mut auto = 0usize;
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' && chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        if c == '}' && chars.get(i + 1) == Some(&'}') {
            out.push('}');
            i += 2;
            continue;
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut j = start;
        while j < chars.len() && chars[j] != '}' {
            j += 1;
        }
        if j >= chars.len() {
            return Err(PyErr::value_error("expected '}' before end of string"));
        }
        let field: String = chars[start..j].iter().collect();
        i = j + 1;
        let (name, spec) = match field.split_once(':') {
            Some((n, s)) => (n.to_owned(), s.to_owned()),
            None => (field.clone(), String::new()),
        };
        let (name, conv) = match name.split_once('!') {
            Some((n, c)) => (n.to_owned(), c.chars().next()),
            None => (name, None),
        };
        let mut v = if name.is_empty() {
            let v = pos.get(auto).cloned().ok_or_else(|| {
                PyErr::new(
                    ExcKind::IndexError,
                    format!("Replacement index {auto} out of range for positional args tuple"),
                )
            })?;
            auto += 1;
            v
        } else if let Ok(k) = name.parse::<usize>() {
            pos.get(k).cloned().ok_or_else(|| {
                PyErr::new(
                    ExcKind::IndexError,
                    format!("Replacement index {k} out of range for positional args tuple"),
                )
            })?
        } else {
            let (base, attr) = match name.split_once('.') {
                Some((b, a)) => (b.to_owned(), Some(a.to_owned())),
                None => (name.clone(), None),
            };
            let v = kws
                .iter()
                .find(|(k, _)| *k == base)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| PyErr::key_error(new_str(&base)))?;
            match attr {
                Some(a) => {
                    let n = crate::builtins::str::intern(vm.token(), &a);
                    vm.getattr(&v, &n)?
                }
                None => v,
            }
        };
        v = match conv {
            Some('r') => vm.repr(&v)?,
            Some('s') => vm.str(&v)?,
            Some('a') => vm.ascii(&v)?,
            _ => v,
        };
        let r = vm.format(&v, &new_str(&spec))?;
        out.push_str(&rust_str(&r)?);
    }
    Ok(new_str(&out))
}

fn set_add(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "set.add", args, kw, 1, 1)?;
    let s = a[0]
        .downcast::<Set>()
        .ok_or_else(|| PyErr::type_error("expected a set"))?;
    s.add(vm, a[1].clone())?;
    Ok(Value::None)
}

/// Adds the methods to the builtin types.
pub fn install(vm: &mut Vm) {
    let b = builtin_types();
    let t = vm.token();
    add_method(t, &b.list, "append", list_append);
    add_method(t, &b.list, "pop", list_pop);
    add_method(t, &b.list, "extend", list_extend);
    add_method(t, &b.list, "insert", list_insert);
    add_method(t, &b.list, "sort", list_sort);
    add_method(t, &b.list, "reverse", list_reverse);
    add_method(t, &b.list, "index", list_index);
    add_method(t, &b.list, "copy", list_copy);
    add_method(t, &b.dict, "get", dict_get);
    add_method(t, &b.dict, "keys", dict_keys);
    add_method(t, &b.dict, "values", dict_values);
    add_method(t, &b.dict, "items", dict_items);
    add_method(t, &b.dict, "pop", dict_pop);
    add_method(t, &b.dict, "setdefault", dict_setdefault);
    add_method(t, &b.dict, "update", dict_update);
    add_method(t, &b.str_, "join", str_join);
    add_method(t, &b.str_, "split", str_split);
    add_method(t, &b.str_, "strip", str_strip);
    add_method(t, &b.str_, "lstrip", str_lstrip);
    add_method(t, &b.str_, "rstrip", str_rstrip);
    add_method(t, &b.str_, "upper", str_upper);
    add_method(t, &b.str_, "lower", str_lower);
    add_method(t, &b.str_, "startswith", str_startswith);
    add_method(t, &b.str_, "endswith", str_endswith);
    add_method(t, &b.str_, "replace", str_replace);
    add_method(t, &b.str_, "format", str_format);
    let set = crate::rt_types::rt().set.clone();
    add_method(t, &set, "add", set_add);
}
