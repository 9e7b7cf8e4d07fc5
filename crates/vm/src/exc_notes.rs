//! `BaseException.add_note` / `__notes__` and `with_traceback` (CPython 3.11's
//! `BaseException_add_note`, `BaseException_with_traceback`), and the note
//! lines printed after an uncaught exception's message.

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::list::List;
use crate::builtins::str::{intern, StrObj};
use crate::calls::{add_method, exact_args};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::exceptions::{exc_class, ExceptionObj};
use crate::object::ObjRef;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

fn payload(v: &Value) -> PyResult<&ExceptionObj> {
    v.downcast::<ExceptionObj>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'BaseException' object"))
}

/// `exc.add_note(note)`: appends `note` (a `str`) to `exc.__notes__`.
fn add_note(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "add_note", args, kw, 2)?;
    let e = payload(&a[0])?;
    if a[1].downcast::<StrObj>().is_none() {
        return Err(PyErr::type_error(format!(
            "note must be a str, not '{}'",
            type_name(vm.token(), &a[1].type_ref())
        )));
    }
    let d = e.dict(vm.token());
    let Some(dd) = d.downcast::<Dict>() else {
        return Ok(Value::None);
    };
    let key = Value::Obj(intern(vm.token(), "__notes__"));
    let notes = match dd.get_str(vm.token(), &key) {
        Some(n) => n,
        None => {
            let l = Value::Obj(List::alloc(vec![]));
            dd.set(&mut NativeEq(vm.token()), key, l.clone())?;
            l
        }
    };
    match notes.downcast::<List>() {
        Some(l) => {
            l.append(vm.token(), a[1].clone());
            Ok(Value::None)
        }
        None => Err(PyErr::type_error(
            "Cannot add note: __notes__ is not a list",
        )),
    }
}

/// `exc.with_traceback(tb)`: sets `__traceback__`, returns `exc`.
fn with_traceback(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "with_traceback", args, kw, 2)?;
    let e = payload(&a[0])?;
    *e.traceback.borrow_mut(vm.token()) = a[1].clone();
    Ok(a[0].clone())
}

/// The lines of `exc.__notes__` as a traceback prints them (each note then a
/// newline); empty when there are none.
pub fn notes_text(vm: &mut Vm, exc: &Value) -> String {
    let Some(e) = exc.downcast::<ExceptionObj>() else {
        return String::new();
    };
    let Some(d) = e.dict.borrow(vm.token()).clone() else {
        return String::new();
    };
    let key = Value::Obj(intern(vm.token(), "__notes__"));
    let Some(notes) = d
        .downcast::<Dict>()
        .and_then(|dd| dd.get_str(vm.token(), &key))
    else {
        return String::new();
    };
    let items = match vm.sequence_to_vec(&notes) {
        Ok(v) => v,
        Err(_) => return String::new(),
    };
    let mut out = String::new();
    for n in items {
        let s = if n.downcast::<StrObj>().is_some() {
            vm.str(&n)
        } else {
            vm.repr(&n)
        };
        if let Ok(s) = s {
            if let Some(t) = s.downcast::<StrObj>() {
                out.push_str(&t.text().to_string_lossy());
                out.push('\n');
            }
        }
    }
    out
}

/// Adds `add_note` and `with_traceback` to `BaseException`.
pub fn install(vm: &mut Vm) {
    let base = exc_class(ExcKind::BaseException);
    add_method(vm.token(), &base, "add_note", add_note);
    add_method(vm.token(), &base, "with_traceback", with_traceback);
}
