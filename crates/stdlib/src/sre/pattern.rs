//! `re.Pattern` (CPython's `PatternObject` in `Modules/_sre/sre.c`): the
//! compiled code plus `match`, `fullmatch`, `search`, `findall`, `finditer`,
//! `scanner`, `split`, `sub`, `subn`, the read-only attributes, repr,
//! equality and hashing.

use std::rc::Rc;

use common::text::Text;
use vm::builtins::dict::Dict;
use vm::builtins::list::List;
use vm::builtins::str::{intern, new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::methods::bytes::{bytes_of, new_bytes};
use vm::object::{Payload, PayloadKind, Token};
use vm::types::{CompareOp, TypeObject};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use super::args::{bind, req, ssize};
use super::constants::{FLAG_ASCII, FLAG_LOCALE, FLAG_NAMES, FLAG_UNICODE};
use super::engine::{SetCache, SreError, State};
use super::matchobj::new_match;
use super::subject::{Subject, Units};
use crate::util::tname;

/// The payload of a compiled pattern.
pub struct PatternObj {
    /// The source (`str`, `bytes` or `None`).
    pub pattern: Value,
    /// The flags.
    pub flags: i64,
    /// The code words.
    pub code: Vec<u32>,
    /// Precomputed answers of the code's character sets.
    pub sets: SetCache,
    /// The number of capturing groups.
    pub groups: usize,
    /// Group name → number (a dict).
    pub groupindex: Value,
    /// Group number → name or `None` (a tuple).
    pub indexgroup: Value,
    /// Whether the pattern is bytes (`None` patterns count as bytes, as
    /// CPython's `isbytes == -1`).
    pub is_bytes: bool,
    /// Whether the source is a `str` (CPython's `isbytes == 0`).
    pub is_str: bool,
}

impl Payload for PatternObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.groupindex);
        visit(&self.indexgroup);
    }
}

/// The engine error as CPython raises it (`pattern_error`).
pub fn sre_error(e: SreError) -> PyErr {
    match e {
        SreError::InvalidCode => PyErr::runtime_error("invalid SRE code"),
        SreError::Memory => PyErr::new(ExcKind::MemoryError, ""),
    }
}

/// The receiver as a pattern, or CPython's descriptor `TypeError`.
pub fn pattern_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PatternObj> {
    v.downcast::<PatternObj>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 're.Pattern' object but received '{}'",
            tname(vm, v)
        ))
    })
}

/// Reads the subject and checks it against the pattern's kind (CPython's
/// `state_init` checks).
pub fn subject_for(vm: &mut Vm, p: &PatternObj, string: &Value) -> PyResult<Subject> {
    let s = Subject::from_value(vm, string)?;
    if p.is_str && s.is_bytes {
        return Err(PyErr::type_error(
            "cannot use a string pattern on a bytes-like object",
        ));
    }
    if !p.is_str && !s.is_bytes {
        return Err(PyErr::type_error(
            "cannot use a bytes pattern on a string-like object",
        ));
    }
    Ok(s)
}

fn receiver(args: &[Value]) -> PyResult<(Value, &[Value])> {
    match args.split_first() {
        Some((me, rest)) => Ok((me.clone(), rest)),
        None => Err(PyErr::type_error("descriptor needs an argument")),
    }
}

/// `(string, pos, endpos)` of `match`/`search`/`findall`/... .
fn string_pos_endpos(
    vm: &mut Vm,
    fname: &str,
    rest: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<(Value, isize, isize)> {
    let a = bind(vm, fname, rest, kw, ["string", "pos", "endpos"], 1)?;
    let pos = ssize(vm, &a[1], 0)?;
    let endpos = ssize(vm, &a[2], isize::MAX)?;
    Ok((req(&a[0]), pos, endpos))
}

/// `match`, `fullmatch` and `search`.
fn do_match(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    fname: &str,
    how: MatchHow,
) -> PyResult<Value> {
    let (me, rest) = receiver(args)?;
    let p = pattern_of(vm, &me)?;
    let (string, pos, endpos) = string_pos_endpos(vm, fname, rest, kw)?;
    let subject = Rc::new(subject_for(vm, p, &string)?);
    let mut state = State::new(subject.len(), p.groups, pos, endpos);
    state.match_all = how == MatchHow::Full;
    let found = subject
        .with_engine(
            &p.code,
            &p.sets,
            |e, st| {
                if how == MatchHow::Search {
                    e.search(st)
                } else {
                    e.match_at(st)
                }
            },
            &mut state,
        )
        .map_err(sre_error)?;
    if !found {
        return Ok(Value::None);
    }
    let pat = me
        .as_obj()
        .cloned()
        .ok_or_else(|| PyErr::type_error("bad pattern"))?;
    Ok(new_match(vm, &pat, &string, &subject, &state))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MatchHow {
    Match,
    Full,
    Search,
}

fn pattern_match(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    do_match(vm, args, kw, "match", MatchHow::Match)
}

fn pattern_fullmatch(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    do_match(vm, args, kw, "fullmatch", MatchHow::Full)
}

fn pattern_search(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    do_match(vm, args, kw, "search", MatchHow::Search)
}

/// Runs `search` repeatedly from `state.start`, calling `each` with every
/// match (CPython's loop in `findall`, `split` and `subx`, including the
/// empty-match `must_advance` rule). `each` returns whether to go on.
fn for_each_match(
    subject: &Subject,
    code: &[u32],
    sets: &SetCache,
    state: &mut State,
    mut each: impl FnMut(&State) -> PyResult<bool>,
) -> PyResult<()> {
    loop {
        state.reset();
        state.ptr = state.start;
        let found = subject
            .with_engine(code, sets, |e, st| e.search(st), state)
            .map_err(sre_error)?;
        if !found || !each(state)? {
            return Ok(());
        }
        state.must_advance = state.ptr == state.start;
        state.start = state.ptr;
    }
}

/// Group `g` (1-based) of the current match, or `default` if it did not take
/// part (CPython's `state_getslice`).
fn group_slice(subject: &Subject, state: &State, g: usize, default: &Value) -> Value {
    match state.group_span(g) {
        Some((s, e)) => subject.slice(s, e),
        None => default.clone(),
    }
}

fn empty_of(subject: &Subject) -> Value {
    subject.slice(0, 0)
}

fn pattern_findall(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, rest) = receiver(args)?;
    let p = pattern_of(vm, &me)?;
    let (string, pos, endpos) = string_pos_endpos(vm, "findall", rest, kw)?;
    let subject = subject_for(vm, p, &string)?;
    let mut state = State::new(subject.len(), p.groups, pos, endpos);
    let empty = empty_of(&subject);
    let mut out = Vec::new();
    for_each_match(&subject, &p.code, &p.sets, &mut state, |st| {
        let item = match p.groups {
            0 => subject.slice(st.start, st.ptr),
            1 => group_slice(&subject, st, 1, &empty),
            n => Value::Obj(Tuple::alloc(
                (1..=n)
                    .map(|g| group_slice(&subject, st, g, &empty))
                    .collect(),
            )),
        };
        out.push(item);
        Ok(true)
    })?;
    Ok(Value::Obj(List::alloc(out)))
}

fn pattern_scanner(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, rest) = receiver(args)?;
    let p = pattern_of(vm, &me)?;
    let (string, pos, endpos) = string_pos_endpos(vm, "scanner", rest, kw)?;
    let subject = subject_for(vm, p, &string)?;
    let pat = me
        .as_obj()
        .cloned()
        .ok_or_else(|| PyErr::type_error("bad pattern"))?;
    Ok(super::scanner::new_scanner(
        vm, &pat, p.groups, string, subject, pos, endpos,
    ))
}

fn pattern_finditer(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, rest) = receiver(args)?;
    let p = pattern_of(vm, &me)?;
    let (string, pos, endpos) = string_pos_endpos(vm, "finditer", rest, kw)?;
    let subject = subject_for(vm, p, &string)?;
    let pat = me
        .as_obj()
        .cloned()
        .ok_or_else(|| PyErr::type_error("bad pattern"))?;
    let scanner = super::scanner::new_scanner(vm, &pat, p.groups, string, subject, pos, endpos);
    Ok(super::scanner::new_finditer(vm, scanner))
}

fn pattern_split(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, rest) = receiver(args)?;
    let p = pattern_of(vm, &me)?;
    let a = bind(vm, "split", rest, kw, ["string", "maxsplit"], 1)?;
    let string = req(&a[0]);
    let maxsplit = ssize(vm, &a[1], 0)?;
    let subject = subject_for(vm, p, &string)?;
    let mut state = State::new(subject.len(), p.groups, 0, isize::MAX);
    let mut out = Vec::new();
    let mut last = state.start;
    let mut n: isize = 0;
    if maxsplit == 0 || n < maxsplit {
        for_each_match(&subject, &p.code, &p.sets, &mut state, |st| {
            out.push(subject.slice(last, st.start));
            for g in 1..=p.groups {
                out.push(group_slice(&subject, st, g, &Value::None));
            }
            n += 1;
            last = st.ptr;
            Ok(maxsplit == 0 || n < maxsplit)
        })?;
    }
    out.push(subject.slice(last, state.endpos));
    Ok(Value::Obj(List::alloc(out)))
}

/// What replaces each match in `sub`.
enum Filter {
    /// A literal `str`/`bytes` (no backslash, or what `re._subx` returned).
    Literal(Value),
    /// A callable taking the match.
    Call(Value),
}

/// The output of `sub` being built, `str` or `bytes`.
enum Joined {
    Text(Text),
    Bytes(Vec<u8>),
}

impl Joined {
    fn push_units(&mut self, subject: &Subject, a: usize, b: usize) {
        let b = b.max(a);
        match (&mut *self, &subject.units) {
            (Joined::Bytes(out), Units::Narrow(src)) => {
                out.extend_from_slice(src.get(a..b).unwrap_or(&[]));
            }
            (Joined::Text(out), Units::Narrow(src)) => {
                for &c in src.get(a..b).unwrap_or(&[]) {
                    out.push_code_point(u32::from(c));
                }
            }
            (Joined::Text(out), Units::Wide(src)) => {
                for &c in src.get(a..b).unwrap_or(&[]) {
                    out.push_code_point(c);
                }
            }
            (Joined::Bytes(_), Units::Wide(_)) => {}
        }
    }

    /// Appends a replacement value, with `str.join`/`bytes.join`'s errors.
    fn push_value(&mut self, vm: &mut Vm, v: &Value, index: usize) -> PyResult<()> {
        match self {
            Joined::Text(out) => match v.downcast::<StrObj>() {
                Some(s) => {
                    out.push_text(s.text());
                    Ok(())
                }
                None => Err(PyErr::type_error(format!(
                    "sequence item {index}: expected str instance, {} found",
                    tname(vm, v)
                ))),
            },
            Joined::Bytes(out) => match bytes_of(vm.token(), v) {
                Some(b) => {
                    out.extend_from_slice(&b);
                    Ok(())
                }
                None => Err(PyErr::type_error(format!(
                    "sequence item {index}: expected a bytes-like object, {} found",
                    tname(vm, v)
                ))),
            },
        }
    }
}

fn is_callable(v: &Value) -> bool {
    v.type_ref()
        .downcast::<TypeObject>()
        .and_then(|t| t.slots.call.get())
        .is_some()
}

/// Whether a template has no backslash (CPython: a literal replacement).
fn is_literal_template(vm: &mut Vm, v: &Value) -> bool {
    if let Some(s) = v.downcast::<StrObj>() {
        return !s.as_bytes().contains(&b'\\');
    }
    match bytes_of(vm.token(), v) {
        Some(b) => !b.contains(&b'\\'),
        None => false,
    }
}

/// `pattern_subx`: `sub` and `subn`.
fn subx(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>, fname: &str) -> PyResult<(Value, usize)> {
    let (me, rest) = receiver(args)?;
    let a = bind(vm, fname, rest, kw, ["repl", "string", "count"], 2)?;
    let (repl, string) = (req(&a[0]), req(&a[1]));
    let count = ssize(vm, &a[2], 0)?;
    let filter = if is_callable(&repl) {
        Filter::Call(repl)
    } else if is_literal_template(vm, &repl) {
        Filter::Literal(repl)
    } else {
        let re = vm.import_module("re")?;
        let name = intern(vm.token(), "_subx");
        let subx = vm.getattr(&re, &name)?;
        let f = vm.call(&subx, &[me.clone(), repl], None)?;
        if is_callable(&f) {
            Filter::Call(f)
        } else {
            Filter::Literal(f)
        }
    };
    let p = pattern_of(vm, &me)?;
    let subject = Rc::new(subject_for(vm, p, &string)?);
    let pat = me
        .as_obj()
        .cloned()
        .ok_or_else(|| PyErr::type_error("bad pattern"))?;
    let code = p.code.clone();
    let sets = &p.sets;
    let mut state = State::new(subject.len(), p.groups, 0, isize::MAX);
    let mut out = if subject.is_bytes {
        Joined::Bytes(Vec::with_capacity(subject.len()))
    } else {
        Joined::Text(Text::with_capacity(subject.len()))
    };
    let (mut n, mut i, mut items) = (0usize, 0usize, 0usize);
    loop {
        if count != 0 && n as isize >= count {
            break;
        }
        state.reset();
        state.ptr = state.start;
        let found = subject
            .with_engine(&code, sets, |e, st| e.search(st), &mut state)
            .map_err(sre_error)?;
        if !found {
            break;
        }
        let (b, e) = (state.start, state.ptr);
        if i < b {
            out.push_units(&subject, i, b);
            items += 1;
        }
        match &filter {
            Filter::Call(f) => {
                let m = new_match(vm, &pat, &string, &subject, &state);
                let item = vm.call(f, &[m], None)?;
                if !matches!(item, Value::None) {
                    out.push_value(vm, &item, items)?;
                    items += 1;
                }
            }
            Filter::Literal(v) => {
                out.push_value(vm, v, items)?;
                items += 1;
            }
        }
        i = e;
        n += 1;
        state.must_advance = state.ptr == state.start;
        state.start = state.ptr;
    }
    if i < state.endpos {
        out.push_units(&subject, i, state.endpos);
    }
    let result = match out {
        Joined::Text(t) => Value::Obj(StrObj::alloc_text(t)),
        Joined::Bytes(b) => new_bytes(b, false),
    };
    Ok((result, n))
}

fn pattern_sub(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    subx(vm, args, kw, "sub").map(|(v, _)| v)
}

fn pattern_subn(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (v, n) = subx(vm, args, kw, "subn")?;
    Ok(Value::Obj(Tuple::alloc(vec![v, Value::Int(n as i64)])))
}

fn pattern_copy(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

fn pattern_class_getitem(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    match args {
        [cls, key] => Ok(vm::generic_alias::new_alias(vm, cls, key)),
        _ => Err(PyErr::type_error("__class_getitem__ expects one argument")),
    }
}

fn getter_pattern(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, _) = receiver(args)?;
    Ok(pattern_of(vm, &me)?.pattern.clone())
}

fn getter_flags(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, _) = receiver(args)?;
    Ok(Value::Int(pattern_of(vm, &me)?.flags))
}

fn getter_groups(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, _) = receiver(args)?;
    Ok(Value::Int(pattern_of(vm, &me)?.groups as i64))
}

fn getter_groupindex(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (me, _) = receiver(args)?;
    let gi = pattern_of(vm, &me)?.groupindex.clone();
    // A copy, so the pattern's own table can't be changed (CPython hands out a
    // read-only mappingproxy).
    let copy = match gi.downcast::<Dict>() {
        Some(d) => d.copy(vm.token()),
        None => Dict::new(),
    };
    Ok(Value::Obj(ObjRef::new(
        &vm::types::builtin_types().dict,
        copy,
    )))
}

/// `Pattern.__repr__`: `re.compile('a+', re.IGNORECASE)`.
fn pattern_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let p = pattern_of(vm, me)?;
    let (source, flags, is_str) = (p.pattern.clone(), p.flags, p.is_str);
    let r = vm.repr(&source)?;
    let text = vm.str_text(&r)?.to_string_lossy().into_owned();
    let text: String = text.chars().take(200).collect();
    let mut flags = flags;
    let charset_bits = i64::from(FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII);
    if is_str && flags & charset_bits == i64::from(FLAG_UNICODE) {
        flags &= !i64::from(FLAG_UNICODE);
    }
    if flags == 0 {
        return Ok(new_str(&format!("re.compile({text})")));
    }
    let mut names = Vec::new();
    for &(bit, name) in FLAG_NAMES {
        if flags & i64::from(bit) != 0 {
            names.push(name.to_string());
            flags &= !i64::from(bit);
        }
    }
    if flags != 0 {
        names.push(format!("0x{flags:x}"));
    }
    Ok(new_str(&format!("re.compile({text}, {})", names.join("|"))))
}

fn pattern_richcompare(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: CompareOp,
) -> PyResult<Option<Value>> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (a.downcast::<PatternObj>(), b.downcast::<PatternObj>()) else {
        return Ok(None);
    };
    let same_obj = matches!((a, b), (Value::Obj(p), Value::Obj(q)) if p.is(q));
    let mut eq = same_obj
        || (x.flags == y.flags
            && x.is_bytes == y.is_bytes
            && x.is_str == y.is_str
            && x.code == y.code);
    if eq && !same_obj {
        let (pa, pb) = (x.pattern.clone(), y.pattern.clone());
        eq = vm.eq_bool(&pa, &pb)?;
    }
    Ok(Some(Value::Bool(if op == CompareOp::Eq {
        eq
    } else {
        !eq
    })))
}

fn pattern_hash(vm: &mut Vm, me: &Value) -> PyResult<isize> {
    let p = pattern_of(vm, me)?;
    let (source, flags, is_bytes) = (p.pattern.clone(), p.flags, p.is_bytes);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in &p.code {
        h = (h ^ u64::from(*w)).wrapping_mul(0x100_0000_01b3);
    }
    let codesize = p.code.len() as isize;
    let hp = vm.hash(&source)?;
    let mut r = hp ^ (h as isize) ^ (flags as isize) ^ isize::from(is_bytes) ^ codesize;
    if r == -1 {
        r = -2;
    }
    Ok(r)
}

/// Installs the methods and attributes on the `Pattern` type.
pub fn install(vm: &mut Vm, ty: &ObjRef) {
    use vm::calls::add_method;
    use vm::methods::add_getter;
    let methods: &[(&'static str, vm::calls::NativeFn)] = &[
        ("match", pattern_match),
        ("fullmatch", pattern_fullmatch),
        ("search", pattern_search),
        ("findall", pattern_findall),
        ("finditer", pattern_finditer),
        ("scanner", pattern_scanner),
        ("split", pattern_split),
        ("sub", pattern_sub),
        ("subn", pattern_subn),
        ("__copy__", pattern_copy),
        ("__deepcopy__", pattern_copy),
    ];
    for &(name, f) in methods {
        add_method(vm.token(), ty, name, f);
    }
    vm::methods::add_classmethod(vm.token(), ty, "__class_getitem__", pattern_class_getitem);
    let getters: &[(&'static str, vm::calls::NativeFn)] = &[
        ("pattern", getter_pattern),
        ("flags", getter_flags),
        ("groups", getter_groups),
        ("groupindex", getter_groupindex),
    ];
    for &(name, f) in getters {
        add_getter(vm.token(), ty, name, f);
    }
    if let Some(t) = ty.downcast::<TypeObject>() {
        t.slots.repr.set(Some(pattern_repr));
        t.slots.richcompare.set(Some(pattern_richcompare));
        t.slots.hash.set(Some(pattern_hash));
    }
}
