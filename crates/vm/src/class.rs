//! Classes: calling a type (`type.__call__`: `__new__` then `__init__`),
//! creating classes (`type(name, bases, ns)`, `__build_class__`,
//! `__classcell__`, metaclass selection, `__set_name__`), and the slots that
//! make a user class's dunder methods work for the VM's protocols (CPython's
//! `slot_tp_*` / `slot_nb_*` in `Objects/typeobject.c`).

use std::cell::RefCell;
use std::collections::HashMap;

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::str::{intern, StrObj};
use crate::builtins::tuple::Tuple;
use crate::calls::{kwnames_len, positional};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::function::FunctionObj;
use crate::object::ObjRef;
use crate::types::{builtin_types, is_subtype, type_name, CompareOp, TypeObject};
use crate::value::Value;
use crate::vm::{BinOp, Vm};

/// A native constructor (CPython's `tp_new` of a builtin type): `cls` may be a
/// subclass; `args`/`kwnames` follow the native calling convention.
pub type CtorFn = fn(&mut Vm, &ObjRef, &[Value], Option<&ObjRef>) -> PyResult<Value>;

thread_local! {
    /// Native constructors by type id, and whether the type is mutable (then a
    /// user `__init__` gets the arguments instead of the constructor).
    static CTORS: RefCell<HashMap<usize, (CtorFn, bool), crate::id_hash::IdBuildHasher>> =
        RefCell::new(HashMap::default());
}

/// Registers the constructor of builtin type `ty`.
pub fn register_ctor(ty: &ObjRef, f: CtorFn, mutable: bool) {
    CTORS.with(|c| c.borrow_mut().insert(ty.id(), (f, mutable)));
    crate::builtins_module::ctors::note_ctor_type(ty);
}

/// The nearest native constructor along `cls`'s MRO, whether that type is
/// mutable, and the type that registered it.
pub(crate) fn find_ctor(vm: &mut Vm, cls: &ObjRef) -> Option<(CtorFn, bool, ObjRef)> {
    let mro = cls.downcast::<TypeObject>()?.mro(vm.token());
    CTORS.with(|c| {
        let c = c.borrow();
        mro.iter()
            .find_map(|t| c.get(&t.id()).map(|(f, m)| (*f, *m, t.clone())))
    })
}

fn lookup(vm: &mut Vm, cls: &ObjRef, name: &str) -> Option<Value> {
    let key = Value::Obj(intern(vm.token(), name));
    cls.downcast::<TypeObject>()?.lookup(vm.token(), &key)
}

/// [`lookup`] of a name fixed at compile time, without hashing it (hot paths).
fn lookup_static(vm: &mut Vm, cls: &ObjRef, name: &'static str) -> Option<Value> {
    let key = Value::Obj(crate::builtins::str::static_name(vm.token(), name));
    cls.downcast::<TypeObject>()?.lookup(vm.token(), &key)
}

fn is_py_function(v: &Value) -> bool {
    v.downcast::<FunctionObj>().is_some()
}

/// `object()` and classes on top of `object`: a new instance.
fn object_ctor(
    vm: &mut Vm,
    cls: &ObjRef,
    _args: &[Value],
    _kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let bt = builtin_types();
    crate::type_methods::check_abstract(vm, cls)?;
    if cls.is(&bt.object) {
        // A bare `object()` has no `__dict__`, as in CPython.
        return Ok(Value::Obj(ObjRef::new(
            cls,
            crate::types::builtin::BaseObject,
        )));
    }
    crate::instancecheck::check_not_abstract(vm, cls)?;
    crate::builtins::object::Instance::alloc(vm.token(), cls).map(Value::Obj)
}

/// `NoneType()`: the `None` singleton (CPython's `none_new`).
fn none_ctor(vm: &mut Vm, cls: &ObjRef, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() takes no arguments",
            type_name(vm.token(), cls)
        )));
    }
    Ok(Value::None)
}

/// Whether `cls` inherits `name` from `object` itself (CPython compares
/// `type->tp_new == object_new` / `type->tp_init == object_init`).
fn inherits_object_slot(vm: &mut Vm, cls: &ObjRef, name: &str) -> bool {
    let mine = lookup(vm, cls, name);
    let base = lookup(vm, &builtin_types().object, name);
    match (mine, base) {
        (Some(a), Some(b)) => a.is(&b),
        _ => true,
    }
}

/// `BaseException.__new__`: `args` stored.
fn exception_ctor(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let pos = positional(vm, args, kw);
    let e = crate::exceptions::new_exception(vm, cls, pos)?;
    if let Some(k) = kw.filter(|k| kwnames_len(vm.token(), Some(k)) > 0) {
        crate::exc_kwargs::apply(vm, &e, args, k)?;
    }
    Ok(e)
}

/// `object.__init__(self, ...)` (CPython's `object_init`): excess arguments
/// are an error only when `__init__` is overridden or `__new__` is not.
fn object_init(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    if args.len() > 1 {
        let t = args[0].type_ref();
        if !inherits_object_slot(vm, &t, "__init__") {
            return Err(PyErr::type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if inherits_object_slot(vm, &t, "__new__") {
            return Err(PyErr::type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                type_name(vm.token(), &t)
            )));
        }
    }
    Ok(Value::None)
}

/// `type.__init__(cls, ...)` (CPython's `type_init`): 1 or 3 arguments.
fn type_init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let nkw = kwnames_len(vm.token(), kw);
    let npos = args.len().saturating_sub(1 + nkw);
    if npos == 1 && nkw != 0 {
        return Err(PyErr::type_error(
            "type.__init__() takes no keyword arguments",
        ));
    }
    if npos != 1 && npos != 3 {
        return Err(PyErr::type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::None)
}

/// `object.__new__(cls, ...)`.
fn object_new(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(Value::as_obj).cloned() else {
        return Err(PyErr::type_error("object.__new__(): not enough arguments"));
    };
    // Until every builtin with a constructor has its own `__new__`, a call here
    // may have come through one of them: only then is the builtin's own
    // constructor a mistake (CPython's "is not safe" check in `tp_new_wrapper`).
    let all_have_new = !crate::builtins_module::ctors::install_pending_new(vm);
    match find_ctor(vm, &cls) {
        Some((_, _, owner)) if all_have_new && !owner.is(&builtin_types().object) => {
            let n = type_name(vm.token(), &cls);
            Err(PyErr::type_error(format!(
                "object.__new__({n}) is not safe, use {}.__new__()",
                type_name(vm.token(), &owner)
            )))
        }
        Some((ctor, _, owner)) if !owner.is(&builtin_types().object) => {
            ctor(vm, &cls, &args[1..], kw)
        }
        _ => {
            if args.len() > 1 && cls.downcast::<TypeObject>().is_some() {
                if !inherits_object_slot(vm, &cls, "__new__") {
                    return Err(PyErr::type_error(
                        "object.__new__() takes exactly one argument (the type to instantiate)",
                    ));
                }
                if inherits_object_slot(vm, &cls, "__init__") {
                    return Err(PyErr::type_error(format!(
                        "{}() takes no arguments",
                        type_name(vm.token(), &cls)
                    )));
                }
            }
            object_ctor(vm, &cls, &[], None)
        }
    }
}

/// `BaseException.__init__(self, *args)`: stores `args`.
fn exception_init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let pos = positional(vm, args, kw).to_vec();
    if let Some(e) = pos
        .first()
        .and_then(|v| v.downcast::<crate::exceptions::ExceptionObj>())
    {
        *e.args.borrow_mut(vm.token()) = Value::Obj(Tuple::alloc(pos[1..].to_vec()));
    }
    Ok(Value::None)
}

fn object_repr_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__repr__", args, kw, 1)?;
    crate::builtins::repr::object_repr(vm, &a[0])
}

fn object_str_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__str__", args, kw, 1)?;
    vm.repr(&a[0])
}

fn object_hash_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__hash__", args, kw, 1)?;
    let id = a[0].as_obj().map_or(0, ObjRef::id);
    let _ = vm;
    Ok(Value::Int(id.rotate_right(4) as isize as i64))
}

fn object_eq_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__eq__", args, kw, 2)?;
    Ok(if a[0].is(&a[1]) {
        Value::Bool(true)
    } else {
        Value::Obj(crate::rt_types::rt().not_implemented.clone())
    })
}

/// `object.__lt__` & co.: always `NotImplemented` (CPython's
/// `object_richcompare` for the ordering operators).
fn object_order_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    crate::calls::exact_args(vm, "__lt__", args, kw, 2)?;
    Ok(Value::Obj(crate::rt_types::rt().not_implemented.clone()))
}

fn object_ne_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__ne__", args, kw, 2)?;
    // CPython's `object_richcompare(Py_NE)`: the type's own `__eq__`, whose
    // `NotImplemented` passes through; otherwise its negation.
    let r = match call_special(vm, &a[0], "__eq__", std::slice::from_ref(&a[1]))? {
        Some(r) => r,
        None => return Ok(Value::Obj(crate::rt_types::rt().not_implemented.clone())),
    };
    if not_implemented(&r) {
        return Ok(r);
    }
    Ok(Value::Bool(!vm.is_true(&r)?))
}

fn name_arg(vm: &mut Vm, v: &Value) -> PyResult<ObjRef> {
    match v.as_obj().filter(|o| o.downcast::<StrObj>().is_some()) {
        Some(o) => Ok(crate::builtins::str::intern_obj(vm.token(), o.clone())),
        None => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(vm.token(), &v.type_ref())
        ))),
    }
}

fn object_getattribute_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__getattribute__", args, kw, 2)?;
    let n = name_arg(vm, &a[1])?;
    crate::builtins::object::generic_getattr(vm, &a[0], &n)
}

fn object_setattr_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__setattr__", args, kw, 3)?;
    let n = name_arg(vm, &a[1])?;
    crate::builtins::object::generic_setattr(vm, &a[0], &n, Some(a[2].clone()))?;
    Ok(Value::None)
}

fn object_delattr_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__delattr__", args, kw, 2)?;
    let n = name_arg(vm, &a[1])?;
    crate::builtins::object::generic_setattr(vm, &a[0], &n, None)?;
    Ok(Value::None)
}

fn object_format_m(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::exact_args(vm, "__format__", args, kw, 2)?;
    let empty = a[1].downcast::<StrObj>().is_some_and(|s| s.char_len() == 0);
    if !empty {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(vm.token(), &a[0].type_ref())
        )));
    }
    vm.str(&a[0])
}

fn set_static(vm: &mut Vm, ty: &ObjRef, name: &'static str, f: crate::calls::NativeFn) {
    let key = Value::Obj(intern(vm.token(), name));
    let v = Value::Obj(crate::calls::new_native_function(name, f));
    if let Some(t) = ty.downcast::<TypeObject>() {
        let _ = t.dict.set(&mut NativeEq(vm.token()), key, v);
    }
}

/// Registers the constructors of `object` and the exception classes, and the
/// `__init__`/`__new__` methods `super()` reaches.
pub fn install(vm: &mut Vm) {
    let b = builtin_types();
    register_ctor(&b.object, object_ctor, false);
    register_ctor(&b.none_type, none_ctor, false);
    let base = crate::exceptions::exc_class(ExcKind::BaseException);
    register_ctor(&base, exception_ctor, false);
    crate::calls::add_method(vm.token(), &b.object, "__init__", object_init);
    crate::calls::add_method(vm.token(), &base, "__init__", exception_init);
    set_static(vm, &b.object, "__new__", object_new);
    crate::methods::add_classmethod(
        vm.token(),
        &b.object,
        "__init_subclass__",
        crate::class_new::object_init_subclass,
    );
    for (name, f) in [
        ("__repr__", object_repr_m as crate::calls::NativeFn),
        ("__str__", object_str_m),
        ("__hash__", object_hash_m),
        ("__eq__", object_eq_m),
        ("__ne__", object_ne_m),
        ("__lt__", object_order_m),
        ("__le__", object_order_m),
        ("__gt__", object_order_m),
        ("__ge__", object_order_m),
        ("__getattribute__", object_getattribute_m),
        ("__setattr__", object_setattr_m),
        ("__delattr__", object_delattr_m),
        ("__format__", object_format_m),
    ]
    .into_iter()
    .chain(crate::reduce::object_methods())
    {
        crate::calls::add_method(vm.token(), &b.object, name, f);
    }
    set_static(vm, &b.type_, "__new__", crate::class_new::type_new_fn);
    crate::exc_notes::install(vm);
    crate::union::install(vm);
    crate::calls::add_method(vm.token(), &b.type_, "__init__", type_init);
    crate::type_methods::install(vm);
    crate::methods::add_classmethod(
        vm.token(),
        &b.type_,
        "__prepare__",
        crate::class_build::type_prepare,
    );
}

/// `object.__doc__`, as in CPython.
const OBJECT_DOC: &str = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n";

/// Puts a `__doc__` (`None` where the VM has no text) into every builtin
/// type of `namespace` (the builtins module's dict) and `NoneType`, and
/// `object.__doc__`'s text.
pub fn install_builtin_docs(vm: &mut Vm, namespace: &ObjRef) {
    let Some(d) = namespace.downcast::<Dict>() else {
        return;
    };
    let object = builtin_types().object.clone();
    let doc = Value::Obj(intern(vm.token(), "__doc__"));
    if let Some(t) = object.downcast::<TypeObject>() {
        let _ = t.dict.set(
            &mut NativeEq(vm.token()),
            doc.clone(),
            crate::builtins::str::new_str(OBJECT_DOC),
        );
    }
    let mut types = d.values(vm.token());
    types.push(Value::Obj(builtin_types().none_type.clone()));
    for v in types {
        let Some(t) = v.downcast::<TypeObject>() else {
            continue;
        };
        if t.dict.get_str(vm.token(), &doc).is_none() {
            let _ = t
                .dict
                .set(&mut NativeEq(vm.token()), doc.clone(), Value::None);
        }
    }
}

/// `type.__call__` (CPython's `type_call`): `type(x)`; otherwise `__new__`
/// (a user function, or the nearest builtin constructor) then `__init__`.
pub fn type_call(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&ObjRef>,
) -> PyResult<Value> {
    let Some(cls) = callable.as_obj().cloned() else {
        return Err(PyErr::type_error("type_call on a non-type"));
    };
    let bt = builtin_types();
    let nkw = kwnames_len(vm.token(), kwnames);
    if cls.is(&bt.type_) {
        if args.len() == 1 && nkw == 0 {
            return Ok(Value::Obj(args[0].type_ref()));
        }
        if args.len().saturating_sub(nkw) != 3 {
            return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
        }
    }
    let is_meta = is_subtype(vm.token(), &cls, &bt.type_);
    let user_new = lookup_static(vm, &cls, "__new__").filter(|v| {
        is_py_function(v) || v.downcast::<crate::descriptors::StaticMethod>().is_some()
    });
    let user_init = lookup_static(vm, &cls, "__init__").filter(is_py_function);
    let obj = if let Some(new) = user_new {
        let new = match new.downcast::<crate::descriptors::StaticMethod>() {
            Some(s) => s.func.clone(),
            None => new,
        };
        crate::calls::with_prepended(Value::Obj(cls.clone()), args, |all| {
            vm.call(&new, all, kwnames)
        })?
    } else if is_meta {
        type_new(vm, &cls, args, kwnames)?
    } else {
        let Some((ctor, mutable, owner)) = find_ctor(vm, &cls) else {
            return Err(PyErr::type_error(format!(
                "cannot create '{}' instances",
                type_name(vm.token(), &cls)
            )));
        };
        if owner.is(&bt.object) && user_init.is_none() && !args.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                type_name(vm.token(), &cls)
            )));
        }
        if mutable && user_init.is_some() {
            ctor(vm, &cls, &[], None)?
        } else {
            ctor(vm, &cls, args, kwnames)?
        }
    };
    let ot = obj.type_ref();
    if !is_subtype(vm.token(), &ot, &cls) {
        return Ok(obj);
    }
    if let Some(init) = lookup_static(vm, &ot, "__init__").filter(is_py_function) {
        let r =
            crate::calls::with_prepended(obj.clone(), args, |all| vm.call(&init, all, kwnames))?;
        if !r.is_none() {
            return Err(PyErr::type_error(format!(
                "__init__() should return None, not '{}'",
                type_name(vm.token(), &r.type_ref())
            )));
        }
    }
    Ok(obj)
}

pub use crate::class_new::type_new;

/// Splits native-call arguments into positional values and `(name, value)`
/// keyword pairs.
pub fn split_kw(
    vm: &mut Vm,
    args: &[Value],
    kwnames: Option<&ObjRef>,
) -> (Vec<Value>, Vec<(String, Value)>) {
    let names: Vec<Value> = kwnames
        .and_then(|k| k.downcast::<Tuple>())
        .map(|t| t.items(vm.token()).to_vec())
        .unwrap_or_default();
    let npos = args.len().saturating_sub(names.len());
    let kw = names
        .iter()
        .zip(&args[npos..])
        .map(|(k, v)| {
            (
                k.downcast::<StrObj>()
                    .map(|s| s.text().to_string_lossy().into_owned())
                    .unwrap_or_default(),
                v.clone(),
            )
        })
        .collect();
    (args[..npos].to_vec(), kw)
}

/// The dunder of an in-place operator (`__iadd__`, ...).
pub fn inplace_dunder(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "__iadd__",
        BinOp::And => "__iand__",
        BinOp::FloorDivide => "__ifloordiv__",
        BinOp::Lshift => "__ilshift__",
        BinOp::MatrixMultiply => "__imatmul__",
        BinOp::Multiply => "__imul__",
        BinOp::Remainder => "__imod__",
        BinOp::Or => "__ior__",
        BinOp::Power => "__ipow__",
        BinOp::Rshift => "__irshift__",
        BinOp::Subtract => "__isub__",
        BinOp::TrueDivide => "__itruediv__",
        BinOp::Xor => "__ixor__",
    }
}

// ---------------------------------------------------------------------------
// Slots that call a user class's dunder methods.
// ---------------------------------------------------------------------------

/// Calls special method `name` looked up on `obj`'s type (not the instance),
/// bound to `obj`; `None` if the type has none (CPython's `lookup_maybe_method`).
pub fn call_special(
    vm: &mut Vm,
    obj: &Value,
    name: &str,
    args: &[Value],
) -> PyResult<Option<Value>> {
    let t = obj.type_ref();
    let Some(f) = lookup(vm, &t, name) else {
        return Ok(None);
    };
    let r = if is_py_function(&f) {
        crate::calls::with_prepended(obj.clone(), args, |all| vm.call(&f, all, None))?
    } else {
        let bound = match f
            .type_ref()
            .downcast::<TypeObject>()
            .and_then(|tt| tt.slots.descr_get.get())
        {
            Some(g) => g(vm, &f, Some(obj), &t)?,
            None => f,
        };
        vm.call(&bound, args, None)?
    };
    Ok(Some(r))
}

fn not_implemented(v: &Value) -> bool {
    v.is(&Value::Obj(crate::rt_types::rt().not_implemented.clone()))
}

fn slot_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    call_special(vm, v, "__repr__", &[])?.ok_or_else(|| PyErr::type_error("no __repr__"))
}

fn slot_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    call_special(vm, v, "__str__", &[])?.ok_or_else(|| PyErr::type_error("no __str__"))
}

fn slot_hash(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    let r = call_special(vm, v, "__hash__", &[])?.unwrap_or_default();
    match r {
        Value::Int(i) => Ok(if i == -1 { -2 } else { i as isize }),
        Value::Bool(b) => Ok(b as isize),
        _ => match r.as_int() {
            Some(i) => Ok(crate::builtins::int::hash(i)),
            None => Err(PyErr::type_error(
                "__hash__ method should return an integer",
            )),
        },
    }
}

fn slot_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let name = match op {
        CompareOp::Lt => "__lt__",
        CompareOp::Le => "__le__",
        CompareOp::Eq => "__eq__",
        CompareOp::Ne => "__ne__",
        CompareOp::Gt => "__gt__",
        CompareOp::Ge => "__ge__",
    };
    let t = a.type_ref();
    let user = lookup(vm, &t, name).filter(is_py_function);
    if user.is_none() {
        if op == CompareOp::Ne {
            // Default `__ne__`: the inverse of `__eq__`.
            if lookup(vm, &t, "__eq__").filter(is_py_function).is_some() {
                let r = call_special(vm, a, "__eq__", std::slice::from_ref(b))?.unwrap_or_default();
                if not_implemented(&r) {
                    return Ok(None);
                }
                let t = vm.is_true(&r)?;
                return Ok(Some(Value::Bool(!t)));
            }
        }
        // Fall back to object's comparison.
        return Ok(match op {
            CompareOp::Eq if a.is(b) => Some(Value::Bool(true)),
            CompareOp::Ne if a.is(b) => Some(Value::Bool(false)),
            _ => None,
        });
    }
    let r = call_special(vm, a, name, std::slice::from_ref(b))?.unwrap_or_default();
    Ok(if not_implemented(&r) { None } else { Some(r) })
}

fn slot_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let r = call_special(vm, v, "__len__", &[])?.unwrap_or_default();
    match r {
        Value::Int(i) if i >= 0 => Ok(i as usize),
        Value::Int(_) => Err(PyErr::value_error("__len__() should return >= 0")),
        Value::Bool(b) => Ok(b as usize),
        _ => match r.as_int() {
            Some(crate::value::IntRef::Big(b)) if *b < common::bigint::BigInt::ZERO => {
                Err(PyErr::value_error("__len__() should return >= 0"))
            }
            Some(_) => Err(PyErr::new(
                ExcKind::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            )),
            None => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(vm.token(), &r.type_ref())
            ))),
        },
    }
}

/// Whether `v` is a builtin's native method (a dunder wrapper that calls the
/// builtin's slot back).
fn is_native_method(v: &Value) -> bool {
    let rt = crate::rt_types::rt();
    let vt = v.type_ref();
    vt.is(&rt.method_descriptor)
        || vt.is(&rt.builtin_function)
        || vt.is(&rt.wrapper_descriptor)
        || vt.is(&rt.method_wrapper)
}

fn slot_bool(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let t = v.type_ref();
    if let Some(b) = lookup_static(vm, &t, "__bool__") {
        if is_native_method(&b) {
            // The builtin base's own truth test (`class F(int, Flag)`).
            let mro = t.downcast::<TypeObject>().map(|tt| tt.mro(vm.token()));
            let f = mro.iter().flat_map(|m| m.iter()).find_map(|m| {
                m.downcast::<TypeObject>()
                    .filter(|mt| mt.is_builtin())
                    .and_then(|mt| mt.number.bool_.get())
            });
            return match f {
                Some(f) => f(vm, v),
                None => Ok(true),
            };
        }
        let r = call_special(vm, v, "__bool__", &[])?.unwrap_or_default();
        return match r {
            Value::Bool(b) => Ok(b),
            _ => Err(PyErr::type_error(format!(
                "__bool__ should return bool, returned {}",
                type_name(vm.token(), &r.type_ref())
            ))),
        };
    }
    if lookup_static(vm, &t, "__len__").is_some() {
        return Ok(slot_len(vm, v)? != 0);
    }
    Ok(true)
}

fn slot_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = v.type_ref();
    if lookup_static(vm, &t, "__iter__").is_some_and(|f| f.is_none()) {
        // `__iter__ = None` declares the type not iterable (`slot_tp_iter`).
        return Err(PyErr::type_error(format!(
            "'{}' object is not iterable",
            type_name(vm.token(), &t)
        )));
    }
    call_special(vm, v, "__iter__", &[])?.ok_or_else(|| PyErr::type_error("no __iter__"))
}

fn slot_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    match call_special(vm, v, "__next__", &[]) {
        Ok(r) => Ok(r),
        Err(e) if e.kind == ExcKind::StopIteration => Ok(None),
        Err(e) => Err(e),
    }
}

fn slot_getitem(vm: &mut Vm, v: &Value, k: &Value) -> PyResult<Value> {
    call_special(vm, v, "__getitem__", std::slice::from_ref(k))?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object is not subscriptable",
            type_name(vm.token(), &v.type_ref())
        ))
    })
}

fn slot_setitem(vm: &mut Vm, v: &Value, k: &Value, val: Option<Value>) -> PyResult<()> {
    let r = match val {
        Some(x) => call_special(vm, v, "__setitem__", &[k.clone(), x])?,
        None => call_special(vm, v, "__delitem__", std::slice::from_ref(k))?,
    };
    match r {
        Some(_) => Ok(()),
        None => {
            if let Some(d) = v.downcast::<Dict>() {
                return Err(PyErr::type_error(format!(
                    "dict subclass {}",
                    d.len(vm.token())
                )));
            }
            Err(PyErr::type_error(format!(
                "'{}' object does not support item assignment",
                type_name(vm.token(), &v.type_ref())
            )))
        }
    }
}

fn slot_call(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&ObjRef>,
) -> PyResult<Value> {
    let t = callable.type_ref();
    let Some(f) = lookup_static(vm, &t, "__call__") else {
        return Err(PyErr::type_error(format!(
            "'{}' object is not callable",
            type_name(vm.token(), &t)
        )));
    };
    if is_py_function(&f) {
        return crate::calls::with_prepended(callable.clone(), args, |all| {
            vm.call(&f, all, kwnames)
        });
    }
    // Bound as a descriptor, or called as is (`__call__ = dict`).
    let g = f
        .type_ref()
        .downcast::<TypeObject>()
        .and_then(|tt| tt.slots.descr_get.get());
    let bound = match g {
        Some(g) => g(vm, &f, Some(callable), &t)?,
        None => f,
    };
    vm.call(&bound, args, kwnames)
}

fn slot_descr_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, ty: &ObjRef) -> PyResult<Value> {
    let o = obj.cloned().unwrap_or_default();
    Ok(call_special(vm, d, "__get__", &[o, Value::Obj(ty.clone())])?.unwrap_or_default())
}

fn slot_descr_set(vm: &mut Vm, d: &Value, obj: &Value, v: Option<Value>) -> PyResult<()> {
    match v {
        Some(v) => call_special(vm, d, "__set__", &[obj.clone(), v])?,
        None => call_special(vm, d, "__delete__", std::slice::from_ref(obj))?,
    };
    Ok(())
}

fn slot_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    let t = obj.type_ref();
    // CPython's `slot_tp_getattr_hook`: `__getattribute__` (the user's or
    // object's), then `__getattr__` if that raised AttributeError.
    let r = if lookup_static(vm, &t, "__getattribute__")
        .filter(is_py_function)
        .is_some()
    {
        call_special(vm, obj, "__getattribute__", &[Value::Obj(name.clone())])
            .map(Option::unwrap_or_default)
    } else {
        // The inherited lookup: `type`'s for a class whose metaclass defines
        // `__getattr__`, else `object`'s.
        let base = if obj.downcast::<TypeObject>().is_some() {
            type_getattro(vm, obj, name)
        } else {
            crate::builtins::object::generic_getattr(vm, obj, name)
        };
        match base {
            Ok(v) => return Ok(v),
            Err(e) if e.kind == ExcKind::AttributeError => {
                if lookup_static(vm, &t, "__getattr__").is_some() {
                    return Ok(
                        call_special(vm, obj, "__getattr__", &[Value::Obj(name.clone())])?
                            .unwrap_or_default(),
                    );
                }
                return Err(e);
            }
            Err(e) => return Err(e),
        }
    };
    match r {
        Err(e) if e.kind == ExcKind::AttributeError => {
            if lookup_static(vm, &t, "__getattr__").is_some() {
                return Ok(
                    call_special(vm, obj, "__getattr__", &[Value::Obj(name.clone())])?
                        .unwrap_or_default(),
                );
            }
            Err(e)
        }
        r => r,
    }
}

fn slot_setattro(vm: &mut Vm, obj: &Value, name: &ObjRef, v: Option<Value>) -> PyResult<()> {
    match v {
        Some(v) => call_special(vm, obj, "__setattr__", &[Value::Obj(name.clone()), v])?,
        None => call_special(vm, obj, "__delattr__", &[Value::Obj(name.clone())])?,
    };
    Ok(())
}

fn slot_finalize(vm: &mut Vm, v: &Value) {
    if let Err(e) = call_special(vm, v, "__del__", &[]) {
        // CPython reports it as ignored in the `__del__` function itself.
        let del = lookup(vm, &v.type_ref(), "__del__");
        vm.write_unraisable(e, del.as_ref());
    }
}

macro_rules! binary_slot {
    ($name:ident, $dunder:literal, $rdunder:literal) => {
        fn $name(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
            user_binop(vm, a, b, $dunder, $rdunder)
        }
    };
}

/// A binary dunder pair of user classes (`__add__`/`__radd__`, also
/// `__divmod__`/`__rdivmod__` for `divmod()`); `None` if neither applies.
pub(crate) fn user_binop(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    name: &str,
    rname: &str,
) -> PyResult<Option<Value>> {
    // CPython's `SLOT1BINFULL`: `a.__op__(b)` when `a`'s class defines the
    // operator, but first `b.__rop__(a)` when `b`'s class is a proper subclass
    // overriding `__rop__`; then `b.__rop__(a)`.
    let (ta, tb) = (a.type_ref(), b.type_ref());
    let user = |vm: &mut Vm, t: &ObjRef| {
        t.downcast::<TypeObject>()
            .is_some_and(|tp| !tp.is_builtin())
            && (lookup(vm, t, name).is_some() || lookup(vm, t, rname).is_some())
    };
    let mut do_other = !ta.is(&tb) && user(vm, &tb) && lookup(vm, &tb, rname).is_some();
    if user(vm, &ta) {
        if do_other && crate::types::is_subtype(vm.token(), &tb, &ta) {
            let overloaded = match (lookup(vm, &tb, rname), lookup(vm, &ta, rname)) {
                (None, _) => false,
                (Some(_), None) => true,
                (Some(x), Some(y)) => !x.is(&y),
            };
            if overloaded {
                let r = call_special(vm, b, rname, std::slice::from_ref(a))?.unwrap_or_default();
                if !not_implemented(&r) {
                    return Ok(Some(r));
                }
                do_other = false;
            }
        }
        if lookup(vm, &ta, name).is_some() {
            let r = call_special(vm, a, name, std::slice::from_ref(b))?.unwrap_or_default();
            if !not_implemented(&r) {
                return Ok(Some(r));
            }
        }
        if ta.is(&tb) {
            return Ok(None);
        }
    }
    if do_other {
        let r = call_special(vm, b, rname, std::slice::from_ref(a))?.unwrap_or_default();
        if !not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

binary_slot!(slot_add, "__add__", "__radd__");
binary_slot!(slot_sub, "__sub__", "__rsub__");
binary_slot!(slot_mul, "__mul__", "__rmul__");
binary_slot!(slot_truediv, "__truediv__", "__rtruediv__");
binary_slot!(slot_floordiv, "__floordiv__", "__rfloordiv__");
binary_slot!(slot_mod, "__mod__", "__rmod__");
binary_slot!(slot_lshift, "__lshift__", "__rlshift__");
binary_slot!(slot_rshift, "__rshift__", "__rrshift__");
binary_slot!(slot_and, "__and__", "__rand__");
binary_slot!(slot_or, "__or__", "__ror__");
binary_slot!(slot_xor, "__xor__", "__rxor__");
binary_slot!(slot_matmul, "__matmul__", "__rmatmul__");

fn slot_neg(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    call_special(vm, v, "__neg__", &[])?
        .ok_or_else(|| PyErr::type_error("bad operand type for unary -"))
}
fn slot_pos(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    call_special(vm, v, "__pos__", &[])?
        .ok_or_else(|| PyErr::type_error("bad operand type for unary +"))
}
fn slot_invert(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    call_special(vm, v, "__invert__", &[])?
        .ok_or_else(|| PyErr::type_error("bad operand type for unary ~"))
}
fn slot_index(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    call_special(vm, v, "__index__", &[])?.ok_or_else(|| PyErr::type_error("no __index__"))
}

/// Sets the slots of class `cls` for the dunders its namespace defines
/// (CPython's `fixup_slot_dispatchers`).
pub fn install_user_slots(vm: &mut Vm, cls: &ObjRef) {
    let Some(t) = cls.downcast::<TypeObject>() else {
        return;
    };
    let keys: Vec<String> = t
        .dict
        .keys(vm.token())
        .iter()
        .filter_map(|k| {
            k.downcast::<StrObj>()
                .and_then(|s| s.as_str().map(str::to_owned))
        })
        .collect();
    install_slots_named(vm, cls, &keys, true);
    // Dunders inherited from a user class that comes before a builtin one in
    // the MRO (`class S(str, Enum)` gets `Enum.__str__`): the slot inherited
    // from the builtin would bypass them.
    let mro = t.mro(vm.token());
    let mut inherited: Vec<String> = Vec::new();
    for m in mro.iter().skip(1) {
        let Some(mt) = m.downcast::<TypeObject>() else {
            continue;
        };
        if mt.is_builtin() {
            continue;
        }
        for k in mt.dict.keys(vm.token()) {
            let Some(ks) = k.downcast::<StrObj>().and_then(StrObj::as_str) else {
                continue;
            };
            if ks.starts_with("__")
                && !keys.iter().any(|o| o == ks)
                && !inherited.iter().any(|o| o == ks)
            {
                inherited.push(ks.to_owned());
            }
        }
    }
    inherited.retain(|name| {
        let key = Value::Obj(intern(vm.token(), name));
        let owner = mro.iter().find(|m| {
            m.downcast::<TypeObject>()
                .is_some_and(|mt| mt.dict.get_str(vm.token(), &key).is_some())
        });
        owner.is_some_and(|o| {
            o.downcast::<TypeObject>()
                .is_some_and(|mt| !mt.is_builtin())
        })
    });
    if !inherited.is_empty() {
        install_slots_named(vm, cls, &inherited, false);
    }
}

/// After `cls.<name> = v` for a dunder `name`: the slots of `cls` and its
/// subclasses dispatch to the new method (CPython's `update_slot`).
pub fn update_slot(vm: &mut Vm, cls: &ObjRef, name: &str) {
    if !(name.starts_with("__") && name.ends_with("__") && name.len() > 4) {
        return;
    }
    let keys = [name.to_owned()];
    let mut work = vec![cls.clone()];
    let mut seen = 0usize;
    while let Some(c) = work.pop() {
        seen += 1;
        if seen > 100_000 {
            break;
        }
        let present = lookup(vm, &c, name).is_some();
        if present {
            install_slots_named(vm, &c, &keys, false);
        }
        if let Some(t) = c.downcast::<TypeObject>() {
            work.extend(t.subclasses(vm.token()));
        }
    }
}

fn install_slots_named(vm: &mut Vm, cls: &ObjRef, keys: &[String], creating: bool) {
    let Some(t) = cls.downcast::<TypeObject>() else {
        return;
    };
    if t.is_builtin() {
        return;
    }
    let defines_hash = keys.iter().any(|k| k == "__hash__");
    // `__hash__ = object.__hash__` (a builtin's own method, e.g. under a class
    // that made instances unhashable): the defining builtin's hash slot.
    if defines_hash {
        let native_hash = lookup(vm, cls, "__hash__").and_then(|v| {
            v.downcast::<crate::calls::MethodDescr>()
                .and_then(|d| d.owner.downcast::<TypeObject>())
                .and_then(|o| o.slots.hash.get())
        });
        if let Some(h) = native_hash {
            t.slots.hash.set(Some(h));
        }
    }
    // A builtin's own dunder (`cls.__format__ = int.__format__`) keeps the
    // slot inherited from the builtin: its wrapper calls back into that slot.
    let keys: Vec<&String> = keys
        .iter()
        .filter(|k| {
            let native = lookup(vm, cls, k).is_some_and(|v| is_native_method(&v));
            !native
        })
        .collect();
    let has = |n: &str| keys.iter().any(|k| *k == n);
    let s = &t.slots;
    let n = &t.number;
    if has("__repr__") {
        s.repr.set(Some(slot_repr));
    }
    if has("__str__") {
        s.str_.set(Some(slot_str));
    }
    if has("__hash__") {
        let v = lookup(vm, cls, "__hash__");
        if v.is_some_and(|v| v.is_none()) {
            s.hash
                .set(Some(crate::types::builtin::hash_not_implemented));
        } else {
            s.hash.set(Some(slot_hash));
        }
    } else if has("__eq__") && creating && !defines_hash {
        // Defining `__eq__` without `__hash__` makes instances unhashable.
        s.hash
            .set(Some(crate::types::builtin::hash_not_implemented));
        let key = Value::Obj(intern(vm.token(), "__hash__"));
        let _ = t.dict.set(&mut NativeEq(vm.token()), key, Value::None);
    }
    if ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"]
        .iter()
        .any(|d| has(d))
    {
        s.richcompare.set(Some(slot_richcompare));
    }
    if has("__len__") {
        s.len.set(Some(slot_len));
    }
    if has("__bool__") || has("__len__") {
        n.bool_.set(Some(slot_bool));
    }
    if has("__iter__") {
        s.iter.set(Some(slot_iter));
    }
    if has("__next__") {
        s.iternext.set(Some(slot_iternext));
    }
    if has("__getitem__") {
        s.getitem.set(Some(slot_getitem));
    }
    if has("__setitem__") || has("__delitem__") {
        s.setitem.set(Some(slot_setitem));
    }
    if has("__call__") {
        s.call.set(Some(slot_call));
    }
    if has("__get__") {
        s.descr_get.set(Some(slot_descr_get));
    }
    if has("__set__") || has("__delete__") {
        s.descr_set.set(Some(slot_descr_set));
    }
    if has("__getattr__") || has("__getattribute__") {
        s.getattro.set(Some(slot_getattro));
    }
    if has("__setattr__") || has("__delattr__") {
        s.setattro.set(Some(slot_setattro));
    }
    if has("__del__") {
        s.finalize.set(Some(slot_finalize));
    }
    let bin: [(
        &str,
        &str,
        crate::types::slots::BinaryFn,
        &std::cell::Cell<Option<crate::types::slots::BinaryFn>>,
    ); 12] = [
        ("__add__", "__radd__", slot_add, &n.add),
        ("__sub__", "__rsub__", slot_sub, &n.subtract),
        ("__mul__", "__rmul__", slot_mul, &n.multiply),
        ("__truediv__", "__rtruediv__", slot_truediv, &n.true_divide),
        (
            "__floordiv__",
            "__rfloordiv__",
            slot_floordiv,
            &n.floor_divide,
        ),
        ("__mod__", "__rmod__", slot_mod, &n.remainder),
        ("__lshift__", "__rlshift__", slot_lshift, &n.lshift),
        ("__rshift__", "__rrshift__", slot_rshift, &n.rshift),
        ("__and__", "__rand__", slot_and, &n.and),
        ("__or__", "__ror__", slot_or, &n.or),
        ("__xor__", "__rxor__", slot_xor, &n.xor),
        ("__matmul__", "__rmatmul__", slot_matmul, &n.matrix_multiply),
    ];
    for (d, r, f, cell) in bin {
        if has(d) || has(r) {
            cell.set(Some(f));
        }
    }
    if has("__neg__") {
        n.negative.set(Some(slot_neg));
    }
    if has("__pos__") {
        n.positive.set(Some(slot_pos));
    }
    if has("__invert__") {
        n.invert.set(Some(slot_invert));
    }
    if has("__index__") {
        n.index.set(Some(slot_index));
    }
}

/// Whether `v` is an instance of a class (for `isinstance`), honouring
/// `__class__` only through the real type for now.
pub fn isinstance(vm: &mut Vm, v: &Value, cls: &Value) -> PyResult<bool> {
    if cls.as_obj().is_some_and(|c| v.type_ref().is(c)) {
        return Ok(true);
    }
    if let Some(r) = crate::instancecheck::metaclass_check(vm, cls, "__instancecheck__", v)? {
        return Ok(r);
    }
    if let Some(t) = cls.downcast::<Tuple>() {
        for c in t.items(vm.token()).to_vec() {
            if isinstance(vm, v, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(members) = crate::union::union_args(vm, cls) {
        for c in members {
            if isinstance(vm, v, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let Some(c) = cls
        .as_obj()
        .filter(|c| c.downcast::<TypeObject>().is_some())
    else {
        return Err(PyErr::type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        ));
    };
    let t = v.type_ref();
    if t.is(c) {
        return Ok(true);
    }
    if let Some(r) = crate::type_methods::metaclass_check(vm, c, "__instancecheck__", v)? {
        return Ok(r);
    }
    crate::type_methods::plain_isinstance(vm, v, c)
}

/// `issubclass(a, cls)`.
pub fn issubclass(vm: &mut Vm, a: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(r) = crate::instancecheck::metaclass_check(vm, cls, "__subclasscheck__", a)? {
        return Ok(r);
    }
    let Some(ao) = a.as_obj().filter(|o| o.downcast::<TypeObject>().is_some()) else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    if let Some(t) = cls.downcast::<Tuple>() {
        for c in t.items(vm.token()).to_vec() {
            if issubclass(vm, a, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(members) = crate::union::union_args(vm, cls) {
        for c in members {
            if issubclass(vm, a, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let Some(c) = cls
        .as_obj()
        .filter(|c| c.downcast::<TypeObject>().is_some())
    else {
        return Err(PyErr::type_error(
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        ));
    };
    if let Some(r) = crate::type_methods::metaclass_check(vm, c, "__subclasscheck__", a)? {
        return Ok(r);
    }
    Ok(is_subtype(vm.token(), ao, c))
}

/// `type.__getattribute__`: the type's own data (`__name__`, `__mro__`, ...),
/// then the generic lookup (CPython's `type_getattro` with `type_getsets`).
pub fn type_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    if let (Some(t), Some(cls)) = (obj.downcast::<TypeObject>(), obj.as_obj()) {
        let n = name
            .downcast::<StrObj>()
            .and_then(StrObj::as_str)
            .unwrap_or("");
        let tk = vm.token();
        let v = match n {
            "__name__" => Some(crate::builtins::str::new_str(&t.name(tk))),
            "__qualname__" => Some(crate::builtins::str::new_str(&t.qualname(tk))),
            "__module__" => {
                let key = Value::Obj(intern(tk, "__module__"));
                Some(
                    t.dict
                        .get_str(tk, &key)
                        .unwrap_or_else(|| crate::builtins::str::new_str(&t.module(tk))),
                )
            }
            "__mro__" => Some(Value::Obj(Tuple::alloc(
                t.mro(tk).iter().cloned().map(Value::Obj).collect(),
            ))),
            "__bases__" => Some(Value::Obj(Tuple::alloc(
                t.bases(tk).into_iter().map(Value::Obj).collect(),
            ))),
            "__base__" => Some(t.base(tk).map_or(Value::None, Value::Obj)),
            "__dict__" => {
                crate::instance_getsets::ensure_iterator_methods(vm, &Value::None, cls);
                Some(crate::mappingproxy::class_dict_proxy(vm.token(), cls))
            }
            "__doc__" => {
                let key = Value::Obj(intern(tk, "__doc__"));
                Some(t.dict.get_str(tk, &key).unwrap_or_default())
            }
            _ => None,
        };
        if let Some(v) = v {
            return Ok(v);
        }
        let _ = cls;
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}
