//! Exception groups and `except*` (PEP 654, CPython 3.11's
//! `Objects/exceptions.c` `BaseExceptionGroup` and the eval loop's
//! `CHECK_EG_MATCH`/`PREP_RERAISE_STAR`): the classes and the split/projection
//! logic are Python source (`exc_group.py`), compiled and run on first use (a
//! lookup of either name that misses the builtins, or an `except*`), so start-up
//! doesn't pay for it.

use std::cell::Cell;

use crate::builtins::dict::Dict;
use crate::builtins::str::intern;
use crate::builtins::tuple::Tuple;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

const SOURCE: &str = include_str!("exc_group.py");

/// The helpers the opcodes call.
struct Helpers {
    base_group: Value,
    eg_match: Value,
    prep_reraise_star: Value,
}

thread_local! {
    static HELPERS: Cell<Option<&'static Helpers>> = const { Cell::new(None) };
}

fn helpers(vm: &mut Vm) -> PyResult<&'static Helpers> {
    if let Some(h) = HELPERS.with(Cell::get) {
        return Ok(h);
    }
    let b = vm.builtins.clone();
    try_install(vm, &b)
}

/// Defines `BaseExceptionGroup` and `ExceptionGroup` in the `builtins` module if
/// `name` is one of them and they aren't defined yet; whether it did (the
/// caller then retries its lookup). Their `__module__` is `builtins`, as in
/// CPython.
pub fn lazy_builtin(vm: &mut Vm, name: &ObjRef) -> bool {
    if HELPERS.with(Cell::get).is_some() {
        return false;
    }
    let wanted = name
        .downcast::<crate::builtins::str::StrObj>()
        .and_then(crate::builtins::str::StrObj::as_str)
        .is_some_and(|n| n == "ExceptionGroup" || n == "BaseExceptionGroup");
    if !wanted {
        return false;
    }
    let b = vm.builtins.clone();
    try_install(vm, &b).is_ok()
}

fn try_install(vm: &mut Vm, builtins: &ObjRef) -> PyResult<&'static Helpers> {
    let code = compiler::compile(
        SOURCE.as_bytes(),
        "<frozen exception_groups>",
        syntax::Mode::Exec,
        0,
    )
    .map_err(|e| PyErr::new(ExcKind::SystemError, e.message().to_owned()))?;
    let code = crate::code::CodeObj::alloc(vm.token(), code)?;
    let globals = ObjRef::new(&crate::types::builtin_types().dict, Dict::new());
    let Some(g) = globals.downcast::<Dict>() else {
        return Err(PyErr::new(ExcKind::SystemError, "dict"));
    };
    let name = Value::Obj(intern(vm.token(), "__name__"));
    let bname = Value::Obj(intern(vm.token(), "builtins"));
    g.set(vm, name, bname)?;
    vm.run_code(&code, &globals, Some(globals.clone()), None)?;
    let get = |vm: &mut Vm, n: &str| -> PyResult<Value> {
        let k = Value::Obj(intern(vm.token(), n));
        g.get(vm, &k)?
            .ok_or_else(|| PyErr::new(ExcKind::SystemError, format!("{n} missing")))
    };
    let h = Helpers {
        base_group: get(vm, "BaseExceptionGroup")?,
        eg_match: get(vm, "_eg_match")?,
        prep_reraise_star: get(vm, "_prep_reraise_star")?,
    };
    let Some(b) = builtins.downcast::<Dict>() else {
        return Err(PyErr::new(ExcKind::SystemError, "builtins dict"));
    };
    for n in ["BaseExceptionGroup", "ExceptionGroup"] {
        let v = get(vm, n)?;
        let k = Value::Obj(intern(vm.token(), n));
        b.set(vm, k, v)?;
    }
    let h: &'static Helpers = Box::leak(Box::new(h));
    HELPERS.with(|c| c.set(Some(h)));
    Ok(h)
}

/// Whether `exc` is an exception group (`false` before they exist).
pub fn is_group(vm: &mut Vm, exc: &ObjRef) -> bool {
    let Some(h) = HELPERS.with(Cell::get) else {
        return false;
    };
    let Some(base) = h.base_group.as_obj() else {
        return false;
    };
    crate::types::is_subtype(vm.token(), &exc.type_ref(), base)
}

/// `exc.exceptions` of a group, as a vector (empty on error).
pub fn members(vm: &mut Vm, exc: &ObjRef) -> Vec<Value> {
    let n = intern(vm.token(), "exceptions");
    match vm.getattr(&Value::Obj(exc.clone()), &n) {
        Ok(v) => v
            .downcast::<Tuple>()
            .map(|t| t.items(vm.token()).to_vec())
            .unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

impl Vm {
    /// `CHECK_EG_MATCH`: `[exc, type]` -> `[exc, None]` when nothing matches,
    /// else `[rest, match]` with `match` as the handled exception.
    pub(crate) fn check_eg_match(&mut self) -> PyResult<()> {
        let match_type = self.pop();
        let exc = self.top();
        let f = helpers(self)?.eg_match.clone();
        let r = self.call(&f, &[exc, match_type], None)?;
        let items = r
            .downcast::<Tuple>()
            .map(|t| t.items(self.token()).to_vec())
            .unwrap_or_default();
        let (Some(m), Some(rest)) = (items.first().cloned(), items.get(1).cloned()) else {
            return Err(PyErr::new(ExcKind::SystemError, "CHECK_EG_MATCH"));
        };
        if m.is_none() {
            self.push(Value::None);
        } else {
            self.stack.pop();
            self.push(rest);
            self.push(m.clone());
            self.exc_info = m;
        }
        Ok(())
    }

    /// `PREP_RERAISE_STAR`: `[orig, excs]` -> the exception to re-raise after
    /// the `except*` clauses, or `None` (CPython's `_PyExc_PrepReraiseStar`).
    pub(crate) fn prep_reraise_star(&mut self) -> PyResult<()> {
        let excs = self.pop();
        let orig = self.pop();
        let f = helpers(self)?.prep_reraise_star.clone();
        let r = self.call(&f, &[orig, excs], None)?;
        self.push(r);
        Ok(())
    }
}
