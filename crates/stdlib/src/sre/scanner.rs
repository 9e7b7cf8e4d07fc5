//! `_sre.SRE_Scanner` (CPython's `ScannerObject`): successive `match` or
//! `search` calls over one subject, each starting where the previous match
//! ended, with the empty-match rule of `finditer` (which iterates
//! `scanner.search`).

use std::cell::RefCell;
use std::rc::Rc;

use vm::object::{Payload, PayloadKind, Token};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use super::engine::State;
use super::matchobj::new_match;
use super::pattern::{sre_error, PatternObj};
use super::sre_types;
use super::subject::Subject;

/// The payload of a scanner.
pub struct ScannerObj {
    pattern: Value,
    string: Value,
    subject: Rc<Subject>,
    state: RefCell<State>,
    /// Set once a search found nothing: every later call returns `None`.
    exhausted: std::cell::Cell<bool>,
}

impl Payload for ScannerObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
    }
}

/// A new scanner over `subject` (CPython's `pattern_scanner`).
pub fn new_scanner(
    vm: &mut Vm,
    pattern: &ObjRef,
    groups: usize,
    string: Value,
    subject: Subject,
    pos: isize,
    endpos: isize,
) -> Value {
    let state = State::new(subject.len(), groups, pos, endpos);
    match sre_types(vm).map(|t| t.scanner.clone()) {
        Some(ty) => Value::Obj(ObjRef::new(
            &ty,
            ScannerObj {
                pattern: Value::Obj(pattern.clone()),
                string,
                subject: Rc::new(subject),
                state: RefCell::new(state),
                exhausted: std::cell::Cell::new(false),
            },
        )),
        None => Value::None,
    }
}

fn scan(vm: &mut Vm, args: &[Value], search: bool) -> PyResult<Value> {
    let Some(me) = args.first() else {
        return Err(PyErr::type_error("descriptor needs an argument"));
    };
    let Some(sc) = me.downcast::<ScannerObj>() else {
        return Err(PyErr::type_error(
            "descriptor requires a '_sre.SRE_Scanner' object",
        ));
    };
    if sc.exhausted.get() {
        return Ok(Value::None);
    }
    let Some(p) = sc.pattern.downcast::<PatternObj>() else {
        return Err(PyErr::type_error("bad scanner"));
    };
    let mut state = sc
        .state
        .try_borrow_mut()
        .map_err(|_| PyErr::value_error("regular expression scanner already executing"))?;
    state.reset();
    state.ptr = state.start;
    let found = sc
        .subject
        .with_engine(
            &p.code,
            &p.sets,
            |e, st| if search { e.search(st) } else { e.match_at(st) },
            &mut state,
        )
        .map_err(sre_error)?;
    if !found {
        sc.exhausted.set(true);
        return Ok(Value::None);
    }
    let Some(pat) = sc.pattern.as_obj() else {
        return Err(PyErr::type_error("bad scanner"));
    };
    let m = new_match(vm, pat, &sc.string, &sc.subject, &state);
    state.must_advance = state.ptr == state.start;
    state.start = state.ptr;
    Ok(m)
}

fn scanner_match(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    vm::calls::no_kwargs(vm, "match", kw)?;
    scan(vm, args, false)
}

fn scanner_search(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    vm::calls::no_kwargs(vm, "search", kw)?;
    scan(vm, args, true)
}

fn getter_pattern(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(args
        .first()
        .and_then(|v| v.downcast::<ScannerObj>())
        .map_or(Value::None, |s| s.pattern.clone()))
}

/// Installs the methods and attributes on the scanner type.
pub fn install(vm: &mut Vm, ty: &ObjRef) {
    vm::calls::add_method(vm.token(), ty, "match", scanner_match);
    vm::calls::add_method(vm.token(), ty, "search", scanner_search);
    vm::methods::add_getter(vm.token(), ty, "pattern", getter_pattern);
}

/// The iterator `Pattern.finditer` returns (CPython: `iter(scanner.search,
/// None)`, a `callable_iterator`): the scanner's successive searches.
pub struct FindIter {
    scanner: Value,
}

impl Payload for FindIter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.scanner);
    }
}

/// A `finditer` iterator over `scanner`.
pub fn new_finditer(vm: &mut Vm, scanner: Value) -> Value {
    match sre_types(vm).map(|t| t.finditer.clone()) {
        Some(ty) => Value::Obj(ObjRef::new(&ty, FindIter { scanner })),
        None => Value::None,
    }
}

fn finditer_iter(_vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(me.clone())
}

fn finditer_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(it) = me.downcast::<FindIter>() else {
        return Ok(None);
    };
    let scanner = it.scanner.clone();
    match scan(vm, &[scanner], true)? {
        Value::None => Ok(None),
        m => Ok(Some(m)),
    }
}

/// Installs the iterator slots on the `finditer` iterator type.
pub fn install_finditer(ty: &ObjRef) {
    if let Some(t) = ty.downcast::<vm::types::TypeObject>() {
        t.slots.iter.set(Some(finditer_iter));
        t.slots.iternext.set(Some(finditer_next));
    }
}
