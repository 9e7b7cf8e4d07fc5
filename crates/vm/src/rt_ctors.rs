//! Constructors of runtime types that Python code can call through `types`:
//! `types.CellType([contents])` (`cell_new`), `types.FunctionType(code, globals,
//! name=None, argdefs=None, closure=None)` (`func_new`) and
//! `types.ModuleType(name, doc=None)` (`module___init__`), with CPython 3.11's
//! argument checks and messages.

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::str::{intern, StrObj};
use crate::builtins::tuple::Tuple;
use crate::calls::ArgSpec;
use crate::class::register_ctor;
use crate::code::{CodeObj, CO_OPTIMIZED};
use crate::error::{PyErr, PyResult};
use crate::function::{CellObj, FunctionObj};
use crate::module::ModuleObj;
use crate::object::{ObjRef, PyCell};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

fn tname(vm: &mut Vm, v: &Value) -> String {
    type_name(vm.token(), &v.type_ref())
}

/// `cell()` (empty) or `cell(contents)`.
fn cell_new(vm: &mut Vm, _cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    crate::calls::no_kwargs(vm, "cell", kw)?;
    match args {
        [] => Ok(Value::Obj(CellObj::alloc(None))),
        [v] => Ok(Value::Obj(CellObj::alloc(Some(v.clone())))),
        _ => Err(PyErr::type_error(format!(
            "cell expected at most 1 argument, got {}",
            args.len()
        ))),
    }
}

/// The closure argument of `function()`: `None` or a tuple of exactly
/// `nfree` cells.
fn check_closure(vm: &mut Vm, closure: &Value, code: &CodeObj) -> PyResult<Option<ObjRef>> {
    let nfree = code.nlocalsplus.saturating_sub(code.first_free);
    let items = match closure.downcast::<Tuple>() {
        Some(t) => Some(t.items(vm.token()).to_vec()),
        None if closure.is_none() => None,
        None => {
            return Err(PyErr::type_error(if nfree > 0 {
                "arg 5 (closure) must be tuple"
            } else {
                "arg 5 (closure) must be None or tuple"
            }))
        }
    };
    let Some(items) = items else {
        if nfree > 0 {
            return Err(PyErr::type_error("arg 5 (closure) must be tuple"));
        }
        return Ok(None);
    };
    if items.len() != nfree {
        let name = code
            .name
            .downcast::<StrObj>()
            .map_or_else(String::new, |s| s.text().to_string_lossy().into_owned());
        return Err(PyErr::value_error(format!(
            "{name} requires closure of length {nfree}, not {}",
            items.len()
        )));
    }
    for c in &items {
        if c.downcast::<CellObj>().is_none() {
            let t = tname(vm, c);
            return Err(PyErr::type_error(format!(
                "arg 5 (closure) expected cell, found {t}"
            )));
        }
    }
    Ok(closure.as_obj().cloned())
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
    let mut a: [Option<Value>; 5] = std::array::from_fn(|i| pos.get(i).cloned());
    for (i, v) in kws.into_iter().enumerate() {
        if let Some(v) = v {
            if a[i].is_some() {
                return Err(PyErr::type_error(format!(
                    "argument for function() given by name ('{}') and position ({})",
                    names[i],
                    i + 1
                )));
            }
            a[i] = Some(v);
        }
    }
    let [code, globals, name, argdefs, closure] = a;
    let Some(code) = code else {
        return Err(PyErr::type_error(
            "function() missing required argument 'code' (pos 1)",
        ));
    };
    let Some(globals) = globals else {
        return Err(PyErr::type_error(
            "function() missing required argument 'globals' (pos 2)",
        ));
    };
    let Some(code_ref) = code
        .as_obj()
        .filter(|c| c.downcast::<CodeObj>().is_some())
        .cloned()
    else {
        let t = tname(vm, &code);
        return Err(PyErr::type_error(format!(
            "function() argument 'code' must be code, not {t}"
        )));
    };
    let Some(g) = globals
        .as_obj()
        .filter(|g| g.downcast::<Dict>().is_some())
        .cloned()
    else {
        let t = tname(vm, &globals);
        return Err(PyErr::type_error(format!(
            "function() argument 'globals' must be dict, not {t}"
        )));
    };
    let name = name.unwrap_or(Value::None);
    if !name.is_none() && name.downcast::<StrObj>().is_none() {
        return Err(PyErr::type_error("arg 3 (name) must be None or string"));
    }
    let argdefs = argdefs.unwrap_or(Value::None);
    if !argdefs.is_none() && argdefs.downcast::<Tuple>().is_none() {
        return Err(PyErr::type_error("arg 4 (defaults) must be None or tuple"));
    }
    let Some(co) = code_ref.downcast::<CodeObj>() else {
        return Err(PyErr::type_error("function() needs a code object"));
    };
    let closure = check_closure(vm, &closure.unwrap_or(Value::None), co)?;
    let doc = match co.consts.first() {
        Some(v @ Value::Obj(o))
            if o.downcast::<StrObj>().is_some() && co.data.flags & CO_OPTIMIZED != 0 =>
        {
            v.clone()
        }
        _ => Value::None,
    };
    let name = if name.is_none() {
        Value::Obj(co.name.clone())
    } else {
        name
    };
    let qualname = Value::Obj(co.qualname.clone());
    let gd = g.downcast::<Dict>();
    let key = Value::Obj(intern(vm.token(), "__name__"));
    let module = gd
        .and_then(|d| d.get_str(vm.token(), &key))
        .unwrap_or_default();
    let bkey = Value::Obj(intern(vm.token(), "__builtins__"));
    let builtins = match gd.and_then(|d| d.get_str(vm.token(), &bkey)) {
        Some(Value::Obj(b)) if b.downcast::<Dict>().is_some() => b,
        Some(Value::Obj(b)) if b.downcast::<ModuleObj>().is_some() => b
            .downcast::<ModuleObj>()
            .map_or_else(|| vm.builtins.clone(), |m| m.dict.clone()),
        _ => vm.builtins.clone(),
    };
    let f = FunctionObj {
        code: PyCell::new(code_ref.clone()),
        globals: g,
        builtins,
        name: PyCell::new(name),
        qualname: PyCell::new(qualname),
        defaults: PyCell::new(argdefs.as_obj().cloned()),
        kwdefaults: PyCell::new(None),
        closure,
        doc: PyCell::new(doc),
        module: PyCell::new(module),
        annotations: PyCell::new(Value::None),
        dict: PyCell::new(None),
    };
    Ok(Value::Obj(ObjRef::new(&crate::rt_types::rt().function, f)))
}

/// `module(name, doc=None)`: a module with `__name__`, `__doc__`, and `None`
/// for `__package__`, `__loader__` and `__spec__` (CPython's
/// `module___init___impl`).
fn module_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, kws) = ArgSpec::parse(vm, "module", args, kw, ["name", "doc"])?;
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let [kname, kdoc] = kws;
    let Some(name) = pos.first().cloned().or(kname) else {
        return Err(PyErr::type_error(
            "module() missing required argument 'name' (pos 1)",
        ));
    };
    if name.downcast::<StrObj>().is_none() {
        let t = tname(vm, &name);
        return Err(PyErr::type_error(format!(
            "module() argument 'name' must be str, not {t}"
        )));
    }
    let doc = pos.get(1).cloned().or(kdoc).unwrap_or(Value::None);
    let dict = ObjRef::new(&crate::types::builtin_types().dict, Dict::new());
    let m = ObjRef::new(cls, ModuleObj { dict });
    if let Some(d) = m
        .downcast::<ModuleObj>()
        .and_then(|mo| mo.dict.downcast::<Dict>())
    {
        for (k, v) in [
            ("__name__", name),
            ("__doc__", doc),
            ("__package__", Value::None),
            ("__loader__", Value::None),
            ("__spec__", Value::None),
        ] {
            let key = Value::Obj(intern(vm.token(), k));
            d.set(&mut NativeEq(vm.token()), key, v)?;
        }
    }
    Ok(Value::Obj(m))
}

/// Registers the constructors of `cell`, `function` and `module`.
pub fn install() {
    let rt = crate::rt_types::rt();
    register_ctor(&rt.cell, cell_new, false);
    register_ctor(&rt.function, function_new, false);
    register_ctor(&rt.module, module_new, false);
}
