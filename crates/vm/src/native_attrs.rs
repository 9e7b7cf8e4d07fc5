//! Special attributes of `builtin_function_or_method` (`__name__`,
//! `__qualname__`, `__self__`, `__module__`, `__doc__`, `__text_signature__`,
//! CPython's `meth_getsets`/`meth_members` in `Objects/methodobject.c`), of
//! `method_descriptor` (`__objclass__` & co., `descrobject.c`), and
//! `cell.cell_contents` (`cellobject.c`: read, write, delete, "Cell is empty").

use crate::builtins::dict::Dict;
use crate::builtins::str::{new_str, StrObj};
use crate::calls::{MethodDescr, NativeFunction};
use crate::error::{PyErr, PyResult};
use crate::function::CellObj;
use crate::module::ModuleObj;
use crate::object::ObjRef;
use crate::types::{type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

fn attr_name(name: &ObjRef) -> &str {
    name.downcast::<StrObj>()
        .and_then(StrObj::as_str)
        .unwrap_or("")
}

/// The module whose namespace holds the function object `f` (CPython stores it
/// as `m_self`/`m_module` when the module is made; Krait looks for it on demand,
/// `builtins` first, then `sys.modules`).
fn owning_module(vm: &mut Vm, f: &ObjRef) -> Option<ObjRef> {
    let mut candidates = vec![vm.builtins_module.clone()];
    let modules = vm.modules.clone();
    if let Some(d) = modules.downcast::<Dict>() {
        candidates.extend(d.values(vm.token()).into_iter().filter_map(|v| match v {
            Value::Obj(o) if o.downcast::<ModuleObj>().is_some() => Some(o),
            _ => None,
        }));
    }
    candidates.into_iter().find(|m| {
        m.downcast::<ModuleObj>()
            .and_then(|mo| mo.dict.downcast::<Dict>())
            .is_some_and(|d| {
                d.values(vm.token())
                    .iter()
                    .any(|v| v.as_obj().is_some_and(|o| o.is(f)))
            })
    })
}

fn module_name(vm: &mut Vm, m: &ObjRef) -> Value {
    let key = Value::Obj(crate::builtins::str::intern(vm.token(), "__name__"));
    m.downcast::<ModuleObj>()
        .and_then(|mo| mo.dict.downcast::<Dict>())
        .and_then(|d| d.get_str(vm.token(), &key))
        .unwrap_or(Value::None)
}

/// `builtin_function_or_method` attribute lookup: its special attributes, then
/// the generic lookup.
pub fn native_function_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    let Some(f) = obj.downcast::<NativeFunction>() else {
        return crate::builtins::object::generic_getattr(vm, obj, name);
    };
    let (fname, owner, self_) = (f.name, f.owner, f.self_.clone());
    match attr_name(name) {
        "__name__" => Ok(new_str(fname)),
        "__qualname__" => Ok(match (&self_, owner) {
            (Some(s), _) if s.downcast::<TypeObject>().is_some() => {
                let t = s.as_obj().cloned().unwrap_or_else(|| s.type_ref());
                new_str(&format!("{}.{fname}", type_name(vm.token(), &t)))
            }
            (Some(_), Some(o)) => new_str(&format!("{o}.{fname}")),
            _ => new_str(fname),
        }),
        "__self__" => match self_ {
            Some(s) => Ok(s),
            None => {
                let me = obj.as_obj().cloned();
                Ok(me
                    .and_then(|me| owning_module(vm, &me))
                    .map_or(Value::None, Value::Obj))
            }
        },
        "__module__" => match self_ {
            Some(_) => Ok(Value::None),
            None => {
                let me = obj.as_obj().cloned();
                match me.and_then(|me| owning_module(vm, &me)) {
                    Some(m) => Ok(module_name(vm, &m)),
                    None => Ok(Value::None),
                }
            }
        },
        "__doc__" | "__text_signature__" => Ok(Value::None),
        _ => crate::builtins::object::generic_getattr(vm, obj, name),
    }
}

/// `method_descriptor` attribute lookup: `__name__`, `__qualname__`,
/// `__objclass__`, `__doc__`, `__text_signature__`, then the generic lookup.
pub fn method_descr_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    let Some(d) = obj.downcast::<MethodDescr>() else {
        return crate::builtins::object::generic_getattr(vm, obj, name);
    };
    let (dname, owner) = (d.name, d.owner.clone());
    match attr_name(name) {
        "__name__" => Ok(new_str(dname)),
        "__qualname__" => Ok(new_str(&format!(
            "{}.{dname}",
            type_name(vm.token(), &owner)
        ))),
        "__objclass__" => Ok(Value::Obj(owner)),
        "__doc__" | "__text_signature__" => Ok(Value::None),
        _ => crate::builtins::object::generic_getattr(vm, obj, name),
    }
}

/// `cell.cell_contents`: the value, or "ValueError: Cell is empty".
pub fn cell_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    if let (Some(c), "cell_contents") = (obj.downcast::<CellObj>(), attr_name(name)) {
        return c
            .value
            .borrow(vm.token())
            .clone()
            .ok_or_else(|| PyErr::value_error("Cell is empty"));
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}

/// `cell.cell_contents = v` / `del cell.cell_contents` (which empties it).
pub fn cell_setattro(
    vm: &mut Vm,
    obj: &Value,
    name: &ObjRef,
    value: Option<Value>,
) -> PyResult<()> {
    if let (Some(c), "cell_contents") = (obj.downcast::<CellObj>(), attr_name(name)) {
        let old = std::mem::replace(&mut *c.value.borrow_mut(vm.token()), value);
        drop(old);
        return Ok(());
    }
    crate::builtins::object::generic_setattr(vm, obj, name, value)
}

/// Installs the attribute slots on `builtin_function_or_method`,
/// `method_descriptor` and `cell`.
pub fn install() {
    crate::rt_ctors::install();
    let rt = crate::rt_types::rt();
    if let Some(t) = rt.builtin_function.downcast::<TypeObject>() {
        t.slots.getattro.set(Some(native_function_getattro));
    }
    if let Some(t) = rt.method_descriptor.downcast::<TypeObject>() {
        t.slots.getattro.set(Some(method_descr_getattro));
    }
    if let Some(t) = rt.cell.downcast::<TypeObject>() {
        t.slots.getattro.set(Some(cell_getattro));
        t.slots.setattro.set(Some(cell_setattro));
    }
}
