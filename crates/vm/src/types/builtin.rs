//! The builtin type objects (`type`, `object`, `int`, ...), created once per
//! thread when its [`Token`] is first acquired, and never freed (CPython's static
//! types). [`builtin_types`] returns them.

use std::cell::Cell;
use std::rc::Rc;

use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::str::StrObj;
use crate::builtins::tuple::Tuple;
use crate::builtins::{float, int, str as str_};
use crate::error::PyResult;
use crate::object::{Layout, ObjRef, Payload, PayloadKind, Token};
use crate::types::{TypeObject, FLAG_BASETYPE, FLAG_BUILTIN, FLAG_IMMUTABLE};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of plain `object()` instances: nothing.
pub struct BaseObject;

impl Payload for BaseObject {
    const KIND: PayloadKind = PayloadKind::Object;
    const GC: bool = false;
    // Classes on top of `object` get instances with a `__dict__`.
    const SUBCLASS: fn() -> &'static crate::object::Layout =
        crate::object::same_layout::<crate::builtins::object::Instance>;
}

/// References to the builtin types.
pub struct BuiltinTypes {
    /// `type`.
    pub type_: ObjRef,
    /// `object`.
    pub object: ObjRef,
    /// `int`.
    pub int: ObjRef,
    /// `bool`.
    pub bool_: ObjRef,
    /// `float`.
    pub float: ObjRef,
    /// `str`.
    pub str_: ObjRef,
    /// `dict`.
    pub dict: ObjRef,
    /// `tuple`.
    pub tuple: ObjRef,
    /// `list`.
    pub list: ObjRef,
    /// `NoneType`.
    pub none_type: ObjRef,
}

thread_local! {
    static BUILTINS: Cell<Option<&'static BuiltinTypes>> = const { Cell::new(None) };
}

/// This thread's builtin types.
#[inline]
pub fn builtin_types() -> &'static BuiltinTypes {
    match BUILTINS.with(Cell::get) {
        Some(b) => b,
        None => init_without_token(),
    }
}

#[cold]
fn init_without_token() -> &'static BuiltinTypes {
    // The token's constructor creates the builtin types, so if they don't exist
    // yet, nobody holds the token and we can take it for a moment.
    drop(Token::acquire());
    match BUILTINS.with(Cell::get) {
        Some(b) => b,
        // Token::acquire always initializes; unreachable.
        None => std::process::abort(),
    }
}

/// Creates the builtin types if this thread doesn't have them yet. Called by
/// `Token::acquire`; must not call `builtin_types()` (directly or not).
pub(crate) fn ensure_init(token: &mut Token) {
    if BUILTINS.with(Cell::get).is_some() {
        return;
    }
    let b: &'static BuiltinTypes = Box::leak(Box::new(create(token)));
    BUILTINS.with(|c| c.set(Some(b)));
}

const BUILTIN: u32 = FLAG_BUILTIN | FLAG_IMMUTABLE;

fn create(token: &mut Token) -> BuiltinTypes {
    let type_ = ObjRef::new_self_typed(TypeObject::blank(
        TypeObject::LAYOUT,
        "type",
        BUILTIN | FLAG_BASETYPE,
    ));
    let object = ObjRef::new(
        &type_,
        TypeObject::blank(BaseObject::LAYOUT, "object", BUILTIN | FLAG_BASETYPE),
    );
    set_mro(token, &object, None);
    set_mro(token, &type_, Some(&object));
    let mk = |token: &mut Token, name: &str, layout: &'static Layout, base: &ObjRef, flags: u32| {
        let t = ObjRef::new(&type_, TypeObject::blank(layout, name, BUILTIN | flags));
        set_mro(token, &t, Some(base));
        t
    };
    let int = mk(token, "int", IntLayout::LAYOUT, &object, FLAG_BASETYPE);
    let bool_ = mk(token, "bool", IntLayout::LAYOUT, &int, 0);
    let float = mk(token, "float", BaseObject::LAYOUT, &object, FLAG_BASETYPE);
    let str_ = mk(token, "str", StrObj::LAYOUT, &object, FLAG_BASETYPE);
    let dict = mk(token, "dict", Dict::LAYOUT, &object, FLAG_BASETYPE);
    let tuple = mk(token, "tuple", Tuple::LAYOUT, &object, FLAG_BASETYPE);
    let list = mk(token, "list", List::LAYOUT, &object, FLAG_BASETYPE);
    let none_type = mk(token, "NoneType", BaseObject::LAYOUT, &object, 0);
    let b = BuiltinTypes {
        type_,
        object,
        int,
        bool_,
        float,
        str_,
        dict,
        tuple,
        list,
        none_type,
    };
    install_slots(&b);
    b
}

type IntLayout = int::IntObj;

/// Sets `__base__`, `__bases__` and `__mro__` of a builtin type with at most one
/// base.
fn set_mro(token: &mut Token, t: &ObjRef, base: Option<&ObjRef>) {
    let Some(tp) = t.downcast::<TypeObject>() else {
        return;
    };
    let mut mro = vec![t.clone()];
    if let Some(b) = base {
        if let Some(bp) = b.downcast::<TypeObject>() {
            mro.extend(bp.mro(token).iter().cloned());
            bp.subclasses
                .borrow_mut(token)
                .push(crate::object::WeakObj::new(t, &tp.anchor));
        }
        *tp.base.borrow_mut(token) = Some(b.clone());
        *tp.bases.borrow_mut(token) = vec![b.clone()];
    }
    *tp.mro.borrow_mut(token) = Rc::from(mro);
}

fn ty(t: &ObjRef) -> &TypeObject {
    match t.downcast::<TypeObject>() {
        Some(t) => t,
        // Every field of BuiltinTypes is created as a TypeObject above.
        None => std::process::abort(),
    }
}

/// `object.__hash__`: derived from the address (CPython's `_Py_HashPointer`:
/// the address rotated right by 4 bits).
fn object_hash(_vm: &mut Vm, v: &Value) -> PyResult<isize> {
    let id = v.as_obj().map_or(0, ObjRef::id);
    let h = id.rotate_right(4) as isize;
    Ok(if h == -1 { -2 } else { h })
}

/// `object.__eq__` / `__ne__`: identity; other comparisons are `NotImplemented`.
fn object_richcompare(
    _vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: crate::types::CompareOp,
) -> PyResult<Option<Value>> {
    use crate::types::CompareOp::*;
    Ok(match op {
        Eq => Some(if a.is(b) {
            Value::Bool(true)
        } else {
            return Ok(None);
        }),
        Ne => Some(if a.is(b) {
            Value::Bool(false)
        } else {
            return Ok(None);
        }),
        _ => None,
    })
}

/// The hash slot of unhashable types (CPython's `PyObject_HashNotImplemented`).
pub fn hash_not_implemented(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    let t = v.type_ref();
    Err(crate::error::PyErr::type_error(format!(
        "unhashable type: '{}'",
        crate::types::type_name(vm.token(), &t)
    )))
}

/// `type.__setattr__`: stores in the class namespace and bumps version tags.
pub(crate) fn type_setattro(
    vm: &mut Vm,
    obj: &Value,
    name: &ObjRef,
    value: Option<Value>,
) -> PyResult<()> {
    let Some(cls) = obj.as_obj() else {
        return Err(crate::error::PyErr::type_error(
            "descriptor requires a 'type' object",
        ));
    };
    if crate::type_methods::set_type_data(vm, cls, name, value.as_ref())? {
        return Ok(());
    }
    let had = value.is_none();
    let r = crate::types::type_setattr(vm.token(), cls, &Value::Obj(name.clone()), value)
        .and_then(|()| crate::type_methods::note_abstract(vm, cls, name));
    if r.is_ok() {
        if let Some(n) = name.downcast::<StrObj>().and_then(StrObj::as_str) {
            crate::class::update_slot(vm, cls, n);
        }
    }
    match r {
        // `del C.x` of a missing attribute is an AttributeError, as in CPython.
        Err(e) if had && e.kind == crate::error::ExcKind::KeyError => {
            let attr = name
                .downcast::<StrObj>()
                .and_then(StrObj::as_str)
                .unwrap_or("?");
            let n = crate::types::type_name(vm.token(), cls);
            Err(crate::error::PyErr::new(
                crate::error::ExcKind::AttributeError,
                format!("type object '{n}' has no attribute '{attr}'"),
            ))
        }
        r => r,
    }
}

fn dict_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(v.downcast::<Dict>().map_or(0, |d| d.len(vm.token())))
}

fn tuple_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(v.downcast::<Tuple>().map_or(0, |t| t.len(vm.token())))
}

fn list_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(v.downcast::<List>().map_or(0, |l| l.len(vm.token())))
}

/// Fills the slots the object core implements natively; the rest stay empty
/// until the builtin types get their full method tables.
fn install_slots(b: &BuiltinTypes) {
    let o = ty(&b.object);
    o.slots
        .getattro
        .set(Some(crate::builtins::object::generic_getattr));
    o.slots
        .setattro
        .set(Some(crate::builtins::object::generic_setattr));
    o.slots.hash.set(Some(object_hash));
    o.slots.richcompare.set(Some(object_richcompare));

    let i = ty(&b.int);
    i.slots.hash.set(Some(int::slot_hash));
    i.slots.richcompare.set(Some(int::slot_richcompare));
    i.number.add.set(Some(int::slot_add));
    i.number.subtract.set(Some(int::slot_sub));
    i.number.multiply.set(Some(int::slot_mul));
    i.number.floor_divide.set(Some(int::slot_floordiv));
    i.number.remainder.set(Some(int::slot_mod));
    i.number.negative.set(Some(int::slot_neg));
    i.number.bool_.set(Some(int::slot_bool));

    let f = ty(&b.float);
    f.slots.hash.set(Some(float::slot_hash));
    f.slots.richcompare.set(Some(float::slot_richcompare));
    f.number.add.set(Some(float::slot_add));
    f.number.subtract.set(Some(float::slot_sub));
    f.number.multiply.set(Some(float::slot_mul));
    f.number.true_divide.set(Some(float::slot_truediv));
    f.number.floor_divide.set(Some(float::slot_floordiv));
    f.number.remainder.set(Some(float::slot_mod));

    let s = ty(&b.str_);
    s.slots.hash.set(Some(str_::slot_hash));
    s.slots.richcompare.set(Some(str_::slot_richcompare));
    s.slots.len.set(Some(str_::slot_len));

    ty(&b.type_).slots.setattro.set(Some(type_setattro));
    {
        use crate::builtins::repr as r;
        o.slots.repr.set(Some(r::object_repr));
        ty(&b.type_).slots.repr.set(Some(r::type_repr));
        i.slots.repr.set(Some(r::int_repr));
        ty(&b.bool_).slots.repr.set(Some(r::bool_repr));
        f.slots.repr.set(Some(r::float_repr));
        s.slots.repr.set(Some(str_::slot_repr));
        s.slots.str_.set(Some(str_::slot_str));
        ty(&b.none_type).slots.repr.set(Some(r::none_repr));
        ty(&b.tuple).slots.repr.set(Some(r::tuple_repr));
        ty(&b.list).slots.repr.set(Some(r::list_repr));
        ty(&b.dict).slots.repr.set(Some(r::dict_repr));
    }
    ty(&b.dict).slots.len.set(Some(dict_len));
    ty(&b.tuple).slots.len.set(Some(tuple_len));
    ty(&b.tuple)
        .slots
        .hash
        .set(Some(crate::builtins::tuple::slot_hash));
    ty(&b.tuple)
        .slots
        .richcompare
        .set(Some(crate::builtins::tuple::slot_richcompare));
    ty(&b.list)
        .slots
        .richcompare
        .set(Some(crate::builtins::list::slot_richcompare));
    ty(&b.list).slots.len.set(Some(list_len));

    // Inheritance along each builtin's MRO (bool from int, everything from object).
    for t in [
        &b.type_,
        &b.int,
        &b.bool_,
        &b.float,
        &b.str_,
        &b.dict,
        &b.tuple,
        &b.list,
        &b.none_type,
    ] {
        let tp = ty(t);
        if t.is(&b.bool_) {
            tp.slots.inherit_from(&ty(&b.int).slots);
            tp.number.inherit_from(&ty(&b.int).number);
        }
        tp.slots.inherit_from(&o.slots);
    }
    // Mutable builtins are unhashable: their hash slot raises (CPython's
    // PyObject_HashNotImplemented), and subclasses inherit that.
    for t in [&b.dict, &b.list] {
        ty(t).slots.hash.set(Some(hash_not_implemented));
    }
}
