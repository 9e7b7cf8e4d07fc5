//! `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`
//! (CPython's `func_new_impl` in `Objects/funcobject.c`): a function from a
//! code object, e.g. one `marshal.loads` returned.

use crate::builtins::dict::Dict;
use crate::builtins::str::{intern, StrObj};
use crate::builtins::tuple::Tuple;
use crate::calls::ArgSpec;
use crate::code::CodeObj;
use crate::error::{PyErr, PyResult};
use crate::function::FunctionObj;
use crate::module::ModuleObj;
use crate::object::{ObjRef, PyCell};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

fn tn(vm: &mut Vm, v: &Value) -> String {
    type_name(vm.token(), &v.type_ref())
}

/// `function(code, globals, name=None, argdefs=None, closure=None)`.
fn function_new(
    vm: &mut Vm,
    _cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let names = ["code", "globals", "name", "argdefs", "closure"];
    let (pos, kws) = ArgSpec::parse(vm, "function", args, kw, names)?;
    if pos.len() > 5 {
        return Err(PyErr::type_error(format!(
            "function() takes at most 5 arguments ({} given)",
            pos.len()
        )));
    }
    let arg = |i: usize| pos.get(i).cloned().or_else(|| kws[i].clone());
    let (Some(code), Some(globals)) = (arg(0), arg(1)) else {
        let missing = if arg(0).is_none() {
            ("code", 1)
        } else {
            ("globals", 2)
        };
        return Err(PyErr::type_error(format!(
            "function() missing required argument '{}' (pos {})",
            missing.0, missing.1
        )));
    };
    let Some(co) = code
        .as_obj()
        .filter(|c| c.downcast::<CodeObj>().is_some())
        .cloned()
    else {
        return Err(PyErr::type_error(format!(
            "function() argument 'code' must be code, not {}",
            tn(vm, &code)
        )));
    };
    let Some(g) = globals
        .as_obj()
        .filter(|g| g.downcast::<Dict>().is_some())
        .cloned()
    else {
        return Err(PyErr::type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            tn(vm, &globals)
        )));
    };
    let name = arg(2).filter(|v| !v.is_none());
    if name
        .as_ref()
        .is_some_and(|n| n.downcast::<StrObj>().is_none())
    {
        return Err(PyErr::type_error("arg 3 (name) must be None or string"));
    }
    let defaults = arg(3).filter(|v| !v.is_none());
    if defaults
        .as_ref()
        .is_some_and(|d| d.downcast::<Tuple>().is_none())
    {
        return Err(PyErr::type_error("arg 4 (defaults) must be None or tuple"));
    }
    let closure = arg(4).filter(|v| !v.is_none());
    if closure
        .as_ref()
        .is_some_and(|c| c.downcast::<Tuple>().is_none())
    {
        return Err(PyErr::type_error("arg 5 (closure) must be tuple"));
    }
    let (co_name, qualname, nfree) = match co.downcast::<CodeObj>() {
        Some(c) => (
            Value::Obj(c.name.clone()),
            Value::Obj(c.qualname.clone()),
            c.nlocalsplus - c.first_free,
        ),
        None => (Value::None, Value::None, 0),
    };
    let nclosure = closure
        .as_ref()
        .and_then(|c| c.downcast::<Tuple>().map(|t| t.len(vm.token())))
        .unwrap_or(0);
    if nfree > 0 && closure.is_none() {
        return Err(PyErr::type_error("arg 5 (closure) must be tuple"));
    }
    if nclosure != nfree {
        let n = vm.str_text(&co_name)?.to_string_lossy().into_owned();
        return Err(PyErr::value_error(format!(
            "{n} requires closure of length {nfree}, not {nclosure}"
        )));
    }
    if let Some(t) = closure.as_ref().and_then(|c| c.downcast::<Tuple>()) {
        for item in t.items(vm.token()).to_vec() {
            if item.downcast::<crate::function::CellObj>().is_none() {
                return Err(PyErr::type_error(format!(
                    "arg 5 (closure) expected cell, found {}",
                    tn(vm, &item)
                )));
            }
        }
    }
    let gd = g.downcast::<Dict>();
    let bkey = Value::Obj(intern(vm.token(), "__builtins__"));
    let builtins = match gd.and_then(|d| d.get_str(vm.token(), &bkey)) {
        Some(Value::Obj(b)) if b.downcast::<Dict>().is_some() => b,
        Some(Value::Obj(m)) if m.downcast::<ModuleObj>().is_some() => m
            .downcast::<ModuleObj>()
            .map(|m| m.dict.clone())
            .unwrap_or(m),
        _ => vm.builtins.clone(),
    };
    let mkey = Value::Obj(intern(vm.token(), "__name__"));
    let module = gd
        .and_then(|d| d.get_str(vm.token(), &mkey))
        .unwrap_or_default();
    let f = FunctionObj {
        code: PyCell::new(co),
        globals: g.clone(),
        builtins,
        name: PyCell::new(name.unwrap_or(co_name)),
        qualname: PyCell::new(qualname),
        defaults: PyCell::new(defaults.and_then(|d| d.as_obj().cloned())),
        kwdefaults: PyCell::new(None),
        closure: closure.and_then(|c| c.as_obj().cloned()),
        doc: PyCell::new(Value::None),
        module: PyCell::new(module),
        annotations: PyCell::new(Value::None),
        dict: PyCell::new(None),
    };
    Ok(Value::Obj(ObjRef::new(&crate::rt_types::rt().function, f)))
}

/// Registers the `function` constructor.
pub fn install() {
    crate::class::register_ctor(&crate::rt_types::rt().function, function_new, false);
}
