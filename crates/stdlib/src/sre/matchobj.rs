//! `re.Match` (CPython's `MatchObject` in `Modules/_sre/sre.c`): the spans of
//! the groups of one successful match, and `group`, `groups`, `groupdict`,
//! `start`, `end`, `span`, `expand`, `m[g]`, the read-only attributes and
//! the repr.

use std::rc::Rc;

use vm::builtins::dict::Dict;
use vm::builtins::str::{intern, new_str};
use vm::builtins::tuple::Tuple;
use vm::object::{Payload, PayloadKind, Token};
use vm::types::TypeObject;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use super::args::{bind, req};
use super::engine::State;
use super::pattern::PatternObj;
use super::sre_types;
use super::subject::Subject;
use crate::util::tname;

/// The payload of a match.
pub struct MatchObj {
    /// The pattern that matched.
    pub pattern: Value,
    /// The subject as passed.
    pub string: Value,
    /// The subject's units (for slicing groups).
    pub subject: Rc<Subject>,
    /// `(start, end)` of group 0 and of each group (`(-1, -1)`: unmatched).
    pub regs: Vec<(isize, isize)>,
    /// The clamped `pos`.
    pub pos: usize,
    /// The clamped `endpos`.
    pub endpos: usize,
    /// The last closed group (`-1`: none).
    pub lastindex: isize,
}

impl Payload for MatchObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
    }
}

/// A new match from a successful engine run (CPython's `pattern_new_match`).
pub fn new_match(
    vm: &mut Vm,
    pattern: &ObjRef,
    string: &Value,
    subject: &Rc<Subject>,
    state: &State,
) -> Value {
    let groups = pattern.downcast::<PatternObj>().map_or(0, |p| p.groups);
    let mut regs = Vec::with_capacity(groups + 1);
    regs.push((state.start as isize, state.ptr as isize));
    for g in 1..=groups {
        regs.push(match state.group_span(g) {
            Some((s, e)) => (s as isize, e as isize),
            None => (-1, -1),
        });
    }
    let ty = sre_types(vm).map(|t| t.match_.clone());
    match ty {
        Some(ty) => Value::Obj(ObjRef::new(
            &ty,
            MatchObj {
                pattern: Value::Obj(pattern.clone()),
                string: string.clone(),
                subject: subject.clone(),
                regs,
                pos: state.pos,
                endpos: state.endpos,
                lastindex: state.lastindex,
            },
        )),
        None => Value::None,
    }
}

fn match_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a MatchObj> {
    v.downcast::<MatchObj>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 're.Match' object but received '{}'",
            tname(vm, v)
        ))
    })
}

fn receiver(args: &[Value]) -> PyResult<(Value, &[Value])> {
    match args.split_first() {
        Some((me, rest)) => Ok((me.clone(), rest)),
        None => Err(PyErr::type_error("descriptor needs an argument")),
    }
}

fn no_such_group() -> PyErr {
    PyErr::new(ExcKind::IndexError, "no such group")
}

/// `match_getindex`: a group number from an int or a group name.
fn group_index(vm: &mut Vm, m: &MatchObj, g: &Value) -> PyResult<usize> {
    let is_int = matches!(g, Value::Int(_) | Value::Bool(_)) || g.as_int().is_some();
    let i = if is_int {
        vm.index_isize(g)?
    } else {
        let gi = m
            .pattern
            .downcast::<PatternObj>()
            .map(|p| p.groupindex.clone())
            .unwrap_or(Value::None);
        match gi.downcast::<Dict>() {
            Some(d) => match d.get(vm, g)? {
                Some(Value::Int(i)) => i as isize,
                _ => -1,
            },
            None => -1,
        }
    };
    if i < 0 || i as usize >= m.regs.len() {
        return Err(no_such_group());
    }
    Ok(i as usize)
}

/// Group `i`'s text, or `default` when it did not take part.
fn group_value(m: &MatchObj, i: usize, default: &Value) -> Value {
    match m.regs.get(i) {
        Some(&(s, e)) if s >= 0 && e >= 0 => m.subject.slice(s as usize, e as usize),
        _ => default.clone(),
    }
}

fn match_group(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, rest) = receiver(args)?;
    vm::calls::no_kwargs(vm, "group", kw)?;
    let m = match_of(vm, &me)?;
    match rest {
        [] => Ok(group_value(m, 0, &Value::None)),
        [g] => {
            let i = group_index(vm, m, g)?;
            Ok(group_value(m, i, &Value::None))
        }
        gs => {
            let mut out = Vec::with_capacity(gs.len());
            for g in gs {
                let i = group_index(vm, m, g)?;
                out.push(group_value(m, i, &Value::None));
            }
            Ok(Value::Obj(Tuple::alloc(out)))
        }
    }
}

fn match_getitem(vm: &mut Vm, me: &Value, g: &Value) -> PyResult<Value> {
    let m = match_of(vm, me)?;
    let i = group_index(vm, m, g)?;
    Ok(group_value(m, i, &Value::None))
}

fn match_getitem_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, rest) = receiver(args)?;
    let a = vm::calls::exact_args(vm, "__getitem__", rest, kw, 1)?;
    let g = a[0].clone();
    match_getitem(vm, &me, &g)
}

fn match_groups(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, rest) = receiver(args)?;
    let a = bind(vm, "groups", rest, kw, ["default"], 0)?;
    let default = a[0].clone().unwrap_or(Value::None);
    let m = match_of(vm, &me)?;
    let out = (1..m.regs.len())
        .map(|i| group_value(m, i, &default))
        .collect();
    Ok(Value::Obj(Tuple::alloc(out)))
}

fn match_groupdict(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, rest) = receiver(args)?;
    let a = bind(vm, "groupdict", rest, kw, ["default"], 0)?;
    let default = a[0].clone().unwrap_or(Value::None);
    let m = match_of(vm, &me)?;
    let gi = m
        .pattern
        .downcast::<PatternObj>()
        .map(|p| p.groupindex.clone())
        .unwrap_or(Value::None);
    let out = Dict::new();
    if let Some(d) = gi.downcast::<Dict>() {
        for (name, _) in d.items(vm.token()) {
            let i = group_index(vm, m, &name)?;
            let v = group_value(m, i, &default);
            out.set(vm, name, v)?;
        }
    }
    Ok(Value::Obj(ObjRef::new(
        &vm::types::builtin_types().dict,
        out,
    )))
}

/// The span of the group named by the optional argument (default 0).
fn span_of(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    fname: &str,
) -> PyResult<(isize, isize)> {
    let (me, rest) = receiver(args)?;
    let a = bind(vm, fname, rest, kw, ["group"], 0)?;
    let m = match_of(vm, &me)?;
    let i = match &a[0] {
        Some(g) => group_index(vm, m, g)?,
        None => 0,
    };
    Ok(m.regs.get(i).copied().unwrap_or((-1, -1)))
}

fn match_start(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Int(span_of(vm, args, kw, "start")?.0 as i64))
}

fn match_end(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Int(span_of(vm, args, kw, "end")?.1 as i64))
}

fn pair(s: isize, e: isize) -> Value {
    Value::Obj(Tuple::alloc(vec![
        Value::Int(s as i64),
        Value::Int(e as i64),
    ]))
}

fn match_span(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (s, e) = span_of(vm, args, kw, "span")?;
    Ok(pair(s, e))
}

fn match_expand(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, rest) = receiver(args)?;
    let a = bind(vm, "expand", rest, kw, ["template"], 1)?;
    let m = match_of(vm, &me)?;
    let pattern = m.pattern.clone();
    let re = vm.import_module("re")?;
    let name = intern(vm.token(), "_expand");
    let f = vm.getattr(&re, &name)?;
    vm.call(&f, &[pattern, me.clone(), req(&a[0])], None)
}

fn match_copy(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

fn match_class_getitem(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    match args {
        [cls, key] => Ok(vm::generic_alias::new_alias(vm, cls, key)),
        _ => Err(PyErr::type_error("__class_getitem__ expects one argument")),
    }
}

fn getter_string(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, _) = receiver(args)?;
    Ok(match_of(vm, &me)?.string.clone())
}

fn getter_re(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, _) = receiver(args)?;
    Ok(match_of(vm, &me)?.pattern.clone())
}

fn getter_pos(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, _) = receiver(args)?;
    Ok(Value::Int(match_of(vm, &me)?.pos as i64))
}

fn getter_endpos(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, _) = receiver(args)?;
    Ok(Value::Int(match_of(vm, &me)?.endpos as i64))
}

fn getter_lastindex(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, _) = receiver(args)?;
    let li = match_of(vm, &me)?.lastindex;
    Ok(if li >= 0 {
        Value::Int(li as i64)
    } else {
        Value::None
    })
}

fn getter_lastgroup(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, _) = receiver(args)?;
    let m = match_of(vm, &me)?;
    if m.lastindex < 0 {
        return Ok(Value::None);
    }
    let ig = m
        .pattern
        .downcast::<PatternObj>()
        .map(|p| p.indexgroup.clone())
        .unwrap_or(Value::None);
    Ok(ig
        .downcast::<Tuple>()
        .and_then(|t| t.items(vm.token()).get(m.lastindex as usize).cloned())
        .unwrap_or(Value::None))
}

fn getter_regs(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, _) = receiver(args)?;
    let m = match_of(vm, &me)?;
    let out = m.regs.iter().map(|&(s, e)| pair(s, e)).collect();
    Ok(Value::Obj(Tuple::alloc(out)))
}

/// `<re.Match object; span=(0, 3), match='abc'>` (the group's repr cut to 50
/// characters, as CPython's `%.50R`).
fn match_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let m = match_of(vm, me)?;
    let (s, e) = m.regs.first().copied().unwrap_or((-1, -1));
    let g = group_value(m, 0, &Value::None);
    let r = vm.repr(&g)?;
    let text: String = vm
        .str_text(&r)?
        .to_string_lossy()
        .chars()
        .take(50)
        .collect();
    Ok(new_str(&format!(
        "<re.Match object; span=({s}, {e}), match={text}>"
    )))
}

/// Installs the methods and attributes on the `Match` type.
pub fn install(vm: &mut Vm, ty: &ObjRef) {
    use vm::calls::add_method;
    use vm::methods::add_getter;
    let methods: &[(&'static str, vm::calls::NativeFn)] = &[
        ("group", match_group),
        ("groups", match_groups),
        ("groupdict", match_groupdict),
        ("start", match_start),
        ("end", match_end),
        ("span", match_span),
        ("expand", match_expand),
        ("__getitem__", match_getitem_method),
        ("__copy__", match_copy),
        ("__deepcopy__", match_copy),
    ];
    for &(name, f) in methods {
        add_method(vm.token(), ty, name, f);
    }
    vm::methods::add_classmethod(vm.token(), ty, "__class_getitem__", match_class_getitem);
    let getters: &[(&'static str, vm::calls::NativeFn)] = &[
        ("string", getter_string),
        ("re", getter_re),
        ("pos", getter_pos),
        ("endpos", getter_endpos),
        ("lastindex", getter_lastindex),
        ("lastgroup", getter_lastgroup),
        ("regs", getter_regs),
    ];
    for &(name, f) in getters {
        add_getter(vm.token(), ty, name, f);
    }
    if let Some(t) = ty.downcast::<TypeObject>() {
        t.slots.repr.set(Some(match_repr));
        t.slots.getitem.set(Some(match_getitem));
    }
}
