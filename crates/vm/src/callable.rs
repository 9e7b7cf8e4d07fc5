//! Slots of the callable runtime types: Python functions (`__call__`, binding as
//! methods, attributes), bound methods, native functions' reprs, and modules'
//! attribute access (CPython's `funcobject.c`, `classobject.c`,
//! `methodobject.c`, `moduleobject.c`).

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::str::{new_str, StrObj};
use crate::calls::{with_prepended, MethodDescr, NativeFunction};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::function::{BoundMethod, FunctionObj};
use crate::module::ModuleObj;
use crate::object::ObjRef;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

fn text_of(v: &Value) -> String {
    v.downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `function.__call__`: runs the function's code in a new frame (a native
/// re-entry of the eval loop; calls from Python code don't come here).
pub fn function_call(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&ObjRef>,
) -> PyResult<Value> {
    let Some(f) = callable.as_obj() else {
        return Err(PyErr::type_error("not a function"));
    };
    vm.call_python(f, args, kwnames)
}

/// `function.__get__`: a bound method through an instance, the function itself
/// through the class.
pub fn function_descr_get(
    _vm: &mut Vm,
    f: &Value,
    obj: Option<&Value>,
    _ty: &ObjRef,
) -> PyResult<Value> {
    match obj {
        Some(o) => Ok(Value::Obj(BoundMethod::alloc(f.clone(), o.clone()))),
        None => Ok(f.clone()),
    }
}

/// `function.__repr__`: `<function f at 0x...>`.
pub fn function_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let q = v
        .downcast::<FunctionObj>()
        .map(|f| text_of(f.qualname.borrow(vm.token())))
        .unwrap_or_default();
    let id = v.as_obj().map_or(0, ObjRef::id);
    Ok(new_str(&format!("<function {q} at {id:#x}>")))
}

fn opt(o: &Option<ObjRef>) -> Value {
    o.clone().map_or(Value::None, Value::Obj)
}

/// Function attributes (`__name__`, `__code__`, ...) then the generic lookup.
pub fn function_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    if let Some(f) = obj.downcast::<FunctionObj>() {
        let n = name
            .downcast::<StrObj>()
            .and_then(StrObj::as_str)
            .unwrap_or("");
        if n == "__annotations__" {
            return annotations_dict(vm, f);
        }
        let t = vm.token();
        let v = match n {
            "__name__" => Some(f.name.borrow(t).clone()),
            "__qualname__" => Some(f.qualname.borrow(t).clone()),
            "__doc__" => Some(f.doc.borrow(t).clone()),
            "__module__" => Some(f.module.borrow(t).clone()),
            "__code__" => Some(Value::Obj(f.code.borrow(t).clone())),
            "__globals__" => Some(Value::Obj(f.globals.clone())),
            "__builtins__" => Some(Value::Obj(f.builtins.clone())),
            "__defaults__" => Some(opt(f.defaults.borrow(t))),
            "__kwdefaults__" => Some(opt(f.kwdefaults.borrow(t))),
            "__closure__" => Some(opt(&f.closure)),
            "__dict__" => Some(Value::Obj(f.dict(t))),
            _ => None,
        };
        if let Some(v) = v {
            return Ok(v);
        }
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}

/// `function.__annotations__` (CPython's `func_get_annotations`): the
/// `(name, value, ...)` tuple `MAKE_FUNCTION` stored becomes a dict (kept), and
/// a function without annotations gets a new empty dict.
fn annotations_dict(vm: &mut Vm, f: &FunctionObj) -> PyResult<Value> {
    let cur = f.annotations.borrow(vm.token()).clone();
    if cur.downcast::<Dict>().is_some() {
        return Ok(cur);
    }
    let d = Dict::new();
    if let Some(t) = cur.downcast::<crate::builtins::tuple::Tuple>() {
        let items = t.items(vm.token()).to_vec();
        for pair in items.chunks(2) {
            if let [k, v] = pair {
                d.set(vm, k.clone(), v.clone())?;
            }
        }
    }
    let d = Value::Obj(ObjRef::new(&crate::types::builtin_types().dict, d));
    *f.annotations.borrow_mut(vm.token()) = d.clone();
    Ok(d)
}

/// Function attribute stores: the writable special attributes, else `__dict__`.
pub fn function_setattro(
    vm: &mut Vm,
    obj: &Value,
    name: &ObjRef,
    value: Option<Value>,
) -> PyResult<()> {
    if let Some(f) = obj.downcast::<FunctionObj>() {
        let n = name
            .downcast::<StrObj>()
            .and_then(StrObj::as_str)
            .unwrap_or("");
        let t = vm.token();
        let v = value.clone().unwrap_or(Value::None);
        match n {
            "__name__" => *f.name.borrow_mut(t) = v,
            "__qualname__" => *f.qualname.borrow_mut(t) = v,
            "__doc__" => *f.doc.borrow_mut(t) = v,
            "__module__" => *f.module.borrow_mut(t) = v,
            "__annotations__" => *f.annotations.borrow_mut(t) = v,
            "__defaults__" => *f.defaults.borrow_mut(t) = v.as_obj().cloned(),
            "__kwdefaults__" => *f.kwdefaults.borrow_mut(t) = v.as_obj().cloned(),
            "__code__" => {
                // CPython's `func_set_code`: a code object whose free
                // variables match the closure.
                let Some(co) = v.downcast::<crate::code::CodeObj>() else {
                    return Err(PyErr::type_error("__code__ must be set to a code object"));
                };
                let nfree = co.nlocalsplus - co.first_free;
                let nclosure = f
                    .closure
                    .as_ref()
                    .and_then(|c| c.downcast::<crate::builtins::tuple::Tuple>())
                    .map_or(0, |c| c.len(t));
                if nfree != nclosure {
                    let name = f
                        .name
                        .borrow(t)
                        .downcast::<StrObj>()
                        .map(|s| s.text().to_string_lossy().into_owned())
                        .unwrap_or_default();
                    return Err(PyErr::value_error(format!(
                        "{name}() requires a code object with {nclosure} free vars, not {nfree}"
                    )));
                }
                *f.code.borrow_mut(t) = v
                    .as_obj()
                    .cloned()
                    .unwrap_or_else(|| f.code.borrow(t).clone());
            }
            _ => {
                let d = f.dict(t);
                let key = Value::Obj(name.clone());
                let dict = d
                    .downcast::<Dict>()
                    .ok_or_else(|| PyErr::type_error("bad dict"))?;
                return match value {
                    Some(v) => dict.set(&mut NativeEq(vm.token()), key, v),
                    None => dict.del(&mut NativeEq(vm.token()), &key).map_err(|_| {
                        PyErr::new(
                            ExcKind::AttributeError,
                            format!("'function' object has no attribute '{n}'"),
                        )
                    }),
                };
            }
        }
        return Ok(());
    }
    crate::builtins::object::generic_setattr(vm, obj, name, value)
}

/// `method.__call__`: the function with the receiver prepended.
pub fn bound_method_call(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&ObjRef>,
) -> PyResult<Value> {
    let Some(m) = callable.downcast::<BoundMethod>() else {
        return Err(PyErr::type_error("not a method"));
    };
    let (func, self_) = (m.func.clone(), m.self_.clone());
    with_prepended(self_, args, |all| vm.call(&func, all, kwnames))
}

/// `method.__repr__`: `<bound method C.f of <C object at ...>>`.
pub fn bound_method_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(m) = v.downcast::<BoundMethod>() else {
        return Ok(new_str("<method>"));
    };
    let (func, self_) = (m.func.clone(), m.self_.clone());
    let q = match func.downcast::<FunctionObj>() {
        Some(f) => text_of(f.qualname.borrow(vm.token())),
        None => "?".to_owned(),
    };
    let r = vm.repr(&self_)?;
    Ok(new_str(&format!("<bound method {q} of {}>", text_of(&r))))
}

/// `method` attributes: `__func__`, `__self__`, then the function's.
pub fn bound_method_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    let Some(m) = obj.downcast::<BoundMethod>() else {
        return crate::builtins::object::generic_getattr(vm, obj, name);
    };
    let n = name
        .downcast::<StrObj>()
        .and_then(StrObj::as_str)
        .unwrap_or("");
    match n {
        "__func__" => Ok(m.func.clone()),
        "__self__" => Ok(m.self_.clone()),
        "__class__" => Ok(Value::Obj(obj.type_ref())),
        _ => {
            // The method type's own slot wrappers (`__call__`, ...) come first,
            // as in CPython's `method_getattro`; the rest is the function's.
            let own = obj
                .type_ref()
                .downcast::<crate::types::TypeObject>()
                .and_then(|t| {
                    let d = t.dict.get_str(vm.token(), &Value::Obj(name.clone()))?;
                    d.downcast::<MethodDescr>().map(|_| d.clone())
                });
            let bind = own.as_ref().and_then(|d| {
                d.type_ref()
                    .downcast::<crate::types::TypeObject>()
                    .and_then(|t| t.slots.descr_get.get())
            });
            if let (Some(d), Some(g)) = (own, bind) {
                return g(vm, &d, Some(obj), &obj.type_ref());
            }
            let f = m.func.clone();
            vm.getattr(&f, name)
        }
    }
}

/// `builtin_function_or_method.__repr__`.
pub fn native_function_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(f) = v.downcast::<NativeFunction>() else {
        return Ok(new_str("<built-in function>"));
    };
    match (&f.self_, f.owner) {
        (Some(s), Some(owner)) => {
            let s = s.clone();
            let id = s.as_obj().map_or(0, ObjRef::id);
            let _ = vm;
            Ok(new_str(&format!(
                "<built-in method {} of {owner} object at {id:#x}>",
                f.name
            )))
        }
        _ => Ok(new_str(&format!("<built-in function {}>", f.name))),
    }
}

/// `method_descriptor.__repr__`: `<method 'append' of 'list' objects>`.
pub fn method_descr_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(d) = v.downcast::<MethodDescr>() else {
        return Ok(new_str("<method>"));
    };
    let owner = type_name(vm.token(), &d.owner);
    Ok(new_str(&format!(
        "<method '{}' of '{owner}' objects>",
        d.name
    )))
}

/// Module attribute lookup: the namespace, then the type (`module.__getattribute__`).
pub fn module_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    if let Some(m) = obj.downcast::<ModuleObj>() {
        let key = Value::Obj(name.clone());
        if let Some(v) = m
            .dict
            .downcast::<Dict>()
            .and_then(|d| d.get_str(vm.token(), &key))
        {
            return Ok(v);
        }
        let n = name
            .downcast::<StrObj>()
            .and_then(StrObj::as_str)
            .unwrap_or("");
        if n == "__dict__" {
            return Ok(Value::Obj(m.dict.clone()));
        }
        // The type's attributes, then the module's own `__getattr__` (PEP 562).
        match crate::builtins::object::generic_getattr(vm, obj, name) {
            Err(e) if e.kind == ExcKind::AttributeError => {
                let k = Value::Obj(crate::builtins::str::intern(vm.token(), "__getattr__"));
                let hook = m
                    .dict
                    .downcast::<Dict>()
                    .and_then(|d| d.get_str(vm.token(), &k));
                if let Some(hook) = hook {
                    return vm.call(&hook, &[Value::Obj(name.clone())], None);
                }
            }
            r => return r,
        }
        let modname = m
            .dict
            .downcast::<Dict>()
            .and_then(|d| {
                let k = Value::Obj(crate::builtins::str::intern(vm.token(), "__name__"));
                d.get_str(vm.token(), &k)
            })
            .map(|v| text_of(&v))
            .unwrap_or_else(|| "?".to_owned());
        return Err(PyErr::new(
            ExcKind::AttributeError,
            format!("module '{modname}' has no attribute '{n}'"),
        ));
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}

/// Module attribute store: into the namespace.
pub fn module_setattro(
    vm: &mut Vm,
    obj: &Value,
    name: &ObjRef,
    value: Option<Value>,
) -> PyResult<()> {
    let Some(m) = obj.downcast::<ModuleObj>() else {
        return crate::builtins::object::generic_setattr(vm, obj, name, value);
    };
    let d = m.dict.clone();
    let dict = d
        .downcast::<Dict>()
        .ok_or_else(|| PyErr::type_error("bad module"))?;
    let key = Value::Obj(name.clone());
    match value {
        Some(v) => dict.set(&mut NativeEq(vm.token()), key, v),
        None => dict.del(&mut NativeEq(vm.token()), &key),
    }
}

/// `module.__repr__` (importlib's `_module_repr`, in `import/module_repr.rs`).
pub fn module_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    crate::import::module_repr::module_repr(vm, v)
}
