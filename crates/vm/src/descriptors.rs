//! `staticmethod`, `classmethod`, `property` (CPython's `funcobject.c`,
//! `descrobject.c`) and `super` (`typeobject.c`'s `super_getattro`, with the
//! zero-argument form reading the caller's `__class__` cell and first argument).

use crate::builtins::str::{new_str, StrObj};
use crate::calls::{add_method, exact_args, ArgSpec};
use crate::code::CodeObj;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::function::{BoundMethod, CellObj};
use crate::object::{ObjRef, Payload, PayloadKind, PyCell, Token};
use crate::types::{is_subtype, type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of a `staticmethod`.
pub struct StaticMethod {
    /// `__func__`.
    pub func: Value,
}

impl Payload for StaticMethod {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, _t: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
    }
}

/// The payload of a `classmethod`.
pub struct ClassMethod {
    /// `__func__`.
    pub func: Value,
}

impl Payload for ClassMethod {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, _t: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
    }
}

/// The payload of a `property`.
pub struct Property {
    /// `fget`, `fset`, `fdel`, `__doc__`.
    pub funcs: PyCell<[Value; 4]>,
}

impl Payload for Property {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, t: &Token, visit: &mut dyn FnMut(&Value)) {
        self.funcs.borrow(t).iter().for_each(visit);
    }
}

/// The payload of a `super` object.
pub struct SuperObj {
    /// The class after which the MRO search starts.
    pub start: ObjRef,
    /// The bound object (instance or class).
    pub obj: Value,
    /// The type whose MRO is searched (`type(obj)`, or `obj` if it is a class).
    pub obj_type: ObjRef,
}

impl Payload for SuperObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, _t: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.start.clone()));
        visit(&self.obj);
        visit(&Value::Obj(self.obj_type.clone()));
    }
}

fn staticmethod_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let a = exact_args(vm, "staticmethod", args, kw, 1)?;
    Ok(Value::Obj(ObjRef::new(
        cls,
        StaticMethod { func: a[0].clone() },
    )))
}

fn classmethod_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let a = exact_args(vm, "classmethod", args, kw, 1)?;
    Ok(Value::Obj(ObjRef::new(
        cls,
        ClassMethod { func: a[0].clone() },
    )))
}

fn property_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, kws) = ArgSpec::parse(vm, "property", args, kw, ["fget", "fset", "fdel", "doc"])?;
    let mut f: [Value; 4] = Default::default();
    for (i, v) in pos.iter().take(4).enumerate() {
        f[i] = v.clone();
    }
    for (i, v) in kws.into_iter().enumerate() {
        if let Some(v) = v {
            f[i] = v;
        }
    }
    // No doc given: the getter's (CPython's `property_init`).
    if f[3].is_none() && !f[0].is_none() {
        if let Some(d) = crate::class_build::lookup_attr(vm, &f[0], "__doc__")? {
            f[3] = d;
        }
    }
    Ok(Value::Obj(ObjRef::new(
        cls,
        Property {
            funcs: PyCell::new(f),
        },
    )))
}

fn staticmethod_get(
    _vm: &mut Vm,
    d: &Value,
    _obj: Option<&Value>,
    _ty: &ObjRef,
) -> PyResult<Value> {
    Ok(d.downcast::<StaticMethod>()
        .map(|s| s.func.clone())
        .unwrap_or_default())
}

fn staticmethod_call(
    vm: &mut Vm,
    c: &Value,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let f = c
        .downcast::<StaticMethod>()
        .map(|s| s.func.clone())
        .unwrap_or_default();
    vm.call(&f, args, kw)
}

fn classmethod_get(_vm: &mut Vm, d: &Value, obj: Option<&Value>, ty: &ObjRef) -> PyResult<Value> {
    let f = d
        .downcast::<ClassMethod>()
        .map(|s| s.func.clone())
        .unwrap_or_default();
    let _ = obj;
    let cls = Value::Obj(ty.clone());
    Ok(Value::Obj(BoundMethod::alloc(f, cls)))
}

fn property_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, _ty: &ObjRef) -> PyResult<Value> {
    let Some(obj) = obj else {
        return Ok(d.clone());
    };
    let fget = d
        .downcast::<Property>()
        .map(|p| p.funcs.borrow(vm.token())[0].clone())
        .unwrap_or_default();
    if fget.is_none() {
        return Err(PyErr::new(
            ExcKind::AttributeError,
            "property has no getter",
        ));
    }
    vm.call(&fget, std::slice::from_ref(obj), None)
}

fn property_set(vm: &mut Vm, d: &Value, obj: &Value, v: Option<Value>) -> PyResult<()> {
    let i = if v.is_some() { 1 } else { 2 };
    let f = d
        .downcast::<Property>()
        .map(|p| p.funcs.borrow(vm.token())[i].clone())
        .unwrap_or_default();
    if f.is_none() {
        return Err(PyErr::new(
            ExcKind::AttributeError,
            if v.is_some() {
                "can't set attribute"
            } else {
                "can't delete attribute"
            },
        ));
    }
    match v {
        Some(v) => vm.call(&f, &[obj.clone(), v], None)?,
        None => vm.call(&f, std::slice::from_ref(obj), None)?,
    };
    Ok(())
}

fn property_copy_with(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    i: usize,
    name: &str,
) -> PyResult<Value> {
    let a = exact_args(vm, name, args, kw, 2)?;
    let Some(p) = a[0].downcast::<Property>() else {
        return Err(PyErr::type_error("not a property"));
    };
    let mut f = p.funcs.borrow(vm.token()).clone();
    f[i] = a[1].clone();
    let t = a[0].type_ref();
    Ok(Value::Obj(ObjRef::new(
        &t,
        Property {
            funcs: PyCell::new(f),
        },
    )))
}

fn property_getter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    property_copy_with(vm, args, kw, 0, "getter")
}
fn property_setter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    property_copy_with(vm, args, kw, 1, "setter")
}
fn property_deleter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    property_copy_with(vm, args, kw, 2, "deleter")
}

fn descr_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    let n = name
        .downcast::<StrObj>()
        .and_then(StrObj::as_str)
        .unwrap_or("");
    if n == "__func__" {
        if let Some(s) = obj.downcast::<StaticMethod>() {
            return Ok(s.func.clone());
        }
        if let Some(c) = obj.downcast::<ClassMethod>() {
            return Ok(c.func.clone());
        }
    }
    if let Some(p) = obj.downcast::<Property>() {
        let f = p.funcs.borrow(vm.token()).clone();
        match n {
            "fget" => return Ok(f[0].clone()),
            "fset" => return Ok(f[1].clone()),
            "fdel" => return Ok(f[2].clone()),
            "__doc__" => return Ok(f[3].clone()),
            _ => {}
        }
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}

/// `property.__setattr__`: `__doc__` is the property's own doc slot (as
/// CPython's `property.__doc__` member); other names go to the instance.
fn property_setattro(vm: &mut Vm, obj: &Value, name: &ObjRef, v: Option<Value>) -> PyResult<()> {
    if name.downcast::<StrObj>().and_then(StrObj::as_str) == Some("__doc__") {
        if let Some(p) = obj.downcast::<Property>() {
            p.funcs.borrow_mut(vm.token())[3] = v.unwrap_or_default();
            return Ok(());
        }
    }
    crate::builtins::object::generic_setattr(vm, obj, name, v)
}

/// `super()` / `super(type, obj)`.
fn super_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    crate::calls::no_kwargs(vm, "super", kw)?;
    let (start, obj) = match args {
        [t, o] => (t.clone(), o.clone()),
        [] => zero_arg_super(vm)?,
        _ => return Err(PyErr::type_error("super() takes 0 or 2 arguments")),
    };
    let Some(start) = start
        .as_obj()
        .filter(|o| o.downcast::<TypeObject>().is_some())
        .cloned()
    else {
        return Err(PyErr::type_error(format!(
            "super() argument 1 must be a type, not {}",
            type_name(vm.token(), &start.type_ref())
        )));
    };
    let obj_type = match obj
        .as_obj()
        .filter(|o| o.downcast::<TypeObject>().is_some())
    {
        Some(t) if is_subtype(vm.token(), t, &start) => t.clone(),
        _ => {
            let t = obj.type_ref();
            if !is_subtype(vm.token(), &t, &start) {
                return Err(PyErr::type_error(
                    "super(type, obj): obj must be an instance or subtype of type",
                ));
            }
            t
        }
    };
    Ok(Value::Obj(ObjRef::new(
        cls,
        SuperObj {
            start,
            obj,
            obj_type,
        },
    )))
}

/// The zero-argument form: the calling frame's `__class__` cell and its first
/// argument (CPython's `super_init_without_args`).
fn zero_arg_super(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let Some(f) = vm.frames.last() else {
        return Err(PyErr::runtime_error("super(): no current frame"));
    };
    let (code, base) = (f.code.clone(), f.base);
    let Some(co) = code.downcast::<CodeObj>() else {
        return Err(PyErr::runtime_error("super(): no code object"));
    };
    if co.data.argcount == 0 {
        return Err(PyErr::runtime_error("super(): no arguments"));
    }
    let mut first = vm.stack.get(base).cloned().flatten().unwrap_or_default();
    if let Some(c) = first.downcast::<CellObj>() {
        if co.cell_slots.first() == Some(&0) {
            first = c.value.borrow(vm.token()).clone().unwrap_or_default();
        }
    }
    let idx = co
        .localsplus_names
        .iter()
        .enumerate()
        .skip(co.first_free)
        .find(|(_, n)| n.downcast::<StrObj>().and_then(StrObj::as_str) == Some("__class__"))
        .map(|(i, _)| i);
    let Some(i) = idx else {
        return Err(PyErr::runtime_error("super(): __class__ cell not found"));
    };
    let cell = vm
        .stack
        .get(base + i)
        .cloned()
        .flatten()
        .unwrap_or_default();
    let cls = cell
        .downcast::<CellObj>()
        .and_then(|c| c.value.borrow(vm.token()).clone());
    match cls {
        Some(c) => Ok((c, first)),
        None => Err(PyErr::runtime_error("super(): empty __class__ cell")),
    }
}

fn super_getattro(vm: &mut Vm, sv: &Value, name: &ObjRef) -> PyResult<Value> {
    let Some(s) = sv.downcast::<SuperObj>() else {
        return crate::builtins::object::generic_getattr(vm, sv, name);
    };
    let (start, obj, obj_type) = (s.start.clone(), s.obj.clone(), s.obj_type.clone());
    match name.downcast::<StrObj>().and_then(StrObj::as_str) {
        Some("__thisclass__") => return Ok(Value::Obj(start)),
        Some("__self__") => return Ok(obj),
        Some("__self_class__") => return Ok(Value::Obj(obj_type)),
        _ => {}
    }
    let key = Value::Obj(name.clone());
    if name.downcast::<StrObj>().and_then(StrObj::as_str) != Some("__class__") {
        let mro = obj_type
            .downcast::<TypeObject>()
            .map(|t| t.mro(vm.token()))
            .unwrap_or_else(|| std::rc::Rc::from(Vec::new()));
        let pos = mro
            .iter()
            .position(|m| m.is(&start))
            .map_or(mro.len(), |p| p + 1);
        for t in mro.iter().skip(pos) {
            let Some(tp) = t.downcast::<TypeObject>() else {
                continue;
            };
            let found = tp.dict.get_str(vm.token(), &key);
            if let Some(v) = found {
                let g = v
                    .type_ref()
                    .downcast::<TypeObject>()
                    .and_then(|t| t.slots.descr_get.get());
                return match g {
                    Some(g) => {
                        let inst = if obj.as_obj().is_some_and(|o| o.is(&obj_type)) {
                            None
                        } else {
                            Some(&obj)
                        };
                        g(vm, &v, inst, &obj_type)
                    }
                    None => Ok(v),
                };
            }
        }
    }
    crate::builtins::object::generic_getattr(vm, sv, name)
}

fn super_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(s) = v.downcast::<SuperObj>() else {
        return Ok(new_str("<super>"));
    };
    let n = type_name(vm.token(), &s.start);
    let on = type_name(vm.token(), &s.obj_type);
    Ok(new_str(&format!("<super: <class '{n}'>, <{on} object>>")))
}

fn t(o: &ObjRef) -> Option<&crate::types::Slots> {
    o.downcast::<TypeObject>().map(|t| &t.slots)
}

/// Adds `property`'s methods (after the runtime types exist).
pub fn install_methods(token: &mut Token, property: &ObjRef) {
    add_method(token, property, "getter", property_getter);
    add_method(token, property, "setter", property_setter);
    add_method(token, property, "deleter", property_deleter);
}

/// Creates the descriptor types and registers their constructors; returns
/// `(staticmethod, classmethod, property, super)`.
pub fn create(token: &mut Token) -> [ObjRef; 4] {
    let sm = crate::types::new_native_type(token, "staticmethod", StaticMethod::LAYOUT, None);
    let cm = crate::types::new_native_type(token, "classmethod", ClassMethod::LAYOUT, None);
    let pr = crate::types::new_native_type(token, "property", Property::LAYOUT, None);
    let su = crate::types::new_native_type(token, "super", SuperObj::LAYOUT, None);
    if let Some(s) = t(&sm) {
        s.descr_get.set(Some(staticmethod_get));
        s.call.set(Some(staticmethod_call));
        s.getattro.set(Some(descr_getattro));
    }
    if let Some(s) = t(&cm) {
        s.descr_get.set(Some(classmethod_get));
        s.getattro.set(Some(descr_getattro));
    }
    if let Some(s) = t(&pr) {
        s.descr_get.set(Some(property_get));
        s.descr_set.set(Some(property_set));
        s.getattro.set(Some(descr_getattro));
        s.setattro.set(Some(property_setattro));
    }
    if let Some(s) = t(&su) {
        s.getattro.set(Some(super_getattro));
        s.repr.set(Some(super_repr));
    }
    crate::class::register_ctor(&sm, staticmethod_new, false);
    crate::class::register_ctor(&cm, classmethod_new, false);
    crate::class::register_ctor(&pr, property_new, false);
    crate::class::register_ctor(&su, super_new, false);
    [sm, cm, pr, su]
}
