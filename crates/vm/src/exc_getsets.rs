//! `BaseException`'s getset descriptors (CPython's `BaseException_getset` and
//! `BaseException_members` in `Objects/exceptions.c`): `args`,
//! `__traceback__`, `__context__`, `__cause__`, `__suppress_context__` and
//! `__dict__` live in `BaseException.__dict__`, so `dir()` lists them and a
//! subclass whose `__getattr__` replaced the attribute slot still reads them
//! through the generic lookup.

use crate::error::ExcKind;
use crate::error::{PyErr, PyResult};
use crate::exceptions::{exc_class, ExceptionObj};
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

fn exc(args: &[Value]) -> PyResult<(&Value, &ExceptionObj)> {
    let v = args
        .first()
        .ok_or_else(|| PyErr::type_error("getter needs an instance"))?;
    let e = v
        .downcast::<ExceptionObj>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'BaseException' object"))?;
    Ok((v, e))
}

fn args_get(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (_, e) = exc(args)?;
    Ok(e.args.borrow(_vm.token()).clone())
}

fn traceback_get(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (_, e) = exc(args)?;
    Ok(e.traceback.borrow(vm.token()).clone())
}

fn context_get(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (_, e) = exc(args)?;
    Ok(e.context.borrow(vm.token()).clone())
}

fn cause_get(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (_, e) = exc(args)?;
    Ok(e.cause.borrow(vm.token()).clone())
}

fn suppress_get(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (_, e) = exc(args)?;
    Ok(Value::Bool(*e.suppress_context.borrow(vm.token())))
}

fn dict_get(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let (v, _) = exc(args)?;
    match crate::builtins::object::instance_dict_of(vm.token(), v) {
        Some(d) => Ok(Value::Obj(d)),
        None => Err(PyErr::new(ExcKind::AttributeError, "__dict__")),
    }
}

/// Stores through `BaseException`'s own attribute setter; deleting fails as
/// in CPython ("args may not be deleted").
fn store(vm: &mut Vm, obj: &Value, name: &str, value: Option<Value>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(PyErr::type_error(if name == "__suppress_context__" {
            "can't delete numeric/char attribute".to_owned()
        } else {
            format!("{name} may not be deleted")
        }));
    };
    let key = crate::builtins::str::intern(vm.token(), name);
    crate::exceptions::exc_setattro(vm, obj, &key, Some(v))
}

fn args_set(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    store(vm, obj, "args", value)
}

fn traceback_set(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    store(vm, obj, "__traceback__", value)
}

fn context_set(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    store(vm, obj, "__context__", value)
}

fn cause_set(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    store(vm, obj, "__cause__", value)
}

fn suppress_set(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    store(vm, obj, "__suppress_context__", value)
}

fn dict_set(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    match crate::builtins::object::set_dict_attr(vm, obj, value) {
        Some(r) => r,
        None => Err(PyErr::new(ExcKind::AttributeError, "__dict__")),
    }
}

/// Puts the getsets in `BaseException`'s dict.
pub fn install(vm: &mut Vm) {
    let base = exc_class(ExcKind::BaseException);
    type Getter = crate::calls::NativeFn;
    type Setter = crate::attr_descr::SetterFn;
    let table: [(&str, Getter, Setter); 6] = [
        ("__suppress_context__", suppress_get, suppress_set),
        ("__dict__", dict_get, dict_set),
        ("args", args_get, args_set),
        ("__traceback__", traceback_get, traceback_set),
        ("__context__", context_get, context_set),
        ("__cause__", cause_get, cause_set),
    ];
    let Some(t) = base.downcast::<crate::types::TypeObject>() else {
        return;
    };
    for (name, get, set) in table {
        let d = crate::attr_descr::new_getset(vm.token(), &base, name, get, Some(set));
        let key = Value::Obj(crate::builtins::str::intern(vm.token(), name));
        let _ = t
            .dict
            .set(&mut crate::builtins::dict::NativeEq(vm.token()), key, d);
    }
    crate::types::type_modified(vm.token(), &base);
}
