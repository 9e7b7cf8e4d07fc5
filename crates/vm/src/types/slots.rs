//! Type slots: Rust function pointers for the hot protocols, so the VM calls a
//! builtin type's operation without a dictionary lookup (CPython's `tp_hash`,
//! `tp_richcompare`, `nb_add`, ...). A user class that defines a dunder will get a
//! slot that calls it (CPython's `slot_tp_hash` & co., `update_one_slot`).
//!
//! Each slot is a `Cell<Option<fn>>`: copied out before the call, so no borrow of
//! the type is held while it runs.

use std::cell::Cell;

use crate::error::PyResult;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// A comparison operator, numbered as CPython's `Py_LT` ... `Py_GE`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum CompareOp {
    /// `<`
    Lt = 0,
    /// `<=`
    Le = 1,
    /// `==`
    Eq = 2,
    /// `!=`
    Ne = 3,
    /// `>`
    Gt = 4,
    /// `>=`
    Ge = 5,
}

impl CompareOp {
    /// The operator with its operands swapped (CPython's `_Py_SwappedOp`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    /// The operator's symbol, for error messages.
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
}

/// `tp_hash`: `hash(v)`.
pub type HashFn = fn(&mut Vm, &Value) -> PyResult<isize>;
/// `tp_richcompare`: `Ok(None)` means `NotImplemented`.
pub type RichCompareFn = fn(&mut Vm, &Value, &Value, CompareOp) -> PyResult<Option<Value>>;
/// `tp_repr`, `tp_str`, `tp_iter`, `nb_negative`, ...: one operand, one result.
pub type UnaryFn = fn(&mut Vm, &Value) -> PyResult<Value>;
/// `nb_add` and the other binary number slots: `Ok(None)` means `NotImplemented`.
pub type BinaryFn = fn(&mut Vm, &Value, &Value) -> PyResult<Option<Value>>;
/// `nb_power` (third operand `None` unless `pow(a, b, m)`).
pub type TernaryFn = fn(&mut Vm, &Value, &Value, &Value) -> PyResult<Option<Value>>;
/// `nb_bool`.
pub type InquiryFn = fn(&mut Vm, &Value) -> PyResult<bool>;
/// `tp_getattro`: the name is an interned `str`.
pub type GetAttroFn = fn(&mut Vm, &Value, &ObjRef) -> PyResult<Value>;
/// `tp_setattro`: `None` value deletes.
pub type SetAttroFn = fn(&mut Vm, &Value, &ObjRef, Option<Value>) -> PyResult<()>;
/// `tp_call` in vectorcall form: positional and keyword values, then the tuple
/// of keyword names (CPython's `vectorcallfunc`).
pub type CallFn = fn(&mut Vm, &Value, &[Value], Option<&ObjRef>) -> PyResult<Value>;
/// `tp_iternext`: `Ok(None)` when exhausted (no `StopIteration` object needed).
pub type IterNextFn = fn(&mut Vm, &Value) -> PyResult<Option<Value>>;
/// `mp_length` / `sq_length`.
pub type LenFn = fn(&mut Vm, &Value) -> PyResult<usize>;
/// `mp_subscript`.
pub type GetItemFn = fn(&mut Vm, &Value, &Value) -> PyResult<Value>;
/// `tp_finalize` (`__del__`): errors are the finalizer's to report (CPython
/// prints them with `sys.unraisablehook`).
pub type FinalizeFn = fn(&mut Vm, &Value);
/// `tp_descr_get`: `descr.__get__(obj, type)`; `obj` is `None` for access
/// through the class.
pub type DescrGetFn = fn(&mut Vm, &Value, Option<&Value>, &ObjRef) -> PyResult<Value>;
/// `tp_descr_set`: `descr.__set__(obj, value)`, or `__delete__(obj)` with `None`.
/// Its presence makes a descriptor a data descriptor.
pub type DescrSetFn = fn(&mut Vm, &Value, &Value, Option<Value>) -> PyResult<()>;
/// `mp_ass_subscript`: `None` value deletes.
pub type SetItemFn = fn(&mut Vm, &Value, &Value, Option<Value>) -> PyResult<()>;

macro_rules! slot_struct {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$m])*
        #[derive(Default)]
        pub struct $name {
            $($(#[$fm])* pub $field: Cell<Option<$ty>>,)*
        }

        impl $name {
            /// Copies every slot that is empty here from `base` (CPython's
            /// `inherit_slots`).
            pub fn inherit_from(&self, base: &$name) {
                $(if self.$field.get().is_none() {
                    self.$field.set(base.$field.get());
                })*
            }
        }
    };
}

slot_struct! {
    /// The number protocol (CPython's `PyNumberMethods`).
    NumberSlots {
        /// `__add__` / `__radd__`.
        add: BinaryFn,
        /// `__sub__` / `__rsub__`.
        subtract: BinaryFn,
        /// `__mul__` / `__rmul__`.
        multiply: BinaryFn,
        /// `__truediv__`.
        true_divide: BinaryFn,
        /// `__floordiv__`.
        floor_divide: BinaryFn,
        /// `__mod__`.
        remainder: BinaryFn,
        /// `__divmod__`.
        divmod: BinaryFn,
        /// `__pow__`.
        power: TernaryFn,
        /// `__lshift__`.
        lshift: BinaryFn,
        /// `__rshift__`.
        rshift: BinaryFn,
        /// `__and__`.
        and: BinaryFn,
        /// `__or__`.
        or: BinaryFn,
        /// `__xor__`.
        xor: BinaryFn,
        /// `__matmul__`.
        matrix_multiply: BinaryFn,
        /// `__neg__`.
        negative: UnaryFn,
        /// `__pos__`.
        positive: UnaryFn,
        /// `__abs__`.
        absolute: UnaryFn,
        /// `__invert__`.
        invert: UnaryFn,
        /// `__bool__`.
        bool_: InquiryFn,
        /// `__int__`.
        int: UnaryFn,
        /// `__float__`.
        float: UnaryFn,
        /// `__index__`.
        index: UnaryFn,
        /// `__iadd__` (the other in-place slots follow the same pattern).
        inplace_add: BinaryFn,
        /// `__isub__`.
        inplace_subtract: BinaryFn,
        /// `__imul__`.
        inplace_multiply: BinaryFn,
    }
}

slot_struct! {
    /// The slots of a type other than the number protocol (CPython's `tp_*`,
    /// `mp_*`, `sq_*`).
    Slots {
        /// `__hash__`.
        hash: HashFn,
        /// `__eq__`, `__lt__`, ...
        richcompare: RichCompareFn,
        /// `__repr__`.
        repr: UnaryFn,
        /// `__str__`.
        str_: UnaryFn,
        /// `__getattribute__` / `__getattr__`.
        getattro: GetAttroFn,
        /// `__setattr__` / `__delattr__`.
        setattro: SetAttroFn,
        /// `__call__`.
        call: CallFn,
        /// `__iter__`.
        iter: UnaryFn,
        /// `__next__`.
        iternext: IterNextFn,
        /// `__len__`.
        len: LenFn,
        /// `__getitem__`.
        getitem: GetItemFn,
        /// `__setitem__` / `__delitem__`.
        setitem: SetItemFn,
        /// `__get__`.
        descr_get: DescrGetFn,
        /// `__set__` / `__delete__`.
        descr_set: DescrSetFn,
        /// `__del__`: run after the last reference dies (at the VM's next safe
        /// point), at most once per object.
        finalize: FinalizeFn,
    }
}
