//! The keyword arguments of `AttributeError(name=, obj=)`, `NameError(name=)`
//! and `ImportError(name=, path=)` (CPython 3.11's `AttributeError_init`,
//! `NameError_init`, `ImportError_init`), stored as instance attributes.

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::str::{intern, StrObj};
use crate::builtins::tuple::Tuple;
use crate::error::{ExcKind, PyResult};
use crate::exceptions::{exc_class, ExceptionObj};
use crate::object::ObjRef;
use crate::types::is_subtype;
use crate::value::Value;
use crate::vm::Vm;

/// The keywords exception class `cls` accepts.
fn accepted(vm: &mut Vm, cls: &ObjRef) -> &'static [&'static str] {
    let t = vm.token();
    if is_subtype(t, cls, &exc_class(ExcKind::AttributeError)) {
        &["name", "obj"]
    } else if is_subtype(t, cls, &exc_class(ExcKind::NameError)) {
        &["name"]
    } else if is_subtype(t, cls, &exc_class(ExcKind::ImportError)) {
        &["name", "path"]
    } else {
        &[]
    }
}

/// Stores the accepted keyword arguments (`args` ends with their values,
/// named by `kwnames`) on the new exception `exc`.
pub fn apply(vm: &mut Vm, exc: &Value, args: &[Value], kwnames: &ObjRef) -> PyResult<()> {
    let Some(e) = exc.downcast::<ExceptionObj>() else {
        return Ok(());
    };
    let names = kwnames
        .downcast::<Tuple>()
        .map(|t| t.items(vm.token()).to_vec())
        .unwrap_or_default();
    let cls = exc.type_ref();
    let ok = accepted(vm, &cls);
    let base = args.len().saturating_sub(names.len());
    for (i, n) in names.iter().enumerate() {
        let Some(s) = n.downcast::<StrObj>().and_then(StrObj::as_str) else {
            continue;
        };
        if !ok.contains(&s) {
            continue;
        }
        let s = s.to_owned();
        let Some(v) = args.get(base + i).cloned() else {
            continue;
        };
        let d = e.dict(vm.token());
        if let Some(dd) = d.downcast::<Dict>() {
            let k = Value::Obj(intern(vm.token(), &s));
            dd.set(&mut NativeEq(vm.token()), k, v)?;
        }
    }
    Ok(())
}
